//! Function bodies: what a function can do (capabilities, followed into project helpers), where a
//! human-approval pause dominates a call, and which model-controlled parameters reach an
//! injection sink without a recognised sanitizer.
//!
//! Capabilities are inter-procedural over project functions up to `MAX_HOPS` calls deep. The
//! argument-taint walk is flow-sensitive over statements in order; branches are analysed from
//! the same state and merged. Sanitizers are data (`[[sanitizer]]`), plus two shapes handled
//! here: a membership guard (`if x not in ALLOWED: raise`) and a validation guard
//! (`if not x.isalnum(): return`) clean `x` after the guard.

use crate::extract::interp::{CallRecord, Callee, Evaluation, FuncVal, ModuleInfo, Site, Value};
use crate::knowledge::{self, Knowledge};
use crate::syntax::python::{Arg, Expr, ExprKind, FuncDef, ParamKind, Stmt, StmtKind, Target};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

const MAX_HOPS: usize = 5;

/// A capability: a sink or source kind reached from a function, with the call chain.
#[derive(Debug, Clone)]
pub struct CapHit {
    pub kind: String,
    /// The library call that is the sink or source.
    pub site: Site,
    /// Call sites from the analysed function down to `site` (the last element is `site`).
    pub chain: Vec<Site>,
    /// The dotted callee, for messages.
    pub callee: String,
}

#[derive(Debug, Clone, Default)]
pub struct Caps {
    pub sinks: Vec<CapHit>,
    pub sources: Vec<CapHit>,
    /// Calls to chat models (the function is LLM-driven).
    pub model_calls: Vec<Site>,
    /// `interrupt()` calls reached (anywhere in the body or helpers).
    pub interrupts: Vec<Site>,
}

/// A model-controlled parameter reaching an injection sink.
#[derive(Debug, Clone)]
pub struct InjectionHit {
    /// The argument is the parameter itself (the tool runs what the model wrote), not a
    /// value interpolated into a larger command or query.
    pub direct: bool,
    pub param: String,
    pub param_site: Site,
    pub kind: String,
    pub sink: Site,
    pub chain: Vec<Site>,
    pub callee: String,
}

/// An approval pause that runs after the action it should have approved.
#[derive(Debug, Clone)]
pub struct LateGate {
    pub gate: Site,
    pub sink: Site,
    pub kind: String,
}

#[derive(Debug, Clone, Default)]
pub struct BodyFacts {
    /// Call site → the `interrupt()` (or helper) call that dominates it.
    pub dominated: HashMap<Site, Site>,
    /// Call site → a pause that ran before it on some paths only (`if amount > LIMIT:
    /// interrupt(...)`): a conditional approval, weaker than a dominating one.
    pub weakly_dominated: HashMap<Site, Site>,
    pub injections: Vec<InjectionHit>,
    pub late_gates: Vec<LateGate>,
    /// Whether the body interrupts unconditionally at its top level.
    pub always_interrupts: Option<Site>,
}

pub struct BodyAnalyzer<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    rec_at: HashMap<Site, &'a CallRecord>,
    caps: RefCell<HashMap<Site, Rc<Caps>>>,
    facts: RefCell<HashMap<Site, Rc<BodyFacts>>>,
    in_progress: RefCell<Vec<Site>>,
    /// `file_method_validates` answers, by file and method name.
    validators: RefCell<HashMap<(crate::model::FileId, String), bool>>,
    /// `local_validates` answers, by function.
    local_validators: RefCell<HashMap<Site, bool>>,
}

/// Parameters the runtime injects: not model-controlled.
fn is_injected(annotation: Option<&Expr>, name: &str) -> bool {
    if matches!(
        name,
        "self" | "cls" | "config" | "runtime" | "state" | "store" | "tool_call_id" | "ctx"
    ) {
        return true;
    }
    let Some(a) = annotation else { return false };
    let mut found = false;
    walk_expr_names(a, &mut |n| {
        if matches!(
            n,
            "InjectedState"
                | "InjectedStore"
                | "InjectedToolCallId"
                | "InjectedToolArg"
                | "ToolRuntime"
                | "RunnableConfig"
                | "CallbackManagerForToolRun"
                | "AsyncCallbackManagerForToolRun"
                // MCP servers: the request context the SDK passes to a tool or handler.
                | "Context"
                | "ServerRequestContext"
                | "RequestContext"
                // OpenAI Agents: the run context a function tool may take first.
                | "RunContextWrapper"
                | "ToolContext"
        ) {
            found = true;
        }
    });
    found
}

/// Visits every name and attribute name inside an expression (bounded by the IR's depth cap).
fn walk_expr_names(e: &Expr, f: &mut dyn FnMut(&str)) {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Name(n) => f(n),
            ExprKind::Attr(o, a) => {
                f(a);
                stack.push(o);
            }
            ExprKind::Subscript(a, b) => {
                stack.push(a);
                stack.push(b);
            }
            ExprKind::Tuple(xs) | ExprKind::List(xs) | ExprKind::BinOp(_, xs) => {
                stack.extend(xs.iter())
            }
            ExprKind::Call(c, args) => {
                stack.push(c);
                for a in args {
                    match a {
                        Arg::Pos(x) | Arg::Kw(_, x) | Arg::Star(x) | Arg::DoubleStar(x) => {
                            stack.push(x)
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

impl<'a> BodyAnalyzer<'a> {
    pub fn new(k: &'a Knowledge, ev: &'a Evaluation, modules: &'a [ModuleInfo]) -> Self {
        let mut rec_at = HashMap::new();
        for recs in ev.calls_by_func.values() {
            for r in recs {
                rec_at.insert(r.site, r);
            }
        }
        BodyAnalyzer {
            k,
            ev,
            modules,
            rec_at,
            caps: RefCell::new(HashMap::new()),
            facts: RefCell::new(HashMap::new()),
            in_progress: RefCell::new(vec![]),
            validators: RefCell::new(HashMap::new()),
            local_validators: RefCell::new(HashMap::new()),
        }
    }

    fn callee_strings(c: &Callee) -> Option<knowledge::Callee<'_>> {
        match c {
            Callee::Qualified(q) => Some(knowledge::Callee::Qualified(q)),
            Callee::Method { method, receiver } => Some(knowledge::Callee::Method {
                method,
                receiver: receiver.as_deref(),
            }),
            _ => None,
        }
    }

    pub fn callee_label(c: &Callee) -> String {
        match c {
            // An element of an iterated external object reads as an index (`glob[…].unlink`).
            Callee::Qualified(q) => q.replace(".__item__", "[…]"),
            Callee::Method { method, receiver } => match receiver {
                Some(r) => format!("{r}.{method}"),
                None => method.clone(),
            },
            Callee::Local(f) => f.def.name.clone(),
            Callee::Class(c) => c.def.name.clone(),
            Callee::Unknown => "<unknown>".into(),
        }
    }

    /// `validates_and_returns` of a project function, once per function.
    fn local_validates(&self, g: &FuncVal) -> bool {
        let site = g.site(self.modules);
        if let Some(v) = self.local_validators.borrow().get(&site) {
            return *v;
        }
        let v = validates_and_returns(&g.def);
        self.local_validators.borrow_mut().insert(site, v);
        v
    }

    /// Whether `file` defines a method `name` (a function whose first parameter is `self`) that
    /// is a validator (`validates_and_returns`).
    fn file_method_validates(&self, file: crate::model::FileId, name: &str) -> bool {
        if let Some(v) = self.validators.borrow().get(&(file, name.to_string())) {
            return *v;
        }
        let v = self.ev.funcs.iter().any(|(s, f)| {
            s.file == file
                && f.def.name == name
                && f.def.params.first().is_some_and(|p| p.name == "self")
                && validates_and_returns(&f.def)
        });
        self.validators
            .borrow_mut()
            .insert((file, name.to_string()), v);
        v
    }

    /// Whether a call executes a literal query that only reads (`SELECT ... WHERE id = ?`): its
    /// first word is one of `sql_read_verbs` (`rules/knowledge/mcp.toml`).
    fn literal_sql_read(&self, rec: &CallRecord) -> bool {
        let Some(query) = rec.args.first().and_then(Value::as_str) else {
            return false;
        };
        let verb = query
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.k.mcp.annotations.sql_read_verbs.contains(&verb)
    }

    /// Whether a call is an `sql_exec` sink of knowledge running a literal read-only query.
    fn sql_read_call(&self, rec: &CallRecord) -> bool {
        self.literal_sql_read(rec)
            && rec.callees.iter().any(|c| {
                Self::callee_strings(c).is_some_and(|kc| {
                    self.k
                        .sinks_for(kc)
                        .iter()
                        .any(|(_, s)| s.kind == "sql_exec")
                })
            })
    }

    /// Sink kinds of one library call (with its argument-index filters).
    pub fn direct_sinks(&self, rec: &CallRecord) -> Vec<(usize, String)> {
        let read_query = self.sql_read_call(rec);
        let mut out = vec![];
        for c in &rec.callees {
            let Some(kc) = Self::callee_strings(c) else {
                continue;
            };
            for (i, s) in self.k.sinks_for(kc) {
                if read_query && s.kind == "sql_exec" {
                    continue;
                }
                if let Some(req) = &s.requires_kwarg {
                    let truthy = rec
                        .kwargs
                        .iter()
                        .any(|(k, v)| k == req && !matches!(v, Value::Bool(false) | Value::None));
                    if !truthy {
                        continue;
                    }
                }
                if !s.mode_contains.is_empty() {
                    let mode = s
                        .mode_kwarg
                        .as_ref()
                        .and_then(|m| rec.kwargs.iter().find(|(k, _)| k == m).map(|(_, v)| v))
                        .or_else(|| s.mode_arg.and_then(|i| rec.args.get(i)));
                    let ok = match mode.and_then(|m| m.as_str()) {
                        Some(m) => s.mode_contains.iter().any(|c| m.contains(c.as_str())),
                        // No mode given: the default, read mode (`open(p)`).
                        None if mode.is_none() => s.mode_contains.iter().any(|c| c == "r"),
                        // A mode computed at run time: any.
                        None => true,
                    };
                    if !ok {
                        continue;
                    }
                }
                out.push((i, s.kind.clone()));
            }
        }
        out.sort();
        out.dedup();
        out
    }

    pub fn direct_sources(&self, rec: &CallRecord) -> Vec<String> {
        let mut out = vec![];
        if self.sql_read_call(rec) {
            out.push("db_read".to_string());
        }
        for c in &rec.callees {
            let Some(kc) = Self::callee_strings(c) else {
                continue;
            };
            for s in self.k.sources_for(kc) {
                if !out.contains(&s.kind) {
                    out.push(s.kind.clone());
                }
            }
        }
        out
    }

    pub fn is_interrupt(&self, rec: &CallRecord) -> bool {
        rec.callees.iter().any(|c| {
            Self::callee_strings(c)
                .and_then(|kc| self.k.gate_for(kc))
                .is_some_and(|g| g.kind == "interrupt")
        })
    }

    pub fn is_model_call(&self, rec: &CallRecord) -> bool {
        rec.callees.iter().any(|c| match c {
            // A call on anything made from a chat model (`llm.invoke`, `llm.bind_tools(..).invoke`).
            Callee::Qualified(q) => self.k.is_model_derived(q),
            _ => false,
        })
    }

    fn sanitizer_kinds(&self, callees: &[Callee]) -> Option<Vec<String>> {
        for c in callees {
            if let Callee::Qualified(q) = c {
                if matches!(&**q, "int" | "float" | "bool" | "len") {
                    return Some(self.k.sink_kinds.keys().cloned().collect());
                }
            }
            let Some(kc) = Self::callee_strings(c) else {
                continue;
            };
            if let Some(s) = self.k.sanitizer_for(kc) {
                return Some(s.kinds.clone());
            }
        }
        None
    }

    /// The interpreter's record of the call at `site` (callees and argument values).
    pub fn record(&self, site: Site) -> Option<&'a CallRecord> {
        self.rec_at.get(&site).copied()
    }

    /// Whether the path a call acts on (its first argument, or `receiver` when the call is a
    /// method on it) is a temporary file or folder the code made itself: a value produced by
    /// one of `makers` (`tempfile.mkdtemp`, `tempfile.NamedTemporaryFile`, ...), or an
    /// attribute or element of one (`tmp.name`, `tempfile.mkstemp()[1]`). Deleting or writing
    /// it is housekeeping, not a change to the user's environment.
    pub fn names_temp_file(&self, site: Site, makers: &[String]) -> bool {
        let Some(rec) = self.record(site) else {
            return false;
        };
        let is_made = |q: &str| {
            makers
                .iter()
                .any(|m| q == m || q.starts_with(&format!("{m}.")))
        };
        let made_by_maker = |v: &Value| {
            v.alternatives().iter().all(|v| match v {
                Value::Ext(q) => is_made(q),
                Value::Obj(id) => self.ev.objects.get(*id).is_some_and(
                    |o| matches!(&o.kind, crate::extract::interp::ObjKind::Ext(q) if is_made(q)),
                ),
                _ => false,
            })
        };
        let receivers = rec.callees.iter().filter_map(|c| match c {
            Callee::Qualified(q) => Some(&**q),
            _ => None,
        });
        let on_receiver = receivers.into_iter().any(|q| {
            makers
                .iter()
                .any(|m| q.starts_with(&format!("{m}.")) && q.len() > m.len() + 1)
        });
        on_receiver || rec.args.first().is_some_and(made_by_maker)
    }

    /// Whether the path a call acts on is one the code names itself: its receiver
    /// (`p.unlink()`) or first argument (`os.remove(p)`) is a join whose last part is a string
    /// literal (`git_dir / "MERGE_HEAD"`, `os.path.join(d, "run.lock")`), or a name assigned
    /// such a join in the same function. A loop variable over literal strings counts as a
    /// literal. Deleting such a file is housekeeping (a marker, a lock), not the user's data.
    pub fn names_fixed_file(&self, site: Site) -> bool {
        let Some(f) = self
            .ev
            .funcs
            .iter()
            .filter(|(s, _)| {
                s.file == site.file
                    && s.span.start <= site.span.start
                    && site.span.end <= s.span.end
            })
            .min_by_key(|(s, _)| s.span.end - s.span.start)
            .map(|(_, f)| f)
        else {
            return false;
        };
        let body = &f.def.body;
        // The call at `site`, and the names bound in the function.
        let mut call: Option<&Expr> = None;
        let mut assigned: HashMap<&str, &Expr> = HashMap::new();
        let mut literal_loops: Vec<&str> = vec![];
        crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
            match &st.kind {
                StmtKind::Assign { targets, value, .. } => {
                    if let [Target::Name(n, _)] = targets.as_slice() {
                        assigned.insert(n.as_str(), value);
                    }
                }
                StmtKind::For {
                    target: Target::Name(n, _),
                    iter,
                    ..
                } => {
                    if let ExprKind::Tuple(xs) | ExprKind::List(xs) = &iter.kind {
                        if !xs.is_empty() && xs.iter().all(|x| matches!(x.kind, ExprKind::Str(_))) {
                            literal_loops.push(n.as_str());
                        }
                    }
                }
                _ => {}
            }
            // A walk over one statement's syntax tree: finite, so no cap.
            let mut stack: Vec<&Expr> = st.exprs();
            while let Some(e) = stack.pop() {
                if e.span == site.span && matches!(e.kind, ExprKind::Call(..)) {
                    call = Some(e);
                }
                crate::extract::langgraph::push_children(e, &mut stack);
            }
        });
        let Some(Expr {
            kind: ExprKind::Call(func, args),
            ..
        }) = call
        else {
            return false;
        };
        let target = match &func.kind {
            ExprKind::Attr(recv, _) if !matches!(recv.kind, ExprKind::Name(ref n) if n == "os" || n == "shutil") => {
                Some(&**recv)
            }
            _ => args.iter().find_map(|a| match a {
                Arg::Pos(x) => Some(x),
                _ => None,
            }),
        };
        let is_literal = |e: &Expr| match &e.kind {
            ExprKind::Str(_) => true,
            ExprKind::Name(n) => {
                literal_loops.contains(&n.as_str())
                    || assigned
                        .get(n.as_str())
                        .is_some_and(|v| is_generated_name(v))
            }
            _ => is_generated_name(e),
        };
        let joined = |e: &Expr| match &e.kind {
            ExprKind::BinOp(ops, xs) => {
                ops.last().is_some_and(|o| o == "/") && xs.last().is_some_and(is_literal)
            }
            ExprKind::Call(f, a) => {
                matches!(&f.kind, ExprKind::Attr(_, m) if m == "join" || m == "joinpath")
                    && matches!(a.last(), Some(Arg::Pos(x)) if is_literal(x))
            }
            _ => false,
        };
        match target {
            Some(e) if joined(e) => true,
            Some(Expr {
                kind: ExprKind::Name(n),
                ..
            }) => assigned.get(n.as_str()).is_some_and(|v| joined(v)),
            _ => false,
        }
    }

    fn records(&self, f: Site) -> &'a [CallRecord] {
        self.ev
            .calls_by_func
            .get(&f)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// Capabilities of a project function, following project callees.
    pub fn caps(&self, f: &FuncVal) -> Rc<Caps> {
        self.caps_at(f.site(self.modules), 0)
    }

    /// Capabilities of the calls of `f` whose site lies inside `within` (one branch of a
    /// dispatching handler), following project callees like [`Self::caps`].
    pub fn caps_within(&self, f: &FuncVal, within: crate::model::Span) -> Caps {
        let site = f.site(self.modules);
        let mut caps = Caps::default();
        for rec in self.records(site) {
            if rec.site.span.start >= within.start && rec.site.span.end <= within.end {
                self.add_record_caps(rec, 0, &mut caps);
            }
        }
        finish_caps(&mut caps);
        caps
    }

    fn caps_at(&self, site: Site, depth: usize) -> Rc<Caps> {
        if let Some(c) = self.caps.borrow().get(&site) {
            return c.clone();
        }
        if depth > MAX_HOPS || self.in_progress.borrow().contains(&site) {
            return Rc::new(Caps::default());
        }
        self.in_progress.borrow_mut().push(site);
        let mut caps = Caps::default();
        for rec in self.records(site) {
            self.add_record_caps(rec, depth, &mut caps);
        }
        finish_caps(&mut caps);
        self.in_progress.borrow_mut().retain(|s| *s != site);
        let rc = Rc::new(caps);
        self.caps.borrow_mut().insert(site, rc.clone());
        rc
    }

    /// Adds one call's capabilities: its own sink and source kinds, and a project callee's.
    fn add_record_caps(&self, rec: &CallRecord, depth: usize, caps: &mut Caps) {
        for (_, kind) in self.direct_sinks(rec) {
            caps.sinks.push(CapHit {
                kind,
                site: rec.site,
                chain: vec![rec.site],
                callee: rec
                    .callees
                    .first()
                    .map(Self::callee_label)
                    .unwrap_or_default(),
            });
        }
        for kind in self.direct_sources(rec) {
            caps.sources.push(CapHit {
                kind,
                site: rec.site,
                chain: vec![rec.site],
                callee: rec
                    .callees
                    .first()
                    .map(Self::callee_label)
                    .unwrap_or_default(),
            });
        }
        if self.is_model_call(rec) {
            caps.model_calls.push(rec.site);
        }
        if self.is_interrupt(rec) {
            caps.interrupts.push(rec.site);
        }
        for c in &rec.callees {
            let callee_site = match c {
                Callee::Local(g) => Some(g.site(self.modules)),
                _ => None,
            };
            if let Some(gs) = callee_site {
                let sub = self.caps_at(gs, depth + 1);
                let prefix = |h: &CapHit| {
                    let mut chain = vec![rec.site];
                    chain.extend(h.chain.iter().copied());
                    CapHit {
                        kind: h.kind.clone(),
                        site: h.site,
                        chain,
                        callee: h.callee.clone(),
                    }
                };
                caps.sinks.extend(sub.sinks.iter().map(prefix));
                caps.sources.extend(sub.sources.iter().map(prefix));
                caps.model_calls.extend(sub.model_calls.iter().copied());
                caps.interrupts.extend(sub.interrupts.iter().copied());
            }
        }
    }

    /// Flow facts of a project function: gate dominance, argument injection, late gates.
    pub fn facts(&self, f: &FuncVal) -> Rc<BodyFacts> {
        self.facts_at(f, 0)
    }

    fn facts_at(&self, f: &FuncVal, depth: usize) -> Rc<BodyFacts> {
        let site = f.site(self.modules);
        if let Some(x) = self.facts.borrow().get(&site) {
            return x.clone();
        }
        if depth > MAX_HOPS || self.in_progress.borrow().contains(&site) {
            return Rc::new(BodyFacts::default());
        }
        self.in_progress.borrow_mut().push(site);
        let file = self.modules[f.module].file;
        let mut w = Walker {
            a: self,
            file,
            depth,
            out: BodyFacts::default(),
            ungated_sinks: vec![],
            at_top: true,
            seen_pause: None,
            injection_keys: HashSet::new(),
        };
        let mut st = State::default();
        for (i, p) in f.def.params.iter().enumerate() {
            if i == 0 && f.bound.is_some() {
                continue;
            }
            if p.kind == ParamKind::KwArgs || is_injected(p.annotation.as_ref(), &p.name) {
                continue;
            }
            st.tainted.insert(
                p.name.clone(),
                Taint {
                    direct: true,
                    param: p.name.clone(),
                    param_site: Site { file, span: p.span },
                    clean: BTreeSet::new(),
                },
            );
        }
        w.block(&f.def.body, &mut st, true);
        let out = w.out;
        self.in_progress.borrow_mut().retain(|s| *s != site);
        let rc = Rc::new(out);
        self.facts.borrow_mut().insert(site, rc.clone());
        rc
    }
}

/// Sorts capability hits and drops duplicates (same call, same kind).
fn finish_caps(caps: &mut Caps) {
    caps.sinks
        .sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
    caps.sinks
        .dedup_by(|a, b| a.site == b.site && a.kind == b.kind);
    caps.sources
        .sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
    caps.sources
        .dedup_by(|a, b| a.site == b.site && a.kind == b.kind);
}

#[derive(Debug, Clone)]
struct Taint {
    /// Still the parameter's whole value (assigned or transformed by methods, never
    /// interpolated into a larger string).
    direct: bool,
    param: String,
    param_site: Site,
    /// Sink kinds this value has been sanitized for.
    clean: BTreeSet<String>,
}

#[derive(Debug, Clone, Default)]
struct State {
    tainted: HashMap<String, Taint>,
    gate: Option<Site>,
}

fn merge(a: State, b: State) -> State {
    let mut tainted = a.tainted;
    for (k, v) in b.tainted {
        match tainted.get_mut(&k) {
            Some(cur) => {
                // Clean only if clean on both paths.
                cur.clean = cur.clean.intersection(&v.clean).cloned().collect();
            }
            None => {
                tainted.insert(k, v);
            }
        }
    }
    State {
        tainted,
        // A gate holds after a branch only if it held on both.
        gate: match (a.gate, b.gate) {
            (Some(x), Some(_)) => Some(x),
            _ => None,
        },
    }
}

struct Walker<'w, 'a> {
    a: &'w BodyAnalyzer<'a>,
    file: crate::model::FileId,
    depth: usize,
    out: BodyFacts,
    /// Privileged sink calls seen so far without a dominating gate: (site, kind).
    ungated_sinks: Vec<(Site, String)>,
    /// Whether the statement being walked is at the function's top level (always runs).
    at_top: bool,
    /// The first pause walked so far, on whatever path.
    seen_pause: Option<Site>,
    /// Keys of `out.injections` (see `push_injection`).
    injection_keys: HashSet<(String, String, Site, bool, Option<Site>)>,
}

impl Walker<'_, '_> {
    fn site(&self, e: &Expr) -> Site {
        Site {
            file: self.file,
            span: e.span,
        }
    }

    fn record(&self, e: &Expr) -> Option<&CallRecord> {
        self.a.rec_at.get(&self.site(e)).copied()
    }

    fn block(&mut self, body: &[Stmt], st: &mut State, top: bool) {
        for s in body {
            let prev = self.at_top;
            self.at_top = top && prev;
            self.stmt(s, st, top);
            self.at_top = prev;
        }
    }

    fn stmt(&mut self, s: &Stmt, st: &mut State, top: bool) {
        match &s.kind {
            StmtKind::Assign { targets, value, .. } => {
                let t = self.expr(value, st);
                for tg in targets {
                    self.bind(tg, t.clone(), st);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                let t = self.expr(value, st);
                if let (Some(t), Target::Name(n, _)) = (t, target) {
                    st.tainted.insert(n.clone(), t);
                }
            }
            StmtKind::Expr(e) => {
                self.expr(e, st);
            }
            StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => {
                self.expr(e, st);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, st);
                let guard = guard_clean(test, body, orelse);
                let mut a = st.clone();
                if let Some((name, true)) = &guard {
                    // `if x in ALLOWED:` body: x is clean inside.
                    if let Some(t) = a.tainted.get_mut(name) {
                        t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                    }
                }
                self.block(body, &mut a, false);
                let mut b = st.clone();
                self.block(orelse, &mut b, false);
                let body_exits = ends_in_exit(body);
                let else_exits = ends_in_exit(orelse) && !orelse.is_empty();
                *st = if body_exits && !else_exits {
                    b
                } else if else_exits && !body_exits {
                    a
                } else {
                    merge(a, b)
                };
                if let Some((name, false)) = guard {
                    // `if x not in ALLOWED: raise` — x is clean after the guard.
                    if body_exits {
                        if let Some(t) = st.tainted.get_mut(&name) {
                            t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                        }
                    }
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let t = self.expr(iter, st);
                self.bind(target, t, st);
                let mut a = st.clone();
                self.block(body, &mut a, false);
                self.block(body, &mut a, false);
                let mut merged = merge(st.clone(), a);
                self.block(orelse, &mut merged, false);
                *st = merged;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, st);
                let mut a = st.clone();
                self.block(body, &mut a, false);
                let mut merged = merge(st.clone(), a);
                self.block(orelse, &mut merged, false);
                *st = merged;
            }
            StmtKind::With { items, body } => {
                for (e, t) in items {
                    let tt = self.expr(e, st);
                    if let Some(t) = t {
                        self.bind(t, tt, st);
                    }
                }
                self.block(body, st, top);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(body, st, top);
                for h in handlers {
                    let mut a = st.clone();
                    self.block(h, &mut a, false);
                    *st = merge(st.clone(), a);
                }
                self.block(orelse, st, false);
                self.block(finalbody, st, top);
            }
            StmtKind::Match { subject, cases, .. } => {
                self.expr(subject, st);
                let start = st.clone();
                let mut acc: Option<State> = None;
                for c in cases {
                    let mut a = start.clone();
                    self.block(c, &mut a, false);
                    acc = Some(match acc {
                        None => a,
                        Some(x) => merge(x, a),
                    });
                }
                if let Some(a) = acc {
                    *st = merge(start, a);
                }
            }
            // Nested definitions run elsewhere; other statements carry no flow.
            _ => {}
        }
    }

    fn bind(&mut self, t: &Target, taint: Option<Taint>, st: &mut State) {
        match t {
            Target::Name(n, _) => match taint {
                Some(t) => {
                    st.tainted.insert(n.clone(), t);
                }
                None => {
                    st.tainted.remove(n);
                }
            },
            Target::Tuple(ts) => {
                for t in ts {
                    self.bind(t, taint.clone(), st);
                }
            }
            Target::Starred(t) => self.bind(t, taint, st),
            _ => {}
        }
    }

    /// Walks an expression in evaluation order; returns its taint.
    fn expr(&mut self, e: &Expr, st: &mut State) -> Option<Taint> {
        let t = self.expr_inner(e, st);
        let keeps_whole = match &e.kind {
            ExprKind::Name(_) | ExprKind::Await(_) | ExprKind::Walrus(..) | ExprKind::IfExp(..) => {
                true
            }
            ExprKind::Call(f, args) => matches!(&f.kind, ExprKind::Attr(..)) && args.is_empty(),
            _ => false,
        };
        t.map(|mut t| {
            if !keeps_whole {
                t.direct = false;
            }
            t
        })
    }

    fn expr_inner(&mut self, e: &Expr, st: &mut State) -> Option<Taint> {
        match &e.kind {
            ExprKind::Name(n) => st.tainted.get(n.as_str()).cloned(),
            // `Path(x).name` is the last path component, like `os.path.basename(x)`.
            ExprKind::Attr(o, a) if a == "name" && self.is_path_call(o) => {
                let t = self.expr(o, st);
                let kinds = self
                    .a
                    .k
                    .sanitizer_for(knowledge::Callee::Qualified("os.path.basename"))
                    .map(|s| s.kinds.clone())
                    .unwrap_or_default();
                t.map(|mut t| {
                    t.clean.extend(kinds);
                    t
                })
            }
            ExprKind::Attr(o, _) => self.expr(o, st),
            ExprKind::Subscript(a, b) => {
                let ta = self.expr(a, st);
                self.expr(b, st);
                ta
            }
            ExprKind::BinOp(_, xs)
            | ExprKind::FStr(xs)
            | ExprKind::List(xs)
            | ExprKind::Tuple(xs)
            | ExprKind::Set(xs) => {
                let mut acc = None;
                for x in xs {
                    let t = self.expr(x, st);
                    acc = join(acc, t);
                }
                acc
            }
            ExprKind::Dict(items) => {
                let mut acc = None;
                for it in items {
                    match it {
                        crate::syntax::python::DictItem::Pair(k, v) => {
                            let a = self.expr(k, st);
                            let b = self.expr(v, st);
                            acc = join(acc, join(a, b));
                        }
                        crate::syntax::python::DictItem::Splat(x) => {
                            let t = self.expr(x, st);
                            acc = join(acc, t);
                        }
                    }
                }
                acc
            }
            ExprKind::BoolOp(_, xs) => {
                let mut acc = None;
                for x in xs {
                    let t = self.expr(x, st);
                    acc = join(acc, t);
                }
                acc
            }
            ExprKind::Compare(xs, _) => {
                for x in xs {
                    self.expr(x, st);
                }
                None
            }
            ExprKind::Not(x) | ExprKind::Unary(x) => {
                self.expr(x, st);
                None
            }
            ExprKind::IfExp(t, a, b) => {
                self.expr(t, st);
                let ta = self.expr(a, st);
                let tb = self.expr(b, st);
                join(ta, tb)
            }
            ExprKind::Await(x) | ExprKind::Starred(x) => self.expr(x, st),
            ExprKind::Walrus(n, v) => {
                let t = self.expr(v, st);
                match &t {
                    Some(t) => {
                        st.tainted.insert(n.clone(), t.clone());
                    }
                    None => {
                        st.tainted.remove(n);
                    }
                }
                t
            }
            ExprKind::Comp(c) => {
                let mut inner = st.clone();
                for (t, it, conds) in &c.generators {
                    let tt = self.expr(it, &mut inner);
                    self.bind(t, tt, &mut inner);
                    for cnd in conds {
                        self.expr(cnd, &mut inner);
                    }
                }
                let te = self.expr(&c.elt, &mut inner);
                let tk = match &c.key {
                    Some(k) => self.expr(k, &mut inner),
                    None => None,
                };
                join(te, tk)
            }
            ExprKind::Call(f, args) => self.call(e, f, args, st),
            _ => None,
        }
    }

    /// Whether `e` is a call constructing a `pathlib` path (`Path(x)`, `PurePosixPath(x)`).
    fn is_path_call(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Call(..))
            && self.a.ev.callee_at.get(&self.site(e)).is_some_and(|cs| {
                cs.iter().any(|c| {
                    matches!(c, Callee::Qualified(q) if q.starts_with("pathlib.") && q.ends_with("Path"))
                })
            })
    }

    fn call(&mut self, e: &Expr, f: &Expr, args: &[Arg], st: &mut State) -> Option<Taint> {
        // Receiver taint (`cmd.strip()`), then arguments in order.
        let recv = match &f.kind {
            ExprKind::Attr(o, _) => self.expr(o, st),
            // A call whose callee is itself a call (`Function(code)()` in JavaScript): the
            // inner call runs first.
            ExprKind::Call(..) => {
                self.expr(f, st);
                None
            }
            _ => None,
        };
        let mut pos: Vec<(Option<Taint>, &Expr)> = vec![];
        let mut kw: Vec<(&str, Option<Taint>, &Expr)> = vec![];
        for a in args {
            match a {
                Arg::Pos(x) | Arg::Star(x) => {
                    let t = self.expr(x, st);
                    pos.push((t, x));
                }
                Arg::Kw(n, x) => {
                    let t = self.expr(x, st);
                    kw.push((n.as_str(), t, x));
                }
                Arg::DoubleStar(x) => {
                    let t = self.expr(x, st);
                    kw.push(("**", t, x));
                }
            }
        }
        let site = self.site(e);
        let Some(rec) = self.a.ev.callee_at.get(&site).map(|c| CallRecord {
            site,
            callees: c.clone(),
            args: vec![],
            kwargs: vec![],
            func_span: f.span,
        }) else {
            return join_all(recv, &pos, &kw);
        };
        // Full record (with argument values) when the interpreter kept one.
        let full = self.record(e).cloned().unwrap_or(rec);
        if let Some(g) = st.gate {
            self.out.dominated.insert(site, g);
        } else if let Some(p) = self.seen_pause {
            self.out.weakly_dominated.insert(site, p);
        }
        // Approval pause.
        if self.a.is_interrupt(&full) {
            self.gate_here(site, st);
            return None;
        }
        // A project helper that always pauses.
        for c in &full.callees {
            if let Callee::Local(g) = c {
                let facts = self.a.facts_at(g, self.depth + 1);
                if facts.always_interrupts.is_some() {
                    self.gate_here(site, st);
                }
            }
        }
        // Sinks: privileged ones are tracked for late gates; injection ones checked for taint.
        let sinks = self.a.direct_sinks(&full);
        for (idx, kind) in &sinks {
            let entry = &self.a.k.sinks[*idx];
            let Some(sk) = self.a.k.sink_kind(kind) else {
                continue;
            };
            if sk.privileged && st.gate.is_none() {
                self.ungated_sinks.push((site, kind.clone()));
            }
            if !sk.injection {
                continue;
            }
            let mut hits: Vec<(&Taint, &Expr)> = vec![];
            let any = entry.args.is_empty() && entry.kwargs.is_empty();
            for (i, (t, e)) in pos.iter().enumerate() {
                if any || entry.args.contains(&i) {
                    if let Some(t) = t {
                        hits.push((t, e));
                    }
                }
            }
            for (n, t, e) in &kw {
                if any || entry.kwargs.iter().any(|k| k == n) {
                    if let Some(t) = t {
                        hits.push((t, e));
                    }
                }
            }
            if let Some((t, e)) = hits.into_iter().find(|(t, _)| !t.clean.contains(kind)) {
                self.push_injection(InjectionHit {
                    direct: is_direct(e, st),
                    param: t.param.clone(),
                    param_site: t.param_site,
                    kind: kind.clone(),
                    sink: site,
                    chain: vec![site],
                    callee: full
                        .callees
                        .first()
                        .map(BodyAnalyzer::callee_label)
                        .unwrap_or_default(),
                });
            }
        }
        // Project callees: map tainted arguments onto their parameters' injection hits.
        for c in &full.callees {
            let Callee::Local(g) = c else { continue };
            let facts = self.a.facts_at(g, self.depth + 1);
            if !facts.injections.is_empty() {
                let offset = usize::from(g.bound.is_some());
                for hit in &facts.injections {
                    let pidx = g.def.params.iter().position(|p| p.name == hit.param);
                    let t = pidx.and_then(|pi| {
                        pi.checked_sub(offset)
                            .and_then(|i| pos.get(i))
                            .and_then(|(t, _)| t.clone())
                            .or_else(|| {
                                kw.iter()
                                    .find(|(n, _, _)| *n == hit.param)
                                    .and_then(|(_, t, _)| t.clone())
                            })
                    });
                    if let Some(t) = t {
                        if t.clean.contains(&hit.kind) {
                            continue;
                        }
                        let mut chain = vec![site];
                        chain.extend(hit.chain.iter().copied());
                        let direct = hit.direct
                            && pidx
                                .and_then(|pi| pi.checked_sub(offset))
                                .and_then(|i| pos.get(i))
                                .is_some_and(|(_, e)| is_direct(e, st));
                        self.push_injection(InjectionHit {
                            direct,
                            param: t.param.clone(),
                            param_site: t.param_site,
                            kind: hit.kind.clone(),
                            sink: hit.sink,
                            chain,
                            callee: hit.callee.clone(),
                        });
                    }
                }
            }
            let caps = self.a.caps_at(g.site(self.a.modules), self.depth + 1);
            if st.gate.is_none() {
                for s in &caps.sinks {
                    if self.a.k.sink_kind(&s.kind).is_some_and(|k| k.privileged) {
                        self.ungated_sinks.push((site, s.kind.clone()));
                    }
                }
            }
        }
        // A project validator (`safe = validate_path(p)`, `self._validate_identifier(name)`)
        // returns a value it has checked.
        if full.callees.iter().any(|c| match c {
            Callee::Local(g) => self.a.local_validates(g),
            // A method called on `self` whose class the interpreter did not resolve: a method of
            // that name defined in this file.
            Callee::Method {
                method,
                receiver: Some(r),
            } if r == "self" => self.a.file_method_validates(self.file, method),
            _ => false,
        }) {
            let t = pos.first().and_then(|(t, _)| t.clone()).or(recv);
            return t.map(|mut t| {
                t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                t
            });
        }
        // Sanitizers return a value clean for their kinds.
        if let Some(kinds) = self.a.sanitizer_kinds(&full.callees) {
            let t = pos.first().and_then(|(t, _)| t.clone()).or(recv);
            return t.map(|mut t| {
                t.clean.extend(kinds);
                t
            });
        }
        join_all(recv, &pos, &kw)
    }

    /// Records an injection hit unless an equal one (same parameter, kind, sink, directness
    /// and call in this body) is already there: the first one walked is kept. Without this a
    /// function's hits multiplied by its callees' at every call (mutual recursion: K^depth);
    /// with it they are at most parameters x sinks x calls of this body.
    fn push_injection(&mut self, hit: InjectionHit) {
        let key = (
            hit.param.clone(),
            hit.kind.clone(),
            hit.sink,
            hit.direct,
            hit.chain.first().copied(),
        );
        if self.injection_keys.insert(key) {
            self.out.injections.push(hit);
        }
    }

    fn gate_here(&mut self, site: Site, st: &mut State) {
        for (sink, kind) in self.ungated_sinks.drain(..) {
            self.out.late_gates.push(LateGate {
                gate: site,
                sink,
                kind,
            });
        }
        if st.gate.is_none() {
            st.gate = Some(site);
        }
        self.seen_pause.get_or_insert(site);
        if self.at_top {
            self.out.always_interrupts.get_or_insert(site);
        }
    }
}

/// Whether an argument expression is a tainted value passed whole: a name, possibly through
/// methods on it (`code.strip()`), not a string built around it.
fn is_direct(e: &Expr, st: &State) -> bool {
    match &e.kind {
        ExprKind::Name(n) => st.tainted.get(n.as_str()).is_some_and(|t| t.direct),
        ExprKind::Call(f, _) => match &f.kind {
            ExprKind::Attr(o, _) => is_direct(o, st),
            _ => false,
        },
        ExprKind::Await(x) => is_direct(x, st),
        _ => false,
    }
}

fn join(a: Option<Taint>, b: Option<Taint>) -> Option<Taint> {
    match (a, b) {
        (Some(x), Some(y)) => Some(Taint {
            clean: x.clean.intersection(&y.clean).cloned().collect(),
            direct: false,
            ..x
        }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn join_all(
    recv: Option<Taint>,
    pos: &[(Option<Taint>, &Expr)],
    kw: &[(&str, Option<Taint>, &Expr)],
) -> Option<Taint> {
    let mut acc = recv;
    for (t, _) in pos {
        acc = join(acc, t.clone());
    }
    for (_, t, _) in kw {
        acc = join(acc, t.clone());
    }
    acc
}

fn ends_in_exit(body: &[Stmt]) -> bool {
    matches!(
        body.last().map(|s| &s.kind),
        Some(StmtKind::Return(_)) | Some(StmtKind::Raise(_))
    )
}

/// A file name the code makes up itself: an f-string whose every interpolation is a call
/// without arguments (`f"{uuid.uuid4()}.pdf"`, `f"run-{time.time()}.log"`).
fn is_generated_name(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::FStr(xs) => {
            !xs.is_empty()
                && xs
                    .iter()
                    .all(|x| matches!(&x.kind, ExprKind::Call(_, args) if args.is_empty()))
        }
        _ => false,
    }
}

/// Validation calls whose failure, negated and followed by `raise`, makes an allow-list check.
const VALIDATORS: &[&str] = &[
    "isalnum",
    "isdigit",
    "isdecimal",
    "isidentifier",
    "fullmatch",
    "match",
    "is_relative_to",
    "startswith",
];

/// Whether a project function is a validator that returns what it checked: its body raises
/// when an allow-list check fails (`if not resolved.is_relative_to(base): raise ...`,
/// `if not re.match(PATTERN, name): raise ...`, `if x not in ALLOWED: raise ...`) and it
/// returns a value (`return resolved`). Deny-list checks (`if p.startswith("/proc"): raise`)
/// do not count: they leave everything else through.
pub fn validates_and_returns(def: &FuncDef) -> bool {
    let mut raises_on_failed_check = false;
    let mut returns_value = false;
    let mut checks = false;
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| {
        match &st.kind {
            StmtKind::If { test, body, .. }
                if matches!(body.last().map(|s| &s.kind), Some(StmtKind::Raise(_)))
                    && is_failed_check(test) =>
            {
                raises_on_failed_check = true;
            }
            StmtKind::Return(Some(e)) if !matches!(e.kind, ExprKind::None) => returns_value = true,
            _ => {}
        }
        if st.exprs().into_iter().any(|e| mentions_validator(e, true)) {
            checks = true;
        }
    });
    // `for d in allowed: try: p.relative_to(d); return p ... ` then `raise` at the end: it
    // fails unless a check passed.
    let fails_at_end = matches!(def.body.last().map(|s| &s.kind), Some(StmtKind::Raise(_)));
    (raises_on_failed_check || (fails_at_end && checks)) && returns_value
}

/// A test that holds when an allow-list check fails: `not <validation call>` (possibly inside
/// `and`/`or`, or with the call nested as in `not any(p.is_relative_to(d) for d in dirs)`), or
/// a `not in` comparison.
fn is_failed_check(test: &Expr) -> bool {
    let mut stack = vec![test];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return false;
        }
        match &e.kind {
            ExprKind::Not(inner) if mentions_validator(inner, false) => return true,
            ExprKind::Compare(_, ops)
                if ops.iter().any(|o| o == "not in")
                    || ops.windows(2).any(|w| w[0] == "not" && w[1] == "in") =>
            {
                return true
            }
            ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "or") => stack.extend(xs.iter()),
            // `not p.startswith(prefix) and p != base`: an allow-list check with an exception
            // written as a comparison.
            ExprKind::BoolOp(ops, xs)
                if ops.iter().all(|o| o == "and")
                    && xs.iter().all(|x| {
                        matches!(x.kind, ExprKind::Compare(..))
                            || matches!(&x.kind, ExprKind::Not(i) if mentions_validator(i, false))
                    }) =>
            {
                stack.extend(xs.iter())
            }
            _ => {}
        }
    }
    false
}

/// Whether `e` calls a validation method; with `raising`, also the checks that raise instead of
/// answering (`p.relative_to(base)`).
fn mentions_validator(e: &Expr, raising: bool) -> bool {
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return false;
        }
        if let ExprKind::Call(f, _) = &e.kind {
            if let ExprKind::Attr(_, m) = &f.kind {
                if VALIDATORS.contains(&m.as_str()) || (raising && m == "relative_to") {
                    return true;
                }
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    false
}

/// Recognises validation guards on a name: `x in ALLOWED` (clean inside, `true`) and
/// `x not in ALLOWED` / `not x.isalnum()` / `not is_relative_to(..)` with an exiting body
/// (clean after, `false`).
fn guard_clean(test: &Expr, body: &[Stmt], _orelse: &[Stmt]) -> Option<(String, bool)> {
    match &test.kind {
        // `if not p.is_relative_to(base) or p == base: return`: p is clean after.
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "or") && ends_in_exit(body) => xs
            .iter()
            .filter_map(|x| guard_clean(x, body, _orelse))
            .find(|(_, inside)| !inside),
        ExprKind::Compare(xs, ops) if ops.len() == 1 => {
            let name = match xs.first().map(|x| &x.kind) {
                Some(ExprKind::Name(n)) => n.to_string(),
                _ => return None,
            };
            if ops[0] == "in" {
                Some((name, true))
            } else if ops.iter().any(|o| o == "not") || ops[0] == "not in" {
                if ends_in_exit(body) {
                    Some((name, false))
                } else {
                    None
                }
            } else {
                None
            }
        }
        ExprKind::Not(inner) if ends_in_exit(body) => {
            let ExprKind::Call(f, args) = &inner.kind else {
                return None;
            };
            match &f.kind {
                ExprKind::Attr(o, m) if VALIDATORS.contains(&m.as_str()) => {
                    if let ExprKind::Name(n) = &o.kind {
                        return Some((n.to_string(), false));
                    }
                    // `re.fullmatch(PATTERN, x)`
                    for a in args {
                        if let Arg::Pos(Expr {
                            kind: ExprKind::Name(n),
                            ..
                        }) = a
                        {
                            return Some((n.to_string(), false));
                        }
                    }
                    None
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether `def` is a tool-like signature (has model-controlled parameters).
pub fn model_params(def: &FuncDef, bound: bool) -> Vec<String> {
    def.params
        .iter()
        .enumerate()
        .filter(|(i, p)| !(bound && *i == 0) && p.kind != ParamKind::KwArgs)
        .filter(|(_, p)| !is_injected(p.annotation.as_ref(), &p.name))
        .map(|(_, p)| p.name.clone())
        .collect()
}

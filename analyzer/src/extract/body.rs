//! Function bodies: what a function can do (capabilities, followed into project helpers), where a
//! human-approval pause dominates a call, and which model-controlled parameters reach an
//! injection sink without a recognised sanitizer.
//!
//! Capabilities are inter-procedural over project functions up to `MAX_HOPS` calls deep. The
//! argument-taint walk is flow-sensitive over statements in order; branches are analysed from
//! the same state and merged. Sanitizers are data (`[[sanitizer]]`), plus two shapes handled
//! here: a membership guard (`if x not in ALLOWED: raise`) and a validation guard
//! (`if not x.isalnum(): return`) clean `x` after the guard.

use crate::bounds::{Bound, Cuts};
use crate::extract::interp::{
    CallRecord, Callee, ClassVal, Evaluation, FuncVal, ModuleInfo, Site, Value,
};
use crate::hash::{HashMap, HashSet};
use crate::knowledge::{self, Knowledge};
use crate::syntax::python::{
    Arg, DictItem, Expr, ExprKind, FuncDef, ParamKind, Stmt, StmtKind, Target,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

const MAX_HOPS: usize = Bound::CallHops.limit();

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
    /// For a query sink: the position of the parameter of the function holding the call that
    /// is passed unchanged as the query (`def run(sql): cur.execute(sql)`), so a caller that
    /// passes a literal read-only query reads rather than writes.
    pub query_param: Option<usize>,
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
    /// For a program run without a shell (`argv = true`), what a caller that builds the list
    /// still decides.
    pub argv: ArgvRole,
    /// For `argv_option`: the literal option the model's element directly follows
    /// (`["dbt", "show", "--inline", sql]`). The element is that option's value when the option
    /// takes one, which the code does not say: the finding is less certain.
    pub after_flag: Option<Site>,
    /// The sink's driver runs one statement per call (`SinkEntry::single_statement`): a caller
    /// that prefixes a fixed `EXPLAIN` only has the statement planned.
    pub single_statement: bool,
    /// With `single_statement`: the driver's `SinkEntry::context_statements`, for a caller
    /// that writes one of them first.
    pub context_statements: Rc<[String]>,
    /// Where the value the sink runs was built, when that is a call into a project helper
    /// that hands its parameter to the sink unchanged (`db.query(f"... {name}")` into
    /// `def query(self, sql): self.pool.query(sql)`): each such call is a finding of its
    /// own, reported there; the helper's sink stays the path's last step.
    pub built_at: Option<Site>,
    /// The fields of the parameter's object that reach the sink (`Taint::fields`), when only
    /// fields were read: a caller passing an object whose fields it checked (`Schema.parse`)
    /// is judged by those fields.
    pub fields: Option<BTreeSet<String>>,
    /// The hit runs through `self.m(...)` in a body that did not know `self`'s class, followed
    /// into one subclass's `m` (this site, and the name `m`): a caller that holds an instance
    /// of a class whose `m` is that one reaches it; other callers do not (see `param_flows`).
    pub dispatch: Option<(Site, Rc<str>)>,
}

/// How a parameter reaches the argument list of a program run without a shell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArgvRole {
    /// Decided here (or not an argument list).
    #[default]
    Settled,
    /// The parameter is the whole list: the caller's list says whether the model chose the
    /// program (`shell_exec`), an option (`argv_option`) or neither.
    Whole,
    /// The parameter's elements follow the program: option injection (`argv_option`) when the
    /// caller's list holds a model-chosen element before any `--`.
    Tail,
}

/// Where a language model's response entered a body: the call that returned it, and the calls
/// of project helpers or methods it was returned through on the way (innermost first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelOrigin {
    pub source: Site,
    /// The dotted callee of `source`, for messages.
    pub callee: String,
    /// Call sites of the helpers the response was returned from, innermost first.
    pub via: Vec<Site>,
    /// The source was recognised by a receiver's name (`self.llm_chain.predict`) or a method
    /// resolved by name, not by a resolved type: reported at lower confidence.
    pub by_name: bool,
    /// The source is a parameter typed as a message the model wrote (`callee` is its class).
    pub is_param: bool,
    /// The source is content fetched over the network (a `web_content` source of knowledge:
    /// `requests.get(...)`, an HTTP client's response), not a model's response: followed to
    /// code sinks only (`eval`, `exec`, a shell), where fetched text runs on the host.
    pub network: bool,
}

/// A model's response reaching a sink that runs it (code, shell, query): AIR201's facts for
/// code that is not a tool (library methods, graph nodes, plain functions).
#[derive(Debug, Clone)]
pub struct ModelFlow {
    pub origin: Rc<ModelOrigin>,
    pub kind: String,
    pub sink: Site,
    /// Call sites from this body down to `sink` (the last element is `sink`).
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
    /// Model responses that reach a code, shell or query sink in this body or its helpers.
    pub model_flows: Vec<ModelFlow>,
    /// The function returns (part of) a model's response.
    pub returns_model: Option<Rc<ModelOrigin>>,
    /// Every `return` gives an argument list the body built (`return [sys.executable, "-m",
    /// "tool", *flags, path]`): its shape, with the body's parameters as the culprits. A caller
    /// that runs the list reads it in terms of what it passed (`argv_shape`).
    returns_argv: Option<Argv>,
    /// A call in the body gives a model's response (or fetched content): a reading of it made
    /// deep in a chain may have cut where that response goes (`facts_at`).
    pub model_seen: bool,
    /// The sink kinds every value this function returns is clean for, when its parameters were
    /// all followed as plain values and no return hands out a closure; `None` when unknown.
    /// A caller's result keeps its arguments' taint but gains these (a helper returning
    /// `os.path.basename(p)` or a checked root).
    pub return_clean: Option<BTreeSet<String>>,
    /// The function was read bound to an object whose `self` was not followed: its
    /// `return_clean` covers what its arguments carry, not what the receiver does.
    pub return_clean_skips_self: bool,
    /// When every `return` gives a tuple literal holding a literal flag at one place
    /// (`return True, checked` / `return False, fallback`): that place, and for each element
    /// what it is clean for in the returns that say `True` (a caller that leaves on a false flag
    /// only ever sees those).
    pub flag_clean: Option<(usize, Vec<BTreeSet<String>>)>,
    /// The tuple returns `flag_clean` was made from, each with the parameters it needs a
    /// caller to pass (`BodyFacts::flag_clean_for`): a return under `if not restrict:`, with
    /// `restrict=True` the default, never happens for a caller that leaves `restrict` out.
    pub(crate) flag_returns: Vec<(Vec<RetElem>, Vec<String>)>,
    /// When every `return` gives a tuple literal of one length (`return f"... = ?", [value]`),
    /// what each element is clean for over all of them, under the same conditions as
    /// `return_clean`: a caller that unpacks the result (`sql, params = cond(k, v)`) gives
    /// each name its own.
    pub tuple_clean: Option<Vec<BTreeSet<String>>>,
    /// When `tuple_clean` holds and a place of the returned tuples is a list of rows (built by
    /// appending tuples of one length, `queries.append((sql, params))`): for that place, what
    /// each place of its rows is clean for (`return queries, requests`, unpacked by the caller
    /// and looped over as `for sql, params in queries`).
    pub tuple_rows: Option<TupleRows>,
    /// Parameters that started clean because of their declared type or a tool schema
    /// (`restrict: bool`, `kind: Literal[...]`), not because of the code: `return_clean` and
    /// `flag_clean` hold for a caller only when it passes nothing tainted for them (Python
    /// does not enforce annotations on a plain call).
    pub assumed_clean: Vec<String>,
    /// Parameters a `return` gives back unchanged (`return default_value`): left out of
    /// `return_clean`, which then holds only where the caller's arguments for them carry nothing.
    pub return_passthrough: Vec<String>,
    /// Parameters reaching a code, shell or query sink through calls only this analysis resolves
    /// (`self.helper(x)` with `self` unknown, `self.db.run_sql(x)`): kept apart from
    /// `injections`, they only carry a model's response from callers.
    pub param_flows: Vec<InjectionHit>,
}

pub struct BodyAnalyzer<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    rec_at: HashMap<Site, &'a CallRecord>,
    caps: RefCell<HashMap<Site, Rc<Caps>>>,
    /// Facts by function, with the call depth they were read at (see `facts`).
    facts: RefCell<HashMap<Site, (usize, Rc<BodyFacts>)>>,
    /// A fresh reading is under way (`facts`): cached readings made deeper are read again.
    fresh: std::cell::Cell<bool>,
    /// Functions already read fresh.
    fresh_read: RefCell<HashSet<Site>>,
    in_progress: RefCell<Vec<Site>>,
    /// `file_method_validates` answers, by file and method name.
    validators: RefCell<HashMap<(crate::model::FileId, String), bool>>,
    /// `local_validates` answers, by function.
    local_validators: RefCell<HashMap<Site, bool>>,
    /// `address_predicate` and `resolves_param` answers, by function (each reads the whole
    /// body, once).
    address_fns: RefCell<HashMap<Site, (bool, bool)>>,
    /// `answers_field` answers, by function and field.
    field_answers: RefCell<HashMap<(Site, String), bool>>,
    /// `reaching` answers, by function.
    reaching: RefCell<HashMap<Site, Rc<crate::extract::returns::Reach>>>,
    /// The functions whose `reaching` is being computed, innermost last: a project call inside
    /// one is read through its callee's own reach (bounded by `Bound::CallHops`, cycles read
    /// as reaching).
    reaching_busy: RefCell<Vec<Site>>,
    /// Calls whose result is new content (a file's text, a fixed service's answer), as the
    /// walks found them: what a function returns from one does not depend on its arguments.
    fresh_calls: RefCell<HashSet<Site>>,
    /// Per function, the parameter that leads every text it returns (`server_param`).
    server_params: RefCell<HashMap<Site, Option<String>>>,
    /// Per function, the tables it creates with `CREATE TEMP TABLE` (`temp_tables`).
    temp_tables: RefCell<HashMap<Site, Rc<BTreeSet<String>>>>,
    /// Methods by enclosing class and the class hierarchy, built on first use.
    classes: std::cell::OnceCell<ClassIndex>,
    /// Where a bound cut the analysis (`crate::bounds`); the pipeline turns it into notices.
    cuts: RefCell<Cuts>,
    /// Per tool function, the argument names its framework checks against a schema that admits
    /// no text (`close_params`): a parameter of that name, or that field of the arguments
    /// object, starts clean.
    closed_params: RefCell<HashMap<Site, BTreeSet<String>>>,
    /// Per function, the calls whose first argument is one of its parameters, with that
    /// parameter's position (`query_param`), built on first use.
    query_params: RefCell<HashMap<Site, Rc<HashMap<crate::model::Span, usize>>>>,
    /// The files lowered from JavaScript or TypeScript, built on first use (`sinks_in`).
    js_files: std::cell::OnceCell<HashSet<crate::model::FileId>>,
    /// The program and arguments of each `Popen` object, by the sites of the calls made on it
    /// (`proc.communicate(...)`), built on first use (`stdin_runs_code`).
    popen_argv: std::cell::OnceCell<HashMap<Site, Value>>,
    /// Each module's variables assigned once at its top level, with the value
    /// (`module_value`), built on first use.
    module_values: RefCell<HashMap<usize, Rc<ModuleValues>>>,
    /// The project's functions by module and its methods by file and name, built on first use
    /// so that a lookup is not a walk over every function of the project.
    func_index: std::cell::OnceCell<FuncIndex>,
}

/// `Evaluation::funcs` indexed for the lookups made once per call or per module.
#[derive(Default)]
struct FuncIndex {
    /// Module → its functions, in site order.
    by_module: HashMap<usize, Vec<Site>>,
    /// (file, name) → the functions of that file with that name whose first parameter is
    /// `self`, in site order.
    self_methods: HashMap<(crate::model::FileId, String), Vec<Site>>,
}

/// A module's top-level assignments by name: the value when there is exactly one and it may
/// be a path (text, a call, a join; not a literal list or dict).
type ModuleValues = HashMap<String, Option<Rc<Expr>>>;

/// Project classes, their methods and their bases: resolves `self.m(...)` in a method whose
/// `self` the interpreter left unknown (a base class calling a method its subclasses define).
#[derive(Default)]
struct ClassIndex {
    /// Function definition site → the class whose body defines it.
    class_of: HashMap<Site, Site>,
    /// Class → method name → the method.
    methods: HashMap<Site, HashMap<String, FuncVal>>,
    parents: HashMap<Site, Vec<Site>>,
    children: HashMap<Site, Vec<Site>>,
    /// Method name → every project method of that name, in site order.
    by_name: HashMap<String, Vec<FuncVal>>,
    /// (class, attribute) → the expressions its methods assign to `self.<attribute>`, with the
    /// module they are written in.
    attr_assigns: HashMap<(Site, String), Vec<(usize, Expr)>>,
}

/// `obj.m(...)` on an object of unknown class is resolved to the project's methods named `m`
/// only when at most this many classes define one (a distinctive name, not `run` or `get`).
const MAX_NAMED_METHODS: usize = 4;

/// A project function a call may run, found by `Walker::resolve_unknown`.
struct Resolved {
    func: FuncVal,
    /// Arguments of the call start at this parameter (1 for a method called on an object).
    offset: usize,
    /// Found by the method's name alone.
    by_name: bool,
}

/// The name a sink entry gives its receiver in `kwargs` (`Path(p).unlink()`: the path is the
/// object the method is called on); no real keyword argument has it.
const RECEIVER: &str = "<receiver>";

/// How many `param_flows` a body keeps at most (each is a parameter, sink and first call).
const MAX_PARAM_FLOWS: usize = Bound::ParamFlows.limit();

/// Whether a method only declares itself: a body of a docstring, `...`, `pass` or `raise
/// NotImplementedError`.
fn is_abstract(def: &FuncDef) -> bool {
    def.body.iter().all(|s| match &s.kind {
        // `pass` lowers to `Other`.
        StmtKind::Expr(_) | StmtKind::Raise(_) | StmtKind::Other => true,
        _ => false,
    })
}

/// How many classes a class hierarchy walk visits at most (a bound on `self.m` resolution).
const MAX_HIERARCHY: usize = Bound::ClassHierarchy.limit();

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
                // Pydantic AI: the run context an `@agent.tool` takes first.
                | "RunContext"
        ) {
            found = true;
        }
    });
    found
}

/// Visits every name and attribute name inside an expression (bounded by the IR's depth cap).
pub(crate) fn walk_expr_names(e: &Expr, f: &mut dyn FnMut(&str)) {
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
        let mut rec_at = HashMap::default();
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
            caps: RefCell::new(HashMap::default()),
            facts: RefCell::new(HashMap::default()),
            fresh: std::cell::Cell::new(false),
            fresh_read: RefCell::new(HashSet::default()),
            in_progress: RefCell::new(vec![]),
            validators: RefCell::new(HashMap::default()),
            local_validators: RefCell::new(HashMap::default()),
            address_fns: RefCell::new(HashMap::default()),
            field_answers: RefCell::new(HashMap::default()),
            reaching: RefCell::new(HashMap::default()),
            reaching_busy: RefCell::new(Vec::new()),
            fresh_calls: RefCell::new(HashSet::default()),
            server_params: RefCell::new(HashMap::default()),
            temp_tables: RefCell::new(HashMap::default()),
            classes: std::cell::OnceCell::new(),
            cuts: RefCell::new(Cuts::default()),
            closed_params: RefCell::new(HashMap::default()),
            query_params: RefCell::new(HashMap::default()),
            js_files: std::cell::OnceCell::new(),
            popen_argv: std::cell::OnceCell::new(),
            module_values: RefCell::new(HashMap::default()),
            func_index: std::cell::OnceCell::new(),
        }
    }

    fn func_index(&self) -> &FuncIndex {
        self.func_index.get_or_init(|| {
            let mut ix = FuncIndex::default();
            for (s, f) in &self.ev.funcs {
                ix.by_module.entry(f.module).or_default().push(*s);
                if f.def.params.first().is_some_and(|p| p.name == "self") {
                    ix.self_methods
                        .entry((s.file, f.def.name.clone()))
                        .or_default()
                        .push(*s);
                }
            }
            ix
        })
    }

    /// The methods (first parameter `self`) that `file` defines under `name`, in site order.
    fn self_methods_named(
        &self,
        file: crate::model::FileId,
        name: &str,
    ) -> impl Iterator<Item = &'a FuncVal> + '_ {
        self.func_index()
            .self_methods
            .get(&(file, name.to_string()))
            .into_iter()
            .flatten()
            .filter_map(|s| self.ev.funcs.get(s))
    }

    /// Records that the framework checks these arguments of tool function `f` against a
    /// schema that admits no text (an MCP SDK's zod input schema: `z.number()`,
    /// `z.enum([...])`). Read when `f`'s body is walked, so it is called by the readers that
    /// find tools, before any rule asks for `f`'s facts.
    pub fn close_params(&self, f: &FuncVal, names: Vec<String>) {
        self.closed_params
            .borrow_mut()
            .entry(f.site(self.modules))
            .or_default()
            .extend(names);
    }

    /// Records that `bound` cut the analysis at `site`.
    pub(crate) fn cut(&self, bound: Bound, site: Site) {
        self.cuts.borrow_mut().record(site.file, bound, site.span);
    }

    /// Where bounds cut the analysis so far (body analysis and the extractors that use it).
    pub fn take_cuts(&self) -> Cuts {
        self.cuts.take()
    }

    fn class_index(&self) -> &ClassIndex {
        self.classes.get_or_init(|| {
            let mut ix = ClassIndex::default();
            let mut by_file: HashMap<crate::model::FileId, Vec<Site>> = HashMap::default();
            for (s, c) in &self.ev.classes {
                by_file.entry(s.file).or_default().push(*s);
                for b in c.bases.iter() {
                    if let Value::Class(bc) = b {
                        let bs = Site {
                            file: self.modules[bc.module].file,
                            span: bc.def.span,
                        };
                        ix.parents.entry(*s).or_default().push(bs);
                        ix.children.entry(bs).or_default().push(*s);
                    }
                }
            }
            // Class-level fields (`database: SQLDatabase = Field(exclude=True)`, dataclass and
            // pydantic style): the annotation names the attribute's class.
            for (cs, c) in &self.ev.classes {
                for st in &c.def.body {
                    let (target, ann) = match &st.kind {
                        StmtKind::Assign {
                            targets,
                            annotation: Some(a),
                            ..
                        } if targets.len() == 1 => (&targets[0], &**a),
                        StmtKind::AnnOnly { target, annotation } => (target, annotation),
                        _ => continue,
                    };
                    if let Target::Name(n, _) = target {
                        ix.attr_assigns
                            .entry((*cs, n.clone()))
                            .or_default()
                            .push((c.module, ann.clone()));
                    }
                }
            }
            for (fs, f) in &self.ev.funcs {
                let Some(cands) = by_file.get(&fs.file) else {
                    continue;
                };
                // The innermost class whose span holds the definition.
                let Some(c) = cands
                    .iter()
                    .filter(|c| c.span.start <= fs.span.start && fs.span.end <= c.span.end)
                    .min_by_key(|c| c.span.end - c.span.start)
                else {
                    continue;
                };
                ix.class_of.insert(*fs, *c);
                if f.def.params.first().is_some_and(|p| p.name == "self") {
                    crate::syntax::python::visit_stmts(&f.def.body, &mut |st: &Stmt| {
                        if let StmtKind::Assign { targets, value, .. } = &st.kind {
                            for t in targets {
                                if let Target::Attr(o, attr) = t {
                                    if matches!(&o.kind, ExprKind::Name(n) if n == "self") {
                                        ix.attr_assigns
                                            .entry((*c, attr.clone()))
                                            .or_default()
                                            .push((f.module, value.clone()));
                                    }
                                }
                            }
                        }
                    });
                    ix.by_name
                        .entry(f.def.name.clone())
                        .or_default()
                        .push(f.clone());
                    ix.methods
                        .entry(*c)
                        .or_default()
                        .entry(f.def.name.clone())
                        .or_insert_with(|| f.clone());
                }
            }
            ix
        })
    }

    /// The class named by a parameter's annotation, when it is (or inherits from) a message a
    /// model wrote (`model_output_type`): its name as written.
    fn model_message_type(&self, f: &FuncVal, annotation: Option<&Expr>) -> Option<String> {
        if self.k.model_output_types.is_empty() {
            return None;
        }
        let ExprKind::Name(n) = &annotation?.kind else {
            return None;
        };
        let start = self.ev.globals.get(f.module)?.get(n.as_str())?.clone();
        self.class_is(vec![start], f.site(self.modules), &|q| {
            self.k.is_model_output_type(q)
        })
        .then(|| n.to_string())
    }

    /// Whether one of `start` (class values), or a base of one through project classes, is
    /// named by `is`: a class outside the project by its dotted name, a project class by the
    /// dotted name it is defined under (a framework's own source in the tree). A hierarchy
    /// deeper than `Bound::ClassHierarchy` is cut at `at`, with a notice.
    pub(crate) fn class_is(&self, start: Vec<Value>, at: Site, is: &dyn Fn(&str) -> bool) -> bool {
        let mut stack = start;
        let mut steps = 0;
        while let Some(v) = stack.pop() {
            steps += 1;
            if steps > MAX_HIERARCHY {
                self.cut(Bound::ClassHierarchy, at);
                break;
            }
            match v {
                Value::Ext(q) if is(&q) => return true,
                Value::Class(c) => {
                    let m = &self.modules[c.module];
                    if std::iter::once(&m.name)
                        .chain(&m.aliases)
                        .any(|base| is(&format!("{base}.{}", c.def.name)))
                    {
                        return true;
                    }
                    stack.extend(c.bases.iter().cloned());
                }
                _ => {}
            }
        }
        false
    }

    /// The project class an annotation names (`Entity`, `Optional[Entity]`), and whether it
    /// is a list of them (`list[Entity]`, `List[Entity]`, `Sequence[Entity]`).
    fn model_class_of(&self, module: usize, a: &Expr) -> Option<(ClassVal, bool)> {
        match &a.kind {
            ExprKind::Name(n) => match self.ev.globals.get(module)?.get(n.as_str())? {
                Value::Class(c) => Some((c.clone(), false)),
                _ => None,
            },
            ExprKind::Subscript(base, inner) => {
                let b = match &base.kind {
                    ExprKind::Name(n) | ExprKind::Attr(_, n) => n.as_str(),
                    _ => return None,
                };
                let inner = match &inner.kind {
                    ExprKind::Tuple(xs) if xs.len() == 1 => &xs[0],
                    _ => &**inner,
                };
                match b {
                    "list" | "List" | "Sequence" | "Iterable" => {
                        let (c, list) = self.model_class_of(module, inner)?;
                        (!list).then_some((c, true))
                    }
                    "Optional" => self.model_class_of(module, inner),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Whether a class (or one of its bases) declares `field` so that only checked values
    /// get in: a `Field(pattern=...)` anchored at both ends (as the value or inside
    /// `Annotated[...]`), or a type that admits listed values or numbers only.
    fn constrained_field(&self, c: &ClassVal, field: &str) -> bool {
        // The pattern's text: a literal, or a module constant (`pattern=LABEL`).
        let text = |v: &Expr| -> Option<String> {
            match &v.kind {
                ExprKind::Str(p) => Some(p.to_string()),
                ExprKind::Name(n) => match self.ev.globals.get(c.module)?.get(n.as_str())? {
                    Value::Str(p, _) => Some(p.to_string()),
                    _ => None,
                },
                _ => None,
            }
        };
        let anchored = |e: &Expr| {
            let ExprKind::Call(_, args) = &e.kind else {
                return false;
            };
            args.iter().any(|a| match a {
                Arg::Kw(k, v) if k == "pattern" || k == "regex" => text(v).is_some_and(|p| {
                    (p.starts_with('^') || p.starts_with("\\A")) && regex_shape(&p).0
                }),
                _ => false,
            })
        };
        let mut cur = Some(c.clone());
        let mut hops = 0;
        while let Some(c) = cur.take() {
            hops += 1;
            if hops > 16 {
                break;
            }
            for st in &c.def.body {
                let (ann, value): (&Expr, Option<&Expr>) = match &st.kind {
                    StmtKind::Assign {
                        targets,
                        value,
                        annotation: Some(ann),
                    } if matches!(targets.as_slice(), [Target::Name(n, _)] if n == field) => {
                        (&**ann, Some(value))
                    }
                    StmtKind::AnnOnly {
                        target: Target::Name(n, _),
                        annotation,
                    } if n == field => (annotation, None),
                    _ => continue,
                };
                let in_annotated = match &ann.kind {
                    ExprKind::Subscript(_, inner) => match &inner.kind {
                        ExprKind::Tuple(xs) => xs.iter().skip(1).any(anchored),
                        _ => false,
                    },
                    _ => false,
                };
                let listed = self.allow_listed_type(c.module, ann, 0);
                return in_annotated || value.is_some_and(anchored) || listed;
            }
            cur = c.bases.iter().find_map(|b| match b {
                Value::Class(bc) => Some(bc.clone()),
                _ => None,
            });
        }
        false
    }

    /// Whether a type annotation only admits listed values: `Literal[...]`, an `Enum`
    /// subclass, through `Annotated[...]`/`Optional[...]` and type aliases assigned in the
    /// module (also inside its functions, where registration code often builds them).
    fn allow_listed_type(&self, module: usize, a: &Expr, depth: usize) -> bool {
        if depth > 4 {
            return false;
        }
        let last = |e: &Expr| match &e.kind {
            ExprKind::Name(n) => Some(n.to_string()),
            ExprKind::Attr(_, n) => Some(n.to_string()),
            _ => None,
        };
        match &a.kind {
            ExprKind::Subscript(base, inner) => match last(base).as_deref() {
                Some("Literal") => true,
                Some("Annotated" | "Optional") => {
                    let first = match &inner.kind {
                        ExprKind::Tuple(xs) => xs.first(),
                        _ => Some(&**inner),
                    };
                    first.is_some_and(|x| self.allow_listed_type(module, x, depth + 1))
                }
                _ => false,
            },
            // A number or a boolean (`limit: int`, `Annotated[int, Field(ge=1)]`): the
            // framework converts the model's value to one before the body runs, and no text
            // survives the conversion. JavaScript's annotations are not checked at run time, so
            // only Python's own type names count.
            ExprKind::Name(n)
                if matches!(n.as_str(), "int" | "float" | "bool")
                    && !self.modules[module].ir.javascript =>
            {
                true
            }
            ExprKind::Name(n) => {
                match self.ev.globals.get(module).and_then(|g| g.get(n.as_str())) {
                    Some(Value::Class(c)) => return is_enum_class(c),
                    // A UUID (`flow_id: UUID`): validated to hex digits and dashes before the
                    // body runs, as a number is.
                    Some(Value::Ext(q)) if &**q == "uuid.UUID" => {
                        return !self.modules[module].ir.javascript
                    }
                    _ => {}
                }
                // A type alias: `kinds = Literal[...]`, `kind_type = Annotated[kinds, Field()]`,
                // in this module or in the module it is imported from.
                let mut found = false;
                if let Some(m) = self.imported_from(module, n) {
                    if self.allow_listed_type(m, a, depth + 1) {
                        return true;
                    }
                }
                let mut blocks: Vec<&[Stmt]> = vec![&self.modules[module].ir.body];
                let mut steps = 0;
                while let Some(b) = blocks.pop() {
                    for st in b {
                        steps += 1;
                        if steps > 20_000 || found {
                            break;
                        }
                        blocks.extend(st.blocks());
                        match &st.kind {
                            StmtKind::Func(d) => blocks.push(&d.body),
                            StmtKind::Assign { targets, value, .. }
                                if targets
                                    .iter()
                                    .any(|t| matches!(t, Target::Name(x, _) if x == n))
                                    && matches!(value.kind, ExprKind::Subscript(..)) =>
                            {
                                found = self.allow_listed_type(module, value, depth + 1);
                            }
                            _ => {}
                        }
                    }
                }
                found
            }
            _ => false,
        }
    }

    /// The project module `name` is imported from in module `m` (`from .objects import name`).
    fn imported_from(&self, m: usize, name: &str) -> Option<usize> {
        let here = &self.modules[m];
        for st in &here.ir.body {
            let StmtKind::ImportFrom {
                level,
                module,
                names,
            } = &st.kind
            else {
                continue;
            };
            if !names
                .iter()
                .any(|(n, alias)| alias.as_deref().unwrap_or(n) == name)
            {
                continue;
            }
            let full = if *level > 0 {
                let mut parts: Vec<&str> = here.name.split('.').collect();
                let drop = if here.is_package { *level - 1 } else { *level } as usize;
                for _ in 0..drop.min(parts.len()) {
                    parts.pop();
                }
                let mut base = parts.join(".");
                if !module.is_empty() {
                    if !base.is_empty() {
                        base.push('.');
                    }
                    base.push_str(module);
                }
                base
            } else {
                module.clone()
            };
            return self
                .modules
                .iter()
                .position(|x| x.name == full || x.aliases.iter().any(|a| a == &full))
                .filter(|&i| i != m);
        }
        None
    }

    /// The class of the method at `func`, its ancestors and its descendants (bounded).
    fn related_classes(&self, func: Site) -> BTreeSet<Site> {
        let ix = self.class_index();
        let mut seen = BTreeSet::new();
        let Some(&c) = ix.class_of.get(&func) else {
            return seen;
        };
        for edges in [&ix.parents, &ix.children] {
            let mut stack = vec![c];
            while let Some(x) = stack.pop() {
                if seen.len() >= MAX_HIERARCHY {
                    if !seen.contains(&x) {
                        self.cut(Bound::ClassHierarchy, func);
                    }
                    break;
                }
                if !seen.insert(x) && x != c {
                    continue;
                }
                stack.extend(edges.get(&x).into_iter().flatten().copied());
            }
        }
        seen
    }

    /// What the classes related to the method at `func` assign to `self.<attr>`: project
    /// functions and classes named by the assigned expression (`a or b`, `X(...)`, `a if c
    /// else b`), looked up in the module's globals.
    fn attr_values(&self, func: Site, attr: &str) -> Vec<Value> {
        let ix = self.class_index();
        let mut out = vec![];
        for c in self.related_classes(func) {
            let Some(exprs) = ix.attr_assigns.get(&(c, attr.to_string())) else {
                continue;
            };
            for (module, e) in exprs {
                let mut stack = vec![e];
                while let Some(e) = stack.pop() {
                    if out.len() >= MAX_NAMED_METHODS * 4 {
                        break;
                    }
                    match &e.kind {
                        ExprKind::Name(n) => {
                            if let Some(v @ (Value::Func(_) | Value::Class(_))) =
                                self.ev.globals.get(*module).and_then(|g| g.get(n.as_str()))
                            {
                                out.push(v.clone());
                            }
                        }
                        ExprKind::Call(f, _) => stack.push(f),
                        // `Optional[SQLDatabase]` in a field's annotation.
                        ExprKind::Subscript(_, x) => stack.push(x),
                        ExprKind::BoolOp(_, xs) => stack.extend(xs.iter()),
                        ExprKind::IfExp(_, a, b) => {
                            stack.push(a);
                            stack.push(b);
                        }
                        _ => {}
                    }
                }
            }
        }
        out
    }

    /// The methods `name` of the project classes that inherit from the class at `class`.
    fn subclass_methods(&self, class: Site, name: &str) -> Vec<FuncVal> {
        let ix = self.class_index();
        let mut out = vec![];
        let mut stack = vec![class];
        let mut seen = BTreeSet::new();
        while let Some(x) = stack.pop() {
            if seen.len() >= MAX_HIERARCHY && !seen.contains(&x) {
                self.cut(Bound::ClassHierarchy, class);
                break;
            }
            if !seen.insert(x) {
                continue;
            }
            if x != class {
                if let Some(g) = ix.methods.get(&x).and_then(|m| m.get(name)) {
                    out.push(g.clone());
                }
            }
            stack.extend(ix.children.get(&x).into_iter().flatten().copied());
        }
        out
    }

    /// The dotted names of a project function (`pkg.module.Class.method`, and under each alias
    /// of its module).
    fn local_names(&self, g: &FuncVal) -> Vec<String> {
        let m = &self.modules[g.module];
        let class = self
            .class_index()
            .class_of
            .get(&g.site(self.modules))
            .and_then(|c| self.ev.classes.get(c))
            .map(|c| format!(".{}", c.def.name))
            .unwrap_or_default();
        std::iter::once(&m.name)
            .chain(&m.aliases)
            .map(|base| format!("{base}{class}.{}", g.def.name))
            .collect()
    }

    /// Sink entries (of kinds a model's response must not reach) that a project method is,
    /// by its dotted name: the library that defines `Neo4jGraph.query` analysed itself.
    fn local_sinks(&self, g: &FuncVal) -> Vec<(usize, String)> {
        let mut out = vec![];
        for q in self.local_names(g) {
            for (i, e) in self.k.sinks_for(knowledge::Callee::Qualified(&q)) {
                if self.k.sink_kind(&e.kind).is_some_and(|k| k.model_exec) {
                    out.push((i, e.kind.clone()));
                }
            }
        }
        out
    }

    /// The method `name` of a project class: its own, else the nearest base's that has one.
    fn class_methods(&self, c: &crate::extract::interp::ClassVal, name: &str) -> Vec<FuncVal> {
        let ix = self.class_index();
        let mut stack = vec![Site {
            file: self.modules[c.module].file,
            span: c.def.span,
        }];
        let mut seen = BTreeSet::new();
        while let Some(x) = stack.pop() {
            if seen.len() >= MAX_HIERARCHY && !seen.contains(&x) {
                self.cut(Bound::ClassHierarchy, x);
                break;
            }
            if !seen.insert(x) {
                continue;
            }
            if let Some(g) = ix.methods.get(&x).and_then(|m| m.get(name)) {
                return vec![g.clone()];
            }
            stack.extend(ix.parents.get(&x).into_iter().flatten().copied());
        }
        vec![]
    }

    /// The project class of the instance a method is bound to, when the interpreter knows it.
    fn instance_class(&self, g: &FuncVal) -> Option<crate::extract::interp::ClassVal> {
        let Some(Value::Obj(id)) = g.bound.as_deref() else {
            return None;
        };
        match &self.ev.objects.get(*id)?.kind {
            crate::extract::interp::ObjKind::Instance(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// The methods `name` that `self.name(...)` may call inside the function at `func`: those of
    /// its class, of the classes it inherits from and of the project classes that inherit from
    /// it (an abstract method of a base class and its concrete versions), in a fixed order.
    fn self_methods(&self, func: Site, name: &str) -> Vec<FuncVal> {
        let ix = self.class_index();
        self.related_classes(func)
            .into_iter()
            .filter_map(|cl| ix.methods.get(&cl).and_then(|m| m.get(name)).cloned())
            .collect()
    }

    /// The project methods `obj.name(...)` may call when `obj`'s class is unknown: every method
    /// of that name, when few classes define one (see `MAX_NAMED_METHODS`).
    fn named_methods(&self, name: &str) -> &[FuncVal] {
        match self.class_index().by_name.get(name) {
            Some(v) if v.len() <= MAX_NAMED_METHODS => v,
            _ => &[],
        }
    }

    /// The dotted name of a project function (`langchain.chains.llm.LLMChain.predict` when the
    /// analysed project is LangChain itself), when knowledge says it returns a model's response.
    fn local_model_output(&self, g: &FuncVal) -> Option<String> {
        self.local_names(g)
            .into_iter()
            .find(|q| self.k.is_model_output(knowledge::Callee::Qualified(q)))
    }

    /// Whether a call returns a model's response by knowledge (`[[model_output]]`): the callee,
    /// and whether it was recognised by a receiver name only.
    fn model_output_call(&self, rec: &CallRecord) -> Option<(String, bool)> {
        rec.callees.iter().find_map(|c| {
            let kc = Self::callee_strings(c)?;
            self.k
                .is_model_output(kc)
                .then(|| (Self::callee_label(c), matches!(c, Callee::Method { .. })))
        })
    }

    /// Whether a call returns content fetched over the network by knowledge (a `web_content`
    /// source named by its resolved dotted name, not by a method name alone): the callee.
    fn network_read_call(&self, rec: &CallRecord) -> Option<String> {
        rec.callees.iter().find_map(|c| {
            let Callee::Qualified(q) = c else { return None };
            self.k
                .sources_for(knowledge::Callee::Qualified(q))
                .iter()
                .any(|s| s.kind == "web_content")
                .then(|| Self::callee_label(c))
        })
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

    /// `validates_and_returns` of a project function, once per function; also a wrapper that
    /// returns what a project validator returned (`return resolve_workspace_path(p)`, or
    /// `resolved = validate(p) ... return resolved`), so the clean value survives the extra call.
    /// Whether a project function is an address predicate
    /// (`AddressVocabulary::address_predicate`), and whether it resolves one of its parameters
    /// as a host name (`resolve_hostname(host)` calling `getaddrinfo(host, ...)`).
    fn address_fn(&self, g: &FuncVal) -> (bool, bool) {
        let site = g.site(self.modules);
        if let Some(v) = self.address_fns.borrow().get(&site) {
            return *v;
        }
        let v = &self.k.address_guard;
        let mut resolves = false;
        crate::syntax::python::visit_exprs(&g.def.body, &mut |y: &Expr| {
            resolves |= v.resolution_host(y).is_some_and(
                |h| matches!(&h.kind, ExprKind::Name(n) if g.def.params.iter().any(|p| p.name == *n)),
            );
        });
        let out = (v.address_predicate(&g.def), resolves);
        self.address_fns.borrow_mut().insert(site, out);
        out
    }

    fn local_validates(&self, g: &FuncVal) -> bool {
        let site = g.site(self.modules);
        if let Some(v) = self.local_validators.borrow().get(&site) {
            return *v;
        }
        // A cycle of wrappers answers no until it is decided.
        self.local_validators.borrow_mut().insert(site, false);
        let raiser = |e: &Expr| self.always_raises_call(e, site.file);
        let v = validates_and_returns_with(&g.def, &raiser)
            || self.raises_on_failed_helper_check(g, site.file)
            || self.returns_validated(g, site.file);
        self.local_validators.borrow_mut().insert(site, v);
        v
    }

    /// Whether a project function answers an allow-list check in `field` of its result
    /// (`answers_check_in`), itself or as a wrapper: every `return` is a record whose `field`
    /// is `true`/`false`, and it returns early when another such helper says no (`const v =
    /// this.security.checkName(x); if (!v.valid) return { valid: false, error: ... }; return
    /// { valid: true }`).
    fn answers_field(&self, g: &FuncVal, field: &str) -> bool {
        if answers_check_in(&g.def, field) {
            return true;
        }
        let key = (g.site(self.modules), field.to_string());
        if let Some(v) = self.field_answers.borrow().get(&key) {
            return *v;
        }
        // A cycle of wrappers answers no until it is decided.
        self.field_answers.borrow_mut().insert(key.clone(), false);
        let file = key.0.file;
        let mut returns = 0;
        let mut all_literal = true;
        let mut guards: Vec<(&Expr, &str)> = vec![];
        crate::syntax::python::visit_stmts(&g.def.body, &mut |st: &Stmt| match &st.kind {
            StmtKind::Return(e) => {
                returns += 1;
                let v = e.as_ref().and_then(|e| field_of(e, field));
                all_literal &= matches!(v.map(|v| &v.kind), Some(ExprKind::Bool(_)));
            }
            StmtKind::If { test, body, .. } if ends_in_exit(body) => {
                if let Some(g) = negated_field(test) {
                    guards.push(g);
                }
            }
            _ => {}
        });
        let v = returns > 0 && all_literal && !guards.is_empty() && {
            let assigned = name_assignments(&g.def);
            guards.iter().any(|(obj, f)| match &obj.kind {
                ExprKind::Name(n) => assigned.get(n.as_str()).is_some_and(|vs| {
                    !vs.is_empty() && vs.iter().all(|v| self.call_answers_field(v, f, file))
                }),
                _ => self.call_answers_field(obj, f, file),
            })
        };
        self.field_answers.borrow_mut().insert(key, v);
        v
    }

    /// Whether `call` (awaited or not) calls only project functions answering in `field`.
    fn call_answers_field(&self, call: &Expr, field: &str, file: crate::model::FileId) -> bool {
        self.calls_only_local(call, file, |h| self.answers_field(h, field))
    }

    /// Whether `call` (awaited or not) has callees, all project functions for which `pred`
    /// holds.
    /// Whether `e` (in `file`) calls only project functions that always raise (`function
    /// invalid(m) { throw new McpError(m) }`, `def fail(msg): raise ValueError(msg)`, a local
    /// `const abort = () => { throw ... }`).
    fn always_raises_call(&self, e: &Expr, file: crate::model::FileId) -> bool {
        let call = unawait(e);
        matches!(call.kind, ExprKind::Call(..))
            && self.calls_only_local(call, file, |h| {
                matches!(
                    h.def.body.last().map(|s| &s.kind),
                    Some(StmtKind::Raise(Some(_)))
                )
            })
    }

    fn calls_only_local(
        &self,
        call: &Expr,
        file: crate::model::FileId,
        pred: impl Fn(&FuncVal) -> bool,
    ) -> bool {
        let call = unawait(call);
        if !matches!(call.kind, ExprKind::Call(..)) {
            return false;
        }
        let at = Site {
            file,
            span: call.span,
        };
        self.ev.callee_at.get(&at).is_some_and(|cs| {
            !cs.is_empty()
                && cs.iter().all(|c| match c {
                    Callee::Local(h) => pred(h),
                    _ => false,
                })
        })
    }

    /// Whether `g` returns a value and raises when a project helper answering an allow-list
    /// check says no (`if not _is_within(base, candidate): raise ...`, the helper returning
    /// `os.path.commonpath([base, p]) == base` or `p.is_relative_to(base)`): a validator whose
    /// check lives in a helper, as `validates_and_returns` reads one written inline. A helper
    /// answering in a field of its result counts where that field is tested (`const v =
    /// this.checkName(x); if (!v.valid) throw ...; return quoted`).
    fn raises_on_failed_helper_check(&self, g: &FuncVal, file: crate::model::FileId) -> bool {
        let mut raises = false;
        let mut returns_value = false;
        let assigned = name_assignments(&g.def);
        let all_answer = |call: &Expr, field: Option<&str>| match field {
            Some(f) => self.call_answers_field(call, f, file),
            None => self.calls_only_local(call, file, |h| answers_check(&h.def)),
        };
        crate::syntax::python::visit_stmts(&g.def.body, &mut |st: &Stmt| match &st.kind {
            StmtKind::If { test, body, .. } if fails_without_value(body) => {
                // `not ok(x)`, alone or as one operand of an `or` (`not x or not ok(x)`): the
                // branch runs whenever the helper says no.
                for t in or_operands(test) {
                    // `not ok(x).valid`, or `not r.valid` after `r = ok(x)`: the helper answers
                    // in a field of its result.
                    if let Some((obj, field)) = negated_field(t) {
                        let answered = match &obj.kind {
                            ExprKind::Name(v) => assigned.get(v.as_str()).is_some_and(|vs| {
                                !vs.is_empty() && vs.iter().all(|v| all_answer(v, Some(field)))
                            }),
                            _ => all_answer(obj, Some(field)),
                        };
                        raises |= answered;
                        continue;
                    }
                    let ExprKind::Not(inner) = &t.kind else {
                        continue;
                    };
                    raises |= all_answer(inner, None);
                }
            }
            StmtKind::Return(Some(e)) if !matches!(e.kind, ExprKind::None) => returns_value = true,
            _ => {}
        });
        raises && returns_value
    }

    /// Whether every `return` of `g` gives the result of a project validator: the call itself,
    /// or a name whose every assignment in the body is such a call.
    fn returns_validated(&self, g: &FuncVal, file: crate::model::FileId) -> bool {
        let direct_call = |e: &Expr| -> bool {
            let e = unawait(e);
            if !matches!(e.kind, ExprKind::Call(..)) {
                return false;
            }
            let at = Site { file, span: e.span };
            let Some(callees) = self.ev.callee_at.get(&at) else {
                return false;
            };
            !callees.is_empty()
                && callees.iter().all(|c| match c {
                    Callee::Local(h) => self.local_validates(h),
                    _ => false,
                })
        };
        let assigned = name_assignments(&g.def);
        // Names of the function's own values: its parameters and what its body assigns.
        let own: HashSet<&str> = g
            .def
            .params
            .iter()
            .map(|p| p.name.as_str())
            .chain(assigned.keys().copied())
            .collect();
        // A value fixed by the code: a literal, or a module name or attribute of one
        // (`TIMEOUTS.PATH_CHECK`), never one of the function's own values.
        let fixed = |e: &Expr| {
            let mut x = e;
            loop {
                match &x.kind {
                    ExprKind::Attr(o, _) => x = o,
                    ExprKind::Name(n) => return !own.contains(n.as_str()),
                    ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::Bool(_) | ExprKind::None => {
                        return true
                    }
                    _ => return false,
                }
            }
        };
        // A validator's call, or a project helper given that call and fixed values only
        // (`withTimeout(check(), TIMEOUTS.CHECK, "label", null)`): the helper has nothing
        // the model chose to return but the checked value.
        let validator_call = |e: &Expr| -> bool {
            if direct_call(e) {
                return true;
            }
            let e = unawait(e);
            let ExprKind::Call(_, args) = &e.kind else {
                return false;
            };
            let at = Site { file, span: e.span };
            let project = self.ev.callee_at.get(&at).is_some_and(|cs| {
                !cs.is_empty() && cs.iter().all(|c| matches!(c, Callee::Local(_)))
            });
            let mut checked = 0;
            let all = args.iter().all(|a| match a {
                Arg::Pos(x) if direct_call(x) => {
                    checked += 1;
                    true
                }
                Arg::Pos(x) | Arg::Kw(_, x) => fixed(x),
                _ => false,
            });
            project && all && checked == 1
        };
        let mut returns: Vec<&Expr> = vec![];
        let mut bare_return = false;
        crate::syntax::python::visit_stmts(&g.def.body, &mut |st: &Stmt| match &st.kind {
            StmtKind::Return(Some(e)) => returns.push(e),
            StmtKind::Return(None) => bare_return = true,
            _ => {}
        });
        !bare_return
            && !returns.is_empty()
            && returns.iter().all(|e| match &e.kind {
                ExprKind::Name(n) => assigned
                    .get(n.as_str())
                    .is_some_and(|vs| vs.iter().all(|v| validator_call(v))),
                _ => validator_call(e),
            })
    }

    /// Whether every callee of a call is a project function (so what each returns is read).
    fn local_only(&self, rec: &CallRecord, resolved: &[Resolved]) -> bool {
        !rec.callees.is_empty()
            && rec.callees.iter().all(|c| matches!(c, Callee::Local(_)))
            && !resolved.is_empty()
    }

    /// The taint of a project call's result: the join of the arguments whose parameters can
    /// reach what some callee returns (`returns::params_reaching_result`).
    fn join_reaching(
        &self,
        resolved: &[Resolved],
        recv: Option<Taint>,
        pos: &[(Option<Taint>, &Expr)],
        kw: &[(&str, Option<Taint>, &Expr)],
    ) -> Option<Taint> {
        self.join_by(resolved, recv, pos, kw, Part::Whole)
    }

    /// Per field of the record every callee returns (`return { valid, database }`), the taint
    /// of each field as `join_reaching` reads the whole result; `None` unless every callee
    /// returns record literals.
    fn field_taints(
        &self,
        resolved: &[Resolved],
        recv: Option<Taint>,
        pos: &[(Option<Taint>, &Expr)],
        kw: &[(&str, Option<Taint>, &Expr)],
    ) -> Option<BTreeMap<String, Option<Taint>>> {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for r in resolved {
            keys.extend(self.reaching(&r.func).fields.as_ref()?.keys().cloned());
        }
        Some(
            keys.into_iter()
                .map(|k| {
                    let t = self.join_by(resolved, recv.clone(), pos, kw, Part::Field(&k));
                    (k, t)
                })
                .collect(),
        )
    }

    /// Per element of a tuple every callee returns (`return chosen, rejected`), the taint of
    /// each element as `join_reaching` reads the whole result; `None` unless every callee
    /// returns tuples of one size.
    fn element_taints(
        &self,
        resolved: &[Resolved],
        recv: Option<Taint>,
        pos: &[(Option<Taint>, &Expr)],
        kw: &[(&str, Option<Taint>, &Expr)],
    ) -> Option<Vec<Option<Taint>>> {
        let mut arity = None;
        for r in resolved {
            let n = self.reaching(&r.func).elements.as_ref()?.len();
            if arity.is_some_and(|a| a != n) {
                return None;
            }
            arity = Some(n);
        }
        Some(
            (0..arity?)
                .map(|i| self.join_by(resolved, recv.clone(), pos, kw, Part::Element(i)))
                .collect(),
        )
    }

    /// `join_reaching` for the whole result (`element` `None`) or one element of a returned
    /// tuple.
    fn join_by(
        &self,
        resolved: &[Resolved],
        recv: Option<Taint>,
        pos: &[(Option<Taint>, &Expr)],
        kw: &[(&str, Option<Taint>, &Expr)],
        part: Part,
    ) -> Option<Taint> {
        let mut acc = None;
        let mut take_recv = false;
        let mut take_pos = vec![false; pos.len()];
        let mut take_kw = vec![false; kw.len()];
        for r in resolved {
            let found = self.reaching(&r.func);
            let everything = vec![true; r.func.def.params.len()];
            let nothing = vec![false; r.func.def.params.len()];
            let reach = match part {
                Part::Whole => &found.any,
                Part::Element(i) => found
                    .elements
                    .as_ref()
                    .and_then(|e| e.get(i))
                    .unwrap_or(&everything),
                // A field no return of this callee sets takes nothing from it.
                Part::Field(k) => match &found.fields {
                    Some(fs) => fs.get(k).unwrap_or(&nothing),
                    None => &everything,
                },
            };
            let params = &r.func.def.params;
            let var_args = params.iter().position(|p| p.kind == ParamKind::VarArgs);
            let kw_args = params.iter().position(|p| p.kind == ParamKind::KwArgs);
            let reaches =
                |i: Option<usize>| i.is_none_or(|i| reach.get(i).copied().unwrap_or(true));
            take_recv |= r.offset == 1 && reaches(Some(0));
            for (i, t) in take_pos.iter_mut().enumerate() {
                let at = i + r.offset;
                let param = match params.get(at) {
                    Some(p) if p.kind == ParamKind::Normal => Some(at),
                    // Past the named parameters: the `*args` one, if any; JavaScript also lets
                    // the body read extra arguments through `arguments` (then all reach).
                    _ => var_args,
                };
                *t |= param.is_some() && reaches(param);
            }
            for (i, (name, _, _)) in kw.iter().enumerate() {
                let param = params
                    .iter()
                    .position(|p| p.kind == ParamKind::Normal && p.name == *name)
                    .or(kw_args);
                // `**options` spread into the call may fill any parameter.
                take_kw[i] |= *name == "**" || (param.is_some() && reaches(param));
            }
        }
        if take_recv {
            acc = join(acc, recv);
        }
        for ((t, _), take) in pos.iter().zip(&take_pos) {
            if *take {
                acc = join(acc, t.clone());
            }
        }
        for ((_, t, _), take) in kw.iter().zip(&take_kw) {
            if *take {
                acc = join(acc, t.clone());
            }
        }
        acc
    }

    /// `returns::reach` of a project function, once per function.
    fn reaching(&self, g: &FuncVal) -> Rc<crate::extract::returns::Reach> {
        let site = g.site(self.modules);
        if let Some(v) = self.reaching.borrow().get(&site) {
            return v.clone();
        }
        let file = self.modules[g.module].file;
        self.reaching_busy.borrow_mut().push(site);
        // A call the walks found returning new content, one whose knowledge says its result
        // is new (`tempfile.NamedTemporaryFile(suffix=...)`, a sink entry's `new_content`: what
        // a program printed, `subprocess.run(["kind", "get", "nodes", ...]).stdout`), or a
        // project function that returns nothing of what this call gives it.
        let v = Rc::new(crate::extract::returns::reach(&g.def, &|call| {
            let at = Site {
                file,
                span: call.span,
            };
            self.fresh_calls.borrow().contains(&at)
                || self.ev.callee_at.get(&at).is_some_and(|cs| {
                    !cs.is_empty()
                        && cs.iter().all(|c| match c {
                            Callee::Local(h) => self.returns_nothing_given(h, at, call),
                            _ => Self::callee_strings(c).is_some_and(|kc| {
                                self.k.sanitizer_for(kc).is_some_and(|s| s.fresh)
                                    || self.sinks_in(kc, file).iter().any(|(_, e)| e.new_content)
                            }),
                        })
                })
        }));
        self.reaching_busy.borrow_mut().pop();
        self.reaching.borrow_mut().insert(site, v.clone());
        v
    }

    /// Whether project function `h`, called by `call` at `at` inside a function whose
    /// `reaching` is being computed, returns nothing of what the call gives it: every
    /// parameter reaching its result (its receiver included) gets a literal here or its
    /// default (`_run(["get", "nodes", name], timeout=30)` where only `timeout` reaches an
    /// error message). A callee already being read (a cycle) reaches; past `Bound::CallHops`
    /// nested readings the call is taken to reach, and the cut is recorded.
    fn returns_nothing_given(&self, h: &FuncVal, at: Site, call: &Expr) -> bool {
        // A closure returns what it captured (`const check = async () => path.resolve(requested)`):
        // its parameters are not all it can hand back.
        if h.env.is_some() {
            return false;
        }
        let hs = h.site(self.modules);
        let depth = {
            let busy = self.reaching_busy.borrow();
            if busy.contains(&hs) {
                return false;
            }
            busy.len()
        };
        if depth >= Bound::CallHops.limit() {
            self.cut(Bound::CallHops, at);
            return false;
        }
        let ExprKind::Call(_, args) = &call.kind else {
            return false;
        };
        if args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::DoubleStar(_)))
        {
            return false;
        }
        let offset = usize::from(h.bound.is_some());
        let literal = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::None | ExprKind::Bool(_)
            )
        };
        let reach = self.reaching(h);
        h.def.params.iter().enumerate().all(|(i, p)| {
            if !reach.any.get(i).copied().unwrap_or(true) {
                return true;
            }
            if i < offset {
                return false;
            }
            let positional = args
                .iter()
                .filter(|a| matches!(a, Arg::Pos(_)))
                .nth(i - offset);
            let keyword = args.iter().find_map(|a| match a {
                Arg::Kw(k, v) if *k == p.name => Some(v),
                _ => None,
            });
            match (positional, keyword, p.kind) {
                (Some(Arg::Pos(v)), _, ParamKind::Normal) | (None, Some(v), ParamKind::Normal) => {
                    literal(v)
                }
                (None, None, ParamKind::Normal) => true,
                // `*args`/`**kwargs` reaching the result: any argument may land there.
                _ => args.is_empty(),
            }
        })
    }

    /// Whether `file` defines a method `name` (a function whose first parameter is `self`) that
    /// is a validator (`validates_and_returns`).
    fn file_method_validates(&self, file: crate::model::FileId, name: &str) -> bool {
        if let Some(v) = self.validators.borrow().get(&(file, name.to_string())) {
            return *v;
        }
        let v = self
            .self_methods_named(file, name)
            .any(|f| self.local_validates(f));
        self.validators
            .borrow_mut()
            .insert((file, name.to_string()), v);
        v
    }

    /// The method a call on `self` names when the interpreter resolved no project callee for
    /// it: the one function of `file` with that name whose first parameter is `self`.
    fn file_method(&self, file: crate::model::FileId, callees: &[Callee]) -> Option<FuncVal> {
        if callees.iter().any(|c| matches!(c, Callee::Local(_))) {
            return None;
        }
        let method = callees.iter().find_map(|c| match c {
            Callee::Method {
                method,
                receiver: Some(r),
            } if r == "self" => Some(method),
            _ => None,
        })?;
        let mut found = self.self_methods_named(file, method);
        let f = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some(FuncVal {
            bound: Some(Box::new(Value::Unknown)),
            ..f.clone()
        })
    }

    /// Whether a call executes a literal query that only reads (`SELECT ... WHERE id = ?`): its
    /// first word is one of `sql_read_verbs` (`rules/knowledge/mcp.toml`).
    fn literal_sql_read(&self, rec: &CallRecord) -> bool {
        rec.args
            .first()
            .and_then(Value::as_str)
            .is_some_and(|q| self.read_query_text(q))
    }

    /// Whether a query's text starts with one of `sql_read_verbs`.
    fn read_query_text(&self, query: &str) -> bool {
        let verb = query
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.k.mcp.annotations.sql_read_verbs.contains(&verb)
    }

    /// The position of the parameter of `owner` that the call at `call` passes unchanged as its
    /// first argument (`def run(self, sql): self.cur.execute(sql)` gives 0), read from syntax.
    fn query_param(&self, owner: Site, call: Site) -> Option<usize> {
        if let Some(m) = self.query_params.borrow().get(&owner) {
            return m.get(&call.span).copied();
        }
        // Every call of the function whose first argument is one of its parameters, found in
        // one walk per function (a body with many queries stays linear).
        let mut m: HashMap<crate::model::Span, usize> = HashMap::default();
        if let Some(f) = self.ev.funcs.get(&owner) {
            let params: Vec<&str> = f
                .def
                .params
                .iter()
                .filter(|p| p.kind == ParamKind::Normal)
                .skip_while(|p| p.name == "self" || p.name == "cls")
                .map(|p| p.name.as_str())
                .collect();
            crate::syntax::python::visit_exprs(&f.def.body, &mut |e| {
                if let ExprKind::Call(_, args) = &e.kind {
                    if let Some(Arg::Pos(Expr {
                        kind: ExprKind::Name(n),
                        ..
                    })) = args.first()
                    {
                        if let Some(i) = params.iter().position(|p| *p == n.as_str()) {
                            m.insert(e.span, i);
                        }
                    }
                }
            });
        }
        let found = m.get(&call.span).copied();
        self.query_params.borrow_mut().insert(owner, Rc::new(m));
        found
    }

    /// Whether a call is an `sql_exec` sink of knowledge running a literal read-only query.
    fn sql_read_call(&self, rec: &CallRecord) -> bool {
        self.literal_sql_read(rec)
            && rec.callees.iter().any(|c| {
                Self::callee_strings(c).is_some_and(|kc| {
                    self.sinks_in(kc, rec.site.file)
                        .iter()
                        .any(|(_, s)| s.kind == "sql_exec")
                })
            })
    }

    /// The sink entries a call in `file` matches: a method-name entry only in the language
    /// it was written for (`SinkEntry::javascript`).
    fn sinks_in(
        &self,
        kc: knowledge::Callee<'_>,
        file: crate::model::FileId,
    ) -> Vec<(usize, &'a knowledge::SinkEntry)> {
        let mut v = self.k.sinks_for(kc);
        if v.iter().any(|(_, e)| e.javascript.is_some()) {
            let js = self
                .js_files
                .get_or_init(|| {
                    self.modules
                        .iter()
                        .filter(|m| m.ir.javascript)
                        .map(|m| m.file)
                        .collect()
                })
                .contains(&file);
            v.retain(|(_, e)| e.javascript.is_none_or(|j| j == js));
        }
        v
    }

    /// Whether the program whose standard input a call writes reads it as code: the call's own
    /// argument list (`subprocess.run(argv, input=...)`) or the one of the `Popen` object it is
    /// made on (`communicate`). See `SinkEntry::stdin_code`.
    fn stdin_runs_code(&self, rec: &CallRecord) -> bool {
        let argv = if rec
            .callees
            .iter()
            .any(|c| matches!(c, Callee::Qualified(q) if q.ends_with(".communicate")))
        {
            let index = self.popen_argv.get_or_init(|| {
                let mut m = HashMap::default();
                for o in &self.ev.objects {
                    if o.class_name() != Some("subprocess.Popen") {
                        continue;
                    }
                    let argv = o.args.first().or_else(|| o.kwarg("args"));
                    if let Some(argv) = argv {
                        for c in &o.calls {
                            m.entry(c.site).or_insert_with(|| argv.clone());
                        }
                    }
                }
                m
            });
            index.get(&rec.site).cloned()
        } else {
            rec.args.first().cloned().or_else(|| {
                rec.kwargs
                    .iter()
                    .find(|(k, _)| k == "args")
                    .map(|(_, v)| v.clone())
            })
        };
        let Some(argv) = argv else { return false };
        let (program, alone) = match &argv {
            Value::List(xs) => match xs.first() {
                Some(p) => (p.as_str().map(String::from), xs.len() == 1),
                None => return false,
            },
            Value::Str(s, _) => {
                let mut words = s.split_whitespace();
                (words.next().map(String::from), words.next().is_none())
            }
            _ => return false,
        };
        match program {
            Some(p) => self.is_interpreter(&p),
            // A program the code does not name (a configured path), with nothing after it.
            None => alone,
        }
    }

    /// Whether a program the code names (`/usr/bin/python3.12`, `bash`, `node.exe`) is one
    /// `stdin_interpreters` lists: it runs the code it is given (on its standard input, or in
    /// a file named after it).
    fn is_interpreter(&self, program: &str) -> bool {
        let base = program_base(program);
        let base = base.strip_suffix(".exe").unwrap_or(base);
        let name = base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        self.k.stdin_interpreters.contains(base) || self.k.stdin_interpreters.contains(name)
    }

    /// Sink kinds of one library call (with its argument-index filters).
    pub fn direct_sinks(&self, rec: &CallRecord) -> Vec<(usize, String)> {
        let read_query = self.sql_read_call(rec);
        let mut out = vec![];
        for c in &rec.callees {
            let Some(kc) = Self::callee_strings(c) else {
                continue;
            };
            for (i, s) in self.sinks_in(kc, rec.site.file) {
                if read_query && s.kind == "sql_exec" {
                    continue;
                }
                if s.stdin_code && !self.stdin_runs_code(rec) {
                    continue;
                }
                if s.max_args.is_some_and(|n| rec.args.len() > n) {
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
                        // A mode computed at run time: any, unless the entry wants a literal.
                        None => !s.mode_literal_only,
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
                // Conversions to a number or a boolean (Python's and JavaScript's).
                if matches!(
                    &**q,
                    "int"
                        | "float"
                        | "bool"
                        | "len"
                        | "js.Number"
                        | "js.parseInt"
                        | "js.parseFloat"
                        | "js.Boolean"
                ) {
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

    /// The value a module variable is assigned at the module's top level, when it is assigned
    /// there exactly once (`ROOT = Path(...).resolve()`).
    fn module_value(&self, module: usize, name: &str) -> Option<Rc<Expr>> {
        let values =
            self.module_values
                .borrow_mut()
                .entry(module)
                .or_insert_with(|| {
                    let mut by: ModuleValues = HashMap::default();
                    let mut once = |n: &str, v: Option<&Expr>| {
                        let v = v
                            .filter(|v| {
                                matches!(
                                    v.kind,
                                    ExprKind::Str(_)
                                        | ExprKind::FStr(_)
                                        | ExprKind::BinOp(..)
                                        | ExprKind::Call(..)
                                        | ExprKind::Name(_)
                                        | ExprKind::Await(_)
                                )
                            })
                            .map(|v| Rc::new(v.clone()));
                        by.entry(n.to_string())
                            .and_modify(|x| *x = None)
                            .or_insert(v);
                    };
                    crate::syntax::python::visit_stmts(&self.modules[module].ir.body, &mut |s| {
                        match &s.kind {
                            StmtKind::Assign { targets, value, .. } => {
                                for t in targets {
                                    if let Target::Name(n, _) = t {
                                        once(n, Some(value));
                                    }
                                }
                            }
                            StmtKind::AugAssign {
                                target: Target::Name(n, _),
                                ..
                            }
                            | StmtKind::For {
                                target: Target::Name(n, _),
                                ..
                            } => once(n, None),
                            _ => {}
                        }
                    });
                    // A function that assigns the variable (`global ROOT`) may change it.
                    let index = self.func_index();
                    let in_module = index.by_module.get(&module).into_iter().flatten();
                    for f in in_module.filter_map(|s| self.ev.funcs.get(s)) {
                        for n in &f.def.globals {
                            once(n, None);
                            once(n, None);
                        }
                    }
                    Rc::new(by)
                })
                .clone();
        values.get(name).cloned().flatten()
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
        // A value one of the makers produced, or a path object built from one
        // (`Path(handle.name)`, `Path(tempfile.mkdtemp()) / "out.json"` is not: its last part
        // is a name of the code's choosing inside the fresh folder, which is also its own).
        let made_by_maker = |v: &Value| {
            v.alternatives().iter().all(|v| match v {
                Value::Ext(q) => is_made(q),
                Value::Obj(id) => self.ev.objects.get(*id).is_some_and(|o| match &o.kind {
                    crate::extract::interp::ObjKind::Ext(q) if is_made(q) => true,
                    crate::extract::interp::ObjKind::Ext(q) if q.starts_with("pathlib.") => {
                        o.args.len() == 1
                            && o.args[0].alternatives().iter().all(|a| match a {
                                Value::Ext(q) => is_made(q),
                                Value::Obj(aid) => self.ev.objects.get(*aid).is_some_and(|ao| {
                                    matches!(&ao.kind,
                                        crate::extract::interp::ObjKind::Ext(q) if is_made(q))
                                }),
                                _ => false,
                            })
                    }
                    _ => false,
                }),
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
        // A method on a path object (`tmp_path.unlink()`): the object the call was recorded on.
        let receiver_made = || {
            self.ev.objects.iter().enumerate().any(|(id, o)| {
                o.calls.iter().any(|c| c.site == site) && made_by_maker(&Value::Obj(id))
            })
        };
        on_receiver || rec.args.first().is_some_and(made_by_maker) || receiver_made()
    }

    /// The literal text a query built at the sink call `site` starts with, when the code
    /// writes it (`f"DELETE FROM {table} WHERE ..."`, a template literal, `"UPDATE " + t`, or
    /// a name the function assigns such a text once): its first word is the statement's verb
    /// whatever the interpolated parts hold.
    pub fn query_lead(&self, site: Site) -> Option<String> {
        let (_, f) = self.enclosing_func(site)?;
        let body = &f.def.body;
        let Some(Expr {
            kind: ExprKind::Call(_, args),
            ..
        }) = crate::syntax::python::call_at(body, site.span)
        else {
            return None;
        };
        let first = positional(args).next()?;
        match &first.kind {
            ExprKind::Name(n) => {
                let mut values = vec![];
                crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
                    if let StmtKind::Assign { targets, value, .. } = &st.kind {
                        if matches!(targets.as_slice(), [Target::Name(t, _)] if t == n) {
                            values.push(value);
                        }
                    }
                });
                match values.as_slice() {
                    [v] => leading_literal(v),
                    _ => None,
                }
            }
            _ => leading_literal(first),
        }
    }

    /// Whether the path a call acts on is one the code names itself: its receiver
    /// (`p.unlink()`) or first argument (`os.remove(p)`) is a join whose last part is a string
    /// literal (`git_dir / "MERGE_HEAD"`, `os.path.join(d, "run.lock")`), or a name assigned
    /// such a join in the same function. A loop variable over literal strings counts as a
    /// literal, and so does an f-string made of literals and such variables. Deleting such a
    /// file is housekeeping (a marker, a lock), not the user's data.
    pub fn names_fixed_file(&self, site: Site) -> bool {
        let Some((_, f)) = self.enclosing_func(site) else {
            return false;
        };
        let body = &f.def.body;
        // The call at `site`, and the names bound in the function.
        let call = crate::syntax::python::call_at(body, site.span);
        let mut assigned: HashMap<&str, &Expr> = HashMap::default();
        let loops = literal_loops(body);
        crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
            if let StmtKind::Assign { targets, value, .. } = &st.kind {
                if let [Target::Name(n, _)] = targets.as_slice() {
                    assigned.insert(n.as_str(), value);
                }
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
            _ => positional(args).next(),
        };
        let literal_name = |x: &Expr| match &x.kind {
            ExprKind::Str(_) => true,
            ExprKind::Name(n) => loops.contains_key(n.as_str()),
            _ => false,
        };
        let is_literal = |e: &Expr| match &e.kind {
            ExprKind::Str(_) => true,
            ExprKind::Name(n) => {
                loops.contains_key(n.as_str())
                    || assigned
                        .get(n.as_str())
                        .is_some_and(|v| is_generated_name(v))
            }
            // `f".db{suffix}"` for `suffix` in a literal tuple: one of a few names the code wrote.
            ExprKind::FStr(xs) if xs.iter().all(literal_name) => true,
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

    /// The innermost function whose definition holds `site`.
    fn enclosing_func(&self, site: Site) -> Option<(Site, &'a FuncVal)> {
        self.ev
            .funcs
            .iter()
            .filter(|(s, _)| {
                s.file == site.file
                    && s.span.start <= site.span.start
                    && site.span.end <= s.span.end
            })
            .min_by_key(|(s, _)| s.span.end - s.span.start)
            .map(|(s, f)| (*s, f))
    }

    /// Whether the literal query at `site` writes, empties or drops a table the same function
    /// creates as a temporary one (`CREATE TEMP TABLE IF NOT EXISTS _seeds (...)`, then
    /// `DELETE FROM _seeds`; also `f"CREATE TEMP TABLE {t} ..."` for `t` in a literal tuple):
    /// scratch space of one connection, gone when it closes.
    pub fn on_temp_table(&self, site: Site) -> bool {
        let Some(table) = self
            .record(site)
            .and_then(|r| r.args.first())
            .and_then(Value::as_str)
            .and_then(|q| sql_target_table(&sql_words(q)).map(str::to_string))
        else {
            return false;
        };
        let Some((fs, f)) = self.enclosing_func(site) else {
            return false;
        };
        self.temp_tables(fs, f).contains(&table)
    }

    /// The tables the function at `fs` creates with `CREATE TEMP TABLE` (also in an f-string
    /// over a literal tuple), read once per function.
    fn temp_tables(&self, fs: Site, f: &FuncVal) -> Rc<BTreeSet<String>> {
        if let Some(t) = self.temp_tables.borrow().get(&fs) {
            return t.clone();
        }
        let loops = literal_loops(&f.def.body);
        let mut created = BTreeSet::new();
        crate::syntax::python::visit_stmts(&f.def.body, &mut |st: &Stmt| {
            // A walk over one statement's syntax tree: finite, so no cap.
            let mut stack: Vec<&Expr> = st.exprs();
            while let Some(e) = stack.pop() {
                if let ExprKind::Call(_, args) = &e.kind {
                    if let Some(q) = positional(args).next() {
                        for t in literal_texts(q, &loops) {
                            if let Some(name) = created_temp_table(&sql_words(&t)) {
                                created.insert(name.to_string());
                            }
                        }
                    }
                }
                crate::extract::langgraph::push_children(e, &mut stack);
            }
        });
        let created = Rc::new(created);
        self.temp_tables.borrow_mut().insert(fs, created.clone());
        created
    }

    /// The functions defined inside the function at `f` (lambdas, nested `def`s, at any
    /// depth), in source order.
    fn closures_in(&self, f: Site) -> Vec<Site> {
        use std::ops::Bound::{Excluded, Unbounded};
        self.ev
            .funcs
            .range((Excluded(f), Unbounded))
            .map(|(s, _)| *s)
            .take_while(|s| s.file == f.file && s.span.start < f.span.end)
            .filter(|s| s.span.end <= f.span.end && *s != f)
            .collect()
    }

    fn records(&self, f: Site) -> &'a [CallRecord] {
        self.ev
            .calls_by_func
            .get(&f)
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// The parameter that leads every text `f` returns, read from its syntax: each `return`
    /// gives `p + ...` or `f"{p}..."` for one parameter `p`, or a local name whose one
    /// assignment is such a text and which is only appended to afterwards (`url += "?" + q`).
    /// Who passes `p` picks the server of a URL built so (`construct_url(base_url, path)`).
    fn server_param(&self, f: &FuncVal) -> Option<String> {
        let site = f.site(self.modules);
        if let Some(v) = self.server_params.borrow().get(&site) {
            return v.clone();
        }
        let v = leading_param(&f.def);
        self.server_params.borrow_mut().insert(site, v.clone());
        v
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
                self.add_record_caps(site, rec, 0, &mut caps);
            }
        }
        drop_cleanup(&mut caps, site.file, &self.cleanup_spans(site));
        finish_caps(&mut caps);
        caps
    }

    fn caps_at(&self, site: Site, depth: usize) -> Rc<Caps> {
        if let Some(c) = self.caps.borrow().get(&site) {
            return c.clone();
        }
        if self.in_progress.borrow().contains(&site) {
            return Rc::new(Caps::default());
        }
        if depth > MAX_HOPS {
            self.cut(Bound::CallHops, site);
            return Rc::new(Caps::default());
        }
        self.in_progress.borrow_mut().push(site);
        let mut caps = Caps::default();
        for rec in self.records(site) {
            self.add_record_caps(site, rec, depth, &mut caps);
        }
        // The closures written in the body (`_offload(lambda: ...)`, `new Promise((resolve) =>
        // exec(...))`): whoever runs them, they run on the function's behalf.
        let mut cleanup = self.cleanup_spans(site);
        for inner in self.closures_in(site) {
            for rec in self.records(inner) {
                self.add_record_caps(inner, rec, depth, &mut caps);
            }
            cleanup.extend(self.cleanup_spans(inner));
        }
        drop_cleanup(&mut caps, site.file, &cleanup);
        finish_caps(&mut caps);
        self.in_progress.borrow_mut().retain(|s| *s != site);
        let rc = Rc::new(caps);
        self.caps.borrow_mut().insert(site, rc.clone());
        rc
    }

    /// Where function `site` cleans up after a failure (`cleanup_spans_in`).
    fn cleanup_spans(&self, site: Site) -> Vec<crate::model::Span> {
        self.ev
            .funcs
            .get(&site)
            .map(|f| cleanup_spans_in(&f.def.body))
            .unwrap_or_default()
    }

    /// Adds one call's capabilities: its own sink and source kinds, and a project callee's.
    /// `owner` is the function whose body makes the call.
    fn add_record_caps(&self, owner: Site, rec: &CallRecord, depth: usize, caps: &mut Caps) {
        for (i, kind) in self.direct_sinks(rec) {
            // `os.makedirs(p, exist_ok=True)`: making sure a folder exists is housekeeping.
            let ensures = self.k.sinks[i].ensures_with.as_ref().is_some_and(|k| {
                rec.kwargs
                    .iter()
                    .any(|(n, v)| n == k && matches!(v, Value::Bool(true)))
            });
            if ensures {
                continue;
            }
            let query_param = (kind == "sql_exec")
                .then(|| self.query_param(owner, rec.site))
                .flatten();
            caps.sinks.push(CapHit {
                kind,
                site: rec.site,
                chain: vec![rec.site],
                callee: rec
                    .callees
                    .first()
                    .map(Self::callee_label)
                    .unwrap_or_default(),
                query_param,
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
                query_param: None,
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
                        query_param: None,
                    }
                };
                for h in &sub.sinks {
                    // A helper that runs the query it is given, given a literal here: what the
                    // literal says (`SELECT ...` reads) decides, as for a direct call.
                    let given = h
                        .query_param
                        .and_then(|j| rec.args.get(j))
                        .and_then(Value::as_str);
                    match given {
                        Some(q) if self.read_query_text(q) => {
                            caps.sources.push(CapHit {
                                kind: "db_read".into(),
                                ..prefix(h)
                            });
                        }
                        _ => caps.sinks.push(prefix(h)),
                    }
                }
                caps.sources.extend(sub.sources.iter().map(prefix));
                caps.model_calls.extend(sub.model_calls.iter().copied());
                caps.interrupts.extend(sub.interrupts.iter().copied());
            }
        }
    }

    /// Flow facts of a project function: gate dominance, argument injection, late gates.
    ///
    /// A function in which a call gives a model's response is read once more, with every
    /// helper below it read again where its cached reading was made deeper in another chain
    /// (fewer hops left before `MAX_HOPS`, callers still in progress): where the response goes
    /// does not then depend on which rule or entry asked first. Other functions take their
    /// first reading (mutually calling helpers read at every depth grew a hundredfold).
    pub fn facts(&self, f: &FuncVal) -> Rc<BodyFacts> {
        let first = self.facts_at(f, 0);
        if !first.model_seen || self.fresh.get() {
            return first;
        }
        let site = f.site(self.modules);
        if !self.fresh_read.borrow_mut().insert(site) {
            return first;
        }
        self.fresh.set(true);
        self.facts.borrow_mut().remove(&site);
        let again = self.facts_at(f, 0);
        self.fresh.set(false);
        again
    }

    fn facts_at(&self, f: &FuncVal, depth: usize) -> Rc<BodyFacts> {
        let site = f.site(self.modules);
        if let Some((d, x)) = self.facts.borrow().get(&site) {
            if !self.fresh.get() || *d <= depth {
                return x.clone();
            }
        }
        if self.in_progress.borrow().contains(&site) {
            return Rc::new(BodyFacts::default());
        }
        if depth > MAX_HOPS {
            self.cut(Bound::CallHops, site);
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
            injection_keys: HashSet::default(),
            func: site,
            discarded: None,
            closures: 0,
            mapped_returns: vec![],
            typed: HashMap::default(),
            exit_guards: vec![],
            addr_refusals: vec![],
            returns: (None, false),
            tuple_result: None,
            rows_result: None,
            rows_returns: Some(vec![]),
            flag_result: None,
            tuple_returns: Some(vec![]),
            argv_returns: Ok(None),
            needs_passed: vec![],
            raised_cleaned: false,
            passthrough: BTreeSet::new(),
            record_result: None,
            own_names: std::cell::OnceCell::new(),
        };
        let mut st = State::default();
        let mut plain = true;
        let mut assumed_clean = vec![];
        let closed = self
            .closed_params
            .borrow()
            .get(&site)
            .cloned()
            .unwrap_or_default();
        // A method read without its object (`self._cond(k, v)` with `self`'s class unknown,
        // the definitions of the class hierarchy): its `self` is the caller's receiver, as for a
        // bound one, not an argument the framework injects.
        let unbound_self = f.bound.is_none()
            && f.def.params.first().is_some_and(|p| p.name == "self")
            && f.def
                .params
                .first()
                .is_some_and(|p| p.kind == ParamKind::Normal);
        for (i, p) in f.def.params.iter().enumerate() {
            if i == 0 && (f.bound.is_some() || unbound_self) {
                continue;
            }
            if p.kind == ParamKind::KwArgs
                || is_injected(p.annotation.as_ref(), &p.name)
                || self
                    .ev
                    .injected
                    .get(&site)
                    .is_some_and(|s| s.contains(&p.name))
            {
                plain = false;
                continue;
            }
            let model = self.model_message_type(f, p.annotation.as_ref()).map(|ty| {
                Rc::new(ModelOrigin {
                    source: Site { file, span: p.span },
                    callee: ty,
                    via: vec![],
                    by_name: false,
                    is_param: true,
                    network: false,
                })
            });
            if let Some(typed) = p
                .annotation
                .as_ref()
                .and_then(|a| w.a.model_class_of(f.module, a))
            {
                w.typed.insert(p.name.clone(), typed);
            }
            // A parameter whose type is an allow-list (`Literal["a", "b"]`, an `Enum`): the
            // framework validates the model's value against it before the body runs.
            let clean = if p
                .annotation
                .as_ref()
                .is_some_and(|a| self.allow_listed_type(f.module, a, 0))
                || closed.contains(&p.name)
            {
                assumed_clean.push(p.name.clone());
                self.k.sink_kinds.keys().cloned().collect()
            } else {
                BTreeSet::new()
            };
            st.tainted.insert(
                p.name.clone(),
                Taint {
                    direct: true,
                    param: p.name.clone(),
                    param_site: Site { file, span: p.span },
                    clean,
                    model,
                    fields: None,
                },
            );
        }
        // The arguments object of a handler that takes it whole (`async (args) => args.n`):
        // each closed field gets a clean slot of its own.
        if let Some(p) = f.def.params.get(usize::from(f.bound.is_some())) {
            if let Some(t) = st.tainted.get(&p.name).cloned() {
                for n in &closed {
                    let mut c = t.clone();
                    c.clean = self.k.sink_kinds.keys().cloned().collect();
                    st.tainted.insert(format!("{}.{n}", p.name), c);
                }
            }
        }
        w.block(&f.def.body, &mut st, true);
        let (return_clean, opaque) = std::mem::take(&mut w.returns);
        let opaque = opaque || w.raised_cleaned;
        let tuple_returns = w.tuple_returns.take();
        let rows_returns = w.rows_returns.take();
        let returns_argv = w.argv_returns.ok().flatten();
        let mut out = w.out;
        out.returns_argv = returns_argv;
        out.return_clean = return_clean.filter(|_| plain && !opaque);
        out.return_clean_skips_self = f.bound.is_some() || unbound_self;
        out.return_passthrough = w.passthrough.iter().cloned().collect();
        out.assumed_clean = assumed_clean;
        if plain && !opaque {
            let all: BTreeSet<String> = self.k.sink_kinds.keys().cloned().collect();
            let returns = tuple_returns.unwrap_or_default();
            let each: Vec<Vec<RetElem>> = returns.iter().map(|(r, _)| r.clone()).collect();
            out.flag_clean = flag_clean(&each, &all);
            out.tuple_clean = tuple_clean(&each, &all);
            out.tuple_rows = rows_returns.filter(|r| {
                !r.is_empty()
                    && r.iter().any(Option::is_some)
                    && Some(r.len()) == out.tuple_clean.as_ref().map(Vec::len)
            });
            if returns.iter().any(|(_, needs)| !needs.is_empty()) {
                out.flag_returns = returns;
            }
        }
        self.in_progress.borrow_mut().retain(|s| *s != site);
        let rc = Rc::new(out);
        self.facts.borrow_mut().insert(site, (depth, rc.clone()));
        rc
    }
}

/// For each place of a returned tuple, when a list of rows is returned there, what each place of
/// its rows is clean for (`BodyFacts::tuple_rows`).
pub type TupleRows = Vec<Option<Vec<BTreeSet<String>>>>;

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
    /// The value holds a model's response (from this origin). `param` is empty when it holds
    /// no parameter.
    model: Option<Rc<ModelOrigin>>,
    /// The fields of the parameter's object the value was read from (`input.orderBy`, `const
    /// { orderBy } = input`); `None`: the whole value. A caller that passes an object whose
    /// fields it knows (`Schema.parse(args)`) reads these fields of it (`InjectionHit::fields`).
    fields: Option<BTreeSet<String>>,
}

impl Taint {
    /// A value that is the whole text an origin produced (a model's response, fetched
    /// content), holding no parameter.
    fn of_origin(origin: Rc<ModelOrigin>) -> Taint {
        Taint {
            direct: true,
            param: String::new(),
            param_site: origin.source,
            clean: BTreeSet::new(),
            model: Some(origin),
            fields: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct State {
    tainted: HashMap<String, Taint>,
    gate: Option<Site>,
    /// Argument lists built in the body (`cmd = ["git", "log"]; cmd.append(x)`), by name.
    argv: HashMap<String, Argv>,
    /// Strings known to start with literal text (`cmd = f"kubectl {x}"`, or after
    /// `if not cmd.startswith("kubectl "): cmd = ...`), by name.
    lead: HashMap<String, String>,
    /// Results of a rejection check (`rejection = validate(query, ...)`: `None` when the value
    /// may be used, a reason otherwise), by result name: the name it checked.
    rejections: HashMap<String, String>,
    /// Results of a call to a project helper given a name first (`v = check(x)`), by result
    /// name: the call and the name, for a later test of one of the result's fields
    /// (`if (!v.valid) return`, `answers_check_in`).
    results: HashMap<String, (Site, String)>,
    /// Flags unpacked with their values from a project call (`ok, p = check(x)`, see
    /// `BodyFacts::flag_clean`), by flag name: each value's name and what it is clean for once
    /// the flag held.
    flags: HashMap<String, Vec<(String, BTreeSet<String>)>>,
    /// Names of paths a file write in this body was given, on every path so far.
    written: BTreeSet<String>,
    /// Paths an exiting test refused when absolute (bit 1) or holding a `..` segment (bit 2),
    /// by name: with both, the path stays under whatever folder it is joined to.
    refused: HashMap<String, u8>,
    /// Names holding a path relative to a folder (`rel = path.relative(base, p)`,
    /// `rel = os.path.relpath(p, base)`), with the name of the path they were made from.
    relative: HashMap<String, String>,
    /// Names holding the resolved form of another name's path (`r = path.resolve(p)`, `r =
    /// os.path.realpath(p)`): a prefix check that confines `r` confines `p`, the same file.
    resolved: HashMap<String, String>,
    /// Names holding a parsed URL (`u = new URL(raw)`, `parsed = urlparse(raw)`), with the name
    /// of the text they were parsed from: a host allow-list check on `u.hostname` fixes the
    /// server of both.
    parsed_url: HashMap<String, String>,
    /// Names holding the host of a URL (`host = urlparse(url).hostname`), with the URL's name.
    url_host: HashMap<String, String>,
    /// Names holding addresses a host resolved to, or one of them (`infos =
    /// socket.getaddrinfo(host, 443)`, `for info in infos`), with the name of the URL (or
    /// host) resolved: refusing private ones guards that URL (`extract::addresses`).
    addrs: HashMap<String, String>,
    /// Names holding an absolute path (`root = Path(x).resolve()`, or `p` inside `if
    /// p.is_absolute():`): text that starts with a root, never read as an option.
    absolute: BTreeSet<String>,
    /// Names assigned a tuple or list of names and literals (`args = path, name, True`), with
    /// each element's taint: `f(*args)` passes them one per parameter.
    tuples: HashMap<String, Vec<Option<Taint>>>,
    /// Lists built by appending tuples of one length (`queries.append((sql, params))`), with
    /// each place's taint over every row (an empty vector: no row yet, `queries = []`): a loop
    /// that unpacks the rows (`for sql, params in queries`) gives each name its own place's.
    rows: HashMap<String, Vec<Option<Taint>>>,
    /// Names of files (an open handle, or the path it was opened at, `fh.name`) the body wrote
    /// the model's text to (`fh.write(code)`), with that text's taint: an interpreter given
    /// such a file (`subprocess.run([sys.executable, path])`) runs the model's code.
    scripts: HashMap<String, Taint>,
}

/// Which part of a project call's result a caller reads (`Reach`): all of it, one element of a
/// returned tuple, or one field of a returned record.
#[derive(Debug, Clone, Copy)]
enum Part<'k> {
    Whole,
    Element(usize),
    Field(&'k str),
}

/// What an argument list for a program lets the model choose (sinks with `argv = true`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Argv {
    /// The list has its first element (the program).
    started: bool,
    /// The program is model-chosen.
    program: bool,
    /// A model-chosen element stands where the program reads options.
    option: bool,
    /// A literal `--` ended the options: later elements are operands.
    dd: bool,
    /// A parameter's list of unknown shape follows the program (the caller decides).
    deferred: bool,
    /// The parameter of the first element read as an option (for the message).
    culprits: Culprits,
    /// The last element pushed was a literal option without `=` (`"-r"`, `"--inline"`).
    last_flag: Option<Site>,
    /// The last element pushed was a literal long option that takes a value (`"--inline"`, not
    /// a switch `switch_options` lists): the next element is its value, not an option.
    value_next: bool,
    /// The literal program (its `program_switches` entry), when knowledge lists its switches.
    switches: Option<u16>,
    /// The parameter whose list of unknown shape made the list `deferred`.
    deferred_by: Option<Site>,
}

/// The parameters of the elements read as options, each with the literal option (`"--inline"`)
/// the element directly follows, if any. At most [`Culprits::MAX`] distinct parameters are
/// named; a list with more still counts as one with options (`Argv::option`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Culprits([Option<(Site, Option<Site>)>; Culprits::MAX]);

impl Culprits {
    const MAX: usize = 8;

    /// Names `param`; a parameter already named after an option is named again without one
    /// when it also stands where no option precedes it (that place is certain).
    fn add(&mut self, param: Site, flag: Option<Site>) {
        if let Some(known) = self.0.iter_mut().flatten().find(|(p, _)| *p == param) {
            if flag.is_none() {
                known.1 = None;
            }
            return;
        }
        if let Some(slot) = self.0.iter_mut().find(|s| s.is_none()) {
            *slot = Some((param, flag));
        }
    }

    fn with(mut self, o: Culprits) -> Culprits {
        for (p, f) in o.iter() {
            self.add(p, f);
        }
        self
    }

    fn iter(&self) -> impl Iterator<Item = (Site, Option<Site>)> + '_ {
        self.0.iter().flatten().copied()
    }

    fn contains(&self, param: Site) -> bool {
        self.iter().any(|(p, _)| p == param)
    }
}

impl Argv {
    /// Adds the elements of a list whose shape is known.
    fn join(&mut self, inner: Argv) {
        if !self.started {
            *self = inner;
        } else if !self.dd {
            self.option |= inner.program || inner.option;
            self.dd |= inner.dd;
            self.culprits = self.culprits.with(inner.culprits);
            self.deferred |= inner.deferred;
            self.deferred_by = self.deferred_by.or(inner.deferred_by);
        }
        self.last_flag = inner.last_flag;
        self.value_next = inner.value_next;
    }

    fn or(self, o: Argv) -> Argv {
        Argv {
            started: self.started && o.started,
            program: self.program || o.program,
            option: self.option || o.option,
            dd: self.dd && o.dd,
            deferred: self.deferred || o.deferred,
            culprits: self.culprits.with(o.culprits),
            last_flag: None,
            value_next: false,
            switches: self.switches.or(o.switches),
            deferred_by: self.deferred_by.or(o.deferred_by),
        }
    }
}

fn merge(a: State, b: State) -> State {
    // A list parameter one branch grew and the other left alone: the other branch's list is
    // the caller's (a deferred shape), so the grown shape survives, joined with it.
    let caller_list = |s: &State, k: &str| {
        s.tainted.get(k).filter(|t| t.direct).map(|t| Argv {
            started: true,
            deferred: true,
            deferred_by: Some(t.param_site),
            ..Argv::default()
        })
    };
    let mut argv = a.argv.clone();
    argv.retain(|k, v| match (b.argv.get(k), caller_list(&b, k)) {
        (Some(w), _) => {
            *v = v.or(*w);
            true
        }
        (None, Some(c)) => {
            *v = v.or(c);
            true
        }
        (None, None) => false,
    });
    for (k, w) in &b.argv {
        if !argv.contains_key(k) && !a.argv.contains_key(k) {
            if let Some(c) = caller_list(&a, k) {
                argv.insert(k.clone(), c.or(*w));
            }
        }
    }
    let mut tainted = a.tainted;
    for (k, v) in b.tainted {
        match tainted.get_mut(&k) {
            Some(cur) => {
                // Clean only if clean on both paths.
                cur.clean = cur.clean.intersection(&v.clean).cloned().collect();
                if cur.model.is_none() {
                    cur.model = v.model;
                }
                if cur.param.is_empty() && !v.param.is_empty() {
                    cur.param = v.param;
                    cur.param_site = v.param_site;
                }
            }
            None => {
                tainted.insert(k, v);
            }
        }
    }
    let mut lead = a.lead;
    lead.retain(|k, v| b.lead.get(k) == Some(v));
    let mut rejections = a.rejections;
    rejections.retain(|k, v| b.rejections.get(k) == Some(v));
    let mut results = a.results;
    results.retain(|k, v| b.results.get(k) == Some(v));
    let mut flags = a.flags;
    flags.retain(|k, v| b.flags.get(k) == Some(v));
    let written = a.written.intersection(&b.written).cloned().collect();
    let mut refused = a.refused;
    refused.retain(|k, v| {
        *v &= b.refused.get(k).copied().unwrap_or(0);
        *v != 0
    });
    let mut relative = a.relative;
    relative.retain(|k, v| b.relative.get(k) == Some(v));
    let mut resolved = a.resolved;
    resolved.retain(|k, v| b.resolved.get(k) == Some(v));
    let mut parsed_url = a.parsed_url;
    parsed_url.retain(|k, v| b.parsed_url.get(k) == Some(v));
    let mut url_host = a.url_host;
    url_host.retain(|k, v| b.url_host.get(k) == Some(v));
    let mut addrs = a.addrs;
    addrs.retain(|k, v| b.addrs.get(k) == Some(v));
    let absolute = a.absolute.intersection(&b.absolute).cloned().collect();
    let mut tuples = a.tuples;
    tuples.retain(|k, xs| match b.tuples.get(k) {
        Some(ys) if ys.len() == xs.len() => {
            for (x, y) in xs.iter_mut().zip(ys) {
                *x = join(x.take(), y.clone());
            }
            true
        }
        _ => false,
    });
    // A list with no row yet on one path (`queries = []` before the loop that appends) holds
    // the other path's rows.
    let mut rows = a.rows;
    rows.retain(|k, xs| match b.rows.get(k) {
        Some(ys) if xs.is_empty() => {
            xs.clone_from(ys);
            true
        }
        Some(ys) if ys.is_empty() || ys.len() == xs.len() => {
            for (x, y) in xs.iter_mut().zip(ys) {
                *x = join(x.take(), y.clone());
            }
            true
        }
        _ => false,
    });
    // A file written on either path may hold the model's text.
    let mut scripts = a.scripts;
    for (k, v) in b.scripts {
        let joined = join(scripts.remove(&k), Some(v));
        if let Some(t) = joined {
            scripts.insert(k, t);
        }
    }
    State {
        tainted,
        argv,
        lead,
        rejections,
        results,
        flags,
        written,
        refused,
        relative,
        resolved,
        parsed_url,
        url_host,
        addrs,
        absolute,
        tuples,
        rows,
        scripts,
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
    injection_keys: HashSet<InjectionKey>,
    /// The definition site of the walked function.
    func: Site,
    /// The call of the expression statement being walked: its result is discarded.
    discarded: Option<Site>,
    /// How many inline functions the walk is inside (their `return`s are not the body's).
    closures: usize,
    /// Mapping functions written as blocks being read for what they return (`xs.map((x) => {
    /// ...; return y; })`): the depth of `closures` they run at, and their returns' taint.
    mapped_returns: Vec<(usize, Option<Taint>)>,
    /// Names whose value is an instance of a project model class, or (`true`) a list of them,
    /// by their annotation (`entities: list[Entity]`, then `for entity in entities`).
    typed: HashMap<String, (ClassVal, bool)>,
    /// Names a guard that leaves the function on failure cleaned (`if (!ok(c)) throw ...`),
    /// in walk order: a loop reads the ones its body added.
    exit_guards: Vec<String>,
    /// URLs (or hosts) an exiting test refused a private address of, in walk order: a loop over
    /// the addresses reads the ones its body added (`extract::addresses`).
    addr_refusals: Vec<String>,
    /// The last project call whose callees all return tuples of one size: its site and each
    /// element's taint (`chosen, rejected = pick(items, names)` binds them one by one).
    tuple_result: Option<(Site, Vec<Option<Taint>>)>,
    /// `BodyFacts::tuple_rows` of the last project call walked, with its site.
    rows_result: Option<(Site, TupleRows)>,
    /// For each place of the tuples the function returns, what the rows of the list returned
    /// there are clean for, place by place (`BodyFacts::tuple_rows`); `None` once a return is
    /// not a tuple.
    rows_returns: Option<TupleRows>,
    /// `BodyFacts::flag_clean` of the last project call walked, with its site.
    flag_result: Option<(Site, usize, Vec<BTreeSet<String>>)>,
    /// Each `return` of a tuple literal so far (`BodyFacts::flag_clean`); `None` once a
    /// return gives anything else.
    tuple_returns: Option<Vec<(Vec<RetElem>, Vec<String>)>>,
    /// The shapes of the argument lists the returns so far give (`BodyFacts::returns_argv`):
    /// `Err` once a return gives anything else.
    argv_returns: Result<Option<Argv>, ()>,
    /// Parameters with a literal default that the branch being walked needs a caller to
    /// pass otherwise (`if not restrict:` with `restrict=True`): innermost last.
    needs_passed: Vec<String>,
    /// A statement call's check (`raised_checks`) cleaned a value here: credited in this body,
    /// but not summarised as what the function's result is clean for (the check's subject is
    /// unknown: a syntax check of a command is no confinement of the paths in it).
    raised_cleaned: bool,
    /// Parameters some `return` hands back unchanged (`BodyFacts::return_passthrough`).
    passthrough: BTreeSet<String>,
    /// The same for a call whose callees return record literals: each field's taint.
    record_result: Option<(Site, BTreeMap<String, Option<Taint>>)>,
    /// `BodyFacts::return_clean` so far: the intersection over tainted returns, and whether a
    /// return held a closure.
    returns: (Option<BTreeSet<String>>, bool),
    /// The names the walked function binds itself (parameters and assignment targets), built
    /// on first use: any other name is read from the module (`Walker::absolute`).
    own_names: std::cell::OnceCell<(HashSet<String>, HashSet<String>)>,
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

    /// `if not is_valid_id(x): return` (also `self._is_safe(x)`): a project function that
    /// answers an allow-list check (`return bool(ID_RE.match(x))`, `return x in ALLOWED`,
    /// `return p.resolve().is_relative_to(base)`), negated, with a body that exits. The name
    /// passed first is clean after the guard, as with the check written inline.
    /// For a regular-expression check: whether it checks the whole value (`fullmatch`, or a
    /// `match` of a pattern anchored at the end) and whether its pattern keeps a leading `-`
    /// out. The pattern is the literal argument (`re.fullmatch(r"...", x)`) or the literal a
    /// module constant was compiled from (`NAME = re.compile(r"...")`); unknown, it is credited
    /// for `fullmatch` but not against option injection.
    fn regex_credit(&self, call: &Expr) -> (bool, bool) {
        let ExprKind::Call(f, args) = &call.kind else {
            return (false, false);
        };
        let ExprKind::Attr(o, m) = &f.kind else {
            return (false, false);
        };
        let literal = match args.first() {
            Some(Arg::Pos(Expr {
                kind: ExprKind::Str(p),
                ..
            })) if args.len() >= 2 => Some(p.clone()),
            _ => None,
        };
        let pattern = literal.or_else(|| {
            // An inline JavaScript literal (`/^[a-z]+$/.test(x)`, read as `RegExp("...")`).
            if let ExprKind::Call(rf, rargs) = &o.kind {
                if matches!(&rf.kind, ExprKind::Name(r) if r == "RegExp") {
                    return match rargs.first() {
                        Some(Arg::Pos(Expr {
                            kind: ExprKind::Str(p),
                            ..
                        })) => Some(p.to_string()),
                        _ => None,
                    };
                }
            }
            let ExprKind::Name(n) = &o.kind else {
                return None;
            };
            let module = self.a.ev.funcs.get(&self.func)?.module;
            match self.a.ev.globals.get(module)?.get(n.as_str())? {
                Value::Obj(id) => match self.a.ev.objects.get(*id)?.args.first()? {
                    Value::Str(s, _) => Some(s.to_string()),
                    _ => None,
                },
                _ => None,
            }
        });
        let shape = pattern.as_deref().map(regex_shape);
        let whole = match m.as_str() {
            "fullmatch" => true,
            "match" => shape.is_some_and(|(end, _)| end),
            _ => {
                shape.is_some_and(|(end, _)| end)
                    && pattern
                        .as_deref()
                        .is_some_and(|p| p.starts_with('^') || p.starts_with("\\A"))
            }
        };
        (whole, shape.is_some_and(|(_, dash)| !dash))
    }

    /// The name of the path `value` makes relative to a folder: `path.relative(base, p)`
    /// (Node) or `os.path.relpath(p, base)` (Python), with `p` a name.
    fn relative_of(&self, value: &Expr) -> Option<String> {
        let ExprKind::Call(_, args) = &value.kind else {
            return None;
        };
        let callees = self.a.ev.callee_at.get(&self.site(value))?;
        let named = |q: &str| {
            callees
                .iter()
                .any(|c| matches!(c, Callee::Qualified(x) if &**x == q))
        };
        let at = if named("js.path.relative") || named("js.path.posix.relative") {
            1
        } else if named("os.path.relpath") || named("posixpath.relpath") {
            0
        } else {
            return None;
        };
        match args.get(at) {
            Some(Arg::Pos(Expr {
                kind: ExprKind::Name(n),
                ..
            })) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The name of the path `value` resolves, when it resolves one path alone: a call of an
    /// `[[absolute_path]]` entry that `gives = "always"` with that name as its only argument
    /// (`path.resolve(p)`, `os.path.realpath(p)`, `os.path.abspath(p)`), or `Path(p).resolve()`.
    /// The result names the same file as `p`.
    fn resolved_of(&self, value: &Expr) -> Option<String> {
        let value = unawait(value);
        let ExprKind::Call(f, args) = &value.kind else {
            return None;
        };
        let only_name = |args: &[Arg]| match args {
            [Arg::Pos(Expr {
                kind: ExprKind::Name(n),
                ..
            })] => Some(n.to_string()),
            _ => None,
        };
        let resolves = self
            .a
            .ev
            .callee_at
            .get(&self.site(value))
            .is_some_and(|cs| {
                cs.iter().any(|c| {
                    BodyAnalyzer::callee_strings(c).and_then(|kc| self.a.k.absolute_path_for(kc))
                        == Some(crate::knowledge::AbsoluteWhen::Always)
                })
            });
        if !resolves {
            return None;
        }
        match (&f.kind, args.as_slice()) {
            // `Path(p).resolve()`: the method of an always-absolute entry on a path made of `p`.
            (ExprKind::Attr(o, _), []) => match &o.kind {
                ExprKind::Call(_, inner) => only_name(inner),
                _ => None,
            },
            _ => only_name(args),
        }
    }

    /// `r.startswith("..")` / `r.startsWith("..")` where `r` is a path made relative to a folder
    /// (`State::relative`, or the call written in place): the name of the path it was made from.
    /// A relative path that does not start with `..` names something under the folder.
    fn climbs_out(&self, x: &Expr, st: &State) -> Option<String> {
        let ExprKind::Call(f, args) = &x.kind else {
            return None;
        };
        let (ExprKind::Attr(o, m), [Arg::Pos(a)]) = (&f.kind, args.as_slice()) else {
            return None;
        };
        if !(m == "startswith" || m == "startsWith")
            || !matches!(&a.kind, ExprKind::Str(t) if t == "..")
        {
            return None;
        }
        match &o.kind {
            ExprKind::Name(r) => st.relative.get(r.as_str()).cloned(),
            ExprKind::Call(..) => self.relative_of(o),
            _ => None,
        }
    }

    /// The names passed to a call statement whose callee is a project function that raises
    /// when a check fails and returns no value ([`raises_on_failed_check`]).
    fn raised_checks(&self, e: &Expr) -> (Vec<String>, bool) {
        let call = unawait(e);
        let ExprKind::Call(f, args) = &call.kind else {
            return (vec![], false);
        };
        let resolved: Vec<&FuncVal> = match self.a.ev.callee_at.get(&self.site(call)) {
            Some(cs) if !cs.is_empty() => cs
                .iter()
                .filter_map(|c| match c {
                    Callee::Local(g) => Some(g),
                    _ => None,
                })
                .collect(),
            // `self.validator.check(x)` on an object of unknown class: the project's methods of
            // that name, when few classes define one.
            _ => match &f.kind {
                ExprKind::Attr(_, m) => self.a.named_methods(m).iter().collect(),
                _ => vec![],
            },
        };
        // A check may hand the value to another check (`def _guard(self, url): if not
        // self.allow_private: await _validate_public_url(url)`): one level of that.
        let raises = |g: &FuncVal| {
            let file = self.a.modules[g.module].file;
            let params: Vec<&str> = g.def.params.iter().map(|p| p.name.as_str()).collect();
            let inner = |e: &Expr| {
                let call = unawait(e);
                let ExprKind::Call(_, args) = &call.kind else {
                    return false;
                };
                let given = args.iter().any(|a| {
                    matches!(a, Arg::Pos(Expr { kind: ExprKind::Name(n), .. })
                        if params.contains(&n.as_str()) && n != "self")
                });
                given
                    && self.a.calls_only_local(e, file, |h| {
                        let hf = self.a.modules[h.module].file;
                        raises_on_failed_check(
                            &h.def,
                            &|x: &Expr| self.a.always_raises_call(x, hf),
                            &|_| false,
                        )
                    })
            };
            raises_on_failed_check(
                &g.def,
                &|e: &Expr| self.a.always_raises_call(e, file),
                &inner,
            )
        };
        if resolved.is_empty() || !resolved.iter().all(|g| raises(g)) {
            return (vec![], false);
        }
        let confines = resolved.iter().all(|g| confining_check(&g.def));
        let names = args
            .iter()
            .filter_map(|a| match a {
                Arg::Pos(Expr {
                    kind: ExprKind::Name(n),
                    ..
                }) => Some(n.to_string()),
                _ => None,
            })
            .collect();
        (names, confines)
    }

    /// The name a call checks when it is a rejection check: a project function whose returns
    /// are `None` where the value may be used and a reason where a validation rejects it
    /// (`validate_cypher_query(query, ...)`), given the name as its first argument.
    fn rejection_check(&self, value: &Expr) -> Option<String> {
        let call = unawait(value);
        let ExprKind::Call(_, args) = &call.kind else {
            return None;
        };
        let callees = self.a.ev.callee_at.get(&self.site(call))?;
        let rejects = callees.iter().any(|c| match c {
            Callee::Local(g) => answers_rejection(&g.def),
            _ => false,
        });
        if !rejects {
            return None;
        }
        match args.first() {
            Some(Arg::Pos(Expr {
                kind: ExprKind::Name(n),
                ..
            })) => Some(n.to_string()),
            _ => None,
        }
    }

    /// `v = helper(x)` (awaited or not): the call's site and the name it was given first.
    fn helper_result(&self, value: &Expr) -> Option<(Site, String)> {
        let call = unawait(value);
        let ExprKind::Call(_, args) = &call.kind else {
            return None;
        };
        match args.first() {
            Some(Arg::Pos(x)) => Some((self.site(call), slot_name(x)?)),
            _ => None,
        }
    }

    /// Whether every project function called at `at` answers a check in `field` of its
    /// result.
    fn answers_in_field(&self, at: &Site, field: &str) -> bool {
        self.a.ev.callee_at.get(at).is_some_and(|cs| {
            !cs.is_empty()
                && cs.iter().all(|c| match c {
                    Callee::Local(g) => self.a.answers_field(g, field),
                    _ => false,
                })
        })
    }

    /// `if (!v.valid) return` after `v = helper(x)`, where the helper answers a check in that
    /// field: the name `x` is checked after the guard.
    fn checked_by_result(&self, test: &Expr, st: &State) -> Option<String> {
        let (obj, field) = negated_field(test)?;
        let ExprKind::Name(v) = &obj.kind else {
            return None;
        };
        let (at, name) = st.results.get(v.as_str())?;
        self.answers_in_field(at, field).then(|| name.clone())
    }

    /// Whether `e`, in `file`, tests an address: an `ipaddress` property or an address
    /// library's predicate (`extract::addresses`), or a call of project predicates that each
    /// do (`internal(a)` returning `ip.is_private or ip.is_loopback`).
    fn address_test(&self, e: &Expr, file: crate::model::FileId) -> bool {
        let v = &self.a.k.address_guard;
        if v.tests_address(e) {
            return true;
        }
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            if self.a.calls_only_local(x, file, |g| self.a.address_fn(g).0) {
                return true;
            }
            crate::syntax::python::push_children(x, &mut stack);
        }
        false
    }

    /// The URL (or host) whose resolved address an exiting test refuses when private: the test
    /// tests an address held by a name of `State::addrs`, or one a resolution in the test
    /// returns (`if internal(socket.gethostbyname(host)): raise`).
    fn refused_address(&self, test: &Expr, st: &State) -> Option<String> {
        if !self.address_test(test, self.file) {
            return None;
        }
        addresses_of(
            &self.a.k.address_guard,
            test,
            st,
            self.helper_resolution(test),
        )
    }

    /// The host a project helper that resolves host names is given in `e` (`ips = await
    /// resolve_hostname(host)`, where the helper calls `getaddrinfo` on its parameter): its
    /// first argument.
    fn helper_resolution<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            if let ExprKind::Call(_, args) = &x.kind {
                if self
                    .a
                    .calls_only_local(x, self.file, |g| self.a.address_fn(g).1)
                {
                    if let Some(Arg::Pos(h)) = args.first() {
                        return Some(h);
                    }
                }
            }
            crate::syntax::python::push_children(x, &mut stack);
        }
        None
    }

    /// Whether a project predicate answers whether a URL's host is public: it resolves a host,
    /// says no (`return False`) where an address test holds, and every `return` gives a literal
    /// flag or an address test (`def is_public(url): for info in socket.getaddrinfo(...): if
    /// internal(info[4][0]): return False; return True`).
    fn answers_addresses(&self, g: &FuncVal) -> bool {
        let file = self.a.modules[g.module].file;
        let mut resolves = false;
        crate::syntax::python::visit_exprs(&g.def.body, &mut |e: &Expr| {
            resolves |= self.a.k.address_guard.resolution_host(e).is_some();
        });
        if !resolves {
            return false;
        }
        let mut says_no = false;
        let mut all_answers = true;
        crate::syntax::python::visit_stmts(&g.def.body, &mut |st: &Stmt| match &st.kind {
            StmtKind::Return(Some(e)) => {
                all_answers &= matches!(e.kind, ExprKind::Bool(_)) || self.address_test(e, file);
            }
            StmtKind::Return(None) => all_answers = false,
            StmtKind::If { test, body, .. } => {
                says_no |= self.address_test(test, file)
                    && matches!(body.as_slice(), [Stmt { kind: StmtKind::Return(Some(e)), .. }]
                        if matches!(e.kind, ExprKind::Bool(false)));
            }
            _ => {}
        });
        says_no && all_answers
    }

    fn checked_by_helper(&self, test: &Expr, body: &[Stmt]) -> Option<(String, bool)> {
        // `if authorized(name, allowed): import_module(name)`: inside, the helper said the
        // name is one of the allowed ones (`answers_membership`).
        if let ExprKind::Call(_, args) = &unawait(test).kind {
            let callees = self.a.ev.callee_at.get(&self.site(unawait(test)))?;
            let answers = !callees.is_empty()
                && callees
                    .iter()
                    .all(|c| matches!(c, Callee::Local(g) if answers_membership(&g.def)));
            return answers
                .then(|| {
                    args.iter().find_map(|a| match a {
                        Arg::Pos(x) => slot_name(x),
                        _ => None,
                    })
                })
                .flatten()
                .map(|n| (n, true));
        }
        if !ends_in_exit(body) {
            return None;
        }
        // `if (!helper(x).valid) return`: the helper answers in a field of its result.
        if let Some((obj, field)) = negated_field(test) {
            let (at, name) = self.helper_result(obj)?;
            return self.answers_in_field(&at, field).then_some((name, false));
        }
        let ExprKind::Not(inner) = &test.kind else {
            return None;
        };
        // `if (!dirs.some((d) => inside(d, x))) throw`, `if not any(inside(d, x) for d in
        // dirs): raise`: the helper answers for each allowed entry; the name checked is the
        // argument that is not the entry.
        let (inner, entry) = match quantified_predicate(unawait(inner)) {
            Some((call, var)) => (call, Some(var)),
            None => (unawait(inner), None),
        };
        let ExprKind::Call(_, args) = &inner.kind else {
            return None;
        };
        let callees = self.a.ev.callee_at.get(&self.site(inner))?;
        let answers = callees.iter().any(|c| match c {
            Callee::Local(g) => answers_check(&g.def) || self.answers_addresses(g),
            _ => false,
        });
        if !answers {
            return None;
        }
        args.iter().find_map(|a| match a {
            Arg::Pos(x) => Some(slot_name(x)?)
                .filter(|n| entry.is_none_or(|v| v != n))
                .map(|n| (n, false)),
            _ => None,
        })
    }

    fn stmt(&mut self, s: &Stmt, st: &mut State, top: bool) {
        match &s.kind {
            StmtKind::Assign { targets, value, .. } => {
                let shape = self.argv_shape(value, st);
                let lead = leading_literal(value);
                let absolute = self.absolute(value, st);
                let relative_of = self.relative_of(value);
                let resolved_of = self.resolved_of(value);
                let url_of = parsed_url_of(value);
                let host_of = host_of_url(value, st);
                let addrs_of = addresses_of(
                    &self.a.k.address_guard,
                    value,
                    st,
                    self.helper_resolution(value),
                );
                let checked = self.rejection_check(value);
                let result_of = self.helper_result(value);
                // `args = path, name, True`: each element's taint, read before the value is
                // walked (names and literals only, so reading them has no effect of its own).
                let tuple_elems: Option<Vec<Option<Taint>>> = match &value.kind {
                    ExprKind::Tuple(xs) | ExprKind::List(xs) => xs
                        .iter()
                        .map(|x| match &x.kind {
                            ExprKind::Name(n) => Some(st.tainted.get(n.as_str()).cloned()),
                            ExprKind::Str(_)
                            | ExprKind::Num(_)
                            | ExprKind::Bool(_)
                            | ExprKind::None => Some(None),
                            _ => None,
                        })
                        .collect(),
                    _ => None,
                };
                self.tuple_result = None;
                self.rows_result = None;
                self.flag_result = None;
                self.record_result = None;
                // `clauses, params = ["a = ?"], [name]`: a literal tuple unpacked into as many
                // names gives each name its own element's taint, not the whole tuple's.
                let unpacked: Option<Vec<Option<Taint>>> = match (targets.as_slice(), &value.kind) {
                    ([Target::Tuple(ts)], ExprKind::Tuple(xs) | ExprKind::List(xs))
                        if ts.len() == xs.len()
                            && !ts.iter().any(|t| matches!(t, Target::Starred(_)))
                            && !xs.iter().any(|x| matches!(x.kind, ExprKind::Starred(_))) =>
                    {
                        Some(xs.iter().map(|x| self.expr(x, st)).collect())
                    }
                    _ => None,
                };
                let t = match &unpacked {
                    Some(each) => each.iter().cloned().fold(None, join),
                    None => self.expr(value, st),
                };
                let call = unawait(value);
                let flagged = self
                    .flag_result
                    .take()
                    .filter(|(at, _, _)| *at == self.site(call));
                let elements = self
                    .tuple_result
                    .take()
                    .filter(|(at, _)| *at == self.site(call))
                    .map(|(_, each)| each)
                    .or(unpacked);
                let rows_of = self
                    .rows_result
                    .take()
                    .filter(|(at, _)| *at == self.site(call))
                    .map(|(_, each)| each);
                let fields = self
                    .record_result
                    .take()
                    .filter(|(at, _)| *at == self.site(call))
                    .map(|(_, by)| by)
                    .or_else(|| literal_fields(value, t.as_ref(), st));
                // A name given a new value no longer holds what an earlier flag said of it, nor
                // the path a write was given.
                for tg in targets {
                    for n in target_names(tg) {
                        st.written.remove(n);
                        st.scripts.remove(n);
                        st.refused.remove(n);
                        st.relative.retain(|r, p| r != n && p != n);
                        st.resolved.retain(|r, p| r != n && p != n);
                        st.flags.remove(n);
                        for vs in st.flags.values_mut() {
                            vs.retain(|(v, _)| v != n);
                        }
                    }
                }
                // `ok, p = check(x)`: once `ok` held, `p` is what the returns saying `True` give.
                if let (Some((_, at, cleans)), [Target::Tuple(ts)]) = (&flagged, targets.as_slice())
                {
                    if let (Some(Target::Name(flag, _)), true) =
                        (ts.get(*at), ts.len() == cleans.len())
                    {
                        let vals: Vec<(String, BTreeSet<String>)> = ts
                            .iter()
                            .zip(cleans)
                            .enumerate()
                            .filter_map(|(i, (t, c))| match t {
                                Target::Name(n, _) if i != *at => Some((n.to_string(), c.clone())),
                                _ => None,
                            })
                            .collect();
                        st.flags.insert(flag.to_string(), vals);
                    }
                }
                for tg in targets {
                    for n in target_names(tg) {
                        st.rows.remove(n);
                    }
                    if let Target::Name(n, _) = tg {
                        // `queries = []`: a list with no row yet.
                        if matches!(&value.kind, ExprKind::List(xs) if xs.is_empty()) {
                            st.rows.insert(n.clone(), vec![]);
                        }
                    }
                    if let (Target::Tuple(ts), Some(each)) = (tg, &elements) {
                        if ts.len() == each.len()
                            && !ts.iter().any(|t| matches!(t, Target::Starred(_)))
                        {
                            for (i, (t1, e1)) in ts.iter().zip(each).enumerate() {
                                self.bind(t1, e1.clone(), st);
                                // `queries, requests = prepare(ops)`: a returned list of
                                // rows keeps what each place of its rows is clean for.
                                let rows =
                                    rows_of.as_ref().and_then(|r| r.get(i)).cloned().flatten();
                                if let (Target::Name(n, _), Some(cleans)) = (t1, rows) {
                                    let placed = cleans
                                        .iter()
                                        .map(|c| {
                                            e1.clone().map(|mut t| {
                                                t.clean.extend(c.iter().cloned());
                                                t
                                            })
                                        })
                                        .collect();
                                    st.rows.insert(n.clone(), placed);
                                }
                            }
                            continue;
                        }
                    }
                    self.bind(tg, t.clone(), st);
                    if let Target::Name(n, _) = tg {
                        // A record's fields, each with its own taint (`r.database`); a field
                        // that carries none of the arguments is clean for every sink.
                        let prefix = format!("{n}.");
                        st.tainted.retain(|k, _| !k.starts_with(&prefix));
                        if let (Some(by), Some(whole)) = (&fields, &t) {
                            for (k, ft) in by {
                                let ft = ft.clone().unwrap_or_else(|| {
                                    let mut c = whole.clone();
                                    c.clean = self.a.k.sink_kinds.keys().cloned().collect();
                                    c
                                });
                                st.tainted.insert(format!("{n}.{k}"), ft);
                            }
                        }
                        // `data = Schema.parse(args)` / `r = Schema.safeParse(args)`: each
                        // field the schema admits no text for (`z.number()`, `z.enum([...])`)
                        // is checked (`data.limit`, `r.data.orderBy`).
                        if let (Some((closed, under)), Some(whole)) =
                            (self.parsed_fields(value), &t)
                        {
                            for f in closed {
                                let mut c = whole.clone();
                                c.clean = self.a.k.sink_kinds.keys().cloned().collect();
                                c.direct = false;
                                c.fields = None;
                                st.tainted.insert(format!("{n}{under}.{f}"), c);
                            }
                        }
                        match &checked {
                            Some(c) => st.rejections.insert(n.clone(), c.clone()),
                            None => st.rejections.remove(n),
                        };
                        match &result_of {
                            Some(r) => st.results.insert(n.clone(), r.clone()),
                            None => st.results.remove(n),
                        };
                        match &lead {
                            Some(l) => st.lead.insert(n.clone(), l.clone()),
                            None => st.lead.remove(n),
                        };
                        if absolute {
                            st.absolute.insert(n.clone());
                        } else {
                            st.absolute.remove(n);
                        }
                        if let Some(p) = relative_of.as_ref().filter(|p| *p != n) {
                            st.relative.insert(n.clone(), p.clone());
                        }
                        if let Some(p) = resolved_of.as_ref().filter(|p| *p != n) {
                            st.resolved.insert(n.clone(), p.clone());
                        }
                        match url_of.as_ref().filter(|p| *p != n) {
                            Some(p) => st.parsed_url.insert(n.clone(), p.clone()),
                            None => st.parsed_url.remove(n),
                        };
                        match host_of.as_ref().filter(|p| *p != n) {
                            Some(p) => st.url_host.insert(n.clone(), p.clone()),
                            None => st.url_host.remove(n),
                        };
                        match addrs_of.as_ref().filter(|p| *p != n) {
                            Some(p) => st.addrs.insert(n.clone(), p.clone()),
                            None => st.addrs.remove(n),
                        };
                        match &tuple_elems {
                            Some(xs) => st.tuples.insert(n.clone(), xs.clone()),
                            None => st.tuples.remove(n),
                        };
                        // `path = fh.name` (or `path = other`) after `fh.write(code)`.
                        let file_of = match &value.kind {
                            ExprKind::Attr(o, a) if a == "name" => match &o.kind {
                                ExprKind::Name(h) => Some(h.as_str()),
                                _ => None,
                            },
                            ExprKind::Name(h) => Some(h.as_str()),
                            _ => None,
                        };
                        if let Some(t) = file_of.and_then(|h| st.scripts.get(h)).cloned() {
                            st.scripts.insert(n.clone(), t);
                        }
                        match shape {
                            Some(sh) => st.argv.insert(n.clone(), sh),
                            None => st.argv.remove(n),
                        };
                    }
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                if let Target::Name(n, _) = target {
                    st.rows.remove(n.as_str());
                }
                if let Target::Name(n, _) = target {
                    if let Some(mut sh) = st.argv.get(n).copied() {
                        self.argv_extend(&mut sh, value, st);
                        st.argv.insert(n.clone(), sh);
                    }
                }
                let t = self.expr(value, st);
                if let Target::Name(n, _) = target {
                    // `cmd += x`: the value keeps what it carried and gains `x`'s taint. As in
                    // `url + x`, a leading value the caller does not choose settles the server
                    // (`url += f"&agent_id={a}"` adds a query parameter).
                    let before = st.tainted.get(n.as_str()).cloned();
                    let lead_clean = before.as_ref().is_none_or(|b| b.clean.contains(SSRF))
                        && st
                            .lead
                            .get(n.as_str())
                            .is_none_or(|l| literal_fixes_server(l));
                    let mut joined = join(before, t);
                    if lead_clean {
                        mark_server_fixed(&mut joined);
                    }
                    if let Some(t) = joined {
                        st.tainted.insert(n.clone(), t);
                    }
                }
            }
            StmtKind::Expr(e) => {
                let row: Option<Vec<Option<Taint>>> = appended_row(e, st)
                    .map(|xs| xs.to_vec())
                    .map(|xs| xs.iter().map(|x| self.expr(x, st)).collect());
                let grown = self.grow_collection(e, st);
                // `queries.append((sql, params))`: one more row of the list's shape; any other
                // growth leaves the rows unknown.
                if let Some(n) = &grown {
                    match (row, st.rows.get_mut(n.as_str())) {
                        (Some(r), Some(xs)) if xs.is_empty() => *xs = r,
                        (Some(r), Some(xs)) if xs.len() == r.len() => {
                            for (x, y) in xs.iter_mut().zip(r) {
                                *x = join(x.take(), y);
                            }
                        }
                        _ => {
                            st.rows.remove(n.as_str());
                        }
                    }
                }
                let call = unawait(e);
                self.discarded = Some(self.site(call));
                let t = self.expr(e, st);
                self.discarded = None;
                // `self.validator.validate_command(cmd)`: a project function that raises when
                // its check fails and returns nothing; the names it was given passed the check
                // after the call. Not for running code: a static check of generated code
                // (`validate_code(code)` walking its AST) is what the PAL and safe-eval
                // advisories bypassed, fixed version after fixed version, so those sinks stay
                // reported.
                let (checked, confines) = self.raised_checks(e);
                for n in checked {
                    if let Some(t) = st.tainted.get_mut(&n) {
                        // A check that the whole value is made of letters, digits, `_`, `.`
                        // and `-` (`if not re.match(r"^[\w.-]+$", key): raise`) confines its
                        // text wherever it goes: the function's result may say so too.
                        self.raised_cleaned |= !confines;
                        t.clean = self
                            .a
                            .k
                            .sink_kinds
                            .keys()
                            .filter(|k| !CODE_KINDS.contains(&k.as_str()))
                            .cloned()
                            .collect();
                    }
                }
                // `items.append(x)`, `cmd.extend(args)`, `opts.update(extra)`: the collection
                // now holds the value.
                if let (Some(n), Some(mut t)) = (grown, t) {
                    t.direct = false;
                    let joined = join(st.tainted.get(&n).cloned(), Some(t));
                    if let Some(j) = joined {
                        st.tainted.insert(n, j);
                    }
                }
            }
            StmtKind::Return(Some(e)) => {
                if self.closures == 0 && self.argv_returns.is_ok() {
                    self.argv_returns = match self.argv_shape(e, st) {
                        Some(sh) => Ok(Some(match self.argv_returns {
                            Ok(Some(a)) => a.or(sh),
                            _ => sh,
                        })),
                        None => Err(()),
                    };
                }
                // A tuple literal, element by element (`return True, checked`).
                let t = match &e.kind {
                    ExprKind::Tuple(xs) | ExprKind::List(xs)
                        if self.closures == 0 && self.tuple_returns.is_some() =>
                    {
                        let mut each = Vec::with_capacity(xs.len());
                        let mut acc = None;
                        // `return queries, requests`: each place's rows, as far as known.
                        let all: BTreeSet<String> = self.a.k.sink_kinds.keys().cloned().collect();
                        let rows: TupleRows = xs
                            .iter()
                            .map(|x| match &x.kind {
                                ExprKind::Name(n) => {
                                    st.rows.get(n.as_str()).filter(|r| !r.is_empty()).map(|r| {
                                        r.iter()
                                            .map(|t| {
                                                t.as_ref().map_or_else(
                                                    || all.clone(),
                                                    |t| t.clean.clone(),
                                                )
                                            })
                                            .collect()
                                    })
                                }
                                _ => None,
                            })
                            .collect();
                        self.rows_returns = match self.rows_returns.take() {
                            Some(prev) if prev.is_empty() => Some(rows),
                            Some(prev) if prev.len() == rows.len() => Some(
                                prev.into_iter()
                                    .zip(rows)
                                    .map(|(p, r)| match (p, r) {
                                        (Some(p), Some(r)) if p.len() == r.len() => Some(
                                            p.iter()
                                                .zip(&r)
                                                .map(|(a, b)| a.intersection(b).cloned().collect())
                                                .collect(),
                                        ),
                                        _ => None,
                                    })
                                    .collect(),
                            ),
                            _ => None,
                        };
                        for x in xs {
                            let t = self.expr(x, st);
                            each.push(match &x.kind {
                                ExprKind::Bool(b) => RetElem::Flag(*b),
                                ExprKind::Str(_)
                                | ExprKind::Num(_)
                                | ExprKind::None
                                | ExprKind::FStr(_)
                                | ExprKind::BinOp(..)
                                | ExprKind::List(_)
                                | ExprKind::Tuple(_)
                                | ExprKind::Dict(_)
                                    if t.is_none() && literal_only(x) =>
                                {
                                    RetElem::Value(None)
                                }
                                _ if t.is_none() => RetElem::Untracked,
                                _ => RetElem::Value(t.as_ref().map(|t| t.clean.clone())),
                            });
                            acc = join(acc, t);
                        }
                        if let Some(rs) = &mut self.tuple_returns {
                            rs.push((each, self.needs_passed.clone()));
                        }
                        acc
                    }
                    _ => {
                        if self.closures == 0 {
                            self.tuple_returns = None;
                            self.rows_returns = None;
                        }
                        self.expr(e, st)
                    }
                };
                if let Some((depth, acc)) = self.mapped_returns.last_mut() {
                    if *depth == self.closures {
                        *acc = join(acc.take(), t.clone());
                    }
                }
                if self.closures == 0 {
                    if holds_closure(e) {
                        self.returns.1 = true;
                    } else if let Some(n) = passed_back(e, t.as_ref()) {
                        // `return default`: a parameter handed back as it came, clean exactly
                        // when the caller's argument is (`BodyFacts::return_passthrough`).
                        self.passthrough.insert(n);
                    } else if let Some(t) = &t {
                        self.returns.0 = Some(match self.returns.0.take() {
                            None => t.clean.clone(),
                            Some(c) => c.intersection(&t.clean).cloned().collect(),
                        });
                    }
                }
                if let Some(m) = t.and_then(|t| t.model) {
                    self.out.returns_model.get_or_insert(m);
                }
            }
            StmtKind::Raise(Some(e)) => {
                self.expr(e, st);
            }
            StmtKind::Return(None) if self.closures == 0 => {
                self.tuple_returns = None;
                self.rows_returns = None;
                self.argv_returns = Err(());
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, st);
                let mut guard =
                    guard_clean(test, body, orelse).or_else(|| self.checked_by_helper(test, body));
                // A regular expression is credited when it checks the whole value, and against
                // option injection only when its text keeps a leading `-` out.
                let mut keep_argv = false;
                if let Some(call) = regex_call(test) {
                    let (whole, no_dash) = self.regex_credit(call);
                    if !whole {
                        guard = None;
                    }
                    keep_argv = !no_dash;
                }
                let no_option = if ends_in_exit(body) {
                    rejects_leading_dash(test)
                } else {
                    None
                };
                let mut a = st.clone();
                let mut b = st.clone();
                // `if p.is_absolute():` — inside, `p` starts with a root (`not`: otherwise).
                if let Some((n, holds)) = absolute_test(test) {
                    let s = if holds { &mut a } else { &mut b };
                    s.absolute.insert(n.clone());
                    if let Some(t) = slot(s, &n) {
                        t.clean.insert("argv_option".to_string());
                    }
                }
                // `if ok:` after `ok, p = check(x)`: inside, `p` is what a true flag gives.
                if let ExprKind::Name(f) = &test.kind {
                    apply_flag(&mut a, f);
                }
                if let Some((name, true)) = &guard {
                    // `if x in ALLOWED:` body: x is clean inside.
                    if let Some(t) = slot(&mut a, name) {
                        t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                    }
                }
                // `if not restrict:` with `restrict=True` the default: the body runs only for a
                // caller that passes `restrict` (`BodyFacts::flag_returns`).
                let needs = self.needs_passed_by(test);
                let pushed = needs.as_ref().filter(|(_, in_body)| *in_body).is_some();
                if pushed {
                    self.needs_passed
                        .push(needs.as_ref().map(|(n, _)| n.clone()).unwrap_or_default());
                }
                self.block(body, &mut a, false);
                if pushed {
                    self.needs_passed.pop();
                }
                // `if not x.startswith("kubectl "): ...` — otherwise x starts with it.
                if let Some((n, l)) = negated_startswith(test) {
                    b.lead.insert(n, l);
                }
                let pushed = needs.as_ref().filter(|(_, in_body)| !*in_body).is_some();
                if pushed {
                    self.needs_passed
                        .push(needs.as_ref().map(|(n, _)| n.clone()).unwrap_or_default());
                }
                self.block(orelse, &mut b, false);
                if pushed {
                    self.needs_passed.pop();
                }
                let body_exits = ends_in_exit(body);
                let else_exits = ends_in_exit(orelse) && !orelse.is_empty();
                *st = if body_exits && !else_exits {
                    b
                } else if else_exits && !body_exits {
                    a
                } else {
                    merge(a, b)
                };
                // `if ipaddress.ip_address(a).is_private: raise` with `a` an address the URL's
                // host resolved to (`extract::addresses`): after it, the URL reaches a public
                // server. Inside a loop over the addresses this state is merged away with the
                // loop's; the loop reads the refusal (`addr_refusals`) once it has run.
                if body_exits {
                    if let Some(o) = self.refused_address(test, st) {
                        mark_public(st, &o);
                        self.addr_refusals.push(o);
                    }
                }
                // `if p.startswith("/") or ".." in p.split("/"): return`: a relative path with
                // no `..` segment stays under the folder it is joined to.
                if body_exits {
                    for x in or_operands(test) {
                        // `if (path.relative(base, p).startsWith("..")) throw ...`: `p` is under
                        // `base` after it (the idiom of Node's own containment checks).
                        if let Some(p) = self.climbs_out(x, st) {
                            if let Some(t) = slot(st, &p) {
                                t.clean.extend(PATH_KINDS.iter().map(|k| k.to_string()));
                            }
                            continue;
                        }
                        if let Some((n, bit)) = traversal_refusal(x) {
                            let bits = st.refused.entry(n.clone()).or_insert(0);
                            *bits |= bit;
                            if *bits == 3 {
                                if let Some(t) = slot(st, &n) {
                                    t.clean.extend(PATH_KINDS.iter().map(|k| k.to_string()));
                                }
                            }
                        }
                    }
                }
                // `if argv[0] not in SAFE_PROGRAMS: raise` after `argv = shlex.split(cmd)`:
                // the program is one the allow-list names; the model still chooses what follows
                // it, which the program may read as options (`argv_option`).
                if body_exits {
                    for x in or_operands(test) {
                        if let Some(n) = allow_listed_program(x) {
                            if st.tainted.contains_key(n.as_str()) {
                                let mut sh = st.argv.get(n.as_str()).copied().unwrap_or_default();
                                if !sh.started || sh.program {
                                    sh = Argv {
                                        started: true,
                                        option: !sh.dd,
                                        dd: sh.dd,
                                        ..Argv::default()
                                    };
                                }
                                st.argv.insert(n, sh);
                            }
                        }
                    }
                }
                // `if parsed.hostname not in ALLOWED: raise`, `if (!HOSTS.has(u.hostname))
                // throw`: after it, the server of `parsed` and of the text it was parsed from
                // is one the allow-list names.
                if body_exits {
                    for x in or_operands(test) {
                        if let Some(n) = refused_host(x) {
                            let from = st.parsed_url.get(&n).cloned();
                            for m in std::iter::once(n).chain(from) {
                                if let Some(t) = slot(st, &m) {
                                    t.clean.insert(SSRF.to_string());
                                }
                            }
                        }
                    }
                }
                // `if not ok: return` after `ok, p = check(x)`: after it, the same.
                if let (ExprKind::Not(x), true) = (&test.kind, body_exits) {
                    if let ExprKind::Name(f) = &x.kind {
                        apply_flag(st, f);
                    }
                }
                if let Some(name) = &no_option {
                    // `if x.startswith("-"): raise` — x cannot be read as an option after it.
                    if let Some(t) = slot(st, name) {
                        t.clean.insert("argv_option".to_string());
                    }
                }
                // `if not A.fullmatch(x) or not A.fullmatch(y): raise` — every disjunct's name
                // is checked after the guard, not only the first.
                let mut names: Vec<String> = vec![];
                // `if rejection is not None: return rejection` after a rejection check.
                if body_exits {
                    if let Some(n) = rejected(test).and_then(|r| st.rejections.get(&r)) {
                        names.push(n.clone());
                    }
                    if let Some(n) = self.checked_by_result(test, st) {
                        names.push(n);
                    }
                    if let Some(n) = equality_guard(test, st) {
                        names.push(n);
                    }
                }
                if let Some((name, false)) = guard {
                    names.push(name);
                }
                if let ExprKind::BoolOp(ops, xs) = &test.kind {
                    if ops.iter().all(|o| o == "or") && body_exits {
                        for x in xs {
                            // Each operand's regular expression must check the whole value.
                            if regex_call(x).is_some_and(|c| !self.regex_credit(c).0) {
                                continue;
                            }
                            let checked = guard_clean(x, body, orelse)
                                .or_else(|| self.checked_by_helper(x, body));
                            if let Some((n, false)) = checked {
                                if !names.contains(&n) {
                                    names.push(n);
                                }
                            }
                        }
                    }
                }
                for name in names {
                    // `if x not in ALLOWED: raise` — x is clean after the guard. A prefix check
                    // (`if not p.startswith(root): raise`) confines a path; it does not make a
                    // command or a query safe (`git status; rm -rf ~` starts with `git `).
                    // `if x not in ALLOWED: x = "default"` — the same after the `if`.
                    if body_exits || resets_to_constant(body, &name) {
                        if body_exits {
                            self.exit_guards.push(name.clone());
                        }
                        let prefix_only = prefix_guard(test);
                        // `r = path.resolve(p)` then `if (!r.startsWith(base)) return`: `p` is
                        // the same file, confined as much as `r`.
                        if prefix_only {
                            if let Some(p) = st.resolved.get(&name).cloned() {
                                if let Some(t) = slot(st, &p) {
                                    t.clean.extend(PATH_KINDS.iter().map(|k| k.to_string()));
                                }
                            }
                        }
                        if let Some(t) = slot(st, &name) {
                            if prefix_only {
                                t.clean.extend(PATH_KINDS.iter().map(|k| k.to_string()));
                                // `if not u.startswith(("http://", "https://")): raise`: text
                                // that starts with the code's literal cannot start an option.
                                if literal_prefixes(test) {
                                    t.clean.insert("argv_option".to_string());
                                }
                            } else {
                                t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                                // A pattern that admits a leading `-`, unless the same test
                                // refuses one (`or x.startswith("-")`).
                                if keep_argv && no_option.as_deref() != Some(name.as_str()) {
                                    t.clean.remove("argv_option");
                                }
                            }
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
                // `for sql, params in queries`: each name holds its own place of the rows.
                for (n, t) in row_bindings(target, iter, st) {
                    match t {
                        Some(mut t) => {
                            t.direct = false;
                            st.tainted.insert(n, t)
                        }
                        None => st.tainted.remove(&n),
                    };
                }
                // `for info in socket.getaddrinfo(host, 443)`: each element is an address of
                // the host.
                let over_addrs = addresses_of(
                    &self.a.k.address_guard,
                    iter,
                    st,
                    self.helper_resolution(iter),
                );
                if let Some(o) = &over_addrs {
                    for n in target_names(target) {
                        st.addrs.insert(n.to_string(), o.clone());
                    }
                }
                let refusals_before = self.addr_refusals.len();
                if let (Target::Name(x, _), ExprKind::Name(list)) = (target, &iter.kind) {
                    if let Some((c, true)) = self.typed.get(list.as_str()).cloned() {
                        self.typed.insert(x.to_string(), (c, false));
                    }
                }
                let mut a = st.clone();
                let guards_before = self.exit_guards.len();
                self.block(body, &mut a, false);
                // `for c in cols: if not ok(c): raise`: every element passed a check whose
                // failure leaves the loop, so the list is clean for what the element was
                // cleaned for (only by such a guard, still in force at the end of the body).
                let checked = match (target, slot_name(iter)) {
                    (Target::Name(x, _), Some(list))
                        if self.exit_guards[guards_before..].contains(x) =>
                    {
                        a.tainted
                            .get(x.as_str())
                            .filter(|t| !t.clean.is_empty() && t.model.is_none())
                            .map(|t| (list, t.clean.clone()))
                    }
                    _ => None,
                };
                self.exit_guards.truncate(guards_before);
                // `for a in addrs: if private(a): raise`: every address of the host was
                // refused unless public, so the URL they came from reaches a public server.
                let refused_all =
                    over_addrs.filter(|o| self.addr_refusals[refusals_before..].contains(o));
                self.addr_refusals.truncate(refusals_before);
                self.block(body, &mut a, false);
                self.addr_refusals.truncate(refusals_before);
                let mut merged = merge(st.clone(), a);
                self.block(orelse, &mut merged, false);
                *st = merged;
                if let Some(o) = refused_all {
                    mark_public(st, &o);
                }
                if let Some((list, clean)) = checked {
                    if let Some(t) = slot(st, &list) {
                        t.clean.extend(clean);
                    }
                }
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
            // A function defined in the body (`def gen(): for item in events: ...`): whoever
            // calls it later, it reads the names around it as they are here, as a lambda does.
            StmtKind::Func(def) => self.closure(def, st),
            // Classes defined in the body run elsewhere; other statements carry no flow.
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
            // `redirects["stdout"] = path`, `opts.target = path`: the container now holds the
            // value too (it keeps what it held).
            Target::Subscript(o, _) | Target::Attr(o, _) => {
                if let ExprKind::Name(n) = &o.kind {
                    st.rows.remove(n.as_str());
                }
                // The field stored keeps its own taint (`config.text = sql`); a clean value
                // leaves the field to the container's.
                let field = match t {
                    Target::Attr(_, a) => Some(a.to_string()),
                    Target::Subscript(_, k) => match &k.kind {
                        ExprKind::Str(k) => Some(k.to_string()),
                        _ => None,
                    },
                    _ => None,
                };
                if let (ExprKind::Name(n), Some(f)) = (&o.kind, field) {
                    let key = format!("{n}.{f}");
                    match &taint {
                        Some(t) if n != "self" => {
                            st.tainted.insert(key, t.clone());
                        }
                        _ => {
                            st.tainted.remove(&key);
                        }
                    }
                }
                if let (ExprKind::Name(n), Some(mut t)) = (&o.kind, taint) {
                    if n != "self" {
                        t.direct = false;
                        if let Some(j) = join(st.tainted.get(n.as_str()).cloned(), Some(t)) {
                            st.tainted.insert(n.to_string(), j);
                        }
                    }
                }
            }
            Target::Other => {}
        }
    }

    /// Walks an expression in evaluation order; returns its taint.
    fn expr(&mut self, e: &Expr, st: &mut State) -> Option<Taint> {
        let mut t = self.expr_inner(e, st);
        // An absolute path (`Path(x).resolve()`, `ROOT / x`) is never read as an option.
        if let Some(t) = t.as_mut().filter(|t| !t.clean.contains("argv_option")) {
            if matches!(e.kind, ExprKind::Call(..) | ExprKind::BinOp(..)) && self.absolute(e, st) {
                t.clean.insert("argv_option".to_string());
            }
        }
        // A path whose last component is a literal file name (`os.path.join(d, "package.json")`,
        // `root / "index.md"`, `path.join(dir, "project.godot")`): whatever folder the model
        // names, a read there opens only a file of that name.
        if let Some(t) = t.as_mut().filter(|t| !t.clean.contains(FILE_READ)) {
            if ends_in_fixed_file_name(e) {
                t.clean.insert(FILE_READ.to_string());
            }
        }
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
            // A field of a model instance whose declaration constrains it (`type: str =
            // Field(pattern=r"^[A-Za-z_]+$")`, `kind: Literal[...]`): the framework validated
            // it when it built the instance from the model's arguments.
            ExprKind::Attr(o, a)
                if matches!(&o.kind, ExprKind::Name(n)
                    if self.typed.get(n.as_str()).is_some_and(|(c, list)| !*list
                        && self.a.constrained_field(c, a))) =>
            {
                let t = self.expr(o, st);
                t.map(|mut t| {
                    t.direct = false;
                    t.clean = self.a.k.sink_kinds.keys().cloned().collect();
                    t
                })
            }
            // A field a check cleaned on its own (`context.ref` after `REF.test(context.ref)`).
            ExprKind::Attr(o, a) if field_slot(o, a, st).is_some() => field_slot(o, a, st).cloned(),
            ExprKind::Attr(o, a) => {
                let t = self.expr(o, st);
                t.map(|t| read_field(t, a))
            }
            // A record's field read by key (`scope["database"]`), bound with its own taint.
            ExprKind::Subscript(o, k)
                if str_key(k).and_then(|f| field_slot(o, f, st)).is_some() =>
            {
                str_key(k).and_then(|f| field_slot(o, f, st)).cloned()
            }
            ExprKind::Subscript(..)
                if index_slot(e).is_some_and(|k| st.tainted.contains_key(&k)) =>
            {
                index_slot(e).and_then(|k| st.tainted.get(&k)).cloned()
            }
            ExprKind::Subscript(a, b) => {
                let ta = self.expr(a, st);
                self.expr(b, st);
                match str_key(b) {
                    Some(k) => ta.map(|t| read_field(t, k)),
                    None => ta,
                }
            }
            // Text: a value put between quotes after every such quote in it was doubled or
            // removed (`'${v.replace(/'/g, "''")}'`, `"'" + v.replace("'", "''") + "'"`) cannot
            // leave the literal, so that part is clean for queries.
            ExprKind::FStr(xs) | ExprKind::BinOp(_, xs)
                if matches!(&e.kind, ExprKind::FStr(_))
                    || matches!(&e.kind, ExprKind::BinOp(ops, _) if ops.iter().all(|o| o == "+")) =>
            {
                let mut acc = None;
                // How many of each quote the code's text so far holds (kept as it goes, so a
                // long template costs its length).
                let mut seen = [0usize; 3];
                const QUOTES: [char; 3] = ['\'', '"', '`'];
                let mut server = ServerScan::default();
                for (i, x) in xs.iter().enumerate() {
                    let t = self.expr(x, st);
                    server.piece(i, x, t.as_ref(), st);
                    // The code's text of this piece: a literal, or the literal parts of an
                    // f-string concatenated with the rest (`f"... '$.{key}') = '" + v`).
                    let texts: Vec<&str> = match &x.kind {
                        ExprKind::Str(text) => vec![text],
                        ExprKind::FStr(parts) => parts
                            .iter()
                            .filter_map(|p| match &p.kind {
                                ExprKind::Str(text) => Some(&**text),
                                _ => None,
                            })
                            .collect(),
                        _ => vec![],
                    };
                    for text in texts {
                        for (n, q) in seen.iter_mut().zip(QUOTES) {
                            *n += text.matches(q).count();
                        }
                    }
                    // Inside a literal: the code's text before it opens one (an odd number
                    // of that quote) and the text right after closes it.
                    let quoted = matches!(xs.get(i + 1).map(|n| &n.kind),
                    Some(ExprKind::Str(after)) if seen.iter().zip(QUOTES).any(|(n, q)| {
                        n % 2 == 1
                            && after.contains(q)
                            && (escapes_quote(x, q)
                                || t.as_ref().is_some_and(|t| t.clean.contains(&quote_mark(q))))
                    }));
                    let t = if quoted {
                        t.map(|mut t| {
                            t.clean.insert("sql_exec".to_string());
                            t
                        })
                    } else {
                        t
                    };
                    acc = join(acc, t);
                }
                if server.fixed() {
                    mark_server_fixed(&mut acc);
                }
                acc
            }
            // `"https://api.example.com/items/%s" % x`: the format's text decides, as in an
            // f-string whose first piece it is.
            ExprKind::BinOp(ops, xs) if ops.iter().all(|o| o == "%") && !xs.is_empty() => {
                let mut acc = None;
                let mut server = ServerScan::default();
                for (i, x) in xs.iter().enumerate() {
                    let t = self.expr(x, st);
                    match &x.kind {
                        // The format's text up to its first conversion (`"https://%s/x"`: the
                        // host is the value's).
                        ExprKind::Str(f) if i == 0 => {
                            let cut = f
                                .match_indices('%')
                                .map(|(j, _)| j)
                                .find(|&j| f[j + 1..].chars().next().is_some_and(|c| c != '%'))
                                .unwrap_or(f.len());
                            server.decided = Some(literal_fixes_server(&f[..cut]));
                        }
                        _ if i == 0 => server.piece(i, x, t.as_ref(), st),
                        _ => {}
                    }
                    acc = join(acc, t);
                }
                if server.fixed() {
                    mark_server_fixed(&mut acc);
                }
                acc
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
                // `base if SAFE_REV.match(base) else None`, `x if x in ALLOWED else "size"`: the
                // chosen side holds the value only where it passed the check.
                let (whole, no_dash) = regex_call(t).map_or((true, true), |c| self.regex_credit(c));
                let ta = match positive_check(t).filter(|_| whole) {
                    Some((name, prefix_only)) if st.tainted.contains_key(&name) => {
                        let mut inner = st.clone();
                        if let Some(x) = inner.tainted.get_mut(&name) {
                            if prefix_only {
                                x.clean.extend(PATH_KINDS.iter().map(|k| k.to_string()));
                            } else {
                                x.clean = self.a.k.sink_kinds.keys().cloned().collect();
                                if !no_dash {
                                    x.clean.remove("argv_option");
                                }
                            }
                        }
                        self.expr(a, &mut inner)
                    }
                    _ => self.expr(a, st),
                };
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
            // A record's field read with `.get` (`nodes_result.get("nodes", [])`), bound with
            // its own taint: that field's, joined with the default's.
            ExprKind::Call(f, args)
                if field_get(f, args).is_some_and(|(o, k, _)| field_slot(o, k, st).is_some()) =>
            {
                let (o, k, default) = field_get(f, args)?;
                let field = field_slot(o, k, st).cloned();
                let default = default.and_then(|d| self.expr(d, st));
                join(field, default)
            }
            ExprKind::Call(f, args) => self.call(e, f, args, st),
            ExprKind::Lambda(def) => {
                self.closure(def, st);
                None
            }
            _ => None,
        }
    }

    /// A function written inline (`new Promise((resolve) => exec(cmd, ...))`, `.then((r) =>
    /// ...)`, `items.map((x) => ...)`): it sees the names of the body around it as they are
    /// here, so a model argument it captures reaches the sinks it calls. Its own parameters
    /// shadow outer names; what it assigns stays inside.
    fn closure(&mut self, def: &FuncDef, st: &State) {
        let mut inner = st.clone();
        for p in &def.params {
            inner.tainted.remove(&p.name);
        }
        let prev = self.at_top;
        self.at_top = false;
        self.closures += 1;
        self.block(&def.body, &mut inner, false);
        self.closures -= 1;
        self.at_top = prev;
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
        // `asyncio.to_thread(f, x)`: the interpreter evaluated and recorded it as `f(x)`
        // (`Evaluation::forwarded`), so it is read as that call.
        let forward = self.a.ev.forwarded.get(&self.site(e));
        if let Some((func, rest)) =
            forward.and_then(|how| crate::extract::interp::forwarded_call(args, how))
        {
            if matches!(func.kind, ExprKind::Lambda(_)) {
                self.expr(func, st);
            }
            return self.call_of(e, func, &rest, st);
        }
        self.call_of(e, f, args, st)
    }

    /// A call `f(args)` at `e`, read as written.
    fn call_of(&mut self, e: &Expr, f: &Expr, args: &[Arg], st: &mut State) -> Option<Taint> {
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
                // `f(*args)` with `args = path, name`: one argument per element.
                Arg::Star(x) if matches!(&x.kind, ExprKind::Name(n) if st.tuples.contains_key(n.as_str())) =>
                {
                    let ExprKind::Name(n) = &x.kind else { continue };
                    for t in st.tuples[n.as_str()].clone() {
                        pos.push((t, x));
                    }
                }
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
        // `fh.write(code)`, `Path(p).write_text(code)`: the file now holds the model's text.
        if let (ExprKind::Attr(o, m), Some((Some(t), x))) = (&f.kind, pos.first()) {
            if matches!(m.as_str(), "write" | "write_text" | "writelines") && !t.param.is_empty() {
                let file = match &o.kind {
                    ExprKind::Name(h) => Some(h.to_string()),
                    ExprKind::Call(_, a) => match a.as_slice() {
                        [Arg::Pos(Expr {
                            kind: ExprKind::Name(h),
                            ..
                        })] => Some(h.to_string()),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(file) = file {
                    let mut t = t.clone();
                    t.direct = is_direct(x, st);
                    st.scripts.insert(file, t);
                }
            }
        }
        // `names.map(() => "?")`: a mapped list holds what the function returns for each
        // element, the element bound to its first parameter (an arrow returning one expression
        // is read so): placeholders built from a list's length carry none of its text.
        if let (ExprKind::Attr(_, m), [Arg::Pos(x)]) = (&f.kind, args) {
            if let (true, ExprKind::Lambda(def)) =
                (matches!(m.as_str(), "map" | "flatMap"), &x.kind)
            {
                let mut inner = st.clone();
                for p in &def.params {
                    inner.tainted.remove(&p.name);
                }
                if let (Some(p), Some(t)) = (def.params.first(), recv.clone()) {
                    inner.tainted.insert(p.name.clone(), t);
                }
                if let [Stmt {
                    kind: StmtKind::Return(Some(ret)),
                    ..
                }] = def.body.as_slice()
                {
                    return self.expr(ret, &mut inner);
                }
                // A block: what its `return`s give, each read after the checks before it
                // (`if (!check(c).valid) throw ...; return quote(c);`).
                self.closures += 1;
                self.mapped_returns.push((self.closures, None));
                self.block(&def.body, &mut inner, false);
                self.closures -= 1;
                return self.mapped_returns.pop().and_then(|(_, t)| t);
            }
        }
        // `TABLE.get(key, default)` on a module table of literal data: one of its values or the
        // default, whatever the key (as `TABLE[key]` reads).
        // `REGISTRY.get(key)` on any module dict: the key picks an entry the code stored, as
        // `REGISTRY[key]` reads; only the default can be the caller's value.
        if let ExprKind::Attr(o, m) = &f.kind {
            if m == "get" && recv.is_none() && self.module_dict(o).is_some() {
                return pos.get(1).and_then(|(t, _)| t.clone());
            }
        }
        // `name.replace("/", "__")`: no separator is left, so under a folder the value names one
        // entry of it. Only `..` itself still leaves the folder, which a write or read of a
        // file cannot use, but a deletion of a folder can: deletions stay reported.
        // `v.replace("'", "''")`: the value keeps a mark of the quote it cannot close, read
        // where it is put between two of them (`'{v}'`).
        if let ExprKind::Attr(_, m) = &f.kind {
            if m == "replace" || m == "replaceAll" {
                let marks: Vec<String> = ['\'', '"', '`']
                    .into_iter()
                    .filter(|q| escapes_quote(e, *q))
                    .map(quote_mark)
                    .collect();
                if !marks.is_empty() {
                    return recv.map(|mut t| {
                        t.clean.extend(marks);
                        t
                    });
                }
            }
        }
        // `re.sub(r"[^a-z0-9]+", "-", title)`, `name.replace(/[^\w-]/g, "_")`: every character
        // outside a class of letters, digits, `_` and `-` is replaced by such characters, so no
        // separator, dot, quote, space or shell character is left.
        // A pattern compiled into a module constant (`_NON_SLUG = re.compile(r"[^a-z0-9]+")`).
        let compiled = |x: &str| -> Option<String> {
            let module = self.a.ev.funcs.get(&self.func)?.module;
            let v = self.a.module_value(module, x)?;
            let ExprKind::Call(cf, cargs) = &v.kind else {
                return None;
            };
            let re_compile = matches!(&cf.kind, ExprKind::Attr(o, m)
                if m == "compile" && matches!(&o.kind, ExprKind::Name(r) if r == "re"));
            match cargs.first() {
                Some(Arg::Pos(Expr {
                    kind: ExprKind::Str(p),
                    ..
                })) if re_compile => Some(p.to_string()),
                _ => None,
            }
        };
        if let Some((subject, dash)) = allowlist_substitution(e, &compiled) {
            let t = match subject {
                None => recv,
                Some(i) => pos.get(i).and_then(|(t, _)| t.clone()),
            };
            return t.map(|mut t| {
                t.clean.extend(
                    [
                        "file_write",
                        "file_read_path",
                        "file_delete",
                        "shell_exec",
                        "sql_exec",
                        "http_request_tainted_url",
                    ]
                    .map(String::from),
                );
                if !dash {
                    t.clean.insert("argv_option".to_string());
                }
                t
            });
        }
        if let ExprKind::Attr(_, m) = &f.kind {
            if (m == "replace" || m == "replaceAll") && removes_separator(args) {
                return recv.map(|mut t| {
                    t.clean
                        .extend(["file_write", "file_read_path"].map(String::from));
                    t
                });
            }
        }
        // A pause called on a parameter typed by its annotation (`ctx: Context` then
        // `await ctx.wait_for_event(HumanResponseEvent)`): the framework passes the object in,
        // so the interpreter has no value for it, but the annotation names its class.
        if self.annotated_pause(f) {
            self.gate_here(site, st);
            return None;
        }
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
        let mut full = self.record(e).cloned().unwrap_or(rec);
        // A method called on `self` whose class the interpreter did not resolve (`this.run(x)`
        // inside a closure the handler was registered with): the method of that name defined
        // in this file, as `file_method_validates` reads it.
        if let Some(g) = self.a.file_method(self.file, &full.callees) {
            full.callees.push(Callee::Local(g));
        }
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
            // `compile(source, ...)` makes a code object that runs only when its result is
            // run: with the result dropped, the call is a syntax check.
            if entry.result_runs && self.discarded == Some(site) {
                continue;
            }
            // `EXPLAIN <statement>` on a driver running one statement per call: planned only.
            if entry.single_statement && kind == "sql_exec" {
                let query = pos
                    .iter()
                    .enumerate()
                    .find(|(i, _)| entry.args.contains(i))
                    .map(|(_, (_, e))| *e)
                    .or_else(|| {
                        kw.iter()
                            .find(|(n, _, _)| entry.kwargs.iter().any(|k| k == n))
                            .map(|(_, _, e)| *e)
                    });
                if query.is_some_and(|q| {
                    plans_only(q, st) || sets_context(q, st, &entry.context_statements)
                }) {
                    continue;
                }
            }
            // An interpreter run on a file this body wrote the model's text to
            // (`subprocess.run([sys.executable, path])`): the model's code runs.
            if entry.argv && kind == "shell_exec" {
                if let Some(t) = self.script_run(pos.first().map(|(_, e)| *e), st) {
                    let callee = full
                        .callees
                        .first()
                        .map(BodyAnalyzer::callee_label)
                        .unwrap_or_default();
                    self.push_injection(InjectionHit {
                        direct: t.direct,
                        param: t.param.clone(),
                        param_site: t.param_site,
                        kind: "code_exec".to_string(),
                        sink: site,
                        chain: vec![site],
                        callee,
                        argv: ArgvRole::Settled,
                        after_flag: None,
                        single_statement: false,
                        context_statements: Rc::from(Vec::<String>::new()),
                        built_at: None,
                        fields: None,
                        dispatch: None,
                    });
                }
            }
            // A program run without a shell: what the model chose in its argument list.
            let mut kind = kind.clone();
            let mut argv = ArgvRole::Settled;
            let mut culprits = Culprits::default();
            let mut deferred_by = None;
            if entry.argv && kind == "shell_exec" && !shell_requested(&full) {
                let (shape, whole) = self.sink_argv(entry, args, st);
                culprits = shape.map(|sh| sh.culprits).unwrap_or_default();
                deferred_by = shape
                    .filter(|sh| sh.deferred && !sh.program)
                    .and_then(|sh| sh.deferred_by);
                match shape.map(settle) {
                    Some(Some((k, role))) => {
                        kind = k.to_string();
                        argv = role;
                    }
                    Some(None) => continue,
                    None if whole => argv = ArgvRole::Whole,
                    None => {}
                }
            }
            let kind = &kind;
            // A read of the file this body just wrote at the same name, on every path
            // (`createWriteStream(p)` then `readFileSync(p)`): it returns what the body wrote,
            // and the write is the finding.
            let path_name = pos
                .iter()
                .enumerate()
                .find(|(i, _)| entry.args.contains(i))
                .map(|(_, (_, e))| *e)
                .and_then(|e| match &e.kind {
                    ExprKind::Name(n) => Some(n.to_string()),
                    _ => None,
                });
            if let Some(n) = path_name {
                if kind == "file_read_path" && st.written.contains(&n) {
                    continue;
                }
                if kind == "file_write" {
                    st.written.insert(n);
                }
            }
            let any = entry.args.is_empty() && entry.kwargs.is_empty();
            // An options object (`pool.query({ text: sql, values })`, or a name bound to one):
            // its query field, by position; `None` when it has none (the call is clean there).
            let narrowed: Vec<Narrowed> = pos
                .iter()
                .enumerate()
                .filter(|(i, _)| !entry.object_fields.is_empty() && (any || entry.args.contains(i)))
                .filter_map(|(i, (_, e))| {
                    let field = object_field(e, &entry.object_fields, st)?;
                    Some((i, field.map(|x| (self.expr(&x, st), x))))
                })
                .collect();
            let mut hits: Vec<(&Taint, &Expr)> = vec![];
            for (i, (t, e)) in pos.iter().enumerate() {
                if any || entry.args.contains(&i) {
                    if let Some((_, field)) = narrowed.iter().find(|(j, _)| *j == i) {
                        if let Some((Some(t), x)) = field {
                            hits.push((t, x));
                        }
                        continue;
                    }
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
            // `Path(p).write_text(text)`: the path is the receiver (`kwargs = ["<receiver>"]`).
            if entry.kwargs.iter().any(|k| k == RECEIVER) {
                if let (Some(t), ExprKind::Attr(o, _)) = (recv.as_ref(), &f.kind) {
                    hits.push((t, o));
                }
            }
            let model_hit = hits
                .iter()
                .filter(|(t, _)| !t.clean.contains(kind))
                .find_map(|(t, _)| t.model.clone());
            if let Some(origin) = model_hit {
                if sk.model_exec {
                    self.push_model_flow(ModelFlow {
                        origin,
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
            // Each element read as an option names its parameter, when known: also when the
            // list's own taint names another (`command.extend(["--select", sel])` on a list
            // parameter `command` names `sel`, not `command`).
            let callee = full
                .callees
                .first()
                .map(BodyAnalyzer::callee_label)
                .unwrap_or_default();
            let hit_at = |t: &Taint, direct, argv, after_flag| InjectionHit {
                direct,
                param: t.param.clone(),
                param_site: t.param_site,
                kind: kind.clone(),
                sink: site,
                chain: vec![site],
                callee: callee.clone(),
                argv,
                after_flag,
                single_statement: entry.single_statement,
                context_statements: entry.context_statements.as_slice().into(),
                built_at: None,
                fields: t.fields.clone(),
                dispatch: None,
            };
            let mut named_any = false;
            if kind == "argv_option" {
                for (c, flag) in culprits.iter() {
                    // The argument's own taint when it names this parameter (it knows the checks
                    // its fields passed), else the parameter's.
                    let own = hits.iter().find(|(t, _)| t.param_site == c);
                    let Some(t) = own
                        .map(|(t, _)| (*t).clone())
                        .or_else(|| self.param_taint(c, st))
                    else {
                        continue;
                    };
                    if t.clean.contains(kind) {
                        continue;
                    }
                    named_any = true;
                    self.push_injection(hit_at(&t, false, argv, flag));
                }
            }
            if !named_any {
                if let Some((t, e)) = hits
                    .into_iter()
                    .find(|(t, _)| !t.clean.contains(kind) && !t.param.is_empty())
                {
                    self.push_injection(hit_at(t, is_direct(e, st), argv, None));
                }
            }
            // A list parameter's elements in a list that also holds an option the body chose
            // (`command.extend(["--state", path])` on `command`): the caller's list, settled by
            // the caller, apart from the body's own element.
            if let Some(d) = deferred_by.filter(|d| !culprits.contains(*d) && kind == "argv_option")
            {
                if let Some(t) = self.param_taint(d, st) {
                    self.push_injection(hit_at(&t, false, ArgvRole::Tail, None));
                }
            }
        }
        // A model's response, returned by a library call (knowledge) or by project helpers and
        // methods. Calls the interpreter left unresolved are resolved here for this purpose:
        // `self.m(...)` through the class hierarchy, `self.attr(...)`/`self.attr.m(...)` through
        // what the class assigns to `self.attr`, and `obj.m(...)` by a distinctive method name.
        let resolved = self.resolve_unknown(f, &full);
        let mut model_out: Option<Rc<ModelOrigin>> = self
            .a
            .model_output_call(&full)
            .map(|(q, by_name)| (q, by_name, false))
            .or_else(|| {
                resolved
                    .iter()
                    .find_map(|r| self.a.local_model_output(&r.func))
                    .map(|q| (q, false, false))
            })
            .or_else(|| self.a.network_read_call(&full).map(|q| (q, false, true)))
            .map(|(callee, by_name, network)| {
                Rc::new(ModelOrigin {
                    source: site,
                    callee,
                    via: vec![],
                    by_name,
                    is_param: false,
                    network,
                })
            });
        let self_method = match &f.kind {
            ExprKind::Attr(o, m) if matches!(&o.kind, ExprKind::Name(n) if n == "self") => {
                Some(m.as_str())
            }
            _ => None,
        };
        for r in &resolved {
            let g = &r.func;
            let facts = self.a.facts_at(g, self.depth + 1);
            if model_out.is_none() {
                if let Some(o) = &facts.returns_model {
                    let mut via = o.via.clone();
                    via.push(site);
                    model_out = Some(Rc::new(ModelOrigin {
                        source: o.source,
                        callee: o.callee.clone(),
                        via,
                        by_name: o.by_name || r.by_name,
                        is_param: o.is_param,
                        network: o.network,
                    }));
                }
            }
            // Whether the interpreter resolved the call to this very function (its injections
            // are mapped below then); an override of the method it resolved is not.
            let from_local = full.callees.iter().any(|c| {
                matches!(c, Callee::Local(h) if h.module == g.module && h.def.span == g.def.span)
            });
            // `self.m(...)` followed into a method the interpreter did not pick for `self`.
            let dispatch = self_method
                .filter(|_| !from_local)
                .map(|m| (g.site(self.a.modules), Rc::<str>::from(m)));
            // A project method that is itself a known sink (by its dotted name).
            for (idx, kind) in self.a.local_sinks(g) {
                let entry = &self.a.k.sinks[idx];
                let any = entry.args.is_empty() && entry.kwargs.is_empty();
                let hit = pos
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| any || entry.args.contains(i))
                    .filter_map(|(_, (t, _))| t.as_ref())
                    .chain(
                        kw.iter()
                            .filter(|(n, _, _)| any || entry.kwargs.iter().any(|k| k == n))
                            .filter_map(|(_, t, _)| t.as_ref()),
                    )
                    .find(|t| !t.clean.contains(&kind))
                    .cloned();
                let Some(t) = hit else { continue };
                let label = self.a.local_names(g).into_iter().next().unwrap_or_default();
                if let Some(origin) = t.model.clone() {
                    self.push_model_flow(ModelFlow {
                        origin,
                        kind: kind.clone(),
                        sink: site,
                        chain: vec![site],
                        callee: label.clone(),
                    });
                }
                if !t.param.is_empty() {
                    self.out.param_flows.push(InjectionHit {
                        direct: false,
                        param: t.param.clone(),
                        param_site: t.param_site,
                        kind,
                        sink: site,
                        chain: vec![site],
                        callee: label,
                        argv: ArgvRole::Settled,
                        after_flag: None,
                        single_statement: entry.single_statement,
                        context_statements: entry.context_statements.as_slice().into(),
                        built_at: None,
                        fields: t.fields.clone(),
                        dispatch: dispatch.clone(),
                    });
                }
            }
            // Model responses passed to a helper that runs its parameter.
            let offset = r.offset;
            for hit in facts.injections.iter().chain(&facts.param_flows) {
                if !self.a.k.sink_kind(&hit.kind).is_some_and(|k| k.model_exec) {
                    continue;
                }
                let pidx = g.def.params.iter().position(|p| p.name == hit.param);
                let t = taint_passed(pidx, offset, &hit.param, &pos, &kw);
                let Some(t) = t else { continue };
                if t.clean.contains(&hit.kind) {
                    continue;
                }
                let mut chain = vec![site];
                chain.extend(hit.chain.iter().copied());
                // A parameter of this body reaching the sink through a call the interpreter
                // left unresolved (resolved ones are `injections` already).
                let wanted = !t.param.is_empty()
                    && (!from_local || facts.param_flows.iter().any(|p| std::ptr::eq(p, hit)));
                if wanted && self.out.param_flows.len() >= MAX_PARAM_FLOWS {
                    self.a.cut(Bound::ParamFlows, site);
                } else if wanted {
                    self.out.param_flows.push(InjectionHit {
                        direct: false,
                        param: t.param.clone(),
                        param_site: t.param_site,
                        kind: hit.kind.clone(),
                        sink: hit.sink,
                        chain: chain.clone(),
                        callee: hit.callee.clone(),
                        argv: hit.argv,
                        after_flag: hit.after_flag,
                        single_statement: hit.single_statement,
                        context_statements: hit.context_statements.clone(),
                        built_at: hit.built_at,
                        fields: t.fields.clone(),
                        dispatch: dispatch.clone(),
                    });
                }
                let Some(origin) = t.model.clone() else {
                    continue;
                };
                self.push_model_flow(ModelFlow {
                    origin,
                    kind: hit.kind.clone(),
                    sink: hit.sink,
                    chain,
                    callee: hit.callee.clone(),
                });
            }
        }
        // Project callees: map tainted arguments onto their parameters' injection hits.
        for c in &full.callees {
            let Callee::Local(g) = c else { continue };
            let facts = self.a.facts_at(g, self.depth + 1);
            // A method called on an instance of a known class: its flows through `self.m(...)`
            // into the `m` that class has (a base class's template method calling an abstract
            // method one subclass implements).
            let dispatched: Vec<&InjectionHit> = match self.a.instance_class(g) {
                Some(c) => facts
                    .param_flows
                    .iter()
                    .filter(|h| {
                        h.dispatch.as_ref().is_some_and(|(d, m)| {
                            self.a
                                .class_methods(&c, m)
                                .first()
                                .is_some_and(|x| x.site(self.a.modules) == *d)
                        })
                    })
                    .collect(),
                None => vec![],
            };
            if !facts.injections.is_empty() || !dispatched.is_empty() {
                let offset = usize::from(g.bound.is_some());
                for hit in facts.injections.iter().chain(dispatched) {
                    let pidx = g.def.params.iter().position(|p| p.name == hit.param);
                    // A `*args` (`...args`) parameter holds every positional argument from its
                    // place on: their taints joined, and their list as the caller wrote it.
                    let rest = pidx
                        .filter(|&pi| g.def.params[pi].kind == ParamKind::VarArgs)
                        .and_then(|pi| pi.checked_sub(offset))
                        .map(|i| pos.get(i..).unwrap_or(&[]));
                    let rest_list = rest.map(|xs| Expr {
                        kind: ExprKind::List(xs.iter().map(|(_, e)| (*e).clone()).collect()),
                        span: site.span,
                    });
                    let t = match rest {
                        Some(xs) => xs.iter().fold(None, |acc, (t, _)| join(acc, t.clone())),
                        None => {
                            let t = taint_passed(pidx, offset, &hit.param, &pos, &kw);
                            let arg = arg_passed(pidx, offset, &hit.param, &pos, &kw);
                            match (&hit.fields, arg) {
                                (Some(fs), Some(a)) => fields_passed(t, a, fs, st),
                                _ => t,
                            }
                        }
                    };
                    // A helper running one statement per call, given `EXPLAIN ...`: planned only.
                    if hit.single_statement && hit.kind == "sql_exec" {
                        let arg = arg_passed(pidx, offset, &hit.param, &pos, &kw);
                        if arg.is_some_and(|e| {
                            plans_only(e, st) || sets_context(e, st, &hit.context_statements)
                        }) {
                            continue;
                        }
                    }
                    // A helper running the list it was given: this caller built the list.
                    let mut kind = hit.kind.clone();
                    let mut argv = ArgvRole::Settled;
                    let after_flag = hit.after_flag;
                    // What this call passes for the hit's parameter, or, when the list this
                    // caller built settles it, each element read as an option (its parameter and
                    // the literal option it follows).
                    let mut targets: Vec<(Option<Taint>, Option<Site>)> = vec![];
                    if hit.argv != ArgvRole::Settled {
                        let arg = match &rest_list {
                            Some(l) => Some(l),
                            None => arg_passed(pidx, offset, &hit.param, &pos, &kw),
                        };
                        let passed_whole = arg.is_some_and(|e| is_direct(e, st));
                        match arg.and_then(|e| self.argv_shape(e, st)) {
                            Some(mut sh) => {
                                for (c, flag) in sh.culprits.iter() {
                                    if let Some(x) = self.param_taint(c, st) {
                                        targets.push((Some(x), flag));
                                    }
                                }
                                if hit.argv == ArgvRole::Tail {
                                    // The list follows the program: its program is an option.
                                    sh.option |= sh.program;
                                    sh.program = false;
                                }
                                match settle(sh) {
                                    Some((k, role)) => {
                                        kind = k.to_string();
                                        argv = role;
                                        if k != "argv_option" {
                                            targets.clear();
                                        }
                                    }
                                    None => continue,
                                }
                            }
                            None if passed_whole => argv = hit.argv,
                            None => {}
                        }
                    }
                    if targets.is_empty() {
                        targets.push((t, after_flag));
                    }
                    for (t, after_flag) in targets {
                        let Some(t) = t.filter(|t| !t.param.is_empty()) else {
                            continue;
                        };
                        if t.clean.contains(&kind) {
                            continue;
                        }
                        let mut chain = vec![site];
                        chain.extend(hit.chain.iter().copied());
                        let direct = hit.direct
                            && pidx
                                .and_then(|pi| pi.checked_sub(offset))
                                .and_then(|i| pos.get(i))
                                .is_some_and(|(_, e)| is_direct(e, st));
                        // The helper hands its parameter to the sink unchanged: the finding
                        // is reported where the text is written (this call, when it composes
                        // it), else at the call of the helper that runs a command, code or a
                        // query it is given (`db.query(sql)` into `pool.query(sql)`).
                        let composes = hit.direct
                            && !direct
                            && arg_passed(pidx, offset, &hit.param, &pos, &kw)
                                .is_some_and(|e| writes_text(e, st));
                        let runs_given = hit.direct
                            && hit.chain.len() == 1
                            && self.a.k.sink_kind(&kind).is_some_and(|k| k.model_exec);
                        let built_at = match hit.built_at {
                            _ if composes => Some(site),
                            Some(b) => Some(b),
                            None if runs_given => Some(site),
                            None => None,
                        };
                        self.push_injection(InjectionHit {
                            direct,
                            param: t.param.clone(),
                            param_site: t.param_site,
                            kind: kind.clone(),
                            sink: hit.sink,
                            chain,
                            callee: hit.callee.clone(),
                            argv,
                            after_flag,
                            single_statement: hit.single_statement,
                            context_statements: hit.context_statements.clone(),
                            built_at,
                            fields: t.fields.clone(),
                            dispatch: None,
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
        // Python's `min(x, 20)` / `max(0, x)`: with a number among the arguments, the result is
        // a number, or the call raises (`TypeError` comparing text with a number).
        let numeric_bound = full
            .callees
            .iter()
            .any(|c| matches!(c, Callee::Qualified(q) if matches!(&**q, "min" | "max")))
            && args.iter().any(|a| {
                matches!(
                    a,
                    Arg::Pos(Expr {
                        kind: ExprKind::Num(_),
                        ..
                    })
                )
            });
        if numeric_bound {
            let t = join_all(None, &pos, &kw);
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
        // A file's text is what its author wrote, not the model's path that chose it; so is a
        // fetched page or a service's answer, unless the model could pick the server (a URL
        // argument or receiver not clean for `http_request_tainted_url`: then it can serve
        // its own text).
        // For a known request call, its URL arguments: what the model put in the body sent to
        // a fixed server (`post(API, json={"text": t})`) does not pick who answers.
        let url_entries: Vec<&knowledge::SinkEntry> = sinks
            .iter()
            .filter(|(_, k)| k == SSRF)
            .map(|(i, _)| &self.a.k.sinks[*i])
            .collect();
        let url_pos = |i: usize| {
            url_entries.is_empty()
                || url_entries
                    .iter()
                    .any(|e| (e.args.is_empty() && e.kwargs.is_empty()) || e.args.contains(&i))
        };
        let url_kw = |n: &str| {
            url_entries.is_empty()
                || url_entries.iter().any(|e| {
                    (e.args.is_empty() && e.kwargs.is_empty()) || e.kwargs.iter().any(|k| k == n)
                })
        };
        let fixed_server = recv
            .iter()
            .chain(
                pos.iter()
                    .enumerate()
                    .filter(|(i, _)| url_pos(*i))
                    .filter_map(|(_, (t, _))| t.as_ref()),
            )
            .chain(
                kw.iter()
                    .filter(|(n, _, _)| url_kw(n))
                    .filter_map(|(_, t, _)| t.as_ref()),
            )
            .all(|t| t.clean.contains(SSRF));
        let new_content = sinks.iter().any(|(i, _)| self.a.k.sinks[*i].new_content)
            || (fixed_server
                && (sinks
                    .iter()
                    .any(|(_, k)| self.a.k.sink_kind(k).is_some_and(|k| k.new_content))
                    || self
                        .a
                        .direct_sources(&full)
                        .iter()
                        .any(|k| self.a.k.source_kind(k).is_some_and(|k| k.new_content))));
        let t = if new_content {
            self.a.fresh_calls.borrow_mut().insert(site);
            None
        } else if self.a.local_only(&full, &resolved)
            && args.iter().all(|a| !matches!(a, Arg::Star(_)))
        {
            // What every callee's returns are clean for, when each was read as a plain
            // function (`BodyFacts::return_clean`).
            let mut clean: Option<BTreeSet<String>> = None;
            let mut known = true;
            // Whether the call passes something tainted for `r`'s parameter `name`. A value
            // clean for every sink kind carries nothing (a caller's own `start: int`, assumed
            // clean by its type, handed on as `start=start`).
            let kinds = &self.a.k.sink_kinds;
            let carries = |t: &Option<Taint>| {
                t.as_ref()
                    .is_some_and(|t| kinds.keys().any(|k| !t.clean.contains(k)))
            };
            let passes_tainted = |r: &Resolved, name: &String| {
                let Some(pi) = r.func.def.params.iter().position(|p| p.name == *name) else {
                    return true;
                };
                if pi < r.offset {
                    return recv.is_some();
                }
                pos.get(pi - r.offset).is_some_and(|(t, _)| carries(t))
                    || kw.iter().any(|(k, t, _)| *k == name.as_str() && carries(t))
            };
            // Whether a callee's summary holds at this call: a method's speaks for its
            // arguments, and for the receiver only when `self` was followed as a parameter too
            // or the receiver carries nothing; a parameter handed back unchanged (or assumed
            // clean by its type) is as clean as the argument given for it.
            let summary_holds = |r: &Resolved, facts: &BodyFacts| {
                let applies = r.offset == 0
                    || (r.offset == 1 && (!facts.return_clean_skips_self || recv.is_none()));
                let passed_tainted = facts
                    .return_passthrough
                    .iter()
                    .chain(&facts.assumed_clean)
                    .any(|name| passes_tainted(r, name));
                (applies, passed_tainted)
            };
            for r in &resolved {
                let facts = self.a.facts_at(&r.func, self.depth + 1);
                let (applies, passed_tainted) = summary_holds(r, &facts);
                if passed_tainted {
                    known = false;
                }
                match facts.return_clean.clone() {
                    Some(c) if applies => {
                        clean = Some(match clean {
                            None => c,
                            Some(acc) => acc.intersection(&c).cloned().collect(),
                        })
                    }
                    _ => known = false,
                }
            }
            let extra = clean.filter(|_| known);
            let with_clean = |t: Option<Taint>| {
                t.map(|mut t| {
                    if let Some(c) = &extra {
                        t.clean.extend(c.iter().cloned());
                    }
                    t
                })
            };
            // A flag returned with values (`return True, checked`), for a caller that unpacks
            // both and leaves when the flag is false.
            let mut flag: Option<(usize, Vec<BTreeSet<String>>)> = None;
            let mut agreed = !resolved.is_empty();
            for r in &resolved {
                let facts = self.a.facts_at(&r.func, self.depth + 1);
                let applies = r.offset == 0
                    || (r.offset == 1 && (!facts.return_clean_skips_self || recv.is_none()));
                let fc = self
                    .flag_clean_for(&facts, r, args)
                    .filter(|_| !facts.assumed_clean.iter().any(|n| passes_tainted(r, n)));
                match (&fc, applies, &mut flag) {
                    (Some(fc), true, None) => flag = Some(fc.clone()),
                    (Some((at, cs)), true, Some((at0, acc)))
                        if at == at0 && cs.len() == acc.len() =>
                    {
                        for (a, c) in acc.iter_mut().zip(cs) {
                            *a = a.intersection(c).cloned().collect();
                        }
                    }
                    _ => agreed = false,
                }
            }
            self.flag_result = flag.filter(|_| agreed).map(|(at, cs)| (site, at, cs));
            // Each element of a returned tuple, for a caller that unpacks it, with what every
            // callee's returns leave it clean for at its place (`BodyFacts::tuple_clean`).
            let mut per_place: Option<Vec<BTreeSet<String>>> = None;
            let mut places_known = !resolved.is_empty();
            for r in &resolved {
                let facts = self.a.facts_at(&r.func, self.depth + 1);
                let (applies, passed_tainted) = summary_holds(r, &facts);
                match (
                    &facts.tuple_clean,
                    applies && !passed_tainted,
                    &mut per_place,
                ) {
                    (Some(tc), true, None) => per_place = Some(tc.clone()),
                    (Some(tc), true, Some(acc)) if tc.len() == acc.len() => {
                        for (a, c) in acc.iter_mut().zip(tc) {
                            *a = a.intersection(c).cloned().collect();
                        }
                    }
                    _ => places_known = false,
                }
            }
            let per_place = per_place.filter(|_| places_known);
            // The rows of a returned list, place by place (`BodyFacts::tuple_rows`), when the
            // call has one callee whose summary holds here.
            self.rows_result = match resolved.as_slice() {
                [r] => {
                    let facts = self.a.facts_at(&r.func, self.depth + 1);
                    let (applies, passed_tainted) = summary_holds(r, &facts);
                    facts
                        .tuple_rows
                        .clone()
                        .filter(|_| applies && !passed_tainted)
                        .map(|rows| (site, rows))
                }
                _ => None,
            };
            self.tuple_result = self
                .a
                .element_taints(&resolved, recv.clone(), &pos, &kw)
                .map(|each| {
                    let n = each.len();
                    (
                        site,
                        each.into_iter()
                            .enumerate()
                            .map(|(i, t)| {
                                let mut t = with_clean(t);
                                if let (Some(t), Some(pp)) = (t.as_mut(), &per_place) {
                                    if pp.len() == n {
                                        t.clean.extend(pp[i].iter().cloned());
                                    }
                                }
                                t
                            })
                            .collect(),
                    )
                });
            self.record_result =
                self.a
                    .field_taints(&resolved, recv.clone(), &pos, &kw)
                    .map(|by| {
                        (
                            site,
                            by.into_iter().map(|(k, t)| (k, with_clean(t))).collect(),
                        )
                    });
            let mut out = with_clean(self.a.join_reaching(&resolved, recv.clone(), &pos, &kw));
            // A helper whose every returned text starts with one of its parameters
            // (`return base_url + path`): the caller's value for it picks the server.
            let server_fixed = !resolved.is_empty()
                && resolved.iter().all(|r| {
                    let Some(name) = self.a.server_param(&r.func) else {
                        return false;
                    };
                    let Some(pi) = r.func.def.params.iter().position(|p| p.name == name) else {
                        return false;
                    };
                    let given = if pi < r.offset {
                        recv.as_ref()
                    } else {
                        pos.get(pi - r.offset)
                            .and_then(|(t, _)| t.as_ref())
                            .or_else(|| {
                                kw.iter()
                                    .find(|(k, _, _)| *k == name.as_str())
                                    .and_then(|(_, t, _)| t.as_ref())
                            })
                    };
                    // Not passed: the parameter's default, written in the code.
                    given.is_none_or(|t| t.clean.contains(SSRF))
                });
            if server_fixed {
                mark_server_fixed(&mut out);
            }
            out
        } else {
            join_all(recv, &pos, &kw)
        };
        if model_out.is_some() {
            self.out.model_seen = true;
        }
        match model_out {
            // Fetched content keeps what the call's arguments carried, as before (a parameter
            // that picks the page: its taint decides); otherwise it is the fetched text's own
            // origin.
            Some(origin) if origin.network => match t {
                Some(x) if !x.param.is_empty() => Some(x),
                Some(mut x) => {
                    x.model.get_or_insert(origin);
                    Some(x)
                }
                None => Some(Taint::of_origin(origin)),
            },
            // The response is the model's whole text, whatever went into the prompt.
            Some(origin) => Some(Taint::of_origin(origin)),
            None => t,
        }
    }

    /// Whether `e` is an absolute path: a call `[[absolute_path]]` names (`Path(x).resolve()`,
    /// `os.path.abspath(x)`, `path.resolve(...)`), a join, `str(...)` or `+` whose first part
    /// is one (`ROOT / name`, `os.path.join(ROOT, name)`), text written with a leading root
    /// (`f"/srv/{x}"`), a name assigned one in this body, or a module variable assigned one
    /// once. Such text is never read as an option. Followed without recursion: a chain of
    /// first parts, and each module variable at most once.
    /// `Schema.parse(x)`, `Schema.safeParse(x)` (and their `Async` forms), with `Schema` a
    /// module variable holding a zod `z.object({...})`: the fields whose schema admits no text
    /// (`closed_schema` names: numbers, booleans, enums, literals), and where the parsed
    /// object sits in the result (`""` for `parse`, `".data"` for `safeParse`).
    fn parsed_fields(&self, value: &Expr) -> Option<(Vec<String>, &'static str)> {
        let call = unawait(value);
        let ExprKind::Call(f, args) = &call.kind else {
            return None;
        };
        let ExprKind::Attr(schema, m) = &f.kind else {
            return None;
        };
        let under = match m.as_str() {
            "parse" | "parseAsync" => "",
            "safeParse" | "safeParseAsync" => ".data",
            _ => return None,
        };
        if !matches!(args.as_slice(), [Arg::Pos(_)]) {
            return None;
        }
        let ExprKind::Name(sn) = &schema.kind else {
            return None;
        };
        let module = self.a.ev.funcs.get(&self.func)?.module;
        let def = self.a.module_value(module, sn)?;
        // `z.object({...})`, possibly followed by `.strict()`, `.passthrough()` and the like.
        let mut cur: &Expr = &def;
        let items = loop {
            let ExprKind::Call(g, a) = &cur.kind else {
                return None;
            };
            let ExprKind::Attr(o, name) = &g.kind else {
                return None;
            };
            match name.as_str() {
                "object" | "strictObject" if is_zod(o) => match a.first() {
                    Some(Arg::Pos(Expr {
                        kind: ExprKind::Dict(items),
                        ..
                    })) => break items,
                    _ => return None,
                },
                "strict" | "passthrough" | "strip" | "describe" => cur = o,
                _ => return None,
            }
        };
        let closed = self.a.k.api("mcp_server_js", "closed_schema");
        let fields = items
            .iter()
            .filter_map(|it| match it {
                DictItem::Pair(k, v) => {
                    let k = str_key(k)?;
                    zod_closed(v, closed).then(|| k.to_string())
                }
                DictItem::Splat(_) => None,
            })
            .collect();
        Some((fields, under))
    }

    /// `if not p:` / `if p:` on a parameter `p` of the walked function with a literal
    /// `True`/`False`/`None` default it never reassigns: the parameter, and whether the branch
    /// its default rules out is the body (`true`) or the `else`.
    fn needs_passed_by(&self, test: &Expr) -> Option<(String, bool)> {
        let (n, negated) = match &test.kind {
            ExprKind::Name(n) => (n, false),
            ExprKind::Not(x) => match &x.kind {
                ExprKind::Name(n) => (n, true),
                _ => return None,
            },
            _ => return None,
        };
        let f = self.a.ev.funcs.get(&self.func)?;
        let p = f.def.params.iter().find(|p| p.name == n.as_str())?;
        let truthy = match p.default.as_ref().map(|d| &d.kind) {
            Some(ExprKind::Bool(b)) => *b,
            Some(ExprKind::None) => false,
            _ => return None,
        };
        if self.own_names().1.contains(n.as_str()) {
            return None;
        }
        // `if not p:` with a true default: the body needs p passed; `if p:` with a false one
        // likewise; otherwise the `else` does.
        Some((n.to_string(), truthy == negated))
    }

    /// `BodyFacts::flag_clean` of `r` as this call sees it: returns a parameter's default
    /// rules out are left out when the call does not pass that parameter.
    fn flag_clean_for(
        &self,
        facts: &BodyFacts,
        r: &Resolved,
        args: &[Arg],
    ) -> Option<(usize, Vec<BTreeSet<String>>)> {
        if facts.flag_returns.is_empty()
            || args
                .iter()
                .any(|a| matches!(a, Arg::Star(_) | Arg::DoubleStar(_)))
        {
            return facts.flag_clean.clone();
        }
        let positional = args.iter().filter(|a| matches!(a, Arg::Pos(_))).count();
        let params = &r.func.def.params;
        let omitted: HashSet<&str> = params
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                p.default.is_some()
                    && *i >= r.offset + positional
                    && !args
                        .iter()
                        .any(|a| matches!(a, Arg::Kw(k, _) if *k == p.name))
            })
            .map(|(_, p)| p.name.as_str())
            .collect();
        let live: Vec<Vec<RetElem>> = facts
            .flag_returns
            .iter()
            .filter(|(_, needs)| !needs.iter().any(|n| omitted.contains(n.as_str())))
            .map(|(r, _)| r.clone())
            .collect();
        let all: BTreeSet<String> = self.a.k.sink_kinds.keys().cloned().collect();
        flag_clean(&live, &all)
    }

    fn absolute(&self, e: &Expr, st: &State) -> bool {
        let Some(module) = self.a.ev.funcs.get(&self.func).map(|f| f.module) else {
            return false;
        };
        let mut held: Option<Rc<Expr>> = None;
        let mut followed: HashSet<String> = HashSet::default();
        loop {
            let start = held.as_deref().unwrap_or(e);
            match self.absolute_chain(start, st, held.is_none(), module) {
                Ok(done) => return done,
                Err(name) => {
                    if !followed.insert(name.clone()) {
                        return false;
                    }
                    match self.a.module_value(module, &name) {
                        Some(v) => held = Some(v),
                        None => return false,
                    }
                }
            }
        }
    }

    /// One expression's part of [`Walker::absolute`]: the answer, or the module variable the
    /// chain of first parts ends in (`Err`). `local`: names are this body's first.
    fn absolute_chain(
        &self,
        e: &Expr,
        st: &State,
        local: bool,
        module: usize,
    ) -> Result<bool, String> {
        let rooted = |s: &str| {
            let b = s.as_bytes();
            s.starts_with('/')
                || (b.len() > 2
                    && b[0].is_ascii_alphabetic()
                    && b[1] == b':'
                    && (b[2] == b'\\' || b[2] == b'/'))
        };
        let file = self.a.modules[module].file;
        let mut e = e;
        loop {
            match &e.kind {
                ExprKind::Str(s) => return Ok(rooted(s)),
                ExprKind::FStr(xs) => {
                    return Ok(
                        matches!(xs.first().map(|x| &x.kind), Some(ExprKind::Str(s)) if rooted(s)),
                    )
                }
                // `root / name` (a path join) and `root + "/" + name` (text that starts with
                // the root's).
                ExprKind::BinOp(ops, xs)
                    if ops.first().is_some_and(|o| o == "/" || o == "+") && !xs.is_empty() =>
                {
                    e = &xs[0];
                }
                ExprKind::Await(x) => e = x,
                ExprKind::Name(n) => {
                    if local {
                        if st.absolute.contains(n.as_str()) {
                            return Ok(true);
                        }
                        let (params, assigned) = self.own_names();
                        if st.tainted.contains_key(n.as_str())
                            || params.contains(n.as_str())
                            || assigned.contains(n.as_str())
                        {
                            return Ok(false);
                        }
                    }
                    return Err(n.to_string());
                }
                ExprKind::Call(_, args) => {
                    let Some(callees) = self.a.ev.callee_at.get(&Site { file, span: e.span })
                    else {
                        return Ok(false);
                    };
                    let gives = callees.iter().find_map(|c| {
                        BodyAnalyzer::callee_strings(c)
                            .and_then(|kc| self.a.k.absolute_path_for(kc))
                    });
                    match gives {
                        Some(knowledge::AbsoluteWhen::Always) => return Ok(true),
                        Some(knowledge::AbsoluteWhen::FirstArgument) => match args.first() {
                            Some(Arg::Pos(x)) => e = x,
                            _ => return Ok(false),
                        },
                        None => return Ok(false),
                    }
                }
                _ => return Ok(false),
            }
        }
    }

    /// The walked function's parameters, and the names its body assigns.
    fn own_names(&self) -> &(HashSet<String>, HashSet<String>) {
        self.own_names.get_or_init(|| {
            let mut out = HashSet::default();
            let Some(f) = self.a.ev.funcs.get(&self.func) else {
                return (HashSet::default(), out);
            };
            let params = f.def.params.iter().map(|p| p.name.clone()).collect();
            let mut names = |t: &Target| {
                let mut stack = vec![t];
                while let Some(t) = stack.pop() {
                    match t {
                        Target::Name(n, _) => {
                            out.insert(n.clone());
                        }
                        Target::Tuple(ts) => stack.extend(ts.iter()),
                        Target::Starred(t) => stack.push(t),
                        _ => {}
                    }
                }
            };
            crate::syntax::python::visit_stmts(&f.def.body, &mut |s| match &s.kind {
                StmtKind::Assign { targets, .. } => targets.iter().for_each(&mut names),
                StmtKind::AugAssign { target, .. } | StmtKind::AnnOnly { target, .. } => {
                    names(target)
                }
                StmtKind::For { target, .. } => names(target),
                StmtKind::With { items, .. } => items
                    .iter()
                    .filter_map(|(_, t)| t.as_ref())
                    .for_each(&mut names),
                _ => {}
            });
            (params, out)
        })
    }

    /// The value of a module variable holding a dict (`TABLE`, `_tasks: Dict[str, Task] = {}`),
    /// named by `o` in the walked function's module.
    fn module_dict(&self, o: &Expr) -> Option<&Value> {
        let ExprKind::Name(n) = &o.kind else {
            return None;
        };
        let module = self.a.ev.funcs.get(&self.func).map(|f| f.module)?;
        match self.a.ev.globals.get(module)?.get(n.as_str()) {
            Some(v @ Value::Dict(_)) => Some(v),
            _ => None,
        }
    }

    /// The methods `self.m(...)` may run when the interpreter did not know `self`'s class: the
    /// definitions of `m` in the classes related to the current method's (its bases and
    /// subclasses). Where more than `Bound::Overrides` classes define it, the call is a
    /// template method of a wide hierarchy (`BaseQueryEngine.query` calling `self._query`,
    /// which thirty engines override): binding it to each override would make every caller of
    /// the base method reach what any one subclass does, whatever object it holds. None is
    /// followed then, and the cut is reported.
    fn overrides(&self, call: &Expr, m: &str) -> Vec<FuncVal> {
        let ov = self.a.self_methods(self.func, m);
        if ov.len() > Bound::Overrides.limit() {
            self.a.cut(Bound::Overrides, self.site(call));
            return vec![];
        }
        ov
    }

    /// The project functions a call may run, for following a model's response: the callees the
    /// interpreter resolved, else `self.m(...)` through the class hierarchy, `self.attr(...)` and
    /// `self.attr.m(...)` through what the class assigns to `self.attr`, else `obj.m(...)` by a
    /// distinctive method name (`by_name`).
    fn resolve_unknown(&self, f: &Expr, rec: &CallRecord) -> Vec<Resolved> {
        let local: Vec<Resolved> = rec
            .callees
            .iter()
            .filter_map(|c| match c {
                Callee::Local(g) => Some(Resolved {
                    offset: usize::from(g.bound.is_some()),
                    func: g.clone(),
                    by_name: false,
                }),
                _ => None,
            })
            .collect();
        let is_self = |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if n == "self");
        if !local.is_empty() {
            // A call on `self` may also reach the overrides of the class's subclasses (an
            // abstract method resolved to its own empty body is not the whole answer).
            let mut local = local;
            if let ExprKind::Attr(o, m) = &f.kind {
                if is_self(o) {
                    for g in self.overrides(f, m) {
                        if !local
                            .iter()
                            .any(|r| r.func.module == g.module && r.func.def.span == g.def.span)
                        {
                            local.push(Resolved {
                                func: g,
                                offset: 1,
                                by_name: false,
                            });
                        }
                    }
                }
            }
            return local;
        }
        let ExprKind::Attr(o, m) = &f.kind else {
            return vec![];
        };
        let method = |g: FuncVal| Resolved {
            func: g,
            offset: 1,
            by_name: false,
        };
        if is_self(o) {
            let mut out: Vec<Resolved> = self.overrides(f, m).into_iter().map(method).collect();
            if out.is_empty() {
                // `self._output_processor = output_processor or default_output_processor`
                for v in self.a.attr_values(self.func, m) {
                    if let Value::Func(g) = v {
                        out.push(Resolved {
                            offset: usize::from(g.bound.is_some()),
                            func: g,
                            by_name: false,
                        });
                    }
                }
            }
            return out;
        }
        if let ExprKind::Attr(oo, attr) = &o.kind {
            if is_self(oo) {
                // `self._parser = parser or DefaultParser(...)`, then `self._parser.parse(x)`.
                let out: Vec<Resolved> = self
                    .a
                    .attr_values(self.func, attr)
                    .into_iter()
                    .filter_map(|v| match v {
                        Value::Class(c) => Some(c),
                        _ => None,
                    })
                    .flat_map(|c| {
                        let mut v = self.a.class_methods(&c, m);
                        if v.is_empty() || is_abstract(&v[0].def) {
                            // An abstract field type (`graph: GraphStore`): its subclasses'.
                            let site = Site {
                                file: self.a.modules[c.module].file,
                                span: c.def.span,
                            };
                            v.extend(self.a.subclass_methods(site, m));
                        }
                        v
                    })
                    .map(method)
                    .collect();
                if !out.is_empty() {
                    return out;
                }
            }
        }
        self.a
            .named_methods(m)
            .iter()
            .map(|g| Resolved {
                func: g.clone(),
                offset: 1,
                by_name: true,
            })
            .collect()
    }

    /// Records a model flow unless one with the same origin, sink and first call is there.
    fn push_model_flow(&mut self, flow: ModelFlow) {
        // Fetched content is followed to sinks that evaluate it (`fetched_exec`), not to
        // commands, queries or paths.
        if flow.origin.network
            && !self
                .a
                .k
                .sink_kind(&flow.kind)
                .is_some_and(|k| k.fetched_exec)
        {
            return;
        }
        let same = |f: &ModelFlow| {
            f.origin.source == flow.origin.source
                && f.sink == flow.sink
                && f.chain.first() == flow.chain.first()
        };
        if !self.out.model_flows.iter().any(same) {
            self.out.model_flows.push(flow);
        }
    }

    /// Whether `e` holds a model-chosen value that could be read as an option: a tainted name in
    /// it, not cleaned for `argv_option`. No side effects (the walk proper runs `expr`).
    fn holds_taint(&self, e: &Expr, st: &State) -> bool {
        self.taint_in(e, st).is_some()
    }

    /// The first model-chosen parameter found in `e` (see `holds_taint`): its site.
    /// The taint of the parameter whose site is `param` (by the first of the names holding
    /// it, in name order).
    fn param_taint(&self, param: Site, st: &State) -> Option<Taint> {
        let mut named: Vec<_> = st
            .tainted
            .iter()
            .filter(|(_, x)| x.param_site == param && !x.param.is_empty())
            .collect();
        named.sort_by_key(|(n, _)| n.as_str());
        named.first().map(|(_, x)| (*x).clone())
    }

    fn taint_in(&self, e: &Expr, st: &State) -> Option<Site> {
        let mut stack = vec![e];
        let mut steps = 0;
        while let Some(e) = stack.pop() {
            steps += 1;
            if steps > 1_000 {
                return None;
            }
            if let ExprKind::Name(n) = &e.kind {
                if let Some(t) = st
                    .tainted
                    .get(n.as_str())
                    .filter(|t| !t.clean.contains("argv_option"))
                {
                    return Some(t.param_site);
                }
            }
            crate::extract::langgraph::push_children(e, &mut stack);
        }
        None
    }

    /// Adds one element to an argument list.
    fn argv_push(&self, sh: &mut Argv, e: &Expr, st: &State) {
        // An element taken from a list whose shape is known (`head = command[0]`) stands where
        // that list's elements would (its shape read once).
        if matches!(&e.kind, ExprKind::Name(_) | ExprKind::Subscript(..))
            && self.taint_in(e, st).is_some()
        {
            if let Some(inner) = self.argv_shape(e, st) {
                return sh.join(inner);
            }
        }
        match &e.kind {
            ExprKind::Starred(x) => return self.argv_extend(sh, x, st),
            ExprKind::Str(s) if sh.started && s == "--" => sh.dd = true,
            _ => {}
        }
        let tainted = self.taint_in(e, st);
        // A name holding text that starts with the code's own literal (`script = f"set x to
        // {path}"`) cannot start with `-` either.
        let led_by_name = matches!(&e.kind, ExprKind::Name(n)
            if st.lead.get(n.as_str()).is_some_and(|l| !l.is_empty() && !l.starts_with('-')))
            || (tainted.is_some() && self.absolute(e, st));
        if !sh.started {
            sh.started = true;
            sh.program |= tainted.is_some();
            if let ExprKind::Str(p) = &e.kind {
                let base = program_base(p);
                sh.switches = self
                    .a
                    .k
                    .program_switches
                    .iter()
                    .position(|w| w.program == base)
                    .and_then(|i| u16::try_from(i).ok());
            }
        } else if tainted.is_some() && !sh.dd && !sh.value_next && !literal_led(e) && !led_by_name {
            sh.option = true;
            if let Some(c) = tainted {
                sh.culprits.add(c, sh.last_flag);
            }
        }
        // After a short option (`-l`) the next element may be its value or an operand: the
        // finding says so. After a long one it is the value (`value_next`), or, after a switch,
        // an operand for certain.
        sh.last_flag = match &e.kind {
            ExprKind::Str(s) if s.starts_with('-') && !s.starts_with("--") && !s.contains('=') => {
                Some(self.site(e))
            }
            _ => None,
        };
        sh.value_next = matches!(&e.kind, ExprKind::Str(s) if self.takes_value(s, sh.switches));
    }

    /// Whether a literal element is a long option that takes a value (`--path`, `--inline`):
    /// one not in `switch_options`, nor among the switches of the list's program, and not a
    /// `--no-...` negation.
    fn takes_value(&self, s: &str, program: Option<u16>) -> bool {
        s.len() > 2
            && s.starts_with("--")
            && !s.contains('=')
            && !s.starts_with("--no-")
            && s[2..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !self.a.k.switch_options.contains(s)
            && !program
                .and_then(|i| self.a.k.program_switches.get(usize::from(i)))
                .is_some_and(|w| w.switches.iter().any(|x| x == s))
    }

    /// Adds every element of a sequence to an argument list.
    fn argv_extend(&self, sh: &mut Argv, e: &Expr, st: &State) {
        if let Some(inner) = self.argv_shape(e, st) {
            sh.join(inner);
        } else if self.holds_taint(e, st) {
            // A parameter's list after the program: the caller decides.
            // (The parameter itself: `parts = selection.split()` is a sequence the model's
            // text chose, not a list the caller built.)
            if let ExprKind::Name(n) = &e.kind {
                let own = st.tainted.get(n.as_str()).is_some_and(|t| t.param == *n);
                if sh.started && !sh.dd && own && is_direct(e, st) {
                    sh.deferred = true;
                    sh.deferred_by = sh
                        .deferred_by
                        .or(st.tainted.get(n.as_str()).map(|t| t.param_site));
                    return;
                }
            }
            // A model-chosen sequence: its first element may be anywhere.
            if !sh.started {
                sh.started = true;
                sh.program = true;
            } else if !sh.dd {
                sh.option = true;
                // A sequence's later elements follow no option.
                if let Some(c) = self.taint_in(e, st) {
                    sh.culprits.add(c, None);
                }
            }
            sh.last_flag = None;
            sh.value_next = false;
        } else {
            sh.started = true;
            sh.last_flag = None;
            sh.value_next = false;
        }
    }

    /// The shape of an argument-list expression, when the body built it: a list or tuple
    /// display, `+` of lists, a name bound to one, `.copy()`/`list(...)` of one, or
    /// `shlex.split` of text that starts with a literal program name.
    fn argv_shape(&self, e: &Expr, st: &State) -> Option<Argv> {
        match &e.kind {
            ExprKind::List(xs) | ExprKind::Tuple(xs) => {
                let mut sh = Argv::default();
                for x in xs {
                    self.argv_push(&mut sh, x, st);
                }
                Some(sh)
            }
            ExprKind::BinOp(ops, xs) if ops.iter().all(|o| o == "+") => {
                let (first, rest) = xs.split_first()?;
                let mut sh = self.argv_shape(first, st)?;
                for x in rest {
                    self.argv_extend(&mut sh, x, st);
                }
                Some(sh)
            }
            ExprKind::Name(n) => st.argv.get(n.as_str()).copied(),
            // A part of a list (`command[0]`, `command[1:]`) has that list's shape, as a
            // whole: what the list's elements may be, any of them may be. A position or a slice
            // of a list parameter is part of the caller's list, which the caller settles (a
            // key, `arguments["cmd"]`, is a field, not a part).
            ExprKind::Subscript(x, i) => self.argv_shape(x, st).or_else(|| {
                let ExprKind::Name(n) = &x.kind else {
                    return None;
                };
                let positional = matches!(&i.kind, ExprKind::Num(_) | ExprKind::Unknown);
                let t = st
                    .tainted
                    .get(n.as_str())
                    .filter(|t| t.direct && positional)?;
                Some(Argv {
                    started: true,
                    deferred: true,
                    deferred_by: Some(t.param_site),
                    ..Argv::default()
                })
            }),
            // `rest if len(cmd) > 1 else []`: the other branch's shape, where one is an empty
            // list (it adds nothing). Only one branch is read, so nested conditionals cost no
            // more than their depth.
            ExprKind::IfExp(_, a, b) => {
                let empty = |x: &Expr| matches!(&x.kind, ExprKind::List(v) if v.is_empty());
                match (empty(a), empty(b)) {
                    (false, true) => self.argv_shape(a, st),
                    (true, false) => self.argv_shape(b, st),
                    _ => None,
                }
            }
            ExprKind::Call(f, args) => {
                if let (ExprKind::Attr(o, m), true) = (&f.kind, args.is_empty()) {
                    if m == "copy" {
                        return self.argv_shape(o, st);
                    }
                }
                if let Some(sh) = self.returned_argv(e, args, st) {
                    return Some(sh);
                }
                let one = match args.as_slice() {
                    [Arg::Pos(x)] => x,
                    _ => return None,
                };
                let callees = self.a.ev.callee_at.get(&self.site(e))?;
                let named = |q: &str| {
                    callees
                        .iter()
                        .any(|c| matches!(c, Callee::Qualified(x) if &**x == q))
                };
                if named("list")
                    || named("builtins.list")
                    || matches!(&f.kind, ExprKind::Name(n) if n == "list")
                {
                    return self.argv_shape(one, st);
                }
                if !named("shlex.split") {
                    return None;
                }
                // `shlex.split(f"kubectl get {x}")`: the program is the literal's first word.
                let lead = match &one.kind {
                    ExprKind::Name(n) => st.lead.get(n.as_str())?.trim_start().to_string(),
                    ExprKind::Str(_) => {
                        return Some(Argv {
                            started: true,
                            ..Argv::default()
                        })
                    }
                    ExprKind::FStr(parts) | ExprKind::BinOp(_, parts) => match parts.first() {
                        Some(Expr {
                            kind: ExprKind::Str(s),
                            ..
                        }) => s.trim_start().to_string(),
                        _ => return None,
                    },
                    _ => return None,
                };
                let program_fixed = lead
                    .split_once(char::is_whitespace)
                    .is_some_and(|(w, _)| !w.is_empty());
                if !program_fixed {
                    return None;
                }
                let dd = lead.split_whitespace().skip(1).any(|w| w == "--");
                Some(Argv {
                    started: true,
                    program: false,
                    option: !dd && self.holds_taint(one, st),
                    dd,
                    deferred: false,
                    culprits: Culprits::default(),
                    last_flag: None,
                    value_next: false,
                    switches: None,
                    deferred_by: None,
                })
            }
            _ => None,
        }
    }

    /// The argument list a project helper returns (`BodyFacts::returns_argv`), read for this
    /// call: its program is the helper's literal, and an element the helper reads as an option
    /// is one here where this call passes a tainted argument for its parameter. A helper whose
    /// list may start with a parameter, or spreads a list parameter (`deferred`), is not read.
    fn returned_argv(&self, call: &Expr, args: &[Arg], st: &State) -> Option<Argv> {
        let callees = self.a.ev.callee_at.get(&self.site(call))?;
        let [Callee::Local(g)] = callees.as_slice() else {
            return None;
        };
        // Positions past a spread (`*rest`, `**options`) are not known.
        if args
            .iter()
            .any(|a| matches!(a, Arg::Star(_) | Arg::DoubleStar(_)))
        {
            return None;
        }
        let facts = self.a.facts_at(g, self.depth + 1);
        let inner = facts.returns_argv?;
        if !inner.started || inner.program || inner.deferred {
            return None;
        }
        let offset = usize::from(g.bound.is_some());
        let file = self.a.modules[g.module].file;
        let mut sh = Argv {
            started: true,
            dd: inner.dd,
            switches: inner.switches,
            // An element chosen by something other than a parameter (a model's response).
            option: inner.option && inner.culprits.iter().next().is_none(),
            ..Argv::default()
        };
        for (p, flag) in inner.culprits.iter() {
            let Some((pidx, param)) = g
                .def
                .params
                .iter()
                .enumerate()
                .find(|(_, q)| p.file == file && q.span == p.span)
            else {
                continue;
            };
            let passed = pidx
                .checked_sub(offset)
                .and_then(|i| args.get(i))
                .and_then(|a| match a {
                    Arg::Pos(x) => Some(x),
                    _ => None,
                })
                .or_else(|| {
                    args.iter().find_map(|a| match a {
                        Arg::Kw(n, x) if *n == param.name => Some(x),
                        _ => None,
                    })
                });
            if let Some(c) = passed.and_then(|x| self.taint_in(x, st)) {
                sh.option = true;
                sh.culprits.add(c, flag);
            }
        }
        Some(sh)
    }

    /// The shape of an `argv = true` sink's argument list, and whether it is a name holding a
    /// parameter's whole value (then a caller decides).
    fn sink_argv(
        &self,
        entry: &knowledge::SinkEntry,
        args: &[Arg],
        st: &State,
    ) -> (Option<Argv>, bool) {
        if entry.args.is_empty() {
            // `create_subprocess_exec(*cmd)` with `cmd` a parameter's whole list of unknown
            // shape: the caller's list decides, as for `subprocess.run(cmd)`.
            let listed: Vec<&Arg> = args
                .iter()
                .filter(|a| matches!(a, Arg::Pos(_) | Arg::Star(_)))
                .collect();
            if let [Arg::Star(x)] = listed.as_slice() {
                if matches!(x.kind, ExprKind::Name(_))
                    && self.argv_shape(x, st).is_none()
                    && is_direct(x, st)
                {
                    return (None, true);
                }
            }
            // `create_subprocess_exec("git", "log", x)`: the arguments are the list.
            let mut sh = Argv::default();
            for a in args {
                match a {
                    Arg::Pos(x) => self.argv_push(&mut sh, x, st),
                    Arg::Star(x) => self.argv_extend(&mut sh, x, st),
                    _ => {}
                }
            }
            return (Some(sh), false);
        }
        if let Some(p) = entry.argv_program {
            // `execFileSync(program, args)`: the program, then its list.
            let pos: Vec<&Expr> = positional(args).collect();
            let list = entry.args.first().and_then(|i| pos.get(*i));
            let (Some(program), Some(list)) = (pos.get(p), list) else {
                return (None, false);
            };
            let mut sh = Argv::default();
            self.argv_push(&mut sh, program, st);
            self.argv_extend(&mut sh, list, st);
            return (Some(sh), false);
        }
        let at = entry.args.first().and_then(|i| positional(args).nth(*i));
        let by_kw = || {
            args.iter().find_map(|a| match a {
                Arg::Kw(n, x) if entry.kwargs.contains(n) => Some(x),
                _ => None,
            })
        };
        let Some(x) = at.or_else(by_kw) else {
            return (None, false);
        };
        match self.argv_shape(x, st) {
            Some(sh) => (Some(sh), false),
            None => (None, is_direct(x, st)),
        }
    }

    /// For `x.append(v)` / `.extend` / `.insert` / `.add` / `.update` on a name: the name, after
    /// growing its argument-list shape when it has one.
    fn grow_collection(&mut self, e: &Expr, st: &mut State) -> Option<String> {
        let ExprKind::Call(f, args) = &e.kind else {
            return None;
        };
        let ExprKind::Attr(o, m) = &f.kind else {
            return None;
        };
        let ExprKind::Name(n) = &o.kind else {
            return None;
        };
        if !matches!(
            m.as_str(),
            "append" | "extend" | "insert" | "add" | "update" | "appendleft"
        ) {
            return None;
        }
        // A list parameter the body grows (`command.extend(["--select", sel])`): the caller's
        // elements come first, so what the body adds follows the program at least.
        let grown_param = st
            .tainted
            .get(n.as_str())
            .filter(|t| t.direct && matches!(m.as_str(), "append" | "extend"))
            .map(|t| t.param_site);
        let shape = st.argv.get(n.as_str()).copied().or_else(|| {
            grown_param.map(|p| Argv {
                started: true,
                deferred: true,
                deferred_by: Some(p),
                ..Argv::default()
            })
        });
        if let Some(mut sh) = shape {
            match (m.as_str(), args.as_slice()) {
                ("append", [Arg::Pos(x)]) => self.argv_push(&mut sh, x, st),
                ("extend", [Arg::Pos(x)]) => self.argv_extend(&mut sh, x, st),
                ("insert", [Arg::Pos(i), Arg::Pos(x)]) => {
                    if matches!(&i.kind, ExprKind::Num(z) if z == "0") {
                        sh.program |= self.holds_taint(x, st);
                    } else {
                        self.argv_push(&mut sh, x, st);
                    }
                }
                _ => {}
            }
            st.argv.insert(n.to_string(), sh);
        }
        Some(n.to_string())
    }

    /// The taint of the model's text in a file an argument list hands to an interpreter: the
    /// list's first element is one (`sys.executable`, or a literal program `stdin_interpreters`
    /// names) and a later element names a file the body wrote that text to (`State::scripts`).
    fn script_run(&self, argv: Option<&Expr>, st: &State) -> Option<Taint> {
        let (ExprKind::List(xs) | ExprKind::Tuple(xs)) = &argv?.kind else {
            return None;
        };
        let (program, rest) = xs.split_first()?;
        let interpreter = match &program.kind {
            ExprKind::Attr(o, a) => {
                a == "executable" && matches!(&o.kind, ExprKind::Name(n) if n == "sys")
            }
            ExprKind::Str(p) => self.a.is_interpreter(p),
            _ => false,
        };
        if !interpreter {
            return None;
        }
        rest.iter().find_map(|x| match &x.kind {
            ExprKind::Name(n) => st.scripts.get(n.as_str()).cloned(),
            _ => None,
        })
    }

    /// Records an injection hit unless an equal one (same parameter, kind, sink, place it is
    /// reported at, directness and call in this body) is already there: the first one walked
    /// is kept. Without this a function's hits multiplied by its callees' at every call
    /// (mutual recursion: K^depth); with it they are at most parameters x places (sinks, and
    /// calls into helpers that run their parameter) x calls of this body.
    fn push_injection(&mut self, hit: InjectionHit) {
        let key = (
            hit.param.clone(),
            hit.kind.clone(),
            hit.sink,
            hit.built_at,
            hit.direct,
            hit.chain.first().copied(),
        );
        if self.injection_keys.insert(key) {
            self.out.injections.push(hit);
        }
    }

    /// Whether callee `f` is `param.method` where the walked function's parameter `param` is
    /// annotated with a class outside the project whose `method` is a pause (`[[gate]]` of kind
    /// `interrupt`).
    fn annotated_pause(&self, f: &Expr) -> bool {
        let ExprKind::Attr(o, m) = &f.kind else {
            return false;
        };
        let ExprKind::Name(n) = &o.kind else {
            return false;
        };
        let Some(func) = self.a.ev.funcs.get(&self.func) else {
            return false;
        };
        let Some(ann) = func
            .def
            .params
            .iter()
            .find(|p| &p.name == n)
            .and_then(|p| p.annotation.as_ref())
        else {
            return false;
        };
        let globals = self.a.ev.globals.get(func.module);
        let class: Option<String> = match &ann.kind {
            ExprKind::Name(a) => match globals.and_then(|g| g.get(a.as_str())) {
                Some(Value::Ext(q)) => Some(q.to_string()),
                _ => None,
            },
            ExprKind::Attr(b, a) => match &b.kind {
                ExprKind::Name(bn) => match globals.and_then(|g| g.get(bn.as_str())) {
                    Some(Value::Ext(q)) => Some(format!("{q}.{a}")),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        class.is_some_and(|c| {
            self.a
                .k
                .gate_for(crate::knowledge::Callee::Qualified(&format!("{c}.{m}")))
                .is_some_and(|g| g.kind == "interrupt")
        })
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

/// Where a body cleans up after a failure: the statements of its error handlers (`except:`,
/// JavaScript's `catch (e) {...}`) and the calls whose failure it ignores
/// (`fs.unlink(tmp).catch(() => {})`). A deletion made there removes what the function itself
/// was making when something went wrong, not what the tool is for.
fn cleanup_spans_in(body: &[Stmt]) -> Vec<crate::model::Span> {
    let mut out = vec![];
    crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
        if let StmtKind::Try { handlers, .. } = &st.kind {
            for h in handlers {
                if let (Some(first), Some(last)) = (h.first(), h.last()) {
                    out.push(crate::model::Span {
                        start: first.span.start,
                        end: last.span.end,
                    });
                }
            }
        }
    });
    crate::syntax::python::visit_exprs(body, &mut |e: &Expr| {
        if let ExprKind::Call(f, _) = &e.kind {
            if let ExprKind::Attr(inner, m) = &f.kind {
                if m == "catch" && matches!(inner.kind, ExprKind::Call(..)) {
                    out.push(inner.span);
                }
            }
        }
    });
    out
}

/// Drops the deletions a body makes while cleaning up (`cleanup_spans_in`): by the call in the
/// body each hit starts from.
fn drop_cleanup(caps: &mut Caps, file: crate::model::FileId, cleanup: &[crate::model::Span]) {
    if cleanup.is_empty() {
        return;
    }
    caps.sinks.retain(|h| {
        let at = h.chain.first().unwrap_or(&h.site);
        h.kind != "file_delete"
            || at.file != file
            || !cleanup
                .iter()
                .any(|s| s.start <= at.span.start && at.span.end <= s.end)
    });
}

/// What a built argument list makes of a model-chosen value: the sink kind and what a caller
/// still decides, or `None` when the model chooses neither the program nor an option.
fn settle(sh: Argv) -> Option<(&'static str, ArgvRole)> {
    if sh.program {
        Some(("shell_exec", ArgvRole::Settled))
    } else if sh.option {
        Some(("argv_option", ArgvRole::Settled))
    } else if sh.deferred {
        Some(("argv_option", ArgvRole::Tail))
    } else {
        None
    }
}

/// Whether `e` writes a command's or query's text here: an f-string, template or `+`/`%`
/// with a literal part, `"...".format(...)`, or a name assigned text that starts with a
/// literal (`sql = "SELECT ... " + name`).
fn writes_text(e: &Expr, st: &State) -> bool {
    match &e.kind {
        ExprKind::FStr(xs) | ExprKind::BinOp(_, xs) => xs
            .iter()
            .any(|x| matches!(&x.kind, ExprKind::Str(s) if !s.is_empty())),
        ExprKind::Call(f, _) => matches!(&f.kind, ExprKind::Attr(o, m)
            if m == "format" && matches!(o.kind, ExprKind::Str(_))),
        ExprKind::Name(n) => st.lead.contains_key(n.as_str()),
        _ => false,
    }
}

/// The literal text a query or command starts with: written here (`f"EXPLAIN {q}"`), or held by
/// a name assigned such a text (`State::lead`).
fn text_lead(e: &Expr, st: &State) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => st.lead.get(n.as_str()).cloned(),
        _ => leading_literal(e),
    }
}

/// Whether text built from pieces names a fixed server when used as a URL, read piece by piece
/// up to the first one the model controls: the text before it holds a scheme and host up to a
/// `/` (`"https://api.example.com/" + x`, also `f"https://{self.tenant}.example.com/{x}"`), or
/// is a relative reference (`"/v1/" + x`, `"items/" + x` against a client's `base_url`), or the
/// text starts with a value the model does not control (`f"{self.base_url}/{x}"`). The model
/// then picks at most a path or query on that server: not a request forgery
/// (`http_request_tainted_url`). Text that stops inside the host (`"https://" + x`,
/// `"https://api.example.com" + x`, where `x = "@evil.test/"` moves the host) does not fix it.
#[derive(Default)]
struct ServerScan {
    /// The literal text so far (a value the model does not control, inside it, as `x`).
    text: String,
    decided: Option<bool>,
}

impl ServerScan {
    fn piece(&mut self, i: usize, x: &Expr, t: Option<&Taint>, st: &State) {
        if self.decided.is_some() {
            return;
        }
        let model = t.is_some_and(|t| !t.clean.contains(SSRF));
        match &x.kind {
            ExprKind::Str(s) => self.text.push_str(s),
            _ if !model => {
                if i == 0 {
                    self.decided = Some(true);
                } else {
                    self.text.push('x');
                }
            }
            // A name holding text that starts with a literal (`State::lead`).
            ExprKind::Name(n) if i == 0 && st.lead.contains_key(n.as_str()) => {
                self.decided = Some(literal_fixes_server(&st.lead[n.as_str()]));
            }
            _ => self.decided = Some(i > 0 && literal_fixes_server(&self.text)),
        }
    }

    fn fixed(&self) -> bool {
        self.decided.unwrap_or(true)
    }
}

/// Whether URL text starting with `s` has its scheme and host settled (see [`ServerScan`]).
fn literal_fixes_server(s: &str) -> bool {
    match s.find("://") {
        Some(i) => s[i + 3..].find('/').is_some_and(|j| j > 0),
        // A relative reference, resolved against a fixed base. Not `"//" + x`
        // (scheme-relative), nor text that may still become a scheme (`"https:" + x`).
        None => {
            !s.is_empty()
                && !s.starts_with("//")
                && (s.starts_with(['?', '#']) || s.find('/').is_some_and(|j| !s[..j].contains(':')))
        }
    }
}

/// `fixes_server` held: the value is clean for `http_request_tainted_url`.
fn mark_server_fixed(acc: &mut Option<Taint>) {
    if let Some(t) = acc.as_mut() {
        t.clean.insert(SSRF.to_string());
    }
}

const SSRF: &str = "http_request_tainted_url";

/// A query's words, lowercased, without quotes around names (`DELETE FROM "t"` → `delete`,
/// `from`, `t`).
fn sql_words(q: &str) -> Vec<String> {
    q.split(|c: char| c.is_whitespace() || c == '(' || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c| matches!(c, '"' | '`' | '[' | ']'))
                .to_ascii_lowercase()
        })
        .collect()
}

/// The loop variables of `body` that run over a literal tuple or list of texts
/// (`for suffix in ("-wal", "-shm"):`), with those texts.
fn literal_loops(body: &[Stmt]) -> HashMap<&str, Vec<&str>> {
    let mut loops = HashMap::default();
    crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
        let StmtKind::For {
            target: Target::Name(n, _),
            iter,
            ..
        } = &st.kind
        else {
            return;
        };
        if let ExprKind::Tuple(xs) | ExprKind::List(xs) = &iter.kind {
            let texts: Vec<&str> = xs
                .iter()
                .filter_map(|x| match &x.kind {
                    ExprKind::Str(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            if !texts.is_empty() && texts.len() == xs.len() {
                loops.insert(n.as_str(), texts);
            }
        }
    });
    loops
}

/// The texts `e` can be: a literal, or an f-string of literals and one loop variable over
/// literals (`loops`), once per value of it.
fn literal_texts(e: &Expr, loops: &HashMap<&str, Vec<&str>>) -> Vec<String> {
    match &e.kind {
        ExprKind::Str(t) => vec![t.clone()],
        ExprKind::FStr(parts) => {
            // Implicit concatenation nests f-strings (`f"...{t} " "(...)"`): flatten, in order.
            let mut xs: Vec<&Expr> = vec![];
            let mut stack: Vec<&Expr> = parts.iter().rev().collect();
            while let Some(x) = stack.pop() {
                match &x.kind {
                    ExprKind::FStr(inner) => stack.extend(inner.iter().rev()),
                    _ => xs.push(x),
                }
            }
            let vars: BTreeSet<&str> = xs
                .iter()
                .filter_map(|x| match &x.kind {
                    ExprKind::Name(n) => Some(n.as_str()),
                    _ => None,
                })
                .collect();
            let literal = |x: &Expr| {
                matches!(&x.kind, ExprKind::Str(_))
                    || matches!(&x.kind, ExprKind::Name(n) if loops.contains_key(n.as_str()))
            };
            let vars: Vec<&str> = vars.into_iter().collect();
            let ([var], true) = (vars.as_slice(), xs.iter().all(|x| literal(x))) else {
                return vec![];
            };
            loops[var]
                .iter()
                .map(|v| {
                    xs.iter()
                        .map(|x| match &x.kind {
                            ExprKind::Str(t) => t.as_str(),
                            _ => v,
                        })
                        .collect()
                })
                .collect()
        }
        _ => vec![],
    }
}

/// The table a `DELETE FROM t`, `DROP TABLE [IF EXISTS] t`, `TRUNCATE [TABLE] t`,
/// `INSERT [OR ...] INTO t`, `REPLACE INTO t` or `UPDATE t` acts on.
fn sql_target_table(w: &[String]) -> Option<&str> {
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w.as_slice() {
        ["delete", "from", t, ..] | ["truncate", "table", t, ..] => Some(t),
        ["insert", "into", t, ..] | ["insert", "or", _, "into", t, ..] => Some(t),
        ["replace", "into", t, ..] | ["update", t, ..] => Some(t),
        ["drop", "table", "if", "exists", t, ..] | ["drop", "table", t, ..] => Some(t),
        ["truncate", t, ..] => Some(t),
        _ => None,
    }
}

/// The table a `CREATE TEMP[ORARY] TABLE [IF NOT EXISTS] t` makes.
fn created_temp_table(w: &[String]) -> Option<&str> {
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w.as_slice() {
        ["create", "temp" | "temporary", "table", "if", "not", "exists", t, ..]
        | ["create", "temp" | "temporary", "table", t, ..] => Some(t),
        _ => None,
    }
}

/// The parameter of `def` that leads every text it returns (`BodyAnalyzer::server_param`).
fn leading_param(def: &FuncDef) -> Option<String> {
    use crate::syntax::python::visit_stmts;
    let params: HashSet<&str> = def
        .params
        .iter()
        .filter(|p| p.kind == ParamKind::Normal)
        .map(|p| p.name.as_str())
        .collect();
    // The parameter a built text starts with (`p + x`, `f"{p}/x"`).
    let led_by = |e: &Expr| -> Option<String> {
        let first = match &e.kind {
            ExprKind::BinOp(ops, xs) if !ops.is_empty() && ops.iter().all(|o| o == "+") => {
                xs.first()
            }
            ExprKind::FStr(xs) => xs.first(),
            _ => None,
        }?;
        match &first.kind {
            ExprKind::Name(n) if params.contains(n.as_str()) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut returns: Vec<&Expr> = vec![];
    let mut assigned: HashMap<&str, Vec<&Expr>> = HashMap::default();
    let mut other_writes: HashSet<&str> = HashSet::default();
    visit_stmts(&def.body, &mut |st| match &st.kind {
        StmtKind::Return(Some(e)) => returns.push(e),
        StmtKind::Return(None) => {
            other_writes.insert("<return>");
        }
        StmtKind::Assign { targets, value, .. } => {
            for t in targets {
                match t {
                    Target::Name(n, _) => assigned.entry(n.as_str()).or_default().push(value),
                    Target::Tuple(_) | Target::Starred(_) => other_writes.extend(target_names(t)),
                    _ => {}
                }
            }
        }
        StmtKind::AugAssign {
            target: Target::Name(n, _),
            op,
            ..
        } if op != "+=" => {
            other_writes.insert(n.as_str());
        }
        StmtKind::For { target, .. } => other_writes.extend(target_names(target)),
        _ => {}
    });
    if returns.is_empty() || other_writes.contains("<return>") {
        return None;
    }
    let mut lead: Option<String> = None;
    for r in returns {
        let p = match &r.kind {
            ExprKind::Name(n)
                if !params.contains(n.as_str()) && !other_writes.contains(n.as_str()) =>
            {
                match assigned.get(n.as_str()).map(|v| v.as_slice()) {
                    Some([one]) => led_by(one),
                    _ => None,
                }
            }
            _ => led_by(r),
        }?;
        // Parameters reassigned in the body no longer hold what the caller passed.
        if assigned.contains_key(p.as_str()) || other_writes.contains(p.as_str()) {
            return None;
        }
        match &lead {
            Some(l) if *l != p => return None,
            _ => lead = Some(p),
        }
    }
    lead
}

/// The sink kind of opening a file to read it.
const FILE_READ: &str = "file_read_path";

/// Whether a path expression ends in a literal file name: a join (`os.path.join` and Node's
/// `path.join`/`path.resolve` with two arguments or more, `Path.joinpath`) or a `/` whose
/// last piece is one name, without a separator, `..`, or a glob character (`"*.md"` names many
/// files).
fn ends_in_fixed_file_name(e: &Expr) -> bool {
    let file_name = |x: &Expr| {
        matches!(&x.kind, ExprKind::Str(s)
            if !s.is_empty()
                && s != "."
                && !s.contains("..")
                && !s.contains(['/', '\\', '*', '?', '[', '{']))
    };
    match &e.kind {
        ExprKind::BinOp(ops, xs) => {
            ops.last().is_some_and(|o| o == "/") && xs.last().is_some_and(file_name)
        }
        ExprKind::Call(f, args) => {
            let positional: Vec<&Expr> = positional(args).collect();
            // `Path(d).joinpath("x")` joins onto its receiver; `",".join(xs)` is no path.
            let least = match &f.kind {
                ExprKind::Attr(_, m) if m == "joinpath" => 1,
                ExprKind::Attr(_, m) if m == "join" || m == "resolve" => 2,
                _ => return false,
            };
            positional.len() >= least
                && positional.len() == args.len()
                && positional.last().is_some_and(|x| file_name(x))
        }
        _ => false,
    }
}

/// The literal text a string expression starts with (`f"kubectl {x}"`, `"git " + x`).
fn leading_literal(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::FStr(xs) | ExprKind::BinOp(_, xs) => match xs.first().map(|x| &x.kind) {
            Some(ExprKind::Str(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// `p.is_absolute()`, `os.path.isabs(p)`, `path.isAbsolute(p)` (or `not` one): the path's
/// name, and whether the test holds when it is absolute.
fn absolute_test(test: &Expr) -> Option<(String, bool)> {
    let mut holds = true;
    let mut x = test;
    while let ExprKind::Not(inner) = &x.kind {
        holds = !holds;
        x = inner;
    }
    let ExprKind::Call(f, args) = &x.kind else {
        return None;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    let name = match (m.as_str(), args.as_slice()) {
        ("is_absolute", []) => o,
        ("isabs" | "isAbsolute", [Arg::Pos(p)]) => p,
        _ => return None,
    };
    match &name.kind {
        ExprKind::Name(n) => Some((n.to_string(), holds)),
        _ => None,
    }
}

/// `not x.startswith("lit")` or `not x.strip().startswith("lit")`: the name and the literal.
fn negated_startswith(test: &Expr) -> Option<(String, String)> {
    let ExprKind::Not(inner) = &test.kind else {
        return None;
    };
    let ExprKind::Call(f, args) = &inner.kind else {
        return None;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    let lit = match args.as_slice() {
        [Arg::Pos(Expr {
            kind: ExprKind::Str(s),
            ..
        })] if m == "startswith" && !s.is_empty() => s.clone(),
        _ => return None,
    };
    let name = match &o.kind {
        ExprKind::Name(n) => n,
        ExprKind::Call(g, a) if a.is_empty() => match &g.kind {
            ExprKind::Attr(x, sm) if matches!(sm.as_str(), "strip" | "lstrip") => match &x.kind {
                ExprKind::Name(n) => n,
                _ => return None,
            },
            _ => return None,
        },
        _ => return None,
    };
    Some((name.to_string(), lit))
}

/// Whether a call passes a truthy (or computed) `shell` keyword.
fn shell_requested(rec: &CallRecord) -> bool {
    rec.kwargs
        .iter()
        .any(|(k, v)| k == "shell" && !matches!(v, Value::Bool(false) | Value::None))
}

/// The taint a call passes for a callee's parameter `name` at index `pidx` (after `offset`
/// bound ones): its positional argument, else the keyword of its name, else what a `**mapping`
/// spread into the call holds (`f(**args)`, `f(**{"limit": 25, **args})`: any key may name the
/// parameter); none when the callee has no such parameter.
fn taint_passed(
    pidx: Option<usize>,
    offset: usize,
    name: &str,
    pos: &[(Option<Taint>, &Expr)],
    kw: &[(&str, Option<Taint>, &Expr)],
) -> Option<Taint> {
    pidx.and_then(|pi| {
        let at = pi.checked_sub(offset).and_then(|i| pos.get(i));
        let named = kw.iter().find(|(n, _, _)| *n == name);
        match (at, named) {
            (Some((t, _)), _) => t.clone(),
            (None, Some((_, t, _))) => t.clone(),
            (None, None) => kw
                .iter()
                .filter(|(n, _, _)| *n == "**")
                .fold(None, |acc, (_, t, _)| join(acc, t.clone())),
        }
    })
}

/// The expression a call passes for a callee's parameter `name` at index `pidx` (after `offset`
/// bound ones): its positional argument, else the keyword of its name.
fn arg_passed<'e>(
    pidx: Option<usize>,
    offset: usize,
    name: &str,
    pos: &[(Option<Taint>, &'e Expr)],
    kw: &[(&str, Option<Taint>, &'e Expr)],
) -> Option<&'e Expr> {
    pidx.and_then(|pi| pi.checked_sub(offset))
        .and_then(|i| pos.get(i))
        .map(|(_, e)| *e)
        .or_else(|| kw.iter().find(|(n, _, _)| *n == name).map(|(_, _, e)| *e))
}

/// An element whose text the code starts itself (`f"--name={x}"`, `"ref=" + x`): the model's
/// part cannot make it an option. A leading literal of dashes alone (`f"--{flag}"`) does not count.
fn literal_led(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::FStr(xs) | ExprKind::BinOp(_, xs) => matches!(
            xs.first().map(|x| &x.kind),
            Some(ExprKind::Str(s)) if !s.is_empty() && !s.chars().all(|c| c == '-')
        ),
        _ => false,
    }
}

/// The operands of a test that is an `or` (`a or b or c`), or the test itself.
fn or_operands(test: &Expr) -> Vec<&Expr> {
    match &test.kind {
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "or") => xs.iter().collect(),
        _ => vec![test],
    }
}

/// The argument list whose first element (the program) a test refuses unless an allow-list
/// holds it: `argv[0] not in SAFE` and `!SAFE.includes(argv[0])` / `!SAFE.has(argv[0])`.
fn allow_listed_program(test: &Expr) -> Option<String> {
    let first_of = |e: &Expr| match &e.kind {
        ExprKind::Subscript(o, i) => match (&o.kind, &i.kind) {
            (ExprKind::Name(n), ExprKind::Num(z)) if z == "0" => Some(n.to_string()),
            _ => None,
        },
        _ => None,
    };
    match &test.kind {
        ExprKind::Compare(xs, ops)
            if xs.len() == 2 && (ops == &["not in"] || ops == &["not", "in"]) =>
        {
            first_of(&xs[0])
        }
        ExprKind::Not(inner) => match &inner.kind {
            ExprKind::Call(f, args) if args.len() == 1 => match (&f.kind, &args[0]) {
                (ExprKind::Attr(_, m), Arg::Pos(x)) if matches!(m.as_str(), "includes" | "has") => {
                    first_of(x)
                }
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// `if x.startswith("-"): raise` (alone or in an `or`): the name whose leading dash is rejected.
fn rejects_leading_dash(test: &Expr) -> Option<String> {
    match &test.kind {
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "or") => {
            xs.iter().find_map(rejects_leading_dash)
        }
        // `if (target && (... || target.startsWith("-"))) throw`: a missing value is no option.
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "and") => {
            let n = xs.iter().find_map(rejects_leading_dash)?;
            xs.iter()
                .all(|x| {
                    rejects_leading_dash(x).as_deref() == Some(n.as_str())
                        || matches!(&x.kind, ExprKind::Name(m) if *m == n)
                })
                .then_some(n)
        }
        // `any(p.startswith("-") for p in parts)`: every element of `parts` is checked.
        ExprKind::Call(f, args) if matches!(&f.kind, ExprKind::Name(n) if n == "any") => {
            let [Arg::Pos(Expr {
                kind: ExprKind::Comp(c),
                ..
            })] = args.as_slice()
            else {
                return None;
            };
            let (var, seq, conds) = one_generator(c)?;
            (conds.is_empty() && rejects_leading_dash(&c.elt).as_deref() == Some(var))
                .then(|| seq.to_string())
        }
        ExprKind::Call(f, args) => {
            let ExprKind::Attr(o, m) = &f.kind else {
                return None;
            };
            let ExprKind::Name(n) = &o.kind else {
                return None;
            };
            let dash = match args.first() {
                Some(Arg::Pos(Expr {
                    kind: ExprKind::Str(s),
                    ..
                })) => s == "-",
                Some(Arg::Pos(Expr {
                    kind: ExprKind::Tuple(xs),
                    ..
                })) => xs
                    .iter()
                    .any(|x| matches!(&x.kind, ExprKind::Str(s) if s == "-")),
                _ => false,
            };
            ((m == "startswith" || m == "startsWith") && dash).then(|| n.to_string())
        }
        _ => None,
    }
}

/// Whether an argument expression is a tainted value passed whole: a name, possibly through
/// methods on it (`code.strip()`), not a string built around it.
/// A dict or object literal's fields, each with its own taint (`config = { text, values }`
/// then `config.text`): a field read straight from a name (or a literal) has that name's
/// taint (`None`: none of the arguments), any other the whole literal's. `None` for anything
/// but a literal of plain keys.
fn literal_fields(
    value: &Expr,
    whole: Option<&Taint>,
    st: &State,
) -> Option<BTreeMap<String, Option<Taint>>> {
    let ExprKind::Dict(items) = &value.kind else {
        return None;
    };
    let mut by = BTreeMap::new();
    for it in items {
        let DictItem::Pair(k, v) = it else {
            return None;
        };
        let ExprKind::Str(k) = &k.kind else {
            return None;
        };
        let t = match &v.kind {
            ExprKind::Name(n) => st.tainted.get(n.as_str()).cloned(),
            ExprKind::Str(_) | ExprKind::Num(_) => None,
            _ => whole.cloned(),
        };
        by.insert(k.to_string(), t);
    }
    Some(by)
}

/// What makes two injection hits of one body the same (`push_injection`): parameter, kind,
/// sink, where it is reported (`built_at`), directness, and the call in this body.
type InjectionKey = (String, String, Site, Option<Site>, bool, Option<Site>);

/// A sink argument read at its options object's query field (`object_field`): its position,
/// and the field's taint and expression (`None`: the object has no such field).
type Narrowed = (usize, Option<(Option<Taint>, Expr)>);

/// For a sink whose argument may be an options object (`SinkEntry::object_fields`): the
/// expression its query field holds (`Some(None)`: the object has no such field), or `None`
/// when `e` is not an object the body can read (then the whole argument counts). A name bound
/// to an object literal reads as `name.field`, the field's own taint.
fn object_field(e: &Expr, fields: &[String], st: &State) -> Option<Option<Expr>> {
    match &e.kind {
        ExprKind::Dict(items) => {
            let mut found = None;
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        if matches!(&k.kind, ExprKind::Str(s) if fields.contains(s))
                            && found.is_none()
                        {
                            found = Some(v.clone());
                        }
                    }
                    // A spread object may hold the field: read the whole argument.
                    DictItem::Splat(_) => return None,
                }
            }
            Some(found)
        }
        ExprKind::Name(n) => {
            let f = fields
                .iter()
                .find(|f| st.tainted.contains_key(&format!("{n}.{f}")))?;
            Some(Some(Expr {
                kind: ExprKind::Attr(Box::new(e.clone()), f.as_str().into()),
                span: e.span,
            }))
        }
        _ => None,
    }
}

/// The slot of a list element read at a literal position (`command[0]` → `command.[0]`), kept
/// where a check cleaned that element on its own (`if command[0] in KNOWN:`); assigning the
/// list again drops it with the list's other slots.
fn index_slot(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Subscript(o, i) => match (&o.kind, &i.kind) {
            (ExprKind::Name(n), ExprKind::Num(k)) => Some(format!("{n}.[{k}]")),
            _ => None,
        },
        _ => None,
    }
}

/// The taint bound to one field of a name (`n.f`, `n["f"]`, `n.get("f")`): the slot a record
/// literal (`literal_fields`) or a project call's returned record gives each field.
fn field_slot<'s>(o: &Expr, field: &str, st: &'s State) -> Option<&'s Taint> {
    match &o.kind {
        ExprKind::Name(n) => st.tainted.get(&format!("{n}.{field}")),
        _ => None,
    }
}

/// A string literal's text (`"database"` in `scope["database"]`).
fn str_key(k: &Expr) -> Option<&str> {
    match &k.kind {
        ExprKind::Str(s) => Some(s),
        _ => None,
    }
}

/// `o.get("k")` or `o.get("k", default)`: the object, the key and the default.
fn field_get<'e>(f: &'e Expr, args: &'e [Arg]) -> Option<(&'e Expr, &'e str, Option<&'e Expr>)> {
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    let default = match args {
        [Arg::Pos(_)] => None,
        [Arg::Pos(_), Arg::Pos(d)] => Some(d),
        _ => return None,
    };
    let key = match args.first() {
        Some(Arg::Pos(k)) => str_key(k)?,
        _ => return None,
    };
    (m == "get").then_some((o.as_ref(), key, default))
}

fn is_direct(e: &Expr, st: &State) -> bool {
    match &e.kind {
        ExprKind::Name(n) => st.tainted.get(n.as_str()).is_some_and(|t| t.direct),
        // A field bound with its own taint (`config.text` of `config = { text: sql }`).
        ExprKind::Attr(o, a) if field_slot(o, a, st).is_some() => {
            field_slot(o, a, st).is_some_and(|t| t.direct)
        }
        ExprKind::Call(f, _) => match &f.kind {
            ExprKind::Attr(o, _) => is_direct(o, st),
            _ => false,
        },
        ExprKind::Await(x) => is_direct(x, st),
        _ => false,
    }
}

/// What a call passes for the fields `fs` of a parameter that only those fields of reach a
/// sink: each field's own slot when the argument has one (`data.orderBy` after `data =
/// Schema.parse(args)`), else the argument's taint with the field read from it.
fn fields_passed(t: Option<Taint>, arg: &Expr, fs: &BTreeSet<String>, st: &State) -> Option<Taint> {
    let Some(base) = slot_name(arg) else {
        return t;
    };
    fs.iter().fold(None, |acc, f| {
        let own = st
            .tainted
            .get(&format!("{base}.{f}"))
            .cloned()
            .or_else(|| t.clone().map(|t| read_field(t, f)));
        join(acc, own)
    })
}

/// `z` or `zod.z` (the zod namespace), as a lowered name.
fn is_zod(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == "z")
        || matches!(&e.kind, ExprKind::Attr(_, n) if n == "z")
}

/// Whether a zod chain admits no text (`z.number().int()`, `z.enum([...]).optional()`): its
/// constructor is one of `closed` and no `.or`/`.and`/`.transform`/`.preprocess`/`.catch`/
/// `.pipe` opens it again.
fn zod_closed(e: &Expr, closed: &[String]) -> bool {
    let mut cur = e;
    for _ in 0..32 {
        let ExprKind::Call(f, _) = &cur.kind else {
            return false;
        };
        let ExprKind::Attr(o, m) = &f.kind else {
            return false;
        };
        if matches!(
            m.as_str(),
            "or" | "and" | "transform" | "preprocess" | "catch" | "pipe"
        ) {
            return false;
        }
        let base = is_zod(o) || matches!(&o.kind, ExprKind::Attr(_, c) if c == "coerce");
        if base {
            return closed.iter().any(|c| c == m);
        }
        cur = o;
    }
    false
}

/// A field read of a parameter's whole value (`input.orderBy`): the value carries that field
/// only (`Taint::fields`). A field of anything else keeps what it had.
fn read_field(mut t: Taint, field: &str) -> Taint {
    if t.direct && !t.param.is_empty() && t.fields.is_none() {
        t.fields = Some(BTreeSet::from([field.to_string()]));
    }
    t
}

fn join(a: Option<Taint>, b: Option<Taint>) -> Option<Taint> {
    match (a, b) {
        (Some(x), Some(y)) => {
            // The parameter named is the one whose taint survives best: of two, the one
            // sanitized for fewer sink kinds (`f"{int(limit)} {branch}"` carries `branch`).
            let take_y =
                x.param.is_empty() || (!y.param.is_empty() && y.clean.len() < x.clean.len());
            // Two reads of one parameter's fields carry both fields.
            let fields = if x.param == y.param {
                match (x.fields, y.fields) {
                    (Some(a), Some(b)) => Some(a.union(&b).cloned().collect()),
                    _ => None,
                }
            } else if take_y {
                y.fields
            } else {
                x.fields
            };
            let (param, param_site) = if take_y {
                (y.param, y.param_site)
            } else {
                (x.param, x.param_site)
            };
            Some(Taint {
                clean: x.clean.intersection(&y.clean).cloned().collect(),
                direct: false,
                param,
                param_site,
                model: x.model.or(y.model),
                fields,
            })
        }
        (x, None) => x,
        (None, y) => y,
    }
}

/// The taint of a call's result when its callee is not read: its arguments', then its
/// receiver's. Where two parameters tie (`join`), an argument is named before the receiver: a
/// helper's `db.fetch(sql)` hands on `sql`, the data, not `db`, the handle it acts through (a
/// caller passing a model's SQL then reaches what the helper does with the rows).
/// The base name of a program path (`/usr/bin/git` is `git`).
fn program_base(program: &str) -> &str {
    program.rsplit(['/', '\\']).next().unwrap_or(program)
}

fn join_all(
    recv: Option<Taint>,
    pos: &[(Option<Taint>, &Expr)],
    kw: &[(&str, Option<Taint>, &Expr)],
) -> Option<Taint> {
    let mut acc = None;
    for (t, _) in pos {
        acc = join(acc, t.clone());
    }
    for (_, t, _) in kw {
        acc = join(acc, t.clone());
    }
    join(acc, recv)
}

/// A substitution that keeps only letters, digits, `_` and `-`: Python's `re.sub(pattern,
/// repl, s)` (the subject is argument 2) or `P.sub(repl, s)` with `P` a module constant
/// `re.compile(pattern)` (`compiled` gives its text), and JavaScript's `s.replace(/pattern/g, repl)` /
/// `s.replaceAll(...)` (the subject is the receiver, `None`), where the pattern is one negated
/// class of such characters (`[^a-z0-9]+`, `[^\w-]`) and the replacement is made of them. The
/// flag says whether `-` can remain (a leading one still reads as an option).
fn allowlist_substitution(
    e: &Expr,
    compiled: &dyn Fn(&str) -> Option<String>,
) -> Option<(Option<usize>, bool)> {
    let ExprKind::Call(f, args) = &e.kind else {
        return None;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    fn text(a: Option<&Arg>) -> Option<&str> {
        match a {
            Some(Arg::Pos(Expr {
                kind: ExprKind::Str(t),
                ..
            })) => Some(t.as_str()),
            _ => None,
        }
    }
    let (pattern, repl, subject): (String, &str, Option<usize>) = match m.as_str() {
        "sub" if matches!(&o.kind, ExprKind::Name(r) if r == "re") => {
            (text(args.first())?.to_string(), text(args.get(1))?, Some(2))
        }
        // `PATTERN.sub(repl, s)` with `PATTERN = re.compile(...)` in the module.
        "sub" => {
            let ExprKind::Name(x) = &o.kind else {
                return None;
            };
            (compiled(x)?, text(args.first())?, Some(1))
        }
        "replace" | "replaceAll" => {
            let Some(Arg::Pos(Expr {
                kind: ExprKind::Call(rf, rargs),
                ..
            })) = args.first()
            else {
                return None;
            };
            if !matches!(&rf.kind, ExprKind::Name(r) if r == "RegExp") {
                return None;
            }
            let global = m == "replaceAll" || text(rargs.get(1)).is_some_and(|f| f.contains('g'));
            if !global {
                return None;
            }
            (text(rargs.first())?.to_string(), text(args.get(1))?, None)
        }
        _ => return None,
    };
    let safe_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !repl.chars().all(safe_char) {
        return None;
    }
    let class = pattern
        .strip_prefix("[^")?
        .trim_end_matches(['+', '*'])
        .strip_suffix(']')?;
    // The class's members: ranges of letters or digits (`a-z`), `\w`, `_`, `-`, nothing else.
    let cs: Vec<char> = class.chars().collect();
    let mut dash = repl.contains('-');
    let mut i = 0;
    while i < cs.len() {
        match cs[i] {
            '\\' => {
                match cs.get(i + 1)? {
                    'w' => {}
                    '-' => dash = true,
                    _ => return None,
                }
                i += 2;
                continue;
            }
            '_' => {}
            // Between two letters or digits, a range; elsewhere, a dash.
            '-' if i > 0
                && cs[i - 1].is_ascii_alphanumeric()
                && cs.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) => {}
            '-' => dash = true,
            c if c.is_ascii_alphanumeric() => {}
            _ => return None,
        }
        i += 1;
    }
    Some((subject, dash))
}

/// `replace("/", "_")`: the first argument is the separator `/` (literally or `os.sep`), the
/// second a literal with no separator of either kind.
fn removes_separator(args: &[Arg]) -> bool {
    let [Arg::Pos(from), Arg::Pos(to)] = args else {
        return false;
    };
    let sep = match &from.kind {
        ExprKind::Str(t) => t == "/",
        ExprKind::Attr(_, n) => n == "sep",
        _ => false,
    };
    sep && matches!(&to.kind, ExprKind::Str(t) if !t.contains('/') && !t.contains('\\'))
}

/// A test that holds when a folder lacks a marker entry (`not (p / ".git").exists()`, or a name
/// every assignment of which is such a check or an `or` of them, as in `if not has_vcs:`): a
/// project-root check, which admits only folders holding that entry.
fn failed_marker_check(test: &Expr, assigned: &HashMap<&str, Vec<&Expr>>) -> bool {
    let ExprKind::Not(x) = &test.kind else {
        return false;
    };
    let exprs: Vec<&Expr> = match &x.kind {
        ExprKind::Name(n) => match assigned.get(n.as_str()) {
            Some(vs) if !vs.is_empty() => vs.clone(),
            _ => return false,
        },
        _ => vec![&**x],
    };
    exprs.into_iter().all(|e| match &e.kind {
        ExprKind::BoolOp(_, xs) => xs.iter().all(marker_call),
        _ => marker_call(e),
    })
}

/// `(p / ".git").exists()`, `.is_dir()`, `.is_file()`, or `os.path.exists(os.path.join(p,
/// ".git"))`: whether a literal entry (no `..`) exists under a value.
fn marker_call(e: &Expr) -> bool {
    let literal_entry =
        |x: &Expr| matches!(&x.kind, ExprKind::Str(t) if !t.is_empty() && !t.contains(".."));
    let ExprKind::Call(f, args) = &e.kind else {
        return false;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return false;
    };
    match m.as_str() {
        "exists" | "is_dir" | "is_file" if args.is_empty() => {
            matches!(&o.kind, ExprKind::BinOp(ops, xs)
                if ops.last().is_some_and(|op| op == "/") && xs.last().is_some_and(literal_entry))
        }
        "exists" | "isdir" | "isfile" => match args.as_slice() {
            [Arg::Pos(p)] => matches!(&p.kind, ExprKind::Call(jf, jargs)
                if matches!(&jf.kind, ExprKind::Attr(_, j) if j == "join")
                    && matches!(jargs.last(), Some(Arg::Pos(l)) if literal_entry(l))),
            _ => false,
        },
        _ => false,
    }
}

/// Whether `e` holds an inline function (`new Promise((resolve) => ...)`): what it returns is
/// decided inside it, where the walk does not read returns.
fn holds_closure(e: &Expr) -> bool {
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(x) = stack.pop() {
        steps += 1;
        if steps > 10_000 || matches!(x.kind, ExprKind::Lambda(_)) {
            return true;
        }
        crate::syntax::python::push_children(x, &mut stack);
    }
    false
}

/// Whether a block ends by failing: it raises, or returns no value (`return None`, `return`),
/// the answer of a validator that gives back its checked value or nothing.
fn fails_without_value(body: &[Stmt]) -> bool {
    match body.last().map(|s| &s.kind) {
        Some(StmtKind::Raise(_)) | Some(StmtKind::Return(None)) => true,
        Some(StmtKind::Return(Some(e))) => matches!(e.kind, ExprKind::None),
        _ => false,
    }
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
            // The literal parts (`run-`) are the code's own text.
            let interps = xs.iter().filter(|x| !matches!(x.kind, ExprKind::Str(_)));
            interps.clone().count() > 0
                && interps
                    .clone()
                    .all(|x| matches!(&x.kind, ExprKind::Call(_, args) if args.is_empty()))
        }
        _ => false,
    }
}

/// `if x != EXPECTED: raise` (`if (x !== config.db) return ...`): after it, the model's `x`
/// equals a value the code fixed (a literal, or a name or attribute holding nothing the model
/// chose), an allow-list of one. The name checked (`x` or one field of a name).
fn equality_guard(test: &Expr, st: &State) -> Option<String> {
    let ExprKind::Compare(xs, ops) = &test.kind else {
        return None;
    };
    let ([a, b], [op]) = (xs.as_slice(), ops.as_slice()) else {
        return None;
    };
    if !matches!(op.as_str(), "!=" | "!==") {
        return None;
    }
    let tainted = |e: &Expr| {
        let mut x = e;
        loop {
            match &x.kind {
                ExprKind::Attr(o, _) => x = o,
                ExprKind::Name(n) => return st.tainted.contains_key(n.as_str()),
                _ => return true,
            }
        }
    };
    let fixed = |e: &Expr| match &e.kind {
        ExprKind::Str(_) | ExprKind::Num(_) => true,
        ExprKind::Name(_) | ExprKind::Attr(..) => !tainted(e),
        _ => false,
    };
    match (slot_name(a), slot_name(b)) {
        (Some(n), _) if tainted(a) && fixed(b) => Some(n),
        (_, Some(n)) if tainted(b) && fixed(a) => Some(n),
        _ => None,
    }
}

/// Whether a query's text starts with a fixed `EXPLAIN` that only plans the statement: not
/// `EXPLAIN ANALYZE` (PostgreSQL and MySQL run the statement to time it), written by the code
/// (`f"EXPLAIN {q}"`, `"EXPLAIN " + q`, or a name assigned such a text).
fn plans_only(e: &Expr, st: &State) -> bool {
    let Some(lead) = text_lead(e, st) else {
        return false;
    };
    let upper = lead.trim_start().to_ascii_uppercase();
    let Some(rest) = upper.strip_prefix("EXPLAIN") else {
        return false;
    };
    rest.starts_with(|c: char| c.is_whitespace() || c == '(')
        && !rest.contains("ANALYZE")
        && !rest.contains("ANALYSE")
}

/// Whether a query's text starts with one of a one-statement driver's `context_statements`
/// (`USE DATABASE`, `SHOW`), written by the code (`f"USE DATABASE {db}"`, or a name assigned
/// such a text): the statement only switches context or reads the catalog.
fn sets_context(e: &Expr, st: &State, statements: &[String]) -> bool {
    if statements.is_empty() {
        return false;
    }
    let Some(lead) = text_lead(e, st) else {
        return false;
    };
    let upper = lead.trim_start().to_ascii_uppercase();
    statements.iter().any(|s| {
        upper
            .strip_prefix(&s.to_ascii_uppercase())
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    })
}

/// The parameter a `return` gives back unchanged (`return default_value`, the name still the
/// parameter's whole, unsanitized value).
fn passed_back(e: &Expr, t: Option<&Taint>) -> Option<String> {
    match (&e.kind, t) {
        (ExprKind::Name(n), Some(t)) if t.direct && t.param == n.as_str() && t.clean.is_empty() => {
            Some(n.to_string())
        }
        _ => None,
    }
}

/// One element of a returned tuple literal: a literal flag, or what the value is clean for
/// (`None`: it carries no parameter).
#[derive(Debug, Clone)]
pub(crate) enum RetElem {
    Flag(bool),
    Value(Option<BTreeSet<String>>),
    /// A name or call that carries no parameter as far as the walk followed it: for
    /// `flag_clean` a value like any other, but `tuple_clean` does not vouch for it (a list
    /// grown in a loop may hold what the walk did not follow).
    Untracked,
}

/// `BodyFacts::flag_clean` from a function's tuple returns: the first place every return
/// holds a literal flag at (true in some, false in others), and for each element the
/// intersection of what it is clean for over the returns whose flag is true (an element that
/// carries no parameter is clean for everything).
fn flag_clean(
    returns: &[Vec<RetElem>],
    all: &BTreeSet<String>,
) -> Option<(usize, Vec<BTreeSet<String>>)> {
    let n = returns.first()?.len();
    if n < 2 || returns.iter().any(|r| r.len() != n) {
        return None;
    }
    let flag_at = |r: &[RetElem], i: usize| match r[i] {
        RetElem::Flag(b) => Some(b),
        RetElem::Value(_) | RetElem::Untracked => None,
    };
    let at = (0..n).find(|&i| {
        let vs: Vec<Option<bool>> = returns.iter().map(|r| flag_at(r, i)).collect();
        vs.iter().all(Option::is_some) && vs.contains(&Some(true)) && vs.contains(&Some(false))
    })?;
    let mut cleans = vec![all.clone(); n];
    for r in returns.iter().filter(|r| flag_at(r, at) == Some(true)) {
        for (c, e) in cleans.iter_mut().zip(r) {
            if let RetElem::Value(Some(v)) = e {
                *c = c.intersection(v).cloned().collect();
            }
        }
    }
    cleans[at] = BTreeSet::new();
    Some((at, cleans))
}

/// `BodyFacts::tuple_clean` from a function's tuple returns: for each place, the intersection
/// of what the element there is clean for over every return (an element that carries no
/// parameter, or a literal flag, is clean for everything).
fn tuple_clean(returns: &[Vec<RetElem>], all: &BTreeSet<String>) -> Option<Vec<BTreeSet<String>>> {
    let n = returns.first()?.len();
    if n < 2 || returns.iter().any(|r| r.len() != n) {
        return None;
    }
    let mut cleans = vec![all.clone(); n];
    for r in returns {
        for (c, e) in cleans.iter_mut().zip(r) {
            match e {
                RetElem::Value(Some(v)) => *c = c.intersection(v).cloned().collect(),
                RetElem::Untracked => c.clear(),
                _ => {}
            }
        }
    }
    Some(cleans)
}

/// Whether an expression is made of literals only (`"1"`, `[]`, `("a", 2)`, `f"x"` with no
/// value in it): what it holds is the code's own.
fn literal_only(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::None | ExprKind::Bool(_) => {}
            ExprKind::FStr(xs)
            | ExprKind::BinOp(_, xs)
            | ExprKind::List(xs)
            | ExprKind::Tuple(xs) => stack.extend(xs.iter()),
            _ => return false,
        }
    }
    true
}

/// After a flag from `ok, p = check(x)` held: each value unpacked with it gains what the
/// returns saying `True` give it.
fn apply_flag(st: &mut State, flag: &str) {
    let Some(vals) = st.flags.get(flag).cloned() else {
        return;
    };
    for (n, clean) in vals {
        if let Some(t) = st.tainted.get_mut(&n) {
            t.clean.extend(clean);
        }
    }
}

/// A call's positional arguments, in order (keywords and `*`/`**` splats left out).
fn positional(args: &[Arg]) -> impl Iterator<Item = &Expr> {
    args.iter().filter_map(|a| match a {
        Arg::Pos(x) => Some(x),
        _ => None,
    })
}

/// The plain names a target binds (`a`, `a, b`, `(a, *b)`).
fn target_names(t: &Target) -> Vec<&str> {
    let mut out = vec![];
    let mut todo = vec![t];
    while let Some(t) = todo.pop() {
        match t {
            Target::Name(n, _) => out.push(n.as_str()),
            Target::Tuple(ts) => todo.extend(ts.iter()),
            Target::Starred(x) => todo.push(x),
            _ => {}
        }
    }
    out
}

/// The mark a value carries in `Taint::clean` once every `q` in it was doubled or removed: not
/// a sink kind, so it cleans nothing by itself.
fn quote_mark(q: char) -> String {
    format!("quote-escaped:{q}")
}

/// Whether `e` is a chain of replacements one of which doubles or removes every `q` in the
/// value (`v.replace(/'/g, "''")`, `v.replaceAll("'", "")`, Python's `v.replace("'", "''")`):
/// put between two `q`s, it stays inside the literal. A replacement by a backslash escape does
/// not count (where backslashes are not escaped too, `\'` closes the literal).
fn escapes_quote(e: &Expr, q: char) -> bool {
    let mut x = e;
    for _ in 0..8 {
        let ExprKind::Call(f, args) = &x.kind else {
            return false;
        };
        let ExprKind::Attr(recv, m) = &f.kind else {
            return false;
        };
        if !matches!(m.as_str(), "replace" | "replaceAll") {
            return false;
        }
        let (Some(Arg::Pos(from)), Some(Arg::Pos(to))) = (args.first(), args.get(1)) else {
            return false;
        };
        let single = q.to_string();
        // The pattern: the quote itself, or a regular expression matching it everywhere (the
        // `g` flag; `replaceAll` replaces every one anyway).
        let every = match &from.kind {
            ExprKind::Str(p) => *p == single,
            ExprKind::Call(rf, rargs) if matches!(&rf.kind, ExprKind::Name(r) if r == "RegExp") => {
                let text = |i: usize| match rargs.get(i) {
                    Some(Arg::Pos(Expr {
                        kind: ExprKind::Str(t),
                        ..
                    })) => Some(t.as_str()),
                    _ => None,
                };
                text(0) == Some(single.as_str())
                    && (m == "replaceAll" || text(1).is_some_and(|f| f.contains('g')))
            }
            _ => false,
        };
        let doubled = format!("{q}{q}");
        if every && matches!(&to.kind, ExprKind::Str(r) if *r == doubled || r.is_empty()) {
            return true;
        }
        x = recv;
    }
    false
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
    // JavaScript: `resolved.startsWith(root)`, `/^[\w-]+$/.test(name)`,
    // `ALLOWED.includes(x)`, `allowed.has(x)`.
    "startsWith",
    "test",
    "includes",
    "has",
];

/// Validation methods called on the pattern or the allow-list, whose argument is the value they
/// check (`PATTERN.test(x)`, `ALLOWED.includes(x)`).
const CHECKS_ARGUMENT: &[&str] = &["test", "includes", "has"];

/// What a function's body assigns to each plain name (`x = ...`), every assignment.
fn name_assignments(def: &FuncDef) -> HashMap<&str, Vec<&Expr>> {
    let mut assigned: HashMap<&str, Vec<&Expr>> = HashMap::default();
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| {
        if let StmtKind::Assign { targets, value, .. } = &st.kind {
            for t in targets {
                if let Target::Name(n, _) = t {
                    assigned.entry(n.as_str()).or_default().push(value);
                }
            }
        }
    });
    assigned
}

/// Whether a project function is a validator that returns what it checked: its body raises
/// when an allow-list check fails (`if not resolved.is_relative_to(base): raise ...`,
/// `if not re.match(PATTERN, name): raise ...`, `if x not in ALLOWED: raise ...`) and it
/// returns a value (`return resolved`). Deny-list checks (`if p.startswith("/proc"): raise`)
/// do not count: they leave everything else through.
pub fn validates_and_returns(def: &FuncDef) -> bool {
    validates_and_returns_with(def, &|_| false)
}

/// `validates_and_returns`, where a branch may also fail by calling a function `raiser` says
/// always raises (`if (bad) abort()` with `const abort = () => { throw ... }`).
fn validates_and_returns_with(def: &FuncDef, raiser: &dyn Fn(&Expr) -> bool) -> bool {
    let fails = |body: &[Stmt]| {
        fails_without_value(body)
            || matches!(body.last().map(|s| &s.kind), Some(StmtKind::Expr(e)) if raiser(e))
    };
    let mut raises_on_failed_check = false;
    let mut returns_value = false;
    let mut checks = false;
    let assigned = name_assignments(def);
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| {
        match &st.kind {
            StmtKind::If { test, body, .. }
                if fails(body)
                    && (is_failed_check(test) || failed_marker_check(test, &assigned)) =>
            {
                raises_on_failed_check = true;
            }
            StmtKind::Return(Some(e)) if !matches!(e.kind, ExprKind::None) => returns_value = true,
            // `try: resolved.relative_to(root) except ValueError: raise ...`: the check raises
            // through its handler.
            StmtKind::Try { body, handlers, .. }
                if !handlers.is_empty()
                    && handlers
                        .iter()
                        .all(|h| matches!(h.last().map(|s| &s.kind), Some(StmtKind::Raise(_))))
                    && body
                        .iter()
                        .any(|b| b.exprs().into_iter().any(|e| mentions_validator(e, true))) =>
            {
                raises_on_failed_check = true;
            }
            _ => {}
        }
        if st
            .exprs()
            .into_iter()
            .any(|e| mentions_validator(e, true) || common_path_check_in(e, &assigned))
        {
            checks = true;
        }
    });
    // `for d in allowed: try: p.relative_to(d); return p ... ` then `raise` at the end: it
    // fails unless a check passed.
    let fails_at_end = matches!(def.body.last().map(|s| &s.kind), Some(StmtKind::Raise(_)));
    (raises_on_failed_check || (fails_at_end && checks)) && returns_value
}

/// Whether a project function answers an allow-list check: every `return` gives the result of
/// a validation call (`bool(ID_RE.fullmatch(x))`, `p.is_relative_to(base)`), an `in`
/// comparison, or `True`/`False`, and the body makes at least one such check. Deny-list answers
/// (`return x in BLOCKED`) read the same, which is why only a negated call with an exiting body
/// (`if not ok(x): return`) is credited.
fn answers_check(def: &FuncDef) -> bool {
    answers_check_at(def, true, None)
}

/// Whether a project predicate answers an allow-list membership question: every `return`
/// gives `True`, `False` or a membership test of a value (`x in ALLOWED`), and the predicate
/// says no where a value it checks is not among the allowed ones (`if part not in node:
/// return False`, walking a tree of allowed dotted names) or returns that test itself. A
/// literal looked for inside a value (`";" in command`) is a deny-list search, and a
/// predicate answering yes to it would mean the opposite: it does not count.
fn answers_membership(def: &FuncDef) -> bool {
    let tests_value =
        |xs: &[Expr]| !matches!(xs.first().map(|x| &x.kind), Some(ExprKind::Str(_)) | None);
    let mut returns = 0;
    let mut all_answers = true;
    let mut refuses = false;
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| match &st.kind {
        StmtKind::Return(e) => {
            returns += 1;
            match e.as_ref().map(|e| &e.kind) {
                Some(ExprKind::Bool(_)) => {}
                Some(ExprKind::Compare(xs, ops)) if ops == &["in"] && tests_value(xs) => {
                    refuses = true
                }
                _ => all_answers = false,
            }
        }
        StmtKind::If { test, body, .. } => {
            if let ExprKind::Compare(xs, ops) = &test.kind {
                let not_in = ops == &["not in"] || ops == &["not", "in"];
                let says_no = matches!(body.as_slice(), [Stmt { kind: StmtKind::Return(Some(e)), .. }]
                    if matches!(e.kind, ExprKind::Bool(false)));
                refuses |= not_in && says_no && tests_value(xs);
            }
        }
        _ => {}
    });
    returns > 0 && all_answers && refuses
}

/// Whether a project function answers an allow-list check in one field of the record it
/// returns: every `return` is a record (`{ valid: false, error: ... }`, `dict(ok=True)`,
/// `Result(valid=check(x))`) whose `field` is `True`/`False` or a check, and the body makes
/// at least one check (`validateIdentifier` returning `{ valid: false }` unless a regular
/// expression matches). Read for a caller that tests that field (`if (!v(x).valid) return`).
fn answers_check_in(def: &FuncDef, field: &str) -> bool {
    answers_check_at(def, true, Some(field))
}

/// The value a record literal gives `field`: a dict or object literal's entry, or a keyword
/// argument of a constructor call.
fn field_of<'e>(e: &'e Expr, field: &str) -> Option<&'e Expr> {
    match &e.kind {
        ExprKind::Dict(items) => items.iter().find_map(|i| match i {
            crate::syntax::python::DictItem::Pair(k, v)
                if matches!(&k.kind, ExprKind::Str(s) if s == field) =>
            {
                Some(v)
            }
            _ => None,
        }),
        ExprKind::Call(_, args) => args.iter().find_map(|a| match a {
            Arg::Kw(k, v) if k == field => Some(v),
            _ => None,
        }),
        _ => None,
    }
}

/// `not r.field` / `not r["field"]` (`!r.valid` in JavaScript): the record and the field a
/// failed test reads.
fn negated_field(test: &Expr) -> Option<(&Expr, &str)> {
    let ExprKind::Not(inner) = &test.kind else {
        return None;
    };
    match &inner.kind {
        ExprKind::Attr(obj, f) => Some((obj, f.as_str())),
        ExprKind::Subscript(obj, key) => match &key.kind {
            ExprKind::Str(f) => Some((obj, f.as_str())),
            _ => None,
        },
        _ => None,
    }
}

/// `answers_check`; with `lambdas`, a predicate written as a block (`dirs.some(d => { ...;
/// return under; })`) is read as one more such answer. The predicate is read without its own
/// block predicates, so the reading stops at two levels whatever the nesting of the input.
fn answers_check_at(def: &FuncDef, lambdas: bool, field: Option<&str>) -> bool {
    let mentions_validator = |e: &Expr, raising: bool| mentions_validator_at(e, raising, lambdas);
    // A bare prefix check (`p.startswith(root)`) answers for `/srv/app-old` too: not an answer.
    let is_check = |e: &Expr| {
        (mentions_validator(e, false) && !bare_prefix_check(e))
            || matches!(&e.kind, ExprKind::Compare(_, ops) if ops.iter().any(|o| o == "in"))
            || common_path_check(e)
    };
    // A returned name counts as a check when every assignment to it in the body is one
    // (`const isAllowed = dirs.some(...); return isAllowed;`).
    let mut assigned: HashMap<&str, (usize, usize)> = HashMap::default();
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| {
        if let StmtKind::Assign { targets, value, .. } = &st.kind {
            for t in targets {
                if let Target::Name(n, _) = t {
                    let e = assigned.entry(n.as_str()).or_default();
                    e.0 += 1;
                    e.1 += usize::from(is_check(value));
                }
            }
        }
    });
    let checked_name = |e: &Expr| {
        matches!(&e.kind, ExprKind::Name(n)
            if assigned.get(n.as_str()).is_some_and(|(all, checks)| *all > 0 && all == checks))
    };
    let mut returns = 0;
    let mut all_checks = true;
    let mut checks = false;
    crate::syntax::python::visit_stmts(&def.body, &mut |st: &Stmt| {
        if let StmtKind::Return(e) = &st.kind {
            returns += 1;
            // A record's field answers in place of the whole value.
            let e = match field {
                Some(f) => e.as_ref().and_then(|e| field_of(e, f)),
                None => e.as_ref(),
            };
            if field.is_some() && e.is_none() {
                all_checks = false;
            }
            match e.map(|e| &e.kind) {
                Some(ExprKind::Bool(_)) => {}
                Some(_) if e.is_some_and(|e| is_check(e) || checked_name(e)) => checks = true,
                _ => all_checks = false,
            }
        }
        if st
            .exprs()
            .into_iter()
            .any(|e| mentions_validator(e, true) && !bare_prefix_check(e))
        {
            checks = true;
        }
    });
    returns > 0 && all_checks && checks
}

/// A rejection check: every return is `None` (or the function ends), except returns inside an
/// `if` whose test is a validation (`if pattern.search(text): return "rejected ..."`); at least
/// one of each. A reason returned from an exception handler around the check (`try: parsed =
/// parse(sql) except ParseError as e: return f"rejected: {e}"`) is a refusal too: the check
/// could not finish, and the caller treats any reason as no.
fn answers_rejection(def: &FuncDef) -> bool {
    /// Under which kind of refusal a statement runs.
    #[derive(Clone, Copy, PartialEq)]
    enum Under {
        Nothing,
        Check,
        Handler,
    }
    let is_check = |e: &Expr| {
        mentions_validator(e, false) || mentions_method(e, "search") || mentions_membership(e)
    };
    let mut reasons = 0;
    let mut unchecked = 0;
    let mut nones = 0;
    // (statements, what they run under)
    let mut stack: Vec<(&[Stmt], Under)> = vec![(&def.body, Under::Nothing)];
    while let Some((b, under)) = stack.pop() {
        for st in b {
            match &st.kind {
                StmtKind::Return(None) => nones += 1,
                StmtKind::Return(Some(e)) if matches!(e.kind, ExprKind::None) => nones += 1,
                StmtKind::Return(Some(_)) => match under {
                    Under::Check => reasons += 1,
                    // A handler's reason alone is no check (`try: json.loads(x) except ...:
                    // return "bad"` says the text parses, not that it is safe): it neither
                    // counts as one nor spoils one.
                    Under::Handler => {}
                    Under::Nothing => unchecked += 1,
                },
                StmtKind::If { test, body, orelse } => {
                    let inner = if under == Under::Nothing && is_check(test) {
                        Under::Check
                    } else {
                        under
                    };
                    stack.push((body, inner));
                    stack.push((orelse, under));
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    stack.push((body, under));
                    let h = if under == Under::Nothing {
                        Under::Handler
                    } else {
                        under
                    };
                    stack.extend(handlers.iter().map(|x| (x.as_slice(), h)));
                    stack.push((orelse, under));
                    stack.push((finalbody, under));
                }
                StmtKind::Func(_) | StmtKind::Class(_) => {}
                _ => {
                    for inner in st.blocks() {
                        stack.push((inner, under));
                    }
                }
            }
        }
    }
    let falls_through = !def
        .body
        .last()
        .is_some_and(|s| matches!(s.kind, StmtKind::Return(_) | StmtKind::Raise(_)));
    reasons > 0 && unchecked == 0 && (nones > 0 || falls_through)
}

/// Whether `e` holds a membership test (`";" in text`, `x not in ALLOWED`).
fn mentions_membership(e: &Expr) -> bool {
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return false;
        }
        if let ExprKind::Compare(_, ops) = &e.kind {
            if ops.iter().any(|o| o == "in" || o == "not in") {
                return true;
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    false
}

/// Whether a project class derives from `Enum` (or `StrEnum`, `IntEnum`, `Flag`), directly or
/// through project bases.
fn is_enum_class(c: &crate::extract::interp::ClassVal) -> bool {
    let mut stack: Vec<Value> = c.bases.iter().cloned().collect();
    let mut steps = 0;
    while let Some(b) = stack.pop() {
        steps += 1;
        if steps > 32 {
            return false;
        }
        match b {
            Value::Ext(q) => {
                let name = q.rsplit('.').next().unwrap_or(&q);
                if matches!(name, "Enum" | "StrEnum" | "IntEnum" | "Flag" | "IntFlag") {
                    return true;
                }
            }
            Value::Class(bc) => stack.extend(bc.bases.iter().cloned()),
            _ => {}
        }
    }
    false
}

/// Whether `e` calls a method named `m`.
fn mentions_method(e: &Expr, m: &str) -> bool {
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return false;
        }
        if let ExprKind::Call(f, _) = &e.kind {
            if matches!(&f.kind, ExprKind::Attr(_, a) if a == m) {
                return true;
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    false
}

/// The result name a test finds set: `r is not None`, `r`, `r != None`.
fn rejected(test: &Expr) -> Option<String> {
    match &test.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Compare(xs, ops)
            if xs.len() == 2
                && matches!(xs[1].kind, ExprKind::None)
                && (ops == &["is", "not"] || ops == &["is not"] || ops == &["!="]) =>
        {
            match &xs[0].kind {
                ExprKind::Name(n) => Some(n.to_string()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `os.path.commonpath([base, p]) == base`: a containment check (the common prefix of the two
/// paths, compared with the base they must stay under).
fn common_path_check(e: &Expr) -> bool {
    common_path_check_in(e, &HashMap::default())
}

/// `os.path.commonpath(...)` (any receiver).
fn is_commonpath_call(x: &Expr) -> bool {
    matches!(&x.kind, ExprKind::Call(f, _)
        if matches!(&f.kind, ExprKind::Attr(_, m) if m == "commonpath"))
}

/// `common_path_check`, also with the common path held in a name every assignment of which is
/// a `commonpath(...)` call (`common = os.path.commonpath([root, p])` then `if common == root:`).
fn common_path_check_in(e: &Expr, assigned: &HashMap<&str, Vec<&Expr>>) -> bool {
    let ExprKind::Compare(xs, ops) = &e.kind else {
        return false;
    };
    ops.iter().all(|o| o == "==")
        && xs.iter().any(|x| {
            is_commonpath_call(x)
                || matches!(&x.kind, ExprKind::Name(n)
                    if assigned.get(n.as_str()).is_some_and(|vs| !vs.is_empty() && vs.iter().all(|v| is_commonpath_call(v))))
        })
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
            // `p !== "https:" && p !== "http:"`: `p not in ("https:", "http:")` written out.
            ExprKind::BoolOp(ops, xs)
                if xs.len() >= 2 && ops.iter().all(|o| o == "and") && differs_from_each(xs) =>
            {
                return true
            }
            // `not p.startswith(prefix) and p != base`: an allow-list check with an exception
            // written as a comparison. A bare flag among the operands (`!allowUnsafe &&
            // !url.startsWith("https://")`) is the operator's switch that turns the check
            // off, as for a check behind a switch (`if not ALLOW: check(url)`); JavaScript's
            // `a && b && c` nests.
            ExprKind::BoolOp(ops, _) if ops.iter().all(|o| o == "and") => {
                let operands = and_operands(e);
                let check = |x: &Expr| {
                    matches!(x.kind, ExprKind::Compare(..))
                        || matches!(&x.kind, ExprKind::Not(i) if mentions_validator(i, false))
                };
                let flag = |x: &Expr| match &x.kind {
                    ExprKind::Not(i) => field_name(i).is_some(),
                    _ => field_name(x).is_some(),
                };
                if operands.iter().all(|x| check(x) || flag(x)) && operands.iter().any(|x| check(x))
                {
                    stack.extend(operands.into_iter().filter(|x| check(x)))
                }
            }
            _ => {}
        }
    }
    false
}

/// The operands of an `and` chain, nested chains flattened (at most 64; an empty list past it).
fn and_operands(e: &Expr) -> Vec<&Expr> {
    let mut flat: Vec<&Expr> = vec![];
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if flat.len() > 64 {
            return vec![];
        }
        match &x.kind {
            ExprKind::BoolOp(ops, ys) if ops.iter().all(|o| o == "and") => {
                stack.extend(ys.iter().rev())
            }
            _ => flat.push(x),
        }
    }
    flat
}

/// Whether every operand is `x != "literal"` for one and the same `x` (an allow-list written as
/// a chain of comparisons).
fn differs_from_each(xs: &[Expr]) -> bool {
    // JavaScript's `a && b && c` lowers to nested `and`s.
    let mut flat: Vec<&Expr> = vec![];
    let mut stack: Vec<&Expr> = xs.iter().rev().collect();
    while let Some(x) = stack.pop() {
        if flat.len() > 64 {
            return false;
        }
        match &x.kind {
            ExprKind::BoolOp(ops, ys) if ops.iter().all(|o| o == "and") => {
                stack.extend(ys.iter().rev())
            }
            _ => flat.push(x),
        }
    }
    let mut subject: Option<String> = None;
    flat.len() >= 2
        && flat.into_iter().all(|x| {
            let ExprKind::Compare(operands, ops) = &x.kind else {
                return false;
            };
            let ([op], [l, r]) = (ops.as_slice(), operands.as_slice()) else {
                return false;
            };
            let differs = op == "!=" || op == "!==";
            let Some(name) =
                field_name(l).filter(|_| differs && matches!(r.kind, ExprKind::Str(_)))
            else {
                return false;
            };
            subject.get_or_insert_with(|| name.clone()) == &name
        })
}

/// Whether `e` calls a validation method; with `raising`, also the checks that raise instead of
/// answering (`p.relative_to(base)`).
fn mentions_validator(e: &Expr, raising: bool) -> bool {
    mentions_validator_at(e, raising, true)
}

/// `mentions_validator`; with `lambdas`, a block predicate that answers a check
/// (`answers_check_at` without block predicates of its own) counts as a validation.
fn mentions_validator_at(e: &Expr, raising: bool, lambdas: bool) -> bool {
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
        // A predicate passed to `some`/`every`/`filter`: its one returned expression is read
        // too. A prefix check there must end its prefix with a separator
        // (`p.startsWith(d + path.sep)`): `p.startsWith(d)` also admits `/srv/app-old` for
        // `/srv/app`, the classic hole of allowed-folder checks, so it does not count.
        if let Some(x) = predicate_body(e) {
            if !bare_prefix_check(x) {
                stack.push(x);
            }
        } else if let ExprKind::Lambda(def) = &e.kind {
            if lambdas && answers_check_at(def, false, None) {
                return true;
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    false
}

/// Whether `e` holds a prefix check whose prefix does not end with a path separator
/// (`p.startsWith(dir)`, not `p.startsWith(dir + path.sep)` or `` p.startsWith(`${dir}/`) ``).
fn bare_prefix_check(e: &Expr) -> bool {
    // The last piece of the prefix: `path.sep`/`os.sep`, or a literal ending in a separator.
    // A drive (`c:`) is a root as `/` is: whatever follows is on that drive.
    let sep = |x: &Expr| match &x.kind {
        ExprKind::Attr(_, n) => n == "sep",
        ExprKind::Str(t) => t.ends_with('/') || t.ends_with('\\') || t.ends_with(':'),
        _ => false,
    };
    let ends_with_sep = |a: &Expr| match &a.kind {
        ExprKind::BinOp(ops, xs) if ops.iter().all(|o| o == "+") => xs.last().is_some_and(sep),
        ExprKind::FStr(parts) => parts.last().is_some_and(sep),
        ExprKind::Str(_) => sep(a),
        _ => false,
    };
    let mut stack = vec![e];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return true;
        }
        if let ExprKind::Call(f, args) = &e.kind {
            if matches!(&f.kind, ExprKind::Attr(_, m) if m == "startswith" || m == "startsWith") {
                let prefix = args.first().and_then(|a| match a {
                    Arg::Pos(x) => Some(x),
                    _ => None,
                });
                if !prefix.is_some_and(ends_with_sep) {
                    return true;
                }
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    false
}

/// The expression a one-expression lambda returns (`lambda d: ...`, JavaScript's `(d) => ...`).
fn predicate_body(e: &Expr) -> Option<&Expr> {
    let ExprKind::Lambda(def) = &e.kind else {
        return None;
    };
    match def.body.as_slice() {
        [Stmt {
            kind: StmtKind::Return(Some(x)),
            ..
        }] => Some(x),
        _ => None,
    }
}

/// Sink kinds a path-prefix check protects.
const PATH_KINDS: &[&str] = &["file_write", "file_delete", "file_read_path"];

/// A test that holds when a path is absolute (bit 1: `p.startswith("/")`, `os.path.isabs(p)`,
/// `Path(p).is_absolute()`, `path.isAbsolute(p)`) or has a `..` segment (bit 2: `".." in
/// p.split("/")`, `".." in Path(p).parts`, `".." in p`, `any(s == ".." for s in p.split("/"))`,
/// `p.includes("..")`, `p.split("/").includes("..")`): the name and the bit.
fn traversal_refusal(x: &Expr) -> Option<(String, u8)> {
    let name = |e: &Expr| match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        _ => None,
    };
    // `p`, `p.split(sep)`, `Path(p).parts`, `p.parts`: the name whose segments are tested.
    let segments_of = |e: &Expr| -> Option<String> {
        match &e.kind {
            ExprKind::Name(n) => Some(n.to_string()),
            ExprKind::Call(f, _) => match &f.kind {
                ExprKind::Attr(o, m) if m == "split" => name(o),
                _ => None,
            },
            ExprKind::Attr(o, m) if m == "parts" => match &o.kind {
                ExprKind::Call(_, args) => match args.as_slice() {
                    [Arg::Pos(v)] => name(v),
                    _ => None,
                },
                _ => name(o),
            },
            _ => None,
        }
    };
    let dotdot = |e: &Expr| matches!(&e.kind, ExprKind::Str(t) if t == "..");
    match &x.kind {
        ExprKind::Compare(xs, ops) if ops.len() == 1 && ops[0] == "in" && xs.len() == 2 => {
            if dotdot(&xs[0]) {
                segments_of(&xs[1]).map(|n| (n, 2))
            } else {
                None
            }
        }
        ExprKind::Call(f, args) => {
            match (&f.kind, args.as_slice()) {
                (ExprKind::Attr(o, m), [Arg::Pos(a)]) if m == "startswith" || m == "startsWith" => {
                    let abs = matches!(&a.kind, ExprKind::Str(t) if t == "/");
                    name(o).filter(|_| abs).map(|n| (n, 1))
                }
                (ExprKind::Attr(_, m), [Arg::Pos(a)]) if m == "isabs" || m == "isAbsolute" => {
                    name(a).map(|n| (n, 1))
                }
                (ExprKind::Attr(o, m), []) if m == "is_absolute" => match &o.kind {
                    ExprKind::Call(_, args) => match args.as_slice() {
                        [Arg::Pos(v)] => name(v).map(|n| (n, 1)),
                        _ => None,
                    },
                    _ => name(o).map(|n| (n, 1)),
                },
                (ExprKind::Attr(o, m), [Arg::Pos(a)]) if m == "includes" && dotdot(a) => {
                    segments_of(o).map(|n| (n, 2))
                }
                // `any(part == ".." for part in p.split("/"))`
                (ExprKind::Name(any), [Arg::Pos(c)]) if any == "any" => {
                    let ExprKind::Comp(c) = &c.kind else {
                        return None;
                    };
                    let [(Target::Name(var, _), iter, conds)] = c.generators.as_slice() else {
                        return None;
                    };
                    let tests_var = matches!(&c.elt.kind, ExprKind::Compare(xs, ops)
                        if ops.len() == 1 && ops[0] == "==" && xs.len() == 2
                            && ((matches!(&xs[0].kind, ExprKind::Name(v) if v == var) && dotdot(&xs[1]))
                                || (matches!(&xs[1].kind, ExprKind::Name(v) if v == var) && dotdot(&xs[0]))));
                    if tests_var && conds.is_empty() {
                        segments_of(iter).map(|n| (n, 2))
                    } else {
                        None
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The arguments of each prefix check (`startswith`/`startsWith`) in a guard's test, when the
/// test checks nothing else with a validator; `None` past 1,000 nodes.
fn prefix_checks(test: &Expr) -> Option<Vec<&[Arg]>> {
    let mut calls = vec![];
    let mut other = false;
    let mut stack = vec![test];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return None;
        }
        if let ExprKind::Call(f, args) = &e.kind {
            if let ExprKind::Attr(_, m) = &f.kind {
                if m == "startswith" || m == "startsWith" {
                    calls.push(args.as_slice());
                } else if VALIDATORS.contains(&m.as_str()) {
                    other = true;
                }
            }
        }
        crate::extract::langgraph::push_children(e, &mut stack);
    }
    (!other).then_some(calls)
}

/// Whether a guard's test is only prefix checks (`startswith`/`startsWith`).
fn prefix_guard(test: &Expr) -> bool {
    prefix_checks(test).is_some_and(|c| !c.is_empty())
}

/// Whether every prefix `test` checks for is a literal (or a tuple of literals) that does not
/// start with `-`, so whatever passes cannot be read as an option.
fn literal_prefixes(test: &Expr) -> bool {
    let literal =
        |e: &Expr| matches!(&e.kind, ExprKind::Str(p) if !p.is_empty() && !p.starts_with('-'));
    prefix_checks(test).is_some_and(|calls| {
        !calls.is_empty()
            && calls.iter().all(|args| match args.first() {
                Some(Arg::Pos(a)) => match &a.kind {
                    ExprKind::Tuple(xs) => !xs.is_empty() && xs.iter().all(literal),
                    _ => literal(a),
                },
                _ => false,
            })
    })
}

/// Recognises validation guards on a name: `x in ALLOWED` (clean inside, `true`) and
/// `x not in ALLOWED` / `not x.isalnum()` / `not is_relative_to(..)` with an exiting body
/// (clean after, `false`).
fn guard_clean(test: &Expr, body: &[Stmt], _orelse: &[Stmt]) -> Option<(String, bool)> {
    // `if (typeof v === "number") ...`, `if isinstance(v, int): ...`: inside, v is a number;
    // `if (typeof v !== "number") throw ...`: after it.
    if let Some((name, negated)) = number_test(test) {
        return if !negated {
            Some((name, true))
        } else if ends_in_exit(body) {
            Some((name, false))
        } else {
            None
        };
    }
    match &test.kind {
        // `if not p.is_relative_to(base) or p == base: return`: p is clean after.
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "or") && ends_in_exit(body) => xs
            .iter()
            .filter_map(|x| guard_clean(x, body, _orelse))
            .find(|(_, inside)| !inside),
        // `if (!r.startsWith(root + path.sep) && r !== root) throw`: after it, the name passed
        // the check or is the one value it was compared with (the root itself). Otherwise
        // (`if len(cmd) > 0 and cmd[0] in KNOWN:`), inside, every operand held. Each operand is
        // read once.
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "and") => {
            let found: Vec<Option<(String, bool)>> =
                xs.iter().map(|x| guard_clean(x, body, _orelse)).collect();
            let after = found.iter().flatten().find(|(_, inside)| !inside);
            if let (Some((name, _)), true) = (after, ends_in_exit(body)) {
                // The other operands only let through the name's one exempt value (`r !==
                // root`) or its absence (`target && !valid(target)`: an empty or missing value
                // skips the check and is no text to inject).
                let differs = |x: &Expr| {
                    matches!(&x.kind, ExprKind::Compare(ys, ops)
                        if ops.len() == 1
                            && matches!(ops[0].as_str(), "!=" | "!==" | "is not")
                            && ys.iter().any(|y| matches!(&y.kind, ExprKind::Name(n) if n == name)))
                        || matches!(&x.kind, ExprKind::Name(n) if n == name)
                };
                // Several checks of the name (`!u.startsWith("http://") &&
                // !u.startsWith("https://")`): it passed one of them. A bare flag
                // (`!allowUnsafe && ...`) is the operator's switch that turns the check off,
                // as for a check behind a switch (`if not ALLOW: check(url)`).
                let switch = |x: &Expr| match &x.kind {
                    ExprKind::Not(i) => field_name(i).is_some_and(|n| n != *name),
                    _ => false,
                };
                let ok = xs.iter().zip(&found).all(|(x, f)| {
                    differs(x) || switch(x) || f.as_ref().is_some_and(|(n, i)| n == name && !i)
                });
                return ok.then(|| (name.clone(), false));
            }
            found.into_iter().flatten().find(|(_, inside)| *inside)
        }
        // `if base not in p.parents: raise` (pathlib): `p` lies below `base` after it.
        ExprKind::Compare(xs, ops)
            if xs.len() == 2
                && (ops == &["in"] || ops == &["not in"] || ops == &["not", "in"])
                && matches!(xs.get(1).map(|x| &x.kind),
                    Some(ExprKind::Attr(o, a)) if a == "parents"
                        && matches!(o.kind, ExprKind::Name(_))) =>
        {
            let Some(ExprKind::Attr(o, _)) = xs.get(1).map(|x| &x.kind) else {
                return None;
            };
            let ExprKind::Name(p) = &o.kind else {
                return None;
            };
            if ops == &["in"] {
                Some((p.to_string(), true))
            } else if ends_in_exit(body) {
                Some((p.to_string(), false))
            } else {
                None
            }
        }
        ExprKind::Compare(xs, ops) if ops.len() == 1 => {
            let name = case_folded_name(xs.first()?)?;
            if ops[0] == "in" {
                Some((name, true))
            } else if ops.iter().any(|o| o == "not") || ops[0] == "not in" {
                if ends_in_exit(body) || resets_to_constant(body, &name) {
                    Some((name, false))
                } else {
                    None
                }
            } else {
                None
            }
        }
        ExprKind::Not(inner)
            if ends_in_exit(body)
                || guarded_name(inner).is_some_and(|n| resets_to_constant(body, &n)) =>
        {
            guarded_name(inner).map(|n| (n, false))
        }
        // `if invalid := [v for v in xs if v not in ALLOWED]: raise`,
        // `if any(v not in ALLOWED for v in xs): raise`: every element of `xs` is allowed after.
        _ if ends_in_exit(body) => outside_allow_list(test).map(|n| (n, false)),
        _ => None,
    }
}

/// A comprehension over one name with one loop variable (`v for v in xs if ...`): the variable,
/// the name and the conditions.
/// The name a membership test checks: `x`, or `x` with its case or surrounding blanks
/// normalised (`x.lower() not in KINDS`, `x.strip().upper()`): whatever passes is one of the
/// allowed words up to case and blanks, which no sink reads as syntax.
fn case_folded_name(e: &Expr) -> Option<String> {
    let mut cur = e;
    for _ in 0..4 {
        match &cur.kind {
            ExprKind::Name(n) => return Some(n.to_string()),
            // `command[0] in KNOWN`: the element, as its own slot.
            ExprKind::Subscript(..) => return index_slot(cur),
            ExprKind::Call(f, args) => match &f.kind {
                ExprKind::Attr(o, m)
                    if matches!(
                        m.as_str(),
                        "lower" | "upper" | "casefold" | "strip" | "lstrip" | "rstrip"
                    ) && args.is_empty() =>
                {
                    cur = o;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    None
}

/// The name whose parsed host a test refuses unless an allow-list holds it: `u.hostname not
/// in ALLOWED` (also `.netloc`, `.host`) and `!ALLOWED.has(u.hostname)` /
/// `!ALLOWED.includes(u.host)`.
fn refused_host(test: &Expr) -> Option<String> {
    let host_of = |e: &Expr| match &e.kind {
        ExprKind::Attr(o, h) if matches!(h.as_str(), "hostname" | "netloc" | "host") => {
            match &o.kind {
                ExprKind::Name(n) => Some(n.to_string()),
                _ => None,
            }
        }
        _ => None,
    };
    match &test.kind {
        ExprKind::Compare(xs, ops) if ops.len() == 1 && ops[0] == "not in" && xs.len() == 2 => {
            host_of(&xs[0])
        }
        ExprKind::Not(inner) => match &inner.kind {
            ExprKind::Call(f, args) => match (&f.kind, args.as_slice()) {
                (ExprKind::Attr(_, m), [Arg::Pos(x)]) if m == "has" || m == "includes" => {
                    host_of(x)
                }
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The names a loop over a list of rows binds, each with its place's taint: `for sql, params
/// in queries`, `for (i, _), (sql, params) in zip(ops, queries)` and `for i, (sql, params) in
/// enumerate(queries)`.
fn row_bindings(target: &Target, iter: &Expr, st: &State) -> Vec<(String, Option<Taint>)> {
    let rows_of = |e: &Expr| match &e.kind {
        ExprKind::Name(n) => st.rows.get(n.as_str()).filter(|r| !r.is_empty()),
        _ => None,
    };
    let unpack = |t: &Target, rows: &Vec<Option<Taint>>| -> Vec<(String, Option<Taint>)> {
        match t {
            Target::Tuple(ts) if ts.len() == rows.len() => ts
                .iter()
                .zip(rows)
                .filter_map(|(t, r)| match t {
                    Target::Name(n, _) => Some((n.clone(), r.clone())),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    };
    if let Some(rows) = rows_of(iter) {
        return unpack(target, rows);
    }
    let ExprKind::Call(f, args) = &iter.kind else {
        return vec![];
    };
    let (ExprKind::Name(func), Target::Tuple(ts)) = (&f.kind, target) else {
        return vec![];
    };
    let lists: Vec<&Expr> = args
        .iter()
        .filter_map(|a| match a {
            Arg::Pos(x) => Some(x),
            _ => None,
        })
        .collect();
    match func.as_str() {
        "zip" if lists.len() == ts.len() && lists.len() == args.len() => ts
            .iter()
            .zip(lists)
            .flat_map(|(t, l)| rows_of(l).map(|r| unpack(t, r)).unwrap_or_default())
            .collect(),
        "enumerate" if ts.len() == 2 && !lists.is_empty() => rows_of(lists[0])
            .map(|r| unpack(&ts[1], r))
            .unwrap_or_default(),
        _ => vec![],
    }
}

/// `rows.append((sql, params))` on a list of rows (`State::rows`), each element of the tuple
/// written without a call (names, literals, and text or lists made of them, which reading
/// twice changes nothing): the elements, to read for each place's taint.
fn appended_row<'e>(e: &'e Expr, st: &State) -> Option<&'e [Expr]> {
    let ExprKind::Call(f, args) = &e.kind else {
        return None;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    let (ExprKind::Name(n), "append", [Arg::Pos(x)]) = (&o.kind, m.as_str(), args.as_slice())
    else {
        return None;
    };
    if !st.rows.contains_key(n.as_str()) {
        return None;
    }
    let ExprKind::Tuple(xs) = &x.kind else {
        return None;
    };
    let calls = |x: &Expr| {
        let mut stack = vec![x];
        while let Some(y) = stack.pop() {
            if matches!(
                y.kind,
                ExprKind::Call(..) | ExprKind::Lambda(_) | ExprKind::Await(_)
            ) {
                return true;
            }
            crate::syntax::python::push_children(y, &mut stack);
        }
        false
    };
    (!xs.iter().any(calls)).then_some(xs.as_slice())
}

/// `urlparse(url).hostname` (also `.netloc`, `.host`), or `parsed.hostname` of a name holding
/// a parsed URL: the name of the URL text whose host it is.
fn host_of_url(value: &Expr, st: &State) -> Option<String> {
    let ExprKind::Attr(o, a) = &unawait(value).kind else {
        return None;
    };
    if !matches!(a.as_str(), "hostname" | "netloc" | "host") {
        return None;
    }
    match &o.kind {
        ExprKind::Name(p) => st.parsed_url.get(p.as_str()).cloned(),
        _ => parsed_url_of(o),
    }
}

/// What a value holding resolved addresses came from: the URL (or host) whose host a
/// resolution inside it names (`[i[4][0] for i in socket.getaddrinfo(host, None)]`), or the
/// one of a name holding addresses it reads (`infos[0][4][0]`). `host` is the host a project
/// helper that resolves its argument was given (`Walker::helper_resolution`).
fn addresses_of(
    v: &crate::extract::addresses::AddressVocabulary,
    value: &Expr,
    st: &State,
    host: Option<&Expr>,
) -> Option<String> {
    if let Some(h) = v.resolution_in(value).or(host) {
        return resolved_origin(h, st);
    }
    let mut stack = vec![value];
    while let Some(e) = stack.pop() {
        if let ExprKind::Name(n) = &e.kind {
            if let Some(o) = st.addrs.get(n.as_str()) {
                return Some(o.clone());
            }
        }
        crate::syntax::python::push_children(e, &mut stack);
    }
    None
}

/// The URL a resolved host expression stands for: a name holding a URL's host
/// (`host = urlparse(url).hostname`), a parsed URL's host (`parsed.hostname`,
/// `urlparse(url).hostname`), or the host name itself when it is a name of its own.
fn resolved_origin(host: &Expr, st: &State) -> Option<String> {
    match &unawait(host).kind {
        ExprKind::Name(n) => Some(
            st.url_host
                .get(n.as_str())
                .cloned()
                .unwrap_or_else(|| n.to_string()),
        ),
        _ => host_of_url(host, st),
    }
}

/// A refusal of private addresses settled the server of `origin`: it is clean for
/// `http_request_tainted_url`, and so are the parsed forms, host names and addresses taken
/// from it before the check.
fn mark_public(st: &mut State, origin: &str) {
    let hosts: Vec<String> = st
        .url_host
        .iter()
        .chain(&st.parsed_url)
        .chain(&st.addrs)
        .filter(|(_, u)| *u == origin)
        .map(|(h, _)| h.clone())
        .collect();
    for n in std::iter::once(origin.to_string()).chain(hosts) {
        if let Some(t) = slot(st, &n) {
            t.clean.insert(SSRF.to_string());
        }
    }
}

/// `new URL(raw)`, `urlparse(raw)`, `urllib.parse.urlsplit(raw)`: the name parsed.
fn parsed_url_of(value: &Expr) -> Option<String> {
    let ExprKind::Call(f, args) = &unawait(value).kind else {
        return None;
    };
    let callee = match &f.kind {
        ExprKind::Name(n) => n.as_str(),
        ExprKind::Attr(_, n) => n.as_str(),
        _ => return None,
    };
    if !matches!(callee, "URL" | "urlparse" | "urlsplit") {
        return None;
    }
    match args.first() {
        Some(Arg::Pos(Expr {
            kind: ExprKind::Name(n),
            ..
        })) => Some(n.to_string()),
        _ => None,
    }
}

/// A test that some element of a collection passes a predicate call: JavaScript's
/// `dirs.some((d) => inside(d, x))` and Python's `any(inside(d, x) for d in dirs)`. The call
/// and the name that stands for the element.
fn quantified_predicate(e: &Expr) -> Option<(&Expr, &str)> {
    let ExprKind::Call(f, args) = &e.kind else {
        return None;
    };
    let call = match (&f.kind, args.as_slice()) {
        (ExprKind::Attr(_, m), [Arg::Pos(l)]) if m == "some" => {
            let ExprKind::Lambda(def) = &l.kind else {
                return None;
            };
            let [p] = def.params.as_slice() else {
                return None;
            };
            (unawait(predicate_body(l)?), p.name.as_str())
        }
        (ExprKind::Name(n), [Arg::Pos(c)]) if n == "any" => {
            let ExprKind::Comp(c) = &c.kind else {
                return None;
            };
            let (var, _, conds) = one_generator(c)?;
            if !conds.is_empty() {
                return None;
            }
            (unawait(&c.elt), var)
        }
        _ => return None,
    };
    matches!(call.0.kind, ExprKind::Call(..)).then_some(call)
}

fn one_generator(c: &crate::syntax::python::Comprehension) -> Option<(&str, &str, &[Expr])> {
    match c.generators.as_slice() {
        [(
            Target::Name(var, _),
            Expr {
                kind: ExprKind::Name(seq),
                ..
            },
            conds,
        )] => Some((var.as_str(), seq.as_str(), conds.as_slice())),
        _ => None,
    }
}

/// The sequence whose elements a test finds outside an allow-list: a comprehension keeping the
/// elements `not in` a collection (the test is true when one is found), possibly bound by `:=`,
/// or `any(v not in C for v in xs)`.
fn outside_allow_list(test: &Expr) -> Option<String> {
    let (c, in_cond) = match &test.kind {
        ExprKind::Walrus(_, v) => match &v.kind {
            ExprKind::Comp(c) => (c, true),
            _ => return None,
        },
        ExprKind::Comp(c) => (c, true),
        ExprKind::Call(f, args) if matches!(&f.kind, ExprKind::Name(n) if n == "any") => {
            match args.as_slice() {
                [Arg::Pos(Expr {
                    kind: ExprKind::Comp(c),
                    ..
                })] => (c, false),
                _ => return None,
            }
        }
        _ => return None,
    };
    let (var, seq, conds) = one_generator(c)?;
    let not_in = |e: &Expr| {
        matches!(&e.kind, ExprKind::Compare(xs, ops)
            if ops.len() == 1 && ops[0] == "not in"
                && matches!(xs.first().map(|x| &x.kind), Some(ExprKind::Name(n)) if n == var))
    };
    let checked = if in_cond {
        matches!(conds, [cond] if not_in(cond))
    } else {
        conds.is_empty() && not_in(&c.elt)
    };
    checked.then(|| seq.to_string())
}

/// A test that holds only when a name holds a number or a boolean, which carries no text:
/// `typeof v === "number"` (also `"bigint"`, `"boolean"`), `Number.isInteger(v)` (and
/// `isFinite`, `isSafeInteger`), `isinstance(v, int)` (also `float`, `bool` or a tuple of
/// them). The flag says the test is negated (`!==`, `not isinstance(...)`): it holds when `v`
/// may be text.
fn number_test(test: &Expr) -> Option<(String, bool)> {
    const JS_TYPES: [&str; 3] = ["number", "bigint", "boolean"];
    const PY_TYPES: [&str; 3] = ["int", "float", "bool"];
    let plain = |x: &Expr| match &x.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        _ => None,
    };
    match &test.kind {
        ExprKind::Not(inner) => number_test(inner).map(|(n, neg)| (n, !neg)),
        ExprKind::Compare(xs, ops) if ops.len() == 1 && xs.len() == 2 => {
            let negated = match ops[0].as_str() {
                "===" | "==" => false,
                "!==" | "!=" => true,
                _ => return None,
            };
            let typeof_of = |x: &Expr| match &x.kind {
                ExprKind::Call(f, args) if matches!(&f.kind, ExprKind::Name(t) if t == "typeof") => {
                    match args.as_slice() {
                        [Arg::Pos(v)] => plain(v),
                        _ => None,
                    }
                }
                _ => None,
            };
            let number_word =
                |x: &Expr| matches!(&x.kind, ExprKind::Str(w) if JS_TYPES.contains(&w.as_str()));
            let name = match (&xs[0], &xs[1]) {
                (a, b) if number_word(b) => typeof_of(a),
                (a, b) if number_word(a) => typeof_of(b),
                _ => None,
            }?;
            Some((name, negated))
        }
        ExprKind::Call(f, args) => {
            let [Arg::Pos(v), rest @ ..] = args.as_slice() else {
                return None;
            };
            let name = plain(v)?;
            match (&f.kind, rest) {
                (ExprKind::Attr(o, m), [])
                    if matches!(&o.kind, ExprKind::Name(n) if n == "Number")
                        && matches!(m.as_str(), "isInteger" | "isFinite" | "isSafeInteger") =>
                {
                    Some((name, false))
                }
                (ExprKind::Name(n), [Arg::Pos(ty)]) if n == "isinstance" => {
                    let number_type = |t: &Expr| matches!(&t.kind, ExprKind::Name(c) if PY_TYPES.contains(&c.as_str()));
                    let all = match &ty.kind {
                        ExprKind::Tuple(ts) => !ts.is_empty() && ts.iter().all(number_type),
                        _ => number_type(ty),
                    };
                    all.then_some((name, false))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The name a validator call checks: `x.isalnum()` or `re.fullmatch(P, x)`.
fn guarded_name(call: &Expr) -> Option<String> {
    let ExprKind::Call(f, args) = &call.kind else {
        return None;
    };
    let ExprKind::Attr(o, m) = &f.kind else {
        return None;
    };
    if !VALIDATORS.contains(&m.as_str()) {
        return None;
    }
    // `PATTERN.fullmatch(x)` and `re.fullmatch(P, x)` check their argument, not the receiver.
    let regex = REGEX_METHODS.contains(&m.as_str()) && !args.is_empty();
    if let ExprKind::Name(n) = &o.kind {
        if !CHECKS_ARGUMENT.contains(&m.as_str()) && !regex {
            return Some(n.to_string());
        }
    }
    args.iter().rev().find_map(|a| match a {
        Arg::Pos(x) => field_name(x),
        _ => None,
    })
}

/// The name a check can clean: a name (`ref`), or a field of one (`context.ref`), written as a
/// dotted path (a field's taint is its object's until a check cleans the field alone).
fn field_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attr(o, a) => match &o.kind {
            ExprKind::Name(n) => Some(format!("{n}.{a}")),
            _ => None,
        },
        _ => None,
    }
}

/// The taint slot of `name` to clean: a name's own, or for `obj.field` one of its own made
/// from its object's taint.
/// The taint slot an expression names: a name (`x`), or one field of a name (`col.name`),
/// which reads back with its own taint once a check cleaned it.
fn slot_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attr(o, f) => match &o.kind {
            ExprKind::Name(n) => Some(format!("{n}.{f}")),
            _ => None,
        },
        _ => None,
    }
}

fn slot<'s>(st: &'s mut State, name: &str) -> Option<&'s mut Taint> {
    if !st.tainted.contains_key(name) {
        let base = name.split_once('.').map(|(b, _)| b)?;
        let t = st.tainted.get(base)?.clone();
        st.tainted.insert(name.to_string(), t);
    }
    st.tainted.get_mut(name)
}

/// A check that holds where a conditional expression picks its first value: `x in ALLOWED`
/// or a validator call (`PATTERN.match(x)`, `x.isalnum()`). The flag says whether it only
/// confines a path (`startswith`, `is_relative_to`).
fn positive_check(test: &Expr) -> Option<(String, bool)> {
    match &test.kind {
        ExprKind::Compare(xs, ops) if ops.len() == 1 && ops[0] == "in" => match &xs.first()?.kind {
            ExprKind::Name(n) => Some((n.to_string(), false)),
            _ => None,
        },
        ExprKind::Call(f, _) => {
            let name = guarded_name(test)?;
            let prefix = matches!(&f.kind, ExprKind::Attr(_, m) if m == "startswith" || m == "is_relative_to");
            Some((name, prefix))
        }
        _ => None,
    }
}

/// The expression an `await` waits on, or `e` itself.
pub(crate) fn unawait(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Await(x) => x,
        _ => e,
    }
}

/// Sink kinds that run code: a check in the code's own language does not make them safe.
const CODE_KINDS: &[&str] = &["code_exec", "remote_code_load"];

/// Whether a function is a check that raises: it returns no value anywhere (or only a
/// parameter, unchanged), and it raises
/// inside an `if` or an `except` handler (`if not ok: raise ValueError(...)`, `try:
/// ast.parse(code) except SyntaxError: raise ...`), so returning at all means the check passed.
/// A function that raises unconditionally (an abstract method) is not one.
///
/// `raiser` says whether a call always raises; `checker` whether a call is itself such a check
/// given one of this function's parameters. Both count under a test only (`if not
/// self.allow_private: _validate_public_url(url)`): a function that hands every value to
/// another check unconditionally is read as that check's caller, not as a check.
pub fn raises_on_failed_check(
    def: &FuncDef,
    raiser: &dyn Fn(&Expr) -> bool,
    checker: &dyn Fn(&Expr) -> bool,
) -> bool {
    let mut conditional_raise = false;
    // A check may hand back what it was given unchanged (`return url`): called as a
    // statement, it is the same check.
    let passed_back = |v: &Expr| {
        matches!(&v.kind, ExprKind::Name(n)
            if def.params.iter().any(|p| p.name == *n && p.name != "self"))
    };
    // Each statement with whether it runs under a test that reads a value (`guarded`), and under
    // any test at all, presence tests included (`switched`: `if not ALLOW_PRIVATE: check(url)`).
    let mut stack: Vec<(&Stmt, bool, bool)> = def.body.iter().map(|s| (s, false, false)).collect();
    while let Some((s, guarded, switched)) = stack.pop() {
        match &s.kind {
            StmtKind::Return(Some(v)) if !matches!(v.kind, ExprKind::None) && !passed_back(v) => {
                return false
            }
            StmtKind::Raise(_) if guarded => conditional_raise = true,
            // `if (!within(root, p)) invalid("...")`: a call of a helper that always raises.
            StmtKind::Expr(e) if guarded && raiser(e) => conditional_raise = true,
            // A check handed the value behind a switch (`if not self.allow_private:
            // _validate_public_url(url)`).
            StmtKind::Expr(e) if (guarded || switched) && checker(e) => conditional_raise = true,
            // A raise under a test of presence only (`if not path and not text: raise`) checks
            // that a value was given, not what it holds.
            StmtKind::If { test, body, orelse } if presence_only(test) => {
                stack.extend(body.iter().chain(orelse).map(|x| (x, guarded, true)));
            }
            StmtKind::If { body, orelse, .. } => {
                stack.extend(body.iter().chain(orelse).map(|x| (x, true, true)));
            }
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                stack.extend(body.iter().chain(orelse).map(|x| (x, guarded, switched)));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                stack.extend(
                    body.iter()
                        .chain(orelse)
                        .chain(finalbody)
                        .map(|x| (x, guarded, switched)),
                );
                stack.extend(handlers.iter().flatten().map(|x| (x, true, true)));
            }
            StmtKind::With { body, .. } => {
                stack.extend(body.iter().map(|x| (x, guarded, switched)))
            }
            _ => {}
        }
    }
    conditional_raise
}

/// Whether a test only asks whether values are there: names, `not`, `and`/`or` of them, and
/// comparisons with `None`.
fn presence_only(test: &Expr) -> bool {
    let mut stack = vec![test];
    let mut steps = 0;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 1_000 {
            return false;
        }
        match &e.kind {
            ExprKind::Name(_) | ExprKind::None => {}
            ExprKind::Not(x) => stack.push(x),
            ExprKind::BoolOp(_, xs) => stack.extend(xs.iter()),
            ExprKind::Compare(xs, ops)
                if ops.iter().all(|o| o == "is" || o == "not" || o == "is not")
                    && xs.iter().any(|x| matches!(x.kind, ExprKind::None)) =>
            {
                stack.extend(xs.iter())
            }
            _ => return false,
        }
    }
    true
}

/// Whether a validator's only check is that its argument matches, whole, a pattern of one
/// character class of letters, digits, `_`, `.` and `-` (`if not re.match(r"^[a-zA-Z0-9_.-]+$",
/// key): raise ValueError(...)`): no quote, space, separator or shell character passes it.
fn confining_check(def: &FuncDef) -> bool {
    let mut found = false;
    for s in &def.body {
        match &s.kind {
            // The docstring.
            StmtKind::Expr(Expr {
                kind: ExprKind::Str(_),
                ..
            }) => {}
            StmtKind::If { test, body, orelse }
                if orelse.is_empty()
                    && body
                        .last()
                        .is_some_and(|b| matches!(b.kind, StmtKind::Raise(_)))
                    && matches!(test.kind, ExprKind::Not(_)) =>
            {
                let Some(ExprKind::Call(_, args)) = regex_call(test).map(|c| &c.kind) else {
                    return false;
                };
                let Some(Arg::Pos(Expr {
                    kind: ExprKind::Str(p),
                    ..
                })) = args.first()
                else {
                    return false;
                };
                if !safe_class_pattern(p) {
                    return false;
                }
                found = true;
            }
            _ => return false,
        }
    }
    found
}

/// `^[A-Za-z0-9_.-]+$` and the like: anchored at both ends, one character class (letters,
/// digits, `\w`, `_`, `.`, `-`), repeated.
fn safe_class_pattern(p: &str) -> bool {
    let Some(body) = p.strip_prefix('^').or_else(|| p.strip_prefix("\\A")) else {
        return false;
    };
    let Some(body) = body
        .strip_suffix('$')
        .or_else(|| body.strip_suffix("\\Z"))
        .or_else(|| body.strip_suffix("\\z"))
    else {
        return false;
    };
    let Some(rest) = body.strip_prefix('[') else {
        return false;
    };
    let Some(close) = rest.find(']') else {
        return false;
    };
    let (class, tail) = (&rest[..close], &rest[close + 1..]);
    if class.starts_with('^') || !matches!(tail, "+" | "*") && !tail.starts_with('{') {
        return false;
    }
    if tail.starts_with('{')
        && !tail[1..]
            .trim_end_matches('}')
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')
    {
        return false;
    }
    let class = class
        .replace("\\w", "")
        .replace("\\d", "")
        .replace("\\-", "-")
        .replace("\\.", ".");
    class
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// Regular-expression methods: their last positional argument is what they check.
const REGEX_METHODS: &[&str] = &["match", "fullmatch", "search", "test"];

/// The regular-expression call a test makes (`re.fullmatch(P, x)`, `PATTERN.match(x)`), under
/// a `not` or not.
fn regex_call(test: &Expr) -> Option<&Expr> {
    let call = match &test.kind {
        ExprKind::Not(inner) => inner,
        // One operand of a compound guard (`x and not R.fullmatch(x)`, `not R.match(x) or
        // x.startswith("-")`): what the regular expression admits still decides the credit.
        ExprKind::BoolOp(ops, xs) if ops.iter().all(|o| o == "and" || o == "or") => {
            return xs.iter().find_map(regex_call);
        }
        _ => test,
    };
    let ExprKind::Call(f, args) = &call.kind else {
        return None;
    };
    match &f.kind {
        ExprKind::Attr(_, m) if REGEX_METHODS.contains(&m.as_str()) && !args.is_empty() => {
            Some(call)
        }
        _ => None,
    }
}

/// What a regular expression admits, from its text: whether it is anchored at the end (so
/// `match` checks the whole value) and whether a value can start with `-`.
fn regex_shape(pattern: &str) -> (bool, bool) {
    let end = pattern.ends_with('$') || pattern.ends_with("\\Z") || pattern.ends_with("\\z");
    let body = pattern
        .strip_prefix('^')
        .or_else(|| pattern.strip_prefix("\\A"))
        .unwrap_or(pattern);
    let dash = if let Some(class) = body.strip_prefix('[') {
        let close = class.find(']').unwrap_or(class.len());
        let inside = &class[..close];
        !inside.starts_with('^')
            && (inside.starts_with('-') || inside.ends_with('-') || inside.contains("\\-"))
            || inside.starts_with('^') && !inside.contains('-')
    } else {
        // A literal first character other than `-` (and not `.`, a class escape or a group)
        // keeps a leading dash out.
        !body.chars().next().is_some_and(|c| {
            c.is_ascii_alphanumeric()
                || "_/~@:=+,".contains(c)
                || c == '\\' && body[1..].starts_with(['d', 'w'])
        })
    };
    (end, dash)
}

/// Whether a failed check's body replaces the checked value with a constant of the code's own
/// (`if sort_by not in ALLOWED: sort_by = "size"`): after the `if`, the name holds either a
/// value that passed the check or that constant, as after a guard that returns.
fn resets_to_constant(body: &[Stmt], name: &str) -> bool {
    let Some(StmtKind::Assign { targets, value, .. }) = body.last().map(|s| &s.kind) else {
        return false;
    };
    let constant = match &value.kind {
        ExprKind::Str(_) | ExprKind::Num(_) | ExprKind::Bool(_) | ExprKind::None => true,
        // A module constant by convention (`DEFAULT_SORT`).
        ExprKind::Name(n) => {
            n.chars().any(|c| c.is_ascii_uppercase())
                && n.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        }
        _ => false,
    };
    constant && matches!(targets.as_slice(), [Target::Name(n, _)] if n == name)
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

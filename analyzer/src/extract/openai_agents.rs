//! OpenAI Agents SDK: reads the interpreter's objects as agents, their tools, the approval gates
//! on those tools, the handoffs and agents-as-tools between agents, and the runs that feed them
//! user input (frameworks.md §5).
//!
//! Python (`openai-agents`, import `agents`) and JavaScript (`@openai/agents`) are read by the
//! same code: TypeScript is lowered to the same values (`js_lower`, names mapped by
//! `rules/knowledge/openai_agents_js.toml`), and keyword arguments are also looked up in a single
//! positional options object (`new Agent({name, tools, handoffs})`). Every argument and class
//! name the SDK spells is in one table, [`Sdk`], read from `[openai_agents_sdk]` in
//! `rules/knowledge/openai_agents.toml` (JavaScript-only spellings included).
//!
//! Tools go into the shared tool table ([`ToolTable`]) (hosted tools are `[[tool]]` entries of
//! `rules/knowledge/openai_agents.toml`, MCP servers and `HostedMCPTool` are linked by
//! `mcp_link`), so every rule sees them. Gates (`needs_approval`, `require_approval`,
//! `on_approval`, tool guardrails) are kept per agent and tool; the routes between agents
//! (handoffs, agents called as tools and their answers) become `Handoff` edges of the project
//! graph.

use crate::extract::interp::{
    iter_elements, Evaluation, FuncVal, ModuleInfo, Obj, ObjId, ObjKind, Site, Value,
};
use crate::extract::langgraph::push_children;
use crate::extract::tools::ToolTable;
use crate::knowledge::glob_match;
use crate::model::SourceDb;
use crate::syntax::python::{Arg, Expr, ExprKind, Stmt, StmtKind};
use std::collections::{BTreeMap, HashMap};

/// How one SDK spells its constructs: class and function names (globs over resolved dotted
/// names) and argument names.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sdk {
    /// Agent classes.
    pub agent: Vec<String>,
    /// Methods of an agent that copy it with overrides (`agent.clone(...)`).
    pub clone: String,
    /// The method that wraps an agent as a tool (`agent.as_tool(...)`).
    pub as_tool: String,
    /// Function-tool decorators and factories (`@function_tool`, `tool = function_tool`).
    pub function_tool: Vec<String>,
    /// Explicit function-tool classes (`FunctionTool(name=..., on_invoke_tool=...)`).
    pub function_tool_class: Vec<String>,
    /// Handoff factories (`handoff(agent, input_filter=...)`).
    pub handoff: Vec<String>,
    /// Runs of an agent (`Runner.run(agent, input)`).
    pub run: Vec<String>,
    /// Handoff input filters known to drop every tool call and tool result from the history.
    pub drops_tool_results: Vec<String>,
    /// Tool classes whose `needs_approval`/`on_approval` the extractor reads.
    pub approval_tools: Vec<String>,
    /// Shell tools: hosted (sandboxed) when the environment is a container; a local one does
    /// what its `executor` does.
    pub shell_tool: Vec<String>,
    /// The hosted MCP tool (its server is linked by `mcp_link`).
    pub hosted_mcp: Vec<String>,
    /// What a hosted MCP tool without `require_approval` does: Python leaves it to the
    /// Responses API, which asks (`Always`); the JavaScript SDK defaults to `'never'` (`None`).
    pub hosted_mcp_default: Option<Approval>,
    /// The same for a hosted MCP tool written in JavaScript (`hostedMcpTool({...})` without
    /// `requireApproval` is `'never'`), whose settings are its own options, not a `tool_config`.
    pub hosted_mcp_default_js: Option<Approval>,
    /// The keys naming a policy's tools (`{"always": {"tool_names": [...]}}`; JavaScript's
    /// nested objects keep their spelling, `toolNames`).
    pub tool_names: Vec<String>,
    // Argument names.
    pub name: String,
    pub tools: String,
    pub handoffs: String,
    pub mcp_servers: String,
    pub needs_approval: String,
    pub on_approval: String,
    pub on_approval_request: String,
    pub require_approval: String,
    pub tool_config: String,
    pub name_override: String,
    pub tool_name: String,
    pub on_invoke_tool: String,
    pub tool_input_guardrails: String,
    pub input_filter: String,
    pub handoff_agent: String,
    pub starting_agent: String,
    pub input: String,
    pub environment: String,
    pub executor: String,
    /// JavaScript's local shell tool takes an object (`shellTool({ shell })`) whose method
    /// (`run`) executes the commands, where Python takes an `executor` function.
    pub shell: String,
    pub shell_run: String,
}

/// The framework name reported in the inventory.
pub const FRAMEWORK: &str = "openai-agents";

pub use crate::facts::openai_agents::*;

fn is_any(q: &str, globs: &[String]) -> bool {
    globs.iter().any(|g| glob_match(g, q))
}

fn class_in(o: &Obj, globs: &[String]) -> bool {
    o.class_name().is_some_and(|c| is_any(c, globs))
}

/// A keyword argument, or the key of a single options object (`new Agent({name, tools})`).
fn kw<'o>(o: &'o Obj, name: &str) -> Option<&'o Value> {
    o.kwarg(name).or_else(|| match o.args.first() {
        Some(Value::Dict(items)) if o.args.len() == 1 => items
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(name))
            .map(|(_, v)| v),
        _ => None,
    })
}

/// The site of a keyword argument's value, else the call.
fn kw_site(o: &Obj, name: &str) -> Site {
    Site {
        file: o.site.file,
        span: o.kwarg_span(name).unwrap_or(o.site.span),
    }
}

fn dict_get<'v>(d: &'v Value, key: &str) -> Option<&'v Value> {
    match d {
        Value::Dict(items) => items
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// Every call expression of a module by span (to read the syntax of an object's arguments).
fn calls_of(m: &ModuleInfo) -> HashMap<crate::model::Span, &Expr> {
    let mut out = HashMap::new();
    let mut stmts: Vec<&[Stmt]> = vec![&m.ir.body];
    let mut exprs: Vec<&Expr> = vec![];
    while let Some(b) = stmts.pop() {
        for s in b {
            match &s.kind {
                StmtKind::Func(d) => {
                    stmts.push(&d.body);
                    exprs.extend(d.decorators.iter());
                    exprs.extend(d.params.iter().filter_map(|p| p.default.as_ref()));
                }
                StmtKind::Class(d) => {
                    stmts.push(&d.body);
                    exprs.extend(d.decorators.iter());
                }
                _ => {}
            }
            stmts.extend(s.blocks());
            exprs.extend(s.exprs());
        }
    }
    while let Some(e) = exprs.pop() {
        if matches!(e.kind, ExprKind::Call(..)) {
            out.entry(e.span).or_insert(e);
        }
        push_children(e, &mut exprs);
    }
    out
}

/// The element expressions of a keyword argument written as a list literal.
fn list_elems<'e>(call: Option<&'e Expr>, name: &str) -> Option<&'e [Expr]> {
    let ExprKind::Call(_, args) = &call?.kind else {
        return None;
    };
    let v = args.iter().rev().find_map(|a| match a {
        Arg::Kw(k, v) if k == name => Some(v),
        _ => None,
    })?;
    match &v.kind {
        ExprKind::List(xs) | ExprKind::Tuple(xs)
            if !xs.iter().any(|x| matches!(x.kind, ExprKind::Starred(_))) =>
        {
            Some(xs)
        }
        _ => None,
    }
}

/// Whether a callback always answers "approve" (`lambda *_: {"approve": True}`): a constant
/// approval decides nothing.
fn approves_always(f: &FuncVal) -> bool {
    let mut returns: Vec<&Expr> = vec![];
    if f.def.is_lambda {
        if let Some(StmtKind::Return(Some(e))) = f.def.body.first().map(|s| &s.kind) {
            returns.push(e);
        }
    } else {
        crate::syntax::python::visit_stmts(&f.def.body, &mut |s| {
            if let StmtKind::Return(Some(e)) = &s.kind {
                returns.push(e);
            }
        });
    }
    !returns.is_empty()
        && returns.iter().all(|e| match &e.kind {
            ExprKind::Dict(items) => items.iter().any(|it| match it {
                crate::syntax::python::DictItem::Pair(k, v) => {
                    matches!(&k.kind, ExprKind::Str(s) if s == "approve")
                        && matches!(v.kind, ExprKind::Bool(true))
                }
                _ => false,
            }),
            ExprKind::Bool(true) => true,
            _ => false,
        })
}

pub struct OaiExtractor<'x, 'a> {
    ex: &'x mut ToolTable<'a>,
    ev: &'a Evaluation,
    modules: &'a [ModuleInfo],
    db: &'x SourceDb,
    sdk: &'a Sdk,
    facts: OaiFacts,
    agent_of: HashMap<ObjId, usize>,
    /// Objects allocated at each site.
    objs_at: HashMap<Site, Vec<ObjId>>,
    /// Per tool, the gate its definition carries (`needs_approval` on the function tool).
    tool_gates: HashMap<usize, Gate>,
    /// Call expressions by file and span, built when a file is first asked about.
    calls: HashMap<crate::model::FileId, HashMap<crate::model::Span, &'a Expr>>,
}

impl<'x, 'a> OaiExtractor<'x, 'a> {
    pub fn new(ex: &'x mut ToolTable<'a>, db: &'x SourceDb, sdk: &'a Sdk) -> Self {
        let ev = ex.ev;
        let modules = ex.modules;
        let mut objs_at: HashMap<Site, Vec<ObjId>> = HashMap::new();
        for (i, o) in ev.objects.iter().enumerate() {
            objs_at.entry(o.site).or_default().push(i);
        }
        OaiExtractor {
            ex,
            ev,
            modules,
            db,
            sdk,
            facts: OaiFacts {
                framework: FRAMEWORK,
                ..OaiFacts::default()
            },
            agent_of: HashMap::new(),
            objs_at,
            tool_gates: HashMap::new(),
            calls: HashMap::new(),
        }
    }

    pub fn run(mut self) -> OaiFacts {
        self.decorated_tools();
        let ids = self.agent_objects();
        for &id in &ids {
            self.agent_of.insert(id, self.facts.agents.len());
            let site = self.ev.objects[id].site;
            let name = self
                .field(id, &self.sdk.name)
                .and_then(|v| v.as_str().map(String::from));
            let name = name.unwrap_or_else(|| {
                let l = self.db.location(site.file, site.span);
                format!("Agent at {}:{}", l.path, l.line)
            });
            self.facts.agents.push(OaiAgent {
                name,
                site,
                tools: vec![],
                unknown_tools: false,
                gates: BTreeMap::new(),
                user_entries: vec![],
            });
        }
        for (ai, &id) in ids.iter().enumerate() {
            self.agent_tools(ai, id);
            self.agent_handoffs(ai, id);
        }
        self.appended_handoffs();
        self.runs();
        self.auto_approval_loops();
        self.facts.auto_approvals.sort_by_key(|a| a.site);
        self.facts.auto_approvals.dedup_by_key(|a| a.site);
        self.facts
    }

    /// `for item in result.interruptions: state.approve(item)` with nothing deciding in
    /// between: every approval request of the run is granted by the program.
    fn auto_approval_loops(&mut self) {
        let mut found: Vec<Site> = vec![];
        // Module bodies, then every function and method body (nested bodies are their own).
        let mut bodies: Vec<(crate::model::FileId, &[Stmt])> = self
            .modules
            .iter()
            .map(|m| (m.file, &m.ir.body[..]))
            .collect();
        for f in self.ev.funcs.values() {
            bodies.push((self.modules[f.module].file, &f.def.body[..]));
        }
        for (file, body) in bodies {
            crate::syntax::python::visit_stmts(body, &mut |st| {
                let StmtKind::For {
                    target: crate::syntax::python::Target::Name(item, _),
                    iter,
                    body,
                    ..
                } = &st.kind
                else {
                    return;
                };
                let over_interruptions = matches!(&iter.kind,
                    ExprKind::Attr(_, a) if a == "interruptions");
                if !over_interruptions {
                    return;
                }
                for b in body {
                    let StmtKind::Expr(e) = &b.kind else { continue };
                    let ExprKind::Call(f, args) = &e.kind else {
                        continue;
                    };
                    let approves = matches!(&f.kind, ExprKind::Attr(_, m) if m == "approve");
                    let of_item = matches!(args.first(),
                        Some(Arg::Pos(x)) if matches!(&x.kind, ExprKind::Name(n) if n == item));
                    if approves && of_item {
                        found.push(Site { file, span: e.span });
                    }
                }
            });
        }
        for site in found {
            self.facts.auto_approvals.push(AutoApproval {
                site,
                kind: "loop",
                gate: None,
            });
        }
    }

    /// The call expression at `site`.
    fn call_at(&mut self, site: Site) -> Option<&'a Expr> {
        let modules = self.modules;
        let calls = self.calls.entry(site.file).or_insert_with(|| {
            modules
                .iter()
                .find(|m| m.file == site.file)
                .map(calls_of)
                .unwrap_or_default()
        });
        calls.get(&site.span).copied()
    }

    fn is_agent_obj(&self, id: ObjId) -> bool {
        let o = &self.ev.objects[id];
        if class_in(o, &self.sdk.agent) {
            return true;
        }
        // `agent.clone(...)`: a method result whose receiver is an agent.
        let clone = o
            .class_name()
            .is_some_and(|c| c.rsplit('.').next() == Some(&self.sdk.clone));
        clone && o.receiver.is_some_and(|r| self.is_agent_obj_depth(r, 16))
    }

    fn is_agent_obj_depth(&self, id: ObjId, depth: usize) -> bool {
        let o = &self.ev.objects[id];
        if class_in(o, &self.sdk.agent) {
            return true;
        }
        let clone = o
            .class_name()
            .is_some_and(|c| c.rsplit('.').next() == Some(&self.sdk.clone));
        depth > 0
            && clone
            && o.receiver
                .is_some_and(|r| self.is_agent_obj_depth(r, depth - 1))
    }

    /// Agent objects, one per allocation; an allocation evaluated with unknown arguments (a
    /// factory's body on its own) is dropped when the same call also built known agents.
    fn agent_objects(&self) -> Vec<ObjId> {
        let mut by_site: BTreeMap<Site, Vec<ObjId>> = BTreeMap::new();
        for id in 0..self.ev.objects.len() {
            if self.is_agent_obj(id) {
                by_site
                    .entry(self.ev.objects[id].site)
                    .or_default()
                    .push(id);
            }
        }
        let mut out = vec![];
        for (_, ids) in by_site {
            let opaque = |id: &ObjId| {
                let o = &self.ev.objects[*id];
                [&self.sdk.tools, &self.sdk.handoffs, &self.sdk.name]
                    .iter()
                    .any(|k| matches!(kw(o, k), Some(Value::Unknown)))
            };
            let known: Vec<ObjId> = ids.iter().copied().filter(|i| !opaque(i)).collect();
            if ids.len() > 1 && !known.is_empty() {
                out.extend(known);
            } else {
                out.extend(ids);
            }
        }
        out
    }

    /// A field of an agent: its own argument, else the attribute assigned later
    /// (`agent.handoffs = [...]`), else the agent it was cloned from.
    fn field(&self, id: ObjId, name: &str) -> Option<Value> {
        let mut cur = id;
        for _ in 0..16 {
            let o = &self.ev.objects[cur];
            if let Some(v) = o.attrs.get(name) {
                return Some(v.clone());
            }
            if let Some(v) = kw(o, name) {
                return Some(v.clone());
            }
            if class_in(o, &self.sdk.agent) {
                return None;
            }
            cur = o.receiver?;
        }
        None
    }

    /// The object that holds field `name` of agent `id` (itself or the agent it was cloned from),
    /// for the syntax of its argument.
    fn field_owner(&self, id: ObjId, name: &str) -> ObjId {
        let mut cur = id;
        for _ in 0..16 {
            let o = &self.ev.objects[cur];
            if kw(o, name).is_some() || class_in(o, &self.sdk.agent) {
                return cur;
            }
            match o.receiver {
                Some(r) => cur = r,
                None => return cur,
            }
        }
        cur
    }

    // ---- tools ----------------------------------------------------------------------------

    /// Functions decorated with `@function_tool` are tools wherever they are used (and AIR106
    /// reads their bodies even when no agent holds them).
    fn decorated_tools(&mut self) {
        let mut funcs: Vec<(Site, FuncVal)> =
            self.ev.funcs.iter().map(|(s, f)| (*s, f.clone())).collect();
        funcs.sort_by_key(|(s, _)| *s);
        for (_, f) in funcs {
            if self.function_tool_decorator(&f).is_some() {
                let _ = self.function_tool(&f);
            }
        }
    }

    /// The `@function_tool` decoration of a function: the decorator's site and, when called
    /// with arguments, its object.
    fn function_tool_decorator(&self, f: &FuncVal) -> Option<(Site, Option<ObjId>)> {
        let ds = self.ev.decorators.get(&f.site(self.modules))?;
        let (_, at) = ds
            .iter()
            .find(|(n, _)| is_any(n, &self.sdk.function_tool))?;
        let obj = self.objs_at.get(at).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&i| class_in(&self.ev.objects[i], &self.sdk.function_tool))
        });
        Some((*at, obj))
    }

    /// The tool for a `@function_tool` function, with its name override and gate.
    fn function_tool(&mut self, f: &FuncVal) -> usize {
        let settings = self.function_tool_decorator(f).and_then(|(_, o)| o);
        let name = settings.and_then(|o| {
            kw(&self.ev.objects[o], &self.sdk.name_override)
                .and_then(|v| v.as_str())
                .map(String::from)
        });
        let t = self.ex.function_tool(f, name);
        if let Some(o) = settings {
            self.note_gate(t, o);
        }
        t
    }

    /// The gate a tool's own settings give it (`needs_approval`, `on_approval`, tool input
    /// guardrails), kept for every agent that holds it.
    fn note_gate(&mut self, t: usize, settings: ObjId) {
        self.note_auto_callback(t, settings, &self.sdk.on_approval);
        if let Some(g) = self.approval_of(settings) {
            self.tool_gates.entry(t).or_insert(g);
        }
    }

    /// An approval callback that always approves, next to a gate it then defeats.
    fn note_auto_callback(&mut self, t: usize, settings: ObjId, callback: &str) {
        let o = &self.ev.objects[settings];
        let Some(Value::Func(f)) = kw(o, callback) else {
            return;
        };
        if !approves_always(f) {
            return;
        }
        let gate = kw(o, &self.sdk.needs_approval)
            .filter(|v| !matches!(v, Value::Bool(false) | Value::None))
            .map(|_| kw_site(o, &self.sdk.needs_approval));
        let site = kw_site(o, callback);
        let name = self.ex.tools()[t].name.clone();
        self.facts.auto_approvals.push(AutoApproval {
            site,
            kind: "callback",
            gate: Some((gate.unwrap_or(o.site), name)),
        });
    }

    /// `needs_approval=True` / a callable, `on_approval=` (a program decides), and tool input
    /// guardrails, read from one object's arguments.
    fn approval_of(&self, id: ObjId) -> Option<Gate> {
        let o = &self.ev.objects[id];
        let needs = kw(o, &self.sdk.needs_approval).map(|v| {
            (
                match v {
                    Value::Bool(true) => Some(Approval::Always),
                    Value::Bool(false) | Value::None => None,
                    _ => Some(Approval::Conditional),
                },
                kw_site(o, &self.sdk.needs_approval),
            )
        });
        let mut gate = match needs {
            Some((Some(a), site)) => Some(Gate { approval: a, site }),
            _ => None,
        };
        // An `on_approval` callback answers in place of a person: it decides by program, and a
        // constant "approve" decides nothing.
        if let (Some(g), Some(cb)) = (gate, kw(o, &self.sdk.on_approval)) {
            let auto = matches!(cb, Value::Func(f) if approves_always(f));
            gate = if auto {
                None
            } else {
                Some(Gate {
                    approval: Approval::Conditional,
                    site: g.site,
                })
            };
        }
        if gate.is_none() {
            let guarded = kw(o, &self.sdk.tool_input_guardrails)
                .and_then(iter_elements)
                .is_some_and(|xs| !xs.is_empty());
            if guarded {
                gate = Some(Gate {
                    approval: Approval::Conditional,
                    site: kw_site(o, &self.sdk.tool_input_guardrails),
                });
            }
        }
        gate
    }

    /// `require_approval` of an MCP server or a hosted MCP tool's config, for the server's tool
    /// `t`. `default` is what an absent setting means.
    fn mcp_approval(
        &self,
        t: usize,
        setting: Option<&Value>,
        site: Site,
        default: Option<Approval>,
    ) -> Option<Gate> {
        let at = |approval| Some(Gate { approval, site });
        let Some(v) = setting else {
            return default.and_then(at);
        };
        match v {
            Value::Str(s, _) if &**s == "always" => at(Approval::Always),
            Value::Bool(true) => at(Approval::Always),
            Value::Str(..) | Value::Bool(false) | Value::None => None,
            Value::Dict(_) => {
                // `{"always": {"tool_names": [...]}, "never": {...}}` or `{"tool": "always"}`:
                // every call gated only when every acting tool of the server is listed.
                let mut always: Vec<String> = vec![];
                if let Some(a) = dict_get(v, "always") {
                    let names = (self.sdk.tool_names.iter())
                        .find_map(|k| dict_get(a, k))
                        .cloned()
                        .unwrap_or(Value::Unknown);
                    for n in iter_elements(&names).unwrap_or_default() {
                        if let Some(s) = n.as_str() {
                            always.push(s.to_string());
                        }
                    }
                }
                if let Value::Dict(items) = v {
                    for (k, val) in items.iter() {
                        if val.as_str() == Some("always") {
                            if let Some(k) = k.as_str() {
                                always.push(k.to_string());
                            }
                        }
                    }
                }
                if always.is_empty() {
                    return None;
                }
                let acting: Vec<&String> = self.ex.tools()[t]
                    .mcp
                    .as_ref()
                    .map(|m| m.tools.iter().filter(|(_, p)| *p).map(|(n, _)| n).collect())
                    .unwrap_or_default();
                if !acting.is_empty() && acting.iter().all(|n| always.contains(n)) {
                    at(Approval::Always)
                } else {
                    at(Approval::Conditional)
                }
            }
            // A callable policy decides per call.
            _ => at(Approval::Conditional),
        }
    }

    fn agent_tools(&mut self, ai: usize, id: ObjId) {
        let mut tools: Vec<usize> = vec![];
        let mut gates: BTreeMap<usize, Gate> = BTreeMap::new();
        let mut unknown = false;
        let tools_v = self.field(id, &self.sdk.tools);
        let owner = self.field_owner(id, &self.sdk.tools);
        let call = self.call_at(self.ev.objects[owner].site);
        let elem_sites: Vec<Site> = list_elems(call, &self.sdk.tools)
            .map(|xs| {
                xs.iter()
                    .map(|x| Site {
                        file: self.ev.objects[owner].site.file,
                        span: x.span,
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(v) = &tools_v {
            let mut stack: Vec<(Value, Option<Site>)> = match v {
                Value::List(xs) if xs.len() == elem_sites.len() => xs
                    .iter()
                    .cloned()
                    .zip(elem_sites.iter().copied().map(Some))
                    .rev()
                    .collect(),
                other => vec![(other.clone(), None)],
            };
            let mut seen = std::collections::HashSet::new();
            while let Some((v, at)) = stack.pop() {
                if !crate::extract::langgraph::first_visit(&mut seen, &v) {
                    continue;
                }
                match &v {
                    Value::List(xs) | Value::Union(xs) => {
                        stack.extend(xs.iter().rev().cloned().map(|x| (x, at)))
                    }
                    Value::None | Value::Str(..) | Value::Bool(_) | Value::Num => {}
                    Value::Func(f) if self.function_tool_decorator(f).is_some() => {
                        let f = f.clone();
                        tools.push(self.function_tool(&f));
                    }
                    Value::Obj(oid) => {
                        let oid = *oid;
                        let (ts, u, g) = self.tool_object(ai, oid, at);
                        tools.extend(ts.iter().copied());
                        unknown |= u;
                        if let Some(g) = g {
                            for t in ts {
                                gates.entry(t).or_insert(g);
                            }
                        }
                    }
                    other => {
                        let (ts, u) = self.ex.tools_of(other);
                        tools.extend(ts);
                        unknown |= u;
                    }
                }
            }
        }
        // MCP servers: every server's tools, gated by its `require_approval`.
        if let Some(v) = self.field(id, &self.sdk.mcp_servers) {
            let elems = match &v {
                Value::Obj(_) => vec![v.clone()],
                _ => match iter_elements(&v) {
                    Some(xs) => xs,
                    None => {
                        unknown |= !matches!(v, Value::None);
                        vec![]
                    }
                },
            };
            for e in elems {
                let (ts, u) = self.ex.tools_of(&e);
                unknown |= u;
                if let Value::Obj(sid) = e {
                    let so = &self.ev.objects[sid];
                    let setting = kw(so, &self.sdk.require_approval).cloned();
                    let site = kw_site(so, &self.sdk.require_approval);
                    for &t in &ts {
                        if let Some(g) = self.mcp_approval(t, setting.as_ref(), site, None) {
                            gates.entry(t).or_insert(g);
                        }
                    }
                }
                tools.extend(ts);
            }
        }
        for &t in &tools {
            if let Some(g) = self.tool_gates.get(&t) {
                gates.entry(t).or_insert(*g);
            }
        }
        tools.sort_unstable();
        tools.dedup();
        let a = &mut self.facts.agents[ai];
        a.tools = tools;
        a.gates = gates;
        a.unknown_tools = unknown;
    }

    /// One object of a `tools=` list: its tools, whether part is unknown, and a gate that
    /// applies to them here.
    fn tool_object(
        &mut self,
        ai: usize,
        oid: ObjId,
        at: Option<Site>,
    ) -> (Vec<usize>, bool, Option<Gate>) {
        let o = self.ev.objects[oid].clone();
        let class = o.class_name().unwrap_or_default().to_string();
        let last = class.rsplit('.').next().unwrap_or_default();
        // `agent.as_tool(...)`: a route to that agent, and a tool of this one.
        if last == self.sdk.as_tool {
            if let Some(target) = o.receiver.and_then(|r| self.agent_of.get(&r).copied()) {
                let target_name = self.facts.agents[target].name.clone();
                let name = kw(&o, &self.sdk.tool_name)
                    .and_then(|v| v.as_str())
                    .map(String::from)
                    .unwrap_or_else(|| tool_name_of(&target_name));
                let t = self.ex.synthetic_tool(&name, o.site, &class, &[], false);
                let gate = self.approval_of(oid);
                let holder = self.facts.agents[ai].name.clone();
                self.facts.routes.push(Route {
                    from: ai,
                    to: target,
                    kind: RouteKind::AgentTool,
                    site: o.site,
                    label: format!(
                        "agent `{holder}` calls agent `{target_name}` as tool `{name}` with a request it writes"
                    ),
                    gate: gate.filter(|g| g.approval == Approval::Always).map(|g| g.site),
                    filter: None,
                });
                self.facts.routes.push(Route {
                    from: target,
                    to: ai,
                    kind: RouteKind::Answer,
                    site: o.site,
                    label: format!(
                        "agent `{target_name}` answers tool `{name}` of agent `{holder}`"
                    ),
                    gate: None,
                    filter: None,
                });
                return (vec![t], false, None);
            }
            return (vec![], true, None);
        }
        // `function_tool(fn, name_override=...)` written as a call.
        if is_any(&class, &self.sdk.function_tool) {
            if let Some(Value::Func(f)) = o.args.first() {
                let name = kw(&o, &self.sdk.name_override)
                    .and_then(|v| v.as_str())
                    .map(String::from);
                let t = self.ex.function_tool(f, name);
                self.note_gate(t, oid);
                return (vec![t], false, None);
            }
        }
        // `FunctionTool(name=..., on_invoke_tool=fn, needs_approval=...)`.
        if is_any(&class, &self.sdk.function_tool_class) {
            if let Some(Value::Func(f)) = kw(&o, &self.sdk.on_invoke_tool) {
                let name = kw(&o, &self.sdk.name)
                    .and_then(|v| v.as_str())
                    .map(String::from);
                // JavaScript's `tool({ parameters: z.object({...}), execute })`: fields the
                // schema admits no text for reach `execute` checked by the SDK.
                if let Some(schema) = kw(&o, "parameters") {
                    let names = self.ex.k.api("mcp_server_js", "closed_schema");
                    let closed =
                        crate::extract::agent_kit::zod_closed_fields(self.ev, schema, names);
                    if !closed.is_empty() {
                        self.ex.body.close_params(f, closed);
                    }
                }
                // Defined by the `tool({...})` call that writes its function, as the other
                // JavaScript adapters' tools are; a function defined elsewhere keeps its own.
                let t = self.ex.function_tool_made_by(f, name, oid);
                self.note_gate(t, oid);
                return (vec![t], false, None);
            }
            return (vec![], true, None);
        }
        let (ts, unknown) = self.ex.tools_of(&Value::Obj(oid));
        // Hosted MCP: `tool_config["require_approval"]`; the Responses API asks for approval
        // when it is absent. An `on_approval_request` callback decides in place of a person.
        if is_any(&class, &self.sdk.hosted_mcp) {
            let cfg = kw(&o, &self.sdk.tool_config)
                .cloned()
                .unwrap_or(Value::Unknown);
            let setting = dict_get(&cfg, &self.sdk.require_approval)
                .or_else(|| kw(&o, &self.sdk.require_approval))
                .cloned();
            let site = match &setting {
                Some(Value::Str(_, s)) => *s,
                _ => at.unwrap_or(o.site),
            };
            let default = if self.is_javascript(o.site.file) {
                &self.sdk.hosted_mcp_default_js
            } else {
                &self.sdk.hosted_mcp_default
            };
            let mut gate = ts
                .first()
                .and_then(|&t| self.mcp_approval(t, setting.as_ref(), site, *default));
            if let Some(&t) = ts.first() {
                self.note_auto_callback(t, oid, &self.sdk.on_approval_request);
            }
            if let (Some(g), Some(cb)) = (gate, kw(&o, &self.sdk.on_approval_request)) {
                let auto = matches!(cb, Value::Func(f) if approves_always(f));
                gate = (!auto).then_some(Gate {
                    approval: Approval::Conditional,
                    site: g.site,
                });
            }
            return (ts, unknown, gate);
        }
        if is_any(&class, &self.sdk.approval_tools) {
            // A hosted shell (a container environment) runs in OpenAI's sandbox.
            if is_any(&class, &self.sdk.shell_tool) {
                let env = kw(&o, &self.sdk.environment).cloned();
                let hosted = env
                    .as_ref()
                    .and_then(|e| dict_get(e, "type"))
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| s.starts_with("container"));
                if hosted {
                    for &t in &ts {
                        self.ex.sandbox(t);
                    }
                }
                // A local executor written as a project function does what its body does (a
                // test stub that records the call runs nothing).
                let executor = match kw(&o, &self.sdk.executor) {
                    Some(Value::Func(f)) => Some(f.clone()),
                    _ => {
                        kw(&o, &self.sdk.shell).and_then(|v| self.method_of(v, &self.sdk.shell_run))
                    }
                };
                if let (false, Some(f)) = (hosted, executor) {
                    for &t in &ts {
                        self.ex.sinks_from(t, &f);
                    }
                }
            }
            for &t in &ts {
                self.note_auto_callback(t, oid, &self.sdk.on_approval);
            }
            return (ts, unknown, self.approval_of(oid));
        }
        (ts, unknown, None)
    }

    /// Whether a file is a JavaScript/TypeScript module (lowered by `js_lower`).
    fn is_javascript(&self, file: crate::model::FileId) -> bool {
        self.modules
            .iter()
            .any(|m| m.file == file && m.ir.javascript)
    }

    /// A method of a project object (`new LocalShell()`'s `run`, looked up along its classes'
    /// bases in a bounded walk) or a function of an object literal.
    fn method_of(&self, v: &Value, name: &str) -> Option<FuncVal> {
        // An object literal (`const shell: Shell = { run: async () => ... }`).
        if let Value::Dict(_) = v {
            return match dict_get(v, name) {
                Some(Value::Func(f)) => Some(f.clone()),
                _ => None,
            };
        }
        let Value::Obj(id) = v else { return None };
        let ObjKind::Instance(c) = &self.ev.objects[*id].kind else {
            return None;
        };
        let mut stack = vec![c.clone()];
        let mut steps = 0;
        while let Some(c) = stack.pop() {
            steps += 1;
            if steps > 32 {
                break;
            }
            if let Some(Value::Func(f)) = c.attrs.get(name) {
                return Some(f.clone());
            }
            stack.extend(c.bases.iter().rev().filter_map(|b| match b {
                Value::Class(b) => Some(b.clone()),
                _ => None,
            }));
        }
        None
    }

    // ---- handoffs ---------------------------------------------------------------------------

    fn agent_handoffs(&mut self, ai: usize, id: ObjId) {
        let Some(v) = self.field(id, &self.sdk.handoffs) else {
            return;
        };
        let owner = self.field_owner(id, &self.sdk.handoffs);
        let call = self.call_at(self.ev.objects[owner].site);
        let file = self.ev.objects[owner].site.file;
        let elem_sites: Vec<Site> = list_elems(call, &self.sdk.handoffs)
            .map(|xs| xs.iter().map(|x| Site { file, span: x.span }).collect())
            .unwrap_or_default();
        let whole = kw_site(&self.ev.objects[owner], &self.sdk.handoffs);
        let elems: Vec<(Value, Site)> = match &v {
            Value::List(xs) if xs.len() == elem_sites.len() => {
                xs.iter().cloned().zip(elem_sites).collect()
            }
            _ => iter_elements(&v)
                .unwrap_or_default()
                .into_iter()
                .map(|x| (x, whole))
                .collect(),
        };
        for (e, at) in elems {
            self.handoff_to(ai, &e, at);
        }
    }

    /// `agent.handoffs.append(other)` / `.extend([...])` after the agents are built (agents
    /// that hand back to each other), for agents bound to module-level names.
    fn appended_handoffs(&mut self) {
        for id in 0..self.ev.objects.len() {
            let o = &self.ev.objects[id];
            let Some(class) = o.class_name() else {
                continue;
            };
            let extend = class.ends_with(".handoffs.extend");
            if !(class.ends_with(".handoffs.append") || extend) || !class.starts_with("agents.") {
                continue;
            }
            let (site, arg) = (o.site, o.args.first().cloned());
            let Some(arg) = arg else { continue };
            let Some(call) = self.call_at(site) else {
                continue;
            };
            let ExprKind::Call(f, _) = &call.kind else {
                continue;
            };
            let ExprKind::Attr(h, _) = &f.kind else {
                continue;
            };
            let ExprKind::Attr(recv, _) = &h.kind else {
                continue;
            };
            let ExprKind::Name(name) = &recv.kind else {
                continue;
            };
            let Some(m) = self.modules.iter().position(|m| m.file == site.file) else {
                continue;
            };
            let Some(v) = self.ev.globals.get(m).and_then(|g| g.get(name.as_str())) else {
                continue;
            };
            let owners: Vec<usize> = v
                .alternatives()
                .iter()
                .filter_map(|a| match a {
                    Value::Obj(i) => self.agent_of.get(i).copied(),
                    _ => None,
                })
                .collect();
            let elems = if extend {
                iter_elements(&arg).unwrap_or_default()
            } else {
                vec![arg]
            };
            for ai in owners {
                for e in &elems {
                    self.handoff_to(ai, e, site);
                }
            }
        }
    }

    /// Routes from agent `ai` for one element of its handoffs: an agent, or `handoff(agent)`.
    fn handoff_to(&mut self, ai: usize, e: &Value, at: Site) {
        let from_name = self.facts.agents[ai].name.clone();
        for alt in e.alternatives() {
            let Value::Obj(oid) = alt else { continue };
            let oid = *oid;
            if let Some(&to) = self.agent_of.get(&oid) {
                let to_name = self.facts.agents[to].name.clone();
                self.facts.routes.push(Route {
                        from: ai,
                        to,
                        kind: RouteKind::Handoff,
                        site: at,
                        label: format!(
                            "agent `{from_name}` hands the conversation off to agent `{to_name}` (`transfer_to_{}`)",
                            tool_name_of(&to_name)
                        ),
                        gate: None,
                        filter: None,
                    });
                continue;
            }
            let o = self.ev.objects[oid].clone();
            if !class_in(&o, &self.sdk.handoff) {
                continue;
            }
            let target = kw(&o, &self.sdk.handoff_agent).or_else(|| o.args.first());
            let Some(target) = target.cloned() else {
                continue;
            };
            let filter = kw(&o, &self.sdk.input_filter).map(|f| Filter {
                site: kw_site(&o, &self.sdk.input_filter),
                drops_tool_results: f.alternatives().iter().all(|a| match a {
                    Value::Ext(q) => is_any(q, &self.sdk.drops_tool_results),
                    _ => false,
                }),
            });
            for t in target.alternatives() {
                let Value::Obj(tid) = t else { continue };
                let Some(&to) = self.agent_of.get(tid) else {
                    continue;
                };
                let to_name = self.facts.agents[to].name.clone();
                self.facts.routes.push(Route {
                        from: ai,
                        to,
                        kind: RouteKind::Handoff,
                        site: o.site,
                        label: format!(
                            "agent `{from_name}` hands the conversation off to agent `{to_name}` (`handoff(...)`)"
                        ),
                        gate: None,
                        filter,
                    });
            }
        }
    }

    // ---- runs -------------------------------------------------------------------------------

    /// `Runner.run(agent, input)` where the input comes from a request handler, the console or
    /// the command line: user input enters that agent.
    fn runs(&mut self) {
        for id in 0..self.ev.objects.len() {
            let o = &self.ev.objects[id];
            if !class_in(o, &self.sdk.run) {
                continue;
            }
            let agent = kw(o, &self.sdk.starting_agent).or_else(|| o.args.first());
            let input = kw(o, &self.sdk.input).or_else(|| o.args.get(1));
            // A literal prompt is the developer's, not the user's; a `RunState` resumes a run
            // after approvals.
            let resumes = |v: &Value| match v {
                Value::Obj(i) => self.ev.objects[*i]
                    .class_name()
                    .is_some_and(|c| c.ends_with(".to_state") || c.ends_with("RunState")),
                _ => false,
            };
            if input.is_some_and(|v| matches!(v, Value::Str(..)) || resumes(v)) {
                continue;
            }
            if !self.ex.is_user_context(o.site) {
                continue;
            }
            let site = o.site;
            let targets: Vec<usize> = agent
                .map(|a| {
                    a.alternatives()
                        .iter()
                        .filter_map(|v| match v {
                            Value::Obj(i) => self.agent_of.get(i).copied(),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            for t in targets {
                let entries = &mut self.facts.agents[t].user_entries;
                if !entries.contains(&site) {
                    entries.push(site);
                }
            }
        }
        for a in &mut self.facts.agents {
            a.user_entries.sort();
        }
    }
}

/// The SDK's function-style name of an agent, as in `transfer_to_<name>` and the default
/// `as_tool` name: lowercase, anything but letters, digits and `_` becomes `_`.
pub fn tool_name_of(agent: &str) -> String {
    agent
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The facts in a plain form for `AIRLOCK_DEBUG_FACTS`.
pub fn debug_facts(
    f: &OaiFacts,
    tools: &[crate::extract::langgraph::Tool],
    db: &SourceDb,
) -> String {
    let mut out = String::new();
    let at = |s: Site| {
        let l = db.location(s.file, s.span);
        format!("{}:{}", l.path, l.line)
    };
    for a in &f.agents {
        let names: Vec<String> = a
            .tools
            .iter()
            .map(|&t| match a.gates.get(&t) {
                Some(g) => format!("{} [{:?}]", tools[t].name, g.approval),
                None => tools[t].name.clone(),
            })
            .collect();
        out.push_str(&format!(
            "openai agent {} at {} tools {names:?}{} user {}\n",
            a.name,
            at(a.site),
            if a.unknown_tools { " +unknown" } else { "" },
            a.user_entries.len()
        ));
    }
    for r in &f.routes {
        out.push_str(&format!(
            "openai route {} -> {} {} at {}{}{}\n",
            f.agents[r.from].name,
            f.agents[r.to].name,
            r.kind.as_str(),
            at(r.site),
            if r.gate.is_some() { " gated" } else { "" },
            match r.filter {
                Some(x) if x.drops_tool_results => " filter(drops tools)",
                Some(_) => " filter",
                None => "",
            }
        ));
    }
    out
}

/// The OpenAI Agents SDK adapter (`extract::adapters`), Python and JavaScript alike.
pub struct Adapter;

impl crate::extract::adapters::Adapter for Adapter {
    fn name(&self) -> &'static str {
        "openai_agents"
    }

    fn extract<'a>(
        &self,
        p: &crate::extract::adapters::Project<'a>,
        tools: &mut ToolTable<'a>,
        ext: &mut crate::extract::adapters::Extensions,
        _notices: &mut Vec<crate::model::Notice>,
    ) {
        ext.oai = OaiExtractor::new(tools, p.db, &p.k.openai_agents_sdk).run();
    }

    fn agents(
        &self,
        facts: &crate::extract::adapters::Extracted,
        out: &mut Vec<crate::facts::Agent>,
    ) {
        out.extend(facts.oai.agents.iter().enumerate().map(|(i, a)| {
            let framework = facts.oai.framework_of(i);
            let hints = crate::extract::agent_kit::hints_for(framework)
                .unwrap_or(crate::facts::openai_agents::HINTS);
            crate::facts::openai_agents::neutral_agent(i, a, framework, hints)
        }));
    }

    fn dump(
        &self,
        p: &crate::extract::adapters::Project,
        facts: &crate::extract::adapters::Extracted,
    ) -> String {
        debug_facts(&facts.oai, &facts.tools, p.db)
    }
}

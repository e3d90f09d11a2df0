//! The generic agent adapter: frameworks whose agents are objects holding a tool list, with
//! approval flags on tools, sub-agents and run methods (Pydantic AI, smolagents, Google ADK;
//! frameworks.md §8–§10), and, through `js_lower`'s data-driven lowering of TypeScript, the
//! Vercel AI SDK and Mastra (§11–§12). Each framework is a thin adapter (`pydantic_ai.rs`, `smolagents.rs`,
//! `adk.rs`) that names its knowledge key; every spelling (agent classes, tool arguments,
//! decorators, wrappers, toolsets, approval arguments, run methods, executors, entry variables)
//! is a role of `[[api]]` in `rules/knowledge/<framework>.toml`, read with `Knowledge::api`. A
//! role a framework does not have is absent, and the step it drives finds nothing.
//!
//! What it writes is the neutral agent record every unit builder already reads (the agents,
//! per-tool gates, routes and user entries of `facts::openai_agents`, with the agent's own
//! framework name in `OaiFacts::frameworks`), and tools into the shared tool table, so no rule
//! changes for a new framework of this shape. Roles:
//!
//! - `agent`: agent classes; `tools_arg`: their arguments holding tools and toolsets;
//! - `tool_method`: agent methods decorating a function into a tool (`@agent.tool`);
//!   `tool_decorator`: free decorators (`@tool`); `tool_wrapper`: classes wrapping a function
//!   (`Tool(fn)`, `FunctionTool(fn)`); `tool_base`/`tool_run_method`: tool classes and the method
//!   that runs them (`forward`); `toolset`: toolsets holding or wrapping tools;
//! - gates, credited per tool: `approval_arg` (`requires_approval=True`: every call waits for a
//!   person; a callable: some calls), `approval_toolset` (a toolset whose calls wait),
//!   `approval_raise`/`approval_call` (the body asks on some paths: conditional),
//!   `tool_callback_arg` (a callback run before every tool that can refuse: a program decides,
//!   conditional);
//! - routes: `handoff_arg` (sub-agents the model transfers to, and back), `sequence_agent`
//!   (workflow agents running sub-agents in order), `delegate_arg` and `agent_tool` (agents
//!   called like tools, with their answer back), and agents run inside another agent's tool;
//! - code execution: `code_agent` (agents that run the model's code: `remote_executor` values of
//!   `executor_arg` move it off the host, `dangerous_import`s in `imports_arg` give it the
//!   shell), `code_executor_arg` with `local_executor` classes (or a knowledge sandbox);
//! - entries of user input: `run_method` calls from a request handler or with console input,
//!   `run_call` objects that are a run themselves (`generateText({ prompt })`),
//!   `serve_method` calls and `serve_wrapper` objects (a chat UI), and `entry_global` module
//!   variables a runner serves (`root_agent`).

use crate::extract::interp::{
    iter_elements, ClassVal, Evaluation, FuncVal, ModuleInfo, Site, Value,
};
use crate::extract::interp::{ObjId, ObjKind};
use crate::extract::tools::ToolTable;
use crate::facts::openai_agents::{Approval, Gate, OaiAgent, OaiFacts, Route, RouteKind};
use crate::facts::Hints;
use crate::knowledge::{glob_match, Knowledge};
use crate::model::SourceDb;
use crate::syntax::python::{push_children, visit_stmts, Arg, Expr, ExprKind, StmtKind, Target};
use std::collections::{BTreeMap, HashMap};

/// Keyword arguments of a run method carrying the user's request (`agent.run_sync(user_prompt=)`,
/// `team.run(task=)`, `workflow.run(user_msg=)`); otherwise the first positional argument.
const RUN_INPUT_ARGS: &[&str] = &["user_prompt", "task", "user_msg"];

/// Members of a team beyond which its open handoffs are written as a cycle of transfers (the
/// same reachability in a linear number of routes) instead of one transfer per pair.
const MAX_TEAM_PAIRS: usize = 32;

/// Bound on the values one tool list may expand to (lists of toolsets of lists ...).
const MAX_TOOL_VALUES: usize = 10_000;

/// A route found while reading tools (`AgentTool(agent=x)`), resolved once every agent is known.
struct PendingRoute {
    from: usize,
    to: ObjId,
    site: Site,
}

pub struct Kit<'x, 'a> {
    fw: &'static str,
    k: &'a Knowledge,
    ev: &'a Evaluation,
    modules: &'a [ModuleInfo],
    db: &'x SourceDb,
    ex: &'x mut ToolTable<'a>,
    out: &'x mut OaiFacts,
    /// Agent objects and their index in `out.agents`.
    agent_of: HashMap<ObjId, usize>,
    obj_of: HashMap<usize, ObjId>,
    /// Objects made by calling a method of each agent object (`agent.tool(...)`), built once
    /// so reading decorators costs one pass over the objects, not one per agent.
    made_by: HashMap<ObjId, Vec<ObjId>>,
    /// The agent objects of this framework, in index order.
    ids: Vec<ObjId>,
    /// Gates a tool's own definition carries (its wrapper or decorator arguments, its body).
    tool_gates: HashMap<usize, Gate>,
    pending: Vec<PendingRoute>,
    /// The tools each toolkit class registers (`toolkit_base`), with the names the model
    /// sees them by, keyed by the class's module and the start of its definition.
    toolkits: HashMap<(usize, u32), Vec<(usize, String)>>,
    /// Files of modules run as scripts (`is_program`): where a project class of the framework
    /// itself counts as the framework's (`class_name`).
    programs: std::collections::HashSet<crate::model::FileId>,
    /// The objects whose class matches some name of this framework's API (any role), in index
    /// order: the only objects `class_in` can accept, so the passes that look for a role walk
    /// these instead of every object of the project (which is every framework's objects).
    classed: Vec<ObjId>,
}

/// The gate an approval argument's value gives: `True` every call, a callable or an unknown
/// value some calls (a program decides), `False`/`None` none.
fn gate_of(v: &Value, site: Site) -> Option<Gate> {
    let approval = match v {
        Value::Bool(false) | Value::None => return None,
        Value::Bool(true) => Approval::Always,
        _ => Approval::Conditional,
    };
    Some(Gate { approval, site })
}

/// Whether a module is a program: it has a top-level `if __name__ == "__main__":` block.
fn is_program(body: &[crate::syntax::python::Stmt]) -> bool {
    body.iter().any(|st| {
        let StmtKind::If { test, .. } = &st.kind else {
            return false;
        };
        let ExprKind::Compare(xs, ops) = &test.kind else {
            return false;
        };
        let name = |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if n == "__name__");
        let main = |e: &Expr| matches!(&e.kind, ExprKind::Str(s) if s == "__main__");
        ops.len() == 1
            && ops[0] == "=="
            && xs.len() == 2
            && ((name(&xs[0]) && main(&xs[1])) || (main(&xs[0]) && name(&xs[1])))
    })
}

/// The stronger of two gates.
fn stronger(a: Option<Gate>, b: Option<Gate>) -> Option<Gate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.approval > x.approval { y } else { x }),
        (x, y) => x.or(y),
    }
}

impl<'x, 'a> Kit<'x, 'a> {
    pub fn new(
        fw: &'static str,
        ex: &'x mut ToolTable<'a>,
        db: &'x SourceDb,
        out: &'x mut OaiFacts,
    ) -> Self {
        let programs = ex
            .modules
            .iter()
            .filter(|m| is_program(&m.ir.body))
            .map(|m| m.file)
            .collect();
        Kit {
            fw,
            k: ex.k,
            ev: ex.ev,
            modules: ex.modules,
            db,
            ex,
            out,
            agent_of: HashMap::new(),
            obj_of: HashMap::new(),
            made_by: HashMap::new(),
            ids: vec![],
            tool_gates: HashMap::new(),
            pending: vec![],
            toolkits: HashMap::new(),
            programs,
            classed: vec![],
        }
    }

    fn api(&self, role: &str) -> &'a [String] {
        self.k.api(self.fw, role)
    }

    fn class_in(&self, id: ObjId, role: &str) -> bool {
        let globs = self.api(role);
        self.class_name(id)
            .is_some_and(|c| globs.iter().any(|g| glob_match(g, &c)))
    }

    /// The dotted name an object's class is matched under: an external class's name, or a
    /// project class's module path and name (`smolagents.agents.CodeAgent`). The second only
    /// matches the framework's own globs when the project is the framework itself, and only for
    /// a construction in one of its programs (a module run as a script: `if __name__ ==
    /// "__main__":`), the CLIs and apps it ships (`smolagent`'s `CodeAgent(...)`). A library
    /// module's constructions are templates whose tools and inputs come from the caller. A
    /// class's stand-in (its instance built at its definition with unknown arguments) is no
    /// construction.
    fn class_name(&self, id: ObjId) -> Option<std::borrow::Cow<'a, str>> {
        let o: &'a crate::extract::interp::Obj = &self.ev.objects[id];
        match &o.kind {
            ObjKind::Ext(c) => Some(std::borrow::Cow::Borrowed(c)),
            ObjKind::Instance(c) => {
                let m = self.modules.get(c.module)?;
                let stand_in = o.site.file == m.file && o.site.span == c.def.span;
                let in_program = self.programs.contains(&o.site.file);
                (!stand_in && in_program)
                    .then(|| std::borrow::Cow::Owned(format!("{}.{}", m.name, c.def.name)))
            }
            ObjKind::ToolFunc { .. } => None,
        }
    }

    /// The last segment of an object's class is one of `role`'s names (methods).
    fn method_in(&self, id: ObjId, role: &str) -> bool {
        let names = self.api(role);
        self.ev.objects[id]
            .class_name()
            .and_then(|c| c.rsplit('.').next())
            .is_some_and(|m| names.iter().any(|n| n == m))
    }

    fn kw(&self, id: ObjId, names: &[String]) -> Option<(&'a Value, Site)> {
        let o = &self.ev.objects[id];
        names.iter().find_map(|n| {
            o.kwarg(n).map(|v| {
                let span = o.kwarg_span(n).unwrap_or(o.site.span);
                (
                    v,
                    Site {
                        file: o.site.file,
                        span,
                    },
                )
            })
        })
    }

    fn kw_role(&self, id: ObjId, role: &str) -> Option<(&'a Value, Site)> {
        self.kw(id, self.api(role))
    }

    pub fn run(mut self) {
        if self.api("agent").is_empty() {
            return;
        }
        let globs: Vec<&String> = self.k.api_names(self.fw).collect();
        // A name matches a glob only under the glob's first segment when that is literal: the
        // objects of other libraries (most of them) are passed over by one lookup.
        let first = |g: &str| g.split('.').next().unwrap_or(g).to_string();
        let roots: Option<std::collections::HashSet<String>> = globs
            .iter()
            .all(|g| !first(g).contains('*'))
            .then(|| globs.iter().map(|g| first(g)).collect());
        self.classed = (0..self.ev.objects.len())
            .filter(|&id| {
                self.class_name(id).is_some_and(|c| {
                    roots
                        .as_ref()
                        .is_none_or(|r| r.contains(c.split('.').next().unwrap_or(&c)))
                        && globs.iter().any(|g| glob_match(g, &c))
                })
            })
            .collect();
        self.decorated_tools();
        self.toolkit_tools();
        self.ids = self.agent_objects();
        let agents: std::collections::HashSet<ObjId> = self.ids.iter().copied().collect();
        for (j, o) in self.ev.objects.iter().enumerate() {
            if let Some(r) = o.receiver.filter(|r| agents.contains(r)) {
                self.made_by.entry(r).or_default().push(j);
            }
        }
        // One agent per construction site and name: a factory called from several places
        // builds the same agent each time (its tools are merged).
        let mut by_key: HashMap<(Site, String), usize> = HashMap::new();
        for &id in &self.ids.clone() {
            let ai = self.out.agents.len();
            let site = self.ev.objects[id].site;
            let named = self
                .kw(id, &["name".to_string()])
                .map(|(v, _)| v)
                .or_else(|| {
                    // `AssistantAgent("planner", ...)`: classes whose first argument is the name.
                    self.class_in(id, "name_first")
                        .then(|| self.ev.objects[id].args.first())
                        .flatten()
                });
            let name = match named {
                Some(Value::Str(s, _)) => s.to_string(),
                _ => {
                    let l = self.db.location(site.file, site.span);
                    let class = self.class_name(id).unwrap_or("Agent".into());
                    let class = class.rsplit('.').next().unwrap_or(&class);
                    format!("{class} at {}:{}", l.path, l.line)
                }
            };
            if let Some(&same) = by_key.get(&(site, name.clone())) {
                self.agent_of.insert(id, same);
                continue;
            }
            by_key.insert((site, name.clone()), ai);
            self.agent_of.insert(id, ai);
            self.obj_of.insert(ai, id);
            self.out.agents.push(OaiAgent {
                name,
                site,
                tools: vec![],
                unknown_tools: false,
                gates: BTreeMap::new(),
                user_entries: vec![],
            });
            self.out.frameworks.insert(ai, self.fw);
        }
        for &id in &self.ids.clone() {
            self.agent_tools(id);
        }
        self.routes();
        self.entries();
    }

    /// Agent objects, one per allocation; an allocation evaluated with unknown arguments (a
    /// factory's body on its own) is dropped when the same call also built known agents.
    fn agent_objects(&self) -> Vec<ObjId> {
        let mut by_site: BTreeMap<Site, Vec<ObjId>> = BTreeMap::new();
        for &id in &self.classed {
            if self.class_in(id, "agent") {
                by_site
                    .entry(self.ev.objects[id].site)
                    .or_default()
                    .push(id);
            }
        }
        let opaque = |id: &ObjId| {
            let names = self.api("tools_arg");
            names
                .iter()
                .chain(std::iter::once(&"name".to_string()))
                .any(|n| matches!(self.ev.objects[*id].kwarg(n), Some(Value::Unknown)))
        };
        let mut out = vec![];
        for (_, ids) in by_site {
            let known: Vec<ObjId> = ids.iter().copied().filter(|i| !opaque(i)).collect();
            if ids.len() > 1 && !known.is_empty() {
                out.extend(known);
            } else {
                out.extend(ids);
            }
        }
        out
    }

    /// Functions under a tool decorator (`@tool`) are tools wherever they are used, so their
    /// bodies are read even when no agent holds them (AIR106).
    fn decorated_tools(&mut self) {
        let globs = self.api("tool_decorator");
        if globs.is_empty() {
            return;
        }
        // Methods, by definition site, with their class: a decorated method is a tool of its
        // class (`@kernel_function` in a plugin class), run with its own `self`.
        let mut class_of: HashMap<Site, (usize, u32)> = HashMap::new();
        for c in self.ev.classes.values() {
            for v in c.attrs.values() {
                if let Value::Func(m) = v {
                    class_of.insert(m.site(self.modules), (c.module, c.def.span.start));
                }
            }
        }
        let funcs: Vec<FuncVal> = self.ev.funcs.values().cloned().collect();
        for mut f in funcs {
            let decorated = self
                .ev
                .decorators
                .get(&f.site(self.modules))
                .is_some_and(|ds| {
                    ds.iter()
                        .any(|(n, _)| globs.iter().any(|g| glob_match(g, n)))
                });
            if decorated {
                let gate = self.decorator_gate(&f);
                let class = class_of.get(&f.site(self.modules)).copied();
                let is_static = f
                    .def
                    .decorators
                    .iter()
                    .any(|d| matches!(&d.kind, ExprKind::Name(n) if n == "staticmethod"));
                if class.is_some() && !is_static && f.bound.is_none() {
                    f.bound = Some(Box::new(Value::Unknown));
                }
                let t = self.function_tool(&f, None, gate);
                if let Some(key) = class {
                    let name = f.def.name.clone();
                    self.toolkits.entry(key).or_default().push((t, name));
                }
            }
        }
    }

    /// The gate a tool decorator's own approval argument puts on the function
    /// (`@tool(requires_confirmation=True)`).
    fn decorator_gate(&self, f: &FuncVal) -> Option<Gate> {
        let names = self.api("approval_arg");
        let file = self.modules[f.module].file;
        f.def.decorators.iter().find_map(|d| {
            let ExprKind::Call(_, args) = &d.kind else {
                return None;
            };
            args.iter().find_map(|a| match a {
                Arg::Kw(k, v) if names.iter().any(|n| n == k) => {
                    let value = match &v.kind {
                        ExprKind::Bool(b) => Value::Bool(*b),
                        ExprKind::None => Value::None,
                        _ => Value::Unknown,
                    };
                    gate_of(&value, Site { file, span: v.span })
                }
                _ => None,
            })
        })
    }

    /// The tool a project function makes, with the gate its definition carries.
    fn function_tool(&mut self, f: &FuncVal, name: Option<String>, gate: Option<Gate>) -> usize {
        let t = self.ex.function_tool(f, name);
        self.note_gates(t, f, gate)
    }

    /// The tool a wrapper object makes of a function (located at the wrapper's call when the
    /// function is written inside it), with its gate.
    fn wrapped_tool(
        &mut self,
        f: &FuncVal,
        name: Option<String>,
        gate: Option<Gate>,
        id: ObjId,
    ) -> usize {
        let t = self.ex.function_tool_made_by(f, name, id);
        self.note_gates(t, f, gate)
    }

    fn note_gates(&mut self, t: usize, f: &FuncVal, gate: Option<Gate>) -> usize {
        let g = stronger(gate, self.body_gate(f));
        let prev = self.tool_gates.get(&t).copied();
        if let Some(g) = stronger(prev, g) {
            self.tool_gates.insert(t, g);
        }
        t
    }

    /// A request for approval inside a tool's body: `raise ApprovalRequired` or
    /// `tool_context.request_confirmation(...)` on some paths (a conditional gate).
    fn body_gate(&self, f: &FuncVal) -> Option<Gate> {
        let raises = self.api("approval_raise");
        let calls = self.api("approval_call");
        if raises.is_empty() && calls.is_empty() {
            return None;
        }
        let file = self.modules[f.module].file;
        let mut found: Option<crate::model::Span> = None;
        visit_stmts(&f.def.body, &mut |s| {
            if found.is_some() {
                return;
            }
            if let StmtKind::Raise(Some(e)) = &s.kind {
                let callee = match &e.kind {
                    ExprKind::Call(c, _) => c,
                    _ => e,
                };
                if last_name(callee).is_some_and(|n| raises.iter().any(|r| r == n)) {
                    found = Some(s.span);
                    return;
                }
            }
            let mut stack: Vec<&Expr> = s.exprs();
            while let Some(e) = stack.pop() {
                if let ExprKind::Call(c, _) = &e.kind {
                    if let ExprKind::Attr(_, m) = &c.kind {
                        if calls.iter().any(|n| n == m) {
                            found = Some(e.span);
                            return;
                        }
                    }
                }
                push_children(e, &mut stack);
            }
        });
        found.map(|span| Gate {
            approval: Approval::Conditional,
            site: Site { file, span },
        })
    }

    /// Whether a project class derives from one of the framework's tool base classes.
    fn is_tool_class(&self, c: &ClassVal) -> bool {
        self.derives_from(c, "tool_base")
    }

    /// Whether a project class derives from a class named by `role`: a library class, or the
    /// framework's own class when its source is part of the scanned tree (the class's module
    /// and name match the same name).
    fn derives_from(&self, c: &ClassVal, role: &str) -> bool {
        let globs = self.api(role);
        if globs.is_empty() {
            return false;
        }
        let mut stack: Vec<Value> = c.bases.iter().cloned().collect();
        let mut steps = 0;
        while let Some(b) = stack.pop() {
            steps += 1;
            if steps > 32 {
                break;
            }
            match b {
                Value::Ext(q) if globs.iter().any(|g| glob_match(g, &q)) => return true,
                Value::Class(bc) => {
                    let q = format!("{}.{}", self.modules[bc.module].name, bc.def.name);
                    if globs.iter().any(|g| glob_match(g, &q)) {
                        return true;
                    }
                    stack.extend(bc.bases.iter().cloned())
                }
                _ => {}
            }
        }
        false
    }

    /// Toolkit classes (`toolkit_base`: agno's and phidata's `Toolkit`) are tools wherever they
    /// are defined, like decorated functions: each method the class registers is a tool whose
    /// parameters the model fills.
    fn toolkit_tools(&mut self) {
        if self.api("toolkit_base").is_empty() {
            return;
        }
        let classes: Vec<ClassVal> = self.ev.classes.values().cloned().collect();
        for c in classes {
            if !self.derives_from(&c, "toolkit_base") {
                continue;
            }
            let mut tools = vec![];
            for (method, name) in registered_methods(
                &c.def,
                self.api("toolkit_register"),
                self.api("toolkit_tools_arg"),
            ) {
                let Some(mut f) = method_of(&c, &method) else {
                    continue;
                };
                f.bound = Some(Box::new(Value::Unknown));
                let name = name.unwrap_or(method);
                let t = self.function_tool(&f, Some(name.clone()), None);
                tools.push((t, name));
            }
            self.toolkits
                .entry((c.module, c.def.span.start))
                .or_default()
                .extend(tools);
        }
    }

    /// The tools an instance of a toolkit class gives an agent, each with the gate the
    /// instance's approval list (`toolkit_approval_arg`: names of tools that ask first) puts
    /// on it.
    fn toolkit_instance(&self, id: ObjId, c: &ClassVal) -> Option<Vec<(usize, Option<Gate>)>> {
        let tools = self.toolkits.get(&(c.module, c.def.span.start))?;
        let approved = self.kw_role(id, "toolkit_approval_arg");
        Some(
            tools
                .iter()
                .map(|(t, name)| {
                    let gate = approved.and_then(|(v, s)| {
                        let listed = match v {
                            Value::List(xs) => xs.iter().any(|x| x.as_str() == Some(name)),
                            _ => false,
                        };
                        // An unknown list may name it: a program decides.
                        let unknown = !matches!(v, Value::List(_) | Value::None);
                        match (listed, unknown) {
                            (true, _) => Some(Gate {
                                approval: Approval::Always,
                                site: s,
                            }),
                            (false, true) => Some(Gate {
                                approval: Approval::Conditional,
                                site: s,
                            }),
                            _ => None,
                        }
                    });
                    (*t, gate)
                })
                .collect(),
        )
    }

    // ---- tools ----------------------------------------------------------------------------

    fn agent_tools(&mut self, id: ObjId) {
        let ai = self.agent_of[&id];
        let mut tools: Vec<usize> = vec![];
        let mut gates: BTreeMap<usize, Gate> = BTreeMap::new();
        let mut unknown = false;
        // Tool arguments (`tools=[...]`, `toolsets=[...]`), each element at its own place.
        for name in self.api("tools_arg") {
            let Some((v, site)) = self.kw(id, std::slice::from_ref(name)) else {
                continue;
            };
            let (ts, gs, unk) = self.resolve(ai, v, site);
            tools.extend(ts);
            for (t, g) in gs {
                gates.insert(t, stronger(gates.get(&t).copied(), Some(g)).unwrap_or(g));
            }
            unknown |= unk;
        }
        // `@agent.tool` (bare: a call on the agent) and `@agent.tool(requires_approval=True)`
        // (a decorator object made by the agent).
        let methods = self.api("tool_method");
        if !methods.is_empty() {
            let mut found: Vec<(FuncVal, Option<Gate>, Option<String>)> = vec![];
            for c in &self.ev.objects[id].calls {
                if methods.contains(&c.method) {
                    if let Some(Value::Func(f)) = c.args.first() {
                        found.push((f.clone(), None, None));
                    }
                }
            }
            let made = self.made_by.get(&id).cloned().unwrap_or_default();
            for j in made {
                let o = &self.ev.objects[j];
                if !self.method_in(j, "tool_method") {
                    continue;
                }
                let gate = self
                    .kw_role(j, "approval_arg")
                    .and_then(|(v, s)| gate_of(v, s));
                let name = o.kwarg("name").and_then(|v| v.as_str()).map(String::from);
                for c in o.calls.iter().filter(|c| c.method == "__decorate__") {
                    if let Some(Value::Func(f)) = c.args.first() {
                        found.push((f.clone(), gate, name.clone()));
                    }
                }
                // `agent.tool_plain(fn)` written as a call.
                if let Some(Value::Func(f)) = o.args.first() {
                    found.push((f.clone(), gate, name.clone()));
                }
            }
            found.sort_by_key(|(f, _, _)| f.site(self.modules));
            for (f, gate, name) in found {
                let t = self.function_tool(&f, name, gate);
                tools.push(t);
            }
        }
        // Agents that run the model's code themselves, and code executors.
        if let Some(t) = self.code_execution(id) {
            tools.push(t);
        }
        // A function the agent runs the model's code with (`code_execute_fn=`): a tool whose
        // argument is the model's code, read like any tool body (`exec(code)` on the host, or a
        // call into a sandbox).
        if let Some((v, _)) = self.kw_role(id, "code_fn_arg") {
            for x in v.alternatives() {
                match x {
                    Value::Func(f) => {
                        let f = f.clone();
                        tools.push(self.function_tool(&f, None, None));
                    }
                    Value::None => {}
                    _ => unknown = true,
                }
            }
        }
        tools.sort_unstable();
        tools.dedup();
        for &t in &tools {
            if let Some(g) = self.tool_gates.get(&t).copied() {
                let prev = gates.get(&t).copied();
                if let Some(g) = stronger(prev, Some(g)) {
                    gates.insert(t, g);
                }
            }
        }
        // A callback run before every tool that can refuse the call: a program decides.
        if let Some(site) = self.refusing_callback(id) {
            for &t in &tools {
                gates.entry(t).or_insert(Gate {
                    approval: Approval::Conditional,
                    site,
                });
            }
        }
        let a = &mut self.out.agents[ai];
        a.tools.extend(tools);
        a.tools.sort_unstable();
        a.tools.dedup();
        for (t, g) in gates {
            let prev = a.gates.get(&t).copied();
            if let Some(g) = stronger(prev, Some(g)) {
                a.gates.insert(t, g);
            }
        }
        a.unknown_tools |= unknown;
    }

    /// The tools a tool-list value denotes, the gates its wrappers give them, and whether part
    /// of it could not be resolved.
    fn resolve(
        &mut self,
        ai: usize,
        v: &Value,
        site: Site,
    ) -> (Vec<usize>, Vec<(usize, Gate)>, bool) {
        let mut tools = vec![];
        let mut gates = vec![];
        let mut unknown = false;
        // Values with their gate and, for a record of tools (`tools: { weather: tool(...) }`),
        // the key the model sees the tool by.
        let mut stack: Vec<(Value, Option<Gate>, Option<String>)> = vec![(v.clone(), None, None)];
        let mut steps = 0;
        while let Some((v, gate, key)) = stack.pop() {
            steps += 1;
            if steps > MAX_TOOL_VALUES {
                unknown = true;
                break;
            }
            let mut add = |t: usize, tools: &mut Vec<usize>| {
                tools.push(t);
                if let Some(g) = gate {
                    gates.push((t, g));
                }
            };
            match &v {
                Value::List(xs) | Value::Union(xs) => {
                    stack.extend(xs.iter().rev().map(|x| (x.clone(), gate, None)))
                }
                Value::Dict(items) => stack.extend(
                    items
                        .iter()
                        .rev()
                        .map(|(k, x)| (x.clone(), gate, k.as_str().map(String::from))),
                ),
                Value::None | Value::Str(..) | Value::Bool(_) | Value::Num => {}
                Value::Func(f) => {
                    let f = f.clone();
                    let t = self.function_tool(&f, None, None);
                    add(t, &mut tools);
                }
                Value::Ext(q) => match self.ex.known_tool_named(q, site) {
                    Some(t) => add(t, &mut tools),
                    None => unknown = true,
                },
                Value::Obj(id) => {
                    let id = *id;
                    let o = &self.ev.objects[id];
                    if self.agent_of.contains_key(&id) {
                        // An agent in a tool list is called like a tool.
                        self.pending.push(PendingRoute {
                            from: ai,
                            to: id,
                            site,
                        });
                    } else if self.class_in(id, "agent_tool") {
                        match o.kwarg("agent").or_else(|| o.args.first()) {
                            Some(a) => {
                                for x in a.alternatives() {
                                    match x {
                                        Value::Obj(to) => self.pending.push(PendingRoute {
                                            from: ai,
                                            to: *to,
                                            site: o.site,
                                        }),
                                        _ => unknown = true,
                                    }
                                }
                            }
                            None => unknown = true,
                        }
                    } else if self.class_in(id, "approval_toolset") {
                        // `ApprovalRequiredToolset(ts)` / `ts.approval_required()`; with a
                        // function, only the calls it picks wait.
                        let picks = o
                            .kwarg("approval_required_func")
                            .or_else(|| match o.receiver {
                                Some(_) => o.args.first(),
                                None => o.args.get(1),
                            })
                            .is_some_and(|x| !matches!(x, Value::None));
                        let g = Gate {
                            approval: if picks {
                                Approval::Conditional
                            } else {
                                Approval::Always
                            },
                            site: o.site,
                        };
                        let inner = match o.receiver {
                            Some(r) => Some(Value::Obj(r)),
                            None => o.kwarg("wrapped").or_else(|| o.args.first()).cloned(),
                        };
                        match inner {
                            Some(x) => stack.push((x, stronger(gate, Some(g)), None)),
                            None => unknown = true,
                        }
                    } else if self.class_in(id, "toolset") {
                        let mut inner: Vec<Value> = vec![];
                        if let Some(r) = o.receiver {
                            inner.push(Value::Obj(r));
                        }
                        inner.extend(o.args.first().cloned());
                        for k in ["tools", "toolsets", "wrapped"] {
                            inner.extend(o.kwarg(k).cloned());
                        }
                        if inner.is_empty() {
                            unknown = true;
                        }
                        stack.extend(inner.into_iter().rev().map(|x| (x, gate, None)));
                    } else if self.class_in(id, "tool_wrapper") {
                        let func = ["function", "func", "fn", "async_fn"]
                            .iter()
                            .find_map(|k| o.kwarg(k))
                            .or_else(|| o.args.first())
                            .cloned();
                        let name = ["name", "id"]
                            .iter()
                            .find_map(|k| o.kwarg(k).and_then(|v| v.as_str()))
                            .map(String::from)
                            .or(key);
                        let own = self
                            .kw_role(id, "approval_arg")
                            .and_then(|(v, s)| gate_of(v, s));
                        match func {
                            Some(Value::Func(f)) => {
                                // Arguments the input schema admits no text for
                                // (`z.number()`, `z.enum([...])`) reach the body checked.
                                let closed = ["input_schema", "parameters"]
                                    .iter()
                                    .find_map(|k| o.kwarg(k))
                                    .map(|v| {
                                        let names = self.k.api("mcp_server_js", "closed_schema");
                                        zod_closed_fields(self.ev, v, names)
                                    })
                                    .unwrap_or_default();
                                if !closed.is_empty() {
                                    self.ex.body.close_params(&f, closed);
                                }
                                let t = self.wrapped_tool(&f, name, own, id);
                                add(t, &mut tools);
                            }
                            // A tool declared without a body (the Vercel AI SDK's client-side
                            // tools): the client runs it, nothing runs here.
                            None => {}
                            _ => match self.ex.tool_from_value(&v) {
                                Some(t) => add(t, &mut tools),
                                None => unknown = true,
                            },
                        }
                    } else if let ObjKind::Instance(c) = &o.kind {
                        let c = c.clone();
                        if let Some(kit) = self.toolkit_instance(id, &c) {
                            for (t, g) in kit {
                                tools.push(t);
                                if let Some(g) = stronger(gate, g) {
                                    gates.push((t, g));
                                }
                            }
                        } else if self.is_tool_class(&c) {
                            let runs: Vec<&str> = self
                                .api("tool_run_method")
                                .iter()
                                .map(String::as_str)
                                .collect();
                            let t = self.ex.class_tool(&c, &runs);
                            add(t, &mut tools);
                        } else {
                            let (ts, unk) = self.ex.tools_of(&v);
                            for t in ts {
                                add(t, &mut tools);
                            }
                            unknown |= unk;
                        }
                    } else {
                        let (ts, unk) = self.ex.tools_of(&v);
                        for t in ts {
                            add(t, &mut tools);
                        }
                        unknown |= unk;
                    }
                }
                _ => unknown = true,
            }
        }
        (tools, gates, unknown)
    }

    /// The tool standing for the code an agent runs: a code-writing agent's executor, or a
    /// code executor given to the agent. Sandboxed when it runs off the host.
    fn code_execution(&mut self, id: ObjId) -> Option<usize> {
        let o = &self.ev.objects[id];
        if self.class_in(id, "code_agent") {
            let executor = self.kw_role(id, "executor_arg");
            let remote = self.api("remote_executor");
            let sandboxed = match executor {
                Some((Value::Str(s, _), _)) => remote.iter().any(|r| r == &**s),
                // An executor object or a value airlock cannot read: local is the default.
                Some((Value::Obj(e), _)) => self.ev.objects[*e]
                    .class_name()
                    .is_some_and(|c| self.k.is_sandbox(crate::knowledge::Callee::Qualified(c))),
                _ => false,
            };
            // Imports that hand the code the shell (`os`, `subprocess`, `*`).
            let dangerous = self.api("dangerous_import");
            let imports = self
                .kw_role(id, "imports_arg")
                .and_then(|(v, _)| iter_elements(v))
                .unwrap_or_default();
            let shell = imports.iter().any(|v| {
                v.as_str()
                    // `"*"` is the import list's own wildcard (every module), matched as
                    // written: as a glob it would match every name (`"helium"`).
                    .is_some_and(|s| {
                        dangerous
                            .iter()
                            .any(|d| d == s || (d != "*" && glob_match(d, s)))
                    })
            });
            let class = self
                .class_name(id)
                .unwrap_or("CodeAgent".into())
                .to_string();
            let short = class.rsplit('.').next().unwrap_or(&class).to_string();
            let (sinks, callee): (&[&str], String) = if shell {
                (
                    &["shell_exec", "code_exec"],
                    format!("{short} with additional_authorized_imports giving its code the host"),
                )
            } else {
                (&["code_exec"], format!("{short}'s Python executor"))
            };
            return Some(self.ex.synthetic_tool(
                "python_executor",
                o.site,
                &callee,
                sinks,
                sandboxed,
            ));
        }
        let (v, site) = self.kw_role(id, "code_executor_arg")?;
        let Value::Obj(e) = v else { return None };
        let class = self.ev.objects[*e].class_name()?.to_string();
        let local = self
            .api("local_executor")
            .iter()
            .any(|g| glob_match(g, &class));
        let sandboxed = self
            .k
            .is_sandbox(crate::knowledge::Callee::Qualified(&class));
        if !local && !sandboxed {
            return None;
        }
        let short = class.rsplit('.').next().unwrap_or(&class).to_string();
        let t = self
            .ex
            .synthetic_tool("code_executor", site, &short, &["code_exec"], sandboxed);
        // `approval_func=`: every block of code goes through it before it runs.
        if let Some(g) = self
            .kw_role(id, "executor_approval_arg")
            .and_then(|(v, s)| self.approval_func_gate(v, s))
        {
            let prev = self.tool_gates.get(&t).copied();
            if let Some(g) = stronger(prev, Some(g)) {
                self.tool_gates.insert(t, g);
            }
        }
        Some(t)
    }

    /// The gate an approval callback gives: a function that asks a person at the console
    /// (`input(...)`) approves every call; another callable decides by program (conditional).
    fn approval_func_gate(&self, v: &Value, site: Site) -> Option<Gate> {
        let g = gate_of(v, site)?;
        let asks = v.alternatives().into_iter().any(|x| match x {
            Value::Func(f) => self
                .ev
                .calls_by_func
                .get(&f.site(self.modules))
                .is_some_and(|recs| {
                    recs.iter().any(|r| {
                        r.callees.iter().any(|c| {
                            matches!(c, crate::extract::interp::Callee::Qualified(q) if &**q == "input")
                        })
                    })
                }),
            _ => false,
        });
        Some(if asks {
            Gate {
                approval: Approval::Always,
                site,
            }
        } else {
            g
        })
    }

    /// A callback run before every tool call that can refuse it (returns something other than
    /// `None` on some path): the site of the argument.
    fn refusing_callback(&self, id: ObjId) -> Option<Site> {
        let (v, site) = self.kw_role(id, "tool_callback_arg")?;
        let refuses = v.alternatives().into_iter().any(|x| {
            let fs: Vec<Value> = iter_elements(x).unwrap_or_else(|| vec![x.clone()]);
            fs.iter().any(|f| match f {
                Value::Func(f) => {
                    let mut r = false;
                    visit_stmts(&f.def.body, &mut |s| {
                        if let StmtKind::Return(Some(e)) = &s.kind {
                            r |= !matches!(e.kind, ExprKind::None);
                        }
                    });
                    r
                }
                _ => false,
            })
        });
        refuses.then_some(site)
    }

    // ---- routes ---------------------------------------------------------------------------

    fn route(&mut self, from: usize, to: usize, kind: RouteKind, site: Site) {
        if from == to {
            return;
        }
        let (a, b) = (&self.out.agents[from].name, &self.out.agents[to].name);
        let label = match kind {
            RouteKind::Transfer => format!("agent `{a}` can transfer the conversation to `{b}`"),
            RouteKind::Sequence => format!("`{b}` runs after `{a}` and reads what it wrote"),
            RouteKind::AgentTool => {
                format!("agent `{a}` calls agent `{b}` with a request it wrote")
            }
            RouteKind::Answer => format!("agent `{a}` answers back to `{b}`"),
            RouteKind::Handoff => format!("agent `{a}` hands off to `{b}`"),
        };
        let exists = self
            .out
            .routes
            .iter()
            .any(|r| r.from == from && r.to == to && r.kind == kind && r.site == site);
        if !exists {
            self.out.routes.push(Route {
                from,
                to,
                kind,
                site,
                label,
                gate: None,
                filter: None,
            });
        }
    }

    /// Agents a value denotes.
    fn agents_in(&self, v: &Value) -> Vec<usize> {
        let mut out = vec![];
        let mut stack = vec![v.clone()];
        let mut steps = 0;
        while let Some(v) = stack.pop() {
            steps += 1;
            if steps > MAX_TOOL_VALUES {
                break;
            }
            match &v {
                Value::List(xs) | Value::Union(xs) => stack.extend(xs.iter().rev().cloned()),
                Value::Dict(items) => stack.extend(items.iter().rev().map(|(_, x)| x.clone())),
                Value::Obj(id) => out.extend(self.agent_of.get(id).copied()),
                _ => {}
            }
        }
        out
    }

    fn routes(&mut self) {
        for &id in &self.ids.clone() {
            let ai = self.agent_of[&id];
            let sequence = self.class_in(id, "sequence_agent");
            if let Some((v, site)) = self.kw_role(id, "handoff_arg") {
                let subs = self.agents_in(v);
                for &s in &subs {
                    if sequence {
                        self.route(ai, s, RouteKind::Sequence, site);
                    } else {
                        self.route(ai, s, RouteKind::Transfer, site);
                        // The sub-agent can transfer back to its parent unless told not to.
                        let back = !matches!(
                            self.ev.objects[self.obj_of[&s]].kwarg("disallow_transfer_to_parent"),
                            Some(Value::Bool(true))
                        );
                        if back {
                            self.route(s, ai, RouteKind::Transfer, site);
                        }
                    }
                }
                if sequence {
                    for w in subs.windows(2) {
                        self.route(w[0], w[1], RouteKind::Sequence, site);
                    }
                }
            }
            if let Some((v, site)) = self.kw_role(id, "delegate_arg") {
                for s in self.agents_in(v) {
                    self.route(ai, s, RouteKind::AgentTool, site);
                    self.route(s, ai, RouteKind::Answer, site);
                }
            }
        }
        // One-way transfers named by the agent (`handoffs=["coder"]`, `can_handoff_to=[...]`).
        for &id in &self.ids.clone() {
            let ai = self.agent_of[&id];
            if let Some((v, site)) = self.kw_role(id, "transfer_arg") {
                for s in self.agents_named(v) {
                    self.route(ai, s, RouteKind::Transfer, site);
                }
            }
        }
        self.teams();
        for p in std::mem::take(&mut self.pending) {
            if let Some(&to) = self.agent_of.get(&p.to) {
                self.route(p.from, to, RouteKind::AgentTool, p.site);
                self.route(to, p.from, RouteKind::Answer, p.site);
            }
        }
        // Agents run inside another agent's tool: delegation through a tool.
        let runs = self.api("run_method");
        for &id in &self.ids.clone() {
            let to = self.agent_of[&id];
            let sites: Vec<Site> = self.ev.objects[id]
                .calls
                .iter()
                .filter(|c| runs.contains(&c.method))
                .map(|c| c.site)
                .collect();
            for s in sites {
                for from in self.holders_of_call(s) {
                    self.route(from, to, RouteKind::AgentTool, s);
                    self.route(to, from, RouteKind::Answer, s);
                }
            }
        }
    }

    /// Agents a handoff list names: agent objects, agent names (`"coder"`), and handoff
    /// objects naming their target (`Handoff(target="coder")`).
    fn agents_named(&self, v: &Value) -> Vec<usize> {
        let mut out = self.agents_in(v);
        let mut names: Vec<&str> = vec![];
        let items = iter_elements(v).unwrap_or_else(|| vec![v.clone()]);
        for x in &items {
            match x {
                Value::Str(s, _) => names.push(s),
                Value::Obj(id) if self.class_in(*id, "handoff_spec") => {
                    let o = &self.ev.objects[*id];
                    if let Some(t) = o
                        .kwarg("target")
                        .or_else(|| o.args.first())
                        .and_then(|t| t.as_str())
                    {
                        names.push(t);
                    }
                }
                _ => {}
            }
        }
        for &id in &self.ids {
            let ai = self.agent_of[&id];
            if names.iter().any(|n| *n == self.out.agents[ai].name) {
                out.push(ai);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The members of a team object, in order.
    fn team_members(&self, j: ObjId) -> Vec<usize> {
        let o = &self.ev.objects[j];
        let v = self
            .kw_role(j, "team_members_arg")
            .map(|(v, _)| v)
            .or_else(|| o.args.first());
        let mut out = vec![];
        for a in v.map(|v| self.agents_in(v)).unwrap_or_default() {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// Team objects of this framework: (object, members, whether members share one
    /// conversation).
    fn team_objects(&self) -> Vec<(ObjId, Vec<usize>, bool)> {
        let mut out = vec![];
        for &j in &self.classed {
            let shared = self.class_in(j, "team");
            if !shared && !self.class_in(j, "handoff_team") {
                continue;
            }
            out.push((j, self.team_members(j), shared));
        }
        out
    }

    /// Routes inside teams. Members of a shared-conversation team (round robin, a selector,
    /// an orchestrator) each read what the others wrote: a cycle of turns covers every pair's
    /// reachability. In a handoff team members transfer by their own handoff lists; where the
    /// framework lets a member without one hand off to any other (`handoff_team_open`), it does.
    fn teams(&mut self) {
        for (j, members, shared) in self.team_objects() {
            let site = self.ev.objects[j].site;
            let n = members.len();
            if n < 2 {
                continue;
            }
            if shared {
                for i in 0..n {
                    self.route(members[i], members[(i + 1) % n], RouteKind::Sequence, site);
                }
                continue;
            }
            if !self.class_in(j, "handoff_team_open") {
                continue;
            }
            let restricted: Vec<bool> = members
                .iter()
                .map(|&a| self.kw_role(self.obj_of[&a], "transfer_arg").is_some())
                .collect();
            for (i, &a) in members.iter().enumerate() {
                if restricted[i] {
                    continue;
                }
                if n <= MAX_TEAM_PAIRS {
                    for &b in &members {
                        self.route(a, b, RouteKind::Transfer, site);
                    }
                } else {
                    self.route(a, members[(i + 1) % n], RouteKind::Transfer, site);
                }
            }
        }
    }

    /// The members of a team that read the request a run of the team starts with: every member
    /// of a shared conversation; in a handoff team the root (`root_agent="name"`) or the first.
    fn team_entry_members(&self, j: ObjId, members: &[usize], shared: bool) -> Vec<usize> {
        if shared {
            return members.to_vec();
        }
        if let Some((v, _)) = self.kw_role(j, "root_arg") {
            let named = self.agents_named(v);
            let root: Vec<usize> = members
                .iter()
                .copied()
                .filter(|m| named.contains(m))
                .collect();
            if !root.is_empty() {
                return root;
            }
        }
        members.first().copied().into_iter().collect()
    }

    /// The agents of this framework holding a tool whose function contains call site `s`.
    fn holders_of_call(&self, s: Site) -> Vec<usize> {
        let tools = self.ex.tools();
        let mut out = vec![];
        for &id in &self.ids {
            let ai = self.agent_of[&id];
            let holds = self.out.agents[ai].tools.iter().any(|&t| {
                tools[t].func().is_some_and(|f| {
                    self.modules[f.module].file == s.file
                        && f.def.span.start <= s.span.start
                        && s.span.end <= f.def.span.end
                })
            });
            if holds {
                out.push(ai);
            }
        }
        out
    }

    // ---- entries of user input -------------------------------------------------------------

    fn entries(&mut self) {
        let runs = self.api("run_method");
        let serves = self.api("serve_method");
        let mut found: Vec<(usize, Site)> = vec![];
        for &id in &self.ids {
            let ai = self.agent_of[&id];
            for c in &self.ev.objects[id].calls {
                if serves.contains(&c.method) {
                    found.push((ai, c.site));
                    continue;
                }
                if !runs.contains(&c.method) {
                    continue;
                }
                // A literal prompt is the developer's; a run inside a tool is delegation.
                let input = c
                    .kwargs
                    .iter()
                    .find(|(k, _)| RUN_INPUT_ARGS.contains(&k.as_str()))
                    .map(|(_, v)| v)
                    .or_else(|| c.args.first());
                if input.is_some_and(literal_prompt) {
                    continue;
                }
                if !self.holders_of_call(c.site).is_empty() {
                    continue;
                }
                if self.ex.is_user_context(c.site) {
                    found.push((ai, c.site));
                }
            }
        }
        // A team's run starts its members on the request.
        for (j, members, shared) in self.team_objects() {
            let entry = self.team_entry_members(j, &members, shared);
            for c in &self.ev.objects[j].calls {
                if !runs.contains(&c.method) {
                    continue;
                }
                let input = c
                    .kwargs
                    .iter()
                    .find(|(k, _)| RUN_INPUT_ARGS.contains(&k.as_str()))
                    .map(|(_, v)| v)
                    .or_else(|| c.args.first());
                if input.is_some_and(literal_prompt) {
                    continue;
                }
                if !self.holders_of_call(c.site).is_empty() {
                    continue;
                }
                if self.ex.is_user_context(c.site) {
                    for &ai in &entry {
                        found.push((ai, c.site));
                    }
                }
            }
        }
        // Calls that are a run themselves (`generateText({ prompt, tools })` in a route handler).
        for &id in &self.ids {
            if !self.class_in(id, "run_call") {
                continue;
            }
            let o = &self.ev.objects[id];
            let input = ["prompt", "messages"].iter().find_map(|k| o.kwarg(k));
            if input.is_some_and(literal_prompt) {
                continue;
            }
            if self.ex.is_user_context(o.site) {
                found.push((self.agent_of[&id], o.site));
            }
        }
        // `GradioUI(agent)`: a chat interface hands every message to the agent.
        for &j in &self.classed {
            if !self.class_in(j, "serve_wrapper") {
                continue;
            }
            let o = &self.ev.objects[j];
            if let Some(a) = o.kwarg("agent").or_else(|| o.args.first()) {
                for ai in self.agents_in(a) {
                    found.push((ai, o.site));
                }
            }
        }
        // `root_agent = Agent(...)`: `adk web`/`adk run` serve it.
        let globals = self.api("entry_global");
        if !globals.is_empty() {
            for g in &self.ev.globals {
                for name in globals {
                    if let Some(v) = g.get(name) {
                        for ai in self.agents_in(v) {
                            found.push((ai, self.out.agents[ai].site));
                        }
                    }
                }
            }
        }
        // A transfer or a workflow hands the conversation itself to the sub-agent, which then
        // reads the user's messages as its own (an agent called like a tool reads only the
        // request its caller wrote: that is a route, AIR102's).
        let mut queue: std::collections::VecDeque<(usize, Site)> = found.into_iter().collect();
        let mut seen: std::collections::HashSet<(usize, Site)> = std::collections::HashSet::new();
        while let Some((ai, site)) = queue.pop_front() {
            if !seen.insert((ai, site)) {
                continue;
            }
            let e = &mut self.out.agents[ai].user_entries;
            if !e.contains(&site) {
                e.push(site);
            }
            for r in &self.out.routes {
                if r.from == ai && matches!(r.kind, RouteKind::Transfer | RouteKind::Sequence) {
                    queue.push_back((r.to, site));
                }
            }
        }
        for &id in &self.ids {
            self.out.agents[self.agent_of[&id]].user_entries.sort();
        }
    }
}

/// A request the developer wrote: a literal string, or an options object whose prompt is one
/// (`agent.generate({ prompt: "..." })`).
fn literal_prompt(v: &Value) -> bool {
    match v {
        Value::Str(..) => true,
        Value::Dict(items) => items.iter().any(|(k, x)| {
            matches!(k.as_str(), Some("prompt" | "messages")) && matches!(x, Value::Str(..))
        }),
        _ => false,
    }
}

/// The last name of a callee expression (`ApprovalRequired`, `pydantic_ai.ApprovalRequired`).
/// A method of a project class or of its project ancestors, unbound.
fn method_of(c: &ClassVal, name: &str) -> Option<FuncVal> {
    let mut stack: Vec<ClassVal> = vec![c.clone()];
    let mut steps = 0;
    while let Some(k) = stack.pop() {
        steps += 1;
        if steps > 32 {
            break;
        }
        if let Some(Value::Func(f)) = k.attrs.get(name) {
            return Some(f.clone());
        }
        // Bases are searched left to right.
        for b in k.bases.iter().rev() {
            if let Value::Class(bc) = b {
                stack.push(bc.clone());
            }
        }
    }
    None
}

/// The methods a toolkit class registers as tools, each with the name given at registration:
/// `self.register(self.m)` (`register` among `register`, `name=` read), and methods in the
/// tools argument of a constructor call in its methods (`super().__init__(tools=[self.a])`),
/// directly or through a local list built before the call (`tools = [...]`,
/// `tools.append(self.b)`, `tools += [...]`). Read from the syntax, so a toolkit is read
/// whether or not the project builds one. In first-seen order, without repeats.
fn registered_methods(
    c: &crate::syntax::python::ClassDef,
    register: &[String],
    tools_arg: &[String],
) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = vec![];
    let add = |m: String, name: Option<String>, out: &mut Vec<(String, Option<String>)>| {
        if !out.iter().any(|(x, _)| *x == m) {
            out.push((m, name));
        }
    };
    for s in &c.body {
        let StmtKind::Func(def) = &s.kind else {
            continue;
        };
        let Some(me) = def.params.first().map(|p| p.name.as_str()) else {
            continue;
        };
        // Pass 1: registrations, constructor calls and the local lists they take.
        let mut lists: Vec<&str> = vec![];
        let mut found: Vec<(String, Option<String>)> = vec![];
        visit_stmts(&def.body, &mut |st| {
            let mut stack: Vec<&Expr> = st.exprs();
            while let Some(e) = stack.pop() {
                if let ExprKind::Call(callee, args) = &e.kind {
                    if let ExprKind::Attr(obj, m) = &callee.kind {
                        let on_self = matches!(&obj.kind, ExprKind::Name(n) if n == me);
                        if on_self && register.iter().any(|r| r == m) {
                            let name = args.iter().find_map(|a| match a {
                                Arg::Kw(k, v) if k == "name" => match &v.kind {
                                    ExprKind::Str(s) => Some(s.clone()),
                                    _ => None,
                                },
                                _ => None,
                            });
                            if let Some(Arg::Pos(x)) = args.first() {
                                for m in self_methods(x, me) {
                                    found.push((m, name.clone()));
                                }
                            }
                        } else if m == "__init__" {
                            for a in args {
                                if let Arg::Kw(k, v) = a {
                                    if tools_arg.iter().any(|t| t == k) {
                                        if let ExprKind::Name(n) = &v.kind {
                                            lists.push(n.as_str());
                                        }
                                        found.extend(
                                            self_methods(v, me).into_iter().map(|m| (m, None)),
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
                push_children(e, &mut stack);
            }
        });
        // Pass 2: what the local lists are built from.
        if !lists.is_empty() {
            visit_stmts(&def.body, &mut |st| match &st.kind {
                StmtKind::Assign { targets, value, .. }
                    if targets.iter().any(
                        |t| matches!(t, Target::Name(n, _) if lists.contains(&n.as_str())),
                    ) =>
                {
                    found.extend(self_methods(value, me).into_iter().map(|m| (m, None)));
                }
                StmtKind::AugAssign {
                    target: Target::Name(n, _),
                    value,
                    ..
                } if lists.contains(&n.as_str()) => {
                    found.extend(self_methods(value, me).into_iter().map(|m| (m, None)));
                }
                _ => {
                    let mut stack: Vec<&Expr> = st.exprs();
                    while let Some(e) = stack.pop() {
                        if let ExprKind::Call(callee, args) = &e.kind {
                            if let ExprKind::Attr(obj, m) = &callee.kind {
                                let listed = matches!(&obj.kind, ExprKind::Name(n) if lists.contains(&n.as_str()));
                                if listed && matches!(m.as_str(), "append" | "extend" | "insert") {
                                    for a in args {
                                        if let Arg::Pos(x) = a {
                                            found.extend(
                                                self_methods(x, me).into_iter().map(|m| (m, None)),
                                            );
                                        }
                                    }
                                }
                            }
                        }
                        push_children(e, &mut stack);
                    }
                }
            });
        }
        for (m, name) in found {
            add(m, name, &mut out);
        }
    }
    out
}

/// The methods of `me` an expression names (`self.a`, in lists, conditionals, calls' arguments
/// such as `Function.from_callable(self.a)`).
fn self_methods(e: &Expr, me: &str) -> Vec<String> {
    let mut out = vec![];
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if let ExprKind::Attr(obj, m) = &x.kind {
            if matches!(&obj.kind, ExprKind::Name(n) if n == me) {
                out.push(m.to_string());
                continue;
            }
        }
        push_children(x, &mut stack);
    }
    out.reverse();
    out
}

fn last_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr(_, a) => Some(a),
        _ => None,
    }
}

/// Pydantic AI (`rules/knowledge/pydantic_ai.toml`).
pub static PYDANTIC_AI: KitAdapter = KitAdapter {
    name: "pydantic_ai",
    framework: "pydantic_ai",
    hints: Hints {
        gate_tool: "require approval before `{tool}` runs: `requires_approval=True` on the tool (`@agent.tool(requires_approval=True)`, `Tool(fn, requires_approval=True)`) or an approval-required toolset, then approve or deny each of the run's `DeferredToolRequests` from a person",
        gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: wrap the server in an approval-required toolset, then approve each deferred call from a person"),
        unknown_tools: "set `requires_approval=True` on every acting tool, or build the tool list from names airlock can follow",
        gate_route: "require approval before `{tool}` runs: `requires_approval=True` on the tool of {agent}, or on the tool that delegates to it",
        name_holder: true,
    },
};

/// smolagents (`rules/knowledge/smolagents.toml`): no approval gate of its own.
pub static SMOLAGENTS: KitAdapter = KitAdapter {
    name: "smolagents",
    framework: "smolagents",
    hints: Hints {
        gate_tool: "smolagents has no approval gate: make `{tool}` ask a person before it acts (a confirmation step in the tool itself), or keep it away from agents that read untrusted content",
        gate_mcp: Some("smolagents has no approval gate: load only the read-only tools of MCP server `{server}`, or confirm each acting call with a person inside a wrapping tool"),
        unknown_tools: "smolagents has no approval gate: list the tools explicitly so airlock can follow them, and confirm acting tools with a person inside the tool",
        gate_route: "smolagents has no approval gate: confirm `{tool}` with a person inside the tool, or do not give {agent} to a manager agent that reads untrusted content",
        name_holder: true,
    },
};

/// Google ADK (`rules/knowledge/google_adk.toml`).
pub static GOOGLE_ADK: KitAdapter = KitAdapter {
    name: "google_adk",
    framework: "google_adk",
    hints: Hints {
        gate_tool: "require approval before `{tool}` runs: `FunctionTool({tool}, require_confirmation=True)`, answered by a person (a `before_tool_callback` decides by program)",
        gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: `McpToolset(..., require_confirmation=True)` or a `tool_filter` of read-only tools"),
        unknown_tools: "wrap every acting tool as `FunctionTool(fn, require_confirmation=True)`, or build the tool list from names airlock can follow",
        gate_route: "require approval before `{tool}` runs: `require_confirmation=True` on the tool of {agent}",
        name_holder: true,
    },
};

/// Vercel AI SDK (`rules/knowledge/vercel_ai.toml`), TypeScript lowered by `js_lower`.
pub static VERCEL_AI: KitAdapter = KitAdapter {
    name: "vercel_ai",
    framework: "vercel_ai",
    hints: Hints {
        gate_tool: "require approval before `{tool}` runs: `needsApproval: true` in its `tool({...})`, answered by a person, or make it a client-side tool without `execute`",
        gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: `needsApproval: true` on the tools taken from it"),
        unknown_tools: "set `needsApproval: true` on every acting tool, or build the tools record from names airlock can follow",
        gate_route: "require approval before `{tool}` runs: `needsApproval: true` on the tool of {agent}",
        name_holder: true,
    },
};

/// Mastra (`rules/knowledge/mastra.toml`), TypeScript lowered by `js_lower`.
pub static MASTRA: KitAdapter = KitAdapter {
    name: "mastra",
    framework: "mastra",
    hints: Hints {
        gate_tool: "require approval before `{tool}` runs: `requireApproval: true` in its `createTool({...})`, answered by a person, or `suspend()` a workflow step for a person's decision",
        gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: `requireApproval: true` on the tools taken from it"),
        unknown_tools: "set `requireApproval: true` on every acting tool, or build the tools from names airlock can follow",
        gate_route: "require approval before `{tool}` runs: `requireApproval: true` on the tool of {agent}",
        name_holder: true,
    },
};

pub static AUTOGEN: KitAdapter = KitAdapter {
    name: "autogen",
    framework: "autogen",
    hints: Hints {
        gate_tool: "AutoGen has no per-tool approval: make `{tool}` ask a person before it acts (a confirmation inside the tool), or keep it away from agents and teams that read untrusted content",
        gate_mcp: Some("AutoGen has no per-tool approval: expose only the read-only tools of MCP server `{server}` to the agent, or confirm each acting call with a person inside a wrapping tool"),
        unknown_tools: "AutoGen has no per-tool approval: list the tools explicitly so airlock can follow them, and confirm acting tools with a person inside the tool",
        gate_route: "AutoGen has no per-tool approval: make `{tool}` of {agent} ask a person before it acts, or take {agent} out of the team that reads untrusted content",
        name_holder: true,
    },
};

pub static LLAMA_INDEX: KitAdapter = KitAdapter {
    name: "llama_index",
    framework: "llama_index",
    hints: Hints {
        gate_tool: "ask a person before `{tool}` acts: write an `InputRequiredEvent` to the stream and `await ctx.wait_for_event(HumanResponseEvent)` before the action, acting only on an approval",
        gate_mcp: Some("ask a person before the tools of MCP server `{server}` act (an `InputRequiredEvent` answered by a `HumanResponseEvent`), or expose only its read-only tools"),
        unknown_tools: "list the tools explicitly so airlock can follow them, and ask a person (`wait_for_event(HumanResponseEvent)`) inside every acting tool",
        gate_route: "ask a person before `{tool}` of {agent} acts (`wait_for_event(HumanResponseEvent)` inside the tool), or restrict `can_handoff_to` so untrusted content cannot reach {agent}",
        name_holder: true,
    },
};

/// Agno and phidata (`rules/knowledge/agno.toml`): toolkits register methods as tools.
pub static AGNO: KitAdapter = KitAdapter {
    name: "agno",
    framework: "agno",
    hints: Hints {
        gate_tool: "require a person's confirmation before `{tool}` runs: `@tool(requires_confirmation=True)`, or list it in the toolkit's `requires_confirmation_tools=[...]`, and answer the paused run from a person",
        gate_mcp: Some("require confirmation for the tools of MCP server `{server}` that act: include only read-only tools (`include_tools=[...]`), or confirm each acting call with a person"),
        unknown_tools: "list the tools explicitly so airlock can follow them, and mark acting tools `requires_confirmation=True`",
        gate_route: "require a person's confirmation before `{tool}` runs: `requires_confirmation=True` on the tool of {agent}, or keep {agent} out of a team that reads untrusted content",
        name_holder: true,
    },
};

/// Semantic Kernel (`rules/knowledge/semantic_kernel.toml`): plugins are objects whose
/// `@kernel_function` methods are the tools.
pub static SEMANTIC_KERNEL: KitAdapter = KitAdapter {
    name: "semantic_kernel",
    framework: "semantic_kernel",
    hints: Hints {
        gate_tool: "require a person's approval before `{tool}` runs: an auto-function-invocation filter that asks a person (and terminates the call when refused), or keep the function out of the agent's plugins",
        gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: load only its read-only functions into the kernel, or approve each call in an auto-function-invocation filter"),
        unknown_tools: "list the plugins explicitly so airlock can follow them, and approve acting functions in an auto-function-invocation filter",
        gate_route: "require a person's approval before `{tool}` runs: an auto-function-invocation filter on the kernel of {agent}",
        name_holder: true,
    },
};

/// Every framework the kit reads, in `ADAPTERS` order.
pub static KITS: [&KitAdapter; 7] = [
    &PYDANTIC_AI,
    &SMOLAGENTS,
    &GOOGLE_ADK,
    &VERCEL_AI,
    &MASTRA,
    &AUTOGEN,
    &LLAMA_INDEX,
];

/// The fix hints for agents of `framework`, when the kit reads it.
pub fn hints_for(framework: &str) -> Option<Hints> {
    KITS.iter()
        .find(|k| k.framework == framework)
        .map(|k| k.hints)
}

/// One framework read by the kit: its knowledge key, adapter name and the gate spelling its
/// findings advise.
pub struct KitAdapter {
    pub name: &'static str,
    pub framework: &'static str,
    pub hints: Hints,
}

impl crate::extract::adapters::Adapter for KitAdapter {
    fn name(&self) -> &'static str {
        self.name
    }

    fn extract<'a>(
        &self,
        p: &crate::extract::adapters::Project<'a>,
        tools: &mut ToolTable<'a>,
        ext: &mut crate::extract::adapters::Extensions,
        _notices: &mut Vec<crate::model::Notice>,
    ) {
        Kit::new(self.framework, tools, p.db, &mut ext.oai).run();
    }
}

/// The fields of a zod object schema (`z.object({ id: z.number().int(), kind: z.enum([...]) })`,
/// as the interpreter built it: library objects named by their call chain) that admit no
/// text: the chain starts at one of `closed` (after `z.` or `z.coerce.`) and no `.or`, `.and`,
/// `.transform`, `.preprocess`, `.catch` or `.pipe` opens it again.
pub(crate) fn zod_closed_fields(ev: &Evaluation, schema: &Value, closed: &[String]) -> Vec<String> {
    let Value::Obj(sid) = schema else {
        return vec![];
    };
    let so = &ev.objects[*sid];
    if !matches!(&so.kind, ObjKind::Ext(q) if q.ends_with("zod.z.object") || q.ends_with("zod.z.strictObject") || q.ends_with("zod.z.strict_object"))
    {
        return vec![];
    }
    let norm = |s: &str| s.replace('_', "").to_ascii_lowercase();
    let field_closed = |v: &Value| {
        let Value::Obj(id) = v else {
            return false;
        };
        let ObjKind::Ext(q) = &ev.objects[*id].kind else {
            return false;
        };
        let Some(at) = q.find("zod.z.") else {
            return false;
        };
        let mut chain = q[at + "zod.z.".len()..].split('.');
        let mut head = chain.next().unwrap_or("");
        if head == "coerce" {
            head = chain.next().unwrap_or("");
        }
        closed.iter().any(|c| norm(c) == norm(head))
            && !chain.any(|m| {
                matches!(
                    m,
                    "or" | "and" | "transform" | "preprocess" | "catch" | "pipe"
                )
            })
    };
    let Some(Value::Dict(items)) = so.args.first() else {
        return vec![];
    };
    items
        .iter()
        .filter_map(|(k, v)| match k {
            Value::Str(name, _) if field_closed(v) => Some(name.to_string()),
            _ => None,
        })
        .collect()
}

//! LangGraph and LangChain (Python): reads the interpreter's objects as graphs, nodes, edges,
//! prebuilt agents, tools, approval gates and checkpointers (frameworks.md §1).
//!
//! Everything here is matched on resolved dotted names, so import aliases, re-exports through
//! project modules and values built in other files are already handled by `interp`.

use crate::extract::body::BodyAnalyzer;
use crate::extract::interp::{
    iter_elements, Callee, Evaluation, FuncVal, ModuleInfo, Obj, ObjId, ObjKind, Site, Value,
};
use crate::knowledge::{self, glob_match, Knowledge};
use crate::syntax::python::{visit_stmts, Expr, ExprKind, Stmt, StmtKind};
use std::collections::{BTreeSet, HashMap, HashSet};

use crate::extract::tools::class_any;
pub(crate) use crate::extract::tools::first_visit;
pub use crate::extract::tools::ToolTable;

pub use crate::facts::langgraph::*;
pub use crate::facts::{Checkpointer, McpToolset, Tool, ToolOrigin};

// Agent factories, tool wrappers, supervisor, swarm, handoff tools and invoke methods are data:
// `rules/knowledge/langgraph_api.toml`, read through `Extractor::api`.

pub struct Extractor<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    pub body: &'a BodyAnalyzer<'a>,
    /// The shared tool table, held while this adapter reads (`extract::tools`).
    pub t: ToolTable<'a>,
    facts: LangGraphFacts,
    agent_at: HashMap<ObjId, usize>,
    graph_at: HashMap<ObjId, usize>,
    /// Entry points declared in `langgraph.json`: (module index, attribute).
    pub deployed: Vec<(usize, String)>,
}

impl<'a> Extractor<'a> {
    pub fn new(
        k: &'a Knowledge,
        ev: &'a Evaluation,
        modules: &'a [ModuleInfo],
        body: &'a BodyAnalyzer<'a>,
    ) -> Self {
        Self::over(ToolTable::new(k, ev, modules, body))
    }

    /// A LangGraph reader that adds to the tool table `t` (taken back with [`Self::into_parts`]).
    pub fn over(t: ToolTable<'a>) -> Self {
        Extractor {
            k: t.k,
            ev: t.ev,
            modules: t.modules,
            body: t.body,
            t,
            facts: LangGraphFacts::default(),
            agent_at: HashMap::new(),
            graph_at: HashMap::new(),
            deployed: vec![],
        }
    }

    /// The tool table and LangGraph's own facts.
    pub fn into_parts(self) -> (ToolTable<'a>, LangGraphFacts) {
        (self.t, self.facts)
    }

    /// The names of `role` in the LangGraph API (`rules/knowledge/langgraph_api.toml`).
    fn api(&self, role: &str) -> &'a [String] {
        self.k.api("langgraph", role)
    }

    /// Whether the dotted name `q` is one of `role`'s names.
    fn api_is(&self, role: &str, q: &str) -> bool {
        self.api(role).iter().any(|g| glob_match(g, q))
    }

    /// Whether `method` runs an agent or a compiled graph (`invoke`, `stream` ...).
    fn is_invoke(&self, method: &str) -> bool {
        self.api("invoke_method").iter().any(|m| m == method)
    }

    /// Reads everything, and closes the tool table: (tools, LangGraph's facts).
    pub fn run(mut self) -> (Vec<Tool>, LangGraphFacts) {
        self.extract();
        let (t, facts) = self.into_parts();
        (t.finish(), facts)
    }

    /// Extracts tools, agents and graphs into the shared tool table and LangGraph's facts;
    /// other adapters then add to the same table (`tool_from_value`, `tools_of`).
    pub fn extract(&mut self) {
        // Tools defined anywhere (even if no agent is found, AIR106 applies to them).
        for id in 0..self.ev.objects.len() {
            let v = Value::Obj(id);
            let _ = self.t.tool_from_value(&v);
        }
        for site in self.ev.classes.keys().copied().collect::<Vec<_>>() {
            let c = self.ev.classes[&site].clone();
            if self.t.is_base_tool(&c) {
                self.t.tool_from_class(&c, site);
            }
        }
        for id in 0..self.ev.objects.len() {
            let o = &self.ev.objects[id];
            if class_any(o, self.api("agent_factory")) {
                self.agent(id);
            }
        }
        for id in 0..self.ev.objects.len() {
            if class_any(&self.ev.objects[id], self.api("state_graph")) {
                self.graph(id);
            }
        }
        self.functional_workflows();
        for id in 0..self.ev.objects.len() {
            if class_any(&self.ev.objects[id], self.api("supervisor")) {
                self.supervisor(id);
            }
        }
        for id in 0..self.ev.objects.len() {
            if class_any(&self.ev.objects[id], self.api("swarm")) {
                self.swarm(id);
            }
        }
        self.handoff_routes();
        self.invocations();
        self.link_subgraphs();
        self.deployments();
    }

    // ---- multi-agent systems (frameworks.md §1.6) --------------------------------------------

    /// `create_handoff_tool(agent_name=...)` objects in a `tools=` value.
    fn handoff_tools(&self, v: &Value) -> Vec<HandoffTool> {
        let mut out = vec![];
        let mut stack = vec![v.clone()];
        let mut seen = HashSet::new();
        while let Some(v) = stack.pop() {
            if !first_visit(&mut seen, &v) {
                continue;
            }
            match v {
                Value::List(xs) | Value::Union(xs) => stack.extend(xs.iter().rev().cloned()),
                Value::Obj(id) if class_any(&self.ev.objects[id], self.api("handoff_tool")) => {
                    let o = &self.ev.objects[id];
                    let Some(target) = o
                        .kwarg("agent_name")
                        .or_else(|| o.args.first())
                        .and_then(|v| v.as_str())
                    else {
                        continue;
                    };
                    let name = o
                        .kwarg("name")
                        .and_then(|v| v.as_str())
                        .map(String::from)
                        .unwrap_or_else(|| format!("transfer_to_{}", handoff_name(target)));
                    out.push(HandoffTool {
                        target: target.to_string(),
                        name,
                        site: o.site,
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// The agent a value denotes: a prebuilt agent, its compiled form, or a supervisor
    /// (compiled or not; supervisors nest).
    fn agent_of(&mut self, v: &Value) -> Option<usize> {
        let Value::Obj(mut id) = v else { return None };
        for _ in 0..4 {
            let o = &self.ev.objects[id];
            if class_any(o, self.api("agent_factory")) {
                return Some(self.agent(id));
            }
            if class_any(o, self.api("supervisor")) {
                return Some(self.supervisor(id));
            }
            match o.receiver {
                Some(r) if o.class_name().is_some_and(|c| c.ends_with(".compile")) => id = r,
                _ => return None,
            }
        }
        None
    }

    /// Members of a supervisor or swarm: `(agent, site of the list)`; `true` when part of the
    /// list is not resolved.
    fn members(&mut self, o: &Obj) -> (Vec<usize>, bool) {
        let v = o
            .kwarg("agents")
            .or_else(|| o.args.first())
            .cloned()
            .unwrap_or(Value::Unknown);
        let mut out = vec![];
        let mut unknown = false;
        for e in iter_elements(&v).unwrap_or_else(|| vec![v.clone()]) {
            for alt in e.alternatives() {
                match self.agent_of(alt) {
                    Some(a) => out.push(a),
                    None => unknown = true,
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        (out, unknown)
    }

    /// The compile calls on a factory result: checkpointer, breakpoints, and who invokes it.
    fn compiled_of(&self, id: ObjId) -> (Checkpointer, Vec<NamedSite>, Vec<Site>) {
        let mut cp = Checkpointer::Absent;
        let mut ib = vec![];
        let mut entries = self.user_entries(id);
        for (j, c) in self.ev.objects.iter().enumerate() {
            if c.receiver == Some(id) && c.class_name().is_some_and(|n| n.ends_with(".compile")) {
                ib.extend(self.named_list(c.kwarg("interrupt_before")));
                if !matches!(
                    c.kwarg("checkpointer"),
                    None | Some(Value::None) | Some(Value::Bool(false))
                ) {
                    cp = Checkpointer::Present;
                }
                entries.extend(self.user_entries(j));
            }
        }
        entries.sort();
        entries.dedup();
        (cp, ib, entries)
    }

    /// `create_supervisor([...agents], model=..., tools=[...])`: the supervisor is an agent of
    /// its own (its `tools=` and the `transfer_to_<name>` handoff tools it is given), routed to
    /// every member and back.
    fn supervisor(&mut self, id: ObjId) -> usize {
        if let Some(&i) = self.agent_at.get(&id) {
            return i;
        }
        let o = self.ev.objects[id].clone();
        let name = o
            .kwarg("supervisor_name")
            .and_then(|v| v.as_str())
            .unwrap_or("supervisor")
            .to_string();
        let prefix = o
            .kwarg("handoff_tool_prefix")
            .and_then(|v| v.as_str())
            .map(String::from);
        let (mut tools, mut unknown_tools) = match o.kwarg("tools") {
            Some(v) => self.t.tools_of(&v.clone()),
            None => (vec![], false),
        };
        let handoff_tools = o
            .kwarg("tools")
            .map(|v| self.handoff_tools(&v.clone()))
            .unwrap_or_default();
        if matches!(o.kwarg("tools"), Some(Value::Unknown)) {
            unknown_tools = true;
        }
        tools.sort_unstable();
        tools.dedup();
        let (checkpointer, interrupt_before, user_entries) = self.compiled_of(id);
        let i = self.facts.agents.len();
        self.agent_at.insert(id, i);
        self.facts.agents.push(Agent {
            name: Some(name.clone()),
            site: o.site,
            factory: o.class_name().unwrap_or_default().to_string(),
            tools,
            unknown_tools,
            hitl: vec![],
            hitl_site: None,
            interrupt_before,
            interrupt_after: vec![],
            checkpointer,
            user_entries,
            obj: id,
            handoff_tools,
        });
        let (members, _) = self.members(&o);
        for m in members {
            if m == i {
                continue;
            }
            if checkpointer != Checkpointer::Absent
                && self.facts.agents[m].checkpointer == Checkpointer::Absent
            {
                self.facts.agents[m].checkpointer = Checkpointer::Inherited;
            }
            let member = self.facts.agents[m]
                .name
                .clone()
                .unwrap_or_else(|| format!("agent{m}"));
            let tool = match &prefix {
                Some(p) => format!("{p}{}", handoff_name(&member)),
                None => format!("transfer_to_{}", handoff_name(&member)),
            };
            self.facts.routes.push(AgentRoute {
                from: i,
                to: m,
                kind: "supervisor",
                site: o.site,
                label: format!("supervisor `{name}` hands the task to agent `{member}` (`{tool}`)"),
            });
            self.facts.routes.push(AgentRoute {
                from: m,
                to: i,
                kind: "answer",
                site: o.site,
                label: format!(
                    "agent `{member}` answers supervisor `{name}` (`transfer_back_to_{}`)",
                    handoff_name(&name)
                ),
            });
        }
        i
    }

    /// `create_swarm([...agents], default_active_agent=...)`: routes come from the members'
    /// handoff tools (`handoff_routes`); the swarm's input reaches the default active agent,
    /// and its checkpointer serves every member.
    fn swarm(&mut self, id: ObjId) {
        let o = self.ev.objects[id].clone();
        let (members, _) = self.members(&o);
        let (checkpointer, _, user_entries) = self.compiled_of(id);
        let active = o
            .kwarg("default_active_agent")
            .and_then(|v| v.as_str())
            .and_then(|n| {
                members
                    .iter()
                    .copied()
                    .find(|&m| self.facts.agents[m].name.as_deref() == Some(n))
            })
            .or_else(|| members.first().copied());
        for &m in &members {
            if checkpointer != Checkpointer::Absent
                && self.facts.agents[m].checkpointer == Checkpointer::Absent
            {
                self.facts.agents[m].checkpointer = Checkpointer::Inherited;
            }
        }
        if let Some(a) = active {
            let a = &mut self.facts.agents[a];
            a.user_entries.extend(user_entries);
            a.user_entries.sort();
            a.user_entries.dedup();
        }
    }

    /// A route for every handoff tool whose target names a known agent.
    fn handoff_routes(&mut self) {
        let mut routes = vec![];
        for (i, a) in self.facts.agents.iter().enumerate() {
            for h in &a.handoff_tools {
                let target = handoff_name(&h.target);
                let Some(j) = self.facts.agents.iter().position(|b| {
                    b.name.as_deref().map(handoff_name).as_deref() == Some(target.as_str())
                }) else {
                    continue;
                };
                if i == j {
                    continue;
                }
                let from = a.name.clone().unwrap_or_else(|| format!("agent{i}"));
                routes.push(AgentRoute {
                    from: i,
                    to: j,
                    kind: "handoff",
                    site: h.site,
                    label: format!(
                        "agent `{from}` hands off to agent `{}` with `{}`",
                        h.target, h.name
                    ),
                });
            }
        }
        self.facts.routes.extend(routes);
    }

    /// Agents and compiled graphs invoked inside a tool's body or a node's function.
    fn invocations(&mut self) {
        // Function site → tools built on it, and (graph, node) running it.
        let mut tools_by_func: HashMap<Site, Vec<usize>> = HashMap::new();
        for (t, tool) in self.t.tools().iter().enumerate() {
            if let Some(f) = tool.func() {
                tools_by_func
                    .entry(f.site(self.modules))
                    .or_default()
                    .push(t);
            }
        }
        let mut nodes_by_func: HashMap<Site, Vec<(usize, String)>> = HashMap::new();
        for (gi, g) in self.facts.graphs.iter().enumerate() {
            for n in &g.nodes {
                if let NodeAction::Func(f) = &n.action {
                    nodes_by_func
                        .entry(f.site(self.modules))
                        .or_default()
                        .push((gi, n.name.clone()));
                }
            }
        }
        let mut targets: Vec<(ObjId, NodeAction)> = vec![];
        for (&obj, &a) in &self.agent_at {
            targets.push((obj, NodeAction::Agent(a)));
        }
        for (&obj, &g) in &self.graph_at {
            targets.push((obj, NodeAction::Graph(g)));
        }
        targets.sort_by_key(|(o, _)| *o);
        let mut tool_agents = vec![];
        let mut node_runs: Vec<(usize, String, NodeAction, Site)> = vec![];
        for (obj, what) in targets {
            let mut objs = vec![obj];
            for (j, o) in self.ev.objects.iter().enumerate() {
                if o.receiver == Some(obj) {
                    objs.push(j);
                }
            }
            for o in objs {
                for c in &self.ev.objects[o].calls {
                    if !self.is_invoke(&c.method) {
                        continue;
                    }
                    let Some(f) = self.t.enclosing.get(&c.site) else {
                        continue;
                    };
                    if let NodeAction::Agent(a) = what {
                        for &t in tools_by_func.get(f).into_iter().flatten() {
                            tool_agents.push(ToolAgent {
                                tool: t,
                                agent: a,
                                site: c.site,
                            });
                        }
                    }
                    for (g, n) in nodes_by_func.get(f).into_iter().flatten() {
                        if matches!(what, NodeAction::Graph(s) if s == *g) {
                            continue;
                        }
                        node_runs.push((*g, n.clone(), what.clone(), c.site));
                    }
                }
            }
        }
        tool_agents.sort_by_key(|t| (t.tool, t.agent, t.site));
        tool_agents.dedup_by_key(|t| (t.tool, t.agent));
        self.facts.tool_agents = tool_agents;
        node_runs.sort_by_key(|(g, n, _, s)| (*g, n.clone(), *s));
        for (g, n, what, site) in node_runs {
            let runs = &mut self.facts.graphs[g].node_runs;
            let dup = runs.iter().any(|(m, w, _)| {
                *m == n
                    && match (w, &what) {
                        (NodeAction::Agent(x), NodeAction::Agent(y)) => x == y,
                        (NodeAction::Graph(x), NodeAction::Graph(y)) => x == y,
                        _ => false,
                    }
            });
            if !dup {
                runs.push((n, what, site));
            }
        }
    }

    // ---- agents ---------------------------------------------------------------------------

    fn agent(&mut self, id: ObjId) -> usize {
        if let Some(&i) = self.agent_at.get(&id) {
            return i;
        }
        let o = self.ev.objects[id].clone();
        let factory = o.class_name().unwrap_or_default().to_string();
        let tools_v = o.kwarg("tools").cloned().or_else(|| o.args.get(1).cloned());
        let (mut tools, mut unknown_tools) = match &tools_v {
            Some(v) => self.t.tools_of(v),
            None => (vec![], false),
        };
        let handoff_tools = tools_v
            .as_ref()
            .map(|v| self.handoff_tools(v))
            .unwrap_or_default();
        let mut hitl = vec![];
        let mut hitl_site = None;
        if let Some(mw) = o.kwarg("middleware").cloned() {
            let elems = iter_elements(&mw).unwrap_or_default();
            for m in elems {
                let Value::Obj(mid) = m else { continue };
                let mo = self.ev.objects[mid].clone();
                let class = mo.class_name().unwrap_or_default().to_string();
                let is_hitl = self
                    .k
                    .gate_for(knowledge::Callee::Qualified(&class))
                    .is_some_and(|g| g.kind == "hitl_middleware");
                if is_hitl {
                    hitl_site = Some(mo.site);
                    let on = mo
                        .kwarg("interrupt_on")
                        .or_else(|| mo.args.first())
                        .cloned();
                    hitl.extend(self.hitl_entries(on.as_ref()));
                    continue;
                }
                // Middleware that adds tools (ShellToolMiddleware ...).
                if let Some(t) = self.t.known_tool(mid) {
                    tools.push(t);
                }
            }
        }
        // Deep Agents: `interrupt_on=` directly on the factory.
        if factory.contains("create_deep_agent") {
            if let Some(on) = o.kwarg("interrupt_on").cloned() {
                hitl_site = Some(o.site);
                hitl.extend(self.hitl_entries(Some(&on)));
            }
        }
        if tools_v
            .as_ref()
            .is_some_and(|v| matches!(v, Value::Unknown))
        {
            unknown_tools = true;
        }
        let interrupt_before = self.named_list(o.kwarg("interrupt_before"));
        let interrupt_after = self.named_list(o.kwarg("interrupt_after"));
        let checkpointer = match o.kwarg("checkpointer") {
            Some(Value::None) | Some(Value::Bool(false)) | None => Checkpointer::Absent,
            Some(_) => Checkpointer::Present,
        };
        let name = o.kwarg("name").and_then(|v| v.as_str()).map(String::from);
        let user_entries = self.user_entries(id);
        tools.sort_unstable();
        tools.dedup();
        let i = self.facts.agents.len();
        self.facts.agents.push(Agent {
            name,
            site: o.site,
            factory,
            tools,
            unknown_tools,
            hitl,
            hitl_site,
            interrupt_before,
            interrupt_after,
            checkpointer,
            user_entries,
            obj: id,
            handoff_tools,
        });
        self.agent_at.insert(id, i);
        i
    }

    fn hitl_entries(&self, on: Option<&Value>) -> Vec<HitlEntry> {
        let mut out = vec![];
        let Some(Value::Dict(items)) = on else {
            return out;
        };
        for (k, v) in items.iter() {
            let Value::Str(name, site) = k else { continue };
            let (on, conditional) = match v {
                Value::Bool(b) => (*b, false),
                Value::None => (false, false),
                Value::Dict(cfg) => {
                    let cond = cfg.iter().any(|(k, _)| k.as_str() == Some("when"));
                    let decisions = cfg
                        .iter()
                        .find(|(k, _)| {
                            matches!(k.as_str(), Some("allowed_decisions" | "allowedDecisions"))
                        })
                        .map(|(_, v)| v.clone());
                    // An empty decision list approves nothing.
                    let empty = matches!(&decisions, Some(Value::List(xs)) if xs.is_empty());
                    (!empty, cond)
                }
                Value::Obj(id) => {
                    let cfg = &self.ev.objects[*id];
                    (true, cfg.kwarg("when").is_some())
                }
                _ => (true, true),
            };
            out.push(HitlEntry {
                tool: name.to_string(),
                site: *site,
                on,
                conditional,
            });
        }
        out
    }

    fn named_list(&self, v: Option<&Value>) -> Vec<NamedSite> {
        let mut out = vec![];
        let Some(v) = v else { return out };
        let elems = match v {
            Value::Str(..) => vec![v.clone()],
            _ => iter_elements(v).unwrap_or_default(),
        };
        for e in elems {
            if let Value::Str(s, site) = e {
                out.push(NamedSite {
                    name: s.to_string(),
                    site,
                });
            }
        }
        out
    }

    /// Calls of `invoke`/`stream` on this object from a request handler or with console input.
    fn user_entries(&self, id: ObjId) -> Vec<Site> {
        let mut out = vec![];
        let mut targets = vec![id];
        // Calls on compiled results (`builder.compile().invoke`) and on wrappers.
        for (j, o) in self.ev.objects.iter().enumerate() {
            if o.receiver == Some(id) {
                targets.push(j);
            }
        }
        for t in targets {
            for c in &self.ev.objects[t].calls {
                if !self.is_invoke(&c.method) {
                    continue;
                }
                if self.t.is_user_context(c.site) {
                    out.push(c.site);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    // ---- graphs ---------------------------------------------------------------------------

    fn graph(&mut self, id: ObjId) -> usize {
        if let Some(&i) = self.graph_at.get(&id) {
            return i;
        }
        let o = self.ev.objects[id].clone();
        let state_class = match o.args.first().or_else(|| o.kwarg("state_schema")) {
            Some(Value::Class(c)) => Some(c.clone()),
            _ => None,
        };
        let i = self.facts.graphs.len();
        self.graph_at.insert(id, i);
        self.facts.graphs.push(Graph {
            site: o.site,
            compile_site: None,
            nodes: vec![],
            edges: vec![],
            interrupt_before: vec![],
            interrupt_after: vec![],
            checkpointer: Checkpointer::Absent,
            state_class,
            user_entries: vec![],
            compiled: vec![],
            model_tools: vec![],
            node_runs: vec![],
            pausing_nodes: vec![],
        });
        let mut nodes: Vec<Node> = vec![];
        let mut edges: Vec<Edge> = vec![];
        for call in &o.calls {
            let arg = |i: usize| call.args.get(i);
            let kw = |n: &str| {
                call.kwargs
                    .iter()
                    .rev()
                    .find(|(k, _)| k == n)
                    .map(|(_, v)| v)
            };
            match call.method.as_str() {
                // LangGraph.js: `addNode({ a: fnA, b: fnB })` and `addNode([["a", fnA], ...])`.
                "add_node" if matches!(arg(0), Some(Value::Dict(_) | Value::List(_))) => {
                    let pairs: Vec<(Value, Value)> = match arg(0) {
                        Some(Value::Dict(items)) => items.iter().cloned().collect(),
                        Some(Value::List(xs)) => xs
                            .iter()
                            .filter_map(|x| match x {
                                Value::List(t) if t.len() >= 2 => {
                                    Some((t[0].clone(), t[1].clone()))
                                }
                                _ => None,
                            })
                            .collect(),
                        _ => vec![],
                    };
                    for (k, v) in pairs {
                        let Some(name) = k.as_str().map(String::from) else {
                            continue;
                        };
                        for alt in v.alternatives() {
                            let action = self.node_action(alt);
                            nodes.push(Node {
                                name: name.clone(),
                                site: call.site,
                                action,
                            });
                        }
                    }
                }
                "add_node" => {
                    let (name, action_v) = match (arg(0), arg(1)) {
                        (Some(Value::Str(s, _)), a) => (
                            Some(s.to_string()),
                            a.cloned().or_else(|| kw("action").cloned()),
                        ),
                        (Some(a), _) => (None, Some(a.clone())),
                        (None, _) => (
                            kw("node").and_then(|v| v.as_str()).map(String::from),
                            kw("action").cloned(),
                        ),
                    };
                    let action_v = action_v.unwrap_or(Value::Unknown);
                    for alt in action_v.alternatives() {
                        let action = self.node_action(alt);
                        let name = name.clone().or_else(|| self.infer_node_name(alt));
                        let Some(name) = name else { continue };
                        let node = Node {
                            name: name.clone(),
                            site: call.site,
                            action,
                        };
                        // Command targets declared on the node.
                        if let Some(d) = kw("destinations") {
                            for t in self.strings_in(d) {
                                edges.push(Edge {
                                    from: name.clone(),
                                    to: Some(t),
                                    site: call.site,
                                    kind: EdgeKind::CommandGoto,
                                    router: None,
                                });
                            }
                        }
                        nodes.push(node);
                    }
                }
                "add_edge" => {
                    let to = arg(1).and_then(|v| v.as_str()).map(norm);
                    let froms = match arg(0) {
                        Some(v @ Value::List(_)) => self.strings_in(v),
                        Some(v) => v.as_str().map(|s| vec![norm(s)]).unwrap_or_default(),
                        None => vec![],
                    };
                    for f in froms {
                        edges.push(Edge {
                            from: f,
                            to: to.clone(),
                            site: call.site,
                            kind: EdgeKind::Edge,
                            router: None,
                        });
                    }
                }
                "set_entry_point" => {
                    if let Some(t) = arg(0).and_then(|v| v.as_str()) {
                        edges.push(Edge {
                            from: START.into(),
                            to: Some(norm(t)),
                            site: call.site,
                            kind: EdgeKind::Edge,
                            router: None,
                        });
                    }
                }
                "set_finish_point" => {
                    if let Some(t) = arg(0).and_then(|v| v.as_str()) {
                        edges.push(Edge {
                            from: norm(t),
                            to: Some(END.into()),
                            site: call.site,
                            kind: EdgeKind::Edge,
                            router: None,
                        });
                    }
                }
                "add_sequence" => {
                    let mut prev: Option<String> = None;
                    for step in arg(0).and_then(iter_elements).unwrap_or_default() {
                        let (name, action) = match &step {
                            Value::List(pair) if pair.len() == 2 => {
                                (pair[0].as_str().map(String::from), pair[1].clone())
                            }
                            other => (self.infer_node_name(other), other.clone()),
                        };
                        let Some(name) = name else { continue };
                        let act = self.node_action(&action);
                        nodes.push(Node {
                            name: name.clone(),
                            site: call.site,
                            action: act,
                        });
                        if let Some(p) = prev.take() {
                            edges.push(Edge {
                                from: p,
                                to: Some(name.clone()),
                                site: call.site,
                                kind: EdgeKind::Edge,
                                router: None,
                            });
                        }
                        prev = Some(name);
                    }
                }
                "add_conditional_edges" | "set_conditional_entry_point" => {
                    let (from, path, map) = if call.method == "add_conditional_edges" {
                        (
                            arg(0)
                                .or_else(|| kw("source"))
                                .and_then(|v| v.as_str())
                                .map(norm),
                            arg(1).or_else(|| kw("path")).cloned(),
                            arg(2).or_else(|| kw("path_map")).cloned(),
                        )
                    } else {
                        (Some(START.to_string()), arg(0).cloned(), arg(1).cloned())
                    };
                    let Some(from) = from else { continue };
                    let router = match &path {
                        Some(Value::Func(f)) => Some(f.clone()),
                        _ => None,
                    };
                    let targets: Option<Vec<String>> = match &map {
                        Some(Value::Dict(items)) => Some(
                            items
                                .iter()
                                .filter_map(|(_, v)| v.as_str().map(norm))
                                .collect(),
                        ),
                        Some(v @ Value::List(_)) => Some(self.strings_in(v)),
                        _ => match &path {
                            Some(Value::Ext(q)) if self.api_is("tools_condition", q) => {
                                Some(vec!["tools".into(), END.into()])
                            }
                            Some(Value::Func(f)) => self.router_targets(f),
                            _ => None,
                        },
                    };
                    match targets {
                        Some(ts) => {
                            for t in ts {
                                edges.push(Edge {
                                    from: from.clone(),
                                    to: Some(t),
                                    site: call.site,
                                    kind: EdgeKind::Conditional,
                                    router: router.clone(),
                                });
                            }
                        }
                        None => edges.push(Edge {
                            from: from.clone(),
                            to: None,
                            site: call.site,
                            kind: EdgeKind::Conditional,
                            router,
                        }),
                    }
                }
                _ => {}
            }
        }
        // Command(goto=...) / Send(...) routes from node functions.
        let mut extra = vec![];
        for n in &nodes {
            if let NodeAction::Func(f) = &n.action {
                for (to, site, kind) in self.command_targets(f) {
                    extra.push(Edge {
                        from: n.name.clone(),
                        to: Some(to),
                        site,
                        kind,
                        router: None,
                    });
                }
            }
        }
        edges.extend(extra);
        // Compilation: the method results of this builder named `compile`.
        let mut compile_site = None;
        let mut ib = vec![];
        let mut ia = vec![];
        let mut checkpointer = Checkpointer::Absent;
        let mut compiled = vec![];
        for (j, c) in self.ev.objects.iter().enumerate() {
            if c.receiver == Some(id) && c.class_name().is_some_and(|n| n.ends_with(".compile")) {
                compiled.push(j);
                compile_site.get_or_insert(c.site);
                ib.extend(self.named_list(c.kwarg("interrupt_before")));
                ia.extend(self.named_list(c.kwarg("interrupt_after")));
                match c.kwarg("checkpointer") {
                    None | Some(Value::None) | Some(Value::Bool(false)) => {}
                    Some(_) => checkpointer = Checkpointer::Present,
                }
            }
        }
        let mut user_entries = vec![];
        for &c in &compiled {
            user_entries.extend(self.user_entries(c));
        }
        user_entries.extend(self.user_entries(id));
        // Interrupts given at call time: `graph.invoke(..., interrupt_before=[...])`.
        for &c in &compiled {
            for call in &self.ev.objects[c].calls {
                if self.is_invoke(&call.method) {
                    let kw = |n: &str| call.kwargs.iter().find(|(k, _)| k == n).map(|(_, v)| v);
                    ib.extend(self.named_list(kw("interrupt_before")));
                    ia.extend(self.named_list(kw("interrupt_after")));
                }
            }
        }
        user_entries.sort();
        user_entries.dedup();
        let model_tools = self.model_tools(&nodes);
        let pausing_nodes: Vec<NamedSite> = nodes
            .iter()
            .filter_map(|n| match &n.action {
                NodeAction::Func(f) => self.pauses_first(f).map(|site| NamedSite {
                    name: n.name.clone(),
                    site,
                }),
                _ => None,
            })
            .collect();
        let g = &mut self.facts.graphs[i];
        g.model_tools = model_tools;
        g.pausing_nodes = pausing_nodes;
        g.nodes = nodes;
        g.edges = edges;
        g.compile_site = compile_site;
        g.interrupt_before = ib;
        g.interrupt_after = ia;
        g.checkpointer = checkpointer;
        g.user_entries = user_entries;
        g.compiled = compiled;
        i
    }

    /// The `interrupt(...)` a node function makes before anything else decides where it goes:
    /// in a top-level statement (an assignment or a call), with no statement before it that
    /// holds a `return`.
    fn pauses_first(&self, f: &FuncVal) -> Option<Site> {
        let interrupts = self.body.caps(f).interrupts.clone();
        let file = self.modules[f.module].file;
        for st in &f.def.body {
            let inside = |s: &Site| {
                s.file == file && st.span.start <= s.span.start && s.span.end <= st.span.end
            };
            let simple = matches!(st.kind, StmtKind::Assign { .. } | StmtKind::Expr(_));
            if let Some(s) = interrupts.iter().find(|s| inside(s)) {
                return simple.then_some(*s);
            }
            let mut returns = false;
            visit_stmts(std::slice::from_ref(st), &mut |x: &Stmt| {
                returns |= matches!(x.kind, StmtKind::Return(_));
            });
            if returns {
                return None;
            }
        }
        None
    }

    /// For each function node, the tools of every `bind_tools(...)` model it invokes.
    fn model_tools(&mut self, nodes: &[Node]) -> Vec<(String, Vec<usize>)> {
        let mut out = vec![];
        for n in nodes {
            let NodeAction::Func(f) = &n.action else {
                continue;
            };
            let fsite = f.site(self.modules);
            let sites: BTreeSet<Site> = self
                .ev
                .calls_by_func
                .get(&fsite)
                .map(|recs| recs.iter().map(|r| r.site).collect())
                .unwrap_or_default();
            let mut tools = vec![];
            for id in 0..self.ev.objects.len() {
                let o = &self.ev.objects[id];
                if !o.class_name().is_some_and(|c| c.ends_with(".bind_tools")) {
                    continue;
                }
                let invoked_here = o
                    .calls
                    .iter()
                    .any(|c| self.is_invoke(&c.method) && sites.contains(&c.site));
                if !invoked_here {
                    continue;
                }
                let Some(list) = o.args.first().or_else(|| o.kwarg("tools")).cloned() else {
                    continue;
                };
                let (ts, _) = self.t.tools_of(&list);
                tools.extend(ts);
            }
            tools.sort_unstable();
            tools.dedup();
            if !tools.is_empty() {
                out.push((n.name.clone(), tools));
            }
        }
        out
    }

    fn strings_in(&self, v: &Value) -> Vec<String> {
        match v {
            Value::Str(s, _) => vec![norm(s)],
            _ => iter_elements(v)
                .unwrap_or_default()
                .iter()
                .filter_map(|x| x.as_str().map(norm))
                .collect(),
        }
    }

    fn infer_node_name(&mut self, v: &Value) -> Option<String> {
        match v {
            Value::Func(f) => Some(f.def.name.clone()),
            Value::Obj(id) => {
                let o = &self.ev.objects[*id];
                if let Some(n) = o.kwarg("name").and_then(|v| v.as_str()) {
                    return Some(n.to_string());
                }
                match &o.kind {
                    ObjKind::ToolFunc { func, name } => {
                        Some(name.clone().unwrap_or_else(|| func.def.name.clone()))
                    }
                    ObjKind::Instance(c) => Some(c.def.name.clone()),
                    ObjKind::Ext(c) if self.api_is("tool_node", c) => Some("tools".into()),
                    ObjKind::Ext(_) => None,
                }
            }
            _ => None,
        }
    }

    fn node_action(&mut self, v: &Value) -> NodeAction {
        match v {
            Value::Func(f) => NodeAction::Func(f.clone()),
            Value::Obj(id) => {
                let id = *id;
                let o = self.ev.objects[id].clone();
                if class_any(&o, self.api("tool_node")) {
                    let tv = o
                        .args
                        .first()
                        .or_else(|| o.kwarg("tools"))
                        .cloned()
                        .unwrap_or(Value::Unknown);
                    let (tools, unknown) = self.t.tools_of(&tv);
                    return NodeAction::ToolNode { tools, unknown };
                }
                if class_any(&o, self.api("agent_factory")) {
                    return NodeAction::Agent(self.agent(id));
                }
                // A compiled subgraph: `sub_builder.compile()`.
                if o.class_name().is_some_and(|c| c.ends_with(".compile")) {
                    if let Some(r) = o.receiver {
                        if class_any(&self.ev.objects[r], self.api("state_graph")) {
                            return NodeAction::Graph(self.graph(r));
                        }
                        if class_any(&self.ev.objects[r], self.api("agent_factory")) {
                            return NodeAction::Agent(self.agent(r));
                        }
                    }
                }
                match &o.kind {
                    ObjKind::ToolFunc { func, .. } => NodeAction::Func(func.clone()),
                    ObjKind::Instance(c) => {
                        match c.attrs.get("__call__").or_else(|| c.attrs.get("invoke")) {
                            Some(Value::Func(f)) => {
                                let mut f = f.clone();
                                f.bound = Some(Box::new(Value::Obj(id)));
                                NodeAction::Func(f)
                            }
                            _ => NodeAction::Unknown,
                        }
                    }
                    _ => NodeAction::Unknown,
                }
            }
            _ => NodeAction::Unknown,
        }
    }

    /// Targets a routing function can return: string literals it returns, `Literal[...]`
    /// annotations, and `Send(...)`. `None` when a return is computed (`state["next"]`).
    fn router_targets(&self, f: &FuncVal) -> Option<Vec<String>> {
        let mut out = BTreeSet::new();
        if let Some(r) = &f.def.returns {
            out.extend(literal_strings(r));
        }
        let mut computed = false;
        for_each_return(&f.def.body, &mut |e| match &e.kind {
            ExprKind::Str(s) => {
                out.insert(norm(s));
            }
            ExprKind::Name(n) if n == "END" => {
                out.insert(END.into());
            }
            ExprKind::Name(n) if n == "START" => {}
            ExprKind::None => {}
            ExprKind::IfExp(_, a, b) => {
                for x in [a, b] {
                    match &x.kind {
                        ExprKind::Str(s) => {
                            out.insert(norm(s));
                        }
                        ExprKind::Name(n) if n == "END" => {
                            out.insert(END.into());
                        }
                        _ => computed = true,
                    }
                }
            }
            _ => computed = true,
        });
        // Send(...) targets recorded by the interpreter.
        let fsite = f.site(self.modules);
        if let Some(recs) = self.ev.calls_by_func.get(&fsite) {
            for r in recs {
                if r.callees
                    .iter()
                    .any(|c| matches!(c, Callee::Qualified(q) if self.api_is("send", q)))
                {
                    if let Some(s) = r.args.first().and_then(|a| a.as_str()) {
                        out.insert(norm(s));
                    }
                }
            }
        }
        if computed && f.def.returns.is_none() {
            if out.is_empty() {
                return None;
            }
            // Some literal returns and some computed ones: still "any node" for the computed.
            return None;
        }
        Some(out.into_iter().collect())
    }

    fn command_targets(&self, f: &FuncVal) -> Vec<(String, Site, EdgeKind)> {
        let mut out = vec![];
        let fsite = f.site(self.modules);
        if let Some(r) = &f.def.returns {
            // `-> Command[Literal["a", "b"]]`
            for s in literal_strings(r) {
                out.push((s, fsite, EdgeKind::CommandGoto));
            }
        }
        if let Some(recs) = self.ev.calls_by_func.get(&fsite) {
            for r in recs {
                let is_cmd = r
                    .callees
                    .iter()
                    .any(|c| matches!(c, Callee::Qualified(q) if self.api_is("command", q)));
                let is_send = r
                    .callees
                    .iter()
                    .any(|c| matches!(c, Callee::Qualified(q) if self.api_is("send", q)));
                if is_cmd {
                    let parent = r
                        .kwargs
                        .iter()
                        .any(|(k, v)| k == "graph" && !matches!(v, Value::None));
                    if parent {
                        continue;
                    }
                    if let Some((_, g)) = r.kwargs.iter().find(|(k, _)| k == "goto") {
                        for alt in g.alternatives() {
                            match alt {
                                Value::Str(s, _) => {
                                    out.push((norm(s), r.site, EdgeKind::CommandGoto))
                                }
                                Value::List(xs) => {
                                    for x in xs.iter() {
                                        if let Some(s) = x.as_str() {
                                            out.push((norm(s), r.site, EdgeKind::CommandGoto));
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                if is_send {
                    if let Some(s) = r.args.first().and_then(|a| a.as_str()) {
                        out.push((norm(s), r.site, EdgeKind::Send));
                    }
                }
            }
        }
        out
    }

    /// The functional API: an `@entrypoint(...)` function and the `@task`s it calls become a
    /// graph whose nodes are those functions (START → entrypoint → each task), with the
    /// entrypoint's checkpointer and the callers of `workflow.invoke(...)` as user input.
    fn functional_workflows(&mut self) {
        for id in 0..self.ev.objects.len() {
            let o = &self.ev.objects[id];
            let is_entry = o
                .class_name()
                .is_some_and(|c| self.api_is("entrypoint_decorator", c));
            if !is_entry {
                continue;
            }
            let Some(entry) = o
                .calls
                .iter()
                .find(|c| c.method == "__decorate__")
                .and_then(|c| match c.args.first() {
                    Some(Value::Func(f)) => Some(f.clone()),
                    _ => None,
                })
            else {
                continue;
            };
            let checkpointer = match o.kwarg("checkpointer") {
                None | Some(Value::None) | Some(Value::Bool(false)) => Checkpointer::Absent,
                Some(_) => Checkpointer::Present,
            };
            let site = o.site;
            // Tasks reachable from the entrypoint through direct calls.
            let mut tasks: Vec<FuncVal> = vec![];
            let mut seen = BTreeSet::new();
            let mut queue = vec![entry.clone()];
            while let Some(f) = queue.pop() {
                let fsite = f.site(self.modules);
                // Each function once: linear in the functions reachable, so no cap.
                if !seen.insert(fsite) {
                    continue;
                }
                for r in self
                    .ev
                    .calls_by_func
                    .get(&fsite)
                    .map(|v| v.as_slice())
                    .unwrap_or(&[])
                {
                    for c in &r.callees {
                        let Callee::Local(g) = c else { continue };
                        let is_task =
                            self.ev
                                .decorators
                                .get(&g.site(self.modules))
                                .is_some_and(|ds| {
                                    ds.iter().any(|(n, _)| self.api_is("task_decorator", n))
                                });
                        if is_task && !tasks.iter().any(|t| std::sync::Arc::ptr_eq(&t.def, &g.def))
                        {
                            tasks.push(g.clone());
                            queue.push(g.clone());
                        }
                    }
                }
            }
            let mut nodes = vec![Node {
                name: entry.def.name.clone(),
                site,
                action: NodeAction::Func(entry.clone()),
            }];
            let mut edges = vec![Edge {
                from: START.into(),
                to: Some(entry.def.name.clone()),
                site,
                kind: EdgeKind::Edge,
                router: None,
            }];
            for t in &tasks {
                nodes.push(Node {
                    name: t.def.name.clone(),
                    site: t.site(self.modules),
                    action: NodeAction::Func(t.clone()),
                });
                edges.push(Edge {
                    from: entry.def.name.clone(),
                    to: Some(t.def.name.clone()),
                    site,
                    kind: EdgeKind::Edge,
                    router: None,
                });
            }
            let model_tools = self.model_tools(&nodes);
            let user_entries = self.user_entries(id);
            self.facts.graphs.push(Graph {
                site,
                compile_site: Some(site),
                nodes,
                edges,
                interrupt_before: vec![],
                interrupt_after: vec![],
                checkpointer,
                state_class: None,
                user_entries,
                compiled: vec![id],
                model_tools,
                node_runs: vec![],
                pausing_nodes: vec![],
            });
        }
    }

    /// Compiled graphs and agents used as nodes of another graph inherit its checkpointer.
    fn link_subgraphs(&mut self) {
        let mut inherit_graphs = vec![];
        let mut inherit_agents = vec![];
        for g in &self.facts.graphs {
            let runs = g.node_runs.iter().map(|(_, a, _)| a);
            for action in g.nodes.iter().map(|n| &n.action).chain(runs) {
                match *action {
                    NodeAction::Graph(s) => inherit_graphs.push(s),
                    NodeAction::Agent(a) => inherit_agents.push(a),
                    _ => {}
                }
            }
        }
        for s in inherit_graphs {
            if self.facts.graphs[s].checkpointer == Checkpointer::Absent {
                self.facts.graphs[s].checkpointer = Checkpointer::Inherited;
            }
        }
        for a in inherit_agents {
            if self.facts.agents[a].checkpointer == Checkpointer::Absent {
                self.facts.agents[a].checkpointer = Checkpointer::Inherited;
            }
        }
    }

    /// `langgraph.json` entry points: platform-served (user input, checkpointer supplied).
    fn deployments(&mut self) {
        let deployed = std::mem::take(&mut self.deployed);
        for (m, attr) in &deployed {
            let Some(v) = self.ev.globals.get(*m).and_then(|g| g.get(attr)) else {
                continue;
            };
            let site = Site {
                file: self.modules[*m].file,
                span: Default::default(),
            };
            for alt in v.alternatives() {
                let mut objs = vec![];
                match alt {
                    Value::Obj(id) => objs.push(*id),
                    Value::Func(f) => {
                        // A factory: the objects it returns.
                        if let Some(Value::Obj(id)) = self.ev.returns.get(&f.site(self.modules)) {
                            objs.push(*id);
                        }
                    }
                    _ => {}
                }
                for id in objs {
                    let o = &self.ev.objects[id];
                    if let Some(r) = o
                        .receiver
                        .filter(|_| o.class_name().is_some_and(|c| c.ends_with(".compile")))
                    {
                        if let Some(&g) = self.graph_at.get(&r) {
                            let g = &mut self.facts.graphs[g];
                            if g.checkpointer == Checkpointer::Absent {
                                g.checkpointer = Checkpointer::Inherited;
                            }
                            g.user_entries.push(site);
                        }
                    }
                    if let Some(&a) = self.agent_at.get(&id) {
                        let a = &mut self.facts.agents[a];
                        if a.checkpointer == Checkpointer::Absent {
                            a.checkpointer = Checkpointer::Inherited;
                        }
                        a.user_entries.push(site);
                    }
                }
            }
        }
        self.deployed = deployed;
    }
}

/// An agent's name as a handoff tool spells it: whitespace to `_`, lowercased.
pub fn handoff_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

/// `START`/`END` constants arrive as their string values.
fn norm(s: &str) -> String {
    s.to_string()
}

fn literal_strings(e: &Expr) -> Vec<String> {
    let mut out = vec![];
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Subscript(b, s) => {
                let is_lit = matches!(&b.kind, ExprKind::Name(n) if n == "Literal")
                    || matches!(&b.kind, ExprKind::Attr(_, n) if n == "Literal");
                if is_lit {
                    match &s.kind {
                        ExprKind::Tuple(xs) => {
                            for x in xs {
                                if let ExprKind::Str(v) = &x.kind {
                                    out.push(norm(v));
                                }
                            }
                        }
                        ExprKind::Str(v) => out.push(norm(v)),
                        _ => {}
                    }
                } else {
                    stack.push(s);
                }
            }
            ExprKind::Tuple(xs) | ExprKind::BinOp(_, xs) => stack.extend(xs.iter()),
            _ => {}
        }
    }
    out
}

fn for_each_return(body: &[crate::syntax::python::Stmt], f: &mut dyn FnMut(&Expr)) {
    visit_stmts(body, &mut |s| {
        if let StmtKind::Return(Some(e)) = &s.kind {
            f(e)
        }
    });
}

/// Moved to `syntax::python` (a walk over the Python IR); re-exported for the adapters.
pub use crate::syntax::python::push_children;

/// The LangGraph/LangChain adapter (`extract::adapters`): `langgraph.json` deployments, then
/// graphs, agents and tools from the evaluated program.
pub struct Adapter;

impl crate::extract::adapters::Adapter for Adapter {
    fn name(&self) -> &'static str {
        "langgraph"
    }

    fn extract<'a>(
        &self,
        p: &crate::extract::adapters::Project<'a>,
        tools: &mut ToolTable<'a>,
        ext: &mut crate::extract::adapters::Extensions,
        _notices: &mut Vec<crate::model::Notice>,
    ) {
        let mut x = Extractor::over(tools.take());
        // `langgraph.json` deployments: the graphs a platform serves.
        for (id, node) in p.json_files {
            let path = &p.db.get(*id).rel_path;
            if path == "langgraph.json" || path.ends_with("/langgraph.json") {
                let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
                x.deployed
                    .extend(langgraph_json_entries(node, dir, p.modules, p.db));
            }
        }
        x.extract();
        let (t, facts) = x.into_parts();
        *tools = t;
        ext.lg = facts;
    }

    fn agents(
        &self,
        facts: &crate::extract::adapters::Extracted,
        out: &mut Vec<crate::facts::Agent>,
    ) {
        out.extend(
            facts
                .lg
                .agents
                .iter()
                .enumerate()
                .map(|(i, a)| neutral_agent(i, a, &facts.tools)),
        );
    }

    fn dump(
        &self,
        p: &crate::extract::adapters::Project,
        facts: &crate::extract::adapters::Extracted,
    ) -> String {
        debug_facts(&facts.lg, p.body, p.db)
    }
}

/// A prebuilt agent as a neutral agent: the human-in-the-loop middleware's entry for each
/// tool (for the tools of an MCP server known from its code, when every privileged tool of it
/// has one), or a breakpoint before the tool node, which covers every tool.
fn neutral_agent(i: usize, a: &Agent, table: &[Tool]) -> crate::facts::Agent {
    use crate::facts::{Gate, GateKind, Strength, ToolId};
    let short = |q: &str| q.rsplit('.').next().unwrap_or(q).to_string();
    let label = match &a.name {
        Some(n) => format!("agent `{n}`"),
        None => format!("agent built by `{}`", short(&a.factory)),
    };
    let breakpoint = a
        .interrupt_before
        .iter()
        .find(|e| e.name == "tools" || e.name == "*")
        .map(|e| e.site);
    let middleware = |e: &HitlEntry| Gate {
        kind: GateKind::Middleware,
        strength: if e.conditional {
            Strength::Conditional
        } else {
            Strength::Strong
        },
        site: e.site,
    };
    let mut gates = std::collections::BTreeMap::new();
    for &t in &a.tools {
        let tool = &table[t];
        let mut g = a
            .hitl
            .iter()
            .find(|e| e.tool == tool.name)
            .filter(|e| e.on)
            .map(middleware);
        if let Some(ts) = tool.mcp.as_ref().filter(|m| !m.tools.is_empty()) {
            let entries: Vec<_> = ts
                .tools
                .iter()
                .filter(|(_, privileged)| *privileged)
                .map(|(n, _)| a.hitl.iter().find(|e| e.tool == *n && e.on))
                .collect();
            if let Some(first) = entries.first().copied().flatten() {
                if entries.iter().all(Option::is_some) {
                    let conditional = entries.iter().flatten().any(|e| e.conditional);
                    g = Some(Gate {
                        strength: if conditional {
                            Strength::Conditional
                        } else {
                            Strength::Strong
                        },
                        ..middleware(first)
                    });
                }
            }
        }
        if let Some(site) = breakpoint {
            g = Some(Gate {
                kind: GateKind::Breakpoint,
                strength: Strength::Strong,
                site,
            });
        }
        if let Some(g) = g {
            gates.insert(ToolId(t), g);
        }
    }
    let framework = if a.factory.contains("deepagents") || a.factory.contains("create_deep_agent") {
        "deepagents"
    } else if a.factory.starts_with("langgraph") {
        "langgraph"
    } else {
        "langchain"
    };
    crate::facts::Agent {
        framework,
        name: a.name.clone().unwrap_or_else(|| short(&a.factory)),
        label,
        site: a.site,
        tools: a.tools.iter().map(|&t| ToolId(t)).collect(),
        unknown_tools: a.unknown_tools,
        blanket_gate: breakpoint.is_some() && a.checkpointer != Checkpointer::Absent,
        gates,
        entries: a
            .user_entries
            .iter()
            .map(|&site| crate::facts::Entry {
                site,
                label: "user input reaches the agent here".into(),
            })
            .collect(),
        checkpointer: a.checkpointer,
        origin: crate::facts::AgentRef::LangGraph(i),
        hints: crate::facts::LANGGRAPH_HINTS,
    }
}

/// `graphs` entries of a `langgraph.json`: `"./src/agent/graph.py:graph"` → (module, attr).
fn langgraph_json_entries(
    node: &crate::syntax::tree::Node,
    dir: &str,
    modules: &[ModuleInfo],
    db: &crate::model::SourceDb,
) -> Vec<(usize, String)> {
    let mut out = vec![];
    let Some(graphs) = node.get("graphs") else {
        return out;
    };
    for (_, v) in graphs.entries() {
        let spec = v
            .as_str()
            .or_else(|| v.get("path").and_then(|p| p.as_str()));
        let Some(spec) = spec else { continue };
        let Some((file, attr)) = spec.rsplit_once(':') else {
            continue;
        };
        let file = file.trim_start_matches("./");
        let rel = if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        };
        if let Some(i) = modules.iter().position(|m| db.get(m.file).rel_path == rel) {
            out.push((i, attr.to_string()));
        }
    }
    out
}

/// LangGraph's facts in a plain form (graphs with nodes and edges, agents), for
/// `AIRLOCK_DEBUG_FACTS`.
fn debug_facts(lg: &LangGraphFacts, body: &BodyAnalyzer, db: &crate::model::SourceDb) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for g in &lg.graphs {
        let nodes: Vec<String> = g
            .nodes
            .iter()
            .map(|n| {
                format!(
                    "{}:{}",
                    n.name,
                    match &n.action {
                        NodeAction::Func(f) => {
                            let c = body.caps(f);
                            format!(
                                "fn {} sinks{:?} models{} src{:?}",
                                f.def.name,
                                c.sinks.iter().map(|s| &s.kind).collect::<Vec<_>>(),
                                c.model_calls.len(),
                                c.sources.iter().map(|s| &s.kind).collect::<Vec<_>>()
                            )
                        }
                        NodeAction::ToolNode { tools, unknown } =>
                            format!("tools{tools:?}{}", if *unknown { "+?" } else { "" }),
                        NodeAction::Agent(a) => format!("agent {a}"),
                        NodeAction::Graph(g) => format!("graph {g}"),
                        NodeAction::Unknown => "?".into(),
                    }
                )
            })
            .collect();
        let edges: Vec<String> = g
            .edges
            .iter()
            .map(|e| format!("{}->{}", e.from, e.to.as_deref().unwrap_or("*")))
            .collect();
        let _ = writeln!(
            out,
            "graph {:?} nodes {nodes:?} edges {edges:?} ckpt {:?}",
            db.location(g.site.file, g.site.span).line,
            g.checkpointer
        );
    }
    for a in &lg.agents {
        let _ = writeln!(
            out,
            "agent {:?} tools {:?} unknown {} ckpt {:?}",
            a.name, a.tools, a.unknown_tools, a.checkpointer
        );
    }
    out
}

#[cfg(test)]
mod neutral_tests {
    use super::*;
    use crate::facts::tests::{site, tool};
    use crate::facts::{GateKind, Strength, ToolId};

    fn agent(checkpointer: Checkpointer) -> Agent {
        Agent {
            name: None,
            site: site(1),
            factory: "langgraph.prebuilt.create_react_agent".into(),
            tools: vec![0, 1, 2],
            unknown_tools: true,
            hitl: vec![
                HitlEntry {
                    tool: "send".into(),
                    site: site(10),
                    on: true,
                    conditional: false,
                },
                HitlEntry {
                    tool: "pay".into(),
                    site: site(11),
                    on: true,
                    conditional: true,
                },
                HitlEntry {
                    tool: "read".into(),
                    site: site(12),
                    on: false,
                    conditional: false,
                },
            ],
            hitl_site: None,
            interrupt_before: vec![],
            interrupt_after: vec![],
            checkpointer,
            user_entries: vec![],
            obj: 0,
            handoff_tools: vec![],
        }
    }

    #[test]
    fn middleware_entries_and_breakpoints_become_gates() {
        let table = vec![tool("send"), tool("pay"), tool("read")];
        let n = neutral_agent(0, &agent(Checkpointer::Present), &table);
        let gates: Vec<_> = n
            .gates
            .iter()
            .map(|(t, g)| (t.0, g.kind, g.strength, g.site))
            .collect();
        assert_eq!(
            gates,
            vec![
                (0, GateKind::Middleware, Strength::Strong, site(10)),
                (1, GateKind::Middleware, Strength::Conditional, site(11)),
            ]
        );
        assert_eq!(n.label, "agent built by `create_react_agent`");
        assert_eq!(n.framework, "langgraph");
        assert!(n.unknown_tools && !n.blanket_gate);

        // A breakpoint before the tool node covers every tool, the unresolved ones too, but
        // only when the run can resume.
        let mut a = agent(Checkpointer::Present);
        a.interrupt_before = vec![NamedSite {
            name: "tools".into(),
            site: site(20),
        }];
        let n = neutral_agent(0, &a, &table);
        assert!(n.blanket_gate);
        assert!(n
            .gates
            .values()
            .all(|g| g.kind == GateKind::Breakpoint && g.site == site(20)));
        assert_eq!(n.gates.len(), 3);
        a.checkpointer = Checkpointer::Absent;
        assert!(!neutral_agent(0, &a, &table).blanket_gate);
        assert_eq!(n.tools, vec![ToolId(0), ToolId(1), ToolId(2)]);
    }
}

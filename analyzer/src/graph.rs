//! The project graph: one petgraph of every LangGraph graph's nodes and routes, the agents and
//! subgraphs nodes run, the tools agents and tool nodes hold, the state fields nodes and tools
//! write and read, and the handoffs between agents (CrewAI task context, delegation, managers,
//! flow steps; OpenAI Agents handoffs, agents called as tools and their answers). Rules ask it
//! for route reachability, for who writes or reads a state field, and for the handoffs
//! cross-agent paths follow (AIR102).

use crate::extract::interp::{Callee, Evaluation, FuncVal, ModuleInfo, Site};
use crate::extract::langgraph::{state_reads, EdgeKind, LangGraphFacts, NodeAction, END, START};
use crate::knowledge::glob_match;
use crate::syntax::python::{visit_stmts, Arg, DictItem, Expr, ExprKind, StmtKind, Target};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PNode {
    /// A node of LangGraph graph `graph` (`__start__` included).
    Node {
        graph: usize,
        name: String,
    },
    Agent(usize),
    Tool(usize),
    /// A field of graph `graph`'s state.
    State {
        graph: usize,
        field: String,
    },
    /// A server of an MCP client configuration (`McpFacts::servers[i]`).
    McpServer(usize),
    /// A CrewAI agent (`CrewFacts::agents[i]`).
    CrewAgent(usize),
    /// The manager of hierarchical crew `CrewFacts::crews[i]`.
    CrewManager(usize),
    /// A method of a CrewAI flow.
    FlowStep {
        flow: usize,
        step: usize,
    },
    /// An OpenAI Agents SDK agent (`OaiFacts::agents[i]`).
    OaiAgent(usize),
}

/// A route between agents (or the steps and managers between them) along which one agent's
/// output becomes another's input: what cross-agent rules (AIR102) follow. Framework-neutral:
/// `kind` is the framework's name for the route (`task-context`, `delegation`, `listen` ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handoff {
    pub kind: &'static str,
    pub site: Site,
    /// What happens along the route, for a path step.
    pub label: String,
    /// A human decision the route waits for; a gated route carries nothing unreviewed.
    pub gate: Option<Site>,
    /// A filter on what crosses (an OpenAI handoff `input_filter`).
    pub filter: Option<crate::extract::openai_agents::Filter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PEdge {
    Route(EdgeKind),
    /// A graph node runs an agent or a compiled subgraph (its entry node).
    Runs,
    /// An agent or a tool node holds a tool.
    Holds,
    Writes(Site),
    Reads(Site),
    Handoff(Handoff),
}

#[derive(Debug, Default)]
pub struct ProjectGraph {
    pub g: StableDiGraph<PNode, PEdge>,
    index: HashMap<(usize, String), NodeIndex>,
    agents: HashMap<usize, NodeIndex>,
    tools: HashMap<usize, NodeIndex>,
    state: HashMap<(usize, String), NodeIndex>,
    mcp_servers: HashMap<usize, NodeIndex>,
    endpoints: HashMap<crate::extract::crewai::Endpoint, NodeIndex>,
    oai_agents: HashMap<usize, NodeIndex>,
    /// Graphs whose routes include a computed target (any node).
    any_target: BTreeMap<(usize, String), ()>,
}

impl ProjectGraph {
    pub fn build(ev: &Evaluation, modules: &[ModuleInfo], lg: &LangGraphFacts) -> ProjectGraph {
        let mut pg = ProjectGraph::default();
        for (ai, _) in lg.agents.iter().enumerate() {
            let n = pg.g.add_node(PNode::Agent(ai));
            pg.agents.insert(ai, n);
        }
        for (ti, _) in lg.tools.iter().enumerate() {
            let n = pg.g.add_node(PNode::Tool(ti));
            pg.tools.insert(ti, n);
        }
        for (ai, a) in lg.agents.iter().enumerate() {
            for &t in &a.tools {
                pg.g.add_edge(pg.agents[&ai], pg.tools[&t], PEdge::Holds);
            }
        }
        for (gi, g) in lg.graphs.iter().enumerate() {
            pg.node(gi, START);
            for n in &g.nodes {
                let idx = pg.node(gi, &n.name);
                match &n.action {
                    NodeAction::Func(f) => {
                        for (field, site) in state_writes(ev, modules, f) {
                            let s = pg.state_node(gi, &field);
                            pg.g.add_edge(idx, s, PEdge::Writes(site));
                        }
                        let file = modules[f.module].file;
                        for (field, span) in state_reads(f) {
                            let s = pg.state_node(gi, &field);
                            pg.g.add_edge(s, idx, PEdge::Reads(Site { file, span }));
                        }
                    }
                    NodeAction::ToolNode { tools, .. } => {
                        for &t in tools {
                            pg.g.add_edge(idx, pg.tools[&t], PEdge::Holds);
                            if let Some(f) = lg.tools[t].func() {
                                for (field, site) in state_writes(ev, modules, f) {
                                    let s = pg.state_node(gi, &field);
                                    pg.g.add_edge(pg.tools[&t], s, PEdge::Writes(site));
                                }
                            }
                        }
                    }
                    NodeAction::Agent(a) => {
                        pg.g.add_edge(idx, pg.agents[a], PEdge::Runs);
                        for &t in &lg.agents[*a].tools {
                            if let Some(f) = lg.tools[t].func() {
                                for (field, site) in state_writes(ev, modules, f) {
                                    let s = pg.state_node(gi, &field);
                                    pg.g.add_edge(pg.tools[&t], s, PEdge::Writes(site));
                                }
                            }
                        }
                    }
                    NodeAction::Graph(sub) => {
                        let entry = pg.node(*sub, START);
                        pg.g.add_edge(idx, entry, PEdge::Runs);
                    }
                    NodeAction::Unknown => {}
                }
            }
            let names: Vec<String> = g.nodes.iter().map(|n| n.name.clone()).collect();
            for e in &g.edges {
                if e.to.as_deref() == Some(END) {
                    continue;
                }
                let a = pg.node(gi, &e.from);
                match &e.to {
                    Some(t) => {
                        let b = pg.node(gi, t);
                        pg.route(a, b, e.kind);
                    }
                    None => {
                        pg.any_target.insert((gi, e.from.clone()), ());
                        for n in &names {
                            let b = pg.node(gi, n);
                            pg.route(a, b, e.kind);
                        }
                    }
                }
            }
        }
        pg
    }

    /// Adds every configured MCP server as a node. Nothing links agents to them yet: agent code
    /// that loads MCP tools (`MultiServerMCPClient`, ...) will hold them with `Holds` edges.
    pub fn add_mcp_servers(&mut self, mcp: &crate::mcp::McpFacts) {
        for i in 0..mcp.servers.len() {
            let n = self.g.add_node(PNode::McpServer(i));
            self.mcp_servers.insert(i, n);
        }
    }

    /// Adds CrewAI agents, hierarchical managers and flow steps, and the routes between them.
    pub fn add_crewai(&mut self, crew: &crate::extract::crewai::CrewFacts) {
        use crate::extract::crewai::Endpoint;
        let mut ends: Vec<Endpoint> = (0..crew.agents.len()).map(Endpoint::Agent).collect();
        for r in &crew.routes {
            ends.push(r.from);
            ends.push(r.to);
        }
        for e in ends {
            if self.endpoints.contains_key(&e) {
                continue;
            }
            let n = self.g.add_node(match e {
                Endpoint::Agent(i) => PNode::CrewAgent(i),
                Endpoint::Manager(i) => PNode::CrewManager(i),
                Endpoint::Step { flow, step } => PNode::FlowStep { flow, step },
            });
            self.endpoints.insert(e, n);
        }
        for r in &crew.routes {
            let (a, b) = (self.endpoints[&r.from], self.endpoints[&r.to]);
            self.g.add_edge(
                a,
                b,
                PEdge::Handoff(Handoff {
                    kind: r.kind.as_str(),
                    site: r.site,
                    label: r.label.clone(),
                    gate: r.gate,
                    filter: None,
                }),
            );
        }
        for (ai, a) in crew.agents.iter().enumerate() {
            let n = self.endpoints[&Endpoint::Agent(ai)];
            for &t in &a.tools {
                if let Some(&tn) = self.tools.get(&t) {
                    self.g.add_edge(n, tn, PEdge::Holds);
                }
            }
        }
    }

    /// Adds OpenAI Agents SDK agents, the tools they hold, and their handoffs and
    /// agents-as-tools (with the answers back) as `Handoff` edges.
    pub fn add_openai(&mut self, oai: &crate::extract::openai_agents::OaiFacts) {
        for (ai, a) in oai.agents.iter().enumerate() {
            let n = self.g.add_node(PNode::OaiAgent(ai));
            self.oai_agents.insert(ai, n);
            for &t in &a.tools {
                if let Some(&tn) = self.tools.get(&t) {
                    self.g.add_edge(n, tn, PEdge::Holds);
                }
            }
        }
        for r in &oai.routes {
            let (a, b) = (self.oai_agents[&r.from], self.oai_agents[&r.to]);
            self.g.add_edge(
                a,
                b,
                PEdge::Handoff(Handoff {
                    kind: r.kind.as_str(),
                    site: r.site,
                    label: r.label.clone(),
                    gate: r.gate,
                    filter: r.filter,
                }),
            );
        }
    }

    /// The node of OpenAI Agents SDK agent `i`.
    pub fn oai_node(&self, i: usize) -> Option<NodeIndex> {
        self.oai_agents.get(&i).copied()
    }

    /// The node of a CrewAI agent, manager or flow step.
    pub fn crew_node(&self, e: crate::extract::crewai::Endpoint) -> Option<NodeIndex> {
        self.endpoints.get(&e).copied()
    }

    /// Routes out of `n` to other agents, steps or managers, ordered by target and site.
    pub fn handoffs(&self, n: NodeIndex) -> Vec<(NodeIndex, &Handoff)> {
        let mut out: Vec<(NodeIndex, &Handoff)> = self
            .g
            .edges_directed(n, Direction::Outgoing)
            .filter_map(|e| match e.weight() {
                PEdge::Handoff(h) => Some((e.target(), h)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(t, h)| (t.index(), h.site));
        out
    }

    /// The node of configured MCP server `i`.
    pub fn mcp_server(&self, i: usize) -> Option<NodeIndex> {
        self.mcp_servers.get(&i).copied()
    }

    fn node(&mut self, graph: usize, name: &str) -> NodeIndex {
        if let Some(&n) = self.index.get(&(graph, name.to_string())) {
            return n;
        }
        let n = self.g.add_node(PNode::Node {
            graph,
            name: name.to_string(),
        });
        self.index.insert((graph, name.to_string()), n);
        n
    }

    fn state_node(&mut self, graph: usize, field: &str) -> NodeIndex {
        if let Some(&n) = self.state.get(&(graph, field.to_string())) {
            return n;
        }
        let n = self.g.add_node(PNode::State {
            graph,
            field: field.to_string(),
        });
        self.state.insert((graph, field.to_string()), n);
        n
    }

    fn route(&mut self, a: NodeIndex, b: NodeIndex, kind: EdgeKind) {
        let exists = self
            .g
            .edges_connecting(a, b)
            .any(|e| matches!(e.weight(), PEdge::Route(_)));
        if !exists {
            self.g.add_edge(a, b, PEdge::Route(kind));
        }
    }

    /// Names of graph `graph`'s nodes reachable from `from` over routes, not expanding past
    /// nodes in `avoid` (they are reached, not crossed).
    pub fn reachable(
        &self,
        graph: usize,
        from: &str,
        avoid: &BTreeSet<String>,
    ) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let Some(&start) = self.index.get(&(graph, from.to_string())) else {
            seen.insert(from.to_string());
            return seen;
        };
        let mut visited = BTreeSet::new();
        let mut q = VecDeque::from([start]);
        while let Some(n) = q.pop_front() {
            if !visited.insert(n) {
                continue;
            }
            let Some(PNode::Node { name, .. }) = self.g.node_weight(n) else {
                continue;
            };
            seen.insert(name.clone());
            if avoid.contains(name) && n != start {
                continue;
            }
            for e in self.g.edges_directed(n, Direction::Outgoing) {
                if matches!(e.weight(), PEdge::Route(_)) {
                    q.push_back(e.target());
                }
            }
        }
        seen
    }

    /// Who writes a state field of graph `graph`: graph nodes (by name) or tools, with sites.
    pub fn writers(&self, graph: usize, field: &str) -> Vec<(PNode, Site)> {
        let Some(&s) = self.state.get(&(graph, field.to_string())) else {
            return vec![];
        };
        let mut out: Vec<(PNode, Site)> = self
            .g
            .edges_directed(s, Direction::Incoming)
            .filter_map(|e| match e.weight() {
                PEdge::Writes(site) => self.g.node_weight(e.source()).map(|n| (n.clone(), *site)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(_, site)| *site);
        out
    }

    /// State fields of graph `graph` that a node reads, with the read sites.
    pub fn reads_of(&self, graph: usize, node: &str) -> Vec<(String, Site)> {
        let Some(&n) = self.index.get(&(graph, node.to_string())) else {
            return vec![];
        };
        let mut out: Vec<(String, Site)> = self
            .g
            .edges_directed(n, Direction::Incoming)
            .filter_map(|e| match (e.weight(), self.g.node_weight(e.source())) {
                (PEdge::Reads(site), Some(PNode::State { field, .. })) => {
                    Some((field.clone(), *site))
                }
                _ => None,
            })
            .collect();
        out.sort_by_key(|(_, site)| *site);
        out
    }

    /// Whether a node routes to a computed target (any node of its graph).
    pub fn has_any_target(&self, graph: usize, node: &str) -> bool {
        self.any_target.contains_key(&(graph, node.to_string()))
    }
}

/// Keys a function returns in a dict or in `Command(update={...})`, or assigns on its state.
pub fn state_writes(ev: &Evaluation, modules: &[ModuleInfo], f: &FuncVal) -> Vec<(String, Site)> {
    let file = modules[f.module].file;
    let mut out = vec![];
    let mut exprs: Vec<&Expr> = vec![];
    visit_stmts(&f.def.body, &mut |s| {
        if let StmtKind::Assign { targets, .. } = &s.kind {
            for t in targets {
                if let Target::Subscript(_, k) = t {
                    if let ExprKind::Str(key) = &k.kind {
                        out.push((key.clone(), Site { file, span: k.span }));
                    }
                }
            }
        }
        exprs.extend(s.exprs());
    });
    while let Some(e) = exprs.pop() {
        match &e.kind {
            ExprKind::Dict(items) => {
                for it in items {
                    if let DictItem::Pair(k, _) = it {
                        if let ExprKind::Str(key) = &k.kind {
                            out.push((key.clone(), Site { file, span: k.span }));
                        }
                    }
                }
            }
            ExprKind::Call(c, args) => {
                let site = Site { file, span: e.span };
                let is_command = ev.callee_at.get(&site).is_some_and(|cs| {
                    cs.iter().any(
                        |c| matches!(c, Callee::Qualified(q) if glob_match("langgraph.**.Command", q)),
                    )
                }) || matches!(&c.kind, ExprKind::Name(n) if n == "Command");
                if is_command {
                    for a in args {
                        if let Arg::Kw(k, v) = a {
                            if k == "update" {
                                exprs.push(v);
                            }
                        }
                    }
                }
            }
            ExprKind::IfExp(_, a, b) => {
                exprs.push(a);
                exprs.push(b);
            }
            _ => {}
        }
    }
    out.sort_by_key(|(_, s)| *s);
    out.dedup();
    out
}

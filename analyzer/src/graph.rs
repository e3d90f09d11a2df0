//! The project graph: one petgraph of every LangGraph graph's nodes and routes, the agents and
//! subgraphs nodes run, the tools agents and tool nodes hold, the state fields nodes and tools
//! write and read, and the handoffs between agents (CrewAI task context, delegation, managers,
//! flow steps; OpenAI Agents handoffs, agents called as tools and their answers). Rules ask it
//! for route reachability, for who writes or reads a state field, and for the handoffs
//! cross-agent paths follow (AIR102).

use crate::extract::interp::{Callee, Evaluation, FuncVal, ModuleInfo};
use crate::facts::langgraph::{state_reads, EdgeKind, LangGraphFacts, NodeAction, END, START};
use crate::facts::{AgentRef, Checkpointer, Site};
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
    /// An agent of any framework.
    Agent(AgentRef),
    Tool(usize),
    /// A field of graph `graph`'s state.
    State {
        graph: usize,
        field: String,
    },
    /// A server of an MCP client configuration (`McpFacts::servers[i]`).
    McpServer(usize),
    /// The manager of hierarchical crew `CrewFacts::crews[i]`.
    CrewManager(usize),
    /// A method of a CrewAI flow.
    FlowStep {
        flow: usize,
        step: usize,
    },
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
    pub filter: Option<crate::facts::openai_agents::Filter>,
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
    endpoints: HashMap<crate::facts::crewai::Endpoint, NodeIndex>,
    oai_agents: HashMap<usize, NodeIndex>,
    /// Graphs whose routes include a computed target (any node).
    any_target: BTreeMap<(usize, String), ()>,
}

impl ProjectGraph {
    pub fn build(
        ev: &Evaluation,
        modules: &[ModuleInfo],
        table: &[crate::facts::Tool],
        lg: &LangGraphFacts,
    ) -> ProjectGraph {
        let mut pg = ProjectGraph::default();
        for (ai, _) in lg.agents.iter().enumerate() {
            let n = pg.g.add_node(PNode::Agent(AgentRef::LangGraph(ai)));
            pg.agents.insert(ai, n);
        }
        for (ti, _) in table.iter().enumerate() {
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
                            if let Some(f) = table[t].func() {
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
                            if let Some(f) = table[t].func() {
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
            for (name, action, _) in &g.node_runs {
                let idx = pg.node(gi, name);
                match action {
                    NodeAction::Agent(a) => {
                        pg.g.add_edge(idx, pg.agents[a], PEdge::Runs);
                    }
                    NodeAction::Graph(sub) => {
                        let entry = pg.node(*sub, START);
                        pg.g.add_edge(idx, entry, PEdge::Runs);
                    }
                    _ => {}
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
    pub fn add_crewai(&mut self, crew: &crate::facts::crewai::CrewFacts) {
        use crate::facts::crewai::Endpoint;
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
                Endpoint::Agent(i) => PNode::Agent(AgentRef::CrewAi(i)),
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
    pub fn add_openai(&mut self, oai: &crate::facts::openai_agents::OaiFacts) {
        for (ai, a) in oai.agents.iter().enumerate() {
            let n = self.g.add_node(PNode::Agent(AgentRef::OpenAi(ai)));
            self.oai_agents.insert(ai, n);
            for &t in &a.tools {
                if let Some(&tn) = self.tools.get(&t) {
                    self.g.add_edge(n, tn, PEdge::Holds);
                }
            }
        }
        for r in &oai.routes {
            let (a, b) = (self.oai_agents[&r.from], self.oai_agents[&r.to]);
            self.add_handoff(
                a,
                b,
                Handoff {
                    kind: r.kind.as_str(),
                    site: r.site,
                    label: r.label.clone(),
                    gate: r.gate,
                    filter: r.filter,
                },
            );
        }
    }

    /// The node of an agent of any framework.
    pub fn agent(&self, a: AgentRef) -> Option<NodeIndex> {
        match a {
            AgentRef::LangGraph(i) => self.agents.get(&i).copied(),
            AgentRef::CrewAi(i) => self
                .endpoints
                .get(&crate::facts::crewai::Endpoint::Agent(i))
                .copied(),
            AgentRef::OpenAi(i) => self.oai_agents.get(&i).copied(),
        }
    }

    /// The entry (`__start__`) of LangGraph graph `lg.graphs[i]`: where content handed to the
    /// graph arrives, and the node of the graph's own context (its tool nodes' unit).
    pub fn graph_entry(&self, i: usize) -> Option<NodeIndex> {
        self.index.get(&(i, START.to_string())).copied()
    }

    /// Adds a handoff between two endpoints (agents, graph entries, CrewAI agents, steps or
    /// managers; any framework's). The same kind and site between the same ends is added once.
    pub fn add_handoff(&mut self, from: NodeIndex, to: NodeIndex, h: Handoff) {
        if from == to {
            return;
        }
        let exists = self.g.edges_connecting(from, to).any(
            |e| matches!(e.weight(), PEdge::Handoff(x) if x.kind == h.kind && x.site == h.site),
        );
        if !exists {
            self.g.add_edge(from, to, PEdge::Handoff(h));
        }
    }

    /// The units holding tool `t`: agents (LangGraph, CrewAI or OpenAI) and the entries of graphs whose
    /// tool nodes hold it.
    pub fn tool_holders(&self, t: usize) -> Vec<NodeIndex> {
        let Some(&tn) = self.tools.get(&t) else {
            return vec![];
        };
        let mut out: Vec<NodeIndex> = self
            .g
            .edges_directed(tn, Direction::Incoming)
            .filter(|e| matches!(e.weight(), PEdge::Holds))
            .filter_map(|e| match self.g.node_weight(e.source()) {
                Some(PNode::Node { graph, .. }) => self.graph_entry(*graph),
                Some(PNode::Agent(_)) => Some(e.source()),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// LangGraph's routes between agents as handoffs: supervisor and swarm routes, agents
    /// called inside a tool's body (request in, answer back), and, inside hand-built graphs,
    /// the routes between nodes that run agents or subgraphs (directly or by invoking them in
    /// the node's function). A node named in `interrupt_before` (with a checkpointer) gates the
    /// routes into it and is not crossed.
    pub fn add_langgraph(&mut self, table: &[crate::facts::Tool], lg: &LangGraphFacts) {
        for r in &lg.routes {
            let (Some(a), Some(b)) = (
                self.agent(AgentRef::LangGraph(r.from)),
                self.agent(AgentRef::LangGraph(r.to)),
            ) else {
                continue;
            };
            self.add_handoff(
                a,
                b,
                Handoff {
                    kind: r.kind,
                    site: r.site,
                    label: r.label.clone(),
                    gate: None,
                    filter: None,
                },
            );
        }
        for ta in &lg.tool_agents {
            let Some(b) = self.agent(AgentRef::LangGraph(ta.agent)) else {
                continue;
            };
            let tool = &table[ta.tool].name;
            let agent = agent_name(lg, ta.agent);
            for h in self.tool_holders(ta.tool) {
                self.add_handoff(
                    h,
                    b,
                    Handoff {
                        kind: "agent-tool",
                        site: ta.site,
                        label: format!("tool `{tool}` passes the model's request to {agent}"),
                        gate: None,
                        filter: None,
                    },
                );
                self.add_handoff(
                    b,
                    h,
                    Handoff {
                        kind: "agent-tool",
                        site: ta.site,
                        label: format!("{agent}'s answer returns as the result of tool `{tool}`"),
                        gate: None,
                        filter: None,
                    },
                );
            }
        }
        // Graphs run by a node of another graph.
        let mut subgraphs = BTreeSet::new();
        for g in &lg.graphs {
            let runs = g.node_runs.iter().map(|(_, a, _)| a);
            for a in g.nodes.iter().map(|n| &n.action).chain(runs) {
                if let NodeAction::Graph(s) = a {
                    subgraphs.insert(*s);
                }
            }
        }
        for (gi, g) in lg.graphs.iter().enumerate() {
            // Node name → (endpoints content enters, endpoints content leaves).
            let mut holders: BTreeMap<String, (Vec<NodeIndex>, Vec<NodeIndex>)> = BTreeMap::new();
            let runs = g.node_runs.iter().map(|(n, a, _)| (n, a));
            for (name, action) in g.nodes.iter().map(|n| (&n.name, &n.action)).chain(runs) {
                let (ins, outs) = match action {
                    NodeAction::Agent(a) => match self.agent(AgentRef::LangGraph(*a)) {
                        Some(x) => (vec![x], vec![x]),
                        None => continue,
                    },
                    NodeAction::Graph(s) => {
                        let Some(entry) = self.graph_entry(*s) else {
                            continue;
                        };
                        // What leaves a subgraph: its agents' answers, else its own context.
                        let mut outs: Vec<NodeIndex> =
                            lg.graphs[*s]
                                .nodes
                                .iter()
                                .filter_map(|n| match n.action {
                                    NodeAction::Agent(a) => self.agent(AgentRef::LangGraph(a)),
                                    _ => None,
                                })
                                .chain(lg.graphs[*s].node_runs.iter().filter_map(
                                    |(_, a, _)| match a {
                                        NodeAction::Agent(a) => self.agent(AgentRef::LangGraph(*a)),
                                        _ => None,
                                    },
                                ))
                                .collect();
                        if outs.is_empty() {
                            outs.push(entry);
                        }
                        (vec![entry], outs)
                    }
                    _ => continue,
                };
                let e = holders.entry(name.clone()).or_default();
                e.0.extend(ins);
                e.1.extend(outs);
            }
            if holders.is_empty() {
                continue;
            }
            let gated: BTreeMap<&str, Site> = if g.checkpointer == Checkpointer::Absent {
                BTreeMap::new()
            } else {
                g.interrupt_before
                    .iter()
                    .flat_map(|e| {
                        if e.name == "*" {
                            g.nodes.iter().map(|n| (n.name.as_str(), e.site)).collect()
                        } else {
                            vec![(e.name.as_str(), e.site)]
                        }
                    })
                    // A node that asks a person first (`interrupt(...)` before it routes on).
                    .chain(g.pausing_nodes.iter().map(|e| (e.name.as_str(), e.site)))
                    .collect()
            };
            let mut avoid: BTreeSet<String> = holders.keys().cloned().collect();
            avoid.extend(gated.keys().map(|s| s.to_string()));
            let site_of = |name: &str| {
                g.nodes
                    .iter()
                    .find(|n| n.name == name)
                    .map(|n| n.site)
                    .unwrap_or(g.site)
            };
            let mut starts: Vec<(String, Vec<NodeIndex>, &'static str)> = holders
                .iter()
                .map(|(n, (_, outs))| (n.clone(), outs.clone(), "graph-route"))
                .collect();
            if subgraphs.contains(&gi) {
                if let Some(entry) = self.graph_entry(gi) {
                    starts.push((START.to_string(), vec![entry], "subgraph"));
                }
            }
            for (from, outs, kind) in starts {
                for to in self.reachable(gi, &from, &avoid) {
                    if to == from {
                        continue;
                    }
                    let Some((ins, _)) = holders.get(&to) else {
                        continue;
                    };
                    let label = if kind == "subgraph" {
                        format!("the subgraph's input reaches its node `{to}`")
                    } else {
                        format!("the graph routes node `{from}`'s output to node `{to}`")
                    };
                    let h = Handoff {
                        kind,
                        site: site_of(&to),
                        label,
                        gate: gated.get(to.as_str()).copied(),
                        filter: None,
                    };
                    for &o in &outs {
                        for &i in ins {
                            self.add_handoff(o, i, h.clone());
                        }
                    }
                }
            }
        }
    }

    /// The node of a CrewAI agent, manager or flow step.
    pub fn crew_node(&self, e: crate::facts::crewai::Endpoint) -> Option<NodeIndex> {
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

    /// Ungated handoffs into or out of `n`, with the node at the other end: what ties agents
    /// into groups that share context (AIR103), whichever way content flows.
    pub fn linked(&self, n: NodeIndex) -> Vec<(NodeIndex, &Handoff)> {
        let mut out: Vec<(NodeIndex, &Handoff)> = self
            .g
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (e.target(), e.weight()))
            .chain(
                self.g
                    .edges_directed(n, Direction::Incoming)
                    .map(|e| (e.source(), e.weight())),
            )
            .filter_map(|(m, w)| match w {
                PEdge::Handoff(h) if h.gate.is_none() => Some((m, h)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(t, h)| (t.index(), h.site, h.kind));
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

    /// For every node of graph `graph` that reaches one of `targets` over routes (itself
    /// included, as in [`Self::reachable`]), the index in `targets` of the first one it
    /// reaches. Computed once for the whole graph, in time linear in its size: one backward
    /// walk per target, in order, that stops at nodes an earlier target's walk already took
    /// (everything upstream of them reaches that earlier target too). Names in `targets` that
    /// are not nodes of the graph reach only themselves.
    pub fn first_reached(&self, graph: usize, targets: &[&str]) -> HashMap<String, usize> {
        let mut out: HashMap<String, usize> = HashMap::new();
        let mut done: std::collections::HashSet<NodeIndex> = std::collections::HashSet::new();
        for (i, t) in targets.iter().enumerate() {
            out.entry(t.to_string()).or_insert(i);
            let Some(&start) = self.index.get(&(graph, t.to_string())) else {
                continue;
            };
            if !matches!(self.g.node_weight(start), Some(PNode::Node { .. })) {
                continue;
            }
            let mut stack = vec![start];
            while let Some(n) = stack.pop() {
                if !done.insert(n) {
                    continue;
                }
                if let Some(PNode::Node { name, .. }) = self.g.node_weight(n) {
                    out.entry(name.clone()).or_insert(i);
                }
                for e in self.g.edges_directed(n, Direction::Incoming) {
                    if matches!(e.weight(), PEdge::Route(_))
                        && matches!(self.g.node_weight(e.source()), Some(PNode::Node { .. }))
                        && !done.contains(&e.source())
                    {
                        stack.push(e.source());
                    }
                }
            }
        }
        out
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

/// How a LangGraph agent is named in labels.
pub fn agent_name(lg: &LangGraphFacts, a: usize) -> String {
    match &lg.agents[a].name {
        Some(n) => format!("agent `{n}`"),
        None => format!(
            "the agent built by `{}`",
            lg.agents[a].factory.rsplit('.').next().unwrap_or_default()
        ),
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

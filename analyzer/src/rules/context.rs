//! What every rule reads: the extracted facts, plus the derived views they share — agent
//! contexts ("units"), node reachability inside graphs, and gate strength per tool.

use crate::diagnostics::fingerprint;
use crate::extract::body::{BodyAnalyzer, CapHit};
use crate::extract::interp::{Evaluation, ModuleInfo};
use crate::facts::langgraph::{Graph, LangGraphFacts, NodeAction, START};
use crate::facts::{Agent, AgentId, AgentRef, Checkpointer, Site, Tool, ToolId};
use crate::knowledge::Knowledge;
use crate::model::{Confidence, Finding, Location, Severity, SourceDb, Step, StepKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub struct Ctx<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    pub body: &'a BodyAnalyzer<'a>,
    /// The shared tool table: `ToolId(i)` and every unit's tool `i` are `tools[i]`.
    pub tools: &'a [Tool],
    /// LangGraph's graphs, prebuilt agents and routes (AIR101's graph units, AIR104, AIR105).
    pub lg: &'a LangGraphFacts,
    pub pg: &'a crate::graph::ProjectGraph,
    pub db: &'a SourceDb,
    /// MCP client configurations: servers, approval knobs, secrets.
    pub mcp: &'a crate::mcp::McpFacts,
    /// MCP servers defined in the project's code: their tools, texts and annotations.
    pub servers: &'a crate::facts::mcp_server::McpServerFacts,
    /// CrewAI agents, tasks, crews, flows, hooks and routes.
    pub crew: &'a crate::facts::crewai::CrewFacts,
    /// OpenAI Agents SDK agents, their gates and routes.
    pub oai: &'a crate::facts::openai_agents::OaiFacts,
    /// Every framework's agents as neutral facts: what the one unit builder reads.
    pub agents: &'a [Agent],
    /// Entry points that are not tools (HTTP handlers, framework hooks): AIR106 follows their
    /// arguments.
    pub entries: &'a [crate::facts::EntryPoint],
}

pub use crate::facts::Strength;

/// An untrusted source entering a unit.
#[derive(Debug, Clone)]
pub struct SourceIn {
    /// The tool whose result this is, when it is a tool's result.
    pub tool: Option<usize>,
    pub kind: String,
    pub site: Site,
    pub label: String,
}

/// Where a unit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitOrigin {
    /// An agent of any framework (`Ctx::agents`), by its extension's reference.
    Agent(AgentRef),
    /// `lg.graphs[i]`.
    Graph(usize),
}

/// One agent context: a prebuilt agent, or a hand-built graph's shared state.
#[derive(Debug, Clone)]
pub struct Unit {
    pub origin: UnitOrigin,
    /// The framework, as the inventory names it (`Agent::framework`).
    pub framework: &'static str,
    /// The neutral agent it is the context of (none for a graph).
    pub agent: Option<AgentId>,
    /// The name the inventory lists.
    pub name: String,
    /// How findings tell a person to gate its tools (its framework's words).
    pub hints: crate::facts::Hints,
    pub label: String,
    pub site: Site,
    pub tools: Vec<usize>,
    /// Per tool: gate strength and the gate's site.
    pub gates: HashMap<usize, (Strength, Option<Site>)>,
    /// Per tool: untrusted sources that reach it. The tools of one agent share one list (the
    /// agent's conversation reaches them all), so it is stored once, not once per tool: a
    /// copy per tool made memory grow with tools x sources.
    pub sources: HashMap<usize, std::sync::Arc<Vec<SourceIn>>>,
    pub checkpointer: Checkpointer,
    /// Part of the tool list could not be resolved, and no blanket gate covers it: with
    /// `unknown_sources` non-empty this is "possibly privileged" (frameworks.md §0.3).
    pub unknown_tools: bool,
    pub unknown_sources: Vec<SourceIn>,
    /// The unit's node in the project graph, when handoffs can lead out of it or into it
    /// (cross-agent paths, AIR102).
    pub node: Option<petgraph::stable_graph::NodeIndex>,
}

impl Unit {
    /// The untrusted sources that reach tool `t` (empty for a tool nothing reaches).
    pub fn sources_of(&self, t: usize) -> &[SourceIn] {
        self.sources.get(&t).map_or(&[], |v| v.as_slice())
    }

    /// Every source that reaches some tool of the unit: each shared list once, so an agent's
    /// sources are walked once however many tools share them (order: unspecified; sort).
    pub fn shared_sources(&self) -> impl Iterator<Item = &SourceIn> {
        let mut seen = std::collections::HashSet::new();
        self.sources
            .values()
            .filter(move |v| seen.insert(std::sync::Arc::as_ptr(v)))
            .flat_map(|v| v.iter())
    }

    /// Untrusted sources anywhere in the unit's context, ordered by site.
    pub fn all_sources(&self) -> Vec<&SourceIn> {
        let mut v: Vec<&SourceIn> = self.shared_sources().chain(&self.unknown_sources).collect();
        v.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
        v.dedup_by(|a, b| a.site == b.site && a.kind == b.kind);
        v
    }
}

impl<'a> Ctx<'a> {
    pub fn loc(&self, s: Site) -> Location {
        self.db.location(s.file, s.span)
    }

    pub fn step(&self, kind: StepKind, site: Site, label: impl Into<String>) -> Step {
        Step {
            kind,
            label: label.into(),
            location: self.loc(site),
        }
    }

    pub fn text(&self, s: Site) -> &str {
        let f = self.db.get(s.file);
        f.text.get(s.span.range()).unwrap_or("")
    }

    /// Builds the finding of one violation, with a line-independent fingerprint.
    pub fn report<V: super::Violation>(
        &self,
        violation: &V,
        severity: Severity,
        confidence: Confidence,
        site: Site,
        path: Vec<Step>,
        key: &[&str],
    ) -> Finding {
        let location = self.loc(site);
        let code = crate::diagnostics::normalize_code(self.text(site));
        let mut parts: Vec<&str> = vec![code.as_str()];
        parts.extend_from_slice(key);
        let rule = V::RULE;
        let fp = fingerprint(rule.code, &location.path, &parts);
        Finding {
            code: rule.code,
            name: rule.name,
            severity,
            confidence,
            message: violation.message(),
            help: violation.help(),
            location,
            path,
            also: vec![],
            also_more: 0,
            fingerprint: fp,
            fixes: vec![],
        }
    }

    pub fn is_untrusted(&self, kind: &str) -> bool {
        self.k.source_kind(kind).is_some_and(|k| k.untrusted)
    }

    pub fn privileged_sinks<'t>(&self, t: &'t Tool) -> Vec<&'t CapHit> {
        t.sinks
            .iter()
            .filter(|s| self.k.sink_kind(&s.kind).is_some_and(|k| k.privileged))
            .collect()
    }

    /// How a tool is named in messages: ``tool `x` `` or ``the tools of MCP server `x` ``.
    pub fn tool_label(&self, t: &Tool) -> String {
        match &t.mcp {
            Some(m) => format!("the tools of MCP server `{}`", m.server),
            None => format!("tool `{}`", t.name),
        }
    }

    /// Whether an MCP server's own content steers its own tools: its capability says it returns
    /// untrusted content of a specific kind (issues, web pages, mail), beyond generic results,
    /// files and rows.
    pub fn feeds_itself(&self, t: &Tool, kind: &str) -> bool {
        t.mcp.is_some()
            && !matches!(
                kind,
                "mcp_tool_result"
                    | "mcp_tool_metadata"
                    | "mcp_resource"
                    | "mcp_prompt"
                    | "file_content"
                    | "db_read"
            )
    }

    pub fn untrusted_sources<'t>(&self, t: &'t Tool) -> Vec<&'t CapHit> {
        t.sources
            .iter()
            .filter(|s| self.is_untrusted(&s.kind))
            .collect()
    }

    /// The highest severity among sink kinds.
    pub fn severity_of<'s>(&self, kinds: impl IntoIterator<Item = &'s str>) -> Severity {
        kinds
            .into_iter()
            .map(|k| self.k.sink_severity(k))
            .max()
            .unwrap_or(Severity::Medium)
    }

    /// The gate on tool `t` in one agent, the one rule every unit builder applies: what the
    /// framework configures for it (`configured`: middleware, breakpoints, hooks, approvals),
    /// unless the tool's own body pauses first (a pause dominating every privileged sink is
    /// strong; one on some paths only is conditional, when nothing stronger is configured);
    /// nothing at all when the run cannot resume (`Checkpointer::Absent`).
    pub fn tool_gate(
        &self,
        t: usize,
        configured: (Strength, Option<Site>),
        checkpointer: Checkpointer,
    ) -> (Strength, Option<Site>) {
        let tool = &self.tools[t];
        let mut g = configured;
        if let Some(s) = tool.body_gate {
            g = (Strength::Strong, Some(s));
        } else if let (Some(s), Strength::None) = (tool.conditional_gate, g.0) {
            g = (Strength::Conditional, Some(s));
        }
        if checkpointer == Checkpointer::Absent {
            g = (Strength::None, None);
        }
        g
    }

    /// The severity of an ungated path from untrusted content to a privileged tool: the worst of
    /// its sink kinds, one level lower when the gate is conditional and one more when the tool
    /// runs in a proven sandbox (E2B, Daytona, Docker). The one place this is decided: AIR101's
    /// findings and the inventory's risk both call it.
    pub fn path_severity<'s>(
        &self,
        sink_kinds: impl IntoIterator<Item = &'s str>,
        strength: Strength,
        sandboxed: bool,
    ) -> Severity {
        let mut severity = self.severity_of(sink_kinds);
        if strength == Strength::Conditional {
            severity = severity.downgrade();
        }
        if sandboxed {
            severity = severity.downgrade();
        }
        severity
    }

    /// The risk one privileged capability gives the agent holding it: autonomy (`strength`,
    /// the gate on it) × tool access (its sink kinds, `sandboxed`) × exposure (`exposed`:
    /// untrusted content reaches it). `None` when a human approves every call. An exposed,
    /// ungated capability is exactly the path AIR101 reports, at `path_severity`; one no
    /// untrusted content reaches is a low risk. The inventory's risk is the worst of these
    /// over an agent's capabilities.
    pub fn capability_risk<'s>(
        &self,
        sink_kinds: impl IntoIterator<Item = &'s str>,
        strength: Strength,
        sandboxed: bool,
        exposed: bool,
    ) -> Option<Severity> {
        match (strength, exposed) {
            (Strength::Strong, _) => None,
            (_, true) => Some(self.path_severity(sink_kinds, strength, sandboxed)),
            (Strength::Conditional, false) => Some(Severity::Low.downgrade()),
            (Strength::None, false) => Some(Severity::Low),
        }
    }

    /// Untrusted sources of a node function (reads of web pages, PDFs, mail ...).
    fn node_sources(&self, g: &Graph, node: &str) -> Vec<SourceIn> {
        let mut out = vec![];
        for n in g.nodes.iter().filter(|n| n.name == node) {
            match &n.action {
                NodeAction::Func(f) => {
                    for s in self.body.caps(f).sources.iter() {
                        if self.is_untrusted(&s.kind) {
                            out.push(SourceIn {
                                tool: None,
                                kind: s.kind.clone(),
                                site: s.site,
                                label: format!(
                                    "node `{}` reads untrusted {} content (`{}`)",
                                    n.name, s.kind, s.callee
                                ),
                            });
                        }
                    }
                }
                NodeAction::ToolNode { tools, .. } => {
                    for &t in tools {
                        out.extend(self.tool_sources(t));
                    }
                }
                NodeAction::Agent(a) => {
                    for &t in &self.lg.agents[*a].tools {
                        out.extend(self.tool_sources(t));
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub fn tool_sources(&self, t: usize) -> Vec<SourceIn> {
        let tool = &self.tools[t];
        self.untrusted_sources(tool)
            .into_iter()
            .map(|s| SourceIn {
                tool: Some(t),
                kind: s.kind.clone(),
                site: tool.site,
                label: match &tool.mcp {
                    Some(m) => format!(
                        "the tools of MCP server `{}` return untrusted content ({})",
                        m.server, s.kind
                    ),
                    None => format!(
                        "tool `{}` returns untrusted content ({})",
                        tool.name, s.kind
                    ),
                },
            })
            .collect()
    }

    /// Node names reachable from `from` following edges; computed targets reach every node.
    pub fn reachable(&self, g: &Graph, from: &str, avoid: &BTreeSet<String>) -> BTreeSet<String> {
        match self.lg.graphs.iter().position(|x| std::ptr::eq(x, g)) {
            Some(gi) => self.pg.reachable(gi, from, avoid),
            None => BTreeSet::from([from.to_string()]),
        }
    }

    /// Whether the graph's entry is known (it has an edge out of START).
    pub fn has_entry(&self, g: &Graph) -> bool {
        g.edges.iter().any(|e| e.from == START)
    }

    /// Nodes that pause for a human before running: `interrupt_before` entries and nodes whose
    /// function always calls `interrupt()` first. Effective only with a checkpointer.
    pub fn gated_nodes(&self, g: &Graph) -> BTreeMap<String, Site> {
        let mut out = BTreeMap::new();
        for e in &g.interrupt_before {
            if e.name == "*" {
                for n in &g.nodes {
                    out.entry(n.name.clone()).or_insert(e.site);
                }
            } else if g.nodes.iter().any(|n| n.name == e.name) {
                out.entry(e.name.clone()).or_insert(e.site);
            }
        }
        for n in &g.nodes {
            if let NodeAction::Func(f) = &n.action {
                if let Some(s) = self.body.facts(f).always_interrupts {
                    out.entry(n.name.clone()).or_insert(s);
                }
            }
        }
        out
    }

    /// The agent contexts every rule reads, with their tools, gates and sources: one per neutral agent (`Ctx::agents`, whatever its
    /// framework), then one per hand-built LangGraph graph with tool nodes.
    pub fn units(&self) -> Vec<Unit> {
        // Sources that reach an agent used as a node of a graph, from that graph.
        let mut inherited: HashMap<AgentRef, Vec<SourceIn>> = HashMap::new();
        for g in &self.lg.graphs {
            let sources = self.graph_sources(g);
            // Nodes that run an agent: what another agent read reaches this one over a
            // handoff (AIR102), not as its own context.
            let agent_nodes: BTreeSet<&str> = g
                .nodes
                .iter()
                .filter(|n| matches!(n.action, NodeAction::Agent(_)))
                .map(|n| n.name.as_str())
                .chain(g.node_runs.iter().map(|(n, _, _)| n.as_str()))
                .collect();
            let runs = g.node_runs.iter().map(|(n, a, _)| (n, a));
            for (name, action) in g.nodes.iter().map(|n| (&n.name, &n.action)).chain(runs) {
                if let NodeAction::Agent(a) = *action {
                    for (from, s) in &sources {
                        if s.tool.is_some() && agent_nodes.contains(from.as_str()) {
                            continue;
                        }
                        let reach = self.reachable(g, from, &BTreeSet::new());
                        if reach.contains(name) && from != name {
                            inherited
                                .entry(AgentRef::LangGraph(a))
                                .or_default()
                                .push(s.clone());
                        }
                    }
                }
            }
        }
        // Content that enters CrewAI agents from kickoffs and flows.
        for (a, v) in self.crew_entry_sources() {
            inherited.entry(AgentRef::CrewAi(a)).or_default().extend(v);
        }
        let mut units: Vec<Unit> = self
            .agents
            .iter()
            .enumerate()
            .map(|(i, a)| self.agent_unit(AgentId(i), a, inherited.get(&a.origin)))
            .collect();
        for (gi, g) in self.lg.graphs.iter().enumerate() {
            let mut u = Unit {
                origin: UnitOrigin::Graph(gi),
                framework: "langgraph",
                agent: None,
                name: "graph".into(),
                hints: crate::facts::LANGGRAPH_HINTS,
                label: "graph".into(),
                site: g.compile_site.unwrap_or(g.site),
                tools: vec![],
                gates: HashMap::new(),
                sources: HashMap::new(),
                checkpointer: g.checkpointer,
                unknown_tools: false,
                unknown_sources: vec![],
                node: self.pg.graph_entry(gi),
            };
            let sources = self.graph_sources(g);
            let gated = self.gated_nodes(g);
            let gated_names: BTreeSet<String> = gated.keys().cloned().collect();
            let entry = if self.has_entry(g) {
                Some(self.reachable(g, START, &gated_names))
            } else {
                None
            };
            // Nodes that execute tools: `ToolNode`s, or, in a graph without one, the nodes that
            // invoke a model with `bind_tools(...)` and run its tool calls themselves.
            let has_tool_node = g
                .nodes
                .iter()
                .any(|n| matches!(n.action, NodeAction::ToolNode { .. }));
            // The flag marks a hand-written loop: a pause before that node reviews the start of
            // the run, not each tool call the model makes inside it.
            let mut executing: Vec<(String, Vec<usize>, bool)> = g
                .nodes
                .iter()
                .filter_map(|n| match &n.action {
                    NodeAction::ToolNode { tools, .. } => {
                        Some((n.name.clone(), tools.clone(), false))
                    }
                    _ => None,
                })
                .collect();
            let mut sources = sources;
            if !has_tool_node {
                for (name, tools) in &g.model_tools {
                    for &t in tools {
                        sources.extend(self.tool_sources(t).into_iter().map(|s| (name.clone(), s)));
                    }
                    executing.push((name.clone(), tools.clone(), true));
                }
            }
            for (name, tools, in_loop) in &executing {
                for &t in tools {
                    u.tools.push(t);
                    let mut gate = (Strength::None, None);
                    if *in_loop {
                        // Only a pause inside the tool itself covers each call.
                    } else if let Some(s) = gated.get(name) {
                        gate = (Strength::Strong, Some(*s));
                    } else if let Some(reach) = &entry {
                        if !reach.contains(name) && !gated.is_empty() {
                            // Every path from the entry passes a pausing node.
                            gate = (Strength::Strong, gated.values().next().copied());
                        }
                    }
                    let gate = self.tool_gate(t, gate, g.checkpointer);
                    u.gates.insert(t, gate);
                    let mut srcs = vec![];
                    for (from, s) in &sources {
                        if from == name || self.reachable(g, from, &BTreeSet::new()).contains(name)
                        {
                            srcs.push(s.clone());
                        }
                    }
                    std::sync::Arc::make_mut(u.sources.entry(t).or_default()).extend(srcs);
                }
            }
            u.tools.sort_unstable();
            u.tools.dedup();
            if !u.tools.is_empty() {
                units.push(u);
            }
        }
        units
    }

    /// The unit of one agent of any framework: its tools, the untrusted content that enters
    /// its own context (its tools' results, user input that starts it, and `from_outside`:
    /// what reaches it from outside any agent over a graph or a flow), and on each tool the
    /// gate its framework configures, unless the tool's own body decides (`tool_gate`).
    /// Content another agent read is not its own: AIR102 follows the handoffs for that.
    fn agent_unit(&self, id: AgentId, a: &Agent, from_outside: Option<&Vec<SourceIn>>) -> Unit {
        let tools: Vec<usize> = a.tools.iter().map(|t| t.0).collect();
        let mut all_sources: Vec<SourceIn> = vec![];
        for &t in &tools {
            all_sources.extend(self.tool_sources(t));
        }
        for e in &a.entries {
            all_sources.push(SourceIn {
                tool: None,
                kind: "user_input".into(),
                site: e.site,
                label: e.label.clone(),
            });
        }
        all_sources.extend(from_outside.into_iter().flatten().cloned());
        let mut u = Unit {
            origin: UnitOrigin::Agent(a.origin),
            framework: a.framework,
            agent: Some(id),
            name: a.name.clone(),
            hints: a.hints,
            label: a.label.clone(),
            site: a.site,
            tools: tools.clone(),
            gates: HashMap::new(),
            sources: HashMap::new(),
            checkpointer: a.checkpointer,
            unknown_tools: false,
            unknown_sources: vec![],
            node: self.pg.agent(a.origin),
        };
        // Unresolved tools are possibly privileged unless a gate covers every call.
        if a.unknown_tools && !a.blanket_gate {
            u.unknown_tools = true;
            u.unknown_sources = all_sources.clone();
        }
        let all_sources = std::sync::Arc::new(all_sources);
        for &t in &tools {
            let configured = a
                .gates
                .get(&ToolId(t))
                .map_or((Strength::None, None), |g| (g.strength, Some(g.site)));
            u.gates
                .insert(t, self.tool_gate(t, configured, a.checkpointer));
            u.sources.insert(t, std::sync::Arc::clone(&all_sources));
        }
        u
    }

    /// The first `@before_tool_call` hook that can block tool `t` for CrewAI agent `a`.
    pub fn blocking_hook(&self, a: usize, t: usize) -> Option<Site> {
        self.crew.blocking_hook(a, &self.tools[t].name)
    }

    /// Untrusted content that enters CrewAI agents from outside any agent: kickoff inputs from
    /// request handlers or the console, flow inputs and trigger payloads, and what flow steps
    /// read themselves. It follows the handoffs through flow steps and managers and stops at
    /// the first agent it reaches (from there on, it is that agent's content).
    fn crew_entry_sources(&self) -> HashMap<usize, Vec<SourceIn>> {
        use crate::facts::crewai::{kickoff_targets, Endpoint};
        use crate::graph::PNode;
        let crew = self.crew;
        let mut seeds: Vec<(Endpoint, SourceIn)> = vec![];
        for (ci, c) in crew.crews.iter().enumerate() {
            for k in c.kickoffs.iter().filter(|k| k.user) {
                for (to, why) in kickoff_targets(crew, ci, k) {
                    seeds.push((
                        to,
                        SourceIn {
                            tool: None,
                            kind: "user_input".into(),
                            site: k.site,
                            label: format!(
                                "user input kicks off crew `{}` and fills {why}",
                                c.name
                            ),
                        },
                    ));
                }
            }
        }
        for (fi, f) in crew.flows.iter().enumerate() {
            for (si, step) in f.steps.iter().enumerate() {
                let at = Endpoint::Step { flow: fi, step: si };
                if step.start {
                    for &e in &f.user_entries {
                        seeds.push((
                            at,
                            SourceIn {
                                tool: None,
                                kind: "user_input".into(),
                                site: e,
                                label: format!(
                                    "user input starts flow `{}` (step `{}`)",
                                    f.name, step.name
                                ),
                            },
                        ));
                    }
                }
                if let Some(p) = step.trigger_payload {
                    seeds.push((
                        at,
                        SourceIn {
                            tool: None,
                            kind: "webhook_trigger".into(),
                            site: p,
                            label: format!(
                                "flow step `{}` receives an external trigger payload",
                                step.name
                            ),
                        },
                    ));
                }
                for s in self.body.caps(&step.func).sources.iter() {
                    if self.is_untrusted(&s.kind) {
                        seeds.push((
                            at,
                            SourceIn {
                                tool: None,
                                kind: s.kind.clone(),
                                site: s.site,
                                label: format!(
                                    "flow step `{}` reads untrusted {} content (`{}`)",
                                    step.name, s.kind, s.callee
                                ),
                            },
                        ));
                    }
                }
            }
        }
        let mut out: HashMap<usize, Vec<SourceIn>> = HashMap::new();
        for (start, src) in seeds {
            let Some(n0) = self.pg.crew_node(start) else {
                if let Endpoint::Agent(a) = start {
                    out.entry(a).or_default().push(src);
                }
                continue;
            };
            let mut seen = BTreeSet::new();
            let mut queue = std::collections::VecDeque::from([(n0, None::<String>)]);
            while let Some((n, via)) = queue.pop_front() {
                if !seen.insert(n) {
                    continue;
                }
                if let Some(PNode::Agent(AgentRef::CrewAi(a))) = self.pg.g.node_weight(n) {
                    let mut s = src.clone();
                    if let Some(v) = via {
                        s.label = format!("{}; {v}", s.label);
                    }
                    out.entry(*a).or_default().push(s);
                    continue;
                }
                for (m, h) in self.pg.handoffs(n) {
                    if h.gate.is_none() {
                        queue.push_back((m, Some(h.label.clone())));
                    }
                }
            }
        }
        for v in out.values_mut() {
            v.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
            v.dedup_by(|a, b| a.site == b.site && a.kind == b.kind);
        }
        out
    }

    /// Untrusted sources entering a graph, keyed by the node where they enter.
    pub fn graph_sources(&self, g: &Graph) -> Vec<(String, SourceIn)> {
        let mut out = vec![];
        for s in &g.user_entries {
            out.push((
                START.to_string(),
                SourceIn {
                    tool: None,
                    kind: "user_input".into(),
                    site: *s,
                    label: "user input enters the graph here".into(),
                },
            ));
        }
        let names: BTreeSet<&str> = g.nodes.iter().map(|n| n.name.as_str()).collect();
        for n in names {
            for s in self.node_sources(g, n) {
                out.push((n.to_string(), s));
            }
        }
        out
    }

    /// Nodes of a graph that hold a privileged capability, with a description.
    pub fn privileged_nodes(&self, g: &Graph) -> BTreeMap<String, (Site, String)> {
        let mut out = BTreeMap::new();
        for n in &g.nodes {
            let hit = match &n.action {
                NodeAction::Func(f) => self
                    .body
                    .caps(f)
                    .sinks
                    .iter()
                    .find(|s| self.k.sink_kind(&s.kind).is_some_and(|k| k.privileged))
                    .map(|s| (s.site, format!("`{}` ({})", s.callee, s.kind))),
                NodeAction::ToolNode { tools, .. } => tools.iter().find_map(|&t| {
                    let tool = &self.tools[t];
                    self.privileged_sinks(tool)
                        .first()
                        .map(|s| (tool.site, format!("tool `{}` ({})", tool.name, s.kind)))
                }),
                NodeAction::Agent(a) => self.lg.agents[*a].tools.iter().find_map(|&t| {
                    let tool = &self.tools[t];
                    self.privileged_sinks(tool)
                        .first()
                        .map(|s| (tool.site, format!("tool `{}` ({})", tool.name, s.kind)))
                }),
                _ => None,
            };
            if let Some(h) = hit {
                out.entry(n.name.clone()).or_insert(h);
            }
        }
        out
    }
}

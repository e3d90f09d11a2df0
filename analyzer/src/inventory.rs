//! The inventory: every agent, tool, MCP server, graph node, route and gate the analysis found,
//! with what each can do (sink kinds), what reaches it (source kinds), how it is gated and how
//! risky it is. It is what the language server's hover shows and what `airlock inventory`,
//! `airlock graph` and `airlock diff` print. It is derived from the same agent contexts
//! (`rules::context::Unit`) the rules use, so a report never disagrees with a finding.
//!
//! The JSON form (`INVENTORY_VERSION`) is documented by `rules/inventory.schema.json`, generated
//! from these types.

use crate::facts::langgraph::{EdgeKind, NodeAction};
use crate::facts::{AgentRef, Checkpointer, Site, ToolId};
use crate::model::{Location, Severity, StepKind};
use crate::rules::context::{Ctx, Strength, Unit, UnitOrigin};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The `version` of the inventory JSON; bumped on incompatible changes.
pub const INVENTORY_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, JsonSchema)]
pub struct Inventory {
    pub agents: Vec<AgentInfo>,
    pub tools: Vec<ToolInfo>,
    pub mcp_servers: Vec<McpServerInfo>,
    /// MCP servers defined in the project's code (`FastMCP`, `MCPServer`, the low-level
    /// `Server`, TypeScript `McpServer`), with the tools they serve.
    pub mcp_server_code: Vec<McpServerCodeInfo>,
    pub nodes: Vec<NodeInfo>,
    pub routes: Vec<RouteInfo>,
    pub gates: Vec<GateInfo>,
}

/// Where something is: the file (relative to the analysed root) and the 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Place {
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl From<&Location> for Place {
    fn from(l: &Location) -> Place {
        Place {
            path: l.path.clone(),
            line: l.line,
            column: l.column,
        }
    }
}

/// An LLM-driven decision point: a prebuilt agent (`create_agent` ...), a graph node whose
/// function calls a chat model (directly or through helpers), a CrewAI agent, an SDK agent, or a
/// hand-built graph as a whole (the workflow holding its nodes).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AgentInfo {
    /// Unique within the inventory: `agent:<path>:<line>`.
    pub id: String,
    /// `agent `billing``, `agent built by `create_agent``, `graph`.
    pub label: String,
    /// The agent's own name, for programs: `billing` (the `name=` given to the agent, its
    /// CrewAI key or role), else the factory that built it (`create_agent`), or `graph`. Not
    /// unique: `id` is.
    pub name: String,
    /// `langchain`, `langgraph`, `deepagents`, `crewai`.
    pub framework: String,
    /// `prebuilt-agent` (`create_agent`, `create_react_agent`, `create_deep_agent`),
    /// `graph-node` (a node function that calls a model: the decision it makes is the model's),
    /// `graph` (a hand-built graph as a whole), `crew-agent` or `sdk-agent` (OpenAI Agents).
    pub kind: String,
    pub place: Place,
    /// Ids of the tools it holds.
    pub tools: Vec<String>,
    /// Privileged sink kinds its tools reach (`payment`, `email_send` ...).
    pub capabilities: Vec<String>,
    /// Untrusted source kinds that enter its context (`web_search`, `user_input` ...).
    pub exposure: Vec<String>,
    /// `gated` (every privileged tool needs a human), `partially-gated`, `ungated`, or
    /// `no-privileged-tools`.
    pub autonomy: String,
    /// One function of autonomy × tool access × exposure (`Ctx::capability_risk`, which gives
    /// AIR101 its severity): the worst over its privileged capabilities, and never below the
    /// severity of a finding whose path runs through its own code (a graph node's function,
    /// a graph's nodes and routers), or `none`.
    pub risk: String,
    #[serde(skip)]
    #[schemars(skip)]
    pub location: Location,
    #[serde(skip)]
    #[schemars(skip)]
    pub sources: Vec<SourceInfo>,
    /// The code that is this agent's own (a node function; a graph's node functions and
    /// routers): a finding whose path enters it concerns this agent. Empty for agents whose
    /// risk is their tools' alone.
    #[serde(skip)]
    #[schemars(skip)]
    pub own_code: Vec<Site>,
    /// For a `graph-node` agent: the id of its node in `nodes` (the graph draws one box).
    #[serde(skip)]
    #[schemars(skip)]
    pub node: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ToolInfo {
    /// `tool:<path>:<line>:<name>`.
    pub id: String,
    pub name: String,
    pub place: Place,
    /// Sink kinds the tool's body or class reaches.
    pub sinks: Vec<String>,
    /// Source kinds it returns.
    pub sources: Vec<String>,
    pub privileged: bool,
    /// One entry per agent context holding the tool.
    pub contexts: Vec<ToolContext>,
    #[serde(skip)]
    #[schemars(skip)]
    pub location: Location,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ToolContext {
    /// The id of the agent holding the tool.
    pub agent: String,
    #[serde(skip)]
    #[schemars(skip)]
    pub holder: String,
    /// `strong`, `conditional` or `none`.
    pub gate: String,
    pub gate_place: Option<Place>,
    /// Untrusted source kinds that can reach the tool in this context.
    pub reached_by: Vec<String>,
    #[serde(skip)]
    #[schemars(skip)]
    pub gate_location: Option<Location>,
    /// The sources of the agent's context, shared by all its tools (see [`ToolContext::reaching`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub context_sources: std::sync::Arc<Vec<SourceInfo>>,
    /// The tool (index in the rules' tool table) this context is of.
    #[serde(skip)]
    #[schemars(skip)]
    pub tool: usize,
}

impl ToolContext {
    /// The untrusted sources that reach the tool in this context: the context's sources but
    /// the tool's own result, by place.
    pub fn reaching(&self) -> Vec<&SourceInfo> {
        self.context_sources
            .iter()
            .filter(|s| s.tool != Some(self.tool))
            .collect()
    }
}

/// Per shared source list (`Unit::sources`): how many sources of each kind it holds in all,
/// and per tool how many come from that tool's own result.
#[derive(Default)]
struct KindCounts<'u> {
    all: BTreeMap<&'u str, usize>,
    own: HashMap<usize, BTreeMap<&'u str, usize>>,
}

/// The kinds of untrusted source that reach tool `t` from anywhere but its own result, in
/// order. Counted once per shared list, so an agent of N tools costs N, not N x sources.
fn kinds_reaching<'u>(
    u: &'u Unit,
    t: usize,
    cache: &mut HashMap<*const Vec<crate::rules::context::SourceIn>, KindCounts<'u>>,
) -> Vec<String> {
    let Some(list) = u.sources.get(&t) else {
        return vec![];
    };
    let c = cache
        .entry(std::sync::Arc::as_ptr(list))
        .or_insert_with(|| {
            let mut c = KindCounts::default();
            // One source per place and kind, as a tool's `reaching` list had.
            let mut seen = HashSet::new();
            for s in list.iter() {
                if !seen.insert((s.site, s.kind.as_str(), s.tool)) {
                    continue;
                }
                *c.all.entry(s.kind.as_str()).or_default() += 1;
                if let Some(own) = s.tool {
                    *c.own
                        .entry(own)
                        .or_default()
                        .entry(s.kind.as_str())
                        .or_default() += 1;
                }
            }
            c
        });
    let own = c.own.get(&t);
    c.all
        .iter()
        .filter(|(k, n)| **n > own.and_then(|o| o.get(*k)).copied().unwrap_or(0))
        .map(|(k, _)| k.to_string())
        .collect()
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceInfo {
    pub kind: String,
    pub label: String,
    pub place: Place,
    #[serde(skip)]
    #[schemars(skip)]
    pub location: Location,
    /// The tool whose result this is, if it is one.
    #[serde(skip)]
    #[schemars(skip)]
    pub tool: Option<usize>,
}

/// A server from an MCP client configuration.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct McpServerInfo {
    /// `mcp:<config path>:<name>`.
    pub id: String,
    pub name: String,
    /// The client whose configuration declares it (`Claude Desktop`, `Cursor` ...).
    pub client: String,
    pub place: Place,
    /// `stdio`, `http`, `sse`, `websocket` or `unknown`.
    pub transport: String,
    pub launcher: Option<String>,
    pub package: Option<String>,
    pub version: Option<String>,
    /// Launched from an exactly pinned version (or not from a registry at all).
    pub pinned: bool,
    /// The remote URL without credentials or query.
    pub url: Option<String>,
    /// Sink kinds its tools reach, inferred from its package or name.
    pub capabilities: Vec<String>,
    pub sources: Vec<String>,
    /// Approval settings that let its tools run without asking (`alwaysAllow`, `trust` ...).
    pub auto_approved: Vec<String>,
    pub disabled: bool,
}

/// An MCP server defined in the project's code.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct McpServerCodeInfo {
    /// `mcp-code:<path>:<line>`.
    pub id: String,
    /// The name given to the constructor (`FastMCP("files")`), or `null` when it is not a
    /// literal.
    pub name: Option<String>,
    /// Which SDK: `mcp FastMCP`, `mcp MCPServer`, `fastmcp`, `mcp Server`, `ts McpServer` ...
    pub sdk: String,
    pub place: Place,
    /// Privileged sink kinds any of its tools reaches.
    pub capabilities: Vec<String>,
    pub tools: Vec<McpServerToolInfo>,
    /// Resource URIs (or templates) it serves.
    pub resources: Vec<String>,
    /// Prompt names it serves.
    pub prompts: Vec<String>,
}

/// One tool an MCP server in the project serves.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct McpServerToolInfo {
    /// `mcp-tool:<path>:<line>:<name>`.
    pub id: String,
    pub name: String,
    pub place: Place,
    /// Sink kinds its body reaches.
    pub sinks: Vec<String>,
    /// Source kinds it returns.
    pub sources: Vec<String>,
    /// Whether one of its sinks is privileged.
    pub privileged: bool,
    /// Whether airlock could read its body (a function, a dispatch branch, a handler); when
    /// `false`, `sinks` may be incomplete.
    pub body_known: bool,
    /// The tool's declared annotations, when it has any.
    pub annotations: Option<ToolAnnotationsInfo>,
}

/// A tool's MCP annotations as declared: each hint is `null` when not given as a literal.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ToolAnnotationsInfo {
    /// Whether airlock could read the value (a literal or a `ToolAnnotations(...)` call).
    pub known: bool,
    pub read_only_hint: Option<bool>,
    pub destructive_hint: Option<bool>,
    pub idempotent_hint: Option<bool>,
    pub open_world_hint: Option<bool>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NodeInfo {
    /// `node:<graph path>:<graph line>:<name>`.
    pub id: String,
    /// The id of the graph's agent context.
    pub graph: String,
    pub name: String,
    pub place: Place,
    /// What the node runs: `function`, `tools`, `agent`, `subgraph` or `unknown`.
    pub runs: String,
    /// Nodes it routes to (`*` for a computed target).
    pub routes_to: Vec<String>,
    /// Whether the graph pauses for a human before this node (and has a checkpointer).
    pub gated: bool,
    #[serde(skip)]
    #[schemars(skip)]
    pub location: Location,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RouteInfo {
    /// The graph's agent context, `crewai` for routes between CrewAI agents, managers and
    /// flow steps, `langgraph` for routes between LangGraph agents (supervisors, swarms,
    /// agents called in tools; `from` is then the tool), or `openai-agents` for handoffs and
    /// agents called as tools.
    pub graph: String,
    pub from: String,
    /// The target node, or `*` when it is computed at run time.
    pub to: String,
    /// `edge`, `conditional`, `command` or `send`; between CrewAI agents `sequential`,
    /// `task-context`, `delegation`, `answer`, `listen`, `router`, `kickoff` or `result`;
    /// between LangGraph agents `supervisor`, `answer`, `handoff` or `agent-tool`; between
    /// OpenAI agents `handoff`, `agent-as-tool` or `answer`.
    pub kind: String,
    pub place: Place,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GateInfo {
    /// `hitl-middleware`, `interrupt-before`, `interrupt-in-tool`, `interrupt-in-node`,
    /// `before-tool-call-hook`, `needs-approval` (OpenAI Agents `needs_approval`,
    /// `require_approval`).
    pub kind: String,
    /// The tool or node it stops (`refund`, `tools`).
    pub target: String,
    /// The agent context it belongs to.
    pub agent: String,
    /// `strong` or `conditional`; a gate without a checkpointer is `ineffective`.
    pub strength: String,
    pub place: Place,
}

fn strength(s: Strength) -> &'static str {
    match s {
        Strength::Strong => "strong",
        Strength::Conditional => "conditional",
        Strength::None => "none",
    }
}

fn sorted(v: impl IntoIterator<Item = String>) -> Vec<String> {
    let set: BTreeSet<String> = v.into_iter().collect();
    set.into_iter().collect()
}

/// Builds the inventory from the rules' context.
pub fn build(cx: &Ctx, units: &[Unit]) -> Inventory {
    let mut inv = Inventory::default();
    let source_info = |s: &crate::rules::context::SourceIn| {
        let location = cx.loc(s.site);
        SourceInfo {
            kind: s.kind.clone(),
            label: s.label.clone(),
            place: Place::from(&location),
            location,
            tool: s.tool,
        }
    };
    let tool_id = |t: usize| {
        let tool = &cx.tools[t];
        let l = cx.loc(tool.site);
        format!("tool:{}:{}:{}", l.path, l.line, tool.name)
    };
    let agent_id = |u: &Unit| {
        let l = cx.loc(u.site);
        format!("agent:{}:{}", l.path, l.line)
    };
    let mut contexts: BTreeMap<usize, Vec<ToolContext>> = BTreeMap::new();
    let mut kind_counts = HashMap::new();
    let mut shared_infos: HashMap<
        *const Vec<crate::rules::context::SourceIn>,
        std::sync::Arc<Vec<SourceInfo>>,
    > = HashMap::new();
    for u in units {
        let id = agent_id(u);
        let mut sources: Vec<SourceInfo> = u
            .shared_sources()
            .chain(&u.unknown_sources)
            .map(source_info)
            .collect();
        sources.sort_by(|a, b| (&a.place, &a.kind).cmp(&(&b.place, &b.kind)));
        sources.dedup_by(|a, b| a.place == b.place && a.kind == b.kind);
        let mut capabilities = vec![];
        let mut privileged = 0;
        let mut strong = 0;
        let mut risk: Option<Severity> = None;
        for &t in &u.tools {
            let tool = &cx.tools[t];
            let sinks = cx.privileged_sinks(tool);
            if sinks.is_empty() {
                continue;
            }
            privileged += 1;
            capabilities.extend(sinks.iter().map(|s| s.kind.clone()));
            let (s, _) = u.gates.get(&t).copied().unwrap_or((Strength::None, None));
            if s == Strength::Strong {
                strong += 1;
                continue;
            }
            let reached = u
                .sources
                .get(&t)
                .is_some_and(|v| v.iter().any(|s| s.tool != Some(t)));
            // The severity AIR101 gives the path (one function decides it: a conditional gate
            // and a sandbox lower it); a tool no untrusted content reaches is a low risk.
            let sev = cx.capability_risk(
                sinks.iter().map(|s| s.kind.as_str()),
                s,
                tool.sandboxed,
                reached,
            );
            risk = risk.max(sev);
        }
        if u.unknown_tools && !u.unknown_sources.is_empty() {
            risk = risk.max(Some(Severity::Medium));
        }
        let autonomy = match (privileged, strong) {
            (0, _) => "no-privileged-tools",
            (p, s) if s == p => "gated",
            (_, 0) => "ungated",
            _ => "partially-gated",
        };
        let fw = u.framework;
        let kind = match u.origin {
            UnitOrigin::Agent(AgentRef::LangGraph(_)) => "prebuilt-agent",
            UnitOrigin::Agent(AgentRef::CrewAi(_)) => "crew-agent",
            UnitOrigin::Agent(AgentRef::OpenAi(_)) => "sdk-agent",
            UnitOrigin::Graph(_) => "graph",
        };
        let own_code = match u.origin {
            UnitOrigin::Graph(gi) => graph_code(cx, &cx.lg.graphs[gi]),
            _ => vec![],
        };
        let location = cx.loc(u.site);
        inv.agents.push(AgentInfo {
            id: id.clone(),
            label: u.label.clone(),
            name: u.name.clone(),
            framework: fw.to_string(),
            kind: kind.to_string(),
            place: Place::from(&location),
            tools: u.tools.iter().map(|&t| tool_id(t)).collect(),
            capabilities: sorted(capabilities),
            exposure: sorted(sources.iter().map(|s| s.kind.clone())),
            autonomy: autonomy.to_string(),
            risk: risk.map_or("none", |s| s.as_str()).to_string(),
            location,
            sources,
            own_code,
            node: None,
        });
        for &t in &u.tools {
            let (s, site) = u.gates.get(&t).copied().unwrap_or((Strength::None, None));
            let reached_by = kinds_reaching(u, t, &mut kind_counts);
            // The context's sources, converted once per shared list.
            let context_sources = match u.sources.get(&t) {
                Some(list) => std::sync::Arc::clone(
                    shared_infos
                        .entry(std::sync::Arc::as_ptr(list))
                        .or_insert_with(|| {
                            let mut v: Vec<SourceInfo> = list.iter().map(source_info).collect();
                            v.sort_by(|a, b| {
                                (&a.place, &a.kind, a.tool).cmp(&(&b.place, &b.kind, b.tool))
                            });
                            v.dedup_by(|a, b| {
                                a.place == b.place && a.kind == b.kind && a.tool == b.tool
                            });
                            std::sync::Arc::new(v)
                        }),
                ),
                None => Default::default(),
            };
            let gate_location = site.map(|s| cx.loc(s));
            contexts.entry(t).or_default().push(ToolContext {
                agent: id.clone(),
                holder: u.label.clone(),
                gate: strength(s).to_string(),
                gate_place: gate_location.as_ref().map(Place::from),
                reached_by,
                gate_location,
                context_sources,
                tool: t,
            });
            if let (Strength::Strong | Strength::Conditional, Some(site)) = (s, site) {
                let l = cx.loc(site);
                // The gate the agent's framework configures, else a pause in the tool's own
                // body (on every path or some), else a graph's pausing node.
                let configured = u
                    .agent
                    .and_then(|a| cx.agents[a.0].gates.get(&ToolId(t)))
                    .filter(|g| g.site == site);
                let tool = &cx.tools[t];
                let kind = match configured {
                    Some(g) => g.kind.as_str(),
                    None if tool.body_gate == Some(site) || tool.conditional_gate == Some(site) => {
                        "interrupt-in-tool"
                    }
                    None => "interrupt-before",
                };
                inv.gates.push(GateInfo {
                    kind: kind.to_string(),
                    target: cx.tools[t].name.clone(),
                    agent: id.clone(),
                    strength: strength(s).to_string(),
                    place: Place::from(&l),
                });
            }
        }
    }
    for (ti, t) in cx.tools.iter().enumerate() {
        let location = cx.loc(t.site);
        inv.tools.push(ToolInfo {
            id: tool_id(ti),
            name: t.name.clone(),
            place: Place::from(&location),
            privileged: !cx.privileged_sinks(t).is_empty(),
            sinks: sorted(t.sinks.iter().map(|s| s.kind.clone())),
            sources: sorted(t.sources.iter().map(|s| s.kind.clone())),
            contexts: contexts.remove(&ti).unwrap_or_default(),
            location,
        });
    }
    for (gi, g) in cx.lg.graphs.iter().enumerate() {
        let unit = match units.iter().find(|u| u.origin == UnitOrigin::Graph(gi)) {
            Some(u) => agent_id(u),
            None => {
                // A graph without tools of its own is still an agent context (a workflow of
                // nodes and agents); list it with what enters it.
                let location = cx.loc(g.compile_site.unwrap_or(g.site));
                let id = format!("agent:{}:{}", location.path, location.line);
                let mut sources: Vec<SourceInfo> = cx
                    .graph_sources(g)
                    .iter()
                    .map(|(_, s)| source_info(s))
                    .collect();
                sources.sort_by(|a, b| (&a.place, &a.kind).cmp(&(&b.place, &b.kind)));
                sources.dedup_by(|a, b| a.place == b.place && a.kind == b.kind);
                let (capabilities, autonomy, risk) = graph_posture(cx, g);
                inv.agents.push(AgentInfo {
                    id: id.clone(),
                    label: "graph".into(),
                    name: "graph".into(),
                    framework: "langgraph".into(),
                    kind: "graph".into(),
                    place: Place::from(&location),
                    tools: vec![],
                    capabilities,
                    exposure: sorted(sources.iter().map(|s| s.kind.clone())),
                    autonomy: autonomy.into(),
                    risk: risk.map_or("none", |s| s.as_str()).to_string(),
                    location,
                    sources,
                    own_code: graph_code(cx, g),
                    node: None,
                });
                id
            }
        };
        node_agents(cx, gi, g, units, &unit, &mut inv);
        let gated = if g.checkpointer != Checkpointer::Absent {
            cx.gated_nodes(g)
        } else {
            BTreeMap::new()
        };
        for n in &g.nodes {
            let location = cx.loc(n.site);
            inv.nodes.push(NodeInfo {
                id: format!("node:{}:{}", unit.trim_start_matches("agent:"), n.name),
                graph: unit.clone(),
                name: n.name.clone(),
                place: Place::from(&location),
                runs: match n.action {
                    NodeAction::Func(_) => "function",
                    NodeAction::ToolNode { .. } => "tools",
                    NodeAction::Agent(_) => "agent",
                    NodeAction::Graph(_) => "subgraph",
                    NodeAction::Unknown => "unknown",
                }
                .to_string(),
                routes_to: sorted(
                    g.edges
                        .iter()
                        .filter(|e| e.from == n.name)
                        .map(|e| e.to.clone().unwrap_or_else(|| "*".to_string())),
                ),
                gated: gated.contains_key(&n.name),
                location,
            });
        }
        for (name, site) in &gated {
            let l = cx.loc(*site);
            let kind = if g.interrupt_before.iter().any(|e| e.site == *site) {
                "interrupt-before"
            } else {
                "interrupt-in-node"
            };
            inv.gates.push(GateInfo {
                kind: kind.to_string(),
                target: name.clone(),
                agent: unit.clone(),
                strength: "strong".to_string(),
                place: Place::from(&l),
            });
        }
        for e in &g.edges {
            let l = cx.loc(e.site);
            inv.routes.push(RouteInfo {
                graph: unit.clone(),
                from: e.from.clone(),
                to: e.to.clone().unwrap_or_else(|| "*".to_string()),
                kind: match e.kind {
                    EdgeKind::Edge => "edge",
                    EdgeKind::Conditional => "conditional",
                    EdgeKind::CommandGoto => "command",
                    EdgeKind::Send => "send",
                }
                .to_string(),
                place: Place::from(&l),
            });
        }
    }
    // Approvals naming a server, and those of a whole config file, indexed once.
    let mut by_server: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_file: BTreeMap<crate::model::FileId, Vec<&str>> = BTreeMap::new();
    for a in &cx.mcp.approvals {
        match &a.server {
            Some(name) => by_server.entry(name.as_str()).or_default().push(&a.knob),
            None => by_file.entry(a.file).or_default().push(&a.knob),
        }
    }
    for r in &cx.crew.routes {
        let l = cx.loc(r.site);
        let name = |e| match e {
            crate::facts::crewai::Endpoint::Agent(a) => cx.crew.agents[a].name.clone(),
            crate::facts::crewai::Endpoint::Manager(c) => {
                format!("{} (manager)", cx.crew.crews[c].name)
            }
            crate::facts::crewai::Endpoint::Step { flow, step } => format!(
                "{}.{}",
                cx.crew.flows[flow].name, cx.crew.flows[flow].steps[step].name
            ),
        };
        inv.routes.push(RouteInfo {
            graph: "crewai".to_string(),
            from: name(r.from),
            to: name(r.to),
            kind: r.kind.as_str().to_string(),
            place: Place::from(&l),
        });
    }
    for r in &cx.oai.routes {
        let l = cx.loc(r.site);
        inv.routes.push(RouteInfo {
            graph: cx.oai.framework_of(r.from).to_string(),
            from: cx.oai.agents[r.from].name.clone(),
            to: cx.oai.agents[r.to].name.clone(),
            kind: r.kind.as_str().to_string(),
            place: Place::from(&l),
        });
    }
    // LangGraph routes between agents: supervisors, swarm handoff tools, agents called in tools.
    let agent_name = |a: usize| {
        cx.lg.agents[a]
            .name
            .clone()
            .unwrap_or_else(|| format!("agent {}", a + 1))
    };
    for r in &cx.lg.routes {
        inv.routes.push(RouteInfo {
            graph: "langgraph".to_string(),
            from: agent_name(r.from),
            to: agent_name(r.to),
            kind: r.kind.to_string(),
            place: Place::from(&cx.loc(r.site)),
        });
    }
    for ta in &cx.lg.tool_agents {
        inv.routes.push(RouteInfo {
            graph: "langgraph".to_string(),
            from: cx.tools[ta.tool].name.clone(),
            to: agent_name(ta.agent),
            kind: "agent-tool".to_string(),
            place: Place::from(&cx.loc(ta.site)),
        });
    }
    for s in &cx.mcp.servers {
        let l = cx.db.location(s.file, s.key);
        let approvals: Vec<String> = by_server
            .get(s.name.as_str())
            .into_iter()
            .chain(by_file.get(&s.file))
            .flatten()
            .map(|k| k.to_string())
            .collect();
        let package = s.launch.package.as_ref();
        inv.mcp_servers.push(McpServerInfo {
            id: format!("mcp:{}:{}", l.path, s.name),
            name: s.name.clone(),
            client: s.client.name().to_string(),
            place: Place::from(&l),
            transport: format!("{:?}", s.transport).to_ascii_lowercase(),
            launcher: s.launch.launcher.clone(),
            package: package.map(|p| p.name.clone()),
            version: package.and_then(|p| p.version.clone()),
            pinned: package.is_none_or(|p| {
                matches!(
                    p.pin,
                    crate::mcp::launch::Pin::Exact
                        | crate::mcp::launch::Pin::Digest
                        | crate::mcp::launch::Pin::Tag
                )
            }),
            url: s
                .url
                .as_ref()
                .map(|u| crate::mcp::secrets::mask_value(&cx.k.mcp, &public_url(&u.0))),
            capabilities: sorted(s.caps.sinks.iter().cloned()),
            sources: sorted(s.caps.sources.iter().cloned()),
            auto_approved: sorted(approvals),
            disabled: s.disabled,
        });
    }
    inv.mcp_server_code = server_code(cx);
    let key = |p: &Place| (p.path.clone(), p.line, p.column);
    inv.agents.sort_by_key(|a| key(&a.place));
    inv.tools.sort_by_key(|t| (key(&t.place), t.name.clone()));
    inv.mcp_servers
        .sort_by_key(|s| (key(&s.place), s.name.clone()));
    inv.nodes.sort_by_key(|n| (key(&n.place), n.name.clone()));
    inv.routes
        .sort_by_key(|r| (key(&r.place), r.from.clone(), r.to.clone()));
    inv.gates
        .sort_by_key(|g| (key(&g.place), g.target.clone(), g.agent.clone()));
    inv.gates
        .dedup_by(|a, b| a.place == b.place && a.target == b.target && a.agent == b.agent);
    inv
}

/// What a graph without tools of its own can do through its nodes: the privileged sinks of its
/// node functions and of the agents and tool nodes it runs, whether a pause before each such
/// node covers it, and the risk (`Ctx::capability_risk`, exposed when untrusted content
/// entering the graph reaches the node).
fn graph_posture(
    cx: &Ctx,
    g: &crate::facts::langgraph::Graph,
) -> (Vec<String>, &'static str, Option<Severity>) {
    let gated = if g.checkpointer != Checkpointer::Absent {
        cx.gated_nodes(g)
    } else {
        BTreeMap::new()
    };
    let sources = cx.graph_sources(g);
    let privileged_of = |ts: &[usize]| -> Vec<String> {
        ts.iter()
            .flat_map(|&t| cx.privileged_sinks(&cx.tools[t]))
            .map(|s| s.kind.clone())
            .collect()
    };
    let mut capabilities = vec![];
    let (mut privileged, mut strong) = (0, 0);
    let mut risk = None;
    for n in &g.nodes {
        let kinds: Vec<String> = match &n.action {
            NodeAction::Func(f) => cx
                .body
                .caps(f)
                .sinks
                .iter()
                .filter(|s| cx.k.sink_kind(&s.kind).is_some_and(|k| k.privileged))
                .map(|s| s.kind.clone())
                .collect(),
            NodeAction::ToolNode { tools, .. } => privileged_of(tools),
            NodeAction::Agent(a) => privileged_of(&cx.lg.agents[*a].tools),
            _ => vec![],
        };
        if kinds.is_empty() {
            continue;
        }
        privileged += 1;
        let strength = if gated.contains_key(&n.name) {
            strong += 1;
            Strength::Strong
        } else {
            Strength::None
        };
        let exposed = sources.iter().any(|(from, _)| {
            from == &n.name || cx.reachable(g, from, &BTreeSet::new()).contains(&n.name)
        });
        risk = risk.max(cx.capability_risk(
            kinds.iter().map(String::as_str),
            strength,
            false,
            exposed,
        ));
        capabilities.extend(kinds);
    }
    let autonomy = match (privileged, strong) {
        (0, _) => "no-privileged-tools",
        (p, s) if s == p => "gated",
        (_, 0) => "ungated",
        _ => "partially-gated",
    };
    (sorted(capabilities), autonomy, risk)
}

/// A hand-built graph's own code: its node functions and its routers.
fn graph_code(cx: &Ctx, g: &crate::facts::langgraph::Graph) -> Vec<Site> {
    let func = |f: &crate::extract::interp::FuncVal| Site {
        file: cx.modules[f.module].file,
        span: f.def.span,
    };
    let mut out: Vec<Site> = g
        .nodes
        .iter()
        .filter_map(|n| match &n.action {
            NodeAction::Func(f) => Some(func(f)),
            _ => None,
        })
        .chain(g.edges.iter().filter_map(|e| e.router.as_ref().map(func)))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The nodes of graph `gi` whose function calls a chat model, directly or through helpers:
/// each is a decision point the model drives, listed as an agent of kind `graph-node` with
/// the privileged sinks of its own body and of the tools it binds to its model, the
/// untrusted content that reaches it along the graph's routes, and the pauses before it.
fn node_agents(
    cx: &Ctx,
    gi: usize,
    g: &crate::facts::langgraph::Graph,
    units: &[Unit],
    graph_id: &str,
    inv: &mut Inventory,
) {
    let graph_unit = units.iter().find(|u| u.origin == UnitOrigin::Graph(gi));
    let gated = if g.checkpointer != Checkpointer::Absent {
        cx.gated_nodes(g)
    } else {
        BTreeMap::new()
    };
    let sources = cx.graph_sources(g);
    for n in &g.nodes {
        let NodeAction::Func(f) = &n.action else {
            continue;
        };
        let caps = cx.body.caps(f);
        if caps.model_calls.is_empty() {
            continue;
        }
        let file = cx.modules[f.module].file;
        let code = Site {
            file,
            span: f.def.span,
        };
        let location = cx.db.location(file, f.def.name_span);
        let mut id = format!("agent:{}:{}", location.path, location.line);
        if inv.agents.iter().any(|a| a.id == id) {
            id = format!("{id}:{}", n.name);
        }
        // The tools it binds to its model.
        let tools: Vec<usize> = g
            .model_tools
            .iter()
            .filter(|(name, _)| *name == n.name)
            .flat_map(|(_, t)| t.iter().copied())
            .collect::<BTreeSet<usize>>()
            .into_iter()
            .collect();
        // What reaches the node: content entering at it or at a node that routes to it, and
        // what its own tools return.
        let reaching: Vec<crate::rules::context::SourceIn> = sources
            .iter()
            .filter(|(from, _)| {
                from == &n.name || cx.reachable(g, from, &BTreeSet::new()).contains(&n.name)
            })
            .map(|(_, s)| s.clone())
            .chain(tools.iter().flat_map(|&t| cx.tool_sources(t)))
            .collect();
        let mut exposure: Vec<SourceInfo> = reaching
            .iter()
            .map(|s| {
                let location = cx.loc(s.site);
                SourceInfo {
                    kind: s.kind.clone(),
                    label: s.label.clone(),
                    place: Place::from(&location),
                    location,
                    tool: s.tool,
                }
            })
            .collect();
        exposure.sort_by(|a, b| (&a.place, &a.kind).cmp(&(&b.place, &b.kind)));
        exposure.dedup_by(|a, b| a.place == b.place && a.kind == b.kind);
        let exposed = !exposure.is_empty();
        let pause = gated.get(&n.name).copied();
        let mut capabilities = vec![];
        let (mut privileged, mut strong) = (0, 0);
        let mut risk: Option<Severity> = None;
        // Its own body's privileged calls: a pause before the node covers them.
        let body_sinks: Vec<&str> = caps
            .sinks
            .iter()
            .filter(|s| cx.k.sink_kind(&s.kind).is_some_and(|k| k.privileged))
            .map(|s| s.kind.as_str())
            .collect();
        if !body_sinks.is_empty() {
            privileged += 1;
            capabilities.extend(body_sinks.iter().map(|k| k.to_string()));
            let strength = if pause.is_some() {
                Strength::Strong
            } else {
                Strength::None
            };
            strong += usize::from(strength == Strength::Strong);
            risk =
                risk.max(cx.capability_risk(body_sinks.iter().copied(), strength, false, exposed));
        }
        // The tools it binds to its model, gated as the graph gates them.
        for &t in &tools {
            let tool = &cx.tools[t];
            let sinks = cx.privileged_sinks(tool);
            if sinks.is_empty() {
                continue;
            }
            privileged += 1;
            capabilities.extend(sinks.iter().map(|s| s.kind.clone()));
            let (strength, _) = graph_unit
                .and_then(|u| u.gates.get(&t).copied())
                .unwrap_or_else(|| cx.tool_gate(t, (Strength::None, None), g.checkpointer));
            strong += usize::from(strength == Strength::Strong);
            let reached = reaching.iter().any(|s| s.tool != Some(t));
            risk = risk.max(cx.capability_risk(
                sinks.iter().map(|s| s.kind.as_str()),
                strength,
                tool.sandboxed,
                reached,
            ));
        }
        let autonomy = match (privileged, strong) {
            (0, _) => "no-privileged-tools",
            (p, s) if s == p => "gated",
            (_, 0) => "ungated",
            _ => "partially-gated",
        };
        inv.agents.push(AgentInfo {
            id,
            label: format!("node `{}`", n.name),
            name: n.name.clone(),
            framework: "langgraph".into(),
            kind: "graph-node".into(),
            place: Place::from(&location),
            tools: tools
                .iter()
                .map(|&t| {
                    let l = cx.loc(cx.tools[t].site);
                    format!("tool:{}:{}:{}", l.path, l.line, cx.tools[t].name)
                })
                .collect(),
            capabilities: sorted(capabilities),
            exposure: sorted(exposure.iter().map(|s| s.kind.clone())),
            autonomy: autonomy.into(),
            risk: risk.map_or("none", |s| s.as_str()).to_string(),
            location,
            sources: exposure,
            own_code: vec![code],
            node: Some(format!(
                "node:{}:{}",
                graph_id.trim_start_matches("agent:"),
                n.name
            )),
        });
    }
}

/// Raises each agent's risk to the severity of every reported finding whose location or path
/// runs through the agent's own code, so the inventory never calls an agent safer than a
/// finding on it says (AIR104's forgeable approval on a reviewer node, AIR201 in a node).
/// Called with the findings that are reported (after suppressions).
pub fn settle_with_findings(inv: &mut Inventory, findings: &[crate::model::Finding]) {
    let rank = |r: &str| match r {
        "critical" => 5,
        "high" => 4,
        "medium" => 3,
        "low" => 2,
        "info" => 1,
        _ => 0,
    };
    for a in &mut inv.agents {
        if a.own_code.is_empty() {
            continue;
        }
        let inside = |l: &Location| {
            a.own_code.iter().any(|c| {
                c.file == l.file && c.span.start <= l.span.start && l.span.end <= c.span.end
            })
        };
        let worst = findings
            .iter()
            .filter(|f| {
                // Content read in an agent's code and carried elsewhere is exposure, not risk.
                inside(&f.location)
                    || f.path
                        .iter()
                        .any(|s| s.kind != StepKind::Source && inside(&s.location))
            })
            .map(|f| f.severity)
            .max();
        if let Some(sev) = worst {
            if rank(sev.as_str()) > rank(&a.risk) {
                a.risk = sev.as_str().to_string();
            }
        }
    }
}

/// MCP servers defined in code, with their tools (capabilities and annotations), resources and
/// prompts, ordered by place.
fn server_code(cx: &Ctx) -> Vec<McpServerCodeInfo> {
    use crate::facts::mcp_server::{Hint, ItemKind};
    let hint = |h: &Option<Hint>| h.map(|h| h.value);
    let mut out: Vec<McpServerCodeInfo> = cx
        .servers
        .servers
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let location = cx.loc(s.site);
            let mut tools: Vec<McpServerToolInfo> = cx
                .servers
                .tools_of(si)
                .map(|t| {
                    let privileged = t
                        .sinks
                        .iter()
                        .any(|c| cx.k.sink_kind(&c.kind).is_some_and(|k| k.privileged));
                    let l = cx.loc(t.site);
                    McpServerToolInfo {
                        id: format!("mcp-tool:{}:{}:{}", l.path, l.line, t.name),
                        name: t.name.clone(),
                        place: Place::from(&l),
                        sinks: sorted(t.sinks.iter().map(|c| c.kind.clone())),
                        sources: sorted(t.sources.iter().map(|c| c.kind.clone())),
                        privileged,
                        body_known: t.body_known,
                        annotations: t.annotations.as_ref().map(|a| ToolAnnotationsInfo {
                            known: a.known,
                            read_only_hint: hint(&a.read_only),
                            destructive_hint: hint(&a.destructive),
                            idempotent_hint: hint(&a.idempotent),
                            open_world_hint: hint(&a.open_world),
                        }),
                    }
                })
                .collect();
            tools.sort_by(|a, b| (&a.place, &a.name).cmp(&(&b.place, &b.name)));
            let capabilities = sorted(
                cx.servers
                    .tools_of(si)
                    .flat_map(|t| &t.sinks)
                    .filter(|c| cx.k.sink_kind(&c.kind).is_some_and(|k| k.privileged))
                    .map(|c| c.kind.clone()),
            );
            let items = |kind: ItemKind| {
                sorted(
                    cx.servers
                        .items_of(si)
                        .filter(|i| i.kind == kind)
                        .map(|i| i.name.clone()),
                )
            };
            McpServerCodeInfo {
                id: format!("mcp-code:{}:{}", location.path, location.line),
                name: s.name.clone(),
                sdk: s.sdk.to_string(),
                place: Place::from(&location),
                capabilities,
                tools,
                resources: items(ItemKind::Resource),
                prompts: items(ItemKind::Prompt),
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.place, &a.id).cmp(&(&b.place, &b.id)));
    out
}

/// A URL without its userinfo, query and fragment: nothing secret is printed.
fn public_url(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (format!("{s}://"), r),
        None => (String::new(), url),
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.rsplit('@').next().unwrap_or(host);
    format!("{scheme}{host}{path}")
}

#[cfg(test)]
mod tests {
    use super::public_url;

    #[test]
    fn urls_lose_credentials_and_queries() {
        assert_eq!(
            public_url("https://user:pw@mcp.example.com/sse?token=abc#x"),
            "https://mcp.example.com/sse"
        );
        assert_eq!(public_url("http://localhost:3000"), "http://localhost:3000");
    }
}

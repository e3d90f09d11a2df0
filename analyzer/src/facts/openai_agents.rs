//! OpenAI Agents SDK facts (an extension of the neutral model, written by
//! `extract::openai_agents`): agents, per-tool approvals, handoffs and agents-as-tools,
//! approvals a program grants. The generic agent adapter (`extract::agent_kit`: Pydantic AI,
//! smolagents, Google ADK) writes its agents and routes here too, each agent with its own
//! framework name (`OaiFacts::frameworks`).

use super::Site;
use std::collections::BTreeMap;

/// How a tool's calls wait for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    /// Some calls only (a callable `needs_approval`, a partial `require_approval` policy), or a
    /// program decides (`on_approval` callbacks, tool input guardrails).
    Conditional,
    /// Every call waits for a person (`needs_approval=True`, `require_approval="always"`).
    Always,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub approval: Approval,
    pub site: Site,
}

/// An `Agent(...)` (or `agent.clone(...)`).
#[derive(Debug, Clone)]
pub struct OaiAgent {
    pub name: String,
    /// The constructing call.
    pub site: Site,
    pub tools: Vec<usize>,
    /// Part of `tools=`/`mcp_servers=` could not be resolved.
    pub unknown_tools: bool,
    /// Per tool: the gate on its calls, when there is one.
    pub gates: BTreeMap<usize, Gate>,
    /// Runs that give this agent user input (`Runner.run(agent, request.text)` in a handler).
    pub user_entries: Vec<Site>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// `handoffs=[agent]` or `handoff(agent)`: the other agent takes over the conversation.
    Handoff,
    /// `agent.as_tool(...)`: the caller hands the other agent a request it wrote.
    AgentTool,
    /// The answer of an agent called as a tool, back to its caller.
    Answer,
    /// The model moves the conversation to a sub-agent (Google ADK `sub_agents`,
    /// `transfer_to_agent`), or back to the parent.
    Transfer,
    /// A workflow runs its sub-agents one after the other, each reading what the last one wrote
    /// (Google ADK `SequentialAgent`, `LoopAgent`).
    Sequence,
}

impl RouteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RouteKind::Handoff => "handoff",
            RouteKind::AgentTool => "agent-as-tool",
            RouteKind::Answer => "answer",
            RouteKind::Transfer => "transfer",
            RouteKind::Sequence => "sequence",
        }
    }
}

/// A handoff `input_filter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filter {
    pub site: Site,
    /// Known to drop every tool call and tool result (`handoff_filters.remove_all_tools`).
    pub drops_tool_results: bool,
}

#[derive(Debug, Clone)]
pub struct Route {
    pub from: usize,
    pub to: usize,
    pub kind: RouteKind,
    pub site: Site,
    pub label: String,
    /// A person approves before the route is taken (`as_tool(needs_approval=True)`).
    pub gate: Option<Site>,
    pub filter: Option<Filter>,
}

/// An approval a program gives in place of a person (AIR105).
#[derive(Debug, Clone)]
pub struct AutoApproval {
    pub site: Site,
    /// `loop`: `state.approve(item)` for every item of `result.interruptions`; `callback`: an
    /// `on_approval`/`on_approval_request` callback that always approves.
    pub kind: &'static str,
    /// The gate it defeats, when known (`needs_approval=True` on tool `x`).
    pub gate: Option<(Site, String)>,
}

#[derive(Debug, Default)]
pub struct OaiFacts {
    pub agents: Vec<OaiAgent>,
    pub routes: Vec<Route>,
    pub auto_approvals: Vec<AutoApproval>,
    /// The framework name of these agents (for the inventory).
    pub framework: &'static str,
    /// Agents another adapter wrote into this list (Pydantic AI, smolagents, Google ADK through
    /// `extract::agent_kit`: the same shape of agent, tools, per-tool gates, routes and user
    /// entries), by index, with their own framework name. Until issue 17's neutral agent arena
    /// lands, this list is the neutral agent record every unit builder already reads.
    pub frameworks: BTreeMap<usize, &'static str>,
}

impl OaiFacts {
    /// The framework of agent `i` (for the inventory).
    pub fn framework_of(&self, i: usize) -> &'static str {
        self.frameworks.get(&i).copied().unwrap_or(self.framework)
    }
}

/// The OpenAI Agents SDK's words for gating a tool.
pub const HINTS: super::Hints = super::Hints {
    gate_tool: "require approval before `{tool}` runs: `needs_approval=True` on the tool (`@function_tool(needs_approval=True)`), then approve or reject each of `result.interruptions` from a person; a callable `needs_approval` or an `on_approval` callback decides by program",
    gate_mcp: Some("require approval for the tools of MCP server `{server}` that act: `require_approval=\"always\"` (or `{\"always\": {\"tool_names\": [...]}}`) on the server, then approve each interruption from a person"),
    unknown_tools: "set `needs_approval=True` on every acting tool (and `require_approval=\"always\"` on MCP servers), or build the tool list from names airlock can follow",
    gate_route: "require approval before `{tool}` runs: `needs_approval=True` on the tool, or `needs_approval=True` on the `as_tool(...)` that leads to {agent}; a handoff `input_filter` such as `handoff_filters.remove_all_tools` drops tool results but not the conversation",
    name_holder: true,
};

/// Agent `i` as a neutral agent: each tool's approval (every call, or some), user input from
/// the runs that start it. An approval interrupts the run; `RunState` carries it to the person
/// and back, so nothing needs configuring for it to resume.
pub fn neutral_agent(
    i: usize,
    a: &OaiAgent,
    framework: &'static str,
    hints: super::Hints,
) -> super::Agent {
    use super::{Gate, GateKind, Strength, ToolId};
    super::Agent {
        framework,
        name: a.name.clone(),
        label: format!("agent `{}`", a.name),
        site: a.site,
        tools: a.tools.iter().map(|&t| ToolId(t)).collect(),
        unknown_tools: a.unknown_tools,
        blanket_gate: false,
        gates: a
            .gates
            .iter()
            .map(|(&t, g)| {
                let strength = match g.approval {
                    Approval::Always => Strength::Strong,
                    Approval::Conditional => Strength::Conditional,
                };
                let gate = Gate {
                    kind: GateKind::Approval,
                    strength,
                    site: g.site,
                };
                (ToolId(t), gate)
            })
            .collect(),
        entries: a
            .user_entries
            .iter()
            .map(|&site| super::Entry {
                site,
                label: format!("user input starts a run of agent `{}` here", a.name),
            })
            .collect(),
        checkpointer: super::Checkpointer::NotNeeded,
        origin: super::AgentRef::OpenAi(i),
        hints,
    }
}

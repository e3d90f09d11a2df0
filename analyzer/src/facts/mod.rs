//! The facts every rule, the inventory and the project graph read: what the framework adapters
//! (`extract::langgraph`, `extract::crewai`, `extract::openai_agents`, `extract::mcp_server`,
//! `extract::ts_mcp`) found, as plain data. The adapters write these types; nothing that reads
//! them (`rules/`, `inventory.rs`, `graph.rs`, `report/`) imports an adapter (`tests/tidy.rs`
//! checks it).
//!
//! Framework-neutral facts live here: `Site`, tools (`Tool`: capabilities, sinks, sources,
//! gates in the body, the MCP server behind a toolset) and the resumability of an agent's run
//! (`Checkpointer`), and one arena of agents of every framework (`Agent`, indexed by `AgentId`,
//! naming its tools by `ToolId`, with the gate each framework configures on each tool). What
//! only one framework has is a typed extension in its own module
//! (`langgraph`: graphs, nodes, edges, state; `crewai`: agents, tasks, crews, flows, hooks;
//! `openai_agents`: agents, approvals, handoffs; `mcp_server`: MCP servers written in code).

use crate::extract::body::CapHit;
use crate::extract::interp::{ClassVal, FuncVal};
use crate::model::{FileId, Span};

pub mod crewai;
pub mod langgraph;
pub mod mcp_server;
pub mod openai_agents;

/// A door into the program that is not a tool, whose arguments whoever calls it chooses: an
/// HTTP request handler, or a framework method called with outside content (a retriever's
/// query, a store's operations, a bearer token), written by `extract::entries` from
/// `rules/knowledge/entries.toml`. The parameters its framework fills are closed in the body
/// analysis; AIR106 follows the others.
#[derive(Debug, Clone)]
pub struct EntryPoint {
    /// ``HTTP route `POST /code` ``, `` `DuckRetriever._retrieve` ``.
    pub label: String,
    /// The function's name (`Class.method` for a method), for fingerprints.
    pub name: String,
    pub func: FuncVal,
    pub site: Site,
    /// Who chooses the arguments (`the HTTP client`).
    pub who: String,
    /// The sink kinds followed from it; every kind when empty (`entries.toml`).
    pub kinds: Vec<String>,
}

/// A tool of the shared tool table (`extract::tools::ToolTable`, closed into `Extracted::tools`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ToolId(pub usize);

/// An agent of the neutral arena (`Extracted::agents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(pub usize);

/// How strongly a tool is gated in an agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    None,
    Conditional,
    Strong,
}

/// What kind of approval a framework configures on a tool (the tool's own `interrupt()` is
/// not configured: it is on `Tool::body_gate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GateKind {
    /// A middleware that pauses before the tool (`HumanInTheLoopMiddleware(interrupt_on=...)`).
    Middleware,
    /// A pause before the node that runs every tool (`interrupt_before=["tools"]`).
    Breakpoint,
    /// A hook run before every tool call that can block it (`@before_tool_call`).
    Hook,
    /// A per-tool approval the run carries to a person (`needs_approval=True`).
    Approval,
}

impl GateKind {
    /// The inventory's name of the gate.
    pub fn as_str(self) -> &'static str {
        match self {
            GateKind::Middleware => "hitl-middleware",
            GateKind::Breakpoint => "interrupt-before",
            GateKind::Hook => "before-tool-call-hook",
            GateKind::Approval => "needs-approval",
        }
    }
}

/// The approval a framework configures on one tool of one agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub kind: GateKind,
    pub strength: Strength,
    pub site: Site,
}

/// Where untrusted input from outside any agent starts this agent's run (a request handler,
/// the console).
#[derive(Debug, Clone)]
pub struct Entry {
    pub site: Site,
    pub label: String,
}

/// How findings tell a person to gate an agent's tools, in its framework's words: templates
/// where `{tool}`, `{server}` and `{agent}` stand for the tool's name, the MCP server's name and
/// the agent's label ([`Hints::fill`]); any other brace is literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    /// AIR101: gate privileged tool `{tool}`.
    pub gate_tool: &'static str,
    /// AIR101: gate the tools of MCP server `{server}` (`None`: the generic MCP help).
    pub gate_mcp: Option<&'static str>,
    /// AIR101: the tool list could not be fully resolved.
    pub unknown_tools: &'static str,
    /// AIR102: gate `{tool}` of `{agent}`, which content reaches over a route.
    pub gate_route: &'static str,
    /// Findings name the agent that holds the tool (this framework's agents often share tools).
    pub name_holder: bool,
}

impl Hints {
    /// `template` with `{tool}`, `{server}` and `{agent}` replaced in one pass (a value that
    /// itself contains `{agent}` stays as it is).
    pub fn fill(template: &str, tool: &str, server: &str, agent: &str) -> String {
        let mut out = String::with_capacity(template.len() + tool.len());
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i..];
            let hit = [("{tool}", tool), ("{server}", server), ("{agent}", agent)]
                .into_iter()
                .find(|(k, _)| after.starts_with(k));
            match hit {
                Some((k, v)) => {
                    out.push_str(v);
                    rest = &after[k.len()..];
                }
                None => {
                    out.push('{');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// LangGraph's and LangChain's words (also for hand-built graphs).
pub const LANGGRAPH_HINTS: Hints = Hints {
    gate_tool: "require human approval before `{tool}` runs: `HumanInTheLoopMiddleware(interrupt_on={\"{tool}\": True})` with a checkpointer, `interrupt_before=[\"tools\"]`, or an `interrupt()` before the action",
    gate_mcp: None,
    unknown_tools: "gate every tool (`interrupt_before=[\"tools\"]` with a checkpointer), or build the tool list from names airlock can follow",
    gate_route: "require human approval before `{tool}` runs, on the tool itself or on the route into {agent}",
    name_holder: false,
};

/// An agent of any framework, as the one unit builder (`rules::context`) reads it: its tools,
/// the gate its framework configures on each, where user input starts it, and whether its run
/// can pause and resume. Adapters write these (`extract::adapters::Adapter::agents`).
#[derive(Debug, Clone)]
pub struct Agent {
    /// For the inventory: `langgraph`, `langchain`, `deepagents`, `crewai`, `openai-agents` ...
    pub framework: &'static str,
    /// Its name (the factory's short name for an unnamed agent), as the inventory lists it.
    pub name: String,
    /// `agent `name``, as findings name it.
    pub label: String,
    pub site: Site,
    /// In the order the framework lists them (an adapter removes duplicates when it merges lists).
    pub tools: Vec<ToolId>,
    /// Part of the tool list could not be resolved.
    pub unknown_tools: bool,
    /// A gate covers every tool call, also calls of tools airlock could not resolve.
    pub blanket_gate: bool,
    /// The gate configured on each tool, when there is one.
    pub gates: std::collections::BTreeMap<ToolId, Gate>,
    pub entries: Vec<Entry>,
    pub checkpointer: Checkpointer,
    /// The framework extension the agent comes from (its node in the project graph).
    pub origin: AgentRef,
    /// How findings tell a person to gate its tools.
    pub hints: Hints,
}

/// An agent of any framework: which adapter's agent list it is in, and where. The project
/// graph has one node kind for agents (`PNode::Agent`) keyed by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgentRef {
    /// `LangGraphFacts::agents[i]` (prebuilt agents, supervisors).
    LangGraph(usize),
    /// `CrewFacts::agents[i]`.
    CrewAi(usize),
    /// `OaiFacts::agents[i]`.
    OpenAi(usize),
}

/// A (file, span) pair that identifies a syntax site across the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Site {
    pub file: FileId,
    pub span: Span,
}

/// Where a tool's behaviour comes from.
#[derive(Debug, Clone)]
pub enum ToolOrigin {
    /// A project function (decorated, wrapped or passed directly).
    Function(FuncVal),
    /// A project `BaseTool` subclass; the function is its `_run`.
    Class(ClassVal, Option<FuncVal>),
    /// A framework class or toolkit known from `rules/knowledge`.
    Known(String),
}

#[derive(Debug, Clone)]
pub struct Tool {
    pub name: String,
    /// The definition: the `def` name, the `class` name, or the constructing call.
    pub site: Site,
    pub origin: ToolOrigin,
    pub sinks: Vec<CapHit>,
    pub sources: Vec<CapHit>,
    pub sandboxed: bool,
    pub toolkit: bool,
    /// The first `interrupt()` that dominates every privileged sink of the body, if any.
    pub body_gate: Option<Site>,
    /// Without `body_gate`: a pause that runs before every privileged sink on some paths only
    /// (inside an `if`), a conditional approval.
    pub conditional_gate: Option<Site>,
    /// For the tools an agent loads from one MCP server: that server.
    pub mcp: Option<McpToolset>,
}

/// The tools of one MCP server, as an agent loads them (`extract::mcp_link`).
#[derive(Debug, Clone)]
pub struct McpToolset {
    pub server: String,
    /// Whether the server's capabilities are known; unknown servers are possibly privileged.
    pub known: bool,
    /// How they are known.
    pub via: String,
    /// The server's tools by name and whether each is privileged, when its code is known.
    pub tools: Vec<(String, bool)>,
    /// Whether its code runs commands or code the model writes; `None` when its code is not
    /// known (its capability then says).
    pub runs_model_code: Option<bool>,
}

impl Tool {
    pub fn func(&self) -> Option<&FuncVal> {
        match &self.origin {
            ToolOrigin::Function(f) => Some(f),
            ToolOrigin::Class(_, f) => f.as_ref(),
            ToolOrigin::Known(_) => None,
        }
    }
}

/// Whether an agent's run can pause for a person and resume (a LangGraph checkpointer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkpointer {
    Present,
    /// Compiled without one, but a parent graph or a platform deployment supplies it.
    Inherited,
    Absent,
    /// Nothing to configure: the framework's gates block a call in place (CrewAI hooks) or its
    /// run state carries an approval to the person and back (OpenAI Agents `RunState`).
    NotNeeded,
}

#[cfg(test)]
pub(crate) mod tests {
    //! The adapters' neutral agents on small fact fixtures: the same configured gate comes out
    //! the same whatever the framework, so the one unit builder treats them alike.
    use super::*;
    use crate::model::Span;

    pub(crate) fn site(n: u32) -> Site {
        Site {
            file: FileId(0),
            span: Span {
                start: n,
                end: n + 1,
            },
        }
    }

    pub(crate) fn tool(name: &str) -> Tool {
        Tool {
            name: name.into(),
            site: site(0),
            origin: ToolOrigin::Known(name.into()),
            sinks: vec![],
            sources: vec![],
            sandboxed: false,
            toolkit: false,
            body_gate: None,
            conditional_gate: None,
            mcp: None,
        }
    }

    #[test]
    fn hints_fill_placeholders_once_and_keep_other_braces() {
        assert_eq!(
            Hints::fill(
                "`{tool}` in {agent}: `interrupt_on={\"{tool}\": True}`",
                "pay",
                "",
                "agent `a`"
            ),
            "`pay` in agent `a`: `interrupt_on={\"pay\": True}`"
        );
        // A name from the analysed code that spells a placeholder is not filled again.
        assert_eq!(
            Hints::fill("{tool} {agent}", "{agent}", "", "x"),
            "{agent} x"
        );
        assert_eq!(Hints::fill("{server}{", "", "s", ""), "s{");
    }

    #[test]
    fn openai_approvals_become_gates_by_strength() {
        use openai_agents::{Approval, Gate as OaiGate, OaiAgent};
        let a = OaiAgent {
            name: "billing".into(),
            site: site(1),
            tools: vec![0, 1, 2],
            unknown_tools: true,
            gates: [
                (
                    0,
                    OaiGate {
                        approval: Approval::Always,
                        site: site(10),
                    },
                ),
                (
                    1,
                    OaiGate {
                        approval: Approval::Conditional,
                        site: site(11),
                    },
                ),
            ]
            .into_iter()
            .collect(),
            user_entries: vec![site(20)],
        };
        let n = openai_agents::neutral_agent(3, &a, "openai-agents", openai_agents::HINTS);
        assert_eq!(n.origin, AgentRef::OpenAi(3));
        assert_eq!(n.tools, vec![ToolId(0), ToolId(1), ToolId(2)]);
        let g = |t| {
            n.gates
                .get(&ToolId(t))
                .map(|g| (g.kind, g.strength, g.site))
        };
        assert_eq!(g(0), Some((GateKind::Approval, Strength::Strong, site(10))));
        assert_eq!(
            g(1),
            Some((GateKind::Approval, Strength::Conditional, site(11)))
        );
        assert_eq!(g(2), None);
        assert!(n.unknown_tools && !n.blanket_gate);
        assert_eq!(n.checkpointer, Checkpointer::NotNeeded);
        assert_eq!(n.entries.len(), 1);
        assert_eq!(n.entries[0].site, site(20));
        assert_eq!(n.label, "agent `billing`");
    }

    #[test]
    fn crewai_agents_merge_task_tools_and_take_hooks_as_gates() {
        use crewai::{CrewAgent, CrewFacts, CrewTask, ToolHook};
        let table = vec![tool("Send Email"), tool("search"), tool("delete_file")];
        let agent = CrewAgent {
            name: "mailer".into(),
            role: Some("Mailer".into()),
            site: site(1),
            tools: vec![1, 0],
            unknown_tools: false,
            delegation: None,
            placeholders: Default::default(),
            class: None,
        };
        let task = CrewTask {
            name: "t".into(),
            site: site(2),
            agent: Some(0),
            context: None,
            tools: vec![2, 1],
            unknown_tools: true,
            human_input: None,
            placeholders: Default::default(),
        };
        // Blocks `send_email` only (CrewAI compares sanitised names); a hook that cannot
        // return False gates nothing.
        let hook = |blocks, at| ToolHook {
            site: site(at),
            name: "h".into(),
            tools: Some(vec![("send_email".into(), site(at))]),
            agents: None,
            blocks,
            class: None,
        };
        let crew = CrewFacts {
            agents: vec![agent],
            tasks: vec![task],
            hooks: vec![hook(false, 30), hook(true, 31)],
            ..Default::default()
        };
        let n = crew.neutral_agent(0, &table);
        assert_eq!(n.tools, vec![ToolId(0), ToolId(1), ToolId(2)]);
        assert!(n.unknown_tools, "a task's unresolved tools are the agent's");
        let gates: Vec<_> = n.gates.iter().map(|(t, g)| (t.0, g.kind, g.site)).collect();
        assert_eq!(gates, vec![(0, GateKind::Hook, site(31))]);
        assert_eq!(n.origin, AgentRef::CrewAi(0));
        assert_eq!(n.framework, "crewai");
    }
}

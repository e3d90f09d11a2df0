//! The facts every rule, the inventory and the project graph read: what the framework adapters
//! (`extract::langgraph`, `extract::crewai`, `extract::openai_agents`, `extract::mcp_server`,
//! `extract::ts_mcp`) found, as plain data. The adapters write these types; nothing that reads
//! them (`rules/`, `inventory.rs`, `graph.rs`, `report/`) imports an adapter (`tests/tidy.rs`
//! checks it).
//!
//! Framework-neutral facts live here: `Site`, tools (`Tool`: capabilities, sinks, sources,
//! gates in the body, the MCP server behind a toolset) and the resumability of an agent's run
//! (`Checkpointer`). What only one framework has is a typed extension in its own module
//! (`langgraph`: graphs, nodes, edges, state; `crewai`: agents, tasks, crews, flows, hooks;
//! `openai_agents`: agents, approvals, handoffs; `mcp_server`: MCP servers written in code).

use crate::extract::body::CapHit;
use crate::extract::interp::{ClassVal, FuncVal};
use crate::model::{FileId, Span};

pub mod crewai;
pub mod langgraph;
pub mod mcp_server;
pub mod openai_agents;

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

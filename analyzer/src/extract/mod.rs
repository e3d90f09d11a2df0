//! Extraction: from parsed files to framework facts (agents, tools, routes, gates, sources, sinks).
//!
//! `interp` evaluates the Python IR of the whole project; `adapters` runs every framework's
//! adapter over it; `tools` is the shared tool table they all fill; `langgraph` reads the
//! resulting objects as LangGraph/LangChain constructs; `body` analyses function bodies (capabilities, argument
//! taint, gate dominance); `crewai` reads CrewAI agents, tasks, crews, flows and hooks, with
//! their YAML configs; `openai_agents` reads OpenAI Agents SDK agents, tools, approvals and
//! handoffs; `mcp_server` and `ts_mcp` read MCP servers defined in Python and
//! TypeScript code (their tools, texts, annotations and capabilities); `mcp_link` links agent
//! code that loads MCP tools to the servers it connects to.

pub mod adapters;
pub mod addresses;
pub mod agent_kit;
pub mod body;
pub mod crewai;
pub mod entries;
pub mod interp;
pub mod js_lower;
pub mod langgraph;
pub mod mcp_link;
pub mod mcp_server;
pub mod openai_agents;
pub mod returns;
pub mod tools;
pub mod ts_mcp;

#[cfg(test)]
mod tests;

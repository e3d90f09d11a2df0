//! Extraction: from parsed files to framework facts (agents, tools, routes, gates, sources, sinks).
//!
//! `interp` evaluates the Python IR of the whole project; `langgraph` reads the resulting objects
//! as LangGraph/LangChain constructs; `body` analyses function bodies (capabilities, argument
//! taint, gate dominance); `mcp_server` reads MCP servers defined in code (their tools, texts,
//! annotations and capabilities); `mcp_link` links agent code that loads MCP tools to the
//! servers it connects to.

pub mod body;
pub mod interp;
pub mod langgraph;
pub mod mcp_link;
pub mod mcp_server;
pub mod ts_mcp;

#[cfg(test)]
mod tests;

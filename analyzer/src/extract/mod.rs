//! Extraction: from parsed files to framework facts (agents, tools, routes, gates, sources, sinks).
//!
//! `interp` evaluates the Python IR of the whole project; `langgraph` reads the resulting objects
//! as LangGraph/LangChain constructs; `body` analyses function bodies (capabilities, argument
//! taint, gate dominance).

pub mod body;
pub mod interp;
pub mod langgraph;

#[cfg(test)]
mod tests;

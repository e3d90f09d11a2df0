//! Extraction: from parsed files to framework facts (agents, tools, routes, gates, sources, sinks).
//!
//! `interp` evaluates the Python IR of the whole project; `langgraph` reads the resulting objects
//! as LangGraph/LangChain constructs; `body` analyses function bodies (capabilities, argument
//! taint, gate dominance); `crewai` reads CrewAI agents, tasks, crews, flows and hooks, with
//! their YAML configs.

pub mod body;
pub mod crewai;
pub mod interp;
pub mod langgraph;

#[cfg(test)]
mod tests;

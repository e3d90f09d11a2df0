//! Reports about the agents rather than findings: the inventory (table, JSON, CycloneDX), the
//! agent graph (Mermaid, dot, self-contained HTML) and the capability diff between revisions.

pub mod csp;
pub mod diff;
pub mod graph;
pub mod inventory;

//! airlock's analysis library: files in, findings out.
//!
//! The pipeline is `discover` → `syntax` (parse, in parallel) → `extract` (evaluate the
//! project, read framework facts) → `rules` → per-file ignores and suppressions (`suppress`) → sorted `Finding`s; `analysis::analyze` runs it.
//! See ARCHITECTURE.md.

pub mod analysis;
pub mod baseline;
pub mod bounds;
pub mod config;
pub mod diagnostics;
pub mod discover;
pub mod escape;
pub mod extract;
pub mod facts;
pub mod graph;
pub mod hash;
pub mod inventory;
pub mod knowledge;
pub mod mcp;
pub mod model;
pub mod project;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod syntax;
pub mod testcode;

//! airlock's analysis library: files in, findings out.
//!
//! The pipeline is `discover` → `syntax` (parse, in parallel) → `extract` (per-file facts) →
//! `resolve` (across files) → `graph` → `taint` → `rules` → sorted `Finding`s. See ARCHITECTURE.md.

pub mod diagnostics;
pub mod discover;
pub mod knowledge;
pub mod model;
pub mod rules;
pub mod syntax;

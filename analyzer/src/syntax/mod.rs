//! Parsing: tree-sitter for Python (TypeScript ready to plug in), YAML and JSON with spans. Parsing never fails: errors become data.
pub mod json;
pub mod python;
pub mod tree;
pub mod typescript;
pub mod yaml;

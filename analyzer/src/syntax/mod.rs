//! Parsing: tree-sitter for Python (TypeScript ready to plug in), YAML, JSON and TOML with spans. Parsing never fails: errors become data.
pub mod json;
pub mod python;
pub mod strings;
pub mod toml;
pub mod tree;
pub mod typescript;
pub mod yaml;

/// The first three ERROR / MISSING nodes of a tree-sitter tree, as `(span, message)`, found with
/// an explicit cursor walk (no recursion) that only descends into subtrees holding an error.
pub fn syntax_errors(root: tree_sitter::Node, out: &mut Vec<(crate::model::Span, String)>) {
    let mut cursor = root.walk();
    let mut found = 0;
    'walk: loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let what = if node.is_missing() {
                format!("syntax error: missing `{}`", node.kind())
            } else {
                "syntax error".to_string()
            };
            out.push((
                crate::model::Span::new(node.start_byte(), node.end_byte()),
                what,
            ));
            found += 1;
            if found >= 3 {
                return;
            }
        } else if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                continue 'walk;
            }
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
}

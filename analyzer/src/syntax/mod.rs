//! Parsing: tree-sitter for Python (TypeScript ready to plug in), YAML, JSON and TOML with spans. Parsing never fails: errors become data.
pub mod json;
pub mod notebook;
pub mod python;
pub mod strings;
pub mod toml;
pub mod tree;
pub mod typescript;
pub mod yaml;

/// The parser's work budget for one file, counted in tree-sitter's progress checks (one per
/// 100 parse operations), never in time: a file gets [`PARSE_FUEL_BASE`] checks plus
/// [`PARSE_FUEL_PER_BYTE`] per byte of source (thousands of operations per byte, far beyond
/// what any real file needs, while a pathological file that would make the parser branch
/// without end stops). The same file therefore gets the same answer on any machine, under any
/// load and with any thread count.
pub const PARSE_FUEL_BASE: u64 = 100_000;
/// See [`PARSE_FUEL_BASE`].
pub const PARSE_FUEL_PER_BYTE: u64 = 20;

/// The parse fuel for a file of `len` bytes; `AIRLOCK_PARSE_FUEL`, when set, is a fixed cap
/// instead (the robustness tests lower it to prove the mechanism).
pub fn parse_fuel(len: usize) -> u64 {
    static FIXED: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let fixed = *FIXED.get_or_init(|| {
        std::env::var("AIRLOCK_PARSE_FUEL")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
    });
    fixed.unwrap_or_else(|| {
        PARSE_FUEL_BASE.saturating_add(PARSE_FUEL_PER_BYTE.saturating_mul(len as u64))
    })
}

/// Parses `text` with `parser`, giving up once the file's [`parse_fuel`] is spent, so one
/// pathological file cannot stall the run. The error is the message for the file's notice.
pub fn parse_within_budget(
    parser: &mut tree_sitter::Parser,
    text: &str,
) -> Result<tree_sitter::Tree, String> {
    let fuel = parse_fuel(text.len());
    let mut spent: u64 = 0;
    let mut over = false;
    let mut progress = |_: &tree_sitter::ParseState| {
        spent += 1;
        if spent > fuel {
            over = true;
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    };
    let bytes = text.as_bytes();
    let tree = parser.parse_with_options(
        &mut |i, _| bytes.get(i..).unwrap_or(&[]),
        None,
        Some(tree_sitter::ParseOptions::new().progress_callback(&mut progress)),
    );
    // A cancelled parse leaves the parser mid-document; the next file starts afresh.
    parser.reset();
    match tree {
        Some(t) => Ok(t),
        None if over => Err(format!(
            "parsing needed more than the per-file budget of {fuel} parser steps \
             ({PARSE_FUEL_BASE} + {PARSE_FUEL_PER_BYTE} per byte); file skipped"
        )),
        None => Err("parser gave up on this file".into()),
    }
}

/// The named children of `n`, comments left out (the lowerers' view of a node).
pub(crate) fn named_children(n: tree_sitter::Node<'_>) -> Vec<tree_sitter::Node<'_>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|c| c.kind() != "comment")
        .collect()
}

/// The lowerers' depth cap: true when `depth` reached `max`. The first time in a file it adds
/// the notice that deeper code is not analysed (`reported` remembers that it did).
pub(crate) fn too_deep(
    n: tree_sitter::Node,
    depth: u32,
    max: u32,
    reported: &mut bool,
    issues: &mut Vec<(crate::model::Span, String)>,
) -> bool {
    if depth < max {
        return false;
    }
    if !*reported {
        *reported = true;
        issues.push((
            crate::model::Span::new(n.start_byte(), n.end_byte()),
            format!("code nested deeper than {max} levels is not analysed"),
        ));
    }
    true
}

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

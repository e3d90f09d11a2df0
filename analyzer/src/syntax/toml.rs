//! TOML into the spanned [`Node`] tree, for the few configs written in TOML (Codex's
//! `config.toml`). The `toml` crate's span-keeping document parser does the parsing; this
//! module converts its values, capped at [`MAX_DEPTH`] levels so no file can drive the
//! conversion's recursion deep.

use crate::model::Span;
use crate::syntax::tree::{Node, ParseIssue, Value};
use ::toml::de::{DeTable, DeValue};
use ::toml::Spanned;

/// Deepest nesting converted; deeper values become null with an issue.
pub const MAX_DEPTH: usize = 64;

/// Parses one TOML document. Errors are reported with their span and the parser's message,
/// which names what was expected, never the text found; what could be recovered is returned.
pub fn parse_toml(text: &str) -> (Option<Node>, Vec<ParseIssue>) {
    let (table, errors) = DeTable::parse_recoverable(text);
    let mut issues: Vec<ParseIssue> = errors
        .iter()
        .map(|e| {
            let r = e.span().unwrap_or(0..0);
            let message = e.message().lines().next().unwrap_or("").trim();
            ParseIssue::new(
                Span::new(r.start, r.end),
                format!("invalid toml: {}", message.trim_end_matches('.')),
            )
        })
        .collect();
    let span = table.span();
    let root = table_node(
        table.get_ref(),
        Span::new(span.start, span.end),
        0,
        &mut issues,
    );
    (Some(root), issues)
}

fn table_node(t: &DeTable<'_>, span: Span, depth: usize, issues: &mut Vec<ParseIssue>) -> Node {
    let mut entries = Vec::with_capacity(t.len());
    for (k, v) in t.iter() {
        let ks = k.span();
        let key = Node::new(
            Span::new(ks.start, ks.end),
            Value::String(k.get_ref().to_string()),
        );
        entries.push((key, value_node(v, depth + 1, issues)));
    }
    Node::new(span, Value::Map(entries))
}

fn value_node(v: &Spanned<DeValue<'_>>, depth: usize, issues: &mut Vec<ParseIssue>) -> Node {
    let r = v.span();
    let span = Span::new(r.start, r.end);
    if depth > MAX_DEPTH {
        if !issues.iter().any(|i| i.message.starts_with("toml nesting")) {
            issues.push(ParseIssue::new(
                span,
                format!("toml nesting deeper than {MAX_DEPTH} levels; deeper content skipped"),
            ));
        }
        return Node::new(span, Value::Null);
    }
    let value = match v.get_ref() {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => Value::Number(i.as_str().to_string()),
        DeValue::Float(f) => Value::Number(f.as_str().to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Seq(
            items
                .iter()
                .map(|i| value_node(i, depth + 1, issues))
                .collect(),
        ),
        DeValue::Table(t) => return table_node(t, span, depth, issues),
    };
    Node::new(span, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_key_and_value_spans() {
        let text = "[mcp_servers.github]\ncommand = \"npx\"\nargs = [\"-y\", \"pkg\"]\n";
        let (root, issues) = parse_toml(text);
        assert!(issues.is_empty(), "{issues:?}");
        let root = root.expect("root");
        let gh = root
            .get("mcp_servers")
            .and_then(|m| m.get("github"))
            .expect("server");
        let cmd = gh.get("command").expect("command");
        assert_eq!(&text[cmd.span.range()], "\"npx\"");
        let args = gh.get("args").and_then(Node::as_seq).expect("args");
        assert_eq!(args[1].as_str(), Some("pkg"));
        let key = root
            .get("mcp_servers")
            .expect("table")
            .entries()
            .iter()
            .find(|(k, _)| k.as_str() == Some("github"))
            .map(|(k, _)| &text[k.span.range()]);
        assert_eq!(key, Some("github"));
    }

    #[test]
    fn errors_do_not_echo_the_text() {
        let text = "[a]\nkey = ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo\n";
        let (_, issues) = parse_toml(text);
        assert!(!issues.is_empty());
        for i in &issues {
            assert!(!i.message.contains("ghp_"), "{}", i.message);
        }
    }

    #[test]
    fn deep_nesting_is_capped() {
        let depth = 200;
        let text = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let (root, _) = crate::syntax::tree::on_small_stack(move || parse_toml(&text));
        assert!(root.is_some());
    }
}

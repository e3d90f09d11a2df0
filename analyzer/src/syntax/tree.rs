//! The data tree that YAML and JSON parse into: plain values with byte spans, so config
//! extractors can point findings at the exact key or value in the file.
//!
//! Trees are built without recursion, but Rust's derived `Drop`, `Clone`, `Debug` and
//! `PartialEq` recurse once per nesting level. The parsers therefore never build a tree
//! deeper than [`Budget::max_depth`], which must stay in the thousands at most.

use crate::model::Span;

/// One value of a YAML or JSON document, with the byte span it covers in the file's text.
///
/// A mapping's span runs from its first byte (`{`, an anchor, or its first key) to its last
/// (`}` or the end of its last value); a string's span includes its quotes.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
    /// The YAML anchor (`&name`) attached to this node, without the `&`. Always `None` in JSON.
    pub anchor: Option<String>,
}

/// What a [`Node`] holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written in the file (`1e3`, `0x1F`, `.inf`), never converted.
    Number(String),
    String(String),
    Seq(Vec<Node>),
    /// Entries in file order; duplicate keys are all kept.
    Map(Vec<(Node, Node)>),
    /// A YAML alias (`*name`), holding the anchor name. Aliases are never expanded, so an
    /// alias bomb costs one node per alias; use [`Node::resolve_alias`] to look one up.
    Alias(String),
}

impl Node {
    pub fn new(span: Span, value: Value) -> Node {
        Node {
            span,
            value,
            anchor: None,
        }
    }

    /// The value of the last entry of a mapping whose key is the string or number `key`.
    /// The last one wins, as in `JSON.parse` and most YAML loaders.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()
            .iter()
            .rev()
            .find(|(k, _)| k.scalar_text() == Some(key))
            .map(|(_, v)| v)
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a string or number value, as written.
    pub fn scalar_text(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) | Value::Number(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The entries of a mapping, or nothing when this is not a mapping.
    pub fn entries(&self) -> &[(Node, Node)] {
        self.as_map().unwrap_or(&[])
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The anchor name when this node is a YAML alias.
    pub fn as_alias(&self) -> Option<&str> {
        match &self.value {
            Value::Alias(name) => Some(name),
            _ => None,
        }
    }

    /// A short name for the kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Seq(_) => "sequence",
            Value::Map(_) => "mapping",
            Value::Alias(_) => "alias",
        }
    }

    /// This node and every node under it, in document order (keys before their values).
    pub fn descendants(&self) -> Descendants<'_> {
        Descendants { stack: vec![self] }
    }

    /// The node an alias under this document root refers to: the last node anchored with the
    /// alias's name that starts before the alias. Returns `alias` itself when it is no alias.
    pub fn resolve_alias<'a>(&'a self, alias: &'a Node) -> Option<&'a Node> {
        let Some(name) = alias.as_alias() else {
            return Some(alias);
        };
        self.descendants()
            .filter(|n| n.anchor.as_deref() == Some(name) && n.span.start < alias.span.start)
            .max_by_key(|n| n.span.start)
    }
}

/// Pre-order iterator over a tree, driven by an explicit stack.
pub struct Descendants<'a> {
    stack: Vec<&'a Node>,
}

impl<'a> Iterator for Descendants<'a> {
    type Item = &'a Node;

    fn next(&mut self) -> Option<&'a Node> {
        let node = self.stack.pop()?;
        match &node.value {
            Value::Seq(items) => self.stack.extend(items.iter().rev()),
            Value::Map(entries) => {
                for (k, v) in entries.iter().rev() {
                    self.stack.push(v);
                    self.stack.push(k);
                }
            }
            _ => {}
        }
        Some(node)
    }
}

/// Limits that keep a hostile file cheap to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Deepest nesting of sequences and mappings kept; deeper content is skipped with an issue.
    pub max_depth: usize,
    /// Most nodes built per document (JSON) or per stream (YAML) before parsing stops.
    pub max_nodes: usize,
    /// Most YAML aliases per stream before parsing stops.
    pub max_aliases: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_depth: 512,
            max_nodes: 1_000_000,
            max_aliases: 10_000,
        }
    }
}

/// A problem found while parsing. Parsing goes on or stops, but never fails: what was built
/// before the problem is returned alongside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseIssue {
    pub span: Span,
    /// Lowercase, no trailing period.
    pub message: String,
}

impl ParseIssue {
    pub fn new(span: Span, message: impl Into<String>) -> ParseIssue {
        ParseIssue {
            span,
            message: message.into(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn s(start: usize, end: usize, text: &str) -> Node {
        Node::new(Span::new(start, end), Value::String(text.to_string()))
    }

    #[test]
    fn get_returns_last_duplicate_and_entries_is_empty_for_non_maps() {
        let map = Node::new(
            Span::new(0, 10),
            Value::Map(vec![
                (s(0, 1, "a"), s(2, 3, "x")),
                (s(4, 5, "a"), s(6, 7, "y")),
            ]),
        );
        assert_eq!(map.get("a").and_then(Node::as_str), Some("y"));
        assert!(map.get("b").is_none());
        assert!(s(0, 1, "a").entries().is_empty());
        assert_eq!(map.descendants().count(), 5);
    }

    #[test]
    fn resolve_alias_finds_the_preceding_anchor() {
        let mut anchored = s(3, 4, "v");
        anchored.anchor = Some("x".into());
        let alias = Node::new(Span::new(8, 10), Value::Alias("x".into()));
        let root = Node::new(
            Span::new(0, 10),
            Value::Map(vec![
                (s(0, 1, "a"), anchored),
                (s(6, 7, "b"), alias.clone()),
            ]),
        );
        let resolved = root.resolve_alias(&alias);
        assert_eq!(resolved.and_then(Node::as_str), Some("v"));
    }

    /// Deterministic mutations of a seed text, for no-panic tests of the parsers.
    pub(crate) fn mutations(seed: &str, count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"",
            "'",
            "\\",
            "\\u",
            "\\ud800",
            "/*",
            "//",
            "*/",
            "\n",
            "\t",
            " ",
            "- ",
            "? ",
            "&a ",
            "*a",
            "!t ",
            "!!str ",
            "---\n",
            "...\n",
            "|",
            ">-",
            "#",
            "é",
            "😀",
            "\u{feff}",
            "\r\n",
            "%YAML 1.2\n",
            "0x",
            "-1e5",
            "null",
            "true",
            "%",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound.max(1) as u64) as usize
        };
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let mut text: Vec<char> = seed.chars().collect();
            for _ in 0..1 + next(4) {
                let at = next(text.len() + 1);
                match next(3) {
                    0 if at < text.len() => {
                        let len = next(8).min(text.len() - at);
                        text.drain(at..at + len);
                    }
                    _ => {
                        let piece = PIECES[next(PIECES.len())];
                        for (i, c) in piece.chars().enumerate() {
                            text.insert(at + i, c);
                        }
                    }
                }
            }
            out.push(text.into_iter().collect());
        }
        out
    }
}

/// How many nodes a YAML document would have if its aliases were expanded, saturating at
/// `u64::MAX`. Computed in post-order with an explicit stack; aliases refer to anchors that
/// completed earlier, so one pass suffices. A large value means an alias bomb: airlock keeps
/// the aliases unexpanded and says so.
pub fn expanded_size(root: &Node) -> u64 {
    use std::collections::HashMap;
    let mut anchors: HashMap<&str, u64> = HashMap::new();
    // (node, children pushed?) pairs; sizes of finished children accumulate on `sums`.
    let mut stack: Vec<(&Node, bool)> = vec![(root, false)];
    let mut sums: Vec<u64> = vec![0];
    while let Some((node, expanded)) = stack.pop() {
        if !expanded {
            let children: Vec<&Node> = match &node.value {
                Value::Seq(xs) => xs.iter().collect(),
                Value::Map(kv) => kv.iter().flat_map(|(k, v)| [k, v]).collect(),
                _ => vec![],
            };
            if children.is_empty() {
                let own = match &node.value {
                    Value::Alias(name) => anchors.get(name.as_str()).copied().unwrap_or(1),
                    _ => 1,
                };
                if let Some(a) = &node.anchor {
                    anchors.insert(a.as_str(), own);
                }
                if let Some(top) = sums.last_mut() {
                    *top = top.saturating_add(own);
                }
                continue;
            }
            stack.push((node, true));
            sums.push(0);
            for c in children.into_iter().rev() {
                stack.push((c, false));
            }
        } else {
            let inner = sums.pop().unwrap_or(0);
            let own = inner.saturating_add(1);
            if let Some(a) = &node.anchor {
                anchors.insert(a.as_str(), own);
            }
            if let Some(top) = sums.last_mut() {
                *top = top.saturating_add(own);
            }
        }
    }
    sums.pop().unwrap_or(0)
}

/// Runs `f` on a thread with a 2 MiB stack, proving it does not recurse per nesting level.
#[cfg(test)]
pub(crate) fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .name("small-stack".into())
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

#[cfg(test)]
mod expansion_tests {
    use super::*;
    use crate::syntax::yaml::parse_yaml;

    #[test]
    fn alias_bombs_are_measured_without_expanding() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            src.push_str(&format!(
                "{c}: &{c} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
            prev = c;
        }
        let (docs, _) = parse_yaml(&src, &Budget::default());
        let size = expanded_size(&docs[0]);
        assert!(size > 387_000_000, "{size}");
        let (docs, _) = parse_yaml("a: &x [1, 2]\nb: *x\n", &Budget::default());
        // map + key a + [1, 2] (3 nodes) + key b + *x (3 nodes).
        assert_eq!(expanded_size(&docs[0]), 1 + 1 + 3 + 1 + 3);
    }
}

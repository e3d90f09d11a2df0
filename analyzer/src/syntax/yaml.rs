//! YAML into spanned [`Node`] trees, one per document, for agent, MCP and CI configs.
//!
//! Built from `saphyr-parser` events with an explicit stack: no recursion that a file's
//! nesting can drive. Aliases stay [`Value::Alias`] and are never expanded, so an alias bomb
//! costs one node per alias. saphyr reports positions in characters; they are converted to
//! byte offsets into `text` (a leading BOM counts like any other character).
//!
//! saphyr itself refuses flow collections (`[`, `{`) nested more than 255 levels deep with a
//! scan error; block collections are unbounded there and are cut at [`Budget::max_depth`].

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use saphyr_parser::{Event, Parser, ScalarStyle, Tag};

use crate::model::Span;
use crate::syntax::tree::{Budget, Node, ParseIssue, Value};

/// Parses every document of a YAML stream. A scan error stops the stream: the document it
/// occurred in is returned as far as it was built, later documents are not.
pub fn parse_yaml(text: &str, budget: &Budget) -> (Vec<Node>, Vec<ParseIssue>) {
    // saphyr is third-party code; a panic in it must cost this file, not the whole run.
    catch_unwind(AssertUnwindSafe(|| build(text, budget))).unwrap_or_else(|_| {
        let issue = ParseIssue::new(
            Span::new(0, 0),
            "yaml parser failed on this file (internal error); file skipped",
        );
        (Vec::new(), vec![issue])
    })
}

fn build(text: &str, budget: &Budget) -> (Vec<Node>, Vec<ParseIssue>) {
    let mut builder = Builder {
        text,
        offsets: Offsets::new(text),
        budget,
        issues: Vec::new(),
        docs: Vec::new(),
        stack: Vec::new(),
        root: None,
        anchors: HashMap::new(),
        nodes: 0,
        aliases: 0,
        skip: 0,
        skip_start: 0,
        depth_reported: false,
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(result) = parser.next_event() {
        match result {
            Ok((event, span)) => {
                let start = builder.offsets.byte(span.start.index());
                let end = builder.offsets.byte(span.end.index()).max(start);
                if !builder.event(event, start, end) {
                    break;
                }
            }
            Err(error) => {
                let at = builder.offsets.byte(error.marker().index());
                let width = text
                    .get(at..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
                let mut message = format!("invalid yaml: {}", error.info());
                if error.info() == "recursion limit exceeded" {
                    message.push_str(" (flow collections nested more than 255 levels deep)");
                }
                let info = error.info();
                if info.contains("did not find expected key")
                    || info.contains("mapping values are not allowed")
                    || info.contains("did not find expected '-'")
                {
                    message.push_str(" (check the indentation of this line and the one before)");
                }
                builder
                    .issues
                    .push(ParseIssue::new(Span::new(at, at + width), message));
                builder.finish_document();
                break;
            }
        }
    }
    builder.finish_document();
    (builder.docs, builder.issues)
}

/// A sequence or mapping still open on the explicit stack.
struct Frame {
    is_map: bool,
    start: usize,
    /// End of the start event's span (`[`, `{`, or the anchor/tag before a block collection).
    head_end: usize,
    anchor: Option<String>,
    /// For a mapping, keys and values alternate.
    items: Vec<Node>,
}

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets<'a>,
    budget: &'a Budget,
    issues: Vec<ParseIssue>,
    docs: Vec<Node>,
    stack: Vec<Frame>,
    root: Option<Node>,
    /// saphyr's anchor ids to the names written in the file.
    anchors: HashMap<usize, String>,
    nodes: usize,
    aliases: usize,
    /// How many collections deep we are inside content skipped for being too deep; 0 when
    /// not skipping.
    skip: usize,
    skip_start: usize,
    depth_reported: bool,
}

impl Builder<'_> {
    /// Handles one event spanning bytes `start..end`. Returns false to stop the stream.
    fn event(&mut self, event: Event<'_>, start: usize, end: usize) -> bool {
        if self.skip > 0 {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skip += 1,
                Event::SequenceEnd | Event::MappingEnd => {
                    self.skip -= 1;
                    if self.skip == 0 {
                        let span = Span::new(self.skip_start, end.max(self.skip_start));
                        self.attach(Node::new(span, Value::Null));
                    }
                }
                Event::StreamEnd => return false,
                _ => {}
            }
            return true;
        }
        match event {
            Event::Nothing | Event::StreamStart => {}
            Event::StreamEnd => return false,
            Event::DocumentStart(_) => self.finish_document(),
            Event::DocumentEnd => self.finish_document(),
            Event::Alias(id) => {
                self.aliases += 1;
                if self.aliases > self.budget.max_aliases {
                    self.issues.push(ParseIssue::new(
                        Span::new(start, end),
                        format!(
                            "yaml alias budget exceeded ({} aliases); document truncated",
                            self.aliases
                        ),
                    ));
                    self.finish_document();
                    return false;
                }
                if !self.count_node(start) {
                    return false;
                }
                let name = match self.anchors.get(&id) {
                    Some(name) => name.clone(),
                    None => self
                        .text
                        .get(start..end)
                        .unwrap_or("")
                        .trim_start_matches('*')
                        .to_string(),
                };
                self.attach(Node::new(Span::new(start, end), Value::Alias(name)));
            }
            Event::Scalar(text, style, anchor_id, tag) => {
                if !self.count_node(start) {
                    return false;
                }
                let value = resolve_scalar(&text, style, tag.as_deref());
                let mut node = Node::new(Span::new(start, end), value);
                node.anchor = self.anchor(anchor_id, start);
                self.attach(node);
            }
            Event::SequenceStart(anchor_id, _) | Event::MappingStart(anchor_id, _) => {
                if !self.count_node(start) {
                    return false;
                }
                if self.stack.len() >= self.budget.max_depth {
                    if !self.depth_reported {
                        self.depth_reported = true;
                        self.issues.push(ParseIssue::new(
                            Span::new(start, end),
                            format!(
                                "yaml nesting deeper than {} levels; deeper content skipped",
                                self.budget.max_depth
                            ),
                        ));
                    }
                    self.skip = 1;
                    self.skip_start = start;
                    return true;
                }
                let is_map = matches!(event, Event::MappingStart(..));
                let anchor = self.anchor(anchor_id, start);
                self.stack.push(Frame {
                    is_map,
                    start,
                    head_end: end,
                    anchor,
                    items: Vec::new(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    // Block collections end with an empty span at the next token, which may
                    // lie lines further down; they end with their last item instead.
                    let close = (end > start).then_some(end);
                    let node = close_frame(frame, close);
                    self.attach(node);
                }
            }
        }
        true
    }

    /// Closes every open collection, stores the document built so far and starts afresh.
    fn finish_document(&mut self) {
        while let Some(frame) = self.stack.pop() {
            let node = close_frame(frame, None);
            self.attach(node);
        }
        if let Some(root) = self.root.take() {
            self.docs.push(root);
        }
        self.skip = 0;
    }

    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(frame) => frame.items.push(node),
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    /// The name of the anchor with saphyr id `id` on the node starting at byte `start`.
    fn anchor(&mut self, id: usize, start: usize) -> Option<String> {
        if id == 0 {
            return None;
        }
        let name = anchor_name_at(self.text, start).unwrap_or_else(|| format!("anchor-{id}"));
        self.anchors.insert(id, name.clone());
        Some(name)
    }

    fn count_node(&mut self, at: usize) -> bool {
        self.nodes += 1;
        if self.nodes > self.budget.max_nodes {
            self.issues.push(ParseIssue::new(
                Span::new(at, at),
                format!(
                    "yaml document too large (more than {} nodes); document truncated",
                    self.budget.max_nodes
                ),
            ));
            self.finish_document();
            return false;
        }
        true
    }
}

/// Turns a collection into a node. It ends at `close` (the end of `]` or `}`) when given,
/// else at the end of its last item.
fn close_frame(frame: Frame, close: Option<usize>) -> Node {
    let last_end = frame
        .items
        .last()
        .map_or(frame.head_end, |n| n.span.end as usize);
    let end = close
        .unwrap_or(last_end.max(frame.head_end))
        .max(frame.start);
    let value = if frame.is_map {
        let mut entries = Vec::with_capacity(frame.items.len() / 2);
        let mut items = frame.items.into_iter();
        while let Some(key) = items.next() {
            let value = items.next().unwrap_or_else(|| {
                let at = key.span.end as usize;
                Node::new(Span::new(at, at), Value::Null)
            });
            entries.push((key, value));
        }
        Value::Map(entries)
    } else {
        Value::Seq(frame.items)
    };
    Node {
        span: Span::new(frame.start, end),
        value,
        anchor: frame.anchor,
    }
}

/// Reads `&name` at `start`, possibly after a tag (`!tag &name`).
fn anchor_name_at(text: &str, start: usize) -> Option<String> {
    let mut rest = text.get(start..)?;
    for _ in 0..2 {
        if let Some(after) = rest.strip_prefix('&') {
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
                .collect();
            return (!name.is_empty()).then_some(name);
        }
        if rest.starts_with('!') {
            let tag_len = rest.find(char::is_whitespace)?;
            rest = rest.get(tag_len..)?.trim_start();
            continue;
        }
        break;
    }
    None
}

/// Types a scalar by the YAML 1.2 core schema: only plain scalars can be null, booleans or
/// numbers, unless a core tag says otherwise.
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    if let Some(tag) = tag {
        if tag.is_yaml_core_schema() {
            match tag.suffix.as_str() {
                "null" => return Value::Null,
                "bool" => {
                    if let Some(b) = core_bool(text) {
                        return Value::Bool(b);
                    }
                }
                "int" | "float" => return Value::Number(text.to_string()),
                _ => {}
            }
        }
        return Value::String(text.to_string());
    }
    if style != ScalarStyle::Plain {
        return Value::String(text.to_string());
    }
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = core_bool(text) {
        return Value::Bool(b);
    }
    if is_yaml_number(text) {
        return Value::Number(text.to_string());
    }
    Value::String(text.to_string())
}

fn core_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Whether a plain scalar is an int or float of the YAML 1.2 core schema.
fn is_yaml_number(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit());
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let b = body.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    let int_digits = digits(&mut i);
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digits(&mut i);
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Converts saphyr's character indices to byte offsets. ASCII text needs no table; other
/// text keeps the byte offset of every 64th character and walks at most 63 characters.
struct Offsets<'a> {
    text: &'a str,
    checkpoints: Option<Vec<u32>>,
}

const CHECKPOINT_STEP: usize = 64;

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Offsets<'a> {
        let checkpoints = (!text.is_ascii()).then(|| {
            text.char_indices()
                .step_by(CHECKPOINT_STEP)
                .map(|(byte, _)| byte as u32)
                .collect()
        });
        Offsets { text, checkpoints }
    }

    fn byte(&self, char_index: usize) -> usize {
        let len = self.text.len();
        let Some(checkpoints) = &self.checkpoints else {
            return char_index.min(len);
        };
        let Some(&base) = checkpoints.get(char_index / CHECKPOINT_STEP) else {
            return len;
        };
        let base = base as usize;
        self.text
            .get(base..)
            .and_then(|rest| rest.char_indices().nth(char_index % CHECKPOINT_STEP))
            .map_or(len, |(i, _)| base + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineIndex;
    use std::time::{Duration, Instant};

    const N_MUTATIONS: usize = 3_000;

    fn parse(text: &str) -> (Vec<Node>, Vec<ParseIssue>) {
        parse_yaml(text, &Budget::default())
    }

    fn parse_one(text: &str) -> Node {
        let (mut docs, issues) = parse(text);
        assert!(issues.is_empty(), "unexpected issues: {issues:?}");
        assert_eq!(docs.len(), 1, "{docs:?}");
        docs.remove(0)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    #[test]
    fn spans_of_keys_and_values() {
        let text = "name: café agent\ntools:\n  - search\n  - \"pay ü\"\nconfig: {retries: 3, safe: true, x: ~}\n";
        let doc = parse_one(text);
        let lines = LineIndex::new(text);
        let (name_key, name) = &doc.entries()[0];
        assert_eq!(at(text, name_key.span), "name");
        assert_eq!(name.as_str(), Some("café agent"));
        assert_eq!(at(text, name.span), "café agent");
        let tools = doc.get("tools").expect("tools");
        let items = tools.as_seq().expect("seq");
        assert_eq!(at(text, items[1].span), "\"pay ü\"");
        assert_eq!(items[1].as_str(), Some("pay ü"));
        assert_eq!(lines.line_col(items[1].span.start), (4, 5));
        assert_eq!(at(text, tools.span), "- search\n  - \"pay ü\"");
        let config = doc.get("config").expect("config");
        assert_eq!(at(text, config.span), "{retries: 3, safe: true, x: ~}");
        assert_eq!(
            config.get("retries").map(|n| &n.value),
            Some(&Value::Number("3".into()))
        );
        assert_eq!(config.get("safe").and_then(Node::as_bool), Some(true));
        assert!(config.get("x").is_some_and(Node::is_null));
        let retries = config.get("retries").expect("retries");
        assert_eq!(lines.line_col(retries.span.start), (5, 19));
        assert_eq!(at(text, doc.span), text.trim_end());
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let doc = parse_one(
            "a: '1'\nb: 0x1F\nc: yes\nd: !!str 12\ne: .inf\nf: 1.5e3\ng: !Ref x\nh: |\n  line\n",
        );
        let value = |k: &str| doc.get(k).map(|n| n.value.clone());
        assert_eq!(value("a"), Some(Value::String("1".into())));
        assert_eq!(value("b"), Some(Value::Number("0x1F".into())));
        assert_eq!(value("c"), Some(Value::String("yes".into())));
        assert_eq!(value("d"), Some(Value::String("12".into())));
        assert_eq!(value("e"), Some(Value::Number(".inf".into())));
        assert_eq!(value("f"), Some(Value::Number("1.5e3".into())));
        assert_eq!(value("g"), Some(Value::String("x".into())));
        assert_eq!(value("h"), Some(Value::String("line\n".into())));
    }

    #[test]
    fn anchors_and_aliases_are_kept_not_expanded() {
        let text = "base: &defaults {model: gpt, temp: 0}\nagent:\n  cfg: *defaults\n  tag: !t &named v\n  again: *named\n";
        let doc = parse_one(text);
        let base = doc.get("base").expect("base");
        assert_eq!(base.anchor.as_deref(), Some("defaults"));
        assert_eq!(at(text, base.span), "&defaults {model: gpt, temp: 0}");
        let agent = doc.get("agent").expect("agent");
        let alias = agent.get("cfg").expect("cfg");
        assert_eq!(alias.as_alias(), Some("defaults"));
        assert_eq!(at(text, alias.span), "*defaults");
        let resolved = doc.resolve_alias(alias).expect("resolved");
        assert_eq!(resolved.get("model").and_then(Node::as_str), Some("gpt"));
        assert_eq!(
            agent.get("tag").and_then(|n| n.anchor.as_deref()),
            Some("named")
        );
        assert_eq!(agent.get("again").and_then(Node::as_alias), Some("named"));
    }

    #[test]
    fn multiple_documents() {
        let text = "---\na: 1\n---\n- x\n- y\n...\n--- plain\n---\n";
        let (docs, issues) = parse(text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(docs.len(), 4);
        assert_eq!(
            docs[0].get("a").map(|n| &n.value),
            Some(&Value::Number("1".into()))
        );
        assert_eq!(docs[1].as_seq().map(<[Node]>::len), Some(2));
        assert_eq!(docs[2].as_str(), Some("plain"));
        assert!(docs[3].is_null());
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_col(docs[1].span.start), (4, 1));
        assert!(parse("").0.is_empty());
        assert!(parse("# only a comment\n").0.is_empty());
    }

    #[test]
    fn invalid_input_reports_issue_and_keeps_partial_tree() {
        let text = "ok: 1\nlist: [a, {b: c}\nnext: 2\n";
        let (docs, issues) = parse(text);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert!(
            issues[0].message.starts_with("invalid yaml: "),
            "{issues:?}"
        );
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_col(issues[0].span.start).0, 3);
        let doc = &docs[0];
        assert!(doc.get("ok").is_some());
        // saphyr scans ahead, so the error surfaces before `{b: c}` is delivered.
        assert_eq!(
            doc.get("list").and_then(Node::as_seq).map(<[Node]>::len),
            Some(1)
        );

        for bad in [
            "a: b: c",
            "- a\nb: c",
            "*unknown",
            "[",
            "{a: [}",
            "a: 'unterminated",
            "&a &b x",
            "key: \"\\q\"",
            "%YAML 1.2\n%YAML 1.2\n---\n",
            "key: [a\n",
            "a:\n  - b\n c: d",
            "- é: [ü",
        ] {
            let (_, issues) = parse(bad);
            assert!(!issues.is_empty(), "no issue for {bad:?}");
            for issue in &issues {
                assert!(issue.span.end as usize <= bad.len(), "{bad:?}: {issue:?}");
                assert!(bad.is_char_boundary(issue.span.start as usize), "{bad:?}");
                assert!(bad.is_char_boundary(issue.span.end as usize), "{bad:?}");
            }
        }
    }

    #[test]
    fn char_positions_become_byte_offsets() {
        let long = "é".repeat(200);
        let text = format!("\u{feff}k: {long}\nü: [x, 'ÿ']\n");
        let (docs, issues) = parse(&text);
        assert!(issues.is_empty(), "{issues:?}");
        let doc = &docs[0];
        let k = doc.get("k").expect("k");
        assert_eq!(at(&text, k.span), long);
        let list = doc.get("ü").and_then(Node::as_seq).expect("list");
        assert_eq!(at(&text, list[1].span), "'ÿ'");
        let offsets = Offsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.byte(ci), bi);
        }
        assert_eq!(offsets.byte(text.chars().count()), text.len());
        assert_eq!(offsets.byte(usize::MAX), text.len());
    }

    use crate::syntax::tree::on_small_stack;

    #[test]
    fn deep_flow_nesting_is_refused_fast() {
        let elapsed = on_small_stack(|| {
            let depth = 100_000;
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let started = Instant::now();
            let (_, issues) = parse(&text);
            let elapsed = started.elapsed();
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert!(issues[0].message.contains("recursion limit"), "{issues:?}");
            elapsed
        });
        eprintln!("yaml: 100,000-deep flow sequence parsed in {elapsed:?}");
        assert!(elapsed < Duration::from_secs(2));
    }

    #[test]
    fn deep_block_nesting_is_cut_without_recursion() {
        let elapsed = on_small_stack(|| {
            let depth = 100_000;
            let text = format!("{}x\n", "- ".repeat(depth));
            let started = Instant::now();
            let (docs, issues) = parse(&text);
            let elapsed = started.elapsed();
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert!(issues[0].message.contains("deeper than 512"), "{issues:?}");
            let mut node = docs.first().expect("doc");
            let mut levels = 1;
            while let Some([child]) = node.as_seq() {
                node = child;
                levels += 1;
            }
            assert_eq!(levels, 513);
            assert!(node.is_null());
            elapsed
        });
        eprintln!("yaml: 100,000-deep block sequence parsed in {elapsed:?}");
        assert!(elapsed < Duration::from_secs(2));
    }

    fn alias_bomb() -> String {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            let refs = vec![format!("*{}", pair[0]); 9].join(",");
            text.push_str(&format!("{0}: &{0} [{refs}]\n", pair[1]));
        }
        text
    }

    #[test]
    fn alias_bomb_is_cheap() {
        let text = alias_bomb();
        let started = Instant::now();
        let doc = parse_one(&text);
        assert!(started.elapsed() < Duration::from_secs(1));
        let i = doc.get("i").and_then(Node::as_seq).expect("i");
        assert_eq!(i.len(), 9);
        assert!(i.iter().all(|n| n.as_alias() == Some("h")));
        assert_eq!(doc.descendants().count(), 1 + 9 * 2 + 9 + 8 * 9);
    }

    #[test]
    fn alias_budget_stops_the_stream() {
        let budget = Budget {
            max_aliases: 20,
            ..Budget::default()
        };
        let (docs, issues) = parse_yaml(&alias_bomb(), &budget);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(
            issues[0].message,
            "yaml alias budget exceeded (21 aliases); document truncated"
        );
        assert_eq!(docs.len(), 1);
        assert!(docs[0].get("c").is_some());
        assert!(docs[0].get("e").is_none());
    }

    #[test]
    fn node_budget_stops_the_stream() {
        let budget = Budget {
            max_nodes: 10,
            ..Budget::default()
        };
        let text = "- 1\n".repeat(100);
        let (docs, issues) = parse_yaml(&text, &budget);
        assert!(
            issues[0].message.contains("more than 10 nodes"),
            "{issues:?}"
        );
        assert_eq!(docs[0].as_seq().map(<[Node]>::len), Some(9));
    }

    #[test]
    fn numbers_follow_the_core_schema() {
        for good in [
            "0", "-12", "+3", "1.5", "1.", ".5", "1e3", "2.5E-4", "0x1f", "0o17", ".inf", "-.Inf",
            ".NaN",
        ] {
            assert!(is_yaml_number(good), "{good}");
        }
        for bad in [
            "", "-", ".", "1e", "0x", "0o9", "1.2.3", "1_000", "e5", "inf", "12abc",
        ] {
            assert!(!is_yaml_number(bad), "{bad}");
        }
    }

    #[test]
    fn mutated_input_never_panics_and_spans_stay_in_bounds() {
        let seed = "%YAML 1.2\n---\nname: &n café\nlist:\n  - a\n  - {b: [1, 'x'], c: *n}\nblock: |\n  text\n---\n- ? k\n  : v\n";
        for text in crate::syntax::tree::tests::mutations(seed, N_MUTATIONS) {
            let (docs, issues) = parse(&text);
            for issue in &issues {
                assert!(!issue.message.contains("internal error"), "{text:?}");
            }
            let spans = issues
                .iter()
                .map(|i| i.span)
                .chain(docs.iter().flat_map(|d| d.descendants().map(|n| n.span)));
            for span in spans {
                assert!(span.start <= span.end, "{text:?}: {span:?}");
                assert!(text.get(span.range()).is_some(), "{text:?}: {span:?}");
            }
        }
    }
}

//! JSON and JSONC into a spanned [`Node`] tree, for MCP, VS Code, Cursor and Claude configs.
//!
//! Those configs are JSONC: `//` and `/* */` comments and trailing commas are accepted. The
//! parser is hand-written and drives nesting with an explicit stack, so no file can overflow
//! the call stack. Spans are byte offsets into `text`; a leading UTF-8 BOM is skipped.
//! Structural errors stop the parse and return what was built before them; a bad escape or
//! a malformed number is reported and parsing goes on.

use crate::model::Span;
use crate::syntax::tree::{Budget, Node, ParseIssue, Value};

/// Parses one JSON(C) document. Returns `None` only when no value could be started at all.
pub fn parse_json(text: &str, budget: &Budget) -> (Option<Node>, Vec<ParseIssue>) {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        budget,
        issues: Vec::new(),
        nodes: 0,
        depth_reported: false,
    };
    let root = parser.run();
    (root, parser.issues)
}

/// A container still open on the explicit stack.
enum Frame {
    Array {
        start: usize,
        items: Vec<Node>,
    },
    Object {
        start: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

/// What the grammar allows at the current position.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value,
    ItemOrEnd,
    KeyOrEnd,
    Colon,
    CommaOrEnd,
    Eof,
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    budget: &'a Budget,
    issues: Vec<ParseIssue>,
    nodes: usize,
    depth_reported: bool,
}

/// Control flow out of one step of the main loop.
enum Step {
    Continue(Expect),
    /// A fatal error was recorded; close what is open and return.
    Stop,
}

impl Parser<'_> {
    fn run(&mut self) -> Option<Node> {
        if self.bytes.starts_with(b"\xEF\xBB\xBF") {
            self.pos = 3;
        }
        let mut stack: Vec<Frame> = Vec::new();
        let mut root: Option<Node> = None;
        let mut expect = Expect::Value;
        loop {
            if !self.skip_trivia() {
                break;
            }
            let Some(&b) = self.bytes.get(self.pos) else {
                if expect != Expect::Eof {
                    self.report_eof(&stack);
                }
                break;
            };
            let step = match expect {
                Expect::Eof => {
                    self.fatal(self.pos, "unexpected content after the json value, found");
                    Step::Stop
                }
                Expect::Value => self.value(b, &mut stack, &mut root),
                Expect::ItemOrEnd if b == b']' => self.close(&mut stack, &mut root),
                Expect::ItemOrEnd => self.value(b, &mut stack, &mut root),
                Expect::KeyOrEnd => self.key_or_end(b, &mut stack, &mut root),
                Expect::Colon if b == b':' => {
                    self.pos += 1;
                    Step::Continue(Expect::Value)
                }
                Expect::Colon => {
                    self.fatal(self.pos, "expected `:` after the key, found");
                    Step::Stop
                }
                Expect::CommaOrEnd => self.comma_or_end(b, &mut stack, &mut root),
            };
            match step {
                Step::Continue(next) => expect = next,
                Step::Stop => break,
            }
        }
        // Close whatever is still open so the caller gets everything built so far.
        let end = self.pos.min(self.bytes.len());
        while let Some(frame) = stack.pop() {
            let node = frame_into_node(frame, end);
            attach(&mut stack, &mut root, node);
        }
        root
    }

    /// Starts a value at `b`: a container is pushed, a scalar is attached at once.
    fn value(&mut self, b: u8, stack: &mut Vec<Frame>, root: &mut Option<Node>) -> Step {
        let start = self.pos;
        if !self.count_node() {
            return Step::Stop;
        }
        match b {
            b'{' | b'[' => {
                if stack.len() >= self.budget.max_depth {
                    return self.skip_too_deep(stack, root);
                }
                self.pos += 1;
                if b == b'{' {
                    stack.push(Frame::Object {
                        start,
                        entries: Vec::new(),
                        key: None,
                    });
                    Step::Continue(Expect::KeyOrEnd)
                } else {
                    stack.push(Frame::Array {
                        start,
                        items: Vec::new(),
                    });
                    Step::Continue(Expect::ItemOrEnd)
                }
            }
            b'"' => match self.string() {
                Some(s) => {
                    let node = Node::new(Span::new(start, self.pos), Value::String(s));
                    Step::Continue(attach(stack, root, node))
                }
                None => Step::Stop,
            },
            b'-' | b'0'..=b'9' => {
                let end = self.scan_while(|c| c.is_ascii_digit() || b"+-.eE".contains(&c));
                let number = self.slice(start, end).to_string();
                if !is_json_number(&number) {
                    // The number is not quoted back: a malformed one may be a PIN or a key.
                    self.issues.push(ParseIssue::new(
                        Span::new(start, end),
                        "invalid json number",
                    ));
                }
                self.pos = end;
                let node = Node::new(Span::new(start, end), Value::Number(number));
                Step::Continue(attach(stack, root, node))
            }
            _ => {
                let end = self.scan_while(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$');
                let value = match self.slice(start, end) {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    _ => {
                        self.fatal(start, "expected a json value, found");
                        return Step::Stop;
                    }
                };
                self.pos = end;
                Step::Continue(attach(stack, root, Node::new(Span::new(start, end), value)))
            }
        }
    }

    fn key_or_end(&mut self, b: u8, stack: &mut Vec<Frame>, root: &mut Option<Node>) -> Step {
        match b {
            b'}' => self.close(stack, root),
            b'"' => {
                let start = self.pos;
                if !self.count_node() {
                    return Step::Stop;
                }
                let Some(s) = self.string() else {
                    return Step::Stop;
                };
                if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                    *key = Some(Node::new(Span::new(start, self.pos), Value::String(s)));
                }
                Step::Continue(Expect::Colon)
            }
            _ => {
                self.fatal(self.pos, "expected a string key or `}`, found");
                Step::Stop
            }
        }
    }

    fn comma_or_end(&mut self, b: u8, stack: &mut Vec<Frame>, root: &mut Option<Node>) -> Step {
        let in_array = matches!(stack.last(), Some(Frame::Array { .. }));
        match (b, in_array) {
            (b',', true) => {
                self.pos += 1;
                Step::Continue(Expect::ItemOrEnd)
            }
            (b',', false) => {
                self.pos += 1;
                Step::Continue(Expect::KeyOrEnd)
            }
            (b']', true) | (b'}', false) => self.close(stack, root),
            (_, true) => {
                self.fatal(self.pos, "expected `,` or `]`, found");
                Step::Stop
            }
            (_, false) => {
                self.fatal(self.pos, "expected `,` or `}`, found");
                Step::Stop
            }
        }
    }

    /// Pops the innermost container at its closing bracket and attaches it to its parent.
    fn close(&mut self, stack: &mut Vec<Frame>, root: &mut Option<Node>) -> Step {
        self.pos += 1;
        match stack.pop() {
            Some(frame) => {
                let node = frame_into_node(frame, self.pos);
                Step::Continue(attach(stack, root, node))
            }
            None => Step::Stop,
        }
    }

    /// Skips a container nested deeper than the budget, leaving a null in its place.
    fn skip_too_deep(&mut self, stack: &mut [Frame], root: &mut Option<Node>) -> Step {
        let start = self.pos;
        if !self.depth_reported {
            self.depth_reported = true;
            self.issues.push(ParseIssue::new(
                Span::new(start, start + 1),
                format!(
                    "json nesting deeper than {} levels; deeper content skipped",
                    self.budget.max_depth
                ),
            ));
        }
        let mut depth = 0usize;
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        let node = Node::new(Span::new(start, self.pos), Value::Null);
                        return Step::Continue(attach(stack, root, node));
                    }
                }
                b'"' => {
                    self.skip_string();
                    continue;
                }
                b'/' => {
                    let before = self.pos;
                    if !self.skip_trivia() {
                        return Step::Stop;
                    }
                    if self.pos != before {
                        continue;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        self.issues.push(ParseIssue::new(
            Span::new(start, start + 1),
            "unclosed json container: expected its closing bracket before the end of input",
        ));
        Step::Stop
    }

    /// Reads a string starting at the opening quote at `self.pos`, decoding escapes.
    /// Returns `None` after recording an issue when the string is not terminated.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        let mut out = String::new();
        let mut i = start + 1;
        let mut chunk = i;
        loop {
            match self.bytes.get(i) {
                None => {
                    self.issues.push(ParseIssue::new(
                        Span::new(start, self.bytes.len()),
                        "unterminated json string",
                    ));
                    self.pos = self.bytes.len();
                    return None;
                }
                Some(b'"') => {
                    out.push_str(self.slice(chunk, i));
                    self.pos = i + 1;
                    return Some(out);
                }
                Some(b'\\') => {
                    out.push_str(self.slice(chunk, i));
                    i = self.escape(i, &mut out);
                    chunk = i;
                }
                Some(_) => i += 1,
            }
        }
    }

    /// Decodes the escape whose backslash is at `at`, appends it to `out` and returns the
    /// offset after it. A bad escape is reported and dropped, keeping the escaped character.
    fn escape(&mut self, at: usize, out: &mut String) -> usize {
        let simple = match self.bytes.get(at + 1) {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            return at + 2;
        }
        if self.bytes.get(at + 1) == Some(&b'u') {
            if let Some(unit) = self.hex4(at + 2) {
                if (0xD800..0xDC00).contains(&unit)
                    && self.bytes.get(at + 6) == Some(&b'\\')
                    && self.bytes.get(at + 7) == Some(&b'u')
                {
                    if let Some(low) = self.hex4(at + 8).filter(|l| (0xDC00..0xE000).contains(l)) {
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                        return at + 12;
                    }
                }
                // A lone surrogate cannot live in a Rust string; JSON.parse would keep it.
                out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                return at + 6;
            }
        }
        let shown = self
            .text
            .get(at..)
            .and_then(|rest| rest.chars().nth(1))
            .map_or_else(String::new, String::from);
        self.issues.push(ParseIssue::new(
            Span::new(at, (at + 1 + shown.len()).min(self.bytes.len())),
            format!("invalid escape sequence `\\{shown}` in json string"),
        ));
        at + 1
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at..at + 4)?;
        digits.iter().try_fold(0u32, |acc, &d| {
            let v = (d as char).to_digit(16)?;
            Some(acc * 16 + v)
        })
    }

    /// Moves past a string starting at the quote at `self.pos`, without decoding it.
    fn skip_string(&mut self) {
        let mut i = self.pos + 1;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return;
                }
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.pos = self.bytes.len();
    }

    /// Skips whitespace and comments. Returns false after recording an issue for an
    /// unterminated block comment.
    fn skip_trivia(&mut self) -> bool {
        loop {
            match self.bytes.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') => match self.bytes.get(self.pos + 1) {
                    Some(b'/') => {
                        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
                        self.pos += rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
                    }
                    Some(b'*') => {
                        let body = self.text.get(self.pos + 2..).unwrap_or("");
                        match body.find("*/") {
                            Some(i) => self.pos += 2 + i + 2,
                            None => {
                                self.issues.push(ParseIssue::new(
                                    Span::new(self.pos, self.pos + 2),
                                    "unterminated comment: expected `*/` before the end of input",
                                ));
                                self.pos = self.bytes.len();
                                return false;
                            }
                        }
                    }
                    _ => return true,
                },
                _ => return true,
            }
        }
    }

    fn report_eof(&mut self, stack: &[Frame]) {
        let end = self.bytes.len();
        let issue = match stack.last() {
            None => ParseIssue::new(
                Span::new(end, end),
                "expected a json value, found end of input",
            ),
            Some(Frame::Array { start, .. }) => ParseIssue::new(
                Span::new(*start, *start + 1),
                "unclosed `[`: expected `]` before the end of input",
            ),
            Some(Frame::Object { start, .. }) => ParseIssue::new(
                Span::new(*start, *start + 1),
                "unclosed `{`: expected `}` before the end of input",
            ),
        };
        self.issues.push(issue);
    }

    /// Records a fatal error at `at`, naming what was found there.
    fn fatal(&mut self, at: usize, what: &str) {
        let found = self.text.get(at..).and_then(|rest| {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .take(20)
                .collect();
            if word.is_empty() {
                rest.chars().next().map(String::from)
            } else {
                Some(word)
            }
        });
        let (message, len) = match found {
            // A word is named only when it is a literal of another language (`True`, `undefined`):
            // a bare word in a config may be a credential someone forgot to quote.
            Some(f) if f.chars().count() > 1 && !BARE_WORDS.contains(&f.as_str()) => {
                (format!("invalid json: {what} an unquoted word"), f.len())
            }
            Some(f) => (format!("invalid json: {what} `{f}`"), f.len()),
            None => (format!("invalid json: {what} end of input"), 0),
        };
        self.issues
            .push(ParseIssue::new(Span::new(at, at + len), message));
    }

    /// Counts one more node; past the budget, records an issue and returns false.
    fn count_node(&mut self) -> bool {
        self.nodes += 1;
        if self.nodes > self.budget.max_nodes {
            self.issues.push(ParseIssue::new(
                Span::new(self.pos, self.pos),
                format!(
                    "json document too large (more than {} nodes); document truncated",
                    self.budget.max_nodes
                ),
            ));
            return false;
        }
        true
    }

    fn scan_while(&self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        self.pos + rest.iter().position(|&c| !keep(c)).unwrap_or(rest.len())
    }

    fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// Bare words a parse error may quote: other languages' literals that people write in JSON.
const BARE_WORDS: &[&str] = &[
    "True",
    "False",
    "None",
    "TRUE",
    "FALSE",
    "NULL",
    "Null",
    "undefined",
    "NaN",
    "Infinity",
    "nil",
    "yes",
    "no",
];

/// Attaches a finished node to the innermost open container (or makes it the root) and says
/// what may follow it.
fn attach(stack: &mut [Frame], root: &mut Option<Node>, node: Node) -> Expect {
    match stack.last_mut() {
        None => {
            *root = Some(node);
            Expect::Eof
        }
        Some(Frame::Array { items, .. }) => {
            items.push(node);
            Expect::CommaOrEnd
        }
        Some(Frame::Object { entries, key, .. }) => {
            if let Some(k) = key.take() {
                entries.push((k, node));
            }
            Expect::CommaOrEnd
        }
    }
}

/// Turns an open container into a node ending at `end`; a key left without a value gets a
/// null value.
fn frame_into_node(frame: Frame, end: usize) -> Node {
    match frame {
        Frame::Array { start, items } => Node::new(Span::new(start, end), Value::Seq(items)),
        Frame::Object {
            start,
            mut entries,
            key,
        } => {
            if let Some(k) = key {
                let at = k.span.end as usize;
                entries.push((k, Node::new(Span::new(at, at), Value::Null)));
            }
            Node::new(Span::new(start, end), Value::Map(entries))
        }
    }
}

/// Whether `s` follows the JSON number grammar `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineIndex;
    use std::time::{Duration, Instant};

    const N_MUTATIONS: usize = 3_000;

    fn parse(text: &str) -> (Option<Node>, Vec<ParseIssue>) {
        parse_json(text, &Budget::default())
    }

    fn parse_ok(text: &str) -> Node {
        let (root, issues) = parse(text);
        assert!(issues.is_empty(), "unexpected issues: {issues:?}");
        root.expect("a root value")
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    #[test]
    fn spans_of_keys_and_values() {
        let text = "{\n  \"mcpServers\": {\n    \"fs\": {\"command\": \"npx\", \"args\": [\"-y\", 1.5e3, true, null]}\n  }\n}\n";
        let root = parse_ok(text);
        let lines = LineIndex::new(text);
        let servers = root.get("mcpServers").expect("mcpServers");
        let (key, _) = &root.entries()[0];
        assert_eq!(at(text, key.span), "\"mcpServers\"");
        assert_eq!(lines.line_col(key.span.start), (2, 3));
        let fs = servers.get("fs").expect("fs");
        let command = fs.get("command").expect("command");
        assert_eq!(command.as_str(), Some("npx"));
        assert_eq!(at(text, command.span), "\"npx\"");
        assert_eq!(lines.line_col(command.span.start), (3, 23));
        let args = fs.get("args").and_then(Node::as_seq).expect("args");
        assert_eq!(args.len(), 4);
        assert_eq!(args[1].value, Value::Number("1.5e3".into()));
        assert_eq!(at(text, args[1].span), "1.5e3");
        assert_eq!(args[2].as_bool(), Some(true));
        assert!(args[3].is_null());
        assert_eq!(at(text, root.span), text.trim_end());
    }

    #[test]
    fn jsonc_comments_and_trailing_commas() {
        let text = "// settings\n{\n  /* block\n  comment */ \"a\": [1, 2,], // trailing\n  \"b\": {\"c\": \"d\",},\n}\n";
        let root = parse_ok(text);
        assert_eq!(
            root.get("a").and_then(Node::as_seq).map(<[Node]>::len),
            Some(2)
        );
        assert_eq!(
            root.get("b")
                .and_then(|b| b.get("c"))
                .and_then(Node::as_str),
            Some("d")
        );
        let (_, issues) = parse("{\"a\": 1 /* open");
        assert!(
            issues[0].message.contains("unterminated comment"),
            "{issues:?}"
        );
    }

    #[test]
    fn string_escapes_and_surrogate_pairs() {
        let text = r#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude00", "\ud800x", "caf\u00E9 é"]"#;
        let root = parse_ok(text);
        let items = root.as_seq().expect("array");
        assert_eq!(items[0].as_str(), Some("a\"b\\c/d\n\t"));
        assert_eq!(items[1].as_str(), Some("é😀"));
        assert_eq!(items[2].as_str(), Some("\u{FFFD}x"));
        assert_eq!(items[3].as_str(), Some("café é"));
        assert_eq!(at(text, items[3].span), r#""caf\u00E9 é""#);
        let (root, issues) = parse(r#"["bad \q escape"]"#);
        assert_eq!(issues.len(), 1);
        assert!(issues[0].message.contains("invalid escape"), "{issues:?}");
        let items = root.expect("root");
        assert_eq!(
            items.as_seq().and_then(|s| s[0].as_str()),
            Some("bad q escape")
        );
    }

    #[test]
    fn invalid_input_reports_issues_and_keeps_what_was_built() {
        let text = "{\"a\": 1, \"b\": [2, 3 \"c\": 4}";
        let (root, issues) = parse(text);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(
            issues[0].message,
            "invalid json: expected `,` or `]`, found `\"`"
        );
        assert_eq!(
            issues[0].span.start as usize,
            text.find(" \"c\"").unwrap() + 1
        );
        let root = root.expect("partial root");
        assert_eq!(
            root.get("a").map(|n| &n.value),
            Some(&Value::Number("1".into()))
        );
        assert_eq!(
            root.get("b").and_then(Node::as_seq).map(<[Node]>::len),
            Some(2)
        );

        for bad in [
            "",
            "   ",
            "{",
            "[1,",
            "{\"a\"",
            "{\"a\":",
            "\"abc",
            "tru",
            "NaN",
            "{a: 1}",
            "[1] 2",
            "[01, -, 1.]",
            "\u{feff}",
            "]",
            "{\"a\" 1}",
            "[\"\\u12\"]",
            "\"\\",
            "/",
            "/x",
            "[1,,2]",
            "{,}",
            "\u{0}",
            "[\"é\\é\"]",
        ] {
            let (_, issues) = parse(bad);
            assert!(!issues.is_empty(), "no issue for {bad:?}");
            for issue in &issues {
                assert!(issue.span.end as usize <= bad.len(), "{bad:?}: {issue:?}");
                assert!(
                    bad.is_char_boundary(issue.span.start as usize),
                    "{bad:?}: {issue:?}"
                );
                assert!(
                    bad.is_char_boundary(issue.span.end as usize),
                    "{bad:?}: {issue:?}"
                );
            }
        }
    }

    #[test]
    fn bom_is_skipped_and_spans_stay_byte_offsets() {
        let text = "\u{feff}{\"k\": \"v\"}";
        let root = parse_ok(text);
        assert_eq!(root.span.start, 3);
        assert_eq!(at(text, root.get("k").expect("k").span), "\"v\"");
    }

    use crate::syntax::tree::on_small_stack;

    #[test]
    fn deep_nesting_is_cut_without_recursion() {
        let elapsed = on_small_stack(|| {
            let depth = 100_000;
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let started = Instant::now();
            let (root, issues) = parse(&text);
            let elapsed = started.elapsed();
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert!(issues[0].message.contains("deeper than 512"), "{issues:?}");
            let root = root.expect("root");
            let mut node = &root;
            let mut levels = 1;
            while let Some([child]) = node.as_seq() {
                node = child;
                levels += 1;
            }
            assert_eq!(levels, 513);
            assert!(node.is_null());

            let objects = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            let (_, issues) = parse(&objects);
            assert_eq!(issues.len(), 1, "{issues:?}");
            let unclosed = "[".repeat(depth);
            let (_, issues) = parse(&unclosed);
            assert_eq!(issues.len(), 2, "{issues:?}");
            elapsed
        });
        eprintln!("json: 100,000-deep array parsed in {elapsed:?}");
        assert!(elapsed < Duration::from_secs(2));
    }

    #[test]
    fn node_budget_truncates() {
        let budget = Budget {
            max_nodes: 10,
            ..Budget::default()
        };
        let text = format!("[{}0]", "0,".repeat(100));
        let (root, issues) = parse_json(&text, &budget);
        assert!(
            issues[0].message.contains("more than 10 nodes"),
            "{issues:?}"
        );
        assert_eq!(root.and_then(|r| r.as_seq().map(<[Node]>::len)), Some(9));
    }

    #[test]
    fn numbers_follow_the_json_grammar() {
        for good in ["0", "-0", "12", "1.5", "-1e10", "2E+3", "0.5e-2"] {
            assert!(is_json_number(good), "{good}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "1.2.3", "--1"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }

    #[test]
    fn mutated_input_never_panics_and_spans_stay_in_bounds() {
        let seed = "// c\n{\"a\": [1, -2.5e3, \"x\\u00e9\\n\"], \"b\": {\"c\": null, \"d\": true,}, /* e */ \"é\": \"😀\"}\n";
        for text in crate::syntax::tree::tests::mutations(seed, N_MUTATIONS) {
            let (root, issues) = parse(&text);
            let spans = issues
                .iter()
                .map(|i| i.span)
                .chain(root.iter().flat_map(|r| r.descendants().map(|n| n.span)));
            for span in spans {
                assert!(span.start <= span.end, "{text:?}: {span:?}");
                assert!(text.get(span.range()).is_some(), "{text:?}: {span:?}");
            }
        }
    }
}

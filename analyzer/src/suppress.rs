//! Suppression comments: `# airlock: ignore[AIR101] reason` (`//` in TypeScript, JavaScript and
//! JSON with comments, `#` in YAML).
//!
//! Forms:
//! - `airlock: ignore[AIR101, AIR106] the reason`: at the end of a line, it applies to that line;
//!   alone on its line, to the next line that is neither blank nor a comment (the line of the
//!   finding's primary location).
//! - `airlock: ignore-file[AIR106] the reason`: anywhere in the file, the whole file.
//!
//! Selectors are rule codes, code prefixes or rule names. A reason is required. A comment that
//! starts like a suppression but is not a valid one (no brackets, no codes, an unknown code, no
//! reason) suppresses nothing and is reported as AIR002 invalid-suppression at its line; a valid
//! selector that matched no finding of an enabled rule is reported as AIR001 unused-suppression.
//!
//! Comments are found by a small per-language lexer that skips string literals, so a `#` or `//`
//! inside a string is never read as a comment. Files without the text `airlock:` are not lexed.

use crate::model::{Confidence, FileId, Finding, Severity, SourceDb, SourceFile, Span};

/// The comment syntax of a file, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentSyntax {
    /// `#` comments, `'`/`"` strings with triple-quoted forms (Python, TOML).
    Hash,
    /// `#` comments that start a line or follow whitespace, quoted scalars (YAML).
    YamlHash,
    /// `//` and `/* */` comments, `'`, `"` and `` ` `` strings (TypeScript, JavaScript, JSONC).
    Slash,
}

impl CommentSyntax {
    pub fn for_path(path: &str) -> Option<CommentSyntax> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            // TOML strings (`'`, `"`, and their triple forms) and `#` comments read like Python's.
            "py" | "pyi" | "toml" => CommentSyntax::Hash,
            "yaml" | "yml" => CommentSyntax::YamlHash,
            "ts" | "tsx" | "mts" | "cts" | "js" | "jsx" | "mjs" | "cjs" | "json" | "jsonc" => {
                CommentSyntax::Slash
            }
            _ => return None,
        })
    }
}

/// One comment: its byte range and whether code precedes it on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Comment {
    start: usize,
    end: usize,
    trailing: bool,
}

/// Every comment in `text`, in order. Linear in the text; never fails.
fn comments(text: &str, syntax: CommentSyntax) -> Vec<Comment> {
    let b = text.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    // Whether a non-blank character was seen on the current line before position `i`.
    let mut code_on_line = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                code_on_line = false;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'#' if syntax != CommentSyntax::Slash => {
                let yaml_ok = syntax != CommentSyntax::YamlHash
                    || i == 0
                    || matches!(b[i - 1], b' ' | b'\t' | b'\n');
                if yaml_ok {
                    let end = line_end(b, i);
                    out.push(Comment {
                        start: i,
                        end,
                        trailing: code_on_line,
                    });
                    i = end;
                } else {
                    code_on_line = true;
                    i += 1;
                }
            }
            b'/' if syntax == CommentSyntax::Slash && b.get(i + 1) == Some(&b'/') => {
                let end = line_end(b, i);
                out.push(Comment {
                    start: i,
                    end,
                    trailing: code_on_line,
                });
                i = end;
            }
            b'/' if syntax == CommentSyntax::Slash && b.get(i + 1) == Some(&b'*') => {
                let end = find(b, i + 2, b"*/").map(|e| e + 2).unwrap_or(b.len());
                out.push(Comment {
                    start: i,
                    end,
                    trailing: code_on_line,
                });
                code_on_line = true;
                i = end;
            }
            b'\'' | b'"' | b'`' => {
                code_on_line = true;
                i = match syntax {
                    CommentSyntax::Hash => skip_python_string(b, i),
                    CommentSyntax::Slash => skip_quoted(b, i, c, c == b'`'),
                    // YAML: a quote only opens a scalar at its start; `it's` is plain text.
                    CommentSyntax::YamlHash => {
                        if c != b'`'
                            && (i == 0
                                || matches!(
                                    b[i - 1],
                                    b' ' | b'\t' | b'\n' | b'[' | b'{' | b',' | b':'
                                ))
                        {
                            skip_yaml_quoted(b, i, c)
                        } else {
                            i + 1
                        }
                    }
                };
            }
            _ => {
                code_on_line = true;
                i += 1;
            }
        }
    }
    out
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Past a Python string starting at `i` (a quote; prefixes such as `r`/`f` were already read
/// as code). Triple quotes span lines; single quotes end at the line end if unterminated.
fn skip_python_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
        let mut j = i + 3;
        while j < b.len() {
            if b[j] == b'\\' {
                j += 2;
                continue;
            }
            if b[j] == q && b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q) {
                return j + 3;
            }
            j += 1;
        }
        return b.len();
    }
    skip_quoted(b, i, q, false)
}

/// Past a one-line (or, for template literals, multi-line) quoted string with `\` escapes.
fn skip_quoted(b: &[u8], i: usize, q: u8, multiline: bool) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == q => return j + 1,
            b'\n' if !multiline => return j,
            _ => j += 1,
        }
    }
    b.len()
}

/// Past a YAML quoted scalar: `''` escapes a single quote, `\` escapes in double quotes; both
/// may span lines.
fn skip_yaml_quoted(b: &[u8], i: usize, q: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        if q == b'"' && b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == q {
            if q == b'\'' && b.get(j + 1) == Some(&b'\'') {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    b.len()
}

/// A parsed suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub file: FileId,
    /// The whole comment.
    pub span: Span,
    /// The 1-based line it applies to; `None` for the file-level form.
    pub target_line: Option<u32>,
    /// Each selector with its span.
    pub selectors: Vec<(String, Span)>,
    pub reason: String,
}

/// A comment that looks like a suppression but is not a valid one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub file: FileId,
    pub span: Span,
    pub problem: String,
}

/// The suppressions and malformed suppression comments of one file.
pub fn scan(file: &SourceFile) -> (Vec<Suppression>, Vec<Malformed>) {
    let mut ok = vec![];
    let mut bad = vec![];
    if !file.text.contains("airlock:") {
        return (ok, bad);
    }
    let Some(syntax) = CommentSyntax::for_path(&file.rel_path) else {
        return (ok, bad);
    };
    let text = &file.text;
    let all = comments(text, syntax);
    for (idx, c) in all.iter().enumerate() {
        let body = &text[c.start..c.end];
        let Some(at) = body.find("airlock:") else {
            continue;
        };
        let span = Span::new(c.start, c.end);
        let directive_start = c.start + at + "airlock:".len();
        match parse_directive(&text[directive_start..c.end]) {
            Directive::None => {}
            Directive::Bad(problem) => bad.push(Malformed {
                file: file.id,
                span,
                problem,
            }),
            Directive::Ok {
                file_level,
                selectors,
                reason,
            } => {
                let target_line = if file_level {
                    None
                } else if c.trailing {
                    Some(file.lines.line_col(c.start as u32).0)
                } else {
                    Some(next_code_line(text, file, &all[idx + 1..], c.end))
                };
                let unknown = selectors
                    .iter()
                    .find(|(s, _)| !crate::rules::selector_is_known(s));
                if let Some((s, _)) = unknown {
                    bad.push(Malformed {
                        file: file.id,
                        span,
                        problem: format!("`{s}` matches no rule"),
                    });
                    continue;
                }
                ok.push(Suppression {
                    file: file.id,
                    span,
                    target_line,
                    selectors: selectors
                        .into_iter()
                        .map(|(s, (a, b))| (s, Span::new(directive_start + a, directive_start + b)))
                        .collect(),
                    reason,
                });
            }
        }
    }
    (ok, bad)
}

/// The first line after `from` holding something other than blanks and comments.
fn next_code_line(text: &str, file: &SourceFile, later: &[Comment], from: usize) -> u32 {
    let b = text.as_bytes();
    let mut i = from;
    let mut comments = later.iter().peekable();
    while i < b.len() {
        while comments.peek().is_some_and(|c| c.end <= i) {
            comments.next();
        }
        if let Some(c) = comments.peek() {
            if c.start == i {
                i = c.end;
                continue;
            }
        }
        if !b[i].is_ascii_whitespace() {
            return file.lines.line_col(i as u32).0;
        }
        i += 1;
    }
    file.lines.line_col(b.len() as u32).0
}

enum Directive {
    /// Not a suppression at all (`# airlock: see the docs`).
    None,
    Bad(String),
    Ok {
        file_level: bool,
        /// Selectors with byte ranges relative to the directive text.
        selectors: Vec<(String, (usize, usize))>,
        reason: String,
    },
}

/// Words after `airlock:` that show the author meant a suppression.
const INTENT: &[&str] = &["ignore", "noqa", "disable", "suppress", "skip", "nosec"];

fn parse_directive(d: &str) -> Directive {
    let lead = d.len() - d.trim_start().len();
    let rest = &d[lead..];
    let word_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let lower = word.to_ascii_lowercase();
    if !INTENT.iter().any(|w| lower.starts_with(w)) {
        return Directive::None;
    }
    let file_level = match lower.as_str() {
        "ignore" => false,
        "ignore-file" => true,
        _ => {
            return Directive::Bad(format!(
                "unknown directive `{word}`; write `airlock: ignore[CODE] reason` or `airlock: ignore-file[CODE] reason`"
            ))
        }
    };
    let after = &rest[word_len..];
    if !after.starts_with('[') {
        return Directive::Bad(format!(
            "`{word}` needs the rule codes in brackets: `airlock: {word}[AIR101] reason`"
        ));
    }
    let Some(close) = after.find(']') else {
        return Directive::Bad("unclosed `[` in suppression".to_string());
    };
    let list_off = lead + word_len + 1;
    let list = &after[1..close];
    let mut selectors = vec![];
    let mut pos = 0;
    for part in list.split(',') {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let s = list_off + pos + (part.len() - part.trim_start().len());
            selectors.push((trimmed.to_string(), (s, s + trimmed.len())));
        }
        pos += part.len() + 1;
    }
    if selectors.is_empty() {
        return Directive::Bad("a suppression must name the rules it silences".to_string());
    }
    let reason = after[close + 1..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '—' | '–'))
        .trim_end_matches("*/")
        .trim();
    if reason.is_empty() {
        return Directive::Bad(
            "a suppression needs a reason after the codes: `airlock: ignore[AIR101] why this is safe`"
                .to_string(),
        );
    }
    Directive::Ok {
        file_level,
        selectors,
        reason: reason.to_string(),
    }
}

/// Whether selector `s` (a code, prefix or name) covers rule `code`/`name`.
fn covers(s: &str, code: &str, name: &str) -> bool {
    s.eq_ignore_ascii_case("ALL") || code.starts_with(&s.to_ascii_uppercase()) || s == name
}

/// Applies the suppressions of every file to `findings` and adds AIR001/AIR002 findings.
///
/// `enabled(code, path)` says whether a rule is enabled for a file (selection and per-file
/// ignores): an unused selector is only reported when every rule it names is enabled there.
pub fn apply(
    findings: Vec<Finding>,
    db: &SourceDb,
    enabled: &dyn Fn(&str, &str, &str) -> bool,
) -> Vec<Finding> {
    let mut sups = vec![];
    let mut bad = vec![];
    for f in &db.files {
        let (s, b) = scan(f);
        sups.extend(s);
        bad.extend(b);
    }
    if sups.is_empty() && bad.is_empty() {
        return findings;
    }
    // used[i][j]: selector j of suppression i matched a finding.
    let mut used: Vec<Vec<bool>> = sups
        .iter()
        .map(|s| vec![false; s.selectors.len()])
        .collect();
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        let mut suppressed = false;
        for (i, s) in sups.iter().enumerate() {
            if s.file != f.location.file || db.get(s.file).rel_path != f.location.path {
                continue;
            }
            if s.target_line.is_some_and(|l| l != f.location.line) {
                continue;
            }
            for (j, (sel, _)) in s.selectors.iter().enumerate() {
                if covers(sel, f.code, f.name) {
                    used[i][j] = true;
                    suppressed = true;
                }
            }
        }
        if !suppressed {
            out.push(f);
        }
    }
    let meta = |code: &str| crate::rules::lookup(code).map(|r| (r.code, r.name));
    if let Some((code, name)) = meta("AIR001") {
        for (i, s) in sups.iter().enumerate() {
            let path = &db.get(s.file).rel_path;
            if !enabled(code, name, path) {
                continue;
            }
            for (j, (sel, span)) in s.selectors.iter().enumerate() {
                let rules: Vec<_> = crate::rules::RULES
                    .iter()
                    .filter(|r| covers(sel, r.code, r.name) && r.code != code)
                    .collect();
                let all_on = !rules.is_empty()
                    && rules
                        .iter()
                        .all(|r| r.implemented && enabled(r.code, r.name, path));
                if used[i][j] || !all_on {
                    continue;
                }
                out.push(meta_finding(
                    db,
                    s.file,
                    *span,
                    (code, name),
                    Severity::Low,
                    format!("suppression of `{sel}` matches no finding"),
                    "remove it, or move it to the line the finding is reported on".to_string(),
                ));
            }
        }
    }
    if let Some((code, name)) = meta("AIR002") {
        for b in bad {
            if !enabled(code, name, &db.get(b.file).rel_path) {
                continue;
            }
            out.push(meta_finding(
                db,
                b.file,
                b.span,
                (code, name),
                Severity::Medium,
                format!("invalid suppression: {}", b.problem),
                "write `airlock: ignore[AIR101] reason` on the reported line; it suppresses nothing until it is valid".to_string(),
            ));
        }
    }
    out
}

fn meta_finding(
    db: &SourceDb,
    file: FileId,
    span: Span,
    (code, name): (&'static str, &'static str),
    severity: Severity,
    message: String,
    help: String,
) -> Finding {
    let location = db.location(file, span);
    let text = db.get(file).text.get(span.range()).unwrap_or("");
    let fingerprint = crate::diagnostics::fingerprint(
        code,
        &location.path,
        &[&crate::diagnostics::normalize_code(text)],
    );
    Finding {
        code,
        name,
        severity,
        confidence: Confidence::High,
        message,
        help,
        location,
        path: vec![],
        also: vec![],
        also_more: 0,
        fingerprint,
        fixes: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LineIndex;

    fn file(path: &str, text: &str) -> SourceFile {
        SourceFile {
            id: FileId(0),
            rel_path: path.to_string(),
            abs_path: path.into(),
            text: text.to_string(),
            lines: LineIndex::new(text),
        }
    }

    /// `(target line, selectors, reason)` of a valid suppression.
    type Parsed = (Option<u32>, Vec<String>, String);

    fn lines(path: &str, text: &str) -> (Vec<Parsed>, Vec<(u32, String)>) {
        let f = file(path, text);
        let (ok, bad) = scan(&f);
        (
            ok.into_iter()
                .map(|s| {
                    (
                        s.target_line,
                        s.selectors.into_iter().map(|(x, _)| x).collect(),
                        s.reason,
                    )
                })
                .collect(),
            bad.into_iter()
                .map(|b| (f.lines.line_col(b.span.start).0, b.problem))
                .collect(),
        )
    }

    #[test]
    fn trailing_own_line_and_file_level_forms() {
        let src = "import os\n\
                   x = run()  # airlock: ignore[AIR106] input is an enum\n\
                   # airlock: ignore[AIR101, untrusted-input-to-privileged-tool] reviewed\n\
                   \n\
                   # another comment\n\
                   @tool\n\
                   # airlock: ignore-file[AIR2] -- sandboxed by the container\n";
        let (ok, bad) = lines("a.py", src);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(
            ok,
            vec![
                (Some(2), vec!["AIR106".into()], "input is an enum".into()),
                (
                    Some(6),
                    vec!["AIR101".into(), "untrusted-input-to-privileged-tool".into()],
                    "reviewed".into()
                ),
                (
                    None,
                    vec!["AIR2".into()],
                    "sandboxed by the container".into()
                ),
            ]
        );
    }

    #[test]
    fn strings_are_not_comments() {
        let src = "s = \"# airlock: ignore[AIR101] no\"\n\
                   t = '''\n# airlock: ignore[AIR101] no\n'''\n\
                   u = 'it\\'s # airlock: ignore'\n";
        let (ok, bad) = lines("a.py", src);
        assert!(ok.is_empty() && bad.is_empty(), "{ok:?} {bad:?}");
        let ts = "const a = \"// airlock: ignore[AIR101] no\";\n\
                  const b = `x\n// airlock: ignore[AIR101] no`;\n\
                  run(a); // airlock: ignore[AIR106] checked above\n\
                  /* airlock: ignore[AIR101] block form */ send(b);\n";
        let (ok, bad) = lines("a.ts", ts);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].0, Some(4));
        assert_eq!(ok[1].0, Some(5));
        assert_eq!(ok[1].2, "block form");
    }

    #[test]
    fn yaml_hash_needs_space_before() {
        let y =
            "url: http://x/#frag\nname: 'a # b'\nrole: x  # airlock: ignore[AIR102] demo crew\n";
        let (ok, bad) = lines("agents.yaml", y);
        assert!(bad.is_empty());
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].0, Some(3));
    }

    #[test]
    fn malformed_forms_are_reported_at_their_line() {
        let src = "a()  # airlock: ignore[AIR101]\n\
                   b()  # airlock: ignore AIR101 because\n\
                   c()  # airlock: ignore[] because\n\
                   d()  # airlock: ignore[AIR999] because\n\
                   e()  # airlock: disable=AIR101 because\n\
                   f()  # airlock: ignore[AIR101 because\n\
                   g()  # airlock: this file is the demo\n";
        let (ok, bad) = lines("a.py", src);
        assert!(ok.is_empty(), "{ok:?}");
        let got: Vec<u32> = bad.iter().map(|b| b.0).collect();
        assert_eq!(got, vec![1, 2, 3, 4, 5, 6], "{bad:?}");
        assert!(bad[0].1.contains("needs a reason"));
        assert!(bad[1].1.contains("in brackets"));
        assert!(bad[3].1.contains("`AIR999` matches no rule"));
        assert!(bad[4].1.contains("unknown directive"));
    }

    #[test]
    fn lexer_is_linear_on_hostile_input() {
        // Unterminated strings and comments, nothing but quotes: no panic, no hang.
        for text in ["'''", "\"\\", "/*", "`${", "'\n'\n'", "#", "a\\"] {
            for syntax in [
                CommentSyntax::Hash,
                CommentSyntax::YamlHash,
                CommentSyntax::Slash,
            ] {
                let _ = comments(text, syntax);
            }
        }
        let big = "\"".repeat(200_000) + &"#".repeat(10);
        assert!(comments(&big, CommentSyntax::Hash).len() <= 1);
    }
}

//! One escaping function per output context. Every string that comes from the analysed project
//! (names, paths, descriptions, labels, code excerpts) passes through the function of the
//! context it is written into, at the point it is written. The analysed repository may be
//! hostile: a name may hold ESC sequences, newlines, backticks, quotes or `javascript:`.
//!
//! SARIF and JSON are data and are written exactly (serde escapes them for their syntax).

use std::borrow::Cow;

/// Characters a terminal (or a log viewer) would act on rather than show: C0 controls except
/// tab and line feed, DEL, C1 controls, and the bidirectional overrides and isolates that
/// reorder what a reader sees (Trojan Source), plus the line and paragraph separators.
fn is_unsafe_for_terminal(c: char, keep_newline: bool) -> bool {
    match c {
        '\n' => !keep_newline,
        '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn visible(c: char, out: &mut String) {
    let n = c as u32;
    if n < 0x100 {
        out.push_str(&format!("\\x{n:02x}"));
    } else {
        out.push_str(&format!("\\u{n:04x}"));
    }
}

fn terminal_impl(text: &str, keep_newline: bool) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_unsafe_for_terminal(c, keep_newline))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_for_terminal(c, keep_newline) {
            visible(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Terminal text that may span lines (a message, a code excerpt): every control character
/// but tab and line feed, and every bidi control, is shown as a visible escape (`\x1b`,
/// `\u202e`).
pub fn terminal(text: &str) -> Cow<'_, str> {
    terminal_impl(text, true)
}

/// Terminal text that must stay on its line (a path, a name in a one-line format): as
/// [`terminal`], and line feeds are shown as `\x0a` too.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    terminal_impl(text, false)
}

/// The terminal-safe copy of a source text, with a map from byte offsets in the original to
/// byte offsets in the copy, so that spans computed on the original still point at the same
/// characters. `None` when the text needs no escaping (the common case).
pub fn terminal_source(text: &str) -> Option<(String, OffsetMap)> {
    if !text.chars().any(|c| is_unsafe_for_terminal(c, true)) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut shifts = Vec::new();
    for (i, c) in text.char_indices() {
        if is_unsafe_for_terminal(c, true) {
            let before = out.len();
            visible(c, &mut out);
            // Offsets past this character move by the extra bytes its escape takes.
            shifts.push((i + c.len_utf8(), out.len() - before - c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Some((out, OffsetMap { shifts }))
}

/// Byte offsets in an original text to byte offsets in its escaped copy.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(offset in the original just after an escaped character, extra bytes it added)`.
    shifts: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn map(&self, offset: usize) -> usize {
        let extra: usize = self
            .shifts
            .iter()
            .take_while(|(at, _)| *at <= offset)
            .map(|(_, n)| n)
            .sum();
        offset + extra
    }
}

/// Markdown inline code: the text in a code span whose fence is one backtick longer than the
/// longest run of backticks inside, with padding when the text starts or ends with one. Line
/// breaks and controls become visible escapes, so the span cannot end the line, the list item
/// or the comment's structure.
pub fn markdown_code(text: &str) -> String {
    let text = terminal_line(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Markdown inline text (outside code spans): every character Markdown or GitHub gives a
/// meaning (emphasis, links, images, HTML, headings, tables, mentions' neighbours) is
/// backslash-escaped, `<`/`>`/`&` become entities, and line breaks and controls are visible
/// escapes, so the text can neither start a block nor write a link or an image.
pub fn markdown_text(text: &str) -> String {
    let text = terminal_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '#' | '|' | '~' | '{' | '}'
            | '+' | '-' | '.' | ':' | '@' | '"' | '\'' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A Mermaid label written inside `"..."`: quotes, angle brackets, ampersands, `#` and
/// backticks become Mermaid entity codes (`#quot;`, `#60;`), line breaks and controls visible
/// escapes, so a label can neither close its node, start a new statement, carry HTML nor turn
/// into a Markdown string. Brackets and parentheses are plain text inside the quotes.
pub fn mermaid_label(text: &str) -> String {
    let text = terminal_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' | '<' | '>' | '&' | '`' => out.push_str(&format!("#{};", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// A Graphviz DOT string written inside `"..."`: backslashes and quotes escaped, line breaks
/// and controls visible escapes (as text, `\\x0a`, not DOT's own `\n` line break).
pub fn dot_label(text: &str) -> String {
    let text = terminal_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            _ => out.push(c),
        }
    }
    out
}

/// HTML text content or a double-quoted attribute value.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link to a project file: a relative URL (`./a/b.py#L3`) whose every path segment is
/// percent-encoded, so no segment can be read as a scheme (`javascript:`), a host or a query.
pub fn relative_file_url(path: &str, line: u32) -> String {
    let mut out = String::from(".");
    for seg in path.split(['/', '\\']) {
        if seg.is_empty() || seg == "." {
            continue;
        }
        out.push('/');
        for b in seg.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    if line > 0 {
        out.push_str(&format!("#L{line}"));
    }
    out
}

/// A GitHub workflow command's message (`::error ...::DATA`): controls made visible, then `%`,
/// CR and LF percent-encoded as the runner expects.
pub fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if is_unsafe_for_terminal(c, true) => visible(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

/// A GitHub workflow command's property value (`file=...`, `title=...`): as [`github_data`],
/// plus `:` and `,`, which would end the property or the property list (`::` injection
/// through a file name).
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_controls_and_bidi() {
        assert_eq!(terminal("a\x1b]0;x\x07b"), "a\\x1b]0;x\\x07b");
        assert_eq!(terminal("ok\nnext\tcol"), "ok\nnext\tcol");
        assert_eq!(terminal_line("a\nb\rc"), "a\\x0ab\\x0dc");
        assert_eq!(terminal("x\u{202e}y\u{85}"), "x\\u202ey\\x85");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn offsets_follow_the_escapes() {
        let text = "ab\x1bcd\u{202e}ef";
        let (out, map) = terminal_source(text).unwrap();
        assert_eq!(out, "ab\\x1bcd\\u202eef");
        let c = text.find('c').unwrap();
        assert_eq!(&out[map.map(c)..map.map(c) + 1], "c");
        let e = text.find('e').unwrap();
        assert_eq!(&out[map.map(e)..map.map(e) + 1], "e");
        assert_eq!(map.map(0), 0);
        assert!(terminal_source("nothing").is_none());
    }

    #[test]
    fn markdown_code_spans_cannot_be_closed() {
        assert_eq!(markdown_code("a"), "`a`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x"), "`` `x ``");
        let evil = "evil\n```\n\n## airlock: no problems found\n[details](https://x)";
        let out = markdown_code(evil);
        assert!(!out.contains('\n'));
        assert!(out.starts_with("````") && out.ends_with("````"));
    }

    #[test]
    fn markdown_text_neutralises_links_images_and_html() {
        let out = markdown_text("![x](https://t/p.png) [y](javascript:z) <img src=x>\n## h");
        assert!(!out.contains("](") && !out.contains('<') && !out.contains('\n'));
        assert!(out.contains("\\!\\[x\\]"));
    }

    #[test]
    fn mermaid_and_dot_labels_stay_inside_their_quotes() {
        let m = mermaid_label("a\"]\nclick n0 href \"javascript:alert(1)\"");
        assert!(!m.contains('"') && !m.contains('\n') && !m.contains('<'));
        assert!(m.starts_with("a#quot;]"));
        let d = dot_label("a\"];\nx -> y [label=\"\\");
        assert_eq!(d, "a\\\"];\\\\x0ax -> y [label=\\\"\\\\");
    }

    #[test]
    fn file_urls_are_relative_and_scheme_free() {
        assert_eq!(relative_file_url("a/b.py", 3), "./a/b.py#L3");
        let u = relative_file_url("javascript:alert(1)<!--/x.py", 1);
        assert!(u.starts_with("./javascript%3Aalert%281%29%3C%21--/"));
        assert!(!u.contains(':') && !u.contains('<'));
    }

    #[test]
    fn github_commands_cannot_be_injected() {
        assert_eq!(github_data("50%\r\n::error::x"), "50%25%0D%0A::error::x");
        assert_eq!(github_property("a::b,c"), "a%3A%3Ab%2Cc");
        assert_eq!(github_data("\x1b[2J"), "\\x1b[2J");
    }
}

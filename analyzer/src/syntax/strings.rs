//! String literals as the program sees them: decodes the source text of Python and
//! JavaScript/TypeScript string literals (escapes, adjacent literals, raw strings, template
//! literals) into the text at run time, with the source offset of every decoded byte, so a
//! rule that finds something in the decoded text can point at the exact place in the source.
//!
//! Decoding never fails and never panics: an escape that names no character (a lone UTF-16
//! surrogate, a code point beyond U+10FFFF, an unknown `\N{...}` name) decodes to U+FFFD, and
//! text that is not a literal at all ends the decoding with what was read so far.

/// Decoded text and, for each of its bytes, the offset in the source slice it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub offsets: Vec<u32>,
}

impl Decoded {
    fn push(&mut self, c: char, at: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        self.offsets.extend(std::iter::repeat_n(at as u32, n));
    }

    /// The source range (relative to the decoded slice) of decoded bytes `range`.
    pub fn source_range(&self, range: std::ops::Range<usize>, src_len: usize) -> (usize, usize) {
        let start = self
            .offsets
            .get(range.start)
            .map(|&o| o as usize)
            .unwrap_or(src_len);
        let end = if range.end == 0 {
            start
        } else {
            // The end of the last decoded character's source text: the next character's start.
            self.offsets
                .get(range.end)
                .map(|&o| o as usize)
                .unwrap_or(src_len)
                .max(start)
        };
        (start, end)
    }
}

/// Characters a `\N{...}` escape may name that matter to the analysis (invisible and
/// bidirectional controls); any other name decodes to U+FFFD.
const NAMED: &[(&str, char)] = &[
    ("ZERO WIDTH SPACE", '\u{200B}'),
    ("ZWSP", '\u{200B}'),
    ("ZERO WIDTH NON-JOINER", '\u{200C}'),
    ("ZWNJ", '\u{200C}'),
    ("ZERO WIDTH JOINER", '\u{200D}'),
    ("ZWJ", '\u{200D}'),
    ("WORD JOINER", '\u{2060}'),
    ("ZERO WIDTH NO-BREAK SPACE", '\u{FEFF}'),
    ("BYTE ORDER MARK", '\u{FEFF}'),
    ("LEFT-TO-RIGHT MARK", '\u{200E}'),
    ("RIGHT-TO-LEFT MARK", '\u{200F}'),
    ("LEFT-TO-RIGHT EMBEDDING", '\u{202A}'),
    ("RIGHT-TO-LEFT EMBEDDING", '\u{202B}'),
    ("POP DIRECTIONAL FORMATTING", '\u{202C}'),
    ("LEFT-TO-RIGHT OVERRIDE", '\u{202D}'),
    ("RIGHT-TO-LEFT OVERRIDE", '\u{202E}'),
    ("LEFT-TO-RIGHT ISOLATE", '\u{2066}'),
    ("RIGHT-TO-LEFT ISOLATE", '\u{2067}'),
    ("FIRST STRONG ISOLATE", '\u{2068}'),
    ("POP DIRECTIONAL ISOLATE", '\u{2069}'),
    ("SPACE", ' '),
    ("LINE FEED", '\n'),
    ("NO-BREAK SPACE", '\u{A0}'),
];

fn hex_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// Decodes Python string literals: one, or several adjacent ones (`"a" "b"`, across lines and
/// comments), with prefixes (`r`, `b`, `u`, `f` and combinations), single and triple quotes.
/// Replacement fields of f-strings are skipped.
pub fn python(src: &str) -> Decoded {
    let b = src.as_bytes();
    let mut out = Decoded::default();
    let mut i = 0;
    loop {
        // Between literals: blanks, line continuations, comments, parentheses.
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b'\\' | b'(' | b')' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        if i >= b.len() {
            return out;
        }
        let mut raw = false;
        let mut fstr = false;
        let mut bytes = false;
        let start = i;
        while i < b.len() && i - start < 3 && b[i].is_ascii_alphabetic() {
            match b[i].to_ascii_lowercase() {
                b'r' => raw = true,
                b'f' | b't' => fstr = true,
                b'b' => bytes = true,
                b'u' => {}
                _ => return out,
            }
            i += 1;
        }
        let Some(&q) = b.get(i) else { return out };
        if q != b'"' && q != b'\'' {
            return out;
        }
        let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
        i += if triple { 3 } else { 1 };
        i = python_body(src, i, q, triple, raw, fstr, bytes, &mut out);
    }
}

/// One literal's body from `i` (after the opening quote); returns the offset after its end.
#[allow(clippy::too_many_arguments)]
fn python_body(
    src: &str,
    mut i: usize,
    q: u8,
    triple: bool,
    raw: bool,
    fstr: bool,
    bytes: bool,
    out: &mut Decoded,
) -> usize {
    let b = src.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
            return i + if triple { 3 } else { 1 };
        }
        if fstr && c == b'{' {
            if b.get(i + 1) == Some(&b'{') {
                out.push('{', i);
                i += 2;
                continue;
            }
            // Skip the replacement field (nested braces counted, strings inside ignored).
            let mut depth = 0usize;
            while i < b.len() {
                match b[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    b'\n' if !triple => break,
                    _ => {}
                }
                i += 1;
            }
            continue;
        }
        if fstr && c == b'}' && b.get(i + 1) == Some(&b'}') {
            out.push('}', i);
            i += 2;
            continue;
        }
        if c == b'\\' {
            let at = i;
            let Some(&e) = b.get(i + 1) else {
                return b.len();
            };
            if raw {
                // A raw string keeps the backslash; it still escapes a quote from ending it.
                out.push('\\', at);
                i += 1;
                if e == q || e == b'\\' {
                    out.push(e as char, i);
                    i += 1;
                }
                continue;
            }
            i += 2;
            let simple = match e {
                b'\n' => Some(None),
                b'\r' => {
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    Some(None)
                }
                b'\\' => Some(Some('\\')),
                b'\'' => Some(Some('\'')),
                b'"' => Some(Some('"')),
                b'a' => Some(Some('\u{7}')),
                b'b' => Some(Some('\u{8}')),
                b'f' => Some(Some('\u{c}')),
                b'n' => Some(Some('\n')),
                b'r' => Some(Some('\r')),
                b't' => Some(Some('\t')),
                b'v' => Some(Some('\u{b}')),
                _ => None,
            };
            if let Some(ch) = simple {
                if let Some(ch) = ch {
                    out.push(ch, at);
                }
                continue;
            }
            match e {
                b'0'..=b'7' => {
                    let mut v = (e - b'0') as u32;
                    let mut n = 1;
                    while n < 3 && matches!(b.get(i), Some(b'0'..=b'7')) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                        n += 1;
                    }
                    out.push(char::from_u32(v).unwrap_or('\u{FFFD}'), at);
                }
                b'x' | b'u' | b'U' if !(bytes && e != b'x') => {
                    let len = match e {
                        b'x' => 2,
                        b'u' => 4,
                        _ => 8,
                    };
                    let digits = src.get(i..i + len).unwrap_or("");
                    match hex_value(digits).filter(|_| digits.len() == len) {
                        Some(v) => {
                            out.push(char::from_u32(v).unwrap_or('\u{FFFD}'), at);
                            i += len;
                        }
                        None => out.push('\u{FFFD}', at),
                    }
                }
                b'N' if !bytes && b.get(i) == Some(&b'{') => {
                    let close = src[i..].find('}').map(|c| i + c);
                    match close {
                        Some(end) if end - i <= 100 => {
                            let name = src[i + 1..end].to_ascii_uppercase();
                            let ch = NAMED
                                .iter()
                                .find(|(n, _)| *n == name)
                                .map(|(_, c)| *c)
                                .unwrap_or('\u{FFFD}');
                            out.push(ch, at);
                            i = end + 1;
                        }
                        _ => out.push('\u{FFFD}', at),
                    }
                }
                _ => {
                    // An unknown escape keeps both characters.
                    out.push('\\', at);
                    let ch = src[at + 1..].chars().next().unwrap_or('\u{FFFD}');
                    out.push(ch, at + 1);
                    i = at + 1 + ch.len_utf8();
                }
            }
            continue;
        }
        if c == b'\n' && !triple {
            // An unterminated single-quoted literal: stop at the line's end.
            return i;
        }
        let ch = src[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(ch, i);
        i += ch.len_utf8().max(1);
    }
    i
}

/// Decodes JavaScript/TypeScript string literals: `'...'`, `"..."` and template literals
/// (substitutions skipped), or several joined with `+`.
pub fn javascript(src: &str) -> Decoded {
    let b = src.as_bytes();
    let mut out = Decoded::default();
    let mut i = 0;
    loop {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n' | b'+' | b'(' | b')') {
            i += 1;
        }
        if i + 1 < b.len() && b[i] == b'/' && (b[i + 1] == b'/' || b[i + 1] == b'*') {
            let block = b[i + 1] == b'*';
            i += 2;
            while i < b.len() {
                if block && b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    i += 2;
                    break;
                }
                if !block && b[i] == b'\n' {
                    break;
                }
                i += 1;
            }
            continue;
        }
        let Some(&q) = b.get(i) else { return out };
        if !matches!(q, b'"' | b'\'' | b'`') {
            return out;
        }
        i = js_body(src, i + 1, q, &mut out);
    }
}

fn js_body(src: &str, mut i: usize, q: u8, out: &mut Decoded) -> usize {
    let b = src.as_bytes();
    // A high surrogate waiting for its low half: (value, source offset).
    let mut pending: Option<(u32, usize)> = None;
    let flush = |pending: &mut Option<(u32, usize)>, out: &mut Decoded| {
        if let Some((_, at)) = pending.take() {
            out.push('\u{FFFD}', at);
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == q {
            flush(&mut pending, out);
            return i + 1;
        }
        if q == b'`' && c == b'$' && b.get(i + 1) == Some(&b'{') {
            flush(&mut pending, out);
            let mut depth = 0usize;
            while i < b.len() {
                match b[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            continue;
        }
        if c == b'\\' {
            let at = i;
            let Some(&e) = b.get(i + 1) else {
                return b.len();
            };
            i += 2;
            let unit: Option<u32> = match e {
                b'u' => {
                    if b.get(i) == Some(&b'{') {
                        let close = src[i..].find('}').map(|c| i + c);
                        match close {
                            Some(end) if end - i <= 10 => {
                                let v = hex_value(&src[i + 1..end]);
                                i = end + 1;
                                Some(v.unwrap_or(0xFFFD))
                            }
                            _ => Some(0xFFFD),
                        }
                    } else {
                        let digits = src.get(i..i + 4).unwrap_or("");
                        match hex_value(digits).filter(|_| digits.len() == 4) {
                            Some(v) => {
                                i += 4;
                                Some(v)
                            }
                            None => Some(0xFFFD),
                        }
                    }
                }
                b'x' => {
                    let digits = src.get(i..i + 2).unwrap_or("");
                    match hex_value(digits).filter(|_| digits.len() == 2) {
                        Some(v) => {
                            i += 2;
                            Some(v)
                        }
                        None => Some(0xFFFD),
                    }
                }
                _ => None,
            };
            if let Some(v) = unit {
                match v {
                    0xD800..=0xDBFF => {
                        flush(&mut pending, out);
                        pending = Some((v, at));
                    }
                    0xDC00..=0xDFFF => match pending.take() {
                        Some((hi, hat)) => {
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (v - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'), hat);
                        }
                        None => out.push('\u{FFFD}', at),
                    },
                    _ => {
                        flush(&mut pending, out);
                        out.push(char::from_u32(v).unwrap_or('\u{FFFD}'), at);
                    }
                }
                continue;
            }
            flush(&mut pending, out);
            match e {
                b'\n' => {}
                b'\r' => {
                    if b.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b'n' => out.push('\n', at),
                b'r' => out.push('\r', at),
                b't' => out.push('\t', at),
                b'b' => out.push('\u{8}', at),
                b'f' => out.push('\u{c}', at),
                b'v' => out.push('\u{b}', at),
                b'0' => out.push('\0', at),
                _ => {
                    let ch = src[at + 1..].chars().next().unwrap_or('\u{FFFD}');
                    out.push(ch, at);
                    i = at + 1 + ch.len_utf8();
                }
            }
            continue;
        }
        flush(&mut pending, out);
        if c == b'\n' && q != b'`' {
            return i;
        }
        let ch = src[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(ch, i);
        i += ch.len_utf8().max(1);
    }
    flush(&mut pending, out);
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_escapes_and_offsets() {
        let src = r#""a\u200bb\N{RIGHT-TO-LEFT OVERRIDE}c\x41\101\q""#;
        let d = python(src);
        assert_eq!(d.text, "a\u{200B}b\u{202E}cAA\\q");
        // `\u200b` starts at offset 2.
        let at = d.text.find('\u{200B}').unwrap_or(0);
        assert_eq!(d.offsets[at], 2);
        assert_eq!(d.source_range(at..at + 3, src.len()), (2, 8));
    }

    #[test]
    fn python_adjacent_raw_triple_and_fstrings() {
        assert_eq!(python("'a' \"b\"\n  # c\n  'c'").text, "abc");
        assert_eq!(python(r#"r"x\u200b""#).text, "x\\u200b");
        assert_eq!(
            python("\"\"\"one\n  two \"quoted\" \"\"\"").text,
            "one\n  two \"quoted\" "
        );
        assert_eq!(python("f\"a{b!r:>{w}}c{{d}}\"").text, "ac{d}");
        assert_eq!(python("b'\\u200b'").text, "\\u200b");
    }

    #[test]
    fn hostile_python_input_never_panics() {
        for s in [
            "\"\\",
            "\"\\u12",
            "\"\\U0011ffff\"",
            "\"\\N{",
            "\"\\N{NOT A NAME}\"",
            "'é\\",
            "f'{{{",
            "\"\\x\"",
            "'''",
            "rb'\\",
            "\"\\777\"",
            "",
            "x",
        ] {
            let d = python(s);
            assert_eq!(d.offsets.len(), d.text.len());
        }
        assert_eq!(python("\"\\U0011ffff\"").text, "\u{FFFD}");
    }

    #[test]
    fn javascript_escapes_surrogates_and_templates() {
        let d = javascript(r#""a\u200B" + 'b\u{E0041}' + `c${x}d`"#);
        assert_eq!(d.text, "a\u{200B}b\u{E0041}cd");
        assert_eq!(javascript(r#""\uD83D\uDE00""#).text, "\u{1F600}");
        // Lone and reversed surrogates decode to U+FFFD.
        assert_eq!(javascript(r#""\uD800x""#).text, "\u{FFFD}x");
        assert_eq!(javascript(r#""\uDC00\uD800""#).text, "\u{FFFD}\u{FFFD}");
        for s in ["\"\\u{", "\"\\u{110000}\"", "'\\", "`${", "\"\\x4\"", "'é"] {
            let d = javascript(s);
            assert_eq!(d.offsets.len(), d.text.len());
        }
    }
}

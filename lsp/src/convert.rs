//! Positions and URIs: byte offsets (the analyzer's unit) to LSP positions in the negotiated
//! encoding (UTF-8 or UTF-16 code units) and back, and `file:` URIs to paths and back.

use airlock_analyzer::model::LineIndex;
use lsp_types::{Position, Range, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The position encoding agreed with the client at initialisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// The LSP position of byte `offset` in `text` (clamped to the text, moved back onto a
/// character boundary).
pub fn position(text: &str, lines: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, _) = lines.line_col(offset as u32);
    let start = lines.line_start(line).unwrap_or(0) as usize;
    let prefix = &text[start.min(offset)..offset];
    let character = match enc {
        Encoding::Utf8 => prefix.len(),
        Encoding::Utf16 => prefix.encode_utf16().count(),
    };
    Position {
        line: line - 1,
        character: character as u32,
    }
}

pub fn range(text: &str, lines: &LineIndex, start: usize, end: usize, enc: Encoding) -> Range {
    Range {
        start: position(text, lines, start, enc),
        end: position(text, lines, end.max(start), enc),
    }
}

/// The byte offset of an LSP position; positions past a line's end or the text's end clamp to
/// them, as the specification asks.
pub fn offset(text: &str, lines: &LineIndex, pos: Position, enc: Encoding) -> usize {
    let Some(start) = lines.line_start(pos.line.saturating_add(1)) else {
        return text.len();
    };
    let start = start as usize;
    let end = lines
        .line_start(pos.line.saturating_add(2))
        .map(|e| e as usize)
        .unwrap_or(text.len());
    let line = &text[start..end];
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let want = pos.character as usize;
    match enc {
        Encoding::Utf8 => {
            let mut o = want.min(line.len());
            while !line.is_char_boundary(o) {
                o -= 1;
            }
            start + o
        }
        Encoding::Utf16 => {
            let mut units = 0;
            for (i, c) in line.char_indices() {
                if units >= want {
                    return start + i;
                }
                units += c.len_utf16();
            }
            start + line.len()
        }
    }
}

/// The path of a `file:` URI (percent-decoded); `None` for other schemes.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///p` (empty authority) or `file://localhost/p`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let s = String::from_utf8(out).ok()?;
    Some(PathBuf::from(s))
}

/// The `file:` URI of an absolute path, percent-encoding everything but unreserved characters
/// and `/`.
pub fn uri_of(path: &Path) -> Uri {
    let mut s = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&s).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

/// `p` with its folder canonicalised and its own name kept (so a file deleted since still has a
/// path that matches the analyzer's, which canonicalises folders).
pub fn normalize(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or_else(|_| p.to_path_buf()),
        _ => p.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_positions_round_trip() {
        let text = "a = 'é𝄞'\nb = 1\r\nc";
        let lines = LineIndex::new(text);
        // `b` starts line 2 (0-based 1).
        let b = text.find('b').unwrap();
        assert_eq!(
            position(text, &lines, b, Encoding::Utf16),
            Position::new(1, 0)
        );
        // The closing quote: after `a = '`, é (1 UTF-16 unit, 2 bytes) and 𝄞 (2 units, 4 bytes).
        let q = text.rfind('\'').unwrap();
        assert_eq!(
            position(text, &lines, q, Encoding::Utf16),
            Position::new(0, 8)
        );
        assert_eq!(
            position(text, &lines, q, Encoding::Utf8),
            Position::new(0, 11)
        );
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for o in [0, b, q, text.len()] {
                let p = position(text, &lines, o, enc);
                assert_eq!(offset(text, &lines, p, enc), o, "{enc:?} {o}");
            }
        }
        // Past the end of a line clamps to the line end (before `\r\n`).
        assert_eq!(
            offset(text, &lines, Position::new(1, 99), Encoding::Utf16),
            text.find('\r').unwrap()
        );
        assert_eq!(
            offset(text, &lines, Position::new(9, 0), Encoding::Utf16),
            text.len()
        );
        // At a surrogate pair: its start; inside it: the next character.
        let clef = text.find('𝄞').unwrap();
        assert_eq!(
            offset(text, &lines, Position::new(0, 6), Encoding::Utf16),
            clef
        );
        assert_eq!(
            offset(text, &lines, Position::new(0, 7), Encoding::Utf16),
            clef + 4
        );
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/tmp/my project/agent #1.py");
        let u = uri_of(p);
        assert_eq!(u.as_str(), "file:///tmp/my%20project/agent%20%231.py");
        assert_eq!(path_of(&u).as_deref(), Some(p));
        let u = Uri::from_str("file://localhost/a/b%C3%A9.py").unwrap();
        assert_eq!(path_of(&u), Some(PathBuf::from("/a/bé.py")));
        assert_eq!(
            path_of(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}

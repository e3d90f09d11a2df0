//! Stable finding identities for SARIF `partialFingerprints` and baselines.
//!
//! A fingerprint hashes the rule code, the relative path and a few normalised code snippets,
//! never a line number, so a finding keeps its identity when code above it moves or is
//! reformatted. The hash is a hand-written 64-bit FNV-1a with fixed constants: the same on
//! every platform, Rust version and run, which `std::hash` does not promise.

const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Written after every piece, so `["ab", "c"]` and `["a", "bc"]` hash differently.
const SEPARATOR: u8 = 0x1f;

fn fnv1a(mut hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// A 16-digit lowercase hex id of `code`, `rel_path` and `parts`, independent of line numbers.
///
/// Backslashes in `rel_path` count as `/`, so Windows and Unix runs agree. Pass code snippets
/// through [`normalize_code`] first so formatting changes do not change the id.
pub fn fingerprint(code: &str, rel_path: &str, parts: &[&str]) -> String {
    let mut hash = FNV_OFFSET_BASIS;
    hash = fnv1a(hash, code.bytes());
    hash = fnv1a(hash, [SEPARATOR]);
    hash = fnv1a(
        hash,
        rel_path.bytes().map(|b| if b == b'\\' { b'/' } else { b }),
    );
    hash = fnv1a(hash, [SEPARATOR]);
    for part in parts {
        hash = fnv1a(hash, part.bytes());
        hash = fnv1a(hash, [SEPARATOR]);
    }
    format!("{hash:016x}")
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Reduces a code snippet to what formatters and comments cannot change.
///
/// Outside string literals it drops `#` comments and `//` comments that start a line, drops
/// whitespace except a single space between two word characters (`not x`, `return x`), and
/// drops a trailing comma before a closing bracket. String literals (`'`, `"`, `` ` ``, and
/// Python's triple quotes) are kept verbatim. The scan is a single loop over characters, so
/// any input, however malformed, is handled in linear time.
pub fn normalize_code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    // Whether whitespace or a comment was skipped since the last character written.
    let mut pending_space = false;
    // Whether only whitespace has been seen since the last newline.
    let mut at_line_start = true;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            pending_space = true;
            at_line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            i += 1;
            continue;
        }
        let line_comment =
            c == '#' || (at_line_start && c == '/' && chars.get(i + 1) == Some(&'/'));
        at_line_start = false;
        if line_comment {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            pending_space = true;
            continue;
        }
        if matches!(c, ')' | ']' | '}') && out.ends_with(',') {
            out.pop();
        }
        if pending_space && out.chars().next_back().is_some_and(is_word) && is_word(c) {
            out.push(' ');
        }
        pending_space = false;
        if matches!(c, '\'' | '"' | '`') {
            i = copy_string(&chars, i, &mut out);
            continue;
        }
        out.push(c);
        i += 1;
    }
    if out.ends_with(',') {
        out.pop();
    }
    out
}

/// Copies the string literal that opens at `start` into `out`; returns the index after it.
fn copy_string(chars: &[char], start: usize, out: &mut String) -> usize {
    let quote = chars[start];
    let triple = quote != '`'
        && chars.get(start + 1) == Some(&quote)
        && chars.get(start + 2) == Some(&quote);
    let width = if triple { 3 } else { 1 };
    out.extend(&chars[start..start + width]);
    let mut i = start + width;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.extend(chars[i..].iter().take(2));
            i += 2;
            continue;
        }
        if let Some(close) = chars
            .get(i..i + width)
            .filter(|close| close.iter().all(|&q| q == quote))
        {
            out.extend(close);
            return i + width;
        }
        if c == '\n' && !triple && quote != '`' {
            // An unterminated one-line string ends at the line break.
            return i;
        }
        out.push(c);
        i += 1;
    }
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_fixed_hex() {
        let a = fingerprint(
            "AIR101",
            "agent/tools.py",
            &["refund", "stripe.Refund.create"],
        );
        assert_eq!(a.len(), 16);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        // The constants are part of the output format: a change here breaks users' baselines.
        assert_eq!(fingerprint("", "", &[]), "0879e907b5281763".to_string());
        assert_eq!(
            a,
            fingerprint(
                "AIR101",
                "agent/tools.py",
                &["refund", "stripe.Refund.create"]
            )
        );
    }

    #[test]
    fn fnv1a_matches_reference_vectors() {
        assert_eq!(fnv1a(FNV_OFFSET_BASIS, *b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(FNV_OFFSET_BASIS, *b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(FNV_OFFSET_BASIS, *b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_separates_pieces() {
        assert_ne!(
            fingerprint("A", "p", &["ab", "c"]),
            fingerprint("A", "p", &["a", "bc"])
        );
        assert_ne!(fingerprint("A", "p", &["x"]), fingerprint("A", "px", &[]));
        assert_ne!(
            fingerprint("AIR101", "a.py", &[]),
            fingerprint("AIR106", "a.py", &[])
        );
    }

    #[test]
    fn fingerprint_ignores_path_separator_style() {
        assert_eq!(
            fingerprint("A", "pkg\\tools.py", &[]),
            fingerprint("A", "pkg/tools.py", &[])
        );
    }

    #[test]
    fn normalize_drops_formatting_and_comments() {
        let a = "stripe.Refund.create(\n    charge=charge_id,  # refund it\n    amount=amount,\n)";
        let b = "stripe.Refund.create(charge = charge_id, amount = amount)";
        assert_eq!(
            normalize_code(a),
            "stripe.Refund.create(charge=charge_id,amount=amount)"
        );
        assert_eq!(normalize_code(a), normalize_code(b));
        assert_eq!(normalize_code("return   not  x"), "return not x");
        assert_eq!(normalize_code("  // note\nrun(cmd)"), "run(cmd)");
        assert_eq!(normalize_code("a // b"), "a//b");
    }

    #[test]
    fn normalize_keeps_strings_verbatim() {
        assert_eq!(normalize_code("f('a  # b')  # c"), "f('a  # b')");
        assert_eq!(normalize_code(r#"f("x\"  y")"#), r#"f("x\"  y")"#);
        assert_eq!(normalize_code("f('''a\n  b''' , c)"), "f('''a\n  b''',c)");
        // Unterminated input does not panic and keeps what it has.
        assert_eq!(normalize_code("f('abc"), "f('abc");
        assert_eq!(normalize_code("f(\"\"\"ab"), "f(\"\"\"ab");
        assert_eq!(normalize_code("\\"), "\\");
        assert_eq!(normalize_code("'\\"), "'\\");
    }
}

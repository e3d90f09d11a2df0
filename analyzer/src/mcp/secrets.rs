//! Which strings in an MCP config are credentials, and where exactly in the string they sit, so
//! the pipeline can mask them in the file's text before anything is rendered.
//!
//! A value is a secret when it has a known token shape (`ghp_…`, `sk_live_…`, `AKIA…`, a JWT, a
//! PEM private key) whatever holds it, or when its key, flag, header or query parameter names a
//! secret (`*_TOKEN`, `apiKey`, `--api-key`, `Authorization`, `?access_token=`) and the value is a
//! literal: not a reference (`${VAR}`, `${env:VAR}`, `${input:id}`, `$VAR`, `{env:VAR}`) and not
//! a placeholder (`<your-token>`, `YOUR_API_KEY`, `xxx`, `changeme`). Passwords in URLs
//! (`postgresql://user:pw@host/db`) count too. The shapes and words are data (`mcp.toml`).
//!
//! Nothing here returns the secret's text: a [`Hit`] names its kind and its byte range.

use super::knowledge::{split_words, star_match, McpKnowledge};
use std::ops::Range;

/// One secret inside a string value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// What it is, for messages: `GitHub personal access token`, `secret` (named by its key),
    /// `URL password`, ``\`token\` query parameter``.
    pub kind: String,
    /// Byte range of the secret inside the value.
    pub range: Range<usize>,
    /// A credential in a URL whose host is the local machine (a development database).
    pub local: bool,
}

/// Every secret in `value`, which is held under `key` (an env var, header, field or flag name;
/// `None` for a bare argument). Overlapping hits are merged to the first.
pub fn scan(k: &McpKnowledge, key: Option<&str>, value: &str) -> Vec<Hit> {
    let mut out = shapes(k, value);
    if let Some(h) = by_key(k, key, value) {
        out.push(h);
    }
    out.extend(in_url(k, value));
    out.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    let mut merged: Vec<Hit> = vec![];
    for h in out {
        match merged.last() {
            Some(last) if h.range.start < last.range.end => {}
            _ => merged.push(h),
        }
    }
    merged
}

/// Secrets in one command-line argument, given the argument before it: `--token=…`,
/// `--api-key …`, `KEY=…`, `Authorization: Bearer …`, and any known token shape or URL.
pub fn scan_arg(k: &McpKnowledge, prev: Option<&str>, arg: &str) -> Vec<Hit> {
    // `--flag=value` and `KEY=value`.
    if let Some((flag, v)) = arg.split_once('=') {
        let name = flag.trim_start_matches('-');
        let ident = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
        if ident && !flag.contains("://") {
            let off = flag.len() + 1;
            return shift(scan(k, Some(name), v), off);
        }
    }
    // `Authorization: Bearer …` passed as a header argument.
    if let Some((h, v)) = arg.split_once(':') {
        let name = h.trim();
        if !name.is_empty()
            && !v.starts_with("//")
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && key_names_secret(k, name)
        {
            let lead = v.len() - v.trim_start().len();
            return shift(scan(k, Some(name), v.trim_start()), h.len() + 1 + lead);
        }
    }
    // `--api-key value`.
    let flag = prev
        .filter(|p| p.starts_with('-') && !p.contains('=') && !arg.starts_with('-'))
        .map(|p| p.trim_start_matches('-'));
    scan(k, flag, arg)
}

fn shift(hits: Vec<Hit>, by: usize) -> Vec<Hit> {
    hits.into_iter()
        .map(|h| Hit {
            range: h.range.start + by..h.range.end + by,
            ..h
        })
        .collect()
}

/// Whether a key, flag or header name says its value is a secret.
pub fn key_names_secret(k: &McpKnowledge, key: &str) -> bool {
    let v = &k.vocabulary;
    if v.secret_keys.iter().any(|s| s.eq_ignore_ascii_case(key)) {
        return true;
    }
    let words = split_words(key);
    let Some(last) = words.iter().rposition(|w| {
        v.secret_words.iter().any(|s| s == w)
            // Run-together names: `PGPASSWORD`, `GHTOKEN`, `MYAPIKEY`.
            || ["password", "passwd", "secret", "token", "apikey", "accesskey", "secretkey", "privatekey"]
                .iter()
                .any(|s| w.len() > s.len() && w.ends_with(s))
    }) else {
        return false;
    };
    if words.iter().any(|w| w == "public" || w == "publishable") {
        return false;
    }
    !words[last + 1..]
        .iter()
        .any(|w| v.not_secret_words.iter().any(|s| s == w))
}

/// Whether a value refers to a secret kept elsewhere instead of holding it.
pub fn is_reference(value: &str) -> bool {
    let v = value.trim();
    v.contains("${")
        || v.contains("{env:")
        || v.contains("{{")
        || v.starts_with('$')
        || (v.starts_with('%') && v.ends_with('%') && v.len() > 2)
        || v.starts_with("env:")
        || v.starts_with("op://")
        || v.starts_with("vault:")
}

fn is_placeholder(k: &McpKnowledge, value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    if v.is_empty() {
        return true;
    }
    let mut chars = v.chars();
    let first = chars.next();
    if chars.all(|c| Some(c) == first) {
        return true;
    }
    k.vocabulary
        .placeholders
        .iter()
        .any(|p| star_match(&p.to_ascii_lowercase(), &v))
}

/// Strips an authorization scheme (`Bearer `, `Basic `, `token `), returning the offset.
fn strip_scheme(value: &str) -> usize {
    for scheme in ["bearer ", "basic ", "token ", "bot ", "apikey ", "api-key "] {
        if value.len() > scheme.len()
            && value.is_char_boundary(scheme.len())
            && value[..scheme.len()].eq_ignore_ascii_case(scheme)
        {
            let rest = &value[scheme.len()..];
            return scheme.len() + (rest.len() - rest.trim_start().len());
        }
    }
    0
}

/// A literal under a secret-naming key.
fn by_key(k: &McpKnowledge, key: Option<&str>, value: &str) -> Option<Hit> {
    let key = key?;
    if !key_names_secret(k, key) {
        return None;
    }
    let lead = value.len() - value.trim_start().len();
    let trimmed = value.trim();
    let off = lead + strip_scheme(trimmed);
    let inner = value.get(off..)?.trim_end();
    if inner.is_empty() || is_reference(inner) || is_placeholder(k, inner) {
        return None;
    }
    if inner.contains("://") || looks_like_path(inner) {
        return None;
    }
    let lower = inner.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "bearer" | "basic" | "oauth" | "none"
    ) {
        return None;
    }
    let words = split_words(key);
    let password = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "password" | "passwd" | "passphrase" | "pwd" | "pass"
        )
    });
    // An environment variable's name (`GITHUB_TOKEN`): a reference in Codex-style configs. A
    // password may be ALL_CAPS (`HUNTER2_PROD`), so under a password key only a value that
    // itself names a secret (`DB_PASSWORD`) is a reference.
    let env_name = inner.contains('_')
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if env_name && (!password || key_names_secret(k, inner)) {
        return None;
    }
    let min = if password { 4 } else { 8 };
    // Passphrases have spaces (`correct horse battery staple`); other secrets do not.
    if inner.chars().count() < min || (!password && inner.contains(char::is_whitespace)) {
        return None;
    }
    Some(Hit {
        kind: "secret".into(),
        range: off..off + inner.len(),
        local: false,
    })
}

fn looks_like_path(v: &str) -> bool {
    v.starts_with('/')
        || v.starts_with("./")
        || v.starts_with("../")
        || v.starts_with('~')
        || v.get(1..3) == Some(":\\")
}

fn token_char(c: char, extra: &str) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-' || extra.contains(c)
}

/// Known token shapes anywhere in the value, at a word start.
pub fn shapes(k: &McpKnowledge, value: &str) -> Vec<Hit> {
    let mut out = vec![];
    // Every prefix occurrence, found in one pass, as (shape, start) in shape order.
    let pm = k.prefix_matcher();
    let mut found: Vec<(usize, usize)> = vec![];
    for m in pm.automaton.find_overlapping_iter(value) {
        for &si in &pm.shapes[m.pattern().as_usize()] {
            found.push((si, m.start()));
        }
    }
    found.sort_unstable();
    for run in found.chunk_by(|a, b| a.0 == b.0) {
        let s = &k.secrets[run[0].0];
        // Too short to hold this shape (most words and literals).
        if value.len() < s.min_len && !s.private_key {
            continue;
        }
        let mut from = 0;
        for &(_, start) in run {
            if start < from {
                continue;
            }
            from = start + s.prefix.len();
            let boundary = value[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_' && c != '-');
            if !boundary {
                continue;
            }
            if s.private_key {
                let end = value[start..].find("PRIVATE KEY-----").map(|j| {
                    // The END line, if the block is complete.
                    let after = start + j + "PRIVATE KEY-----".len();
                    value[after..]
                        .find("PRIVATE KEY-----")
                        .map_or(after, |e| after + e + "PRIVATE KEY-----".len())
                });
                if let Some(end) = end {
                    out.push(Hit {
                        kind: s.kind.clone(),
                        range: start..end,
                        local: false,
                    });
                    from = end;
                }
                continue;
            }
            // The token runs from the prefix (which may hold `:` and `.`, as a URL does).
            let body_at = start + s.prefix.len();
            let len = s.prefix.len()
                + value[body_at..]
                    .char_indices()
                    .find(|(_, c)| !token_char(*c, &s.extra))
                    .map_or(value.len() - body_at, |(j, _)| j);
            let tok = &value[start..start + len];
            let body = &tok[s.prefix.len()..];
            if tok.len() < s.min_len || is_placeholder(k, tok) || is_placeholder(k, body) {
                continue;
            }
            if s.upper
                && !body
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            if s.jwt && tok.split('.').filter(|p| !p.is_empty()).count() != 3 {
                continue;
            }
            // Random tokens mix letters and digits; a long word-only run is a name.
            let digits = body.chars().filter(char::is_ascii_digit).count();
            if digits == 0 && !s.upper {
                continue;
            }
            let shown = if s.keep_prefix { s.prefix.len() } else { 0 };
            out.push(Hit {
                kind: s.kind.clone(),
                range: start + shown..start + len,
                local: false,
            });
            from = start + len;
        }
    }
    out
}

/// A password in a URL's userinfo, or a literal under a secret-naming query parameter.
fn in_url(k: &McpKnowledge, value: &str) -> Vec<Hit> {
    let mut out = vec![];
    let Some(scheme_end) = value.find("://") else {
        return out;
    };
    let scheme = &value[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '.' || c == '-')
    {
        return out;
    }
    let rest_at = scheme_end + 3;
    let rest = &value[rest_at..];
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..auth_end];
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let local = is_loopback_host(host_only(host));
    if let Some((userinfo, _)) = authority.rsplit_once('@') {
        if let Some((_, pw)) = userinfo.split_once(':') {
            let at = rest_at + userinfo.len() - pw.len();
            if !pw.is_empty() && !is_reference(pw) && !is_placeholder(k, pw) {
                out.push(Hit {
                    kind: "URL password".into(),
                    range: at..at + pw.len(),
                    local,
                });
            }
        }
    }
    // Secret path segments: `/token/<value>`, `/key/<value>`, or a segment that is itself a
    // random credential (`/sse/3fZ9qLx…`).
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len()).max(auth_end);
    let mut at = rest_at + auth_end;
    let mut prev_seg: Option<&str> = None;
    for seg in rest[auth_end..path_end].split('/') {
        let named = prev_seg.is_some_and(|p| !p.is_empty() && key_names_secret(k, p));
        if !seg.is_empty()
            && !is_reference(seg)
            && !is_placeholder(k, seg)
            && ((named && seg.len() >= 8) || random_segment(seg))
        {
            out.push(Hit {
                kind: "secret URL path segment".into(),
                range: at..at + seg.len(),
                local,
            });
        }
        prev_seg = Some(seg);
        at += seg.len() + 1;
    }
    if let Some(q) = rest.find('?') {
        let q_at = rest_at + q + 1;
        let query = &value[q_at..];
        let query = query.split('#').next().unwrap_or(query);
        let mut at = q_at;
        for pair in query.split('&') {
            if let Some((name, v)) = pair.split_once('=') {
                let v_at = at + name.len() + 1;
                if query_names_secret(k, name)
                    && !v.is_empty()
                    && !is_reference(v)
                    && !is_placeholder(k, v)
                {
                    out.push(Hit {
                        kind: format!("`{name}` query parameter"),
                        range: v_at..v_at + v.len(),
                        local,
                    });
                }
            }
            at += pair.len() + 1;
        }
    }
    out
}

/// Whether a URL path segment looks like a random credential rather than a name or an id: at
/// least 24 characters of `[A-Za-z0-9_-]`, upper and lower case letters and digits mixed, and
/// no run of 4 lower-case letters being most of it (words). UUIDs and hex digests have no upper
/// case and stay shown.
pub fn random_segment(seg: &str) -> bool {
    if seg.len() < 24
        || !seg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return false;
    }
    let upper = seg.chars().filter(char::is_ascii_uppercase).count();
    let lower = seg.chars().filter(char::is_ascii_lowercase).count();
    let digits = seg.chars().filter(char::is_ascii_digit).count();
    if upper < 2 || lower < 2 || digits < 2 {
        return false;
    }
    // Class changes: random text switches between upper, lower and digit often; a
    // `CamelCaseName2024` does not.
    let class = |c: char| {
        if c.is_ascii_uppercase() {
            0
        } else if c.is_ascii_lowercase() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            3
        }
    };
    let chars: Vec<u8> = seg.chars().map(class).collect();
    let changes = chars.windows(2).filter(|w| w[0] != w[1]).count();
    changes * 3 >= seg.len()
}

/// Secrets in a line of free text (a comment, a shell command, a connection string, an `.env`
/// line), word by word: `--password=…`, `KEY=value`, `Password=…;`, `--token value`, and the
/// glued `-pPASS` of programs that take one (`mysql`) when the program is named on the line
/// or `program_named` says the file runs it.
pub fn scan_words(k: &McpKnowledge, line: &str, program_named: bool) -> Vec<Hit> {
    let mut out = vec![];
    let mut prev: Option<&str> = None;
    let mut glued: Vec<&str> = vec![];
    if program_named {
        glued.extend(
            k.vocabulary
                .glued_password_flags
                .iter()
                .map(|g| g.flag.as_str()),
        );
    }
    let mut at = 0;
    for word in line.split_inclusive(|c: char| c.is_whitespace() || "\"'`;,()[]{}<>".contains(c)) {
        let w = word.trim_end_matches(|c: char| c.is_whitespace() || "\"'`;,()[]{}<>".contains(c));
        if !w.is_empty() {
            let name = w.rsplit('/').next().unwrap_or(w);
            for g in &k.vocabulary.glued_password_flags {
                if g.program == name {
                    glued.push(&g.flag);
                }
            }
            // Token shapes and URLs anywhere are the line scan's; a word here matters only as
            // `name=value`, `Name: value`, the value after a `--flag`, or a glued `-pPASS`.
            let mut hits = if w.contains(['=', ':']) || prev.is_some_and(|p| p.starts_with('-')) {
                scan_arg(k, prev, w)
            } else {
                vec![]
            };
            if hits.is_empty() && !glued.is_empty() {
                if let Some(flag) = glued
                    .iter()
                    .find(|f| w.len() > f.len() + 3 && w.starts_with(**f))
                {
                    let v = &w[flag.len()..];
                    if !is_reference(v) && !is_placeholder(k, v) {
                        hits.push(Hit {
                            kind: format!("`{flag}` password"),
                            range: flag.len()..w.len(),
                            local: false,
                        });
                    }
                }
            }
            out.extend(shift(hits, at));
            prev = Some(w);
        }
        at += word.len();
    }
    out
}

/// `key: value` and `key = value` pairs anywhere in a line (YAML, TOML, `.env`, a comment, a
/// connection string's `Password=…;`), each value with its offset in the line. The key is the
/// word before the separator; a quoted value runs to its closing quote, an unquoted one to `;`
/// or a comment (a password, which may have spaces) or to the next space or `,` (any other
/// secret). In `code` (Python, TypeScript) an unquoted value is an expression, not a literal,
/// unless the pair sits in a comment. The walk resumes after each value, so a line is read once.
pub fn scan_key_values(k: &McpKnowledge, line: &str, code: bool) -> Vec<(usize, Hit)> {
    let b = line.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < b.len() {
        let sep = b[i];
        if (sep != b':' && sep != b'=')
            || b.get(i + 1).is_some_and(|&c| c == b'=' || c == b'/')
            || (i > 0 && matches!(b[i - 1], b'=' | b'!' | b'<' | b'>' | b':'))
        {
            i += 1;
            continue;
        }
        // The key: the word before, past spaces and one quote.
        let mut e = i;
        while e > 0 && b[e - 1] == b' ' {
            e -= 1;
        }
        if e > 0 && matches!(b[e - 1], b'"' | b'\'') {
            e -= 1;
        }
        let mut st = e;
        while st > 0
            && (b[st - 1].is_ascii_alphanumeric() || matches!(b[st - 1], b'_' | b'-' | b'.'))
        {
            st -= 1;
        }
        let key = &line[st..e];
        if key.is_empty() || !key_names_secret(k, key) {
            i += 1;
            continue;
        }
        let mut v = i + 1;
        while v < b.len() && b[v] == b' ' {
            v += 1;
        }
        let end = match b.get(v) {
            Some(&q) if q == b'"' || q == b'\'' || q == b'`' => {
                v += 1;
                line[v..].find(q as char).map_or(b.len(), |j| v + j)
            }
            _ if code && !line[..st].contains('#') && !line[..st].contains("//") => {
                i += 1;
                continue;
            }
            _ => {
                let words = split_words(key);
                let password = words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "password" | "passwd" | "passphrase" | "pwd" | "pass"
                    )
                });
                let rest = &line[v..];
                let stop = if password {
                    [" #", " //", ";"]
                        .iter()
                        .filter_map(|m| rest.find(m))
                        .min()
                        .unwrap_or(rest.len())
                } else {
                    rest.find([' ', '\t', ',', ';', ')', '}', ']'])
                        .unwrap_or(rest.len())
                };
                v + rest[..stop].trim_end().len()
            }
        };
        let value = &line[v..end];
        for h in scan(k, Some(key), value) {
            out.push((v, h));
        }
        i = end.max(i + 1);
    }
    out
}

/// A copy of `value` with every secret in it masked (`*`): for strings taken from a parse tree
/// rather than from the masked text (the inventory's server URL).
pub fn mask_value(k: &McpKnowledge, value: &str) -> String {
    let mut hits: Vec<Range<usize>> = scan(k, None, value).into_iter().map(|h| h.range).collect();
    hits.extend(scan_words(k, value, false).into_iter().map(|h| h.range));
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        if hits.iter().any(|r| r.contains(&i)) {
            out.push('*');
        } else {
            out.push(c);
        }
    }
    out
}

/// Query parameters that carry credentials (`access_token`, `token`, `api_key`, `key`, `sig`).
pub fn query_names_secret(k: &McpKnowledge, name: &str) -> bool {
    key_names_secret(k, name) || matches!(name.to_ascii_lowercase().as_str(), "code" | "sas")
}

/// A URL fit for a message: without userinfo, query or fragment, which may carry credentials.
pub fn display_url(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or(url);
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let host = authority.rsplit('@').next().unwrap_or(authority);
            format!("{scheme}://{host}{path}")
        }
        None => url.to_string(),
    }
}

/// `host:port` or `[::1]:port` → the host.
pub fn host_only(authority_host: &str) -> &str {
    if let Some(rest) = authority_host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    authority_host.split(':').next().unwrap_or(authority_host)
}

/// `localhost`, `*.localhost`, `127.0.0.0/8`, `::1`, `0.0.0.0` and Docker's host alias: the
/// traffic never leaves the machine.
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    if h == "localhost" || h.ends_with(".localhost") || h == "::1" || h == "0.0.0.0" {
        return true;
    }
    if h == "host.docker.internal" {
        return true;
    }
    let parts: Vec<&str> = h.split('.').collect();
    parts.len() == 4 && parts[0] == "127" && parts.iter().all(|p| p.parse::<u8>().is_ok())
}

/// String literals of a JSON-like text with what precedes them: for masking secrets in files
/// whose parse stopped early. Returns (content range, previous literal's content, separator).
pub fn lexical_strings(text: &str) -> Vec<(Range<usize>, Option<Range<usize>>, u8)> {
    let b = text.as_bytes();
    let mut out = vec![];
    let mut prev: Option<Range<usize>> = None;
    let mut sep = b'[';
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' && b[j] != b'\n' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(b.len());
                out.push((start..end, prev.clone(), sep));
                prev = Some(start..end);
                sep = 0;
                i = end + 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            c @ (b':' | b',' | b'[' | b'{' | b'=') => {
                sep = c;
                i += 1;
                // An unquoted value after a key (broken JSON): up to the next delimiter.
                if c == b':' && prev.is_some() {
                    let mut start = i;
                    while start < b.len() && (b[start] == b' ' || b[start] == b'\t') {
                        start += 1;
                    }
                    let bare = b.get(start).is_some_and(|c| !b"\"{[\n\r/".contains(c));
                    if bare {
                        let mut end = start;
                        while end < b.len() && !b",}]\n\r \t".contains(&b[end]) {
                            end += 1;
                        }
                        if text.is_char_boundary(start) && text.is_char_boundary(end) {
                            out.push((start..end, prev.clone(), b':'));
                        }
                        prev = Some(start..end);
                        sep = 0;
                        i = end;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Knowledge;

    fn kinds(key: Option<&str>, value: &str) -> Vec<(String, String)> {
        let k = Knowledge::builtin();
        scan(&k.mcp, key, value)
            .into_iter()
            .map(|h| (h.kind, value[h.range].to_string()))
            .collect()
    }

    #[test]
    fn known_shapes_whatever_the_key() {
        let pat = "ghp_R8mXq2Lk7TzN4vPw9HbY3cJd6FsA1gKe0uQo";
        assert_eq!(
            kinds(Some("FOO"), pat),
            [("GitHub personal access token".to_string(), pat.to_string())]
        );
        let stripe = "sk_live_51PqR7sKx2Vb9TnL4mWc8YhJ3dF6gA0eZ";
        assert_eq!(kinds(None, &format!("--api-key={stripe}")).len(), 1);
        assert_eq!(kinds(None, "AKIAIOSFODNN7EXAMPLE").len(), 1);
        // Placeholders and names are not tokens.
        assert!(kinds(None, "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").is_empty());
        assert!(kinds(None, "sk-learn-is-a-library-name-not-a-key-at-all").is_empty());
        assert!(kinds(None, "task-runner").is_empty());
    }

    #[test]
    fn secret_keys_with_literal_values() {
        assert_eq!(kinds(Some("API_KEY"), "9f3c1e7a2b8d4f60").len(), 1);
        assert_eq!(kinds(Some("DB_PASSWORD"), "hunter2").len(), 1);
        assert_eq!(kinds(Some("PGPASSWORD"), "hunter22").len(), 1);
        let h = kinds(Some("Authorization"), "Bearer 9f3c1e7a2b8d4f60a5e1");
        assert_eq!(h[0].1, "9f3c1e7a2b8d4f60a5e1");
        assert_eq!(kinds(Some("clientSecret"), "abcdefgh12").len(), 1);
        assert_eq!(kinds(Some("GOOGLE_CLIENT_SECRET"), "abcdefgh12").len(), 1);
        // References, placeholders and non-secret keys are not reported.
        for (key, v) in [
            ("API_KEY", "${API_KEY}"),
            ("API_KEY", "${env:API_KEY}"),
            ("API_KEY", "${input:api-key}"),
            ("API_KEY", "$API_KEY"),
            ("API_KEY", "{env:API_KEY}"),
            ("Authorization", "Bearer ${TOKEN}"),
            ("GITHUB_TOKEN", "<your-token>"),
            ("GITHUB_TOKEN", "YOUR_GITHUB_TOKEN"),
            ("GITHUB_TOKEN", "your-token-here"),
            ("API_KEY", "xxxxxxxxxxxx"),
            ("API_KEY", "changeme"),
            ("TOKEN_URL", "https://auth.example.com/token"),
            ("API_KEY_FILE", "/run/secrets/key"),
            ("MAX_TOKENS", "40960000"),
            ("AUTH_TYPE", "oauth-client"),
            ("PUBLIC_KEY", "abcdefgh12345"),
            ("bearer_token_env_var", "GITHUB_TOKEN"),
            ("LOG_LEVEL", "debug-verbose-12"),
        ] {
            assert!(kinds(Some(key), v).is_empty(), "{key}={v}");
        }
    }

    #[test]
    fn urls_and_args() {
        let h = kinds(None, "postgresql://app:s3cretpw@db.internal:5432/app");
        assert_eq!(h, [("URL password".to_string(), "s3cretpw".to_string())]);
        let k = Knowledge::builtin();
        let local = scan(&k.mcp, None, "postgresql://postgres:pw123456@localhost/db");
        assert!(local[0].local);
        let h = kinds(
            None,
            "https://mcp.example.com/sse?access_token=ya29a0AfBbyC3xQ123",
        );
        assert_eq!(h[0].1, "ya29a0AfBbyC3xQ123");
        assert!(kinds(None, "https://mcp.example.com/sse?token=${TOKEN}").is_empty());
        let arg = |prev: Option<&str>, a: &str| {
            scan_arg(&k.mcp, prev, a)
                .into_iter()
                .map(|h| a[h.range].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(arg(None, "--token=abcd1234efgh"), ["abcd1234efgh"]);
        assert_eq!(arg(Some("--api-key"), "abcd1234efgh"), ["abcd1234efgh"]);
        assert_eq!(arg(None, "GITHUB_TOKEN=abcd1234efgh"), ["abcd1234efgh"]);
        assert_eq!(
            arg(None, "Authorization: Bearer abcd1234efgh"),
            ["abcd1234efgh"]
        );
        assert!(arg(Some("--api-key"), "${KEY}").is_empty());
        assert!(arg(Some("-y"), "@modelcontextprotocol/server-github").is_empty());
        assert!(arg(None, "--token-file=/run/x").is_empty());
    }

    #[test]
    fn urls_for_messages_drop_credentials() {
        assert_eq!(
            display_url("git+https://user:tok3n@github.com/o/r@main?x=1"),
            "git+https://github.com/o/r@main"
        );
        assert_eq!(
            display_url("https://h.example.com/p"),
            "https://h.example.com/p"
        );
    }

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "api.localhost",
        ] {
            assert!(is_loopback_host(h), "{h}");
        }
        for h in [
            "10.0.0.1",
            "example.com",
            "127.example.com",
            "localhost.evil.com",
        ] {
            assert!(!is_loopback_host(h), "{h}");
        }
        assert_eq!(host_only("[::1]:8080"), "::1");
        assert_eq!(host_only("localhost:3000"), "localhost");
    }

    #[test]
    fn lexical_scan_pairs_keys_and_values() {
        let text = r#"{"env": {"TOKEN": "abc", broken "K": "v"}"#;
        let lits = lexical_strings(text);
        let pairs: Vec<(String, Option<String>, u8)> = lits
            .iter()
            .map(|(r, p, s)| {
                (
                    text[r.clone()].to_string(),
                    p.clone().map(|p| text[p].to_string()),
                    *s,
                )
            })
            .collect();
        assert!(pairs.contains(&("abc".into(), Some("TOKEN".into()), b':')));
        assert!(pairs.contains(&("v".into(), Some("K".into()), b':')));
        let text = r#"{"PASSWORD": hunter22isMyPass, "n": 3}"#;
        let lits = lexical_strings(text);
        assert!(lits
            .iter()
            .any(|(r, p, _)| &text[r.clone()] == "hunter22isMyPass"
                && p.clone().map(|p| &text[p]) == Some("PASSWORD")));
    }

    #[test]
    fn secrets_outside_configs_are_found_in_free_text() {
        let k = Knowledge::builtin();
        let found = |line: &str| -> Vec<String> {
            let mut out: Vec<String> = scan_key_values(&k.mcp, line, true)
                .into_iter()
                .map(|(at, h)| line[at + h.range.start..at + h.range.end].to_string())
                .collect();
            out.extend(
                scan_words(&k.mcp, line, false)
                    .into_iter()
                    .map(|h| line[h.range].to_string()),
            );
            out.extend(
                scan(&k.mcp, None, line)
                    .into_iter()
                    .map(|h| line[h.range].to_string()),
            );
            out
        };
        let has = |line: &str, secret: &str| {
            let f = found(line);
            assert!(f.iter().any(|s| s == secret), "{line}: {f:?}");
        };
        has(
            "x = 1  # password = \"correct horse battery staple\"",
            "correct horse battery staple",
        );
        // A YAML line: configuration, where an unquoted value is a literal.
        let yaml = "password: correct horse battery staple  # the team's";
        let hits = scan_key_values(&k.mcp, yaml, false);
        assert_eq!(
            hits.iter()
                .map(|(at, h)| &yaml[at + h.range.start..at + h.range.end])
                .collect::<Vec<_>>(),
            ["correct horse battery staple"]
        );
        assert!(scan_key_values(&k.mcp, yaml, true).is_empty());
        has("DB_PASSWORD=HUNTER2_PROD_77", "HUNTER2_PROD_77");
        has(
            "run(\"mysql -uroot -pS3cretPassw0rd app\")",
            "S3cretPassw0rd",
        );
        has(
            "Server=tcp:h,1433;User Id=sa;Password=Mssql!Pass2024;",
            "Mssql!Pass2024",
        );
        has("--password=hunter2x", "hunter2x");
        has(
            "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/Zx8Kq2Lm7Rt4Wv9Yb3Nc6Pd1",
            "T0ABCDEFG/B0HIJKLMN/Zx8Kq2Lm7Rt4Wv9Yb3Nc6Pd1",
        );
        has(
            "https://mcp.example.com/sse/Xk9Qz2Lm8Rt4Wv7Yb3Nc6Pd1Jf5Hg0As",
            "Xk9Qz2Lm8Rt4Wv7Yb3Nc6Pd1Jf5Hg0As",
        );
        has(
            "https://api.example.com/token/abcd1234efgh/run",
            "abcd1234efgh",
        );
        // Not secrets: references, names, ids and ordinary flags.
        for line in [
            "password = os.environ[\"DB_PASSWORD\"]",
            "DB_PASSWORD=${DB_PASSWORD}",
            "token: GITHUB_TOKEN",
            "https://github.com/o/r/blob/3f2a9c0d4e5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f/x.py",
            "https://api.example.com/items/550e8400-e29b-41d4-a716-446655440000",
            "https://example.com/docs/GettingStartedWithTheAgentKit",
            "grep -pattern foo",
            "if a == b: pass",
        ] {
            assert!(found(line).is_empty(), "{line}: {:?}", found(line));
        }
    }
}

//! Rule documentation for `Diagnostic.codeDescription`: the server writes each rule's Markdown
//! (the text `airlock rule CODE` prints) to a per-version folder in the user's cache, once, and
//! links diagnostics to those files. Editors open them offline; nothing is fetched.

use airlock_analyzer::rules::RULES;
use lsp_types::Uri;
use std::collections::HashMap;
use std::path::PathBuf;

/// `$XDG_CACHE_HOME/airlock/docs/<version>`, else `~/.cache/airlock/docs/<version>`.
fn folder() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(
        base.join("airlock")
            .join("docs")
            .join(env!("CARGO_PKG_VERSION")),
    )
}

/// Writes the documentation (when missing or different) and returns a link per rule code. A
/// folder that cannot be written means no links, never an error.
pub fn links() -> HashMap<&'static str, Uri> {
    let mut out = HashMap::new();
    let Some(dir) = folder() else {
        return out;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return out;
    }
    for r in RULES {
        let path = dir.join(format!("{}.md", r.code));
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() != Some(r.docs) && std::fs::write(&path, r.docs).is_err() {
            continue;
        }
        out.insert(r.code, crate::convert::uri_of(&path));
    }
    out
}

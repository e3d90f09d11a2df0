//! Conventions checked inside `cargo test`, as rust-analyzer's tidy test does: module docs,
//! ignored tests that say why, no placeholder macros, built-in knowledge files that are all
//! compiled in, and corpus case names that say which variant they are.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` (relative to the workspace root) whose name ends with `ext`, sorted.
fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut out = vec![];
    let mut stack = vec![root().join(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().ends_with(ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

fn rust_files() -> Vec<PathBuf> {
    let mut all = vec![];
    for dir in ["analyzer/src", "src", "tests"] {
        all.extend(files(dir, ".rs"));
    }
    assert!(all.len() > 20, "found only {} Rust files", all.len());
    all
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", rel(p)))
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let missing: Vec<String> = rust_files()
        .iter()
        .filter(|p| !read(p).starts_with("//!"))
        .map(|p| rel(p))
        .collect();
    assert!(
        missing.is_empty(),
        "these files do not start with a `//!` line saying why they exist:\n{}",
        missing.join("\n")
    );
}

/// Lines holding an ignore attribute without `= "reason"`.
fn bare_ignores(text: &str) -> Vec<usize> {
    // Spelled in two pieces so this file does not match itself.
    let attr = concat!("#[", "ignore");
    let mut out = vec![];
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(attr) else {
            continue;
        };
        let rest = line[at + attr.len()..].trim_start();
        let reasoned = rest
            .strip_prefix('=')
            .map(str::trim_start)
            .is_some_and(|r| r.starts_with('"') && r.len() > 2 && !r.starts_with("\"\""));
        if !reasoned {
            out.push(i + 1);
        }
    }
    out
}

#[test]
fn ignored_tests_say_why() {
    let mut failures = vec![];
    for p in rust_files() {
        for line in bare_ignores(&read(&p)) {
            failures.push(format!("{}:{line}", rel(&p)));
        }
    }
    assert!(
        failures.is_empty(),
        "an ignored test needs a reason (`ignore = \"why\"`):\n{}",
        failures.join("\n")
    );
    let attr = concat!("#[", "ignore");
    assert_eq!(bare_ignores(&format!("{attr}]\nfn f() {{}}")), [1]);
    assert_eq!(bare_ignores(&format!("{attr} = \"\"]")), [1]);
    assert!(bare_ignores(&format!("{attr} = \"slow on CI\"]")).is_empty());
}

#[test]
fn no_placeholder_macros_in_shipped_code() {
    let macros = [concat!("todo", "!("), concat!("unimplemented", "!(")];
    let mut failures = vec![];
    for dir in ["analyzer/src", "src"] {
        for p in files(dir, ".rs") {
            for (i, line) in read(&p).lines().enumerate() {
                if macros.iter().any(|m| line.contains(m)) {
                    failures.push(format!("{}:{}: {}", rel(&p), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_knowledge_file_is_built_in() {
    let on_disk: Vec<String> = files("rules/knowledge", ".toml")
        .iter()
        .map(|p| rel(p))
        .collect();
    assert!(!on_disk.is_empty(), "rules/knowledge holds no .toml file");
    let builtin: Vec<&str> = airlock_analyzer::knowledge::BUILTIN
        .iter()
        .map(|(name, _)| *name)
        .collect();
    for f in &on_disk {
        assert!(
            builtin.contains(&f.as_str()),
            "{f} is not listed in analyzer/src/knowledge.rs BUILTIN, so it is never loaded"
        );
    }
    for (name, text) in airlock_analyzer::knowledge::BUILTIN {
        let disk = std::fs::read_to_string(root().join(name))
            .unwrap_or_else(|e| panic!("BUILTIN names {name}, which cannot be read: {e}"));
        assert_eq!(
            disk, *text,
            "{name}: BUILTIN holds other text than the file"
        );
    }
}

#[test]
fn corpus_cases_are_named_for_their_variant() {
    let mut bad = vec![];
    let mut cases = 0;
    let groups = [
        "corpus/langgraph",
        "corpus/mcp",
        "corpus/mcp-servers",
        "corpus/openai-agents",
    ];
    let entries = groups.iter().flat_map(|g| {
        std::fs::read_dir(root().join(g))
            .unwrap_or_else(|e| panic!("{g} exists: {e}"))
            .flatten()
    });
    for entry in entries {
        if !entry.path().is_dir() {
            continue;
        }
        cases += 1;
        let name = entry.file_name().to_string_lossy().into_owned();
        let lowercase = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let starts_with_rule = name.len() > 7
            && name.starts_with("air")
            && name[3..6].chars().all(|c| c.is_ascii_digit())
            && name.as_bytes()[6] == b'-';
        if !(name.ends_with("-vulnerable") || name.ends_with("-safe"))
            || !lowercase
            || !starts_with_rule
        {
            bad.push(name);
        }
    }
    assert!(cases > 0);
    assert!(
        bad.is_empty(),
        "corpus cases are named `airNNN-<what>-vulnerable` or `airNNN-<what>-safe`:\n{}",
        bad.join("\n")
    );
}

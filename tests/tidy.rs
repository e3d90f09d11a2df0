//! Conventions checked inside `cargo test`, as rust-analyzer's tidy test does: module docs,
//! ignored tests that say why, no placeholder macros, built-in knowledge files that are all
//! compiled in, corpus case names that say which variant they are, and readers of the facts
//! (rules, inventory, graph, reports) that import no framework adapter, and unit tests in every
//! rule module.

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

/// The framework adapters a reader of the facts must not import (issue 17): rules, the
/// inventory, the project graph and the reports read `airlock_analyzer::facts` only, so a new
/// framework is an adapter writing facts, not a change to every rule.
const ADAPTERS: &[&str] = &[
    "langgraph",
    "crewai",
    "openai_agents",
    "mcp_server",
    "ts_mcp",
];

/// The adapters `text` names through a path `extract::<adapter>` (also inside a
/// `extract::{...}` group), with the line of each; comments do not count.
fn adapter_imports(text: &str) -> Vec<(usize, &'static str)> {
    let mut out = vec![];
    for (at, _) in text.match_indices("extract::") {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..at].contains("//") {
            continue;
        }
        let rest = &text[at + "extract::".len()..];
        let named: &str = if let Some(group) = rest.strip_prefix('{') {
            group.split('}').next().unwrap_or("")
        } else {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")
        };
        let line = text[..at].matches('\n').count() + 1;
        for a in ADAPTERS {
            let hit = named
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w == *a);
            if hit {
                out.push((line, *a));
            }
        }
    }
    out
}

#[test]
fn fact_readers_import_no_framework_adapter() {
    // The detector itself: a direct path, a group and a plain mention.
    assert_eq!(
        adapter_imports("use crate::extract::langgraph::Tool;"),
        [(1, "langgraph")]
    );
    assert_eq!(
        adapter_imports("x\nuse crate::extract::{body, crewai::Endpoint};"),
        [(2, "crewai")]
    );
    assert!(adapter_imports("use crate::extract::interp::Site; // langgraph").is_empty());
    assert!(adapter_imports("//! written by `extract::crewai`").is_empty());
    let mut readers = files("analyzer/src/rules", ".rs");
    readers.extend(files("analyzer/src/report", ".rs"));
    readers.extend(files("analyzer/src/facts", ".rs"));
    // The pipeline runs the adapters through `extract::adapters` and names none of them.
    for f in [
        "analyzer/src/inventory.rs",
        "analyzer/src/graph.rs",
        "analyzer/src/analysis.rs",
    ] {
        readers.push(root().join(f));
    }
    assert!(readers.len() > 15, "found only {} readers", readers.len());
    let mut bad = vec![];
    for p in &readers {
        for (line, a) in adapter_imports(&read(p)) {
            bad.push(format!("{}:{line}: imports extract::{a}", rel(p)));
        }
    }
    assert!(
        bad.is_empty(),
        "rules, inventory, graph, report, facts and the pipeline read `facts`, not the adapters:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_rule_module_has_unit_tests() {
    let rules: Vec<PathBuf> = files("analyzer/src/rules", ".rs")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("air"))
        })
        .collect();
    assert!(rules.len() >= 13, "found only {} rule modules", rules.len());
    let missing: Vec<String> = rules
        .iter()
        .filter(|p| {
            let text = read(p);
            !(text.contains("#[cfg(test)]") && text.contains("#[test]"))
        })
        .map(|p| rel(p))
        .collect();
    assert!(
        missing.is_empty(),
        "rule modules without unit tests (see rules/testing.rs):\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_rule_module_owns_its_entry_and_a_typed_violation() {
    let rules: Vec<PathBuf> = files("analyzer/src/rules", ".rs")
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("air"))
        })
        .collect();
    let catalog = read(&root().join("analyzer/src/rules/mod.rs"));
    let mut wrong = vec![];
    for p in &rules {
        let text = read(p);
        let module = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let code = module.to_ascii_uppercase();
        if !text.contains(&format!("code: \"{code}\""))
            || !text.contains("pub const META: RuleMeta")
        {
            wrong.push(format!("{}: no `pub const META` for {code}", rel(p)));
        }
        if !text.contains("impl super::Violation for")
            || !text.contains("const RULE: RuleMeta = META;")
        {
            wrong.push(format!(
                "{}: no typed violation (`impl super::Violation`)",
                rel(p)
            ));
        }
        if text.contains("lookup(\"AIR") {
            wrong.push(format!("{}: looks a rule up by string", rel(p)));
        }
        if !catalog.contains(&format!("{module}::META,")) {
            wrong.push(format!("{}: not in `RULES`", rel(p)));
        }
    }
    assert!(
        wrong.is_empty(),
        "rule modules out of shape:\n{}",
        wrong.join("\n")
    );
}

/// Framework packages whose names the interpreter must not spell in code: their semantics
/// (tool decorators, entrypoints, constants, builders) come from `rules/knowledge`.
const FRAMEWORK_PACKAGES: &[&str] = &[
    "langgraph",
    "langchain",
    "crewai",
    "agents.",
    "openai",
    "pydantic_ai",
    "smolagents",
    "google.adk",
    "autogen",
    "llama_index",
];

/// String literals of `text` outside comments that name a framework package, with their lines.
fn framework_literals(text: &str) -> Vec<(usize, String)> {
    let mut out = vec![];
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for lit in code.split('"').skip(1).step_by(2) {
            if FRAMEWORK_PACKAGES.iter().any(|p| lit.contains(p)) {
                out.push((i + 1, lit.to_string()));
            }
        }
    }
    out
}

#[test]
fn the_interpreter_names_no_framework() {
    assert_eq!(
        framework_literals("x\n    q.starts_with(\"langgraph.\") // ok"),
        [(2, "langgraph.".to_string())]
    );
    assert!(framework_literals("// \"crewai.tools.tool\"").is_empty());
    assert!(framework_literals("let s = \"__start__\";").is_empty());
    let dir = root().join("analyzer/src/extract/interp");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the interpreter's modules: {files:?}");
    let bad: Vec<String> = files
        .iter()
        .flat_map(|p| {
            framework_literals(&read(p))
                .into_iter()
                .map(move |(l, s)| format!("{}:{l}: \"{s}\"", rel(p)))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "the interpreter reads framework semantics from rules/knowledge ([[api]] roles), not code:\n{}",
        bad.join("\n")
    );
}

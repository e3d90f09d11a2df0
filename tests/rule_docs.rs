//! The rule catalog follows ruff's conventions: stable `AIRnnn` codes, kebab-case names that
//! read well after "allow", lowercase summaries, documentation with the fixed sections, Python
//! examples that parse, and config examples that fire their rule while their fixes do not.

mod support;

use airlock_analyzer::rules::{RuleMeta, RULES};
use std::collections::BTreeSet;

/// The sections every rule's documentation has, in this order.
const SECTIONS: [&str; 5] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "Use instead:",
    "## References",
];

fn is_code(code: &str) -> bool {
    code.len() == 6 && code.starts_with("AIR") && code[3..].chars().all(|c| c.is_ascii_digit())
}

fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|word| {
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The offset of a line that is exactly `line` (a heading or `Use instead:`), after `from`.
fn line_offset(docs: &str, line: &str, from: usize) -> Option<usize> {
    let mut offset = 0;
    for l in docs.split_inclusive('\n') {
        if offset >= from && l.trim_end() == line {
            return Some(offset);
        }
        offset += l.len();
    }
    None
}

/// The body of every fenced code block whose info string is `python` (or `py`).
fn python_blocks(docs: &str) -> Vec<(usize, String)> {
    blocks(docs, &["python", "py"])
}

/// Config examples: JSON, JSON with comments, TOML, YAML.
const CONFIG_LANGS: [&str; 5] = ["json", "jsonc", "toml", "yaml", "yml"];

/// The body of every fenced code block whose info string is one of `langs`, with the line of
/// its opening fence.
fn blocks(docs: &str, langs: &[&str]) -> Vec<(usize, String)> {
    let mut out = vec![];
    let mut current: Option<(usize, String)> = None;
    let mut fence_lang: Option<String> = None;
    for (i, line) in docs.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match fence_lang.take() {
                None => {
                    let lang = info.trim().to_ascii_lowercase();
                    if langs.contains(&lang.as_str()) {
                        current = Some((i + 1, String::new()));
                    }
                    fence_lang = Some(lang);
                }
                Some(_) => {
                    if let Some(block) = current.take() {
                        out.push(block);
                    }
                }
            }
            continue;
        }
        if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    assert!(fence_lang.is_none(), "an unterminated code fence");
    out
}

#[test]
fn codes_are_well_formed_unique_and_ordered() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        assert!(
            is_code(rule.code),
            "`{}` is not AIR followed by 3 digits",
            rule.code
        );
        assert!(seen.insert(rule.code), "{} appears twice", rule.code);
    }
    let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "RULES is ordered by code");
    // The catalog of reference/rules.md (AIR101–AIR306), the suppression rules AIR001/AIR002,
    // and the MCP authorization rules AIR307–AIR311.
    assert_eq!(RULES.len(), 20);
}

#[test]
fn names_are_kebab_case_and_read_after_allow() {
    let mut seen = BTreeSet::new();
    for rule in RULES {
        let name = rule.name;
        assert!(
            is_kebab_case(name),
            "{}: `{name}` is not kebab-case",
            rule.code
        );
        for bad in ["avoid-", "use-", "no-", "dont-", "do-not-", "prefer-"] {
            assert!(
                !name.starts_with(bad),
                "{}: `{name}` starts with `{bad}`; names read after \"allow\"",
                rule.code
            );
        }
        assert!(seen.insert(name), "the name `{name}` appears twice");
    }
}

#[test]
fn summaries_are_lowercase_without_a_trailing_period() {
    for rule in RULES {
        let s = rule.summary;
        assert!(!s.is_empty(), "{}: empty summary", rule.code);
        assert!(
            s.starts_with(|c: char| c.is_lowercase() || c == '`'),
            "{}: summary starts with an uppercase letter: {s}",
            rule.code
        );
        assert!(
            !s.ends_with('.') && s.trim() == s && !s.contains('\n'),
            "{}: summary has a trailing period, blank or line break: {s:?}",
            rule.code
        );
    }
}

fn check_docs_shape(rule: &RuleMeta) -> Result<(), String> {
    let docs = rule.docs;
    let title = format!("# {}: {}", rule.code, rule.name);
    let first = docs.lines().next().unwrap_or("");
    if first != title {
        return Err(format!("first line is `{first}`, want `{title}`"));
    }
    let mut from = 0;
    for section in SECTIONS {
        match line_offset(docs, section, from) {
            Some(at) => from = at + section.len(),
            None => {
                let anywhere = line_offset(docs, section, 0).is_some();
                return Err(if anywhere {
                    format!("`{section}` is out of order")
                } else {
                    format!("`{section}` is missing")
                });
            }
        }
    }
    Ok(())
}

#[test]
fn docs_have_the_title_and_sections_in_order() {
    let failures: Vec<String> = RULES
        .iter()
        .filter_map(|r| {
            check_docs_shape(r)
                .err()
                .map(|e| format!("{}: {e}", r.code))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_shape_check_rejects_broken_docs() {
    let good = RuleMeta {
        docs: "# AIR999: some-rule\n\n## What it does\nx\n## Why is this bad?\ny\n## Example\n```python\nx = 1\n```\nUse instead:\n```python\nx = 2\n```\n## References\n- z\n",
        code: "AIR999",
        name: "some-rule",
        ..RULES[0]
    };
    assert_eq!(check_docs_shape(&good), Ok(()));
    let swapped = RuleMeta {
        docs: "# AIR999: some-rule\n## Why is this bad?\n## What it does\n## Example\nUse instead:\n## References\n",
        ..good
    };
    assert!(check_docs_shape(&swapped).is_err());
    let untitled = RuleMeta {
        docs: "# AIR998: some-rule\n## What it does\n## Why is this bad?\n## Example\nUse instead:\n## References\n",
        ..good
    };
    assert!(check_docs_shape(&untitled).is_err());
    assert_eq!(python_blocks(good.docs).len(), 2);
}

fn python_errors(src: &str) -> Option<String> {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .expect("tree-sitter-python loads");
    let tree = parser.parse(src, None).expect("tree-sitter returns a tree");
    let root = tree.root_node();
    if !root.has_error() {
        return None;
    }
    // Name the first error node, found with an explicit cursor walk.
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            return Some(format!(
                "syntax error at line {} of the block: {}",
                node.start_position().row + 1,
                node.kind()
            ));
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return Some("syntax error".into());
            }
        }
    }
}

#[test]
fn python_examples_parse() {
    let mut failures = vec![];
    let mut blocks = 0;
    for rule in RULES {
        for (line, block) in python_blocks(rule.docs) {
            blocks += 1;
            if let Some(e) = python_errors(&block) {
                failures.push(format!(
                    "rules/docs/{}.md: the python block at line {line}: {e}",
                    rule.code
                ));
            }
        }
    }
    assert!(blocks >= 10, "only {blocks} python blocks in the docs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(python_errors("def f(:\n    pass\n").is_some());
}

/// Whether a rule's example is a client configuration (AIR301–AIR304) rather than code: the
/// first code block after `## Example` is JSON, TOML or YAML.
fn shows_config(docs: &str) -> bool {
    let Some(example) = docs.lines().position(|l| l.trim_end() == "## Example") else {
        return false;
    };
    docs.lines()
        .skip(example)
        .find_map(|l| l.trim_start().strip_prefix("```"))
        .is_some_and(|lang| CONFIG_LANGS.contains(&lang.trim().to_ascii_lowercase().as_str()))
}

#[test]
fn implemented_rules_show_examples() {
    for rule in RULES.iter().filter(|r| r.implemented) {
        // Code rules show Python; MCP client-config rules show the config file.
        let shown = if shows_config(rule.docs) {
            blocks(rule.docs, &CONFIG_LANGS).len()
        } else {
            python_blocks(rule.docs).len()
        };
        assert!(
            shown >= 2,
            "{}: an implemented rule shows an example and its fix",
            rule.code
        );
    }
}

/// The first config block after the line `marker`, and the file name written as `` `path`: ``
/// on the line before the block that follows `## Example`.
fn config_example(docs: &str, marker: &str) -> Option<(String, String)> {
    let lines: Vec<&str> = docs.lines().collect();
    let example = lines.iter().position(|l| l.trim_end() == "## Example")?;
    let path = lines[example..]
        .iter()
        .find_map(|l| l.strip_prefix('`').and_then(|r| r.strip_suffix("`:")))?
        .to_string();
    let from = lines.iter().position(|l| l.trim_end() == marker)?;
    let (_, body) = blocks(docs, &CONFIG_LANGS)
        .into_iter()
        .find(|(at, _)| *at > from)?;
    Some((path, body))
}

/// Every config example is analysed: the example fires its rule, the fix does not.
#[test]
fn config_examples_fire_and_their_fixes_do_not() {
    use airlock_analyzer::analysis::{analyze, Options};
    let knowledge = airlock_analyzer::knowledge::Knowledge::builtin();
    let mut checked = 0;
    for rule in RULES
        .iter()
        .filter(|r| r.implemented && shows_config(r.docs))
    {
        for (marker, fires) in [("## Example", true), ("Use instead:", false)] {
            let (path, body) = config_example(rule.docs, marker)
                .unwrap_or_else(|| panic!("{}: no config example after `{marker}`", rule.code));
            let dir = support::TempDir::new(&format!("doc-{}", rule.code.to_ascii_lowercase()));
            dir.write(&path, &body);
            let opts = Options {
                paths: vec![dir.path().to_path_buf()],
                ..Options::default()
            };
            let result = analyze(&opts, &knowledge);
            let n = result
                .findings
                .iter()
                .filter(|f| f.code == rule.code)
                .count();
            assert_eq!(
                n > 0,
                fires,
                "{}: the block after `{marker}` gives {n} findings; notices: {:?}",
                rule.code,
                result.notices
            );
            assert!(
                result.notices.is_empty(),
                "{}: {:?}",
                rule.code,
                result.notices
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} config examples checked");
}

/// MCP server rules' Python examples are whole servers: the example fires its rule, the fix does
/// not.
#[test]
fn mcp_server_examples_fire_and_their_fixes_do_not() {
    use airlock_analyzer::analysis::{analyze, Options};
    let knowledge = airlock_analyzer::knowledge::Knowledge::builtin();
    let mut checked = 0;
    for rule in RULES
        .iter()
        .filter(|r| r.implemented && !shows_config(r.docs))
    {
        let blocks = python_blocks(rule.docs);
        let is_server = |b: &str| b.contains("MCPServer(") || b.contains("FastMCP(");
        if !blocks.first().is_some_and(|(_, b)| is_server(b)) {
            continue;
        }
        let lines: Vec<&str> = rule.docs.lines().collect();
        let fix_at = lines
            .iter()
            .position(|l| l.trim_end() == "Use instead:")
            .unwrap_or(usize::MAX);
        let example = blocks.iter().find(|(at, _)| *at < fix_at);
        let fix = blocks.iter().find(|(at, _)| *at > fix_at);
        for (block, fires) in [(example, true), (fix, false)] {
            let (line, body) = block.unwrap_or_else(|| panic!("{}: no python block", rule.code));
            let dir =
                support::TempDir::new(&format!("doc-{}-{line}", rule.code.to_ascii_lowercase()));
            dir.write("server.py", body);
            let opts = Options {
                paths: vec![dir.path().to_path_buf()],
                ..Options::default()
            };
            let result = analyze(&opts, &knowledge);
            let n = result
                .findings
                .iter()
                .filter(|f| f.code == rule.code)
                .count();
            assert_eq!(
                n > 0,
                fires,
                "{}: the python block at line {line} gives {n} findings: {:?}",
                rule.code,
                result
                    .findings
                    .iter()
                    .map(|f| &f.message)
                    .collect::<Vec<_>>()
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} MCP server examples checked");
}

/// Code rules whose example is a whole program: the example fires the rule, and the example with
/// the `Use instead:` block appended (the fix added to the same program) does not.
const RUNNABLE_CODE_EXAMPLES: &[&str] = &["AIR102"];

#[test]
fn runnable_code_examples_fire_and_their_fixes_do_not() {
    use airlock_analyzer::analysis::{analyze, Options};
    let knowledge = airlock_analyzer::knowledge::Knowledge::builtin();
    for code in RUNNABLE_CODE_EXAMPLES {
        let rule = RULES
            .iter()
            .find(|r| r.code == *code)
            .expect("a known rule");
        assert!(rule.implemented, "{code} is implemented");
        let after = |marker: &str| {
            let from = rule
                .docs
                .lines()
                .position(|l| l.trim_end() == marker)
                .unwrap_or_else(|| panic!("{code}: no `{marker}`"));
            python_blocks(rule.docs)
                .into_iter()
                .find(|(at, _)| *at > from)
                .map(|(_, b)| b)
                .unwrap_or_else(|| panic!("{code}: no python block after `{marker}`"))
        };
        let example = after("## Example");
        let fix = format!("{example}\n{}", after("Use instead:"));
        for (body, fires) in [(example, true), (fix, false)] {
            let dir = support::TempDir::new(&format!("doc-{}", code.to_ascii_lowercase()));
            dir.write("pyproject.toml", "[project]\nname = \"example\"\n");
            dir.write("example.py", &body);
            let opts = Options {
                paths: vec![dir.path().to_path_buf()],
                ..Options::default()
            };
            let result = analyze(&opts, &knowledge);
            let n = result.findings.iter().filter(|f| f.code == *code).count();
            assert_eq!(n > 0, fires, "{code}: {n} findings; {:#?}", result.findings);
            assert!(result.notices.is_empty(), "{code}: {:?}", result.notices);
        }
    }
}

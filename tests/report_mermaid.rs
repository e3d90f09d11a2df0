//! `airlock graph --format mermaid` rendered by Mermaid 11 (the npm package pinned in
//! `tests/html/package.json`, loaded from `node_modules` into a local page) in headless
//! Chromium through `tests/html/mermaid.mjs`. Every node must carry the classes its `class`
//! lines give it, and its shape must show the fill and stroke of the `classDef`s of those
//! classes (the class assigned last wins): a `class n0 source,untrusted` line, which
//! Mermaid reads as one class named `source,untrusted`, leaves the node in Mermaid's default
//! lavender and fails here. Outside CI the test is skipped when Chromium or the npm packages are
//! missing; in CI (`.ci/run` installs them) it fails.

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;
use support::{repo_root, run_airlock, TempDir};

/// `#rgb` or `#rrggbb` as the browser's computed `rgb(r, g, b)`.
fn css_rgb(hex: &str) -> String {
    let h = hex.trim_start_matches('#');
    let digits: Vec<u8> = if h.len() == 3 {
        h.chars()
            .map(|c| u8::from_str_radix(&format!("{c}{c}"), 16).unwrap())
            .collect()
    } else {
        (0..3)
            .map(|i| u8::from_str_radix(&h[i * 2..i * 2 + 2], 16).unwrap())
            .collect()
    };
    format!("rgb({}, {}, {})", digits[0], digits[1], digits[2])
}

/// One `classDef`: (name, fill, stroke).
type ClassDef = (String, Option<String>, Option<String>);
type ClassDefs = Vec<ClassDef>;

fn class_defs(diagram: &str) -> ClassDefs {
    diagram
        .lines()
        .filter_map(|l| l.trim().strip_prefix("classDef "))
        .map(|rest| {
            let (name, style) = rest.split_once(' ').unwrap_or((rest, ""));
            let prop = |key: &str| {
                style
                    .split(',')
                    .find_map(|kv| kv.strip_prefix(&format!("{key}:")))
                    .map(css_rgb)
            };
            (name.to_string(), prop("fill"), prop("stroke"))
        })
        .collect()
}

/// The classes each node is given by `class ID NAME` lines.
fn class_lines(diagram: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in diagram.lines() {
        if let Some(rest) = l.trim().strip_prefix("class ") {
            let (ids, class) = rest.split_once(' ').expect("class IDS NAME");
            for id in ids.split(',') {
                out.entry(id.to_string())
                    .or_default()
                    .push(class.to_string());
            }
        }
    }
    out
}

#[test]
fn mermaid_output_renders_with_its_styles_in_mermaid_11() {
    let root = repo_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = std::path::Path::new(&chromium).exists()
        && root
            .join("tests/html/node_modules/playwright-core")
            .exists()
        && root.join("tests/html/node_modules/mermaid").exists();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium or tests/html/node_modules is missing; .ci/run installs both"
        );
        eprintln!("skipped: install Debian's chromium and run `npm ci --prefix tests/html`");
        return;
    }
    let r = run_airlock([
        "graph",
        "corpus/examples/support-desk",
        "--format",
        "mermaid",
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let diagram = r.stdout();
    let tmp = TempDir::new("mermaid");
    let file = tmp.write("graph.mmd", &diagram);
    let out = Command::new("node")
        .arg(root.join("tests/html/mermaid.mjs"))
        .arg(&file)
        .arg(tmp.path())
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run node");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    let rendered: Value = serde_json::from_slice(&out.stdout).expect("JSON from mermaid.mjs");
    assert!(rendered["error"].is_null(), "Mermaid failed: {log}");
    assert!(
        rendered["version"]
            .as_str()
            .is_some_and(|v| v.starts_with("11.")),
        "not Mermaid 11: {}",
        rendered["version"]
    );
    let defs = class_defs(&diagram);
    let assigned = class_lines(&diagram);
    let nodes = rendered["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), assigned.len(), "every node is drawn: {log}");
    let default_fill = css_rgb("#ECECFF");
    let mut problems = vec![];
    for n in nodes {
        let id = n["id"].as_str().unwrap_or_default();
        let have: Vec<&str> = n["classes"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let want = assigned.get(id).cloned().unwrap_or_default();
        for c in &want {
            if !have.contains(&c.as_str()) {
                problems.push(format!("{id}: class `{c}` missing from {have:?}"));
            }
        }
        // Mermaid 11 writes each class's style onto the shape in the order the classes were
        // assigned: the last assigned class that sets a property wins.
        let last = |pick: fn(&ClassDef) -> &Option<String>| {
            want.iter()
                .filter_map(|c| defs.iter().find(|d| &d.0 == c))
                .filter_map(|d| pick(d).clone())
                .next_back()
        };
        let fill = n["fill"].as_str().unwrap_or_default();
        let stroke = n["stroke"].as_str().unwrap_or_default();
        match last(|d| &d.1) {
            Some(f) if f != fill => problems.push(format!("{id}: fill {fill}, want {f}")),
            None => problems.push(format!("{id}: no classDef gives it a fill ({want:?})")),
            _ => {}
        }
        if let Some(s) = last(|d| &d.2) {
            if s != stroke {
                problems.push(format!("{id}: stroke {stroke}, want {s}"));
            }
        }
        if fill == default_fill {
            problems.push(format!("{id}: Mermaid's default fill"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}\n{diagram}");
    // The picture uses the legend: sources, agents, privileged tools and the red path.
    let fills: Vec<&str> = nodes.iter().filter_map(|n| n["fill"].as_str()).collect();
    for hex in ["#fff3e0", "#e3f2fd", "#ffebee"] {
        assert!(
            fills.contains(&css_rgb(hex).as_str()),
            "no node filled {hex}"
        );
    }
    let strokes: Vec<&str> = nodes.iter().filter_map(|n| n["stroke"].as_str()).collect();
    assert!(
        strokes.contains(&css_rgb("#d00").as_str()),
        "no path drawn red"
    );
}

//! Every SARIF rule carries, as tags and as `properties.standards`, exactly the standards
//! `rules/standards.toml` maps it to (read here on its own, with the `toml` crate), and
//! `airlock rules --format json` says the same; each tag names an item the table defines.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use support::{repo_root, run_airlock};

/// (framework key → (id → title)), (rule code → framework key → ids), from the table.
type Table = (
    BTreeMap<String, BTreeMap<String, String>>,
    BTreeMap<String, BTreeMap<String, Vec<String>>>,
);

fn table() -> Table {
    let text = std::fs::read_to_string(repo_root().join("rules/standards.toml"))
        .expect("rules/standards.toml");
    let v: toml::Value = toml::from_str(&text).expect("TOML");
    let mut frameworks = BTreeMap::new();
    for f in v["framework"].as_array().expect("[[framework]]") {
        let items = f["items"]
            .as_table()
            .expect("items")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect();
        frameworks.insert(f["key"].as_str().unwrap().to_string(), items);
    }
    let mut rules = BTreeMap::new();
    for (code, map) in v["rule"].as_table().expect("[rule.*]") {
        let refs: BTreeMap<String, Vec<String>> = map
            .as_table()
            .unwrap()
            .iter()
            .map(|(k, ids)| {
                let ids = ids
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i.as_str().unwrap().to_string())
                    .collect();
                (k.clone(), ids)
            })
            .collect();
        rules.insert(code.clone(), refs);
    }
    (frameworks, rules)
}

#[test]
fn sarif_rule_tags_match_the_standards_table() {
    let (frameworks, table) = table();
    let r = run_airlock([
        "check",
        "corpus/examples/support-desk",
        "--format",
        "sarif",
        "--exit-zero",
    ]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let log: Value = serde_json::from_str(&r.stdout()).expect("SARIF JSON");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("driver rules");
    assert!(rules.len() >= 15);
    let mut tagged = 0;
    for rule in rules {
        let code = rule["id"].as_str().unwrap();
        let refs = table
            .get(code)
            .unwrap_or_else(|| panic!("{code} has no [rule.{code}] in standards.toml"));
        let want: BTreeSet<String> = refs
            .iter()
            .flat_map(|(key, ids)| {
                ids.iter()
                    .map(move |id| format!("external/{key}/{}", id.to_ascii_lowercase()))
            })
            .collect();
        let have: BTreeSet<String> = rule["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| t.starts_with("external/"))
            .map(String::from)
            .collect();
        assert_eq!(have, want, "{code}: SARIF tags");
        // properties.standards: the same ids with the table's titles.
        let standards = rule["properties"]["standards"]
            .as_object()
            .expect("standards");
        let mut seen = BTreeSet::new();
        for (key, items) in standards {
            for item in items.as_array().unwrap() {
                let id = item["id"].as_str().unwrap();
                assert_eq!(
                    item["title"].as_str(),
                    frameworks[key].get(id).map(String::as_str),
                    "{code}: title of {key} {id}"
                );
                seen.insert(format!("external/{key}/{}", id.to_ascii_lowercase()));
            }
        }
        assert_eq!(seen, want, "{code}: properties.standards");
        if !want.is_empty() {
            tagged += 1;
        }
    }
    // Every rule but the two suppression rules maps to some standard.
    assert_eq!(tagged, rules.len() - 2);
    // Spot checks against the published lists.
    let air106 = rules.iter().find(|r| r["id"] == "AIR106").unwrap();
    let tags: Vec<&str> = air106["properties"]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for t in [
        "external/owasp-llm-2025/llm05",
        "external/owasp-mcp-2025/mcp05",
        "external/mitre-atlas/aml.t0050",
    ] {
        assert!(tags.contains(&t), "AIR106 lacks {t}: {tags:?}");
    }
}

#[test]
fn rules_json_lists_the_same_standards() {
    let (_, table) = table();
    let r = run_airlock(["rules", "--format", "json"]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout()).expect("JSON");
    let frameworks = v["frameworks"].as_array().unwrap();
    assert!(frameworks
        .iter()
        .all(|f| f["status"] == "verified" || f["status"] == "unverified"));
    for rule in v["rules"].as_array().unwrap() {
        let code = rule["code"].as_str().unwrap();
        let have: BTreeMap<String, Vec<String>> = rule["standards"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, items)| {
                let ids = items
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_str().unwrap().to_string())
                    .collect();
                (k.clone(), ids)
            })
            .collect();
        let want: BTreeMap<String, Vec<String>> = table[code]
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(k, ids)| (k.clone(), ids.clone()))
            .collect();
        assert_eq!(have, want, "{code}");
    }
}

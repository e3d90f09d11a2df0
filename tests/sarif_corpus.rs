//! The SARIF of every corpus project validates against the SARIF 2.1.0 schema and has what
//! GitHub code scanning reads: rules with help and `security-severity`, relative URIs, a
//! `partialFingerprints` entry per result and a `codeFlows` path wherever the finding has one.

use airlock_analyzer::analysis::{analyze, Options};
use airlock_analyzer::diagnostics::{render_sarif, Report};
use airlock_analyzer::knowledge::Knowledge;
use serde_json::Value;
use std::path::{Path, PathBuf};

const SARIF_SCHEMA: &str = include_str!("fixtures/sarif-schema-2.1.0.json");

/// Every project under `corpus/<group>/<case>/`.
fn projects() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = vec![];
    for group in std::fs::read_dir(&root).expect("corpus/").flatten() {
        if !group.path().is_dir() {
            continue;
        }
        for case in std::fs::read_dir(group.path()).expect("group").flatten() {
            if case.path().is_dir() {
                out.push(case.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_corpus_project_yields_valid_code_scanning_sarif() {
    let schema: Value = serde_json::from_str(SARIF_SCHEMA).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let knowledge = Knowledge::builtin();
    let projects = projects();
    assert!(projects.len() >= 30, "{} projects", projects.len());
    let mut failures = vec![];
    let mut results_seen = 0;
    for dir in &projects {
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let result = analyze(
            &Options {
                paths: vec![dir.clone()],
                ..Options::default()
            },
            &knowledge,
        );
        let report = Report {
            findings: &result.findings,
            notices: &result.notices,
            sources: &result.sources,
            tool_version: "0.0.0-test",
            path_prefix: "",
        };
        let log: Value = serde_json::from_str(&render_sarif(&report)).expect("SARIF is JSON");
        for e in validator.iter_errors(&log) {
            failures.push(format!("{name}: {e} at {}", e.instance_path()));
        }
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        for rule in rules {
            if rule["help"]["markdown"].as_str().is_none_or(str::is_empty)
                || rule["properties"]["security-severity"].as_str().is_none()
            {
                failures.push(format!(
                    "{name}: rule {} lacks help or severity",
                    rule["id"]
                ));
            }
        }
        let results = run["results"].as_array().expect("results");
        assert_eq!(results.len(), result.findings.len());
        for (res, finding) in results.iter().zip(&result.findings) {
            results_seen += 1;
            let uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("");
            if uri.is_empty() || uri.starts_with('/') || uri.contains("://") {
                failures.push(format!("{name}: URI `{uri}` is not relative"));
            }
            if res["partialFingerprints"]
                .as_object()
                .is_none_or(|m| m.is_empty())
            {
                failures.push(format!("{name}: result without partialFingerprints"));
            }
            let index = res["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
            if rules.get(index).map(|r| &r["id"]) != Some(&res["ruleId"]) {
                failures.push(format!(
                    "{name}: ruleIndex does not point at {}",
                    res["ruleId"]
                ));
            }
            let flow_steps = res["codeFlows"][0]["threadFlows"][0]["locations"]
                .as_array()
                .map_or(0, Vec::len);
            if flow_steps != finding.path.len() {
                failures.push(format!(
                    "{name}: {} has {} path steps but {flow_steps} codeFlow locations",
                    finding.code,
                    finding.path.len()
                ));
            }
        }
    }
    assert!(
        results_seen >= 30,
        "only {results_seen} results in the corpus"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

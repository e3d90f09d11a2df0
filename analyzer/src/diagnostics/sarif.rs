//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! One run, every rule of the catalog as `tool.driver.rules` (in catalog order, so `ruleIndex`
//! is stable), one result per finding with its path as a `codeFlow` and as `relatedLocations`,
//! and notices as tool execution notifications. URIs are relative to `%SRCROOT%`, the scanned
//! root, whose absolute location is deliberately left out: the log is byte-identical on every
//! machine. Columns are UTF-16 code units, SARIF's default and what GitHub expects.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use super::{finding_fingerprint, source_of, Report};
use crate::model::{Finding, Location, Notice, Severity, SourceDb, StepKind};
use crate::rules::{RuleMeta, RULES};

/// The schema the output validates against (the OASIS errata 01 schema).
pub const SARIF_SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// The `uriBaseId` every artifact location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";
/// The `partialFingerprints` key; the suffix is bumped if the fingerprint recipe changes.
pub const FINGERPRINT_KEY: &str = "airlockFingerprint/v1";

/// Renders the report as a SARIF 2.1.0 log, followed by a newline.
pub fn render_sarif(report: &Report) -> String {
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| result(finding, report))
        .collect();
    let notifications: Vec<Value> = report
        .notices
        .iter()
        .map(|n| notification(n, report.path_prefix))
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "airlock",
                    "semanticVersion": report.tool_version,
                    "rules": RULES.iter().map(rule).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
                // The "possibly incomplete" marker: a notice means part of the input was not
                // analysed as written, so no results is not a pass.
                "properties": { "incomplete": !report.notices.is_empty() },
            }],
            "originalUriBaseIds": {
                SRCROOT: {
                    "description": {
                        "text": "The directory airlock ran in (the repository root in CI); every result URI is relative to it."
                    }
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    super::to_pretty_json(&log)
}

/// SARIF's three result levels: critical and high fail a check, medium warns, the rest informs.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// How often a rule's findings are real, as code scanning's `precision` expects. Rules whose
/// findings rest on what the model may do with content across routes and gates are `medium`;
/// rules that read a fact straight from one call or config entry are `high`.
fn precision(code: &str) -> &'static str {
    match code {
        "AIR101" | "AIR102" | "AIR103" | "AIR104" | "AIR105" | "AIR305" | "AIR306" => "medium",
        _ => "high",
    }
}

/// `security`, `ai-agent`, `mcp` for MCP rules, then one `external/<framework>/<id>` tag per
/// standard the rule maps to (`rules/standards.toml`).
fn tags(code: &str) -> Vec<String> {
    let mut tags = vec!["security".to_string(), "ai-agent".to_string()];
    if code.starts_with("AIR3") {
        tags.push("mcp".to_string());
    }
    tags.extend(crate::rules::standards::standards().tags(code));
    tags
}

/// The text of a `## heading` section of a rule's Markdown documentation, on one line.
fn doc_section(docs: &str, heading: &str) -> Option<String> {
    let mut lines = docs.lines().skip_while(|line| {
        line.strip_prefix("## ")
            .is_none_or(|title| title.trim() != heading)
    });
    lines.next()?;
    let text = lines
        .take_while(|line| !line.starts_with("## "))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}

fn rule(meta: &RuleMeta) -> Value {
    let full = doc_section(meta.docs, "What it does").unwrap_or_else(|| meta.summary.to_string());
    json!({
        "id": meta.code,
        "name": meta.name,
        "shortDescription": { "text": meta.summary },
        "fullDescription": { "text": full },
        "help": { "text": meta.docs, "markdown": meta.docs },
        "defaultConfiguration": { "level": level(meta.default_severity) },
        "properties": {
            "security-severity": meta.default_severity.security_severity(),
            "tags": tags(meta.code),
            "precision": precision(meta.code),
            "standards": crate::rules::standards::standards().json(meta.code),
        },
    })
}

/// A relative path as a URI reference: `/`-separated, everything but unreserved bytes escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'\\' => out.push('/'),
            b'/' | b'-' | b'.' | b'_' | b'~' => out.push(char::from(byte)),
            _ if byte.is_ascii_alphanumeric() => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

fn artifact_location(prefix: &str, path: &str) -> Value {
    let path = if prefix.is_empty() || std::path::Path::new(path).has_root() {
        path.to_string()
    } else {
        format!("{prefix}{path}")
    };
    json!({ "uri": uri(&path), "uriBaseId": SRCROOT })
}

/// The 1-based UTF-16 column of byte `offset` on 1-based `line`, if the text is at hand.
fn utf16_column(sources: &SourceDb, location: &Location, line: u32, offset: u32) -> Option<u32> {
    let file = source_of(sources, location)?;
    let start = file.lines.line_start(line)? as usize;
    let prefix = file.text.get(start..offset as usize)?;
    u32::try_from(prefix.encode_utf16().count())
        .ok()?
        .checked_add(1)
}

fn region(sources: &SourceDb, location: &Location) -> Value {
    let start_line = location.line.max(1);
    let end_line = location.end_line.max(start_line);
    let start_column = utf16_column(sources, location, location.line, location.span.start)
        .unwrap_or(location.column)
        .max(1);
    let mut end_column = utf16_column(sources, location, location.end_line, location.span.end)
        .unwrap_or(location.end_column)
        .max(1);
    if end_line == start_line {
        end_column = end_column.max(start_column);
    }
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn physical_location(report: &Report, location: &Location) -> Value {
    json!({
        "artifactLocation": artifact_location(report.path_prefix, &location.path),
        "region": region(report.sources, location),
    })
}

fn step_kind(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Source => "source",
        StepKind::Agent => "agent",
        StepKind::Route => "route",
        StepKind::Tool => "tool",
        StepKind::State => "state",
        StepKind::Gate => "gate",
        StepKind::Call => "call",
        StepKind::Sink => "sink",
    }
}

fn result(finding: &Finding, report: &Report) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(finding.code));
    if let Some(index) = RULES.iter().position(|rule| rule.code == finding.code) {
        result.insert("ruleIndex".into(), json!(index));
    }
    result.insert("level".into(), json!(level(finding.severity)));
    // The message says what is wrong, then each step of the path in words.
    let why = super::explanation(finding);
    let text = if finding.path.len() > 1 && !why.is_empty() {
        format!(
            "{}\n\nWhy ({} confidence): {why}",
            finding.message,
            super::confidence_word(finding)
        )
    } else {
        finding.message.clone()
    };
    result.insert("message".into(), json!({ "text": text }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical_location(report, &finding.location) }]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({ FINGERPRINT_KEY: finding_fingerprint(finding) }),
    );
    if !finding.path.is_empty() {
        let thread = |path: &[crate::model::Step]| -> Value {
            let locations: Vec<Value> = path
                .iter()
                .map(|step| {
                    let importance = match step.kind {
                        StepKind::Source | StepKind::Sink => "essential",
                        _ => "important",
                    };
                    json!({
                        "location": {
                            "physicalLocation": physical_location(report, &step.location),
                            "message": { "text": step.label },
                        },
                        "kinds": [step_kind(step.kind)],
                        "importance": importance,
                    })
                })
                .collect();
            json!({ "threadFlows": [{ "locations": locations }] })
        };
        // One code flow per path: the reported one, then the other sources reaching the
        // same place (`Finding::also`).
        let flows: Vec<Value> = std::iter::once(&finding.path)
            .chain(&finding.also)
            .map(|p| thread(p))
            .collect();
        result.insert("codeFlows".into(), Value::Array(flows));
        let related: Vec<Value> = finding
            .path
            .iter()
            .enumerate()
            .map(|(index, step)| {
                json!({
                    "id": index + 1,
                    "physicalLocation": physical_location(report, &step.location),
                    "message": { "text": step.label },
                })
            })
            .collect();
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    result.insert(
        "properties".into(),
        json!({
            "security-severity": finding.severity.security_severity(),
            "severity": finding.severity,
            "confidence": finding.confidence,
            "explanation": why,
            "help": finding.help,
        }),
    );
    Value::Object(result)
}

fn notification(notice: &Notice, prefix: &str) -> Value {
    let mut location = Map::new();
    location.insert(
        "artifactLocation".into(),
        artifact_location(prefix, &notice.path),
    );
    if notice.line > 0 {
        location.insert("region".into(), json!({ "startLine": notice.line }));
    }
    json!({
        "level": "warning",
        "message": { "text": notice.message },
        "locations": [{ "physicalLocation": location }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, sample_notices};

    const SCHEMA: &str = include_str!("../../../tests/fixtures/sarif-schema-2.1.0.json");

    fn render() -> String {
        render_edited(|_| {})
    }

    /// The sample report rendered after `edit` changed its findings.
    fn render_edited(edit: impl FnOnce(&mut Vec<Finding>)) -> String {
        let db = sample_db();
        let mut findings = sample_findings(&db);
        edit(&mut findings);
        let notices = sample_notices();
        let report = Report {
            findings: &findings,
            notices: &notices,
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        render_sarif(&report)
    }

    fn schema_errors(log: &Value) -> Vec<String> {
        let schema: Value = serde_json::from_str(SCHEMA).expect("schema is JSON");
        // The schema has no remote `$ref`s and the crate is built without HTTP resolving, so
        // validation never touches the network.
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        validator
            .iter_errors(log)
            .map(|error| format!("{} at {}", error, error.instance_path()))
            .collect()
    }

    #[test]
    fn validates_against_the_sarif_schema() {
        let log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        // The sample has codeFlows, related locations and notifications: check they are there,
        // so the schema really judges them.
        let result = &log["runs"][0]["results"][1];
        assert!(result["codeFlows"].is_array());
        assert!(result["relatedLocations"].is_array());
        assert_eq!(
            log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
                .as_array()
                .map(Vec::len),
            Some(2)
        );
        assert_eq!(schema_errors(&log), Vec::<String>::new());
    }

    #[test]
    fn other_paths_to_the_same_place_are_further_code_flows() {
        let out = render_edited(|findings| {
            let mut other = findings[1].path.clone();
            other[0].label = "another tool's argument".into();
            findings[1].also = vec![other];
        });
        let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
        let flows = log["runs"][0]["results"][1]["codeFlows"]
            .as_array()
            .expect("flows");
        assert_eq!(flows.len(), 2);
        assert_eq!(
            flows[1]["threadFlows"][0]["locations"][0]["location"]["message"]["text"],
            "another tool's argument"
        );
        assert_eq!(schema_errors(&log), Vec::<String>::new());
    }

    #[test]
    fn the_validator_rejects_broken_sarif() {
        let mut log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        log["runs"][0]["results"][0]["level"] = json!("fatal");
        log["runs"][0]["results"][1]["codeFlows"][0]["threadFlows"] = json!([]);
        assert_eq!(schema_errors(&log).len(), 2, "{:?}", schema_errors(&log));
    }

    #[test]
    fn empty_report_validates() {
        let db = SourceDb::default();
        let report = Report {
            findings: &[],
            notices: &[],
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        let log: Value = serde_json::from_str(&render_sarif(&report)).expect("SARIF is JSON");
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(schema_errors(&log), Vec::<String>::new());
    }

    #[test]
    fn driver_lists_every_rule_in_catalog_order() {
        let log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        let driver = &log["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "airlock");
        assert_eq!(driver["semanticVersion"], "0.1.0");
        assert!(driver.get("informationUri").is_none());
        let rules = driver["rules"].as_array().expect("rules");
        let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        let catalog: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        assert_eq!(ids, catalog);
        let air201 = &rules[RULES
            .iter()
            .position(|r| r.code == "AIR201")
            .expect("AIR201")];
        assert_eq!(air201["name"], "unsandboxed-code-execution");
        assert_eq!(air201["defaultConfiguration"]["level"], "error");
        assert_eq!(air201["properties"]["security-severity"], "9.5");
        assert_eq!(air201["properties"]["precision"], "high");
        assert_eq!(air201["properties"]["tags"][0], "security");
        assert!(air201["help"]["markdown"]
            .as_str()
            .is_some_and(|h| !h.is_empty()));
        assert!(air201["fullDescription"]["text"]
            .as_str()
            .is_some_and(|h| !h.is_empty()));
    }

    #[test]
    fn results_carry_rule_level_location_and_fingerprint() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        let results = log["runs"][0]["results"].as_array().expect("results");
        assert_eq!(results.len(), 3);
        let levels: Vec<&str> = results.iter().filter_map(|r| r["level"].as_str()).collect();
        assert_eq!(levels, ["warning", "error", "error"]);

        let air101 = &results[1];
        assert_eq!(air101["ruleId"], "AIR101");
        let index = RULES
            .iter()
            .position(|r| r.code == "AIR101")
            .expect("in catalog");
        assert_eq!(air101["ruleIndex"], index);
        // The message, then the path in words with the confidence.
        let text = air101["message"]["text"].as_str().expect("message text");
        let why = crate::diagnostics::explanation(&findings[1]);
        assert!(why.contains(" → "), "{why}");
        assert_eq!(
            text,
            format!(
                "untrusted invoice text can reach the payment tool `refund`\n\nWhy (high confidence): {why}"
            )
        );
        assert_eq!(air101["properties"]["explanation"], why.as_str());
        let physical = &air101["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "agent/tools.py");
        assert_eq!(physical["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        // `    reçu = ` is 12 bytes but 11 UTF-16 code units.
        assert_eq!(
            physical["region"],
            json!({ "startLine": 10, "startColumn": 12, "endLine": 10, "endColumn": 65 })
        );
        assert_eq!(
            air101["partialFingerprints"][FINGERPRINT_KEY],
            findings[1].fingerprint.as_str()
        );
        assert_eq!(air101["properties"]["security-severity"], "8.0");
        assert_eq!(results[2]["properties"]["security-severity"], "9.5");
    }

    #[test]
    fn code_flow_follows_the_path() {
        let log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        let air101 = &log["runs"][0]["results"][1];
        let flow = air101["codeFlows"][0]["threadFlows"][0]["locations"]
            .as_array()
            .expect("thread flow");
        let labels: Vec<&str> = flow
            .iter()
            .filter_map(|l| l["location"]["message"]["text"].as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "untrusted PDF content enters here",
                "agent reads it and holds `refund`",
                "privileged tool `refund`",
                "issues a Stripe refund"
            ]
        );
        assert_eq!(flow[0]["kinds"], json!(["source"]));
        assert_eq!(flow[3]["kinds"], json!(["sink"]));
        assert_eq!(
            flow[0]["location"]["physicalLocation"]["artifactLocation"]["uri"],
            "agent/graph.py"
        );
        let related = air101["relatedLocations"].as_array().expect("related");
        let ids: Vec<u64> = related.iter().filter_map(|r| r["id"].as_u64()).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        // A finding without a path has neither.
        let air201 = &log["runs"][0]["results"][2];
        assert!(air201.get("codeFlows").is_none());
        assert!(air201.get("relatedLocations").is_none());
    }

    #[test]
    fn notices_become_notifications() {
        let log: Value = serde_json::from_str(&render()).expect("SARIF is JSON");
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], true);
        // Notices make the run possibly incomplete; the marker says so.
        assert_eq!(invocation["properties"]["incomplete"], true);
        let notes = &invocation["toolExecutionNotifications"];
        assert_eq!(notes[0]["level"], "warning");
        assert_eq!(
            notes[0]["message"]["text"],
            "syntax error; the rest of the file is still analysed"
        );
        assert_eq!(
            notes[0]["locations"][0]["physicalLocation"],
            json!({
                "artifactLocation": { "uri": "agent/broken.py", "uriBaseId": "%SRCROOT%" },
                "region": { "startLine": 3 }
            })
        );
        assert!(notes[1]["locations"][0]["physicalLocation"]
            .get("region")
            .is_none());
    }

    #[test]
    fn deterministic_and_machine_independent() {
        let out = render();
        assert_eq!(out, render());
        assert!(!out.contains("file://"));
        assert!(!out.contains("/work/"));
        let log: Value = serde_json::from_str(&out).expect("SARIF is JSON");
        assert!(log["runs"][0]["originalUriBaseIds"][SRCROOT]
            .get("uri")
            .is_none());
    }

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("agent/tools.py"), "agent/tools.py");
        assert_eq!(uri("my agent/ça#1.py"), "my%20agent/%C3%A7a%231.py");
        assert_eq!(uri("pkg\\mod.py"), "pkg/mod.py");
    }

    #[test]
    fn doc_sections_are_read_from_markdown() {
        let docs = "# AIR1\n\n## What it does\nFinds a thing\nacross lines.\n\n## Why is this bad?\nIt is.";
        assert_eq!(
            doc_section(docs, "What it does").as_deref(),
            Some("Finds a thing across lines.")
        );
        assert_eq!(doc_section(docs, "Example"), None);
        assert_eq!(
            doc_section("# AIR101 (documentation pending)", "What it does"),
            None
        );
    }
}

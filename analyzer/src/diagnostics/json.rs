//! The machine format: a versioned JSON object whose shape changes only with its version.
//!
//! Version 1, pretty-printed, keys in this order:
//!
//! ```text
//! {
//!   "version": 1,
//!   "tool": { "name": "airlock", "version": "0.1.0" },
//!   "findings": [{
//!     "code": "AIR101", "name": "untrusted-input-to-privileged-tool",
//!     "severity": "critical|high|medium|low|info", "confidence": "high|medium|low",
//!     "message": "...", "help": "...",
//!     "location": { "path", "line", "column", "end_line", "end_column" },
//!     "path": [{ "kind": "source|agent|route|tool|state|gate|call|sink", "label", "location" }],
//!     "also": [[ step, ... ], ...],   (only when other sources reach the same place)
//!     "also_more": 3,                 (only when more did than `also` lists)
//!     "fingerprint": "16 hex digits"
//!   }],
//!   "notices": [{ "path", "line", "message" }],
//!   "incomplete": true|false
//! }
//! ```
//!
//! Paths are relative to the scanned root with `/` separators. Lines are 1-based; columns are
//! 1-based UTF-8 byte offsets, ends exclusive. A notice's `line` is 0 when it concerns the
//! whole file. `fingerprint` does not depend on line numbers. `incomplete` is the "possibly
//! incomplete" marker: true when any notice says part of the input was not analysed as written
//! (unreadable, skipped, unparsable, or cut by a bound), so an empty `findings` is not a pass.

use serde::Serialize;

use super::{finding_fingerprint, Report};
use crate::model::{Confidence, Location, Notice, Severity, StepKind};

/// The `version` field; bumped on any change that could break a reader.
pub const JSON_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: JsonTool<'a>,
    findings: Vec<JsonFinding<'a>>,
    notices: &'a [Notice],
    incomplete: bool,
}

#[derive(Serialize)]
struct JsonTool<'a> {
    name: &'static str,
    version: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    name: &'a str,
    severity: Severity,
    confidence: Confidence,
    message: &'a str,
    help: &'a str,
    location: JsonLocation<'a>,
    path: Vec<JsonStep<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<Vec<JsonStep<'a>>>,
    #[serde(skip_serializing_if = "is_zero")]
    also_more: usize,
    fingerprint: String,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn steps(path: &[crate::model::Step]) -> Vec<JsonStep<'_>> {
    path.iter()
        .map(|step| JsonStep {
            kind: step.kind,
            label: &step.label,
            location: location(&step.location),
        })
        .collect()
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    kind: StepKind,
    label: &'a str,
    location: JsonLocation<'a>,
}

fn location(location: &Location) -> JsonLocation<'_> {
    JsonLocation {
        path: &location.path,
        line: location.line,
        column: location.column,
        end_line: location.end_line,
        end_column: location.end_column,
    }
}

/// Renders the report as version-1 JSON, followed by a newline.
pub fn render_json(report: &Report) -> String {
    let json = JsonReport {
        version: JSON_FORMAT_VERSION,
        tool: JsonTool {
            name: "airlock",
            version: report.tool_version,
        },
        findings: report
            .findings
            .iter()
            .map(|finding| JsonFinding {
                code: finding.code,
                name: finding.name,
                severity: finding.severity,
                confidence: finding.confidence,
                message: &finding.message,
                help: &finding.help,
                location: location(&finding.location),
                path: steps(&finding.path),
                also: finding.also.iter().map(|p| steps(p)).collect(),
                also_more: finding.also_more,
                fingerprint: finding_fingerprint(finding),
            })
            .collect(),
        notices: report.notices,
        incomplete: !report.notices.is_empty(),
    };
    super::to_pretty_json(&json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, sample_notices};
    use crate::model::Finding;
    use serde_json::Value;

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
            tool_version: "9.8.7",
            path_prefix: "",
        };
        render_json(&report)
    }

    #[test]
    fn other_paths_to_the_same_place_are_listed_only_when_there_are_some() {
        let out = render_edited(|findings| {
            let other = findings[1].path.clone();
            findings[1].also = vec![other.clone(), other];
            findings[1].also_more = 3;
        });
        let v: Value = serde_json::from_str(&out).expect("JSON");
        let with = &v["findings"][1];
        assert_eq!(with["also"].as_array().map(Vec::len), Some(2));
        assert_eq!(with["also"][0], with["path"]);
        assert_eq!(with["also_more"], 3);
        // A finding with none has neither key.
        let without = v["findings"][0].as_object().expect("object");
        assert!(!without.contains_key("also") && !without.contains_key("also_more"));
    }

    #[test]
    fn parses_back_with_every_field() {
        let out = render();
        assert!(out.ends_with("}\n"));
        let json: Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(json["version"], 1);
        assert_eq!(json["tool"]["name"], "airlock");
        assert_eq!(json["tool"]["version"], "9.8.7");

        let findings = json["findings"].as_array().expect("findings array");
        assert_eq!(findings.len(), 3);
        let air101 = &findings[1];
        assert_eq!(air101["code"], "AIR101");
        assert_eq!(air101["name"], "untrusted-input-to-privileged-tool");
        assert_eq!(air101["severity"], "high");
        assert_eq!(air101["confidence"], "high");
        assert_eq!(
            air101["message"],
            "untrusted invoice text can reach the payment tool `refund`"
        );
        assert!(air101["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("require human approval")));
        assert_eq!(
            air101["location"],
            serde_json::json!({
                "path": "agent/tools.py", "line": 10, "column": 13,
                "end_line": 10, "end_column": 66
            })
        );
        let path = air101["path"].as_array().expect("path array");
        let kinds: Vec<&str> = path.iter().filter_map(|s| s["kind"].as_str()).collect();
        assert_eq!(kinds, ["source", "agent", "tool", "sink"]);
        assert_eq!(path[0]["label"], "untrusted PDF content enters here");
        assert_eq!(path[0]["location"]["path"], "agent/graph.py");
        assert_eq!(path[0]["location"]["line"], 8);
        assert_eq!(
            air101["fingerprint"],
            crate::diagnostics::fingerprint(
                "AIR101",
                "agent/tools.py",
                &[
                    "refund",
                    "stripe.Refund.create(charge=charge_id,amount=amount)"
                ]
            )
        );
        // A finding without a fingerprint gets a derived one rather than an empty string.
        assert_eq!(findings[2]["fingerprint"].as_str().map(str::len), Some(16));

        let notices = json["notices"].as_array().expect("notices array");
        assert_eq!(notices.len(), 2);
        assert_eq!(
            notices[0],
            serde_json::json!({
                "path": "agent/broken.py", "line": 3,
                "message": "syntax error; the rest of the file is still analysed"
            })
        );
        assert_eq!(notices[1]["line"], 0);
    }

    #[test]
    fn notices_mark_the_run_possibly_incomplete() {
        let json: Value = serde_json::from_str(&render()).expect("valid JSON");
        assert_eq!(json["incomplete"], true);
        let db = sample_db();
        let findings = sample_findings(&db);
        let report = Report {
            findings: &findings,
            notices: &[],
            sources: &db,
            tool_version: "9.8.7",
            path_prefix: "",
        };
        let json: Value = serde_json::from_str(&render_json(&report)).expect("valid JSON");
        assert_eq!(json["incomplete"], false);
    }

    #[test]
    fn key_order_is_stable() {
        let out = render();
        let top: Vec<usize> = ["\"version\"", "\"tool\"", "\"findings\"", "\"notices\""]
            .iter()
            .filter_map(|key| out.find(key))
            .collect();
        assert_eq!(top.len(), 4);
        assert!(top.windows(2).all(|w| w[0] < w[1]), "{top:?}");
        let first = &out[out.find("\"findings\"").unwrap_or(0)..];
        let keys = [
            "\"code\"",
            "\"name\"",
            "\"severity\"",
            "\"confidence\"",
            "\"message\"",
            "\"help\"",
            "\"location\"",
            "\"path\"",
            "\"fingerprint\"",
        ];
        let at: Vec<usize> = keys.iter().filter_map(|key| first.find(key)).collect();
        assert_eq!(at.len(), keys.len());
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert_eq!(out, render());
    }
}

//! Output renderers for findings and notices: text (miette), concise, json, sarif, github.
//!
//! Every renderer is a pure function of a [`Report`]: the findings and notices arrive already
//! sorted, nothing here reads the clock, the environment or an absolute path, so the same run
//! prints the same bytes on every machine and at every thread count.

mod concise;
mod fingerprint;
mod github;
mod json;
mod sarif;
mod text;

#[cfg(test)]
pub(crate) mod testutil;

pub use concise::render_concise;
pub use fingerprint::{fingerprint, normalize_code};
pub use github::render_github;
pub use json::{render_json, JSON_FORMAT_VERSION};
pub use sarif::render_sarif;
pub use text::{render_notices, render_text};

use crate::model::{Finding, Location, Notice, Severity, SourceDb, SourceFile};

/// Everything a renderer needs for one run.
pub struct Report<'a> {
    /// Findings, already sorted by `Finding::sort_key`.
    pub findings: &'a [Finding],
    /// Notices about the input, already sorted.
    pub notices: &'a [Notice],
    /// File texts, for code frames and column conversion.
    pub sources: &'a SourceDb,
    /// `env!("CARGO_PKG_VERSION")` of the CLI.
    pub tool_version: &'a str,
    /// Prepended to every relative path in the `github` and `sarif` formats, which GitHub reads
    /// relative to the repository root: the analysis root relative to the working directory
    /// (`services/agent/`), or empty.
    pub path_prefix: &'a str,
}

/// The finding's path in words, one step after another: "tool `fetch_invoice` returns
/// untrusted web_content content → it enters agent `researcher`'s context → ... → `pay_vendor`
/// calls `stripe.Payout.create` (payment)". Empty when the finding has no path.
pub fn explanation(finding: &Finding) -> String {
    finding
        .path
        .iter()
        .map(|step| step.label.as_str())
        .filter(|label| !label.is_empty())
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The other sources reaching the finding's place ([`Finding::also`]), in words: each path's
/// first step with where it is, then how many more there were. Empty when there are none.
pub fn also_reached(finding: &Finding) -> String {
    let mut parts: Vec<String> = finding
        .also
        .iter()
        .filter_map(|p| p.first())
        .map(|s| format!("{} at {}:{}", s.label, s.location.path, s.location.line))
        .collect();
    if finding.also_more > 0 {
        parts.push(format!("and {} more", finding.also_more));
    }
    parts.join("; ")
}

/// How sure airlock is, in words: `high`, `medium`, `low`.
pub fn confidence_word(finding: &Finding) -> &'static str {
    match finding.confidence {
        crate::model::Confidence::High => "high",
        crate::model::Confidence::Medium => "medium",
        crate::model::Confidence::Low => "low",
    }
}

/// `path` as GitHub should see it: with the report's prefix unless it is absolute.
pub(crate) fn prefixed(report: &Report, path: &str) -> String {
    if report.path_prefix.is_empty() || std::path::Path::new(path).has_root() {
        path.to_string()
    } else {
        format!("{}{path}", report.path_prefix)
    }
}

/// The closing line of the text and concise formats: `Found 3 findings (1 critical, 2 high).`
/// With none it says what was read, so an empty result is never mistaken for a complete one:
/// `No findings in 12 files (9 Python, 2 JSON, 1 YAML).`
pub(crate) fn summary_line(findings: &[Finding], sources: &SourceDb) -> String {
    if findings.is_empty() {
        if sources.files.is_empty() {
            return "No findings (no file analysed).".to_string();
        }
        let mut per: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for f in &sources.files {
            let lang = crate::discover::FileKind::from_path(std::path::Path::new(&f.rel_path))
                .map_or("other", |k| k.language());
            *per.entry(lang).or_default() += 1;
        }
        let mut per: Vec<(&str, usize)> = per.into_iter().collect();
        per.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let n = sources.files.len();
        let parts: Vec<String> = per.iter().map(|(l, c)| format!("{c} {l}")).collect();
        return format!(
            "No findings in {n} file{} ({}).",
            if n == 1 { "" } else { "s" },
            parts.join(", ")
        );
    }
    let order = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];
    let counts: Vec<String> = order
        .iter()
        .filter_map(|sev| {
            let n = findings.iter().filter(|f| f.severity == *sev).count();
            (n > 0).then(|| format!("{n} {sev}"))
        })
        .collect();
    let noun = if findings.len() == 1 {
        "finding"
    } else {
        "findings"
    };
    format!("Found {} {noun} ({}).", findings.len(), counts.join(", "))
}

/// The file a location points into, or `None` when the run does not hold its text.
///
/// The `FileId` is tried first and trusted only when its path agrees, so a location built
/// against another `SourceDb` can never frame the wrong file.
pub(crate) fn source_of<'a>(sources: &'a SourceDb, location: &Location) -> Option<&'a SourceFile> {
    match sources.files.get(location.file.0 as usize) {
        Some(file) if file.rel_path == location.path => Some(file),
        _ => sources.by_path(&location.path),
    }
}

/// The byte range of `location` clamped to `text` and moved onto character boundaries.
pub(crate) fn clamped_range(text: &str, location: &Location) -> std::ops::Range<usize> {
    let mut start = (location.span.start as usize).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (location.span.end as usize).clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// The fingerprint a finding carries, or one derived from its code, path, name and message
/// when the rule left it empty.
pub fn finding_fingerprint(finding: &Finding) -> String {
    if finding.fingerprint.is_empty() {
        let message = normalize_code(&finding.message);
        fingerprint(
            finding.code,
            &finding.location.path,
            &[finding.name, &message],
        )
    } else {
        finding.fingerprint.clone()
    }
}

/// Pretty JSON followed by a newline. Serialising these plain structs cannot fail (every map
/// key is a string); should it ever, the output is still JSON and says what went wrong.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(error) => format!(
            "{{\"error\": {}}}\n",
            serde_json::Value::String(format!("cannot serialise the report: {error}"))
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{sample_db, sample_findings, sample_notices, shifted_db};
    use super::*;
    use serde_json::Value;

    fn fingerprints(out: &str, pointer: &str) -> Vec<String> {
        let json: Value = serde_json::from_str(out).expect("output is JSON");
        json.pointer(pointer)
            .and_then(Value::as_array)
            .expect("results")
            .iter()
            .map(|item| {
                let fp = item
                    .get("fingerprint")
                    .or_else(|| item.pointer("/partialFingerprints/airlockFingerprint~1v1"))
                    .and_then(Value::as_str)
                    .expect("fingerprint");
                fp.to_string()
            })
            .collect()
    }

    #[test]
    fn fingerprints_survive_line_shifts() {
        let before_db = sample_db();
        let after_db = shifted_db("import os\n\n# a new comment\n\n");
        let before = sample_findings(&before_db);
        let after = sample_findings(&after_db);
        assert_eq!(after[1].location.line, before[1].location.line + 4);
        let report = |findings, db| Report {
            findings,
            notices: &[],
            sources: db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        let (b, a) = (report(&before, &before_db), report(&after, &after_db));
        assert_eq!(
            fingerprints(&render_json(&b), "/findings"),
            fingerprints(&render_json(&a), "/findings")
        );
        assert_eq!(
            fingerprints(&render_sarif(&b), "/runs/0/results"),
            fingerprints(&render_sarif(&a), "/runs/0/results")
        );
        // The three findings still have three different identities.
        let mut ids = fingerprints(&render_json(&b), "/findings");
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn every_format_is_identical_on_repeated_calls() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let notices = sample_notices();
        let report = Report {
            findings: &findings,
            notices: &notices,
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        let render_all = || {
            [
                render_text(&report, true),
                render_text(&report, false),
                render_concise(&report),
                render_json(&report),
                render_sarif(&report),
            ]
        };
        assert_eq!(render_all(), render_all());
    }

    #[test]
    fn summary_counts_by_severity() {
        let db = sample_db();
        let findings = sample_findings(&db);
        assert_eq!(
            summary_line(&[], &SourceDb::default()),
            "No findings (no file analysed)."
        );
        assert_eq!(
            summary_line(&findings[1..2], &SourceDb::default()),
            "Found 1 finding (1 high)."
        );
        assert_eq!(
            summary_line(&findings, &SourceDb::default()),
            "Found 3 findings (1 critical, 1 high, 1 medium)."
        );
    }

    #[test]
    fn ranges_are_clamped_to_char_boundaries() {
        let db = sample_db();
        let mut location = sample_findings(&db)[1].location.clone();
        location.span = crate::model::Span::new(2, 1);
        assert_eq!(clamped_range("aé", &location), 1..1);
        location.span = crate::model::Span::new(2, 99);
        assert_eq!(clamped_range("aéb", &location), 1..4);
    }
}

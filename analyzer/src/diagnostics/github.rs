//! GitHub Actions workflow commands (`::error file=...,line=...::message`): each finding becomes
//! an annotation on the pull request's diff, each notice a warning.
//!
//! Critical and high findings are `error`, medium `warning`, low and info `notice`. The path
//! from source to sink follows the message, one step per line. Values are escaped as the
//! runner expects (`%`, CR and LF everywhere; `:` and `,` in properties too).

use super::{prefixed, summary_line, Report};
use crate::model::Severity;

pub fn render_github(report: &Report) -> String {
    let mut out = String::new();
    for f in report.findings {
        let level = match f.severity {
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low | Severity::Info => "notice",
        };
        let l = &f.location;
        let mut message = format!("{} [{}] {}", f.code, f.severity, f.message);
        for (i, step) in f.path.iter().enumerate() {
            message.push_str(&format!(
                "\n({}) {}:{}: {}",
                i + 1,
                prefixed(report, &step.location.path),
                step.location.line,
                step.label
            ));
        }
        if !f.help.is_empty() {
            message.push_str(&format!("\nhelp: {}", f.help));
        }
        let mut props = vec![
            format!("file={}", property(&prefixed(report, &l.path))),
            format!("line={}", l.line.max(1)),
            format!("col={}", l.column.max(1)),
            format!("endLine={}", l.end_line.max(l.line).max(1)),
        ];
        if l.end_line == l.line {
            props.push(format!("endColumn={}", l.end_column.max(l.column).max(1)));
        }
        props.push(format!(
            "title={}",
            property(&format!("{} {}", f.code, f.name))
        ));
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            data(&message)
        ));
    }
    for n in report.notices {
        let mut props = vec![format!("file={}", property(&prefixed(report, &n.path)))];
        if n.line > 0 {
            props.push(format!("line={}", n.line));
        }
        props.push("title=airlock notice".to_string());
        out.push_str(&format!(
            "::warning {}::{}\n",
            props.join(","),
            data(&n.message)
        ));
    }
    out.push_str(&summary_line(report.findings, report.sources));
    out.push('\n');
    out
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    crate::escape::github_data(text)
}

/// Escapes a command property value.
fn property(text: &str) -> String {
    crate::escape::github_property(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, sample_notices};

    #[test]
    fn one_annotation_per_finding_and_notice() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let notices = sample_notices();
        let report = Report {
            findings: &findings,
            notices: &notices,
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "services/agent/",
        };
        let out = render_github(&report);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), findings.len() + notices.len() + 1, "{out}");
        for (line, f) in lines.iter().zip(&findings) {
            let level = match f.severity {
                Severity::Critical | Severity::High => "::error ",
                Severity::Medium => "::warning ",
                _ => "::notice ",
            };
            assert!(line.starts_with(level), "{line}");
            assert!(
                line.contains(&format!(
                    "file=services/agent/{},line={},",
                    f.location.path, f.location.line
                )),
                "{line}"
            );
            assert!(
                line.contains(&format!("title={} {}::", f.code, f.name)),
                "{line}"
            );
            // A message never breaks the one-command-per-line protocol.
            assert!(!line[2..].contains("\n"));
        }
        assert!(lines.last().unwrap().starts_with("Found "));
    }

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\nnext\r"), "50%25 done%0Anext%0D");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}

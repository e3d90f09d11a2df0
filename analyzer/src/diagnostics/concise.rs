//! The one-line-per-finding format, ruff's `concise`: easy to grep, diff and click in editors.

use super::{summary_line, Report};

/// `path:line:col: AIR101 [high] message` per finding, then the summary line.
pub fn render_concise(report: &Report) -> String {
    let mut out = String::new();
    for finding in report.findings {
        let location = &finding.location;
        out.push_str(&format!(
            "{}:{}:{}: {} [{}] {}\n",
            crate::escape::terminal_line(&location.path),
            location.line,
            location.column,
            finding.code,
            finding.severity,
            one_line(&finding.message),
        ));
    }
    out.push_str(&summary_line(report.findings, report.sources));
    out.push('\n');
    out
}

/// Keeps a message on its line even if a rule ever puts a line break in it.
fn one_line(text: &str) -> String {
    crate::escape::terminal_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, sample_notices};
    use crate::model::Notice;

    #[test]
    fn one_line_per_finding_then_count() {
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
        let out = render_concise(&report);
        let expected = "\
agent/graph.py:15:8: AIR104 [medium] route `pay` depends on state field `approved` that the model can write
agent/tools.py:10:13: AIR101 [high] untrusted invoice text can reach the payment tool `refund`
agent/tools.py:17:12: AIR201 [critical] the agent can run shell commands on the host through `run_shell`
Found 3 findings (1 critical, 1 high, 1 medium).
";
        assert_eq!(out, expected);
        // Notices go to stderr, never into the findings output.
        assert!(!out.contains("broken.py"));
        assert_eq!(out, render_concise(&report));
    }

    #[test]
    fn no_findings() {
        let db = sample_db();
        let notices: Vec<Notice> = Vec::new();
        let report = Report {
            findings: &[],
            notices: &notices,
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        assert_eq!(
            render_concise(&report),
            "No findings in 2 files (2 Python).\n"
        );
    }

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
    }
}

//! The human format: one miette report per finding, with code frames along the finding's path.
//!
//! The report's primary frame is the finding's location; every path step in the same file is
//! a numbered label in that frame, and the steps in each other file get a related report with
//! that file's frame, so a sink in `tools.py` shows where untrusted content enters `graph.py`.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{clamped_range, source_of, summary_line, Report};
use crate::model::{Finding, Location, Notice, Severity, SourceDb, SourceFile, Step};

/// Fixed, so the output does not depend on the terminal it is printed to.
const WIDTH: usize = 100;

/// Renders every finding as a miette report, then a summary line. Notices are not included:
/// the CLI prints them to stderr with [`render_notices`].
pub fn render_text(report: &Report, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(WIDTH)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for finding in report.findings {
        let diagnostic = build(finding, report.sources);
        let handler = handler.clone().with_footer(format!(
            "`airlock rule {}` explains this rule",
            finding.code
        ));
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &diagnostic).is_err() {
            // Writing to a `String` cannot fail; keep a plain line should miette ever refuse.
            rendered = format!(
                "{}:{}:{}: {}\n",
                crate::escape::terminal_line(&finding.location.path),
                finding.location.line,
                finding.location.column,
                diagnostic.message
            );
        }
        // miette pads some lines (`Advice: `, empty code lines); trailing blanks help no one.
        for line in rendered.lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report.findings, report.sources));
    out.push('\n');
    out
}

/// One `warning: path:line: message` line per notice, for stderr.
pub fn render_notices(notices: &[Notice]) -> String {
    // Bound notices (`crate::bounds`) are listed one per file in JSON and SARIF; on a terminal,
    // more than `BOUND_LINES` of one bound are summed up in one line that says how many files
    // and where the list is, so a large project's warnings stay readable and nothing is hidden.
    const BOUND_LINES: usize = 10;
    let mut per_bound: std::collections::BTreeMap<&str, Vec<&Notice>> = Default::default();
    for n in notices {
        if let Some(b) = crate::bounds::bound_of(n) {
            per_bound.entry(b).or_default().push(n);
        }
    }
    let mut out = String::new();
    let mut summed = std::collections::BTreeSet::new();
    for n in notices {
        match crate::bounds::bound_of(n) {
            Some(b) if per_bound[b].len() > BOUND_LINES => {
                if summed.insert(b) {
                    let first = per_bound[b][0];
                    out.push_str(&format!(
                        "warning: analysis bound `{}` reached in {} files (first {}:{}); results for them may be incomplete; `--format json` lists each\n",
                        crate::escape::terminal(b),
                        per_bound[b].len(),
                        crate::escape::terminal(&first.path),
                        first.line
                    ));
                }
            }
            _ => out.push_str(&format!(
                "warning: {}\n",
                crate::escape::terminal(&n.to_string())
            )),
        }
    }
    out
}

/// A file's text under its relative path, borrowed rather than copied per finding.
#[derive(Debug)]
struct NamedText<'a> {
    name: String,
    text: std::borrow::Cow<'a, str>,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner =
            self.text
                .as_ref()
                .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// One finding, or one file's share of its path, as miette sees it.
#[derive(Debug)]
struct FindingDiagnostic<'a> {
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedText<'a>>,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic<'a>>,
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related
                    .iter()
                    .map(|related| related as &dyn Diagnostic),
            ))
        }
    }
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low | Severity::Info => miette::Severity::Advice,
    }
}

/// A label's text: the step's number on the path, then its label.
fn step_text(index: usize, total: usize, step: &Step) -> String {
    if total > 1 {
        format!("({}) {}", index + 1, step.label)
    } else {
        step.label.clone()
    }
}

/// Labels in `file`: the primary location, then one per distinct step span, texts of steps on
/// the same span joined. The primary label shows the steps on its span (usually the sink) or,
/// when none is there, says that the finding is reported here.
fn labels_in(
    file: &SourceFile,
    map: Option<&crate::escape::OffsetMap>,
    primary: Option<&Location>,
    steps: &[(&Location, String)],
) -> Vec<LabeledSpan> {
    let mut merged: Vec<(std::ops::Range<usize>, Vec<&str>, bool)> = Vec::new();
    if let Some(location) = primary {
        merged.push((clamped_range(&file.text, location), Vec::new(), true));
    }
    for (location, text) in steps {
        let range = clamped_range(&file.text, location);
        match merged.iter_mut().find(|(r, _, _)| *r == range) {
            Some((_, texts, _)) => texts.push(text),
            None => merged.push((range, vec![text.as_str()], false)),
        }
    }
    merged
        .into_iter()
        .map(|(range, mut texts, primary)| {
            texts.retain(|text| !text.is_empty());
            let text = if texts.is_empty() {
                primary.then(|| "reported here".to_string())
            } else {
                Some(crate::escape::terminal_line(&texts.join("; ")).into_owned())
            };
            // Spans were computed on the original text; the frame shows its escaped copy.
            let range = match map {
                Some(map) => map.map(range.start)..map.map(range.end),
                None => range,
            };
            let span = SourceSpan::from(range);
            if primary {
                LabeledSpan::new_primary_with_span(text, span)
            } else {
                LabeledSpan::new_with_span(text, span)
            }
        })
        .collect()
}

/// The file as its frames show it: name and text with controls and bidi characters made
/// visible (the analysed repository may be hostile), and the map from the original's byte
/// offsets to the shown text's.
fn named(file: &SourceFile) -> (NamedText<'_>, Option<crate::escape::OffsetMap>) {
    let name = crate::escape::terminal_line(&file.rel_path).into_owned();
    match crate::escape::terminal_source(&file.text) {
        Some((text, map)) => (
            NamedText {
                name,
                text: std::borrow::Cow::Owned(text),
            },
            Some(map),
        ),
        None => (
            NamedText {
                name,
                text: std::borrow::Cow::Borrowed(&file.text),
            },
            None,
        ),
    }
}

fn build<'a>(finding: &'a Finding, sources: &'a SourceDb) -> FindingDiagnostic<'a> {
    let total = finding.path.len();
    let primary = source_of(sources, &finding.location);
    // Steps grouped by file, files in order of their first step.
    let mut groups: Vec<(&str, Vec<(usize, &Step)>)> = Vec::new();
    for (index, step) in finding.path.iter().enumerate() {
        let path = step.location.path.as_str();
        match groups.iter_mut().find(|(p, _)| *p == path) {
            Some((_, steps)) => steps.push((index, step)),
            None => groups.push((path, vec![(index, step)])),
        }
    }

    let mut labels = Vec::new();
    let mut related = Vec::new();
    for (path, steps) in &groups {
        if *path == finding.location.path {
            continue;
        }
        let file = steps
            .first()
            .and_then(|(_, step)| source_of(sources, &step.location));
        let numbers: Vec<String> = steps.iter().map(|(i, _)| format!("({})", i + 1)).collect();
        let what = if steps.len() == 1 { "step" } else { "steps" };
        let moves = if steps.iter().any(|(i, _)| *i == 0) {
            "starts"
        } else {
            "continues"
        };
        let mut message = format!(
            "the path {moves} in {}: {what} {}",
            crate::escape::terminal_line(path),
            numbers.join(", ")
        );
        let (source, step_labels) = match file {
            Some(file) => {
                let items: Vec<(&Location, String)> = steps
                    .iter()
                    .map(|(i, step)| (&step.location, step_text(*i, total, step)))
                    .collect();
                let (named, map) = named(file);
                let labels = labels_in(file, map.as_ref(), None, &items);
                (Some(named), labels)
            }
            None => {
                // Without the file's text, list the steps in the message instead of a frame.
                for (i, step) in steps {
                    message.push_str(&format!(
                        "\n{}:{}:{}: {}",
                        crate::escape::terminal_line(&step.location.path),
                        step.location.line,
                        step.location.column,
                        crate::escape::terminal_line(&step_text(*i, total, step))
                    ));
                }
                (None, Vec::new())
            }
        };
        related.push(FindingDiagnostic {
            message: crate::escape::terminal(&message).into_owned(),
            severity: miette::Severity::Advice,
            help: None,
            source,
            labels: step_labels,
            related: Vec::new(),
        });
    }

    // Project strings inside the message and the explanation stay on their line.
    let mut message = format!(
        "{} [{}] {}",
        finding.code,
        finding.severity,
        crate::escape::terminal_line(&finding.message)
    );
    // In a notebook, the line is the `.ipynb` file's; say which cell and line that is.
    if let Some((cell, line)) = primary
        .filter(|_| crate::syntax::notebook::is_notebook(&finding.location.path))
        .and_then(|f| crate::syntax::notebook::cell_of(&f.text, finding.location.line))
    {
        message.push_str(&format!(
            "
in notebook cell {cell}, line {line}"
        ));
    }
    // Each step in words, and how sure the analysis is.
    let why = super::explanation(finding);
    if finding.path.len() > 1 && !why.is_empty() {
        message.push_str(&format!("\nwhy: {}", crate::escape::terminal_line(&why)));
    }
    let also = super::also_reached(finding);
    if !also.is_empty() {
        message.push_str(&format!(
            "\nalso reached from: {}",
            crate::escape::terminal_line(&also)
        ));
    }
    message.push_str(&format!(
        "\nconfidence: {}",
        super::confidence_word(finding)
    ));
    let source = match primary {
        Some(file) => {
            let items: Vec<(&Location, String)> = finding
                .path
                .iter()
                .enumerate()
                .filter(|(_, step)| step.location.path == finding.location.path)
                .map(|(i, step)| (&step.location, step_text(i, total, step)))
                .collect();
            let (named, map) = named(file);
            labels = labels_in(file, map.as_ref(), Some(&finding.location), &items);
            Some(named)
        }
        None => {
            // Without the file's text, the location and this file's steps go in the message.
            let location = &finding.location;
            message.push_str(&format!(
                "\n{}:{}:{}",
                crate::escape::terminal_line(&location.path),
                location.line,
                location.column
            ));
            for (i, step) in finding.path.iter().enumerate() {
                if step.location.path == location.path {
                    message.push_str(&format!(
                        "\n{}:{}:{}: {}",
                        crate::escape::terminal_line(&step.location.path),
                        step.location.line,
                        step.location.column,
                        crate::escape::terminal_line(&step_text(i, total, step))
                    ));
                }
            }
            None
        }
    };

    FindingDiagnostic {
        message: crate::escape::terminal(&message).into_owned(),
        severity: miette_severity(finding.severity),
        help: (!finding.help.is_empty())
            .then(|| crate::escape::terminal(&finding.help).into_owned()),
        source,
        labels,
        related,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::testutil::{sample_db, sample_findings, sample_notices, SINK};

    fn render(color: bool) -> String {
        render_edited(color, |_| {})
    }

    /// The sample report rendered after `edit` changed its findings.
    fn render_edited(color: bool, edit: impl FnOnce(&mut Vec<Finding>)) -> String {
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
        render_text(&report, color)
    }

    /// The text of the report for the finding whose header contains `code`.
    fn section<'a>(out: &'a str, code: &str) -> &'a str {
        let start = out.find(&format!("{code} [")).expect("finding is rendered");
        let end = out[start..]
            .find(&format!("`airlock rule {code}`"))
            .expect("rule hint closes the report");
        &out[start..start + end]
    }

    #[test]
    fn other_sources_reaching_the_place_are_named_on_one_line() {
        let out = render_edited(false, |findings| {
            let i = findings
                .iter()
                .position(|f| f.code == "AIR101")
                .expect("AIR101");
            let mut other = findings[i].path.clone();
            other[0].label = "`memo` of tool `note`\u{1b}[31m".into();
            findings[i].also = vec![other];
            findings[i].also_more = 2;
        });
        let air101 = section(&out, "AIR101");
        // Escaped like every project string; where, then how many more.
        assert!(
            air101.contains("also reached from: `memo` of tool `note`"),
            "{air101}"
        );
        assert!(!air101.contains('\u{1b}'));
        assert!(air101.contains("; and 2 more"), "{air101}");
    }

    #[test]
    fn header_frame_labels_and_help() {
        let out = render(false);
        let air101 = section(&out, "AIR101");
        assert!(air101.starts_with(
            "AIR101 [high] untrusted invoice text can reach the payment tool `refund`"
        ));
        // The primary frame: the sink's file and line, with the sink step as primary label.
        assert!(air101.contains("╭─[agent/tools.py:10:13]"));
        assert!(air101.contains(&format!(" 10 │     reçu = {SINK}")));
        assert!(air101.contains("╰── (4) issues a Stripe refund"));
        assert!(air101.contains("╰── (3) privileged tool `refund`"));
        assert!(air101.contains("help: require human approval before `refund` runs"));
        assert!(out.contains("`airlock rule AIR101` explains this rule"));
    }

    #[test]
    fn steps_in_other_files_get_their_own_frame() {
        let out = render(false);
        let air101 = section(&out, "AIR101");
        let related = air101
            .find("the path starts in agent/graph.py: steps (1), (2)")
            .expect("related report for graph.py");
        let frame = &air101[related..];
        assert!(frame.contains("╭─[agent/graph.py:8:12]"));
        assert!(frame.contains("  8 │     return PyPDFLoader(path).load()"));
        assert!(frame.contains("╰── (1) untrusted PDF content enters here"));
        assert!(frame.contains("╰── (2) agent reads it and holds `refund`"));
        // Steps in graph.py are not drawn in the tools.py frame.
        assert!(!air101[..related].contains("PyPDFLoader"));
    }

    #[test]
    fn findings_without_steps_on_their_location_say_reported_here() {
        let out = render(false);
        let air104 = section(&out, "AIR104");
        assert!(air104.starts_with("AIR104 [medium] route `pay` depends on state field"));
        assert!(air104.contains(" 15 │     if state[\"approved\"]:"));
        assert!(air104.contains("╰── reported here"));
        // A one-step path is not numbered.
        assert!(air104.contains("╰── routes to the payment node"));
        let air201 = section(&out, "AIR201");
        assert!(air201.starts_with("AIR201 [critical] the agent can run shell commands"));
        assert!(!air201.contains("Advice"));
    }

    #[test]
    fn summary_and_no_notices() {
        let out = render(false);
        assert!(out.ends_with("\nFound 3 findings (1 critical, 1 high, 1 medium).\n"));
        assert!(!out.contains("broken.py"));
        assert!(!out.lines().any(|line| line.ends_with(' ')));
        let db = sample_db();
        let report = Report {
            findings: &[],
            notices: &[],
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        assert_eq!(
            render_text(&report, false),
            "No findings in 2 files (2 Python).\n"
        );
    }

    #[test]
    fn color_is_respected_and_output_is_deterministic() {
        let plain = render(false);
        assert!(!plain.contains('\u{1b}'));
        let colored = render(true);
        assert!(colored.contains("\u{1b}["));
        assert_eq!(plain, render(false));
        assert_eq!(colored, render(true));
    }

    #[test]
    fn missing_source_text_still_reports_locations() {
        let db = sample_db();
        let findings = sample_findings(&db);
        let empty = SourceDb::default();
        let report = Report {
            findings: &findings,
            notices: &[],
            sources: &empty,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        let out = render_text(&report, false);
        assert!(out.contains("AIR101 [high] untrusted invoice text"));
        assert!(out.contains("agent/tools.py:10:13"));
        assert!(out.contains("agent/graph.py:8:12: (1) untrusted PDF content enters here"));
        assert!(out.contains("agent/tools.py:8:1: (3) privileged tool `refund`"));
    }

    #[test]
    fn out_of_range_spans_do_not_panic() {
        let db = sample_db();
        let mut findings = sample_findings(&db);
        let inside_c_cedilla = crate::diagnostics::testutil::TOOLS_PY
            .find('ç')
            .expect("sample has a two-byte character")
            + 1;
        for finding in &mut findings {
            finding.location.span = crate::model::Span::new(1_000_000, 2_000_000);
            for step in &mut finding.path {
                // Starts inside `ç` (for tools.py steps) and ends before it starts.
                step.location.span =
                    crate::model::Span::new(inside_c_cedilla, inside_c_cedilla - 5);
            }
        }
        let report = Report {
            findings: &findings,
            notices: &[],
            sources: &db,
            tool_version: "0.1.0",
            path_prefix: "",
        };
        let out = render_text(&report, false);
        assert!(out.contains("Found 3 findings"));
    }

    #[test]
    fn notices_are_warning_lines() {
        assert_eq!(
            render_notices(&sample_notices()),
            "warning: agent/broken.py:3: syntax error; the rest of the file is still analysed\n\
             warning: data/huge.json: skipped: larger than the 1 MiB size cap\n"
        );
        assert_eq!(render_notices(&[]), "");
    }
}

//! Plain values shared by every stage: files, spans, locations, findings and notices.
//!
//! Nothing here knows tree-sitter, a framework or an output format. Every fact and finding
//! carries a `FileId` and a byte `Span`; line and column are computed once per file by
//! `LineIndex` and stored in `Location` so renderers never re-scan a file.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

/// Index of a file in the `SourceDb` of one analysis run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// A half-open byte range into one file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A span in a file together with its 1-based line and column (columns count UTF-8 bytes + 1).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// Path relative to the scanned root, with `/` separators.
    pub path: String,
    #[serde(skip)]
    pub file: FileId,
    pub span: Span,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// How bad a finding is; ordered so that `Critical > High > Medium > Low > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
    /// One level lower, used when a sandbox is proven or a gate is weak rather than absent.
    pub fn downgrade(self) -> Severity {
        match self {
            Severity::Critical => Severity::High,
            Severity::High => Severity::Medium,
            Severity::Medium => Severity::Low,
            Severity::Low | Severity::Info => Severity::Info,
        }
    }
    /// The numeric score GitHub code scanning reads from `security-severity`.
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "3.0",
            Severity::Info => "1.0",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "info" => Severity::Info,
            "low" => Severity::Low,
            "medium" => Severity::Medium,
            "high" => Severity::High,
            "critical" => Severity::Critical,
            _ => return None,
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the analysis is that the finding is real.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// What a step on a finding's path stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Source,
    Agent,
    Route,
    Tool,
    State,
    Gate,
    Call,
    Sink,
}

/// One labelled location on a finding's path, in order from source to sink.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Step {
    pub kind: StepKind,
    pub label: String,
    pub location: Location,
}

/// The most other paths a finding lists ([`Finding::also`]); the rest are counted.
pub const MAX_ALSO: usize = 16;

/// One reported problem. Findings are data: analysis never fails because of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code such as `AIR101`.
    pub code: &'static str,
    /// Kebab-case rule name such as `untrusted-input-to-privileged-tool`.
    pub name: &'static str,
    pub severity: Severity,
    pub confidence: Confidence,
    /// Lowercase, no trailing period, says what is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// Where the finding is reported (the privileged sink, the gate, the tool body call ...).
    pub location: Location,
    /// The path from source to sink, each step labelled. May be empty for local findings.
    pub path: Vec<Step>,
    /// Other paths to the same place from other sources (another tool's argument reaching the
    /// same sink), in a fixed order; at most [`MAX_ALSO`], with the count of the rest in
    /// `also_more`. Fixing the place fixes them all, so they are one finding.
    pub also: Vec<Vec<Step>>,
    /// How many further paths to the same place were left out of `also`.
    pub also_more: usize,
    /// Stable identity that does not depend on line numbers (see `diagnostics::fingerprint`).
    pub fingerprint: String,
    /// Mechanical fixes (insert the gate), offered by the language server as code actions.
    #[serde(skip)]
    pub fixes: Vec<Fix>,
}

/// A fix: a title for the editor's menu and the edits that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
}

/// Replace the text at `location` (an empty span inserts) with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub location: Location,
    pub new_text: String,
}

impl Finding {
    /// The total order every output uses, so results are byte-identical whatever the thread count.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str, &str) {
        (
            self.location.path.as_str(),
            self.location.line,
            self.location.column,
            self.code,
            self.message.as_str(),
            self.fingerprint.as_str(),
        )
    }
}

/// A problem with the input, not with the analysed code's security: unparsable, unreadable,
/// too large or too deep. The run goes on; notices are printed to stderr and listed in JSON/SARIF.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Notice {
    /// Path relative to the scanned root (or as given, when outside it).
    pub path: String,
    /// 1-based line, 0 when the notice concerns the whole file.
    pub line: u32,
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// One source file of the run: its path, text and line index.
#[derive(Debug)]
pub struct SourceFile {
    pub id: FileId,
    /// Path relative to the scanned root, `/`-separated.
    pub rel_path: String,
    pub abs_path: PathBuf,
    pub text: String,
    pub lines: LineIndex,
}

/// All files of one run, indexed by `FileId`.
#[derive(Debug, Default)]
pub struct SourceDb {
    pub files: Vec<SourceFile>,
}

impl SourceDb {
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    pub fn location(&self, file: FileId, span: Span) -> Location {
        let f = self.get(file);
        let (line, column) = f.lines.line_col(span.start);
        let (end_line, end_column) = f.lines.line_col(span.end);
        Location {
            path: f.rel_path.clone(),
            file,
            span,
            line,
            column,
            end_line,
            end_column,
        }
    }
    pub fn by_path(&self, rel: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.rel_path == rel)
    }
}

/// Byte offsets of line starts, for offset → (line, column) in O(log n).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0u32];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { starts }
    }
    /// 1-based line and 1-based byte column of `offset`.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.starts[line] + 1)
    }
    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.starts.get(line.checked_sub(1)? as usize).copied()
    }
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets() {
        let idx = LineIndex::new("ab\ncd\n\nx");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (1, 3));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(7), (4, 1));
        assert_eq!(idx.line_start(3), Some(6));
        assert_eq!(idx.line_start(9), None);
    }
}

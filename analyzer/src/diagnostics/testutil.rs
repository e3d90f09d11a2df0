//! A two-file project and hand-made findings shared by the renderers' tests.

use crate::model::{
    Confidence, FileId, Finding, LineIndex, Location, Notice, Severity, SourceDb, SourceFile, Span,
    Step, StepKind,
};
use std::path::PathBuf;

pub(crate) const GRAPH_PY: &str = r#"from langgraph.prebuilt import create_react_agent
from langchain_community.document_loaders import PyPDFLoader

from tools import refund, run_shell


def read_invoice(path):
    return PyPDFLoader(path).load()


agent = create_react_agent(model, tools=[refund, run_shell])


def route(state):
    if state["approved"]:
        return "pay"
    return "review"
"#;

pub(crate) const TOOLS_PY: &str = r#"import subprocess

import stripe
from langchain_core.tools import tool


@tool
def refund(charge_id: str, amount: int) -> str:
    """Refund a charge."""
    reçu = stripe.Refund.create(charge=charge_id, amount=amount)
    return reçu.id


@tool
def run_shell(cmd: str) -> str:
    """Run a command."""
    return subprocess.run(cmd, shell=True, capture_output=True).stdout
"#;

pub(crate) fn file(id: u32, rel_path: &str, text: &str) -> SourceFile {
    SourceFile {
        id: FileId(id),
        rel_path: rel_path.to_string(),
        abs_path: PathBuf::from(rel_path),
        text: text.to_string(),
        lines: LineIndex::new(text),
    }
}

/// `agent/graph.py` (file 0) and `agent/tools.py` (file 1).
pub(crate) fn sample_db() -> SourceDb {
    shifted_db("")
}

/// The sample project with `prefix` inserted at the top of both files, moving every line.
pub(crate) fn shifted_db(prefix: &str) -> SourceDb {
    SourceDb {
        files: vec![
            file(0, "agent/graph.py", &format!("{prefix}{GRAPH_PY}")),
            file(1, "agent/tools.py", &format!("{prefix}{TOOLS_PY}")),
        ],
    }
}

/// The location of the first occurrence of `needle` in file `id`.
pub(crate) fn loc(db: &SourceDb, id: u32, needle: &str) -> Location {
    let text = &db.get(FileId(id)).text;
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in file {id}"));
    db.location(FileId(id), Span::new(start, start + needle.len()))
}

fn step(db: &SourceDb, kind: StepKind, id: u32, needle: &str, label: &str) -> Step {
    Step {
        kind,
        label: label.to_string(),
        location: loc(db, id, needle),
    }
}

pub(crate) const SINK: &str = "stripe.Refund.create(charge=charge_id, amount=amount)";

/// Three findings in `Finding::sort_key` order: a one-file AIR104 in graph.py, a cross-file
/// AIR101 in tools.py whose path starts in graph.py, and a path-less AIR201 in tools.py.
pub(crate) fn sample_findings(db: &SourceDb) -> Vec<Finding> {
    let mut findings = vec![
        Finding {
            code: "AIR104",
            name: "forgeable-approval-state",
            severity: Severity::Medium,
            confidence: Confidence::Medium,
            message: "route `pay` depends on state field `approved` that the model can write"
                .to_string(),
            help: "set `approved` only from a human decision, for example after `interrupt()`"
                .to_string(),
            location: loc(db, 0, "state[\"approved\"]"),
            path: vec![step(
                db,
                StepKind::Route,
                0,
                "return \"pay\"",
                "routes to the payment node",
            )],
            also: vec![],
            also_more: 0,
            fingerprint: super::fingerprint("AIR104", "agent/graph.py", &["approved"]),
            fixes: vec![],
        },
        Finding {
            code: "AIR101",
            name: "untrusted-input-to-privileged-tool",
            severity: Severity::High,
            confidence: Confidence::High,
            message: "untrusted invoice text can reach the payment tool `refund`".to_string(),
            help: "require human approval before `refund` runs, for example with \
                   `interrupt_before=[\"tools\"]`"
                .to_string(),
            location: loc(db, 1, SINK),
            path: vec![
                step(
                    db,
                    StepKind::Source,
                    0,
                    "PyPDFLoader(path).load()",
                    "untrusted PDF content enters here",
                ),
                step(
                    db,
                    StepKind::Agent,
                    0,
                    "create_react_agent(model, tools=[refund, run_shell])",
                    "agent reads it and holds `refund`",
                ),
                step(
                    db,
                    StepKind::Tool,
                    1,
                    "def refund",
                    "privileged tool `refund`",
                ),
                step(db, StepKind::Sink, 1, SINK, "issues a Stripe refund"),
            ],
            also: vec![],
            also_more: 0,
            fingerprint: super::fingerprint(
                "AIR101",
                "agent/tools.py",
                &["refund", &super::normalize_code(SINK)],
            ),
            fixes: vec![],
        },
        Finding {
            code: "AIR201",
            name: "unsandboxed-code-execution",
            severity: Severity::Critical,
            confidence: Confidence::High,
            message: "the agent can run shell commands on the host through `run_shell`".to_string(),
            help: "run commands in a sandbox, or remove `run_shell` from the agent".to_string(),
            location: loc(
                db,
                1,
                "subprocess.run(cmd, shell=True, capture_output=True)",
            ),
            path: Vec::new(),
            also: vec![],
            also_more: 0,
            fingerprint: String::new(),
            fixes: vec![],
        },
    ];
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
}

pub(crate) fn sample_notices() -> Vec<Notice> {
    vec![
        Notice {
            path: "agent/broken.py".to_string(),
            line: 3,
            message: "syntax error; the rest of the file is still analysed".to_string(),
        },
        Notice {
            path: "data/huge.json".to_string(),
            line: 0,
            message: "skipped: larger than the 1 MiB size cap".to_string(),
        },
    ]
}

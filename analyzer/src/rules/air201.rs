//! AIR201 unsandboxed-code-execution: an agent can run model-written code or shell commands on
//! the host, through a known code-running tool or a tool whose model-controlled argument
//! reaches a shell or code sink; and, in any function (library methods, graph nodes, chains),
//! a model's response that reaches a code, shell or query sink (`BodyFacts::model_flows`).

use super::context::Ctx;
use super::RuleMeta;
use crate::model::{Confidence, Finding, StepKind};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR201",
    name: "unsandboxed-code-execution",
    summary: "an agent can run model-written code or shell commands on the host",
    default_severity: crate::model::Severity::Critical,
    implemented: true,
    docs: doc!("AIR201"),
};

/// What AIR201 reports.
pub enum UnsandboxedCodeExecution {
    /// `agent` holds `tool`, which runs model-written code of sink kind `kind` on the host.
    Tool {
        agent: String,
        tool: String,
        kind: String,
    },
    /// A model's response (from `origin`) reaches `callee`, a sink of kind `kind`;
    /// `by_name` when the model call is recognised by name only.
    ModelResponse {
        origin: String,
        callee: String,
        kind: String,
        by_name: bool,
    },
    /// Content fetched over the network run as code (`eval(requests.get(url).text)`).
    FetchedContent {
        origin: String,
        callee: String,
        kind: String,
    },
}

impl super::Violation for UnsandboxedCodeExecution {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Tool { agent, tool, kind } => format!(
                "{agent} can run model-written {} on the host through `{tool}`",
                what(kind)
            ),
            Self::ModelResponse {
                origin,
                callee,
                kind,
                by_name,
            } => {
                let how = if *by_name {
                    " (the model call is recognised by its receiver's or method's name, not a resolved type)"
                } else {
                    ""
                };
                format!(
                    "a model's response (`{origin}`) runs as {} through `{callee}`{how}",
                    what_runs(kind)
                )
            }
            Self::FetchedContent {
                origin,
                callee,
                kind,
            } => format!(
                "content fetched over the network (`{origin}`) runs as {} through `{callee}`",
                what_runs(kind)
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Tool { .. } => "run it in a sandbox (a Docker, E2B or Modal executor, `DockerExecutionPolicy`), or remove the tool",
            Self::ModelResponse { .. } => "do not run model output: parse it into data, check it against an allow-list (an AST walk, a read-only query parser) before it runs, or run it in a sandbox",
            Self::FetchedContent { .. } => "whoever answers the request (the server, or anyone on the path to it) chooses that text: parse it as data (`json.loads`, `ast.literal_eval`) instead of running it",
        }
        .to_string()
    }
}

pub fn check(cx: &Ctx, units: &[super::context::Unit], out: &mut Vec<Finding>) {
    let mut seen = std::collections::BTreeSet::new();
    for u in units {
        for &t in &u.tools {
            let tool = &cx.tools[t];
            if tool.sandboxed {
                continue;
            }
            let exec_kind = |k: &str| cx.k.sink_kind(k).is_some_and(|s| s.code_exec);
            // Known classes run whatever the model writes; custom tools only when an argument flows.
            // An MCP server whose code airlock read: only when a tool runs what the model writes.
            if tool.mcp.as_ref().and_then(|m| m.runs_model_code) == Some(false) {
                continue;
            }
            let hit = match tool.func() {
                None => tool
                    .sinks
                    .iter()
                    .find(|s| exec_kind(&s.kind))
                    .map(|s| (s.site, s.kind.clone(), s.callee.clone())),
                Some(f) => cx
                    .body
                    .facts(f)
                    .injections
                    .iter()
                    .find(|h| h.direct && exec_kind(&h.kind))
                    .map(|h| (h.sink, h.kind.clone(), h.callee.clone())),
            };
            let Some((sink, kind, callee)) = hit else {
                continue;
            };
            if !seen.insert((tool.site, u.site)) {
                continue;
            }
            let mut path = vec![cx.step(
                StepKind::Agent,
                u.site,
                format!("{} holds `{}`", u.label, tool.name),
            )];
            path.push(cx.step(
                StepKind::Tool,
                tool.site,
                format!("`{}` runs model-written {}", tool.name, what(&kind)),
            ));
            if sink != tool.site {
                path.push(cx.step(StepKind::Sink, sink, format!("`{callee}` on the host")));
            }
            let key = format!("{}|{}", u.label, tool.name);
            let severity = cx.k.sink_severity(&kind);
            let violation = UnsandboxedCodeExecution::Tool {
                agent: u.label.clone(),
                tool: tool.name.clone(),
                kind,
            };
            out.push(cx.report(
                &violation,
                severity,
                Confidence::High,
                tool.site,
                path,
                &[&key],
            ));
        }
    }
    model_flows(cx, out);
}

/// A model's response that reaches a code, shell or query sink, in any project function: one
/// finding per sink, at the sink, with the path from the model call.
fn model_flows(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut seen = std::collections::BTreeSet::new();
    // `funcs` is ordered by site: the first function (in file and position order) that shows a
    // flow to a sink gives that sink's path.
    for f in cx.body.ev.funcs.values() {
        let facts = cx.body.facts(f);
        for flow in &facts.model_flows {
            // One finding per sink and per call that leads to it (`PythonREPL.run` called from
            // two chains is two findings, each pointing at its own call in the path).
            let entry = flow.chain.first().copied().unwrap_or(flow.sink);
            if !seen.insert((entry, flow.sink)) {
                continue;
            }
            let o = &flow.origin;
            let source = if o.network {
                format!("`{}` returns content fetched over the network", o.callee)
            } else if o.is_param {
                format!("`{}`: a message the model wrote", o.callee)
            } else {
                format!("`{}` returns the model's response", o.callee)
            };
            let mut path = vec![cx.step(StepKind::Source, o.source, source)];
            for &v in &o.via {
                path.push(cx.step(StepKind::Call, v, "returned from here".to_string()));
            }
            for &c in flow.chain.iter().take(flow.chain.len().saturating_sub(1)) {
                path.push(cx.step(StepKind::Call, c, "passed on here".to_string()));
            }
            path.push(cx.step(
                StepKind::Sink,
                flow.sink,
                format!("`{}` runs it", flow.callee),
            ));
            let confidence = if o.by_name {
                Confidence::Medium
            } else {
                Confidence::High
            };
            let violation = if o.network {
                UnsandboxedCodeExecution::FetchedContent {
                    origin: o.callee.clone(),
                    callee: flow.callee.clone(),
                    kind: flow.kind.clone(),
                }
            } else {
                UnsandboxedCodeExecution::ModelResponse {
                    origin: o.callee.clone(),
                    callee: flow.callee.clone(),
                    kind: flow.kind.clone(),
                    by_name: o.by_name,
                }
            };
            let key = format!(
                "model|{}|{}|{}|{}",
                flow.kind,
                o.callee,
                flow.callee,
                crate::diagnostics::normalize_code(cx.text(entry))
            );
            out.push(cx.report(
                &violation,
                cx.k.sink_severity(&flow.kind),
                confidence,
                flow.sink,
                path,
                &[&key],
            ));
        }
    }
}

/// Plain words for what a model's response becomes at a sink of this kind.
fn what_runs(kind: &str) -> &'static str {
    match kind {
        "shell_exec" => "a shell command on the host",
        "sql_exec" => "a database query",
        "remote_code_load" => "code loaded on the host",
        _ => "code on the host",
    }
}

/// Plain words for an execution sink kind.
fn what(kind: &str) -> &'static str {
    match kind {
        "shell_exec" => "shell commands",
        "remote_code_load" => "code loaded from elsewhere",
        _ => "code",
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const AGENT: &str = r#"from langchain.agents import create_agent
from langchain.tools import tool


@tool
def run_python(code: str) -> str:
    """Run Python code and return its globals."""
    scope: dict = {}
    exec(code, scope)
    return str(scope)


agent = create_agent("openai:gpt-4.1", tools=[run_python])
"#;

    #[test]
    fn a_tool_that_execs_model_code_on_the_host_fires_on_the_tool() {
        assert_eq!(lines("AIR201", &[("agent.py", AGENT)], "agent.py"), [6]);
    }

    const LIBRARY: &str = r#"import subprocess

from openai import OpenAI

client = OpenAI()


def suggest_command(task: str) -> str:
    reply = client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": task}])
    return reply.choices[0].message.content


def run_task(task: str) -> str:
    command = suggest_command(task).strip()
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
"#;

    #[test]
    fn a_model_reply_run_as_a_shell_command_fires_at_the_sink() {
        assert_eq!(lines("AIR201", &[("ops.py", LIBRARY)], "ops.py"), [15]);
    }

    #[test]
    fn a_model_reply_checked_against_an_allow_list_runs_nothing() {
        let fixed = LIBRARY.replace(
            "    return subprocess.run(",
            "    if command not in (\"uptime\", \"df -h\"):\n        raise ValueError(command)\n    return subprocess.run(",
        );
        assert!(fixed.contains("raise ValueError"));
        assert!(lines("AIR201", &[("ops.py", &fixed)], "ops.py").is_empty());
    }

    #[test]
    fn a_tool_that_only_parses_literals_runs_nothing() {
        let fixed = AGENT.replace(
            "    scope: dict = {}\n    exec(code, scope)\n    return str(scope)",
            "    import ast\n    return str(ast.literal_eval(code))",
        );
        assert!(lines("AIR201", &[("agent.py", &fixed)], "agent.py").is_empty());
    }

    const FETCHED: &str = r#"import subprocess

import requests


PLUGINS = "https://plugins.example.com/latest.py"
INDEX = "https://plugins.example.com/index.json"


def load_plugin() -> None:
    source = requests.get(PLUGINS, timeout=10).text
    exec(source)


def clone() -> None:
    repo = requests.get(INDEX, timeout=10).json()["repo"]
    subprocess.run(["git", "clone", "--", repo], check=True)
"#;

    #[test]
    fn fetched_text_run_by_exec_fires_at_the_sink() {
        assert_eq!(
            lines("AIR201", &[("plugins.py", FETCHED)], "plugins.py"),
            [12]
        );
    }

    #[test]
    fn fetched_text_parsed_as_data_runs_nothing() {
        let fixed = FETCHED.replace("    exec(source)", "    print(source)");
        assert!(lines("AIR201", &[("plugins.py", &fixed)], "plugins.py").is_empty());
    }
}

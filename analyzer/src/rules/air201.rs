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
    // Classes that refuse to be built without the caller's explicit opt-in: their methods' flows
    // are the behaviour the caller acknowledged (`allow_dangerous_requests=True`).
    // They stay reported (the flow is real wherever a builder opts in), at low confidence,
    // with the opt-in in the path.
    let opted_in: Vec<(usize, crate::model::Span, String, crate::model::Span)> = cx
        .body
        .ev
        .classes
        .values()
        .filter_map(|c| {
            constructor_opt_in(&c.def).map(|(flag, at)| (c.module, c.def.span, flag, at))
        })
        .collect();
    // `funcs` is ordered by site: the first function (in file and position order) that shows a
    // flow to a sink gives that sink's path.
    for f in cx.body.ev.funcs.values() {
        let opt_in = opted_in.iter().find(|(m, span, _, _)| {
            *m == f.module && f.def.span.start >= span.start && f.def.span.end <= span.end
        });
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
            if let Some((m, _, flag, at)) = opt_in {
                path.push(cx.step(
                    StepKind::Gate,
                    crate::facts::Site {
                        file: cx.modules[*m].file,
                        span: *at,
                    },
                    format!(
                        "the class refuses to be built unless its builder sets `{flag}`: this runs only for code that opts in"
                    ),
                ));
            }
            path.push(cx.step(
                StepKind::Sink,
                flow.sink,
                format!("`{}` runs it ({})", flow.callee, flow.kind),
            ));
            let confidence = if opt_in.is_some() {
                Confidence::Low
            } else if o.by_name {
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

/// The flag a class's constructor makes its caller set: a field declared `False` (`allow_dangerous_requests:
/// bool = False`) that `__init__` refuses to run without (`if self.allow_dangerous_requests is not
/// True: raise ...`, `if not self.flag: raise ...`). Such a class cannot be built unless the
/// code that builds it acknowledges, in its own words, what its methods do.
fn constructor_opt_in(c: &crate::syntax::python::ClassDef) -> Option<(String, crate::model::Span)> {
    use crate::syntax::python::{ExprKind, StmtKind, Target};
    let flags: Vec<&str> = c
        .body
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Assign { targets, value, .. }
                if matches!(value.kind, ExprKind::Bool(false)) =>
            {
                match targets.as_slice() {
                    [Target::Name(n, _)] => Some(n.as_str()),
                    _ => None,
                }
            }
            _ => None,
        })
        .collect();
    if flags.is_empty() {
        return None;
    }
    let init = c.body.iter().find_map(|s| match &s.kind {
        StmtKind::Func(f) if f.name == "__init__" => Some(f),
        _ => None,
    })?;
    // `self.flag` → "flag".
    let own = |e: &crate::syntax::python::Expr| match &e.kind {
        ExprKind::Attr(o, a) if matches!(&o.kind, ExprKind::Name(n) if n == "self") => {
            Some(a.to_string())
        }
        _ => None,
    };
    init.body.iter().find_map(|s| {
        let StmtKind::If { test, body, .. } = &s.kind else {
            return None;
        };
        if !body
            .last()
            .is_some_and(|b| matches!(b.kind, StmtKind::Raise(_)))
        {
            return None;
        }
        let flag = match &test.kind {
            ExprKind::Not(x) => own(x),
            ExprKind::Compare(xs, ops) if xs.len() == 2 && ops.len() == 1 => {
                match (ops[0].as_str(), &xs[1].kind) {
                    ("is not" | "!=", ExprKind::Bool(true))
                    | ("is" | "==", ExprKind::Bool(false)) => own(&xs[0]),
                    _ => None,
                }
            }
            _ => None,
        }?;
        flags.contains(&flag.as_str()).then_some((flag, test.span))
    })
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

    const OPT_IN: &str = r#"from langchain_openai import ChatOpenAI
from sqlalchemy import create_engine, text


class SqlAnswerer:
    accept_model_written_sql = False

    def __init__(self, url: str, **options) -> None:
        self.accept_model_written_sql = options.get("accept_model_written_sql", False)
        if not self.accept_model_written_sql:
            raise ValueError("pass accept_model_written_sql=True with a read-only user")
        self.engine = create_engine(url)
        self.llm = ChatOpenAI(model="gpt-4.1-mini")

    def ask(self, question: str) -> list:
        sql = self.llm.invoke(f"Write SQL for: {question}").content
        with self.engine.connect() as conn:
            return list(conn.execute(text(sql)))
"#;

    #[test]
    fn a_flow_in_a_class_built_only_on_opt_in_is_low_confidence_with_the_opt_in_shown() {
        let out = crate::rules::testing::full_findings("AIR201", &[("answer.py", OPT_IN)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].location.line, 18);
        assert_eq!(out[0].confidence, crate::model::Confidence::Low);
        assert!(
            out[0]
                .path
                .iter()
                .any(|s| s.label.contains("`accept_model_written_sql`")),
            "{:?}",
            out[0].path
        );
        // Without the refusal in `__init__`, the same flow is certain.
        let plain = OPT_IN.replace(
            "        if not self.accept_model_written_sql:\n            raise ValueError(\"pass accept_model_written_sql=True with a read-only user\")\n",
            "",
        );
        let out = crate::rules::testing::full_findings("AIR201", &[("answer.py", &plain)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_ne!(out[0].confidence, crate::model::Confidence::Low);
    }
}

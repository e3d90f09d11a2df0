//! AIR201 unsandboxed-code-execution: an agent can run model-written code or shell commands on
//! the host, through a known code-running tool or a tool whose model-controlled argument
//! reaches a shell or code sink.

use super::context::Ctx;
use crate::model::{Confidence, Finding, StepKind};

pub fn check(cx: &Ctx, units: &[super::context::Unit], out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR201").expect("AIR201 is in the catalog");
    let mut seen = std::collections::BTreeSet::new();
    for u in units {
        for &t in &u.tools {
            let tool = &cx.lg.tools[t];
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
            let message = format!(
                "{} can run model-written {} on the host through `{}`",
                u.label,
                what(&kind),
                tool.name
            );
            let help = "run it in a sandbox (a Docker, E2B or Modal executor, `DockerExecutionPolicy`), or remove the tool".to_string();
            let key = format!("{}|{}", u.label, tool.name);
            out.push(cx.finding(
                rule,
                cx.k.sink_severity(&kind),
                Confidence::High,
                tool.site,
                message,
                help,
                path,
                &[&key],
            ));
        }
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

    #[test]
    fn a_tool_that_only_parses_literals_runs_nothing() {
        let fixed = AGENT.replace(
            "    scope: dict = {}\n    exec(code, scope)\n    return str(scope)",
            "    import ast\n    return str(ast.literal_eval(code))",
        );
        assert!(lines("AIR201", &[("agent.py", &fixed)], "agent.py").is_empty());
    }
}

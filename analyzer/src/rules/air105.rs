//! AIR105 approval-gate-bypass: a gate exists but does not protect the privileged action —
//! it names a missing node or tool, it has no checkpointer, it reviews after the action, or a
//! path reaches the action around it.

use super::context::Ctx;
use super::RuleMeta;
use crate::facts::langgraph::{NodeAction, START};
use crate::facts::Checkpointer;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};
use std::collections::BTreeSet;

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR105",
    name: "approval-gate-bypass",
    summary: "an approval gate exists but does not protect the privileged action",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR105"),
};

/// What AIR105 reports: a gate that exists but does not protect the action, one variant per
/// way it fails.
pub enum ApprovalGateBypass {
    /// `interrupt_before`/`interrupt_after` (`list`) names a node the graph does not have.
    MissingNode { list: &'static str, node: String },
    /// `interrupt_after` on a privileged node pauses after `action` ran.
    NodeReviewedAfter { node: String, action: String },
    /// A graph with pauses compiled without a checkpointer.
    GraphWithoutCheckpointer,
    /// A path reaches privileged node `node` around the approval at node `gate`.
    Around { node: String, gate: String },
    /// `interrupt_on` names a tool the agent does not have.
    MissingTool { tool: String },
    /// An agent with gates but no checkpointer.
    AgentWithoutCheckpointer,
    /// `interrupt_after` on the `tools` node of an agent with privileged tools.
    ToolsReviewedAfter,
    /// CrewAI `human_input` on a task reviews the answer after `agent` used `tool` (described).
    TaskOutputReview {
        task: String,
        agent: String,
        tool: String,
    },
    /// CrewAI `@human_feedback` on a flow step asks after crew `crew` ran.
    FlowFeedbackAfter {
        step: String,
        crew: String,
        agent: String,
        tool: String,
    },
    /// A hook compares `tool_name` with an unsanitised name CrewAI never passes.
    UnsanitisedToolName {
        hook: String,
        name: String,
        sanitised: String,
    },
    /// A `@before_tool_call` hook filters on a tool no agent has.
    HookMissingTool { hook: String, tool: String },
    /// Every approval request of a run is approved by the program.
    ApprovesEveryInterruption,
    /// The approval callback of the gate on `tool` always approves.
    CallbackAlwaysApproves { tool: String },
    /// `interrupt()` in `function` comes after its `kind` action.
    LateInterrupt { function: String, kind: String },
}

impl ApprovalGateBypass {
    /// The part of the finding's identity that says which way the gate fails.
    fn key(&self) -> &'static str {
        match self {
            Self::MissingNode { .. } => "missing-node",
            Self::NodeReviewedAfter { .. } | Self::ToolsReviewedAfter => "after",
            Self::GraphWithoutCheckpointer | Self::AgentWithoutCheckpointer => "no-checkpointer",
            Self::Around { .. } => "around",
            Self::MissingTool { .. }
            | Self::UnsanitisedToolName { .. }
            | Self::HookMissingTool { .. } => "missing-tool",
            Self::TaskOutputReview { .. } | Self::FlowFeedbackAfter { .. } => "output-review",
            Self::ApprovesEveryInterruption | Self::CallbackAlwaysApproves { .. } => "auto-approve",
            Self::LateInterrupt { .. } => "late",
        }
    }
}

impl super::Violation for ApprovalGateBypass {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::MissingNode { list, node } => format!(
                "`{list}` names node `{node}`, which the graph does not have, so nothing pauses"
            ),
            Self::NodeReviewedAfter { node, action } => {
                format!("`interrupt_after` on `{node}` pauses after {action} already ran")
            }
            Self::GraphWithoutCheckpointer => "graph has approval pauses but is compiled without a checkpointer, so they cannot hold".to_string(),
            Self::Around { node, gate } => format!(
                "a path reaches privileged node `{node}` without passing the approval at `{gate}`"
            ),
            Self::MissingTool { tool } => format!(
                "`interrupt_on` names tool `{tool}`, which the agent does not have, so its tools run unapproved"
            ),
            Self::AgentWithoutCheckpointer => {
                "agent has approval gates but no checkpointer, so they cannot pause and resume"
                    .to_string()
            }
            Self::ToolsReviewedAfter => {
                "`interrupt_after` on `tools` pauses after the privileged tools already ran"
                    .to_string()
            }
            Self::TaskOutputReview { task, agent, tool } => format!(
                "`human_input` on task `{task}` reviews the final answer after agent `{agent}` already ran {tool}; it approves no tool call"
            ),
            Self::FlowFeedbackAfter {
                step,
                crew,
                agent,
                tool,
            } => format!(
                "`@human_feedback` on flow step `{step}` asks for feedback after crew `{crew}` ran, when agent `{agent}` has already used {tool}"
            ),
            Self::UnsanitisedToolName {
                hook,
                name,
                sanitised,
            } => format!(
                "hook `{hook}` compares `tool_name` with `{name}`, but CrewAI passes the sanitised name `{sanitised}`, so the comparison never matches and the hook blocks nothing"
            ),
            Self::HookMissingTool { hook, tool } => format!(
                "`@before_tool_call` hook `{hook}` filters on tool `{tool}`, which no agent has, so it blocks nothing"
            ),
            Self::ApprovesEveryInterruption => "every approval request of the run is approved by the program (`approve` on each of `result.interruptions`): `needs_approval` and `require_approval` gates ask no one".to_string(),
            Self::CallbackAlwaysApproves { tool } => {
                format!("the approval callback always approves: the gate on `{tool}` asks no one")
            }
            Self::LateInterrupt { function, kind } => format!(
                "`interrupt()` in `{function}` asks for approval after the {kind} action already ran"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::MissingNode { .. } => "name an existing node (check for a rename or typo)".to_string(),
            Self::NodeReviewedAfter { .. } => "use `interrupt_before` for nodes that act".to_string(),
            Self::GraphWithoutCheckpointer => "pass `checkpointer=` (for example `InMemorySaver()` or a database saver) to `compile()`".to_string(),
            Self::Around { .. } => "put the pause on the node that acts, or route every path through the approval node".to_string(),
            Self::MissingTool { .. } => "use the tool's name as the model sees it (the `@tool` name or the function name)".to_string(),
            Self::AgentWithoutCheckpointer => "pass `checkpointer=` (for example `InMemorySaver()`) to the agent factory".to_string(),
            Self::ToolsReviewedAfter => "use `interrupt_before=[\"tools\"]` or per-tool `interrupt_on`".to_string(),
            Self::TaskOutputReview { .. } => "gate the tool itself: a `@before_tool_call` hook that asks a person (`context.request_human_input(...)`) and returns False unless approved".to_string(),
            Self::FlowFeedbackAfter { .. } => "ask before the crew acts: put `@human_feedback(emit=[...])` on the step before and kick the crew off from a `@listen(\"approved\")` step, or gate the tool with a `@before_tool_call` hook".to_string(),
            Self::UnsanitisedToolName { sanitised, .. } => format!("compare with `{sanitised}`, or filter with `@before_tool_call(tools=[...])`, which CrewAI sanitises itself"),
            Self::HookMissingTool { .. } => "use the tool's name as CrewAI sees it (the `name` attribute or the `@tool` name)".to_string(),
            Self::ApprovesEveryInterruption => "show each interruption to a person and approve only on their answer; reject the rest".to_string(),
            Self::CallbackAlwaysApproves { .. } => "remove the callback so the run stops for a person, or decide on the call's arguments in it".to_string(),
            Self::LateInterrupt { .. } => "call `interrupt()` before the action and act only on an approving answer".to_string(),
        }
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut seen: BTreeSet<(Site, &'static str)> = BTreeSet::new();
    let mut push = |out: &mut Vec<Finding>,
                    site: Site,
                    violation: ApprovalGateBypass,
                    path: Vec<crate::model::Step>| {
        let what = violation.key();
        if seen.insert((site, what)) {
            out.push(cx.report(
                &violation,
                Severity::High,
                Confidence::High,
                site,
                path,
                &[what],
            ));
        }
    };
    for g in &cx.lg.graphs {
        let names: BTreeSet<&str> = g.nodes.iter().map(|n| n.name.as_str()).collect();
        let privileged = cx.privileged_nodes(g);
        // Breakpoints naming nodes that do not exist.
        for (list, which) in [
            (&g.interrupt_before, "interrupt_before"),
            (&g.interrupt_after, "interrupt_after"),
        ] {
            for e in list {
                if e.name != "*" && !names.contains(e.name.as_str()) && !g.nodes.is_empty() {
                    push(
                        out,
                        e.site,
                        ApprovalGateBypass::MissingNode {
                            list: which,
                            node: e.name.clone(),
                        },
                        vec![],
                    );
                }
            }
        }
        // A pause that reviews a privileged node only after it ran.
        for e in &g.interrupt_after {
            if let Some((psite, pdesc)) = privileged.get(&e.name) {
                if !g
                    .interrupt_before
                    .iter()
                    .any(|b| b.name == e.name || b.name == "*")
                {
                    push(
                        out,
                        e.site,
                        ApprovalGateBypass::NodeReviewedAfter {
                            node: e.name.clone(),
                            action: pdesc.clone(),
                        },
                        vec![cx.step(
                            StepKind::Sink,
                            *psite,
                            format!("{pdesc} runs before the pause"),
                        )],
                    );
                }
            }
        }
        // Gates without a checkpointer cannot pause and resume.
        if g.checkpointer == Checkpointer::Absent {
            let site = g.compile_site.unwrap_or(g.site);
            let has_breakpoints = !g.interrupt_before.is_empty() || !g.interrupt_after.is_empty();
            let interrupt = g.nodes.iter().find_map(|n| match &n.action {
                NodeAction::Func(f) => cx.body.caps(f).interrupts.first().copied(),
                NodeAction::ToolNode { tools, .. } => tools.iter().find_map(|&t| {
                    cx.tools[t]
                        .func()
                        .and_then(|f| cx.body.caps(f).interrupts.first().copied())
                }),
                _ => None,
            });
            if has_breakpoints || interrupt.is_some() {
                let path = interrupt
                    .map(|s| {
                        vec![cx.step(
                            StepKind::Gate,
                            s,
                            "this pause needs a checkpointer to resume",
                        )]
                    })
                    .unwrap_or_default();
                push(
                    out,
                    site,
                    ApprovalGateBypass::GraphWithoutCheckpointer,
                    path,
                );
            }
        }
        // Paths that reach a privileged node around every pausing node.
        let gated = cx.gated_nodes(g);
        if !gated.is_empty() && cx.has_entry(g) && g.checkpointer != Checkpointer::Absent {
            let avoid: BTreeSet<String> = gated.keys().cloned().collect();
            let around = cx.reachable(g, START, &avoid);
            for (pnode, (psite, pdesc)) in &privileged {
                if gated.contains_key(pnode) || !around.contains(pnode) {
                    continue;
                }
                // Only when some gate was meant for it: a gated node leads to it.
                let Some((gname, gsite)) = gated
                    .iter()
                    .find(|(gn, _)| cx.reachable(g, gn, &BTreeSet::new()).contains(pnode))
                else {
                    continue;
                };
                push(
                    out,
                    *gsite,
                    ApprovalGateBypass::Around {
                        node: pnode.clone(),
                        gate: gname.clone(),
                    },
                    vec![cx.step(
                        StepKind::Sink,
                        *psite,
                        format!("{pdesc} is reachable around the gate"),
                    )],
                );
            }
        }
    }
    for a in &cx.lg.agents {
        // Tools an agent loads from MCP servers go by the names their servers give them: known
        // when airlock read the server's code, unknown otherwise (then no name can be missing).
        let mut tool_names: BTreeSet<&str> = BTreeSet::new();
        let mut opaque_mcp = false;
        for &t in &a.tools {
            let tool = &cx.tools[t];
            match &tool.mcp {
                Some(m) if m.tools.is_empty() => opaque_mcp = true,
                Some(m) => tool_names.extend(m.tools.iter().map(|(n, _)| n.as_str())),
                None => {
                    tool_names.insert(tool.name.as_str());
                }
            }
        }
        if !a.unknown_tools && !opaque_mcp {
            for e in &a.hitl {
                if !tool_names.contains(e.tool.as_str()) && e.on {
                    push(
                        out,
                        e.site,
                        ApprovalGateBypass::MissingTool {
                            tool: e.tool.clone(),
                        },
                        vec![],
                    );
                }
            }
        }
        let body_interrupt = a.tools.iter().find_map(|&t| {
            cx.tools[t]
                .func()
                .and_then(|f| cx.body.caps(f).interrupts.first().copied())
        });
        let has_gate = a.hitl_site.is_some()
            || !a.interrupt_before.is_empty()
            || !a.interrupt_after.is_empty()
            || body_interrupt.is_some();
        if has_gate && a.checkpointer == Checkpointer::Absent {
            push(
                out,
                a.site,
                ApprovalGateBypass::AgentWithoutCheckpointer,
                vec![],
            );
        }
        for e in &a.interrupt_after {
            if e.name == "tools" && !a.interrupt_before.iter().any(|b| b.name == "tools") {
                let privileged = a
                    .tools
                    .iter()
                    .any(|&t| !cx.privileged_sinks(&cx.tools[t]).is_empty());
                if privileged {
                    push(out, e.site, ApprovalGateBypass::ToolsReviewedAfter, vec![]);
                }
            }
        }
    }
    crewai(cx, &mut |out, site, v, path| push(out, site, v, path), out);
    for a in &cx.oai.auto_approvals {
        let (violation, path) = match (a.kind, &a.gate) {
            ("loop", _) => (ApprovalGateBypass::ApprovesEveryInterruption, vec![]),
            (_, Some((g, tool))) => (
                ApprovalGateBypass::CallbackAlwaysApproves { tool: tool.clone() },
                vec![cx.step(StepKind::Gate, *g, format!("the gate on `{tool}`"))],
            ),
            _ => continue,
        };
        push(out, a.site, violation, path);
    }
    // Pauses that come after the action in the same body.
    let mut bodies: Vec<&crate::extract::interp::FuncVal> =
        cx.tools.iter().filter_map(|t| t.func()).collect();
    for g in &cx.lg.graphs {
        for n in &g.nodes {
            if let NodeAction::Func(f) = &n.action {
                bodies.push(f);
            }
        }
    }
    for f in bodies {
        for lg in &cx.body.facts(f).late_gates {
            push(
                out,
                lg.gate,
                ApprovalGateBypass::LateInterrupt {
                    function: f.def.name.clone(),
                    kind: lg.kind.to_string(),
                },
                vec![cx.step(
                    StepKind::Sink,
                    lg.sink,
                    format!("the {} action runs first", lg.kind),
                )],
            );
        }
    }
}

type Push<'p> =
    dyn FnMut(&mut Vec<Finding>, Site, ApprovalGateBypass, Vec<crate::model::Step>) + 'p;

/// CrewAI gates that review after the action, or name a tool that does not exist:
/// `human_input=True` on a task whose agent holds an ungated privileged tool, `@human_feedback`
/// on a flow step that kicks off such a crew, `@before_tool_call(tools=[...])` naming no tool.
fn crewai(cx: &Ctx, push: &mut Push, out: &mut Vec<Finding>) {
    let crew = cx.crew;
    // The first ungated privileged tool an agent (with a task's own tools) can call.
    let ungated = |a: usize, extra: &[usize]| -> Option<usize> {
        let agent = &crew.agents[a];
        agent.tools.iter().chain(extra).copied().find(|&t| {
            let tool = &cx.tools[t];
            !cx.privileged_sinks(tool).is_empty()
                && tool.body_gate.is_none()
                && cx.blocking_hook(a, t).is_none()
        })
    };
    // The tool and its first privileged action, for the path.
    let desc = |t: usize| {
        let tool = &cx.tools[t];
        let sinks = cx.privileged_sinks(tool);
        let kinds: Vec<&str> = sinks.iter().map(|s| s.kind.as_str()).collect();
        let sink = sinks.first().map(|s| s.site).unwrap_or(tool.site);
        (
            tool.site,
            sink,
            format!("`{}` ({})", tool.name, kinds.join(", ")),
        )
    };
    let steps = |tsite: Site, sink: Site, label: String| {
        let mut v = vec![cx.step(StepKind::Tool, tsite, label.clone())];
        if sink != tsite {
            v.push(cx.step(StepKind::Sink, sink, label));
        }
        v
    };
    for task in &crew.tasks {
        let (Some(at), Some(a)) = (task.human_input, task.agent) else {
            continue;
        };
        let Some(t) = ungated(a, &task.tools) else {
            continue;
        };
        let (tsite, sink, tdesc) = desc(t);
        push(
            out,
            at,
            ApprovalGateBypass::TaskOutputReview {
                task: task.name.clone(),
                agent: crew.agents[a].name.clone(),
                tool: tdesc.clone(),
            },
            steps(tsite, sink, format!("{tdesc} runs before the review")),
        );
    }
    for flow in &crew.flows {
        for step in &flow.steps {
            let Some((at, _)) = &step.feedback else {
                continue;
            };
            let hit = step.kicks.iter().find_map(|&(ci, _)| {
                crew.crews[ci]
                    .agents
                    .iter()
                    .find_map(|&a| ungated(a, &[]).map(|t| (ci, a, t)))
            });
            let Some((ci, a, t)) = hit else { continue };
            let (tsite, sink, tdesc) = desc(t);
            push(
                out,
                *at,
                ApprovalGateBypass::FlowFeedbackAfter {
                    step: step.name.clone(),
                    crew: crew.crews[ci].name.clone(),
                    agent: crew.agents[a].name.clone(),
                    tool: tdesc.clone(),
                },
                steps(tsite, sink, format!("{tdesc} runs before the feedback")),
            );
        }
    }
    // Hooks whose tool filter names no tool any agent holds.
    let unresolved =
        crew.agents.iter().any(|a| a.unknown_tools) || crew.tasks.iter().any(|t| t.unknown_tools);
    if !unresolved {
        let names: BTreeSet<String> = crew
            .agents
            .iter()
            .flat_map(|a| a.tools.iter())
            .chain(crew.tasks.iter().flat_map(|t| t.tools.iter()))
            .map(|&t| crate::facts::crewai::sanitize_tool_name(&cx.tools[t].name))
            .collect();
        for h in &crew.hooks {
            let Some(tools) = &h.tools else { continue };
            if names.is_empty() || !h.blocks {
                continue;
            }
            for (n, site) in tools {
                if names.contains(n) {
                    continue;
                }
                let sanitized = crate::facts::crewai::sanitize_tool_name(n);
                let violation = if names.contains(&sanitized) {
                    ApprovalGateBypass::UnsanitisedToolName {
                        hook: h.name.clone(),
                        name: n.clone(),
                        sanitised: sanitized,
                    }
                } else {
                    ApprovalGateBypass::HookMissingTool {
                        hook: h.name.clone(),
                        tool: n.clone(),
                    }
                };
                push(out, *site, violation, vec![]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const AGENT: &str = r#"import shutil

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool


@tool
def purge(folder: str) -> str:
    """Delete a folder."""
    shutil.rmtree(folder)
    return "ok"


agent = create_agent(
    "openai:gpt-4.1",
    tools=[purge],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"purge": True})],
)
"#;

    #[test]
    fn a_gate_without_a_checkpointer_fires_on_the_agent() {
        assert_eq!(lines("AIR105", &[("agent.py", AGENT)], "agent.py"), [15]);
        let f = findings("AIR105", &[("agent.py", AGENT)]);
        assert!(f[0].2.contains("checkpointer"), "{f:?}");
    }

    #[test]
    fn the_same_gate_with_a_checkpointer_holds() {
        let fixed = AGENT
            .replace(
                "from langchain.tools import tool\n",
                "from langchain.tools import tool\nfrom langgraph.checkpoint.memory import InMemorySaver\n",
            )
            .replace("    tools=[purge],\n", "    tools=[purge],\n    checkpointer=InMemorySaver(),\n");
        assert!(findings("AIR105", &[("agent.py", &fixed)]).is_empty());
    }
}

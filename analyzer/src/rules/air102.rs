//! AIR102 cross-agent-privilege-escalation: untrusted content in one agent's context reaches,
//! over the handoffs between agents (task context, sequential order, delegation, a manager,
//! flow steps), another agent that holds a privileged tool no effective gate covers.
//!
//! The rule works on units with a node in the project graph and on `PEdge::Handoff` edges, so
//! any framework that adds its agents and handoffs to the graph gets it (CrewAI, LangGraph and
//! the OpenAI Agents SDK do: supervisors, swarm handoff tools, agents called in tools, graph
//! routes between agents and subgraphs, OpenAI handoffs and agents-as-tools). A receiving agent
//! whose tool list is unresolved is reported at low confidence as possibly privileged. A
//! handoff filter known to drop tool results (`remove_all_tools`) lets only content that is no
//! tool's result cross; a filter airlock cannot read lowers confidence to medium.
//! When the receiving agent's own context already carries untrusted content of the same kinds
//! to the tool, AIR101 reports that tool and this rule does not repeat it; content of a kind the
//! receiving agent does not read itself is reported here too.

use super::context::{Ctx, SourceIn, Strength, Unit};
use super::RuleMeta;
use crate::facts::Hints;
use crate::graph::Handoff;
use crate::model::{Confidence, Finding, Severity, StepKind};
use petgraph::stable_graph::NodeIndex;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR102",
    name: "cross-agent-privilege-escalation",
    summary:
        "untrusted content entering one agent reaches another agent's privileged tool over routes",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR102"),
};

/// One way untrusted content reaches a unit: the source unit, its sources, and the handoffs.
struct Reach<'u> {
    from: &'u Unit,
    sources: Vec<&'u SourceIn>,
    /// (node reached, handoff taken), in order.
    hops: Vec<(NodeIndex, Handoff)>,
}

/// What AIR102 reports: untrusted content entering agent `from` reaches agent `to` over
/// `routes` (route words, deduplicated, in order taken).
pub enum CrossAgentPrivilegeEscalation {
    /// ... and `to` holds privileged tool `tool` no effective gate covers.
    Privileged {
        source_kinds: Vec<String>,
        from: String,
        to: String,
        routes: String,
        tool: String,
        sink_kinds: Vec<String>,
        /// A gate covers some paths only.
        conditional: bool,
        /// The framework's way to gate the route (from the receiving agent's hints).
        fix: String,
    },
    /// ... and `to`'s tool list could not be resolved.
    UnresolvedTools {
        source_kind: String,
        from: String,
        to: String,
        routes: String,
    },
}

impl super::Violation for CrossAgentPrivilegeEscalation {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Privileged {
                source_kinds,
                from,
                to,
                routes,
                tool,
                sink_kinds,
                conditional,
                ..
            } => format!(
                "untrusted content ({}) entering {from} can reach privileged tool `{tool}` ({}) of {to} over {routes} with no {}approval gate",
                source_kinds.join(", "),
                sink_kinds.join(", "),
                if *conditional { "unconditional " } else { "" },
            ),
            Self::UnresolvedTools {
                source_kind,
                from,
                to,
                routes,
            } => format!(
                "untrusted content ({source_kind}) entering {from} can reach {to} over {routes}, whose tool list could not be fully resolved and may hold privileged tools"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Privileged { fix, .. } => fix.clone(),
            Self::UnresolvedTools { to, .. } => format!(
                "gate every tool of {to} behind human approval, or build its tool list from names airlock can follow"
            ),
        }
    }
}

pub fn check(cx: &Ctx, units: &[Unit], out: &mut Vec<Finding>) {
    let by_node: HashMap<NodeIndex, usize> = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.node.map(|n| (n, i)))
        .collect();
    // For each receiving unit, the shortest path from the first tainted unit that reaches it.
    let mut best: BTreeMap<usize, Reach> = BTreeMap::new();
    for a in units {
        let Some(start) = a.node else { continue };
        let sources: Vec<&SourceIn> = a.all_sources().into_iter().collect();
        if sources.is_empty() {
            continue;
        }
        for (n, hops) in paths_from(cx, start) {
            let Some(&bi) = by_node.get(&n) else { continue };
            if std::ptr::eq(&units[bi], a) {
                continue;
            }
            // A handoff filter that drops tool calls and results (OpenAI `remove_all_tools`)
            // lets only the rest of the conversation cross: user input, not tool results.
            let mut sources = sources.clone();
            if hops
                .iter()
                .any(|(_, h)| h.filter.is_some_and(|f| f.drops_tool_results))
            {
                sources.retain(|s| s.tool.is_none());
                if sources.is_empty() {
                    continue;
                }
            }
            let better = best.get(&bi).is_none_or(|r| hops.len() < r.hops.len());
            if better {
                best.insert(
                    bi,
                    Reach {
                        from: a,
                        sources,
                        hops,
                    },
                );
            }
        }
    }
    for (bi, reach) in best {
        let b = &units[bi];
        // A tool list airlock could not resolve is possibly privileged, never empty
        // (frameworks.md §0.3): reported at low confidence, unless B's own untrusted content
        // already makes AIR101 report it.
        if b.unknown_tools && b.unknown_sources.is_empty() {
            let mut path = reach_steps(cx, units, &by_node, &reach, reach.sources[0]);
            path.push(cx.step(
                StepKind::Agent,
                b.site,
                format!(
                    "{} has tools airlock could not resolve (possibly privileged)",
                    b.label
                ),
            ));
            let first = reach.sources[0];
            let violation = CrossAgentPrivilegeEscalation::UnresolvedTools {
                source_kind: first.kind.clone(),
                from: reach.from.label.clone(),
                to: b.label.clone(),
                routes: route_list(&reach),
            };
            let key = format!("{}|{}|unresolved-tools", reach.from.label, b.label);
            out.push(cx.report(
                &violation,
                Severity::Medium,
                Confidence::Low,
                b.site,
                path,
                &[&key],
            ));
        }
        for &t in &b.tools {
            let tool = &cx.tools[t];
            let sinks = cx.privileged_sinks(tool);
            if sinks.is_empty() {
                continue;
            }
            let (strength, gate) = b.gates.get(&t).copied().unwrap_or((Strength::None, None));
            if strength == Strength::Strong {
                continue;
            }
            // B's own untrusted content of the same kinds already reaches the tool: AIR101
            // reports it. Content of a kind B does not read itself (A's email, where B reads
            // only its database) is this rule's to report.
            let own: Vec<&str> = b
                .sources
                .get(&t)
                .map(|v| {
                    v.iter()
                        .filter(|s| s.tool != Some(t))
                        .map(|s| s.kind.as_str())
                        .collect()
                })
                .unwrap_or_default();
            let crossing: Vec<&SourceIn> = reach
                .sources
                .iter()
                .copied()
                .filter(|s| !own.contains(&s.kind.as_str()))
                .collect();
            let Some(&first) = crossing.first() else {
                continue;
            };
            let mut kinds: Vec<&str> = sinks.iter().map(|s| s.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let severity = cx.path_severity(kinds.iter().copied(), strength, tool.sandboxed);
            let mut source_kinds: Vec<&str> = vec![first.kind.as_str()];
            for s in &crossing {
                if !source_kinds.contains(&s.kind.as_str()) {
                    source_kinds.push(&s.kind);
                }
            }
            let mut path = reach_steps(cx, units, &by_node, &reach, first);
            path.push(cx.step(
                StepKind::Agent,
                b.site,
                format!("{} can call `{}` with it", b.label, tool.name),
            ));
            if let (Strength::Conditional, Some(g)) = (strength, gate) {
                path.push(cx.step(StepKind::Gate, g, "approval here is conditional"));
            }
            path.push(cx.step(
                StepKind::Tool,
                tool.site,
                format!("privileged tool `{}` ({})", tool.name, kinds.join(", ")),
            ));
            if let Some(s) = sinks.first() {
                if s.site != tool.site {
                    path.push(cx.step(
                        StepKind::Sink,
                        s.site,
                        format!("`{}` calls `{}` ({})", tool.name, s.callee, s.kind),
                    ));
                }
            }
            let violation = CrossAgentPrivilegeEscalation::Privileged {
                source_kinds: source_kinds.iter().map(|k| k.to_string()).collect(),
                from: reach.from.label.clone(),
                to: b.label.clone(),
                routes: route_list(&reach),
                tool: tool.name.clone(),
                sink_kinds: kinds.iter().map(|k| k.to_string()).collect(),
                conditional: strength == Strength::Conditional,
                fix: Hints::fill(b.hints.gate_route, &tool.name, "", &b.label),
            };
            let key = format!("{}|{}|{}", reach.from.label, b.label, tool.name);
            out.push(cx.report(
                &violation,
                severity,
                confidence_of(&reach),
                tool.site,
                path,
                &[&key],
            ));
        }
    }
}

/// The first steps of a cross-agent path: the source, the agent it enters, and each route
/// with the agents passed on the way (the last route's target is the receiving agent).
fn reach_steps(
    cx: &Ctx,
    units: &[Unit],
    by_node: &HashMap<NodeIndex, usize>,
    reach: &Reach,
    first: &SourceIn,
) -> Vec<crate::model::Step> {
    let mut path = vec![
        cx.step(StepKind::Source, first.site, first.label.clone()),
        cx.step(
            StepKind::Agent,
            reach.from.site,
            format!("it enters {}'s context", reach.from.label),
        ),
    ];
    for (i, (n, h)) in reach.hops.iter().enumerate() {
        path.push(cx.step(StepKind::Route, h.site, h.label.clone()));
        if let Some(f) = h.filter {
            let what = if f.drops_tool_results {
                "the input filter drops tool results; the rest of the conversation crosses"
            } else {
                "an input filter airlock cannot read; it may not remove the content"
            };
            path.push(cx.step(StepKind::Gate, f.site, what));
        }
        if i + 1 < reach.hops.len() {
            if let Some(&ui) = by_node.get(n) {
                path.push(cx.step(
                    StepKind::Agent,
                    units[ui].site,
                    format!("{} passes it on", units[ui].label),
                ));
            }
        }
    }
    path
}

/// High, or medium when a filter airlock cannot read sits on the path (it may remove the
/// content).
fn confidence_of(reach: &Reach) -> Confidence {
    if reach
        .hops
        .iter()
        .any(|(_, h)| h.filter.is_some_and(|f| !f.drops_tool_results))
    {
        Confidence::Medium
    } else {
        Confidence::High
    }
}

/// The kinds of routes a path takes, in words, in order.
fn route_list(reach: &Reach) -> String {
    let mut kinds: Vec<&str> = vec![];
    for (_, h) in &reach.hops {
        if !kinds.contains(&h.kind) {
            kinds.push(h.kind);
        }
    }
    kinds
        .iter()
        .map(|k| route_words(k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every node reachable from `start` over ungated handoffs, with the shortest hop list (BFS;
/// ties broken by the deterministic order of `handoffs`). Expansion stops at nothing: content
/// an agent passes on goes further.
fn paths_from(cx: &Ctx, start: NodeIndex) -> Vec<(NodeIndex, Vec<(NodeIndex, Handoff)>)> {
    let mut prev: HashMap<NodeIndex, (NodeIndex, Handoff)> = HashMap::new();
    let mut order = vec![];
    let mut queue = VecDeque::from([start]);
    let mut seen = std::collections::HashSet::from([start]);
    while let Some(n) = queue.pop_front() {
        for (m, h) in cx.pg.handoffs(n) {
            if h.gate.is_some() || !seen.insert(m) {
                continue;
            }
            prev.insert(m, (n, h.clone()));
            order.push(m);
            queue.push_back(m);
        }
    }
    order
        .into_iter()
        .map(|m| {
            let mut hops = vec![];
            let mut cur = m;
            while let Some((p, h)) = prev.get(&cur) {
                hops.push((cur, h.clone()));
                cur = *p;
                // A predecessor chain visits each node once; this only guards a cycle.
                if hops.len() > prev.len() {
                    break;
                }
            }
            hops.reverse();
            (m, hops)
        })
        .collect()
}

/// Plain words for a handoff kind, for messages.
fn route_words(kind: &str) -> &str {
    match kind {
        "task-context" => "task context",
        "sequential" => "sequential tasks",
        "delegation" => "delegation",
        "answer" => "answers back to a delegating agent, manager or supervisor",
        "listen" => "flow steps",
        "router" => "flow routing",
        "kickoff" => "a crew kickoff",
        "result" => "a crew's result",
        "supervisor" => "supervisor handoffs",
        "handoff" => "handoff tools",
        "agent-as-tool" => "an agent called as a tool",
        "agent-tool" => "an agent called inside a tool",
        "graph-route" => "graph routes",
        "subgraph" => "a subgraph's input",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    const AGENTS: &str = r#"import stripe
from agents import Agent, WebSearchTool, function_tool


@function_tool
def refund(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).id


payer = Agent(name="payer", instructions="Pay refunds.", tools=[refund])
researcher = Agent(
    name="researcher",
    instructions="Research the customer.",
    tools=[WebSearchTool()],
    handoffs=[payer],
)
"#;

    #[test]
    fn web_content_handed_off_to_an_agent_with_a_payment_tool_fires() {
        let f = findings("AIR102", &[("agents_app.py", AGENTS)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].2.contains("refund"), "{f:?}");
    }

    #[test]
    fn an_approval_on_the_receiving_tool_silences_it() {
        let gated = AGENTS.replace("@function_tool\n", "@function_tool(needs_approval=True)\n");
        assert!(findings("AIR102", &[("agents_app.py", &gated)]).is_empty());
    }
}

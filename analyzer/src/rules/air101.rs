//! AIR101 untrusted-input-to-privileged-tool: untrusted content reaches, within one agent
//! context, a privileged tool that no effective approval gate covers.

use super::context::{Ctx, Strength, Unit, UnitOrigin};
use super::RuleMeta;
use crate::facts::langgraph::NodeAction;
use crate::facts::{AgentRef, Hints, Site};
use crate::model::{Confidence, Edit, Finding, Fix, Severity, Span, StepKind};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR101",
    name: "untrusted-input-to-privileged-tool",
    summary: "untrusted content can reach a privileged tool that no effective approval gate covers",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR101"),
};

/// What AIR101 reports.
pub enum UntrustedInputToPrivilegedTool {
    /// Untrusted content reaches a privileged tool, or the acting tools of an MCP server.
    Privileged {
        /// Every kind of untrusted content that reaches it, the first one's kind first.
        source_kinds: Vec<String>,
        /// How many places it comes from.
        places: usize,
        /// ``privileged tool `x` `` or ``the tools of MCP server `x` ``.
        target: String,
        sink_kinds: Vec<String>,
        /// The agent, named where agents often share a tool.
        holder: Option<String>,
        /// A gate covers some paths only.
        conditional: bool,
        /// The framework's way to gate it (from the agent's hints).
        fix: String,
    },
    /// Untrusted content reaches an MCP server whose capabilities airlock cannot tell.
    UnknownMcp {
        source_kind: String,
        server: String,
        conditional: bool,
    },
    /// Untrusted content reaches an agent whose tool list could not be resolved.
    UnresolvedTools {
        source_kind: String,
        agent: String,
        fix: String,
    },
}

fn unconditional(conditional: bool) -> &'static str {
    if conditional {
        "unconditional "
    } else {
        ""
    }
}

impl super::Violation for UntrustedInputToPrivilegedTool {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Privileged {
                source_kinds,
                places,
                target,
                sink_kinds,
                holder,
                conditional,
                ..
            } => {
                let more = if *places > 1 {
                    format!("; {places} places")
                } else {
                    String::new()
                };
                let holder = holder
                    .as_ref()
                    .map_or(String::new(), |h| format!(" of {h}"));
                format!(
                    "untrusted content ({}{more}) can reach {target} ({}){holder} with no {}approval gate",
                    source_kinds.join(", "),
                    sink_kinds.join(", "),
                    unconditional(*conditional),
                )
            }
            Self::UnknownMcp {
                source_kind,
                server,
                conditional,
            } => format!(
                "untrusted {source_kind} content can reach the tools of MCP server `{server}`, whose capabilities airlock cannot tell (possibly privileged), with no {}approval gate",
                unconditional(*conditional),
            ),
            Self::UnresolvedTools { source_kind, agent, .. } => format!(
                "untrusted {source_kind} content reaches {agent}, whose tool list could not be fully resolved and may hold privileged tools"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Privileged { fix, .. } | Self::UnresolvedTools { fix, .. } => fix.clone(),
            Self::UnknownMcp { server, .. } => format!(
                "gate the server's tools (`interrupt_before=[\"tools\"]` with a checkpointer, or `HumanInTheLoopMiddleware(interrupt_on={{...}})` naming its write tools), or name it in an MCP client config airlock can read (`{server}`)"
            ),
        }
    }
}

pub fn check(cx: &Ctx, units: &[super::context::Unit], out: &mut Vec<Finding>) {
    for u in units {
        for &t in &u.tools {
            let tool = &cx.tools[t];
            let sinks = cx.privileged_sinks(tool);
            let unknown_mcp = tool.mcp.as_ref().is_some_and(|m| !m.known);
            if sinks.is_empty() && !unknown_mcp {
                continue;
            }
            let (strength, gate) = u.gates.get(&t).copied().unwrap_or((Strength::None, None));
            if strength == Strength::Strong {
                continue;
            }
            // A tool's own result arrives after its action; other sources steer the call. An
            // MCP server's tools are many: what its read tools return steers its write tools.
            let mut sources: Vec<_> = u
                .sources_of(t)
                .iter()
                .filter(|s| s.tool != Some(t) || (!unknown_mcp && cx.feeds_itself(tool, &s.kind)))
                .collect();
            sources.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
            // One source per line and kind (`PyPDFLoader(p).load()` is one read, not two).
            let line =
                |s: &super::context::SourceIn| (s.site.file, cx.loc(s.site).line, s.kind.clone());
            let mut seen_lines = std::collections::BTreeSet::new();
            sources.retain(|s| seen_lines.insert(line(s)));
            // A source tool's own result does not make itself dangerous unless it is also the sink.
            let Some(first) = sources.first() else {
                continue;
            };
            if unknown_mcp {
                // Name content from outside MCP first when there is some (a search, a page).
                let outside = sources
                    .iter()
                    .find(|s| s.tool.is_none_or(|x| cx.tools[x].mcp.is_none()))
                    .unwrap_or(first);
                out.push(unknown_mcp_finding(cx, u, t, outside, strength));
                continue;
            }
            let mut kinds: Vec<&str> = sinks.iter().map(|s| s.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let severity = cx.path_severity(kinds.iter().copied(), strength, tool.sandboxed);
            let mut path = vec![cx.step(StepKind::Source, first.site, first.label.clone())];
            path.push(cx.step(
                StepKind::Agent,
                u.site,
                format!("{} can call `{}` after reading it", u.label, tool.name),
            ));
            if let (Strength::Conditional, Some(g)) = (strength, gate) {
                path.push(cx.step(StepKind::Gate, g, "approval here is conditional"));
            }
            path.push(cx.step(
                StepKind::Tool,
                tool.site,
                match &tool.mcp {
                    Some(m) => format!(
                        "MCP server `{}` can act ({}; from {})",
                        m.server,
                        kinds.join(", "),
                        m.via
                    ),
                    None => format!("privileged tool `{}` ({})", tool.name, kinds.join(", ")),
                },
            ));
            if let Some(s) = sinks.first() {
                if s.site != tool.site {
                    path.push(cx.step(
                        StepKind::Sink,
                        s.site,
                        format!("`{}` ({})", s.callee, s.kind),
                    ));
                }
            }
            // Every kind of untrusted content that reaches the tool, the first one's kind first.
            let mut source_kinds: Vec<&str> = vec![first.kind.as_str()];
            for s in &sources {
                if !source_kinds.contains(&s.kind.as_str()) {
                    source_kinds.push(&s.kind);
                }
            }
            let target = match &tool.mcp {
                Some(m) => format!("the tools of MCP server `{}`", m.server),
                None => format!("privileged tool `{}`", tool.name),
            };
            // Where agents often share a tool, name the agent whose context this is.
            let fill = |t: &str, server: &str| Hints::fill(t, &tool.name, server, &u.label);
            let violation = UntrustedInputToPrivilegedTool::Privileged {
                source_kinds: source_kinds.iter().map(|k| k.to_string()).collect(),
                places: sources.len(),
                target,
                sink_kinds: kinds.iter().map(|k| k.to_string()).collect(),
                holder: u.hints.name_holder.then(|| u.label.clone()),
                conditional: strength == Strength::Conditional,
                fix: match (&tool.mcp, u.hints.gate_mcp) {
                    (Some(m), Some(t)) => fill(t, &m.server),
                    (Some(m), None) => mcp_help(m),
                    (None, _) => fill(u.hints.gate_tool, ""),
                },
            };
            let key = format!("{}|{}", u.label, tool.name);
            let mut finding = cx.report(
                &violation,
                severity,
                Confidence::High,
                tool.site,
                path,
                &[&key],
            );
            if tool.mcp.is_none() {
                // A notebook is analysed as its cells' Python: an edit there is not an edit
                // of the `.ipynb` file.
                if !crate::syntax::notebook::is_notebook(&finding.location.path) {
                    finding.fixes = gate_fix(cx, u, t).into_iter().collect();
                }
            }
            out.push(finding);
        }
        // A tool list that could not be resolved is possibly privileged, never empty.
        if u.unknown_tools {
            let mut sources = u.unknown_sources.clone();
            sources.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
            if let Some(first) = sources.first() {
                let path = vec![
                    cx.step(StepKind::Source, first.site, first.label.clone()),
                    cx.step(
                        StepKind::Agent,
                        u.site,
                        format!("{} has tools airlock could not resolve", u.label),
                    ),
                ];
                let violation = UntrustedInputToPrivilegedTool::UnresolvedTools {
                    source_kind: first.kind.clone(),
                    agent: u.label.clone(),
                    fix: u.hints.unknown_tools.to_string(),
                };
                out.push(cx.report(
                    &violation,
                    Severity::Medium,
                    Confidence::Low,
                    u.site,
                    path,
                    &[&u.label, "unresolved-tools"],
                ));
            }
        }
    }
}

/// How to gate an MCP server's tools: by name when its code lists them.
fn mcp_help(m: &crate::facts::McpToolset) -> String {
    let acting: Vec<String> = m
        .tools
        .iter()
        .filter(|(_, p)| *p)
        .map(|(n, _)| format!("\"{n}\": True"))
        .collect();
    if acting.is_empty() {
        format!(
            "require human approval for the write tools of MCP server `{}`: `HumanInTheLoopMiddleware(interrupt_on={{...}})` naming them, with a checkpointer, or `interrupt_before=[\"tools\"]`; or load only its read tools",
            m.server
        )
    } else {
        format!(
            "require human approval for the tools of MCP server `{}` that act: `HumanInTheLoopMiddleware(interrupt_on={{{}}})` with a checkpointer, or `interrupt_before=[\"tools\"]`",
            m.server,
            acting.join(", ")
        )
    }
}

/// Untrusted content reaching an MCP server whose capabilities airlock cannot tell: possibly
/// privileged (frameworks.md §0.3), reported at medium severity and low confidence.
fn unknown_mcp_finding(
    cx: &Ctx,
    u: &Unit,
    t: usize,
    first: &super::context::SourceIn,
    strength: Strength,
) -> Finding {
    let tool = &cx.tools[t];
    let name = tool
        .mcp
        .as_ref()
        .map_or(tool.name.as_str(), |m| m.server.as_str());
    let path = vec![
        cx.step(StepKind::Source, first.site, first.label.clone()),
        cx.step(
            StepKind::Agent,
            u.site,
            format!(
                "{} can call the tools of MCP server `{name}` after reading it",
                u.label
            ),
        ),
        cx.step(
            StepKind::Tool,
            tool.site,
            format!("MCP server `{name}`: airlock cannot tell what its tools do"),
        ),
    ];
    let violation = UntrustedInputToPrivilegedTool::UnknownMcp {
        source_kind: first.kind.clone(),
        server: name.to_string(),
        conditional: strength == Strength::Conditional,
    };
    let key = format!("{}|mcp-unknown|{name}", u.label);
    cx.report(
        &violation,
        Severity::Medium,
        Confidence::Low,
        tool.site,
        path,
        &[&key],
    )
}

/// The mechanical gate for tool `t` in unit `u`, when the code already has the place for it:
/// the tool's name added to an existing `interrupt_on={...}` of the agent's HITL middleware, or
/// the tool node's name added to (or as) `interrupt_before=[...]` of the graph's `compile(...)`.
fn gate_fix(cx: &Ctx, u: &Unit, t: usize) -> Option<Fix> {
    let tool = &cx.tools[t].name;
    match u.origin {
        UnitOrigin::Agent(AgentRef::LangGraph(ai)) => {
            let site = cx.lg.agents[ai].hitl_site?;
            let text = cx.text(site);
            let open = after_keyword(text, "interrupt_on", b'{')?;
            let empty = text[open..].trim_start().starts_with('}');
            let new_text = if empty {
                format!("{}: True", quote(tool))
            } else {
                format!("{}: True, ", quote(tool))
            };
            Some(insert(
                cx,
                site,
                open,
                new_text,
                format!("Require approval for `{tool}` (add it to `interrupt_on`)"),
            ))
        }
        UnitOrigin::Agent(_) => None,
        UnitOrigin::Graph(gi) => {
            let g = &cx.lg.graphs[gi];
            let node = g.nodes.iter().find(
                |n| matches!(&n.action, NodeAction::ToolNode { tools, .. } if tools.contains(&t)),
            )?;
            let site = g.compile_site?;
            // The edit is written in Python syntax (`interrupt_before=[...]`).
            if !cx.db.get(site.file).rel_path.ends_with(".py") {
                return None;
            }
            let text = cx.text(site);
            let title = format!(
                "Pause before node `{}` (add it to `interrupt_before`)",
                node.name
            );
            if let Some(open) = after_keyword(text, "interrupt_before", b'[') {
                let empty = text[open..].trim_start().starts_with(']');
                let sep = if empty { "" } else { ", " };
                return Some(insert(
                    cx,
                    site,
                    open,
                    format!("{}{sep}", quote(&node.name)),
                    title,
                ));
            }
            if text.contains("interrupt_before") || !text.ends_with(')') {
                return None;
            }
            let close = text.len() - 1;
            let empty = text[..close].trim_end().ends_with('(');
            let sep = if empty { "" } else { ", " };
            Some(insert(
                cx,
                site,
                close,
                format!("{sep}interrupt_before=[{}]", quote(&node.name)),
                title,
            ))
        }
    }
}

/// The offset just after `open` in `keyword = open`, in `text`.
fn after_keyword(text: &str, keyword: &str, open: u8) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(keyword) {
        let mut j = from + i + keyword.len();
        let b = text.as_bytes();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b.get(j) == Some(&open) {
                return Some(j + 1);
            }
        }
        from += i + keyword.len();
    }
    None
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
}

fn insert(cx: &Ctx, site: Site, offset: usize, new_text: String, title: String) -> Fix {
    let at = site.span.start as usize + offset;
    Fix {
        title,
        edits: vec![Edit {
            location: cx.db.location(site.file, Span::new(at, at)),
            new_text,
        }],
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, lines};

    const AGENT: &str = r#"import stripe
from langchain_community.tools import DuckDuckGoSearchRun
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.prebuilt import create_react_agent


@tool
def refund(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).id


agent = create_react_agent("openai:gpt-4o", tools=[DuckDuckGoSearchRun(), refund])
"#;

    #[test]
    fn search_results_reaching_an_ungated_payment_tool_fire_on_the_tool() {
        assert_eq!(lines("AIR101", &[("agent.py", AGENT)], "agent.py"), [9]);
        let f = findings("AIR101", &[("agent.py", AGENT)]);
        assert!(
            f[0].2.contains("privileged tool `refund` (payment)"),
            "{f:?}"
        );
    }

    #[test]
    fn a_breakpoint_before_the_tools_with_a_checkpointer_silences_it() {
        let gated = AGENT.replace(
            "tools=[DuckDuckGoSearchRun(), refund])",
            "tools=[DuckDuckGoSearchRun(), refund],\n    interrupt_before=[\"tools\"], checkpointer=InMemorySaver())",
        );
        assert!(findings("AIR101", &[("agent.py", &gated)]).is_empty());
    }
}

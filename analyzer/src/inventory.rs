//! The inventory: every agent, tool and graph node the analysis found, with what each can do
//! (sink kinds), what it reads (source kinds), the gates that cover it and the untrusted sources
//! that reach it. It is what the language server's hover shows, and the base of `airlock
//! inventory`. It is derived from the same agent contexts (`rules::context::Unit`) the rules use,
//! so a hover never disagrees with a finding.

use crate::extract::langgraph::NodeAction;
use crate::model::Location;
use crate::rules::context::{Ctx, Strength, Unit};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Inventory {
    pub agents: Vec<AgentInfo>,
    pub tools: Vec<ToolInfo>,
    pub nodes: Vec<NodeInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgentInfo {
    /// `agent `billing`` or `graph `StateGraph(...)``.
    pub label: String,
    pub location: Location,
    pub tools: Vec<String>,
    /// Untrusted content that enters this agent's context.
    pub sources: Vec<SourceInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToolInfo {
    pub name: String,
    pub location: Location,
    /// Sink kinds the tool's body or class reaches (`payment`, `shell_exec` ...).
    pub sinks: Vec<String>,
    /// Source kinds it returns (`web_search` ...).
    pub sources: Vec<String>,
    pub privileged: bool,
    /// One entry per agent context holding the tool.
    pub contexts: Vec<ToolContext>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToolContext {
    /// The agent or graph holding the tool.
    pub holder: String,
    /// `strong`, `conditional` or `none`.
    pub gate: &'static str,
    pub gate_location: Option<Location>,
    /// Untrusted sources that can reach the tool in this context.
    pub reached_by: Vec<SourceInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub kind: String,
    pub label: String,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeInfo {
    pub name: String,
    pub location: Location,
    /// What the node runs: `function`, `tools`, `agent`, `subgraph` or `unknown`.
    pub runs: &'static str,
    /// Nodes it routes to (`*` for a computed target).
    pub routes_to: Vec<String>,
    /// Whether the graph pauses for a human before this node (and has a checkpointer).
    pub gated: bool,
}

fn strength(s: Strength) -> &'static str {
    match s {
        Strength::Strong => "strong",
        Strength::Conditional => "conditional",
        Strength::None => "none",
    }
}

/// Builds the inventory from the rules' context.
pub fn build(cx: &Ctx, units: &[Unit]) -> Inventory {
    let mut inv = Inventory::default();
    let source_info = |s: &crate::rules::context::SourceIn| SourceInfo {
        kind: s.kind.clone(),
        label: s.label.clone(),
        location: cx.loc(s.site),
    };
    let mut contexts: BTreeMap<usize, Vec<ToolContext>> = BTreeMap::new();
    for u in units {
        let mut sources: Vec<SourceInfo> = u
            .sources
            .values()
            .flatten()
            .chain(&u.unknown_sources)
            .map(source_info)
            .collect();
        sources.sort_by(|a, b| {
            (&a.location.path, a.location.line, &a.kind).cmp(&(
                &b.location.path,
                b.location.line,
                &b.kind,
            ))
        });
        sources.dedup_by(|a, b| a.location == b.location && a.kind == b.kind);
        inv.agents.push(AgentInfo {
            label: u.label.clone(),
            location: cx.loc(u.site),
            tools: u
                .tools
                .iter()
                .map(|&t| cx.lg.tools[t].name.clone())
                .collect(),
            sources,
        });
        for &t in &u.tools {
            let (s, site) = u.gates.get(&t).copied().unwrap_or((Strength::None, None));
            let mut reached_by: Vec<SourceInfo> = u
                .sources
                .get(&t)
                .into_iter()
                .flatten()
                .filter(|s| s.tool != Some(t))
                .map(source_info)
                .collect();
            reached_by.dedup_by(|a, b| a.location == b.location && a.kind == b.kind);
            contexts.entry(t).or_default().push(ToolContext {
                holder: u.label.clone(),
                gate: strength(s),
                gate_location: site.map(|s| cx.loc(s)),
                reached_by,
            });
        }
    }
    for (ti, t) in cx.lg.tools.iter().enumerate() {
        let mut sinks: Vec<String> = t.sinks.iter().map(|s| s.kind.clone()).collect();
        sinks.sort();
        sinks.dedup();
        let mut sources: Vec<String> = t.sources.iter().map(|s| s.kind.clone()).collect();
        sources.sort();
        sources.dedup();
        inv.tools.push(ToolInfo {
            name: t.name.clone(),
            location: cx.loc(t.site),
            privileged: !cx.privileged_sinks(t).is_empty(),
            sinks,
            sources,
            contexts: contexts.remove(&ti).unwrap_or_default(),
        });
    }
    for g in &cx.lg.graphs {
        let gated = if g.checkpointer != crate::extract::langgraph::Checkpointer::Absent {
            cx.gated_nodes(g)
        } else {
            BTreeMap::new()
        };
        for n in &g.nodes {
            let mut routes_to: Vec<String> = g
                .edges
                .iter()
                .filter(|e| e.from == n.name)
                .map(|e| e.to.clone().unwrap_or_else(|| "*".to_string()))
                .collect();
            routes_to.sort();
            routes_to.dedup();
            inv.nodes.push(NodeInfo {
                name: n.name.clone(),
                location: cx.loc(n.site),
                runs: match n.action {
                    NodeAction::Func(_) => "function",
                    NodeAction::ToolNode { .. } => "tools",
                    NodeAction::Agent(_) => "agent",
                    NodeAction::Graph(_) => "subgraph",
                    NodeAction::Unknown => "unknown",
                },
                routes_to,
                gated: gated.contains_key(&n.name),
            });
        }
    }
    inv
}

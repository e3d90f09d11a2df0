//! AIR103 lethal-trifecta: one agent context, or one group of agents that share context over
//! handoffs, holds all three of untrusted content, private data and a way to send data out,
//! with no strong approval gate on every exfiltration tool ("Rule of Two": any two are fine).
//!
//! The legs come from the units the other rules use: untrusted sources reaching a unit (tool
//! results, user input, graph reads), private-data sources among its tools (`private = true`
//! source kinds: mailboxes, chat history, files, database reads), and exfiltration-capable sinks
//! (`exfil = true` sink kinds: email and chat sending, HTTP writes, requests to model-chosen
//! URLs, SaaS writes ...). One tool may supply two legs (an inbox reader is untrusted and
//! private).
//!
//! Groups are the connected components of units over ungated `Handoff` edges of the project
//! graph, taken in both directions (a supervisor and its agents, a swarm, agents called as
//! tools, graph routes, CrewAI task context and delegation, flows): whatever one member reads
//! can end up in another's context. A gated handoff separates groups. Each group is reported
//! once: at the unit that holds all three legs itself when there is one (the per-agent case),
//! else at the unit that holds the exfiltration leg, with the route between the legs.

use super::context::{Ctx, SourceIn, Strength, Unit};
use super::RuleMeta;
use crate::facts::ToolOrigin;
use crate::graph::Handoff;
use crate::model::{Confidence, Finding, Severity, Step, StepKind};
use petgraph::stable_graph::NodeIndex;
use std::collections::{BTreeSet, HashMap, VecDeque};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR103",
    name: "lethal-trifecta",
    summary: "one agent combines untrusted content, private data and an exfiltration-capable sink",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR103"),
};

/// The three legs found in one unit.
struct Legs<'u> {
    untrusted: Option<&'u SourceIn>,
    /// (tool, private source kind).
    private: Option<(usize, String)>,
    /// (tool, exfil sink kind, sink site).
    exfil: Option<(usize, String, crate::extract::interp::Site)>,
}

fn legs<'u>(cx: &Ctx, u: &'u Unit) -> Legs<'u> {
    let untrusted = |k: &str| cx.k.source_kind(k).is_some_and(|s| s.untrusted);
    let private = |k: &str| cx.k.source_kind(k).is_some_and(|s| s.private);
    let exfil = |k: &str| cx.k.sink_kind(k).is_some_and(|s| s.exfil);
    let mut sources: Vec<&SourceIn> = u.shared_sources().filter(|s| untrusted(&s.kind)).collect();
    sources.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
    // A project tool that reads a private source and also sends data out is taken to read it
    // for itself (the SMTP password it logs in with), not to hand it to the model; tools known
    // from knowledge (an inbox toolkit that reads and sends) count as declared.
    let private_tool = u.tools.iter().find_map(|&t| {
        let tool = &cx.tools[t];
        let own_use = !matches!(tool.origin, ToolOrigin::Known(_))
            && tool.sinks.iter().any(|s| exfil(&s.kind));
        if own_use {
            return None;
        }
        tool.sources
            .iter()
            .find(|s| private(&s.kind))
            .map(|s| (t, s.kind.clone()))
    });
    // Rule of Two: a strong approval gate on the exfiltration tool removes the leg.
    let exfil_tool = u.tools.iter().find_map(|&t| {
        let gated = u.gates.get(&t).is_some_and(|(s, _)| *s == Strength::Strong);
        if gated {
            return None;
        }
        cx.tools[t]
            .sinks
            .iter()
            .find(|s| exfil(&s.kind))
            .map(|s| (t, s.kind.clone(), s.site))
    });
    // An MCP server's generic results (files, rows, tool results) do not steer its own tools
    // (as in AIR101): a filesystem server alone is no trifecta.
    let steers = |s: &&SourceIn| match &exfil_tool {
        Some((t, _, _)) => {
            let tool = &cx.tools[*t];
            s.tool != Some(*t) || tool.mcp.is_none() || cx.feeds_itself(tool, &s.kind)
        }
        None => true,
    };
    Legs {
        untrusted: sources.iter().copied().find(steers),
        private: private_tool,
        exfil: exfil_tool,
    }
}

/// What AIR103 reports: untrusted content (`source_kind`), private data (`private_tool` reads
/// `private_kind`) and an exfiltration channel (`exfil_tool`: `exfil_kind`) in one context.
pub enum LethalTrifecta {
    /// One agent holds all three.
    Agent {
        agent: String,
        source_kind: String,
        private_tool: String,
        private_kind: String,
        exfil_tool: String,
        exfil_kind: String,
    },
    /// Agents that share context hold them together.
    Group {
        /// The agents' labels, sorted.
        agents: Vec<String>,
        source_kind: String,
        source_agent: String,
        private_tool: String,
        private_agent: String,
        private_kind: String,
        exfil_tool: String,
        exfil_agent: String,
        exfil_kind: String,
    },
}

impl super::Violation for LethalTrifecta {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Agent {
                agent,
                source_kind,
                private_tool,
                private_kind,
                exfil_tool,
                exfil_kind,
            } => format!(
                "{agent} combines untrusted content ({source_kind}), private data (`{private_tool}`: {private_kind}) and an exfiltration channel (`{exfil_tool}`: {exfil_kind})"
            ),
            Self::Group {
                agents,
                source_kind,
                source_agent,
                private_tool,
                private_agent,
                private_kind,
                exfil_tool,
                exfil_agent,
                exfil_kind,
            } => {
                let labels: Vec<&str> = agents.iter().map(String::as_str).collect();
                format!(
                    "{} share context and together combine untrusted content ({source_kind}, in {source_agent}), private data (`{private_tool}` of {private_agent}: {private_kind}) and an exfiltration channel (`{exfil_tool}` of {exfil_agent}: {exfil_kind})",
                    join_labels(&labels),
                )
            }
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Agent {
                private_kind,
                exfil_tool,
                ..
            } => format!(
                "remove one leg from this agent (split reading {private_kind} from handling untrusted content), or require human approval for `{exfil_tool}`"
            ),
            Self::Group {
                source_agent,
                exfil_tool,
                exfil_agent,
                ..
            } => format!(
                "require human approval for `{exfil_tool}`, or separate the agents so that content read by {source_agent} cannot reach {exfil_agent} (a gated route, or no route)"
            ),
        }
    }
}

pub fn check(cx: &Ctx, units: &[Unit], out: &mut Vec<Finding>) {
    let all: Vec<Legs> = units.iter().map(|u| legs(cx, u)).collect();
    for group in groups(cx, units) {
        // A member holding all three legs itself: the per-agent trifecta.
        if let Some(&i) = group.iter().find(|&&i| {
            let l = &all[i];
            l.untrusted.is_some() && l.private.is_some() && l.exfil.is_some()
        }) {
            let l = &all[i];
            let (Some(src), Some(p), Some(e)) = (l.untrusted, &l.private, &l.exfil) else {
                continue;
            };
            let legs = ((i, src), (i, p), (i, e));
            out.push(report(cx, units, &group, legs, vec![], vec![]));
            continue;
        }
        if group.len() < 2 {
            continue;
        }
        let src = group
            .iter()
            .filter_map(|&i| all[i].untrusted.map(|s| (i, s)))
            .min_by(|a, b| (a.1.site, &a.1.kind).cmp(&(b.1.site, &b.1.kind)));
        let private = group
            .iter()
            .find_map(|&i| all[i].private.as_ref().map(|p| (i, p)));
        let exfil = group
            .iter()
            .find_map(|&i| all[i].exfil.as_ref().map(|e| (i, e)));
        let (Some(src), Some(private), Some(exfil)) = (src, private, exfil) else {
            continue;
        };
        // How the untrusted content and the private data reach the exfiltrating agent.
        let hops = route_between(cx, units, src.0, exfil.0);
        let private_hops = if private.0 == exfil.0 {
            vec![]
        } else {
            route_between(cx, units, private.0, exfil.0)
        };
        let legs = (src, private, exfil);
        out.push(report(cx, units, &group, legs, hops, private_hops));
    }
}

/// The three legs, each with the unit that holds it.
type Found<'a> = (
    (usize, &'a SourceIn),
    (usize, &'a (usize, String)),
    (usize, &'a (usize, String, crate::extract::interp::Site)),
);

fn report(
    cx: &Ctx,
    units: &[Unit],
    group: &[usize],
    legs: Found,
    hops: Vec<Step>,
    private_hops: Vec<Step>,
) -> Finding {
    let ((si, source), (pi, (pt, private_kind)), (ei, (et, exfil_kind, sink_site))) = legs;
    let (ptool, etool) = (&cx.tools[*pt], &cx.tools[*et]);
    let (su, pu, eu) = (&units[si], &units[pi], &units[ei]);
    let single = si == pi && pi == ei;
    let mut path = vec![cx.step(
        StepKind::Source,
        source.site,
        format!("leg 1, untrusted content: {}", source.label),
    )];
    if !single {
        path.push(cx.step(
            StepKind::Agent,
            su.site,
            format!("it enters {}'s context", su.label),
        ));
        path.extend(hops);
    }
    path.push(cx.step(
        StepKind::Tool,
        ptool.site,
        if single {
            format!(
                "leg 2, private data: tool `{}` reads {private_kind}",
                ptool.name
            )
        } else {
            format!(
                "leg 2, private data: tool `{}` of {} reads {private_kind}",
                ptool.name, pu.label
            )
        },
    ));
    path.extend(private_hops);
    path.push(cx.step(
        StepKind::Agent,
        eu.site,
        if single {
            format!("{} holds all three", eu.label)
        } else {
            format!("{} can send it out", eu.label)
        },
    ));
    path.push(cx.step(
        StepKind::Tool,
        etool.site,
        format!(
            "leg 3, exfiltration: tool `{}` ({exfil_kind}) with no approval gate",
            etool.name
        ),
    ));
    if *sink_site != etool.site {
        path.push(cx.step(
            StepKind::Sink,
            *sink_site,
            format!("sends out ({exfil_kind})"),
        ));
    }
    let mut labels: Vec<&str> = group.iter().map(|&i| units[i].label.as_str()).collect();
    labels.sort_unstable();
    labels.dedup();
    let violation = if single {
        LethalTrifecta::Agent {
            agent: eu.label.clone(),
            source_kind: source.kind.clone(),
            private_tool: ptool.name.clone(),
            private_kind: private_kind.to_string(),
            exfil_tool: etool.name.clone(),
            exfil_kind: exfil_kind.to_string(),
        }
    } else {
        LethalTrifecta::Group {
            agents: labels.iter().map(|l| l.to_string()).collect(),
            source_kind: source.kind.clone(),
            source_agent: su.label.clone(),
            private_tool: ptool.name.clone(),
            private_agent: pu.label.clone(),
            private_kind: private_kind.to_string(),
            exfil_tool: etool.name.clone(),
            exfil_agent: eu.label.clone(),
            exfil_kind: exfil_kind.to_string(),
        }
    };
    let group_key = labels.join(",");
    let key: Vec<&str> = if single {
        vec![&eu.label, "trifecta"]
    } else {
        vec![&group_key, "trifecta-group"]
    };
    cx.report(
        &violation,
        Severity::High,
        // A group is an over-approximation: content may not travel every route.
        if single {
            Confidence::Medium
        } else {
            Confidence::Low
        },
        eu.site,
        path,
        &key,
    )
}

/// "agents `a`, `b` and `c`".
fn join_labels(labels: &[&str]) -> String {
    let names: Vec<&str> = labels
        .iter()
        .map(|l| l.strip_prefix("agent ").unwrap_or(l))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [a] => format!("agent {a}"),
        [init @ .., last] => format!("agents {} and {last}", init.join(", ")),
    }
}

/// Connected components of units over ungated handoffs (both directions), in unit order.
/// Units without a node are groups of one.
fn groups(cx: &Ctx, units: &[Unit]) -> Vec<Vec<usize>> {
    let mut by_node: HashMap<NodeIndex, Vec<usize>> = HashMap::new();
    for (i, u) in units.iter().enumerate() {
        if let Some(n) = u.node {
            by_node.entry(n).or_default().push(i);
        }
    }
    let mut done = vec![false; units.len()];
    let mut out = vec![];
    for (i, u) in units.iter().enumerate() {
        if done[i] {
            continue;
        }
        let mut members = BTreeSet::from([i]);
        if let Some(start) = u.node {
            let mut seen = BTreeSet::from([start]);
            let mut queue = VecDeque::from([start]);
            while let Some(n) = queue.pop_front() {
                members.extend(by_node.get(&n).into_iter().flatten().copied());
                for (m, _) in cx.pg.linked(n) {
                    if seen.insert(m) {
                        queue.push_back(m);
                    }
                }
            }
        }
        for &m in &members {
            done[m] = true;
        }
        out.push(members.into_iter().collect());
    }
    out
}

/// Route steps from unit `a` to unit `b` over ungated handoffs (either direction, shortest),
/// naming the agents passed on the way.
fn route_between(cx: &Ctx, units: &[Unit], a: usize, b: usize) -> Vec<Step> {
    let (Some(start), Some(goal)) = (units[a].node, units[b].node) else {
        return vec![];
    };
    let mut prev: HashMap<NodeIndex, (NodeIndex, Handoff)> = HashMap::new();
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        if n == goal {
            break;
        }
        // Routes the way content flows first; a route against the flow only when no other.
        let forward = cx
            .pg
            .handoffs(n)
            .into_iter()
            .filter(|(_, h)| h.gate.is_none());
        for (m, h) in forward.chain(cx.pg.linked(n)) {
            if seen.insert(m) {
                prev.insert(m, (n, h.clone()));
                queue.push_back(m);
            }
        }
    }
    let mut hops = vec![];
    let mut cur = goal;
    while let Some((p, h)) = prev.get(&cur) {
        hops.push((cur, h.clone()));
        cur = *p;
        // A predecessor chain visits each node once; this only guards a cycle.
        if hops.len() > prev.len() {
            break;
        }
    }
    hops.reverse();
    let mut steps = vec![];
    for (i, (n, h)) in hops.iter().enumerate() {
        steps.push(cx.step(StepKind::Route, h.site, h.label.clone()));
        if i + 1 < hops.len() {
            if let Some(u) = units.iter().find(|u| u.node == Some(*n)) {
                steps.push(cx.step(StepKind::Agent, u.site, format!("{} shares it", u.label)));
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::findings;

    const AGENT: &str = r#"import sqlite3

import requests
from langchain.agents import create_agent
from langchain.tools import tool

DB = sqlite3.connect("/srv/crm/customers.db")


@tool
def fetch_page(url: str) -> str:
    """Fetch a web page and return its text."""
    return requests.get(url, timeout=10).text


@tool
def lookup_customer(email: str) -> str:
    """Return the CRM record of a customer."""
    return str(DB.execute("SELECT * FROM customers WHERE email = ?", (email,)).fetchone())


researcher = create_agent("openai:gpt-4.1", tools=[fetch_page, lookup_customer])
"#;

    #[test]
    fn web_reads_private_rows_and_a_way_out_in_one_agent_fire() {
        let f = findings("AIR103", &[("agent.py", AGENT)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, 22);
    }

    #[test]
    fn without_the_private_data_there_is_no_trifecta() {
        let no_crm = AGENT.replace("tools=[fetch_page, lookup_customer]", "tools=[fetch_page]");
        assert!(findings("AIR103", &[("agent.py", &no_crm)]).is_empty());
    }
}

//! AIR104 forgeable-approval-state: a route or privileged action depends on an approval-like
//! state field that an LLM-driven node or a tool can write.

use super::context::Ctx;
use super::RuleMeta;
use crate::extract::interp::FuncVal;
use crate::facts::langgraph::{state_reads, Edge, EdgeKind, Graph, NodeAction};
use crate::facts::Site;
use crate::graph::PNode;
use crate::model::{Confidence, Finding, Severity, StepKind};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR104",
    name: "forgeable-approval-state",
    summary:
        "a route or privileged action depends on an approval-like state field the model can write",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR104"),
};

/// Field names that read as a decision someone made.
pub const APPROVAL_FIELDS: &[&str] = &[
    "approved",
    "is_approved",
    "approval",
    "approval_status",
    "human_approved",
    "authorized",
    "is_authorized",
    "authorised",
    "is_authorised",
    "verified",
    "is_verified",
    "is_valid",
    "valid",
    "validated",
    "allowed",
    "is_allowed",
    "permitted",
    "confirmed",
    "is_confirmed",
    "safe",
    "is_safe",
    "cleared",
    "signed_off",
    "can_pay",
    "payment_approved",
    "ok_to_send",
];

/// What AIR104 reports: approval-like state field `field`, written by `writer` (an LLM node or
/// a tool), is trusted by function `reader`, on the way to privileged node `privileged`.
pub struct ForgeableApprovalState {
    pub field: String,
    pub writer: String,
    pub reader: String,
    pub privileged: Option<String>,
}

impl super::Violation for ForgeableApprovalState {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        let Self {
            field,
            writer,
            reader,
            privileged,
        } = self;
        let mut message = format!(
            "approval-like state field `{field}` is written by {writer} and trusted by `{reader}`"
        );
        if let Some(node) = privileged {
            message.push_str(&format!(" to reach privileged node `{node}`"));
        }
        message
    }

    fn help(&self) -> String {
        format!(
            "set `{}` only from a human decision (the value returned by `interrupt()`) or deterministic code, never from model output or a tool",
            self.field
        )
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let fields: BTreeMap<String, ()> = APPROVAL_FIELDS
        .iter()
        .map(|f| (f.to_string(), ()))
        .collect();
    for (gi, g) in cx.lg.graphs.iter().enumerate() {
        let writers = writers(cx, gi, g, &fields);
        if writers.is_empty() {
            continue;
        }
        let privileged = cx.privileged_nodes(g);
        // Reachability once per graph, indexed: for each node, the first privileged node (in
        // name order) it reaches. Recomputing it per edge target grew as N^4 with N LLM
        // nodes routing to each other.
        let order: Vec<(&String, &(Site, String))> = privileged.iter().collect();
        let names: Vec<&str> = order.iter().map(|(n, _)| n.as_str()).collect();
        let first = cx.pg.first_reached(gi, &names);
        let mut by_site: HashMap<Site, Vec<&Edge>> = HashMap::new();
        let mut by_from: HashMap<&str, Vec<&Edge>> = HashMap::new();
        for e in &g.edges {
            by_site.entry(e.site).or_default().push(e);
            by_from.entry(e.from.as_str()).or_default().push(e);
        }
        let mut routers_done = HashSet::new();
        let mut seen = BTreeSet::new();
        // Routers that read the field and can lead to a privileged node.
        for e in &g.edges {
            let Some(router) = &e.router else { continue };
            // One conditional edge per target shares the call's site: judge the call once.
            if !routers_done.insert((e.site, router.site(cx.modules))) {
                continue;
            }
            let same = &by_site[&e.site];
            let any_target = same.iter().any(|x| x.to.is_none());
            let reaches_priv = if any_target {
                order.first().copied()
            } else {
                same.iter()
                    .filter_map(|x| x.to.as_deref())
                    .filter_map(|t| first.get(t))
                    .min()
                    .map(|&i| order[i])
            };
            let Some((pnode, (psite, pdesc))) = reaches_priv else {
                continue;
            };
            report(
                cx,
                router,
                &fields,
                &writers,
                Some((pnode, *psite, pdesc)),
                &mut seen,
                out,
            );
        }
        // Privileged nodes that check the field themselves.
        for n in &g.nodes {
            let NodeAction::Func(f) = &n.action else {
                continue;
            };
            if let Some((psite, pdesc)) = privileged.get(&n.name) {
                report(
                    cx,
                    f,
                    &fields,
                    &writers,
                    Some((&n.name, *psite, pdesc)),
                    &mut seen,
                    out,
                );
                continue;
            }
            // A node that routes with `Command(goto=...)` towards a privileged node.
            let routed = by_from
                .get(n.name.as_str())
                .into_iter()
                .flatten()
                .filter(|e| matches!(e.kind, EdgeKind::CommandGoto | EdgeKind::Send))
                .filter_map(|e| e.to.as_deref())
                .find_map(|t| first.get(t).map(|&i| order[i]));
            if let Some((pnode, (psite, pdesc))) = routed {
                report(
                    cx,
                    f,
                    &fields,
                    &writers,
                    Some((pnode, *psite, pdesc)),
                    &mut seen,
                    out,
                );
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    cx: &Ctx,
    f: &FuncVal,
    fields: &BTreeMap<String, ()>,
    writers: &BTreeMap<String, (Site, String)>,
    target: Option<(&String, Site, &String)>,
    seen: &mut BTreeSet<Site>,
    out: &mut Vec<Finding>,
) {
    let file = cx.modules[f.module].file;
    for (field, span) in state_reads(f)
        .into_iter()
        .filter(|(f, _)| fields.contains_key(f))
    {
        let Some((wsite, wdesc)) = writers.get(&field) else {
            continue;
        };
        let site = Site { file, span };
        if !seen.insert(site) {
            continue;
        }
        let mut path = vec![
            cx.step(StepKind::State, *wsite, format!("{wdesc} writes `{field}`")),
            cx.step(
                StepKind::Route,
                site,
                format!("`{}` trusts `{field}`", f.def.name),
            ),
        ];
        if let Some((node, psite, pdesc)) = target {
            path.push(cx.step(
                StepKind::Sink,
                psite,
                format!("privileged node `{node}`: {pdesc}"),
            ));
        }
        let violation = ForgeableApprovalState {
            field: field.clone(),
            writer: wdesc.clone(),
            reader: f.def.name.clone(),
            privileged: target.map(|(node, _, _)| node.clone()),
        };
        out.push(cx.report(
            &violation,
            Severity::High,
            Confidence::High,
            site,
            path,
            &[&field],
        ));
    }
}

/// Approval-like fields written by LLM-driven nodes or by tools, from the project graph's
/// write edges, with where and by whom.
fn writers(
    cx: &Ctx,
    gi: usize,
    g: &Graph,
    fields: &BTreeMap<String, ()>,
) -> BTreeMap<String, (Site, String)> {
    let mut out = BTreeMap::new();
    for field in fields.keys() {
        for (who, site) in cx.pg.writers(gi, field) {
            let desc = match who {
                PNode::Node { name, .. } => {
                    let llm_driven =
                        g.nodes
                            .iter()
                            .filter(|n| n.name == name)
                            .any(|n| match &n.action {
                                NodeAction::Func(f) => {
                                    let caps = cx.body.caps(f);
                                    // A node that asks a human decides with the human's answer.
                                    !caps.model_calls.is_empty() && caps.interrupts.is_empty()
                                }
                                _ => false,
                            });
                    if !llm_driven {
                        continue;
                    }
                    format!("LLM-driven node `{name}`")
                }
                PNode::Tool(t) => format!("tool `{}` (called by the model)", cx.tools[t].name),
                _ => continue,
            };
            out.entry(field.clone()).or_insert((site, desc));
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const GRAPH: &str = r#"from typing import TypedDict

import stripe
from langchain.chat_models import init_chat_model
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph


class State(TypedDict):
    description: str
    approved: bool


llm = init_chat_model("openai:gpt-4o")


def review(state: State) -> dict:
    verdict = llm.invoke(state["description"])
    return {"approved": "yes" in verdict.content}


def route(state: State) -> str:
    return "pay" if state["approved"] else END


def pay(state: State) -> dict:
    stripe.Transfer.create(amount=100, currency="usd", destination="acct_1")
    return {}


b = StateGraph(State)
b.add_node("review", review)
b.add_node("pay", pay)
b.add_edge(START, "review")
b.add_conditional_edges("review", route, ["pay", END])
b.add_edge("pay", END)
graph = b.compile(checkpointer=InMemorySaver())
"#;

    #[test]
    fn a_route_on_a_flag_the_model_writes_fires_on_the_read() {
        assert_eq!(lines("AIR104", &[("graph.py", GRAPH)], "graph.py"), [23]);
    }

    #[test]
    fn a_flag_no_model_writes_is_not_forgeable() {
        let fixed = GRAPH.replace(
            "return {\"approved\": \"yes\" in verdict.content}",
            "return {\"description\": verdict.content}",
        );
        assert!(lines("AIR104", &[("graph.py", &fixed)], "graph.py").is_empty());
    }
}

//! AIR104 forgeable-approval-state: a route or privileged action depends on an approval-like
//! state field that an LLM-driven node or a tool can write.

use super::context::Ctx;
use crate::extract::interp::{Callee, FuncVal, Site, Value};
use crate::extract::langgraph::{state_reads, EdgeKind, Graph, NodeAction};
use crate::knowledge::glob_match;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind, StmtKind};
use std::collections::{BTreeMap, BTreeSet};

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

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR104").expect("AIR104 is in the catalog");
    let fields: BTreeMap<String, ()> = APPROVAL_FIELDS
        .iter()
        .map(|f| (f.to_string(), ()))
        .collect();
    for g in &cx.lg.graphs {
        let writers = writers(cx, g, &fields);
        if writers.is_empty() {
            continue;
        }
        let privileged = cx.privileged_nodes(g);
        let mut seen = BTreeSet::new();
        // Routers that read the field and can lead to a privileged node.
        for e in &g.edges {
            let Some(router) = &e.router else { continue };
            let targets: Vec<&str> = g
                .edges
                .iter()
                .filter(|x| x.site == e.site)
                .filter_map(|x| x.to.as_deref())
                .collect();
            let any_target = g.edges.iter().any(|x| x.site == e.site && x.to.is_none());
            let reaches_priv = privileged.iter().find(|(n, _)| {
                any_target
                    || targets.iter().any(|t| {
                        *t == n.as_str()
                            || cx.reachable(g, t, &BTreeSet::new()).contains(n.as_str())
                    })
            });
            let Some((pnode, (psite, pdesc))) = reaches_priv else {
                continue;
            };
            report(
                cx,
                rule,
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
                    rule,
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
            let routed = g
                .edges
                .iter()
                .filter(|e| {
                    e.from == n.name && matches!(e.kind, EdgeKind::CommandGoto | EdgeKind::Send)
                })
                .filter_map(|e| e.to.as_deref())
                .find_map(|t| {
                    privileged.iter().find(|(p, _)| {
                        t == p.as_str() || cx.reachable(g, t, &BTreeSet::new()).contains(p.as_str())
                    })
                });
            if let Some((pnode, (psite, pdesc))) = routed {
                report(
                    cx,
                    rule,
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
    rule: &super::RuleMeta,
    f: &FuncVal,
    fields: &BTreeMap<String, ()>,
    writers: &BTreeMap<String, (Site, String)>,
    target: Option<(&String, Site, &String)>,
    seen: &mut BTreeSet<Site>,
    out: &mut Vec<Finding>,
) {
    let file = cx.modules[f.module].file;
    for (field, span) in state_reads(f, fields) {
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
        let mut message = format!(
            "approval-like state field `{field}` is written by {wdesc} and trusted by `{}`",
            f.def.name
        );
        if let Some((node, psite, pdesc)) = target {
            path.push(cx.step(
                StepKind::Sink,
                psite,
                format!("privileged node `{node}`: {pdesc}"),
            ));
            message.push_str(&format!(" to reach privileged node `{node}`"));
        }
        let help = format!(
            "set `{field}` only from a human decision (the value returned by `interrupt()`) or deterministic code, never from model output or a tool"
        );
        out.push(cx.finding(
            rule,
            Severity::High,
            Confidence::High,
            site,
            message,
            help,
            path,
            &[&field],
        ));
    }
}

/// Approval-like fields written by LLM-driven nodes or by tools, with where and by whom.
fn writers(cx: &Ctx, g: &Graph, fields: &BTreeMap<String, ()>) -> BTreeMap<String, (Site, String)> {
    let mut out = BTreeMap::new();
    for n in &g.nodes {
        match &n.action {
            NodeAction::Func(f) => {
                let caps = cx.body.caps(f);
                // A node that asks a human decides with the human's answer.
                if caps.model_calls.is_empty() || !caps.interrupts.is_empty() {
                    continue;
                }
                for (field, site) in written_fields(cx, f, fields) {
                    out.entry(field)
                        .or_insert((site, format!("LLM-driven node `{}`", n.name)));
                }
            }
            NodeAction::ToolNode { tools, .. } => {
                for &t in tools {
                    let tool = &cx.lg.tools[t];
                    if let Some(f) = tool.func() {
                        for (field, site) in written_fields(cx, f, fields) {
                            out.entry(field).or_insert((
                                site,
                                format!("tool `{}` (called by the model)", tool.name),
                            ));
                        }
                    }
                }
            }
            NodeAction::Agent(a) => {
                for &t in &cx.lg.agents[*a].tools {
                    let tool = &cx.lg.tools[t];
                    if let Some(f) = tool.func() {
                        for (field, site) in written_fields(cx, f, fields) {
                            out.entry(field).or_insert((
                                site,
                                format!("tool `{}` (called by the model)", tool.name),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Keys a function returns in a dict or in `Command(update={...})`, or assigns on its state.
fn written_fields(cx: &Ctx, f: &FuncVal, fields: &BTreeMap<String, ()>) -> Vec<(String, Site)> {
    let file = cx.modules[f.module].file;
    let mut out = vec![];
    let mut stmts: Vec<&[crate::syntax::python::Stmt]> = vec![&f.def.body];
    let mut exprs: Vec<&Expr> = vec![];
    while let Some(b) = stmts.pop() {
        for s in b {
            match &s.kind {
                StmtKind::Return(Some(e)) => exprs.push(e),
                StmtKind::Assign { targets, value, .. } => {
                    for t in targets {
                        if let crate::syntax::python::Target::Subscript(_, k) = t {
                            if let ExprKind::Str(key) = &k.kind {
                                if fields.contains_key(key.as_str()) {
                                    out.push((key.clone(), Site { file, span: k.span }));
                                }
                            }
                        }
                    }
                    exprs.push(value);
                }
                StmtKind::Expr(e) => exprs.push(e),
                StmtKind::If { body, orelse, .. }
                | StmtKind::For { body, orelse, .. }
                | StmtKind::While { body, orelse, .. } => {
                    stmts.push(body);
                    stmts.push(orelse);
                }
                StmtKind::With { body, .. } => stmts.push(body),
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    stmts.push(body);
                    for h in handlers {
                        stmts.push(h);
                    }
                    stmts.push(orelse);
                    stmts.push(finalbody);
                }
                _ => {}
            }
        }
    }
    while let Some(e) = exprs.pop() {
        match &e.kind {
            ExprKind::Dict(items) => {
                for it in items {
                    if let DictItem::Pair(k, _) = it {
                        if let ExprKind::Str(key) = &k.kind {
                            if fields.contains_key(key.as_str()) {
                                out.push((key.clone(), Site { file, span: k.span }));
                            }
                        }
                    }
                }
            }
            ExprKind::Call(c, args) => {
                let site = Site { file, span: e.span };
                let is_command = cx.ev.callee_at.get(&site).is_some_and(|cs| {
                    cs.iter().any(|c| matches!(c, Callee::Qualified(q) if glob_match("langgraph.**.Command", q)))
                }) || matches!(&c.kind, ExprKind::Name(n) if n == "Command");
                for a in args {
                    if let Arg::Kw(k, v) = a {
                        if is_command && k == "update" {
                            exprs.push(v);
                        } else if fields.contains_key(k.as_str()) && is_command {
                            out.push((k.clone(), Site { file, span: v.span }));
                        }
                    }
                }
            }
            ExprKind::IfExp(_, a, b) => {
                exprs.push(a);
                exprs.push(b);
            }
            _ => {}
        }
    }
    let _ = Value::None;
    out.sort_by_key(|(_, s)| *s);
    out
}

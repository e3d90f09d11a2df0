//! AIR103 lethal-trifecta: one agent context holds all three of untrusted content, private data
//! and a way to send data out, with no strong approval gate on every exfiltration tool ("Rule
//! of Two": any two are fine).
//!
//! The legs come from the unit the other rules use: untrusted sources reaching it (tool results,
//! user input, graph reads), private-data sources among its tools (`private = true` source kinds:
//! mailboxes, chat history, files, database reads), and exfiltration-capable sinks (`exfil =
//! true` sink kinds: email and chat sending, HTTP writes, requests to model-chosen URLs, SaaS
//! writes ...). One tool may supply two legs (an inbox reader is untrusted and private).

use super::context::{Ctx, Strength, Unit};
use crate::model::{Confidence, Finding, Severity, StepKind};

pub fn check(cx: &Ctx, units: &[Unit], out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR103").expect("AIR103 is in the catalog");
    let untrusted = |k: &str| cx.k.source_kind(k).is_some_and(|s| s.untrusted);
    let private = |k: &str| cx.k.source_kind(k).is_some_and(|s| s.private);
    let exfil = |k: &str| cx.k.sink_kind(k).is_some_and(|s| s.exfil);
    for u in units {
        // Leg 1: untrusted content entering the context, first by place.
        let mut sources: Vec<_> = u
            .sources
            .values()
            .flatten()
            .filter(|s| untrusted(&s.kind))
            .collect();
        sources.sort_by(|a, b| (a.site, &a.kind).cmp(&(b.site, &b.kind)));
        if sources.is_empty() {
            continue;
        }
        // Leg 2: a tool that reads private data.
        let private_tool = u.tools.iter().find_map(|&t| {
            let tool = &cx.lg.tools[t];
            tool.sources
                .iter()
                .find(|s| private(&s.kind))
                .map(|s| (t, s.kind.clone()))
        });
        let Some((pt, private_kind)) = private_tool else {
            continue;
        };
        // Leg 3: an exfiltration sink without a strong gate, steered by untrusted content that
        // is not only its own result: an MCP server's generic results (files, rows) do not
        // steer its own tools (as in AIR101), so a filesystem server alone is no trifecta.
        let leg3 = u.tools.iter().find_map(|&t| {
            let tool = &cx.lg.tools[t];
            let gated = u.gates.get(&t).is_some_and(|(s, _)| *s == Strength::Strong);
            if gated {
                return None;
            }
            let (kind, site) = tool
                .sinks
                .iter()
                .find(|s| exfil(&s.kind))
                .map(|s| (s.kind.clone(), s.site))?;
            let source = sources.iter().find(|s| {
                s.tool != Some(t) || tool.mcp.is_none() || cx.feeds_itself(tool, &s.kind)
            })?;
            Some((t, kind, site, *source))
        });
        let Some((et, exfil_kind, sink_site, source)) = leg3 else {
            continue;
        };
        let (ptool, etool) = (&cx.lg.tools[pt], &cx.lg.tools[et]);
        let mut path = vec![
            cx.step(
                StepKind::Source,
                source.site,
                format!("untrusted: {}", source.label),
            ),
            cx.step(
                StepKind::Tool,
                ptool.site,
                format!("private data: tool `{}` reads {private_kind}", ptool.name),
            ),
            cx.step(
                StepKind::Agent,
                u.site,
                format!("{} holds all three", u.label),
            ),
            cx.step(
                StepKind::Tool,
                etool.site,
                format!("exfiltration: tool `{}` ({exfil_kind})", etool.name),
            ),
        ];
        if sink_site != etool.site {
            path.push(cx.step(
                StepKind::Sink,
                sink_site,
                format!("sends out ({exfil_kind})"),
            ));
        }
        let message = format!(
            "{} combines untrusted content ({}), private data (`{}`: {private_kind}) and an exfiltration channel (`{}`: {exfil_kind})",
            u.label, source.kind, ptool.name, etool.name
        );
        let help = format!(
            "remove one leg from this agent (split reading {private_kind} from handling untrusted content), or require human approval for `{}`",
            etool.name
        );
        out.push(cx.finding(
            rule,
            Severity::High,
            Confidence::Medium,
            u.site,
            message,
            help,
            path,
            &[&u.label, "trifecta"],
        ));
    }
}

//! AIR101 untrusted-input-to-privileged-tool: untrusted content reaches, within one agent
//! context, a privileged tool that no effective approval gate covers.

use super::context::{Ctx, Strength};
use crate::model::{Confidence, Finding, Severity, StepKind};

pub fn check(cx: &Ctx, units: &[super::context::Unit], out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR101").expect("AIR101 is in the catalog");
    for u in units {
        for &t in &u.tools {
            let tool = &cx.lg.tools[t];
            let sinks = cx.privileged_sinks(tool);
            if sinks.is_empty() {
                continue;
            }
            let (strength, gate) = u.gates.get(&t).copied().unwrap_or((Strength::None, None));
            if strength == Strength::Strong {
                continue;
            }
            // A tool's own result arrives after its action; other sources steer the call.
            let mut sources: Vec<_> = u
                .sources
                .get(&t)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|s| s.tool != Some(t))
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
            let mut kinds: Vec<&str> = sinks.iter().map(|s| s.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let mut severity = cx.severity_of(kinds.iter().copied());
            if strength == Strength::Conditional {
                severity = severity.downgrade();
            }
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
                format!("privileged tool `{}` ({})", tool.name, kinds.join(", ")),
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
            let more = if sources.len() > 1 {
                format!("; {} places", sources.len())
            } else {
                String::new()
            };
            let message = format!(
                "untrusted content ({}{}) can reach privileged tool `{}` ({}) with no {}approval gate",
                source_kinds.join(", "),
                more,
                tool.name,
                kinds.join(", "),
                if strength == Strength::Conditional { "unconditional " } else { "" },
            );
            let help = format!(
                "require human approval before `{}` runs: `HumanInTheLoopMiddleware(interrupt_on={{\"{}\": True}})` with a checkpointer, `interrupt_before=[\"tools\"]`, or an `interrupt()` before the action",
                tool.name, tool.name
            );
            let key = format!("{}|{}", u.label, tool.name);
            out.push(cx.finding(
                rule,
                severity,
                Confidence::High,
                tool.site,
                message,
                help,
                path,
                &[&key],
            ));
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
                let message = format!(
                    "untrusted {} content reaches {}, whose tool list could not be fully resolved and may hold privileged tools",
                    first.kind, u.label
                );
                let help = "gate every tool (`interrupt_before=[\"tools\"]` with a checkpointer), or build the tool list from names airlock can follow".to_string();
                out.push(cx.finding(
                    rule,
                    Severity::Medium,
                    Confidence::Low,
                    u.site,
                    message,
                    help,
                    path,
                    &[&u.label, "unresolved-tools"],
                ));
            }
        }
    }
}

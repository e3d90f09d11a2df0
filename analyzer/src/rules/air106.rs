//! AIR106 tool-argument-injection: inside a tool body, a model-controlled argument reaches a
//! shell, code, SQL or filesystem-path sink without a recognised sanitizer.

use super::context::Ctx;
use crate::model::{Confidence, Finding, StepKind};
use std::collections::BTreeSet;

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR106").expect("AIR106 is in the catalog");
    let mut seen = BTreeSet::new();
    for tool in &cx.lg.tools {
        let Some(f) = tool.func() else { continue };
        // One finding per sink call: when a call matches several kinds (`open` for reading and
        // writing), the most severe one is reported.
        let facts = cx.body.facts(f);
        let mut hits: Vec<_> = facts.injections.iter().collect();
        hits.sort_by_key(|h| {
            (
                h.sink,
                std::cmp::Reverse(cx.k.sink_severity(&h.kind)),
                h.kind.clone(),
            )
        });
        for h in hits {
            if !seen.insert(h.sink) {
                continue;
            }
            let mut path = vec![cx.step(
                StepKind::Source,
                h.param_site,
                format!(
                    "`{}` is chosen by the model (argument of tool `{}`)",
                    h.param, tool.name
                ),
            )];
            for c in h.chain.iter().take(h.chain.len().saturating_sub(1)) {
                path.push(cx.step(StepKind::Call, *c, "passed on here"));
            }
            path.push(cx.step(
                StepKind::Sink,
                h.sink,
                format!("reaches `{}` ({})", h.callee, h.kind),
            ));
            let message = format!(
                "model-controlled argument `{}` of tool `{}` reaches `{}` ({}) unsanitized",
                h.param, tool.name, h.callee, h.kind
            );
            let help = match h.kind.as_str() {
                "shell_exec" => "pass an argument list without `shell=True`, quote with `shlex.quote`, or check the value against an allow-list",
                "code_exec" | "remote_code_load" => "never evaluate model output; parse it with a safe parser (`ast.literal_eval`, `json.loads`) or check it against an allow-list",
                "sql_exec" => "use a parameterised query (`cursor.execute(\"... WHERE id = ?\", (value,))`)",
                _ => "canonicalise the path and check it stays under an allowed directory, or take only a file name (`os.path.basename`)",
            }
            .to_string();
            let key = format!("{}|{}|{}", tool.name, h.param, h.kind);
            out.push(cx.finding(
                rule,
                cx.k.sink_severity(&h.kind),
                Confidence::High,
                h.sink,
                message,
                help,
                path,
                &[&key],
            ));
        }
    }
}

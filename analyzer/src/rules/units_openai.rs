//! The units of OpenAI Agents SDK agents: one per `Agent(...)`, with its tools, the gate on each
//! tool (`needs_approval`, `require_approval`, `on_approval`, tool guardrails) and the untrusted
//! content that enters its own context (its tools' results, user input from a run). Content
//! another agent read arrives over handoffs and agents-as-tools, which AIR102 follows.

use super::context::{Ctx, SourceIn, Strength, Unit, UnitOrigin};
use crate::facts::openai_agents::Approval;
use crate::facts::Checkpointer;
use std::collections::HashMap;

impl Ctx<'_> {
    pub(super) fn oai_units(&self) -> Vec<Unit> {
        let mut out = vec![];
        for (ai, a) in self.oai.agents.iter().enumerate() {
            let mut all_sources: Vec<SourceIn> = vec![];
            for &t in &a.tools {
                all_sources.extend(self.tool_sources(t));
            }
            for &s in &a.user_entries {
                all_sources.push(SourceIn {
                    tool: None,
                    kind: "user_input".into(),
                    site: s,
                    label: format!("user input starts a run of agent `{}` here", a.name),
                });
            }
            let mut u = Unit {
                origin: UnitOrigin::OaiAgent(ai),
                label: format!("agent `{}`", a.name),
                site: a.site,
                tools: a.tools.clone(),
                gates: HashMap::new(),
                sources: HashMap::new(),
                // An approval interrupts the run; `RunState` carries it to the person and back.
                checkpointer: Checkpointer::NotNeeded,
                unknown_tools: false,
                unknown_sources: vec![],
                node: self.pg.agent(crate::facts::AgentRef::OpenAi(ai)),
            };
            if a.unknown_tools {
                u.unknown_tools = true;
                u.unknown_sources = all_sources.clone();
            }
            for &t in &a.tools {
                let configured = match a.gates.get(&t) {
                    Some(g) if g.approval == Approval::Always => (Strength::Strong, Some(g.site)),
                    Some(g) => (Strength::Conditional, Some(g.site)),
                    None => (Strength::None, None),
                };
                // The same rule as every other framework's units: a pause in the tool's body
                // counts, a conditional one too (OpenAI units used to ignore it).
                let g = self.tool_gate(t, configured, Checkpointer::NotNeeded);
                u.gates.insert(t, g);
                u.sources.insert(t, all_sources.clone());
            }
            out.push(u);
        }
        out
    }
}

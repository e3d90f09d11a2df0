//! CrewAI facts (an extension of the neutral model, written by `extract::crewai`): agents,
//! tasks, crews, flows, `@before_tool_call` hooks and the routes between them.

use super::Site;
use crate::extract::interp::FuncVal;
use std::collections::BTreeSet;

/// A CrewAI agent: `Agent(...)` in Python, joined with its YAML entry when it has one.
#[derive(Debug, Clone)]
pub struct CrewAgent {
    /// The `@agent` method name, the YAML key or the role.
    pub name: String,
    pub role: Option<String>,
    /// The YAML key of a YAML-configured agent, else the `Agent(...)` call.
    pub site: Site,
    pub tools: Vec<usize>,
    pub unknown_tools: bool,
    /// `allow_delegation=True` (or `allow_delegation: true`).
    pub delegation: Option<Site>,
    /// `{placeholders}` in role, goal and backstory, filled from `kickoff(inputs=...)`.
    pub placeholders: BTreeSet<String>,
    /// The `@CrewBase` class (its site) the agent belongs to.
    pub class: Option<Site>,
}

#[derive(Debug, Clone)]
pub struct CrewTask {
    pub name: String,
    /// The YAML key of a YAML-configured task, else the `Task(...)` call.
    pub site: Site,
    pub agent: Option<usize>,
    /// `None`: not given (a sequential crew passes every earlier output); `Some([])`: none.
    pub context: Option<Vec<(usize, Site)>>,
    pub tools: Vec<usize>,
    pub unknown_tools: bool,
    /// `human_input=True`: a person reviews the final answer, after the tools ran.
    pub human_input: Option<Site>,
    pub placeholders: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Process {
    Sequential,
    Hierarchical,
}

/// A `kickoff(...)` of a crew or a flow.
#[derive(Debug, Clone)]
pub struct Kickoff {
    pub site: Site,
    /// Whether `inputs=` is given.
    pub has_inputs: bool,
    /// The input keys, when the dict is known.
    pub keys: Option<Vec<String>>,
    /// Called from a request handler, or with console or argv input.
    pub user: bool,
}

#[derive(Debug, Clone)]
pub struct Crew {
    pub name: String,
    pub site: Site,
    pub agents: Vec<usize>,
    pub tasks: Vec<usize>,
    pub process: Process,
    /// The `process=` argument (or the crew call).
    pub process_site: Site,
    pub kickoffs: Vec<Kickoff>,
}

/// What a flow method waits for.
#[derive(Debug, Clone)]
pub enum Trigger {
    /// Another method of the flow, by name.
    Method(String, Site),
    /// A router label or a `@human_feedback` outcome (or a method named by string).
    Label(String, Site),
}

#[derive(Debug, Clone)]
pub struct FlowStep {
    pub name: String,
    pub site: Site,
    pub func: FuncVal,
    pub start: bool,
    pub triggers: Vec<Trigger>,
    pub router: bool,
    /// Labels a router step returns; `None` when some return is computed.
    pub labels: Option<Vec<String>>,
    /// `@human_feedback(...)`: its site and the outcomes it emits.
    pub feedback: Option<(Site, Vec<String>)>,
    /// The `crewai_trigger_payload` parameter of a start step (webhook input).
    pub trigger_payload: Option<Site>,
    /// Crews this step kicks off: (crew, kickoff index).
    pub kicks: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Flow {
    pub name: String,
    pub site: Site,
    pub steps: Vec<FlowStep>,
    /// `flow.kickoff(...)` calls from a request handler or with console input.
    pub user_entries: Vec<Site>,
}

/// A `@before_tool_call` hook (or `register_before_tool_call_hook(fn)`).
#[derive(Debug, Clone)]
pub struct ToolHook {
    pub site: Site,
    pub name: String,
    /// Tool names it applies to, as CrewAI compares them (a `tools=[...]` filter is sanitised by
    /// CrewAI; a name the body compares `context.tool_name` with is kept as written);
    /// `None`: every tool.
    pub tools: Option<Vec<(String, Site)>>,
    /// Agent roles it applies to; `None`: every agent.
    pub agents: Option<Vec<String>>,
    /// It can return False, which blocks the call.
    pub blocks: bool,
    /// The `@CrewBase` class whose method it is (it applies to that crew's agents).
    pub class: Option<Site>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RouteKind {
    /// A sequential crew passes every earlier task's output to a task without `context=`.
    Sequential,
    /// `Task(context=[...])`.
    TaskContext,
    /// `allow_delegation=True`, or a hierarchical manager delegating.
    Delegation,
    /// A delegate's answer, or a task result, going back to whoever asked.
    Answer,
    /// Flow `@listen(method)`.
    Listen,
    /// Flow `@listen("label")` after a router or a feedback outcome.
    Router,
    /// A flow step kicking off a crew with `inputs=` that fill the agent's placeholders.
    Kickoff,
    /// A crew's result returning to the flow step that kicked it off.
    Result,
}

impl RouteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RouteKind::Sequential => "sequential",
            RouteKind::TaskContext => "task-context",
            RouteKind::Delegation => "delegation",
            RouteKind::Answer => "answer",
            RouteKind::Listen => "listen",
            RouteKind::Router => "router",
            RouteKind::Kickoff => "kickoff",
            RouteKind::Result => "result",
        }
    }
}

/// One end of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Endpoint {
    Agent(usize),
    /// The manager of hierarchical crew `i`.
    Manager(usize),
    /// Step `step` of flow `flow`.
    Step {
        flow: usize,
        step: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Route {
    pub from: Endpoint,
    pub to: Endpoint,
    pub kind: RouteKind,
    pub site: Site,
    pub label: String,
    /// A human decision the route waits for (`@human_feedback(emit=[...])` outcomes).
    pub gate: Option<Site>,
}

/// CrewAI's words for gating a tool.
pub const HINTS: super::Hints = super::Hints {
    gate_tool: "block `{tool}` until a person approves it: a `@before_tool_call` hook that asks (`context.request_human_input(...)`) and returns False unless approved; `human_input=True` on a task reviews its answer only after the tools ran",
    gate_mcp: None,
    unknown_tools: "block every tool call until a person approves it (a `@before_tool_call` hook that returns False unless approved), or build the tool list from names airlock can follow",
    gate_route: "block `{tool}` until a person approves it: a `@before_tool_call` hook that asks (`context.request_human_input(...)`) and returns False unless approved; `human_input=True` on a task reviews its answer only after the tools ran",
    name_holder: true,
};

#[derive(Debug, Default)]
pub struct CrewFacts {
    pub agents: Vec<CrewAgent>,
    pub tasks: Vec<CrewTask>,
    pub crews: Vec<Crew>,
    pub flows: Vec<Flow>,
    pub hooks: Vec<ToolHook>,
    pub routes: Vec<Route>,
}

impl CrewFacts {
    /// A short name of an endpoint for messages.
    pub fn endpoint_label(&self, e: Endpoint) -> String {
        match e {
            Endpoint::Agent(a) => format!("agent `{}`", self.agents[a].name),
            Endpoint::Manager(c) => format!("the manager of crew `{}`", self.crews[c].name),
            Endpoint::Step { flow, step } => format!(
                "flow step `{}.{}`",
                self.flows[flow].name, self.flows[flow].steps[step].name
            ),
        }
    }

    /// The first `@before_tool_call` hook that can block the tool named `tool` (as written)
    /// for agent `a`.
    pub fn blocking_hook(&self, a: usize, tool: &str) -> Option<Site> {
        let agent = &self.agents[a];
        let name = sanitize_tool_name(tool);
        self.hooks
            .iter()
            .filter(|h| h.blocks)
            .filter(|h| h.class.is_none() || h.class == agent.class)
            .filter(|h| {
                h.tools
                    .as_ref()
                    .is_none_or(|ts| ts.iter().any(|(n, _)| *n == name))
            })
            .filter(|h| {
                h.agents.as_ref().is_none_or(|roles| {
                    agent.role.as_ref().is_none_or(|r| {
                        r.contains('{') || roles.iter().any(|x| x == r || x == &agent.name)
                    })
                })
            })
            .map(|h| h.site)
            .next()
    }

    /// Agent `a` as a neutral agent: its tools and its tasks' tools, each gated by the first
    /// hook that can block it. CrewAI gates block a call in place; nothing pauses and resumes.
    /// Content entering it from kickoffs and flows is found over the project graph
    /// (`rules::context`), not here.
    pub fn neutral_agent(&self, a: usize, table: &[super::Tool]) -> super::Agent {
        use super::{Gate, GateKind, Strength, ToolId};
        let agent = &self.agents[a];
        let mut tools = agent.tools.clone();
        let mut unknown = agent.unknown_tools;
        for t in self.tasks.iter().filter(|t| t.agent == Some(a)) {
            tools.extend(t.tools.iter().copied());
            unknown |= t.unknown_tools;
        }
        tools.sort_unstable();
        tools.dedup();
        let gates = tools
            .iter()
            .filter_map(|&t| {
                let site = self.blocking_hook(a, &table[t].name)?;
                let g = Gate {
                    kind: GateKind::Hook,
                    strength: Strength::Strong,
                    site,
                };
                Some((ToolId(t), g))
            })
            .collect();
        super::Agent {
            framework: "crewai",
            name: agent.name.clone(),
            label: format!("agent `{}`", agent.name),
            site: agent.site,
            tools: tools.into_iter().map(ToolId).collect(),
            unknown_tools: unknown,
            blanket_gate: false,
            gates,
            entries: vec![],
            checkpointer: super::Checkpointer::NotNeeded,
            origin: super::AgentRef::CrewAi(a),
            hints: HINTS,
        }
    }
}

/// CrewAI's tool-name normalisation (`crewai.utilities.string_utils.sanitize_tool_name`): camel
/// case split, lowercase, anything but `a-z0-9` becomes one `_`, trimmed.
pub fn sanitize_tool_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().filter(|c| c.is_ascii()).collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push('_');
            }
        }
        if c == '\'' || c == '"' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push('_');
        }
    }
    let mut collapsed = String::new();
    for c in out.chars() {
        if c == '_' && collapsed.ends_with('_') {
            continue;
        }
        collapsed.push(c);
    }
    collapsed.trim_matches('_').to_string()
}

/// `{name}` placeholders in a prompt string.
pub fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            if j < b.len() && b[j] == b'}' && j > start && !b[start].is_ascii_digit() {
                out.insert(s[start..j].to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Who receives a kickoff's inputs: agents whose prompts, or whose tasks' descriptions, have a
/// placeholder the inputs fill (with a description of the placeholder), the first task's agent
/// for a trigger payload, and the manager of a hierarchical crew.
pub fn kickoff_targets(f: &CrewFacts, ci: usize, k: &Kickoff) -> Vec<(Endpoint, String)> {
    let mut out = vec![];
    if !k.has_inputs {
        return out;
    }
    let crew = &f.crews[ci];
    let fills = |ph: &BTreeSet<String>| -> Option<String> {
        match &k.keys {
            Some(keys) => ph
                .iter()
                .find(|p| keys.iter().any(|k| k == *p))
                .map(|p| format!("`{{{p}}}`")),
            None => ph.iter().next().map(|p| format!("`{{{p}}}`")),
        }
    };
    for &a in &crew.agents {
        let agent = &f.agents[a];
        let mut hit =
            fills(&agent.placeholders).map(|p| format!("{p} in agent `{}`'s prompt", agent.name));
        if hit.is_none() {
            for &t in &crew.tasks {
                let task = &f.tasks[t];
                if task.agent == Some(a) {
                    if let Some(p) = fills(&task.placeholders) {
                        hit = Some(format!("{p} in task `{}`", task.name));
                        break;
                    }
                }
            }
        }
        if hit.is_none() && crew.process == Process::Sequential {
            let first = crew.tasks.first().and_then(|&t| f.tasks[t].agent);
            let payload = k
                .keys
                .as_ref()
                .is_some_and(|ks| ks.iter().any(|k| k == "crewai_trigger_payload"));
            if payload && first == Some(a) {
                hit = Some("the trigger payload of the first task".to_string());
            }
        }
        if let Some(h) = hit {
            out.push((Endpoint::Agent(a), h));
        }
    }
    if crew.process == Process::Hierarchical {
        let any = crew
            .tasks
            .iter()
            .find_map(|&t| fills(&f.tasks[t].placeholders));
        if let Some(p) = any {
            out.push((
                Endpoint::Manager(ci),
                format!("{p} in the tasks the manager hands out"),
            ));
        }
    }
    out
}

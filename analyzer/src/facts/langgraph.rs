//! LangGraph and LangChain facts (an extension of the neutral model, written by
//! `extract::langgraph`): prebuilt agents with their middleware and breakpoints, hand-built
//! `StateGraph`s (nodes, edges, interrupts, state), routes between agents, agents run inside
//! tools. AIR104 and AIR105 read the graphs; the unit builder and the project graph read the
//! agents and routes.

use super::{Checkpointer, Site};
use crate::extract::interp::{ClassVal, FuncVal, ObjId};
use crate::syntax::python::push_children;
use crate::syntax::python::{visit_stmts, Expr, ExprKind};

pub const START: &str = "__start__";
pub const END: &str = "__end__";

#[derive(Debug, Clone)]
pub enum NodeAction {
    Func(FuncVal),
    ToolNode { tools: Vec<usize>, unknown: bool },
    Agent(usize),
    Graph(usize),
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    pub site: Site,
    pub action: NodeAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    Edge,
    Conditional,
    CommandGoto,
    Send,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: String,
    /// `None`: the target is computed at run time and could be any node.
    pub to: Option<String>,
    pub site: Site,
    pub kind: EdgeKind,
    /// For conditional edges: the routing function.
    pub router: Option<FuncVal>,
}

/// A named list entry with the site of its string (for `interrupt_before=["tools"]`).
#[derive(Debug, Clone)]
pub struct NamedSite {
    pub name: String,
    pub site: Site,
}

/// A LangGraph `StateGraph` and how it was compiled.
#[derive(Debug, Clone)]
pub struct Graph {
    pub site: Site,
    pub compile_site: Option<Site>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub interrupt_before: Vec<NamedSite>,
    pub interrupt_after: Vec<NamedSite>,
    pub checkpointer: Checkpointer,
    pub state_class: Option<ClassVal>,
    /// Calls that feed user input into the compiled graph (request handlers, `input()`).
    pub user_entries: Vec<Site>,
    pub compiled: Vec<ObjId>,
    /// Tools bound to a chat model (`llm.bind_tools(tools)`) that a node function invokes: the
    /// tools the model may call from that node, executed by a hand-written tool loop when the
    /// graph has no `ToolNode`.
    pub model_tools: Vec<(String, Vec<usize>)>,
    /// Agents and compiled subgraphs a function node invokes itself
    /// (`def research(state): return researcher.invoke(state)`): node name, what it runs
    /// (`NodeAction::Agent` or `NodeAction::Graph`), the call.
    pub node_runs: Vec<(String, NodeAction, Site)>,
    /// Function nodes that ask a person before anything else they do (`interrupt(...)` in a
    /// top-level statement of the node function, with no `return` before it): with a
    /// checkpointer, nothing passes through them unreviewed. Node name, the `interrupt` call.
    pub pausing_nodes: Vec<NamedSite>,
}

/// One `HumanInTheLoopMiddleware(interrupt_on=...)` entry.
#[derive(Debug, Clone)]
pub struct HitlEntry {
    pub tool: String,
    pub site: Site,
    pub on: bool,
    pub conditional: bool,
}

/// A prebuilt agent: `create_agent`, `create_react_agent`, `create_deep_agent`.
#[derive(Debug, Clone)]
pub struct Agent {
    pub name: Option<String>,
    pub site: Site,
    pub factory: String,
    pub tools: Vec<usize>,
    pub unknown_tools: bool,
    pub hitl: Vec<HitlEntry>,
    pub hitl_site: Option<Site>,
    pub interrupt_before: Vec<NamedSite>,
    pub interrupt_after: Vec<NamedSite>,
    pub checkpointer: Checkpointer,
    pub user_entries: Vec<Site>,
    pub obj: ObjId,
    /// Handoff tools in its tool list (langgraph-swarm, langgraph-supervisor).
    pub handoff_tools: Vec<HandoffTool>,
}

/// A route between two LangGraph agents outside any hand-built graph (frameworks.md §1.6):
/// a supervisor's handoffs to its agents and their answers back, swarm handoff tools
/// (`create_handoff_tool(agent_name=...)` in another agent's tool list). `graph.rs` turns each
/// into a framework-neutral `Handoff` edge.
#[derive(Debug, Clone)]
pub struct AgentRoute {
    pub from: usize,
    pub to: usize,
    /// `supervisor`, `answer` or `handoff`.
    pub kind: &'static str,
    pub site: Site,
    pub label: String,
}

/// A tool whose body invokes an agent (`@tool def ask_researcher(q): return
/// researcher.invoke(...)`): the model's request goes in, the agent's answer comes back as
/// the tool's result.
#[derive(Debug, Clone)]
pub struct ToolAgent {
    pub tool: usize,
    pub agent: usize,
    /// The `invoke`/`stream` call in the tool's body.
    pub site: Site,
}

/// A `create_handoff_tool(agent_name=...)` found in an agent's tool list.
#[derive(Debug, Clone)]
pub struct HandoffTool {
    pub target: String,
    /// The name the model sees: `name=`, else `transfer_to_<target>`.
    pub name: String,
    pub site: Site,
}

#[derive(Debug, Default)]
pub struct LangGraphFacts {
    pub graphs: Vec<Graph>,
    pub agents: Vec<Agent>,
    pub routes: Vec<AgentRoute>,
    pub tool_agents: Vec<ToolAgent>,
}

/// Reads of state fields through the state parameter inside a function:
/// `state["approved"]`, `state.get("approved")`, `state.approved` (not `state.method(...)`).
pub fn state_reads(f: &FuncVal) -> Vec<(String, crate::model::Span)> {
    let Some(param) = f
        .def
        .params
        .get(usize::from(f.bound.is_some()))
        .map(|p| p.name.clone())
    else {
        return vec![];
    };
    let mut out = vec![];
    let mut exprs: Vec<&Expr> = vec![];
    visit_stmts(&f.def.body, &mut |s| exprs.extend(s.exprs()));
    while let Some(e) = exprs.pop() {
        let is_param = |x: &Expr| matches!(&x.kind, ExprKind::Name(n) if *n == param);
        match &e.kind {
            ExprKind::Subscript(b, k) if is_param(b) => {
                if let ExprKind::Str(s) = &k.kind {
                    out.push((s.clone(), e.span));
                }
            }
            ExprKind::Attr(b, a) if is_param(b) => {
                out.push((a.to_string(), e.span));
            }
            ExprKind::Call(f, args) => {
                if let ExprKind::Attr(b, m) = &f.kind {
                    if is_param(b) {
                        // A method of the state object: `state.get("x")` reads `x`.
                        if m == "get" {
                            if let Some(crate::syntax::python::Arg::Pos(Expr {
                                kind: ExprKind::Str(s),
                                ..
                            })) = args.first()
                            {
                                out.push((s.clone(), e.span));
                            }
                        }
                        for a in args {
                            match a {
                                crate::syntax::python::Arg::Pos(x)
                                | crate::syntax::python::Arg::Kw(_, x)
                                | crate::syntax::python::Arg::Star(x)
                                | crate::syntax::python::Arg::DoubleStar(x) => exprs.push(x),
                            }
                        }
                        continue;
                    }
                }
            }
            _ => {}
        }
        push_children(e, &mut exprs);
    }
    out.sort_by_key(|(_, s)| *s);
    out
}

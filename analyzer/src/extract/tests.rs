//! Data-driven tests of extraction: small in-memory projects in, a compact summary of what was
//! extracted out, compared with the expectation written next to the input.

use crate::extract::body::BodyAnalyzer;
use crate::extract::interp::{Interp, ModuleInfo};
use crate::extract::langgraph::{Extractor, NodeAction};
use crate::knowledge::Knowledge;
use crate::model::FileId;
use crate::syntax::python;

/// Builds a project from `(path, source)` pairs and summarises agents, graphs and tools.
fn summarize(files: &[(&str, &str)]) -> String {
    let k = Knowledge::builtin();
    let mut modules = vec![];
    let mut js = vec![];
    for (i, (path, src)) in files.iter().enumerate() {
        if !path.ends_with(".py") {
            let ir = crate::syntax::typescript::parse(src, crate::syntax::typescript::Dialect::Tsx);
            js.push((FileId(i as u32), path.to_string(), std::sync::Arc::new(ir)));
            continue;
        }
        let stem = path.trim_end_matches(".py");
        let is_package = stem.ends_with("__init__");
        let name = stem.trim_end_matches("/__init__").replace('/', ".");
        modules.push(ModuleInfo {
            file: FileId(i as u32),
            name,
            aliases: vec![],
            is_package,
            ir: std::sync::Arc::new(python::parse(src)),
        });
    }
    modules.extend(crate::extract::js_lower::lower_project(&js));
    let ev = Interp::new(&modules).with_knowledge(&k).run();
    let body = BodyAnalyzer::new(&k, &ev, &modules);
    let (table, lg) = Extractor::new(&k, &ev, &modules, &body).run();
    let mut out = vec![];
    for a in &lg.agents {
        let mut names: Vec<&str> = a.tools.iter().map(|&t| table[t].name.as_str()).collect();
        names.sort_unstable();
        out.push(format!(
            "agent {} tools=[{}]{}{}",
            a.name.as_deref().unwrap_or("-"),
            names.join(","),
            if a.unknown_tools { " +unknown" } else { "" },
            if a.user_entries.is_empty() {
                ""
            } else {
                " user-input"
            },
        ));
    }
    for g in &lg.graphs {
        let nodes: Vec<String> = g
            .nodes
            .iter()
            .map(|n| match &n.action {
                NodeAction::ToolNode { tools, .. } => {
                    let mut t: Vec<&str> = tools.iter().map(|&t| table[t].name.as_str()).collect();
                    t.sort_unstable();
                    format!("{}[{}]", n.name, t.join(","))
                }
                _ => n.name.clone(),
            })
            .collect();
        let mut edges: Vec<String> = g
            .edges
            .iter()
            .map(|e| format!("{}>{}", e.from, e.to.as_deref().unwrap_or("*")))
            .collect();
        edges.sort();
        edges.dedup();
        out.push(format!(
            "graph nodes={} edges={}",
            nodes.join(","),
            edges.join(",")
        ));
    }
    let name = |a: usize| lg.agents[a].name.clone().unwrap_or_else(|| "-".into());
    for r in &lg.routes {
        out.push(format!("route {}>{} {}", name(r.from), name(r.to), r.kind));
    }
    for ta in &lg.tool_agents {
        out.push(format!(
            "tool {} invokes agent {}",
            table[ta.tool].name,
            name(ta.agent)
        ));
    }
    for g in &lg.graphs {
        for (n, what, _) in &g.node_runs {
            match what {
                NodeAction::Agent(a) => out.push(format!("node {n} invokes agent {}", name(*a))),
                NodeAction::Graph(_) => out.push(format!("node {n} invokes a graph")),
                _ => {}
            }
        }
    }
    for t in &table {
        let mut sinks: Vec<&str> = t.sinks.iter().map(|s| s.kind.as_str()).collect();
        sinks.sort_unstable();
        sinks.dedup();
        if !sinks.is_empty() {
            out.push(format!("tool {} sinks={}", t.name, sinks.join(",")));
        }
    }
    out.join("\n")
}

fn check(files: &[(&str, &str)], expect: &str) {
    let got = summarize(files);
    assert_eq!(got.trim(), expect.trim(), "\n--- got ---\n{got}\n");
}

#[test]
fn tool_lists_built_across_modules() {
    check(
        &[
            (
                "app/tools.py",
                r#"
import stripe
from langchain_core.tools import tool
from langchain_tavily import TavilySearch

@tool("refund")
def issue_refund(charge: str) -> str:
    return billing(charge)

def billing(charge):
    return stripe.Refund.create(charge=charge)

BASE = [TavilySearch()]
TOOLS = BASE + [issue_refund]
"#,
            ),
            (
                "app/agent.py",
                r#"
from langchain.agents import create_agent
from app.tools import TOOLS as T

agent = create_agent("openai:gpt-4.1", tools=[*T], name="support")
"#,
            ),
        ],
        "agent support tools=[refund,tavily_search]\ntool refund sinks=payment",
    );
}

#[test]
fn registries_factories_and_relative_imports() {
    check(
        &[
            ("pkg/__init__.py", ""),
            (
                "pkg/tools.py",
                r#"
import subprocess
from langchain_core.tools import tool

@tool
def run(cmd: str) -> str:
    """Run."""
    return subprocess.run(cmd, shell=True).stdout

@tool
def ping() -> str:
    """Ping."""
    return "pong"

REGISTRY = {t.name: t for t in [run, ping]}

def get_tools(names=None):
    return list(REGISTRY.values())
"#,
            ),
            (
                "pkg/agent.py",
                r#"
from langgraph.prebuilt import create_react_agent
from .tools import get_tools

agent = create_react_agent("m", get_tools())
"#,
            ),
        ],
        "agent - tools=[ping,run]\ntool run sinks=shell_exec",
    );
}

#[test]
fn graphs_with_loops_routers_and_commands() {
    check(
        &[(
            "g.py",
            r#"
from typing import Literal
from langgraph.graph import StateGraph, START, END
from langgraph.prebuilt import ToolNode, tools_condition
from langgraph.types import Command

def a(state): return {}
def b(state) -> Command[Literal["c"]]:
    return Command(goto="c")
def c(state): return {}

def route(state) -> Literal["b", "__end__"]:
    return "b"

NODES = {"a": a, "b": b, "c": c}
builder = StateGraph(dict)
for name, fn in NODES.items():
    builder.add_node(name, fn)
builder.add_node("tools", ToolNode([]))
builder.add_edge(START, "a").add_conditional_edges("a", route)
builder.add_conditional_edges("c", tools_condition)
graph = builder.compile()
"#,
        )],
        "graph nodes=a,b,c,tools[] edges=__start__>a,a>__end__,a>b,b>c,c>__end__,c>tools",
    );
}

#[test]
fn unresolvable_tools_are_unknown_not_empty() {
    check(
        &[(
            "a.py",
            r#"
import importlib
from langchain.agents import create_agent
tools = getattr(importlib.import_module("plugins"), "TOOLS")
agent = create_agent("m", tools=tools, name="x")
"#,
        )],
        "agent x tools=[] +unknown",
    );
}

#[test]
fn request_handlers_are_user_input() {
    check(
        &[(
            "api.py",
            r#"
from fastapi import FastAPI
from langchain.agents import create_agent
agent = create_agent("m", tools=[], name="bot")
app = FastAPI()

@app.post("/chat")
def chat(msg: str):
    return agent.invoke({"messages": [msg]})
"#,
        )],
        "agent bot tools=[] user-input",
    );
}

/// A project of one Python module `m` with source `src`.
fn one_module(src: &str) -> Vec<ModuleInfo> {
    vec![ModuleInfo {
        file: FileId(0),
        name: "m".into(),
        aliases: vec![],
        is_package: false,
        ir: std::sync::Arc::new(python::parse(src)),
    }]
}

/// Injection hits and gates per tool function: `name: kind(param)...; gate; late`.
fn summarize_bodies(src: &str) -> String {
    let k = Knowledge::builtin();
    let modules = one_module(src);
    let ev = Interp::new(&modules).with_knowledge(&k).run();
    let body = BodyAnalyzer::new(&k, &ev, &modules);
    let (table, _) = Extractor::new(&k, &ev, &modules, &body).run();
    let mut out = vec![];
    for t in &table {
        let Some(f) = t.func() else { continue };
        let facts = body.facts(f);
        let mut parts: Vec<String> = facts
            .injections
            .iter()
            .map(|h| format!("{}({}){}", h.kind, h.param, if h.direct { "!" } else { "" }))
            .collect();
        if t.body_gate.is_some() {
            parts.push("gated".into());
        }
        if !facts.late_gates.is_empty() {
            parts.push("late".into());
        }
        out.push(format!("{}: {}", t.name, parts.join(" ")));
    }
    out.join("\n")
}

#[test]
fn argument_taint_sanitizers_and_gates() {
    let src = r#"
import os, shlex, subprocess, sqlite3
from langchain_core.tools import tool
from langgraph.types import interrupt

ALLOWED = {"main", "dev"}

def ask(q):
    return interrupt(q)

@tool
def a(cmd: str):
    """direct shell"""
    subprocess.run(cmd, shell=True)

@tool
def b(branch: str):
    """interpolated then quoted"""
    subprocess.run(f"git checkout {shlex.quote(branch)}", shell=True)

@tool
def c(branch: str):
    """allow-listed"""
    if branch not in ALLOWED:
        raise ValueError(branch)
    subprocess.run("git checkout " + branch, shell=True)

@tool
def d(status: str, oid: int):
    """parameterised vs f-string"""
    conn = sqlite3.connect("x.db")
    conn.execute("UPDATE o SET s = ? WHERE id = ?", (status, oid))
    conn.execute(f"UPDATE o SET s = '{status}'")

@tool
def e(path: str):
    """helper two calls down"""
    return remove_it(os.path.join("/srv", path))

def remove_it(p):
    os.remove(p)

@tool
def f(path: str):
    """basename"""
    os.remove(os.path.join("/srv", os.path.basename(path)))

@tool
def g(amount: int):
    """approval first"""
    if not ask({"amount": amount}):
        return "rejected"
    os.system("pay")

@tool
def h(amount: int):
    """approval after"""
    os.system("pay")
    interrupt("ok?")
"#;
    let got = summarize_bodies(src);
    let expect = "a: shell_exec(cmd)!\nb: \nc: \nd: sql_exec(status)\ne: file_delete(path)\nf: \ng: gated\nh: late";
    assert_eq!(got.trim(), expect, "\n--- got ---\n{got}\n");
}

/// Stop 49's mechanisms, each with its counterpart: a base method's `self.m(...)` followed into
/// the receiver's own class only; a helper's returned argument list read with the caller's
/// arguments; an allow-list written as a chain of `!=`; JSON text is never an option.
#[test]
fn receiver_dispatch_returned_argv_and_comparison_chains() {
    let src = r#"
import json, subprocess, sys
from langchain_core.tools import tool

class Store:
    def find(self, value):
        return self._apply(f"x == '{value}'")

    def _apply(self, expr):
        raise NotImplementedError

class Evaluating(Store):
    def _apply(self, expr):
        return eval(expr)

class Plain(Store):
    def _apply(self, expr):
        return expr

EVAL = Evaluating()
PLAIN = Plain()

def build(*, name, target):
    return [sys.executable, "-m", "deployer", "push", "--name", name, target]

def mode_of(m):
    if m != "fast" and m != "safe":
        raise ValueError(m)
    return m

@tool
def a(v: str):
    """receiver evaluates"""
    return EVAL.find(v)

@tool
def b(v: str):
    """receiver does not"""
    return PLAIN.find(v)

@tool
def c(v: str):
    """model value is an option's value"""
    argv = build(name=v, target="/srv/app")
    subprocess.run(argv)

@tool
def d(v: str):
    """model value is a bare operand"""
    argv = build(name="app", target=v)
    subprocess.run(argv)

@tool
def e(m: str):
    """allow-listed by a chain of comparisons"""
    subprocess.run("deploy --mode " + mode_of(m), shell=True)

@tool
def f(v: str):
    """JSON text after the program"""
    subprocess.run(["deployer", "push", json.dumps({"name": v})])
"#;
    let got = summarize_bodies(src);
    let expect = "a: code_exec(v)\nb: \nc: \nd: argv_option(v)\ne: \nf:";
    assert_eq!(got.trim(), expect, "\n--- got ---\n{got}\n");
}

#[test]
fn project_graph_tracks_state_fields_and_routes() {
    let src = r#"
from langgraph.graph import StateGraph, START
from langgraph.types import Command

def review(state):
    return {"approved": True, "notes": "x"}

def route(state):
    return "pay" if state["approved"] else "stop"

def pay(state):
    if state.get("amount"):
        return Command(goto="stop", update={"paid": True})

def stop(state):
    return {}

b = StateGraph(dict)
b.add_node("review", review)
b.add_node("pay", pay)
b.add_node("stop", stop)
b.add_edge(START, "review")
b.add_conditional_edges("review", route, {"pay": "pay", "stop": "stop"})
g = b.compile()
"#;
    let k = Knowledge::builtin();
    let modules = one_module(src);
    let ev = Interp::new(&modules).with_knowledge(&k).run();
    let body = BodyAnalyzer::new(&k, &ev, &modules);
    let (table, lg) = Extractor::new(&k, &ev, &modules, &body).run();
    let pg = crate::graph::ProjectGraph::build(&ev, &modules, &table, &lg);
    let names = |v: Vec<(crate::graph::PNode, crate::extract::interp::Site)>| -> Vec<String> {
        v.into_iter()
            .map(|(n, _)| match n {
                crate::graph::PNode::Node { name, .. } => name,
                other => format!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(names(pg.writers(0, "approved")), ["review"]);
    assert_eq!(names(pg.writers(0, "paid")), ["pay"]);
    let reads: Vec<String> = pg.reads_of(0, "pay").into_iter().map(|(f, _)| f).collect();
    assert_eq!(reads, ["amount"]);
    let from_start = pg.reachable(0, "__start__", &Default::default());
    assert_eq!(
        from_start.into_iter().collect::<Vec<_>>(),
        ["__start__", "pay", "review", "stop"]
    );
    let avoid = ["review".to_string()].into_iter().collect();
    let around = pg.reachable(0, "__start__", &avoid);
    assert!(!around.contains("pay"), "{around:?}");
}

#[test]
fn a_factory_called_twice_builds_two_agents() {
    check(
        &[(
            "agents.py",
            r#"
import stripe
from langchain.agents import create_agent
from langchain_core.tools import tool
from langchain_tavily import TavilySearch

@tool
def refund(charge: str) -> str:
    """Refund."""
    return stripe.Refund.create(charge=charge)

def make_agent(name, tools):
    return create_agent("openai:gpt-4.1", tools=tools, name=name)

research = make_agent("research", [TavilySearch()])
billing = make_agent("billing", [refund])
"#,
        )],
        "agent research tools=[tavily_search]\nagent billing tools=[refund]\ntool refund sinks=payment",
    );
}

#[test]
fn supervisors_nest_and_route_both_ways() {
    check(
        &[(
            "team.py",
            r#"
from langchain.agents import create_agent
from langgraph_supervisor import create_supervisor

research = create_agent("openai:gpt-4.1", tools=[], name="Research Expert")
math = create_agent("openai:gpt-4.1", tools=[], name="math")
inner = create_supervisor([research, math], model="m", supervisor_name="lead").compile(name="lead")
writer = create_agent("openai:gpt-4.1", tools=[], name="writer")
top = create_supervisor([inner, writer], model="m", handoff_tool_prefix="delegate_to_")
"#,
        )],
        "agent Research Expert tools=[]\n\
         agent math tools=[]\n\
         agent writer tools=[]\n\
         agent lead tools=[]\n\
         agent supervisor tools=[]\n\
         route lead>Research Expert supervisor\n\
         route Research Expert>lead answer\n\
         route lead>math supervisor\n\
         route math>lead answer\n\
         route supervisor>writer supervisor\n\
         route writer>supervisor answer\n\
         route supervisor>lead supervisor\n\
         route lead>supervisor answer",
    );
}

#[test]
fn swarm_handoff_tools_are_routes_not_unknown_tools() {
    check(
        &[(
            "swarm.py",
            r#"
from langchain.agents import create_agent
from langgraph_swarm import create_handoff_tool, create_swarm

alice = create_agent("openai:gpt-4.1", tools=[create_handoff_tool(agent_name="Bob Smith")], name="Alice")
bob = create_agent("openai:gpt-4.1", tools=[create_handoff_tool(agent_name="Alice", name="back")], name="bob smith")
ghost = create_agent("openai:gpt-4.1", tools=[create_handoff_tool(agent_name="nobody")], name="ghost")
app = create_swarm([alice, bob], default_active_agent="Alice").compile()
"#,
        )],
        "agent Alice tools=[]\n\
         agent bob smith tools=[]\n\
         agent ghost tools=[]\n\
         route Alice>bob smith handoff\n\
         route bob smith>Alice handoff",
    );
}

#[test]
fn agents_invoked_in_tools_and_nodes() {
    check(
        &[(
            "app.py",
            r#"
from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.graph import START, MessagesState, StateGraph

researcher = create_agent("openai:gpt-4.1", tools=[], name="researcher")

@tool
def ask_researcher(q: str) -> str:
    """Ask."""
    return researcher.invoke({"messages": [q]})["messages"][-1].content

def research(state: MessagesState):
    return researcher.invoke(state)

g = StateGraph(MessagesState)
g.add_node("research", research)
g.add_edge(START, "research")
graph = g.compile()
"#,
        )],
        "agent researcher tools=[]\n\
         graph nodes=research edges=__start__>research\n\
         tool ask_researcher invokes agent researcher\n\
         node research invokes agent researcher",
    );
}

#[test]
fn javascript_graphs_chains_barrels_and_option_objects() {
    check(
        &[
            (
                "src/tools/index.ts",
                r#"export * from "./mail.js";
export { search as webSearch } from "../search";
"#,
            ),
            (
                "src/tools/mail.ts",
                r#"import { tool } from "@langchain/core/tools";
import nodemailer from "nodemailer";
const t = nodemailer.createTransport({});
export const sendMail = tool(async ({ to }) => t.sendMail({ to }), { name: "send_mail" });
"#,
            ),
            (
                "src/search.ts",
                r#"const { TavilySearch } = require("@langchain/tavily");
export const search = new TavilySearch({ maxResults: 2 });
"#,
            ),
            (
                "src/graph.ts",
                r#"import * as lg from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { sendMail, webSearch } from "./tools";
const ROUTE = "review";
async function review(state) {
  return new lg.Command({ goto: state.ok ? "act" : lg.END });
}
function pick(state) { return state.next; }
const g = new lg.StateGraph(lg.MessagesAnnotation)
  .addNode({ [ROUTE]: review, reader: async (s) => s })
  .addNode("act", new ToolNode([sendMail, webSearch]), { ends: ["reader"] })
  .addEdge(lg.START, "reader")
  .addConditionalEdges({ source: "reader", path: pick, pathMap: { yes: ROUTE, no: lg.END } });
export default g.compile({ interruptBefore: ["act"] });
"#,
            ),
        ],
        "graph nodes=review,reader,act[send_mail,tavily_search] edges=__start__>reader,act>reader,reader>__end__,reader>review,review>__end__,review>act\ntool send_mail sinks=email_send",
    );
}

#[test]
fn javascript_prebuilt_agents_read_options_objects() {
    check(
        &[(
            "agent.mjs",
            r#"import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createAgent, humanInTheLoopMiddleware, tool } from "langchain";
import { execSync } from "child_process";
const shell = tool(({ cmd }) => execSync(cmd), { name: "shell" });
const extra = [];
extra.push(shell);
export const a = createReactAgent({ llm, tools: extra, name: "ops", checkpointSaver: saver });
export const b = createAgent({
  model: "openai:gpt-4.1",
  tools: [...extra],
  middleware: [humanInTheLoopMiddleware({ interruptOn: { shell: true } })],
});
"#,
        )],
        "agent ops tools=[shell]\nagent - tools=[shell]\ntool shell sinks=shell_exec",
    );
}

#[test]
fn javascript_request_handlers_are_user_input() {
    check(
        &[
            (
                "lib/agents.ts",
                r#"import { createReactAgent } from "@langchain/langgraph/prebuilt";
export const web = createReactAgent({ llm, tools: [], name: "web" });
export const next = createReactAgent({ llm, tools: [], name: "next" });
export const offline = createReactAgent({ llm, tools: [], name: "offline" });
"#,
            ),
            (
                "server.js",
                r#"const express = require("express");
const { web, offline } = require("./lib/agents");
const app = express();
app.post("/chat", async (req, res) => res.json(await web.invoke({ messages: [req.body] })));
async function nightly() { await offline.invoke({ messages: [] }); }
"#,
            ),
            (
                "app/api/chat/route.ts",
                r#"import { next } from "@/lib/agents";
export async function POST(req: Request) {
  return Response.json(await next.invoke(await req.json()));
}
"#,
            ),
        ],
        "agent web tools=[] user-input\nagent next tools=[] user-input\nagent offline tools=[]",
    );
}

#[test]
fn javascript_import_cycles_and_self_reference_terminate() {
    check(
        &[
            (
                "a.ts",
                "export * from \"./b\";\nexport * from \"./a\";\nimport x from \"./a\";\nexport default x;\n",
            ),
            (
                "b.ts",
                "export * from \"./a.js\";\nconst { q } = require(\"./b\");\nexport { q as default };\nexport * as ns from \"./c\";\n",
            ),
            (
                "c.mts",
                "import * as me from \"./c\";\nexport const f = () => me.f();\nexport const g = new me.g();\nclass K extends K {}\nvar L = class L extends L { m() { return new L().m(); } };\n",
            ),
        ],
        "",
    );
}

/// Mutually calling helpers (issue 19: 100 functions calling each other 12 times took 6.5 GB):
/// a function's injection hits are a set, at most one per parameter, kind, sink, place (the
/// sink, or a call into a helper that runs its parameter: `built_at`), directness and call in
/// its own body, not one per path through the call graph (which grew as calls^depth).
#[test]
fn injection_hits_of_mutual_calls_stay_a_bounded_set() {
    let (n, calls) = (20, 6);
    let mut src = String::from("import subprocess\nfrom langchain_core.tools import tool\n\n");
    for i in 0..n {
        src.push_str(&format!(
            "def step_{i}(cmd: str, depth: int) -> None:\n    subprocess.run(cmd, shell=True)\n"
        ));
        for j in 1..=calls {
            src.push_str(&format!(
                "    step_{}(cmd, depth - 1)\n",
                (i * 7 + j * 13) % n
            ));
        }
        src.push('\n');
    }
    for i in 0..n {
        src.push_str(&format!(
            "@tool\ndef run_{i}(cmd: str) -> str:\n    \"\"\"Runs step {i}.\"\"\"\n    step_{i}(cmd, 10)\n    return \"done\"\n\n"
        ));
    }
    let k = Knowledge::builtin();
    let modules = vec![ModuleInfo {
        file: FileId(0),
        name: "m".into(),
        aliases: vec![],
        is_package: false,
        ir: std::sync::Arc::new(python::parse(&src)),
    }];
    let ev = Interp::new(&modules).with_knowledge(&k).run();
    let body = BodyAnalyzer::new(&k, &ev, &modules);
    let (table, _) = Extractor::new(&k, &ev, &modules, &body).run();
    let mut tools = 0;
    for t in &table {
        let Some(f) = t.func() else { continue };
        tools += 1;
        let facts = body.facts(f);
        // Each tool has one call (to its step) and reaches at most `n` sink calls and `n * calls`
        // calls into a step (each runs its parameter), direct or not: linear in the program,
        // where paths would be exponential.
        assert!(
            !facts.injections.is_empty(),
            "{}: the shell sink is reached",
            t.name
        );
        assert!(
            facts.injections.len() <= 2 * n * (calls + 1),
            "{}: {} injection hits for {n} sinks",
            t.name,
            facts.injections.len()
        );
    }
    assert_eq!(tools, n);
}

/// A literal write (`INSERT INTO t`, `DELETE FROM t`, `DROP TABLE t`) of a table the same
/// function creates with `CREATE TEMP TABLE` (written out, or in an f-string over a literal
/// tuple) works in scratch space; a table the function did not make as temporary is the store's.
#[test]
fn emptying_a_temporary_table_the_function_made_is_scratch_work() {
    let src = r#"
import sqlite3
conn = sqlite3.connect("graph.db")

def seed(names):
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _seeds (name TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM _seeds")
    conn.executemany("INSERT INTO _seeds VALUES (?)", [(n,) for n in names])

def frontier():
    for table in ("_best", "_next"):
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {table} "
            "(qn TEXT PRIMARY KEY, score REAL)"
        )
    conn.execute("DELETE FROM _next")

def rebuild():
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _scratch (x TEXT)")
    conn.execute("DELETE FROM communities")
    conn.execute("DROP TABLE IF EXISTS _seeds")
"#;
    let k = Knowledge::builtin();
    let modules = one_module(src);
    let ev = Interp::new(&modules).with_knowledge(&k).run();
    let body = BodyAnalyzer::new(&k, &ev, &modules);
    let mut seen: Vec<(String, bool)> = ev
        .calls_by_func
        .values()
        .flatten()
        .filter_map(|r| {
            let q = r.args.first()?.as_str()?;
            ["DELETE", "DROP", "INSERT"]
                .iter()
                .any(|v| q.starts_with(v))
                .then(|| (q.to_string(), body.on_temp_table(r.site)))
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("DELETE FROM _next".to_string(), true),
            ("DELETE FROM _seeds".to_string(), true),
            ("DELETE FROM communities".to_string(), false),
            ("DROP TABLE IF EXISTS _seeds".to_string(), false),
            ("INSERT INTO _seeds VALUES (?)".to_string(), true),
        ]
    );
}

/// Stop 51's mechanisms, each with its counterpart: a list of `(sql, params)` rows keeps each
/// place's taint through a helper's returned tuple and a loop that unpacks the rows (with
/// `zip` and `enumerate`), and a helper method read without its object keeps its tuple
/// summary; a URL whose host's resolved addresses were refused when private reaches a public
/// server, in a loop, through a predicate, and for the one address `gethostbyname` returns.
#[test]
fn query_rows_and_resolved_address_guards() {
    let src = r#"
import ipaddress, re, socket, sqlite3
from urllib.parse import urlparse
import httpx
from langchain_core.tools import tool

def field(key):
    if not re.match(r"^[A-Za-z0-9_]+$", key):
        raise ValueError(key)

class Store:
    def search(self, filters):
        rows = []
        for key, value in filters.items():
            sql, params = self.cond(key, value)
            rows.append((sql, params))
        cur = sqlite3.connect("x").cursor()
        for sql, params in rows:
            cur.execute(sql, params)

    def cond(self, key, value):
        field(key)
        return "json_extract(v, '$." + key + "') = ?", [value]

class FileStore(Store):
    def cond(self, key, value):
        field(key)
        return "json_extract(doc, '$." + key + "') = ?", [value]

@tool
def rows_method(filters: dict):
    """a base method's rows from the subclasses' helper, read without the object"""
    Store().search(filters)

def plan_checked(p, filters):
    rows = []
    for key, value in filters.items():
        field(key)
        rows.append(("SELECT * FROM t WHERE " + key + " = ?", [value]))
    return rows, 1

@tool
def rows_zip(filters: dict):
    """rows unpacked with zip: only the bound parameters carry the value"""
    rows, n = plan_checked(None, filters)
    cur = sqlite3.connect("x").cursor()
    for f, (sql, params) in zip([filters], rows):
        cur.execute(sql, params)

@tool
def rows_enumerate(filters: dict):
    """rows unpacked with enumerate"""
    rows, n = plan_checked(None, filters)
    cur = sqlite3.connect("x").cursor()
    for i, (sql, params) in enumerate(rows):
        cur.execute(sql, params)

@tool
def rows_unchecked(key: str):
    """the key written into the query with no check"""
    rows = []
    rows.append(("SELECT * FROM t WHERE " + key + " = 1", []))
    cur = sqlite3.connect("x").cursor()
    for sql, params in rows:
        cur.execute(sql, params)

def internal(a):
    ip = ipaddress.ip_address(a)
    return ip.is_private or ip.is_loopback

@tool
def fetch_loop(url: str):
    """every resolved address refused when private"""
    host = urlparse(url).hostname
    for info in socket.getaddrinfo(host, 443):
        if internal(info[4][0]):
            raise ValueError("internal")
    httpx.get(url)

@tool
def fetch_one(url: str):
    """the one address gethostbyname returns"""
    if ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname)).is_private:
        raise ValueError("internal")
    httpx.get(url)

@tool
def fetch_logged(url: str):
    """a private address only logged"""
    host = urlparse(url).hostname
    for info in socket.getaddrinfo(host, 443):
        if internal(info[4][0]):
            print("internal")
    httpx.get(url)

@tool
def fetch_other(url: str, other: str):
    """the addresses of another URL's host were checked"""
    for info in socket.getaddrinfo(urlparse(other).hostname, 443):
        if internal(info[4][0]):
            raise ValueError("internal")
    httpx.get(url)
"#;
    let got = summarize_bodies(src);
    let expect = "rows_method: \nrows_zip: \nrows_enumerate: \nrows_unchecked: sql_exec(key)\nfetch_loop: \nfetch_one: \nfetch_logged: http_request_tainted_url(url)!\nfetch_other: http_request_tainted_url(url)!";
    assert_eq!(got.trim(), expect, "\n--- got ---\n{got}\n");
}

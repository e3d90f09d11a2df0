//! `airlock inventory`, `airlock graph` and `airlock diff` through the real binary: the
//! support-desk example (five agent contexts across LangChain and LangGraph, and a Cursor MCP
//! config) is inventoried with the right capabilities, exposure and gates; the JSON validates
//! against `rules/inventory.schema.json` and the BOM against the CycloneDX 1.6 schema; the graph
//! formats draw it; and `diff` on a two-commit repository reports exactly what changed.

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Command;
use support::{copy_tree, repo_root, run_airlock, TempDir};

const DESK: &str = "corpus/examples/support-desk";

fn inventory(format: &str) -> String {
    let r = run_airlock(["inventory", DESK, "--format", format]);
    assert_eq!(r.code(), 0, "stderr:\n{}", r.stderr);
    r.stdout()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// (label, framework, capabilities, exposure, autonomy, risk) of one agent.
type Expected<'a> = (
    &'a str,
    &'a str,
    &'a [&'a str],
    &'a [&'a str],
    &'a str,
    &'a str,
);

#[test]
fn every_agent_tool_and_server_is_listed_with_its_capabilities() {
    let json: Value = serde_json::from_str(&inventory("json")).expect("JSON");
    assert_eq!(json["version"], 1);
    let agents = json["agents"].as_array().expect("agents");
    let expected: [Expected; 6] = [
        (
            "agent `billing`",
            "langchain",
            &["payment"],
            &["web_search"],
            "gated",
            "none",
        ),
        (
            "agent `mailer`",
            "langchain",
            &["email_send"],
            &["email_content"],
            "ungated",
            "high",
        ),
        (
            "agent `ops`",
            "langgraph",
            &["shell_exec"],
            &["web_search"],
            "ungated",
            "critical",
        ),
        (
            "agent `triage`",
            "langchain",
            &[],
            &["web_search"],
            "no-privileged-tools",
            "none",
        ),
        (
            "node `escalate`",
            "langgraph",
            &["file_write"],
            &["user_input"],
            "gated",
            "none",
        ),
        (
            "graph",
            "langgraph",
            &["file_write"],
            &["user_input"],
            "gated",
            "none",
        ),
    ];
    assert_eq!(agents.len(), expected.len(), "{agents:#?}");
    for (a, (label, fw, caps, exposure, autonomy, risk)) in agents.iter().zip(expected) {
        assert_eq!(a["label"], label);
        assert_eq!(a["framework"], fw, "{label}");
        assert_eq!(strings(&a["capabilities"]), caps, "{label}");
        assert_eq!(strings(&a["exposure"]), exposure, "{label}");
        assert_eq!(a["autonomy"], autonomy, "{label}");
        assert_eq!(a["risk"], risk, "{label}");
        assert!(a["place"]["path"]
            .as_str()
            .is_some_and(|p| p.starts_with("desk/")));
    }
    // Each agent's tools, by name.
    let tools = json["tools"].as_array().expect("tools");
    let name_of = |id: &str| {
        tools
            .iter()
            .find(|t| t["id"] == id)
            .and_then(|t| t["name"].as_str())
            .unwrap_or("?")
            .to_string()
    };
    let mut billing: Vec<String> = strings(&agents[0]["tools"])
        .into_iter()
        .map(name_of)
        .collect();
    billing.sort();
    assert_eq!(billing, ["lookup_charge", "refund", "tavily_search"]);
    let tool = |name: &str| tools.iter().find(|t| t["name"] == name).expect(name);
    assert_eq!(strings(&tool("refund")["sinks"]), ["payment"]);
    assert_eq!(tool("refund")["contexts"][0]["gate"], "strong");
    assert_eq!(strings(&tool("send_reply")["sinks"]), ["email_send"]);
    assert_eq!(tool("send_reply")["contexts"][0]["gate"], "none");
    assert_eq!(
        strings(&tool("send_reply")["contexts"][0]["reached_by"]),
        ["email_content"]
    );
    assert_eq!(strings(&tool("restart_service")["sinks"]), ["shell_exec"]);
    assert_eq!(strings(&tool("search_gmail")["sources"]), ["email_content"]);
    assert_eq!(tool("search_kb")["privileged"], false);
    // The MCP servers of the Cursor config.
    let servers = json["mcp_servers"].as_array().expect("servers");
    let names: Vec<&str> = servers.iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(names, ["filesystem", "github"]);
    assert_eq!(servers[0]["client"], "Cursor");
    assert_eq!(servers[0]["pinned"], true);
    assert!(strings(&servers[0]["capabilities"]).contains(&"file_write"));
    assert_eq!(servers[1]["pinned"], false);
    assert_eq!(strings(&servers[1]["capabilities"]), ["vcs_write"]);
    // Gates.
    let gates = json["gates"].as_array().expect("gates");
    assert!(gates
        .iter()
        .any(|g| g["kind"] == "hitl-middleware" && g["target"] == "refund"));
    assert!(gates
        .iter()
        .any(|g| g["kind"] == "interrupt-before" && g["target"] == "tools"));

    // The documented schema accepts it.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("rules/inventory.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_table_lists_everything() {
    let table = inventory("table");
    for needle in [
        "Agents (6)",
        "node `escalate`",
        "agent `mailer`",
        "ungated",
        "MCP servers (2)",
        "@modelcontextprotocol/server-github",
        "hitl-middleware",
        "restart_service",
    ] {
        assert!(table.contains(needle), "`{needle}` missing:\n{table}");
    }
}

/// The CycloneDX 1.6 schema's complaints about `bom`.
fn cyclonedx_errors(bom: &Value) -> Vec<String> {
    let dir = repo_root().join("tests/fixtures/cyclonedx");
    let load = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap()
    };
    let schema = load("bom-1.6.SNAPSHOT.schema.json");
    // The two schemas the BOM schema refers to, served from the fixtures (nothing is fetched).
    struct Local(Value, Value);
    impl jsonschema::Retrieve for Local {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
            match uri.as_str() {
                "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json" => Ok(self.0.clone()),
                "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json" => Ok(self.1.clone()),
                other => Err(format!("unexpected reference {other}").into()),
            }
        }
    }
    let validator = jsonschema::options()
        .with_retriever(Local(
            load("spdx.SNAPSHOT.schema.json"),
            load("jsf-0.82.SNAPSHOT.schema.json"),
        ))
        .build(&schema)
        .expect("the CycloneDX schema compiles");
    validator
        .iter_errors(bom)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn cyclonedx_bom_validates_against_the_1_6_schema() {
    let bom: Value = serde_json::from_str(&inventory("cyclonedx")).expect("JSON");
    let errors = cyclonedx_errors(&bom);
    assert!(errors.is_empty(), "{errors:#?}");
    // Agents and tools are components, servers services, holdings dependencies.
    let components = bom["components"].as_array().unwrap();
    assert_eq!(
        components
            .iter()
            .filter(|c| c["properties"][0]["value"] == "agent")
            .count(),
        6
    );
    assert_eq!(bom["services"].as_array().map(Vec::len), Some(2));
    let deps = bom["dependencies"].as_array().unwrap();
    let billing = deps
        .iter()
        .find(|d| d["ref"].as_str().is_some_and(|r| r.contains("billing.py")))
        .expect("billing's dependencies");
    assert_eq!(billing["dependsOn"].as_array().map(Vec::len), Some(3));
    // The same code gives the same bytes.
    assert_eq!(inventory("cyclonedx"), inventory("cyclonedx"));
}

#[test]
fn graph_formats_draw_the_agents_and_highlight_finding_paths() {
    let r = run_airlock(["graph", DESK, "--format", "mermaid"]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let m = r.stdout();
    assert!(m.starts_with("flowchart LR\n"));
    for needle in [
        "agent mailer",
        "tool send_reply [email_send]",
        "MCP github (Cursor)",
        "linkStyle",
    ] {
        assert!(m.contains(needle), "`{needle}` missing:\n{m}");
    }
    let r = run_airlock(["graph", DESK, "--format", "dot"]);
    let d = r.stdout();
    assert!(d.starts_with("digraph airlock {") && d.trim_end().ends_with('}'));
    assert!(d.contains("color=\"#d00000\""), "a finding's path is red");
    let r = run_airlock(["graph", DESK, "--format", "html"]);
    let h = r.stdout();
    assert!(h.starts_with("<!DOCTYPE html>"));
    // Self-contained: no external resource of any kind.
    for bad in ["http://", "https://", "src=\"//", "<link"] {
        let outside_data = h.replace("http://www.w3.org/2000/svg", "");
        assert!(!outside_data.contains(bad), "the report references `{bad}`");
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@airlock.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_reports_exactly_the_added_capability_and_the_removed_gate() {
    let dir = TempDir::new("capdiff");
    copy_tree(&repo_root().join(DESK), dir.path(), false);
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "support desk"]);
    // The change: triage gets the email tool; billing's refund loses its approval.
    let triage = dir.path().join("desk/agents/triage.py");
    let t = std::fs::read_to_string(&triage).unwrap();
    std::fs::write(
        &triage,
        t.replace(
            "from desk.tools import search_kb",
            "from desk.tools import search_kb, send_reply",
        )
        .replace(
            "tools=[search_kb, TavilySearch(max_results=3)]",
            "tools=[search_kb, TavilySearch(max_results=3), send_reply]",
        ),
    )
    .unwrap();
    let billing = dir.path().join("desk/agents/billing.py");
    let b = std::fs::read_to_string(&billing).unwrap();
    std::fs::write(
        &billing,
        b.replace("interrupt_on={\"refund\": True}", "interrupt_on={}"),
    )
    .unwrap();
    git(
        dir.path(),
        &[
            "commit",
            "-q",
            "-am",
            "triage answers by email; refunds without approval",
        ],
    );

    let mut cmd = support::airlock(["diff", "HEAD~1", "HEAD", "--format", "json"]);
    cmd.current_dir(dir.path());
    let r = support::run(cmd);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    let json = r.json();
    let changes: Vec<(String, String)> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["item"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("gate-removed".to_string(), "refund".to_string()),
            ("capability-added".to_string(), "email_send".to_string()),
        ],
        "{json:#}"
    );
    // Text and Markdown say the same, the latter with a Mermaid picture.
    let mut cmd = support::airlock(["diff", "HEAD~1", "HEAD"]);
    cmd.current_dir(dir.path());
    let text = support::run(cmd).stdout();
    assert!(
        text.contains("agent triage gains email_send (tool send_reply); reachable from web_search"),
        "{text}"
    );
    assert!(
        text.contains("gate on refund removed (agent billing)"),
        "{text}"
    );
    let mut cmd = support::airlock(["diff", "HEAD~1", "--format", "markdown"]);
    cmd.current_dir(dir.path());
    let md = support::run(cmd).stdout();
    assert!(md.contains("```mermaid") && md.contains("gains"), "{md}");
    // Against itself: nothing.
    let mut cmd = support::airlock(["diff", "HEAD"]);
    cmd.current_dir(dir.path());
    assert!(support::run(cmd).stdout().contains("No change"));
}

/// The inventory's risk for an agent is the severity AIR101 gives its worst path: one function
/// decides both, so a sandboxed tool (E2B) lowers the risk exactly as it lowers the finding
/// (the inventory used to say "critical" where AIR101 said "high").
#[test]
fn inventory_risk_is_the_severity_air101_reports_including_the_sandbox_downgrade() {
    let dir = TempDir::new("sandboxrisk");
    dir.write(
        "crew.py",
        r#"from crewai import Agent, Crew, Task
from crewai_tools import E2BExecTool
from fastapi import FastAPI

app = FastAPI()

runner = Agent(role="runner", goal="run what is asked", backstory="ops", tools=[E2BExecTool()])
job = Task(description="Run {command}", expected_output="output", agent=runner)
crew = Crew(agents=[runner], tasks=[job])


@app.post("/run")
def run(command: str):
    return crew.kickoff(inputs={"command": command})
"#,
    );
    let p = dir.path().to_str().unwrap();
    let check = run_airlock(["check", p, "--format", "json"]).json();
    let findings = check["findings"].as_array().expect("findings");
    let air101: Vec<&Value> = findings.iter().filter(|f| f["code"] == "AIR101").collect();
    assert_eq!(air101.len(), 1, "{check:#}");
    assert_eq!(
        air101[0]["severity"], "high",
        "sandbox lowers critical shell_exec"
    );
    let inv = run_airlock(["inventory", p, "--format", "json"]);
    let inv: Value = serde_json::from_str(&inv.stdout()).expect("JSON");
    let agents = inv["agents"].as_array().expect("agents");
    let runner = agents
        .iter()
        .find(|a| a["label"] == "agent `runner`")
        .expect("runner listed");
    assert_eq!(runner["risk"], air101[0]["severity"], "{runner:#}");
}

#[test]
fn agents_carry_plain_names() {
    let json: Value = serde_json::from_str(&inventory("json")).expect("JSON");
    let names: Vec<&str> = json["agents"]
        .as_array()
        .expect("agents")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert_eq!(
        names,
        ["billing", "mailer", "ops", "triage", "escalate", "graph"]
    );
    let bom: Value = serde_json::from_str(&inventory("cyclonedx")).expect("JSON");
    let mailer = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["bom-ref"]
                .as_str()
                .is_some_and(|r| r.contains("mailer.py"))
        })
        .expect("the mailer component");
    assert_eq!(mailer["name"], "mailer");
    assert_eq!(mailer["description"], "agent `mailer`");
}

/// Standalone MCP servers (no agent in the project) list the tools they serve, with what each
/// tool's body reaches and the annotations it declares, in JSON (valid against the schema),
/// CycloneDX and the table; Python and TypeScript alike.
#[test]
fn standalone_mcp_servers_list_their_tools() {
    let run = |project: &str, format: &str| {
        let r = run_airlock(["inventory", project, "--format", format]);
        assert_eq!(r.code(), 0, "stderr:\n{}", r.stderr);
        r.stdout()
    };
    let py = "corpus/mcp-servers/air106-mcp-repo-tools-vulnerable";
    let json: Value = serde_json::from_str(&run(py, "json")).expect("JSON");
    let servers = json["mcp_server_code"].as_array().expect("servers in code");
    assert_eq!(servers.len(), 1, "{servers:#?}");
    let s = &servers[0];
    assert_eq!(s["name"], "repo-helper");
    assert_eq!(s["sdk"], "mcp FastMCP");
    assert_eq!(strings(&s["capabilities"]), ["shell_exec"]);
    let tools = s["tools"].as_array().unwrap();
    let names: Vec<&str> = tools.iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, ["git_log", "read_doc", "grep_docs"]);
    assert_eq!(strings(&tools[0]["sinks"]), ["shell_exec"]);
    assert_eq!(tools[0]["privileged"], true);
    assert_eq!(tools[0]["annotations"]["read_only_hint"], true);
    assert_eq!(tools[0]["annotations"]["open_world_hint"], false);
    assert!(tools[0]["annotations"]["destructive_hint"].is_null());
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("rules/inventory.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let bom: Value = serde_json::from_str(&run(py, "cyclonedx")).expect("JSON");
    let errors = cyclonedx_errors(&bom);
    assert!(errors.is_empty(), "{errors:#?}");
    let service = bom["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "repo-helper")
        .expect("the server as a service");
    let git_log = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "git_log")
        .expect("its tool as a component");
    let props: Vec<(&str, &str)> = git_log["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
        .collect();
    assert!(
        props.contains(&("airlock:capability", "shell_exec")),
        "{props:?}"
    );
    assert!(
        props.contains(&("airlock:annotation:readOnlyHint", "true")),
        "{props:?}"
    );
    let deps = bom["dependencies"].as_array().unwrap();
    let served = deps
        .iter()
        .find(|d| d["ref"] == service["bom-ref"])
        .expect("the server's dependencies");
    assert_eq!(served["dependsOn"].as_array().map(Vec::len), Some(3));

    let table = run(py, "table");
    assert!(table.contains("MCP server tools (in code) (3)"), "{table}");
    assert!(table.contains("readOnly=true, openWorld=false"), "{table}");

    let ts = "corpus/mcp-servers/air305-ts-notes-server-vulnerable";
    let json: Value = serde_json::from_str(&run(ts, "json")).expect("JSON");
    let s = &json["mcp_server_code"][0];
    assert_eq!(s["sdk"], "ts McpServer");
    let names: Vec<&str> = s["tools"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["search_notes", "add_note"]);
}

/// An expense workflow whose three nodes each call a model (a coordinator through a helper, a
/// reviewer, a payment executor that binds a payment tool): each is an agent in the inventory,
/// by name, with what it can do, what reaches it, its gates and a risk that agrees with the
/// findings. Then the same for the expense example, where AIR104 says the reviewer node forges
/// the approval the graph trusts.
const EXPENSE_WORKFLOW: &str = r#"from typing import TypedDict

import stripe
from fastapi import FastAPI
from langchain.chat_models import init_chat_model
from langchain_community.document_loaders import PyPDFLoader
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.types import Command


class State(TypedDict):
    invoice_path: str
    invoice_text: str
    category: str
    approved: bool
    messages: list


llm = init_chat_model("openai:gpt-4o", temperature=0)


@tool
def pay_vendor(account: str, amount_cents: int) -> str:
    """Pay a vendor's connected account."""
    stripe.Transfer.create(amount=amount_cents, currency="usd", destination=account)
    return "paid"


def ask_model(prompt: str) -> str:
    return llm.invoke(prompt).content


def coordinator(state: State) -> Command:
    pages = PyPDFLoader(state["invoice_path"]).load()
    text = "\n".join(p.page_content for p in pages)
    category = ask_model(f"Classify this expense as travel, software or other:\n{text}")
    return Command(goto="reviewer", update={"invoice_text": text, "category": category})


def reviewer(state: State) -> dict:
    verdict = llm.invoke(f"Approve this {state['category']} expense? {state['invoice_text']}")
    return {"approved": "approve" in verdict.content.lower()}


def route(state: State) -> str:
    return "executor" if state["approved"] else END


def executor(state: State) -> dict:
    model = llm.bind_tools([pay_vendor])
    reply = model.invoke(f"Pay this invoice: {state['invoice_text']}")
    for call in reply.tool_calls:
        pay_vendor.invoke(call["args"])
    return {"messages": [reply]}


def bookkeeping(state: State) -> dict:
    return {"messages": []}


builder = StateGraph(State)
builder.add_node("coordinator", coordinator)
builder.add_node("reviewer", reviewer)
builder.add_node("executor", executor)
builder.add_node("bookkeeping", bookkeeping)
builder.add_edge(START, "coordinator")
builder.add_conditional_edges("reviewer", route, ["executor", END])
builder.add_edge("executor", "bookkeeping")
builder.add_edge("bookkeeping", END)
graph = builder.compile(checkpointer=InMemorySaver())

app = FastAPI()


@app.post("/expenses")
def submit(invoice_path: str):
    return graph.invoke({"invoice_path": invoice_path})
"#;

fn rank(severity: &str) -> u8 {
    match severity {
        "critical" => 5,
        "high" => 4,
        "medium" => 3,
        "low" => 2,
        "info" => 1,
        "none" => 0,
        other => panic!("unknown severity {other}"),
    }
}

/// Every agent whose own code (for a graph node: its function; for a graph: its nodes and
/// routers) a finding's path runs through, other than as the place content is read, has a
/// risk at least that finding's severity.
fn assert_risk_agrees_with_findings(project: &str, inv: &Value, check: &Value) {
    for f in check["findings"].as_array().expect("findings") {
        let mut places: Vec<(&str, u64)> = vec![(
            f["location"]["path"].as_str().unwrap(),
            f["location"]["line"].as_u64().unwrap(),
        )];
        for s in f["path"].as_array().into_iter().flatten() {
            if s["kind"] != "source" {
                places.push((
                    s["location"]["path"].as_str().unwrap(),
                    s["location"]["line"].as_u64().unwrap(),
                ));
            }
        }
        for a in inv["agents"].as_array().unwrap() {
            if a["kind"] != "graph-node" {
                continue;
            }
            // A node function's first line is its place; it ends before the next def.
            let path = a["place"]["path"].as_str().unwrap();
            let line = a["place"]["line"].as_u64().unwrap();
            let text = std::fs::read_to_string(Path::new(project).join(path)).unwrap();
            let end = text
                .lines()
                .enumerate()
                .skip(line as usize)
                .find(|(_, l)| {
                    l.starts_with("def ") || l.starts_with('@') || l.starts_with("builder")
                })
                .map_or(u64::MAX, |(i, _)| i as u64);
            if places
                .iter()
                .any(|&(p, l)| p == path && l >= line && l <= end)
            {
                assert!(
                    rank(a["risk"].as_str().unwrap()) >= rank(f["severity"].as_str().unwrap()),
                    "{} says {} but {} on its code is {}",
                    a["name"],
                    a["risk"],
                    f["code"],
                    f["severity"]
                );
            }
        }
    }
}

#[test]
fn every_model_driven_node_of_a_workflow_is_an_agent_with_a_consistent_risk() {
    let dir = TempDir::new("expenseflow");
    dir.write("workflow.py", EXPENSE_WORKFLOW);
    let p = dir.path().to_str().unwrap();
    let check = run_airlock(["check", p, "--format", "json"]).json();
    let inv = run_airlock(["inventory", p, "--format", "json"]);
    assert_eq!(inv.code(), 0, "stderr:\n{}", inv.stderr);
    let inv: Value = serde_json::from_str(&inv.stdout()).expect("JSON");
    let agents = inv["agents"].as_array().expect("agents");
    let row = |name: &str| {
        let a = agents
            .iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("agent {name} missing: {agents:#?}"));
        (
            a["kind"].as_str().unwrap(),
            a["framework"].as_str().unwrap(),
            strings(&a["capabilities"]),
            strings(&a["exposure"]),
            a["autonomy"].as_str().unwrap(),
            a["risk"].as_str().unwrap(),
        )
    };
    let exposure = vec!["document_parse", "user_input"];
    assert_eq!(
        row("coordinator"),
        (
            "graph-node",
            "langgraph",
            vec![],
            exposure.clone(),
            "no-privileged-tools",
            "none"
        )
    );
    assert_eq!(
        row("reviewer"),
        (
            "graph-node",
            "langgraph",
            vec![],
            exposure.clone(),
            "no-privileged-tools",
            "none"
        )
    );
    // The executor pays through its bound tool with nothing pausing it: the path AIR101
    // reports, at the severity AIR101 gives it.
    let air101: Vec<&Value> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "AIR101")
        .collect();
    assert_eq!(air101.len(), 1, "{check:#}");
    let severity = air101[0]["severity"].as_str().unwrap();
    assert_eq!(severity, "critical");
    assert_eq!(
        row("executor"),
        (
            "graph-node",
            "langgraph",
            vec!["payment"],
            exposure.clone(),
            "ungated",
            severity
        )
    );
    let executor = agents.iter().find(|a| a["name"] == "executor").unwrap();
    let tools = inv["tools"].as_array().unwrap();
    let held: Vec<&str> = strings(&executor["tools"])
        .into_iter()
        .map(|id| {
            tools
                .iter()
                .find(|t| t["id"] == id)
                .and_then(|t| t["name"].as_str())
                .unwrap()
        })
        .collect();
    assert_eq!(held, ["pay_vendor"]);
    // A node that calls no model decides nothing and is not an agent; the graph is listed as
    // the workflow holding them.
    assert!(agents.iter().all(|a| a["name"] != "bookkeeping"));
    assert_eq!(row("graph").0, "graph");
    assert_risk_agrees_with_findings(p, &inv, &check);
    // The picture draws each such agent once, on its node's box, holding its tool.
    let mermaid = run_airlock(["graph", p, "--format", "mermaid"]).stdout();
    let boxes: Vec<&str> = mermaid
        .lines()
        .filter(|l| l.contains("\"node executor\""))
        .collect();
    assert_eq!(boxes.len(), 1, "{mermaid}");
    let id = boxes[0].trim().split(['[', '(']).next().unwrap();
    assert!(
        mermaid
            .lines()
            .any(|l| l.trim().starts_with(&format!("{id} --> "))),
        "{mermaid}"
    );

    // A pause inside the payment tool gates each call the executor's model makes: no
    // finding, and no risk.
    let gated = EXPENSE_WORKFLOW
        .replace(
            "from langgraph.types import Command",
            "from langgraph.types import Command, interrupt",
        )
        .replace(
            "    stripe.Transfer.create(",
            "    interrupt(f\"Pay {amount_cents} to {account}?\")\n    stripe.Transfer.create(",
        );
    dir.write("workflow.py", &gated);
    let check = run_airlock(["check", p, "--format", "json"]).json();
    assert!(
        check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "AIR101"),
        "{check:#}"
    );
    let inv: Value =
        serde_json::from_str(&run_airlock(["inventory", p, "--format", "json"]).stdout()).unwrap();
    let executor = inv["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "executor")
        .expect("executor");
    assert_eq!(executor["autonomy"], "gated");
    assert_eq!(executor["risk"], "none");

    // The schema documents the new fields.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("rules/inventory.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&inv).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        schema.to_string().contains("graph-node"),
        "the schema describes agent kinds"
    );
}

/// In the expense example the reviewer node writes the `approved` flag the graph routes on
/// (AIR104, high): the reviewer is an agent, and neither it nor the graph claims less risk
/// than that finding.
#[test]
fn a_node_that_forges_an_approval_carries_the_findings_risk() {
    let project = "corpus/examples/expense-approval";
    let check = run_airlock(["check", project, "--format", "json"]).json();
    let inv: Value =
        serde_json::from_str(&run_airlock(["inventory", project, "--format", "json"]).stdout())
            .expect("JSON");
    let agents = inv["agents"].as_array().unwrap();
    let review = agents
        .iter()
        .find(|a| a["name"] == "review")
        .expect("the review node is an agent");
    assert_eq!(review["kind"], "graph-node");
    assert!(check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "AIR104" && f["severity"] == "high"));
    assert_eq!(review["risk"], "high");
    let graph = agents.iter().find(|a| a["kind"] == "graph").unwrap();
    assert_eq!(strings(&graph["capabilities"]), ["file_write", "payment"]);
    assert_eq!(graph["autonomy"], "ungated");
    assert_eq!(graph["risk"], "critical");
    // `intake` reads the invoices but calls no model: not an agent.
    assert!(agents.iter().all(|a| a["name"] != "intake"));
    assert_risk_agrees_with_findings(project, &inv, &check);
}

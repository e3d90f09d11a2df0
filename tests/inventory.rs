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
    let expected: [Expected; 5] = [
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
        "Agents (5)",
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
        5
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
    assert_eq!(names, ["billing", "mailer", "ops", "triage", "graph"]);
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

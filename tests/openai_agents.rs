//! The OpenAI Agents SDK end to end through the analyzer: handoffs assigned after the agents are
//! built, runs fed from request handlers, tool lists airlock cannot resolve, the inventory's
//! agents, routes and gates, and a hostile project that must cost nothing.

mod support;

use airlock_analyzer::analysis::{analyze, Analysis, Options};
use airlock_analyzer::knowledge::Knowledge;
use support::TempDir;

fn run(files: &[(&str, &str)]) -> Analysis {
    let dir = TempDir::new("openai-agents");
    dir.write("pyproject.toml", "[project]\nname = \"app\"\n");
    dir.write("app/__init__.py", "");
    for (p, s) in files {
        dir.write(p, s);
    }
    let opts = Options {
        paths: vec![dir.path().to_path_buf()],
        ..Options::default()
    };
    analyze(&opts, &Knowledge::builtin())
}

fn codes(a: &Analysis) -> Vec<(String, String, u32)> {
    a.findings
        .iter()
        .map(|f| (f.code.to_string(), f.location.path.clone(), f.location.line))
        .collect()
}

const REFUNDS: &str = r#"import stripe
from agents import Agent, WebSearchTool, function_tool


@function_tool
def refund(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).status


refunds = Agent(name="Refunds", tools=[refund])
triage = Agent(name="Triage", tools=[WebSearchTool()])
"#;

#[test]
fn handoffs_assigned_after_construction_are_routes() {
    let src = format!("{REFUNDS}triage.handoffs = [refunds]\n");
    let a = run(&[("app/agents.py", &src)]);
    assert_eq!(
        codes(&a),
        vec![("AIR102".into(), "app/agents.py".into(), 6)],
        "{:#?}",
        a.findings
    );
    let routes: Vec<(&str, &str, &str)> = a
        .inventory
        .routes
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(routes, vec![("Triage", "Refunds", "handoff")]);
}

#[test]
fn handoffs_appended_after_construction_are_routes() {
    let src =
        format!("{REFUNDS}refunds.handoffs.append(triage)\ntriage.handoffs.extend([refunds])\n");
    let a = run(&[("app/agents.py", &src)]);
    assert_eq!(
        codes(&a),
        vec![("AIR102".into(), "app/agents.py".into(), 6)],
        "{:#?}",
        a.findings
    );
    let routes: Vec<(&str, &str, u32)> = a
        .inventory
        .routes
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str(), r.place.line))
        .collect();
    assert_eq!(
        routes,
        vec![("Refunds", "Triage", 13), ("Triage", "Refunds", 14)]
    );
}

#[test]
fn the_inventory_lists_openai_agents_tools_and_gates() {
    let src = REFUNDS.replace("@function_tool\n", "@function_tool(needs_approval=True)\n");
    let a = run(&[("app/agents.py", &src)]);
    assert!(a.findings.is_empty(), "{:#?}", a.findings);
    let agents: Vec<(&str, &str)> = a
        .inventory
        .agents
        .iter()
        .map(|x| (x.label.as_str(), x.framework.as_str()))
        .collect();
    assert_eq!(
        agents,
        vec![
            ("agent `Refunds`", "openai-agents"),
            ("agent `Triage`", "openai-agents")
        ]
    );
    let gates: Vec<(&str, &str, &str)> = a
        .inventory
        .gates
        .iter()
        .map(|g| (g.kind.as_str(), g.target.as_str(), g.strength.as_str()))
        .collect();
    assert_eq!(gates, vec![("needs-approval", "refund", "strong")]);
}

#[test]
fn a_streamed_run_from_a_request_handler_is_user_input() {
    let src = r#"import subprocess
from agents import Agent, Runner, function_tool
from fastapi import FastAPI

app = FastAPI()


@function_tool
def restart(service: str) -> str:
    """Restart a service."""
    return subprocess.run(["systemctl", "restart", "--", service], check=False).args[0]


ops = Agent(name="Ops", tools=[restart])


@app.post("/ops")
async def handle(body: dict):
    return Runner.run_streamed(starting_agent=ops, input=body["text"])


@app.get("/status")
async def status():
    return await Runner.run(ops, "Report the status of every service.")
"#;
    let a = run(&[("app/ops.py", src)]);
    let air101: Vec<_> = a.findings.iter().filter(|f| f.code == "AIR101").collect();
    assert_eq!(air101.len(), 1, "{:#?}", a.findings);
    let source = &air101[0].path[0];
    assert_eq!(source.location.line, 19, "{:#?}", air101[0].path);
    assert!(source.label.contains("user input"), "{}", source.label);
}

#[test]
fn tools_airlock_cannot_resolve_are_possibly_privileged() {
    let src = r#"from agents import Agent, WebSearchTool
from vendor_plugins import load_tools

agent = Agent(name="Helper", tools=[WebSearchTool(), *load_tools()])
"#;
    let a = run(&[("app/helper.py", src)]);
    assert_eq!(
        codes(&a),
        vec![("AIR101".into(), "app/helper.py".into(), 4)],
        "{:#?}",
        a.findings
    );
    assert!(a.findings[0]
        .message
        .contains("could not be fully resolved"));
}

#[test]
fn mcp_server_policies_are_conditional_unless_they_always_ask() {
    let src = |policy: &str| {
        format!(
            r#"from agents import Agent, WebSearchTool
from agents.mcp import MCPServerStdio

fs = MCPServerStdio(
    name="workspace",
    params={{"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "/srv"]}},
    require_approval={policy},
)
agent = Agent(name="Filer", tools=[WebSearchTool()], mcp_servers=[fs])
"#
        )
    };
    let always = run(&[("app/filer.py", &src("\"always\""))]);
    assert!(always.findings.is_empty(), "{:#?}", always.findings);
    // Only some tools named: still reported, one level lower, with the policy on the path.
    let partial = run(&[(
        "app/filer.py",
        &src("{\"always\": {\"tool_names\": [\"write_file\"]}}"),
    )]);
    let f: Vec<_> = partial
        .findings
        .iter()
        .filter(|f| f.code == "AIR101")
        .collect();
    assert_eq!(f.len(), 1, "{:#?}", partial.findings);
    assert!(f[0].message.contains("no unconditional approval gate"));
    assert!(f[0].path.iter().any(|s| s.location.line == 7));
}

#[test]
fn deep_clone_chains_and_self_handoffs_terminate() {
    let mut src = String::from(
        "from agents import Agent, WebSearchTool\n\na0 = Agent(name=\"a\", tools=[WebSearchTool()])\n",
    );
    for i in 1..200 {
        src.push_str(&format!("a{i} = a{}.clone(name=\"a{i}\")\n", i - 1));
    }
    src.push_str("a0.handoffs = [a0, a199]\na199.handoffs = [a0]\n");
    let a = run(&[("app/chain.py", &src)]);
    assert!(a.findings.is_empty(), "{:#?}", a.findings);
    assert!(a.inventory.agents.len() >= 17);
}

#[test]
fn hosted_mcp_asks_by_default_and_an_approving_callback_defeats_it() {
    let src = |extra: &str| {
        format!(
            r#"from agents import Agent, HostedMCPTool, WebSearchTool

github = HostedMCPTool(
    tool_config={{"type": "mcp", "server_label": "github", "server_url": "https://api.githubcopilot.com/mcp/"}},{extra}
)
bot = Agent(name="Bot", tools=[WebSearchTool(), github])
"#
        )
    };
    let default = run(&[("app/bot.py", &src(""))]);
    assert!(default.findings.is_empty(), "{:#?}", default.findings);
    let auto = run(&[(
        "app/bot.py",
        &src("\n    on_approval_request=lambda request: {\"approve\": True},"),
    )]);
    let mut got: Vec<(String, u32)> = auto
        .findings
        .iter()
        .map(|f| (f.code.to_string(), f.location.line))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![("AIR101".to_string(), 3), ("AIR105".to_string(), 5)],
        "{:#?}",
        auto.findings
    );
}

/// A TypeScript project (`package.json`) analysed on its own.
fn run_ts(files: &[(&str, &str)]) -> Analysis {
    let dir = TempDir::new("openai-agents-js");
    dir.write(
        "package.json",
        "{\"name\": \"app\", \"type\": \"module\"}\n",
    );
    for (p, s) in files {
        dir.write(p, s);
    }
    let opts = Options {
        paths: vec![dir.path().to_path_buf()],
        ..Options::default()
    };
    analyze(&opts, &Knowledge::builtin())
}

#[test]
fn javascript_hosted_mcp_defaults_to_never_and_policies_read_tool_names() {
    let src = |extra: &str| {
        format!(
            r#"import {{ Agent, hostedMcpTool, webSearchTool }} from "@openai/agents";

const github = hostedMcpTool({{
  serverLabel: "github",
  serverUrl: "https://api.githubcopilot.com/mcp/",{extra}
}});
export const bot = new Agent({{ name: "Bot", tools: [webSearchTool(), github] }});
"#
        )
    };
    let never = run_ts(&[("src/bot.ts", &src(""))]);
    assert_eq!(
        codes(&never),
        vec![("AIR101".into(), "src/bot.ts".into(), 3)],
        "{:#?}",
        never.findings
    );
    let always = run_ts(&[("src/bot.ts", &src("\n  requireApproval: \"always\","))]);
    assert!(always.findings.is_empty(), "{:#?}", always.findings);
    // A policy naming some tools (`toolNames`, JavaScript's spelling) is a conditional gate.
    let some = run_ts(&[(
        "src/bot.ts",
        &src("\n  requireApproval: { always: { toolNames: [\"merge_pull_request\"] } },"),
    )]);
    let g = &some.inventory.gates;
    assert_eq!(g.len(), 1, "{g:#?}");
    assert_eq!(some.findings.len(), 1, "{:#?}", some.findings);
    assert_eq!(some.findings[0].severity.to_string(), "medium");
}

#[test]
fn javascript_shell_tools_do_what_their_shell_runs() {
    let src = |run: &str| {
        format!(
            r#"import {{ exec }} from "node:child_process";
import {{ Agent, shellTool }} from "@openai/agents";

const shell = {{ run: {run} }};
export const ops = new Agent({{ name: "Ops", tools: [shellTool({{ shell }})] }});
"#
        )
    };
    let stub = run_ts(&[(
        "src/ops.ts",
        &src("async () => ({ output: [{ stdout: \"\", stderr: \"\" }] })"),
    )]);
    assert!(stub.findings.is_empty(), "{:#?}", stub.findings);
    let host = run_ts(&[(
        "src/ops.ts",
        &src("async (action) => { exec(action.commands.join(\" && \")); return { output: [] }; }"),
    )]);
    assert_eq!(
        codes(&host),
        vec![("AIR201".into(), "src/ops.ts".into(), 5)],
        "{:#?}",
        host.findings
    );
}

/// One gate rule for every framework's units: a pause in a function tool's body that runs on
/// some paths only is a conditional approval for an OpenAI agent as for a LangGraph one
/// (OpenAI units used to ignore it and report the path at full severity, "no approval gate").
#[test]
fn a_conditional_pause_in_a_function_tool_is_a_conditional_gate() {
    let dir = TempDir::new("openai-conditional");
    dir.write(
        "airlock.toml",
        "[[gate]]\ncallee = \"acme_approvals.wait_for_manager\"\nkind = \"interrupt\"\n",
    );
    dir.write(
        "app.py",
        r#"import stripe
from acme_approvals import wait_for_manager
from agents import Agent, Runner, function_tool
from fastapi import FastAPI

app = FastAPI()


@function_tool
def refund(charge_id: str, amount_cents: int) -> str:
    """Refund a charge."""
    if amount_cents > 10_000:
        wait_for_manager("large refund")
    stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return "refunded"


support = Agent(name="support", instructions="Help customers.", tools=[refund])


@app.post("/chat")
async def chat(message: str):
    result = await Runner.run(support, message)
    return result.final_output
"#,
    );
    let r = support::run_airlock(["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let json = r.json();
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json:#}");
    let f = &findings[0];
    assert_eq!(f["code"], "AIR101");
    // payment is critical; a conditional approval lowers it one level.
    assert_eq!(f["severity"], "high", "{f:#}");
    let message = f["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("no unconditional approval gate"),
        "{message}"
    );
    // The inventory names the gate after what it is, a pause in the tool's own body, not
    // after the agent's framework (it said `needs-approval`, which nothing configured).
    let r = support::run_airlock([
        "inventory",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = r.json();
    let gates: Vec<(&str, &str, &str)> = json["gates"]
        .as_array()
        .expect("gates")
        .iter()
        .map(|g| {
            let s = |k: &str| g[k].as_str().unwrap_or_default();
            (s("kind"), s("target"), s("strength"))
        })
        .collect();
    assert_eq!(
        gates,
        vec![("interrupt-in-tool", "refund", "conditional")],
        "{json:#}"
    );
}

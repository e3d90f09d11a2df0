//! Pydantic AI, smolagents and Google ADK end to end through the generic agent adapter
//! (`extract::agent_kit`): the inventory names each agent with its framework, routes between
//! agents have their kind, gates are credited per tool, code executors are tools, and the
//! findings follow. Each test also checks a near variant that must behave differently, so none
//! passes on a constant answer.

mod support;

use airlock_analyzer::analysis::{analyze, Analysis, Options};
use airlock_analyzer::knowledge::Knowledge;
use support::TempDir;

fn run(files: &[(&str, &str)]) -> Analysis {
    let dir = TempDir::new("agent-frameworks");
    dir.write("pyproject.toml", "[project]\nname = \"app\"\n");
    for (p, s) in files {
        dir.write(p, s);
    }
    let opts = Options {
        paths: vec![dir.path().to_path_buf()],
        ..Options::default()
    };
    analyze(&opts, &Knowledge::builtin())
}

fn codes(a: &Analysis) -> Vec<(String, u32)> {
    a.findings
        .iter()
        .map(|f| (f.code.to_string(), f.location.line))
        .collect()
}

fn agents(a: &Analysis) -> Vec<(String, String, Vec<String>)> {
    a.inventory
        .agents
        .iter()
        .map(|x| {
            let tools = x
                .tools
                .iter()
                .filter_map(|id| a.inventory.tools.iter().find(|t| &t.id == id))
                .map(|t| t.name.clone())
                .collect();
            (x.name.clone(), x.framework.clone(), tools)
        })
        .collect()
}

fn routes(a: &Analysis) -> Vec<(String, String, String)> {
    a.inventory
        .routes
        .iter()
        .map(|r| (r.from.clone(), r.to.clone(), r.kind.clone()))
        .collect()
}

const PYDANTIC: &str = r#"import stripe
from pydantic_ai import Agent, RunContext, Tool
from pydantic_ai.common_tools.duckduckgo import duckduckgo_search_tool


def refund(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).status


ops = Agent("openai:gpt-4o", name="ops", tools=[Tool(refund, takes_ctx=False)])
web = Agent("openai:gpt-4o", name="web", tools=[duckduckgo_search_tool()])


@web.tool
async def ask_ops(ctx: RunContext[None], request: str) -> str:
    """Ask operations."""
    return (await ops.run(request, usage=ctx.usage)).output
"#;

#[test]
fn pydantic_ai_agents_decorated_tools_and_delegation_through_a_tool() {
    let a = run(&[("app.py", PYDANTIC)]);
    assert_eq!(
        agents(&a),
        vec![
            ("ops".into(), "pydantic_ai".into(), vec!["refund".into()]),
            (
                "web".into(),
                "pydantic_ai".into(),
                vec!["duckduckgo_search".into(), "ask_ops".into()]
            ),
        ]
    );
    assert_eq!(
        routes(&a),
        vec![
            ("ops".into(), "web".into(), "answer".into()),
            ("web".into(), "ops".into(), "agent-as-tool".into()),
        ]
    );
    // Search results read by `web` reach `refund` of `ops` over the delegation.
    assert_eq!(codes(&a), vec![("AIR102".into(), 6)]);
    // With the tool gated (`requires_approval=True`) the route leads to nothing ungated.
    let gated = PYDANTIC.replace(
        "takes_ctx=False)",
        "takes_ctx=False, requires_approval=True)",
    );
    let a = run(&[("app.py", &gated)]);
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
    let gates: Vec<(&str, &str)> = a
        .inventory
        .gates
        .iter()
        .map(|g| (g.target.as_str(), g.strength.as_str()))
        .collect();
    assert_eq!(gates, vec![("refund", "strong")]);
}

#[test]
fn a_pydantic_ai_tool_raising_approval_required_is_a_conditional_gate() {
    let src = r#"import shutil
from pydantic_ai import Agent, ApprovalRequired, RunContext

agent = Agent("openai:gpt-4o", name="files")


@agent.tool
def remove(ctx: RunContext[None], folder: str) -> str:
    """Remove a folder."""
    if folder.startswith("/srv") and not ctx.tool_call_approved:
        raise ApprovalRequired
    shutil.rmtree("/data/" + folder.replace("/", ""))
    return "ok"


def main():
    print(agent.run_sync(input("> ")).output)
"#;
    let a = run(&[("app.py", src)]);
    let gates: Vec<(&str, &str)> = a
        .inventory
        .gates
        .iter()
        .map(|g| (g.target.as_str(), g.strength.as_str()))
        .collect();
    assert_eq!(gates, vec![("remove", "conditional")]);
    let air101: Vec<_> = a.findings.iter().filter(|f| f.code == "AIR101").collect();
    assert_eq!(air101.len(), 1, "{:#?}", a.findings);
    assert!(air101[0].message.contains("no unconditional approval gate"));
    // Without the request for approval, the same path has no gate at all.
    let ungated = src.replace(
        "    if folder.startswith(\"/srv\") and not ctx.tool_call_approved:\n        raise ApprovalRequired\n",
        "",
    );
    let a = run(&[("app.py", &ungated)]);
    assert!(a.inventory.gates.is_empty(), "{:#?}", a.inventory.gates);
    let air101: Vec<_> = a.findings.iter().filter(|f| f.code == "AIR101").collect();
    assert!(air101[0].message.contains("with no approval gate"));
}

const SMOL: &str = r#"from smolagents import CodeAgent, ToolCallingAgent, WebSearchTool, InferenceClientModel

model = InferenceClientModel()
web = ToolCallingAgent(tools=[WebSearchTool()], model=model, name="web", description="search")
boss = CodeAgent(tools=[], model=model, managed_agents=[web], name="boss", executor_type="local")
"#;

#[test]
fn a_smolagents_code_agent_runs_code_on_the_host_unless_its_executor_is_remote() {
    let a = run(&[("team.py", SMOL)]);
    assert_eq!(
        agents(&a),
        vec![
            ("web".into(), "smolagents".into(), vec!["web_search".into()]),
            (
                "boss".into(),
                "smolagents".into(),
                vec!["python_executor".into()]
            ),
        ]
    );
    assert_eq!(
        routes(&a),
        vec![
            ("boss".into(), "web".into(), "agent-as-tool".into()),
            ("web".into(), "boss".into(), "answer".into()),
        ]
    );
    // The manager's own code runs on the host (AIR201), and the searcher's answers, read from
    // the web, come back to it and steer that code (AIR102).
    assert_eq!(codes(&a), vec![("AIR102".into(), 5), ("AIR201".into(), 5)]);
    // In a remote executor: no AIR201, and the route's finding one level lower.
    let remote = SMOL.replace("\"local\"", "\"e2b\"");
    let a = run(&[("team.py", &remote)]);
    assert_eq!(codes(&a), vec![("AIR102".into(), 5)]);
    assert_eq!(a.findings[0].severity.as_str(), "high");
    // Imports that give the code the host make it shell execution.
    let os = SMOL.replace(
        "executor_type=\"local\"",
        "additional_authorized_imports=[\"os\"]",
    );
    let a = run(&[("team.py", &os)]);
    let air201: Vec<_> = a.findings.iter().filter(|f| f.code == "AIR201").collect();
    assert!(
        air201[0].message.contains("shell commands"),
        "{:#?}",
        a.findings
    );
}

const ADK: &str = r#"import stripe
from google.adk.agents import LlmAgent
from google.adk.tools import FunctionTool


def reboot(host: str) -> dict:
    """Refund the charge of a host's lease."""
    stripe.Refund.create(charge=host)
    return {"ok": True}


ops = LlmAgent(name="ops", model="gemini-2.5-flash", tools=[reboot])
root_agent = LlmAgent(name="front", model="gemini-2.5-flash", sub_agents=[ops])
"#;

#[test]
fn google_adk_root_agent_input_follows_transfers_to_sub_agents() {
    let a = run(&[("svc/agent.py", ADK)]);
    assert_eq!(
        routes(&a),
        vec![
            ("front".into(), "ops".into(), "transfer".into()),
            ("ops".into(), "front".into(), "transfer".into()),
        ]
    );
    assert_eq!(codes(&a), vec![("AIR101".into(), 6)]);
    let exposure: Vec<Vec<String>> = a
        .inventory
        .agents
        .iter()
        .map(|x| x.exposure.clone())
        .collect();
    assert_eq!(exposure, vec![vec!["user_input".to_string()], vec![]]);
    // Confirmation on the tool gates it; an agent nobody serves takes no user input.
    let confirmed = ADK.replace(
        "tools=[reboot]",
        "tools=[FunctionTool(reboot, require_confirmation=True)]",
    );
    assert!(codes(&run(&[("svc/agent.py", &confirmed)])).is_empty());
    let unserved = ADK.replace("root_agent =", "front_agent =");
    assert!(codes(&run(&[("svc/agent.py", &unserved)])).is_empty());
}

#[test]
fn a_google_adk_before_tool_callback_that_can_refuse_is_a_conditional_gate() {
    let with_cb = ADK.replace(
        "ops = LlmAgent(name=\"ops\", model=\"gemini-2.5-flash\", tools=[reboot])",
        "def policy(tool, args, tool_context):\n    if args.get(\"host\", \"\").startswith(\"prod\"):\n        return {\"error\": \"refused\"}\n    return None\n\n\nops = LlmAgent(name=\"ops\", model=\"gemini-2.5-flash\", tools=[reboot], before_tool_callback=policy)",
    );
    let a = run(&[("svc/agent.py", &with_cb)]);
    let strengths: Vec<&str> = a
        .inventory
        .gates
        .iter()
        .map(|g| g.strength.as_str())
        .collect();
    assert_eq!(strengths, vec!["conditional"]);
    // A callback that only logs (returns nothing) refuses nothing.
    let logging = with_cb.replace(
        "        return {\"error\": \"refused\"}\n",
        "        print(args)\n",
    );
    let a = run(&[("svc/agent.py", &logging)]);
    assert!(a.inventory.gates.is_empty(), "{:#?}", a.inventory.gates);
}

const MASTRA_TOOL: &str = r#"import { Agent } from "@mastra/core/agent";
import { createTool } from "@mastra/core/tools";
import { rm } from "fs/promises";

export const cleanup = createTool({
  id: "cleanup",
  description: "Delete a folder",
  execute: async ({ context }) => rm(`/data/${context.id}`, { recursive: true }),
});

export const ops = new Agent({ name: "ops", instructions: "Clean up.", model: "openai/gpt-4o", tools: { cleanup } });
"#;

const VERCEL_ROUTE: &str = r#"import { generateText, tool } from "ai";
import { ops } from "../../agent";

export async function POST(req: Request) {
  const { prompt } = await req.json();
  await ops.generate(prompt);
  return generateText({
    model: "openai/gpt-4o",
    prompt,
    tools: { confirm: tool({ description: "Ask the user" }) },
  });
}
"#;

#[test]
fn mastra_and_vercel_ai_agents_are_read_from_typescript() {
    let a = run(&[
        ("package.json", "{\"name\": \"app\"}"),
        ("agent.ts", MASTRA_TOOL),
        ("app/api/route.ts", VERCEL_ROUTE),
    ]);
    // The client-side tool (no `execute`) is not a server tool.
    assert_eq!(
        agents(&a),
        vec![
            ("ops".into(), "mastra".into(), vec!["cleanup".into()]),
            (
                "generate_text at app/api/route.ts:7".into(),
                "vercel_ai".into(),
                vec![]
            ),
        ]
    );
    // The folder name the model writes is pasted into the path (AIR106).
    assert_eq!(codes(&a), vec![("AIR101".into(), 5), ("AIR106".into(), 8)]);
    // `requireApproval: true` gates the tool; the path is still the model's.
    let gated = MASTRA_TOOL.replace(
        "  id: \"cleanup\",",
        "  id: \"cleanup\",\n  requireApproval: true,",
    );
    let a = run(&[
        ("package.json", "{\"name\": \"app\"}"),
        ("agent.ts", &gated),
        ("app/api/route.ts", VERCEL_ROUTE),
    ]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 9)]);
}

#[test]
fn mcp_clients_of_pydantic_ai_and_google_adk_link_to_their_servers() {
    let pyd = r#"from pydantic_ai import Agent
from pydantic_ai.mcp import MCPServerStdio

shell = MCPServerStdio("npx", args=["-y", "@acme/mcp-server-shell"])
agent = Agent("openai:gpt-4o", name="pyd", toolsets=[shell])
"#;
    let adk = r#"from google.adk.agents import LlmAgent
from google.adk.tools.mcp_tool import McpToolset, StdioConnectionParams
from mcp import StdioServerParameters

params = StdioConnectionParams(server_params=StdioServerParameters(command="npx", args=["-y", "@acme/mcp-server-shell"]))
helper = LlmAgent(name="adk", model="gemini-2.5-flash", tools=[McpToolset(connection_params=params)])
"#;
    let a = run(&[("p.py", pyd), ("adk/agent.py", adk)]);
    let tools: Vec<(String, Vec<String>)> = a
        .inventory
        .tools
        .iter()
        .map(|t| (t.name.clone(), t.sinks.clone()))
        .collect();
    assert_eq!(
        tools,
        vec![
            ("@acme/mcp-server-shell".into(), vec!["shell_exec".into()]),
            ("@acme/mcp-server-shell".into(), vec!["shell_exec".into()]),
        ]
    );
    // Both agents can run shell commands through the server (AIR201), on the connection.
    assert_eq!(codes(&a), vec![("AIR201".into(), 6), ("AIR201".into(), 4)]);
}

const AUTOGEN_SWARM: &str = r#"import requests
from autogen_agentchat.agents import AssistantAgent, CodeExecutorAgent
from autogen_agentchat.base import Handoff
from autogen_agentchat.teams import Swarm
from autogen_ext.code_executors.local import LocalCommandLineCodeExecutor


def read_page(url: str) -> str:
    return requests.get(url, timeout=5).text


def pay(iban: str, amount: float) -> dict:
    return requests.post("https://bank.example/pay", json={"iban": iban, "amount": amount}).json()


def approve(request):
    return input(f"run {request.code}? ") == "y"


scout = AssistantAgent("scout", model_client=None, tools=[read_page], handoffs=[Handoff(target="user")])
payer = AssistantAgent("payer", model_client=None, tools=[pay])
runner = CodeExecutorAgent("runner", code_executor=LocalCommandLineCodeExecutor(), approval_func=approve)
team = Swarm([scout, payer, runner])
"#;

#[test]
fn autogen_agents_are_named_by_their_first_argument_and_swarms_route_by_handoff() {
    let a = run(&[("app.py", AUTOGEN_SWARM)]);
    assert_eq!(
        agents(&a),
        vec![
            ("scout".into(), "autogen".into(), vec!["read_page".into()]),
            ("payer".into(), "autogen".into(), vec!["pay".into()]),
            (
                "runner".into(),
                "autogen".into(),
                vec!["code_executor".into()]
            ),
        ]
    );
    // A swarm moves the conversation only by handoff: the scout hands off to the person.
    assert!(routes(&a).is_empty(), "{:?}", routes(&a));
    // The local executor runs the model's code on the host (AIR201 is about the sandbox, not
    // approval); `approval_func` asking at the console approves each block: a strong gate.
    // `read_page` fetches the model's whole URL: a request forgery.
    assert_eq!(codes(&a), vec![("AIR106".into(), 9), ("AIR201".into(), 22)]);
    let gates = |a: &Analysis| -> Vec<(String, String)> {
        a.inventory
            .gates
            .iter()
            .map(|g| (g.target.clone(), g.strength.clone()))
            .collect()
    };
    assert_eq!(gates(&a), vec![("code_executor".into(), "strong".into())]);
    // Handing off to the payer by name (a string or a `Handoff` target) is a transfer, and web
    // content the scout read reaches `pay`.
    for target in ["\"payer\"", "Handoff(target=\"payer\")"] {
        let src = AUTOGEN_SWARM.replace("Handoff(target=\"user\")", target);
        let a = run(&[("app.py", &src)]);
        assert_eq!(
            routes(&a),
            vec![("scout".into(), "payer".into(), "transfer".into())]
        );
        assert_eq!(
            codes(&a),
            vec![
                ("AIR106".into(), 9),
                ("AIR102".into(), 12),
                ("AIR201".into(), 22)
            ],
            "{target}"
        );
    }
    // A callback that decides by program is a conditional gate; none, no gate.
    let src = AUTOGEN_SWARM.replace(
        "input(f\"run {request.code}? \") == \"y\"",
        "\"rm\" not in request.code",
    );
    assert_ne!(src, AUTOGEN_SWARM);
    let a = run(&[("app.py", &src)]);
    assert_eq!(
        gates(&a),
        vec![("code_executor".into(), "conditional".into())]
    );
    let src = AUTOGEN_SWARM.replace(", approval_func=approve", "");
    let a = run(&[("app.py", &src)]);
    assert!(gates(&a).is_empty());
}

const LLAMA_WORKFLOW: &str = r#"import smtplib
from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.core.workflow import Context, HumanResponseEvent, InputRequiredEvent
from llama_index.readers.web import SimpleWebPageReader


def read(url: str) -> str:
    return SimpleWebPageReader().load_data([url])[0].text


async def mail(ctx: Context, to: str, body: str) -> str:
    ctx.write_event_to_stream(InputRequiredEvent(prefix="send?"))
    ok = await ctx.wait_for_event(HumanResponseEvent)
    if ok.response != "yes":
        return "no"
    smtplib.SMTP("localhost").sendmail("me@example.com", [to], body)
    return "sent"


reader = FunctionAgent(name="reader", tools=[read], llm=None)
mailer = FunctionAgent(name="mailer", tools=[mail], llm=None)
flow = AgentWorkflow(agents=[reader, mailer], root_agent="reader")
"#;

#[test]
fn llama_index_workflows_hand_off_openly_and_a_human_response_gates_the_tool() {
    let a = run(&[("app.py", LLAMA_WORKFLOW)]);
    assert_eq!(
        routes(&a),
        vec![
            ("mailer".into(), "reader".into(), "transfer".into()),
            ("reader".into(), "mailer".into(), "transfer".into()),
        ]
    );
    // `await ctx.wait_for_event(HumanResponseEvent)` dominates the send.
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
    let gates: Vec<(&str, &str)> = a
        .inventory
        .gates
        .iter()
        .map(|g| (g.target.as_str(), g.strength.as_str()))
        .collect();
    assert_eq!(gates, vec![("mail", "strong")]);
    // Without the pause, web content the reader loaded reaches the mailer's send.
    let src = LLAMA_WORKFLOW.replace(
        "    ok = await ctx.wait_for_event(HumanResponseEvent)\n",
        "    ok = ctx\n",
    );
    let a = run(&[("app.py", &src)]);
    assert_eq!(codes(&a), vec![("AIR102".into(), 11)]);
    // `can_handoff_to` restricts the reader: it may hand off to nobody.
    let src = src.replace(
        "tools=[read], llm=None",
        "tools=[read], llm=None, can_handoff_to=[]",
    );
    let a = run(&[("app.py", &src)]);
    assert_eq!(
        routes(&a),
        vec![("mailer".into(), "reader".into(), "transfer".into())]
    );
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_module_of_a_namespace_package_is_imported_by_from_package_import() {
    // `app/` has no `__init__.py`: `from app import tools` still names `app/tools.py`.
    let main = r#"from smolagents import CodeAgent, ToolCallingAgent
from app import tools

agent = ToolCallingAgent(tools=[tools.wipe], model=None)
"#;
    let tools = r#"import shutil
from smolagents import tool


@tool
def wipe(folder: str) -> str:
    """Remove a folder.

    Args:
        folder: the folder
    """
    shutil.rmtree(folder)
    return "ok"
"#;
    let a = run(&[("main.py", main), ("app/tools.py", tools)]);
    assert_eq!(
        agents(&a),
        vec![(
            "ToolCallingAgent at main.py:4".into(),
            "smolagents".into(),
            vec!["wipe".into()]
        )]
    );
}

const AGNO: &str = r#"import subprocess
import stripe
from agno.agent import Agent
from agno.tools import Toolkit
from agno.tools.duckduckgo import DuckDuckGoTools


class OpsTools(Toolkit):
    def __init__(self, allow_restart: bool = True, **kwargs):
        tools = [self.status]
        if allow_restart:
            tools.append(self.restart)
        super().__init__(name="ops", tools=tools, **kwargs)
        self.register(self.refund, name="issue_refund")

    def status(self, service: str) -> str:
        return subprocess.run(["systemctl", "status", "--", service], capture_output=True).stdout

    def restart(self, service: str) -> str:
        return subprocess.run(f"systemctl restart {service}", shell=True).stdout

    def refund(self, charge: str) -> str:
        return stripe.Refund.create(charge=charge).id

    def wipe(self, path: str) -> None:
        subprocess.run(f"rm -rf {path}", shell=True)


agent = Agent(name="ops", tools=[DuckDuckGoTools(), OpsTools()])
agent.print_response(input("> "))
"#;

#[test]
fn an_agno_toolkit_gives_the_agent_the_methods_it_registers() {
    let a = run(&[("ops.py", AGNO)]);
    let (name, framework, tools) = agents(&a).remove(0);
    assert_eq!((name.as_str(), framework.as_str()), ("ops", "agno"));
    // Registered through the constructor's list (`append` under a flag) and `register(...,
    // name=)`; `wipe` is a method nobody registers, so the model cannot call it.
    for t in ["status", "restart", "issue_refund"] {
        assert!(tools.iter().any(|x| x == t), "{t} in {tools:?}");
    }
    assert!(!tools.iter().any(|x| x == "wipe"), "{tools:?}");
    let found = codes(&a);
    // The restart builds a shell command from the model's text (AIR106, line 20); the unregistered
    // `wipe` (line 26) is not a tool, so its shell command is nobody's argument.
    assert!(found.contains(&("AIR106".into(), 20)), "{found:?}");
    assert!(!found.iter().any(|(_, l)| *l == 26), "{found:?}");
    let refund = a
        .findings
        .iter()
        .find(|f| f.code == "AIR101" && f.message.contains("issue_refund"))
        .expect("the refund is reachable from web search");
    assert_eq!(refund.severity.as_str(), "critical");
    // Listed in the instance's confirmation list, the refund waits for a person.
    let gated = AGNO.replace(
        "OpsTools()]",
        "OpsTools(requires_confirmation_tools=[\"issue_refund\"])]",
    );
    let a = run(&[("ops.py", &gated)]);
    assert!(
        !a.findings
            .iter()
            .any(|f| f.code == "AIR101" && f.message.contains("issue_refund")),
        "{:?}",
        codes(&a)
    );
}

const SK: &str = r#"import subprocess
from typing import Annotated
from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.functions import kernel_function


class OpsPlugin:
    def __init__(self, root: str):
        self.root = root

    @kernel_function(name="restart", description="Restart a service")
    def restart(self, service: Annotated[str, "the unit"]) -> str:
        return subprocess.run(f"systemctl restart {service}", shell=True, cwd=self.root).stdout

    @staticmethod
    def helper(x: str) -> None:
        subprocess.run(f"echo {x}", shell=True)


agent = ChatCompletionAgent(name="ops", plugins=[OpsPlugin("/srv")])
"#;

#[test]
fn a_semantic_kernel_plugin_gives_the_agent_its_kernel_functions() {
    let a = run(&[("ops.py", SK)]);
    assert_eq!(
        agents(&a),
        vec![(
            "ops".into(),
            "semantic_kernel".into(),
            vec!["restart".into()]
        )]
    );
    // The method's `self` is the plugin, not a model argument: only `service` is reported.
    assert_eq!(codes(&a), vec![("AIR106".into(), 13)]);
    assert!(a.findings[0].message.contains("`service`"));
    // Without the decorator the method is the plugin's own helper: no tool, no finding.
    let plain = SK.replace(
        "    @kernel_function(name=\"restart\", description=\"Restart a service\")\n",
        "",
    );
    let a = run(&[("ops.py", &plain)]);
    assert!(codes(&a).is_empty(), "{:?}", codes(&a));
}

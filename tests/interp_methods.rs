//! The interpreter's view of methods never called and of closures, end to end: a method is read
//! with `self` an instance its `__init__` built (attributes `__init__` did not set stay unknown,
//! so receiver-name knowledge still applies), and a function defined inside another sees the
//! variables it names from the enclosing one. Each test checks a near variant that must behave
//! differently.

mod support;

use airlock_analyzer::analysis::{analyze, Analysis, Options};
use airlock_analyzer::knowledge::Knowledge;
use support::TempDir;

fn run(files: &[(&str, &str)]) -> Analysis {
    let dir = TempDir::new("interp-methods");
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

const CLOSURE_SERVER: &str = r#"import sqlite3
from mcp.server.fastmcp import FastMCP


class Store:
    def __init__(self, path):
        self.db = sqlite3.connect(path)

    def rows(self, table):
        return self.db.execute(f"SELECT * FROM {table}").fetchall()


def build(path):
    server = FastMCP("store")
    store = Store(path)

    @server.tool()
    def dump(table: str) -> str:
        return str(store.rows(table))

    return server
"#;

#[test]
fn a_tool_defined_inside_a_function_reads_the_objects_that_function_built() {
    let a = run(&[("server.py", CLOSURE_SERVER)]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 10)]);
    // The same closure over an object whose method only counts rows: nothing reaches SQL.
    let src = CLOSURE_SERVER.replace(
        "return self.db.execute(f\"SELECT * FROM {table}\").fetchall()",
        "return len(table)",
    );
    assert_ne!(src, CLOSURE_SERVER);
    let a = run(&[("server.py", &src)]);
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
}

const DECLARED_FIELD: &str = r#"from langchain.chains.base import Chain


class CodeChain(Chain):
    llm_chain: object

    def _call(self, inputs):
        code = self.llm_chain.predict(**inputs)
        exec(code)
        return {"answer": "done"}
"#;

#[test]
fn an_attribute_init_did_not_set_stays_unknown_on_a_never_called_method() {
    // `self.llm_chain` is a declared field, not a name inherited from `Chain`: the model call is
    // still recognised by the receiver's name and its reply reaches `exec`.
    let a = run(&[("chain.py", DECLARED_FIELD)]);
    assert_eq!(codes(&a), vec![("AIR201".into(), 9)]);
    let src = DECLARED_FIELD.replace("exec(code)", "print(code)");
    let a = run(&[("chain.py", &src)]);
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
}

const INIT_ATTRIBUTE: &str = r#"import subprocess


class Runner:
    def __init__(self, shell: bool):
        self.run = subprocess.run
        self.shell = shell

    def go(self, llm, task):
        cmd = llm.invoke(task).content
        return self.run(cmd, shell=True)
"#;

#[test]
fn a_never_called_method_reads_what_init_stored_on_self() {
    // Nothing calls `go`: `self.run` is what `__init__` stored, `subprocess.run`.
    let a = run(&[("runner.py", INIT_ATTRIBUTE)]);
    assert_eq!(codes(&a), vec![("AIR201".into(), 11)], "{:#?}", a.findings);
    // `self.run` set to something harmless in `__init__`.
    let src = INIT_ATTRIBUTE.replace("self.run = subprocess.run", "self.run = print");
    let a = run(&[("runner.py", &src)]);
    assert!(codes(&a).is_empty(), "{:#?}", a.findings);
}

const TYPED_CLIENT: &str = r#"import subprocess
from mcp.server.fastmcp import FastMCP


class Runner:
    def __init__(self, root: str = "/srv"):
        self.root = root

    def grep(self, pattern: str) -> str:
        return subprocess.run(f"grep -r {pattern} {self.root}", shell=True, capture_output=True).stdout


def register(mcp: FastMCP, runner: Runner) -> None:
    @mcp.tool()
    def search(pattern: str) -> str:
        return runner.grep(pattern)
"#;

#[test]
fn a_parameter_typed_with_a_project_class_is_that_class_in_a_closure() {
    // Nothing calls `register`: `runner` is known only by its annotation.
    let a = run(&[("server.py", TYPED_CLIENT)]);
    let found = codes(&a);
    assert!(found.contains(&("AIR106".into(), 10)), "{found:?}");
    // Without the annotation the closure's `runner` is unknown and `grep` is not followed.
    let src = TYPED_CLIENT.replace("runner: Runner", "runner");
    let a = run(&[("server.py", &src)]);
    assert!(
        !codes(&a).contains(&("AIR106".into(), 10)),
        "{:#?}",
        a.findings
    );
}

const CATALOG_SERVER: &str = r#"import os
from mcp.server.fastmcp import FastMCP


def make_tools():
    async def export(out_dir: str) -> str:
        os.makedirs(out_dir, exist_ok=True)
        return out_dir

    return [("export", export)]


class Catalog:
    def __init__(self, server):
        self._server = server
        self._entries = {}

    def collect(self):
        for name, fn in make_tools():
            self._entries[name] = fn

    def publish(self):
        for name in sorted(self._entries):
            self._server.add_tool(self._entries[name], name=name)


def build():
    server = FastMCP("catalog")
    catalog = Catalog(server)
    catalog.collect()
    catalog.publish()
    return server
"#;

#[test]
fn a_dict_filled_on_an_attribute_in_one_method_is_read_in_another() {
    let a = run(&[("server.py", CATALOG_SERVER)]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 7)]);
    // Publishing before collecting: the dict `__init__` made is still empty, no tool exists.
    let early = CATALOG_SERVER.replace(
        "    catalog.collect()\n    catalog.publish()\n",
        "    catalog.publish()\n    catalog.collect()\n",
    );
    assert!(codes(&run(&[("server.py", &early)])).is_empty());
}

const DISPATCH_SERVER: &str = r#"import subprocess
from mcp.server import Server

server = Server("ops")


async def restart(arguments: dict) -> str:
    return subprocess.run(f"systemctl restart {arguments['unit']}", shell=True).stdout


async def status(arguments: dict) -> str:
    return "ok"


HANDLERS = {"restart": restart, "status": status}


@server.call_tool()
async def call_tool(name: str, arguments: dict):
    handler = HANDLERS.get(name)
    if handler is None:
        raise ValueError(name)
    return await handler(arguments)
"#;

#[test]
fn a_handler_looked_up_in_a_table_by_the_tool_name_is_followed() {
    let a = run(&[("server.py", DISPATCH_SERVER)]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 8)]);
    // Subscripting the table (`HANDLERS[name]`) reads it the same way.
    let sub = DISPATCH_SERVER.replace("HANDLERS.get(name)", "HANDLERS[name]");
    assert_eq!(
        codes(&run(&[("server.py", &sub)])),
        vec![("AIR106".into(), 8)]
    );
    // A literal key picks one entry: the status handler runs nothing.
    let one = DISPATCH_SERVER.replace("HANDLERS.get(name)", "HANDLERS.get(\"status\")");
    assert!(codes(&run(&[("server.py", &one)])).is_empty());
}

const TOOL_OBJECTS_SERVER: &str = r#"import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { execSync } from "node:child_process";

const pingTool = {
  name: "ping",
  inputSchema: {},
  execute: async (args) => execSync(`ping -c 1 ${args.host}`, { encoding: "utf8" }),
};
const uptimeTool = {
  name: "uptime",
  inputSchema: {},
  execute: async () => execSync("uptime", { encoding: "utf8" }),
};

class Ops {
  constructor(tools) {
    this.byName = tools.filter((t) => t.name !== "").reduce((acc, t) => {
      acc[t.name] = t;
      return acc;
    }, {});
    this.server = new Server({ name: "ops", version: "1.0.0" }, { capabilities: { tools: {} } });
    this.server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const tool = this.byName[request.params.name];
      return tool.execute(request.params.arguments);
    });
  }
}

new Ops([pingTool, uptimeTool]);
"#;

#[test]
fn tool_objects_indexed_by_name_with_reduce_are_followed_from_the_call_tool_handler() {
    let a = run(&[("index.js", TOOL_OBJECTS_SERVER)]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 8)]);
    // Only the uptime tool in the list: nothing the model sends reaches a shell.
    let safe =
        TOOL_OBJECTS_SERVER.replace("new Ops([pingTool, uptimeTool])", "new Ops([uptimeTool])");
    assert!(codes(&run(&[("index.js", &safe)])).is_empty());
    // `find` over the list picks any of its tools, as the table does.
    let find = TOOL_OBJECTS_SERVER.replace(
        "const tool = this.byName[request.params.name];",
        "const tool = tools.find((t) => t.name === request.params.name);",
    );
    assert_eq!(
        codes(&run(&[("index.js", &find)])),
        vec![("AIR106".into(), 8)]
    );
}

/// The AIR106 findings (these servers also lack tool annotations, which AIR306 reports).
fn injections(a: &Analysis) -> Vec<(String, u32)> {
    codes(a)
        .into_iter()
        .filter(|(c, _)| c == "AIR106")
        .collect()
}

const MODULE_BACKEND_SERVER: &str = r#"import subprocess
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops")
_backend = None


class Backend:
    def status(self, unit: str) -> str:
        return subprocess.check_output(f"systemctl status {unit}", shell=True, text=True)


@mcp.tool()
def unit_status(unit: str) -> str:
    return _backend.status(unit)


def init() -> None:
    global _backend
    _backend = Backend()
"#;

#[test]
fn a_module_variable_set_by_a_function_is_read_by_a_tool_defined_before_it() {
    let a = run(&[("server.py", MODULE_BACKEND_SERVER)]);
    assert_eq!(injections(&a), vec![("AIR106".into(), 10)]);
    // Without `global` the assignment binds a local of `init`: the module's `_backend` stays
    // `None` and the tool's call goes nowhere.
    let local = MODULE_BACKEND_SERVER.replace("    global _backend\n", "");
    assert!(injections(&run(&[("server.py", &local)])).is_empty());
}

const MODULE_LET_SERVER: &str = r#"import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { execSync } from "node:child_process";

class Runner {
  run(cmd) {
    return execSync(cmd, { encoding: "utf8" });
  }
}

let runner = null;

function init() {
  runner = new Runner();
}

const server = new McpServer({ name: "ops", version: "1.0.0" });
server.tool("run", "Run a command", {}, async ({ cmd }) => runner.run(cmd));
init();
"#;

#[test]
fn a_module_let_assigned_inside_a_function_is_the_module_variable() {
    let a = run(&[("index.js", MODULE_LET_SERVER)]);
    // Reported at `runner.run(cmd)`: the call of the helper that runs what it is given.
    assert_eq!(injections(&a), vec![("AIR106".into(), 17)]);
    // `let runner` declared inside `init` is its own variable: the module's stays `null`.
    let shadowed =
        MODULE_LET_SERVER.replace("  runner = new Runner();", "  let runner = new Runner();");
    assert!(injections(&run(&[("index.js", &shadowed)])).is_empty());
}

const POOLED_SERVER: &str = r#"import subprocess
from mcp.server.fastmcp import FastMCP


class Shell:
    def run(self, line: str) -> str:
        return subprocess.check_output(line, shell=True, text=True)


class Pool:
    def __init__(self, size):
        self._idle = []
        self.size = size

    async def acquire(self, purpose: str) -> Shell:
        while not self._idle:
            self._idle.extend(self._spawn())
        return self._idle.pop()


def build(pool: Pool) -> FastMCP:
    mcp = FastMCP("pooled")

    @mcp.tool()
    async def run(line: str) -> str:
        shell = await pool.acquire("tool")
        return shell.run(line)

    return mcp
"#;

#[test]
fn an_unsettled_result_of_a_function_annotated_with_a_project_class_is_that_class() {
    let a = run(&[("server.py", POOLED_SERVER)]);
    // Reported at `shell.run(line)`: the call of the helper that runs what it is given.
    assert_eq!(injections(&a), vec![("AIR106".into(), 27)]);
    // Without the annotation the pool's result stays unknown and `shell.run` goes nowhere.
    let bare = POOLED_SERVER.replace(
        "async def acquire(self, purpose: str) -> Shell:",
        "async def acquire(self, purpose: str):",
    );
    assert!(injections(&run(&[("server.py", &bare)])).is_empty());
}

const BUILT_TOOL_JS: &str = r#"const { StructuredTool } = require("@langchain/core/tools");
const { z } = require("zod");
const files = require("fs/promises");

class SaveNoteTool extends StructuredTool {
  constructor({ sink, ...rest }) {
    super(rest);
    this.name = "save_note";
    this.description = "save a note";
    this.schema = z.object({ where: z.string(), text: z.string() });
    this.sink = sink;
  }
  async _call({ where, text }) {
    await this.sink.writeFile(where, text);
    return "saved";
  }
}

function make() {
  return new SaveNoteTool({ sink: files, verbose: true });
}
module.exports = { make };
"#;

#[test]
fn a_method_the_framework_calls_is_read_with_the_instances_the_project_built() {
    // `_call` is only called by the framework: read with the instance `make` built, whose
    // constructor took `sink` out of its destructured argument, `this.sink.writeFile` is
    // `fs/promises`' `writeFile`.
    let a = run(&[("tools.js", BUILT_TOOL_JS)]);
    assert_eq!(codes(&a), vec![("AIR106".into(), 14)], "{:#?}", a.findings);
    // Nothing builds the tool: `this.sink` is what an unknown argument gave, and nothing is
    // found.
    let unbuilt = BUILT_TOOL_JS.replace(
        "  return new SaveNoteTool({ sink: files, verbose: true });\n",
        "  return null;\n",
    );
    assert!(codes(&run(&[("tools.js", &unbuilt)])).is_empty());
    // Built with the store under another property name: the destructured `sink` is unknown.
    let other = BUILT_TOOL_JS.replace("{ sink: files, verbose", "{ store: files, verbose");
    assert!(codes(&run(&[("tools.js", &other)])).is_empty());
}

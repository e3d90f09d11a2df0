//! AIR106 tool-argument-injection: inside a tool body, a model-controlled argument reaches a
//! shell, code, SQL or filesystem-path sink, or picks the server of an HTTP request, without a
//! recognised sanitizer. Tool bodies are
//! LangChain tools and MCP server tools (a decorated function, or one branch of a low-level
//! server's `call_tool` handler, then what is left of that handler).

use super::context::Ctx;
use super::RuleMeta;
use crate::extract::body::InjectionHit;
use crate::extract::interp::FuncVal;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Span, Step, StepKind, MAX_ALSO};
use std::collections::{BTreeMap, BTreeSet};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR106",
    name: "tool-argument-injection",
    summary:
        "a model-controlled tool argument reaches a shell, code, SQL, path or URL sink unsanitized",
    default_severity: crate::model::Severity::High,
    implemented: true,
    docs: doc!("AIR106"),
};

/// One body whose parameters the model fills in.
struct ToolBody<'a> {
    /// `tool `x``, `MCP tool `x``, `MCP handler `call_tool``.
    label: String,
    name: &'a str,
    func: &'a FuncVal,
    /// Only sinks inside this span (a dispatch branch).
    within: Option<Span>,
    /// Who chooses the arguments: `None` for the model (a tool), else an entry point's caller.
    who: Option<&'a str>,
    /// The sink kinds followed from it; every kind when empty.
    kinds: &'a [String],
}

/// What AIR106 reports: model-controlled parameter `param` of `body` (``tool `x` ``,
/// ``MCP tool `x` ``, ...) reaches `callee`, a sink of kind `kind`, unsanitized. For an
/// entry point that is not a tool (an HTTP route, a framework hook) the parameter is
/// caller-controlled instead.
pub struct ToolArgumentInjection {
    /// `model` for a tool's argument, `caller` for an entry point's.
    pub controller: &'static str,
    pub param: String,
    pub body: String,
    pub callee: String,
    pub kind: String,
    /// The sink is in Python code (the fix is spelled per language).
    pub python: bool,
}

impl super::Violation for ToolArgumentInjection {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        format!(
            "{}-controlled argument `{}` of {} reaches `{}` ({}) unsanitized",
            self.controller, self.param, self.body, self.callee, self.kind
        )
    }

    fn help(&self) -> String {
        let python = self.python;
        match self.kind.as_str() {
            "shell_exec" if !python => "pass an argument list to `execFile`/`spawn` without `shell: true`, or check the value against an allow-list",
            "code_exec" | "remote_code_load" if !python => "never evaluate model output (`eval`, `Function`, `vm`); parse it with `JSON.parse` or check it against an allow-list",
            "sql_exec" if !python => "use a parameterised query (`client.query(\"... WHERE id = $1\", [value])`)",
            "shell_exec" => "pass an argument list without `shell=True`, quote with `shlex.quote`, or check the value against an allow-list",
            "code_exec" | "remote_code_load" => "never evaluate model output; parse it with a safe parser (`ast.literal_eval`, `json.loads`) or check it against an allow-list",
            "argv_option" => "put a literal `--` before model-chosen arguments, or reject values that start with `-`",
            "module_import" => "import only the modules of an allow-list (`if name not in ALLOWED: raise ...`)",
            "http_request_tainted_url" if !python => "fix the scheme and host in the code (`${API_BASE}/items/${encodeURIComponent(id)}`), or check the URL's host against an allow-list and refuse private, loopback and link-local addresses after resolving it",
            "http_request_tainted_url" => "fix the scheme and host in the code (`f\"{API_BASE}/items/{quote(item_id)}\"`), or check the URL's host against an allow-list and refuse private, loopback and link-local addresses after resolving it (`ipaddress.ip_address(...).is_private`)",
            "sql_exec" => "use a parameterised query (`cursor.execute(\"... WHERE id = ?\", (value,))`)",
            _ if !python => "resolve the path (`path.resolve`) and check it stays under an allowed directory (`startsWith(root + path.sep)`), or take only a file name (`path.basename`)",
            _ => "canonicalise the path and check it stays under an allowed directory, or take only a file name (`os.path.basename`)",
        }
        .to_string()
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut bodies: Vec<ToolBody> = vec![];
    for tool in cx.tools {
        if let Some(f) = tool.func() {
            bodies.push(ToolBody {
                label: format!("tool `{}`", tool.name),
                name: &tool.name,
                func: f,
                within: None,
                who: None,
                kinds: &[],
            });
        }
    }
    for tool in &cx.servers.tools {
        let Some(f) = &tool.func else { continue };
        // A low-level tool whose dispatch branch was not found is covered by its handler.
        if tool.branch.is_none() && !tool.body_known {
            continue;
        }
        bodies.push(ToolBody {
            label: format!("MCP tool `{}`", tool.name),
            name: &tool.name,
            func: f,
            within: tool.branch,
            who: None,
            kinds: &[],
        });
    }
    // A resource handler's parameters (the URI of `read_resource`, a template's fields) are
    // chosen by the client, as a tool's arguments are.
    for item in &cx.servers.items {
        let (crate::facts::mcp_server::ItemKind::Resource, Some(f)) = (&item.kind, &item.func)
        else {
            continue;
        };
        bodies.push(ToolBody {
            label: format!("MCP resource `{}`", item.name),
            name: &item.name,
            func: f,
            within: None,
            who: None,
            kinds: &[],
        });
    }
    for h in &cx.servers.handlers {
        // An inline TypeScript handler (`setRequestHandler(CallToolRequestSchema, async (req)
        // => ...)`) has no name of its own: it is the server's `call_tool` handler.
        let name = match h.func.def.name.as_str() {
            "anonymous" => "call_tool",
            n => n,
        };
        bodies.push(ToolBody {
            label: format!("MCP tool handler `{name}`"),
            name,
            func: &h.func,
            within: None,
            who: None,
            kinds: &[],
        });
    }
    // Entry points that are not tools: an HTTP route's parameters are the client's, a
    // retriever's query is whoever asks it (`rules/knowledge/entries.toml`).
    for e in cx.entries {
        bodies.push(ToolBody {
            label: e.label.clone(),
            name: &e.name,
            func: &e.func,
            within: None,
            who: Some(&e.who),
            kinds: &e.kinds,
        });
    }
    // One finding per place: the sink call, or the call that hands a helper the text it runs
    // unchanged (`InjectionHit::built_at`: each such call is fixed on its own). When a call
    // matches several kinds (`open` for reading and
    // writing), the most severe one is reported, and of several tools reaching it, the one
    // whose path is most certain (an element right after a literal option may be its value).
    let mut all = vec![];
    for (bi, body) in bodies.iter().enumerate() {
        let facts = cx.body.facts(body.func);
        all.extend(
            facts
                .injections
                .iter()
                .filter(|h| body.kinds.is_empty() || body.kinds.contains(&h.kind))
                .filter(|h| {
                    body.within.is_none_or(|w| {
                        let s = h.chain.first().map_or(h.sink.span, |c| c.span);
                        s.start >= w.start && s.end <= w.end
                    })
                })
                .map(|h| (bi, h.clone())),
        );
    }
    all.sort_by_key(|(bi, h)| {
        (
            h.built_at.unwrap_or(h.sink),
            std::cmp::Reverse(cx.k.sink_severity(&h.kind)),
            h.after_flag.is_some(),
            h.kind.clone(),
            *bi,
        )
    });
    // The other tools and arguments reaching a reported place are listed with it
    // (`Finding::also`): index of the place's finding in `out`, and the sources already named.
    let mut placed: BTreeMap<Site, (usize, BTreeSet<(usize, String)>)> = BTreeMap::new();
    for (bi, h) in all {
        let body = &bodies[bi];
        {
            let at = h.built_at.unwrap_or(h.sink);
            if let Some((i, named)) = placed.get_mut(&at) {
                if named.insert((bi, h.param.to_string())) {
                    let f = &mut out[*i];
                    if f.also.len() < MAX_ALSO {
                        f.also.push(path_of(cx, body, &h).0);
                    } else {
                        f.also_more += 1;
                    }
                }
                continue;
            }
            let (path, confidence) = path_of(cx, body, &h);
            let violation = ToolArgumentInjection {
                controller: if body.who.is_some() {
                    "caller"
                } else {
                    "model"
                },
                param: h.param.clone(),
                body: body.label.clone(),
                callee: h.callee.clone(),
                kind: h.kind.clone(),
                python: cx.db.get(h.sink.file).rel_path.ends_with(".py"),
            };
            let key = format!("{}|{}|{}", body.name, h.param, h.kind);
            placed.insert(at, (out.len(), BTreeSet::from([(bi, h.param.to_string())])));
            out.push(cx.report(
                &violation,
                cx.k.sink_severity(&h.kind),
                confidence,
                at,
                path,
                &[&key],
            ));
        }
    }
}

/// The path of one hit, from the body's argument to the sink, and how certain it is.
fn path_of(cx: &Ctx, body: &ToolBody, h: &InjectionHit) -> (Vec<Step>, Confidence) {
    let mut path = vec![cx.step(
        StepKind::Source,
        h.param_site,
        format!(
            "`{}` is chosen by {} (argument of {})",
            h.param,
            body.who.unwrap_or("the model"),
            body.label
        ),
    )];
    for c in h.chain.iter().take(h.chain.len().saturating_sub(1)) {
        let label = if h.built_at == Some(*c) {
            "handed here to a helper that runs it unchanged"
        } else {
            "passed on here"
        };
        path.push(cx.step(StepKind::Call, *c, label));
    }
    // An element right after a literal option may be that option's value: the code
    // does not say whether the option takes one.
    let confidence = match h.after_flag {
        Some(flag) => {
            path.push(cx.step(
                StepKind::Call,
                flag,
                format!(
                    "follows the option {}: it is that option's value, not an option, if the option takes one",
                    cx.text(flag)
                ),
            ));
            Confidence::Medium
        }
        None => Confidence::High,
    };
    path.push(cx.step(
        StepKind::Sink,
        h.sink,
        format!("reaches `{}` ({})", h.callee, h.kind),
    ));
    (path, confidence)
}

#[cfg(test)]
mod tests {
    use crate::model::StepKind;
    use crate::rules::testing::lines;

    const TOOLS: &str = r#"import subprocess

from langchain_core.tools import tool


@tool
def tag_release(tag: str) -> str:
    """Tag the current commit."""
    return subprocess.run(f"git tag {tag}", shell=True, capture_output=True, text=True).stdout
"#;

    #[test]
    fn a_model_argument_in_a_shell_string_fires_on_the_call() {
        assert_eq!(lines("AIR106", &[("tools.py", TOOLS)], "tools.py"), [9]);
    }

    const ARGV: &str = r#"import subprocess

from langchain_core.tools import tool


@tool
def show_ref(rev: str) -> str:
    """Show a git revision."""
    cmd = ["git", "show"]
    cmd.append(rev)
    return subprocess.run(cmd, capture_output=True, text=True).stdout
"#;

    const WRAPPED: &str = r#"import subprocess
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("w")


def run(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout


def read(path):
    with open(path) as f:
        return f.read()


@mcp.tool()
def tag(name: str) -> str:
    return run(f"git tag {name}")


@mcp.tool()
def branch(name: str) -> str:
    return run("git branch " + name)


@mcp.tool()
def show(path: str) -> str:
    return read(path)


@mcp.tool()
def show_again(path: str) -> str:
    return read(path)
"#;

    #[test]
    fn text_a_helper_runs_unchanged_is_reported_where_it_is_written() {
        // Each command is written by its tool and run unchanged by `run`: one finding per
        // tool, at its call. The path helper keeps its one finding at `open`, where a check
        // belongs.
        assert_eq!(
            lines("AIR106", &[("server.py", WRAPPED)], "server.py"),
            [12, 18, 23]
        );
        let out = crate::rules::testing::findings("AIR106", &[("server.py", WRAPPED)]);
        let tag = out.iter().find(|f| f.1 == 18).expect("tag's finding");
        assert!(tag.2.contains("`name`"), "{}", tag.2);
    }

    #[test]
    fn a_model_argument_after_a_fixed_program_is_option_injection() {
        let out = crate::rules::testing::findings("AIR106", &[("tools.py", ARGV)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].1, 11);
        assert!(out[0].2.contains("`rev`"), "{}", out[0].2);
        assert!(out[0].2.contains("(argv_option)"), "{}", out[0].2);
    }

    const ALLOWED_PROGRAM: &str = r#"import shlex
import subprocess

from langchain_core.tools import tool

SAFE = frozenset({"df", "du", "uptime"})


@tool
def host_stats(command: str) -> str:
    """Run a host statistics command."""
    argv = shlex.split(command)
    if not argv or argv[0] not in SAFE:
        raise ValueError("not allowed")
    return subprocess.run(argv, capture_output=True, text=True).stdout
"#;

    #[test]
    fn an_allow_listed_program_leaves_only_its_options_to_the_model() {
        // The program is one the allow-list names; the model still writes its options.
        let out = crate::rules::testing::findings("AIR106", &[("tools.py", ALLOWED_PROGRAM)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].1, 15);
        assert!(out[0].2.contains("(argv_option)"), "{}", out[0].2);
        // Without the check the model chooses the program itself.
        let unchecked = ALLOWED_PROGRAM.replace(
            "    if not argv or argv[0] not in SAFE:\n        raise ValueError(\"not allowed\")\n",
            "",
        );
        let out = crate::rules::testing::findings("AIR106", &[("tools.py", &unchecked)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].2.contains("(shell_exec)"), "{}", out[0].2);
    }

    const ABSOLUTE: &str = r#"import os
import subprocess
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("s")
HOME = Path(os.environ.get("HOME_DIR", ".")).resolve()


@mcp.tool()
def run_under_home(name: str) -> str:
    p = Path(name)
    if not p.is_absolute():
        p = HOME / p
    return subprocess.run([sys.executable, str(p)], capture_output=True, text=True).stdout


@mcp.tool()
def run_as_given(name: str) -> str:
    return subprocess.run([sys.executable, name], capture_output=True, text=True).stdout
"#;

    #[test]
    fn an_absolute_path_is_never_an_option() {
        // `p` is absolute on both branches (the test's true branch, and a join under a module
        // variable made by `resolve()`); the name as given is not.
        assert_eq!(
            lines("AIR106", &[("server.py", ABSOLUTE)], "server.py"),
            [22]
        );
        // A module variable assigned twice is not known to be absolute.
        let twice = ABSOLUTE.replace(
            "\n\n\n@mcp.tool()\ndef run_under_home",
            "\nHOME = Path(\"scripts\")\n\n\n@mcp.tool()\ndef run_under_home",
        );
        assert_eq!(
            lines("AIR106", &[("server.py", &twice)], "server.py"),
            [18, 23]
        );
    }

    const DEFAULTED: &str = r#"from pathlib import Path
from typing import Tuple

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("d")
ROOT = Path("/srv/docs")


def locate(name: str, root: Path, confine: bool = True) -> Tuple[bool, Path]:
    if not confine:
        return True, root / name
    target = (root / name).resolve()
    if not target.is_relative_to(root):
        return False, root
    return True, target


@mcp.tool()
def read_doc(name: str) -> str:
    ok, path = locate(name, ROOT)
    if not ok:
        return "outside"
    with open(path) as f:
        return f.read()


@mcp.tool()
def read_any(name: str, confine: bool) -> str:
    ok, path = locate(name, ROOT, confine)
    if not ok:
        return "outside"
    with open(path) as f:
        return f.read()
"#;

    #[test]
    fn a_return_a_parameters_default_rules_out_is_left_out_for_callers_that_omit_it() {
        // `read_doc` leaves `confine` at `True`: only the confined returns reach it.
        // `read_any` passes the model's flag: the unconfined return is live.
        assert_eq!(
            lines("AIR106", &[("server.py", DEFAULTED)], "server.py"),
            [33]
        );
    }

    const ZOD: &str = r#"import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import mysql from "mysql2/promise";

const db = await mysql.createConnection({ host: "localhost", multipleStatements: true });
const Args = z.object({ sort: z.enum(["name", "size"]), table: z.string() });

async function list(input) {
  const { sort } = input;
  return db.query(`SELECT * FROM files ORDER BY ${sort}`);
}

async function dump(input) {
  return db.query(`SELECT * FROM ${input.table}`);
}

const server = new McpServer({ name: "z", version: "1" });
server.tool("files", "list files", async (raw) => {
  const parsed = Args.safeParse(raw);
  if (!parsed.success) return { content: [] };
  await list(parsed.data);
  await dump(parsed.data);
  return { content: [] };
});
"#;

    #[test]
    fn a_helper_is_judged_by_the_fields_of_its_parameter_that_reach_the_sink() {
        // `sort` is a closed field of the parsed object; `table` admits any text.
        assert_eq!(lines("AIR106", &[("server.js", ZOD)], "server.js"), [14]);
    }

    #[test]
    fn an_argument_behind_a_literal_double_dash_is_an_operand() {
        let fixed = ARGV.replace("[\"git\", \"show\"]", "[\"git\", \"show\", \"--\"]");
        assert!(lines("AIR106", &[("tools.py", &fixed)], "tools.py").is_empty());
    }

    #[test]
    fn a_quoted_argument_is_sanitized() {
        let fixed = TOOLS
            .replace("import subprocess\n", "import shlex\nimport subprocess\n")
            .replace("f\"git tag {tag}\"", "f\"git tag {shlex.quote(tag)}\"");
        assert!(lines("AIR106", &[("tools.py", &fixed)], "tools.py").is_empty());
    }

    const AFTER_FLAG: &str = r#"import subprocess

from langchain_core.tools import tool


@tool
def log_for(fmt: str, terms: str) -> str:
    """Show the log in a format."""
    cmd = ["git", "log", "-n", fmt]
    return subprocess.run(cmd, capture_output=True, text=True).stdout
"#;

    fn confidence_of(src: &str) -> Vec<(u32, crate::model::Confidence, String)> {
        crate::rules::mcp_auth::findings_for("AIR106", &[("tools.py", src)])
            .into_iter()
            .map(|f| {
                let steps: Vec<String> = f.path.iter().map(|s| s.label.clone()).collect();
                (f.location.line, f.confidence, steps.join(" | "))
            })
            .collect()
    }

    const SHARED_RUNNER: &str = r#"import os
import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("device")


def bridge(args):
    return subprocess.run(["devbridge", *args], capture_output=True, text=True).stdout


@mcp.tool()
def open_link(link: str) -> str:
    return bridge(["open", link])


@mcp.tool()
def start_app(pkg: str) -> str:
    return bridge(["apps", "start", pkg])


@mcp.tool()
def open_web_link(link: str) -> str:
    any_scheme = os.environ.get("ANY_SCHEME") == "1"
    if not any_scheme and not link.startswith(("http://", "https://")):
        raise ValueError("only web links")
    return subprocess.run(["xdg-open", link], capture_output=True, text=True).stdout


@mcp.tool()
def open_any(link: str) -> str:
    return subprocess.run(["xdg-open", link], capture_output=True, text=True).stdout
"#;

    #[test]
    fn every_source_reaching_one_place_is_listed_with_its_one_finding() {
        let found = crate::rules::mcp_auth::findings_for("AIR106", &[("tools.py", SHARED_RUNNER)]);
        let at: Vec<u32> = found.iter().map(|f| f.location.line).collect();
        // The runner once, and the unchecked `xdg-open` once; the checked one not at all.
        assert_eq!(at, [10, 33], "{found:#?}");
        let runner = &found[0];
        assert!(runner.path[0].label.contains("`link`"), "{runner:#?}");
        assert_eq!(runner.also.len(), 1, "{runner:#?}");
        let other = &runner.also[0];
        assert!(other[0].label.contains("`pkg`") && other[0].label.contains("`start_app`"));
        assert_eq!(other.last().map(|s| s.kind), Some(StepKind::Sink));
        assert_eq!(other.last().map(|s| s.location.line), Some(10));
        assert!(crate::diagnostics::also_reached(runner).contains("`start_app`"));
        assert!(found[1].also.is_empty());
        // Without the check, the switch alone guards nothing.
        let unchecked = SHARED_RUNNER.replace(
            "if not any_scheme and not link.startswith((\"http://\", \"https://\")):",
            "if not any_scheme and not link:",
        );
        let again = lines("AIR106", &[("tools.py", &unchecked)], "tools.py");
        assert_eq!(again, [10, 28, 33]);
    }

    #[test]
    fn an_argument_right_after_a_literal_option_is_less_certain_and_says_why() {
        let out = confidence_of(AFTER_FLAG);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].1, crate::model::Confidence::Medium);
        assert!(
            out[0].2.contains("follows the option \"-n\""),
            "{}",
            out[0].2
        );
        // Without the option in front, the element is where options are read: certain.
        let bare = AFTER_FLAG.replace("\"-n\", fmt", "fmt");
        let out = confidence_of(&bare);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].1, crate::model::Confidence::High);
        // Words split from the model's text after an option: only the first is its value.
        let split = AFTER_FLAG.replace(
            "cmd = [\"git\", \"log\", \"-n\", fmt]",
            "cmd = [\"git\", \"log\", \"--grep\"] + terms.split()",
        );
        let out = confidence_of(&split);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].1, crate::model::Confidence::High);
        assert!(!out[0].2.contains("follows the option"), "{}", out[0].2);
    }

    #[test]
    fn checks_over_every_element_of_a_list_clean_it() {
        let split = AFTER_FLAG.replace(
            "    cmd = [\"git\", \"log\", \"-n\", fmt]\n",
            "    words = terms.split()\n    cmd = [\"git\", \"log\", \"--grep\"] + words\n",
        );
        assert_eq!(lines("AIR106", &[("tools.py", &split)], "tools.py"), [11]);
        let dash = split.replace(
            "    cmd = [",
            "    if any(w.startswith(\"-\") for w in words):\n        raise ValueError(\"no options\")\n    cmd = [",
        );
        assert!(lines("AIR106", &[("tools.py", &dash)], "tools.py").is_empty());
        let allowed = split.replace(
            "    cmd = [",
            "    if bad := [w for w in words if w not in KNOWN]:\n        raise ValueError(bad)\n    cmd = [",
        );
        let allowed = allowed.replace("@tool\n", "KNOWN = {\"fix\", \"feat\"}\n\n\n@tool\n");
        assert!(lines("AIR106", &[("tools.py", &allowed)], "tools.py").is_empty());
        // A comprehension keeping the allowed elements is no check.
        let kept = allowed.replace("w not in KNOWN", "w in KNOWN");
        assert!(!lines("AIR106", &[("tools.py", &kept)], "tools.py").is_empty());
    }

    const URLS: &str = r#"import os

import httpx
import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("u")
BASE = os.environ["API_BASE"]
client = httpx.Client(base_url=BASE)


@mcp.tool()
def whole(url: str) -> str:
    return requests.get(url).text


@mcp.tool()
def host(name: str) -> str:
    return requests.get("https://" + name + "/status").text


@mcp.tool()
def glued(path: str) -> str:
    return requests.get(f"https://api.example.test{path}").text


@mcp.tool()
def literal_host(item: str) -> str:
    return requests.get(f"https://api.example.test/items/{item}").text


@mcp.tool()
def configured(item: str) -> str:
    return requests.get(f"{BASE}/items/{item}").text


@mcp.tool()
def relative(item: str) -> str:
    return client.get("items/%s" % item).text


@mcp.tool()
def scheme_only(item: str) -> str:
    return requests.get("https:" + item).text


@mcp.tool()
def tenant(q: str) -> str:
    return requests.get(f"https://{os.environ['TENANT']}.example.test/search?q={q}").text


@mcp.tool()
def speak(text: str) -> str:
    link = requests.post("https://tts.example.test/v1/speech", json={"text": text}).json()["url"]
    return requests.get(link).text


@mcp.tool()
def formatted(host: str) -> str:
    return requests.get("https://%s/status" % host).text
"#;

    #[test]
    fn a_url_is_reported_only_where_the_model_picks_the_server() {
        // The whole URL, a host after a literal scheme, a path glued to the host without a `/`
        // (`@evil.test/` moves the host) and text that may still become a scheme: reported. A
        // literal host up to `/`, a configured base, a relative reference: the model picks a
        // path on a fixed server only; so does a configured value inside the host. The link a
        // fixed server answers with is its own, whatever text the model sent it.
        assert_eq!(
            lines("AIR106", &[("server.py", URLS)], "server.py"),
            [14, 19, 24, 44, 60]
        );
    }

    const GUARDED: &str = r#"import os

import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("g")
ALLOW_PRIVATE = os.environ.get("ALLOW_PRIVATE") == "1"


def refuse_private(url):
    if is_private(url):
        raise ValueError("private address")


def is_private(url):
    return url.startswith("http://10.")


def guard(url):
    if not ALLOW_PRIVATE:
        refuse_private(url)


@mcp.tool()
def fetch(url: str) -> str:
    guard(url)
    return requests.get(url).text
"#;

    #[test]
    fn a_guard_that_hands_the_url_to_a_check_behind_a_switch_is_the_check() {
        assert!(lines("AIR106", &[("server.py", GUARDED)], "server.py").is_empty());
        // A guard that only logs is none.
        let logs = GUARDED.replace("        refuse_private(url)", "        print(url)");
        assert_eq!(lines("AIR106", &[("server.py", &logs)], "server.py"), [27]);
    }

    const FIXED_NAMES: &str = r#"import glob
import os
from pathlib import Path
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("projects")

@mcp.tool()
def metadata(folder: str) -> str:
    return open(os.path.join(folder, "pyproject.toml")).read()

@mcp.tool()
def readme(folder: str) -> str:
    return (Path(folder) / "README.md").read_text()

@mcp.tool()
def any_file(folder: str, name: str) -> str:
    return open(os.path.join(folder, name)).read()

@mcp.tool()
def configs(folder: str) -> list:
    return glob.glob(os.path.join(folder, "*.toml"))

@mcp.tool()
def climb(folder: str) -> str:
    return open(os.path.join(folder, "..")).read()

@mcp.tool()
def notes(folder: str, text: str) -> None:
    open(os.path.join(folder, "NOTES.txt"), "w").write(text)
"#;

    #[test]
    fn a_read_of_one_fixed_file_name_in_the_models_folder_is_not_reported() {
        // `metadata` and `readme` open only a file of one name; the model's own name, a glob,
        // `..`, and a write of a fixed name stay reported.
        assert_eq!(
            lines("AIR106", &[("server.py", FIXED_NAMES)], "server.py"),
            [18, 22, 26, 30]
        );
    }

    const BUILDER: &str = r#"import os
import requests
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("bridge")
BASE = os.environ["API_BASE"]
TEMPLATE = os.environ.get("ITEM_PATH", "/items/{id}")

def build_url(base_url: str, path: str, query: str = "") -> str:
    url = base_url + path
    if query:
        url += "?" + query
    return url

@mcp.tool()
def get_item(item_id: str) -> str:
    return requests.get(build_url(BASE, TEMPLATE.replace("{id}", item_id))).text

@mcp.tool()
def get_any(host: str, item_id: str) -> str:
    return requests.get(build_url(host, TEMPLATE.replace("{id}", item_id))).text
"#;

    #[test]
    fn a_url_builder_leaves_the_server_to_whoever_passes_its_base() {
        // `build_url` returns `base_url + path`: the configured base fixes the server; the
        // model's host does not.
        assert_eq!(
            lines("AIR106", &[("server.py", BUILDER)], "server.py"),
            [21]
        );
        // A builder that rewrites its base before building is not read as led by it.
        let rewritten = BUILDER.replace(
            "    url = base_url + path\n",
            "    base_url = path\n    url = base_url + path\n",
        );
        assert_eq!(
            lines("AIR106", &[("server.py", &rewritten)], "server.py"),
            [18, 22]
        );
    }

    const ROUTES: &str = r#"import subprocess

from fastapi import Depends, FastAPI, Request

app = FastAPI()


def runner() -> str:
    return "sh"


@app.post("/build")
async def build(target: str, shell: str = Depends(runner)) -> str:
    subprocess.run(shell, shell=True)
    return subprocess.run(f"make {target}", shell=True, capture_output=True, text=True).stdout


@app.post("/status")
async def status(request: Request) -> str:
    return subprocess.run(request.app.state.status_cmd, shell=True, text=True).stdout


@app.get("/notes/{name}")
async def note(name: str) -> str:
    return open(f"/srv/notes/{name}").read()


def not_a_route(command: str) -> str:
    return subprocess.run(command, shell=True, text=True).stdout
"#;

    #[test]
    fn an_http_route_parameter_is_the_clients_but_not_what_the_framework_fills() {
        // `target` is the client's; `shell` comes from a dependency, the `Request` object
        // holds the server's state too (closed), and a plain function is no entry.
        let out = crate::rules::testing::findings("AIR106", &[("app.py", ROUTES)]);
        let at: Vec<u32> = out.iter().map(|f| f.1).collect();
        assert_eq!(at, [15], "{out:?}");
        assert!(
            out[0].2.contains("caller-controlled argument `target`"),
            "{}",
            out[0].2
        );
        assert!(
            out[0].2.contains("HTTP route `POST /build`"),
            "{}",
            out[0].2
        );
    }

    #[test]
    fn an_http_route_is_followed_to_code_and_shell_sinks_only() {
        // The path read at line 25 is not reported from a route (`entries.toml` `kinds`);
        // the same body as a tool would be.
        let out = crate::rules::testing::findings("AIR106", &[("app.py", ROUTES)]);
        assert!(out.iter().all(|f| f.1 != 25), "{out:?}");
    }

    const HOOK: &str = r#"import sqlite3

from llama_index.core.retrievers import BaseRetriever


class TitleRetriever(BaseRetriever):
    def __init__(self, path, table):
        super().__init__()
        self._conn = sqlite3.connect(path)
        self._table = table

    def _retrieve(self, query_bundle, table_override=None):
        table = table_override or self._table
        self._conn.execute(f"SELECT * FROM {table} WHERE 1")
        return self._conn.execute(f"SELECT * FROM docs WHERE title = '{query_bundle.query_str}'").fetchall()

    def helper(self, text):
        return self._conn.execute(f"SELECT * FROM docs WHERE title = '{text}'").fetchall()
"#;

    #[test]
    fn a_framework_hook_carries_outside_content_only_in_the_parameters_it_names() {
        // `_retrieve`'s `query_bundle` is whoever asks the retriever; its other parameter and a
        // method the framework does not call are not entries.
        let out = crate::rules::testing::findings("AIR106", &[("retriever.py", HOOK)]);
        let at: Vec<u32> = out.iter().map(|f| f.1).collect();
        assert_eq!(at, [15], "{out:?}");
        assert!(
            out[0].2.contains("`TitleRetriever._retrieve`"),
            "{}",
            out[0].2
        );
        // Without the framework base it is a plain class: nothing is an entry.
        let plain = HOOK.replace("(BaseRetriever)", "");
        assert!(crate::rules::testing::findings("AIR106", &[("retriever.py", &plain)]).is_empty());
    }

    const EXPRESS: &str = r#"import express from "express";
import { exec } from "node:child_process";

const app = express();

app.post("/convert", (req, res) => {
  exec(`convert ${req.body.file} out.pdf`, (err, out) => res.send(out));
});

export async function POST(request) {
  const { cmd } = await request.json();
  exec(cmd);
}
"#;

    #[test]
    fn javascript_route_handlers_are_entries() {
        // An Express registration (the request, not the response) and a Next.js route export.
        let out = crate::rules::testing::findings("AIR106", &[("app/api/route.ts", EXPRESS)]);
        let at: Vec<u32> = out.iter().map(|f| f.1).collect();
        assert_eq!(at, [7, 12], "{out:?}");
        assert!(
            out[0].2.contains("HTTP route `POST /convert`"),
            "{}",
            out[0].2
        );
    }

    const FILTERS: &str = r#"import re
import sqlite3

from langchain_core.tools import tool

DB = sqlite3.connect("notes.db")


def _check_key(key: str) -> None:
    if not re.match(r"^[A-Za-z0-9_.-]+$", key):
        raise ValueError("bad filter key")


def _condition(key: str, value):
    _check_key(key)
    if isinstance(value, (int, float)):
        return f"json_extract(body, '$.{key}') = {value}", []
    return f"json_extract(body, '$.{key}') = ?", [value]


@tool
def find_notes(filters: dict) -> list:
    """Find notes whose fields equal the given values."""
    clauses, params = [], []
    for key, value in filters.items():
        clause, args = _condition(key, value)
        clauses.append(clause)
        params.extend(args)
    return DB.execute("SELECT body FROM notes WHERE " + " AND ".join(clauses), params).fetchall()
"#;

    #[test]
    fn a_helper_returning_a_checked_query_and_its_parameters_keeps_the_query_clean() {
        // The query place of `_condition`'s tuple holds only the checked key and a number; its
        // parameters place holds the value, which is bound.
        assert!(lines("AIR106", &[("notes.py", FILTERS)], "notes.py").is_empty());
        // Without the key check, the key is SQL text.
        let unchecked = FILTERS.replace("    _check_key(key)\n", "");
        assert_eq!(
            lines("AIR106", &[("notes.py", &unchecked)], "notes.py"),
            [28]
        );
        // A check that lets quotes through confines nothing.
        let loose = FILTERS.replace(r"^[A-Za-z0-9_.-]+$", r"^[^;]+$");
        assert_eq!(lines("AIR106", &[("notes.py", &loose)], "notes.py"), [29]);
    }

    const FIRST_WORD: &str = r#"import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("r")
KNOWN = ["build", "test"]


def run(command: list[str]) -> str:
    full = command.copy()
    if len(full) > 0 and full[0] in KNOWN:
        program = full[0]
        return subprocess.run([program, "--quiet"], capture_output=True, text=True).stdout
    return ""


@mcp.tool()
def go(words: str) -> str:
    return run(words.split())
"#;

    #[test]
    fn a_list_element_checked_at_its_position_is_clean_where_the_check_held() {
        assert!(lines("AIR106", &[("r.py", FIRST_WORD)], "r.py").is_empty());
        // Without the check, the model's first word is the program.
        let unchecked = FIRST_WORD.replace(" and full[0] in KNOWN", "");
        assert_eq!(lines("AIR106", &[("r.py", &unchecked)], "r.py"), [13]);
        // Another position was checked: the first is not.
        let other = FIRST_WORD.replace("full[0] in KNOWN", "full[1] in KNOWN");
        assert_eq!(lines("AIR106", &[("r.py", &other)], "r.py"), [13]);
        // The list assigned again after the check loses what the check said.
        let again = FIRST_WORD.replace(
            "        program = full[0]\n",
            "        full = command.copy()\n        program = full[0]\n",
        );
        assert_eq!(lines("AIR106", &[("r.py", &again)], "r.py"), [14]);
    }

    const OPTION_VALUES: &str = r#"import subprocess

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("b")


@mcp.tool()
def build(source: str) -> str:
    return subprocess.run(["hugo", "--source", source]).stdout
"#;

    #[test]
    fn a_value_after_a_long_option_is_its_value_and_after_a_switch_an_operand() {
        let confidence = |src: &str| -> Vec<(u32, crate::model::Confidence)> {
            crate::rules::testing::full_findings("AIR106", &[("b.py", src)])
                .iter()
                .map(|f| (f.location.line, f.confidence))
                .collect()
        };
        // The value of `--source`: getopt_long gives it to the option.
        assert!(confidence(OPTION_VALUES).is_empty());
        // After a switch (listed, or a `--no-` negation) the value is an operand for certain.
        for switch in ["--quiet", "--no-cache"] {
            let operand = OPTION_VALUES.replace("--source", switch);
            assert_eq!(
                confidence(&operand),
                [(10, crate::model::Confidence::High)],
                "{switch}"
            );
        }
        // After a short option the finding says it may be the option's value.
        let short = OPTION_VALUES.replace("--source", "-s");
        assert_eq!(confidence(&short), [(10, crate::model::Confidence::Medium)]);
        // The same parameter also standing where no option precedes it: certain.
        let both = OPTION_VALUES.replace(r#""--source", source"#, r#""-s", source, source"#);
        assert_eq!(confidence(&both), [(10, crate::model::Confidence::High)]);
        // A splatted sequence after a long option: only its first element is the value.
        let splat =
            OPTION_VALUES.replace(r#""--source", source"#, r#""--source", *source.split()"#);
        assert_eq!(confidence(&splat), [(10, crate::model::Confidence::High)]);
    }

    const IMPORTS: &str = r#"import importlib

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("m")
ALLOWED = {"math", "json"}


def permitted(name: str) -> bool:
    for part in name.split("."):
        if part not in ALLOWED:
            return False
    return True


@mcp.tool()
def load(name: str) -> str:
    if permitted(name):
        return repr(importlib.import_module(name))
    return "refused"
"#;

    #[test]
    fn a_module_name_import_is_its_own_kind_and_no_route_is_followed_to_it() {
        // From a tool: reported, as an import (high), not as code execution.
        let negated = IMPORTS.replace("    if permitted(name):", "    if not permitted(name):");
        let out = crate::rules::testing::full_findings("AIR106", &[("m.py", &negated)]);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(
            out[0].message.contains("(module_import)"),
            "{}",
            out[0].message
        );
        assert_eq!(out[0].severity, crate::model::Severity::High);
        // From an HTTP route: a client naming a module to import is not followed.
        let route = "import importlib\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post(\"/load\")\ndef load(name: str) -> str:\n    return repr(importlib.import_module(name))\n";
        assert!(lines("AIR106", &[("app.py", route)], "app.py").is_empty());
        let evaluated = route.replace("importlib.import_module(name)", "eval(name)");
        assert_eq!(lines("AIR106", &[("app.py", &evaluated)], "app.py"), [10]);
    }

    #[test]
    fn a_helper_answering_membership_guards_the_branch_it_allows() {
        assert!(lines("AIR106", &[("m.py", IMPORTS)], "m.py").is_empty());
        // The branch where the helper said no is not guarded.
        let negated = IMPORTS.replace("    if permitted(name):", "    if not permitted(name):");
        assert_eq!(lines("AIR106", &[("m.py", &negated)], "m.py"), [19]);
        // A deny-list answers no for the few names it knows, yes for all others.
        let deny = IMPORTS.replace("part not in ALLOWED", "part in ALLOWED");
        assert_eq!(lines("AIR106", &[("m.py", &deny)], "m.py"), [19]);
        // A literal looked for inside the name is a search, not a membership answer.
        let search = IMPORTS.replace("part not in ALLOWED", "\"os\" not in part");
        assert_eq!(lines("AIR106", &[("m.py", &search)], "m.py"), [19]);
    }
}

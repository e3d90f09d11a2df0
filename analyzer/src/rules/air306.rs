//! AIR306 mcp-misleading-tool-annotations: an MCP tool's annotations understate what its body
//! does (frameworks.md §4.4). `readOnlyHint: true` on a body that modifies its environment and
//! `destructiveHint: false` on a body that destroys are contradictions (high); a destructive
//! body with no annotations at all is reported low, since the specification's defaults
//! (`readOnlyHint: false`, `destructiveHint: true`) already read it as destructive. What counts
//! as modifying or destructive is data (`[mcp_annotations]` in `rules/knowledge/mcp.toml`);
//! bodies airlock cannot classify are not judged.

use super::context::Ctx;
use super::RuleMeta;
use crate::extract::body::CapHit;
use crate::extract::interp::Value;
use crate::facts::mcp_server::ServerTool;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR306",
    name: "mcp-misleading-tool-annotations",
    summary: "an MCP tool's annotations understate what its body does",
    default_severity: Severity::Medium,
    implemented: true,
    docs: doc!("AIR306"),
};

/// How a sink call changes the tool's environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Effect {
    Modifies,
    Destroys,
    /// Destroys, by what the code lets the model choose (a write over the file the model
    /// names) or by the verb a built query starts with: judged against a `destructiveHint:
    /// false` the tool declares, not reported as a destructive tool missing its annotations.
    DestroysIfDeclared,
}

/// What AIR306 reports about MCP tool `tool`, whose body reaches `callee` (sink kind `kind`).
pub enum McpMisleadingToolAnnotations {
    /// It declares `hint` (`readOnlyHint: true`, `destructiveHint: false`) but its body `does`.
    Contradiction {
        tool: String,
        hint: &'static str,
        does: &'static str,
        callee: String,
        kind: String,
    },
    /// It destroys and declares no annotations.
    Missing {
        tool: String,
        callee: String,
        kind: String,
    },
}

impl super::Violation for McpMisleadingToolAnnotations {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Contradiction {
                tool,
                hint,
                does,
                callee,
                kind,
            } => format!(
                "MCP tool `{tool}` declares `{hint}` but its body {does}: `{callee}` ({kind})"
            ),
            Self::Missing { tool, callee, kind } => {
                format!("MCP tool `{tool}` reaches `{callee}` ({kind}) and declares no annotations")
            }
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Contradiction { hint, .. } => {
                let read_only = hint.starts_with("readOnly");
                format!(
                    "make the annotations say what the tool does (drop `{hint}`, or set it to {}), or split the {} part into a separate tool",
                    if read_only { "`false`" } else { "`true`" },
                    if read_only { "modifying" } else { "destructive" }
                )
            }
            Self::Missing { .. } => "declare what the tool does: `annotations=ToolAnnotations(read_only_hint=False, destructive_hint=True, ...)` (TypeScript: `annotations: { readOnlyHint: false, destructiveHint: true }`)".to_string(),
        }
    }
}

pub fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for tool in &cx.servers.tools {
        if !tool.body_known {
            continue;
        }
        // Sink calls the model's arguments reach (AIR106's flows), for shell and code sinks,
        // and whether each is certain (not only a value right after a literal option, which is
        // that option's value if the option takes one).
        let hits: Vec<Site> = tool
            .func
            .as_ref()
            .map(|f| {
                cx.body
                    .facts(f)
                    .injections
                    .iter()
                    .filter(|h| {
                        tool.branch.is_none_or(|b| {
                            let s = h.chain.first().map_or(h.sink.span, |c| c.span);
                            s.start >= b.start && s.end <= b.end
                        })
                    })
                    // The model's value among the options of a program the tool fixes
                    // (`argv_option`) is option injection, AIR106's finding: what the tool
                    // runs is still the program it names, whose effect is its own.
                    .filter(|h| h.kind != "argv_option")
                    .map(|h| h.sink)
                    .collect()
            })
            .unwrap_or_default();
        let controlled: Vec<Site> = hits;
        let effects: Vec<(&CapHit, Effect)> = tool
            .sinks
            .iter()
            .filter_map(|s| effect(cx, s, &controlled).map(|e| (s, e)))
            .collect();
        let modifying = effects.first().map(|(s, _)| *s);
        let destroying = effects
            .iter()
            .find(|(_, e)| *e == Effect::Destroys)
            .map(|(s, _)| *s);
        let destroying_declared = destroying.or_else(|| {
            effects
                .iter()
                .find(|(_, e)| *e == Effect::DestroysIfDeclared)
                .map(|(s, _)| *s)
        });
        match &tool.annotations {
            Some(a) if a.known => {
                let vocab = &cx.k.mcp.annotations;
                let runs = |s: &CapHit| {
                    if vocab.when_model_controlled.contains(&s.kind) {
                        Some("runs what the model chooses")
                    } else if vocab.destructive_at_model_path.contains(&s.kind)
                        && controlled.contains(&s.site)
                    {
                        Some("writes over whatever file the model names")
                    } else {
                        None
                    }
                };
                if let (Some(h), Some(s)) = (a.read_only.filter(|h| h.value), modifying) {
                    let does = runs(s).unwrap_or("changes its environment");
                    out.push(contradiction(
                        cx,
                        tool,
                        "readOnlyHint: true",
                        h.site,
                        s,
                        does,
                    ));
                } else if let (Some(h), Some(s)) =
                    (a.destructive.filter(|h| !h.value), destroying_declared)
                {
                    // `destructiveHint` means nothing on a read-only tool; a read-only tool that
                    // destroys is reported above.
                    let does = runs(s).unwrap_or("destroys data");
                    out.push(contradiction(
                        cx,
                        tool,
                        "destructiveHint: false",
                        h.site,
                        s,
                        does,
                    ));
                }
            }
            Some(_) => {}
            None => {
                if let Some(s) = destroying {
                    let violation = McpMisleadingToolAnnotations::Missing {
                        tool: tool.name.clone(),
                        callee: s.callee.clone(),
                        kind: s.kind.clone(),
                    };
                    let path = vec![
                        cx.step(
                            StepKind::Tool,
                            tool.site,
                            format!("MCP tool `{}` has no annotations", tool.name),
                        ),
                        sink_step(cx, s),
                    ];
                    let key = format!("{}|missing", tool.name);
                    out.push(cx.report(
                        &violation,
                        Severity::Low,
                        Confidence::Medium,
                        tool.site,
                        path,
                        &[&key],
                    ));
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn contradiction(
    cx: &Ctx,
    tool: &ServerTool,
    hint: &'static str,
    at: Site,
    sink: &CapHit,
    does: &'static str,
) -> Finding {
    let violation = McpMisleadingToolAnnotations::Contradiction {
        tool: tool.name.clone(),
        hint,
        does,
        callee: sink.callee.clone(),
        kind: sink.kind.clone(),
    };
    let mut path = vec![
        cx.step(
            StepKind::Gate,
            at,
            format!("`{hint}` tells clients the tool is safe to run unasked"),
        ),
        cx.step(
            StepKind::Tool,
            tool.site,
            format!("MCP tool `{}`", tool.name),
        ),
    ];
    path.push(sink_step(cx, sink));
    let key = format!("{}|{hint}", tool.name);
    cx.report(
        &violation,
        Severity::High,
        Confidence::High,
        at,
        path,
        &[&key],
    )
}

fn sink_step(cx: &Ctx, s: &CapHit) -> crate::model::Step {
    cx.step(
        StepKind::Sink,
        s.site,
        format!("`{}` ({})", s.callee, s.kind),
    )
}

/// Whether a sink call modifies or destroys, per `[mcp_annotations]`.
fn effect(cx: &Ctx, s: &CapHit, controlled: &[Site]) -> Option<Effect> {
    let a = &cx.k.mcp.annotations;
    let has = |list: &[String], k: &str| list.iter().any(|x| x == k);
    if has(&a.when_model_controlled, &s.kind) {
        return controlled.contains(&s.site).then_some(Effect::Destroys);
    }
    if s.kind == "sql_exec" {
        // A literal query, or the literal start of one the code builds (`f"DELETE FROM
        // {table} ..."`): the first word is the verb either way.
        let literal = cx
            .body
            .record(s.site)
            .and_then(|r| r.args.first())
            .and_then(Value::as_str)
            .map(str::to_string);
        let built = literal.is_none();
        let query = literal.or_else(|| cx.body.query_lead(s.site))?;
        // What lives and dies with the connection (a temporary table, a session secret) is
        // scratch work: the statement's first words name it (`sql_session_prefixes`).
        let words = query
            .split_whitespace()
            .take(6)
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        if a.sql_session_prefixes.iter().any(|p| {
            words
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        }) {
            return None;
        }
        let verb = query
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // Emptying a temporary table the same function made is scratch work.
        if cx.body.on_temp_table(s.site) {
            return None;
        }
        if has(&a.sql_destructive_verbs, &verb) {
            return Some(if built {
                Effect::DestroysIfDeclared
            } else {
                Effect::Destroys
            });
        }
        // A built query that only writes is not judged: connection setup is often built from
        // configuration (`ATTACH '{path}'`, `SET search_path = {schema}`), and its verb says
        // nothing of what the tool does to stored data.
        return (has(&a.sql_write_verbs, &verb) && !built).then_some(Effect::Modifies);
    }
    // Removing or writing a temporary file the code made itself is housekeeping.
    if (has(&a.destructive, &s.kind) || has(&a.modifying, &s.kind))
        && !controlled.contains(&s.site)
        && cx.body.names_temp_file(s.site, &a.temp_file_makers)
    {
        return None;
    }
    // Removing a file the code names itself (a marker, a lock) or "if it is there" is cleanup,
    // unless the model chooses the path.
    let cleanup = || {
        !controlled.contains(&s.site)
            && (cx.body.names_fixed_file(s.site)
                || cx.body.record(s.site).is_some_and(|r| {
                    r.kwargs
                        .iter()
                        .any(|(k, v)| has(&a.cleanup_kwargs, k) && matches!(v, Value::Bool(true)))
                }))
    };
    if has(&a.destructive, &s.kind) {
        return Some(if cleanup() {
            Effect::Modifies
        } else {
            Effect::Destroys
        });
    }
    if !has(&a.modifying, &s.kind) {
        return None;
    }
    if has(&a.destructive_at_model_path, &s.kind) && controlled.contains(&s.site) {
        return Some(Effect::DestroysIfDeclared);
    }
    let last = s.callee.rsplit('.').next().unwrap_or(&s.callee);
    let words = crate::mcp::knowledge::split_words(last);
    if words.iter().any(|w| has(&a.destructive_words, w))
        || has(&a.destructive_words, &last.to_ascii_lowercase())
    {
        return Some(Effect::Destroys);
    }
    Some(Effect::Modifies)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lines;

    const SERVER: &str = r#"import shutil

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("cache")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def prune(folder: str) -> str:
    """Prune a cache folder."""
    shutil.rmtree(folder)
    return "pruned"
"#;

    #[test]
    fn read_only_on_a_tool_that_deletes_fires_on_the_hint() {
        assert_eq!(lines("AIR306", &[("server.py", SERVER)], "server.py"), [9]);
    }

    #[test]
    fn a_destructive_hint_that_says_so_is_fine() {
        let fixed = SERVER.replace(
            "readOnlyHint=True",
            "readOnlyHint=False, destructiveHint=True",
        );
        assert!(lines("AIR306", &[("server.py", &fixed)], "server.py").is_empty());
    }

    const LOG_SERVER: &str = r#"import subprocess

from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("repo")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def history(fmt: str) -> str:
    return subprocess.run(["git", "log", "--format", fmt], capture_output=True, text=True).stdout
"#;

    fn confidences(src: &str) -> Vec<crate::model::Confidence> {
        crate::rules::mcp_auth::findings_for("AIR306", &[("server.py", src)])
            .into_iter()
            .map(|f| f.confidence)
            .collect()
    }

    #[test]
    fn options_of_a_fixed_program_are_not_the_tool_running_what_the_model_chooses() {
        // `git log --format <fmt>` and `git log <fmt>`: the model's value may be an option of
        // git (AIR106 reports the option injection); the tool still runs `git log`.
        assert!(confidences(LOG_SERVER).is_empty());
        let bare = LOG_SERVER.replace("\"--format\", fmt", "fmt");
        assert!(confidences(&bare).is_empty());
        // The model names the program: the read-only tool runs what the model chooses.
        let program = LOG_SERVER.replace("[\"git\", \"log\", \"--format\", fmt]", "[fmt, \"log\"]");
        assert_eq!(confidences(&program), [crate::model::Confidence::High]);
    }

    const EXPORT_SERVER: &str = r#"from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("ledger")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False))
def export(target: str, rows: str) -> str:
    with open(target, "w") as fh:
        fh.write(rows)
    return "written"
"#;

    #[test]
    fn a_write_where_the_model_chooses_is_destructive() {
        // Writing over the file the model names destroys what it held.
        assert_eq!(
            lines("AIR306", &[("server.py", EXPORT_SERVER)], "server.py"),
            [7]
        );
        // The same write to a file the server fixes only adds data: `destructiveHint=False`
        // says nothing wrong.
        let fixed = EXPORT_SERVER
            .replace(
                "def export(target: str, rows: str)",
                "def export(rows: str)",
            )
            .replace("open(target, ", "open(\"/var/lib/ledger/export.csv\", ");
        assert!(lines("AIR306", &[("server.py", &fixed)], "server.py").is_empty());
    }

    const CATALOG_SERVER: &str = r#"import os

import duckdb
from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations

mcp = FastMCP("catalog")
SOURCE = os.environ.get("CATALOG_DB", "s3://bucket/catalog.duckdb")


def connect():
    conn = duckdb.connect(":memory:")
    conn.execute(f"ATTACH '{SOURCE}' AS src (READ_ONLY)")
    conn.execute("CREATE TEMP TABLE recent AS SELECT * FROM src.items LIMIT 100")
    return conn


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def list_items() -> list:
    return connect().execute("SELECT name FROM recent").fetchall()
"#;

    #[test]
    fn session_setup_is_not_a_change_but_a_built_delete_is() {
        // Attaching a source and filling a temporary table last as long as the connection.
        assert!(lines("AIR306", &[("server.py", CATALOG_SERVER)], "server.py").is_empty());
        // A statement the code builds still says by its first word that it deletes.
        let purge = CATALOG_SERVER.replace(
            "    return connect().execute(\"SELECT name FROM recent\").fetchall()",
            "    table = \"items\"\n    return connect().execute(f\"DELETE FROM {table} WHERE stale\").fetchall()",
        );
        assert_eq!(lines("AIR306", &[("server.py", &purge)], "server.py"), [18]);
    }

    const REGISTRY: &str = r#"import { FastMCP } from "fastmcp";
import { rm } from "node:fs/promises";

const tools = [
  {
    name: "purge",
    description: "Purge the cache.",
    annotations: { readOnlyHint: true },
    execute: async () => {
      await rm("/var/cache/app", { recursive: true });
      return "ok";
    },
  },
];

const server = new FastMCP({ name: "cache", version: "1.0.0" });
tools.forEach((t) => server.addTool(t));
"#;

    #[test]
    fn each_record_of_a_list_registered_with_for_each_is_a_tool() {
        assert_eq!(
            lines("AIR306", &[("server.ts", REGISTRY)], "server.ts"),
            [8]
        );
    }

    #[test]
    fn a_record_registered_in_a_loop_that_says_it_deletes_is_fine() {
        let fixed = REGISTRY.replace("readOnlyHint: true", "destructiveHint: true");
        assert!(lines("AIR306", &[("server.ts", &fixed)], "server.ts").is_empty());
    }
}

//! Bad input never crashes the run: broken, hostile and oversized files each give a notice
//! naming them while the genuine finding in the project is still reported, and airlock never
//! prints a secret it reads. Each test runs the real binary with a time limit.

mod support;

use serde_json::Value;
use std::path::Path;
use support::{repo_root, run_airlock, Run, TempDir};

/// A real finding that must survive the bad files around it.
const VULNERABLE: &str = "corpus/langgraph/air201-python-repl-analyst-vulnerable/analyst.py";

/// A minimal agent that runs model-written Python (AIR201).
const TINY_VULNERABLE: &str = "\
from langchain_experimental.tools import PythonREPLTool
from langgraph.prebuilt import create_react_agent

analyst = create_react_agent(\"openai:gpt-4.1\", [PythonREPLTool()])
";

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

/// `a: &a [x × 9]`, then eight more levels each holding nine aliases of the previous one:
/// 9^9 leaves if anything expanded it.
fn yaml_alias_bomb() -> String {
    let mut text = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        text.push_str(&format!("{0}: &{0} [{refs}]\n", pair[1]));
    }
    text
}

fn check_json(dir: &Path) -> Run {
    let r = run_airlock([
        Path::new("check"),
        dir,
        Path::new("--format"),
        Path::new("json"),
    ]);
    r.assert_no_crash();
    r
}

/// `(line, message)` of every notice about `path`.
fn notices_for(json: &Value, path: &str) -> Vec<(u64, String)> {
    json["notices"]
        .as_array()
        .expect("`notices` is an array")
        .iter()
        .filter(|n| n["path"] == path)
        .map(|n| {
            (
                n["line"].as_u64().expect("notice line"),
                n["message"].as_str().expect("notice message").to_string(),
            )
        })
        .collect()
}

/// Asserts that some notice about `path` says one of `words`, and returns the notices.
fn assert_notice(json: &Value, path: &str, words: &[&str]) -> Vec<(u64, String)> {
    let found = notices_for(json, path);
    assert!(
        found
            .iter()
            .any(|(_, m)| words.iter().any(|w| m.to_lowercase().contains(w))),
        "no notice about {path} saying one of {words:?}; notices: {:#}",
        json["notices"]
    );
    found
}

fn findings_in(json: &Value) -> Vec<(String, String)> {
    json["findings"]
        .as_array()
        .expect("`findings` is an array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_string(),
                f["location"]["path"].as_str().expect("path").to_string(),
            )
        })
        .collect()
}

#[test]
fn bad_input_gives_notices_and_the_real_finding_survives() {
    let dir = TempDir::new("robust");
    let analyst = std::fs::read(repo_root().join(VULNERABLE)).expect("read the corpus case");
    dir.write("analyst.py", &analyst);

    // Syntax errors: the error sits on line 4.
    dir.write(
        "broken.py",
        "import os\n\nHOME = os.environ.get(\"HOME\")\nx = = 2\n",
    );
    // Latin-1 bytes on line 2.
    dir.write("latin1.py", b"a = 1\nb = 'caf\xe9'\n");
    // Deep expressions of several shapes, each 50,000 levels.
    let depth = 50_000;
    dir.write(
        "deep_parens.py",
        format!("x = {}\n", nested("(", "1", ")", depth)),
    );
    dir.write(
        "deep_lists.py",
        format!("x = {}\n", nested("[", "1", "]", depth)),
    );
    dir.write(
        "deep_calls.py",
        format!("x = {}\n", nested("f(", "1", ")", depth)),
    );
    dir.write(
        "deep_dicts.py",
        format!("x = {}\n", nested("{1: ", "1", "}", depth)),
    );
    dir.write("deep_attrs.py", format!("x = a{}\n", ".b".repeat(depth)));
    dir.write(
        "deep_subscripts.py",
        format!("x = a{}\n", "[0]".repeat(depth)),
    );
    dir.write("deep_binops.py", format!("x = 1{}\n", " + 1".repeat(depth)));
    dir.write("deep_not.py", format!("x = {}y\n", "not ".repeat(depth)));
    // A module of 1,000 nested `if` blocks (one space of indentation each).
    let blocks: String = (0..1000)
        .map(|i| format!("{}if x:\n", " ".repeat(i)))
        .collect();
    dir.write(
        "deep_blocks.py",
        format!("{blocks}{}pass\n", " ".repeat(1000)),
    );
    // An unreadable file.
    let locked = dir.write("locked.py", "SECRET_PLAN = 1\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))
            .expect("chmod 000");
    }
    // Root (or CAP_DAC_OVERRIDE) reads through chmod 000: then only "no crash" is checked.
    let unreadable = std::fs::read(&locked).is_err();
    // YAML: an alias bomb, 100,000 nested block sequences, 100,000 nested flow sequences.
    dir.write("bomb.yaml", yaml_alias_bomb());
    dir.write("deep_block.yaml", format!("{}x\n", "- ".repeat(100_000)));
    dir.write(
        "deep_flow.yaml",
        format!("{}\n", nested("[", "", "]", 100_000)),
    );
    // 3 MB of binary named `.py`.
    let blob: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    dir.write("blob.py", &blob);
    // JSON: 100,000 nested arrays.
    dir.write("deep.json", nested("[", "", "]", 100_000));

    let r = check_json(dir.path());
    assert_eq!(
        r.code(),
        1,
        "the AIR201 finding in analyst.py must still be reported; stderr:\n{}",
        r.stderr
    );
    let json = r.json();
    assert_eq!(
        findings_in(&json),
        [("AIR201".to_string(), "analyst.py".to_string())]
    );
    assert!(
        notices_for(&json, "analyst.py").is_empty(),
        "{:#}",
        json["notices"]
    );

    let broken = assert_notice(&json, "broken.py", &["syntax error"]);
    assert!(
        broken.iter().any(|(line, _)| *line == 4),
        "the syntax error is on line 4: {broken:?}"
    );
    let latin = assert_notice(&json, "latin1.py", &["utf-8"]);
    assert!(latin.iter().any(|(line, _)| *line == 2), "{latin:?}");
    assert_notice(&json, "blob.py", &["binary"]);
    assert_notice(&json, "bomb.yaml", &["alias bomb"]);
    for deep in [
        "deep_parens.py",
        "deep_lists.py",
        "deep_calls.py",
        "deep_dicts.py",
        "deep_attrs.py",
        "deep_subscripts.py",
        "deep_not.py",
        "deep_block.yaml",
        "deep_flow.yaml",
        "deep.json",
    ] {
        assert_notice(&json, deep, &["nested", "nesting", "depth", "deep"]);
    }
    // A long operator chain is flat in the IR, not nested: it is analysed, with no notice.
    assert!(
        notices_for(&json, "deep_binops.py").is_empty(),
        "{:#}",
        json["notices"]
    );
    // Deep indentation: either the parser's own error or the depth cap, but a notice.
    assert!(
        !notices_for(&json, "deep_blocks.py").is_empty(),
        "{:#}",
        json["notices"]
    );
    if unreadable {
        assert_notice(&json, "locked.py", &["cannot read", "permission denied"]);
    } else {
        eprintln!("running with permission override (root?): chmod 000 assertions skipped");
    }
    // Every notice is also a warning line on stderr, and nothing else is said there.
    for n in json["notices"].as_array().expect("notices") {
        let path = n["path"].as_str().expect("path");
        assert!(
            r.stderr.contains(&format!("warning: {path}")),
            "notice for {path} missing from stderr:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.lines().all(|l| l.starts_with("warning: ")),
        "stderr holds more than notices:\n{}",
        r.stderr
    );
}

#[test]
fn a_syntax_error_does_not_hide_the_rest_of_the_file() {
    let dir = TempDir::new("midedit");
    let mut text = std::fs::read_to_string(repo_root().join(VULNERABLE)).expect("read case");
    let error_line = text.lines().count() + 3;
    text.push_str("\n\ndef half_written(:\n    pass\n");
    dir.write("analyst.py", text);
    let r = check_json(dir.path());
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_eq!(
        findings_in(&json),
        [("AIR201".to_string(), "analyst.py".to_string())]
    );
    let notes = assert_notice(&json, "analyst.py", &["syntax error"]);
    assert!(
        notes.iter().any(|(line, _)| *line as usize == error_line),
        "expected a notice on line {error_line}: {notes:?}"
    );
}

#[test]
fn files_over_the_size_cap_are_skipped_with_a_notice() {
    let dir = TempDir::new("sizecap");
    dir.write("airlock.toml", "max-file-size = 1000\n");
    dir.write("small.py", TINY_VULNERABLE);
    let padding = "# padding to push this file over the configured cap\n".repeat(40);
    dir.write("big.py", format!("{TINY_VULNERABLE}{padding}"));
    let r = check_json(dir.path());
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_eq!(
        findings_in(&json),
        [("AIR201".to_string(), "small.py".to_string())],
        "big.py is skipped, small.py is analysed"
    );
    assert_notice(&json, "big.py", &["too large"]);
    assert!(notices_for(&json, "small.py").is_empty());
}

#[test]
fn an_alias_bomb_alone_is_cheap() {
    let dir = TempDir::new("bomb");
    dir.write("config.yaml", yaml_alias_bomb());
    let r = check_json(dir.path());
    assert_eq!(r.code(), 0, "stderr:\n{}", r.stderr);
    assert!(
        r.stderr
            .contains("config.yaml:1: yaml aliases would expand to"),
        "the bomb is named: {}",
        r.stderr
    );
    assert!(
        r.elapsed.as_secs() < 20,
        "an alias bomb took {:?}",
        r.elapsed
    );
}

/// Pipes, devices and link loops: reading any of them would block or never end.
#[cfg(unix)]
#[test]
fn pipes_devices_and_link_loops_do_not_hang_the_run() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("special");
    let analyst = std::fs::read(repo_root().join(VULNERABLE)).expect("read the corpus case");
    dir.write("analyst.py", &analyst);
    let fifo = dir.path().join("pipe.py");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    symlink("/dev/zero", dir.path().join("zero.py")).expect("link to /dev/zero");
    symlink("/dev/urandom", dir.path().join("random.yaml")).expect("link to /dev/urandom");
    std::fs::create_dir_all(dir.path().join("pkg")).expect("mkdir");
    symlink(dir.path(), dir.path().join("pkg/loop")).expect("link loop");
    symlink("missing.py", dir.path().join("dangling.py")).expect("dangling link");

    let r = check_json(dir.path());
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_eq!(
        findings_in(&json),
        [("AIR201".to_string(), "analyst.py".to_string())]
    );
    assert_notice(&json, "dangling.py", &["broken", "no such file"]);

    if made_fifo {
        // Named explicitly, a pipe is refused rather than read.
        let r = run_airlock([
            Path::new("check"),
            &fifo,
            &dir.path().join("analyst.py"),
            Path::new("--format"),
            Path::new("json"),
        ]);
        assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
        let json = r.json();
        let refused = json["notices"]
            .as_array()
            .expect("notices")
            .iter()
            .any(|n| {
                n["path"].as_str().is_some_and(|p| p.ends_with("pipe.py"))
                    && n["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("not a regular file"))
            });
        assert!(refused, "{:#}", json["notices"]);
    }
}

/// A refused path inside the scanned root is named relative to it, like every other notice,
/// so no report carries the machine's absolute paths.
#[cfg(unix)]
#[test]
fn refused_explicit_paths_are_named_relative_to_the_root() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("refused");
    let analyst = std::fs::read(repo_root().join(VULNERABLE)).expect("read the corpus case");
    dir.write("analyst.py", &analyst);
    symlink("/dev/zero", dir.path().join("zero.py")).expect("link to /dev/zero");
    for format in ["json", "sarif"] {
        let r = run_airlock([
            Path::new("check"),
            &dir.path().join("zero.py"),
            &dir.path().join("analyst.py"),
            Path::new("--format"),
            Path::new(format),
        ]);
        assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
        let out = String::from_utf8_lossy(&r.stdout);
        let abs = dir.path().to_string_lossy();
        assert!(
            !out.contains(abs.as_ref()),
            "{format} output names the absolute path {abs}:\n{out}"
        );
        if format == "json" {
            assert_notice(&r.json(), "zero.py", &["not a regular file"]);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Secrets.

/// Every secret below contains this marker; no output may contain it.
const MARKER: &str = "AIRLOCKTESTSECRET";

const SETTINGS_PY: &str = r#""""Runtime settings for the billing desk."""
import os

OPENAI_API_KEY = "sk-proj-AIRLOCKTESTSECRET0a1b2c3d4e5f6g7h8i9j0k"
DOTENV_DEFAULTS = "STRIPE_SECRET_KEY=sk_live_AIRLOCKTESTSECRET51Hx9\nDB_PASSWORD=AIRLOCKTESTSECRET-pw"
MODEL = os.environ.get("BILLING_MODEL", "openai:gpt-4.1")
"#;

/// An agent with a real AIR101 finding; the secret sits well away from the finding's lines.
const AGENT_PY: &str = r#"import stripe
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_openai import ChatOpenAI
from langchain_tavily import TavilySearch

from app.settings import MODEL, OPENAI_API_KEY

stripe.api_key = "sk_live_AIRLOCKTESTSECRETstripeKey123456"
WEBHOOK_SECRET = "whsec_AIRLOCKTESTSECRET"

# Refunds are issued by the agent after it reads the merchant's policy on the web.


@tool
def issue_refund(charge_id: str, amount_cents: int) -> str:
    """Refund part or all of a card charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"refund {refund.id} is {refund.status}"


agent = create_agent(
    ChatOpenAI(model=MODEL, api_key=OPENAI_API_KEY),
    tools=[TavilySearch(max_results=3), issue_refund],
    system_prompt="You are the billing desk.",
)
"#;

#[test]
fn no_output_prints_a_secret_it_read() {
    let dir = TempDir::new("secrets");
    dir.write("app/__init__.py", "");
    dir.write("app/settings.py", SETTINGS_PY);
    dir.write("app/agent.py", AGENT_PY);
    // A syntax error on the very line holding a secret: the notice names the line only.
    dir.write(
        "app/broken.py",
        "import os\nAWS_SECRET_ACCESS_KEY = \"wJalrXUtnFEMI/AIRLOCKTESTSECRET\" +\n",
    );
    // Non-UTF-8 next to a secret.
    dir.write(
        "app/legacy.py",
        b"TOKEN = 'AIRLOCKTESTSECRET-legacy'\nname = 'caf\xe9'\n".as_slice(),
    );
    dir.write(
        "deploy/config.yaml",
        "github_token: ghp_AIRLOCKTESTSECRETyaml\nbroken: [\n",
    );
    dir.write(
        "deploy/settings.json",
        "{\"api_key\": \"AIRLOCKTESTSECRET-json\", }",
    );
    dir.write(".env", "OPENAI_API_KEY=sk-proj-AIRLOCKTESTSECRETdotenv\n");

    for format in ["text", "concise", "json", "sarif"] {
        let r = run_airlock([
            Path::new("check"),
            dir.path(),
            Path::new("--format"),
            Path::new(format),
            Path::new("--no-color"),
        ]);
        r.assert_no_crash();
        assert_eq!(r.code(), 1, "{format}: stderr:\n{}", r.stderr);
        let out = String::from_utf8_lossy(&r.stdout);
        assert!(
            out.contains("AIR101"),
            "{format}: the refund finding is reported:\n{out}"
        );
        assert!(
            !out.contains(MARKER),
            "{format} output prints a secret:\n{out}"
        );
        assert!(
            !r.stderr.contains(MARKER),
            "{format} stderr prints a secret:\n{}",
            r.stderr
        );
        // The broken files are named, so the test would notice if their text were shown.
        assert!(r.stderr.contains("app/broken.py:2"), "{}", r.stderr);
        assert!(r.stderr.contains("app/legacy.py:2"), "{}", r.stderr);
        if format == "text" {
            // Code frames of app/agent.py are printed, just not the lines holding secrets.
            assert!(out.contains("def issue_refund("), "{out}");
        }
    }
}

/// Hostile MCP servers: multi-megabyte descriptions full of invisible characters and escapes,
/// invalid escapes (lone UTF-16 surrogates, code points past U+10FFFF, unknown `\N{...}` names,
/// truncated `\u`), deep nesting in annotations and schemas, thousands of registrations. The run
/// ends in time, names the nesting, and still reports what the descriptions hold.
#[test]
fn hostile_mcp_servers_are_analysed_in_time() {
    let dir = TempDir::new("hostile-mcp");
    let zw = "\\u200b".repeat(300_000);
    let important = "<IMPORTANT>".repeat(20_000);
    let many: String = (0..2_000)
        .map(|i| {
            format!(
                "@mcp.tool()\ndef t{i}(q: str) -> str:\n    \"\"\"Tool {i}.\"\"\"\n    return q\n"
            )
        })
        .collect();
    dir.write(
        "server.py",
        format!(
            "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(\"x\")\n\n\
@mcp.tool(description=\"{zw}{important}\\N{{NOT A NAME}}\\N{{\\ud800\\U0011ffff\\u12\")\n\
def a(p: str) -> str:\n    return p\n\n{many}"
        ),
    );
    dir.write(
        "nested.py",
        format!(
            "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(\"y\")\n\n\
@mcp.tool(annotations={})\ndef b() -> None:\n    pass\n",
            nested("{\"readOnlyHint\": ", "True", "}", 5_000)
        ),
    );
    let mcp_import = "import { McpServer } from \"@modelcontextprotocol/sdk/server/mcp.js\";\n\
const server = new McpServer({ name: \"x\", version: \"1\" });\n";
    dir.write(
        "server.ts",
        format!(
            "{mcp_import}server.registerTool(\"t\", {{ description: \"{lone}\\u{{110000}}\\u{{\\u12{zw}\", title: `{tmpl}` }}, \
async () => ({{ content: [] }}));\n",
            lone = "\\uD800".repeat(100_000),
            zw = "\\u200B".repeat(1_000),
            tmpl = "${x}".repeat(10_000),
        ),
    );
    dir.write(
        "nested.ts",
        format!(
            "{mcp_import}server.registerTool(\"n\", {{ annotations: {}, inputSchema: {} }}, async () => ({{ content: [] }}));\n",
            nested("{ readOnlyHint: ", "true", "}", 5_000),
            nested("z.object({ a: ", "z.string()", "})", 5_000),
        ),
    );
    let r = check_json(dir.path());
    assert!(
        r.elapsed.as_secs() < 60,
        "hostile MCP servers took {:?}",
        r.elapsed
    );
    assert!(matches!(r.code(), 0 | 1), "stderr:\n{}", r.stderr);
    let json = r.json();
    let findings = findings_in(&json);
    for file in ["server.py", "server.ts"] {
        assert!(
            findings.contains(&("AIR305".to_string(), file.to_string())),
            "{file}: {findings:?}"
        );
    }
    assert_notice(&json, "nested.py", &["nested deeper"]);
    assert_notice(&json, "nested.ts", &["nested deeper"]);
}

/// The rest of issue 10's hostile-input list: 100,000 levels in TypeScript and Python, a
/// gigantic line, NUL bytes past the binary sniff, a UTF-16 file, a symlink out of the scanned
/// root (not followed), an unreadable folder, and a 2 GB sparse file (skipped by the size cap).
/// Each gives a notice or is analysed, the real finding survives, and two runs print the same
/// bytes with the same exit code.
#[cfg(unix)]
#[test]
fn more_hostile_input_and_deterministic_output() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = TempDir::new("hostile");
    let outside = TempDir::new("outside");
    dir.write("analyst.py", TINY_VULNERABLE);
    let depth = 100_000;
    dir.write(
        "deep.ts",
        format!("const x = {};\n", nested("[", "1", "]", depth)),
    );
    dir.write(
        "deep_calls.tsx",
        format!("f{};\n", "(g".repeat(depth) + &")".repeat(depth)),
    );
    dir.write(
        "deep100k.py",
        format!("x = {}\n", nested("(", "1", ")", depth)),
    );
    // One 6 MB line.
    dir.write(
        "long_line.py",
        format!("BLOB = \"{}\"\n", "a".repeat(6 << 20)),
    );
    // NUL bytes after the 8 KiB binary sniff.
    let mut nul = format!("x = 1\n{}\n", "# padding\n".repeat(1000)).into_bytes();
    nul.extend_from_slice(b"y = '\0\0\0'\n");
    dir.write("late_nul.py", &nul);
    // UTF-16 LE with a BOM: NUL bytes everywhere, so it is binary to a UTF-8 reader.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("x = 1\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    dir.write("utf16.py", &utf16);
    // A symlink to a folder outside the root, holding another vulnerable agent.
    outside.write("elsewhere.py", TINY_VULNERABLE);
    symlink(outside.path(), dir.path().join("linked_out")).expect("symlink");
    // An unreadable folder.
    let locked = dir.path().join("locked_dir");
    std::fs::create_dir_all(&locked).unwrap();
    std::fs::write(locked.join("inside.py"), TINY_VULNERABLE).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let unreadable = std::fs::read_dir(&locked).is_err();
    // A 2 GB sparse file.
    let sparse = std::fs::File::create(dir.path().join("huge.py")).unwrap();
    sparse.set_len(2 << 30).unwrap();
    drop(sparse);

    let first = check_json(dir.path());
    let second = check_json(dir.path());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(first.code(), 1, "stderr:\n{}", first.stderr);
    assert_eq!(first.code(), second.code());
    assert!(
        first.stdout == second.stdout,
        "two runs printed different reports"
    );
    let json = first.json();
    // Root reads through chmod 000: then the locked folder's agent is analysed too.
    let mut expected = vec![("AIR201".to_string(), "analyst.py".to_string())];
    if !unreadable {
        expected.push(("AIR201".to_string(), "locked_dir/inside.py".to_string()));
    }
    assert_eq!(
        findings_in(&json),
        expected,
        "the symlink out of the root is not followed"
    );
    for deep in ["deep.ts", "deep_calls.tsx"] {
        // tree-sitter reports the nesting as errors or parses it; either way no crash and, if
        // anything is said, it names the file.
        for (_, m) in notices_for(&json, deep) {
            assert!(!m.is_empty());
        }
    }
    assert_notice(
        &json,
        "deep100k.py",
        &["nested", "nesting", "depth", "deep"],
    );
    assert!(
        notices_for(&json, "long_line.py").is_empty(),
        "{:#}",
        json["notices"]
    );
    assert_notice(&json, "utf16.py", &["binary"]);
    assert_notice(&json, "huge.py", &["too large"]);
    if unreadable {
        assert!(
            json["notices"].as_array().unwrap().iter().any(|n| n["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("locked_dir"))),
            "{:#}",
            json["notices"]
        );
    }
}

/// A file that needs more parser work than the per-file budget is skipped with a notice naming
/// it; the rest of the run completes. The budget (counted in parser steps, never time) is
/// lowered to 1 step so any sizeable file exceeds it.
#[test]
fn the_per_file_budget_skips_a_slow_file_with_a_notice() {
    let dir = TempDir::new("budget");
    dir.write("analyst.py", TINY_VULNERABLE);
    // Four megabytes of statements: far more than one parser step.
    dir.write(
        "slow.py",
        "x = [1, 2, 3] + foo(bar, baz=qux)\n".repeat(120_000),
    );
    let mut cmd = support::airlock([
        Path::new("check"),
        dir.path(),
        Path::new("--format"),
        Path::new("json"),
    ]);
    cmd.env("AIRLOCK_PARSE_FUEL", "1");
    let r = support::run(cmd);
    assert!(r.code() == 0 || r.code() == 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_notice(&json, "slow.py", &["per-file budget"]);
}

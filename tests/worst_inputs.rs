//! Small inputs that once made airlock explode (issue 19; `bench/worst/gen.py` writes them at
//! full size for the benchmark). Each must finish without a crash and keep its findings. No
//! timings here: the time and memory figures are in `bench/worst/run.sh`'s table.

mod support;

use std::path::Path;
use support::{run_airlock, TempDir};

fn check_json(dir: &Path) -> serde_json::Value {
    let r = run_airlock([
        Path::new("check"),
        dir,
        Path::new("--format"),
        Path::new("json"),
    ]);
    r.assert_no_crash();
    r.json()
}

/// How many findings of one rule a JSON report holds.
fn count(json: &serde_json::Value, code: &str) -> usize {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .count()
}

/// `x = [x]` on every line: the interpreter builds a list nested that deep, and dropping it
/// used to recurse once per level (a stack overflow abort, which kills the language server).
#[test]
fn a_value_nested_once_per_line_is_dropped_without_overflow() {
    let dir = TempDir::new("nested");
    let mut src = String::from("x = []\n");
    src.push_str(&"x = [x]\n".repeat(400_000));
    dir.write("deep.py", src);
    check_json(dir.path());
}

/// 100 functions, each calling 12 others with a model-controlled argument that also reaches a
/// shell: every tool's injection hits grew as 12^depth (6.5 GB at 51 KB, an abort at 820 KB).
#[test]
fn mutually_calling_helpers_keep_one_finding_per_tool() {
    let (n, k) = (100, 12);
    let mut src = String::from("import subprocess\n\nfrom langchain_core.tools import tool\n\n");
    for i in 0..n {
        src.push_str(&format!(
            "def step_{i}(cmd: str, depth: int) -> None:\n    subprocess.run(cmd, shell=True)\n"
        ));
        for j in 1..=k {
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
    let dir = TempDir::new("mutual");
    dir.write("steps.py", src);
    let json = check_json(dir.path());
    let air106 = count(&json, "AIR106");
    // Each tool's argument reaches the shell sinks; findings are one per sink call.
    assert!(air106 >= 1, "AIR106 is reported: {json}");
}

/// An argument list nested in conditionals and subscripts 80 deep (`([..] if x else [])[0]`,
/// `[[..][0], x][0]`): each level's list shape was read twice, or both branches of a
/// conditional were, which is 2^depth reads.
#[test]
fn argument_lists_nested_in_conditionals_and_subscripts_keep_their_finding() {
    let depth = 80;
    let mut chain = String::from("x");
    let mut cond = String::from("x");
    for _ in 0..depth {
        chain = format!("[{chain}, x][0]");
        cond = format!("({cond} if x else [])[0]");
    }
    let src = format!(
        "import subprocess\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"h\")\n\n\n@mcp.tool()\ndef a(x: list[str]) -> str:\n    cmd = {chain}\n    return subprocess.run([\"git\", cmd]).stdout\n\n\n@mcp.tool()\ndef b(x: list[str]) -> str:\n    cmd = {cond}\n    return subprocess.run([\"git\", *cmd]).stdout\n"
    );
    let dir = TempDir::new("argv-nest");
    dir.write("nest.py", src);
    let json = check_json(dir.path());
    let air106 = count(&json, "AIR106");
    assert!(air106 >= 1, "AIR106 is reported: {json}");
}

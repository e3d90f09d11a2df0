//! No silent caps: every bound that cuts analysis says so. Each test generates a project that
//! crosses one bound and a near variant that stays under it, and asserts the notice (file, line
//! and bound name) on one and its absence on the other, and that JSON marks the run possibly
//! incomplete. Where crossing a bound loses a finding, the notice is what tells the reader.

mod support;

use airlock_analyzer::analysis::{analyze, Analysis, Options};
use airlock_analyzer::knowledge::Knowledge;
use support::{run_airlock, TempDir};

fn run(dir: &TempDir) -> Analysis {
    let opts = Options {
        paths: vec![dir.path().to_path_buf()],
        ..Options::default()
    };
    analyze(&opts, &Knowledge::builtin())
}

fn project(files: &[(&str, String)]) -> TempDir {
    let dir = TempDir::new("bounds");
    dir.write("pyproject.toml", "[project]\nname = \"app\"\n");
    for (p, s) in files {
        dir.write(p, s);
    }
    dir
}

/// (path, line) of every notice of `bound`.
fn cut(a: &Analysis, bound: &str) -> Vec<(String, u32)> {
    a.notices
        .iter()
        .filter(|n| n.message.starts_with(&format!("analysis bound `{bound}`")))
        .map(|n| (n.path.clone(), n.line))
        .collect()
}

/// A FastMCP tool whose argument reaches a shell through `depth` helper calls.
fn helper_chain(depth: usize) -> String {
    let mut s = String::from(
        "import subprocess\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"shell\")\n\n",
    );
    for i in 0..depth {
        s += &format!("def step_{i}(cmd):\n    return step_{}(cmd)\n\n", i + 1);
    }
    s += &format!("def step_{depth}(cmd):\n    return subprocess.run(cmd, shell=True)\n\n");
    s += "@mcp.tool()\ndef run_command(cmd: str) -> str:\n    \"\"\"Runs a command.\"\"\"\n    return str(step_0(cmd))\n";
    s
}

#[test]
fn a_tool_body_followed_past_the_call_hop_bound_says_so() {
    let deep = run(&project(&[("server.py", helper_chain(9))]));
    let hops = cut(&deep, "call-hops");
    assert_eq!(hops.len(), 1, "{:?}", deep.notices);
    assert_eq!(hops[0].0, "server.py");
    assert!(hops[0].1 > 1);
    // Known miss, marked: past the bound the shell sink is not reached, so AIR106 is silent
    // here; the notice above is what says the result may be incomplete.
    let shallow = run(&project(&[("server.py", helper_chain(2))]));
    assert!(
        cut(&shallow, "call-hops").is_empty(),
        "{:?}",
        shallow.notices
    );
    assert!(shallow.findings.iter().any(|f| f.code == "AIR106"));
}

#[test]
fn calls_nested_past_the_depth_bound_say_so() {
    let chain = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s += &format!("def f{i}(x):\n    return f{}(x)\n\n", i + 1);
        }
        s += &format!("def f{n}(x):\n    return x\n\nVALUE = f0(\"v\")\n");
        s
    };
    let deep = run(&project(&[("chain.py", chain(10))]));
    let at = cut(&deep, "call-depth");
    assert_eq!(at.len(), 1, "{:?}", deep.notices);
    assert_eq!(at[0].0, "chain.py");
    let shallow = run(&project(&[("chain.py", chain(3))]));
    assert!(
        cut(&shallow, "call-depth").is_empty(),
        "{:?}",
        shallow.notices
    );
}

#[test]
fn a_value_with_too_many_alternatives_says_so_at_its_statement() {
    let branches = |n: usize| {
        let mut s = String::from("def pick(n):\n    x = \"v0\"\n");
        for i in 1..=n {
            s += &format!("    if n == {i}:\n        x = \"v{i}\"\n");
        }
        s += "    return x\n\nCHOSEN = pick(3)\n";
        s
    };
    let wide = run(&project(&[("pick.py", branches(60))]));
    let at = cut(&wide, "union-width");
    assert_eq!(at.len(), 1, "{:?}", wide.notices);
    // The union overflows at the 48th `if` (lines 3, 5, ...): the notice names that line,
    // not the function or the file.
    assert_eq!(at[0], ("pick.py".to_string(), 3 + 2 * 47));
    let narrow = run(&project(&[("pick.py", branches(20))]));
    assert!(
        cut(&narrow, "union-width").is_empty(),
        "{:?}",
        narrow.notices
    );
}

#[test]
fn a_loop_over_more_elements_than_are_unrolled_says_so() {
    let lp = |n: usize| {
        let items: Vec<String> = (0..n).map(|i| format!("\"t{i}\"")).collect();
        format!(
            "NAMES = []\n\nfor name in [{}]:\n    NAMES.append(name)\n",
            items.join(", ")
        )
    };
    let long = run(&project(&[("names.py", lp(100))]));
    assert_eq!(
        cut(&long, "loop-unroll"),
        vec![("names.py".to_string(), 3)],
        "{:?}",
        long.notices
    );
    let short = run(&project(&[("names.py", lp(10))]));
    assert!(cut(&short, "loop-unroll").is_empty(), "{:?}", short.notices);
}

#[test]
fn a_typescript_handler_followed_past_the_hop_bound_says_so() {
    let chain = |n: usize| {
        let mut s = String::from(
            "import { McpServer } from \"@modelcontextprotocol/sdk/server/mcp.js\";\n\
             import { z } from \"zod\";\n\
             import { execSync } from \"child_process\";\n\n\
             const server = new McpServer({ name: \"shell\", version: \"1.0.0\" });\n\n",
        );
        for i in 0..n {
            s += &format!(
                "function step{i}(cmd: string) {{\n  return step{}(cmd);\n}}\n\n",
                i + 1
            );
        }
        s += &format!(
            "function step{n}(cmd: string) {{\n  return execSync(cmd).toString();\n}}\n\n"
        );
        s += "server.tool(\"run\", { cmd: z.string() }, async ({ cmd }) => ({\n  content: [{ type: \"text\", text: step0(cmd) }],\n}));\n";
        s
    };
    // The one capability engine follows TypeScript handlers as it follows Python tools.
    let deep = run(&project(&[("src/index.ts", chain(8))]));
    let at = cut(&deep, "call-hops");
    assert_eq!(at.len(), 1, "{:?}", deep.notices);
    assert_eq!(at[0].0, "src/index.ts");
    let shallow = run(&project(&[("src/index.ts", chain(1))]));
    assert!(
        cut(&shallow, "call-hops").is_empty(),
        "{:?}",
        shallow.notices
    );
}

#[test]
fn a_cut_marks_json_possibly_incomplete_and_the_terminal_names_it() {
    let dir = project(&[("server.py", helper_chain(9))]);
    let path = dir.path().as_os_str().to_owned();
    let json = run_airlock::<_, std::ffi::OsString>([
        "check".into(),
        path.clone(),
        "--format".into(),
        "json".into(),
    ]);
    let v = json.json();
    assert_eq!(v["incomplete"], true);
    assert!(v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["message"].as_str().unwrap().contains("`call-hops` (5)")));
    let text = run_airlock::<_, std::ffi::OsString>(["check".into(), path]);
    assert!(
        text.stderr.contains("server.py:") && text.stderr.contains("`call-hops`"),
        "{}",
        text.stderr
    );
}

#[test]
fn a_class_hierarchy_deeper_than_its_walk_says_so() {
    // `self.go()` in a base class is resolved through the subclasses; past 64 classes the walk
    // stops. Known miss, marked: the shell sink in the 70th subclass is then not reached.
    let chain = |n: usize| {
        let mut s = String::from(
            "import os\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP('c')\n\n\
             class C0:\n    def run(self, cmd):\n        return self.go(cmd)\n\n",
        );
        for i in 1..n {
            s += &format!("class C{i}(C{}):\n    pass\n\n", i - 1);
        }
        s += &format!(
            "class C{n}(C{}):\n    def go(self, cmd):\n        return os.system(cmd)\n\n",
            n - 1
        );
        s += &format!(
            "@mcp.tool()\ndef run(cmd: str) -> str:\n    \"\"\"Run.\"\"\"\n    return str(C{n}().run(cmd))\n"
        );
        s
    };
    let deep = run(&project(&[("server.py", chain(70))]));
    let at = cut(&deep, "class-hierarchy");
    assert_eq!(at.len(), 1, "{:?}", deep.notices);
    assert_eq!(at[0].0, "server.py");
    let shallow = run(&project(&[("server.py", chain(5))]));
    assert!(
        cut(&shallow, "class-hierarchy").is_empty(),
        "{:?}",
        shallow.notices
    );
}

#[test]
fn a_typescript_alias_chain_longer_than_followed_says_so() {
    let aliases = |n: usize| {
        let mut s = String::from(
            "import { McpServer } from \"@modelcontextprotocol/sdk/server/mcp.js\";\n\
             import { z } from \"zod\";\n\
             import { execSync } from \"child_process\";\n\n\
             const server = new McpServer({ name: \"shell\", version: \"1.0.0\" });\n\n\
             const run0 = execSync;\n",
        );
        for i in 1..n {
            s += &format!("const run{i} = run{};\n", i - 1);
        }
        s += &format!(
            "\nserver.tool(\"run\", {{ cmd: z.string() }}, async ({{ cmd }}) => ({{\n  content: [{{ type: \"text\", text: run{}(cmd).toString() }}],\n}}));\n",
            n - 1
        );
        s
    };
    let long = run(&project(&[("src/index.ts", aliases(9))]));
    let at = cut(&long, "ts-alias-chain");
    assert_eq!(at.len(), 1, "{:?}", long.notices);
    assert_eq!(at[0].0, "src/index.ts");
    let short = run(&project(&[("src/index.ts", aliases(2))]));
    assert!(
        cut(&short, "ts-alias-chain").is_empty(),
        "{:?}",
        short.notices
    );
    assert!(short.findings.iter().any(|f| f.code == "AIR106"));
}

#[test]
fn a_typescript_handler_with_many_nested_functions_is_walked_whole() {
    // A handler whose body holds `n` callbacks: each is one more closure the capability engine
    // reads with the handler, in one pass (no bound, no notice).
    let handler = |n: usize| {
        let mut s = String::from(
            "import { McpServer } from \"@modelcontextprotocol/sdk/server/mcp.js\";\n\
             import { z } from \"zod\";\n\
             import { execSync } from \"child_process\";\n\n\
             const server = new McpServer({ name: \"shell\", version: \"1.0.0\" });\n\n\
             server.tool(\"run\", { cmd: z.string() }, { readOnlyHint: true }, async ({ cmd }) => {\n",
        );
        for i in 0..n {
            s += &format!("  [{i}].forEach((x) => x);\n");
        }
        s += "  const out = await new Promise((resolve) => resolve(execSync(cmd).toString()));\n";
        s += "  return { content: [{ type: \"text\", text: String(out) }] };\n});\n";
        s
    };
    let long = run(&project(&[("src/index.ts", handler(2_000))]));
    assert!(long.notices.is_empty(), "{:?}", long.notices);
    // The last closure runs the model's command: the read-only tool runs what it is given.
    assert!(
        long.findings.iter().any(|f| f.code == "AIR306"),
        "{:?}",
        long.findings
    );
}

#[test]
fn an_allocation_site_reached_from_more_contexts_than_kept_says_so() {
    // One factory called from `n` places: each call chain is one context of its allocation.
    let factory = |n: usize| {
        let mut s = String::from(
            "class Box:\n    def __init__(self, v):\n        self.v = v\n\n\ndef make(v):\n    return Box(v)\n\n\n",
        );
        for i in 0..n {
            s += &format!("b{i} = make({i})\n");
        }
        s
    };
    let limit = airlock_analyzer::bounds::Bound::ObjectContexts.limit();
    let many = run(&project(&[("app/boxes.py", factory(limit + 8))]));
    let at = cut(&many, "object-contexts");
    assert_eq!(at.len(), 1, "{:?}", many.notices);
    assert_eq!(at[0], ("app/boxes.py".to_string(), 7));
    let few = run(&project(&[("app/boxes.py", factory(limit / 2))]));
    assert!(cut(&few, "object-contexts").is_empty(), "{:?}", few.notices);
}

#[test]
fn a_body_with_more_parameter_flows_than_kept_says_so() {
    // Each parameter reaches a shell through a method resolved by its name alone (the runner
    // comes from an unknown factory): one kept flow per parameter, 64 at most per body.
    let flows = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
        let mut s = String::from(
            "import os\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP('p')\n\n\
             class Runner:\n    def execute_line(self, line):\n        return os.system(line)\n\n",
        );
        s += &format!("def helper(runner, {}):\n", names.join(", "));
        for n in &names {
            s += &format!("    runner.execute_line({n})\n");
        }
        let params: Vec<String> = names.iter().map(|n| format!("{n}: str")).collect();
        s += &format!(
            "\n@mcp.tool()\ndef run({}) -> str:\n    \"\"\"Run.\"\"\"\n    return str(helper(make_runner(), {}))\n",
            params.join(", "),
            names.join(", ")
        );
        s
    };
    let many = run(&project(&[("server.py", flows(70))]));
    let at = cut(&many, "param-flows");
    assert_eq!(at.len(), 1, "{:?}", many.notices);
    assert_eq!(at[0].0, "server.py");
    let few = run(&project(&[("server.py", flows(10))]));
    assert!(cut(&few, "param-flows").is_empty(), "{:?}", few.notices);
}

#[test]
fn a_method_read_with_more_built_instances_than_kept_says_so() {
    // A class with a library base whose `run` nobody calls (the library does), built in `n`
    // places with different objects: `run` is read again with at most the bound's number of
    // them.
    let built = |n: usize| {
        let mut s = String::from(
            "import subprocess\nfrom plugins import Plugin\n\n\nclass Program:\n    def __init__(self, name):\n        self.name = name\n\n\nclass Runner(Plugin):\n    def __init__(self, program):\n        self.program = program\n\n    def run(self, arg):\n        return subprocess.run([self.program.name, arg])\n\n\n",
        );
        for i in 0..n {
            s += &format!("r{i} = Runner(Program(\"tool{i}\"))\n");
        }
        s
    };
    let limit = airlock_analyzer::bounds::Bound::BuiltInstances.limit();
    let many = run(&project(&[("app/runners.py", built(limit + 2))]));
    let at = cut(&many, "built-instances");
    assert_eq!(at.len(), 1, "{:?}", many.notices);
    assert_eq!(at[0], ("app/runners.py".to_string(), 10));
    let few = run(&project(&[("app/runners.py", built(limit))]));
    assert!(cut(&few, "built-instances").is_empty(), "{:?}", few.notices);
}

#[test]
fn a_call_on_self_that_more_classes_override_than_followed_says_so() {
    // A base engine whose `query` calls `self._query`, a stub that `n` engines override (`n + 1`
    // classes define it); one
    // of them runs its text as SQL. A function hands a model's response to an engine.
    let engines = |n: usize| {
        let mut s = String::from(
            "import sqlite3\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\nclass Engine:\n    def query(self, text):\n        return self._query(text)\n\n    def _query(self, text):\n        raise NotImplementedError\n\n\nclass SqlEngine(Engine):\n    def _query(self, text):\n        return sqlite3.connect(\"app.db\").execute(text).fetchall()\n\n\n",
        );
        for i in 1..n {
            s += &format!(
                "class Echo{i}(Engine):\n    def _query(self, text):\n        return text\n\n\n"
            );
        }
        s += "def answer(engine: Engine, question: str):\n    reply = client.chat.completions.create(model=\"m\", messages=[{\"role\": \"user\", \"content\": question}])\n    return engine.query(reply.choices[0].message.content)\n";
        s
    };
    let limit = airlock_analyzer::bounds::Bound::Overrides.limit();
    let wide = run(&project(&[("app/engines.py", engines(limit))]));
    let at = cut(&wide, "overrides");
    assert_eq!(
        at,
        [("app/engines.py".to_string(), 9)],
        "{:?}",
        wide.notices
    );
    // Known miss, marked: past the bound no override is followed, so AIR201 is silent here;
    // the notice names the call that was not followed.
    assert!(wide.findings.is_empty(), "{:?}", wide.findings);
    let narrow = run(&project(&[("app/engines.py", engines(limit - 1))]));
    assert!(cut(&narrow, "overrides").is_empty(), "{:?}", narrow.notices);
    let codes: Vec<&str> = narrow.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["AIR201"], "{:?}", narrow.findings);
}

//! MCP client configurations end to end: no secret reaches any output format, malformed
//! configs give notices with a location and the analysis goes on, and hostile configs (huge,
//! deep, binary) neither crash nor hang the binary.

mod support;

use support::{run_airlock, TempDir};

/// Secrets planted in the project below: known token shapes, literal values under secret keys,
/// URL passwords and query tokens, in JSON, JSONC, TOML and YAML, and in a file whose parse fails.
const SECRETS: &[&str] = &[
    "ghp_Zq4Xv8Rk2Lm6Tn0Wp3Yb7Hc1Jd5Fs9Ga2Ke8uOi",
    "sk_live_51MzQ8rTx4Vb2Nc7Lk9Wp3Hd6Fg1Ja0Se",
    "xoxb-5839201746-3392017465-Rf8Tq2Wv6Yx1Zb4Nm7Lc",
    "Zr8Qw2Ev6Tb1Yn5Um9Ia3Os7Pd",
    "Wint3rHarb0ur77Secret",
    "Qa7Ws2Ed4Rf6Tg8Yh0Uj",
    "AKIAQ7R2M5N8P3K6W9XZ",
    "glpat-Hq7Rm2Xv9Lk4Tw8Np3Zb",
    "Pm4Nb7Vc1Xz5Lk8Jh2Gf",
    "hunter22isMyPass",
    "sk_live_99Brok3nJs0nK3yZz8Xx7Ww6Vv5",
    "Tk9Lm2Np5Qr8St1Uv4Wx",
];

fn project() -> TempDir {
    let dir = TempDir::new("mcp-secrets");
    dir.write(
        ".mcp.json",
        r#"{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_Zq4Xv8Rk2Lm6Tn0Wp3Yb7Hc1Jd5Fs9Ga2Ke8uOi" }
    },
    "stripe": {
      "command": "npx",
      "args": ["-y", "@stripe/mcp", "--api-key=sk_live_51MzQ8rTx4Vb2Nc7Lk9Wp3Hd6Fg1Ja0Se"]
    },
    "slack": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-slack"],
      "env": { "SLACK_BOT_TOKEN": "xoxb-5839201746-3392017465-Rf8Tq2Wv6Yx1Zb4Nm7Lc" }
    },
    "crm": {
      "type": "http",
      "url": "http://crm.example.com/mcp?access_token=Zr8Qw2Ev6Tb1Yn5Um9Ia3Os7Pd",
      "headers": { "Authorization": "Bearer Qa7Ws2Ed4Rf6Tg8Yh0Uj" }
    },
    "db": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://app:Wint3rHarb0ur77Secret@db.example.com/app"]
    }
  }
}
"#,
    );
    dir.write(
        ".vscode/mcp.json",
        r#"{
  // AWS tools for the team.
  "servers": {
    "aws": {
      "command": "uvx",
      "args": ["awslabs.aws-api-mcp-server"],
      "env": { "AWS_ACCESS_KEY_ID": "AKIAQ7R2M5N8P3K6W9XZ", }, // a trailing comma
    },
  },
}
"#,
    );
    dir.write(
        ".codex/config.toml",
        "[mcp_servers.gitlab]\ncommand = \"npx\"\nargs = [\"-y\", \"@zereight/mcp-gitlab\"]\nenv = { GITLAB_PERSONAL_ACCESS_TOKEN = \"glpat-Hq7Rm2Xv9Lk4Tw8Np3Zb\" }\n",
    );
    dir.write(
        ".continue/mcpServers/search.yaml",
        "name: search\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: search\n    command: npx\n    args: [\"-y\", \"some-search-mcp\"]\n    env:\n      SEARCH_API_KEY: Pm4Nb7Vc1Xz5Lk8Jh2Gf\n",
    );
    // Broken JSON: an unquoted secret stops the parse; the server before it still counts.
    dir.write(
        ".cursor/mcp.json",
        "{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"npx\", \"args\": [\"-y\", \"some-pkg\"] },\n    \"b\": { \"command\": \"npx\", \"env\": { \"PASSWORD\": hunter22isMyPass, \"K\": sk_live_99Brok3nJs0nK3yZz8Xx7Ww6Vv5 } }\n  }\n}\n",
    );
    // Claude Code settings with their own env.
    dir.write(
        ".claude/settings.json",
        "{\n  \"env\": { \"INTERNAL_API_TOKEN\": \"Tk9Lm2Np5Qr8St1Uv4Wx\" },\n  \"permissions\": { \"allow\": [\"mcp__github\"] }\n}\n",
    );
    dir
}

/// Every run's stdout and stderr, and any window of ten characters of a secret.
fn assert_no_secret(what: &str, out: &str) {
    for secret in SECRETS {
        let chars: Vec<char> = secret.chars().collect();
        for w in chars.windows(10) {
            let piece: String = w.iter().collect();
            assert!(
                !out.contains(&piece),
                "{what}: output holds `{piece}` of a secret:\n{out}"
            );
        }
    }
}

#[test]
fn no_secret_reaches_any_output_format() {
    let dir = project();
    let path = dir.path().to_str().expect("utf-8 temp path").to_string();
    let mut seen_air301 = 0;
    for format in ["text", "concise", "json", "sarif"] {
        let r = run_airlock(["check", &path, "--format", format, "--no-color"]);
        r.assert_no_crash();
        assert_eq!(r.code(), 1, "{format}: stderr:\n{}", r.stderr);
        let stdout = r.stdout();
        assert_no_secret(&format!("{format} stdout"), &stdout);
        assert_no_secret(&format!("{format} stderr"), &r.stderr);
        if format == "concise" {
            seen_air301 = stdout.lines().filter(|l| l.contains("AIR301")).count();
        }
        if format == "sarif" {
            let schema: serde_json::Value =
                serde_json::from_str(include_str!("fixtures/sarif-schema-2.1.0.json"))
                    .expect("schema is JSON");
            let validator = jsonschema::validator_for(&schema).expect("schema compiles");
            let errors: Vec<String> = validator
                .iter_errors(&r.json())
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "SARIF schema errors: {errors:?}");
        }
    }
    // Every planted secret outside the broken file is reported (the broken file's are masked
    // but not reported: its tree stops before them).
    assert_eq!(seen_air301, 10, "AIR301 findings");
    // With AIR301 off, other findings' code frames still show masked text.
    let r = run_airlock(["check", &path, "--ignore", "AIR301", "--no-color"]);
    r.assert_no_crash();
    assert_no_secret("text without AIR301", &r.stdout());
    // The debug dump of facts names keys, never values.
    let mut cmd = support::airlock(["check", &path, "--format", "concise"]);
    cmd.env("AIRLOCK_DEBUG_FACTS", "1");
    let r = support::run(cmd);
    assert_no_secret("AIRLOCK_DEBUG_FACTS", &r.stderr);
}

#[test]
fn code_frames_show_masked_values_and_exact_lines() {
    let dir = project();
    let path = dir.path().to_str().expect("utf-8 temp path").to_string();
    let r = run_airlock(["check", &path, "--format", "text", "--no-color"]);
    let out = r.stdout();
    assert!(
        out.contains("\"GITHUB_PERSONAL_ACCESS_TOKEN\": \"****"),
        "{out}"
    );
    assert!(
        out.contains("postgresql://app:*********************@db.example.com/app"),
        "{out}"
    );
    let json = run_airlock(["check", &path, "--format", "json"]).json();
    let lines: Vec<(String, u64, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap_or("").to_string(),
                f["location"]["line"].as_u64().unwrap_or(0),
                f["code"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    for expected in [
        (".mcp.json", 6, "AIR301"),
        (".mcp.json", 5, "AIR302"),
        (".mcp.json", 19, "AIR303"),
        (".vscode/mcp.json", 7, "AIR301"),
        (".codex/config.toml", 4, "AIR301"),
        (".continue/mcpServers/search.yaml", 9, "AIR301"),
        (".cursor/mcp.json", 3, "AIR302"),
        (".claude/settings.json", 2, "AIR301"),
        (".claude/settings.json", 3, "AIR304"),
    ] {
        let (p, l, c) = expected;
        assert!(
            lines
                .iter()
                .any(|(fp, fl, fc)| fp == p && *fl == l && fc == c),
            "no {c} at {p}:{l} in {lines:?}"
        );
    }
}

#[test]
fn malformed_configs_give_located_notices_and_the_run_goes_on() {
    let dir = TempDir::new("mcp-malformed");
    let path = dir.path().to_str().expect("utf-8 temp path").to_string();
    dir.write(".mcp.json", "{\n  \"mcpServers\": \"github\"\n}\n");
    dir.write(
        ".cursor/mcp.json",
        "{\n  \"mcpServers\": {\n    \"fs\": { \"command\": \"npx\", \"args\": \"-y pkg\" },\n    \"gh\": [\"npx\"],\n    \"x\": { \"comand\": \"npx\", \"arg\": [] },\n    \"y\": { \"command\": 7 }\n  }\n}\n",
    );
    dir.write(
        ".vscode/mcp.json",
        "{ \"servers\": { \"a\": { \"url\": \"https://x.example.com\" \n",
    );
    dir.write(".roo/mcp.json", "[1, 2, 3]\n");
    dir.write(
        ".gemini/settings.json",
        "{ \"mcpServers\": { \"s\": { \"command\": \"uvx\", \"args\": [\"pkg\", 3] } } }\n",
    );
    // Another project file with a finding still gets analysed.
    dir.write(
        "claude_desktop_config.json",
        "{ \"mcpServers\": { \"fetch\": { \"command\": \"uvx\", \"args\": [\"mcp-server-fetch\"] } } }\n",
    );
    let r = run_airlock(["check", &path, "--format", "concise"]);
    r.assert_no_crash();
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let err = &r.stderr;
    for expected in [
        ".mcp.json:2: `mcpServers` should be an object, found a string; skipped",
        ".cursor/mcp.json:3: `args` of server `fs` should be an array, found a string; skipped",
        ".cursor/mcp.json:4: server `gh` should be an object, found an array; skipped",
        ".cursor/mcp.json:5: unknown key `comand` in server `x` (did you mean `command`?)",
        ".cursor/mcp.json:5: unknown key `arg` in server `x` (did you mean `args`?)",
        ".cursor/mcp.json:5: server `x` has neither `command` nor `url`",
        ".cursor/mcp.json:6: `command` of server `y` should be a string, found a number; skipped",
        ".vscode/mcp.json:1: unclosed `{`",
        ".roo/mcp.json:1: Roo Code configuration should be an object, found an array; skipped",
        ".gemini/settings.json:1: `args` of server `s` should hold strings, found a number; skipped",
    ] {
        assert!(err.contains(expected), "missing notice `{expected}` in:\n{err}");
    }
    // Gemini's string arguments are still read: `uvx pkg` is unpinned.
    assert!(
        r.stdout().contains(".gemini/settings.json:1:"),
        "{}",
        r.stdout()
    );
    assert!(
        r.stdout().contains("claude_desktop_config.json:1:"),
        "{}",
        r.stdout()
    );
    // JSON and SARIF carry the notices too.
    let json = run_airlock(["check", &path, "--format", "json"]).json();
    assert!(json["notices"].as_array().is_some_and(|n| n.len() >= 10));
}

#[test]
fn hostile_configs_neither_crash_nor_hang() {
    let dir = TempDir::new("mcp-hostile");
    let path = dir.path().to_str().expect("utf-8 temp path").to_string();
    // Many servers: linear work, one finding each.
    let mut big = String::from("{\"mcpServers\": {\n");
    for i in 0..20_000 {
        big.push_str(&format!(
            "\"s{i}\": {{\"command\": \"npx\", \"args\": [\"-y\", \"pkg-{i}\"], \"autoApprove\": [\"delete_{i}\"]}},\n"
        ));
    }
    big.push_str("\"last\": {\"command\": \"node\"}}}\n");
    dir.write("cline_mcp_settings.json", &big);
    // Deep nesting inside a server entry.
    let deep = format!(
        "{{\"mcpServers\": {{\"d\": {{\"command\": \"npx\", \"env\": {}1{}}}}}}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    dir.write(".cursor/mcp.json", &deep);
    let toml_deep = format!(
        "[mcp_servers.x]\nargs = {}{}\n",
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    dir.write(".codex/config.toml", &toml_deep);
    dir.write(".vscode/mcp.json", b"\x00\x01binary\x00");
    let long_line = format!(
        "{{\"mcpServers\": {{\"a\": {{\"command\": \"npx\", \"args\": [\"{}\"]}}}}}}",
        "x".repeat(2_000_000)
    );
    dir.write(".roo/mcp.json", &long_line);
    let r = run_airlock(["check", &path, "--format", "concise"]);
    r.assert_no_crash();
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let n = r.stdout().lines().filter(|l| l.contains("AIR302")).count();
    assert!(n >= 20_000, "{n} AIR302 findings");
    assert!(r.stderr.contains(".cursor/mcp.json"), "{}", r.stderr);
    assert!(
        r.stderr.contains(".vscode/mcp.json: binary file"),
        "{}",
        r.stderr
    );
}

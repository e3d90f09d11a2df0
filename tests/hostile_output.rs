//! A hostile repository against every output format. The project is generated: the
//! support-desk example copied under a folder named `javascript:alert(1)<!--`, every Python line
//! carrying a comment of terminal control sequences and a bidi override, and an MCP config
//! whose server name closes a Markdown code span, writes its own verdict, link and tracking
//! image, sets the terminal title, and whose environment holds a GitHub token.
//!
//! For every format (`check` text, concise, json, sarif, github; `inventory` table, json,
//! cyclonedx; `graph` mermaid, dot, html (it has no JSON form); `diff` text, markdown, json) it asserts: no raw
//! control byte (C0 but tab and line feed, DEL, C1) and, outside JSON, no bidi control; no
//! Markdown structure written by the project; none of the planted secrets. The HTML report is
//! opened in headless Chromium (tests/html/check.mjs), which fails on any dialog, console
//! error, request or node link that is not a relative file link. Also: `--diff` reads base
//! revisions as raw blobs (a smudge filter planted by the repository never runs), and a
//! config or baseline that is a FIFO or `/dev/zero` is refused with its path.

mod support;

use std::path::Path;
use std::process::Command;
use support::{copy_tree, repo_root, run, TempDir};

const TOKEN: &str = "ghp_Zq8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQi";
const EVIL_DIR: &str = "javascript:alert(1)<!--";
const CONTROLS: &str = "  # \u{1b}[8m\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{202e}gnp.exe\u{85}";

fn evil_name() -> String {
    "evil\n```\n\n## airlock: no problems found :white_check_mark:\n[details](https://evil.example/)\
     ![t](https://evil.example/p.png)<img src=x onerror=alert(1)>\u{1b}]0;pwned\u{7}\u{202e}`"
        .to_string()
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
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The hostile project; `base` adds nothing but a README (the diff's base revision).
fn hostile_project(dir: &Path) {
    let desk = dir.join(EVIL_DIR);
    copy_tree(
        &repo_root().join("corpus/examples/support-desk"),
        &desk,
        false,
    );
    for rel in support::files_under(&desk) {
        let file = desk.join(rel);
        if file.extension().is_some_and(|e| e == "py") {
            let text = std::fs::read_to_string(&file).unwrap();
            let hostile: String = text
                .lines()
                .map(|l| {
                    if l.trim().is_empty() || l.ends_with('\\') {
                        format!("{l}\n")
                    } else {
                        format!("{l}{CONTROLS}\n")
                    }
                })
                .collect();
            std::fs::write(&file, hostile).unwrap();
        }
    }
    let config = serde_json::json!({
        "mcpServers": {
            evil_name(): {
                "command": "npx",
                "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"],
                "env": { "GITHUB_TOKEN": TOKEN }
            }
        }
    });
    std::fs::write(desk.join(".mcp.json"), config.to_string()).unwrap();
}

fn airlock_in(dir: &Path, args: &[&str]) -> support::Run {
    let mut cmd = support::airlock(args);
    cmd.current_dir(dir);
    let r = run(cmd);
    r.assert_no_crash();
    r
}

/// Every check on one output. `json` formats may carry bidi characters as exact data.
fn assert_safe(what: &str, out: &str, json: bool) {
    assert_safe_as(what, out, json, false);
}

/// As [`assert_safe`]; `markdown` adds: no live link, image or tag (Markdown, Mermaid).
fn assert_safe_as(what: &str, out: &str, json: bool, markdown: bool) {
    for (i, c) in out.char_indices() {
        let control = matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}');
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(
            !control && (json || !bidi),
            "{what}: raw {c:?} at byte {i}: …{}…",
            out[..i]
                .chars()
                .rev()
                .take(80)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
        );
    }
    assert!(!out.contains(TOKEN), "{what}: the planted token leaked");
    assert!(
        !out.contains(&TOKEN[4..20]),
        "{what}: part of the planted token leaked"
    );
    if json {
        return;
    }
    for line in out.lines() {
        let t = line.trim_start();
        assert!(
            !t.starts_with("## airlock") && !t.starts_with("click "),
            "{what}: the project wrote a line of its own: {line:?}"
        );
    }
    if !markdown {
        return;
    }
    // Outside inline code spans (where text is literal), no link, image or tag.
    let out = &outside_code_spans(out);
    assert!(
        !out.contains("](https://evil") && !out.contains("<img"),
        "{what}: a live link, image or tag from the project:\n{out}"
    );
}

/// `text` with its fenced blocks and inline code spans (CommonMark: a run of n backticks up to the next run of
/// exactly n) removed, line by line.
fn outside_code_spans(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        // A fenced block (the Mermaid picture) is literal text too.
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'`' {
                let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                let mut j = i + n;
                let mut close = None;
                while j < b.len() {
                    if b[j] == b'`' {
                        let m = b[j..].iter().take_while(|&&c| c == b'`').count();
                        if m == n {
                            close = Some(j + m);
                            break;
                        }
                        j += m;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(end) => {
                        out.push_str("<code/>");
                        i = end;
                    }
                    None => {
                        out.push_str(&line[i..i + n]);
                        i += n;
                    }
                }
            } else {
                let ch = line[i..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_format_is_safe_on_a_hostile_project() {
    let tmp = TempDir::new("hostile");
    let dir = tmp.path();
    std::fs::write(dir.join("README.md"), "base\n").unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "base"]);
    hostile_project(dir);
    let project = EVIL_DIR;

    for format in ["text", "concise", "json", "sarif", "github"] {
        let r = airlock_in(dir, &["check", project, "--format", format]);
        let out = r.stdout();
        assert!(
            out.contains("AIR"),
            "check --format {format} found nothing:\n{out}\n{}",
            r.stderr
        );
        assert_safe(
            &format!("check --format {format}"),
            &out,
            matches!(format, "json" | "sarif"),
        );
        assert_safe(
            &format!("check --format {format} (stderr)"),
            &r.stderr,
            false,
        );
    }
    // The code frames show the controls as escapes.
    let text = airlock_in(dir, &["check", project]).stdout();
    assert!(
        text.contains("\\x1b[8m") && text.contains("\\u202e"),
        "{text}"
    );

    for format in ["table", "json", "cyclonedx"] {
        let r = airlock_in(dir, &["inventory", project, "--format", format]);
        let out = r.stdout();
        assert!(out.contains("evil"), "inventory {format}:\n{out}");
        assert_safe(
            &format!("inventory --format {format}"),
            &out,
            format != "table",
        );
    }
    for format in ["mermaid", "dot", "html"] {
        let r = airlock_in(dir, &["graph", project, "--format", format]);
        let out = r.stdout();
        assert!(out.contains("evil"), "graph {format}:\n{out}");
        assert_safe(&format!("graph --format {format}"), &out, format == "html");
        if format == "html" {
            let csp = out
                .lines()
                .find(|l| l.contains("Content-Security-Policy"))
                .expect("a CSP");
            assert!(
                !csp.contains("unsafe-inline'; img") && csp.contains("script-src 'sha256-"),
                "{csp}"
            );
            assert!(!csp.contains("script-src 'unsafe-inline'"), "{csp}");
            html_in_chromium(&tmp, &out);
        }
    }
    for format in ["text", "markdown", "json"] {
        let r = airlock_in(dir, &["diff", "HEAD", "--format", format]);
        let out = r.stdout();
        assert!(out.contains("evil"), "diff {format}:\n{out}\n{}", r.stderr);
        assert_safe_as(
            &format!("diff --format {format}"),
            &out,
            format == "json",
            format == "markdown",
        );
        if format == "markdown" {
            // The server's name is one code span on its list item's line.
            let item = out
                .lines()
                .find(|l| l.contains("new MCP server"))
                .expect("the new server");
            assert!(
                item.contains("```` evil\\x0a```\\x0a\\x0a## airlock"),
                "{item}"
            );
        }
    }
}

/// The report in headless Chromium: no dialog, no console error, no request, every node link
/// relative. Skipped outside CI when Chromium or the npm packages are missing.
fn html_in_chromium(tmp: &TempDir, html: &str) {
    let root = repo_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = Path::new(&chromium).exists()
        && root
            .join("tests/html/node_modules/playwright-core")
            .exists();
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium or tests/html/node_modules is missing; .ci/run installs both"
        );
        eprintln!(
            "skipped the browser: install Debian's chromium and run `npm ci --prefix tests/html`"
        );
        return;
    }
    let report = tmp.write("report.html", html);
    let shot = tmp.path().join("shot.png");
    let out = Command::new("node")
        .arg(root.join("tests/html/check.mjs"))
        .arg(&report)
        .arg(&shot)
        .arg("evil")
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run node");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{log}");
    assert!(log.contains("\"problems\":[]"), "{log}");
}

/// `--diff` and `diff` read the base revision as raw blobs: a smudge filter (and a textconv
/// driver) that the repository's `.gitattributes` and config name never run.
#[test]
fn nothing_from_the_repository_runs() {
    let tmp = TempDir::new("hostile-git");
    let dir = tmp.path();
    copy_tree(
        &repo_root().join("corpus/examples/support-desk"),
        dir,
        false,
    );
    std::fs::write(dir.join(".gitattributes"), "* filter=evil diff=evil\n").unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "base"]);
    let marker = tmp.path().join("MARKER");
    let program = format!("sh -c 'touch {}; cat'", marker.display());
    git(dir, &["config", "filter.evil.smudge", &program]);
    git(dir, &["config", "filter.evil.clean", &program]);
    git(dir, &["config", "diff.evil.textconv", &program]);
    git(dir, &["config", "core.fsmonitor", &program]);
    let hooks = dir.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in ["post-checkout", "post-index-change"] {
        let h = hooks.join(hook);
        std::fs::write(&h, format!("#!/bin/sh\ntouch {}\n", marker.display())).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&h, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let r = airlock_in(dir, &["check", ".", "--diff", "HEAD", "--format", "json"]);
    assert!(r.code() == 0 || r.code() == 1, "{}", r.stderr);
    let r = airlock_in(dir, &["diff", "HEAD", "--format", "json"]);
    assert_eq!(r.code(), 0, "{}", r.stderr);
    assert!(
        !marker.exists(),
        "a program named by the analysed repository ran"
    );
    // The snapshot holds the blobs' exact bytes: with no change, the diff is empty.
    assert_eq!(r.json()["changes"], serde_json::json!([]), "{}", r.stdout());
}

/// A configuration or baseline that is a FIFO or a device is refused, naming it: no hang, no
/// unbounded read.
#[test]
fn only_regular_files_are_read() {
    let tmp = TempDir::new("hostile-fifo");
    let dir = tmp.path();
    std::fs::write(dir.join("agent.py"), "x = 1\n").unwrap();
    let fifo = dir.join("airlock.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let zero = dir.join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for (flag, path) in [
        ("--config", &fifo),
        ("--config", &zero),
        ("--baseline", &fifo),
        ("--baseline", &zero),
    ] {
        let p = path.to_str().unwrap();
        let r = airlock_in(dir, &["check", ".", flag, p]);
        assert_eq!(r.code(), 2, "{flag} {p}: {}", r.stderr);
        let name = path.file_name().unwrap().to_str().unwrap();
        // miette wraps long lines: compare the words.
        let words: String = r
            .stderr
            .split(|c: char| c.is_whitespace() || c == '│')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            words.contains(name) && words.contains("not a regular file"),
            "{flag} {p}: {}",
            r.stderr
        );
    }
}

/// The parse budget counts work, not time: the same bytes with 1 and 4 threads, and under a
/// CPU hog, on a project with a file near the size cap.
#[test]
fn output_is_the_same_with_any_thread_count() {
    let tmp = TempDir::new("hostile-threads");
    let dir = tmp.path();
    copy_tree(
        &repo_root().join("corpus/examples/support-desk"),
        dir,
        false,
    );
    // Just under the size cap, set to 1 MiB so a debug build on a loaded machine stays within
    // the harness's hang guard (the default cap, 8 MiB, behaves the same, only slower).
    std::fs::write(dir.join("airlock.toml"), "max-file-size = 1048576\n").unwrap();
    let line = "x = [1, 2, 3] + foo(bar, baz=qux)\n";
    let big = line.repeat((1024 * 1024 - 4096) / line.len());
    std::fs::write(dir.join("padding.py"), big).unwrap();
    // 1 thread, 4 threads, and 4 threads while a CPU hog keeps every core busy.
    let outs: Vec<(i32, Vec<u8>)> = [("1", false), ("4", false), ("4", true)]
        .iter()
        .map(|&(n, hog)| {
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let hogs: Vec<_> = (0..if hog { 4 } else { 0 })
                .map(|_| {
                    let stop = stop.clone();
                    std::thread::spawn(move || {
                        let mut x = 0u64;
                        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                        }
                    })
                })
                .collect();
            let mut cmd = support::airlock(["check", ".", "--format", "json"]);
            cmd.current_dir(dir).env("RAYON_NUM_THREADS", n);
            let r = run(cmd);
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            for h in hogs {
                h.join().unwrap();
            }
            r.assert_no_crash();
            (r.code(), r.stdout.clone())
        })
        .collect();
    for (i, what) in [(1, "4 threads"), (2, "4 threads under a CPU hog")] {
        assert_eq!(outs[0].0, outs[i].0, "exit code differs with {what}");
        assert!(
            outs[0].1 == outs[i].1,
            "output differs between 1 thread and {what}"
        );
    }
    let json: serde_json::Value = serde_json::from_slice(&outs[0].1).unwrap();
    let text = json.to_string();
    assert!(!text.contains("budget"), "{text}");
    assert!(json["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

/// No silent caps: padding a known-vulnerable project with harmless code loses no finding.
/// 4,096 harmless `add_node` calls before the vulnerable wiring once dropped AIR104 (a cap on
/// calls recorded per object), and a tool list of 10,000 entries dropped an AIR101 that 9,998
/// entries report (a step cap in the walk over the list).
#[test]
fn padding_loses_no_finding() {
    let tmp = TempDir::new("hostile-caps");
    let root = repo_root().join("corpus/langgraph");

    let graph = tmp.path().join("graph");
    copy_tree(
        &root.join("air104-pydantic-is-valid-command-vulnerable"),
        &graph,
        false,
    );
    let claims = graph.join("claims.py");
    let text = std::fs::read_to_string(&claims).unwrap();
    let pad: String = (0..5000)
        .map(|i| format!("builder.add_node(\"noop_{i}\", decide)\n"))
        .collect();
    let anchor = "builder.add_node(\"fetch_tracking\"";
    assert!(text.contains(anchor));
    std::fs::write(&claims, text.replacen(anchor, &format!("{pad}{anchor}"), 1)).unwrap();
    let r = airlock_in(&graph, &["check", ".", "--format", "concise"]);
    assert!(r.stdout().contains("AIR104"), "{}", r.stdout());

    let tools = tmp.path().join("tools");
    copy_tree(
        &root.join("air101-ddg-search-to-email-vulnerable"),
        &tools,
        false,
    );
    let file = tools.join("research_desk/graph.py");
    let text = std::fs::read_to_string(&file).unwrap();
    let list = "tools = [*read_tools, SendEmailTool()]";
    assert!(text.contains(list));
    let long = format!(
        "tools = [*read_tools, {}SendEmailTool()]",
        "None, ".repeat(10_000)
    );
    std::fs::write(&file, text.replacen(list, &long, 1)).unwrap();
    let r = airlock_in(&tools, &["check", ".", "--format", "concise"]);
    assert!(r.stdout().contains("AIR101"), "{}", r.stdout());
}

/// Secrets planted in the shapes issue 20 lists, each in a comment on lines that code frames
/// show, in a JSONC client config (with a `//` comment) and in a YAML file (with a `#` comment).
const PLANTED: &[(&str, &str)] = &[
    (
        "ghp_Jc8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQw",
        "ghp_Jc8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQw",
    ),
    (
        "password = \"correct horse battery staple\"",
        "horse battery",
    ),
    ("DB_PASSWORD=HUNTER2_PROD_77", "HUNTER2_PROD"),
    ("mysql -uroot -pS3cretPassw0rd app", "S3cretPassw0rd"),
    (
        "Server=tcp:db.example.com,1433;Database=app;User Id=sa;Password=Mssql!Pass2024;",
        "Mssql!Pass",
    ),
    (
        "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/Zx8Kq2Lm7Rt4Wv9Yb3Nc6Pd1",
        "Zx8Kq2Lm7Rt4",
    ),
    (
        "https://mcp.example.com/sse/Xk9Qz2Lm8Rt4Wv7Yb3Nc6Pd1Jf5Hg0As",
        "Xk9Qz2Lm8Rt4",
    ),
    ("SERVICE_API_KEY=q8Xz2LmR7tK4pL9wN3cJ", "q8Xz2LmR7tK4"),
];

#[test]
fn planted_secrets_reach_no_output() {
    let tmp = TempDir::new("hostile-secrets");
    let dir = tmp.path();
    copy_tree(
        &repo_root().join("corpus/examples/support-desk"),
        dir,
        false,
    );
    for rel in support::files_under(dir) {
        let file = dir.join(rel);
        if file.extension().is_some_and(|e| e == "py") {
            let text = std::fs::read_to_string(&file).unwrap();
            let planted: String = text
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    if l.trim().is_empty() || l.ends_with('\\') || l.contains("\"\"\"") {
                        format!("{l}\n")
                    } else {
                        format!("{l}  # {}\n", PLANTED[i % PLANTED.len()].0)
                    }
                })
                .collect();
            std::fs::write(&file, planted).unwrap();
        }
    }
    std::fs::create_dir_all(dir.join(".vscode")).unwrap();
    std::fs::write(
        dir.join(".vscode/mcp.json"),
        r#"{
  // token for the desk: ghp_Jc8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQw
  "servers": {
    "remote": { "type": "sse", "url": "https://mcp.example.com/sse/Xk9Qz2Lm8Rt4Wv7Yb3Nc6Pd1Jf5Hg0As" },
    "db": { "command": "mysql", "args": ["-uroot", "-pS3cretPassw0rd", "app"] },
    "mssql": { "command": "npx", "args": ["-y", "mssql-mcp@1.0.0"],
      "env": { "CONNECTION": "Server=tcp:db.example.com,1433;Database=app;User Id=sa;Password=Mssql!Pass2024;",
               "SLACK_HOOK": "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/Zx8Kq2Lm7Rt4Wv9Yb3Nc6Pd1",
               "DB_PASSWORD": "HUNTER2_PROD_77", "PASSPHRASE": "correct horse battery staple" } }
  }
}
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("deploy.yaml"),
        "# ghp_Jc8VbX2mR7tK4pL9wN3cJ6hD1sF5gA0eYuQw\nagents:\n  password: correct horse battery staple  # the team passphrase\n  SERVICE_API_KEY: q8Xz2LmR7tK4pL9wN3cJ\n",
    )
    .unwrap();
    let runs: &[&[&str]] = &[
        &["check", ".", "--format", "text"],
        &["check", ".", "--format", "concise"],
        &["check", ".", "--format", "json"],
        &["check", ".", "--format", "sarif"],
        &["check", ".", "--format", "github"],
        &["inventory", ".", "--format", "table"],
        &["inventory", ".", "--format", "json"],
        &["inventory", ".", "--format", "cyclonedx"],
        &["graph", ".", "--format", "mermaid"],
        &["graph", ".", "--format", "dot"],
        &["graph", ".", "--format", "html"],
    ];
    for args in runs {
        let r = airlock_in(dir, args);
        let out = format!("{}{}", r.stdout(), r.stderr);
        for (planted, part) in PLANTED {
            assert!(!out.contains(part), "{args:?}: `{planted}` leaked:\n{out}");
        }
    }
    // The text report shows the planted lines, masked: the secrets were on screen to leak.
    let text = airlock_in(dir, &["check", "."]).stdout();
    for shown in [
        "-p**************",
        "Password=**************;",
        "https://hooks.slack.com/services/*****",
        "https://mcp.example.com/sse/*****",
        "password = \"****************************\"",
    ] {
        assert!(text.contains(shown), "`{shown}` not in:\n{text}");
    }
    // AIR301 still reports the MCP config's secrets.
    let concise = airlock_in(dir, &["check", ".", "--format", "concise"]).stdout();
    for kind in [
        "secret URL path segment in `url` of MCP server `remote`",
        "Slack webhook URL in env `SLACK_HOOK`",
        "secret in env `DB_PASSWORD`",
        "secret in env `PASSPHRASE`",
    ] {
        assert!(
            concise.contains(kind),
            "AIR301 `{kind}` missing:\n{concise}"
        );
    }
}

/// No silent gaps: files in languages airlock does not read are counted in one notice per
/// language; "No findings" says how many files of each language were read; JSON data that is
/// no configuration gives no syntax notice, while a broken client config still does.
#[test]
fn what_was_not_read_is_said() {
    let tmp = TempDir::new("hostile-gaps");
    let dir = tmp.path();
    copy_tree(
        &repo_root().join("corpus/langgraph/air101-web-search-to-refund-vulnerable"),
        dir,
        false,
    );
    std::fs::create_dir_all(dir.join("svc")).unwrap();
    for i in 0..3 {
        std::fs::write(dir.join(format!("svc/h{i}.go")), "package svc\n").unwrap();
    }
    std::fs::write(dir.join("svc/Main.java"), "class Main {}\n").unwrap();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(dir.join("data/records.json"), "{\"a\": 1}\n{\"a\": 2}\n").unwrap();
    std::fs::write(
        dir.join(".mcp.json"),
        "{\"mcpServers\": {\"x\": {\"command\": }}}\n",
    )
    .unwrap();
    let r = airlock_in(dir, &["check", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let notices: Vec<String> = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                n["path"].as_str().unwrap(),
                n["message"].as_str().unwrap()
            )
        })
        .collect();
    let has = |s: &str| notices.iter().any(|n| n.contains(s));
    assert!(has(".: 3 Go files not analysed"), "{notices:#?}");
    assert!(has(".: 1 Java file not analysed"), "{notices:#?}");
    assert!(has(".mcp.json: invalid json"), "{notices:#?}");
    assert!(!has("records.json"), "{notices:#?}");
    assert_eq!(json["incomplete"], true);

    // A project with no finding says what it read.
    let clean = TempDir::new("hostile-gaps-clean");
    copy_tree(
        &repo_root().join("corpus/langgraph/air101-web-search-to-refund-safe"),
        clean.path(),
        false,
    );
    std::fs::write(clean.path().join("data.json"), "[1, 2]\n").unwrap();
    let out = airlock_in(clean.path(), &["check", ".", "--format", "concise"]).stdout();
    assert!(
        out.starts_with("No findings in ") && out.contains("Python") && out.contains("1 JSON"),
        "{out}"
    );
}

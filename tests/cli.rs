//! End-to-end tests of the `airlock` command line: exit codes, every output format on the
//! demo app, selection flags, the rule catalog commands, determinism and user knowledge in
//! `airlock.toml`. Each test runs the real binary built by cargo.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use support::{airlock, copy_tree, repo_root, run, run_airlock, Run, TempDir};

/// The included example app: a coordinator reads invoice PDFs and routes to an agent that pays.
const DEMO: &str = "corpus/examples/expense-approval";
/// A corpus case with nothing to report.
const CLEAN: &str = "corpus/langgraph/air101-web-search-to-refund-safe";
/// A corpus case whose only finding is an AIR201.
const AIR201_CASE: &str = "corpus/langgraph/air201-python-repl-analyst-vulnerable";

/// Every rule code the catalog must list (issue 2's rule table, the suppression rules, and
/// issue 21's MCP authorization rules).
const ALL_CODES: [&str; 20] = [
    "AIR001", "AIR002", "AIR101", "AIR102", "AIR103", "AIR104", "AIR105", "AIR106", "AIR201",
    "AIR301", "AIR302", "AIR303", "AIR304", "AIR305", "AIR306", "AIR307", "AIR308", "AIR309",
    "AIR310", "AIR311",
];

const SARIF_SCHEMA: &str = include_str!("fixtures/sarif-schema-2.1.0.json");

fn demo_json() -> Run {
    let r = run_airlock(["check", DEMO, "--format", "json"]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    r
}

fn findings(json: &Value) -> &Vec<Value> {
    json["findings"].as_array().expect("`findings` is an array")
}

fn codes(json: &Value) -> Vec<String> {
    findings(json)
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_string())
        .collect()
}

fn schema_errors(log: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SARIF_SCHEMA).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Every string value stored under key `key`, anywhere in `value`.
fn strings_under_key<'a>(value: &'a Value, key: &str, out: &mut Vec<&'a str>) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if k == key {
                        if let Some(s) = child.as_str() {
                            out.push(s);
                        }
                    }
                    stack.push(child);
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Exit codes.

#[test]
fn clean_project_exits_0() {
    let r = run_airlock(["check", CLEAN, "--format", "concise"]);
    assert_eq!(
        r.code(),
        0,
        "stdout:\n{}\nstderr:\n{}",
        r.stdout(),
        r.stderr
    );
    assert_eq!(r.stdout(), "No findings in 1 file (1 Python).\n");
}

#[test]
fn findings_exit_1() {
    let r = run_airlock(["check", DEMO]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    assert!(r.stdout().contains("AIR101"), "{}", r.stdout());
}

#[test]
fn nonexistent_path_exits_2() {
    let r = run_airlock(["check", "corpus/no-such-project-here"]);
    assert_eq!(r.code(), 2, "stdout:\n{}", r.stdout());
    assert!(
        r.stderr.contains("no-such-project-here"),
        "stderr should name the path:\n{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout());
}

#[test]
fn unknown_select_exits_2() {
    let r = run_airlock(["check", DEMO, "--select", "XYZ"]);
    assert_eq!(r.code(), 2, "stdout:\n{}", r.stdout());
    assert!(r.stderr.contains("XYZ"), "{}", r.stderr);
    let r = run_airlock(["check", DEMO, "--ignore", "AIR9"]);
    assert_eq!(r.code(), 2, "an unknown --ignore prefix is refused too");
}

#[test]
fn invalid_config_exits_2_and_names_file_and_key() {
    let dir = TempDir::new("badcfg");
    dir.write("airlock.toml", "select = [\"AIR1\"]\nselekt = [\"AIR2\"]\n");
    dir.write("app.py", "x = 1\n");
    let r = run_airlock([Path::new("check"), dir.path()]);
    assert_eq!(
        r.code(),
        2,
        "stdout:\n{}\nstderr:\n{}",
        r.stdout(),
        r.stderr
    );
    assert!(r.stderr.contains("airlock.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("selekt"), "{}", r.stderr);
    assert!(
        r.stdout.is_empty(),
        "no report on a config error: {}",
        r.stdout()
    );
}

#[test]
fn bad_format_exits_2() {
    let r = run_airlock(["check", DEMO, "--format", "xml"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("xml"), "{}", r.stderr);
}

#[test]
fn config_errors_exit_2() {
    let dir = TempDir::new("cfgsel");
    dir.write("airlock.toml", "select = [\"AIR777\"]\n");
    dir.write("app.py", "x = 1\n");
    let r = run_airlock([Path::new("check"), dir.path()]);
    assert_eq!(
        r.code(),
        2,
        "an unknown code in the config's `select` is an error"
    );
    assert!(r.stderr.contains("AIR777"), "{}", r.stderr);

    let r = run_airlock([
        "check",
        DEMO,
        "--config",
        "corpus/examples/expense-approval/no-such-airlock.toml",
    ]);
    assert_eq!(r.code(), 2, "a missing --config file is an error");
    assert!(r.stderr.contains("no-such-airlock.toml"), "{}", r.stderr);
}

#[test]
fn unwritable_output_exits_2() {
    let tmp = TempDir::new("unwritable");
    let target = tmp.path().join("missing-dir").join("report.json");
    let mut cmd = airlock(["check", DEMO, "--format", "json", "--output"]);
    cmd.arg(&target);
    let r = run(cmd);
    assert_eq!(r.code(), 2, "stderr:\n{}", r.stderr);
    assert!(r.stderr.contains("report.json"), "{}", r.stderr);
}

#[test]
fn a_single_file_is_analysed_within_its_project() {
    // A file is analysed with its whole project (here: the nearest folder with `.git`, this
    // repository), and only the findings that touch it are reported, relative to that root.
    let file = format!("{AIR201_CASE}/analyst.py");
    let r = run_airlock(["check", file.as_str(), "--format", "json"]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_eq!(codes(&json), ["AIR201"]);
    assert_eq!(findings(&json)[0]["location"]["path"], file);
}

// ---------------------------------------------------------------------------------------
// Output formats on the demo app.

#[test]
fn text_format_has_header_code_frame_and_help() {
    let r = run_airlock(["check", DEMO, "--no-color"]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let out = r.stdout();
    assert!(
        !out.contains('\u{1b}'),
        "--no-color output has ANSI escapes"
    );
    assert!(out.contains("AIR101"), "{out}");
    // The frame shows the sink's source line with its real line number.
    let payments = std::fs::read_to_string(repo_root().join(DEMO).join("app/tools/payments.py"))
        .expect("read payments.py");
    let line_no = payments
        .lines()
        .position(|l| l.contains("def issue_payout("))
        .expect("the demo defines issue_payout")
        + 1;
    assert!(
        out.contains(&format!("app/tools/payments.py:{line_no}:")),
        "no location header for payments.py:{line_no}:\n{out}"
    );
    let framed = out.lines().any(|l| {
        l.trim_start().starts_with(&format!("{line_no} ")) && l.contains("def issue_payout(")
    });
    assert!(
        framed,
        "no code frame line `{line_no} │ def issue_payout(`:\n{out}"
    );
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("help:")),
        "no help line:\n{out}"
    );
    assert!(out.contains("airlock rule AIR101"), "{out}");
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let json = demo_json().json();
    let r = run_airlock(["check", DEMO, "--format", "concise"]);
    assert_eq!(r.code(), 1);
    let out = r.stdout();
    let lines: Vec<&str> = out.lines().collect();
    let n = findings(&json).len();
    assert!(n >= 3, "the demo app has several findings, got {n}");
    assert_eq!(
        lines.len(),
        n + 1,
        "one line per finding plus a summary:\n{out}"
    );
    for (line, f) in lines.iter().zip(findings(&json)) {
        let prefix = format!(
            "{}:{}:{}: {} ",
            f["location"]["path"].as_str().expect("path"),
            f["location"]["line"],
            f["location"]["column"],
            f["code"].as_str().expect("code"),
        );
        assert!(
            line.starts_with(&prefix),
            "`{line}` should start with `{prefix}`"
        );
    }
    assert!(
        lines[n].starts_with(&format!("Found {n} finding")),
        "{}",
        lines[n]
    );
}

#[test]
fn json_format_is_versioned_sorted_and_fingerprinted() {
    let json = demo_json().json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "airlock");
    let list = findings(&json);
    assert!(list.len() >= 3);
    let keys: Vec<(String, u64, u64, String)> = list
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().expect("path").to_string(),
                f["location"]["line"].as_u64().expect("line"),
                f["location"]["column"].as_u64().expect("column"),
                f["code"].as_str().expect("code").to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        keys, sorted,
        "findings are not sorted by path, line, column, code"
    );
    let mut prints = BTreeSet::new();
    for f in list {
        let fp = f["fingerprint"].as_str().expect("fingerprint is a string");
        assert!(
            fp.len() >= 8 && fp.chars().all(|c| c.is_ascii_hexdigit()),
            "fingerprint `{fp}` is not a hex digest"
        );
        prints.insert(fp.to_string());
        assert!(!f["message"].as_str().expect("message").is_empty());
        assert!(!f["help"].as_str().expect("help").is_empty());
    }
    assert_eq!(prints.len(), list.len(), "fingerprints must be distinct");
    let codes = codes(&json);
    for want in ["AIR101", "AIR104", "AIR105", "AIR106"] {
        assert!(codes.iter().any(|c| c == want), "{want} missing: {codes:?}");
    }
    assert!(json["notices"].is_array());
}

#[test]
fn sarif_validates_and_has_code_flows_and_fingerprints() {
    let r = run_airlock(["check", DEMO, "--format", "sarif"]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let log = r.json();
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"]
        .as_array()
        .expect("driver rules");
    assert_eq!(rules.len(), ALL_CODES.len());
    let results = run0["results"].as_array().expect("results");
    assert_eq!(results.len(), findings(&demo_json().json()).len());
    let mut air101 = 0;
    for res in results {
        let prints = res["partialFingerprints"]
            .as_object()
            .expect("partialFingerprints");
        assert!(
            !prints.is_empty()
                && prints
                    .values()
                    .all(|v| v.as_str().is_some_and(|s| !s.is_empty())),
            "{res}"
        );
        if res["ruleId"] == "AIR101" {
            air101 += 1;
            let steps = res["codeFlows"][0]["threadFlows"][0]["locations"]
                .as_array()
                .expect("an AIR101 result carries a codeFlow");
            assert!(steps.len() >= 2, "the flow has a source and a sink: {res}");
        }
        assert!(
            res["properties"]["security-severity"].is_string(),
            "security-severity missing: {res}"
        );
    }
    assert!(air101 >= 1);
    let mut uris = vec![];
    strings_under_key(&log, "uri", &mut uris);
    assert!(!uris.is_empty());
    for uri in uris {
        assert!(
            !uri.starts_with('/') && !uri.contains(':') && !uri.contains('\\'),
            "URI `{uri}` is not relative"
        );
    }
    let out = r.stdout();
    let root = repo_root();
    assert!(
        !out.contains(&*root.to_string_lossy()),
        "the SARIF log names the checkout's absolute path"
    );
}

#[test]
fn no_format_prints_an_absolute_path() {
    let tmp = TempDir::new("abspath");
    let project = tmp.path().join("scanned-app");
    copy_tree(&repo_root().join(DEMO), &project, false);
    let mut forbidden = vec![
        tmp.path().to_string_lossy().into_owned(),
        repo_root().to_string_lossy().into_owned(),
    ];
    if let Ok(c) = std::fs::canonicalize(tmp.path()) {
        forbidden.push(c.to_string_lossy().into_owned());
    }
    for format in ["text", "concise", "json", "sarif"] {
        let r = run_airlock([
            Path::new("check"),
            &project,
            Path::new("--format"),
            Path::new(format),
        ]);
        assert_eq!(r.code(), 1, "{format}: stderr:\n{}", r.stderr);
        let out = r.stdout();
        for f in &forbidden {
            assert!(!out.contains(f.as_str()), "{format} output contains `{f}`");
            assert!(
                !r.stderr.contains(f.as_str()),
                "{format} stderr contains `{f}`"
            );
        }
        assert!(
            !out.contains("file://"),
            "{format} output has a file:// URI"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Flags.

#[test]
fn output_file_gets_the_same_bytes_as_stdout() {
    let tmp = TempDir::new("output");
    for format in ["text", "concise", "json", "sarif"] {
        let to_stdout = run_airlock(["check", DEMO, "--format", format]);
        assert_eq!(to_stdout.code(), 1);
        let file = tmp.path().join(format!("report.{format}"));
        let mut cmd = airlock(["check", DEMO, "--format", format, "--output"]);
        cmd.arg(&file);
        let to_file = run(cmd);
        assert_eq!(to_file.code(), 1, "stderr:\n{}", to_file.stderr);
        assert!(
            to_file.stdout.is_empty(),
            "{format}: --output still printed to stdout"
        );
        let written = std::fs::read(&file).expect("--output wrote the file");
        assert!(!written.is_empty());
        assert!(
            written == to_stdout.stdout,
            "{format}: the file differs from stdout"
        );
    }
}

#[test]
fn select_keeps_only_the_selected_rule() {
    let r = run_airlock(["check", DEMO, "--format", "json", "--select", "AIR104"]);
    assert_eq!(r.code(), 1);
    let got = codes(&r.json());
    assert!(!got.is_empty(), "the demo app has an AIR104 finding");
    assert!(got.iter().all(|c| c == "AIR104"), "{got:?}");
    let by_name = run_airlock([
        "check",
        DEMO,
        "--format",
        "json",
        "--select",
        "forgeable-approval-state",
    ]);
    assert_eq!(by_name.stdout, r.stdout, "selecting by name == by code");
}

#[test]
fn ignore_prefix_drops_the_whole_family() {
    let all = run_airlock(["check", DEMO, AIR201_CASE, "--format", "json"]);
    assert_eq!(all.code(), 1);
    let all = codes(&all.json());
    assert!(all.iter().any(|c| c.starts_with("AIR1")), "{all:?}");
    assert!(all.iter().any(|c| c == "AIR201"), "{all:?}");

    let r = run_airlock([
        "check",
        DEMO,
        AIR201_CASE,
        "--format",
        "json",
        "--ignore",
        "AIR1",
    ]);
    assert_eq!(r.code(), 1, "the AIR201 finding remains");
    let got = codes(&r.json());
    assert!(!got.is_empty());
    assert!(got.iter().all(|c| !c.starts_with("AIR1")), "{got:?}");
    assert!(got.iter().any(|c| c == "AIR201"), "{got:?}");

    let demo_only = run_airlock(["check", DEMO, "--format", "json", "--ignore", "AIR1"]);
    assert_eq!(demo_only.code(), 0, "nothing left, so exit 0");
    assert!(codes(&demo_only.json()).is_empty());
}

#[test]
fn exit_zero_keeps_the_report() {
    let r = run_airlock(["check", DEMO, "--format", "json", "--exit-zero"]);
    assert_eq!(r.code(), 0, "stderr:\n{}", r.stderr);
    assert!(!findings(&r.json()).is_empty());
}

// ---------------------------------------------------------------------------------------
// The rule catalog.

#[test]
fn rules_lists_every_code() {
    let r = run_airlock(["rules"]);
    assert_eq!(r.code(), 0);
    let out = r.stdout();
    let listed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(listed, ALL_CODES, "{out}");
    for rule in airlock_analyzer::rules::RULES {
        assert!(
            out.contains(rule.name),
            "{} missing from:\n{out}",
            rule.name
        );
    }
}

#[test]
fn rule_prints_its_documentation() {
    let r = run_airlock(["rule", "AIR101"]);
    assert_eq!(r.code(), 0);
    let out = r.stdout();
    assert!(out.starts_with("# AIR101"), "{out}");
    assert!(out.contains("## What it does"), "{out}");
    assert!(out.contains("## Why is this bad?"), "{out}");
    let by_name = run_airlock(["rule", "untrusted-input-to-privileged-tool"]);
    assert_eq!(by_name.code(), 0);
    assert_eq!(by_name.stdout, r.stdout);
}

#[test]
fn unknown_rule_exits_2() {
    let r = run_airlock(["rule", "AIR999"]);
    assert_eq!(r.code(), 2);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("AIR999"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// Determinism.

#[test]
fn json_is_identical_whatever_the_thread_count() {
    let mut outputs = vec![];
    for threads in ["1", "2", "8"] {
        let mut cmd = airlock(["check", DEMO, "--format", "json"]);
        cmd.env("RAYON_NUM_THREADS", threads);
        let r = run(cmd);
        assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
        outputs.push((threads, r.stdout));
    }
    for (threads, out) in &outputs[1..] {
        assert!(
            *out == outputs[0].1,
            "JSON with RAYON_NUM_THREADS={threads} differs from RAYON_NUM_THREADS=1"
        );
    }
}

#[test]
fn json_is_identical_after_copying_and_renaming_the_project() {
    let original = demo_json();
    let tmp = TempDir::new("determinism");
    for (name, reverse) in [("renamed-copy", false), ("reversed-copy", true)] {
        let dest = tmp.path().join(name);
        copy_tree(&repo_root().join(DEMO), &dest, reverse);
        let r = run_airlock([
            Path::new("check"),
            &dest,
            Path::new("--format"),
            Path::new("json"),
        ]);
        assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
        assert!(
            r.stdout == original.stdout,
            "{name}: JSON differs from the original's:\n{}",
            r.stdout()
        );
    }
}

// ---------------------------------------------------------------------------------------
// User knowledge in airlock.toml.

const CUSTOM_SINK_APP: &str = r#"from acme import billing
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_tavily import TavilySearch


@tool
def refund_customer(customer_id: str, amount_cents: int) -> str:
    """Refund a customer through the in-house billing service."""
    receipt = billing.refund(customer_id, amount_cents)
    return f"refund {receipt} issued"


support_agent = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), refund_customer],
    system_prompt="Resolve billing disputes; check the merchant's policy on the web first.",
)
"#;

#[test]
fn custom_sink_in_config_makes_a_tool_privileged() {
    let without = TempDir::new("nosink");
    without.write("app/agent.py", CUSTOM_SINK_APP);
    let r = run_airlock([
        Path::new("check"),
        without.path(),
        Path::new("--format"),
        Path::new("json"),
    ]);
    assert_eq!(
        r.code(),
        0,
        "without the config `billing.refund` is unknown:\n{}",
        r.stdout()
    );
    assert!(codes(&r.json()).is_empty());

    let with = TempDir::new("sink");
    with.write("app/agent.py", CUSTOM_SINK_APP);
    with.write(
        "airlock.toml",
        "[[sink]]\ncallee = \"acme.billing.refund\"\nkind = \"payment\"\n",
    );
    let r = run_airlock([
        Path::new("check"),
        with.path(),
        Path::new("--format"),
        Path::new("json"),
    ]);
    assert_eq!(
        r.code(),
        1,
        "stdout:\n{}\nstderr:\n{}",
        r.stdout(),
        r.stderr
    );
    let json = r.json();
    let list = findings(&json);
    assert_eq!(list.len(), 1, "{json:#}");
    let f = &list[0];
    assert_eq!(f["code"], "AIR101");
    assert_eq!(f["location"]["path"], "app/agent.py");
    assert_eq!(
        f["location"]["line"], 8,
        "reported on `def refund_customer`"
    );
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("refund_customer")),
        "{f}"
    );
}

const CUSTOM_GATE_APP: &str = r#"import stripe
from acme.approvals import approved_by_human, require_approval
from langchain.agents import create_agent
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver


@tool
def refund_customer(charge_id: str, amount_cents: int) -> str:
    """Refund a card charge."""
    require_approval(f"refund {amount_cents} cents on {charge_id}")
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.status


@tool
@approved_by_human
def refund_subscription(subscription_charge_id: str) -> str:
    """Refund the last charge of a subscription."""
    return stripe.Refund.create(charge=subscription_charge_id).status


agent = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), refund_customer, refund_subscription],
    checkpointer=InMemorySaver(),
)
"#;

/// `(code, line)` of every finding in a JSON report.
fn code_lines(json: &Value) -> Vec<(String, u64)> {
    findings(json)
        .iter()
        .map(|f| {
            (
                f["code"].as_str().expect("code").to_string(),
                f["location"]["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn custom_interrupt_gate_in_config_covers_the_tool() {
    let dir = TempDir::new("gate");
    dir.write("app/agent.py", CUSTOM_GATE_APP);
    let before = check_json(dir.path());
    assert_eq!(
        code_lines(&before),
        [("AIR101".to_string(), 10), ("AIR101".to_string(), 19)],
        "without the config neither gate is known"
    );
    dir.write(
        "airlock.toml",
        "[[gate]]\ncallee = \"acme.approvals.require_approval\"\nkind = \"interrupt\"\n",
    );
    let after = check_json(dir.path());
    assert_eq!(
        code_lines(&after),
        [("AIR101".to_string(), 19)],
        "`require_approval(...)` before the refund is a gate once the config names it"
    );
}

#[test]
fn custom_approval_decorator_in_config_covers_the_tool() {
    let dir = TempDir::new("decorator");
    dir.write("app/agent.py", CUSTOM_GATE_APP);
    dir.write(
        "airlock.toml",
        "[[gate]]\ncallee = \"acme.approvals.require_approval\"\nkind = \"interrupt\"\n\n\
         [[gate]]\ncallee = \"acme.approvals.approved_by_human\"\nkind = \"approval_decorator\"\n",
    );
    let r = check_json(dir.path());
    assert_eq!(
        code_lines(&r),
        [],
        "`@approved_by_human` is declared an approval decorator, so `refund_subscription` is gated"
    );
}

fn check_json(dir: &Path) -> Value {
    let r = run_airlock([
        Path::new("check"),
        dir,
        Path::new("--format"),
        Path::new("json"),
    ]);
    assert!(r.code() == 0 || r.code() == 1, "stderr:\n{}", r.stderr);
    r.json()
}

// ---------------------------------------------------------------------------------------
// Fingerprints, discovery and configuration files.

#[test]
fn fingerprints_do_not_depend_on_line_numbers() {
    let original = demo_json().json();
    let tmp = TempDir::new("shifted");
    let dest = tmp.path().join("app-with-headers");
    copy_tree(&repo_root().join(DEMO), &dest, false);
    for rel in support::files_under(&dest) {
        if rel.extension().is_some_and(|e| e == "py") {
            let path = dest.join(&rel);
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, format!("# Copyright the expense team.\n\n{text}"))
                .expect("write");
        }
    }
    let shifted = check_json(&dest);
    let (a, b) = (findings(&original), findings(&shifted));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x["code"], y["code"]);
        assert_eq!(
            x["location"]["line"].as_u64().map(|l| l + 2),
            y["location"]["line"].as_u64(),
            "every line moved down by two"
        );
        assert_eq!(
            x["fingerprint"], y["fingerprint"],
            "the fingerprint of {} changed with its line number",
            x["code"]
        );
    }

    // A Windows checkout (CRLF line endings) reports the same findings and fingerprints.
    let crlf = tmp.path().join("app-with-crlf");
    copy_tree(&repo_root().join(DEMO), &crlf, false);
    for rel in support::files_under(&crlf) {
        if rel.extension().is_some_and(|e| e == "py") {
            let path = crlf.join(&rel);
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, text.replace('\n', "\r\n")).expect("write");
        }
    }
    let windows = check_json(&crlf);
    let strip = |json: &Value| -> Vec<(Value, Value, Value)> {
        findings(json)
            .iter()
            .map(|f| {
                (
                    f["code"].clone(),
                    f["location"]["line"].clone(),
                    f["fingerprint"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(strip(&original), strip(&windows));
}

#[test]
fn ignored_and_vendored_folders_are_not_analysed() {
    let dir = TempDir::new("discover");
    let analyst = std::fs::read(repo_root().join(AIR201_CASE).join("analyst.py")).expect("read");
    dir.write("src/agent.py", &analyst);
    dir.write(".gitignore", "generated/\n");
    dir.write("generated/agent.py", &analyst);
    dir.write(".venv/lib/python3.12/site-packages/pkg/agent.py", &analyst);
    dir.write("env/pyvenv.cfg", "home = /usr/bin\n");
    dir.write("env/lib/agent.py", &analyst);
    dir.write("node_modules/pkg/agent.py", &analyst);
    dir.write("build/lib/agent.py", &analyst);
    dir.write("scripts/agent.py", &analyst);
    dir.write("airlock.toml", "extend-exclude = [\"scripts/\"]\n");
    let json = check_json(dir.path());
    let paths: Vec<&str> = findings(&json)
        .iter()
        .map(|f| f["location"]["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, ["src/agent.py"]);
}

#[test]
fn pyproject_tool_airlock_section_is_read() {
    let tmp = TempDir::new("pyproject");
    let dest = tmp.path().join("app");
    copy_tree(&repo_root().join(DEMO), &dest, false);
    let py = dest.join("pyproject.toml");
    let mut text = std::fs::read_to_string(&py).expect("read pyproject.toml");
    text.push_str("\n[tool.airlock]\nselect = [\"AIR104\"]\n");
    std::fs::write(&py, text).expect("write pyproject.toml");
    let json = check_json(&dest);
    let got = codes(&json);
    assert!(!got.is_empty());
    assert!(got.iter().all(|c| c == "AIR104"), "{got:?}");
}

#[test]
fn default_path_is_the_current_folder_and_path_order_does_not_matter() {
    let mut cmd = airlock(["check", "--format", "json"]);
    cmd.current_dir(repo_root().join(DEMO));
    let here = run(cmd);
    assert_eq!(here.code(), 1, "stderr:\n{}", here.stderr);
    assert!(
        here.stdout == demo_json().stdout,
        "`check` == `check <that folder>`"
    );

    let ab = run_airlock(["check", DEMO, AIR201_CASE, "--format", "json"]);
    let ba = run_airlock(["check", AIR201_CASE, DEMO, "--format", "json"]);
    assert_eq!(ab.code(), 1);
    assert!(
        ab.stdout == ba.stdout,
        "the order of the paths changed the report"
    );
}

/// A Jupyter notebook is analysed as its code cells (magics and shell escapes skipped): the
/// text output names the cell and the line in it, and SARIF points at the `.ipynb` file, at
/// the notebook line that stores the code.
#[test]
fn notebooks_are_analysed_and_located_by_cell() {
    let case = "corpus/langgraph/air101-notebook-web-search-to-shell-vulnerable";
    let text = run_airlock(["check", case, "--no-color"]);
    assert_eq!(text.code(), 1, "{}", text.stderr);
    let out = text.stdout();
    assert!(out.contains("in notebook cell 3, line 11"), "{out}");
    assert!(out.contains("triage.ipynb:34:12"), "{out}");
    let sarif = run_airlock(["check", case, "--format", "sarif"]).json();
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let air106 = results
        .iter()
        .find(|r| r["ruleId"] == "AIR106")
        .expect("AIR106 in the notebook");
    let loc = &air106["locations"][0]["physicalLocation"];
    assert!(
        loc["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("triage.ipynb")),
        "{loc:#}"
    );
    assert_eq!(loc["region"]["startLine"], 34);
    // The notebook's own line 34 is the code the finding names.
    let nb = std::fs::read_to_string(format!("{case}/triage.ipynb")).unwrap();
    assert!(nb
        .lines()
        .nth(33)
        .unwrap()
        .contains("subprocess.run(command"));
}

// ---------------------------------------------------------------------------------------
// Test code: analysed, left out of the report by default, counted in a notice.

const SHELL_TOOL: &str = r#"import subprocess
from mcp.server.fastmcp import FastMCP
mcp = FastMCP("ops")
@mcp.tool()
def run(cmd: str) -> str:
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
"#;

#[test]
fn findings_in_test_code_are_counted_not_reported_unless_asked_for() {
    let dir = TempDir::new("cli-test-code");
    dir.write("pyproject.toml", "[project]\nname = \"ops\"\n");
    dir.write("ops/server.py", SHELL_TOOL);
    dir.write("tests/fake_server.py", SHELL_TOOL);
    dir.write("ops/server.test.ts", "export {};\n");
    dir.write("ops/test_helpers.py", SHELL_TOOL);
    let root = dir.path().to_str().expect("utf-8 path").to_string();
    // The files findings are in, each once, sorted.
    let paths = |json: &Value| -> Vec<String> {
        findings(json)
            .iter()
            .map(|f| {
                f["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    // By default: only the application's finding, and a notice naming the count.
    let r = run_airlock(["check", root.as_str(), "--format", "json"]);
    assert_eq!(r.code(), 1, "stderr:\n{}", r.stderr);
    let json = r.json();
    assert_eq!(paths(&json), ["ops/server.py"]);
    let notices: Vec<String> = json["notices"]
        .as_array()
        .expect("notices")
        .iter()
        .map(|n| n.to_string())
        .collect();
    // Each test file holds what `ops/server.py` holds.
    let per_file = findings(&json).len();
    let expected = format!("{} findings in test code not reported", 2 * per_file);
    assert!(
        notices.iter().any(|n| n.contains(&expected)),
        "{expected}: {notices:?}"
    );
    // `--include-tests` reports them all.
    let r = run_airlock([
        "check",
        root.as_str(),
        "--format",
        "json",
        "--include-tests",
    ]);
    assert_eq!(
        paths(&r.json()),
        [
            "ops/server.py",
            "ops/test_helpers.py",
            "tests/fake_server.py"
        ]
    );
    // So does the configuration key.
    dir.write("airlock.toml", "include-tests = true\n");
    let r = run_airlock(["check", root.as_str(), "--format", "json"]);
    assert_eq!(paths(&r.json()).len(), 3, "{}", r.stdout());
    assert!(
        !r.stdout().contains("in test code not reported"),
        "{}",
        r.stdout()
    );
}

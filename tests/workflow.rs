//! The pre-commit and pull-request workflow, end to end through the real binary: baselines,
//! suppressions, per-file ignores, the severity threshold, excludes, files mode (what the
//! pre-commit hook runs), `--diff` against a git revision, the GitHub annotation format, and the
//! hook and Action definitions at the repository root.

mod support;

use serde_json::Value;
use std::path::Path;
use std::process::Command;
use support::{airlock, repo_root, run, run_airlock, Run, TempDir};

/// One agent that reads the web and holds `n` ungated refund tools: `n` AIR101 findings.
fn refund_desk(n: usize, gated: &[usize]) -> String {
    let mut s = String::from(
        "import stripe\n\
         from langchain.agents import create_agent\n\
         from langchain.agents.middleware import HumanInTheLoopMiddleware\n\
         from langchain.tools import tool\n\
         from langchain_tavily import TavilySearch\n\
         from langgraph.checkpoint.memory import InMemorySaver\n\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "\n@tool\ndef refund_{i}(charge_id: str) -> str:\n    \"\"\"Refund charge {i}.\"\"\"\n    return stripe.Refund.create(charge=charge_id).id\n\n"
        ));
    }
    let tools: Vec<String> = (0..n).map(|i| format!("refund_{i}")).collect();
    let gates: Vec<String> = gated
        .iter()
        .map(|i| format!("\"refund_{i}\": True"))
        .collect();
    s.push_str(&format!(
        "\nagent = create_agent(\n    \"openai:gpt-4.1\",\n    tools=[TavilySearch(max_results=3), {}],\n    middleware=[HumanInTheLoopMiddleware(interrupt_on={{{}}})],\n    checkpointer=InMemorySaver(),\n)\n",
        tools.join(", "),
        gates.join(", ")
    ));
    s
}

fn check(dir: &Path, extra: &[&str]) -> Run {
    let mut cmd = airlock(["check", "--format", "json"]);
    cmd.args(extra).arg(dir);
    run(cmd)
}

fn codes(r: &Run) -> Vec<String> {
    r.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_string())
        .collect()
}

fn lines_of(r: &Run, code: &str) -> Vec<u64> {
    r.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["location"]["line"].as_u64().expect("line"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Baselines.

#[test]
fn a_project_with_thirty_findings_adopts_airlock_with_one_command() {
    let dir = TempDir::new("baseline");
    dir.write("pyproject.toml", "[project]\nname = \"desk\"\n");
    dir.write("desk/agent.py", refund_desk(30, &[]));
    let baseline = dir.path().join("airlock-baseline.json");

    let before = check(dir.path(), &[]);
    assert_eq!(before.code(), 1, "{}", before.stderr);
    assert_eq!(codes(&before).len(), 30);

    // Adoption: one command writes the baseline and succeeds.
    let mut cmd = airlock(["check", "--baseline"]);
    cmd.arg(&baseline).arg("--write-baseline").arg(dir.path());
    let adopt = run(cmd);
    assert_eq!(adopt.code(), 0, "{}", adopt.stderr);
    assert!(
        adopt.stderr.contains("wrote 30 findings"),
        "{}",
        adopt.stderr
    );
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).expect("baseline written"))
            .expect("baseline is JSON");
    assert_eq!(written["version"], 1);
    assert_eq!(written["findings"].as_array().map(Vec::len), Some(30));

    let b = baseline.to_string_lossy().into_owned();
    let next = check(dir.path(), &["--baseline", &b]);
    assert_eq!(next.code(), 0, "{}", next.stdout());
    assert!(codes(&next).is_empty());
    assert!(
        next.stderr.contains("30 findings in the baseline"),
        "{}",
        next.stderr
    );

    // Unrelated edits (a new import and comment above every tool) keep the old findings covered.
    let shifted = format!(
        "# Billing desk agent.\nimport logging\n\n{}",
        refund_desk(30, &[])
    );
    dir.write("desk/agent.py", &shifted);
    let after_edit = check(dir.path(), &["--baseline", &b]);
    assert_eq!(after_edit.code(), 0, "{}", after_edit.stdout());

    // A 31st ungated tool is the only finding reported, and it fails the check.
    dir.write("desk/agent.py", refund_desk(31, &[]));
    let new = check(dir.path(), &["--baseline", &b]);
    assert_eq!(new.code(), 1, "{}", new.stderr);
    let json = new.json();
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json:#}");
    assert!(findings[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("refund_30")));
}

#[test]
fn a_missing_or_broken_baseline_is_an_error_that_says_what_to_do() {
    let dir = TempDir::new("badbaseline");
    dir.write("agent.py", refund_desk(1, &[]));
    let missing = dir.path().join("nope.json");
    let r = check(dir.path(), &["--baseline", &missing.to_string_lossy()]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("--write-baseline"), "{}", r.stderr);

    let broken = dir.write(
        "broken.json",
        "{\n  \"version\": 1,\n  \"findings\": [\n    { \"code\": 7 }\n  ]\n}\n",
    );
    let r = check(dir.path(), &["--baseline", &broken.to_string_lossy()]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("broken.json:4:"), "{}", r.stderr);

    let r = run_airlock(["check", "--write-baseline", "."]);
    assert_eq!(r.code(), 2, "--write-baseline needs --baseline");
}

// ---------------------------------------------------------------------------------------
// Suppressions.

#[test]
fn suppression_round_trip() {
    let dir = TempDir::new("suppress");
    let vulnerable = refund_desk(1, &[]);
    dir.write("agent.py", &vulnerable);
    let r = check(dir.path(), &[]);
    assert_eq!(codes(&r), ["AIR101"]);
    let line = lines_of(&r, "AIR101")[0] as usize;

    let with_comment = |comment: &str, gated: bool| {
        let src = refund_desk(1, if gated { &[0] } else { &[] });
        src.lines()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == line {
                    format!("{l}  {comment}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect::<String>()
    };

    // A suppression with a reason silences the finding.
    dir.write(
        "agent.py",
        with_comment(
            "# airlock: ignore[AIR101] capped at 20 EUR (BILL-142)",
            false,
        ),
    );
    let r = check(dir.path(), &[]);
    assert_eq!(r.code(), 0, "{}", r.stdout());

    // Without a reason it silences nothing and is reported at its line.
    dir.write("agent.py", with_comment("# airlock: ignore[AIR101]", false));
    let r = check(dir.path(), &[]);
    assert_eq!(codes(&r), ["AIR101", "AIR002"]);
    assert_eq!(lines_of(&r, "AIR002"), [line as u64]);

    // Once the tool is gated the suppression is stale: AIR001 at its line.
    dir.write(
        "agent.py",
        with_comment(
            "# airlock: ignore[AIR101] capped at 20 EUR (BILL-142)",
            true,
        ),
    );
    let r = check(dir.path(), &[]);
    assert_eq!(codes(&r), ["AIR001"]);
    assert_eq!(lines_of(&r, "AIR001"), [line as u64]);

    // With AIR101 ignored, its suppressions are not judged.
    let r = check(dir.path(), &["--ignore", "AIR101"]);
    assert_eq!(r.code(), 0, "{}", r.stdout());

    // The file-level form.
    dir.write(
        "agent.py",
        format!("# airlock: ignore-file[AIR1] demo app, never deployed\n{vulnerable}"),
    );
    let r = check(dir.path(), &[]);
    assert_eq!(r.code(), 0, "{}", r.stdout());
}

// ---------------------------------------------------------------------------------------
// Configuration.

#[test]
fn per_file_ignores_and_the_severity_threshold() {
    let dir = TempDir::new("perfile");
    dir.write("app/agent.py", refund_desk(1, &[]));
    dir.write("demo/agent.py", refund_desk(1, &[]));
    dir.write(
        "airlock.toml",
        "[per-file-ignores]\n\"demo/**\" = [\"untrusted-input-to-privileged-tool\"]\n",
    );
    let r = check(dir.path(), &[]);
    let json = r.json();
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["location"]["path"].as_str())
        .collect();
    assert_eq!(paths, ["app/agent.py"]);

    // The AIR101 finding is critical: a `critical` threshold still fails.
    let r = check(dir.path(), &["--severity", "critical"]);
    assert_eq!(r.code(), 1);
    dir.write(
        "airlock.toml",
        "severity = \"critical\"\nignore = [\"AIR101\"]\n[per-file-ignores]\n\"demo/**\" = [\"AIR1\"]\n",
    );
    dir.write(
        "app/tools.py",
        "from langchain.tools import tool\nimport os\n\n@tool\ndef delete_upload(name: str) -> str:\n    \"\"\"Delete an uploaded file.\"\"\"\n    os.remove(os.path.join(\"/srv/uploads\", name))\n    return \"ok\"\n",
    );
    let r = check(dir.path(), &[]);
    assert_eq!(codes(&r), ["AIR106"], "a high finding: {}", r.stdout());
    assert_eq!(
        r.code(),
        0,
        "findings below the configured threshold are reported but do not fail"
    );
    let r = check(dir.path(), &["--severity", "low"]);
    assert_eq!(r.code(), 1, "the flag overrides the configuration");
}

#[test]
fn exclude_replaces_the_defaults_and_patterns_are_relative_to_the_config() {
    let dir = TempDir::new("exclude");
    dir.write("svc/build/agent.py", refund_desk(1, &[]));
    dir.write("svc/scripts/agent.py", refund_desk(1, &[]));
    let paths = |r: &Run| -> Vec<String> {
        r.json()["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["location"]["path"].as_str().map(String::from))
            .collect()
    };
    // Defaults: `build/` is never analysed.
    let r = check(&dir.path().join("svc"), &[]);
    assert_eq!(paths(&r), ["scripts/agent.py"]);

    // `exclude` replaces the defaults; patterns are relative to airlock.toml's folder, and
    // paths are reported relative to it, whichever folder is checked.
    dir.write("airlock.toml", "exclude = [\"svc/scripts/\"]\n");
    let r = check(&dir.path().join("svc"), &[]);
    assert_eq!(paths(&r), ["svc/build/agent.py"]);

    dir.write("airlock.toml", "extend-exclude = [\"svc/scripts/\"]\n");
    let r = check(&dir.path().join("svc"), &[]);
    assert!(paths(&r).is_empty(), "{:?}", paths(&r));
}

#[test]
fn every_config_error_points_at_its_line() {
    let cases = [
        (
            "select = [\"AIR101\",\n  \"AIR909\"]\n",
            "airlock.toml:2:",
            "`AIR909` matches no rule",
        ),
        (
            "\n\nseverity = \"urgent\"\n",
            "airlock.toml:3:",
            "unknown variant",
        ),
        (
            "[per-file-ignores]\n\"tests/**\" = [\"AIR1\"]\n\"x/[z-a]\" = [\"AIR1\"]\n",
            "airlock.toml:3:",
            "invalid pattern",
        ),
        (
            "\n[[sink]]\ncallee = \"acme.pay\"\nkind = \"teleport\"\n",
            "airlock.toml:2:",
            "unknown sink kind",
        ),
        (
            "max-file-size = 10\nexclud = []\n",
            "airlock.toml:2:",
            "exclud",
        ),
    ];
    for (config, at, what) in cases {
        let dir = TempDir::new("cfgline");
        dir.write("airlock.toml", config);
        dir.write("agent.py", "x = 1\n");
        let r = check(dir.path(), &[]);
        assert_eq!(r.code(), 2, "{config:?}");
        assert!(
            r.stderr.contains(at),
            "{config:?}: expected `{at}` in\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(what),
            "{config:?}: expected `{what}` in\n{}",
            r.stderr
        );
    }
    // pyproject.toml: the line within the whole file.
    let dir = TempDir::new("cfgpy");
    dir.write(
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.airlock]\nignore = [\"AIR3\", \"AIR4\"]\n",
    );
    dir.write("agent.py", "x = 1\n");
    let r = check(dir.path(), &[]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("pyproject.toml:5:"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// Files mode (the pre-commit hook) and the GitHub format.

const DEMO: &str = "corpus/examples/expense-approval";

#[test]
fn given_files_the_project_is_analysed_and_findings_touching_them_reported() {
    let demo = repo_root().join(DEMO);
    let files = |rels: &[&str]| -> Run {
        let mut cmd = airlock(["check", "--format", "json"]);
        for r in rels {
            cmd.arg(demo.join(r));
        }
        run(cmd)
    };
    // The coordinator holds the untrusted source of the payment findings, not the tools.
    let r = files(&["app/agents/coordinator.py"]);
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let json = r.json();
    let primary: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["location"]["path"].as_str())
        .collect();
    assert!(
        primary.contains(&"app/tools/payments.py"),
        "a cross-file finding is reported through its source: {primary:?}"
    );
    // A file no finding touches: clean.
    let r = files(&["app/config.py"]);
    assert_eq!(r.code(), 0, "{}", r.stdout());
    // Excluded in the configuration: a passed file is still excluded.
    let tmp = TempDir::new("hookexcl");
    support::copy_tree(&demo, tmp.path(), false);
    tmp.write("airlock.toml", "extend-exclude = [\"app/tools/\"]\n");
    let mut cmd = airlock(["check", "--format", "json"]);
    cmd.arg(tmp.path().join("app/tools/payments.py"));
    let r = run(cmd);
    assert_eq!(r.code(), 0, "{}", r.stdout());
}

#[test]
fn github_format_annotates_paths_from_the_working_folder() {
    let dir = TempDir::new("gh");
    dir.write(
        "services/desk/pyproject.toml",
        "[project]\nname = \"desk\"\n",
    );
    dir.write("services/desk/agent.py", refund_desk(1, &[]));
    let mut cmd = airlock(["check", "services/desk", "--format", "github"]);
    cmd.current_dir(dir.path());
    let r = run(cmd);
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let out = r.stdout();
    let first = out.lines().next().expect("one annotation");
    assert!(
        first.starts_with("::error file=services/desk/agent.py,line="),
        "{out}"
    );
    assert!(
        first.contains("title=AIR101 untrusted-input-to-privileged-tool::"),
        "{out}"
    );
    // SARIF from the same folder uses the same repository-relative URIs.
    let mut cmd = airlock(["check", "services/desk", "--format", "sarif"]);
    cmd.current_dir(dir.path());
    let sarif = run(cmd).json();
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "services/desk/agent.py"
    );
}

// ---------------------------------------------------------------------------------------
// `--diff BASE_REF`.

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=airlock tests",
            "-c",
            "user.email=tests@airlock.invalid",
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

#[test]
fn diff_reports_only_the_findings_a_change_introduces() {
    let dir = TempDir::new("diff");
    git(dir.path(), &["init", "-q", "-b", "main"]);
    dir.write("pyproject.toml", "[project]\nname = \"desk\"\n");
    dir.write("desk/agent.py", refund_desk(2, &[]));
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "two refund tools"]);

    // The change adds a third ungated tool and moves everything down.
    dir.write(
        "desk/agent.py",
        format!("\"\"\"Billing desk.\"\"\"\n\n{}", refund_desk(3, &[])),
    );
    let all = check(dir.path(), &[]);
    assert_eq!(codes(&all).len(), 3);
    let r = check(dir.path(), &["--diff", "main"]);
    assert_eq!(r.code(), 1, "{}", r.stderr);
    let json = r.json();
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json:#}");
    assert!(findings[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("refund_2")));

    // Committed, the change introduces nothing relative to itself; the user's index and
    // work tree are untouched by the snapshot.
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "third tool"]);
    let r = check(dir.path(), &["--diff", "HEAD"]);
    assert_eq!(r.code(), 0, "{}", r.stdout());
    let status = Command::new("git")
        .arg("-C")
        .arg(dir.path())
        .args(["status", "--porcelain"])
        .output()
        .expect("git status");
    assert!(
        status.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );

    let r = check(dir.path(), &["--diff", "no-such-branch"]);
    assert_eq!(r.code(), 2);
    assert!(r.stderr.contains("no-such-branch"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------
// The hook and the Action.

#[test]
fn hook_and_action_use_flags_the_binary_has() {
    let help = run_airlock(["check", "--help"]).stdout();
    let hooks = std::fs::read_to_string(repo_root().join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml at the root");
    assert!(hooks.contains("- id: airlock"));
    assert!(hooks.contains("language: rust"));
    let action = std::fs::read_to_string(repo_root().join("action.yml")).expect("action.yml");
    assert!(action.contains("using: composite"));
    for text in [&hooks, &action] {
        for line in text.lines().filter(|l| l.contains("airlock check")) {
            for flag in line
                .split_whitespace()
                .filter(|w| w.starts_with("--"))
                .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-')))
            {
                assert!(
                    help.contains(flag),
                    "`{flag}` in `{}` is not an `airlock check` flag",
                    line.trim()
                );
            }
        }
    }
    for flag in [
        "--severity",
        "--diff",
        "--baseline",
        "--format",
        "--output",
        "--exit-zero",
    ] {
        assert!(action.contains(flag), "the Action passes {flag}");
    }
}

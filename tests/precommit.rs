//! A real `pre-commit` run: a temporary git repository uses this repository as its hook source
//! (`.pre-commit-hooks.yaml`, `language: rust`), pre-commit builds airlock with `cargo install`
//! and runs it on `git commit`. A commit that adds an ungated path is blocked; the same commit
//! with the approval gate goes through.
//!
//! pre-commit installs the hook from this repository's HEAD commit, so the test exercises the
//! committed hook definition and code (in CI, a clean clone: exactly what is tested). It needs
//! `pre-commit` on PATH (`.ci/run` installs it from PyPI); outside CI it is skipped with a
//! message when pre-commit is missing, in CI its absence fails the test.

mod support;

use std::path::Path;
use std::process::{Command, Output};
use support::{repo_root, TempDir};

const GATED: &str = r#"import stripe
from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain.tools import tool
from langchain_tavily import TavilySearch
from langgraph.checkpoint.memory import InMemorySaver


@tool
def lookup_charge(charge_id: str) -> str:
    """Look up a card charge."""
    return stripe.Charge.retrieve(charge_id).status


agent = create_agent(
    "openai:gpt-4.1",
    tools=[TavilySearch(max_results=3), lookup_charge],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={})],
    checkpointer=InMemorySaver(),
)
"#;

/// The change under review: a refund tool, gated (`true`) or not.
fn with_refund(gated: bool) -> String {
    let gate = if gated { "\"refund\": True" } else { "" };
    GATED
        .replace(
            "\n\nagent = create_agent(",
            "\n\n@tool\ndef refund(charge_id: str) -> str:\n    \"\"\"Refund a card charge.\"\"\"\n    return stripe.Refund.create(charge=charge_id).id\n\n\nagent = create_agent(",
        )
        .replace("lookup_charge],", "lookup_charge, refund],")
        .replace("interrupt_on={}", &format!("interrupt_on={{{gate}}}"))
}

fn sh(dir: &Path, program: &str, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(program);
    c.current_dir(dir).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.env("GIT_AUTHOR_NAME", "airlock tests")
        .env("GIT_AUTHOR_EMAIL", "tests@airlock.invalid")
        .env("GIT_COMMITTER_NAME", "airlock tests")
        .env("GIT_COMMITTER_EMAIL", "tests@airlock.invalid")
        .env("NO_COLOR", "1");
    c.output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn pre_commit_blocks_an_ungated_path_and_allows_the_fix() {
    let available = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "pre-commit is not installed; .ci/run installs it with pip"
        );
        eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        return;
    }
    let root = repo_root();
    let head = sh(&root, "git", &["rev-parse", "HEAD"], &[]);
    assert!(head.status.success(), "{}", text(&head));
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();

    let repo = TempDir::new("precommit-repo");
    let home = TempDir::new("precommit-home");
    // pre-commit's cache is private to the test; the cargo build directory is shared across
    // runs so the release build of airlock is incremental.
    let target = root.join("target").join("pre-commit-hook");
    let env = [
        ("PRE_COMMIT_HOME", home.path()),
        ("CARGO_TARGET_DIR", target.as_path()),
    ];
    let dir = repo.path();
    let git = |args: &[&str]| sh(dir, "git", args, &env);

    assert!(git(&["init", "-q", "-b", "main"]).status.success());
    repo.write("pyproject.toml", "[project]\nname = \"billing-desk\"\n");
    repo.write("desk/agent.py", GATED);
    repo.write(
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: airlock\n",
            root.display()
        ),
    );
    assert!(git(&["add", "-A"]).status.success());
    let first = git(&["commit", "-q", "-m", "billing desk"]);
    assert!(first.status.success(), "{}", text(&first));
    let install = sh(dir, "pre-commit", &["install"], &env);
    assert!(install.status.success(), "{}", text(&install));

    // An ungated refund tool reachable from web search: the commit is blocked.
    repo.write("desk/agent.py", with_refund(false));
    assert!(git(&["add", "-A"]).status.success());
    let blocked = git(&["commit", "-m", "add refunds"]);
    let out = text(&blocked);
    assert!(!blocked.status.success(), "the commit went through:\n{out}");
    assert!(out.contains("AIR101"), "{out}");
    assert!(out.contains("refund"), "{out}");
    let log = git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).trim(), "1");

    // With the approval gate the same change is committed.
    repo.write("desk/agent.py", with_refund(true));
    assert!(git(&["add", "-A"]).status.success());
    let allowed = git(&["commit", "-m", "add refunds behind approval"]);
    assert!(allowed.status.success(), "{}", text(&allowed));
    let log = git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).trim(), "2");
}

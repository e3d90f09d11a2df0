//! Scan-root independence (issue 16): a project's findings are the same whether its folder is
//! checked alone or as one project of a larger tree (a monorepo with other applications and a
//! framework's own source beside them).
//!
//! The tree holds two applications that each have a `tools` module and an `agent` module (so a
//! name-only import resolution picks the wrong one in one of them), and a copy of a framework's
//! source (`libs/langgraph/langgraph/prebuilt`), which must not shadow airlock's knowledge of
//! `create_react_agent`: library code is not the application.

mod support;

use support::{airlock, run, TempDir};

const SHOP_TOOLS: &str = r#"import requests
import stripe
from langchain_core.tools import tool


@tool
def read_page(url: str) -> str:
    """Fetch a web page."""
    return requests.get(url).text


@tool
def refund(charge_id: str, amount_cents: int) -> str:
    """Refund a customer's card charge."""
    return stripe.Refund.create(charge=charge_id, amount=amount_cents).status
"#;

const BLOG_TOOLS: &str = r#"from langchain_core.tools import tool


@tool
def read_page(url: str) -> str:
    """Return a canned page."""
    return "hello"


@tool
def refund(charge_id: str, amount_cents: int) -> str:
    """Pretend to refund."""
    return "ok"
"#;

const AGENT: &str = r#"from langgraph.prebuilt import create_react_agent

from tools import read_page, refund

agent = create_react_agent("openai:gpt-4.1", tools=[read_page, refund])
"#;

const LIBRARY: &str = r#"def create_react_agent(model, tools, **kwargs):
    """The framework's own implementation, checked out beside the applications."""
    return _build(model, tools)


def _build(model, tools):
    return (model, tools)
"#;

fn tree(with_library: bool) -> TempDir {
    let dir = TempDir::new("scan-root");
    dir.write("blog/pyproject.toml", "[project]\nname = \"blog\"\n");
    dir.write("blog/tools.py", BLOG_TOOLS);
    dir.write("blog/agent.py", AGENT);
    dir.write("shop/pyproject.toml", "[project]\nname = \"shop\"\n");
    dir.write("shop/tools.py", SHOP_TOOLS);
    dir.write("shop/agent.py", AGENT);
    if with_library {
        dir.write(
            "libs/langgraph/pyproject.toml",
            "[project]\nname = \"langgraph\"\n",
        );
        dir.write("libs/langgraph/langgraph/__init__.py", "");
        dir.write("libs/langgraph/langgraph/prebuilt/__init__.py", LIBRARY);
    }
    dir
}

/// The findings of `airlock check <target>` under `prefix` (with the prefix removed from every
/// path, including the path steps), as comparable JSON values.
fn findings(target: &std::path::Path, prefix: &str) -> Vec<serde_json::Value> {
    let out = run({
        let mut c = airlock(["check", "--format", "json", "--exit-zero"]);
        c.arg(target);
        c
    });
    assert_eq!(out.code(), 0, "stderr: {}", out.stderr);
    let json = out.json();
    let mut found = vec![];
    for f in json["findings"].as_array().expect("findings array") {
        let path = f["location"]["path"].as_str().expect("path");
        let Some(rest) = path.strip_prefix(prefix) else {
            continue;
        };
        let mut f = f.clone();
        f["location"]["path"] = rest.into();
        if let Some(steps) = f["path"].as_array_mut() {
            for s in steps {
                let p = s["location"]["path"].as_str().unwrap_or("").to_string();
                s["location"]["path"] = p.strip_prefix(prefix).unwrap_or(&p).into();
            }
        }
        // The fingerprint hashes the path as scanned; everything else must match.
        if let Some(o) = f.as_object_mut() {
            o.remove("fingerprint");
        }
        found.push(f);
    }
    found
}

#[test]
fn a_project_gets_the_same_findings_alone_and_inside_a_monorepo() {
    for with_library in [false, true] {
        let dir = tree(with_library);
        let alone = findings(&dir.path().join("shop"), "");
        let inside = findings(dir.path(), "shop/");
        // The shop's refund tool is reachable from web content with no gate: one AIR101.
        assert!(
            alone.iter().any(|f| f["code"] == "AIR101"),
            "the shop alone: {alone:#?}"
        );
        assert_eq!(
            alone, inside,
            "the shop's findings differ between its folder and the monorepo (library copy: {with_library})"
        );
        // The blog's tools do nothing privileged, scanned either way.
        assert!(findings(&dir.path().join("blog"), "").is_empty());
        assert!(findings(dir.path(), "blog/").is_empty());
    }
}

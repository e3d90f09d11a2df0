//! The MCP authorization rules through the real binary: AIR311's client secrets never appear in
//! any output (every `check` format, the inventory and the graph), while the finding names the
//! key; the code frame shows the literal masked.

mod support;

use support::run_airlock;

const CASE: &str = "corpus/mcp-servers/air311-desk-oauth-secret-py-vulnerable";
const SECRETS: [&str; 2] = ["Zq8vR2mX9kLpT4wNa1Yc", "gH7kQ2vX9mLpR4tWz8Nb"];

#[test]
fn no_output_shows_a_client_secret() {
    let mut outputs = vec![];
    for format in ["text", "concise", "json", "sarif", "github"] {
        let r = run_airlock(["check", CASE, "--format", format, "--no-color"]);
        assert_eq!(r.code(), 1, "{format}: {}", r.stderr);
        outputs.push((format!("check --format {format}"), r.stdout() + &r.stderr));
    }
    for format in ["table", "json", "cyclonedx"] {
        let r = run_airlock(["inventory", CASE, "--format", format]);
        outputs.push((
            format!("inventory --format {format}"),
            r.stdout() + &r.stderr,
        ));
    }
    for format in ["mermaid", "dot", "html"] {
        let r = run_airlock(["graph", CASE, "--format", format]);
        outputs.push((format!("graph --format {format}"), r.stdout() + &r.stderr));
    }
    for (what, out) in &outputs {
        for s in SECRETS {
            assert!(!out.contains(s), "{what} prints a client secret:\n{out}");
        }
    }
    let text = &outputs[0].1;
    assert!(text.contains("AIR311"), "{text}");
    assert!(text.contains("upstream_client_secret"), "{text}");
    assert!(text.contains("\"********************\""), "{text}");
}

//! The rule catalog: stable codes, names, severities and documentation, plus one module per rule.

use crate::model::Severity;

/// Static description of one rule. The documentation text is `rules/docs/<CODE>.md`.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    pub code: &'static str,
    /// Kebab-case, reads well after "allow".
    pub name: &'static str,
    /// One line, lowercase, no trailing period.
    pub summary: &'static str,
    pub default_severity: Severity,
    /// Whether the analyzer implements the rule yet; unimplemented rules are listed but never fire.
    pub implemented: bool,
    /// Markdown in ruff's shape: What it does / Why is this bad? / Example / Use instead / References.
    pub docs: &'static str,
}

macro_rules! doc {
    ($code:literal) => {
        include_str!(concat!("../../../rules/docs/", $code, ".md"))
    };
}

/// Every rule, ordered by code.
pub const RULES: &[RuleMeta] = &[
    RuleMeta {
        code: "AIR001",
        name: "unused-suppression",
        summary: "a suppression comment names a rule that reports nothing on its line",
        default_severity: Severity::Low,
        implemented: true,
        docs: doc!("AIR001"),
    },
    RuleMeta {
        code: "AIR002",
        name: "invalid-suppression",
        summary: "a suppression comment is malformed, names no known rule or gives no reason",
        default_severity: Severity::Medium,
        implemented: true,
        docs: doc!("AIR002"),
    },
    RuleMeta {
        code: "AIR101",
        name: "untrusted-input-to-privileged-tool",
        summary: "untrusted content can reach a privileged tool that no effective approval gate covers",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR101"),
    },
    RuleMeta {
        code: "AIR102",
        name: "cross-agent-privilege-escalation",
        summary: "untrusted content entering one agent reaches another agent's privileged tool over routes",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR102"),
    },
    RuleMeta {
        code: "AIR103",
        name: "lethal-trifecta",
        summary: "one agent combines untrusted content, private data and an exfiltration-capable sink",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR103"),
    },
    RuleMeta {
        code: "AIR104",
        name: "forgeable-approval-state",
        summary: "a route or privileged action depends on an approval-like state field the model can write",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR104"),
    },
    RuleMeta {
        code: "AIR105",
        name: "approval-gate-bypass",
        summary: "an approval gate exists but does not protect the privileged action",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR105"),
    },
    RuleMeta {
        code: "AIR106",
        name: "tool-argument-injection",
        summary: "a model-controlled tool argument reaches a shell, code, SQL or path sink unsanitized",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR106"),
    },
    RuleMeta {
        code: "AIR201",
        name: "unsandboxed-code-execution",
        summary: "an agent can run model-written code or shell commands on the host",
        default_severity: Severity::Critical,
        implemented: true,
        docs: doc!("AIR201"),
    },
    RuleMeta {
        code: "AIR301",
        name: "mcp-hardcoded-secret",
        summary: "a secret literal sits in an MCP client config",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR301"),
    },
    RuleMeta {
        code: "AIR302",
        name: "mcp-unpinned-server-package",
        summary: "an MCP server is launched from a registry package without a pinned version",
        default_severity: Severity::Medium,
        implemented: true,
        docs: doc!("AIR302"),
    },
    RuleMeta {
        code: "AIR303",
        name: "mcp-insecure-transport",
        summary: "a remote MCP server is reached over plain http or without authentication",
        default_severity: Severity::Medium,
        implemented: true,
        docs: doc!("AIR303"),
    },
    RuleMeta {
        code: "AIR304",
        name: "mcp-auto-approved-tools",
        summary: "a client config auto-approves or trusts MCP tools",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR304"),
    },
    RuleMeta {
        code: "AIR305",
        name: "mcp-tool-poisoning",
        summary: "an MCP tool's name or description carries hidden instructions",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR305"),
    },
    RuleMeta {
        code: "AIR306",
        name: "mcp-misleading-tool-annotations",
        summary: "an MCP tool's annotations understate what its body does",
        default_severity: Severity::Medium,
        implemented: true,
        docs: doc!("AIR306"),
    },
    RuleMeta {
        code: "AIR307",
        name: "mcp-token-passthrough",
        summary: "an MCP server forwards the token its caller sent to another host",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR307"),
    },
    RuleMeta {
        code: "AIR308",
        name: "mcp-unauthenticated-network-transport",
        summary: "an MCP server serves HTTP or SSE on a network address without authentication",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR308"),
    },
    RuleMeta {
        code: "AIR309",
        name: "mcp-token-without-audience",
        summary: "an MCP server validates tokens without checking they were issued for it",
        default_severity: Severity::Medium,
        implemented: true,
        docs: doc!("AIR309"),
    },
    RuleMeta {
        code: "AIR310",
        name: "mcp-insecure-oauth-endpoint",
        summary: "an OAuth endpoint or redirect URI is neither HTTPS nor loopback",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR310"),
    },
    RuleMeta {
        code: "AIR311",
        name: "mcp-hardcoded-client-secret",
        summary: "an MCP server's or client's OAuth client secret is a literal in its code",
        default_severity: Severity::High,
        implemented: true,
        docs: doc!("AIR311"),
    },
];

/// Looks a rule up by code (`AIR101`) or name (`untrusted-input-to-privileged-tool`).
pub fn lookup(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Whether a `select`/`ignore` entry (a code, a code prefix, a rule name or `ALL`) names at
/// least one rule.
pub fn selector_is_known(selector: &str) -> bool {
    let s = selector.trim();
    s.eq_ignore_ascii_case("ALL")
        || (s.len() >= 3
            && RULES
                .iter()
                .any(|r| r.code.starts_with(&s.to_ascii_uppercase())))
        || RULES.iter().any(|r| r.name == s)
}

pub mod air101;
pub mod air102;
pub mod air103;
pub mod air104;
pub mod air105;
pub mod air106;
pub mod air201;
pub mod air301;
pub mod air302;
pub mod air303;
pub mod air304;
pub mod air305;
pub mod air306;
pub mod air307;
pub mod air308;
pub mod air309;
pub mod air310;
pub mod air311;
pub mod context;
pub mod mcp_auth;
pub mod standards;
#[cfg(test)]
pub(crate) mod testing;

/// Runs every implemented rule over the project; `units` are `cx.units()`.
///
/// Findings equal in everything the report keys on (`Finding::sort_key`) are dropped after
/// each rule, keeping the first, as the final sort and dedup would: a rule that reports one
/// tool once per agent holding it (2,000 agents x 100 tools) no longer keeps every copy with its
/// path until the end of the run.
pub fn run(cx: &context::Ctx, units: &[context::Unit]) -> Vec<crate::model::Finding> {
    let mut out = vec![];
    let ix = mcp_auth::Index::build(cx);
    let mut keys = std::collections::HashSet::new();
    let mut kept = 0;
    type Check<'c> = &'c dyn Fn(&mut Vec<crate::model::Finding>);
    let checks: [Check; 18] = [
        &|o| air101::check(cx, units, o),
        &|o| air102::check(cx, units, o),
        &|o| air103::check(cx, units, o),
        &|o| air104::check(cx, o),
        &|o| air105::check(cx, o),
        &|o| air106::check(cx, o),
        &|o| air201::check(cx, units, o),
        &|o| air301::check(cx, o),
        &|o| air302::check(cx, o),
        &|o| air303::check(cx, o),
        &|o| air304::check(cx, o),
        &|o| air305::check(cx, o),
        &|o| air306::check(cx, o),
        &|o| air307::check(cx, &ix, o),
        &|o| air308::check(cx, &ix, o),
        &|o| air309::check(cx, &ix, o),
        &|o| air310::check(cx, &ix, o),
        &|o| air311::check(cx, &ix, o),
    ];
    for check in checks {
        check(&mut out);
        let mut i = kept;
        while i < out.len() {
            let k = out[i].sort_key();
            let owned = (
                k.0.to_string(),
                k.1,
                k.2,
                k.3.to_string(),
                k.4.to_string(),
                k.5.to_string(),
            );
            if keys.insert(owned) {
                out.swap(kept, i);
                kept += 1;
            }
            i += 1;
        }
        out.truncate(kept);
        out.shrink_to_fit();
    }
    out
}

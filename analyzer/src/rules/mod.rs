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

/// What one finding of a rule states, as typed fields (ruff's `Violation`). Each rule module
/// defines its violation type and implements this; `Ctx::report` turns one into a `Finding`,
/// so a rule's code, name, message and help cannot drift apart from its catalog entry.
pub trait Violation {
    /// The catalog entry of the rule reporting this (the rule module's `META`).
    const RULE: RuleMeta;
    /// Lowercase, no trailing period: what is wrong, naming the project's own things.
    fn message(&self) -> String;
    /// What to do about it.
    fn help(&self) -> String;
}

macro_rules! doc {
    ($code:literal) => {
        include_str!(concat!("../../../rules/docs/", $code, ".md"))
    };
}

/// AIR001, reported by `crate::suppress` (not a rule module: it reads suppression comments).
pub const AIR001: RuleMeta = RuleMeta {
    code: "AIR001",
    name: "unused-suppression",
    summary: "a suppression comment names a rule that reports nothing on its line",
    default_severity: Severity::Low,
    implemented: true,
    docs: doc!("AIR001"),
};

/// AIR002, reported by `crate::suppress` (not a rule module: it reads suppression comments).
pub const AIR002: RuleMeta = RuleMeta {
    code: "AIR002",
    name: "invalid-suppression",
    summary: "a suppression comment is malformed, names no known rule or gives no reason",
    default_severity: Severity::Medium,
    implemented: true,
    docs: doc!("AIR002"),
};

/// Every rule, ordered by code: each rule module owns its catalog entry (`META`).
pub const RULES: &[RuleMeta] = &[
    AIR001,
    AIR002,
    air101::META,
    air102::META,
    air103::META,
    air104::META,
    air105::META,
    air106::META,
    air201::META,
    air301::META,
    air302::META,
    air303::META,
    air304::META,
    air305::META,
    air306::META,
    air307::META,
    air308::META,
    air309::META,
    air310::META,
    air311::META,
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

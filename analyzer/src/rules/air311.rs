//! AIR311 mcp-hardcoded-client-secret: an OAuth client secret of an MCP server or client is a
//! literal in its code: `OAuthProxy(client_secret="...")`, fastmcp's `GitHubProvider(...)`,
//! `OAuthClientInformationFull(client_secret="...")`, a TypeScript `{ clientSecret: "..." }`
//! handed to an OAuth call. Which calls configure OAuth and which keys hold client secrets is data
//! (`rules/knowledge/mcp_auth.toml`); whether a value is a secret rather than a placeholder or a
//! reference (`${CLIENT_SECRET}`, `changeme`) is decided as for AIR301 (`mcp::secrets::scan`).
//! MCP client configuration files are AIR301's.
//!
//! The secret is never shown: the message names the key, the fingerprint hashes the key and the
//! call rather than the literal, and `analysis` masks the literal's characters in the source text
//! (as AIR301's are) before any report renders a code frame ([`secret_spans`]).

use super::context::Ctx;
use super::mcp_auth::{children, Index};
use super::RuleMeta;
use crate::extract::interp::Site;
use crate::model::{Confidence, FileId, Finding, Severity, Span, StepKind};
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind};
use std::collections::BTreeSet;

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR311",
    name: "mcp-hardcoded-client-secret",
    summary: "an MCP server's or client's OAuth client secret is a literal in its code",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR311"),
};

/// What AIR311 reports: OAuth client secret `key` given to `callee` is a literal. The value
/// itself is never part of the violation.
pub struct McpHardcodedClientSecret {
    pub key: String,
    pub callee: String,
}

impl super::Violation for McpHardcodedClientSecret {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        format!(
            "the OAuth client secret `{}` given to `{}` is written in the code (value hidden)",
            self.key, self.callee
        )
    }

    fn help(&self) -> String {
        format!("read it from the environment or a secret store at start-up (`{}=os.environ[\"OAUTH_CLIENT_SECRET\"]`, `process.env.OAUTH_CLIENT_SECRET`), revoke the one in the code, and prefer a public client with PKCE where the client cannot keep a secret", self.key)
    }
}

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    let mut seen = BTreeSet::new();
    for call in &ix.calls {
        if !call.is(&v.oauth.calls) && !call.is(&v.oauth.client_secret_calls) {
            continue;
        }
        // Keyword arguments, and keys of object literals anywhere in the arguments.
        let mut pairs: Vec<(&str, &Expr)> = call
            .args
            .iter()
            .filter_map(|a| match a {
                Arg::Kw(k, e) => Some((k.as_str(), e)),
                _ => None,
            })
            .collect();
        let mut stack: Vec<&Expr> = children(call.expr).into_iter().skip(1).collect();
        while let Some(e) = stack.pop() {
            if let ExprKind::Dict(items) = &e.kind {
                for i in items {
                    if let DictItem::Pair(
                        Expr {
                            kind: ExprKind::Str(k),
                            ..
                        },
                        value,
                    ) = i
                    {
                        pairs.push((k.as_str(), value));
                    }
                }
            }
            if !matches!(e.kind, ExprKind::Call(..) | ExprKind::Lambda(_)) {
                stack.extend(children(e));
            }
        }
        for (key, value) in pairs {
            if !v.oauth.client_secret_keys.iter().any(|k| k == key) {
                continue;
            }
            let Some((text, span)) = ix.str_of(call.scope, value) else {
                continue;
            };
            if crate::mcp::secrets::scan(&cx.k.mcp, Some(key), text).is_empty() {
                continue;
            }
            let Some(span) = inside_quotes(cx, call.file, span) else {
                continue;
            };
            let at = Site {
                file: call.file,
                span,
            };
            if !seen.insert(at) {
                continue;
            }
            let callee = call
                .names
                .first()
                .copied()
                .unwrap_or("an OAuth configuration");
            let callee = callee.strip_prefix("js.").unwrap_or(callee);
            let short = callee.rsplit('.').next().unwrap_or(callee);
            let violation = McpHardcodedClientSecret {
                key: key.to_string(),
                callee: short.to_string(),
            };
            let path = vec![cx.step(
                StepKind::Sink,
                call.site(),
                format!("`{short}` configures OAuth with a literal client secret"),
            )];
            let mut f = cx.report(
                &violation,
                Severity::High,
                Confidence::High,
                at,
                path,
                &[key, short],
            );
            // The fingerprint must not depend on the secret's characters.
            let path = f.location.path.clone();
            f.fingerprint = crate::diagnostics::fingerprint(META.code, &path, &[key, short]);
            out.push(f);
        }
    }
}

/// The literal's characters without its quotes (and `r`/`b`/`f` prefixes).
fn inside_quotes(cx: &Ctx, file: FileId, span: Span) -> Option<Span> {
    let text = cx
        .db
        .get(file)
        .text
        .get(span.start as usize..span.end as usize)?;
    let open = text.find(['"', '\'', '`'])?;
    let quote = text.as_bytes()[open];
    let close = text.rfind(char::from(quote))?;
    (close > open).then(|| Span {
        start: span.start + open as u32 + 1,
        end: span.start + close as u32,
    })
}

/// The spans of the secrets AIR311 reported, for `analysis` to mask in the source text.
pub fn secret_spans(
    findings: &[Finding],
) -> std::collections::BTreeMap<crate::model::FileId, Vec<Span>> {
    let mut out: std::collections::BTreeMap<crate::model::FileId, Vec<Span>> = Default::default();
    for f in findings.iter().filter(|f| f.code == "AIR311") {
        out.entry(f.location.file)
            .or_default()
            .push(f.location.span);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::mcp_auth::findings_for;

    #[test]
    fn literal_client_secrets_are_reported_and_references_are_not() {
        let code = |secret: &str| {
            format!("from fastmcp import FastMCP\nfrom fastmcp.server.auth import OAuthProxy\n\nauth = OAuthProxy(\n    upstream_authorization_endpoint=\"https://idp.example.com/authorize\",\n    upstream_token_endpoint=\"https://idp.example.com/token\",\n    upstream_client_id=\"desk\",\n    upstream_client_secret={secret},\n    base_url=\"https://mcp.example.com\",\n)\nmcp = FastMCP(\"desk\", auth=auth)\n")
        };
        let f = findings_for(
            "AIR311",
            &[("server.py", &code("\"Zq8vR2mX9kLpT4wNa1Yc\""))],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].location.line, 8);
        assert!(!f[0].message.contains("Zq8v"), "{}", f[0].message);
        let env = code("os.environ[\"OAUTH_SECRET\"]");
        assert!(findings_for("AIR311", &[("server.py", &env)]).is_empty());
        assert!(findings_for("AIR311", &[("server.py", &code("\"${OAUTH_SECRET}\""))]).is_empty());
    }
}

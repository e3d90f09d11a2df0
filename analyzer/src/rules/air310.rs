//! AIR310 mcp-insecure-oauth-endpoint: an OAuth endpoint, issuer, key set, protected resource or
//! redirect URI configured for an MCP server or client is plain `http://` to a host that is not
//! loopback. The MCP authorization specification requires HTTPS for every authorization server
//! endpoint and redirect URIs that are HTTPS or `localhost`. Every URL literal inside the
//! arguments of a call that configures OAuth (`AuthSettings`, `OAuthClientProvider`,
//! `OAuthClientMetadata`, fastmcp's `OAuthProxy`/`JWTVerifier`, TypeScript
//! `ProxyOAuthServerProvider`, `mcpAuthRouter`, jose's `createRemoteJWKSet` ...; data in
//! `rules/knowledge/mcp_auth.toml`) is checked, following names bound to literals.

use super::context::Ctx;
use super::mcp_auth::{children, is_loopback, url_host, Index};
use super::RuleMeta;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Expr, ExprKind};
use std::collections::BTreeSet;

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR310",
    name: "mcp-insecure-oauth-endpoint",
    summary: "an OAuth endpoint or redirect URI is neither HTTPS nor loopback",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR310"),
};

/// What AIR310 reports: a plain-HTTP, non-loopback OAuth URL at `host`.
pub enum McpInsecureOauthEndpoint {
    /// In code: passed to OAuth configuration call `callee`.
    Code { host: String, callee: String },
    /// In a client config: setting `key` of MCP server `server`.
    Config {
        host: String,
        key: String,
        server: String,
    },
}

impl super::Violation for McpInsecureOauthEndpoint {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Code { host, callee } => format!(
                "OAuth URL `http://{host}/...` in `{callee}` is neither HTTPS nor loopback: codes and tokens travel in clear text"
            ),
            Self::Config { host, key, server } => format!(
                "OAuth `{key}` `http://{host}/...` of MCP server `{server}` is neither HTTPS nor loopback: codes and tokens travel in clear text"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Code { .. } => "use `https://` for every authorization-server endpoint, issuer, key set and resource URL; redirect URIs must be `https://` or `http://localhost`/`127.0.0.1`",
            Self::Config { .. } => "use `https://` for every authorization-server endpoint, issuer and resource URL; redirect URIs must be `https://` or `http://localhost`/`127.0.0.1`",
        }
        .to_string()
    }
}

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    let mut seen = BTreeSet::new();
    for call in &ix.calls {
        if !call.is(&v.oauth.calls) {
            continue;
        }
        let mut stack: Vec<&Expr> = children(call.expr).into_iter().skip(1).collect();
        while let Some(e) = stack.pop() {
            let lit = match &e.kind {
                ExprKind::Str(_) | ExprKind::Name(_) => ix.str_of(call.scope, e),
                ExprKind::Lambda(_) => None,
                _ => {
                    stack.extend(children(e));
                    None
                }
            };
            let Some((url, span)) = lit else { continue };
            let Some((scheme, host)) = url_host(url) else {
                continue;
            };
            if !scheme.eq_ignore_ascii_case("http") || is_loopback(host) {
                continue;
            }
            // A name bound to a literal is followed within the file (`str_of`).
            let file = call.file;
            let at = Site { file, span };
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
            let violation = McpInsecureOauthEndpoint::Code {
                host: host.to_string(),
                callee: short.to_string(),
            };
            let path = vec![cx.step(
                StepKind::Sink,
                call.site(),
                format!("`{short}` configures OAuth with this URL"),
            )];
            out.push(cx.report(
                &violation,
                Severity::High,
                Confidence::High,
                at,
                path,
                &[short, host],
            ));
        }
    }
    configs(cx, out);
}

/// MCP client configurations: a server entry's OAuth block (`"oauth": {"authorizationUrl":
/// ..., "redirectUri": ...}`) naming a plain-HTTP, non-loopback endpoint, issuer or redirect.
fn configs(cx: &Ctx, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth.oauth;
    for s in &cx.mcp.servers {
        for (block, key, (url, span)) in &s.block_values {
            if !v.config_blocks.iter().any(|b| b == block) {
                continue;
            }
            let lower = key.to_ascii_lowercase();
            if !v
                .config_url_key_parts
                .iter()
                .any(|p| lower.contains(p.as_str()))
            {
                continue;
            }
            let Some((scheme, host)) = url_host(url) else {
                continue;
            };
            if !scheme.eq_ignore_ascii_case("http") || is_loopback(host) {
                continue;
            }
            let at = Site {
                file: s.file,
                span: *span,
            };
            let violation = McpInsecureOauthEndpoint::Config {
                host: host.to_string(),
                key: key.clone(),
                server: s.name.clone(),
            };
            let path = vec![cx.step(
                StepKind::Sink,
                at,
                format!(
                    "`{block}.{key}` of MCP server `{}` ({})",
                    s.name,
                    s.client.name()
                ),
            )];
            out.push(cx.report(
                &violation,
                Severity::High,
                Confidence::High,
                at,
                path,
                &[&s.name, key, host],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::mcp_auth::findings_for;

    #[test]
    fn plain_http_endpoints_are_reported_and_loopback_redirects_are_not() {
        let f = findings_for(
            "AIR310",
            &[(
                "client.py",
                "from mcp.client.auth import OAuthClientProvider\nfrom mcp.shared.auth import OAuthClientMetadata\n\nmeta = OAuthClientMetadata(client_name=\"desk\", redirect_uris=[\"http://localhost:3030/callback\", \"http://desk.example.com/callback\"])\nprovider = OAuthClientProvider(server_url=\"https://mcp.example.com/mcp\", client_metadata=meta)\n",
            )],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("desk.example.com"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn client_config_oauth_blocks_are_checked() {
        let config = |token: &str, redirect: &str| {
            format!(
                "{{\"mcpServers\": {{\"wiki\": {{\"httpUrl\": \"https://wiki.example.com/mcp\", \"oauth\": {{\"enabled\": true, \"tokenUrl\": \"{token}\", \"redirectUri\": \"{redirect}\", \"clientId\": \"http://not-an-endpoint.example.com\"}}}}}}}}"
            )
        };
        let bad = config(
            "http://sso.example.com/token",
            "http://localhost:7777/callback",
        );
        let f = findings_for("AIR310", &[(".gemini/settings.json", bad.as_str())]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(f[0].message.contains("tokenUrl"), "{}", f[0].message);
        let good = config(
            "https://sso.example.com/token",
            "http://127.0.0.1:7777/callback",
        );
        assert!(findings_for("AIR310", &[(".gemini/settings.json", good.as_str())]).is_empty());
    }
}

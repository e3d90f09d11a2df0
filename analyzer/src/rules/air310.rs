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
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Expr, ExprKind};
use std::collections::BTreeSet;

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let rule = super::lookup("AIR310").expect("AIR310 is in the catalog");
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
            let message = format!(
                "OAuth URL `http://{host}/...` in `{short}` is neither HTTPS nor loopback: codes and tokens travel in clear text"
            );
            let help = "use `https://` for every authorization-server endpoint, issuer, key set and resource URL; redirect URIs must be `https://` or `http://localhost`/`127.0.0.1`".to_string();
            let path = vec![cx.step(
                StepKind::Sink,
                call.site(),
                format!("`{short}` configures OAuth with this URL"),
            )];
            out.push(cx.finding(
                rule,
                Severity::High,
                Confidence::High,
                at,
                message,
                help,
                path,
                &[short, host],
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
}

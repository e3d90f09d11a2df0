//! AIR308 mcp-unauthenticated-network-transport: an MCP server serves its HTTP or SSE transport
//! on an address other machines can reach, and nothing authenticates the caller.
//!
//! Python: `server.run(transport="streamable-http" | "sse" | "http", host=...)` (the host from
//! `run` or the server's constructor) and `uvicorn.run(server.streamable_http_app(), host=...)`,
//! for a server built without `auth=` / `token_verifier=`. The SDKs bind `127.0.0.1` by default,
//! so only an explicit address that is not loopback (`0.0.0.0`, `::`, a LAN address) is reported.
//! TypeScript: an Express (or `http`) server of a project that serves an MCP HTTP transport and
//! uses no authentication middleware (`requireBearerAuth`, `mcpAuthRouter`, `passport` ...),
//! listening with no host (every interface) or on an address that is not loopback. The calls
//! and keywords are data (`rules/knowledge/mcp_auth.toml`).

use super::context::Ctx;
use super::mcp_auth::{is_loopback, CallAt, Index};
use super::RuleMeta;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Expr, ExprKind};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR308",
    name: "mcp-unauthenticated-network-transport",
    summary: "an MCP server serves HTTP or SSE on a network address without authentication",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR308"),
};

/// Methods of the Python servers that return the ASGI app of an HTTP transport.
const APP_METHODS: &[&str] = &["streamable_http_app", "sse_app", "http_app"];

/// What AIR308 reports: an MCP server's network transport served without authentication.
pub enum McpUnauthenticatedNetworkTransport {
    /// A Python server serves `transport` on address `addr`.
    Python { transport: String, addr: String },
    /// A Node server's HTTP transport listens on `addr` (``every network interface`` or
    /// `` `host` ``) with no authentication middleware.
    Node { addr: String },
}

impl super::Violation for McpUnauthenticatedNetworkTransport {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::Python { transport, addr } => format!(
                "an MCP server serves its `{transport}` transport on `{addr}` without authentication"
            ),
            Self::Node { addr } => format!(
                "an MCP server's HTTP transport listens on {addr} and no authentication middleware protects it"
            ),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::Python { .. } => "bind to `127.0.0.1` for local use, or give the server a token verifier: `FastMCP(..., token_verifier=..., auth=AuthSettings(issuer_url=..., resource_server_url=..., required_scopes=[...]))` (fastmcp: `auth=JWTVerifier(...)`)",
            Self::Node { .. } => "bind to `127.0.0.1` for local use, or require a bearer token on the MCP routes: `app.post(\"/mcp\", requireBearerAuth({ verifier, requiredScopes }), handler)` with `mcpAuthMetadataRouter` advertising the authorization server",
        }
        .to_string()
    }
}

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    if !ix.is_mcp_project(cx) {
        return;
    }
    let ts_auth = ix.calls.iter().any(|c| c.is(&v.auth_middleware));
    let ts_transport = ix.calls.iter().any(|c| c.is(&v.http_transports));
    for call in &ix.calls {
        // `server.run(transport="sse", host="0.0.0.0")`.
        if call.is(&v.server_run) {
            let Some((transport, _)) = call.opt("transport").and_then(|e| ix.str_of(call.scope, e))
            else {
                continue;
            };
            if !v.network_transports.iter().any(|t| t == transport) {
                continue;
            }
            let ctor = receiver_ctor(ix, call);
            let host = call
                .opt("host")
                .map(|e| (call.scope, e))
                .or_else(|| ctor.and_then(|c| c.opt("host").map(|e| (c.scope, e))));
            report_python(cx, ix, call, ctor, host, transport, out);
        }
        // `uvicorn.run(server.streamable_http_app(), host="0.0.0.0")`.
        if call.is(&v.listeners) && call.names.iter().all(|n| !n.starts_with("js.")) {
            let Some(app) = call.pos(0) else { continue };
            let app = match &app.kind {
                ExprKind::Name(n) => ix.lookup(call.scope, n).map(|(_, e)| e).unwrap_or(app),
                _ => app,
            };
            let ExprKind::Call(f, _) = &app.kind else {
                continue;
            };
            let ExprKind::Attr(server, method) = &f.kind else {
                continue;
            };
            if !APP_METHODS.contains(&method.as_str()) {
                continue;
            }
            let ctor = server_ctor(ix, call, server);
            if ctor.is_none() {
                continue;
            }
            let host = call.opt("host").map(|e| (call.scope, e));
            let transport = match method.as_str() {
                "sse_app" => "sse",
                "http_app" => "http",
                _ => "streamable-http",
            };
            report_python(cx, ix, call, ctor, host, transport, out);
        }
        // Express / Node `listen(port[, host])` in a project serving an MCP HTTP transport.
        if call.is(&v.listeners)
            && call.names.iter().any(|n| n.starts_with("js."))
            && ts_transport
            && !ts_auth
        {
            let host = call.pos(1).and_then(|e| ix.str_of(call.scope, e));
            let every = match host {
                None if call.pos(1).is_none() => true,
                Some((h, _)) if !is_loopback(h) => false,
                _ => continue,
            };
            let at = host.map_or(call.site(), |(_, span)| Site {
                file: call.file,
                span,
            });
            let addr = if every {
                "every network interface".to_string()
            } else {
                format!("`{}`", host.map(|(h, _)| h).unwrap_or_default())
            };
            let path = vec![cx.step(
                StepKind::Sink,
                call.site(),
                format!("the server listens on {addr}"),
            )];
            let violation = McpUnauthenticatedNetworkTransport::Node { addr };
            out.push(cx.report(
                &violation,
                Severity::High,
                if every {
                    Confidence::Medium
                } else {
                    Confidence::High
                },
                at,
                path,
                &["listen"],
            ));
        }
    }
}

/// The constructor call of the server `call` is a method of (`mcp` in `mcp.run(...)`).
fn receiver_ctor<'i, 'a>(ix: &'i Index<'a>, call: &CallAt<'a>) -> Option<&'i CallAt<'a>> {
    let ExprKind::Call(f, _) = &call.expr.kind else {
        return None;
    };
    let ExprKind::Attr(server, _) = &f.kind else {
        return None;
    };
    server_ctor(ix, call, server)
}

fn server_ctor<'i, 'a>(
    ix: &'i Index<'a>,
    call: &CallAt<'a>,
    server: &Expr,
) -> Option<&'i CallAt<'a>> {
    let ExprKind::Name(n) = &server.kind else {
        return None;
    };
    let (_, value) = ix.lookup(call.scope, n)?;
    ix.call_at(call.file, value)
}

#[allow(clippy::too_many_arguments)]
fn report_python(
    cx: &Ctx,
    ix: &Index,
    call: &CallAt,
    ctor: Option<&CallAt>,
    host: Option<(usize, &Expr)>,
    transport: &str,
    out: &mut Vec<Finding>,
) {
    let v = &cx.k.mcp_auth;
    let Some((scope, host)) = host else { return };
    let Some((addr, span)) = ix.str_of(scope, host) else {
        return;
    };
    if is_loopback(addr) {
        return;
    }
    let authenticated = ctor.is_some_and(|c| {
        v.server_auth_kwargs
            .iter()
            .any(|k| c.opt(k).is_some_and(|e| !matches!(e.kind, ExprKind::None)))
    });
    if authenticated {
        return;
    }
    let at = Site {
        file: ix.scopes[scope].file,
        span,
    };
    let mut path = vec![];
    if let Some(c) = ctor {
        path.push(cx.step(
            StepKind::Agent,
            c.site(),
            "the server is built without `auth=` or `token_verifier=`",
        ));
    }
    path.push(cx.step(
        StepKind::Sink,
        call.site(),
        format!("it serves `{transport}` on `{addr}`"),
    ));
    let violation = McpUnauthenticatedNetworkTransport::Python {
        transport: transport.to_string(),
        addr: addr.to_string(),
    };
    out.push(cx.report(
        &violation,
        Severity::High,
        Confidence::High,
        at,
        path,
        &[transport],
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::mcp_auth::findings_for;

    #[test]
    fn public_sse_without_auth_is_reported_and_loopback_is_not() {
        let server = |host: &str, auth: &str| {
            format!("from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"notes\"{auth})\n\nif __name__ == \"__main__\":\n    mcp.run(transport=\"sse\", host=\"{host}\")\n")
        };
        let f = findings_for("AIR308", &[("server.py", &server("0.0.0.0", ""))]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].location.line, 6);
        assert!(findings_for("AIR308", &[("server.py", &server("127.0.0.1", ""))]).is_empty());
        let authed = server("0.0.0.0", ", token_verifier=Verifier()");
        assert!(findings_for("AIR308", &[("server.py", &authed)]).is_empty());
    }
}

//! AIR307 mcp-token-passthrough: an MCP server forwards the credential its caller sent (the
//! request's `Authorization` header, the SDK's `get_access_token().token`) to another host in
//! the headers of an outbound request. The MCP authorization specification forbids it: a token
//! issued for this server must not be accepted by, or passed on to, an upstream API (confused
//! deputy, audience confusion, no accountability upstream).
//!
//! Within one function (a handler, a tool): names bound to a credential read (header names,
//! request-header reads and token getters are data, `[mcp_auth]` in
//! `rules/knowledge/mcp_auth.toml`), followed through f-strings, concatenation and string
//! methods (`auth.split(" ")[1]`), reaching the `headers` of an outbound call (`httpx`,
//! `requests`, `aiohttp`, `fetch`, `axios` ...). Flows across functions are not followed.

use super::context::Ctx;
use super::mcp_auth::{children, AuthVocabulary, Index};
use super::RuleMeta;
use crate::facts::Site;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind};
use std::collections::BTreeSet;

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR307",
    name: "mcp-token-passthrough",
    summary: "an MCP server forwards the token its caller sent to another host",
    default_severity: Severity::High,
    implemented: true,
    docs: doc!("AIR307"),
};

/// What AIR307 reports: the caller's credential is forwarded in the headers of `callee`.
pub struct McpTokenPassthrough {
    pub callee: String,
}

impl super::Violation for McpTokenPassthrough {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        format!(
            "the caller's credential is forwarded to another host in the headers of `{}`: token passthrough",
            self.callee
        )
    }

    fn help(&self) -> String {
        "do not pass the token this server received upstream: call the upstream API with a token issued for it (the server's own credential, or one obtained with an OAuth token exchange for the upstream audience)".to_string()
    }
}

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    if !ix.is_mcp_project(cx) {
        return;
    }
    let mut seen = BTreeSet::new();
    for call in &ix.calls {
        if !call.is(&v.outbound) {
            continue;
        }
        let Some(headers) = call.opt("headers") else {
            continue;
        };
        let tainted = tainted_names(ix, call.scope, v);
        // The header values that carry the caller's credential.
        let values: Vec<&Expr> = match &headers.kind {
            ExprKind::Dict(items) => items
                .iter()
                .filter_map(|i| match i {
                    DictItem::Pair(_, value) => Some(value),
                    DictItem::Splat(_) => None,
                })
                .collect(),
            _ => vec![headers],
        };
        let Some(cred) = values
            .into_iter()
            .find(|e| is_credential(ix, call.file, call.scope, e, &tainted, v))
        else {
            continue;
        };
        let at = Site {
            file: call.file,
            span: cred.span,
        };
        if !seen.insert(at) {
            continue;
        }
        let callee = call.names.first().copied().unwrap_or("an outbound request");
        let callee = callee.strip_prefix("js.").unwrap_or(callee);
        let path = vec![
            cx.step(
                StepKind::Source,
                at,
                "the credential the MCP client sent to this server",
            ),
            cx.step(
                StepKind::Sink,
                call.site(),
                format!("`{callee}` sends it to another host"),
            ),
        ];
        let violation = McpTokenPassthrough {
            callee: callee.to_string(),
        };
        out.push(cx.report(
            &violation,
            Severity::High,
            Confidence::High,
            at,
            path,
            &[callee],
        ));
    }
}

/// Names in `scope` (and the scopes around it) bound to the caller's credential, to a fixpoint.
fn tainted_names<'a>(ix: &Index<'a>, scope: usize, v: &AuthVocabulary) -> BTreeSet<&'a str> {
    let mut scopes = vec![scope];
    let mut s = scope;
    while ix.scopes[s].parent != s {
        s = ix.scopes[s].parent;
        scopes.push(s);
    }
    let file = ix.scopes[scope].file;
    let mut tainted: BTreeSet<&'a str> = BTreeSet::new();
    // Each round adds at least one name or stops; there are at most as many rounds as names.
    loop {
        let before = tainted.len();
        for &sc in &scopes {
            for (name, value) in &ix.scopes[sc].assigns {
                if !tainted.contains(name) && is_credential(ix, file, sc, value, &tainted, v) {
                    tainted.insert(name);
                }
            }
        }
        if tainted.len() == before {
            return tainted;
        }
    }
}

fn header_name(v: &AuthVocabulary, name: &str) -> bool {
    let n = name.to_ascii_lowercase().replace('_', "-");
    v.credential_headers.contains(&n)
}

/// `x.headers`, `headers`, or a call returning the request's headers.
fn is_headers(ix: &Index, file: crate::model::FileId, e: &Expr, v: &AuthVocabulary) -> bool {
    match &e.kind {
        ExprKind::Attr(_, a) => a == "headers",
        ExprKind::Name(n) => n == "headers",
        ExprKind::Call(..) => ix.call_at(file, e).is_some_and(|c| c.is(&v.header_reads)),
        ExprKind::Await(x) => is_headers(ix, file, x, v),
        _ => false,
    }
}

/// Whether `e` is, or is derived from, the caller's credential.
fn is_credential(
    ix: &Index,
    file: crate::model::FileId,
    scope: usize,
    e: &Expr,
    tainted: &BTreeSet<&str>,
    v: &AuthVocabulary,
) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Name(n) if tainted.contains(n.as_str()) => return true,
            // `req.headers.authorization`, `get_access_token().token`.
            ExprKind::Attr(x, a) => {
                if header_name(v, a) && is_headers(ix, file, x, v) {
                    return true;
                }
                if a == "token"
                    && (matches!(&x.kind, ExprKind::Call(..))
                        && ix.call_at(file, x).is_some_and(|c| c.is(&v.header_reads))
                        || matches!(&x.kind, ExprKind::Name(n) if tainted.contains(n.as_str())))
                {
                    return true;
                }
                // A token getter's result bound to a name: `access = get_access_token()`.
                if a == "token" {
                    if let ExprKind::Name(n) = &x.kind {
                        if let Some((_, value)) = ix.lookup(scope, n) {
                            if matches!(&value.kind, ExprKind::Call(..))
                                && ix
                                    .call_at(file, value)
                                    .is_some_and(|c| c.is(&v.header_reads))
                            {
                                return true;
                            }
                        }
                    }
                }
            }
            // `request.headers["Authorization"]`, `auth.split(" ")[1]`.
            ExprKind::Subscript(x, k) => {
                if let ExprKind::Str(k) = &k.kind {
                    if header_name(v, k) && is_headers(ix, file, x, v) {
                        return true;
                    }
                }
                stack.push(x);
            }
            ExprKind::Call(f, args) => {
                if let ExprKind::Attr(x, m) = &f.kind {
                    // `request.headers.get("authorization")`.
                    if m == "get" && is_headers(ix, file, x, v) {
                        if let Some(Arg::Pos(Expr {
                            kind: ExprKind::Str(k),
                            ..
                        })) = args.first()
                        {
                            if header_name(v, k) {
                                return true;
                            }
                        }
                    }
                    // A string method on the credential still is the credential.
                    stack.push(x);
                }
            }
            ExprKind::FStr(_) | ExprKind::BinOp(..) | ExprKind::Await(_) => {
                stack.extend(children(e));
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::rules::mcp_auth::findings_for;

    #[test]
    fn forwarded_authorization_header_is_reported() {
        let f = findings_for(
            "AIR307",
            &[(
                "server.py",
                "import httpx\nfrom mcp.server.fastmcp import FastMCP\nfrom starlette.requests import Request\n\nmcp = FastMCP(\"crm\")\n\nasync def deals(request: Request):\n    auth = request.headers.get(\"authorization\")\n    return httpx.get(\"https://api.example.com/deals\", headers={\"Authorization\": auth})\n",
            )],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].location.line, 9);
    }

    #[test]
    fn own_credential_upstream_is_not_reported() {
        let f = findings_for(
            "AIR307",
            &[(
                "server.py",
                "import os\nimport httpx\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"crm\")\n\nasync def deals(request):\n    auth = request.headers.get(\"authorization\")\n    key = os.environ[\"CRM_KEY\"]\n    return httpx.get(\"https://api.example.com/deals\", headers={\"Authorization\": f\"Bearer {key}\"})\n",
            )],
        );
        assert!(f.is_empty(), "{f:#?}");
    }
}

//! AIR309 mcp-token-without-audience: an MCP server validates access tokens without checking
//! that they were issued for it: `jwt.decode(...)` without `audience=`, or with
//! `options={"verify_aud": False}`; `jwtVerify(token, key)` (jose) or `jsonwebtoken.verify`
//! without an `audience` option; fastmcp's `JWTVerifier(...)` without `audience=`. The MCP
//! authorization specification requires a server to accept only tokens whose audience is itself
//! (RFC 8707 resource indicators). The calls and their options are data
//! (`[[mcp_auth.token_check]]` in `rules/knowledge/mcp_auth.toml`). Token introspection
//! (RFC 7662) is judged too: a request to an introspection endpoint in a function whose text
//! never mentions the audience (`introspection_words`, `audience_words`).

use super::context::Ctx;
use super::mcp_auth::{dict_item, CallAt, Index};
use super::RuleMeta;
use crate::model::{Confidence, Finding, Severity, StepKind};
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind};

/// The rule's catalog entry.
pub const META: RuleMeta = RuleMeta {
    code: "AIR309",
    name: "mcp-token-without-audience",
    summary: "an MCP server validates tokens without checking they were issued for it",
    default_severity: Severity::Medium,
    implemented: true,
    docs: doc!("AIR309"),
};

/// What AIR309 reports.
pub enum McpTokenWithoutAudience {
    /// Token check `callee` (of `library`) is told not to check the audience.
    AudienceOff {
        callee: String,
        library: String,
        /// The check's audience parameter (`audience`, `aud`, ...).
        parameter: String,
    },
    /// Token check `callee` gets no audience; `unseen` when spread arguments could not be read.
    NoAudience {
        callee: String,
        library: String,
        parameter: String,
        unseen: bool,
    },
    /// Token introspection trusts `active` without comparing `aud`.
    Introspection,
}

impl super::Violation for McpTokenWithoutAudience {
    const RULE: RuleMeta = META;

    fn message(&self) -> String {
        match self {
            Self::AudienceOff { callee, library, .. } => format!(
                "`{callee}` ({library}) is told not to check the token's audience: tokens issued for other services are accepted"
            ),
            Self::NoAudience {
                callee,
                library,
                unseen: true,
                ..
            } => format!(
                "`{callee}` ({library}) may validate tokens without an audience: none is passed by name, and the arguments spread into the call could not be read"
            ),
            Self::NoAudience { callee, library, .. } => format!(
                "`{callee}` ({library}) validates tokens without an audience: a token issued for another service is accepted"
            ),
            Self::Introspection => "token introspection trusts the response's `active` without comparing its `aud` to this server: a token issued for another service is accepted".to_string(),
        }
    }

    fn help(&self) -> String {
        match self {
            Self::AudienceOff { parameter, .. } | Self::NoAudience { parameter, .. } => format!(
                "pass this server's own identifier as the expected audience (`{parameter}=` the resource URL clients request tokens for, RFC 8707) and keep the audience check on"
            ),
            Self::Introspection => "compare the introspection response's `aud` with this server's resource URL (RFC 8707) and reject the token when it does not match".to_string(),
        }
    }
}

pub fn check(cx: &Ctx, ix: &Index, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    if !ix.is_mcp_project(cx) {
        return;
    }
    for call in &ix.calls {
        if call.is(&v.outbound) {
            introspection(cx, ix, call, out);
            continue;
        }
        let Some(tc) = v
            .token_check
            .iter()
            .find(|t| call.is(std::slice::from_ref(&t.callee)))
        else {
            continue;
        };
        // What is spread into the call (`**options`, `{...options}`), when every spread is a
        // dict or object literal bound in reach: its keys count as if written at the call.
        let spread = spread_literals(ix, call);
        let audience = tc.audience.iter().any(|a| {
            call.opt(a)
                .into_iter()
                .chain(
                    spread
                        .iter()
                        .flatten()
                        .filter_map(|items| dict_item(items, a)),
                )
                .any(|e| !matches!(e.kind, ExprKind::None))
        });
        // `options={"verify_aud": False}` turns the check off even with an audience;
        // `{"verify_signature": False}` makes the call a plain read of claims (a token the
        // server obtained itself), not a validation: not this rule's concern.
        let switch_off = |keys: &[String]| {
            tc.switches.as_ref().and_then(|s| {
                let ExprKind::Dict(items) = &call.opt(s)?.kind else {
                    return None;
                };
                keys.iter()
                    .filter_map(|k| dict_item(items, k))
                    .find(|e| matches!(e.kind, ExprKind::Bool(false)))
            })
        };
        if switch_off(&tc.signature_switches).is_some() {
            continue;
        }
        let disabled = switch_off(&tc.audience_switches);
        // Arguments passed through `**kwargs` (or a spread) may carry the audience: the call
        // site cannot tell, so the finding says so at low confidence.
        let unseen = !audience && disabled.is_none() && call.has_splat() && spread.is_none();
        let callee = call.names.first().copied().unwrap_or(&tc.callee);
        let callee = callee.strip_prefix("js.").unwrap_or(callee);
        let parameter = tc
            .audience
            .first()
            .map(String::as_str)
            .unwrap_or("audience")
            .to_string();
        let (at, violation, severity) = match disabled {
            Some(e) => (
                crate::extract::interp::Site {
                    file: call.file,
                    span: e.span,
                },
                McpTokenWithoutAudience::AudienceOff {
                    callee: callee.to_string(),
                    library: tc.library.clone(),
                    parameter,
                },
                Severity::High,
            ),
            None if !audience => (
                call.site(),
                McpTokenWithoutAudience::NoAudience {
                    callee: callee.to_string(),
                    library: tc.library.clone(),
                    parameter,
                    unseen,
                },
                Severity::Medium,
            ),
            None => continue,
        };
        let path = vec![cx.step(
            StepKind::Gate,
            call.site(),
            "the token check that does not bind tokens to this server",
        )];
        out.push(cx.report(
            &violation,
            severity,
            if unseen {
                Confidence::Low
            } else {
                Confidence::High
            },
            at,
            path,
            &[callee],
        ));
    }
}

/// The dict (object) literals spread into `call`: `**options` and `{...options}` whose name is
/// bound to a literal in the call's scope or an enclosing one (followed through a few names,
/// and through spreads inside those literals). `None` when some spread cannot be read that way
/// (a parameter, a call's result): then the call site cannot tell what it carries.
fn spread_literals<'a>(ix: &Index<'a>, call: &CallAt<'a>) -> Option<Vec<&'a [DictItem]>> {
    let mut pending: Vec<&'a Expr> = vec![];
    for a in call.args {
        match a {
            Arg::DoubleStar(e) => pending.push(e),
            Arg::Pos(Expr {
                kind: ExprKind::Dict(items),
                ..
            }) => pending.extend(items.iter().filter_map(|i| match i {
                DictItem::Splat(e) => Some(e),
                DictItem::Pair(..) => None,
            })),
            _ => {}
        }
    }
    let mut out = vec![];
    // Each literal may spread others in turn; a fixed bound keeps a cycle finite.
    let mut budget = 32;
    while let Some(mut e) = pending.pop() {
        budget -= 1;
        if budget == 0 {
            return None;
        }
        let mut scope = call.scope;
        for _ in 0..4 {
            let ExprKind::Name(n) = &e.kind else { break };
            let (sc, v) = ix.lookup(scope, n)?;
            scope = sc;
            e = v;
        }
        let ExprKind::Dict(items) = &e.kind else {
            return None;
        };
        pending.extend(items.iter().filter_map(|i| match i {
            DictItem::Splat(e) => Some(e),
            DictItem::Pair(..) => None,
        }));
        out.push(items.as_slice());
    }
    Some(out)
}

/// An introspection request (its URL expression names an introspection endpoint) in a function
/// that never mentions the audience: the response's `active` is trusted for any token.
fn introspection(cx: &Ctx, ix: &Index, call: &super::mcp_auth::CallAt, out: &mut Vec<Finding>) {
    let v = &cx.k.mcp_auth;
    let Some(url) = call.pos(0).or_else(|| call.opt("url")) else {
        return;
    };
    let site = |span| crate::extract::interp::Site {
        file: call.file,
        span,
    };
    let mut url_text = cx.text(site(url.span)).to_ascii_lowercase();
    if let Some((s, _)) = ix.str_of(call.scope, url) {
        url_text.push_str(&s.to_ascii_lowercase());
    }
    if !v
        .introspection_words
        .iter()
        .any(|w| url_text.contains(w.as_str()))
    {
        return;
    }
    let scope = &ix.scopes[call.scope];
    let body = cx.text(site(scope.span)).to_ascii_lowercase();
    let mentions = |w: &str| {
        body.match_indices(w).any(|(i, _)| {
            let before = body[..i].chars().next_back();
            let after = body[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphabetic())
        })
    };
    if v.audience_words.iter().any(|w| mentions(w)) {
        return;
    }
    let path = vec![cx.step(
        StepKind::Gate,
        call.site(),
        "the introspection request whose answer is trusted without the audience",
    )];
    out.push(cx.report(
        &McpTokenWithoutAudience::Introspection,
        Severity::Medium,
        Confidence::Medium,
        call.site(),
        path,
        &["introspection"],
    ));
}

#[cfg(test)]
mod tests {
    use crate::rules::mcp_auth::findings_for;

    const SERVER: &str = "import jwt\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"crm\")\n\n\ndef check(token, key):\n";

    #[test]
    fn decode_without_audience_or_with_it_disabled_is_reported() {
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &format!("{SERVER}    return jwt.decode(token, key, algorithms=[\"RS256\"])\n"),
            )],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        let f = findings_for(
            "AIR309",
            &[("server.py", &format!("{SERVER}    return jwt.decode(token, key, algorithms=[\"RS256\"], audience=\"https://crm.example.com/mcp\", options={{\"verify_aud\": False}})\n"))],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, crate::model::Severity::High);
        let f = findings_for(
            "AIR309",
            &[("server.py", &format!("{SERVER}    return jwt.decode(token, key, algorithms=[\"RS256\"], audience=\"https://crm.example.com/mcp\")\n"))],
        );
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn unverified_decodes_are_not_validations_and_splats_lower_confidence() {
        // Reading claims of a token the server got itself, with the signature check off.
        let f = findings_for(
            "AIR309",
            &[("server.py", &format!("{SERVER}    return jwt.decode(token, options={{\"verify_signature\": False}})\n"))],
        );
        assert!(f.is_empty(), "{f:#?}");
        // The audience may be in `**kwargs`: reported, at low confidence, saying why.
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &format!("{SERVER}    kw = settings()\n    return jwt.decode(token, key, **kw)\n"),
            )],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].confidence, crate::model::Confidence::Low);
        assert!(
            f[0].message.contains("could not be read"),
            "{}",
            f[0].message
        );
    }

    /// `**options` bound to a dict literal is read: its `audience` counts as if passed by
    /// name (also through a spread inside it); without one the finding is certain, not a guess.
    #[test]
    fn options_dicts_spread_into_the_call_are_followed() {
        let with = |opts: &str| {
            format!("import jwt\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"crm\")\nBASE = {{\"algorithms\": [\"RS256\"]}}\n{opts}\n\n\ndef check(token, key):\n    return jwt.decode(token, key, **OPTIONS)\n")
        };
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &with("OPTIONS = {**BASE, \"audience\": \"https://crm.example.com/mcp\"}"),
            )],
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &with("OPTIONS = {**BASE, \"issuer\": \"https://auth.example.com\"}"),
            )],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].confidence, crate::model::Confidence::High);
        assert!(!f[0].message.contains("could not be read"));
    }

    #[test]
    fn introspection_without_audience_is_reported() {
        let server = |check: &str| {
            format!("import httpx\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"crm\")\nINTROSPECT = \"https://auth.example.com/introspect\"\n\n\nasync def verify(token):\n    r = httpx.post(INTROSPECT, data={{\"token\": token}})\n    data = r.json()\n    return data.get(\"active\"){check}\n")
        };
        let f = findings_for("AIR309", &[("server.py", &server(""))]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].location.line, 9);
        let checked = server(" and data.get(\"aud\") == \"https://crm.example.com/mcp\"");
        assert!(findings_for("AIR309", &[("server.py", &checked)]).is_empty());
    }
}

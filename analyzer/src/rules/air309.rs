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
use super::mcp_auth::{CallAt, Index};
use super::RuleMeta;
use crate::model::{Confidence, Finding, Severity, Span, StepKind};
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind, Stmt, StmtKind};

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
        let spread = spread_entries(ix, call);
        let lookup = |key: &str| {
            call.opt(key).or_else(|| {
                spread
                    .iter()
                    .flatten()
                    .rev()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| *v)
            })
        };
        let audience = tc
            .audience
            .iter()
            .any(|a| lookup(a).is_some_and(|e| !matches!(e.kind, ExprKind::None)));
        // `options={"verify_aud": False}` turns the check off even with an audience;
        // `{"verify_signature": False}` makes the call a plain read of claims (a token the
        // server obtained itself), not a validation: not this rule's concern. The switches may
        // be a literal or a name bound to one and filled by `opts["verify_aud"] = False`.
        let switch_off = |keys: &[String]| {
            let switches = lookup(tc.switches.as_ref()?)?;
            let entries = entries_of(ix, call.scope, switches, call.expr.span)?;
            keys.iter().find_map(|k| {
                entries
                    .iter()
                    .rev()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| *v)
                    .filter(|e| matches!(e.kind, ExprKind::Bool(false)))
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
        // The claims handed to a project function that reads their audience and raises: the
        // audience is compared by hand (a claim other than `aud` may carry it).
        if checked_by_helper(cx, ix, call) {
            continue;
        }
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

/// Whether the result of token check `call`, bound to a name, is passed after it (in the same
/// function) to a project function whose body reads an audience claim by name (`"aud"`,
/// `claims.get("aud")`) and raises: a check of the audience by hand.
fn checked_by_helper(cx: &Ctx, ix: &Index, call: &CallAt) -> bool {
    let scope = &ix.scopes[call.scope];
    let Some(claims) = scope
        .assigns
        .iter()
        .find(|(_, v)| v.span == call.expr.span)
        .map(|(n, _)| *n)
    else {
        return false;
    };
    let words = &cx.k.mcp_auth.audience_words;
    // The calls after this one inside its function (`ix.calls` is sorted by file and start).
    let from = ix
        .calls
        .partition_point(|c| (c.file, c.expr.span.start) < (call.file, call.expr.span.end));
    ix.calls[from..]
        .iter()
        .take_while(|c| c.file == call.file && c.expr.span.start < scope.span.end)
        .any(|c| {
            c.scope == call.scope
                && c.args.iter().any(
                    |a| matches!(a, Arg::Pos(Expr { kind: ExprKind::Name(n), .. }) if n == claims),
                )
                && cx
                    .ev
                    .callee_at
                    .get(&c.site())
                    .into_iter()
                    .flatten()
                    .any(|callee| match callee {
                        crate::extract::interp::Callee::Local(f) => {
                            reads_claim_and_raises(&f.def.body, words)
                        }
                        _ => false,
                    })
        })
}

/// Whether a body holds a string literal naming an audience claim (`"aud"`) and a `raise`.
fn reads_claim_and_raises(body: &[Stmt], words: &[String]) -> bool {
    let (mut claim, mut raises) = (false, false);
    crate::syntax::python::visit_stmts(body, &mut |st: &Stmt| {
        raises |= matches!(st.kind, StmtKind::Raise(_));
        // A walk over one statement's expressions: finite, so no cap.
        let mut stack: Vec<&Expr> = st.exprs();
        while let Some(e) = stack.pop() {
            if let ExprKind::Str(s) = &e.kind {
                claim |= words.iter().any(|w| w == s);
            }
            stack.extend(super::mcp_auth::children(e));
        }
    });
    claim && raises
}

/// The entries spread into `call` (`**options`, `{...options}`), as `entries_of` reads them.
/// `None` when some spread cannot be read (a parameter, a call's result): then the call site
/// cannot tell what it carries.
fn spread_entries<'a>(ix: &Index<'a>, call: &CallAt<'a>) -> Option<Vec<(&'a str, &'a Expr)>> {
    let mut out = vec![];
    for a in call.args {
        match a {
            Arg::DoubleStar(e) => out.extend(entries_of(ix, call.scope, e, call.expr.span)?),
            Arg::Pos(Expr {
                kind: ExprKind::Dict(items),
                ..
            }) => {
                for i in items {
                    if let DictItem::Splat(e) = i {
                        out.extend(entries_of(ix, call.scope, e, call.expr.span)?);
                    }
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// The entries of a dict (object) literal, or of a name bound to one in `scope` or an enclosing
/// one (followed through a few names), with the spreads inside it and the stores into the name
/// made before `at` on every path (`opts["options"] = ...`), later entries last. `None` when it
/// is not such a literal. A fixed budget keeps spreads that refer to each other finite.
fn entries_of<'a>(
    ix: &Index<'a>,
    scope: usize,
    e: &'a Expr,
    at: Span,
) -> Option<Vec<(&'a str, &'a Expr)>> {
    let mut out = vec![];
    let mut pending: Vec<(usize, &'a Expr)> = vec![(scope, e)];
    let mut budget = 32;
    while let Some((mut scope, mut e)) = pending.pop() {
        budget -= 1;
        if budget == 0 {
            return None;
        }
        let mut stores = vec![];
        for _ in 0..4 {
            let ExprKind::Name(n) = &e.kind else { break };
            let (sc, v) = ix.lookup(scope, n)?;
            stores = ix.stores_before(sc, n, at);
            scope = sc;
            e = v;
        }
        let ExprKind::Dict(items) = &e.kind else {
            return None;
        };
        for i in items {
            match i {
                DictItem::Pair(
                    Expr {
                        kind: ExprKind::Str(k),
                        ..
                    },
                    v,
                ) => out.push((k.as_str(), v)),
                DictItem::Splat(x) => pending.push((scope, x)),
                DictItem::Pair(..) => {}
            }
        }
        out.extend(stores);
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
    fn stores_into_the_options_before_the_call_count() {
        let body = |stores: &str| {
            format!("{SERVER}    opts = {{}}\n    kw = {{\"algorithms\": [\"RS256\"]}}\n{stores}    return jwt.decode(token, key, **kw)\n")
        };
        let f = findings_for(
            "AIR309",
            &[("server.py", &body("    kw[\"options\"] = opts\n"))],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].confidence, crate::model::Confidence::High);
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &body("    kw[\"audience\"] = \"https://crm.example.com/mcp\"\n"),
            )],
        );
        assert!(f.is_empty(), "{f:#?}");
        let f = findings_for(
            "AIR309",
            &[(
                "server.py",
                &body("    opts[\"verify_signature\"] = False\n    kw[\"options\"] = opts\n"),
            )],
        );
        assert!(f.is_empty(), "{f:#?}");
        // A store in a branch that does not hold the call did not run on every path to it.
        let f = findings_for(
            "AIR309",
            &[("server.py", &body("    if key is None:\n        kw[\"audience\"] = \"https://crm.example.com/mcp\"\n"))],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        // A store after the call does not count for it.
        let f = findings_for(
            "AIR309",
            &[("server.py", &format!("{SERVER}    kw = {{}}\n    claims = jwt.decode(token, key, **kw)\n    kw[\"audience\"] = \"x\"\n    return claims\n"))],
        );
        assert_eq!(f.len(), 1, "{f:#?}");
    }

    #[test]
    fn claims_handed_to_a_helper_that_checks_the_audience_are_checked() {
        let with = |helper: &str| {
            format!("import jwt\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP(\"crm\")\n\n\n{helper}\n\ndef check(token, key):\n    claims = jwt.decode(token, key, algorithms=[\"RS256\"], options={{\"verify_aud\": False}})\n    bound(claims)\n    return claims\n")
        };
        let checks = "def bound(claims):\n    if \"crm\" not in claims.get(\"aud\", []):\n        raise ValueError(\"not for us\")\n";
        let f = findings_for("AIR309", &[("server.py", &with(checks))]);
        assert!(f.is_empty(), "{f:#?}");
        // A helper that reads other claims, or reads `aud` but never refuses, checks nothing.
        let other = "def bound(claims):\n    if claims.get(\"iat\", 0) < 0:\n        raise ValueError(\"bad\")\n";
        assert_eq!(
            findings_for("AIR309", &[("server.py", &with(other))]).len(),
            1
        );
        let logs = "def bound(claims):\n    print(claims.get(\"aud\"))\n";
        assert_eq!(
            findings_for("AIR309", &[("server.py", &with(logs))]).len(),
            1
        );
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

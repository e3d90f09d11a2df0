//! What the MCP authorization rules (AIR307–AIR310) share: their vocabulary
//! (`[mcp_auth]` in `rules/knowledge/mcp_auth.toml`: JWT and introspection calls and their
//! audience options, credential header names, request-header reads, outbound HTTP calls, HTTP
//! transports and listeners, authentication middleware, OAuth endpoint options), the calls the
//! interpreter recorded in every Python and TypeScript function (TypeScript is lowered into the
//! same evaluation, its externals named `js.<module>.<member>`), and small helpers on literal
//! values (URLs, hosts, loopback).

use crate::extract::interp::Callee;
use crate::facts::Site;
use crate::knowledge::glob_match;
use crate::model::{FileId, Span};
use crate::rules::context::Ctx;
use crate::syntax::python::{Arg, DictItem, Expr, ExprKind, Stmt, StmtKind, Target};
use serde::Deserialize;

/// A call that verifies or decodes a token and the options that bind it to an audience.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenCheck {
    /// Dotted callee glob (`jwt.decode`, `js.jose.jwtVerify`).
    pub callee: String,
    /// Library, for messages (`PyJWT`, `jose`).
    pub library: String,
    /// Keyword argument (Python) or option (TypeScript, in the options object) naming the
    /// audience (`audience`, `aud`).
    #[serde(default)]
    pub audience: Vec<String>,
    /// The positional index of the options object, for TypeScript (`jwtVerify(token, key,
    /// options)`: 2).
    #[serde(default)]
    pub options_arg: Option<usize>,
    /// A keyword/option holding a dict of verification switches (`options` in PyJWT).
    #[serde(default)]
    pub switches: Option<String>,
    /// Keys in `switches` that turn the audience check off when `false` (`verify_aud`).
    #[serde(default)]
    pub audience_switches: Vec<String>,
    /// Keys in `switches` that turn signature verification off when `false`
    /// (`verify_signature`): such a call only reads claims, it validates nothing.
    #[serde(default)]
    pub signature_switches: Vec<String>,
    /// Whether the call verifies at all without an audience: `false` for calls whose result has
    /// to be compared by hand (token introspection).
    #[serde(default = "yes")]
    pub checks_audience_itself: bool,
}

fn yes() -> bool {
    true
}

/// The shared vocabulary, from `[mcp_auth]` in `rules/knowledge/mcp_auth.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthVocabulary {
    #[serde(default)]
    pub token_check: Vec<TokenCheck>,
    /// Header names that carry the caller's credential (lowercase).
    #[serde(default)]
    pub credential_headers: Vec<String>,
    /// Calls that read a header of the incoming request, by callee glob (`*.headers.get`).
    #[serde(default)]
    pub header_reads: Vec<String>,
    /// Outbound HTTP calls (`httpx.get`, `js.fetch`), by callee glob.
    #[serde(default)]
    pub outbound: Vec<String>,
    /// MCP server `run(...)` methods with a `transport=` argument (`*.FastMCP.run`).
    #[serde(default)]
    pub server_run: Vec<String>,
    /// Transport values of `run(transport=...)` that serve over the network.
    #[serde(default)]
    pub network_transports: Vec<String>,
    /// Keyword arguments of a server constructor that configure authentication.
    #[serde(default)]
    pub server_auth_kwargs: Vec<String>,
    /// Calls that serve an ASGI app or listen on a port (`uvicorn.run`, `js.express.listen`).
    #[serde(default)]
    pub listeners: Vec<String>,
    /// HTTP transports of the TypeScript SDK (`js.@modelcontextprotocol.sdk.**.StreamableHTTPServerTransport`).
    #[serde(default)]
    pub http_transports: Vec<String>,
    /// Calls that put authentication in front of the routes (`requireBearerAuth`,
    /// `mcpAuthRouter`, `passport.authenticate`).
    #[serde(default)]
    pub auth_middleware: Vec<String>,
    /// AIR309, token introspection: words that mark an introspection endpoint in an outbound
    /// call's URL expression, and words whose presence in the same function shows the response's
    /// audience is compared.
    #[serde(default)]
    pub introspection_words: Vec<String>,
    #[serde(default)]
    pub audience_words: Vec<String>,
    /// Calls that configure OAuth endpoints, verifiers or clients (AIR310).
    #[serde(default)]
    pub oauth: OAuthVocabulary,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OAuthVocabulary {
    #[serde(default)]
    pub calls: Vec<String>,
    /// Further calls that take an OAuth client secret (AIR311): identity-provider presets,
    /// client information records.
    #[serde(default)]
    pub client_secret_calls: Vec<String>,
    /// Keyword and object keys that hold a client secret.
    #[serde(default)]
    pub client_secret_keys: Vec<String>,
    /// AIR310 in client configurations: a server entry's OAuth blocks (`oauth`, `auth`).
    #[serde(default)]
    pub config_blocks: Vec<String>,
    /// Key fragments naming an endpoint, issuer or redirect URI inside those blocks.
    #[serde(default)]
    pub config_url_key_parts: Vec<String>,
}

impl AuthVocabulary {
    pub fn add(&mut self, other: AuthVocabulary) {
        self.token_check.extend(other.token_check);
        self.credential_headers.extend(other.credential_headers);
        self.header_reads.extend(other.header_reads);
        self.outbound.extend(other.outbound);
        self.server_run.extend(other.server_run);
        self.network_transports.extend(other.network_transports);
        self.server_auth_kwargs.extend(other.server_auth_kwargs);
        self.listeners.extend(other.listeners);
        self.http_transports.extend(other.http_transports);
        self.auth_middleware.extend(other.auth_middleware);
        self.introspection_words.extend(other.introspection_words);
        self.audience_words.extend(other.audience_words);
        self.oauth.calls.extend(other.oauth.calls);
        self.oauth
            .client_secret_calls
            .extend(other.oauth.client_secret_calls);
        self.oauth
            .client_secret_keys
            .extend(other.oauth.client_secret_keys);
        self.oauth.config_blocks.extend(other.oauth.config_blocks);
        self.oauth
            .config_url_key_parts
            .extend(other.oauth.config_url_key_parts);
    }
}

/// One call in the project's code (Python, or TypeScript lowered to the same IR), with the
/// external names the interpreter resolved it to.
pub struct CallAt<'a> {
    pub file: FileId,
    /// Index into `Index::scopes`: the function (or module, or class body) it is in.
    pub scope: usize,
    pub expr: &'a Expr,
    pub args: &'a [Arg],
    pub names: Vec<&'a str>,
}

impl CallAt<'_> {
    pub fn site(&self) -> Site {
        Site {
            file: self.file,
            span: self.expr.span,
        }
    }

    pub fn is(&self, globs: &[String]) -> bool {
        self.names
            .iter()
            .any(|n| globs.iter().any(|g| glob_match(g, n)))
    }

    /// The keyword argument `name` (Python), or the property `name` of an object-literal
    /// argument (TypeScript options objects).
    pub fn opt(&self, name: &str) -> Option<&Expr> {
        for a in self.args.iter().rev() {
            match a {
                Arg::Kw(k, e) if k == name => return Some(e),
                Arg::Pos(Expr {
                    kind: ExprKind::Dict(items),
                    ..
                }) => {
                    if let Some(e) = dict_item(items, name) {
                        return Some(e);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// Whether arguments are also passed through a `**mapping` splat (Python) or a spread in an
    /// options object (JavaScript), whose keys the call site does not show.
    pub fn has_splat(&self) -> bool {
        self.args.iter().any(|a| match a {
            Arg::DoubleStar(_) => true,
            Arg::Pos(Expr {
                kind: ExprKind::Dict(items),
                ..
            }) => items.iter().any(|i| !matches!(i, DictItem::Pair(..))),
            _ => false,
        })
    }

    /// The `i`-th positional argument.
    pub fn pos(&self, i: usize) -> Option<&Expr> {
        self.args
            .iter()
            .filter_map(|a| match a {
                Arg::Pos(e) => Some(e),
                _ => None,
            })
            .nth(i)
    }
}

/// The value of key `name` in a dict (object) literal.
pub fn dict_item<'e>(items: &'e [DictItem], name: &str) -> Option<&'e Expr> {
    items.iter().rev().find_map(|i| match i {
        DictItem::Pair(
            Expr {
                kind: ExprKind::Str(k),
                ..
            },
            v,
        ) if k == name => Some(v),
        _ => None,
    })
}

/// A function, lambda, class body or module: its assignments to plain names, and its parameters.
pub struct Scope<'a> {
    pub file: FileId,
    /// The module it belongs to (index into `cx.modules`).
    pub module: usize,
    pub assigns: Vec<(&'a str, &'a Expr)>,
    pub params: Vec<&'a str>,
    /// The enclosing scope (a module's is itself).
    pub parent: usize,
    /// The function's (or class's, or whole file's) text span.
    pub span: Span,
    /// Its stores under a literal key into a plain name (`opts["verify_aud"] = False`).
    pub stores: Vec<Store<'a>>,
}

/// `name["key"] = value`, with the span of the statement and of the block holding it: a store
/// counts for a later use inside that block (it ran on every path to the use).
pub struct Store<'a> {
    pub name: &'a str,
    pub key: &'a str,
    pub value: &'a Expr,
    pub at: Span,
    pub block: Span,
}

/// Every call and scope of the project, built once per rule run by the rules that need it.
pub struct Index<'a> {
    pub calls: Vec<CallAt<'a>>,
    pub scopes: Vec<Scope<'a>>,
    /// The scope of each module, by module index.
    pub module_scope: Vec<usize>,
}

impl<'a> Index<'a> {
    /// Whether the project defines an MCP server (the SDKs' server classes, or a TypeScript HTTP
    /// transport served by hand), which the server-side rules require.
    pub fn is_mcp_project(&self, cx: &Ctx) -> bool {
        !cx.servers.servers.is_empty()
            || self
                .calls
                .iter()
                .any(|c| c.is(&cx.k.mcp_auth.http_transports))
    }

    pub fn build(cx: &'a Ctx) -> Index<'a> {
        let mut ix = Index {
            calls: vec![],
            scopes: vec![],
            module_scope: vec![],
        };
        for (mi, m) in cx.modules.iter().enumerate() {
            let root = ix.scopes.len();
            let len = u32::try_from(cx.db.get(m.file).text.len()).unwrap_or(u32::MAX);
            ix.scopes.push(Scope {
                file: m.file,
                module: mi,
                assigns: vec![],
                params: vec![],
                parent: root,
                span: Span { start: 0, end: len },
                stores: vec![],
            });
            ix.module_scope.push(root);
            // (statements, scope) to visit; expressions are walked with their own stack.
            let mut stmts: Vec<(&'a [Stmt], usize)> = vec![(&m.ir.body, root)];
            while let Some((body, scope)) = stmts.pop() {
                let block = match (body.first(), body.last()) {
                    (Some(a), Some(b)) => Span {
                        start: a.span.start,
                        end: b.span.end,
                    },
                    _ => continue,
                };
                for st in body {
                    let mut exprs: Vec<&'a Expr> = st.exprs();
                    match &st.kind {
                        StmtKind::Assign { targets, value, .. } => {
                            for t in targets {
                                match t {
                                    Target::Name(n, _) => {
                                        ix.scopes[scope].assigns.push((n.as_str(), value));
                                    }
                                    Target::Subscript(obj, key) => {
                                        if let (ExprKind::Name(n), ExprKind::Str(k)) =
                                            (&obj.kind, &key.kind)
                                        {
                                            ix.scopes[scope].stores.push(Store {
                                                name: n,
                                                key: k,
                                                value,
                                                at: st.span,
                                                block,
                                            });
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        StmtKind::Func(def) => {
                            exprs.extend(def.decorators.iter());
                            let inner = ix.scopes.len();
                            ix.scopes.push(Scope {
                                file: m.file,
                                module: mi,
                                assigns: vec![],
                                params: def.params.iter().map(|p| p.name.as_str()).collect(),
                                parent: scope,
                                span: def.span,
                                stores: vec![],
                            });
                            stmts.push((&def.body, inner));
                        }
                        StmtKind::Class(c) => {
                            exprs.extend(c.decorators.iter());
                            let inner = ix.scopes.len();
                            ix.scopes.push(Scope {
                                file: m.file,
                                module: mi,
                                assigns: vec![],
                                params: vec![],
                                parent: scope,
                                span: c.span,
                                stores: vec![],
                            });
                            stmts.push((&c.body, inner));
                        }
                        _ => {}
                    }
                    for b in st.blocks() {
                        stmts.push((b, scope));
                    }
                    let mut stack: Vec<(&'a Expr, usize)> =
                        exprs.into_iter().map(|e| (e, scope)).collect();
                    while let Some((e, sc)) = stack.pop() {
                        match &e.kind {
                            ExprKind::Call(f, args) => {
                                let names = cx
                                    .ev
                                    .callee_at
                                    .get(&Site {
                                        file: m.file,
                                        span: e.span,
                                    })
                                    .map(|cs| {
                                        cs.iter()
                                            .filter_map(|c| match c {
                                                Callee::Qualified(q) => Some(&**q),
                                                _ => None,
                                            })
                                            .collect()
                                    })
                                    .unwrap_or_default();
                                ix.calls.push(CallAt {
                                    file: m.file,
                                    scope: sc,
                                    expr: e,
                                    args,
                                    names,
                                });
                                stack.push((f, sc));
                                for a in args {
                                    match a {
                                        Arg::Pos(x)
                                        | Arg::Kw(_, x)
                                        | Arg::Star(x)
                                        | Arg::DoubleStar(x) => stack.push((x, sc)),
                                    }
                                }
                            }
                            ExprKind::Lambda(def) => {
                                let inner = ix.scopes.len();
                                ix.scopes.push(Scope {
                                    file: m.file,
                                    module: mi,
                                    assigns: vec![],
                                    params: def.params.iter().map(|p| p.name.as_str()).collect(),
                                    parent: sc,
                                    span: def.span,
                                    stores: vec![],
                                });
                                stmts.push((&def.body, inner));
                            }
                            _ => {
                                for c in children(e) {
                                    stack.push((c, sc));
                                }
                            }
                        }
                    }
                }
            }
        }
        ix.calls
            .sort_by_key(|c| (c.file, c.expr.span.start, c.expr.span.end));
        ix
    }

    /// The string a literal or a name bound to one (in its scope or an enclosing one) holds,
    /// with the literal's span.
    pub fn str_of(&self, scope: usize, e: &'a Expr) -> Option<(&'a str, Span)> {
        let mut e = e;
        let mut scope = scope;
        for _ in 0..4 {
            match &e.kind {
                ExprKind::Str(s) => return Some((s.as_str(), e.span)),
                ExprKind::Name(n) => {
                    let (sc, v) = self.lookup(scope, n)?;
                    scope = sc;
                    e = v;
                }
                _ => return None,
            }
        }
        None
    }

    /// The last value assigned to `name` in `scope` or an enclosing scope.
    pub fn lookup(&self, scope: usize, name: &str) -> Option<(usize, &'a Expr)> {
        let mut sc = scope;
        loop {
            if let Some((_, v)) = self.scopes[sc]
                .assigns
                .iter()
                .rev()
                .find(|(n, _)| *n == name)
            {
                return Some((sc, v));
            }
            if self.scopes[sc].parent == sc {
                return None;
            }
            sc = self.scopes[sc].parent;
        }
    }

    /// The stores into `name` (`name["k"] = v`) of the scope where `name` is bound, made before
    /// `at` in a block that holds `at`: keys set on every path to `at`.
    pub fn stores_before(&self, scope: usize, name: &str, at: Span) -> Vec<(&'a str, &'a Expr)> {
        self.scopes[scope]
            .stores
            .iter()
            .filter(|s| {
                s.name == name
                    && s.at.end <= at.start
                    && s.block.start <= at.start
                    && at.end <= s.block.end
            })
            .map(|s| (s.key, s.value))
            .collect()
    }

    /// The call at `e`, when `e` is a call this index holds.
    pub fn call_at(&self, file: FileId, e: &Expr) -> Option<&CallAt<'a>> {
        let i = self
            .calls
            .binary_search_by_key(&(file, e.span.start, e.span.end), |c| {
                (c.file, c.expr.span.start, c.expr.span.end)
            })
            .ok()?;
        Some(&self.calls[i])
    }
}

/// The sub-expressions of `e`, lambdas' bodies excepted.
pub fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Attr(x, _)
        | ExprKind::Starred(x)
        | ExprKind::Not(x)
        | ExprKind::Unary(x)
        | ExprKind::Await(x)
        | ExprKind::Walrus(_, x) => vec![x],
        ExprKind::Call(f, args) => {
            let mut v: Vec<&Expr> = vec![f];
            v.extend(args.iter().map(|a| match a {
                Arg::Pos(x) | Arg::Kw(_, x) | Arg::Star(x) | Arg::DoubleStar(x) => x,
            }));
            v
        }
        ExprKind::FStr(xs)
        | ExprKind::List(xs)
        | ExprKind::Tuple(xs)
        | ExprKind::Set(xs)
        | ExprKind::BinOp(_, xs)
        | ExprKind::BoolOp(_, xs)
        | ExprKind::Compare(xs, _) => xs.iter().collect(),
        ExprKind::Dict(items) => items
            .iter()
            .flat_map(|i| match i {
                DictItem::Pair(k, v) => vec![k, v],
                DictItem::Splat(x) => vec![x],
            })
            .collect(),
        ExprKind::Subscript(a, b) => vec![a, b],
        ExprKind::IfExp(a, b, c) => vec![a, b, c],
        ExprKind::Comp(c) => {
            let mut v: Vec<&Expr> = vec![&c.elt];
            v.extend(c.key.iter());
            for (_, it, conds) in &c.generators {
                v.push(it);
                v.extend(conds.iter());
            }
            v
        }
        _ => vec![],
    }
}

/// The host of a URL literal (`https://a.example.com:8443/x` → `a.example.com`).
pub fn url_host(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = if let Some(h) = host.strip_prefix('[') {
        h.split(']').next().unwrap_or(h)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    Some((scheme, host))
}

/// Whether `host` is this machine: `localhost`, `*.localhost`, `127.0.0.0/8`, `::1`.
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim().to_ascii_lowercase();
    h == "localhost"
        || h.ends_with(".localhost")
        || h == "::1"
        || h == "0:0:0:0:0:0:0:1"
        || (h.starts_with("127.") && h.split('.').count() == 4)
}

/// Analyses a project of `(path, text)` files written to a fresh temporary folder and returns
/// the findings of rule `code` (the rules' unit tests).
#[cfg(test)]
pub(crate) fn findings_for(code: &str, files: &[(&str, &str)]) -> Vec<crate::model::Finding> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "airlock-auth-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().expect("a parent")).expect("create dir");
        std::fs::write(&p, text).expect("write file");
    }
    let opts = crate::analysis::Options {
        paths: vec![dir.clone()],
        select: vec![code.to_string()],
        ..Default::default()
    };
    let a = crate::analysis::analyze(&opts, crate::knowledge::Knowledge::builtin_ref());
    let _ = std::fs::remove_dir_all(&dir);
    a.findings.into_iter().filter(|f| f.code == code).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_loopback() {
        assert_eq!(
            url_host("https://user@auth.example.com:8443/authorize?x=1"),
            Some(("https", "auth.example.com"))
        );
        assert_eq!(url_host("http://[::1]:3000/cb"), Some(("http", "::1")));
        assert_eq!(url_host("not a url"), None);
        for h in [
            "localhost",
            "127.0.0.1",
            "app.localhost",
            "::1",
            "127.1.2.3",
        ] {
            assert!(is_loopback(h), "{h}");
        }
        for h in [
            "0.0.0.0",
            "10.0.0.5",
            "example.com",
            "localhost.example.com",
            "::",
        ] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}

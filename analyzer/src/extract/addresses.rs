//! The request-forgery guard that checks where a host name resolves to: a body resolves the
//! host of a URL (`socket.getaddrinfo(urlparse(url).hostname, ...)`, `dns.lookup(host)`) and
//! refuses when an address it got back is private, loopback or link-local
//! (`if ipaddress.ip_address(a).is_private: raise`). After it, the URL reaches only public
//! servers (`http_request_tainted_url` is clean). The body analysis (`body.rs`) follows which
//! names hold the resolved addresses and which URL they came from; this module says what the
//! syntax of a resolution and of an address test is.
//!
//! A check of the host name's text (`if host in ("localhost", "127.0.0.1")`) is not this: a
//! public name can resolve to a private address. A check done once and fetched later is open
//! to DNS rebinding between the two lookups; that is the standard guard all the same, and the
//! finding a reviewer acts on is the fetch with no guard at all.

use crate::extract::body::unawait;
use crate::syntax::python::{Arg, Expr, ExprKind, FuncDef};

/// Calls that resolve a host name to its addresses, whatever their receiver
/// (`socket.getaddrinfo`, `loop.getaddrinfo`).
const RESOLVERS: &[&str] = &["getaddrinfo", "gethostbyname", "gethostbyname_ex"];

/// Resolution calls whose name is common elsewhere (`Path.resolve`, a dictionary's `lookup`):
/// one only when its receiver names DNS (`dns.lookup`, `dns.promises.lookup`,
/// `dns.resolver.resolve`, `resolver.resolve`).
const DNS_METHODS: &[&str] = &["lookup", "resolve", "resolve4", "resolve6", "resolve_name"];

/// Properties and predicates that say an address is not a public one: Python's `ipaddress`
/// objects (`ip.is_private`), and the predicates of JavaScript's address libraries
/// (`ip.isPrivate(a)`, `isPrivateIp(a)`) and `ipaddr.js` (`addr.range()`).
const ADDRESS_TESTS: &[&str] = &[
    "is_private",
    "is_loopback",
    "is_link_local",
    "is_reserved",
    "is_multicast",
    "is_unspecified",
    "is_global",
    "is_site_local",
    "isPrivate",
    "isLoopback",
    "isLinkLocal",
    "isReserved",
    "isPrivateIp",
    "isPrivateIP",
    "isPrivateAddress",
    "range",
];

/// The starts of private, loopback and link-local address ranges, as a predicate that lists
/// them writes them (`a.startswith("10.")`, `/^192\.168\./`, `ip_network("169.254.0.0/16")`).
const PRIVATE_RANGES: &[&str] = &[
    "127.", "10.", "192.168.", "169.254.", "172.16.", "::1", "fc00:", "fe80:",
];

/// The host argument of a call that resolves a host name, when `e` is one.
pub fn resolution_host(e: &Expr) -> Option<&Expr> {
    let e = unawait(e);
    let ExprKind::Call(f, args) = &e.kind else {
        return None;
    };
    let resolves = match &f.kind {
        ExprKind::Name(n) => RESOLVERS.contains(&n.as_str()),
        ExprKind::Attr(recv, m) => {
            RESOLVERS.contains(&m.as_str())
                || (DNS_METHODS.contains(&m.as_str()) && names_dns(recv))
        }
        _ => false,
    };
    if !resolves {
        return None;
    }
    args.iter().find_map(|a| match a {
        Arg::Pos(x) => Some(x),
        Arg::Kw(k, x) if k == "host" || k == "hostname" => Some(x),
        _ => None,
    })
}

/// The host argument of the first resolution inside `e` (a comprehension over
/// `getaddrinfo(host, ...)`, a predicate called on `gethostbyname(host)`).
pub fn resolution_in(e: &Expr) -> Option<&Expr> {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if let Some(h) = resolution_host(e) {
            return Some(h);
        }
        crate::syntax::python::push_children(e, &mut stack);
    }
    None
}

/// Whether an expression tests an address with one of [`ADDRESS_TESTS`].
pub fn tests_address(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Attr(_, a) if ADDRESS_TESTS.contains(&a.as_str()) && a != "range" => {
                return true
            }
            ExprKind::Call(f, _) => {
                // `range` only as a method (`ipaddr.parse(a).range()`), not Python's builtin.
                let named = match &f.kind {
                    ExprKind::Name(n) if n != "range" => Some(n.as_str()),
                    ExprKind::Attr(_, m) => Some(m.as_str()),
                    _ => None,
                };
                if named.is_some_and(|n| ADDRESS_TESTS.contains(&n)) {
                    return true;
                }
            }
            _ => {}
        }
        crate::syntax::python::push_children(e, &mut stack);
    }
    false
}

/// Whether a project function is an address predicate: its body tests an address
/// ([`tests_address`]), parses an address and asks whether it lies in networks (`ip =
/// ipaddress.ip_address(s)` and `any(ip in n for n in BLOCKED)`), or names at least two
/// private ranges ([`PRIVATE_RANGES`]).
pub fn address_predicate(def: &FuncDef) -> bool {
    let mut tests = false;
    let mut parses = false;
    let mut member = false;
    let mut ranges: Vec<&str> = vec![];
    crate::syntax::python::visit_exprs(&def.body, &mut |e: &Expr| {
        tests |= matches!(&e.kind, ExprKind::Attr(_, a)
            if ADDRESS_TESTS.contains(&a.as_str()) && a != "range");
        parses |= matches!(&e.kind, ExprKind::Call(f, _) if matches!(&f.kind,
            ExprKind::Name(n) | ExprKind::Attr(_, n) if n == "ip_address" || n == "ip_network"));
        member |= matches!(&e.kind, ExprKind::Compare(_, ops) if ops.iter().any(|o| o == "in"));
        if let ExprKind::Str(s) = &e.kind {
            // A regular expression writes the dots escaped (`^192\.168\.`).
            let plain = s.replace("\\.", ".");
            let plain = plain.trim_start_matches('^');
            for r in PRIVATE_RANGES {
                if plain.starts_with(r) && !ranges.contains(r) {
                    ranges.push(r);
                }
            }
        }
    });
    tests || (parses && member) || ranges.len() >= 2
}

/// Whether a receiver names DNS (`dns`, `dns.promises`, `dnsPromises`, `resolver`).
fn names_dns(e: &Expr) -> bool {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Name(n) => {
                let l = n.to_ascii_lowercase();
                return l.starts_with("dns") || l.contains("resolver");
            }
            ExprKind::Attr(o, a) => {
                let l = a.to_ascii_lowercase();
                if l.starts_with("dns") || l.contains("resolver") {
                    return true;
                }
                cur = o;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::python::{parse, StmtKind};

    fn expr(src: &str) -> Expr {
        let m = parse(src);
        match &m.body[0].kind {
            StmtKind::Expr(e) => e.clone(),
            other => panic!("not an expression: {other:?}"),
        }
    }

    fn func(src: &str) -> FuncDef {
        let m = parse(src);
        match &m.body[0].kind {
            StmtKind::Func(d) => (**d).clone(),
            other => panic!("not a function: {other:?}"),
        }
    }

    #[test]
    fn resolutions_name_their_host() {
        let host = |s: &str| resolution_in(&expr(s)).map(|h| format!("{:?}", h.kind));
        assert!(host("socket.getaddrinfo(h, 443)")
            .unwrap()
            .contains("\"h\""));
        assert!(host("[i[4][0] for i in socket.getaddrinfo(h, None)]").is_some());
        assert!(host("await loop.getaddrinfo(h, None)").is_some());
        assert!(host("dns.resolver.resolve(h, 'A')").is_some());
        // Not resolutions: a path's `resolve`, a dictionary's `lookup`.
        assert!(host("Path(h).resolve()").is_none());
        assert!(host("table.lookup(h)").is_none());
    }

    #[test]
    fn address_tests_and_predicates() {
        assert!(tests_address(&expr("ipaddress.ip_address(a).is_private")));
        assert!(tests_address(&expr("not ip.is_global")));
        assert!(!tests_address(&expr("a in BLOCKED")));
        assert!(address_predicate(&func(
            "def internal(a):\n    ip = ipaddress.ip_address(a)\n    return ip.is_loopback\n"
        )));
        assert!(address_predicate(&func(
            "def internal(a):\n    return a.startswith('10.') or a.startswith('192.168.')\n"
        )));
        assert!(address_predicate(&func(
            "def private(s):\n    ip = ipaddress.ip_address(s)\n    return any(ip in n for n in NETS)\n"
        )));
        // One range is not a list of them.
        assert!(!address_predicate(&func(
            "def version(a):\n    return a.startswith('10.')\n"
        )));
    }
}

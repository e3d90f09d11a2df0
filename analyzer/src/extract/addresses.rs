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
use serde::Deserialize;

/// How resolutions and address tests are spelled (`rules/knowledge/addresses.toml`, which
/// documents each list).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressVocabulary {
    /// Calls that resolve a host name, whatever their receiver (`socket.getaddrinfo`).
    #[serde(default)]
    pub resolvers: Vec<String>,
    /// Resolution methods only on a receiver that names DNS (`dns.lookup`).
    #[serde(default)]
    pub dns_methods: Vec<String>,
    /// Starts of the receiver names that name DNS (`dns`, `dnsPromises`).
    #[serde(default)]
    pub dns_receivers: Vec<String>,
    /// Properties and predicates that test an address (`is_private`, `isPrivate`).
    #[serde(default)]
    pub address_tests: Vec<String>,
    /// Address tests written only as a method call (ipaddr.js `range()`).
    #[serde(default)]
    pub address_methods: Vec<String>,
    /// Calls that parse an address or network (`ip_address`).
    #[serde(default)]
    pub address_parsers: Vec<String>,
    /// Starts of private, loopback and link-local ranges (`10.`, `192.168.`).
    #[serde(default)]
    pub private_ranges: Vec<String>,
}

impl AddressVocabulary {
    /// Adds another file's lists to these.
    pub fn add(&mut self, other: AddressVocabulary) {
        self.resolvers.extend(other.resolvers);
        self.dns_methods.extend(other.dns_methods);
        self.dns_receivers.extend(other.dns_receivers);
        self.address_tests.extend(other.address_tests);
        self.address_methods.extend(other.address_methods);
        self.address_parsers.extend(other.address_parsers);
        self.private_ranges.extend(other.private_ranges);
    }

    fn is(list: &[String], name: &str) -> bool {
        list.iter().any(|x| x == name)
    }

    /// The host argument of a call that resolves a host name, when `e` is one.
    pub fn resolution_host<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let e = unawait(e);
        let ExprKind::Call(f, args) = &e.kind else {
            return None;
        };
        let resolves = match &f.kind {
            ExprKind::Name(n) => Self::is(&self.resolvers, n),
            ExprKind::Attr(recv, m) => {
                Self::is(&self.resolvers, m)
                    || (Self::is(&self.dns_methods, m) && self.names_dns(recv))
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
    pub fn resolution_in<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let mut stack = vec![e];
        while let Some(e) = stack.pop() {
            if let Some(h) = self.resolution_host(e) {
                return Some(h);
            }
            crate::syntax::python::push_children(e, &mut stack);
        }
        None
    }

    /// Whether an expression tests an address (`address_tests`, `address_methods`).
    pub fn tests_address(&self, e: &Expr) -> bool {
        let mut stack = vec![e];
        while let Some(e) = stack.pop() {
            match &e.kind {
                ExprKind::Attr(_, a) if Self::is(&self.address_tests, a) => return true,
                ExprKind::Call(f, _) => {
                    let hit = match &f.kind {
                        ExprKind::Name(n) => Self::is(&self.address_tests, n),
                        ExprKind::Attr(_, m) => {
                            Self::is(&self.address_tests, m) || Self::is(&self.address_methods, m)
                        }
                        _ => false,
                    };
                    if hit {
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
    /// ([`Self::tests_address`]), parses an address and asks whether it lies in networks (`ip =
    /// ipaddress.ip_address(s)` and `any(ip in n for n in BLOCKED)`), or names at least two
    /// private ranges.
    pub fn address_predicate(&self, def: &FuncDef) -> bool {
        let mut tests = false;
        let mut parses = false;
        let mut member = false;
        let mut ranges: Vec<&str> = vec![];
        crate::syntax::python::visit_exprs(&def.body, &mut |e: &Expr| {
            tests |= matches!(&e.kind, ExprKind::Attr(_, a) if Self::is(&self.address_tests, a));
            parses |= matches!(&e.kind, ExprKind::Call(f, _) if matches!(&f.kind,
                ExprKind::Name(n) | ExprKind::Attr(_, n) if Self::is(&self.address_parsers, n)));
            member |= matches!(&e.kind, ExprKind::Compare(_, ops) if ops.iter().any(|o| o == "in"));
            if let ExprKind::Str(s) = &e.kind {
                // A regular expression writes the dots escaped (`^192\.168\.`).
                let plain = s.replace("\\.", ".");
                let plain = plain.trim_start_matches('^');
                for r in &self.private_ranges {
                    if plain.starts_with(r.as_str()) && !ranges.contains(&r.as_str()) {
                        ranges.push(r);
                    }
                }
            }
        });
        tests || (parses && member) || ranges.len() >= 2
    }

    /// Whether a receiver names DNS: a part of its name starts with one of `dns_receivers`
    /// (`dns`, `dns.promises`, `dnsPromises`) or contains `resolver`.
    fn names_dns(&self, e: &Expr) -> bool {
        let names = |n: &str| {
            let l = n.to_ascii_lowercase();
            self.dns_receivers.iter().any(|r| l.starts_with(r.as_str())) || l.contains("resolver")
        };
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Name(n) => return names(n),
                ExprKind::Attr(o, a) => {
                    if names(a) {
                        return true;
                    }
                    cur = o;
                }
                _ => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::python::{parse, StmtKind};

    fn v() -> &'static AddressVocabulary {
        &crate::knowledge::Knowledge::builtin_ref().address_guard
    }

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
        let host = |s: &str| v().resolution_in(&expr(s)).map(|h| format!("{:?}", h.kind));
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
        assert!(v().tests_address(&expr("ipaddress.ip_address(a).is_private")));
        assert!(v().tests_address(&expr("not ip.is_global")));
        assert!(!v().tests_address(&expr("a in BLOCKED")));
        assert!(v().address_predicate(&func(
            "def internal(a):\n    ip = ipaddress.ip_address(a)\n    return ip.is_loopback\n"
        )));
        assert!(v().address_predicate(&func(
            "def internal(a):\n    return a.startswith('10.') or a.startswith('192.168.')\n"
        )));
        assert!(v().address_predicate(&func(
            "def private(s):\n    ip = ipaddress.ip_address(s)\n    return any(ip in n for n in NETS)\n"
        )));
        // One range is not a list of them.
        assert!(!v().address_predicate(&func("def version(a):\n    return a.startswith('10.')\n")));
    }
}

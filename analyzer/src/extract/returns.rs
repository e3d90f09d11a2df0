//! Which parameters of a project function can reach what it returns.
//!
//! The taint of a call to a project helper is the join of the arguments whose parameters reach
//! the helper's result; an argument the helper only logs, checks or passes to its own effects
//! does not make the result the model's (`build_url(params, stats)` building the URL from
//! `stats` alone; `download_to_temp(service, id)` returning a `NamedTemporaryFile` path).
//!
//! The reading is flow-insensitive over names, and errs towards "reaches":
//! - a name depends on every name in what is assigned to it (`x = f(a, b)`, `x += a`,
//!   `for x in a`, `with a as x`, `x := a`), an object on what is stored into it (`o.f = a`,
//!   `o[k] = a`), and on the arguments of a method called on it (`o.append(a)`,
//!   `self.items.add(a)`); a method called directly on the receiver (`self.m(a)`) does not
//!   change what its fields hold as read here, so it adds nothing;
//! - a subscript's value is its container's (the key picks an entry, it is not the entry), an
//!   attribute's its object's;
//! - the names a nested function or lambda uses flow into it wherever it is used;
//! - a generator, and a body that reads its arguments as a whole (`arguments`, `locals()`,
//!   `vars()`), return every parameter;
//! - a call the caller knows returns new content (`fresh`: a file's text, a fixed service's
//!   answer) depends on none of its arguments.

use crate::syntax::python::{
    push_children, Arg, DictItem, Expr, ExprKind, FuncDef, Stmt, StmtKind, Target,
};
use std::collections::{HashMap, HashSet};

/// For each parameter of `def`, whether its value can reach the function's result.
/// Which parameters reach a function's result: the whole result, and each element when every
/// `return` gives a tuple of one size (`return selected, unknown`), so a caller unpacking it
/// (`chosen, rejected = pick(items, names)`) gives each name its own element's parameters.
#[derive(Debug, PartialEq)]
pub struct Reach {
    pub any: Vec<bool>,
    pub elements: Option<Vec<Vec<bool>>>,
    /// Per field, when every `return` gives a record literal with string keys (`return
    /// { valid: true, database: configured }`): the parameters reaching that field, so a
    /// caller reading one field (`r.database`) takes only its parameters. A field a return
    /// leaves out takes nothing from that return.
    pub fields: Option<std::collections::BTreeMap<String, Vec<bool>>>,
}

/// Each field of a returned record literal with the names its value uses.
type Fields<'a> = Vec<(&'a str, Vec<&'a str>)>;

/// `params_reaching_result` by element as well (`Reach`).
pub fn reach(def: &FuncDef, fresh: &dyn Fn(&Expr) -> bool) -> Reach {
    let n = def.params.len();
    let all = Reach {
        any: vec![true; n],
        elements: None,
        fields: None,
    };
    if def.generator {
        return all;
    }
    let mut deps: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut returned: HashSet<&str> = HashSet::new();
    // Per element of returned tuples; `None` once a return is not a tuple of that size.
    let mut tuple: Option<Option<Vec<Vec<&str>>>> = None;
    // Per field of returned records; `None` once a return is not a record literal.
    let mut record: Option<Option<Fields>> = None;
    // What each `return` of anything but a record literal uses: one that carries no parameter
    // (`return result` of a program's output) leaves every field to the literals.
    let mut opaque: Vec<Vec<&str>> = vec![];
    let mut whole = false;
    // (statements, enclosing nested function's name when inside one)
    let mut stack: Vec<(&[Stmt], Option<&str>)> = vec![(&def.body, None)];
    while let Some((body, inside)) = stack.pop() {
        for st in body {
            let mut uses: Vec<&str> = vec![];
            for e in st.exprs() {
                whole |= names_in(e, &mut uses, fresh);
            }
            if let Some(f) = inside {
                // Everything a nested function's body uses flows into the function.
                deps.entry(f).or_default().extend(uses.iter().copied());
            }
            match &st.kind {
                StmtKind::Assign { targets, value, .. } => {
                    let mut from = vec![];
                    whole |= names_in(value, &mut from, fresh);
                    for t in targets {
                        for (n, key) in target_roots(t) {
                            let d = deps.entry(n).or_default();
                            d.extend(from.iter().copied());
                            if let Some(k) = key {
                                let mut ks = vec![];
                                whole |= names_in(k, &mut ks, fresh);
                                deps.entry(n).or_default().extend(ks);
                            }
                        }
                    }
                }
                StmtKind::AugAssign { target, value, .. } => {
                    let mut from = vec![];
                    whole |= names_in(value, &mut from, fresh);
                    for (n, _) in target_roots(target) {
                        deps.entry(n).or_default().extend(from.iter().copied());
                    }
                }
                StmtKind::For { target, iter, .. } => {
                    let mut from = vec![];
                    whole |= names_in(iter, &mut from, fresh);
                    for (n, _) in target_roots(target) {
                        deps.entry(n).or_default().extend(from.iter().copied());
                    }
                }
                StmtKind::With { items, .. } => {
                    for (e, t) in items {
                        let Some(t) = t else { continue };
                        let mut from = vec![];
                        whole |= names_in(e, &mut from, fresh);
                        for (n, _) in target_roots(t) {
                            deps.entry(n).or_default().extend(from.iter().copied());
                        }
                    }
                }
                StmtKind::Return(Some(e)) if inside.is_none() => {
                    let mut from = vec![];
                    whole |= names_in(e, &mut from, fresh);
                    returned.extend(from.iter().copied());
                    if !matches!(e.kind, ExprKind::None | ExprKind::Dict(_)) {
                        opaque.push(from.clone());
                    }
                    match (&e.kind, &mut record) {
                        (ExprKind::None, _) | (_, Some(None)) => {}
                        (ExprKind::Dict(items), slot) => {
                            let mut each: Option<Fields> = Some(vec![]);
                            for item in items {
                                let key = match item {
                                    DictItem::Pair(k, v) => match &k.kind {
                                        ExprKind::Str(key) => Some((key.as_str(), v)),
                                        _ => None,
                                    },
                                    DictItem::Splat(_) => None,
                                };
                                match (key, each.as_mut()) {
                                    (Some((key, v)), Some(list)) => {
                                        let mut from = vec![];
                                        whole |= names_in(v, &mut from, fresh);
                                        list.push((key, from));
                                    }
                                    _ => each = None,
                                }
                            }
                            *slot = Some(match (slot.take(), each) {
                                (None, Some(each)) => Some(each),
                                (Some(Some(mut cur)), Some(each)) => {
                                    cur.extend(each);
                                    Some(cur)
                                }
                                _ => None,
                            });
                        }
                        // Settled once every name is read (`opaque`).
                        _ => {}
                    }
                    match (&e.kind, &mut tuple) {
                        (ExprKind::None, _) | (_, Some(None)) => {}
                        (ExprKind::Tuple(xs), slot) => {
                            let mut each: Vec<Vec<&str>> = vec![];
                            for x in xs {
                                let mut v = vec![];
                                whole |= names_in(x, &mut v, fresh);
                                each.push(v);
                            }
                            *slot = Some(match slot.take() {
                                None => Some(each),
                                Some(Some(mut cur)) if cur.len() == each.len() => {
                                    for (c, e) in cur.iter_mut().zip(each) {
                                        c.extend(e);
                                    }
                                    Some(cur)
                                }
                                Some(_) => None,
                            });
                        }
                        (_, slot) => *slot = Some(None),
                    }
                }
                StmtKind::Func(f) => {
                    stack.push((&f.body, Some(f.name.as_str())));
                    if let Some(outer) = inside {
                        deps.entry(outer).or_default().insert(f.name.as_str());
                    }
                }
                StmtKind::Class(c) => {
                    stack.push((&c.body, Some(c.name.as_str())));
                    if let Some(outer) = inside {
                        deps.entry(outer).or_default().insert(c.name.as_str());
                    }
                }
                _ => {}
            }
            // Method calls anywhere in the statement store their arguments in their object.
            for e in st.exprs() {
                method_stores(e, &mut deps, &mut whole, fresh);
                // A lambda's own statements are read once, as a body of their own whose
                // `return`s are the lambda's.
                for l in lambdas_in(e) {
                    stack.push((&l.body, Some(LAMBDA)));
                }
            }
            for b in st.blocks() {
                stack.push((b, inside));
            }
        }
    }
    if whole {
        return all;
    }
    // The parameters among the names `roots` depend on, transitively.
    let reach_from = |roots: Vec<&str>| -> Vec<bool> {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut work = roots;
        while let Some(n) = work.pop() {
            if !seen.insert(n) {
                continue;
            }
            if let Some(d) = deps.get(n) {
                work.extend(d.iter().copied().filter(|m| !seen.contains(m)));
            }
        }
        def.params
            .iter()
            .map(|p| seen.contains(p.name.as_str()))
            .collect()
    };
    let opaque_carries = opaque
        .into_iter()
        .any(|from| reach_from(from).into_iter().any(|r| r));
    let fields = record.flatten().filter(|_| !opaque_carries).map(|each| {
        let mut by: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
        for (k, from) in each {
            by.entry(k.to_string()).or_default().extend(from);
        }
        by.into_iter()
            .map(|(k, from)| (k, reach_from(from)))
            .collect()
    });
    Reach {
        any: reach_from(returned.into_iter().collect()),
        elements: tuple
            .flatten()
            .map(|each| each.into_iter().map(&reach_from).collect()),
        fields,
    }
}

/// For each parameter of `def`, whether its value can reach the function's result; `fresh`
/// says whether the call at a span returns content its arguments only chose.
pub fn params_reaching_result(def: &FuncDef, fresh: &dyn Fn(&Expr) -> bool) -> Vec<bool> {
    reach(def, fresh).any
}

/// Methods that read their object and keep nothing they are given (`d.get(key)`,
/// `s.startswith(prefix)`): not stores.
const READS: &[&str] = &[
    "get",
    "startswith",
    "endswith",
    "find",
    "index",
    "count",
    "keys",
    "values",
    "items",
];

/// The owner of a lambda's statements: its `return`s are not the function's.
const LAMBDA: &str = "<lambda>";

/// The lambdas in `e`, not those nested inside them (read with their own bodies).
fn lambdas_in(e: &Expr) -> Vec<&FuncDef> {
    let mut out = vec![];
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match &x.kind {
            ExprKind::Lambda(def) => out.push(&**def),
            _ => push_children(x, &mut stack),
        }
    }
    out
}

/// The names an assignment target writes, each with the key it is stored under
/// (`o[k] = v` writes `o` under `k`; `o.f = v` writes `o`).
fn target_roots(t: &Target) -> Vec<(&str, Option<&Expr>)> {
    let mut out = vec![];
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Target::Name(n, _) => out.push((n.as_str(), None)),
            Target::Tuple(ts) => stack.extend(ts.iter()),
            Target::Starred(x) => stack.push(x),
            Target::Attr(o, _) => {
                if let Some(r) = root_name(o) {
                    out.push((r, None));
                }
            }
            Target::Subscript(o, k) => {
                if let Some(r) = root_name(o) {
                    out.push((r, Some(&**k)));
                }
            }
            Target::Other => {}
        }
    }
    out
}

/// The name an attribute or subscript chain starts from (`self` in `self.items[0].x`).
fn root_name(e: &Expr) -> Option<&str> {
    let mut x = e;
    loop {
        match &x.kind {
            ExprKind::Name(n) => return Some(n.as_str()),
            ExprKind::Attr(o, _) | ExprKind::Subscript(o, _) => x = o,
            _ => return None,
        }
    }
}

/// Pushes the names `e`'s value is made of onto `out` (subscript keys excluded; a lambda's
/// uses included). Whether `e` reads the arguments as a whole.
fn names_in<'a>(e: &'a Expr, out: &mut Vec<&'a str>, fresh: &dyn Fn(&Expr) -> bool) -> bool {
    let mut whole = false;
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        match &x.kind {
            ExprKind::Name(n) => {
                whole |= n.as_str() == "arguments";
                out.push(n.as_str());
            }
            ExprKind::Subscript(o, _) => stack.push(o),
            ExprKind::Call(..) if fresh(x) => {}
            // `d.get(key, default)`: the key picks an entry, as a subscript's does.
            ExprKind::Call(f, args)
                if matches!(&f.kind, ExprKind::Attr(_, m) if m.as_str() == "get")
                    && !args.is_empty() =>
            {
                if let ExprKind::Attr(o, _) = &f.kind {
                    stack.push(o);
                }
                for a in &args[1..] {
                    let (Arg::Pos(v) | Arg::Kw(_, v) | Arg::Star(v) | Arg::DoubleStar(v)) = a;
                    stack.push(v);
                }
            }
            // A comprehension's conditions choose which elements it keeps; the elements come
            // from its iterables.
            ExprKind::Comp(c) => {
                stack.push(&c.elt);
                if let Some(k) = &c.key {
                    stack.push(k);
                }
                for (_, it, _) in &c.generators {
                    stack.push(it);
                }
            }
            ExprKind::Call(f, args) => {
                if matches!(&f.kind, ExprKind::Name(n) if n.as_str() == "locals" || n.as_str() == "vars")
                    && args.is_empty()
                {
                    whole = true;
                }
                push_children(x, &mut stack);
            }
            ExprKind::Walrus(n, v) => {
                out.push(n.as_str());
                stack.push(v);
            }
            ExprKind::Lambda(def) => {
                // What the lambda uses is part of the value it makes.
                let mut inner: Vec<&[Stmt]> = vec![&def.body];
                while let Some(b) = inner.pop() {
                    for st in b {
                        for e in st.exprs() {
                            stack.push(e);
                        }
                        inner.extend(st.blocks());
                        match &st.kind {
                            StmtKind::Func(f) => inner.push(&f.body),
                            StmtKind::Class(c) => inner.push(&c.body),
                            _ => {}
                        }
                    }
                }
            }
            _ => push_children(x, &mut stack),
        }
    }
    whole
}

/// Records `o ← args` for every method call `o.m(args)` in `e` (the object keeps what it was
/// given), except a method called directly on a name (`self.m(a)`, `helper.run(a)`) whose
/// chain is only that name: there the arguments are the method's, and what it keeps is read in
/// its own body.
fn method_stores<'a>(
    e: &'a Expr,
    deps: &mut HashMap<&'a str, HashSet<&'a str>>,
    whole: &mut bool,
    fresh: &dyn Fn(&Expr) -> bool,
) {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if let ExprKind::Call(f, args) = &x.kind {
            if let ExprKind::Attr(o, m) = &f.kind {
                if READS.contains(&m.as_str()) {
                    push_children(x, &mut stack);
                    continue;
                }
                let direct = matches!(&o.kind, ExprKind::Name(n) if n.as_str() == "self" || n.as_str() == "this");
                if let (false, Some(r)) = (direct, root_name(o)) {
                    let mut from = vec![];
                    for a in args {
                        let (Arg::Pos(v) | Arg::Kw(_, v) | Arg::Star(v) | Arg::DoubleStar(v)) = a;
                        *whole |= names_in(v, &mut from, fresh);
                    }
                    deps.entry(r).or_default().extend(from);
                }
            }
        }
        push_children(x, &mut stack);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::python::parse;

    fn reach(src: &str) -> Vec<bool> {
        let m = parse(src);
        let def = m
            .body
            .iter()
            .find_map(|s| match &s.kind {
                StmtKind::Func(f) => Some(f.clone()),
                _ => None,
            })
            .expect("a function");
        params_reaching_result(&def, &|_| false)
    }

    #[test]
    fn a_parameter_used_only_for_effects_does_not_reach_the_result() {
        let r = reach(
            "def f(params, stats):\n    log(params)\n    q = Query()\n    q.set('n', stats.count)\n    return BASE + '?' + q.encode()\n",
        );
        assert_eq!(r, vec![false, true]);
    }

    #[test]
    fn a_key_picks_an_entry_and_is_not_the_entry() {
        let r = reach(
            "def get(self, key):\n    if key not in self._meta:\n        return None\n    meta = self._meta[key]\n    self._cleanup(key)\n    return Path(meta['path'])\n",
        );
        assert_eq!(r, vec![true, false]);
        // Stored under the key, the key is part of the container.
        let r = reach("def f(key, v):\n    d = {}\n    d[key] = v\n    return d\n");
        assert_eq!(r, vec![true, true]);
    }

    #[test]
    fn values_stored_through_method_calls_and_closures_reach_the_result() {
        let r = reach("def f(a, b):\n    xs = []\n    xs.append(a)\n    return xs\n");
        assert_eq!(r, vec![true, false]);
        let r = reach("def f(a, b):\n    def inner():\n        return a\n    return inner\n");
        assert_eq!(r, vec![true, false]);
        let r = reach("def f(a, b):\n    return lambda: b\n");
        assert_eq!(r, vec![false, true]);
        let r = reach("def f(a, b):\n    x = a\n    for y in x:\n        z = y\n    return z\n");
        assert_eq!(r, vec![true, false]);
    }

    #[test]
    fn a_call_returning_new_content_depends_on_none_of_its_arguments() {
        let src = "def f(query):\n    with fetch(query) as resp:\n        data = resp.read()\n    return parse(data)\n";
        assert_eq!(reach(src), vec![true]);
        let m = parse(src);
        let StmtKind::Func(def) = &m.body[0].kind else {
            panic!("a function")
        };
        let fetch_at = src.find("fetch(").unwrap();
        let fresh = |e: &Expr| e.span.start as usize == fetch_at;
        assert_eq!(params_reaching_result(def, &fresh), vec![false]);
    }

    #[test]
    fn each_element_of_a_returned_tuple_has_its_own_parameters() {
        let src = "def pick(entries, names):\n    unknown = []\n    for n in names:\n        hits = [i for i, e in enumerate(entries) if e['name'] == n]\n        if not hits:\n            unknown.append(n)\n    chosen = [e for e in entries if e.get(n) is not None]\n    return chosen, unknown\n";
        let m = parse(src);
        let StmtKind::Func(def) = &m.body[0].kind else {
            panic!("a function")
        };
        let r = super::reach(def, &|_| false);
        assert_eq!(r.any, vec![true, true]);
        assert_eq!(r.elements, Some(vec![vec![true, false], vec![false, true]]));
        // A return of another shape gives no elements.
        let m = parse(&src.replace(
            "    return chosen, unknown\n",
            "    if names:\n        return chosen, unknown\n    return chosen\n",
        ));
        let StmtKind::Func(def) = &m.body[0].kind else {
            panic!("a function")
        };
        assert_eq!(super::reach(def, &|_| false).elements, None);
    }

    #[test]
    fn each_field_of_a_returned_record_has_its_own_parameters() {
        let src = "def scope(requested, fallback):\n    if requested != CONFIGURED:\n        return {'ok': False, 'error': f'not {requested}'}\n    return {'ok': True, 'name': fallback}\n";
        let m = parse(src);
        let StmtKind::Func(def) = &m.body[0].kind else {
            panic!("a function")
        };
        let r = super::reach(def, &|_| false);
        assert_eq!(r.any, vec![true, true]);
        let fields = r.fields.expect("records");
        assert_eq!(fields["error"], vec![true, false]);
        assert_eq!(fields["name"], vec![false, true]);
        // Only the return that sets a field reaches it: `ok` carries no parameter.
        assert_eq!(fields["ok"], vec![false, false]);
        // A return that is not a record literal (or spreads one) gives no fields.
        for other in [
            "    return build(fallback)\n",
            "    return {**base, 'name': fallback}\n",
        ] {
            let m = parse(&src.replace("    return {'ok': True, 'name': fallback}\n", other));
            let StmtKind::Func(def) = &m.body[0].kind else {
                panic!("a function")
            };
            assert_eq!(super::reach(def, &|_| false).fields, None, "{other}");
        }
    }

    #[test]
    fn generators_and_whole_argument_reads_return_every_parameter() {
        assert_eq!(reach("def f(a, b):\n    yield a\n"), vec![true, true]);
        assert_eq!(
            reach("def f(a, b):\n    return locals()\n"),
            vec![true, true]
        );
    }
}

//! Entry points that are not tools: HTTP request handlers and framework methods called with
//! content from outside the program (`rules/knowledge/entries.toml`). Each is written as a
//! neutral `facts::EntryPoint`; AIR106 follows its arguments as it follows a tool's.
//!
//! Python handlers are recognised by their decorator as the interpreter resolved it
//! (`@router.post("/code")` on `router = APIRouter()` is `fastapi.APIRouter.post`), so a
//! decorator of the same name from another library is not one. JavaScript handlers carry the
//! registration they were passed to (`app.post("/x", handler)`) or, for Next.js route exports,
//! `route.<verb>`, written by `js_lower`, which only does so for a route-shaped registration.
//! The parameters the framework fills (`Depends(...)`, a response object) are closed
//! (`BodyAnalyzer::close_params`) before any body is read.

use crate::extract::body::{walk_expr_names, BodyAnalyzer};
use crate::extract::interp::{ClassVal, Evaluation, FuncVal, ModuleInfo, Value};
use crate::facts::{EntryPoint, Site};
use crate::knowledge::{glob_match, Knowledge};
use crate::syntax::python::{
    Arg, DictItem, Expr, ExprKind, FuncDef, ParamKind, Stmt, StmtKind, Target,
};

/// Finds every entry point, in definition order, and closes the parameters their framework
/// fills.
pub fn extract(
    k: &Knowledge,
    ev: &Evaluation,
    modules: &[ModuleInfo],
    body: &BodyAnalyzer,
) -> Vec<EntryPoint> {
    let mut out = vec![];
    for (site, f) in &ev.funcs {
        if f.bound.is_some() {
            continue;
        }
        if let Some((label, closed, who)) = route(k, ev, modules, *site, f) {
            body.close_params(f, closed);
            out.push(EntryPoint {
                label,
                name: f.def.name.clone(),
                func: f.clone(),
                site: *site,
                who,
                kinds: route_kinds(k),
            });
        }
    }
    for c in ev.classes.values() {
        for hook in &k.entry_hooks {
            let at = Site {
                file: modules[c.module].file,
                span: c.def.name_span,
            };
            if !body.class_is(c.bases.to_vec(), at, &|q| {
                hook.base.iter().any(|g| glob_match(g, q))
            }) {
                continue;
            }
            for m in &hook.methods {
                let open = |_: usize, name: &str| {
                    hook.params.is_empty() || hook.params.iter().any(|x| x == name)
                };
                out.extend(method_entry(c, m, modules, body, &open, &hook.who, &[]));
            }
        }
        let module = &modules[c.module];
        if !module.ir.javascript {
            continue;
        }
        for ex in &k.entry_exports {
            if !exported_under(&module.ir.body, &ex.key, &c.def.name) {
                continue;
            }
            for m in &ex.methods {
                let open = |i: usize, _: &str| ex.positions.is_empty() || ex.positions.contains(&i);
                out.extend(method_entry(c, m, modules, body, &open, &ex.who, &ex.kinds));
            }
        }
        for it in &k.entry_interfaces {
            let defines = |m: &String| matches!(c.attrs.get(m.as_str()), Some(Value::Func(f)) if f.module == c.module && within(f, c));
            if !it.requires.iter().all(defines) {
                continue;
            }
            for m in &it.methods {
                let open = |i: usize, _: &str| it.positions.is_empty() || it.positions.contains(&i);
                out.extend(method_entry(c, m, modules, body, &open, &it.who, &it.kinds));
            }
        }
    }
    out.sort_by_key(|e| e.site);
    out.dedup_by_key(|e| e.site);
    out
}

/// The entry point of the class's own method `m` (an inherited one is its base's entry), after
/// closing the parameters `open` (by position after `self`, and name) says carry nothing from
/// outside.
fn method_entry(
    c: &ClassVal,
    m: &str,
    modules: &[ModuleInfo],
    body: &BodyAnalyzer,
    open: &dyn Fn(usize, &str) -> bool,
    who: &str,
    kinds: &[String],
) -> Option<EntryPoint> {
    let Some(Value::Func(f)) = c.attrs.get(m) else {
        return None;
    };
    if f.module != c.module || !within(f, c) {
        return None;
    }
    let closed: Vec<String> = f
        .def
        .params
        .iter()
        .filter(|p| p.name != "self")
        .enumerate()
        .filter(|(i, p)| !open(*i, &p.name))
        .map(|(_, p)| p.name.clone())
        .collect();
    if !closed.is_empty() {
        body.close_params(f, closed);
    }
    Some(EntryPoint {
        label: format!("`{}.{}`", c.def.name, m),
        name: format!("{}.{}", c.def.name, m),
        func: f.clone(),
        site: f.site(modules),
        who: who.to_string(),
        kinds: kinds.to_vec(),
    })
}

/// Whether a lowered JavaScript module exports the class `class` under `key` at its top level:
/// `module.exports = { key: class }`, `module.exports.key = class` or `exports.key = class`.
fn exported_under(body: &[Stmt], key: &str, class: &str) -> bool {
    let names = |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if n == class);
    let is_exports = |e: &Expr| match &e.kind {
        ExprKind::Name(n) => n == "exports",
        ExprKind::Attr(o, a) => {
            a == "exports" && matches!(&o.kind, ExprKind::Name(m) if m == "module")
        }
        _ => false,
    };
    body.iter().any(|s| {
        let StmtKind::Assign { targets, value, .. } = &s.kind else {
            return false;
        };
        targets.iter().any(|t| match t {
            Target::Attr(o, a) if a == key && is_exports(o) => names(value),
            Target::Attr(o, a) if a == "exports" && matches!(&o.kind, ExprKind::Name(m) if m == "module") => {
                matches!(&value.kind, ExprKind::Dict(items) if items.iter().any(|it| matches!(it,
                    DictItem::Pair(k, v) if matches!(&k.kind, ExprKind::Str(x) if x == key) && names(v))))
            }
            _ => false,
        })
    })
}

/// The sink kinds followed from request handlers (the union of the `[[entry_route]]` entries';
/// every kind when one of them names none).
fn route_kinds(k: &Knowledge) -> Vec<String> {
    if k.entry_routes.iter().any(|r| r.kinds.is_empty()) {
        return vec![];
    }
    let mut v: Vec<String> = k
        .entry_routes
        .iter()
        .flat_map(|r| r.kinds.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Whether a method's definition lies inside the class's.
fn within(f: &FuncVal, c: &ClassVal) -> bool {
    f.def.span.start >= c.def.span.start && f.def.span.end <= c.def.span.end
}

/// A request handler: its label, the parameters its framework fills, and who chooses the rest.
fn route(
    k: &Knowledge,
    ev: &Evaluation,
    modules: &[ModuleInfo],
    site: Site,
    f: &FuncVal,
) -> Option<(String, Vec<String>, String)> {
    if modules[f.module].ir.javascript {
        return js_route(&f.def);
    }
    let decorators = ev.decorators.get(&site)?;
    let (entry, name) = k.entry_routes.iter().find_map(|r| {
        decorators
            .iter()
            .find(|(n, _)| r.decorator.iter().any(|g| glob_match(g, n)))
            .map(|(n, _)| (r, n))
    })?;
    let verb = name.rsplit('.').next().unwrap_or("route");
    let closed = f
        .def
        .params
        .iter()
        .filter(|p| {
            let by_default = p.default.as_ref().is_some_and(|d| {
                matches!(&d.kind, ExprKind::Call(c, _) if last_name(c).is_some_and(|n| entry.closed_default.iter().any(|x| x == n)))
            });
            let by_type = p.annotation.as_ref().is_some_and(|a| {
                let mut hit = false;
                walk_expr_names(a, &mut |n| {
                    hit |= entry.closed_annotation.iter().any(|x| x == n)
                        || entry.closed_default.iter().any(|x| x == n);
                });
                hit
            });
            by_default || by_type
        })
        .map(|p| p.name.clone())
        .collect();
    let path = f.def.decorators.iter().find_map(route_path);
    Some((
        route_label(verb, path, &f.def.name),
        closed,
        entry.who.clone(),
    ))
}

/// A JavaScript handler `js_lower` marked: the Express/Hono/Fastify registration it was passed
/// to (`app.post("/x", handler)`: the parameters after the request are the response and
/// `next`) or a Next.js route export (`route.post`: every parameter is the request's).
fn js_route(def: &FuncDef) -> Option<(String, Vec<String>, String)> {
    let d = def.decorators.first()?;
    let callee = match &d.kind {
        ExprKind::Call(c, _) => c,
        _ => d,
    };
    let ExprKind::Attr(recv, verb) = &callee.kind else {
        return None;
    };
    if !crate::extract::js_lower::ROUTE_VERBS.contains(&verb.as_str()) {
        return None;
    }
    let next = matches!(&recv.kind, ExprKind::Name(n) if n == "route");
    let closed = if next {
        vec![]
    } else {
        def.params
            .iter()
            .skip(1)
            .filter(|p| p.kind != ParamKind::KwArgs)
            .map(|p| p.name.clone())
            .collect()
    };
    Some((
        route_label(verb, route_path(d), &def.name),
        closed,
        "the HTTP client".to_string(),
    ))
}

fn route_label(verb: &str, path: Option<&str>, name: &str) -> String {
    let verb = match verb {
        "route" | "api_route" | "all" => "HTTP".to_string(),
        v => v.to_ascii_uppercase(),
    };
    match path {
        Some(p) => format!("HTTP route `{verb} {p}`"),
        None if name == "anonymous" || name.is_empty() => format!("an HTTP route handler ({verb})"),
        None => format!("HTTP route handler `{name}` ({verb})"),
    }
}

/// The path literal of a route decorator (`@router.post("/code")`).
fn route_path(d: &Expr) -> Option<&str> {
    let ExprKind::Call(_, args) = &d.kind else {
        return None;
    };
    match args.first()? {
        Arg::Pos(Expr {
            kind: ExprKind::Str(s),
            ..
        }) => Some(s),
        _ => None,
    }
}

fn last_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) | ExprKind::Attr(_, n) => Some(n),
        _ => None,
    }
}

//! The JavaScript front end of the interpreter: TypeScript/JavaScript IR lowered into the
//! Python IR, so `interp`, `body`, `langgraph` and every rule read LangGraph.js and LangChain.js
//! agents with the same machinery as Python ones.
//!
//! What is JavaScript-specific happens here, or in `interp` where a module is marked
//! `javascript`: module specifiers are resolved to project files (`./tools`, `./tools.js` for
//! `tools.ts`, `index` files, `.mts`/`.cts`), `export * from` and `export { a as b } from` become
//! star and named imports (barrel files), `require(...)` becomes an import, `export default`
//! binds `default`, `const f = () => ...` is a definition named `f`, object literals are dicts,
//! `new X(...)` is a call, `this` is `self`, and destructured parameters are parameters. Names of
//! external modules stay specifiers (`js:<spec>`); the interpreter maps them to Python names
//! (`rules/knowledge/langchain_js.toml`) or to `js.<module>.<member>` (typescript.toml).
//!
//! The lowering recurses over the TypeScript IR, whose depth is capped at
//! `typescript::MAX_DEPTH`.

use crate::extract::interp::ModuleInfo;
use crate::model::{FileId, Span};
use crate::syntax::python as py;
use crate::syntax::typescript as ts;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The marker in front of an external module specifier in a lowered import.
pub const EXTERNAL: &str = "js:";

/// Route-registration methods of JavaScript web frameworks (Express, Hono, Fastify, Koa routers).
pub(crate) const ROUTE_VERBS: &[&str] = &["get", "post", "put", "patch", "delete", "all"];

/// Names of Next.js (app router) request handlers.
const HTTP_HANDLERS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Extensions tried when a specifier names a file without one, in order.
const EXTENSIONS: &[&str] = &[
    ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".d.ts",
];

/// Lowers every TypeScript/JavaScript file of the project into interpreter modules, named by
/// their path (`src/graph.ts`), which never collides with a dotted Python module name.
pub fn lower_project(files: &[(FileId, String, Arc<ts::TsModule>)]) -> Vec<ModuleInfo> {
    let paths: BTreeSet<&str> = files.iter().map(|(_, p, _)| p.as_str()).collect();
    use rayon::prelude::*;
    // Each module lowers on its own; collected in file order.
    files
        .par_iter()
        .map(|(id, path, ir)| {
            let l = Lowerer {
                path,
                paths: &paths,
                tmp: 0,
                module_vars: module_vars(ir),
            };
            ModuleInfo {
                file: *id,
                name: path.clone(),
                aliases: vec![],
                is_package: false,
                ir: Arc::new(l.module(ir)),
            }
        })
        .collect()
}

/// The names a module's top-level `const`/`let`/`var` declarations bind (exported ones too).
fn module_vars(m: &ts::TsModule) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in &m.body {
        let s = match &s.kind {
            ts::StmtKind::Export(inner) => inner,
            _ => s,
        };
        if let ts::StmtKind::Var(decls) = &s.kind {
            out.extend(
                decls
                    .iter()
                    .flat_map(|d| d.names.iter().map(|(n, _)| n.clone())),
            );
        }
    }
    out
}

/// Resolves a module specifier written in file `from` to a project file, if it names one.
pub fn resolve(from: &str, spec: &str, paths: &BTreeSet<&str>) -> Option<String> {
    let bases = if spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".."
    {
        let dir = from.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        vec![join(dir, spec)?]
    } else if let Some(rest) = spec.strip_prefix("@/").or_else(|| spec.strip_prefix("~/")) {
        // The common `paths` aliases of tsconfig files: `@/x` is `src/x` or, in Next.js
        // projects, `x` from the root.
        vec![format!("src/{rest}"), rest.to_string()]
    } else if spec.starts_with("src/") {
        vec![spec.to_string()]
    } else {
        return None;
    };
    let mut candidates = vec![];
    for base in bases {
        candidates.push(base.clone());
        for (js, tsx) in [
            (".js", ".ts"),
            (".js", ".tsx"),
            (".jsx", ".tsx"),
            (".mjs", ".mts"),
            (".cjs", ".cts"),
        ] {
            if let Some(stem) = base.strip_suffix(js) {
                candidates.push(format!("{stem}{tsx}"));
            }
        }
        for ext in EXTENSIONS {
            candidates.push(format!("{base}{ext}"));
        }
        for ext in EXTENSIONS {
            candidates.push(format!("{base}/index{ext}"));
        }
    }
    candidates.into_iter().find(|c| paths.contains(c.as_str()))
}

/// `dir` joined with a relative specifier, `.` and `..` folded; `None` above the root.
fn join(dir: &str, spec: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in spec.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

struct Lowerer<'a> {
    path: &'a str,
    paths: &'a BTreeSet<&'a str>,
    /// Counter for temporaries (destructuring).
    tmp: usize,
    /// The module's top-level variables (`let db = null`), which functions may assign.
    module_vars: BTreeSet<String>,
}

fn e(kind: py::ExprKind, span: Span) -> py::Expr {
    py::Expr { kind, span }
}

fn st(kind: py::StmtKind, span: Span) -> py::Stmt {
    py::Stmt { kind, span }
}

fn name(n: &str, span: Span) -> py::Expr {
    e(py::ExprKind::Name(n.into()), span)
}

/// `Number(x)`: what an arithmetic expression gives, spelled as the conversion the analysis knows.
fn number(x: py::Expr, span: Span) -> py::ExprKind {
    py::ExprKind::Call(Box::new(name("Number", span)), vec![py::Arg::Pos(x)])
}

/// The module of `require("m")` (possibly awaited, or wrapped by the helpers TypeScript and
/// Babel emit for interop: `__importDefault(require("m"))`, `__importStar(require("m"))`,
/// `tslib.__importDefault(...)`; with them `m_1.default` reads the module's `exports.default`).
/// A dynamic import reads the same once awaited: `await import("m")`, and what TypeScript
/// compiles it to for CommonJS, `await Promise.resolve().then(() => __importStar(require("m")))`.
pub(crate) fn require_of(x: &ts::Expr) -> Option<&str> {
    module_of(x, false)
}

/// `require_of`; with `awaited`, also the forms that give a promise of the module.
fn module_of(x: &ts::Expr, awaited: bool) -> Option<&str> {
    match &x.kind {
        // `Promise.resolve().then(() => M)`: a promise of `M`.
        ts::ExprKind::Call(f, args) if awaited && is_resolved_then(f) => match args.as_slice() {
            [ts::Expr {
                kind: ts::ExprKind::Func(g),
                ..
            }] if g.params.is_empty() => match g.body.as_slice() {
                [ts::Stmt {
                    kind: ts::StmtKind::Return(Some(m)),
                    ..
                }] => module_of(m, false),
                _ => None,
            },
            _ => None,
        },
        ts::ExprKind::Call(f, args)
            if matches!(&f.kind,
                ts::ExprKind::Ident(n) | ts::ExprKind::Member(_, n)
                    if matches!(n.as_str(), "__importDefault" | "__importStar" | "_interopRequireDefault" | "_interopRequireWildcard")) =>
        {
            args.first().and_then(|a| module_of(a, false))
        }
        ts::ExprKind::Call(f, args) if matches!(&f.kind, ts::ExprKind::Ident(n) if n == "require" || (awaited && n == "import")) => {
            match args.first().map(|a| &a.kind) {
                Some(ts::ExprKind::Str(s)) => Some(s),
                _ => None,
            }
        }
        ts::ExprKind::Await(inner) => module_of(inner, true),
        _ => None,
    }
}

/// `Promise.resolve().then`: the callee of a call whose result is its callback's return value,
/// once awaited.
fn is_resolved_then(f: &ts::Expr) -> bool {
    let ts::ExprKind::Member(p, then) = &f.kind else {
        return false;
    };
    let ts::ExprKind::Call(r, args) = &p.kind else {
        return false;
    };
    then == "then"
        && args.is_empty()
        && matches!(&r.kind, ts::ExprKind::Member(o, m)
            if m == "resolve" && matches!(&o.kind, ts::ExprKind::Ident(n) if n == "Promise"))
}

/// The body of the generator an `async` function compiled for an older target runs:
/// `return __awaiter(this, void 0, void 0, function* () { BODY })` (tsc; esbuild's `__async`
/// takes the generator last too) is the function `BODY`, its `yield`s being `await`s.
/// When the call hands the generator the function's arguments (`__awaiter(this, arguments, ...,
/// function* ({ ref }) {...})`, `__awaiter(void 0, [_a], ..., function* ({ ref }) {...})`), the
/// generator's parameters are the function's: they are returned too.
fn awaiter_body(body: &[ts::Stmt]) -> Option<(&[ts::Stmt], Option<&[ts::Param]>)> {
    let [ts::Stmt {
        kind: ts::StmtKind::Return(Some(x)),
        ..
    }] = body
    else {
        return None;
    };
    let ts::ExprKind::Call(f, args) = &x.kind else {
        return None;
    };
    if !matches!(&f.kind, ts::ExprKind::Ident(n) if n == "__awaiter" || n == "__async") {
        return None;
    }
    let Some(ts::ExprKind::Func(g)) = args.last().map(|a| &a.kind) else {
        return None;
    };
    let passes_args = match args.get(1).map(|a| &a.kind) {
        Some(ts::ExprKind::Ident(n)) => n == "arguments",
        Some(ts::ExprKind::Array(_)) => true,
        _ => false,
    };
    Some((&g.body, passes_args.then_some(g.params.as_slice())))
}

impl Lowerer<'_> {
    fn module(mut self, m: &ts::TsModule) -> py::PyModule {
        let mut body = vec![];
        for s in &m.body {
            self.stmt(s, &mut body);
            self.commonjs_export(s, &mut body);
        }
        py::PyModule {
            body,
            issues: vec![],
            javascript: true,
        }
    }

    /// A CommonJS export at the top of a module (`exports.default = SecurityLayer`,
    /// `module.exports.run = run`, what compiled TypeScript writes): the module also binds the
    /// exported name, so `require("./m").default` and `m_1.default` read the value. The
    /// placeholder compilers write first (`exports.X = void 0`) binds nothing.
    fn commonjs_export(&mut self, s: &ts::Stmt, out: &mut Vec<py::Stmt>) {
        let ts::StmtKind::Expr(x) = &s.kind else {
            return;
        };
        let ts::ExprKind::Assign(target, value) = &x.kind else {
            return;
        };
        let ts::ExprKind::Member(obj, prop) = &target.kind else {
            return;
        };
        let exports = match &obj.kind {
            ts::ExprKind::Ident(n) => n == "exports",
            ts::ExprKind::Member(m, e) => {
                e == "exports" && matches!(&m.kind, ts::ExprKind::Ident(n) if n == "module")
            }
            _ => false,
        };
        if !exports || matches!(&value.kind, ts::ExprKind::Unary(op, _) if op == "void") {
            return;
        }
        // `exports.X = X` binds X to itself: nothing to add.
        if matches!(&value.kind, ts::ExprKind::Ident(n) if n == prop) {
            return;
        }
        let v = self.expr(value);
        out.push(st(
            py::StmtKind::Assign {
                targets: vec![py::Target::Name(prop.to_string(), target.span)],
                value: v,
                annotation: None,
            },
            s.span,
        ));
    }

    /// A module reference for an import: the project file, else the external specifier.
    fn module_ref(&self, spec: &str) -> String {
        match resolve(self.path, spec, self.paths) {
            Some(p) => p,
            None => format!("{EXTERNAL}{spec}"),
        }
    }

    fn block(&mut self, body: &[ts::Stmt]) -> Vec<py::Stmt> {
        let mut out = vec![];
        for s in body {
            self.stmt(s, &mut out);
        }
        out
    }

    fn import_from(
        &self,
        module: &str,
        names: Vec<(String, Option<String>)>,
        span: Span,
    ) -> py::Stmt {
        st(
            py::StmtKind::ImportFrom {
                level: 0,
                module: module.to_string(),
                names,
            },
            span,
        )
    }

    fn stmt(&mut self, s: &ts::Stmt, out: &mut Vec<py::Stmt>) {
        let sp = s.span;
        match &s.kind {
            ts::StmtKind::Import { module, names } => {
                let m = self.module_ref(module);
                for (imported, local) in names {
                    if imported == "*" {
                        out.push(st(
                            py::StmtKind::Import(vec![(m.clone(), Some(local.clone()))]),
                            sp,
                        ));
                    } else {
                        out.push(self.import_from(
                            &m,
                            vec![(imported.clone(), Some(local.clone()))],
                            sp,
                        ));
                    }
                }
            }
            ts::StmtKind::Var(decls) => {
                for d in decls {
                    self.declarator(d, sp, out);
                }
            }
            ts::StmtKind::Expr(x) => match &x.kind {
                ts::ExprKind::Assign(target, value) => {
                    let v = self.expr(value);
                    match self.target(target) {
                        Some(t) => out.push(st(
                            py::StmtKind::Assign {
                                targets: vec![t],
                                value: v,
                                annotation: None,
                            },
                            sp,
                        )),
                        None => out.push(st(py::StmtKind::Expr(v), sp)),
                    }
                }
                _ => out.push(st(py::StmtKind::Expr(self.expr(x)), sp)),
            },
            ts::StmtKind::Func(f) => {
                let def = self.func(f, None, false);
                out.push(st(py::StmtKind::Func(Arc::new(def)), sp));
            }
            ts::StmtKind::Class {
                name,
                name_span,
                methods,
                extends,
                fields,
            } => {
                let cname = name.clone().unwrap_or_else(|| "anonymous".into());
                let mut body = vec![];
                for (k, ks, v) in fields {
                    let value = match v {
                        Some(v) => self.expr(v),
                        None => e(py::ExprKind::None, *ks),
                    };
                    body.push(st(
                        py::StmtKind::Assign {
                            targets: vec![py::Target::Name(k.clone(), *ks)],
                            value,
                            annotation: None,
                        },
                        *ks,
                    ));
                }
                for m in methods {
                    let mut def = self.func(m, None, true);
                    if def.name == "constructor" {
                        def.name = "__init__".into();
                        // Parameter properties (`constructor(private readonly db: Database)`)
                        // store their argument on the instance before the body runs.
                        let stores: Vec<py::Stmt> = m
                            .params
                            .iter()
                            .filter(|p| p.property)
                            .filter_map(|p| match p.names.as_slice() {
                                [(n, s)] => Some(st(
                                    py::StmtKind::Assign {
                                        targets: vec![py::Target::Attr(
                                            Box::new(self::name("self", *s)),
                                            n.clone(),
                                        )],
                                        value: self::name(n, *s),
                                        annotation: None,
                                    },
                                    *s,
                                )),
                                _ => None,
                            })
                            .collect();
                        def.body.splice(0..0, stores);
                    }
                    body.push(st(py::StmtKind::Func(Arc::new(def)), m.span));
                }
                let bases = extends.iter().map(|b| py::Arg::Pos(self.expr(b))).collect();
                out.push(st(
                    py::StmtKind::Class(Arc::new(py::ClassDef {
                        name: cname,
                        name_span: *name_span,
                        span: sp,
                        bases,
                        decorators: vec![],
                        body,
                        docstring: None,
                    })),
                    sp,
                ));
            }
            ts::StmtKind::Return(x) => {
                let v = x.as_ref().map(|x| self.expr(x));
                out.push(st(py::StmtKind::Return(v), sp));
            }
            ts::StmtKind::Throw(x) => {
                let v = self.expr(x);
                out.push(st(py::StmtKind::Raise(Some(v)), sp));
            }
            ts::StmtKind::If { test, body, orelse } => {
                let test = Box::new(self.expr(test));
                let body = self.block(body);
                let orelse = self.block(orelse);
                out.push(st(py::StmtKind::If { test, body, orelse }, sp));
            }
            ts::StmtKind::Switch { value, cases } => {
                let subject = Box::new(self.expr(value));
                let mut bodies = vec![];
                let mut values = vec![];
                for (test, body) in cases {
                    values.push(match test {
                        Some(t) => vec![self.expr(t)],
                        None => vec![],
                    });
                    bodies.push(self.block(body));
                }
                out.push(st(
                    py::StmtKind::Match {
                        subject,
                        cases: bodies,
                        values,
                    },
                    sp,
                ));
            }
            ts::StmtKind::Loop { heads, body, each } => {
                let body = self.block(body);
                match each {
                    Some(names) => {
                        let target = match names.as_slice() {
                            [(n, s)] => py::Target::Name(n.clone(), *s),
                            many => py::Target::Tuple(
                                many.iter()
                                    .map(|(n, s)| py::Target::Name(n.clone(), *s))
                                    .collect(),
                            ),
                        };
                        let iter = match heads.first() {
                            Some(h) => self.expr(h),
                            None => e(py::ExprKind::Unknown, sp),
                        };
                        out.push(st(
                            py::StmtKind::For {
                                target,
                                iter: Box::new(iter),
                                body,
                                orelse: vec![],
                            },
                            sp,
                        ));
                    }
                    None => {
                        for h in heads {
                            let x = self.expr(h);
                            out.push(st(py::StmtKind::Expr(x), h.span));
                        }
                        out.push(st(
                            py::StmtKind::While {
                                test: Box::new(e(py::ExprKind::Unknown, sp)),
                                body,
                                orelse: vec![],
                            },
                            sp,
                        ));
                    }
                }
            }
            ts::StmtKind::Block(b) => {
                for x in b {
                    self.stmt(x, out);
                }
            }
            ts::StmtKind::Try {
                body,
                handler,
                finalizer,
            } => {
                let body = self.block(body);
                let handler = self.block(handler);
                let finalbody = self.block(finalizer);
                out.push(st(
                    py::StmtKind::Try {
                        body,
                        handlers: vec![handler],
                        orelse: vec![],
                        finalbody,
                    },
                    sp,
                ));
            }
            // Next.js route handlers: `export async function POST(request) { ... }` in a route
            // module receives the request, like a Python function decorated `@app.post(...)`.
            ts::StmtKind::Export(inner) => match &inner.kind {
                ts::StmtKind::Func(f)
                    if f.name
                        .as_deref()
                        .is_some_and(|n| HTTP_HANDLERS.contains(&n)) =>
                {
                    let mut def = self.func(f, None, false);
                    let verb = def.name.to_ascii_lowercase();
                    def.decorators = vec![e(
                        py::ExprKind::Attr(Box::new(name("route", f.span)), verb.into()),
                        f.span,
                    )];
                    out.push(st(py::StmtKind::Func(Arc::new(def)), inner.span));
                }
                _ => self.stmt(inner, out),
            },
            ts::StmtKind::ExportDefault(inner) => {
                let bound = match &inner.kind {
                    ts::StmtKind::Func(f) => f.name.clone(),
                    ts::StmtKind::Class { name, .. } => name.clone(),
                    _ => None,
                };
                match (&inner.kind, bound) {
                    (_, Some(n)) => {
                        self.stmt(inner, out);
                        out.push(st(
                            py::StmtKind::Assign {
                                targets: vec![py::Target::Name("default".into(), sp)],
                                value: name(&n, inner.span),
                                annotation: None,
                            },
                            sp,
                        ));
                    }
                    (ts::StmtKind::Expr(x), None) => {
                        let value = self.named_value(x, "default", x.span);
                        out.push(st(
                            py::StmtKind::Assign {
                                targets: vec![py::Target::Name("default".into(), sp)],
                                value,
                                annotation: None,
                            },
                            sp,
                        ));
                    }
                    _ => self.stmt(inner, out),
                }
            }
            ts::StmtKind::ReExport { module, names } => match module {
                Some(spec) => {
                    let m = self.module_ref(spec);
                    for (imported, exported) in names {
                        match (imported.as_str(), exported.as_str()) {
                            ("*", "*") => {
                                out.push(self.import_from(&m, vec![("*".into(), None)], sp))
                            }
                            ("*", ns) => out.push(st(
                                py::StmtKind::Import(vec![(m.clone(), Some(ns.to_string()))]),
                                sp,
                            )),
                            (i, x) => out.push(self.import_from(
                                &m,
                                vec![(i.to_string(), Some(x.to_string()))],
                                sp,
                            )),
                        }
                    }
                }
                None => {
                    for (local, exported) in names {
                        if local != exported {
                            out.push(st(
                                py::StmtKind::Assign {
                                    targets: vec![py::Target::Name(exported.clone(), sp)],
                                    value: name(local, sp),
                                    annotation: None,
                                },
                                sp,
                            ));
                        }
                    }
                }
            },
            ts::StmtKind::Other => {}
        }
    }

    fn declarator(&mut self, d: &ts::Declarator, sp: Span, out: &mut Vec<py::Stmt>) {
        let Some(value) = &d.value else { return };
        // `const x = require("m")`, `const { a, b } = require("m")`.
        if let Some(spec) = require_of(value) {
            let m = self.module_ref(spec);
            if d.pattern {
                let names = d
                    .names
                    .iter()
                    .map(|(n, _)| (n.clone(), Some(n.clone())))
                    .collect();
                out.push(self.import_from(&m, names, sp));
            } else if let Some(n) = d.single() {
                out.push(st(py::StmtKind::Import(vec![(m, Some(n.to_string()))]), sp));
            }
            return;
        }
        if let Some(n) = d.single() {
            let nspan = d.names.first().map(|(_, s)| *s).unwrap_or(sp);
            // `const f = () => ...` is a definition named `f` (JavaScript names it so too).
            if let ts::ExprKind::Func(f) = &value.kind {
                let mut def = self.func(f, Some((n, nspan)), false);
                def.is_lambda = false;
                out.push(st(py::StmtKind::Func(Arc::new(def)), sp));
                return;
            }
            let v = self.bound_call(value, n);
            out.push(st(
                py::StmtKind::Assign {
                    targets: vec![py::Target::Name(n.to_string(), nspan)],
                    value: v,
                    annotation: None,
                },
                sp,
            ));
            return;
        }
        // A destructuring pattern: `const { a, b } = v` reads `a` and `b` from a temporary.
        self.tmp += 1;
        let tmp = format!("__destructured_{}", self.tmp);
        let v = self.expr(value);
        out.push(st(
            py::StmtKind::Assign {
                targets: vec![py::Target::Name(tmp.clone(), sp)],
                value: v,
                annotation: None,
            },
            sp,
        ));
        for (n, s) in &d.names {
            out.push(st(
                py::StmtKind::Assign {
                    targets: vec![py::Target::Name(n.clone(), *s)],
                    value: e(
                        py::ExprKind::Attr(Box::new(name(&tmp, *s)), n.as_str().into()),
                        *s,
                    ),
                    annotation: None,
                },
                sp,
            ));
        }
    }

    fn target(&mut self, t: &ts::Expr) -> Option<py::Target> {
        match &t.kind {
            ts::ExprKind::Ident(n) if n == "this" => None,
            ts::ExprKind::Ident(n) => Some(py::Target::Name(n.to_string(), t.span)),
            ts::ExprKind::Member(o, p) => {
                Some(py::Target::Attr(Box::new(self.expr(o)), p.to_string()))
            }
            ts::ExprKind::Index(o, k) => Some(py::Target::Subscript(
                Box::new(self.expr(o)),
                Box::new(self.expr(k)),
            )),
            _ => None,
        }
    }

    /// A function. `bound`: the name it is bound to when the function itself has none;
    /// `method`: a class method, which gets `self` first.
    fn func(&mut self, f: &ts::FuncDef, bound: Option<(&str, Span)>, method: bool) -> py::FuncDef {
        let (fname, name_span) = match (&f.name, f.name_span, bound) {
            (_, _, Some((n, s))) => (n.to_string(), s),
            (Some(n), Some(s), None) => (n.clone(), s),
            (Some(n), None, None) => (
                n.clone(),
                Span {
                    start: f.span.start,
                    end: f.span.start,
                },
            ),
            // An anonymous function is located where it starts.
            (None, _, None) => (
                "anonymous".to_string(),
                Span {
                    start: f.span.start,
                    end: f.span.start.saturating_add(1).min(f.span.end),
                },
            ),
        };
        let mut params = vec![];
        if method {
            params.push(py::Param {
                name: "self".into(),
                span: Span {
                    start: f.span.start,
                    end: f.span.start,
                },
                annotation: None,
                default: None,
                kind: py::ParamKind::Normal,
                destructured: None,
            });
        }
        let awaited = awaiter_body(&f.body);
        let own_params = awaited.and_then(|(_, ps)| ps).unwrap_or(&f.params);
        for (position, p) in own_params.iter().enumerate() {
            // A pattern's names each read the one argument at its position.
            let destructured = p.pattern.filter(|_| !p.rest).map(|array| py::Destructured {
                position: u32::try_from(position).unwrap_or(u32::MAX),
                array,
            });
            for (n, s) in &p.names {
                if n == "this" {
                    continue;
                }
                // A declared class type (`db: Database`, `q: svc.QueryService`) is kept as
                // the parameter's annotation, read as Python's are: a project class's
                // stand-in, or an object of the library class.
                let annotation = p
                    .type_name
                    .as_deref()
                    .filter(|_| p.names.len() == 1 && !p.rest)
                    .map(|t| {
                        let mut parts = t.split('.');
                        let first = self::name(parts.next().unwrap_or_default(), *s);
                        parts.fold(first, |o, a| {
                            e(py::ExprKind::Attr(Box::new(o), a.trim().into()), *s)
                        })
                    });
                params.push(py::Param {
                    name: n.clone(),
                    span: *s,
                    annotation,
                    default: None,
                    // `...args` collects the remaining arguments, like Python's `*args`.
                    kind: if p.rest && p.names.len() == 1 {
                        py::ParamKind::VarArgs
                    } else {
                        py::ParamKind::Normal
                    },
                    destructured,
                });
            }
        }
        let body = self.block(awaited.map_or(&f.body[..], |(b, _)| b));
        py::FuncDef {
            name: fname,
            name_span,
            span: f.span,
            params,
            decorators: vec![],
            returns: None,
            body,
            docstring: None,
            is_lambda: f.name.is_none() && bound.is_none(),
            globals: self.module_writes(f),
            // The generator tsc wraps in `__awaiter` is the async function's own body.
            generator: f.generator && awaited.is_none(),
        }
    }

    /// The module variables `f`'s body assigns without declaring them itself
    /// (`dbAdapter = createDbAdapter(...)` inside `initDatabase`, with `let dbAdapter = null` at
    /// the top of the module): in JavaScript those writes go to the module's variable. Nested
    /// functions are lowered, and read, on their own.
    fn module_writes(&self, f: &ts::FuncDef) -> Vec<String> {
        if self.module_vars.is_empty() {
            return vec![];
        }
        let mut declared: BTreeSet<&str> = f
            .params
            .iter()
            .flat_map(|p| p.names.iter().map(|(n, _)| n.as_str()))
            .collect();
        let mut assigned: BTreeSet<&str> = BTreeSet::new();
        ts::visit_stmts(&f.body, &mut |s| {
            match &s.kind {
                ts::StmtKind::Var(decls) => declared.extend(
                    decls
                        .iter()
                        .flat_map(|d| d.names.iter().map(|(n, _)| n.as_str())),
                ),
                ts::StmtKind::Func(fd) => declared.extend(fd.name.as_deref()),
                ts::StmtKind::Class { name, .. } => declared.extend(name.as_deref()),
                ts::StmtKind::Loop {
                    each: Some(each), ..
                } => declared.extend(each.iter().map(|(n, _)| n.as_str())),
                _ => {}
            }
            let mut stack = s.exprs();
            while let Some(x) = stack.pop() {
                if let ts::ExprKind::Assign(lhs, _) = &x.kind {
                    if let ts::ExprKind::Ident(n) = &lhs.kind {
                        assigned.insert(n.as_str());
                    }
                }
                ts::push_children(x, &mut stack);
            }
        });
        assigned
            .into_iter()
            .filter(|n| !declared.contains(n) && self.module_vars.contains(*n))
            .map(str::to_string)
            .collect()
    }

    /// An expression that may be a function bound to `n` (an object property's value, an
    /// exported default): such functions take the name, as in JavaScript.
    fn named_value(&mut self, x: &ts::Expr, n: &str, at: Span) -> py::Expr {
        match &x.kind {
            ts::ExprKind::Func(f) if f.name.is_none() => {
                let def = self.func(f, Some((n, at)), false);
                e(py::ExprKind::Lambda(Arc::new(def)), x.span)
            }
            _ => self.expr(x),
        }
    }

    /// The value of `const n = f(async () => ...)`: anonymous functions passed directly to the
    /// call take the constant's name, so messages can name them (`tool(async (...) => ...)`).
    fn bound_call(&mut self, value: &ts::Expr, n: &str) -> py::Expr {
        let (ts::ExprKind::Call(f, args) | ts::ExprKind::New(f, args)) = &value.kind else {
            return self.expr(value);
        };
        let fe = self.expr(f);
        let args = args
            .iter()
            .map(|a| match &a.kind {
                ts::ExprKind::Func(fd) if fd.name.is_none() => {
                    let at = Span {
                        start: a.span.start,
                        end: a.span.start.saturating_add(1).min(a.span.end),
                    };
                    let def = self.func(fd, Some((n, at)), false);
                    py::Arg::Pos(e(py::ExprKind::Lambda(Arc::new(def)), a.span))
                }
                ts::ExprKind::Spread(inner) => py::Arg::Star(self.expr(inner)),
                _ => py::Arg::Pos(self.expr(a)),
            })
            .collect();
        e(py::ExprKind::Call(Box::new(fe), args), value.span)
    }

    fn args(&mut self, args: &[ts::Expr]) -> Vec<py::Arg> {
        args.iter()
            .map(|a| match &a.kind {
                ts::ExprKind::Spread(inner) => py::Arg::Star(self.expr(inner)),
                _ => py::Arg::Pos(self.expr(a)),
            })
            .collect()
    }

    fn expr(&mut self, x: &ts::Expr) -> py::Expr {
        let sp = x.span;
        let kind = match &x.kind {
            ts::ExprKind::Ident(n) if n == "this" => py::ExprKind::Name("self".into()),
            ts::ExprKind::Ident(n) => py::ExprKind::Name(n.clone()),
            ts::ExprKind::Member(o, p) => py::ExprKind::Attr(Box::new(self.expr(o)), p.clone()),
            ts::ExprKind::Index(o, k) => {
                py::ExprKind::Subscript(Box::new(self.expr(o)), Box::new(self.expr(k)))
            }
            ts::ExprKind::Call(fx, args) | ts::ExprKind::New(fx, args) => {
                let f = self.expr(fx);
                let mut args = self.args(args);
                // A route registration (`app.post("/chat", async (req, res) => ...)`, Express,
                // Hono, Fastify): its handlers receive requests, as a Python function decorated
                // with `@app.post("/chat")` does; they carry the registration as decorator.
                let route = matches!(&fx.kind, ts::ExprKind::Member(_, m) if ROUTE_VERBS.contains(&m.as_str()))
                    && matches!(args.first(), Some(py::Arg::Pos(py::Expr { kind: py::ExprKind::Str(p), .. })) if p.starts_with('/'));
                if route {
                    // The registration as a decorator call with its path (`@app.get("/x")`).
                    let path = args.first().cloned();
                    let deco = e(
                        py::ExprKind::Call(Box::new(f.clone()), path.into_iter().collect()),
                        fx.span,
                    );
                    for a in args.iter_mut() {
                        if let py::Arg::Pos(py::Expr {
                            kind: py::ExprKind::Lambda(def),
                            ..
                        }) = a
                        {
                            let mut d = (**def).clone();
                            d.decorators = vec![deco.clone()];
                            *def = Arc::new(d);
                        }
                    }
                }
                py::ExprKind::Call(Box::new(f), args)
            }
            ts::ExprKind::Str(s) => py::ExprKind::Str(s.clone()),
            ts::ExprKind::Template(xs) => {
                py::ExprKind::FStr(xs.iter().map(|x| self.expr(x)).collect())
            }
            ts::ExprKind::Num => py::ExprKind::Num("0".into()),
            ts::ExprKind::Bool(b) => py::ExprKind::Bool(*b),
            ts::ExprKind::Null => py::ExprKind::None,
            ts::ExprKind::Object(props) => {
                let mut items = vec![];
                for p in props {
                    match p {
                        ts::Prop::KeyValue {
                            key,
                            key_span,
                            value,
                        } => {
                            let v = self.named_value(value, key, *key_span);
                            items.push(py::DictItem::Pair(
                                e(py::ExprKind::Str(key.clone()), *key_span),
                                v,
                            ));
                        }
                        ts::Prop::Computed(k, v) => {
                            let k = self.expr(k);
                            let v = self.expr(v);
                            items.push(py::DictItem::Pair(k, v));
                        }
                        ts::Prop::Spread(v) => items.push(py::DictItem::Splat(self.expr(v))),
                    }
                }
                py::ExprKind::Dict(items)
            }
            ts::ExprKind::Array(xs) => py::ExprKind::List(
                xs.iter()
                    .map(|x| match &x.kind {
                        ts::ExprKind::Spread(inner) => {
                            e(py::ExprKind::Starred(Box::new(self.expr(inner))), x.span)
                        }
                        _ => self.expr(x),
                    })
                    .collect(),
            ),
            ts::ExprKind::Func(f) => {
                let def = self.func(f, None, false);
                py::ExprKind::Lambda(Arc::new(def))
            }
            ts::ExprKind::Await(inner) => py::ExprKind::Await(Box::new(self.expr(inner))),
            ts::ExprKind::Binary(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                match op.as_str() {
                    // `??` keeps the left value unless it is null: an `or` for what can flow.
                    "&&" => py::ExprKind::BoolOp(vec!["and".into()], vec![a, b]),
                    "||" | "??" => py::ExprKind::BoolOp(vec!["or".into()], vec![a, b]),
                    "===" | "!==" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "instanceof" => {
                        py::ExprKind::Compare(vec![a, b], vec![op.to_string()])
                    }
                    // Arithmetic and bitwise operators always give a number (or a BigInt) in
                    // JavaScript, whatever their operands: read as `Number(a - b)`, a conversion.
                    "-" | "*" | "/" | "%" | "**" | "|" | "&" | "^" | "<<" | ">>" | ">>>" => {
                        let op = e(py::ExprKind::BinOp(vec![op.to_string()], vec![a, b]), sp);
                        number(op, sp)
                    }
                    _ => py::ExprKind::BinOp(vec![op.to_string()], vec![a, b]),
                }
            }
            ts::ExprKind::Cond(t, a, b) => py::ExprKind::IfExp(
                Box::new(self.expr(t)),
                Box::new(self.expr(a)),
                Box::new(self.expr(b)),
            ),
            ts::ExprKind::Assign(t, v) => {
                let v = self.expr(v);
                match &t.kind {
                    ts::ExprKind::Ident(n) if n != "this" => {
                        py::ExprKind::Walrus(n.to_string(), Box::new(v))
                    }
                    _ => return v,
                }
            }
            ts::ExprKind::Spread(inner) => py::ExprKind::Starred(Box::new(self.expr(inner))),
            ts::ExprKind::Unary(op, inner) => {
                let x = Box::new(self.expr(inner));
                match op.as_str() {
                    "!" => py::ExprKind::Not(x),
                    // `typeof x` as a call, so a test on it (`typeof x === "number"`) is seen.
                    "typeof" => {
                        py::ExprKind::Call(Box::new(name("typeof", sp)), vec![py::Arg::Pos(*x)])
                    }
                    // `-x`, `+x` and `~x` are numbers too (`+x` is the idiom for `Number(x)`).
                    "-" | "+" | "~" => number(e(py::ExprKind::Unary(x), sp), sp),
                    _ => py::ExprKind::Unary(x),
                }
            }
            ts::ExprKind::Unknown => py::ExprKind::Unknown,
        };
        e(kind, sp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_specifiers_like_typescript() {
        let paths: BTreeSet<&str> = [
            "src/graph.ts",
            "src/tools/index.ts",
            "src/tools/slack.ts",
            "lib/util.mts",
            "app.jsx",
        ]
        .into_iter()
        .collect();
        assert_eq!(
            resolve("src/graph.ts", "./tools", &paths).as_deref(),
            Some("src/tools/index.ts")
        );
        assert_eq!(
            resolve("src/tools/index.ts", "./slack.js", &paths).as_deref(),
            Some("src/tools/slack.ts")
        );
        assert_eq!(
            resolve("src/tools/slack.ts", "../graph", &paths).as_deref(),
            Some("src/graph.ts")
        );
        assert_eq!(
            resolve("src/a.ts", "../lib/util.mjs", &paths).as_deref(),
            Some("lib/util.mts")
        );
        assert_eq!(
            resolve("src/a.ts", "@/graph", &paths).as_deref(),
            Some("src/graph.ts")
        );
        assert_eq!(
            resolve("src/a.ts", "@/lib/util.mjs", &paths).as_deref(),
            Some("lib/util.mts")
        );
        assert_eq!(resolve("x.ts", "./app", &paths).as_deref(), Some("app.jsx"));
        assert_eq!(resolve("src/a.ts", "@langchain/langgraph", &paths), None);
        assert_eq!(resolve("a.ts", "../../x", &paths), None);
    }

    /// `src` lowered as the project file `path` among `files`.
    fn lower(src: &str, path: &str, files: &[&str]) -> py::PyModule {
        let ir = ts::parse(src, ts::Dialect::Tsx);
        let paths: BTreeSet<&str> = files.iter().copied().collect();
        let l = Lowerer {
            path,
            paths: &paths,
            tmp: 0,
            module_vars: module_vars(&ir),
        };
        l.module(&ir)
    }

    #[test]
    fn commonjs_exports_bind_the_exported_name() {
        let src = "\"use strict\";\nexports.Rules = void 0;\nclass Rules {}\nexports.Rules = Rules;\nexports.default = Rules;\nmodule.exports.make = () => new Rules();\nfunction f() { exports.inner = 1; }\n";
        let m = lower(src, "lib/rules.js", &["lib/rules.js"]);
        let bound: Vec<String> = m
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                py::StmtKind::Assign { targets, .. } => match targets.as_slice() {
                    [py::Target::Name(n, _)] => Some(n.clone()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        // `exports.X = void 0` and `exports.X = X` add nothing; an export inside a function is
        // not a module binding.
        assert_eq!(bound, vec!["default".to_string(), "make".to_string()]);
    }

    #[test]
    fn interop_wrappers_around_require_are_imports() {
        let src = "const m_1 = __importDefault(require(\"./m\"));\nconst s_1 = tslib_1.__importStar(require(\"./s\"));\n";
        let m = lower(src, "a.js", &["a.js", "m.js", "s.js"]);
        let imports: Vec<(String, Option<String>)> = m
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                py::StmtKind::Import(names) => names.first().cloned(),
                _ => None,
            })
            .collect();
        assert_eq!(
            imports,
            vec![
                ("m.js".to_string(), Some("m_1".to_string())),
                ("s.js".to_string(), Some("s_1".to_string()))
            ]
        );
    }

    #[test]
    fn dynamic_imports_are_imports_once_awaited() {
        let src = "async function f() {\n  const { a } = await import(\"./m\");\n  const { b } = await Promise.resolve().then(() => __importStar(require(\"ext\")));\n  const c = Promise.resolve().then(() => require(\"./m\"));\n  const { d } = await Promise.resolve().then((x) => require(\"./m\"));\n}\n";
        let m = lower(src, "a.js", &["a.js", "m.js"]);
        let py::StmtKind::Func(f) = &m.body[0].kind else {
            panic!("{:?}", m.body[0].kind);
        };
        let imports: Vec<(String, Vec<String>)> = f
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                py::StmtKind::ImportFrom { module, names, .. } => Some((
                    module.clone(),
                    names.iter().map(|(n, _)| n.clone()).collect(),
                )),
                py::StmtKind::Import(names) => Some((names[0].0.clone(), vec![])),
                _ => None,
            })
            .collect();
        // An unawaited promise is no module (`c` is a promise); a callback with a parameter
        // is not the compiled form of a dynamic import.
        assert_eq!(
            imports,
            vec![
                ("m.js".to_string(), vec!["a".to_string()]),
                (format!("{EXTERNAL}ext"), vec!["b".to_string()]),
            ]
        );
    }
}

//! MCP servers in TypeScript and JavaScript (frameworks.md §4.3): `server.registerTool(name,
//! {title, description, inputSchema, annotations}, handler)` (SDK v1 and v2), the v1 positional
//! `server.tool(name, [description], [params], [annotations], handler)`, `registerResource` /
//! `resource` and `registerPrompt` / `prompt`, also through a wrapper function of the file that
//! registers under its own parameters (one tool per call of the wrapper). It produces the same
//! records as the Python extractor (`mcp_server::McpServerFacts`).
//!
//! Names resolve through the file's imports and `require` calls (`js.<module>.<member>`, see
//! `rules/knowledge/typescript.toml`), module-level and local `const`s one or a few hops deep
//! (`server.registerTool(name, config, handler)` with all three declared above), values made by
//! constructors or calls (`const pool = new pg.Pool()` makes `pool.query` `js.pg.Pool.query`).
//! A handler's body is classified by the calls it makes, following functions and class methods
//! of the same file and functions imported from the project's other files, a few calls deep.
//! The argument taint is `body.rs`'s, the one engine for both languages: each handler is handed
//! over as the interpreter's function lowered from it (`js_lower`, same span), so AIR106 and
//! AIR306 read TypeScript tools as they read Python ones. A low-level
//! `setRequestHandler(CallToolRequestSchema, handler)` becomes a `Handler`.

use crate::extract::body::{BodyAnalyzer, CapHit};
use crate::extract::interp::{Callee, FuncVal, Site};
use crate::extract::mcp_server::{
    Annotations, Handler, Hint, ItemKind, McpServerFacts, ParamDoc, ServerDef, ServerItem,
    ServerTool, Text,
};
use crate::model::{FileId, SourceDb, Span};
use crate::syntax::typescript::{
    push_children, visit_stmts, Expr, ExprKind, FuncDef, Prop, Stmt, StmtKind, TsModule,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// How many `const` hops a value is followed.
const MAX_RESOLVE: usize = crate::bounds::Bound::TsAliasChain.limit();

/// What a file's names refer to.
#[derive(Default)]
struct FileIndex<'a> {
    /// Local name → (module, imported name: a member, `default` or `*`).
    imports: HashMap<String, (String, String)>,
    /// Module-level `const`/`let`/`var` with one bound name → its value.
    consts: HashMap<String, &'a Expr>,
    /// Functions by name: declarations, `const f = () => ...`, and class methods.
    funcs: HashMap<String, Vec<&'a FuncDef>>,
    /// Whether the file imports the MCP SDK.
    imports_mcp: bool,
}

struct File<'a> {
    id: FileId,
    path: &'a str,
    ir: &'a TsModule,
    ix: FileIndex<'a>,
}

/// `node:fs/promises` → `fs.promises`; `@octokit/rest` → `@octokit.rest`; `./lib.js` unchanged.
fn module_name(m: &str) -> String {
    let m = m.strip_prefix("node:").unwrap_or(m);
    let m = m
        .strip_suffix(".js")
        .or_else(|| m.strip_suffix(".mjs"))
        .or_else(|| m.strip_suffix(".cjs"))
        .unwrap_or(m);
    m.replace('/', ".")
}

fn index(ir: &TsModule) -> FileIndex<'_> {
    let mut ix = FileIndex::default();
    let mut stack: Vec<&Stmt> = ir.body.iter().rev().collect();
    while let Some(s) = stack.pop() {
        match &s.kind {
            StmtKind::Import { module, names } => {
                if module.starts_with("@modelcontextprotocol/") {
                    ix.imports_mcp = true;
                }
                for (imported, local) in names {
                    ix.imports
                        .insert(local.clone(), (module.clone(), imported.clone()));
                }
            }
            StmtKind::Export(inner) => stack.push(inner),
            StmtKind::Var(decls) => {
                for d in decls {
                    let Some(v) = &d.value else { continue };
                    // `const { exec } = require("child_process")`, `const cp = require("cp")`.
                    if let Some(m) = require_of(v) {
                        if m.starts_with("@modelcontextprotocol/") {
                            ix.imports_mcp = true;
                        }
                        for (n, _) in &d.names {
                            let imported = if d.pattern { n.clone() } else { "*".into() };
                            ix.imports.insert(n.clone(), (m.clone(), imported));
                        }
                        continue;
                    }
                    if let Some(n) = d.single() {
                        ix.consts.insert(n.to_string(), v);
                        if let ExprKind::Func(f) = &v.kind {
                            ix.funcs.entry(n.to_string()).or_default().push(f);
                        }
                    }
                }
            }
            StmtKind::Func(f) => {
                if let Some(n) = &f.name {
                    ix.funcs.entry(n.clone()).or_default().push(f);
                }
            }
            StmtKind::Class { methods, .. } => {
                for m in methods {
                    if let Some(n) = &m.name {
                        ix.funcs.entry(n.clone()).or_default().push(m);
                    }
                }
            }
            _ => {}
        }
    }
    ix
}

/// The name argument of a `x.registerTool(name, ...)` or `x.tool(name, ...)` call, and whether
/// the method is the SDK's own `registerTool`.
fn registration_name(call: &Expr) -> Option<(&Expr, bool)> {
    let ExprKind::Call(callee, args) = &call.kind else {
        return None;
    };
    match &callee.kind {
        ExprKind::Member(_, m) if m == "registerTool" || m == "tool" => {
            Some((args.first()?, m == "registerTool"))
        }
        _ => None,
    }
}

/// Whether `name` is one of `f`'s parameters (bound alone, not destructured).
fn is_param(f: &FuncDef, name: &str) -> bool {
    f.params
        .iter()
        .any(|p| matches!(p.names.as_slice(), [(n, _)] if n == name))
}

/// The module of `require("m")` (or of a dynamic import), as the lowering reads it.
fn require_of(e: &Expr) -> Option<String> {
    crate::extract::js_lower::require_of(e).map(str::to_string)
}

/// Reads every TypeScript/JavaScript MCP server of the project into `facts`.
pub fn extract(
    body: &BodyAnalyzer,
    db: &SourceDb,
    modules: &[(FileId, Arc<TsModule>)],
    facts: &mut McpServerFacts,
) {
    let files: Vec<File> = modules
        .iter()
        .map(|(id, ir)| File {
            id: *id,
            path: &db.get(*id).rel_path,
            ir,
            ix: index(ir),
        })
        .collect();
    let by_path: HashMap<&str, usize> =
        files.iter().enumerate().map(|(i, f)| (f.path, i)).collect();
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path).collect();
    let x = Ts {
        body,
        files: &files,
        by_path,
        paths,
    };
    let first = facts.tools.len();
    for fi in 0..files.len() {
        x.file(fi, facts);
    }
    // Parameters the input schema closes (`z.number()`, `z.enum([...])`) reach the handler
    // already checked: its body reads them as clean. So do the handler's parameters after the
    // first: every SDK hands the model's arguments first and its own request context after
    // them (`(args, extra)`, fastmcp's `(args, { session, log })`).
    // A listed tool's function is the server's dispatcher, shared by every tool and read
    // within the tool's branch: no one tool's schema speaks for its parameters.
    for t in facts.tools[first..].iter().filter(|t| t.branch.is_none()) {
        if let Some(f) = &t.func {
            let closed: Vec<String> = t
                .params
                .iter()
                .filter(|p| p.closed)
                .map(|p| p.name.clone())
                .chain(context_params(&f.def))
                .collect();
            if !closed.is_empty() {
                body.close_params(f, closed);
            }
        }
    }
}

/// The names a lowered handler binds from its parameters after the first (`self` aside): a
/// destructuring pattern's names count as one parameter (`({ a, b }, extra)`).
fn context_params(def: &crate::syntax::python::FuncDef) -> Vec<String> {
    let own: Vec<&crate::syntax::python::Param> =
        def.params.iter().filter(|p| p.name != "self").collect();
    let Some(first) = own.first() else {
        return vec![];
    };
    let in_first = |p: &crate::syntax::python::Param| match (first.destructured, p.destructured) {
        (Some(a), Some(b)) => a.position == b.position,
        _ => std::ptr::eq(*first, p),
    };
    own.iter()
        .filter(|p| !in_first(p))
        .map(|p| p.name.clone())
        .collect()
}

struct Ts<'a> {
    body: &'a BodyAnalyzer<'a>,
    files: &'a [File<'a>],
    by_path: HashMap<&'a str, usize>,
    paths: BTreeSet<&'a str>,
}

/// Local `const`s in scope while walking a function: name → value. A persistent map: every call
/// of a file keeps the scope it is made in, and a copy of a plain map per call was quadratic on a
/// bundle with thousands of top-level constants (a 4 MB bundle took 6.6 GB); a clone of this
/// one is O(1) and an insert O(log n), sharing structure with the snapshots before it.
type Scope<'a> = rpds::HashTrieMap<String, &'a Expr>;

impl<'a> Ts<'a> {
    fn cut(&self, fi: usize, bound: crate::bounds::Bound, span: crate::model::Span) {
        let file = self.files[fi].id;
        self.body
            .cut(bound, crate::extract::interp::Site { file, span });
    }

    fn site(&self, fi: usize, span: Span) -> Site {
        Site {
            file: self.files[fi].id,
            span,
        }
    }

    /// The value an expression stands for, through `const`s (local scope first).
    fn resolve<'e>(&self, fi: usize, e: &'e Expr, scope: &Scope<'e>) -> &'e Expr
    where
        'a: 'e,
    {
        let mut cur = e;
        for _ in 0..MAX_RESOLVE {
            match &cur.kind {
                ExprKind::Ident(n) => {
                    if let Some(v) = scope.get(n.as_str()) {
                        cur = v;
                    } else if let Some(v) = self.files[fi].ix.consts.get(n.as_str()) {
                        cur = v;
                    } else {
                        return cur;
                    }
                }
                ExprKind::Await(x) => cur = x,
                _ => return cur,
            }
        }
        if matches!(cur.kind, ExprKind::Ident(_) | ExprKind::Await(_)) {
            self.cut(fi, crate::bounds::Bound::TsAliasChain, e.span);
        }
        cur
    }

    /// The dotted name a callee or value expression denotes (`js.fs.promises.rm`), if any.
    /// Member, call and `await` chains are walked in a loop; `depth` counts only the hops
    /// through names bound to other expressions (the alias chain the bound is about).
    fn qualify(&self, fi: usize, e: &Expr, scope: &Scope, depth: usize) -> Option<String> {
        if depth > MAX_RESOLVE {
            self.cut(fi, crate::bounds::Bound::TsAliasChain, e.span);
            return None;
        }
        let mut members: Vec<&str> = vec![];
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Member(o, p) => {
                    members.push(p.as_str());
                    cur = o;
                }
                // A value made by `new X(...)` or `f(...)` keeps the callee's name.
                ExprKind::New(f, _) | ExprKind::Call(f, _) => cur = f,
                ExprKind::Await(x) => cur = x,
                _ => break,
            }
        }
        let ExprKind::Ident(n) = &cur.kind else {
            return None;
        };
        let mut base = if let Some(v) = scope.get(n.as_str()) {
            self.qualify(fi, v, scope, depth + 1)?
        } else if let Some((m, imported)) = self.files[fi].ix.imports.get(n.as_str()) {
            if m.starts_with('.') || self.import_target(fi, m).is_some() {
                return None;
            }
            let base = format!("js.{}", module_name(m));
            match imported.as_str() {
                "*" | "default" => base,
                member => format!("{base}.{member}"),
            }
        } else if let Some(v) = self.files[fi].ix.consts.get(n.as_str()) {
            self.qualify(fi, v, scope, depth + 1)?
        } else {
            match n.as_str() {
                "fetch" | "eval" | "Function" => format!("js.{n}"),
                _ => return None,
            }
        };
        for m in members.iter().rev() {
            base.push('.');
            base.push_str(m);
        }
        Some(base)
    }

    /// A text literal: a string, a template without substitutions, or `"a" + "b"`.
    fn text(&self, fi: usize, e: &Expr, scope: &Scope) -> Option<Text> {
        let e = self.resolve(fi, e, scope);
        let mut parts = String::new();
        let mut stack = vec![e];
        // Each node of the concatenation once: linear in its size, so no cap.
        while let Some(x) = stack.pop() {
            match &x.kind {
                ExprKind::Str(s) => parts.push_str(s),
                ExprKind::Binary(op, a, b) if op == "+" => {
                    stack.push(b);
                    stack.push(a);
                }
                _ => return None,
            }
        }
        Some(Text {
            text: parts,
            site: self.site(fi, e.span),
        })
    }

    fn file(&self, fi: usize, facts: &mut McpServerFacts) {
        let f = &self.files[fi];
        // Every call in the file, with the local constants in scope where it is made and the
        // function whose body holds it.
        let mut calls: Vec<(&Expr, Scope, Option<&FuncDef>)> = vec![];
        let mut news: Vec<(&Expr, Scope)> = vec![];
        // Where a name stands for each element of a list in turn: `for (const def of
        // registry) {...}` (the loop's span), `registry.forEach((def) => ...)` (the callback's
        // span), with the list and its scope.
        let mut iterated: Vec<(&str, Span, &Expr, Scope)> = vec![];
        let mut bodies: Vec<(&[Stmt], Scope, Option<&FuncDef>)> =
            vec![(&f.ir.body, Scope::new(), None)];
        // Each function body of the file is walked once, and a call keeps its scope as a
        // persistent map's snapshot: linear in the file, so no bound is needed here.
        while let Some((b, scope, within)) = bodies.pop() {
            let mut scope = scope;
            visit_stmts(b, &mut |s: &Stmt| {
                if let StmtKind::Var(decls) = &s.kind {
                    for d in decls {
                        if let (Some(n), Some(v)) = (d.single(), &d.value) {
                            scope.insert_mut(n.to_string(), v);
                        }
                    }
                }
                let mut stack: Vec<&Expr> = s.exprs();
                if let StmtKind::Loop {
                    heads,
                    each: Some(each),
                    ..
                } = &s.kind
                {
                    if let ([(n, _)], [list]) = (each.as_slice(), heads.as_slice()) {
                        iterated.push((n.as_str(), s.span, list, scope.clone()));
                    }
                }
                if let StmtKind::Func(fd) = &s.kind {
                    bodies.push((&fd.body, scope.clone(), Some(fd)));
                }
                if let StmtKind::Class { methods, .. } = &s.kind {
                    for m in methods {
                        bodies.push((&m.body, scope.clone(), Some(m)));
                    }
                }
                while let Some(e) = stack.pop() {
                    if let ExprKind::Call(callee, args) = &e.kind {
                        if let (ExprKind::Member(list, m), Some(cb)) = (&callee.kind, args.first())
                        {
                            if let (true, ExprKind::Func(fd)) =
                                (matches!(m.as_str(), "forEach" | "map"), &cb.kind)
                            {
                                if let Some([(n, _)]) =
                                    fd.params.first().map(|p| p.names.as_slice())
                                {
                                    iterated.push((n.as_str(), fd.span, list, scope.clone()));
                                }
                            }
                        }
                    }
                    match &e.kind {
                        ExprKind::Call(..) => calls.push((e, scope.clone(), within)),
                        ExprKind::New(..) => news.push((e, scope.clone())),
                        ExprKind::Func(fd) => bodies.push((&fd.body, scope.clone(), Some(fd))),
                        _ => {}
                    }
                    push_children(e, &mut stack);
                }
            });
        }
        calls.sort_by_key(|(e, _, _)| e.span.start);
        news.sort_by_key(|(e, _)| e.span.start);
        // Registration wrappers: a function of this file whose body registers a tool under one
        // of its own parameters (`const tool = (name, title, description, schema, annotations,
        // cb) => server.registerTool(name, {...}, async (args) => cb(args))`). The registration
        // inside is not a tool itself; each call of the wrapper is one, read with the
        // wrapper's parameters bound to the call's arguments. Keyed by the wrapper's span: its
        // registration call and the scope that call is made in. v1's generic `tool` counts only
        // in a file that imports the SDK, as below.
        let mut wrappers: HashMap<Span, (&Expr, &Scope)> = HashMap::new();
        for (call, scope, within) in &calls {
            let Some((first, register)) = registration_name(call) else {
                continue;
            };
            if !register && !f.ix.imports_mcp {
                continue;
            }
            if let Some(w) = within {
                if matches!(&first.kind, ExprKind::Ident(n) if is_param(w, n)) {
                    wrappers.entry(w.span).or_insert((call, scope));
                }
            }
        }
        let wrapped: HashSet<Span> = wrappers.values().map(|(r, _)| r.span).collect();
        let mut servers: HashMap<String, usize> = HashMap::new();
        // Low-level listings: `setRequestHandler(ListToolsRequestSchema, handler)`, read once
        // every call-tool handler of the file is known.
        let mut listings: Vec<(usize, &Expr, Scope)> = vec![];
        // Servers built from a record of tools: `new MCPServer({ name, version, tools: { key:
        // tool } })` (`[[api]] framework = "mcp_server_js" role = "tools_record_server"`). Each
        // entry is one tool named by its key: an object with `execute`, or a tool factory's
        // call on one (`createTool({ id, inputSchema, execute })`).
        let record_servers = self.body.k.api("mcp_server_js", "tools_record_server");
        for (new, scope) in &news {
            let ExprKind::New(class, args) = &new.kind else {
                continue;
            };
            if record_servers.is_empty()
                || !self
                    .qualify(fi, class, scope, 0)
                    .is_some_and(|q| record_servers.contains(&q))
            {
                continue;
            }
            let Some(ExprKind::Object(props)) =
                args.first().map(|a| &self.resolve(fi, a, scope).kind)
            else {
                continue;
            };
            let Some(ExprKind::Object(entries)) = props
                .iter()
                .find_map(|p| match p {
                    Prop::KeyValue { key, value, .. } if key == "tools" => Some(value),
                    _ => None,
                })
                .map(|t| &self.resolve(fi, t, scope).kind)
            else {
                continue;
            };
            let server = self.server_of(fi, new, scope, new.span, &mut servers, facts);
            for entry in entries {
                let Prop::KeyValue {
                    key,
                    key_span,
                    value,
                } = entry
                else {
                    continue;
                };
                let mut obj = self.resolve(fi, value, scope);
                if let ExprKind::Call(_, cargs) = &obj.kind {
                    match cargs.first() {
                        Some(a) => obj = self.resolve(fi, a, scope),
                        None => continue,
                    }
                }
                let name = (key.clone(), self.site(fi, *key_span));
                let props = self.props_of(fi, obj, scope);
                if !props.is_empty() {
                    self.object_tool(server, self.site(fi, new.span), &props, Some(name), facts);
                }
            }
        }
        for (call, scope, _) in &calls {
            let ExprKind::Call(callee, args) = &call.kind else {
                continue;
            };
            if let ExprKind::Ident(_) = &callee.kind {
                let Some((wfi, w)) = self.func_of(fi, callee, scope) else {
                    continue;
                };
                let Some((reg, wscope)) = wrappers.get(&w.span).filter(|_| wfi == fi) else {
                    continue;
                };
                let mut bound = (*wscope).clone();
                for (p, a) in w.params.iter().zip(args) {
                    if let [(n, _)] = p.names.as_slice() {
                        bound.insert_mut(n.clone(), a);
                    }
                }
                let ExprKind::Call(rc, rargs) = &reg.kind else {
                    continue;
                };
                let ExprKind::Member(recv, method) = &rc.kind else {
                    continue;
                };
                let server = self.server_of(fi, recv, &bound, reg.span, &mut servers, facts);
                self.tool(
                    fi,
                    server,
                    call,
                    method == "registerTool",
                    rargs,
                    &bound,
                    facts,
                );
                continue;
            }
            let ExprKind::Member(recv, method) = &callee.kind else {
                continue;
            };
            if wrapped.contains(&call.span) {
                continue;
            }
            // fastmcp for TypeScript: `server.addTool({ name, description, parameters,
            // annotations, execute })`.
            if method == "addTool" {
                if let Some(obj) = args.first() {
                    let server = self.server_of(fi, recv, scope, call.span, &mut servers, facts);
                    // A registry registered in a loop: `for (const def of registry)
                    // server.addTool({ ...def, execute: (a, c) => def.execute(a, c) })`. Each
                    // element is one tool, with what the call adds laid over it.
                    if let Some((var, list, lscope)) =
                        self.loop_element(fi, obj, scope, call.span, &iterated)
                    {
                        let mut elements = vec![];
                        self.elements(fi, list, lscope, &mut elements, 0);
                        for (efi, el) in elements {
                            self.element_tool(fi, server, call, obj, scope, var, efi, el, facts);
                        }
                        continue;
                    }
                    let props = self.props_of(fi, obj, scope);
                    if !props.is_empty() {
                        self.object_tool(server, self.site(fi, call.span), &props, None, facts);
                    }
                }
                continue;
            }
            if method == "setRequestHandler" {
                if f.ix.imports_mcp && self.is_schema(fi, args, scope, "CallToolRequestSchema") {
                    let server = self.server_of(fi, recv, scope, call.span, &mut servers, facts);
                    self.call_tool_handler(fi, server, args, scope, facts);
                } else if f.ix.imports_mcp
                    && self.is_schema(fi, args, scope, "ListToolsRequestSchema")
                {
                    if let Some(h) = args.get(1) {
                        let server =
                            self.server_of(fi, recv, scope, call.span, &mut servers, facts);
                        listings.push((server, h, scope.clone()));
                    }
                }
                continue;
            }
            let kind = match method.as_str() {
                "registerTool" | "tool" => 0,
                "registerResource" | "resource" => 1,
                "registerPrompt" | "prompt" => 2,
                _ => continue,
            };
            // `registerTool` and friends are the SDK's own names; v1's generic names count only
            // in a file that imports the SDK, with a literal name first and a handler last.
            if !method.starts_with("register") && !f.ix.imports_mcp {
                continue;
            }
            if method.starts_with("register")
                && args
                    .first()
                    .and_then(|a| self.name_of(fi, a, scope))
                    .is_none()
            {
                continue;
            }
            if !method.starts_with("register") {
                let named = args
                    .first()
                    .is_some_and(|a| self.text(fi, a, scope).is_some());
                let handler = args
                    .last()
                    .is_some_and(|a| matches!(self.resolve(fi, a, scope).kind, ExprKind::Func(_)));
                if !named || !handler || args.len() < 2 {
                    continue;
                }
            }
            let server = self.server_of(fi, recv, scope, call.span, &mut servers, facts);
            match kind {
                0 => self.tool(
                    fi,
                    server,
                    call,
                    method == "registerTool",
                    args,
                    scope,
                    facts,
                ),
                _ => {
                    let Some(name) = args.first().and_then(|a| self.text(fi, a, scope)) else {
                        continue;
                    };
                    let handler = args.iter().rev().find_map(|a| self.func_of(fi, a, scope));
                    let mut sources = vec![];
                    if let Some((hfi, h)) = handler {
                        let (_, src) = self.caps(hfi, h);
                        sources = src;
                    }
                    facts.items.push(ServerItem {
                        server,
                        kind: if kind == 1 {
                            ItemKind::Resource
                        } else {
                            ItemKind::Prompt
                        },
                        name: name.text,
                        site: name.site,
                        func: None,
                        sources,
                    });
                }
            }
        }
        for (server, h, scope) in &listings {
            self.listed_tools(fi, *server, h, scope, facts);
        }
    }

    /// The server a registration is made on: the `new McpServer(...)` its receiver resolves to,
    /// else one server per receiver name in the file.
    fn server_of(
        &self,
        fi: usize,
        recv: &Expr,
        scope: &Scope,
        at: Span,
        servers: &mut HashMap<String, usize>,
        facts: &mut McpServerFacts,
    ) -> usize {
        let value = self.resolve(fi, recv, scope);
        let key = match &value.kind {
            ExprKind::New(..) => format!("new@{}", value.span.start),
            _ => format!("recv:{}", expr_label(recv)),
        };
        if let Some(&i) = servers.get(&key) {
            return i;
        }
        let (name, site, sdk) = match &value.kind {
            ExprKind::New(_, args) => {
                let name = args
                    .first()
                    .and_then(|a| match &self.resolve(fi, a, scope).kind {
                        ExprKind::Object(props) => props.iter().find_map(|p| match p {
                            Prop::KeyValue { key, value, .. } if key == "name" => {
                                self.text(fi, value, scope).map(|t| t.text)
                            }
                            _ => None,
                        }),
                        _ => None,
                    });
                (name, self.site(fi, value.span), "ts McpServer")
            }
            _ => (None, self.site(fi, at), "ts McpServer"),
        };
        facts.servers.push(ServerDef { name, site, sdk });
        let i = facts.servers.len() - 1;
        servers.insert(key, i);
        i
    }

    #[allow(clippy::too_many_arguments)]
    fn tool(
        &self,
        fi: usize,
        server: usize,
        call: &Expr,
        register: bool,
        args: &[Expr],
        scope: &Scope,
        facts: &mut McpServerFacts,
    ) {
        let Some(first) = args.first() else { return };
        let name_text = self.text(fi, first, scope);
        let Some(name) = name_text
            .as_ref()
            .map(|t| t.text.clone())
            .or_else(|| self.name_of(fi, first, scope))
        else {
            return;
        };
        let mut description = None;
        let mut title = None;
        let mut params = vec![];
        let mut annotations = None;
        let mut handler = None;
        let mut read_config = |cfg: &Expr, this: &Self| {
            let ExprKind::Object(props) = &this.resolve(fi, cfg, scope).kind else {
                return;
            };
            for p in props {
                let Prop::KeyValue { key, value, .. } = p else {
                    continue;
                };
                match key.as_str() {
                    "description" => description = this.text(fi, value, scope),
                    "title" => title = this.text(fi, value, scope),
                    "inputSchema" | "paramsSchema" => params = this.params(fi, value, scope),
                    "annotations" => annotations = Some(this.annotations(fi, value, scope)),
                    _ => {}
                }
            }
        };
        if register {
            if let Some(cfg) = args.get(1) {
                read_config(cfg, self);
            }
            handler = args.get(2).and_then(|a| self.func_of(fi, a, scope));
        } else {
            // v1 `tool(name, [description], [params], [annotations], cb)`.
            for a in &args[1..] {
                let v = self.resolve(fi, a, scope);
                match &v.kind {
                    ExprKind::Str(_) | ExprKind::Binary(..) => {
                        description = self.text(fi, a, scope);
                    }
                    ExprKind::Object(props) => {
                        let hints = props.iter().any(
                            |p| matches!(p, Prop::KeyValue { key, .. } if key.ends_with("Hint")),
                        );
                        if hints {
                            annotations = Some(self.annotations(fi, a, scope));
                        } else {
                            params = self.params(fi, a, scope);
                        }
                    }
                    ExprKind::Func(_) => handler = self.func_of(fi, a, scope),
                    _ => {}
                }
            }
        }
        let handler = handler.map(|(hfi, h)| {
            if hfi == fi {
                self.forwarded(fi, h, scope).unwrap_or((hfi, h))
            } else {
                (hfi, h)
            }
        });
        let (sinks, sources) = match handler {
            Some((hfi, h)) => self.caps(hfi, h),
            None => (vec![], vec![]),
        };
        facts.tools.push(ServerTool {
            server,
            name,
            site: name_text
                .as_ref()
                .map_or(self.site(fi, first.span), |t| t.site),
            name_text,
            registration: self.site(fi, call.span),
            title,
            description,
            params,
            annotations,
            func: handler.and_then(|(hfi, h)| self.func_val(hfi, h)),
            branch: None,
            body_known: handler.is_some(),
            sinks,
            sources,
        });
    }

    /// The function a handler hands its arguments to, when the handler only wraps it
    /// (`async (args, extra) => { try { return await cb(args) } catch ... }`, with `cb` bound
    /// in `scope` to a function: a registration wrapper's callback, or a local `const`). That
    /// function is the tool's body: its parameters are the model's arguments.
    fn forwarded(
        &self,
        fi: usize,
        h: &'a FuncDef,
        scope: &Scope<'a>,
    ) -> Option<(usize, &'a FuncDef)> {
        let first = h.params.first()?;
        let [(arg, _)] = first.names.as_slice() else {
            return None;
        };
        let mut found = None;
        visit_stmts(&h.body, &mut |st: &Stmt| {
            let mut stack: Vec<&Expr> = st.exprs();
            while let Some(e) = stack.pop() {
                if let ExprKind::Call(f, args) = &e.kind {
                    let passes = args
                        .first()
                        .is_some_and(|a| matches!(&a.kind, ExprKind::Ident(n) if n == arg));
                    if let (ExprKind::Ident(n), true, None) = (&f.kind, passes, found) {
                        if let Some(v) = scope.get(n.as_str()) {
                            if let ExprKind::Func(cb) = &self.resolve(fi, v, scope).kind {
                                found = Some((fi, &**cb));
                            }
                        }
                    }
                }
                push_children(e, &mut stack);
            }
        });
        found
    }

    /// The interpreter's value of a handler function (`js_lower` lowers it at the same span),
    /// through which `body` follows the model's arguments: the same taint engine as Python's.
    fn func_val(&self, fi: usize, f: &FuncDef) -> Option<FuncVal> {
        let site = self.site(fi, f.span);
        self.body.ev.funcs.get(&site).cloned()
    }

    /// Whether a `setRequestHandler` call's first argument is the SDK's request schema `want`
    /// (`CallToolRequestSchema`, imported, or read off the CommonJS module object:
    /// `types_js_1.CallToolRequestSchema`).
    fn is_schema(&self, fi: usize, args: &[Expr], scope: &Scope, want: &str) -> bool {
        let Some(schema) = args.first() else {
            return false;
        };
        match &self.resolve(fi, schema, scope).kind {
            ExprKind::Ident(n) => {
                self.files[fi]
                    .ix
                    .imports
                    .get(n.as_str())
                    .map_or(n.as_str(), |(_, imported)| imported.as_str())
                    == want
            }
            ExprKind::Member(_, n) => n == want,
            _ => false,
        }
    }

    /// `server.setRequestHandler(CallToolRequestSchema, async (request) => ...)`: the low-level
    /// handler serving every tool, which reads the model's arguments from
    /// `request.params.arguments` (and dispatches on `request.params.name`).
    fn call_tool_handler(
        &self,
        fi: usize,
        server: usize,
        args: &'a [Expr],
        scope: &Scope<'a>,
        facts: &mut McpServerFacts,
    ) {
        let [_, handler, ..] = args else { return };
        if let Some(func) = self
            .func_of(fi, handler, scope)
            .and_then(|(hfi, h)| self.func_val(hfi, h))
        {
            facts.handlers.push(Handler { server, func });
        }
    }

    /// The tools a low-level listing handler returns (`async () => ({ tools: TOOLS })`, the list
    /// written there, a constant of the file or one imported from a project file, spreads of
    /// such lists), each an object with `name`, `description`, `inputSchema` and `annotations`.
    /// Each tool's body is its branch of the same server's call-tool handler (`switch (name) {
    /// case "x": ... }`, `if (name === "x")`), or of the method that handler hands the name to
    /// (`this.dispatch(request.params.name, args)`): `mcp_server::dispatch_branches`, which
    /// reads the lowered handler as it reads a Python one.
    fn listed_tools(
        &self,
        fi: usize,
        server: usize,
        handler: &'a Expr,
        scope: &Scope<'a>,
        facts: &mut McpServerFacts,
    ) {
        let Some((hfi, h)) = self.func_of(fi, handler, scope) else {
            return;
        };
        let mut returned: Vec<&'a Expr> = vec![];
        visit_stmts(&h.body, &mut |s: &'a Stmt| {
            if let StmtKind::Return(Some(e)) = &s.kind {
                returned.push(e);
            }
        });
        let mut elements = vec![];
        for e in returned {
            let ExprKind::Object(props) = &self.resolve(hfi, e, scope).kind else {
                continue;
            };
            for p in props {
                if let Prop::KeyValue { key, value, .. } = p {
                    if key == "tools" {
                        self.elements(hfi, value, scope, &mut elements, 0);
                    }
                }
            }
        }
        if elements.is_empty() {
            return;
        }
        let ev = self.body.ev;
        let dispatch = facts
            .handlers
            .iter()
            .find(|x| x.server == server)
            .map(|x| x.func.clone())
            .map(|h| {
                let here = crate::extract::mcp_server::dispatch_branches(ev, &h);
                if !here.is_empty() {
                    return (h, here);
                }
                // One call further: the function the handler hands the request to.
                let site = h.site(self.body.modules);
                let next = ev
                    .calls_by_func
                    .get(&site)
                    .into_iter()
                    .flatten()
                    .flat_map(|r| r.callees.iter())
                    .find_map(|c| match c {
                        Callee::Local(g) => {
                            let b = crate::extract::mcp_server::dispatch_branches(ev, g);
                            (!b.is_empty()).then(|| (g.clone(), b))
                        }
                        _ => None,
                    });
                next.unwrap_or((h, here))
            });
        for (efi, el) in elements {
            let props = self.props_of(efi, el, &Scope::new());
            let get = |k: &str| prop_value(&props, k);
            let Some((nfi, name_e, nsc)) = get("name") else {
                continue;
            };
            let Some(name_text) = self.text(nfi, name_e, nsc) else {
                continue;
            };
            let name = name_text.text.clone();
            if facts
                .tools
                .iter()
                .any(|t| t.server == server && t.name == name)
            {
                continue;
            }
            let branch = dispatch.as_ref().and_then(|(_, bs)| {
                bs.iter()
                    .filter(|(n, _)| *n == name)
                    .map(|(_, s)| *s)
                    .reduce(|a, b| Span {
                        start: a.start.min(b.start),
                        end: a.end.max(b.end),
                    })
            });
            let (sinks, sources) = match (&dispatch, branch) {
                (Some((g, _)), Some(b)) => {
                    let caps = self.body.caps_within(g, b);
                    (caps.sinks, caps.sources)
                }
                _ => (vec![], vec![]),
            };
            facts.tools.push(ServerTool {
                server,
                name,
                site: name_text.site,
                name_text: Some(name_text),
                registration: self.site(efi, el.span),
                title: get("title").and_then(|(f, t, sc)| self.text(f, t, sc)),
                description: get("description").and_then(|(f, d, sc)| self.text(f, d, sc)),
                params: get("inputSchema")
                    .map(|(f, p, sc)| self.schema_params(f, p, sc))
                    .unwrap_or_default(),
                annotations: get("annotations").map(|(f, a, sc)| self.annotations(f, a, sc)),
                func: dispatch.as_ref().map(|(g, _)| g.clone()),
                branch,
                body_known: branch.is_some(),
                sinks,
                sources,
            });
        }
    }

    /// The parameters of a JSON Schema written as an object (`{ type: "object", properties:
    /// { path: { type: "string", description } } }`), or of the zod schema it is converted
    /// from (`zodToJsonSchema(Args)`, `z.toJSONSchema(Args)`).
    fn schema_params(&self, fi: usize, e: &Expr, scope: &Scope) -> Vec<ParamDoc> {
        let v = self.resolve(fi, e, scope);
        if let ExprKind::Call(_, args) = &v.kind {
            return match args.first() {
                Some(inner) => self.params(fi, inner, scope),
                None => vec![],
            };
        }
        let ExprKind::Object(props) = &v.kind else {
            return vec![];
        };
        let Some(properties) = props.iter().find_map(|p| match p {
            Prop::KeyValue { key, value, .. } if key == "properties" => Some(value),
            _ => None,
        }) else {
            return vec![];
        };
        let ExprKind::Object(fields) = &self.resolve(fi, properties, scope).kind else {
            return vec![];
        };
        fields
            .iter()
            .filter_map(|p| match p {
                Prop::KeyValue { key, value, .. } => {
                    let field = match &self.resolve(fi, value, scope).kind {
                        ExprKind::Object(f) => f.as_slice(),
                        _ => &[],
                    };
                    let get = |k: &str| {
                        field.iter().find_map(|p| match p {
                            Prop::KeyValue { key, value, .. } if key == k => Some(value),
                            _ => None,
                        })
                    };
                    // A field that admits no text: a number, an integer, a boolean, or one
                    // value of a closed list.
                    let closed = get("enum").is_some()
                        || get("type")
                            .and_then(|t| self.text(fi, t, scope))
                            .is_some_and(|t| {
                                matches!(t.text.as_str(), "number" | "integer" | "boolean")
                            });
                    Some(ParamDoc {
                        name: key.clone(),
                        description: get("description").and_then(|d| self.text(fi, d, scope)),
                        closed,
                    })
                }
                _ => None,
            })
            .collect()
    }

    /// A tool's name: its text, or the name of the constant it is imported as
    /// (`registerTool(RESOLVE_TOOL, ...)` with the constant in another module).
    fn name_of(&self, fi: usize, e: &Expr, scope: &Scope) -> Option<String> {
        if let Some(t) = self.text(fi, e, scope) {
            return Some(t.text);
        }
        match &self.resolve(fi, e, scope).kind {
            ExprKind::Ident(n) => Some(n.to_string()),
            ExprKind::Member(_, p) => Some(p.to_string()),
            _ => None,
        }
    }

    /// A tool given as an object: `addTool({ name, description, parameters, annotations,
    /// execute })`, or an entry of a server's tools record, named by its key (`named`), with
    /// `inputSchema` for `parameters`. `props` are the object's properties, each with the file
    /// and scope it is read in (a registry element's own, then what the registration lays over
    /// them); the last of a key wins.
    fn object_tool(
        &self,
        server: usize,
        registration: Site,
        props: &[(usize, &'a Prop, Scope<'a>)],
        named: Option<(String, Site)>,
        facts: &mut McpServerFacts,
    ) {
        let get = |k: &str| prop_value(props, k);
        let Some((xfi, exec, xsc)) = get("execute") else {
            return;
        };
        let (name, name_text, site) = match (named, get("name")) {
            (Some((name, site)), _) => (name, None, site),
            (None, Some((nfi, name_e, nsc))) => {
                let Some(name) = self.name_of(nfi, name_e, nsc) else {
                    return;
                };
                let text = self.text(nfi, name_e, nsc);
                let site = text
                    .as_ref()
                    .map_or(self.site(nfi, name_e.span), |t| t.site);
                (name, text, site)
            }
            (None, None) => return,
        };
        let handler = self.func_of(xfi, exec, xsc);
        let (sinks, sources) = match handler {
            Some((hfi, h)) => self.caps(hfi, h),
            None => (vec![], vec![]),
        };
        facts.tools.push(ServerTool {
            server,
            name,
            site,
            name_text,
            registration,
            title: None,
            description: get("description").and_then(|(f, d, sc)| self.text(f, d, sc)),
            params: get("parameters")
                .or_else(|| get("inputSchema"))
                .map(|(f, p, sc)| self.params(f, p, sc))
                .unwrap_or_default(),
            annotations: get("annotations").map(|(f, a, sc)| self.annotations(f, a, sc)),
            func: None,
            branch: None,
            body_known: handler.is_some(),
            sinks,
            sources,
        });
        if let (Some(t), Some((hfi, h))) = (facts.tools.last_mut(), handler) {
            t.func = self.func_val(hfi, h);
        }
    }

    /// The properties of an object literal an expression resolves to, each with the file and
    /// scope its value is read in; later ones win, as in JavaScript.
    fn props_of(
        &self,
        fi: usize,
        e: &'a Expr,
        scope: &Scope<'a>,
    ) -> Vec<(usize, &'a Prop, Scope<'a>)> {
        match &self.resolve(fi, e, scope).kind {
            ExprKind::Object(props) => props.iter().map(|p| (fi, p, scope.clone())).collect(),
            _ => vec![],
        }
    }

    /// The loop variable a registration's object stands for or spreads (`def` in
    /// `addTool(def)` or `addTool({ ...def, ... })`), when an enclosing `for (const def of
    /// list)` or `list.forEach((def) => ...)` binds it: the name, the list and its scope.
    fn loop_element<'s>(
        &self,
        fi: usize,
        obj: &'a Expr,
        scope: &Scope<'a>,
        at: Span,
        iterated: &'s [(&'a str, Span, &'a Expr, Scope<'a>)],
    ) -> Option<(&'a str, &'a Expr, &'s Scope<'a>)> {
        let var = match &self.resolve(fi, obj, scope).kind {
            ExprKind::Ident(n) => n.as_str(),
            ExprKind::Object(props) => props.iter().find_map(|p| match p {
                Prop::Spread(x) => match &x.kind {
                    ExprKind::Ident(n) => Some(n.as_str()),
                    _ => None,
                },
                _ => None,
            })?,
            _ => return None,
        };
        // The innermost binding of that name around the call.
        iterated
            .iter()
            .filter(|(n, sp, ..)| *n == var && sp.start <= at.start && at.end <= sp.end)
            .min_by_key(|(_, sp, ..)| sp.end - sp.start)
            .map(|(n, _, list, sc)| (*n, *list, sc))
    }

    /// The object literals a list holds: an array literal's elements, through `const`s, spreads
    /// of other lists and lists imported from project files (`[...logTools, ...systemTools]`).
    fn elements(
        &self,
        fi: usize,
        list: &'a Expr,
        scope: &Scope<'a>,
        out: &mut Vec<(usize, &'a Expr)>,
        depth: usize,
    ) {
        if depth > MAX_RESOLVE {
            self.cut(fi, crate::bounds::Bound::TsAliasChain, list.span);
            return;
        }
        let v = self.resolve(fi, list, scope);
        match &v.kind {
            ExprKind::Array(xs) => {
                for x in xs {
                    match &x.kind {
                        ExprKind::Spread(y) => self.elements(fi, y, scope, out, depth + 1),
                        _ => {
                            let o = self.resolve(fi, x, scope);
                            match &o.kind {
                                ExprKind::Object(_) => out.push((fi, o)),
                                ExprKind::Ident(n) => {
                                    if let Some((tfi, c)) = self.imported_const(fi, n) {
                                        if matches!(c.kind, ExprKind::Object(_)) {
                                            out.push((tfi, c));
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
            }
            ExprKind::Ident(n) => {
                if let Some((tfi, c)) = self.imported_const(fi, n) {
                    self.elements(tfi, c, &Scope::new(), out, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// A module-level constant imported into file `fi` from a project file, by its local name.
    fn imported_const(&self, fi: usize, name: &str) -> Option<(usize, &'a Expr)> {
        let (m, imported) = self.files[fi].ix.imports.get(name)?;
        let target = self.import_target(fi, m)?;
        let v = self.files[target].ix.consts.get(imported.as_str())?;
        Some((target, *v))
    }

    /// One element of a registry registered in a loop, as a tool: the element's properties,
    /// with the registration object's own laid over them. An `execute` that only hands its
    /// arguments on to the element's (`(a, c) => def.execute(a, c)`) leaves the element's.
    #[allow(clippy::too_many_arguments)]
    fn element_tool(
        &self,
        fi: usize,
        server: usize,
        call: &Expr,
        obj: &'a Expr,
        scope: &Scope<'a>,
        var: &str,
        efi: usize,
        el: &'a Expr,
        facts: &mut McpServerFacts,
    ) {
        let mut props = self.props_of(efi, el, &Scope::new());
        for (pfi, p, sc) in self.props_of(fi, obj, scope) {
            match p {
                Prop::Spread(_) => continue,
                Prop::KeyValue { value, .. } if forwards_to(value, var) => continue,
                _ => props.push((pfi, p, sc)),
            }
        }
        self.object_tool(server, self.site(fi, call.span), &props, None, facts);
    }

    /// Parameter descriptions of a zod shape (`{ path: z.string().describe("...") }`), a
    /// `z.object({...})`, or `Schema.shape` of such a constant.
    fn params(&self, fi: usize, e: &Expr, scope: &Scope) -> Vec<ParamDoc> {
        let mut v = self.resolve(fi, e, scope);
        for _ in 0..MAX_RESOLVE {
            match &v.kind {
                ExprKind::Member(o, p) if p == "shape" => v = self.resolve(fi, o, scope),
                ExprKind::Call(f, a) => match (&f.kind, a.first()) {
                    (ExprKind::Member(_, m), Some(inner))
                        if m == "object" || m == "strictObject" =>
                    {
                        v = self.resolve(fi, inner, scope)
                    }
                    (ExprKind::Member(o, _), _) => v = o,
                    _ => break,
                },
                _ => break,
            }
        }
        let ExprKind::Object(props) = &v.kind else {
            return vec![];
        };
        props
            .iter()
            .filter_map(|p| match p {
                Prop::KeyValue { key, value, .. } => Some(ParamDoc {
                    name: key.clone(),
                    description: self.describe(fi, value, scope),
                    closed: self.closed_schema(fi, value, scope),
                }),
                _ => None,
            })
            .collect()
    }

    /// Whether a zod chain's type admits no text (`z.number().int().min(1)`,
    /// `z.enum(["a", "b"]).optional()`, `z.coerce.number()`): its first call is one of the
    /// `[[api]] framework = "mcp_server_js" role = "closed_schema"` names. `.or(...)`,
    /// `.and(...)`, `.transform(...)`, `.preprocess(...)` and `.catch(...)` anywhere open it
    /// again (another type, or a value the schema did not check).
    fn closed_schema(&self, fi: usize, e: &Expr, scope: &Scope) -> bool {
        let closed = self.body.k.api("mcp_server_js", "closed_schema");
        let mut cur = self.resolve(fi, e, scope);
        for _ in 0..32 {
            match &cur.kind {
                ExprKind::Call(f, _) => match &f.kind {
                    ExprKind::Member(o, m) => {
                        if matches!(
                            m.as_str(),
                            "or" | "and" | "transform" | "preprocess" | "catch" | "pipe"
                        ) {
                            return false;
                        }
                        // The constructor: `z.enum(...)`, `zod_1.z.number()`, `z.coerce.number()`.
                        let base = matches!(&o.kind, ExprKind::Ident(n) if n == "z")
                            || matches!(&o.kind, ExprKind::Member(_, z) if z == "z" || z == "coerce");
                        if base {
                            return closed.iter().any(|c| c == m);
                        }
                        cur = o;
                    }
                    _ => return false,
                },
                ExprKind::Member(o, _) => cur = o,
                _ => return false,
            }
        }
        false
    }

    /// The text of a `.describe("...")` anywhere in a zod chain.
    fn describe(&self, fi: usize, e: &Expr, scope: &Scope) -> Option<Text> {
        let mut cur = e;
        for _ in 0..32 {
            match &cur.kind {
                ExprKind::Call(f, args) => {
                    if let ExprKind::Member(o, m) = &f.kind {
                        if m == "describe" {
                            if let Some(t) = args.first().and_then(|a| self.text(fi, a, scope)) {
                                return Some(t);
                            }
                        }
                        cur = o;
                    } else {
                        return None;
                    }
                }
                ExprKind::Member(o, _) => cur = o,
                _ => return None,
            }
        }
        None
    }

    fn annotations(&self, fi: usize, e: &Expr, scope: &Scope) -> Annotations {
        let at = self.site(fi, e.span);
        let mut a = Annotations {
            site: at,
            known: false,
            read_only: None,
            destructive: None,
            idempotent: None,
            open_world: None,
        };
        let v = self.resolve(fi, e, scope);
        let ExprKind::Object(props) = &v.kind else {
            return a;
        };
        a.known = true;
        for p in props {
            let Prop::KeyValue { key, value, .. } = p else {
                continue;
            };
            let val = self.resolve(fi, value, scope);
            let h = match val.kind {
                ExprKind::Bool(b) => Some(Hint {
                    value: b,
                    site: self.site(fi, val.span),
                }),
                _ => None,
            };
            match key.as_str() {
                "readOnlyHint" => a.read_only = h,
                "destructiveHint" => a.destructive = h,
                "idempotentHint" => a.idempotent = h,
                "openWorldHint" => a.open_world = h,
                _ => {}
            }
        }
        // Hints from a shared constant point at the registration's annotations.
        for h in [
            &mut a.read_only,
            &mut a.destructive,
            &mut a.idempotent,
            &mut a.open_world,
        ]
        .into_iter()
        .flatten()
        {
            if h.site.span.start < at.span.start || h.site.span.end > at.span.end {
                h.site = at;
            }
        }
        a
    }

    /// The function an expression denotes: an arrow or function literal, a `const` holding one,
    /// a function declared in the file, or one imported from another file of the project.
    fn func_of(&self, fi: usize, e: &'a Expr, scope: &Scope<'a>) -> Option<(usize, &'a FuncDef)> {
        let v = self.resolve(fi, e, scope);
        match &v.kind {
            ExprKind::Func(f) => Some((fi, f)),
            ExprKind::Ident(n) => self.named_func(fi, n),
            _ => None,
        }
    }

    /// A function by name in file `fi`, or imported there from a project file.
    fn named_func(&self, fi: usize, name: &str) -> Option<(usize, &'a FuncDef)> {
        let f = &self.files[fi];
        if let Some(fs) = f.ix.funcs.get(name) {
            return fs.first().map(|d| (fi, *d));
        }
        let (m, imported) = f.ix.imports.get(name)?;
        let target = self.import_target(fi, m)?;
        self.files[target]
            .ix
            .funcs
            .get(imported.as_str())
            .and_then(|fs| fs.first())
            .map(|d| (target, *d))
    }

    /// The project file an import names, resolved as the interpreter's front end resolves it
    /// (`js_lower::resolve`: relative specifiers, `./lib.js` → `lib.ts`, `index` files, and the
    /// `@/`/`~/` aliases), so both readers of TypeScript agree on every import.
    fn import_target(&self, fi: usize, m: &str) -> Option<usize> {
        let target = crate::extract::js_lower::resolve(self.files[fi].path, m, &self.paths)?;
        self.by_path.get(target.as_str()).copied()
    }

    /// A handler's capabilities: `body.rs`'s, the one capability engine for both languages,
    /// over the interpreter's function lowered from it (`js_lower`, same span), which follows
    /// the calls the interpreter resolved (functions and methods of the file and of the
    /// project files it imports, through `js_lower::resolve`) and leaves out deletions made
    /// while cleaning up after a failure (`BodyAnalyzer::caps`).
    fn caps(&self, fi: usize, f: &'a FuncDef) -> (Vec<CapHit>, Vec<CapHit>) {
        match self.func_val(fi, f) {
            Some(fv) => {
                let c = self.body.caps(&fv);
                (c.sinks.to_vec(), c.sources.to_vec())
            }
            None => (vec![], vec![]),
        }
    }
}

/// The value of property `k` among an object's properties (each with the file and scope it is
/// read in): the last one written wins, as in JavaScript.
fn prop_value<'p, 'a>(
    props: &'p [(usize, &'a Prop, Scope<'a>)],
    k: &str,
) -> Option<(usize, &'a Expr, &'p Scope<'a>)> {
    props.iter().rev().find_map(|(fi, p, sc)| match p {
        Prop::KeyValue { key, value, .. } if key == k => Some((*fi, value, sc)),
        _ => None,
    })
}

/// A short label of a receiver expression (`server`, `this.server`).
fn expr_label(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(n) => n.to_string(),
        ExprKind::Member(o, p) => format!("{}.{p}", expr_label(o)),
        _ => "?".into(),
    }
}

/// Whether a function only hands on to the loop element's own (`(a, c) => def.execute(a, c)`):
/// its body calls a method of `var`.
fn forwards_to(value: &Expr, var: &str) -> bool {
    let ExprKind::Func(f) = &value.kind else {
        return false;
    };
    let mut found = false;
    crate::syntax::typescript::visit_exprs(&f.body, &mut |e| {
        if let ExprKind::Call(c, _) = &e.kind {
            if let ExprKind::Member(o, _) = &c.kind {
                found |= matches!(&o.kind, ExprKind::Ident(n) if n == var);
            }
        }
    });
    found
}

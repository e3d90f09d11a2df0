//! MCP server code (frameworks.md §4.2–§4.4): reads the interpreter's objects as MCP servers
//! and the tools, resources and prompts they register, with the text each tool shows the model
//! (name, title, description, parameter descriptions), its annotations, and what its body can do.
//!
//! Python servers come in three shapes, all matched on resolved dotted names:
//! - the official SDK's decorator API, `FastMCP` (v1, `mcp.server.fastmcp`) and `MCPServer` (v2,
//!   `mcp.server.mcpserver`): `@mcp.tool()`, `@mcp.tool(name=..., description=...,
//!   annotations=ToolAnnotations(...))`, `mcp.add_tool(fn, ...)`, `@mcp.resource(uri)`,
//!   `@mcp.prompt()`;
//! - the standalone `fastmcp` package (2.x–4.x): the same, plus bare `@mcp.tool`, annotations as
//!   a dict, `Tool.from_function(fn, ...)`;
//! - the low-level `Server`: `Tool(name=..., description=..., inputSchema=..., annotations=...)`
//!   objects built in the `list_tools` handler (`@server.list_tools()` in v1, `on_list_tools=`
//!   in v2) and a `call_tool` handler that dispatches on the tool name (`if name == "x":`,
//!   `match name: case Tools.X:`); each tool's body is its branch of that handler.
//!
//! TypeScript servers (`extract::ts_mcp`) produce the same records. Rules read them through
//! `Ctx::servers`: AIR106 follows tool arguments in Python bodies, AIR305 reads the texts, AIR306
//! compares annotations with the sinks, and `extract::mcp_link` gives agents that connect to a
//! server in the same project the capabilities found here.

use crate::extract::body::BodyAnalyzer;
use crate::extract::interp::{Evaluation, FuncVal, ModuleInfo, Obj, ObjId, ObjKind, Site, Value};
use crate::knowledge::glob_match;
use crate::model::Span;
use crate::syntax::python::{visit_stmts, Arg, Expr, ExprKind, Stmt, StmtKind};

/// Decorator-style servers of the official SDK (v1 `FastMCP`, v2 `MCPServer`) and fastmcp.
const HIGH_LEVEL: &[(&str, &str)] = &[
    ("mcp.server.**.FastMCP", "mcp FastMCP"),
    ("mcp.server.**.MCPServer", "mcp MCPServer"),
    ("fastmcp.**.FastMCP", "fastmcp"),
];
/// The official SDK's low-level server.
const LOW_LEVEL: &str = "mcp.server.**.Server";
/// Low-level tool definitions (`mcp.types.Tool`).
const TYPES_TOOL: &str = "mcp.**.types.Tool";
/// `ToolAnnotations` of the SDK (and fastmcp's re-export).
const TOOL_ANNOTATIONS: &str = "**.ToolAnnotations";
/// fastmcp's tool objects registered with `add_tool`.
const FROM_FUNCTION: &[&str] = &["fastmcp.**.Tool.from_function", "mcp.**.Tool.from_function"];

pub use crate::facts::mcp_server::*;

/// The arguments of one registration: a call's or an object's.
struct Reg<'a> {
    args: &'a [Value],
    kwargs: &'a [(String, Value)],
    kwarg_spans: &'a [(String, Span)],
    site: Site,
}

impl<'a> Reg<'a> {
    fn of_obj(o: &'a Obj) -> Reg<'a> {
        Reg {
            args: &o.args,
            kwargs: &o.kwargs,
            kwarg_spans: &o.kwarg_spans,
            site: o.site,
        }
    }
    fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kwargs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
    fn kwarg_site(&self, name: &str) -> Option<Site> {
        self.kwarg_spans
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, s)| Site {
                file: self.site.file,
                span: *s,
            })
    }
}

pub struct Extractor<'a> {
    ev: &'a Evaluation,
    modules: &'a [ModuleInfo],
    body: &'a BodyAnalyzer<'a>,
    facts: McpServerFacts,
}

fn class_is(o: &Obj, glob: &str) -> bool {
    o.class_name().is_some_and(|c| glob_match(glob, c))
}

/// The class an object is, or for an instance of a project class, its external base class
/// (`class QdrantServer(FastMCP)`).
fn server_class(o: &Obj) -> Option<std::rc::Rc<str>> {
    match &o.kind {
        ObjKind::Ext(c) => Some(c.clone()),
        ObjKind::Instance(c) => crate::extract::interp::ext_base(c),
        ObjKind::ToolFunc { .. } => None,
    }
}

impl<'a> Extractor<'a> {
    pub fn new(ev: &'a Evaluation, modules: &'a [ModuleInfo], body: &'a BodyAnalyzer<'a>) -> Self {
        Extractor {
            ev,
            modules,
            body,
            facts: McpServerFacts::default(),
        }
    }

    /// Reads every Python server of the project.
    pub fn run(mut self) -> McpServerFacts {
        for id in 0..self.ev.objects.len() {
            let o = &self.ev.objects[id];
            let class = server_class(o);
            let is = |g: &str| class.as_deref().is_some_and(|c| glob_match(g, c));
            if let Some(sdk) = HIGH_LEVEL.iter().find(|(g, _)| is(g)).map(|(_, s)| *s) {
                let s = self.server(id, sdk);
                self.high_level(id, s);
            } else if is(LOW_LEVEL) {
                let s = self.server(id, "mcp Server");
                self.low_level(id, s);
            }
        }
        self.facts
    }

    fn server(&mut self, id: ObjId, sdk: &'static str) -> usize {
        let o = &self.ev.objects[id];
        let name = o
            .args
            .first()
            .or_else(|| o.kwarg("name"))
            .and_then(|v| v.as_str())
            .map(String::from);
        self.facts.servers.push(ServerDef {
            name,
            site: o.site,
            sdk,
        });
        self.facts.servers.len() - 1
    }

    // ---- decorator servers ----------------------------------------------------------------

    fn high_level(&mut self, id: ObjId, server: usize) {
        let ev = self.ev;
        let calls = &ev.objects[id].calls;
        // `@mcp.tool` (bare), `mcp.tool(fn)`, `mcp.add_tool(fn, ...)`, and the same for resources
        // and prompts.
        for c in calls {
            let reg = Reg {
                args: &c.args,
                kwargs: &c.kwargs,
                kwarg_spans: &c.kwarg_spans,
                site: c.site,
            };
            match c.method.as_str() {
                "tool" | "add_tool" => {
                    // The function positionally, or by the SDK's parameter name
                    // (`add_tool(fn=definition.fn, name=...)`).
                    let target = c
                        .args
                        .first()
                        .or_else(|| c.kwargs.iter().find(|(k, _)| k == "fn").map(|(_, v)| v));
                    if let Some(first) = target {
                        self.tool_from(server, first, &reg, 1);
                    }
                }
                "resource" | "add_resource" | "prompt" | "add_prompt" => {
                    let kind = if c.method.ends_with("prompt") {
                        ItemKind::Prompt
                    } else {
                        ItemKind::Resource
                    };
                    if let Some(Value::Func(f)) = c.args.first() {
                        self.item(server, kind, f.clone(), &reg, None);
                    }
                }
                _ => {}
            }
        }
        // `@mcp.tool(...)`: the decorator object made by `mcp.tool(...)` records the function it
        // decorates.
        for o in &ev.objects {
            if o.receiver != Some(id) {
                continue;
            }
            let Some(class) = o.class_name() else {
                continue;
            };
            let method = class.rsplit('.').next().unwrap_or("");
            let decorated: Vec<Value> = o
                .calls
                .iter()
                .filter(|c| c.method == "__decorate__")
                .filter_map(|c| c.args.first().cloned())
                .collect();
            for target in decorated {
                let reg = Reg::of_obj(o);
                match method {
                    "tool" => {
                        self.tool_from(server, &target, &reg, 0);
                    }
                    "resource" | "prompt" => {
                        let kind = if method == "prompt" {
                            ItemKind::Prompt
                        } else {
                            ItemKind::Resource
                        };
                        let uri = o.args.first().and_then(|v| v.as_str()).map(String::from);
                        if let Value::Func(f) = target {
                            self.item(server, kind, f, &reg, uri);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// A tool registered with `target` (a function, or a fastmcp `Tool.from_function(...)`).
    /// `name_arg` is the index of a positional name in `reg` (`mcp.tool("name")` has none in
    /// the official SDK, fastmcp accepts one at 0 for the decorator object).
    fn tool_from(&mut self, server: usize, target: &Value, reg: &Reg, name_arg: usize) {
        // A function chosen in branches (`f = wrap(f)` under a condition): the ones with their
        // own parameters rather than a generic `*args` wrapper. A loop registering a list of
        // definitions (`for d in definitions: server.add_tool(fn=d.fn, ...)`) sees every
        // function at once: each is a tool.
        match target {
            Value::Union(vs) => {
                let own: Vec<&Value> = vs
                    .iter()
                    .filter(|v| match v {
                        Value::Func(f) => f
                            .def
                            .params
                            .iter()
                            .all(|p| p.kind == crate::syntax::python::ParamKind::Normal),
                        _ => false,
                    })
                    .collect();
                if own.is_empty() {
                    if let Some(v) = vs
                        .iter()
                        .find(|v| matches!(v, Value::Func(_) | Value::Obj(_)))
                    {
                        self.tool_from_one(server, v, reg, name_arg);
                    }
                } else {
                    for v in own {
                        self.tool_from_one(server, v, reg, name_arg);
                    }
                }
            }
            v => self.tool_from_one(server, v, reg, name_arg),
        }
    }

    fn tool_from_one(&mut self, server: usize, target: &Value, reg: &Reg, name_arg: usize) {
        let ev = self.ev;
        let (func, inner): (FuncVal, Option<&Obj>) = match target {
            Value::Func(f) => (f.clone(), None),
            Value::Obj(tid) => {
                let o = &ev.objects[*tid];
                match &o.kind {
                    ObjKind::ToolFunc { func, .. } => (func.clone(), None),
                    ObjKind::Ext(_) if FROM_FUNCTION.iter().any(|g| class_is(o, g)) => {
                        match o.args.first().or_else(|| o.kwarg("fn")) {
                            Some(Value::Func(f)) => (f.clone(), Some(o)),
                            _ => return,
                        }
                    }
                    _ => return,
                }
            }
            _ => return,
        };
        // Keyword arguments of `Tool.from_function(...)` win over the registration's.
        let inner_reg = inner.map(Reg::of_obj);
        let pick = |k: &str| -> Option<(&Value, Option<Site>)> {
            if let Some(r) = &inner_reg {
                if let Some(v) = r.kwarg(k) {
                    return Some((v, r.kwarg_site(k)));
                }
            }
            reg.kwarg(k).map(|v| (v, reg.kwarg_site(k)))
        };
        let explicit_name = pick("name").and_then(|(v, _)| self.text(v)).or_else(|| {
            if name_arg == 0 {
                reg.args.first().and_then(|v| self.text(v))
            } else {
                None
            }
        });
        let name = explicit_name
            .as_ref()
            .map(|t| t.text.clone())
            .unwrap_or_else(|| func.def.name.clone());
        let description = pick("description")
            .and_then(|(v, _)| self.text(v))
            .or_else(|| self.docstring(&func));
        let title = pick("title").and_then(|(v, _)| self.text(v));
        let annotations = pick("annotations").map(|(v, s)| {
            let at = s.unwrap_or(reg.site);
            self.annotations(v, at)
        });
        let site = func.site(self.modules);
        let def_site = Site {
            file: site.file,
            span: func.def.name_span,
        };
        // A function registered twice (a loop re-evaluated) is one tool.
        if self
            .facts
            .tools
            .iter()
            .any(|t| t.server == server && t.site == def_site && t.name == name)
        {
            return;
        }
        let caps = self.body.caps(&func);
        let params = self.param_docs(&func);
        self.facts.tools.push(ServerTool {
            server,
            name,
            name_text: explicit_name,
            site: def_site,
            registration: reg.site,
            title,
            description,
            params,
            annotations,
            func: Some(func),
            branch: None,
            body_known: true,
            sinks: caps.sinks.clone(),
            sources: caps.sources.clone(),
        });
    }

    fn item(&mut self, server: usize, kind: ItemKind, f: FuncVal, reg: &Reg, uri: Option<String>) {
        let site = Site {
            file: self.modules[f.module].file,
            span: f.def.name_span,
        };
        if self.facts.items.iter().any(|i| i.site == site) {
            return;
        }
        let name = uri
            .or_else(|| {
                reg.kwarg("name")
                    .or_else(|| reg.kwarg("uri"))
                    .and_then(|v| v.as_str())
                    .map(String::from)
            })
            .unwrap_or_else(|| f.def.name.clone());
        let sources = self.body.caps(&f).sources.clone();
        self.facts.items.push(ServerItem {
            server,
            kind,
            name,
            site,
            func: Some(f),
            sources,
        });
    }

    // ---- low-level servers ----------------------------------------------------------------

    fn low_level(&mut self, id: ObjId, server: usize) {
        let mut list_tools: Vec<FuncVal> = vec![];
        let mut call_tool: Vec<FuncVal> = vec![];
        let mut items: Vec<(ItemKind, FuncVal, Site)> = vec![];
        let ev = self.ev;
        let o = &ev.objects[id];
        // v2: constructor hooks.
        for (k, v) in &o.kwargs {
            let Value::Func(f) = v else { continue };
            match k.as_str() {
                "on_list_tools" => list_tools.push(f.clone()),
                "on_call_tool" => call_tool.push(f.clone()),
                "on_read_resource" => items.push((ItemKind::Resource, f.clone(), o.site)),
                "on_get_prompt" => items.push((ItemKind::Prompt, f.clone(), o.site)),
                _ => {}
            }
        }
        // v1: `@server.list_tools()` and friends.
        for d in &ev.objects {
            if d.receiver != Some(id) {
                continue;
            }
            let Some(class) = d.class_name() else {
                continue;
            };
            let method = class.rsplit('.').next().unwrap_or("");
            for c in d.calls.iter().filter(|c| c.method == "__decorate__") {
                let Some(Value::Func(f)) = c.args.first() else {
                    continue;
                };
                match method {
                    "list_tools" => list_tools.push(f.clone()),
                    "call_tool" => call_tool.push(f.clone()),
                    "read_resource" => items.push((ItemKind::Resource, f.clone(), d.site)),
                    "get_prompt" => items.push((ItemKind::Prompt, f.clone(), d.site)),
                    _ => {}
                }
            }
        }
        for (kind, f, _) in items {
            let reg = Reg {
                args: &[],
                kwargs: &[],
                kwarg_spans: &[],
                site: f.site(self.modules),
            };
            self.item(server, kind, f, &reg, None);
        }
        let handler = call_tool.first().cloned();
        if let Some(h) = &handler {
            self.facts.handlers.push(Handler {
                server,
                func: h.clone(),
            });
        }
        let branches = handler
            .as_ref()
            .map(|h| dispatch_branches(self.ev, h))
            .unwrap_or_default();
        let by_name = handler.as_ref().and_then(named_dispatch);
        // The `Tool(...)` objects built in the listing handler; when it builds none itself (a
        // module constant), those of the server's file.
        let file = self.ev.objects[id].site.file;
        let mut defs: Vec<ObjId> = vec![];
        for f in &list_tools {
            let fs = f.site(self.modules);
            defs.extend((0..self.ev.objects.len()).filter(|&t| {
                let o = &self.ev.objects[t];
                class_is(o, TYPES_TOOL)
                    && o.site.file == fs.file
                    && o.site.span.start >= fs.span.start
                    && o.site.span.end <= fs.span.end
            }));
        }
        if defs.is_empty() && !list_tools.is_empty() {
            defs.extend((0..self.ev.objects.len()).filter(|&t| {
                let o = &self.ev.objects[t];
                class_is(o, TYPES_TOOL) && o.site.file == file
            }));
        }
        for t in defs {
            self.low_level_tool(server, t, handler.as_ref(), &branches, by_name.as_ref());
        }
    }

    /// The function a handler that dispatches by name (`getattr(handlers, "do_" + name)`)
    /// calls for tool `tool`: among the project functions its calls resolved to, the one named
    /// `prefix + tool + suffix`.
    fn dispatched(
        &self,
        h: &FuncVal,
        (prefix, suffix): &(String, String),
        tool: &str,
    ) -> Option<FuncVal> {
        let want = format!("{prefix}{tool}{suffix}");
        self.ev
            .calls_by_func
            .get(&h.site(self.modules))?
            .iter()
            .flat_map(|r| r.callees.iter())
            .find_map(|c| match c {
                crate::extract::interp::Callee::Local(g) if g.def.name == want => Some(g.clone()),
                _ => None,
            })
    }

    fn low_level_tool(
        &mut self,
        server: usize,
        t: ObjId,
        handler: Option<&FuncVal>,
        branches: &[(String, Span)],
        by_name: Option<&(String, String)>,
    ) {
        let ev = self.ev;
        let o = &ev.objects[t];
        let reg = Reg::of_obj(o);
        let name_text = reg.kwarg("name").and_then(|v| self.text(v));
        let Some(name) = name_text.as_ref().map(|t| t.text.clone()) else {
            return;
        };
        if self
            .facts
            .tools
            .iter()
            .any(|x| x.server == server && x.name == name)
        {
            return;
        }
        let description = reg.kwarg("description").and_then(|v| self.text(v));
        let title = reg.kwarg("title").and_then(|v| self.text(v));
        let annotations = reg.kwarg("annotations").map(|v| {
            let at = reg.kwarg_site("annotations").unwrap_or(reg.site);
            self.annotations(v, at)
        });
        let schema = reg
            .kwarg("inputSchema")
            .or_else(|| reg.kwarg("input_schema"));
        let params = schema.map(|s| self.schema_params(s)).unwrap_or_default();
        let branch = branches
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .reduce(|a, b| Span {
                start: a.start.min(b.start),
                end: a.end.max(b.end),
            });
        // A handler that finds the tool's function by its name: that function is the body.
        let target = match (handler, branch, by_name) {
            (Some(h), None, Some(pat)) => self.dispatched(h, pat, &name),
            _ => None,
        };
        let (sinks, sources, body_known) = match (handler, branch, &target) {
            (_, _, Some(g)) => {
                let caps = self.body.caps(g);
                (caps.sinks.clone(), caps.sources.clone(), true)
            }
            (Some(h), Some(b), None) => {
                let caps = self.body.caps_within(h, b);
                (caps.sinks, caps.sources, true)
            }
            _ => (vec![], vec![], false),
        };
        let site = o.site;
        self.facts.tools.push(ServerTool {
            server,
            name,
            name_text,
            site,
            registration: site,
            title,
            description,
            params,
            annotations,
            func: target.or_else(|| handler.cloned()),
            branch,
            body_known,
            sinks,
            sources,
        });
    }

    // ---- texts, parameters and annotations ------------------------------------------------

    fn text(&self, v: &Value) -> Option<Text> {
        match v {
            Value::Str(s, site) if site.span != Span::default() => Some(Text {
                text: s.to_string(),
                site: *site,
            }),
            _ => None,
        }
    }

    fn docstring(&self, f: &FuncVal) -> Option<Text> {
        let first = f.def.body.first()?;
        match &first.kind {
            StmtKind::Expr(Expr {
                kind: ExprKind::Str(s),
                span,
            }) => Some(Text {
                text: s.clone(),
                site: Site {
                    file: self.modules[f.module].file,
                    span: *span,
                },
            }),
            _ => None,
        }
    }

    /// The parameters the model fills in, with descriptions from `Annotated[T, Field(description=...)]`,
    /// `Annotated[T, "text"]`, a `Field(description=...)` default, or the fields of a pydantic
    /// model parameter.
    fn param_docs(&self, f: &FuncVal) -> Vec<ParamDoc> {
        let file = self.modules[f.module].file;
        let names = crate::extract::body::model_params(&f.def, f.bound.is_some());
        let mut out = vec![];
        for p in f.def.params.iter().filter(|p| names.contains(&p.name)) {
            let described = p
                .annotation
                .as_ref()
                .and_then(annotated_description)
                .or_else(|| p.default.as_ref().and_then(field_description));
            out.push(ParamDoc {
                closed: false,
                name: p.name.clone(),
                description: described.map(|(text, span)| Text {
                    text,
                    site: Site { file, span },
                }),
            });
            // A pydantic model parameter: its fields are the schema the model fills in.
            if let Some(Expr {
                kind: ExprKind::Name(n),
                ..
            }) = &p.annotation
            {
                if let Some(Value::Class(c)) = self
                    .ev
                    .globals
                    .get(f.module)
                    .and_then(|g| g.get(n.as_str()))
                {
                    let cfile = self.modules[c.module].file;
                    out.extend(class_field_docs(&c.def.body).into_iter().map(|(name, d)| {
                        ParamDoc {
                            closed: false,
                            name,
                            description: d.map(|(text, span)| Text {
                                text,
                                site: Site { file: cfile, span },
                            }),
                        }
                    }));
                }
            }
        }
        out
    }

    /// Parameter descriptions of a JSON schema given as a dict literal.
    fn schema_params(&self, schema: &Value) -> Vec<ParamDoc> {
        let mut out = vec![];
        let Value::Dict(items) = schema else {
            return out;
        };
        let Some((_, Value::Dict(props))) =
            items.iter().find(|(k, _)| k.as_str() == Some("properties"))
        else {
            return out;
        };
        for (k, v) in props.iter() {
            let Some(name) = k.as_str() else { continue };
            let description = match v {
                Value::Dict(fields) => fields
                    .iter()
                    .find(|(fk, _)| fk.as_str() == Some("description"))
                    .and_then(|(_, d)| self.text(d)),
                _ => None,
            };
            out.push(ParamDoc {
                closed: false,
                name: name.to_string(),
                description,
            });
        }
        out
    }

    fn annotations(&self, v: &Value, at: Site) -> Annotations {
        let mut a = Annotations {
            site: at,
            known: false,
            read_only: None,
            destructive: None,
            idempotent: None,
            open_world: None,
        };
        let hint = |v: &Value, site: Option<Site>| -> Option<Hint> {
            match v {
                Value::Bool(b) => Some(Hint {
                    value: *b,
                    site: site.unwrap_or(at),
                }),
                _ => None,
            }
        };
        let set = |a: &mut Annotations, key: &str, h: Option<Hint>| match key {
            "read_only_hint" | "readOnlyHint" => a.read_only = h,
            "destructive_hint" | "destructiveHint" => a.destructive = h,
            "idempotent_hint" | "idempotentHint" => a.idempotent = h,
            "open_world_hint" | "openWorldHint" => a.open_world = h,
            _ => {}
        };
        match v {
            Value::Obj(id) if class_is(&self.ev.objects[*id], TOOL_ANNOTATIONS) => {
                let o = &self.ev.objects[*id];
                a.known = true;
                for (k, val) in &o.kwargs {
                    let site = o
                        .kwarg_spans
                        .iter()
                        .rev()
                        .find(|(n, _)| n == k)
                        .map(|(_, s)| Site {
                            file: o.site.file,
                            span: *s,
                        });
                    let h = hint(val, site);
                    set(&mut a, k, h);
                }
            }
            Value::Dict(items) => {
                a.known = true;
                for (k, val) in items.iter() {
                    let Value::Str(key, ksite) = k else { continue };
                    let h = hint(val, Some(*ksite));
                    set(&mut a, key, h);
                }
            }
            _ => {}
        }
        // A hint set where the registration is written points there; one set in a shared
        // constant points at the registration's `annotations=` argument.
        for h in [
            &mut a.read_only,
            &mut a.destructive,
            &mut a.idempotent,
            &mut a.open_world,
        ]
        .into_iter()
        .flatten()
        {
            let inside = h.site.file == at.file
                && h.site.span.start >= at.span.start
                && h.site.span.end <= at.span.end;
            if !inside {
                h.site = at;
            }
        }
        a
    }
}

/// Whether an expression names the requested tool (`name`, `tool_name`, `params.name`,
/// `req.params.name`).
fn is_name_like(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(n) => n.to_ascii_lowercase().contains("name"),
        ExprKind::Attr(_, a) => a == "name",
        _ => false,
    }
}

/// The span covering a block's statements.
fn block_span(body: &[Stmt]) -> Option<Span> {
    let first = body.first()?;
    let last = body.last()?;
    Some(Span {
        start: first.span.start,
        end: last.span.end,
    })
}

/// The last name of a callee expression (`Field` in `pydantic.Field`).
fn callee_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attr(_, a) => Some(a),
        _ => None,
    }
}

/// `Field(description="...")` (also `Field(..., description=...)`): the text and its span.
fn field_description(e: &Expr) -> Option<(String, Span)> {
    let ExprKind::Call(f, args) = &e.kind else {
        return None;
    };
    if callee_name(f) != Some("Field") {
        return None;
    }
    args.iter().find_map(|a| match a {
        Arg::Kw(k, v) if k == "description" => match &v.kind {
            ExprKind::Str(s) => Some((s.clone(), v.span)),
            _ => None,
        },
        _ => None,
    })
}

/// The description inside an annotation: `Annotated[T, Field(description=...)]` or
/// `Annotated[T, "text"]`, possibly inside `Optional[...]` or `T | None` (a few levels).
fn annotated_description(e: &Expr) -> Option<(String, Span)> {
    let mut stack: Vec<(&Expr, u32)> = vec![(e, 0)];
    while let Some((e, depth)) = stack.pop() {
        if depth > 4 {
            continue;
        }
        match &e.kind {
            ExprKind::Subscript(base, idx) => {
                let items: Vec<&Expr> = match &idx.kind {
                    ExprKind::Tuple(xs) => xs.iter().collect(),
                    _ => vec![idx],
                };
                if callee_name(base) == Some("Annotated") {
                    for it in items.iter().skip(1) {
                        match &it.kind {
                            ExprKind::Str(s) => return Some((s.clone(), it.span)),
                            _ => {
                                if let Some(d) = field_description(it) {
                                    return Some(d);
                                }
                            }
                        }
                    }
                } else {
                    stack.extend(items.into_iter().map(|x| (x, depth + 1)));
                }
            }
            ExprKind::BinOp(_, xs) => stack.extend(xs.iter().map(|x| (x, depth + 1))),
            _ => {}
        }
    }
    None
}

/// Fields of a pydantic model class body with their descriptions.
fn class_field_docs(body: &[Stmt]) -> Vec<(String, Option<(String, Span)>)> {
    let mut out = vec![];
    for s in body {
        match &s.kind {
            StmtKind::Assign {
                targets,
                value,
                annotation,
            } => {
                let Some(crate::syntax::python::Target::Name(n, _)) = targets.first() else {
                    continue;
                };
                let d = annotation
                    .as_deref()
                    .and_then(annotated_description)
                    .or_else(|| field_description(value));
                out.push((n.clone(), d));
            }
            StmtKind::AnnOnly {
                target: crate::syntax::python::Target::Name(n, _),
                annotation,
            } => out.push((n.clone(), annotated_description(annotation))),
            _ => {}
        }
    }
    out
}

/// A plain dump of the servers and tools (`AIRLOCK_DEBUG_FACTS`).
pub fn debug_facts(facts: &McpServerFacts, db: &crate::model::SourceDb) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (i, s) in facts.servers.iter().enumerate() {
        let _ = writeln!(
            out,
            "mcp server code {i} {:?} ({}) {}:{}",
            s.name,
            s.sdk,
            db.get(s.site.file).rel_path,
            db.location(s.site.file, s.site.span).line
        );
    }
    for t in &facts.tools {
        let a = t.annotations.as_ref().map(|a| {
            format!(
                "ro {:?} destr {:?} known {}",
                a.read_only.map(|h| h.value),
                a.destructive.map(|h| h.value),
                a.known
            )
        });
        let _ = writeln!(
            out,
            "mcp tool {} server {} desc {} params {:?} ann {:?} body {} sinks {:?} sources {:?}",
            t.name,
            t.server,
            t.description.is_some(),
            t.params.iter().map(|p| &p.name).collect::<Vec<_>>(),
            a,
            t.body_known,
            t.sinks.iter().map(|s| &s.kind).collect::<Vec<_>>(),
            t.sources.iter().map(|s| &s.kind).collect::<Vec<_>>(),
        );
    }
    for it in &facts.items {
        let _ = writeln!(
            out,
            "mcp {:?} {} server {} sources {:?}",
            it.kind,
            it.name,
            it.server,
            it.sources.iter().map(|s| &s.kind).collect::<Vec<_>>()
        );
    }
    out
}

/// The literal text around the tool name in a handler that looks its function up by name:
/// `getattr(handlers, "do_" + name)`, `getattr(self, f"_tool_{name}")`, where `name` is the
/// handler's first parameter (the requested tool's name).
fn named_dispatch(h: &FuncVal) -> Option<(String, String)> {
    let param = h
        .def
        .params
        .iter()
        .find(|p| p.name != "self" && p.name != "cls")?
        .name
        .clone();
    let lit = |e: &Expr| match &e.kind {
        ExprKind::Str(s) => Some(s.clone()),
        _ => None,
    };
    let is_param = |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if *n == param);
    let mut found = None;
    crate::syntax::python::visit_exprs(&h.def.body, &mut |e| {
        let ExprKind::Call(f, args) = &e.kind else {
            return;
        };
        let (ExprKind::Name(g), Some(Arg::Pos(name))) = (&f.kind, args.get(1)) else {
            return;
        };
        if g != "getattr" || found.is_some() {
            return;
        }
        let parts = match &name.kind {
            ExprKind::BinOp(ops, xs) if ops.iter().all(|o| o == "+") => xs,
            ExprKind::FStr(xs) => xs,
            _ => return,
        };
        if parts.iter().filter(|x| is_param(x)).count() != 1 {
            return;
        }
        let at = parts.iter().position(is_param).unwrap_or(0);
        let before: Option<Vec<String>> = parts[..at].iter().map(lit).collect();
        let after: Option<Vec<String>> = parts[at + 1..].iter().map(lit).collect();
        if let (Some(b), Some(a)) = (before, after) {
            found = Some((b.concat(), a.concat()));
        }
    });
    found.filter(|(b, a)| !b.is_empty() || !a.is_empty())
}

/// The branches of a `call_tool` handler that run one tool each: `if name == "x":`,
/// `elif params.name in ("x", "y"):`, `match name: case "x" | Tools.Y:`.
pub(crate) fn dispatch_branches(ev: &Evaluation, h: &FuncVal) -> Vec<(String, Span)> {
    let mut out = vec![];
    let module = h.module;
    visit_stmts(&h.def.body, &mut |s: &Stmt| match &s.kind {
        StmtKind::If { test, body, .. } => {
            for name in tool_name_test(ev, test, module) {
                if let Some(sp) = block_span(body) {
                    out.push((name, sp));
                }
            }
        }
        StmtKind::Match {
            subject,
            cases,
            values,
        } if is_name_like(subject) => {
            for (case, vals) in cases.iter().zip(values) {
                let Some(sp) = block_span(case) else { continue };
                for v in vals {
                    if let Some(n) = static_str(ev, v, module) {
                        out.push((n, sp));
                    }
                }
            }
        }
        _ => {}
    });
    out.sort();
    out
}

/// Tool names a dispatch test compares the requested name with.
fn tool_name_test(ev: &Evaluation, test: &Expr, module: usize) -> Vec<String> {
    let ExprKind::Compare(xs, ops) = &test.kind else {
        return vec![];
    };
    if xs.len() != 2 || ops.len() != 1 {
        return vec![];
    }
    let (a, b) = (&xs[0], &xs[1]);
    match ops[0].as_str() {
        "==" => {
            let lit = if is_name_like(a) {
                b
            } else if is_name_like(b) {
                a
            } else {
                return vec![];
            };
            static_str(ev, lit, module).into_iter().collect()
        }
        "in" if is_name_like(a) => match &b.kind {
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => items
                .iter()
                .filter_map(|e| static_str(ev, e, module))
                .collect(),
            _ => vec![],
        },
        _ => vec![],
    }
}

/// The string an expression denotes when it is a literal, a module constant, or a member
/// of a module-level class (`Tools.STATUS`, `Tools.STATUS.value`).
fn static_str(ev: &Evaluation, e: &Expr, module: usize) -> Option<String> {
    let globals = ev.globals.get(module);
    match &e.kind {
        ExprKind::Str(s) => Some(s.clone()),
        ExprKind::Name(n) => globals?.get(n.as_str())?.as_str().map(String::from),
        ExprKind::Attr(inner, a) => {
            let (base, member) = match &inner.kind {
                // `Tools.STATUS.value`
                ExprKind::Attr(b, m) if a == "value" => (b, m),
                _ => (inner, a),
            };
            let ExprKind::Name(c) = &base.kind else {
                return None;
            };
            match globals?.get(c.as_str())? {
                Value::Class(cv) => cv.attrs.get(member.as_str())?.as_str().map(String::from),
                _ => None,
            }
        }
        _ => None,
    }
}

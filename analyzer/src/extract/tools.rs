//! The shared tool table: every adapter puts the tools it finds here (a function, a class, a
//! knowledge-listed tool, an MCP toolset linked to its servers), each once, by the site that
//! defines it, with its capabilities read from its body (`body.rs`), its sandboxing and the
//! gates written in it. `ToolId(i)` is entry `i` of the closed table (`Extracted::tools`).
//! Also here: whether a call runs in a user-facing context (a web or chat handler, a script
//! reading its input), which every adapter asks of the calls that start its agents.
//!
//! Nothing here belongs to one framework. What makes a value a tool is data: LangChain's tool
//! classes and wrappers (`base_tool`, `structured_tool`, `handoff_tool` in
//! `langgraph_api.toml`, the tool classes other frameworks accept), `[[tool]]` entries and the
//! interpreter's `@tool` decorators (`tool_decorator`).

use crate::extract::body::{BodyAnalyzer, CapHit};
use crate::extract::interp::{
    iter_elements, Callee, ClassVal, Evaluation, FuncVal, ModuleInfo, Obj, ObjId, ObjKind, Site,
    Value,
};
use crate::facts::{McpToolset, Tool, ToolOrigin};
use crate::knowledge::{self, glob_match, Knowledge};
use crate::syntax::python::{push_children, visit_stmts, Expr, ExprKind, StmtKind};
use std::collections::{HashMap, HashSet};

/// The tools found so far, and how to find more.
pub struct ToolTable<'a> {
    pub k: &'a Knowledge,
    pub ev: &'a Evaluation,
    pub modules: &'a [ModuleInfo],
    pub body: &'a BodyAnalyzer<'a>,
    tools: Vec<Tool>,
    tool_at: HashMap<Site, usize>,
    /// The tools made for each MCP toolset object, one per server.
    mcp_at: HashMap<ObjId, Vec<usize>>,
    /// Function site that contains each call site.
    pub(crate) enclosing: HashMap<Site, Site>,
    /// Links MCP toolsets to their servers' capabilities; without it they stay opaque sources.
    pub linker: Option<&'a crate::extract::mcp_link::Linker<'a>>,
}

fn class_is(o: &Obj, glob: &str) -> bool {
    o.class_name().is_some_and(|c| glob_match(glob, c))
}

/// The capability hits of `kinds` at one site (a knowledge-listed tool, a framework's own tool,
/// a linked MCP server), with the callee the finding names.
fn hits_at<S: AsRef<str>>(kinds: &[S], site: Site, callee: &str) -> Vec<CapHit> {
    kinds
        .iter()
        .map(|k| CapHit {
            kind: k.as_ref().to_string(),
            site,
            chain: vec![site],
            callee: callee.to_string(),
            query_param: None,
        })
        .collect()
}

pub(crate) fn class_any<S: AsRef<str>>(o: &Obj, globs: &[S]) -> bool {
    globs.iter().any(|g| class_is(o, g.as_ref()))
}

impl<'a> ToolTable<'a> {
    pub fn new(
        k: &'a Knowledge,
        ev: &'a Evaluation,
        modules: &'a [ModuleInfo],
        body: &'a BodyAnalyzer<'a>,
    ) -> Self {
        let mut enclosing = HashMap::new();
        for (f, recs) in &ev.calls_by_func {
            for r in recs {
                enclosing.insert(r.site, *f);
            }
        }
        ToolTable {
            k,
            ev,
            modules,
            body,
            tools: vec![],
            tool_at: HashMap::new(),
            mcp_at: HashMap::new(),
            enclosing,
            linker: None,
        }
    }

    /// Moves the table out, leaving an empty one with the same inputs (an adapter that keeps
    /// the table in its own reader for a while puts it back with `*table = taken`).
    pub fn take(&mut self) -> ToolTable<'a> {
        ToolTable {
            k: self.k,
            ev: self.ev,
            modules: self.modules,
            body: self.body,
            tools: std::mem::take(&mut self.tools),
            tool_at: std::mem::take(&mut self.tool_at),
            mcp_at: std::mem::take(&mut self.mcp_at),
            enclosing: std::mem::take(&mut self.enclosing),
            linker: self.linker,
        }
    }

    /// The names of `role` in the LangChain/LangGraph API (`rules/knowledge/langgraph_api.toml`):
    /// LangChain's tool classes, which every framework here accepts.
    fn api(&self, role: &str) -> &'a [String] {
        self.k.api("langgraph", role)
    }

    fn api_is(&self, role: &str, q: &str) -> bool {
        self.api(role).iter().any(|g| glob_match(g, q))
    }

    /// The closed table: `ToolId(i)` is `tools[i]`.
    pub fn finish(self) -> Vec<Tool> {
        self.tools
    }

    /// The tools found so far (indexes are stable).
    pub fn tools(&self) -> &[Tool] {
        &self.tools
    }

    /// A tool a framework adds without a definition in the code (CrewAI's code interpreter
    /// behind `allow_code_execution=True`): known capabilities, located at the flag.
    pub fn synthetic_tool(
        &mut self,
        name: &str,
        site: Site,
        callee: &str,
        sinks: &[&str],
        sandboxed: bool,
    ) -> usize {
        if let Some(&i) = self.tool_at.get(&site) {
            return i;
        }
        let hits = hits_at(sinks, site, callee);
        self.push_tool(
            name.to_string(),
            site,
            ToolOrigin::Known(callee.to_string()),
            hits,
            vec![],
            sandboxed,
            false,
        )
    }

    /// A tool for a project function that another framework's extractor recognised (an OpenAI
    /// Agents `@function_tool`), with the name the model sees when it is not the function's.
    pub fn function_tool(&mut self, f: &FuncVal, name: Option<String>) -> usize {
        self.tool_from_func(f, name)
    }

    /// The tool a wrapper object `id` makes of function `f` (`tool({ execute })`,
    /// `Tool(fn)`): defined by the call when the function is written inside it, else by the
    /// function's own name.
    pub fn function_tool_made_by(&mut self, f: &FuncVal, name: Option<String>, id: ObjId) -> usize {
        self.tool_made_by(f, name, id)
    }

    /// Marks a known tool as running inside a sandbox (a constructor argument such as the
    /// OpenAI Agents `ShellTool(environment={"type": "container_auto"})`).
    pub fn sandbox(&mut self, tool: usize) {
        if let Some(t) = self.tools.get_mut(tool) {
            t.sandboxed = true;
        }
    }

    /// Replaces a known tool's sinks with what a project function it runs does (an OpenAI
    /// Agents `ShellTool(executor=fn)`: the commands go wherever `fn` sends them).
    pub fn sinks_from(&mut self, tool: usize, f: &FuncVal) {
        let sinks = self.body.caps(f).sinks.to_vec();
        if let Some(t) = self.tools.get_mut(tool) {
            t.sinks = sinks;
        }
    }

    /// Marks a known tool as running outside any sandbox (a constructor flag such as
    /// `CodeInterpreterTool(unsafe_mode=True)`).
    pub fn unsandbox(&mut self, tool: usize) {
        if let Some(t) = self.tools.get_mut(tool) {
            t.sandboxed = false;
        }
    }

    // ---- tools ----------------------------------------------------------------------------

    pub fn is_base_tool(&self, c: &ClassVal) -> bool {
        let mut stack: Vec<Value> = c.bases.iter().cloned().collect();
        let mut steps = 0;
        while let Some(b) = stack.pop() {
            steps += 1;
            if steps > 32 {
                break;
            }
            match b {
                Value::Ext(q) if self.api_is("base_tool", &q) => return true,
                // The framework's own sources analysed as part of the project.
                Value::Class(bc) if bc.def.name == "BaseTool" => return true,
                Value::Class(bc) => stack.extend(bc.bases.iter().cloned()),
                _ => {}
            }
        }
        false
    }

    pub(crate) fn tool_from_class(&mut self, c: &ClassVal, _site: Site) -> usize {
        // LangChain.js subclasses implement `_call`.
        self.class_tool(c, &["_run", "_arun", "_call"])
    }

    /// A tool for a project class another framework's adapter recognised (a smolagents `Tool`
    /// subclass), run by the first of the methods `run` it defines (`forward`).
    pub fn class_tool(&mut self, c: &ClassVal, run: &[&str]) -> usize {
        let site = Site {
            file: self.modules[c.module].file,
            span: c.def.name_span,
        };
        let run = run.iter().find_map(|m| match c.attrs.get(*m) {
            Some(Value::Func(f)) => {
                let mut f = f.clone();
                f.bound = Some(Box::new(Value::Unknown));
                Some(f)
            }
            _ => None,
        });
        let existing = self.tool_at.get(&site).copied();
        if let Some(i) = existing {
            // Another reader made the class a tool without its run method (any `*.BaseTool`
            // subclass is LangChain's to LangGraph): read it with this framework's method.
            if run.is_none() || self.tools[i].func().is_some() {
                return i;
            }
        }
        let name = c
            .attrs
            .get("name")
            .and_then(|v| v.as_str())
            .map(String::from)
            .unwrap_or_else(|| c.def.name.clone());
        let new = self.push_tool(
            name,
            site,
            ToolOrigin::Class(c.clone(), run),
            vec![],
            vec![],
            false,
            false,
        );
        match existing {
            Some(i) => {
                if let Some(t) = self.tools.pop() {
                    debug_assert_eq!(new, self.tools.len());
                    self.tools[i] = t;
                }
                self.tool_at.insert(site, i);
                i
            }
            None => new,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_tool(
        &mut self,
        name: String,
        site: Site,
        origin: ToolOrigin,
        mut sinks: Vec<CapHit>,
        mut sources: Vec<CapHit>,
        sandboxed: bool,
        toolkit: bool,
    ) -> usize {
        let func = match &origin {
            ToolOrigin::Function(f) => Some(f.clone()),
            ToolOrigin::Class(_, f) => f.clone(),
            ToolOrigin::Known(_) => None,
        };
        let mut body_gate = None;
        let mut conditional_gate = None;
        // An approval decorator given as data (`[[gate]] kind = "approval_decorator"`).
        let approved_by = func.as_ref().and_then(|f| {
            self.ev
                .decorators
                .get(&f.site(self.modules))
                .and_then(|ds| {
                    ds.iter()
                        .find(|(name, _)| {
                            self.k
                                .gate_for(knowledge::Callee::Qualified(name))
                                .is_some_and(|g| g.kind == "approval_decorator")
                        })
                        .map(|(_, site)| *site)
                })
        });
        if let Some(f) = &func {
            let caps = self.body.caps(f);
            sinks.extend(caps.sinks.iter().cloned());
            sources.extend(caps.sources.iter().cloned());
            let facts = self.body.facts(f);
            // Gated when every privileged sink's chain starts at a dominated call.
            let privileged: Vec<&CapHit> = sinks
                .iter()
                .filter(|s| self.k.sink_kind(&s.kind).is_some_and(|k| k.privileged))
                .collect();
            if !privileged.is_empty() {
                let gates: Vec<Site> = privileged
                    .iter()
                    .filter_map(|s| {
                        s.chain
                            .first()
                            .and_then(|c| facts.dominated.get(c))
                            .copied()
                    })
                    .collect();
                if gates.len() == privileged.len() {
                    body_gate = gates.first().copied();
                } else {
                    let weak: Vec<Site> = privileged
                        .iter()
                        .filter_map(|s| {
                            let c = s.chain.first()?;
                            facts
                                .dominated
                                .get(c)
                                .or_else(|| facts.weakly_dominated.get(c))
                                .copied()
                        })
                        .collect();
                    if weak.len() == privileged.len() {
                        conditional_gate = weak.first().copied();
                    }
                }
            }
        }
        if approved_by.is_some() {
            body_gate = approved_by;
        }
        let i = self.tools.len();
        self.tools.push(Tool {
            name,
            site,
            origin,
            sinks,
            sources,
            sandboxed,
            toolkit,
            body_gate,
            conditional_gate,
            mcp: None,
        });
        self.tool_at.insert(site, i);
        i
    }

    /// The tools of an MCP toolset object, one per server it connects to; `None` when the
    /// object is no toolset (or no linker is set).
    pub(crate) fn mcp_tools(&mut self, id: ObjId) -> Option<Vec<usize>> {
        if let Some(v) = self.mcp_at.get(&id) {
            return Some(v.clone());
        }
        let servers = self.linker?.toolset(id)?;
        let mut out = vec![];
        for l in servers {
            let callee = format!("MCP server `{}`", l.name);
            let mk = |kinds: &[String]| hits_at(kinds, l.site, &callee);
            // Tool descriptions (`mcp_tool_metadata`) are AIR305's concern; results steer calls.
            let mut sources = mk(&["mcp_tool_result".to_string()]);
            for s in mk(&l.sources) {
                if !sources.iter().any(|x| x.kind == s.kind) {
                    sources.push(s);
                }
            }
            let sinks = if l.code_sinks.is_empty() {
                mk(&l.sinks)
            } else {
                l.code_sinks.clone()
            };
            let i = match self.tool_at.get(&l.site) {
                Some(&i) => i,
                None => {
                    let i = self.tools.len();
                    self.tools.push(Tool {
                        name: l.name.clone(),
                        site: l.site,
                        origin: ToolOrigin::Known("mcp".into()),
                        sinks,
                        sources,
                        sandboxed: false,
                        toolkit: true,
                        body_gate: None,
                        conditional_gate: None,
                        mcp: Some(McpToolset {
                            server: l.name.clone(),
                            known: l.known,
                            via: l.via.clone(),
                            tools: l.tools.clone(),
                            runs_model_code: l.runs_model_code,
                        }),
                    });
                    self.tool_at.insert(l.site, i);
                    i
                }
            };
            if !out.contains(&i) {
                out.push(i);
            }
        }
        self.mcp_at.insert(id, out.clone());
        Some(out)
    }

    pub(crate) fn tool_from_func(&mut self, f: &FuncVal, name: Option<String>) -> usize {
        let site = Site {
            file: self.modules[f.module].file,
            span: f.def.name_span,
        };
        self.tool_from_func_at(f, name, site)
    }

    /// The tool object `id` makes of function `f`: a function written inside the call
    /// (LangChain.js `tool(async (...) => {...}, {...})`) is defined by the call, any other by
    /// its own name.
    pub(crate) fn tool_made_by(&mut self, f: &FuncVal, name: Option<String>, id: ObjId) -> usize {
        let at = self.ev.objects[id].site;
        let inside = self.modules[f.module].file == at.file
            && at.span.start <= f.def.span.start
            && f.def.span.end <= at.span.end;
        if inside {
            self.tool_from_func_at(f, name, at)
        } else {
            self.tool_from_func(f, name)
        }
    }

    /// A tool whose behaviour is `f`, defined at `site`.
    pub(crate) fn tool_from_func_at(
        &mut self,
        f: &FuncVal,
        name: Option<String>,
        site: Site,
    ) -> usize {
        if let Some(&i) = self.tool_at.get(&site) {
            return i;
        }
        let name = name.unwrap_or_else(|| f.def.name.clone());
        self.push_tool(
            name,
            site,
            ToolOrigin::Function(f.clone()),
            vec![],
            vec![],
            false,
            false,
        )
    }

    pub(crate) fn known_tool(&mut self, id: ObjId) -> Option<usize> {
        let o = &self.ev.objects[id];
        let class = o.class_name()?.to_string();
        // `Toolkit(...).get_tools()` resolves through the receiver.
        let (lookup, site) = match class.strip_suffix(".get_tools") {
            Some(base) => (base.to_string(), o.site),
            None => (class.clone(), o.site),
        };
        let entry = self
            .k
            .tool_for(knowledge::Callee::Qualified(&lookup))?
            .clone();
        if let Some(&i) = self.tool_at.get(&site) {
            return Some(i);
        }
        let sinks = hits_at(&entry.sinks, site, &lookup);
        let sources = hits_at(&entry.sources, site, &lookup);
        // Constructed with a sandboxing executor or policy (`execution_policy=DockerExecutionPolicy()`).
        let sandboxed_by_arg = o
            .args
            .iter()
            .chain(o.kwargs.iter().map(|(_, v)| v))
            .any(|v| {
                v.alternatives().iter().any(|a| match a {
                    Value::Obj(id) => self.ev.objects[*id]
                        .class_name()
                        .is_some_and(|c| self.k.is_sandbox(knowledge::Callee::Qualified(c))),
                    Value::Ext(c) => self.k.is_sandbox(knowledge::Callee::Qualified(c)),
                    _ => false,
                })
            });
        let name = o
            .kwarg("name")
            .and_then(|v| v.as_str())
            .map(String::from)
            .or_else(|| {
                // `create_retriever_tool(retriever, "name", "description")`
                o.args.get(1).and_then(|v| v.as_str()).map(String::from)
            })
            .or(entry.name.clone())
            .unwrap_or_else(|| lookup.rsplit('.').next().unwrap_or(&lookup).to_string());
        // Constructed with an approval callback (`callbacks=[HumanApprovalCallbackHandler()]`).
        let approved_by = o
            .kwargs
            .iter()
            .flat_map(|(_, v)| {
                let mut elems = iter_elements(v).unwrap_or_default();
                elems.push(v.clone());
                elems
            })
            .find_map(|v| match v {
                Value::Obj(id) => {
                    let c = self.ev.objects[id].class_name()?;
                    self.k
                        .gate_for(knowledge::Callee::Qualified(c))
                        .filter(|g| g.kind == "approval_decorator")
                        .map(|_| self.ev.objects[id].site)
                }
                _ => None,
            });
        let i = self.push_tool(
            name,
            site,
            ToolOrigin::Known(lookup),
            sinks,
            sources,
            entry.sandboxed || sandboxed_by_arg,
            entry.toolkit,
        );
        if approved_by.is_some() {
            self.tools[i].body_gate = approved_by;
        }
        Some(i)
    }

    /// A tool for an external name that knowledge lists (a module-level tool instance another
    /// framework exports, such as Google ADK's `google_search`), defined at `site`.
    pub fn known_tool_named(&mut self, q: &str, site: Site) -> Option<usize> {
        let entry = self.k.tool_for(knowledge::Callee::Qualified(q))?.clone();
        if let Some(&i) = self.tool_at.get(&site) {
            return Some(i);
        }
        let name = entry
            .name
            .clone()
            .unwrap_or_else(|| q.rsplit('.').next().unwrap_or(q).to_string());
        Some(self.push_tool(
            name,
            site,
            ToolOrigin::Known(q.to_string()),
            hits_at(&entry.sinks, site, q),
            hits_at(&entry.sources, site, q),
            entry.sandboxed,
            entry.toolkit,
        ))
    }

    /// Tools denoted by a value (an element of a `tools=` list).
    pub fn tool_from_value(&mut self, v: &Value) -> Option<usize> {
        match v {
            Value::Obj(id) => {
                let id = *id;
                let o = &self.ev.objects[id];
                match &o.kind {
                    ObjKind::ToolFunc { func, name } => {
                        let (func, name) = (func.clone(), name.clone());
                        Some(self.tool_from_func(&func, name))
                    }
                    ObjKind::Instance(c) => {
                        let c = c.clone();
                        if self.is_base_tool(&c) {
                            let site = o.site;
                            Some(self.tool_from_class(&c, site))
                        } else {
                            None
                        }
                    }
                    ObjKind::Ext(_) => {
                        if let Some(ts) = self.mcp_tools(id) {
                            return ts.first().copied();
                        }
                        let o = &self.ev.objects[id];
                        let ObjKind::Ext(class) = &o.kind else {
                            return None;
                        };
                        if self.k.is_tool_decorator(class) {
                            // `tool("name", fn)` / `tool(fn)`; LangChain.js: `tool(fn, { name })`.
                            let name = o
                                .args
                                .first()
                                .and_then(|a| a.as_str())
                                .or_else(|| o.kwarg("name").and_then(|v| v.as_str()))
                                .map(String::from);
                            let func = o.args.iter().find_map(|a| match a {
                                Value::Func(f) => Some(f.clone()),
                                _ => None,
                            });
                            let Some(func) = func else {
                                // LangChain.js `tool({ name, schema })` without a function: a
                                // headless tool the client application runs; nothing runs here.
                                let name = name?;
                                let site = o.site;
                                if let Some(&i) = self.tool_at.get(&site) {
                                    return Some(i);
                                }
                                return Some(self.push_tool(
                                    name,
                                    site,
                                    ToolOrigin::Known("headless tool".into()),
                                    vec![],
                                    vec![],
                                    false,
                                    false,
                                ));
                            };
                            return Some(self.tool_made_by(&func, name, id));
                        }
                        if self
                            .api("structured_tool")
                            .iter()
                            .any(|g| glob_match(g, class))
                        {
                            let func = o
                                .kwarg("func")
                                .or_else(|| o.kwarg("coroutine"))
                                .or_else(|| o.args.first())
                                .cloned();
                            let name = o.kwarg("name").and_then(|v| v.as_str()).map(String::from);
                            if let Some(Value::Func(f)) = func {
                                return Some(self.tool_made_by(&f, name, id));
                            }
                            return None;
                        }
                        self.known_tool(id)
                    }
                }
            }
            Value::Func(f) => {
                let f = f.clone();
                Some(self.tool_from_func(&f, None))
            }
            _ => None,
        }
    }

    /// Flattens a `tools=` value into tools; `true` when part of it could not be resolved.
    pub fn tools_of(&mut self, v: &Value) -> (Vec<usize>, bool) {
        let mut out = vec![];
        let mut unknown = false;
        let mut stack = vec![v.clone()];
        let mut seen = HashSet::new();
        while let Some(v) = stack.pop() {
            if !first_visit(&mut seen, &v) {
                continue;
            }
            match &v {
                Value::List(xs) => stack.extend(xs.iter().rev().cloned()),
                Value::Union(xs) => stack.extend(xs.iter().rev().cloned()),
                Value::Dict(items) => stack.extend(items.iter().rev().map(|(_, v)| v.clone())),
                Value::None => {}
                Value::Obj(id) if self.mcp_tools(*id).is_some() => {
                    out.extend(self.mcp_tools(*id).unwrap_or_default());
                }
                // Handoff tools are routes, not capabilities (`handoff_tools`).
                Value::Obj(id) if class_any(&self.ev.objects[*id], self.api("handoff_tool")) => {}
                Value::Obj(_) => match self.tool_from_value(&v) {
                    Some(t) => out.push(t),
                    // Toolkit results (`client.get_tools()`) matched above; anything else is opaque.
                    None => unknown = true,
                },
                Value::Func(_) => {
                    if let Some(t) = self.tool_from_value(&v) {
                        out.push(t);
                    }
                }
                Value::Str(..) | Value::Bool(_) | Value::Num => {}
                _ => unknown = true,
            }
        }
        out.sort_unstable();
        out.dedup();
        (out, unknown)
    }

    pub fn is_user_context(&self, call: Site) -> bool {
        let Some(fsite) = self.enclosing.get(&call) else {
            // Module level: a script reading argv or stdin.
            return self.module_reads_input(call);
        };
        let Some(f) = self.ev.funcs.get(fsite) else {
            return false;
        };
        let handler = f.def.decorators.iter().any(is_handler_decorator);
        let reads_input = self.ev.calls_by_func.get(fsite).is_some_and(|recs| {
            recs.iter().any(|r| {
                r.callees.iter().any(|c| match c {
                    Callee::Qualified(q) => {
                        matches!(&**q, "input" | "sys.stdin.read" | "sys.stdin.readline")
                            || q.starts_with("sys.argv")
                    }
                    _ => false,
                })
            })
        });
        let argv = func_mentions(&f.def.body, "argv");
        handler || reads_input || argv
    }

    fn module_reads_input(&self, call: Site) -> bool {
        self.modules
            .iter()
            .find(|m| m.file == call.file)
            .is_some_and(|m| {
                m.ir.body.iter().any(|s| match &s.kind {
                    StmtKind::Assign { value, .. } | StmtKind::Expr(value) => {
                        expr_mentions(value, "argv") || expr_calls(value, "input")
                    }
                    _ => false,
                })
            })
    }
}

pub(crate) fn is_handler_decorator(d: &Expr) -> bool {
    const VERBS: &[&str] = &[
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "route",
        "api_route",
        "websocket",
        "message",
        "event",
        "command",
        "task",
        "on_message",
        "handler",
    ];
    let f = match &d.kind {
        ExprKind::Call(f, _) => f,
        _ => d,
    };
    matches!(&f.kind, ExprKind::Attr(_, m) if VERBS.contains(&m.as_str()))
}

pub(crate) fn expr_mentions(e: &Expr, name: &str) -> bool {
    let mut found = false;
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Name(n) | ExprKind::Attr(_, n) if n == name => found = true,
            _ => {}
        }
        push_children(e, &mut stack);
    }
    found
}

pub(crate) fn expr_calls(e: &Expr, name: &str) -> bool {
    let mut found = false;
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        if let ExprKind::Call(f, _) = &e.kind {
            if matches!(&f.kind, ExprKind::Name(n) if n == name) {
                found = true;
            }
        }
        push_children(e, &mut stack);
    }
    found
}

pub(crate) fn func_mentions(body: &[crate::syntax::python::Stmt], name: &str) -> bool {
    let mut found = false;
    visit_stmts(body, &mut |s| {
        if s.exprs().into_iter().any(|e| expr_mentions(e, name)) {
            found = true;
        }
    });
    found
}

/// Whether a walk over a value meets this list, dict or union for the first time (always true
/// for other values). Values share their sequences (`Rc`), so a walk that expands each shared
/// sequence once is linear in the memory the value holds, however the sharing nests: such a
/// walk needs no step cap, and none cuts a long tool list.
pub(crate) fn first_visit(seen: &mut HashSet<usize>, v: &Value) -> bool {
    let key = match v {
        Value::List(xs) | Value::Union(xs) => std::rc::Rc::as_ptr(xs) as usize,
        Value::Dict(items) => std::rc::Rc::as_ptr(items) as usize,
        _ => return true,
    };
    seen.insert(key)
}

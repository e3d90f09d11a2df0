//! CrewAI (Python): reads the interpreter's objects and the crew YAML files as agents, tasks,
//! crews, flows, tool-call hooks and the routes between agents (frameworks.md §3).
//!
//! A `@CrewBase` class is joined with its `config/agents.yaml` and `config/tasks.yaml` (or the
//! paths in its `agents_config`/`tasks_config` attributes, relative to the class's file) by
//! method name, as CrewAI does: a task's `agent: researcher` names the `@agent` method
//! `researcher`, its `context:` names `@task` methods, an agent's `tools:` names `@tool`
//! methods. Keyword arguments written in Python win over the YAML (CrewAI fills only the fields
//! not given). The interpreter evaluates those methods with an unknown `self`, so `self.X()`,
//! `self.agents`, `self.tasks` and `self.agents_config["k"]` are read from the syntax.
//!
//! Tools go into the shared tool table ([`ToolTable`]), so every rule sees CrewAI tools like
//! any other. Routes between agents (sequential order, `context=`, hierarchical manager,
//! delegation, Flow listen/router steps, Flow → crew kickoffs) are facts here; the project
//! graph (`graph.rs`) turns them into edges.

use crate::extract::interp::{Evaluation, FuncVal, ModuleInfo, ObjId, ObjKind, Site, Value};
use crate::extract::langgraph::push_children;
use crate::extract::tools::ToolTable;
use crate::model::{FileId, Notice, SourceDb};
use crate::syntax::python::{Arg, ClassDef, Expr, ExprKind, FuncDef, Stmt, StmtKind};
use crate::syntax::tree::Node;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

pub use crate::extract::adapters::YamlFile;

pub use crate::facts::crewai::*;

/// Whether a resolved dotted name is the CrewAI symbol `last` (`crewai.Agent`,
/// `crewai.agent.core.Agent`, `crewai.flow.flow.listen`).
fn is_crewai(q: &str, last: &str) -> bool {
    (q.starts_with("crewai.") || q.starts_with("crewai_tools."))
        && q.rsplit('.').next() == Some(last)
}

fn within(inner: Site, outer: Site) -> bool {
    inner.file == outer.file
        && inner.span.start >= outer.span.start
        && inner.span.end <= outer.span.end
}

/// `self.name(...)` → `name`.
fn self_call(e: &Expr) -> Option<&str> {
    if let ExprKind::Call(f, _) = &e.kind {
        if let ExprKind::Attr(o, m) = &f.kind {
            if matches!(&o.kind, ExprKind::Name(n) if n == "self") {
                return Some(m.as_str());
            }
        }
    }
    None
}

/// `self.attr` → `attr`.
fn self_attr(e: &Expr) -> Option<&str> {
    if let ExprKind::Attr(o, m) = &e.kind {
        if matches!(&o.kind, ExprKind::Name(n) if n == "self") {
            return Some(m.as_str());
        }
    }
    None
}

/// `self.agents_config["key"]` → `("agents_config", "key")`.
fn config_key(e: &Expr) -> Option<(&str, &str)> {
    if let ExprKind::Subscript(b, k) = &e.kind {
        if let (Some(attr), ExprKind::Str(key)) = (self_attr(b), &k.kind) {
            return Some((attr, key.as_str()));
        }
    }
    None
}

fn kwarg_expr<'e>(call: &'e Expr, name: &str) -> Option<&'e Expr> {
    let ExprKind::Call(_, args) = &call.kind else {
        return None;
    };
    args.iter().rev().find_map(|a| match a {
        Arg::Kw(k, v) if k == name => Some(v),
        _ => None,
    })
}

/// The entry of a YAML mapping whose key is `key`: the key node and the value node.
fn yaml_entry<'n>(map: &'n Node, key: &str) -> Option<(&'n Node, &'n Node)> {
    map.entries()
        .iter()
        .rev()
        .find(|(k, _)| k.scalar_text() == Some(key))
        .map(|(k, v)| (k, v))
}

fn yaml_strings(n: &Node) -> Vec<&Node> {
    match n.as_seq() {
        Some(items) => items.iter().filter(|i| i.as_str().is_some()).collect(),
        None if n.as_str().is_some() => vec![n],
        None => vec![],
    }
}

/// A YAML boolean, including the strings CrewAI's loader would read as one.
fn yaml_true(n: &Node) -> bool {
    n.as_bool() == Some(true) || matches!(n.as_str(), Some("true" | "True" | "yes"))
}

/// One `@CrewBase` class being read.
struct CrewClass {
    site: Site,
    name: String,
    module: usize,
    def: Arc<ClassDef>,
    /// Methods by decorator kind, in definition order.
    agents: Vec<FuncVal>,
    tasks: Vec<FuncVal>,
    tools: Vec<FuncVal>,
    crews: Vec<FuncVal>,
    agents_yaml: Option<(String, Site)>,
    tasks_yaml: Option<(String, Site)>,
    /// Built agent and task indexes by method name.
    agent_of: BTreeMap<String, usize>,
    task_of: BTreeMap<String, usize>,
    tools_of: BTreeMap<String, (Vec<usize>, bool)>,
    /// `self.<attr>` values: objects built in `__init__` (`self.search = SerperDevTool()`) and
    /// class attributes.
    attrs: BTreeMap<String, Vec<Value>>,
}

pub struct CrewExtractor<'x, 'a> {
    ex: &'x mut ToolTable<'a>,
    ev: &'a Evaluation,
    modules: &'a [ModuleInfo],
    db: &'x SourceDb,
    yaml: &'x BTreeMap<String, YamlFile>,
    notices: &'x mut Vec<Notice>,
    facts: CrewFacts,
    /// Objects by file, sorted by span start.
    objs_by_file: HashMap<FileId, Vec<ObjId>>,
    /// Every object allocated at a site.
    objs_at: HashMap<Site, Vec<ObjId>>,
    agent_at: HashMap<Site, usize>,
    task_at: HashMap<Site, usize>,
    module_of_file: HashMap<FileId, usize>,
}

impl<'x, 'a> CrewExtractor<'x, 'a> {
    pub fn new(
        ex: &'x mut ToolTable<'a>,
        db: &'x SourceDb,
        yaml: &'x BTreeMap<String, YamlFile>,
        notices: &'x mut Vec<Notice>,
    ) -> Self {
        let ev = ex.ev;
        let modules = ex.modules;
        let mut objs_by_file: HashMap<FileId, Vec<ObjId>> = HashMap::new();
        let mut objs_at: HashMap<Site, Vec<ObjId>> = HashMap::new();
        for (i, o) in ev.objects.iter().enumerate() {
            objs_by_file.entry(o.site.file).or_default().push(i);
            objs_at.entry(o.site).or_default().push(i);
        }
        for v in objs_by_file.values_mut() {
            v.sort_by_key(|&i| (ev.objects[i].site.span, i));
        }
        let module_of_file = modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.file, i))
            .collect();
        CrewExtractor {
            ex,
            ev,
            modules,
            db,
            yaml,
            notices,
            facts: CrewFacts::default(),
            objs_by_file,
            objs_at,
            agent_at: HashMap::new(),
            task_at: HashMap::new(),
            module_of_file,
        }
    }

    /// Reads every CrewAI construct of the project.
    pub fn run(mut self) -> CrewFacts {
        let mut classes = self.crew_classes();
        // Agents first (tasks name them), then tasks, then crews.
        for c in &mut classes {
            self.class_tools(c);
            self.class_agents(c);
        }
        self.plain_agents();
        for c in &mut classes {
            self.class_tasks(c);
        }
        self.plain_tasks();
        for c in &classes {
            self.class_crews(c);
        }
        self.plain_crews();
        self.flows();
        self.hooks(&classes);
        self.routes();
        self.facts
    }

    // ---- helpers --------------------------------------------------------------------------

    fn site_of_node(&self, file: FileId, n: &Node) -> Site {
        Site { file, span: n.span }
    }

    fn notice(&mut self, site: Site, message: String) {
        let loc = self.db.location(site.file, site.span);
        self.notices.push(Notice {
            path: loc.path,
            line: loc.line,
            message,
        });
    }

    /// Objects allocated inside `outer` (a function's span), in source order.
    fn objects_in(&self, outer: Site) -> Vec<ObjId> {
        let Some(v) = self.objs_by_file.get(&outer.file) else {
            return vec![];
        };
        v.iter()
            .copied()
            .filter(|&i| within(self.ev.objects[i].site, outer))
            .collect()
    }

    fn class_name_of(&self, id: ObjId) -> Option<&'a str> {
        match &self.ev.objects[id].kind {
            ObjKind::Ext(c) => Some(c),
            _ => None,
        }
    }

    fn is_obj(&self, id: ObjId, last: &str) -> bool {
        self.class_name_of(id).is_some_and(|c| is_crewai(c, last))
    }

    /// The call expression at `site` (the expression an object was allocated at).
    fn call_at(&self, site: Site) -> Option<&'a Expr> {
        let m = *self.module_of_file.get(&site.file)?;
        let body: &'a [Stmt] = &self.modules[m].ir.body;
        let mut stmts: Vec<&'a [Stmt]> = vec![body];
        let mut exprs: Vec<&'a Expr> = vec![];
        while let Some(b) = stmts.pop() {
            for s in b {
                if s.span.end < site.span.start || s.span.start > site.span.end {
                    continue;
                }
                match &s.kind {
                    StmtKind::Func(d) => {
                        stmts.push(&d.body);
                        exprs.extend(d.decorators.iter());
                        exprs.extend(d.params.iter().filter_map(|p| p.default.as_ref()));
                    }
                    StmtKind::Class(d) => {
                        stmts.push(&d.body);
                        exprs.extend(d.decorators.iter());
                        for a in &d.bases {
                            if let Arg::Pos(e) | Arg::Kw(_, e) = a {
                                exprs.push(e);
                            }
                        }
                    }
                    _ => {}
                }
                stmts.extend(s.blocks());
                exprs.extend(s.exprs());
            }
        }
        while let Some(e) = exprs.pop() {
            if e.span.end < site.span.start || e.span.start > site.span.end {
                continue;
            }
            if e.span == site.span && matches!(e.kind, ExprKind::Call(..)) {
                return Some(e);
            }
            push_children(e, &mut exprs);
        }
        None
    }

    fn decorated(&self, f: &FuncVal, last: &str) -> Option<Site> {
        self.ev
            .decorators
            .get(&f.site(self.modules))
            .and_then(|ds| ds.iter().find(|(n, _)| is_crewai(n, last)))
            .map(|(_, s)| *s)
    }

    /// The object a decorator call allocated (`@listen(x)`), for its arguments.
    fn decorator_obj(&self, site: Site, last: &str) -> Option<ObjId> {
        self.objs_at
            .get(&site)?
            .iter()
            .copied()
            .find(|&i| self.is_obj(i, last))
    }

    /// Methods of a class body in definition order, with the class's bound values.
    fn methods(&self, c: &ClassDef, module: usize) -> Vec<FuncVal> {
        let file = self.modules[module].file;
        let mut out = vec![];
        for s in &c.body {
            if let StmtKind::Func(d) = &s.kind {
                let site = Site { file, span: d.span };
                if let Some(f) = self.ev.funcs.get(&site) {
                    out.push(f.clone());
                }
            }
        }
        out
    }

    /// The project-relative path of `rel` resolved against the folder of `file`.
    fn resolve_path(&self, file: FileId, rel: &str) -> String {
        let base = &self.db.get(file).rel_path;
        let mut parts: Vec<&str> = base.split('/').collect();
        parts.pop();
        for seg in rel.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                s => parts.push(s),
            }
        }
        parts.join("/")
    }

    fn yaml_root(&self, path: &str) -> Option<(FileId, &'x Node)> {
        let y = self.yaml.get(path)?;
        y.root.as_deref().map(|r| (y.file, r))
    }

    // ---- @CrewBase classes ----------------------------------------------------------------

    fn crew_classes(&mut self) -> Vec<CrewClass> {
        let mut out = vec![];
        for (site, c) in &self.ev.classes {
            let is_base = self
                .ev
                .decorators
                .get(site)
                .is_some_and(|ds| ds.iter().any(|(n, _)| is_crewai(n, "CrewBase")));
            if !is_base {
                continue;
            }
            let mut cc = CrewClass {
                site: Site {
                    file: site.file,
                    span: c.def.name_span,
                },
                name: c.def.name.clone(),
                module: c.module,
                def: c.def.clone(),
                agents: vec![],
                tasks: vec![],
                tools: vec![],
                crews: vec![],
                agents_yaml: None,
                tasks_yaml: None,
                agent_of: BTreeMap::new(),
                task_of: BTreeMap::new(),
                tools_of: BTreeMap::new(),
                attrs: BTreeMap::new(),
            };
            for (k, v) in c.attrs.iter() {
                if matches!(v, Value::Obj(_) | Value::List(_)) {
                    cc.attrs.entry(k.clone()).or_default().push(v.clone());
                }
            }
            for s in &c.def.body {
                let StmtKind::Func(d) = &s.kind else { continue };
                if d.name != "__init__" {
                    continue;
                }
                crate::syntax::python::visit_stmts(&d.body, &mut |st| {
                    let StmtKind::Assign { targets, value, .. } = &st.kind else {
                        return;
                    };
                    for t in targets {
                        let crate::syntax::python::Target::Attr(o, attr) = t else {
                            continue;
                        };
                        if !matches!(&o.kind, ExprKind::Name(n) if n == "self") {
                            continue;
                        }
                        let at = Site {
                            file: site.file,
                            span: value.span,
                        };
                        for &id in self.objs_at.get(&at).map(|v| v.as_slice()).unwrap_or(&[]) {
                            cc.attrs
                                .entry(attr.clone())
                                .or_default()
                                .push(Value::Obj(id));
                        }
                    }
                });
            }
            for f in self.methods(&c.def, c.module) {
                if self.decorated(&f, "agent").is_some() {
                    cc.agents.push(f);
                } else if self.decorated(&f, "task").is_some() {
                    cc.tasks.push(f);
                } else if self
                    .ev
                    .decorators
                    .get(&f.site(self.modules))
                    .is_some_and(|ds| {
                        ds.iter()
                            .any(|(n, _)| n.starts_with("crewai.project.") && n.ends_with(".tool"))
                    })
                {
                    cc.tools.push(f);
                } else if self.decorated(&f, "crew").is_some() {
                    cc.crews.push(f);
                }
            }
            // Config paths: the class attribute, else CrewAI's default.
            for (attr, default) in [
                ("agents_config", "config/agents.yaml"),
                ("tasks_config", "config/tasks.yaml"),
            ] {
                let (rel, at) = match c.attrs.get(attr) {
                    Some(Value::Str(s, at)) => (s.to_string(), Some(*at)),
                    _ => (default.to_string(), None),
                };
                let uses = self.class_mentions(&c.def, attr);
                if !uses && at.is_none() {
                    continue;
                }
                let path = self.resolve_path(site.file, &rel);
                let site_for = at.unwrap_or(cc.site);
                if !self.yaml.contains_key(&path) {
                    let what = if attr == "agents_config" {
                        "agents"
                    } else {
                        "tasks"
                    };
                    self.notice(
                        site_for,
                        format!(
                            "crewai: `{}` reads its {what} from `{rel}` ({path}), which is not in the project; the YAML settings of its {what} are not analysed",
                            cc.name
                        ),
                    );
                }
                if attr == "agents_config" {
                    cc.agents_yaml = Some((path, site_for));
                } else {
                    cc.tasks_yaml = Some((path, site_for));
                }
            }
            out.push(cc);
        }
        out
    }

    /// Whether some method of the class reads `self.<attr>`.
    fn class_mentions(&self, c: &ClassDef, attr: &str) -> bool {
        let mut found = false;
        let mut stmts: Vec<&[Stmt]> = vec![&c.body];
        while let Some(b) = stmts.pop() {
            for s in b {
                if let StmtKind::Func(d) = &s.kind {
                    stmts.push(&d.body);
                }
                stmts.extend(s.blocks());
                let mut exprs: Vec<&Expr> = s.exprs();
                while let Some(e) = exprs.pop() {
                    if self_attr(e) == Some(attr) {
                        found = true;
                    }
                    push_children(e, &mut exprs);
                }
            }
        }
        found
    }

    /// The YAML entry of a method's `config=self.<attr>["key"]` (else the method name).
    fn yaml_for(
        &mut self,
        c: &CrewClass,
        call: Option<&Expr>,
        method: &FuncVal,
        tasks: bool,
    ) -> Option<(FileId, &'x Node, &'x Node, String)> {
        let config = call.and_then(|e| kwarg_expr(e, "config"))?;
        let (attr, key) = match config_key(config) {
            Some((a, k)) => (a.to_string(), k.to_string()),
            None => (
                if tasks {
                    "tasks_config"
                } else {
                    "agents_config"
                }
                .to_string(),
                method.def.name.clone(),
            ),
        };
        let (path, _) = if attr == "tasks_config" {
            c.tasks_yaml.clone()?
        } else {
            c.agents_yaml.clone()?
        };
        let (file, root) = self.yaml_root(&path)?;
        match yaml_entry(root, &key) {
            Some((k, v)) => Some((file, k, v, key)),
            None => {
                let broken = self.yaml.get(&path).is_some_and(|y| y.broken);
                let site = Site {
                    file: self.modules[c.module].file,
                    span: config.span,
                };
                let extra = if broken {
                    " (the file has a syntax error before the end, so the entry may be there but unread)"
                } else {
                    ""
                };
                self.notice(
                    site,
                    format!(
                        "crewai: `{}.{}` reads `{attr}[\"{key}\"]`, which {path} does not define{extra}",
                        c.name, method.def.name
                    ),
                );
                None
            }
        }
    }

    /// Tools of each `@tool` method (crewai.project.tool): what it returns.
    fn class_tools(&mut self, c: &mut CrewClass) {
        for f in c.tools.clone() {
            let site = f.site(self.modules);
            let mut tools = vec![];
            let mut unknown = false;
            for id in self.objects_in(site) {
                if let Some(t) = self.ex.tool_from_value(&Value::Obj(id)) {
                    tools.push(t);
                }
            }
            if tools.is_empty() {
                match self.ev.returns.get(&site) {
                    Some(v) => {
                        let (ts, u) = self.ex.tools_of(v);
                        tools = ts;
                        unknown = u || tools.is_empty();
                    }
                    None => unknown = true,
                }
            }
            tools.sort_unstable();
            tools.dedup();
            c.tools_of.insert(f.def.name.clone(), (tools, unknown));
        }
    }

    /// `tools=` of an `Agent(...)`/`Task(...)` call: syntax for `self.<tool method>()`, values
    /// for the rest.
    fn tools_arg(
        &mut self,
        c: Option<&CrewClass>,
        expr: Option<&Expr>,
        value: Option<&Value>,
    ) -> (Vec<usize>, bool) {
        let mut tools = vec![];
        let mut unknown = false;
        let elems: Option<&Vec<Expr>> = match expr.map(|e| &e.kind) {
            Some(ExprKind::List(xs)) | Some(ExprKind::Tuple(xs)) => Some(xs),
            _ => None,
        };
        let values: Option<Vec<Value>> = match value {
            Some(Value::List(vs)) => Some(vs.to_vec()),
            _ => None,
        };
        let aligned = match (elems, &values) {
            (Some(es), Some(vs)) => {
                es.len() == vs.len() && !es.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
            }
            _ => false,
        };
        if let (Some(es), true) = (elems, aligned) {
            let vs = values.unwrap_or_default();
            for (e, v) in es.iter().zip(vs.iter()) {
                if let Some(vals) = self_attr(e).and_then(|a| c.and_then(|c| c.attrs.get(a))) {
                    for x in vals.clone() {
                        let (ts, u) = self.ex.tools_of(&x);
                        tools.extend(ts);
                        unknown |= u;
                    }
                    continue;
                }
                if let Some((ts, u)) = self_call(e).and_then(|m| c.and_then(|c| c.tools_of.get(m)))
                {
                    tools.extend(ts.iter().copied());
                    unknown |= *u;
                    continue;
                }
                let (ts, u) = self.ex.tools_of(v);
                tools.extend(ts);
                unknown |= u;
            }
        } else {
            if let Some(ExprKind::Call(..)) = expr.map(|e| &e.kind) {
                if let Some((ts, u)) = expr
                    .and_then(self_call)
                    .and_then(|m| c.and_then(|c| c.tools_of.get(m)))
                {
                    return (ts.clone(), *u);
                }
            }
            if let Some(v) = value {
                let (ts, u) = self.ex.tools_of(v);
                tools.extend(ts);
                unknown |= u || matches!(v, Value::Unknown);
            }
        }
        tools.sort_unstable();
        tools.dedup();
        (tools, unknown)
    }

    /// A string argument or YAML field, with its placeholders.
    fn prompt_text(o_kw: Option<&Value>, yaml: Option<&Node>) -> Option<String> {
        match o_kw {
            Some(Value::Str(s, _)) => Some(s.to_string()),
            _ => yaml.and_then(|n| n.as_str()).map(String::from),
        }
    }

    // ---- agents ---------------------------------------------------------------------------

    /// The objects of CrewAI class `class` (`Agent`, `Task`) that method `f` constructs at its
    /// first such call site, with that call.
    fn constructed_in(&self, f: &FuncVal, class: &str) -> Option<(Vec<ObjId>, Option<&'a Expr>)> {
        let site = f.site(self.modules);
        let objs: Vec<ObjId> = self
            .objects_in(site)
            .into_iter()
            .filter(|&i| self.is_obj(i, class))
            .collect();
        let call_site = self.ev.objects[*objs.first()?].site;
        let objs = objs
            .into_iter()
            .filter(|&i| self.ev.objects[i].site == call_site)
            .collect();
        Some((objs, self.call_at(call_site)))
    }

    fn class_agents(&mut self, c: &mut CrewClass) {
        for f in c.agents.clone() {
            let Some((objs, call)) = self.constructed_in(&f, "Agent") else {
                continue;
            };
            let yaml = self.yaml_for(c, call, &f, false);
            let i = self.build_agent(Some(&*c), &objs, call, yaml, Some(f.def.name.clone()));
            c.agent_of.insert(f.def.name.clone(), i);
        }
    }

    fn plain_agents(&mut self) {
        let mut sites: Vec<Site> = vec![];
        for (i, o) in self.ev.objects.iter().enumerate() {
            if self.is_obj(i, "Agent") && !self.agent_at.contains_key(&o.site) {
                sites.push(o.site);
            }
        }
        sites.sort();
        sites.dedup();
        for site in sites {
            let objs = self.objs_at.get(&site).cloned().unwrap_or_default();
            let objs: Vec<ObjId> = objs
                .into_iter()
                .filter(|&i| self.is_obj(i, "Agent"))
                .collect();
            let call = self.call_at(site);
            self.build_agent(None, &objs, call, None, None);
        }
    }

    fn build_agent(
        &mut self,
        c: Option<&CrewClass>,
        objs: &[ObjId],
        call: Option<&'a Expr>,
        yaml: Option<(FileId, &'x Node, &'x Node, String)>,
        method: Option<String>,
    ) -> usize {
        let o = self.ev.objects[objs[0]].clone();
        let call_site = o.site;
        let ykw = |name: &str| -> Option<(Site, &'x Node)> {
            let (file, _, entry, _) = yaml.as_ref()?;
            yaml_entry(entry, name).map(|(k, v)| {
                (
                    Site {
                        file: *file,
                        span: k.span,
                    },
                    v,
                )
            })
        };
        let role = Self::prompt_text(o.kwarg("role"), ykw("role").map(|(_, v)| v));
        let mut text = String::new();
        for f in ["role", "goal", "backstory"] {
            if let Some(t) = Self::prompt_text(o.kwarg(f), ykw(f).map(|(_, v)| v)) {
                text.push_str(&t);
                text.push('\n');
            }
        }
        // Tools: the Python argument wins; else the YAML `tools:` names of `@tool` methods.
        let (mut tools, mut unknown) = (vec![], false);
        if o.kwarg("tools").is_some() {
            for &id in objs {
                let v = self.ev.objects[id].kwarg("tools").cloned();
                let (ts, u) =
                    self.tools_arg(c, call.and_then(|e| kwarg_expr(e, "tools")), v.as_ref());
                tools.extend(ts);
                unknown |= u;
            }
        } else if let Some((_, v)) = ykw("tools") {
            let file = yaml.as_ref().map(|y| y.0);
            for item in yaml_strings(v) {
                let name = item.as_str().unwrap_or_default();
                match c.and_then(|c| c.tools_of.get(name)) {
                    Some((ts, u)) => {
                        tools.extend(ts.iter().copied());
                        unknown |= *u;
                    }
                    None => {
                        if let (Some(c), Some(file)) = (c, file) {
                            let site = self.site_of_node(file, item);
                            self.notice(
                                site,
                                format!(
                                    "crewai: agent tool `{name}` names no `@tool` method of `{}` (CrewAI raises a KeyError when the crew is built)",
                                    c.name
                                ),
                            );
                        }
                        unknown = true;
                    }
                }
            }
        }
        let flag = |kw: &str| -> Option<Site> {
            match o.kwarg(kw) {
                Some(Value::Bool(true)) => Some(Site {
                    file: call_site.file,
                    span: o.kwarg_span(kw).unwrap_or(call_site.span),
                }),
                Some(_) => None,
                None => ykw(kw).filter(|(_, v)| yaml_true(v)).map(|(s, _)| s),
            }
        };
        let delegation = flag("allow_delegation");
        // Legacy code execution: a code interpreter in Docker, or on the host in unsafe mode.
        // Written in code, the interpreter is the agent the call builds, up to the flag that
        // gives it one (`Agent(` through `allow_code_execution=True`).
        if let Some(mut at) = flag("allow_code_execution") {
            if at.file == call_site.file
                && call_site.span.start <= at.span.start
                && at.span.end <= call_site.span.end
            {
                at.span.start = call_site.span.start;
            }
            let mode = match o.kwarg("code_execution_mode") {
                Some(Value::Str(s, _)) => Some(s.to_string()),
                _ => ykw("code_execution_mode").and_then(|(_, v)| v.as_str().map(String::from)),
            };
            let unsafe_mode = mode.as_deref() == Some("unsafe");
            let t = self.ex.synthetic_tool(
                "Code Interpreter",
                at,
                "crewai.Agent.allow_code_execution",
                &["code_exec"],
                !unsafe_mode,
            );
            tools.push(t);
        }
        // `CodeInterpreterTool(unsafe_mode=True)` runs on the host.
        for &t in &tools.clone() {
            let tool = &self.ex.tools()[t];
            let interpreter = matches!(&tool.origin,
                crate::extract::langgraph::ToolOrigin::Known(q) if q.ends_with("CodeInterpreterTool"));
            let unsafe_obj = interpreter
                && self.objs_at.get(&tool.site).is_some_and(|ids| {
                    ids.iter().any(|&i| {
                        matches!(
                            self.ev.objects[i].kwarg("unsafe_mode"),
                            Some(Value::Bool(true))
                        )
                    })
                });
            if unsafe_obj {
                self.ex.unsandbox(t);
            }
        }
        tools.sort_unstable();
        tools.dedup();
        let site = match &yaml {
            Some((file, key, _, _)) => Site {
                file: *file,
                span: key.span,
            },
            None => call_site,
        };
        let name = method
            .or_else(|| yaml.as_ref().map(|y| y.3.clone()))
            .or_else(|| role.as_ref().map(|r| r.trim().to_string()))
            .unwrap_or_else(|| {
                let l = self.db.location(call_site.file, call_site.span);
                format!("Agent at {}:{}", l.path, l.line)
            });
        let i = self.facts.agents.len();
        self.facts.agents.push(CrewAgent {
            name,
            role: role.map(|r| r.trim().to_string()),
            site,
            tools,
            unknown_tools: unknown,
            delegation,
            placeholders: placeholders(&text),
            class: c.map(|c| c.site),
        });
        for &id in objs {
            self.agent_at.insert(self.ev.objects[id].site, i);
        }
        self.agent_at.insert(call_site, i);
        i
    }

    // ---- tasks ----------------------------------------------------------------------------

    fn class_tasks(&mut self, c: &mut CrewClass) {
        for f in c.tasks.clone() {
            let Some((objs, call)) = self.constructed_in(&f, "Task") else {
                continue;
            };
            let yaml = self.yaml_for(c, call, &f, true);
            let i = self.build_task(Some(&*c), &objs, call, yaml, Some(f.def.name.clone()));
            c.task_of.insert(f.def.name.clone(), i);
        }
        // `context:` in YAML names task methods, possibly defined later: resolve now.
        for f in c.tasks.clone() {
            let Some(&ti) = c.task_of.get(&f.def.name) else {
                continue;
            };
            let site = f.site(self.modules);
            let call = self
                .objects_in(site)
                .into_iter()
                .find(|&i| self.is_obj(i, "Task"))
                .and_then(|i| self.call_at(self.ev.objects[i].site));
            let has_py_context = call.and_then(|e| kwarg_expr(e, "context")).is_some();
            if let Some(ctx) = call.and_then(|e| kwarg_expr(e, "context")) {
                // `context=[self.research_task()]`
                if let ExprKind::List(xs) | ExprKind::Tuple(xs) = &ctx.kind {
                    let file = self.modules[c.module].file;
                    let mut out = vec![];
                    for x in xs {
                        if let Some(t) = self_call(x).and_then(|m| c.task_of.get(m)) {
                            out.push((*t, Site { file, span: x.span }));
                        }
                    }
                    if !out.is_empty() {
                        self.facts.tasks[ti].context = Some(out);
                    }
                }
            }
            if has_py_context {
                continue;
            }
            let yaml = self.yaml_for_quiet(c, call, &f);
            if let Some((file, entry)) = yaml {
                if let Some((_, v)) = yaml_entry(entry, "context") {
                    let mut out = vec![];
                    for item in yaml_strings(v) {
                        let name = item.as_str().unwrap_or_default();
                        let site = self.site_of_node(file, item);
                        match c.task_of.get(name) {
                            Some(&t) => out.push((t, site)),
                            None => self.notice(
                                site,
                                format!(
                                    "crewai: task `{}` takes context from `{name}`, which is no `@task` method of `{}` (CrewAI raises a KeyError when the crew is built)",
                                    f.def.name, c.name
                                ),
                            ),
                        }
                    }
                    self.facts.tasks[ti].context = Some(out);
                }
            }
        }
    }

    /// Like `yaml_for`, without notices (the first pass reported them).
    fn yaml_for_quiet(
        &self,
        c: &CrewClass,
        call: Option<&Expr>,
        method: &FuncVal,
    ) -> Option<(FileId, &'x Node)> {
        let config = call.and_then(|e| kwarg_expr(e, "config"))?;
        let key = match config_key(config) {
            Some((_, k)) => k.to_string(),
            None => method.def.name.clone(),
        };
        let (path, _) = c.tasks_yaml.clone()?;
        let (file, root) = self.yaml_root(&path)?;
        yaml_entry(root, &key).map(|(_, v)| (file, v))
    }

    fn plain_tasks(&mut self) {
        let mut sites: Vec<Site> = vec![];
        for (i, o) in self.ev.objects.iter().enumerate() {
            if self.is_obj(i, "Task") && !self.task_at.contains_key(&o.site) {
                sites.push(o.site);
            }
        }
        sites.sort();
        sites.dedup();
        for site in &sites {
            let objs = self.objs_at.get(site).cloned().unwrap_or_default();
            let objs: Vec<ObjId> = objs
                .into_iter()
                .filter(|&i| self.is_obj(i, "Task"))
                .collect();
            let call = self.call_at(*site);
            self.build_task(None, &objs, call, None, None);
        }
        // Python `context=[t1, t2]` between plain tasks.
        for site in sites {
            let Some(&ti) = self.task_at.get(&site) else {
                continue;
            };
            let objs = self.objs_at.get(&site).cloned().unwrap_or_default();
            let mut out = vec![];
            let mut given = false;
            for id in objs {
                let o = &self.ev.objects[id];
                let Some(v) = o.kwarg("context") else {
                    continue;
                };
                given = true;
                let at = Site {
                    file: site.file,
                    span: o.kwarg_span("context").unwrap_or(site.span),
                };
                for x in crate::extract::interp::iter_elements(v).unwrap_or_default() {
                    for alt in x.alternatives() {
                        if let Value::Obj(t) = alt {
                            if let Some(&tj) = self.task_at.get(&self.ev.objects[*t].site) {
                                out.push((tj, at));
                            }
                        }
                    }
                }
            }
            if given {
                out.sort();
                out.dedup();
                self.facts.tasks[ti].context = Some(out);
            }
        }
    }

    fn build_task(
        &mut self,
        c: Option<&CrewClass>,
        objs: &[ObjId],
        call: Option<&'a Expr>,
        yaml: Option<(FileId, &'x Node, &'x Node, String)>,
        method: Option<String>,
    ) -> usize {
        let o = self.ev.objects[objs[0]].clone();
        let call_site = o.site;
        let ykw = |name: &str| -> Option<(Site, &'x Node)> {
            let (file, _, entry, _) = yaml.as_ref()?;
            yaml_entry(entry, name).map(|(k, v)| {
                (
                    Site {
                        file: *file,
                        span: k.span,
                    },
                    v,
                )
            })
        };
        let mut text = String::new();
        for f in ["description", "expected_output"] {
            if let Some(t) = Self::prompt_text(o.kwarg(f), ykw(f).map(|(_, v)| v)) {
                text.push_str(&t);
                text.push('\n');
            }
        }
        // The agent: `agent=self.researcher()`, an `Agent` value, or YAML `agent: researcher`.
        let mut agent = None;
        if let Some(e) = call.and_then(|e| kwarg_expr(e, "agent")) {
            if let Some(m) = self_call(e) {
                agent = c.and_then(|c| c.agent_of.get(m)).copied();
            }
        }
        if agent.is_none() {
            for &id in objs {
                if let Some(v) = self.ev.objects[id].kwarg("agent") {
                    for alt in v.alternatives() {
                        if let Value::Obj(a) = alt {
                            if let Some(&ai) = self.agent_at.get(&self.ev.objects[*a].site) {
                                agent = Some(ai);
                            }
                        }
                    }
                }
            }
        }
        if agent.is_none() && o.kwarg("agent").is_none() {
            if let (Some((_, v)), Some(c), Some(y)) = (ykw("agent"), c, yaml.as_ref()) {
                if let Some(name) = v.as_str() {
                    match c.agent_of.get(name) {
                        Some(&a) => agent = Some(a),
                        None => {
                            let site = self.site_of_node(y.0, v);
                            self.notice(
                                site,
                                format!(
                                    "crewai: task `{}` names agent `{name}`, but `{}` has no `@agent` method of that name (CrewAI raises a KeyError when the crew is built)",
                                    y.3, c.name
                                ),
                            );
                        }
                    }
                }
            }
        }
        // Task tools override the agent's for this task.
        let (mut tools, mut unknown) = (vec![], false);
        if o.kwarg("tools").is_some() {
            for &id in objs {
                let v = self.ev.objects[id].kwarg("tools").cloned();
                let (ts, u) =
                    self.tools_arg(c, call.and_then(|e| kwarg_expr(e, "tools")), v.as_ref());
                tools.extend(ts);
                unknown |= u;
            }
        } else if let (Some((_, v)), Some(y)) = (ykw("tools"), yaml.as_ref()) {
            for item in yaml_strings(v) {
                let name = item.as_str().unwrap_or_default();
                match c.and_then(|c| c.tools_of.get(name)) {
                    Some((ts, u)) => {
                        tools.extend(ts.iter().copied());
                        unknown |= *u;
                    }
                    None => {
                        if let Some(c) = c {
                            let site = self.site_of_node(y.0, item);
                            self.notice(
                                site,
                                format!(
                                    "crewai: task tool `{name}` names no `@tool` method of `{}` (CrewAI raises a KeyError when the crew is built)",
                                    c.name
                                ),
                            );
                        }
                        unknown = true;
                    }
                }
            }
        }
        tools.sort_unstable();
        tools.dedup();
        let human_input = match o.kwarg("human_input") {
            Some(Value::Bool(true)) => Some(Site {
                file: call_site.file,
                span: o.kwarg_span("human_input").unwrap_or(call_site.span),
            }),
            Some(_) => None,
            None => ykw("human_input")
                .filter(|(_, v)| yaml_true(v))
                .map(|(s, _)| s),
        };
        let site = match &yaml {
            Some((file, key, _, _)) => Site {
                file: *file,
                span: key.span,
            },
            None => call_site,
        };
        let name = method
            .or_else(|| yaml.as_ref().map(|y| y.3.clone()))
            .or_else(|| o.kwarg("name").and_then(|v| v.as_str()).map(String::from))
            .or_else(|| {
                // The start of the description: what a reader recognises the task by.
                let d = Self::prompt_text(o.kwarg("description"), None)?;
                let d = d.split_whitespace().collect::<Vec<_>>().join(" ");
                let short: String = d.chars().take(40).collect();
                Some(if short.len() < d.len() {
                    format!("{}…", short.trim_end())
                } else {
                    short
                })
            })
            .unwrap_or_else(|| {
                let l = self.db.location(call_site.file, call_site.span);
                format!("Task at {}:{}", l.path, l.line)
            });
        let i = self.facts.tasks.len();
        self.facts.tasks.push(CrewTask {
            name,
            site,
            agent,
            context: None,
            tools,
            unknown_tools: unknown,
            human_input,
            placeholders: placeholders(&text),
        });
        for &id in objs {
            self.task_at.insert(self.ev.objects[id].site, i);
        }
        self.task_at.insert(call_site, i);
        i
    }

    // ---- crews ----------------------------------------------------------------------------

    fn class_crews(&mut self, c: &CrewClass) {
        for f in &c.crews {
            let site = f.site(self.modules);
            let ids: Vec<ObjId> = self
                .objects_in(site)
                .into_iter()
                .filter(|&i| self.is_obj(i, "Crew"))
                .collect();
            let mut sites: Vec<Site> = ids.iter().map(|&i| self.ev.objects[i].site).collect();
            sites.sort();
            sites.dedup();
            for s in sites {
                self.build_crew(Some(c), s);
            }
        }
    }

    fn plain_crews(&mut self) {
        let done: BTreeSet<Site> = self.facts.crews.iter().map(|c| c.site).collect();
        let mut sites: Vec<Site> = vec![];
        for (i, o) in self.ev.objects.iter().enumerate() {
            if self.is_obj(i, "Crew") && !done.contains(&o.site) {
                sites.push(o.site);
            }
        }
        sites.sort();
        sites.dedup();
        for s in sites {
            self.build_crew(None, s);
        }
    }

    fn build_crew(&mut self, c: Option<&CrewClass>, site: Site) {
        let ids: Vec<ObjId> = self
            .objs_at
            .get(&site)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|&i| self.is_obj(i, "Crew"))
            .collect();
        let Some(&first) = ids.first() else { return };
        let o = self.ev.objects[first].clone();
        let call = self.call_at(site);
        let mut agents = vec![];
        let mut tasks = vec![];
        let list_of = |this: &Self, kw: &str, agents: bool| -> Vec<usize> {
            let mut out = vec![];
            if let (Some(e), Some(c)) = (call.and_then(|e| kwarg_expr(e, kw)), c) {
                if self_attr(e) == Some(kw) {
                    // `self.agents` / `self.tasks`: every decorated method, in order.
                    let methods = if agents { &c.agents } else { &c.tasks };
                    let of = if agents { &c.agent_of } else { &c.task_of };
                    return methods
                        .iter()
                        .filter_map(|m| of.get(&m.def.name).copied())
                        .collect();
                }
                if let ExprKind::List(xs) = &e.kind {
                    for x in xs {
                        if let Some(i) = self_call(x).and_then(|m| {
                            if agents {
                                c.agent_of.get(m)
                            } else {
                                c.task_of.get(m)
                            }
                        }) {
                            out.push(*i);
                        }
                    }
                }
            }
            for &id in &ids {
                let Some(v) = this.ev.objects[id].kwarg(kw) else {
                    continue;
                };
                for x in crate::extract::interp::iter_elements(v).unwrap_or_default() {
                    for alt in x.alternatives() {
                        if let Value::Obj(t) = alt {
                            let s = this.ev.objects[*t].site;
                            let hit = if agents {
                                this.agent_at.get(&s)
                            } else {
                                this.task_at.get(&s)
                            };
                            if let Some(&i) = hit {
                                if !out.contains(&i) {
                                    out.push(i);
                                }
                            }
                        }
                    }
                }
            }
            out
        };
        agents.extend(list_of(self, "agents", true));
        tasks.extend(list_of(self, "tasks", false));
        // Agents of the tasks take part too (CrewBase collects them the same way).
        for &t in &tasks {
            if let Some(a) = self.facts.tasks[t].agent {
                if !agents.contains(&a) {
                    agents.push(a);
                }
            }
        }
        let hierarchical = o.kwarg("process").is_some_and(|v| {
            v.alternatives().iter().any(|a| match a {
                Value::Ext(q) => q.ends_with(".hierarchical"),
                Value::Str(s, _) => &**s == "hierarchical",
                _ => false,
            })
        });
        let process_site = Site {
            file: site.file,
            span: o.kwarg_span("process").unwrap_or(site.span),
        };
        // A custom manager is not a worker.
        if let Some(Value::Obj(m)) = o.kwarg("manager_agent") {
            if let Some(&mi) = self.agent_at.get(&self.ev.objects[*m].site) {
                agents.retain(|&a| a != mi);
            }
        }
        let mut kickoffs = vec![];
        for &id in &ids {
            for call in &self.ev.objects[id].calls {
                if !matches!(
                    call.method.as_str(),
                    "kickoff"
                        | "kickoff_async"
                        | "akickoff"
                        | "kickoff_for_each"
                        | "kickoff_for_each_async"
                ) {
                    continue;
                }
                let inputs = call
                    .kwargs
                    .iter()
                    .rev()
                    .find(|(k, _)| k == "inputs")
                    .map(|(_, v)| v)
                    .or(call.args.first());
                let has_inputs = inputs.is_some_and(|v| !matches!(v, Value::None));
                let keys = match inputs {
                    Some(Value::Dict(items)) => Some(
                        items
                            .iter()
                            .filter_map(|(k, _)| k.as_str().map(String::from))
                            .collect(),
                    ),
                    _ => None,
                };
                if kickoffs.iter().any(|k: &Kickoff| k.site == call.site) {
                    continue;
                }
                kickoffs.push(Kickoff {
                    site: call.site,
                    has_inputs,
                    keys,
                    user: self.ex.is_user_context(call.site),
                });
            }
        }
        kickoffs.sort_by_key(|k| k.site);
        // A CrewBase class's name, else the function that builds the crew, else the place.
        let enclosing = self
            .ev
            .funcs
            .iter()
            .filter(|(fs, _)| within(site, **fs))
            .min_by_key(|(fs, _)| fs.span.end - fs.span.start)
            .map(|(_, f)| f.def.name.clone());
        let name = match (c, enclosing) {
            (Some(c), _) => c.name.clone(),
            (None, Some(f)) => format!("{f}()"),
            (None, None) => {
                let l = self.db.location(site.file, site.span);
                format!("Crew at {}:{}", l.path, l.line)
            }
        };
        self.facts.crews.push(Crew {
            name,
            site,
            agents,
            tasks,
            process: if hierarchical {
                Process::Hierarchical
            } else {
                Process::Sequential
            },
            process_site,
            kickoffs,
        });
    }

    // ---- flows ----------------------------------------------------------------------------

    fn flows(&mut self) {
        let classes: Vec<(Site, crate::extract::interp::ClassVal)> = self
            .ev
            .classes
            .iter()
            .map(|(s, c)| (*s, c.clone()))
            .collect();
        for (csite, c) in classes {
            let is_flow = c.bases.iter().any(|b| {
                b.alternatives()
                    .iter()
                    .any(|a| matches!(a, Value::Ext(q) if is_crewai(q, "Flow")))
            });
            if !is_flow {
                continue;
            }
            let mut steps = vec![];
            for f in self.methods(&c.def, c.module) {
                let fsite = f.site(self.modules);
                let start = self.decorated(&f, "start");
                let listen = self.decorated(&f, "listen");
                let router = self.decorated(&f, "router");
                if start.is_none() && listen.is_none() && router.is_none() {
                    continue;
                }
                let mut triggers = vec![];
                for (at, last) in [(start, "start"), (listen, "listen"), (router, "router")] {
                    let Some(at) = at else { continue };
                    if let Some(id) = self.decorator_obj(at, last) {
                        let args = self.ev.objects[id].args.clone();
                        for a in &args {
                            self.triggers_of(a, at, &mut triggers, 0);
                        }
                    }
                }
                let labels = if router.is_some() {
                    returned_labels(&f.def)
                } else {
                    Some(vec![])
                };
                let feedback = self.decorated(&f, "human_feedback").map(|at| {
                    let emits = self
                        .decorator_obj(at, "human_feedback")
                        .and_then(|id| self.ev.objects[id].kwarg("emit").cloned())
                        .map(|v| {
                            crate::extract::interp::iter_elements(&v)
                                .unwrap_or_default()
                                .iter()
                                .filter_map(|x| x.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    (at, emits)
                });
                let trigger_payload = f
                    .def
                    .params
                    .iter()
                    .find(|p| p.name == "crewai_trigger_payload")
                    .map(|p| Site {
                        file: fsite.file,
                        span: p.span,
                    });
                let mut kicks = vec![];
                for (ci, crew) in self.facts.crews.iter().enumerate() {
                    for (ki, k) in crew.kickoffs.iter().enumerate() {
                        if within(k.site, fsite) {
                            kicks.push((ci, ki));
                        }
                    }
                }
                steps.push(FlowStep {
                    name: f.def.name.clone(),
                    site: Site {
                        file: fsite.file,
                        span: f.def.name_span,
                    },
                    func: f.clone(),
                    start: start.is_some(),
                    triggers,
                    router: router.is_some(),
                    labels,
                    feedback,
                    trigger_payload,
                    kicks,
                });
            }
            // `flow.kickoff(...)` on an instance, from a handler or with console input.
            let mut user_entries = vec![];
            for o in &self.ev.objects {
                let ObjKind::Instance(ic) = &o.kind else {
                    continue;
                };
                if !Arc::ptr_eq(&ic.def, &c.def) {
                    continue;
                }
                for call in &o.calls {
                    if matches!(
                        call.method.as_str(),
                        "kickoff" | "kickoff_async" | "akickoff"
                    ) && self.ex.is_user_context(call.site)
                    {
                        user_entries.push(call.site);
                    }
                }
            }
            user_entries.sort();
            user_entries.dedup();
            self.facts.flows.push(Flow {
                name: c.def.name.clone(),
                site: Site {
                    file: csite.file,
                    span: c.def.name_span,
                },
                steps,
                user_entries,
            });
        }
    }

    /// Triggers of a `@listen`/`@router`/`@start` argument: methods, strings, `or_`/`and_`.
    fn triggers_of(&self, v: &Value, at: Site, out: &mut Vec<Trigger>, depth: usize) {
        if depth > 16 {
            return;
        }
        for alt in v.alternatives() {
            match alt {
                Value::Func(f) => out.push(Trigger::Method(f.def.name.clone(), at)),
                Value::Str(s, site) => out.push(Trigger::Label(s.to_string(), *site)),
                Value::Obj(id) if self.is_obj(*id, "or_") || self.is_obj(*id, "and_") => {
                    for a in &self.ev.objects[*id].args {
                        self.triggers_of(a, at, out, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    // ---- hooks ----------------------------------------------------------------------------

    fn hooks(&mut self, classes: &[CrewClass]) {
        let mut found: Vec<(FuncVal, Option<Site>, Site)> = vec![];
        for f in self.ev.funcs.values() {
            if let Some(at) = self.decorated(f, "before_tool_call") {
                found.push((
                    f.clone(),
                    self.decorator_obj(at, "before_tool_call").map(|_| at),
                    at,
                ));
            }
        }
        // `register_before_tool_call_hook(fn)`.
        for (i, o) in self.ev.objects.iter().enumerate() {
            if self.is_obj(i, "register_before_tool_call_hook") {
                if let Some(Value::Func(f)) = o.args.first() {
                    found.push((f.clone(), None, o.site));
                }
            }
        }
        found.sort_by_key(|(_, _, s)| *s);
        found.dedup_by_key(|(_, _, s)| *s);
        for (f, dec, at) in found {
            let module = f.module;
            let mut tools: Option<Vec<(String, Site)>> = None;
            let mut agents: Option<Vec<String>> = None;
            if let Some(id) = dec.and_then(|d| self.decorator_obj(d, "before_tool_call")) {
                let o = &self.ev.objects[id];
                if let Some(v) = o.kwarg("tools") {
                    tools = Some(
                        crate::extract::interp::iter_elements(v)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|x| match x {
                                Value::Str(s, site) => Some((sanitize_tool_name(s), *site)),
                                _ => None,
                            })
                            .collect(),
                    );
                }
                if let Some(v) = o.kwarg("agents") {
                    agents = Some(
                        crate::extract::interp::iter_elements(v)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|x| x.as_str().map(|s| s.trim().to_string()))
                            .collect(),
                    );
                }
            }
            // A filter written in the body: `if context.tool_name == "send_email": ...`.
            if tools.is_none() {
                let named = self.compared_tool_names(&f, module);
                if !named.is_empty() {
                    tools = Some(named);
                }
            }
            let fsite = f.site(self.modules);
            let class = classes
                .iter()
                .find(|c| {
                    within(
                        fsite,
                        Site {
                            file: c.site.file,
                            span: c.def.span,
                        },
                    )
                })
                .map(|c| c.site);
            self.facts.hooks.push(ToolHook {
                site: at,
                name: f.def.name.clone(),
                tools,
                agents,
                blocks: can_return_false(&f.def),
                class,
            });
        }
    }

    /// String literals a hook compares `tool_name` with (directly or through a module constant),
    /// as written: CrewAI passes the sanitised name, so only a sanitised literal can match.
    fn compared_tool_names(&self, f: &FuncVal, module: usize) -> Vec<(String, Site)> {
        let file = self.modules[module].file;
        let mut out = vec![];
        let mut exprs: Vec<&Expr> = vec![];
        crate::syntax::python::visit_stmts(&f.def.body, &mut |s| exprs.extend(s.exprs()));
        while let Some(e) = exprs.pop() {
            if let ExprKind::Compare(xs, _) = &e.kind {
                let mentions = xs
                    .iter()
                    .any(|x| matches!(&x.kind, ExprKind::Attr(_, a) if a == "tool_name"));
                if mentions {
                    for x in xs {
                        match &x.kind {
                            ExprKind::Str(s) => out.push((s.clone(), Site { file, span: x.span })),
                            ExprKind::List(ys) | ExprKind::Tuple(ys) | ExprKind::Set(ys) => {
                                for y in ys {
                                    if let ExprKind::Str(s) = &y.kind {
                                        out.push((s.clone(), Site { file, span: y.span }));
                                    }
                                }
                            }
                            ExprKind::Name(n) => {
                                if let Some(v) =
                                    self.ev.globals.get(module).and_then(|g| g.get(n.as_str()))
                                {
                                    for y in
                                        crate::extract::interp::iter_elements(v).unwrap_or_default()
                                    {
                                        if let Value::Str(s, site) = y {
                                            out.push((s.to_string(), site));
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            push_children(e, &mut exprs);
        }
        out
    }

    // ---- routes ---------------------------------------------------------------------------

    fn routes(&mut self) {
        let mut routes: Vec<Route> = vec![];
        let f = &self.facts;
        let mut seen: BTreeSet<(Endpoint, Endpoint, RouteKind)> = BTreeSet::new();
        let mut push = |r: Route, routes: &mut Vec<Route>| {
            if r.from != r.to && seen.insert((r.from, r.to, r.kind)) {
                routes.push(r);
            }
        };
        for (ci, crew) in f.crews.iter().enumerate() {
            // Task outputs: explicit context, else (sequential) every earlier task.
            for (j, &tj) in crew.tasks.iter().enumerate() {
                let task = &f.tasks[tj];
                let Some(b) = task.agent else { continue };
                match &task.context {
                    Some(list) => {
                        for &(ti, at) in list {
                            let Some(a) = f.tasks[ti].agent else { continue };
                            push(
                                Route {
                                    from: Endpoint::Agent(a),
                                    to: Endpoint::Agent(b),
                                    kind: RouteKind::TaskContext,
                                    site: at,
                                    label: format!(
                                        "the output of task `{}` is the context of task `{}`",
                                        f.tasks[ti].name, task.name
                                    ),
                                    gate: None,
                                },
                                &mut routes,
                            );
                        }
                    }
                    None if crew.process == Process::Sequential => {
                        for &ti in crew.tasks[..j].iter().rev() {
                            let Some(a) = f.tasks[ti].agent else { continue };
                            push(
                                Route {
                                    from: Endpoint::Agent(a),
                                    to: Endpoint::Agent(b),
                                    kind: RouteKind::Sequential,
                                    site: task.site,
                                    label: format!(
                                        "task `{}` runs after `{}` and receives its output (sequential process)",
                                        task.name, f.tasks[ti].name
                                    ),
                                    gate: None,
                                },
                                &mut routes,
                            );
                        }
                    }
                    None => {}
                }
            }
            if crew.process == Process::Hierarchical {
                for &a in &crew.agents {
                    push(
                        Route {
                            from: Endpoint::Manager(ci),
                            to: Endpoint::Agent(a),
                            kind: RouteKind::Delegation,
                            site: crew.process_site,
                            label: format!(
                                "the manager of crew `{}` delegates work to agent `{}` (hierarchical process)",
                                crew.name, f.agents[a].name
                            ),
                            gate: None,
                        },
                        &mut routes,
                    );
                    push(
                        Route {
                            from: Endpoint::Agent(a),
                            to: Endpoint::Manager(ci),
                            kind: RouteKind::Answer,
                            site: crew.process_site,
                            label: format!(
                                "agent `{}` reports back to the manager of crew `{}`",
                                f.agents[a].name, crew.name
                            ),
                            gate: None,
                        },
                        &mut routes,
                    );
                }
            }
            for &a in &crew.agents {
                let Some(at) = f.agents[a].delegation else {
                    continue;
                };
                for &b in &crew.agents {
                    if a == b {
                        continue;
                    }
                    push(
                        Route {
                            from: Endpoint::Agent(a),
                            to: Endpoint::Agent(b),
                            kind: RouteKind::Delegation,
                            site: at,
                            label: format!(
                                "agent `{}` can delegate work to agent `{}` (allow_delegation)",
                                f.agents[a].name, f.agents[b].name
                            ),
                            gate: None,
                        },
                        &mut routes,
                    );
                    push(
                        Route {
                            from: Endpoint::Agent(b),
                            to: Endpoint::Agent(a),
                            kind: RouteKind::Answer,
                            site: at,
                            label: format!(
                                "agent `{}` answers agent `{}`'s delegated questions (allow_delegation)",
                                f.agents[b].name, f.agents[a].name
                            ),
                            gate: None,
                        },
                        &mut routes,
                    );
                }
            }
        }
        // Flows: steps to steps, steps to the crews they kick off and back.
        for (fi, flow) in f.flows.iter().enumerate() {
            for (si, step) in flow.steps.iter().enumerate() {
                for t in &step.triggers {
                    let (name, at) = match t {
                        Trigger::Method(n, at) | Trigger::Label(n, at) => (n, *at),
                    };
                    // A method of that name, else a label some router or feedback step emits.
                    if let Some(src) = flow.steps.iter().position(|s| &s.name == name) {
                        push(
                            Route {
                                from: Endpoint::Step {
                                    flow: fi,
                                    step: src,
                                },
                                to: Endpoint::Step { flow: fi, step: si },
                                kind: RouteKind::Listen,
                                site: at,
                                label: format!(
                                    "flow step `{}` listens to `{}`",
                                    step.name, flow.steps[src].name
                                ),
                                gate: None,
                            },
                            &mut routes,
                        );
                        continue;
                    }
                    for (src, s) in flow.steps.iter().enumerate() {
                        let routed = s.router
                            && s.labels
                                .as_ref()
                                .is_none_or(|ls| ls.iter().any(|l| l == name));
                        let feedback = s
                            .feedback
                            .as_ref()
                            .filter(|(_, emits)| emits.iter().any(|l| l == name))
                            .map(|(site, _)| *site);
                        if !routed && feedback.is_none() {
                            continue;
                        }
                        push(
                            Route {
                                from: Endpoint::Step {
                                    flow: fi,
                                    step: src,
                                },
                                to: Endpoint::Step { flow: fi, step: si },
                                kind: RouteKind::Router,
                                site: at,
                                label: format!(
                                    "flow step `{}` runs on the `{name}` outcome of `{}`",
                                    step.name, s.name
                                ),
                                gate: if routed { None } else { feedback },
                            },
                            &mut routes,
                        );
                    }
                }
                for &(ci, ki) in &step.kicks {
                    let crew = &f.crews[ci];
                    let k = &crew.kickoffs[ki];
                    let from = Endpoint::Step { flow: fi, step: si };
                    for (to, why) in kickoff_targets(f, ci, k) {
                        push(
                            Route {
                                from,
                                to,
                                kind: RouteKind::Kickoff,
                                site: k.site,
                                label: format!(
                                    "flow step `{}` kicks off crew `{}`; its inputs fill {why}",
                                    step.name, crew.name
                                ),
                                gate: None,
                            },
                            &mut routes,
                        );
                    }
                    for &a in &crew.agents {
                        push(
                            Route {
                                from: Endpoint::Agent(a),
                                to: from,
                                kind: RouteKind::Result,
                                site: k.site,
                                label: format!(
                                    "the result of crew `{}` returns to flow step `{}`",
                                    crew.name, step.name
                                ),
                                gate: None,
                            },
                            &mut routes,
                        );
                    }
                }
            }
        }
        routes.sort_by_key(|a| (a.from, a.to, a.kind, a.site));
        self.facts.routes = routes;
    }
}

/// String labels a router method returns; `None` when some return is computed.
fn returned_labels(def: &FuncDef) -> Option<Vec<String>> {
    let mut out = BTreeSet::new();
    let mut computed = false;
    crate::syntax::python::visit_stmts(&def.body, &mut |s| {
        if let StmtKind::Return(Some(e)) = &s.kind {
            let mut stack = vec![e];
            while let Some(e) = stack.pop() {
                match &e.kind {
                    ExprKind::Str(s) => {
                        out.insert(s.clone());
                    }
                    ExprKind::IfExp(_, a, b) => {
                        stack.push(a);
                        stack.push(b);
                    }
                    ExprKind::None => {}
                    _ => computed = true,
                }
            }
        }
    });
    if computed {
        None
    } else {
        Some(out.into_iter().collect())
    }
}

/// Whether a hook can return False (or a condition that can be false): CrewAI then blocks the
/// tool call.
fn can_return_false(def: &FuncDef) -> bool {
    let mut found = false;
    crate::syntax::python::visit_stmts(&def.body, &mut |s| {
        if let StmtKind::Return(Some(e)) = &s.kind {
            let mut stack = vec![e];
            while let Some(e) = stack.pop() {
                match &e.kind {
                    ExprKind::Bool(false) | ExprKind::Not(_) | ExprKind::Compare(..) => {
                        found = true
                    }
                    ExprKind::IfExp(_, a, b) => {
                        stack.push(a);
                        stack.push(b);
                    }
                    _ => {}
                }
            }
        }
    });
    found
}

/// The CrewAI adapter (`extract::adapters`): agents, tasks, crews, flows and hooks from the
/// evaluated program and the crews' YAML.
pub struct Adapter;

impl crate::extract::adapters::Adapter for Adapter {
    fn name(&self) -> &'static str {
        "crewai"
    }

    fn yaml_keys(&self) -> &'static [&'static str] {
        &["role", "goal", "description", "expected_output"]
    }

    fn extract<'a>(
        &self,
        p: &crate::extract::adapters::Project<'a>,
        tools: &mut ToolTable<'a>,
        ext: &mut crate::extract::adapters::Extensions,
        notices: &mut Vec<Notice>,
    ) {
        ext.crew = CrewExtractor::new(tools, p.db, p.yaml_files, notices).run();
    }

    fn agents(
        &self,
        facts: &crate::extract::adapters::Extracted,
        out: &mut Vec<crate::facts::Agent>,
    ) {
        out.extend((0..facts.crew.agents.len()).map(|a| facts.crew.neutral_agent(a, &facts.tools)));
    }

    fn dump(
        &self,
        p: &crate::extract::adapters::Project,
        facts: &crate::extract::adapters::Extracted,
    ) -> String {
        debug_crew(&facts.crew, &facts.tools, p.db)
    }
}

/// CrewAI's facts in a plain form, for `AIRLOCK_DEBUG_FACTS`.
fn debug_crew(crew: &CrewFacts, table: &[crate::facts::Tool], db: &SourceDb) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let line = |s: crate::extract::interp::Site| {
        let l = db.location(s.file, s.span);
        format!("{}:{}", l.path, l.line)
    };
    for a in &crew.agents {
        let tools: Vec<&str> = a.tools.iter().map(|&t| table[t].name.as_str()).collect();
        let _ = writeln!(
            out,
            "crewai agent {} at {} tools {tools:?}{} delegation {} placeholders {:?}",
            a.name,
            line(a.site),
            if a.unknown_tools { "+?" } else { "" },
            a.delegation.is_some(),
            a.placeholders
        );
    }
    for t in &crew.tasks {
        let _ = writeln!(
            out,
            "crewai task {} at {} agent {:?} context {:?} human_input {}",
            t.name,
            line(t.site),
            t.agent.map(|a| crew.agents[a].name.as_str()),
            t.context.as_ref().map(|c| c
                .iter()
                .map(|(t, _)| crew.tasks[*t].name.as_str())
                .collect::<Vec<_>>()),
            t.human_input.is_some()
        );
    }
    for c in &crew.crews {
        let _ = writeln!(
            out,
            "crewai crew {} {:?} agents {:?} tasks {:?} kickoffs {}",
            c.name,
            c.process,
            c.agents
                .iter()
                .map(|&a| crew.agents[a].name.as_str())
                .collect::<Vec<_>>(),
            c.tasks
                .iter()
                .map(|&t| crew.tasks[t].name.as_str())
                .collect::<Vec<_>>(),
            c.kickoffs.len()
        );
    }
    for f in &crew.flows {
        let steps: Vec<&str> = f.steps.iter().map(|s| s.name.as_str()).collect();
        let _ = writeln!(
            out,
            "crewai flow {} steps {steps:?} user {}",
            f.name,
            f.user_entries.len()
        );
    }
    for h in &crew.hooks {
        let _ = writeln!(
            out,
            "crewai hook {} at {} tools {:?} blocks {}",
            h.name,
            line(h.site),
            h.tools
                .as_ref()
                .map(|t| t.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>()),
            h.blocks
        );
    }
    for r in &crew.routes {
        let _ = writeln!(
            out,
            "crewai route {} -> {} {} at {}",
            crew.endpoint_label(r.from),
            crew.endpoint_label(r.to),
            r.kind.as_str(),
            line(r.site)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_names_are_sanitised_like_crewai() {
        assert_eq!(
            sanitize_tool_name("Send Slack message"),
            "send_slack_message"
        );
        assert_eq!(sanitize_tool_name("send_email"), "send_email");
        assert_eq!(sanitize_tool_name("SendEmailTool"), "send_email_tool");
        assert_eq!(
            sanitize_tool_name("Read website content"),
            "read_website_content"
        );
        assert_eq!(sanitize_tool_name("HTTPRequest"), "http_request");
        assert_eq!(sanitize_tool_name("  --a--b  "), "a_b");
    }

    #[test]
    fn placeholders_are_identifiers_in_braces() {
        let p = placeholders("{topic} Senior Researcher on {topic} in {year}; {{x}} {1a} {}");
        let v: Vec<&str> = p.iter().map(|s| s.as_str()).collect();
        assert_eq!(v, vec!["topic", "x", "year"]);
        assert!(placeholders("{").is_empty());
        assert!(placeholders("{abc").is_empty());
    }
}

//! An abstract interpreter over the Python IR of the whole project.
//!
//! It evaluates module bodies (and, once, every function body) to abstract values, following
//! imports across files, module constants, list arithmetic (`a + b`, `[*a, x]`), comprehensions
//! over known collections, dict registries, loops over literal collections, and calls into the
//! project's own functions and classes (factories, helpers, methods) up to a fixed call depth.
//! Objects are abstracted by allocation site: evaluating the same call twice yields the same
//! object, so memory is bounded by the program's size and graphs built inside factories are seen
//! once. Every call site records the callee it resolved to, which later stages read to find
//! sinks, sources, gates and builder operations. Work is bounded by a fuel counter.

use crate::bounds::{Bound, Cuts};
use crate::hash::{HashMap, HashSet};
use crate::knowledge::glob_match;
use crate::model::{FileId, Span};
use crate::syntax::python::push_children;
use crate::syntax::python::{
    Arg, ClassDef, CompKind, DictItem, Expr, ExprKind, FuncDef, ParamKind, PyModule, Stmt,
    StmtKind, Target,
};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::Arc;

const MAX_CALL_DEPTH: u32 = Bound::CallDepth.limit() as u32;
/// How many cut calls may be read again from the top of the depth at once.
const MAX_RESTARTS: u32 = 1;
const MAX_UNION: usize = Bound::UnionWidth.limit();
const MAX_UNROLL: usize = Bound::LoopUnroll.limit();

thread_local! {
    /// How many unions grew past `MAX_UNION` on this thread. `Value::union` has no interpreter
    /// to tell; the interpreter compares it before and after each statement and records the cut
    /// at that statement (see `Interp::block`).
    static UNION_CUTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn union_cuts() -> u64 {
    UNION_CUTS.with(|c| c.get())
}
const FUEL: u64 = 4_000_000;

mod memo;

pub use crate::facts::Site;

pub type ObjId = usize;

/// Spans of a call's positional and keyword arguments.
pub type ArgSpans = (Vec<Span>, Vec<(String, Span)>);

#[derive(Debug, Clone)]
pub struct FuncVal {
    pub def: Arc<FuncDef>,
    pub module: usize,
    pub bound: Option<Box<Value>>,
    /// For a function defined inside another: the enclosing function's variables its body
    /// names, as they were when it was defined (a closure over `server`, `analyzer`, `self`).
    pub env: Option<Rc<HashMap<String, Value>>>,
}

impl FuncVal {
    pub fn site(&self, modules: &[ModuleInfo]) -> Site {
        Site {
            file: modules[self.module].file,
            span: self.def.span,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClassVal {
    pub def: Arc<ClassDef>,
    pub module: usize,
    pub bases: Rc<Vec<Value>>,
    pub attrs: Rc<BTreeMap<String, Value>>,
}

/// The elements of a list, dict or union. Dropping one is iterative: a value nested 400,000
/// levels deep (`x = [x]` on every line of a file) would otherwise overflow the stack in the
/// compiler-generated recursive drop, an abort nothing can catch.
#[derive(Debug, Clone)]
pub struct Seq<T: IntoValues>(Vec<T>);

impl<T: IntoValues> Seq<T> {
    pub fn rc(v: Vec<T>) -> Rc<Self> {
        Rc::new(Seq(v))
    }
}

impl<T: IntoValues> std::ops::Deref for Seq<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: IntoValues> Drop for Seq<T> {
    fn drop(&mut self) {
        let mut stack = vec![];
        for x in self.0.drain(..) {
            x.into_values(&mut stack);
        }
        // Each value popped gives up the elements only it holds; it is then dropped shallow.
        while let Some(v) = stack.pop() {
            v.release_into(&mut stack);
        }
    }
}

/// What a [`Seq`] holds: values, or pairs of them.
pub trait IntoValues {
    fn into_values(self, out: &mut Vec<Value>);
}

impl IntoValues for Value {
    fn into_values(self, out: &mut Vec<Value>) {
        out.push(self);
    }
}

impl IntoValues for (Value, Value) {
    fn into_values(self, out: &mut Vec<Value>) {
        out.push(self.0);
        out.push(self.1);
    }
}

/// An abstract value.
#[derive(Debug, Clone)]
pub enum Value {
    Unknown,
    None,
    Bool(bool),
    Num,
    Str(Rc<str>, Site),
    List(Rc<Seq<Value>>),
    Dict(Rc<Seq<(Value, Value)>>),
    Func(FuncVal),
    Class(ClassVal),
    Module(usize),
    /// A name outside the project, fully qualified (`langgraph.graph.StateGraph`).
    Ext(Rc<str>),
    Obj(ObjId),
    Union(Rc<Seq<Value>>),
}

impl Value {
    /// Whether calls can resolve through the value: an object, function, class or module, a
    /// library name, or a list, dict or union holding one.
    fn resolves_calls(&self) -> bool {
        let direct = |v: &Value| {
            matches!(
                v,
                Value::Obj(_) | Value::Func(_) | Value::Class(_) | Value::Module(_) | Value::Ext(_)
            )
        };
        match self {
            Value::List(xs) | Value::Union(xs) => xs.0.iter().any(direct),
            Value::Dict(xs) => xs.0.iter().any(|(_, v)| direct(v)),
            v => direct(v),
        }
    }

    /// Whether the value is unknown, or a union with an unknown part.
    fn has_unknown(&self) -> bool {
        match self {
            Value::Unknown => true,
            Value::Union(xs) => xs.0.iter().any(|x| matches!(x, Value::Unknown)),
            _ => false,
        }
    }

    /// Moves out the values only this one holds (elements of an unshared list, dict or union,
    /// a bound receiver, an unshared class's bases and attributes), for [`Seq`]'s drop.
    fn release_into(self, out: &mut Vec<Value>) {
        match self {
            Value::List(rc) | Value::Union(rc) => {
                if let Ok(mut s) = Rc::try_unwrap(rc) {
                    out.append(&mut s.0);
                }
            }
            Value::Dict(rc) => {
                if let Ok(mut s) = Rc::try_unwrap(rc) {
                    for pair in s.0.drain(..) {
                        pair.into_values(out);
                    }
                }
            }
            Value::Func(f) => {
                if let Some(b) = f.bound {
                    out.push(*b);
                }
            }
            Value::Class(c) => {
                if let Ok(bases) = Rc::try_unwrap(c.bases) {
                    out.extend(bases);
                }
                if let Ok(attrs) = Rc::try_unwrap(c.attrs) {
                    out.extend(attrs.into_values());
                }
            }
            _ => {}
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s, _) => Some(s),
            _ => None,
        }
    }
    /// Every alternative of a union (or the value itself).
    pub fn alternatives(&self) -> Vec<&Value> {
        match self {
            Value::Union(v) => v.iter().collect(),
            other => vec![other],
        }
    }
    fn union(a: Value, b: Value) -> Value {
        // Alternatives are kept once each, whatever their order: removing only adjacent
        // duplicates let a value merged with itself through branches double at each `if`.
        // Both sides hold at most `MAX_UNION` alternatives, so this is bounded.
        let mut out: Vec<Value> = vec![];
        let mut add = |x: Value| {
            if !out.iter().any(|y| same(y, &x)) {
                out.push(x);
            }
        };
        for v in [a, b] {
            match v {
                Value::Union(vs) => vs.iter().cloned().for_each(&mut add),
                other => add(other),
            }
        }
        if out.len() > MAX_UNION {
            UNION_CUTS.with(|c| c.set(c.get() + 1));
            return Value::Unknown;
        }
        if out.len() == 1 {
            return out.pop().unwrap_or(Value::Unknown);
        }
        Value::Union(Seq::rc(out))
    }
}

fn same(a: &Value, b: &Value) -> bool {
    same_within(a, b, 3)
}

/// [`same`], looking into lists, dicts and unions `depth` levels deep (a fixed bound, not the
/// input's depth).
fn same_within(a: &Value, b: &Value, depth: u8) -> bool {
    let seq = |x: &[Value], y: &[Value]| {
        depth > 0
            && x.len() == y.len()
            && x.iter().zip(y).all(|(p, q)| same_within(p, q, depth - 1))
    };
    match (a, b) {
        (Value::Num, Value::Num) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::List(x), Value::List(y)) | (Value::Union(x), Value::Union(y)) => seq(x, y),
        (Value::Dict(x), Value::Dict(y)) => {
            depth > 0
                && x.len() == y.len()
                && x.iter().zip(y.iter()).all(|((k1, v1), (k2, v2))| {
                    same_within(k1, k2, depth - 1) && same_within(v1, v2, depth - 1)
                })
        }
        (Value::Obj(x), Value::Obj(y)) => x == y,
        (Value::Str(x, _), Value::Str(y, _)) => x == y,
        (Value::Ext(x), Value::Ext(y)) => x == y,
        (Value::Module(x), Value::Module(y)) => x == y,
        (Value::Func(x), Value::Func(y)) => Arc::ptr_eq(&x.def, &y.def),
        (Value::Class(x), Value::Class(y)) => Arc::ptr_eq(&x.def, &y.def),
        (Value::Unknown, Value::Unknown) | (Value::None, Value::None) => true,
        _ => false,
    }
}

/// What an object is.
#[derive(Debug, Clone)]
pub enum ObjKind {
    /// The result of calling an external name; `class` is that name (`smtplib.SMTP`, or for a
    /// method result `smtplib.SMTP.sendmail`).
    Ext(Rc<str>),
    /// An instance of a project class.
    Instance(ClassVal),
    /// A function turned into a tool by a decorator or factory.
    ToolFunc { func: FuncVal, name: Option<String> },
}

/// A call made on an object (builder operations such as `add_node`), recorded at its site.
#[derive(Debug, Clone)]
pub struct MethodCall {
    pub method: String,
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
    pub site: Site,
    /// Spans of the positional arguments, for precise locations.
    pub arg_spans: Vec<Span>,
    pub kwarg_spans: Vec<(String, Span)>,
}

#[derive(Debug, Clone)]
pub struct Obj {
    pub site: Site,
    pub kind: ObjKind,
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
    pub arg_spans: Vec<Span>,
    pub kwarg_spans: Vec<(String, Span)>,
    pub calls: Vec<MethodCall>,
    pub attrs: BTreeMap<String, Value>,
    /// For a method result: the receiver object.
    pub receiver: Option<ObjId>,
}

impl Obj {
    pub fn class_name(&self) -> Option<&str> {
        match &self.kind {
            ObjKind::Ext(c) => Some(c),
            _ => None,
        }
    }
    pub fn kwarg(&self, name: &str) -> Option<&Value> {
        self.kwargs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
    pub fn kwarg_span(&self, name: &str) -> Option<Span> {
        self.kwarg_spans
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, s)| *s)
    }
}

/// How a call site's callee was resolved.
#[derive(Debug, Clone)]
pub enum Callee {
    /// A dotted external name (`subprocess.run`, `smtplib.SMTP.sendmail`).
    Qualified(Rc<str>),
    /// A method on a receiver of unknown class; the receiver's last name, when it has one.
    Method {
        method: String,
        receiver: Option<String>,
    },
    /// A project function or method.
    Local(FuncVal),
    /// A project class (construction).
    Class(ClassVal),
    Unknown,
}

/// One call site inside a function body, with everything later stages need.
#[derive(Debug, Clone)]
pub struct CallRecord {
    pub site: Site,
    pub callees: Vec<Callee>,
    pub args: Vec<Value>,
    pub kwargs: Vec<(String, Value)>,
    /// Span of the callee expression (`subprocess.run`), for messages.
    pub func_span: Span,
}

/// A module of the project with its IR.
#[derive(Debug)]
pub struct ModuleInfo {
    pub file: FileId,
    /// Dotted module name (`app.tools.payments`); `__init__` files name their package.
    pub name: String,
    /// Other names the module is importable as (its full path from the scanned root).
    pub aliases: Vec<String>,
    pub is_package: bool,
    pub ir: std::sync::Arc<PyModule>,
}

/// Everything the interpreter learned about the project.
#[derive(Debug, Default)]
pub struct Evaluation {
    pub objects: Vec<Obj>,
    /// Calls made in each function body, keyed by the function's definition site, in source order.
    pub calls_by_func: HashMap<Site, Vec<CallRecord>>,
    /// The resolved callee of every evaluated call site.
    pub callee_at: HashMap<Site, Vec<Callee>>,
    /// Every function and method definition, by site.
    pub funcs: BTreeMap<Site, FuncVal>,
    /// Every class definition, by site.
    pub classes: BTreeMap<Site, ClassVal>,
    /// Module-level globals after evaluation.
    pub globals: Vec<HashMap<String, Value>>,
    /// Return values of each function evaluated with unknown arguments.
    pub returns: HashMap<Site, Value>,
    /// External decorators of each function (by definition site): dotted name and site.
    pub decorators: HashMap<Site, Vec<(String, Site)>>,
    /// Parameters of each function (by definition site) that a project decorator's wrapper
    /// fills in itself (`decorator_injected`): whoever calls the decorated function (the model,
    /// for a tool) never chooses them.
    pub injected: HashMap<Site, BTreeSet<String>>,
    /// Calls that run a function they are given (`asyncio.to_thread(f, x)`,
    /// `loop.run_in_executor(None, f, x)`, a `forwarder` in knowledge): by call site, the
    /// where the function and its arguments are. The call is evaluated and recorded as that
    /// call ([`forwarded_call`]).
    pub forwarded: HashMap<Site, Forward>,
    /// Files whose evaluation ran out of fuel.
    pub fuel_exhausted: Vec<FileId>,
    /// Where the interpreter's bounds cut evaluation (`crate::bounds`).
    pub cuts: Cuts,
}

impl Evaluation {
    /// How much the evaluation holds, for `AIRLOCK_TIMINGS` (memory work reads it).
    pub fn sizes(&self) -> String {
        let records: usize = self.calls_by_func.values().map(Vec::len).sum();
        let record_args: usize = self
            .calls_by_func
            .values()
            .flatten()
            .map(|r| r.args.len() + r.kwargs.len())
            .sum();
        let obj_calls: usize = self.objects.iter().map(|o| o.calls.len()).sum();
        let obj_attrs: usize = self.objects.iter().map(|o| o.attrs.len()).sum();
        format!(
            "{} objects ({} bytes each; {obj_calls} method calls, {obj_attrs} attributes), \
             {records} call records ({} bytes each; {record_args} arguments), {} callee sites, \
             {} functions, {} classes, {} returns; IR node sizes: expression {}, statement {}, \
             value {} bytes",
            self.objects.len(),
            std::mem::size_of::<Obj>(),
            std::mem::size_of::<CallRecord>(),
            self.callee_at.len(),
            self.funcs.len(),
            self.classes.len(),
            self.returns.len(),
            std::mem::size_of::<Expr>(),
            std::mem::size_of::<Stmt>(),
            std::mem::size_of::<Value>()
        )
    }
}

struct Frame {
    func: Option<Site>,
    /// The call site that entered this frame (for function frames): the allocation context.
    called_at: Option<Site>,
    module: usize,
    locals: HashMap<String, Value>,
    /// One level per branch or comprehension being evaluated: the value each name had before
    /// its first write at that level (`None`: unbound), so the level can be undone and merged
    /// by touching only the names it wrote. Copying `locals` instead made every `if` at module
    /// level cost the module's number of globals: quadratic in a very large module.
    undo: Vec<HashMap<String, Option<Value>>>,
    returns: Value,
    has_return: bool,
    is_module: bool,
    /// The variables of enclosing functions this function's body reads (`FuncVal::env`).
    env: Option<Rc<HashMap<String, Value>>>,
    /// The module variables this function assigns (`FuncDef::globals`).
    module_writes: Vec<String>,
}

/// What a closure captured (`FuncVal::env`).
type Captured = Rc<HashMap<String, Value>>;

pub struct Interp<'m> {
    modules: &'m [ModuleInfo],
    /// The stand-in instance of each project class, by the class's definition site.
    stand_in_of: HashMap<Site, ObjId>,
    by_name: HashMap<String, Vec<usize>>,
    globals: Vec<Option<HashMap<String, Value>>>,
    in_progress: Vec<bool>,
    frames: Vec<Frame>,
    pub ev: Evaluation,
    obj_at: HashMap<(Site, u8, u64), ObjId>,
    /// How many calling contexts each allocation site (and what it builds) has objects for:
    /// past `Bound::ObjectContexts`, further contexts share one object (`alloc`).
    site_contexts: HashMap<(Site, u8, u64), usize>,
    evaluated: HashSet<Site>,
    /// Keyed by the closure's captured variables too; the entry keeps them alive, so their
    /// address is never reused by another closure while the summary stands.
    summaries: HashMap<(Site, usize), (Value, Option<Captured>)>,
    /// How many callbacks handed to library calls are being run (`call_expr`).
    in_callbacks: u32,
    /// Where each object's recorded method calls sit in its `calls`, by call site: a
    /// re-evaluated site is found without scanning every call (no cap on calls per object).
    calls_at: HashMap<(ObjId, Site), Vec<usize>>,
    /// Functions registered since the queue of pass two was last refilled.
    discovered: Vec<FuncVal>,
    /// The instances standing for `self` in methods never called (`run`): an attribute their
    /// `__init__` did not set is unknown, not an inherited name of an external base class (a
    /// pydantic field `llm_chain` is data the class declares, not a method of its base).
    self_stand_ins: HashSet<ObjId>,
    /// Whether the evaluation under way started from a method with a stand-in `self`.
    in_stand_in: bool,
    /// Whether methods are being read again with built instances (`built_instances_round`).
    rereading: bool,
    /// While a method is first read with a stand-in `self`: whether it read an attribute of a
    /// stand-in that said nothing (unknown), or reused a reading over one. Only such a method
    /// can learn more when read again with a built instance ([`Self::built_instances_round`]).
    stand_in_gap: Option<Gap>,
    /// Per project class, whether another project class derives from it (`has_subclass`).
    extended: HashMap<Site, bool>,
    /// Functions and methods some call in the project reaches: their callers say what `self`
    /// is (a reading of the caller with a built instance reaches them too), so
    /// `built_instances_round` does not read them again.
    called_in_project: HashSet<Site>,
    fuel: u64,
    call_depth: u32,
    /// How many cut calls are being read again from the top of the depth (`call_func`).
    restarts: u32,
    /// What each closure read again after a cut gave (`call_func`).
    restarted: HashMap<Site, Value>,
    /// `union_cuts()` as last recorded (see `Interp::block`).
    union_seen: u64,
    /// The knowledge that maps JavaScript names to Python ones (`langchain_js.toml`); without
    /// it, JavaScript modules keep `js.<module>.<member>` names only.
    js: Option<&'m crate::knowledge::Knowledge>,
    /// What framework names mean to the evaluation, from the same knowledge (none without it).
    sem: Semantics,
    /// Each module's project folder (the nearest folder with a project marker), when the caller
    /// knows them; an import prefers a module of its own project (see [`Interp::find_module`]).
    projects: Vec<String>,
    /// Values stored through a class at run time (`Db.instance = new Db()`,
    /// `cls._instance = cls()`), by the class's module and definition span: a singleton's
    /// accessor returns what its first call stored, read before the class body's default.
    class_stores: HashMap<(usize, Span), HashMap<String, Value>>,
    /// Inside the call a forwarder makes (`Evaluation::forwarded`).
    forwarding: bool,
    /// Calls already evaluated with the same arguments in the same state ([`memo`]).
    memo: memo::Memo,
    /// Each object's version: bumped by every write that changes one of its attributes ([`Self::set_attr`]).
    versions: Vec<u32>,
    /// The epoch of the module variables and class stores: bumped at every write to them.
    world: u64,
}

/// Framework semantics the interpreter applies, as data (`[[api]]` roles of every knowledge
/// file, whatever the framework): the interpreter itself names no framework.
#[derive(Debug, Default)]
struct Semantics {
    /// `tool_decorator`: decorators and factories that make a function a tool (`@tool`).
    tool_decorators: HashSet<String>,
    /// `entrypoint_decorator` (globs): decorators whose object stands for the function they
    /// wrap (`@entrypoint(checkpointer=...)`), so calls on it are recorded on the object.
    entrypoints: Vec<String>,
    /// `string_constant` (`glob=value`): external names whose value is a known string.
    constants: Vec<(String, String)>,
    /// `builder_class_suffix` and `builder_method`: builder methods that return the builder
    /// (fluent chains such as `graph.add_node(...).add_edge(...)`).
    builder_suffixes: Vec<String>,
    builder_methods: HashSet<String>,
    /// `text_value` (globs): library values that are text, whose methods are the string's own
    /// (`path.stem.replace("/", "_")` is `str.replace`, not `Path.replace`).
    text_values: Vec<String>,
    /// `forwarder` (`glob=position` or `glob=keyword`): library calls that run the function at
    /// that position with the arguments after it (`asyncio.to_thread=0`), or the function given
    /// as that keyword with the elements of `args=` (`threading.Thread=target`).
    forwarders: Vec<(String, Forward)>,
    /// `passthrough` (`name=position`): library calls whose result, or what awaiting it gives,
    /// is the value of one of their arguments (`await asyncio.wait_for(pool.acquire(), 5)` is
    /// the connection `pool.acquire()` gives).
    passthroughs: Vec<(String, usize)>,
    /// `text_values` and `forwarders` answers by external name: the same names are asked at
    /// every attribute and call, and each answer is a walk over globs.
    text_memo: std::cell::RefCell<HashMap<Rc<str>, bool>>,
    forward_memo: std::cell::RefCell<HashMap<Rc<str>, Option<Forward>>>,
}

impl Semantics {
    fn is_text_value(&self, q: &Rc<str>) -> bool {
        if let Some(&v) = self.text_memo.borrow().get(q) {
            return v;
        }
        let v = self.text_values.iter().any(|g| glob_match(g, q));
        self.text_memo.borrow_mut().insert(q.clone(), v);
        v
    }

    fn forwarder(&self, q: &Rc<str>) -> Option<Forward> {
        if let Some(v) = self.forward_memo.borrow().get(q) {
            return v.clone();
        }
        let v = self
            .forwarders
            .iter()
            .find(|(g, _)| glob_match(g, q))
            .map(|(_, how)| how.clone());
        self.forward_memo.borrow_mut().insert(q.clone(), v.clone());
        v
    }

    /// The argument position whose value a `passthrough` call gives back.
    fn passthrough(&self, q: &str) -> Option<usize> {
        self.passthroughs
            .iter()
            .find(|(g, _)| g == q)
            .map(|(_, at)| *at)
    }

    fn new(k: &crate::knowledge::Knowledge) -> Semantics {
        let names = |role| k.api_any(role).cloned();
        Semantics {
            tool_decorators: names("tool_decorator").collect(),
            entrypoints: names("entrypoint_decorator").collect(),
            constants: k
                .api_any("string_constant")
                .filter_map(|n| n.split_once('='))
                .map(|(g, v)| (g.trim().to_string(), v.trim().to_string()))
                .collect(),
            builder_suffixes: names("builder_class_suffix").collect(),
            builder_methods: names("builder_method").collect(),
            text_values: names("text_value").collect(),
            forwarders: k
                .api_any("forwarder")
                .filter_map(|n| n.split_once('='))
                .map(|(g, at)| {
                    let at = at.trim();
                    let how = match at.parse() {
                        Ok(i) => Forward::At(i),
                        Err(_) => Forward::Keyword(at.into()),
                    };
                    (g.trim().to_string(), how)
                })
                .collect(),
            passthroughs: k
                .api_any("passthrough")
                .filter_map(|n| n.split_once('='))
                .filter_map(|(g, at)| Some((g.trim().to_string(), at.trim().parse().ok()?)))
                .collect(),
            text_memo: Default::default(),
            forward_memo: Default::default(),
        }
    }
}

impl<'m> Interp<'m> {
    pub fn new(modules: &'m [ModuleInfo]) -> Interp<'m> {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, m) in modules.iter().enumerate() {
            by_name.entry(m.name.clone()).or_default().push(i);
            for a in &m.aliases {
                by_name.entry(a.clone()).or_default().push(i);
            }
        }
        Interp {
            modules,
            stand_in_of: HashMap::default(),
            by_name,
            globals: (0..modules.len()).map(|_| None).collect(),
            in_progress: vec![false; modules.len()],
            frames: vec![],
            ev: Evaluation::default(),
            obj_at: HashMap::default(),
            site_contexts: HashMap::default(),
            evaluated: HashSet::default(),
            summaries: HashMap::default(),
            in_callbacks: 0,
            calls_at: HashMap::default(),
            discovered: Vec::new(),
            self_stand_ins: HashSet::default(),
            in_stand_in: false,
            rereading: false,
            stand_in_gap: None,
            extended: HashMap::default(),
            called_in_project: HashSet::default(),
            fuel: FUEL,
            call_depth: 0,
            restarts: 0,
            restarted: HashMap::default(),
            union_seen: union_cuts(),
            js: None,
            sem: Semantics::default(),
            projects: vec![],
            class_stores: HashMap::default(),
            forwarding: false,
            memo: memo::Memo::default(),
            versions: vec![],
            world: 0,
        }
    }

    /// Gives each module (by index) its project folder, so the same file resolves its imports the
    /// same way whether its project is scanned alone or inside a larger tree.
    pub fn with_projects(mut self, projects: Vec<String>) -> Interp<'m> {
        self.projects = projects;
        self
    }

    fn project(&self, i: usize) -> &str {
        self.projects.get(i).map_or("", String::as_str)
    }

    /// Reads JavaScript modules' framework names as Python ones with `k`'s `js_module` and
    /// `js_options` tables.
    pub fn with_knowledge(mut self, k: &'m crate::knowledge::Knowledge) -> Interp<'m> {
        self.js = Some(k);
        self.sem = Semantics::new(k);
        self
    }

    /// Whether the code being evaluated was lowered from JavaScript or TypeScript.
    fn in_js(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|f| self.modules[f.module].ir.javascript)
    }

    /// The value of `member` of external JavaScript module `spec`: its Python name when the
    /// module mirrors a Python framework, else `js.<module>.<member>`.
    fn js_name(&self, spec: &str, member: &str) -> Value {
        if let Some(q) = self.js.and_then(|k| k.js_python_name(spec, member)) {
            return self.ext_value(&q);
        }
        let base = format!("js.{}", js_module_name(spec));
        match member {
            "default" | "*" => Value::Ext(base.into()),
            m => Value::Ext(format!("{base}.{m}").into()),
        }
    }

    /// A member of an external value in JavaScript code: Python-named values (mapped
    /// frameworks) take the Python member name, `js.` values keep theirs.
    fn js_attr(&self, q: &str, attr: &str) -> String {
        if self.in_js() && !q.starts_with("js.") {
            format!("{q}.{}", crate::knowledge::js_member(attr))
        } else {
            format!("{q}.{attr}")
        }
    }

    /// Evaluates every module, then every function body not yet reached, and returns the facts.
    pub fn run(mut self) -> Evaluation {
        for i in 0..self.modules.len() {
            self.fuel = FUEL;
            self.module_globals(i);
        }
        // Functions and methods never called from module level: evaluate once with unknown
        // arguments so builder graphs and calls inside them are seen.
        let mut pending: Vec<FuncVal> = self.ev.funcs.values().rev().cloned().collect();
        // Functions that assign module variables (`global db`, a JavaScript module `let`) run
        // first, so the functions that read those variables see what they store whatever the
        // order of definition (a stable partition: the order is otherwise kept).
        let (writers, readers): (Vec<FuncVal>, Vec<FuncVal>) =
            pending.into_iter().partition(|f| !f.def.globals.is_empty());
        pending = readers;
        pending.extend(writers);
        self.discovered.clear();
        // A method never called is evaluated with `self` an instance of its class whose
        // `__init__` ran with unknown arguments (one instance per class), so what `__init__`
        // stores (`self.mcp = FastMCP(...)`, `self.analyzer = Analyzer(db)`) is what the method
        // reads: tools registered on `self.mcp` inside a method, calls through `self.analyzer`.
        let mut class_of_method: HashMap<Site, ClassVal> = HashMap::default();
        for c in self.ev.classes.values() {
            for v in c.attrs.values() {
                if let Value::Func(m) = v {
                    let takes_self = m
                        .def
                        .params
                        .first()
                        .is_some_and(|p| p.kind == ParamKind::Normal);
                    if takes_self && !is_staticmethod(&m.def) && !is_classmethod(&m.def) {
                        class_of_method.insert(m.site(self.modules), c.clone());
                    }
                }
            }
        }
        // Methods read with a stand-in `self`, for a second reading with the instances the
        // project built (below).
        let mut stand_in_roots: Vec<(FuncVal, ClassVal, Gap)> = vec![];
        while let Some(mut f) = pending.pop() {
            let site = f.site(self.modules);
            if self.evaluated.contains(&site) {
                continue;
            }
            self.fuel = FUEL / 4;
            if f.bound.is_none() {
                if let Some(c) = class_of_method.get(&site).cloned() {
                    stand_in_roots.push((f.clone(), c.clone(), Gap::default()));
                    let id = self.stand_in(&c);
                    f.bound = Some(Box::new(Value::Obj(id)));
                }
            }
            // Parameters annotated with a project class (`client: TSharkClient`) get that
            // class's stand-in instance, so calls on them (and closures over them) resolve.
            let offset = usize::from(f.bound.is_some());
            let mut pos: Vec<Value> = vec![];
            for p in f.def.params.iter().skip(offset) {
                if p.kind != ParamKind::Normal {
                    break;
                }
                let class = p
                    .annotation
                    .as_ref()
                    .and_then(|a| self.annotated_class(f.module, a));
                pos.push(match class {
                    Some(Value::Class(c)) => Value::Obj(self.stand_in(&c)),
                    // A class outside the project (`mcp: FastMCP`): an object of it, made
                    // where the parameter is declared.
                    Some(Value::Ext(q)) => self.declared_instance(f.module, p.span, q),
                    _ => Value::Unknown,
                });
            }
            if pos.iter().all(|v| matches!(v, Value::Unknown)) {
                pos.clear();
            }
            if self.evaluated.contains(&site) {
                continue;
            }
            let typed = !pos.is_empty();
            self.in_stand_in = typed
                || matches!(f.bound.as_deref(), Some(Value::Obj(id)) if self.self_stand_ins.contains(id));
            let tracked = f.bound.is_some()
                && stand_in_roots
                    .last()
                    .is_some_and(|(g, ..)| g.site(self.modules) == site);
            self.stand_in_gap = tracked.then(Gap::default);
            let r = self.call_func(&f, pos, vec![], None);
            let gap = self.stand_in_gap.take().unwrap_or_default();
            if tracked {
                // A method whose reading never found its stand-in wanting is read once only.
                if gap.is_empty() {
                    stand_in_roots.pop();
                } else if let Some(last) = stand_in_roots.last_mut() {
                    last.2 = gap;
                }
            }
            self.in_stand_in = false;
            self.ev.returns.entry(site).or_insert(r);
            // Nested functions discovered while evaluating: queue them too.
            pending.extend(self.discovered.drain(..).rev());
        }
        self.built_instances_round(stand_in_roots);
        self.ev.globals = self
            .globals
            .into_iter()
            .map(|g| g.unwrap_or_default())
            .collect();
        self.ev
    }

    /// A method nothing in the project calls (`_call`, `_run`: the framework does) was read
    /// with the stand-in `self`, whose `__init__` ran with unknown arguments;
    /// it is read again with each instance the project built of its class (`new
    /// WriteFileTool({ store })`), so what the constructor stored from its arguments
    /// (`this.store = store`) is what the method's calls go through. The calls it resolves add
    /// to what the first reading recorded. At most [`Bound::BuiltInstances`] instances per
    /// class, in the order they were built; past it the cut is reported.
    fn built_instances_round(&mut self, roots: Vec<(FuncVal, ClassVal, Gap)>) {
        if roots.is_empty() {
            return;
        }
        let class_site = |modules: &[ModuleInfo], c: &ClassVal| Site {
            file: modules[c.module].file,
            span: c.def.span,
        };
        let wanted: HashSet<Site> = roots
            .iter()
            .map(|(_, c, _)| class_site(self.modules, c))
            .collect();
        let mut built: HashMap<Site, Vec<ObjId>> = HashMap::default();
        for (id, o) in self.ev.objects.iter().enumerate() {
            if let ObjKind::Instance(c) = &o.kind {
                let cs = class_site(self.modules, c);
                if wanted.contains(&cs) && !self.self_stand_ins.contains(&id) {
                    built.entry(cs).or_default().push(id);
                }
            }
        }
        let limit = Bound::BuiltInstances.limit();
        self.rereading = true;
        // The constructor (and a dataclass's `__post_init__`) already ran with each
        // instance's own arguments.
        let roots: Vec<(FuncVal, ClassVal, Gap)> = roots
            .into_iter()
            .filter(|(f, c, _)| {
                !["__init__", "__post_init__"].contains(&f.def.name.as_str())
                    && library_base(c)
                    && !self.called_in_project.contains(&f.site(self.modules))
            })
            .collect();
        for (f, c, gap) in roots {
            let cs = class_site(self.modules, &c);
            let Some(ids) = built.get(&cs) else {
                continue;
            };
            // Only an instance that holds, where the stand-in held nothing the method could
            // read, something calls resolve through (an object, a function, a class) can
            // add to the first reading: the round only adds the calls it resolves.
            let ids: Vec<ObjId> = ids
                .iter()
                .copied()
                .filter(|&id| {
                    gap.reused
                        || gap.attrs.iter().any(|a| {
                            self.ev.objects[id]
                                .attrs
                                .get(a.as_str())
                                .is_some_and(Value::resolves_calls)
                        })
                })
                .collect();
            if ids.len() > limit {
                self.ev.cuts.record(cs.file, Bound::BuiltInstances, cs.span);
            }
            for &id in ids.iter().take(limit) {
                let mut m = f.clone();
                m.bound = Some(Box::new(Value::Obj(id)));
                self.fuel = FUEL / 4;
                self.call_func(&m, vec![], vec![], None);
                self.discovered.clear();
            }
        }
        self.rereading = false;
    }

    /// What a declared field of a stand-in instance holds, by its annotation (in module `m`):
    /// the stand-in of a project class (`db: CassandraDatabase`), an object of a library class
    /// made where the annotation is written (`client: bigquery.Client`), else unknown.
    fn field_value(&mut self, m: usize, ann: &Expr) -> Value {
        match self.annotated_class(m, ann) {
            // A class the project extends (`graph: GraphStore`, an abstract base) says less
            // than the method names its subclasses define: left unknown, a call on it is
            // resolved by name.
            Some(Value::Class(c)) if self.has_subclass(&c) => Value::Unknown,
            Some(Value::Class(c)) => Value::Obj(self.stand_in(&c)),
            Some(Value::Ext(q))
                if q.contains('.')
                    && !["typing.", "typing_extensions.", "collections.", "builtins."]
                        .iter()
                        .any(|t| q.starts_with(t)) =>
            {
                self.declared_instance(m, ann.span, q)
            }
            _ => Value::Unknown,
        }
    }

    /// Whether a project class derives directly from `c` (once per class).
    fn has_subclass(&mut self, c: &ClassVal) -> bool {
        let site = Site {
            file: self.modules[c.module].file,
            span: c.def.span,
        };
        if let Some(&v) = self.extended.get(&site) {
            return v;
        }
        let v = self.ev.classes.values().any(|k| {
            k.bases.iter().any(|b| {
                matches!(b, Value::Class(bc)
                    if bc.module == c.module && bc.def.span == c.def.span)
            })
        });
        self.extended.insert(site, v);
        v
    }

    /// The stand-in instance of a project class (one per class): allocated at the class's
    /// definition and built by running its `__init__` with unknown arguments.
    fn stand_in(&mut self, c: &ClassVal) -> ObjId {
        let csite = Site {
            file: self.modules[c.module].file,
            span: c.def.span,
        };
        if let Some(&id) = self.stand_in_of.get(&csite) {
            return id;
        }
        let id = self.alloc(
            csite,
            0,
            ObjKind::Instance(c.clone()),
            vec![],
            vec![],
            vec![],
            vec![],
        );
        self.stand_in_of.insert(csite, id);
        self.self_stand_ins.insert(id);
        if let Some(Value::Func(mut init)) = class_attr(c, "__init__") {
            init.bound = Some(Box::new(Value::Obj(id)));
            self.call_func(&init, vec![], vec![], None);
            self.fuel = FUEL / 4;
        }
        id
    }

    /// The class an annotation names (`TSharkClient`, `client.TSharkClient`, `FastMCP`, or the
    /// same under `Optional[...]`), read in the defining module's globals: a project class or
    /// an external name.
    fn annotated_class(&self, module: usize, ann: &Expr) -> Option<Value> {
        let g = self.globals.get(module)?.as_ref()?;
        let ann = match &ann.kind {
            ExprKind::Subscript(b, inner)
                if matches!(&b.kind, ExprKind::Name(n) if n == "Optional")
                    || matches!(&b.kind, ExprKind::Attr(_, n) if n == "Optional") =>
            {
                inner
            }
            _ => ann,
        };
        let v = match &ann.kind {
            ExprKind::Name(n) => g.get(n.as_str())?.clone(),
            ExprKind::Attr(o, a) => match &o.kind {
                ExprKind::Name(n) => match g.get(n.as_str())? {
                    Value::Module(i) => self.globals.get(*i)?.as_ref()?.get(a.as_str())?.clone(),
                    _ => return None,
                },
                _ => return None,
            },
            _ => return None,
        };
        match v {
            Value::Class(_) | Value::Ext(_) => Some(v),
            _ => None,
        }
    }

    /// A stable hash of the call sites of the active function frames.
    fn context(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for f in &self.frames {
            if let Some(s) = f.called_at {
                s.hash(&mut h);
            }
        }
        h.finish()
    }

    /// The enclosing function's variables that `def`'s body (with the functions nested in it)
    /// names: `None` at module level, where names are globals.
    fn capture(&self, def: &FuncDef) -> Option<Rc<HashMap<String, Value>>> {
        self.capture_body(&def.body)
    }

    /// [`Self::capture`] for any body. A class body's names are not visible to the methods
    /// defined in it: in a class frame only what the class itself captured is.
    fn capture_body(&self, body: &[Stmt]) -> Option<Rc<HashMap<String, Value>>> {
        let fr = self.frames.last()?;
        if fr.is_module {
            return None;
        }
        if fr.func.is_none() {
            return fr.env.clone();
        }
        let mut env: HashMap<String, Value> = HashMap::default();
        let mut blocks: Vec<&[Stmt]> = vec![body];
        while let Some(b) = blocks.pop() {
            for st in b {
                blocks.extend(st.blocks());
                match &st.kind {
                    StmtKind::Func(d) => blocks.push(&d.body),
                    StmtKind::Class(c) => blocks.push(&c.body),
                    _ => {}
                }
                let mut stack = st.exprs();
                while let Some(e) = stack.pop() {
                    match &e.kind {
                        ExprKind::Name(n) if !env.contains_key(n.as_str()) => {
                            let v = fr
                                .locals
                                .get(n.as_str())
                                .or_else(|| fr.env.as_ref().and_then(|x| x.get(n.as_str())));
                            if let Some(v) = v {
                                env.insert(n.to_string(), v.clone());
                            }
                        }
                        ExprKind::Lambda(d) => blocks.push(&d.body),
                        _ => {}
                    }
                    push_children(e, &mut stack);
                }
            }
        }
        (!env.is_empty()).then(|| Rc::new(env))
    }

    fn register_func(&mut self, site: Site, f: &FuncVal) {
        if let std::collections::btree_map::Entry::Vacant(e) = self.ev.funcs.entry(site) {
            e.insert(f.clone());
            self.discovered.push(f.clone());
        }
    }

    fn file(&self) -> FileId {
        let m = self.frames.last().map(|f| f.module).unwrap_or(0);
        self.modules[m].file
    }

    fn site(&self, span: Span) -> Site {
        Site {
            file: self.file(),
            span,
        }
    }

    fn module_globals(&mut self, i: usize) -> Option<&HashMap<String, Value>> {
        if self.globals[i].is_none() && self.in_progress[i] {
            // An import cycle reads Python's partially initialised module: the names it has
            // bound so far (`pkg/__init__.py` runs `from .agents import *`, then
            // `from .cli import *`, and `cli.py`'s `from pkg import CodeAgent` finds it).
            return self
                .frames
                .iter()
                .rev()
                .find(|f| f.is_module && f.module == i)
                .map(|f| &f.locals);
        }
        if self.globals[i].is_none() {
            self.in_progress[i] = true;
            let saved_depth = self.call_depth;
            self.call_depth = 0;
            self.frames.push(Frame {
                func: None,
                called_at: None,
                module: i,
                locals: HashMap::default(),
                undo: Vec::new(),
                returns: Value::Unknown,
                has_return: false,
                is_module: true,
                env: None,
                module_writes: vec![],
            });
            let body = &self.modules[i].ir.body;
            self.block(body);
            let frame = self.frames.pop();
            self.call_depth = saved_depth;
            self.globals[i] = frame.map(|f| f.locals);
            self.world += 1;
            self.in_progress[i] = false;
        }
        self.globals[i].as_ref()
    }

    /// Finds a project module by dotted name, as the module being evaluated would import it.
    ///
    /// Scan-root independence (issue 16): several projects of one tree may each have a module
    /// of that name (`tools`), so a module of the importer's own project wins, then the one
    /// whose path shares the most folders with the importer's. A module of another project
    /// whose top-level package the knowledge names (`langgraph`, `agents`, `requests`: a
    /// framework's or library's own source beside the application) is never the answer: the
    /// import stays external and the knowledge of that name applies, as when the application
    /// is scanned alone.
    pub fn find_module(&self, name: &str) -> Option<usize> {
        let cands = self.by_name.get(name)?;
        let Some(cur) = self.frames.last().map(|f| f.module) else {
            return cands.first().copied();
        };
        if cands.len() == 1 && self.projects.is_empty() {
            return cands.first().copied();
        }
        let here = self.project(cur);
        let same: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&i| self.project(i) == here)
            .collect();
        let pool = if same.is_empty() {
            let top = name.split('.').next().unwrap_or(name);
            if self.js.is_some_and(|k| k.packages.contains(top)) {
                return None;
            }
            cands.clone()
        } else {
            same
        };
        let path = |i: usize| -> &str {
            let m = &self.modules[i];
            m.aliases.first().unwrap_or(&m.name)
        };
        let mine: Vec<&str> = path(cur).split('.').collect();
        let shared = |i: usize| {
            path(i)
                .split('.')
                .zip(&mine)
                .take_while(|(a, b)| a == *b)
                .count()
        };
        let mut best = pool[0];
        for &i in &pool[1..] {
            if shared(i) > shared(best) {
                best = i;
            }
        }
        Some(best)
    }

    fn resolve_relative(&self, level: u32, module: &str) -> String {
        let cur = self.frames.last().map(|f| f.module).unwrap_or(0);
        let m = &self.modules[cur];
        let mut parts: Vec<&str> = m.name.split('.').filter(|s| !s.is_empty()).collect();
        if !m.is_package {
            parts.pop();
        }
        for _ in 1..level {
            parts.pop();
        }
        let mut out = parts.join(".");
        if !module.is_empty() {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(module);
        }
        out
    }

    /// The value of `name` imported from module path `module`.
    fn import_value(&mut self, module: &str) -> Value {
        match self.find_module(module) {
            Some(i) => Value::Module(i),
            None => Value::Ext(module.into()),
        }
    }

    fn attr_of_module(&mut self, i: usize, name: &str) -> Value {
        let v = self.module_globals(i).and_then(|g| g.get(name).cloned());
        if let Some(v) = v {
            return v;
        }
        let sub = format!("{}.{}", self.modules[i].name, name);
        match self.find_module(&sub) {
            Some(j) => Value::Module(j),
            None => Value::Unknown,
        }
    }

    fn burn(&mut self) -> bool {
        if self.fuel == 0 {
            let f = self.file();
            if !self.ev.fuel_exhausted.contains(&f) {
                self.ev.fuel_exhausted.push(f);
            }
            return false;
        }
        self.fuel -= 1;
        true
    }

    // ---- names ----------------------------------------------------------------------------

    fn lookup(&mut self, name: &str) -> Value {
        if let Some(f) = self.frames.last() {
            if let Some(v) = f.locals.get(name) {
                return v.clone();
            }
            if let Some(v) = f.env.as_ref().and_then(|e| e.get(name)) {
                return v.clone();
            }
            let m = f.module;
            if !f.is_module {
                if let Some(v) = self.globals[m].as_ref().and_then(|g| g.get(name)) {
                    return v.clone();
                }
                // A module still being evaluated (a function called during its own module's
                // evaluation): its globals live in the bottom-most module frame.
                if let Some(v) = self
                    .frames
                    .iter()
                    .rev()
                    .find(|fr| fr.is_module && fr.module == m)
                    .and_then(|fr| fr.locals.get(name))
                {
                    return v.clone();
                }
            }
        }
        if self.in_js() {
            return js_global(name);
        }
        builtin(name)
    }

    fn bind(&mut self, name: &str, v: Value) {
        if self
            .frames
            .last()
            .is_some_and(|f| f.module_writes.iter().any(|n| n == name))
        {
            self.bind_module_var(name, v);
            return;
        }
        if let Some(f) = self.frames.last_mut() {
            if f.is_module {
                self.world += 1;
            }
            let prev = f.locals.insert(name.to_string(), v);
            if let Some(level) = f.undo.last_mut() {
                level.entry(name.to_string()).or_insert(prev);
            }
        }
    }

    /// A function's write to a module variable (`global db` then `db = connect()`; in
    /// JavaScript `dbAdapter = createDbAdapter(...)` on a module `let`). Read flow-insensitively:
    /// the variable may hold what the module gave it or what any function evaluated so far
    /// stored, so the write joins them (an initial `None`/unknown placeholder is replaced).
    /// Functions that read it before the write was evaluated keep what they saw; a call they
    /// left unresolved takes the callee a later evaluation resolves.
    fn bind_module_var(&mut self, name: &str, v: Value) {
        let Some(m) = self.frames.last().map(|f| f.module) else {
            return;
        };
        self.world += 1;
        let join = |old: Option<&Value>, v: Value| match old {
            None | Some(Value::None) | Some(Value::Unknown) => v,
            Some(old) => Value::union(old.clone(), v),
        };
        if let Some(g) = self.globals[m].as_mut() {
            let nv = join(g.get(name), v);
            g.insert(name.to_string(), nv);
            return;
        }
        // The module is still being evaluated: its variables live in its module frame.
        if let Some(fr) = self
            .frames
            .iter_mut()
            .rev()
            .find(|fr| fr.is_module && fr.module == m)
        {
            let nv = join(fr.locals.get(name), v);
            fr.locals.insert(name.to_string(), nv);
        }
    }

    /// Starts recording the writes of the current frame (a branch arm, a comprehension).
    fn undo_begin(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            f.undo.push(HashMap::default());
        }
    }

    /// Undoes the writes recorded since the matching [`Self::undo_begin`] and returns, for each
    /// name written, its value before (`.0`) and at the end (`.1`), sorted by name.
    fn undo_end(&mut self) -> Vec<(String, Option<Value>, Option<Value>)> {
        let Some(f) = self.frames.last_mut() else {
            return vec![];
        };
        let Some(level) = f.undo.pop() else {
            return vec![];
        };
        let mut out: Vec<(String, Option<Value>, Option<Value>)> = level
            .into_iter()
            .map(|(name, before)| {
                let after = match &before {
                    Some(v) => f.locals.insert(name.clone(), v.clone()),
                    None => f.locals.remove(&name),
                };
                (name, before, after)
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    fn assign(&mut self, t: &Target, v: Value) {
        match t {
            Target::Name(n, _) => self.bind(n, v),
            Target::Tuple(ts) => {
                let elems = match &v {
                    Value::List(items) if items.len() == ts.len() => Some(items.clone()),
                    _ => None,
                };
                for (i, t) in ts.iter().enumerate() {
                    let e = elems
                        .as_ref()
                        .and_then(|e| e.get(i).cloned())
                        .unwrap_or(Value::Unknown);
                    self.assign(t, e);
                }
            }
            Target::Attr(obj, attr) => {
                let o = self.expr(obj);
                match o {
                    Value::Obj(id) => self.set_attr(id, attr, v),
                    Value::Class(c) => {
                        self.world += 1;
                        self.class_stores
                            .entry((c.module, c.def.span))
                            .or_default()
                            .insert(attr.clone(), v);
                    }
                    _ => {}
                }
            }
            Target::Subscript(base, key) => {
                // `REGISTRY["name"] = tool`, `self._catalog[name] = fn`: grow a dict bound to a
                // name or held by an attribute of an object a name holds.
                let k = self.expr(key);
                if matches!(&base.kind, ExprKind::Name(_) | ExprKind::Attr(..)) {
                    if let Value::Dict(items) = self.expr(base) {
                        let mut items = items.to_vec();
                        items.push((k, v));
                        self.rebind(base, Value::Dict(Seq::rc(items)));
                    }
                }
            }
            Target::Starred(t) => self.assign(t, Value::Unknown),
            Target::Other => {}
        }
    }

    // ---- statements -----------------------------------------------------------------------

    fn block(&mut self, body: &[Stmt]) {
        for s in body {
            if !self.burn() {
                return;
            }
            self.stmt(s);
            // A union that overflowed inside this statement (and not in a nested one, which
            // recorded it already) is recorded here.
            let now = union_cuts();
            if now != self.union_seen {
                self.union_seen = now;
                self.cut(Bound::UnionWidth, s.span);
            }
        }
    }

    fn cut(&mut self, bound: Bound, span: Span) {
        let file = self.file();
        self.ev.cuts.record(file, bound, span);
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Import(names) => {
                for (dotted, alias) in names {
                    match alias {
                        Some(a) => {
                            let v = self.import_value(dotted);
                            self.bind(a, v);
                        }
                        None => {
                            let top = dotted.split('.').next().unwrap_or(dotted);
                            let v = self.import_value(top);
                            // Make sure submodules named here are evaluated.
                            if let Some(i) = self.find_module(dotted) {
                                self.module_globals(i);
                            }
                            self.bind(top, v);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                level,
                module,
                names,
            } => {
                let full = if *level > 0 {
                    self.resolve_relative(*level, module)
                } else {
                    module.clone()
                };
                let target = self.find_module(&full);
                // `from . import handlers` at the top of the project's names (a folder without
                // `__init__.py`): the sibling module `handlers`, not `.handlers`.
                let sub_of = |name: &str| {
                    if full.is_empty() {
                        name.to_string()
                    } else {
                        format!("{full}.{name}")
                    }
                };
                for (name, alias) in names {
                    if name == "*" {
                        if let Some(i) = target {
                            let g: Vec<(String, Value)> = self
                                .module_globals(i)
                                .map(|g| {
                                    g.iter()
                                        .filter(|(k, _)| !k.starts_with('_'))
                                        .map(|(k, v)| (k.clone(), v.clone()))
                                        .collect()
                                })
                                .unwrap_or_default();
                            for (k, v) in g {
                                self.bind(&k, v);
                            }
                        }
                        continue;
                    }
                    let v = match target {
                        Some(i) => self.attr_of_module(i, name),
                        None => match full.strip_prefix(crate::extract::js_lower::EXTERNAL) {
                            Some(spec) => self.js_name(spec, name),
                            // A module of a namespace package (a folder without `__init__.py`):
                            // `from app import tools` names the project's `app/tools.py`.
                            None => match self.find_module(&sub_of(name)) {
                                Some(j) => Value::Module(j),
                                None => self.ext_value(&sub_of(name)),
                            },
                        },
                    };
                    let v = match v {
                        Value::Unknown => {
                            let sub = sub_of(name);
                            match self.find_module(&sub) {
                                Some(j) => Value::Module(j),
                                None => Value::Unknown,
                            }
                        }
                        v => v,
                    };
                    self.bind(alias.as_ref().unwrap_or(name), v);
                }
            }
            StmtKind::Assign { targets, value, .. } => {
                let v = self.expr(value);
                for t in targets {
                    self.assign(t, v.clone());
                }
            }
            StmtKind::AnnOnly { .. } => {}
            StmtKind::AugAssign { target, op, value } => {
                let rhs = self.expr(value);
                let cur = match target {
                    Target::Name(n, _) => self.lookup(n),
                    _ => Value::Unknown,
                };
                let v = if op == "+=" || op == "|=" {
                    binop_add(cur, rhs)
                } else {
                    Value::Unknown
                };
                self.assign(target, v);
            }
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::Func(def) => {
                let module = self.frames.last().map(|f| f.module).unwrap_or(0);
                let f = FuncVal {
                    def: def.clone(),
                    module,
                    bound: None,
                    env: self.capture(def),
                };
                let site = f.site(self.modules);
                self.register_func(site, &f);
                let mut v = Value::Func(f);
                for d in def.decorators.iter().rev() {
                    let (dv, receiver) = match &d.kind {
                        ExprKind::Attr(o, attr) => {
                            let ov = self.expr(o);
                            (self.getattr(&ov, attr), Some((ov, attr)))
                        }
                        _ => (self.expr(d), None),
                    };
                    self.record_decorator(site, &dv, d.span);
                    // `@kernel_function(name=...)` with a project decorator factory: the factory
                    // names the decorator, not the inner function it returns.
                    if let ExprKind::Call(c, _) = &d.kind {
                        if matches!(c.kind, ExprKind::Name(_) | ExprKind::Attr(..)) {
                            if let Value::Func(factory) = self.expr(c) {
                                self.record_decorator(site, &Value::Func(factory), d.span);
                            }
                        }
                    }
                    // `@server.tool` without parentheses is `server.tool(fn)`: record it on the
                    // receiver like the call, so framework extractors see the registration.
                    if let (Value::Ext(_), Some((Value::Obj(id), attr))) = (&dv, &receiver) {
                        if !matches!(self.ev.objects[*id].kind, ObjKind::Instance(_)) {
                            let at = self.site(d.span);
                            self.record_method(
                                *id,
                                attr,
                                vec![v.clone()],
                                vec![],
                                at,
                                vec![],
                                vec![],
                            );
                        }
                    }
                    v = self.apply_decorator(dv, v, d.span, def);
                }
                self.bind(&def.name, v);
            }
            StmtKind::Class(def) => {
                let module = self.frames.last().map(|f| f.module).unwrap_or(0);
                let bases: Vec<Value> = def
                    .bases
                    .iter()
                    .filter_map(|a| match a {
                        // A generic base (`Definition[ToolName]`) is the class it subscripts.
                        Arg::Pos(Expr {
                            kind: ExprKind::Subscript(b, _),
                            ..
                        }) => Some(self.expr(b)),
                        Arg::Pos(e) => Some(self.expr(e)),
                        _ => None,
                    })
                    .collect();
                // Evaluate the class body in its own frame for its attributes and methods.
                let env = self.capture_body(&def.body);
                self.frames.push(Frame {
                    func: None,
                    called_at: None,
                    module,
                    locals: HashMap::default(),
                    undo: Vec::new(),
                    returns: Value::Unknown,
                    has_return: false,
                    is_module: false,
                    env,
                    module_writes: vec![],
                });
                // Methods are defined exactly like functions, in the class frame.
                self.block(&def.body);
                let frame = self.frames.pop();
                let attrs: BTreeMap<String, Value> = frame
                    .map(|f| f.locals.into_iter().collect())
                    .unwrap_or_default();
                let c = ClassVal {
                    def: def.clone(),
                    module,
                    bases: Rc::new(bases),
                    attrs: Rc::new(attrs),
                };
                let site = Site {
                    file: self.modules[module].file,
                    span: def.span,
                };
                self.ev.classes.entry(site).or_insert_with(|| c.clone());
                let mut v = Value::Class(c);
                for d in def.decorators.iter().rev() {
                    let dv = self.expr(d);
                    // External class decorators (`@CrewBase`) are remembered by class site.
                    self.record_decorator(site, &dv, d.span);
                    if let Value::Func(_) = dv {
                        v = self.call_value(&dv, vec![v], vec![], d.span, None);
                    }
                }
                self.bind(&def.name, v);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.branches(&[body, orelse]);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let it = self.expr(iter);
                let elems = iter_elements(&it);
                if elems.as_ref().is_some_and(|e| e.len() > MAX_UNROLL) {
                    self.cut(Bound::LoopUnroll, s.span);
                }
                match elems {
                    Some(elems) if elems.len() <= MAX_UNROLL => {
                        for e in elems {
                            self.assign(target, e);
                            self.block(body);
                        }
                    }
                    _ => {
                        let item = self.item_of(&it);
                        self.assign(target, item);
                        self.block(body);
                    }
                }
                self.block(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::With { items, body } => {
                for (e, t) in items {
                    let v = self.expr(e);
                    if let Some(t) = t {
                        self.assign(t, v);
                    }
                }
                self.block(body);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(body);
                for h in handlers {
                    self.block(h);
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::Match { subject, cases, .. } => {
                self.expr(subject);
                let refs: Vec<&Vec<Stmt>> = cases.iter().collect();
                self.branches(&refs);
            }
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.expr(e),
                    None => Value::None,
                };
                if let Some(f) = self.frames.last_mut() {
                    f.returns = if f.has_return {
                        Value::union(std::mem::replace(&mut f.returns, Value::Unknown), v)
                    } else {
                        v
                    };
                    f.has_return = true;
                }
            }
            StmtKind::Raise(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Other => {}
        }
    }

    /// Evaluates alternative branches from the same starting environment and merges the results:
    /// a name bound differently in two branches becomes a union.
    fn branches(&mut self, arms: &[&Vec<Stmt>]) {
        if self.frames.is_empty() {
            return;
        }
        let implicit_else = arms.len() < 2 || arms.iter().any(|a| a.is_empty());
        // Per name written in some arm: its value before the branches, and per arm its value
        // at the end of that arm (`None` in `ends`: the arm did not write it).
        let mut before: BTreeMap<String, Option<Value>> = BTreeMap::new();
        let mut ends: Vec<BTreeMap<String, Option<Value>>> = Vec::with_capacity(arms.len());
        for arm in arms {
            self.undo_begin();
            self.block(arm);
            let mut end = BTreeMap::new();
            for (name, was, now) in self.undo_end() {
                before.entry(name.clone()).or_insert(was);
                end.insert(name, now);
            }
            ends.push(end);
        }
        // Merge in arm order, then the starting value when a path can skip every arm; a name
        // bound differently on two paths becomes a union.
        for (name, start) in before {
            let mut merged: Option<Value> = None;
            let mut take = |v: Option<Value>| {
                if let Some(v) = v {
                    merged = Some(match merged.take() {
                        None => v,
                        Some(cur) if same(&cur, &v) => cur,
                        Some(cur) => Value::union(cur, v),
                    });
                }
            };
            for end in &mut ends {
                match end.remove(&name) {
                    Some(now) => take(now),
                    None => take(start.clone()),
                }
            }
            if implicit_else {
                take(start);
            }
            if let Some(v) = merged {
                self.bind(&name, v);
            }
        }
    }

    // ---- decorators -----------------------------------------------------------------------

    /// Remembers the external decorators of a function (`@approved_by_human`), by the dotted
    /// name they resolve to, for gates given as data.
    fn record_decorator(&mut self, func: Site, dv: &Value, span: Span) {
        let name = match dv {
            Value::Ext(q) => Some(q.to_string()),
            Value::Obj(id) => self.ev.objects[*id].class_name().map(String::from),
            // A decorator written in the project (a framework's own source in the scanned
            // tree: `semantic_kernel.functions.kernel_function_decorator.kernel_function`), by
            // the dotted name it is defined under, so knowledge of the framework still applies.
            Value::Func(f) if f.bound.is_none() => {
                Some(format!("{}.{}", self.modules[f.module].name, f.def.name))
            }
            _ => None,
        };
        if let Some(name) = name {
            let site = self.site(span);
            let v = self.ev.decorators.entry(func).or_default();
            if !v.iter().any(|(n, _)| *n == name) {
                v.push((name, site));
            }
        }
    }

    fn apply_decorator(&mut self, dec: Value, target: Value, span: Span, def: &FuncDef) -> Value {
        let Value::Func(func) = &target else {
            return target;
        };
        match &dec {
            // `@tool` / `@tool("name")` from LangChain, or any decorator resolved to `*.tool`.
            Value::Ext(q) if self.sem.tool_decorators.contains(&**q) => {
                self.tool_func(func.clone(), None, def)
            }
            Value::Obj(id) => {
                let (class, name) = {
                    let o = &self.ev.objects[*id];
                    (
                        o.class_name().map(|s| s.to_string()),
                        o.args.first().and_then(|a| a.as_str()).map(String::from),
                    )
                };
                match class {
                    Some(c) if self.sem.tool_decorators.contains(&c) => {
                        let name = name.or_else(|| {
                            self.ev.objects[*id]
                                .kwarg("name")
                                .and_then(|v| v.as_str())
                                .map(String::from)
                        });
                        self.tool_func(func.clone(), name, def)
                    }
                    _ => {
                        // Record the decoration as a call on the decorator object, so framework
                        // extractors can see `@mcp.tool()`-style registrations later.
                        let site = self.site(span);
                        self.record_method(
                            *id,
                            "__decorate__",
                            vec![target.clone()],
                            vec![],
                            site,
                            vec![],
                            vec![],
                        );
                        // `@entrypoint(checkpointer=...)`: the workflow object stands for the
                        // function, so `workflow.invoke(...)` is recorded on it.
                        let is_entrypoint = self.ev.objects[*id]
                            .class_name()
                            .is_some_and(|c| self.sem.entrypoints.iter().any(|g| glob_match(g, c)));
                        if is_entrypoint {
                            Value::Obj(*id)
                        } else {
                            target
                        }
                    }
                }
            }
            Value::Func(df) => {
                // A project decorator: evaluate it; if it returns the wrapped function's
                // wrapper, keep the original (wrappers forward their arguments, less those
                // the wrapper supplies itself).
                let injected = decorator_injected(df, def);
                if !injected.is_empty() {
                    let site = func.site(self.modules);
                    self.ev.injected.entry(site).or_default().extend(injected);
                }
                let r = self.call_func(df, vec![target.clone()], vec![], None);
                match r {
                    Value::Obj(_) => r,
                    _ => target,
                }
            }
            _ => target,
        }
    }

    fn tool_func(&mut self, func: FuncVal, name: Option<String>, def: &FuncDef) -> Value {
        let site = Site {
            file: self.modules[func.module].file,
            span: def.name_span,
        };
        let id = self.alloc(
            site,
            1,
            ObjKind::ToolFunc { func, name },
            vec![],
            vec![],
            vec![],
            vec![],
        );
        Value::Obj(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn alloc(
        &mut self,
        site: Site,
        tag: u8,
        kind: ObjKind,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
        arg_spans: Vec<Span>,
        kwarg_spans: Vec<(String, Span)>,
    ) -> ObjId {
        // Objects are told apart by allocation site and by the chain of call sites that led
        // there, so a factory called twice builds two agents, not one merged agent; and by what
        // is built, so `[cls() for cls in TOOL_CLASSES]` builds one object per class.
        let mut ctx = self.context();
        let what = match &kind {
            ObjKind::Instance(c) => Some(((c.module as u64) << 32) ^ u64::from(c.def.span.start)),
            ObjKind::Ext(q) => {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                q.hash(&mut h);
                Some(h.finish())
            }
            ObjKind::ToolFunc { .. } => None,
        };
        if let Some(w) = what {
            ctx = ctx.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(w);
        }
        // Call chains multiply: a site reached through F callers at each of D levels has up to
        // F^D contexts (4 million objects, 1 GB, on agno's 1,176 files). Past the bound, every
        // further context of a site shares one object, and the cut is reported.
        if !self.obj_at.contains_key(&(site, tag, ctx)) {
            let key = (site, tag, what.unwrap_or(0));
            let seen = self.site_contexts.entry(key).or_insert(0);
            if *seen >= Bound::ObjectContexts.limit() {
                ctx = u64::MAX ^ what.unwrap_or(0);
                self.ev
                    .cuts
                    .record(site.file, Bound::ObjectContexts, site.span);
            } else {
                *seen += 1;
            }
        }
        if let Some(&id) = self.obj_at.get(&(site, tag, ctx)) {
            // Same allocation site: merge what we learned (later evaluations may know more).
            let o = &mut self.ev.objects[id];
            if !args.is_empty() || !kwargs.is_empty() {
                if o.args.is_empty() && o.kwargs.is_empty() {
                    o.args = args;
                    o.kwargs = kwargs;
                } else {
                    for (i, a) in args.into_iter().enumerate() {
                        if let Some(cur) = o.args.get_mut(i) {
                            if !same(cur, &a) && !matches!(a, Value::Unknown) {
                                *cur = Value::union(cur.clone(), a);
                            }
                        }
                    }
                    for (k, v) in kwargs {
                        match o.kwargs.iter_mut().find(|(n, _)| *n == k) {
                            Some((_, cur)) => {
                                if !same(cur, &v) && !matches!(v, Value::Unknown) {
                                    *cur = Value::union(cur.clone(), v);
                                }
                            }
                            None => o.kwargs.push((k, v)),
                        }
                    }
                }
                o.arg_spans = arg_spans;
                o.kwarg_spans = kwarg_spans;
            }
            return id;
        }
        let id = self.ev.objects.len();
        self.ev.objects.push(Obj {
            site,
            kind,
            args,
            kwargs,
            arg_spans,
            kwarg_spans,
            calls: vec![],
            attrs: BTreeMap::new(),
            receiver: None,
        });
        self.obj_at.insert((site, tag, ctx), id);
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn record_method(
        &mut self,
        id: ObjId,
        method: &str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
        site: Site,
        arg_spans: Vec<Span>,
        kwarg_spans: Vec<(String, Span)>,
    ) {
        let o = &mut self.ev.objects[id];
        let at = self.calls_at.entry((id, site)).or_default();
        // Re-evaluation of the same site (a loop unrolled, a function called twice): distinct
        // argument sets (positional or keyword: `add_tool(fn=d.fn)`) are separate calls, a
        // repeated one is not.
        let repeated = at.iter().map(|&i| &o.calls[i]).any(|c| {
            c.method == method
                && c.args.len() == args.len()
                && c.args.iter().zip(&args).all(|(a, b)| same(a, b))
                && c.kwargs.len() == kwargs.len()
                && c.kwargs
                    .iter()
                    .zip(&kwargs)
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        });
        if repeated {
            return;
        }
        // No cap: every call costs fuel, and running out of fuel is reported per file.
        at.push(o.calls.len());
        o.calls.push(MethodCall {
            method: method.to_string(),
            args,
            kwargs,
            site,
            arg_spans,
            kwarg_spans,
        });
    }

    // ---- expressions ----------------------------------------------------------------------

    pub fn expr(&mut self, e: &Expr) -> Value {
        if !self.burn() {
            return Value::Unknown;
        }
        match &e.kind {
            ExprKind::Name(n) => self.lookup(n),
            ExprKind::Attr(obj, attr) => {
                let o = self.expr(obj);
                self.getattr(&o, attr)
            }
            ExprKind::Call(f, args) => self.call_expr(f, args, e.span),
            ExprKind::Str(s) => Value::Str(s.as_str().into(), self.site(e.span)),
            ExprKind::FStr(parts) => {
                for p in parts {
                    self.expr(p);
                }
                Value::Unknown
            }
            ExprKind::Num(_) => Value::Num,
            ExprKind::Bool(b) => Value::Bool(*b),
            ExprKind::None => Value::None,
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                let mut out = vec![];
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => {
                            let v = self.expr(inner);
                            match iter_elements(&v) {
                                Some(xs) => out.extend(xs),
                                None => out.push(v),
                            }
                        }
                        _ => out.push(self.expr(it)),
                    }
                }
                Value::List(Seq::rc(out))
            }
            ExprKind::Dict(items) => {
                let mut out = vec![];
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            let k = self.expr(k);
                            let v = self.expr(v);
                            out.push((k, v));
                        }
                        DictItem::Splat(d) => {
                            if let Value::Dict(xs) = self.expr(d) {
                                out.extend(xs.iter().cloned());
                            }
                        }
                    }
                }
                Value::Dict(Seq::rc(out))
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::Subscript(base, key) => {
                let b = self.expr(base);
                let k = self.expr(key);
                match subscript(&b, &k) {
                    Value::Unknown => self.item_of(&b),
                    v => v,
                }
            }
            ExprKind::BinOp(ops, operands) => {
                let mut acc = match operands.first() {
                    Some(x) => self.expr(x),
                    None => Value::Unknown,
                };
                for (op, x) in ops.iter().zip(operands.iter().skip(1)) {
                    let r = self.expr(x);
                    acc = if op == "+" || op == "|" {
                        binop_add(acc, r)
                    } else if op == "/" {
                        // `Path(base) / name` is a path again: keep the external class so
                        // `.unlink()` on the result resolves.
                        match &acc {
                            Value::Obj(id) => match &self.ev.objects[*id].kind {
                                ObjKind::Ext(c) => Value::Ext(c.clone()),
                                _ => Value::Unknown,
                            },
                            Value::Ext(c) => Value::Ext(c.clone()),
                            _ => Value::Unknown,
                        }
                    } else {
                        Value::Unknown
                    };
                }
                acc
            }
            ExprKind::BoolOp(_, vs) => {
                let mut acc: Option<Value> = None;
                for v in vs {
                    let x = self.expr(v);
                    acc = Some(match acc {
                        None => x,
                        Some(a) => Value::union(a, x),
                    });
                }
                acc.unwrap_or(Value::Unknown)
            }
            ExprKind::Compare(vs, _) => {
                for v in vs {
                    self.expr(v);
                }
                Value::Unknown
            }
            ExprKind::Not(x) | ExprKind::Unary(x) => {
                self.expr(x);
                Value::Unknown
            }
            ExprKind::Lambda(def) => {
                let module = self.frames.last().map(|f| f.module).unwrap_or(0);
                let f = FuncVal {
                    def: def.clone(),
                    module,
                    bound: None,
                    env: self.capture(def),
                };
                let site = f.site(self.modules);
                self.register_func(site, &f);
                Value::Func(f)
            }
            ExprKind::IfExp(test, a, b) => {
                self.expr(test);
                let a = self.expr(a);
                let b = self.expr(b);
                Value::union(a, b)
            }
            ExprKind::Comp(c) => self.comprehension(c, e.span),
            ExprKind::Await(x) => self.expr(x),
            ExprKind::Walrus(n, v) => {
                let v = self.expr(v);
                self.bind(n, v.clone());
                v
            }
            ExprKind::Unknown => Value::Unknown,
        }
    }

    /// An element of an external object iterated or indexed without known elements
    /// (`for p in Path(d).glob("*")`, `files[0]`): an external value named after the object's
    /// class, so calls on it still resolve (`pathlib.Path.glob.__item__.unlink`).
    fn item_of(&self, v: &Value) -> Value {
        let class = match v {
            Value::Obj(id) => match &self.ev.objects[*id].kind {
                ObjKind::Ext(c) => c.clone(),
                _ => return Value::Unknown,
            },
            Value::Ext(c) => c.clone(),
            _ => return Value::Unknown,
        };
        if class.ends_with(".__item__") {
            Value::Ext(class)
        } else {
            Value::Ext(format!("{class}.__item__").into())
        }
    }

    fn comprehension(&mut self, c: &crate::syntax::python::Comprehension, span: Span) -> Value {
        // Unroll the first generator when its iterable is known; otherwise evaluate once.
        let Some((target, iter, conds)) = c.generators.first() else {
            return Value::Unknown;
        };
        let it = self.expr(iter);
        let elems = iter_elements(&it);
        if elems.as_ref().is_some_and(|e| e.len() > MAX_UNROLL) {
            self.cut(Bound::LoopUnroll, span);
        }
        self.undo_begin();
        let mut out_list = vec![];
        let mut out_dict = vec![];
        let runs: Vec<Value> = match &elems {
            Some(xs) if xs.len() <= MAX_UNROLL => xs.clone(),
            _ => vec![self.item_of(&it)],
        };
        for e in runs {
            self.assign(target, e);
            for (t2, i2, _) in c.generators.iter().skip(1) {
                let v = self.expr(i2);
                let first = iter_elements(&v)
                    .and_then(|x| x.into_iter().next())
                    .unwrap_or(Value::Unknown);
                self.assign(t2, first);
            }
            for cond in conds {
                self.expr(cond);
            }
            let v = self.expr(&c.elt);
            if c.kind == CompKind::Dict {
                let k = c
                    .key
                    .as_ref()
                    .map(|k| self.expr(k))
                    .unwrap_or(Value::Unknown);
                out_dict.push((k, v));
            } else {
                out_list.push(v);
            }
        }
        // The comprehension's own names do not leak (Python 3 scoping).
        self.undo_end();
        let known = matches!(&elems, Some(xs) if xs.len() <= MAX_UNROLL);
        if c.kind == CompKind::Dict {
            if known {
                Value::Dict(Seq::rc(out_dict))
            } else {
                Value::Unknown
            }
        } else if known {
            Value::List(Seq::rc(out_list))
        } else {
            // Unknown iterable: the elements are like the one evaluated element.
            Value::List(Seq::rc(out_list))
        }
    }

    pub fn getattr(&mut self, o: &Value, attr: &str) -> Value {
        let v = self.getattr_of(o, attr);
        if let Some(gap) = &mut self.stand_in_gap {
            if matches!(o, Value::Obj(id) if self.self_stand_ins.contains(id))
                && v.has_unknown()
                && !gap.attrs.contains(attr)
            {
                gap.attrs.insert(attr.to_string());
            }
        }
        v
    }

    fn getattr_of(&mut self, o: &Value, attr: &str) -> Value {
        match o {
            Value::Module(i) => self.attr_of_module(*i, attr),
            // A library value that is text: its methods are the string's, not the library's.
            Value::Ext(q) if self.sem.is_text_value(q) => Value::Unknown,
            Value::Ext(q) => match q.strip_prefix(crate::extract::js_lower::EXTERNAL) {
                Some(spec) => self.js_name(spec, attr),
                None => self.ext_value(&self.js_attr(q, attr)),
            },
            Value::Obj(id) => {
                let id = *id;
                if let Some(v) = self.ev.objects[id].attrs.get(attr) {
                    return v.clone();
                }
                match self.ev.objects[id].kind.clone() {
                    ObjKind::Instance(c) => match class_attr(&c, attr) {
                        // A `@staticmethod` read through an instance takes no `self`: its
                        // arguments bind from the first parameter.
                        Some(Value::Func(f)) if is_staticmethod(&f.def) => Value::Func(f),
                        // A `@classmethod` read through an instance binds the class.
                        Some(Value::Func(mut f)) if is_classmethod(&f.def) => {
                            f.bound = Some(Box::new(Value::Class(c.clone())));
                            Value::Func(f)
                        }
                        Some(Value::Func(mut f)) => {
                            f.bound = Some(Box::new(Value::Obj(id)));
                            Value::Func(f)
                        }
                        // A field the class declares (`db: SQLDatabase = Field(...)`): its
                        // value comes from the constructor, the class holds a default; on the
                        // stand-in, it is what the annotation names.
                        Some(v) if self.self_stand_ins.contains(&id) => {
                            match declared_field(&c, attr) {
                                Some((m, ann)) => self.field_value(m, &ann),
                                None => v,
                            }
                        }
                        Some(v) => v,
                        // Declared without a default (`client: Client`), or inherited from an
                        // external base class (`class Server(FastMCP)`).
                        None if self.self_stand_ins.contains(&id) => {
                            match declared_field(&c, attr) {
                                Some((m, ann)) => self.field_value(m, &ann),
                                None => Value::Unknown,
                            }
                        }
                        None => match ext_base(&c) {
                            Some(b) => Value::Ext(format!("{b}.{attr}").into()),
                            None => Value::Unknown,
                        },
                    },
                    ObjKind::Ext(c) => Value::Ext(self.js_attr(&c, attr).into()),
                    ObjKind::ToolFunc { .. } => Value::Unknown,
                }
            }
            Value::Class(c) => match self
                .class_stores
                .get(&(c.module, c.def.span))
                .and_then(|m| m.get(attr))
            {
                Some(v) => v.clone(),
                // A `@classmethod` read through its class binds `cls` (`Store.get()`).
                None => match class_attr(c, attr) {
                    Some(Value::Func(mut f)) if is_classmethod(&f.def) => {
                        f.bound = Some(Box::new(Value::Class(c.clone())));
                        Value::Func(f)
                    }
                    v => v.unwrap_or(Value::Unknown),
                },
            },
            // A JavaScript object literal's property (`runTool.execute`).
            Value::Dict(items) if self.in_js() => dict_get(items, attr),
            // A string-valued enum member's `.value` (`Tools.STATUS.value`) is the string.
            Value::Str(..) if attr == "value" => o.clone(),
            Value::Union(vs) => {
                let mut acc: Option<Value> = None;
                for v in vs.iter() {
                    let x = self.getattr(v, attr);
                    acc = Some(match acc {
                        None => x,
                        Some(a) => Value::union(a, x),
                    });
                }
                acc.unwrap_or(Value::Unknown)
            }
            _ => Value::Unknown,
        }
    }

    fn call_expr(&mut self, f: &Expr, args: &[Arg], span: Span) -> Value {
        // Set by a forwarder for the call it makes: that call does not forward again.
        let forwarded = std::mem::take(&mut self.forwarding);
        // `super().__new__(cls)` / `object.__new__(cls)` in a project `__new__`: a bare
        // instance of the class, its `__init__` not yet run.
        if let (ExprKind::Attr(o, m), Some(Arg::Pos(first))) = (&f.kind, args.first()) {
            let base = match &o.kind {
                ExprKind::Call(g, a) if a.is_empty() => {
                    matches!(&g.kind, ExprKind::Name(n) if n == "super")
                }
                ExprKind::Name(n) => n == "object",
                _ => false,
            };
            if m == "__new__" && base {
                if let Value::Class(c) = self.expr(first) {
                    let site = self.site(span);
                    let id = self.alloc(
                        site,
                        0,
                        ObjKind::Instance(c),
                        vec![],
                        vec![],
                        vec![],
                        vec![],
                    );
                    return Value::Obj(id);
                }
            }
        }
        // `getattr(handlers, "do_" + name, None)`: a name computed at run time around literal
        // text picks one of the object's attributes that fit it.
        if let (ExprKind::Name(g), [Arg::Pos(obj), Arg::Pos(name), rest @ ..]) = (&f.kind, args) {
            if g == "getattr" && matches!(self.lookup("getattr"), Value::Ext(q) if &*q == "getattr")
            {
                if let Some(v) = self.dynamic_attr(obj, name, rest) {
                    return v;
                }
            }
        }
        // Method call: evaluate the receiver once so the record names it.
        let (fv, receiver_name, method_name, recv_val) = match &f.kind {
            ExprKind::Attr(obj, attr) => {
                let o = self.expr(obj);
                let v = self.getattr(&o, attr);
                // JavaScript methods of Python-named framework objects take their Python
                // names (`addNode` is `add_node`).
                let mapped = self.in_js()
                    && match &o {
                        Value::Obj(id) => self.ev.objects[*id]
                            .class_name()
                            .is_some_and(|c| !c.starts_with("js.")),
                        Value::Ext(q) => !q.starts_with("js"),
                        _ => false,
                    };
                let m = if mapped {
                    crate::knowledge::js_member(attr).into()
                } else {
                    attr.clone()
                };
                (v, last_name(obj), Some(m), Some(o))
            }
            _ => (self.expr(f), None, None, None),
        };
        // `asyncio.to_thread(f, x)`: a call of `f` with `x`, run on another thread. Evaluated as
        // that call (once: a forwarder handed another forwarder is an ordinary call).
        if let (Value::Ext(q), false) = (&fv, forwarded) {
            let at = self.sem.forwarder(q);
            if let Some((func, rest)) = at.as_ref().and_then(|how| forwarded_call(args, how)) {
                // What the forwarder reads besides (`None` for the executor): evaluated once.
                for a in args {
                    let (Arg::Pos(e) | Arg::Kw(_, e)) = a else {
                        continue;
                    };
                    let packed = matches!((a, &at), (Arg::Kw(n, _), Some(Forward::Keyword(_))) if n == "args");
                    let passed = rest
                        .iter()
                        .any(|r| matches!(r, Arg::Pos(x) if x.span == e.span));
                    if !std::ptr::eq(e, func) && !packed && !passed {
                        self.expr(e);
                    }
                }
                let site = self.site(span);
                if let Some(how) = at {
                    self.ev.forwarded.insert(site, how);
                }
                self.forwarding = true;
                return self.call_expr(func, &rest, span);
            }
        }
        let mut pos = vec![];
        let mut pos_spans = vec![];
        let mut kw = vec![];
        let mut kw_spans = vec![];
        for a in args {
            match a {
                Arg::Pos(e) => {
                    pos.push(self.expr(e));
                    pos_spans.push(e.span);
                }
                Arg::Star(e) => {
                    let v = self.expr(e);
                    match iter_elements(&v) {
                        Some(xs) => {
                            for x in xs {
                                pos.push(x);
                                pos_spans.push(e.span);
                            }
                        }
                        None => {
                            pos.push(Value::Unknown);
                            pos_spans.push(e.span);
                        }
                    }
                }
                Arg::Kw(n, e) => {
                    kw.push((n.clone(), self.expr(e)));
                    kw_spans.push((n.clone(), e.span));
                }
                Arg::DoubleStar(e) => {
                    if let Value::Dict(items) = self.expr(e) {
                        for (k, v) in items.iter() {
                            if let Some(k) = k.as_str() {
                                kw.push((k.to_string(), v.clone()));
                                kw_spans.push((k.to_string(), e.span));
                            }
                        }
                    }
                }
            }
        }
        let site = self.site(span);
        if self.in_js() {
            self.js_options(&fv, args, &mut pos, &mut pos_spans, &mut kw, &mut kw_spans);
        }
        let rec_args = pos.clone();
        let rec_kw = kw.clone();
        if let (Some(m), Some(recv)) = (&method_name, &recv_val) {
            if let Some(v) = self.container_method(f, recv, m, &pos) {
                return v;
            }
        }
        // Method on an object that is not a project instance, or a method a project instance
        // inherits from outside the project (`flow.kickoff(...)` on a `Flow` subclass,
        // `self.tool(...)` on a `FastMCP` subclass): record it on the object.
        if let (Some(m), Some(Value::Obj(rid))) = (&method_name, &recv_val) {
            let external = !matches!(self.ev.objects[*rid].kind, ObjKind::Instance(_))
                || matches!(fv, Value::Unknown | Value::Ext(_));
            if external {
                self.record_method(
                    *rid,
                    m,
                    pos.clone(),
                    kw.clone(),
                    site,
                    pos_spans.clone(),
                    kw_spans.clone(),
                );
            }
        }
        // Unknown receiver: a method call by name.
        let callees_override = match (&method_name, &fv) {
            (Some(m), Value::Unknown) => Some(vec![Callee::Method {
                method: m.to_string(),
                receiver: receiver_name.clone(),
            }]),
            // Under a stand-in `self`, a method of an external object no knowledge names
            // (`conn.cursor().execute(q)` where `conn` came back from a library call the
            // knowledge does not know) is also the method by name, as it is on an unknown
            // receiver when `self` is unknown.
            (Some(m), Value::Ext(q))
                if self.in_stand_in && self.js.is_some_and(|k| unknown_name(k, q)) =>
            {
                Some(vec![
                    Callee::Qualified(q.clone()),
                    Callee::Method {
                        method: m.to_string(),
                        receiver: receiver_name.clone(),
                    },
                ])
            }
            // A receiver that may be unknown (`conn` is a pooled connection or a new one).
            (Some(m), Value::Union(vs))
                if self.in_stand_in && vs.iter().any(|v| matches!(v, Value::Unknown)) =>
            {
                let mut cs = callees_of(&fv);
                cs.push(Callee::Method {
                    method: m.to_string(),
                    receiver: receiver_name.clone(),
                });
                Some(cs)
            }
            _ => None,
        };
        // An inline function handed to a library (`cols.map((c) => this.quote(c))`,
        // `items.forEach(...)`) runs there with arguments the interpreter does not know: run it
        // here, under the closure just made, so the calls inside resolve against what the
        // enclosing call holds (its `self`), not only the stand-in an uncalled function gets.
        let callbacks: Vec<FuncVal> = if matches!(fv, Value::Ext(_) | Value::Unknown) {
            args.iter()
                .zip(&pos)
                .filter_map(|(a, v)| match (a, v) {
                    (Arg::Pos(e), Value::Func(lf))
                        if matches!(e.kind, ExprKind::Lambda(_)) && lf.env.is_some() =>
                    {
                        Some(lf.clone())
                    }
                    _ => None,
                })
                .collect()
        } else {
            vec![]
        };
        // `asyncio.wait_for(pool.acquire(), 5)`: the argument's value (unknown where it is).
        let passed = match &fv {
            Value::Ext(q) => self
                .sem
                .passthrough(q)
                .map(|at| pos.get(at).cloned().unwrap_or(Value::Unknown)),
            _ => None,
        };
        let result = self.call_value(&fv, pos, kw, span, Some((pos_spans, kw_spans)));
        let result = passed.unwrap_or(result);
        for lf in callbacks {
            self.in_callbacks += 1;
            self.call_func(&lf, vec![], vec![], Some(span));
            self.in_callbacks -= 1;
        }
        let callees = callees_override.unwrap_or_else(|| callees_of(&fv));
        // Builder methods on LangGraph graphs return the builder itself (fluent chains).
        let result = match (&method_name, &recv_val) {
            (Some(m), Some(Value::Obj(rid))) if self.returns_self(&self.ev.objects[*rid], m) => {
                Value::Obj(*rid)
            }
            (Some(_), Some(Value::Obj(rid))) => {
                if let Value::Obj(res) = &result {
                    if self.ev.objects[*res].receiver.is_none() && *res != *rid {
                        self.ev.objects[*res].receiver = Some(*rid);
                    }
                }
                result
            }
            _ => result,
        };
        let rec = CallRecord {
            site,
            callees: callees.clone(),
            args: rec_args,
            kwargs: rec_kw,
            func_span: f.span,
        };
        // A function is first evaluated on its own (a method with `self` unknown, a helper with
        // unknown arguments) and again from its callers. The first evaluation's record is kept,
        // but a callee it could not resolve (`self.exec(...)` as a method by name) takes the
        // one a later evaluation resolved, so helpers that call their own methods are followed.
        let resolved = |cs: &[Callee]| {
            cs.iter()
                .any(|c| !matches!(c, Callee::Method { .. } | Callee::Unknown))
        };
        let entry = self
            .ev
            .callee_at
            .entry(site)
            .or_insert_with(|| callees.clone());
        if !resolved(entry) && resolved(&callees) {
            *entry = callees.clone();
        }
        if let Some(fs) = self.frames.last().and_then(|f| f.func) {
            let v = self.ev.calls_by_func.entry(fs).or_default();
            match v.iter_mut().find(|r| r.site == site) {
                None => v.push(rec),
                Some(old) => {
                    if !resolved(&old.callees) && resolved(&rec.callees) {
                        old.callees = rec.callees;
                    }
                    // The record stands for every evaluation of the call: a constant it was
                    // given in one (`query("SELECT 1")` from one caller of the helper) and not
                    // in another (the text another caller built) is no longer known.
                    for (a, b) in old.args.iter_mut().zip(&rec.args) {
                        join_constant(a, b);
                    }
                    for (k, a) in old.kwargs.iter_mut() {
                        match rec.kwargs.iter().find(|(n, _)| n == k) {
                            Some((_, b)) => join_constant(a, b),
                            None => *a = Value::Unknown,
                        }
                    }
                }
            }
        }
        result
    }

    /// JavaScript calls with an options object: for a framework API listed in `js_options`,
    /// the object at its position becomes keyword arguments (keys renamed or snake_cased);
    /// for other external (`js.`) callees, every object argument's properties count as keyword
    /// arguments too (`fetch(url, { method: "POST" })`), the object staying positional.
    fn js_options(
        &self,
        fv: &Value,
        args: &[Arg],
        pos: &mut Vec<Value>,
        pos_spans: &mut Vec<Span>,
        kw: &mut Vec<(String, Value)>,
        kw_spans: &mut Vec<(String, Span)>,
    ) {
        let Value::Ext(q) = fv else { return };
        // The value span of `key` in the object literal written at `at`, if it is one.
        let value_span = |at: Span, key: &str| -> Option<Span> {
            args.iter().find_map(|a| match a {
                Arg::Pos(Expr {
                    kind: ExprKind::Dict(items),
                    span,
                }) if *span == at => items.iter().find_map(|it| match it {
                    DictItem::Pair(
                        Expr {
                            kind: ExprKind::Str(k),
                            ..
                        },
                        v,
                    ) if k == key => Some(v.span),
                    _ => None,
                }),
                _ => None,
            })
        };
        let entries = |d: &Value| -> Vec<(String, Value, Span)> {
            match d {
                Value::Dict(items) => items
                    .iter()
                    .filter_map(|(k, v)| match k {
                        Value::Str(s, site) => Some((s.to_string(), v.clone(), site.span)),
                        _ => None,
                    })
                    .collect(),
                _ => vec![],
            }
        };
        if q.starts_with("js.") {
            for (i, p) in pos.iter().enumerate() {
                let at = pos_spans.get(i).copied().unwrap_or_default();
                for (k, v, ks) in entries(p) {
                    kw_spans.push((k.clone(), value_span(at, &k).unwrap_or(ks)));
                    kw.push((k, v));
                }
            }
            return;
        }
        let Some(opt) = self.js.and_then(|k| {
            k.js_options_for(q)
                .find(|o| matches!(pos.get(o.arg), Some(Value::Dict(_))))
        }) else {
            return;
        };
        let d = pos.remove(opt.arg);
        let at = if opt.arg < pos_spans.len() {
            pos_spans.remove(opt.arg)
        } else {
            Span::default()
        };
        for (k, v, ks) in entries(&d) {
            let name = opt
                .rename
                .get(&k)
                .cloned()
                .unwrap_or_else(|| crate::knowledge::js_member(&k));
            kw_spans.push((name.clone(), value_span(at, &k).unwrap_or(ks)));
            kw.push((name, v));
        }
    }

    /// `d.items()`, `d.values()`, `d.get(k)`, `xs.append(x)`, `xs.extend(ys)` on known containers.
    fn container_method(
        &mut self,
        f: &Expr,
        recv: &Value,
        m: &str,
        pos: &[Value],
    ) -> Option<Value> {
        match (recv, m) {
            (Value::Dict(items), "items") => Some(Value::List(Seq::rc(
                items
                    .iter()
                    .map(|(k, v)| Value::List(Seq::rc(vec![k.clone(), v.clone()])))
                    .collect(),
            ))),
            (Value::Dict(items), "values") => Some(Value::List(Seq::rc(
                items.iter().map(|(_, v)| v.clone()).collect(),
            ))),
            (Value::Dict(items), "keys") => Some(Value::List(Seq::rc(
                items.iter().map(|(k, _)| k.clone()).collect(),
            ))),
            (Value::Dict(_), "get") => Some(match pos.first() {
                Some(k) => subscript(recv, k),
                None => Value::Unknown,
            }),
            (Value::List(items), "concat") => {
                let mut v = items.to_vec();
                for p in pos {
                    match iter_elements(p) {
                        Some(xs) => v.extend(xs),
                        None => v.push(p.clone()),
                    }
                }
                Some(Value::List(Seq::rc(v)))
            }
            (Value::List(items), "append" | "extend" | "insert" | "push") => {
                let mut v = items.to_vec();
                match m {
                    "append" => v.push(pos.first().cloned().unwrap_or(Value::Unknown)),
                    // JavaScript's `push(a, b)`.
                    "push" => v.extend(pos.iter().cloned()),
                    "insert" => v.push(pos.get(1).cloned().unwrap_or(Value::Unknown)),
                    _ => match pos.first().and_then(iter_elements) {
                        Some(xs) => v.extend(xs),
                        None => v.push(Value::Unknown),
                    },
                }
                self.rebind_receiver(f, Value::List(Seq::rc(v)));
                Some(Value::None)
            }
            // JavaScript's array methods that pick or keep elements: the result holds some of
            // the receiver's elements, so the whole list (or any one of them) stands for it.
            (Value::List(items), "filter" | "slice" | "sort" | "reverse" | "toSorted")
                if self.in_js() =>
            {
                Some(Value::List(items.clone()))
            }
            (Value::List(items), "find" | "findLast") if self.in_js() => {
                Some(union_all(items.iter().cloned()))
            }
            // `xs.reduce((acc, x) => { acc[x.name] = x; return acc; }, {})`: the callback run
            // on each element in turn, as a loop over a known list is unrolled.
            (Value::List(items), "reduce") if self.in_js() => {
                let cb = pos.first()?.clone();
                if !matches!(cb, Value::Func(_)) {
                    return None;
                }
                if items.len() > MAX_UNROLL {
                    self.cut(Bound::LoopUnroll, f.span);
                    return Some(Value::Unknown);
                }
                let mut elems = items.iter().cloned();
                let mut acc = match pos.get(1) {
                    Some(init) => init.clone(),
                    None => elems.next().unwrap_or(Value::Unknown),
                };
                for x in elems {
                    acc = self.call_value(&cb, vec![acc, x, Value::Num], vec![], f.span, None);
                }
                Some(acc)
            }
            // `xs.map((x) => wrap(x))`, `Object.entries(r).map(([k, t]) => [k, wrap(k, t)])`:
            // the callback run on each element, its results the new list.
            (Value::List(items), "map") if self.in_js() => {
                let cb = pos.first()?.clone();
                if !matches!(cb, Value::Func(_)) {
                    return None;
                }
                if items.len() > MAX_UNROLL {
                    self.cut(Bound::LoopUnroll, f.span);
                    return Some(Value::Unknown);
                }
                let out: Vec<Value> = items
                    .iter()
                    .cloned()
                    .map(|x| self.call_value(&cb, vec![x, Value::Num], vec![], f.span, None))
                    .collect();
                Some(Value::List(Seq::rc(out)))
            }
            (Value::Dict(items), "update") => {
                let mut v = items.to_vec();
                if let Some(Value::Dict(more)) = pos.first() {
                    v.extend(more.iter().cloned());
                }
                self.rebind_receiver(f, Value::Dict(Seq::rc(v)));
                Some(Value::None)
            }
            _ => None,
        }
    }

    /// Stores the grown collection where the receiver of `f` (`xs.append`, `self.xs.append`)
    /// was read from: a name, or an attribute of an object a name holds.
    fn rebind_receiver(&mut self, f: &Expr, v: Value) {
        if let ExprKind::Attr(obj, _) = &f.kind {
            self.rebind(obj, v);
        }
    }

    /// Stores `v` where the collection `container` was read from: a name, or an attribute of
    /// an object a name holds (`self._catalog`).
    fn rebind(&mut self, container: &Expr, v: Value) {
        match &container.kind {
            ExprKind::Name(n) => self.bind(n, v),
            ExprKind::Attr(o, a) => {
                if let ExprKind::Name(n) = &o.kind {
                    if let Value::Obj(id) = self.lookup(n) {
                        self.set_attr(id, a, v);
                    }
                }
            }
            _ => {}
        }
    }

    /// `getattr(obj, name[, default])` with a name computed around literal text (`"do_" +
    /// name`, `f"handle_{kind}"`): the union of the attributes of a module, project object or
    /// class whose names begin and end with that text (in name order), with the default. A
    /// literal name reads that attribute. `None` when the name has no literal part or the
    /// object is not one whose attributes are known.
    fn dynamic_attr(&mut self, obj: &Expr, name: &Expr, rest: &[Arg]) -> Option<Value> {
        let lit = |e: &Expr| match &e.kind {
            ExprKind::Str(s) => Some(s.clone()),
            _ => None,
        };
        let (prefix, suffix) = match &name.kind {
            ExprKind::Str(s) => {
                let o = self.expr(obj);
                return Some(self.getattr_of(&o, s));
            }
            ExprKind::BinOp(ops, xs) if ops.iter().all(|o| o == "+") && xs.len() >= 2 => (
                lit(&xs[0]).unwrap_or_default(),
                lit(&xs[xs.len() - 1]).unwrap_or_default(),
            ),
            ExprKind::FStr(parts) if parts.len() >= 2 => (
                lit(&parts[0]).unwrap_or_default(),
                lit(&parts[parts.len() - 1]).unwrap_or_default(),
            ),
            _ => return None,
        };
        if prefix.is_empty() && suffix.is_empty() {
            return None;
        }
        let o = self.expr(obj);
        let mut names: Vec<String> = match &o {
            Value::Module(i) => self.module_globals(*i)?.keys().cloned().collect(),
            Value::Obj(id) => {
                let ob = &self.ev.objects[*id];
                let mut v: Vec<String> = ob.attrs.keys().cloned().collect();
                if let ObjKind::Instance(c) = &ob.kind {
                    v.extend(c.attrs.keys().cloned());
                }
                v
            }
            Value::Class(c) => c.attrs.keys().cloned().collect(),
            _ => return None,
        };
        names.retain(|n| {
            n.len() > prefix.len() + suffix.len() && n.starts_with(&prefix) && n.ends_with(&suffix)
        });
        names.sort();
        names.dedup();
        if names.is_empty() {
            return None;
        }
        let mut vals: Vec<Value> = names.iter().map(|n| self.getattr_of(&o, n)).collect();
        if let Some(Arg::Pos(d)) = rest.first() {
            vals.push(self.expr(d));
        }
        Some(union_all(vals))
    }

    /// Calls a value. `span` is the call expression.
    pub fn call_value(
        &mut self,
        f: &Value,
        pos: Vec<Value>,
        kw: Vec<(String, Value)>,
        span: Span,
        spans: Option<ArgSpans>,
    ) -> Value {
        let (ps, ks) = spans.unwrap_or_default();
        match f {
            Value::Func(func) => self.call_func(func, pos, kw, Some(span)),
            Value::Class(c) => {
                // A project `__new__` (a singleton's `if cls._instance is None: ...; return
                // cls._instance`) decides the instance; `__init__` then runs on it.
                if let Some(Value::Func(mut new)) = class_attr(c, "__new__") {
                    new.bound = Some(Box::new(Value::Class(c.clone())));
                    let made = self.call_func(&new, pos.clone(), kw.clone(), Some(span));
                    if let Value::Obj(id) = made {
                        if let Some(Value::Func(mut init)) = class_attr(c, "__init__") {
                            init.bound = Some(Box::new(Value::Obj(id)));
                            self.call_func(&init, pos, kw, Some(span));
                        }
                        return Value::Obj(id);
                    }
                }
                let site = self.site(span);
                let id = self.alloc(
                    site,
                    0,
                    ObjKind::Instance(c.clone()),
                    pos.clone(),
                    kw.clone(),
                    ps,
                    ks,
                );
                if let Some(Value::Func(mut init)) = class_attr(c, "__init__") {
                    init.bound = Some(Box::new(Value::Obj(id)));
                    self.call_func(&init, pos, kw, Some(span));
                } else {
                    // No `__init__` of the project's: a generated one (`@dataclass`, pydantic
                    // models, `NamedTuple`) binds the declared fields, in order, from the
                    // arguments (`ToolDefinition(fn=build, name="build")` then `d.fn`).
                    let fields = declared_fields(c);
                    let attrs = &mut self.ev.objects[id].attrs;
                    for (f, v) in fields.iter().zip(pos) {
                        attrs.insert(f.clone(), v);
                    }
                    for (k, v) in kw {
                        if fields.contains(&k) {
                            attrs.insert(k, v);
                        }
                    }
                }
                Value::Obj(id)
            }
            Value::Ext(q) => {
                if let Some(v) = self.call_builtin(q, &pos, &kw) {
                    return v;
                }
                let site = self.site(span);
                let id = self.alloc(site, 0, ObjKind::Ext(q.clone()), pos, kw, ps, ks);
                Value::Obj(id)
            }
            Value::Obj(id) => {
                // Calling an object: an ext object's call is a method-like result.
                let id = *id;
                let class = self.ev.objects[id]
                    .class_name()
                    .map(|c| format!("{c}.__call__"));
                match (&self.ev.objects[id].kind, class) {
                    (ObjKind::ToolFunc { func, .. }, _) => {
                        let func = func.clone();
                        self.call_func(&func, pos, kw, Some(span))
                    }
                    (_, Some(c))
                        if self
                            .sem
                            .tool_decorators
                            .contains(c.trim_end_matches(".__call__")) =>
                    {
                        // `tool("name")(fn)` or `tool(fn)` applied late.
                        match pos.first() {
                            Some(Value::Func(func)) => {
                                let name = self.ev.objects[id]
                                    .args
                                    .first()
                                    .and_then(|a| a.as_str())
                                    .map(String::from);
                                let def = func.def.clone();
                                self.tool_func(func.clone(), name, &def)
                            }
                            _ => Value::Unknown,
                        }
                    }
                    (_, Some(c)) => {
                        let site = self.site(span);
                        // `obj(fn)` is what `@obj` means: `mcp.tool()(kubectl)` registers
                        // `kubectl` the way `@mcp.tool()` over its definition does, so the
                        // application is recorded as a decoration too.
                        if let (Some(target @ Value::Func(_)), true) = (pos.first(), kw.is_empty())
                        {
                            let target = target.clone();
                            self.record_method(
                                id,
                                "__decorate__",
                                vec![target],
                                vec![],
                                site,
                                vec![],
                                vec![],
                            );
                        }
                        let nid = self.alloc(site, 0, ObjKind::Ext(c.into()), pos, kw, ps, ks);
                        Value::Obj(nid)
                    }
                    _ => Value::Unknown,
                }
            }
            Value::Union(vs) => {
                let mut acc: Option<Value> = None;
                for v in vs.iter() {
                    let x = self.call_value(v, pos.clone(), kw.clone(), span, None);
                    acc = Some(match acc {
                        None => x,
                        Some(a) => Value::union(a, x),
                    });
                }
                acc.unwrap_or(Value::Unknown)
            }
            _ => Value::Unknown,
        }
    }

    fn call_builtin(&mut self, q: &str, pos: &[Value], kw: &[(String, Value)]) -> Option<Value> {
        let first = pos.first();
        match q {
            "list" | "tuple" | "sorted" | "set" | "reversed" | "frozenset" => Some(match first {
                Some(v) => match iter_elements(v) {
                    Some(xs) => Value::List(Seq::rc(xs)),
                    None => v.clone(),
                },
                None => Value::List(Seq::rc(vec![])),
            }),
            "dict" => {
                // `dict(row)` of a value whose items are not known is not an empty dict: its
                // items are unknown (a database row, a mapping an API returned).
                let mut items: Vec<(Value, Value)> = match first {
                    Some(Value::Dict(d)) => d.to_vec(),
                    None => vec![],
                    Some(_) => return Some(Value::Unknown),
                };
                for (k, v) in kw {
                    items.push((
                        Value::Str(k.as_str().into(), self.site(Span::default())),
                        v.clone(),
                    ));
                }
                Some(Value::Dict(Seq::rc(items)))
            }
            "str" | "repr" | "len" | "int" | "float" | "bool" | "isinstance" | "print"
            | "hasattr" | "getattr" | "setattr" | "super" | "range" | "enumerate" | "zip"
            | "type" | "id" | "hash" | "min" | "max" | "sum" | "any" | "all" | "format"
            | "iter" | "next" | "abs" | "round" | "callable" | "vars" | "locals" | "globals" => {
                Some(Value::Unknown)
            }
            "functools.partial" => {
                // `partial(f, base, timeout=30)`: the parameters it binds are the code's, not
                // what whoever calls the result (the model, for a tool) chooses.
                if let Some(Value::Func(f)) = first {
                    let skip = usize::from(f.bound.is_some());
                    let mut bound: BTreeSet<String> = f
                        .def
                        .params
                        .iter()
                        .skip(skip)
                        .take(pos.len().saturating_sub(1))
                        .map(|p| p.name.clone())
                        .collect();
                    bound.extend(kw.iter().map(|(k, _)| k.clone()));
                    if !bound.is_empty() {
                        let site = f.site(self.modules);
                        self.ev.injected.entry(site).or_default().extend(bound);
                    }
                }
                first.cloned()
            }
            "js.util.promisify" | "js.Promise.all" | "js.Array.from" => first.cloned(),
            "js.Object.values" => match first {
                Some(Value::Dict(items)) => Some(Value::List(Seq::rc(
                    items.iter().map(|(_, v)| v.clone()).collect(),
                ))),
                _ => Some(Value::Unknown),
            },
            "js.Object.keys" => match first {
                Some(Value::Dict(items)) => Some(Value::List(Seq::rc(
                    items.iter().map(|(k, _)| k.clone()).collect(),
                ))),
                _ => Some(Value::Unknown),
            },
            "js.Object.entries" => match first {
                Some(Value::Dict(items)) => Some(Value::List(Seq::rc(
                    items
                        .iter()
                        .map(|(k, v)| Value::List(Seq::rc(vec![k.clone(), v.clone()])))
                        .collect(),
                ))),
                _ => Some(Value::Unknown),
            },
            // `Object.fromEntries([[k, v], ...])`: the record of those pairs.
            "js.Object.fromEntries" => match first {
                Some(Value::List(pairs)) => {
                    let mut items = vec![];
                    for p in pairs.iter() {
                        match p {
                            Value::List(kv) if kv.len() == 2 => {
                                items.push((kv[0].clone(), kv[1].clone()));
                            }
                            _ => return Some(Value::Unknown),
                        }
                    }
                    Some(Value::Dict(Seq::rc(items)))
                }
                _ => Some(Value::Unknown),
            },
            "js.Object.assign" => {
                let mut items = vec![];
                for p in pos {
                    if let Value::Dict(d) = p {
                        items.extend(d.iter().cloned());
                    }
                }
                Some(Value::Dict(Seq::rc(items)))
            }
            _ => None,
        }
    }

    fn call_func(
        &mut self,
        f: &FuncVal,
        pos: Vec<Value>,
        kw: Vec<(String, Value)>,
        span: Option<Span>,
    ) -> Value {
        let site = f.site(self.modules);
        let called_at = span.map(|s| self.site(s));
        if span.is_some() && !self.rereading {
            self.called_in_project.insert(site);
        }
        if self.frames.iter().any(|fr| fr.func == Some(site)) {
            // Recursion: the call in progress stands for this one (not a cut).
            self.evaluated.insert(site);
            return Value::Unknown;
        }
        if self.call_depth >= MAX_CALL_DEPTH {
            if let Some(span) = span {
                self.cut(Bound::CallDepth, span);
            }
            // Under a callback run at a library call (`in_callbacks`), a function cut here is
            // not marked evaluated: the callback added depth the program does not have, and
            // the function still gets its own evaluation, as one nothing calls does.
            if self.in_callbacks == 0 {
                self.evaluated.insert(site);
            }
            // A closure (a factory's local helper, `const deviceFor = (id) => ...`) is read
            // once more from the top of the depth, with its arguments unknown: what it returns
            // (which class of object) matters to the calls made on it. Each closure definition
            // is read so at most once, and its result stands for every later cut call of it
            // (`restarted`); one such reading at a time (`MAX_RESTARTS`), so the stack stays
            // bounded.
            if f.env.is_some() {
                if let Some(v) = self.restarted.get(&site) {
                    return v.clone();
                }
                if self.restarts < MAX_RESTARTS {
                    self.restarts += 1;
                    let saved = std::mem::replace(&mut self.call_depth, 0);
                    let v = self.call_func(f, Vec::new(), Vec::new(), span);
                    self.call_depth = saved;
                    self.restarts -= 1;
                    self.restarted.insert(site, v.clone());
                    return v;
                }
            }
            return Value::Unknown;
        }
        self.evaluated.insert(site);
        // Context-insensitive summary: a call that passes nothing the body could use is
        // evaluated once; later such calls reuse its result.
        let uninformed = |v: &Value| matches!(v, Value::Unknown | Value::None);
        let cacheable = pos.iter().all(uninformed)
            && kw.iter().all(|(_, v)| uninformed(v))
            && f.bound.as_deref().is_none_or(uninformed);
        // A closure's body reads what it captured: one summary per closure made.
        let key = (site, f.env.as_ref().map_or(0, |e| Rc::as_ptr(e) as usize));
        if cacheable {
            if let Some((v, _)) = self.summaries.get(&key) {
                if let Some(gap) = &mut self.stand_in_gap {
                    gap.reused = true;
                }
                return v.clone();
            }
        }
        let modes = (u8::from(self.in_stand_in) * memo::STAND_IN)
            | (u8::from(self.forwarding) * memo::FORWARDING)
            | (u8::from(self.in_callbacks > 0) * memo::CALLBACK);
        let mkey = memo::Key::new(f, site, self.call_depth, modes, self.world, &pos, &kw);
        if let Some(v) = self.memo.get(&mkey, |id| self.version(id)) {
            // A reused reading may have found a stand-in wanting: assume it did.
            if self.stand_in_gap.as_ref().is_some_and(|g| !g.reused)
                && mkey
                    .objects()
                    .iter()
                    .any(|id| self.self_stand_ins.contains(id))
            {
                if let Some(gap) = &mut self.stand_in_gap {
                    gap.reused = true;
                }
            }
            return v;
        }
        // Only a call that misses needs the versions of what it is given.
        let versions: Vec<(ObjId, u32)> = mkey
            .objects()
            .into_iter()
            .map(|id| (id, self.version(id)))
            .collect();
        let world = self.world;
        let fuel0 = self.fuel;
        let result = self.call_func_body(f, site, called_at, pos, kw);
        let used = fuel0.saturating_sub(self.fuel);
        if cacheable {
            self.summaries.insert(key, (result.clone(), f.env.clone()));
        }
        // A body that ran out of fuel gave a partial result; one that wrote module state ran
        // in a state its repeat would not see. A call that cost less than an entry is worth
        // is evaluated again instead (`memo::MIN_FUEL`).
        if self.fuel > 0 && self.world == world && used >= memo::MIN_FUEL {
            self.memo.insert(mkey, versions, result.clone(), f);
        }
        result
    }

    /// Writes an attribute of object `id`. A write that changes what the attribute holds is a
    /// new version of the object ([`memo`]); writing again what it holds is not.
    fn set_attr(&mut self, id: ObjId, attr: &str, v: Value) {
        let attrs = &mut self.ev.objects[id].attrs;
        // Reading a method again with a built instance (`built_instances_round`) does not
        // forget what the instance holds: its unknown arguments write nothing over it.
        if self.rereading && matches!(v, Value::Unknown) && attrs.contains_key(attr) {
            return;
        }
        if attrs
            .get(attr)
            .is_some_and(|old| memo::same_value(old, &v, memo::DEPTH))
        {
            return;
        }
        attrs.insert(attr.to_string(), v);
        if self.versions.len() <= id {
            self.versions.resize(id + 1, 0);
        }
        self.versions[id] = self.versions[id].wrapping_add(1);
    }

    /// What one name of a destructuring parameter binds when the argument is `whole`: an
    /// object pattern reads the property of that name (a dict literal's entry, an object's
    /// attribute); an array pattern reads by index, which lists do not keep, so it is unknown.
    fn destructure(&mut self, whole: &Value, name: &str, array: bool) -> Value {
        match whole {
            _ if array => Value::Unknown,
            Value::Dict(items) => dict_get(items, name),
            Value::Obj(_) | Value::Ext(_) | Value::Module(_) => self.getattr(whole, name),
            _ => Value::Unknown,
        }
    }

    fn version(&self, id: ObjId) -> u32 {
        self.versions.get(id).copied().unwrap_or(0)
    }

    fn call_func_body(
        &mut self,
        f: &FuncVal,
        site: Site,
        called_at: Option<Site>,
        pos: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> Value {
        let mut locals = HashMap::default();
        let mut args = pos.into_iter();
        let mut params = f.def.params.iter().peekable();
        if let Some(b) = &f.bound {
            // The first parameter is `self`.
            if let Some(p) = params.next() {
                locals.insert(p.name.clone(), (**b).clone());
            }
        }
        // The argument a destructuring pattern reads (its position, the value).
        let mut pattern: Option<(u32, Value)> = None;
        // The place of the next name in the current pattern (array patterns bind by place).
        let mut place = 0usize;
        for p in params {
            if let Some(d) = p.destructured {
                let whole = match &pattern {
                    Some((at, v)) if *at == d.position => {
                        place += 1;
                        v.clone()
                    }
                    _ => {
                        let v = args.next().unwrap_or(Value::Unknown);
                        pattern = Some((d.position, v.clone()));
                        place = 0;
                        v
                    }
                };
                let v = if d.array {
                    // `([name, t]) => ...` over a known pair: each name takes the element at
                    // its place (a rest element takes the one at its place too, an
                    // approximation of the slice it holds).
                    match &whole {
                        Value::List(items) => items.get(place).cloned().unwrap_or(Value::Unknown),
                        _ => Value::Unknown,
                    }
                } else {
                    self.destructure(&whole, &p.name, false)
                };
                locals.insert(p.name.clone(), v);
                continue;
            }
            match p.kind {
                ParamKind::Normal => {
                    let v = args
                        .next()
                        .or_else(|| {
                            kw.iter()
                                .find(|(k, _)| *k == p.name)
                                .map(|(_, v)| v.clone())
                        })
                        .unwrap_or(Value::Unknown);
                    locals.insert(p.name.clone(), v);
                }
                ParamKind::VarArgs => {
                    let rest: Vec<Value> = args.by_ref().collect();
                    locals.insert(p.name.clone(), Value::List(Seq::rc(rest)));
                }
                ParamKind::KwArgs => {
                    locals.insert(p.name.clone(), Value::Unknown);
                }
            }
        }
        // Defaults are evaluated in the defining module's scope.
        let module = f.module;
        self.frames.push(Frame {
            func: Some(site),
            called_at,
            module,
            locals,
            undo: Vec::new(),
            returns: Value::None,
            has_return: false,
            is_module: false,
            env: f.env.clone(),
            module_writes: f.def.globals.clone(),
        });
        for p in &f.def.params {
            if let Some(d) = &p.default {
                let missing = matches!(
                    self.frames.last().and_then(|fr| fr.locals.get(&p.name)),
                    Some(Value::Unknown)
                );
                if missing {
                    let v = self.expr(d);
                    if !matches!(v, Value::None) {
                        self.bind(&p.name, v);
                    }
                }
            }
        }
        self.call_depth += 1;
        self.block(&f.def.body);
        self.call_depth -= 1;
        let fr = self.frames.pop();
        let result = match fr {
            Some(fr) if fr.has_return => fr.returns,
            _ => Value::None,
        };
        // A result the body did not settle, from a function whose return annotation names a
        // project class (`async def get_connection(...) -> DorisConnection`): the class's
        // stand-in instance, as for a parameter annotated with it.
        // A class outside the project (`def _connect(self) -> SnowflakeConnection`): an object
        // of it, made where the annotation is written, so calls on it name the library's
        // methods. Typing's own names (`Any`, `Awaitable`) say nothing of the value.
        if self.unsettled(&result) {
            let ann = f.def.returns.as_ref();
            match ann.and_then(|a| self.annotated_class(f.module, a)) {
                Some(Value::Class(c)) => return Value::Obj(self.stand_in(&c)),
                Some(Value::Ext(q))
                    if !["typing.", "typing_extensions.", "collections.", "builtins."]
                        .iter()
                        .any(|m| q.starts_with(m)) =>
                {
                    let at = ann.map_or(f.def.name_span, |a| a.span);
                    return self.declared_instance(f.module, at, q);
                }
                _ => {}
            }
        }
        result
    }
}

impl Interp<'_> {
    /// An object of a class outside the project that a declaration names (`mcp: FastMCP`,
    /// `-> SnowflakeConnection`), made where the declaration is written.
    fn declared_instance(&mut self, module: usize, span: Span, class: Rc<str>) -> Value {
        let at = Site {
            file: self.modules[module].file,
            span,
        };
        Value::Obj(self.alloc(at, 0, ObjKind::Ext(class), vec![], vec![], vec![], vec![]))
    }

    /// Whether a function's result says nothing its return annotation would not: unknown, a
    /// union with an unknown part, or what an external call the annotation does not name gave
    /// (`await loop.run_in_executor(pool, self._connect)`: an executor's future, standing for
    /// the connection the annotation names).
    fn unsettled(&self, v: &Value) -> bool {
        match v {
            Value::Unknown => true,
            Value::Union(xs) => xs.0.iter().any(|x| matches!(x, Value::Unknown)),
            Value::Obj(id) => matches!(&self.ev.objects[*id].kind, ObjKind::Ext(c)
                if c.starts_with("asyncio.") || c.starts_with("concurrent.futures.")),
            _ => false,
        }
    }
}

/// What a method's first reading with a stand-in `self` found wanting
/// (`Interp::stand_in_gap`): the attributes of a stand-in it read as unknown, and whether it
/// reused an earlier reading over a stand-in (which may have read any).
#[derive(Debug, Default)]
struct Gap {
    attrs: HashSet<String>,
    reused: bool,
}

impl Gap {
    fn is_empty(&self) -> bool {
        self.attrs.is_empty() && !self.reused
    }
}

/// Where a forwarder finds the function it runs (`Evaluation::forwarded`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Forward {
    /// At this position, its arguments after it (`asyncio.to_thread(f, x)`).
    At(usize),
    /// As this keyword, its arguments the elements of `args=` (`Thread(target=f, args=(x,))`).
    Keyword(String),
}

/// The call a forwarder makes: the function's expression and its arguments, or `None` when the
/// call does not have the forwarder's shape (a `*args` before the function, no `target=`).
pub fn forwarded_call<'e>(args: &'e [Arg], how: &Forward) -> Option<(&'e Expr, Vec<Arg>)> {
    match how {
        Forward::At(n) => {
            let n = *n;
            if !args.iter().take(n).all(|a| matches!(a, Arg::Pos(_))) {
                return None;
            }
            match args.get(n) {
                Some(Arg::Pos(func)) => Some((func, args[n + 1..].to_vec())),
                _ => None,
            }
        }
        Forward::Keyword(k) => {
            let kw = |name: &str| {
                args.iter().find_map(|a| match a {
                    Arg::Kw(n, e) if n == name => Some(e),
                    _ => None,
                })
            };
            let func = kw(k)?;
            let rest = match kw("args").map(|e| &e.kind) {
                None => vec![],
                Some(ExprKind::Tuple(xs) | ExprKind::List(xs)) => {
                    xs.iter().cloned().map(Arg::Pos).collect()
                }
                Some(_) => return None,
            };
            Some((func, rest))
        }
    }
}

fn class_attr(c: &ClassVal, attr: &str) -> Option<Value> {
    // Breadth-first over project base classes, with a bound against cycles.
    let mut queue = vec![c.clone()];
    let mut steps = 0;
    while let Some(cls) = queue.pop() {
        steps += 1;
        if steps > 32 {
            break;
        }
        if let Some(v) = cls.attrs.get(attr) {
            return Some(v.clone());
        }
        for b in cls.bases.iter() {
            if let Value::Class(bc) = b {
                queue.insert(0, bc.clone());
            }
        }
    }
    None
}

/// The first external class among a project class's bases, breadth-first (`FastMCP` in
/// `class Server(FastMCP)`).
pub fn ext_base(c: &ClassVal) -> Option<Rc<str>> {
    first_ext_base(c, |_| true)
}

/// Whether a class derives, directly or through project classes, from a library class that
/// may call its methods (`BaseTool`, `StructuredTool`); the language's own bases (`typing`,
/// `abc`, `enum`, `pydantic.BaseModel`, ...) call none.
fn library_base(c: &ClassVal) -> bool {
    const INERT: [&str; 9] = [
        "typing.",
        "typing_extensions.",
        "abc.",
        "enum.",
        "builtins.",
        "dataclasses.",
        "collections.",
        "pydantic.",
        "object",
    ];
    first_ext_base(c, |q| !INERT.iter().any(|p| q.starts_with(p))).is_some()
}

/// The first external class among a project class's bases, breadth-first through its project
/// bases (at most 32 classes), that `wanted` accepts.
fn first_ext_base(c: &ClassVal, wanted: impl Fn(&str) -> bool) -> Option<Rc<str>> {
    let mut queue: std::collections::VecDeque<ClassVal> =
        std::collections::VecDeque::from([c.clone()]);
    let mut steps = 0;
    while let Some(cls) = queue.pop_front() {
        steps += 1;
        if steps > 32 {
            break;
        }
        for b in cls.bases.iter() {
            match b {
                Value::Ext(q) if wanted(q) => return Some(q.clone()),
                Value::Class(bc) => queue.push_back(bc.clone()),
                _ => {}
            }
        }
    }
    None
}

/// The elements of a value used as an iterable, when they are known.
pub fn iter_elements(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(xs) => Some(xs.to_vec()),
        Value::Dict(items) => Some(items.iter().map(|(k, _)| k.clone()).collect()),
        Value::Union(vs) => {
            let mut out = vec![];
            for x in vs.iter() {
                out.extend(iter_elements(x)?);
            }
            Some(out)
        }
        _ => None,
    }
}

fn subscript(b: &Value, k: &Value) -> Value {
    match (b, k) {
        (Value::Dict(items), Value::Str(key, _)) => dict_get(items, key),
        // A dispatch table read with a key known only at run time (`HANDLERS[name]`,
        // `handlers.get(name)`, `tools[request.params.name]`): any of its functions, classes or
        // objects. Tables of plain data stay unknown: which entry is meant is not ours to guess.
        // A table wider than a union may be is cut (and counted) by `Value::union`.
        (Value::Dict(items), k) if !matches!(k, Value::Str(..)) && dispatch_table(items) => {
            union_all(
                items
                    .iter()
                    .filter(|(_, v)| !matches!(v, Value::Unknown))
                    .map(|(_, v)| v.clone()),
            )
        }
        (Value::List(_), _) => Value::Unknown,
        (Value::Ext(q), _) => Value::Ext(q.clone()),
        _ => Value::Unknown,
    }
}

/// Any one of `vs`: their union, or unknown when there are none or more than a union may hold
/// (`Value::union` counts that cut).
fn union_all(vs: impl IntoIterator<Item = Value>) -> Value {
    let mut vs = vs.into_iter();
    let Some(first) = vs.next() else {
        return Value::Unknown;
    };
    vs.try_fold(first, |acc, v| match Value::union(acc, v) {
        Value::Unknown => None,
        u => Some(u),
    })
    .unwrap_or(Value::Unknown)
}

/// The value a dict holds under `key` (the last one written), or unknown.
fn dict_get(items: &[(Value, Value)], key: &str) -> Value {
    items
        .iter()
        .rev()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v.clone())
        .unwrap_or(Value::Unknown)
}

/// Whether a dict's values are all code or objects: functions, classes, project objects (a
/// table of handlers or of connections), or descriptors holding a function (`{"name": ...,
/// "execute": fn}`, JavaScript's tool objects), never plain data.
/// Entries of unknown value (a tool from a file that did not parse) neither make nor break a
/// table.
fn dispatch_table(items: &[(Value, Value)]) -> bool {
    let code = |v: &Value| matches!(v, Value::Func(_) | Value::Class(_) | Value::Obj(_));
    let entry = |v: &Value| match v {
        Value::Dict(fields) => fields.iter().any(|(_, f)| code(f)),
        v => code(v),
    };
    items.iter().any(|(_, v)| entry(v))
        && items
            .iter()
            .all(|(_, v)| matches!(v, Value::Unknown) || entry(v))
}

fn binop_add(l: Value, r: Value) -> Value {
    match (l, r) {
        (Value::List(a), Value::List(b)) => {
            let mut v = a.to_vec();
            v.extend(b.iter().cloned());
            Value::List(Seq::rc(v))
        }
        (Value::Dict(a), Value::Dict(b)) => {
            let mut v = a.to_vec();
            v.extend(b.iter().cloned());
            Value::Dict(Seq::rc(v))
        }
        (Value::List(a), other) | (other, Value::List(a)) if !matches!(other, Value::Unknown) => {
            let mut v = a.to_vec();
            v.push(other);
            Value::List(Seq::rc(v))
        }
        (Value::List(a), Value::Unknown) | (Value::Unknown, Value::List(a)) => {
            let mut v = a.to_vec();
            v.push(Value::Unknown);
            Value::List(Seq::rc(v))
        }
        _ => Value::Unknown,
    }
}

fn callees_of(v: &Value) -> Vec<Callee> {
    v.alternatives()
        .into_iter()
        .map(|x| match x {
            Value::Ext(q) => Callee::Qualified(q.clone()),
            Value::Func(f) => Callee::Local(f.clone()),
            Value::Class(c) => Callee::Class(c.clone()),
            _ => Callee::Unknown,
        })
        .collect()
}

fn last_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.to_string()),
        ExprKind::Attr(_, a) => Some(a.to_string()),
        ExprKind::Call(f, _) => last_name(f),
        _ => None,
    }
}

/// A free name in JavaScript code: the globals typescript.toml names (`fetch`, `eval`,
/// `Function`, `process` ...) as `js.<name>`, anything else unknown.
fn js_global(name: &str) -> Value {
    const GLOBALS: &[&str] = &[
        "fetch",
        "eval",
        "Function",
        "process",
        "console",
        "JSON",
        "Object",
        "Array",
        "Promise",
        "Buffer",
        "URL",
        "Math",
        "Date",
        "Bun",
        "Deno",
        "globalThis",
        "setTimeout",
        "encodeURIComponent",
        "Number",
        "parseInt",
        "parseFloat",
        "Boolean",
        "RegExp",
    ];
    if GLOBALS.contains(&name) {
        Value::Ext(format!("js.{name}").into())
    } else {
        Value::Unknown
    }
}

/// `node:fs/promises` → `fs.promises`; `@slack/web-api` → `@slack.web-api` (typescript.toml).
pub fn js_module_name(spec: &str) -> String {
    let m = spec.strip_prefix("node:").unwrap_or(spec);
    let m = m
        .strip_suffix(".js")
        .or_else(|| m.strip_suffix(".mjs"))
        .or_else(|| m.strip_suffix(".cjs"))
        .unwrap_or(m);
    m.replace('/', ".")
}

fn builtin(name: &str) -> Value {
    const BUILTINS: &[&str] = &[
        "open",
        "eval",
        "exec",
        "compile",
        "input",
        "print",
        "len",
        "list",
        "dict",
        "tuple",
        "set",
        "frozenset",
        "sorted",
        "reversed",
        "str",
        "repr",
        "int",
        "float",
        "bool",
        "isinstance",
        "hasattr",
        "getattr",
        "setattr",
        "super",
        "range",
        "enumerate",
        "zip",
        "type",
        "id",
        "hash",
        "min",
        "max",
        "sum",
        "any",
        "all",
        "format",
        "iter",
        "next",
        "abs",
        "round",
        "callable",
        "vars",
        "locals",
        "globals",
        "__import__",
        "map",
        "filter",
    ];
    if BUILTINS.contains(&name) {
        Value::Ext(name.into())
    } else {
        Value::Unknown
    }
}

impl Interp<'_> {
    /// An external name, or the value of a constant the knowledge names
    /// (`langgraph.graph.START` is the string `"__start__"`).
    fn ext_value(&self, q: &str) -> Value {
        if let Some((_, v)) = self.sem.constants.iter().find(|(g, _)| glob_match(g, q)) {
            return Value::Str(
                v.as_str().into(),
                Site {
                    file: FileId(0),
                    span: Span::default(),
                },
            );
        }
        Value::Ext(q.into())
    }

    /// Builder methods that return the builder (`builder_class_suffix`, `builder_method`).
    fn returns_self(&self, o: &Obj, method: &str) -> bool {
        o.class_name().is_some_and(|c| {
            self.sem
                .builder_suffixes
                .iter()
                .any(|s| c.ends_with(s.as_str()))
                && self.sem.builder_methods.contains(method)
        })
    }
}

/// A recorded argument seen again from another evaluation: a constant (a text, number, flag,
/// `None`, or a list of them) on either side that the other does not repeat becomes unknown.
fn join_constant(old: &mut Value, new: &Value) {
    fn constant(v: &Value) -> bool {
        let flat = |v: &Value| {
            matches!(
                v,
                Value::Str(..) | Value::Num | Value::Bool(_) | Value::None
            )
        };
        match v {
            Value::List(xs) | Value::Union(xs) => xs.0.iter().all(flat),
            v => flat(v),
        }
    }
    if (constant(old) || constant(new)) && !memo::same_value(old, new, memo::DEPTH) {
        *old = Value::Unknown;
    }
}

/// The fields a class and its project bases declare with an annotation, bases' first, in
/// declaration order (the parameters of a generated `__init__`).
fn declared_fields(c: &ClassVal) -> Vec<String> {
    let mut chain = vec![];
    let mut cur = Some(c.clone());
    while let Some(c) = cur.take() {
        if chain.len() >= 64 {
            break;
        }
        cur = c.bases.iter().find_map(|b| match b {
            Value::Class(bc) => Some(bc.clone()),
            _ => None,
        });
        chain.push(c);
    }
    let mut out: Vec<String> = vec![];
    for c in chain.iter().rev() {
        for s in &c.def.body {
            let name = match &s.kind {
                StmtKind::Assign {
                    targets,
                    annotation: Some(_),
                    ..
                } => match targets.as_slice() {
                    [Target::Name(n, _)] => Some(n),
                    _ => None,
                },
                StmtKind::AnnOnly {
                    target: Target::Name(n, _),
                    ..
                } => Some(n),
                _ => None,
            };
            if let Some(n) = name.filter(|n| !out.contains(n)) {
                out.push(n.clone());
            }
        }
    }
    out
}

/// The annotation of a field the class (or a project base) declares (`db: SQLDatabase =
/// Field(...)`, `client: Client`), with the index of the module it is written in.
fn declared_field(c: &ClassVal, attr: &str) -> Option<(usize, Expr)> {
    let mut queue = vec![c.clone()];
    let mut steps = 0;
    while let Some(c) = queue.pop() {
        steps += 1;
        if steps > 64 {
            return None;
        }
        let declared = c.def.body.iter().find_map(|s| match &s.kind {
            StmtKind::Assign {
                targets,
                annotation: Some(a),
                ..
            } if targets
                .iter()
                .any(|t| matches!(t, Target::Name(n, _) if n == attr)) =>
            {
                Some(a.clone())
            }
            StmtKind::AnnOnly {
                target: Target::Name(n, _),
                annotation,
            } if n == attr => Some(Box::new(annotation.clone())),
            _ => None,
        });
        if let Some(a) = declared {
            return Some((c.module, *a));
        }
        queue.extend(c.bases.iter().filter_map(|b| match b {
            Value::Class(bc) => Some(bc.clone()),
            _ => None,
        }));
    }
    None
}

/// Whether the knowledge says nothing of an external name (no sink, source, sanitizer, tool,
/// gate or model output).
fn unknown_name(k: &crate::knowledge::Knowledge, q: &str) -> bool {
    use crate::knowledge::Callee as K;
    k.sinks_for(K::Qualified(q)).is_empty()
        && k.sources_for(K::Qualified(q)).is_empty()
        && k.sanitizer_for(K::Qualified(q)).is_none()
        && k.tool_for(K::Qualified(q)).is_none()
        && k.gate_for(K::Qualified(q)).is_none()
        && !k.is_model_output(K::Qualified(q))
}

/// Whether a function is decorated `@classmethod`.
fn is_classmethod(def: &FuncDef) -> bool {
    def.decorators
        .iter()
        .any(|d| matches!(&d.kind, ExprKind::Name(n) if n == "classmethod"))
}

/// Whether a function is decorated `@staticmethod`.
fn is_staticmethod(def: &FuncDef) -> bool {
    def.decorators
        .iter()
        .any(|d| matches!(&d.kind, ExprKind::Name(n) if n == "staticmethod"))
}

/// The parameters of `target` that project decorator `dec` supplies itself. `dec`'s wrapper (a
/// function defined in its body) calls the wrapped function (`dec`'s first parameter) with a
/// leading positional argument that is not one of the wrapper's own parameters
/// (`func(service, *args, **kwargs)`), or a keyword argument it computes
/// (`func(*args, session=s, **kwargs)`). A parameter counts only when every such call supplies
/// it; positions after a `*args` are not aligned and count for nothing.
pub(crate) fn decorator_injected(dec: &FuncVal, target: &FuncDef) -> BTreeSet<String> {
    use crate::syntax::python::visit_stmts;
    let skip = usize::from(dec.bound.is_some());
    let Some(wrapped) = dec.def.params.get(skip).map(|p| p.name.as_str()) else {
        return BTreeSet::new();
    };
    let mut wrappers: Vec<&FuncDef> = vec![];
    visit_stmts(&dec.def.body, &mut |s| {
        if let StmtKind::Func(w) = &s.kind {
            wrappers.push(w);
        }
    });
    let mut all: Option<BTreeSet<String>> = None;
    for w in wrappers {
        let own: HashSet<&str> = w.params.iter().map(|p| p.name.as_str()).collect();
        let forwarded = |e: &Expr| matches!(&e.kind, ExprKind::Name(n) if own.contains(n.as_str()));
        let mut exprs: Vec<&Expr> = vec![];
        visit_stmts(&w.body, &mut |s| exprs.extend(s.exprs()));
        while let Some(e) = exprs.pop() {
            push_children(e, &mut exprs);
            let ExprKind::Call(f, args) = &e.kind else {
                continue;
            };
            if !matches!(&f.kind, ExprKind::Name(n) if n == wrapped) {
                continue;
            }
            let mut supplied = BTreeSet::new();
            let mut aligned = true;
            let mut pos = 0;
            for a in args {
                match a {
                    Arg::Pos(x) => {
                        if aligned && !forwarded(x) {
                            if let Some(p) = target.params.get(pos) {
                                if p.kind == ParamKind::Normal {
                                    supplied.insert(p.name.clone());
                                }
                            }
                        }
                        pos += 1;
                    }
                    Arg::Star(_) => aligned = false,
                    Arg::Kw(k, x) if !forwarded(x) => {
                        if target.params.iter().any(|p| p.name == *k) {
                            supplied.insert(k.clone());
                        }
                    }
                    Arg::Kw(..) | Arg::DoubleStar(_) => {}
                }
            }
            all = Some(match all {
                None => supplied,
                Some(prev) => prev.intersection(&supplied).cloned().collect(),
            });
        }
    }
    all.unwrap_or_default()
}

#[cfg(test)]
mod drop_tests {
    use super::*;

    /// `x = [x]` on 400,000 lines built a value that deep, and dropping it recursed once per
    /// level: a stack overflow, which aborts the process (and the language server with it).
    /// Built and dropped here on a thread with a 256 KiB stack, far less than a recursive
    /// drop of a million levels needs; lists, dicts, unions and bound receivers alternate.
    #[test]
    fn dropping_a_deeply_nested_value_does_not_recurse() {
        let t = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(|| {
                let mut v = Value::None;
                for i in 0..1_000_000 {
                    v = match i % 3 {
                        0 => Value::List(Seq::rc(vec![v, Value::Num])),
                        1 => Value::Dict(Seq::rc(vec![(Value::Num, v)])),
                        _ => Value::Union(Seq::rc(vec![Value::Unknown, v])),
                    };
                }
                let shared = v.clone();
                drop(v);
                drop(shared);
            })
            .expect("thread starts");
        assert!(t.join().is_ok());
    }
}

#[cfg(test)]
mod decorator_tests {
    use super::*;

    fn injected(src: &str) -> Vec<(String, Vec<String>)> {
        let modules = vec![ModuleInfo {
            file: FileId(0),
            name: "server".into(),
            aliases: vec![],
            is_package: false,
            ir: Arc::new(crate::syntax::python::parse(src)),
        }];
        let ev = Interp::new(&modules).run();
        let mut out: Vec<(String, Vec<String>)> = ev
            .funcs
            .iter()
            .filter_map(|(site, f)| {
                let names = ev.injected.get(site)?;
                Some((f.def.name.clone(), names.iter().cloned().collect()))
            })
            .collect();
        out.sort();
        out
    }

    /// A wrapper that puts its own value first (`func(service, *args, **kwargs)`) or passes a
    /// keyword it computes fills those parameters; forwarded arguments, positions after
    /// `*args`, and a parameter one call leaves to the caller are not filled.
    #[test]
    fn parameters_a_decorators_wrapper_fills_are_not_the_callers() {
        let src = r#"
import functools

def with_service(kind):
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            service = await connect(kind)
            return await func(service, *args, **kwargs)
        return wrapper
    return decorator

def with_session(func):
    def wrapper(*args, **kwargs):
        return func(*args, session=open_session(), **kwargs)
    return wrapper

def logged(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper

def sometimes(func):
    def wrapper(first, *args, **kwargs):
        if first is None:
            return func(default_value(), *args, **kwargs)
        return func(first, *args, **kwargs)
    return wrapper

def after_star(func):
    def wrapper(*args, **kwargs):
        return func(*args, extra(), **kwargs)
    return wrapper

@with_service("drive")
async def read_file(service, file_id):
    return service.get(file_id)

@with_session
def count(table, session=None):
    return session.execute(table)

@logged
def plain(path):
    return open(path).read()

@sometimes
def maybe(value, other):
    return value

@after_star
def shifted(a, b):
    return a
"#;
        assert_eq!(
            injected(src),
            vec![
                ("count".to_string(), vec!["session".to_string()]),
                ("read_file".to_string(), vec!["service".to_string()]),
            ]
        );
    }
}

#[cfg(test)]
mod forwarder_tests {
    use super::*;

    /// `asyncio.to_thread(f, x)`, `loop.run_in_executor(None, f, x)` and
    /// `threading.Thread(target=f, args=(x,))` are recorded as calls of `f` with those
    /// arguments, and the result is `f`'s; a forwarder handed another forwarder is an ordinary
    /// call of it.
    #[test]
    fn a_call_that_runs_a_given_function_is_that_functions_call() {
        let src = r#"
import asyncio
import threading

def work(path, mode):
    return path

async def direct(p):
    return await asyncio.to_thread(work, p, "r")

async def pooled(p):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, work, p, "w")

async def twice(p):
    return await asyncio.to_thread(asyncio.to_thread, work, p)

def background(p):
    threading.Thread(target=work, args=(p, "a"), daemon=True).start()

kept = asyncio.to_thread(work, "fixed.txt", "r")
"#;
        let modules = vec![ModuleInfo {
            file: FileId(0),
            name: "server".into(),
            aliases: vec![],
            is_package: false,
            ir: Arc::new(crate::syntax::python::parse(src)),
        }];
        let k = crate::knowledge::Knowledge::builtin();
        let ev = Interp::new(&modules).with_knowledge(&k).run();
        let text_at = |s: &Site| &src[s.span.start as usize..s.span.end as usize];
        let mut forwarded: Vec<(&str, Forward, Vec<String>)> = ev
            .forwarded
            .iter()
            .map(|(site, n)| {
                let callees = ev.callee_at[site]
                    .iter()
                    .map(|c| match c {
                        Callee::Local(f) => format!("local {}", f.def.name),
                        other => format!("{other:?}"),
                    })
                    .collect();
                (text_at(site), n.clone(), callees)
            })
            .collect();
        forwarded.sort();
        assert_eq!(
            forwarded,
            vec![
                (
                    "asyncio.to_thread(asyncio.to_thread, work, p)",
                    Forward::At(0),
                    vec!["Qualified(\"asyncio.to_thread\")".to_string()]
                ),
                (
                    "asyncio.to_thread(work, \"fixed.txt\", \"r\")",
                    Forward::At(0),
                    vec!["local work".to_string()]
                ),
                (
                    "asyncio.to_thread(work, p, \"r\")",
                    Forward::At(0),
                    vec!["local work".to_string()]
                ),
                (
                    "loop.run_in_executor(None, work, p, \"w\")",
                    Forward::At(1),
                    vec!["local work".to_string()]
                ),
                (
                    "threading.Thread(target=work, args=(p, \"a\"), daemon=True)",
                    Forward::Keyword("target".into()),
                    vec!["local work".to_string()]
                ),
            ]
        );
        // The module-level call's result is what `work` returns for its first argument.
        let globals = &ev.globals[0];
        assert!(
            matches!(globals.get("kept"), Some(Value::Str(s, _)) if &**s == "fixed.txt"),
            "{:?}",
            globals.get("kept")
        );
    }
}

//! TypeScript, TSX and JavaScript: tree-sitter parsing lowered into a small owned IR (imports,
//! declarations, calls, object and array literals, functions and arrows, control structure),
//! with byte spans, the same way `python.rs` does it. The MCP server extractor reads it today;
//! the TypeScript agent extractors will grow it.
//!
//! No tree-sitter node outlives `parse`. Lowering recurses but is capped at [`MAX_DEPTH`]:
//! deeper code becomes `ExprKind::Unknown` (or no statements) and one notice, so a file's
//! nesting can never overflow the stack. Type annotations, interfaces and JSX are dropped; type
//! assertions (`x as T`, `x!`, `<T>x`, `x satisfies T`) are transparent.

use crate::model::Span;
use std::sync::Arc;
use tree_sitter::{Node, Parser};

/// Deepest expression or block nesting lowered; deeper code is analysed as unknown.
pub const MAX_DEPTH: u32 = 150;

/// Which grammar to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    TypeScript,
    Tsx,
}

pub type Name = smol_str::SmolStr;

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Ident(Name),
    /// `a.b` (also `a?.b`).
    Member(Box<Expr>, Name),
    /// `a[b]`.
    Index(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    New(Box<Expr>, Vec<Expr>),
    /// A string literal; the text is the literal's raw content (escapes not decoded).
    Str(String),
    /// A template literal: its text (`Str` parts, where there is any) and its substitutions, in
    /// order (a template without any substitution is a `Str`).
    Template(Vec<Expr>),
    Num,
    Bool(bool),
    Null,
    Object(Vec<Prop>),
    Array(Vec<Expr>),
    Func(Arc<FuncDef>),
    Await(Box<Expr>),
    /// A binary operation (`+`, `===`, `&&` ...).
    Binary(Name, Box<Expr>, Box<Expr>),
    /// `a ? b : c`.
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `x = value` (`x += v` is `x = x + v`).
    Assign(Box<Expr>, Box<Expr>),
    /// A unary operation (`!x`, `-x`, `typeof x`, `void 0`).
    Unary(Name, Box<Expr>),
    Spread(Box<Expr>),
    Unknown,
}

/// One entry of an object literal.
#[derive(Debug, Clone)]
pub enum Prop {
    /// `key: value`, `"key": value`, `key` (shorthand), `key() {}` (method).
    KeyValue {
        key: String,
        key_span: Span,
        value: Expr,
    },
    /// `[expr]: value`.
    Computed(Expr, Expr),
    Spread(Expr),
}

#[derive(Debug, Clone)]
pub struct Param {
    /// The names the parameter binds (one, or several for a destructuring pattern).
    pub names: Vec<(String, Span)>,
    pub span: Span,
    /// A rest parameter (`...args`): it binds the list of the remaining arguments.
    pub rest: bool,
    /// The parameter is a destructuring pattern: an object pattern (`{ a, b }`, `Some(false)`)
    /// or an array pattern (`[a, b]`, `Some(true)`); `None` for a plain name.
    pub pattern: Option<bool>,
    /// A constructor parameter property (`constructor(private readonly db: Database)`): the
    /// constructor also stores the argument as `this.db`.
    pub property: bool,
    /// The type the parameter is declared with, when it names a class (`db: Database`,
    /// `q: services.QueryService`); generic, union and literal types are left out.
    pub type_name: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FuncDef {
    pub name: Option<String>,
    /// The span of the name, when the function has one.
    pub name_span: Option<Span>,
    pub span: Span,
    pub params: Vec<Param>,
    /// The statements; an arrow with an expression body has one `Return`.
    pub body: Vec<Stmt>,
    /// `function*` or a `*method()`: a call returns a generator of what it yields.
    pub generator: bool,
}

/// One `name = value` of a declaration.
#[derive(Debug, Clone)]
pub struct Declarator {
    /// The names bound: one for `x`, several for a pattern (`{ a, b: c }`, `[x, y]`).
    pub names: Vec<(String, Span)>,
    /// The target is a destructuring pattern.
    pub pattern: bool,
    pub value: Option<Expr>,
}

impl Declarator {
    /// The name of a plain `x = ...` declarator.
    pub fn single(&self) -> Option<&str> {
        match self.names.as_slice() {
            [(n, _)] if !self.pattern => Some(n),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    /// `import d, { a as b } from "m"`, `import * as ns from "m"`: the module and
    /// `(imported, local)` pairs; `default` and `*` stand for the default and namespace imports.
    Import {
        module: String,
        names: Vec<(String, String)>,
    },
    /// `const x = ...`, `let { a, b: c } = ...`: each declarator's bound names and value.
    Var(Vec<Declarator>),
    Expr(Expr),
    Func(Arc<FuncDef>),
    /// A class: its name and methods (as functions named after the method), the class it
    /// extends, and its fields (`name = "search"`) with the span of their name.
    Class {
        name: Option<String>,
        name_span: Span,
        methods: Vec<Arc<FuncDef>>,
        extends: Option<Expr>,
        fields: Vec<(String, Span, Option<Expr>)>,
    },
    Return(Option<Expr>),
    Throw(Expr),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `switch (value) { case a: ...; default: ... }`: `None` is `default`.
    Switch {
        value: Expr,
        cases: Vec<(Option<Expr>, Vec<Stmt>)>,
    },
    /// Loops: their head expressions and body. For `for (x of xs)` / `for (x in o)` loops,
    /// `each` holds the names the loop binds and the heads are the iterated value alone.
    Loop {
        heads: Vec<Expr>,
        body: Vec<Stmt>,
        each: Option<Vec<(String, Span)>>,
    },
    Block(Vec<Stmt>),
    Try {
        body: Vec<Stmt>,
        handler: Vec<Stmt>,
        finalizer: Vec<Stmt>,
    },
    /// `export ...` of a declaration (the declaration itself) or `export default expr`.
    Export(Box<Stmt>),
    /// `export default <expr or declaration>`: the value exported as `default`.
    ExportDefault(Box<Stmt>),
    /// `export { a, b as c }` (no module), `export { a as b } from "m"`, `export * from "m"`
    /// (names `[("*", "*")]`), `export * as ns from "m"` (`[("*", "ns")]`): `(local or
    /// imported, exported)` pairs.
    ReExport {
        module: Option<String>,
        names: Vec<(String, String)>,
    },
    Other,
}

impl Stmt {
    /// The blocks nested directly in this statement; function and class bodies are not
    /// included (they run elsewhere).
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        match &self.kind {
            StmtKind::If { body, orelse, .. } => vec![body, orelse],
            StmtKind::Switch { cases, .. } => cases.iter().map(|(_, b)| b.as_slice()).collect(),
            StmtKind::Loop { body, .. } | StmtKind::Block(body) => vec![body],
            StmtKind::Try {
                body,
                handler,
                finalizer,
            } => vec![body, handler, finalizer],
            StmtKind::Export(inner) | StmtKind::ExportDefault(inner) => {
                vec![std::slice::from_ref(&**inner)]
            }
            _ => vec![],
        }
    }

    /// The expressions this statement evaluates itself (not those of nested blocks).
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            StmtKind::Var(decls) => decls.iter().filter_map(|d| d.value.as_ref()).collect(),
            StmtKind::Expr(e) | StmtKind::Throw(e) | StmtKind::Return(Some(e)) => vec![e],
            StmtKind::If { test, .. } => vec![test],
            StmtKind::Switch { value, cases } => {
                let mut v = vec![value];
                v.extend(cases.iter().filter_map(|(c, _)| c.as_ref()));
                v
            }
            StmtKind::Loop { heads, .. } => heads.iter().collect(),
            _ => vec![],
        }
    }
}

/// Visits every statement of a body, nested blocks included, with an explicit stack.
pub fn visit_stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    let mut stack: Vec<&'a [Stmt]> = vec![body];
    while let Some(b) = stack.pop() {
        for s in b {
            f(s);
            stack.extend(s.blocks());
        }
    }
}

/// Calls `f` on every expression of `body` (statements through `visit_stmts`, each statement's
/// expression trees with an explicit stack; function bodies written inside are not entered).
pub fn visit_exprs<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Expr)) {
    visit_stmts(body, &mut |st: &'a Stmt| {
        let mut stack: Vec<&'a Expr> = st.exprs();
        while let Some(e) = stack.pop() {
            f(e);
            push_children(e, &mut stack);
        }
    });
}

/// Pushes the direct sub-expressions of `e` (function bodies excluded).
pub fn push_children<'e>(e: &'e Expr, stack: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Member(o, _)
        | ExprKind::Await(o)
        | ExprKind::Spread(o)
        | ExprKind::Unary(_, o) => stack.push(o),
        ExprKind::Index(a, b) | ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) => {
            stack.push(a);
            stack.push(b);
        }
        ExprKind::Call(f, args) | ExprKind::New(f, args) => {
            stack.push(f);
            stack.extend(args.iter());
        }
        ExprKind::Template(xs) | ExprKind::Array(xs) => stack.extend(xs.iter()),
        ExprKind::Object(props) => {
            for p in props {
                match p {
                    Prop::KeyValue { value, .. } => stack.push(value),
                    Prop::Computed(k, v) => {
                        stack.push(k);
                        stack.push(v);
                    }
                    Prop::Spread(x) => stack.push(x),
                }
            }
        }
        ExprKind::Cond(a, b, c) => {
            stack.push(a);
            stack.push(b);
            stack.push(c);
        }
        _ => {}
    }
}

/// A parsed file: its IR, plus problems found while parsing.
#[derive(Debug, Clone, Default)]
pub struct TsModule {
    pub body: Vec<Stmt>,
    /// `(span, message)` for syntax errors (the first three) and nesting beyond `MAX_DEPTH`.
    pub issues: Vec<(Span, String)>,
}

thread_local! {
    static PARSERS: std::cell::RefCell<[Option<Parser>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// Parses `text` (one parser per thread and dialect) and lowers it. Never fails.
pub fn parse(text: &str, dialect: Dialect) -> TsModule {
    let first = parse_tree(text, dialect);
    // A file with modern forms the grammar lacks is parsed again with them rewritten; the
    // rewrite is kept only when it parses cleanly.
    let rewritten = match &first {
        Some(Ok(t)) if t.root_node().has_error() => modern_forms(text),
        _ => None,
    };
    if let Some(r) = rewritten {
        if let Some(Ok(t)) = parse_tree(&r, dialect) {
            if !t.root_node().has_error() {
                return lower(Some(Ok(t)), &r);
            }
        }
    }
    lower(first, text)
}

/// Modern TypeScript that tree-sitter-typescript 0.23.2 (the newest release) does not parse,
/// rewritten to forms it does, byte for byte the same length so every span stays true:
/// `export type * from "m"` and `export type * as ns from "m"` (a types-only re-export, read as
/// `export *`), and an array of an import type (`import("m").T[]`, read as a qualified type
/// name of underscores: types are dropped anyway). `None` when there is nothing to rewrite.
/// (`typeof import("m")` and `import("m").T` parse as written.)
fn modern_forms(text: &str) -> Option<String> {
    static EXPORT_TYPE_STAR: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static IMPORT_TYPE_ARRAY: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let export = EXPORT_TYPE_STAR.get_or_init(|| {
        regex::Regex::new(r"(?m)^[ \t]*export\s+(type)\s*\*").expect("a valid pattern")
    });
    let import = IMPORT_TYPE_ARRAY.get_or_init(|| {
        regex::Regex::new(
            r#"(import\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*\))(?:\s*\.\s*[A-Za-z_$][\w$]*)+\s*\[\s*\]"#,
        )
        .expect("a valid pattern")
    });
    let mut bytes = text.as_bytes().to_vec();
    let mut changed = false;
    let mut blank = |range: std::ops::Range<usize>, with: u8| {
        for b in &mut bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = with;
            }
        }
        changed = true;
    };
    for c in export.captures_iter(text) {
        if let Some(m) = c.get(1) {
            blank(m.range(), b' ');
        }
    }
    for c in import.captures_iter(text) {
        if let Some(m) = c.get(1) {
            blank(m.range(), b'_');
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(bytes).ok()
}

fn parse_tree(text: &str, dialect: Dialect) -> Option<Result<tree_sitter::Tree, String>> {
    PARSERS.with(|p| {
        let mut slots = p.borrow_mut();
        let slot = &mut slots[usize::from(dialect == Dialect::Tsx)];
        if slot.is_none() {
            let mut parser = Parser::new();
            let lang = match dialect {
                Dialect::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT,
                Dialect::Tsx => tree_sitter_typescript::LANGUAGE_TSX,
            };
            if parser.set_language(&lang.into()).is_err() {
                return None;
            }
            *slot = Some(parser);
        }
        slot.as_mut().map(|p| super::parse_within_budget(p, text))
    })
}

fn lower(tree: Option<Result<tree_sitter::Tree, String>>, text: &str) -> TsModule {
    let tree = match tree {
        Some(Ok(t)) => t,
        Some(Err(message)) => {
            return TsModule {
                body: vec![],
                issues: vec![(Span::default(), message)],
            }
        }
        None => {
            return TsModule {
                body: vec![],
                issues: vec![(Span::default(), "typescript grammar unavailable".into())],
            }
        }
    };
    let mut l = Lower {
        src: text.as_bytes(),
        issues: vec![],
        deep_reported: false,
    };
    let root = tree.root_node();
    if root.has_error() {
        super::syntax_errors(root, &mut l.issues);
    }
    let body = l.block_children(root, 0);
    TsModule {
        body,
        issues: l.issues,
    }
}

/// Syntax problems of one file, as `(span, message)`; at most three are reported.
pub fn syntax_issues(text: &str, dialect: Dialect) -> Vec<(Span, String)> {
    parse(text, dialect)
        .issues
        .into_iter()
        .filter(|(_, m)| !m.contains("nested deeper"))
        .collect()
}

struct Lower<'a> {
    src: &'a [u8],
    issues: Vec<(Span, String)>,
    deep_reported: bool,
}

/// Whether a parameter node is a destructuring pattern: `Some(true)` for an array pattern,
/// `Some(false)` for an object pattern (TypeScript wraps it in `required_parameter` /
/// `optional_parameter`; a default value wraps it in `assignment_pattern`).
fn pattern_shape(p: Node) -> Option<bool> {
    let mut n = p.child_by_field_name("pattern").unwrap_or(p);
    if n.kind() == "assignment_pattern" {
        n = n.child_by_field_name("left")?;
    }
    match n.kind() {
        "object_pattern" => Some(false),
        "array_pattern" => Some(true),
        _ => None,
    }
}

fn span(n: Node) -> Span {
    Span::new(n.start_byte(), n.end_byte())
}

fn expr(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

impl Lower<'_> {
    fn text(&self, n: Node) -> String {
        String::from_utf8_lossy(&self.src[n.start_byte()..n.end_byte()]).into_owned()
    }

    fn name(&self, n: Node) -> Name {
        Name::new(String::from_utf8_lossy(
            &self.src[n.start_byte()..n.end_byte()],
        ))
    }

    fn too_deep(&mut self, n: Node, depth: u32) -> bool {
        super::too_deep(
            n,
            depth,
            MAX_DEPTH,
            &mut self.deep_reported,
            &mut self.issues,
        )
    }

    fn named_children<'t>(n: Node<'t>) -> Vec<Node<'t>> {
        super::named_children(n)
    }

    fn block_children(&mut self, n: Node, depth: u32) -> Vec<Stmt> {
        if self.too_deep(n, depth) {
            return vec![];
        }
        let mut out = vec![];
        for c in Self::named_children(n) {
            if let Some(s) = self.stmt(c, depth + 1) {
                out.push(s);
            }
        }
        out
    }

    /// A statement or a block given as the body of `if`/loops.
    fn body(&mut self, n: Option<Node>, depth: u32) -> Vec<Stmt> {
        let Some(n) = n else { return vec![] };
        if n.kind() == "statement_block" {
            self.block_children(n, depth)
        } else {
            self.stmt(n, depth + 1).into_iter().collect()
        }
    }

    fn string_text(&self, n: Node) -> String {
        let mut out = String::new();
        let mut c = n.walk();
        for part in n.named_children(&mut c) {
            if matches!(part.kind(), "string_fragment" | "escape_sequence") {
                out.push_str(&self.text(part));
            }
        }
        out
    }

    fn stmt(&mut self, n: Node, depth: u32) -> Option<Stmt> {
        if self.too_deep(n, depth) {
            return None;
        }
        let d = depth + 1;
        let sp = span(n);
        let kind = match n.kind() {
            "import_statement" => {
                let module = n
                    .child_by_field_name("source")
                    .map(|s| self.string_text(s))
                    .unwrap_or_default();
                let mut names = vec![];
                for c in Self::named_children(n) {
                    if c.kind() != "import_clause" {
                        continue;
                    }
                    for part in Self::named_children(c) {
                        match part.kind() {
                            "identifier" => names.push(("default".into(), self.text(part))),
                            "namespace_import" => {
                                if let Some(id) = Self::named_children(part).into_iter().next() {
                                    names.push(("*".into(), self.text(id)));
                                }
                            }
                            "named_imports" => {
                                for spec in Self::named_children(part) {
                                    if spec.kind() != "import_specifier" {
                                        continue;
                                    }
                                    let name =
                                        spec.child_by_field_name("name").map(|x| self.text(x));
                                    let alias =
                                        spec.child_by_field_name("alias").map(|x| self.text(x));
                                    if let Some(name) = name {
                                        let local = alias.unwrap_or_else(|| name.clone());
                                        names.push((
                                            name.trim_matches(['"', '\'']).to_string(),
                                            local,
                                        ));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                StmtKind::Import { module, names }
            }
            "export_statement" => {
                let is_default = {
                    let mut c = n.walk();
                    let found = n.children(&mut c).any(|ch| ch.kind() == "default");
                    found
                };
                let wrap = |inner: Stmt| {
                    if is_default {
                        StmtKind::ExportDefault(Box::new(inner))
                    } else {
                        StmtKind::Export(Box::new(inner))
                    }
                };
                if let Some(decl) = n.child_by_field_name("declaration") {
                    let inner = self.stmt(decl, d)?;
                    wrap(inner)
                } else if let Some(v) = n.child_by_field_name("value") {
                    // `export default function f() {}` / `class C {}` lower as declarations.
                    let inner = match v.kind() {
                        "function_declaration"
                        | "generator_function_declaration"
                        | "class_declaration"
                        | "class"
                        | "abstract_class_declaration" => self.stmt(v, d),
                        _ => None,
                    };
                    let inner = inner.unwrap_or_else(|| {
                        let e = self.expr(v, d);
                        Stmt {
                            kind: StmtKind::Expr(e),
                            span: span(v),
                        }
                    });
                    wrap(inner)
                } else {
                    let module = n.child_by_field_name("source").map(|s| self.string_text(s));
                    let mut names = vec![];
                    let mut c = n.walk();
                    for ch in n.children(&mut c) {
                        match ch.kind() {
                            "*" => names.push(("*".to_string(), "*".to_string())),
                            "namespace_export" => {
                                if let Some(id) = Self::named_children(ch).into_iter().next() {
                                    names.push((
                                        "*".to_string(),
                                        self.text(id).trim_matches(['"', '\'']).to_string(),
                                    ));
                                }
                            }
                            "export_clause" => {
                                for spec in Self::named_children(ch) {
                                    if spec.kind() != "export_specifier" {
                                        continue;
                                    }
                                    let name = spec.child_by_field_name("name").map(|x| {
                                        self.text(x).trim_matches(['"', '\'']).to_string()
                                    });
                                    let alias = spec.child_by_field_name("alias").map(|x| {
                                        self.text(x).trim_matches(['"', '\'']).to_string()
                                    });
                                    if let Some(name) = name {
                                        let exported = alias.unwrap_or_else(|| name.clone());
                                        names.push((name, exported));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    if names.is_empty() {
                        StmtKind::Other
                    } else {
                        StmtKind::ReExport { module, names }
                    }
                }
            }
            "lexical_declaration" | "variable_declaration" => {
                // `var X = class X { ... }` (what bundlers emit): the class declaration itself,
                // named after the variable.
                let declarators: Vec<Node> = Self::named_children(n)
                    .into_iter()
                    .filter(|c| c.kind() == "variable_declarator")
                    .collect();
                if let [only] = declarators.as_slice() {
                    let value = only.child_by_field_name("value");
                    let target = only.child_by_field_name("name");
                    if let (Some(v), Some(t)) = (value, target) {
                        if v.kind() == "class" && t.kind() == "identifier" {
                            if let Some(Stmt {
                                kind:
                                    StmtKind::Class {
                                        methods,
                                        extends,
                                        fields,
                                        ..
                                    },
                                ..
                            }) = self.stmt(v, d)
                            {
                                return Some(Stmt {
                                    kind: StmtKind::Class {
                                        name: Some(self.text(t)),
                                        name_span: span(t),
                                        methods,
                                        extends,
                                        fields,
                                    },
                                    span: sp,
                                });
                            }
                        }
                    }
                }
                let mut decls = vec![];
                for c in Self::named_children(n) {
                    if c.kind() != "variable_declarator" {
                        continue;
                    }
                    let target = c.child_by_field_name("name");
                    let names = target.map(|p| self.pattern_names(p, d)).unwrap_or_default();
                    let pattern = target.is_some_and(|t| t.kind() != "identifier");
                    let value = c.child_by_field_name("value").map(|v| self.expr(v, d));
                    decls.push(Declarator {
                        names,
                        pattern,
                        value,
                    });
                }
                StmtKind::Var(decls)
            }
            "expression_statement" => {
                let e = n.named_child(0).map(|c| self.expr(c, d))?;
                StmtKind::Expr(e)
            }
            "function_declaration" | "generator_function_declaration" => {
                StmtKind::Func(Arc::new(self.func(n, d)))
            }
            "class_declaration" | "abstract_class_declaration" | "class" => {
                let name_node = n.child_by_field_name("name");
                let name = name_node.map(|x| self.text(x));
                let name_span = name_node.map(span).unwrap_or(sp);
                let mut methods = vec![];
                let mut fields = vec![];
                let mut extends = None;
                for c in Self::named_children(n) {
                    if c.kind() != "class_heritage" {
                        continue;
                    }
                    // JavaScript: `class_heritage` holds the expression; TypeScript wraps it in
                    // an `extends_clause` (with its `value`).
                    for h in Self::named_children(c) {
                        let v = if h.kind() == "extends_clause" {
                            h.child_by_field_name("value")
                        } else if h.kind() == "implements_clause" {
                            None
                        } else {
                            Some(h)
                        };
                        if let (Some(v), None) = (v, &extends) {
                            extends = Some(self.expr(v, d));
                        }
                    }
                }
                if let Some(b) = n.child_by_field_name("body") {
                    for m in Self::named_children(b) {
                        match m.kind() {
                            "method_definition" => methods.push(Arc::new(self.func(m, d))),
                            "public_field_definition" | "field_definition" => {
                                let key = m
                                    .child_by_field_name("name")
                                    .or_else(|| m.child_by_field_name("property"));
                                if let Some(k) = key {
                                    let value =
                                        m.child_by_field_name("value").map(|v| self.expr(v, d));
                                    let key_text = if k.kind() == "string" {
                                        self.string_text(k)
                                    } else {
                                        self.text(k)
                                    };
                                    fields.push((key_text, span(k), value));
                                }
                            }
                            _ => {}
                        }
                    }
                }
                StmtKind::Class {
                    name,
                    name_span,
                    methods,
                    extends,
                    fields,
                }
            }
            "return_statement" => StmtKind::Return(n.named_child(0).map(|e| self.expr(e, d))),
            "throw_statement" => StmtKind::Throw(n.named_child(0).map(|e| self.expr(e, d))?),
            "if_statement" => {
                let test = n
                    .child_by_field_name("condition")
                    .map(|c| self.expr(c, d))
                    .unwrap_or(expr(ExprKind::Unknown, sp));
                let body = self.body(n.child_by_field_name("consequence"), d);
                let orelse = match n.child_by_field_name("alternative") {
                    // `else_clause` holds the statement (an `if_statement` for `else if`).
                    Some(e) => match e.named_child(0) {
                        Some(s) => self.body(Some(s), d),
                        None => vec![],
                    },
                    None => vec![],
                };
                StmtKind::If { test, body, orelse }
            }
            "switch_statement" => {
                let value = n
                    .child_by_field_name("value")
                    .map(|v| self.expr(v, d))
                    .unwrap_or(expr(ExprKind::Unknown, sp));
                let mut cases = vec![];
                if let Some(b) = n.child_by_field_name("body") {
                    for c in Self::named_children(b) {
                        let test = match c.kind() {
                            "switch_case" => {
                                c.child_by_field_name("value").map(|v| self.expr(v, d))
                            }
                            "switch_default" => None,
                            _ => continue,
                        };
                        let mut body = vec![];
                        let value_id = c.child_by_field_name("value").map(|v| v.id());
                        for s in Self::named_children(c) {
                            if Some(s.id()) == value_id {
                                continue;
                            }
                            if let Some(st) = self.stmt(s, d) {
                                body.push(st);
                            }
                        }
                        cases.push((test, body));
                    }
                }
                StmtKind::Switch { value, cases }
            }
            "for_in_statement" => {
                let each = n
                    .child_by_field_name("left")
                    .map(|l| self.pattern_names(l, d))
                    .unwrap_or_default();
                let heads = n
                    .child_by_field_name("right")
                    .map(|r| vec![self.expr(r, d)])
                    .unwrap_or_default();
                let body = self.body(n.child_by_field_name("body"), d);
                StmtKind::Loop {
                    heads,
                    body,
                    each: Some(each),
                }
            }
            "for_statement" | "while_statement" | "do_statement" => {
                let mut heads = vec![];
                for f in ["initializer", "condition", "increment", "left", "right"] {
                    if let Some(x) = n.child_by_field_name(f) {
                        if x.kind().ends_with("declaration") {
                            if let Some(Stmt {
                                kind: StmtKind::Var(decls),
                                ..
                            }) = self.stmt(x, d)
                            {
                                heads.extend(decls.into_iter().filter_map(|d| d.value));
                            }
                        } else {
                            heads.push(self.expr(x, d));
                        }
                    }
                }
                let body = self.body(n.child_by_field_name("body"), d);
                StmtKind::Loop {
                    heads,
                    body,
                    each: None,
                }
            }
            "statement_block" => StmtKind::Block(self.block_children(n, d)),
            "try_statement" => {
                let body = self.body(n.child_by_field_name("body"), d);
                let handler = n
                    .child_by_field_name("handler")
                    .map(|h| self.body(h.child_by_field_name("body"), d))
                    .unwrap_or_default();
                let finalizer = n
                    .child_by_field_name("finalizer")
                    .map(|f| self.body(f.child_by_field_name("body"), d))
                    .unwrap_or_default();
                StmtKind::Try {
                    body,
                    handler,
                    finalizer,
                }
            }
            _ => StmtKind::Other,
        };
        Some(Stmt { kind, span: sp })
    }

    /// Names bound by a declaration target or parameter pattern.
    fn pattern_names(&mut self, p: Node, depth: u32) -> Vec<(String, Span)> {
        let mut out = vec![];
        let mut stack = vec![(p, depth)];
        while let Some((n, dd)) = stack.pop() {
            if self.too_deep(n, dd) {
                continue;
            }
            match n.kind() {
                "identifier" | "shorthand_property_identifier_pattern" => {
                    out.push((self.text(n), span(n)))
                }
                "pair_pattern" => {
                    if let Some(v) = n.child_by_field_name("value") {
                        stack.push((v, dd + 1));
                    }
                }
                "assignment_pattern" | "object_assignment_pattern" => {
                    if let Some(l) = n.child_by_field_name("left") {
                        stack.push((l, dd + 1));
                    }
                }
                "required_parameter" | "optional_parameter" => {
                    if let Some(v) = n.child_by_field_name("pattern") {
                        stack.push((v, dd + 1));
                    }
                }
                _ => {
                    for c in Self::named_children(n).into_iter().rev() {
                        if !c.kind().starts_with("type") {
                            stack.push((c, dd + 1));
                        }
                    }
                }
            }
        }
        out
    }

    fn func(&mut self, n: Node, depth: u32) -> FuncDef {
        let name = n.child_by_field_name("name").map(|x| self.text(x));
        let name_span = n.child_by_field_name("name").map(span);
        let mut params = vec![];
        if let Some(ps) = n.child_by_field_name("parameters") {
            for p in Self::named_children(ps) {
                let names = self.pattern_names(p, depth);
                // `...args` (JavaScript), or `...args: T[]` inside a required parameter.
                let rest = p.kind() == "rest_pattern"
                    || p.child_by_field_name("pattern")
                        .is_some_and(|x| x.kind() == "rest_pattern");
                let property = (0..p.child_count()).filter_map(|i| p.child(i)).any(|c| {
                    matches!(
                        c.kind(),
                        "accessibility_modifier" | "readonly" | "override_modifier"
                    )
                });
                let type_name = p
                    .child_by_field_name("type")
                    .and_then(|t| Self::named_children(t).into_iter().next())
                    .filter(|t| matches!(t.kind(), "type_identifier" | "nested_type_identifier"))
                    .map(|t| self.text(t));
                params.push(Param {
                    names,
                    span: span(p),
                    rest,
                    pattern: pattern_shape(p),
                    property,
                    type_name,
                });
            }
        } else if let Some(p) = n.child_by_field_name("parameter") {
            params.push(Param {
                names: vec![(self.text(p), span(p))],
                span: span(p),
                rest: false,
                pattern: None,
                property: false,
                type_name: None,
            });
        }
        let body = match n.child_by_field_name("body") {
            Some(b) if b.kind() == "statement_block" => self.block_children(b, depth),
            Some(b) => {
                let e = self.expr(b, depth);
                vec![Stmt {
                    span: e.span,
                    kind: StmtKind::Return(Some(e)),
                }]
            }
            None => vec![],
        };
        let generator = n.kind().starts_with("generator")
            || (0..n.child_count()).any(|i| n.child(i).is_some_and(|c| c.kind() == "*"));
        FuncDef {
            name,
            name_span,
            span: span(n),
            params,
            body,
            generator,
        }
    }

    fn args(&mut self, n: Option<Node>, depth: u32) -> Vec<Expr> {
        match n {
            Some(a) => Self::named_children(a)
                .into_iter()
                .map(|c| self.expr(c, depth))
                .collect(),
            None => vec![],
        }
    }

    fn expr(&mut self, n: Node, depth: u32) -> Expr {
        let sp = span(n);
        if self.too_deep(n, depth) {
            return expr(ExprKind::Unknown, sp);
        }
        let d = depth + 1;
        let kind = match n.kind() {
            // `import` is the callee of a dynamic import (`import("m")`).
            "identifier"
            | "property_identifier"
            | "shorthand_property_identifier"
            | "this"
            | "import" => ExprKind::Ident(self.name(n)),
            "member_expression" => {
                let obj = match n.child_by_field_name("object") {
                    Some(o) => self.expr(o, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let prop = n
                    .child_by_field_name("property")
                    .map(|p| self.name(p))
                    .unwrap_or_default();
                ExprKind::Member(Box::new(obj), prop)
            }
            "subscript_expression" => {
                let obj = match n.child_by_field_name("object") {
                    Some(o) => self.expr(o, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let idx = match n.child_by_field_name("index") {
                    Some(i) => self.expr(i, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                ExprKind::Index(Box::new(obj), Box::new(idx))
            }
            "call_expression" => {
                let f = match n.child_by_field_name("function") {
                    Some(f) => self.expr(f, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                // A tagged template (`` $`cmd ${x}` ``) has no `arguments`.
                let args = match n.child_by_field_name("arguments") {
                    Some(a) if a.kind() == "template_string" => vec![self.expr(a, d)],
                    a => self.args(a, d),
                };
                ExprKind::Call(Box::new(f), args)
            }
            "new_expression" => {
                let f = match n.child_by_field_name("constructor") {
                    Some(f) => self.expr(f, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let args = self.args(n.child_by_field_name("arguments"), d);
                ExprKind::New(Box::new(f), args)
            }
            "string" => ExprKind::Str(self.string_text(n)),
            "template_string" => {
                let subs: Vec<Node> = Self::named_children(n)
                    .into_iter()
                    .filter(|c| c.kind() == "template_substitution")
                    .collect();
                if subs.is_empty() {
                    let raw = self.text(n);
                    ExprKind::Str(raw.trim_matches('`').to_string())
                } else {
                    // The text before the first substitution leads, as in a Python f-string:
                    // an argument led by the code's own text cannot start with `-`.
                    let lead_end = subs[0].start_byte();
                    let lead = self
                        .src
                        .get(n.start_byte() + 1..lead_end)
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                        .unwrap_or_default();
                    let mut parts: Vec<Expr> = vec![];
                    if !lead.is_empty() {
                        parts.push(expr(
                            ExprKind::Str(lead),
                            Span::new(n.start_byte() + 1, lead_end),
                        ));
                    }
                    // Each substitution, then the code's own text up to the next one (or the
                    // closing backtick), so a quote around a value is seen.
                    let end = n.end_byte().saturating_sub(1);
                    for (i, sub) in subs.iter().enumerate() {
                        if let Some(e) = sub.named_child(0) {
                            parts.push(self.expr(e, d));
                        }
                        let from = sub.end_byte();
                        let to = subs.get(i + 1).map_or(end, |x| x.start_byte());
                        if from < to {
                            if let Some(b) = self.src.get(from..to) {
                                parts.push(expr(
                                    ExprKind::Str(String::from_utf8_lossy(b).into_owned()),
                                    Span::new(from, to),
                                ));
                            }
                        }
                    }
                    ExprKind::Template(parts)
                }
            }
            // `/p/g` is `new RegExp("p", "g")`: its pattern text is kept, so a check with it
            // can be judged (anchored or not) and a replacement by it read.
            "regex" => {
                let part = |kind: &str| {
                    Self::named_children(n)
                        .into_iter()
                        .find(|c| c.kind() == kind)
                        .map(|c| {
                            (
                                self.text(c).to_string(),
                                Span::new(c.start_byte(), c.end_byte()),
                            )
                        })
                };
                let span = Span::new(n.start_byte(), n.end_byte());
                let (pattern, pspan) = part("regex_pattern").unwrap_or((String::new(), span));
                let (flags, fspan) = part("regex_flags").unwrap_or((String::new(), span));
                ExprKind::New(
                    Box::new(expr(ExprKind::Ident("RegExp".into()), span)),
                    vec![
                        expr(ExprKind::Str(pattern), pspan),
                        expr(ExprKind::Str(flags), fspan),
                    ],
                )
            }
            "number" => ExprKind::Num,
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null" | "undefined" => ExprKind::Null,
            "object" => {
                let mut props = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "pair" => {
                            let key = c.child_by_field_name("key");
                            let value = match c.child_by_field_name("value") {
                                Some(v) => self.expr(v, d),
                                None => expr(ExprKind::Unknown, span(c)),
                            };
                            match key {
                                Some(k) if k.kind() == "computed_property_name" => {
                                    let ke = match k.named_child(0) {
                                        Some(x) => self.expr(x, d),
                                        None => expr(ExprKind::Unknown, span(k)),
                                    };
                                    props.push(Prop::Computed(ke, value));
                                }
                                Some(k) => {
                                    let key = if k.kind() == "string" {
                                        self.string_text(k)
                                    } else {
                                        self.text(k)
                                    };
                                    props.push(Prop::KeyValue {
                                        key,
                                        key_span: span(k),
                                        value,
                                    });
                                }
                                None => {}
                            }
                        }
                        "shorthand_property_identifier" => props.push(Prop::KeyValue {
                            key: self.text(c),
                            key_span: span(c),
                            value: expr(ExprKind::Ident(self.name(c)), span(c)),
                        }),
                        "spread_element" => {
                            if let Some(x) = c.named_child(0) {
                                let e = self.expr(x, d);
                                props.push(Prop::Spread(e));
                            }
                        }
                        "method_definition" => {
                            let f = self.func(c, d);
                            let key = f.name.clone().unwrap_or_default();
                            let key_span =
                                c.child_by_field_name("name").map(span).unwrap_or(span(c));
                            props.push(Prop::KeyValue {
                                key,
                                key_span,
                                value: expr(ExprKind::Func(Arc::new(f)), span(c)),
                            });
                        }
                        _ => {}
                    }
                }
                ExprKind::Object(props)
            }
            "array" => ExprKind::Array(
                Self::named_children(n)
                    .into_iter()
                    .map(|c| self.expr(c, d))
                    .collect(),
            ),
            "arrow_function" | "function_expression" | "function" | "generator_function" => {
                ExprKind::Func(Arc::new(self.func(n, d)))
            }
            "await_expression" => match n.named_child(0) {
                Some(x) => ExprKind::Await(Box::new(self.expr(x, d))),
                None => ExprKind::Unknown,
            },
            // `yield x` in the generator compilers emit for `async` functions (`__awaiter(...,
            // function* () { const r = yield f(); })`) is an `await`.
            "yield_expression" => match n.named_child(0) {
                Some(x) => ExprKind::Await(Box::new(self.expr(x, d))),
                None => ExprKind::Unknown,
            },
            // `(0, child_process_1.execSync)(cmd)`, how tsc and esbuild call an imported
            // function: a comma expression is worth its last operand.
            "sequence_expression" => match Self::named_children(n).last() {
                Some(x) => return self.expr(*x, d),
                None => ExprKind::Unknown,
            },
            "binary_expression" => {
                let op = n
                    .child_by_field_name("operator")
                    .map(|o| self.name(o))
                    .unwrap_or_default();
                let l = match n.child_by_field_name("left") {
                    Some(x) => self.expr(x, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let r = match n.child_by_field_name("right") {
                    Some(x) => self.expr(x, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                ExprKind::Binary(op, Box::new(l), Box::new(r))
            }
            "ternary_expression" => {
                let mut e = |f: &str| match n.child_by_field_name(f) {
                    Some(x) => self.expr(x, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let (a, b, c) = (e("condition"), e("consequence"), e("alternative"));
                ExprKind::Cond(Box::new(a), Box::new(b), Box::new(c))
            }
            "assignment_expression" | "augmented_assignment_expression" => {
                let l = match n.child_by_field_name("left") {
                    Some(x) => self.expr(x, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                let r = match n.child_by_field_name("right") {
                    Some(x) => self.expr(x, d),
                    None => expr(ExprKind::Unknown, sp),
                };
                // `a += b` assigns `a + b`: the old value flows on.
                let op = n
                    .child_by_field_name("operator")
                    .map(|o| self.name(o))
                    .unwrap_or_default();
                let r = match op.strip_suffix('=') {
                    Some(bin)
                        if !bin.is_empty() && n.kind() == "augmented_assignment_expression" =>
                    {
                        expr(
                            ExprKind::Binary(bin.into(), Box::new(l.clone()), Box::new(r)),
                            sp,
                        )
                    }
                    _ => r,
                };
                ExprKind::Assign(Box::new(l), Box::new(r))
            }
            "unary_expression" => {
                let op = n
                    .child_by_field_name("operator")
                    .map(|o| self.name(o))
                    .unwrap_or_default();
                match n.child_by_field_name("argument") {
                    Some(x) => ExprKind::Unary(op, Box::new(self.expr(x, d))),
                    None => ExprKind::Unknown,
                }
            }
            "spread_element" => match n.named_child(0) {
                Some(x) => ExprKind::Spread(Box::new(self.expr(x, d))),
                None => ExprKind::Unknown,
            },
            // Transparent wrappers: parentheses and type assertions.
            "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "type_assertion" => {
                let inner = Self::named_children(n)
                    .into_iter()
                    .find(|c| !c.kind().contains("type"));
                match inner {
                    Some(x) => return self.expr(x, d),
                    None => ExprKind::Unknown,
                }
            }
            _ => ExprKind::Unknown,
        };
        expr(kind, sp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_syntax_errors_and_accepts_valid_code() {
        assert!(syntax_issues(
            "const x: number = 1;\nexport function f(a: string) { return a; }\n",
            Dialect::TypeScript
        )
        .is_empty());
        assert!(!syntax_issues("const x = ;\n", Dialect::TypeScript).is_empty());
        assert!(syntax_issues("const e = <div>{x}</div>;\n", Dialect::Tsx).is_empty());
    }

    /// Valid modern TypeScript the grammar lacks parses, and spans after the rewritten forms
    /// still point at the original text.
    #[test]
    fn modern_type_forms_parse_with_true_spans() {
        let src = "export type * from \"./types\";\nexport type * as ns from './types';\n\
                   type Mod = typeof import(\"./mod\");\nlet xs: import(\"./m\").T[] = [];\n\
                   function f(x: import(\"./m\").A.B[]): void {}\nconst y = run(\"z\");\n";
        for dialect in [Dialect::TypeScript, Dialect::Tsx] {
            let m = parse(src, dialect);
            assert!(m.issues.is_empty(), "{:?}", m.issues);
            let Some(StmtKind::Var(decls)) = m.body.last().map(|s| &s.kind) else {
                panic!("{:?}", m.body.last());
            };
            let (name, span) = &decls[0].names[0];
            assert_eq!(name, "y");
            assert_eq!(&src[span.start as usize..span.end as usize], "y");
        }
        // Dynamic imports in values are untouched, and real errors are still reported.
        assert!(modern_forms("const m = await import(\"./m\");\n").is_none());
        assert!(
            !syntax_issues("let xs: import(\"./m\").T[] = ;\n", Dialect::TypeScript).is_empty()
        );
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let src = format!("const x = {}1{};\n", "[".repeat(50_000), "]".repeat(50_000));
        let m = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || parse(&src, Dialect::TypeScript))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert!(m
            .issues
            .iter()
            .any(|(_, msg)| msg.contains("nested deeper")));
        let src = format!("f({}x{});\n", "g(".repeat(20_000), ")".repeat(20_000));
        let m = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || parse(&src, Dialect::Tsx))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert_eq!(m.body.len(), 1);
    }

    #[test]
    fn lowers_imports_declarations_calls_and_objects() {
        let m = parse(
            r#"import { McpServer as S } from "@modelcontextprotocol/sdk/server/mcp.js";
import * as fs from "node:fs/promises";
import cp, { exec } from "child_process";
const server = new S({ name: "files", version: "1.0.0" });
server.registerTool("rm", { description: `Delete ${"x"}`, annotations: { readOnlyHint: true } },
  async ({ path }: { path: string }) => { await fs.rm(path as string); return { content: [] }; });
export function helper(a, b = 2) { switch (a) { case "x": exec(b); break; default: } }
"#,
            Dialect::TypeScript,
        );
        assert!(m.issues.is_empty(), "{:?}", m.issues);
        match &m.body[0].kind {
            StmtKind::Import { module, names } => {
                assert_eq!(module, "@modelcontextprotocol/sdk/server/mcp.js");
                assert_eq!(names, &[("McpServer".to_string(), "S".to_string())]);
            }
            k => panic!("{k:?}"),
        }
        match &m.body[2].kind {
            StmtKind::Import { names, .. } => assert_eq!(names.len(), 2),
            k => panic!("{k:?}"),
        }
        let StmtKind::Expr(Expr {
            kind: ExprKind::Call(f, args),
            ..
        }) = &m.body[4].kind
        else {
            panic!("{:?}", m.body[4].kind)
        };
        assert!(matches!(&f.kind, ExprKind::Member(_, p) if p == "registerTool"));
        assert_eq!(args.len(), 3);
        let ExprKind::Func(handler) = &args[2].kind else {
            panic!()
        };
        assert_eq!(handler.params[0].names[0].0, "path");
        let StmtKind::Export(inner) = &m.body[5].kind else {
            panic!()
        };
        let StmtKind::Func(h) = &inner.kind else {
            panic!()
        };
        assert!(matches!(h.body[0].kind, StmtKind::Switch { ref cases, .. } if cases.len() == 2));
    }
}

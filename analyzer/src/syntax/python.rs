//! Python: tree-sitter parsing lowered into a small owned IR that the extractor evaluates.
//!
//! The IR keeps only what the analysis reads (names, calls, literals, definitions, control
//! structure) with byte spans; no tree-sitter node outlives `parse`. Lowering is recursive but
//! depth-capped (`MAX_DEPTH`): anything nested deeper becomes `ExprKind::Unknown` and a notice,
//! so a file's nesting can never overflow the stack.

use crate::model::Span;
use std::sync::Arc;
use tree_sitter::{Node, Parser};

/// Deepest expression or block nesting lowered; deeper code is analysed as unknown.
pub const MAX_DEPTH: u32 = 150;

/// Identifiers and attribute names: inline up to 23 bytes, so most cost no allocation.
pub type Name = smol_str::SmolStr;

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Name(Name),
    Attr(Box<Expr>, Name),
    Call(Box<Expr>, Vec<Arg>),
    Str(String),
    /// An f-string or `%`/`.format` result: the interpolated expressions.
    FStr(Vec<Expr>),
    Num(String),
    Bool(bool),
    None,
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<DictItem>),
    Starred(Box<Expr>),
    Subscript(Box<Expr>, Box<Expr>),
    /// A chain of binary operations, left to right: `operands.len() == ops.len() + 1`.
    /// Chains are flat so `a + b + ... + z` has no nesting depth.
    BinOp(Vec<String>, Vec<Expr>),
    /// A chain of `and`/`or`, left to right, flat like `BinOp`: `operands.len() == ops.len() + 1`.
    BoolOp(Vec<String>, Vec<Expr>),
    Compare(Vec<Expr>, Vec<String>),
    Not(Box<Expr>),
    Unary(Box<Expr>),
    Lambda(Arc<FuncDef>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Comp(Box<Comprehension>),
    Await(Box<Expr>),
    /// `x := value`
    Walrus(String, Box<Expr>),
    Unknown,
}

#[derive(Debug, Clone)]
pub enum DictItem {
    Pair(Expr, Expr),
    Splat(Expr),
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    /// `List`, `Set`, `Gen` produce `elt`; `Dict` produces `(key, elt)`.
    pub kind: CompKind,
    pub key: Option<Expr>,
    pub elt: Expr,
    pub generators: Vec<(Target, Expr, Vec<Expr>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Gen,
    Dict,
}

#[derive(Debug, Clone)]
pub enum Arg {
    Pos(Expr),
    Kw(String, Expr),
    Star(Expr),
    DoubleStar(Expr),
}

#[derive(Debug, Clone)]
pub enum Target {
    Name(String, Span),
    Tuple(Vec<Target>),
    Attr(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    Starred(Box<Target>),
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Normal,
    VarArgs,
    KwArgs,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub span: Span,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub kind: ParamKind,
    /// Lowered JavaScript: the parameter is one name of a destructuring pattern
    /// (`({ store, ...rest })`), read from the argument at the pattern's position.
    pub destructured: Option<Destructured>,
}

/// Where a parameter of a destructuring pattern comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destructured {
    /// The pattern's position among the function's own parameters (every name of one pattern
    /// shares it, and one argument).
    pub position: u32,
    /// An array pattern (`([key, value]) => ...`), read by index; else an object pattern, read
    /// by property name.
    pub array: bool,
}

#[derive(Debug, Clone)]
pub struct FuncDef {
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    pub params: Vec<Param>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    pub docstring: Option<String>,
    pub is_lambda: bool,
    /// Module variables the body assigns (`global db` in Python; in JavaScript a module-level
    /// `let` assigned without a declaration of the function's own): writes go to the module.
    pub globals: Vec<String>,
    /// The body yields (`yield x`): a call returns a generator of what it yields, not what it
    /// `return`s.
    pub generator: bool,
}

#[derive(Debug, Clone)]
pub struct ClassDef {
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    pub bases: Vec<Arg>,
    pub decorators: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub docstring: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    /// `import a.b.c as d`: `(dotted, alias)`.
    Import(Vec<(String, Option<String>)>),
    /// `from ..a import b as c`: level, module, names (`*` for a star import).
    ImportFrom {
        level: u32,
        module: String,
        names: Vec<(String, Option<String>)>,
    },
    Assign {
        targets: Vec<Target>,
        value: Expr,
        annotation: Option<Box<Expr>>,
    },
    /// An annotated name without a value (`approved: bool` in a TypedDict).
    AnnOnly {
        target: Target,
        annotation: Expr,
    },
    AugAssign {
        target: Target,
        op: String,
        value: Expr,
    },
    Expr(Expr),
    Func(Arc<FuncDef>),
    Class(Arc<ClassDef>),
    If {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Target,
        iter: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Box<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<(Expr, Option<Target>)>,
        body: Vec<Stmt>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Vec<Stmt>>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Match {
        subject: Box<Expr>,
        cases: Vec<Vec<Stmt>>,
        /// Per case, the values its pattern compares the subject with when the pattern is a
        /// literal string or a dotted name (`case "a" | Tools.B:`); empty for other patterns.
        values: Vec<Vec<Expr>>,
    },
    Return(Option<Expr>),
    Raise(Option<Expr>),
    Other,
}

impl Stmt {
    /// The blocks nested directly in this statement (bodies, branches, handlers, cases);
    /// function and class bodies are not included: they run elsewhere.
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        match &self.kind {
            StmtKind::If { body, orelse, .. }
            | StmtKind::For { body, orelse, .. }
            | StmtKind::While { body, orelse, .. } => vec![body, orelse],
            StmtKind::With { body, .. } => vec![body],
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let mut v: Vec<&[Stmt]> = vec![body];
                v.extend(handlers.iter().map(|h| h.as_slice()));
                v.push(orelse);
                v.push(finalbody);
                v
            }
            StmtKind::Match { cases, .. } => cases.iter().map(|c| c.as_slice()).collect(),
            _ => vec![],
        }
    }

    /// The expressions this statement evaluates itself (not those of nested blocks).
    pub fn exprs(&self) -> Vec<&Expr> {
        match &self.kind {
            StmtKind::Assign { value, .. } | StmtKind::Expr(value) => vec![value],
            StmtKind::AugAssign { value, .. } => vec![value],
            StmtKind::Return(Some(e)) | StmtKind::Raise(Some(e)) => vec![e],
            StmtKind::If { test, .. } | StmtKind::While { test, .. } => vec![test],
            StmtKind::For { iter, .. } => vec![iter],
            StmtKind::With { items, .. } => items.iter().map(|(e, _)| e).collect(),
            StmtKind::Match { subject, .. } => vec![subject],
            _ => vec![],
        }
    }
}

/// Visits every statement of a function or module body, nested blocks included, with an
/// explicit stack (no recursion), in no particular order.
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

/// The call expression written at `span` in `body`.
pub fn call_at(body: &[Stmt], span: Span) -> Option<&Expr> {
    let mut call = None;
    visit_exprs(body, &mut |e| {
        if e.span == span && matches!(e.kind, ExprKind::Call(..)) {
            call = Some(e);
        }
    });
    call
}

/// A parsed Python file: its IR, plus problems found while parsing.
#[derive(Debug, Clone, Default)]
pub struct PyModule {
    pub body: Vec<Stmt>,
    /// `(span, message)` for syntax errors and nesting beyond `MAX_DEPTH`.
    pub issues: Vec<(Span, String)>,
    /// Lowered from TypeScript or JavaScript (`extract::js_lower`): the interpreter reads names
    /// with JavaScript's rules (globals, module specifiers, options objects).
    pub javascript: bool,
}

thread_local! {
    static PARSER: std::cell::RefCell<Option<Parser>> = const { std::cell::RefCell::new(None) };
}

/// Parses `text` with tree-sitter (one parser per thread) and lowers it. Never fails.
pub fn parse(text: &str) -> PyModule {
    let tree = PARSER.with(|p| {
        let mut slot = p.borrow_mut();
        let parser = slot.get_or_insert_with(|| {
            let mut parser = Parser::new();
            parser
                .set_language(&tree_sitter_python::LANGUAGE.into())
                .expect("tree-sitter-python is ABI-compatible with tree-sitter");
            parser
        });
        super::parse_within_budget(parser, text)
    });
    let tree = match tree {
        Ok(t) => t,
        Err(message) => {
            return PyModule {
                body: vec![],
                issues: vec![(Span::default(), message)],
                javascript: false,
            }
        }
    };
    let mut l = Lower {
        src: text.as_bytes(),
        issues: vec![],
        deep_reported: false,
        globals: vec![],
        generators: vec![],
    };
    let root = tree.root_node();
    if root.has_error() {
        super::syntax_errors(root, &mut l.issues);
    }
    let body = l.block_children(root, 0);
    PyModule {
        body,
        issues: l.issues,
        javascript: false,
    }
}

struct Lower<'a> {
    src: &'a [u8],
    issues: Vec<(Span, String)>,
    deep_reported: bool,
    /// The names declared `global` in each function or class body being lowered, innermost
    /// last.
    globals: Vec<Vec<String>>,
    /// Whether each function body being lowered yields, innermost last.
    generators: Vec<bool>,
}

fn span(n: Node) -> Span {
    Span::new(n.start_byte(), n.end_byte())
}

impl<'a> Lower<'a> {
    fn name(&self, n: Node) -> Name {
        Name::new(String::from_utf8_lossy(
            &self.src[n.start_byte()..n.end_byte()],
        ))
    }

    fn text(&self, n: Node) -> String {
        String::from_utf8_lossy(&self.src[n.start_byte()..n.end_byte()]).into_owned()
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
        let mut out = Vec::new();
        for c in Self::named_children(n) {
            self.stmt(c, depth + 1, &mut out);
        }
        out
    }

    fn block(&mut self, n: Option<Node>, depth: u32) -> Vec<Stmt> {
        match n {
            Some(n) => self.block_children(n, depth),
            None => vec![],
        }
    }

    fn docstring(&self, body: Option<Node>) -> Option<String> {
        let body = body?;
        let first = Self::named_children(body).into_iter().next()?;
        if first.kind() != "expression_statement" {
            return None;
        }
        let s = first.named_child(0)?;
        if s.kind() != "string" {
            return None;
        }
        Some(self.string_content(s))
    }

    fn string_content(&self, s: Node) -> String {
        let mut out = String::new();
        let mut c = s.walk();
        for part in s.named_children(&mut c) {
            if matches!(part.kind(), "string_content" | "escape_sequence") {
                out.push_str(&self.text(part));
            }
        }
        out
    }

    fn stmt(&mut self, n: Node, depth: u32, out: &mut Vec<Stmt>) {
        let sp = span(n);
        let kind = match n.kind() {
            "expression_statement" => {
                // An expression statement may hold an assignment or several expressions.
                for c in Self::named_children(n) {
                    self.simple(c, depth, out);
                }
                return;
            }
            "import_statement" => {
                let mut names = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "dotted_name" => names.push((self.text(c), None)),
                        "aliased_import" => {
                            let name = c.child_by_field_name("name").map(|x| self.text(x));
                            let alias = c.child_by_field_name("alias").map(|x| self.text(x));
                            if let Some(name) = name {
                                names.push((name, alias));
                            }
                        }
                        _ => {}
                    }
                }
                StmtKind::Import(names)
            }
            "import_from_statement" => {
                let mut level = 0;
                let mut module = String::new();
                if let Some(m) = n.child_by_field_name("module_name") {
                    if m.kind() == "relative_import" {
                        for c in Self::named_children(m) {
                            match c.kind() {
                                "import_prefix" => level = self.text(c).len() as u32,
                                "dotted_name" => module = self.text(c),
                                _ => {}
                            }
                        }
                    } else {
                        module = self.text(m);
                    }
                }
                let mut names = vec![];
                let mut c = n.walk();
                for name in n.children_by_field_name("name", &mut c) {
                    match name.kind() {
                        "dotted_name" => names.push((self.text(name), None)),
                        "aliased_import" => {
                            let nm = name.child_by_field_name("name").map(|x| self.text(x));
                            let alias = name.child_by_field_name("alias").map(|x| self.text(x));
                            if let Some(nm) = nm {
                                names.push((nm, alias));
                            }
                        }
                        _ => {}
                    }
                }
                if Self::named_children(n)
                    .iter()
                    .any(|c| c.kind() == "wildcard_import")
                {
                    names.push(("*".into(), None));
                }
                StmtKind::ImportFrom {
                    level,
                    module,
                    names,
                }
            }
            "function_definition" => StmtKind::Func(Arc::new(self.func(n, vec![], depth))),
            "class_definition" => StmtKind::Class(Arc::new(self.class(n, vec![], depth))),
            "decorated_definition" => {
                let decorators: Vec<Expr> = Self::named_children(n)
                    .into_iter()
                    .filter(|c| c.kind() == "decorator")
                    .filter_map(|d| d.named_child(0).map(|e| self.expr(e, depth + 1)))
                    .collect();
                match n.child_by_field_name("definition") {
                    Some(d) if d.kind() == "function_definition" => {
                        StmtKind::Func(Arc::new(self.func(d, decorators, depth)))
                    }
                    Some(d) if d.kind() == "class_definition" => {
                        StmtKind::Class(Arc::new(self.class(d, decorators, depth)))
                    }
                    _ => StmtKind::Other,
                }
            }
            "if_statement" => {
                let test = self.opt_expr(n.child_by_field_name("condition"), depth);
                let body = self.block(n.child_by_field_name("consequence"), depth);
                // elif chains become nested ifs in the else branch.
                let mut c = n.walk();
                let alts: Vec<Node> = n.children_by_field_name("alternative", &mut c).collect();
                let orelse = self.elifs(&alts, depth);
                StmtKind::If {
                    test: Box::new(test),
                    body,
                    orelse,
                }
            }
            "for_statement" => StmtKind::For {
                target: self.target_opt(n.child_by_field_name("left"), depth),
                iter: Box::new(self.opt_expr(n.child_by_field_name("right"), depth)),
                body: self.block(n.child_by_field_name("body"), depth),
                orelse: self.else_block(n.child_by_field_name("alternative"), depth),
            },
            "while_statement" => StmtKind::While {
                test: Box::new(self.opt_expr(n.child_by_field_name("condition"), depth)),
                body: self.block(n.child_by_field_name("body"), depth),
                orelse: self.else_block(n.child_by_field_name("alternative"), depth),
            },
            "with_statement" => {
                let mut items = vec![];
                for c in Self::named_children(n) {
                    if c.kind() == "with_clause" {
                        for item in Self::named_children(c) {
                            if item.kind() != "with_item" {
                                continue;
                            }
                            let Some(v) = item.child_by_field_name("value") else {
                                continue;
                            };
                            if v.kind() == "as_pattern" {
                                let e = self.opt_expr(v.named_child(0), depth);
                                let t = v
                                    .child_by_field_name("alias")
                                    .and_then(|a| a.named_child(0).or(Some(a)))
                                    .map(|a| self.target(a, depth));
                                items.push((e, t));
                            } else {
                                items.push((self.expr(v, depth + 1), None));
                            }
                        }
                    }
                }
                StmtKind::With {
                    items,
                    body: self.block(n.child_by_field_name("body"), depth),
                }
            }
            "try_statement" => {
                let body = self.block(n.child_by_field_name("body"), depth);
                let mut handlers = vec![];
                let mut orelse = vec![];
                let mut finalbody = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "except_clause" | "except_group_clause" => {
                            let blk = Self::named_children(c)
                                .into_iter()
                                .find(|x| x.kind() == "block");
                            handlers.push(self.block(blk, depth));
                        }
                        "else_clause" => orelse = self.block(c.child_by_field_name("body"), depth),
                        "finally_clause" => {
                            let blk = Self::named_children(c)
                                .into_iter()
                                .find(|x| x.kind() == "block");
                            finalbody = self.block(blk, depth)
                        }
                        _ => {}
                    }
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            }
            "match_statement" => {
                let subject = self.opt_expr(n.child_by_field_name("subject"), depth);
                let mut cases = vec![];
                let mut values = vec![];
                if let Some(b) = n.child_by_field_name("body") {
                    for c in Self::named_children(b) {
                        if c.kind() == "case_clause" {
                            cases.push(self.block(c.child_by_field_name("consequence"), depth));
                            values.push(self.case_values(c));
                        }
                    }
                }
                StmtKind::Match {
                    subject: Box::new(subject),
                    cases,
                    values,
                }
            }
            "return_statement" => {
                StmtKind::Return(n.named_child(0).map(|e| self.expr(e, depth + 1)))
            }
            "raise_statement" => StmtKind::Raise(n.named_child(0).map(|e| self.expr(e, depth + 1))),
            "global_statement" => {
                let names: Vec<String> = Self::named_children(n)
                    .into_iter()
                    .filter(|c| c.kind() == "identifier")
                    .map(|c| self.text(c))
                    .collect();
                if let Some(g) = self.globals.last_mut() {
                    g.extend(names);
                }
                StmtKind::Other
            }
            "block" => {
                out.extend(self.block_children(n, depth));
                return;
            }
            _ => StmtKind::Other,
        };
        out.push(Stmt { kind, span: sp });
    }

    /// The literal strings and dotted names a case clause's pattern compares with: the pattern
    /// itself, or the alternatives of a union pattern (one level; nested patterns are skipped).
    fn case_values(&self, clause: Node) -> Vec<Expr> {
        let mut out = vec![];
        for p in Self::named_children(clause) {
            if p.kind() != "case_pattern" {
                continue;
            }
            let Some(inner) = p.named_child(0) else {
                continue;
            };
            let alts = if inner.kind() == "union_pattern" {
                Self::named_children(inner)
            } else {
                vec![inner]
            };
            for a in alts {
                match a.kind() {
                    "string" => out.push(Expr {
                        kind: ExprKind::Str(self.string_content(a)),
                        span: span(a),
                    }),
                    // A handful of segments at most: the chain is nested boxes.
                    "dotted_name" if a.named_child_count() <= 8 => {
                        let mut e: Option<Expr> = None;
                        for id in Self::named_children(a) {
                            let name = self.name(id);
                            e = Some(match e {
                                None => Expr {
                                    kind: ExprKind::Name(name),
                                    span: span(id),
                                },
                                Some(prev) => Expr {
                                    kind: ExprKind::Attr(Box::new(prev), name),
                                    span: Span::new(a.start_byte(), id.end_byte()),
                                },
                            });
                        }
                        out.extend(e);
                    }
                    _ => {}
                }
            }
        }
        out
    }

    fn elifs(&mut self, alts: &[Node], depth: u32) -> Vec<Stmt> {
        let Some((first, rest)) = alts.split_first() else {
            return vec![];
        };
        match first.kind() {
            "elif_clause" => {
                if self.too_deep(*first, depth) {
                    return vec![];
                }
                let test = self.opt_expr(first.child_by_field_name("condition"), depth);
                let body = self.block(first.child_by_field_name("consequence"), depth);
                let orelse = self.elifs(rest, depth + 1);
                vec![Stmt {
                    kind: StmtKind::If {
                        test: Box::new(test),
                        body,
                        orelse,
                    },
                    span: span(*first),
                }]
            }
            _ => self.block(first.child_by_field_name("body"), depth),
        }
    }

    fn else_block(&mut self, n: Option<Node>, depth: u32) -> Vec<Stmt> {
        match n {
            Some(e) => self.block(e.child_by_field_name("body"), depth),
            None => vec![],
        }
    }

    /// Statements that live inside an `expression_statement`.
    fn simple(&mut self, n: Node, depth: u32, out: &mut Vec<Stmt>) {
        let sp = span(n);
        let kind = match n.kind() {
            "assignment" => {
                // `a = b = value` nests assignments on the right.
                let mut targets = vec![];
                let mut cur = n;
                let annotation = n
                    .child_by_field_name("type")
                    .map(|t| self.type_expr(t, depth));
                let value = loop {
                    if let Some(l) = cur.child_by_field_name("left") {
                        targets.push(self.target(l, depth));
                    }
                    match cur.child_by_field_name("right") {
                        Some(r) if r.kind() == "assignment" => cur = r,
                        Some(r) => break Some(self.expr(r, depth + 1)),
                        None => break None,
                    }
                };
                match value {
                    Some(value) => StmtKind::Assign {
                        targets,
                        value,
                        annotation: annotation.map(Box::new),
                    },
                    None => match (targets.into_iter().next(), annotation) {
                        (Some(target), Some(annotation)) => {
                            StmtKind::AnnOnly { target, annotation }
                        }
                        _ => StmtKind::Other,
                    },
                }
            }
            "augmented_assignment" => StmtKind::AugAssign {
                target: self.target_opt(n.child_by_field_name("left"), depth),
                op: n
                    .child_by_field_name("operator")
                    .map(|o| self.text(o))
                    .unwrap_or_default(),
                value: self.opt_expr(n.child_by_field_name("right"), depth),
            },
            _ => StmtKind::Expr(self.expr(n, depth + 1)),
        };
        out.push(Stmt { kind, span: sp });
    }

    fn type_expr(&mut self, t: Node, depth: u32) -> Expr {
        match t.named_child(0) {
            Some(inner) if t.kind() == "type" => self.expr(inner, depth + 1),
            _ => self.expr(t, depth + 1),
        }
    }

    fn func(&mut self, n: Node, decorators: Vec<Expr>, depth: u32) -> FuncDef {
        let name_node = n.child_by_field_name("name");
        let body = n.child_by_field_name("body");
        FuncDef {
            name: name_node.map(|x| self.text(x)).unwrap_or_default(),
            name_span: name_node.map(span).unwrap_or_else(|| span(n)),
            span: span(n),
            params: self.params(n.child_by_field_name("parameters"), depth),
            decorators,
            returns: n
                .child_by_field_name("return_type")
                .map(|t| self.type_expr(t, depth)),
            docstring: self.docstring(body),
            body: {
                self.globals.push(vec![]);
                self.generators.push(false);
                self.block(body, depth)
            },
            is_lambda: false,
            globals: self.globals.pop().unwrap_or_default(),
            generator: self.generators.pop().unwrap_or_default(),
        }
    }

    fn class(&mut self, n: Node, decorators: Vec<Expr>, depth: u32) -> ClassDef {
        let name_node = n.child_by_field_name("name");
        let body = n.child_by_field_name("body");
        let bases = match n.child_by_field_name("superclasses") {
            Some(a) => self.args(a, depth),
            None => vec![],
        };
        ClassDef {
            name: name_node.map(|x| self.text(x)).unwrap_or_default(),
            name_span: name_node.map(span).unwrap_or_else(|| span(n)),
            span: span(n),
            bases,
            decorators,
            docstring: self.docstring(body),
            body: {
                self.globals.push(vec![]);
                let b = self.block(body, depth);
                self.globals.pop();
                b
            },
        }
    }

    fn params(&mut self, n: Option<Node>, depth: u32) -> Vec<Param> {
        let Some(n) = n else { return vec![] };
        let mut out = vec![];
        for p in Self::named_children(n) {
            let (name_node, kind, ann, default) = match p.kind() {
                "identifier" => (Some(p), ParamKind::Normal, None, None),
                "typed_parameter" => {
                    let inner = p.named_child(0);
                    let kind = match inner.map(|i| i.kind()) {
                        Some("list_splat_pattern") => ParamKind::VarArgs,
                        Some("dictionary_splat_pattern") => ParamKind::KwArgs,
                        _ => ParamKind::Normal,
                    };
                    let name = match inner {
                        Some(i) if i.kind() == "identifier" => Some(i),
                        Some(i) => i.named_child(0),
                        None => None,
                    };
                    (name, kind, p.child_by_field_name("type"), None)
                }
                "default_parameter" => (
                    p.child_by_field_name("name"),
                    ParamKind::Normal,
                    None,
                    p.child_by_field_name("value"),
                ),
                "typed_default_parameter" => (
                    p.child_by_field_name("name"),
                    ParamKind::Normal,
                    p.child_by_field_name("type"),
                    p.child_by_field_name("value"),
                ),
                "list_splat_pattern" => (p.named_child(0), ParamKind::VarArgs, None, None),
                "dictionary_splat_pattern" => (p.named_child(0), ParamKind::KwArgs, None, None),
                _ => continue,
            };
            let Some(name_node) = name_node else { continue };
            out.push(Param {
                name: self.text(name_node),
                span: span(name_node),
                annotation: ann.map(|a| self.type_expr(a, depth)),
                default: default.map(|d| self.expr(d, depth + 1)),
                kind,
                destructured: None,
            });
        }
        out
    }

    fn target_opt(&mut self, n: Option<Node>, depth: u32) -> Target {
        match n {
            Some(n) => self.target(n, depth),
            None => Target::Other,
        }
    }

    fn target(&mut self, n: Node, depth: u32) -> Target {
        if self.too_deep(n, depth) {
            return Target::Other;
        }
        match n.kind() {
            "identifier" => Target::Name(self.text(n), span(n)),
            "pattern_list" | "tuple_pattern" | "list_pattern" | "tuple" | "list"
            | "expression_list" => Target::Tuple(
                Self::named_children(n)
                    .into_iter()
                    .map(|c| self.target(c, depth + 1))
                    .collect(),
            ),
            "parenthesized_expression" => match n.named_child(0) {
                Some(c) => self.target(c, depth + 1),
                None => Target::Other,
            },
            "attribute" => {
                let obj = self.opt_expr(n.child_by_field_name("object"), depth);
                let attr = n
                    .child_by_field_name("attribute")
                    .map(|a| self.text(a))
                    .unwrap_or_default();
                Target::Attr(Box::new(obj), attr)
            }
            "subscript" => {
                let v = self.opt_expr(n.child_by_field_name("value"), depth);
                let s = self.opt_expr(n.child_by_field_name("subscript"), depth);
                Target::Subscript(Box::new(v), Box::new(s))
            }
            "list_splat_pattern" => match n.named_child(0) {
                Some(c) => Target::Starred(Box::new(self.target(c, depth + 1))),
                None => Target::Other,
            },
            _ => Target::Other,
        }
    }

    fn opt_expr(&mut self, n: Option<Node>, depth: u32) -> Expr {
        match n {
            Some(n) => self.expr(n, depth + 1),
            None => Expr {
                kind: ExprKind::Unknown,
                span: Span::default(),
            },
        }
    }

    fn args(&mut self, n: Node, depth: u32) -> Vec<Arg> {
        if n.kind() == "generator_expression" {
            return vec![Arg::Pos(self.expr(n, depth + 1))];
        }
        let mut out = vec![];
        for a in Self::named_children(n) {
            match a.kind() {
                "keyword_argument" => {
                    let name = a
                        .child_by_field_name("name")
                        .map(|x| self.text(x))
                        .unwrap_or_default();
                    let value = self.opt_expr(a.child_by_field_name("value"), depth);
                    out.push(Arg::Kw(name, value));
                }
                "list_splat" => out.push(Arg::Star(self.opt_expr(a.named_child(0), depth))),
                "dictionary_splat" => {
                    out.push(Arg::DoubleStar(self.opt_expr(a.named_child(0), depth)))
                }
                _ => out.push(Arg::Pos(self.expr(a, depth + 1))),
            }
        }
        out
    }

    fn exprs(&mut self, n: Node, depth: u32) -> Vec<Expr> {
        Self::named_children(n)
            .into_iter()
            .map(|c| self.expr(c, depth + 1))
            .collect()
    }

    pub fn expr(&mut self, n: Node, depth: u32) -> Expr {
        let sp = span(n);
        if self.too_deep(n, depth) {
            return Expr {
                kind: ExprKind::Unknown,
                span: sp,
            };
        }
        let d = depth + 1;
        let kind = match n.kind() {
            "identifier" => ExprKind::Name(self.name(n)),
            "yield" => {
                if let Some(g) = self.generators.last_mut() {
                    *g = true;
                }
                ExprKind::Unknown
            }
            "attribute" => {
                let obj = self.opt_expr(n.child_by_field_name("object"), d);
                let attr = n
                    .child_by_field_name("attribute")
                    .map(|a| self.name(a))
                    .unwrap_or_default();
                ExprKind::Attr(Box::new(obj), attr)
            }
            "call" => {
                let f = self.opt_expr(n.child_by_field_name("function"), d);
                let args = match n.child_by_field_name("arguments") {
                    Some(a) => self.args(a, d),
                    None => vec![],
                };
                ExprKind::Call(Box::new(f), args)
            }
            "string" => {
                // The code's own text and the interpolations, in order (`f"kubectl {x}"` is
                // `Str("kubectl "), x`): the leading text says what the value starts with, and the
                // text around an interpolation whether it sits inside a quoted literal.
                let mut parts: Vec<Expr> = vec![];
                let mut text = String::new();
                let mut text_span: Option<Span> = None;
                let mut interpolated = false;
                let flush = |parts: &mut Vec<Expr>, text: &mut String, at: &mut Option<Span>| {
                    if let Some(sp) = at.take().filter(|_| !text.is_empty()) {
                        parts.push(Expr {
                            kind: ExprKind::Str(std::mem::take(text)),
                            span: sp,
                        });
                    }
                    text.clear();
                };
                let mut c = n.walk();
                for part in n.named_children(&mut c) {
                    match part.kind() {
                        "interpolation" => {
                            interpolated = true;
                            flush(&mut parts, &mut text, &mut text_span);
                            if let Some(e) = part.child_by_field_name("expression") {
                                parts.push(self.expr(e, d));
                            }
                        }
                        "string_content" | "escape_sequence" => {
                            let sp = span(part);
                            text_span = Some(match text_span {
                                Some(s0) => Span::new(s0.start as usize, sp.end as usize),
                                None => sp,
                            });
                            text.push_str(&self.text(part));
                        }
                        _ => {}
                    }
                }
                if !interpolated {
                    ExprKind::Str(self.string_content(n))
                } else {
                    flush(&mut parts, &mut text, &mut text_span);
                    ExprKind::FStr(parts)
                }
            }
            "concatenated_string" => {
                let parts = self.exprs(n, d);
                if parts.iter().all(|p| matches!(p.kind, ExprKind::Str(_))) {
                    let mut s = String::new();
                    for p in parts {
                        if let ExprKind::Str(x) = p.kind {
                            s.push_str(&x);
                        }
                    }
                    ExprKind::Str(s)
                } else {
                    ExprKind::FStr(parts)
                }
            }
            "integer" | "float" => ExprKind::Num(self.text(n)),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "none" => ExprKind::None,
            "list" => ExprKind::List(self.exprs(n, d)),
            "tuple" | "expression_list" | "pattern_list" => ExprKind::Tuple(self.exprs(n, d)),
            "set" => ExprKind::Set(self.exprs(n, d)),
            "dictionary" => {
                let mut items = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "pair" => {
                            let k = self.opt_expr(c.child_by_field_name("key"), d);
                            let v = self.opt_expr(c.child_by_field_name("value"), d);
                            items.push(DictItem::Pair(k, v));
                        }
                        "dictionary_splat" => {
                            items.push(DictItem::Splat(self.opt_expr(c.named_child(0), d)))
                        }
                        _ => {}
                    }
                }
                ExprKind::Dict(items)
            }
            "list_splat" | "parenthesized_list_splat" => {
                ExprKind::Starred(Box::new(self.opt_expr(n.named_child(0), d)))
            }
            "subscript" => {
                let v = self.opt_expr(n.child_by_field_name("value"), d);
                let mut c = n.walk();
                let subs: Vec<Expr> = n
                    .children_by_field_name("subscript", &mut c)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(|s| self.expr(s, d))
                    .collect();
                let s = if subs.len() == 1 {
                    subs.into_iter().next().unwrap_or(Expr {
                        kind: ExprKind::Unknown,
                        span: sp,
                    })
                } else {
                    Expr {
                        kind: ExprKind::Tuple(subs),
                        span: sp,
                    }
                };
                ExprKind::Subscript(Box::new(v), Box::new(s))
            }
            "binary_operator" | "boolean_operator" => {
                // Walk the left spine iteratively: long chains (`a + b + ...`, big `X | Y`
                // unions) must not count as nesting.
                let kind = n.kind();
                let mut rights = vec![];
                let mut cur = n;
                while cur.kind() == kind {
                    let op = cur
                        .child_by_field_name("operator")
                        .map(|o| self.text(o))
                        .unwrap_or_default();
                    rights.push((op, cur.child_by_field_name("right")));
                    match cur.child_by_field_name("left") {
                        Some(l) => cur = l,
                        None => break,
                    }
                }
                let mut operands = vec![self.expr(cur, d)];
                let mut ops = vec![];
                for (op, r) in rights.into_iter().rev() {
                    ops.push(op);
                    operands.push(self.opt_expr(r, d));
                }
                if kind == "boolean_operator" {
                    ExprKind::BoolOp(ops, operands)
                } else {
                    ExprKind::BinOp(ops, operands)
                }
            }
            "comparison_operator" => {
                let mut ops = vec![];
                let mut c = n.walk();
                for ch in n.children(&mut c) {
                    if !ch.is_named() {
                        ops.push(self.text(ch));
                    }
                }
                ExprKind::Compare(self.exprs(n, d), ops)
            }
            "not_operator" => ExprKind::Not(Box::new(
                self.opt_expr(n.child_by_field_name("argument"), d),
            )),
            "unary_operator" => ExprKind::Unary(Box::new(
                self.opt_expr(n.child_by_field_name("argument"), d),
            )),
            "parenthesized_expression" => match n.named_child(0) {
                Some(c) => return self.expr(c, d),
                None => ExprKind::Unknown,
            },
            "await" => ExprKind::Await(Box::new(self.opt_expr(n.named_child(0), d))),
            "conditional_expression" => {
                let e = self.exprs(n, d);
                let mut it = e.into_iter();
                match (it.next(), it.next(), it.next()) {
                    (Some(body), Some(test), Some(orelse)) => {
                        ExprKind::IfExp(Box::new(test), Box::new(body), Box::new(orelse))
                    }
                    _ => ExprKind::Unknown,
                }
            }
            "lambda" => {
                let body = self.opt_expr(n.child_by_field_name("body"), d);
                let bsp = body.span;
                ExprKind::Lambda(Arc::new(FuncDef {
                    name: "<lambda>".into(),
                    name_span: sp,
                    span: sp,
                    params: self.params(n.child_by_field_name("parameters"), d),
                    decorators: vec![],
                    returns: None,
                    body: vec![Stmt {
                        kind: StmtKind::Return(Some(body)),
                        span: bsp,
                    }],
                    docstring: None,
                    is_lambda: true,
                    globals: vec![],
                    generator: false,
                }))
            }
            "list_comprehension"
            | "set_comprehension"
            | "generator_expression"
            | "dictionary_comprehension" => {
                let kind = match n.kind() {
                    "list_comprehension" => CompKind::List,
                    "set_comprehension" => CompKind::Set,
                    "generator_expression" => CompKind::Gen,
                    _ => CompKind::Dict,
                };
                let body = n.child_by_field_name("body");
                let (key, elt) = match body {
                    Some(b) if b.kind() == "pair" => (
                        Some(self.opt_expr(b.child_by_field_name("key"), d)),
                        self.opt_expr(b.child_by_field_name("value"), d),
                    ),
                    other => (None, self.opt_expr(other, d)),
                };
                let mut generators: Vec<(Target, Expr, Vec<Expr>)> = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "for_in_clause" => {
                            let t = self.target_opt(c.child_by_field_name("left"), d);
                            let it = self.opt_expr(c.child_by_field_name("right"), d);
                            generators.push((t, it, vec![]));
                        }
                        "if_clause" => {
                            let cond = self.opt_expr(c.named_child(0), d);
                            if let Some(g) = generators.last_mut() {
                                g.2.push(cond);
                            }
                        }
                        _ => {}
                    }
                }
                ExprKind::Comp(Box::new(Comprehension {
                    kind,
                    key,
                    elt,
                    generators,
                }))
            }
            "named_expression" => {
                let name = n
                    .child_by_field_name("name")
                    .map(|x| self.text(x))
                    .unwrap_or_default();
                ExprKind::Walrus(
                    name,
                    Box::new(self.opt_expr(n.child_by_field_name("value"), d)),
                )
            }
            "keyword_argument" => ExprKind::Unknown,
            "type" => return self.type_expr(n, d),
            "generic_type" => {
                // `Literal["a", "b"]` in annotations parses as a generic type.
                let mut base = None;
                let mut params = vec![];
                for c in Self::named_children(n) {
                    match c.kind() {
                        "identifier" => base = Some(self.expr(c, d)),
                        "type_parameter" => {
                            for t in Self::named_children(c) {
                                params.push(self.type_expr(t, d));
                            }
                        }
                        _ => {}
                    }
                }
                match base {
                    Some(b) => ExprKind::Subscript(
                        Box::new(b),
                        Box::new(Expr {
                            kind: ExprKind::Tuple(params),
                            span: sp,
                        }),
                    ),
                    None => ExprKind::Unknown,
                }
            }
            _ => ExprKind::Unknown,
        };
        Expr { kind, span: sp }
    }
}

/// Pushes the direct sub-expressions of `e`.
pub fn push_children<'e>(e: &'e Expr, stack: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Attr(o, _)
        | ExprKind::Starred(o)
        | ExprKind::Not(o)
        | ExprKind::Unary(o)
        | ExprKind::Await(o)
        | ExprKind::Walrus(_, o) => stack.push(o),
        ExprKind::Call(f, args) => {
            stack.push(f);
            for a in args {
                match a {
                    Arg::Pos(x) | Arg::Kw(_, x) | Arg::Star(x) | Arg::DoubleStar(x) => {
                        stack.push(x)
                    }
                }
            }
        }
        ExprKind::FStr(xs)
        | ExprKind::List(xs)
        | ExprKind::Tuple(xs)
        | ExprKind::Set(xs)
        | ExprKind::BoolOp(_, xs)
        | ExprKind::BinOp(_, xs)
        | ExprKind::Compare(xs, _) => stack.extend(xs.iter()),
        ExprKind::Dict(items) => {
            for it in items {
                match it {
                    DictItem::Pair(k, v) => {
                        stack.push(k);
                        stack.push(v);
                    }
                    DictItem::Splat(x) => stack.push(x),
                }
            }
        }
        ExprKind::Subscript(a, b) => {
            stack.push(a);
            stack.push(b);
        }
        ExprKind::IfExp(a, b, c) => {
            stack.push(a);
            stack.push(b);
            stack.push(c);
        }
        ExprKind::Comp(c) => {
            stack.push(&c.elt);
            if let Some(k) = &c.key {
                stack.push(k);
            }
            for (_, it, conds) in &c.generators {
                stack.push(it);
                stack.extend(conds.iter());
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(src: &str) -> StmtKind {
        parse(src)
            .body
            .into_iter()
            .next()
            .map(|s| s.kind)
            .unwrap_or(StmtKind::Other)
    }

    #[test]
    fn lowers_imports() {
        match first("from ..a.b import c as d, e\n") {
            StmtKind::ImportFrom {
                level,
                module,
                names,
            } => {
                assert_eq!(level, 2);
                assert_eq!(module, "a.b");
                assert_eq!(
                    names,
                    vec![("c".into(), Some("d".into())), ("e".into(), None)]
                );
            }
            other => panic!("{other:?}"),
        }
        match first("import langgraph.types as lt\n") {
            StmtKind::Import(n) => {
                assert_eq!(n, vec![("langgraph.types".into(), Some("lt".into()))])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lowers_decorated_function_with_params() {
        let src = "@tool(\"refund\")\ndef refund(order_id: str, amount: int = 5, *args, **kw) -> str:\n    \"\"\"Refund.\"\"\"\n    return stripe.Refund.create(x=order_id)\n";
        match first(src) {
            StmtKind::Func(f) => {
                assert_eq!(f.name, "refund");
                assert_eq!(f.decorators.len(), 1);
                let names: Vec<_> = f.params.iter().map(|p| (p.name.as_str(), p.kind)).collect();
                assert_eq!(
                    names,
                    vec![
                        ("order_id", ParamKind::Normal),
                        ("amount", ParamKind::Normal),
                        ("args", ParamKind::VarArgs),
                        ("kw", ParamKind::KwArgs)
                    ]
                );
                assert_eq!(f.docstring.as_deref(), Some("Refund."));
                assert_eq!(f.body.len(), 2);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lowers_literal_annotations() {
        let src = "def route(s) -> Literal[\"a\", \"b\"]:\n    return 'a'\n";
        let StmtKind::Func(f) = first(src) else {
            panic!()
        };
        let Some(Expr {
            kind: ExprKind::Subscript(b, s),
            ..
        }) = &f.returns
        else {
            panic!("{:?}", f.returns)
        };
        assert!(matches!(&b.kind, ExprKind::Name(n) if n == "Literal"));
        assert!(matches!(&s.kind, ExprKind::Tuple(v) if v.len() == 2));
    }

    #[test]
    fn deep_nesting_is_capped_not_crashing() {
        let src = format!("x = {}1{}\n", "(".repeat(50_000), ")".repeat(50_000));
        let h = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || parse(&src))
            .expect("spawn");
        let m = h.join().expect("no stack overflow");
        assert_eq!(m.body.len(), 1);
        let src = format!("x = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000));
        let m = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || parse(&src))
            .expect("spawn")
            .join()
            .expect("no stack overflow");
        assert!(m
            .issues
            .iter()
            .any(|(_, msg)| msg.contains("nested deeper")));
    }

    #[test]
    fn syntax_errors_become_issues() {
        let m = parse("def f(:\n    pass\nx = 1\n");
        assert!(m
            .issues
            .iter()
            .any(|(_, msg)| msg.starts_with("syntax error")));
    }
}

//! Scopes and symbols, built like CPython's symtable: a first pass records
//! how each scope uses each name, a second resolves every name to local,
//! cell, free, global or class-namespace storage.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::Diagnostic;
use crate::frontend::{ast, span};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    /// List, set and dict comprehensions: inlined into the enclosing
    /// function (PEP 709), with their own iteration variables.
    Comprehension,
    /// Generator expressions: a closure over the enclosing scope.
    GenExpr,
    /// The annotation scope of PEP 695 type parameters (`def f[T]`,
    /// `class C[T]`, `type A[T] = ...`): binds the parameters, which the
    /// def, class or alias value inside read as free variables. Lowered
    /// inline where the statement runs, so it has no Rust function.
    TypeParams,
}

/// How a name is stored, as decided by resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// A plain Rust local of the function.
    Local,
    /// A local captured by a nested function: shared `Cell`.
    Cell,
    /// A variable of an enclosing function, reached through its cell.
    Free,
    /// A module global (or a builtin when never assigned at module level).
    Global,
    /// A name in a class body's namespace.
    ClassLocal,
}

#[derive(Clone, Debug, Default)]
pub struct Symbol {
    pub assigned: bool,
    /// How many statements or expressions of this scope bind the name
    /// (assignments, loop and with targets, imports, defs, captures...).
    pub bindings: u32,
    pub read: bool,
    pub param: bool,
    pub declared_global: bool,
    pub declared_nonlocal: bool,
    pub deleted: bool,
    /// Bound by a walrus inside a comprehension of this scope.
    pub walrus: bool,
    /// Read as a whole value somewhere in this scope: anything but
    /// `name[i]`, `len(name)`, `for _ in name` or `_ in name`, the reads
    /// that can neither change a list nor hand it to code that could.
    pub whole: bool,
    pub binding: Option<Binding>,
}

impl Symbol {
    /// Records one binding of the name.
    fn bind(&mut self) {
        self.assigned = true;
        self.bindings += 1;
    }
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub symbols: BTreeMap<String, Symbol>,
    /// Free variables in the order they were first resolved (deterministic).
    pub free_order: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// Every `yield` and `yield from` directly in this scope, in source
    /// order: lowering decides from them whether a generator's body can be
    /// flattened into a step function.
    pub yields: Vec<YieldSite>,
    /// A method that uses `super()` or `__class__` (needs the class cell).
    pub uses_class_cell: bool,
    pub span: (usize, usize),
}

impl Scope {
    pub fn binding(&self, name: &str) -> Option<Binding> {
        self.symbols.get(name).and_then(|s| s.binding)
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::GenExpr)
    }
}

/// A `yield` or `yield from` expression.
#[derive(Debug, Clone, Copy)]
pub struct YieldSite {
    pub span: (usize, usize),
    /// A `yield` (not `yield from`) that is a whole expression statement,
    /// so its value is thrown away.
    pub statement: bool,
}

/// The result of analysis.
#[derive(Debug)]
pub struct Program {
    pub scopes: Vec<Scope>,
    /// Scope created by the node with this span.
    pub by_span: HashMap<(usize, usize), ScopeId>,
    /// The type-parameter scope of a generic def, class or `type`
    /// statement, by the statement's span.
    pub type_param_scopes: HashMap<(usize, usize), ScopeId>,
    /// Lazily evaluated expressions (a TypeVar's bound or constraints, a
    /// `type` alias's value): each is a lambda-like scope, by the
    /// expression's span.
    pub lazy_scopes: HashMap<(usize, usize), ScopeId>,
    /// The dataclasses whose `__init__` was written into their body as a
    /// def, or why not (`dataclass_init`).
    pub dataclass_inits: crate::sema::dataclass_init::Inits,
}

impl Program {
    /// Whether the module binds `name` exactly once, never deletes it, and
    /// no function rebinds it through `global`.
    pub fn bound_once(&self, name: &str) -> bool {
        let once = self.scopes[0].symbols.get(name).is_some_and(|sym| sym.bindings == 1 && !sym.deleted);
        let elsewhere = self
            .scopes
            .iter()
            .skip(1)
            .any(|sc| sc.symbols.get(name).is_some_and(|sym| sym.declared_global && sym.assigned));
        once && !elsewhere
    }

    pub fn scope_of<T: ast::Ranged>(&self, node: &T) -> Option<ScopeId> {
        self.by_span.get(&span(node)).copied()
    }

    pub fn type_param_scope_of<T: ast::Ranged>(&self, node: &T) -> Option<ScopeId> {
        self.type_param_scopes.get(&span(node)).copied()
    }

    pub fn lazy_scope_of(&self, e: &ast::Expr) -> Option<ScopeId> {
        self.lazy_scopes.get(&span(e)).copied()
    }

    /// Names assigned at module level.
    pub fn module_globals(&self) -> impl Iterator<Item = &String> {
        self.scopes[0].symbols.iter().filter(|(_, s)| s.assigned).map(|(n, _)| n)
    }

    pub fn is_module_assigned(&self, name: &str) -> bool {
        self.scopes[0].symbols.get(name).is_some_and(|s| s.assigned)
            || self.scopes.iter().any(|s| s.symbols.get(name).is_some_and(|sym| sym.declared_global && sym.assigned))
    }
}

pub fn analyze(body: &[ast::Stmt]) -> Result<Program, Diagnostic> {
    let mut b = Builder {
        scopes: Vec::new(),
        by_span: HashMap::new(),
        type_param_scopes: HashMap::new(),
        lazy_scopes: HashMap::new(),
        current: 0,
    };
    b.push(ScopeKind::Module, "<module>", (0, 0));
    b.stmts(body)?;
    let mut p = Program {
        scopes: b.scopes,
        by_span: b.by_span,
        type_param_scopes: b.type_param_scopes,
        lazy_scopes: b.lazy_scopes,
        dataclass_inits: Default::default(),
    };
    resolve(&mut p)?;
    Ok(p)
}

struct Builder {
    scopes: Vec<Scope>,
    by_span: HashMap<(usize, usize), ScopeId>,
    type_param_scopes: HashMap<(usize, usize), ScopeId>,
    lazy_scopes: HashMap<(usize, usize), ScopeId>,
    current: ScopeId,
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, name: &str, sp: (usize, usize)) -> ScopeId {
        let id = self.push_unkeyed(kind, name, sp);
        self.by_span.insert(sp, id);
        id
    }

    /// A scope that `by_span` does not name (type-parameter and lazy scopes).
    fn push_unkeyed(&mut self, kind: ScopeKind, name: &str, sp: (usize, usize)) -> ScopeId {
        let id = self.scopes.len();
        let parent = if id == 0 { None } else { Some(self.current) };
        let qualname = match parent {
            None => String::new(),
            Some(p) => {
                // Type-parameter scopes do not show in `__qualname__`.
                let mut p = p;
                while self.scopes[p].kind == ScopeKind::TypeParams {
                    p = self.scopes[p].parent.unwrap_or(0);
                }
                let ps = &self.scopes[p];
                match ps.kind {
                    ScopeKind::Module => name.to_string(),
                    ScopeKind::Class => format!("{}.{}", ps.qualname, name),
                    _ => format!("{}.<locals>.{}", ps.qualname, name),
                }
            }
        };
        self.scopes.push(Scope {
            kind,
            name: name.to_string(),
            qualname,
            parent,
            children: Vec::new(),
            symbols: BTreeMap::new(),
            free_order: Vec::new(),
            is_generator: false,
            yields: Vec::new(),
            is_coroutine: false,
            uses_class_cell: false,
            span: sp,
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        self.current = id;
        id
    }

    /// Enters the type-parameter scope of a generic statement (PEP 695):
    /// the parameters are bound there; bounds and constraints are lazy
    /// scopes inside it. Returns the scope to restore afterwards.
    fn enter_type_params(&mut self, node: &ast::Stmt, name: &str, params: &[ast::TypeParam]) -> Option<ScopeId> {
        if params.is_empty() {
            return None;
        }
        let outer = self.current;
        let id = self.push_unkeyed(ScopeKind::TypeParams, &format!("<generic parameters of {name}>"), span(node));
        self.type_param_scopes.insert(span(node), id);
        for p in params {
            let n = match p {
                ast::TypeParam::TypeVar(t) => t.name.as_str(),
                ast::TypeParam::ParamSpec(t) => t.name.as_str(),
                ast::TypeParam::TypeVarTuple(t) => t.name.as_str(),
            };
            let s = self.sym(n);
            s.bind();
            s.param = true;
        }
        Some(outer)
    }

    /// An expression evaluated lazily, in a lambda-like scope of its own.
    fn lazy_expr(&mut self, e: &ast::Expr, name: &str) -> Result<(), Diagnostic> {
        let outer = self.current;
        let id = self.push_unkeyed(ScopeKind::Lambda, name, span(e));
        self.lazy_scopes.insert(span(e), id);
        self.expr(e)?;
        self.current = outer;
        Ok(())
    }

    fn type_param_bounds(&mut self, params: &[ast::TypeParam]) -> Result<(), Diagnostic> {
        for p in params {
            if let ast::TypeParam::TypeVar(t) = p
                && let Some(b) = &t.bound
            {
                self.lazy_expr(b, t.name.as_str())?;
            }
        }
        Ok(())
    }

    fn sym(&mut self, name: &str) -> &mut Symbol {
        self.scopes[self.current].symbols.entry(name.to_string()).or_default()
    }

    fn assign(&mut self, name: &str) {
        self.sym(name).bind();
    }

    fn read(&mut self, name: &str) {
        self.sym(name).read = true;
        if name == "super" || name == "__class__" {
            self.scopes[self.current].uses_class_cell = true;
        }
    }

    /// The scope a walrus inside comprehensions binds in.
    fn walrus_scope(&self, at: (usize, usize)) -> Result<ScopeId, Diagnostic> {
        let mut s = self.current;
        while self.scopes[s].kind == ScopeKind::Comprehension || self.scopes[s].kind == ScopeKind::GenExpr {
            s = self.scopes[s].parent.unwrap_or(0);
        }
        if self.scopes[s].kind == ScopeKind::Class && s != self.current {
            return Err(Diagnostic::new(
                at.0,
                at.1,
                "SyntaxError: assignment expression within a comprehension cannot be used in a class body",
            ));
        }
        Ok(s)
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), Diagnostic> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), Diagnostic> {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => self.function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                &f.type_params,
                false,
            ),
            S::AsyncFunctionDef(f) => self.function(
                s,
                &f.name,
                &f.args,
                &f.body,
                &f.decorator_list,
                f.returns.as_deref(),
                &f.type_params,
                true,
            ),
            S::ClassDef(c) => {
                self.exprs(&c.decorator_list)?;
                let generic = self.enter_type_params(s, c.name.as_str(), &c.type_params);
                self.type_param_bounds(&c.type_params)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                let outer = self.current;
                self.push(ScopeKind::Class, c.name.as_str(), span(s));
                self.stmts(&c.body)?;
                self.current = generic.unwrap_or(outer);
                self.assign(c.name.as_str());
                Ok(())
            }
            S::Return(r) => self.opt_expr(r.value.as_deref()),
            S::Delete(d) => {
                for t in &d.targets {
                    self.target(t, true)?;
                }
                Ok(())
            }
            S::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t, false)?;
                }
                Ok(())
            }
            S::TypeAlias(t) => {
                let name = match &*t.name {
                    ast::Expr::Name(n) => n.id.to_string(),
                    _ => String::new(),
                };
                let outer = self.current;
                let generic = self.enter_type_params(s, &name, &t.type_params);
                self.type_param_bounds(&t.type_params)?;
                self.lazy_expr(&t.value, &name)?;
                self.current = generic.unwrap_or(outer);
                self.target(&t.name, false)
            }
            S::AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.read(n.id.as_str());
                }
                self.target(&a.target, false)
            }
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target, false)?;
                } else if let ast::Expr::Name(n) = &*a.target {
                    // A bare annotation makes the name local without binding it.
                    let _ = self.sym(n.id.as_str());
                } else {
                    self.target(&a.target, false)?;
                }
                if self.scopes[self.current].kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
                Ok(())
            }
            S::For(f) => {
                self.peek(&f.iter)?;
                self.target(&f.target, false)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            S::AsyncFor(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target, false)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)
            }
            S::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v, false)?;
                    }
                }
                self.stmts(&w.body)
            }
            S::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v, false)?;
                    }
                }
                self.stmts(&w.body)
            }
            S::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    self.opt_expr(case.guard.as_deref())?;
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
            S::Raise(r) => {
                self.opt_expr(r.exc.as_deref())?;
                self.opt_expr(r.cause.as_deref())
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody),
            S::Assert(a) => {
                self.expr(&a.test)?;
                self.opt_expr(a.msg.as_deref())
            }
            S::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(a) => a.as_str().to_string(),
                        None => alias.name.as_str().split('.').next().unwrap_or("").to_string(),
                    };
                    self.assign(&bound);
                }
                Ok(())
            }
            S::ImportFrom(i) => {
                for alias in &i.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    if bound.as_str() != "*" {
                        self.assign(bound.as_str());
                    }
                }
                Ok(())
            }
            S::Global(g) => {
                for n in &g.names {
                    self.sym(n.as_str()).declared_global = true;
                }
                Ok(())
            }
            S::Nonlocal(n) => {
                if self.scopes[self.current].kind == ScopeKind::Module {
                    let (a, b) = span(s);
                    return Err(Diagnostic::new(a, b, "SyntaxError: nonlocal declaration not allowed at module level"));
                }
                for name in &n.names {
                    self.sym(name.as_str()).declared_nonlocal = true;
                }
                Ok(())
            }
            S::Expr(e) => {
                if let ast::Expr::Yield(y) = &*e.value {
                    self.mark_generator(&e.value, true);
                    return self.opt_expr(y.value.as_deref());
                }
                self.expr(&e.value)
            }
            S::Pass(_) | S::Break(_) | S::Continue(_) => Ok(()),
        }
    }

    fn try_stmt(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> Result<(), Diagnostic> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.opt_expr(h.type_.as_deref())?;
            if let Some(n) = &h.name {
                let sym = self.sym(n.as_str());
                sym.bind();
                sym.deleted = true;
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(finalbody)
    }

    #[allow(clippy::too_many_arguments)]
    fn function(
        &mut self,
        node: &ast::Stmt,
        name: &ast::Identifier,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        type_params: &[ast::TypeParam],
        is_async: bool,
    ) -> Result<(), Diagnostic> {
        self.exprs(decorators)?;
        self.defaults(args)?;
        let outer = self.current;
        let generic = self.enter_type_params(node, name.as_str(), type_params);
        self.type_param_bounds(type_params)?;
        self.annotations(args, returns)?;
        let id = self.push(ScopeKind::Function, name.as_str(), span(node));
        self.scopes[id].is_coroutine = is_async;
        self.params(args);
        self.stmts(body)?;
        let _ = generic;
        self.current = outer;
        self.assign(name.as_str());
        Ok(())
    }

    fn defaults(&mut self, args: &ast::Arguments) -> Result<(), Diagnostic> {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            self.opt_expr(a.default.as_deref())?;
        }
        Ok(())
    }

    /// Annotations are evaluated when the def runs, except in class-less
    /// function scopes where CPython still evaluates them: we keep them
    /// unevaluated (they are hints) and only record names they read.
    fn annotations(&mut self, _args: &ast::Arguments, _returns: Option<&ast::Expr>) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) {
        let mut names: Vec<&str> = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            names.push(a.def.arg.as_str());
        }
        if let Some(v) = &args.vararg {
            names.push(v.arg.as_str());
        }
        for a in &args.kwonlyargs {
            names.push(a.def.arg.as_str());
        }
        if let Some(k) = &args.kwarg {
            names.push(k.arg.as_str());
        }
        for n in names {
            let s = self.sym(n);
            s.bind();
            s.param = true;
        }
    }

    fn target(&mut self, t: &ast::Expr, del: bool) -> Result<(), Diagnostic> {
        use ast::Expr as E;
        match t {
            E::Name(n) => {
                let s = self.sym(n.id.as_str());
                s.bind();
                if del {
                    s.deleted = true;
                }
                Ok(())
            }
            E::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e, del)?;
                }
                Ok(())
            }
            E::List(l) => {
                for e in &l.elts {
                    self.target(e, del)?;
                }
                Ok(())
            }
            E::Starred(s) => self.target(&s.value, del),
            E::Attribute(a) => self.expr(&a.value),
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            other => self.expr(other),
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), Diagnostic> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
                Ok(())
            }
            P::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.assign(r.as_str());
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(q)?;
                }
                Ok(())
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.assign(n.as_str());
                }
                Ok(())
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.assign(n.as_str());
                }
                Ok(())
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
                Ok(())
            }
        }
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> Result<(), Diagnostic> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn opt_expr(&mut self, e: Option<&ast::Expr>) -> Result<(), Diagnostic> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn comprehension(
        &mut self,
        node: &ast::Expr,
        kind: ScopeKind,
        generators: &[ast::Comprehension],
        elts: &[&ast::Expr],
    ) -> Result<(), Diagnostic> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.peek(&first.iter)?;
        }
        let outer = self.current;
        let name = match kind {
            ScopeKind::GenExpr => "<genexpr>",
            _ => "<listcomp>",
        };
        self.push(kind, name, span(node));
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.peek(&g.iter)?;
            }
            self.target(&g.target, false)?;
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.current = outer;
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), Diagnostic> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => self.exprs(&b.values),
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                let ast::Expr::Name(target) = &*n.target else {
                    let (a, b) = span(e);
                    return Err(Diagnostic::new(
                        a,
                        b,
                        "SyntaxError: cannot use assignment expressions with this target",
                    ));
                };
                let home = self.walrus_scope(span(e))?;
                let here = self.current;
                if home != here {
                    // Binding a comprehension's iteration variable is illegal.
                    if self.scopes[here].symbols.get(target.id.as_str()).is_some_and(|s| s.assigned) {
                        let (a, b) = span(e);
                        return Err(Diagnostic::new(
                            a,
                            b,
                            format!(
                                "SyntaxError: assignment expression cannot rebind comprehension iteration variable '{}'",
                                target.id
                            ),
                        ));
                    }
                    let s = self.scopes[home].symbols.entry(target.id.to_string()).or_default();
                    s.bind();
                    s.walrus = true;
                    // The comprehension reads it as a name of the enclosing scope.
                    self.read(target.id.as_str());
                    self.scopes[here].symbols.entry(target.id.to_string()).or_default().walrus = true;
                } else {
                    let s = self.sym(target.id.as_str());
                    s.bind();
                    s.walrus = true;
                }
                Ok(())
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)
            }
            E::UnaryOp(u) => self.expr(&u.operand),
            E::Lambda(l) => {
                self.defaults(&l.args)?;
                let outer = self.current;
                self.push(ScopeKind::Lambda, "<lambda>", span(e));
                self.params(&l.args);
                self.expr(&l.body)?;
                self.current = outer;
                Ok(())
            }
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)
            }
            E::Set(s) => self.exprs(&s.elts),
            E::ListComp(c) => self.comprehension(e, ScopeKind::Comprehension, &c.generators, &[&c.elt]),
            E::SetComp(c) => self.comprehension(e, ScopeKind::Comprehension, &c.generators, &[&c.elt]),
            E::DictComp(c) => self.comprehension(e, ScopeKind::Comprehension, &c.generators, &[&c.key, &c.value]),
            E::GeneratorExp(c) => self.comprehension(e, ScopeKind::GenExpr, &c.generators, &[&c.elt]),
            E::Await(a) => {
                let here = &self.scopes[self.current];
                if matches!(here.kind, ScopeKind::Function | ScopeKind::Lambda) && !here.is_coroutine {
                    let (a, b) = span(e);
                    return Err(Diagnostic::new(a, b, "SyntaxError: 'await' outside async function"));
                }
                self.mark_coroutine();
                self.expr(&a.value)
            }
            E::Yield(y) => {
                self.mark_generator(e, false);
                self.opt_expr(y.value.as_deref())
            }
            E::YieldFrom(y) => {
                self.mark_generator(e, false);
                self.expr(&y.value)
            }
            E::Compare(c) => {
                self.expr(&c.left)?;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                        self.peek(right)?;
                    } else {
                        self.expr(right)?;
                    }
                }
                Ok(())
            }
            E::Call(c) if matches!(&*c.func, E::Name(f) if f.id.as_str() == "len") && c.args.len() == 1 => {
                self.expr(&c.func)?;
                self.peek(&c.args[0])?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                self.opt_expr(f.format_spec.as_deref())
            }
            E::JoinedStr(j) => self.exprs(&j.values),
            E::Constant(_) => Ok(()),
            E::Attribute(a) => self.expr(&a.value),
            E::Subscript(s) => {
                if s.ctx == ast::ExprContext::Load {
                    self.peek(&s.value)?;
                } else {
                    self.expr(&s.value)?;
                }
                self.expr(&s.slice)
            }
            E::Starred(s) => self.expr(&s.value),
            E::Name(n) => {
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.read(n.id.as_str());
                        self.sym(n.id.as_str()).whole = true;
                    }
                    ast::ExprContext::Store => self.assign(n.id.as_str()),
                    ast::ExprContext::Del => {
                        let s = self.sym(n.id.as_str());
                        s.assigned = true;
                        s.deleted = true;
                    }
                }
                Ok(())
            }
            E::List(l) => self.exprs(&l.elts),
            E::Tuple(t) => self.exprs(&t.elts),
            E::Slice(s) => {
                self.opt_expr(s.lower.as_deref())?;
                self.opt_expr(s.upper.as_deref())?;
                self.opt_expr(s.step.as_deref())
            }
        }
    }

    /// An expression whose value is only looked into (see `Symbol::whole`):
    /// a name there is read but not as a whole.
    fn peek(&mut self, e: &ast::Expr) -> Result<(), Diagnostic> {
        match e {
            ast::Expr::Name(n) if n.ctx == ast::ExprContext::Load => {
                self.read(n.id.as_str());
                Ok(())
            }
            e => self.expr(e),
        }
    }

    fn mark_generator(&mut self, e: &ast::Expr, statement: bool) {
        let span = span(e);
        let s = &mut self.scopes[self.current];
        s.is_generator = true;
        s.yields.push(YieldSite { span, statement });
    }

    fn mark_coroutine(&mut self) {
        let s = &mut self.scopes[self.current];
        s.is_coroutine = true;
    }
}

// ------------------------------------------------------------- resolution

fn resolve(p: &mut Program) -> Result<(), Diagnostic> {
    for id in 0..p.scopes.len() {
        let names: Vec<String> = p.scopes[id].symbols.keys().cloned().collect();
        for name in names {
            let b = decide(p, id, &name)?;
            if let Some(s) = p.scopes[id].symbols.get_mut(&name) {
                s.binding = Some(b);
            }
        }
    }
    // Methods using super()/__class__ need the class cell as a free variable.
    for id in 0..p.scopes.len() {
        if p.scopes[id].uses_class_cell && p.scopes[id].is_function_like() {
            let mut cur = p.scopes[id].parent;
            let mut chain = vec![id];
            while let Some(c) = cur {
                if p.scopes[c].kind == ScopeKind::Class {
                    for f in chain {
                        let s = p.scopes[f].symbols.entry("__class__".to_string()).or_default();
                        s.read = true;
                        s.binding = Some(Binding::Free);
                        if !p.scopes[f].free_order.iter().any(|n| n == "__class__") {
                            p.scopes[f].free_order.push("__class__".to_string());
                        }
                    }
                    p.scopes[c].uses_class_cell = true;
                    break;
                }
                chain.push(c);
                cur = p.scopes[c].parent;
            }
        }
    }
    Ok(())
}

fn decide(p: &mut Program, id: ScopeId, name: &str) -> Result<Binding, Diagnostic> {
    let scope = &p.scopes[id];
    let sym = scope.symbols[name].clone();
    if sym.declared_global {
        return Ok(Binding::Global);
    }
    match scope.kind {
        ScopeKind::Module => Ok(Binding::Global),
        ScopeKind::Class => {
            if sym.assigned {
                Ok(Binding::ClassLocal)
            } else if sym.declared_nonlocal {
                resolve_free(p, id, name, true)
            } else {
                resolve_free(p, id, name, false)
            }
        }
        ScopeKind::Function
        | ScopeKind::Lambda
        | ScopeKind::GenExpr
        | ScopeKind::Comprehension
        | ScopeKind::TypeParams => {
            if sym.declared_nonlocal {
                return resolve_free(p, id, name, true);
            }
            // A walrus in a comprehension binds in the enclosing function.
            if scope.kind != ScopeKind::Function && scope.kind != ScopeKind::Lambda && sym.walrus && !sym.assigned {
                return resolve_free(p, id, name, false);
            }
            if sym.assigned || sym.param {
                // Cells are decided when a nested scope resolves the name.
                return Ok(p.scopes[id].symbols[name].binding.unwrap_or(Binding::Local));
            }
            resolve_free(p, id, name, false)
        }
    }
}

/// Resolves a name read (not bound) in scope `id`: a local of an enclosing
/// function becomes a cell there and free here; otherwise it is global.
fn resolve_free(p: &mut Program, id: ScopeId, name: &str, nonlocal: bool) -> Result<Binding, Diagnostic> {
    let mut path = vec![id];
    let mut cur = p.scopes[id].parent;
    while let Some(c) = cur {
        let sc = &p.scopes[c];
        let bound_here =
            sc.symbols.get(name).is_some_and(|s| (s.assigned || s.param) && !s.declared_global && !s.declared_nonlocal);
        match sc.kind {
            ScopeKind::Class => {}
            ScopeKind::Module => break,
            _ if bound_here => {
                // Inlined comprehensions share the enclosing Rust function,
                // so a direct read needs no cell when nothing in between is
                // a real closure.
                let needs_cell = path.iter().any(|&s| p.scopes[s].kind != ScopeKind::Comprehension);
                if needs_cell {
                    if let Some(s) = p.scopes[c].symbols.get_mut(name) {
                        s.binding = Some(Binding::Cell);
                    }
                    for &s in &path {
                        if p.scopes[s].kind != ScopeKind::Comprehension
                            && !p.scopes[s].free_order.iter().any(|n| n == name)
                        {
                            p.scopes[s].free_order.push(name.to_string());
                        }
                    }
                    return Ok(Binding::Free);
                }
                return Ok(Binding::Free);
            }
            _ => {
                if sc.symbols.get(name).is_some_and(|s| s.declared_global) {
                    break;
                }
            }
        }
        path.push(c);
        cur = p.scopes[c].parent;
    }
    if nonlocal {
        let (a, b) = p.scopes[id].span;
        return Err(Diagnostic::new(a, b, format!("SyntaxError: no binding for nonlocal '{name}' found")));
    }
    Ok(Binding::Global)
}

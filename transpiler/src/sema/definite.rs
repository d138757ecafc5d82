//! Definite assignment of function locals. A local that is certainly bound
//! wherever it is read becomes a plain Rust `Value`; one that may be read
//! unbound becomes an `Option<Value>` checked at each read, so Python's
//! `UnboundLocalError` survives translation. The analysis is deliberately
//! no smarter than rustc's own initialisation check over our lowering:
//! assignments inside a `try` body do not count after it, loops may run zero
//! times, and `del` makes a variable optional.

use std::collections::BTreeSet;

use crate::frontend::ast;

/// Which locals need the optional representation.
#[derive(Debug, Default)]
pub struct Assignment {
    pub maybe_unbound: BTreeSet<String>,
}

/// The set of definitely assigned names at a program point; `None` means
/// the point is unreachable (after `return`, `raise`, `break`...).
#[derive(Clone, Debug)]
struct State(Option<BTreeSet<String>>);

impl State {
    fn has(&self, n: &str) -> bool {
        match &self.0 {
            None => true,
            Some(s) => s.contains(n),
        }
    }

    fn add(&mut self, n: &str) {
        if let Some(s) = &mut self.0 {
            s.insert(n.to_string());
        }
    }

    fn remove(&mut self, n: &str) {
        if let Some(s) = &mut self.0 {
            s.remove(n);
        }
    }

    fn meet(a: State, b: State) -> State {
        match (a.0, b.0) {
            (None, x) | (x, None) => State(x),
            (Some(x), Some(y)) => State(Some(x.intersection(&y).cloned().collect())),
        }
    }

    fn dead() -> State {
        State(None)
    }
}

/// Analyses one function body. `locals` are the names stored as plain
/// locals; `params` start out assigned.
pub fn analyze(body: &[ast::Stmt], locals: &BTreeSet<String>, params: &[String]) -> Assignment {
    let mut a = Analyzer { locals, out: Assignment::default() };
    let mut st = State(Some(params.iter().cloned().collect()));
    a.block(body, &mut st);
    a.out
}

struct Analyzer<'a> {
    locals: &'a BTreeSet<String>,
    out: Assignment,
}

impl Analyzer<'_> {
    fn read(&mut self, name: &str, st: &State) {
        if self.locals.contains(name) && !st.has(name) {
            self.out.maybe_unbound.insert(name.to_string());
        }
    }

    fn block(&mut self, body: &[ast::Stmt], st: &mut State) {
        use ast::Stmt as S;
        for (i, s) in body.iter().enumerate() {
            let simple = matches!(s, S::Assign(_) | S::AugAssign(_) | S::AnnAssign(_) | S::Expr(_) | S::Pass(_));
            let before = (i + 1 < body.len() && !simple).then(|| st.clone());
            self.stmt(s, st);
            // Code after a statement that never completes cannot run, but
            // rustc may not see that through our lowering of it (a `try`
            // whose every branch returns or raises ends in a labelled
            // block), and it still checks initialisation there: analyse
            // the rest from what held before, not as if all were bound.
            if st.0.is_none()
                && let Some(before) = before
            {
                *st = before;
            }
        }
    }

    fn stmt(&mut self, s: &ast::Stmt, st: &mut State) {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d, st, false);
                }
                self.arg_defaults(&f.args, st);
                self.annotations(&f.args, f.returns.as_deref(), st);
                st.add(f.name.as_str());
            }
            S::AsyncFunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d, st, false);
                }
                self.arg_defaults(&f.args, st);
                self.annotations(&f.args, f.returns.as_deref(), st);
                st.add(f.name.as_str());
            }
            S::ClassDef(c) => {
                for e in c.bases.iter().chain(&c.decorator_list) {
                    self.expr(e, st, false);
                }
                for k in &c.keywords {
                    self.expr(&k.value, st, false);
                }
                st.add(c.name.as_str());
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v, st, false);
                }
                *st = State::dead();
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.delete(t, st);
                }
            }
            S::Assign(a) => {
                self.expr(&a.value, st, false);
                for t in &a.targets {
                    self.target(t, st);
                }
            }
            S::TypeAlias(t) => self.target(&t.name, st),
            S::AugAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    self.read(n.id.as_str(), st);
                } else {
                    self.target_reads(&a.target, st);
                }
                self.expr(&a.value, st, false);
            }
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v, st, false);
                    self.target(&a.target, st);
                }
            }
            S::For(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse, st),
            S::AsyncFor(f) => self.for_loop(&f.target, &f.iter, &f.body, &f.orelse, st),
            S::While(w) => {
                self.expr(&w.test, st, false);
                let mut inner = st.clone();
                self.block(&w.body, &mut inner);
                let mut els = st.clone();
                self.block(&w.orelse, &mut els);
                // `while True` without else only leaves through `break`,
                // which we do not track: keep the state before the loop.
                let infinite =
                    matches!(&*w.test, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)));
                if !infinite {
                    *st = State::meet(st.clone(), els);
                }
            }
            S::If(i) => {
                self.expr(&i.test, st, false);
                let mut a = st.clone();
                self.block(&i.body, &mut a);
                let mut b = st.clone();
                self.block(&i.orelse, &mut b);
                *st = State::meet(a, b);
            }
            S::With(w) => self.with(&w.items, &w.body, st),
            S::AsyncWith(w) => self.with(&w.items, &w.body, st),
            S::Match(m) => {
                self.expr(&m.subject, st, false);
                let before = st.clone();
                let mut result: Option<State> = None;
                for case in &m.cases {
                    let mut c = before.clone();
                    if let Some(g) = &case.guard {
                        self.expr(g, &mut c, true);
                    }
                    self.block(&case.body, &mut c);
                    result = Some(match result {
                        None => c,
                        Some(r) => State::meet(r, c),
                    });
                }
                // No case may match: the state before also flows out.
                *st = State::meet(before, result.unwrap_or_else(State::dead));
            }
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e, st, false);
                }
                if let Some(c) = &r.cause {
                    self.expr(c, st, false);
                }
                *st = State::dead();
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, st),
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, st),
            S::Assert(a) => {
                self.expr(&a.test, st, false);
                if let Some(m) = &a.msg {
                    let mut c = st.clone();
                    self.expr(m, &mut c, true);
                }
            }
            S::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(a) => a.to_string(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    st.add(&bound);
                }
            }
            S::ImportFrom(i) => {
                for alias in &i.names {
                    st.add(alias.asname.as_ref().unwrap_or(&alias.name).as_str());
                }
            }
            S::Global(_) | S::Nonlocal(_) | S::Pass(_) => {}
            S::Expr(e) => self.expr(&e.value, st, false),
            S::Break(_) | S::Continue(_) => *st = State::dead(),
        }
    }

    /// A def's annotations, which run with it when the program reads
    /// `__annotations__` (`lower::func::introspection`).
    fn annotations(&mut self, args: &ast::Arguments, returns: Option<&ast::Expr>, st: &mut State) {
        let params = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).map(|a| &a.def);
        let star = args.vararg.iter().chain(&args.kwarg).map(|a| &**a);
        for a in params.chain(star) {
            if let Some(e) = &a.annotation {
                self.expr(e, st, false);
            }
        }
        if let Some(r) = returns {
            self.expr(r, st, false);
        }
    }

    fn arg_defaults(&mut self, args: &ast::Arguments, st: &mut State) {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d, st, false);
            }
        }
    }

    fn for_loop(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        st: &mut State,
    ) {
        self.expr(iter, st, false);
        let mut inner = st.clone();
        self.target(target, &mut inner);
        self.block(body, &mut inner);
        let mut els = st.clone();
        self.block(orelse, &mut els);
        *st = State::meet(st.clone(), els);
    }

    fn with(&mut self, items: &[ast::WithItem], body: &[ast::Stmt], st: &mut State) {
        for item in items {
            self.expr(&item.context_expr, st, false);
        }
        // The body runs inside an exception-catching block: what it assigns
        // is not certain afterwards.
        let mut inner = st.clone();
        for item in items {
            if let Some(v) = &item.optional_vars {
                self.target(v, &mut inner);
            }
        }
        self.block(body, &mut inner);
    }

    fn try_stmt(
        &mut self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
        st: &mut State,
    ) {
        let before = st.clone();
        let mut b = before.clone();
        self.block(body, &mut b);
        // Even when the body never completes, the state after the try is
        // not the handlers' alone: rustc does not see that the body always
        // returns or raises through our lowering, so neither may we.
        let mut merged = before.clone();
        self.block(orelse, &mut merged);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let mut hs = before.clone();
            if let Some(t) = &h.type_ {
                self.expr(t, &mut hs, false);
            }
            if let Some(n) = &h.name {
                hs.add(n.as_str());
            }
            self.block(&h.body, &mut hs);
            if let Some(n) = &h.name {
                hs.remove(n.as_str());
            }
            merged = State::meet(merged, hs);
        }
        if !finalbody.is_empty() {
            let mut f = before.clone();
            self.block(finalbody, &mut f);
            // After the finally, what it assigned is certain, on top of
            // whatever the try part made certain.
            if let (Some(m), Some(fs)) = (&mut merged.0, &f.0) {
                m.extend(fs.iter().cloned());
            }
        }
        *st = merged;
    }

    fn delete(&mut self, t: &ast::Expr, st: &mut State) {
        match t {
            ast::Expr::Name(n) => {
                self.read(n.id.as_str(), st);
                st.remove(n.id.as_str());
            }
            ast::Expr::Tuple(tu) => tu.elts.iter().for_each(|e| self.delete(e, st)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.delete(e, st)),
            other => self.target_reads(other, st),
        }
    }

    fn target(&mut self, t: &ast::Expr, st: &mut State) {
        match t {
            ast::Expr::Name(n) => st.add(n.id.as_str()),
            ast::Expr::Tuple(tu) => tu.elts.iter().for_each(|e| self.target(e, st)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| self.target(e, st)),
            ast::Expr::Starred(s) => self.target(&s.value, st),
            other => self.target_reads(other, st),
        }
    }

    /// Reads performed by an attribute or subscript target.
    fn target_reads(&mut self, t: &ast::Expr, st: &mut State) {
        match t {
            ast::Expr::Attribute(a) => self.expr(&a.value, st, false),
            ast::Expr::Subscript(s) => {
                self.expr(&s.value, st, false);
                self.expr(&s.slice, st, false);
            }
            other => self.expr(other, st, false),
        }
    }

    /// Walks an expression; `cond` marks code that may not run (the right
    /// side of `and`, a branch of `x if c else y`), where walrus bindings
    /// must not count as definite.
    fn expr(&mut self, e: &ast::Expr, st: &mut State, cond: bool) {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => {
                if let Some((first, rest)) = b.values.split_first() {
                    self.expr(first, st, cond);
                    let mut c = st.clone();
                    for v in rest {
                        self.expr(v, &mut c, true);
                    }
                }
            }
            E::NamedExpr(n) => {
                self.expr(&n.value, st, cond);
                if let ast::Expr::Name(t) = &*n.target
                    && !cond
                {
                    st.add(t.id.as_str());
                }
            }
            E::BinOp(b) => {
                self.expr(&b.left, st, cond);
                self.expr(&b.right, st, cond);
            }
            E::UnaryOp(u) => self.expr(&u.operand, st, cond),
            E::Lambda(l) => self.arg_defaults(&l.args, st),
            E::IfExp(i) => {
                self.expr(&i.test, st, cond);
                let mut a = st.clone();
                self.expr(&i.body, &mut a, true);
                let mut b = st.clone();
                self.expr(&i.orelse, &mut b, true);
            }
            E::Dict(d) => {
                for (k, v) in d.keys.iter().zip(&d.values) {
                    if let Some(k) = k {
                        self.expr(k, st, cond);
                    }
                    self.expr(v, st, cond);
                }
            }
            E::Set(s) => s.elts.iter().for_each(|x| self.expr(x, st, cond)),
            E::ListComp(c) => self.comprehension(&c.generators, &[&c.elt], st),
            E::SetComp(c) => self.comprehension(&c.generators, &[&c.elt], st),
            E::DictComp(c) => self.comprehension(&c.generators, &[&c.key, &c.value], st),
            E::GeneratorExp(c) => {
                if let Some(g) = c.generators.first() {
                    self.expr(&g.iter, st, cond);
                }
            }
            E::Await(a) => self.expr(&a.value, st, cond),
            E::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v, st, cond);
                }
            }
            E::YieldFrom(y) => self.expr(&y.value, st, cond),
            E::Compare(c) => {
                self.expr(&c.left, st, cond);
                for x in &c.comparators {
                    self.expr(x, st, cond);
                }
            }
            E::Call(c) => {
                self.expr(&c.func, st, cond);
                c.args.iter().for_each(|x| self.expr(x, st, cond));
                c.keywords.iter().for_each(|k| self.expr(&k.value, st, cond));
            }
            E::FormattedValue(f) => {
                self.expr(&f.value, st, cond);
                if let Some(s) = &f.format_spec {
                    self.expr(s, st, cond);
                }
            }
            E::JoinedStr(j) => j.values.iter().for_each(|x| self.expr(x, st, cond)),
            E::Constant(_) => {}
            E::Attribute(a) => self.expr(&a.value, st, cond),
            E::Subscript(s) => {
                self.expr(&s.value, st, cond);
                self.expr(&s.slice, st, cond);
            }
            E::Starred(s) => self.expr(&s.value, st, cond),
            E::Name(n) => {
                if matches!(n.ctx, ast::ExprContext::Load) {
                    self.read(n.id.as_str(), st);
                }
            }
            E::List(l) => l.elts.iter().for_each(|x| self.expr(x, st, cond)),
            E::Tuple(t) => t.elts.iter().for_each(|x| self.expr(x, st, cond)),
            E::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x, st, cond);
                }
            }
        }
    }

    /// Comprehensions read enclosing locals; their own targets are
    /// separate variables, so reads of those do not matter here. Walrus
    /// targets inside may not run at all.
    fn comprehension(&mut self, gens: &[ast::Comprehension], elts: &[&ast::Expr], st: &mut State) {
        let Some(first) = gens.first() else { return };
        self.expr(&first.iter, st, false);
        let mut inner = st.clone();
        let mut shadow: Vec<String> = Vec::new();
        for g in gens {
            collect_names(&g.target, &mut shadow);
        }
        for n in &shadow {
            inner.add(n);
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter, &mut inner, true);
            }
            for c in &g.ifs {
                self.expr(c, &mut inner, true);
            }
        }
        for e in elts {
            self.expr(e, &mut inner, true);
        }
    }
}

fn collect_names(t: &ast::Expr, out: &mut Vec<String>) {
    match t {
        ast::Expr::Name(n) => out.push(n.id.to_string()),
        ast::Expr::Tuple(tu) => tu.elts.iter().for_each(|e| collect_names(e, out)),
        ast::Expr::List(l) => l.elts.iter().for_each(|e| collect_names(e, out)),
        ast::Expr::Starred(s) => collect_names(&s.value, out),
        _ => {}
    }
}

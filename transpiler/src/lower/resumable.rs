//! Generators as step functions: a generator body whose every `yield` is a
//! statement, with no `try`, `with` or `match` around one, is flattened
//! into a `match` on a resumption state inside a loop. Each call of the
//! resulting closure runs from the state it was left in to the next
//! `yield` (returning the value) or to the end (returning `None`, with a
//! `return` value stored through the closure's argument).
//!
//! Why: an `async` body is resumed through a boxed future's poll and a
//! slot shared with the driver; a step function is one indirect call, and
//! a pipeline of generators resumes once per item per stage. The `async`
//! lowering stays for everything else (`x = yield`, `yield from`, a
//! `yield` inside `try`/`with`), where something in the body must see what
//! the driver sends or throws in. Here nothing can: a thrown exception
//! propagates straight out, which the runtime does without calling the
//! body.
//!
//! Only statements that contain a `yield` are split into states; the rest
//! lower as usual inside one state's arm. Locals live outside the closure
//! (captured by move), so they persist from one call to the next.
//!
//! The flattening is shared with the native tier's generators, which lower
//! their pieces differently (see [`StepLowering`]).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::expr::{cond, expr};
use super::{Cx, Frame, Fx, LResult, assign, lifetime, stmt};
use crate::frontend::{ast, span};
use crate::sema::Scope;

/// Whether `body` (of the generator function with scope `scope`) can be
/// flattened into a step function.
pub fn eligible(scope: &Scope, body: &[ast::Stmt]) -> bool {
    !scope.is_coroutine
        && !scope.yields.is_empty()
        && scope.yields.iter().all(|y| y.statement)
        && splittable(scope, body)
}

/// Every statement containing a `yield` is one the flattening splits.
fn splittable(scope: &Scope, body: &[ast::Stmt]) -> bool {
    use ast::Stmt as S;
    body.iter().all(|s| {
        !contains_yield(scope, s)
            || match s {
                S::Expr(_) => true,
                S::If(i) => splittable(scope, &i.body) && splittable(scope, &i.orelse),
                S::While(w) => splittable(scope, &w.body) && splittable(scope, &w.orelse),
                S::For(f) => splittable(scope, &f.body) && splittable(scope, &f.orelse),
                _ => false,
            }
    })
}

fn contains_yield(scope: &Scope, s: &ast::Stmt) -> bool {
    let (a, b) = span(s);
    scope.yields.iter().any(|y| a <= y.span.0 && y.span.1 <= b)
}

/// The step closure's parameter: where a `return` stores its value
/// (reserved in `mangle`, so no Python name is spelled so).
pub fn returned_slot() -> Ident {
    crate::emit::mangle::raw("_returned")
}

/// `return value` inside a step closure.
pub fn return_from_step(value: TokenStream) -> TokenStream {
    let slot = returned_slot();
    quote! { { *#slot = #value; return Ok(None); } }
}

/// The state machine being built: its states' code, in order.
///
/// Code names states by placeholder identifiers while it is built; once
/// it is complete, states that only move on to another are dropped, the
/// rest are numbered in order and the placeholders replaced.
struct Machine {
    state: Ident,
    label: Ident,
    /// The code of each state.
    blocks: Vec<Vec<TokenStream>>,
    /// For a state whose whole code is moving on to another: that one.
    forward: Vec<Option<usize>>,
    /// The state code is being added to.
    cur: usize,
}

/// State placeholders: `__py2rs_state_N` (no Python name is spelled so,
/// see `mangle::PLACEHOLDER_PREFIX`).
const PLACEHOLDER: &str = "__py2rs_state_";

impl Machine {
    fn block(&mut self) -> usize {
        self.blocks.push(Vec::new());
        self.forward.push(None);
        self.blocks.len() - 1
    }

    fn emit(&mut self, ts: TokenStream) {
        self.blocks[self.cur].push(ts);
        self.forward[self.cur] = None;
    }

    fn name(n: usize) -> Ident {
        quote::format_ident!("{PLACEHOLDER}{n}")
    }

    /// Jumps to state `n` from anywhere inside the current state's code.
    fn goto(&self, n: usize) -> TokenStream {
        let (state, l, n) = (&self.state, lifetime(&self.label), Machine::name(n));
        quote! { #state = #n; continue #l; }
    }

    /// Ends the current state's code by moving on to state `n`.
    fn fall_to(&mut self, n: usize) {
        let was_empty = self.blocks[self.cur].is_empty();
        let (state, name) = (&self.state, Machine::name(n));
        self.emit(quote! { #state = #name; });
        if was_empty {
            self.forward[self.cur] = Some(n);
        }
    }

    /// The state that `n` ends up in through forwarding states.
    fn resolve(&self, mut n: usize) -> usize {
        for _ in 0..self.blocks.len() {
            match self.forward[n] {
                Some(next) => n = next,
                None => break,
            }
        }
        n
    }

    /// The `match` arms, and the number of the state to start in.
    fn finish(&self) -> (Vec<TokenStream>, proc_macro2::Literal) {
        let kept: Vec<usize> = (0..self.blocks.len()).filter(|&b| self.forward[b].is_none()).collect();
        let mut number = vec![0; self.blocks.len()];
        for (i, &b) in kept.iter().enumerate() {
            number[b] = i;
        }
        let numbers: Vec<usize> = (0..self.blocks.len()).map(|b| number[self.resolve(b)]).collect();
        let arms = kept
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                let code = numbered(self.blocks[b].iter().cloned().collect(), &numbers);
                // The last state is the catch-all, so the match is exhaustive.
                let pat = if i + 1 == kept.len() {
                    quote! { _ }
                } else {
                    let n = lit(i);
                    quote! { #n }
                };
                quote! { #pat => { #code } }
            })
            .collect();
        (arms, lit(numbers[0]))
    }
}

/// `ts` with each state placeholder replaced by the state's number.
fn numbered(ts: TokenStream, numbers: &[usize]) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    ts.into_iter()
        .map(|t| match t {
            TokenTree::Group(g) => {
                let mut out = Group::new(g.delimiter(), numbered(g.stream(), numbers));
                out.set_span(g.span());
                TokenTree::Group(out)
            }
            TokenTree::Ident(i) => {
                let state = i.to_string().strip_prefix(PLACEHOLDER).and_then(|n| n.parse::<usize>().ok());
                match state.and_then(|n| numbers.get(n)) {
                    Some(&n) => TokenTree::Literal(lit(n)),
                    None => TokenTree::Ident(i),
                }
            }
            other => other,
        })
        .collect()
}

fn lit(n: usize) -> proc_macro2::Literal {
    proc_macro2::Literal::u32_unsuffixed(n as u32)
}

/// `!c`, without a double negation.
fn negate(c: TokenStream) -> TokenStream {
    match syn::parse2::<syn::Expr>(c.clone()) {
        Ok(syn::Expr::Unary(syn::ExprUnary { op: syn::UnOp::Not(_), expr, .. })) => quote! { #expr },
        _ => quote! { !(#c) },
    }
}

/// The flattened generator: declarations to place before the closure,
/// and the closure's body.
pub struct Flattened {
    pub decls: Vec<TokenStream>,
    pub body: TokenStream,
}

/// How one tier's statements lower inside a step function: the dynamic
/// tier's here, the native tier's in `native`. The flattening itself is
/// the same for both.
pub trait StepLowering {
    /// Whether `s` holds a `yield`, and so is split into states.
    fn has_yield(&self, s: &ast::Stmt) -> bool;
    /// A statement without a `yield`, lowered as usual.
    fn plain(&mut self, s: &ast::Stmt) -> LResult<TokenStream>;
    fn cond(&mut self, e: &ast::Expr) -> LResult<TokenStream>;
    /// The value a `yield` hands out.
    fn yielded(&mut self, value: Option<&ast::Expr>) -> LResult<TokenStream>;
    /// A split `for`: the code starting it, and the names of its iterator
    /// (declared outside the closure) and of its item.
    fn for_start(&mut self, f: &ast::StmtFor) -> LResult<(TokenStream, Ident, Ident)>;
    /// Takes the loop's next item, running `exit` when there is none, and
    /// binds the target.
    fn for_next(&mut self, f: &ast::StmtFor, it: &Ident, item: &Ident, exit: TokenStream) -> LResult<TokenStream>;
    /// Releases the iterator once the loop is over.
    fn for_end(&mut self, it: &Ident) -> TokenStream;
    /// Inside a split loop's body: where `break` and `continue` go.
    fn enter_loop(&mut self, on_break: TokenStream, on_continue: TokenStream);
    fn leave_loop(&mut self);
    fn fresh(&mut self, kind: &str) -> Ident;
    fn label(&mut self, kind: &str) -> Ident;
    /// Declarations of the iterators `for_start` named.
    fn decls(&self) -> Vec<TokenStream>;
}

/// The dynamic tier's step lowering.
struct Dynamic<'c, 'a, 'f> {
    cx: &'c mut Cx<'a>,
    fx: &'f mut Fx,
    iters: Vec<Ident>,
}

impl StepLowering for Dynamic<'_, '_, '_> {
    fn has_yield(&self, s: &ast::Stmt) -> bool {
        contains_yield(self.cx.scope(self.fx), s)
    }

    fn plain(&mut self, s: &ast::Stmt) -> LResult<TokenStream> {
        stmt::stmt(self.cx, self.fx, s)
    }

    fn cond(&mut self, e: &ast::Expr) -> LResult<TokenStream> {
        cond(self.cx, self.fx, e)
    }

    fn yielded(&mut self, value: Option<&ast::Expr>) -> LResult<TokenStream> {
        Ok(match value {
            Some(v) => expr(self.cx, self.fx, v)?.ts,
            None => quote! { Value::None },
        })
    }

    fn for_start(&mut self, f: &ast::StmtFor) -> LResult<(TokenStream, Ident, Ident)> {
        let it = self.cx.fresh("it");
        let item = self.cx.fresh("item");
        let iterable = super::expr::iterable_ref(self.cx, self.fx, &f.iter)?;
        let make_iter = self.cx.tri(self.fx, quote! { rt::iter::iter(#iterable) });
        self.iters.push(it.clone());
        Ok((quote! { #it = #make_iter; }, it, item))
    }

    fn for_next(&mut self, f: &ast::StmtFor, it: &Ident, item: &Ident, exit: TokenStream) -> LResult<TokenStream> {
        let next = self.cx.tri(self.fx, quote! { #it.next() });
        let bind = assign::store_target(self.cx, self.fx, &f.target, quote! { #item })?;
        Ok(quote! { let Some(#item) = #next else { #exit }; #bind })
    }

    fn for_end(&mut self, it: &Ident) -> TokenStream {
        quote! { #it = rt::iter::PyIter::empty(); }
    }

    fn enter_loop(&mut self, on_break: TokenStream, on_continue: TokenStream) {
        self.fx.frames.push(Frame::Resume { on_break, on_continue });
    }

    fn leave_loop(&mut self) {
        self.fx.frames.pop();
    }

    fn fresh(&mut self, kind: &str) -> Ident {
        self.cx.fresh(kind)
    }

    fn label(&mut self, kind: &str) -> Ident {
        self.cx.label(kind)
    }

    fn decls(&self) -> Vec<TokenStream> {
        self.iters.iter().map(|it| quote! { let mut #it = rt::iter::PyIter::empty(); }).collect()
    }
}

/// Lowers a generator `body` that [`eligible`] accepted.
pub fn flatten(cx: &mut Cx, fx: &mut Fx, body: &[ast::Stmt]) -> LResult<Flattened> {
    flatten_with(&mut Dynamic { cx, fx, iters: Vec::new() }, body)
}

/// Flattens `body` into a step function, lowering its pieces with `lw`.
pub fn flatten_with(lw: &mut impl StepLowering, body: &[ast::Stmt]) -> LResult<Flattened> {
    let mut m = Machine {
        state: lw.fresh("state"),
        label: lw.label("resume"),
        blocks: Vec::new(),
        forward: Vec::new(),
        cur: 0,
    };
    m.block();
    seq(lw, &mut m, body)?;
    m.emit(quote! { return Ok(None); });
    let (arms, start) = m.finish();
    let (state, l) = (&m.state, lifetime(&m.label));
    let mut decls = vec![quote! { let mut #state: u32 = #start; }];
    decls.extend(lw.decls());
    let body = quote! {
        #l: loop {
            match #state {
                #(#arms)*
            }
        }
    };
    Ok(Flattened { decls, body })
}

fn seq(lw: &mut impl StepLowering, m: &mut Machine, body: &[ast::Stmt]) -> LResult<()> {
    for s in body {
        if lw.has_yield(s) {
            split(lw, m, s)?;
        } else {
            let code = lw.plain(s)?;
            m.emit(code);
        }
    }
    Ok(())
}

/// A statement containing a `yield`, split into states.
fn split(lw: &mut impl StepLowering, m: &mut Machine, s: &ast::Stmt) -> LResult<()> {
    use ast::Stmt as S;
    match s {
        S::Expr(e) => {
            let ast::Expr::Yield(y) = &*e.value else { return Err(internal(s)) };
            let v = lw.yielded(y.value.as_deref())?;
            let next = m.block();
            m.fall_to(next);
            m.emit(quote! { return Ok(Some(#v)); });
            m.cur = next;
        }
        S::If(i) => {
            let c = lw.cond(&i.test)?;
            let join = m.block();
            let skip = if i.orelse.is_empty() { join } else { m.block() };
            let to_skip = m.goto(skip);
            let skip_if = negate(c);
            m.emit(quote! { if #skip_if { #to_skip } });
            seq(lw, m, &i.body)?;
            m.fall_to(join);
            if !i.orelse.is_empty() {
                m.cur = skip;
                seq(lw, m, &i.orelse)?;
                m.fall_to(join);
            }
            m.cur = join;
        }
        S::While(w) => {
            let head = m.block();
            let after = m.block();
            let exit = if w.orelse.is_empty() { after } else { m.block() };
            m.fall_to(head);
            m.cur = head;
            let forever = matches!(&*w.test, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Bool(true)));
            if !forever {
                let c = lw.cond(&w.test)?;
                let to_exit = m.goto(exit);
                let exit_if = negate(c);
                m.emit(quote! { if #exit_if { #to_exit } });
            }
            looped(lw, m, &w.body, head, after)?;
            else_clause(lw, m, &w.orelse, exit, after)?;
            m.cur = after;
        }
        S::For(f) => {
            let (start, it, item) = lw.for_start(f)?;
            m.emit(start);
            let head = m.block();
            let after = m.block();
            let exit = if f.orelse.is_empty() { after } else { m.block() };
            m.fall_to(head);
            m.cur = head;
            let to_exit = m.goto(exit);
            let next = lw.for_next(f, &it, &item, to_exit)?;
            m.emit(next);
            looped(lw, m, &f.body, head, after)?;
            else_clause(lw, m, &f.orelse, exit, after)?;
            // The loop is over: its iterator is released, as in CPython.
            m.cur = after;
            let end = lw.for_end(&it);
            m.emit(end);
        }
        _ => return Err(internal(s)),
    }
    Ok(())
}

/// A split loop's body, where `break` goes to `after` and `continue` and
/// the body's end go back to `head`.
fn looped(lw: &mut impl StepLowering, m: &mut Machine, body: &[ast::Stmt], head: usize, after: usize) -> LResult<()> {
    lw.enter_loop(m.goto(after), m.goto(head));
    let r = seq(lw, m, body);
    lw.leave_loop();
    r?;
    m.fall_to(head);
    Ok(())
}

/// A split loop's `else`, in state `exit` when there is one.
fn else_clause(
    lw: &mut impl StepLowering,
    m: &mut Machine,
    orelse: &[ast::Stmt],
    exit: usize,
    after: usize,
) -> LResult<()> {
    if orelse.is_empty() {
        return Ok(());
    }
    m.cur = exit;
    seq(lw, m, orelse)?;
    m.fall_to(after);
    Ok(())
}

fn internal(s: &ast::Stmt) -> crate::diagnostics::Diagnostic {
    let (a, b) = span(s);
    crate::diagnostics::Diagnostic::new(a, b, "internal error: statement cannot be split at its yield")
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_cannot_be_python_names() {
        assert!(super::PLACEHOLDER.starts_with(crate::emit::mangle::PLACEHOLDER_PREFIX));
    }
}

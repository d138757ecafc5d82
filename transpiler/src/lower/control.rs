//! Control flow: `if`, `while`, `for` (with `else`), `break`/`continue`,
//! `return`, `raise`, `try`/`except`/`else`/`finally` and `assert`.
//!
//! A `try` becomes a labelled block whose value is the body's outcome; a
//! `finally` becomes an outer labelled block yielding `rt::Flow` (normal,
//! return, break, continue or raise), so the `finally` body runs on every
//! way out and then the recorded transfer resumes.

use proc_macro2::TokenStream;
use quote::quote;

use super::expr::{cond, expr};
use super::stmt::nested;
use super::{Cx, FlowUses, Frame, Fx, LResult, assign, lifetime, unsupported};
use crate::frontend::ast;

pub fn if_stmt(
    cx: &mut Cx,
    fx: &mut Fx,
    test: &ast::Expr,
    body: &[ast::Stmt],
    orelse: &[ast::Stmt],
) -> LResult<TokenStream> {
    let c = cond(cx, fx, test)?;
    let then = nested(cx, fx, body)?;
    if orelse.is_empty() {
        return Ok(quote! { if #c { #then } });
    }
    // `elif` chains print as `else if`.
    if let [ast::Stmt::If(inner)] = orelse {
        let rest = if_stmt(cx, fx, &inner.test, &inner.body, &inner.orelse)?;
        return Ok(quote! { if #c { #then } else #rest });
    }
    let els = nested(cx, fx, orelse)?;
    Ok(quote! { if #c { #then } else { #els } })
}

/// Wraps a loop whose Python `break` must skip an `else` clause.
fn with_else(
    cx: &mut Cx,
    fx: &mut Fx,
    lp: TokenStream,
    orelse: &[ast::Stmt],
    block_label: &proc_macro2::Ident,
) -> LResult<TokenStream> {
    if orelse.is_empty() {
        return Ok(lp);
    }
    // The `else` runs inside the labelled block, so a `break` in it (of an
    // outer loop) must name its loop.
    fx.frames.push(Frame::Block);
    let els = nested(cx, fx, orelse);
    fx.frames.pop();
    let els = els?;
    let l = lifetime(block_label);
    Ok(quote! { #l: { #lp #els } })
}

pub fn while_loop(
    cx: &mut Cx,
    fx: &mut Fx,
    test: &ast::Expr,
    body: &[ast::Stmt],
    orelse: &[ast::Stmt],
) -> LResult<TokenStream> {
    let loop_label = cx.label("while");
    let block_label = cx.label("while_else");
    let break_label = if orelse.is_empty() { loop_label.clone() } else { block_label.clone() };
    let c = cond(cx, fx, test)?;
    fx.frames.push(Frame::Loop { break_label, continue_label: loop_label.clone(), labelled: !orelse.is_empty() });
    let b = nested(cx, fx, body);
    fx.frames.pop();
    let b = b?;
    let head = loop_head(fx, &loop_label);
    let infinite = matches!(test, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Bool(true)));
    let lp = if infinite && orelse.is_empty() {
        quote! { #head loop { #b } }
    } else {
        quote! { #head while #c { #b } }
    };
    with_else(cx, fx, lp, orelse, &block_label)
}

fn loop_head(fx: &Fx, label: &proc_macro2::Ident) -> TokenStream {
    if fx.labelled_loops.contains(&label.to_string()) {
        let l = lifetime(label);
        quote! { #l: }
    } else {
        quote! {}
    }
}

pub fn for_loop(
    cx: &mut Cx,
    fx: &mut Fx,
    target: &ast::Expr,
    iter: &ast::Expr,
    body: &[ast::Stmt],
    orelse: &[ast::Stmt],
) -> LResult<TokenStream> {
    for_loop_with(cx, fx, target, iter, body, orelse, None)
}

/// `for` and `async for` (with the coroutine handle to await through).
pub fn for_loop_with(
    cx: &mut Cx,
    fx: &mut Fx,
    target: &ast::Expr,
    iter: &ast::Expr,
    body: &[ast::Stmt],
    orelse: &[ast::Stmt],
    is_async: Option<&proc_macro2::Ident>,
) -> LResult<TokenStream> {
    let it = cx.fresh("it");
    let item = cx.fresh("item");
    let iterable = super::expr::iterable_ref(cx, fx, iter)?;
    let make_iter = match is_async {
        Some(_) => cx.tri(fx, quote! { rt::aio::aiter(#iterable) }),
        None => cx.tri(fx, quote! { rt::iter::iter(#iterable) }),
    };
    let loop_label = cx.label("for");
    let block_label = cx.label("for_else");
    let break_label = if orelse.is_empty() { loop_label.clone() } else { block_label.clone() };
    let next = match is_async {
        Some(co) => cx.tri(fx, quote! { rt::aio::anext(&#co, &#it).await }),
        None => cx.tri(fx, quote! { #it.next() }),
    };
    fx.frames.push(Frame::Loop { break_label, continue_label: loop_label.clone(), labelled: !orelse.is_empty() });
    let bind = assign::store_target(cx, fx, target, quote! { #item });
    let b = nested(cx, fx, body);
    fx.frames.pop();
    let (bind, b) = (bind?, b?);
    let head = loop_head(fx, &loop_label);
    let lp = quote! {
        let mut #it = #make_iter;
        #head while let Some(#item) = #next {
            #bind
            #b
        }
    };
    let lp = if orelse.is_empty() {
        quote! { { #lp } }
    } else {
        lp
    };
    with_else(cx, fx, lp, orelse, &block_label)
}

/// Where a `break`/`continue` goes: the loop directly, or the enclosing
/// `finally` first.
enum Jump {
    Direct {
        label: proc_macro2::Ident,
        needs_label: bool,
    },
    /// To another state of a flattened generator.
    State(TokenStream),
    ViaFinally(proc_macro2::Ident),
}

fn find_jump(fx: &mut Fx, is_break: bool) -> Option<Jump> {
    let mut crossed_block = false;
    for i in (0..fx.frames.len()).rev() {
        match &mut fx.frames[i] {
            Frame::Loop { break_label, continue_label, labelled } => {
                let label = if is_break { break_label.clone() } else { continue_label.clone() };
                let needs = crossed_block || *labelled && is_break;
                return Some(Jump::Direct { label, needs_label: needs });
            }
            Frame::Try { .. } | Frame::Block => crossed_block = true,
            Frame::Resume { on_break, on_continue } => {
                return Some(Jump::State(if is_break { on_break.clone() } else { on_continue.clone() }));
            }
            Frame::Finally { label, uses } => {
                if is_break {
                    uses.brk = true;
                } else {
                    uses.cont = true;
                }
                return Some(Jump::ViaFinally(label.clone()));
            }
        }
    }
    None
}

fn jump(fx: &mut Fx, is_break: bool) -> Option<TokenStream> {
    Some(match find_jump(fx, is_break)? {
        Jump::Direct { label, needs_label } => {
            let kw = if is_break {
                quote! { break }
            } else {
                quote! { continue }
            };
            if needs_label {
                fx.labelled_loops.insert(label.to_string());
                let l = lifetime(&label);
                quote! { #kw #l; }
            } else {
                quote! { #kw; }
            }
        }
        Jump::State(go) => quote! { { #go } },
        Jump::ViaFinally(label) => {
            let l = lifetime(&label);
            if is_break {
                quote! { break #l rt::Flow::Break; }
            } else {
                quote! { break #l rt::Flow::Continue; }
            }
        }
    })
}

pub fn break_stmt(_cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt) -> LResult<TokenStream> {
    jump(fx, true).ok_or_else(|| syntax(s, "'break' outside loop"))
}

pub fn continue_stmt(_cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt) -> LResult<TokenStream> {
    jump(fx, false).ok_or_else(|| syntax(s, "'continue' not properly in loop"))
}

pub fn syntax<T: ast::Ranged>(node: &T, msg: &str) -> crate::diagnostics::Diagnostic {
    let (a, b) = crate::frontend::span(node);
    crate::diagnostics::Diagnostic::new(a, b, format!("SyntaxError: {msg}"))
}

/// `return value` from wherever we are.
pub fn return_value(fx: &mut Fx, value: TokenStream) -> TokenStream {
    for f in fx.frames.iter_mut().rev() {
        if let Frame::Finally { label, uses } = f {
            uses.ret = true;
            let l = lifetime(label);
            return quote! { break #l rt::Flow::Return(#value); };
        }
    }
    if fx.steps {
        return super::resumable::return_from_step(value);
    }
    quote! { return Ok(#value); }
}

pub fn return_stmt(cx: &mut Cx, fx: &mut Fx, value: Option<&ast::Expr>) -> LResult<TokenStream> {
    let v = match value {
        Some(e) => expr(cx, fx, e)?.ts,
        None => quote! { Value::None },
    };
    Ok(return_value(fx, v))
}

pub fn raise(cx: &mut Cx, fx: &mut Fx, exc: Option<&ast::Expr>, cause: Option<&ast::Expr>) -> LResult<TokenStream> {
    let Some(exc) = exc else {
        // Bare `raise` re-raises the exception being handled.
        return Ok(match fx.handled.last().cloned() {
            Some(h) => {
                let p = cx.propagate(fx, quote! { #h.clone() });
                quote! { #p; }
            }
            None => {
                let p = cx.propagate(fx, quote! { rt::exc::runtime_error("No active exception to reraise") });
                quote! { #p; }
            }
        });
    };
    let v = expr(cx, fx, exc)?.ts;
    let err = match cause {
        Some(c) => {
            let c = expr(cx, fx, c)?.ts;
            cx.tri(fx, quote! { rt::raise::raise_from(#v, #c) })
        }
        None => cx.tri(fx, quote! { rt::raise::raise(#v) }),
    };
    let err = match fx.handled.last() {
        Some(h) => quote! { #err.with_context(Some(&#h)) },
        None => err,
    };
    let p = cx.propagate(fx, err);
    Ok(quote! { #p; })
}

pub fn assert(cx: &mut Cx, fx: &mut Fx, test: &ast::Expr, msg: Option<&ast::Expr>) -> LResult<TokenStream> {
    let c = cond(cx, fx, test)?;
    let err = match msg {
        Some(m) => {
            let m = expr(cx, fx, m)?.ts;
            quote! { rt::raise::assertion_error(Some(#m)) }
        }
        None => quote! { rt::raise::assertion_error(None) },
    };
    let p = cx.propagate(fx, err);
    Ok(quote! { if !(#c) { #p; } })
}

pub fn try_stmt(
    cx: &mut Cx,
    fx: &mut Fx,
    body: &[ast::Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[ast::Stmt],
    finalbody: &[ast::Stmt],
) -> LResult<TokenStream> {
    if finalbody.is_empty() {
        return try_except(cx, fx, body, handlers, orelse);
    }
    let fin_label = cx.label("finally");
    fx.frames.push(Frame::Finally { label: fin_label.clone(), uses: FlowUses::default() });
    let inner = if handlers.is_empty() && orelse.is_empty() {
        nested(cx, fx, body)
    } else {
        try_except(cx, fx, body, handlers, orelse)
    };
    let uses = match fx.frames.pop() {
        Some(Frame::Finally { uses, .. }) => uses,
        _ => FlowUses::default(),
    };
    let inner = inner?;
    let fin = nested(cx, fx, finalbody)?;
    let flow = cx.fresh("flow");
    let l = lifetime(&fin_label);
    let mut arms = vec![quote! { rt::Flow::Normal => {} }];
    if uses.ret {
        let r = return_value(fx, quote! { _v });
        arms.push(quote! { rt::Flow::Return(_v) => { #r } });
    }
    if uses.brk {
        let j = jump(fx, true).unwrap_or_default();
        arms.push(quote! { rt::Flow::Break => { #j } });
    }
    if uses.cont {
        let j = jump(fx, false).unwrap_or_default();
        arms.push(quote! { rt::Flow::Continue => { #j } });
    }
    let p = cx.propagate(fx, quote! { _e });
    arms.push(quote! { rt::Flow::Raise(_e) => { #p; } });
    if !(uses.ret && uses.brk && uses.cont) {
        arms.push(quote! { _ => {} });
    }
    Ok(quote! {
        let #flow: rt::Flow = #l: {
            #inner
            rt::Flow::Normal
        };
        #fin
        match #flow {
            #(#arms)*
        }
    })
}

fn try_except(
    cx: &mut Cx,
    fx: &mut Fx,
    body: &[ast::Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[ast::Stmt],
) -> LResult<TokenStream> {
    let label = cx.label("try");
    let result = cx.fresh("r");
    let err = cx.fresh("e");
    fx.frames.push(Frame::Try { label: label.clone() });
    let b = nested(cx, fx, body);
    fx.frames.pop();
    let b = b?;
    let els = nested(cx, fx, orelse)?;
    let mut chain = quote! {};
    let mut has_catch_all = false;
    let mut arms: Vec<TokenStream> = Vec::new();
    fx.handled.push(err.clone());
    for h in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        let bind = match &h.name {
            Some(n) => assign::store_name(cx, fx, n.as_str(), quote! { #err.value().clone() })?,
            None => quote! {},
        };
        let hb = nested(cx, fx, &h.body)?;
        let unbind = match &h.name {
            Some(n) => assign::unbind_name(cx, fx, n.as_str())?,
            None => quote! {},
        };
        let body = quote! { #bind #hb #unbind };
        match &h.type_ {
            None => {
                has_catch_all = true;
                arms.push(quote! { { #body } });
            }
            Some(t) => {
                let tv = expr(cx, fx, t)?.ts;
                let test = cx.tri(fx, quote! { rt::raise::matches(&#err, &#tv) });
                arms.push(quote! { if #test { #body } });
            }
        }
    }
    fx.handled.pop();
    let reraise = cx.propagate(fx, quote! { #err });
    for (i, a) in arms.into_iter().enumerate() {
        chain = if i == 0 {
            a
        } else {
            quote! { #chain else #a }
        };
    }
    let handler = if handlers.is_empty() {
        quote! { #reraise; }
    } else if has_catch_all {
        chain
    } else {
        quote! { #chain else { #reraise; } }
    };
    let l = lifetime(&label);
    if handlers.is_empty() {
        return Err(unsupported_try(body));
    }
    Ok(quote! {
        let #result: PyResult<()> = #l: {
            #b
            Ok(())
        };
        match #result {
            Ok(()) => { #els }
            Err(#err) => { #handler }
        }
    })
}

fn unsupported_try(body: &[ast::Stmt]) -> crate::diagnostics::Diagnostic {
    match body.first() {
        Some(s) => unsupported(s, "try without except or finally"),
        None => crate::diagnostics::Diagnostic::new(0, 0, "unsupported: empty try"),
    }
}

/// `with a as x, b as y: body`, as nested `with` statements. The body is a
/// labelled block yielding `rt::Flow`, like a `try` with `finally`; on the
/// way out `__exit__` runs, and may suppress the exception.
pub fn with_stmt(
    cx: &mut Cx,
    fx: &mut Fx,
    items: &[ast::WithItem],
    body: &[ast::Stmt],
    is_async: Option<&proc_macro2::Ident>,
) -> LResult<TokenStream> {
    let Some((first, rest)) = items.split_first() else {
        return nested(cx, fx, body);
    };
    let mgr = cx.fresh("mgr");
    let entered = cx.fresh("entered");
    let exit = cx.fresh("exit");
    let flow = cx.fresh("flow");
    let mgr_value = expr(cx, fx, &first.context_expr)?.ts;
    let enter = match is_async {
        Some(co) => cx.tri(fx, quote! { rt::aio::aenter(&#co, &#mgr).await }),
        None => cx.tri(fx, quote! { rt::ctx::enter(&#mgr) }),
    };
    let label = cx.label("with");
    fx.frames.push(Frame::Finally { label: label.clone(), uses: FlowUses::default() });
    fx.depth += 1;
    let bind = match &first.optional_vars {
        Some(t) => assign::store_target(cx, fx, t, quote! { #entered }),
        None => Ok(quote! { drop(#entered); }),
    };
    let inner = if rest.is_empty() { nested(cx, fx, body) } else { with_stmt(cx, fx, rest, body, is_async) };
    fx.depth -= 1;
    let uses = match fx.frames.pop() {
        Some(Frame::Finally { uses, .. }) => uses,
        _ => FlowUses::default(),
    };
    let (bind, inner) = (bind?, inner?);
    let l = lifetime(&label);
    let (exit_err, exit_ok) = match is_async {
        Some(co) => (
            cx.tri(fx, quote! { rt::aio::aexit(&#co, &#exit, Some(&_e)).await }),
            cx.tri(fx, quote! { rt::aio::aexit(&#co, &#exit, None).await }),
        ),
        None => (
            cx.tri(fx, quote! { rt::ctx::exit(&#exit, Some(&_e)) }),
            cx.tri(fx, quote! { rt::ctx::exit(&#exit, None) }),
        ),
    };
    let reraise = cx.propagate(fx, quote! { _e });
    let mut arms = Vec::new();
    if uses.ret {
        let r = return_value(fx, quote! { _v });
        arms.push(quote! { rt::Flow::Return(_v) => { #r } });
    }
    if uses.brk {
        let j = jump(fx, true).unwrap_or_default();
        arms.push(quote! { rt::Flow::Break => { #j } });
    }
    if uses.cont {
        let j = jump(fx, false).unwrap_or_default();
        arms.push(quote! { rt::Flow::Continue => { #j } });
    }
    Ok(quote! {
        let #mgr = #mgr_value;
        let (#entered, #exit) = #enter;
        let #flow: rt::Flow = #l: {
            #bind
            #inner
            rt::Flow::Normal
        };
        match #flow {
            rt::Flow::Raise(_e) => {
                if !#exit_err {
                    #reraise;
                }
            }
            _other => {
                #exit_ok;
                match _other {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    })
}

/// `try: ... except* E as g: ...`: the raised exception (wrapped in an
/// `ExceptionGroup` if naked) is split clause by clause; what handlers
/// raise and what no clause matched propagate together afterwards.
pub fn try_star(
    cx: &mut Cx,
    fx: &mut Fx,
    s: &ast::Stmt,
    body: &[ast::Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[ast::Stmt],
    finalbody: &[ast::Stmt],
) -> LResult<TokenStream> {
    if !finalbody.is_empty() {
        let fin_label = cx.label("finally");
        fx.frames.push(Frame::Finally { label: fin_label.clone(), uses: FlowUses::default() });
        let inner = try_star(cx, fx, s, body, handlers, orelse, &[]);
        let uses = match fx.frames.pop() {
            Some(Frame::Finally { uses, .. }) => uses,
            _ => FlowUses::default(),
        };
        let inner = inner?;
        let fin = nested(cx, fx, finalbody)?;
        let flow = cx.fresh("flow");
        let l = lifetime(&fin_label);
        let mut arms = vec![quote! { rt::Flow::Normal => {} }];
        if uses.ret {
            let r = return_value(fx, quote! { _v });
            arms.push(quote! { rt::Flow::Return(_v) => { #r } });
        }
        if uses.brk {
            let j = jump(fx, true).unwrap_or_default();
            arms.push(quote! { rt::Flow::Break => { #j } });
        }
        if uses.cont {
            let j = jump(fx, false).unwrap_or_default();
            arms.push(quote! { rt::Flow::Continue => { #j } });
        }
        let p = cx.propagate(fx, quote! { _e });
        arms.push(quote! { rt::Flow::Raise(_e) => { #p; } });
        arms.push(quote! { _ => {} });
        return Ok(quote! {
            let #flow: rt::Flow = #l: { #inner rt::Flow::Normal };
            #fin
            match #flow { #(#arms)* }
        });
    }
    if let Some(bad) = find_jump_out(handlers) {
        return Err(syntax(bad, "'break', 'continue' and 'return' cannot appear in an except* block"));
    }
    let label = cx.label("try");
    let result = cx.fresh("r");
    let err = cx.fresh("e");
    let star = cx.fresh("star");
    fx.frames.push(Frame::Try { label: label.clone() });
    let b = nested(cx, fx, body);
    fx.frames.pop();
    let b = b?;
    let els = nested(cx, fx, orelse)?;
    let mut clauses = Vec::new();
    for h in handlers {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        let Some(t) = &h.type_ else {
            return Err(syntax(s, "expected 'except' or 'finally' block"));
        };
        let tv = expr(cx, fx, t)?.ts;
        let matched = cx.fresh("matched");
        let take = cx.tri(fx, quote! { #star.take(&#tv) });
        let hlabel = cx.label("handler");
        fx.frames.push(Frame::Try { label: hlabel.clone() });
        fx.handled.push(cx.fresh("unused"));
        let handled_err = cx.fresh("g");
        let bind = match &h.name {
            Some(n) => assign::store_name(cx, fx, n.as_str(), quote! { #matched.clone() }),
            None => Ok(quote! {}),
        };
        // A bare `raise` re-raises the matched group.
        if let Some(last) = fx.handled.last_mut() {
            *last = handled_err.clone();
        }
        let hb = nested(cx, fx, &h.body);
        fx.handled.pop();
        fx.frames.pop();
        let (bind, hb) = (bind?, hb?);
        let unbind = match &h.name {
            Some(n) => assign::unbind_name(cx, fx, n.as_str())?,
            None => quote! {},
        };
        let hl = lifetime(&hlabel);
        let outcome = cx.fresh("outcome");
        clauses.push(quote! {
            if let Some(#matched) = #take {
                let #handled_err = rt::exc::PyErr::from_instance(#matched.clone());
                let #outcome: PyResult<()> = #hl: {
                    #bind
                    #hb
                    Ok(())
                };
                #unbind
                #star.handled(&#matched, #outcome);
            }
        });
    }
    let finish = cx.tri(fx, quote! { #star.finish() });
    let p = cx.propagate(fx, quote! { _left });
    let l = lifetime(&label);
    Ok(quote! {
        let #result: PyResult<()> = #l: {
            #b
            Ok(())
        };
        match #result {
            Ok(()) => { #els }
            Err(#err) => {
                let mut #star = rt::excgroup::Star::new(&#err);
                #(#clauses)*
                if let Some(_left) = #finish {
                    #p;
                }
            }
        }
    })
}

/// A `break`, `continue` or `return` directly in an except* handler.
fn find_jump_out(handlers: &[ast::ExceptHandler]) -> Option<&ast::Stmt> {
    fn scan(body: &[ast::Stmt], in_loop: bool) -> Option<&ast::Stmt> {
        for s in body {
            match s {
                ast::Stmt::Return(_) => return Some(s),
                ast::Stmt::Break(_) | ast::Stmt::Continue(_) if !in_loop => return Some(s),
                ast::Stmt::If(i) => {
                    if let Some(x) = scan(&i.body, in_loop).or_else(|| scan(&i.orelse, in_loop)) {
                        return Some(x);
                    }
                }
                ast::Stmt::For(f) => {
                    if let Some(x) = scan(&f.body, true).or_else(|| scan(&f.orelse, in_loop)) {
                        return Some(x);
                    }
                }
                ast::Stmt::While(w) => {
                    if let Some(x) = scan(&w.body, true).or_else(|| scan(&w.orelse, in_loop)) {
                        return Some(x);
                    }
                }
                ast::Stmt::With(w) => {
                    if let Some(x) = scan(&w.body, in_loop) {
                        return Some(x);
                    }
                }
                ast::Stmt::Try(t) => {
                    if let Some(x) = scan(&t.body, in_loop)
                        .or_else(|| scan(&t.orelse, in_loop))
                        .or_else(|| scan(&t.finalbody, in_loop))
                    {
                        return Some(x);
                    }
                }
                _ => {}
            }
        }
        None
    }
    handlers.iter().find_map(|h| {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        scan(&h.body, false)
    })
}

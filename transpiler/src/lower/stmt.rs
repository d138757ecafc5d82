//! The statement dispatcher: every `ast::Stmt` variant is named here and
//! forwarded to the module of its family (or refused with a diagnostic).

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, Fx, LResult, assign, class, control, func, pattern, unsupported};
use crate::frontend::{ast, span};

/// Lowers a statement list.
pub fn block(cx: &mut Cx, fx: &mut Fx, body: &[ast::Stmt]) -> LResult<Vec<TokenStream>> {
    let mut out = Vec::with_capacity(body.len());
    for s in body {
        out.push(stmt(cx, fx, s)?);
    }
    Ok(out)
}

/// Lowers a nested statement list (inside `if`, loops, `try`...).
pub fn nested(cx: &mut Cx, fx: &mut Fx, body: &[ast::Stmt]) -> LResult<TokenStream> {
    fx.depth += 1;
    let r = block(cx, fx, body);
    fx.depth -= 1;
    let stmts = r?;
    Ok(quote! { #(#stmts)* })
}

pub fn stmt(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt) -> LResult<TokenStream> {
    stmt_tokens(cx, fx, s).map(super::opaque)
}

fn stmt_tokens(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt) -> LResult<TokenStream> {
    use ast::Stmt as S;
    match s {
        S::FunctionDef(f) => func::def(cx, fx, s, func::Def::of(f)),
        S::AsyncFunctionDef(f) => func::def(cx, fx, s, func::Def::of_async(f)),
        S::ClassDef(c) => class::class_def(cx, fx, s, c),
        S::Return(_) if cx.outside_function(fx) => Err(control::syntax(s, "'return' outside function")),
        S::Return(r) => control::return_stmt(cx, fx, r.value.as_deref()),
        S::Delete(d) => assign::delete(cx, fx, &d.targets),
        S::Assign(a) => assign::assign(cx, fx, &a.targets, &a.value),
        S::TypeAlias(t) => super::generic::type_alias(cx, fx, s, t),
        S::AugAssign(a) => assign::aug_assign(cx, fx, &a.target, a.op, &a.value),
        S::AnnAssign(a) => {
            let store = match &a.value {
                Some(v) => assign::assign(cx, fx, std::slice::from_ref(&*a.target), v)?,
                None => quote! {},
            };
            // Class bodies record annotations in `__annotations__`
            // (dataclasses read them); elsewhere they are only hints.
            let annotate = match (&fx.class_ns, &*a.target) {
                (Some(ns), ast::Expr::Name(n)) => {
                    let ns = ns.clone();
                    let ann = if cx.future_annotations {
                        let text = super::annotation::text(&a.annotation).ok_or_else(|| {
                            unsupported(&*a.annotation, "this annotation under `from __future__ import annotations`")
                        })?;
                        quote! { rt::str_lit!(#text) }
                    } else {
                        super::expr::expr(cx, fx, &a.annotation)?.ts
                    };
                    let ann = match cx.special_annotations.get(&crate::frontend::span(&*a.annotation).0) {
                        Some(kind) => quote! { rt::dataclasses::special_annotation(#ann, #kind) },
                        None => ann,
                    };
                    let name = n.id.as_str();
                    cx.tri(fx, quote! { rt::classes::annotate(&#ns, #name, #ann) })
                }
                _ => quote! {},
            };
            Ok(quote! { #store #annotate; })
        }
        S::For(f) => {
            let dynamic = control::for_loop(cx, fx, &f.target, &f.iter, &f.body, &f.orelse)?;
            Ok(native_region(cx, fx, s, dynamic))
        }
        S::AsyncFor(f) => {
            let co = async_handle(cx, fx, s)?;
            control::for_loop_with(cx, fx, &f.target, &f.iter, &f.body, &f.orelse, Some(&co))
        }
        S::While(w) => {
            let dynamic = control::while_loop(cx, fx, &w.test, &w.body, &w.orelse)?;
            Ok(native_region(cx, fx, s, dynamic))
        }
        S::If(i) => control::if_stmt(cx, fx, &i.test, &i.body, &i.orelse),
        S::With(w) => {
            let body = control::with_stmt(cx, fx, &w.items, &w.body, None)?;
            Ok(quote! { { #body } })
        }
        S::AsyncWith(w) => {
            let co = async_handle(cx, fx, s)?;
            let body = control::with_stmt(cx, fx, &w.items, &w.body, Some(&co))?;
            Ok(quote! { { #body } })
        }
        S::Match(m) => pattern::match_stmt(cx, fx, m),
        S::Raise(r) => control::raise(cx, fx, r.exc.as_deref(), r.cause.as_deref()),
        S::Try(t) => control::try_stmt(cx, fx, &t.body, &t.handlers, &t.orelse, &t.finalbody),
        S::TryStar(t) => control::try_star(cx, fx, s, &t.body, &t.handlers, &t.orelse, &t.finalbody),
        S::Assert(a) => control::assert(cx, fx, &a.test, a.msg.as_deref()),
        S::Import(i) => func::import(cx, fx, s, i),
        S::ImportFrom(i) => func::import_from(cx, fx, s, i),
        S::Global(_) | S::Nonlocal(_) | S::Pass(_) => Ok(quote! {}),
        // A constant on its own line (a docstring, `...`) does nothing.
        S::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => Ok(quote! {}),
        S::Expr(e) if may_be_coroutine(cx, &e.value) => {
            // A coroutine dropped here unawaited warns at this line.
            let v = super::expr::expr(cx, fx, &e.value)?.ts;
            let at = super::warning_location(cx, span(s).0);
            Ok(quote! { rt::generator::discard(#v, #at); })
        }
        S::Expr(e) => {
            let v = super::expr::expr(cx, fx, &e.value)?.ts;
            Ok(quote! { #v; })
        }
        S::Break(_) => control::break_stmt(cx, fx, s),
        S::Continue(_) => control::continue_stmt(cx, fx, s),
    }
}

/// Whether `e` calls a function or method named like one of the
/// program's `async def`s (not async generators), so that its value may
/// be a coroutine.
fn may_be_coroutine(cx: &Cx, e: &ast::Expr) -> bool {
    let ast::Expr::Call(c) = e else { return false };
    let name = match &*c.func {
        ast::Expr::Name(n) => n.id.as_str(),
        ast::Expr::Attribute(a) => a.attr.as_str(),
        _ => return false,
    };
    cx.coroutine_names.contains(name)
}

/// The coroutine handle `async with`/`async for` await through.
fn async_handle(cx: &Cx, fx: &Fx, s: &ast::Stmt) -> LResult<proc_macro2::Ident> {
    match fx.co.clone() {
        Some(co) if super::in_async(cx, fx) => Ok(co),
        _ => Err(unsupported(s, "async statement outside an async function")),
    }
}

/// A top-level loop with a native version tries it before `dynamic`.
fn native_region(cx: &Cx, fx: &Fx, s: &ast::Stmt, dynamic: TokenStream) -> TokenStream {
    match cx.regions.get(&crate::frontend::span(s).0) {
        Some(r) if fx.scope == 0 => super::native::region_entry(r, dynamic, cx.journal),
        _ => dynamic,
    }
}

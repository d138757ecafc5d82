//! Comprehensions. List, set and dict comprehensions are inlined into the
//! enclosing function as nested loops in a block (PEP 709 semantics: their
//! iteration variables are separate, the first iterable is evaluated
//! outside). A generator expression becomes a lazy iterator: a closure over
//! the iteration state that produces one item per call.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::assign::store_target;
use super::expr::{cond, expr};
use super::{Cx, Fx, LResult, Lowered, Var, unsupported};
use crate::emit::mangle;
use crate::frontend::ast;
use crate::sema::types::Ty;
use crate::sema::{Binding, ScopeId};

fn target_names(t: &ast::Expr, out: &mut Vec<String>) {
    match t {
        ast::Expr::Name(n) if !out.contains(n.id.as_ref()) => {
            out.push(n.id.to_string());
        }
        ast::Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

/// Declares the comprehension's variables in a new environment frame.
fn declare_targets(cx: &Cx, fx: &mut Fx, scope: ScopeId, gens: &[ast::Comprehension]) -> Vec<TokenStream> {
    let mut names = Vec::new();
    for g in gens {
        target_names(&g.target, &mut names);
    }
    let mut decls = Vec::new();
    fx.env.push(Default::default());
    for n in names {
        let id = mangle::ident(&n);
        if cx.prog.scopes[scope].binding(&n) == Some(Binding::Cell) {
            decls.push(quote! { let #id = Cell::new(); });
            fx.bind(&n, Var::Cell(id));
        } else {
            decls.push(quote! { let mut #id: Value; });
            fx.bind(&n, Var::Plain(id));
        }
    }
    decls
}

/// The nested loops of an inlined comprehension around `innermost`.
fn loops(
    cx: &mut Cx,
    fx: &mut Fx,
    gens: &[ast::Comprehension],
    first_iter: First,
    innermost: &dyn Fn(&mut Cx, &mut Fx) -> LResult<TokenStream>,
) -> LResult<TokenStream> {
    let mut levels: Vec<(Ident, Ident, TokenStream, TokenStream, TokenStream, TokenStream)> = Vec::new();
    for (i, g) in gens.iter().enumerate() {
        let co = if g.is_async {
            match fx.co.clone().filter(|_| super::in_async(cx, fx)) {
                Some(co) => Some(co),
                None => {
                    let (a, b) = crate::frontend::span(&g.target);
                    return Err(crate::diagnostics::Diagnostic::new(
                        a,
                        b,
                        "SyntaxError: asynchronous comprehension outside of an asynchronous function",
                    ));
                }
            }
        } else {
            None
        };
        let it = cx.fresh("it");
        let item = cx.fresh("item");
        let make = match (i, &first_iter) {
            (0, First::Made(made)) => made.clone(),
            _ => {
                let src = match (i, &first_iter) {
                    (0, First::Source(src)) => src.clone(),
                    _ => super::expr::iterable_ref(cx, fx, &g.iter)?,
                };
                if co.is_some() {
                    cx.tri(fx, quote! { rt::aio::aiter(#src) })
                } else {
                    cx.tri(fx, quote! { rt::iter::iter(#src) })
                }
            }
        };
        let next = match &co {
            Some(co) => cx.tri(fx, quote! { rt::aio::anext(&#co, &#it).await }),
            None => cx.tri(fx, quote! { #it.next() }),
        };
        let bind = store_target(cx, fx, &g.target, quote! { #item })?;
        let mut conds = Vec::new();
        for c in &g.ifs {
            let t = cond(cx, fx, c)?;
            conds.push(quote! { if !(#t) { continue; } });
        }
        levels.push((it, item, make, next, bind, quote! { #(#conds)* }));
    }
    let mut body = innermost(cx, fx)?;
    for (it, item, make, next, bind, conds) in levels.into_iter().rev() {
        body = quote! {
            let mut #it = #make;
            while let Some(#item) = #next {
                #bind
                #conds
                #body
            }
        };
    }
    Ok(body)
}

/// The first iterable of a comprehension: its source expression, or the
/// iterator already made from it outside.
enum First {
    Source(TokenStream),
    Made(TokenStream),
}

fn inline(
    cx: &mut Cx,
    fx: &mut Fx,
    e: &ast::Expr,
    gens: &[ast::Comprehension],
    innermost: &dyn Fn(&mut Cx, &mut Fx) -> LResult<TokenStream>,
) -> LResult<(Vec<TokenStream>, TokenStream)> {
    let scope = cx.prog.scope_of(e).ok_or_else(|| unsupported(e, "comprehension scope"))?;
    let Some(first) = gens.first() else {
        return Err(unsupported(e, "empty comprehension"));
    };
    // The first iterable belongs to the enclosing scope.
    let first_iter = super::expr::iterable_ref(cx, fx, &first.iter)?;
    let saved = fx.scope;
    let decls = declare_targets(cx, fx, scope, gens);
    fx.scope = scope;
    fx.depth += 1;
    let body = loops(cx, fx, gens, First::Source(first_iter), innermost);
    fx.depth -= 1;
    fx.scope = saved;
    fx.env.pop();
    Ok((decls, body?))
}

pub fn list_comp(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprListComp) -> LResult<Lowered> {
    let acc = cx.fresh("acc");
    let acc2 = acc.clone();
    let elt = &c.elt;
    let (decls, body) = inline(cx, fx, e, &c.generators, &move |cx, fx| {
        let v = expr(cx, fx, elt)?.ts;
        Ok(quote! { #acc2.push(#v); })
    })?;
    Ok(Lowered::typed(
        quote! { { let mut #acc: Vec<Value> = Vec::new(); #(#decls)* #body Value::list(#acc) } },
        Ty::List,
    ))
}

pub fn set_comp(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprSetComp) -> LResult<Lowered> {
    let acc = cx.fresh("acc");
    let acc2 = acc.clone();
    let elt = &c.elt;
    let (decls, body) = inline(cx, fx, e, &c.generators, &move |cx, fx| {
        let v = expr(cx, fx, elt)?.ts;
        Ok(quote! { #acc2.push(#v); })
    })?;
    let make = cx.tri(fx, quote! { rt::set::from_values(#acc) });
    Ok(Lowered::typed(quote! { { let mut #acc: Vec<Value> = Vec::new(); #(#decls)* #body #make } }, Ty::Set))
}

pub fn dict_comp(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprDictComp) -> LResult<Lowered> {
    let acc = cx.fresh("acc");
    let acc2 = acc.clone();
    let (key, value) = (&c.key, &c.value);
    let (decls, body) = inline(cx, fx, e, &c.generators, &move |cx, fx| {
        let k = expr(cx, fx, key)?.ts;
        let v = expr(cx, fx, value)?.ts;
        let set = cx.tri(fx, quote! { #acc2.set(#k, #v) });
        Ok(quote! { #set; })
    })?;
    Ok(Lowered::typed(
        quote! { { let #acc = rt::dict::Dict::new(); #(#decls)* #body Value::Dict(Rc::new(#acc)) } },
        Ty::Dict,
    ))
}

/// `(elt for x in xs if c ...)`: a lazy iterator object.
pub fn gen_expr(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, g: &ast::ExprGeneratorExp) -> LResult<Lowered> {
    let scope = cx.prog.scope_of(e).ok_or_else(|| unsupported(e, "generator expression scope"))?;
    let gens = &g.generators;
    let Some(first) = gens.first() else {
        return Err(unsupported(e, "empty generator expression"));
    };
    if gens.iter().any(|g| g.is_async) || cx.prog.scopes[scope].is_coroutine {
        return async_gen_expr(cx, fx, e, scope, g);
    }
    let first_iter = super::expr::iterable(cx, fx, &first.iter)?.ts;
    let make_first = cx.tri(fx, quote! { rt::iter::iter(&#first_iter) });

    // Captured cells of the enclosing scope, cloned into the closure.
    let mut caps = Vec::new();
    let mut inner = Fx::new(scope, fx.path.clone());
    inner.code_mod = fx.code_mod.clone();
    inner.root = fx.root.clone();
    for name in cx.prog.scopes[scope].free_order.clone() {
        let Some(Var::Cell(id)) = fx.lookup(&name) else {
            return Err(unsupported(e, &format!("capture of '{name}' in a generator expression")));
        };
        caps.push(quote! { let #id = #id.clone(); });
        inner.bind(&name, Var::Cell(id));
    }
    let mut names = Vec::new();
    for g in gens {
        target_names(&g.target, &mut names);
    }
    let mut decls = Vec::new();
    for n in &names {
        let id = mangle::ident(n);
        if cx.prog.scopes[scope].binding(n) == Some(Binding::Cell) {
            decls.push(quote! { let #id = Cell::new(); });
            inner.bind(n, Var::Cell(id));
        } else {
            decls.push(quote! { let mut #id: Value = Value::None; });
            inner.bind(n, Var::Plain(id));
        }
    }
    let n = gens.len();
    // Every name the template introduces is a fresh temporary, so Python
    // names used in the conditions and element cannot collide with them.
    let its = cx.fresh("its");
    let level = cx.fresh("level");
    let item = cx.fresh("item");
    let first_it = cx.fresh("first");
    let mut arms = Vec::new();
    for (k, generator) in gens.iter().enumerate() {
        let bind = store_target(cx, &mut inner, &generator.target, quote! { #item })?;
        let mut conds = Vec::new();
        for c in &generator.ifs {
            let t = cond(cx, &mut inner, c)?;
            conds.push(quote! { if !(#t) { continue; } });
        }
        let then = if k + 1 == n {
            let v = expr(cx, &mut inner, &g.elt)?.ts;
            quote! { return Ok(Some(#v)); }
        } else {
            let next_src = super::expr::iterable(cx, &mut inner, &gens[k + 1].iter)?.ts;
            let k1 = k + 1;
            quote! { #its[#k1] = Some(rt::iter::iter(&#next_src)?); }
        };
        arms.push(quote! { #k => { #bind #(#conds)* #then } });
    }
    let slots: Vec<TokenStream> = (0..n)
        .map(|i| {
            if i == 0 {
                quote! { Some(#first_it) }
            } else {
                quote! { None }
            }
        })
        .collect();
    let last = n - 1;
    Ok(Lowered::any(quote! {
        {
            let #first_it = #make_first;
            #(#caps)*
            #(#decls)*
            let mut #its: [Option<rt::iter::PyIter>; #n] = [#(#slots),*];
            rt::iter::GenExpr::new(move || -> PyResult<Option<Value>> {
                loop {
                    let mut #level = #last;
                    while #its[#level].is_none() {
                        if #level == 0 {
                            return Ok(None);
                        }
                        #level -= 1;
                    }
                    let Some(#item) = (match #its[#level].as_mut() {
                        Some(active) => active.next()?,
                        None => None,
                    }) else {
                        #its[#level] = None;
                        continue;
                    };
                    match #level {
                        #(#arms)*
                        _ => {}
                    }
                }
            })
        }
    }))
}

/// `(elt async for x in xs ...)`, or a generator expression containing
/// `await`: an async generator whose body is the inlined loops. The first
/// iterable's `__aiter__` (or `iter`) is taken eagerly, as CPython does.
fn async_gen_expr(
    cx: &mut Cx,
    fx: &mut Fx,
    e: &ast::Expr,
    scope: ScopeId,
    g: &ast::ExprGeneratorExp,
) -> LResult<Lowered> {
    let gens = &g.generators;
    let first = &gens[0];
    let first_src = super::expr::iterable_ref(cx, fx, &first.iter)?;
    let first_val = cx.fresh("first");
    let make_first = if first.is_async {
        cx.tri(fx, quote! { rt::aio::aiter(#first_src) })
    } else {
        cx.tri(fx, quote! { rt::iter::iter(#first_src) })
    };
    let co = cx.fresh("co");
    let mut caps = Vec::new();
    let mut inner = Fx::new(scope, fx.path.clone());
    inner.code_mod = fx.code_mod.clone();
    inner.root = fx.root.clone();
    inner.co = Some(co.clone());
    for name in cx.prog.scopes[scope].free_order.clone() {
        let Some(Var::Cell(id)) = fx.lookup(&name) else {
            return Err(unsupported(e, &format!("capture of '{name}' in a generator expression")));
        };
        caps.push(quote! { let #id = #id.clone(); });
        inner.bind(&name, Var::Cell(id));
    }
    let decls = declare_targets(cx, &mut inner, scope, gens);
    let elt = &g.elt;
    let co2 = co.clone();
    let body = loops(cx, &mut inner, gens, First::Made(quote! { #first_val }), &move |cx, fx| {
        let v = expr(cx, fx, elt)?.ts;
        let y = cx.tri(fx, quote! { rt::asyncgen::agen_yield(&#co2, #v).await });
        Ok(quote! { #y; })
    })?;
    let name = &cx.prog.scopes[scope].name;
    let qual = &cx.prog.scopes[scope].qualname;
    Ok(Lowered::any(quote! {
        {
            let #first_val = #make_first;
            #(#caps)*
            rt::generator::Generator::async_generator(#name, #qual, move |#co| async move {
                #(#decls)*
                #body
                Ok(Value::None)
            })
        }
    }))
}

//! PEP 695 type parameters and `type` statements. The type-parameter
//! scope of `def f[T]`, `class C[T]` or `type A[T] = ...` is lowered
//! inline where the statement runs: each parameter is a `Cell` holding its
//! `TypeVar` (or `ParamSpec`, `TypeVarTuple`), which the function, class
//! body and lazy expressions inside capture like any closure variable.
//!
//! ```python
//! def first[T: int](xs): ...
//! ```
//! becomes, at the definition site,
//! ```rust,ignore
//! let _tp1 = Cell::new();
//! _tp1.set(rt::typing::type_param("T", Some(/* fn () -> int */), None));
//! // the Function object capturing _tp1, with __type_params__ = (T,)
//! ```
//! A bound, a constraint tuple or an alias value is a zero-argument
//! function evaluated on first use (`T.__bound__`, `Alias.__value__`), as
//! CPython evaluates them lazily.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, Fx, LResult, Var, unsupported};
use crate::frontend::ast;
use crate::sema::ScopeId;

/// An entered type-parameter scope.
pub struct Generic {
    saved_scope: ScopeId,
    /// Statements creating the parameters' cells and values.
    pub decls: TokenStream,
    /// An expression building the `__type_params__` tuple.
    pub params: TokenStream,
}

/// Enters the type-parameter scope of generic statement `s`; `None` when
/// it has no type parameters. Code lowered until `leave` sees them.
pub fn enter(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, params: &[ast::TypeParam]) -> LResult<Option<Generic>> {
    if params.is_empty() {
        return Ok(None);
    }
    let tp = cx.prog.type_param_scope_of(s).ok_or_else(|| unsupported(s, "type parameter scope"))?;
    let saved_scope = fx.scope;
    fx.scope = tp;
    fx.env.push(Default::default());
    let mut cells = Vec::new();
    for p in params {
        let id = cx.fresh("tp");
        fx.bind(param_name(p), Var::Cell(id.clone()));
        cells.push(id);
    }
    let mut decls: Vec<TokenStream> = cells.iter().map(|id| quote! { let #id = Cell::new(); }).collect();
    let mut items = Vec::new();
    for (p, id) in params.iter().zip(&cells) {
        let name = param_name(p);
        let value = match p {
            ast::TypeParam::TypeVar(t) => {
                let (bound, constraints) = match t.bound.as_deref() {
                    None => (quote! { None }, quote! { None }),
                    Some(b @ ast::Expr::Tuple(_)) => {
                        let f = lazy(cx, fx, b, name)?;
                        (quote! { None }, quote! { Some(#f) })
                    }
                    Some(b) => {
                        let f = lazy(cx, fx, b, name)?;
                        (quote! { Some(#f) }, quote! { None })
                    }
                };
                quote! { rt::typing::type_param(#name, #bound, #constraints) }
            }
            ast::TypeParam::ParamSpec(_) => quote! { rt::typing::param_spec(#name) },
            ast::TypeParam::TypeVarTuple(_) => quote! { rt::typing::type_var_tuple(#name) },
        };
        decls.push(quote! { #id.set(#value); });
        items.push(cx.tri(fx, quote! { #id.get(#name) }));
    }
    Ok(Some(Generic { saved_scope, decls: quote! { #(#decls)* }, params: quote! { Value::tuple(vec![#(#items),*]) } }))
}

/// Leaves a type-parameter scope entered by `enter`.
pub fn leave(fx: &mut Fx, g: Option<&Generic>) {
    if let Some(g) = g {
        fx.env.pop();
        fx.scope = g.saved_scope;
    }
}

fn param_name(p: &ast::TypeParam) -> &str {
    match p {
        ast::TypeParam::TypeVar(t) => t.name.as_str(),
        ast::TypeParam::ParamSpec(t) => t.name.as_str(),
        ast::TypeParam::TypeVarTuple(t) => t.name.as_str(),
    }
}

/// A zero-argument function evaluating `e` when called.
fn lazy(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, name: &str) -> LResult<TokenStream> {
    let scope = cx.prog.lazy_scope_of(e).ok_or_else(|| unsupported(e, "lazily evaluated expression"))?;
    super::func::thunk(cx, fx, scope, name, e)
}

/// `type Name[params] = value`.
pub fn type_alias(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, t: &ast::StmtTypeAlias) -> LResult<TokenStream> {
    let ast::Expr::Name(n) = &*t.name else {
        return Err(unsupported(s, "type alias with a target other than a name"));
    };
    let name = n.id.as_str();
    let g = enter(cx, fx, s, &t.type_params)?;
    let value = lazy(cx, fx, &t.value, name);
    leave(fx, g.as_ref());
    let value = value?;
    let (decls, params) = match &g {
        Some(g) => (g.decls.clone(), g.params.clone()),
        None => (quote! {}, quote! { Value::tuple(vec![]) }),
    };
    let alias = quote! {
        {
            #decls
            rt::typing::type_alias(#name, #params, #value)
        }
    };
    super::assign::store_name(cx, fx, name, alias)
}

//! Binding names and targets: assignment (including unpacking with a
//! starred target), augmented assignment, `del`, and the storage rules for
//! each kind of variable.

use proc_macro2::TokenStream;
use quote::quote;

use super::expr::{binop_tokens, expr, global_read, read_var};
use super::{Cx, Fx, LResult, Var, unsupported};
use crate::emit::mangle;
use crate::frontend::ast;
use crate::sema::Binding;

/// Stores `value` (tokens of a `Value`) into the Python name.
pub fn store_name(cx: &mut Cx, fx: &mut Fx, name: &str, value: TokenStream) -> LResult<TokenStream> {
    match cx.binding(fx, name) {
        Some(Binding::Local) | Some(Binding::Cell) | Some(Binding::Free) => {
            let Some(var) = fx.lookup(name) else {
                return Ok(quote! { compile_error!(concat!("py2rs: no storage for ", #name)); });
            };
            Ok(match var {
                Var::Plain(id) => {
                    if fx.depth == 0 && fx.pending_let.remove(name) {
                        quote! { let mut #id = #value; }
                    } else {
                        quote! { #id = #value; }
                    }
                }
                Var::Maybe(id) => quote! { #id = Some(#value); },
                Var::Cell(id) => quote! { #id.set(#value); },
            })
        }
        Some(Binding::ClassLocal) => {
            let ns = fx.class_ns.clone();
            Ok(match ns {
                Some(ns) => quote! { #ns.set_str(#name, #value); },
                None => quote! { compile_error!("py2rs: class namespace missing"); },
            })
        }
        Some(Binding::Global) | None => {
            let id = mangle::ident(name);
            Ok(quote! { globals::#id.set(#value); })
        }
    }
}

/// Makes a name unbound again (`del x`, end of an `except ... as x`).
pub fn unbind_name(cx: &mut Cx, fx: &mut Fx, name: &str) -> LResult<TokenStream> {
    Ok(match cx.binding(fx, name) {
        Some(Binding::Local) | Some(Binding::Cell) | Some(Binding::Free) => match fx.lookup(name) {
            Some(Var::Maybe(id)) => quote! { #id = None; },
            Some(Var::Cell(id)) => quote! { let _ = #id.delete(#name); },
            _ => quote! {},
        },
        Some(Binding::ClassLocal) => match fx.class_ns.clone() {
            Some(ns) => quote! { let _ = #ns.remove(&Value::str(#name)); },
            None => quote! {},
        },
        Some(Binding::Global) | None => {
            let id = mangle::ident(name);
            quote! { let _ = globals::#id.delete(); }
        }
    })
}

/// Assigns `value` to an assignment target.
pub fn store_target(cx: &mut Cx, fx: &mut Fx, target: &ast::Expr, value: TokenStream) -> LResult<TokenStream> {
    use ast::Expr as E;
    match target {
        E::Name(n) => store_name(cx, fx, n.id.as_str(), value),
        E::Attribute(a) => {
            if a.attr.as_str() == "__class__" {
                return Err(unsupported(target, "assigning to __class__"));
            }
            // Borrowed: a local receiver (`self`) is not cloned.
            let obj = super::expr::expr_ref(cx, fx, &a.value)?;
            let name = a.attr.as_str();
            let s = cx.tri(fx, quote! { rt::attr::setattr_at(#obj, #name, #value, rt::site!()) });
            Ok(quote! { #s; })
        }
        E::Subscript(s) => {
            // Python evaluates the value first, then the container and key.
            let t = cx.fresh("v");
            let obj = expr(cx, fx, &s.value)?.ts;
            let key = expr(cx, fx, &s.slice)?.ts;
            let st = cx.tri(fx, quote! { rt::ops::setitem(&#obj, &#key, #t) });
            Ok(quote! { let #t = #value; #st; })
        }
        E::Tuple(t) => unpack(cx, fx, &t.elts, value),
        E::List(l) => unpack(cx, fx, &l.elts, value),
        E::Starred(_) => Err(unsupported(target, "starred assignment target outside a tuple")),
        other => Err(unsupported(other, "assignment target")),
    }
}

fn unpack(cx: &mut Cx, fx: &mut Fx, elts: &[ast::Expr], value: TokenStream) -> LResult<TokenStream> {
    let Some(star) = elts.iter().position(|e| matches!(e, ast::Expr::Starred(_))) else {
        // `a, b = value`: the items come back as an array.
        let n = proc_macro2::Literal::usize_unsuffixed(elts.len());
        let ids: Vec<_> = elts.iter().map(|_| cx.fresh("u")).collect();
        let get = cx.tri(fx, quote! { rt::unpack::exact::<#n>(#value) });
        let mut stores = Vec::new();
        for (e, id) in elts.iter().zip(&ids) {
            stores.push(store_target(cx, fx, unstarred(e), quote! { #id })?);
        }
        return Ok(quote! {
            let [#(#ids),*] = #get;
            #(#stores)*
        });
    };
    let items = cx.fresh("u");
    let after = elts.len() - star - 1;
    let get = cx.tri(fx, quote! { rt::unpack::starred(#value, #star, #after) });
    let mut stores = Vec::new();
    for e in elts {
        let s = store_target(cx, fx, unstarred(e), quote! { #items.next().unwrap_or_default() })?;
        stores.push(s);
    }
    Ok(quote! {
        let mut #items = #get.into_iter();
        #(#stores)*
    })
}

/// The target inside a starred one.
fn unstarred(e: &ast::Expr) -> &ast::Expr {
    match e {
        ast::Expr::Starred(s) => &s.value,
        other => other,
    }
}

pub fn assign(cx: &mut Cx, fx: &mut Fx, targets: &[ast::Expr], value: &ast::Expr) -> LResult<TokenStream> {
    let v = expr(cx, fx, value)?.ts;
    if let [ast::Expr::Name(n)] = targets
        && is_auto_call(value)
        && cx.binding(fx, n.id.as_str()) == Some(Binding::ClassLocal)
        && let (Some(ns), Some(bases)) = (fx.class_ns.clone(), fx.class_bases.clone())
    {
        let name = n.id.as_str();
        let store = cx.tri(fx, quote! { rt::enum_mod::store_auto(&#bases, &#ns, #name, #v) });
        return Ok(quote! { #store; });
    }
    if let [t @ ast::Expr::Name(_)] = targets {
        return store_target(cx, fx, t, v);
    }
    if let [t] = targets {
        // The value is evaluated before the target's own subexpressions.
        let tmp = cx.fresh("v");
        let st = store_target(cx, fx, t, quote! { #tmp })?;
        return Ok(quote! { let #tmp = #v; #st });
    }
    // a = b = value: evaluate once, assign left to right.
    let t = cx.fresh("v");
    let mut stores = Vec::new();
    for target in targets {
        stores.push(store_target(cx, fx, target, quote! { #t.clone() })?);
    }
    Ok(quote! { let #t = #v; #(#stores)* })
}

/// `auto()` or `enum.auto()`: in an enum's body its value is chosen as
/// the assignment runs.
fn is_auto_call(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Call(c) if c.args.is_empty() && c.keywords.is_empty() && match &*c.func {
        ast::Expr::Name(f) => f.id.as_str() == "auto",
        ast::Expr::Attribute(a) => a.attr.as_str() == "auto",
        _ => false,
    })
}

pub fn aug_assign(
    cx: &mut Cx,
    fx: &mut Fx,
    target: &ast::Expr,
    op: ast::Operator,
    value: &ast::Expr,
) -> LResult<TokenStream> {
    let opt = binop_tokens(op);
    match target {
        ast::Expr::Name(n) => {
            let name = n.id.as_str();
            let cur = match cx.binding(fx, name) {
                Some(Binding::Local) | Some(Binding::Cell) | Some(Binding::Free) => match fx.lookup(name) {
                    Some(var) => read_var(cx, fx, name, &var),
                    None => return Err(unsupported(target, "augmented assignment to this name")),
                },
                Some(Binding::ClassLocal) => {
                    let ns = fx.class_ns.clone().ok_or_else(|| unsupported(target, "class namespace"))?;
                    let fallback = global_read(cx, fx, name);
                    cx.tri(fx, quote! { rt::classes::ns_load(&#ns, #name, || #fallback) })
                }
                Some(Binding::Global) | None => {
                    let g = global_read(cx, fx, name);
                    cx.tri(fx, g)
                }
            };
            // A plain local is updated through `&mut`, so a str that only
            // it holds can grow in place.
            if let Some(Var::Plain(id)) = fx.lookup(name)
                && cx.binding(fx, name) == Some(Binding::Local)
                && !(fx.depth == 0 && fx.pending_let.contains(name))
            {
                let v = expr(cx, fx, value)?.ts;
                let tmp = cx.fresh("rhs");
                let update = cx.tri(fx, quote! { rt::ops::inplace_local(&mut #id, &#tmp, #opt) });
                return Ok(quote! { let #tmp = #v; #update; });
            }
            let v = super::expr::expr_ref(cx, fx, value)?;
            let cur = match fx.lookup(name) {
                Some(Var::Plain(id)) if cx.binding(fx, name) == Some(Binding::Local) => quote! { #id },
                _ => cur,
            };
            let new = cx.tri(fx, quote! { rt::ops::inplace(&#cur, #v, #opt) });
            store_name(cx, fx, name, new)
        }
        ast::Expr::Attribute(a) => {
            let o = cx.fresh("o");
            let obj = expr(cx, fx, &a.value)?.ts;
            let name = a.attr.as_str();
            let cur = cx.tri(fx, quote! { rt::attr::getattr_at(&#o, #name, rt::site!()) });
            let v = expr(cx, fx, value)?.ts;
            let new = cx.tri(fx, quote! { rt::ops::inplace(&#cur, &#v, #opt) });
            let set = cx.tri(fx, quote! { rt::attr::setattr_at(&#o, #name, #new, rt::site!()) });
            Ok(quote! { { let #o = #obj; #set; } })
        }
        ast::Expr::Subscript(s) => {
            let o = cx.fresh("o");
            let k = cx.fresh("k");
            let obj = expr(cx, fx, &s.value)?.ts;
            let key = expr(cx, fx, &s.slice)?.ts;
            // CPython reads the item before it evaluates the value; with a
            // value that has no effects and cannot fail, the runtime may
            // update the item where it lies (`counts[w] += 1`).
            if inert(cx, fx, value) {
                let v = expr(cx, fx, value)?.ts;
                let update = cx.tri(fx, quote! { rt::ops::inplace_item(&#o, &#k, &#v, #opt) });
                return Ok(quote! { { let #o = #obj; let #k = #key; #update; } });
            }
            let cur = cx.tri(fx, quote! { rt::ops::getitem(&#o, &#k) });
            let v = expr(cx, fx, value)?.ts;
            let new = cx.tri(fx, quote! { rt::ops::inplace(&#cur, &#v, #opt) });
            let set = cx.tri(fx, quote! { rt::ops::setitem(&#o, &#k, #new) });
            Ok(quote! { { let #o = #obj; let #k = #key; #set; } })
        }
        other => Err(unsupported(other, "augmented assignment target")),
    }
}

/// Whether evaluating `value` has no effect and cannot raise: a number
/// literal, or a plain local that is always bound where it is read.
fn inert(cx: &Cx, fx: &Fx, value: &ast::Expr) -> bool {
    match value {
        ast::Expr::Constant(c) => matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_)),
        ast::Expr::Name(n) => {
            let name = n.id.as_str();
            matches!(fx.lookup(name), Some(Var::Plain(_)))
                && cx.binding(fx, name) == Some(Binding::Local)
                && !(fx.depth == 0 && fx.pending_let.contains(name))
        }
        _ => false,
    }
}

pub fn delete(cx: &mut Cx, fx: &mut Fx, targets: &[ast::Expr]) -> LResult<TokenStream> {
    let mut out = Vec::new();
    for t in targets {
        out.push(delete_one(cx, fx, t)?);
    }
    Ok(quote! { #(#out)* })
}

fn delete_one(cx: &mut Cx, fx: &mut Fx, t: &ast::Expr) -> LResult<TokenStream> {
    use ast::Expr as E;
    match t {
        E::Name(n) => {
            let name = n.id.as_str();
            match cx.binding(fx, name) {
                Some(Binding::Local) | Some(Binding::Cell) | Some(Binding::Free) => match fx.lookup(name) {
                    Some(Var::Maybe(id)) => {
                        let check = cx.tri(fx, quote! { #id.bound(#name) });
                        Ok(quote! { #check; #id = None; })
                    }
                    Some(Var::Cell(id)) => {
                        let d = cx.tri(fx, quote! { #id.delete(#name) });
                        Ok(quote! { #d; })
                    }
                    _ => Err(unsupported(t, "del of this variable")),
                },
                Some(Binding::ClassLocal) => {
                    let ns = fx.class_ns.clone().ok_or_else(|| unsupported(t, "class namespace"))?;
                    let d = cx.tri(fx, quote! { rt::classes::ns_delete(&#ns, #name) });
                    Ok(quote! { #d; })
                }
                Some(Binding::Global) | None => {
                    let id = mangle::ident(name);
                    let d = cx.tri(fx, quote! { globals::#id.delete() });
                    Ok(quote! { #d; })
                }
            }
        }
        E::Attribute(a) => {
            let obj = expr(cx, fx, &a.value)?.ts;
            let name = a.attr.as_str();
            let d = cx.tri(fx, quote! { rt::attr::delattr(&#obj, #name) });
            Ok(quote! { #d; })
        }
        E::Subscript(s) => {
            let obj = expr(cx, fx, &s.value)?.ts;
            let key = expr(cx, fx, &s.slice)?.ts;
            let d = cx.tri(fx, quote! { rt::ops::delitem(&#obj, &#key) });
            Ok(quote! { #d; })
        }
        E::Tuple(tu) => delete(cx, fx, &tu.elts),
        E::List(l) => delete(cx, fx, &l.elts),
        other => Err(unsupported(other, "del target")),
    }
}

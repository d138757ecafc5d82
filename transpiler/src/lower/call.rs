//! Calls: direct calls of module functions that are never rebound, builtin
//! functions, method calls (`obj.m(...)` without a bound-method object),
//! `super()`, and the general dynamic call with `*args`/`**kwargs`.

use proc_macro2::TokenStream;
use quote::quote;

use super::builtins;
use super::expr::expr;
use super::{Cx, Fx, LResult, Lowered, unsupported};
use crate::frontend::{ast, span};
use crate::sema::Binding;
use crate::sema::types::Ty;

/// The positional and keyword argument vectors of a call.
pub fn arguments(
    cx: &mut Cx,
    fx: &mut Fx,
    args: &[ast::Expr],
    keywords: &[ast::Keyword],
) -> LResult<(TokenStream, TokenStream)> {
    let pos = super::expr::elements(cx, fx, args)?;
    if keywords.is_empty() {
        return Ok((pos, quote! { vec![] }));
    }
    if keywords.iter().all(|k| k.arg.is_some()) {
        let mut kws = Vec::new();
        for k in keywords {
            let name = k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default();
            let v = expr(cx, fx, &k.value)?.ts;
            kws.push(quote! { (#name.into(), #v) });
        }
        return Ok((pos, quote! { vec![#(#kws),*] }));
    }
    let acc = cx.fresh("kw");
    let mut parts = Vec::new();
    let mut after_unpacking = false;
    for k in keywords {
        let v = expr(cx, fx, &k.value)?.ts;
        match &k.arg {
            // After a `**`, a named keyword may repeat one it brought.
            Some(name) if after_unpacking => {
                let name = name.to_string();
                parts.push(quote! { rt::call::push_kwarg(&mut #acc, #name, #v); });
            }
            Some(name) => {
                let name = name.to_string();
                parts.push(quote! { #acc.push((#name.into(), #v)); });
            }
            None => {
                after_unpacking = true;
                let ext = cx.tri(fx, quote! { rt::call::extend_kwargs(&mut #acc, &#v) });
                parts.push(quote! { #ext; });
            }
        }
    }
    Ok((pos, quote! { { let mut #acc: Kwargs = Vec::new(); #(#parts)* #acc } }))
}

pub fn call(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprCall) -> LResult<Lowered> {
    if let ast::Expr::Name(n) = &*c.func {
        let name = n.id.as_str();
        let is_builtin = matches!(cx.binding(fx, name), Some(Binding::Global) | None) && !cx.globals.contains(name);
        if is_builtin {
            if name == "super" {
                return super_call(cx, fx, e, c);
            }
            if let Some(why) = builtins::refused(name) {
                return Err(unsupported(e, why));
            }
            // Without an argument they list the caller's scope, which
            // generated code does not keep as a namespace.
            if matches!(name, "dir" | "vars") && c.args.is_empty() && c.keywords.is_empty() {
                return Err(unsupported(e, &format!("{name}() without an argument")));
            }
            let plain_args = c.keywords.is_empty() && !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)));
            if plain_args && let Some(f) = builtins::fixed_arity_function(name, c.args.len()) {
                let f = crate::emit::mangle::raw(f);
                let mut args = Vec::new();
                for a in &c.args {
                    args.push(super::expr::expr_ref(cx, fx, a)?);
                }
                let call = cx.tri(fx, quote! { rt::builtins::#f(#(#args),*) });
                return Ok(Lowered::typed(call, builtin_result(name)));
            }
            if let Some(f) = builtins::direct_function(name) {
                let (pos, kw) = arguments(cx, fx, &c.args, &c.keywords)?;
                let f: syn::Path = syn::parse_str(f).map_err(|_| unsupported(e, "builtin call"))?;
                return Ok(Lowered::typed(cx.tri(fx, quote! { rt::builtins::#f(#pos, #kw) }), builtin_result(name)));
            }
        }
        if let Some(direct) = direct_call(cx, fx, e, c, name)? {
            return Ok(direct);
        }
    }
    if let ast::Expr::Attribute(a) = &*c.func {
        if let Some(fast) = fast_method_call(cx, fx, a, c)? {
            return Ok(fast);
        }
        let obj = super::expr::expr_ref(cx, fx, &a.value)?;
        let name = a.attr.as_str();
        if let Some(args) = positional_array(cx, fx, c)? {
            return Ok(Lowered::any(cx.tri(fx, quote! { rt::attr::call_method_n(#obj, #name, #args, rt::site!()) })));
        }
        let (pos, kw) = arguments(cx, fx, &c.args, &c.keywords)?;
        return Ok(Lowered::any(cx.tri(fx, quote! { rt::attr::call_method_at(#obj, #name, #pos, #kw, rt::site!()) })));
    }
    let f = super::expr::expr_ref(cx, fx, &c.func)?;
    if let Some(args) = positional_array(cx, fx, c)? {
        return Ok(Lowered::any(cx.tri(fx, quote! { rt::call::call_n(#f, #args) })));
    }
    let (pos, kw) = arguments(cx, fx, &c.args, &c.keywords)?;
    Ok(Lowered::any(cx.tri(fx, quote! { rt::call::call(#f, #pos, #kw) })))
}

/// The arguments of a call passing one to three positional ones and
/// nothing else, as an array: the runtime calls functions that take
/// exactly those without building an argument vector.
/// `obj.method(args)` where `method` is a method with a native version of
/// one fixed-layout class: when `obj` is an instance native code may use
/// as that class's, its attribute is that very method, so the call goes
/// straight to it (which tries the native version); otherwise, the usual
/// lookup. Only positional arguments, exactly the method's.
fn fast_method_call(cx: &mut Cx, fx: &mut Fx, a: &ast::ExprAttribute, c: &ast::ExprCall) -> LResult<Option<Lowered>> {
    let Some(Some(fast)) = cx.fast_methods.get(a.attr.as_str()).cloned() else { return Ok(None) };
    if !c.keywords.is_empty()
        || c.args.len() + 1 != fast.params
        || c.args.iter().any(|x| matches!(x, ast::Expr::Starred(_)))
    {
        return Ok(None);
    }
    let obj = super::expr::expr_ref(cx, fx, &a.value)?;
    let (lets, ids) = super::expr::into_temps(cx, fx, &c.args, "arg")?;
    let (recv, name) = (cx.fresh("recv"), a.attr.as_str());
    let module = crate::emit::mangle::raw(super::native::MODULE);
    let mut call = if ids.is_empty() {
        quote! { rt::attr::call_method_at(#recv, #name, vec![], vec![], rt::site!()) }
    } else {
        quote! { rt::attr::call_method_n(#recv, #name, [#(#ids),*], rt::site!()) }
    };
    for (class, path) in fast.targets.iter().rev() {
        let layout = super::native::layout_ident(class);
        call = quote! { if #module::#layout.holds(#recv) { #path(#recv.clone(), #(#ids),*) } else { #call } };
    }
    let call = quote! {{
        let #recv: &Value = #obj;
        #(#lets)*
        #call
    }};
    Ok(Some(Lowered::any(cx.tri(fx, call))))
}

fn positional_array(cx: &mut Cx, fx: &mut Fx, c: &ast::ExprCall) -> LResult<Option<TokenStream>> {
    if !c.keywords.is_empty()
        || !(1..=3).contains(&c.args.len())
        || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
    {
        return Ok(None);
    }
    let mut items = Vec::new();
    for a in &c.args {
        items.push(expr(cx, fx, a)?.ts);
    }
    Ok(Some(quote! { [#(#items),*] }))
}

/// `f(a, b)` straight to the Rust function when `f` is a module-level def
/// that is never rebound and the call passes exactly its positional
/// parameters.
fn direct_call(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprCall, name: &str) -> LResult<Option<Lowered>> {
    let Some(known) = cx.known.get(name).cloned() else {
        return Ok(None);
    };
    if !matches!(cx.binding(fx, name), Some(Binding::Global) | None) {
        return Ok(None);
    }
    if !c.keywords.is_empty()
        || c.args.len() != known.positional
        || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
    {
        return Ok(None);
    }
    // Module-level code before the def must still raise NameError.
    let in_module = fx.scope == 0
        || cx.prog.scopes[fx.scope].kind == crate::sema::ScopeKind::Class && cx.prog.scopes[fx.scope].parent == Some(0);
    if in_module && span(e).0 < known.def_offset {
        return Ok(None);
    }
    if !in_module && !known.early {
        return Ok(None);
    }
    let mut args = Vec::new();
    for a in &c.args {
        args.push(expr(cx, fx, a)?.ts);
    }
    let f = known.rust.clone();
    Ok(Some(Lowered::any(cx.tri(fx, quote! { #f(#(#args),*) }))))
}

/// `super()` and `super(C, obj)`.
fn super_call(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, c: &ast::ExprCall) -> LResult<Lowered> {
    if c.args.len() == 2 {
        let cls = expr(cx, fx, &c.args[0])?.ts;
        let obj = expr(cx, fx, &c.args[1])?.ts;
        return Ok(Lowered::any(cx.tri(fx, quote! { rt::classes::super_(&#cls, &#obj) })));
    }
    if !c.args.is_empty() {
        return Err(unsupported(e, "super() with one argument"));
    }
    let Some(cell) = fx.lookup("__class__") else {
        return Err(crate::diagnostics::Diagnostic::new(
            span(e).0,
            span(e).1,
            "RuntimeError: super(): __class__ cell not found",
        ));
    };
    let Some(first) = fx.first_param.clone() else {
        return Err(crate::diagnostics::Diagnostic::new(span(e).0, span(e).1, "RuntimeError: super(): no arguments"));
    };
    let cls = super::expr::read_var(cx, fx, "__class__", &cell);
    let obj = match fx.lookup(&first) {
        Some(v) => super::expr::read_var(cx, fx, &first, &v),
        None => return Err(unsupported(e, "super() here")),
    };
    Ok(Lowered::any(cx.tri(fx, quote! { rt::classes::super_(&#cls, &#obj) })))
}

/// The type of what a call of builtin `name` returns, when it is fixed.
fn builtin_result(name: &str) -> Ty {
    match name {
        "len" | "hash" | "ord" | "id" | "int" => Ty::Int,
        "repr" | "ascii" | "chr" | "hex" | "oct" | "bin" | "format" | "input" | "str" => Ty::Str,
        "isinstance" | "issubclass" | "callable" | "hasattr" | "any" | "all" | "bool" => Ty::Bool,
        "sorted" | "list" => Ty::List,
        "float" => Ty::Float,
        "tuple" => Ty::Tuple,
        "dict" => Ty::Dict,
        _ => Ty::Any,
    }
}

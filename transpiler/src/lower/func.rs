//! Functions: `def` and `lambda` become named Rust functions (nested ones in
//! a module named after their parent, `outer::inner`, methods in
//! `Class::method`), plus the `Function` object built where the `def`
//! runs: defaults evaluated once, captured cells, decorators. Also
//! `import`, which binds module objects.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::expr::expr;
use super::stmt;
use super::{Cx, Fx, KnownFn, LResult, Lowered, Var, unsupported};
use crate::emit::mangle;
use crate::frontend::{ast, span};
use crate::sema::types::Ty;
use crate::sema::{Binding, ScopeId, definite};

/// The parameter list of a def or lambda, flattened in binding order.
struct Params {
    names: Vec<String>,
    posonly: usize,
    positional: usize,
    varargs: bool,
    kwonly: usize,
    varkw: bool,
}

fn params_of(args: &ast::Arguments) -> Params {
    let mut names = Vec::new();
    for a in args.posonlyargs.iter().chain(&args.args) {
        names.push(a.def.arg.to_string());
    }
    if let Some(v) = &args.vararg {
        names.push(v.arg.to_string());
    }
    for a in &args.kwonlyargs {
        names.push(a.def.arg.to_string());
    }
    if let Some(k) = &args.kwarg {
        names.push(k.arg.to_string());
    }
    Params {
        names,
        posonly: args.posonlyargs.len(),
        positional: args.posonlyargs.len() + args.args.len(),
        varargs: args.vararg.is_some(),
        kwonly: args.kwonlyargs.len(),
        varkw: args.kwarg.is_some(),
    }
}

/// What the body of a generated function is.
enum Body<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

/// Emits the Rust function for a def/lambda scope and returns the tokens
/// that build its `Function` object at the definition site.
fn function_object(
    cx: &mut Cx,
    fx: &mut Fx,
    scope_id: ScopeId,
    py_name: &str,
    args: &ast::Arguments,
    body: Body,
) -> LResult<TokenStream> {
    let (defaults, kwdefaults) = defaults_of(cx, fx, args)?;
    function_object_with(cx, fx, scope_id, py_name, args, body, defaults, kwdefaults)
}

/// A zero-argument function evaluating `e` (in lazy scope `scope_id`):
/// the bound of a type parameter, the value of a `type` alias.
pub fn thunk(cx: &mut Cx, fx: &mut Fx, scope_id: ScopeId, py_name: &str, e: &ast::Expr) -> LResult<TokenStream> {
    let no_args = ast::Arguments {
        range: Default::default(),
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kwarg: None,
    };
    function_object_with(cx, fx, scope_id, py_name, &no_args, Body::Expr(e), vec![], vec![])
}

/// The default values of a def's parameters, evaluated at definition time.
fn defaults_of(cx: &mut Cx, fx: &mut Fx, args: &ast::Arguments) -> LResult<(Vec<TokenStream>, Vec<TokenStream>)> {
    let mut defaults = Vec::new();
    for a in args.posonlyargs.iter().chain(&args.args) {
        if let Some(d) = &a.default {
            defaults.push(expr(cx, fx, d)?.ts);
        }
    }
    let mut kwdefaults = Vec::new();
    for a in &args.kwonlyargs {
        kwdefaults.push(match &a.default {
            Some(d) => {
                let v = expr(cx, fx, d)?.ts;
                quote! { Some(#v) }
            }
            None => quote! { None },
        });
    }
    Ok((defaults, kwdefaults))
}

#[allow(clippy::too_many_arguments)]
fn function_object_with(
    cx: &mut Cx,
    fx: &mut Fx,
    scope_id: ScopeId,
    py_name: &str,
    args: &ast::Arguments,
    body: Body,
    defaults: Vec<TokenStream>,
    kwdefaults: Vec<TokenStream>,
) -> LResult<TokenStream> {
    let params = params_of(args);
    let rust_name = unique_name(cx, &fx.path, py_name);
    let mut path = fx.path.clone();
    path.push(rust_name.clone());
    emit_function(cx, fx, scope_id, &rust_name, &path, &params, body)?;

    // Captured cells travel into the closure that adapts the call.
    let scope = &cx.prog.scopes[scope_id];
    let qualname = scope.qualname.clone();
    let mut caps = Vec::new();
    let mut cap_args = Vec::new();
    for name in scope.free_order.clone() {
        let Some(Var::Cell(id)) = fx.lookup(&name) else {
            return Err(crate::diagnostics::Diagnostic::new(
                scope.span.0,
                scope.span.1,
                format!("internal error: no cell for captured variable '{name}'"),
            ));
        };
        let cap = cx.fresh("cap");
        caps.push(quote! { let #cap = #id.clone(); });
        cap_args.push(quote! { #cap.clone() });
    }
    let n = params.names.len();
    let n_lit = proc_macro2::Literal::usize_unsuffixed(n);
    let arg_ids: Vec<Ident> = (0..n).map(|i| mangle::raw(&format!("a{i}"))).collect();
    let fn_path = fx.item_path(&path);
    let mut sig_path = path.clone();
    if let Some(last) = sig_path.last_mut() {
        *last = format!("{last}_SIG");
    }
    let sig = fx.item_path(&sig_path);
    // A def that captures nothing and takes one to four positional
    // parameters is also callable as the plain Rust function.
    let direct = match n {
        1..=4 if caps.is_empty() && !params.varargs && !params.varkw && params.kwonly == 0 => {
            let variant = mangle::raw(&format!("A{n}"));
            quote! { Some(rt::func::Direct::#variant(#fn_path)) }
        }
        _ => quote! { None },
    };
    let function = quote! {
        rt::func::Function::new(#py_name, #qualname, &#sig, vec![#(#defaults),*], vec![#(#kwdefaults),*], {
            #(#caps)*
            Rc::new(move |args: Vec<Value>| {
                let [#(#arg_ids),*] = rt::func::args::<#n_lit>(args);
                #fn_path(#(#arg_ids,)* #(#cap_args),*)
            })
        }, #direct)
    };
    if cx.module.is_main() {
        return Ok(function);
    }
    let module = &cx.module.name;
    Ok(quote! { rt::func::with_module(#function, #module) })
}

/// A Rust name for a new item in module `path`, unique there.
fn unique_name(cx: &mut Cx, path: &[String], py_name: &str) -> String {
    let base = mangle::rust_name(py_name);
    let tree = cx.mods.at(path);
    let mut name = base.clone();
    let mut k = 1;
    while tree.used.contains(&name) || tree.used.contains(&format!("{name}_SIG")) {
        k += 1;
        name = format!("{base}_{k}");
    }
    tree.used.insert(name.clone());
    name
}

fn emit_function(
    cx: &mut Cx,
    outer: &Fx,
    scope_id: ScopeId,
    rust_name: &str,
    path: &[String],
    params: &Params,
    body: Body,
) -> LResult<()> {
    let scope = &cx.prog.scopes[scope_id];
    let mut fx = Fx::new(scope_id, path.to_vec());
    fx.code_mod = outer.path.clone();
    fx.root = outer.root.clone();
    fx.first_param = params.names.first().cloned();

    let param_set: BTreeSet<&str> = params.names.iter().map(String::as_str).collect();
    let locals: BTreeSet<String> = scope
        .symbols
        .iter()
        .filter(|(n, s)| s.binding == Some(Binding::Local) && !param_set.contains(n.as_str()))
        .map(|(n, _)| n.clone())
        .collect();
    let da = match &body {
        Body::Stmts(b) => definite::analyze(b, &locals, &params.names),
        Body::Expr(_) => definite::Assignment::default(),
    };

    let mut rust_params = Vec::new();
    let mut prologue = Vec::new();
    // The incoming argument of each parameter, before any cell wraps it.
    let mut incoming = Vec::new();
    for p in &params.names {
        let id = mangle::ident(p);
        let sym = scope.symbols.get(p);
        let binding = sym.and_then(|s| s.binding).unwrap_or(Binding::Local);
        let deleted = sym.is_some_and(|s| s.deleted);
        match binding {
            Binding::Cell => {
                let arg = mangle::raw(&format!("{}_arg", mangle::rust_name(p)));
                rust_params.push(quote! { #arg: Value });
                prologue.push(quote! { let #id = Cell::with_value(#arg); });
                incoming.push(arg);
                fx.bind(p, Var::Cell(id));
            }
            _ if deleted => {
                let arg = mangle::raw(&format!("{}_arg", mangle::rust_name(p)));
                rust_params.push(quote! { #arg: Value });
                prologue.push(quote! { let mut #id: Option<Value> = Some(#arg); });
                incoming.push(arg);
                fx.bind(p, Var::Maybe(id));
            }
            _ => {
                rust_params.push(quote! { mut #id: Value });
                incoming.push(id.clone());
                fx.bind(p, Var::Plain(id));
            }
        }
    }
    for name in &scope.free_order {
        let id = mangle::ident(name);
        rust_params.push(quote! { #id: Cell });
        fx.bind(name, Var::Cell(id));
    }
    // A generator whose body flattens into a step function keeps its
    // locals outside the closure, so they are declared up front.
    let steps = match &body {
        Body::Stmts(b) if scope.is_generator && super::resumable::eligible(scope, b) => Some(*b),
        _ => None,
    };
    let first_refs = match &body {
        Body::Stmts(b) if steps.is_none() => first_top_level_assignments(b),
        _ => BTreeSet::new(),
    };
    for (name, sym) in &scope.symbols {
        if param_set.contains(name.as_str()) {
            continue;
        }
        let id = mangle::ident(name);
        match sym.binding {
            Some(Binding::Cell) => {
                prologue.push(quote! { let #id = Cell::new(); });
                fx.bind(name, Var::Cell(id));
            }
            Some(Binding::Local) => {
                if da.maybe_unbound.contains(name) || sym.deleted {
                    prologue.push(quote! { let mut #id: Option<Value> = None; });
                    fx.bind(name, Var::Maybe(id));
                } else if first_refs.contains(name) {
                    fx.pending_let.insert(name.clone());
                    fx.bind(name, Var::Plain(id));
                } else if steps.is_some() {
                    // Never read before it is assigned (the analysis proved
                    // it), but a closure cannot capture it uninitialized.
                    prologue.push(quote! { let mut #id = Value::None; });
                    fx.bind(name, Var::Plain(id));
                } else {
                    prologue.push(quote! { let mut #id: Value; });
                    fx.bind(name, Var::Plain(id));
                }
            }
            _ => {}
        }
    }

    let is_generator = scope.is_generator || scope.is_coroutine;
    if let Some(b) = steps {
        fx.steps = true;
        let flat = super::resumable::flatten(cx, &mut fx, b)?;
        let sc = &cx.prog.scopes[scope_id];
        let (name, qual, decls, machine) = (&sc.name, &sc.qualname, flat.decls, flat.body);
        let slot = super::resumable::returned_slot();
        let body = quote! {
            #(#prologue)*
            #(#decls)*
            Ok(rt::generator::Generator::steps(#name, #qual, move |#slot: &mut Value| { #machine }))
        };
        push_def(cx, scope_id, path, rust_name, params, &rust_params, body);
        return Ok(());
    }
    if is_generator {
        fx.co = Some(mangle::raw("_co0"));
    }
    let stmts = match body {
        Body::Stmts(b) => {
            let s = stmt::block(cx, &mut fx, b)?;
            // A body ending in `return` needs no implicit `return None`.
            if matches!(b.last(), Some(ast::Stmt::Return(_))) {
                quote! { #(#s)* }
            } else {
                quote! { #(#s)* Ok(Value::None) }
            }
        }
        Body::Expr(e) => {
            let v = expr(cx, &mut fx, e)?.ts;
            quote! { Ok(#v) }
        }
    };
    // A generator function returns a generator whose body is an async
    // block; the body starts running on the first `next()`.
    let body = if is_generator {
        let name = &cx.prog.scopes[scope_id].name;
        let qual = &cx.prog.scopes[scope_id].qualname;
        let sc = &cx.prog.scopes[scope_id];
        let make = if sc.is_coroutine && sc.is_generator {
            quote! { async_generator }
        } else if sc.is_coroutine {
            quote! { coroutine }
        } else {
            quote! { new }
        };
        quote! {
            Ok(rt::generator::Generator::#make(#name, #qual, move |_co0| async move {
                #(#prologue)*
                #stmts
            }))
        }
    } else {
        // A function with a native version runs it when the arguments
        // have its types, and falls back to this code when it bails.
        let native_entry: Vec<TokenStream> = cx
            .native
            .get(&scope_id)
            .into_iter()
            .flatten()
            .map(|(nf, native_fn)| super::native::entry(nf, native_fn, &incoming, cx.journal && nf.writes))
            .collect();
        quote! {
            #(#native_entry)*
            let _frame = rt::scope::enter()?;
            #(#prologue)*
            #stmts
        }
    };
    push_def(cx, scope_id, path, rust_name, params, &rust_params, body);
    Ok(())
}

/// Adds the function item and its signature static to the module tree.
fn push_def(
    cx: &mut Cx,
    scope_id: ScopeId,
    path: &[String],
    rust_name: &str,
    params: &Params,
    rust_params: &[TokenStream],
    body: TokenStream,
) {
    let id = mangle::raw(rust_name);
    let sig_id = mangle::raw(&format!("{rust_name}_SIG"));
    let names = &params.names;
    let lit = proc_macro2::Literal::usize_unsuffixed;
    let (posonly, positional, varargs, kwonly, varkw) =
        (lit(params.posonly), lit(params.positional), params.varargs, lit(params.kwonly), params.varkw);
    let qual = &cx.prog.scopes[scope_id].qualname;
    let doc = format!(" `{qual}`");
    let item = quote! {
        pub(crate) static #sig_id: Signature = Signature {
            params: &[#(#names),*],
            posonly: #posonly,
            positional: #positional,
            varargs: #varargs,
            kwonly: #kwonly,
            varkw: #varkw,
        };

        #[doc = #doc]
        pub(crate) fn #id(#(#rust_params),*) -> PyResult<Value> {
            #body
        }
    };
    let parent = &path[..path.len() - 1];
    cx.mods.at(parent).items.push(item);
}

/// The span of the first `return <value>` in `body` (not in nested
/// functions or classes).
fn return_with_value(body: &[ast::Stmt]) -> Option<(usize, usize)> {
    let mut first = None;
    crate::frontend::each_return(body, &mut |s, v| {
        if v.is_some() && first.is_none() {
            first = Some(crate::frontend::span(s));
        }
    });
    first
}

/// Locals whose first mention is a plain assignment directly in the body:
/// they are declared with `let` right there.
fn first_top_level_assignments(body: &[ast::Stmt]) -> BTreeSet<String> {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut out = BTreeSet::new();
    for s in body {
        let mut mentioned = BTreeSet::new();
        crate::frontend::names_in_stmt(s, &mut mentioned);
        if let ast::Stmt::Assign(a) = s
            && let [ast::Expr::Name(n)] = a.targets.as_slice()
        {
            let name = n.id.to_string();
            let mut in_value = BTreeSet::new();
            crate::frontend::names_in_expr(&a.value, &mut in_value);
            if !seen.contains(&name) && !in_value.contains(&name) {
                out.insert(name);
            }
        }
        seen.extend(mentioned);
    }
    out
}

/// The parts of a `def` or `async def` statement.
pub struct Def<'a> {
    pub name: &'a ast::Identifier,
    pub args: &'a ast::Arguments,
    pub body: &'a [ast::Stmt],
    pub decorators: &'a [ast::Expr],
    pub type_params: &'a [ast::TypeParam],
    pub returns: Option<&'a ast::Expr>,
}

impl<'a> Def<'a> {
    pub fn of(f: &'a ast::StmtFunctionDef) -> Def<'a> {
        Def {
            name: &f.name,
            args: &f.args,
            body: &f.body,
            decorators: &f.decorator_list,
            type_params: &f.type_params,
            returns: f.returns.as_deref(),
        }
    }

    pub fn of_async(f: &'a ast::StmtAsyncFunctionDef) -> Def<'a> {
        Def {
            name: &f.name,
            args: &f.args,
            body: &f.body,
            decorators: &f.decorator_list,
            type_params: &f.type_params,
            returns: f.returns.as_deref(),
        }
    }
}

/// `def name(...): ...` (or `async def`) as a statement.
pub fn def(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, f: Def) -> LResult<TokenStream> {
    let scope_id = cx.prog.scope_of(s).ok_or_else(|| unsupported(s, "function scope"))?;
    let scope = &cx.prog.scopes[scope_id];
    if scope.is_coroutine
        && scope.is_generator
        && let Some(r) = return_with_value(f.body)
    {
        return Err(crate::diagnostics::Diagnostic::new(
            r.0,
            r.1,
            "SyntaxError: 'return' with value in async generator",
        ));
    }
    let mut decorators = Vec::new();
    for d in f.decorators {
        decorators.push(expr(cx, fx, d)?.ts);
    }
    let obj = if f.type_params.is_empty() {
        let obj = function_object(cx, fx, scope_id, f.name.as_str(), f.args, Body::Stmts(f.body))?;
        introspection(cx, fx, scope_id, obj, f.args, f.returns)?
    } else {
        generic_function_object(cx, fx, s, &f)?
    };
    // The docstring belongs to the function itself, before any decorator
    // sees it (a wrapper without a docstring keeps `__doc__ = None`).
    let mut value = match docstring(f.body) {
        Some(d) => quote! { rt::func::with_doc(#obj, #d) },
        None => obj,
    };
    for d in decorators.into_iter().rev() {
        value = cx.tri(fx, quote! { rt::call::call(&#d, vec![#value], vec![]) });
    }
    super::assign::store_name(cx, fx, f.name.as_str(), value)
}

/// `def f[T, ...](...)`: defaults are evaluated first, outside the
/// type-parameter scope; the function captures the parameters' cells and
/// gets `__type_params__`.
fn generic_function_object(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, f: &Def) -> LResult<TokenStream> {
    let scope_id = cx.prog.scope_of(s).ok_or_else(|| unsupported(s, "function scope"))?;
    let (defaults, kwdefaults) = defaults_of(cx, fx, f.args)?;
    let mut lets = Vec::new();
    let mut bind = |ts: Vec<TokenStream>, cx: &mut Cx| -> Vec<TokenStream> {
        ts.into_iter()
            .map(|d| {
                let t = cx.fresh("default");
                lets.push(quote! { let #t = #d; });
                quote! { #t }
            })
            .collect()
    };
    let defaults = bind(defaults, cx);
    let kwdefaults = bind(kwdefaults, cx);
    let g = super::generic::enter(cx, fx, s, f.type_params)?;
    // The annotations may name the type parameters.
    let obj =
        function_object_with(cx, fx, scope_id, f.name.as_str(), f.args, Body::Stmts(f.body), defaults, kwdefaults)
            .and_then(|obj| introspection(cx, fx, scope_id, obj, f.args, f.returns));
    super::generic::leave(fx, g.as_ref());
    let obj = obj?;
    let Some(g) = g else { return Ok(obj) };
    let (decls, params) = (&g.decls, &g.params);
    let set = cx.tri(fx, quote! { rt::attr::setattr(&_f, "__type_params__", #params) });
    Ok(quote! {
        {
            #(#lets)*
            #decls
            let _f = #obj;
            #set;
            _f
        }
    })
}

fn docstring(body: &[ast::Stmt]) -> Option<String> {
    if let Some(ast::Stmt::Expr(e)) = body.first()
        && let ast::Expr::Constant(c) = &*e.value
        && let ast::Constant::Str(s) = &c.value
    {
        return Some(s.clone());
    }
    None
}

/// `lambda args: body`.
pub fn lambda(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr, l: &ast::ExprLambda) -> LResult<Lowered> {
    let scope_id = cx.prog.scope_of(e).ok_or_else(|| unsupported(e, "lambda scope"))?;
    let obj = function_object(cx, fx, scope_id, "<lambda>", &l.args, Body::Expr(&l.body))?;
    let obj = introspection(cx, fx, scope_id, obj, &l.args, None)?;
    Ok(Lowered::typed(obj, Ty::Function))
}

/// Whether the program may read a function's `__annotations__` or
/// `__code__`: it names one of them or something that reads them
/// (`get_type_hints`, `singledispatch`'s `register`), or reads attributes
/// by a computed name (`getattr`, `attrgetter`). Only then does a def
/// record what they need, so other programs build nothing for them.
pub fn reads_introspection(source: &str) -> bool {
    ["__annotations__", "__code__", "get_type_hints", "singledispatch", "getattr", "attrgetter"]
        .iter()
        .any(|w| source.contains(w))
}

/// Wraps the `Function` object `obj` so it knows its `__annotations__`
/// (evaluated here, where the def runs, in CPython's order: the
/// positional-or-keyword parameters, then the positional-only ones,
/// `*args`, the keyword-only ones, `**kwargs` and the return) and whether
/// `__code__.co_varnames` would list locals, when the program may read
/// them.
fn introspection(
    cx: &mut Cx,
    fx: &mut Fx,
    scope_id: ScopeId,
    obj: TokenStream,
    args: &ast::Arguments,
    returns: Option<&ast::Expr>,
) -> LResult<TokenStream> {
    if !cx.introspect {
        return Ok(obj);
    }
    let mut annotated: Vec<(&str, &ast::Expr)> = Vec::new();
    for a in args.args.iter().chain(&args.posonlyargs) {
        annotated.extend(a.def.annotation.as_deref().map(|e| (a.def.arg.as_str(), e)));
    }
    annotated.extend(args.vararg.iter().filter_map(|v| Some((v.arg.as_str(), v.annotation.as_deref()?))));
    for a in &args.kwonlyargs {
        annotated.extend(a.def.annotation.as_deref().map(|e| (a.def.arg.as_str(), e)));
    }
    annotated.extend(args.kwarg.iter().filter_map(|k| Some((k.arg.as_str(), k.annotation.as_deref()?))));
    annotated.extend(returns.map(|e| ("return", e)));
    let mut entries = Vec::new();
    for (name, e) in annotated {
        let value = annotation_value(cx, fx, e)?;
        entries.push(quote! { (#name, #value) });
    }
    let scope = &cx.prog.scopes[scope_id];
    // `co_varnames` lists the body's locals after the parameters (nested
    // defs and inlined comprehensions' variables too), but not cells.
    let has_locals = scope.symbols.values().any(|s| !s.param && s.binding == Some(Binding::Local))
        || scope.children.iter().any(|c| cx.prog.scopes[*c].kind == crate::sema::ScopeKind::Comprehension);
    if entries.is_empty() && !has_locals {
        return Ok(obj);
    }
    Ok(quote! { rt::func::with_introspection(#obj, [#(#entries),*], #has_locals) })
}

/// One annotation's value in `__annotations__`: the expression's value,
/// or under `from __future__ import annotations` its text.
fn annotation_value(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<TokenStream> {
    if cx.future_annotations {
        let text = super::annotation::text(e).ok_or_else(|| unsupported(e, "the text of this annotation"))?;
        return Ok(quote! { Value::str(#text) });
    }
    if matches!(e, ast::Expr::Starred(_)) {
        return Err(unsupported(e, "a starred annotation"));
    }
    // The scope analysis does not look into annotations, so a name only
    // an annotation reads from an enclosing function has no cell here.
    let mut names = BTreeSet::new();
    crate::frontend::names_in_expr(e, &mut names);
    for name in &names {
        if cx.binding(fx, name).is_some() {
            continue;
        }
        let mut up = cx.prog.scopes[fx.scope].parent;
        while let Some(id) = up {
            let sc = &cx.prog.scopes[id];
            if sc.is_function_like() && matches!(sc.binding(name), Some(Binding::Local | Binding::Cell | Binding::Free))
            {
                return Err(unsupported(e, &format!("an annotation reading '{name}' of an enclosing function")));
            }
            up = sc.parent;
        }
    }
    // A method's annotation naming its class's type parameter (`def
    // push(self, x: U)` in `class Stack[U]`): evaluated where the class
    // body runs, inline in the type-parameter scope, which holds `U`.
    if let Some(tp) = type_param_scope_naming(cx, fx, &names) {
        let saved = std::mem::replace(&mut fx.scope, tp);
        let value = expr(cx, fx, e);
        fx.scope = saved;
        return Ok(value?.ts);
    }
    Ok(expr(cx, fx, e)?.ts)
}

/// The enclosing type-parameter scope binding one of `names` that the
/// current scope does not, if any (the scope analysis does not look into
/// annotations, so the class body has no free variable for it).
fn type_param_scope_naming(cx: &Cx, fx: &Fx, names: &BTreeSet<String>) -> Option<crate::sema::ScopeId> {
    let mut up = cx.prog.scopes[fx.scope].parent;
    while let Some(id) = up {
        let sc = &cx.prog.scopes[id];
        if sc.kind == crate::sema::ScopeKind::TypeParams
            && names.iter().any(|n| cx.binding(fx, n).is_none() && sc.binding(n).is_some() && fx.lookup(n).is_some())
        {
            return Some(id);
        }
        up = sc.parent;
    }
    None
}

/// Module-level functions that calls may reach directly.
pub fn find_known_functions(cx: &mut Cx, body: &[ast::Stmt]) {
    let mut executing = false;
    let consts = crate::sema::infer::constants(cx.prog, body);
    for s in body {
        if let ast::Stmt::FunctionDef(f) = s {
            let name = f.name.to_string();
            let a = &f.args;
            let simple = f.decorator_list.is_empty()
                && a.vararg.is_none()
                && a.kwarg.is_none()
                && a.kwonlyargs.is_empty()
                && f.type_params.is_empty();
            let rebound_elsewhere = cx
                .prog
                .scopes
                .iter()
                .skip(1)
                .any(|sc| sc.symbols.get(&name).is_some_and(|sym| sym.declared_global && sym.assigned));
            let scope = cx.prog.scope_of(s).map(|id| &cx.prog.scopes[id]);
            let scope_ok = scope.is_some_and(|sc| sc.free_order.is_empty());
            if simple
                && scope_ok
                && !rebound_elsewhere
                && cx.prog.scopes[0].symbols.get(&name).is_some_and(|sym| sym.bindings == 1)
            {
                let known = KnownFn {
                    rust: mangle::ident(&name),
                    positional: a.posonlyargs.len() + a.args.len(),
                    def_offset: span(s).0,
                    early: !executing,
                };
                // Calls of a generator function stay dynamic; only native
                // code calls one directly (its native version).
                if scope.is_some_and(|sc| sc.is_generator) {
                    cx.known_generators.insert(name.clone(), known);
                } else {
                    cx.known.insert(name.clone(), known);
                }
            }
            if !f.decorator_list.is_empty() {
                executing = true;
            }
            continue;
        }
        // `NAME = <constant arithmetic>` runs no user code either.
        let binds_constant = match s {
            ast::Stmt::Assign(a) => {
                matches!(a.targets.as_slice(), [ast::Expr::Name(n)] if consts.contains_key(n.id.as_str()))
            }
            ast::Stmt::AnnAssign(a) => matches!(&*a.target, ast::Expr::Name(n) if consts.contains_key(n.id.as_str())),
            _ => false,
        };
        if !binds_constant && may_run_user_code(s) {
            executing = true;
        }
    }
    // Reserve the Rust names of known functions at the root, in order.
    let names: Vec<String> = body
        .iter()
        .filter_map(|s| match s {
            ast::Stmt::FunctionDef(f) if cx.known.contains_key(f.name.as_str()) => Some(f.name.to_string()),
            _ => None,
        })
        .collect();
    let _ = names;
}

fn may_run_user_code(s: &ast::Stmt) -> bool {
    match s {
        ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) | ast::Stmt::Pass(_) => false,
        ast::Stmt::Assign(a) => !is_inert(&a.value),
        ast::Stmt::AnnAssign(a) => a.value.as_deref().is_some_and(|v| !is_inert(v)),
        ast::Stmt::Expr(e) => !matches!(&*e.value, ast::Expr::Constant(_)),
        _ => true,
    }
}

/// Expressions that cannot call user code.
fn is_inert(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) | ast::Expr::Lambda(_) => true,
        ast::Expr::List(l) => l.elts.iter().all(is_inert),
        ast::Expr::Tuple(t) => t.elts.iter().all(is_inert),
        ast::Expr::Set(s) => s.elts.iter().all(is_inert),
        ast::Expr::Dict(d) => d.keys.iter().flatten().all(is_inert) && d.values.iter().all(is_inert),
        ast::Expr::UnaryOp(u) => matches!(&*u.operand, ast::Expr::Constant(_)),
        _ => false,
    }
}

/// `import a, b as c`.
pub fn import(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, i: &ast::StmtImport) -> LResult<TokenStream> {
    let mut out = Vec::new();
    for alias in &i.names {
        let module = alias.name.as_str();
        let top = module.split_once('.').map_or(module, |(top, _)| top);
        if cx.module.user_modules.contains_key(top) {
            out.push(import_user(cx, fx, s, module, alias.asname.as_deref())?);
            continue;
        }
        if !super::builtins::MODULES.contains(&module) {
            return Err(unsupported(s, &format!("module '{module}'")));
        }
        // `import os.path` binds `os` (loading `os.path` too); `import os.path as p` binds `os.path`.
        let (bound, target) = match (&alias.asname, module.split_once('.')) {
            (Some(a), _) => (a.to_string(), module.to_string()),
            (None, Some((top, _))) => {
                let sub = cx.tri(fx, quote! { rt::modules::import(#module) });
                out.push(quote! { let _ = #sub; });
                (top.to_string(), top.to_string())
            }
            (None, None) => (module.to_string(), module.to_string()),
        };
        let v = cx.tri(fx, quote! { rt::modules::import(#target) });
        cx.imports.insert(bound.clone(), target.clone());
        out.push(super::assign::store_name(cx, fx, &bound, v)?);
    }
    Ok(quote! { #(#out)* })
}

/// `import pkg.helper` of the program's own module: imports the package,
/// then the module, and binds `pkg` (or, with `as`, the module).
fn import_user(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, module: &str, alias: Option<&str>) -> LResult<TokenStream> {
    if !cx.module.user_modules.contains_key(module) {
        return Err(unsupported(s, &format!("module '{module}' (no file of the program's holds it)")));
    }
    let path = super::module_path(cx, module);
    let load = cx.tri(fx, quote! { rt::user_modules::import(&#path) });
    let (bound, value) = match (alias, module.split_once('.')) {
        (Some(a), _) => (a.to_string(), load),
        (None, None) => (module.to_string(), load),
        (None, Some((top, _))) => {
            let top_path = super::module_path(cx, top);
            let top_load = cx.tri(fx, quote! { rt::user_modules::import(&#top_path) });
            (top.to_string(), quote! { { let _ = #load; #top_load } })
        }
    };
    super::assign::store_name(cx, fx, &bound, value)
}

/// `from module import a, b as c`.
pub fn import_from(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, i: &ast::StmtImportFrom) -> LResult<TokenStream> {
    let module = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
    if super::builtins::NO_CODE_IMPORTS.contains(&module.as_str()) {
        return Ok(quote! {});
    }
    let level = i.level.map_or(0, |l| l.to_u32());
    if level > 0 || cx.module.user_modules.contains_key(module.split('.').next().unwrap_or_default()) {
        let Some(target) = crate::program::absolute_module(cx.module.package_name(), level, &module) else {
            return Err(unsupported(s, "relative import outside a package"));
        };
        return import_from_user(cx, fx, s, i, &target);
    }
    if !super::builtins::MODULES.contains(&module.as_str()) {
        return Err(unsupported(s, &format!("module '{module}'")));
    }
    let m = cx.fresh("m");
    let load = cx.tri(fx, quote! { rt::modules::import(#module) });
    let mut out = vec![quote! { let #m = #load; }];
    for alias in &i.names {
        let name = alias.name.as_str();
        if name == "*" {
            return Err(unsupported(s, "from module import *"));
        }
        let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
        let v = cx.tri(fx, quote! { rt::modules::import_from(&#m, #module, #name) });
        out.push(super::assign::store_name(cx, fx, &bound, v)?);
    }
    Ok(quote! { #(#out)* })
}

/// `from pkg.helper import a` (or `from . import helper`) of the
/// program's own module `module`: a name that is a module of the package
/// is imported as one when the package has no such attribute.
fn import_from_user(
    cx: &mut Cx,
    fx: &mut Fx,
    s: &ast::Stmt,
    i: &ast::StmtImportFrom,
    module: &str,
) -> LResult<TokenStream> {
    if !cx.module.user_modules.contains_key(module) {
        return Err(unsupported(s, &format!("module '{module}' (no file of the program's holds it)")));
    }
    let (m, path) = (cx.fresh("m"), super::module_path(cx, module));
    let load = cx.tri(fx, quote! { rt::user_modules::import(&#path) });
    let mut out = vec![quote! { let #m = #load; }];
    let star = cx.module.star_imports.get(&crate::frontend::span(s).0).copied();
    for alias in &i.names {
        let name = alias.name.as_str();
        if name == "*" {
            return Err(unsupported(s, "from module import *"));
        }
        let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
        match star {
            // The names of `__all__`: each must exist.
            Some(true) => {
                let v = cx.tri(fx, quote! { rt::attr::getattr(&#m, #name) });
                out.push(super::assign::store_name(cx, fx, &bound, v)?);
                continue;
            }
            // What the module binds: only those bound now.
            Some(false) => {
                let v = cx.fresh("v");
                let store = super::assign::store_name(cx, fx, &bound, quote! { #v })?;
                out.push(quote! {
                    if let Some(#v) = rt::user_modules::star_name(&#m, #name) {
                        #store
                    }
                });
                continue;
            }
            None => {}
        }
        let submodule = format!("{module}.{name}");
        let v = if cx.module.user_modules.contains_key(&submodule) {
            let sub = super::module_path(cx, &submodule);
            cx.tri(fx, quote! { rt::user_modules::import_submodule(&#m, #name, &#sub) })
        } else {
            cx.tri(fx, quote! { rt::user_modules::import_name(&#m, &#path, #name) })
        };
        out.push(super::assign::store_name(cx, fx, &bound, v)?);
    }
    Ok(quote! { #(#out)* })
}

//! The native tier: functions that `sema::infer` proved to work on plain
//! `i64`/`f64`/`bool` values and `Vec`s of them become ordinary Rust
//! functions in `mod native`, returning `NResult<T>`. Every operation that
//! Python could make leave those types (int overflow, division by zero,
//! an index out of range, recursion past the limit) is a checked helper
//! from `rt::typed` that bails; the dynamic version of the function, which
//! is still generated, then runs from the start. The dynamic version's
//! entry tries the native one first when the arguments have exactly the
//! native types.
//!
//! Native code changes nothing the dynamic world sees except fields of
//! fixed-layout instances (journaled, see `rt::fixed`), and only method
//! calls write those: so subexpressions run in Python's order wherever a
//! call could come between two reads.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::LResult;
use crate::diagnostics::Diagnostic;
use crate::emit::mangle;
use crate::frontend::{ast, span};
use crate::sema::infer::{
    Const, DictPart, Iteration, NTy, NativeFn, PIECE_METHODS, RECASE_METHODS, Typer, World, binop_ty, char_test,
};

/// The name of the module holding native functions.
pub const MODULE: &str = "native";

/// The Rust type of a native value; list parameters are borrowed slices.
fn rust_ty(t: &NTy, param: bool) -> TokenStream {
    match t {
        NTy::Int => quote! { i64 },
        NTy::Float => quote! { f64 },
        NTy::Bool => quote! { bool },
        NTy::List(e) => {
            let e = rust_ty(e, false);
            if param {
                quote! { rt::typed::Slice<'_, #e> }
            } else {
                quote! { Vec<#e> }
            }
        }
        NTy::Tuple(items) => {
            let items = items.iter().map(|t| rust_ty(t, false));
            quote! { (#(#items),*) }
        }
        NTy::Str => quote! { rt::typed::Text<'_> },
        NTy::Char => quote! { char },
        NTy::Dict(k, v) => {
            let (k, v) = (rust_ty(k, false), rust_ty(v, false));
            quote! { rt::typed::Map<#k, #v> }
        }
        NTy::Gen(t) => {
            let t = rust_ty(t, false);
            quote! { impl Step<#t> }
        }
        NTy::None => quote! { () },
        NTy::Opt(t) => {
            let t = rust_ty(t, false);
            quote! { Option<#t> }
        }
        NTy::Obj(_) => quote! { rt::typed::Obj },
    }
}

/// The static in `mod native` holding a fixed-layout class's field names
/// and, once its `class` statement has run, the class.
pub fn layout_ident(class: &str) -> Ident {
    mangle::ident(&format!("{class}__layout"))
}

/// The native function of a method, in `mod native`; `method` may be
/// `Base.method`, a base's def on this class's instances.
pub fn method_ident(class: &str, method: &str) -> Ident {
    mangle::ident(&format!("{class}__{}", method.replace('.', "__")))
}

/// The layouts of the fixed-layout classes native code uses.
pub fn layouts(world: &World, used: &std::collections::BTreeSet<String>) -> Vec<TokenStream> {
    used.iter()
        .filter_map(|name| world.classes.get(name))
        .map(|class| {
            let id = layout_ident(&class.name);
            let fields = &class.fields;
            let doc = format!(" The fields of `{}` instances, by index, and the defs of its methods.", class.name);
            // Each method must be the def seen here when the class is sealed.
            let methods = class.definers.iter().filter(|(m, _)| !crate::sema::fixed::is_private(m)).map(|(m, d)| {
                let qualname = format!("{d}.{m}");
                quote! { (#m, #qualname) }
            });
            // And each `super().method` must find the def it found here.
            let supers = class.supers.iter().map(|(from, m, def)| {
                let def = def.as_deref().unwrap_or("");
                quote! { (#from, #m, #def) }
            });
            let layout = if class.supers.is_empty() {
                quote! { rt::typed::Fixed::new(&[#(#fields),*], &[#(#methods),*]) }
            } else {
                quote! { rt::typed::Fixed::with_supers(&[#(#fields),*], &[#(#methods),*], &[#(#supers),*]) }
            };
            quote! {
                #[doc = #doc]
                pub(crate) static #id: rt::typed::Fixed = #layout;
            }
        })
        .collect()
}

/// The fixed-layout classes a native function's types mention.
pub fn classes_used(nf: &NativeFn, out: &mut std::collections::BTreeSet<String>) {
    nf.params.iter().map(|(_, t)| t).chain(nf.locals.values()).chain([&nf.ret]).for_each(|t| mentioned(t, out));
    out.extend(nf.owner.iter().cloned());
}

/// Adds the classes the fields of `used` classes hold, and theirs in turn:
/// a native store into a field checks the stored instance's class against
/// its layout even when no native function names that class.
pub fn close_over_fields(world: &World, used: &mut std::collections::BTreeSet<String>) {
    loop {
        let mut more = std::collections::BTreeSet::new();
        for ((class, _), t) in &world.field_types {
            if used.contains(class) {
                mentioned(t, &mut more);
            }
        }
        let before = used.len();
        used.extend(more);
        if used.len() == before {
            return;
        }
    }
}

/// The fixed-layout classes a native type mentions.
fn mentioned(t: &NTy, out: &mut std::collections::BTreeSet<String>) {
    match t {
        NTy::Obj(c) => {
            out.insert(c.clone());
        }
        NTy::List(e) | NTy::Gen(e) | NTy::Opt(e) => mentioned(e, out),
        NTy::Dict(k, v) => {
            mentioned(k, out);
            mentioned(v, out);
        }
        NTy::Tuple(items) => items.iter().for_each(|t| mentioned(t, out)),
        _ => {}
    }
}

/// The Rust type a native function returns: strs, lists of them and
/// dicts are made dynamic objects before they leave (they may borrow from
/// the function's arena).
fn return_ty(t: &NTy) -> TokenStream {
    if t.leaves_as_value() {
        quote! { Value }
    } else {
        rust_ty(t, false)
    }
}

/// Where a native function keeps the strs it builds (see `rt::typed::Arena`).
const ARENA: &str = "_arena";

/// The dynamic strs a str-returning native function was called with, so
/// that returning one of them unchanged returns that very object.
const ORIGINS: &str = "_strs";

fn default_value(t: &NTy) -> TokenStream {
    match t {
        NTy::Int => quote! { 0 },
        NTy::Float => quote! { 0.0 },
        NTy::Bool => quote! { false },
        NTy::List(_) => quote! { Vec::new() },
        NTy::Tuple(_) => quote! { Default::default() },
        NTy::Str => quote! { rt::typed::Text::EMPTY },
        NTy::Char => quote! { '\0' },
        NTy::Dict(..) => quote! { rt::typed::Map::new() },
        NTy::Opt(_) => quote! { None },
        NTy::Gen(_) | NTy::None => quote! { () },
        NTy::Obj(_) => quote! { rt::typed::Obj::default() },
    }
}

/// The native function for `f` (Rust name `rust`).
pub fn function(world: &World, f: &ast::StmtFunctionDef, nf: &NativeFn, rust: &Ident) -> LResult<TokenStream> {
    if let NTy::Gen(item) = &nf.ret {
        return generator(world, f, nf, item, rust);
    }
    let tail = Tail::of(f, nf);
    let origins = mangle::raw(ORIGINS);
    let params = params(nf).into_iter().chain((nf.ret == NTy::Str).then(|| quote! { #origins: &[&Value] }));
    let locals = local_decls(nf);
    // Native calls count down a depth budget instead of touching the
    // interpreter's counter: at zero they bail, and the dynamic code
    // raises RecursionError where CPython would. A function whose depth
    // an int parameter bounds checks the bound once, on entry, instead.
    let bound = bounded(f, nf);
    let guard = (nf.calls && bound.is_none()).then(|| quote! { if _depth == 0 { return Err(Bail); } });
    let lower_body = |depthless: bool| -> LResult<(Nx<'_>, Vec<TokenStream>)> {
        let mut nx = Nx::new(world, nf);
        nx.tail = tail.clone();
        nx.bounded = bound.is_some().then(|| f.name.to_string());
        nx.depthless = depthless;
        let body = nx.block(&f.body)?;
        Ok((nx, body))
    };
    let (mut nx, mut body) = lower_body(false)?;
    // A bounded body that calls nothing but itself has no use for the
    // budget: passing it along anyway cost fib 15%.
    let depthless = bound.is_some() && !nx.spends_depth;
    if depthless {
        (nx, body) = lower_body(true)?;
    }
    let depth_param = (!depthless).then(|| quote! { _depth: usize });
    let mut_depth_param = (!depthless).then(|| quote! { mut _depth: usize });
    let ret = return_ty(&nf.ret);
    // `__init__` ends by handing its instance back; other functions
    // always return before their end.
    let end = match nx.init_self() {
        Some(me) => quote! { Ok(#me) },
        None if nf.ret == NTy::None => quote! { Ok(()) },
        // A method returning an instance or None may reach its end.
        None if matches!(nf.ret, NTy::Opt(_)) => quote! { Ok(None) },
        None => quote! {
            // Not reached: the function always returns.
            Err(Bail)
        },
    };
    // Declared before the locals, so it outlives the strs they borrow.
    let arena = nx.arena.then(|| {
        let id = mangle::raw(ARENA);
        quote! { let #id = rt::typed::Arena::default(); }
    });
    let shown: Vec<String> = nf.params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
    let qualified = match &nf.owner {
        Some(class) => format!("{class}.{}", f.name),
        None => f.name.to_string(),
    };
    let doc = format!(" `{qualified}({}) -> {}`, on native values.", shown.join(", "), nf.ret);
    let (name, attrs) = match bound {
        Some(_) => (mangle::raw(BOUNDED), quote! {}),
        None => (rust.clone(), quote! { #[doc = #doc] pub(crate) }),
    };
    let item = match tail {
        Some(tail) => {
            let (acc, start) = (mangle::raw(ACC), tail.identity());
            let l = super::lifetime(&mangle::raw(TAIL_LABEL));
            // Each turn of the loop is one call: the guard and fresh locals
            // come first, as they would in a new frame.
            quote! {
                #attrs fn #name(#(#params,)* #mut_depth_param) -> NResult<#ret> {
                    let mut #acc: i64 = #start;
                    #arena
                    #l: loop {
                        #guard
                        #(#locals)*
                        #(#body)*
                        // Not reached: the function always returns.
                        return Err(Bail);
                    }
                }
            }
        }
        None => quote! {
            #attrs fn #name(#(#params,)* #depth_param) -> NResult<#ret> {
                #guard
                #arena
                #(#locals)*
                #(#body)*
                #end
            }
        },
    };
    let Some(bound) = bound else { return Ok(item) };
    let params = self::params(nf);
    let names = nf.params.iter().map(|(p, _)| mangle::ident(p));
    let inner_depth = (!depthless).then(|| quote! { _depth });
    let p = mangle::ident(&nf.params[bound.param].0);
    let floor = proc_macro2::Literal::i64_unsuffixed(bound.floor);
    let why = format!(
        " `{0}` drops by 1 or more in each self-call, made only when `{0} >= {1}`: the depth was checked on entry.",
        nf.params[bound.param].0, bound.floor
    );
    Ok(quote! {
        #[doc = #doc]
        pub(crate) fn #rust(#(#params,)* _depth: usize) -> NResult<#ret> {
            if rt::typed::depth_needed(#p, #floor) > _depth {
                return Err(Bail);
            }
            return #name(#(#names,)* #inner_depth);
            #[doc = #why]
            #item
        }
    })
}

/// The depth bound of a plain native function (see `sema::depth_bound`).
fn bounded(f: &ast::StmtFunctionDef, nf: &NativeFn) -> Option<crate::sema::depth_bound::DepthBound> {
    if !nf.calls || nf.owner.is_some() || nf.ret == NTy::Str || nf.kind != crate::sema::infer::UnitKind::Function {
        return None;
    }
    let ints: Vec<bool> = nf.params.iter().map(|(_, t)| *t == NTy::Int).collect();
    crate::sema::depth_bound::of(f, &ints)
}

/// The declarations of a native function's locals.
fn local_decls(nf: &NativeFn) -> Vec<TokenStream> {
    nf.locals
        .iter()
        .map(|(name, t)| {
            let id = mangle::ident(name);
            let (ty, v) = (rust_ty(t, false), default_value(t));
            if nf.maybe_unbound.contains(name) {
                quote! { let mut #id: Option<#ty> = None; }
            } else {
                quote! { let mut #id: #ty = #v; }
            }
        })
        .collect()
}

/// A native function's parameters as Rust parameters.
fn params(nf: &NativeFn) -> Vec<TokenStream> {
    nf.params
        .iter()
        .map(|(name, t)| {
            let id = mangle::ident(name);
            let ty = rust_ty(t, true);
            if t.is_copy() || matches!(t, NTy::Gen(_)) {
                quote! { mut #id: #ty }
            } else {
                quote! { #id: #ty }
            }
        })
        .collect()
}

/// A native generator function: it makes a `rt::typed::Gen` whose step
/// function is the body flattened at its yields (as `lower::resumable`
/// flattens dynamic generators). Only native code calls it; a dynamic
/// call makes the dynamic generator.
fn generator(world: &World, f: &ast::StmtFunctionDef, nf: &NativeFn, item: &NTy, rust: &Ident) -> LResult<TokenStream> {
    let mut nx = Nx::new(world, nf);
    let flat = super::resumable::flatten_with(&mut nx, &f.body)?;
    let (decls, body) = (flat.decls, flat.body);
    let params = params(nf);
    let locals = local_decls(nf);
    let item_ty = rust_ty(item, false);
    let guard = nf.calls.then(|| quote! { if _depth == 0 { return Err(Bail); } });
    let shown: Vec<String> = nf.params.iter().map(|(n, t)| format!("{n}: {t}")).collect();
    let doc = format!(" `{}({})`, a generator of {item}, on native values.", f.name, shown.join(", "));
    Ok(quote! {
        #[doc = #doc]
        pub(crate) fn #rust(#(#params,)* _depth: usize) -> NResult<impl Step<#item_ty>> {
            #guard
            #(#locals)*
            #(#decls)*
            Ok(rt::typed::generator(move || -> NResult<Option<#item_ty>> { #body }))
        }
    })
}

/// A top-level loop's native version (see `infer::Region`): it takes the
/// module variables the loop reads first and returns every one it binds,
/// those it may not have bound as `Option`s.
pub fn region(world: &World, s: &ast::Stmt, r: &crate::sema::infer::Region, line: usize) -> LResult<TokenStream> {
    let nf = &r.nf;
    let mut nx = Nx::new(world, nf);
    let body = nx.stmt(s)?;
    let params = params(nf);
    let locals = local_decls(nf);
    let guard = nf.calls.then(|| quote! { if _depth == 0 { return Err(Bail); } });
    let outs: Vec<Ident> = r.outputs.iter().map(|(n, _)| mangle::ident(n)).collect();
    let out_tys = r.outputs.iter().map(|(n, t)| {
        let t = rust_ty(t, false);
        if nf.maybe_unbound.contains(n) {
            quote! { Option<#t> }
        } else {
            t
        }
    });
    let name = mangle::raw(&r.name);
    let doc =
        format!(" The loop at line {line} on native values, {}.", describe_region(r).trim_start_matches("native, "));
    let arena = nx.arena.then(|| {
        let id = mangle::raw(ARENA);
        quote! { let #id = rt::typed::Arena::default(); }
    });
    Ok(quote! {
        #[doc = #doc]
        pub(crate) fn #name(#(#params,)* _depth: usize) -> NResult<(#(#out_tys,)*)> {
            #guard
            #arena
            #(#locals)*
            #body
            Ok((#(#outs,)*))
        }
    })
}

/// The module-level code for a loop with a native version: the native
/// loop runs when the module variables it reads hold their native types,
/// and its results are stored back; otherwise, or if it bails, `dynamic`
/// runs the loop as Python would.
pub fn region_entry(r: &crate::sema::infer::Region, dynamic: TokenStream, journal: bool) -> TokenStream {
    let label = super::lifetime(&mangle::raw("native_loop"));
    let ins: Vec<Ident> = r.nf.params.iter().map(|(n, _)| mangle::ident(n)).collect();
    let reads = r.nf.params.iter().map(|(n, t)| {
        let (g, ty) = (mangle::ident(n), rust_ty(t, false));
        quote! { rt::typed::global_arg::<#ty>(&globals::#g) }
    });
    let outs: Vec<Ident> = r.outputs.iter().map(|(n, _)| mangle::ident(n)).collect();
    let stores = r.outputs.iter().map(|(n, _)| {
        let g = mangle::ident(n);
        if r.nf.maybe_unbound.contains(n) {
            quote! { if let Some(v) = #g { globals::#g.set(rt::typed::ToValue::to_value(v)); } }
        } else {
            quote! { globals::#g.set(rt::typed::ToValue::to_value(#g)); }
        }
    });
    let name = mangle::raw(&r.name);
    let module = mangle::raw(MODULE);
    let run = if journal {
        quote! {
            let _mark = rt::fixed::mark();
            match #module::#name(#(#ins,)* rt::typed::depth_budget()) {
                Ok((#(#outs,)*)) => {
                    rt::fixed::commit(_mark);
                    #(#stores)*
                    break #label;
                }
                Err(_) => rt::fixed::undo(_mark),
            }
        }
    } else {
        quote! {
            if let Ok((#(#outs,)*)) = #module::#name(#(#ins,)* rt::typed::depth_budget()) {
                #(#stores)*
                break #label;
            }
        }
    };
    let checked = if ins.is_empty() {
        run
    } else {
        let somes = ins.iter().map(|i| quote! { Some(#i) });
        quote! { if let (#(#somes,)*) = (#(#reads,)*) { #run } }
    };
    quote! {
        #label: {
            #checked
            #dynamic
        }
    }
}

/// A native loop's types, for `--explain-types` and its doc comment.
pub fn describe_region(r: &crate::sema::infer::Region) -> String {
    let shown = |vars: &[(String, NTy)]| vars.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join(", ");
    let reads = if r.nf.params.is_empty() { "nothing".to_string() } else { shown(&r.nf.params) };
    format!("native, reading {reads}; binding {}", shown(&r.outputs))
}

/// The module's constant lists of strs, as native slices.
pub fn text_constants(world: &World) -> Vec<TokenStream> {
    world
        .consts
        .iter()
        .filter_map(|(name, c)| {
            let Const::Texts(texts) = c else { return None };
            let id = mangle::ident(name);
            let items = texts.iter().map(|t| {
                let chars = proc_macro2::Literal::usize_unsuffixed(t.chars().count());
                quote! { rt::typed::Text::lit(#t, #chars) }
            });
            Some(quote! {
                #[allow(dead_code)]
                pub(crate) const #id: &[rt::typed::Text<'static>] = &[#(#items),*];
            })
        })
        .collect()
}

/// The start of the dynamic function: runs the native one when every
/// argument (the incoming `Value`s `args`) has exactly its native type.
/// With `journal`, the native call's field writes are undone if it bails
/// (see `rt::fixed`).
pub fn entry(nf: &NativeFn, rust: &Ident, args: &[Ident], journal: bool) -> TokenStream {
    // A dynamic caller has no native generator to pass.
    if nf.params.iter().any(|(_, t)| matches!(t, NTy::Gen(_))) {
        return quote! {};
    }
    let mut converted = Vec::new();
    let mut checks = Vec::new();
    let mut passed = Vec::new();
    for ((name, t), arg) in nf.params.iter().zip(args) {
        let id = mangle::raw(&format!("{}_native", mangle::rust_name(name)));
        if t.is_scalar() {
            let ty = rust_ty(t, false);
            checks.push(quote! { <#ty as rt::typed::FromValue>::from_value(&#arg) });
            passed.push(quote! { #id });
        } else if *t == NTy::Str {
            // A str is read in place.
            checks.push(quote! { rt::typed::str_arg(&#arg) });
            passed.push(quote! { #id });
        } else if let NTy::Obj(class) = t {
            let layout = layout_ident(class);
            checks.push(quote! { rt::typed::Obj::check(&#arg, &native::#layout) });
            passed.push(quote! { #id });
        } else if let NTy::Opt(inner) = t
            && let NTy::Obj(class) = &**inner
        {
            let layout = layout_ident(class);
            checks.push(quote! { rt::typed::Obj::check_opt(&#arg, &native::#layout) });
            passed.push(quote! { #id });
        } else {
            // A list is read in place, its items checked as they are read.
            checks.push(quote! { rt::typed::list_items(&#arg) });
            passed.push(quote! { rt::typed::Slice::Values(&#id) });
        }
        converted.push(quote! { Some(#id) });
    }
    if nf.ret == NTy::Str {
        let strs = nf.params.iter().zip(args).filter(|((_, t), _)| *t == NTy::Str).map(|(_, arg)| quote! { &#arg });
        passed.push(quote! { &[#(#strs),*] });
    }
    let module = mangle::raw(MODULE);
    // `__init__` returns None to Python; natively it returns its instance.
    let result = if nf.kind == crate::sema::infer::UnitKind::Init {
        quote! { Value::None }
    } else {
        quote! { rt::typed::ToValue::to_value(r) }
    };
    let call = if journal {
        quote! {
            let _mark = rt::fixed::mark();
            match #module::#rust(#(#passed,)* rt::typed::depth_budget()) {
                Ok(r) => {
                    rt::fixed::commit(_mark);
                    return Ok(#result);
                }
                Err(_) => rt::fixed::undo(_mark),
            }
        }
    } else {
        quote! {
            if let Ok(r) = #module::#rust(#(#passed,)* rt::typed::depth_budget()) {
                return Ok(#result);
            }
        }
    };
    if checks.is_empty() {
        return call;
    }
    quote! {
        if let (#(#converted,)*) = (#(#checks,)*) {
            #call
        }
    }
}

/// Code looping over some items, handing each to its callback.
type ItemLoop<'a, N> = dyn FnMut(&mut N, &mut dyn FnMut(TokenStream) -> TokenStream) -> LResult<TokenStream> + 'a;

/// Lowering state of one native function.
struct Nx<'w> {
    typer: Typer<'w>,
    kind: crate::sema::infer::UnitKind,
    first_param: String,
    counter: usize,
    /// Scalar locals held as `Option` (see `NativeFn::maybe_unbound`).
    maybe_unbound: std::collections::BTreeSet<String>,
    /// Self-calls in accumulator position, when they are made a loop.
    tail: Option<Tail>,
    /// The function whose self-calls go to its unchecked body.
    bounded: Option<String>,
    /// Whether that body goes without the depth budget, having no call
    /// but to itself.
    depthless: bool,
    /// Whether the code so far passes the budget to a call other than a
    /// bounded self-call.
    spends_depth: bool,
    /// Whether the body builds strs (and so needs an arena).
    arena: bool,
    /// In a generator: for each loop around the code being lowered,
    /// innermost last, where `break` and `continue` go when the loop is
    /// split at a yield (`None` for a loop lowered as a Rust loop).
    loops: Vec<Option<(TokenStream, TokenStream)>>,
    /// In a generator: the iterators of split loops.
    iters: Vec<Ident>,
    /// Of those, the positions in a list variable: the iterator, the
    /// list, and whether it is a parameter (a `Slice`).
    positions: Vec<(Ident, Ident, bool)>,
}

/// The accumulator and loop label of a function whose self-recursion is a
/// loop (see [`Tail`]).
const ACC: &str = "_acc";
/// The body of a function whose depth is bounded (see `bounded`).
const BOUNDED: &str = "_bounded";
const TAIL_LABEL: &str = "tail_call";

/// Self-recursion as a loop with an accumulator, the rewrite LLVM's
/// tail-recursion pass makes for `return fib(n - 1) + fib(n - 2)` with
/// plain adds but cannot make across our overflow checks: the last
/// self-call of `return a + f(x)` (or `a * f(x)`) becomes "add `a` to the
/// accumulator, set the parameters to `x`, go round again", and a plain
/// `return e` returns the accumulator combined with `e`.
///
/// Sound for int results only. Integer `+` and `*` are associative, so a
/// run with no overflow computes Python's exact value in any grouping, and
/// an overflow anywhere bails to the dynamic code as before. The depth
/// budget counts down each turn as it would each call, so the
/// RecursionError Python raises still comes where it would.
#[derive(Clone)]
struct Tail {
    name: String,
    op: ast::Operator,
    params: Vec<Ident>,
}

impl Tail {
    fn of(f: &ast::StmtFunctionDef, nf: &NativeFn) -> Option<Tail> {
        if nf.ret != NTy::Int || !nf.params.iter().all(|(_, t)| t.is_scalar()) {
            return None;
        }
        let name = f.name.as_str();
        let mut ops = Vec::new();
        crate::frontend::each_return(&f.body, &mut |_, v| {
            ops.extend(v.and_then(|v| tail_call(v, name, nf.params.len())).map(|(op, _, _)| op));
        });
        let op = *ops.first()?;
        ops.iter().all(|o| *o == op).then(|| Tail {
            name: name.to_string(),
            op,
            params: nf.params.iter().map(|(p, _)| mangle::ident(p)).collect(),
        })
    }

    fn identity(&self) -> proc_macro2::Literal {
        proc_macro2::Literal::i64_unsuffixed(if self.op == ast::Operator::Mult { 1 } else { 0 })
    }

    /// `acc OP v`, checked.
    fn combine(&self, v: TokenStream) -> TokenStream {
        let acc = mangle::raw(ACC);
        match self.op {
            ast::Operator::Mult => quote! { rt::typed::mul(#acc, #v)? },
            _ => quote! { rt::typed::add(#acc, #v)? },
        }
    }
}

/// `a OP name(args)` or `name(args) OP a` with `OP` one of `+` and `*` and
/// `arity` plain arguments: the operator, `a`, and the arguments. When
/// both operands are self-calls the right one is the tail, so the left
/// still runs first.
fn tail_call<'e>(
    e: &'e ast::Expr,
    name: &str,
    arity: usize,
) -> Option<(ast::Operator, &'e ast::Expr, &'e [ast::Expr])> {
    let ast::Expr::BinOp(b) = e else { return None };
    if !matches!(b.op, ast::Operator::Add | ast::Operator::Mult) {
        return None;
    }
    let self_call = |e: &'e ast::Expr| match e {
        ast::Expr::Call(c)
            if matches!(&*c.func, ast::Expr::Name(f) if f.id.as_str() == name)
                && c.keywords.is_empty()
                && c.args.len() == arity
                && !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) =>
        {
            Some(c.args.as_slice())
        }
        _ => None,
    };
    match (self_call(&b.right), self_call(&b.left)) {
        (Some(args), _) => Some((b.op, &*b.left, args)),
        (None, Some(args)) => Some((b.op, &*b.right, args)),
        (None, None) => None,
    }
}

fn internal<N: ast::Ranged>(node: &N, what: &str) -> Diagnostic {
    let (a, b) = span(node);
    Diagnostic::new(a, b, format!("internal error: native lowering of {what}"))
}

/// A piece of a str being formatted.
enum Part<'e> {
    Text(String),
    /// A value and its format spec.
    Field(&'e ast::Expr, String),
}

/// A str or one character of one as an `rt::typed::Piece` reference (a
/// character is encoded in place).
fn piece(v: TokenStream, t: &NTy) -> TokenStream {
    match t {
        NTy::Char => quote! { &rt::typed::char_text(#v) },
        _ => quote! { &#v },
    }
}

/// Truthiness of a native value.
fn truthy(v: TokenStream, t: &NTy) -> TokenStream {
    match t {
        NTy::Int => quote! { (#v != 0) },
        NTy::Float => quote! { (#v != 0.0) },
        NTy::Bool => v,
        NTy::List(_) => quote! { !#v.is_empty() },
        // Inference refuses the truth of an instance (it may define `__bool__`).
        NTy::Tuple(_) | NTy::Char | NTy::Gen(_) | NTy::Obj(_) => quote! { true },
        NTy::None => quote! { false },
        NTy::Opt(_) => quote! { #v.is_some() },
        NTy::Str | NTy::Dict(..) => quote! { !#v.is_empty() },
    }
}

/// An int-like value as `i64` (a bool counts as 0 or 1).
fn as_int(v: TokenStream, t: &NTy) -> TokenStream {
    if *t == NTy::Bool {
        quote! { (#v as i64) }
    } else {
        v
    }
}

fn as_float(v: TokenStream, t: &NTy) -> TokenStream {
    match t {
        NTy::Float => v,
        NTy::Int => quote! { (#v as f64) },
        _ => quote! { (#v as i64 as f64) },
    }
}

impl<'w> Nx<'w> {
    fn new(world: &'w World, nf: &NativeFn) -> Nx<'w> {
        Nx {
            kind: nf.kind,
            first_param: nf.params.first().map(|(n, _)| n.clone()).unwrap_or_default(),
            typer: Typer::for_lowering(world, nf),
            counter: 0,
            maybe_unbound: nf.maybe_unbound.clone(),
            tail: None,
            bounded: None,
            depthless: false,
            spends_depth: false,
            arena: false,
            loops: Vec::new(),
            iters: Vec::new(),
            positions: Vec::new(),
        }
    }

    /// The budget handed to a nested call, one less than this call's.
    fn spend_depth(&mut self) -> TokenStream {
        self.spends_depth = true;
        quote! { _depth - 1 }
    }

    fn generator(&self) -> bool {
        matches!(self.typer.returns(), Some(NTy::Gen(_)))
    }

    /// In `__init__`: its instance parameter, which it returns.
    fn init_self(&self) -> Option<Ident> {
        (self.kind == crate::sema::infer::UnitKind::Init).then(|| mangle::ident(&self.first_param))
    }
}

impl<'w> Nx<'w> {
    /// Whether `name` is a function local held as an `Option` here (not a
    /// comprehension variable of the same name): one that may be unbound,
    /// or one that holds `None` at times.
    fn optional(&self, name: &str) -> bool {
        !self.typer.in_comprehension(name)
            && (self.maybe_unbound.contains(name) || matches!(self.typer.var(name), Some(NTy::Opt(_))))
    }

    /// A Rust loop's body: `break` and `continue` in it are Rust's.
    fn rust_loop_body(&mut self, body: &[ast::Stmt]) -> LResult<Vec<TokenStream>> {
        self.loops.push(None);
        let r = self.block(body);
        self.loops.pop();
        r
    }

    /// Reads the local `name`; an unbound one bails.
    fn read_local(&self, name: &str) -> TokenStream {
        let id = mangle::ident(name);
        if self.optional(name) {
            quote! { #id.ok_or(Bail)? }
        } else {
            quote! { #id }
        }
    }

    /// `name = value` for the local `name`.
    fn write_local(&self, name: &str, value: TokenStream) -> TokenStream {
        let id = mangle::ident(name);
        if self.optional(name) {
            quote! { #id = Some(#value); }
        } else {
            quote! { #id = #value; }
        }
    }

    fn fresh(&mut self, kind: &str) -> Ident {
        self.counter += 1;
        mangle::temp(kind, self.counter)
    }

    fn ty(&mut self, e: &ast::Expr) -> LResult<NTy> {
        match self.typer.expr(e) {
            Ok(Some(t)) => Ok(t),
            _ => Err(internal(e, "an untyped expression")),
        }
    }

    fn block(&mut self, body: &[ast::Stmt]) -> LResult<Vec<TokenStream>> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &ast::Stmt) -> LResult<TokenStream> {
        use ast::Stmt as S;
        Ok(match s {
            S::Pass(_) => quote! {},
            S::Break(_) => match self.loops.last() {
                Some(Some((on_break, _))) => on_break.clone(),
                _ => quote! { break; },
            },
            S::Continue(_) => match self.loops.last() {
                Some(Some((_, on_continue))) => on_continue.clone(),
                _ => quote! { continue; },
            },
            S::Expr(e) => match &*e.value {
                ast::Expr::Constant(_) => quote! {},
                ast::Expr::Call(c) => match append_target(c) {
                    Some((list, value)) => {
                        let v = self.expr(value)?.0;
                        let l = mangle::ident(list);
                        quote! { #l.push(#v); }
                    }
                    None => {
                        let v = self.expr(&e.value)?.0;
                        quote! { let _ = #v; }
                    }
                },
                _ => return Err(internal(s, "an expression statement")),
            },
            S::Assign(a) => self.assign(&a.targets[0], &a.value)?,
            S::AnnAssign(a) => match &a.value {
                Some(v) => self.assign(&a.target, v)?,
                None => quote! {},
            },
            S::AugAssign(a) => self.aug_assign(a)?,
            S::If(i) => {
                let c = self.cond(&i.test)?;
                let body = self.block(&i.body)?;
                if i.orelse.is_empty() {
                    quote! { if #c { #(#body)* } }
                } else {
                    let orelse = self.block(&i.orelse)?;
                    quote! { if #c { #(#body)* } else { #(#orelse)* } }
                }
            }
            S::While(w) => {
                let body = self.rust_loop_body(&w.body)?;
                if matches!(&*w.test, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true))) {
                    quote! { loop { #(#body)* } }
                } else {
                    let c = self.cond(&w.test)?;
                    quote! { while #c { #(#body)* } }
                }
            }
            S::For(f) => {
                let body = self.rust_loop_body(&f.body)?;
                self.for_loop(&f.target, &f.iter, false, quote! { #(#body)* })?
            }
            // A generator's `return` ends it.
            S::Return(_) if self.generator() => quote! { return Ok(None); },
            S::Return(r) => {
                let v = match r.value.as_deref() {
                    Some(ast::Expr::Tuple(t)) => {
                        let items = t.elts.iter().map(|e| self.expr(e).map(|v| v.0)).collect::<LResult<Vec<_>>>()?;
                        quote! { (#(#items),*) }
                    }
                    Some(ast::Expr::Name(n))
                        if !self.typer.is_param(n.id.as_str())
                            && self.typer.var(n.id.as_str()).is_some_and(|t| t.is_container()) =>
                    {
                        // A local list moves out; nothing reads it after.
                        let id = mangle::ident(n.id.as_str());
                        quote! { #id }
                    }
                    Some(v) if self.tail.is_some() => return self.tail_return(v),
                    Some(v) if self.typer.returns().is_some_and(|t| matches!(t, NTy::Opt(_))) => {
                        let v = self.optional_instance_value(v)?;
                        return Ok(quote! { return Ok(#v); });
                    }
                    Some(ast::Expr::Call(c))
                        if let ast::Expr::Attribute(a) = &*c.func
                            && a.attr.as_str() == "join" =>
                    {
                        let v = self.join(a, c, true)?;
                        return Ok(quote! { return Ok(#v); });
                    }
                    // `return None` from a function that returns nothing else.
                    Some(ast::Expr::Constant(c))
                        if matches!(c.value, ast::Constant::None) && self.typer.returns() == Some(&NTy::None) =>
                    {
                        return Ok(quote! { return Ok(()); });
                    }
                    Some(v) => self.expr(v)?.0,
                    None => match self.init_self() {
                        Some(me) => return Ok(quote! { return Ok(#me); }),
                        None if self.typer.returns() == Some(&NTy::None) => return Ok(quote! { return Ok(()); }),
                        None if self.typer.returns().is_some_and(|t| matches!(t, NTy::Opt(_))) => {
                            return Ok(quote! { return Ok(None); });
                        }
                        None => return Err(internal(s, "a bare return")),
                    },
                };
                // `lower()` and `upper()` always make a new str in CPython,
                // even when nothing changes (here the text is shared then).
                let recased = matches!(r.value.as_deref(), Some(ast::Expr::Call(c))
                    if matches!(&*c.func, ast::Expr::Attribute(a) if RECASE_METHODS.contains(&a.attr.as_str())));
                if self.typer.returns() == Some(&NTy::Str) && !recased {
                    let origins = mangle::raw(ORIGINS);
                    return Ok(quote! { return Ok(rt::typed::text_return(#v, #origins)); });
                }
                if self.typer.returns().is_some_and(NTy::leaves_as_value) {
                    return Ok(quote! { return Ok(rt::typed::ToValue::to_value(#v)); });
                }
                quote! { return Ok(#v); }
            }
            _ => return Err(internal(s, "a statement")),
        })
    }

    /// `return v` in a function whose self-recursion is a loop.
    fn tail_return(&mut self, v: &ast::Expr) -> LResult<TokenStream> {
        let Some(tail) = self.tail.clone() else { return Err(internal(v, "a tail return")) };
        if let Some((op, other, args)) = tail_call(v, &tail.name, tail.params.len())
            && op == tail.op
            && self.ty(other)? == NTy::Int
        {
            let part = self.fresh("part");
            let a = self.expr(other)?.0;
            let mut next = Vec::new();
            let mut store = Vec::new();
            for (arg, param) in args.iter().zip(&tail.params) {
                let t = self.fresh("next");
                let v = self.expr(arg)?.0;
                next.push(quote! { let #t = #v; });
                store.push(quote! { #param = #t; });
            }
            let (acc, combined) = (mangle::raw(ACC), tail.combine(quote! { #part }));
            let spend = (!self.depthless).then(|| quote! { _depth -= 1; });
            let l = super::lifetime(&mangle::raw(TAIL_LABEL));
            return Ok(quote! {
                let #part = #a;
                #(#next)*
                #acc = #combined;
                #(#store)*
                #spend
                continue #l;
            });
        }
        let v = self.expr(v)?.0;
        let combined = tail.combine(v);
        Ok(quote! { return Ok(#combined); })
    }

    fn assign(&mut self, target: &ast::Expr, value: &ast::Expr) -> LResult<TokenStream> {
        match target {
            ast::Expr::Name(n) => {
                let id = mangle::ident(n.id.as_str());
                if let ast::Expr::List(l) = value
                    && l.elts.is_empty()
                {
                    return Ok(quote! { #id = Vec::new(); });
                }
                if let ast::Expr::Dict(d) = value
                    && d.keys.is_empty()
                {
                    return Ok(quote! { #id = rt::typed::Map::new(); });
                }
                if matches!(value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None)) {
                    return Ok(quote! { #id = None; });
                }
                if self.optional(n.id.as_str())
                    && self.typer.var(n.id.as_str()).is_some_and(|t| matches!(t, NTy::Opt(_)) && t.holds_instance())
                {
                    let v = self.optional_instance_value(value)?;
                    return Ok(quote! { #id = #v; });
                }
                if let Some(source) = self.local_list_copy(value)
                    && !self.typer.is_param(n.id.as_str())
                {
                    // `xs = ys[:]` refills `xs`, keeping its allocation.
                    return Ok(quote! { #id.clone_from(&#source); });
                }
                let v = self.expr(value)?.0;
                Ok(self.write_local(n.id.as_str(), v))
            }
            ast::Expr::Subscript(s) => {
                let v = self.expr(value)?.0;
                self.store(s, v, simple(value))
            }
            ast::Expr::Attribute(a) if self.ty(value)? == NTy::None => {
                // A call that returns None runs first, for what it does.
                let run = match value {
                    ast::Expr::Constant(_) => quote! {},
                    _ => {
                        let v = self.expr(value)?.0;
                        quote! { #v; }
                    }
                };
                let (obj, class) = self.instance(&a.value)?;
                let i = self.field_index(a, class)?;
                let key = (class.name.clone(), a.attr.to_string());
                // What None replaces must be what the field holds otherwise.
                let store = match self.typer.world().field_types.get(&key) {
                    Some(NTy::Obj(c)) => {
                        let layout = layout_ident(c);
                        quote! { #obj.set_none_obj(#i, &#layout)?; }
                    }
                    _ => quote! { #obj.set_none(#i)?; },
                };
                Ok(quote! { #run #store })
            }
            ast::Expr::Attribute(a) => {
                // Python computes the value before the object it goes into.
                let v = self.expr(value)?.0;
                let tmp = self.fresh("v");
                let (obj, _) = self.instance(&a.value)?;
                let store = self.field_store(&obj, a, quote! { #tmp })?;
                Ok(quote! { let #tmp = #v; #store })
            }
            ast::Expr::Tuple(t) => {
                let values: Vec<TokenStream> = match value {
                    ast::Expr::Tuple(v) => v.elts.iter().map(|e| self.expr(e).map(|v| v.0)).collect::<LResult<_>>()?,
                    other => {
                        let v = self.expr(other)?.0;
                        let tmp = self.fresh("t");
                        let n = t.elts.len();
                        let parts: Vec<TokenStream> = (0..n)
                            .map(|i| {
                                let i = syn::Index::from(i);
                                quote! { #tmp.#i }
                            })
                            .collect();
                        let temps: Vec<Ident> = (0..n).map(|_| self.fresh("t")).collect();
                        let stores = self.tuple_stores(&t.elts, &temps)?;
                        return Ok(quote! { let #tmp = #v; #(let #temps = #parts;)* #(#stores)* });
                    }
                };
                let temps: Vec<Ident> = (0..values.len()).map(|_| self.fresh("t")).collect();
                let stores = self.tuple_stores(&t.elts, &temps)?;
                Ok(quote! { #(let #temps = #values;)* #(#stores)* })
            }
            _ => Err(internal(target, "an assignment target")),
        }
    }

    /// Assigns the temporaries `temps` to the targets, left to right.
    fn tuple_stores(&mut self, targets: &[ast::Expr], temps: &[Ident]) -> LResult<Vec<TokenStream>> {
        let mut out = Vec::new();
        for (target, tmp) in targets.iter().zip(temps) {
            out.push(match target {
                ast::Expr::Name(n) => self.write_local(n.id.as_str(), quote! { #tmp }),
                ast::Expr::Subscript(s) => self.store(s, quote! { #tmp }, true)?,
                _ => return Err(internal(target, "a tuple target")),
            });
        }
        Ok(out)
    }

    /// `ys` when `e` is `ys[:]` for a local (not parameter) list `ys`.
    fn local_list_copy(&self, e: &ast::Expr) -> Option<Ident> {
        let ast::Expr::Subscript(s) = e else { return None };
        let (ast::Expr::Name(n), ast::Expr::Slice(_)) = (&*s.value, &*s.slice) else { return None };
        (!self.typer.is_param(n.id.as_str())).then(|| mangle::ident(n.id.as_str()))
    }

    /// `xs[i] = value` on a local list. The value and the index are
    /// computed before the list is borrowed for the store (they may read
    /// it), unless they are a name or a constant.
    fn store(&mut self, s: &ast::ExprSubscript, value: TokenStream, value_simple: bool) -> LResult<TokenStream> {
        let ast::Expr::Name(n) = &*s.value else { return Err(internal(s, "a stored list")) };
        let list = mangle::ident(n.id.as_str());
        let mut setup = Vec::new();
        let value = self.settled(value, value_simple, "v", &mut setup);
        let i = self.expr(&s.slice)?.0;
        let i = self.settled(i, simple(&s.slice), "k", &mut setup);
        if let Some(NTy::Dict(..)) = self.typer.var(n.id.as_str()) {
            return Ok(quote! { #(#setup)* #list.insert(#i, #value); });
        }
        Ok(quote! {
            #(#setup)*
            *rt::typed::slot(&mut #list, #i)? = #value;
        })
    }

    /// `value` itself when `simple`, else a temporary bound to it in `setup`.
    fn settled(&mut self, value: TokenStream, simple: bool, kind: &str, setup: &mut Vec<TokenStream>) -> TokenStream {
        if simple {
            return value;
        }
        let tmp = self.fresh(kind);
        setup.push(quote! { let #tmp = #value; });
        quote! { #tmp }
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> LResult<TokenStream> {
        let rhs_ty = self.ty(&a.value)?;
        let rhs = self.expr(&a.value)?.0;
        match &*a.target {
            ast::Expr::Name(n) => {
                let id = mangle::ident(n.id.as_str());
                let t = self.ty(&a.target)?;
                if let NTy::List(_) = t {
                    let r = self.fresh("r");
                    return Ok(match a.op {
                        ast::Operator::Add => quote! { let #r = #rhs; #id.extend_from_slice(&#r[..]); },
                        _ => quote! { let #r = #rhs; #id = rt::typed::repeat(&#id[..], #r)?; },
                    });
                }
                let cur = self.read_local(n.id.as_str());
                let v = self.binop(a.op, (cur, t), (rhs, rhs_ty), &a.target)?.0;
                Ok(self.write_local(n.id.as_str(), v))
            }
            ast::Expr::Subscript(s) => {
                let ast::Expr::Name(n) = &*s.value else { return Err(internal(s, "a stored list")) };
                let list = mangle::ident(n.id.as_str());
                let t = self.ty(&a.target)?;
                // The index, then the value (Python's order: a method the
                // value calls may change what the index reads), both
                // before the item is borrowed.
                let mut setup = Vec::new();
                let i = self.expr(&s.slice)?.0;
                let i = self.settled(i, simple(&s.slice), "k", &mut setup);
                let rhs = self.settled(rhs, simple(&a.value), "r", &mut setup);
                let item = self.fresh("item");
                let v = self.binop(a.op, (quote! { *#item }, t), (rhs, rhs_ty), &a.target)?.0;
                let slot = match self.typer.var(n.id.as_str()) {
                    Some(NTy::Dict(..)) => quote! { #list.slot(#i)? },
                    _ => quote! { rt::typed::slot(&mut #list, #i)? },
                };
                Ok(quote! {
                    #(#setup)*
                    let #item = #slot;
                    *#item = #v;
                })
            }
            ast::Expr::Attribute(attr) => {
                let t = self.ty(&a.target)?;
                let (obj, _) = self.instance(&attr.value)?;
                let (o, cur, r, v) = (self.fresh("o"), self.fresh("cur"), self.fresh("r"), self.fresh("v"));
                let read = self.field_get(&quote! { #o }, attr, &t)?;
                let sum = self.binop(a.op, (quote! { #cur }, t), (quote! { #r }, rhs_ty), &a.target)?.0;
                let store = self.field_store(&quote! { #o }, attr, quote! { #v })?;
                // The object, then its field, then the value, as Python does.
                Ok(quote! {
                    let #o = &#obj;
                    let #cur = #read;
                    let #r = #rhs;
                    let #v = #sum;
                    #store
                })
            }
            other => Err(internal(other, "an augmented target")),
        }
    }

    /// An instance to read a field of or call a method on, as a place
    /// (a variable is used in place), with its class.
    fn instance(&mut self, e: &ast::Expr) -> LResult<(TokenStream, &'w crate::sema::fixed::FixedClass)> {
        let class = self.class_of(e)?;
        let v = match e {
            // A local that may hold None: its instance, or a bail.
            ast::Expr::Name(n) if self.optional(n.id.as_str()) => {
                let id = mangle::ident(n.id.as_str());
                quote! { (#id.as_ref().ok_or(Bail)?) }
            }
            ast::Expr::Name(n) => {
                let id = mangle::ident(n.id.as_str());
                quote! { #id }
            }
            _ => {
                let v = self.expr(e)?.0;
                quote! { (#v) }
            }
        };
        Ok((v, class))
    }

    /// A value where an instance or None goes (an argument, a return
    /// value, a local), as an `Option<Obj>`: a field or local that may
    /// hold None is read as it is, an instance wrapped in `Some`.
    fn optional_instance_value(&mut self, a: &ast::Expr) -> LResult<TokenStream> {
        if matches!(a, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None)) {
            return Ok(quote! { None });
        }
        if let Ok(Some(_)) = self.typer.optional_instance(a) {
            return self.optional_instance(a);
        }
        let optional = matches!(self.ty(a)?, NTy::Opt(_));
        let v = self.expr(a)?.0;
        Ok(if optional {
            v
        } else {
            quote! { Some(#v) }
        })
    }

    /// A local or field that holds an instance or None, as it is.
    fn optional_instance(&mut self, value: &ast::Expr) -> LResult<TokenStream> {
        match value {
            ast::Expr::Name(other) => {
                let other = mangle::ident(other.id.as_str());
                Ok(quote! { #other.clone() })
            }
            ast::Expr::Attribute(a) => {
                let (obj, class) = self.instance(&a.value)?;
                let i = self.field_index(a, class)?;
                let Some(NTy::Obj(c)) = self.typer.world().field_types.get(&(class.name.clone(), a.attr.to_string()))
                else {
                    return Err(internal(a, "a field holding an instance or None"));
                };
                let layout = layout_ident(c);
                Ok(quote! { #obj.get_opt_obj(#i, &#layout)? })
            }
            other => Err(internal(other, "an instance or None")),
        }
    }

    /// The fixed-layout class of an instance expression.
    fn class_of(&mut self, e: &ast::Expr) -> LResult<&'w crate::sema::fixed::FixedClass> {
        let t = self.ty(e)?;
        self.typer.world().class_of(&t).ok_or_else(|| internal(e, "an instance"))
    }

    /// The index of a field, as a literal.
    fn field_index(
        &self,
        a: &ast::ExprAttribute,
        class: &crate::sema::fixed::FixedClass,
    ) -> LResult<proc_macro2::Literal> {
        let i = class.field(a.attr.as_str()).ok_or_else(|| internal(a, "a field"))?;
        Ok(proc_macro2::Literal::usize_unsuffixed(i))
    }

    /// `obj.field` read, the field of type `t`. A scalar two fields away
    /// (`self.pos.x`) is read in place, with no handle to the middle one.
    fn field_read(&mut self, a: &ast::ExprAttribute, t: &NTy) -> LResult<TokenStream> {
        if t.is_scalar()
            && let ast::Expr::Attribute(inner) = &*a.value
            && let NTy::Obj(middle) = self.ty(&a.value)?
            && !matches!(&*inner.value, ast::Expr::Name(m) if m.id.as_str() == "math")
        {
            let (outer, outer_class) = self.instance(&inner.value)?;
            let i = self.field_index(inner, outer_class)?;
            let middle_class = self.class_of(&a.value)?;
            let j = self.field_index(a, middle_class)?;
            let (ty, layout) = (rust_ty(t, false), layout_ident(&middle));
            return Ok(quote! { #outer.get_via::<#ty>(#i, &#layout, #j)? });
        }
        let (obj, _) = self.instance(&a.value)?;
        self.field_get(&obj, a, t)
    }

    /// Reads field `a.attr` of the instance `obj` (of `a.value`'s class).
    fn field_get(&mut self, obj: &TokenStream, a: &ast::ExprAttribute, t: &NTy) -> LResult<TokenStream> {
        let class = self.class_of(&a.value)?;
        let i = self.field_index(a, class)?;
        Ok(match t {
            NTy::Obj(c) => {
                let layout = layout_ident(c);
                quote! { #obj.get_obj(#i, &#layout)? }
            }
            t => {
                let ty = rust_ty(t, false);
                quote! { #obj.get::<#ty>(#i)? }
            }
        })
    }

    /// Stores `v` into field `a.attr` of the instance `obj`.
    fn field_store(&mut self, obj: &TokenStream, a: &ast::ExprAttribute, v: TokenStream) -> LResult<TokenStream> {
        let class = self.class_of(&a.value)?;
        let i = self.field_index(a, class)?;
        let key = (class.name.clone(), a.attr.to_string());
        Ok(match self.typer.world().field_types.get(&key) {
            Some(NTy::Obj(c)) => {
                let layout = layout_ident(c);
                quote! { #obj.set_obj(#i, #v, &#layout)?; }
            }
            Some(_) => quote! { #obj.set(#i, #v)?; },
            None => return Err(internal(a, "a field store")),
        })
    }

    /// The arguments of a call of a native unit whose parameters (after
    /// any receiver) are `params`.
    fn unit_args(&mut self, args: &[ast::Expr], params: &[(String, NTy)]) -> LResult<Vec<TokenStream>> {
        let params = &params[params.len().saturating_sub(args.len())..];
        let mut out = Vec::new();
        for (a, (_, pt)) in args.iter().zip(params) {
            if let NTy::Opt(inner) = pt
                && inner.holds_instance()
            {
                out.push(self.optional_instance_value(a)?);
                continue;
            }
            let by_value = pt.is_copy() || matches!(pt, NTy::Gen(_) | NTy::Obj(_));
            out.push(if by_value { self.expr(a)?.0 } else { self.slice_arg(a)? });
        }
        Ok(out)
    }

    /// `C(args)`: a new instance, through the native `__init__` if any.
    fn construct(&mut self, class: &str, args: &[ast::Expr]) -> LResult<TokenStream> {
        let layout = layout_ident(class);
        let init = format!("{class}.__init__");
        let Some(sig) = self.typer.world().sigs.get(&init) else {
            return Ok(quote! { rt::typed::Obj::new(&#layout)? });
        };
        let params = sig.params.clone();
        let args = self.unit_args(args, &params)?;
        let f = method_ident(class, "__init__");
        let depth = self.spend_depth();
        Ok(quote! { #f(rt::typed::Obj::new(&#layout)?, #(#args,)* #depth)? })
    }

    /// `super().method(args)`: the def it finds, called on the instance
    /// parameter; `super().__init__()` of `object` does nothing.
    fn super_call(&mut self, e: &ast::Expr, a: &ast::ExprAttribute, args: &[ast::Expr]) -> LResult<TokenStream> {
        let Ok((target, _)) = self.typer.super_target(e, a.attr.as_str()) else { return Err(internal(e, "super()")) };
        let Some(target) = target else { return Ok(quote! { () }) };
        let Some(sig) = self.typer.world().sigs.get(&target) else { return Err(internal(e, "super()")) };
        let params = sig.params.clone();
        let args = self.unit_args(args, &params)?;
        let Some((class, method)) = target.split_once('.') else { return Err(internal(e, "super()")) };
        let (f, me) = (method_ident(class, method), mangle::ident(&self.first_param));
        let depth = self.spend_depth();
        let call = quote! { #f(#me.clone(), #(#args,)* #depth)? };
        // Natively `__init__` returns its instance; Python's returns None.
        Ok(if a.attr.as_str() == "__init__" {
            quote! { { #call; } }
        } else {
            call
        })
    }

    /// `obj.method(args)` on an instance of a fixed-layout class.
    fn method_call(&mut self, a: &ast::ExprAttribute, args: &[ast::Expr]) -> LResult<Option<TokenStream>> {
        let world = self.typer.world();
        if !world.may_call_method(a, |n| self.typer.var(n).is_some_and(|t| t.holds_instance())) {
            return Ok(None);
        }
        let Ok(Some(t)) = self.typer.expr(&a.value) else { return Ok(None) };
        let Some(class) = world.class_of(&t) else { return Ok(None) };
        let name = format!("{}.{}", class.name, a.attr);
        let Some(sig) = self.typer.world().sigs.get(&name) else { return Err(internal(a, "a method call")) };
        let params = sig.params.clone();
        // Another handle to the instance, for the method's `self`.
        let recv = self.expr(&a.value)?.0;
        let args = self.unit_args(args, &params)?;
        let f = method_ident(&class.name, a.attr.as_str());
        let depth = self.spend_depth();
        Ok(Some(quote! { #f(#recv, #(#args,)* #depth)? }))
    }

    /// A `for` loop (or one generator of a comprehension when `comp`) over
    /// `iter`, binding `target` and running `body` each time.
    fn for_loop(
        &mut self,
        target: &ast::Expr,
        iter: &ast::Expr,
        comp: bool,
        body: TokenStream,
    ) -> LResult<TokenStream> {
        let Ok(Some(it)) = self.typer.iteration(iter) else { return Err(internal(iter, "an iteration")) };
        let names: Vec<&ast::ExprName> = match target {
            ast::Expr::Name(n) => vec![n],
            ast::Expr::Tuple(t) => {
                t.elts.iter().filter_map(|e| if let ast::Expr::Name(n) = e { Some(n) } else { None }).collect()
            }
            _ => return Err(internal(target, "a loop target")),
        };
        let items: Vec<Ident> = names.iter().map(|_| self.fresh("item")).collect();
        let binds: Vec<TokenStream> = names
            .iter()
            .zip(&items)
            .map(|(n, item)| {
                let id = mangle::ident(n.id.as_str());
                if comp {
                    quote! { let #id = #item; }
                } else {
                    self.write_local(n.id.as_str(), quote! { #item })
                }
            })
            .collect();
        let inner = quote! { #(#binds)* #body };
        let call_args = |e: &ast::Expr| match e {
            ast::Expr::Call(c) => c.args.clone(),
            _ => Vec::new(),
        };
        Ok(match it {
            Iteration::Range => {
                let item = &items[0];
                let range = self.range(iter)?;
                quote! { for #item in #range { #inner } }
            }
            // A list parameter cannot change while the loop runs.
            Iteration::List(_) if matches!(iter, ast::Expr::Name(n) if self.typer.is_param(n.id.as_str())) => {
                let item = &items[0];
                let (_, seqs) = self.sequences(std::slice::from_ref(iter))?;
                let s = &seqs[0].0;
                let k = self.fresh("k");
                quote! { for #k in 0..#s.len() { let #item = #s.at(#k)?; #inner } }
            }
            Iteration::List(_) => {
                let (setup, seqs) = self.sequences(std::slice::from_ref(iter))?;
                self.live_loop(setup, &seqs, &items, None, inner)
            }
            Iteration::Enumerate(_) => {
                let (setup, seqs) = self.sequences(&call_args(iter))?;
                self.live_loop(setup, &seqs, &items[1..], Some(&items[0]), inner)
            }
            Iteration::Zip(_) => {
                let (setup, seqs) = self.sequences(&call_args(iter))?;
                self.live_loop(setup, &seqs, &items, None, inner)
            }
            Iteration::Chars => {
                let text = self.expr(iter)?.0;
                let item = &items[0];
                quote! { for #item in #text.chars() { #inner } }
            }
            Iteration::Dict(_, _, part) => {
                let Some((dict, _)) = crate::sema::infer::dict_loop(iter) else {
                    return Err(internal(iter, "a dict loop"));
                };
                let d = mangle::ident(dict);
                let (k, n) = (self.fresh("k"), self.fresh("n"));
                let take = match part {
                    DictPart::Keys => {
                        let item = &items[0];
                        quote! { let #item = #d.entry_at(#k).0; }
                    }
                    DictPart::Values => {
                        let item = &items[0];
                        quote! { let #item = #d.entry_at(#k).1; }
                    }
                    DictPart::Items => {
                        let (key, value) = (&items[0], &items[1]);
                        quote! { let (#key, #value) = #d.entry_at(#k); }
                    }
                };
                // Python's dict iterator raises RuntimeError when the size
                // changes under it, at the next step (the one finding the
                // end included): native code bails there instead.
                quote! {
                    let #n = #d.len();
                    let mut #k = 0usize;
                    loop {
                        if #d.len() != #n {
                            return Err(Bail);
                        }
                        if #k == #n {
                            break;
                        }
                        #take
                        #k += 1;
                        #inner
                    }
                }
            }
            Iteration::Gen(_) => {
                let pattern = match items.as_slice() {
                    [one] => quote! { #one },
                    many => quote! { (#(#many),*) },
                };
                let (setup, source) = self.stepped(iter)?;
                quote! { #setup while let Some(#pattern) = #source.step()? { #inner } }
            }
            Iteration::Split => {
                let ast::Expr::Call(c) = iter else { return Err(internal(iter, "a split()")) };
                let ast::Expr::Attribute(a) = &*c.func else { return Err(internal(iter, "a split()")) };
                let text = self.expr(&a.value)?.0;
                let item = &items[0];
                quote! { for #item in #text.split() { #inner } }
            }
        })
    }

    /// `iter` as a generator parameter, which is stepped in place.
    fn generator_param(&self, iter: &ast::Expr) -> Option<Ident> {
        let ast::Expr::Name(n) = iter else { return None };
        let name = n.id.as_str();
        (self.typer.is_param(name) && matches!(self.typer.var(name), Some(NTy::Gen(_)))).then(|| mangle::ident(name))
    }

    /// The values of `range(...)`, as a Rust range when the step is 1.
    fn range(&mut self, iter: &ast::Expr) -> LResult<TokenStream> {
        let ast::Expr::Call(c) = iter else { return Err(internal(iter, "a range()")) };
        let mut vals = Vec::new();
        for a in &c.args {
            vals.push(self.expr(a)?.0);
        }
        Ok(match vals.as_slice() {
            [stop] => quote! { 0..#stop },
            [start, stop] => quote! { #start..#stop },
            [start, stop, step] => quote! { rt::typed::range(#start, #stop, #step)? },
            _ => return Err(internal(iter, "range arguments")),
        })
    }

    /// A generator a loop steps: a parameter in place, or one a call makes
    /// (into a fresh variable, set up by the returned code).
    fn stepped(&mut self, iter: &ast::Expr) -> LResult<(TokenStream, Ident)> {
        if let Some(param) = self.generator_param(iter) {
            return Ok((quote! {}, param));
        }
        let v = self.expr(iter)?.0;
        let g = self.fresh("gen");
        Ok((quote! { let mut #g = #v; }, g))
    }

    /// A loop over lists in step, by index, re-reading their lengths each
    /// time as Python's list iterators do; `count` gets the index (enumerate).
    fn live_loop(
        &mut self,
        setup: TokenStream,
        seqs: &[(TokenStream, bool)],
        items: &[Ident],
        count: Option<&Ident>,
        inner: TokenStream,
    ) -> TokenStream {
        let k = self.fresh("k");
        let count = count.map(|c| quote! { let #c = #k as i64; });
        let lens = seqs.iter().map(|(s, _)| s);
        // A parameter's items may still need their type checked.
        let reads = seqs.iter().map(|(s, param)| {
            if *param {
                quote! { #s.at(#k)? }
            } else {
                quote! { #s[#k] }
            }
        });
        quote! {
            #setup
            let mut #k = 0usize;
            while #(#k < #lens.len())&&* {
                #count
                #(let #items = #reads;)*
                #k += 1;
                #inner
            }
        }
    }

    /// Lists to iterate: a variable is read live (Python's list iterator
    /// sees changes made by the loop body); anything else is evaluated once.
    /// Each comes with whether it is a list parameter (a `Slice`).
    fn sequences(&mut self, exprs: &[ast::Expr]) -> LResult<(TokenStream, Vec<(TokenStream, bool)>)> {
        let mut setup = Vec::new();
        let mut seqs = Vec::new();
        for e in exprs {
            if let ast::Expr::Name(n) = e {
                let id = mangle::ident(n.id.as_str());
                seqs.push((quote! { #id }, self.typer.is_param(n.id.as_str())));
            } else {
                let v = self.expr(e)?.0;
                let tmp = self.fresh("seq");
                setup.push(quote! { let #tmp = #v; });
                seqs.push((quote! { #tmp }, false));
            }
        }
        Ok((quote! { #(#setup)* }, seqs))
    }

    /// A condition as a Rust `bool`.
    fn cond(&mut self, e: &ast::Expr) -> LResult<TokenStream> {
        if let ast::Expr::BoolOp(b) = e {
            let parts = b.values.iter().map(|v| self.cond(v)).collect::<LResult<Vec<_>>>()?;
            return Ok(match b.op {
                ast::BoolOp::And => quote! { (#(#parts)&&*) },
                ast::BoolOp::Or => quote! { (#(#parts)||*) },
            });
        }
        let (v, t) = self.expr(e)?;
        Ok(truthy(v, &t))
    }

    /// A list expression as a borrowed slice (no copy for variables).
    /// A list parameter is copied here (its items checked): callers use
    /// this where the work is proportional to the length anyway.
    fn slice(&mut self, e: &ast::Expr) -> LResult<TokenStream> {
        if let ast::Expr::Name(n) = e {
            let id = mangle::ident(n.id.as_str());
            if self.typer.is_param(n.id.as_str()) {
                return Ok(quote! { (&#id.to_vec()?[..]) });
            }
            return Ok(quote! { (&#id[..]) });
        }
        let v = self.expr(e)?.0;
        Ok(quote! { (&(#v)[..]) })
    }

    /// A list argument for a native function's list parameter.
    fn slice_arg(&mut self, e: &ast::Expr) -> LResult<TokenStream> {
        if let ast::Expr::Name(n) = e {
            let id = mangle::ident(n.id.as_str());
            if self.typer.is_param(n.id.as_str()) {
                return Ok(quote! { #id });
            }
            return Ok(quote! { rt::typed::Slice::Native(&#id) });
        }
        let v = self.expr(e)?.0;
        Ok(quote! { rt::typed::Slice::Native(&#v) })
    }

    /// An expression as an owned native value, with its type.
    fn expr(&mut self, e: &ast::Expr) -> LResult<(TokenStream, NTy)> {
        use ast::Expr as E;
        let t = self.ty(e)?;
        let v = match e {
            E::Constant(c) => match &c.value {
                ast::Constant::Int(i) => {
                    use num_traits::ToPrimitive;
                    let i = i.to_i64().ok_or_else(|| internal(e, "an int"))?;
                    // Beyond `i32`, Rust needs the type where nothing else
                    // gives it (`6 < 9223372036854775807`).
                    let lit = if i32::try_from(i).is_ok() {
                        proc_macro2::Literal::i64_unsuffixed(i)
                    } else {
                        proc_macro2::Literal::i64_suffixed(i)
                    };
                    quote! { #lit }
                }
                ast::Constant::Float(f) if f.is_finite() => {
                    let lit = proc_macro2::Literal::f64_unsuffixed(*f);
                    quote! { #lit }
                }
                ast::Constant::Float(f) => super::expr::float_tokens(*f),
                ast::Constant::Bool(b) => quote! { #b },
                ast::Constant::Str(text) => {
                    let chars = proc_macro2::Literal::usize_unsuffixed(text.chars().count());
                    quote! { rt::typed::Text::lit(#text, #chars) }
                }
                _ => return Err(internal(e, "a constant")),
            },
            E::Name(n) if self.typer.var(n.id.as_str()).is_none() => {
                match self.typer.world().consts.get(n.id.as_str()) {
                    Some(Const::Int(i)) => {
                        let lit = proc_macro2::Literal::i64_unsuffixed(*i);
                        quote! { #lit }
                    }
                    Some(Const::Float(f)) => super::expr::float_tokens(*f),
                    Some(Const::Bool(b)) => quote! { #b },
                    // Only ever looked into (`_ in name`): the slice itself.
                    Some(Const::Texts(_)) => {
                        let id = mangle::ident(n.id.as_str());
                        quote! { #id }
                    }
                    None => return Err(internal(e, "a global")),
                }
            }
            E::Name(n) if t.is_copy() => self.read_local(n.id.as_str()),
            // An instance is shared: another handle to it (a bail if the
            // local holds None).
            E::Name(n) if matches!(t, NTy::Obj(_)) && self.optional(n.id.as_str()) => {
                let id = mangle::ident(n.id.as_str());
                quote! { #id.clone().ok_or(Bail)? }
            }
            E::Name(n) if matches!(t, NTy::Obj(_)) => {
                let id = mangle::ident(n.id.as_str());
                quote! { #id.clone() }
            }
            // A dict is only ever read in place.
            E::Name(n) if matches!(t, NTy::Dict(..)) => {
                let id = mangle::ident(n.id.as_str());
                quote! { (&#id) }
            }
            E::Name(n) if self.typer.is_param(n.id.as_str()) => {
                let id = mangle::ident(n.id.as_str());
                quote! { #id.to_vec()? }
            }
            E::Name(n) => {
                let id = mangle::ident(n.id.as_str());
                quote! { #id.to_vec() }
            }
            E::BinOp(b) if b.op == ast::Operator::Mod && t == NTy::Str => {
                let fmt = self.expr(&b.left)?.0;
                let mut args = Vec::new();
                for a in crate::sema::infer::percent_args(&b.right) {
                    let (v, at) = self.expr(a)?;
                    args.push(match at {
                        NTy::Int => quote! { Value::Int(#v) },
                        NTy::Float => quote! { Value::Float(#v) },
                        NTy::Bool => quote! { Value::Bool(#v) },
                        text => {
                            let p = piece(v, &text);
                            quote! { rt::typed::text_value(#p) }
                        }
                    });
                }
                let arena = self.use_arena();
                quote! { rt::typed::percent(#fmt, &[#(#args),*], &#arena)? }
            }
            E::BinOp(b) => {
                let l = self.expr(&b.left)?;
                let r = self.expr(&b.right)?;
                return self.binop(b.op, l, r, e);
            }
            E::JoinedStr(j) => {
                let parts = j
                    .values
                    .iter()
                    .map(|v| match v {
                        E::FormattedValue(f) => Ok(Part::Field(
                            &f.value,
                            f.format_spec.as_deref().and_then(crate::frontend::constant_text).unwrap_or_default(),
                        )),
                        other => crate::frontend::constant_text(other)
                            .map(Part::Text)
                            .ok_or_else(|| internal(other, "an f-string")),
                    })
                    .collect::<LResult<Vec<_>>>()?;
                self.formatted_text(&parts)?
            }
            E::UnaryOp(u) => {
                let (v, ot) = self.expr(&u.operand)?;
                match (u.op, &ot) {
                    (ast::UnaryOp::Not, _) => {
                        let c = truthy(v, &ot);
                        quote! { !#c }
                    }
                    (ast::UnaryOp::USub, NTy::Float) => quote! { (-#v) },
                    (ast::UnaryOp::USub, _) => {
                        let v = as_int(v, &ot);
                        quote! { rt::typed::neg(#v)? }
                    }
                    (ast::UnaryOp::UAdd, _) => as_int(v, &ot),
                    (ast::UnaryOp::Invert, _) => {
                        let v = as_int(v, &ot);
                        quote! { (!#v) }
                    }
                }
            }
            E::BoolOp(b) => {
                // `a and b` is a if a is false, else b (`or` the reverse).
                let mut values = b.values.iter().rev();
                let last = values.next().ok_or_else(|| internal(e, "and/or"))?;
                let mut acc = self.expr(last)?.0;
                for v in values {
                    let (x, xt) = self.expr(v)?;
                    let tmp = self.fresh("t");
                    let test = truthy(quote! { #tmp }, &xt);
                    acc = match b.op {
                        ast::BoolOp::And => quote! { ({ let #tmp = #x; if #test { #acc } else { #tmp } }) },
                        ast::BoolOp::Or => quote! { ({ let #tmp = #x; if #test { #tmp } else { #acc } }) },
                    };
                }
                acc
            }
            E::Compare(c) => self.compare(c)?,
            E::IfExp(i) => {
                let c = self.cond(&i.test)?;
                let (a, b) = (self.expr(&i.body)?.0, self.expr(&i.orelse)?.0);
                quote! { (if #c { #a } else { #b }) }
            }
            E::Call(c) => self.call(e, c)?,
            E::Attribute(a) => match math_constant(a.attr.as_str()) {
                Some(c) if self.typer.is_math_constant(a) => c,
                _ => self.field_read(a, &t)?,
            },
            E::Subscript(s) => {
                if let (E::Slice(sl), NTy::Str) = (&*s.slice, self.ty(&s.value)?) {
                    let text = self.expr(&s.value)?.0;
                    let mut bound = |b: &Option<Box<ast::Expr>>| -> LResult<TokenStream> {
                        Ok(match b {
                            Some(b) => {
                                let v = self.expr(b)?.0;
                                quote! { Some(#v) }
                            }
                            None => quote! { None },
                        })
                    };
                    let (lo, hi) = (bound(&sl.lower)?, bound(&sl.upper)?);
                    quote! { #text.slice(#lo, #hi) }
                } else if let E::Slice(_) = &*s.slice {
                    let v = self.slice(&s.value)?;
                    quote! { (#v).to_vec() }
                } else if let (E::Name(n), NTy::Dict(..)) = (&*s.value, self.ty(&s.value)?) {
                    let id = mangle::ident(n.id.as_str());
                    let k = self.expr(&s.slice)?.0;
                    quote! { #id.item(#k)? }
                } else if self.ty(&s.value)? == NTy::Str {
                    let text = self.expr(&s.value)?.0;
                    let i = self.expr(&s.slice)?.0;
                    quote! { #text.at(#i)? }
                } else {
                    let i = self.expr(&s.slice)?.0;
                    // A variable is indexed in place; anything else is
                    // evaluated into a temporary first.
                    match &*s.value {
                        E::Name(n) if self.typer.is_param(n.id.as_str()) => {
                            let id = mangle::ident(n.id.as_str());
                            quote! { #id.index(#i)? }
                        }
                        E::Name(n) => {
                            let id = mangle::ident(n.id.as_str());
                            quote! { rt::typed::get(&#id, #i)? }
                        }
                        other => {
                            let seq = self.expr(other)?.0;
                            quote! { rt::typed::get(&#seq, #i)? }
                        }
                    }
                }
            }
            E::List(l) => {
                let items = l.elts.iter().map(|v| self.expr(v).map(|x| x.0)).collect::<LResult<Vec<_>>>()?;
                quote! { vec![#(#items),*] }
            }
            E::ListComp(l) => {
                let out = self.fresh("out");
                let elem = match &t {
                    NTy::List(e) => rust_ty(e, false),
                    _ => return Err(internal(e, "a list comprehension")),
                };
                let body = self.comprehension(&l.generators, &l.elt, &mut |v| quote! { #out.push(#v); })?;
                quote! { ({ let mut #out: Vec<#elem> = Vec::new(); #body #out }) }
            }
            _ => return Err(internal(e, "an expression")),
        };
        Ok((v, t))
    }

    /// `sep.join(items)`, over a list or a generator expression; with
    /// `to_value`, the joined str as a dynamic one (for a `return`).
    fn join(&mut self, a: &ast::ExprAttribute, c: &ast::ExprCall, to_value: bool) -> LResult<TokenStream> {
        let sep = self.expr(&a.value)?.0;
        let (setup, items) = match c.args.as_slice() {
            [ast::Expr::GeneratorExp(g)] => {
                let parts = self.fresh("parts");
                let body = self.comprehension(&g.generators, &g.elt, &mut |v| quote! { #parts.push(#v); })?;
                (quote! { let mut #parts: Vec<rt::typed::Text<'_>> = Vec::new(); #body }, quote! { &#parts })
            }
            [items] => (quote! {}, self.slice(items)?),
            _ => return Err(internal(c, "a join()")),
        };
        if to_value {
            return Ok(quote! { ({ #setup #sep.join_value(#items) }) });
        }
        let arena = self.use_arena();
        Ok(quote! { ({ #setup #sep.join(#items, &#arena)? }) })
    }

    /// The arena, noting that the function needs one.
    fn use_arena(&mut self) -> Ident {
        self.arena = true;
        mangle::raw(ARENA)
    }

    /// The str `parts` make (literal text and `{value:spec}` fields),
    /// built in one buffer and kept in the arena: an f-string, or `str(x)`
    /// as the one field `x`.
    fn formatted_text(&mut self, parts: &[Part]) -> LResult<TokenStream> {
        let out = self.fresh("f");
        let mut pushes = Vec::new();
        // Room for the literal text and a short value per field.
        let mut room = 0;
        for part in parts {
            pushes.push(match part {
                Part::Text(text) => {
                    room += text.len();
                    quote! { #out.push_str(#text); }
                }
                Part::Field(value, spec) => {
                    room += 8;
                    self.format_into(&out, value, spec)?
                }
            });
        }
        let room = proc_macro2::Literal::usize_unsuffixed(room);
        let arena = self.use_arena();
        Ok(quote! { ({ let mut #out = String::with_capacity(#room); #(#pushes)* #arena.built(#out)? }) })
    }

    /// Appends `{value:spec}` to the `String` `out`.
    fn format_into(&mut self, out: &Ident, value: &ast::Expr, spec: &str) -> LResult<TokenStream> {
        let (v, t) = self.expr(value)?;
        Ok(match t {
            NTy::Int => quote! { rt::typed::fmt_int(&mut #out, #v, #spec)?; },
            NTy::Float => quote! { rt::typed::fmt_float(&mut #out, #v, #spec)?; },
            NTy::Bool => quote! { rt::typed::fmt_bool(&mut #out, #v, #spec)?; },
            t @ (NTy::Char | NTy::Str) => {
                let p = piece(v, &t);
                quote! { rt::typed::fmt_text(&mut #out, #p, #spec)?; }
            }
            _ => return Err(internal(value, "a formatted value")),
        })
    }

    /// The loops of a comprehension around `each(element)`.
    fn comprehension(
        &mut self,
        gens: &[ast::Comprehension],
        elt: &ast::Expr,
        each: &mut dyn FnMut(TokenStream) -> TokenStream,
    ) -> LResult<TokenStream> {
        self.typer.push_comp();
        let r = self.comprehension_at(gens, elt, each);
        self.typer.pop_comp();
        r
    }

    fn comprehension_at(
        &mut self,
        gens: &[ast::Comprehension],
        elt: &ast::Expr,
        each: &mut dyn FnMut(TokenStream) -> TokenStream,
    ) -> LResult<TokenStream> {
        let Some((g, rest)) = gens.split_first() else {
            let v = self.expr(elt)?.0;
            return Ok(each(v));
        };
        // Bind this generator's variables before typing what follows.
        let Ok(Some(it)) = self.typer.iteration(&g.iter) else { return Err(internal(&g.iter, "an iteration")) };
        bind_comp_target(&mut self.typer, &g.target, &it);
        let mut inner = self.comprehension_at(rest, elt, each)?;
        for cond in g.ifs.iter().rev() {
            let c = self.cond(cond)?;
            inner = quote! { if #c { #inner } };
        }
        self.for_loop(&g.target, &g.iter, true, inner)
    }

    fn binop(
        &mut self,
        op: ast::Operator,
        (l, lt): (TokenStream, NTy),
        (r, rt): (TokenStream, NTy),
        at: &ast::Expr,
    ) -> LResult<(TokenStream, NTy)> {
        use ast::Operator as O;
        let t = binop_ty(op, &lt, &rt).ok_or_else(|| internal(at, "an operator"))?;
        let v = match (&t, op) {
            (NTy::Str, _) => {
                let (l, r, arena) = (piece(l, &lt), piece(r, &rt), self.use_arena());
                quote! { rt::typed::concat(#l, #r, &#arena)? }
            }
            (NTy::List(_), O::Add) => quote! { [&#l[..], &#r[..]].concat() },
            (NTy::List(_), _) if matches!(lt, NTy::List(_)) => quote! { rt::typed::repeat(&#l[..], #r)? },
            (NTy::List(_), _) => quote! { rt::typed::repeat(&#r[..], #l)? },
            (NTy::Bool, _) => match op {
                O::BitAnd => quote! { (#l & #r) },
                O::BitOr => quote! { (#l | #r) },
                _ => quote! { (#l ^ #r) },
            },
            (NTy::Int, _) => {
                let (l, r) = (as_int(l, &lt), as_int(r, &rt));
                match op {
                    O::Add => quote! { rt::typed::add(#l, #r)? },
                    O::Sub => quote! { rt::typed::sub(#l, #r)? },
                    O::Mult => quote! { rt::typed::mul(#l, #r)? },
                    O::FloorDiv => quote! { rt::typed::floordiv(#l, #r)? },
                    O::Mod => quote! { rt::typed::rem(#l, #r)? },
                    O::Pow => quote! { rt::typed::pow(#l, #r)? },
                    O::LShift => quote! { rt::typed::shl(#l, #r)? },
                    O::RShift => quote! { rt::typed::shr(#l, #r)? },
                    O::BitAnd => quote! { (#l & #r) },
                    O::BitOr => quote! { (#l | #r) },
                    O::BitXor => quote! { (#l ^ #r) },
                    _ => return Err(internal(at, "an int operator")),
                }
            }
            (NTy::Float, O::Div) if lt != NTy::Float && rt != NTy::Float => {
                let (l, r) = (as_int(l, &lt), as_int(r, &rt));
                quote! { rt::typed::truediv(#l, #r)? }
            }
            (NTy::Float, _) => {
                let (l, r) = (as_float(l, &lt), as_float(r, &rt));
                match op {
                    O::Add => quote! { (#l + #r) },
                    O::Sub => quote! { (#l - #r) },
                    O::Mult => quote! { (#l * #r) },
                    O::Div => quote! { rt::typed::fdiv(#l, #r)? },
                    O::FloorDiv => quote! { rt::typed::ffloordiv(#l, #r)? },
                    O::Mod => quote! { rt::typed::frem(#l, #r)? },
                    O::Pow => quote! { rt::typed::fpow(#l, #r)? },
                    _ => return Err(internal(at, "a float operator")),
                }
            }
            _ => return Err(internal(at, "an operator")),
        };
        Ok((v, t))
    }

    /// A comparison chain; `a < b < c` evaluates `c` only when `a < b`.
    fn compare(&mut self, c: &ast::ExprCompare) -> LResult<TokenStream> {
        if crate::sema::infer::is_none_test(c) {
            let is_none = match &*c.left {
                ast::Expr::Name(n) => {
                    let id = mangle::ident(n.id.as_str());
                    return Ok(match c.ops[0] {
                        ast::CmpOp::Is => quote! { #id.is_none() },
                        _ => quote! { #id.is_some() },
                    });
                }
                ast::Expr::Attribute(a) => {
                    let (obj, class) = self.instance(&a.value)?;
                    let i = self.field_index(a, class)?;
                    quote! { #obj.is_none_at(#i)? }
                }
                other => return Err(internal(other, "an `is None`")),
            };
            return Ok(match c.ops[0] {
                ast::CmpOp::Is => is_none,
                _ => quote! { !#is_none },
            });
        }
        let next = self.ty(&c.comparators[0])?;
        let (first, lt) = self.operand(&c.left, &next, c.ops[0])?;
        if let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) {
            let (r, rt) = self.operand(right, &lt, *op)?;
            return Ok(compare_one(*op, (first, &lt), (r, &rt)));
        }
        let left = self.fresh("c");
        let rest = self.chain(&left, &lt, &c.ops, &c.comparators)?;
        Ok(quote! { ({ let #left = #first; #rest }) })
    }

    fn chain(&mut self, left: &Ident, lt: &NTy, ops: &[ast::CmpOp], rights: &[ast::Expr]) -> LResult<TokenStream> {
        let (Some(op), Some(right)) = (ops.first(), rights.first()) else { return Ok(quote! { true }) };
        let (r, rt) = match rights.get(1) {
            // A literal between two characters is one too.
            Some(after) if lt != &NTy::Char => {
                let after = self.ty(after)?;
                self.operand(right, &after, *op)?
            }
            _ => self.operand(right, lt, *op)?,
        };
        let rid = self.fresh("c");
        let test = compare_one(*op, (quote! { #left }, lt), (quote! { #rid }, &rt));
        if ops.len() == 1 {
            return Ok(quote! { { let #rid = #r; #test } });
        }
        let rest = self.chain(&rid, &rt, &ops[1..], &rights[1..])?;
        Ok(quote! { { let #rid = #r; #test && #rest } })
    }

    /// A comparison operand: a one-character str literal compared with a
    /// character (`neighbor`) is a `char` itself.
    fn operand(&mut self, e: &ast::Expr, neighbor: &NTy, op: ast::CmpOp) -> LResult<(TokenStream, NTy)> {
        if *neighbor == NTy::Char
            && !matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn)
            && let Some(ch) = char_literal(e)
        {
            return Ok((quote! { #ch }, NTy::Char));
        }
        self.expr(e)
    }

    fn call(&mut self, e: &ast::Expr, c: &ast::ExprCall) -> LResult<TokenStream> {
        match &*c.func {
            ast::Expr::Name(f) => {
                let name = f.id.as_str();
                if self.typer.world().classes.contains_key(name) && self.typer.var(name).is_none() {
                    return self.construct(name, &c.args);
                }
                if let Some(sig) = self.typer.world().sigs.get(name) {
                    let params = sig.params.clone();
                    let args = self.unit_args(&c.args, &params)?;
                    if self.bounded.as_deref() == Some(name) {
                        let id = mangle::raw(BOUNDED);
                        let depth = (!self.depthless).then(|| quote! { _depth - 1 });
                        return Ok(quote! { #id(#(#args,)* #depth)? });
                    }
                    let (id, depth) = (mangle::ident(name), self.spend_depth());
                    return Ok(quote! { #id(#(#args,)* #depth)? });
                }
                self.builtin(e, name, &c.args)
            }
            ast::Expr::Attribute(a) if crate::sema::fixed::is_super(&a.value) => self.super_call(e, a, &c.args),
            ast::Expr::Attribute(a) if let Some(call) = self.method_call(a, &c.args)? => Ok(call),
            ast::Expr::Attribute(a) if let Some(f) = char_test(a.attr.as_str()) => {
                let (v, t) = self.expr(&a.value)?;
                let f = mangle::raw(f);
                let test = quote! { rt::str_methods::#f };
                Ok(if t == NTy::Char {
                    quote! { #test(#v) }
                } else {
                    quote! { #v.all(#test) }
                })
            }
            ast::Expr::Attribute(a) if a.attr.as_str() == "get" => {
                let (d, _) = self.expr(&a.value)?;
                let [key, default] = c.args.as_slice() else { return Err(internal(e, "a get()")) };
                let (k, v) = (self.expr(key)?.0, self.expr(default)?.0);
                Ok(quote! { #d.get(#k).unwrap_or(#v) })
            }
            ast::Expr::Attribute(a) if a.attr.as_str() == "join" => self.join(a, c, false),
            ast::Expr::Attribute(a) if PIECE_METHODS.contains(&a.attr.as_str()) => {
                let v = self.expr(&a.value)?.0;
                let m = mangle::raw(a.attr.as_str());
                Ok(quote! { #v.#m() })
            }
            ast::Expr::Attribute(a) if RECASE_METHODS.contains(&a.attr.as_str()) => {
                let v = self.expr(&a.value)?.0;
                let (m, arena) = (mangle::raw(a.attr.as_str()), self.use_arena());
                Ok(quote! { #v.#m(&#arena)? })
            }
            ast::Expr::Attribute(a) if a.attr.as_str() == "copy" => {
                let v = self.slice(&a.value)?;
                Ok(quote! { (#v).to_vec() })
            }
            ast::Expr::Attribute(a) => self.math(e, a.attr.as_str(), &c.args),
            _ => Err(internal(e, "a call")),
        }
    }

    fn builtin(&mut self, e: &ast::Expr, name: &str, args: &[ast::Expr]) -> LResult<TokenStream> {
        if let [ast::Expr::GeneratorExp(g)] = args {
            return self.reduce_comprehension(e, name, &g.generators, &g.elt);
        }
        let list_call_range =
            matches!(args, [ast::Expr::Call(c)] if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "range"));
        if name == "list" && list_call_range {
            let ast::Expr::Call(c) = &args[0] else { return Err(internal(e, "list(range())")) };
            let vals = c.args.iter().map(|a| self.expr(a).map(|v| v.0)).collect::<LResult<Vec<_>>>()?;
            return Ok(match vals.as_slice() {
                [stop] => quote! { (0..#stop).collect::<Vec<i64>>() },
                [start, stop] => quote! { (#start..#stop).collect::<Vec<i64>>() },
                [start, stop, step] => quote! { rt::typed::range(#start, #stop, #step)?.collect::<Vec<i64>>() },
                _ => return Err(internal(e, "list(range())")),
            });
        }
        let tys: Vec<NTy> = args.iter().map(|a| self.ty(a)).collect::<LResult<_>>()?;
        if let (["len" | "ord"], [t @ (NTy::Str | NTy::Char)]) = ([name], tys.as_slice()) {
            let v = self.expr(&args[0])?.0;
            return Ok(match (name, t) {
                ("len", NTy::Char) => quote! { 1 },
                ("len", _) => quote! { (#v.len() as i64) },
                ("ord", _) if char_literal(&args[0]).is_some() => {
                    let code = char_literal(&args[0]).map_or(0, |c| c as i64);
                    let lit = proc_macro2::Literal::i64_unsuffixed(code);
                    quote! { #lit }
                }
                ("ord", NTy::Char) => quote! { (#v as i64) },
                _ => quote! { #v.ord()? },
            });
        }
        if let ("str", [t]) = (name, tys.as_slice()) {
            if *t == NTy::Str {
                return Ok(self.expr(&args[0])?.0);
            }
            return self.formatted_text(&[Part::Field(&args[0], String::new())]);
        }
        if let ("min" | "max" | "sum" | "any" | "all", [NTy::List(elem)]) = (name, tys.as_slice()) {
            let s = self.slice(&args[0])?;
            return Ok(reduce_slice(name, s, elem));
        }
        if let ("min" | "max" | "sum" | "any" | "all", [NTy::Gen(elem)]) = (name, tys.as_slice()) {
            return self.reduce_generator(e, name, &args[0], elem);
        }
        if let ("list", [NTy::Gen(_)]) = (name, tys.as_slice()) {
            let (setup, source) = self.stepped(&args[0])?;
            let (out, x) = (self.fresh("list"), self.fresh("x"));
            return Ok(
                quote! { ({ #setup let mut #out = Vec::new(); while let Some(#x) = #source.step()? { #out.push(#x); } #out }) },
            );
        }
        if name == "len"
            && let [ast::Expr::Name(n)] = args
        {
            let id = mangle::ident(n.id.as_str());
            return Ok(quote! { (#id.len() as i64) });
        }
        if name == "list" || name == "len" {
            let s = self.slice(&args[0])?;
            return Ok(if name == "len" {
                quote! { (#s.len() as i64) }
            } else {
                quote! { #s.to_vec() }
            });
        }
        let vals: Vec<TokenStream> = args.iter().map(|a| self.expr(a).map(|v| v.0)).collect::<LResult<_>>()?;
        Ok(match (name, tys.as_slice(), vals.as_slice()) {
            // `f64::abs(x)`, not `x.abs()`: a literal `x` has no type yet.
            ("abs", [NTy::Float], [v]) => quote! { f64::abs(#v) },
            ("abs", [t], [v]) => {
                let v = as_int(v.clone(), t);
                quote! { rt::typed::abs(#v)? }
            }
            ("float", [t], [v]) => as_float(v.clone(), t),
            ("int", [NTy::Float], [v]) => quote! { rt::typed::f64_to_i64(#v)? },
            ("int", [t], [v]) => as_int(v.clone(), t),
            ("bool", [t], [v]) => truthy(v.clone(), t),
            ("min" | "max", _, [first, rest @ ..]) => {
                let f = mangle::raw(name);
                rest.iter().fold(first.clone(), |acc, v| quote! { rt::typed::#f(#acc, #v) })
            }
            _ => return Err(internal(e, "a builtin call")),
        })
    }

    /// `sum`/`min`/`max`/`any`/`all` over a generator expression, inline.
    fn reduce_comprehension(
        &mut self,
        e: &ast::Expr,
        name: &str,
        gens: &[ast::Comprehension],
        elt: &ast::Expr,
    ) -> LResult<TokenStream> {
        let elem_ty = self.element_type(gens, elt)?;
        self.reduce(e, name, &elem_ty, &mut |nx, each| nx.comprehension(gens, elt, each))
    }

    /// `sum`/`min`/`max`/`any`/`all` over what a native generator yields.
    fn reduce_generator(
        &mut self,
        e: &ast::Expr,
        name: &str,
        generator: &ast::Expr,
        elem: &NTy,
    ) -> LResult<TokenStream> {
        self.reduce(e, name, elem, &mut |nx, each| {
            let (setup, source) = nx.stepped(generator)?;
            let x = nx.fresh("x");
            let body = each(quote! { #x });
            Ok(quote! { #setup while let Some(#x) = #source.step()? { #body } })
        })
    }

    /// A reduction of the items `items` hands to its callback, one by one
    /// (the code it returns loops over them).
    fn reduce(
        &mut self,
        e: &ast::Expr,
        name: &str,
        elem_ty: &NTy,
        items: &mut ItemLoop<'_, Self>,
    ) -> LResult<TokenStream> {
        let acc = self.fresh("acc");
        let label = self.fresh("reduce");
        let exit = syn::Lifetime::new(&format!("'{label}"), proc_macro2::Span::call_site());
        let elem_ty = elem_ty.clone();
        let t = self.ty(e)?;
        let (init, finish) = match (name, &t) {
            ("sum", NTy::Float) => {
                (quote! { let mut #acc = rt::typed::FloatSum::default(); }, quote! { #acc.finish()? })
            }
            ("sum", _) => (quote! { let mut #acc: i64 = 0; }, quote! { #acc }),
            ("min" | "max", _) => (quote! { let mut #acc = None; }, quote! { #acc.ok_or(Bail)? }),
            ("any", _) => (quote! { let mut #acc = false; }, quote! { #acc }),
            _ => (quote! { let mut #acc = true; }, quote! { #acc }),
        };
        let float_sum = t == NTy::Float && name == "sum";
        let name = name.to_string();
        let body = items(self, &mut |v| match name.as_str() {
            "sum" if float_sum => quote! { #acc.add(#v); },
            "sum" => {
                let v = as_int(v, &elem_ty);
                quote! { #acc = rt::typed::add(#acc, #v)?; }
            }
            "min" => quote! { let x = #v; if #acc.is_none_or(|m| x < m) { #acc = Some(x); } },
            "max" => quote! { let x = #v; if #acc.is_none_or(|m| x > m) { #acc = Some(x); } },
            // any/all stop at the first decisive element.
            "any" => {
                let c = truthy(v, &elem_ty);
                quote! { if #c { #acc = true; break #exit; } }
            }
            _ => {
                let c = truthy(v, &elem_ty);
                quote! { if !#c { #acc = false; break #exit; } }
            }
        })?;
        Ok(quote! { ({ #init #exit: { #body } #finish }) })
    }

    /// The type of a comprehension's element.
    fn element_type(&mut self, gens: &[ast::Comprehension], elt: &ast::Expr) -> LResult<NTy> {
        self.typer.push_comp();
        for g in gens {
            if let Ok(Some(it)) = self.typer.iteration(&g.iter) {
                bind_comp_target(&mut self.typer, &g.target, &it);
            }
        }
        let t = self.typer.expr(elt);
        self.typer.pop_comp();
        match t {
            Ok(Some(t)) => Ok(t),
            _ => Err(internal(elt, "a generator element")),
        }
    }

    fn math(&mut self, e: &ast::Expr, name: &str, args: &[ast::Expr]) -> LResult<TokenStream> {
        let mut vals = Vec::new();
        for a in args {
            let (v, t) = self.expr(a)?;
            vals.push(as_float(v, &t));
        }
        Ok(match (name, vals.as_slice()) {
            ("sqrt" | "sin" | "cos" | "tan" | "atan" | "exp", [x]) => {
                let f = mangle::raw(name);
                quote! { rt::typed::math1(#x, f64::#f)? }
            }
            ("log", [x]) => quote! { rt::typed::log(#x)? },
            // Called as `f64::` functions: a literal argument has no type yet.
            ("fabs", [x]) => quote! { f64::abs(#x) },
            ("floor", [x]) => quote! { rt::typed::f64_to_i64(f64::floor(#x))? },
            ("ceil", [x]) => quote! { rt::typed::f64_to_i64(f64::ceil(#x))? },
            ("atan2", [y, x]) => quote! { f64::atan2(#y, #x) },
            _ => return Err(internal(e, "a math call")),
        })
    }
}

/// Binds a comprehension target in the typer (lowering binds it in Rust).
/// A native generator's body between its yields: native statements, and
/// split loops over a range or another generator, whose iterators are
/// `Option`s declared outside the step function (filled as each loop
/// starts, emptied as it ends).
impl super::resumable::StepLowering for Nx<'_> {
    fn has_yield(&self, s: &ast::Stmt) -> bool {
        crate::sema::infer::has_yield(std::slice::from_ref(s))
    }

    fn plain(&mut self, s: &ast::Stmt) -> LResult<TokenStream> {
        self.stmt(s)
    }

    fn cond(&mut self, e: &ast::Expr) -> LResult<TokenStream> {
        Nx::cond(self, e)
    }

    fn yielded(&mut self, value: Option<&ast::Expr>) -> LResult<TokenStream> {
        match value {
            Some(ast::Expr::Tuple(t)) => {
                let items = t.elts.iter().map(|e| self.expr(e).map(|v| v.0)).collect::<LResult<Vec<_>>>()?;
                Ok(quote! { (#(#items),*) })
            }
            Some(v) => Ok(self.expr(v)?.0),
            None => Err(Diagnostic::new(0, 0, "internal error: a native generator yields None")),
        }
    }

    fn for_start(&mut self, f: &ast::StmtFor) -> LResult<(TokenStream, Ident, Ident)> {
        let item = self.fresh("item");
        if let Some(param) = self.generator_param(&f.iter) {
            return Ok((quote! {}, param, item));
        }
        let source = match (self.typer.iteration(&f.iter), &*f.iter) {
            (Ok(Some(Iteration::Range)), _) => self.range(&f.iter)?,
            (Ok(Some(Iteration::Gen(_))), _) => self.expr(&f.iter)?.0,
            // A list is read live, by position, as Python's list iterator does.
            (Ok(Some(Iteration::List(_))), ast::Expr::Name(n)) => {
                let it = self.fresh("it");
                self.iters.push(it.clone());
                let list = mangle::ident(n.id.as_str());
                self.positions.push((it.clone(), list, self.typer.is_param(n.id.as_str())));
                return Ok((quote! { #it = Some(0usize); }, it, item));
            }
            _ => return Err(internal(&*f.iter, "a loop a generator suspends in")),
        };
        let it = self.fresh("it");
        self.iters.push(it.clone());
        Ok((quote! { #it = Some(#source); }, it, item))
    }

    fn for_next(&mut self, f: &ast::StmtFor, it: &Ident, item: &Ident, exit: TokenStream) -> LResult<TokenStream> {
        let position = self.positions.iter().find(|(p, _, _)| p == it).cloned();
        let next = match (position, self.iters.contains(it)) {
            (Some((_, list, param)), _) => {
                let read = if param {
                    quote! { #list.at(*k)? }
                } else {
                    quote! { #list[*k] }
                };
                quote! {
                    ({
                        let k = #it.as_mut().ok_or(Bail)?;
                        if *k < #list.len() {
                            let v = #read;
                            *k += 1;
                            Some(v)
                        } else {
                            None
                        }
                    })
                }
            }
            (None, true) => quote! { #it.as_mut().ok_or(Bail)?.step()? },
            (None, false) => quote! { #it.step()? },
        };
        let names: Vec<&str> = match &*f.target {
            ast::Expr::Name(n) => vec![n.id.as_str()],
            ast::Expr::Tuple(t) => t
                .elts
                .iter()
                .filter_map(|e| if let ast::Expr::Name(n) = e { Some(n.id.as_str()) } else { None })
                .collect(),
            _ => return Err(internal(&*f.target, "a loop target")),
        };
        let parts: Vec<Ident> =
            if names.len() == 1 { vec![item.clone()] } else { names.iter().map(|_| self.fresh("item")).collect() };
        let pattern = match parts.as_slice() {
            [one] => quote! { #one },
            many => quote! { (#(#many),*) },
        };
        let binds: Vec<TokenStream> =
            names.iter().zip(&parts).map(|(n, p)| self.write_local(n, quote! { #p })).collect();
        Ok(quote! { let Some(#pattern) = #next else { #exit }; #(#binds)* })
    }

    fn for_end(&mut self, it: &Ident) -> TokenStream {
        if self.iters.contains(it) {
            quote! { #it = None; }
        } else {
            quote! {}
        }
    }

    fn enter_loop(&mut self, on_break: TokenStream, on_continue: TokenStream) {
        self.loops.push(Some((on_break, on_continue)));
    }

    fn leave_loop(&mut self) {
        self.loops.pop();
    }

    fn fresh(&mut self, kind: &str) -> Ident {
        Nx::fresh(self, kind)
    }

    fn label(&mut self, kind: &str) -> Ident {
        Nx::fresh(self, kind)
    }

    fn decls(&self) -> Vec<TokenStream> {
        self.iters.iter().map(|it| quote! { let mut #it = None; }).collect()
    }
}

fn bind_comp_target(typer: &mut Typer, target: &ast::Expr, it: &Iteration) {
    let names: Vec<&str> = match target {
        ast::Expr::Name(n) => vec![n.id.as_str()],
        ast::Expr::Tuple(t) => {
            t.elts.iter().filter_map(|e| if let ast::Expr::Name(n) = e { Some(n.id.as_str()) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    for (n, t) in names.into_iter().zip(it.item_types()) {
        typer.bind_comp(n, t);
    }
}

/// `xs.append(v)`: the list's name and the value.
/// The character of a one-character str literal.
fn char_literal(e: &ast::Expr) -> Option<char> {
    let ast::Expr::Constant(c) = e else { return None };
    let ast::Constant::Str(s) = &c.value else { return None };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(ch), None) => Some(ch),
        _ => None,
    }
}

/// Whether `e` is a name or a constant: reading it twice, or after
/// another expression, gives the same value.
fn simple(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Name(_) | ast::Expr::Constant(_))
}

fn append_target(c: &ast::ExprCall) -> Option<(&str, &ast::Expr)> {
    let ast::Expr::Attribute(a) = &*c.func else { return None };
    let ast::Expr::Name(n) = &*a.value else { return None };
    (a.attr.as_str() == "append" && c.args.len() == 1).then(|| (n.id.as_str(), &c.args[0]))
}

/// One comparison between native scalars (or `in` on an int list).
fn compare_one(op: ast::CmpOp, (l, lt): (TokenStream, &NTy), (r, rt): (TokenStream, &NTy)) -> TokenStream {
    use ast::CmpOp as C;
    if let C::In | C::NotIn = op {
        let t = match (lt, rt) {
            (_, NTy::Dict(..)) => quote! { #r.contains_key(#l) },
            (NTy::Char, _) => quote! { #r.contains_char(#l) },
            (NTy::Str, NTy::Str) => quote! { #r.contains(#l) },
            _ => quote! { #r.contains(&#l) },
        };
        return if op == C::In {
            t
        } else {
            quote! { !#t }
        };
    }
    let rust_op = match op {
        C::Eq => quote! { == },
        C::NotEq => quote! { != },
        C::Lt => quote! { < },
        C::LtE => quote! { <= },
        C::Gt => quote! { > },
        _ => quote! { >= },
    };
    match (lt, rt) {
        (NTy::Char, NTy::Char) => return quote! { (#l #rust_op #r) },
        (NTy::Str, NTy::Str) => return quote! { (#l.as_str() #rust_op #r.as_str()) },
        (NTy::Char, NTy::Str) => return ordering_test(quote! { Some(rt::typed::cmp_char_str(#l, #r.as_str())) }, op),
        (NTy::Str, NTy::Char) => {
            return ordering_test(quote! { Some(rt::typed::cmp_char_str(#r, #l.as_str()).reverse()) }, op);
        }
        _ => {}
    }
    let is_float = |t: &NTy| *t == NTy::Float;
    match (is_float(lt), is_float(rt)) {
        (false, false) => {
            // bool against bool compares as Rust bools do (false < true).
            if *lt == NTy::Bool && *rt == NTy::Bool {
                quote! { (#l #rust_op #r) }
            } else {
                let (l, r) = (as_int(l, lt), as_int(r, rt));
                quote! { (#l #rust_op #r) }
            }
        }
        (true, true) => quote! { (#l #rust_op #r) },
        // An int against a float compares exactly.
        (false, true) => {
            let l = as_int(l, lt);
            ordering_test(quote! { rt::typed::cmp_int_float(#l, #r) }, op)
        }
        (true, false) => {
            let r = as_int(r, rt);
            ordering_test(quote! { rt::typed::cmp_int_float(#r, #l).map(std::cmp::Ordering::reverse) }, op)
        }
    }
}

fn ordering_test(ord: TokenStream, op: ast::CmpOp) -> TokenStream {
    use ast::CmpOp as C;
    match op {
        C::Eq => quote! { (#ord == Some(std::cmp::Ordering::Equal)) },
        C::NotEq => quote! { (#ord != Some(std::cmp::Ordering::Equal)) },
        C::Lt => quote! { (#ord == Some(std::cmp::Ordering::Less)) },
        C::LtE => quote! { matches!(#ord, Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)) },
        C::Gt => quote! { (#ord == Some(std::cmp::Ordering::Greater)) },
        _ => quote! { matches!(#ord, Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)) },
    }
}

/// `sum`/`min`/`max`/`any`/`all` of a list.
fn reduce_slice(name: &str, s: TokenStream, elem: &NTy) -> TokenStream {
    match (name, elem) {
        ("sum", NTy::Float) => quote! {{
            let mut acc = rt::typed::FloatSum::default();
            for &x in #s { acc.add(x); }
            acc.finish()?
        }},
        ("sum", _) => quote! { #s.iter().try_fold(0i64, |a, &x| rt::typed::add(a, x as i64))? },
        ("min", _) => quote! { rt::typed::min_of(#s, false)? },
        ("max", _) => quote! { rt::typed::min_of(#s, true)? },
        ("any", t) => {
            let c = truthy(quote! { x }, t);
            quote! { #s.iter().any(|&x| #c) }
        }
        (_, t) => {
            let c = truthy(quote! { x }, t);
            quote! { #s.iter().all(|&x| #c) }
        }
    }
}

/// `math.name` for the constants native code knows.
fn math_constant(name: &str) -> Option<TokenStream> {
    Some(match name {
        "pi" => quote! { std::f64::consts::PI },
        "e" => quote! { std::f64::consts::E },
        "tau" => quote! { std::f64::consts::TAU },
        "inf" => quote! { f64::INFINITY },
        _ => return None,
    })
}

/// A native function's types, for `--explain-types`.
pub fn describe(nf: &NativeFn) -> String {
    let params: Vec<String> = nf
        .params
        .iter()
        .map(|(n, t)| {
            if nf.speculated.contains(n) {
                format!("{n}: {t} (assumed, as nothing else types it)")
            } else if nf.from_callers.contains(n) {
                format!("{n}: {t} (from its native callers)")
            } else if nf.guessed.contains(n) {
                format!("{n}: {t} (guessed from use)")
            } else {
                format!("{n}: {t}")
            }
        })
        .collect();
    let locals: Vec<String> = nf.locals.iter().map(|(n, t)| format!("{n}: {t}")).collect();
    // `__init__` returns None to Python; natively, the instance it set up.
    let ret = match nf.kind {
        crate::sema::infer::UnitKind::Init => "None".to_string(),
        _ => nf.ret.to_string(),
    };
    let mut s = format!("native ({}) -> {ret}", params.join(", "));
    if !locals.is_empty() {
        s.push_str(&format!("; locals {}", locals.join(", ")));
    }
    s
}

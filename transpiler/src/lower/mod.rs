//! Lowering: Python AST to Rust token trees, one module per feature family.
//! This module holds the shared context (`Cx` for the program, `Fx` for the
//! Rust function being generated) and the rules for names, error
//! propagation and control transfer; `stmt` and `expr` dispatch every AST
//! variant to the family that lowers it.
//!
//! Error propagation: outside any `try`, a fallible operation is `expr?`.
//! Inside a `try` body it breaks out of the labelled block that models the
//! `try` (`rt::tri!(expr, 'try1)`), so handlers and `finally` see it.

mod annotation;
mod assign;
pub mod builtins;
mod call;
mod class;
mod comprehension;
mod control;
mod expr;
mod func;
mod generic;
mod module_body;
mod native;
mod pattern;
mod resumable;
mod stmt;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::diagnostics::Diagnostic;
use crate::emit::mangle;
use crate::frontend::{ast, span};
use crate::sema::infer;
use crate::sema::types::Ty;
use crate::sema::{Binding, Program, ScopeId};

pub type LResult<T> = Result<T, Diagnostic>;

/// A lowered expression: Rust tokens evaluating to a `Value`, and what is
/// statically known about its type.
pub struct Lowered {
    /// Tokens producing an owned `Value`.
    pub ts: TokenStream,
    pub ty: Ty,
    /// A local variable that can be borrowed instead of cloned.
    pub place: Option<Ident>,
}

impl Lowered {
    pub fn any(ts: TokenStream) -> Lowered {
        Lowered { ts, ty: Ty::Any, place: None }
    }

    pub fn typed(ts: TokenStream, ty: Ty) -> Lowered {
        Lowered { ts, ty, place: None }
    }

    /// Tokens producing a `&Value`: a borrow of the variable itself when
    /// the value is a local, so no reference count is touched.
    pub fn by_ref(&self) -> TokenStream {
        match &self.place {
            Some(id) => quote! { &#id },
            None => {
                let ts = &self.ts;
                quote! { &#ts }
            }
        }
    }
}

/// Rust items grouped by module path (`mod Point { ... }` for methods).
#[derive(Default)]
pub struct ModTree {
    pub items: Vec<TokenStream>,
    pub children: BTreeMap<String, ModTree>,
    /// Rust names already used in this module.
    pub used: BTreeSet<String>,
}

impl ModTree {
    fn at(&mut self, path: &[String]) -> &mut ModTree {
        let mut m = self;
        for seg in path {
            m = m.children.entry(seg.clone()).or_default();
        }
        m
    }

    /// This tree's items, each child module one item.
    pub fn item_list(&self) -> Vec<TokenStream> {
        let mut out = self.items.clone();
        out.extend(self.children.iter().map(|(name, tree)| {
            let id = mangle::raw(name);
            let inner = tree.to_tokens();
            quote! {
                pub(crate) mod #id {
                    #[allow(unused_imports)]
                    use super::*;
                    #inner
                }
            }
        }));
        out
    }

    /// Emits this tree as items.
    pub fn to_tokens(&self) -> TokenStream {
        let items = self.item_list();
        quote! { #(#items)* }
    }
}

/// A module-level function that can be called directly.
#[derive(Clone)]
pub struct KnownFn {
    pub rust: Ident,
    pub positional: usize,
    /// Offset of the `def`: module-level calls before it stay dynamic.
    pub def_offset: usize,
    /// The def runs before any module-level code can call user code.
    pub early: bool,
}

/// Whole-program lowering state.
pub struct Cx<'a> {
    pub prog: &'a Program,
    pub source: &'a str,
    /// The module's statements.
    pub body: &'a [ast::Stmt],
    pub mods: ModTree,
    pub globals: BTreeSet<String>,
    pub known: HashMap<String, KnownFn>,
    /// Module-level generator functions that could be `known`: the native
    /// tier may call them.
    pub known_generators: HashMap<String, KnownFn>,
    /// The names of the program's `async def`s (not async generators): a
    /// call by one of these names may make a coroutine.
    pub coroutine_names: BTreeSet<String>,
    pub counter: usize,
    pub imports: HashMap<String, String>,
    /// Functions with native versions, by scope, with the Rust name of
    /// each: their dynamic version tries them first. A method's def has
    /// one for each fixed-layout class whose instances run it.
    pub native: HashMap<ScopeId, Vec<(crate::sema::infer::NativeFn, Ident)>>,
    /// Top-level loops with a native version, by offset.
    pub regions: HashMap<usize, crate::sema::infer::Region>,
    /// The fixed-layout classes native code uses, by the offset of their
    /// `class` statement: the statement seals the class's layout.
    pub layouts: HashMap<usize, Ident>,
    /// Native code uses instances: entries to it keep a journal of field
    /// writes to undo if it bails.
    pub journal: bool,
    /// The Rust module of each fixed-layout class native code uses, by the
    /// offset of its `class` statement, chosen before any lowering so that
    /// calls lowered earlier can name its methods.
    pub class_mods: HashMap<usize, String>,
    /// Method names that dynamic calls may send straight to a method with
    /// a native version, when the receiver is an instance of one of its
    /// classes (`None` where two of them take different numbers of
    /// parameters).
    pub fast_methods: HashMap<String, Option<FastMethod>>,
    /// The fixed-layout classes that class patterns name, by name: a
    /// pattern tests and reads an instance its layout admits by index.
    pub class_patterns: HashMap<String, pattern::ClassPattern>,
    /// `from __future__ import annotations`: class-body annotations are
    /// stored as text, not evaluated.
    pub future_annotations: bool,
    /// The program may read `__annotations__` or `__code__` of functions
    /// (`func::reads_introspection`): defs record them.
    pub introspect: bool,
    /// String annotations of decorated classes that `dataclasses` reads as
    /// `ClassVar`, `InitVar` or `KW_ONLY`, by the annotation's offset.
    pub special_annotations: HashMap<usize, &'static str>,
    /// Which of the program's modules this is.
    pub module: ModuleInfo,
}

/// One module of the program, as lowering sees it: the script itself
/// (`__main__`) or a module it imports from beside it.
#[derive(Clone, Debug)]
pub struct ModuleInfo {
    /// `__main__`, or the dotted name (`pkg.helper`).
    pub name: String,
    /// The file, as `__file__` and tracebacks show it.
    pub file: String,
    /// A package's `__init__.py`.
    pub package: bool,
    /// The Rust path of its items from the crate root (empty for the
    /// script).
    pub rust_path: Vec<String>,
    /// The program's own modules, by dotted name, with their Rust paths:
    /// `import` of one of these runs its module's body.
    pub user_modules: BTreeMap<String, Vec<String>>,
    /// `from m import *` of one of those, written out as the names `m`
    /// exports, by the statement's offset: whether the names are m's
    /// `__all__` (each must exist) or what it binds (missing ones are
    /// skipped).
    pub star_imports: BTreeMap<usize, bool>,
}

impl ModuleInfo {
    /// The script, importing no modules of its own.
    pub fn main(file: &str) -> ModuleInfo {
        ModuleInfo {
            name: "__main__".into(),
            file: file.into(),
            package: false,
            rust_path: Vec::new(),
            user_modules: BTreeMap::new(),
            star_imports: BTreeMap::new(),
        }
    }

    pub fn is_main(&self) -> bool {
        self.rust_path.is_empty()
    }

    /// The package relative imports start from (`None` in the script).
    pub fn package_name(&self) -> Option<&str> {
        if self.is_main() {
            None
        } else if self.package {
            Some(&self.name)
        } else {
            Some(self.name.rsplit_once('.').map_or("", |(p, _)| p))
        }
    }
}

/// How a Python variable is stored in the Rust function being generated.
#[derive(Clone)]
pub enum Var {
    /// `let mut x: Value` (always bound where read).
    Plain(Ident),
    /// `let mut x: Option<Value>` (may be read unbound).
    Maybe(Ident),
    /// A shared `Cell` (captured, or captured from outside).
    Cell(Ident),
}

/// A frame on the control stack of the function being generated.
#[derive(Clone)]
pub enum Frame {
    /// A loop: `label` is what a Python `break` targets (the loop itself,
    /// or the block around a loop with an `else`).
    Loop { break_label: Ident, continue_label: Ident, labelled: bool },
    /// A labelled block that is neither a loop nor a `try` (a `match`):
    /// `break`/`continue` crossing it need loop labels.
    Block,
    /// The body of a `try`: errors break out with `Err(e)`.
    Try { label: Ident },
    /// A `try` with `finally`: everything leaving it breaks out with a
    /// `rt::Flow` so the `finally` body runs first.
    Finally { label: Ident, uses: FlowUses },
    /// A loop of a generator flattened into states: `break` and
    /// `continue` are jumps to other states.
    Resume { on_break: TokenStream, on_continue: TokenStream },
}

#[derive(Clone, Copy, Default)]
pub struct FlowUses {
    pub ret: bool,
    pub brk: bool,
    pub cont: bool,
}

/// State of one Rust function being generated.
pub struct Fx {
    pub scope: ScopeId,
    /// Module path where this function's nested items go.
    pub path: Vec<String>,
    /// Module path where this function's own code lives.
    pub code_mod: Vec<String>,
    /// The Rust path from the crate root to the Python module's items
    /// (empty for the script; see [`ModuleInfo`]).
    pub root: Vec<String>,
    /// Variables, innermost scope last (comprehensions push a map).
    pub env: Vec<HashMap<String, Var>>,
    pub frames: Vec<Frame>,
    /// Locals still to be declared at their first top-level assignment.
    pub pending_let: BTreeSet<String>,
    /// The class namespace while lowering a class body.
    pub class_ns: Option<Ident>,
    /// The class's bases there (`auto()` in an enum body needs them).
    pub class_bases: Option<Ident>,
    /// Exceptions being handled by enclosing `except` blocks.
    pub handled: Vec<Ident>,
    /// Depth of statement nesting (0 = directly in the function body).
    pub depth: usize,
    /// Loops marked as needing a label, by label name.
    pub labelled_loops: BTreeSet<String>,
    /// The first parameter of the function (the receiver for `super()`).
    pub first_param: Option<String>,
    /// Inside a generator body: the handle `yield` suspends through.
    pub co: Option<Ident>,
    /// Inside a generator flattened into a step function: `return` stores
    /// its value through the closure's argument and ends the step.
    pub steps: bool,
}

impl Fx {
    pub fn new(scope: ScopeId, path: Vec<String>) -> Fx {
        Fx {
            scope,
            code_mod: Vec::new(),
            root: Vec::new(),
            path,
            env: vec![HashMap::new()],
            frames: Vec::new(),
            pending_let: BTreeSet::new(),
            class_ns: None,
            class_bases: None,
            handled: Vec::new(),
            depth: 0,
            labelled_loops: BTreeSet::new(),
            first_param: None,
            co: None,
            steps: false,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<Var> {
        self.env.iter().rev().find_map(|m| m.get(name).cloned())
    }

    /// How code of this function names the item at absolute `path`.
    pub fn item_path(&self, path: &[String]) -> TokenStream {
        let ids: Vec<Ident> = if path.starts_with(&self.code_mod) {
            path[self.code_mod.len()..].iter().map(|s| mangle::raw(s)).collect()
        } else {
            let ids: Vec<Ident> = self.root.iter().chain(path).map(|s| mangle::raw(s)).collect();
            return quote! { crate::#(#ids)::* };
        };
        quote! { #(#ids)::* }
    }

    pub fn bind(&mut self, name: &str, var: Var) {
        if let Some(m) = self.env.last_mut() {
            m.insert(name.to_string(), var);
        }
    }
}

impl<'a> Cx<'a> {
    pub fn new(prog: &'a Program, source: &'a str, body: &'a [ast::Stmt]) -> Cx<'a> {
        Cx {
            prog,
            source,
            body,
            mods: ModTree::default(),
            globals: BTreeSet::new(),
            known: HashMap::new(),
            counter: 0,
            imports: HashMap::new(),
            native: HashMap::new(),
            known_generators: HashMap::new(),
            coroutine_names: prog
                .scopes
                .iter()
                .filter(|s| s.is_coroutine && !s.is_generator)
                .map(|s| s.name.clone())
                .collect(),
            regions: HashMap::new(),
            layouts: HashMap::new(),
            journal: false,
            class_mods: HashMap::new(),
            fast_methods: HashMap::new(),
            class_patterns: HashMap::new(),
            future_annotations: annotation::future_annotations(body),
            introspect: func::reads_introspection(source),
            special_annotations: HashMap::new(),
            module: ModuleInfo::main(""),
        }
    }

    pub fn fresh(&mut self, kind: &str) -> Ident {
        self.counter += 1;
        mangle::temp(kind, self.counter)
    }

    pub fn label(&mut self, kind: &str) -> Ident {
        self.counter += 1;
        mangle::raw(&format!("{kind}{}", self.counter))
    }

    /// Wraps a `PyResult` expression so errors reach the right handler.
    pub fn tri(&self, fx: &Fx, e: TokenStream) -> TokenStream {
        for f in fx.frames.iter().rev() {
            match f {
                Frame::Try { label } => {
                    let l = lifetime(label);
                    return quote! { rt::tri!(#e, #l) };
                }
                Frame::Finally { label, .. } => {
                    let l = lifetime(label);
                    return quote! { rt::tri_flow!(#e, #l) };
                }
                Frame::Loop { .. } | Frame::Block | Frame::Resume { .. } => {}
            }
        }
        quote! { #e? }
    }

    /// A statement that raises the `PyErr` value `err`.
    pub fn propagate(&self, fx: &Fx, err: TokenStream) -> TokenStream {
        for f in fx.frames.iter().rev() {
            match f {
                Frame::Try { label } => {
                    let l = lifetime(label);
                    return quote! { break #l Err(#err) };
                }
                Frame::Finally { label, .. } => {
                    let l = lifetime(label);
                    return quote! { break #l rt::Flow::Raise(#err) };
                }
                Frame::Loop { .. } | Frame::Block | Frame::Resume { .. } => {}
            }
        }
        quote! { return Err(#err) }
    }

    /// The scope that `fx` currently lowers.
    pub fn scope(&self, fx: &Fx) -> &crate::sema::Scope {
        &self.prog.scopes[fx.scope]
    }

    /// Whether `fx` is a module or class body, where `return`, `yield`
    /// and `await` are SyntaxErrors.
    pub fn outside_function(&self, fx: &Fx) -> bool {
        matches!(self.scope(fx).kind, crate::sema::ScopeKind::Module | crate::sema::ScopeKind::Class)
    }

    pub fn binding(&self, fx: &Fx, name: &str) -> Option<Binding> {
        self.prog.scopes[fx.scope].binding(name)
    }
}

pub fn lifetime(label: &Ident) -> syn::Lifetime {
    syn::Lifetime::new(&format!("'{label}"), label.span())
}

/// Whether `await` and `async for` may appear here: in an `async def`
/// (directly or in an inlined comprehension) or in an async generator
/// expression's body.
pub fn in_async(cx: &Cx, fx: &Fx) -> bool {
    if fx.co.is_none() {
        return false;
    }
    let mut s = fx.scope;
    loop {
        let sc = &cx.prog.scopes[s];
        match sc.kind {
            crate::sema::ScopeKind::Comprehension => match sc.parent {
                Some(p) => s = p,
                None => return false,
            },
            // A generator expression lowered with a coroutine handle is an
            // async generator expression.
            crate::sema::ScopeKind::GenExpr => return true,
            _ => return sc.is_coroutine,
        }
    }
}

pub fn unsupported<T: ast::Ranged>(node: &T, what: &str) -> Diagnostic {
    let (a, b) = span(node);
    Diagnostic::unsupported(a, b, what)
}

/// `ts` as one token, a group without delimiters, so that interpolating it
/// into the code around it shares its tokens instead of copying them: an
/// expression is interpolated once per enclosing expression and statement,
/// and copying made lowering quadratic in nesting depth. The group prints
/// as its tokens, so the text emitted is the same.
pub fn opaque(ts: TokenStream) -> TokenStream {
    proc_macro2::TokenTree::Group(proc_macro2::Group::new(proc_macro2::Delimiter::None, ts)).into()
}

/// The tokens of `ts` with the groups [`opaque`] made opened, one level
/// deep at a time, for the few places that look at lowered tokens.
pub fn opened(ts: TokenStream) -> impl Iterator<Item = proc_macro2::TokenTree> {
    ts.into_iter().flat_map(|t| match t {
        proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::None => {
            Box::new(opened(g.stream())) as Box<dyn Iterator<Item = proc_macro2::TokenTree>>
        }
        t => Box::new(std::iter::once(t)),
    })
}

/// Infers which module-level functions can run natively and emits their
/// native versions into `mod native`.
fn native_functions(cx: &mut Cx, body: &[ast::Stmt]) -> LResult<()> {
    let (plans, world, regions) = native_plans(cx, body);
    let mut items = Vec::new();
    for s in body {
        let ast::Stmt::FunctionDef(f) = s else { continue };
        let known = cx.known.get(f.name.as_str()).or_else(|| cx.known_generators.get(f.name.as_str()));
        let (Some(Ok(nf)), Some(known), Some(scope)) = (plans.get(f.name.as_str()), known, cx.prog.scope_of(s)) else {
            continue;
        };
        items.push(native::function(&world, f, nf, &known.rust)?);
        // A native generator is only ever made by native code.
        if !matches!(nf.ret, infer::NTy::Gen(_)) {
            cx.native.insert(scope, vec![(nf.clone(), known.rust.clone())]);
        }
    }
    // Methods of fixed-layout classes, after the functions: each def once
    // for every class whose instances run it.
    for (class, method, item, f) in method_units(body, &world, &plans) {
        let name = format!("{class}.{method}");
        let (Some(Ok(nf)), Some(scope)) = (plans.get(&name), cx.prog.scope_of(item)) else { continue };
        let rust = native::method_ident(&class, &method);
        items.push(native::function(&world, f, nf, &rust)?);
        cx.native.entry(scope).or_default().push((nf.clone(), rust));
    }
    let mut used = BTreeSet::new();
    for nf in plans.values().flatten() {
        native::classes_used(nf, &mut used);
    }
    for r in regions.values().flatten() {
        native::classes_used(&r.nf, &mut used);
    }
    native::close_over_fields(&world, &mut used);
    for name in &used {
        if let Some(class) = world.classes.get(name) {
            cx.layouts.insert(class.offset, native::layout_ident(name));
        }
    }
    cx.journal = !used.is_empty();
    fast_methods(cx, body, &plans, &world, &used);
    let patterns = class_patterns(cx, body, &world);
    let layouts = native::layouts(&world, &used.union(&patterns).cloned().collect());
    let generators = plans.values().any(|p| matches!(p, Ok(nf) if matches!(nf.ret, infer::NTy::Gen(_))));
    for region in regions.into_values().flatten() {
        let Some(s) = body.iter().find(|s| span(*s).0 == region.offset) else { continue };
        let line = crate::diagnostics::line_col(cx.source, region.offset).0;
        items.push(native::region(&world, s, &region, line)?);
        cx.regions.insert(region.offset, region);
    }
    if !items.is_empty() || !layouts.is_empty() {
        let m = cx.mods.at(&[native::MODULE.to_string()]);
        if generators {
            m.items.push(quote! { use rt::typed::{Bail, NResult, Step}; });
        } else {
            m.items.push(quote! { use rt::typed::{Bail, NResult}; });
        }
        m.items.extend(native::text_constants(&world));
        m.items.extend(layouts);
        m.items.extend(items);
    }
    Ok(())
}

/// Gives every fixed-layout class that a class pattern names a layout
/// (`cx.class_patterns`); returns their names.
fn class_patterns(cx: &mut Cx, body: &[ast::Stmt], world: &infer::World) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    pattern::class_pattern_names(body, &mut names);
    names.retain(|n| world.classes.contains_key(n));
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let Some(class) = names.get(c.name.as_str()).and_then(|n| world.classes.get(n)) else { continue };
        let dataclass = matches!(cx.prog.dataclass_inits.get(&class.offset), Some(Ok(())));
        let match_args = pattern::fixed_match_args(c, dataclass, &class.fields[..class.init_fields]);
        let layout = native::layout_ident(&class.name);
        cx.layouts.insert(class.offset, layout.clone());
        let fields = class.fields.clone();
        cx.class_patterns.insert(class.name.clone(), pattern::ClassPattern { layout, fields, match_args });
    }
    names
}

/// The method units of the fixed-layout classes, in the order of the
/// source: for each class, its own defs, then the ones it inherits, then
/// the base defs `super()` reaches (`Base.method`), each with its def.
fn method_units<'a>(
    body: &'a [ast::Stmt],
    world: &infer::World,
    plans: &infer::Plans,
) -> Vec<(String, String, &'a ast::Stmt, &'a ast::StmtFunctionDef)> {
    let defs = infer::method_defs(body);
    let mut out = Vec::new();
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let Some(class) = world.classes.get(c.name.as_str()) else { continue };
        let prefix = format!("{}.", class.name);
        let mut units: Vec<&String> = plans.keys().filter(|k| k.starts_with(&prefix)).collect();
        // Own defs in source order first (a stable sort keeps the rest by name).
        let own = |u: &str| {
            c.body
                .iter()
                .position(|item| matches!(item, ast::Stmt::FunctionDef(f) if u[prefix.len()..] == *f.name.as_str()))
        };
        units.sort_by_key(|u| own(u).unwrap_or(usize::MAX));
        for unit in units {
            let Some((_, definer, method)) = world.method_of(unit) else { continue };
            let Some(&(item, f)) = defs.get(&(definer, method)) else { continue };
            out.push((class.name.clone(), unit[prefix.len()..].to_string(), item, f));
        }
    }
    out
}

/// A dynamic call's way straight into a method with a native version.
#[derive(Clone)]
pub struct FastMethod {
    /// The classes whose instances take it, each with `crate::Class::method`,
    /// the dynamic method (it tries the native one); for an inherited
    /// method, the base's.
    pub targets: Vec<(String, TokenStream)>,
    pub params: usize,
}

/// Chooses the Rust modules of the fixed-layout classes native code uses
/// and records their natively planned methods for dynamic calls.
fn fast_methods(cx: &mut Cx, body: &[ast::Stmt], plans: &infer::Plans, world: &infer::World, used: &BTreeSet<String>) {
    // The class module's items are its defs, each named after its method;
    // a clash would rename one, so such a class's defs get no fast path.
    let mut modules: HashMap<String, Option<String>> = HashMap::new();
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let Some(class) = world.classes.get(c.name.as_str()) else { continue };
        let definer_of_used = world.classes.values().any(|u| used.contains(&u.name) && u.lineage.contains(&class.name));
        if !definer_of_used {
            continue;
        }
        let defs: Vec<String> = c
            .body
            .iter()
            .filter_map(|item| match item {
                ast::Stmt::FunctionDef(f) => Some(mangle::rust_name(&f.name)),
                ast::Stmt::AsyncFunctionDef(f) => Some(mangle::rust_name(&f.name)),
                _ => None,
            })
            .collect();
        let mut names = BTreeSet::new();
        let clash = defs.iter().any(|d| !names.insert(d.clone()) || defs.contains(&format!("{d}_SIG")));
        let class_mod = class::class_module(cx, &[], &c.name);
        cx.class_mods.insert(span(s).0, class_mod.clone());
        modules.insert(class.name.clone(), (!clash).then_some(class_mod));
    }
    for (class, method, item, f) in method_units(body, world, plans) {
        let Some(Ok(nf)) = plans.get(&format!("{class}.{method}")) else { continue };
        // `Base.method` units are only reached through `super()`; a def
        // that uses `super()` takes the class cell as well.
        let captures = cx.prog.scope_of(item).is_some_and(|id| !cx.prog.scopes[id].free_order.is_empty());
        if nf.kind == infer::UnitKind::Init || method.contains('.') || !used.contains(&class) || captures {
            continue;
        }
        let Some(definer) = &nf.definer else { continue };
        let Some(Some(class_mod)) = modules.get(definer) else { continue };
        let (m, fun) = (mangle::raw(class_mod), mangle::raw(&mangle::rust_name(&f.name)));
        let root: Vec<Ident> = cx.module.rust_path.iter().map(|s| mangle::raw(s)).collect();
        let target = (class.clone(), quote! { crate::#(#root::)*#m::#fun });
        let params = nf.params.len();
        let entry = cx.fast_methods.entry(method).or_insert(Some(FastMethod { targets: Vec::new(), params }));
        match entry {
            Some(fast) if fast.params == params => fast.targets.push(target),
            // Methods of one name taking different numbers of parameters.
            _ => *entry = None,
        }
    }
}

/// The native-tier plans for the module's never-rebound functions. A
/// module-level name `native` would collide with the module: then nothing
/// is native.
fn native_plans(cx: &Cx, body: &[ast::Stmt]) -> (infer::Plans, infer::World, infer::Regions) {
    let known = || cx.known.iter().chain(&cx.known_generators);
    let mut candidates: BTreeSet<String> = known().map(|(n, _)| n.clone()).collect();
    let collides = cx.prog.scopes[0].symbols.contains_key(native::MODULE);
    if collides {
        candidates.clear();
    }
    let early: BTreeSet<String> = known().filter(|(_, k)| k.early).map(|(n, _)| n.clone()).collect();
    let mut excluded = BTreeMap::new();
    loop {
        let planned = infer::plan(cx.prog, cx.source, body, &candidates, &early, !collides, &excluded);
        let clashes = name_clashes(cx, &planned.0, &planned.1);
        if clashes.is_empty() {
            return planned;
        }
        excluded.extend(clashes);
    }
}

/// The native units whose Rust name in `mod native` is also another's
/// (`A.b__c` and `A__b.c` are both `A__b__c`), each with the reason it
/// stays dynamic; every class's layout static counts as taken.
fn name_clashes(cx: &Cx, plans: &infer::Plans, world: &infer::World) -> BTreeMap<String, String> {
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for class in world.classes.keys() {
        by_name.entry(native::layout_ident(class).to_string()).or_default().push(format!("the layout of {class}"));
    }
    for (unit, plan) in plans {
        if plan.is_err() {
            continue;
        }
        let rust = match (world.method_of(unit), unit.split_once('.')) {
            (Some(_), Some((class, method))) => native::method_ident(class, method).to_string(),
            _ => match cx.known.get(unit).or_else(|| cx.known_generators.get(unit)) {
                Some(k) => k.rust.to_string(),
                None => continue,
            },
        };
        by_name.entry(rust).or_default().push(unit.clone());
    }
    let mut out = BTreeMap::new();
    for (rust, owners) in by_name.into_iter().filter(|(_, o)| o.len() > 1) {
        for unit in owners.iter().filter(|o| plans.contains_key(*o)) {
            let others: Vec<&str> = owners.iter().filter(|o| *o != unit).map(String::as_str).collect();
            out.insert(unit.clone(), format!("its Rust name {rust} is also that of {}", others.join(", ")));
        }
    }
    out
}

/// What `--explain-types` prints: for every module-level function, whether
/// it runs natively (with its types) or stays dynamic (and why).
pub fn explain_types(prog: &Program, source: &str, body: &[ast::Stmt]) -> Vec<String> {
    let cx = module_cx(prog, source, body);
    let (plans, world, regions) = native_plans(&cx, body);
    let at = |offset: usize| crate::diagnostics::line_col(source, offset);
    let refused = |r: &infer::Refusal| {
        let (line, col) = at(r.offset);
        format!("dynamic: {line}:{col}: {}", r.reason)
    };
    let plan = |p: &Result<infer::NativeFn, infer::Refusal>| match p {
        Ok(nf) => native::describe(nf),
        Err(r) => refused(r),
    };
    // Functions and loops, in the order of the source.
    let mut out: Vec<(usize, String)> = Vec::new();
    for s in body {
        let name = match s {
            ast::Stmt::FunctionDef(f) => f.name.to_string(),
            ast::Stmt::AsyncFunctionDef(f) => f.name.to_string(),
            _ => continue,
        };
        let what = match plans.get(&name) {
            Some(p) => plan(p),
            None => {
                "dynamic: it is rebound, decorated, a coroutine, or takes *args, **kwargs or keyword-only parameters"
                    .to_string()
            }
        };
        out.push((span(s).0, format!("{}: {name}: {what}", at(span(s).0).0)));
    }
    // Classes: fixed-layout or not, then each method's plan.
    let classes = crate::sema::fixed::classes(prog, body);
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let what = match classes.get(c.name.as_str()) {
            Some(Ok(class)) => {
                // Each field with the type native code stores in it, if any.
                let fields: Vec<String> = class
                    .fields
                    .iter()
                    .map(|f| {
                        let key = (class.name.clone(), f.clone());
                        let none = world.none_fields.contains(&key);
                        match world.field_types.get(&key) {
                            Some(t) if none => format!("{f}: {t} | None"),
                            Some(t) => format!("{f}: {t}"),
                            None if none => format!("{f}: None"),
                            None => format!("{f} (dynamic)"),
                        }
                    })
                    .collect();
                if fields.is_empty() {
                    "fixed layout, no fields".to_string()
                } else {
                    format!("fixed layout, fields {}", fields.join(", "))
                }
            }
            Some(Err(r)) => refused(r),
            None => continue,
        };
        out.push((span(s).0, format!("{}: class {}: {what}", at(span(s).0).0, c.name)));
        for item in &c.body {
            let ast::Stmt::FunctionDef(f) = item else { continue };
            let name = format!("{}.{}", c.name, f.name);
            let Some(p) = plans.get(&name) else { continue };
            out.push((span(item).0, format!("{}: {name}: {}", at(span(item).0).0, plan(p))));
        }
        // A base's defs on this class's instances, listed with the class.
        let prefix = format!("{}.", c.name);
        for (name, p) in plans.range(prefix.clone()..).take_while(|(n, _)| n.starts_with(&prefix)) {
            let Some((_, definer, method)) = world.method_of(name) else { continue };
            if definer == c.name.as_str() {
                continue;
            }
            let unit = if name.matches('.').count() == 2 {
                format!("{definer}.{method} on {} instances, called by super()", c.name)
            } else {
                format!("{}.{method}, inherited from {definer}", c.name)
            };
            out.push((span(s).0, format!("{}: {unit}: {}", at(span(s).0).0, plan(p))));
        }
    }
    for (offset, r) in &regions {
        let what = match r {
            Ok(r) => native::describe_region(r),
            Err(e) => refused(e),
        };
        out.push((*offset, format!("{}: loop: {what}", at(*offset).0)));
    }
    out.sort_by_key(|(offset, _)| *offset);
    out.into_iter().map(|(_, line)| line).collect()
}

/// A lowered module: the file's inner attributes and its items, kept apart
/// so emission can format the items in parallel.
pub struct LoweredFile {
    pub header: TokenStream,
    pub items: Vec<TokenStream>,
}

/// The program context before any lowering: module globals (assigned at
/// module level or through `global`) and the functions calls may reach
/// directly. `--explain-types` and lowering start from the same one.
fn module_cx<'a>(prog: &'a Program, source: &'a str, body: &'a [ast::Stmt]) -> Cx<'a> {
    let mut cx = Cx::new(prog, source, body);
    cx.globals = prog.scopes[0].symbols.iter().filter(|(_, s)| s.assigned).map(|(n, _)| n.clone()).collect();
    for s in &prog.scopes {
        for (n, sym) in &s.symbols {
            if sym.declared_global && sym.assigned {
                cx.globals.insert(n.clone());
            }
        }
    }
    func::find_known_functions(&mut cx, body);
    cx
}

/// `rt::location!(line, "source line")` for the line at `offset`, where a
/// warning may be raised at run time.
pub fn warning_location(cx: &Cx, offset: usize) -> TokenStream {
    let line = crate::diagnostics::line_col(cx.source, offset).0;
    let text = crate::sema::warnings::source_line(cx.source, line);
    let line = line as u32;
    quote! { rt::location!(#line, #text) }
}

/// The `static` describing an imported module to the runtime
/// (`rt::user_modules::Source`), which `import` of it hands over.
fn module_source(cx: &Cx) -> TokenStream {
    let m = &cx.module;
    let (name, file, package) = (&m.name, &m.file, m.package);
    let parent = match m.name.rsplit_once('.') {
        Some((parent, _)) => {
            let path = module_path(cx, parent);
            quote! { Some(&#path) }
        }
        None => quote! { None },
    };
    let globals = cx.globals.iter().map(|g| {
        let id = mangle::ident(g);
        quote! { &globals::#id }
    });
    let doc = format!(" The module `{name}`, whose body its first import runs.");
    quote! {
        #[doc = #doc]
        pub static MODULE: rt::user_modules::Source = rt::user_modules::Source {
            name: #name,
            file: #file,
            package: #package,
            parent: #parent,
            globals: &[#(#globals),*],
            body: module_body,
        };
    }
}

/// `crate::modules::NAME::MODULE` for the program's module `name`.
pub fn module_path(cx: &Cx, name: &str) -> TokenStream {
    let ids: Vec<Ident> = cx.module.user_modules.get(name).into_iter().flatten().map(|s| mangle::raw(s)).collect();
    quote! { crate::#(#ids::)*MODULE }
}

/// In `main.rs`: `mod modules { pub mod helper; ... }`, one Rust file per
/// module the program imports from beside it.
fn module_children(module: &ModuleInfo) -> Option<TokenStream> {
    let mut parents: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for path in module.user_modules.values() {
        if let [parent, child] = path.as_slice() {
            parents.entry(parent).or_default().push(child);
        }
    }
    let (parent, children) = parents.into_iter().next()?;
    let (parent, children) = (mangle::raw(parent), children.iter().map(|c| mangle::raw(c)));
    Some(quote! {
        /// The program's own modules, each in its file.
        mod #parent {
            #(pub mod #children;)*
        }
    })
}

/// The statements printing the SyntaxWarnings CPython prints as it
/// compiles the module.
fn warning_calls(source: &str, file: &str, warnings: &[crate::sema::warnings::Warning]) -> Vec<TokenStream> {
    let call = |w: &crate::sema::warnings::Warning| {
        let line = w.line as u32;
        let (message, text) = (&w.message, crate::sema::warnings::source_line(source, w.line));
        quote! { rt::warnings::syntax_warning(#file, #line, #message, #text); }
    };
    warnings.iter().map(call).collect()
}

/// `main`: prints the SyntaxWarnings CPython prints as it compiles, then
/// runs the module body.
fn main_fn(source: &str, file: &str, warnings: &[crate::sema::warnings::Warning]) -> TokenStream {
    let warnings = warning_calls(source, file, warnings);
    quote! {
        fn main() {
            #(#warnings)*
            rt::entry::run_main(#file, module_body)
        }
    }
}

/// Lowers a whole module to the items of its Rust file: `src/main.rs`
/// for the script, `src/modules/NAME.rs` for a module it imports.
pub fn lower_module(
    prog: &Program,
    source: &str,
    module: &ModuleInfo,
    body: &[ast::Stmt],
    warnings: &[crate::sema::warnings::Warning],
) -> LResult<LoweredFile> {
    let mut cx = module_cx(prog, source, body);
    cx.module = module.clone();
    native_functions(&mut cx, body)?;
    let mut fx = Fx::new(0, Vec::new());
    fx.root = module.rust_path.clone();
    let mut stmts = stmt::block(&mut cx, &mut fx, body)?;
    let globals: Vec<TokenStream> = cx
        .globals
        .iter()
        .map(|g| {
            let id = mangle::ident(g);
            if module.is_main() {
                quote! { pub static #id: Global = Global::new(#g); }
            } else {
                let m = &module.name;
                quote! { pub static #id: Global = Global::in_module(#g, #m); }
            }
        })
        .collect();
    let origin = if module.is_main() { "the Python program".to_string() } else { format!("`{}`", module.file) };
    let generated = format!(" Generated by py2rs from {origin}; edit the Python, not this.");
    let header = quote! {
        #![doc = #generated]
        #![allow(unused_mut, unused_variables, unused_assignments, unreachable_code, unused_parens, unused_labels, unused_braces, unused_imports, dead_code, non_snake_case, non_upper_case_globals, clippy::all)]
    };
    let mut items = vec![
        quote! { use py2rs_runtime as rt; },
        quote! {
            #[allow(unused_imports)]
            use rt::prelude::*;
        },
        quote! {
            #[allow(unused_imports)]
            use std::rc::Rc;
        },
        quote! {
            /// Module-level variables of the Python program.
            mod globals {
                #[allow(unused_imports)]
                use super::*;
                #(#globals)*
            }
        },
    ];
    if module.is_main() {
        items.push(main_fn(source, &module.file, warnings));
        items.extend(module_children(module));
    } else {
        // CPython compiles a module when it is first imported (this
        // program never leaves `.pyc` files to skip that).
        stmts.splice(0..0, warning_calls(source, &module.file, warnings));
        items.push(module_source(&cx));
    }
    items.extend(module_body::items(source, body, stmts));
    items.extend(cx.mods.item_list());
    Ok(LoweredFile { header, items })
}

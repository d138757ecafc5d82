//! `class` statements: the body runs inline, storing into a namespace
//! dict; methods become Rust functions in a module named after the class;
//! then the metaclass (normally `type`) builds the class object.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, Fx, LResult, Var, call, stmt, unsupported};
use crate::emit::mangle;
use crate::frontend::ast;

pub fn class_def(cx: &mut Cx, fx: &mut Fx, s: &ast::Stmt, c: &ast::StmtClassDef) -> LResult<TokenStream> {
    let scope_id = cx.prog.scope_of(s).ok_or_else(|| unsupported(s, "class scope"))?;
    if !c.decorator_list.is_empty() {
        resolve_string_annotations(cx, c)?;
    }
    // Decorator expressions are evaluated first, before the type
    // parameters, the bases and the body.
    let (decorator_lets, decorators) = super::expr::into_temps(cx, fx, &c.decorator_list, "decorator")?;
    let decorators = decorators.into_iter().map(|tmp| quote! { #tmp }).collect();
    // `class C[T]`: bases, keywords and body see the type parameters, and
    // `Generic[T]` is an implicit last base.
    let generic = super::generic::enter(cx, fx, s, &c.type_params)?;
    let value = class_value(cx, fx, scope_id, c, decorators, generic.as_ref());
    super::generic::leave(fx, generic.as_ref());
    let value = value?;
    let store = super::assign::store_name(cx, fx, &c.name, quote! { _decorated })?;
    let decls = generic.as_ref().map(|g| g.decls.clone());
    // A fixed-layout class native code uses: its fields become its first
    // shared keys, and native code may now make and use its instances.
    let seal = cx.layouts.get(&crate::frontend::span(s).0).map(|layout| {
        let module = crate::emit::mangle::raw(super::native::MODULE);
        quote! { #module::#layout.seal(&_decorated); }
    });
    Ok(quote! {
        {
            #(#decorator_lets)*
            #decls
            let _decorated = #value;
            #seal
            #store
        }
    })
}

/// Resolves what `dataclasses` would read each string annotation of a
/// decorated class as (`cx.special_annotations`), or refuses the class
/// when the module does not say (see `annotation`).
fn resolve_string_annotations(cx: &mut Cx, c: &ast::StmtClassDef) -> LResult<()> {
    for item in &c.body {
        let ast::Stmt::AnnAssign(a) = item else { continue };
        let text = match &*a.annotation {
            ast::Expr::Constant(k) if !cx.future_annotations => match &k.value {
                ast::Constant::Str(s) => s.clone(),
                _ => continue,
            },
            e if cx.future_annotations => match super::annotation::text(e) {
                Some(t) => t,
                None => continue,
            },
            _ => continue,
        };
        match super::annotation::string_kind(cx.prog, cx.body, &text) {
            Ok(Some(kind)) => {
                cx.special_annotations.insert(crate::frontend::span(&*a.annotation).0, kind);
            }
            Ok(None) => {}
            Err(why) => return Err(unsupported(&*a.annotation, &why)),
        }
    }
    Ok(())
}

/// A name for the Rust module of class `name` in module `path`, unique
/// there (and now taken).
pub(super) fn class_module(cx: &mut Cx, path: &[String], name: &str) -> String {
    let tree = cx.mods.at(path);
    let base = mangle::rust_name(name);
    let mut m = base.clone();
    let mut k = 1;
    while tree.used.contains(&m) {
        k += 1;
        m = format!("{base}_{k}");
    }
    tree.used.insert(m.clone());
    m
}

/// A block evaluating to the (decorated) class object.
fn class_value(
    cx: &mut Cx,
    fx: &mut Fx,
    scope_id: crate::sema::ScopeId,
    c: &ast::StmtClassDef,
    decorators: Vec<TokenStream>,
    generic: Option<&super::generic::Generic>,
) -> LResult<TokenStream> {
    let mut bases = super::expr::elements(cx, fx, &c.bases)?;
    let type_params = match generic {
        Some(g) => {
            let params = &g.params;
            bases = quote! {{
                let mut bases = #bases;
                bases.push(rt::typing::generic_base(&_type_params));
                bases
            }};
            quote! { let _type_params = #params; }
        }
        None => quote! {},
    };
    let (_, kwargs) = call::arguments(cx, fx, &[], &c.keywords)?;

    let ns = cx.fresh("ns");
    let scope = &cx.prog.scopes[scope_id];
    let qualname = scope.qualname.clone();
    let needs_cell = scope.uses_class_cell;
    let name = c.name.to_string();

    // Lower the body in the class scope, methods going to `mod Class`.
    let class_mod = match cx.class_mods.get(&crate::frontend::span(c).0) {
        Some(m) => m.clone(),
        None => class_module(cx, &fx.path, &name),
    };
    let saved_scope = fx.scope;
    let class_bases = cx.fresh("bases");
    let saved_ns = fx.class_ns.replace(ns.clone());
    let saved_bases = fx.class_bases.replace(class_bases.clone());
    let saved_first = fx.first_param.take();
    fx.scope = scope_id;
    fx.path.push(class_mod);
    fx.depth += 1;
    fx.env.push(Default::default());
    let cell = mangle::raw("__class__");
    if needs_cell {
        fx.bind("__class__", Var::Cell(cell.clone()));
    }
    let body = stmt::block(cx, fx, &c.body);
    fx.env.pop();
    fx.depth -= 1;
    fx.path.pop();
    fx.scope = saved_scope;
    fx.class_ns = saved_ns;
    fx.class_bases = saved_bases;
    fx.first_param = saved_first;
    let body = body?;

    let cls = cx.fresh("cls");
    let (meta, class_kwargs) = (cx.fresh("meta"), cx.fresh("class_kw"));
    let prepare = cx.tri(fx, quote! { rt::classes::prepare_class(#name, #bases, #kwargs) });
    let make =
        cx.tri(fx, quote! { rt::classes::make_class(#meta, #name, #qualname, #class_bases, #ns, #class_kwargs) });
    let (cell_decl, cell_set) = if needs_cell {
        (quote! { let #cell = Cell::new(); }, quote! { #cell.set(#cls.clone()); })
    } else {
        (quote! {}, quote! {})
    };
    // CPython's class body starts with `__module__ = __name__`.
    let module = if cx.module.is_main() {
        quote! {}
    } else {
        let m = &cx.module.name;
        quote! { #ns.set_str("__module__", Value::str(#m)); }
    };
    let doc = match c.body.first() {
        Some(ast::Stmt::Expr(e)) => match &*e.value {
            ast::Expr::Constant(k) => match &k.value {
                ast::Constant::Str(d) => quote! { #ns.set_str("__doc__", Value::str(#d)); },
                _ => quote! {},
            },
            _ => quote! {},
        },
        _ => quote! {},
    };
    let mut value = quote! { #cls };
    for d in decorators.into_iter().rev() {
        value = cx.tri(fx, quote! { rt::call::call(&#d, vec![#value], vec![]) });
    }
    let set_params = match generic {
        Some(_) => quote! { #ns.set_str("__type_params__", _type_params.clone()); },
        None => quote! {},
    };
    Ok(quote! {
        {
            #type_params
            let (#meta, #class_bases, #ns, #class_kwargs) = #prepare;
            #cell_decl
            #module
            #doc
            #set_params
            #(#body)*
            let #cls = #make;
            #cell_set
            #value
        }
    })
}

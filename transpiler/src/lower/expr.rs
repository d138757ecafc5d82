//! The expression dispatcher and the simple expression families: names,
//! literals, operators, comparisons, boolean logic, conditional
//! expressions, containers, subscripts, attributes and f-strings.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Cx, Fx, LResult, Lowered, Var, call, comprehension, func, unsupported};
use crate::diagnostics::Diagnostic;
use crate::emit::mangle;
use crate::frontend::{ast, span};
use crate::sema::Binding;
use crate::sema::types::Ty;

/// Lowers `e` to tokens of a `&Value`.
pub fn expr_ref(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<TokenStream> {
    Ok(expr(cx, fx, e)?.by_ref())
}

/// What a `for` loop or a comprehension iterates over: as `expr`, except
/// that a set display of constants is a frozenset constant, as CPython's
/// optimizer makes it (which can order its items differently).
pub fn iterable(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<Lowered> {
    match e {
        ast::Expr::Set(s) if s.elts.iter().all(is_constant) => {
            let items = elements(cx, fx, &s.elts)?;
            Ok(Lowered::any(cx.tri(fx, quote! { rt::set::folded_frozenset(#items) })))
        }
        _ => expr(cx, fx, e),
    }
}

/// [`iterable`], by reference.
pub fn iterable_ref(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<TokenStream> {
    Ok(iterable(cx, fx, e)?.by_ref())
}

/// Evaluates `exprs` in order, each into a fresh temporary named for
/// `kind`: the `let`s that bind them, and the temporaries.
pub fn into_temps(
    cx: &mut Cx,
    fx: &mut Fx,
    exprs: &[ast::Expr],
    kind: &str,
) -> LResult<(Vec<TokenStream>, Vec<proc_macro2::Ident>)> {
    let (mut lets, mut temps) = (Vec::new(), Vec::new());
    for e in exprs {
        let v = expr(cx, fx, e)?.ts;
        let tmp = cx.fresh(kind);
        lets.push(quote! { let #tmp = #v; });
        temps.push(tmp);
    }
    Ok((lets, temps))
}

pub fn expr(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<Lowered> {
    let mut l = expr_tokens(cx, fx, e)?;
    l.ts = super::opaque(l.ts);
    Ok(l)
}

fn expr_tokens(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<Lowered> {
    use ast::Expr as E;
    match e {
        E::BoolOp(b) => bool_op(cx, fx, b),
        E::NamedExpr(n) => named_expr(cx, fx, n),
        E::BinOp(b) => bin_op(cx, fx, b),
        E::UnaryOp(u) => unary_op(cx, fx, u),
        E::Lambda(l) => func::lambda(cx, fx, e, l),
        E::IfExp(i) => {
            let c = cond(cx, fx, &i.test)?;
            let a = expr(cx, fx, &i.body)?;
            let b = expr(cx, fx, &i.orelse)?;
            let ty = if a.ty == b.ty { a.ty } else { Ty::Any };
            let (a, b) = (a.ts, b.ts);
            Ok(Lowered::typed(quote! { if #c { #a } else { #b } }, ty))
        }
        E::Dict(d) => dict_display(cx, fx, d),
        E::Set(s) => {
            let items = elements(cx, fx, &s.elts)?;
            // CPython folds displays of 3+ constants into a frozenset
            // constant merged into a new set; the table layout follows.
            let v = if s.elts.len() > 2 && s.elts.iter().all(is_constant) {
                cx.tri(fx, quote! { rt::set::from_constants(#items) })
            } else {
                cx.tri(fx, quote! { rt::set::from_values(#items) })
            };
            Ok(Lowered::typed(v, Ty::Set))
        }
        E::ListComp(c) => comprehension::list_comp(cx, fx, e, c),
        E::SetComp(c) => comprehension::set_comp(cx, fx, e, c),
        E::DictComp(c) => comprehension::dict_comp(cx, fx, e, c),
        E::GeneratorExp(g) => comprehension::gen_expr(cx, fx, e, g),
        E::Await(a) => {
            let Some(co) = fx.co.clone().filter(|_| super::in_async(cx, fx)) else {
                let message = match cx.scope(fx).kind {
                    crate::sema::ScopeKind::Comprehension => {
                        "asynchronous comprehension outside of an asynchronous function"
                    }
                    _ if cx.outside_function(fx) => "'await' outside function",
                    _ => "'await' outside async function",
                };
                return Err(super::control::syntax(e, message));
            };
            let v = expr(cx, fx, &a.value)?.ts;
            Ok(Lowered::any(cx.tri(fx, quote! { rt::aio::await_(&#co, #v).await })))
        }
        E::Yield(y) => {
            let Some(co) = fx.co.clone() else {
                if cx.outside_function(fx) {
                    return Err(super::control::syntax(e, "'yield' outside function"));
                }
                return Err(unsupported(e, "yield outside a generator function"));
            };
            let v = match &y.value {
                Some(v) => expr(cx, fx, v)?.ts,
                None => quote! { Value::None },
            };
            if cx.scope(fx).is_coroutine {
                return Ok(Lowered::any(cx.tri(fx, quote! { rt::asyncgen::agen_yield(&#co, #v).await })));
            }
            Ok(Lowered::any(cx.tri(fx, quote! { #co.yield_(#v).await })))
        }
        E::YieldFrom(y) => {
            let Some(co) = fx.co.clone() else { return Err(unsupported(e, "yield from outside a generator function")) };
            if cx.scope(fx).is_coroutine {
                let (a, b) = crate::frontend::span(e);
                return Err(crate::diagnostics::Diagnostic::new(
                    a,
                    b,
                    "SyntaxError: 'yield from' inside async function",
                ));
            }
            let v = expr(cx, fx, &y.value)?.ts;
            Ok(Lowered::any(cx.tri(fx, quote! { rt::generator::yield_from(&#co, #v).await })))
        }
        E::Compare(c) => compare(cx, fx, c),
        E::Call(c) => call::call(cx, fx, e, c),
        E::FormattedValue(f) => {
            let s = formatted(cx, fx, f)?;
            Ok(Lowered::typed(quote! { Value::str(#s) }, Ty::Str))
        }
        E::JoinedStr(j) => joined_str(cx, fx, j),
        E::Constant(c) => constant(&c.value),
        // `x.a.b` reads `b` without taking a reference to `x.a` on a hit.
        E::Attribute(a)
            if let E::Attribute(inner) = &*a.value
                && inner.ctx == ast::ExprContext::Load =>
        {
            let obj = expr_ref(cx, fx, &inner.value)?;
            let (first, second) = (inner.attr.as_str(), a.attr.as_str());
            Ok(Lowered::any(
                cx.tri(fx, quote! { rt::attr::getattr2_at(#obj, #first, rt::site!(), #second, rt::site!()) }),
            ))
        }
        E::Attribute(a) => {
            let obj = expr_ref(cx, fx, &a.value)?;
            let name = a.attr.as_str();
            Ok(Lowered::any(cx.tri(fx, quote! { rt::attr::getattr_at(#obj, #name, rt::site!()) })))
        }
        E::Subscript(s) => {
            let obj = expr_ref(cx, fx, &s.value)?;
            let key = expr_ref(cx, fx, &s.slice)?;
            Ok(Lowered::any(cx.tri(fx, quote! { rt::ops::getitem(#obj, #key) })))
        }
        E::Starred(_) => Err(Diagnostic::new(span(e).0, span(e).1, "SyntaxError: can't use starred expression here")),
        E::Name(n) => load_name(cx, fx, n.id.as_str(), e),
        E::List(l) => {
            let items = elements(cx, fx, &l.elts)?;
            Ok(Lowered::typed(quote! { Value::list(#items) }, Ty::List))
        }
        E::Tuple(t) if !t.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) => {
            let mut items = Vec::new();
            for e in &t.elts {
                items.push(expr(cx, fx, e)?.ts);
            }
            Ok(Lowered::typed(quote! { Value::tuple_of([#(#items),*]) }, Ty::Tuple))
        }
        E::Tuple(t) => {
            let items = elements(cx, fx, &t.elts)?;
            Ok(Lowered::typed(quote! { Value::tuple(#items) }, Ty::Tuple))
        }
        E::Slice(s) => {
            let part = |cx: &mut Cx, fx: &mut Fx, p: &Option<Box<ast::Expr>>| -> LResult<TokenStream> {
                match p {
                    Some(x) => Ok(expr(cx, fx, x)?.ts),
                    None => Ok(quote! { Value::None }),
                }
            };
            let (lo, hi, st) = (part(cx, fx, &s.lower)?, part(cx, fx, &s.upper)?, part(cx, fx, &s.step)?);
            Ok(Lowered::any(quote! { rt::slice::Slice::new(#lo, #hi, #st) }))
        }
    }
}

/// Lowers an expression used as a condition, producing a Rust `bool`.
pub fn cond(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<TokenStream> {
    match e {
        ast::Expr::BoolOp(b) => {
            let mut parts = Vec::new();
            for v in &b.values {
                parts.push(cond(cx, fx, v)?);
            }
            Ok(match b.op {
                ast::BoolOp::And => quote! { (#(#parts)&&*) },
                ast::BoolOp::Or => quote! { (#(#parts)||*) },
            })
        }
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
            let c = cond(cx, fx, &u.operand)?;
            Ok(quote! { !(#c) })
        }
        ast::Expr::Compare(c) if c.ops.len() == 1 => {
            let left = expr_ref(cx, fx, &c.left)?;
            let right = expr_ref(cx, fx, &c.comparators[0])?;
            Ok(compare_bool(cx, fx, c.ops[0], left, right))
        }
        ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Bool(_)) => {
            let b = matches!(k.value, ast::Constant::Bool(true));
            Ok(quote! { #b })
        }
        other => {
            let v = expr(cx, fx, other)?;
            if v.ty == Ty::Bool {
                let ts = v.by_ref();
                return Ok(quote! { matches!(#ts, Value::Bool(true)) });
            }
            let ts = v.by_ref();
            Ok(cx.tri(fx, quote! { rt::ops::truthy(#ts) }))
        }
    }
}

/// A single comparison as a Rust `bool`.
fn compare_bool(cx: &Cx, fx: &Fx, op: ast::CmpOp, left: TokenStream, right: TokenStream) -> TokenStream {
    use ast::CmpOp as C;
    match op {
        C::Is => quote! { (#left).is(#right) },
        C::IsNot => quote! { !(#left).is(#right) },
        C::In => cx.tri(fx, quote! { rt::ops::contains(#right, #left) }),
        C::NotIn => {
            let t = cx.tri(fx, quote! { rt::ops::contains(#right, #left) });
            quote! { !#t }
        }
        other => {
            let op = cmp_op(other);
            cx.tri(fx, quote! { rt::ops::compare_bool(#left, #right, #op) })
        }
    }
}

fn cmp_op(op: ast::CmpOp) -> TokenStream {
    use ast::CmpOp as C;
    match op {
        C::Eq => quote! { rt::ops::CmpOp::Eq },
        C::NotEq => quote! { rt::ops::CmpOp::Ne },
        C::Lt => quote! { rt::ops::CmpOp::Lt },
        C::LtE => quote! { rt::ops::CmpOp::Le },
        C::Gt => quote! { rt::ops::CmpOp::Gt },
        C::GtE => quote! { rt::ops::CmpOp::Ge },
        C::Is | C::IsNot | C::In | C::NotIn => quote! { rt::ops::CmpOp::Eq },
    }
}

/// A single comparison as a Python value (rich comparisons may return
/// anything).
fn compare_value(cx: &Cx, fx: &Fx, op: ast::CmpOp, left: TokenStream, right: TokenStream) -> TokenStream {
    use ast::CmpOp as C;
    match op {
        C::Is | C::IsNot | C::In | C::NotIn => {
            let b = compare_bool(cx, fx, op, left, right);
            quote! { Value::Bool(#b) }
        }
        other => {
            let op = cmp_op(other);
            cx.tri(fx, quote! { rt::ops::compare(#left, #right, #op) })
        }
    }
}

fn compare(cx: &mut Cx, fx: &mut Fx, c: &ast::ExprCompare) -> LResult<Lowered> {
    if c.ops.len() == 1 {
        let left = expr_ref(cx, fx, &c.left)?;
        let right = expr_ref(cx, fx, &c.comparators[0])?;
        return Ok(Lowered::any(compare_value(cx, fx, c.ops[0], left, right)));
    }
    let first = expr(cx, fx, &c.left)?.ts;
    // a < b < c: each middle operand is evaluated once, and evaluation stops
    // at the first false comparison, whose result is the value.
    let mut operands = vec![cx.fresh("c")];
    let mut lets = [quote! {}];
    let o0 = &operands[0];
    lets[0] = quote! { let #o0 = #first; };
    for _ in &c.comparators {
        operands.push(cx.fresh("c"));
    }
    let result = cx.fresh("cmp");
    let mut body = quote! {};
    for (i, (op, comp)) in c.ops.iter().zip(&c.comparators).enumerate().rev() {
        let left = &operands[i];
        let right = &operands[i + 1];
        let rv = expr(cx, fx, comp)?.ts;
        let cmpv = compare_value(cx, fx, *op, quote! { &#left }, quote! { &#right });
        let truth = cx.tri(fx, quote! { rt::ops::truthy(&#result) });
        body = if i == c.ops.len() - 1 {
            quote! { let #right = #rv; #cmpv }
        } else {
            quote! {
                let #right = #rv;
                let #result = #cmpv;
                if !#truth { #result } else { #body }
            }
        };
    }
    let l0 = &lets[0];
    Ok(Lowered::any(quote! { { #l0 #body } }))
}

fn bool_op(cx: &mut Cx, fx: &mut Fx, b: &ast::ExprBoolOp) -> LResult<Lowered> {
    // x and y: x if x is false, else y (each operand evaluated once).
    let mut values = Vec::new();
    for v in &b.values {
        values.push(expr(cx, fx, v)?.ts);
    }
    let mut it = values.into_iter().rev();
    let mut acc = it.next().unwrap_or_else(|| quote! { Value::None });
    for v in it {
        let t = cx.fresh("b");
        let truth = cx.tri(fx, quote! { rt::ops::truthy(&#t) });
        acc = match b.op {
            ast::BoolOp::And => quote! { { let #t = #v; if #truth { #acc } else { #t } } },
            ast::BoolOp::Or => quote! { { let #t = #v; if #truth { #t } else { #acc } } },
        };
    }
    Ok(Lowered::any(acc))
}

pub fn binop_tokens(op: ast::Operator) -> TokenStream {
    use ast::Operator as O;
    match op {
        O::Add => quote! { rt::ops::BinOp::Add },
        O::Sub => quote! { rt::ops::BinOp::Sub },
        O::Mult => quote! { rt::ops::BinOp::Mul },
        O::MatMult => quote! { rt::ops::BinOp::MatMul },
        O::Div => quote! { rt::ops::BinOp::TrueDiv },
        O::Mod => quote! { rt::ops::BinOp::Mod },
        O::Pow => quote! { rt::ops::BinOp::Pow },
        O::LShift => quote! { rt::ops::BinOp::LShift },
        O::RShift => quote! { rt::ops::BinOp::RShift },
        O::BitOr => quote! { rt::ops::BinOp::Or },
        O::BitXor => quote! { rt::ops::BinOp::Xor },
        O::BitAnd => quote! { rt::ops::BinOp::And },
        O::FloorDiv => quote! { rt::ops::BinOp::FloorDiv },
    }
}

fn bin_op(cx: &mut Cx, fx: &mut Fx, b: &ast::ExprBinOp) -> LResult<Lowered> {
    let l = expr(cx, fx, &b.left)?;
    let r = expr(cx, fx, &b.right)?;
    let ty = match b.op {
        ast::Operator::Add | ast::Operator::Sub | ast::Operator::Mult | ast::Operator::FloorDiv => {
            Ty::arith(l.ty, r.ty, false)
        }
        ast::Operator::Div => Ty::arith(l.ty, r.ty, true),
        _ => Ty::Any,
    };
    let (lt, rt_) = (l.by_ref(), r.by_ref());
    let op = binop_tokens(b.op);
    Ok(Lowered::typed(cx.tri(fx, quote! { rt::ops::binary(#lt, #rt_, #op) }), ty))
}

fn unary_op(cx: &mut Cx, fx: &mut Fx, u: &ast::ExprUnaryOp) -> LResult<Lowered> {
    if matches!(u.op, ast::UnaryOp::Not) {
        let c = cond(cx, fx, &u.operand)?;
        return Ok(Lowered::typed(quote! { Value::Bool(!(#c)) }, Ty::Bool));
    }
    // Negative literals fold at compile time (also keeps i64::MIN exact).
    if let (ast::UnaryOp::USub, ast::Expr::Constant(c)) = (u.op, &*u.operand) {
        match &c.value {
            ast::Constant::Int(i) => return int_literal(&-i.clone()),
            ast::Constant::Float(f) => return Ok(float_literal(-f)),
            _ => {}
        }
    }
    let v = expr(cx, fx, &u.operand)?;
    let ty = v.ty;
    let ts = v.by_ref();
    Ok(match u.op {
        ast::UnaryOp::USub => Lowered::typed(cx.tri(fx, quote! { rt::ops::neg(#ts) }), ty),
        ast::UnaryOp::UAdd => Lowered::typed(cx.tri(fx, quote! { rt::ops::pos(#ts) }), ty),
        ast::UnaryOp::Invert if may_warn_invert(&u.operand, ty) => {
            let at = super::warning_location(cx, span(u).0);
            Lowered::any(cx.tri(fx, quote! { rt::ops::invert_at(#ts, #at) }))
        }
        ast::UnaryOp::Invert => Lowered::any(cx.tri(fx, quote! { rt::ops::invert(#ts) })),
        ast::UnaryOp::Not => unreachable!("handled above"),
    })
}

/// Whether `~operand` may invert a bool at run time, which warns (`~True`
/// itself is folded by CPython's compiler, silently).
fn may_warn_invert(operand: &ast::Expr, ty: Ty) -> bool {
    let literal = matches!(operand, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(_)));
    !literal && !matches!(ty, Ty::Int)
}

fn named_expr(cx: &mut Cx, fx: &mut Fx, n: &ast::ExprNamedExpr) -> LResult<Lowered> {
    let ast::Expr::Name(target) = &*n.target else {
        return Err(unsupported(&*n.target, "assignment expression target"));
    };
    let v = expr(cx, fx, &n.value)?.ts;
    let t = cx.fresh("w");
    let store = super::assign::store_name(cx, fx, target.id.as_str(), quote! { #t.clone() })?;
    Ok(Lowered::any(quote! { { let #t = #v; #store #t } }))
}

/// `vec![...]` of the elements of a display, expanding `*iterables`.
/// A `Vec` of the values `items`. prettyplease prints the inside of a
/// macro as it was given, so items beyond a short expression are written
/// as `Vec::from([...])`, which it lays out like any other code.
fn vec_of(items: &[TokenStream]) -> TokenStream {
    // At most 8 tokens, none of them a block: one pass over the tokens.
    let short = |t: &TokenStream| {
        let mut n = 0;
        super::opened(t.clone()).all(|tt| {
            n += 1;
            n <= 8 && !matches!(&tt, proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace)
        })
    };
    if items.iter().all(short) {
        quote! { vec![#(#items),*] }
    } else {
        quote! { Vec::from([#(#items),*]) }
    }
}

pub fn elements(cx: &mut Cx, fx: &mut Fx, elts: &[ast::Expr]) -> LResult<TokenStream> {
    if !elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) {
        let mut items = Vec::new();
        for e in elts {
            items.push(expr(cx, fx, e)?.ts);
        }
        return Ok(vec_of(&items));
    }
    let acc = cx.fresh("items");
    let mut pushes = Vec::new();
    for e in elts {
        if let ast::Expr::Starred(s) = e {
            let v = expr(cx, fx, &s.value)?.ts;
            let items = cx.tri(fx, quote! { rt::iter::to_vec(&#v) });
            pushes.push(quote! { #acc.extend(#items); });
        } else {
            let v = expr(cx, fx, e)?.ts;
            pushes.push(quote! { #acc.push(#v); });
        }
    }
    Ok(quote! { { let mut #acc: Vec<Value> = Vec::new(); #(#pushes)* #acc } })
}

fn dict_display(cx: &mut Cx, fx: &mut Fx, d: &ast::ExprDict) -> LResult<Lowered> {
    let acc = cx.fresh("d");
    let mut sets = Vec::new();
    for (k, v) in d.keys.iter().zip(&d.values) {
        match k {
            Some(k) => {
                let kt = expr(cx, fx, k)?.ts;
                let vt = expr(cx, fx, v)?.ts;
                let s = cx.tri(fx, quote! { #acc.set(#kt, #vt) });
                sets.push(quote! { #s; });
            }
            None => {
                let vt = expr(cx, fx, v)?.ts;
                let s = cx.tri(fx, quote! { rt::methods::dict_update(&#acc, &#vt) });
                sets.push(quote! { #s; });
            }
        }
    }
    Ok(Lowered::typed(quote! { { let #acc = rt::dict::Dict::new(); #(#sets)* Value::Dict(Rc::new(#acc)) } }, Ty::Dict))
}

fn int_literal(i: &num_bigint::BigInt) -> LResult<Lowered> {
    use num_traits::ToPrimitive;
    Ok(match i.to_i64() {
        Some(v) => {
            let lit = proc_macro2::Literal::i64_unsuffixed(v);
            Lowered::typed(quote! { Value::Int(#lit) }, Ty::Int)
        }
        None => {
            let text = i.to_string();
            Lowered::typed(quote! { rt::int::literal(#text) }, Ty::Int)
        }
    })
}

/// An `f64` expression for a float constant: finite, infinite or NaN (a
/// module constant such as `inf - inf`, kept bit for bit).
pub(super) fn float_tokens(f: f64) -> TokenStream {
    if f.is_nan() {
        let bits = proc_macro2::Literal::u64_unsuffixed(f.to_bits());
        return quote! { f64::from_bits(#bits) };
    }
    if f.is_infinite() {
        return if f > 0.0 {
            quote! { f64::INFINITY }
        } else {
            quote! { f64::NEG_INFINITY }
        };
    }
    let lit = proc_macro2::Literal::f64_suffixed(f);
    quote! { #lit }
}

fn float_literal(f: f64) -> Lowered {
    if f.is_infinite() {
        return if f > 0.0 {
            Lowered::typed(quote! { Value::Float(f64::INFINITY) }, Ty::Float)
        } else {
            Lowered::typed(quote! { Value::Float(f64::NEG_INFINITY) }, Ty::Float)
        };
    }
    let lit = proc_macro2::Literal::f64_unsuffixed(f);
    Lowered::typed(quote! { Value::Float(#lit) }, Ty::Float)
}

pub fn constant(c: &ast::Constant) -> LResult<Lowered> {
    Ok(match c {
        ast::Constant::None => Lowered::typed(quote! { Value::None }, Ty::None),
        ast::Constant::Bool(b) => Lowered::typed(quote! { Value::Bool(#b) }, Ty::Bool),
        ast::Constant::Str(s) => Lowered::typed(quote! { rt::str_lit!(#s) }, Ty::Str),
        ast::Constant::Bytes(b) => {
            let lit = syn::LitByteStr::new(b, proc_macro2::Span::call_site());
            Lowered::any(quote! { rt::bytes::literal(#lit) })
        }
        ast::Constant::Int(i) => return int_literal(i),
        ast::Constant::Tuple(items) => {
            let mut parts = Vec::new();
            for it in items {
                parts.push(constant(it)?.ts);
            }
            Lowered::typed(quote! { Value::tuple(vec![#(#parts),*]) }, Ty::Tuple)
        }
        ast::Constant::Float(f) => float_literal(*f),
        ast::Constant::Complex { real, imag } => {
            let (re, im) = (float_tokens(*real), float_tokens(*imag));
            Lowered::any(quote! { rt::complex::new(#re, #im) })
        }
        ast::Constant::Ellipsis => Lowered::any(quote! { Value::Ellipsis }),
    })
}

/// The text of one `{value!conv:spec}` field, as a Rust `String`.
fn formatted(cx: &mut Cx, fx: &mut Fx, f: &ast::ExprFormattedValue) -> LResult<TokenStream> {
    let (v, spec) = formatted_parts(cx, fx, f)?;
    Ok(cx.tri(fx, quote! { rt::fmt::format(#v, #spec) }))
}

/// The value (converted by `!s`/`!r`/`!a`) and the spec of one `{...}`
/// of an f-string.
fn formatted_parts(cx: &mut Cx, fx: &mut Fx, f: &ast::ExprFormattedValue) -> LResult<(TokenStream, TokenStream)> {
    let v = expr_ref(cx, fx, &f.value)?;
    let converted = match f.conversion {
        ast::ConversionFlag::None => v,
        ast::ConversionFlag::Str => {
            let s = cx.tri(fx, quote! { rt::fmt::str_(#v) });
            quote! { &Value::str(#s) }
        }
        ast::ConversionFlag::Repr => {
            let s = cx.tri(fx, quote! { rt::fmt::repr(#v) });
            quote! { &Value::str(#s) }
        }
        ast::ConversionFlag::Ascii => {
            let s = cx.tri(fx, quote! { rt::fmt::ascii(#v) });
            quote! { &Value::str(#s) }
        }
    };
    let spec = match &f.format_spec {
        None => quote! { "" },
        Some(s) => match crate::frontend::constant_text(s) {
            Some(text) => quote! { #text },
            None => {
                let s = joined_text(cx, fx, s)?;
                quote! { &#s }
            }
        },
    };
    Ok((converted, spec))
}

/// The `String` an f-string (or a nested spec) produces.
fn joined_text(cx: &mut Cx, fx: &mut Fx, e: &ast::Expr) -> LResult<TokenStream> {
    let parts: Vec<&ast::Expr> = match e {
        ast::Expr::JoinedStr(j) => j.values.iter().collect(),
        other => vec![other],
    };
    let acc = cx.fresh("s");
    let mut pushes = Vec::new();
    for p in parts {
        match p {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(s) => pushes.push(quote! { #acc.push_str(#s); }),
                _ => return Err(unsupported(p, "non-string constant in f-string")),
            },
            ast::Expr::FormattedValue(f) => {
                // Each piece is formatted straight into the buffer.
                let (v, spec) = formatted_parts(cx, fx, f)?;
                let push = cx.tri(fx, quote! { rt::fmt::format_into(&mut #acc, #v, #spec) });
                pushes.push(quote! { #push; });
            }
            other => return Err(unsupported(other, "f-string part")),
        }
    }
    Ok(quote! { { let mut #acc = String::new(); #(#pushes)* #acc } })
}

fn joined_str(cx: &mut Cx, fx: &mut Fx, j: &ast::ExprJoinedStr) -> LResult<Lowered> {
    if let [ast::Expr::Constant(c)] = j.values.as_slice()
        && let ast::Constant::Str(s) = &c.value
    {
        return Ok(Lowered::typed(quote! { rt::str_lit!(#s) }, Ty::Str));
    }
    if j.values.is_empty() {
        return Ok(Lowered::typed(quote! { rt::str_lit!("") }, Ty::Str));
    }
    let s = joined_text(cx, fx, &ast::Expr::JoinedStr(j.clone()))?;
    Ok(Lowered::typed(quote! { Value::str(#s) }, Ty::Str))
}

/// Reads a Python name.
pub fn load_name(cx: &mut Cx, fx: &mut Fx, name: &str, at: &ast::Expr) -> LResult<Lowered> {
    match cx.binding(fx, name) {
        Some(Binding::Local) | Some(Binding::Cell) | Some(Binding::Free) => match fx.lookup(name) {
            Some(var) => {
                let mut l = Lowered::any(read_var(cx, fx, name, &var));
                // A walrus may assign the variable later in the same
                // expression, so only walrus-free locals are borrowed.
                let walrus = cx.scope(fx).symbols.get(name).is_some_and(|s| s.walrus);
                if let (Var::Plain(id), false) = (&var, walrus) {
                    l.place = Some(id.clone());
                }
                Ok(l)
            }
            None => Err(unsupported(at, &format!("reference to '{name}' from this scope"))),
        },
        Some(Binding::ClassLocal) => {
            let ns = fx.class_ns.clone().ok_or_else(|| unsupported(at, "class namespace access"))?;
            let fallback = global_read(cx, fx, name);
            Ok(Lowered::any(cx.tri(fx, quote! { rt::classes::ns_load(&#ns, #name, || #fallback) })))
        }
        Some(Binding::Global) | None => {
            let g = global_read(cx, fx, name);
            Ok(Lowered::any(cx.tri(fx, g)))
        }
    }
}

/// Tokens (a `PyResult<Value>`) reading a module global or builtin from
/// code of `fx`.
pub fn global_read(cx: &Cx, fx: &Fx, name: &str) -> TokenStream {
    let assigned = cx.globals.contains(name);
    let builtin = super::builtins::is_builtin_name(name);
    let id = mangle::ident(name);
    match (assigned, builtin) {
        (true, false) => quote! { globals::#id.get() },
        (true, true) => quote! { globals::#id.get().or_else(|_| rt::builtins::builtin(#name)) },
        (false, true) => quote! { rt::builtins::builtin(#name) },
        (false, false) => match name {
            "__name__" => {
                let name = &cx.module.name;
                quote! { Ok::<Value, PyErr>(Value::str(#name)) }
            }
            "__package__" => match cx.module.package_name() {
                Some(p) => quote! { Ok::<Value, PyErr>(Value::str(#p)) },
                None => quote! { Ok::<Value, PyErr>(Value::None) },
            },
            // The module's docstring, if its first statement is one.
            "__doc__" => match module_docstring(cx.body) {
                Some(doc) => quote! { Ok::<Value, PyErr>(Value::str(#doc)) },
                None => quote! { Ok::<Value, PyErr>(Value::None) },
            },
            "__file__" if cx.module.is_main() => quote! { Ok::<Value, PyErr>(Value::str(rt::builtins::main_file())) },
            "__file__" => {
                let file = &cx.module.file;
                quote! { Ok::<Value, PyErr>(Value::str(#file)) }
            }
            _ if !cx.module.is_main() => {
                // The hint looks among this module's globals.
                let module = &cx.module.name;
                let (varnames, self_obj) = frame_names(cx, fx).unwrap_or_else(|| (Vec::new(), quote! { None }));
                quote! { rt::raise::name_error_in_module(#name, #module, &[#(#varnames),*], #self_obj) }
            }
            _ => match frame_names(cx, fx) {
                Some((varnames, self_obj)) => quote! { rt::raise::name_error_in(#name, &[#(#varnames),*], #self_obj) },
                None => quote! { rt::raise::name_error(#name) },
            },
        },
    }
}

/// A module's docstring: its first statement, when that is a str literal.
fn module_docstring(body: &[ast::Stmt]) -> Option<String> {
    let ast::Stmt::Expr(e) = body.first()? else { return None };
    match &*e.value {
        ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => Some(s.clone()),
        _ => None,
    }
}

/// For a NameError's "Did you mean" hint: the local variable names of the
/// function `fx` lowers (CPython's `co_varnames`: parameters first, then
/// the other locals in the order they appear, without those only nested
/// functions read), and its `self`, if it has one. `None` in module code
/// and class bodies, whose names are the module's.
fn frame_names(cx: &Cx, fx: &Fx) -> Option<(Vec<String>, TokenStream)> {
    let mut id = fx.scope;
    // A list, set or dict comprehension runs in its function's frame.
    while cx.prog.scopes[id].kind == crate::sema::ScopeKind::Comprehension {
        id = cx.prog.scopes[id].parent?;
    }
    let scope = &cx.prog.scopes[id];
    if !matches!(scope.kind, crate::sema::ScopeKind::Function | crate::sema::ScopeKind::Lambda) {
        return None;
    }
    let text = cx.source.get(scope.span.0..scope.span.1).unwrap_or("");
    let mut names: Vec<(usize, bool, String)> = scope
        .symbols
        .iter()
        .filter(|(_, s)| s.param || (s.assigned && s.binding == Some(Binding::Local)))
        .map(|(n, s)| (first_word(text, n).unwrap_or(usize::MAX), !s.param, n.clone()))
        .collect();
    // Parameters first (they come first in the text too), then the rest.
    names.sort_by_key(|(at, local, _)| (*local, *at));
    let varnames: Vec<String> = names.into_iter().map(|(_, _, n)| n).collect();
    let self_obj = match fx.lookup("self") {
        Some(Var::Plain(id)) if varnames.iter().any(|n| n == "self") => quote! { Some(&#id) },
        _ => quote! { None },
    };
    Some((varnames, self_obj))
}

/// The offset of the first whole-word occurrence of `word` in `text`.
fn first_word(text: &str, word: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back().is_none_or(|c| !is_ident(c));
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !is_ident(c));
        before && after
    })
}

pub fn read_var(cx: &Cx, fx: &Fx, name: &str, var: &Var) -> TokenStream {
    match var {
        Var::Plain(id) => quote! { #id.clone() },
        Var::Maybe(id) => cx.tri(fx, quote! { #id.bound(#name) }),
        Var::Cell(id) => {
            let local = cx.binding(fx, name) == Some(Binding::Cell);
            if local { cx.tri(fx, quote! { #id.get_local(#name) }) } else { cx.tri(fx, quote! { #id.get(#name) }) }
        }
    }
}

/// Whether CPython's AST optimiser folds `e` into a constant.
fn is_constant(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => !matches!(u.op, ast::UnaryOp::Not) && is_constant(&u.operand),
        ast::Expr::BinOp(b) => is_constant(&b.left) && is_constant(&b.right),
        ast::Expr::Tuple(t) => t.elts.iter().all(is_constant),
        _ => false,
    }
}

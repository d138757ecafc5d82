//! `match` statements (PEP 634). The subject is evaluated once; each case
//! is a labelled block that breaks out with `false` at the first failed
//! check, binding captures into temporaries that are assigned to the
//! Python names only when the whole pattern matched (before the guard,
//! as CPython does).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::expr::{cond, constant, expr};
use super::stmt::nested;
use super::{Cx, Frame, Fx, LResult, lifetime, unsupported};
use crate::frontend::ast;
use crate::sema::Binding;

pub fn match_stmt(cx: &mut Cx, fx: &mut Fx, m: &ast::StmtMatch) -> LResult<TokenStream> {
    if let Some(table) = literal_table(&m.cases) {
        return literal_match(cx, fx, m, &table);
    }
    let subject = cx.fresh("subject");
    let value = expr(cx, fx, &m.subject)?.ts;
    let match_label = cx.label("match");
    let ml = lifetime(&match_label);
    fx.frames.push(Frame::Block);
    let mut cases = Vec::new();
    for case in &m.cases {
        match lower_case(cx, fx, case, &subject, &ml) {
            Ok(ts) => cases.push(ts),
            Err(d) => {
                fx.frames.pop();
                return Err(d);
            }
        }
    }
    fx.frames.pop();
    Ok(quote! {
        {
            let #subject = #value;
            #ml: {
                #(#cases)*
            }
        }
    })
}

fn lower_case(
    cx: &mut Cx,
    fx: &mut Fx,
    case: &ast::MatchCase,
    subject: &Ident,
    ml: &syn::Lifetime,
) -> LResult<TokenStream> {
    let label = cx.label("case");
    let cl = lifetime(&label);
    let mut caps: Vec<(String, Ident)> = Vec::new();
    let checks = pattern(cx, fx, &case.pattern, quote! { &#subject }, &cl, &mut caps)?;
    let decls: Vec<TokenStream> = caps.iter().map(|(_, t)| quote! { let mut #t = Value::None; }).collect();
    let mut stores = Vec::new();
    for (name, t) in &caps {
        stores.push(super::assign::store_name(cx, fx, name, quote! { #t })?);
    }
    let body = nested(cx, fx, &case.body)?;
    // The guard runs after the captures are bound; without one the body
    // runs directly.
    let run = match &case.guard {
        Some(g) => {
            let guard = cond(cx, fx, g)?;
            quote! { if #guard { #body break #ml; } }
        }
        None => quote! { #body break #ml; },
    };
    let matched = cx.fresh("matched");
    Ok(quote! {
        #(#decls)*
        let #matched: bool = #cl: {
            #checks
            true
        };
        if #matched {
            #(#stores)*
            #run
        }
    })
}

/// A literal the native dispatch can compare without Python's `==`.
enum Literal {
    Int(i64),
    Str(String),
}

/// The cases of a `match` whose patterns are all int or str literals (or
/// `|` of them), without guards, optionally ending in a catch-all (`_` or
/// a capture): per case, its literals; `None` for the catch-all.
type LiteralTable = Vec<Option<Vec<Literal>>>;

fn literal_table(cases: &[ast::MatchCase]) -> Option<LiteralTable> {
    let mut table = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        if case.guard.is_some() {
            return None;
        }
        match &case.pattern {
            ast::Pattern::MatchAs(a) if a.pattern.is_none() && i + 1 == cases.len() => table.push(None),
            p => table.push(Some(literals_of(p)?)),
        }
    }
    Some(table)
}

fn literals_of(p: &ast::Pattern) -> Option<Vec<Literal>> {
    match p {
        ast::Pattern::MatchValue(v) => Some(vec![literal_of(&v.value)?]),
        ast::Pattern::MatchOr(o) => {
            let mut all = Vec::new();
            for alt in &o.patterns {
                all.extend(literals_of(alt)?);
            }
            Some(all)
        }
        _ => None,
    }
}

fn literal_of(e: &ast::Expr) -> Option<Literal> {
    use num_traits::ToPrimitive;
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i.to_i64().map(Literal::Int),
            ast::Constant::Str(s) => Some(Literal::Str(s.clone())),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => match literal_of(&u.operand)? {
            Literal::Int(i) => i.checked_neg().map(Literal::Int),
            Literal::Str(_) => None,
        },
        _ => None,
    }
}

/// A `match` over int and str literals as a native Rust `match`: an int or
/// str subject picks its case by value with no Python `==` at all (int and
/// str equality cannot run user code); any other subject (a float, a bool,
/// an object with `__eq__`) takes the general path, which compares with
/// `==` case by case as CPython does. Either way the case's index is
/// computed first and its body runs once.
fn literal_match(cx: &mut Cx, fx: &mut Fx, m: &ast::StmtMatch, table: &LiteralTable) -> LResult<TokenStream> {
    let subject = cx.fresh("subject");
    let value = expr(cx, fx, &m.subject)?.ts;
    let none_index = table.iter().position(Option::is_none).unwrap_or(table.len());
    let none = proc_macro2::Literal::usize_unsuffixed(none_index);
    let mut int_arms = Vec::new();
    let mut str_arms = Vec::new();
    for (i, lits) in table.iter().enumerate() {
        let Some(lits) = lits else { continue };
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        let ints: Vec<proc_macro2::Literal> = lits
            .iter()
            .filter_map(|l| if let Literal::Int(v) = l { Some(proc_macro2::Literal::i64_unsuffixed(*v)) } else { None })
            .collect();
        let strs: Vec<&str> =
            lits.iter().filter_map(|l| if let Literal::Str(s) = l { Some(s.as_str()) } else { None }).collect();
        if !ints.is_empty() {
            int_arms.push(quote! { #(#ints)|* => #i, });
        }
        if !strs.is_empty() {
            str_arms.push(quote! { #(#strs)|* => #i, });
        }
    }
    let int_dispatch = if int_arms.is_empty() {
        quote! { Value::Int(_) => #none, }
    } else {
        quote! { Value::Int(i) => match *i { #(#int_arms)* _ => #none }, }
    };
    let str_dispatch = if str_arms.is_empty() {
        quote! { Value::Str(_) => #none, }
    } else {
        quote! { Value::Str(s) => match s.as_str() { #(#str_arms)* _ => #none }, }
    };
    // The general path: `==` against each literal in order.
    let generic = cx.label("generic");
    let gl = lifetime(&generic);
    let mut generic_checks = Vec::new();
    for (i, case) in m.cases.iter().enumerate().take(none_index) {
        let label = cx.label("case");
        let cl = lifetime(&label);
        let mut caps = Vec::new();
        let checks = pattern(cx, fx, &case.pattern, quote! { &#subject }, &cl, &mut caps)?;
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        generic_checks.push(quote! {
            if #cl: { #checks true } {
                break #gl #i;
            }
        });
    }
    fx.frames.push(Frame::Block);
    let mut arms = Vec::new();
    for (i, case) in m.cases.iter().enumerate() {
        let body = match nested(cx, fx, &case.body) {
            Ok(b) => b,
            Err(d) => {
                fx.frames.pop();
                return Err(d);
            }
        };
        let store = match &case.pattern {
            ast::Pattern::MatchAs(ast::PatternMatchAs { name: Some(n), .. }) => {
                super::assign::store_name(cx, fx, n.as_str(), quote! { #subject.clone() })?
            }
            _ => quote! {},
        };
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        arms.push(quote! { #i => { #store #body } });
    }
    fx.frames.pop();
    Ok(quote! {
        {
            let #subject = #value;
            let case_index: usize = match &#subject {
                #int_dispatch
                #str_dispatch
                _ => #gl: {
                    #(#generic_checks)*
                    #none
                }
            };
            match case_index {
                #(#arms)*
                _ => {}
            }
        }
    })
}

/// The temporary holding capture `name` (shared by OR alternatives).
fn capture(cx: &mut Cx, caps: &mut Vec<(String, Ident)>, name: &str) -> Ident {
    if let Some((_, t)) = caps.iter().find(|(n, _)| n == name) {
        return t.clone();
    }
    let t = cx.fresh("cap");
    caps.push((name.to_string(), t.clone()));
    t
}

/// Statements checking `subj` (tokens of a `&Value`) against `p`; on a
/// mismatch they `break 'case false`.
fn pattern(
    cx: &mut Cx,
    fx: &mut Fx,
    p: &ast::Pattern,
    subj: TokenStream,
    fail: &syn::Lifetime,
    caps: &mut Vec<(String, Ident)>,
) -> LResult<TokenStream> {
    use ast::Pattern as P;
    match p {
        P::MatchValue(v) => {
            let val = expr(cx, fx, &v.value)?.by_ref();
            let eq = cx.tri(fx, quote! { rt::ops::compare_bool(#subj, #val, rt::ops::CmpOp::Eq) });
            Ok(quote! { if !#eq { break #fail false; } })
        }
        P::MatchSingleton(s) => {
            let val = constant(&s.value)?.ts;
            Ok(quote! { if !(#subj).is(&#val) { break #fail false; } })
        }
        P::MatchAs(a) => {
            let inner = match &a.pattern {
                Some(q) => pattern(cx, fx, q, subj.clone(), fail, caps)?,
                None => quote! {},
            };
            let bind = match &a.name {
                Some(n) => {
                    let t = capture(cx, caps, n.as_str());
                    quote! { #t = (#subj).clone(); }
                }
                None => quote! {},
            };
            Ok(quote! { #inner #bind })
        }
        P::MatchOr(o) => {
            let mut alts = Vec::new();
            for q in &o.patterns {
                let label = cx.label("alt");
                let al = lifetime(&label);
                let checks = pattern(cx, fx, q, subj.clone(), &al, caps)?;
                alts.push(quote! { (#al: { #checks true }) });
            }
            Ok(quote! { if !(#(#alts)||*) { break #fail false; } })
        }
        P::MatchSequence(s) => sequence(cx, fx, &s.patterns, subj, fail, caps),
        P::MatchMapping(m) => {
            let mut out = vec![quote! { if !rt::pattern::is_mapping(#subj) { break #fail false; } }];
            let mut keys = Vec::new();
            for (k, q) in m.keys.iter().zip(&m.patterns) {
                let key = cx.fresh("key");
                let kv = expr(cx, fx, k)?.ts;
                let item = cx.fresh("v");
                let get = cx.tri(fx, quote! { rt::pattern::mapping_get(#subj, &#key) });
                let inner = pattern(cx, fx, q, quote! { &#item }, fail, caps)?;
                out.push(quote! {
                    let #key = #kv;
                    let Some(#item) = #get else { break #fail false; };
                    #inner
                });
                keys.push(key);
            }
            if let Some(rest) = &m.rest {
                let t = capture(cx, caps, rest.as_str());
                let r = cx.tri(fx, quote! { rt::pattern::mapping_rest(#subj, &[#(#keys.clone()),*]) });
                out.push(quote! { #t = #r; });
            }
            Ok(quote! { #(#out)* })
        }
        P::MatchClass(c) => class_pattern(cx, fx, c, subj, fail, caps),
        P::MatchStar(_) => Err(unsupported(p, "star pattern outside a sequence pattern")),
    }
}

/// `Cls(p, q, name=r)`. When `Cls` is a fixed-layout class, an instance
/// its layout admits is tested and read by index; anything else takes the
/// dynamic path (`isinstance`, `__match_args__`, `getattr`).
fn class_pattern(
    cx: &mut Cx,
    fx: &mut Fx,
    c: &ast::PatternMatchClass,
    subj: TokenStream,
    fail: &syn::Lifetime,
    caps: &mut Vec<(String, Ident)>,
) -> LResult<TokenStream> {
    let cls = cx.fresh("cls");
    let cv = expr(cx, fx, &c.cls)?.ts;
    let fixed = match &*c.cls {
        ast::Expr::Name(n) if matches!(cx.binding(fx, n.id.as_str()), Some(Binding::Global) | None) => {
            cx.class_patterns.get(n.id.as_str()).cloned()
        }
        _ => None,
    };
    let test = cx.tri(fx, quote! { rt::pattern::instance_of(#subj, &#cls) });
    let admitted = fixed.as_ref().map(|f| {
        let layout = &f.layout;
        quote! { native::#layout.matches(#subj) }
    });
    let kw: Vec<&str> = c.kwd_attrs.iter().map(|a| a.as_str()).collect();
    if let Some(repeated) = kw.iter().enumerate().find_map(|(i, a)| kw[..i].contains(a).then_some(a)) {
        return Err(unsupported(c, &format!("attribute name repeated in class pattern: {repeated} (a SyntaxError)")));
    }
    // An instance the layout admits is of exactly the class, which its
    // name is bound to from before the layout is sealed and for good (see
    // `cx.class_patterns`): the class is read only on the dynamic path.
    if c.patterns.is_empty() && kw.is_empty() {
        return Ok(match &admitted {
            Some(admitted) => quote! {
                if #admitted.is_none() {
                    let #cls = #cv;
                    if !#test { break #fail false; }
                }
            },
            None => quote! {
                let #cls = #cv;
                if !#test { break #fail false; }
            },
        });
    }
    let attrs = cx.fresh("attrs");
    // One attribute cache per sub-pattern: the class is fixed here.
    let sites = c.patterns.iter().map(|_| quote! { rt::site!() });
    let keywords = kw.iter().map(|a| quote! { (#a, rt::site!()) });
    let n = proc_macro2::Literal::usize_unsuffixed(c.patterns.len() + kw.len());
    let get = cx.tri(fx, quote! { rt::pattern::class_attrs::<#n>(#subj, &#cls, &[#(#sites),*], &[#(#keywords),*]) });
    let mut out = Vec::new();
    if let (Some(admitted), Some(at)) = (&admitted, fixed.as_ref().and_then(|f| f.positions(c.patterns.len(), &kw))) {
        let at = at.into_iter().map(proc_macro2::Literal::usize_unsuffixed);
        // Parenthesized: a `let ... else` value may not end in a brace.
        out.push(quote! {
            let Some(#attrs) = (match #admitted.and_then(|o| rt::fixed::fields_of(o, [#(#at),*])) {
                Some(v) => Some(v),
                None => {
                    let #cls = #cv;
                    if #test { #get } else { None }
                }
            }) else { break #fail false; };
        });
    } else {
        let check = match &admitted {
            Some(admitted) => quote! { #admitted.is_none() && !#test },
            None => quote! { !#test },
        };
        out.push(quote! {
            let #cls = #cv;
            if #check { break #fail false; }
            let Some(#attrs) = #get else { break #fail false; };
        });
    }
    for (i, q) in c.patterns.iter().chain(&c.kwd_patterns).enumerate() {
        let i = proc_macro2::Literal::usize_unsuffixed(i);
        out.push(pattern(cx, fx, q, quote! { &#attrs[#i] }, fail, caps)?);
    }
    Ok(quote! { #(#out)* })
}

/// A fixed-layout class as its class patterns see it.
#[derive(Clone, Debug)]
pub struct ClassPattern {
    /// Its layout in `mod native`.
    pub layout: Ident,
    pub fields: Vec<String>,
    /// Its `__match_args__`, when the class statement fixes them.
    pub match_args: Option<Vec<String>>,
}

impl ClassPattern {
    fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// The field indices of `n` positional sub-patterns and then of the
    /// keyword ones `kw`, when each reads a field and the pattern is one
    /// CPython accepts (no more positional ones than `__match_args__`
    /// names, no attribute named twice).
    fn positions(&self, n: usize, kw: &[&str]) -> Option<Vec<usize>> {
        let positional: &[String] = if n == 0 { &[] } else { self.match_args.as_ref()?.get(..n)? };
        let names: Vec<&str> = positional.iter().map(String::as_str).chain(kw.iter().copied()).collect();
        if names.iter().enumerate().any(|(i, a)| names[..i].contains(a)) {
            return None;
        }
        names.iter().map(|a| self.field(a)).collect()
    }
}

/// The `__match_args__` that `c`'s statement gives it, if it has no base
/// to inherit them from: a tuple of strs assigned once in its body, or,
/// for a dataclass whose `__init__` was written out (and that leaves
/// `match_args` alone), its fields in order.
pub fn fixed_match_args(c: &ast::StmtClassDef, dataclass: bool, fields: &[String]) -> Option<Vec<String>> {
    if !c.bases.is_empty() {
        return None;
    }
    let assigned: Vec<&ast::StmtAssign> = c
        .body
        .iter()
        .filter_map(|s| match s {
            ast::Stmt::Assign(a)
                if a.targets.iter().any(|t| matches!(t, ast::Expr::Name(n) if n.id.as_str() == "__match_args__")) =>
            {
                Some(a)
            }
            _ => None,
        })
        .collect();
    match assigned.as_slice() {
        [] if dataclass => {
            let options = c.decorator_list.iter().any(|d| {
                matches!(d, ast::Expr::Call(call) if call.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "match_args")))
            });
            (!options).then(|| fields.to_vec())
        }
        [a] if a.targets.len() == 1 => {
            let ast::Expr::Tuple(t) = &*a.value else { return None };
            t.elts.iter().map(crate::frontend::constant_text).collect()
        }
        _ => None,
    }
}

/// The names of the classes in the class patterns of `body`, at any depth.
pub fn class_pattern_names(body: &[ast::Stmt], out: &mut std::collections::BTreeSet<String>) {
    fn in_pattern(p: &ast::Pattern, out: &mut std::collections::BTreeSet<String>) {
        use ast::Pattern as P;
        match p {
            P::MatchClass(c) => {
                if let ast::Expr::Name(n) = &*c.cls {
                    out.insert(n.id.to_string());
                }
                c.patterns.iter().chain(&c.kwd_patterns).for_each(|q| in_pattern(q, out));
            }
            P::MatchSequence(s) => s.patterns.iter().for_each(|q| in_pattern(q, out)),
            P::MatchMapping(m) => m.patterns.iter().for_each(|q| in_pattern(q, out)),
            P::MatchAs(a) => a.pattern.iter().for_each(|q| in_pattern(q, out)),
            P::MatchOr(o) => o.patterns.iter().for_each(|q| in_pattern(q, out)),
            P::MatchValue(_) | P::MatchSingleton(_) | P::MatchStar(_) => {}
        }
    }
    for s in body {
        match s {
            ast::Stmt::Match(m) => m.cases.iter().for_each(|case| in_pattern(&case.pattern, out)),
            ast::Stmt::FunctionDef(f) => class_pattern_names(&f.body, out),
            ast::Stmt::AsyncFunctionDef(f) => class_pattern_names(&f.body, out),
            ast::Stmt::ClassDef(c) => class_pattern_names(&c.body, out),
            _ => {}
        }
        for block in crate::frontend::child_blocks(s) {
            class_pattern_names(block, out);
        }
    }
}

fn sequence(
    cx: &mut Cx,
    fx: &mut Fx,
    pats: &[ast::Pattern],
    subj: TokenStream,
    fail: &syn::Lifetime,
    caps: &mut Vec<(String, Ident)>,
) -> LResult<TokenStream> {
    let star = pats.iter().position(|q| matches!(q, ast::Pattern::MatchStar(_)));
    let fixed = pats.len() - star.is_some() as usize;
    let items = cx.fresh("items");
    let has_star = star.is_some();
    let get = cx.tri(fx, quote! { rt::pattern::sequence(#subj, #fixed, #has_star) });
    let mut out = vec![quote! { let Some(#items) = #get else { break #fail false; }; }];
    let after = star.map_or(0, |s| pats.len() - s - 1);
    for (i, q) in pats.iter().enumerate() {
        if let ast::Pattern::MatchStar(s) = q {
            if let Some(n) = &s.name {
                let t = capture(cx, caps, n.as_str());
                out.push(quote! { #t = rt::pattern::star(&#items, #i, #after); });
            }
            continue;
        }
        let index = match star {
            Some(s) if i > s => {
                let back = pats.len() - i;
                quote! { #items.len() - #back }
            }
            _ => quote! { #i },
        };
        out.push(pattern(cx, fx, q, quote! { &#items[#index] }, fail, caps)?);
    }
    Ok(quote! { #(#out)* })
}

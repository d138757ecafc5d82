//! Removes the parentheses lowering adds for safety but a reader would not
//! write. Lowering builds token trees without precedence, so it wraps
//! every operator expression in parentheses; once the tokens are a `syn`
//! tree the positions where they are redundant are known:
//! - around an expression that binds tighter than any operator (a path,
//!   literal, call, method call, index, field, `?` or another
//!   parenthesis), except as the callee of a call (`(self.f)()` calls a
//!   field);
//! - in a delimited position: an argument, an element, a `let`
//!   initializer, the right of `=`, a `return` value, an index, or the
//!   condition of `if`/`while` (unless a block or struct literal would
//!   then open the condition).
//!
//! Only parentheses go; the tree is otherwise unchanged.

use syn::visit_mut::{self, VisitMut};
use syn::{Expr, ExprParen};

/// Tidies every item of `file` in place.
pub fn file(file: &mut syn::File) {
    Tidy.visit_file_mut(file);
}

struct Tidy;

/// Whether `e` binds tighter than every binary and unary operator.
fn atomic(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Lit(_)
            | Expr::Path(_)
            | Expr::Call(_)
            | Expr::MethodCall(_)
            | Expr::Index(_)
            | Expr::Field(_)
            | Expr::Try(_)
            | Expr::Paren(_)
            | Expr::Macro(_)
            | Expr::Tuple(_)
            | Expr::Array(_)
    )
}

/// Whether `e` may stand as an `if`/`while` condition without
/// parentheses: a leading block or struct literal would be read as the body.
fn plain_condition(e: &Expr) -> bool {
    !matches!(e, Expr::Block(_) | Expr::Struct(_) | Expr::If(_) | Expr::Match(_) | Expr::Loop(_) | Expr::Closure(_))
}

fn inner(e: &mut Expr) -> Option<Expr> {
    match e {
        Expr::Paren(ExprParen { attrs, expr, .. }) if attrs.is_empty() => {
            Some(std::mem::replace(&mut **expr, Expr::PLACEHOLDER))
        }
        _ => None,
    }
}

/// Drops parentheses around `e` that `keep` does not need.
fn unwrap_if(e: &mut Expr, keep: impl Fn(&Expr) -> bool) {
    while let Expr::Paren(p) = e {
        if keep(&p.expr) || !p.attrs.is_empty() {
            return;
        }
        if let Some(x) = inner(e) {
            *e = x;
        }
    }
}

/// In an operand position: only around atoms.
fn operand(e: &mut Expr) {
    unwrap_if(e, |x| !atomic(x));
}

/// In a delimited position: always.
fn delimited(e: &mut Expr) {
    unwrap_if(e, |_| false);
}

impl VisitMut for Tidy {
    fn visit_expr_mut(&mut self, e: &mut Expr) {
        visit_mut::visit_expr_mut(self, e);
        match e {
            Expr::Binary(b) => {
                operand(&mut b.left);
                operand(&mut b.right);
            }
            Expr::Unary(u) => operand(&mut u.expr),
            Expr::Cast(c) => operand(&mut c.expr),
            Expr::Reference(r) => operand(&mut r.expr),
            Expr::Field(f) => operand(&mut f.base),
            Expr::Try(t) => operand(&mut t.expr),
            Expr::Paren(p) => operand(&mut p.expr),
            Expr::MethodCall(m) => {
                operand(&mut m.receiver);
                m.args.iter_mut().for_each(delimited);
            }
            Expr::Call(c) => {
                // A parenthesized field or closure is called, not a method.
                unwrap_if(&mut c.func, |x| !matches!(x, Expr::Path(_) | Expr::Call(_) | Expr::Paren(_)));
                c.args.iter_mut().for_each(delimited);
            }
            Expr::Index(i) => {
                operand(&mut i.expr);
                delimited(&mut i.index);
            }
            Expr::Array(a) => a.elems.iter_mut().for_each(delimited),
            Expr::Tuple(t) => t.elems.iter_mut().for_each(delimited),
            Expr::Assign(a) => {
                operand(&mut a.left);
                delimited(&mut a.right);
            }
            Expr::Return(r) => {
                if let Some(v) = &mut r.expr {
                    delimited(v);
                }
            }
            Expr::If(i) => unwrap_if(&mut i.cond, |x| !plain_condition(x)),
            Expr::While(w) => unwrap_if(&mut w.cond, |x| !plain_condition(x)),
            _ => {}
        }
    }

    fn visit_local_init_mut(&mut self, init: &mut syn::LocalInit) {
        visit_mut::visit_local_init_mut(self, init);
        if init.diverge.is_none() {
            delimited(&mut init.expr);
        } else {
            operand(&mut init.expr);
        }
    }
}

#[cfg(test)]
mod tests {
    fn tidy(src: &str) -> String {
        let mut f: syn::File = syn::parse_str(src).unwrap();
        super::file(&mut f);
        prettyplease::unparse(&f)
    }

    #[test]
    fn drops_only_redundant_parentheses() {
        let out = tidy(
            "fn f() { if (a < b) { x = ((c + d)); } let y = (a * (b + c)); g((x), (y + 1)); (self.h)(); \
             let z = ((&v[..])).to_vec(); let w = (-a).abs(); while ({ t }) {} return (a); }",
        );
        let expected = "fn f() {\n    if a < b {\n        x = c + d;\n    }\n    let y = a * (b + c);\n    \
                        g(x, y + 1);\n    (self.h)();\n    let z = (&v[..]).to_vec();\n    let w = (-a).abs();\n    \
                        while ({ t }) {}\n    return a;\n}\n";
        assert_eq!(out, expected);
    }
}

//! Self-recursion whose depth an int parameter bounds.
//!
//! Native functions count a depth budget down on every call and bail at
//! zero, so that the dynamic code can raise `RecursionError` where CPython
//! would. In `fib` that check is an eighth of the running time. When a
//! function starts with a guard `if n < K: return ...` and every
//! self-call passes `n - c` (a literal `c >= 1`) with `n` never rebound,
//! each nested call has an `n` smaller by at least one and no call is made
//! with `n < K`: a call entered with `n` nests at most `n - K + 1` deep.
//! Checking that once on entry spares the check in every frame. The check
//! is conservative (it may bail where the recursion would have stopped
//! earlier), and bailing only hands the call to the dynamic code, which is
//! exact.

use rustpython_parser::ast;

/// `param` is the bounding parameter's position; no self-call is made
/// while it is below `floor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DepthBound {
    pub param: usize,
    pub floor: i64,
}

/// The bound of `f` (with parameters `int_params`, true where the native
/// type is int), if its shape proves one.
pub fn of(f: &ast::StmtFunctionDef, int_params: &[bool]) -> Option<DepthBound> {
    let (first, rest) = f.body.split_first()?;
    let ast::Stmt::If(guard) = first else { return None };
    let (p, floor) = guard_floor(&guard.test)?;
    let a = &f.args;
    let plain = a.posonlyargs.is_empty() && a.vararg.is_none() && a.kwonlyargs.is_empty() && a.kwarg.is_none();
    let param = a.args.iter().position(|a| a.def.arg.as_str() == p)?;
    if !plain || !int_params.get(param).copied().unwrap_or(false) || a.args.len() != int_params.len() {
        return None;
    }
    // The guarded branch must leave without recursing.
    if !matches!(guard.body.last(), Some(ast::Stmt::Return(_))) || has_self_reference(&guard.body, f, p) {
        return None;
    }
    let mut walk = Walk { name: f.name.as_str(), param: p, index: param, arity: int_params.len(), ok: true };
    for s in guard.orelse.iter().chain(rest) {
        ast::Visitor::visit_stmt(&mut walk, s.clone());
    }
    walk.ok.then_some(DepthBound { param, floor })
}

/// `n < K`, `n <= K`, `K > n` or `K >= n`: the name, and the least `n`
/// that passes the guard.
fn guard_floor(test: &ast::Expr) -> Option<(&str, i64)> {
    let ast::Expr::Compare(c) = test else { return None };
    let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else { return None };
    let (name, k, strict) = match (&*c.left, right, op) {
        (ast::Expr::Name(n), k, ast::CmpOp::Lt) => (n, int_literal(k)?, true),
        (ast::Expr::Name(n), k, ast::CmpOp::LtE) => (n, int_literal(k)?, false),
        (k, ast::Expr::Name(n), ast::CmpOp::Gt) => (n, int_literal(k)?, true),
        (k, ast::Expr::Name(n), ast::CmpOp::GtE) => (n, int_literal(k)?, false),
        _ => return None,
    };
    Some((name.id.as_str(), if strict { k } else { k.checked_add(1)? }))
}

fn int_literal(e: &ast::Expr) -> Option<i64> {
    match e {
        ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Int(i), .. }) => i.try_into().ok(),
        _ => None,
    }
}

/// Whether the guarded branch calls the function, names it, or rebinds
/// the parameter (all of which `Walk` rejects).
fn has_self_reference(body: &[ast::Stmt], f: &ast::StmtFunctionDef, p: &str) -> bool {
    // A walk that accepts no self-call at all: arity 0 matches none.
    let mut walk = Walk { name: f.name.as_str(), param: p, index: usize::MAX, arity: usize::MAX, ok: true };
    for s in body {
        ast::Visitor::visit_stmt(&mut walk, s.clone());
    }
    !walk.ok
}

/// Checks that every use of the function's name is a self-call passing
/// `param - c` (`c >= 1`) at `index`, and that nothing can rebind `param`.
/// Nested scopes, imports, `match` and named handlers are refused outright
/// rather than told apart.
struct Walk<'a> {
    name: &'a str,
    param: &'a str,
    index: usize,
    arity: usize,
    ok: bool,
}

impl Walk<'_> {
    fn decreasing(&self, e: &ast::Expr) -> bool {
        matches!(e, ast::Expr::BinOp(b)
            if b.op == ast::Operator::Sub
                && matches!(&*b.left, ast::Expr::Name(n) if n.id.as_str() == self.param)
                && int_literal(&b.right).is_some_and(|c| c >= 1))
    }
}

impl ast::Visitor for Walk<'_> {
    fn visit_stmt(&mut self, s: ast::Stmt) {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(_)
            | S::AsyncFunctionDef(_)
            | S::ClassDef(_)
            | S::Import(_)
            | S::ImportFrom(_)
            | S::Match(_)
            | S::Global(_)
            | S::Nonlocal(_) => self.ok = false,
            s => self.generic_visit_stmt(s),
        }
    }

    fn visit_excepthandler(&mut self, h: ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(handler) = &h;
        if handler.name.is_some() {
            self.ok = false;
        }
        self.generic_visit_excepthandler(h);
    }

    fn visit_expr_lambda(&mut self, _: ast::ExprLambda) {
        self.ok = false;
    }

    fn visit_expr_call(&mut self, c: ast::ExprCall) {
        if matches!(&*c.func, ast::Expr::Name(f) if f.id.as_str() == self.name) {
            let fits = c.keywords.is_empty()
                && c.args.len() == self.arity
                && c.args.get(self.index).is_some_and(|a| self.decreasing(a))
                && !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)));
            if !fits {
                self.ok = false;
            }
            c.args.into_iter().for_each(|a| self.visit_expr(a));
            return;
        }
        self.generic_visit_expr_call(c);
    }

    fn visit_expr_name(&mut self, n: ast::ExprName) {
        let stored = !matches!(n.ctx, ast::ExprContext::Load);
        if n.id.as_str() == self.name || (n.id.as_str() == self.param && stored) {
            self.ok = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(src: &str) -> Option<DepthBound> {
        let module = crate::frontend::parse_module(src, "t.py").expect("parses");
        let ast::Stmt::FunctionDef(f) = &module.body[0] else { panic!("not a def") };
        of(f, &vec![true; f.args.args.len()])
    }

    #[test]
    fn guarded_decreasing_recursion_is_bounded() {
        let fib = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n";
        assert_eq!(bound(fib), Some(DepthBound { param: 0, floor: 2 }));
        let fact = "def f(k, n):\n    if 1 >= n:\n        return k\n    return f(k * 2, n - 1)\n";
        assert_eq!(bound(fact), Some(DepthBound { param: 1, floor: 2 }));
    }

    #[test]
    fn anything_else_is_not() {
        let cases = [
            // A call that does not decrease the parameter.
            "def f(n):\n    if n < 2:\n        return n\n    return f(n + 1)\n",
            "def f(n):\n    if n < 2:\n        return n\n    return f(n - 0)\n",
            // The parameter is rebound.
            "def f(n):\n    if n < 2:\n        return n\n    n += 5\n    return f(n - 1)\n",
            "def f(n):\n    if n < 2:\n        return n\n    for n in range(9):\n        pass\n    return f(n - 1)\n",
            // The guard recurses, or does not return.
            "def f(n):\n    if n < 2:\n        return f(n - 1)\n    return f(n - 1)\n",
            "def f(n):\n    if n < 2:\n        n = 3\n    return f(n - 1)\n",
            // An equality guard bounds nothing (f(-1) recurses forever).
            "def f(n):\n    if n == 0:\n        return 1\n    return n * f(n - 1)\n",
            // The function is named other than in a call.
            "def f(n):\n    if n < 2:\n        return n\n    g = f\n    return g(n - 1)\n",
            // A nested scope could shadow the parameter.
            "def f(n):\n    if n < 2:\n        return n\n    return (lambda n: f(n - 1))(n + 9)\n",
        ];
        for src in cases {
            assert_eq!(bound(src), None, "{src}");
        }
    }
}

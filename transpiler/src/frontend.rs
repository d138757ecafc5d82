//! The only module that talks to `rustpython_parser`: parses Python 3.12
//! source into its AST, turning syntax errors into diagnostics.

pub use rustpython_parser::ast;
use rustpython_parser::{Mode, parse};

use crate::diagnostics::Diagnostic;

/// A parsed module: its statements with byte-offset spans.
pub struct Module {
    pub body: Vec<ast::Stmt>,
}

pub fn parse_module(source: &str, file: &str) -> Result<Module, Diagnostic> {
    match parse(source, Mode::Module, file) {
        Ok(ast::Mod::Module(m)) => Ok(Module { body: m.body }),
        Ok(_) => Err(Diagnostic::new(0, 0, "expected a module")),
        Err(e) => {
            let at = usize::from(e.offset);
            Err(Diagnostic::new(at, at, format!("SyntaxError: {}", e.error)))
        }
    }
}

/// Start and end byte offsets of any ranged node.
pub fn span<T: ast::Ranged>(node: &T) -> (usize, usize) {
    let r = node.range();
    (usize::from(r.start()), usize::from(r.end()))
}

/// The statement lists directly inside `s`: the bodies of a compound
/// statement (`if`, loops, `with`, `try`, `match`), not of a nested `def`
/// or `class`, which are scopes of their own.
pub fn child_blocks(s: &ast::Stmt) -> Vec<&[ast::Stmt]> {
    use ast::Stmt as S;
    match s {
        S::If(i) => vec![&i.body, &i.orelse],
        S::For(f) => vec![&f.body, &f.orelse],
        S::AsyncFor(f) => vec![&f.body, &f.orelse],
        S::While(w) => vec![&w.body, &w.orelse],
        S::With(w) => vec![&w.body],
        S::AsyncWith(w) => vec![&w.body],
        S::Try(t) => try_blocks(&t.body, &t.handlers, &t.orelse, &t.finalbody),
        S::TryStar(t) => try_blocks(&t.body, &t.handlers, &t.orelse, &t.finalbody),
        S::Match(m) => m.cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

fn try_blocks<'a>(
    body: &'a [ast::Stmt],
    handlers: &'a [ast::ExceptHandler],
    orelse: &'a [ast::Stmt],
    finalbody: &'a [ast::Stmt],
) -> Vec<&'a [ast::Stmt]> {
    let mut blocks = vec![body];
    blocks.extend(handlers.iter().map(|h| {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        h.body.as_slice()
    }));
    blocks.extend([orelse, finalbody]);
    blocks
}

/// Calls `visit` with every `return` statement in `body`, at any depth of
/// compound statements (not inside nested functions or classes).
pub fn each_return<'a>(body: &'a [ast::Stmt], visit: &mut impl FnMut(&'a ast::Stmt, Option<&'a ast::Expr>)) {
    for s in body {
        if let ast::Stmt::Return(r) = s {
            visit(s, r.value.as_deref());
        }
        for b in child_blocks(s) {
            each_return(b, visit);
        }
    }
}

/// The text of an f-string part that has no replacement fields (a format
/// spec such as `:03d` is one of these), or of a str constant.
pub fn constant_text(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.clone()),
            _ => None,
        },
        ast::Expr::JoinedStr(j) => j.values.iter().map(constant_text).collect(),
        _ => None,
    }
}

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

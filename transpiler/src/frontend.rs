//! The only module that talks to `rustpython_parser`: parses Python 3.12
//! source into its AST, turning syntax errors into diagnostics.

pub use rustpython_parser::ast;
use rustpython_parser::{Mode, StringKind, Tok, lexer, parse_tokens};

use crate::diagnostics::Diagnostic;

mod requote;

/// A parsed module: its statements with byte-offset spans.
pub struct Module {
    pub body: Vec<ast::Stmt>,
    /// Every string literal token whose text holds a backslash, in source
    /// order, as written: CPython warns about some of their escapes.
    pub escaped_strings: Vec<StringToken>,
}

/// A string literal token as written, between its quotes.
#[derive(Clone, Debug)]
pub struct StringToken {
    /// Offset of the token (its prefix or first quote).
    pub offset: usize,
    pub kind: StringTokenKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringTokenKind {
    Str,
    Bytes,
    FString,
}

pub fn parse_module(source: &str, file: &str) -> Result<Module, Diagnostic> {
    parse_as_written(source, file).or_else(|error| {
        // Python 3.12's f-strings may reuse their quote inside a field; the
        // parser's older grammar may not (see `requote`). The rewritten
        // text has the source's offsets, so spans still fit the source.
        match requote::requote(source) {
            Ok(Some(rewritten)) => parse_as_written(&rewritten, file).map_err(|_| error),
            Ok(None) => Err(error),
            Err((at, why)) => Err(Diagnostic::new(at, at, format!("unsupported: {why}"))),
        }
    })
}

fn parse_as_written(source: &str, file: &str) -> Result<Module, Diagnostic> {
    let mut escaped_strings = Vec::new();
    let tokens = lexer::lex(source, Mode::Module).inspect(|t| {
        if let Ok((Tok::String { value, kind, .. }, range)) = t
            && value.contains('\\')
        {
            let kind = match kind {
                StringKind::String | StringKind::Unicode => StringTokenKind::Str,
                StringKind::Bytes => StringTokenKind::Bytes,
                StringKind::FString => StringTokenKind::FString,
                StringKind::RawString | StringKind::RawFString | StringKind::RawBytes => return,
            };
            escaped_strings.push(StringToken { offset: usize::from(range.start()), kind, text: value.clone() });
        }
    });
    match parse_tokens(tokens, Mode::Module, file) {
        Ok(ast::Mod::Module(m)) => Ok(Module { body: m.body, escaped_strings }),
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

/// Every name a statement mentions, nested functions and classes
/// included: variables read, bound or deleted, parameters, `def`/`class`
/// names, import aliases, `except ... as` names, pattern captures and
/// `global`/`nonlocal` names. (A superset is what callers need: a name
/// reported here is only ever treated more cautiously.)
pub fn names_in_stmt(s: &ast::Stmt, out: &mut std::collections::BTreeSet<String>) {
    use ast::Stmt as S;
    let mut name = |n: &str| {
        out.insert(n.to_string());
    };
    match s {
        S::FunctionDef(f) => {
            name(f.name.as_str());
            names_in_function(&f.args, &f.body, &f.decorator_list, f.returns.as_deref(), out);
        }
        S::AsyncFunctionDef(f) => {
            name(f.name.as_str());
            names_in_function(&f.args, &f.body, &f.decorator_list, f.returns.as_deref(), out);
        }
        S::ClassDef(c) => {
            name(c.name.as_str());
            names_in_exprs(&c.bases, out);
            c.keywords.iter().for_each(|k| names_in_expr(&k.value, out));
            names_in_exprs(&c.decorator_list, out);
            names_in_stmts(&c.body, out);
        }
        S::Return(r) => r.value.iter().for_each(|v| names_in_expr(v, out)),
        S::Delete(d) => names_in_exprs(&d.targets, out),
        S::Assign(a) => {
            names_in_exprs(&a.targets, out);
            names_in_expr(&a.value, out);
        }
        S::TypeAlias(t) => {
            names_in_expr(&t.name, out);
            names_in_expr(&t.value, out);
        }
        S::AugAssign(a) => {
            names_in_expr(&a.target, out);
            names_in_expr(&a.value, out);
        }
        S::AnnAssign(a) => {
            names_in_expr(&a.target, out);
            names_in_expr(&a.annotation, out);
            a.value.iter().for_each(|v| names_in_expr(v, out));
        }
        S::For(f) => names_in_loop(&[&f.target, &f.iter], &f.body, &f.orelse, out),
        S::AsyncFor(f) => names_in_loop(&[&f.target, &f.iter], &f.body, &f.orelse, out),
        S::While(w) => names_in_loop(&[&w.test], &w.body, &w.orelse, out),
        S::If(i) => names_in_loop(&[&i.test], &i.body, &i.orelse, out),
        S::With(w) => names_in_with(&w.items, &w.body, out),
        S::AsyncWith(w) => names_in_with(&w.items, &w.body, out),
        S::Match(m) => {
            names_in_expr(&m.subject, out);
            for case in &m.cases {
                names_in_pattern(&case.pattern, out);
                case.guard.iter().for_each(|g| names_in_expr(g, out));
                names_in_stmts(&case.body, out);
            }
        }
        S::Raise(r) => {
            r.exc.iter().for_each(|e| names_in_expr(e, out));
            r.cause.iter().for_each(|e| names_in_expr(e, out));
        }
        S::Try(t) => names_in_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, out),
        S::TryStar(t) => names_in_try(&t.body, &t.handlers, &t.orelse, &t.finalbody, out),
        S::Assert(a) => {
            names_in_expr(&a.test, out);
            a.msg.iter().for_each(|m| names_in_expr(m, out));
        }
        S::Import(i) => {
            for a in &i.names {
                // `import a.b` binds `a`.
                let bound =
                    a.asname.as_ref().map_or_else(|| a.name.split('.').next().unwrap_or_default(), |n| n.as_str());
                name(bound);
            }
        }
        S::ImportFrom(i) => {
            for a in &i.names {
                name(a.asname.as_ref().unwrap_or(&a.name).as_str());
            }
        }
        S::Global(g) => g.names.iter().for_each(|n| name(n.as_str())),
        S::Nonlocal(g) => g.names.iter().for_each(|n| name(n.as_str())),
        S::Expr(e) => names_in_expr(&e.value, out),
        S::Pass(_) | S::Break(_) | S::Continue(_) => {}
    }
}

/// A loop or `if`: its head's expressions, its body and its `else`.
fn names_in_loop(
    head: &[&ast::Expr],
    body: &[ast::Stmt],
    orelse: &[ast::Stmt],
    out: &mut std::collections::BTreeSet<String>,
) {
    head.iter().for_each(|e| names_in_expr(e, out));
    names_in_stmts(body, out);
    names_in_stmts(orelse, out);
}

fn names_in_with(items: &[ast::WithItem], body: &[ast::Stmt], out: &mut std::collections::BTreeSet<String>) {
    for item in items {
        names_in_expr(&item.context_expr, out);
        item.optional_vars.iter().for_each(|v| names_in_expr(v, out));
    }
    names_in_stmts(body, out);
}

fn names_in_stmts(body: &[ast::Stmt], out: &mut std::collections::BTreeSet<String>) {
    body.iter().for_each(|s| names_in_stmt(s, out));
}

fn names_in_exprs(es: &[ast::Expr], out: &mut std::collections::BTreeSet<String>) {
    es.iter().for_each(|e| names_in_expr(e, out));
}

fn names_in_function(
    args: &ast::Arguments,
    body: &[ast::Stmt],
    decorators: &[ast::Expr],
    returns: Option<&ast::Expr>,
    out: &mut std::collections::BTreeSet<String>,
) {
    names_in_arguments(args, out);
    names_in_exprs(decorators, out);
    returns.iter().for_each(|r| names_in_expr(r, out));
    names_in_stmts(body, out);
}

fn names_in_arguments(args: &ast::Arguments, out: &mut std::collections::BTreeSet<String>) {
    for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
        out.insert(a.def.arg.to_string());
        a.def.annotation.iter().for_each(|x| names_in_expr(x, out));
        a.default.iter().for_each(|x| names_in_expr(x, out));
    }
    for a in args.vararg.iter().chain(&args.kwarg) {
        out.insert(a.arg.to_string());
        a.annotation.iter().for_each(|x| names_in_expr(x, out));
    }
}

fn names_in_try(
    body: &[ast::Stmt],
    handlers: &[ast::ExceptHandler],
    orelse: &[ast::Stmt],
    finalbody: &[ast::Stmt],
    out: &mut std::collections::BTreeSet<String>,
) {
    names_in_stmts(body, out);
    for ast::ExceptHandler::ExceptHandler(h) in handlers {
        h.type_.iter().for_each(|t| names_in_expr(t, out));
        if let Some(n) = &h.name {
            out.insert(n.to_string());
        }
        names_in_stmts(&h.body, out);
    }
    names_in_stmts(orelse, out);
    names_in_stmts(finalbody, out);
}

fn names_in_pattern(p: &ast::Pattern, out: &mut std::collections::BTreeSet<String>) {
    use ast::Pattern as P;
    match p {
        P::MatchValue(v) => names_in_expr(&v.value, out),
        P::MatchSingleton(_) => {}
        P::MatchSequence(s) => s.patterns.iter().for_each(|p| names_in_pattern(p, out)),
        P::MatchMapping(m) => {
            names_in_exprs(&m.keys, out);
            m.patterns.iter().for_each(|p| names_in_pattern(p, out));
            if let Some(r) = &m.rest {
                out.insert(r.to_string());
            }
        }
        P::MatchClass(c) => {
            names_in_expr(&c.cls, out);
            c.patterns.iter().chain(&c.kwd_patterns).for_each(|p| names_in_pattern(p, out));
        }
        P::MatchStar(s) => {
            if let Some(n) = &s.name {
                out.insert(n.to_string());
            }
        }
        P::MatchAs(a) => {
            a.pattern.iter().for_each(|p| names_in_pattern(p, out));
            if let Some(n) = &a.name {
                out.insert(n.to_string());
            }
        }
        P::MatchOr(o) => o.patterns.iter().for_each(|p| names_in_pattern(p, out)),
    }
}

/// Every name an expression mentions (see [`names_in_stmt`]).
pub fn names_in_expr(e: &ast::Expr, out: &mut std::collections::BTreeSet<String>) {
    use ast::Expr as E;
    match e {
        E::BoolOp(b) => names_in_exprs(&b.values, out),
        E::NamedExpr(n) => {
            names_in_expr(&n.target, out);
            names_in_expr(&n.value, out);
        }
        E::BinOp(b) => {
            names_in_expr(&b.left, out);
            names_in_expr(&b.right, out);
        }
        E::UnaryOp(u) => names_in_expr(&u.operand, out),
        E::Lambda(l) => {
            names_in_arguments(&l.args, out);
            names_in_expr(&l.body, out);
        }
        E::IfExp(i) => {
            names_in_expr(&i.test, out);
            names_in_expr(&i.body, out);
            names_in_expr(&i.orelse, out);
        }
        E::Dict(d) => {
            d.keys.iter().flatten().for_each(|k| names_in_expr(k, out));
            names_in_exprs(&d.values, out);
        }
        E::Set(s) => names_in_exprs(&s.elts, out),
        E::ListComp(c) => names_in_comprehension(&c.generators, &[&c.elt], out),
        E::SetComp(c) => names_in_comprehension(&c.generators, &[&c.elt], out),
        E::DictComp(c) => names_in_comprehension(&c.generators, &[&c.key, &c.value], out),
        E::GeneratorExp(c) => names_in_comprehension(&c.generators, &[&c.elt], out),
        E::Await(a) => names_in_expr(&a.value, out),
        E::Yield(y) => y.value.iter().for_each(|v| names_in_expr(v, out)),
        E::YieldFrom(y) => names_in_expr(&y.value, out),
        E::Compare(c) => {
            names_in_expr(&c.left, out);
            names_in_exprs(&c.comparators, out);
        }
        E::Call(c) => {
            names_in_expr(&c.func, out);
            names_in_exprs(&c.args, out);
            c.keywords.iter().for_each(|k| names_in_expr(&k.value, out));
        }
        E::FormattedValue(f) => {
            names_in_expr(&f.value, out);
            f.format_spec.iter().for_each(|s| names_in_expr(s, out));
        }
        E::JoinedStr(j) => names_in_exprs(&j.values, out),
        E::Constant(_) => {}
        E::Attribute(a) => names_in_expr(&a.value, out),
        E::Subscript(s) => {
            names_in_expr(&s.value, out);
            names_in_expr(&s.slice, out);
        }
        E::Starred(s) => names_in_expr(&s.value, out),
        E::Name(n) => {
            out.insert(n.id.to_string());
        }
        E::List(l) => names_in_exprs(&l.elts, out),
        E::Tuple(t) => names_in_exprs(&t.elts, out),
        E::Slice(s) => {
            for b in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                names_in_expr(b, out);
            }
        }
    }
}

fn names_in_comprehension(
    gens: &[ast::Comprehension],
    elts: &[&ast::Expr],
    out: &mut std::collections::BTreeSet<String>,
) {
    for g in gens {
        names_in_expr(&g.target, out);
        names_in_expr(&g.iter, out);
        names_in_exprs(&g.ifs, out);
    }
    elts.iter().for_each(|e| names_in_expr(e, out));
}

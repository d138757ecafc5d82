//! The SyntaxWarnings CPython 3.12 prints while it compiles a program, so
//! that the generated program prints them too, before it runs: the
//! parser's (an invalid escape in a string literal), then the compiler's
//! (an `is` against a literal, an assertion on a tuple), in that order.
//!
//! Only warnings of programs that compile are here; CPython's warnings for
//! code that must fail at run time anyway (calling a literal, say) are not,
//! since the traceback then ends stderr.

use crate::diagnostics::line_col;
use crate::frontend::{Module, StringToken, StringTokenKind, ast, span};

/// One warning, at a 1-based line, with the message after `SyntaxWarning: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// The program's SyntaxWarnings in the order CPython prints them.
pub fn syntax_warnings(source: &str, module: &Module) -> Vec<Warning> {
    let mut out = Vec::new();
    for token in &module.escaped_strings {
        let line = line_col(source, token.offset).0;
        out.extend(escape_warnings(token).into_iter().map(|message| Warning { line, message }));
    }
    let mut walk = Walk { source, out: &mut out };
    walk.block(&module.body);
    out
}

/// The source line `line` as CPython's C warnings code shows it: without
/// its indentation. (Once a program has imported the `warnings` module, as
/// asyncio, dataclasses and typing do, a run-time warning's line is also
/// stripped at its end; only trailing blanks tell the two apart.)
pub fn source_line(source: &str, line: usize) -> &str {
    source.lines().nth(line - 1).unwrap_or("").trim_start_matches([' ', '\t', '\x0c'])
}

/// A token's warnings: one for the first invalid escape of each part the
/// parser decodes alone. An f-string's format specs are decoded as they
/// are parsed, before the literal text around its fields.
fn escape_warnings(token: &StringToken) -> Vec<String> {
    let bytes = token.kind == StringTokenKind::Bytes;
    if token.kind != StringTokenKind::FString {
        return first_invalid_escape(&token.text, bytes).into_iter().collect();
    }
    let (literals, specs) = fstring_parts(&token.text);
    specs.iter().chain(literals.iter()).filter_map(|part| first_invalid_escape(part, false)).collect()
}

/// The message for the first invalid escape in `text` (a literal's body as
/// written), if any.
fn first_invalid_escape(text: &str, bytes: bool) -> Option<String> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            continue;
        }
        let Some(next) = chars.next() else { break };
        match next {
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {}
            'N' | 'u' | 'U' if !bytes => {}
            '0'..='7' => {
                let mut digits = String::from(next);
                while digits.len() < 3 {
                    match chars.peek() {
                        Some(d @ '0'..='7') => {
                            digits.push(*d);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                if u32::from_str_radix(&digits, 8).is_ok_and(|v| v > 0o377) {
                    return Some(format!("invalid octal escape sequence '\\{digits}'"));
                }
            }
            other => return Some(format!("invalid escape sequence '\\{other}'")),
        }
    }
    None
}

/// An f-string body split into its literal text (the runs between fields)
/// and the literal text of its fields' format specs.
fn fstring_parts(text: &str) -> (Vec<String>, Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let (mut literals, mut specs) = (vec![String::new()], Vec::new());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' | '}' if chars.get(i + 1) == Some(&chars[i]) => {
                // The tokenizer ends a part at an escaped brace.
                literals.push(String::new());
                i += 2;
                continue;
            }
            '{' => {
                i = field(&chars, i + 1, &mut specs);
                literals.push(String::new());
                continue;
            }
            '\\' => {
                // An escape's second character is never a field's brace.
                literals.last_mut().into_iter().for_each(|l| l.extend(&chars[i..(i + 2).min(chars.len())]));
                i += 2;
                continue;
            }
            c => literals.last_mut().into_iter().for_each(|l| l.push(c)),
        }
        i += 1;
    }
    (literals, specs)
}

/// Skips a replacement field that starts after its `{` at `i`, collecting
/// the literal text of its format spec (and of nested fields' specs);
/// returns the index after its closing `}`.
fn field(chars: &[char], mut i: usize, specs: &mut Vec<String>) -> usize {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']') => depth -= 1,
            (None, '}') if depth > 0 => depth -= 1,
            (None, '}') => return i + 1,
            (None, ':') if depth == 0 => return format_spec(chars, i + 1, specs),
            _ => {}
        }
        i += 1;
    }
    i
}

/// Collects a format spec's literal text up to its field's `}`: one part
/// per run between nested fields.
fn format_spec(chars: &[char], mut i: usize, specs: &mut Vec<String>) -> usize {
    let mut spec = String::new();
    while i < chars.len() {
        match chars[i] {
            '{' => {
                specs.push(std::mem::take(&mut spec));
                i = field(chars, i + 1, specs);
                continue;
            }
            '}' => break,
            c => spec.push(c),
        }
        i += 1;
    }
    specs.push(spec);
    i + 1
}

/// The compiler's warnings, in the order it compiles the code: statements
/// in order, each nested function or class body where its statement is.
struct Walk<'a> {
    source: &'a str,
    out: &'a mut Vec<Warning>,
}

impl Walk<'_> {
    fn warn(&mut self, offset: usize, message: String) {
        let line = line_col(self.source, offset).0;
        self.out.push(Warning { line, message });
    }

    fn block(&mut self, body: &[ast::Stmt]) {
        // The visitor takes nodes by value: each statement is cloned once.
        body.iter().for_each(|s| ast::Visitor::visit_stmt(self, s.clone()));
    }

    fn compare(&mut self, c: &ast::ExprCompare) {
        let mut left = literal_type(&c.left);
        for (op, right) in c.ops.iter().zip(&c.comparators) {
            let right_type = literal_type(right);
            if let (ast::CmpOp::Is | ast::CmpOp::IsNot, Some(t)) = (op, left.or(right_type)) {
                let (word, instead) = if matches!(op, ast::CmpOp::Is) { ("is", "==") } else { ("is not", "!=") };
                let message = format!("\"{word}\" with '{t}' literal. Did you mean \"{instead}\"?");
                self.warn(span(c).0, message);
                return;
            }
            left = right_type;
        }
    }
}

impl ast::Visitor for Walk<'_> {
    fn visit_stmt_assert(&mut self, a: ast::StmtAssert) {
        if matches!(&*a.test, ast::Expr::Tuple(t) if !t.elts.is_empty()) {
            self.warn(span(&a).0, "assertion is always true, perhaps remove parentheses?".into());
        }
        self.generic_visit_stmt_assert(a);
    }

    fn visit_expr_compare(&mut self, c: ast::ExprCompare) {
        self.compare(&c);
        self.generic_visit_expr_compare(c);
    }
}

/// The type of `e` when CPython folds it into a constant other than None,
/// a bool or `...`: a literal, a sign on a number, a tuple of constants,
/// arithmetic on numbers or concatenated strings.
fn literal_type(e: &ast::Expr) -> Option<&'static str> {
    let t = folded_type(e)?;
    (!matches!(t, "NoneType" | "bool" | "ellipsis")).then_some(t)
}

fn folded_type(e: &ast::Expr) -> Option<&'static str> {
    use ast::Constant as C;
    match e {
        ast::Expr::Constant(c) => Some(match &c.value {
            C::None => "NoneType",
            C::Bool(_) => "bool",
            C::Ellipsis => "ellipsis",
            C::Int(_) => "int",
            C::Float(_) => "float",
            C::Complex { .. } => "complex",
            C::Str(_) => "str",
            C::Bytes(_) => "bytes",
            C::Tuple(_) => "tuple",
        }),
        ast::Expr::UnaryOp(u) => match (u.op, folded_type(&u.operand)?) {
            (ast::UnaryOp::Not, _) => Some("bool"),
            (ast::UnaryOp::Invert, "int" | "bool") => Some("int"),
            (ast::UnaryOp::USub | ast::UnaryOp::UAdd, "bool" | "int") => Some("int"),
            (ast::UnaryOp::USub | ast::UnaryOp::UAdd, t @ ("float" | "complex")) => Some(t),
            _ => None,
        },
        ast::Expr::Tuple(t) => t.elts.iter().all(|e| folded_type(e).is_some()).then_some("tuple"),
        ast::Expr::BinOp(b) => folded_binop(b),
        _ => None,
    }
}

/// The type of a folded `a op b`, for the operations that fold whatever
/// the values (no division, which may be by zero; no huge powers).
fn folded_binop(b: &ast::ExprBinOp) -> Option<&'static str> {
    let (l, r) = (folded_type(&b.left)?, folded_type(&b.right)?);
    let rank = |t: &str| match t {
        "bool" | "int" => Some(0),
        "float" => Some(1),
        "complex" => Some(2),
        _ => None,
    };
    match (b.op, rank(l), rank(r)) {
        (ast::Operator::Add | ast::Operator::Sub | ast::Operator::Mult, Some(x), Some(y)) => {
            Some(["int", "float", "complex"][x.max(y)])
        }
        (ast::Operator::Pow, Some(0), Some(0)) if small_exponent(&b.right) => Some("int"),
        (ast::Operator::Add, None, None) if l == r && matches!(l, "str" | "bytes") => Some(l),
        _ => None,
    }
}

fn small_exponent(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(c) if matches!(&c.value, ast::Constant::Int(i) if *i >= 0.into() && *i <= 64.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(source: &str) -> Vec<(usize, String)> {
        let module = crate::frontend::parse_module(source, "t.py").unwrap();
        syntax_warnings(source, &module).into_iter().map(|w| (w.line, w.message)).collect()
    }

    #[test]
    fn parser_warnings_come_first_then_the_compilers_in_source_order() {
        let source = "x = 1\nif x is 1:\n    y = '\\d' + r'\\d' + b'\\N' + '\\777' + '\\N{EM DASH}'\nassert (x, 'm')\n";
        assert_eq!(
            warnings(source),
            vec![
                (3, "invalid escape sequence '\\d'".to_string()),
                (3, "invalid escape sequence '\\N'".to_string()),
                (3, "invalid octal escape sequence '\\777'".to_string()),
                (2, "\"is\" with 'int' literal. Did you mean \"==\"?".to_string()),
                (4, "assertion is always true, perhaps remove parentheses?".to_string()),
            ]
        );
    }

    #[test]
    fn an_fstring_warns_for_its_format_specs_first_and_only_for_folded_literals() {
        let source =
            "a = 1\nf = f'\\d{a}\\q {a!r:\\>5{a}\\<} {{\\w\\e}}'\nb = a is None or a is not (1, -2) or a is [1]\n";
        assert_eq!(
            warnings(source),
            vec![
                (2, "invalid escape sequence '\\>'".to_string()),
                (2, "invalid escape sequence '\\<'".to_string()),
                (2, "invalid escape sequence '\\d'".to_string()),
                (2, "invalid escape sequence '\\q'".to_string()),
                (2, "invalid escape sequence '\\w'".to_string()),
                (3, "\"is not\" with 'tuple' literal. Did you mean \"!=\"?".to_string()),
            ]
        );
    }
}

//! Class-body annotations as `__annotations__` holds them.
//!
//! Under `from __future__ import annotations` (PEP 563) an annotation is
//! not evaluated: `__annotations__` holds its text as CPython's compiler
//! unparses it (`dict[str, int]`, `'Node' | None`). Otherwise it holds the
//! value, and a string annotation is a string either way.
//!
//! A string annotation matters to `dataclasses`: a field annotated
//! `"ClassVar[int]"` is a class variable when the module binds `ClassVar`
//! to `typing.ClassVar` (CPython looks the first name up in the module's
//! namespace). The runtime cannot see the module's namespace, so the
//! transpiler resolves the name from the module's one binding of it and
//! marks the str (`rt::dataclasses::special_annotation`); a decorated class
//! whose string annotation it cannot resolve is refused.

use crate::frontend::ast;
use crate::sema::Program;
use crate::sema::dataclass_init::SPECIAL;

/// Whether the module starts with `from __future__ import annotations`
/// (future imports must come first, after the docstring).
pub fn future_annotations(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| {
        matches!(s, ast::Stmt::ImportFrom(i)
            if i.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                && i.names.iter().any(|a| a.name.as_str() == "annotations"))
    })
}

/// The text CPython stores for annotation `e` under PEP 563, for the
/// expressions annotations are made of; None for others.
pub fn text(e: &ast::Expr) -> Option<String> {
    use ast::Expr as E;
    Some(match e {
        E::Name(n) => n.id.to_string(),
        E::Attribute(a) => format!("{}.{}", operand(&a.value)?, a.attr),
        E::Subscript(s) => {
            let slice = match &*s.slice {
                // `dict[str, int]`: a tuple index is written bare.
                E::Tuple(t) if t.elts.len() >= 2 => items(&t.elts)?,
                other => text(other)?,
            };
            format!("{}[{slice}]", operand(&s.value)?)
        }
        E::BinOp(b) if b.op == ast::Operator::BitOr => {
            // `|` groups to the left: a right operand that is itself a `|`
            // was parenthesized.
            let right = match &*b.right {
                r @ E::BinOp(_) => format!("({})", text(r)?),
                r => text(r)?,
            };
            format!("{} | {right}", text(&b.left)?)
        }
        E::List(l) => format!("[{}]", items(&l.elts)?),
        E::Tuple(t) if t.elts.len() == 1 => format!("({},)", text(&t.elts[0])?),
        E::Tuple(t) => format!("({})", items(&t.elts)?),
        E::Constant(c) => match &c.value {
            ast::Constant::None => "None".into(),
            ast::Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            ast::Constant::Ellipsis => "...".into(),
            ast::Constant::Int(i) => i.to_string(),
            ast::Constant::Str(s) => str_repr(s)?,
            _ => return None,
        },
        _ => return None,
    })
}

/// An operand of `.` or `[...]`: one that binds tighter as it is.
fn operand(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => text(e),
        _ => None,
    }
}

fn items(elts: &[ast::Expr]) -> Option<String> {
    Some(elts.iter().map(text).collect::<Option<Vec<_>>>()?.join(", "))
}

/// `repr(s)` for a str of printable ASCII; None for any other.
fn str_repr(s: &str) -> Option<String> {
    if !s.chars().all(|c| c.is_ascii_graphic() || c == ' ') || s.contains('\\') {
        return None;
    }
    Some(if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\'', "\\'"))
    })
}

/// What `dataclasses` reads the string annotation `text` of a class body
/// as: `Ok(Some(kind))` for `ClassVar`, `InitVar` or `KW_ONLY`, `Ok(None)`
/// for a plain field, `Err` when the module does not say for certain.
/// CPython takes the annotation's first name (after an optional `module.`,
/// as `_MODULE_IDENTIFIER_RE` reads it) and looks it up in the module's
/// namespace; here that is the module's one binding of the name: a class,
/// a def or an import of another name is plain, and `from typing import
/// ClassVar` (or `from dataclasses import InitVar`, `KW_ONLY`), under any
/// name, is that kind.
pub fn string_kind(prog: &Program, body: &[ast::Stmt], text: &str) -> Result<Option<&'static str>, String> {
    let Some((prefix, name)) = type_name(text) else { return Ok(None) };
    let unknown = || {
        Err(format!(
            "the string annotation {text:?} in a decorated class (dataclasses would look up '{name}' in the module)"
        ))
    };
    let Some(sym) = prog.scopes[0].symbols.get(name) else { return Ok(None) };
    if !sym.assigned && !prog.scopes.iter().any(|s| s.symbols.get(name).is_some_and(|x| x.declared_global)) {
        return Ok(None);
    }
    let (mut plain, mut special) = (0u32, None);
    for s in body {
        match s {
            ast::Stmt::ClassDef(c) if c.name.as_str() == name => plain += 1,
            ast::Stmt::FunctionDef(f) if f.name.as_str() == name => plain += 1,
            ast::Stmt::Import(i) => {
                plain +=
                    i.names.iter().filter(|a| a.asname.as_ref().unwrap_or(&a.name).as_str() == name).count() as u32;
            }
            ast::Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map_or("", |m| m.as_str());
                for a in i.names.iter().filter(|a| a.asname.as_ref().unwrap_or(&a.name).as_str() == name) {
                    match (module, a.name.as_str()) {
                        ("typing", "ClassVar") => special = Some("ClassVar"),
                        ("dataclasses", "InitVar") => special = Some("InitVar"),
                        ("dataclasses", "KW_ONLY") => special = Some("KW_ONLY"),
                        (_, n) if !SPECIAL.contains(&n) => plain += 1,
                        _ => return unknown(),
                    }
                }
            }
            _ => {}
        }
    }
    let found = plain + u32::from(special.is_some());
    if sym.deleted || sym.bindings != found || sym.bindings != 1 && special.is_some() {
        return unknown();
    }
    match special {
        // With `module.` before it, the kind depends on what `module` is.
        Some(_) if prefix.is_some() => unknown(),
        kind => Ok(kind),
    }
}

/// The optional module name and the type name that `_MODULE_IDENTIFIER_RE`
/// (`^(?:\s*(\w+)\s*\.)?\s*(\w+)`) reads from an annotation.
fn type_name(text: &str) -> Option<(Option<&str>, &str)> {
    let word = |s: &str| s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    let s = text.trim_start();
    let first = &s[..word(s)];
    let rest = s[first.len()..].trim_start();
    if !first.is_empty()
        && let Some(after) = rest.strip_prefix('.')
    {
        let after = after.trim_start();
        let second = &after[..word(after)];
        if !second.is_empty() {
            return Some((Some(first), second));
        }
    }
    (!first.is_empty()).then_some((None, first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(src: &str) -> ast::Expr {
        let module = crate::frontend::parse_module(&format!("x: {src}\n"), "t.py").expect("parses");
        let ast::Stmt::AnnAssign(a) = &module.body[0] else { panic!("not an annotation") };
        (*a.annotation).clone()
    }

    #[test]
    fn annotations_unparse_as_cpython_stores_them() {
        for (src, want) in [
            ("int", "int"),
            ("dict[ str,int ]", "dict[str, int]"),
            ("typing.Optional[list[int]]", "typing.Optional[list[int]]"),
            ("int | None", "int | None"),
            ("int | (str | None)", "int | (str | None)"),
            ("\"Node\"", "'Node'"),
            ("Callable[[int, str], None]", "Callable[[int, str], None]"),
            ("tuple[int, ...]", "tuple[int, ...]"),
            ("Literal[\"it's\"]", "Literal[\"it's\"]"),
        ] {
            assert_eq!(text(&annotation(src)).as_deref(), Some(want), "{src}");
        }
        assert_eq!(text(&annotation("f(x)")), None);
        assert_eq!(text(&annotation("\"tab\\there\"")), None);
    }

    #[test]
    fn the_type_name_is_read_as_dataclasses_reads_it() {
        assert_eq!(type_name("ClassVar[int]"), Some((None, "ClassVar")));
        assert_eq!(type_name(" typing . ClassVar[int]"), Some((Some("typing"), "ClassVar")));
        assert_eq!(type_name("int"), Some((None, "int")));
        assert_eq!(type_name("x ."), Some((None, "x")));
        assert_eq!(type_name("[int]"), None);
    }
}

//! All name mangling in one place: how a Python identifier becomes a Rust
//! identifier that cannot collide with a keyword, the runtime prelude, or
//! the temporaries the lowering introduces.

use proc_macro2::{Ident, Span};

const RUST_KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let",
    "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot even be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Names the generated code uses unqualified.
const RESERVED: &[&str] = &[
    "rt",
    "Value",
    "PyResult",
    "PyErr",
    "Kwargs",
    "Signature",
    "Cell",
    "Global",
    "MaybeBound",
    "Rc",
    "Some",
    "None",
    "Ok",
    "Err",
    "Option",
    "Vec",
    "String",
    "Box",
    "main",
    "std",
    "core",
    "globals",
    "module_body",
    "alloc",
    // The call guard of dynamic functions and the native tier's names.
    "_frame",
    "_depth",
    "Bail",
    "NResult",
    // A native loop's accumulator, where a step generator's `return`
    // value goes, and where a native function keeps the strs it builds.
    "_acc",
    "_returned",
    "_arena",
    "_strs",
    // The unchecked body of a function whose recursion depth is bounded.
    "_bounded",
];

/// The modules holding the parts of a large module body are named so
/// (`module_lines_12_80`); a Python name that starts so is renamed.
pub const MODULE_PART_PREFIX: &str = "module_lines_";

/// Identifiers with this prefix are placeholders inside the lowering
/// (rewritten before emission); a Python name that starts so is renamed.
pub const PLACEHOLDER_PREFIX: &str = "__py2rs_";

/// Whether `name` looks like a temporary (`_t3`, `_it12`): the lowering
/// owns that pattern.
fn is_temp_like(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('_') else {
        return false;
    };
    let letters = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    letters.len() < rest.len() && !letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase())
}

/// Whether rustc accepts `s` as an identifier.
fn valid_ident(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {}
        _ => return false,
    }
    chars.all(unicode_ident::is_xid_continue)
}

/// The Rust spelling of a Python identifier (or of a name like
/// `<lambda>`, which Python uses for anonymous functions).
pub fn rust_name(py: &str) -> String {
    if py == "<lambda>" {
        return "lambda".to_string();
    }
    if !valid_ident(py) {
        // Python's and Rust's identifier rules differ in a few code points:
        // spell such names with their code points instead.
        let mut out = String::from("py_");
        for c in py.chars() {
            if c.is_ascii_alphanumeric() || c == '_' {
                out.push(c);
            } else {
                out.push_str(&format!("u{:x}_", c as u32));
            }
        }
        return out;
    }
    if needs_suffix(py) {
        return format!("{py}_");
    }
    if needs_prefix(py) {
        return format!("py{py}");
    }
    py.to_string()
}

/// Endings of the names the lowering makes from a parameter's
/// (`x_native`, `x_arg`).
const DERIVED_ENDINGS: &[&str] = &["_native", "_arg"];

/// Names spelled with a `_` appended: keywords, reserved and derived
/// names, and so that the spelling stays one-to-one, every name that is
/// one of those with `_`s appended (`self_` becomes `self__`, as `self`
/// becomes `self_`).
fn needs_suffix(py: &str) -> bool {
    NOT_RAW.contains(&py)
        || RESERVED.contains(&py)
        || py.starts_with(MODULE_PART_PREFIX)
        || DERIVED_ENDINGS.iter().any(|e| py.ends_with(e))
        || py.strip_suffix('_').is_some_and(needs_suffix)
}

/// Names spelled with `py` put before: those like the lowering's
/// temporaries and placeholders, and every name that is one of those with
/// `py`s put before (`py_t1` becomes `pypy_t1`, as `_t1` becomes `py_t1`).
fn needs_prefix(py: &str) -> bool {
    is_temp_like(py) || py.starts_with(PLACEHOLDER_PREFIX) || py.strip_prefix("py").is_some_and(needs_prefix)
}

/// A Python identifier as a Rust `Ident` (raw when it is a keyword).
pub fn ident(py: &str) -> Ident {
    let name = rust_name(py);
    if RUST_KEYWORDS.contains(&name.as_str()) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

/// A temporary introduced by the lowering: `_{kind}{n}`.
pub fn temp(kind: &str, n: usize) -> Ident {
    Ident::new(&format!("_{kind}{n}"), Span::call_site())
}

/// A plain identifier the lowering chose itself (already valid Rust).
pub fn raw(name: &str) -> Ident {
    if valid_ident(name) && !RUST_KEYWORDS.contains(&name) { Ident::new(name, Span::call_site()) } else { ident(name) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_reserved_names_are_mangled() {
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("Value").to_string(), "Value_");
        assert_eq!(ident("_t1").to_string(), "py_t1");
        assert_eq!(ident("_").to_string(), "__");
        assert_eq!(ident("module_lines_1_2").to_string(), "module_lines_1_2_");
        assert_eq!(ident("total").to_string(), "total");
        assert_eq!(ident("_private").to_string(), "_private");
        assert_eq!(ident("__py2rs_state_1").to_string(), "py__py2rs_state_1");
    }

    /// No two Python names get one Rust spelling.
    #[test]
    fn spellings_are_one_to_one() {
        let names = [
            "self",
            "self_",
            "self__",
            "_",
            "__",
            "___",
            "_depth",
            "_depth_",
            "_t1",
            "py_t1",
            "pypy_t1",
            "x",
            "x_native",
            "x_native_",
            "x_arg",
            "Value",
            "Value_",
            "module_lines_1",
            "module_lines_1_",
            "py",
            "type",
        ];
        let spelled: std::collections::BTreeSet<String> = names.iter().map(|n| ident(n).to_string()).collect();
        assert_eq!(spelled.len(), names.len(), "{spelled:?}");
        assert_eq!(ident("self_").to_string(), "self__");
        assert_eq!(ident("py_t1").to_string(), "pypy_t1");
        assert_eq!(ident("x_native").to_string(), "x_native_");
    }
}

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
    if NOT_RAW.contains(&py) || RESERVED.contains(&py) || py.starts_with(MODULE_PART_PREFIX) {
        return format!("{py}_");
    }
    if is_temp_like(py) || py.starts_with(PLACEHOLDER_PREFIX) {
        return format!("py{py}");
    }
    py.to_string()
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
}

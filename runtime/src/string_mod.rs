//! The `string` module: its character-class constants, `capwords` and
//! `Template`. (`Formatter` is not provided: using it is the module's
//! `AttributeError`.)

use crate::call::{call, call_method};
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::{Function, Signature};
use crate::ops;
use crate::value::Value;

const LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

/// `capwords(s, sep=None)`: `(sep or ' ').join(map(str.capitalize, s.split(sep)))`,
/// evaluated in that order.
fn capwords(bound: Vec<Value>) -> PyResult<Value> {
    let [s, sep] = crate::func::args::<2>(bound);
    let joiner = if ops::truthy(&sep)? { sep.clone() } else { Value::str(" ") };
    let join = crate::attr::getattr(&joiner, "join")?;
    let words = call_method(&s, "split", vec![sep], vec![])?;
    let capitalized = crate::iter::to_vec(&words)?
        .iter()
        .map(|w| call_method(w, "capitalize", vec![], vec![]))
        .collect::<PyResult<Vec<_>>>()?;
    call(&join, vec![Value::list(capitalized)], vec![])
}

static CAPWORDS_SIG: Signature =
    Signature { params: &["s", "sep"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let letters = format!("{LOWERCASE}{UPPERCASE}");
    let printable = format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}");
    for (name, value) in [
        ("ascii_lowercase", LOWERCASE.to_string()),
        ("ascii_uppercase", UPPERCASE.to_string()),
        ("ascii_letters", letters),
        ("digits", DIGITS.to_string()),
        ("hexdigits", format!("{DIGITS}abcdefABCDEF")),
        ("octdigits", "01234567".to_string()),
        ("punctuation", PUNCTUATION.to_string()),
        ("whitespace", WHITESPACE.to_string()),
        ("printable", printable),
    ] {
        d.set_str(name, Value::str(value.as_str()));
    }
    d.set_str(
        "capwords",
        Function::in_module("string", "capwords", &CAPWORDS_SIG, vec![Value::None], vec![], capwords),
    );
    d.set_str("Template", Value::Class(TEMPLATE.get().clone()));
    d
}

// --------------------------------------------------------------- Template

/// `string.Template`: a plain class, so programs may derive from it and
/// set `delimiter`; a class changing `idpattern`, `braceidpattern`, `flags`
/// or `pattern` is refused when it substitutes (the placeholders are
/// scanned here, not by a regex compiled from them).
static TEMPLATE: crate::gil::Lazy<std::rc::Rc<crate::class::Class>> = crate::gil::Lazy::new(|| {
    static INIT: Signature =
        Signature { params: &["self", "template"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };
    static SUBST: Signature = Signature {
        params: &["self", "mapping", "kws"],
        posonly: 2,
        positional: 2,
        varargs: false,
        kwonly: 0,
        varkw: true,
    };
    static SELF: Signature =
        Signature { params: &["self"], posonly: 0, positional: 1, varargs: false, kwonly: 0, varkw: false };
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("string"));
    ns.set_str("delimiter", Value::str("$"));
    ns.set_str("idpattern", Value::str(ID_PATTERN));
    ns.set_str("braceidpattern", Value::None);
    let f = |name: &str, sig: &'static Signature, defaults: Vec<Value>, body: fn(Vec<Value>) -> PyResult<Value>| {
        Function::in_module("string", &format!("Template.{name}"), sig, defaults, vec![], body)
    };
    ns.set_str(
        "__init__",
        f("__init__", &INIT, vec![], |a| {
            crate::attr::setattr(&a[0], "template", a[1].clone())?;
            Ok(Value::None)
        }),
    );
    ns.set_str("substitute", f("substitute", &SUBST, vec![Value::None], |a| substitute(a, false)));
    ns.set_str("safe_substitute", f("safe_substitute", &SUBST, vec![Value::None], |a| substitute(a, true)));
    ns.set_str(
        "get_identifiers",
        f("get_identifiers", &SELF, vec![], |a| {
            let mut names: Vec<String> = Vec::new();
            for piece in placeholders(&a[0])? {
                if let Piece::Named(n) | Piece::Braced(n) = piece.1
                    && !names.contains(&n)
                {
                    names.push(n);
                }
            }
            Ok(Value::list(names.iter().map(|n| Value::str(n.as_str())).collect()))
        }),
    );
    ns.set_str(
        "is_valid",
        f("is_valid", &SELF, vec![], |a| {
            Ok(Value::Bool(placeholders(&a[0])?.iter().all(|p| !matches!(p.1, Piece::Invalid))))
        }),
    );
    let object = Value::Class(crate::types::types().object.clone());
    match crate::classes::type_new(&crate::types::types().type_, "Template", vec![object], ns, vec![]) {
        Ok(Value::Class(c)) => c,
        _ => crate::types::types().object.clone(),
    }
});

const ID_PATTERN: &str = "(?a:[_a-z][_a-z0-9]*)";

/// What follows a delimiter.
enum Piece {
    /// The delimiter twice: the delimiter itself.
    Escaped,
    Named(String),
    Braced(String),
    /// Anything else, at the delimiter's character offset.
    Invalid,
}

/// The template's text and each placeholder: its byte range and kind.
fn placeholders(this: &Value) -> PyResult<Vec<(std::ops::Range<usize>, Piece)>> {
    Ok(scan(&template_text(this)?, &delimiter(this)?))
}

fn template_text(this: &Value) -> PyResult<String> {
    crate::fmt::str_(&crate::attr::getattr(this, "template")?)
}

fn delimiter(this: &Value) -> PyResult<String> {
    for (name, default) in [("idpattern", Value::str(ID_PATTERN)), ("braceidpattern", Value::None)] {
        let v = crate::attr::getattr(this, name)?;
        if !ops::eq(&v, &default)? {
            return Err(crate::exc::not_implemented_error(format!("py2rs: a string.Template with its own {name}")));
        }
    }
    for name in ["pattern", "flags"] {
        if crate::attr::getattr(this, name).is_ok() {
            return Err(crate::exc::not_implemented_error(format!("py2rs: a string.Template with its own {name}")));
        }
    }
    crate::fmt::str_(&crate::attr::getattr(this, "delimiter")?)
}

fn scan(text: &str, delim: &str) -> Vec<(std::ops::Range<usize>, Piece)> {
    let ident_len = |s: &str| {
        let b = s.as_bytes();
        if b.first().is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_') {
            b.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count()
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while !delim.is_empty()
        && let Some(k) = text[i..].find(delim)
    {
        let start = i + k;
        let rest = &text[start + delim.len()..];
        let after = start + delim.len();
        let (end, piece) = if rest.starts_with(delim) {
            (after + delim.len(), Piece::Escaped)
        } else if let n @ 1.. = ident_len(rest) {
            (after + n, Piece::Named(rest[..n].to_string()))
        } else if let Some(inner) = rest.strip_prefix('{')
            && let n @ 1.. = ident_len(inner)
            && inner[n..].starts_with('}')
        {
            (after + n + 2, Piece::Braced(inner[..n].to_string()))
        } else {
            (after, Piece::Invalid)
        };
        out.push((start..end, piece));
        i = end;
    }
    out
}

/// `substitute` / `safe_substitute`: keywords before the mapping.
fn substitute(a: Vec<Value>, safe: bool) -> PyResult<Value> {
    let [this, mapping, kws] = crate::func::args::<3>(a);
    let text = template_text(&this)?;
    let delim = delimiter(&this)?;
    let lookup = |name: &str| -> PyResult<Option<Value>> {
        let key = Value::str(name);
        if let Value::Dict(k) = &kws
            && let Some(v) = k.get(&key)?
        {
            return Ok(Some(v));
        }
        if mapping.is_none() {
            return Ok(None);
        }
        match ops::getitem(&mapping, &key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance(&crate::types::types().key_error) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, piece) in scan(&text, &delim) {
        out.push_str(&text[last..range.start]);
        let original = &text[range.clone()];
        match piece {
            Piece::Escaped => out.push_str(&delim),
            Piece::Named(n) | Piece::Braced(n) => match lookup(&n)? {
                Some(v) => out.push_str(&crate::fmt::str_(&v)?),
                None if safe => out.push_str(original),
                None => return Err(crate::exc::key_error(Value::str(n.as_str()))),
            },
            Piece::Invalid if safe => out.push_str(original),
            Piece::Invalid => return Err(invalid_placeholder(&text, range.start + delim.len())),
        }
        last = range.end;
    }
    out.push_str(&text[last..]);
    Ok(Value::str(out))
}

/// CPython's `_invalid`: the line and column of a bad placeholder.
fn invalid_placeholder(text: &str, at: usize) -> crate::exc::PyErr {
    let before = &text[..at];
    let lines: Vec<&str> = before.split_inclusive(['\n', '\r']).collect();
    let (lineno, colno) = match lines.split_last() {
        None => (1, 1),
        Some((_, first)) => {
            (lines.len(), before.chars().count() - first.iter().map(|l| l.chars().count()).sum::<usize>())
        }
    };
    crate::exc::value_error(format!("Invalid placeholder in string: line {lineno}, col {colno}"))
}

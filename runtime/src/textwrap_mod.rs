//! The `textwrap` module: `wrap`, `fill`, `shorten`, `dedent`, `indent` and
//! `TextWrapper`, ported from CPython 3.12's `Lib/textwrap.py` step by step
//! (the same chunking regex, the same greedy line filling, the same
//! `max_lines` / placeholder logic), so outputs are byte-identical:
//! `wrap("Look, goof-ball -- use the -b option!", 12)` splits after
//! `goof-` exactly where CPython does.
//!
//! `TextWrapper` instances are native objects whose attributes live in a
//! dict (any attribute may be set, as on a Python instance, and the options
//! are read when `wrap` runs). Subclassing `TextWrapper` to override its
//! private methods (`_split`, `_wrap_chunks`...) is not supported: its
//! instances are not Python objects. Python's `\w` in the chunking regex is
//! Unicode-aware, as the regex crate's `\w` is; the two differ only on rare
//! code points (combining marks, non-decimal numerals).

use std::rc::Rc;

use fancy_regex::Regex;

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, attribute_error_for, type_error, value_error};
use crate::func::{BoundBuiltin, Function, Kwargs, Signature};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops::{self, type_name};
use crate::str::PyStr;
use crate::str_methods as sm;
use crate::types::{BuiltinInfo, types};
use crate::value::Value;

/// The whitespace `textwrap` knows: `'\t\n\x0b\x0c\r '`.
const WHITESPACE: &[char] = &['\t', '\n', '\x0b', '\x0c', '\r', ' '];

/// `TextWrapper.wordsep_re`, with the same alternatives in the same order.
static WORDSEP_RE: Lazy<Regex> = Lazy::new(|| {
    let ws = r"[\t\n\x0b\x0c\r ]";
    let nws = r"[^\t\n\x0b\x0c\r ]";
    let wp = r#"[\w!"'&.,?]"#;
    let lt = r"[^\d\W]";
    let pattern = format!(
        "({ws}+|(?<={wp})-{{2,}}(?=\\w)|{nws}+?(?:-(?:(?<={lt}{{2}}-)|(?<={lt}-{lt}-))(?={lt}-?{lt})|(?={ws}|\\z)|(?<={wp})(?=-{{2,}}\\w)))"
    );
    Regex::new(&pattern).expect("textwrap's chunking regex compiles")
});

/// `TextWrapper.wordsep_simple_re`: runs of whitespace.
static WORDSEP_SIMPLE_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"([\t\n\x0b\x0c\r ]+)").expect("textwrap's whitespace regex compiles"));

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `s.strip() == ''`.
fn is_blank(s: &str) -> bool {
    sm::strip(s, None).is_empty()
}

/// The first `n` characters of `s` and the rest.
fn split_at_char(s: &str, n: usize) -> (&str, &str) {
    match s.char_indices().nth(n) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    }
}

/// `regex.split(text)` for a pattern that is one capturing group, with the
/// empty strings dropped (`_split`).
fn split_chunks(re: &Regex, text: &str) -> PyResult<Vec<String>> {
    let mut chunks = Vec::new();
    let mut last = 0;
    for m in re.find_iter(text) {
        let m = m.map_err(|e| crate::exc::runtime_error(format!("textwrap: regex failed: {e}")))?;
        if m.start() > last {
            chunks.push(text[last..m.start()].to_owned());
        }
        if m.end() > m.start() {
            chunks.push(m.as_str().to_owned());
        }
        last = m.end();
    }
    if last < text.len() {
        chunks.push(text[last..].to_owned());
    }
    Ok(chunks)
}

/// `sentence_end_re.search(chunk)`: `[a-z][.!?]["']?\Z`.
fn ends_sentence(chunk: &str) -> bool {
    let mut rev = chunk.chars().rev();
    let mut c = rev.next();
    if matches!(c, Some('"' | '\'')) {
        c = rev.next();
    }
    matches!(c, Some('.' | '!' | '?')) && matches!(rev.next(), Some('a'..='z'))
}

/// The width, as Python compares it: an int, or a float (which fails only
/// where CPython's slicing by it fails).
#[derive(Clone, Copy)]
struct Width {
    value: f64,
    is_int: bool,
}

/// The options `wrap` reads from a `TextWrapper`, converted once.
struct Options {
    width: Width,
    width_repr: String,
    initial_indent: String,
    subsequent_indent: String,
    expand_tabs: bool,
    replace_whitespace: bool,
    fix_sentence_endings: bool,
    break_long_words: bool,
    drop_whitespace: bool,
    /// `break_on_hyphens is True` picks the hyphen-aware regex...
    hyphen_regex: bool,
    /// ...while `_handle_long_word` only asks for its truth.
    break_on_hyphens: bool,
    tabsize: Value,
    max_lines: Option<i64>,
    placeholder: String,
}

fn str_option(attrs: &Dict, name: &str) -> PyResult<String> {
    match attrs.get_str(name) {
        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
        Some(other) => Err(type_error(format!(
            "textwrap: {name} must be a str, not '{}' (unsupported by py2rs)",
            type_name(&other)
        ))),
        None => Err(missing(name)),
    }
}

fn missing(name: &str) -> crate::exc::PyErr {
    crate::exc::attribute_error(format!("'TextWrapper' object has no attribute '{name}'"))
}

fn bool_option(attrs: &Dict, name: &str) -> PyResult<bool> {
    ops::truthy(&attrs.get_str(name).ok_or_else(|| missing(name))?)
}

fn read_options(attrs: &Dict) -> PyResult<Options> {
    let width_value = attrs.get_str("width").ok_or_else(|| missing("width"))?;
    let width = match &width_value {
        Value::Int(i) => Width { value: *i as f64, is_int: true },
        Value::Bool(b) => Width { value: f64::from(u8::from(*b)), is_int: true },
        Value::Float(f) => Width { value: *f, is_int: false },
        other => {
            return Err(type_error(format!(
                "textwrap: width must be an int, not '{}' (unsupported by py2rs)",
                type_name(other)
            )));
        }
    };
    let max_lines = match attrs.get_str("max_lines").ok_or_else(|| missing("max_lines"))? {
        Value::None => None,
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(i64::from(b)),
        other => {
            return Err(type_error(format!(
                "textwrap: max_lines must be an int or None, not '{}' (unsupported by py2rs)",
                type_name(&other)
            )));
        }
    };
    let hyphens = attrs.get_str("break_on_hyphens").ok_or_else(|| missing("break_on_hyphens"))?;
    Ok(Options {
        width,
        width_repr: crate::fmt::repr(&width_value)?,
        initial_indent: str_option(attrs, "initial_indent")?,
        subsequent_indent: str_option(attrs, "subsequent_indent")?,
        expand_tabs: bool_option(attrs, "expand_tabs")?,
        replace_whitespace: bool_option(attrs, "replace_whitespace")?,
        fix_sentence_endings: bool_option(attrs, "fix_sentence_endings")?,
        break_long_words: bool_option(attrs, "break_long_words")?,
        drop_whitespace: bool_option(attrs, "drop_whitespace")?,
        hyphen_regex: matches!(hyphens, Value::Bool(true)),
        break_on_hyphens: ops::truthy(&hyphens)?,
        tabsize: attrs.get_str("tabsize").ok_or_else(|| missing("tabsize"))?,
        max_lines,
        placeholder: str_option(attrs, "placeholder")?,
    })
}

/// `_munge_whitespace` and `_split` (and `_fix_sentence_endings`).
fn chunks_of(o: &Options, text: &Value) -> PyResult<Vec<String>> {
    let Value::Str(s) = text else {
        let missing = if o.expand_tabs {
            Some("expandtabs")
        } else if o.replace_whitespace {
            Some("translate")
        } else {
            None
        };
        return Err(match missing {
            Some(name) => {
                attribute_error_for(text, name, format!("'{}' object has no attribute '{name}'", type_name(text)))
            }
            None => type_error(format!("expected string or bytes-like object, got '{}'", type_name(text))),
        });
    };
    let mut text = s.as_str().to_owned();
    if o.expand_tabs {
        let tabsize = ops::index_of(&o.tabsize, "expandtabs")?;
        text = crate::exc::pure(sm::expandtabs(&text, tabsize))?;
    }
    if o.replace_whitespace {
        text = text.chars().map(|c| if WHITESPACE.contains(&c) { ' ' } else { c }).collect();
    }
    let re = if o.hyphen_regex { WORDSEP_RE.get() } else { WORDSEP_SIMPLE_RE.get() };
    let mut chunks = split_chunks(re, &text)?;
    if o.fix_sentence_endings {
        let mut i = 0;
        while i + 1 < chunks.len() {
            if chunks[i + 1] == " " && ends_sentence(&chunks[i]) {
                chunks[i + 1] = "  ".to_owned();
                i += 2;
            } else {
                i += 1;
            }
        }
    }
    Ok(chunks)
}

fn slice_error() -> crate::exc::PyErr {
    type_error("slice indices must be integers or None or have an __index__ method")
}

/// `_handle_long_word`: breaks the last chunk of `reversed` to fill the line.
fn handle_long_word(
    o: &Options,
    reversed: &mut Vec<String>,
    cur_line: &mut Vec<String>,
    cur_len: usize,
    width: f64,
) -> PyResult<()> {
    let space_left = if width < 1.0 { 1.0 } else { width - cur_len as f64 };
    if o.break_long_words {
        if !o.width.is_int && width >= 1.0 {
            return Err(slice_error());
        }
        let space_left = space_left as usize;
        let Some(chunk) = reversed.last_mut() else {
            return Ok(());
        };
        let mut end = space_left;
        if o.break_on_hyphens && char_len(chunk) > space_left {
            let hyphen = sm::rfind(chunk, "-", Some(0), Some(space_left as i64));
            if hyphen > 0 && split_at_char(chunk, hyphen as usize).0.chars().any(|c| c != '-') {
                end = hyphen as usize + 1;
            }
        }
        let (head, tail) = split_at_char(chunk, end);
        let (head, tail) = (head.to_owned(), tail.to_owned());
        cur_line.push(head);
        *chunk = tail;
    } else if cur_line.is_empty()
        && let Some(chunk) = reversed.pop()
    {
        cur_line.push(chunk);
    }
    Ok(())
}

/// `_wrap_chunks`: the greedy filling of lines.
fn wrap_chunks(o: &Options, mut chunks: Vec<String>) -> PyResult<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let full_width = o.width.value;
    if full_width <= 0.0 {
        return Err(value_error(format!("invalid width {} (must be > 0)", o.width_repr)));
    }
    let placeholder_len = char_len(&o.placeholder) as f64;
    if let Some(max_lines) = o.max_lines {
        let indent = if max_lines > 1 { &o.subsequent_indent } else { &o.initial_indent };
        if (char_len(indent) + char_len(sm::lstrip(&o.placeholder, None).as_str())) as f64 > full_width {
            return Err(value_error("placeholder too large for max width"));
        }
    }
    chunks.reverse();
    while !chunks.is_empty() {
        let mut cur_line: Vec<String> = Vec::new();
        let mut cur_len = 0usize;
        let indent = if lines.is_empty() { &o.initial_indent } else { &o.subsequent_indent };
        let width = full_width - char_len(indent) as f64;
        if o.drop_whitespace && chunks.last().is_some_and(|c| is_blank(c)) && !lines.is_empty() {
            chunks.pop();
        }
        while let Some(last) = chunks.last() {
            let l = char_len(last);
            if (cur_len + l) as f64 <= width {
                cur_len += l;
                cur_line.extend(chunks.pop());
            } else {
                break;
            }
        }
        if chunks.last().is_some_and(|c| char_len(c) as f64 > width) {
            handle_long_word(o, &mut chunks, &mut cur_line, cur_len, width)?;
            cur_len = cur_line.iter().map(|c| char_len(c)).sum();
        }
        if o.drop_whitespace && cur_line.last().is_some_and(|c| is_blank(c)) {
            cur_len -= cur_line.last().map_or(0, |c| char_len(c));
            cur_line.pop();
        }
        if cur_line.is_empty() {
            continue;
        }
        let fits = match o.max_lines {
            None => true,
            Some(max_lines) => {
                (lines.len() as i64 + 1) < max_lines
                    || ((chunks.is_empty() || (o.drop_whitespace && chunks.len() == 1 && is_blank(&chunks[0])))
                        && cur_len as f64 <= width)
            }
        };
        if fits {
            lines.push(format!("{indent}{}", cur_line.concat()));
            continue;
        }
        // The last allowed line: end it with the placeholder.
        while let Some(last) = cur_line.last() {
            if !is_blank(last) && cur_len as f64 + placeholder_len <= width {
                cur_line.push(o.placeholder.clone());
                lines.push(format!("{indent}{}", cur_line.concat()));
                return Ok(lines);
            }
            cur_len -= char_len(last);
            cur_line.pop();
        }
        if let Some(prev) = lines.last_mut() {
            let prev_line = sm::rstrip(prev, None);
            if char_len(&prev_line) as f64 + placeholder_len <= full_width {
                *prev = prev_line + &o.placeholder;
                return Ok(lines);
            }
        }
        lines.push(format!("{indent}{}", sm::lstrip(&o.placeholder, None)));
        return Ok(lines);
    }
    Ok(lines)
}

fn wrap_text(attrs: &Dict, text: &Value) -> PyResult<Vec<String>> {
    let o = read_options(attrs)?;
    let chunks = chunks_of(&o, text)?;
    wrap_chunks(&o, chunks)
}

fn lines_value(lines: Vec<String>) -> Value {
    Value::list(lines.into_iter().map(Value::str).collect())
}

// ------------------------------------------------------------ TextWrapper

pub struct TextWrapper {
    attrs: Rc<Dict>,
}

impl Native for TextWrapper {
    fn type_name(&self) -> &'static str {
        "TextWrapper"
    }

    fn class(&self) -> Rc<Class> {
        TEXTWRAPPER_CLASS.get().clone()
    }

    fn repr(&self, this: &Value) -> PyResult<String> {
        Ok(format!("<textwrap.TextWrapper object at {:#x}>", this.identity()))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__dict__" {
            return Some(Ok(Value::Dict(self.attrs.clone())));
        }
        if let Some(v) = self.attrs.get_str(name) {
            return Some(Ok(v));
        }
        if self.has_method(name) {
            return Some(Ok(Value::native(BoundBuiltin { receiver: this.clone(), name: PyStr::new(name) })));
        }
        None
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        self.attrs.set_str(name, value);
        Some(Ok(()))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "wrap" | "fill")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        let bound = (|| {
            let text = one_text(name, args, kwargs)?;
            let lines = wrap_text(&self.attrs, &text)?;
            Ok(if name == "wrap" { lines_value(lines) } else { Value::str(lines.join("\n")) })
        })();
        Some(bound)
    }
}

/// The `text` argument of `TextWrapper.wrap(text)` / `fill(text)`.
fn one_text(method: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut args = args.into_iter();
    let mut text = args.next();
    if args.next().is_some() {
        return Err(type_error(format!(
            "TextWrapper.{method}() takes 2 positional arguments but {} were given",
            3 + args.count()
        )));
    }
    for (k, v) in kwargs {
        if k.as_str() != "text" {
            return Err(type_error(format!("TextWrapper.{method}() got an unexpected keyword argument '{k}'")));
        }
        if text.is_some() {
            return Err(type_error(format!("TextWrapper.{method}() got multiple values for argument 'text'")));
        }
        text = Some(v);
    }
    text.ok_or_else(|| type_error(format!("TextWrapper.{method}() missing 1 required positional argument: 'text'")))
}

static INIT_SIG: Signature = Signature {
    params: &[
        "self",
        "width",
        "initial_indent",
        "subsequent_indent",
        "expand_tabs",
        "replace_whitespace",
        "fix_sentence_endings",
        "break_long_words",
        "drop_whitespace",
        "break_on_hyphens",
        "tabsize",
        "max_lines",
        "placeholder",
    ],
    posonly: 0,
    positional: 11,
    varargs: false,
    kwonly: 2,
    varkw: false,
};

/// `TextWrapper.__init__` as a `def`, so bad calls get the binder's
/// messages (`TextWrapper.__init__() got an unexpected keyword argument`).
static INIT: Lazy<Value> = Lazy::new(|| {
    let f = Function::in_module(
        "textwrap",
        "__init__",
        &INIT_SIG,
        vec![
            Value::Int(70),
            Value::str(""),
            Value::str(""),
            Value::Bool(true),
            Value::Bool(true),
            Value::Bool(false),
            Value::Bool(true),
            Value::Bool(true),
            Value::Bool(true),
            Value::Int(8),
        ],
        vec![Some(Value::None), Some(Value::str(" [...]"))],
        |args| {
            let attrs = Dict::new();
            // `TextWrapper.__init__`'s parameters after `self` are the options.
            for (name, v) in INIT_SIG.params[1..].iter().zip(args.into_iter().skip(1)) {
                attrs.set_str(name, v);
            }
            Ok(Value::native(TextWrapper { attrs: Rc::new(attrs) }))
        },
    );
    if let Value::Function(func) = &f {
        func.qualname.replace(PyStr::new("TextWrapper.__init__"));
    }
    f
});

fn new_wrapper(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(Value::None);
    full.extend(args);
    crate::call::call(INIT.get(), full, kwargs)
}

fn textwrapper_new(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    new_wrapper(args, kwargs)
}

static TEXTWRAPPER_NEW: BuiltinInfo = BuiltinInfo { new: textwrapper_new };

static TEXTWRAPPER_CLASS: Lazy<Rc<Class>> = Lazy::new(|| {
    let cls = crate::types::new_class_with("TextWrapper", "textwrap", &[types().object.clone()], &TEXTWRAPPER_NEW);
    for name in ["wrap", "fill"] {
        let f = Function::native("TextWrapper", name, &["self", "text"], move |a| {
            let this = downcast::<TextWrapper>(&a[0]).ok_or_else(|| {
                type_error(format!(
                    "descriptor '{name}' requires a 'TextWrapper' object but received a '{}'",
                    type_name(&a[0])
                ))
            })?;
            let lines = wrap_text(&this.attrs, &a[1])?;
            Ok(if name == "wrap" { lines_value(lines) } else { Value::str(lines.join("\n")) })
        });
        cls.dict.set_str(name, f);
    }
    cls
});

// ------------------------------------------------------------ the functions

/// A wrapper built from `width` and the `**kwargs` dict of `wrap` / `fill`.
fn wrapper_from(width: Value, kwargs: &Value, extra: Option<(&str, Value)>) -> PyResult<Value> {
    let mut kw: Kwargs = vec![(PyStr::new("width"), width)];
    let extra_name = extra.as_ref().map(|(name, _)| *name);
    if let Some((name, v)) = extra {
        kw.push((PyStr::new(name), v));
    }
    if let Value::Dict(d) = kwargs {
        for (k, v) in d.items() {
            let k = crate::fmt::str_(&k)?;
            if extra_name == Some(k.as_str()) {
                return Err(type_error(format!(
                    "textwrap.TextWrapper() got multiple values for keyword argument '{k}'"
                )));
            }
            kw.push((PyStr::new(&k), v));
        }
    }
    new_wrapper(vec![], kw)
}

fn attrs_of(w: &Value) -> PyResult<Rc<Dict>> {
    downcast::<TextWrapper>(w).map(|t| t.attrs.clone()).ok_or_else(|| type_error("not a TextWrapper"))
}

/// `wrap`, `fill` and `shorten`: `(text, width, **kwargs)`.
static WRAP_SIG: Signature = Signature {
    params: &["text", "width", "kwargs"],
    posonly: 0,
    positional: 2,
    varargs: false,
    kwonly: 0,
    varkw: true,
};

fn wrap(a: Vec<Value>) -> PyResult<Value> {
    let w = wrapper_from(a[1].clone(), &a[2], None)?;
    Ok(lines_value(wrap_text(&*attrs_of(&w)?, &a[0])?))
}

fn fill(a: Vec<Value>) -> PyResult<Value> {
    let w = wrapper_from(a[1].clone(), &a[2], None)?;
    Ok(Value::str(wrap_text(&*attrs_of(&w)?, &a[0])?.join("\n")))
}

fn shorten(a: Vec<Value>) -> PyResult<Value> {
    let w = wrapper_from(a[1].clone(), &a[2], Some(("max_lines", Value::Int(1))))?;
    let Value::Str(s) = &a[0] else {
        return Err(attribute_error_for(
            &a[0],
            "strip",
            format!("'{}' object has no attribute 'strip'", type_name(&a[0])),
        ));
    };
    let collapsed = crate::exc::pure(sm::split(&sm::strip(s.as_str(), None), None, -1))?.join(" ");
    Ok(Value::str(wrap_text(&*attrs_of(&w)?, &Value::str(collapsed))?.join("\n")))
}

static DEDENT_SIG: Signature =
    Signature { params: &["text"], posonly: 0, positional: 1, varargs: false, kwonly: 0, varkw: false };

/// `dedent(text)`: whitespace-only lines become empty, then the longest
/// common run of leading spaces and tabs is removed from every line.
pub fn dedent_str(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| if !l.is_empty() && l.chars().all(|c| c == ' ' || c == '\t') { "" } else { l })
        .collect();
    let mut margin: Option<&str> = None;
    for line in &lines {
        let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
        if indent_len == line.len() {
            continue;
        }
        let indent = &line[..indent_len];
        margin = Some(match margin {
            None => indent,
            Some(m) if indent.starts_with(m) => m,
            Some(m) if m.starts_with(indent) => indent,
            Some(m) => {
                let common = m.bytes().zip(indent.bytes()).take_while(|(x, y)| x == y).count();
                &m[..common]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines.iter().map(|l| l.strip_prefix(margin).unwrap_or(l)).collect::<Vec<_>>().join("\n")
}

fn dedent(a: Vec<Value>) -> PyResult<Value> {
    match &a[0] {
        Value::Str(s) => Ok(Value::str(dedent_str(s.as_str()))),
        other => Err(type_error(format!("expected string or bytes-like object, got '{}'", type_name(other)))),
    }
}

static INDENT_SIG: Signature = Signature {
    params: &["text", "prefix", "predicate"],
    posonly: 0,
    positional: 3,
    varargs: false,
    kwonly: 0,
    varkw: false,
};

fn indent(a: Vec<Value>) -> PyResult<Value> {
    let Value::Str(text) = &a[0] else {
        return Err(attribute_error_for(
            &a[0],
            "splitlines",
            format!("'{}' object has no attribute 'splitlines'", type_name(&a[0])),
        ));
    };
    let prefix = &a[1];
    let predicate = &a[2];
    let mut out = String::new();
    for line in sm::splitlines(text.as_str(), true) {
        let selected = if predicate.is_none() {
            !is_blank(&line)
        } else {
            ops::truthy(&crate::call::call(predicate, vec![Value::str(line.as_str())], vec![])?)?
        };
        if selected {
            let joined = ops::binary(prefix, &Value::str(line.as_str()), ops::BinOp::Add)?;
            match &joined {
                Value::Str(s) => out.push_str(s.as_str()),
                other => out.push_str(&crate::fmt::str_(other)?),
            }
        } else {
            out.push_str(&line);
        }
    }
    Ok(Value::str(out))
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("TextWrapper", Value::Class(TEXTWRAPPER_CLASS.get().clone()));
    d.set_str("wrap", Function::in_module("textwrap", "wrap", &WRAP_SIG, vec![Value::Int(70)], vec![], wrap));
    d.set_str("fill", Function::in_module("textwrap", "fill", &WRAP_SIG, vec![Value::Int(70)], vec![], fill));
    d.set_str("shorten", Function::in_module("textwrap", "shorten", &WRAP_SIG, vec![], vec![], shorten));
    d.set_str("dedent", Function::in_module("textwrap", "dedent", &DEDENT_SIG, vec![], vec![], dedent));
    d.set_str("indent", Function::in_module("textwrap", "indent", &INDENT_SIG, vec![Value::None], vec![], indent));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &str) -> Vec<String> {
        split_chunks(WORDSEP_RE.get(), text).unwrap_or_default()
    }

    #[test]
    fn chunking_matches_cpython() {
        // From `TextWrapper._split`'s docstring.
        assert_eq!(
            chunks("Look, goof-ball -- use the -b option!"),
            ["Look,", " ", "goof-", "ball", " ", "--", " ", "use", " ", "the", " ", "-b", " ", "option!"]
        );
        // Values printed by CPython 3.12's `TextWrapper().wordsep_re.split`.
        assert_eq!(chunks("a-b-c well-known x--y"), ["a-b-c", " ", "well-", "known", " ", "x", "--", "y"]);
        assert_eq!(chunks("über-größe"), ["über-", "größe"]);
    }

    #[test]
    fn dedent_matches_cpython() {
        assert_eq!(dedent_str("  a\n    b\n  c"), "a\n  b\nc");
        assert_eq!(dedent_str("  a\n \n\tb"), "  a\n\n\tb");
        assert_eq!(dedent_str("    x\n  \n    y\n"), "x\n\ny\n");
        assert_eq!(dedent_str("\t  a\n\t b"), " a\nb");
    }
}

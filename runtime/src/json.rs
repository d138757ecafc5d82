//! The `json` module: `dumps`/`loads` (and `dump`/`load` on files) with the
//! output CPython's encoder produces: separators, `indent`, `sort_keys`,
//! `ensure_ascii`, `default`, and `JSONDecodeError` positions.

use std::rc::Rc;

use crate::call::call;
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, type_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::Lazy;
use crate::value::Value;

struct Options {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    skipkeys: bool,
    allow_nan: bool,
    default: Value,
}

/// `JSONEncoder.__init__(self, *, skipkeys, ...)`: the keywords `dumps`
/// takes as options.
static ENCODER_INIT: crate::func::Signature = crate::func::Signature {
    params: &[
        "self",
        "skipkeys",
        "ensure_ascii",
        "check_circular",
        "allow_nan",
        "sort_keys",
        "indent",
        "separators",
        "default",
    ],
    posonly: 0,
    positional: 1,
    varargs: false,
    kwonly: 8,
    varkw: false,
};

fn options(kwargs: Kwargs) -> PyResult<Options> {
    let mut o = Options {
        indent: None,
        item_sep: ", ".into(),
        key_sep: ": ".into(),
        sort_keys: false,
        ensure_ascii: true,
        skipkeys: false,
        allow_nan: true,
        default: Value::None,
    };
    let mut seps: Option<Value> = None;
    for (k, v) in kwargs {
        match k.as_str() {
            "indent" => {
                o.indent = match &v {
                    Value::None => None,
                    Value::Str(s) => Some(s.to_string()),
                    other => Some(" ".repeat(crate::ops::index_of(other, "indent")?.max(0) as usize)),
                }
            }
            "separators" => seps = Some(v),
            "sort_keys" => o.sort_keys = crate::ops::truthy(&v)?,
            "ensure_ascii" => o.ensure_ascii = crate::ops::truthy(&v)?,
            "default" => o.default = v,
            "skipkeys" => o.skipkeys = crate::ops::truthy(&v)?,
            "allow_nan" => o.allow_nan = crate::ops::truthy(&v)?,
            // Recursion is caught by the depth limit instead.
            "check_circular" => {}
            other => {
                return Err(type_error(format!("JSONEncoder.__init__() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    if o.indent.is_some() {
        o.item_sep = ",".into();
    }
    if let Some(s) = seps.filter(|s| !s.is_none()) {
        let parts = crate::iter::to_vec(&s)?;
        if parts.len() == 2 {
            o.item_sep = crate::fmt::str_(&parts[0])?;
            o.key_sep = crate::fmt::str_(&parts[1])?;
        }
    }
    Ok(o)
}

fn quote(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn float_text(f: f64, o: &Options) -> PyResult<String> {
    if !f.is_finite() && !o.allow_nan {
        return Err(crate::exc::value_error(format!(
            "Out of range float values are not JSON compliant: {}",
            crate::float_repr::float_repr(f)
        )));
    }
    Ok(float_text_any(f))
}

fn float_text_any(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else {
        crate::float_repr::float_repr(f)
    }
}

fn key_text(k: &Value, o: &Options) -> PyResult<Option<String>> {
    Ok(Some(match crate::subclass::plain(k) {
        Value::Str(s) => s.to_string(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::None => "null".into(),
        int @ (Value::Int(_) | Value::BigInt(_)) => crate::fmt::repr(int)?,
        Value::Float(f) => float_text(*f, o)?,
        _ if o.skipkeys => return Ok(None),
        other => {
            return Err(type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                crate::ops::type_name(other)
            )));
        }
    }))
}

fn encode(v: &Value, o: &Options, level: usize, out: &mut String, depth: usize) -> PyResult<()> {
    if depth > 500 {
        return Err(crate::exc::recursion_error("maximum recursion depth exceeded while encoding a JSON object"));
    }
    let newline = |out: &mut String, level: usize| {
        if let Some(ind) = &o.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    };
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Int(_) | Value::BigInt(_) => out.push_str(&crate::fmt::repr(v)?),
        Value::Float(f) => out.push_str(&float_text(*f, o)?),
        Value::Str(s) => quote(s, o.ensure_ascii, out),
        // A namedtuple is encoded as the tuple it is.
        Value::List(_) | Value::Tuple(_) | Value::Native(_)
            if !matches!(v, Value::Native(_)) || crate::collections::is_namedtuple(v) =>
        {
            let items = crate::iter::to_vec(v)?;
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&o.item_sep);
                }
                newline(out, level + 1);
                encode(item, o, level + 1, out, depth + 1)?;
            }
            newline(out, level);
            out.push(']');
        }
        Value::Dict(d) => encode_dict(&d.items(), o, level, out, depth)?,
        Value::Native(_) if crate::native::downcast::<crate::collections::DictLike>(v).is_some() => {
            let d = crate::builtins::classes::dict(vec![v.clone()], vec![])?;
            encode(&d, o, level, out, depth)?;
        }
        // A subclass of a built-in type is encoded as its value.
        Value::Object(obj) if let Some(base) = obj.base() => encode(base, o, level, out, depth)?,
        other => {
            if o.default.is_none() {
                return Err(type_error(format!(
                    "Object of type {} is not JSON serializable",
                    crate::ops::type_of(other).name()
                )));
            }
            let replacement = call(&o.default, vec![other.clone()], vec![])?;
            encode(&replacement, o, level, out, depth + 1)?;
        }
    }
    Ok(())
}

fn encode_dict(items: &[(Value, Value)], o: &Options, level: usize, out: &mut String, depth: usize) -> PyResult<()> {
    if items.is_empty() {
        out.push_str("{}");
        return Ok(());
    }
    let mut pairs: Vec<(String, Value)> = Vec::with_capacity(items.len());
    for (k, v) in items {
        if let Some(kt) = key_text(k, o)? {
            pairs.push((kt, v.clone()));
        }
    }
    if o.sort_keys {
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
    }
    out.push('{');
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(&o.item_sep);
        }
        if let Some(ind) = &o.indent {
            out.push('\n');
            for _ in 0..level + 1 {
                out.push_str(ind);
            }
        }
        quote(k, o.ensure_ascii, out);
        out.push_str(&o.key_sep);
        encode(v, o, level + 1, out, depth + 1)?;
    }
    if let Some(ind) = &o.indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
    out.push('}');
    Ok(())
}

pub(crate) fn dumps(args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    // `cls=`: an encoder class, usually a subclass of `JSONEncoder`
    // overriding `default`, made with the other keywords.
    if let Some(i) = kwargs.iter().position(|(k, _)| k.as_str() == "cls") {
        let cls = kwargs.remove(i).1;
        if !cls.is_none() {
            let encoder = call(&cls, vec![], kwargs)?;
            return crate::call::call_method(
                &encoder,
                "encode",
                vec![args.first().cloned().unwrap_or_default()],
                vec![],
            );
        }
    }
    let o = options(kwargs)?;
    let mut out = String::new();
    encode(args.first().unwrap_or(&Value::None), &o, 0, &mut out, 0)?;
    Ok(Value::str(out))
}

// ------------------------------------------------------------ JSONEncoder

/// `json.JSONEncoder`: a plain class, so programs derive from it to
/// override `default`; `encode` reads the options `__init__` stored.
static ENCODER: Lazy<Rc<crate::class::Class>> = Lazy::new(|| {
    use crate::func::{Function, Signature};
    static SELF_O: Signature =
        Signature { params: &["self", "o"], posonly: 0, positional: 2, varargs: false, kwonly: 0, varkw: false };
    let ns = Dict::new();
    ns.set_str("__module__", Value::str("json.encoder"));
    let flag = |b: bool| Some(Value::Bool(b));
    let kwdefaults = vec![
        flag(false),
        flag(true),
        flag(true),
        flag(true),
        flag(false),
        Some(Value::None),
        Some(Value::None),
        Some(Value::None),
    ];
    ns.set_str(
        "__init__",
        Function::in_module("json.encoder", "JSONEncoder.__init__", &ENCODER_INIT, vec![], kwdefaults, encoder_init),
    );
    ns.set_str(
        "default",
        Function::in_module("json.encoder", "JSONEncoder.default", &SELF_O, vec![], vec![], encoder_default),
    );
    ns.set_str(
        "encode",
        Function::in_module("json.encoder", "JSONEncoder.encode", &SELF_O, vec![], vec![], encoder_encode),
    );
    let object = Value::Class(crate::types::types().object.clone());
    match crate::classes::type_new(&crate::types::types().type_, "JSONEncoder", vec![object], ns, vec![]) {
        Ok(Value::Class(c)) => c,
        _ => crate::types::types().object.clone(),
    }
});

fn encoder_init(a: Vec<Value>) -> PyResult<Value> {
    let this = &a[0];
    for (name, v) in ENCODER_INIT.params[1..].iter().zip(&a[1..]) {
        match *name {
            // Only a given `default` replaces the method.
            "default" if v.is_none() => {}
            "separators" => {
                let (item, key) = match v {
                    Value::None if a[6].is_none() => (", ".into(), ": ".into()),
                    Value::None => (",".into(), ": ".into()),
                    seps => match crate::iter::to_vec(seps)?.as_slice() {
                        [item, key] => (crate::fmt::str_(item)?, crate::fmt::str_(key)?),
                        _ => return Err(crate::exc::value_error("too many values to unpack (expected 2)")),
                    },
                };
                crate::attr::setattr(this, "item_separator", Value::str(item))?;
                crate::attr::setattr(this, "key_separator", Value::str(key))?;
            }
            name => crate::attr::setattr(this, name, v.clone())?,
        }
    }
    Ok(Value::None)
}

fn encoder_default(a: Vec<Value>) -> PyResult<Value> {
    Err(type_error(format!("Object of type {} is not JSON serializable", crate::ops::type_of(&a[1]).name())))
}

fn encoder_encode(a: Vec<Value>) -> PyResult<Value> {
    let (this, value) = (&a[0], &a[1]);
    let get = |name: &str| crate::attr::getattr(this, name);
    let mut kwargs: Kwargs = Vec::new();
    for name in ["skipkeys", "ensure_ascii", "allow_nan", "sort_keys", "indent", "default"] {
        kwargs.push((name.into(), get(name)?));
    }
    kwargs.push(("separators".into(), Value::tuple_of([get("item_separator")?, get("key_separator")?])));
    let o = options(kwargs)?;
    let mut out = String::new();
    encode(value, &o, 0, &mut out, 0)?;
    Ok(Value::str(out))
}

fn dump(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let text = dumps(args.first().cloned().into_iter().collect(), kwargs)?;
    crate::call::call_method(args.get(1).unwrap_or(&Value::None), "write", vec![text], vec![])?;
    Ok(Value::None)
}

// ----------------------------------------------------------------- decoding

static DECODE_ERROR: Lazy<Rc<crate::class::Class>> = Lazy::new(|| {
    crate::types::new_class_in(
        "json.decoder",
        "JSONDecodeError",
        &[crate::types::types().value_error.clone()],
        crate::class::Layout::Exception,
    )
});

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    text: &'a str,
    hooks: Hooks,
}

/// `loads`' keyword arguments (`JSONDecoder`'s), each `None` when not given.
#[derive(Default)]
struct Hooks {
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    /// `strict=False` lets control characters into strings.
    lax: bool,
}

impl Hooks {
    fn of(kwargs: Kwargs) -> PyResult<Hooks> {
        let mut h = Hooks::default();
        for (k, v) in kwargs {
            match k.as_str() {
                "object_hook" => h.object_hook = v,
                "object_pairs_hook" => h.object_pairs_hook = v,
                "parse_float" => h.parse_float = v,
                "parse_int" => h.parse_int = v,
                "parse_constant" => h.parse_constant = v,
                "strict" => h.lax = !crate::ops::truthy(&v)?,
                "cls" if v.is_none() => {}
                "cls" => return Err(crate::exc::not_implemented_error("py2rs: json.loads(cls=...) is not supported")),
                other => {
                    return Err(type_error(format!(
                        "JSONDecoder.__init__() got an unexpected keyword argument '{other}'"
                    )));
                }
            }
        }
        Ok(h)
    }

    /// The text of a number or constant through its hook, if one was given.
    fn parse(hook: &Value, text: &str) -> Option<PyResult<Value>> {
        (!hook.is_none()).then(|| call(hook, vec![Value::str(text)], vec![]))
    }
}

impl Parser<'_> {
    fn error(&self, msg: &str, at: usize) -> PyErr {
        let before: String = self.chars[..at.min(self.chars.len())].iter().collect();
        let line = before.matches('\n').count() + 1;
        let col = at - before.rfind('\n').map_or(0, |i| before[..i].chars().count() + 1) + 1;
        let err = PyErr::new(DECODE_ERROR.get(), format!("{msg}: line {line} column {col} (char {at})"));
        // JSONDecodeError's attributes, as its __init__ sets them.
        let e = err.value();
        let fields = [
            ("msg", Value::str(msg)),
            ("doc", Value::str(self.text)),
            ("pos", Value::Int(at as i64)),
            ("lineno", Value::Int(line as i64)),
            ("colno", Value::Int(col as i64)),
        ];
        for (name, v) in fields {
            let _ = crate::attr::generic_setattr(e, name, v);
        }
        err
    }

    fn ws(&mut self) {
        while self.pos < self.chars.len() && matches!(self.chars[self.pos], ' ' | '\t' | '\n' | '\r') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn literal(&mut self, word: &str, v: Value) -> PyResult<Value> {
        let end = self.pos + word.chars().count();
        if end <= self.chars.len() && self.chars[self.pos..end].iter().collect::<String>() == word {
            self.pos = end;
            Ok(v)
        } else {
            Err(self.error("Expecting value", self.pos))
        }
    }

    fn value(&mut self, depth: usize) -> PyResult<Value> {
        self.ws();
        match self.peek() {
            Some('{') => self.object(depth),
            Some('[') => self.array(depth),
            Some('"') => self.string().map(Value::str),
            Some('t') => self.literal("true", Value::Bool(true)),
            Some('f') => self.literal("false", Value::Bool(false)),
            Some('n') => self.literal("null", Value::None),
            Some('N') => self.constant("NaN", f64::NAN),
            Some('I') => self.constant("Infinity", f64::INFINITY),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            _ => Err(self.error("Expecting value", self.pos)),
        }
    }

    fn constant(&mut self, word: &str, v: f64) -> PyResult<Value> {
        let value = self.literal(word, Value::Float(v))?;
        let text = if v == f64::NEG_INFINITY { "-Infinity" } else { word };
        Hooks::parse(&self.hooks.parse_constant, text).unwrap_or(Ok(value))
    }

    fn number(&mut self) -> PyResult<Value> {
        let start = self.pos;
        if self.peek() == Some('-') {
            self.pos += 1;
            if self.peek() == Some('I') {
                self.pos -= 1;
                let value = self.literal("-Infinity", Value::Float(f64::NEG_INFINITY))?;
                return Hooks::parse(&self.hooks.parse_constant, "-Infinity").unwrap_or(Ok(value));
            }
        }
        let digits_start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == digits_start {
            return Err(self.error("Expecting value", start));
        }
        let mut float = false;
        if self.peek() == Some('.') && self.chars.get(self.pos + 1).is_some_and(|c| c.is_ascii_digit()) {
            float = true;
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some('+' | '-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                float = true;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        let hook = if float { &self.hooks.parse_float } else { &self.hooks.parse_int };
        if let Some(r) = Hooks::parse(hook, &text) {
            return r;
        }
        if float { Ok(Value::Float(text.parse().unwrap_or(f64::NAN))) } else { Ok(crate::int::literal(&text)) }
    }

    fn string(&mut self) -> PyResult<String> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("Unterminated string starting at", start));
            };
            self.pos += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("Unterminated string starting at", start));
                    };
                    self.pos += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex: String =
                                self.chars.get(self.pos..self.pos + 4).map(|s| s.iter().collect()).unwrap_or_default();
                            let Ok(mut code) = u32::from_str_radix(&hex, 16) else {
                                return Err(self.error("Invalid \\uXXXX escape", self.pos - 1));
                            };
                            self.pos += 4;
                            if (0xD800..0xDC00).contains(&code)
                                && self.chars.get(self.pos) == Some(&'\\')
                                && self.chars.get(self.pos + 1) == Some(&'u')
                            {
                                let hex2: String = self
                                    .chars
                                    .get(self.pos + 2..self.pos + 6)
                                    .map(|s| s.iter().collect())
                                    .unwrap_or_default();
                                if let Ok(low) = u32::from_str_radix(&hex2, 16)
                                    && (0xDC00..0xE000).contains(&low)
                                {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                                    self.pos += 6;
                                }
                            }
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.error("Invalid \\escape", self.pos - 2)),
                    }
                }
                c if (c as u32) < 0x20 && !self.hooks.lax => {
                    return Err(self.error("Invalid control character at", self.pos - 1));
                }
                c => out.push(c),
            }
        }
    }

    fn array(&mut self, depth: usize) -> PyResult<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(']') {
            self.pos += 1;
            return Ok(Value::list(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    return Ok(Value::list(items));
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.pos)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> PyResult<Value> {
        let pairs = self.pairs(depth)?;
        if !self.hooks.object_pairs_hook.is_none() {
            let list = pairs.into_iter().map(|(k, v)| Value::tuple_of([k, v])).collect();
            return call(&self.hooks.object_pairs_hook, vec![Value::list(list)], vec![]);
        }
        let d = Dict::with_capacity(pairs.len());
        for (k, v) in pairs {
            d.set(k, v)?;
        }
        let d = Value::Dict(Rc::new(d));
        if self.hooks.object_hook.is_none() { Ok(d) } else { call(&self.hooks.object_hook, vec![d], vec![]) }
    }

    /// An object's members in order, repeated keys included.
    fn pairs(&mut self, depth: usize) -> PyResult<Vec<(Value, Value)>> {
        self.pos += 1;
        let mut d = Vec::new();
        self.ws();
        if self.peek() == Some('}') {
            self.pos += 1;
            return Ok(d);
        }
        loop {
            self.ws();
            if self.peek() != Some('"') {
                return Err(self.error("Expecting property name enclosed in double quotes", self.pos));
            }
            let k = self.string()?;
            self.ws();
            if self.peek() != Some(':') {
                return Err(self.error("Expecting ':' delimiter", self.pos));
            }
            self.pos += 1;
            let v = self.value(depth + 1)?;
            d.push((Value::str(k), v));
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') => {
                    self.pos += 1;
                    return Ok(d);
                }
                _ => return Err(self.error("Expecting ',' delimiter", self.pos)),
            }
        }
    }
}

pub(crate) fn loads(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let hooks = Hooks::of(kw)?;
    let text = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                crate::ops::type_name(other)
            )));
        }
        None => return Err(type_error("loads() missing 1 required positional argument: 's'")),
    };
    let mut p = Parser { chars: text.chars().collect(), pos: 0, text: &text, hooks };
    let v = p.value(0)?;
    p.ws();
    if p.pos != p.chars.len() {
        return Err(p.error("Extra data", p.pos));
    }
    Ok(v)
}

fn load(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let text = crate::call::call_method(args.first().unwrap_or(&Value::None), "read", vec![], vec![])?;
    loads(vec![text], kw)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] =
        &[("dumps", dumps), ("dump", dump), ("loads", loads), ("load", load)];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    d.set_str("JSONDecodeError", Value::Class(DECODE_ERROR.get().clone()));
    d.set_str("JSONEncoder", Value::Class(ENCODER.get().clone()));
    d
}

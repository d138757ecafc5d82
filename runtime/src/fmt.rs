//! Turning values into text: `repr`, `str`, `format(value, spec)`, the `%`
//! operator, and the text of exceptions. Containers guard against
//! recursion the way CPython does (`[...]`, `{...}`).

use crate::call::{call_method, lookup_special};
use crate::exc::{PyErr, PyResult, type_error};
use crate::gil::GilCell;
use crate::ops::type_name;
use crate::value::Value;

/// Containers currently being repr'd, to print `[...]` on recursion.
static REPR_STACK: GilCell<Vec<usize>> = GilCell::new(Vec::new());

fn enter_repr(v: &Value) -> bool {
    let id = v.identity();
    let mut stack = REPR_STACK.replace(Vec::new());
    let fresh = !stack.contains(&id);
    if fresh {
        stack.push(id);
    }
    REPR_STACK.replace(stack);
    fresh
}

fn leave_repr(v: &Value) {
    let id = v.identity();
    let mut stack = REPR_STACK.replace(Vec::new());
    if let Some(pos) = stack.iter().rposition(|x| *x == id) {
        stack.remove(pos);
    }
    REPR_STACK.replace(stack);
}

/// Runs `f` unless `v` is already being printed, in which case `nested`.
fn guarded(v: &Value, nested: &str, f: impl FnOnce() -> PyResult<String>) -> PyResult<String> {
    if !enter_repr(v) {
        return Ok(nested.to_string());
    }
    let r = f();
    leave_repr(v);
    r
}

fn join_reprs<'a>(items: impl IntoIterator<Item = &'a Value>) -> PyResult<String> {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(item)?);
    }
    Ok(out)
}

/// `repr(v)`.
pub fn repr(v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => "None".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => crate::exc::pure(crate::num_ops::bigint_to_decimal(b))?,
        Value::Float(f) => crate::float_repr::float_repr(*f),
        Value::Str(s) => crate::str_methods::str_repr(s),
        Value::List(l) => guarded(v, "[...]", || Ok(format!("[{}]", join_reprs(&l.snapshot())?)))?,
        Value::Tuple(t) => match t.len() {
            1 => format!("({},)", repr(&t.items()[0])?),
            _ => format!("({})", join_reprs(t.items())?),
        },
        Value::Dict(d) => guarded(v, "{...}", || {
            let mut out = String::from("{");
            for (i, (k, val)) in d.items().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(k)?);
                out.push_str(": ");
                out.push_str(&repr(val)?);
            }
            out.push('}');
            Ok(out)
        })?,
        Value::Set(s) => {
            if s.is_empty() {
                "set()".into()
            } else {
                guarded(v, "set(...)", || Ok(format!("{{{}}}", join_reprs(&s.items())?)))?
            }
        }
        Value::FrozenSet(s) => {
            if s.is_empty() {
                "frozenset()".into()
            } else {
                guarded(v, "frozenset(...)", || Ok(format!("frozenset({{{}}})", join_reprs(&s.items())?)))?
            }
        }
        Value::Class(c) => {
            if let Some(m) = &c.metaclass
                && m.has_user_attr("__repr__")
            {
                return text_of(call_method(v, "__repr__", vec![], vec![])?, "__repr__");
            }
            if c.module.as_str() == "builtins" {
                format!("<class '{}'>", c.qualname())
            } else {
                let module = match c.dict.get_str("__module__") {
                    Some(Value::Str(m)) => m.to_string(),
                    _ => c.module.to_string(),
                };
                format!("<class '{}.{}'>", module, c.qualname())
            }
        }
        Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.identity()),
        Value::Object(o) => {
            if o.class.has_user_attr("__repr__") {
                return guarded(v, "...", || text_of(call_method(v, "__repr__", vec![], vec![])?, "__repr__"));
            }
            if o.exc().is_some() {
                return exception_repr(v);
            }
            match o.base() {
                // The collections' reprs name the instance's class.
                Some(base @ Value::Native(_)) => {
                    let text = repr(base)?;
                    let own = crate::ops::type_of(base).name();
                    match text.strip_prefix(own.as_str()) {
                        Some(rest) if rest.starts_with('(') => format!("{}{rest}", o.class.name()),
                        _ => text,
                    }
                }
                Some(base) => repr(base)?,
                None => default_repr(v),
            }
        }
        Value::Native(n) => n.repr(v)?,
    })
}

fn text_of(v: Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_error(format!("{what} returned non-string (type {})", type_name(&other)))),
    }
}

/// `object.__repr__`: `<__main__.Foo object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let cls = crate::ops::type_of(v);
    let module = match cls.dict.get_str("__module__") {
        Some(Value::Str(m)) => m.to_string(),
        _ => cls.module.to_string(),
    };
    format!("<{}.{} object at {:#x}>", module, cls.qualname(), v.identity())
}

/// `ascii(v)`: the repr with non-ASCII characters escaped.
pub fn ascii(v: &Value) -> PyResult<String> {
    let r = repr(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(out)
}

/// `str(v)`.
pub fn str_(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Object(o) => {
            if o.class.has_user_attr("__str__") {
                return text_of(call_method(v, "__str__", vec![], vec![])?, "__str__");
            }
            if o.exc().is_some() {
                return exception_str(v);
            }
            // Of the built-in types only str has a `__str__` of its own;
            // the others' is `object.__str__`, which calls `__repr__`.
            match o.base() {
                Some(Value::Str(s)) => Ok(s.to_string()),
                _ => repr(v),
            }
        }
        Value::Class(c) if c.metaclass.as_ref().is_some_and(|m| m.has_user_attr("__str__")) => {
            text_of(call_method(v, "__str__", vec![], vec![])?, "__str__")
        }
        Value::Native(n) => n.str(v),
        _ => repr(v),
    }
}

/// `str(v)` as a Python value.
pub fn str_value(v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(_) => Ok(v.clone()),
        _ => Ok(Value::str(str_(v)?)),
    }
}

/// `BaseException.__str__`.
pub fn exception_str(v: &Value) -> PyResult<String> {
    let Value::Object(o) = v else { return repr(v) };
    let Some(cell) = o.exc() else { return repr(v) };
    let args = cell.borrow().args.clone();
    if crate::excgroup::is_group(v) {
        let n = crate::excgroup::parts(v).1.len();
        let msg = args.first().map(str_).transpose()?.unwrap_or_default();
        return Ok(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
    }
    let is_key_error = o.class.is_subclass(&crate::types::types().key_error);
    if o.class.is_subclass(&crate::types::types().os_error)
        && args.len() == 2
        && let (Some(Value::Int(errno)), Some(text)) = (args.first(), args.get(1))
    {
        let text = str_(text)?;
        return Ok(match (o.get_attr("filename"), o.get_attr("filename2")) {
            (Some(f), Some(f2)) if !f.is_none() && !f2.is_none() => {
                format!("[Errno {errno}] {text}: {} -> {}", repr(&f)?, repr(&f2)?)
            }
            (Some(f), _) if !f.is_none() => format!("[Errno {errno}] {text}: {}", repr(&f)?),
            _ => format!("[Errno {errno}] {text}"),
        });
    }
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => repr(&args[0]),
        1 => str_(&args[0]),
        _ => repr(&Value::tuple(args)),
    }
}

/// `BaseException.__repr__`: `ValueError('msg')`.
pub fn exception_repr(v: &Value) -> PyResult<String> {
    let Value::Object(o) = v else { return repr(v) };
    let args = o.exc().map(|c| c.borrow().args.clone()).unwrap_or_default();
    let name = o.class.name();
    Ok(match args.len() {
        1 => format!("{}({})", name, repr(&args[0])?),
        _ => format!("{}{}", name, repr(&Value::tuple(args))?),
    })
}

/// The message part of an exception (`str(e)`), never failing.
pub fn exc_message(e: &PyErr) -> String {
    str_(e.value()).unwrap_or_else(|_| "<exception str() failed>".into())
}

/// `BaseException.add_note(note)`.
pub fn add_note(exc: &Value, note: Value) -> PyResult<Value> {
    if !matches!(note, Value::Str(_)) {
        return Err(type_error(format!("note must be a str, not '{}'", type_name(&note))));
    }
    let Value::Object(o) = exc else {
        return Ok(Value::None);
    };
    let existing = o.exc().and_then(|c| c.borrow().notes.clone());
    match existing {
        Some(Value::List(l)) => l.push(note),
        _ => {
            if let Some(c) = o.exc() {
                c.borrow_mut().notes = Some(Value::list(vec![note]));
            }
        }
    }
    Ok(Value::None)
}

/// The last line CPython prints for an uncaught exception:
/// `ValueError: message` or just `ValueError`.
pub fn exception_line(e: &PyErr) -> String {
    let cls = e.class();
    let module = match cls.dict.get_str("__module__") {
        Some(Value::Str(m)) => m.to_string(),
        _ => cls.module.to_string(),
    };
    let name = if module == "builtins" || module == "__main__" {
        cls.qualname().to_string()
    } else {
        format!("{}.{}", module, cls.qualname())
    };
    match str_(e.value()) {
        Ok(msg) if msg.is_empty() => name,
        Ok(msg) => format!("{name}: {msg}"),
        Err(_) => format!("{name}: <exception str() failed>"),
    }
}

// ---------------------------------------------------------------- format

/// Appends `format(v, spec)` to `out`: an f-string's pieces go straight
/// into its buffer, a str or int without a spec with no string of its own.
pub fn format_into(out: &mut String, v: &Value, spec: &str) -> PyResult<()> {
    use crate::format_spec as fs;
    match v {
        Value::Str(s) => crate::exc::pure(fs::format_str_into(out, s, spec)),
        Value::Int(i) => crate::exc::pure(fs::format_i64_into(out, *i, spec)),
        Value::Float(f) => crate::exc::pure(fs::format_f64_into(out, *f, spec)),
        Value::Bool(b) => crate::exc::pure(fs::format_bool_into(out, *b, spec)),
        _ => {
            out.push_str(&format(v, spec)?);
            Ok(())
        }
    }
}

/// `format(v, spec)`.
pub fn format(v: &Value, spec: &str) -> PyResult<String> {
    use crate::format_spec as fs;
    match v {
        Value::Str(s) => crate::exc::pure(fs::format_str(s, spec)),
        Value::Int(i) => crate::exc::pure(fs::format_i64(*i, spec)),
        Value::BigInt(b) => crate::exc::pure(fs::format_bigint(b, spec)),
        Value::Bool(b) => {
            let mut out = String::new();
            crate::exc::pure(fs::format_bool_into(&mut out, *b, spec))?;
            Ok(out)
        }
        Value::Float(f) => crate::exc::pure(fs::format_f64(*f, spec)),
        Value::Object(o) if o.class.has_user_attr("__format__") => {
            text_of(call_method(v, "__format__", vec![Value::str(spec)], vec![])?, "__format__")
        }
        // The built-in `__format__` with an empty spec is `str(self)`.
        Value::Object(o) if let Some(base) = o.base() => {
            if spec.is_empty() {
                str_(v)
            } else {
                format(base, spec)
            }
        }
        _ => {
            if spec.is_empty() {
                return str_(v);
            }
            if lookup_special(v, "__format__").is_some() {
                return text_of(call_method(v, "__format__", vec![Value::str(spec)], vec![])?, "__format__");
            }
            Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v))))
        }
    }
}

/// `format_string % args` (printf-style formatting).
pub fn percent_format(fmt: &str, args: &Value) -> PyResult<String> {
    match args {
        Value::Tuple(t) => percent(fmt, t.items(), None),
        // A namedtuple is a tuple of arguments too.
        Value::Native(_) if crate::collections::is_namedtuple(args) => {
            percent(fmt, &crate::collections::tuple_items(args).unwrap_or_default(), None)
        }
        Value::Dict(_) => percent(fmt, std::slice::from_ref(args), Some(args)),
        Value::Object(o) if o.class.lookup("__getitem__").is_some() => {
            percent(fmt, std::slice::from_ref(args), Some(args))
        }
        other => percent(fmt, std::slice::from_ref(other), None),
    }
}

/// `fmt % (items...)`: the positional arguments given as a slice.
pub fn percent_format_items(fmt: &str, items: &[Value]) -> PyResult<String> {
    percent(fmt, items, None)
}

fn percent(fmt: &str, items: &[Value], mapping: Option<&Value>) -> PyResult<String> {
    use crate::printf;
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut next_arg = 0usize;
    let mut used_mapping = false;
    let bytes = fmt.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(off) = fmt[i..].find('%') else {
            out.push_str(&fmt[i..]);
            break;
        };
        out.push_str(&fmt[i..i + off]);
        i += off;
        // Mapping key: %(name)s
        let mut key: Option<String> = None;
        let mut j = i + 1;
        if bytes.get(j) == Some(&b'(') {
            let mut depth = 1;
            let start = j + 1;
            j += 1;
            while j < bytes.len() && depth > 0 {
                match bytes[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(crate::exc::value_error("incomplete format key"));
            }
            key = Some(fmt[start..j - 1].to_string());
        }
        let (mut spec, next) = crate::exc::pure(printf::parse_printf_spec(fmt, j))?;
        i = next;
        // `*` takes the width, then the precision, from the arguments.
        if spec.width_star {
            let w = star_arg(items, &mut next_arg, mapping.is_some())?;
            spec.left |= w < 0;
            spec.width = w.unsigned_abs() as usize;
        }
        if spec.precision_star {
            let p = star_arg(items, &mut next_arg, mapping.is_some())?;
            spec.precision = Some(p.max(0) as usize);
        }
        if spec.conversion == '%' {
            out.push('%');
            continue;
        }
        let arg = match &key {
            Some(k) => {
                let Some(m) = mapping else {
                    return Err(type_error("format requires a mapping"));
                };
                used_mapping = true;
                crate::ops::getitem(m, &Value::str(k.as_str()))?
            }
            None => {
                let Some(a) = items.get(next_arg) else {
                    return Err(type_error("not enough arguments for format string"));
                };
                next_arg += 1;
                a.clone()
            }
        };
        // Where the conversion character is, for the error about one.
        let at = fmt[..next - spec.conversion.len_utf8()].chars().count();
        printf_into(&mut out, &spec, &arg, at)?;
    }
    if mapping.is_none() && next_arg < items.len() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    let _ = used_mapping;
    Ok(out)
}

/// The int argument a `*` width or precision takes.
fn star_arg(items: &[Value], next_arg: &mut usize, mapping: bool) -> PyResult<i64> {
    let arg = if mapping { None } else { items.get(*next_arg) };
    let Some(arg) = arg else {
        return Err(type_error("not enough arguments for format string"));
    };
    *next_arg += 1;
    match arg {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(type_error("* wants int")),
    }
}

/// One `%` conversion of `arg`, appended to `out`; `at` is the conversion
/// character's index.
fn printf_into(out: &mut String, spec: &crate::printf::PrintfSpec, arg: &Value, at: usize) -> PyResult<()> {
    use crate::printf;
    match spec.conversion {
        's' => match arg {
            Value::Str(s) => printf::pad_text_into(out, spec, s),
            _ => printf::pad_text_into(out, spec, &str_(arg)?),
        },
        'r' => printf::pad_text_into(out, spec, &repr(arg)?),
        'a' => printf::pad_text_into(out, spec, &ascii(arg)?),
        'c' => {
            let text = match arg {
                Value::Str(s) if s.char_len() == 1 => s.to_string(),
                Value::Int(i) => char::from_u32(*i as u32)
                    .map(String::from)
                    .ok_or_else(|| crate::exc::overflow_error("%c arg not in range(0x110000)"))?,
                _ => {
                    return Err(type_error(format!(
                        "%c requires an int or a unicode character, not {}",
                        type_name(arg)
                    )));
                }
            };
            printf::pad_text_into(out, spec, &text);
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => match arg {
            Value::Int(i) => crate::exc::pure(printf::format_int_i64_into(out, spec, *i))?,
            Value::Bool(b) => crate::exc::pure(printf::format_int_i64_into(out, spec, *b as i64))?,
            Value::BigInt(b) => out.push_str(&crate::exc::pure(printf::format_int_big(spec, b))?),
            Value::Float(f) if matches!(spec.conversion, 'd' | 'i' | 'u') => {
                let i = crate::builtins::float_to_int(*f)?;
                return printf_into(out, spec, &i, at);
            }
            // Other objects as CPython's `mainformatlong`: `int(x)` for
            // %d, `__index__` for %o and %x; a TypeError is the format's.
            Value::Object(_) => {
                let i = if matches!(spec.conversion, 'd' | 'i' | 'u') {
                    crate::builtins::to_int(arg)
                } else {
                    crate::ops::index_of(arg, "format").map(Value::Int)
                };
                match i {
                    Ok(i) if matches!(i, Value::Int(_) | Value::BigInt(_)) => return printf_into(out, spec, &i, at),
                    Err(e) if !e.is_instance(&crate::types::types().type_error) => return Err(e),
                    _ => return Err(int_format_error(spec.conversion, arg)),
                }
            }
            _ => return Err(int_format_error(spec.conversion, arg)),
        },
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            // `PyFloat_AsDouble`: `__float__` or `__index__` on objects.
            let f = crate::math_mod::f64_arg(arg)?;
            crate::exc::pure(printf::format_float_into(out, spec, f))?
        }
        other => {
            // CPython shows a character outside printable ASCII as '?'.
            let shown = if (' '..='~').contains(&other) { other } else { '?' };
            return Err(crate::exc::value_error(format!(
                "unsupported format character '{shown}' ({:#x}) at index {at}",
                other as u32
            )));
        }
    }
    Ok(())
}

/// `%d` or `%x` given what is not a number.
fn int_format_error(conversion: char, arg: &Value) -> crate::exc::PyErr {
    let wanted = if matches!(conversion, 'o' | 'x' | 'X') { "an integer" } else { "a real number" };
    type_error(format!("%{conversion} format: {wanted} is required, not {}", type_name(arg)))
}

/// Appends `repr` of each value separated by `sep` (used by print).
pub fn join_str(values: &[Value], sep: &str) -> PyResult<String> {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match v {
            Value::Str(s) => out.push_str(s),
            _ => out.push_str(&str_(v)?),
        }
    }
    Ok(out)
}

//! `str.format` and `str.format_map`: replacement fields with automatic or
//! explicit numbering, attribute and index lookups, conversions and nested
//! format specs.

use crate::exc::{PyResult, index_error, key_error, value_error};
use crate::func::Kwargs;
use crate::value::Value;

/// Where field values come from.
enum Source<'a> {
    Call { args: &'a [Value], kwargs: &'a Kwargs },
    Mapping(&'a Value),
}

impl Source<'_> {
    fn positional(&self, i: usize) -> PyResult<Value> {
        match self {
            Source::Call { args, .. } => args
                .get(i)
                .cloned()
                .ok_or_else(|| index_error(format!("Replacement index {i} out of range for positional args tuple"))),
            Source::Mapping(_) => Err(value_error("Format string contains positional fields")),
        }
    }

    fn named(&self, name: &str) -> PyResult<Value> {
        match self {
            Source::Call { kwargs, .. } => kwargs
                .iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(Value::str(name))),
            Source::Mapping(m) => crate::ops::getitem(m, &Value::str(name)),
        }
    }
}

pub fn str_format(fmt: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<String> {
    let mut auto = AutoNumber::default();
    render(fmt, &Source::Call { args, kwargs }, &mut auto, 2)
}

pub fn str_format_map(fmt: &str, mapping: &Value) -> PyResult<String> {
    let mut auto = AutoNumber::default();
    render(fmt, &Source::Mapping(mapping), &mut auto, 2)
}

#[derive(Default)]
struct AutoNumber {
    next: usize,
    used_auto: bool,
    used_manual: bool,
}

fn render(fmt: &str, src: &Source, auto: &mut AutoNumber, depth: u32) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace, honouring nested braces in the spec.
            let mut level = 1;
            let mut j = i + 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => level += 1,
                    '}' => {
                        level -= 1;
                        if level == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(&field, src, auto, depth)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(field: &str, src: &Source, auto: &mut AutoNumber, depth: u32) -> PyResult<String> {
    // field_name[!conversion][:format_spec]
    let (head, spec) = split_spec(field);
    let (name, conversion) = match head.find('!') {
        Some(p) => (&head[..p], Some(&head[p + 1..])),
        None => (head, None),
    };
    let value = resolve(name, src, auto)?;
    let value = match conversion {
        None => value,
        Some("r") => Value::str(crate::fmt::repr(&value)?),
        Some("s") => Value::str(crate::fmt::str_(&value)?),
        Some("a") => Value::str(crate::fmt::ascii(&value)?),
        Some("") => {
            return Err(value_error("end of string while looking for conversion specifier"));
        }
        Some(c) => {
            return Err(value_error(format!("Unknown conversion specifier {c}")));
        }
    };
    let spec = match spec {
        Some(s) if s.contains('{') => {
            if depth == 0 {
                return Err(value_error("Max string recursion exceeded"));
            }
            render(s, src, auto, depth - 1)?
        }
        Some(s) => s.to_string(),
        None => String::new(),
    };
    crate::fmt::format(&value, &spec)
}

/// Splits `name!r:spec` at the first ':' outside brackets.
fn split_spec(field: &str) -> (&str, Option<&str>) {
    let mut in_bracket = false;
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            ':' if !in_bracket => return (&field[..i], Some(&field[i + 1..])),
            _ => {}
        }
    }
    (field, None)
}

fn resolve(name: &str, src: &Source, auto: &mut AutoNumber) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if auto.used_manual {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        auto.used_auto = true;
        let v = src.positional(auto.next)?;
        auto.next += 1;
        v
    } else if let Ok(i) = first.parse::<usize>() {
        if auto.used_auto {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        auto.used_manual = true;
        src.positional(i)?
    } else {
        src.named(first)?
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = crate::attr::getattr(&value, &r[..end])?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => Value::str(key),
            };
            value = crate::ops::getitem(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}

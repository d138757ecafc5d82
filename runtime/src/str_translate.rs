//! `str.maketrans` and `str.translate` (Objects/unicodeobject.c): the
//! parts that touch Python objects. The table is anything subscriptable
//! by code point; a `LookupError` from it (a missing key, an index past a
//! str's end) leaves the character as it is, `None` deletes it, an int or a
//! str replaces it. The pure zipping of the str form is
//! `str_methods::maketrans_pairs`.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, type_error, value_error};
use crate::func::Kwargs;
use crate::ops::type_name;
use crate::value::Value;

/// `str.maketrans(x[, y[, z]])`, a static method.
pub fn maketrans(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("str.maketrans() takes no keyword arguments"));
    }
    match args.len() {
        0 => return Err(type_error("maketrans expected at least 1 argument, got 0")),
        n if n > 3 => return Err(type_error(format!("maketrans expected at most 3 arguments, got {n}"))),
        _ => {}
    }
    let table = Dict::new();
    if args.len() == 1 {
        let Value::Dict(d) = &args[0] else {
            return Err(type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in d.items() {
            let key = match &k {
                Value::Str(s) => {
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => return Err(value_error("string keys in translate table must be of length 1")),
                    }
                }
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => k.clone(),
                _ => return Err(type_error("keys in translate table must be strings or integers")),
            };
            table.set(key, v)?;
        }
        return Ok(Value::Dict(Rc::new(table)));
    }
    let Value::Str(x) = &args[0] else {
        return Err(type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let text = |i: usize| -> PyResult<&str> {
        match &args[i] {
            Value::Str(s) => Ok(s.as_str()),
            other => Err(type_error(format!("maketrans() argument {} must be str, not {}", i + 1, type_name(other)))),
        }
    };
    let y = text(1)?;
    let z = if args.len() == 3 { text(2)? } else { "" };
    for (from, to) in crate::exc::pure(crate::str_methods::maketrans_pairs(x.as_str(), y, z))? {
        table.set(Value::Int(from as i64), to.map_or(Value::None, |c| Value::Int(c as i64)))?;
    }
    Ok(Value::Dict(Rc::new(table)))
}

/// `s.translate(table)`.
pub fn translate(s: &str, args: Vec<Value>) -> PyResult<Value> {
    let [table] = <[Value; 1]>::try_from(args)
        .map_err(|a| type_error(format!("str.translate() takes exactly one argument ({} given)", a.len())))?;
    let lookup_error = &crate::types::types().lookup_error;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match crate::ops::getitem(&table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.is_instance(lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Str(r) => out.push_str(r.as_str()),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                let cp = crate::ops::index_of(&mapped, "translate").unwrap_or(-1);
                match u32::try_from(cp).ok().filter(|&cp| cp < 0x110000) {
                    Some(cp) => match char::from_u32(cp) {
                        Some(ch) => out.push(ch),
                        None => {
                            return Err(crate::exc::not_implemented_error(
                                "py2rs: a str holding a lone surrogate is not supported",
                            ));
                        }
                    },
                    None => return Err(value_error("character mapping must be in range(0x110000)")),
                }
            }
            _ => return Err(type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(Value::str(out))
}

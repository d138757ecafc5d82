//! "Did you mean" hints: what CPython 3.12 appends to an uncaught
//! `NameError` or `AttributeError` as it prints it (`Python/suggestions.c`
//! and `print_exception_suggestions`): the closest name among those the
//! failed lookup could have found, by a Levenshtein distance in which a
//! case change costs half an edit, and for a `NameError` naming a standard
//! module, a reminder to import it.
//!
//! The hint is computed when the exception is printed, never when it is
//! raised: `str(e)` has none, and a caught exception costs nothing.

use crate::exc::PyErr;
use crate::name_tables::{BUILTINS, STDLIB_MODULES};
use crate::types::types;
use crate::value::Value;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// Where a `NameError` was raised in a function: its local variable names
/// (CPython's `co_varnames`, bound or not) and the value of its `self`.
pub struct Frame {
    pub varnames: &'static [&'static str],
    pub self_obj: Option<Value>,
    /// The module whose globals the hint looks among ("" for the script).
    pub module: &'static str,
}

/// The hint for the exception `e`, to append to its last line; empty when
/// there is none.
pub fn hint(e: &PyErr) -> String {
    let t = types();
    let value = e.value();
    let name = match crate::attr::getattr(value, "name") {
        Ok(Value::Str(s)) => s.to_string(),
        _ => return String::new(),
    };
    // An UnboundLocalError is a NameError without a name.
    if e.is_instance(&t.name_error) {
        let frame = e.data().and_then(|d| d.frame.clone());
        let suggestion = name_suggestion(&name, frame.as_deref());
        let import = STDLIB_MODULES.binary_search(&name.as_str()).is_ok();
        return match (suggestion, import) {
            (Some(s), true) => format!(". Did you mean: '{s}'? Or did you forget to import '{name}'?"),
            (Some(s), false) => format!(". Did you mean: '{s}'?"),
            (None, true) => format!(". Did you forget to import '{name}'?"),
            (None, false) => String::new(),
        };
    }
    if e.is_instance(&t.attribute_error) {
        let Ok(obj) = crate::attr::getattr(value, "obj") else { return String::new() };
        if let Some(s) = attribute_suggestion(&obj, &name) {
            return format!(". Did you mean: '{s}'?");
        }
    }
    String::new()
}

/// The frame's locals first, then the module's globals (in the order they
/// were bound), then the builtins; `self.name` when the frame has a `self`
/// with that attribute.
fn name_suggestion(name: &str, frame: Option<&Frame>) -> Option<String> {
    if let Some(f) = frame {
        if f.varnames.contains(&"self")
            && let Some(obj) = &f.self_obj
            && crate::attr::hasattr(obj, name).unwrap_or(false)
        {
            return Some(format!("self.{name}"));
        }
        if let Some(s) = closest(f.varnames.iter().copied(), name) {
            return Some(s);
        }
    }
    let globals = crate::scope::bound_globals(frame.map_or("", |f| f.module));
    closest(MODULE_DUNDERS.iter().copied().chain(globals.iter().copied()), name)
        .or_else(|| closest(BUILTINS.iter().copied(), name))
}

/// The names CPython's module dict starts with when it runs a script.
const MODULE_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
    "__file__",
    "__cached__",
];

/// The closest of `dir(obj)` to `name`.
fn attribute_suggestion(obj: &Value, name: &str) -> Option<String> {
    let names = crate::builtins::dir_names(obj);
    closest(names.iter().map(String::as_str), name)
}

/// CPython's `calculate_suggestions`: the candidate closest to `name`
/// (the first of equally close ones), within a third of the characters
/// involved; none among 750 or more candidates.
fn closest<'a>(candidates: impl Iterator<Item = &'a str> + Clone, name: &str) -> Option<String> {
    if candidates.clone().count() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let distance = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(s, _)| s.to_string())
}

/// The cost of turning byte `a` into byte `b`: nothing, a case change
/// (ASCII letters only, as CPython compares UTF-8 bytes) or a full edit.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) && a.is_ascii_alphabetic() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or `max_cost + 1` as soon as it
/// must exceed `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    // Common prefixes and suffixes cost nothing.
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] is the cost of
    // turning the part of `b` seen so far into a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distances and picks checked against CPython 3.12
    /// (`traceback._levenshtein_distance`, and the hints it prints).
    #[test]
    fn distances_match_cpython() {
        assert_eq!(levenshtein(b"iter2", b"iter", 99), 2);
        assert_eq!(levenshtein(b"Abc", b"abc", 99), 1);
        assert_eq!(levenshtein(b"countr", b"counter", 99), 2);
        assert_eq!(levenshtein(b"kitten", b"sitting", 99), 6);
        assert_eq!(levenshtein(b"abcdef", b"xyz", 3), 4);
        assert_eq!(closest(["iter", "int"].into_iter(), "iter2").as_deref(), Some("iter"));
        assert_eq!(closest(["v1", "v2"].into_iter(), "v3").as_deref(), Some("v1"));
        assert_eq!(closest(["value"].into_iter(), "xyz"), None);
        assert_eq!(closest(["sqrt", "sin"].into_iter(), "sqr").as_deref(), Some("sqrt"));
    }
}

//! Int helpers the generated code calls directly.

use crate::value::Value;

/// An integer literal too large for `i64`, parsed once from its digits.
pub fn literal(digits: &str) -> Value {
    match digits.parse::<num_bigint::BigInt>() {
        Ok(b) => Value::from_bigint(b),
        // The transpiler only emits decimal digit strings.
        Err(_) => Value::Int(0),
    }
}

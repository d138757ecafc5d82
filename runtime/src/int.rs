//! Int helpers the generated code calls directly.

use crate::value::Value;

impl crate::num_ops::Int {
    /// The Python value of an `Int` from the numeric helpers.
    pub fn into_value(self) -> Value {
        match self {
            crate::num_ops::Int::Small(i) => Value::Int(i),
            crate::num_ops::Int::Big(b) => Value::from_bigint(b),
        }
    }
}

/// An integer literal too large for `i64`, parsed once from its digits.
pub fn literal(digits: &str) -> Value {
    match digits.parse::<num_bigint::BigInt>() {
        Ok(b) => Value::from_bigint(b),
        // The transpiler only emits decimal digit strings.
        Err(_) => Value::Int(0),
    }
}

//! TEMPORARY stub until the real format_spec module lands.
use num_bigint::BigInt;
type R<T> = Result<T, (&'static str, String)>;
pub fn format_str(v: &str, _spec: &str) -> R<String> {
    Ok(v.to_string())
}
pub fn format_i64(v: i64, _spec: &str) -> R<String> {
    Ok(v.to_string())
}
pub fn format_bigint(v: &BigInt, _spec: &str) -> R<String> {
    Ok(v.to_string())
}
pub fn format_f64(v: f64, spec: &str) -> R<String> {
    if let Some(p) = spec.strip_prefix('.').and_then(|s| s.strip_suffix('f')) {
        return Ok(format!("{:.*}", p.parse().unwrap_or(6), v));
    }
    Ok(crate::float_repr::float_repr(v))
}

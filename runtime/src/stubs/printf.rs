//! TEMPORARY stub until the real printf module lands.
use num_bigint::BigInt;
type R<T> = Result<T, (&'static str, String)>;
pub struct PrintfSpec {
    pub conversion: char,
}
pub fn parse_printf_spec(fmt: &str, pos: usize) -> R<(PrintfSpec, usize)> {
    let c = fmt[pos..].chars().next().unwrap_or('%');
    Ok((PrintfSpec { conversion: c }, pos + c.len_utf8()))
}
pub fn pad_text(_s: &PrintfSpec, t: &str) -> String {
    t.to_string()
}
pub fn format_int_i64(_s: &PrintfSpec, v: i64) -> R<String> {
    Ok(v.to_string())
}
pub fn format_int_big(_s: &PrintfSpec, v: &BigInt) -> R<String> {
    Ok(v.to_string())
}
pub fn format_float(_s: &PrintfSpec, v: f64) -> R<String> {
    Ok(format!("{v:.6}"))
}

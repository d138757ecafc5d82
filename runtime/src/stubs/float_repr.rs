//! TEMPORARY stub until the real float_repr module lands.
type R<T> = Result<T, (&'static str, String)>;
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{x:?}");
    s
}
pub fn float_round(x: f64, n: i64) -> R<f64> {
    let m = 10f64.powi(n as i32);
    Ok((x * m).round() / m)
}
pub fn float_round_to_int(x: f64) -> R<f64> {
    Ok(x.round_ties_even())
}

//! Static type facts. Every lowered value carries one; `Any` means the
//! runtime's dynamic object. Annotations are hints, not promises: an `x:
//! float` may hold the int `0`, so only facts proven from the code itself
//! (literals, operators on known types, constructors) are recorded.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Any,
    None,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Function,
    Class,
}

impl Ty {
    /// The type of `a op b` for arithmetic when both sides are known.
    pub fn arith(a: Ty, b: Ty, true_div: bool) -> Ty {
        match (a, b) {
            (Ty::Int | Ty::Bool, Ty::Int | Ty::Bool) if true_div => Ty::Float,
            (Ty::Int | Ty::Bool, Ty::Int | Ty::Bool) => Ty::Int,
            (Ty::Float, Ty::Int | Ty::Float | Ty::Bool) | (Ty::Int | Ty::Bool, Ty::Float) => Ty::Float,
            (Ty::Str, Ty::Str) if !true_div => Ty::Str,
            _ => Ty::Any,
        }
    }
}

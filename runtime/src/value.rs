//! `Value`: the dynamic Python object every generated program manipulates
//! where types are not known statically.
//!
//! The hot cases (None, bool, machine ints, floats) are stored inline; every
//! other object is behind one `Rc`, so cloning a `Value` is a reference-count
//! bump and dropping the last clone destroys the object at the same point
//! CPython would.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::class::{Class, Instance};
use crate::dict::Dict;
use crate::func::Function;
use crate::list::List;
use crate::native::Native;
use crate::set::Set;
use crate::str::PyStr;
use crate::tuple::Tuple;

// A word-sized tag puts every payload at offset 8, so moving a `Value`
// is two aligned words. With a byte tag, `Bool` sat at offset 1 and moves
// copied bytes 1..16 with an unaligned load at offset 7, which cannot be
// forwarded from the two stores that wrote the value: a stall of about
// 15 cycles on each move of a freshly built value (a generator resume
// paid several).
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int that fits a machine word; arithmetic promotes to `BigInt`.
    Int(i64),
    /// An int outside `i64`; never holds a value that fits `Int`.
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(PyStr),
    List(Rc<List>),
    Tuple(Rc<Tuple>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    FrozenSet(Rc<Set>),
    /// A class object (`type` instance), built in or user-defined.
    Class(Rc<Class>),
    /// An instance of a user-defined class (exceptions included).
    Object(Rc<Instance>),
    Function(Rc<Function>),
    /// Every other built-in object: iterators, ranges, bound methods, modules...
    ///
    /// Boxed inside the `Rc` so the pointer is thin and a `Value` is 16
    /// bytes, not 24: every list, tuple and dict slot is a third smaller.
    Native(Rc<Box<dyn Native>>),
}

impl Clone for Value {
    /// Inlined into generated code for the scalars, which copy; the
    /// reference-counted variants take one out-of-line call. (Derived,
    /// the whole match was too big to inline, and copying an int cost a
    /// call.)
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            _ => self.clone_counted(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_counted(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::BigInt(b) => Value::BigInt(b.clone()),
            Value::Float(f) => Value::Float(*f),
            Value::Str(s) => Value::Str(s.clone()),
            Value::List(l) => Value::List(l.clone()),
            Value::Tuple(t) => Value::Tuple(t.clone()),
            Value::Dict(d) => Value::Dict(d.clone()),
            Value::Set(s) => Value::Set(s.clone()),
            Value::FrozenSet(s) => Value::FrozenSet(s.clone()),
            Value::Class(c) => Value::Class(c.clone()),
            Value::Object(o) => Value::Object(o.clone()),
            Value::Function(f) => Value::Function(f.clone()),
            Value::Native(n) => Value::Native(n.clone()),
        }
    }

    pub fn str(s: impl Into<PyStr>) -> Value {
        Value::Str(s.into())
    }

    pub fn int(i: i64) -> Value {
        Value::Int(i)
    }

    /// Normalises a big int: values that fit a machine word become `Int`.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Tuple::new(items)))
    }

    /// `(a, b, ...)` from an array: one allocation for up to two items.
    pub fn tuple_of<const N: usize>(items: [Value; N]) -> Value {
        Value::Tuple(Rc::new(Tuple::of(items)))
    }

    pub fn native(obj: impl Native) -> Value {
        Value::Native(Rc::new(Box::new(obj)))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Python's `is`: identity for heap objects, value equality for the
    /// inline singletons and small scalars (CPython caches small ints and
    /// programs may not rely on the identity of other numbers).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => a.ptr_eq(b) || (a.len_bytes() <= 1 && a.as_str() == b.as_str()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Object(a), Object(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            _ => false,
        }
    }

    /// An address-like identity for `id()` and default reprs.
    pub fn identity(&self) -> usize {
        use Value::*;
        match self {
            BigInt(r) => Rc::as_ptr(r) as usize,
            Str(s) => s.addr(),
            List(r) => Rc::as_ptr(r) as usize,
            Tuple(r) => Rc::as_ptr(r) as usize,
            Dict(r) => Rc::as_ptr(r) as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as usize,
            Class(r) => Rc::as_ptr(r) as usize,
            Object(r) => Rc::as_ptr(r) as usize,
            Function(r) => Rc::as_ptr(r) as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Int(i) => 0x1000_0000 + (*i as usize).wrapping_mul(32),
            Float(f) => f.to_bits() as usize,
            Bool(b) => 0x900 + *b as usize,
            None => 0x800,
            NotImplemented => 0x810,
            Ellipsis => 0x820,
        }
    }
}

#[cfg(test)]
mod size_tests {
    /// Lists, tuples and dicts store `Value`s inline: keep it two words.
    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }
}

#[cfg(test)]
mod result_size_tests {
    /// `PyResult<Value>` fits two registers: every fallible operation
    /// returns without going through memory.
    #[test]
    fn results_are_two_words() {
        assert_eq!(std::mem::size_of::<crate::exc::PyResult<super::Value>>(), 16);
        // Two items inline, or a heap pointer, length and capacity: a pair
        // is a 56-byte allocation with its reference counts.
        assert_eq!(std::mem::size_of::<crate::tuple::Tuple>(), 40);
    }
}

//! Dict views as sets: `d.keys() - {...}`, `&`, `|`, `^`, the subset
//! comparisons and `isdisjoint` of `dict_keys` and `dict_items` (the view
//! type itself is `methods::DictView`), and `collections.abc`'s
//! `KeysView`/`ItemsView`/`ValuesView` over other mappings (a ChainMap's
//! `keys()`), whose operators are the `Set` mixin's.
//!
//! The dict views follow Objects/dictobject.c: the result of `a OP b` is a
//! new `set` built from the left operand (a keys view builds it from its
//! dict), then updated with the right one through the set method CPython
//! calls (`difference_update`, `symmetric_difference_update`), so the
//! result iterates in CPython's order. `&` is `_PyDictView_Intersect`: a
//! larger exact `set` on the other side does the work, otherwise the
//! smaller operand is iterated. `items() ^ items()` compares values
//! (`dictitems_xor`). Either side may be any iterable.
//!
//! The mixin views (Lib/_collections_abc.py) build their results from
//! generators instead: `a & b` is `{v for v in b if v in a}`, `a | b`
//! chains the view first whichever side it is on, `a - b` keeps `a`'s
//! items not in `set(b)`.

use std::rc::Rc;

use crate::class::Class;
use crate::exc::PyResult;
use crate::func::Kwargs;
use crate::iter::{DictPart, PyIter, to_vec};
use crate::methods::DictView;
use crate::native::{Native, downcast};
use crate::ops::{self, BinOp, CmpOp};
use crate::value::Value;

/// A `keys()` or `items()` view of a dict (not `values()`, which is no set).
fn dict_set_view(v: &Value) -> Option<&DictView> {
    downcast::<DictView>(v).filter(|d| d.part != DictPart::Values)
}

fn mixin_set_view(v: &Value) -> Option<&MappingView> {
    downcast::<MappingView>(v).filter(|d| d.part != DictPart::Values)
}

/// `isinstance(v, collections.abc.Set)`.
fn is_set_like(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_)) || dict_set_view(v).is_some() || mixin_set_view(v).is_some()
}

fn len_of(v: &Value) -> PyResult<usize> {
    ops::len(v)
}

/// `set(x)`, which for a keys view reads its dict directly.
fn to_set(x: &Value) -> PyResult<Value> {
    match dict_set_view(x) {
        Some(d) if d.part == DictPart::Keys => crate::set::from_iterable(&Value::Dict(d.dict.clone()), false),
        _ => crate::set::from_iterable(x, false),
    }
}

fn set_method(set: &Value, name: &str, arg: &Value) -> PyResult<()> {
    crate::set::method(set, name, vec![arg.clone()], vec![]).map(drop)
}

/// `a OP b` where a view is an operand; `None` is `NotImplemented`.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor) {
        return Ok(None);
    }
    // The left operand's type answers first, as `binary_op1` asks.
    if mixin_set_view(a).is_some() {
        return mixin_binary(a, b, op, false);
    }
    if dict_set_view(a).is_some() || dict_set_view(b).is_some() {
        return dict_view_binary(a, b, op).map(Some);
    }
    if mixin_set_view(b).is_some() {
        return mixin_binary(b, a, op, true);
    }
    Ok(None)
}

fn dict_view_binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::And => return intersect(a, b),
        BinOp::Xor => {
            if let (Some(x), Some(y)) = (dict_set_view(a), dict_set_view(b))
                && x.part == DictPart::Items
                && y.part == DictPart::Items
            {
                return items_xor(x, y);
            }
        }
        _ => {}
    }
    let result = to_set(a)?;
    let method = match op {
        BinOp::Sub => "difference_update",
        BinOp::Or => "update",
        _ => "symmetric_difference_update",
    };
    set_method(&result, method, b)?;
    Ok(result)
}

/// `_PyDictView_Intersect`.
fn intersect(a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if dict_set_view(a).is_some() { (a, b) } else { (b, a) };
    let len_view = len_of(view)?;
    if matches!(other, Value::Set(_)) && len_view <= len_of(other)? {
        return crate::set::method(other, "intersection", vec![view.clone()], vec![]).map(Option::unwrap_or_default);
    }
    if dict_set_view(other).is_some() && len_of(other)? > len_view {
        std::mem::swap(&mut view, &mut other);
    }
    let result = crate::set::from_values(vec![])?;
    let mut it = crate::iter::iter(other)?;
    while let Some(k) = it.next()? {
        if ops::contains(view, &k)? {
            set_method(&result, "add", &k)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: pairs of `b` whose key `a` lacks or maps to another
/// value, then the pairs of `a` left over.
fn items_xor(a: &DictView, b: &DictView) -> PyResult<Value> {
    let rest = a.dict.copy();
    let result = crate::set::from_values(vec![])?;
    for (k, v2) in b.dict.items() {
        let same = match rest.get(&k)? {
            Some(v1) => v1.is(&v2) || ops::eq(&v1, &v2)?,
            None => false,
        };
        if same {
            rest.remove(&k)?;
        } else {
            set_method(&result, "add", &Value::tuple_of([k, v2]))?;
        }
    }
    for (k, v) in rest.items() {
        set_method(&result, "add", &Value::tuple_of([k, v]))?;
    }
    Ok(result)
}

/// The `Set` mixin's operators, `view OP other` or (reflected) `other OP view`.
fn mixin_binary(view: &Value, other: &Value, op: BinOp, reflected: bool) -> PyResult<Option<Value>> {
    if crate::iter::iter(other).is_err() {
        return Ok(None);
    }
    let keep = |from: &Value, drop: &Value| -> PyResult<Value> {
        let mut out = Vec::new();
        for v in to_vec(from)? {
            if !ops::contains(drop, &v)? {
                out.push(v);
            }
        }
        crate::set::from_values(out)
    };
    let as_set = |v: &Value| -> PyResult<Value> { if is_set_like(v) { Ok(v.clone()) } else { to_set(v) } };
    Ok(Some(match op {
        BinOp::And => {
            let mut out = Vec::new();
            for v in to_vec(other)? {
                if ops::contains(view, &v)? {
                    out.push(v);
                }
            }
            crate::set::from_values(out)?
        }
        BinOp::Or => {
            let mut all = to_vec(view)?;
            all.extend(to_vec(other)?);
            crate::set::from_values(all)?
        }
        BinOp::Sub if reflected => keep(&as_set(other)?, view)?,
        BinOp::Sub => keep(view, &as_set(other)?)?,
        _ => {
            let other = as_set(other)?;
            let left = keep(view, &other)?;
            let right = keep(&other, view)?;
            ops::binary(&left, &right, BinOp::Or)?
        }
    }))
}

/// Rich comparison where a set-like view is an operand and the other is a
/// set or a set-like view: subset and superset by length and containment.
/// `None` is `NotImplemented`.
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let view_left = dict_set_view(a).is_some() || mixin_set_view(a).is_some();
    let view_right = dict_set_view(b).is_some() || mixin_set_view(b).is_some();
    if !((view_left && is_set_like(b)) || (view_right && is_set_like(a))) {
        return Ok(None);
    }
    let (len_a, len_b) = (len_of(a)?, len_of(b)?);
    let all_in = |x: &Value, y: &Value| -> PyResult<bool> {
        let mut it = crate::iter::iter(x)?;
        while let Some(v) = it.next()? {
            if !ops::contains(y, &v)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(Some(match op {
        CmpOp::Eq => len_a == len_b && all_in(a, b)?,
        CmpOp::Ne => !(len_a == len_b && all_in(a, b)?),
        CmpOp::Lt => len_a < len_b && all_in(a, b)?,
        CmpOp::Le => len_a <= len_b && all_in(a, b)?,
        CmpOp::Gt => len_a > len_b && all_in(b, a)?,
        CmpOp::Ge => len_a >= len_b && all_in(b, a)?,
    }))
}

/// `view.isdisjoint(other)`: iterates the smaller side when both are sets.
fn isdisjoint(view: &Value, other: &Value) -> PyResult<bool> {
    if view.is(other) {
        return Ok(len_of(view)? == 0);
    }
    let (mut this, mut that) = (view, other);
    if is_set_like(that) && len_of(that)? > len_of(this)? {
        std::mem::swap(&mut this, &mut that);
    }
    let mut it = crate::iter::iter(that)?;
    while let Some(v) = it.next()? {
        if ops::contains(this, &v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The methods of `dict_keys` and `dict_items` beyond the protocols.
pub fn has_method(part: DictPart, name: &str) -> bool {
    part != DictPart::Values && name == "isdisjoint"
}

pub fn call_method(part: DictPart, this: &Value, name: &str, args: Vec<Value>, kw: &Kwargs) -> Option<PyResult<Value>> {
    if !has_method(part, name) {
        return None;
    }
    Some((|| {
        if !kw.is_empty() {
            return Err(crate::exc::type_error(format!(
                "{}.isdisjoint() takes no keyword arguments",
                ops::type_name(this)
            )));
        }
        let [other] = <[Value; 1]>::try_from(args).map_err(|a| {
            crate::exc::type_error(format!(
                "{}.isdisjoint() takes exactly one argument ({} given)",
                ops::type_name(this),
                a.len()
            ))
        })?;
        isdisjoint(this, &other).map(Value::Bool)
    })())
}

// ------------------------------------------------- collections.abc views

/// `KeysView(m)`, `ItemsView(m)`, `ValuesView(m)` over a mapping that is
/// not a dict: every read asks the mapping.
pub struct MappingView {
    mapping: Value,
    part: DictPart,
}

pub fn mapping_view(mapping: &Value, part: DictPart) -> Value {
    Value::native(MappingView { mapping: mapping.clone(), part })
}

impl MappingView {
    fn items(&self) -> PyResult<Vec<Value>> {
        let keys = to_vec(&self.mapping)?;
        if self.part == DictPart::Keys {
            return Ok(keys);
        }
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = ops::getitem(&self.mapping, &k)?;
            out.push(if self.part == DictPart::Values { v } else { Value::tuple_of([k, v]) });
        }
        Ok(out)
    }
}

impl Native for MappingView {
    fn type_name(&self) -> &'static str {
        match self.part {
            DictPart::Keys => "KeysView",
            DictPart::Values => "ValuesView",
            DictPart::Items => "ItemsView",
        }
    }

    fn class(&self) -> Rc<Class> {
        crate::native::native_class(match self.part {
            DictPart::Keys => "collections.abc.KeysView",
            DictPart::Values => "collections.abc.ValuesView",
            DictPart::Items => "collections.abc.ItemsView",
        })
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("{}({})", self.type_name(), crate::fmt::repr(&self.mapping)?))
    }

    fn iter(&self, _this: &Value) -> Option<PyResult<PyIter>> {
        Some(self.items().map(|v| PyIter::Snapshot(v.into_iter())))
    }

    fn len(&self) -> Option<PyResult<usize>> {
        Some(len_of(&self.mapping))
    }

    fn contains(&self, item: &Value) -> Option<PyResult<bool>> {
        Some(match self.part {
            DictPart::Keys => ops::contains(&self.mapping, item),
            DictPart::Values => (|| {
                for v in self.items()? {
                    if v.is(item) || ops::eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            })(),
            DictPart::Items => (|| {
                let [k, value] = crate::unpack::exact::<2>(item.clone())?;
                match ops::getitem(&self.mapping, &k) {
                    Ok(v) => Ok(v.is(&value) || ops::eq(&v, &value)?),
                    Err(e) if e.is_instance(&crate::types::types().key_error) => Ok(false),
                    Err(e) => Err(e),
                }
            })(),
        })
    }

    fn has_method(&self, name: &str) -> bool {
        has_method(self.part, name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        call_method(self.part, this, name, args, &kw)
    }
}

//! Instances of fixed-layout classes as the native tier sees them.
//!
//! The transpiler proves some classes *fixed-layout*: a plain module-level
//! class whose instance attributes (its fields) are known from its methods,
//! with no hooks that could change how an attribute is found. Native code
//! then reads and writes a field at its index in the instance's values, and
//! calls methods directly, instead of looking names up.
//!
//! The dynamic world can still do anything to such a class or instance, so
//! every native use is guarded, and a failed guard bails:
//! - an instance is native only while it is of exactly that class, has no
//!   dict, and holds no attributes beyond the fields (an extra one could
//!   shadow a method);
//! - the class is native only while its namespace is the one it was made
//!   with (a method rebound, an attribute added: its dict's version moved).
//!
//! Native code is otherwise pure, but a field write changes an object the
//! dynamic world may see. So that a bail can still rerun the dynamic code
//! from the start, every write is journaled and a bail undoes them, newest
//! first ([`mark`], [`undo`], [`commit`]). The journal keeps the values it
//! replaced alive until the native call ends; they are only ever None,
//! scalars or instances of fixed-layout classes (which define no
//! `__del__`), so freeing them later is not observable.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::class::{Class, Instance};
use crate::gil::GilCell;
use crate::typed::{Bail, FromValue, NResult, ToValue};
use crate::value::Value;

/// One fixed-layout class: its field names in index order, and the class
/// object once its `class` statement has run.
pub struct Fixed {
    fields: &'static [&'static str],
    /// The plain methods native code calls directly, each with the
    /// qualified name of the def it must be (its own or a base's).
    methods: &'static [(&'static str, &'static str)],
    /// What each `super().method` native code calls finds: the class whose
    /// def calls it, the method, and the qualified name of the def found
    /// (empty: `object`'s, or no def at all).
    supers: &'static [(&'static str, &'static str, &'static str)],
    /// The class and the count of changes to its namespace and its bases'
    /// when it was sealed.
    class: GilCell<Option<(Rc<Class>, u64)>>,
    /// The namespace epoch when the class was last found unchanged: while
    /// no namespace has changed since, it still is (a cheap test).
    checked: AtomicU64,
}

impl Fixed {
    pub const fn new(fields: &'static [&'static str], methods: &'static [(&'static str, &'static str)]) -> Fixed {
        Fixed::with_supers(fields, methods, &[])
    }

    /// A layout whose native methods also call `super()` methods.
    pub const fn with_supers(
        fields: &'static [&'static str],
        methods: &'static [(&'static str, &'static str)],
        supers: &'static [(&'static str, &'static str, &'static str)],
    ) -> Fixed {
        Fixed { fields, methods, supers, class: GilCell::new(None), checked: AtomicU64::new(0) }
    }

    /// Whether the namespaces of the class and its bases are the ones it
    /// was sealed with.
    #[inline(always)]
    fn unchanged(&self, cls: &Class, version: u64) -> bool {
        let now = crate::dict::namespace_epoch();
        if self.checked.load(Ordering::Relaxed) == now {
            return true;
        }
        let same = lineage_changes(cls) == version;
        if same {
            self.checked.store(now, Ordering::Relaxed);
        }
        same
    }

    /// Called as the `class` statement ends with the class it made: its
    /// fields become the class's first shared keys, in order, so that field
    /// `i` is value `i` of every instance that sets its fields in order.
    /// A class that already has keys, or is not a class, is never native;
    /// nor is one where a method native code calls is not the def it saw
    /// (a hook that ran as the class was made, such as a descriptor's
    /// `__set_name__`, may have bound another).
    pub fn seal(&self, cls: &Value) {
        let Value::Class(c) = cls else { return };
        if !c.keys.borrow().is_empty() {
            return;
        }
        let is_def = |name: &str, qualname: &str| matches!(c.lookup(name), Some(Value::Function(f)) if f.qualname.borrow().as_str() == qualname);
        if !self.methods.iter().all(|(name, qualname)| is_def(name, qualname)) {
            return;
        }
        if !self.supers.iter().all(|(from, name, qualname)| super_finds(c, from, name, qualname)) {
            return;
        }
        *c.keys.borrow_mut() = self.fields.iter().map(|f| crate::attr::intern(f)).collect();
        // Every change to these namespaces now moves the epoch `unchanged` reads.
        c.dict.mark_namespace();
        c.mro.iter().for_each(|base| base.dict.mark_namespace());
        self.class.replace(Some((c.clone(), lineage_changes(c))));
    }

    /// Whether `inst` is an instance native code may use as this class's.
    #[inline(always)]
    fn admits(&self, inst: &Instance) -> bool {
        let class_ok = self.class.with(|c| match c {
            Some((cls, version)) => Rc::ptr_eq(&inst.class, cls) && self.unchanged(cls, *version),
            None => false,
        });
        class_ok && inst.fixed_len().is_some_and(|n| n <= self.fields.len())
    }

    /// The class, while it is unchanged.
    fn class(&self) -> Option<Rc<Class>> {
        self.class.with(|c| match c {
            Some((cls, version)) if self.unchanged(cls, *version) => Some(cls.clone()),
            _ => None,
        })
    }
}

/// Whether `super().name` in a def of the class named `from` finds, on an
/// instance of `cls`, the def `qualname` (empty: none of a class of the
/// program's, as when it reaches `object`'s).
fn super_finds(cls: &Rc<Class>, from: &str, name: &str, qualname: &str) -> bool {
    let lineage: Vec<&Rc<Class>> = std::iter::once(cls).chain(cls.mro.iter()).collect();
    let Some(at) = lineage.iter().position(|k| k.name.borrow().as_str() == from) else { return false };
    let found = lineage[at + 1..].iter().find_map(|k| k.dict.get_str(name).map(|v| (k.builtin.is_some(), v)));
    match found {
        None | Some((true, _)) => qualname.is_empty(),
        Some((false, Value::Function(f))) => f.qualname.borrow().as_str() == qualname,
        Some((false, _)) => false,
    }
}

/// The changes to the namespaces of `cls` and its bases: as each count
/// only grows, the sum is unchanged only while every count is.
fn lineage_changes(cls: &Class) -> u64 {
    cls.dict.namespace_changes() + cls.mro.iter().map(|base| base.dict.namespace_changes()).sum::<u64>()
}

impl Fixed {
    /// Whether `v` is an instance native code may use as this class's:
    /// then its attribute `name`, for a plain method of the class, is that
    /// method (no instance attribute or change to the class hides it).
    #[inline]
    pub fn holds(&self, v: &Value) -> bool {
        self.admitted(v).is_some()
    }

    /// The instance in `v`, if [`Fixed::holds`] it.
    #[inline(always)]
    fn admitted<'v>(&self, v: &'v Value) -> Option<&'v Rc<Instance>> {
        match v {
            Value::Object(o) if self.admits(o) => Some(o),
            _ => None,
        }
    }
}

impl Fixed {
    /// For a class pattern in dynamic code: the instance in `v` while this
    /// layout admits it. It is then of exactly the class, which has no
    /// `__instancecheck__`, and its set fields are what reading their names
    /// finds ([`fields_of`]).
    #[inline]
    pub fn matches<'v>(&self, v: &'v Value) -> Option<&'v Instance> {
        self.admitted(v).map(|o| &**o)
    }
}

/// Fields `at` of an instance [`Fixed::matches`] admitted, if all are set
/// (an array: a class pattern's attributes need no allocation).
pub fn fields_of<const N: usize>(inst: &Instance, at: [usize; N]) -> Option<[Value; N]> {
    let values = at.map(|i| inst.value_at(i));
    if values.iter().any(Option::is_none) {
        return None;
    }
    Some(values.map(|v| v.unwrap_or(Value::None)))
}

/// An instance of a fixed-layout class in native code. The default (a
/// native local not yet assigned) holds no instance; using it bails.
#[derive(Clone, Default)]
pub struct Obj(Value);

impl Obj {
    /// `v` as an instance of `layout`'s class, if the guards hold.
    #[inline]
    pub fn check(v: &Value, layout: &Fixed) -> Option<Obj> {
        layout.admitted(v).map(Obj::of)
    }

    /// An admitted instance, its count taken inline (`Value::clone` makes
    /// an out-of-line call for counted values).
    #[inline(always)]
    fn of(o: &Rc<Instance>) -> Obj {
        Obj(Value::Object(o.clone()))
    }

    /// A new instance of `layout`'s class with no attributes yet, as
    /// instantiating it does before `__init__` runs (a fixed-layout class
    /// has no `__new__`). Bails if the class statement has not run yet.
    pub fn new(layout: &Fixed) -> NResult<Obj> {
        let cls = layout.class().ok_or(Bail)?;
        Ok(Obj(Value::Object(Rc::new(Instance::new(cls)))))
    }

    #[inline(always)]
    fn inst(&self) -> NResult<&Rc<Instance>> {
        match &self.0 {
            Value::Object(o) => Ok(o),
            _ => Err(Bail),
        }
    }

    /// A parameter that takes an instance or None: `Some(None)` for None,
    /// `Some(Some(obj))` for an instance `check` admits, else None.
    #[inline]
    pub fn check_opt(v: &Value, layout: &Fixed) -> Option<Option<Obj>> {
        if v.is_none() { Some(None) } else { Obj::check(v, layout).map(Some) }
    }

    /// Field `i` as a scalar; bails when unset or of another type (the
    /// dynamic code then raises AttributeError, or does what Python does
    /// with the other type).
    #[inline]
    pub fn get<T: FromValue>(&self, i: usize) -> NResult<T> {
        self.inst()?.with_value_at(i, T::from_value).ok_or(Bail)
    }

    /// Field `i` as an instance of `layout`'s class.
    #[inline]
    pub fn get_obj(&self, i: usize, layout: &Fixed) -> NResult<Obj> {
        self.inst()?.with_value_at(i, |v| layout.admitted(v).map(Obj::of)).ok_or(Bail)
    }

    /// Field `i` as an instance of `layout`'s class or None (a local that
    /// holds either); bails when unset or holding anything else.
    #[inline]
    pub fn get_opt_obj(&self, i: usize, layout: &Fixed) -> NResult<Option<Obj>> {
        self.inst()?
            .with_value_at(i, |v| match v {
                Value::None => Some(None),
                v => layout.admitted(v).map(|o| Some(Obj::of(o))),
            })
            .ok_or(Bail)
    }

    /// `obj.a.b`: field `j` (a scalar) of the instance of `layout`'s
    /// class in field `i`, read in place.
    #[inline]
    pub fn get_via<T: FromValue>(&self, i: usize, layout: &Fixed, j: usize) -> NResult<T> {
        self.inst()?
            .with_value_at(i, |v| match v {
                Value::Object(o) if layout.admits(o) => o.with_value_at(j, T::from_value),
                _ => None,
            })
            .ok_or(Bail)
    }

    /// Stores a scalar into field `i`. What it replaces must be of the same
    /// type (see the module's note on the journal).
    #[inline]
    pub fn set<T: FromValue + ToValue>(&self, i: usize, v: T) -> NResult<()> {
        store(self.inst()?, i, v.to_value(), |old| old.is_none() || T::from_value(old).is_some())
    }

    /// `obj.field is None` for field `i`; bails when the field is unset
    /// (Python raises AttributeError).
    #[inline]
    pub fn is_none_at(&self, i: usize) -> NResult<bool> {
        self.inst()?.with_value_at(i, |v| Some(v.is_none())).ok_or(Bail)
    }

    /// Stores `None` into field `i` of instances of `layout`'s class,
    /// replacing `None` or such an instance.
    #[inline]
    pub fn set_none_obj(&self, i: usize, layout: &Fixed) -> NResult<()> {
        store(self.inst()?, i, Value::None, |old| old.is_none() || matches!(old, Value::Object(o) if layout.admits(o)))
    }

    /// Stores `None` into field `i`, replacing `None` or a scalar.
    #[inline]
    pub fn set_none(&self, i: usize) -> NResult<()> {
        let scalar = |old: &Value| matches!(old, Value::None | Value::Int(_) | Value::Float(_) | Value::Bool(_));
        store(self.inst()?, i, Value::None, scalar)
    }

    /// Stores an instance into field `i`; what it replaces must be an
    /// instance of the same fixed-layout class.
    #[inline]
    pub fn set_obj(&self, i: usize, v: Obj, layout: &Fixed) -> NResult<()> {
        store(self.inst()?, i, v.0, |old| old.is_none() || matches!(old, Value::Object(o) if layout.admits(o)))
    }
}

impl ToValue for Obj {
    fn to_value(self) -> Value {
        self.0
    }
}

/// A field write to undo if the native call bails.
struct Undo {
    inst: Rc<Instance>,
    index: usize,
    /// The value replaced; `None` when the write appended the field.
    old: Option<Value>,
}

/// Past this many writes in one native call, the next one bails: the
/// journal's memory stays bounded (the dynamic rerun needs none).
const JOURNAL_LIMIT: usize = 1 << 16;

thread_local! {
    static JOURNAL: RefCell<Vec<Undo>> = const { RefCell::new(Vec::new()) };
    static SPARE: std::cell::Cell<Vec<Undo>> = const { std::cell::Cell::new(Vec::new()) };
}

#[inline]
fn store(inst: &Rc<Instance>, index: usize, v: Value, replaceable: impl FnOnce(&Value) -> bool) -> NResult<()> {
    let old = inst.fixed_set_if(index, v, replaceable).map_err(|_| Bail)?;
    // Only native code holds an instance it just made: if the call bails,
    // nothing can see what was written into it.
    if Rc::strong_count(inst) == 1 {
        drop(old);
        return Ok(());
    }
    JOURNAL.with(|j| {
        let mut j = j.borrow_mut();
        if j.len() >= JOURNAL_LIMIT {
            // Put the value back first, then bail: undo sees a consistent instance.
            drop(j);
            if let Some(old) = old {
                let _ = inst.fixed_set(index, old);
            } else {
                inst.fixed_truncate(index);
            }
            return Err(Bail);
        }
        j.push(Undo { inst: inst.clone(), index, old });
        Ok(())
    })
}

/// Where the journal stands as a native call starts from dynamic code.
#[inline]
pub fn mark() -> usize {
    JOURNAL.with(|j| j.borrow().len())
}

/// Takes the writes made since `mark` off the journal. The caller drops
/// them after the journal's borrow ends: dropping a replaced instance may
/// run Python code (a `__del__` of something it holds).
fn take_since(mark: usize) -> Option<Vec<Undo>> {
    JOURNAL.with(|j| {
        let mut j = j.borrow_mut();
        if j.len() <= mark {
            None
        } else if mark == 0 {
            // The whole journal: swap in the spare (empty) vector.
            Some(std::mem::replace(&mut *j, SPARE.take()))
        } else {
            Some(j.split_off(mark))
        }
    })
}

/// Keeps an emptied journal's allocation for the next call.
fn recycle(mut v: Vec<Undo>) {
    v.clear();
    SPARE.set(v);
}

/// The native call that started at `mark` bailed: undoes its writes,
/// newest first.
pub fn undo(mark: usize) {
    let Some(mut undone) = take_since(mark) else { return };
    let mut dropped = Vec::new();
    for u in undone.drain(..).rev() {
        match u.old {
            Some(old) => {
                if let Ok(Some(new)) = u.inst.fixed_set(u.index, old) {
                    dropped.push(new);
                }
            }
            None => dropped.extend(u.inst.fixed_truncate(u.index)),
        }
    }
    drop(dropped);
    recycle(undone);
}

/// The native call that started at `mark` returned: its writes stand.
#[inline]
pub fn commit(mark: usize) {
    if let Some(written) = take_since(mark) {
        recycle(written);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static POINT: Fixed = Fixed::new(&["x", "y"], &[]);

    fn point_class() -> Value {
        let object = crate::types::types().object.clone();
        let cls = crate::types::new_class_in("t", "Point", &[object], crate::class::Layout::Object);
        Value::Class(cls)
    }

    #[test]
    fn writes_are_undone_newest_first_and_committed_writes_stand() {
        let cls = point_class();
        POINT.seal(&cls);
        let p = Obj::new(&POINT).unwrap();
        // Writes into an instance only native code holds need no undoing.
        let start = mark();
        p.set(0, 1i64).unwrap();
        assert_eq!(mark(), start);
        undo(start);
        assert_eq!(p.get::<i64>(0), Ok(1));
        let p = Obj::new(&POINT).unwrap();
        // Held by the dynamic world too: every write is journaled.
        let _shared = p.clone().to_value();
        let start = mark();
        p.set(0, 1i64).unwrap();
        p.set(1, 2i64).unwrap();
        p.set(0, 5i64).unwrap();
        assert_eq!(p.get::<i64>(0), Ok(5));
        undo(start);
        // Both appends and the replacement are gone.
        assert_eq!(p.get::<i64>(0), Err(Bail));
        let start = mark();
        p.set(0, 7i64).unwrap();
        commit(start);
        assert_eq!(p.get::<i64>(0), Ok(7));
        assert_eq!(mark(), start);
        // A field out of order, or replacing a value of another type, bails.
        assert_eq!(p.set(1, 0.5f64), Ok(()));
        assert_eq!(p.set(1, 1i64), Err(Bail));
        assert_eq!(p.get::<i64>(1), Err(Bail));
        commit(mark());
    }

    #[test]
    fn an_instance_with_a_dict_or_a_rebound_class_is_not_admitted() {
        static PAIR: Fixed = Fixed::new(&["a"], &[]);
        let cls = point_class();
        let Value::Class(c) = &cls else { unreachable!() };
        c.dict.set_str("method", Value::Int(0));
        PAIR.seal(&cls);
        let p = Obj::new(&PAIR).unwrap();
        let v = p.clone().to_value();
        assert!(Obj::check(&v, &PAIR).is_some());
        // Rebinding a name the class already has changes no key, but it is
        // a change of the namespace all the same.
        c.dict.set_str("method", Value::Int(1));
        assert!(Obj::check(&v, &PAIR).is_none());
        assert!(Obj::new(&PAIR).is_err());
    }

    #[test]
    fn a_change_to_a_base_class_or_a_method_not_the_def_seen_keeps_a_class_from_native_code() {
        static BASE: Fixed = Fixed::new(&["a"], &[]);
        static SUB: Fixed = Fixed::new(&["a", "b"], &[]);
        let base = point_class();
        BASE.seal(&base);
        let Value::Class(b) = &base else { unreachable!() };
        let sub =
            Value::Class(crate::types::new_class_in("t", "Sub", std::slice::from_ref(b), crate::class::Layout::Object));
        SUB.seal(&sub);
        let v = Obj::new(&SUB).unwrap().to_value();
        assert!(Obj::check(&v, &SUB).is_some());
        // An instance of the subclass is no instance of the base natively.
        assert!(Obj::check(&v, &BASE).is_none());
        // Rebinding a base's method may change what the subclass inherits.
        b.dict.set_str("method", Value::Int(1));
        assert!(Obj::check(&v, &SUB).is_none());
        // A subclass whose method is the def seen (its base's) is sealed.
        static INHERITS: Fixed = Fixed::new(&[], &[("method", "Point.method")]);
        static SIG: crate::func::Signature = crate::func::Signature {
            params: &["self"],
            posonly: 0,
            positional: 1,
            varargs: false,
            kwonly: 0,
            varkw: false,
        };
        let def = crate::func::Function::new(
            "method",
            "Point.method",
            &SIG,
            vec![],
            vec![],
            Rc::new(|_| Ok(Value::None)),
            None,
        );
        let with_def = point_class();
        let Value::Class(w) = &with_def else { unreachable!() };
        w.dict.set_str("method", def);
        let heir = Value::Class(crate::types::new_class_in(
            "t",
            "Heir",
            std::slice::from_ref(w),
            crate::class::Layout::Object,
        ));
        INHERITS.seal(&heir);
        assert!(Obj::new(&INHERITS).is_ok());
        // `method` is an int, not the def `Point.method`: never sealed.
        static EXPECTS_DEF: Fixed = Fixed::new(&["a"], &[("method", "Point.method")]);
        let other = point_class();
        let Value::Class(o) = &other else { unreachable!() };
        o.dict.set_str("method", Value::Int(1));
        EXPECTS_DEF.seal(&other);
        assert!(Obj::new(&EXPECTS_DEF).is_err());
    }

    #[test]
    fn none_in_an_instance_field_is_tested_in_place_and_set_over_an_instance() {
        static LINK: Fixed = Fixed::new(&["next", "n"], &[]);
        let cls = point_class();
        LINK.seal(&cls);
        let a = Obj::new(&LINK).unwrap();
        // An unset field is no None: Python raises AttributeError.
        assert_eq!(a.is_none_at(0), Err(Bail));
        a.set_none(0).unwrap();
        assert_eq!(a.is_none_at(0), Ok(true));
        // Read as an instance, None bails.
        assert!(a.get_obj(0, &LINK).is_err());
        let b = Obj::new(&LINK).unwrap();
        a.set_obj(0, b, &LINK).unwrap();
        assert_eq!(a.is_none_at(0), Ok(false));
        assert!(a.get_obj(0, &LINK).is_ok());
        // A local that may hold None reads it as it is.
        assert!(matches!(a.get_opt_obj(0, &LINK), Ok(Some(_))));
        assert_eq!(a.get_opt_obj(1, &LINK).err(), Some(Bail));
        // None replaces the instance; a scalar field refuses it.
        a.set_none_obj(0, &LINK).unwrap();
        assert_eq!(a.is_none_at(0), Ok(true));
        a.set(1, 3i64).unwrap();
        assert_eq!(a.set_none_obj(1, &LINK), Err(Bail));
        assert_eq!(a.get::<i64>(1), Ok(3));
        assert!(matches!(a.get_opt_obj(0, &LINK), Ok(None)));
        // A parameter that takes an instance or None.
        assert!(matches!(Obj::check_opt(&Value::None, &LINK), Some(None)));
        assert!(matches!(Obj::check_opt(&a.clone().to_value(), &LINK), Some(Some(_))));
        assert!(Obj::check_opt(&Value::Int(1), &LINK).is_none());
        assert_eq!(a.get_opt_obj(1, &LINK).err(), Some(Bail));
    }
}

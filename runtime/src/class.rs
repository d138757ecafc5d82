//! Class objects and instances of user-defined classes: the type's MRO,
//! its namespace, and what an instance carries.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{ExcData, PyResult};
use crate::str::PyStr;
use crate::value::Value;

/// What an instance of a class stores besides its `__dict__`: the layout of
/// the nearest built-in base.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// `object` and plain user classes.
    Object,
    /// `BaseException` and its subclasses: args, cause, context, notes.
    Exception,
    /// A built-in type whose instances are not `Value::Object` (int, list...).
    Builtin,
}

pub struct Class {
    pub name: RefCell<PyStr>,
    pub qualname: RefCell<PyStr>,
    pub module: PyStr,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after the class itself (C3).
    pub mro: Vec<Rc<Class>>,
    pub dict: Rc<Dict>,
    /// The metaclass, when it is not `type`.
    pub metaclass: Option<Rc<Class>>,
    pub layout: Layout,
    /// For built-in classes: how to call them and their methods.
    pub builtin: Option<&'static crate::types::BuiltinInfo>,
    /// For classes whose instances have no `__dict__` (`__slots__` all the
    /// way up the MRO): the attribute names instances may hold.
    pub slots: Option<Rc<[PyStr]>>,
    /// Results of MRO lookups by name, each stamped with the namespace
    /// epoch it was computed under (CPython's method cache).
    pub cache: RefCell<LookupCache>,
    /// A number no other class gets, for call-site caches (an address could
    /// be reused by a later class).
    pub id: u64,
    /// How many attributes instances have ended up with: a new instance's
    /// dict is allocated with room for that many and no more.
    pub attr_hint: std::cell::Cell<usize>,
    /// The attribute names instances hold in their values, in the order
    /// they were first set (CPython's shared keys): instances that set
    /// their attributes in that order store only the values. Names are
    /// interned and only ever appended, so a name's index never changes.
    pub keys: RefCell<Vec<PyStr>>,
}

/// Past this many shared keys a class stops adding more, and an instance
/// needing another gets its own dict (CPython's limit is 30 too).
const SHARED_KEYS_LIMIT: usize = 30;

pub fn next_class_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Per-class memo of `lookup` and `has_user_attr`. An entry is valid while
/// the namespace epoch equals its stamp: every change to a class namespace
/// that some cache depends on bumps the epoch. Changing any class's
/// namespace thus invalidates every class's cache, which is rare after
/// start-up and keeps the validity check to one load on each access.
#[derive(Default)]
pub struct LookupCache {
    entries: hashbrown::HashMap<Box<str>, CachedLookup>,
    /// The `HOOK_*` bits and the stamp they were computed under.
    hooks: Option<(u64, u16)>,
    /// `__init__` and its stamp: every instantiation asks for it.
    init: Option<(u64, Option<Value>)>,
}

/// A user class in the MRO overrides `__getattribute__`.
pub const HOOK_GETATTRIBUTE: u16 = 1;
/// ... `__setattr__`.
pub const HOOK_SETATTR: u16 = 2;
/// ... `__delattr__`.
pub const HOOK_DELATTR: u16 = 4;
/// ... `__new__` (instantiation calls it).
pub const HOOK_NEW: u16 = 8;
/// ... `__init__`.
pub const HOOK_INIT: u16 = 16;
/// ... records `__abstractmethods__` (an ABC: instantiation checks it).
pub const HOOK_ABSTRACT: u16 = 32;
/// ... defines `__post_init__` (a dataclass's `__init__` calls it).
pub const HOOK_POST_INIT: u16 = 64;
/// `type` is in the MRO: the class is a metaclass, whose instances are
/// classes (instantiation builds one).
pub const HOOK_TYPE: u16 = 128;
/// A built-in type other than `object` is in the MRO: instances carry a
/// value of it (see `crate::subclass`).
pub const HOOK_VALUE: u16 = 256;

struct CachedLookup {
    stamp: u64,
    found: Option<Value>,
    /// Whether a user class (not a built-in one) in the MRO defines the name.
    user: bool,
}

/// Beyond this many distinct names (programs calling `getattr` with
/// computed names), the cache starts over rather than grow without bound.
const CACHE_LIMIT: usize = 4096;

impl Class {
    pub fn name(&self) -> PyStr {
        self.name.borrow().clone()
    }

    pub fn qualname(&self) -> PyStr {
        self.qualname.borrow().clone()
    }

    /// Looks `name` up along the MRO (the class itself first).
    pub fn lookup(self: &Rc<Self>, name: &str) -> Option<Value> {
        self.cached(name, |c| c.found.clone())
    }

    /// `lookup("__init__")`, memoized apart from the by-name cache.
    pub fn init_method(self: &Rc<Self>) -> Option<Value> {
        let stamp = self.stamp();
        if let Some((s, f)) = &self.cache.borrow().init
            && *s == stamp
        {
            return f.clone();
        }
        let f = self.lookup("__init__");
        self.cache.borrow_mut().init = Some((stamp, f.clone()));
        f
    }

    /// Which hooks user classes in the MRO override (the `HOOK_*` bits),
    /// asked on every attribute access and instantiation.
    pub fn hooks(self: &Rc<Self>) -> u16 {
        let stamp = self.stamp();
        if let Some((s, bits)) = self.cache.borrow().hooks
            && s == stamp
        {
            return bits;
        }
        let mut bits = 0;
        for (name, bit) in [
            ("__getattribute__", HOOK_GETATTRIBUTE),
            ("__setattr__", HOOK_SETATTR),
            ("__delattr__", HOOK_DELATTR),
            ("__new__", HOOK_NEW),
            ("__init__", HOOK_INIT),
            ("__abstractmethods__", HOOK_ABSTRACT),
            ("__post_init__", HOOK_POST_INIT),
        ] {
            if self.has_user_attr(name) {
                bits |= bit;
            }
        }
        if self.is_subclass(&crate::types::types().type_) {
            bits |= HOOK_TYPE;
        }
        if self.builtin.is_none() && crate::subclass::value_type(self).is_some() {
            bits |= HOOK_VALUE;
        }
        self.cache.borrow_mut().hooks = Some((stamp, bits));
        bits
    }

    /// The index of `name` among the shared keys of instances.
    #[inline]
    pub fn key_index(&self, name: &str) -> Option<usize> {
        self.keys.borrow().iter().position(|k| k.as_str() == name)
    }

    /// This class's unique number (see the field).
    #[inline(always)]
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Changes whenever the class's or a base's namespace changes (and, to
    /// keep the check one load, when any other cached class's does).
    #[inline(always)]
    pub fn stamp(&self) -> u64 {
        crate::dict::namespace_epoch()
    }

    /// Makes changes to the namespaces along the MRO bump the stamp, before
    /// anything is cached under it.
    fn watch_namespaces(&self) {
        self.dict.mark_namespace();
        for c in &self.mro {
            c.dict.mark_namespace();
        }
    }

    /// Answers from the cache entry for `name`, refreshing it when any
    /// namespace along the MRO changed since it was computed.
    fn cached<R>(self: &Rc<Self>, name: &str, answer: impl Fn(&CachedLookup) -> R) -> R {
        let stamp = self.stamp();
        if let Some(hit) = self.cache.borrow().entries.get(name).filter(|e| e.stamp == stamp) {
            return answer(hit);
        }
        self.watch_namespaces();
        let mut found = None;
        let mut user = false;
        for c in std::iter::once(self).chain(self.mro.iter()) {
            if let Some(v) = c.dict.get_str(name) {
                user |= c.builtin.is_none();
                found.get_or_insert(v);
                if user {
                    break;
                }
            }
        }
        let entry = CachedLookup { stamp, found, user };
        let r = answer(&entry);
        let mut cache = self.cache.borrow_mut();
        if cache.entries.len() >= CACHE_LIMIT && !cache.entries.contains_key(name) {
            cache.entries.clear();
        }
        match cache.entries.get_mut(name) {
            Some(slot) => *slot = entry,
            None => {
                cache.entries.insert(name.into(), entry);
            }
        }
        r
    }

    /// Like `lookup`, but also says which class defined the attribute.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &str) -> Option<(Rc<Class>, Value)> {
        std::iter::once(self).chain(self.mro.iter()).find_map(|c| c.dict.get_str(name).map(|v| (c.clone(), v)))
    }

    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// The class followed by its MRO.
    pub fn mro_with_self(self: &Rc<Self>) -> Vec<Rc<Class>> {
        std::iter::once(self.clone()).chain(self.mro.iter().cloned()).collect()
    }

    /// Whether a user class (not `object`) in the MRO defines `name`.
    pub fn has_user_attr(self: &Rc<Self>, name: &str) -> bool {
        self.cached(name, |c| c.user)
    }
}

/// Computes the C3 linearisation of `bases` (excluding the new class).
pub fn c3_mro(name: &str, bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro_with_self()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|cand| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, cand))));
        let Some(head) = head else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name().to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let _ = name;
            return Err(crate::exc::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// Whether two attribute names are equal. Both are usually the same
/// interned object; otherwise the cached hashes tell most names apart
/// without comparing text.
#[inline]
fn same_name(a: &PyStr, b: &PyStr) -> bool {
    a.ptr_eq(b) || (a.hash() == b.hash() && a.as_str() == b.as_str())
}

/// An instance of a user-defined class.
///
/// Its attributes are a plain array of values in the order of its class's
/// shared keys (`Class::keys`), as long as it set them in that order: no
/// dict, no hashing, and an attribute site caches the index. Anything that
/// needs a real dict (`__dict__`, `vars()`, a deletion, attributes set out
/// of order) materializes one, and from then on the instance uses only it.
pub struct Instance {
    pub class: Rc<Class>,
    /// `values[i]` is the attribute named `class.keys[i]`; every key below
    /// `values.len()` is set. Empty once the dict exists. Two values live
    /// inside the instance (most small objects need no second allocation).
    values: RefCell<Values>,
    /// The materialized dict and exception data, which most instances never
    /// have: one pointer for both.
    rare: std::cell::OnceCell<Box<Rare>>,
}

pub type Values = smallvec::SmallVec<[Value; 2]>;

#[derive(Default)]
struct Rare {
    dict: std::cell::OnceCell<Rc<Dict>>,
    exc: Option<RefCell<ExcData>>,
    /// For an instance of a subclass of a built-in type: the built-in
    /// value it is (see `crate::subclass`).
    base: Option<Value>,
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        let rare = std::cell::OnceCell::new();
        if class.layout == Layout::Exception {
            let _ = rare.set(Box::new(Rare { exc: Some(RefCell::new(ExcData::default())), ..Rare::default() }));
        }
        let values = RefCell::new(Values::with_capacity(class.attr_hint.get()));
        Instance { class, values, rare }
    }

    /// An instance of a subclass of a built-in type, being `base`.
    pub fn with_base(class: Rc<Class>, base: Value) -> Instance {
        let inst = Instance::new(class);
        let _ = inst.rare.set(Box::new(Rare { base: Some(base), ..Rare::default() }));
        inst
    }

    /// The built-in value this instance is, if its class derives from a
    /// built-in type.
    #[inline]
    pub fn base(&self) -> Option<&Value> {
        self.rare.get()?.base.as_ref()
    }

    /// The exception data, for instances of exception classes.
    #[inline]
    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        self.rare.get()?.exc.as_ref()
    }

    /// The dict, if one has been materialized.
    #[inline(always)]
    fn dict_if_any(&self) -> Option<&Rc<Dict>> {
        self.rare.get()?.dict.get()
    }

    /// The instance's `__dict__`, made from its values the first time.
    pub fn dict(&self) -> &Rc<Dict> {
        self.rare.get_or_init(Box::default).dict.get_or_init(|| {
            let values = std::mem::take(&mut *self.values.borrow_mut());
            let keys = self.class.keys.borrow();
            let d = Dict::with_capacity(values.len());
            for (k, v) in keys.iter().zip(values) {
                d.set_str_key(k, v);
            }
            Rc::new(d)
        })
    }

    /// The attribute at shared-key index `i`, while the instance has no
    /// dict and holds that many.
    #[inline(always)]
    pub fn value_at(&self, i: usize) -> Option<Value> {
        if self.dict_if_any().is_some() {
            return None;
        }
        self.values.borrow().get(i).cloned()
    }

    /// `f` of the attribute at shared-key index `i`, borrowed in place,
    /// while the instance has no dict and holds that many. `f` must not
    /// run Python code (the values stay borrowed).
    #[inline(always)]
    pub fn with_value_at<R>(&self, i: usize, f: impl FnOnce(&Value) -> Option<R>) -> Option<R> {
        if self.dict_if_any().is_some() {
            return None;
        }
        f(self.values.borrow().get(i)?)
    }

    /// The attribute `name` itself (no class lookup).
    pub fn get_attr(&self, name: &str) -> Option<Value> {
        match self.dict_if_any() {
            Some(d) => d.get_str(name),
            None => self.class.key_index(name).and_then(|i| self.values.borrow().get(i).cloned()),
        }
    }

    /// Whether the instance itself holds the name `key` (a str object, so
    /// its cached hash helps).
    #[inline]
    pub fn has_name(&self, key: &PyStr) -> bool {
        match self.dict_if_any() {
            Some(d) => d.get_str(key.as_str()).is_some(),
            None => {
                let n = self.values.borrow().len();
                self.class.keys.borrow()[..n].iter().any(|k| same_name(k, key))
            }
        }
    }

    /// Whether the instance itself holds `name`.
    pub fn has_attr(&self, name: &str) -> bool {
        match self.dict_if_any() {
            Some(d) => d.get_str(name).is_some(),
            None => self.class.key_index(name).is_some_and(|i| i < self.values.borrow().len()),
        }
    }

    /// Replaces the attribute at shared-key index `i` if the instance holds
    /// it there; hands `value` back otherwise.
    #[inline]
    pub fn replace_at(&self, i: usize, value: Value) -> Result<(), Value> {
        if self.dict_if_any().is_some() {
            return Err(value);
        }
        let old = match self.values.borrow_mut().get_mut(i) {
            Some(slot) => std::mem::replace(slot, value),
            None => return Err(value),
        };
        // Dropped after the borrow ends: dropping may run code that looks here.
        drop(old);
        Ok(())
    }

    /// Adds the attribute at shared-key index `i` when the instance holds
    /// exactly the keys before it; hands `value` back otherwise.
    #[inline]
    pub fn push_at(&self, i: usize, value: Value) -> Result<(), Value> {
        let mut values = self.values.borrow_mut();
        if self.dict_if_any().is_some() || values.len() != i {
            return Err(value);
        }
        values.push(value);
        Ok(())
    }

    /// How many attribute values the instance holds, while it has no dict
    /// (native code reads and writes only such instances).
    #[inline(always)]
    pub fn fixed_len(&self) -> Option<usize> {
        match self.dict_if_any() {
            Some(_) => None,
            None => Some(self.values.borrow().len()),
        }
    }

    /// Stores the value at shared-key index `i` for native code: replaces
    /// the one held there (returned, for the caller to drop or keep), or
    /// appends it when `i` is the next index. `Err` gives the value back
    /// when the instance has a dict or `i` is beyond the next index.
    pub fn fixed_set(&self, i: usize, value: Value) -> Result<Option<Value>, Value> {
        self.fixed_set_if(i, value, |_| true)
    }

    /// [`Instance::fixed_set`], when the value held at `i` (if any)
    /// passes `replaceable`.
    #[inline]
    pub fn fixed_set_if(
        &self,
        i: usize,
        value: Value,
        replaceable: impl FnOnce(&Value) -> bool,
    ) -> Result<Option<Value>, Value> {
        if self.dict_if_any().is_some() {
            return Err(value);
        }
        let mut values = self.values.borrow_mut();
        match values.len() {
            n if i < n && !replaceable(&values[i]) => Err(value),
            n if i < n => Ok(Some(std::mem::replace(&mut values[i], value))),
            n if i == n => {
                values.push(value);
                Ok(None)
            }
            _ => Err(value),
        }
    }

    /// Drops the values from index `n` on (undoing native appends); they
    /// are returned so that they are dropped after the borrow ends.
    pub fn fixed_truncate(&self, n: usize) -> Values {
        let mut values = self.values.borrow_mut();
        if n < values.len() { values.drain(n..).collect() } else { Values::new() }
    }

    /// Sets attribute `key` (an interned name); returns its shared-key
    /// index when the instance still stores values.
    pub fn set_attr(&self, key: &PyStr, value: Value) -> Option<usize> {
        if self.dict_if_any().is_none()
            && let Some(i) = self.position_for(key)
        {
            if let Err(value) = self.replace_at(i, value) {
                self.values.borrow_mut().push(value);
            }
            let hint = &self.class.attr_hint;
            hint.set(hint.get().max(i + 1));
            return Some(i);
        }
        self.dict().set_str_key(key, value);
        None
    }

    /// Where `key` goes in the values: where it is held, or next when it
    /// is the next shared key (added to the class's keys if need be);
    /// `None` when that would put it out of order.
    fn position_for(&self, key: &PyStr) -> Option<usize> {
        let len = self.values.borrow().len();
        let found = self.class.keys.borrow().iter().position(|k| same_name(k, key));
        if let Some(i) = found {
            return (i <= len).then_some(i);
        }
        let mut keys = self.class.keys.borrow_mut();
        if keys.len() != len || keys.len() >= SHARED_KEYS_LIMIT {
            return None;
        }
        keys.push(crate::attr::intern(key.as_str()));
        Some(len)
    }

    /// Removes attribute `name`, saying whether it was there.
    pub fn remove_attr(&self, name: &str) -> PyResult<bool> {
        if self.dict_if_any().is_none() && !self.has_attr(name) {
            return Ok(false);
        }
        Ok(self.dict().remove(&Value::str(name))?.is_some())
    }

    /// The attribute names, in order.
    pub fn attr_names(&self) -> Vec<Value> {
        match self.dict_if_any() {
            Some(d) => d.keys(),
            None => {
                let n = self.values.borrow().len();
                self.class.keys.borrow()[..n].iter().map(|k| Value::Str(k.clone())).collect()
            }
        }
    }
}

#[cfg(test)]
mod instance_tests {
    use super::*;
    use crate::attr::intern;

    fn class() -> Rc<Class> {
        let object = crate::types::types().object.clone();
        crate::types::new_class_in("t", "P", &[object], Layout::Object)
    }

    #[test]
    fn an_instance_with_two_attributes_is_one_allocation_of_80_bytes() {
        // 64 bytes plus the `Rc` counts: mimalloc's 80-byte class.
        assert_eq!(std::mem::size_of::<Instance>(), 64);
    }

    #[test]
    fn attributes_set_in_key_order_stay_values() {
        let cls = class();
        let (a, b) = (Instance::new(cls.clone()), Instance::new(cls.clone()));
        assert_eq!(a.set_attr(&intern("x"), Value::Int(1)), Some(0));
        assert_eq!(a.set_attr(&intern("y"), Value::Int(2)), Some(1));
        // A second instance in the same order shares the keys.
        assert_eq!(b.set_attr(&intern("x"), Value::Int(3)), Some(0));
        assert_eq!(b.set_attr(&intern("x"), Value::Int(4)), Some(0));
        assert!(matches!(b.value_at(0), Some(Value::Int(4))));
        assert!(b.value_at(1).is_none() && !b.has_attr("y"));
        assert_eq!(cls.keys.borrow().len(), 2);
        assert!(matches!(a.get_attr("y"), Some(Value::Int(2))));
    }

    #[test]
    fn out_of_order_attributes_and_dict_access_materialize_a_dict() {
        let cls = class();
        let (a, b) = (Instance::new(cls.clone()), Instance::new(cls.clone()));
        a.set_attr(&intern("x"), Value::Int(1));
        a.set_attr(&intern("y"), Value::Int(2));
        // `y` before `x`: b gets a dict of its own, in its own order.
        assert_eq!(b.set_attr(&intern("y"), Value::Int(5)), None);
        b.set_attr(&intern("x"), Value::Int(6));
        assert!(b.value_at(0).is_none());
        let names: Vec<String> = b.attr_names().iter().map(|k| crate::fmt::str_(k).unwrap_or_default()).collect();
        assert_eq!(names, ["y", "x"]);
        // `__dict__` takes the values over; writes through it are seen.
        let d = a.dict().clone();
        d.set_str("x", Value::Int(10));
        assert!(matches!(a.get_attr("x"), Some(Value::Int(10))));
        assert!(a.value_at(0).is_none());
        assert!(a.remove_attr("y").unwrap_or(false) && !a.has_attr("y"));
    }
}

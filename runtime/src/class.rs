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
}

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
    hooks: Option<(u64, u8)>,
}

/// A user class in the MRO overrides `__getattribute__`.
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// ... `__setattr__`.
pub const HOOK_SETATTR: u8 = 2;
/// ... `__delattr__`.
pub const HOOK_DELATTR: u8 = 4;
/// ... `__new__` (instantiation calls it).
pub const HOOK_NEW: u8 = 8;
/// ... `__init__`.
pub const HOOK_INIT: u8 = 16;
/// ... records `__abstractmethods__` (an ABC: instantiation checks it).
pub const HOOK_ABSTRACT: u8 = 32;

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

    /// Which hooks user classes in the MRO override (the `HOOK_*` bits),
    /// asked on every attribute access and instantiation.
    pub fn hooks(self: &Rc<Self>) -> u8 {
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
        ] {
            if self.has_user_attr(name) {
                bits |= bit;
            }
        }
        self.cache.borrow_mut().hooks = Some((stamp, bits));
        bits
    }

    /// This class's unique number (see the field).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Changes whenever the class's or a base's namespace changes (and, to
    /// keep the check one load, when any other cached class's does).
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

/// An instance of a user-defined class.
pub struct Instance {
    pub class: Rc<Class>,
    pub dict: Rc<Dict>,
    /// Boxed: most instances are not exceptions and should not carry the room.
    pub exc: Option<Box<RefCell<ExcData>>>,
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        let exc = (class.layout == Layout::Exception).then(|| Box::new(RefCell::new(ExcData::default())));
        let dict = Dict::with_capacity(class.attr_hint.get());
        Instance { class, dict: Rc::new(dict), exc }
    }
}

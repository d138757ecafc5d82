//! `dict`: an insertion-ordered hash map keyed by Python values.
//!
//! Entries live in a vector in insertion order (deleted ones leave a hole
//! that compaction removes later), and a `hashbrown::HashTable` maps hashes
//! to entry positions. This reproduces CPython's order exactly: deleting a
//! key and inserting it again moves it to the end.
//!
//! Comparing keys may run a user `__eq__`, which may touch this very dict,
//! so the slow path copies the candidate keys out before comparing.

use std::cell::{Cell, RefCell};

use hashbrown::HashTable;

use crate::exc::PyResult;
use crate::ops;
use crate::str::PyStr;
use crate::value::Value;

pub struct Dict {
    table: RefCell<Table>,
    /// For a class namespace some cache depends on (see `mark_namespace`):
    /// one more than the number of changes made to it since; 0 otherwise.
    namespace: Cell<u64>,
}

/// Changes whenever any class namespace that a cache depends on changes:
/// one load tells every attribute cache whether it may still hold.
static NAMESPACE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline(always)]
pub fn namespace_epoch() -> u64 {
    NAMESPACE_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

#[derive(Clone, Default)]
struct Table {
    entries: Vec<Option<Entry>>,
    /// Hash index over `entries`, built only past `SMALL` entries: below
    /// that a scan is as fast and an instance's few attributes cost no
    /// second table.
    /// Boxed: most dicts (an instance's attributes) never get one, and
    /// the empty table would cost them 32 bytes each.
    index: Option<Box<HashTable<usize>>>,
    len: usize,
    /// Bumped on every insertion or deletion, so iterators can detect that
    /// the dict changed size under them.
    version: u64,
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// Small ints hash to themselves; spread them over all 64 bits so the
/// table's control bytes stay useful.
fn spread(hash: i64) -> u64 {
    (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Keys whose equality never runs Python code and agrees with identity
/// comparison of their contents.
fn pure_key(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::Int(_) | Value::None | Value::Bool(_))
}

fn pure_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.ptr_eq(y) || x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => *x == *y as i64,
        (Value::None, Value::None) => true,
        _ => false,
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict { table: RefCell::new(Table::default()), namespace: Cell::new(0) }
    }

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> Dict {
        let d = Dict::new();
        d.table.borrow_mut().entries.reserve_exact(n);
        d
    }

    /// Marks this dict as a class namespace that lookup caches depend on:
    /// from now on every change to it bumps [`namespace_epoch`].
    pub fn mark_namespace(&self) {
        if self.namespace.get() == 0 {
            self.namespace.set(1);
        }
    }

    /// Records a change: class caches must hear of it when this is a
    /// namespace they depend on.
    fn touch(&self) {
        let n = self.namespace.get();
        if n != 0 {
            self.namespace.set(n + 1);
            NAMESPACE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many changes this namespace has seen since it was marked (any
    /// store or removal, unlike [`Dict::version`], which moves only when
    /// keys come or go).
    pub fn namespace_changes(&self) -> u64 {
        self.namespace.get()
    }

    pub fn version(&self) -> u64 {
        self.table.borrow().version
    }

    /// Position of `key` in the entry vector, if present.
    fn find(&self, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        {
            let t = self.table.borrow();
            if pure_key(key) {
                let found = t.find_pos(hash, |e| pure_eq(&e.key, key));
                // A str equals only strs, unless a user object with the
                // same hash is a key (a str subclass, a str-valued enum).
                if found.is_some()
                    || matches!(key, Value::Str(_)) && t.find_pos(hash, |e| matches!(e.key, Value::Object(_))).is_none()
                {
                    return Ok(found);
                }
            }
        }
        // Slow path: candidate keys are copied out so `__eq__` may run freely.
        let candidates: Vec<(usize, Value)> = {
            let t = self.table.borrow();
            t.positions_with_hash(hash)
                .into_iter()
                .filter_map(|i| t.entries[i].as_ref().map(|e| (i, e.key.clone())))
                .collect()
        };
        for (i, k) in candidates {
            if k.is(key) || ops::eq(&k, key)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops::hash(key)?;
        Ok(self.find(hash, key)?.and_then(|i| self.value_at(i)))
    }

    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = crate::hash::hash_str(key);
        let t = self.table.borrow();
        t.find_pos(hash, |e| matches!(&e.key, Value::Str(s) if s.as_str() == key))
            .and_then(|i| t.entries[i].as_ref().map(|e| e.value.clone()))
    }

    /// Sets str key `key`, sharing the key object (and its cached hash).
    pub fn set_str_key(&self, key: &PyStr, value: Value) {
        // A str key never runs Python code, so this cannot fail.
        let _ = self.set_hashed(key.hash(), Value::Str(key.clone()), value);
    }

    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let hash = ops::hash(key)?;
        Ok(self.find(hash, key)?.is_some())
    }

    fn value_at(&self, i: usize) -> Option<Value> {
        self.table.borrow().entries[i].as_ref().map(|e| e.value.clone())
    }

    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let hash = ops::hash(&key)?;
        self.set_hashed(hash, key, value)
    }

    pub fn set_str(&self, key: &str, value: Value) {
        // Str keys hash and compare without running Python code.
        let key = Value::str(key);
        let hash = crate::hash::hash_str(match &key {
            Value::Str(s) => s.as_str(),
            _ => unreachable!("constructed as a str"),
        });
        let _ = self.set_hashed(hash, key, value);
    }

    pub fn set_hashed(&self, hash: i64, key: Value, value: Value) -> PyResult<()> {
        self.touch();
        if let Some(i) = self.find(hash, &key)? {
            let old = {
                let mut t = self.table.borrow_mut();
                t.entries[i].as_mut().map(|e| std::mem::replace(&mut e.value, value))
            };
            drop(old);
            return Ok(());
        }
        let mut t = self.table.borrow_mut();
        t.push(Entry { hash, key, value });
        t.len += 1;
        t.version += 1;
        Ok(())
    }

    /// Replaces the value of `key` with `update(value)` where it lies, when
    /// `key` hashes and compares without running Python code, is present,
    /// and `update` gives a value; false otherwise (the caller then takes
    /// the general path). The dict's size and order do not change.
    pub fn update_in_place(&self, key: &Value, update: impl FnOnce(&Value) -> Option<Value>) -> bool {
        if !pure_key(key) {
            return false;
        }
        let Ok(hash) = ops::hash(key) else { return false };
        let old = {
            let mut t = self.table.borrow_mut();
            let Some(i) = t.find_pos(hash, |e| pure_eq(&e.key, key)) else { return false };
            let Some(e) = t.entries[i].as_mut() else { return false };
            let Some(new) = update(&e.value) else { return false };
            std::mem::replace(&mut e.value, new)
        };
        self.touch();
        drop(old);
        true
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let hash = ops::hash(key)?;
        let Some(i) = self.find(hash, key)? else {
            return Ok(None);
        };
        let removed = self.take_at(hash, i);
        Ok(removed.map(|e| e.value))
    }

    fn take_at(&self, hash: i64, i: usize) -> Option<Entry> {
        self.touch();
        let mut t = self.table.borrow_mut();
        if let Some(index) = t.index.as_mut()
            && let Ok(slot) = index.find_entry(spread(hash), |&j| j == i)
        {
            slot.remove();
        }
        let entry = t.entries[i].take();
        if entry.is_some() {
            t.len -= 1;
            t.version += 1;
        }
        if t.entries.len() > 16 && t.len * 2 < t.entries.len() {
            t.compact();
        }
        entry
    }

    /// Removes and returns the last inserted item (`dict.popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let (hash, i) = {
            let t = self.table.borrow();
            let i = t.entries.iter().rposition(Option::is_some)?;
            (t.entries[i].as_ref()?.hash, i)
        };
        self.take_at(hash, i).map(|e| (e.key, e.value))
    }

    pub fn clear(&self) {
        self.touch();
        let old = std::mem::take(&mut *self.table.borrow_mut());
        let version = old.version + 1;
        self.table.borrow_mut().version = version;
        drop(old);
    }

    /// The live entries in order, copied out (cheap: reference counts).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().entries.iter().flatten().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().entries.iter().flatten().map(|e| e.value.clone()).collect()
    }

    /// The entry at raw position `pos` or later, for iterators that walk the
    /// dict lazily; returns the next position to look at.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.table.borrow();
        t.entries[pos.min(t.entries.len())..]
            .iter()
            .enumerate()
            .find_map(|(off, e)| e.as_ref().map(|e| (pos + off + 1, e.key.clone(), e.value.clone())))
    }

    pub fn copy(&self) -> Dict {
        let mut t = self.table.borrow().clone();
        t.compact();
        Dict { table: RefCell::new(t), namespace: Cell::new(0) }
    }

    /// Builds a dict from key/value pairs, later keys overriding earlier ones.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Value, Value)>) -> PyResult<Dict> {
        let d = Dict::new();
        for (k, v) in pairs {
            d.set(k, v)?;
        }
        Ok(d)
    }
}

/// Up to this many entries a dict has no hash index.
const SMALL: usize = 8;

impl Table {
    /// The position of the entry with `hash` for which `eq` holds.
    fn find_pos(&self, hash: i64, eq: impl Fn(&Entry) -> bool) -> Option<usize> {
        let matches = |e: &Option<Entry>| e.as_ref().is_some_and(|e| e.hash == hash && eq(e));
        match &self.index {
            None => self.entries.iter().position(matches),
            Some(index) => index.find(spread(hash), |&i| matches(&self.entries[i])).copied(),
        }
    }

    /// Positions of every entry with `hash`.
    fn positions_with_hash(&self, hash: i64) -> Vec<usize> {
        let has = |i: &usize| self.entries[*i].as_ref().is_some_and(|e| e.hash == hash);
        match &self.index {
            None => (0..self.entries.len()).filter(has).collect(),
            Some(index) => index.iter_hash(spread(hash)).copied().filter(has).collect(),
        }
    }

    /// Appends an entry, indexing it (or the whole table, once past
    /// `SMALL`); returns its position.
    fn push(&mut self, entry: Entry) {
        let pos = self.entries.len();
        let hash = entry.hash;
        self.entries.push(Some(entry));
        if let Some(index) = self.index.as_mut() {
            let entries = &self.entries;
            index.insert_unique(spread(hash), pos, |&i| spread(entries[i].as_ref().map_or(0, |e| e.hash)));
        } else if self.entries.len() > SMALL {
            self.reindex();
        }
    }

    fn reindex(&mut self) {
        if self.entries.len() <= SMALL {
            self.index = None;
            return;
        }
        let mut index = self.index.take().unwrap_or_default();
        index.clear();
        let entries = &self.entries;
        for (pos, e) in entries.iter().enumerate() {
            let hash = e.as_ref().map_or(0, |e| e.hash);
            index.insert_unique(spread(hash), pos, |&i| spread(entries[i].as_ref().map_or(0, |e| e.hash)));
        }
        self.index = Some(index);
    }

    /// Drops the holes left by deletions, keeping order.
    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.reindex();
    }
}

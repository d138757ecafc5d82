//! CPython 3.12's set hash table (Objects/setobject.c), emulated so that
//! iterating a set visits elements in CPython's order: open addressing
//! from `hash & mask`, runs of up to 9 linear probes, perturbed jumps,
//! dummies left by deletions, growth when 3/5 full. (Fallback
//! implementation; the table-tested module replaces it.)

use crate::exc::PyResult;
use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable::new()
    }
}

fn same(a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || crate::ops::eq(a, b)?)
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The active entries in table order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// The first element at slot `pos` or after, and the slot after it
    /// (`setiter_iternext`, which walks the live table).
    pub fn entry_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots.iter().enumerate().skip(pos).find_map(|(i, s)| match s {
            Slot::Active(_, k) => Some((i + 1, k.clone())),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    /// `set_lookkey`: the slot holding `key`, if any.
    fn find(&self, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => return Ok(None),
                    Slot::Active(h, k) if *h == hash && same(k, key)? => return Ok(Some(i + j)),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, hash: i64, key: &Value) -> PyResult<bool> {
        Ok(self.find(hash, key)?.is_some())
    }

    /// `set_add_entry`: adds `key` unless present; `Ok(true)` if added.
    pub fn insert(&mut self, hash: i64, key: Value) -> PyResult<bool> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let target = loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            let mut found = None;
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => {
                        found = Some(i + j);
                        break;
                    }
                    Slot::Active(h, k) if *h == hash && same(k, &key)? => return Ok(false),
                    Slot::Dummy if freeslot.is_none() => freeslot = Some(i + j),
                    _ => {}
                }
            }
            if let Some(t) = found {
                break t;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        if let Some(f) = freeslot {
            self.slots[f] = Slot::Active(hash, key);
            self.used += 1;
            return Ok(true);
        }
        self.slots[target] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
        Ok(true)
    }

    /// `set_insert_clean`: into a table known to lack `key` and dummies.
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active(h, k) = s {
                SetTable::insert_clean(&mut self.slots, h, k);
            }
        }
    }

    /// `set_discard_entry`: `Ok(true)` if `key` was there.
    pub fn discard(&mut self, hash: i64, key: &Value) -> PyResult<bool> {
        match self.find(hash, key)? {
            Some(i) => {
                let old = std::mem::replace(&mut self.slots[i], Slot::Dummy);
                drop(old);
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `set.pop()`: scans from the finger CPython keeps.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active(..)) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(&mut self.slots[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// `set_merge`: adds everything of `other` (another set's table).
    pub fn merge(&mut self, other: &SetTable) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.slots {
                if let Slot::Active(h, k) = s {
                    SetTable::insert_clean(&mut self.slots, *h, k.clone());
                }
            }
            return Ok(());
        }
        for (h, k) in other.entries() {
            self.insert(h, k)?;
        }
        Ok(())
    }
}

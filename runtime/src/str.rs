//! `PyStr`: Python's immutable Unicode string, shared by reference count.
//!
//! Python indexes strings by code point. We store UTF-8 and remember whether
//! the text is ASCII (then byte and code-point indices coincide) and how
//! many code points it has, so `len` is O(1) and ASCII indexing is O(1).

use crate::shared::Shared;
use std::fmt;

#[derive(Clone)]
pub struct PyStr(Shared<StrData>);

struct StrData {
    /// Growable, so a string nobody else holds grows in place under `+=`
    /// (see `append_unique`), as CPython's does; up to 24 bytes are stored
    /// inline, without a second allocation.
    text: compact_str::CompactString,
    /// The number of code points; `u32::MAX` means "count them" (a str of
    /// over four billion characters), so the object stays 40 bytes.
    chars: u32,
    ascii: bool,
    /// The hash once computed (0: not yet), as CPython caches it: a word
    /// used as a dict key is hashed once, not at every lookup.
    hash: std::cell::Cell<i64>,
}

impl PyStr {
    pub fn new(text: &str) -> PyStr {
        let ascii = text.is_ascii();
        let chars = if ascii { text.len() } else { text.chars().count() };
        PyStr::with_counts(compact_str::CompactString::new(text), chars, ascii)
    }

    pub fn from_string(text: String) -> PyStr {
        // A short string is copied inline (dropping its buffer); a long one
        // keeps its buffer.
        if text.len() <= 24 {
            return PyStr::new(&text);
        }
        let ascii = text.is_ascii();
        let chars = if ascii { text.len() } else { text.chars().count() };
        PyStr::with_counts(text.into(), chars, ascii)
    }

    /// A str of ASCII text, without scanning it again.
    pub fn from_ascii(text: &str) -> PyStr {
        debug_assert!(text.is_ascii());
        PyStr::with_counts(compact_str::CompactString::new(text), text.len(), true)
    }

    fn with_counts(text: compact_str::CompactString, chars: usize, ascii: bool) -> PyStr {
        let chars = u32::try_from(chars).unwrap_or(u32::MAX);
        PyStr(Shared::new(StrData { text, chars, ascii, hash: Default::default() }))
    }

    /// Appends `more` in place when this is the only reference to the
    /// string (nothing can observe the change); `false` otherwise.
    pub fn append_unique(&mut self, more: &PyStr) -> bool {
        let Some(data) = Shared::get_mut(&mut self.0) else { return false };
        data.text.push_str(&more.0.text);
        data.chars = u32::try_from(data.chars as usize + more.char_len()).unwrap_or(u32::MAX);
        data.ascii &= more.0.ascii;
        data.hash.set(0);
        true
    }

    /// Python's `hash()` of the string, computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.0.hash.get();
        if h != 0 {
            return h;
        }
        let h = crate::hash::hash_str(self.as_str());
        self.0.hash.set(h);
        h
    }

    pub fn as_str(&self) -> &str {
        self.0.text.as_str()
    }

    /// `a + b`, without recounting the characters. With an empty side it
    /// is the other str itself, as in CPython (`s + "" is s`).
    pub fn concat(a: &PyStr, b: &PyStr) -> PyStr {
        if b.len_bytes() == 0 {
            return a.clone();
        }
        if a.len_bytes() == 0 {
            return b.clone();
        }
        let mut text = compact_str::CompactString::with_capacity(a.len_bytes() + b.len_bytes());
        text.push_str(a.as_str());
        text.push_str(b.as_str());
        PyStr(Shared::new(StrData {
            text,
            chars: u32::try_from(a.char_len() + b.char_len()).unwrap_or(u32::MAX),
            ascii: a.0.ascii && b.0.ascii,
            hash: Default::default(),
        }))
    }

    /// Number of code points (Python's `len`).
    pub fn char_len(&self) -> usize {
        match self.0.chars {
            u32::MAX => self.0.text.chars().count(),
            n => n as usize,
        }
    }

    pub fn len_bytes(&self) -> usize {
        self.0.text.len()
    }

    pub fn is_ascii(&self) -> bool {
        self.0.ascii
    }

    pub fn ptr_eq(&self, other: &PyStr) -> bool {
        Shared::ptr_eq(&self.0, &other.0)
    }

    pub fn addr(&self) -> usize {
        Shared::as_ptr(&self.0) as usize
    }

    /// The code point at a non-negative index below `char_len`.
    pub fn char_at(&self, index: usize) -> char {
        if self.0.ascii {
            self.0.text.as_bytes()[index] as char
        } else {
            self.0.text.chars().nth(index).unwrap_or('\0')
        }
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr::new(s)
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr::from_string(s)
    }
}

impl From<char> for PyStr {
    fn from(c: char) -> PyStr {
        PyStr::from_string(c.to_string())
    }
}

impl std::ops::Deref for PyStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.ptr_eq(other) || self.as_str() == other.as_str()
    }
}

impl Eq for PyStr {}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A str literal of generated code, made on first use and then shared, as
/// a CPython code object holds its constants: evaluating `"idle"` in a loop
/// costs a reference count, not an allocation and a new hash. As CPython
/// merges the equal constants of a module's code objects, equal literals
/// are one object (`"idle" is "idle"`; dict lookups match it by pointer).
pub struct StrConst {
    text: &'static str,
    made: std::cell::OnceCell<PyStr>,
}

// SAFETY: like `attr::Site`, only the thread holding the interpreter lock
// (the one running Python code) evaluates literals.
unsafe impl Sync for StrConst {}

impl StrConst {
    pub const fn new(text: &'static str) -> StrConst {
        StrConst { text, made: std::cell::OnceCell::new() }
    }

    #[inline]
    pub fn get(&self) -> crate::value::Value {
        crate::value::Value::Str(self.made.get_or_init(|| crate::attr::intern(self.text)).clone())
    }
}

/// The value of a str literal in generated code: `rt::str_lit!("idle")`.
#[macro_export]
macro_rules! str_lit {
    ($text:literal) => {{
        static LITERAL: $crate::str::StrConst = $crate::str::StrConst::new($text);
        LITERAL.get()
    }};
}

#[cfg(test)]
mod size_tests {
    /// With its reference count a str object is 48 bytes, one of
    /// mimalloc's size classes, a little less than a short ASCII str in
    /// CPython (about 54).
    #[test]
    fn str_object_is_small() {
        assert_eq!(std::mem::size_of::<super::StrData>(), 40);
        assert_eq!(std::mem::size_of::<super::PyStr>(), 8);
    }
}

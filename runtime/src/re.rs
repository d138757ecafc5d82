//! The `re` module on top of the `fancy-regex` engine.
//!
//! A Python pattern is first translated to fancy-regex syntax by
//! [`translate`], which also reports CPython's `re.error` messages for the
//! common mistakes and refuses what the engine cannot do. Matching works on
//! UTF-8 byte offsets; every position shown to Python is converted to a code
//! point index. Iteration (`finditer`, `findall`, `sub`, `split`) follows
//! CPython 3.7+: an empty match may follow a non-empty one at the same place,
//! but never another empty match there.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::{Regex, RegexBuilder, RegexInput};

use crate::call::call;
use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::{PyErr, PyResult, index_error, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::{GilCell, Lazy};
use crate::native::{Native, downcast};
use crate::str::PyStr;
use crate::value::Value;

pub const IGNORECASE: i64 = 2;
pub const LOCALE: i64 = 4;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const UNICODE: i64 = 32;
pub const VERBOSE: i64 = 64;
pub const ASCII: i64 = 256;

static RE_ERROR: Lazy<Rc<Class>> = Lazy::new(|| {
    crate::types::new_class_in("re", "error", &[crate::types::types().exception.clone()], Layout::Exception)
});

static PATTERN_CLASS: Lazy<Rc<Class>> =
    Lazy::new(|| crate::types::new_class_in("re", "Pattern", &[crate::types::types().object.clone()], Layout::Builtin));

static MATCH_CLASS: Lazy<Rc<Class>> =
    Lazy::new(|| crate::types::new_class_in("re", "Match", &[crate::types::types().object.clone()], Layout::Builtin));

// ------------------------------------------------------------ translation

/// Why a pattern cannot be compiled.
#[derive(Debug, PartialEq)]
pub enum TransError {
    /// CPython's `re.error`: message and code-point position.
    Bad(String, usize),
    /// Valid Python the engine cannot run (raised as `NotImplementedError`).
    Unsupported(String),
}

/// A pattern translated to fancy-regex syntax.
#[derive(Debug)]
pub struct Translated {
    pub regex: String,
    /// The flags in force: the given ones, the inline global ones, and
    /// `UNICODE` unless `ASCII`.
    pub flags: i64,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// For each group (index - 1), its enclosing capturing group (0: none).
    pub parents: Vec<usize>,
}

#[derive(Clone, Copy)]
struct Mode {
    multiline: bool,
    dotall: bool,
    verbose: bool,
}

fn flag_bit(c: char) -> Option<i64> {
    Some(match c {
        'a' => ASCII,
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => UNICODE,
        'x' => VERBOSE,
        _ => return None,
    })
}

fn push_lit(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && !c.is_whitespace()) {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    }
}

fn bad<T>(msg: impl Into<String>, pos: usize) -> Result<T, TransError> {
    Err(TransError::Bad(msg.into(), pos))
}

fn is_ident(name: &str) -> bool {
    let mut cs = name.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
        _ => false,
    }
}

struct Tr<'a> {
    p: &'a [char],
    i: usize,
    out: String,
    ascii: bool,
    groups: usize,
    names: Vec<(String, usize)>,
    parents: Vec<usize>,
    closed: Vec<bool>,
}

impl Tr<'_> {
    fn peek(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    fn hex(&mut self, n: usize, start: usize, what: char) -> Result<char, TransError> {
        let digits: String = self.p[self.i..(self.i + n).min(self.p.len())].iter().collect();
        if digits.len() != n || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return bad(format!("incomplete escape \\{what}{digits}"), start);
        }
        self.i += n;
        let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
        char::from_u32(v).ok_or_else(|| TransError::Bad(format!("bad escape \\{what}{digits}"), start))
    }

    /// An escape after the backslash at `start`; `self.i` is on the letter.
    /// Returns the text to emit and whether it is a repeatable atom.
    fn escape(&mut self, start: usize, in_class: bool) -> Result<(String, bool), TransError> {
        let Some(c) = self.peek(0) else {
            return bad("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let a = self.ascii;
        let s = |x: &str| Ok((x.to_string(), true));
        match c {
            'd' if in_class => s(if a { "0-9" } else { "\\d" }),
            'w' if in_class => s(if a { "a-zA-Z0-9_" } else { "\\w" }),
            's' if in_class => s(if a { " \\t\\n\\r\\x0B\\x0C" } else { "\\s\\x1C-\\x1F" }),
            'D' if in_class => s(if a { "[^0-9]" } else { "\\D" }),
            'W' if in_class => s(if a { "[^a-zA-Z0-9_]" } else { "\\W" }),
            'S' if in_class => s(if a { "[^ \\t\\n\\r\\x0B\\x0C]" } else { "\\S" }),
            'd' => s(if a { "[0-9]" } else { "\\d" }),
            'w' => s(if a { "[a-zA-Z0-9_]" } else { "\\w" }),
            's' => s(if a { "[ \\t\\n\\r\\x0B\\x0C]" } else { "[\\s\\x1C-\\x1F]" }),
            'D' => s(if a { "[^0-9]" } else { "\\D" }),
            'W' => s(if a { "[^a-zA-Z0-9_]" } else { "\\W" }),
            'S' => s(if a { "[^ \\t\\n\\r\\x0B\\x0C]" } else { "[^\\s\\x1C-\\x1F]" }),
            'b' if in_class => s("\\x08"),
            'b' => Ok((
                if a { "(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))" } else { "\\b" }
                    .into(),
                false,
            )),
            'B' if !in_class => Ok((
                if a { "(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))" } else { "\\B" }
                    .into(),
                false,
            )),
            'A' if !in_class => Ok(("\\A".into(), false)),
            'Z' if !in_class => Ok(("\\z".into(), false)),
            'a' | 'f' | 'n' | 'r' | 't' | 'v' => {
                let ch = match c {
                    'a' => '\x07',
                    'f' => '\x0c',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => '\x0b',
                };
                let mut o = String::new();
                push_lit(&mut o, ch);
                Ok((o, true))
            }
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let ch = self.hex(n, start, c)?;
                let mut o = String::new();
                push_lit(&mut o, ch);
                Ok((o, true))
            }
            'N' => Err(TransError::Unsupported("named character escapes \\N{...} are not supported by py2rs".into())),
            '0'..='9' => {
                // Octal escape: \0, \0oo, or three octal digits; otherwise a backreference.
                let octal = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
                let mut digits = c.to_string();
                let is_octal = c == '0' || in_class || (octal(Some(c)) && octal(self.peek(0)) && octal(self.peek(1)));
                if is_octal {
                    let max = 2;
                    for _ in 0..max {
                        if octal(self.peek(0)) && digits.len() < 3 {
                            digits.push(self.peek(0).unwrap_or('0'));
                            self.i += 1;
                        }
                    }
                    if in_class && !digits.chars().all(|d| ('0'..='7').contains(&d)) {
                        return bad(format!("bad escape \\{digits}"), start);
                    }
                    let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
                    if v > 0o377 {
                        return bad(format!("octal escape value \\{digits} outside of range 0-0o377"), start);
                    }
                    let mut o = String::new();
                    push_lit(&mut o, char::from_u32(v).unwrap_or('\0'));
                    return Ok((o, true));
                }
                if let Some(d) = self.peek(0).filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    self.i += 1;
                }
                let n: usize = digits.parse().unwrap_or(0);
                if n > self.groups || !self.closed.get(n.wrapping_sub(1)).copied().unwrap_or(false) {
                    if n <= self.groups {
                        return bad("cannot refer to an open group", start);
                    }
                    return bad(format!("invalid group reference {n}"), start + 1);
                }
                Ok((format!("(?:\\{n})"), true))
            }
            c if c.is_ascii_alphabetic() => bad(format!("bad escape \\{c}"), start),
            c => {
                let mut o = String::new();
                push_lit(&mut o, c);
                Ok((o, true))
            }
        }
    }

    fn class(&mut self) -> Result<(), TransError> {
        let start = self.i;
        self.i += 1;
        self.out.push('[');
        if self.peek(0) == Some('^') {
            self.out.push('^');
            self.i += 1;
        }
        let mut first = true;
        let mut prev_dash = false;
        loop {
            let Some(c) = self.peek(0) else {
                return bad("unterminated character set", start);
            };
            if c == ']' && !first {
                self.i += 1;
                self.out.push(']');
                return Ok(());
            }
            first = false;
            match c {
                '\\' => {
                    let at = self.i;
                    self.i += 1;
                    let (text, _) = self.escape(at, true)?;
                    self.out.push_str(&text);
                    prev_dash = false;
                }
                '-' => {
                    self.i += 1;
                    self.out.push_str(if prev_dash { "\\-" } else { "-" });
                    prev_dash = true;
                    continue;
                }
                '[' | ']' | '&' | '~' | '^' => {
                    self.i += 1;
                    self.out.push('\\');
                    self.out.push(c);
                    prev_dash = false;
                }
                c => {
                    self.i += 1;
                    push_lit(&mut self.out, c);
                    prev_dash = false;
                }
            }
        }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `self.i`; `None` if the brace is a literal.
    fn brace(&self) -> Option<(usize, Option<usize>, Option<usize>, usize)> {
        let mut j = self.i + 1;
        let mut lo = String::new();
        while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
            lo.push(*c);
            j += 1;
        }
        let mut hi = None;
        if self.p.get(j) == Some(&',') {
            j += 1;
            let mut h = String::new();
            while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
                h.push(*c);
                j += 1;
            }
            hi = Some(h);
        }
        if self.p.get(j) != Some(&'}') {
            return None;
        }
        let lo_n = if lo.is_empty() { 0 } else { lo.parse().ok()? };
        let (exact, hi_n) = match &hi {
            None => {
                if lo.is_empty() {
                    return None;
                }
                (Some(lo_n), Some(lo_n))
            }
            Some(h) if h.is_empty() => (None, None),
            Some(h) => (None, Some(h.parse().ok()?)),
        };
        let _ = exact;
        Some((lo_n, hi_n, if hi.is_none() { Some(lo_n) } else { None }, j + 1))
    }
}

/// Translates a Python pattern (with `flags`) to fancy-regex syntax.
pub fn translate(pattern: &str, flags: i64) -> Result<Translated, TransError> {
    let p: Vec<char> = pattern.chars().collect();
    let mut flags = flags;
    let mut t =
        Tr { p: &p, i: 0, out: String::new(), ascii: false, groups: 0, names: vec![], parents: vec![], closed: vec![] };
    // Global inline flags are only allowed at the start.
    while t.peek(0) == Some('(') && t.peek(1) == Some('?') {
        let mut j = t.i + 2;
        let mut f = 0;
        while let Some(b) = p.get(j).and_then(|c| flag_bit(*c)) {
            f |= b;
            j += 1;
        }
        if j > t.i + 2 && p.get(j) == Some(&')') {
            flags |= f;
            t.i = j + 1;
        } else {
            break;
        }
    }
    if flags & ASCII != 0 && flags & UNICODE != 0 {
        return bad("ASCII and UNICODE flags are incompatible", 0);
    }
    if flags & LOCALE != 0 {
        return bad("cannot use LOCALE flag with a str pattern", 0);
    }
    t.ascii = flags & ASCII != 0;
    if !t.ascii {
        flags |= UNICODE;
    }
    let mut mode =
        Mode { multiline: flags & MULTILINE != 0, dotall: flags & DOTALL != 0, verbose: flags & VERBOSE != 0 };
    if flags & IGNORECASE != 0 {
        t.out.push_str("(?i)");
    }
    // (open position, capturing group index or 0, mode outside the group, out index)
    let mut stack: Vec<(usize, usize, Mode, usize)> = vec![];
    // Where the last repeatable item starts in `out`; `None` after `|`, `(`, anchors.
    let mut atom: Option<usize> = None;
    let mut repeated = false;
    while let Some(c) = t.peek(0) {
        let at = t.i;
        if mode.verbose && c.is_whitespace() {
            t.i += 1;
            continue;
        }
        if mode.verbose && c == '#' {
            while let Some(c) = t.peek(0) {
                t.i += 1;
                if c == '\n' {
                    break;
                }
            }
            continue;
        }
        let quantifier = matches!(c, '*' | '+' | '?') || (c == '{' && t.brace().is_some());
        if quantifier {
            let Some(start) = atom else {
                return bad(if repeated { "multiple repeat" } else { "nothing to repeat" }, at);
            };
            if c == '{' {
                let (lo, hi, exact, end) = t.brace().unwrap_or((0, None, None, at + 1));
                if let Some(h) = hi
                    && h < lo
                {
                    return bad("min repeat greater than max repeat", at + 1);
                }
                match (exact, hi) {
                    (Some(n), _) => t.out.push_str(&format!("{{{n}}}")),
                    (None, Some(h)) => t.out.push_str(&format!("{{{lo},{h}}}")),
                    (None, None) => t.out.push_str(&format!("{{{lo},}}")),
                }
                t.i = end;
            } else {
                t.out.push(c);
                t.i += 1;
            }
            match t.peek(0) {
                Some('?') => {
                    t.out.push('?');
                    t.i += 1;
                }
                Some('+') => {
                    t.out.insert_str(start, "(?>");
                    t.out.push(')');
                    t.i += 1;
                }
                _ => {}
            }
            atom = None;
            repeated = true;
            continue;
        }
        repeated = false;
        match c {
            '\\' => {
                t.i += 1;
                let here = t.out.len();
                let (text, repeatable) = t.escape(at, false)?;
                t.out.push_str(&text);
                atom = repeatable.then_some(here);
            }
            '[' => {
                let here = t.out.len();
                t.class()?;
                atom = Some(here);
            }
            '.' => {
                atom = Some(t.out.len());
                t.out.push_str(if mode.dotall { "(?s:.)" } else { "." });
                t.i += 1;
            }
            '^' => {
                t.out.push_str(if mode.multiline { "(?m:^)" } else { "\\A" });
                t.i += 1;
                atom = None;
            }
            '$' => {
                t.out.push_str(if mode.multiline { "(?m:$)" } else { "(?=\\n?\\z)" });
                t.i += 1;
                atom = None;
            }
            '|' => {
                t.out.push('|');
                t.i += 1;
                atom = None;
            }
            ')' => {
                let Some((_, g, outer, here)) = stack.pop() else {
                    return bad("unbalanced parenthesis", at);
                };
                if g > 0 {
                    t.closed[g - 1] = true;
                }
                mode = outer;
                t.out.push(')');
                t.i += 1;
                atom = Some(here);
            }
            '(' => {
                let here = t.out.len();
                let parent = stack.iter().rev().find(|e| e.1 > 0).map_or(0, |e| e.1);
                if t.peek(1) != Some('?') {
                    t.groups += 1;
                    t.parents.push(parent);
                    t.closed.push(false);
                    stack.push((at, t.groups, mode, here));
                    t.out.push('(');
                    t.i += 1;
                    atom = None;
                    continue;
                }
                let rest: String = p[at + 2..].iter().take(3).collect();
                if rest.starts_with('#') {
                    match p[at..].iter().position(|c| *c == ')') {
                        Some(k) => t.i = at + k + 1,
                        None => return bad("missing ), unterminated comment", at),
                    }
                    continue;
                }
                if rest.starts_with("P<") {
                    let name_start = at + 4;
                    let Some(k) = p[name_start..].iter().position(|c| *c == '>') else {
                        return bad("missing >, unterminated name", name_start);
                    };
                    let name: String = p[name_start..name_start + k].iter().collect();
                    if name.is_empty() {
                        return bad("missing group name", name_start);
                    }
                    if !is_ident(&name) {
                        return bad(format!("bad character in group name '{name}'"), name_start);
                    }
                    if t.names.iter().any(|(n, _)| *n == name) {
                        return bad(
                            format!(
                                "redefinition of group name '{name}' as group {}; was group {}",
                                t.groups + 1,
                                t.names.iter().find(|(n, _)| *n == name).map_or(0, |x| x.1)
                            ),
                            name_start,
                        );
                    }
                    t.groups += 1;
                    t.parents.push(parent);
                    t.closed.push(false);
                    t.names.push((name.clone(), t.groups));
                    stack.push((at, t.groups, mode, here));
                    t.out.push_str(&format!("(?P<{name}>"));
                    t.i = name_start + k + 1;
                    atom = None;
                    continue;
                }
                if rest.starts_with("P=") {
                    let name_start = at + 4;
                    let Some(k) = p[name_start..].iter().position(|c| *c == ')') else {
                        return bad("missing ), unterminated name", name_start);
                    };
                    let name: String = p[name_start..name_start + k].iter().collect();
                    if !is_ident(&name) {
                        return bad(format!("bad character in group name '{name}'"), name_start);
                    }
                    let Some(&(_, g)) = t.names.iter().find(|(n, _)| *n == name) else {
                        return bad(format!("unknown group name '{name}'"), name_start);
                    };
                    if !t.closed[g - 1] {
                        return bad("cannot refer to an open group", at);
                    }
                    t.out.push_str(&format!("(?:\\{g})"));
                    t.i = name_start + k + 1;
                    atom = Some(here);
                    continue;
                }
                let simple = [":", "=", "!", "<=", "<!", ">"].into_iter().find(|s| rest.starts_with(s));
                if let Some(s) = simple {
                    stack.push((at, 0, mode, here));
                    t.out.push_str("(?");
                    t.out.push_str(s);
                    t.i = at + 2 + s.len();
                    atom = None;
                    continue;
                }
                if rest.starts_with('(') {
                    // Conditional group: (?(1)yes|no) or (?(name)yes|no).
                    let cond_start = at + 3;
                    let Some(k) = p[cond_start..].iter().position(|c| *c == ')') else {
                        return bad("missing ), unterminated name", cond_start);
                    };
                    let cond: String = p[cond_start..cond_start + k].iter().collect();
                    let g = if let Ok(n) = cond.parse::<usize>() {
                        if n == 0 {
                            return bad("bad group number", cond_start);
                        }
                        n
                    } else if let Some(&(_, g)) = t.names.iter().find(|(n, _)| *n == cond) {
                        g
                    } else if is_ident(&cond) {
                        return bad(format!("unknown group name '{cond}'"), cond_start);
                    } else {
                        return bad(format!("bad character in group name '{cond}'"), cond_start);
                    };
                    if g > t.groups {
                        return bad(format!("invalid group reference {g}"), cond_start);
                    }
                    stack.push((at, 0, mode, here));
                    t.out.push_str(&format!("(?({g})"));
                    t.i = cond_start + k + 1;
                    atom = None;
                    continue;
                }
                // Flags: (?flags) is only allowed at the start; (?flags-flags:...) scopes them.
                let mut j = at + 2;
                let mut on = 0;
                let mut off = 0;
                while let Some(b) = p.get(j).and_then(|c| flag_bit(*c)) {
                    on |= b;
                    j += 1;
                }
                if p.get(j) == Some(&'-') {
                    j += 1;
                    while let Some(b) = p.get(j).and_then(|c| flag_bit(*c)) {
                        off |= b;
                        j += 1;
                    }
                }
                match p.get(j) {
                    Some(')') if j > at + 2 && off == 0 => {
                        return bad("global flags not at the start of the expression", at);
                    }
                    Some(':') if j > at + 2 => {
                        if (on | off) & (ASCII | UNICODE | LOCALE) != 0 {
                            return Err(TransError::Unsupported(
                                "scoped a/u/L flags in a group are not supported by py2rs".into(),
                            ));
                        }
                        stack.push((at, 0, mode, here));
                        let set = |m: &mut bool, bit: i64| {
                            if on & bit != 0 {
                                *m = true;
                            }
                            if off & bit != 0 {
                                *m = false;
                            }
                        };
                        set(&mut mode.multiline, MULTILINE);
                        set(&mut mode.dotall, DOTALL);
                        set(&mut mode.verbose, VERBOSE);
                        t.out.push_str(match (on & IGNORECASE != 0, off & IGNORECASE != 0) {
                            (true, _) => "(?i:",
                            (_, true) => "(?-i:",
                            _ => "(?:",
                        });
                        t.i = j + 1;
                        atom = None;
                        continue;
                    }
                    _ => {}
                }
                let ext: String = p[at + 1..(at + 3).min(p.len())].iter().collect();
                if p.len() <= at + 2 {
                    return bad("unexpected end of pattern", at + 2);
                }
                return bad(format!("unknown extension {ext}"), at + 1);
            }
            c => {
                atom = Some(t.out.len());
                if c == '{' || c == '}' {
                    t.out.push('\\');
                    t.out.push(c);
                } else {
                    push_lit(&mut t.out, c);
                }
                t.i += 1;
            }
        }
    }
    if let Some((open, ..)) = stack.last() {
        return bad("missing ), unterminated subpattern", *open);
    }
    Ok(Translated { regex: t.out, flags, groups: t.groups, names: t.names, parents: t.parents })
}

// ------------------------------------------------------------- positions

/// A subject string with code point <-> byte offset conversion.
struct Text {
    s: PyStr,
    /// Byte offset of every code point, plus the length (non-ASCII only).
    offsets: OnceCell<Vec<usize>>,
}

impl Text {
    fn new(s: PyStr) -> Text {
        Text { s, offsets: OnceCell::new() }
    }

    fn offsets(&self) -> &Vec<usize> {
        self.offsets.get_or_init(|| {
            let mut v: Vec<usize> = self.s.char_indices().map(|(b, _)| b).collect();
            v.push(self.s.len());
            v
        })
    }

    fn to_byte(&self, ci: usize) -> usize {
        if self.s.is_ascii() { ci.min(self.s.len()) } else { self.offsets()[ci.min(self.s.char_len())] }
    }

    fn to_char(&self, b: usize) -> usize {
        if self.s.is_ascii() {
            b
        } else {
            match self.offsets().binary_search(&b) {
                Ok(i) | Err(i) => i,
            }
        }
    }

    fn next_byte(&self, b: usize) -> usize {
        b + self.s[b..].chars().next().map_or(1, |c| c.len_utf8())
    }
}

// --------------------------------------------------------------- patterns

pub struct Pattern {
    source: Value,
    flags: i64,
    groups: usize,
    names: Vec<(String, usize)>,
    parents: Vec<usize>,
    re: Regex,
    full: OnceCell<Option<Regex>>,
    nonempty: OnceCell<Option<Regex>>,
}

enum Kind {
    Search,
    Match,
    Full,
}

type Spans = Vec<Option<(usize, usize)>>;

fn engine_error(e: fancy_regex::Error) -> PyErr {
    match e {
        fancy_regex::Error::RuntimeError(r) => {
            crate::exc::runtime_error(format!("regular expression engine failed: {r}"))
        }
        fancy_regex::Error::CompileError(c)
            if matches!(
                *c,
                fancy_regex::CompileError::LookBehindNotConst
                    | fancy_regex::CompileError::VariableLookBehindRequiresFeature
            ) =>
        {
            PyErr::new(RE_ERROR.get(), "look-behind requires fixed-width pattern")
        }
        other => PyErr::new(RE_ERROR.get(), format!("{other}")),
    }
}

fn build(regex: &str, not_empty: bool) -> Result<Regex, fancy_regex::Error> {
    RegexBuilder::new(regex).backtrack_limit(50_000_000).find_not_empty(not_empty).build()
}

impl Pattern {
    fn compile(source: &PyStr, flags: i64) -> PyResult<Pattern> {
        let t = translate(source, flags).map_err(|e| match e {
            TransError::Bad(msg, pos) => PyErr::new(RE_ERROR.get(), format!("{msg} at position {pos}")),
            TransError::Unsupported(msg) => crate::exc::not_implemented_error(msg),
        })?;
        let re = build(&t.regex, false).map_err(engine_error)?;
        Ok(Pattern {
            source: Value::Str(source.clone()),
            flags: t.flags,
            groups: t.groups,
            names: t.names,
            parents: t.parents,
            re,
            full: OnceCell::new(),
            nonempty: OnceCell::new(),
        })
    }

    /// One match attempt on `hay` (already cut at endpos) from byte `start`.
    fn exec(&self, hay: &str, start: usize, kind: Kind, not_empty: bool) -> PyResult<Option<Spans>> {
        let re = match (&kind, not_empty) {
            (_, true) => match self.nonempty.get_or_init(|| build(self.re.as_str(), true).ok()) {
                Some(r) => r,
                None => return Ok(None),
            },
            (Kind::Full, _) => {
                match self.full.get_or_init(|| build(&format!("(?:{})\\z", self.re.as_str()), false).ok()) {
                    Some(r) => r,
                    None => return Ok(None),
                }
            }
            _ => &self.re,
        };
        let anchored = !matches!(kind, Kind::Search) || not_empty;
        let input = RegexInput::new(hay).from_pos(start).anchored(anchored);
        let caps = re.captures_input(input).map_err(engine_error)?;
        Ok(caps.map(|c| (0..=self.groups).map(|g| c.get(g).map(|m| (m.start(), m.end()))).collect()))
    }

    /// The next match at or after byte `at` with CPython's rule for empty
    /// matches: after an empty match (`must_advance`), the next match may
    /// not be empty at the same place.
    fn next_match(&self, text: &Text, hay: &str, at: usize, must_advance: bool) -> PyResult<Option<Spans>> {
        if at > hay.len() {
            return Ok(None);
        }
        let m = self.exec(hay, at, Kind::Search, false)?;
        if must_advance
            && let Some(s) = &m
            && s[0] == Some((at, at))
        {
            if let Some(n) = self.exec(hay, at, Kind::Search, true)? {
                return Ok(Some(n));
            }
            if at >= hay.len() {
                return Ok(None);
            }
            return self.exec(hay, text.next_byte(at), Kind::Search, false);
        }
        Ok(m)
    }

    /// Every match from `pos`; `f` returns false to stop.
    fn each(&self, text: &Text, hay: &str, pos: usize, mut f: impl FnMut(Spans) -> PyResult<bool>) -> PyResult<()> {
        let mut at = pos;
        let mut must_advance = false;
        while let Some(s) = self.next_match(text, hay, at, must_advance)? {
            let (a, b) = s[0].unwrap_or((0, 0));
            must_advance = a == b;
            at = b;
            if !f(s)? {
                break;
            }
        }
        Ok(())
    }
}

fn pattern_of(this: &Value) -> &Pattern {
    downcast::<Pattern>(this).expect("a Pattern")
}

fn flags_repr(flags: i64) -> String {
    let names = [
        (IGNORECASE, "re.IGNORECASE"),
        (LOCALE, "re.LOCALE"),
        (MULTILINE, "re.MULTILINE"),
        (DOTALL, "re.DOTALL"),
        (VERBOSE, "re.VERBOSE"),
        (ASCII, "re.ASCII"),
    ];
    names.iter().filter(|(b, _)| flags & b != 0).map(|(_, n)| *n).collect::<Vec<_>>().join("|")
}

impl Native for Pattern {
    fn type_name(&self) -> &'static str {
        "re.Pattern"
    }

    fn class(&self) -> Rc<Class> {
        PATTERN_CLASS.get().clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let src = crate::fmt::repr(&self.source)?;
        let f = flags_repr(self.flags & !UNICODE);
        Ok(if f.is_empty() { format!("re.compile({src})") } else { format!("re.compile({src}, {f})") })
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        let o = downcast::<Pattern>(other)?;
        Some(o.flags == self.flags && crate::fmt::str_(&o.source).ok() == crate::fmt::str_(&self.source).ok())
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "pattern" => self.source.clone(),
            "flags" => Value::Int(self.flags),
            "groups" => Value::Int(self.groups as i64),
            "groupindex" => {
                let d = Dict::new();
                for (n, g) in &self.names {
                    d.set_str(n, Value::Int(*g as i64));
                }
                Value::Dict(Rc::new(d))
            }
            _ => return None,
        }))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "search" | "match" | "fullmatch" | "findall" | "finditer" | "sub" | "subn" | "split")
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let r = match name {
            "search" => method_match(this, Kind::Search, "search", args, kw),
            "match" => method_match(this, Kind::Match, "match", args, kw),
            "fullmatch" => method_match(this, Kind::Full, "fullmatch", args, kw),
            "findall" => bind("findall", args, kw, &["string", "pos", "endpos"], 1)
                .and_then(|a| findall(this, &a[0], Some(&a[1]), Some(&a[2]))),
            "finditer" => bind("finditer", args, kw, &["string", "pos", "endpos"], 1)
                .and_then(|a| finditer(this, &a[0], Some(&a[1]), Some(&a[2]))),
            "sub" => bind("sub", args, kw, &["repl", "string", "count"], 2)
                .and_then(|a| subn(this, &a[0], &a[1], Some(&a[2]), false)),
            "subn" => bind("subn", args, kw, &["repl", "string", "count"], 2)
                .and_then(|a| subn(this, &a[0], &a[1], Some(&a[2]), true)),
            "split" => {
                bind("split", args, kw, &["string", "maxsplit"], 1).and_then(|a| split(this, &a[0], Some(&a[1])))
            }
            _ => return None,
        };
        Some(r)
    }
}

/// Binds positional and keyword arguments to `params`; the first
/// `required` must be present. Missing optional ones are `None`.
fn bind(fname: &str, args: Vec<Value>, kw: Kwargs, params: &[&str], required: usize) -> PyResult<Vec<Value>> {
    Ok(bind_opt(fname, args, kw, params, required)?.into_iter().map(|v| v.unwrap_or(Value::None)).collect())
}

fn bind_opt(
    fname: &str,
    args: Vec<Value>,
    kw: Kwargs,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > params.len() {
        return Err(type_error(format!("{fname}() takes at most {} arguments ({} given)", params.len(), args.len())));
    }
    let mut out: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    out.resize(params.len(), None);
    for (k, v) in kw {
        match params.iter().position(|p| *p == k.as_str()) {
            Some(i) if out[i].is_none() => out[i] = Some(v),
            Some(_) => {
                return Err(type_error(format!("argument for {fname}() given by name ('{k}') and position")));
            }
            None => return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(type_error(format!("{fname}() missing required argument '{p}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

fn subject(v: &Value) -> PyResult<PyStr> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => {
            Err(type_error(format!("expected string or bytes-like object, got '{}'", crate::ops::type_name(other))))
        }
    }
}

fn int_or(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => crate::ops::index_of(v, "int"),
    }
}

/// Clamps `pos`/`endpos` like CPython and returns them as code points.
fn window(s: &PyStr, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = s.char_len() as i64;
    let pos = int_or(pos, 0)?.clamp(0, n);
    let end = int_or(endpos, n)?.clamp(0, n);
    Ok((pos as usize, end.max(pos) as usize))
}

fn method_match(this: &Value, kind: Kind, name: &str, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind(name, args, kw, &["string", "pos", "endpos"], 1)?;
    let pos = (!a[1].is_none()).then_some(&a[1]);
    let endpos = (!a[2].is_none()).then_some(&a[2]);
    do_match(this, kind, &a[0], pos, endpos)
}

fn do_match(this: &Value, kind: Kind, string: &Value, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<Value> {
    let p = pattern_of(this);
    let s = subject(string)?;
    let (pos, end) = window(&s, pos, endpos)?;
    let text = Text::new(s.clone());
    let hay = &s[..text.to_byte(end)];
    Ok(match p.exec(hay, text.to_byte(pos), kind, false)? {
        Some(spans) => make_match(this, &text, spans, pos, end),
        None => Value::None,
    })
}

fn make_match(this: &Value, text: &Text, spans: Spans, pos: usize, endpos: usize) -> Value {
    let spans = spans.into_iter().map(|s| s.map(|(a, b)| (text.to_char(a), text.to_char(b)))).collect();
    Value::native(Match { string: text.s.clone(), pattern: this.clone(), spans, pos, endpos })
}

fn all_matches(
    this: &Value,
    string: &Value,
    pos: Option<&Value>,
    endpos: Option<&Value>,
) -> PyResult<(Text, Vec<Spans>)> {
    let p = pattern_of(this);
    let s = subject(string)?;
    let (pos, end) = window(&s, pos, endpos)?;
    let text = Text::new(s.clone());
    let hay = &s[..text.to_byte(end)];
    let mut all = vec![];
    p.each(&text, hay, text.to_byte(pos), |m| {
        all.push(m);
        Ok(true)
    })?;
    Ok((text, all))
}

fn slice(text: &Text, span: Option<(usize, usize)>) -> Value {
    match span {
        Some((a, b)) => Value::str(&text.s[a..b]),
        None => Value::None,
    }
}

fn findall(this: &Value, string: &Value, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<Value> {
    let groups = pattern_of(this).groups;
    let (text, all) = all_matches(this, string, pos, endpos)?;
    let empty = || Value::str("");
    let items = all
        .into_iter()
        .map(|m| match groups {
            0 => slice(&text, m[0]),
            1 => m[1].map_or_else(empty, |s| slice(&text, Some(s))),
            _ => Value::tuple(m[1..].iter().map(|s| s.map_or_else(empty, |s| slice(&text, Some(s)))).collect()),
        })
        .collect();
    Ok(Value::list(items))
}

fn finditer(this: &Value, string: &Value, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<Value> {
    let s = subject(string)?;
    let (pos, end) = window(&s, pos, endpos)?;
    let text = Text::new(s.clone());
    let this = this.clone();
    let mut at = text.to_byte(pos);
    let end_b = text.to_byte(end);
    let mut must_advance = false;
    let mut done = false;
    Ok(crate::iter::GenExpr::named("callable_iterator", move || {
        if done {
            return Ok(None);
        }
        let p = pattern_of(&this);
        let hay = &text.s[..end_b];
        match p.next_match(&text, hay, at, must_advance)? {
            None => {
                done = true;
                Ok(None)
            }
            Some(m) => {
                let (a, b) = m[0].unwrap_or((0, 0));
                must_advance = a == b;
                at = b;
                Ok(Some(make_match(&this, &text, m, pos, end)))
            }
        }
    }))
}

// -------------------------------------------------------- substitution

enum Piece {
    Lit(String),
    Group(usize),
}

fn parse_template(p: &Pattern, repl: &str) -> PyResult<Vec<Piece>> {
    let cs: Vec<char> = repl.chars().collect();
    let err = |msg: String, pos: usize| PyErr::new(RE_ERROR.get(), format!("{msg} at position {pos}"));
    let mut out = vec![];
    let mut lit = String::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = cs.get(i) else {
            return Err(err("bad escape (end of pattern)".into(), start));
        };
        i += 1;
        let group = |g: usize, lit: &mut String, out: &mut Vec<Piece>| {
            out.push(Piece::Lit(std::mem::take(lit)));
            out.push(Piece::Group(g));
        };
        match e {
            'g' => {
                if cs.get(i) != Some(&'<') {
                    return Err(err("missing <".into(), i));
                }
                let Some(k) = cs[i + 1..].iter().position(|c| *c == '>') else {
                    return Err(err("missing >, unterminated name".into(), i + 1));
                };
                let name: String = cs[i + 1..i + 1 + k].iter().collect();
                if name.is_empty() {
                    return Err(err("missing group name".into(), i + 1));
                }
                let g = if name.chars().all(|c| c.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g > p.groups {
                        return Err(err(format!("invalid group reference {name}"), i + 1));
                    }
                    g
                } else if let Some((_, g)) = p.names.iter().find(|(n, _)| *n == name) {
                    *g
                } else if is_ident(&name) {
                    return Err(index_error(format!("unknown group name '{name}'")));
                } else {
                    return Err(err(format!("bad character in group name '{name}'"), i + 1));
                };
                group(g, &mut lit, &mut out);
                i += k + 2;
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 && cs.get(i).is_some_and(|c| ('0'..='7').contains(c)) {
                    v = v * 8 + cs[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
            }
            '1'..='9' => {
                let oct = |c: Option<&char>| c.is_some_and(|c| ('0'..='7').contains(c));
                if oct(Some(&e)) && oct(cs.get(i)) && oct(cs.get(i + 1)) {
                    let s: String = cs[i - 1..i + 2].iter().collect();
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return Err(err(format!("octal escape value \\{s} outside of range 0-0o377"), start));
                    }
                    lit.push(char::from_u32(v).unwrap_or('\0'));
                    i += 2;
                    continue;
                }
                let mut g = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                    g = g * 10 + d as usize;
                    i += 1;
                }
                if g > p.groups {
                    return Err(err(format!("invalid group reference {g}"), start + 1));
                }
                group(g, &mut lit, &mut out);
            }
            'n' => lit.push('\n'),
            't' => lit.push('\t'),
            'r' => lit.push('\r'),
            'a' => lit.push('\x07'),
            'b' => lit.push('\x08'),
            'f' => lit.push('\x0c'),
            'v' => lit.push('\x0b'),
            '\\' => lit.push('\\'),
            e if e.is_ascii_alphabetic() => return Err(err(format!("bad escape \\{e}"), start)),
            e => {
                lit.push('\\');
                lit.push(e);
            }
        }
    }
    out.push(Piece::Lit(lit));
    Ok(out)
}

fn subn(this: &Value, repl: &Value, string: &Value, count: Option<&Value>, with_count: bool) -> PyResult<Value> {
    let p = pattern_of(this);
    let s = subject(string)?;
    let count = int_or(count, 0)?;
    let template = match repl {
        Value::Str(r) if r.contains('\\') => Some(parse_template(p, r)?),
        Value::Str(r) => Some(vec![Piece::Lit(r.to_string())]),
        _ => None,
    };
    let text = Text::new(s.clone());
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0i64;
    let mut items = 0;
    p.each(&text, &s, 0, |m| {
        let (a, b) = m[0].unwrap_or((0, 0));
        out.push_str(&s[last..a]);
        items += (a > last) as usize;
        match &template {
            Some(t) => {
                for piece in t {
                    match piece {
                        Piece::Lit(l) => out.push_str(l),
                        Piece::Group(g) => {
                            if let Some((x, y)) = m[*g] {
                                out.push_str(&s[x..y]);
                            }
                        }
                    }
                }
            }
            None => {
                let mv = make_match(this, &text, m, 0, s.char_len());
                match call(repl, vec![mv], vec![])? {
                    Value::Str(r) => {
                        out.push_str(&r);
                        items += 1;
                    }
                    other => {
                        return Err(type_error(format!(
                            "sequence item {items}: expected str instance, {} found",
                            crate::ops::type_name(&other)
                        )));
                    }
                }
            }
        }
        last = b;
        n += 1;
        Ok(count <= 0 || n < count)
    })?;
    out.push_str(&s[last..]);
    let result = Value::str(out);
    Ok(if with_count { Value::tuple_of([result, Value::Int(n)]) } else { result })
}

fn split(this: &Value, string: &Value, maxsplit: Option<&Value>) -> PyResult<Value> {
    let p = pattern_of(this);
    let s = subject(string)?;
    let maxsplit = int_or(maxsplit, 0)?;
    let text = Text::new(s.clone());
    let mut items = vec![];
    let mut last = 0;
    let mut n = 0i64;
    if maxsplit >= 0 {
        p.each(&text, &s, 0, |m| {
            let (a, b) = m[0].unwrap_or((0, 0));
            items.push(Value::str(&s[last..a]));
            for g in &m[1..] {
                items.push(slice(&text, *g));
            }
            last = b;
            n += 1;
            Ok(maxsplit == 0 || n < maxsplit)
        })?;
    }
    items.push(Value::str(&s[last..]));
    Ok(Value::list(items))
}

// ----------------------------------------------------------------- match

pub struct Match {
    string: PyStr,
    pattern: Value,
    /// Code point spans per group (0 is the whole match).
    spans: Vec<Option<(usize, usize)>>,
    pos: usize,
    endpos: usize,
}

impl Match {
    fn pat(&self) -> &Pattern {
        pattern_of(&self.pattern)
    }

    fn index(&self, g: &Value) -> PyResult<usize> {
        let n = match g {
            Value::Str(name) => match self.pat().names.iter().find(|(n, _)| *n == name.as_str()) {
                Some((_, i)) => *i as i64,
                None => return Err(index_error("no such group")),
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => crate::ops::index_of(g, "group").unwrap_or(-1),
            _ => return Err(index_error("no such group")),
        };
        if n < 0 || n as usize >= self.spans.len() {
            return Err(index_error("no such group"));
        }
        Ok(n as usize)
    }

    fn text(&self, g: usize) -> Value {
        self.text_or(g, Value::None)
    }

    fn text_or(&self, g: usize, default: Value) -> Value {
        match self.spans[g] {
            Some((a, b)) => {
                if self.string.is_ascii() {
                    Value::str(&self.string[a..b])
                } else {
                    Value::str(self.string.chars().skip(a).take(b - a).collect::<String>())
                }
            }
            None => default,
        }
    }

    fn span(&self, args: &[Value]) -> PyResult<(i64, i64)> {
        let g = match args.first() {
            Some(v) => self.index(v)?,
            None => 0,
        };
        Ok(self.spans[g].map_or((-1, -1), |(a, b)| (a as i64, b as i64)))
    }

    fn lastindex(&self) -> Option<usize> {
        let parents = &self.pat().parents;
        let is_ancestor = |a: usize, mut b: usize| {
            while b != 0 {
                b = parents[b - 1];
                if b == a {
                    return true;
                }
            }
            false
        };
        let max_end = self.spans[1..].iter().flatten().map(|s| s.1).max()?;
        let mut best: Option<usize> = None;
        for g in 1..self.spans.len() {
            if self.spans[g].map(|s| s.1) != Some(max_end) {
                continue;
            }
            best = Some(match best {
                None => g,
                Some(b) if is_ancestor(g, b) || (!is_ancestor(b, g) && g > b) => g,
                Some(b) => b,
            });
        }
        best
    }
}

impl Native for Match {
    fn type_name(&self) -> &'static str {
        "re.Match"
    }

    fn class(&self) -> Rc<Class> {
        MATCH_CLASS.get().clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let (a, b) = self.spans[0].unwrap_or((0, 0));
        Ok(format!("<re.Match object; span=({a}, {b}), match={}>", crate::fmt::repr(&self.text(0))?))
    }

    fn getitem(&self, _this: &Value, key: &Value) -> Option<PyResult<Value>> {
        Some(self.index(key).map(|g| self.text(g)))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "string" => Value::Str(self.string.clone()),
            "re" => self.pattern.clone(),
            "pos" => Value::Int(self.pos as i64),
            "endpos" => Value::Int(self.endpos as i64),
            "lastindex" => self.lastindex().map_or(Value::None, |g| Value::Int(g as i64)),
            "lastgroup" => {
                let li = self.lastindex();
                match self.pat().names.iter().find(|(_, g)| Some(*g) == li) {
                    Some((n, _)) => Value::str(n.as_str()),
                    None => Value::None,
                }
            }
            "regs" => Value::tuple(
                self.spans
                    .iter()
                    .map(|s| {
                        let (a, b) = s.map_or((-1, -1), |(a, b)| (a as i64, b as i64));
                        Value::tuple_of([Value::Int(a), Value::Int(b)])
                    })
                    .collect(),
            ),
            _ => return None,
        }))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "group" | "groups" | "groupdict" | "start" | "end" | "span" | "expand")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, kw: Kwargs) -> Option<PyResult<Value>> {
        let r = (|| match name {
            "group" => {
                if !kw.is_empty() {
                    return Err(type_error("group() takes no keyword arguments"));
                }
                match args.len() {
                    0 => Ok(self.text(0)),
                    1 => Ok(self.text(self.index(&args[0])?)),
                    _ => {
                        let items =
                            args.iter().map(|a| self.index(a).map(|g| self.text(g))).collect::<PyResult<_>>()?;
                        Ok(Value::tuple(items))
                    }
                }
            }
            "groups" => {
                let a = bind("groups", args, kw, &["default"], 0)?;
                let d = a[0].clone();
                Ok(Value::tuple((1..self.spans.len()).map(|g| self.text_or(g, d.clone())).collect()))
            }
            "groupdict" => {
                let a = bind("groupdict", args, kw, &["default"], 0)?;
                let d = Dict::new();
                for (n, g) in &self.pat().names {
                    d.set_str(n, self.text_or(*g, a[0].clone()));
                }
                Ok(Value::Dict(Rc::new(d)))
            }
            "start" => Ok(Value::Int(self.span(&args)?.0)),
            "end" => Ok(Value::Int(self.span(&args)?.1)),
            "span" => {
                let (a, b) = self.span(&args)?;
                Ok(Value::tuple_of([Value::Int(a), Value::Int(b)]))
            }
            "expand" => {
                let Some(Value::Str(t)) = args.first() else {
                    return Err(type_error("expand() argument must be str"));
                };
                let pieces = parse_template(self.pat(), t)?;
                let mut out = String::new();
                for piece in pieces {
                    match piece {
                        Piece::Lit(l) => out.push_str(&l),
                        Piece::Group(g) => {
                            if let Value::Str(s) = self.text(g) {
                                out.push_str(&s);
                            }
                        }
                    }
                }
                Ok(Value::str(out))
            }
            _ => Err(type_error("unknown method")),
        })();
        Some(r)
    }
}

// ---------------------------------------------------------------- module

static CACHE: GilCell<Option<HashMap<(String, i64), Value>>> = GilCell::new(None);

fn compiled(pattern: &Value, flags: Option<&Value>) -> PyResult<Value> {
    let flags = int_or(flags, 0)?;
    match pattern {
        Value::Str(s) => {
            let key = (s.to_string(), flags);
            if let Some(v) = CACHE.with(|c| c.as_ref().and_then(|c| c.get(&key).cloned())) {
                return Ok(v);
            }
            let v = Value::native(Pattern::compile(s, flags)?);
            let mut cache = CACHE.replace(None).unwrap_or_default();
            if cache.len() >= 512 {
                cache.clear();
            }
            cache.insert(key, v.clone());
            CACHE.replace(Some(cache));
            Ok(v)
        }
        v if downcast::<Pattern>(v).is_some() => {
            if flags != 0 {
                return Err(value_error("cannot process flags argument with a compiled pattern"));
            }
            Ok(v.clone())
        }
        _ => Err(type_error("first argument must be string or compiled pattern")),
    }
}

fn re_compile(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind_opt("compile", args, kw, &["pattern", "flags"], 1)?;
    compiled(a[0].as_ref().unwrap_or(&Value::None), a[1].as_ref())
}

macro_rules! matcher {
    ($fname:ident, $kind:expr, $name:literal) => {
        fn $fname(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
            let a = bind($name, args, kw, &["pattern", "string", "flags"], 2)?;
            let p = compiled(&a[0], Some(&a[2]))?;
            do_match(&p, $kind, &a[1], None, None)
        }
    };
}

matcher!(re_search, Kind::Search, "search");
matcher!(re_match, Kind::Match, "match");
matcher!(re_fullmatch, Kind::Full, "fullmatch");

fn re_findall(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("findall", args, kw, &["pattern", "string", "flags"], 2)?;
    findall(&compiled(&a[0], Some(&a[2]))?, &a[1], None, None)
}

fn re_finditer(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("finditer", args, kw, &["pattern", "string", "flags"], 2)?;
    finditer(&compiled(&a[0], Some(&a[2]))?, &a[1], None, None)
}

fn re_sub(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("sub", args, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
    subn(&compiled(&a[0], Some(&a[4]))?, &a[1], &a[2], Some(&a[3]), false)
}

fn re_subn(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("subn", args, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
    subn(&compiled(&a[0], Some(&a[4]))?, &a[1], &a[2], Some(&a[3]), true)
}

fn re_split(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("split", args, kw, &["pattern", "string", "maxsplit", "flags"], 2)?;
    split(&compiled(&a[0], Some(&a[3]))?, &a[1], Some(&a[2]))
}

/// `re.escape`: CPython escapes every character outside `[A-Za-z0-9_]`
/// that is special or whitespace, and leaves other non-ASCII text alone.
pub fn escape_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn re_escape(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let a = bind("escape", args, kw, &["pattern"], 1)?;
    Ok(Value::str(escape_str(&subject(&a[0])?)))
}

fn re_purge(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    CACHE.replace(None);
    Ok(Value::None)
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("compile", re_compile),
        ("search", re_search),
        ("match", re_match),
        ("fullmatch", re_fullmatch),
        ("findall", re_findall),
        ("finditer", re_finditer),
        ("sub", re_sub),
        ("subn", re_subn),
        ("split", re_split),
        ("escape", re_escape),
        ("purge", re_purge),
    ];
    for (name, f) in fns {
        d.set_str(name, Value::native(BuiltinFunction { name, f: *f }));
    }
    // The flags are members of `re.RegexFlag`, in CPython's order (which
    // orders the names of combined flags).
    let members = [
        ("NOFLAG", 0),
        ("ASCII", ASCII),
        ("A", ASCII),
        ("IGNORECASE", IGNORECASE),
        ("I", IGNORECASE),
        ("LOCALE", LOCALE),
        ("L", LOCALE),
        ("UNICODE", UNICODE),
        ("U", UNICODE),
        ("MULTILINE", MULTILINE),
        ("M", MULTILINE),
        ("DOTALL", DOTALL),
        ("S", DOTALL),
        ("VERBOSE", VERBOSE),
        ("X", VERBOSE),
        ("TEMPLATE", 1),
        ("T", 1),
        ("DEBUG", 128),
    ];
    match crate::enum_mod::regex_flag(&members) {
        Ok(cls) => {
            for (name, v) in members {
                let member = crate::attr::getattr(&cls, name).unwrap_or(Value::Int(v));
                d.set_str(name, member);
            }
            d.set_str("RegexFlag", cls);
        }
        Err(_) => {
            for (name, v) in members {
                d.set_str(name, Value::Int(v));
            }
        }
    }
    d.set_str("error", Value::Class(RE_ERROR.get().clone()));
    d.set_str("Pattern", Value::Class(PATTERN_CLASS.get().clone()));
    d.set_str("Match", Value::Class(MATCH_CLASS.get().clone()));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(p: &str) -> String {
        translate(p, 0).map(|t| t.regex).unwrap_or_else(|e| format!("ERR {e:?}"))
    }

    fn err(p: &str) -> (String, usize) {
        match translate(p, 0) {
            Err(TransError::Bad(m, pos)) => (m, pos),
            other => panic!("expected an error for {p}: {other:?}"),
        }
    }

    #[test]
    fn anchors_and_dollar() {
        assert_eq!(tr("a$"), "a(?=\\n?\\z)");
        assert_eq!(tr("(?m)^a$"), "(?m:^)a(?m:$)");
        assert_eq!(tr("^a\\Z"), "\\Aa\\z");
    }

    #[test]
    fn groups_and_backrefs() {
        let t = translate("(?P<x>a)(?P=x)(b)\\2", 0).unwrap();
        assert_eq!(t.regex, "(?P<x>a)(?:\\1)(b)(?:\\2)");
        assert_eq!(t.groups, 2);
        assert_eq!(t.names, vec![("x".to_string(), 1)]);
        let t = translate("((a)b)(c)", 0).unwrap();
        assert_eq!(t.parents, vec![0, 1, 0]);
    }

    #[test]
    fn braces_classes_and_literals() {
        assert_eq!(tr("a{,2}"), "a{0,2}");
        assert_eq!(tr("a{2}b{1,}"), "a{2}b{1,}");
        assert_eq!(tr("{x}"), "\\{x\\}");
        assert_eq!(tr("[]a[&]"), "[\\]a\\[\\&]");
        assert_eq!(tr("a.b-c"), "a.b\\x{2D}c");
        assert_eq!(tr("\\.\\<"), "\\x{2E}\\x{3C}");
        assert_eq!(tr("a*+"), "(?>a*)");
        assert_eq!(tr("\\x41\\n\\0"), "A\\x{A}\\x{0}");
    }

    #[test]
    fn flags() {
        assert_eq!(translate("(?i)a", 0).unwrap().flags, IGNORECASE | UNICODE);
        assert_eq!(translate("a", ASCII).unwrap().flags, ASCII);
        assert_eq!(translate("\\d", ASCII).unwrap().regex, "[0-9]");
        assert_eq!(translate("a b # c\n d", VERBOSE).unwrap().regex, "abd");
        assert_eq!(translate(".", DOTALL).unwrap().regex, "(?s:.)");
        assert_eq!(tr("(?s:.)."), "(?:(?s:.)).");
    }

    #[test]
    fn errors_like_cpython() {
        assert_eq!(err("(a"), ("missing ), unterminated subpattern".into(), 0));
        assert_eq!(err("a)"), ("unbalanced parenthesis".into(), 1));
        assert_eq!(err("*a"), ("nothing to repeat".into(), 0));
        assert_eq!(err("a**"), ("multiple repeat".into(), 2));
        assert_eq!(err("[a"), ("unterminated character set".into(), 0));
        assert_eq!(err("\\q"), ("bad escape \\q".into(), 0));
        assert_eq!(err("a{2,1}"), ("min repeat greater than max repeat".into(), 2));
        assert_eq!(err("(?P<1>a)"), ("bad character in group name '1'".into(), 4));
        assert_eq!(err("(?P=x)"), ("unknown group name 'x'".into(), 4));
        assert_eq!(err("a(?i)b"), ("global flags not at the start of the expression".into(), 1));
        assert_eq!(err("(a)\\2"), ("invalid group reference 2".into(), 4));
    }

    #[test]
    fn engine_accepts_translations() {
        for p in ["a$", "(?m)^a$", "[\\d\\s]", "\\.\\<", "(?P<x>a)(?P=x)", "a*+", "(?<=a)b", "(a)?(?(1)b|c)", "\\bx\\b"]
        {
            let t = translate(p, 0).unwrap();
            assert!(build(&t.regex, false).is_ok(), "{p} -> {}", t.regex);
        }
        let t = translate("\\bx", ASCII).unwrap();
        assert!(build(&t.regex, false).is_ok(), "{}", t.regex);
    }

    #[test]
    fn escape_like_cpython() {
        assert_eq!(escape_str("a.b c-d_é\n"), "a\\.b\\ c\\-d_é\\\n");
    }
}

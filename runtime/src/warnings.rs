//! Warnings as CPython's default filters show them for a one-file program:
//! `file:line: Category: message`, then the source line, stripped. The
//! program is `__main__`, so its DeprecationWarnings are shown too, each
//! once per line (the "default" action).

use std::cell::RefCell;
use std::collections::HashSet;

/// A warning CPython printed as it compiled the program, printed as the
/// program starts.
pub fn syntax_warning(file: &str, line: u32, message: &str, source: &str) {
    crate::io::write_stderr(&format_warning(file, line, "SyntaxWarning", message, source));
}

/// Where a warning may be raised: its line and the source line's text.
pub struct Location {
    pub line: u32,
    pub source: &'static str,
}

#[macro_export]
macro_rules! location {
    ($line:expr, $source:expr) => {{
        static LOCATION: $crate::warnings::Location = $crate::warnings::Location { line: $line, source: $source };
        &LOCATION
    }};
}

thread_local! {
    /// The (line, message) pairs already shown.
    static SHOWN: RefCell<HashSet<(u32, String)>> = RefCell::new(HashSet::new());
}

/// A DeprecationWarning raised at `at`, unless this line has shown it.
#[cold]
pub fn deprecation(at: &Location, message: &str) {
    if first_time(at, message) {
        let file = crate::builtins::main_file();
        crate::io::write_stderr(&format_warning(&file, at.line, "DeprecationWarning", message, at.source));
    }
}

/// The RuntimeWarning for a coroutine dropped without ever running: at
/// the line that dropped it when the program knows it, else with no
/// Python location (CPython's `sys:1`).
#[cold]
pub fn never_awaited(qualname: &str, at: Option<&Location>) {
    let message = format!("coroutine '{qualname}' was never awaited");
    let mut text = match at {
        Some(at) if !first_time(at, &message) => return,
        Some(at) => format_warning(&crate::builtins::main_file(), at.line, "RuntimeWarning", &message, at.source),
        None => format!("sys:1: RuntimeWarning: {message}\n"),
    };
    text.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    crate::io::write_stderr(&text);
}

/// Whether `message` is new at `at` (the "default" action shows each once
/// per line).
fn first_time(at: &Location, message: &str) -> bool {
    // As the thread ends, its locals may already be gone: then show it.
    SHOWN.try_with(|s| s.borrow_mut().insert((at.line, message.to_string()))).unwrap_or(true)
}

fn format_warning(file: &str, line: u32, category: &str, message: &str, source: &str) -> String {
    let mut text = format!("{file}:{line}: {category}: {message}\n");
    if !source.is_empty() {
        text.push_str(&format!("  {source}\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_shows_its_source_line_unless_it_is_blank() {
        assert_eq!(format_warning("p.py", 3, "SyntaxWarning", "m", "x = 1"), "p.py:3: SyntaxWarning: m\n  x = 1\n");
        assert_eq!(format_warning("p.py", 3, "SyntaxWarning", "m", ""), "p.py:3: SyntaxWarning: m\n");
    }

    #[test]
    fn a_deprecation_is_shown_once_per_line() {
        let at = Location { line: 7, source: "y = ~b" };
        assert!(SHOWN.with(|s| !s.borrow().contains(&(7, "m".to_string()))));
        deprecation(&at, "m");
        assert!(SHOWN.with(|s| s.borrow().contains(&(7, "m".to_string()))));
        // A second time at the same line adds nothing.
        deprecation(&at, "m");
        assert_eq!(SHOWN.with(|s| s.borrow().len()), 1);
    }
}

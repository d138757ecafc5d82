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
    static SHOWN: RefCell<HashSet<(u32, &'static str)>> = RefCell::new(HashSet::new());
}

/// A DeprecationWarning raised at `at`, unless this line has shown it.
#[cold]
pub fn deprecation(at: &Location, message: &'static str) {
    if SHOWN.with(|s| s.borrow_mut().insert((at.line, message))) {
        let file = crate::builtins::main_file();
        crate::io::write_stderr(&format_warning(&file, at.line, "DeprecationWarning", message, at.source));
    }
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
        assert!(SHOWN.with(|s| !s.borrow().contains(&(7, "m"))));
        deprecation(&at, "m");
        assert!(SHOWN.with(|s| s.borrow().contains(&(7, "m"))));
        // A second time at the same line adds nothing.
        deprecation(&at, "m");
        assert_eq!(SHOWN.with(|s| s.borrow().len()), 1);
    }
}

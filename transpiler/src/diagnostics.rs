//! Diagnostics: a message at a byte span of the source, rendered as
//! `file:line:col: error: message` with the source line and a caret.

use std::fmt::Write as _;

/// Something the transpiler refuses, at a byte range of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(start: usize, end: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic { start, end, message: message.into() }
    }

    /// A construct py2rs does not translate yet, named as the user wrote it.
    pub fn unsupported(start: usize, end: usize, what: impl AsRef<str>) -> Diagnostic {
        Diagnostic::new(start, end, format!("unsupported: {}", what.as_ref()))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Renders diagnostics the way compilers print them.
pub fn render(file: &str, source: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let (line, col) = line_col(source, d.start);
        let _ = writeln!(out, "{file}:{line}:{col}: error: {}", d.message);
        if let Some(text) = source.lines().nth(line - 1) {
            let _ = writeln!(out, "    {text}");
            let pad: String = text.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let _ = writeln!(out, "    {pad}^");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "x = 1\ny = 'é' + z\n";
        assert_eq!(line_col(src, 0), (1, 1));
        let z = src.find('z').unwrap();
        assert_eq!(line_col(src, z), (2, 11));
    }

    #[test]
    fn render_shows_caret_under_column() {
        let src = "a = 1\nasync def f(): pass\n";
        let d = Diagnostic::unsupported(6, 11, "async function");
        let text = render("p.py", src, &[d]);
        assert_eq!(text, "p.py:2:1: error: unsupported: async function\n    async def f(): pass\n    ^\n");
    }
}

//! Standard streams: a buffered stdout (flushed at exit, on `flush=True`
//! and before reading stdin, as CPython's is when not a terminal) and
//! unbuffered stderr.

use std::io::{BufWriter, Read, Write};

use crate::gil::GilCell;

static STDOUT: GilCell<Option<BufWriter<std::io::Stdout>>> = GilCell::new(None);

fn with_stdout<R>(f: impl FnOnce(&mut BufWriter<std::io::Stdout>) -> R) -> R {
    let mut out = STDOUT.replace(None).unwrap_or_else(|| BufWriter::with_capacity(1 << 16, std::io::stdout()));
    let r = f(&mut out);
    STDOUT.replace(Some(out));
    r
}

pub fn write_stdout(text: &str) {
    with_stdout(|w| {
        // A closed pipe is not this program's failure to report.
        let _ = w.write_all(text.as_bytes());
    });
}

pub fn flush_stdout() {
    with_stdout(|w| {
        let _ = w.flush();
    });
}

pub fn write_stderr(text: &str) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(text.as_bytes());
    let _ = e.flush();
}

/// One line from stdin without its newline; `None` at end of input.
pub fn read_line() -> Option<String> {
    flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Some(line)
        }
    }
}

/// All remaining stdin.
pub fn read_all() -> String {
    flush_stdout();
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    s
}

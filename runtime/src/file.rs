//! `open()` and file objects: text files (whole text decoded with the
//! `encoding`, UTF-8 by default, universal newlines) and binary files
//! (`"rb"`, `"wb"`, `"ab"`: `bytes` in and out); writing is buffered and
//! flushed on close or when the object dies; iteration by lines; use as a
//! context manager. Read-write modes (`"+"`) are refused at run time.

use std::cell::RefCell;
use std::io::Write;

use crate::exc::{PyErr, PyResult, type_error, value_error};
use crate::func::Kwargs;
use crate::iter::PyIter;
use crate::native::Native;
use crate::types::types;
use crate::value::Value;

enum Mode {
    Read { text: Vec<char>, pos: usize },
    ReadBytes { data: Vec<u8>, pos: usize },
    Write(Option<std::io::BufWriter<std::fs::File>>),
    Closed,
}

pub struct File {
    name: String,
    mode: String,
    binary: bool,
    encoding: String,
    errors: String,
    state: RefCell<Mode>,
}

/// The `OSError` subclass CPython raises for a (Linux) errno.
pub fn errno_class(errno: i64) -> &'static str {
    match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => "OSError",
    }
}

/// The `OSError` subclass and message CPython raises for `err` on `path`.
pub fn os_error(err: &std::io::Error, path: &str) -> PyErr {
    let t = types();
    let (errno, text) = match err.raw_os_error() {
        // The system's message, as CPython's strerror() gives it, without
        // Rust's " (os error N)".
        Some(n) => {
            let shown = err.to_string();
            let suffix = format!(" (os error {n})");
            (i64::from(n), shown.strip_suffix(&suffix).unwrap_or(&shown).to_string())
        }
        // An error the runtime made itself, by kind.
        None => {
            let (n, text) = match err.kind() {
                std::io::ErrorKind::NotFound => (2, "No such file or directory"),
                std::io::ErrorKind::PermissionDenied => (13, "Permission denied"),
                std::io::ErrorKind::AlreadyExists => (17, "File exists"),
                std::io::ErrorKind::IsADirectory => (21, "Is a directory"),
                std::io::ErrorKind::NotADirectory => (20, "Not a directory"),
                _ => (5, "Input/output error"),
            };
            (n, text.to_string())
        }
    };
    // `OSError(errno, strerror, filename)`, which picks the subclass.
    let args = [Value::Int(errno), Value::str(text.as_str()), Value::str(path)];
    PyErr::from_instance(crate::classes::os_error_new(&t.os_error, &args))
}

/// `open(file, mode='r', encoding=None, ...)`.
pub fn open(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let mut path = it.next();
    let mut mode = it.next();
    let _buffering = it.next();
    let mut encoding = it.next();
    let mut errors = it.next();
    for (k, v) in kwargs {
        match k.as_str() {
            "file" => path = Some(v),
            "mode" => mode = Some(v),
            "encoding" => encoding = Some(v),
            "errors" => errors = Some(v),
            "newline" | "buffering" => {}
            other => return Err(type_error(format!("'{other}' is an invalid keyword argument for open()"))),
        }
    }
    let path = match path {
        Some(p) => crate::os_mod::fspath(&p)?,
        None => return Err(type_error("open() missing required argument 'file' (pos 1)")),
    };
    let mode = match mode {
        Some(m) => crate::fmt::str_(&m)?,
        None => "r".to_string(),
    };
    if mode.contains('+') {
        return Err(crate::exc::not_implemented_error("py2rs: read-write file modes ('+') are not supported"));
    }
    let binary = mode.contains('b');
    let text_opt = |v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(s.to_string())),
            Some(o) => Err(type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                crate::ops::type_name(&o)
            ))),
        }
    };
    let encoding = text_opt(encoding, "encoding")?;
    let errors = text_opt(errors, "errors")?;
    if binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    let encoding = encoding.unwrap_or_else(|| "utf-8".to_string());
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    let state = if mode.contains('w') || mode.contains('a') || mode.contains('x') {
        let mut o = std::fs::OpenOptions::new();
        if mode.contains('a') {
            o.append(true).create(true);
        } else if mode.contains('x') {
            o.write(true).create_new(true);
        } else {
            o.write(true).create(true).truncate(true);
        }
        let f = o.open(&path).map_err(|e| os_error(&e, &path))?;
        Mode::Write(Some(std::io::BufWriter::new(f)))
    } else if mode.contains('r') || mode.is_empty() {
        let raw = std::fs::read(&path).map_err(|e| os_error(&e, &path))?;
        if binary {
            Mode::ReadBytes { data: raw, pos: 0 }
        } else {
            let s = crate::bytes::decode(&raw, &encoding, &errors)?;
            // Universal newlines: \r\n and \r read as \n.
            let s = s.replace("\r\n", "\n").replace('\r', "\n");
            Mode::Read { text: s.chars().collect(), pos: 0 }
        }
    } else {
        return Err(value_error(format!("invalid mode: '{mode}'")));
    };
    Ok(Value::native(File { name: path, mode, binary, encoding, errors, state: RefCell::new(state) }))
}

impl File {
    fn closed_error(&self, write: bool) -> PyErr {
        value_error(match (self.binary, write) {
            (false, _) => "I/O operation on closed file.",
            (true, false) => "read of closed file",
            (true, true) => "write to closed file",
        })
    }

    fn not_readable(&self) -> PyErr {
        unsupported_op(if self.binary { "read" } else { "not readable" })
    }

    fn not_writable(&self) -> PyErr {
        unsupported_op(if self.binary { "write" } else { "not writable" })
    }

    fn read(&self, n: Option<i64>) -> PyResult<Value> {
        match &mut *self.state.borrow_mut() {
            Mode::Read { text, pos } => {
                let end = match n {
                    Some(n) if n >= 0 => (*pos + n as usize).min(text.len()),
                    _ => text.len(),
                };
                let s: String = text[*pos..end].iter().collect();
                *pos = end;
                Ok(Value::str(s))
            }
            Mode::ReadBytes { data, pos } => {
                let end = match n {
                    Some(n) if n >= 0 => (*pos).saturating_add(n as usize).min(data.len()),
                    _ => data.len(),
                };
                let start = (*pos).min(end);
                *pos = end;
                Ok(crate::bytes::new_bytes(data[start..end].to_vec()))
            }
            Mode::Write(_) => Err(self.not_readable()),
            Mode::Closed => Err(self.closed_error(false)),
        }
    }

    /// The next line (`str` or `bytes`), `None` at end of file.
    fn readline(&self) -> PyResult<Option<Value>> {
        match &mut *self.state.borrow_mut() {
            Mode::Read { text, pos } => {
                if *pos >= text.len() {
                    return Ok(None);
                }
                let start = *pos;
                let end = text[start..].iter().position(|c| *c == '\n').map_or(text.len(), |i| start + i + 1);
                *pos = end;
                Ok(Some(Value::str(text[start..end].iter().collect::<String>())))
            }
            Mode::ReadBytes { data, pos } => {
                if *pos >= data.len() {
                    return Ok(None);
                }
                let start = *pos;
                let end = data[start..].iter().position(|c| *c == b'\n').map_or(data.len(), |i| start + i + 1);
                *pos = end;
                Ok(Some(crate::bytes::new_bytes(data[start..end].to_vec())))
            }
            Mode::Write(_) => Err(self.not_readable()),
            Mode::Closed => Err(self.closed_error(false)),
        }
    }

    fn empty(&self) -> Value {
        if self.binary { crate::bytes::new_bytes(Vec::new()) } else { Value::str("") }
    }

    /// `write(x)`: a str in text mode (encoded), a bytes-like object in
    /// binary mode; returns the count of characters or bytes.
    fn write(&self, x: &Value) -> PyResult<usize> {
        let (raw, count) = if self.binary {
            match crate::bytes::as_bytes(x) {
                Some(b) => {
                    let n = b.len();
                    (b, n)
                }
                None => {
                    return Err(type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        crate::ops::type_name(x)
                    )));
                }
            }
        } else {
            match x {
                Value::Str(s) => (crate::bytes::encode(s, &self.encoding, &self.errors)?, s.char_len()),
                other => {
                    return Err(type_error(format!(
                        "write() argument must be str, not {}",
                        crate::ops::type_name(other)
                    )));
                }
            }
        };
        match &mut *self.state.borrow_mut() {
            Mode::Write(Some(w)) => {
                w.write_all(&raw).map_err(|e| os_error(&e, &self.name))?;
                Ok(count)
            }
            Mode::Write(None) | Mode::Closed => Err(self.closed_error(true)),
            Mode::Read { .. } | Mode::ReadBytes { .. } => Err(self.not_writable()),
        }
    }

    fn close(&self) -> PyResult<()> {
        let old = std::mem::replace(&mut *self.state.borrow_mut(), Mode::Closed);
        if let Mode::Write(Some(mut w)) = old {
            w.flush().map_err(|e| os_error(&e, &self.name))?;
        }
        Ok(())
    }
}

impl File {
    /// The encoding as `TextIOWrapper.encoding` shows it.
    fn shown_encoding(&self) -> String {
        if self.encoding == "utf-8" { "UTF-8".to_string() } else { self.encoding.clone() }
    }
}

static UNSUPPORTED_OPERATION: crate::gil::Lazy<std::rc::Rc<crate::class::Class>> = crate::gil::Lazy::new(|| {
    let t = types();
    crate::types::new_class_in(
        "io",
        "UnsupportedOperation",
        &[t.os_error.clone(), t.value_error.clone()],
        crate::class::Layout::Exception,
    )
});

/// `io.UnsupportedOperation` (an `OSError` and a `ValueError`).
fn ops_index(v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) => crate::ops::index_of(v, "seek"),
    }
}

fn unsupported_op(msg: &str) -> PyErr {
    PyErr::new(UNSUPPORTED_OPERATION.get(), msg)
}

impl Drop for File {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

impl Native for File {
    fn type_name(&self) -> &'static str {
        match (self.binary, self.mode.contains('r')) {
            (false, _) => "_io.TextIOWrapper",
            (true, true) => "_io.BufferedReader",
            (true, false) => "_io.BufferedWriter",
        }
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        if self.binary {
            return Ok(format!("<{} name='{}'>", self.type_name(), self.name));
        }
        Ok(format!(
            "<_io.TextIOWrapper name='{}' mode='{}' encoding='{}'>",
            self.name,
            self.mode,
            self.shown_encoding()
        ))
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.readline())
    }

    fn iter(&self, this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Object(this.clone())))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str(self.name.as_str()),
            "mode" => Value::str(self.mode.as_str()),
            "closed" => Value::Bool(matches!(*self.state.borrow(), Mode::Closed)),
            "encoding" if !self.binary => Value::str(self.shown_encoding()),
            _ => return None,
        }))
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "read"
                | "readline"
                | "readlines"
                | "write"
                | "writelines"
                | "close"
                | "flush"
                | "__enter__"
                | "__exit__"
                | "readable"
                | "writable"
                | "seek"
                | "tell"
        )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        let arg = args.first().cloned();
        Some(match name {
            "read" => (|| {
                let n = match &arg {
                    None | Some(Value::None) => None,
                    Some(v) => Some(crate::ops::index_of(v, "size")?),
                };
                self.read(n)
            })(),
            "readline" => self.readline().map(|l| l.unwrap_or_else(|| self.empty())),
            "readlines" => (|| {
                let mut out = Vec::new();
                while let Some(l) = self.readline()? {
                    out.push(l);
                }
                Ok(Value::list(out))
            })(),
            "write" => match &arg {
                Some(x) => self.write(x).map(|n| Value::Int(n as i64)),
                None => Err(type_error("write() takes exactly one argument (0 given)")),
            },
            "writelines" => (|| {
                for line in crate::iter::to_vec(&arg.unwrap_or_default())? {
                    self.write(&line)?;
                }
                Ok(Value::None)
            })(),
            "flush" => match &mut *self.state.borrow_mut() {
                Mode::Write(Some(w)) => w.flush().map(|_| Value::None).map_err(|e| os_error(&e, &self.name)),
                _ => Ok(Value::None),
            },
            "close" => self.close().map(|_| Value::None),
            "__enter__" => Ok(this.clone()),
            "__exit__" => self.close().map(|_| Value::Bool(false)),
            "tell" => match &*self.state.borrow() {
                Mode::ReadBytes { pos, .. } => Ok(Value::Int(*pos as i64)),
                Mode::Closed => Err(self.closed_error(false)),
                _ => Err(crate::exc::not_implemented_error(
                    "py2rs: tell() is only supported on binary files opened for reading",
                )),
            },
            "seek" => (|| {
                let offset = ops_index(args.first())?;
                let whence = ops_index(args.get(1))?;
                match &mut *self.state.borrow_mut() {
                    Mode::ReadBytes { data, pos } => {
                        let base = match whence {
                            0 => 0,
                            1 => *pos as i64,
                            2 => data.len() as i64,
                            w => return Err(value_error(format!("whence value {w} unsupported"))),
                        };
                        let target = base + offset;
                        if target < 0 {
                            return Err(crate::exc::os_error("[Errno 22] Invalid argument"));
                        }
                        *pos = target as usize;
                        Ok(Value::Int(target))
                    }
                    Mode::Closed => Err(self.closed_error(false)),
                    _ => Err(crate::exc::not_implemented_error(
                        "py2rs: seek() is only supported on binary files opened for reading",
                    )),
                }
            })(),
            "readable" => Ok(Value::Bool(matches!(*self.state.borrow(), Mode::Read { .. } | Mode::ReadBytes { .. }))),
            "writable" => Ok(Value::Bool(matches!(*self.state.borrow(), Mode::Write(_)))),
            _ => return None,
        })
    }
}

//! `open()` and text file objects: reading (whole text decoded as UTF-8,
//! universal newlines), writing (buffered, flushed on close or when the
//! object dies), iteration by lines, and use as a context manager.
//! Binary mode is refused at run time with an explicit error.

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
    Write(Option<std::io::BufWriter<std::fs::File>>),
    Closed,
}

pub struct File {
    name: String,
    mode: String,
    state: RefCell<Mode>,
}

/// The `OSError` subclass and message CPython raises for `err` on `path`.
pub fn os_error(err: &std::io::Error, path: &str) -> PyErr {
    let t = types();
    let (cls, errno, text) = match err.kind() {
        std::io::ErrorKind::NotFound => (&t.by_name["FileNotFoundError"], 2i64, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (&t.by_name["PermissionError"], 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (&t.by_name["FileExistsError"], 17, "File exists"),
        std::io::ErrorKind::IsADirectory => (&t.by_name["IsADirectoryError"], 21, "Is a directory"),
        _ => (&t.os_error, err.raw_os_error().unwrap_or(5) as i64, "Input/output error"),
    };
    let e = PyErr::with_args(cls, vec![Value::Int(errno), Value::str(text)]);
    if let Value::Object(o) = e.value() {
        o.dict.set_str("errno", Value::Int(errno));
        o.dict.set_str("strerror", Value::str(text));
        o.dict.set_str("filename", Value::str(path));
    }
    e
}

/// `open(file, mode='r', encoding=None, ...)`.
pub fn open(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let mut path = it.next();
    let mut mode = it.next();
    for (k, v) in kwargs {
        match k.as_str() {
            "file" => path = Some(v),
            "mode" => mode = Some(v),
            "encoding" | "errors" | "newline" | "buffering" => {}
            other => return Err(type_error(format!("open() got an unexpected keyword argument '{other}'"))),
        }
    }
    let path = match path {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => match crate::attr::getattr(&other, "__fspath__") {
            Ok(f) => crate::fmt::str_(&crate::call::call(&f, vec![], vec![])?)?,
            Err(_) => {
                return Err(type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    crate::ops::type_name(&other)
                )));
            }
        },
        None => return Err(type_error("open() missing required argument 'file' (pos 1)")),
    };
    let mode = match mode {
        Some(m) => crate::fmt::str_(&m)?,
        None => "r".to_string(),
    };
    if mode.contains('b') {
        return Err(crate::exc::not_implemented_error("py2rs: binary files (bytes) are not supported yet"));
    }
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
        let s = String::from_utf8(raw)
            .map_err(|_| PyErr::new(&types().by_name["UnicodeDecodeError"], "'utf-8' codec can't decode the file"))?;
        // Universal newlines: \r\n and \r read as \n.
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        Mode::Read { text: s.chars().collect(), pos: 0 }
    } else {
        return Err(value_error(format!("invalid mode: '{mode}'")));
    };
    Ok(Value::native(File { name: path, mode, state: RefCell::new(state) }))
}

impl File {
    fn closed_error() -> PyErr {
        value_error("I/O operation on closed file.")
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
            Mode::Write(_) => Err(unsupported_op("not readable")),
            Mode::Closed => Err(File::closed_error()),
        }
    }

    fn readline(&self) -> PyResult<Option<String>> {
        match &mut *self.state.borrow_mut() {
            Mode::Read { text, pos } => {
                if *pos >= text.len() {
                    return Ok(None);
                }
                let start = *pos;
                let end = text[start..].iter().position(|c| *c == '\n').map_or(text.len(), |i| start + i + 1);
                *pos = end;
                Ok(Some(text[start..end].iter().collect()))
            }
            Mode::Write(_) => Err(unsupported_op("not readable")),
            Mode::Closed => Err(File::closed_error()),
        }
    }

    fn write(&self, s: &str) -> PyResult<usize> {
        match &mut *self.state.borrow_mut() {
            Mode::Write(Some(w)) => {
                w.write_all(s.as_bytes()).map_err(|e| os_error(&e, &self.name))?;
                Ok(s.chars().count())
            }
            Mode::Write(None) | Mode::Closed => Err(File::closed_error()),
            Mode::Read { .. } => Err(unsupported_op("not writable")),
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

fn unsupported_op(msg: &str) -> PyErr {
    let cls = types().by_name.get("UnsupportedOperation").cloned().unwrap_or_else(|| types().os_error.clone());
    PyErr::new(&cls, msg)
}

impl Drop for File {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

impl Native for File {
    fn type_name(&self) -> &'static str {
        "_io.TextIOWrapper"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>", self.name, self.mode))
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        Some(self.readline().map(|l| l.map(Value::str)))
    }

    fn iter(&self, this: &Value) -> Option<PyResult<PyIter>> {
        Some(Ok(PyIter::Object(this.clone())))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str(self.name.as_str()),
            "mode" => Value::str(self.mode.as_str()),
            "closed" => Value::Bool(matches!(*self.state.borrow(), Mode::Closed)),
            "encoding" => Value::str("UTF-8"),
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
            "readline" => self.readline().map(|l| Value::str(l.unwrap_or_default())),
            "readlines" => (|| {
                let mut out = Vec::new();
                while let Some(l) = self.readline()? {
                    out.push(Value::str(l));
                }
                Ok(Value::list(out))
            })(),
            "write" => match &arg {
                Some(Value::Str(s)) => self.write(s).map(|n| Value::Int(n as i64)),
                Some(other) => {
                    Err(type_error(format!("write() argument must be str, not {}", crate::ops::type_name(other))))
                }
                None => Err(type_error("write() takes exactly one argument (0 given)")),
            },
            "writelines" => (|| {
                for line in crate::iter::to_vec(&arg.unwrap_or_default())? {
                    self.write(&crate::fmt::str_(&line)?)?;
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
            "readable" => Ok(Value::Bool(matches!(*self.state.borrow(), Mode::Read { .. }))),
            "writable" => Ok(Value::Bool(matches!(*self.state.borrow(), Mode::Write(_)))),
            _ => return None,
        })
    }
}

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

// ------------------------------------------------- sys.stdout replacement

/// What `sys.stdout` is when a program replaced it (`redirect_stdout`,
/// `sys.stdout = f`); `print` writes there instead of the real stdout.
static STDOUT_OVERRIDE: GilCell<Option<crate::value::Value>> = GilCell::new(None);

pub fn stdout_override() -> Option<crate::value::Value> {
    let v = STDOUT_OVERRIDE.replace(None);
    STDOUT_OVERRIDE.replace(v.clone());
    v
}

pub fn set_stdout_override(v: Option<crate::value::Value>) {
    STDOUT_OVERRIDE.replace(v);
}

// ---------------------------------------------------------- io.StringIO

use std::cell::{Cell, RefCell};

use crate::exc::{PyResult, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::native::Native;
use crate::value::Value;

/// `io.StringIO(initial_value="")`: a text buffer with a position counted
/// in code points.
pub struct StringIO {
    buf: RefCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl StringIO {
    fn check_open(&self) -> PyResult<()> {
        if self.closed.get() { Err(value_error("I/O operation on closed file.")) } else { Ok(()) }
    }

    fn write(&self, s: &str) -> usize {
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, '\0');
        }
        let chars: Vec<char> = s.chars().collect();
        let end = (pos + chars.len()).min(buf.len());
        buf.splice(pos..end, chars.iter().copied());
        self.pos.set(pos + chars.len());
        chars.len()
    }

    fn readline(&self) -> String {
        let buf = self.buf.borrow();
        let start = self.pos.get().min(buf.len());
        let mut end = start;
        while end < buf.len() {
            end += 1;
            if buf[end - 1] == '\n' {
                break;
            }
        }
        self.pos.set(end.max(self.pos.get()));
        buf[start..end].iter().collect()
    }
}

fn str_arg<'a>(v: Option<&'a Value>, what: &str) -> PyResult<&'a str> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str()),
        Some(other) => Err(type_error(format!("{what} argument must be str, not {}", crate::ops::type_name(other)))),
        None => Err(type_error(format!("{what} takes exactly one argument (0 given)"))),
    }
}

impl Native for StringIO {
    fn type_name(&self) -> &'static str {
        "_io.StringIO"
    }

    fn is_iterator(&self) -> bool {
        true
    }

    fn next(&self) -> Option<PyResult<Option<Value>>> {
        if let Err(e) = self.check_open() {
            return Some(Err(e));
        }
        let line = self.readline();
        Some(Ok(if line.is_empty() { None } else { Some(Value::str(line.as_str())) }))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "closed" => Some(Ok(Value::Bool(self.closed.get()))),
            _ => None,
        }
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(
            name,
            "write"
                | "getvalue"
                | "read"
                | "readline"
                | "readlines"
                | "seek"
                | "tell"
                | "truncate"
                | "flush"
                | "close"
                | "writelines"
                | "isatty"
                | "__enter__"
                | "__exit__"
                | "__iter__"
                | "__next__"
        )
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some((|| {
            if !matches!(name, "close" | "__exit__") {
                self.check_open()?;
            }
            match name {
                "write" => Ok(Value::Int(self.write(str_arg(args.first(), "string")?) as i64)),
                "writelines" => {
                    let mut it = crate::iter::iter(args.first().unwrap_or(&Value::None))?;
                    while let Some(v) = it.next()? {
                        self.write(str_arg(Some(&v), "string")?);
                    }
                    Ok(Value::None)
                }
                "getvalue" => Ok(Value::str(self.buf.borrow().iter().collect::<String>().as_str())),
                "read" => {
                    let buf = self.buf.borrow();
                    let start = self.pos.get().min(buf.len());
                    let end = match args.first() {
                        None | Some(Value::None) => buf.len(),
                        Some(n) => {
                            let n = crate::ops::index_of(n, "read")?;
                            if n < 0 { buf.len() } else { (start + n as usize).min(buf.len()) }
                        }
                    };
                    self.pos.set(end.max(self.pos.get()));
                    Ok(Value::str(buf[start..end].iter().collect::<String>().as_str()))
                }
                "readline" => Ok(Value::str(self.readline().as_str())),
                "readlines" => {
                    let mut out = Vec::new();
                    loop {
                        let l = self.readline();
                        if l.is_empty() {
                            break;
                        }
                        out.push(Value::str(l.as_str()));
                    }
                    Ok(Value::list(out))
                }
                "seek" => {
                    let pos = crate::ops::index_of(args.first().unwrap_or(&Value::Int(0)), "seek")?;
                    let whence = match args.get(1) {
                        Some(w) => crate::ops::index_of(w, "seek")?,
                        None => 0,
                    };
                    match whence {
                        0 if pos < 0 => Err(value_error(format!("Negative seek position {pos}"))),
                        0 => {
                            self.pos.set(pos as usize);
                            Ok(Value::Int(pos))
                        }
                        1 | 2 if pos != 0 => Err(crate::exc::PyErr::new(
                            &crate::types::types().by_name["OSError"],
                            "Can't do nonzero cur-relative seeks",
                        )),
                        1 => Ok(Value::Int(self.pos.get() as i64)),
                        2 => {
                            let n = self.buf.borrow().len();
                            self.pos.set(n);
                            Ok(Value::Int(n as i64))
                        }
                        w => Err(value_error(format!("Invalid whence ({w}, should be 0, 1 or 2)"))),
                    }
                }
                "tell" => Ok(Value::Int(self.pos.get() as i64)),
                "truncate" => {
                    let n = match args.first() {
                        None | Some(Value::None) => self.pos.get(),
                        Some(v) => crate::ops::index_of(v, "truncate")?.max(0) as usize,
                    };
                    self.buf.borrow_mut().truncate(n);
                    Ok(Value::Int(n as i64))
                }
                "flush" => Ok(Value::None),
                "isatty" => Ok(Value::Bool(false)),
                "close" => {
                    self.closed.set(true);
                    Ok(Value::None)
                }
                "__enter__" | "__iter__" => Ok(this.clone()),
                "__exit__" => {
                    self.closed.set(true);
                    Ok(Value::Bool(false))
                }
                "__next__" => match self.next() {
                    Some(Ok(Some(v))) => Ok(v),
                    Some(Err(e)) => Err(e),
                    _ => Err(crate::exc::stop_iteration(None)),
                },
                _ => Ok(Value::None),
            }
        })())
    }
}

fn string_io(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut initial = args.into_iter().next();
    for (k, v) in kw {
        match k.as_str() {
            "initial_value" => initial = Some(v),
            "newline" => {}
            other => {
                return Err(type_error(format!("'{other}' is an invalid keyword argument for StringIO()")));
            }
        }
    }
    let text = match &initial {
        None | Some(Value::None) => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!("initial_value must be str or None, not {}", crate::ops::type_name(other))));
        }
    };
    Ok(Value::native(StringIO {
        buf: RefCell::new(text.chars().collect()),
        pos: Cell::new(0),
        closed: Cell::new(false),
    }))
}

/// The attributes of the `io` module.
pub fn module_attrs() -> crate::dict::Dict {
    let d = crate::dict::Dict::new();
    d.set_str("StringIO", Value::native(BuiltinFunction { name: "StringIO", f: string_io }));
    d
}

//! `pathlib.Path` basics: a `PosixPath` holding a normalised path string,
//! the pure parts (`/`, `name`, `stem`, `suffix`, `parent`, `parts`...) with
//! pathlib's normalisation, and the file-system methods most programs use.

use std::rc::Rc;

use crate::class::Class;
use crate::dict::Dict;
use crate::exc::{PyResult, type_error, value_error};
use crate::file::os_error;
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::Lazy;
use crate::native::{Native, downcast};
use crate::ops::{BinOp, CmpOp, type_name};
use crate::types::BuiltinInfo;
use crate::value::Value;

pub struct PosixPath {
    /// Root (`""`, `"/"` or `"//"`) and the non-empty, non-`.` parts.
    root: String,
    parts: Vec<String>,
}

static INFO: BuiltinInfo = BuiltinInfo { new: new_path };

static PATH: Lazy<Rc<Class>> = Lazy::new(|| {
    let object = crate::types::types().object.clone();
    let c = crate::types::new_class_with("Path", "pathlib", &[object], &INFO);
    c.dict.set_str("cwd", Value::native(BuiltinFunction { name: "cwd", f: cwd }));
    c
});

static POSIX_PATH: Lazy<Rc<Class>> = Lazy::new(|| {
    let c = crate::types::new_class_with("PosixPath", "pathlib", &[PATH.get().clone()], &INFO);
    c.dict.set_str("cwd", Value::native(BuiltinFunction { name: "cwd", f: cwd }));
    c
});

impl PosixPath {
    fn parse(s: &str) -> PosixPath {
        let root = if s.starts_with("//") && !s.starts_with("///") {
            "//"
        } else if s.starts_with('/') {
            "/"
        } else {
            ""
        };
        let parts = s.split('/').filter(|p| !p.is_empty() && *p != ".").map(str::to_string).collect();
        PosixPath { root: root.to_string(), parts }
    }

    fn text(&self) -> String {
        let joined = self.parts.join("/");
        if self.root.is_empty() && joined.is_empty() { ".".to_string() } else { format!("{}{joined}", self.root) }
    }

    fn joined(&self, other: &str) -> PosixPath {
        let o = PosixPath::parse(other);
        if !o.root.is_empty() {
            return o;
        }
        let mut parts = self.parts.clone();
        parts.extend(o.parts);
        PosixPath { root: self.root.clone(), parts }
    }

    fn name(&self) -> String {
        self.parts.last().cloned().unwrap_or_default()
    }

    fn suffix_at(&self) -> Option<usize> {
        let name = self.name();
        match name.rfind('.') {
            Some(i) if i > 0 && i < name.len() - 1 => Some(i),
            _ => None,
        }
    }

    fn parent(&self) -> PosixPath {
        let mut parts = self.parts.clone();
        parts.pop();
        PosixPath { root: self.root.clone(), parts }
    }

    fn fs(&self) -> String {
        self.text()
    }
}

fn value(p: PosixPath) -> Value {
    Value::native(p)
}

/// The path string of a `pathlib.Path`, `None` for other values.
pub fn path_str(v: &Value) -> Option<String> {
    downcast::<PosixPath>(v).map(PosixPath::text)
}

fn arg_str(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ => path_str(v).ok_or_else(|| {
            type_error(format!(
                "argument should be a str or an os.PathLike object where __fspath__ returns a str, not '{}'",
                type_name(v)
            ))
        }),
    }
}

fn new_path(_cls: &Rc<Class>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("Path() takes no keyword arguments"));
    }
    let mut p = PosixPath::parse("");
    for a in &args {
        p = p.joined(&arg_str(a)?);
    }
    Ok(value(p))
}

fn cwd(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = std::env::current_dir().map_err(|e| os_error(&e, "."))?;
    Ok(value(PosixPath::parse(&c.to_string_lossy())))
}

/// `a / b` with a path on either side; `Ok(None)` when neither is a path.
pub fn binary(a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if op != BinOp::TrueDiv {
        return Ok(None);
    }
    match (downcast::<PosixPath>(a), downcast::<PosixPath>(b)) {
        (Some(x), _) => match b {
            Value::Str(s) => Ok(Some(value(x.joined(s)))),
            _ => match path_str(b) {
                Some(s) => Ok(Some(value(x.joined(&s)))),
                None => Ok(None),
            },
        },
        (None, Some(y)) => match a {
            Value::Str(s) => Ok(Some(value(PosixPath::parse(s).joined(&y.text())))),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Ordering of two paths (by their parts, as pathlib compares them).
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    let (x, y) = (downcast::<PosixPath>(a)?, downcast::<PosixPath>(b)?);
    let key = |p: &PosixPath| {
        let mut v = Vec::new();
        if !p.root.is_empty() {
            v.push(p.root.clone());
        }
        v.extend(p.parts.iter().cloned());
        v
    };
    let ord = key(x).cmp(&key(y));
    Some(match op {
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    })
}

const METHODS: &[&str] = &[
    "exists",
    "is_file",
    "is_dir",
    "read_text",
    "write_text",
    "read_bytes",
    "write_bytes",
    "unlink",
    "mkdir",
    "rmdir",
    "iterdir",
    "open",
    "joinpath",
    "with_suffix",
    "with_name",
    "with_stem",
    "is_absolute",
    "absolute",
    "resolve",
    "as_posix",
    "__fspath__",
    "__truediv__",
];

fn kw_params(fname: &str, args: Vec<Value>, kwargs: Kwargs, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        return Err(type_error(format!(
            "Path.{fname}() takes {} positional arguments but {} were given",
            names.len() + 1,
            args.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) => slots[i] = Some(v),
            None => return Err(type_error(format!("Path.{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    Ok(slots)
}

fn flag(v: &Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => crate::ops::truthy(v),
        None => Ok(false),
    }
}

fn text_opt(v: &Option<Value>, what: &str, default: &str) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(o) => Err(type_error(format!("{what} must be str or None, not {}", type_name(o)))),
    }
}

impl PosixPath {
    fn method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        let path = self.fs();
        let meta = || std::fs::metadata(&path).ok();
        Ok(match name {
            "exists" => Value::Bool(meta().is_some()),
            "is_file" => Value::Bool(meta().is_some_and(|m| m.is_file())),
            "is_dir" => Value::Bool(meta().is_some_and(|m| m.is_dir())),
            "is_absolute" => Value::Bool(!self.root.is_empty()),
            "read_bytes" => {
                kw_params(name, args, kwargs, &[])?;
                crate::bytes::new_bytes(std::fs::read(&path).map_err(|e| os_error(&e, &path))?)
            }
            "read_text" => {
                let s = kw_params(name, args, kwargs, &["encoding", "errors"])?;
                let raw = std::fs::read(&path).map_err(|e| os_error(&e, &path))?;
                let text = crate::bytes::decode(
                    &raw,
                    &text_opt(&s[0], "encoding", "utf-8")?,
                    &text_opt(&s[1], "errors", "strict")?,
                )?;
                Value::str(text.replace("\r\n", "\n").replace('\r', "\n"))
            }
            "write_bytes" => {
                let s = kw_params(name, args, kwargs, &["data"])?;
                let data = s[0].clone().unwrap_or_default();
                let Some(b) = crate::bytes::as_bytes(&data) else {
                    return Err(type_error(format!(
                        "memoryview: a bytes-like object is required, not '{}'",
                        type_name(&data)
                    )));
                };
                std::fs::write(&path, &b).map_err(|e| os_error(&e, &path))?;
                Value::Int(b.len() as i64)
            }
            "write_text" => {
                let s = kw_params(name, args, kwargs, &["data", "encoding", "errors", "newline"])?;
                let data = s[0].clone().unwrap_or_default();
                let Value::Str(text) = &data else {
                    return Err(type_error(format!("data must be str, not {}", type_name(&data))));
                };
                let raw = crate::bytes::encode(
                    text,
                    &text_opt(&s[1], "encoding", "utf-8")?,
                    &text_opt(&s[2], "errors", "strict")?,
                )?;
                std::fs::write(&path, raw).map_err(|e| os_error(&e, &path))?;
                Value::Int(text.char_len() as i64)
            }
            "unlink" => {
                let s = kw_params(name, args, kwargs, &["missing_ok"])?;
                match std::fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound && flag(&s[0])? => {}
                    Err(e) => return Err(os_error(&e, &path)),
                }
                Value::None
            }
            "rmdir" => {
                std::fs::remove_dir(&path).map_err(|e| os_error(&e, &path))?;
                Value::None
            }
            "mkdir" => {
                let s = kw_params(name, args, kwargs, &["mode", "parents", "exist_ok"])?;
                let (parents, exist_ok) = (flag(&s[1])?, flag(&s[2])?);
                let r =
                    if parents { crate::os_mod::make_dirs(&path, exist_ok) } else { crate::os_mod::make_dir(&path) };
                match r {
                    Err(e)
                        if exist_ok
                            && e.is_instance(&crate::types::types().by_name["FileExistsError"])
                            && std::path::Path::new(&path).is_dir() => {}
                    other => other?,
                }
                Value::None
            }
            "iterdir" => {
                kw_params(name, args, kwargs, &[])?;
                let names = crate::os_mod::list_dir(&path)?;
                let items: Vec<Value> = names.iter().map(|n| value(self.joined(n))).collect();
                crate::iter::iter_value(&Value::list(items))?
            }
            "open" => {
                let mut full = vec![Value::str(path)];
                full.extend(args);
                crate::file::open(full, kwargs)?
            }
            "joinpath" | "__truediv__" => {
                let mut p = PosixPath { root: self.root.clone(), parts: self.parts.clone() };
                for a in &args {
                    p = p.joined(&arg_str(a)?);
                }
                value(p)
            }
            "with_suffix" => {
                let s = kw_params(name, args, kwargs, &["suffix"])?;
                let suffix = text_opt(&s[0], "suffix", "")?;
                if !suffix.is_empty() && (!suffix.starts_with('.') || suffix == "." || suffix.contains('/')) {
                    return Err(value_error(format!("Invalid suffix '{suffix}'")));
                }
                if self.parts.is_empty() {
                    return Err(value_error(format!("{} has an empty name", crate::fmt::repr(this)?)));
                }
                let n = self.name();
                let stem = match self.suffix_at() {
                    Some(i) => &n[..i],
                    None => n.as_str(),
                };
                let mut p = self.parent();
                p.parts.push(format!("{stem}{suffix}"));
                value(p)
            }
            "with_name" | "with_stem" => {
                let s = kw_params(name, args, kwargs, &["name"])?;
                let new = text_opt(&s[0], name, "")?;
                if self.parts.is_empty() {
                    return Err(value_error(format!("{} has an empty name", crate::fmt::repr(this)?)));
                }
                if new.is_empty() || new.contains('/') || new == "." {
                    return Err(value_error(format!("Invalid name '{new}'")));
                }
                let full = if name == "with_stem" {
                    let n = self.name();
                    let suffix = self.suffix_at().map_or("", |i| &n[i..]).to_string();
                    format!("{new}{suffix}")
                } else {
                    new
                };
                let mut p = self.parent();
                p.parts.push(full);
                value(p)
            }
            "absolute" => {
                if !self.root.is_empty() {
                    return Ok(this.clone());
                }
                let c = std::env::current_dir().map_err(|e| os_error(&e, "."))?;
                value(PosixPath::parse(&c.to_string_lossy()).joined(&self.text()))
            }
            "resolve" => {
                let abs = crate::os_mod::abspath(&path)?;
                let real = std::fs::canonicalize(&abs).map(|p| p.to_string_lossy().to_string()).unwrap_or(abs);
                value(PosixPath::parse(&real))
            }
            "as_posix" | "__fspath__" => Value::str(self.text()),
            _ => return Err(crate::attr::no_attribute(this, name)),
        })
    }
}

impl Native for PosixPath {
    fn type_name(&self) -> &'static str {
        "PosixPath"
    }

    fn class(&self) -> Rc<Class> {
        POSIX_PATH.get().clone()
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("PosixPath({})", crate::str_methods::str_repr(&self.text())))
    }

    fn str(&self, _this: &Value) -> PyResult<String> {
        Ok(self.text())
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str(self.name()),
            "suffix" => {
                let n = self.name();
                Value::str(self.suffix_at().map_or("", |i| &n[i..]))
            }
            "suffixes" => {
                let n = self.name();
                if n.ends_with('.') {
                    Value::list(vec![])
                } else {
                    let trimmed = n.trim_start_matches('.');
                    let pieces: Vec<&str> = trimmed.split('.').skip(1).collect();
                    Value::list(pieces.iter().map(|s| Value::str(format!(".{s}"))).collect())
                }
            }
            "stem" => {
                let n = self.name();
                Value::str(self.suffix_at().map_or(n.as_str(), |i| &n[..i]))
            }
            "parent" => value(self.parent()),
            "parents" => {
                let mut out = Vec::new();
                let mut p = self.parent();
                let mut last = self.parts.len();
                while last > 0 {
                    out.push(value(PosixPath { root: p.root.clone(), parts: p.parts.clone() }));
                    last -= 1;
                    p = p.parent();
                }
                Value::tuple(out)
            }
            "parts" => {
                let mut v = Vec::new();
                if !self.root.is_empty() {
                    v.push(Value::str(self.root.as_str()));
                }
                v.extend(self.parts.iter().map(|p| Value::str(p.as_str())));
                Value::tuple(v)
            }
            "root" => Value::str(self.root.as_str()),
            "anchor" => Value::str(self.root.as_str()),
            "drive" => Value::str(""),
            _ => return None,
        }))
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        downcast::<PosixPath>(other).map(|o| o.root == self.root && o.parts == self.parts)
    }

    fn hash(&self) -> Option<i64> {
        Some(crate::hash::hash_str(&self.text()))
    }

    fn has_method(&self, name: &str) -> bool {
        METHODS.contains(&name)
    }

    fn call_method(&self, this: &Value, name: &str, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if !self.has_method(name) {
            return None;
        }
        Some(self.method(this, name, args, kwargs))
    }
}

pub fn module_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("Path", Value::Class(PATH.get().clone()));
    d.set_str("PosixPath", Value::Class(POSIX_PATH.get().clone()));
    d
}

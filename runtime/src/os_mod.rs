//! The `os` and `os.path` modules, the basics: the working directory,
//! listing, creating and removing files and directories, the environment,
//! and POSIX path manipulation with `posixpath`'s exact string rules.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::file::os_error;
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::Lazy;
use crate::ops::type_name;
use crate::value::Value;

/// A path argument as a string: `str` or an `os.PathLike` (`pathlib.Path`).
pub fn fspath(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        _ if crate::bytes::is_bytes_like(v) => {
            Err(crate::exc::not_implemented_error("py2rs: bytes paths are not supported (use str)"))
        }
        _ => {
            if let Some(p) = crate::pathlib::path_str(v) {
                return Ok(p);
            }
            if let Value::Object(_) = v
                && crate::call::lookup_special(v, "__fspath__").is_some()
            {
                let r = crate::call::call_method(v, "__fspath__", vec![], vec![])?;
                if let Value::Str(s) = r {
                    return Ok(s.to_string());
                }
            }
            Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(v))))
        }
    }
}

fn func(d: &Dict, name: &'static str, f: fn(Vec<Value>, Kwargs) -> PyResult<Value>) {
    d.set_str(name, Value::native(BuiltinFunction { name, f }));
}

/// Positional-or-keyword arguments by name; `None` for missing ones.
fn params(
    fname: &str,
    args: Vec<Value>,
    kwargs: Kwargs,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        return Err(type_error(format!("{fname}() takes at most {} arguments ({} given)", names.len(), args.len())));
    }
    let mut slots: Vec<Option<Value>> = vec![None; names.len()];
    for (i, a) in args.into_iter().enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(i) => {
                return Err(type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            None => return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))),
        }
    }
    if let Some(i) = slots.iter().take(required).position(|s| s.is_none()) {
        return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(slots)
}

fn path_arg(fname: &str, args: Vec<Value>, kwargs: Kwargs, name: &str) -> PyResult<String> {
    let slots = params(fname, args, kwargs, &[name], 1)?;
    fspath(slots[0].as_ref().unwrap_or(&Value::None))
}

fn truthy_opt(v: &Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => crate::ops::truthy(v),
        None => Ok(false),
    }
}

// --------------------------------------------------------------------- os

static ENVIRON: Lazy<Rc<Dict>> = Lazy::new(|| {
    let d = Dict::new();
    for (k, v) in std::env::vars() {
        d.set_str(&k, Value::str(v));
    }
    Rc::new(d)
});

fn getcwd(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    params("getcwd", args, kwargs, &[], 0)?;
    let cwd = std::env::current_dir().map_err(|e| os_error(&e, "."))?;
    Ok(Value::str(cwd.to_string_lossy().to_string()))
}

fn chdir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let p = path_arg("chdir", args, kwargs, "path")?;
    std::env::set_current_dir(&p).map_err(|e| os_error(&e, &p))?;
    Ok(Value::None)
}

fn remove(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let p = path_arg("remove", args, kwargs, "path")?;
    if std::path::Path::new(&p).is_dir() {
        return Err(os_error(&std::io::Error::from(std::io::ErrorKind::IsADirectory), &p));
    }
    std::fs::remove_file(&p).map_err(|e| os_error(&e, &p))?;
    Ok(Value::None)
}

fn rmdir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let p = path_arg("rmdir", args, kwargs, "path")?;
    std::fs::remove_dir(&p).map_err(|e| os_error(&e, &p))?;
    Ok(Value::None)
}

fn rename(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("rename", args, kwargs, &["src", "dst"], 2)?;
    let src = fspath(slots[0].as_ref().unwrap_or(&Value::None))?;
    let dst = fspath(slots[1].as_ref().unwrap_or(&Value::None))?;
    std::fs::rename(&src, &dst).map_err(|e| os_error(&e, &src))?;
    Ok(Value::None)
}

/// The entries of a directory, in the order the OS lists them.
pub fn list_dir(p: &str) -> PyResult<Vec<String>> {
    let rd = std::fs::read_dir(p).map_err(|e| os_error(&e, p))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(&e, p))?;
        out.push(entry.file_name().to_string_lossy().to_string());
    }
    Ok(out)
}

fn listdir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("listdir", args, kwargs, &["path"], 0)?;
    let p = match &slots[0] {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => fspath(v)?,
    };
    Ok(Value::list(list_dir(&p)?.into_iter().map(Value::str).collect()))
}

fn not_a_dir_error(p: &str) -> crate::exc::PyErr {
    let e = crate::exc::PyErr::with_args(
        &crate::types::types().by_name["NotADirectoryError"],
        vec![Value::Int(20), Value::str("Not a directory")],
    );
    if let Value::Object(o) = e.value() {
        o.set_attr(&crate::attr::intern("errno"), Value::Int(20));
        o.set_attr(&crate::attr::intern("strerror"), Value::str("Not a directory"));
        o.set_attr(&crate::attr::intern("filename"), Value::str(p));
    }
    e
}

/// `os.mkdir` / `Path.mkdir` without parents.
pub fn make_dir(p: &str) -> PyResult<()> {
    std::fs::create_dir(p).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound && std::path::Path::new(p).parent().is_some_and(|q| q.is_file()) {
            return not_a_dir_error(p);
        }
        os_error(&e, p)
    })
}

/// `os.makedirs(p, exist_ok=...)`.
pub fn make_dirs(p: &str, exist_ok: bool) -> PyResult<()> {
    let path = std::path::Path::new(p);
    if path.exists() {
        if exist_ok && path.is_dir() {
            return Ok(());
        }
        return Err(os_error(&std::io::Error::from(std::io::ErrorKind::AlreadyExists), p));
    }
    std::fs::create_dir_all(p).map_err(|e| os_error(&e, p))
}

fn mkdir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("mkdir", args, kwargs, &["path", "mode"], 1)?;
    make_dir(&fspath(slots[0].as_ref().unwrap_or(&Value::None))?)?;
    Ok(Value::None)
}

fn makedirs(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("makedirs", args, kwargs, &["name", "mode", "exist_ok"], 1)?;
    let p = fspath(slots[0].as_ref().unwrap_or(&Value::None))?;
    make_dirs(&p, truthy_opt(&slots[2])?)?;
    Ok(Value::None)
}

fn getenv(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("getenv", args, kwargs, &["key", "default"], 1)?;
    let key = slots[0].clone().unwrap_or_default();
    if !matches!(key, Value::Str(_)) {
        return Err(type_error(format!("str expected, not {}", type_name(&key))));
    }
    Ok(ENVIRON.get().get(&key)?.unwrap_or_else(|| slots[1].clone().unwrap_or_default()))
}

fn fspath_fn(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = params("fspath", args, kwargs, &["path"], 1)?;
    fspath(slots[0].as_ref().unwrap_or(&Value::None)).map(Value::str)
}

pub fn os_attrs() -> Dict {
    let d = Dict::new();
    func(&d, "getcwd", getcwd);
    func(&d, "chdir", chdir);
    func(&d, "remove", remove);
    func(&d, "unlink", remove);
    func(&d, "rmdir", rmdir);
    func(&d, "rename", rename);
    func(&d, "listdir", listdir);
    func(&d, "mkdir", mkdir);
    func(&d, "makedirs", makedirs);
    func(&d, "getenv", getenv);
    func(&d, "fspath", fspath_fn);
    d.set_str("environ", Value::Dict(ENVIRON.get().clone()));
    d.set_str("sep", Value::str("/"));
    d.set_str("altsep", Value::None);
    d.set_str("extsep", Value::str("."));
    d.set_str("pathsep", Value::str(":"));
    d.set_str("linesep", Value::str("\n"));
    d.set_str("curdir", Value::str("."));
    d.set_str("pardir", Value::str(".."));
    d.set_str("devnull", Value::str("/dev/null"));
    d.set_str("name", Value::str("posix"));
    if let Ok(path) = crate::modules::import("os.path") {
        d.set_str("path", path);
    }
    d
}

// ---------------------------------------------------------------- os.path

/// `posixpath.join`.
pub fn join(a: &str, rest: &[String]) -> String {
    let mut path = a.to_string();
    for b in rest {
        if b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

/// `posixpath.split`: (head, tail).
pub fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') { head.trim_end_matches('/') } else { head };
    (head.to_string(), tail.to_string())
}

/// `posixpath.splitext`: (root, ext).
pub fn splitext(p: &str) -> (String, String) {
    let sep = p.rfind('/').map_or(-1, |i| i as i64);
    if let Some(dot) = p.rfind('.') {
        let dot = dot as i64;
        if dot > sep {
            let b = p.as_bytes();
            let mut i = (sep + 1) as usize;
            while (i as i64) < dot {
                if b[i] != b'.' {
                    return (p[..dot as usize].to_string(), p[dot as usize..].to_string());
                }
                i += 1;
            }
        }
    }
    (p.to_string(), String::new())
}

/// `posixpath.normpath`.
pub fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let out = format!("{}{}", "/".repeat(initial), comps.join("/"));
    if out.is_empty() { ".".to_string() } else { out }
}

pub fn abspath(p: &str) -> PyResult<String> {
    if p.starts_with('/') {
        return Ok(normpath(p));
    }
    let cwd = std::env::current_dir().map_err(|e| os_error(&e, "."))?;
    Ok(normpath(&join(&cwd.to_string_lossy(), &[p.to_string()])))
}

fn one_path(fname: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<String> {
    path_arg(fname, args, kwargs, if fname.starts_with("is") || fname == "exists" { "path" } else { "p" })
}

fn p_join(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(type_error("join() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut parts = Vec::with_capacity(args.len());
    for a in &args {
        parts.push(fspath(a)?);
    }
    Ok(Value::str(join(&parts[0], &parts[1..])))
}

fn p_split(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (h, t) = split(&one_path("split", args, kwargs)?);
    Ok(Value::tuple_of([Value::str(h), Value::str(t)]))
}

fn p_splitext(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (r, e) = splitext(&one_path("splitext", args, kwargs)?);
    Ok(Value::tuple_of([Value::str(r), Value::str(e)]))
}

fn p_basename(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let p = one_path("basename", args, kwargs)?;
    let i = p.rfind('/').map_or(0, |i| i + 1);
    Ok(Value::str(&p[i..]))
}

fn p_dirname(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::str(split(&one_path("dirname", args, kwargs)?).0))
}

fn p_normpath(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::str(normpath(&one_path("normpath", args, kwargs)?)))
}

fn p_abspath(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::str(abspath(&one_path("abspath", args, kwargs)?)?))
}

fn p_isabs(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(one_path("isabs", args, kwargs)?.starts_with('/')))
}

fn stat_ok(fname: &str, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Option<std::fs::Metadata>> {
    let slots = params(fname, args, kwargs, &["path"], 1)?;
    let v = slots[0].clone().unwrap_or_default();
    // A path that cannot name a file (a wrong type) raises; a missing file is False.
    let p = fspath(&v)?;
    Ok(std::fs::metadata(p).ok())
}

fn p_exists(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(stat_ok("exists", args, kwargs)?.is_some()))
}

fn p_isfile(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(stat_ok("isfile", args, kwargs)?.is_some_and(|m| m.is_file())))
}

fn p_isdir(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(stat_ok("isdir", args, kwargs)?.is_some_and(|m| m.is_dir())))
}

fn p_getsize(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let p = path_arg("getsize", args, kwargs, "filename")?;
    let m = std::fs::metadata(&p).map_err(|e| os_error(&e, &p))?;
    Ok(Value::Int(m.len() as i64))
}

pub fn path_attrs() -> Dict {
    let d = Dict::new();
    func(&d, "join", p_join);
    func(&d, "split", p_split);
    func(&d, "splitext", p_splitext);
    func(&d, "basename", p_basename);
    func(&d, "dirname", p_dirname);
    func(&d, "normpath", p_normpath);
    func(&d, "abspath", p_abspath);
    func(&d, "isabs", p_isabs);
    func(&d, "exists", p_exists);
    func(&d, "isfile", p_isfile);
    func(&d, "isdir", p_isdir);
    func(&d, "getsize", p_getsize);
    d.set_str("sep", Value::str("/"));
    d.set_str("curdir", Value::str("."));
    d.set_str("pardir", Value::str(".."));
    d.set_str("extsep", Value::str("."));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posixpath_string_rules() {
        // Expected values from CPython 3.12's posixpath.
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join("a", &s(&["b", "c"])), "a/b/c");
        assert_eq!(join("a/", &s(&["/b", "c"])), "/b/c");
        assert_eq!(join("", &s(&["b"])), "b");
        assert_eq!(split("a/b/c.txt"), ("a/b".into(), "c.txt".into()));
        assert_eq!(split("/a"), ("/".into(), "a".into()));
        assert_eq!(split("//a//b"), ("//a".into(), "b".into()));
        assert_eq!(split("c"), ("".into(), "c".into()));
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar".into(), ".gz".into()));
        assert_eq!(splitext(".bashrc"), (".bashrc".into(), "".into()));
        assert_eq!(splitext("a.d/b"), ("a.d/b".into(), "".into()));
        assert_eq!(splitext("..x"), ("..x".into(), "".into()));
        assert_eq!(normpath("a//b/./c/../d/"), "a/b/d");
        assert_eq!(normpath("../../a"), "../../a");
        assert_eq!(normpath("/../a"), "/a");
        assert_eq!(normpath("//a"), "//a");
        assert_eq!(normpath("///a"), "/a");
        assert_eq!(normpath(""), ".");
    }
}

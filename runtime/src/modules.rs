//! Standard-library modules the runtime provides (`sys`, `time`;
//! the others have their own files, such as `typing.rs`),
//! and `import` itself: a module is a namespace of values.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::GilCell;
use crate::native::Native;
use crate::ops::type_name;
use crate::value::Value;

pub struct Module {
    pub name: &'static str,
    pub attrs: Rc<Dict>,
}

impl Native for Module {
    fn type_name(&self) -> &'static str {
        "module"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<module '{}' (built-in)>", self.name))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        if name == "__name__" {
            return Some(Ok(Value::str(self.name)));
        }
        if name == "__dict__" {
            return Some(Ok(Value::Dict(self.attrs.clone())));
        }
        Some(match self.attrs.get_str(name) {
            Some(v) => Ok(v),
            None => Err(crate::exc::attribute_error_for(
                this,
                name,
                format!("module '{}' has no attribute '{}'", self.name, name),
            )),
        })
    }

    fn setattr(&self, _this: &Value, name: &str, value: Value) -> Option<PyResult<()>> {
        if self.name == "sys" && name == "stdout" {
            let real = crate::native::downcast::<Stream>(&value).is_some_and(|s| !s.err);
            crate::io::set_stdout_override(if real { None } else { Some(value.clone()) });
        }
        self.attrs.set_str(name, value);
        Some(Ok(()))
    }
}

/// Modules imported so far (or being imported), by name: the runtime's
/// and the program's own (`user_modules`), which never share a name.
static LOADED: GilCell<Vec<(&'static str, Value)>> = GilCell::new(Vec::new());

pub(crate) fn loaded(name: &str) -> Option<Value> {
    LOADED.with(|l| l.iter().find(|(n, _)| *n == name).map(|(_, m)| m.clone()))
}

/// Registers (or, with `None`, unregisters) the module `name`.
pub(crate) fn set_loaded(name: &'static str, module: Option<Value>) {
    let mut all = LOADED.replace(Vec::new());
    all.retain(|(n, _)| *n != name);
    all.extend(module.map(|m| (name, m)));
    LOADED.replace(all);
}

/// The module names `import` accepts; the transpiler refuses others.
pub const KNOWN: &[&str] = &[
    "math",
    "sys",
    "typing",
    "dataclasses",
    "asyncio",
    "contextlib",
    "time",
    "random",
    "itertools",
    "functools",
    "heapq",
    "bisect",
    "operator",
    "string",
    "enum",
    "collections",
    "json",
    "copy",
    "abc",
    "re",
    "os",
    "os.path",
    "pathlib",
    "io",
    "httpx",
    "textwrap",
    "datetime",
    "fractions",
    "statistics",
    "types",
];

/// `import name`: modules are created once and shared.
pub fn import(name: &str) -> PyResult<Value> {
    if let Some(m) = loaded(name) {
        return Ok(m);
    }
    let (static_name, attrs) = match name {
        "math" => ("math", crate::math_mod::module_attrs()),
        "sys" => ("sys", sys_attrs()),
        "typing" => ("typing", crate::typing::module_attrs()),
        "dataclasses" => ("dataclasses", crate::dataclasses::module_attrs()),
        "asyncio" => ("asyncio", crate::aio::module_attrs()),
        "contextlib" => ("contextlib", crate::contextlib::module_attrs()),
        "time" => ("time", time_attrs()),
        "random" => ("random", crate::random::module_attrs()),
        "itertools" => ("itertools", crate::itertools::module_attrs()),
        "functools" => ("functools", crate::functools::module_attrs()),
        "heapq" => ("heapq", crate::heapq::module_attrs()),
        "bisect" => ("bisect", crate::bisect::module_attrs()),
        "operator" => ("operator", crate::operator_mod::module_attrs()),
        "string" => ("string", crate::string_mod::module_attrs()),
        "enum" => ("enum", crate::enum_mod::module_attrs()),
        "collections" => ("collections", crate::collections::module_attrs()),
        "json" => ("json", crate::json::module_attrs()),
        "copy" => ("copy", crate::copy_mod::module_attrs()),
        "abc" => ("abc", crate::abc::module_attrs()),
        "re" => ("re", crate::re::module_attrs()),
        "os" => ("os", crate::os_mod::os_attrs()),
        // CPython's `os.path` is `posixpath`.
        "os.path" => ("posixpath", crate::os_mod::path_attrs()),
        "pathlib" => ("pathlib", crate::pathlib::module_attrs()),
        "io" => ("io", crate::io::module_attrs()),
        "httpx" => ("httpx", crate::httpx::module_attrs()),
        "textwrap" => ("textwrap", crate::textwrap_mod::module_attrs()),
        "datetime" => ("datetime", crate::datetime_mod::module_attrs()),
        "fractions" => ("fractions", crate::fractions_mod::module_attrs()),
        "statistics" => ("statistics", crate::statistics_mod::module_attrs()),
        "types" => ("types", crate::types_mod::module_attrs()),
        _ => {
            return Err(crate::exc::PyErr::new(
                &crate::types::types().by_name["ModuleNotFoundError"],
                format!("No module named '{name}'"),
            ));
        }
    };
    let m = Value::native(Module { name: static_name, attrs: Rc::new(attrs) });
    set_loaded(static_name, Some(m.clone()));
    Ok(m)
}

/// `from module import name`.
pub fn import_from(module: &Value, module_name: &str, name: &str) -> PyResult<Value> {
    crate::attr::getattr(module, name).map_err(|_| {
        crate::exc::import_error(format!("cannot import name '{name}' from '{module_name}' (unknown location)"))
    })
}

fn func(d: &Dict, name: &'static str, f: fn(Vec<Value>, Kwargs) -> PyResult<Value>) {
    d.set_str(name, Value::native(BuiltinFunction { name, f }));
}

// -------------------------------------------------------------------- sys

static ARGV: GilCell<Vec<String>> = GilCell::new(Vec::new());

/// Records the program's arguments for `sys.argv` (the first is the script).
pub fn set_argv(argv: Vec<String>) {
    ARGV.replace(argv);
}

fn sys_exit(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Err(crate::exc::PyErr::with_args(&crate::types::types().system_exit, args))
}

fn getrecursionlimit(_args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(crate::scope::recursion_limit() as i64))
}

fn setrecursionlimit(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let n = crate::ops::index_of(args.first().unwrap_or(&Value::None), "setrecursionlimit")?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    // The main thread's stack is sized for about 100,000 frames.
    crate::scope::set_recursion_limit((n as usize).min(100_000));
    Ok(Value::None)
}

/// `sys.stdout` / `sys.stderr`.
pub struct Stream {
    pub err: bool,
}

impl Native for Stream {
    fn type_name(&self) -> &'static str {
        "_io.TextIOWrapper"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(if self.err {
            "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>".into()
        } else {
            "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>".into()
        })
    }

    fn has_method(&self, name: &str) -> bool {
        matches!(name, "write" | "flush" | "isatty")
    }

    fn call_method(&self, _this: &Value, name: &str, args: Vec<Value>, _kw: Kwargs) -> Option<PyResult<Value>> {
        Some(match name {
            "write" => match args.first() {
                Some(Value::Str(s)) => {
                    if self.err {
                        crate::io::write_stderr(s);
                    } else {
                        crate::io::write_stdout(s);
                    }
                    Ok(Value::Int(s.char_len() as i64))
                }
                Some(other) => Err(type_error(format!("write() argument must be str, not {}", type_name(other)))),
                None => Err(type_error("write() takes exactly one argument (0 given)")),
            },
            "flush" => {
                crate::io::flush_stdout();
                Ok(Value::None)
            }
            "isatty" => Ok(Value::Bool(false)),
            _ => return None,
        })
    }
}

fn sys_attrs() -> Dict {
    let d = Dict::new();
    let argv = ARGV.get();
    d.set_str("argv", Value::list(argv.into_iter().map(Value::str).collect()));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("stdout", Value::native(Stream { err: false }));
    d.set_str("stderr", Value::native(Stream { err: true }));
    d.set_str("platform", Value::str("linux"));
    d.set_str("byteorder", Value::str("little"));
    d.set_str("version", Value::str("3.12.1 (py2rs)"));
    d.set_str("hexversion", Value::Int(0x030c_01f0));
    d.set_str(
        "version_info",
        crate::structseq::new(
            crate::structseq::new_class("sys", "version_info"),
            "sys.version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
            vec![Value::Int(3), Value::Int(12), Value::Int(1), Value::str("final"), Value::Int(0)],
        ),
    );
    d.set_str(
        "float_info",
        crate::structseq::new(
            crate::structseq::new_class("sys", "float_info"),
            "sys.float_info",
            &[
                "max",
                "max_exp",
                "max_10_exp",
                "min",
                "min_exp",
                "min_10_exp",
                "dig",
                "mant_dig",
                "epsilon",
                "radix",
                "rounds",
            ],
            vec![
                Value::Float(f64::MAX),
                Value::Int(i64::from(f64::MAX_EXP)),
                Value::Int(i64::from(f64::MAX_10_EXP)),
                Value::Float(f64::MIN_POSITIVE),
                Value::Int(i64::from(f64::MIN_EXP)),
                Value::Int(i64::from(f64::MIN_10_EXP)),
                Value::Int(i64::from(f64::DIGITS)),
                Value::Int(i64::from(f64::MANTISSA_DIGITS)),
                Value::Float(f64::EPSILON),
                Value::Int(i64::from(f64::RADIX)),
                Value::Int(1),
            ],
        ),
    );
    func(&d, "exit", sys_exit);
    func(&d, "getrecursionlimit", getrecursionlimit);
    func(&d, "setrecursionlimit", setrecursionlimit);
    d
}

// ------------------------------------------------------------------- time

static CLOCK_START: crate::gil::Lazy<std::time::Instant> = crate::gil::Lazy::new(std::time::Instant::now);

fn perf_counter(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(CLOCK_START.get().elapsed().as_secs_f64()))
}

fn perf_counter_ns(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(CLOCK_START.get().elapsed().as_nanos() as i64))
}

fn time_time(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_ns(_a: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    Ok(Value::Int(d.as_nanos() as i64))
}

fn time_sleep(args: Vec<Value>, _k: Kwargs) -> PyResult<Value> {
    let s = crate::math_mod::f64_arg(args.first().unwrap_or(&Value::Int(0)))?;
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    crate::io::flush_stdout();
    crate::gil::without(|| std::thread::sleep(std::time::Duration::from_secs_f64(s)));
    Ok(Value::None)
}

fn time_attrs() -> Dict {
    let d = Dict::new();
    func(&d, "perf_counter", perf_counter);
    func(&d, "perf_counter_ns", perf_counter_ns);
    func(&d, "monotonic", perf_counter);
    func(&d, "monotonic_ns", perf_counter_ns);
    func(&d, "process_time", perf_counter);
    func(&d, "time", time_time);
    func(&d, "time_ns", time_ns);
    func(&d, "sleep", time_sleep);
    d
}

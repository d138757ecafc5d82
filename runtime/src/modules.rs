//! Standard-library modules the runtime provides (`math`, `sys`, `time`;
//! the others have their own files, such as `typing.rs`),
//! and `import` itself: a module is a namespace of values.

use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, pure, type_error, value_error};
use crate::func::{BuiltinFunction, Kwargs};
use crate::gil::GilCell;
use crate::native::Native;
use crate::ops::{self, type_name};
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

static LOADED: GilCell<Vec<(&'static str, Value)>> = GilCell::new(Vec::new());

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
];

/// `import name`: modules are created once and shared.
pub fn import(name: &str) -> PyResult<Value> {
    if let Some(m) = LOADED.with(|l| l.iter().find(|(n, _)| *n == name).map(|(_, m)| m.clone())) {
        return Ok(m);
    }
    let (static_name, attrs) = match name {
        "math" => ("math", math_attrs()),
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
        _ => {
            return Err(crate::exc::PyErr::new(
                &crate::types::types().by_name["ModuleNotFoundError"],
                format!("No module named '{name}'"),
            ));
        }
    };
    let m = Value::native(Module { name: static_name, attrs: Rc::new(attrs) });
    let mut loaded = LOADED.replace(Vec::new());
    loaded.push((static_name, m.clone()));
    LOADED.replace(loaded);
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

// ------------------------------------------------------------------- math

fn f64_arg(v: &Value) -> PyResult<f64> {
    match ops::to_f64(v)? {
        Some(f) => Ok(f),
        None => {
            if let Value::Object(_) = v
                && crate::call::lookup_special(v, "__float__").is_some()
            {
                let r = crate::call::call_method(v, "__float__", vec![], vec![])?;
                return f64_arg(&r);
            }
            Err(type_error(format!("must be real number, not {}", type_name(v))))
        }
    }
}

fn domain(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(x))
}

fn one(name: &str, args: &[Value]) -> PyResult<f64> {
    if args.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len())));
    }
    f64_arg(&args[0])
}

macro_rules! unary_math {
    ($($name:ident => $body:expr),* $(,)?) => {
        $(
            fn $name(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
                let x = one(stringify!($name), &args)?;
                let f: fn(f64) -> PyResult<Value> = $body;
                f(x)
            }
        )*
    };
}

unary_math! {
    sqrt => |x| if x < 0.0 { Err(value_error("math domain error")) } else { Ok(Value::Float(x.sqrt())) },
    exp => |x| { let r = x.exp(); if r.is_infinite() && x.is_finite() { Err(crate::exc::overflow_error("math range error")) } else { Ok(Value::Float(r)) } },
    sin => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(Value::Float(x.sin())) },
    cos => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(Value::Float(x.cos())) },
    tan => |x| if x.is_infinite() { Err(value_error("math domain error")) } else { Ok(Value::Float(x.tan())) },
    asin => |x| domain(x.asin()),
    acos => |x| domain(x.acos()),
    atan => |x| Ok(Value::Float(x.atan())),
    sinh => |x| Ok(Value::Float(x.sinh())),
    cosh => |x| Ok(Value::Float(x.cosh())),
    tanh => |x| Ok(Value::Float(x.tanh())),
    fabs => |x| Ok(Value::Float(x.abs())),
    log2 => |x| if x <= 0.0 { Err(value_error("math domain error")) } else { Ok(Value::Float(x.log2())) },
    log10 => |x| if x <= 0.0 { Err(value_error("math domain error")) } else { Ok(Value::Float(x.log10())) },
    log1p => |x| if x <= -1.0 { Err(value_error("math domain error")) } else { Ok(Value::Float(x.ln_1p())) },
    expm1 => |x| Ok(Value::Float(x.exp_m1())),
    degrees => |x| Ok(Value::Float(x.to_degrees())),
    radians => |x| Ok(Value::Float(x.to_radians())),
    isnan => |x| Ok(Value::Bool(x.is_nan())),
    isinf => |x| Ok(Value::Bool(x.is_infinite())),
    isfinite => |x| Ok(Value::Bool(x.is_finite())),
}

fn log(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!("log expected 1 or 2 arguments, got {}", args.len())));
    }
    let ln = |v: &Value| -> PyResult<f64> {
        // Big ints may exceed f64; take the log of their digits instead.
        if let Value::BigInt(b) = v {
            if num_traits::Signed::is_positive(&**b) {
                let bits = b.bits();
                let shift = bits.saturating_sub(60);
                let top = num_traits::ToPrimitive::to_f64(&(&**b >> shift as usize)).unwrap_or(0.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
            return Err(value_error("math domain error"));
        }
        let x = f64_arg(v)?;
        if x <= 0.0 {
            return Err(value_error("math domain error"));
        }
        Ok(x.ln())
    };
    let num = ln(&args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = ln(b)?;
            if den == 0.0 {
                return Err(crate::exc::zero_division_error("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn int_math(name: &'static str, args: Vec<Value>, f: fn(f64) -> f64) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len())));
    }
    match &args[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => crate::builtins::float_to_int(f(*x)),
        other => {
            let dunder = format!("__{name}__");
            if crate::call::lookup_special(other, &dunder).is_some() {
                return crate::call::call_method(other, &dunder, vec![], vec![]);
            }
            Err(type_error(format!("must be real number, not {}", type_name(other))))
        }
    }
}

fn floor(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    int_math("floor", args, f64::floor)
}

fn ceil(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    int_math("ceil", args, f64::ceil)
}

fn trunc(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    int_math("trunc", args, f64::trunc)
}

fn two_f64(name: &str, args: &[Value]) -> PyResult<(f64, f64)> {
    if args.len() != 2 {
        return Err(type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((f64_arg(&args[0])?, f64_arg(&args[1])?))
}

fn atan2(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (y, x) = two_f64("atan2", &args)?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("copysign", &args)?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("fmod", &args)?;
    if y == 0.0 || x.is_infinite() {
        return Err(value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}

fn math_pow(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (x, y) = two_f64("pow", &args)?;
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        if x == 0.0 {
            return Err(value_error("math domain error"));
        }
        return Err(crate::exc::overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn hypot(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut acc = 0.0f64;
    let mut xs = Vec::with_capacity(args.len());
    for a in &args {
        xs.push(f64_arg(a)?.abs());
    }
    let max = xs.iter().cloned().fold(0.0, f64::max);
    if max == 0.0 || max.is_infinite() {
        return Ok(Value::Float(max));
    }
    for x in &xs {
        let s = x / max;
        acc += s * s;
    }
    Ok(Value::Float(max * acc.sqrt()))
}

fn dist(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(type_error(format!("dist expected 2 arguments, got {}", args.len())));
    }
    let p = crate::iter::to_vec(&args[0])?;
    let q = crate::iter::to_vec(&args[1])?;
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        diffs.push(Value::Float(f64_arg(a)? - f64_arg(b)?));
    }
    hypot(diffs, vec![])
}

fn isclose(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let (a, b) = two_f64("isclose", &args)?;
    let mut rel = 1e-9;
    let mut abs = 0.0;
    for (k, v) in kw {
        match k.as_str() {
            "rel_tol" => rel = f64_arg(&v)?,
            "abs_tol" => abs = f64_arg(&v)?,
            other => {
                return Err(type_error(format!("isclose() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    Ok(Value::Bool(pure(crate::num_ops::math_isclose(a, b, rel, abs))?))
}

fn fsum(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let items = crate::iter::to_vec(args.first().unwrap_or(&Value::None))?;
    let mut xs = Vec::with_capacity(items.len());
    for v in &items {
        xs.push(f64_arg(v)?);
    }
    Ok(Value::Float(pure(crate::num_ops::fsum(&xs))?))
}

fn prod(args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut acc = Value::Int(1);
    for (k, v) in kw {
        if k.as_str() == "start" {
            acc = v;
        }
    }
    for v in crate::iter::to_vec(args.first().unwrap_or(&Value::None))? {
        acc = ops::binary(&acc, &v, ops::BinOp::Mul)?;
    }
    Ok(acc)
}

fn int_args(name: &str, args: &[Value]) -> PyResult<Vec<num_bigint::BigInt>> {
    args.iter()
        .map(|v| {
            crate::builtins::to_bigint(v).ok_or_else(|| {
                if matches!(v, Value::Float(_)) {
                    type_error("'float' object cannot be interpreted as an integer")
                } else {
                    type_error(format!("{name}: '{}' object cannot be interpreted as an integer", type_name(v)))
                }
            })
        })
        .collect()
}

fn gcd(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let xs = int_args("gcd", &args)?;
    Ok(Value::from_bigint(crate::num_ops::gcd_many(&xs)))
}

fn lcm(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let xs = int_args("lcm", &args)?;
    Ok(Value::from_bigint(crate::num_ops::lcm_many(&xs)))
}

fn factorial(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(type_error(format!("math.factorial() takes exactly one argument ({} given)", args.len())));
    }
    let xs = int_args("factorial", &args)?;
    Ok(Value::from_bigint(pure(crate::num_ops::factorial(&xs[0]))?))
}

fn isqrt(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let xs = int_args("isqrt", &args)?;
    Ok(Value::from_bigint(pure(crate::num_ops::isqrt(xs.first().cloned().unwrap_or_default()))?))
}

fn comb(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let xs = int_args("comb", &args)?;
    if xs.len() != 2 {
        return Err(type_error(format!("comb expected 2 arguments, got {}", xs.len())));
    }
    Ok(Value::from_bigint(pure(crate::num_ops::comb(&xs[0], &xs[1]))?))
}

fn perm(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let xs = int_args("perm", &args)?;
    match xs.len() {
        1 => Ok(Value::from_bigint(pure(crate::num_ops::factorial(&xs[0]))?)),
        2 => Ok(Value::from_bigint(pure(crate::num_ops::perm(&xs[0], &xs[1]))?)),
        n => Err(type_error(format!("perm expected at most 2 arguments, got {n}"))),
    }
}

fn modf(args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let x = one("modf", &args)?;
    let i = x.trunc();
    let frac = if x.is_infinite() { 0.0f64.copysign(x) } else { x - i };
    Ok(Value::tuple_of([Value::Float(frac), Value::Float(i)]))
}

fn math_attrs() -> Dict {
    let d = Dict::new();
    d.set_str("pi", Value::Float(std::f64::consts::PI));
    d.set_str("e", Value::Float(std::f64::consts::E));
    d.set_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_str("inf", Value::Float(f64::INFINITY));
    d.set_str("nan", Value::Float(f64::NAN));
    let fns: &[(&'static str, crate::func::BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("fabs", fabs),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("expm1", expm1),
        ("degrees", degrees),
        ("radians", radians),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("atan2", atan2),
        ("copysign", copysign),
        ("fmod", fmod),
        ("pow", math_pow),
        ("hypot", hypot),
        ("dist", dist),
        ("isclose", isclose),
        ("fsum", fsum),
        ("prod", prod),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("modf", modf),
    ];
    for (name, f) in fns {
        func(&d, name, *f);
    }
    d
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
    d.set_str(
        "version_info",
        Value::tuple_of([Value::Int(3), Value::Int(12), Value::Int(1), Value::str("final"), Value::Int(0)]),
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
    let s = f64_arg(args.first().unwrap_or(&Value::Int(0)))?;
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

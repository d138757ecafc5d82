//! Functions: user-defined ones (a Rust body plus the signature that binds
//! call arguments to it), bound methods, and built-in functions.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyResult, type_error};
use crate::native::Native;
use crate::str::PyStr;
use crate::tuple::Tuple;
use crate::value::Value;

/// Keyword arguments of a call, in call order.
pub type Kwargs = Vec<(PyStr, Value)>;

/// The uniform signature of functions implemented in Rust.
pub type BuiltinFn = fn(Vec<Value>, Kwargs) -> PyResult<Value>;

/// The parameter list of a `def`, as static data emitted by the transpiler.
/// Parameters are ordered: positional-only, positional-or-keyword, `*args`,
/// keyword-only, `**kwargs`.
pub struct Signature {
    pub params: &'static [&'static str],
    pub posonly: usize,
    /// Positional parameters, including the positional-only ones.
    pub positional: usize,
    pub varargs: bool,
    pub kwonly: usize,
    pub varkw: bool,
}

impl Signature {
    /// A signature made at run time (kept for the program's life, as a
    /// def's is): `positional` parameters, then `kwonly` keyword-only ones.
    pub fn leaked(params: &'static [&'static str], positional: usize, kwonly: usize) -> &'static Signature {
        Box::leak(Box::new(Signature { params, posonly: 0, positional, varargs: false, kwonly, varkw: false }))
    }
}

/// The compiled body of a function: it receives the bound arguments in
/// parameter order (`*args` as a tuple, `**kwargs` as a dict).
pub type Body = Rc<dyn Fn(Vec<Value>) -> PyResult<Value>>;

/// A def's Rust function itself, for calls that pass exactly its
/// positional parameters and no keywords: no binder, no closure, and for a
/// method call no argument vector with the receiver prepended.
#[derive(Clone, Copy)]
pub enum Direct {
    A1(fn(Value) -> PyResult<Value>),
    A2(fn(Value, Value) -> PyResult<Value>),
    A3(fn(Value, Value, Value) -> PyResult<Value>),
    A4(fn(Value, Value, Value, Value) -> PyResult<Value>),
}

impl Direct {
    pub fn arity(self) -> usize {
        match self {
            Direct::A1(_) => 1,
            Direct::A2(_) => 2,
            Direct::A3(_) => 3,
            Direct::A4(_) => 4,
        }
    }

    /// Calls with `first` (a receiver, or the first argument) followed by
    /// `rest`, which must complete the arity.
    #[inline]
    fn call(self, first: Value, rest: Vec<Value>) -> PyResult<Value> {
        self.call_with(first, rest)
    }

    /// [`Direct::call`] with the rest in any container (an array needs no
    /// allocation).
    #[inline]
    pub fn call_with(self, first: Value, rest: impl IntoIterator<Item = Value>) -> PyResult<Value> {
        let mut it = rest.into_iter();
        let mut next = || it.next().unwrap_or_default();
        match self {
            Direct::A1(f) => f(first),
            Direct::A2(f) => f(first, next()),
            Direct::A3(f) => f(first, next(), next()),
            Direct::A4(f) => f(first, next(), next(), next()),
        }
    }
}

pub struct Function {
    pub name: RefCell<PyStr>,
    pub qualname: RefCell<PyStr>,
    pub module: RefCell<PyStr>,
    pub sig: &'static Signature,
    /// Defaults of the last positional parameters (`__defaults__`).
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by keyword-only index.
    pub kwdefaults: Vec<Option<Value>>,
    pub body: Body,
    /// The body as a plain function, when the def captures nothing and its
    /// parameters are all positional.
    pub direct: Option<Direct>,
    /// `__dict__`, created on first attribute assignment.
    pub attrs: RefCell<Option<Rc<Dict>>>,
    /// `__annotations__`: built where the def runs when the program may
    /// read it ([`with_introspection`]), else an empty dict made on first
    /// read.
    pub annotations: RefCell<Option<Rc<Dict>>>,
    /// Whether the body has local variables besides its parameters, which
    /// `__code__.co_varnames` would list (in an order not recorded here).
    pub has_locals: std::cell::Cell<bool>,
    /// `__doc__` (the docstring, or what was assigned).
    pub doc: RefCell<Value>,
}

/// A function defined in one of the program's own modules: its
/// `__module__` is that module's name (the def's `Function::new` says
/// `__main__`).
pub fn with_module(f: Value, module: &str) -> Value {
    if let Value::Function(func) = &f {
        *func.module.borrow_mut() = PyStr::new(module);
    }
    f
}

impl Function {
    pub fn new(
        name: &str,
        qualname: &str,
        sig: &'static Signature,
        defaults: Vec<Value>,
        kwdefaults: Vec<Option<Value>>,
        body: Body,
        direct: Option<Direct>,
    ) -> Value {
        Value::Function(Rc::new(Function {
            name: RefCell::new(PyStr::new(name)),
            qualname: RefCell::new(PyStr::new(qualname)),
            module: RefCell::new(PyStr::new("__main__")),
            sig,
            defaults,
            kwdefaults,
            body,
            direct,
            attrs: RefCell::new(None),
            annotations: RefCell::new(None),
            has_locals: std::cell::Cell::new(false),
            doc: RefCell::new(Value::None),
        }))
    }

    /// A function implemented by a Rust closure but behaving like a `def`
    /// (it binds as a method, has a qualname, reports bad calls as CPython
    /// does): the methods runtime modules add to classes.
    pub fn native(
        qualname_prefix: &str,
        name: &str,
        params: &'static [&'static str],
        body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static,
    ) -> Value {
        let sig = Signature::leaked(params, params.len(), 0);
        let qual = if qualname_prefix.is_empty() { name.to_string() } else { format!("{qualname_prefix}.{name}") };
        Function::new(name, &qual, sig, vec![], vec![], Rc::new(body), None)
    }

    /// A function of a standard-library module written in Python in
    /// CPython (`heapq.nlargest`, `string.capwords`): a Rust body behind a
    /// `def`'s signature, so bad calls get the binder's messages, and
    /// `__module__` names the module.
    pub fn in_module(
        module: &str,
        name: &str,
        sig: &'static Signature,
        defaults: Vec<Value>,
        kwdefaults: Vec<Option<Value>>,
        body: fn(Vec<Value>) -> PyResult<Value>,
    ) -> Value {
        Value::Function(Rc::new(Function {
            name: RefCell::new(PyStr::new(name)),
            qualname: RefCell::new(PyStr::new(name)),
            module: RefCell::new(PyStr::new(module)),
            sig,
            defaults,
            kwdefaults,
            body: Rc::new(body),
            direct: None,
            attrs: RefCell::new(None),
            annotations: RefCell::new(None),
            has_locals: std::cell::Cell::new(false),
            doc: RefCell::new(Value::None),
        }))
    }

    /// A call with positional arguments only, in an array: straight to the
    /// Rust function when it takes exactly these.
    #[inline]
    pub fn call_n<const N: usize>(&self, args: [Value; N]) -> PyResult<Value> {
        if let Some(d) = self.direct
            && N == d.arity()
        {
            // A direct entry takes at least one argument, so `first` is there.
            let mut it = args.into_iter();
            let first = it.next().unwrap_or_default();
            return d.call_with(first, it);
        }
        self.call(args.into(), Vec::new())
    }

    pub fn call(&self, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        if let Some(d) = self.direct
            && kwargs.is_empty()
            && args.len() == d.arity()
        {
            let mut args = args;
            let first = args.remove(0);
            return d.call(first, args);
        }
        let bound = bind(self, args, kwargs)?;
        (self.body)(bound)
    }

    /// `obj.method(*args)` for a method found on the class: the receiver
    /// goes first without building a new argument vector when possible.
    pub fn call_with_receiver(&self, receiver: Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
        if let Some(d) = self.direct
            && kwargs.is_empty()
            && args.len() + 1 == d.arity()
        {
            return d.call(receiver, args);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(receiver);
        full.extend(args);
        self.call(full, kwargs)
    }

    pub fn attrs(&self) -> Rc<Dict> {
        self.attrs.borrow_mut().get_or_insert_with(|| Rc::new(Dict::new())).clone()
    }

    /// `__annotations__`, an empty dict kept from the first read when the
    /// def recorded none.
    pub fn annotations(&self) -> Rc<Dict> {
        self.annotations.borrow_mut().get_or_insert_with(|| Rc::new(Dict::new())).clone()
    }

    /// `__kwdefaults__`: the keyword-only parameters with defaults, or None.
    pub fn kwdefaults_dict(&self) -> Value {
        let sig = self.sig;
        let first_kwonly = sig.positional + sig.varargs as usize;
        let d = Dict::new();
        for (i, v) in self.kwdefaults.iter().enumerate() {
            if let Some(v) = v {
                d.set_str(sig.params[first_kwonly + i], v.clone());
            }
        }
        if d.is_empty() { Value::None } else { Value::Dict(Rc::new(d)) }
    }

    /// The parameter names in `co_varnames` order: positional, keyword-only,
    /// then `*args` and `**kwargs`.
    pub fn varnames(&self) -> Vec<&'static str> {
        let sig = self.sig;
        let p = sig.params;
        let npos = sig.positional;
        let kw = npos + sig.varargs as usize;
        let mut out: Vec<&'static str> = p[..npos].to_vec();
        out.extend(&p[kw..kw + sig.kwonly]);
        if sig.varargs {
            out.push(p[npos]);
        }
        if sig.varkw {
            out.push(p[kw + sig.kwonly]);
        }
        out
    }
}

/// Records what reading a def's `__annotations__` and `__code__` needs,
/// for programs that may read them: the annotations (evaluated where the
/// def runs, in CPython's order) and whether the body has other locals.
pub fn with_introspection(
    f: Value,
    annotations: impl IntoIterator<Item = (&'static str, Value)>,
    has_locals: bool,
) -> Value {
    if let Value::Function(func) = &f {
        let d = Dict::new();
        for (k, v) in annotations {
            d.set_str(k, v);
        }
        if !d.is_empty() {
            *func.annotations.borrow_mut() = Some(Rc::new(d));
        }
        func.has_locals.set(has_locals);
    }
    f
}

/// `f.__code__`: what the runtime knows of a def's code object.
pub struct Code {
    pub func: Rc<Function>,
}

impl Native for Code {
    fn type_name(&self) -> &'static str {
        "code"
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Err(crate::exc::not_implemented_error("py2rs: repr() of a code object is not supported"))
    }

    fn getattr(&self, this: &Value, name: &str) -> Option<PyResult<Value>> {
        let f = &self.func;
        let sig = f.sig;
        let names = |v: Vec<&'static str>| Value::tuple(v.into_iter().map(Value::str).collect());
        Some(Ok(match name {
            "co_name" => Value::Str(f.name.borrow().clone()),
            "co_qualname" => Value::Str(f.qualname.borrow().clone()),
            "co_argcount" => Value::Int(sig.positional as i64),
            "co_posonlyargcount" => Value::Int(sig.posonly as i64),
            "co_kwonlyargcount" => Value::Int(sig.kwonly as i64),
            "co_varnames" if !f.has_locals.get() => names(f.varnames()),
            "__class__" => return None,
            _ if name.starts_with("co_") || name.starts_with("__") => {
                return Some(Err(crate::exc::not_implemented_error(format!(
                    "py2rs: code.{name} is not supported{}",
                    if name == "co_varnames" { " for a function with local variables" } else { "" }
                ))));
            }
            _ => return Some(Err(crate::attr::no_attribute(this, name))),
        }))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") }
}

/// Joins names as CPython does in its messages: 'a', 'b' and 'c'.
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Binds a call's arguments to `f`'s parameters, with CPython's errors.
pub fn bind(f: &Function, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Vec<Value>> {
    let sig = f.sig;
    let npos = sig.positional;
    if kwargs.is_empty() && !sig.varargs && sig.kwonly == 0 && !sig.varkw && args.len() == npos {
        return Ok(args);
    }
    let qual = f.qualname.borrow().clone();
    let nslots = npos + sig.kwonly;
    let mut slots: Vec<Option<Value>> = vec![None; nslots];
    let given_pos = args.len();
    let mut extra = Vec::new();
    for (i, a) in args.into_iter().enumerate() {
        if i < npos {
            slots[i] = Some(a);
        } else {
            extra.push(a);
        }
    }
    if !extra.is_empty() && !sig.varargs {
        return Err(too_many_positional(f, &qual, given_pos, &kwargs));
    }
    let varkw = Dict::new();
    let mut posonly_as_kw: Vec<&str> = Vec::new();
    let kwonly_names = &sig.params[npos + sig.varargs as usize..npos + sig.varargs as usize + sig.kwonly];
    for (k, v) in kwargs {
        let pos_idx = sig.params[..npos].iter().position(|p| *p == k.as_str());
        let slot = match pos_idx {
            Some(i) if i < sig.posonly => None,
            Some(i) => Some(i),
            None => kwonly_names.iter().position(|p| *p == k.as_str()).map(|i| npos + i),
        };
        match slot {
            Some(i) => {
                if slots[i].is_some() {
                    return Err(type_error(format!("{qual}() got multiple values for argument '{k}'")));
                }
                slots[i] = Some(v);
            }
            None if sig.varkw => {
                varkw.set(Value::Str(k), v)?;
            }
            None => {
                if let Some(i) = pos_idx {
                    posonly_as_kw.push(sig.params[i]);
                    continue;
                }
                return Err(type_error(format!("{qual}() got an unexpected keyword argument '{k}'")));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(type_error(format!(
            "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults fill the last positional parameters.
    let first_default = npos - f.defaults.len().min(npos);
    let mut missing: Vec<&str> = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(npos) {
        if slot.is_none() {
            if i >= first_default {
                *slot = Some(f.defaults[i - first_default].clone());
            } else {
                missing.push(sig.params[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{qual}() missing {} required positional {}: {}",
            missing.len(),
            if missing.len() == 1 { "argument" } else { "arguments" },
            name_list(&missing)
        )));
    }
    let mut missing_kw: Vec<&str> = Vec::new();
    for k in 0..sig.kwonly {
        if slots[npos + k].is_none() {
            match f.kwdefaults.get(k).cloned().flatten() {
                Some(d) => slots[npos + k] = Some(d),
                None => missing_kw.push(kwonly_names[k]),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(type_error(format!(
            "{qual}() missing {} required keyword-only {}: {}",
            missing_kw.len(),
            if missing_kw.len() == 1 { "argument" } else { "arguments" },
            name_list(&missing_kw)
        )));
    }
    let mut out: Vec<Value> = Vec::with_capacity(sig.params.len());
    let mut slots = slots.into_iter().map(|s| s.unwrap_or_default());
    out.extend(slots.by_ref().take(npos));
    if sig.varargs {
        out.push(Value::Tuple(Rc::new(Tuple::new(extra))));
    }
    out.extend(slots);
    if sig.varkw {
        out.push(Value::Dict(Rc::new(varkw)));
    }
    Ok(out)
}

fn too_many_positional(f: &Function, qual: &str, given: usize, kwargs: &Kwargs) -> crate::exc::PyErr {
    let sig = f.sig;
    let npos = sig.positional;
    let min = npos - f.defaults.len().min(npos);
    let takes = if min == npos {
        plural(npos, "positional argument")
    } else {
        format!("from {min} to {npos} positional arguments")
    };
    let kwonly_names = &sig.params[npos + sig.varargs as usize..npos + sig.varargs as usize + sig.kwonly];
    let kw_given = kwargs.iter().filter(|(k, _)| kwonly_names.contains(&k.as_str())).count();
    let was = if given == 1 { "was" } else { "were" };
    if kw_given > 0 {
        let kw = plural(kw_given, "keyword-only argument");
        let args = if given == 1 { "argument" } else { "arguments" };
        type_error(format!("{qual}() takes {takes} but {given} positional {args} (and {kw}) {was} given"))
    } else {
        type_error(format!("{qual}() takes {takes} but {given} {was} given"))
    }
}

/// A method bound to its instance (`obj.method`).
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

impl Native for BoundMethod {
    fn type_name(&self) -> &'static str {
        "method"
    }

    fn class(&self) -> Rc<crate::class::Class> {
        crate::types_mod::method_class()
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(self.receiver.clone());
        full.extend(args);
        Some(crate::call::call(&self.func, full, kwargs))
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        let qual = match &self.func {
            Value::Function(f) => f.qualname.borrow().to_string(),
            other => crate::ops::type_name(other).to_string(),
        };
        Ok(format!("<bound method {qual} of {}>", crate::fmt::repr(&self.receiver)?))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__self__" => Some(Ok(self.receiver.clone())),
            "__func__" => Some(Ok(self.func.clone())),
            _ => Some(crate::attr::getattr(&self.func, name)),
        }
    }

    fn eq(&self, other: &Value) -> Option<bool> {
        match other {
            Value::Native(_) => crate::native::downcast::<BoundMethod>(other)
                .map(|o| o.func.is(&self.func) && o.receiver.is(&self.receiver)),
            _ => Some(false),
        }
    }
}

/// A function implemented in Rust (`len`, `math.sqrt`, `list.append` bound to
/// a list...). `receiver` is prepended to the arguments when present.
pub struct BuiltinFunction {
    pub name: &'static str,
    pub f: fn(Vec<Value>, Kwargs) -> PyResult<Value>,
}

impl Native for BuiltinFunction {
    fn type_name(&self) -> &'static str {
        "builtin_function_or_method"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some((self.f)(args, kwargs))
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<built-in function {}>", self.name))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" | "__qualname__" => Some(Ok(Value::str(self.name))),
            "from_iterable" if self.name == "chain" => Some(Ok(crate::itertools::chain_from_iterable_fn())),
            _ => None,
        }
    }
}

/// A method of a built-in type looked up on an instance (`[].append`).
pub struct BoundBuiltin {
    pub receiver: Value,
    pub name: PyStr,
}

impl Native for BoundBuiltin {
    fn type_name(&self) -> &'static str {
        "builtin_function_or_method"
    }

    fn call(&self, _this: &Value, args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        Some(crate::methods::call_builtin_method(&self.receiver, &self.name, args, kwargs))
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!(
            "<built-in method {} of {} object at {:#x}>",
            self.name,
            crate::ops::type_name(&self.receiver),
            self.receiver.identity()
        ))
    }

    fn getattr(&self, _this: &Value, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__name__" => Some(Ok(Value::Str(self.name.clone()))),
            "__self__" => Some(Ok(self.receiver.clone())),
            _ => None,
        }
    }
}

/// A method of a built-in type looked up on the type (`str.upper`): calling
/// it takes the receiver as the first argument.
pub struct UnboundBuiltin {
    pub class: Rc<crate::class::Class>,
    pub name: PyStr,
}

impl Native for UnboundBuiltin {
    fn type_name(&self) -> &'static str {
        "method_descriptor"
    }

    fn call(&self, _this: &Value, mut args: Vec<Value>, kwargs: Kwargs) -> Option<PyResult<Value>> {
        if args.is_empty() {
            return Some(Err(type_error(format!(
                "unbound method {}.{}() needs an argument",
                self.class.name(),
                self.name
            ))));
        }
        let receiver = args.remove(0);
        Some(crate::methods::call_builtin_method(&receiver, &self.name, args, kwargs))
    }

    fn repr(&self, _this: &Value) -> PyResult<String> {
        Ok(format!("<method '{}' of '{}' objects>", self.name, self.class.name()))
    }
}

/// Splits bound arguments into a fixed-size array for the Rust function.
pub fn args<const N: usize>(v: Vec<Value>) -> [Value; N] {
    let mut it = v.into_iter();
    std::array::from_fn(|_| it.next().unwrap_or_default())
}

/// Sets a function's `__doc__` (from its docstring).
pub fn with_doc(f: Value, doc: &str) -> Value {
    if let Value::Function(func) = &f {
        *func.doc.borrow_mut() = Value::str(doc);
    }
    f
}

/// Takes a built-in's keyword arguments into positional slots by name,
/// with the errors of CPython's C functions (`'k' is an invalid keyword
/// argument for f()`). Extra positional arguments get slots too; callers
/// check counts.
pub fn keyword_slots(name: &str, mut args: Vec<Value>, kwargs: Kwargs, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let mut slots: Vec<Option<Value>> = vec![None; names.len().max(args.len())];
    for (i, a) in args.drain(..).enumerate() {
        slots[i] = Some(a);
    }
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) => {
                if slots[i].is_some() {
                    return Err(type_error(format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                slots[i] = Some(v);
            }
            None => {
                return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
            }
        }
    }
    Ok(slots)
}

/// `typing.get_type_hints(obj)` for a function or class whose annotations
/// are values: a new dict of them (a class's merged along its MRO, bases
/// first), with `None` read as `NoneType`. A string annotation would be
/// evaluated in the module's namespace, which is not written, and
/// `Annotated` would be stripped: both raise NotImplementedError.
pub fn get_type_hints(args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = keyword_slots("get_type_hints", args, kwargs, &["obj", "globalns", "localns", "include_extras"])?;
    if slots.len() > 4 {
        return Err(type_error(format!(
            "get_type_hints() takes from 1 to 4 positional arguments but {} were given",
            slots.len()
        )));
    }
    let Some(obj) = slots[0].clone() else {
        return Err(type_error("get_type_hints() missing 1 required positional argument: 'obj'"));
    };
    let given = |i: usize| slots.get(i).cloned().flatten().is_some_and(|v| !v.is_none());
    if given(1) || given(2) {
        return Err(crate::exc::not_implemented_error("py2rs: get_type_hints() with globalns or localns"));
    }
    let sources: Vec<Value> = match &obj {
        Value::Class(c) => {
            let mut mro = c.mro_with_self();
            mro.reverse();
            mro.into_iter().filter_map(|k| k.dict.get_str("__annotations__")).collect()
        }
        Value::Function(f) => vec![Value::Dict(f.annotations())],
        _ => {
            return Err(crate::exc::not_implemented_error(
                "py2rs: get_type_hints() of an object other than a function or class",
            ));
        }
    };
    let hints = Dict::new();
    for anns in sources {
        let Value::Dict(anns) = anns else { continue };
        for (k, v) in anns.items() {
            let v = match v {
                Value::None => Value::Class(crate::types::types().none.clone()),
                Value::Str(_) => {
                    return Err(crate::exc::not_implemented_error(
                        "py2rs: get_type_hints() of a string annotation (it would be evaluated in the module)",
                    ));
                }
                v if crate::fmt::repr(&v)?.starts_with("typing.Annotated[") => {
                    return Err(crate::exc::not_implemented_error(
                        "py2rs: get_type_hints() of an Annotated annotation",
                    ));
                }
                v => v,
            };
            hints.set(k, v)?;
        }
    }
    Ok(Value::Dict(Rc::new(hints)))
}

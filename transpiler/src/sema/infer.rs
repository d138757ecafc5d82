//! Type inference for the native tier.
//!
//! A module-level function becomes native when every value in it has one
//! certain type among `int`, `float`, `bool`, lists of those and (as a
//! return value) tuples of them, and its body does nothing a native Rust
//! function could not repeat: it reads only its parameters and locals,
//! mutates only lists it created, and calls only other native functions,
//! a few builtins and `math`. Such a function is pure, which is what lets
//! its native code bail out (see `py2rs_runtime::typed`) and leave the rest
//! to the dynamic version.
//!
//! Generator functions are native too (their every `yield` a statement):
//! native code steps them, while a dynamic call still makes a Python
//! generator. So are the module's top-level loops ("regions"): one whose
//! body is native works on the module variables it reads and binds as
//! if they were locals, read as it starts and stored back as it ends.
//!
//! Parameters take their types from annotations. Annotations are hints,
//! not promises: the caller checks each argument's actual type before
//! entering native code, so `f(1)` on `def f(x: float)` runs dynamically.
//! An unannotated parameter is guessed from its use, or else typed by what
//! native callers pass (`evens(numbers(n))` makes `evens`'s parameter a
//! generator of ints).
//! Everything else is inferred: literals, operators, calls, loop variables,
//! comprehensions. Inference runs to a fixpoint over all functions at once
//! (return types feed callers, recursion included); a function whose types
//! do not settle, or that uses anything outside this subset, stays dynamic
//! with the reason recorded for `--explain-types`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use num_traits::ToPrimitive;

use crate::frontend::{ast, span};
use crate::sema::fixed::FixedClass;
use crate::sema::{Program, ScopeKind};

/// Native tuples are Rust tuples of 2 up to this many items, the sizes the
/// runtime converts (`typed::ToValue`, unpacking); `(x,)`, `()` and longer
/// tuples stay dynamic.
const MAX_NATIVE_TUPLE: usize = 4;

/// A native type. Lists hold scalars; tuples appear only as return values
/// and on the right of tuple assignments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NTy {
    Int,
    Float,
    Bool,
    List(Box<NTy>),
    Tuple(Vec<NTy>),
    /// A str that is read, never built: a parameter or a literal.
    Str,
    /// One character of a str (`for c in s`, `s[i]`): a str of length 1.
    Char,
    /// A dict the function builds from `{}`: int or str keys, scalar
    /// values. It never leaves the function except as its return value.
    Dict(Box<NTy>, Box<NTy>),
    /// What a native generator function returns, stepped by a `for` or
    /// handed straight to another native call: its items' type.
    Gen(Box<NTy>),
    /// The value `None`, as assigned to a local.
    None,
    /// A scalar local that is `None` at times (`prev = None`, later an
    /// int). Reading it anywhere but in `is None` bails when it is `None`:
    /// the dynamic code then does whatever Python does with `None`.
    Opt(Box<NTy>),
    /// An instance of the fixed-layout class of that name (`sema::fixed`),
    /// shared with the dynamic world: its fields are read and written in
    /// place.
    Obj(String),
}

impl NTy {
    /// An instance, or an instance or None.
    pub fn holds_instance(&self) -> bool {
        match self {
            NTy::Obj(_) => true,
            NTy::Opt(t) => t.holds_instance(),
            _ => false,
        }
    }

    /// Whether a local of this type may also hold None (`NTy::Opt`).
    pub fn may_be_none(&self) -> bool {
        self.is_scalar() || matches!(self, NTy::Obj(_))
    }

    pub fn is_scalar(&self) -> bool {
        matches!(self, NTy::Int | NTy::Float | NTy::Bool)
    }

    fn is_numeric(&self) -> bool {
        self.is_scalar()
    }

    /// A str, or one character of one.
    pub fn is_text(&self) -> bool {
        matches!(self, NTy::Str | NTy::Char)
    }

    /// Held in Rust by value and copied freely (scalars, texts).
    pub fn is_copy(&self) -> bool {
        self.is_scalar() || self.is_text()
    }

    pub fn list_of(elem: NTy) -> NTy {
        NTy::List(Box::new(elem))
    }

    pub fn dict_of(key: NTy, value: NTy) -> NTy {
        NTy::Dict(Box::new(key), Box::new(value))
    }

    /// A container a local variable owns (a list or dict): copying one
    /// into another name would need reference semantics.
    pub fn is_container(&self) -> bool {
        matches!(self, NTy::List(_) | NTy::Dict(..))
    }

    /// Made a dynamic object inside the native function, as it returns:
    /// it may borrow from the function's arena (strs it built), and a
    /// native caller cannot use it.
    pub fn leaves_as_value(&self) -> bool {
        match self {
            NTy::Str | NTy::Dict(..) => true,
            NTy::List(e) => **e == NTy::Str,
            _ => false,
        }
    }

    /// A generator's items: scalars or tuples of them.
    fn is_item(&self) -> bool {
        match self {
            NTy::Tuple(items) => items.iter().all(NTy::is_scalar),
            t => t.is_scalar(),
        }
    }

    /// A type a field of a fixed-layout class may have natively.
    pub fn is_field(&self) -> bool {
        self.is_scalar() || matches!(self, NTy::Obj(_))
    }

    /// A type a native dict may have as its key.
    fn is_key(&self) -> bool {
        matches!(self, NTy::Int | NTy::Str)
    }
}

impl fmt::Display for NTy {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            NTy::Int => write!(f, "int"),
            NTy::Float => write!(f, "float"),
            NTy::Bool => write!(f, "bool"),
            NTy::List(e) => write!(f, "list[{e}]"),
            NTy::Str => write!(f, "str"),
            NTy::Char => write!(f, "str (one character)"),
            NTy::Dict(k, v) => write!(f, "dict[{k}, {v}]"),
            NTy::Tuple(items) => {
                let parts: Vec<String> = items.iter().map(ToString::to_string).collect();
                write!(f, "tuple[{}]", parts.join(", "))
            }
            NTy::Gen(t) => write!(f, "generator[{t}]"),
            NTy::None => write!(f, "None"),
            NTy::Opt(t) => write!(f, "{t} | None"),
            NTy::Obj(c) => write!(f, "{c}"),
        }
    }
}

/// Why a function stays dynamic, at the construct that decided it.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub offset: usize,
    pub reason: String,
}

type R<T> = Result<T, Refusal>;

fn refuse<T, N: ast::Ranged>(node: &N, reason: impl Into<String>) -> R<T> {
    Err(Refusal { offset: span(node).0, reason: reason.into() })
}

/// A function proven native: its parameter, local and return types.
#[derive(Clone, Debug)]
pub struct NativeFn {
    pub params: Vec<(String, NTy)>,
    pub locals: BTreeMap<String, NTy>,
    pub ret: NTy,
    /// Calls native functions (so it counts against the recursion limit).
    pub calls: bool,
    /// Parameters without annotations whose type was guessed from use.
    pub guessed: BTreeSet<String>,
    /// Of those, the ones typed by what native callers pass.
    pub from_callers: BTreeSet<String>,
    /// The native generators it calls.
    pub generators: BTreeSet<String>,
    /// Scalar locals that a read may find unbound.
    pub maybe_unbound: BTreeSet<String>,
    /// For a method: its class.
    pub owner: Option<String>,
    /// For a method: the class whose def it is (its own or a base).
    pub definer: Option<String>,
    /// The units it calls.
    pub callees: BTreeSet<String>,
    /// Whether it or a unit it calls (directly or not) writes a field: only
    /// then does a dynamic caller keep a journal of its writes.
    pub writes: bool,
    pub kind: UnitKind,
    /// Parameters nothing typed, taken to be ints (methods only; checked
    /// at each dynamic call like an annotation).
    pub speculated: BTreeSet<String>,
}

/// The outcome of inference for every module-level function considered.
pub type Plans = BTreeMap<String, Result<NativeFn, Refusal>>;

/// A candidate's signature while inference runs.
#[derive(Clone)]
pub struct Sig {
    pub params: Vec<(String, NTy)>,
    pub ret: Option<NTy>,
}

/// The value of a module-level constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A list or tuple of str literals that nothing changes or hands on:
    /// every read of it is `name[i]`, `len(name)`, `for _ in name` or
    /// `_ in name` (see `Symbol::whole`).
    Texts(Vec<String>),
}

impl Const {
    pub fn ty(&self) -> NTy {
        match self {
            Const::Int(_) => NTy::Int,
            Const::Float(_) => NTy::Float,
            Const::Bool(_) => NTy::Bool,
            Const::Texts(_) => NTy::list_of(NTy::Str),
        }
    }
}

/// What the bodies may refer to besides their own locals.
pub struct World {
    pub sigs: BTreeMap<String, Sig>,
    /// Candidates with a parameter that neither an annotation nor a guess
    /// types: native callers give it its type (`evens(numbers(n))`).
    pub pending: BTreeMap<String, Vec<(String, Option<NTy>)>>,
    /// Module globals bound once, to a constant, before any code that could
    /// call a function runs: native code uses their values.
    pub consts: BTreeMap<String, Const>,
    /// `math` is the module imported once at the top level, never rebound.
    pub math: bool,
    /// Names assigned at module level (they shadow builtins).
    pub module_names: BTreeSet<String>,
    /// Functions defined before any user code can run (see `plan`).
    pub early: BTreeSet<String>,
    /// The fixed-layout classes, by name.
    pub classes: BTreeMap<String, FixedClass>,
    /// The native type of each field native code stores into, by class and
    /// field; and the fields stored with two types (native code leaves
    /// those alone), with the reason.
    pub field_types: BTreeMap<(String, String), NTy>,
    pub mixed_fields: BTreeMap<(String, String), String>,
    /// Fields native code stores `None` into: it may store, not read them.
    pub none_fields: BTreeSet<(String, String)>,
    /// Method parameters taken to be ints, by unit.
    pub speculated: BTreeMap<String, BTreeSet<String>>,
}

/// What inference works through: a function's body, or one module-level
/// loop (a region) whose module variables act as its locals.
struct Unit<'a> {
    name: String,
    body: &'a [ast::Stmt],
    /// Where a refusal about the whole unit points.
    offset: usize,
    kind: UnitKind,
    /// The names the body binds, besides its parameters.
    local_names: BTreeSet<String>,
    /// Parameters without annotations (typed by a guess or by callers).
    guessed: BTreeSet<String>,
    /// Parameters typed by native callers.
    from_callers: BTreeSet<String>,
    /// A region's parameters that it also binds (outputs as well as inputs).
    rebinds: BTreeSet<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Function,
    Generator,
    Region,
    /// A fixed-layout class's `__init__`: it returns its instance natively.
    Init,
}

/// A module-level loop proven native. Nothing but the loop can observe
/// module variables while it runs (it calls only native functions), so it
/// reads the ones it needs as it starts and writes the ones it binds back
/// as it ends; if it bails, the dynamic loop runs from the start instead.
#[derive(Clone, Debug)]
pub struct Region {
    /// Offset of the loop statement.
    pub offset: usize,
    /// Its name in `mod native`.
    pub name: String,
    /// The function it runs as: parameters are the module variables read
    /// before being bound, locals the ones it binds.
    pub nf: NativeFn,
    /// Every module variable it binds, with its type, in name order.
    pub outputs: Vec<(String, NTy)>,
}

/// Every module-level loop considered, by offset: native, or why not.
pub type Regions = BTreeMap<usize, Result<Region, Refusal>>;

/// Infers native plans for `candidates`: module-level functions that are
/// never rebound and are called only by position, and for the module's
/// top-level loops and the methods of fixed-layout classes when `beyond_functions`
/// is set.
/// Returns the plans, the world of the functions proven native and the
/// regions proven native.
/// `early` names the candidates whose `def` runs before any code that could
/// call a function: only those may be called from other native functions
/// (a later one could still be undefined, a NameError in Python).
pub fn plan(
    prog: &Program,
    source: &str,
    body: &[ast::Stmt],
    candidates: &BTreeSet<String>,
    early: &BTreeSet<String>,
    beyond_functions: bool,
    excluded: &BTreeMap<String, String>,
) -> (Plans, World, Regions) {
    let mut plans = Plans::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut world = World {
        sigs: BTreeMap::new(),
        pending: BTreeMap::new(),
        consts: constants(prog, body),
        early: early.clone(),
        math: math_imported(prog, body),
        module_names: prog.scopes[0].symbols.iter().filter(|(_, s)| s.assigned).map(|(n, _)| n.clone()).collect(),
        classes: BTreeMap::new(),
        field_types: BTreeMap::new(),
        mixed_fields: BTreeMap::new(),
        none_fields: BTreeSet::new(),
        speculated: BTreeMap::new(),
    };
    if beyond_functions {
        for (name, class) in crate::sema::fixed::classes(prog, body) {
            if let Ok(class) = class {
                world.classes.insert(name, class);
            }
        }
    }
    let mut region_refusals = BTreeMap::new();
    // Each loop's offset, by its name.
    let mut loop_offsets = BTreeMap::new();
    for s in body {
        let ast::Stmt::FunctionDef(f) = s else { continue };
        let name = f.name.to_string();
        if !candidates.contains(&name) {
            continue;
        }
        match signature(prog, s, f, &world.classes) {
            Ok(sig) => register(&mut world, &mut units, name, s, f, sig, 0),
            Err(r) => {
                plans.insert(name, Err(r));
            }
        }
    }
    if beyond_functions {
        method_units(prog, source, body, &mut world, &mut units, &mut plans);
    }
    let mut loops = Vec::new();
    if beyond_functions {
        module_loops(body, &mut Vec::new(), &mut loops);
    }
    for (s, before) in loops {
        let (line, _) = crate::diagnostics::line_col(source, span(s).0);
        let name = format!("loop_{line}");
        loop_offsets.insert(name.clone(), span(s).0);
        match region_signature(&world, s, &before) {
            Ok((params, local_names, rebinds)) => {
                world.sigs.insert(name.clone(), Sig { params, ret: None });
                units.push(Unit {
                    name,
                    body: std::slice::from_ref(s),
                    offset: span(s).0,
                    kind: UnitKind::Region,
                    local_names,
                    guessed: BTreeSet::new(),
                    from_callers: BTreeSet::new(),
                    rebinds,
                });
            }
            Err(r) => {
                region_refusals.insert(name, r);
            }
        }
    }
    // Units the lowering cannot name apart stay dynamic.
    for u in units.iter().filter(|u| excluded.contains_key(&u.name)) {
        world.sigs.remove(&u.name);
        world.pending.remove(&u.name);
        plans.insert(u.name.clone(), Err(Refusal { offset: u.offset, reason: excluded[&u.name].clone() }));
    }
    fixpoint(&mut world, &units, &mut plans, &mut region_refusals);
    // A method parameter that nothing typed is taken to be an int: the
    // dynamic method checks it at each call, so a wrong guess only costs
    // the native path. Outermost methods first (those no other unit calls),
    // so that their native calls type the methods they call.
    let called: BTreeSet<&str> = units
        .iter()
        .filter(|u| u.name.contains('.'))
        .filter(|u| units.iter().any(|caller| caller.name != u.name && calls_method(source, caller.body, &u.name)))
        .map(|u| u.name.as_str())
        .collect();
    loop {
        let untyped: Vec<&Unit> =
            units.iter().filter(|u| u.name.contains('.') && world.pending.contains_key(&u.name)).collect();
        if untyped.is_empty() {
            break;
        }
        let outermost: Vec<String> =
            untyped.iter().filter(|u| !called.contains(u.name.as_str())).map(|u| u.name.clone()).collect();
        let chosen = if outermost.is_empty() { vec![untyped[untyped.len() - 1].name.clone()] } else { outermost };
        for name in chosen {
            let params = world.pending.remove(&name).unwrap_or_default();
            let guessed: BTreeSet<String> =
                params.iter().filter(|(_, t)| t.is_none()).map(|(n, _)| n.clone()).collect();
            let params = params.into_iter().map(|(n, t)| (n, t.unwrap_or(NTy::Int))).collect();
            world.sigs.insert(name.clone(), Sig { params, ret: initial_ret(&name) });
            world.speculated.insert(name, guessed);
        }
        fixpoint(&mut world, &units, &mut plans, &mut region_refusals);
    }
    for (name, params) in std::mem::take(&mut world.pending) {
        let (p, _) = params.iter().find(|(_, t)| t.is_none()).cloned().unwrap_or_default();
        let offset = units.iter().find(|u| u.name == name).map_or(0, |u| u.offset);
        let reason = format!("parameter '{p}' has no type annotation, and no native code calls it");
        plans.insert(name, Err(Refusal { offset, reason }));
    }
    // A final strict pass: every type must now be known. Refusing one
    // function can refuse its callers, so repeat until none is refused.
    let mut regions_out = BTreeMap::new();
    loop {
        let mut refused = false;
        for unit in &units {
            if !world.sigs.contains_key(&unit.name) {
                continue;
            }
            let outcome = finish(&world, unit);
            if outcome.is_err() {
                world.sigs.remove(&unit.name);
                refused = true;
            }
            if unit.kind == UnitKind::Region {
                match outcome.and_then(|nf| region_outputs(unit, nf)) {
                    Ok(r) => regions_out.insert(unit.name.clone(), Ok(r)),
                    Err(e) => regions_out.insert(unit.name.clone(), Err(e)),
                };
            } else {
                plans.insert(unit.name.clone(), outcome);
            }
        }
        // A native generator's type holds those of the generators it makes,
        // so one that makes itself, directly or through others, has no
        // Rust type: it stays dynamic.
        for unit in units.iter().filter(|u| u.kind == UnitKind::Generator) {
            if world.sigs.contains_key(&unit.name) && makes_itself(&plans, &unit.name) {
                world.sigs.remove(&unit.name);
                let reason = "it makes itself, directly or through other generators".to_string();
                plans.insert(unit.name.clone(), Err(Refusal { offset: unit.offset, reason }));
                refused = true;
            }
        }
        if !refused {
            break;
        }
    }
    // The strict pass's word on a region is final; one refused before it
    // keeps the refusal it had.
    let regions = loop_offsets
        .into_iter()
        .filter_map(|(name, offset)| {
            let outcome = regions_out.remove(&name).or_else(|| region_refusals.remove(&name).map(Err))?;
            Some((offset, outcome))
        })
        .collect();
    for u in units.iter().filter(|u| u.kind == UnitKind::Region) {
        world.sigs.remove(&u.name);
    }
    let writers = writers(&plans);
    for (name, p) in plans.iter_mut() {
        if let Ok(nf) = p {
            nf.writes = writers.contains(name);
        }
    }
    (plans, world, regions)
}

/// The units that write a field or call one that does, directly or not.
fn writers(plans: &Plans) -> BTreeSet<String> {
    let mut out: BTreeSet<String> =
        plans.iter().filter(|(_, p)| matches!(p, Ok(nf) if nf.writes)).map(|(n, _)| n.clone()).collect();
    loop {
        let more: Vec<String> = plans
            .iter()
            .filter(|(n, p)| !out.contains(*n) && matches!(p, Ok(nf) if nf.callees.iter().any(|c| out.contains(c))))
            .map(|(n, _)| n.clone())
            .collect();
        if more.is_empty() {
            return out;
        }
        out.extend(more);
    }
}

/// Infers every unit until nothing changes: return types start unknown
/// and only become known, and so do the parameter types native callers
/// give and the types of fields; a refusal removes the unit, and its
/// callers are re-inferred.
fn fixpoint(world: &mut World, units: &[Unit], plans: &mut Plans, region_refusals: &mut BTreeMap<String, Refusal>) {
    loop {
        let mut changed = false;
        for unit in units {
            if !world.sigs.contains_key(&unit.name) {
                continue;
            }
            let outcome = infer_fn(world, unit, false).map(|(ret, typer)| (ret, typer.demands, typer.field_writes));
            match outcome {
                Ok((ret, demands, writes)) => {
                    changed |= world.demand(&demands, plans);
                    changed |= world.store_fields(&writes);
                    if let Some(ret) = ret
                        && let Some(sig) = world.sigs.get_mut(&unit.name)
                        && sig.ret.as_ref() != Some(&ret)
                    {
                        sig.ret = Some(ret);
                        changed = true;
                    }
                }
                Err(r) => {
                    world.sigs.remove(&unit.name);
                    if unit.kind == UnitKind::Region {
                        region_refusals.insert(unit.name.clone(), r);
                    } else {
                        plans.insert(unit.name.clone(), Err(r));
                    }
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Adds the unit of a function or method (whose first `skip` parameters
/// are typed by what it is, not guessed): typed now, or pending until its
/// native callers type it.
fn register<'a>(
    world: &mut World,
    units: &mut Vec<Unit<'a>>,
    name: String,
    s: &ast::Stmt,
    f: &'a ast::StmtFunctionDef,
    (params, local_names, kind): Signature,
    skip: usize,
) {
    let from_callers: BTreeSet<String> = params.iter().filter(|(_, t)| t.is_none()).map(|(n, _)| n.clone()).collect();
    if from_callers.is_empty() {
        let params = params.into_iter().map(|(n, t)| (n, t.unwrap_or(NTy::Int))).collect();
        world.sigs.insert(name.clone(), Sig { params, ret: initial_ret(&name) });
    } else {
        world.pending.insert(name.clone(), params);
    }
    let guessed = f
        .args
        .posonlyargs
        .iter()
        .chain(&f.args.args)
        .skip(skip)
        .filter(|a| a.def.annotation.is_none())
        .map(|a| a.def.arg.to_string())
        .collect();
    let offset = span(s).0;
    units.push(Unit {
        name,
        body: &f.body,
        offset,
        kind,
        local_names,
        guessed,
        from_callers,
        rebinds: BTreeSet::new(),
    });
}

/// The units for the methods of fixed-layout classes, named `Class.method`;
/// `self` is an instance of the class.
fn method_units<'a>(
    prog: &Program,
    source: &str,
    body: &'a [ast::Stmt],
    world: &mut World,
    units: &mut Vec<Unit<'a>>,
    plans: &mut Plans,
) {
    let defs = method_defs(body);
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let Some(class) = world.classes.get(c.name.as_str()).cloned() else { continue };
        // Its own methods in the order of the source, then those it
        // inherits, then the base defs `super()` calls reach from them.
        let own = c.body.iter().filter_map(|item| match item {
            ast::Stmt::FunctionDef(f) if class.definers.get(f.name.as_str()) == Some(&class.name) => {
                Some((class.name.clone(), f.name.to_string()))
            }
            _ => None,
        });
        let inherited = class.definers.iter().filter(|(_, d)| **d != class.name).map(|(m, d)| (d.clone(), m.clone()));
        let mut todo: std::collections::VecDeque<(String, String)> = own.chain(inherited).collect();
        let mut seen = BTreeSet::new();
        while let Some((definer, method)) = todo.pop_front() {
            let name = class.unit(&definer, &method);
            let Some(&(item, f)) = defs.get(&(definer.clone(), method.clone())) else { continue };
            if !seen.insert(name.clone()) {
                continue;
            }
            for callee in super_callees(source, f) {
                let found = match class.super_definer(&world.classes, &definer, &callee) {
                    Ok(Some(d)) => Some(d),
                    Ok(None) => None,
                    Err(_) => continue,
                };
                let def = found.as_ref().map(|d| format!("{d}.{callee}"));
                if let Some(fixed) = world.classes.get_mut(&class.name) {
                    fixed.supers.insert((definer.clone(), callee.clone(), def));
                }
                if let Some(d) = found {
                    todo.push_back((d, callee));
                }
            }
            match method_signature(prog, item, f, &class.name, &world.classes) {
                Ok(sig) => register(world, units, name, item, f, sig, 1),
                Err(r) => {
                    plans.insert(name, Err(r));
                }
            }
        }
    }
}

/// The plain methods' defs of the module's classes, by class and name.
pub fn method_defs(body: &[ast::Stmt]) -> BTreeMap<(String, String), (&ast::Stmt, &ast::StmtFunctionDef)> {
    let mut out = BTreeMap::new();
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        for item in &c.body {
            if let ast::Stmt::FunctionDef(f) = item {
                out.insert((c.name.to_string(), f.name.to_string()), (item, f));
            }
        }
    }
    out
}

/// The names `f` (a def of `class`) may call as `super().name(`: an
/// over-approximation from its text, as it only adds units.
fn super_callees(source: &str, f: &ast::StmtFunctionDef) -> Vec<String> {
    let (Some(first), Some(last)) = (f.body.first(), f.body.last()) else { return Vec::new() };
    let text = source.get(span(first).0..span(last).1).unwrap_or_default();
    if !text.contains("super()") {
        return Vec::new();
    }
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for (k, _) in text.match_indices("super().") {
        let rest = &text[k + "super().".len()..];
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        names.insert(&rest[..end]);
    }
    names.into_iter().filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// A method's signature: as a function's, with `self` an instance of its
/// class, and none of what a method may need from its class statement
/// (`super()`, `__class__`).
fn method_signature(
    prog: &Program,
    s: &ast::Stmt,
    f: &ast::StmtFunctionDef,
    class: &str,
    classes: &BTreeMap<String, FixedClass>,
) -> R<Signature> {
    let a = &f.args;
    if a.vararg.is_some() || a.kwarg.is_some() || !a.kwonlyargs.is_empty() || !f.type_params.is_empty() {
        return refuse(s, "it takes *args, **kwargs, keyword-only or type parameters");
    }
    // `super().name(...)` is the one use of the class cell native code knows.
    let free = prog.scope_of(s).map(|id| prog.scopes[id].free_order.as_slice()).unwrap_or_default();
    let mut names = BTreeSet::new();
    f.body.iter().for_each(|st| crate::frontend::names_in_stmt(st, &mut names));
    if free.iter().any(|n| n != "__class__") || names.contains("__class__") {
        return refuse(s, "it uses __class__ or a variable of an enclosing scope");
    }
    let (mut params, local_names, kind) = signature(prog, s, f, classes)?;
    if kind == UnitKind::Generator {
        return refuse(s, "it is a generator method");
    }
    let Some(me) = params.first_mut() else { return refuse(s, "it takes no self parameter") };
    me.1 = Some(NTy::Obj(class.to_string()));
    let kind = if f.name.as_str() == "__init__" { UnitKind::Init } else { kind };
    Ok((params, local_names, kind))
}

/// What a unit returns before inference says: `__init__` of a fixed-layout
/// class returns its instance (natively).
/// The one type of a value that is sometimes `a` and sometimes `b`, where
/// that is an instance or None (`NTy::Opt(Obj)`); None for other pairs.
fn optional_instance_of(a: &NTy, b: &NTy) -> Option<NTy> {
    let inner = |t: &NTy| match t {
        NTy::Obj(_) => Some(Some(t.clone())),
        NTy::Opt(i) if i.holds_instance() => Some(Some((**i).clone())),
        NTy::None => Some(None),
        _ => None,
    };
    match (inner(a)?, inner(b)?) {
        (Some(x), Some(y)) if x != y => None,
        (Some(x), _) | (_, Some(x)) => Some(NTy::Opt(Box::new(x))),
        (None, None) => None,
    }
}

fn initial_ret(unit: &str) -> Option<NTy> {
    let (class, method) = unit.split_once('.')?;
    (method.rsplit('.').next() == Some("__init__")).then(|| NTy::Obj(class.to_string()))
}

/// Whether `body` may call the method unit `unit` (`Class.method`): its
/// text calls something named like the method (`.method(`), or the class
/// itself for `__init__`. An over-approximation, used only to order guesses.
fn calls_method(source: &str, body: &[ast::Stmt], unit: &str) -> bool {
    let (Some((class, method)), Some(first), Some(last)) = (unit.split_once('.'), body.first(), body.last()) else {
        return false;
    };
    let text = source.get(span(first).0..span(last).1).unwrap_or_default();
    let called = if method == "__init__" { format!("{class}(") } else { format!(".{method}(") };
    text.contains(&called)
}

/// Whether the native generator `name` reaches itself through the
/// generators it calls.
fn makes_itself(plans: &Plans, name: &str) -> bool {
    let calls = |n: &str| match plans.get(n) {
        Some(Ok(nf)) => nf.generators.iter().cloned().collect(),
        _ => Vec::new(),
    };
    let mut seen = BTreeSet::new();
    let mut todo = calls(name);
    while let Some(n) = todo.pop() {
        if n == name {
            return true;
        }
        if seen.insert(n.clone()) {
            todo.extend(calls(&n));
        }
    }
    false
}

impl World {
    /// Records the types native code stores into fields; a field stored
    /// with two types is left to dynamic code. Returns whether anything
    /// changed.
    fn store_fields(&mut self, writes: &[(String, String, NTy)]) -> bool {
        let mut changed = false;
        for (class, field, ty) in writes {
            let key = (class.clone(), field.clone());
            if *ty == NTy::None {
                changed |= self.none_fields.insert(key);
                continue;
            }
            if self.mixed_fields.contains_key(&key) {
                continue;
            }
            match self.field_types.get(&key) {
                Some(t) if t == ty => {}
                Some(t) => {
                    let reason = format!("the field {class}.{field} is stored both a {t} and a {ty}");
                    self.field_types.remove(&key);
                    self.mixed_fields.insert(key, reason);
                    changed = true;
                }
                None => {
                    self.field_types.insert(key, ty.clone());
                    changed = true;
                }
            }
        }
        changed
    }

    /// Whether `a` (the callee of a call) may be a method of a fixed-layout
    /// class: some class has a plain method of that name, and what it is
    /// taken of may be an instance (a variable as `is_variable` says,
    /// another attribute, a list item, a call's result).
    pub fn may_call_method(&self, a: &ast::ExprAttribute, is_variable: impl Fn(&str) -> bool) -> bool {
        let receiver = match &*a.value {
            ast::Expr::Name(n) => is_variable(n.id.as_str()),
            ast::Expr::Attribute(_) | ast::Expr::Subscript(_) | ast::Expr::Call(_) => true,
            _ => false,
        };
        receiver && self.classes.values().any(|c| c.methods.contains(a.attr.as_str()))
    }

    /// For a method unit (`Class.method`, or `Class.Base.method` for a
    /// base's def that `super()` calls): the class, the class whose def it
    /// is, and the method's name.
    pub fn method_of(&self, unit: &str) -> Option<(String, String, String)> {
        let (class, rest) = unit.split_once('.')?;
        let fixed = self.classes.get(class)?;
        match rest.split_once('.') {
            Some((definer, method)) => Some((class.to_string(), definer.to_string(), method.to_string())),
            None => Some((class.to_string(), fixed.definers.get(rest)?.clone(), rest.to_string())),
        }
    }

    /// The fixed-layout class of an instance type.
    pub fn class_of(&self, t: &NTy) -> Option<&FixedClass> {
        match t {
            NTy::Obj(c) => self.classes.get(c),
            _ => None,
        }
    }

    /// Takes the parameter types native callers gave pending candidates;
    /// a candidate whose parameters are all typed now becomes inferable.
    /// Callers that disagree refuse it. Returns whether anything changed.
    fn demand(&mut self, demands: &[(String, Vec<NTy>, usize)], plans: &mut Plans) -> bool {
        let mut changed = false;
        for (callee, args, offset) in demands {
            let Some(params) = self.pending.get_mut(callee) else { continue };
            let mut conflict = None;
            for ((pname, slot), t) in params.iter_mut().zip(args) {
                match slot {
                    Some(prev) if prev != t => conflict = Some(format!("'{pname}' is given both {prev} and {t}")),
                    Some(_) => {}
                    None => *slot = Some(t.clone()),
                }
            }
            if let Some(reason) = conflict {
                self.pending.remove(callee);
                plans.insert(callee.clone(), Err(Refusal { offset: *offset, reason }));
                changed = true;
            } else if params.iter().all(|(_, t)| t.is_some()) {
                let params = self.pending.remove(callee).unwrap_or_default();
                let params = params.into_iter().filter_map(|(n, t)| Some((n, t?))).collect();
                self.sigs.insert(callee.clone(), Sig { params, ret: initial_ret(callee) });
                changed = true;
            }
        }
        changed
    }
}

/// The strict pass over one unit: its final types, or why it stays dynamic.
fn finish(world: &World, unit: &Unit) -> R<NativeFn> {
    let nf = infer_fn(world, unit, true).and_then(|(ret, typer)| {
        let ret = match (ret, unit.kind) {
            (Some(ret), _) => ret,
            // A region returns nothing; the tuple of what it binds leaves it.
            (None, UnitKind::Region) => NTy::Tuple(Vec::new()),
            // `__init__` hands its instance back to the native code that made it.
            (None, UnitKind::Init) => world.sigs[&unit.name].ret.clone().unwrap_or(NTy::None),
            (None, _) => {
                return Err(Refusal { offset: unit.offset, reason: "its return type cannot be inferred".into() });
            }
        };
        // `{}` gets its types from what is stored in it.
        if let Some(d) = typer.dicts.iter().find(|d| !typer.locals.contains_key(*d) && !typer.params.contains_key(*d)) {
            return Err(Refusal { offset: unit.offset, reason: format!("nothing is stored in the dict '{d}'") });
        }
        Ok(NativeFn {
            params: world.sigs[&unit.name].params.clone(),
            locals: typer.locals,
            ret,
            calls: typer.calls,
            guessed: BTreeSet::new(),
            from_callers: BTreeSet::new(),
            generators: typer.generators,
            maybe_unbound: BTreeSet::new(),
            owner: unit.name.split_once('.').map(|(class, _)| class.to_string()),
            definer: world.method_of(&unit.name).map(|(_, definer, _)| definer),
            callees: typer.callees.clone(),
            writes: !typer.field_writes.is_empty(),
            kind: unit.kind,
            speculated: world.speculated.get(&unit.name).cloned().unwrap_or_default(),
        })
    })?;
    let mut nf = nf;
    if let Some((name, _)) = nf.locals.iter().find(|(_, t)| **t == NTy::None) {
        return Err(Refusal { offset: unit.offset, reason: format!("'{name}' is only ever None") });
    }
    // A local that may be read unbound is an `Option` in native code
    // (reading `None` bails; the dynamic code raises UnboundLocalError or
    // NameError); lists cannot be, nor locals that hold `None` at times.
    let params: Vec<String> = nf.params.iter().map(|(n, _)| n.clone()).collect();
    let da = crate::sema::definite::analyze(unit.body, &unit.local_names, &params);
    let mut maybe_unbound = da.maybe_unbound;
    if unit.kind == UnitKind::Region {
        // What a region binds is written back only if it was bound.
        maybe_unbound.extend(nf.locals.keys().cloned());
    }
    for name in &maybe_unbound {
        match nf.locals.get(name) {
            Some(t) if t.is_container() || matches!(t, NTy::Obj(_)) => {
                return Err(Refusal {
                    offset: unit.offset,
                    reason: format!("the {t} '{name}' may be read before it is assigned"),
                });
            }
            Some(t @ NTy::Opt(_)) => {
                return Err(Refusal {
                    offset: unit.offset,
                    reason: format!("the {t} '{name}' may be read before it is assigned"),
                });
            }
            _ => {}
        }
    }
    nf.maybe_unbound = maybe_unbound;
    if unit.kind == UnitKind::Generator {
        let texts = nf.params.iter().map(|(n, t)| (n, t)).chain(&nf.locals).find(|(_, t)| t.is_text());
        if let Some((name, t)) = texts {
            return Err(Refusal { offset: unit.offset, reason: format!("the generator works on the {t} '{name}'") });
        }
        // Run lazily, it could see an instance another interleaving changed.
        if let Some((name, t)) = nf.locals.iter().find(|(_, t)| t.holds_instance()) {
            return Err(Refusal { offset: unit.offset, reason: format!("the generator works on the {t} '{name}'") });
        }
        let steppable =
            |t: &NTy| t.is_scalar() || matches!(t, NTy::Gen(_)) || matches!(t, NTy::List(e) if e.is_scalar());
        if let Some((name, t)) = nf.params.iter().find(|(_, t)| !steppable(t)) {
            return Err(Refusal { offset: unit.offset, reason: format!("the generator takes the {t} '{name}'") });
        }
    }
    nf.guessed = unit.guessed.clone();
    nf.from_callers = unit.from_callers.clone();
    Ok(nf)
}

/// A region's outputs: every module variable it binds (its locals and the
/// parameters it assigns), all scalars.
fn region_outputs(unit: &Unit, nf: NativeFn) -> R<Region> {
    let mut outputs = Vec::new();
    for name in unit.local_names.iter().chain(&unit.rebinds).cloned().collect::<BTreeSet<_>>() {
        let param = nf.params.iter().find(|(n, _)| *n == name).map(|(_, t)| t);
        let Some(t) = nf.locals.get(&name).or(param) else { continue };
        if !t.is_scalar() && !matches!(t, NTy::Opt(inner) if inner.is_scalar()) {
            let reason = format!("it leaves a {t} in the module variable '{name}'");
            return Err(Refusal { offset: unit.offset, reason });
        }
        outputs.push((name, t.clone()));
    }
    Ok(Region { offset: unit.offset, name: unit.name.clone(), nf, outputs })
}

/// A region's typed inputs, the other names it binds, and the inputs it
/// binds too.
type RegionSignature = (Vec<(String, NTy)>, BTreeSet<String>, BTreeSet<String>);

/// The module variables a top-level loop (`body[index]`) reads before it
/// binds them, typed from the constant each was last assigned before the
/// loop (a guess the loop checks as it starts), and the names it binds.
fn region_signature(world: &World, s: &ast::Stmt, before: &[&ast::Stmt]) -> R<RegionSignature> {
    let mut mentioned = BTreeSet::new();
    crate::frontend::names_in_stmt(s, &mut mentioned);
    let mut assigned = BTreeSet::new();
    bound_names(std::slice::from_ref(s), &mut assigned);
    let is_function = |n: &str| world.sigs.contains_key(n) || world.pending.contains_key(n);
    let variables: BTreeSet<String> = mentioned
        .into_iter()
        .filter(|n| {
            let math = n == "math" && world.math;
            world.module_names.contains(n) && !world.consts.contains_key(n) && !is_function(n) && !math
        })
        .collect();
    let da = crate::sema::definite::analyze(std::slice::from_ref(s), &assigned, &[]);
    // What each earlier statement binds, walked once for all the inputs.
    let before_bound: Vec<(&ast::Stmt, BTreeSet<String>)> = before
        .iter()
        .map(|s| {
            let mut bound = BTreeSet::new();
            bound_names(std::slice::from_ref(*s), &mut bound);
            (*s, bound)
        })
        .collect();
    let mut params = Vec::new();
    for name in &variables {
        if assigned.contains(name) && !da.maybe_unbound.contains(name) {
            continue;
        }
        let Some(ty) = last_constant(world, &before_bound, name) else {
            return refuse(
                s,
                format!(
                    "it reads the module variable '{name}', which is no int, float or bool constant before the loop"
                ),
            );
        };
        params.push((name.clone(), ty));
    }
    let (rebinds, locals) = assigned.into_iter().partition(|n| params.iter().any(|(p, _)| p == n));
    Ok((params, locals, rebinds))
}

/// The type of the constant `name` was last bound to by a plain top-level
/// assignment among `before`; `None` if another statement bound it last.
/// `before` pairs each statement with the names it binds.
fn last_constant(world: &World, before: &[(&ast::Stmt, BTreeSet<String>)], name: &str) -> Option<NTy> {
    for (s, bound) in before.iter().rev() {
        if !bound.contains(name) {
            continue;
        }
        let value = match s {
            ast::Stmt::Assign(a) if a.targets.len() == 1 && is_name(&a.targets[0], name) => &*a.value,
            ast::Stmt::AnnAssign(a) if is_name(&a.target, name) => a.value.as_deref()?,
            _ => return None,
        };
        return const_value(value, &world.consts).map(|c| c.ty()).filter(NTy::is_scalar);
    }
    None
}

/// The loops that run as module-level code: top-level statements and
/// those of top-level `if`s (`if __name__ == "__main__":`), each with the
/// statements that run before it in the module, innermost last.
fn module_loops<'a>(
    body: &'a [ast::Stmt],
    before: &mut Vec<&'a ast::Stmt>,
    out: &mut Vec<(&'a ast::Stmt, Vec<&'a ast::Stmt>)>,
) {
    let depth = before.len();
    for s in body {
        match s {
            ast::Stmt::For(_) | ast::Stmt::While(_) => out.push((s, before.clone())),
            ast::Stmt::If(i) => {
                for block in [&i.body, &i.orelse] {
                    let mark = before.len();
                    module_loops(block, before, out);
                    before.truncate(mark);
                }
            }
            _ => {}
        }
        before.push(s);
    }
    before.truncate(depth);
}

/// The names bound by assignments and loop targets in `body`, nested
/// blocks included (the statements inference accepts bind no others).
fn bound_names(body: &[ast::Stmt], out: &mut BTreeSet<String>) {
    fn targets(e: &ast::Expr, out: &mut BTreeSet<String>) {
        match e {
            ast::Expr::Name(n) => {
                out.insert(n.id.to_string());
            }
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| targets(e, out)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| targets(e, out)),
            ast::Expr::Starred(s) => targets(&s.value, out),
            _ => {}
        }
    }
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| targets(t, out)),
            ast::Stmt::AugAssign(a) => targets(&a.target, out),
            ast::Stmt::AnnAssign(a) => targets(&a.target, out),
            ast::Stmt::For(f) => targets(&f.target, out),
            _ => {}
        }
        for block in crate::frontend::child_blocks(s) {
            bound_names(block, out);
        }
    }
}

/// Module-level names bound exactly once, by `NAME = <constant
/// expression>` ahead of any statement that could run user code (so no
/// function can see them unbound), and never rebound through `global`.
pub fn constants(prog: &Program, body: &[ast::Stmt]) -> BTreeMap<String, Const> {
    let mut consts = BTreeMap::new();
    let mut early = true;
    for s in body {
        let (target, value) = match s {
            ast::Stmt::Assign(a) if a.targets.len() == 1 => (&a.targets[0], Some(&*a.value)),
            ast::Stmt::AnnAssign(a) => (&*a.target, a.value.as_deref()),
            ast::Stmt::FunctionDef(f) if f.decorator_list.is_empty() => continue,
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) | ast::Stmt::Pass(_) => continue,
            ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => continue,
            _ => {
                early = false;
                continue;
            }
        };
        let ast::Expr::Name(n) = target else {
            early = false;
            continue;
        };
        match value.and_then(|v| const_value(v, &consts)) {
            Some(c) if early => {
                consts.insert(n.id.to_string(), c);
            }
            _ => early = false,
        }
    }
    // Any other binding of the name disqualifies it, and so does reading a
    // list of strs as a whole (it could be changed or handed on). `len(x)`
    // counts as looking only while `len` is the builtin everywhere.
    let len_rebound =
        prog.scopes.iter().any(|sc| sc.symbols.get("len").is_some_and(|s| s.assigned || s.declared_global));
    consts.retain(|name, c| {
        let looked_into_only =
            !len_rebound && !prog.scopes.iter().any(|sc| sc.symbols.get(name).is_some_and(|s| s.whole));
        prog.scopes[0].symbols.get(name).is_some_and(|s| s.bindings == 1 && !s.deleted)
            && !prog.scopes.iter().skip(1).any(|sc| sc.symbols.get(name).is_some_and(|s| s.declared_global))
            && (!matches!(c, Const::Texts(_)) || looked_into_only)
    });
    consts
}

/// A constant expression's value, computed as Python would: literals,
/// earlier constants, unary minus and `+ - * /` that stay in range.
fn const_value(e: &ast::Expr, consts: &BTreeMap<String, Const>) -> Option<Const> {
    use Const::*;
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i.to_i64().map(Int),
            ast::Constant::Float(f) => Some(Float(*f)),
            ast::Constant::Bool(b) => Some(Bool(*b)),
            _ => None,
        },
        ast::Expr::Name(n) => match consts.get(n.id.as_str()) {
            Some(Texts(_)) | None => None,
            Some(c) => Some(c.clone()),
        },
        ast::Expr::List(ast::ExprList { elts, .. }) | ast::Expr::Tuple(ast::ExprTuple { elts, .. }) => {
            let texts: Option<Vec<String>> = elts
                .iter()
                .map(|e| match e {
                    ast::Expr::Constant(c) => match &c.value {
                        ast::Constant::Str(s) => Some(s.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            texts.filter(|t| !t.is_empty()).map(Texts)
        }
        ast::Expr::UnaryOp(u) => match (u.op, const_value(&u.operand, consts)?) {
            (ast::UnaryOp::USub, Int(i)) => i.checked_neg().map(Int),
            (ast::UnaryOp::USub, Float(f)) => Some(Float(-f)),
            (ast::UnaryOp::UAdd, v @ (Int(_) | Float(_))) => Some(v),
            _ => None,
        },
        ast::Expr::BinOp(b) => {
            let (l, r) = (const_value(&b.left, consts)?, const_value(&b.right, consts)?);
            let float = |c: Const| match c {
                Int(i) => Some(i as f64),
                Float(f) => Some(f),
                Bool(_) | Texts(_) => None,
            };
            use ast::Operator as O;
            match (l, r, b.op) {
                (Int(a), Int(b), O::Add) => a.checked_add(b).map(Int),
                (Int(a), Int(b), O::Sub) => a.checked_sub(b).map(Int),
                (Int(a), Int(b), O::Mult) => a.checked_mul(b).map(Int),
                (Int(_), Int(_), _) => None,
                (a, b, op) => {
                    let (a, b) = (float(a)?, float(b)?);
                    match op {
                        O::Add => Some(Float(a + b)),
                        O::Sub => Some(Float(a - b)),
                        O::Mult => Some(Float(a * b)),
                        O::Div if b != 0.0 => Some(Float(a / b)),
                        _ => None,
                    }
                }
            }
        }
        _ => None,
    }
}

/// Whether `math` names the module everywhere: one top-level `import math`
/// is the name's only binding at module level, and no function rebinds it
/// through `global`.
fn math_imported(prog: &Program, body: &[ast::Stmt]) -> bool {
    let imports = body
        .iter()
        .filter(|s| {
            matches!(s, ast::Stmt::Import(i) if i.names.iter().any(|a| a.name.as_str() == "math" && a.asname.is_none()))
        })
        .count();
    let only_binding = prog.scopes[0].symbols.get("math").is_some_and(|s| s.bindings == 1 && !s.deleted);
    let global_elsewhere =
        prog.scopes.iter().skip(1).any(|sc| sc.symbols.get("math").is_some_and(|s| s.declared_global));
    imports == 1 && only_binding && !global_elsewhere
}

/// The type an unannotated parameter probably has: the first use of it
/// next to an int or float literal, as an index, or as a `range()` bound.
fn guess(body: &[ast::Stmt], name: &str) -> Option<NTy> {
    body.iter().find_map(|s| guess_stmt(s, name))
}

fn guess_stmt(s: &ast::Stmt, name: &str) -> Option<NTy> {
    use ast::Stmt as S;
    match s {
        S::Assign(a) => guess_expr(&a.value, name),
        S::AugAssign(a) => guess_pair(&a.target, &a.value, name).or_else(|| guess_expr(&a.value, name)),
        S::AnnAssign(a) => a.value.as_deref().and_then(|v| guess_expr(v, name)),
        S::Expr(e) => guess_expr(&e.value, name),
        S::Return(r) => r.value.as_deref().and_then(|v| guess_expr(v, name)),
        S::If(i) => guess_expr(&i.test, name).or_else(|| guess(&i.body, name)).or_else(|| guess(&i.orelse, name)),
        S::While(w) => guess_expr(&w.test, name).or_else(|| guess(&w.body, name)),
        S::For(f) => guess_expr(&f.iter, name).or_else(|| guess(&f.body, name)),
        _ => None,
    }
}

fn is_name(e: &ast::Expr, name: &str) -> bool {
    matches!(e, ast::Expr::Name(n) if n.id.as_str() == name)
}

/// `name` beside a literal: the literal's type.
fn guess_pair(a: &ast::Expr, b: &ast::Expr, name: &str) -> Option<NTy> {
    let literal = |e: &ast::Expr| match e {
        ast::Expr::Constant(c) => match c.value {
            ast::Constant::Int(_) => Some(NTy::Int),
            ast::Constant::Float(_) => Some(NTy::Float),
            _ => None,
        },
        _ => None,
    };
    if is_name(a, name) {
        literal(b)
    } else if is_name(b, name) {
        literal(a)
    } else {
        None
    }
}

fn guess_expr(e: &ast::Expr, name: &str) -> Option<NTy> {
    use ast::Expr as E;
    match e {
        E::BinOp(b) => guess_pair(&b.left, &b.right, name)
            .or_else(|| guess_expr(&b.left, name))
            .or_else(|| guess_expr(&b.right, name)),
        E::Compare(c) => std::iter::once(&*c.left)
            .chain(&c.comparators)
            .zip(&c.comparators)
            .find_map(|(l, r)| guess_pair(l, r, name))
            .or_else(|| guess_expr(&c.left, name))
            .or_else(|| c.comparators.iter().find_map(|x| guess_expr(x, name))),
        E::Call(c) => {
            // `name.split()` and the like: only a str has those methods
            // among the native types.
            if let E::Attribute(a) = &*c.func
                && is_name(&a.value, name)
                && (a.attr.as_str() == "split"
                    || PIECE_METHODS.contains(&a.attr.as_str())
                    || RECASE_METHODS.contains(&a.attr.as_str())
                    || char_test(a.attr.as_str()).is_some())
            {
                return Some(NTy::Str);
            }
            if let E::Name(f) = &*c.func
                && f.id.as_str() == "range"
                && c.args.iter().any(|a| is_name(a, name))
            {
                return Some(NTy::Int);
            }
            c.args.iter().find_map(|a| guess_expr(a, name))
        }
        E::Subscript(s) if is_name(&s.slice, name) => Some(NTy::Int),
        E::Subscript(s) => guess_expr(&s.value, name).or_else(|| guess_expr(&s.slice, name)),
        E::UnaryOp(u) => guess_expr(&u.operand, name),
        E::BoolOp(b) => b.values.iter().find_map(|v| guess_expr(v, name)),
        E::IfExp(i) => {
            guess_expr(&i.test, name).or_else(|| guess_expr(&i.body, name)).or_else(|| guess_expr(&i.orelse, name))
        }
        E::ListComp(l) => {
            l.generators.iter().find_map(|g| guess_expr(&g.iter, name)).or_else(|| guess_expr(&l.elt, name))
        }
        E::GeneratorExp(g) => {
            g.generators.iter().find_map(|g| guess_expr(&g.iter, name)).or_else(|| guess_expr(&g.elt, name))
        }
        _ => None,
    }
}

/// The native parameter types of a candidate, from its annotations, and
/// the checks on its scope that inference does not repeat.
/// A candidate's parameters (typed, or left to its native callers), the
/// names of its other locals, and whether it is a generator.
type Signature = (Vec<(String, Option<NTy>)>, BTreeSet<String>, UnitKind);

fn signature(
    prog: &Program,
    s: &ast::Stmt,
    f: &ast::StmtFunctionDef,
    classes: &BTreeMap<String, FixedClass>,
) -> R<Signature> {
    let Some(scope_id) = prog.scope_of(s) else {
        return refuse(s, "internal: no scope");
    };
    let scope = &prog.scopes[scope_id];
    if scope.is_coroutine {
        return refuse(s, "it is a coroutine");
    }
    // A generator is native when each `yield` is a statement: nothing in
    // it sees what a caller sends in.
    if let Some(y) = scope.yields.iter().find(|y| !y.statement) {
        return Err(Refusal { offset: y.span.0, reason: "its yield is used as a value, or is a yield from".into() });
    }
    let kind = if scope.is_generator { UnitKind::Generator } else { UnitKind::Function };
    for &c in &scope.children {
        let kind = prog.scopes[c].kind;
        if !matches!(kind, ScopeKind::Comprehension | ScopeKind::GenExpr) {
            let offset = prog.scopes[c].span.0;
            return Err(Refusal { offset, reason: "it defines a nested function, lambda or class".into() });
        }
    }
    if let Some((n, _)) = scope.symbols.iter().find(|(_, s)| s.declared_global || s.declared_nonlocal) {
        return refuse(s, format!("it declares '{n}' global or nonlocal"));
    }
    if scope.symbols.values().any(|s| s.deleted) {
        return refuse(s, "it deletes a variable");
    }
    let mut params = Vec::new();
    for a in f.args.posonlyargs.iter().chain(&f.args.args) {
        let name = a.def.arg.to_string();
        let Some(ann) = &a.def.annotation else {
            // Unannotated: guess from how the body uses it, else let native
            // callers say. Either is checked at every dynamic call, like an
            // annotation.
            let guessed = guess(&f.body, &name);
            params.push((name, guessed));
            continue;
        };
        let Some(ty) = annotation(ann).or_else(|| class_annotation(ann, classes)) else {
            return refuse(
                &**ann,
                format!("parameter '{name}' is not annotated int, float, bool, str or a list of int, float or bool"),
            );
        };
        params.push((name, Some(ty)));
    }
    let local_names = scope
        .symbols
        .iter()
        .filter(|(n, s)| s.assigned && !params.iter().any(|(p, _)| p == *n))
        .map(|(n, _)| n.clone())
        .collect();
    Ok((params, local_names, kind))
}

/// `C` or `"C"` for a fixed-layout class `C`: an instance of exactly `C`
/// (checked at each dynamic call, like any annotation). `C | None`,
/// `None | C`, `Optional[C]` and `"C | None"`: such an instance or None.
fn class_annotation(e: &ast::Expr, classes: &BTreeMap<String, FixedClass>) -> Option<NTy> {
    let class = |name: &str| classes.contains_key(name).then(|| NTy::Obj(name.to_string()));
    let optional = |t: NTy| matches!(t, NTy::Obj(_)).then(|| NTy::Opt(Box::new(t)));
    let is_none = |e: &ast::Expr| matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None));
    let optional_of = match e {
        ast::Expr::BinOp(b) if b.op == ast::Operator::BitOr && is_none(&b.right) => Some(&*b.left),
        ast::Expr::BinOp(b) if b.op == ast::Operator::BitOr && is_none(&b.left) => Some(&*b.right),
        ast::Expr::Subscript(s) if matches!(&*s.value, ast::Expr::Name(n) if n.id.as_str() == "Optional") => {
            Some(&*s.slice)
        }
        _ => None,
    };
    if let Some(inner) = optional_of {
        return class_annotation(inner, classes).and_then(optional);
    }
    match e {
        ast::Expr::Name(n) => class(n.id.as_str()),
        e => {
            let text = crate::frontend::constant_text(e)?;
            match text.split('|').map(str::trim).collect::<Vec<_>>().as_slice() {
                [name] => class(name),
                [name, "None"] | ["None", name] => class(name).and_then(optional),
                _ => None,
            }
        }
    }
}

fn annotation(e: &ast::Expr) -> Option<NTy> {
    match e {
        ast::Expr::Name(n) => match n.id.as_str() {
            "int" => Some(NTy::Int),
            "float" => Some(NTy::Float),
            "bool" => Some(NTy::Bool),
            "str" => Some(NTy::Str),
            _ => None,
        },
        ast::Expr::Subscript(s) => match (&*s.value, annotation(&s.slice)) {
            (ast::Expr::Name(n), Some(elem)) if n.id.as_str() == "list" && elem.is_scalar() => Some(NTy::list_of(elem)),
            _ => None,
        },
        _ => None,
    }
}

/// Infers one unit's locals to their fixpoint; with `strict`, then
/// checks that every expression has a known type. Returns the return type
/// (`None` while a callee's is still unknown) and the typer.
fn infer_fn<'w>(world: &'w World, unit: &Unit, strict: bool) -> R<(Option<NTy>, Typer<'w>)> {
    let params = world.sigs.get(&unit.name).map(|s| s.params.clone()).unwrap_or_default();
    let mut typer = Typer::new(world, &params, unit.local_names.clone());
    typer.current = unit.name.clone();
    typer.kind = unit.kind;
    let me = params.first().map(|(n, _)| n.clone());
    typer.method = world.method_of(&unit.name).zip(me).map(|((class, definer, _), me)| (class, definer, me));
    loop {
        typer.changed = false;
        typer.ret = None;
        typer.demands.clear();
        typer.field_writes.clear();
        typer.infer_body(unit)?;
        if !typer.changed {
            break;
        }
    }
    if strict {
        typer.strict = true;
        typer.ret = None;
        typer.infer_body(unit)?;
    }
    Ok((typer.ret.clone(), typer))
}

/// How a `for` or comprehension iterates: the types bound to its target.
#[derive(Clone, Debug)]
pub enum Iteration {
    /// `range(...)`: one to three int arguments.
    Range,
    /// A list: its element type.
    List(NTy),
    /// `enumerate(list)`.
    Enumerate(NTy),
    /// `zip(list, list, ...)`.
    Zip(Vec<NTy>),
    /// A str: its characters.
    Chars,
    /// `s.split()` on a str: its words, borrowed from it.
    Split,
    /// A local dict (`d`, `d.keys()`), `d.values()` or `d.items()`: the
    /// key and value types, and which the loop takes.
    Dict(NTy, NTy, DictPart),
    /// A native generator: its items' type.
    Gen(NTy),
}

/// What a loop over a dict takes from each entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

impl Iteration {
    /// The types of one item, flattened as a tuple target takes them.
    pub fn item_types(&self) -> Vec<NTy> {
        match self {
            Iteration::Range => vec![NTy::Int],
            Iteration::List(t) => vec![t.clone()],
            Iteration::Enumerate(t) => vec![NTy::Int, t.clone()],
            Iteration::Zip(ts) => ts.clone(),
            Iteration::Chars => vec![NTy::Char],
            Iteration::Split => vec![NTy::Str],
            Iteration::Dict(k, _, DictPart::Keys) => vec![k.clone()],
            Iteration::Dict(_, v, DictPart::Values) => vec![v.clone()],
            Iteration::Dict(k, v, DictPart::Items) => vec![k.clone(), v.clone()],
            Iteration::Gen(NTy::Tuple(items)) => items.clone(),
            Iteration::Gen(t) => vec![t.clone()],
        }
    }
}

/// Computes native types of expressions in one function. Lowering uses it
/// too, with the final types, so the rules live in one place.
pub struct Typer<'w> {
    /// The function being inferred (it may always call itself).
    current: String,
    world: &'w World,
    params: BTreeMap<String, NTy>,
    locals: BTreeMap<String, NTy>,
    /// The function's local variables, typed or not yet.
    local_names: BTreeSet<String>,
    /// Locals bound to `{}`: a store into one gives it its dict type.
    dicts: BTreeSet<String>,
    /// Comprehension variables, innermost last.
    comps: Vec<BTreeMap<String, NTy>>,
    strict: bool,
    changed: bool,
    ret: Option<NTy>,
    /// Lists stored into; with `aliased` they would need reference semantics.
    mutates: bool,
    aliased: bool,
    pub calls: bool,
    kind: UnitKind,
    /// Calls of pending candidates with every argument typed: the callee,
    /// the argument types and where the call is.
    demands: Vec<(String, Vec<NTy>, usize)>,
    /// Lists handed to generators (which borrow them), lists changed in
    /// place, and every assignment to a name (by name and offset).
    lent: BTreeSet<String>,
    changed_lists: BTreeSet<String>,
    bindings: BTreeSet<(String, usize)>,
    /// The native generators it calls.
    generators: BTreeSet<String>,
    /// Stores into fields: class, field and the type stored.
    field_writes: Vec<(String, String, NTy)>,
    /// In a method: its class, the class whose def it is and its instance
    /// parameter (what `super()` needs).
    method: Option<(String, String, String)>,
    /// The units it calls.
    callees: BTreeSet<String>,
}

impl<'w> Typer<'w> {
    fn new(world: &'w World, params: &[(String, NTy)], local_names: BTreeSet<String>) -> Typer<'w> {
        Typer {
            current: String::new(),
            world,
            params: params.iter().cloned().collect(),
            locals: BTreeMap::new(),
            local_names,
            dicts: BTreeSet::new(),
            comps: Vec::new(),
            strict: false,
            changed: false,
            ret: None,
            mutates: false,
            aliased: false,
            calls: false,
            kind: UnitKind::Function,
            demands: Vec::new(),
            lent: BTreeSet::new(),
            changed_lists: BTreeSet::new(),
            bindings: BTreeSet::new(),
            generators: BTreeSet::new(),
            field_writes: Vec::new(),
            method: None,
            callees: BTreeSet::new(),
        }
    }

    /// A typer for lowering a proven function.
    pub fn for_lowering(world: &'w World, f: &NativeFn) -> Typer<'w> {
        Typer {
            world,
            params: f.params.iter().cloned().collect(),
            current: String::new(),
            locals: f.locals.clone(),
            local_names: f.locals.keys().cloned().collect(),
            dicts: f.locals.iter().filter(|(_, t)| matches!(t, NTy::Dict(..))).map(|(n, _)| n.clone()).collect(),
            comps: Vec::new(),
            strict: true,
            changed: false,
            ret: Some(f.ret.clone()),
            mutates: false,
            aliased: false,
            calls: f.calls,
            kind: f.kind,
            demands: Vec::new(),
            lent: BTreeSet::new(),
            changed_lists: BTreeSet::new(),
            bindings: BTreeSet::new(),
            generators: BTreeSet::new(),
            field_writes: Vec::new(),
            method: match (&f.owner, &f.definer, f.params.first()) {
                (Some(c), Some(d), Some((me, _))) => Some((c.clone(), d.clone(), me.clone())),
                _ => None,
            },
            callees: f.callees.clone(),
        }
    }

    pub fn world(&self) -> &'w World {
        self.world
    }

    /// The function's return type, once known.
    pub fn returns(&self) -> Option<&NTy> {
        self.ret.as_ref()
    }

    pub fn is_param(&self, name: &str) -> bool {
        self.params.contains_key(name) && !self.comps.iter().any(|c| c.contains_key(name))
    }

    /// Whether `name` is a variable of an enclosing comprehension.
    pub fn in_comprehension(&self, name: &str) -> bool {
        self.comps.iter().any(|c| c.contains_key(name))
    }

    pub fn push_comp(&mut self) {
        self.comps.push(BTreeMap::new());
    }

    pub fn pop_comp(&mut self) {
        self.comps.pop();
    }

    /// Binds a comprehension variable in the innermost comprehension.
    pub fn bind_comp(&mut self, name: &str, ty: NTy) {
        if let Some(c) = self.comps.last_mut() {
            c.insert(name.to_string(), ty);
        }
    }

    fn infer_body(&mut self, unit: &Unit) -> R<()> {
        self.block(unit.body)?;
        let whole = |reason: &str| Err(Refusal { offset: unit.offset, reason: reason.into() });
        if unit.kind == UnitKind::Function && !always_returns(unit.body) {
            // A method may be run for what it does to its instances.
            if !unit.name.contains('.') {
                return whole("it can reach its end and return None");
            }
            match &self.ret {
                Some(t) if *t != NTy::None => match optional_instance_of(t, &NTy::None) {
                    Some(both) => self.ret = Some(both),
                    None => return whole(&format!("it returns a {t}, or None at its end")),
                },
                _ => self.ret = Some(NTy::None),
            }
        }
        if self.mutates && self.aliased {
            return whole("a list is both shared between two names and modified");
        }
        // A list a generator borrows must not change while it lives: here,
        // not at all after its one assignment.
        for name in &self.lent {
            let assignments = self.bindings.iter().filter(|(n, _)| n == name).count();
            if self.changed_lists.contains(name) || assignments > 1 {
                return whole(&format!("the list '{name}' is handed to a generator and changed"));
            }
        }
        Ok(())
    }

    /// `yield v` in a generator: `v` is an item, all of one type.
    fn yielded(&mut self, y: &ast::ExprYield) -> R<()> {
        let Some(v) = &y.value else { return refuse(y, "it yields None") };
        let ty = match &**v {
            ast::Expr::Tuple(t) if !(2..=MAX_NATIVE_TUPLE).contains(&t.elts.len()) => {
                return refuse(
                    y,
                    format!("it yields a tuple of {} items (native: 2 to {MAX_NATIVE_TUPLE})", t.elts.len()),
                );
            }
            ast::Expr::Tuple(t) => {
                let mut items = Vec::new();
                for e in &t.elts {
                    match self.expr(e)? {
                        Some(ty) => items.push(ty),
                        None => return Ok(()),
                    }
                }
                NTy::Tuple(items)
            }
            e => match self.expr(e)? {
                Some(t) => t,
                None => return Ok(()),
            },
        };
        if !ty.is_item() {
            return refuse(y, format!("it yields a {ty}"));
        }
        let ty = NTy::Gen(Box::new(ty));
        match &self.ret {
            Some(prev) if *prev != ty => refuse(y, format!("it yields both the items of {prev} and of {ty}")),
            _ => {
                self.ret = Some(ty);
                Ok(())
            }
        }
    }

    /// The type of a variable, if known.
    pub fn var(&self, name: &str) -> Option<NTy> {
        for c in self.comps.iter().rev() {
            if let Some(t) = c.get(name) {
                return Some(t.clone());
            }
        }
        self.params.get(name).or_else(|| self.locals.get(name)).cloned()
    }

    fn is_variable(&self, name: &str) -> bool {
        self.var(name).is_some() || self.local_names.contains(name)
    }

    fn unknown<N: ast::Ranged>(&self, node: &N, what: &str) -> R<Option<NTy>> {
        if self.strict { refuse(node, format!("the type of {what} cannot be inferred")) } else { Ok(None) }
    }

    fn block(&mut self, body: &[ast::Stmt]) -> R<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &ast::Stmt) -> R<()> {
        use ast::Stmt as S;
        match s {
            S::Pass(_) | S::Break(_) | S::Continue(_) => Ok(()),
            S::Expr(e) => match &*e.value {
                ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)) => Ok(()),
                ast::Expr::Call(c) if self.append_call(c)? => Ok(()),
                ast::Expr::Yield(y) if self.kind == UnitKind::Generator => self.yielded(y),
                ast::Expr::Call(_) => self.expr(&e.value).map(drop),
                _ => refuse(s, "an expression statement other than a call"),
            },
            S::Assign(a) => {
                if a.targets.len() != 1 {
                    return refuse(s, "a chained assignment");
                }
                self.assign(&a.targets[0], &a.value)
            }
            S::AnnAssign(a) => match &a.value {
                Some(v) => self.assign(&a.target, v),
                None => Ok(()),
            },
            S::AugAssign(a) => {
                let target_ty = self.expr(&a.target)?;
                let value_ty = self.expr(&a.value)?;
                let (Some(t), Some(v)) = (target_ty, value_ty) else { return Ok(()) };
                let Some(r) = binop_ty(a.op, &t, &v) else {
                    return refuse(s, format!("{t} {} {v} has no native type", op_text(a.op)));
                };
                if r != t {
                    return refuse(s, format!("the augmented assignment turns {t} into {r}"));
                }
                if let ast::Expr::Subscript(sub) = &*a.target {
                    self.stored_list(&sub.value)?;
                } else if let ast::Expr::Attribute(attr) = &*a.target {
                    self.stored_field(attr, &r)?;
                } else if let ast::Expr::Name(n) = &*a.target
                    && self.is_param(n.id.as_str())
                    && !t.is_scalar()
                {
                    return refuse(s, "it modifies a list parameter");
                }
                Ok(())
            }
            S::If(i) => {
                self.cond(&i.test)?;
                self.block(&i.body)?;
                self.block(&i.orelse)
            }
            S::While(w) => {
                if !w.orelse.is_empty() {
                    return refuse(s, "a while loop with else");
                }
                self.cond(&w.test)?;
                self.block(&w.body)
            }
            S::For(f) => {
                if !f.orelse.is_empty() {
                    return refuse(s, "a for loop with else");
                }
                if let Some(it) = self.iteration(&f.iter)? {
                    // A loop a generator suspends in keeps its iterator
                    // across steps: a range, another generator, or a
                    // position in a list variable.
                    let list_variable = matches!(it, Iteration::List(_)) && matches!(&*f.iter, ast::Expr::Name(_));
                    if self.kind == UnitKind::Generator
                        && has_yield(&f.body)
                        && !matches!(it, Iteration::Range | Iteration::Gen(_))
                        && !list_variable
                    {
                        return refuse(
                            &*f.iter,
                            "a yield inside a loop over something other than range(), a generator or a list variable",
                        );
                    }
                    self.bind_target(&f.target, it.item_types(), false)?;
                }
                self.block(&f.body)
            }
            S::Return(r) if self.kind == UnitKind::Generator => match &r.value {
                None => Ok(()),
                Some(_) => refuse(s, "it returns a value from a generator"),
            },
            S::Return(r) if self.kind == UnitKind::Init => match &r.value {
                None => Ok(()),
                Some(_) => refuse(s, "it returns a value from __init__"),
            },
            S::Return(r) => {
                let Some(v) = &r.value else {
                    return match &self.ret {
                        _ if !self.current.contains('.') => refuse(s, "it returns None"),
                        Some(t) if *t != NTy::None => match optional_instance_of(t, &NTy::None) {
                            Some(both) => {
                                self.ret = Some(both);
                                Ok(())
                            }
                            None => refuse(s, format!("it returns both {t} and None")),
                        },
                        _ => {
                            self.ret = Some(NTy::None);
                            Ok(())
                        }
                    };
                };
                let ty = match &**v {
                    ast::Expr::Tuple(t) if !(2..=MAX_NATIVE_TUPLE).contains(&t.elts.len()) => {
                        return refuse(
                            &**v,
                            format!("it returns a tuple of {} items (native: 2 to {MAX_NATIVE_TUPLE})", t.elts.len()),
                        );
                    }
                    ast::Expr::Tuple(t) => {
                        let mut items = Vec::new();
                        for e in &t.elts {
                            match self.expr(e)? {
                                Some(ty) if ty.is_scalar() => items.push(ty),
                                Some(ty) => return refuse(e, format!("it returns a tuple holding a {ty}")),
                                None => return Ok(()),
                            }
                        }
                        NTy::Tuple(items)
                    }
                    ast::Expr::Name(n)
                        if self.is_param(n.id.as_str()) && matches!(self.params[n.id.as_str()], NTy::List(_)) =>
                    {
                        return refuse(s, "it returns its list parameter (the caller would see a copy)");
                    }
                    e if let Some(t) = self.optional_instance(e)? => t,
                    e => match self.expr(e)? {
                        Some(NTy::Char) => return refuse(s, "it returns one character of a str"),
                        Some(t @ NTy::Gen(_)) => return refuse(s, format!("it returns a {t}")),
                        Some(t) => t,
                        None => return Ok(()),
                    },
                };
                match &self.ret {
                    Some(prev) if *prev != ty => match optional_instance_of(prev, &ty) {
                        Some(both) => {
                            self.ret = Some(both);
                            Ok(())
                        }
                        None => refuse(s, format!("it returns both {prev} and {ty}")),
                    },
                    _ => {
                        self.ret = Some(ty);
                        Ok(())
                    }
                }
            }
            S::FunctionDef(_) | S::ClassDef(_) | S::AsyncFunctionDef(_) => {
                refuse(s, "it defines a nested function or class")
            }
            _ => refuse(s, format!("it uses {} statement", with_article(stmt_kind(s)))),
        }
    }

    /// `xs.append(v)` on a local list; `Ok(false)` for other calls.
    fn append_call(&mut self, c: &ast::ExprCall) -> R<bool> {
        let ast::Expr::Attribute(a) = &*c.func else { return Ok(false) };
        if a.attr.as_str() != "append" {
            return Ok(false);
        }
        let ast::Expr::Name(n) = &*a.value else { return Ok(false) };
        let name = n.id.as_str();
        if !self.is_variable(name) {
            return Ok(false);
        }
        if c.args.len() != 1 || !c.keywords.is_empty() {
            return refuse(c, "append() takes exactly one argument");
        }
        let v = self.expr(&c.args[0])?;
        self.stored_list(&a.value)?;
        match (self.var(name), v) {
            (Some(NTy::List(e)), Some(v)) if *e == v => Ok(true),
            (Some(NTy::List(e)), Some(v)) => refuse(c, format!("it appends a {v} to a list[{e}]")),
            (None, Some(v)) if v.is_scalar() || v == NTy::Str => {
                self.set_local(n, NTy::list_of(v))?;
                Ok(true)
            }
            (Some(t), _) => refuse(c, format!("append() on a {t}")),
            _ => Ok(true),
        }
    }

    /// A list that is modified: it must be a local the function created.
    fn stored_list(&mut self, e: &ast::Expr) -> R<()> {
        self.mutates = true;
        if let ast::Expr::Name(n) = e {
            self.changed_lists.insert(n.id.to_string());
        }
        match e {
            ast::Expr::Name(n) if !self.is_param(n.id.as_str()) => Ok(()),
            ast::Expr::Name(_) => refuse(e, "it modifies a list parameter"),
            _ => refuse(e, "it modifies a list that is not a local variable"),
        }
    }

    fn assign(&mut self, target: &ast::Expr, value: &ast::Expr) -> R<()> {
        match target {
            ast::Expr::Name(n) => {
                self.bindings.insert((n.id.to_string(), span(target).0));
                if let ast::Expr::List(l) = value
                    && l.elts.is_empty()
                {
                    return match self.var(n.id.as_str()) {
                        Some(NTy::List(_)) | None => {
                            self.mutates = true;
                            Ok(())
                        }
                        Some(t) => refuse(value, format!("'{}' is a {t} and an empty list", n.id)),
                    };
                }
                if let ast::Expr::Dict(d) = value
                    && d.keys.is_empty()
                {
                    return match self.var(n.id.as_str()) {
                        Some(NTy::Dict(..)) | None => {
                            self.dicts.insert(n.id.to_string());
                            self.mutates = true;
                            Ok(())
                        }
                        Some(t) => refuse(value, format!("'{}' is a {t} and an empty dict", n.id)),
                    };
                }
                let ty = match self.optional_instance(value)? {
                    Some(t) => Some(t),
                    None => self.expr(value)?,
                };
                if let (ast::Expr::Name(_), Some(t)) = (value, &ty)
                    && t.is_container()
                {
                    self.aliased = true;
                }
                match ty {
                    Some(t) => self.set_local(n, t),
                    None => Ok(()),
                }
            }
            ast::Expr::Attribute(a) => {
                let v = self.expr(value)?;
                match v {
                    Some(v) => self.stored_field(a, &v),
                    // Still checks the object is an instance with that field.
                    None => self.expr(target).map(drop),
                }
            }
            ast::Expr::Subscript(s) => {
                let elem = self.expr(target)?;
                let v = self.expr(value)?;
                self.stored_list(&s.value)?;
                if let Some(v) = &v {
                    self.stored_dict(s, v)?;
                }
                match (elem, v) {
                    (Some(e), Some(v)) if e != v => refuse(target, format!("it stores a {v} into a list[{e}]")),
                    _ => Ok(()),
                }
            }
            ast::Expr::Tuple(t) => {
                let types: Vec<Option<NTy>> = match value {
                    ast::Expr::Tuple(v) if v.elts.len() == t.elts.len() => {
                        let mut tys = Vec::new();
                        for e in &v.elts {
                            tys.push(self.expr(e)?);
                        }
                        tys
                    }
                    ast::Expr::Tuple(_) => return refuse(value, "a tuple assignment of the wrong length"),
                    _ => match self.expr(value)? {
                        Some(NTy::Tuple(items)) if items.len() == t.elts.len() => items.into_iter().map(Some).collect(),
                        Some(other) => return refuse(value, format!("it unpacks a {other}")),
                        None => return Ok(()),
                    },
                };
                for (target, ty) in t.elts.iter().zip(types) {
                    match (target, ty) {
                        (ast::Expr::Name(n), Some(ty)) if ty.is_copy() => self.set_local(n, ty)?,
                        (ast::Expr::Name(_), Some(ty)) => return refuse(target, format!("it unpacks a {ty}")),
                        (ast::Expr::Subscript(s), ty) => {
                            let elem = self.expr(target)?;
                            self.stored_list(&s.value)?;
                            if let (Some(e), Some(v)) = (elem, ty)
                                && e != v
                            {
                                return refuse(target, format!("it stores a {v} into a list[{e}]"));
                            }
                        }
                        (ast::Expr::Name(_), None) => {}
                        _ => return refuse(target, "an assignment target other than a name or list item"),
                    }
                }
                Ok(())
            }
            _ => refuse(target, "an assignment target other than a name, list item or tuple"),
        }
    }

    /// `d[k] = v` into a local bound to `{}` whose type is not known yet:
    /// the store gives it.
    fn stored_dict(&mut self, s: &ast::ExprSubscript, v: &NTy) -> R<()> {
        let ast::Expr::Name(n) = &*s.value else { return Ok(()) };
        if !self.dicts.contains(n.id.as_str()) || self.var(n.id.as_str()).is_some() {
            return Ok(());
        }
        let Some(k) = self.expr(&s.slice)? else { return Ok(()) };
        if !k.is_key() || !v.is_scalar() {
            return refuse(s, format!("a dict from {k} to {v}"));
        }
        self.set_local(n, NTy::dict_of(k, v.clone()))
    }

    /// `obj.field = v`: the object must be an instance of a fixed-layout
    /// class with that field, and `v` a type a field holds.
    fn stored_field(&mut self, a: &ast::ExprAttribute, v: &NTy) -> R<()> {
        let Some(obj) = self.expr(&a.value)? else { return Ok(()) };
        let field = a.attr.to_string();
        let Some(class) = self.world.class_of(&obj) else {
            return refuse(a, format!("it stores an attribute of a {obj}"));
        };
        if class.field(&field).is_none() {
            return refuse(a, format!("it stores '{field}', which is not a field of {}", class.name));
        }
        let key = (class.name.clone(), field.clone());
        if *v == NTy::None {
            // Stored as the dynamic None; native code never reads it back.
            self.field_writes.push((key.0, key.1, NTy::None));
            return Ok(());
        }
        if !v.is_field() {
            return refuse(a, format!("it stores a {v} in the field {}.{field}", class.name));
        }
        if let Some(reason) = self.world.mixed_fields.get(&key) {
            return refuse(a, reason.clone());
        }
        if let Some(t) = self.world.field_types.get(&key)
            && t != v
        {
            return refuse(a, format!("it stores a {v} in the {t} field {}.{field}", class.name));
        }
        self.field_writes.push((key.0, key.1, v.clone()));
        Ok(())
    }

    /// The type of `value` assigned to a local as it is, None included:
    /// `Opt(Obj)` for a field that holds an instance or None, or another
    /// local holding one (so `node = node.next` does not bail at the end
    /// of a list). None for any other value, which is read as usual.
    pub fn optional_instance(&mut self, value: &ast::Expr) -> R<Option<NTy>> {
        match value {
            ast::Expr::Name(n) => match self.var(n.id.as_str()) {
                Some(t @ NTy::Opt(_)) if t.holds_instance() => Ok(Some(t)),
                _ => Ok(None),
            },
            ast::Expr::Attribute(a) => {
                let Some(obj) = self.expr(&a.value)? else { return Ok(None) };
                let Some(class) = self.world.class_of(&obj) else { return Ok(None) };
                let key = (class.name.clone(), a.attr.to_string());
                match self.world.field_types.get(&key) {
                    Some(t @ NTy::Obj(_)) if self.world.none_fields.contains(&key) => {
                        Ok(Some(NTy::Opt(Box::new(t.clone()))))
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// `obj.field` read: the field's type.
    fn field(&mut self, e: &ast::Expr, a: &ast::ExprAttribute, obj: &NTy) -> R<Option<NTy>> {
        let field = a.attr.as_str();
        let Some(class) = self.world.class_of(obj) else {
            return refuse(e, format!("an attribute of a {obj}"));
        };
        if class.field(field).is_none() {
            let what = if class.methods.contains(field) { "a method used as a value" } else { "not a field" };
            return refuse(e, format!("{}.{field} is {what}", class.name));
        }
        let key = (class.name.clone(), field.to_string());
        if let Some(reason) = self.world.mixed_fields.get(&key) {
            return refuse(e, reason.clone());
        }
        // A field that may hold None reads as its other type: reading None
        // bails, and the dynamic code does what Python does with it. Tests
        // of `obj.field is None` read it without bailing.
        match self.world.field_types.get(&key) {
            Some(t) => Ok(Some(t.clone())),
            // Only None stored so far: another unit may still store a type.
            None if self.world.none_fields.contains(&key) && self.strict => {
                refuse(e, format!("the field {}.{field} may hold None", class.name))
            }
            None => self.unknown(e, &format!("the field {}.{field}", key.0)),
        }
    }

    fn set_local(&mut self, n: &ast::ExprName, ty: NTy) -> R<()> {
        let name = n.id.as_str();
        if let Some(p) = self.params.get(name) {
            if let NTy::List(_) | NTy::Obj(_) | NTy::Opt(_) = p {
                return refuse(n, format!("it rebinds the parameter '{name}'"));
            }
            if *p != ty {
                return refuse(n, format!("parameter '{name}' is {p} but is assigned a {ty}"));
            }
            return Ok(());
        }
        if let NTy::Gen(_) = ty {
            return refuse(n, format!("it keeps a {ty} in the variable '{name}'"));
        }
        // `None` and a scalar make the local optional.
        let merged = match (self.locals.get(name), &ty) {
            (None, _) => ty.clone(),
            (Some(prev), t) if prev == t => return Ok(()),
            (Some(NTy::Opt(inner)), t) if **inner == *t || *t == NTy::None => return Ok(()),
            (Some(NTy::None), t) if t.may_be_none() => NTy::Opt(Box::new(t.clone())),
            (Some(prev), NTy::None) if prev.may_be_none() => NTy::Opt(Box::new(prev.clone())),
            (Some(NTy::None), NTy::Opt(inner)) => NTy::Opt(inner.clone()),
            (Some(NTy::Obj(c)), NTy::Opt(inner)) if **inner == NTy::Obj(c.clone()) => NTy::Opt(inner.clone()),
            (Some(prev), _) => return refuse(n, format!("'{name}' holds both {prev} and {ty}")),
        };
        self.locals.insert(name.to_string(), merged);
        self.changed = true;
        Ok(())
    }

    /// Binds a `for` or comprehension target to the item types.
    fn bind_target(&mut self, target: &ast::Expr, items: Vec<NTy>, comp: bool) -> R<()> {
        let names: Vec<&ast::ExprName> = match target {
            ast::Expr::Name(n) => vec![n],
            ast::Expr::Tuple(t) => {
                let mut ns = Vec::new();
                for e in &t.elts {
                    let ast::Expr::Name(n) = e else { return refuse(e, "a loop target other than names") };
                    ns.push(n);
                }
                ns
            }
            _ => return refuse(target, "a loop target other than names"),
        };
        if names.len() != items.len() {
            return refuse(target, format!("a loop target of {} names over items of {}", names.len(), items.len()));
        }
        for (n, ty) in names.into_iter().zip(items) {
            if comp {
                self.bind_comp(n.id.as_str(), ty);
            } else {
                self.set_local(n, ty)?;
            }
        }
        Ok(())
    }

    /// A condition: any scalar or list has a truth value; `and`/`or` in a
    /// condition need not agree on one type.
    pub fn cond(&mut self, e: &ast::Expr) -> R<()> {
        if let ast::Expr::BoolOp(b) = e {
            return b.values.iter().try_for_each(|v| self.cond(v));
        }
        match self.expr(e)? {
            Some(NTy::Tuple(_)) => refuse(e, "a tuple as a condition"),
            // It may define `__bool__` or `__len__`.
            Some(t) if t.holds_instance() => refuse(e, format!("the truth of a {t} instance")),
            _ => Ok(()),
        }
    }

    /// The iteration a `for` or comprehension performs over `e`.
    pub fn iteration(&mut self, e: &ast::Expr) -> R<Option<Iteration>> {
        if let ast::Expr::Call(c) = e
            && let ast::Expr::Name(f) = &*c.func
            && self.builtin(f.id.as_str())
        {
            if !c.keywords.is_empty() || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) {
                return refuse(e, "keywords or * in the iterable's call");
            }
            match f.id.as_str() {
                "range" => {
                    if !(1..=3).contains(&c.args.len()) {
                        return refuse(e, "range() with no or too many arguments");
                    }
                    for a in &c.args {
                        match self.expr(a)? {
                            Some(NTy::Int) | None => {}
                            Some(t) => return refuse(a, format!("range() of a {t}")),
                        }
                    }
                    return Ok(Some(Iteration::Range));
                }
                "enumerate" if c.args.len() == 1 => {
                    return Ok(self.list_elem(&c.args[0])?.map(Iteration::Enumerate));
                }
                "zip" if c.args.len() >= 2 => {
                    let mut elems = Vec::new();
                    for a in &c.args {
                        match self.list_elem(a)? {
                            Some(t) => elems.push(t),
                            None => return Ok(None),
                        }
                    }
                    return Ok(Some(Iteration::Zip(elems)));
                }
                _ => {}
            }
        }
        if let Some((dict, part)) = dict_loop(e) {
            match self.var(dict) {
                Some(NTy::Dict(k, v)) => return Ok(Some(Iteration::Dict(*k, *v, part))),
                None if self.dicts.contains(dict) => {
                    self.unknown(e, &format!("'{dict}'"))?;
                    return Ok(None);
                }
                // Not a dict: the rules below decide.
                _ => {}
            }
        }
        if let ast::Expr::Call(c) = e
            && let ast::Expr::Attribute(a) = &*c.func
            && a.attr.as_str() == "split"
        {
            if !c.args.is_empty() || !c.keywords.is_empty() {
                return refuse(e, "split() with arguments");
            }
            return match self.expr(&a.value)? {
                Some(NTy::Str) => Ok(Some(Iteration::Split)),
                Some(t) => refuse(e, format!("split() of a {t}")),
                None => Ok(None),
            };
        }
        match self.expr(e)? {
            Some(NTy::Str) => return Ok(Some(Iteration::Chars)),
            Some(NTy::Gen(t)) => return Ok(Some(Iteration::Gen(*t))),
            _ => {}
        }
        Ok(self.list_elem(e)?.map(Iteration::List))
    }

    fn list_elem(&mut self, e: &ast::Expr) -> R<Option<NTy>> {
        match self.expr(e)? {
            Some(NTy::List(t)) => Ok(Some(*t)),
            Some(t) => refuse(e, format!("it iterates over a {t}")),
            None => Ok(None),
        }
    }

    /// A builtin name not shadowed by a module-level binding.
    fn builtin(&self, name: &str) -> bool {
        !self.world.module_names.contains(name) && !self.is_variable(name)
    }

    /// The type of an expression; `Ok(None)` while it depends on something
    /// not inferred yet (never in the strict pass).
    pub fn expr(&mut self, e: &ast::Expr) -> R<Option<NTy>> {
        use ast::Expr as E;
        match e {
            E::Constant(c) => match &c.value {
                ast::Constant::Int(i) if i.to_i64().is_some() => Ok(Some(NTy::Int)),
                ast::Constant::Int(_) => refuse(e, "an int literal beyond 64 bits"),
                ast::Constant::Float(_) => Ok(Some(NTy::Float)),
                ast::Constant::Bool(_) => Ok(Some(NTy::Bool)),
                ast::Constant::Str(_) => Ok(Some(NTy::Str)),
                ast::Constant::None => Ok(Some(NTy::None)),
                _ => refuse(e, "a constant other than int, float, bool, str or None"),
            },
            E::Name(n) => {
                let name = n.id.as_str();
                if let Some(t) = self.var(name) {
                    // An optional local is read as its scalar (see `NTy::Opt`);
                    // one only seen holding None so far may still become one.
                    match t {
                        NTy::Opt(t) => Ok(Some(*t)),
                        NTy::None => self.unknown(e, &format!("'{name}'")),
                        t => Ok(Some(t)),
                    }
                } else if self.local_names.contains(name) {
                    self.unknown(e, &format!("'{name}'"))
                } else if let Some(c) = self.world.consts.get(name) {
                    Ok(Some(c.ty()))
                } else if self.world.module_names.contains(name) {
                    refuse(e, format!("it reads the global '{name}', which is not a constant"))
                } else {
                    refuse(e, format!("it uses the builtin '{name}' as a value"))
                }
            }
            E::BinOp(b) => {
                let l = self.expr(&b.left)?;
                if b.op == ast::Operator::Mod && l == Some(NTy::Str) {
                    return self.percent(&b.right);
                }
                let r = self.expr(&b.right)?;
                let (Some(l), Some(r)) = (l, r) else { return Ok(None) };
                match binop_ty(b.op, &l, &r) {
                    Some(t) => Ok(Some(t)),
                    None => refuse(e, format!("{l} {} {r} has no native type", op_text(b.op))),
                }
            }
            E::UnaryOp(u) => {
                let Some(t) = self.expr(&u.operand)? else { return Ok(None) };
                match (u.op, &t) {
                    (ast::UnaryOp::Not, t) if t.holds_instance() || matches!(t, NTy::Tuple(_)) => {
                        refuse(e, format!("not of a {t}"))
                    }
                    (ast::UnaryOp::Not, _) => Ok(Some(NTy::Bool)),
                    (ast::UnaryOp::USub | ast::UnaryOp::UAdd, NTy::Float) => Ok(Some(NTy::Float)),
                    // `~` on a bool warns (the dynamic code does).
                    (ast::UnaryOp::Invert, NTy::Bool) => refuse(e, "~ on a bool, which warns"),
                    (ast::UnaryOp::USub | ast::UnaryOp::UAdd | ast::UnaryOp::Invert, NTy::Int | NTy::Bool) => {
                        Ok(Some(NTy::Int))
                    }
                    _ => refuse(e, format!("a unary operator on a {t}")),
                }
            }
            E::BoolOp(b) => self.common_scalar(e, &b.values, "and/or on a", "and/or over values of different types"),
            E::Compare(c) if is_none_test(c) => match &*c.left {
                ast::Expr::Name(n) if matches!(self.var(n.id.as_str()), Some(NTy::Opt(_) | NTy::None)) => {
                    Ok(Some(NTy::Bool))
                }
                ast::Expr::Name(n) if self.local_names.contains(n.id.as_str()) && self.var(n.id.as_str()).is_none() => {
                    self.unknown(e, &format!("'{}'", n.id))
                }
                ast::Expr::Attribute(a) => {
                    let Some(obj) = self.expr(&a.value)? else { return Ok(None) };
                    match self.world.class_of(&obj) {
                        Some(class) if class.field(a.attr.as_str()).is_some() => Ok(Some(NTy::Bool)),
                        _ => refuse(e, format!("`is None` on an attribute of a {obj} that is not a field")),
                    }
                }
                _ => refuse(e, "`is None` on something other than a field or a local that holds None at times"),
            },
            E::Compare(c) => {
                let mut left = self.expr(&c.left)?;
                for (op, right) in c.ops.iter().zip(&c.comparators) {
                    let r = self.expr(right)?;
                    if let (Some(l), Some(r)) = (&left, &r) {
                        let ok = match op {
                            ast::CmpOp::In | ast::CmpOp::NotIn => {
                                matches!((l, r), (NTy::Int, NTy::List(x)) if **x == NTy::Int)
                                    || (l.is_text() && *r == NTy::Str)
                                    || (*l == NTy::Str && *r == NTy::list_of(NTy::Str))
                                    || matches!(r, NTy::Dict(k, _) if **k == *l)
                            }
                            ast::CmpOp::Is | ast::CmpOp::IsNot => false,
                            _ => (l.is_numeric() && r.is_numeric()) || (l.is_text() && r.is_text()),
                        };
                        if !ok && matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) {
                            return refuse(e, "'is' of native values (identity has no native meaning)");
                        }
                        if !ok {
                            return refuse(e, format!("comparing {} with {}", with_article(l), with_article(r)));
                        }
                    }
                    left = r;
                }
                Ok(Some(NTy::Bool))
            }
            E::IfExp(i) => {
                self.cond(&i.test)?;
                let (a, b) = (self.expr(&i.body)?, self.expr(&i.orelse)?);
                match (a, b) {
                    (Some(a), Some(b)) if a == b => Ok(Some(a)),
                    (Some(a), Some(b)) => refuse(e, format!("a conditional expression of {a} or {b}")),
                    (Some(a), None) | (None, Some(a)) if !self.strict => Ok(Some(a)),
                    _ => Ok(None),
                }
            }
            E::Call(c) => self.call(e, c),
            E::JoinedStr(j) => {
                let mut known = true;
                for v in &j.values {
                    let E::FormattedValue(f) = v else { continue };
                    if f.conversion != ast::ConversionFlag::None {
                        return refuse(v, "an f-string field with !s, !r or !a");
                    }
                    if f.format_spec.as_deref().is_some_and(|s| crate::frontend::constant_text(s).is_none()) {
                        return refuse(v, "an f-string field whose format spec has fields");
                    }
                    known &= self.formatted(&f.value)?;
                }
                Ok(known.then_some(NTy::Str))
            }
            E::Attribute(a) if self.is_math_constant(a) => Ok(Some(NTy::Float)),
            E::Attribute(a) => match self.receiver(&a.value)? {
                Some(obj) => self.field(e, a, &obj),
                None if self.strict => refuse(e, "an attribute other than math's constants"),
                None => Ok(None),
            },
            E::Subscript(s) => {
                let Some(seq) = self.expr(&s.value)? else { return Ok(None) };
                if seq == NTy::Str {
                    return match &*s.slice {
                        E::Slice(sl) if sl.step.is_some() => refuse(e, "slicing a str with a step"),
                        E::Slice(sl) => {
                            for b in [&sl.lower, &sl.upper].into_iter().flatten() {
                                match self.expr(b)? {
                                    Some(NTy::Int) | None => {}
                                    Some(t) => return refuse(b.as_ref(), format!("a str slice bound of type {t}")),
                                }
                            }
                            Ok(Some(NTy::Str))
                        }
                        index => match self.expr(index)? {
                            Some(NTy::Int) => Ok(Some(NTy::Char)),
                            Some(t) => refuse(e, format!("a str index of type {t}")),
                            None => Ok(None),
                        },
                    };
                }
                if let NTy::Dict(k, v) = &seq {
                    return match &*s.slice {
                        E::Slice(_) => refuse(e, "slicing a dict"),
                        key => match self.expr(key)? {
                            Some(t) if t == **k => Ok(Some((**v).clone())),
                            Some(t) => refuse(e, format!("a {t} key for a {seq}")),
                            None => Ok(None),
                        },
                    };
                }
                let NTy::List(elem) = seq else { return refuse(e, format!("subscripting a {seq}")) };
                if let E::Slice(sl) = &*s.slice {
                    if sl.lower.is_none() && sl.upper.is_none() && sl.step.is_none() {
                        return Ok(Some(NTy::List(elem)));
                    }
                    return refuse(e, "a slice other than [:]");
                }
                match self.expr(&s.slice)? {
                    Some(NTy::Int) => Ok(Some(*elem)),
                    Some(t) => refuse(e, format!("a list index of type {t}")),
                    None => Ok(None),
                }
            }
            E::List(l) => {
                if l.elts.is_empty() {
                    return refuse(e, "an empty list whose element type is not known here");
                }
                let elem = self.common_scalar(e, &l.elts, "a list holding a", "a list mixing element types")?;
                Ok(elem.map(NTy::list_of))
            }
            E::ListComp(l) => {
                let elem = self.comprehension(&l.generators, &l.elt)?;
                match elem {
                    Some(t) if t.is_scalar() || t == NTy::Str => Ok(Some(NTy::list_of(t))),
                    Some(t) => refuse(e, format!("a list comprehension of {t}")),
                    None => Ok(None),
                }
            }
            _ => refuse(e, format!("{} expression", expr_kind(e))),
        }
    }

    /// A value an f-string field or a `%` argument formats: a scalar or a
    /// str. `false` while its type is not known.
    fn formatted(&mut self, e: &ast::Expr) -> R<bool> {
        match self.expr(e)? {
            Some(t) if t.is_scalar() || t.is_text() => Ok(true),
            Some(t) => refuse(e, format!("formatting a {t}")),
            None => Ok(false),
        }
    }

    /// `fmt % args` on a str: a tuple display or one value of them.
    fn percent(&mut self, args: &ast::Expr) -> R<Option<NTy>> {
        let mut known = true;
        for a in percent_args(args) {
            known &= self.formatted(a)?;
        }
        Ok(known.then_some(NTy::Str))
    }

    /// The one scalar type all of `values` have (`and`/`or` operands, list
    /// items); `what` and `mixed` word the refusals.
    fn common_scalar(&mut self, e: &ast::Expr, values: &[ast::Expr], what: &str, mixed: &str) -> R<Option<NTy>> {
        let mut ty: Option<NTy> = None;
        for v in values {
            let Some(t) = self.expr(v)? else { return Ok(None) };
            if !t.is_scalar() {
                return refuse(v, format!("{what} {t}"));
            }
            if ty.as_ref().is_some_and(|prev| *prev != t) {
                return refuse(e, mixed);
            }
            ty = Some(t);
        }
        Ok(ty)
    }

    /// Types the generators of a comprehension, then its element.
    pub fn comprehension(&mut self, gens: &[ast::Comprehension], elt: &ast::Expr) -> R<Option<NTy>> {
        self.push_comp();
        let r = self.comprehension_inner(gens, elt);
        self.pop_comp();
        r
    }

    fn comprehension_inner(&mut self, gens: &[ast::Comprehension], elt: &ast::Expr) -> R<Option<NTy>> {
        for g in gens {
            if g.is_async {
                return refuse(&g.iter, "an async comprehension");
            }
            let Some(it) = self.iteration(&g.iter)? else { return Ok(None) };
            self.bind_target(&g.target, it.item_types(), true)?;
            for cond in &g.ifs {
                self.cond(cond)?;
            }
        }
        self.expr(elt)
    }

    /// A call of the native unit `name` (a function, or a method with its
    /// `receiver`'s type first): `Some(type)` when `name` is one, the
    /// type `None` while its return type is unknown.
    fn call_unit(
        &mut self,
        e: &ast::Expr,
        name: &str,
        receiver: Option<NTy>,
        args: &[ast::Expr],
    ) -> R<Option<Option<NTy>>> {
        let arity = args.len() + usize::from(receiver.is_some());
        let shown = |n: usize| n - usize::from(receiver.is_some());
        if let Some(params) = self.world.pending.get(name) {
            // Typed by its callers: this call gives its types.
            self.calls = true;
            self.callees.insert(name.to_string());
            if params.len() != arity {
                return refuse(e, format!("{name}() called with {} arguments", args.len()));
            }
            if let Some(args) = self.call_args(args)? {
                let types = receiver.into_iter().chain(args).collect();
                self.demands.push((name.to_string(), types, span(e).0));
            }
            return self.unknown(e, &format!("{name}()")).map(Some);
        }
        let Some(sig) = self.world.sigs.get(name) else { return Ok(None) };
        self.calls = true;
        self.callees.insert(name.to_string());
        if sig.params.len() != arity {
            return refuse(
                e,
                format!("{name}() takes {} arguments but is given {}", shown(sig.params.len()), args.len()),
            );
        }
        let (params, ret) = (sig.params.clone(), sig.ret.clone());
        if let Some(NTy::Gen(_)) = ret {
            self.generators.insert(name.to_string());
        }
        let Some(types) = self.call_args(args)? else { return Ok(Some(None)) };
        let params = &params[params.len() - args.len()..];
        for ((a, t), (pname, pty)) in args.iter().zip(types).zip(params) {
            // An instance or None goes where either may.
            let optional = matches!(pty, NTy::Opt(inner) if **inner == t || t == NTy::None);
            if t != *pty && !optional {
                return refuse(a, format!("{name}() gets a {t} for '{pname}: {pty}'"));
            }
            // A generator borrows a list it is given for as long
            // as it lives: the list must outlive it, as a variable
            // of a caller that is not itself a generator.
            if matches!(ret, Some(NTy::Gen(_))) && matches!(t, NTy::List(_)) {
                if self.kind == UnitKind::Generator {
                    return refuse(a, format!("a generator passes a list to the generator {name}()"));
                }
                let ast::Expr::Name(list) = a else {
                    return refuse(a, format!("{name}() gets a list that is not in a variable"));
                };
                self.lent.insert(list.id.to_string());
            }
        }
        match ret {
            // Made a dynamic object as it returns.
            Some(r) if r.leaves_as_value() => refuse(e, format!("it uses the {r} {name}() returns")),
            Some(r) => Ok(Some(Some(r))),
            None => self.unknown(e, &format!("{name}()")).map(Some),
        }
    }

    /// `C(args)` for a fixed-layout class: a new instance, set up by the
    /// native `__init__` when the class has one.
    fn construct(&mut self, e: &ast::Expr, class: &FixedClass, args: &[ast::Expr]) -> R<Option<NTy>> {
        // A generator runs lazily, interleaved with its consumer.
        if self.kind == UnitKind::Generator {
            return refuse(e, format!("a generator makes a {} instance", class.name));
        }
        let obj = NTy::Obj(class.name.clone());
        if class.methods.contains("__init__") {
            let init = format!("{}.__init__", class.name);
            return match self.call_unit(e, &init, Some(obj.clone()), args)? {
                Some(_) => Ok(Some(obj)),
                None => refuse(e, format!("it calls {init}(), which is not native")),
            };
        }
        if class.others.contains("__init__") {
            return refuse(e, format!("{}.__init__ is not a plain method", class.name));
        }
        if !args.is_empty() {
            return refuse(e, format!("{}() takes no arguments", class.name));
        }
        Ok(Some(obj))
    }

    /// The type of what an attribute is taken of, when it may be an
    /// instance (a variable, another attribute, a list item).
    fn receiver(&mut self, e: &ast::Expr) -> R<Option<NTy>> {
        match e {
            ast::Expr::Name(n) if self.is_variable(n.id.as_str()) => self.expr(e),
            ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => self.expr(e),
            _ => refuse(e, "an attribute other than math's constants"),
        }
    }

    /// Whether `a` is `math.pi`, `math.e`, `math.tau` or `math.inf` (not
    /// an attribute of a local named `math`, nor a field named `e`).
    pub fn is_math_constant(&self, a: &ast::ExprAttribute) -> bool {
        matches!(&*a.value, ast::Expr::Name(m) if m.id.as_str() == "math")
            && matches!(a.attr.as_str(), "pi" | "e" | "tau" | "inf")
            && self.world.math
            && self.var("math").is_none()
    }

    /// `super().method(args)` in a method: a direct call of the def it
    /// finds, on the instance parameter. `super().__init__()` of `object`
    /// does nothing.
    fn super_call(&mut self, e: &ast::Expr, method: &str, args: &[ast::Expr]) -> R<Option<NTy>> {
        let (target, me) = self.super_target(e, method)?;
        let Some(target) = target else {
            if method == "__init__" && args.is_empty() {
                return Ok(Some(NTy::None));
            }
            return refuse(e, format!("super().{method}() is object's"));
        };
        match self.call_unit(e, &target, Some(me), args)? {
            // Python's `__init__` returns None (natively, its instance).
            Some(Some(_)) if method == "__init__" => Ok(Some(NTy::None)),
            Some(t) => Ok(t),
            None => refuse(e, format!("it calls {target}(), which is not native")),
        }
    }

    /// The unit `super().method` calls here (None: `object`'s) and the
    /// type of the instance it is called on.
    pub fn super_target(&self, e: &ast::Expr, method: &str) -> R<(Option<String>, NTy)> {
        let Some((class, definer, me)) = &self.method else {
            return refuse(e, "super() outside a method of a fixed-layout class");
        };
        let me_ty = NTy::Obj(class.clone());
        if self.var(me).as_ref() != Some(&me_ty) {
            return refuse(e, format!("super() with '{me}' no longer a {class}"));
        }
        let Some(fixed) = self.world.classes.get(class) else { return refuse(e, "super() here") };
        match fixed.super_definer(&self.world.classes, definer, method) {
            Ok(Some(d)) => Ok((Some(fixed.unit(&d, method)), me_ty)),
            Ok(None) => Ok((None, me_ty)),
            Err(reason) => refuse(e, reason),
        }
    }

    /// `obj.method(args)` on an instance of a fixed-layout class.
    fn method_call(&mut self, e: &ast::Expr, a: &ast::ExprAttribute, args: &[ast::Expr]) -> R<Option<Option<NTy>>> {
        if !self.world.may_call_method(a, |n| self.is_variable(n)) {
            return Ok(None);
        }
        let obj = match self.expr(&a.value)? {
            Some(obj @ NTy::Obj(_)) => obj,
            Some(_) => return Ok(None),
            None => return Ok(Some(None)),
        };
        let Some(class) = self.world.class_of(&obj) else { return Ok(None) };
        let method = a.attr.as_str();
        if !class.methods.contains(method) {
            return refuse(e, format!("{}.{method} is not a plain method", class.name));
        }
        let name = format!("{}.{method}", class.name);
        match self.call_unit(e, &name, Some(obj), args)? {
            Some(t) => Ok(Some(t)),
            None => refuse(e, format!("it calls {name}(), which is not native")),
        }
    }

    fn call(&mut self, e: &ast::Expr, c: &ast::ExprCall) -> R<Option<NTy>> {
        if !c.keywords.is_empty() || c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) {
            return refuse(e, "a call with keywords or *");
        }
        match &*c.func {
            ast::Expr::Name(f) => {
                let name = f.id.as_str();
                if self.is_variable(name) {
                    return refuse(e, format!("calling the local '{name}'"));
                }
                if let Some(class) = self.world.classes.get(name) {
                    return self.construct(e, class, &c.args);
                }
                let known = self.world.sigs.contains_key(name) || self.world.pending.contains_key(name);
                if known && !self.current.is_empty() && name != self.current && !self.world.early.contains(name) {
                    return refuse(e, format!("it calls {name}(), which is defined after code that may call it"));
                }
                if let Some(t) = self.call_unit(e, name, None, &c.args)? {
                    return Ok(t);
                }
                if self.world.module_names.contains(name) {
                    return refuse(e, format!("it calls '{name}', which is not native"));
                }
                self.builtin_call(e, name, &c.args)
            }
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(m) = &*a.value
                    && m.id.as_str() == "math"
                    && self.world.math
                    && self.var("math").is_none()
                {
                    return self.math_call(e, a.attr.as_str(), &c.args);
                }
                if crate::sema::fixed::is_super(&a.value) {
                    return self.super_call(e, a.attr.as_str(), &c.args);
                }
                if let Some(t) = self.method_call(e, a, &c.args)? {
                    return Ok(t);
                }
                if char_test(a.attr.as_str()).is_some() && c.args.is_empty() {
                    return match self.expr(&a.value)? {
                        Some(t) if t.is_text() => Ok(Some(NTy::Bool)),
                        Some(t) => refuse(e, format!("{}() of a {t}", a.attr)),
                        None => Ok(None),
                    };
                }
                if let Some(t) = self.method(e, a, &c.args)? {
                    return Ok(t);
                }
                if a.attr.as_str() == "copy" && c.args.is_empty() {
                    return match self.expr(&a.value)? {
                        Some(t @ NTy::List(_)) => Ok(Some(t)),
                        Some(t) => refuse(e, format!("copy() of a {t}")),
                        None => Ok(None),
                    };
                }
                refuse(e, format!("a call of the method '{}'", a.attr))
            }
            _ => refuse(e, "a call of a computed function"),
        }
    }

    /// `d.get(k, default)` on a local dict and the str methods that return
    /// a str: `Some(type)` when the call is one of them.
    fn method(&mut self, e: &ast::Expr, a: &ast::ExprAttribute, args: &[ast::Expr]) -> R<Option<Option<NTy>>> {
        let method = a.attr.as_str();
        if method == "get"
            && let ast::Expr::Name(n) = &*a.value
            && self.dicts.contains(n.id.as_str())
        {
            let [key, default] = args else { return refuse(e, "get() without a default") };
            let (k, d) = (self.expr(key)?, self.expr(default)?);
            return match (self.var(n.id.as_str()), k, d) {
                (Some(dict @ NTy::Dict(..)), Some(k), Some(d)) => match &dict {
                    NTy::Dict(dk, dv) if **dk == k && **dv == d => Ok(Some(Some(d))),
                    _ => refuse(e, format!("get() of a {k} key with a {d} default from a {dict}")),
                },
                // Before the first store, the default says what it holds.
                (None, _, Some(d)) if !self.strict => Ok(Some(Some(d))),
                (None, _, _) => Ok(Some(self.unknown(e, &format!("'{}'", n.id))?)),
                (_, _, _) => Ok(Some(None)),
            };
        }
        if method == "join" {
            let [items] = args else { return refuse(e, "join() takes one argument") };
            let sep = self.expr(&a.value)?;
            // A generator expression is joined as the list it would make.
            let items_ty = match items {
                ast::Expr::GeneratorExp(g) => self.comprehension(&g.generators, &g.elt)?.map(NTy::list_of),
                items => self.expr(items)?,
            };
            return match (sep, items_ty) {
                (Some(NTy::Str), Some(t)) if t == NTy::list_of(NTy::Str) => Ok(Some(Some(NTy::Str))),
                (Some(NTy::Str), Some(t)) => refuse(e, format!("join() of a {t}")),
                (Some(t), _) => refuse(e, format!("join() on a {t}")),
                _ => Ok(Some(None)),
            };
        }
        if !PIECE_METHODS.contains(&method) && !RECASE_METHODS.contains(&method) {
            return Ok(None);
        }
        if !args.is_empty() {
            return refuse(e, format!("{method}() with arguments"));
        }
        match self.expr(&a.value)? {
            Some(NTy::Str) => Ok(Some(Some(NTy::Str))),
            Some(t) => refuse(e, format!("{method}() of a {t}")),
            None => Ok(Some(None)),
        }
    }

    /// The argument types of a call of a native function. A generator
    /// argument must be made by the call (`f(g(x))`): one in a parameter
    /// is stepped only where it is.
    fn call_args(&mut self, args: &[ast::Expr]) -> R<Option<Vec<NTy>>> {
        let Some(tys) = self.args(args)? else { return Ok(None) };
        for (a, t) in args.iter().zip(&tys) {
            if let NTy::Gen(_) = t
                && !matches!(a, ast::Expr::Call(_))
            {
                return refuse(a, "it passes on a generator it did not make");
            }
            if matches!(t, NTy::None | NTy::Tuple(_)) {
                return refuse(a, format!("it passes a {t}"));
            }
        }
        Ok(Some(tys))
    }

    fn args(&mut self, args: &[ast::Expr]) -> R<Option<Vec<NTy>>> {
        let mut out = Vec::new();
        for a in args {
            match self.expr(a)? {
                Some(t) => out.push(t),
                None => return Ok(None),
            }
        }
        Ok(Some(out))
    }

    fn builtin_call(&mut self, e: &ast::Expr, name: &str, args: &[ast::Expr]) -> R<Option<NTy>> {
        // sum/min/max over a generator expression iterate it inline.
        if let [ast::Expr::GeneratorExp(g)] = args
            && matches!(name, "sum" | "min" | "max" | "any" | "all")
        {
            let Some(elem) = self.comprehension(&g.generators, &g.elt)? else { return Ok(None) };
            return self.reduction(e, name, elem);
        }
        if name == "list"
            && let [ast::Expr::Call(c)] = args
            && let ast::Expr::Name(r) = &*c.func
            && r.id.as_str() == "range"
            && self.builtin("range")
        {
            return match self.iteration(&args[0])? {
                Some(_) => Ok(Some(NTy::list_of(NTy::Int))),
                None => Ok(None),
            };
        }
        const NATIVE_BUILTINS: &[&str] =
            &["len", "abs", "float", "int", "bool", "min", "max", "sum", "any", "all", "list", "ord", "str"];
        if !NATIVE_BUILTINS.contains(&name) {
            return refuse(e, format!("it calls {name}(), which has no native form"));
        }
        let Some(tys) = self.args(args)? else { return Ok(None) };
        use NTy as T;
        let r = match (name, tys.as_slice()) {
            ("len", [T::List(_) | T::Str | T::Char | T::Dict(..)]) => T::Int,
            ("str", [t]) if t.is_scalar() || t.is_text() => T::Str,
            ("ord", [T::Str | T::Char]) => T::Int,
            ("abs", [T::Int | T::Bool]) => T::Int,
            ("abs", [T::Float]) => T::Float,
            ("float", [t]) if t.is_scalar() => T::Float,
            ("int", [t]) if t.is_scalar() => T::Int,
            ("bool", [t]) if !matches!(t, T::Tuple(_)) => T::Bool,
            ("min" | "max", [a, rest @ ..]) if !rest.is_empty() && a.is_scalar() => {
                if rest.iter().any(|t| t != a) {
                    return refuse(e, format!("{name}() of values of different types"));
                }
                a.clone()
            }
            ("min" | "max" | "sum" | "any" | "all", [T::List(elem) | T::Gen(elem)]) => {
                return self.reduction(e, name, (**elem).clone());
            }
            ("list", [T::List(elem)]) => T::List(elem.clone()),
            ("list", [T::Gen(elem)]) if elem.is_scalar() => T::List(elem.clone()),
            ("list", []) => return refuse(e, "an empty list whose element type is not known here"),
            _ => {
                let shown: Vec<String> = tys.iter().map(ToString::to_string).collect();
                return refuse(e, format!("{name}() of ({}) has no native form", shown.join(", ")));
            }
        };
        Ok(Some(r))
    }

    fn reduction(&mut self, e: &ast::Expr, name: &str, elem: NTy) -> R<Option<NTy>> {
        match (name, &elem) {
            ("sum", NTy::Int | NTy::Bool) => Ok(Some(NTy::Int)),
            ("sum", NTy::Float) => Ok(Some(NTy::Float)),
            ("min" | "max", t) if t.is_scalar() => Ok(Some(elem)),
            ("any" | "all", t) if t.is_scalar() => Ok(Some(NTy::Bool)),
            _ => refuse(e, format!("{name}() over {elem}")),
        }
    }

    fn math_call(&mut self, e: &ast::Expr, name: &str, args: &[ast::Expr]) -> R<Option<NTy>> {
        let Some(tys) = self.args(args)? else { return Ok(None) };
        let numeric = tys.iter().all(|t| matches!(t, NTy::Int | NTy::Float | NTy::Bool));
        match (name, tys.len()) {
            ("sqrt" | "sin" | "cos" | "tan" | "atan" | "exp" | "log" | "fabs", 1) if numeric => Ok(Some(NTy::Float)),
            ("floor" | "ceil", 1) if numeric => Ok(Some(NTy::Int)),
            ("atan2", 2) if numeric => Ok(Some(NTy::Float)),
            _ => refuse(e, format!("math.{name}() has no native form here")),
        }
    }
}

/// The str methods whose result is a piece of the str (no new text).
pub const PIECE_METHODS: &[&str] = &["strip", "lstrip", "rstrip"];

/// The str methods that change case, making new text when something changes.
pub const RECASE_METHODS: &[&str] = &["lower", "upper"];

/// The arguments of `fmt % args`: a tuple display's items, or one value.
pub fn percent_args(args: &ast::Expr) -> &[ast::Expr] {
    match args {
        ast::Expr::Tuple(t) => t.elts.as_slice(),
        one => std::slice::from_ref(one),
    }
}

/// `d`, `d.keys()`, `d.values()` or `d.items()` on a name: the name and
/// what a loop takes (whether the name is a dict is the caller's to check).
pub fn dict_loop(e: &ast::Expr) -> Option<(&str, DictPart)> {
    match e {
        ast::Expr::Name(n) => Some((n.id.as_str(), DictPart::Keys)),
        ast::Expr::Call(c) if c.args.is_empty() && c.keywords.is_empty() => {
            let ast::Expr::Attribute(a) = &*c.func else { return None };
            let ast::Expr::Name(n) = &*a.value else { return None };
            let part = match a.attr.as_str() {
                "keys" => DictPart::Keys,
                "values" => DictPart::Values,
                "items" => DictPart::Items,
                _ => return None,
            };
            Some((n.id.as_str(), part))
        }
        _ => None,
    }
}

/// The str methods testing every character that have a native form, each
/// with the runtime function testing one character (Python's Unicode
/// rules, not Rust's).
const CHAR_TESTS: &[(&str, &str)] = &[
    ("isalpha", "char_is_alpha"),
    ("isdigit", "char_is_digit"),
    ("isdecimal", "char_is_decimal"),
    ("isnumeric", "char_is_numeric"),
    ("isalnum", "char_is_alnum"),
    ("isspace", "char_is_space"),
];

/// The `rt::str_methods` function for str method `method`, if it is one
/// of the `CHAR_TESTS`.
pub fn char_test(method: &str) -> Option<&'static str> {
    CHAR_TESTS.iter().find(|(m, _)| *m == method).map(|(_, f)| *f)
}

/// The native type of `l op r`, when there is one.
pub fn binop_ty(op: ast::Operator, l: &NTy, r: &NTy) -> Option<NTy> {
    use NTy::*;
    use ast::Operator as O;
    let int_like = |t: &NTy| matches!(t, Int | Bool);
    Some(match op {
        O::Add | O::Sub | O::Mult | O::FloorDiv | O::Mod | O::Pow => match (l, r) {
            (a, b) if op == O::Add && a.is_text() && b.is_text() => Str,
            (List(a), List(b)) if op == O::Add && a == b => List(a.clone()),
            (List(a), Int) | (Int, List(a)) if op == O::Mult => List(a.clone()),
            (a, b) if int_like(a) && int_like(b) => Int,
            (Float, b) | (b, Float) if b.is_scalar() => Float,
            _ => return Option::None,
        },
        O::Div => match (l, r) {
            (a, b) if a.is_scalar() && b.is_scalar() => Float,
            _ => return Option::None,
        },
        O::BitAnd | O::BitOr | O::BitXor => match (l, r) {
            (Bool, Bool) => Bool,
            (a, b) if int_like(a) && int_like(b) => Int,
            _ => return Option::None,
        },
        O::LShift | O::RShift => match (l, r) {
            (a, b) if int_like(a) && int_like(b) => Int,
            _ => return Option::None,
        },
        O::MatMult => return Option::None,
    })
}

pub fn op_text(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "+",
        O::Sub => "-",
        O::Mult => "*",
        O::MatMult => "@",
        O::Div => "/",
        O::Mod => "%",
        O::Pow => "**",
        O::LShift => "<<",
        O::RShift => ">>",
        O::BitOr => "|",
        O::BitXor => "^",
        O::BitAnd => "&",
        O::FloorDiv => "//",
    }
}

/// `x is None` or `x is not None`.
pub fn is_none_test(c: &ast::ExprCompare) -> bool {
    matches!(c.ops.as_slice(), [ast::CmpOp::Is | ast::CmpOp::IsNot])
        && matches!(&c.comparators[0], ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None))
}

/// Whether a generator suspends inside `body` (its yields are statements).
pub fn has_yield(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::Expr(e) => matches!(&*e.value, ast::Expr::Yield(_)),
        s => crate::frontend::child_blocks(s).into_iter().any(has_yield),
    })
}

/// Whether control cannot reach the end of `body`.
pub fn always_returns(body: &[ast::Stmt]) -> bool {
    match body.last() {
        Some(ast::Stmt::Return(_)) => true,
        Some(ast::Stmt::If(i)) => always_returns(&i.body) && always_returns(&i.orelse),
        Some(ast::Stmt::While(w)) => {
            matches!(&*w.test, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)))
                && !breaks(&w.body)
        }
        _ => false,
    }
}

/// Whether a `break` in `body` leaves the loop that holds it.
fn breaks(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::Break(_) => true,
        ast::Stmt::If(i) => breaks(&i.body) || breaks(&i.orelse),
        _ => false,
    })
}

fn stmt_kind(s: &ast::Stmt) -> &'static str {
    use ast::Stmt as S;
    match s {
        S::Raise(_) => "raise",
        S::Try(_) | S::TryStar(_) => "try",
        S::With(_) | S::AsyncWith(_) => "with",
        S::Global(_) => "global",
        S::Nonlocal(_) => "nonlocal",
        S::Delete(_) => "del",
        S::Assert(_) => "assert",
        S::Import(_) | S::ImportFrom(_) => "import",
        S::Match(_) => "match",
        S::AsyncFor(_) => "async for",
        _ => "such",
    }
}

fn expr_kind(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::Lambda(_) => "a lambda",
        E::Dict(_) | E::DictComp(_) => "a dict",
        E::Set(_) | E::SetComp(_) => "a set",
        E::GeneratorExp(_) => "a generator",
        E::Await(_) | E::Yield(_) | E::YieldFrom(_) => "an await or yield",
        E::JoinedStr(_) | E::FormattedValue(_) => "an f-string",
        E::Tuple(_) => "a tuple",
        E::NamedExpr(_) => "a walrus",
        E::Starred(_) => "a starred",
        E::Slice(_) => "a slice",
        _ => "this kind of",
    }
}

/// `an int`, `a float`: for the reasons `--explain-types` gives.
fn with_article(what: impl std::fmt::Display) -> String {
    let what = what.to_string();
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {what}")
}

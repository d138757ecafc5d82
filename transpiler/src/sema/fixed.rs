//! Fixed-layout classes: module-level classes whose instances native code
//! may hold, reading and writing their attributes by index and calling
//! their methods directly (see `rt::fixed` for the guards that keep this
//! sound while dynamic code can still change anything).
//!
//! A class qualifies when nothing in its own statement can change how an
//! attribute of an instance is found or stored:
//! - it is a plain `class C:` or `class C(B):` with `B` a fixed-layout class
//!   of an earlier statement (no metaclass or other keywords, no
//!   decorators, no type parameters), bound once;
//! - it defines none of the hooks that take over attribute access,
//!   instantiation or finalization;
//! - its methods assign the instance's attributes only as `self.name = ...`
//!   (their *fields*), never delete one, and each method name is bound once.
//!
//! Which methods then run natively is for inference to decide.

use std::collections::{BTreeMap, BTreeSet};

use crate::frontend::{ast, span};
use crate::sema::Program;
use crate::sema::infer::Refusal;

/// A class whose instances have fixed fields.
#[derive(Clone, Debug)]
pub struct FixedClass {
    pub name: String,
    /// Offset of the `class` statement.
    pub offset: usize,
    /// The fields in index order: those `__init__` assigns first, in the
    /// order it assigns them, then the others in source order, then any
    /// other names in `__slots__`.
    pub fields: Vec<String>,
    /// Plain methods that may run natively, with their statements.
    pub methods: BTreeSet<String>,
    /// Class attributes other than plain methods (properties, constants...):
    /// native code does not read them.
    pub others: BTreeSet<String>,
    /// The class, then its bases nearest first (all fixed-layout).
    pub lineage: Vec<String>,
    /// For each method, the class of `lineage` whose def it is.
    pub definers: BTreeMap<String, String>,
    /// The names the class's own statement binds.
    pub own: BTreeSet<String>,
    /// How many of the fields (the first ones) `__init__` assigns.
    pub init_fields: usize,
    /// What each `super().method` that native code calls on this class's
    /// instances found: the class whose def makes the call, the method, and
    /// the def found (`None`: `object`'s). Sealing checks that the classes
    /// still say so, as code run before this class statement may have
    /// rebound a base's method (`Base.method = other`).
    pub supers: BTreeSet<(String, String, Option<String>)>,
    /// Whether the class or a base declares `__slots__`.
    slotted: bool,
    /// Whether the class or a base defines `__init_subclass__`.
    init_subclass: bool,
}

impl FixedClass {
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// The inference unit of `method` on this class's instances when the
    /// def is `definer`'s: `Class.method` for the def the class has, else
    /// `Class.Base.method` (a base's def that `super()` calls).
    pub fn unit(&self, definer: &str, method: &str) -> String {
        if self.definers.get(method).is_some_and(|d| d == definer) {
            format!("{}.{method}", self.name)
        } else {
            format!("{}.{definer}.{method}", self.name)
        }
    }

    /// The class of `lineage` whose plain method `super().name` finds from
    /// a def of class `from`: `Ok(None)` when it is `object`'s, `Err` when
    /// the name found is no plain method.
    pub fn super_definer(
        &self,
        classes: &BTreeMap<String, FixedClass>,
        from: &str,
        name: &str,
    ) -> Result<Option<String>, String> {
        let after = self.lineage.iter().skip_while(|c| *c != from).skip(1);
        for c in after {
            let Some(class) = classes.get(c) else { break };
            if class.own.contains(name) {
                return match class.definers.get(name) {
                    Some(d) if d == c => Ok(Some(c.clone())),
                    _ => Err(format!("super().{name} finds {c}.{name}, which is not a plain method")),
                };
            }
        }
        Ok(None)
    }
}

/// Hooks that change how attributes are found or stored, how an instance
/// is made, or when it is finalized.
const HOOKS: &[&str] = &["__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__new__", "__del__"];

/// Defs that Python makes class methods without a decorator: no plain
/// methods of an instance.
const IMPLICIT_CLASS_METHODS: &[&str] = &["__init_subclass__", "__class_getitem__"];

/// Past CPython's shared-keys limit an instance gets a dict of its own.
const MAX_FIELDS: usize = 30;

/// Every module-level class, by name: fixed-layout or why not.
pub fn classes(prog: &Program, body: &[ast::Stmt]) -> BTreeMap<String, Result<FixedClass, Refusal>> {
    let mut out = BTreeMap::new();
    // Each class after its bases, as the statements run.
    let mut fixed: BTreeMap<String, FixedClass> = BTreeMap::new();
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        let made = class(prog, s, c, &fixed);
        match &made {
            Ok(class) => fixed.insert(class.name.clone(), class.clone()),
            Err(_) => fixed.remove(c.name.as_str()),
        };
        out.insert(c.name.to_string(), made);
    }
    out
}

fn refusal<N: ast::Ranged>(node: &N, reason: impl Into<String>) -> Refusal {
    Refusal { offset: span(node).0, reason: reason.into() }
}

/// The fixed-layout base of `class C(B):`, if it has one.
fn base_class<'c>(
    c: &ast::StmtClassDef,
    fixed: &'c BTreeMap<String, FixedClass>,
) -> Result<Option<&'c FixedClass>, Refusal> {
    let bases: Vec<&ast::Expr> =
        c.bases.iter().filter(|b| !matches!(b, ast::Expr::Name(n) if n.id.as_str() == "object")).collect();
    match bases.as_slice() {
        [] => Ok(None),
        [ast::Expr::Name(b)] => match fixed.get(b.id.as_str()) {
            Some(base) if base.slotted => Err(refusal(bases[0], format!("its base class {} declares __slots__", b.id))),
            Some(base) if base.init_subclass => {
                Err(refusal(bases[0], format!("its base class {} defines __init_subclass__", b.id)))
            }
            Some(base) => Ok(Some(base)),
            None => Err(refusal(bases[0], format!("its base class {} is not a fixed-layout class", b.id))),
        },
        [b] => Err(refusal(*b, "its base class is not a name")),
        [_, b, ..] => Err(refusal(*b, "it has more than one base class")),
    }
}

fn class(
    prog: &Program,
    s: &ast::Stmt,
    c: &ast::StmtClassDef,
    fixed: &BTreeMap<String, FixedClass>,
) -> Result<FixedClass, Refusal> {
    let name = c.name.to_string();
    // A plain dataclass's decorator adds only what native code leaves to
    // the dynamic world (`__repr__`, `__eq__`, ...) once its `__init__` is a def.
    let dataclass = match prog.dataclass_inits.get(&span(s).0) {
        Some(Ok(())) => true,
        Some(Err(why)) => {
            return Err(refusal(s, format!("it is a dataclass whose __init__ is made at run time: {why}")));
        }
        None => false,
    };
    if !c.decorator_list.is_empty() && !dataclass {
        return Err(refusal(s, "it is decorated"));
    }
    if !c.keywords.is_empty() {
        return Err(refusal(s, "it has a metaclass or class keywords"));
    }
    if !c.type_params.is_empty() {
        return Err(refusal(s, "it has type parameters"));
    }
    let base = base_class(c, fixed)?;
    let bound_once = prog.scopes[0].symbols.get(&name).is_some_and(|sym| sym.bindings == 1);
    let rebound_elsewhere = prog
        .scopes
        .iter()
        .skip(1)
        .any(|sc| sc.symbols.get(&name).is_some_and(|sym| sym.declared_global && sym.assigned));
    if !bound_once || rebound_elsewhere {
        return Err(refusal(s, "its name is bound more than once"));
    }
    let mut methods = BTreeSet::new();
    let mut others = BTreeSet::new();
    let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
    let mut slots: Option<Vec<String>> = None;
    for item in &c.body {
        let bound: Vec<String> = match item {
            ast::Stmt::FunctionDef(f) => {
                if f.decorator_list.is_empty() && !IMPLICIT_CLASS_METHODS.contains(&f.name.as_str()) {
                    defs.push(f);
                    methods.insert(f.name.to_string());
                } else {
                    others.insert(f.name.to_string());
                }
                vec![f.name.to_string()]
            }
            ast::Stmt::AsyncFunctionDef(f) => vec![f.name.to_string()],
            ast::Stmt::Assign(a) if a.targets.len() == 1 && is_name(&a.targets[0], "__slots__") => {
                slots =
                    Some(slot_names(&a.value).ok_or_else(|| refusal(item, "its __slots__ is not a tuple of strs"))?);
                continue;
            }
            ast::Stmt::Assign(a) => {
                let mut names = Vec::new();
                for t in &a.targets {
                    let ast::Expr::Name(n) = t else {
                        return Err(refusal(t, "a class attribute target other than a name"));
                    };
                    names.push(n.id.to_string());
                }
                names
            }
            // A bare annotation binds nothing; nor, for native code, does a
            // dataclass field's default, which its instances always shadow.
            ast::Stmt::AnnAssign(a) if a.value.is_none() || dataclass && !is_hook(&a.target) => continue,
            ast::Stmt::AnnAssign(a) => match &*a.target {
                ast::Expr::Name(n) => vec![n.id.to_string()],
                t => return Err(refusal(t, "a class attribute target other than a name")),
            },
            ast::Stmt::Pass(_) => continue,
            ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => continue,
            other => return Err(refusal(other, "its body holds more than methods and class attributes")),
        };
        for n in bound {
            if HOOKS.contains(&n.as_str()) {
                return Err(refusal(item, format!("it defines {n}")));
            }
            if !matches!(item, ast::Stmt::FunctionDef(_)) || others.contains(&n) {
                others.insert(n.clone());
            }
        }
    }
    // A name bound twice in the body (a def and then `f = ...`, or two defs)
    // is no plain method.
    let mut seen = BTreeSet::new();
    for item in &c.body {
        if let ast::Stmt::FunctionDef(f) = item
            && !seen.insert(f.name.as_str())
        {
            methods.remove(f.name.as_str());
            others.insert(f.name.to_string());
        }
    }
    methods.retain(|m| !others.contains(m));
    if base.is_some() && slots.is_some() {
        return Err(refusal(s, "it declares __slots__ and has a base class"));
    }
    let own: BTreeSet<String> = methods.union(&others).cloned().collect();
    let mut definers: BTreeMap<String, String> = methods.iter().map(|m| (m.clone(), name.clone())).collect();
    let mut lineage = vec![name.clone()];
    if let Some(base) = base {
        // What the class does not bind itself, it inherits; but the name
        // of a private method is the base's (`_Base__name`), not its own.
        for (m, d) in &base.definers {
            if !own.contains(m) && !is_private(m) {
                methods.insert(m.clone());
                definers.insert(m.clone(), d.clone());
            }
        }
        others.extend(base.others.iter().filter(|o| !own.contains(*o)).cloned());
        lineage.extend(base.lineage.iter().cloned());
    }
    let (fields, init_fields) = fields(&defs, slots.as_deref(), base)?;
    if fields.len() > MAX_FIELDS {
        return Err(refusal(s, format!("it has {} fields (more than {MAX_FIELDS})", fields.len())));
    }
    if let Some(f) = fields.iter().find(|f| methods.contains(*f) || others.contains(*f)) {
        return Err(refusal(s, format!("the field '{f}' is also a class attribute")));
    }
    let slotted = slots.is_some() || base.is_some_and(|b| b.slotted);
    let init_subclass = own.contains("__init_subclass__") || base.is_some_and(|b| b.init_subclass);
    Ok(FixedClass {
        name,
        offset: span(s).0,
        fields,
        methods,
        others,
        lineage,
        definers,
        own,
        init_fields,
        supers: BTreeSet::new(),
        slotted,
        init_subclass,
    })
}

/// Whether Python mangles `name` in a class body (`__x`, not `__x__`).
pub fn is_private(name: &str) -> bool {
    name.starts_with("__") && !name.ends_with("__")
}

fn is_hook(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Name(n) if HOOKS.contains(&n.id.as_str()))
}

fn is_name(e: &ast::Expr, name: &str) -> bool {
    matches!(e, ast::Expr::Name(n) if n.id.as_str() == name)
}

/// The names of a `__slots__` tuple or list of str literals (or one str).
fn slot_names(e: &ast::Expr) -> Option<Vec<String>> {
    let items: &[ast::Expr] = match e {
        ast::Expr::Tuple(t) => &t.elts,
        ast::Expr::List(l) => &l.elts,
        ast::Expr::Constant(_) => std::slice::from_ref(e),
        _ => return None,
    };
    items.iter().map(crate::frontend::constant_text).collect()
}

/// The fields the methods store, and how many of them (the first ones)
/// `__init__` stores: those of the class's own `__init__` (with its base's
/// where it calls `super().__init__()`) or else of the base's; then the
/// base's other fields, the other methods' and the rest of `__slots__`. A
/// store into `__slots__`'s class of a name it lacks, or a deletion,
/// refuses the class.
fn fields(
    defs: &[&ast::StmtFunctionDef],
    slots: Option<&[String]>,
    base: Option<&FixedClass>,
) -> Result<(Vec<String>, usize), Refusal> {
    let base_fields = base.map(|b| b.fields.as_slice()).unwrap_or_default();
    let base_init = &base_fields[..base.map_or(0, |b| b.init_fields)];
    let mut fields: Vec<String> = Vec::new();
    match defs.iter().find(|f| f.name.as_str() == "__init__") {
        Some(init) => add_stores(init, base_init, slots, &mut fields)?,
        None => fields.extend(base_init.iter().cloned()),
    }
    let init_fields = fields.len();
    for f in base_fields {
        if !fields.contains(f) {
            fields.push(f.clone());
        }
    }
    for f in defs.iter().filter(|f| f.name.as_str() != "__init__") {
        add_stores(f, &[], slots, &mut fields)?;
    }
    for s in slots.unwrap_or_default() {
        if !fields.contains(s) {
            fields.push(s.clone());
        }
    }
    Ok((fields, init_fields))
}

/// Adds the attributes of its instance parameter that `f` stores.
fn add_stores(
    f: &ast::StmtFunctionDef,
    base_init: &[String],
    slots: Option<&[String]>,
    fields: &mut Vec<String>,
) -> Result<(), Refusal> {
    let Some(me) = f.args.posonlyargs.iter().chain(&f.args.args).next() else { return Ok(()) };
    let mut stores = Vec::new();
    stores_in(&f.body, me.def.arg.as_str(), base_init, &mut stores)?;
    for (name, at) in stores {
        if let Some(slots) = slots
            && !slots.contains(&name)
        {
            return Err(Refusal { offset: at, reason: format!("it stores '{name}', which is not in __slots__") });
        }
        if !fields.contains(&name) {
            fields.push(name);
        }
    }
    Ok(())
}

/// Whether `s` is the statement `super().__init__(...)`.
fn is_super_init(s: &ast::Stmt) -> bool {
    let ast::Stmt::Expr(e) = s else { return false };
    let ast::Expr::Call(call) = &*e.value else { return false };
    let ast::Expr::Attribute(a) = &*call.func else { return false };
    a.attr.as_str() == "__init__" && is_super(&a.value)
}

/// Whether `e` is `super()`.
pub fn is_super(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Call(c) if c.args.is_empty() && c.keywords.is_empty() && is_name(&c.func, "super"))
}

/// The attributes of `me` stored by `body`, in source order; a statement
/// `super().__init__(...)` stores `base_init`.
fn stores_in(
    body: &[ast::Stmt],
    me: &str,
    base_init: &[String],
    out: &mut Vec<(String, usize)>,
) -> Result<(), Refusal> {
    for s in body {
        if is_super_init(s) {
            out.extend(base_init.iter().map(|f| (f.clone(), span(s).0)));
            continue;
        }
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().try_for_each(|t| target(t, me, out))?,
            ast::Stmt::AugAssign(a) => target(&a.target, me, out)?,
            ast::Stmt::AnnAssign(a) => target(&a.target, me, out)?,
            ast::Stmt::For(f) => {
                target(&f.target, me, out)?;
                stores_in(&f.body, me, base_init, out)?;
                stores_in(&f.orelse, me, base_init, out)?;
            }
            ast::Stmt::While(w) => {
                stores_in(&w.body, me, base_init, out)?;
                stores_in(&w.orelse, me, base_init, out)?;
            }
            ast::Stmt::If(i) => {
                stores_in(&i.body, me, base_init, out)?;
                stores_in(&i.orelse, me, base_init, out)?;
            }
            ast::Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        target(v, me, out)?;
                    }
                }
                stores_in(&w.body, me, base_init, out)?;
            }
            ast::Stmt::Try(t) => {
                stores_in(&t.body, me, base_init, out)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    stores_in(&h.body, me, base_init, out)?;
                }
                stores_in(&t.orelse, me, base_init, out)?;
                stores_in(&t.finalbody, me, base_init, out)?;
            }
            ast::Stmt::Delete(d) => {
                if let Some(t) = d.targets.iter().find(|t| is_self_attr(t, me).is_some()) {
                    return Err(refusal(t, "it deletes an attribute of the instance"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn is_self_attr<'e>(e: &'e ast::Expr, me: &str) -> Option<&'e str> {
    match e {
        ast::Expr::Attribute(a) if is_name(&a.value, me) => Some(a.attr.as_str()),
        _ => None,
    }
}

fn target(t: &ast::Expr, me: &str, out: &mut Vec<(String, usize)>) -> Result<(), Refusal> {
    match t {
        ast::Expr::Tuple(t) => t.elts.iter().try_for_each(|e| target(e, me, out)),
        ast::Expr::List(l) => l.elts.iter().try_for_each(|e| target(e, me, out)),
        ast::Expr::Starred(s) => target(&s.value, me, out),
        e => {
            if let Some(name) = is_self_attr(e, me) {
                if is_private(name) {
                    return Err(refusal(e, format!("it stores the private attribute '{name}'")));
                }
                out.push((name.to_string(), span(e).0));
            }
            Ok(())
        }
    }
}

//! Fixed-layout classes: module-level classes whose instances native code
//! may hold, reading and writing their attributes by index and calling
//! their methods directly (see `rt::fixed` for the guards that keep this
//! sound while dynamic code can still change anything).
//!
//! A class qualifies when nothing in its own statement can change how an
//! attribute of an instance is found or stored:
//! - it is a plain `class C:` (no bases but `object`, no metaclass or other
//!   keywords, no decorators, no type parameters), bound once;
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
}

impl FixedClass {
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }
}

/// Hooks that change how attributes are found or stored, how an instance
/// is made, or when it is finalized.
const HOOKS: &[&str] = &["__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__new__", "__del__"];

/// Past CPython's shared-keys limit an instance gets a dict of its own.
const MAX_FIELDS: usize = 30;

/// Every module-level class, by name: fixed-layout or why not.
pub fn classes(prog: &Program, body: &[ast::Stmt]) -> BTreeMap<String, Result<FixedClass, Refusal>> {
    let mut out = BTreeMap::new();
    for s in body {
        let ast::Stmt::ClassDef(c) = s else { continue };
        out.insert(c.name.to_string(), class(prog, s, c));
    }
    out
}

fn refusal<N: ast::Ranged>(node: &N, reason: impl Into<String>) -> Refusal {
    Refusal { offset: span(node).0, reason: reason.into() }
}

fn class(prog: &Program, s: &ast::Stmt, c: &ast::StmtClassDef) -> Result<FixedClass, Refusal> {
    let name = c.name.to_string();
    if !c.decorator_list.is_empty() {
        return Err(refusal(s, "it is decorated"));
    }
    if !c.keywords.is_empty() {
        return Err(refusal(s, "it has a metaclass or class keywords"));
    }
    if !c.type_params.is_empty() {
        return Err(refusal(s, "it has type parameters"));
    }
    if let Some(b) = c.bases.iter().find(|b| !matches!(b, ast::Expr::Name(n) if n.id.as_str() == "object")) {
        return Err(refusal(b, "it has a base class"));
    }
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
                if f.decorator_list.is_empty() {
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
    let fields = fields(&defs, slots.as_deref())?;
    if fields.len() > MAX_FIELDS {
        return Err(refusal(s, format!("it has {} fields (more than {MAX_FIELDS})", fields.len())));
    }
    if let Some(f) = fields.iter().find(|f| methods.contains(*f) || others.contains(*f)) {
        return Err(refusal(s, format!("the field '{f}' is also a class attribute")));
    }
    Ok(FixedClass { name, offset: span(s).0, fields, methods, others })
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

/// The fields the methods store (`__init__`'s first), then the rest of
/// `__slots__`. A store into `__slots__`'s class of a name it lacks, or a
/// deletion, refuses the class.
fn fields(defs: &[&ast::StmtFunctionDef], slots: Option<&[String]>) -> Result<Vec<String>, Refusal> {
    let mut order: Vec<&&ast::StmtFunctionDef> = defs.iter().filter(|f| f.name.as_str() == "__init__").collect();
    order.extend(defs.iter().filter(|f| f.name.as_str() != "__init__"));
    let mut fields: Vec<String> = Vec::new();
    for f in order {
        let Some(me) = f.args.posonlyargs.iter().chain(&f.args.args).next() else { continue };
        let me = me.def.arg.as_str();
        let mut stores = Vec::new();
        stores_in(&f.body, me, &mut stores)?;
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
    }
    for s in slots.unwrap_or_default() {
        if !fields.contains(s) {
            fields.push(s.clone());
        }
    }
    Ok(fields)
}

/// The attributes of `me` stored by `body`, in source order.
fn stores_in(body: &[ast::Stmt], me: &str, out: &mut Vec<(String, usize)>) -> Result<(), Refusal> {
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().try_for_each(|t| target(t, me, out))?,
            ast::Stmt::AugAssign(a) => target(&a.target, me, out)?,
            ast::Stmt::AnnAssign(a) => target(&a.target, me, out)?,
            ast::Stmt::For(f) => {
                target(&f.target, me, out)?;
                stores_in(&f.body, me, out)?;
                stores_in(&f.orelse, me, out)?;
            }
            ast::Stmt::While(w) => {
                stores_in(&w.body, me, out)?;
                stores_in(&w.orelse, me, out)?;
            }
            ast::Stmt::If(i) => {
                stores_in(&i.body, me, out)?;
                stores_in(&i.orelse, me, out)?;
            }
            ast::Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        target(v, me, out)?;
                    }
                }
                stores_in(&w.body, me, out)?;
            }
            ast::Stmt::Try(t) => {
                stores_in(&t.body, me, out)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    stores_in(&h.body, me, out)?;
                }
                stores_in(&t.orelse, me, out)?;
                stores_in(&t.finalbody, me, out)?;
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
                if name.starts_with("__") && !name.ends_with("__") {
                    return Err(refusal(e, format!("it stores the private attribute '{name}'")));
                }
                out.push((name.to_string(), span(e).0));
            }
            Ok(())
        }
    }
}

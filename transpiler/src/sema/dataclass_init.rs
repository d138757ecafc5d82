//! The `__init__` that `@dataclass` would generate, written as a def in the
//! class body before the rest of analysis sees it.
//!
//! Why: a generated `__init__` is a closure of the runtime, invisible to
//! inference, so a dataclass could never be a fixed-layout class and its
//! fields never native. The decorator keeps an `__init__` the class defines
//! (CPython's does too), so writing the one it would generate changes
//! nothing the program can see, only what inference can prove.
//!
//! Only the plain case is written out, where the def is exactly what
//! CPython generates: a bare `@dataclass` imported from `dataclasses` and
//! bound once, on a class with no keywords or type parameters and no base
//! but one such dataclass of an earlier statement (whose fields then come
//! first, a redeclared one keeping its place);
//! every field a name annotated once (no `ClassVar`, `InitVar` or
//! `KW_ONLY`), with no default or a constant one, defaults after
//! non-defaults; no `__init__` of its own, and no other binding of a field
//! or of `__post_init__` but its def. Anything else is left to the runtime
//! decorator, as before.

use std::collections::{BTreeMap, BTreeSet};

use crate::frontend::{ast, span};
use crate::sema::Program;
use ast::Ranged;

/// Writes the `__init__` of every plain dataclass of `body` into its class.
/// Returns, by the offset of its statement, each class that the module's
/// `dataclass` decorates: written out, or why not.
pub fn write_inits(prog: &Program, body: &mut [ast::Stmt]) -> Inits {
    let Some(decorator) = bound_once_from(prog, body, &["dataclasses"], |n| n == "dataclass").pop() else {
        return Inits::new();
    };
    let known = known_type_names(prog, body);
    let mut inits = Inits::new();
    // The written dataclasses so far, by name: a dataclass subclass of one
    // takes its fields first.
    let mut written: BTreeMap<String, Written> = BTreeMap::new();
    for s in body.iter_mut() {
        let offset = span(s).0;
        let ast::Stmt::ClassDef(c) = s else { continue };
        if !c.decorator_list.iter().any(|d| decorated_by(d, &decorator)) {
            continue;
        }
        let bases = |name: &str| written.get(name).filter(|_| prog.bound_once(name));
        let init = plain_init(c, &known, bases).map(|(init, class)| {
            c.body.push(init);
            written.insert(c.name.to_string(), class);
        });
        inits.insert(offset, init);
    }
    inits
}

/// A dataclass whose `__init__` was written: all its fields, its bases'
/// first, and whether it or a base defines `__post_init__`.
struct Written {
    fields: Vec<Field>,
    post_init: bool,
}

/// Dataclasses by the offset of their statement: whether their `__init__`
/// was written out, or why not.
pub type Inits = std::collections::BTreeMap<usize, Result<(), String>>;

/// Whether the decorator `d` is `name` or a call of it.
fn decorated_by(d: &ast::Expr, name: &str) -> bool {
    let d = match d {
        ast::Expr::Call(c) => &*c.func,
        d => d,
    };
    matches!(d, ast::Expr::Name(n) if n.id.as_str() == name)
}

/// The names the module binds once, by `from M import name [as other]` with
/// `M` one of `modules` and `wanted(name)`.
fn bound_once_from(prog: &Program, body: &[ast::Stmt], modules: &[&str], wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for s in body {
        let ast::Stmt::ImportFrom(i) = s else { continue };
        let absolute = i.level.is_none_or(|l| l.to_u32() == 0);
        if !absolute || !i.module.as_ref().is_some_and(|m| modules.contains(&m.as_str())) {
            continue;
        }
        for a in i.names.iter().filter(|a| wanted(a.name.as_str())) {
            let local = a.asname.as_ref().unwrap_or(&a.name).to_string();
            if prog.bound_once(&local) {
                out.push(local);
            }
        }
    }
    out
}

/// Builtin types an annotation may name, while the module leaves them be.
const BUILTIN_TYPES: &[&str] =
    &["int", "float", "complex", "str", "bytes", "bool", "list", "dict", "set", "frozenset", "tuple", "object", "type"];

/// Names that mark a class attribute as no plain field.
pub const SPECIAL: &[&str] = &["ClassVar", "InitVar", "KW_ONLY"];

/// The names a plain field's annotation may use, each certain not to be
/// `ClassVar`, `InitVar` or `KW_ONLY`: builtin types, the module's classes,
/// what it imports by another name from `typing` or `collections.abc`, and
/// `typing` itself.
fn known_type_names(prog: &Program, body: &[ast::Stmt]) -> BTreeSet<String> {
    let unbound = |n: &&&str| !prog.scopes.iter().any(|sc| sc.symbols.get(**n).is_some_and(|sym| sym.assigned));
    let mut known: BTreeSet<String> = BUILTIN_TYPES.iter().filter(unbound).map(|n| n.to_string()).collect();
    for s in body {
        if let ast::Stmt::ClassDef(c) = s
            && prog.bound_once(c.name.as_str())
        {
            known.insert(c.name.to_string());
        }
    }
    known.extend(bound_once_from(prog, body, &["typing", "collections.abc"], |n| !SPECIAL.contains(&n)));
    let imports_typing = body.iter().any(|s| {
        matches!(s, ast::Stmt::Import(i) if i.names.iter().any(|a| a.asname.is_none() && a.name.as_str() == "typing"))
    });
    if imports_typing && prog.bound_once("typing") {
        known.insert("typing".to_string());
    }
    known
}

/// One field: its name, annotation and default.
#[derive(Clone)]
struct Field {
    name: String,
    annotation: ast::Expr,
    default: Option<ast::Expr>,
}

/// The def of the `__init__` that `@dataclass` generates for `c`, if `c` is
/// a plain dataclass.
fn plain_init<'w>(
    c: &ast::StmtClassDef,
    known: &BTreeSet<String>,
    written: impl Fn(&str) -> Option<&'w Written>,
) -> Result<(ast::Stmt, Written), String> {
    let [d] = c.decorator_list.as_slice() else { return Err("it has other decorators".into()) };
    if let ast::Expr::Call(call) = d
        && let Some(option) = init_changing_option(call)
    {
        return Err(format!("its option {option} changes __init__"));
    }
    if !c.keywords.is_empty() || !c.type_params.is_empty() {
        return Err("it has keywords or type parameters".into());
    }
    // CPython collects the bases' fields first; one redeclared keeps its place.
    let base = match c.bases.as_slice() {
        [] => None,
        [ast::Expr::Name(b)] => {
            Some(written(b.id.as_str()).ok_or("its base class is not a dataclass whose __init__ is written out")?)
        }
        _ => return Err("it has more than one base class, or one that is not a name".into()),
    };
    let mut inherited: Vec<Field> = base.map(|b| b.fields.clone()).unwrap_or_default();
    let mut fields: Vec<Field> = Vec::new();
    let mut others: Vec<&str> = Vec::new();
    let mut post_init = base.is_some_and(|b| b.post_init);
    for item in &c.body {
        match item {
            ast::Stmt::AnnAssign(a) => {
                let ast::Expr::Name(n) = &*a.target else { return Err("it annotates more than names".into()) };
                if !a.simple || !plain_annotation(&a.annotation, known) {
                    return Err(format!("the annotation of '{}' is not plainly a type", n.id));
                }
                if !a.value.as_deref().is_none_or(is_constant) {
                    return Err(format!("the default of '{}' is not a constant", n.id));
                }
                let field = Field {
                    name: n.id.to_string(),
                    annotation: (*a.annotation).clone(),
                    default: a.value.as_deref().cloned(),
                };
                match inherited.iter_mut().find(|f| f.name == field.name) {
                    Some(f) => *f = field.clone(),
                    None => fields.push(field),
                }
            }
            ast::Stmt::FunctionDef(f) => {
                post_init |= f.name.as_str() == "__post_init__";
                others.push(f.name.as_str());
            }
            ast::Stmt::AsyncFunctionDef(f) => others.push(f.name.as_str()),
            ast::Stmt::Assign(a) => {
                for t in &a.targets {
                    let ast::Expr::Name(n) = t else { return Err("it assigns more than names".into()) };
                    others.push(n.id.as_str());
                }
            }
            ast::Stmt::Pass(_) => {}
            ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => {}
            _ => return Err("its body holds more than fields, defs and assignments".into()),
        }
    }
    let own: Vec<&str> = c
        .body
        .iter()
        .filter_map(|item| match item {
            ast::Stmt::AnnAssign(a) => match &*a.target {
                ast::Expr::Name(n) => Some(n.id.as_str()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let inherited_names: Vec<&str> =
        base.map(|b| b.fields.iter().map(|f| f.name.as_str()).collect()).unwrap_or_default();
    let mut names = BTreeSet::new();
    let bound_once = own.iter().chain(others.iter()).all(|n| names.insert(*n))
        && !others.iter().any(|o| inherited_names.contains(o));
    inherited.extend(fields);
    let fields = inherited;
    // A private name is mangled; CPython names its instance `__dataclass_self__`
    // when a field is `self`.
    let odd_field = fields.iter().any(|f| f.name == "self" || crate::sema::fixed::is_private(&f.name));
    let defaults_last = fields.iter().skip_while(|f| f.default.is_none()).all(|f| f.default.is_some());
    if !bound_once || names.contains("__init__") {
        return Err("it defines __init__, or binds a field twice".into());
    }
    if odd_field || !defaults_last {
        return Err("a field is private or 'self', or a field without a default follows one with".into());
    }
    let init = init_def(d.range(), &fields, post_init);
    Ok((init, Written { fields, post_init }))
}

/// The first option of `@dataclass(...)` that may change the `__init__`
/// it generates (or make it generate none), if any: all but `repr`, `eq`,
/// `order`, `unsafe_hash` and `match_args`, and the default values of
/// `init`, `frozen`, `kw_only` and `slots`.
fn init_changing_option(call: &ast::ExprCall) -> Option<String> {
    if !call.args.is_empty() {
        return Some("given by position".into());
    }
    call.keywords.iter().find_map(|k| {
        let name = k.arg.as_ref().map_or("**", |a| a.as_str());
        let is = |b: bool| matches!(&k.value, ast::Expr::Constant(c) if c.value == ast::Constant::Bool(b));
        let harmless = match name {
            "repr" | "eq" | "order" | "unsafe_hash" | "match_args" => true,
            "init" => is(true),
            "frozen" | "kw_only" | "slots" => is(false),
            _ => false,
        };
        (!harmless).then(|| name.to_string())
    })
}

/// Whether a field's annotation makes it a plain field: it names only
/// `known` names and their attributes, none of them `ClassVar`, `InitVar`
/// or `KW_ONLY`, and holds no string (which `dataclass` reads as text).
fn plain_annotation(e: &ast::Expr, known: &BTreeSet<String>) -> bool {
    match e {
        ast::Expr::Name(n) => known.contains(n.id.as_str()),
        ast::Expr::Attribute(a) => !SPECIAL.contains(&a.attr.as_str()) && plain_annotation(&a.value, known),
        ast::Expr::Subscript(s) => plain_annotation(&s.value, known) && plain_annotation(&s.slice, known),
        ast::Expr::Tuple(t) => t.elts.iter().all(|x| plain_annotation(x, known)),
        ast::Expr::List(l) => l.elts.iter().all(|x| plain_annotation(x, known)),
        ast::Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::BitOr)
                && plain_annotation(&b.left, known)
                && plain_annotation(&b.right, known)
        }
        ast::Expr::Constant(k) => matches!(k.value, ast::Constant::None | ast::Constant::Ellipsis),
        _ => false,
    }
}

/// A default that the generated `__init__` may take as written: a constant
/// (or a signed number), which evaluates to the same immutable value there
/// as in the class body.
fn is_constant(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => {
            matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd)
                && matches!(&*u.operand, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::Int(_) | ast::Constant::Float(_)))
        }
        _ => false,
    }
}

/// `def __init__(self, a: A, b: B = 0): self.a = a; self.b = b` (then
/// `self.__post_init__()` if the class defines it). Every node has the
/// decorator's range: that is the line CPython's traceback would name.
fn init_def(range: ast::text_size::TextRange, fields: &[Field], post_init: bool) -> ast::Stmt {
    let name = |id: &str, ctx: ast::ExprContext| ast::Expr::Name(ast::ExprName { range, id: id.into(), ctx });
    let self_attr = |attr: &str, ctx: ast::ExprContext| {
        ast::Expr::Attribute(ast::ExprAttribute {
            range,
            value: Box::new(name("self", ast::ExprContext::Load)),
            attr: attr.into(),
            ctx,
        })
    };
    let param = |id: &str, annotation: Option<&ast::Expr>, default: Option<&ast::Expr>| ast::ArgWithDefault {
        range: Default::default(),
        def: ast::Arg {
            range,
            arg: id.into(),
            annotation: annotation.map(|a| Box::new(a.clone())),
            type_comment: None,
        },
        default: default.map(|d| Box::new(d.clone())),
    };
    let mut args = vec![param("self", None, None)];
    args.extend(fields.iter().map(|f| param(&f.name, Some(&f.annotation), f.default.as_ref())));
    let mut body: Vec<ast::Stmt> = fields
        .iter()
        .map(|f| {
            ast::Stmt::Assign(ast::StmtAssign {
                range,
                targets: vec![self_attr(&f.name, ast::ExprContext::Store)],
                value: Box::new(name(&f.name, ast::ExprContext::Load)),
                type_comment: None,
            })
        })
        .collect();
    if post_init {
        let call = ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(self_attr("__post_init__", ast::ExprContext::Load)),
            args: Vec::new(),
            keywords: Vec::new(),
        });
        body.push(ast::Stmt::Expr(ast::StmtExpr { range, value: Box::new(call) }));
    }
    if body.is_empty() {
        body.push(ast::Stmt::Pass(ast::StmtPass { range }));
    }
    ast::Stmt::FunctionDef(ast::StmtFunctionDef {
        range,
        name: "__init__".into(),
        args: Box::new(ast::Arguments {
            range: Default::default(),
            posonlyargs: Vec::new(),
            args,
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: None,
        }),
        body,
        decorator_list: Vec::new(),
        returns: None,
        type_comment: None,
        type_params: Vec::new(),
    })
}

//! A program is its script and the modules of its own that it imports:
//! files beside the script (`helper.py`) and packages there
//! (`pkg/__init__.py`, `pkg/shapes.py`). This finds them as CPython's
//! import would with the script's directory first on `sys.path`, and
//! transpiles each into its own file of the crate: the script into
//! `src/main.rs`, a module into `src/modules/NAME.rs`.
//!
//! Modules CPython has loaded before the script starts (`os`, `sys`,
//! `time`...) are never looked for beside it. A file that would shadow a
//! standard-library module the runtime provides is refused: the analysis
//! knows those modules by name.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::frontend::{self, ast};
use crate::lower::ModuleInfo;

/// Modules in `sys.modules` when CPython 3.12 starts a script: an import
/// of one never searches the script's directory.
const LOADED_AT_START: &[&str] = &[
    "abc",
    "builtins",
    "codecs",
    "encodings",
    "genericpath",
    "io",
    "marshal",
    "os",
    "posix",
    "posixpath",
    "site",
    "stat",
    "sys",
    "time",
    "zipimport",
];

/// Where the Rust files of the program's modules go, under `src/`.
const MODULES_DIR: &str = "modules";

/// The generated crate's sources: paths under `src/` and their text.
pub struct Generated {
    pub files: Vec<(String, String)>,
    /// The modules' files and sources, after the script's (a build
    /// depends on all of them).
    pub modules: Vec<(PathBuf, String)>,
}

/// Why a program was not transpiled: diagnostics against one of its files.
pub struct Failure {
    pub file: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A module found beside the script.
struct Found {
    info: ModuleInfo,
    path: PathBuf,
    source: String,
    parsed: Option<frontend::Module>,
}

/// The modules of the program's own that the script imports, directly or
/// not (by dotted name), each parsed, and the script's parsed tree.
fn discover(
    script: &Path,
    file_name: &str,
    source: &str,
) -> Result<(frontend::Module, BTreeMap<String, Found>), Failure> {
    let dir = script.parent().map(Path::to_path_buf).unwrap_or_default();
    let shown_dir = Path::new(file_name).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut found: BTreeMap<String, Found> = BTreeMap::new();
    let mut queue: VecDeque<Option<String>> = VecDeque::from([None]);
    let mut script = None;
    // Parse each module once, keeping the tree for lowering; `None` is the script.
    while let Some(next) = queue.pop_front() {
        let (info, text) = match &next {
            None => (ModuleInfo::main(file_name), source.to_string()),
            Some(name) => (found[name].info.clone(), found[name].source.clone()),
        };
        let module = frontend::parse_module(&text, &info.file).map_err(|d| fail(&info.file, &text, vec![d]))?;
        let imports = imported_names(&module.body, info.package_name());
        match &next {
            None => script = Some(module),
            Some(name) => found.get_mut(name).expect("queued").parsed = Some(module),
        }
        for (offset, name) in imports {
            if found.contains_key(&name) {
                continue;
            }
            let Some((path, package)) = locate(&dir, &name) else { continue };
            let top = name.split('.').next().unwrap_or_default();
            if crate::lower::builtins::MODULES.contains(&top) {
                let why = format!("module '{name}' of the program's, which shadows the standard library's");
                return Err(refusal((&info.file, &text, offset), &why));
            }
            let file = shown_dir.join(path.strip_prefix(&dir).unwrap_or(&path)).display().to_string();
            let Ok(module_text) = std::fs::read_to_string(&path) else {
                let why = format!("module '{name}' in {file}, which cannot be read as UTF-8");
                return Err(refusal((&info.file, &text, offset), &why));
            };
            let found_info = ModuleInfo {
                name: name.clone(),
                file,
                package,
                rust_path: vec![MODULES_DIR.to_string(), rust_module_name(&name)],
                user_modules: BTreeMap::new(),
                star_imports: BTreeMap::new(),
            };
            let path = path.canonicalize().unwrap_or(path);
            found.insert(name.clone(), Found { info: found_info, path, source: module_text, parsed: None });
            queue.push_back(Some(name));
        }
    }
    Ok((script.expect("the script is parsed first"), found))
}

/// The files of the program's modules, after the script's, with their
/// sources, for `--explain-types`.
pub fn module_sources(script: &Path, file_name: &str, source: &str) -> Result<Vec<(String, String)>, Failure> {
    let (_, found) = discover(script, file_name, source)?;
    let mut files = vec![(file_name.to_string(), source.to_string())];
    files.extend(found.into_values().map(|f| (f.info.file, f.source)));
    Ok(files)
}

/// Transpiles the script `source` (read from `script`, shown as
/// `file_name`) and every module of its own that it imports.
pub fn transpile(script: &Path, file_name: &str, source: &str) -> Result<Generated, Failure> {
    let (script, mut found) = discover(script, file_name, source)?;
    let user_modules: BTreeMap<String, Vec<String>> =
        found.iter().map(|(name, f)| (name.clone(), f.info.rust_path.clone())).collect();
    let mut main = ModuleInfo::main(file_name);
    main.user_modules = user_modules.clone();
    let mut script = script;
    let mut stars = Stars { known: user_modules.keys().cloned().collect(), ..Stars::default() };
    stars.expand(&mut script, &mut main, source, &mut found)?;
    for name in stars.known.clone() {
        stars.expand_module(&name, &mut found, (file_name, source, 0))?;
    }
    let rust = crate::transpile_parsed(source, script, &main).map_err(|d| fail(file_name, source, d))?;
    let mut generated = Generated { files: vec![("main.rs".into(), rust)], modules: Vec::new() };
    for f in found.into_values() {
        let mut info = f.info;
        info.user_modules.clone_from(&user_modules);
        let parsed = f.parsed.expect("every module found is parsed");
        let rust = crate::transpile_parsed(&f.source, parsed, &info).map_err(|d| fail(&info.file, &f.source, d))?;
        generated.files.push((format!("{MODULES_DIR}/{}.rs", info.rust_path[1]), rust));
        generated.modules.push((f.path, f.source));
    }
    Ok(generated)
}

/// `from m import *` of the program's module `m`, written out: the names
/// it binds are known before the importer is analysed, so each becomes a
/// plain global of the importer.
#[derive(Default)]
struct Stars {
    known: BTreeSet<String>,
    exports: BTreeMap<String, Exports>,
    /// Modules whose star imports are written out.
    expanded: BTreeSet<String>,
    /// Modules whose star imports are being written out (a cycle of them
    /// cannot be).
    visiting: Vec<String>,
}

/// What `from m import *` binds: the names of a literal `__all__` (each
/// must exist), or every name m's code binds at module level and each of
/// its package's modules, less those starting with `_` (the ones unbound
/// when the import runs are skipped, as CPython's dict lacks them).
#[derive(Clone)]
struct Exports {
    names: Vec<String>,
    all: bool,
}

impl Stars {
    /// Rewrites the star imports of `module` (of `info`, whose text is
    /// `source`) and records them in `info.star_imports`.
    fn expand(
        &mut self,
        module: &mut frontend::Module,
        info: &mut ModuleInfo,
        source: &str,
        found: &mut BTreeMap<String, Found>,
    ) -> Result<(), Failure> {
        let mut sites = Vec::new();
        each_module_level(&module.body, &mut |s| {
            if let ast::Stmt::ImportFrom(i) = s
                && i.names.len() == 1
                && i.names[0].name.as_str() == "*"
                && let Some(target) = absolute_module(
                    info.package_name(),
                    i.level.map_or(0, |l| l.to_u32()),
                    i.module.as_ref().map_or("", |m| m.as_str()),
                )
                && self.known.contains(&target)
            {
                sites.push((frontend::span(s).0, target));
            }
        });
        for (offset, target) in sites {
            let exports = self.exports_of(&target, found, (&info.file, source, offset))?;
            info.star_imports.insert(offset, exports.all);
            each_module_level_mut(&mut module.body, &mut |s| {
                if let ast::Stmt::ImportFrom(i) = s
                    && frontend::span(&*i).0 == offset
                {
                    let range = i.names[0].range;
                    i.names = exports
                        .names
                        .iter()
                        .map(|n| ast::Alias { range, name: ast::Identifier::new(n.as_str()), asname: None })
                        .collect();
                }
            });
        }
        Ok(())
    }

    /// The exports of module `name`, its own star imports written out
    /// first; `site` is the import asking (file, source, offset), where a
    /// refusal is reported.
    fn exports_of(
        &mut self,
        name: &str,
        found: &mut BTreeMap<String, Found>,
        site: (&str, &str, usize),
    ) -> Result<Exports, Failure> {
        if let Some(e) = self.exports.get(name) {
            return Ok(e.clone());
        }
        self.expand_module(name, found, site)?;
        let submodules = self.known.iter().filter_map(|m| m.strip_prefix(name)?.strip_prefix('.'));
        let submodules: Vec<String> = submodules.filter(|m| !m.contains('.')).map(String::from).collect();
        let parsed = found[name].parsed.as_ref().expect("every module found is parsed");
        let exports = module_exports(parsed, submodules).map_err(|why| refusal(site, &why))?;
        self.exports.insert(name.to_string(), exports.clone());
        Ok(exports)
    }

    /// Writes out the star imports of the module `name` (once).
    fn expand_module(
        &mut self,
        name: &str,
        found: &mut BTreeMap<String, Found>,
        site: (&str, &str, usize),
    ) -> Result<(), Failure> {
        if self.expanded.contains(name) {
            return Ok(());
        }
        if self.visiting.iter().any(|v| v == name) {
            return Err(refusal(site, &format!("from {name} import * in a cycle of such imports")));
        }
        let Some(mut f) = found.remove(name) else { return Err(refusal(site, &format!("module '{name}'"))) };
        self.visiting.push(name.to_string());
        let mut parsed = f.parsed.take().expect("every module found is parsed");
        let expanded = self.expand(&mut parsed, &mut f.info, &f.source.clone(), found);
        self.visiting.pop();
        f.parsed = Some(parsed);
        found.insert(name.to_string(), f);
        self.expanded.insert(name.to_string());
        expanded
    }
}

/// A refusal reported at `site` (file, source, offset).
fn refusal(site: (&str, &str, usize), why: &str) -> Failure {
    fail(site.0, site.1, vec![Diagnostic::unsupported(site.2, site.2, why)])
}

fn fail(file: &str, source: &str, diagnostics: Vec<Diagnostic>) -> Failure {
    Failure { file: file.into(), source: source.into(), diagnostics }
}

/// See [`Exports`].
fn module_exports(module: &frontend::Module, submodules: Vec<String>) -> Result<Exports, String> {
    let mentions = module.body.iter().filter(|s| {
        let mut names = BTreeSet::new();
        frontend::names_in_stmt(s, &mut names);
        names.contains("__all__")
    });
    match mentions.collect::<Vec<_>>().as_slice() {
        [] => {}
        [ast::Stmt::Assign(a)] if matches!(a.targets.as_slice(), [ast::Expr::Name(n)] if n.id.as_str() == "__all__") => {
            let items = match &*a.value {
                ast::Expr::List(l) => &l.elts,
                ast::Expr::Tuple(t) => &t.elts,
                _ => return Err("from module import * of a module whose __all__ is not a list of strs".into()),
            };
            let names: Option<Vec<String>> = items.iter().map(str_literal).collect();
            let names = names.ok_or("from module import * of a module whose __all__ is not a list of strs")?;
            return Ok(Exports { names, all: true });
        }
        _ => return Err("from module import * of a module that changes its __all__".into()),
    }
    let program = crate::sema::scope::analyze(&module.body).map_err(|d| d.message)?;
    let mut names: BTreeSet<String> = submodules.into_iter().collect();
    for scope in &program.scopes {
        for (n, sym) in &scope.symbols {
            if sym.assigned && (std::ptr::eq(scope, &program.scopes[0]) || sym.declared_global) {
                names.insert(n.clone());
            }
        }
    }
    Ok(Exports { names: names.into_iter().filter(|n| !n.starts_with('_')).collect(), all: false })
}

fn str_literal(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => Some(s.clone()),
        _ => None,
    }
}

/// Calls `visit` on every statement that runs at module level: the
/// module's own and those nested in its compound statements, not those
/// in defs and classes (a star import is only allowed at module level).
fn each_module_level<'a>(body: &'a [ast::Stmt], visit: &mut impl FnMut(&'a ast::Stmt)) {
    for s in body {
        visit(s);
        for block in frontend::child_blocks(s) {
            each_module_level(block, visit);
        }
    }
}

/// [`each_module_level`], for rewriting.
fn each_module_level_mut(body: &mut [ast::Stmt], visit: &mut impl FnMut(&mut ast::Stmt)) {
    use ast::Stmt as S;
    for s in body.iter_mut() {
        visit(s);
        let blocks: Vec<&mut Vec<ast::Stmt>> = match s {
            S::If(i) => vec![&mut i.body, &mut i.orelse],
            S::For(f) => vec![&mut f.body, &mut f.orelse],
            S::AsyncFor(f) => vec![&mut f.body, &mut f.orelse],
            S::While(w) => vec![&mut w.body, &mut w.orelse],
            S::With(w) => vec![&mut w.body],
            S::AsyncWith(w) => vec![&mut w.body],
            S::Try(t) => try_blocks_mut(&mut t.body, &mut t.handlers, &mut t.orelse, &mut t.finalbody),
            S::TryStar(t) => try_blocks_mut(&mut t.body, &mut t.handlers, &mut t.orelse, &mut t.finalbody),
            S::Match(m) => m.cases.iter_mut().map(|c| &mut c.body).collect(),
            _ => Vec::new(),
        };
        for block in blocks {
            each_module_level_mut(block, visit);
        }
    }
}

fn try_blocks_mut<'a>(
    body: &'a mut Vec<ast::Stmt>,
    handlers: &'a mut [ast::ExceptHandler],
    orelse: &'a mut Vec<ast::Stmt>,
    finalbody: &'a mut Vec<ast::Stmt>,
) -> Vec<&'a mut Vec<ast::Stmt>> {
    let mut blocks = vec![body];
    blocks.extend(handlers.iter_mut().map(|h| {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        &mut h.body
    }));
    blocks.extend([orelse, finalbody]);
    blocks
}

/// The absolute name `from .name import x` (`level` dots) means in a
/// module of `package`; `None` past the top package or outside one.
pub fn absolute_module(package: Option<&str>, level: u32, name: &str) -> Option<String> {
    if level == 0 {
        return Some(name.to_string());
    }
    let mut base: Vec<&str> = package.filter(|p| !p.is_empty())?.split('.').collect();
    for _ in 1..level {
        base.pop()?;
    }
    if base.is_empty() {
        return None;
    }
    if !name.is_empty() {
        base.push(name);
    }
    Some(base.join("."))
}

/// Every module an import statement anywhere in `body` may load, with
/// the statement's offset: each prefix of `import a.b.c`, and for `from m
/// import x` both `m` (with its prefixes) and `m.x`, which is a module
/// only if a file holds it.
fn imported_names(body: &[ast::Stmt], package: Option<&str>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut add = |offset: usize, dotted: &str| {
        let mut prefix = String::new();
        for part in dotted.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            if seen.insert(prefix.clone()) {
                out.push((offset, prefix.clone()));
            }
        }
    };
    each_stmt(body, &mut |s| match s {
        ast::Stmt::Import(i) => {
            for alias in i.names.iter().filter(|a| !LOADED_AT_START.contains(&top_of(&a.name))) {
                add(frontend::span(s).0, alias.name.as_str());
            }
        }
        ast::Stmt::ImportFrom(i) => {
            let level = i.level.map_or(0, |l| l.to_u32());
            let name = i.module.as_ref().map_or("", |m| m.as_str());
            if level == 0 && LOADED_AT_START.contains(&top_of(name)) {
                return;
            }
            let Some(base) = absolute_module(package, level, name) else { return };
            let offset = frontend::span(s).0;
            add(offset, &base);
            for alias in i.names.iter().filter(|a| a.name.as_str() != "*") {
                add(offset, &format!("{base}.{}", alias.name));
            }
        }
        _ => {}
    });
    out
}

fn top_of(dotted: &str) -> &str {
    dotted.split('.').next().unwrap_or(dotted)
}

/// Calls `visit` on every statement of `body`, nested ones included (in
/// defs and classes too: their imports run when they do).
fn each_stmt<'a>(body: &'a [ast::Stmt], visit: &mut impl FnMut(&'a ast::Stmt)) {
    for s in body {
        visit(s);
        let scoped: &[ast::Stmt] = match s {
            ast::Stmt::FunctionDef(f) => &f.body,
            ast::Stmt::AsyncFunctionDef(f) => &f.body,
            ast::Stmt::ClassDef(c) => &c.body,
            _ => &[],
        };
        each_stmt(scoped, visit);
        for block in frontend::child_blocks(s) {
            each_stmt(block, visit);
        }
    }
}

/// The file of module `dotted` under `dir`, and whether it is a package:
/// `a/b.py`, or `a/b/__init__.py`, inside packages all the way down.
fn locate(dir: &Path, dotted: &str) -> Option<(PathBuf, bool)> {
    let parts: Vec<&str> = dotted.split('.').collect();
    let (last, packages) = parts.split_last()?;
    let mut base = dir.to_path_buf();
    for p in packages {
        base.push(p);
        if !base.join("__init__.py").is_file() {
            return None;
        }
    }
    let init = base.join(last).join("__init__.py");
    if init.is_file() {
        return Some((init, true));
    }
    let file = base.join(format!("{last}.py"));
    file.is_file().then_some((file, false))
}

/// The Rust module of the program's module `dotted`: `pkg.shapes` is
/// `pkg__shapes`.
fn rust_module_name(dotted: &str) -> String {
    let name: Vec<String> = dotted.split('.').map(crate::emit::mangle::rust_name).collect();
    let name = name.join("__");
    match crate::emit::mangle::ident(&name).to_string() {
        raw if raw.starts_with("r#") => format!("{name}_"),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_names_resolve_within_the_package() {
        assert_eq!(absolute_module(Some("pkg.sub"), 1, "m").as_deref(), Some("pkg.sub.m"));
        assert_eq!(absolute_module(Some("pkg.sub"), 2, "").as_deref(), Some("pkg"));
        assert_eq!(absolute_module(Some("pkg"), 2, "m"), None);
        assert_eq!(absolute_module(None, 1, "m"), None);
        assert_eq!(absolute_module(None, 0, "m").as_deref(), Some("m"));
    }

    #[test]
    fn rust_names_of_modules() {
        assert_eq!(rust_module_name("pkg.shapes"), "pkg__shapes");
        assert_eq!(rust_module_name("type"), "type_");
    }
}

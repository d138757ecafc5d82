//! py2rs: a Python 3.12 to Rust transpiler.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`frontend`] (parse) → [`sema`] (scopes, cells, definite assignment,
//! types) → [`lower`] (Python AST to Rust token trees) → [`emit`]
//! (prettyplease) → [`cargo`] (crate on disk, build, run).

pub mod cargo;
pub mod diagnostics;
pub mod emit;
pub mod frontend;
pub mod lower;
pub mod program;
pub mod sema;

use diagnostics::Diagnostic;

/// Options for one transpilation.
#[derive(Clone, Debug)]
pub struct Options {
    /// The file name shown in diagnostics and tracebacks.
    pub file_name: String,
}

/// For every module-level function: whether it is lowered to native Rust,
/// with its inferred types, or stays dynamic, with the reason.
pub fn explain_types(source: &str, options: &Options) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut module = frontend::parse_module(source, &options.file_name).map_err(|d| vec![d])?;
    let program = analyze(&mut module).map_err(|d| vec![d])?;
    Ok(lower::explain_types(&program, source, &module.body))
}

/// Converts the source of a program that imports no modules of its own
/// to the text of a Rust `main.rs` (see [`program::transpile`] for one
/// that does).
pub fn transpile(source: &str, options: &Options) -> Result<String, Vec<Diagnostic>> {
    transpile_module(source, &lower::ModuleInfo::main(&options.file_name))
}

/// Converts one module of a program to the text of its Rust file.
pub fn transpile_module(source: &str, info: &lower::ModuleInfo) -> Result<String, Vec<Diagnostic>> {
    let clock = std::time::Instant::now();
    let module = frontend::parse_module(source, &info.file).map_err(|d| vec![d])?;
    timing("parse", clock);
    transpile_parsed(source, module, info)
}

/// PY2RS_TIMINGS=1 prints how long each stage took, to stderr.
fn timing(stage: &str, since: std::time::Instant) {
    if std::env::var_os("PY2RS_TIMINGS").is_some() {
        eprintln!("py2rs: {stage}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
}

/// [`transpile_module`] of a module already parsed.
pub fn transpile_parsed(
    source: &str,
    mut module: frontend::Module,
    info: &lower::ModuleInfo,
) -> Result<String, Vec<Diagnostic>> {
    let mut clock = std::time::Instant::now();
    let mut lap = |stage: &str| {
        timing(stage, clock);
        clock = std::time::Instant::now();
    };
    let warnings = sema::warnings::syntax_warnings(source, &module);
    lap("warnings");
    let program = analyze(&mut module).map_err(|d| vec![d])?;
    lap("analyze");
    let tokens = lower::lower_module(&program, source, info, &module.body, &warnings).map_err(|d| vec![d])?;
    lap("lower");
    let text = emit::format_file(tokens).map_err(|msg| vec![Diagnostic::new(0, 0, msg)]);
    lap("emit");
    text
}

/// Scope analysis, after writing out the `__init__` of plain dataclasses
/// (which needs the module's scopes to know what `dataclass` is, and then
/// changes them).
fn analyze(module: &mut frontend::Module) -> Result<sema::Program, Diagnostic> {
    let program = sema::scope::analyze(&module.body)?;
    let inits = sema::dataclass_init::write_inits(&program, &mut module.body);
    if inits.is_empty() {
        return Ok(program);
    }
    let mut program = if inits.values().any(Result::is_ok) { sema::scope::analyze(&module.body)? } else { program };
    program.dataclass_inits = inits;
    Ok(program)
}

//! The `py2rs` command line: `convert`, `build` and `run`. Arguments,
//! files and exit codes only; the work is in the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use py2rs::program::Generated;
use py2rs::{Options, cargo, diagnostics};

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "py2rs", version, about = "Convert Python 3.12 programs into native Rust binaries")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Write a Cargo crate (Cargo.toml + src/main.rs) for a Python program.
    Convert {
        /// The Python program.
        program: PathBuf,
        /// Output directory (default: ./<name>-rs/).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print only the generated Rust source.
        #[arg(long)]
        stdout: bool,
        /// Print, for every module-level function, whether it runs as
        /// native Rust (with the inferred types) or stays dynamic (and
        /// why), instead of writing the crate.
        #[arg(long)]
        explain_types: bool,
    },
    /// Convert and compile; prints the binary's path.
    Build {
        program: PathBuf,
        /// Crate directory (default: a per-program directory in the cache).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Build without optimisations.
        #[arg(long)]
        debug: bool,
    },
    /// Build if needed, then run the program with ARGS.
    Run {
        program: PathBuf,
        /// Arguments passed to the program (after `--`).
        #[arg(last = true)]
        args: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Cmd::Convert { explain_types: true, program, .. } => explain(&program),
        Cmd::Convert { program, output, stdout, .. } => convert(&program, output, stdout),
        Cmd::Build { program, output, debug } => match build(&program, output, !debug) {
            Ok(bin) => write_stdout(&format!("{}\n", bin.display())),
            Err(code) => code,
        },
        Cmd::Run { program, args } => run(&program, &args),
    }
}

/// Reads the script, or says why it cannot (exit code 2).
fn read_script(program: &Path) -> Result<String, ExitCode> {
    let bytes = std::fs::read(program).map_err(|e| {
        eprintln!("py2rs: cannot read {}: {e}", program.display());
        ExitCode::from(2)
    })?;
    String::from_utf8(bytes).map_err(|_| {
        let d = diagnostics::Diagnostic::unsupported(0, 0, "source encoding other than UTF-8");
        eprint!("{}", diagnostics::render(&program.display().to_string(), "", &[d]));
        ExitCode::from(2)
    })
}

/// Reads and transpiles the program (its script and the modules of its
/// own it imports), printing diagnostics (exit code 2) on refusal.
fn generate(program: &Path) -> Result<(String, Generated), ExitCode> {
    let source = read_script(program)?;
    match py2rs::program::transpile(program, &program.display().to_string(), &source) {
        Ok(generated) => Ok((source, generated)),
        Err(f) => {
            eprint!("{}", diagnostics::render(&f.file, &f.source, &f.diagnostics));
            Err(ExitCode::from(2))
        }
    }
}

fn explain(program: &Path) -> ExitCode {
    let source = match read_script(program) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let shown = program.display().to_string();
    let files = match py2rs::program::module_sources(program, &shown, &source) {
        Ok(files) => files,
        Err(f) => {
            eprint!("{}", diagnostics::render(&f.file, &f.source, &f.diagnostics));
            return ExitCode::from(2);
        }
    };
    // The script's functions, then each module's, each line naming its file.
    let mut text = String::new();
    for (file, source) in &files {
        match py2rs::explain_types(source, &Options { file_name: file.clone() }) {
            Ok(lines) if lines.is_empty() => text.push_str(&format!(
                "{file}: no module-level functions or loops (methods and nested functions stay dynamic)\n"
            )),
            Ok(lines) => lines.iter().for_each(|l| text.push_str(&format!("{file}:{l}\n"))),
            Err(diags) => {
                eprint!("{}", diagnostics::render(file, source, &diags));
                return ExitCode::from(2);
            }
        }
    }
    write_stdout(&text)
}

/// Writes `text` to stdout. A reader that stops early (`| head`) is not
/// an error; another failure is reported.
fn write_stdout(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("py2rs: cannot write to stdout: {e}");
            ExitCode::from(1)
        }
    }
}

fn default_crate_dir(program: &Path) -> PathBuf {
    PathBuf::from(format!("{}-rs", program.file_stem().and_then(|s| s.to_str()).unwrap_or("program")))
}

fn convert(program: &Path, output: Option<PathBuf>, stdout: bool) -> ExitCode {
    let (_, generated) = match generate(program) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if stdout {
        return write_stdout(&shown_files(&generated.files));
    }
    let dir = output.unwrap_or_else(|| default_crate_dir(program));
    match cargo::write_crate_files(&dir, &cargo::crate_name(program), &generated.files) {
        Ok(()) => {
            eprintln!("py2rs: wrote {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("py2rs: cannot write {}: {e}", dir.display());
            ExitCode::from(2)
        }
    }
}

/// The crate's files as one text: `main.rs` alone, or each file after a
/// line naming it.
fn shown_files(files: &[(String, String)]) -> String {
    match files {
        [(_, main)] => main.clone(),
        _ => files.iter().map(|(path, text)| format!("// ---- src/{path} ----\n{text}")).collect(),
    }
}

/// The crate directory `build`/`run` use when none is given.
fn cache_crate_dir(program: &Path) -> PathBuf {
    let abs = program.canonicalize().unwrap_or_else(|_| program.to_path_buf());
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    abs.hash(&mut h);
    cargo::shared_target_dir()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir)
        .join("crates")
        .join(format!("{}-{:08x}", cargo::crate_name(program), h.finish() as u32))
}

/// The crate (and binary) name for a program built in the shared target
/// directory: unique per program path, so two `main.py` never collide.
fn cached_crate_name(program: &Path) -> String {
    let dir = cache_crate_dir(program);
    dir.file_name().map(|n| n.to_string_lossy().replace('-', "_")).unwrap_or_else(|| cargo::crate_name(program))
}

fn build(program: &Path, output: Option<PathBuf>, release: bool) -> Result<PathBuf, ExitCode> {
    let (source, generated) = generate(program)?;
    let name = if output.is_some() { cargo::crate_name(program) } else { cached_crate_name(program) };
    let dir = output.unwrap_or_else(|| cache_crate_dir(program));
    cargo::write_crate_files(&dir, &name, &generated.files).map_err(|e| {
        eprintln!("py2rs: cannot write {}: {e}", dir.display());
        ExitCode::from(2)
    })?;
    let target = cargo::shared_target_dir();
    let bin = cargo::build(&dir, &target, release).map_err(|out| {
        eprintln!("{out}");
        eprintln!("py2rs: cargo build failed for {}", program.display());
        ExitCode::from(2)
    })?;
    // `run` checks these to skip the build: the modules' files, and the
    // fingerprint of all the sources.
    let modules: Vec<String> = generated.modules.iter().map(|(p, _)| format!("{}\n", p.display())).collect();
    let _ = std::fs::write(dir.join(".py2rs-modules"), modules.concat());
    let mut sources = vec![source.as_str()];
    sources.extend(generated.modules.iter().map(|(_, s)| s.as_str()));
    let _ = std::fs::write(dir.join(".py2rs-fingerprint"), cargo::fingerprint(&sources));
    Ok(bin)
}

fn run(program: &Path, args: &[String]) -> ExitCode {
    let dir = cache_crate_dir(program);
    let name = cached_crate_name(program);
    let bin = cargo::shared_target_dir().join("release").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let mut sources = vec![std::fs::read_to_string(program).unwrap_or_default()];
    let modules = std::fs::read_to_string(dir.join(".py2rs-modules")).unwrap_or_default();
    sources.extend(modules.lines().map(|m| std::fs::read_to_string(m).unwrap_or_default()));
    let sources: Vec<&str> = sources.iter().map(String::as_str).collect();
    let fresh = std::fs::read_to_string(dir.join(".py2rs-fingerprint"))
        .is_ok_and(|f| f == cargo::fingerprint(&sources))
        && bin.exists();
    let bin = if fresh {
        bin
    } else {
        match build(program, None, true) {
            Ok(b) => b,
            Err(code) => return code,
        }
    };
    let status = std::process::Command::new(&bin).args(args).status();
    match status {
        Ok(s) => match s.code() {
            Some(c) => ExitCode::from(c as u8),
            // Killed by a signal (an uncaught KeyboardInterrupt ends with
            // SIGINT): the code a shell would report.
            None => ExitCode::from(signal_of(&s).map_or(1, |sig| (128 + sig) as u8)),
        },
        Err(e) => {
            eprintln!("py2rs: cannot run {}: {e}", bin.display());
            ExitCode::from(2)
        }
    }
}

#[cfg(unix)]
fn signal_of(s: &std::process::ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(s)
}

#[cfg(not(unix))]
fn signal_of(_: &std::process::ExitStatus) -> Option<i32> {
    None
}

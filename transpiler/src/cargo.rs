//! Writing the generated crate and driving cargo: a `Cargo.toml` whose
//! runtime dependency points at this checkout's `runtime/`, a shared
//! target directory so the runtime compiles once for every program, and
//! a fingerprint so `py2rs run` rebuilds only when something changed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where this checkout's runtime crate lives (fixed at build time).
pub fn runtime_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("runtime")
}

/// The target directory shared by all generated programs.
pub fn shared_target_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("PY2RS_TARGET_DIR") {
        return PathBuf::from(d);
    }
    dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join("py2rs").join("target")
}

/// A crate name Cargo accepts, derived from the program's file name.
pub fn crate_name(program: &Path) -> String {
    let stem = program.file_stem().and_then(|s| s.to_str()).unwrap_or("program");
    let mut name: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "py_");
    }
    name
}

/// The `Cargo.toml` of a generated crate.
pub fn manifest(name: &str) -> String {
    let runtime = runtime_dir();
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\npy2rs-runtime = {{ path = \"{}\" }}\n\n\
         [profile.release]\nopt-level = 3\ndebug = false\npanic = \"abort\"\n\n\
         [workspace]\n",
        runtime.display().to_string().replace('\\', "\\\\")
    )
}

/// Writes `Cargo.toml` and `src/main.rs` into `dir`.
pub fn write_crate(dir: &Path, name: &str, main_rs: &str) -> std::io::Result<()> {
    write_crate_files(dir, name, &[("main.rs".to_string(), main_rs.to_string())])
}

/// Writes `Cargo.toml` and the sources (paths under `src/`) into `dir`,
/// removing Rust files of modules the program no longer has.
pub fn write_crate_files(dir: &Path, name: &str, files: &[(String, String)]) -> std::io::Result<()> {
    let src = dir.join("src");
    std::fs::create_dir_all(&src)?;
    write_if_changed(&dir.join("Cargo.toml"), &manifest(name))?;
    for (path, text) in files {
        let path = src.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_if_changed(&path, text)?;
    }
    let modules = src.join("modules");
    for e in std::fs::read_dir(&modules).into_iter().flatten().flatten() {
        let rel = format!("modules/{}", e.file_name().to_string_lossy());
        if !files.iter().any(|(p, _)| *p == rel) {
            std::fs::remove_file(e.path())?;
        }
    }
    Ok(())
}

/// Leaves unchanged files alone so cargo's freshness check stays valid.
fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    std::fs::write(path, text)
}

/// Runs `cargo build` for the crate in `dir`; on failure returns cargo's
/// output so the caller can show it.
pub fn build(dir: &Path, target_dir: &Path, release: bool) -> Result<PathBuf, String> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.arg("build").arg("--quiet").arg("--manifest-path").arg(dir.join("Cargo.toml"));
    cmd.arg("--target-dir").arg(target_dir);
    if release {
        cmd.arg("--release");
    }
    let out = cmd.output().map_err(|e| format!("could not run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
    }
    let name = std::fs::read_to_string(dir.join("Cargo.toml"))
        .ok()
        .and_then(|m| m.lines().find_map(|l| l.strip_prefix("name = \"").map(|r| r.trim_end_matches('"').to_string())))
        .unwrap_or_default();
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir.join(profile).join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
}

/// A fingerprint of everything a build depends on: the Python sources, the
/// transpiler binary and the runtime sources.
pub fn fingerprint(sources: &[&str]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    sources.hash(&mut h);
    if let Ok(exe) = std::env::current_exe()
        && let Ok(meta) = std::fs::metadata(&exe)
    {
        meta.len().hash(&mut h);
        meta.modified().ok().hash(&mut h);
    }
    let src = runtime_dir().join("src");
    if let Ok(entries) = std::fs::read_dir(&src) {
        let mut stamps: Vec<(String, Option<std::time::SystemTime>)> = entries
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().to_string(), e.metadata().ok().and_then(|m| m.modified().ok())))
            .collect();
        stamps.sort();
        stamps.hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

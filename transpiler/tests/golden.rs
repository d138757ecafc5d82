//! Golden tests, the backbone of the suite: every `samples/**/*.py` is
//! converted, all are built together in one scratch Cargo workspace (the
//! runtime compiles once), each binary is run, and its stdout, exit code
//! and last stderr line are compared with what CPython 3.12 printed
//! (`golden/`, written only by `scripts/bless`).
//!
//! `cargo test -p py2rs --test golden -- str_` runs one family.
//!
//! A sample may import modules beside it (a sample itself, run on its
//! own too) and packages there (`samples/modules/shapes/`, whose files
//! are not samples).
//!
//! `samples/build_only/` holds programs that must convert and build but
//! cannot run here (they need the internet); their test is the build.
//! In `samples/REL.args`, `{http}` stands for the base URL of the HTTP
//! fixture server (`http_fixture`), started on 127.0.0.1 when needed.

mod http_fixture;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use libtest_mimic::{Arguments, Failed, Trial};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("workspace root")
}

/// Every sample that must run, relative to `samples/` without `.py`.
fn samples(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    collect(&root.join("samples"), &root.join("samples"), &mut out);
    out.sort();
    out
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            // Programs the transpiler must refuse are tested by `diagnostics`;
            // a package's modules are imported by programs, not run.
            if p.file_name().is_some_and(|n| n == "errors") || p.join("__init__.py").is_file() {
                continue;
            }
            collect(base, &p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            let rel = p.strip_prefix(base).expect("under samples").with_extension("");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Samples under this directory are built, not run.
const BUILD_ONLY: &str = "build_only/";

/// The fixture server's base URL, started on first use.
fn http_base(root: &Path) -> Result<&'static str, Failed> {
    static BASE: OnceLock<Result<String, String>> = OnceLock::new();
    let base = BASE.get_or_init(|| {
        http_fixture::start(root.join("samples").join("asyncio").join("http_fixtures")).map_err(|e| e.to_string())
    });
    base.as_deref().map_err(|e| Failed::from(format!("cannot start the HTTP fixture server: {e}")))
}

fn test_name(rel: &str) -> String {
    rel.replace('/', "::")
}

fn crate_name(rel: &str) -> String {
    format!("s_{}", rel.replace(['/', '-', '.'], "_"))
}

/// The scratch workspace, kept under `target/` so reruns are incremental.
fn workspace_dir(root: &Path) -> PathBuf {
    root.join("target").join("golden-ws")
}

struct Prepared {
    /// Per sample: the binary, or why there is none.
    binaries: Vec<(String, Result<PathBuf, String>)>,
}

fn prepare(root: &Path, selected: &[String]) -> Prepared {
    let ws = workspace_dir(root);
    let _ = std::fs::create_dir_all(&ws);
    let mut members = Vec::new();
    let mut results: Vec<(String, Result<PathBuf, String>)> = Vec::new();
    for rel in selected {
        let src_path = root.join("samples").join(format!("{rel}.py"));
        let source = match std::fs::read_to_string(&src_path) {
            Ok(s) => s,
            Err(e) => {
                results.push((rel.clone(), Err(format!("cannot read sample: {e}"))));
                continue;
            }
        };
        let file_name = format!("{}.py", rel.rsplit('/').next().unwrap_or(rel));
        match py2rs::program::transpile(&src_path, &file_name, &source) {
            Ok(generated) => {
                let name = crate_name(rel);
                let dir = ws.join(&name);
                if let Err(e) = py2rs::cargo::write_crate_files(&dir, &name, &generated.files) {
                    results.push((rel.clone(), Err(format!("cannot write crate: {e}"))));
                    continue;
                }
                // Members share the workspace's lock file and target dir.
                let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
                let manifest = manifest
                    .replace("\n[workspace]\n", "\n")
                    .replace("[profile.release]\nopt-level = 3\ndebug = false\npanic = \"abort\"\n\n", "");
                let _ = std::fs::write(dir.join("Cargo.toml"), manifest);
                members.push(name.clone());
                results.push((rel.clone(), Ok(ws.join("target").join("golden").join(&name))));
            }
            Err(f) => {
                results.push((rel.clone(), Err(py2rs::diagnostics::render(&f.file, &f.source, &f.diagnostics))));
            }
        }
    }
    let member_list: Vec<String> = members.iter().map(|m| format!("    \"{m}\",")).collect();
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n\n\
         # Samples build quickly with light optimisation; the runtime is optimised.\n\
         [profile.golden]\ninherits = \"release\"\nopt-level = 1\ncodegen-units = 16\nincremental = true\npanic = \"abort\"\n\n\
         [profile.golden.package.py2rs-runtime]\nopt-level = 3\ncodegen-units = 4\n",
        member_list.join("\n")
    );
    let _ = std::fs::write(ws.join("Cargo.toml"), manifest);
    // Crates of samples that no longer exist would break the workspace.
    if let Ok(entries) = std::fs::read_dir(&ws) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if n.starts_with("s_") && !members.contains(&n) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    if !members.is_empty() {
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--keep-going", "--profile", "golden", "--message-format", "short"])
            .current_dir(&ws)
            .env("CARGO_TARGET_DIR", ws.join("target"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output();
        let log = match out {
            Ok(o) => String::from_utf8_lossy(&o.stderr).to_string(),
            Err(e) => format!("cannot run cargo: {e}"),
        };
        for (rel, r) in results.iter_mut() {
            let name = crate_name(rel);
            if let Ok(bin) = r
                && !bin.exists()
            {
                let lines: Vec<&str> = log.lines().filter(|l| l.contains(&name)).take(40).collect();
                *r = Err(format!("generated Rust failed to build:\n{}", lines.join("\n")));
                continue;
            }
            // Generated code is for people: rustc has nothing to say about it.
            let warnings: Vec<&str> = log
                .lines()
                .filter(|l| l.starts_with(&format!("{name}/")) && l.contains(": warning:"))
                .take(10)
                .collect();
            if r.is_ok() && !warnings.is_empty() {
                *r = Err(format!("generated Rust builds with warnings:\n{}", warnings.join("\n")));
            }
        }
    }
    Prepared { binaries: results }
}

fn read_golden(root: &Path, rel: &str, ext: &str) -> Result<String, Failed> {
    let p = root.join("golden").join(format!("{rel}.{ext}"));
    std::fs::read_to_string(&p).map_err(|_| Failed::from(format!("missing golden {} (run scripts/bless)", p.display())))
}

fn last_line(text: &str) -> String {
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

fn check(root: &Path, rel: &str, bin: &Path) -> Result<(), Failed> {
    if rel.starts_with(BUILD_ONLY) {
        // Converted and built (or `prepare` reported why not): that is the test.
        return if bin.exists() { Ok(()) } else { Err(format!("{} was not built", bin.display()).into()) };
    }
    let want_out = read_golden(root, rel, "stdout")?;
    let want_exit: i32 =
        read_golden(root, rel, "exit")?.trim().parse().map_err(|_| Failed::from("bad .exit golden"))?;
    let want_err = read_golden(root, rel, "stderr")?.trim_end_matches('\n').to_string();
    let scratch = tempfile::tempdir().map_err(|e| Failed::from(e.to_string()))?;
    let args_file = root.join("samples").join(format!("{rel}.args"));
    let mut args: Vec<String> = std::fs::read_to_string(args_file)
        .map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default();
    if args.iter().any(|a| a.contains("{http}")) {
        let base = http_base(root)?;
        for a in &mut args {
            *a = a.replace("{http}", base);
        }
    }
    let out = Command::new(bin)
        .args(&args)
        .current_dir(scratch.path())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failed::from(format!("cannot run {}: {e}", bin.display())))?;
    let got_out = String::from_utf8_lossy(&out.stdout).to_string();
    // Output that legitimately varies (timings) is masked in both texts.
    let (want_out, got_out) = match std::fs::read_to_string(root.join("samples").join(format!("{rel}.mask"))) {
        Ok(masks) => (mask(&masks, &want_out)?, mask(&masks, &got_out)?),
        Err(_) => (want_out, got_out),
    };
    let got_err = last_line(&String::from_utf8_lossy(&out.stderr));
    // A program killed by a signal, as a shell reports it (128 + signal).
    let got_exit = out.status.code().or_else(|| out.status.signal().map(|s| 128 + s)).unwrap_or(-1);
    let mut problems = Vec::new();
    if got_out != want_out {
        problems.push(format!("stdout differs:\n{}", diff(&want_out, &got_out)));
    }
    if got_exit != want_exit {
        problems.push(format!("exit code: expected {want_exit}, got {got_exit}"));
    }
    if got_err != want_err {
        problems.push(format!("last stderr line:\n  expected: {want_err}\n  got:      {got_err}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        problems.push(format!("(if CPython's output changed on purpose: scripts/bless samples/{rel}.py)"));
        Err(problems.join("\n").into())
    }
}

/// Replaces every match of each regex (one per line of `masks`).
fn mask(masks: &str, text: &str) -> Result<String, Failed> {
    let mut out = text.to_string();
    for pattern in masks.lines().filter(|l| !l.trim().is_empty()) {
        let re = regex::Regex::new(pattern).map_err(|e| Failed::from(format!("bad mask {pattern}: {e}")))?;
        out = re.replace_all(&out, "<masked>").to_string();
    }
    Ok(out)
}

/// A small line diff: the first differing lines with context.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)).unwrap_or(0);
    let mut out = String::new();
    let lo = first.saturating_sub(2);
    for i in lo..(first + 4).min(w.len().max(g.len())) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("   {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!(" - {a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!(" + {b}\n"));
                }
            }
        }
    }
    if want.ends_with('\n') != got.ends_with('\n') {
        out.push_str(" (trailing newline differs)\n");
    }
    out
}

fn main() {
    let args = Arguments::from_args();
    let root = root();
    let all = samples(&root);
    // Build only what the filter selects.
    let selected: Vec<String> = all
        .into_iter()
        .filter(|rel| match &args.filter {
            Some(f) if args.exact => test_name(rel) == *f,
            Some(f) => test_name(rel).contains(f.as_str()),
            None => true,
        })
        .filter(|rel| !args.skip.iter().any(|s| test_name(rel).contains(s.as_str())))
        .collect();
    let prepared = if args.list {
        Prepared { binaries: selected.iter().map(|r| (r.clone(), Err(String::new()))).collect() }
    } else {
        prepare(&root, &selected)
    };
    let trials = prepared
        .binaries
        .into_iter()
        .map(|(rel, bin)| {
            let root = root.clone();
            Trial::test(test_name(&rel), move || match bin {
                Ok(bin) => check(&root, &rel, &bin),
                Err(why) => Err(why.into()),
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

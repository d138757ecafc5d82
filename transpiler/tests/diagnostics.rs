//! Programs the transpiler must refuse: each `samples/errors/*.py` starts
//! with `# expect: LINE:COL: error: MESSAGE`, the first diagnostic line
//! `py2rs` must print for it (after the file name). The CLI must exit 2.

use std::path::{Path, PathBuf};
use std::process::Command;

fn error_samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/errors");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("samples/errors exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    v
}

#[test]
fn refused_programs_report_the_expected_diagnostic() {
    let samples = error_samples();
    assert!(samples.len() >= 5, "expected several refusal samples, found {}", samples.len());
    let mut failures = Vec::new();
    for path in samples {
        let source = std::fs::read_to_string(&path).expect("readable sample");
        let expect = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{} lacks an `# expect:` first line", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let want = format!("{name}:{expect}");
        match py2rs::transpile(&source, &py2rs::Options { file_name: name.clone() }) {
            Ok(_) => failures.push(format!("{name}: converted, but must be refused with `{want}`")),
            Err(diags) => {
                let text = py2rs::diagnostics::render(&name, &source, &diags);
                let first = text.lines().next().unwrap_or_default().to_string();
                if first != want {
                    failures.push(format!("{name}:\n  expected: {want}\n  got:      {first}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cli_exits_2_with_source_line_and_caret() {
    let path = error_samples().into_iter().find(|p| p.ends_with("unsupported_module.py")).expect("sample");
    let out =
        Command::new(env!("CARGO_BIN_EXE_py2rs")).arg("convert").arg("--stdout").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].ends_with("unsupported_module.py:2:1: error: unsupported: module 'socket'"), "{err}");
    assert_eq!(lines[1], "    import socket");
    assert_eq!(lines[2], "    ^");
    assert!(out.stdout.is_empty());
}

/// A reader that stops early (`py2rs convert --stdout prog.py | head`)
/// ends the output quietly: no panic, exit code 0.
#[test]
fn cli_output_into_a_closed_pipe_is_not_an_error() {
    use std::process::Stdio;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sample = root.join("samples/bench/attribute_heavy.py");
    for args in [&["convert", "--stdout"][..], &["convert", "--explain-types"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_py2rs"))
            .args(args)
            .arg(&sample)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Close the reading end before py2rs writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("finishes");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// Writes `files` (path, text) into a fresh directory.
fn program_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// The first diagnostic line for the program `main.py` among `files`.
fn refusal(files: &[(&str, &str)]) -> String {
    let dir = program_dir(files);
    let main = dir.path().join("main.py");
    let source = std::fs::read_to_string(&main).expect("main.py");
    match py2rs::program::transpile(&main, "main.py", &source) {
        Ok(_) => "converted".into(),
        Err(f) => py2rs::diagnostics::render(&f.file, &f.source, &f.diagnostics).lines().next().unwrap_or("").into(),
    }
}

/// A program's own modules are refused where they cannot be right: one
/// that shadows a standard-library module the runtime knows by name, an
/// `import` of a package's module no file holds, and a module that uses
/// what py2rs does not support (the diagnostic names that module's file).
#[test]
fn modules_of_the_program_that_are_refused() {
    let shadow = refusal(&[("main.py", "import random\n"), ("random.py", "x = 1\n")]);
    assert_eq!(
        shadow,
        "main.py:1:1: error: unsupported: module 'random' of the program's, which shadows the standard library's"
    );
    let missing = refusal(&[("main.py", "import pkg.nothing\n"), ("pkg/__init__.py", "")]);
    assert_eq!(missing, "main.py:1:1: error: unsupported: module 'pkg.nothing' (no file of the program's holds it)");
    let inside = refusal(&[("main.py", "import helper\n"), ("helper.py", "x = 1\nimport socket\n")]);
    assert_eq!(inside, "helper.py:2:1: error: unsupported: module 'socket'");
    // CPython reads `os` before the script's directory is searched.
    assert_eq!(refusal(&[("main.py", "import os\nprint(os.sep)\n"), ("os.py", "boom(\n")]), "converted");
    // An import inside a def is found too.
    assert_eq!(refusal(&[("main.py", "def f():\n    import helper\n"), ("helper.py", "x = 1\n")]), "converted");
    let changed_all = refusal(&[("main.py", "from m import *\n"), ("m.py", "__all__ = ['a']\n__all__ += ['b']\n")]);
    assert_eq!(
        changed_all,
        "main.py:1:1: error: unsupported: from module import * of a module that changes its __all__"
    );
    let cycle =
        refusal(&[("main.py", "from a import *\n"), ("a.py", "from b import *\n"), ("b.py", "from a import *\n")]);
    assert_eq!(cycle, "b.py:1:1: error: unsupported: from a import * in a cycle of such imports");
}

/// `convert` writes one Rust file per module the program imports.
#[test]
fn cli_writes_a_file_per_module() {
    let dir = program_dir(&[
        ("main.py", "import helper\nfrom pkg import tool\nprint(helper.X, tool.Y)\n"),
        ("helper.py", "X = 1\n"),
        ("pkg/__init__.py", ""),
        ("pkg/tool.py", "Y = 2\n"),
    ]);
    let out_dir = dir.path().join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_py2rs"))
        .arg("convert")
        .arg(dir.path().join("main.py"))
        .arg("-o")
        .arg(&out_dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let main = std::fs::read_to_string(out_dir.join("src/main.rs")).expect("main.rs");
    assert!(main.contains("mod modules {"), "{main}");
    for file in ["helper.rs", "pkg.rs", "pkg__tool.rs"] {
        let text = std::fs::read_to_string(out_dir.join("src/modules").join(file)).expect(file);
        assert!(text.contains("pub static MODULE: rt::user_modules::Source"), "{file}:\n{text}");
    }
    // `--explain-types` reports on every module, each line naming its file.
    let out = Command::new(env!("CARGO_BIN_EXE_py2rs"))
        .args(["convert", "--explain-types"])
        .arg(dir.path().join("main.py"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let files: Vec<&str> = text.lines().map(|l| l.split(':').next().unwrap_or("")).collect();
    assert!(
        files.len() == 4
            && ["main.py", "helper.py", "pkg/__init__.py", "pkg/tool.py"]
                .iter()
                .all(|f| files.iter().any(|g| g.ends_with(f))),
        "{text}"
    );
}

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

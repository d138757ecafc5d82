//! The program's entry point: runs the module body, prints an uncaught
//! exception the way CPython does, and turns `SystemExit` into the exit
//! code.

use crate::exc::PyErr;
use crate::exc::PyResult;
use crate::types::types;
use crate::value::Value;

/// Runs a generated module body and exits the process with CPython's code.
pub fn run_main(file: &str, body: fn() -> PyResult<()>) -> ! {
    crate::builtins::set_main_file(file);
    let mut argv = vec![file.to_string()];
    argv.extend(std::env::args().skip(1));
    crate::modules::set_argv(argv);
    // Python code runs on a thread with a large stack, so that recursion up
    // to the recursion limit never overflows it (the memory is only
    // reserved, not committed).
    let file_owned = file.to_string();
    let worker = std::thread::Builder::new().name("python-main".into()).stack_size(1 << 30).spawn(move || {
        crate::gil::acquire();
        let code = match body() {
            Ok(()) => 0,
            Err(e) => handle_uncaught(&e, &file_owned),
        };
        crate::io::flush_stdout();
        code
    });
    let code = match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => 1,
    };
    if code == KILLED_BY_SIGINT {
        die_of_sigint();
    }
    std::process::exit(code)
}

/// What the shell sees of a process killed by SIGINT (128 + 2).
const KILLED_BY_SIGINT: i32 = 130;

/// After an uncaught KeyboardInterrupt, CPython ends by killing itself with
/// SIGINT, so that a calling shell knows the program was interrupted.
fn die_of_sigint() {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            safe fn signal(signum: i32, handler: usize) -> usize;
            safe fn raise(sig: i32) -> i32;
        }
        const SIGINT: i32 = 2;
        const SIG_DFL: usize = 0;
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
}

fn handle_uncaught(e: &PyErr, file: &str) -> i32 {
    if e.is_instance(&types().system_exit) {
        return system_exit_code(e);
    }
    crate::io::flush_stdout();
    let mut text = String::new();
    print_chain(e, file, &mut text, 0);
    crate::io::write_stderr(&text);
    if e.is_instance(&types().by_name["KeyboardInterrupt"]) { KILLED_BY_SIGINT } else { 1 }
}

/// The traceback text: causes and contexts first, as CPython prints them.
pub(crate) fn print_chain(e: &PyErr, file: &str, out: &mut String, depth: usize) {
    if depth < 32 {
        let (cause, context, suppress) = match e.data() {
            Some(d) => (d.cause.clone(), d.context.clone(), d.suppress_context),
            None => (None, None, false),
        };
        if let Some(c) = cause {
            print_chain(&PyErr::from_instance(c), file, out, depth + 1);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let (Some(c), false) = (context, suppress) {
            print_chain(&PyErr::from_instance(c), file, out, depth + 1);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if crate::excgroup::is_group(e.value()) {
        out.push_str("  + Exception Group Traceback (most recent call last):\n");
        out.push_str(&format!("  |   File \"{file}\", in <module>\n"));
        crate::excgroup::format_group(e.value(), 2, out);
        return;
    }
    out.push_str("Traceback (most recent call last):\n");
    out.push_str(&format!("  File \"{file}\", in <module>\n"));
    out.push_str(&crate::fmt::exception_line(e));
    out.push_str(&crate::suggest::hint(e));
    out.push('\n');
    if let Some(notes) = e.data().and_then(|d| d.notes.clone())
        && let Ok(items) = crate::iter::to_vec(&notes)
    {
        for n in items {
            out.push_str(&crate::fmt::str_(&n).unwrap_or_default());
            out.push('\n');
        }
    }
}

fn system_exit_code(e: &PyErr) -> i32 {
    let args = e.data().map(|d| d.args.clone()).unwrap_or_default();
    let code = match args.len() {
        0 => Value::None,
        1 => args[0].clone(),
        _ => Value::tuple(args),
    };
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            crate::io::flush_stdout();
            let text = crate::fmt::str_(&other).unwrap_or_default();
            crate::io::write_stderr(&format!("{text}\n"));
            1
        }
    }
}

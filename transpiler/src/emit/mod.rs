//! Emission: turns the lowered token trees into a formatted Rust file with
//! `prettyplease`. Emission only prints; every decision was made in lower.
//!
//! Parsing the tokens back into a `syn` tree is most of the cost of a
//! conversion, so items are parsed and printed on all cores, each as a
//! small file, and the texts joined in order: prettyplease prints a
//! file as its items one after another, so the result is the same.
//! Workers start on the first items while the rest are still being turned
//! into text, which only the lowering thread can do.

pub mod mangle;
mod tidy;

use crate::lower::LoweredFile;

/// Formats a whole generated file.
pub fn format_file(file: LoweredFile) -> Result<String, String> {
    let header: syn::File = syn::parse2(file.header).map_err(internal)?;
    let mut out = prettyplease::unparse(&header);
    let count = file.items.len();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8) - 1;
    // Token trees are not `Send`; their text is. Workers format items as
    // this thread turns them into text, then this thread joins in.
    let (send, receive) = std::sync::mpsc::channel::<(usize, String)>();
    let queue = std::sync::Mutex::new(receive);
    let next = || queue.lock().ok().and_then(|q| q.recv().ok());
    let mut parts: Vec<(usize, Result<String, String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| s.spawn(|| std::iter::from_fn(next).map(|(i, t)| (i, format_item(&t))).collect::<Vec<_>>()))
            .collect();
        for (i, item) in file.items.iter().enumerate() {
            // A closed channel means every worker stopped: this thread formats the rest.
            let _ = send.send((i, item.to_string()));
        }
        drop(send);
        drop(file.items);
        let mut parts: Vec<_> = std::iter::from_fn(next).map(|(i, t)| (i, format_item(&t))).collect();
        for h in handles {
            parts.extend(h.join().unwrap_or_default());
        }
        parts
    });
    if parts.len() != count {
        return Err("internal error: formatter failed".into());
    }
    parts.sort_unstable_by_key(|(i, _)| *i);
    for (_, p) in parts {
        out.push_str(&p?);
    }
    Ok(out)
}

fn format_item(text: &str) -> Result<String, String> {
    // One lowered item may be several Rust items (a function and its
    // signature static): parse each as a file of its own.
    let mut items: syn::File = syn::parse_file(text).map_err(internal)?;
    tidy::file(&mut items);
    Ok(prettyplease::unparse(&items))
}

fn internal(e: syn::Error) -> String {
    format!("internal error: generated Rust does not parse: {e}")
}

//! Emission: turns the lowered token trees into a formatted Rust file with
//! `prettyplease`. Emission only prints; every decision was made in lower.
//!
//! Parsing the tokens back into a `syn` tree is most of the cost of a
//! conversion, so items are parsed and printed on all cores, each as a
//! small file, and the texts joined in order: prettyplease prints a
//! file as its items one after another, so the result is the same.

pub mod mangle;
mod tidy;

use crate::lower::LoweredFile;

/// Formats a whole generated file.
pub fn format_file(file: LoweredFile) -> Result<String, String> {
    let header: syn::File = syn::parse2(file.header).map_err(internal)?;
    let mut out = prettyplease::unparse(&header);
    // Token trees are not `Send`; their text is.
    let texts: Vec<String> = file.items.iter().map(ToString::to_string).collect();
    // Freed now, the tokens' memory serves the first chunk's parse on this
    // thread; fresh memory costs a page fault per 4 KiB.
    drop(file.items);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let mut chunks = balanced_chunks(&texts, workers).into_iter();
    let first = chunks.next().unwrap_or_default();
    let parts: Vec<Result<String, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks.map(|c| s.spawn(move || format_items(c))).collect();
        let mut parts = vec![format_items(first)];
        parts.extend(
            handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("internal error: formatter failed".into()))),
        );
        parts
    });
    for p in parts {
        out.push_str(&p?);
    }
    Ok(out)
}

/// Splits `texts` into at most `n` runs, in order, of about equal length.
fn balanced_chunks(texts: &[String], n: usize) -> Vec<&[String]> {
    let total: usize = texts.iter().map(String::len).sum();
    let target = total.div_ceil(n.max(1)).max(1);
    let mut chunks = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, t) in texts.iter().enumerate() {
        size += t.len();
        if size >= target && chunks.len() + 1 < n {
            chunks.push(&texts[start..=i]);
            (start, size) = (i + 1, 0);
        }
    }
    if start < texts.len() {
        chunks.push(&texts[start..]);
    }
    chunks
}

fn format_items(texts: &[String]) -> Result<String, String> {
    let mut out = String::new();
    for t in texts {
        // One lowered item may be several Rust items (a function and its
        // signature static): parse each as a file of its own.
        let mut items: syn::File = syn::parse_file(t).map_err(internal)?;
        tidy::file(&mut items);
        out.push_str(&prettyplease::unparse(&items));
    }
    Ok(out)
}

fn internal(e: syn::Error) -> String {
    format!("internal error: generated Rust does not parse: {e}")
}

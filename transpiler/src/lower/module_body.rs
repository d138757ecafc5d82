//! The module's top-level statements as Rust functions.
//!
//! A small program's statements form one `module_body`. A large one's are
//! split, in order, into functions of bounded size, each in its own module:
//! LLVM's time on one function grows faster than its size (one 1,000-line
//! program's body was 72% of the crate's IR and most of its rebuild), and
//! rustc compiles separate modules as separate codegen units, in parallel.
//! At module level every Python name is a global, so no Rust local lives
//! from one statement into the next and the statements split anywhere.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::quote;

use crate::diagnostics::line_col;
use crate::emit::mangle::MODULE_PART_PREFIX;
use crate::frontend::{ast, span};

/// Token count up to which the statements stay in one function.
const ONE_FUNCTION: usize = 8_000;
/// Token count a part grows to before the next one starts.
const PART: usize = 4_000;

/// `module_body` and, for a large program, the parts it calls.
pub fn items(source: &str, body: &[ast::Stmt], stmts: Vec<TokenStream>) -> Vec<TokenStream> {
    let weights: Vec<usize> = stmts.iter().map(|s| weight(s.clone())).collect();
    if weights.iter().sum::<usize>() <= ONE_FUNCTION {
        return vec![quote! {
            /// The module's top-level statements.
            fn module_body() -> PyResult<()> {
                #(#stmts)*
                Ok(())
            }
        }];
    }
    let mut parts = Vec::new();
    let mut calls = Vec::new();
    let mut stmts = stmts.into_iter();
    for run in runs(&weights) {
        let first = line_col(source, span(&body[run.start]).0).0;
        let last = line_col(source, span(&body[run.end - 1]).1).0;
        let name = Ident::new(&format!("{MODULE_PART_PREFIX}{first}_{last}"), Span::call_site());
        let doc = format!(" Lines {first}–{last} of the module.");
        let code: Vec<TokenStream> = stmts.by_ref().take(run.len()).collect();
        calls.push(quote! { #name::run()?; });
        parts.push(quote! {
            #[doc = #doc]
            mod #name {
                #[allow(unused_imports)]
                use super::*;
                // Kept out of `module_body`, or LLVM would merge the parts back.
                #[inline(never)]
                pub(super) fn run() -> PyResult<()> {
                    #(#code)*
                    Ok(())
                }
            }
        });
    }
    let mut items = vec![quote! {
        /// The module's top-level statements, run part by part.
        fn module_body() -> PyResult<()> {
            #(#calls)*
            Ok(())
        }
    }];
    items.extend(parts);
    items
}

/// Consecutive statements grouped so each group reaches about `PART`
/// tokens (a single larger statement is a group of its own).
fn runs(weights: &[usize]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, w) in weights.iter().enumerate() {
        if size > 0 && size + w > PART {
            runs.push(start..i);
            (start, size) = (i, 0);
        }
        size += w;
    }
    if start < weights.len() {
        runs.push(start..weights.len());
    }
    runs
}

/// The number of tokens in `tokens`, groups included.
fn weight(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|t| match t {
            // A group `opaque` made is no token of the code.
            TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::None => weight(g.stream()),
            TokenTree::Group(g) => 1 + weight(g.stream()),
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn statements_group_up_to_the_part_size() {
        assert_eq!(runs(&[1_000, 2_000, 1_500, 9_000, 10]), vec![0..2, 2..3, 3..4, 4..5]);
        assert_eq!(runs(&[10, 20]), vec![0..2]);
        assert!(runs(&[]).is_empty());
    }
}

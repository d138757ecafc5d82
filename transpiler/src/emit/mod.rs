//! Emission: turns the lowered token trees into a formatted Rust file with
//! `prettyplease`. Emission only prints; every decision was made in lower.

pub mod mangle;

use proc_macro2::TokenStream;

/// Formats a whole generated file.
pub fn format_file(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("internal error: generated Rust does not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

//! Semantic analysis: which scope every name belongs to, which locals are
//! captured by nested functions (cells), which functions are generators or
//! coroutines, and which locals may be read while unbound.
//!
//! Input: the parsed module. Output: [`Program`], consulted by `lower`.

pub mod definite;
pub mod scope;
pub mod types;

pub use scope::{Binding, Program, Scope, ScopeId, ScopeKind};

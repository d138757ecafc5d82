//! Semantic analysis: which scope every name belongs to, which locals are
//! captured by nested functions (cells), which functions are generators or
//! coroutines, which locals may be read while unbound, and which functions
//! have types certain enough to run as native Rust (`infer`).
//!
//! Input: the parsed module. Output: [`Program`], consulted by `lower`.

pub mod dataclass_init;
pub mod definite;
pub mod depth_bound;
pub mod fixed;
pub mod infer;
pub mod scope;
pub mod types;
pub mod warnings;

pub use scope::{Binding, Program, Scope, ScopeId, ScopeKind};

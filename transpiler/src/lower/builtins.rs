//! Python's builtins as the transpiler sees them: which names exist, and
//! the few calls lowered to a direct runtime function. Kept as data, like
//! mypyc's primitive tables: one row per builtin.

/// Built-in names resolvable at run time by `rt::builtins::builtin`.
pub const BUILTIN_NAMES: &[&str] = &[
    // functions (runtime: builtins::FUNCTIONS)
    "print", "len", "repr", "ascii", "abs", "round", "divmod", "pow", "min", "max", "sum", "any", "all",
    "sorted", "reversed", "enumerate", "zip", "map", "filter", "iter", "next", "isinstance", "issubclass",
    "getattr", "setattr", "hasattr", "delattr", "hash", "id", "chr", "ord", "hex", "oct", "bin", "format",
    "callable", "vars", "input", "dir", "property", "classmethod", "staticmethod", "slice",
    // classes (runtime: types::Types::by_name)
    "object", "type", "int", "bool", "float", "str", "list", "tuple", "dict", "set", "frozenset", "range",
    "BaseException", "BaseExceptionGroup", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "Exception",
    "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError", "AssertionError",
    "AttributeError", "BufferError", "EOFError", "ImportError", "ModuleNotFoundError", "LookupError",
    "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError", "OSError", "BlockingIOError",
    "ChildProcessError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
    "ConnectionRefusedError", "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError",
    "TimeoutError", "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "IndentationError", "TabError", "SystemError",
    "TypeError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
    "UnicodeTranslateError", "Warning", "BytesWarning", "DeprecationWarning", "EncodingWarning",
    "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning",
    "SyntaxWarning", "UnicodeWarning", "UserWarning",
    // constants
    "None", "NotImplemented", "Ellipsis",
];

/// Builtins the transpiler refuses, with the reason shown to the user.
pub const REFUSED: &[(&str, &str)] = &[
    ("eval", "eval() of source text"),
    ("exec", "exec() of source text"),
    ("compile", "compile() of source text"),
    ("globals", "globals()"),
    ("locals", "locals()"),
    ("__import__", "__import__()"),
    ("open", "open() (file I/O comes with a later release)"),
    ("bytes", "bytes"),
    ("bytearray", "bytearray"),
    ("memoryview", "memoryview"),
    ("complex", "complex numbers"),
    ("breakpoint", "breakpoint()"),
    ("aiter", "aiter()"),
    ("anext", "anext()"),
    ("exit", "exit() (use sys.exit)"),
    ("quit", "quit() (use sys.exit)"),
    ("help", "help()"),
];

pub fn is_builtin_name(name: &str) -> bool {
    BUILTIN_NAMES.contains(&name)
}

pub fn refused(name: &str) -> Option<&'static str> {
    REFUSED.iter().find(|(n, _)| *n == name).map(|(_, why)| *why)
}

/// Builtin functions called through `rt::builtins::FN(args, kwargs)`:
/// the Python name and the runtime function.
pub const DIRECT: &[(&str, &str)] = &[
    ("print", "print"), ("len", "len"), ("repr", "repr"), ("ascii", "ascii"), ("abs", "abs"),
    ("round", "round_builtin"), ("divmod", "divmod"), ("pow", "pow"), ("min", "min"), ("max", "max"),
    ("sum", "sum"), ("any", "any"), ("all", "all"), ("sorted", "sorted"), ("reversed", "reversed"),
    ("enumerate", "enumerate"), ("zip", "zip"), ("map", "map"), ("filter", "filter"), ("iter", "iter_builtin"),
    ("next", "next"), ("isinstance", "isinstance"), ("issubclass", "issubclass"), ("getattr", "getattr"),
    ("setattr", "setattr"), ("hasattr", "hasattr"), ("delattr", "delattr"), ("hash", "hash"), ("id", "id"),
    ("chr", "chr"), ("ord", "ord"), ("hex", "hex"), ("oct", "oct"), ("bin", "bin"), ("format", "format"),
    ("callable", "callable"), ("vars", "vars"), ("input", "input"), ("dir", "dir"), ("range", "range"),
];

pub fn direct_function(name: &str) -> Option<&'static str> {
    DIRECT.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// Modules `import` accepts (provided by the runtime).
pub const MODULES: &[&str] = &["math", "sys", "typing"];

/// `from __future__ import ...` and friends that need no code.
pub const NO_CODE_IMPORTS: &[&str] = &["__future__"];

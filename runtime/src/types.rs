//! The built-in classes (`int`, `list`, `type`, the exception hierarchy...),
//! created once per process and shared by every value.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::class::{Class, Layout};
use crate::dict::Dict;
use crate::exc::PyResult;
use crate::func::Kwargs;
use crate::gil::Lazy;
use crate::str::PyStr;
use crate::value::Value;

/// How a built-in class behaves when called (`int("3")`, `list(xs)`).
pub struct BuiltinInfo {
    pub new: fn(&Rc<Class>, Vec<Value>, Kwargs) -> PyResult<Value>,
}

/// The exception hierarchy of CPython 3.12, parents before children.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub function: Rc<Class>,
    pub base_exception: Rc<Class>,
    pub exception: Rc<Class>,
    pub type_error: Rc<Class>,
    pub value_error: Rc<Class>,
    pub index_error: Rc<Class>,
    pub key_error: Rc<Class>,
    pub attribute_error: Rc<Class>,
    pub name_error: Rc<Class>,
    pub unbound_local_error: Rc<Class>,
    pub zero_division_error: Rc<Class>,
    pub overflow_error: Rc<Class>,
    pub runtime_error: Rc<Class>,
    pub not_implemented_error: Rc<Class>,
    pub recursion_error: Rc<Class>,
    pub assertion_error: Rc<Class>,
    pub stop_iteration: Rc<Class>,
    pub generator_exit: Rc<Class>,
    pub system_exit: Rc<Class>,
    pub keyboard_interrupt: Rc<Class>,
    pub os_error: Rc<Class>,
    pub eof_error: Rc<Class>,
    pub memory_error: Rc<Class>,
    pub lookup_error: Rc<Class>,
    pub import_error: Rc<Class>,
    /// Every built-in class by its Python name.
    pub by_name: HashMap<&'static str, Rc<Class>>,
}

static TYPES: Lazy<Types> = Lazy::new(build_types);

/// The process-wide table of built-in classes.
pub fn types() -> &'static Types {
    TYPES.get()
}

/// Creates a built-in class. `bases` must already have their MROs.
pub fn new_builtin_class(
    name: &str,
    bases: &[Rc<Class>],
    layout: Layout,
    builtin: Option<&'static BuiltinInfo>,
) -> Rc<Class> {
    let mro = match bases.first() {
        Some(b) => b.mro_with_self(),
        None => Vec::new(),
    };
    Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(PyStr::new(name)),
        module: PyStr::new("builtins"),
        bases: bases.to_vec(),
        mro,
        dict: Rc::new(Dict::new()),
        metaclass: None,
        layout,
        builtin,
        slots: None,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    })
}

/// A class whose instances a runtime module builds (`namedtuple` classes).
pub fn new_class_with(name: &str, module: &str, bases: &[Rc<Class>], info: &'static BuiltinInfo) -> Rc<Class> {
    let mro = crate::class::c3_mro(name, bases).unwrap_or_default();
    let cls = Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(PyStr::new(name)),
        module: PyStr::new(module),
        bases: bases.to_vec(),
        mro,
        dict: Rc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Builtin,
        builtin: Some(info),
        slots: None,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    });
    cls.dict.set_str("__module__", Value::str(module));
    cls
}

/// A class defined by a runtime module (`dataclasses.FrozenInstanceError`).
pub fn new_class_in(module: &str, name: &str, bases: &[Rc<Class>], layout: Layout) -> Rc<Class> {
    let mro = crate::class::c3_mro(name, bases).unwrap_or_default();
    let cls = Rc::new(Class {
        name: RefCell::new(PyStr::new(name)),
        qualname: RefCell::new(PyStr::new(name)),
        module: PyStr::new(module),
        bases: bases.to_vec(),
        mro,
        dict: Rc::new(Dict::new()),
        metaclass: None,
        layout,
        builtin: None,
        slots: None,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    });
    cls.dict.set_str("__module__", Value::str(module));
    cls
}

fn build_types() -> Types {
    use crate::builtins::ctors;
    let mut by_name: HashMap<&'static str, Rc<Class>> = HashMap::new();
    let object = new_builtin_class("object", &[], Layout::Object, Some(&ctors::OBJECT));
    by_name.insert("object", object.clone());
    let obj = std::slice::from_ref(&object);
    let mut builtin = |name: &'static str, info: &'static BuiltinInfo| {
        let c = new_builtin_class(name, obj, Layout::Builtin, Some(info));
        by_name.insert(name, c.clone());
        c
    };
    let type_ = builtin("type", &ctors::TYPE);
    let none = builtin("NoneType", &ctors::NONE);
    let not_implemented = builtin("NotImplementedType", &ctors::NO_NEW);
    let ellipsis = builtin("ellipsis", &ctors::NO_NEW);
    let int = builtin("int", &ctors::INT);
    let float = builtin("float", &ctors::FLOAT);
    let str_ = builtin("str", &ctors::STR);
    let list = builtin("list", &ctors::LIST);
    let tuple = builtin("tuple", &ctors::TUPLE);
    let dict = builtin("dict", &ctors::DICT);
    let set = builtin("set", &ctors::SET);
    let frozenset = builtin("frozenset", &ctors::FROZENSET);
    builtin("complex", &crate::complex::COMPLEX_NEW);
    let function = builtin("function", &ctors::NO_NEW);
    builtin("range", &ctors::RANGE);
    builtin("slice", &ctors::SLICE);
    builtin("bytes", &crate::bytes::BYTES);
    builtin("bytearray", &crate::bytes::BYTEARRAY);
    let bool_ = new_builtin_class("bool", std::slice::from_ref(&int), Layout::Builtin, Some(&ctors::BOOL));
    by_name.insert("bool", bool_.clone());

    for (name, parent) in EXCEPTIONS {
        let parent = by_name[parent].clone();
        let c = new_builtin_class(name, &[parent], Layout::Exception, Some(&ctors::EXCEPTION));
        by_name.insert(name, c);
    }
    // What failed lookups record (see `exc::name_error_for`); `None` on an
    // error made by hand.
    by_name["NameError"].dict.set_str("name", Value::None);
    by_name["AttributeError"].dict.set_str("name", Value::None);
    by_name["AttributeError"].dict.set_str("obj", Value::None);
    // ExceptionGroup derives from both BaseExceptionGroup and Exception.
    let eg_bases = vec![by_name["BaseExceptionGroup"].clone(), by_name["Exception"].clone()];
    let eg = Rc::new(Class {
        name: RefCell::new(PyStr::new("ExceptionGroup")),
        qualname: RefCell::new(PyStr::new("ExceptionGroup")),
        module: PyStr::new("builtins"),
        mro: crate::class::c3_mro("ExceptionGroup", &eg_bases).unwrap_or_default(),
        bases: eg_bases,
        dict: Rc::new(Dict::new()),
        metaclass: None,
        layout: Layout::Exception,
        builtin: Some(&ctors::EXCEPTION),
        slots: None,
        cache: Default::default(),
        id: crate::class::next_class_id(),
        attr_hint: Default::default(),
        keys: Default::default(),
    });
    by_name.insert("ExceptionGroup", eg);
    let e = |n: &str| by_name[n].clone();
    Types {
        base_exception: e("BaseException"),
        exception: e("Exception"),
        type_error: e("TypeError"),
        value_error: e("ValueError"),
        index_error: e("IndexError"),
        key_error: e("KeyError"),
        attribute_error: e("AttributeError"),
        name_error: e("NameError"),
        unbound_local_error: e("UnboundLocalError"),
        zero_division_error: e("ZeroDivisionError"),
        overflow_error: e("OverflowError"),
        runtime_error: e("RuntimeError"),
        not_implemented_error: e("NotImplementedError"),
        recursion_error: e("RecursionError"),
        assertion_error: e("AssertionError"),
        stop_iteration: e("StopIteration"),
        generator_exit: e("GeneratorExit"),
        system_exit: e("SystemExit"),
        keyboard_interrupt: e("KeyboardInterrupt"),
        os_error: e("OSError"),
        eof_error: e("EOFError"),
        memory_error: e("MemoryError"),
        lookup_error: e("LookupError"),
        import_error: e("ImportError"),
        object,
        type_,
        none,
        not_implemented,
        ellipsis,
        bool_,
        int,
        float,
        str_,
        list,
        tuple,
        dict,
        set,
        frozenset,
        function,
        by_name,
    }
}

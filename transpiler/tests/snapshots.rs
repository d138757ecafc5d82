//! Snapshot tests of the emitted Rust, for constructs whose lowering shape
//! matters (error propagation through `try`/`finally`, closures and cells,
//! direct calls). Each `snapshots/NAME.py` has a `snapshots/NAME.snap`
//! holding the Python input and the generated Rust together.
//! Re-bless with `UPDATE_SNAPSHOTS=1 cargo test -p py2rs --test snapshots`.

use std::path::Path;

/// The Rust py2rs emits for `py`, converted as `t.py`.
fn convert(py: &str) -> String {
    py2rs::transpile(py, &py2rs::Options { file_name: "t.py".into() }).expect("converts")
}

/// From the native module's start to the end of the file.
fn native_module(rust: &str) -> &str {
    let start = rust.find("pub(crate) mod native {").expect("a native module");
    &rust[start..]
}

/// Native code that has every text in `want` and none of `dynamic`.
fn assert_native(module: &str, want: &[&str], dynamic: &[&str]) {
    for w in want {
        assert!(module.contains(w), "missing `{w}` in:\n{module}");
    }
    for d in dynamic {
        assert!(!module.contains(d), "native code mentions `{d}`:\n{module}");
    }
}

fn render(py: &str, rust: &str) -> String {
    format!("---- python ----\n{py}---- rust ----\n{rust}")
}

#[test]
fn emitted_rust_matches_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("snapshot dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no snapshot inputs");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for input in inputs {
        let py = std::fs::read_to_string(&input).expect("readable input");
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        let rust = match py2rs::transpile(&py, &py2rs::Options { file_name: name.clone() }) {
            Ok(r) => r,
            Err(d) => {
                failures.push(format!("{name}: refused: {}", py2rs::diagnostics::render(&name, &py, &d)));
                continue;
            }
        };
        let got = render(&py, &rust);
        let snap = input.with_extension("snap");
        if update {
            std::fs::write(&snap, &got).expect("write snapshot");
            continue;
        }
        match std::fs::read_to_string(&snap) {
            Ok(want) if want == got => {}
            Ok(want) => {
                let first = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
                failures.push(format!(
                    "{name}: emitted Rust changed near line {}:\n  want: {}\n  got:  {}\n(re-bless with UPDATE_SNAPSHOTS=1)",
                    first + 1,
                    want.lines().nth(first).unwrap_or(""),
                    got.lines().nth(first).unwrap_or("")
                ));
            }
            Err(_) => failures.push(format!("{name}: no snapshot (run with UPDATE_SNAPSHOTS=1)")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The native tier's promise: a function whose types are proven lowers to
/// plain Rust arithmetic, with no dynamic `Value` and no runtime dispatch
/// inside it (only checked helpers from `rt::typed`).
#[test]
fn typed_numeric_functions_lower_to_plain_rust() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let py = std::fs::read_to_string(dir.join("native_numeric_loop.py")).expect("input");
    let rust = convert(&py);
    // The module ends where the next top-level item starts.
    let module = native_module(&rust);
    let end = module.find("\n}\n").map(|i| i + 3).unwrap_or(module.len());
    let module = &module[..end];
    assert_native(
        module,
        &[
            "fn norm(xs: rt::typed::Slice<'_, f64>, _depth: usize) -> NResult<f64>",
            "fn collatz_steps(mut n: i64",
            "fn longest(mut limit: i64",
        ],
        &["Value", "rt::ops", "rt::call", "rt::attr", "PyResult", "clone()"],
    );
    // Each dynamic function tries its native version first.
    assert!(rust.contains("native::longest("), "no native entry in:\n{rust}");
}

/// A str parameter is borrowed text and its characters are Rust `char`s:
/// a checksum over a str runs without a dynamic object.
#[test]
fn str_kernels_lower_to_plain_rust() {
    let py = "\
def checksum(s: str) -> int:
    h = 0
    for c in s:
        if c.isdigit() or c == \"x\":
            h = (h * 31 + ord(c)) % 1000000007
    return h
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &["mut s: rt::typed::Text<'_>", "for _item1 in s.chars()", "c == 'x'", "c as i64"],
        &["Value", "rt::ops", "PyStr", "clone()"],
    );
    assert!(rust.contains("rt::typed::str_arg(&s)"), "no str entry check in:\n{rust}");
}

/// Counting words into a dict: the words are pieces borrowed from the
/// argument, the dict is a native map, and only the returned dict becomes
/// a dynamic object. Lowering a str keeps it when nothing changes, else
/// keeps the new text in the function's arena.
#[test]
fn word_counts_lower_to_a_native_map() {
    let py = "\
def count_words(text):
    counts = {}
    for word in text.split():
        word = word.strip().lower()
        counts[word] = counts.get(word, 0) + 1
    return counts
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "-> NResult<Value>",
            "let _arena = rt::typed::Arena::default();",
            "rt::typed::Map<rt::typed::Text<'_>, i64>",
            "in text.split()",
            "word.strip().lower(&_arena)?",
            ".get(word).unwrap_or(0)",
            "counts.insert(word,",
            "return Ok(rt::typed::ToValue::to_value(counts));",
        ],
        &["rt::ops", "PyStr", "clone()", "rt::attr"],
    );
    assert!(rust.contains("rt::typed::str_arg(&text)"), "no str entry check in:\n{rust}");
}

/// Strs a native function builds live in its arena: `+=` appends in place
/// where it can, and the str returned becomes a dynamic one as it leaves
/// (the argument itself when it is one of them, unchanged).
#[test]
fn built_strs_lower_to_the_arena() {
    let py = "\
WORDS = [\"spam\", \"eggs\"]


def build(n: int) -> str:
    s = \"\"
    for i in range(n):
        s += WORDS[i % 2] + \" \"
    return s[1:]
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "const WORDS: &[rt::typed::Text<'static>] = &[",
            "rt::typed::Text::lit(\"spam\", 4)",
            "fn build(mut n: i64, _strs: &[&Value], _depth: usize) -> NResult<Value>",
            "s = rt::typed::concat(",
            "&rt::typed::concat(",
            "let _arena = rt::typed::Arena::default();",
            "return Ok(rt::typed::text_return(s.slice(Some(1), None), _strs));",
        ],
        &["rt::ops", "PyStr", "clone()", "globals::"],
    );
}

/// f-strings and `%` format native values with the runtime's formatters,
/// straight into one buffer; a returned join becomes a dynamic str
/// without passing through the arena.
#[test]
fn formatting_lowers_to_the_runtime_formatters() {
    let py = "\
def report(n: int, x: float) -> str:
    return \", \".join(f\"{i:03d}={x * i:.2f}\" for i in range(n)) + \"%5s|%d\" % (\"end\", n)


def lines(n: int) -> str:
    return \"\\n\".join(\"%d\" % i for i in range(n))
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "rt::typed::fmt_int(&mut _f",
            ", i, \"03d\")?;",
            "rt::typed::fmt_float(&mut _f",
            "rt::typed::percent(",
            "Value::Int(n)",
            "rt::typed::text_value(&rt::typed::Text::lit(\"end\", 3))",
            ".join_value(&_parts",
        ],
        &["rt::ops", "rt::fmt::", "clone()"],
    );
}

/// What native strs cannot express stays dynamic, saying why.
#[test]
fn str_operations_without_a_native_form_stay_dynamic() {
    let py = "\
def head(s: str) -> str:
    return s[0]


def odd(s: str) -> int:
    return len(s[::2])


def twice(s: str) -> int:
    return len(s * 2)


NAMES = [\"a\"]
print(NAMES)


def first() -> str:
    return NAMES[0]
";
    let lines = py2rs::explain_types(py, &py2rs::Options { file_name: "t.py".into() }).expect("parses");
    let want = [
        "1: head: dynamic: 2:5: it returns one character of a str",
        "5: odd: dynamic: 6:16: slicing a str with a step",
        "9: twice: dynamic: 10:16: str * int has no native type",
        "17: first: dynamic: 18:12: it reads the global 'NAMES', which is not a constant",
    ];
    assert_eq!(lines, want);
}

/// `--explain-types` names each module-level function's native signature,
/// or the construct (with its line and column) that kept it dynamic.
#[test]
fn explain_types_gives_types_and_reasons() {
    let py = "\
LIMIT = 10
items = [1]


def f(n: int) -> float:
    return n / 2


def g(n):
    return n + 1


def h(n: int) -> int:
    return n + items[0]


def k(x: float):
    print(x)
    return x
";
    let lines = py2rs::explain_types(py, &py2rs::Options { file_name: "t.py".into() }).expect("parses");
    let want = [
        "5: f: native (n: int) -> float",
        "9: g: native (n: int (guessed from use)) -> int",
        "13: h: dynamic: 14:16: it reads the global 'items', which is not a constant",
        "17: k: dynamic: 18:5: it calls print(), which has no native form",
    ];
    assert_eq!(lines, want);
}

/// A generator is flattened into a step function (`Generator::steps`)
/// only when nothing in its body can see what is sent or thrown in at a
/// `yield`; the rest keep the `async` body (`Generator::new`).
#[test]
fn generators_flatten_only_where_resumption_is_unobservable() {
    let py = "\
def loops(n):
    for i in range(n):
        while i:
            i -= 1
            if i == 2:
                break
            yield i
        else:
            yield 'else'


def handled(xs):
    for x in xs:
        try:
            yield x
        finally:
            print('cleanup')


def received():
    x = yield 1
    print(x)


def delegating(g):
    yield from g
    yield 'end'


def in_with(cm):
    with cm:
        yield 1
";
    let rust = convert(py);
    let body = |name: &str| {
        let start = rust.find(&format!("fn {name}(")).unwrap_or_else(|| panic!("no fn {name} in:\n{rust}"));
        let rest = &rust[start..];
        &rest[..rest.find("\n}\n").unwrap_or(rest.len())]
    };
    assert!(body("loops").contains("rt::generator::Generator::steps("), "not flattened:\n{}", body("loops"));
    for kept in ["handled", "received", "delegating", "in_with"] {
        let b = body(kept);
        assert!(b.contains("rt::generator::Generator::new(") && !b.contains("steps("), "{kept} flattened:\n{b}");
    }
}

/// A native self-call in accumulator position (`return a + f(x)`) is a
/// turn of a loop: fib makes one real recursive call per turn, not two.
#[test]
fn accumulating_self_calls_become_loops() {
    let py = "\
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def halves(x: float) -> float:
    if x < 1.0:
        return x
    return 1.0 + halves(x / 2.0)
";
    let rust = convert(py);
    let module = native_module(&rust);
    let fib = &module[module.find("fn fib(").expect("native fib")..module.find("fn halves(").expect("native halves")];
    assert_native(fib, &["'tail_call: loop {", "_acc = rt::typed::add(_acc, _part", "continue 'tail_call;"], &[]);
    assert_eq!(fib.matches("_bounded(").count(), 3, "one entry, one definition and one recursive call in:\n{fib}");
    // Float addition is not associative: no accumulator there.
    assert!(!module[module.find("fn halves(").unwrap_or(0)..].contains("tail_call"), "{module}");
}

/// Recursion that a guarded, decreasing int parameter bounds checks the
/// depth budget once on entry; recursion nothing bounds checks it in
/// every call.
#[test]
fn bounded_recursion_checks_its_depth_once() {
    let py = "\
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def down(n: int) -> int:
    if n == 0:
        return 0
    return down(n - 1) - 1


def double(n: int) -> int:
    return n * 2


def walk(n: int) -> int:
    if n < 1:
        return 0
    return double(n) + walk(n - 1)
";
    let rust = convert(py);
    let module = native_module(&rust);
    let split = module.find("fn down(").expect("native down");
    let split_walk = module.find("fn walk(").expect("native walk");
    let (fib, down, walk) = (&module[..split], &module[split..split_walk], &module[split_walk..]);
    // fib's body calls only itself, so it goes without the budget.
    assert_native(
        fib,
        &["if rt::typed::depth_needed(n, 2) > _depth {", "fn _bounded(mut n: i64) -> NResult<i64>"],
        &["_depth == 0", "_depth - 1"],
    );
    // walk's calls `double`, which still spends it.
    assert_native(
        walk,
        &[
            "if rt::typed::depth_needed(n, 1) > _depth {",
            "fn _bounded(mut n: i64, mut _depth: usize)",
            "double(n, _depth - 1)?",
        ],
        &["_depth == 0"],
    );
    assert_native(
        down,
        &["if _depth == 0 {", "down(rt::typed::sub(n, 1)?, _depth - 1)?"],
        &["depth_needed", "_bounded"],
    );
}

/// A pipeline of generators consumed by a module-level loop: each
/// generator is a native step function over `i64`s typed by its native
/// callers, the loop runs natively on the module variables it reads, and
/// the dynamic loop and generators stay for when the native ones cannot
/// run.
#[test]
fn generator_pipelines_lower_to_native_steps() {
    let py = "\
def numbers(n):
    for i in range(n):
        yield i

def pairs(xs):
    prev = None
    for x in xs:
        if prev is not None:
            yield prev, x
        prev = x

total = 0
for a, b in pairs(numbers(10)):
    total += b - a
print(total)
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "fn numbers(mut n: i64, _depth: usize) -> NResult<impl Step<i64>>",
            "fn pairs(",
            "mut xs: impl Step<i64>,",
            "-> NResult<impl Step<(i64, i64)>>",
            "let mut prev: Option<i64> = None;",
            "if !prev.is_some()",
            "return Ok(Some((prev.ok_or(Bail)?, x)));",
            "fn loop_13(",
            "-> NResult<(Option<i64>, Option<i64>, i64)>",
            "pairs(numbers(10, _depth - 1)?, _depth - 1)?",
        ],
        &["Value", "rt::ops", "rt::iter", "PyResult", "clone()"],
    );
    // The module runs the native loop when `total` holds an int, and the
    // dynamic generators are still generated for dynamic callers.
    for want in [
        "rt::typed::global_arg::<i64>(&globals::total)",
        "native::loop_13(",
        "globals::total.set(rt::typed::ToValue::to_value(total));",
        "rt::generator::Generator::steps",
    ] {
        assert!(rust.contains(want), "missing `{want}` in:\n{rust}");
    }
}

#[test]
fn fixed_layout_methods_use_fields_by_index_and_call_directly() {
    let py = "\
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other: \"Vec\"):
        return Vec(self.x + other.x, self.y + other.y)

    def grow(self, k: int):
        self.x += k


class Shape:
    def __init__(self):
        self.sides = 4

    def area(self):
        return 1


class Square(Shape):
    pass


v = Vec(1, 2).add(Vec(3, 4))
v.grow(1)
print(v.x, v.y)
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "pub(crate) static Vec__layout: rt::typed::Fixed = rt::typed::Fixed::new(",
            "&[\"x\", \"y\"],",
            // The class is sealed only if its methods are these defs.
            "&[(\"__init__\", \"Vec.__init__\"), (\"add\", \"Vec.add\"), (\"grow\", \"Vec.grow\")],",
            "pub(crate) fn Vec__add(",
            "other: rt::typed::Obj,",
            ") -> NResult<rt::typed::Obj> {",
            "rt::typed::Obj::new(&Vec__layout)?,",
            "rt::typed::add(self_.get::<i64>(0)?, other.get::<i64>(0)?)?",
            "pub(crate) fn Vec__grow(",
            ") -> NResult<()> {",
            "self_.set(0, _v1)?;",
            "_o1.set(0, _v4)?;",
        ],
        &["rt::ops", "rt::attr", "PyResult", "getattr"],
    );
    // The class statement seals the layout; the dynamic methods try the
    // native ones on instances of exactly the class, and undo the writes
    // of a native call that bails.
    for want in [
        "native::Vec__layout.seal(&_decorated);",
        "rt::typed::Obj::check(&self_, &native::Vec__layout)",
        "let _mark = rt::fixed::mark();",
        "Err(_) => rt::fixed::undo(_mark),",
        // A dynamic call of a method with a native version goes straight to
        // it when the receiver is an instance of exactly that class.
        "if native::Vec__layout.holds(",
        "crate::Vec_::grow(",
    ] {
        assert!(rust.contains(want), "missing `{want}` in:\n{rust}");
    }
    // A class whose base has a fixed layout has one too: the base's defs
    // run natively on its instances as functions of their own, which the
    // base's dynamic methods try in turn. A method that writes no field
    // (nor calls one that does) keeps no journal.
    for want in [
        "pub(crate) static Square__layout: rt::typed::Fixed = rt::typed::Fixed::new(",
        "&[(\"__init__\", \"Shape.__init__\"), (\"area\", \"Shape.area\")],",
        "pub(crate) fn Square____init__(",
        "pub(crate) fn Square__area(self_: rt::typed::Obj, _depth: usize) -> NResult<i64> {",
        "rt::typed::Obj::check(&self_, &native::Square__layout),",
        "if let Ok(r) = native::Shape__area(self__native, rt::typed::depth_budget()) {",
    ] {
        assert!(rust.contains(want), "missing `{want}` in:\n{rust}");
    }
}

/// A plain dataclass gets its generated `__init__` as a def, so it is a
/// fixed-layout class like any other: its fields are read by index and its
/// `__init__` runs natively. The decorator still runs on the class before
/// it is sealed; a dataclass with an option that changes `__init__` is not
/// written out, and says why.
#[test]
fn plain_dataclasses_have_fixed_fields() {
    let py = "\
from dataclasses import dataclass


@dataclass
class Vec:
    x: float
    y: float = 0.0

    def dot(self, other: \"Vec\") -> float:
        return self.x * other.x + self.y * other.y


@dataclass(frozen=True)
class Frozen:
    x: int


print(Vec(1.0, 2.0).dot(Vec(3.0)))
";
    let rust = convert(py);
    let module = native_module(&rust);
    assert_native(
        module,
        &[
            "pub(crate) static Vec__layout: rt::typed::Fixed = rt::typed::Fixed::new(",
            "&[\"x\", \"y\"],",
            "&[(\"__init__\", \"Vec.__init__\"), (\"dot\", \"Vec.dot\")],",
            "pub(crate) fn Vec____init__(",
            "mut x: f64,",
            "self_.set(0, _v1)?;",
            "self_.get::<f64>(0)? * other.get::<f64>(0)?",
        ],
        &["rt::ops", "rt::attr", "PyResult", "getattr", "Frozen__layout"],
    );
    let decorated = rust.find("let _decorated = ").expect("a decorated class");
    let sealed = rust.find("native::Vec__layout.seal(&_decorated);").expect("the layout is sealed");
    assert!(decorated < sealed, "sealed before the decorator ran:\n{rust}");
    let explained = py2rs::explain_types(py, &py2rs::Options { file_name: "t.py".into() }).expect("explains");
    let frozen = explained.iter().find(|l| l.contains("class Frozen")).expect("Frozen explained");
    assert!(
        frozen.ends_with("it is a dataclass whose __init__ is made at run time: its option frozen changes __init__"),
        "{frozen}"
    );
}

#[test]
fn explain_types_describes_fixed_layout_classes() {
    let py = "\
class P:
    def __init__(self, x: int):
        self.x = x
        self.tag = None

    def double(self):
        return P(self.x * 2)

    def show(self):
        print(self.x)

    def label(self):
        return self.tag + 1


class Q(P):
    pass


class Hooked:
    def __init_subclass__(cls):
        pass


class R(Hooked):
    pass


class S(P, Hooked):
    pass


class T(int):
    pass


class U(P):
    __slots__ = (\"y\",)
";
    let lines = py2rs::explain_types(py, &py2rs::Options { file_name: "t.py".into() }).expect("parses");
    let want = [
        "1: class P: fixed layout, fields x: int, tag: None",
        "2: P.__init__: native (self: P, x: int) -> None",
        "6: P.double: native (self: P) -> P",
        "9: P.show: dynamic: 10:9: it calls print(), which has no native form",
        "12: P.label: dynamic: 13:16: the field P.tag may hold None",
        "16: class Q: fixed layout, fields x: int, tag: None",
        "16: Q.__init__, inherited from P: native (self: Q, x: int) -> None",
        "16: Q.double, inherited from P: native (self: Q) -> P",
        "16: Q.label, inherited from P: dynamic: 13:16: the field Q.tag may hold None",
        "16: Q.show, inherited from P: dynamic: 10:9: it calls print(), which has no native form",
        "20: class Hooked: fixed layout, no fields",
        "25: class R: dynamic: 25:9: its base class Hooked defines __init_subclass__",
        "29: class S: dynamic: 29:12: it has more than one base class",
        "33: class T: dynamic: 33:9: its base class int is not a fixed-layout class",
        "37: class U: dynamic: 37:1: it declares __slots__ and has a base class",
    ];
    assert_eq!(lines, want);
}

/// A long module body is split into parts, called in source order, each
/// in its own module; a short one stays one function.
#[test]
fn long_module_body_runs_in_parts() {
    let py = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/core/long_module.py"))
        .expect("the long_module sample");
    let rust = convert(&py);
    let body = &rust[rust.find("fn module_body()").expect("a module body")..];
    let body = &body[..body.find("\n}\n").expect("its end")];
    let calls: Vec<&str> = body.lines().filter_map(|l| l.trim().strip_suffix("::run()?;")).collect();
    assert!(calls.len() >= 3, "expected parts, got:\n{body}");
    let mut previous_end = 0;
    for name in &calls {
        let lines: Vec<usize> =
            name.strip_prefix("module_lines_").expect("a part name").split('_').map(|n| n.parse().unwrap()).collect();
        assert!(lines[0] > previous_end && lines[1] >= lines[0], "parts out of order: {calls:?}");
        previous_end = lines[1];
        assert_eq!(rust.matches(&format!("mod {name} {{")).count(), 1, "{name} defined once");
    }
    // The late `Ledger("late")` statement is in the last part, not the first.
    let last = &rust[rust.find(&format!("mod {} {{", calls[calls.len() - 1])).unwrap()..];
    assert!(last.contains("\"late\""));
    let short = convert("x = 1\nprint(x)\n");
    assert!(!short.contains("mod module_lines_") && short.contains("fn module_body()"));
}

/// A field holding an instance or None is tested in place by native
/// methods (`is None` reads it without bailing), set back to None, and
/// walked through by a local that holds an instance or None.
#[test]
fn optional_instance_fields_are_tested_in_place() {
    let py = "\
class Cell:
    def __init__(self, value):
        self.value = value
        self.next = None


class Stack:
    def __init__(self):
        self.top = None

    def push(self, value):
        cell = Cell(value)
        if self.top is not None:
            cell.next = self.top
        self.top = cell

    def clear(self):
        self.top = None

    def total(self):
        t = 0
        node = self.top
        while node is not None:
            t += node.value
            node = node.next
        return t

    def second(self):
        if self.top is None:
            return None
        return self.top.next


def size(node: \"Cell | None\") -> int:
    if node is None:
        return 0
    return 1 + size(node.next)


s = Stack()
s.push(1)
print(s.total(), size(s.top), s.second())
s.clear()
";
    let rust = convert(py);
    assert_native(
        native_module(&rust),
        &[
            "fn Stack__push(",
            "if !self_.is_none_at(0)? {",
            "let _v1 = self_.get_obj(0, &Cell__layout)?;",
            "cell.set_obj(1, _v1, &Cell__layout)?;",
            "fn Stack__clear(",
            "self_.set_none_obj(0, &Cell__layout)?;",
            // A local holding a cell or None reads the next one as it is.
            "let mut node: Option<rt::typed::Obj> = None;",
            "node = self_.get_opt_obj(0, &Cell__layout)?;",
            "while node.is_some() {",
            "node = node.as_ref().ok_or(Bail)?.get_opt_obj(1, &Cell__layout)?;",
            // A method returning a cell or None.
            "fn Stack__second(",
            ") -> NResult<Option<rt::typed::Obj>> {",
            "return Ok(None);",
            // A parameter annotated `Cell | None` takes either.
            "fn size(node: Option<rt::typed::Obj>, _depth: usize) -> NResult<i64>",
            "node.as_ref().ok_or(Bail)?.get_opt_obj(1, &Cell__layout)?,",
        ],
        &["rt::attr", "getattr", "rt::ops"],
    );
    assert!(rust.contains("rt::typed::Obj::check_opt(&node, &native::Cell__layout)"));
}

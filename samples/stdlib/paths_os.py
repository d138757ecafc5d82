# os, os.path and pathlib basics, in a scratch directory the program makes.
import os
import os.path
from os.path import join, splitext
from pathlib import Path

print(join("a", "b", "c.txt"), join("a/", "/abs", "x"), join("", "y"))
print(os.path.split("a/b/c.txt"), os.path.split("/top"), os.path.split("plain"))
print(os.path.basename("dir/file.tar.gz"), os.path.dirname("dir/sub/file"), os.path.dirname("file"))
print(splitext("dir/file.tar.gz"), splitext(".bashrc"), splitext("no_ext"), splitext("a.b/c"))
print(os.path.normpath("a//b/./c/../d/"), os.path.isabs("/x"), os.path.isabs("x"), os.sep)
print(os.path.abspath("sub/../f.txt") == os.path.join(os.getcwd(), "f.txt"))

base = "paths_os_scratch"
os.makedirs(os.path.join(base, "deep", "er"), exist_ok=True)
os.makedirs(os.path.join(base, "deep"), exist_ok=True)
try:
    os.makedirs(base)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename)
with open(os.path.join(base, "notes.txt"), "w") as f:
    f.write("first\nsecond\n")
print(os.path.exists(base), os.path.isdir(base), os.path.isfile(base))
print(os.path.isfile(join(base, "notes.txt")), os.path.exists(join(base, "missing")))
print(sorted(os.listdir(base)), os.path.getsize(join(base, "notes.txt")))
os.remove(join(base, "notes.txt"))
print(sorted(os.listdir(base)))
try:
    os.remove(join(base, "notes.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e)
print(os.environ.get("PY2RS_SURELY_UNSET_VARIABLE"), os.environ.get("PY2RS_SURELY_UNSET_VARIABLE", "dflt"))
print(os.getenv("PY2RS_SURELY_UNSET_VARIABLE", "fallback"), type(os.getcwd()).__name__)

p = Path(base) / "data" / "report.final.csv"
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parent.parent)
print(p.parts, Path("/usr/lib").parts, Path("a//b/./c/"), Path(), Path("."), repr(Path("/")))
print(Path("x") / "/abs", "pre" / Path("post"), Path("a", "b", "c"), Path("a").joinpath("b", "c"))
print(p.with_suffix(".txt"), p.with_name("other.json"), Path("f.tar.gz").with_stem("g"))
print(Path("a/b") == Path("a//b/"), Path("a") < Path("b"), len({Path("a"), Path("a/")}))
print(isinstance(p, Path), type(p).__name__, str(Path("rel/x.py")), f"{Path('f')}")
print(Path("x.py").is_absolute(), Path("/x.py").is_absolute(), Path("noext").suffix == "")

p.parent.mkdir(parents=True, exist_ok=True)
print(p.write_text("id,score\n1,9\n2,7\n"), p.exists(), p.is_file(), p.is_dir(), p.parent.is_dir())
print(p.read_text().splitlines())
blob = p.with_suffix(".bin")
print(blob.write_bytes(bytes([0, 1, 2, 255])), blob.read_bytes())
with p.open() as fh:
    print(fh.readline().strip())
with open(blob, "rb") as fh:
    print(fh.read(2))
print(sorted(q.name for q in p.parent.iterdir()))
print(sorted(str(q) for q in Path(base).iterdir()))
blob.unlink()
blob.unlink(missing_ok=True)
print(blob.exists(), sorted(x.name for x in p.parent.iterdir()))
try:
    Path(base).mkdir()
except FileExistsError as e:
    print("FileExistsError", e)
try:
    blob.read_bytes()
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename == str(blob))
p.unlink()
print(sorted(os.listdir(p.parent)))
p.parent.rmdir()
os.rmdir(join(base, "deep", "er"))
os.rmdir(join(base, "deep"))
Path(base).rmdir()
print(os.path.exists(base))

# bytes: literals, constructors, repr, indexing, slicing, operators, methods.
data = b"hello\x00\xff\t\n'"
print(data, len(data), type(data).__name__)
print(b'say "hi"', b"it's", b"both ' and \"", b"\\back")
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(b"xy"))
print(bytes(range(5)), bytes(), bytes("abc", encoding="ascii"))
print(data[0], data[-1], data[1:4], data[::-2], data[100:])
print(list(b"abc"), [x + 1 for x in b"\x01\x02"])
print(104 in data, b"ell" in data, b"xyz" in data, b"" in data)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"-", b"abc" == b"abc", b"abc" < b"abd", b"b" > b"abc")
print(b"abc" == "abc", b"" == b"", bool(b""), bool(b"\x00"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], len({b"a", b"a", b"b"}))
print(b"\xde\xad\xbe\xef".hex(), b"\x01\x02\x03".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2))
print(bytes.fromhex("de ad BE ef"), bytes.fromhex(""))
s = b"  one two  three "
print(s.split(), s.strip(), s.lstrip(), s.rstrip(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1))
print(b"a,b,c".rsplit(b",", 1), b"xxhixx".strip(b"x"), b"-".join([b"a", b"b", b"c"]))
print(s.find(b"two"), s.find(b"zzz"), s.find(111), s.index(b"t"), s.count(b"e"), b"aaa".count(b""))
print(b"abcabc".rfind(b"bc"), b"abcabc".find(b"bc", 2), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"", 1), b"ab".replace(b"", b"."))
print(b"MiXeD".upper(), b"MiXeD".lower(), b"123".isdigit(), b"12a".isdigit(), b"abc".isalpha(), b"".isalpha())
print("héllo €".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"))
print("naïve".encode("ascii", errors="replace"), "naïve".encode("ascii", "ignore"), "€".encode("ascii", "backslashreplace"))
print(b"h\xc3\xa9llo".decode(), b"h\xe9llo".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
print(str(b"abc"), f"{b'x'}", repr(b"q"), str(b"caf\xc3\xa9", "utf-8"))
print(isinstance(data, bytes), isinstance(data, bytearray), isinstance(bytearray(), bytes))
for v in [b"raw", bytearray(b"mut"), "text", 7]:
    match v:
        case bytes():
            print("bytes", v)
        case bytearray(x):
            print("bytearray", x)
        case _:
            print("other", v)
for bad in [lambda: data[99], lambda: bytes([256]), lambda: bytes("x"), lambda: b"a" + "b",
            lambda: bytes.fromhex("zz"), lambda: "é".encode("ascii"), lambda: b"x".index(b"y"),
            lambda: bytes(1.5), lambda: "a" in b"abc", lambda: b"\xe2\x82".decode()]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(b" a b c ".split(None, 1), b" a b c ".rsplit(None, 1), b"a,b,c".rsplit(b",", 0), b"abab".rsplit(b"ab"))
print(int(b"12"), int(bytearray(b"ff"), 16), ord(b"A"), sorted([b"b", b"a", b"ab"]), "%s" % b"x")
print(b"\x80abc".decode("utf-8"))

# bytearray: a mutable bytes buffer.
buf = bytearray(b"hello")
print(buf, len(buf), type(buf).__name__, buf == b"hello", b"hello" == buf)
buf.append(33)
buf.extend(b" ok")
buf.extend([65, 66])
print(buf)
buf[0] = 72
buf[-1] = ord("Z")
print(buf, buf[0], buf[-2])
buf[1:5] = b"EY"
print(buf)
buf[::2] = bytes(len(buf[::2]))
print(buf)
del buf[0]
del buf[::3]
print(buf)
buf += b"++"
alias = buf
alias += bytearray(b"!")
print(buf, alias is buf)
buf *= 2
print(buf, buf.pop(), buf.pop(0), buf)
buf.insert(0, 120)
buf.insert(100, 121)
buf.remove(43)
print(buf)
buf.reverse()
print(buf, buf.copy() == buf, buf.copy() is buf)
buf.clear()
print(buf, len(buf), bool(buf))
ba = bytearray(4)
ba2 = bytearray([1, 2, 3])
ba3 = bytearray("héllo", "utf-8")
print(ba, ba2, ba3, ba3.decode(), bytearray(b"x") + b"y", b"x" + bytearray(b"y"))
print(bytearray(b"a b  c").split(), bytearray(b"abc").upper(), bytearray(b"--x--").strip(b"-"))
print(bytearray.fromhex("0a0b"), bytearray(b"\x00\xff").hex(), bytes(bytearray(b"conv")))
counts = bytearray(3)
for ch in b"abacab":
    counts[ch - ord("a")] += 1
print(list(counts))
print(isinstance(ba, bytearray), isinstance(ba, bytes), bytearray(b"ab") < bytearray(b"b"))
for bad in [lambda: hash(bytearray(b"x")), lambda: ba.append(256), lambda: ba.append("a"),
            lambda: bytearray(b"")[0], lambda: bytearray().pop(), lambda: ba.remove(9),
            lambda: ba.__setitem__(0, -1), lambda: bytearray(b"ab").extend(5)]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
frozen = b"abc"
try:
    frozen[0] = 1
except TypeError as e:
    print("TypeError", e)
print({bytes(bytearray(b"key")): 1})

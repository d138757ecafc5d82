# Binary file I/O: write bytes, read them back whole, in chunks and by lines.
NAME = "binary_files_sample.bin"

payload = bytes(range(256)) * 3 + "line one\nline two\r\nlast".encode()
with open(NAME, "wb") as f:
    print(f)
    print(f.write(payload[:500]), f.write(bytearray(payload[500:])))
    print(f.closed, f.mode, f.name)
print(f.closed)

with open(NAME, "rb") as f:
    print(f, f.readable(), f.writable())
    whole = f.read()
print(len(whole), whole == payload, whole[:8], whole[-24:])

total = 0
chunks = []
with open(NAME, "rb") as f:
    while chunk := f.read(100):
        total += len(chunk)
        chunks.append(len(chunk))
    print(f.read(), f.read(10), f.readline())
print(total, chunks, chunks[-1])

checksum = 0
with open(NAME, "rb") as f:
    head = f.read(768)
    for line in f:
        print(repr(line), line.rstrip(b"\r\n").decode())
    checksum = sum(head) % 65536
print(checksum, head.count(b"\x00"), head.find(b"\xff\x00"))

with open(NAME, "ab") as f:
    print(f.write(b"\n-- appended --\n"))
with open(NAME, "rb") as f:
    f.read(768)
    print(f.readlines())

text_name = "binary_files_sample.txt"
with open(text_name, "w", encoding="latin-1") as t:
    t.write("café au lait\n")
with open(text_name, "rb") as f:
    raw = f.read()
print(raw, raw.decode("latin-1"))
with open(text_name, encoding="latin-1") as t:
    print(t.read().upper(), end="")

records = [(1, 300), (2, -5), (65535, 70000)]
with open(NAME, "wb") as f:
    for key, val in records:
        f.write(key.to_bytes(2, "big") + val.to_bytes(4, "little", signed=True))
with open(NAME, "rb") as f:
    while rec := f.read(6):
        print(int.from_bytes(rec[:2], "big"), int.from_bytes(rec[2:], "little", signed=True), f.tell())
    print(f.seek(6), f.read(2), f.seek(-4, 2), f.read().hex(" "))

for action in ("write-text-to-binary", "write-bytes-to-text", "read-closed", "encoding-in-binary"):
    try:
        if action == "write-text-to-binary":
            with open(NAME, "wb") as f:
                f.write("not bytes")
        elif action == "write-bytes-to-text":
            with open(text_name, "w") as t:
                t.write(b"bytes")
        elif action == "read-closed":
            f = open(NAME, "rb")
            f.close()
            f.read()
        else:
            open(NAME, "rb", encoding="utf-8")
    except (TypeError, ValueError) as e:
        print(action, type(e).__name__, e)

with open(text_name, "wb") as f:
    f.write(b"caf\xe9\n")
with open(text_name) as t:
    t.read()

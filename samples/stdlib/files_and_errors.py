with open("large.txt", "w") as f:
    for i in range(300):
        f.write(f"line {i}: " + "x" * (i % 37) + "\n")

def process(chunk):
    return chunk.count("\n")

total = 0
chunks = 0
with open("large.txt") as f:
    while chunk := f.read(4096):
        total += process(chunk)
        chunks += 1
print(total, chunks)
with open("large.txt") as f:
    first = f.readline()
    rest = [line.rstrip("\n") for line in f]
print(repr(first), len(rest), rest[-1])
with open("large.txt", "a") as f:
    print("appended", file=f)
print(open("large.txt").read().splitlines()[-1])
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
f = open("large.txt")
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
open("nope/x.txt")

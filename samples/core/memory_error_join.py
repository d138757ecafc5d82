# A str that would need terabytes is a MemoryError, as in CPython (whose
# malloc refuses it), whether join() or repetition builds it; the program
# goes on after catching it.
p = "12 34 5"
for step in range(6):
    words = p.split()
    try:
        p += p.join(words)
    except MemoryError as e:
        print("join:", type(e).__name__, repr(str(e)), "at step", step, "words", len(words))
        break
try:
    s = "ab" * 10**13
except MemoryError as e:
    print("repeat:", type(e).__name__)
print(len(p), p[:20])
print(" ".join(["x"] * 3), "-".join([]))

# Chapter 11.6: reading a file in chunks with the walrus operator (the
# chapter's loop, verbatim), on a file the program writes itself.
def process(chunk):
    global chunks, newlines
    chunks += 1
    newlines += chunk.count("\n")


with open("large.txt", "w") as out:
    for i in range(2000):
        out.write(f"{i:05d} " + "abcdefghij" * (i % 7) + "\n")

chunks = 0
newlines = 0
# read chunks until empty
with open("large.txt") as f:
    while chunk := f.read(4096):
        process(chunk)
print(chunks, "chunks,", newlines, "lines")

sizes = []
with open("large.txt") as f:
    while (line := f.readline()) and len(sizes) < 5:
        sizes.append(len(line))
print(sizes, line.strip()[:5])
print(f"{chunks=}, {newlines = }, {chunks * 4096 >= newlines=}")

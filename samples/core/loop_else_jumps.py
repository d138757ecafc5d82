# break and continue in a loop's else clause belong to the enclosing loop.
def find_pairs(rows):
    out = []
    for row in rows:
        for x in row:
            if x < 0:
                break
        else:
            if sum(row) > 10:
                out.append(("big", row))
                continue
            out.append(("ok", row))
            while row:
                row = row[1:]
            else:
                if len(out) > 2:
                    break
    return out


print(find_pairs([[1, 2], [3, -1], [5, 9], [0], [7], [8]]))
i = 0
while i < 5:
    i += 1
    for j in range(3):
        if j == i:
            break
    else:
        if i == 4:
            break
        continue
    print("inner broke at", i)
print("i =", i)

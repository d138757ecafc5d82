# Recursion: Hanoi, permutations, quicksort, memoised Fibonacci, flood fill.
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])

def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([x] + rest)
    return result

print(permutations([1, 2, 3]), len(permutations(list("abcde"))))

def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])

print(quicksort([5, 2, 9, 1, 5, 6, -3, 0]))
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    value = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = value
    return value

print(fib(90), fib(150))
grid = [list(row) for row in ["..#..", ".##..", "....#", "##..."]]
def fill(r, c):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    grid[r][c] = "o"
    return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)

print(fill(0, 0), ["".join(row) for row in grid])
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3), sum(ackermann(1, k) for k in range(5)))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4, [5]]]], 6])))

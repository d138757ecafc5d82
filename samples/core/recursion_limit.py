import sys
def depth(n):
    return depth(n + 1) + 1 if n < 500 else n
print(depth(0))
def runaway(n):
    return runaway(n + 1)
try:
    runaway(0)
except RecursionError as e:
    print("caught:", e)
sys.setrecursionlimit(20000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(15000))
runaway(0)

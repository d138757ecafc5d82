# Lists and tuples: slicing, slice assignment, del, sorting, errors.
nums = list(range(10))
print(nums[2:7], nums[::3], nums[::-2], nums[-3:], nums[7:2:-1], nums[:-7:-1])
nums[2:5] = ["a", "b"]
print(nums, len(nums))
nums[::2] = [0] * len(nums[::2])
print(nums)
del nums[1], nums[-1]
print(nums)
del nums[::3]
print(nums)
nums[1:1] = [100, 200]
print(nums, nums.index(200), nums.count(0))
data = [("pear", 3), ("apple", 3), ("fig", 1), ("kiwi", 2)]
print(sorted(data, key=lambda p: p[1]), sorted(data), sorted(data, key=lambda p: (-p[1], p[0])))
data.sort(key=lambda p: p[0], reverse=True)
print(data)
stack = [1, 2, 3]
stack.append(4); stack.extend([5, 6]); stack.insert(0, 0); stack.insert(-1, 99)
print(stack, stack.pop(), stack.pop(0), stack, stack.remove(99), stack)
t = (1, 2, 3) + (4,)
print(t, t * 2, t[1:3], t[::-1], len(t), 3 in t, t.index(4), (1,), ())
print([1, 2] * 3, [[0] * 2] * 2, list("abc"), tuple([1, 2]), [1, [2, [3, [4]]]])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[::-1] for row in grid[::-1]], list(zip(*grid)))
a = [3, 1, 2]
b = a
b += [4]
print(a, a is b, sorted(a), a.copy() == a, a.copy() is a, [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
try:
    [1, 2, 3][10]
except IndexError as e:
    print("IndexError:", e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
x = [1, 2, 3]
x[1:2] = "ab"
print(x)
x[::2] = [9]

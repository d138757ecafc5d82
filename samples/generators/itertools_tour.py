from itertools import count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice, pairwise, batched, starmap, zip_longest, product, permutations, combinations, combinations_with_replacement, groupby
import itertools
print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(repeat("x", 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3]])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))), list(islice("abcdefg", 1, 6, 2)), list(pairwise("abcd")))
print(list(batched(range(7), 3)), list(starmap(pow, [(2, 3), (3, 2)])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(product("ab", [1, 2])), len(list(product(range(3), repeat=2))))
print(list(permutations("abc", 2)), list(combinations(range(4), 2)), list(combinations_with_replacement("ab", 2)))
for k, g in groupby("aaabbcdd"):
    print(k, list(g))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print([(k, len(list(g))) for k, g in groupby(data, key=lambda w: w[0])])
print(list(itertools.permutations(range(3))))

"""statistics: averages, spreads, quantiles and regressions, exact where
CPython 3.12 is exact (results and their types), with its error messages."""

import statistics
from fractions import Fraction
from statistics import StatisticsError


def show(label, thunk):
    try:
        r = thunk()
        print(label, "->", repr(r), type(r).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


ints = [1, 2, 3, 4]
odd = [1, 3, 5, 7, 9]
floats = [0.1, 0.2, 0.3, 0.4, 0.7]
fracs = [Fraction(1, 3), Fraction(1, 2), Fraction(5, 6), Fraction(-1, 4)]
mixed = [1, 2.5, Fraction(1, 2)]
big = [10**20, 10**20 + 1, 10**20 + 3]
special = [1.0, float("inf")]
nan = [1.0, float("nan"), 3.0]
bools = [True, False, True]
datasets = {"ints": ints, "odd": odd, "floats": floats, "fracs": fracs, "mixed": mixed, "big": big,
            "special": special, "nan": nan, "bools": bools, "one": [5], "empty": [], "neg": [-3, -1, 4],
            "dup": [2, 2, 3, 3, 3, 1], "tuple": (1.5, 2.5, 2.5, 9.0), "range": range(1, 11),
            "strs": ["a", "b"], "onefloat": [2.5], "zeros": [0, 0, 0]}
functions = ["mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low", "median_high",
             "median_grouped", "mode", "multimode", "pvariance", "variance", "pstdev", "stdev"]
for name, data in datasets.items():
    for fn in functions:
        show(f"{fn}({name})", lambda: getattr(statistics, fn)(data))

print(statistics.mean(x for x in [1, 2, 3, 4, 5, 6]))
print(statistics.mean(iter([Fraction(1, 2), Fraction(1, 3)])))
print(statistics.mean([1e308, 1e308]))
show("fmean overflow", lambda: statistics.fmean([1e308, 1e308]))
print(statistics.mean([0.1] * 10), statistics.fmean([0.1] * 10), sum([0.1] * 10) / 10)
print(statistics.variance([0.1, 0.2, 0.3]), statistics.stdev([0.1, 0.2, 0.3]))
print(statistics.pvariance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), statistics.stdev([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
print(statistics.variance([10**30, 10**30 + 2, 10**30 + 7]), statistics.stdev([10**30, 10**30 + 2, 10**30 + 7]))
data = [1, 2, 4, 7, 11, 16]
m = statistics.mean(data)
print(m, statistics.variance(data, m), statistics.variance(data, 5), statistics.pvariance(data, 6.0),
      statistics.stdev(data, 6), statistics.pstdev(data, Fraction(13, 2)))
show("variance with str xbar", lambda: statistics.variance(data, "x"))
show("stdev(special)", lambda: statistics.stdev([1.0, 2.0, float("inf")]))
show("mean(strs)", lambda: statistics.mean(["1", "2"]))
show("mean(None)", lambda: statistics.mean(None))
show("mean([1, 1j])", lambda: statistics.mean([1, 1j]))
show("variance(5)", lambda: statistics.variance(5))

# Weighted means.
print(statistics.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(statistics.fmean([1, 2, 3], [3, 2, 1]), statistics.fmean(iter([1.5, 2.5]), weights=iter([1, 3])))
show("fmean weights length", lambda: statistics.fmean([1, 2], [1]))
show("fmean zero weights", lambda: statistics.fmean([1, 2], [0, 0]))
show("fmean(iter([]))", lambda: statistics.fmean(iter([])))
print(statistics.harmonic_mean([40, 60], weights=[5, 30]), statistics.harmonic_mean([2.5, 3, 10]))
print(statistics.harmonic_mean([Fraction(1, 2), Fraction(1, 3)]), statistics.harmonic_mean([1, 0, 3]))
print(statistics.harmonic_mean(iter([1, 2, 4])), statistics.harmonic_mean([2, 4], weights=iter([1, 1])))
show("harmonic_mean neg", lambda: statistics.harmonic_mean([1, -2]))
show("harmonic_mean neg weight", lambda: statistics.harmonic_mean([1, 2], [1, -1]))
show("harmonic_mean weights count", lambda: statistics.harmonic_mean([1, 2], [1]))
show("harmonic_mean zero weights", lambda: statistics.harmonic_mean([1, 2], [0, 0]))
show("harmonic_mean(['a'])", lambda: statistics.harmonic_mean(["a"]))
show("harmonic_mean([-1])", lambda: statistics.harmonic_mean([-1]))
print(statistics.geometric_mean([54, 24, 36]), statistics.geometric_mean([Fraction(1, 2), 8]))
show("geometric_mean([1, 0])", lambda: statistics.geometric_mean([1, 0]))
show("geometric_mean([])", lambda: statistics.geometric_mean([]))

# Medians.
print(statistics.median([3, 1, 2, 4]), statistics.median([1.5, 2]), statistics.median(["b", "a", "c"]))
print(statistics.median_grouped([52, 52, 53, 54]), statistics.median_grouped([1, 3, 3, 5, 7], interval=1),
      statistics.median_grouped([1, 3, 3, 5, 7], interval=2), statistics.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(statistics.median_grouped([Fraction(1, 2), Fraction(3, 2)], Fraction(1, 4)))
show("median_grouped strs", lambda: statistics.median_grouped(["a", "b"]))
show("median_grouped interval", lambda: statistics.median_grouped([1, 2], "x"))
show("median mixed", lambda: statistics.median([1, "a"]))

# Modes.
print(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.mode(["red", "blue", "blue", "red", "green", "red", "red"]))
print(statistics.mode("aabbbcc"), statistics.mode([1, 2, 2, 1]), statistics.multimode("aabbbbccddddeeffffgg"))
print(statistics.multimode(""), statistics.multimode([1.0, 1, True, 2]))
show("mode([])", lambda: statistics.mode([]))
show("mode unhashable", lambda: statistics.mode([[1], [1]]))

# Quantiles.
q_data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
          106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103,
          107, 101, 81, 109, 104]
print(statistics.quantiles(q_data, n=10))
print(statistics.quantiles(q_data, n=4, method="inclusive"))
print(statistics.quantiles([1, 2], n=3), statistics.quantiles([1.5, 2.5, 10.0]), statistics.quantiles([1, 5], n=1))
print(statistics.quantiles([Fraction(1, 2), Fraction(3, 2), 4], n=5), statistics.quantiles(range(10), n=3, method="inclusive"))
show("quantiles n=0", lambda: statistics.quantiles([1, 2], n=0))
show("quantiles one", lambda: statistics.quantiles([1], n=4))
show("quantiles method", lambda: statistics.quantiles([1, 2], method="median"))
show("quantiles n float", lambda: statistics.quantiles([1, 2, 3], n=2.5))
show("quantiles positional", lambda: statistics.quantiles([1, 2, 3], 4))

# Bivariate.
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(statistics.covariance(x, y), statistics.covariance(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]))
print(statistics.correlation(x, x), statistics.correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), statistics.correlation(x, y))
print(statistics.correlation([1, 2, 3, 4, 5], [1, 4, 9, 16, 25], method="ranked"),
      statistics.correlation([3, 1, 2, 2], [1.5, 0.5, 2.5, 2.5], method="ranked"))
print(statistics.correlation([0.1, 0.5, 0.9], [Fraction(1, 3), Fraction(2, 3), 2]))
lr = statistics.linear_regression([1, 2, 3, 4, 5], [2.5, 4.5, 6.1, 8.2, 9.9])
print(lr, lr.slope, lr.intercept, type(lr).__name__, lr == (lr.slope, lr.intercept))
slope, intercept = statistics.linear_regression([1, 2, 3], [2, 4, 6], proportional=True)
print(slope, intercept)
print(statistics.linear_regression([1.5, 2.5], [1, 2]), statistics.LinearRegression(1, 2))
show("covariance lengths", lambda: statistics.covariance([1, 2], [1, 2, 3]))
show("covariance short", lambda: statistics.covariance([1], [1]))
show("correlation constant", lambda: statistics.correlation([1, 1, 1], [1, 2, 3]))
show("correlation method", lambda: statistics.correlation([1, 2], [1, 2], method="spearman"))
show("correlation lengths", lambda: statistics.correlation([1, 2], [1]))
show("linear_regression constant", lambda: statistics.linear_regression([2, 2, 2], [1, 2, 3]))
show("linear_regression short", lambda: statistics.linear_regression([2], [1]))
show("linear_regression lengths", lambda: statistics.linear_regression([1, 2], [1, 2, 3]))
show("covariance generator", lambda: statistics.covariance((i for i in x), y))

# The exception type.
print(issubclass(StatisticsError, ValueError), StatisticsError.__name__, StatisticsError.__mro__[1].__name__)
try:
    statistics.mean([])
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e, isinstance(e, StatisticsError))
statistics.median([])

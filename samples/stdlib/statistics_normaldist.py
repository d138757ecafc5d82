"""statistics.NormalDist: construction, the density and its inverse,
arithmetic on distributions, and the errors of CPython 3.12."""

from statistics import NormalDist, StatisticsError
from fractions import Fraction


def show(label, thunk):
    try:
        r = thunk()
        print(label, "->", repr(r), type(r).__name__)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


n = NormalDist()
print(n, NormalDist(100, 15), NormalDist(mu=2, sigma=Fraction(1, 2)), NormalDist(sigma=3))
print(n.mean, n.median, n.mode, n.stdev, n.variance)
iq = NormalDist(100, 15)
for x in [-3, 0, 0.5, 1, 2.5, Fraction(1, 3)]:
    print(x, n.pdf(x), n.cdf(x), n.zscore(x))
for p in [0.5, 0.001, 0.01, 0.025, 0.1, 0.3, 0.42, 0.575, 0.9, 0.975, 0.999, 1e-10, 1 - 1e-10, 1e-300, Fraction(1, 4)]:
    print(p, n.inv_cdf(p), iq.inv_cdf(p))
print(iq.quantiles(), n.quantiles(10), iq.quantiles(n=3), n.quantiles(1))
print(iq.cdf(130) - iq.cdf(115), round(iq.pdf(100), 12))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), n.overlap(n), n.overlap(NormalDist(1, 1)),
      NormalDist(5, 2).overlap(NormalDist(0, 1)))
fit = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(fit, fit.mean, fit.stdev, NormalDist.from_samples([1, 2, 3, 4]), NormalDist.from_samples([Fraction(1, 2), 1, 2]))
show("from_samples inf", lambda: NormalDist.from_samples([1.0, float("inf")]))
show("from_samples one", lambda: NormalDist.from_samples([1.0]))
a, b = NormalDist(10, 3), NormalDist(4, 4)
print(a + b, a - b, a + 5, 5 + a, a - 5, 5 - a, a * 2, 2 * a, a * -2, a / 4, a / -0.5, -a, +a)
print(a == NormalDist(10, 3), a == NormalDist(10, 3.5), a != b, a == 10, hash(a) == hash(NormalDist(10.0, 3.0)))
print(len({a, NormalDist(10, 3), b}), isinstance(a, NormalDist), type(a).__name__)
print(n.samples(3, seed=42), iq.samples(2, seed="abc"))
print(len(n.samples(5, seed=42)), n.samples(3, seed=42) == n.samples(3, seed=42), n.samples(0))
show("sigma negative", lambda: NormalDist(0, -1))
show("pdf zero sigma", lambda: NormalDist(1, 0).pdf(1))
show("cdf zero sigma", lambda: NormalDist(1, 0).cdf(1))
show("zscore zero sigma", lambda: NormalDist(1, 0).zscore(1))
show("overlap zero sigma", lambda: NormalDist(1, 0).overlap(n))
show("overlap other", lambda: n.overlap(3))
show("inv_cdf 0", lambda: n.inv_cdf(0))
show("inv_cdf 1", lambda: n.inv_cdf(1.0))
show("inv_cdf zero sigma", lambda: NormalDist(3, 0).inv_cdf(0.2))
show("mu str", lambda: NormalDist("x"))
show("a + 'x'", lambda: a + "x")
show("slot", lambda: setattr(a, "other", 1))
show("error type", lambda: issubclass(StatisticsError, ValueError))

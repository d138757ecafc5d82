def window_sums(xs, k):
    total = 0
    for i, x in enumerate(xs):
        total += x
        if i >= k:
            total -= xs[i - k]
        if i + 1 >= k:
            yield total
    while k > 0:
        k -= 1
        if k % 2:
            continue
        yield -k

def make_counter(start):
    count = start

    def step(by=1):
        nonlocal count
        count += by
        return count

    return step


c = make_counter(10)
c()
print(c(5), [n * n for n in range(4) if n % 2])

# The spectral norm of an infinite matrix (Computer Language Benchmarks Game),
# with the annotations that let py2rs run it as native Rust.
def eval_a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_a_times_u(u: list[float]) -> list[float]:
    n = len(u)
    return [sum(eval_a(i, j) * u[j] for j in range(n)) for i in range(n)]


def eval_at_times_u(u: list[float]) -> list[float]:
    n = len(u)
    return [sum(eval_a(j, i) * u[j] for j in range(n)) for i in range(n)]


def eval_ata_times_u(u: list[float]) -> list[float]:
    return eval_at_times_u(eval_a_times_u(u))


def spectral_norm(n: int) -> float:
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_ata_times_u(u)
        u = eval_ata_times_u(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


print(f"{spectral_norm(400):.9f}")

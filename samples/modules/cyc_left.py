import cyc_right


def ping(n):
    return "done" if n == 0 else cyc_right.pong(n - 1)


print("left loaded as", __name__, "- right has pong:", hasattr(cyc_right, "pong"))

import cyc_left

print("right sees a partial left:", hasattr(cyc_left, "ping"))


def pong(n):
    return cyc_left.ping(n)


try:
    from cyc_left import ping
except ImportError as e:
    print(str(e).split(" (")[0])
late = "late"

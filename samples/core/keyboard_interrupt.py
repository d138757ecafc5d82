# An uncaught KeyboardInterrupt prints its traceback, then the process is
# killed by SIGINT as CPython's is: the shell sees exit code 130.
def work(n):
    if n == 3:
        raise KeyboardInterrupt
    return n * 2


try:
    raise KeyboardInterrupt("caught")
except KeyboardInterrupt as e:
    print("caught", repr(e), isinstance(e, Exception), isinstance(e, BaseException))
for i in range(5):
    print(work(i))

# expect: 3:12: error: unsupported: dir() without an argument
def names():
    return dir()


print(names())

# expect: 6:22: error: unsupported: an annotation reading 'Alias' of an enclosing function
def outer():
    Alias = int

    def make():
        def inner(x: Alias) -> None:
            return None

        return inner

    return make


print(outer()().__annotations__)

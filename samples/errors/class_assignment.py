# expect: 13:5: error: unsupported: assigning to __class__
class A:
    def __init__(self):
        self.x = 1


class B:
    pass


a = A()
if a.x:
    a.__class__ = B
print(type(a).__name__)

# Methods of a fixed-layout class that say `return None` (or return early
# with it) run natively; py2rs used to stop with an internal error on them.
class Holder:
    def __init__(self, description):
        self.description = description
        self.reads = 0

    def id(self):
        return self.description

    def short_description(self):
        return None

    def touch(self, times):
        if times < 0:
            return None
        self.reads += times
        return None


h = Holder(7)
print(h.id(), h.short_description(), h.touch(2), h.touch(-1), h.reads)
for i in range(5):
    h.touch(i)
print(h.reads, repr(h.short_description()))

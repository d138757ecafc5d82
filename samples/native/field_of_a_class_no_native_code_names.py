# Chain.__init__ runs natively and stores None in a field typed "Link or
# None", though no native function names Link (Link.__init__ and Chain.add
# stay dynamic: the first returns a value, which CPython rejects when the
# instance is made). The store still needs Link's layout, so it must exist.
class Link:
    def __init__(self, key, loud):
        self.key = key
        self.next = None
        if loud:
            return "loud"


class Chain:
    def __init__(self):
        self.first = None

    def add(self, key, loud):
        link = Link(key, loud)
        link.next = self.first
        self.first = link


chain = Chain()
for key in range(3):
    chain.add(key, False)
node = chain.first
while node is not None:
    print(node.key)
    node = node.next
chain.add(9, True)

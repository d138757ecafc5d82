# Fields of fixed-layout classes that hold an instance or None: a binary
# search tree and a linked stack whose methods run natively, testing
# `field is None` in place. Reading a field that holds None bails to the
# dynamic code, which does what Python does: nothing special when the
# value is only passed on, AttributeError when it is used.
from typing import Optional


class Node:
    def __init__(self, value):
        self.value = value
        self.left = None
        self.right = None


class Tree:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, value):
        self.size += 1
        if self.root is None:
            self.root = Node(value)
            return
        node = self.root
        while True:
            if value < node.value:
                if node.left is None:
                    node.left = Node(value)
                    return
                node = node.left
            else:
                if node.right is not None:
                    node = node.right
                else:
                    node.right = Node(value)
                    return

    def contains(self, value):
        node = self.root
        while True:
            if value == node.value:
                return True
            if value < node.value:
                if node.left is None:
                    return False
                node = node.left
            else:
                if node.right is None:
                    return False
                node = node.right

    def leftmost(self):
        node = self.root
        while node.left is not None:
            node = node.left
        return node.value


    # A parameter annotated as an instance or None takes either natively.
    def total(self, node: "Node | None"):
        if node is None:
            return 0
        return node.value + self.total(node.left) + self.total(node.right)


def depth(node: Node | None) -> int:
    if node is None:
        return 0
    return 1 + max(depth(node.left), depth(node.right))


def count(node: Optional[Node]) -> int:
    if node is None:
        return 0
    return 1 + count(node.left) + count(node.right)


def in_order(node, out):
    if node is not None:
        in_order(node.left, out)
        out.append(node.value)
        in_order(node.right, out)


class Cell:
    def __init__(self, value):
        self.value = value
        self.next = None


class Stack:
    def __init__(self):
        self.top = None
        self.count = 0

    def push(self, value):
        cell = Cell(value)
        # While the stack is empty this reads None: the call bails and
        # the dynamic code stores None, as Python does.
        cell.next = self.top
        self.top = cell
        self.count += 1

    def pop(self):
        cell = self.top
        self.top = cell.next
        self.count -= 1
        return cell.value

    def clear(self):
        self.top = None
        self.count = 0

    def peek_second(self):
        return self.top.next.value

    # Locals holding a cell or None walk the stack without bailing at its end.
    def total(self):
        t = 0
        node = self.top
        while node is not None:
            t += node.value
            node = node.next
        return t

    def bottom(self):
        node = self.top
        prev = None
        while node is not None:
            prev = node
            node = node.next
        return prev.value

    def find(self, v):
        node = self.top
        while node is not None and node.value != v:
            node = node.next
        if node is None:
            return -1
        return node.value * 10

    # Methods returning a cell or None, explicitly, by a bare return, or
    # by reaching their end.
    def cell_of(self, v):
        node = self.top
        while node is not None:
            if node.value == v:
                return node
            node = node.next
        return None

    def cell_quietly(self, v):
        node = self.top
        while node is not None:
            if node.value == v:
                return node
            node = node.next

    def second(self):
        if self.top is None:
            return
        return self.top.next

    def doubled(self, v):
        found = self.cell_of(v)
        if found is None:
            return -1
        return found.value * 2


# An instance may be false (`__len__` here): the truth of "an instance or
# None" is not whether it is None, so native code leaves it to Python.
class Slot:
    def __init__(self, key):
        self.key = key
        self.next = None

    def __len__(self):
        return 0


class Slots:
    def __init__(self):
        self.first = None

    def add(self, key):
        slot = Slot(key)
        if self.first is not None:
            slot.next = self.first
        self.first = slot

    def lookup(self, key):
        slot = self.first
        while slot is not None:
            if slot.key == key:
                return slot
            slot = slot.next
        return None

    def truthy(self, key):
        if self.lookup(key):
            return 1
        return 0

    def falsy(self, key):
        return not self.lookup(key)


t = Tree()
x = 7
for _ in range(3000):
    x = (x * 1103515245 + 12345) % 2147483648
    t.insert(x % 10007)
values = []
in_order(t.root, values)
print(t.size, depth(t.root), values[:5], values[-3:], values == sorted(values))
print(t.contains(values[100]), t.contains(10008), t.leftmost())
print(sum(1 for v in range(0, 10007, 7) if t.contains(v)))
print(count(t.root), t.total(t.root) == sum(values), t.total(None), depth(None), count(t.root.left))
try:
    depth(5)
except AttributeError as e:
    print("depth of an int:", e)

s = Stack()
print(s.total(), s.find(3))
try:
    s.bottom()
except AttributeError as e:
    print("bottom of empty:", e)
for i in range(5):
    s.push(i * i)
print(s.total(), s.bottom(), s.find(9), s.find(10))
print(s.cell_of(4).value, s.cell_of(5), s.cell_quietly(16).next.value, s.cell_quietly(2))
print(s.second().value, Stack().second(), s.doubled(9), s.doubled(8), s.cell_of(0).next)
print(s.count, s.pop(), s.pop(), s.count, s.peek_second())
while s.count > 1:
    s.pop()
print(s.count, s.top.value, s.top.next)
print(s.pop(), s.count, s.top)
s.push(1)
s.push(2)
s.clear()
print(s.count, s.top)
try:
    s.pop()
except AttributeError as e:
    print("pop on empty:", e)
print(s.count)
s.push(10)
try:
    print(s.peek_second())
except AttributeError as e:
    print("peek:", e)

lone = Tree()
try:
    lone.contains(3)
except AttributeError as e:
    print("empty tree:", e)
lone.insert(5)
print(lone.contains(5), lone.leftmost(), lone.root.left)
lone.root.left = "not a node"
print(lone.contains(5))
try:
    lone.contains(4)
except AttributeError as e:
    print("odd field:", e)
slots = Slots()
slots.add(1)
slots.add(2)
print(slots.truthy(1), slots.truthy(3), slots.falsy(2), slots.falsy(3), slots.lookup(2).key)
print(Tree().leftmost())

# expect: 3:35: error: SyntaxError: assignment expression within a comprehension cannot be used in a class body
class C:
    xs = [y for x in range(3) if (y := x)]

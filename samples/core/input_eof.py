# input() on an empty stdin raises EOFError; uncaught, it ends the program.
lines = []
try:
    while True:
        lines.append(input("prompt> "))
except EOFError as e:
    print("caught EOFError:", repr(e))
print("lines read:", len(lines))
name = input("name? ")
print("hello", name)

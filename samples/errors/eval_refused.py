# expect: 3:7: error: unsupported: eval() of source text
code = "1 + 2"
print(eval(code))

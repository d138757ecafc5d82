# expect: 4:5: error: SyntaxError: 'break' outside loop
x = 1
if x:
    break

# sys.exit with a message prints it to stderr and exits with code 1.
import sys

def check(args):
    if len(args) < 3:
        return f"usage: {len(args)} argument(s) given, 3 needed"
    return None

print("starting", sys.argv[1:])
problem = check(sys.argv)
if problem:
    sys.exit(problem)
print("not reached")

# A standard module used without its import: CPython suggests a close
# name, and reminds that the module could be imported.
import os

r2 = os.sep
print(r2)
print(re.sub("a", "b", "banana"))

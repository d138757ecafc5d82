# string.Template: substitute and safe_substitute with mappings and keywords,
# escapes, invalid placeholders' positions, a subclass with its own delimiter.
import string
from string import Template
t = Template("$who likes ${what}, costs $$5")
print(t.substitute(who="Ann", what="tea"), t.substitute({"who": "Bo", "what": 3}), t.template)
print(t.safe_substitute(who="Cy"), t.get_identifiers(), t.is_valid())
print(Template("$a").substitute({"a": 1}, a=2), Template("${x}y").substitute(x=[1]))
bad = Template("a $x\n  $ b")
print(bad.safe_substitute(x=1), bad.is_valid())
try:
    bad.substitute(x=1)
except ValueError as e:
    print("ValueError:", e)
try:
    Template("$zz").substitute()
except KeyError as e:
    print("KeyError:", repr(e))

class Percent(Template):
    delimiter = "%"
print(Percent("%name is %% %{n}th").substitute(name="x", n=1))
for row in [{"item": "pen", "qty": 2}, {"item": "ink", "qty": 5}]:
    print(string.Template("$qty x $item").substitute(row))

import re
data = ["100px", "20em", "not a size", "50px"]
sizes = [m.group() for s in data if (m := re.search(r"\d+px", s))]
print(sizes)
print(m.group())

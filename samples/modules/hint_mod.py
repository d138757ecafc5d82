# Imported by name_hints.py: a NameError's "Did you mean" hint looks
# among this module's globals, not the script's.
alpha_valve = 2


def misspelt():
    return alpha_valu

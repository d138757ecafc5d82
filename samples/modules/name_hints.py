# The NameError hint of code in a module names that module's globals:
# the script's closer `alpha_value` is not suggested.
import hint_mod

alpha_value = 1
try:
    hint_mod.misspelt()
except NameError as e:
    print(e, e.name)
hint_mod.misspelt()

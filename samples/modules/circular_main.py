# Circular imports: a module importing one that imports it back gets the
# partly run module, as CPython's does; names it has not bound yet cannot
# be imported from it.
import cyc_left

print(cyc_left.ping(3), cyc_left.cyc_right.late)
from cyc_right import late, pong

print(late, pong(2))

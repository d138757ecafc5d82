def h(): return "h"

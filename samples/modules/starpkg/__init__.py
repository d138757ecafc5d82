# A package whose __init__ re-exports its modules with star imports.
from .core import *
from .extra import *
from . import helpers as _h
VERSION = "1.0"

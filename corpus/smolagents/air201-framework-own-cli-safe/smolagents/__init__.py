# The framework's own package: its public names are re-exported by star imports, and the last one
# imports the command-line program, which imports back from this half-initialised package.
from .agents import *
from .tools import *
from .cli import *

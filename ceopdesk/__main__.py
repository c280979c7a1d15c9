"""`python -m ceopdesk`: the command line, which opens the desktop app when given no command."""

from .cli import entry

entry()

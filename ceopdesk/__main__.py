"""`python -m ceopdesk`: the command line, which opens the desktop app when given no command."""

from ceopdesk.cli import entry  # absolute: PyInstaller runs this file as a script

entry()

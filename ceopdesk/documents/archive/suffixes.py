"""The kinds of file the archive import reads (light: the command line's help lists them)."""

SUFFIXES = (".json", ".docx", ".html", ".htm", ".txt", ".md", ".eml")

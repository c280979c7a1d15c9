"""Command-line command groups: each module adds its sub-commands to the parser."""

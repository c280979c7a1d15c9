"""The formatted-text editor: the house subset as people know it from Word."""

from .editor import RichTextEdit

__all__ = ["RichTextEdit"]

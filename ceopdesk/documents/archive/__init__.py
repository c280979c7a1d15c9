"""Past releases in: Word files, saved web pages, text, Markdown and e-mails.

``reader_for(store)`` gives the reader the command line and the app use;
``read_release(path, library)`` reads one file into an ``ImportedRelease`` for
the core import service (``core/releases/importing.py``). Each format has a
thin reader that turns the file into neutral paragraphs; ``structure``
recognises the release in them, the same way for every format.

- ``structure``  the release in a list of paragraphs (shared by every format)
- ``dates``      dates and embargo lines into UK time
- ``lists``, ``quotes``, ``notes``, ``contact``  the parts structure recognises
- ``html_read``, ``text_read``  HTML and plain text as paragraphs
- ``readers``    one function per file kind, and the dispatch on the suffix
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .suffixes import SUFFIXES

if TYPE_CHECKING:
    from ceopdesk.core.releases import importing
    from ceopdesk.core.store import Store


def reader_for(store: Store) -> importing.Reader:
    """Reads any importable file; library notes are recognised against this store's."""
    from ceopdesk.core.releases import boilerplate

    from .notes import LibraryItem
    from .readers import read_release

    library = [LibraryItem(b.key, b.title, b.text) for b in boilerplate.list_all(store)]
    return lambda path: read_release(path, library)


def __getattr__(name: str) -> Any:
    # The readers (python-docx, trafilatura) load when first asked for, not with SUFFIXES.
    if name == "read_release":
        from .readers import read_release

        return read_release
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["SUFFIXES", "read_release", "reader_for"]

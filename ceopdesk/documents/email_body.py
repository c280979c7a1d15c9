"""A stored release as the body of an e-mail: plain text (.txt) or HTML (.html).

Not a Word export: nothing goes round for approval, so no version is recorded;
a draft's marking names the content version when the content is still at one.
"""

from __future__ import annotations

from pathlib import Path

from ..core.atomic import atomic_write
from ..core.errors import UserError
from ..core.releases import versions
from ..core.releases.service import get as get_release
from ..core.settings import load as load_settings
from ..core.store import Store
from .html import render_email_html
from .text import render_text

SUFFIXES = (".txt", ".html")


def export_email_body(store: Store, reference: str, path: Path) -> Path:
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(f"{target}: an e-mail body is written as .txt or .html.")
    release, settings = get_release(store, reference), load_settings(store)
    version = versions.current_version(store, reference)
    render = render_text if suffix == ".txt" else render_email_html
    body = render(release, settings, version)
    # CRLF: what mail expects, and what Notepad and Outlook open without fuss.
    with atomic_write(target, newline="\r\n") as handle:
        handle.write(body)
    return target

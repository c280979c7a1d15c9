"""One reader per kind of file; each gives paragraphs and what else it knows.

Web pages go through trafilatura, which finds the article and leaves the
site's navigation, breadcrumbs, share links, cookie notices and footers out.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from datetime import date
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from lxml.etree import XMLSyntaxError
from markdown_it import MarkdownIt

from ceopdesk.core.contacts.fileio import read_bytes, read_text
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases.importing import ImportedRelease, read_json

from ..docx_read import read_docx
from ..source import SourceParagraph, plain
from .html_read import html_paragraphs
from .notes import LibraryItem
from .structure import Hints, page_title_headline, recognise
from .tei import tei_to_html
from .text_read import is_furniture, text_paragraphs

_SUBJECT_NOISE = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw)\s*:\s*)*(?:(?:press|news|media)\s+release\s*[:\-–]\s*)?",
    re.IGNORECASE,
)

Read = Callable[[Path], tuple[list[SourceParagraph], Hints]]


def read_release(path: Path, library: list[LibraryItem]) -> ImportedRelease:
    """One file as a release, or one sentence saying why it cannot be."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_json(path)
    reader = _READERS.get(suffix)
    if reader is None:
        raise UserError(f'{path}: ceopdesk cannot import "{suffix or "no extension"}" files.')
    paragraphs, hints = reader(path)
    if not paragraphs:
        raise UserError(f"{path}: no release text was found in it.")
    try:
        found = recognise(paragraphs, hints, library)
    except ValueError:
        raise UserError(
            f"{path}: no headline was found, so it does not read as a release."
        ) from None
    return ImportedRelease(path, found.release, found.unsure, found.status_reason)


def _docx(path: Path) -> tuple[list[SourceParagraph], Hints]:
    content = read_docx(path)
    return content.paragraphs, Hints(title=content.title)


def _text(path: Path) -> tuple[list[SourceParagraph], Hints]:
    text, _ = read_text(path)
    return text_paragraphs(text), Hints()


def _markdown(path: Path) -> tuple[list[SourceParagraph], Hints]:
    text, _ = read_text(path)
    html = MarkdownIt("commonmark", {"html": False}).render(text)
    return _without_furniture(html_paragraphs(html)), Hints()


def _html(path: Path) -> tuple[list[SourceParagraph], Hints]:
    # Imported here: trafilatura and its date parsers take a while to load, and
    # every command line run would pay for it otherwise.
    import trafilatura

    html, _ = read_text(path)
    options: dict[str, Any] = {
        "include_links": True,
        "include_formatting": True,
        "include_tables": True,
        "include_comments": False,
        "favor_recall": True,
    }
    try:
        article = trafilatura.extract(html, output_format="xml", **options)
        body = tei_to_html(article) if article else ""
    except XMLSyntaxError:
        # trafilatura checks its XML by parsing it again, which some broken markup fails;
        # its HTML is not parsed again (numbered lists come out as bullets there).
        body = trafilatura.extract(html, output_format="html", **options) or ""
    paragraphs = _without_furniture(html_paragraphs(body))
    if not paragraphs:
        raise UserError(
            f"{path}: no article was found in this web page (only navigation and page furniture)."
        )
    meta = trafilatura.extract_metadata(html)
    title = (meta.title or "") if meta else ""
    site = (meta.sitename or "") if meta else ""
    published_on = None
    if meta and meta.date:
        try:
            published_on = date.fromisoformat(meta.date[:10])
        except ValueError:
            published_on = None
    hints = Hints(
        title=title,
        site_name=site,
        published_on=published_on,
        published="a page of the website: it was published",
    )
    return _with_title(paragraphs, page_title_headline(title, site) if title else ""), hints


def _eml(path: Path) -> tuple[list[SourceParagraph], Hints]:
    data = read_bytes(path)
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"]):
        raise UserError(f"{path} is not an e-mail message (it has no From or Subject header).")
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        raise UserError(f"{path}: the e-mail has no text (only attachments).")
    try:
        content = body.get_content()
    except (LookupError, UnicodeDecodeError):
        raise UserError(
            f"{path}: the e-mail's text is in an encoding that cannot be read."
        ) from None
    if body.get_content_subtype() == "html":
        paragraphs = _without_furniture(html_paragraphs(content))
    else:
        paragraphs = text_paragraphs(content)
    subject = _SUBJECT_NOISE.sub("", str(message["Subject"] or "")).strip()
    hints = Hints(title=subject)
    sent = message["Date"]
    if sent:
        try:
            when = parsedate_to_datetime(str(sent))
        except (TypeError, ValueError):
            when = None
        if when is not None:
            hints.published_on = when.date()
            hints.published = f"it was sent by e-mail on {when:%d %B %Y}"
    return _with_title(paragraphs, subject), hints


def _without_furniture(paragraphs: list[SourceParagraph]) -> list[SourceParagraph]:
    return [p for p in paragraphs if not is_furniture(p.text)]


def _with_title(paragraphs: list[SourceParagraph], title: str) -> list[SourceParagraph]:
    """A page title or e-mail subject as the headline when the text has none of its own."""
    if not title:
        return paragraphs
    folded = " ".join(title.casefold().split())
    for p in paragraphs[:8]:
        if p.outline_level is not None and p.outline_level <= 1:
            return paragraphs
        if " ".join(p.text.casefold().split()) == folded:
            return paragraphs
    return [plain(title, outline_level=1), *paragraphs]


_READERS: dict[str, Read] = {
    ".docx": _docx,
    ".txt": _text,
    ".md": _markdown,
    ".html": _html,
    ".htm": _html,
    ".eml": _eml,
}

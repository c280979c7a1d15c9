"""A release as simple HTML: the editor's live preview and the e-mail body.

Written for QTextBrowser's HTML4 subset, which is also what pastes well into
Outlook (Word renders its mail): block elements with inline styles only, no
style sheet, scripts or external resources.  Headings are h1-h4 in the order
the Word file's outline has them; a right-to-left paragraph says so (dir).
Every piece of text is escaped; the Markdown parser runs with raw HTML off, so
a ``<script>`` typed into a release is shown, never run.
"""

from __future__ import annotations

from html import escape

from ceopdesk.core.domain import Release, Settings

from .assemble import assemble, draft_marking
from .blocks import (
    BODY,
    CONTACT,
    EMBARGO,
    ENDS,
    HEADLINE,
    NOTE_LIST_BULLET,
    NOTE_LIST_NUMBER,
    NOTE_SUBHEADING,
    NOTE_TEXT,
    NOTE_TITLE,
    NOTES_HEADING,
    QUOTE,
    QUOTE_ATTRIBUTION,
    STANDFIRST,
    SUBHEADLINE,
    TYPE_LINE,
    ListItem,
    Run,
    Table,
)
from .direction import is_rtl
from .sanitize import clean

# Close to the Word template, so the preview is a fair picture of the export.
_CSS: dict[str, tuple[str, str]] = {
    TYPE_LINE: ("p", "color:#595959; font-size:9pt; border-bottom:1px solid #bfbfbf;"),
    EMBARGO: ("p", "color:#c00000; font-weight:bold; font-size:10pt;"),
    HEADLINE: ("h1", "color:#1f3864; font-size:18pt; font-weight:bold; margin-top:12px;"),
    SUBHEADLINE: ("p", "color:#404040; font-size:13pt;"),
    STANDFIRST: ("p", "font-size:12pt; font-weight:bold;"),
    BODY: ("p", "font-size:11pt;"),
    QUOTE_ATTRIBUTION: ("p", "font-size:11pt; font-weight:bold; margin-bottom:2px;"),
    QUOTE: ("p", "font-size:11pt; margin-left:18px;"),
    ENDS: ("p", "font-size:11pt; font-weight:bold; text-align:center; margin:14px;"),
    NOTES_HEADING: ("h2", "color:#1f3864; font-size:12pt; font-weight:bold;"),
    NOTE_TITLE: ("h3", "font-size:10pt; font-weight:bold; margin-top:8px; margin-bottom:2px;"),
    NOTE_SUBHEADING: ("h4", "font-size:10pt; font-weight:bold; font-style:italic;"),
    NOTE_TEXT: ("p", "font-size:10pt;"),
    CONTACT: ("p", "font-size:10pt; margin:0px; background-color:#f2f2f2;"),
}
_BANNER = (
    '<table width="100%" cellpadding="6" cellspacing="0" bgcolor="#c00000">'
    '<tr><td align="center" style="color:#ffffff; font-weight:bold; font-size:11pt;">'
    "{text}</td></tr></table>"
)


# E-mail only: the contact lines as one shaded panel.  Outlook gives each
# paragraph its own background with gaps between; one table cell has none.
_CONTACT_PANEL = (
    '<table cellpadding="8" cellspacing="0" style="border-left:3px solid #1f3864; '
    'background-color:#f2f2f2; margin-top:18px;"><tr><td style="font-size:10pt;">{lines}'
    "</td></tr></table>"
)
_EMAIL_BANNER = (
    '<p style="background-color:#c00000; color:#ffffff; font-weight:bold; font-size:11pt; '
    'text-align:center; padding:6px;">{text}</p>'
)
_BODY_STYLE = "font-family:Arial, Helvetica, sans-serif; color:#000000;"


def render_html(release: Release, settings: Settings, version: int | None = None) -> str:
    """The release as one HTML document string, for the preview.

    ``version`` is the content version an export would carry, named in the draft
    banner as in the Word file's header.
    """
    release, settings = clean(release), clean(settings)
    out = [f'<html><head><meta charset="utf-8"></head><body style="{_BODY_STYLE}">']
    marking = draft_marking(release.status, version)
    if marking:
        out.append(_BANNER.format(text=escape(marking)))
    out += _blocks(release, settings, email=False)
    out.append("</body></html>")
    return "".join(out)


def render_email_html(release: Release, settings: Settings, version: int | None = None) -> str:
    """The release as an HTML e-mail body: a whole document, language and title set.

    ``version`` is the content version named in a draft marking, when known.
    """
    release, settings = clean(release), clean(settings)
    title = escape(release.headline.strip() or release.reference)
    out = [
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body style="{_BODY_STYLE}">'
    ]
    marking = draft_marking(release.status, version)
    if marking:
        out.append(_EMAIL_BANNER.format(text=escape(marking)))
    out += _blocks(release, settings, email=True)
    out.append("</body></html>\n")
    return "".join(out)


def _blocks(release: Release, settings: Settings, email: bool) -> list[str]:
    out: list[str] = []
    lists: list[ListItem] = []  # the lists now open, outermost first
    contact: list[str] = []
    for block in assemble(release, settings):
        if isinstance(block, ListItem):
            _open_item(out, lists, block)
            continue
        _close_lists(out, lists, 0)
        if isinstance(block, Table):
            out.append(_table(block))
        elif email and block.style == CONTACT:
            contact.append(_direction(_text(block.runs), runs_html(block.runs), "div"))
        else:
            out.append(_paragraph(block.style, block.runs))
    _close_lists(out, lists, 0)
    if contact:
        out.append(_CONTACT_PANEL.format(lines="".join(contact)))
    return out


def _paragraph(style: str, runs: list[Run]) -> str:
    tag, css = _CSS.get(style, ("p", ""))
    return _direction(_text(runs), runs_html(runs), tag, css)


def _direction(text: str, inner: str, tag: str, css: str = "", aligned: bool = False) -> str:
    """``inner`` in ``tag``, marked right-to-left when ``text`` reads that way.

    ``aligned`` cells are set flush to the side their text starts from.
    """
    rtl = is_rtl(text)
    attrs = ' dir="rtl"' if rtl else ""
    attrs += f' align="{"right" if rtl else "left"}"' if aligned else ""
    attrs += f' style="{css}"' if css else ""
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _text(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


def _open_item(out: list[str], lists: list[ListItem], item: ListItem) -> None:
    # Close deeper lists, and a list at this level that is a different list.
    same = len(lists) > item.level and lists[item.level].list_id == item.list_id
    keep = item.level + 1 if same else item.level
    _close_lists(out, lists, keep)
    if len(lists) <= item.level:
        tag = "ol" if item.ordered else "ul"
        start = f' start="{item.start}"' if item.ordered and item.start != 1 else ""
        size = "10pt" if item.style in (NOTE_LIST_BULLET, NOTE_LIST_NUMBER) else "11pt"
        out.append(f'<{tag}{start} style="font-size:{size}; margin-top:0px;">')
        lists.append(item)
    else:
        out.append("</li>")
    out.append('<li dir="rtl">' if is_rtl(item.text) else "<li>")
    out.append(runs_html(item.runs))


def _close_lists(out: list[str], lists: list[ListItem], depth: int) -> None:
    while len(lists) > depth:
        tag = "ol" if lists.pop().ordered else "ul"
        out.append(f"</li></{tag}>")


def _table(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        cell = "th" if index < table.header_rows else "td"
        cells = "".join(_direction(_text(c), runs_html(c), cell, aligned=True) for c in row)
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<table border="1" cellpadding="4" cellspacing="0" '
        'style="border-color:#bfbfbf; font-size:10pt; margin:6px 0px;">'
        + "".join(rows)
        + "</table>"
    )


def runs_html(runs: list[Run]) -> str:
    parts: list[str] = []
    for run in runs:
        text = escape(run.text, quote=False).replace("\n", "<br />").replace("\t", "&nbsp;" * 6)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href:
            text = f'<a href="{escape(run.href, quote=True)}">{text}</a>'
        parts.append(text)
    return "".join(parts)

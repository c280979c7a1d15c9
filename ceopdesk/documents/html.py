"""A release as simple HTML for the editor's live preview.

Written for QTextBrowser's HTML4 subset: block elements with inline styles,
tables for anything boxed, no scripts or external resources.  Every piece of
text is escaped; the Markdown parser runs with raw HTML off, so a ``<script>``
typed into a release is shown, never run.
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
from .sanitize import clean

# Close to the Word template, so the preview is a fair picture of the export.
_CSS: dict[str, tuple[str, str]] = {
    TYPE_LINE: ("p", "color:#595959; font-size:9pt; border-bottom:1px solid #bfbfbf;"),
    EMBARGO: ("p", "color:#c00000; font-weight:bold; font-size:10pt;"),
    HEADLINE: ("h1", "color:#1f3864; font-size:18pt; font-weight:bold; margin-top:12px;"),
    SUBHEADLINE: ("h2", "color:#404040; font-size:13pt; font-weight:normal;"),
    STANDFIRST: ("p", "font-size:12pt; font-weight:bold;"),
    BODY: ("p", "font-size:11pt;"),
    QUOTE_ATTRIBUTION: ("p", "font-size:11pt; font-weight:bold; margin-bottom:2px;"),
    QUOTE: ("p", "font-size:11pt; margin-left:18px;"),
    ENDS: ("p", "font-size:11pt; font-weight:bold; text-align:center; margin:14px;"),
    NOTES_HEADING: ("h3", "color:#1f3864; font-size:12pt; font-weight:bold;"),
    NOTE_TITLE: ("p", "font-size:10pt; font-weight:bold; margin-top:8px; margin-bottom:2px;"),
    NOTE_SUBHEADING: ("p", "font-size:10pt; font-weight:bold; font-style:italic;"),
    NOTE_TEXT: ("p", "font-size:10pt;"),
    CONTACT: ("p", "font-size:10pt; margin:0px; background-color:#f2f2f2;"),
}
_BANNER = (
    '<table width="100%" cellpadding="6" cellspacing="0" bgcolor="#c00000">'
    '<tr><td align="center" style="color:#ffffff; font-weight:bold; font-size:11pt;">'
    "{text}</td></tr></table>"
)


def render_html(release: Release, settings: Settings) -> str:
    """The release as one HTML document string."""
    release, settings = clean(release), clean(settings)
    out: list[str] = [
        '<html><head><meta charset="utf-8"></head>'
        '<body style="font-family:Arial, Helvetica, sans-serif; color:#000000;">'
    ]
    marking = draft_marking(release.status)
    if marking:
        out.append(_BANNER.format(text=escape(marking)))
    lists: list[ListItem] = []  # the lists now open, outermost first
    for block in assemble(release, settings):
        if isinstance(block, ListItem):
            _open_item(out, lists, block)
            continue
        _close_lists(out, lists, 0)
        out.append(
            _table(block) if isinstance(block, Table) else _paragraph(block.style, block.runs)
        )
    _close_lists(out, lists, 0)
    out.append("</body></html>")
    return "".join(out)


def _paragraph(style: str, runs: list[Run]) -> str:
    tag, css = _CSS.get(style, ("p", ""))
    return f'<{tag} style="{css}">{runs_html(runs)}</{tag}>'


def _open_item(out: list[str], lists: list[ListItem], item: ListItem) -> None:
    # Close deeper lists, and a list at this level that is a different list.
    same = len(lists) > item.level and lists[item.level].list_id == item.list_id
    keep = item.level + 1 if same else item.level
    _close_lists(out, lists, keep)
    if len(lists) <= item.level:
        tag = "ol" if item.ordered else "ul"
        start = f' start="{item.start}"' if item.ordered and item.start != 1 else ""
        out.append(f'<{tag}{start} style="font-size:11pt; margin-top:0px;">')
        lists.append(item)
    else:
        out.append("</li>")
    out.append(f"<li>{runs_html(item.runs)}")


def _close_lists(out: list[str], lists: list[ListItem], depth: int) -> None:
    while len(lists) > depth:
        tag = "ol" if lists.pop().ordered else "ul"
        out.append(f"</li></{tag}>")


def _table(table: Table) -> str:
    rows = []
    for index, row in enumerate(table.rows):
        cell = "th" if index < table.header_rows else "td"
        cells = "".join(f'<{cell} align="left">{runs_html(c)}</{cell}>' for c in row)
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

"""HTML for the boilerplate screens: the Markdown preview and the readable diff.

Both are written for QTextBrowser's HTML subset.  All text is escaped; the
Markdown parser runs with raw HTML off, so markup typed into a note is shown,
never interpreted.
"""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

from ceopdesk.core.textdiff import DiffRun, stats

DELETED_STYLE = "color:#a4001d; background-color:#fde7e9; text-decoration:line-through;"
INSERTED_STYLE = "color:#0b6b2e; background-color:#e3f4e8; font-weight:bold;"
_BODY = '<html><body style="font-family:Arial, Helvetica, sans-serif; font-size:10.5pt;">'
_TABLE = '<table border="1" cellpadding="4" cellspacing="0" style="border-color:#bfbfbf;">'


def note_parser() -> MarkdownIt:
    """The Markdown parser for notes to editors: CommonMark, raw HTML off, pipe tables on."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_html(parser: MarkdownIt, text: str, before: str = "") -> str:
    """A note's Markdown as a preview page; ``before`` is HTML put above it."""
    body = parser.render(text).replace("<table>", _TABLE)
    return f"{_BODY}{before}{body}</body></html>"


def _visible(text: str, inserted: bool) -> str:
    """Escaped text of a changed run, with paragraph breaks made visible."""
    out = escape(text, quote=False).replace("\t", "&nbsp;" * 4)
    # A removed line break is shown as a struck ¶ (the lines now run on);
    # an added one as ¶ followed by the break itself.
    return out.replace("\n", "¶<br/>" if inserted else "¶")


def _plain(text: str) -> str:
    return escape(text, quote=False).replace("\t", "&nbsp;" * 4).replace("\n", "<br/>")


def runs_html(runs: list[DiffRun]) -> str:
    """Diff runs as inline HTML: deletions struck through in red, insertions in green."""
    parts: list[str] = []
    for run in runs:
        if not run.changed:
            parts.append(_plain(run.new))
            continue
        if run.old:
            parts.append(f'<span style="{DELETED_STYLE}">{_visible(run.old, False)}</span>')
        if run.new:
            parts.append(f'<span style="{INSERTED_STYLE}">{_visible(run.new, True)}</span>')
    return "".join(parts)


def legend_html() -> str:
    return (
        f'<p style="color:#595959; font-size:9pt;">'
        f'<span style="{DELETED_STYLE}">struck through in red</span> = removed, '
        f'<span style="{INSERTED_STYLE}">green</span> = added.</p>'
    )


def summary(runs: list[DiffRun]) -> str:
    """ "5 words added, 3 removed" — or that nothing changed."""
    s = stats(runs)
    if s.unchanged:
        return "no change" if all(not r.changed for r in runs) else "spacing or line breaks only"
    words = "word" if s.words_added == 1 else "words"
    removed = "none" if s.words_removed == 0 else str(s.words_removed)
    return f"{s.words_added} {words} added, {removed} removed"


def comparison_html(title_runs: list[DiffRun], text_runs: list[DiffRun], heading: str) -> str:
    """The page shown in the history dialog for one pair of versions."""
    out = [_BODY, f'<p style="font-size:11pt;"><b>{escape(heading)}</b></p>', legend_html()]
    title_changed = any(r.changed for r in title_runs)
    label = "Title (changed)" if title_changed else "Title (unchanged)"
    out.append(f'<p style="color:#595959; font-size:9pt; margin-bottom:0px;">{label}</p>')
    out.append(f'<p style="font-size:11pt; margin-top:2px;"><b>{runs_html(title_runs)}</b></p>')
    out.append(
        f'<p style="color:#595959; font-size:9pt; margin-bottom:0px;">'
        f"Text — {escape(summary(text_runs))}</p>"
    )
    out.append(f'<p style="margin-top:2px;">{runs_html(text_runs)}</p>')
    out.append("</body></html>")
    return "".join(out)

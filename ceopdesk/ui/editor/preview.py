"""The live preview: the release as it will read, rendered off the UI thread after a pause."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.domain import QuoteSection, Release, Settings
from ...core.errors import UserError
from ...core.releases import versions
from ...core.store import Store
from ...documents.assemble import DRAFT_STATUSES
from ...documents.html import render_html
from ..operations import run_in_background
from .fields import WORDS_PER_PAGE, pages_estimate, word_count

PREVIEW_DELAY_MS = 200


def counts_text(release: Release) -> tuple[str, int]:
    """ "412 words · 596 with the notes · about 2 pages", and the size of the text."""
    story = [release.headline, release.subheadline or "", release.standfirst]
    for s in release.sections:
        story += [s.speaker, s.role or "", s.text] if isinstance(s, QuoteSection) else [s.text]
    notes = [t for n in release.notes for t in (n.title, n.text)]
    words = sum(word_count(t) for t in story)
    total = words + sum(word_count(t) for t in notes)
    pages = pages_estimate(total)
    size = sum(map(len, story + notes))
    return (
        f"{words:,} words in the release · {total:,} with the notes · about {pages} "
        f"page{'s' if pages != 1 else ''}"
    ), size


class Preview(QWidget):
    rendered = Signal()

    def __init__(
        self,
        settings: Callable[[], Settings],
        store: Store | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._store = store  # to name the version in the DRAFT banner, as the Word header does
        self._source: Callable[[], Release] | None = None
        self._serial = 0
        self._delay = PREVIEW_DELAY_MS
        title = QLabel("<b>Preview</b> — how the release will read")
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet("color: #444;")
        self.counts.setToolTip(f"Pages are estimated at about {WORDS_PER_PAGE} words a page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.counts)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._render)

    def schedule(self, release: Release, at_once: bool = False) -> None:
        self._source = lambda: release
        self._timer.start(0 if at_once else self._delay)

    def schedule_from(self, source: Callable[[], Release]) -> None:
        """Render what ``source()`` gives once typing pauses (longer pauses for long texts)."""
        self._source = source
        self._timer.start(self._delay)

    def _render(self) -> None:
        if self._source is None:
            return
        release, settings = self._source(), self._settings()
        self._serial += 1
        serial = self._serial

        store = self._store

        def work() -> tuple[str, str, int]:
            version = None
            if store is not None and release.status in DRAFT_STATUSES:
                try:
                    version = versions.export_number(store, release)
                except UserError:
                    version = None  # the release has gone from the store meanwhile
            return (render_html(release, settings, version), *counts_text(release))

        def done(result: tuple[str, str, int]) -> None:
            if serial != self._serial:
                return  # typing went on: a newer preview is on its way
            html, counts, size = result
            bar = self.browser.verticalScrollBar()
            position = bar.value()
            self.browser.setHtml(html)
            bar.setValue(position)
            self.counts.setText(counts)
            # A very long text takes a while to lay out: wait for a longer pause.
            self._delay = PREVIEW_DELAY_MS + min(1800, size // 1000)
            self.rendered.emit()

        run_in_background(self, work, done, busy=False)

"""Choosing where a Word export goes (a remembered folder, a readable file name); the e-mail copy."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.domain import Release, Settings
from ...documents.html import render_email_html
from ...documents.text import render_text

FOLDER_KEY = "export/last_folder"


def slug(headline: str, words: int = 4) -> str:
    """ "Record number of children safeguarded…" -> "record-number-of-children"."""
    plain = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(parts[:words])[:60].strip("-")


def default_file_name(reference: str, headline: str) -> str:
    stem = "-".join(p for p in (reference.replace("/", "-"), slug(headline)) if p)
    return f"{stem}.docx"


def ask_export_path(parent: QWidget, reference: str, headline: str) -> Path | None:
    """The save dialog, starting in the last folder used; None if cancelled."""
    settings = QSettings()
    folder = str(settings.value(FOLDER_KEY, "") or "")
    if not folder or not Path(folder).is_dir():
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
    suggested = str(Path(folder) / default_file_name(reference, headline))
    chosen, _ = QFileDialog.getSaveFileName(
        parent, f"Export {reference} as a Word file", suggested, "Word documents (*.docx)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".docx":
        path = path.with_name(path.name + ".docx")
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def email_mime(release: Release, settings: Settings) -> QMimeData:
    """The release for the clipboard: HTML for a mail program that takes it, plain text for the rest."""
    data = QMimeData()
    data.setText(render_text(release, settings))
    data.setHtml(render_email_html(release, settings))
    return data

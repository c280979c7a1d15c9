"""Export a stored release to Word: the one path the CLI and the GUI both take."""

from __future__ import annotations

from pathlib import Path

from ..core.domain import Release, Settings
from ..core.errors import UserError
from ..core.releases import workflow
from ..core.store import Store
from .docx_writer import write_docx


def export_release(store: Store, reference: str, path: Path,
                   user: str | None = None) -> tuple[Path, int]:  # fmt: skip
    """Write the .docx and record the numbered version it carries; all or nothing."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise UserError(f"{path}: a Word export needs a file name ending in .docx.")

    def write(release: Release, settings: Settings, version: int) -> Path:
        return write_docx(release, settings, path, version)

    return workflow.record_export(store, reference, write, user)

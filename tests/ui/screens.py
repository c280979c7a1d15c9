"""Screenshots saved by the GUI tests, and the check that each is a real picture."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def save_screenshot(
    widget: QWidget, name: str, folder: Path, min_size: tuple[int, int] = (400, 250)
) -> QImage:
    """Save ``widget.grab()`` to ``folder`` (and $CEOPDESK_SCREENSHOTS); check it is a picture."""
    pixmap = widget.grab()
    image = pixmap.toImage()
    assert image.width() >= min_size[0] and image.height() >= min_size[1], image.size()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, f"{name} looks blank ({len(colours)} colours)"
    folder.mkdir(parents=True, exist_ok=True)
    assert pixmap.save(str(folder / f"{name}.png"))
    extra = os.environ.get("CEOPDESK_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        assert pixmap.save(str(Path(extra) / f"{name}.png"))
    return image

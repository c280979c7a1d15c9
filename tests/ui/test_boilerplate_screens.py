"""Screenshots of the boilerplate screens, with the sample library loaded.

Saved to the test's tmp folder and, when $CEOPDESK_SCREENSHOTS is set, there too.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from ceopdesk.core import demo
from ceopdesk.ui.boilerplate import BoilerplateView


def save_screenshot(widget: QWidget, name: str, folder: Path) -> QImage:
    image = widget.grab().toImage()
    targets = [folder]
    if os.environ.get("CEOPDESK_SCREENSHOTS"):
        targets.append(Path(os.environ["CEOPDESK_SCREENSHOTS"]))
    for target in targets:
        target.mkdir(parents=True, exist_ok=True)
        assert image.save(str(target / f"{name}.png"))
    return image


def assert_sane(image: QImage, min_w: int = 600, min_h: int = 400) -> None:
    assert min_w <= image.width() <= 4000 and min_h <= image.height() <= 3000
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20, "the screenshot looks blank"


def test_boilerplate_screens(qtbot, store, tmp_path) -> None:
    demo.load_sample(store)
    view = BoilerplateView(store)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    assert view.select_key("about-ceop")
    text = view.editor.text_edit.toPlainText()
    view.editor.text_edit.setPlainText(
        text.replace("safe from sexual abuse", "safe from sexual abuse, grooming")
        + "\n\nCEOP is part of the National Crime Agency."
    )
    assert view.save_version()
    qtbot.waitUntil(lambda: "National Crime Agency" in view.editor.preview.toPlainText())
    qtbot.wait(300)  # let the text editors settle their layout (and scroll bars)
    assert_sane(save_screenshot(view, "boilerplate-library", tmp_path))

    dialog = view.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "line-through" in dialog.diff_view.toHtml()
    assert_sane(save_screenshot(dialog, "boilerplate-history", tmp_path))

"""Screenshots of the boilerplate screens, with the sample library loaded.

Saved to the test's tmp folder and, when $CEOPDESK_SCREENSHOTS is set, there too.
"""

from __future__ import annotations

from PySide6.QtGui import QImage
from screens import save_screenshot
from ui_steps import wait_still

from ceopdesk.core import demo
from ceopdesk.ui.boilerplate import BoilerplateView


def assert_sane(image: QImage, min_w: int = 600, min_h: int = 400) -> None:
    assert min_w <= image.width() <= 4000 and min_h <= image.height() <= 3000


def test_boilerplate_screens(qtbot, store, ops, tmp_path) -> None:
    demo.load_sample(store)
    view = BoilerplateView(ops)
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
    wait_still(qtbot, view)  # the text editors have laid out (and set their scroll bars)
    assert_sane(save_screenshot(view, "boilerplate-library", tmp_path))

    dialog = view.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "line-through" in dialog.diff_view.toHtml()
    assert_sane(save_screenshot(dialog, "boilerplate-history", tmp_path))

"""The checks at "Submit for approval": blocking findings stop it, plain warnings are
listed for a yes or no, and each legal warning needs a reason, which the version and
the audit trail keep (``core/checks/submission.py``)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.checks import Finding
from ...core.checks.submission import finding_key
from .. import dialogs

SHOWN = 8  # findings listed in a message before "and N more"


def _listed(findings: list[Finding]) -> str:
    lines = [f"• {f.part}: {f.message}" for f in findings[:SHOWN]]
    if len(findings) > SHOWN:
        lines.append(f"• and {len(findings) - SHOWN} more (see Checks beside the form)")
    return "\n".join(lines)


def ask_to_submit(
    parent: QWidget, reference: str, findings: list[Finding]
) -> dict[str, str] | None:
    """The legal reasons to submit with ({} when none are needed), or None to stop.

    ``findings`` are ``check_release``'s, run off the UI thread by the caller (the
    spelling dictionary may take a moment to read)."""
    if not findings:
        return {}
    blocking = [f for f in findings if f.severity == "block"]
    if blocking:
        dialogs.show_error(
            parent,
            f"{reference} cannot be submitted yet:\n\n{_listed(blocking)}",
            "Submit for approval",
        )
        return None
    if any(f.is_legal for f in findings):
        dialog = LegalReasonsDialog(reference, findings, parent)
        return dialog.reasons() if dialog.exec() == QDialog.DialogCode.Accepted else None
    question = (
        f"{reference} has {len(findings)} warning"
        f"{'s' if len(findings) != 1 else ''}:\n\n{_listed(findings)}\n\nSubmit it anyway?"
    )
    return {} if dialogs.confirm(parent, "Submit for approval", question, "Submit") else None


class LegalReasonsDialog(QDialog):
    """One reason per legal warning; Submit is enabled when every one has a reason."""

    def __init__(
        self, reference: str, findings: list[Finding], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Submit for approval — {reference}")
        self.setMinimumWidth(640)
        legal = [f for f in findings if f.is_legal]
        others = [f for f in findings if not f.is_legal]
        intro = QLabel(
            f"<b>{reference}</b> may break a legal restriction or the guidance below. "
            "Submit it only if you are sure, and say why for each: the reason is kept "
            "with the version and in the history."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for f in legal:
            label = QLabel(f"<b>{escape(f.excerpt)}</b> ({escape(f.part)}): {escape(f.message)}")
            label.setWordWrap(True)
            field = QLineEdit()
            field.setPlaceholderText("Why it can go out as it is, e.g. “name is invented”")
            field.textChanged.connect(self._check)
            self.fields[finding_key(f)] = field
            form.addRow(label)
            form.addRow("Reason:", field)
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        if others:
            rest = QLabel(
                f"Also {len(others)} other warning{'s' if len(others) != 1 else ''}:\n"
                + _listed(others)
            )
            rest.setWordWrap(True)
            layout.addWidget(rest)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Submit with these reasons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.ok_button.setEnabled(all(f.text().strip() for f in self.fields.values()))

    def reasons(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.fields.items()}

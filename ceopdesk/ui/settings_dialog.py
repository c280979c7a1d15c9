"""The settings dialog: organisation, reference prefix, press office contact, Word template."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core import settings as settings_service
from ceopdesk.core.domain import ContactBlock, Settings
from ceopdesk.core.errors import UserError
from ceopdesk.core.settings import PREFIX_RE
from ceopdesk.documents.docx_writer import check_template
from ceopdesk.documents.template_clean import removed_from_template
from ceopdesk.ui.checks_dialog import ChecksDialog
from ceopdesk.ui.operations import SETTINGS, StoreOps, describe_failure

HINT = "color:#595959;"
PROBLEM = "color:#a4001d;"
GOOD = "color:#0b6b2e;"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _hint(text: str = "", wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setStyleSheet(HINT)
    return label


def _optional(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class SettingsDialog(QDialog):
    """Edits the settings kept in the store; Save writes them through the settings service."""

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self._store = store
        self.ops = ops
        self._loaded = settings_service.load(store)
        self._template_problem: str | None = None
        self._saved: Settings | None = None
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(640)

        # -- organisation --
        self.organisation_edit = QLineEdit(self._loaded.organisation)
        self.organisation_hint = _hint("Printed in the header of every Word file.")
        self.prefix_edit = QLineEdit(self._loaded.reference_prefix)
        self.prefix_edit.setMaxLength(12)
        self.prefix_hint = _hint()
        self.press_office_edit = QLineEdit(self._loaded.press_office_name)
        self.press_office_hint = _hint("Named as the author of every Word file.")
        self.place_edit = QLineEdit(self._loaded.default_place or "")
        self.place_edit.setPlaceholderText("e.g. London")
        organisation = QGroupBox("Organisation")
        form = QFormLayout(organisation)
        form.addRow("Organisation name:", self.organisation_edit)
        form.addRow("", self.organisation_hint)
        form.addRow("Reference prefix:", self.prefix_edit)
        form.addRow("", self.prefix_hint)
        form.addRow("Press office name:", self.press_office_edit)
        form.addRow("", self.press_office_hint)
        form.addRow("Default place:", self.place_edit)
        form.addRow("", _hint("The dateline place new releases start with."))
        self.smart_quotes_check = QCheckBox("Typographic quotation marks as you type (“ ” ‘ ’)")
        self.smart_quotes_check.setChecked(self._loaded.smart_quotes)
        self.smart_quotes_check.setToolTip(
            "Straight quotes and apostrophes typed in the text fields become the marks "
            "the Word file will have."
        )
        form.addRow("", self.smart_quotes_check)

        # -- contact block --
        contact = self._loaded.contact
        self.contact_name_edit = QLineEdit(contact.name)
        self.contact_phone_edit = QLineEdit(contact.phone or "")
        self.contact_phone_edit.setPlaceholderText("e.g. 0870 000 3434")
        self.contact_ooh_edit = QLineEdit(contact.out_of_hours or "")
        self.contact_ooh_edit.setPlaceholderText("optional")
        self.contact_email_edit = QLineEdit(contact.email or "")
        self.contact_email_edit.setPlaceholderText("e.g. press.office@example.org")
        self.contact_email_hint = _hint()
        self.contact_web_edit = QLineEdit(contact.web or "")
        self.contact_web_edit.setPlaceholderText("e.g. www.ceop.police.uk")
        contact_box = QGroupBox("Press office contact — printed at the end of every release")
        contact_form = QFormLayout(contact_box)
        contact_form.addRow("Name:", self.contact_name_edit)
        contact_form.addRow("Phone:", self.contact_phone_edit)
        contact_form.addRow("Out-of-hours phone:", self.contact_ooh_edit)
        contact_form.addRow("Email:", self.contact_email_edit)
        contact_form.addRow("", self.contact_email_hint)
        contact_form.addRow("Web:", self.contact_web_edit)

        # -- Word template --
        self.template_edit = QLineEdit(self._loaded.template_path or "")
        self.template_edit.setReadOnly(True)
        self.template_edit.setPlaceholderText("The built-in template")
        self.template_edit.setToolTip(self._loaded.template_path or "")
        self.browse_button = QPushButton("Browse…")
        self.builtin_button = QPushButton("Use the built-in template")
        self.template_status = _hint(wrap=True)
        self.template_status.setObjectName("templateStatus")
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.builtin_button)
        template_box = QGroupBox("Word template")
        template_layout = QVBoxLayout(template_box)
        template_layout.addLayout(row)
        template_layout.addWidget(self.template_status)

        # -- bottom --
        self.error_label = QLabel()
        self.error_label.setObjectName("settingsError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(PROBLEM)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(organisation)
        layout.addWidget(contact_box)
        layout.addWidget(template_box)
        self.checks_button = QPushButton("Checks: terms, acronyms, lengths, spelling, legal…")
        self.checks_button.clicked.connect(lambda: ChecksDialog(self.ops, self).exec())
        layout.addWidget(self.checks_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.prefix_edit.textEdited.connect(self._upper_prefix)
        for edit in (
            self.organisation_edit,
            self.prefix_edit,
            self.press_office_edit,
            self.contact_email_edit,
        ):
            edit.textChanged.connect(self._validate)
        self.browse_button.clicked.connect(self.browse_template)
        self.builtin_button.clicked.connect(self.use_builtin_template)
        self._check_template()

    # -- public ---------------------------------------------------------------
    def values(self) -> Settings:
        """The settings as typed in the dialog."""
        return Settings(
            organisation=self.organisation_edit.text().strip(),
            press_office_name=self.press_office_edit.text().strip(),
            reference_prefix=self.prefix_edit.text().strip().upper(),
            default_place=_optional(self.place_edit),
            contact=ContactBlock(
                name=self.contact_name_edit.text().strip(),
                phone=_optional(self.contact_phone_edit),
                out_of_hours=_optional(self.contact_ooh_edit),
                email=_optional(self.contact_email_edit),
                web=_optional(self.contact_web_edit),
            ),
            template_path=_optional(self.template_edit),
            smart_quotes=self.smart_quotes_check.isChecked(),
        )

    def saved_settings(self) -> Settings | None:
        """What Save wrote, or None if the dialog was not saved."""
        return self._saved

    def problems(self) -> list[str]:
        """Everything that stops the settings being saved, one sentence each."""
        return [p for p in self._field_problems().values() if p] + (
            [self._template_problem] if self._template_problem else []
        )

    def save(self) -> bool:
        """Queue the settings for the store and close once written; on a refusal, show the
        core's sentence and stay. False when the form itself is refused at once."""
        try:
            wanted = self.values()
        except UserError as exc:
            self._refused(exc)
            return False

        def saved(_result: object) -> None:
            self._saved = wanted
            self.accept()

        self.ops.mutate(
            self,
            lambda store: settings_service.save(store, wanted),
            {SETTINGS},
            saved,
            on_failure=self._refused,
            report=False,
        )
        return True

    def _refused(self, exc: BaseException) -> None:
        self.error_label.setText(describe_failure(exc))
        self.error_label.show()
        self._fit()

    def set_template(self, path: str | None) -> None:
        """Point at a template file (None: the built-in one) and check it at once."""
        self.template_edit.setText(path or "")
        self.template_edit.setToolTip(path or "")
        self._check_template()

    def browse_template(self) -> None:
        current = self.template_edit.text()
        start = str(Path(current).parent) if current else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, "Choose a Word template", start, "Word documents (*.docx);;All files (*)"
        )
        if path:
            self.set_template(path)

    def use_builtin_template(self) -> None:
        self.set_template(None)

    # -- checking ---------------------------------------------------------------
    def _field_problems(self) -> dict[str, str | None]:
        prefix = self.prefix_edit.text().strip().upper()
        email = self.contact_email_edit.text().strip()
        return {
            "organisation": None
            if self.organisation_edit.text().strip()
            else "The organisation name cannot be empty: it is printed on every Word file.",
            "prefix": None
            if PREFIX_RE.match(prefix)
            else "Use 2 to 12 capital letters or digits, starting with a letter, like CEOP.",
            "press_office": None
            if self.press_office_edit.text().strip()
            else "The press office name cannot be empty: it is the author of every Word file.",
            "email": None
            if not email or _EMAIL.match(email)
            else "This does not look like an email address.",
        }

    def _validate(self) -> None:
        found = self._field_problems()
        self._show(
            self.organisation_hint,
            found["organisation"],
            "Printed in the header of every Word file.",
        )
        prefix = self.prefix_edit.text().strip().upper()
        example = f"{prefix} → {prefix}-{date.today().year}-014"
        self._show(self.prefix_hint, found["prefix"], f"References will look like this: {example}")
        self._show(
            self.press_office_hint, found["press_office"], "Named as the author of every Word file."
        )
        self._show(self.contact_email_hint, found["email"], "")
        problems = self.problems()
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(problems[0] if problems else "")
        self.error_label.hide()

    def _check_template(self) -> None:
        path = self.template_edit.text().strip()
        self._template_problem = None
        if not path:
            self._set_template_status(
                "The built-in template is used. It has every style the Word export needs.", HINT
            )
        else:
            try:
                missing = check_template(path)
            except UserError as exc:
                missing, self._template_problem = [], exc.message
            except OSError as exc:
                missing = []
                self._template_problem = f"The file {path} cannot be read ({exc.strerror})."
            if missing:
                names = ", ".join(f"“{name}”" for name in missing)
                self._template_problem = (
                    f"This template lacks {len(missing)} style"
                    f"{'s' if len(missing) != 1 else ''} the Word export needs: {names}. "
                    "Add them in Word with exactly these names, or use the built-in template."
                )
            if self._template_problem:
                self._set_template_status(self._template_problem, PROBLEM)
            else:
                self._set_template_status(
                    "✓ This template has every style the Word export needs."
                    + removed_from_template(path),
                    GOOD,
                )
        self._validate()

    def _set_template_status(self, text: str, style: str) -> None:
        self.template_status.setText(text)
        self.template_status.setStyleSheet(style)
        self._fit()

    def _fit(self) -> None:
        """Grow to fit wrapped messages (Qt sizes a dialog without counting wrapped lines)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit()

    # -- helpers ----------------------------------------------------------------
    def _upper_prefix(self, text: str) -> None:
        if text != text.upper():
            cursor = self.prefix_edit.cursorPosition()
            self.prefix_edit.setText(text.upper())
            self.prefix_edit.setCursorPosition(cursor)

    @staticmethod
    def _show(label: QLabel, problem: str | None, hint: str) -> None:
        label.setText(problem or hint)
        label.setStyleSheet(PROBLEM if problem else HINT)
        label.setVisible(bool(problem or hint))

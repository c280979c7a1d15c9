"""Create or edit one contact, with the core's own validation shown next to each field."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts import service
from ceopdesk.core.contacts.domain import KINDS, LAWFUL_BASES, Contact, Email, FieldProblem, Phone
from ceopdesk.core.store import Store
from ceopdesk.ui.operations import CONTACTS, StoreOps, describe_failure

from .detail_panel import LAWFUL_BASIS_LABELS
from .value_rows import BAD_FIELD_STYLE, DOUBT_STYLE, ERROR_STYLE, ValueRows

EMAIL_LABELS = ["", "work", "home", "other"]
PHONE_LABELS = ["", "work", "mobile", "desk", "home", "main", "other"]
SOCIAL_NETWORKS = ["x", "linkedin", "bluesky", "instagram", "mastodon", "threads", "web", "other"]
VALIDATE_DELAY_MS = 150
_CLASH = re.compile(r"^e-mail (\S+) already belongs to")


def sentence(message: str) -> str:
    """The core's phrase as a sentence: capital first letter, full stop."""
    text = message.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class ContactEditDialog(QDialog):
    """``contact=None`` creates a new contact. After ``accept()``, ``saved`` is the stored one."""

    def __init__(
        self,
        ops: StoreOps,
        contact: Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        store = ops.store
        self._store = store
        self.ops = ops
        self._original = contact
        self.saved: Contact | None = None
        self.problems: list[FieldProblem] = []
        self._touched = contact is not None
        self.setWindowTitle(f"Edit {contact.name or 'contact'}" if contact else "New contact")
        self.resize(620, 760)
        self._timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate)
        self._build()
        self._load(contact or Contact())
        self._touched = contact is not None  # loading the fields is not the user typing
        self.validate()

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.given = QLineEdit(placeholderText="First name")
        self.family = QLineEdit(placeholderText="Last name")
        names = QHBoxLayout()
        names.addWidget(self.given)
        names.addWidget(self.family)
        form.addRow("Name", names)
        self.display = QLineEdit(placeholderText="Only if it differs from first + last name")
        form.addRow("Shown as", self.display)
        self.name_error = _error_label()
        form.addRow("", self.name_error)
        self.organisation = QLineEdit(placeholderText="Outlet, agency or organisation")
        form.addRow("Organisation", self.organisation)
        self.job_title = QLineEdit()
        form.addRow("Job title", self.job_title)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.kind_error = _error_label()
        form.addRow("Kind", self.kind)
        form.addRow("", self.kind_error)
        self.emails = ValueRows("e-mail", EMAIL_LABELS, "name@example.org")
        form.addRow("E-mails", self.emails)
        self.phones = ValueRows("phone", PHONE_LABELS, "020 7946 0018 or +33 1 23 45 67 89")
        form.addRow("Phones", self.phones)
        self.social = ValueRows("handle", SOCIAL_NETWORKS, "@handle or web address", "network")
        form.addRow("Social / web", self.social)
        self.address = QPlainTextEdit(placeholderText="Street, town, postcode, country")
        self.address.setMaximumHeight(70)
        form.addRow("Postal address", self.address)
        self.city = QLineEdit(placeholderText="City or town (searchable)")
        form.addRow("City", self.city)
        self.tags = QLineEdit(placeholderText="Beats and outlets, separated by commas")
        tags = [t for t, _n in service.all_tags(self._store)]
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        form.addRow("Tags", self.tags)

        self.lawful_basis = QComboBox()
        self.lawful_basis.addItem("Not recorded", None)
        for basis in LAWFUL_BASES:
            self.lawful_basis.addItem(LAWFUL_BASIS_LABELS[basis], basis)
        self.lawful_basis_error = _error_label()
        form.addRow("Lawful basis", self.lawful_basis)
        form.addRow("", self.lawful_basis_error)
        self.source = QLineEdit(placeholderText="Where the details came from")
        form.addRow("Source", self.source)
        self.date_collected = QDateEdit()
        self.date_collected.setCalendarPopup(True)
        self.date_collected.setDisplayFormat("d MMM yyyy")
        self.no_date = QCheckBox("Not recorded")
        self.no_date.toggled.connect(lambda off: self.date_collected.setEnabled(not off))
        collected = QHBoxLayout()
        collected.addWidget(self.date_collected)
        collected.addWidget(self.no_date)
        collected.addStretch(1)
        form.addRow("Date collected", collected)
        self.date_error = _error_label()
        self.date_error.setStyleSheet(DOUBT_STYLE)
        form.addRow("", self.date_error)
        self.do_not_contact = QCheckBox("Do not contact (left out of distribution exports)")
        form.addRow("", self.do_not_contact)
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(70)
        form.addRow("Notes", self.notes)

        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        for edit in (
            self.given,
            self.family,
            self.display,
            self.organisation,
            self.job_title,
            self.tags,
            self.source,
            self.city,
        ):
            edit.textChanged.connect(self._changed)
        for group in (self.emails, self.phones, self.social):
            group.changed.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._changed)
        self.lawful_basis.currentIndexChanged.connect(self._changed)
        self.no_date.toggled.connect(self._changed)
        self.date_collected.dateChanged.connect(self._changed)
        self.do_not_contact.toggled.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        self.address.textChanged.connect(self._changed)

    def _load(self, c: Contact) -> None:
        self.given.setText(c.given_name)
        self.family.setText(c.family_name)
        self.display.setText(c.display_name)
        self.organisation.setText(c.organisation)
        self.job_title.setText(c.job_title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.kind)))
        self.emails.set_values([(e.address, e.label) for e in c.emails] or [("", "work")])
        self.phones.set_values([(p.display, p.label) for p in c.phones] or [("", "work")])
        self.social.set_values(list(c.social.items()))
        self.tags.setText(", ".join(c.tags))
        self.lawful_basis.setCurrentIndex(max(0, self.lawful_basis.findData(c.lawful_basis)))
        self.source.setText(c.source or "")
        day = c.date_collected if c.id is not None else (c.date_collected or date.today())
        self.no_date.setChecked(day is None)
        self.date_collected.setEnabled(day is not None)
        self.date_collected.setDate(
            QDate(day.year, day.month, day.day) if day else QDate.currentDate()
        )
        self.do_not_contact.setChecked(c.do_not_contact)
        self.notes.setPlainText(c.notes)
        self.address.setPlainText(c.address)
        self.city.setText(c.city)

    # -- the contact as typed -----------------------------------------------------------
    def contact(self) -> Contact:
        base = self._original or Contact()
        tags = [t.strip() for t in re.split(r"[,;]", self.tags.text()) if t.strip()]
        return dataclasses.replace(
            base,
            given_name=self.given.text(),
            family_name=self.family.text(),
            display_name=self.display.text(),
            organisation=self.organisation.text(),
            job_title=self.job_title.text(),
            kind=self.kind.currentData(),
            emails=[Email(v, label) for v, label in self.emails.values()],
            phones=[Phone(v, label) for v, label in self.phones.values()],
            social={net.strip() or "other": v for v, net in self.social.values() if v.strip()},
            tags=tags,
            notes=self.notes.toPlainText(),
            lawful_basis=self.lawful_basis.currentData(),
            source=self.source.text() or None,
            date_collected=None if self.no_date.isChecked() else self._date_collected(),
            # a date kept as typed at import stays until a date is picked
            date_collected_text=base.date_collected_text if self.no_date.isChecked() else "",
            address=self.address.toPlainText(),
            city=self.city.text(),
            do_not_contact=self.do_not_contact.isChecked(),
        )

    def _date_collected(self) -> date:
        picked = self.date_collected.date()
        return date(picked.year(), picked.month(), picked.day())

    # -- validation -------------------------------------------------------------------
    @property
    def checking(self) -> bool:
        """A check of what was typed is pending (it runs a moment after the last key)."""
        return self._timer.isActive()

    def _changed(self) -> None:
        self._touched = True
        self.save_button.setEnabled(False)  # until the pending check says it is fine
        self._timer.start()

    def validate(self) -> list[FieldProblem]:
        """Ask the core what is wrong and put each sentence beside its field."""
        self._timer.stop()
        self.problems = service.validate_contact(self._store, self.contact())
        for group in (self.emails, self.phones):
            group.clear_errors()
        for label in (self.name_error, self.kind_error, self.lawful_basis_error, self.date_error):
            label.hide()
        for edit in (self.given, self.family):
            edit.setStyleSheet("")
        general: list[str] = []
        if self._touched:
            for problem in self.problems:
                if not self._place(problem):
                    general.append(sentence(problem.message))
        blocking = [p for p in self.problems if not p.doubtful]
        if self._touched and blocking:
            n = len(blocking) - len(general)
            if n:
                general.insert(
                    0, f"Fix the {'field' if n == 1 else f'{n} fields'} marked in red to save."
                )
        self.summary.setText(" ".join(general))
        self.summary.setVisible(bool(general))
        ok = not blocking
        self.save_button.setEnabled(ok)
        self.save_button.setToolTip("" if ok else "Fix the fields marked in red to save.")
        return self.problems

    def _place(self, problem: FieldProblem) -> bool:
        message = sentence(problem.message)
        if problem.doubtful:  # saved as typed, marked unchecked
            message = message.replace("; kept unchecked.", ". It is kept, marked unchecked.")
        field, _, rest = problem.field.partition("[")
        if field in ("emails", "phones") and rest:
            group = self.emails if field == "emails" else self.phones
            row = int(rest.rstrip("]"))
            clash = _CLASH.match(problem.message)
            if clash:  # the core numbers clashes among the valid addresses: find the row
                row = max(0, group.row_with_value(clash.group(1)))
            group.set_error(row, message, problem.doubtful)
            return True
        target = {
            "name": self.name_error,
            "kind": self.kind_error,
            "lawful_basis": self.lawful_basis_error,
            "date_collected": self.date_error,
        }.get(field)
        if target is None:
            return False
        target.setText(message)
        target.show()
        if field == "name":
            for edit in (self.given, self.family):
                edit.setStyleSheet(BAD_FIELD_STYLE)
        return True

    def error_for(self, field: str) -> str:
        """The message shown beside a field ("emails[0]", "name", ...), for tests."""
        name, _, rest = field.partition("[")
        if name in ("emails", "phones"):
            group = self.emails if name == "emails" else self.phones
            return group.error(int(rest.rstrip("]")))
        label = {
            "name": self.name_error,
            "kind": self.kind_error,
            "lawful_basis": self.lawful_basis_error,
            "date_collected": self.date_error,
        }.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        self._touched = True
        if any(not p.doubtful for p in self.validate()):
            return
        contact = self.contact()

        def write(store: Store) -> Contact:
            if contact.id is None:
                return service.create_contact(store, contact)
            return service.update_contact(store, contact)

        def saved(stored: Contact) -> None:
            self.saved = stored
            self.accept()

        def refused(exc: BaseException) -> None:
            self.summary.setText(describe_failure(exc))
            self.summary.show()

        self.ops.mutate(self, write, {CONTACTS}, saved, on_failure=refused, report=False)

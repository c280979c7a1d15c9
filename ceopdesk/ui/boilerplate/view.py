"""The boilerplate library screen: the notes on the left, the chosen one on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core import settings as core_settings
from ceopdesk.core.domain import Boilerplate
from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import boilerplate
from ceopdesk.ui.operations import BOILERPLATE, RELEASES, SETTINGS, StoreOps, describe_failure

from .editor import HINT_STYLE, PROBLEM_STYLE, BoilerplateEditor
from .history import BoilerplateHistoryDialog
from .models import FOLLOWING, KEY_ROLE, BoilerplateListModel
from .usage import UsedInPanel

DONE_STYLE = "color:#0b6b2e;"
_Button = QMessageBox.StandardButton


class BoilerplateView(QWidget):
    """List, editor, history and "used in" for the boilerplate notes to editors.

    ``releaseActivated(reference)`` asks the main window to open a release;
    ``libraryChanged()`` says a note was added, changed or deleted;
    ``statusMessage(text)`` repeats the status line for a status bar.
    """

    releaseActivated = Signal(str)
    libraryChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self._store = store
        self.ops = ops
        self.ops.store_changed.connect(self._store_changed)
        self._guard = False  # True while the view moves the selection itself
        self._message = ("", HINT_STYLE)

        # -- left: the library --
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("boilerplateFilter")
        self.filter_edit.setPlaceholderText("Filter by title, key or text…")
        self.filter_edit.setClearButtonEnabled(True)
        self.model = BoilerplateListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.list_view = QTreeView()
        self.list_view.setObjectName("boilerplateList")
        self.list_view.setModel(self.proxy)
        self.list_view.setRootIsDecorated(False)
        self.list_view.setUniformRowHeights(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.list_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton("New note")
        self.new_button.setToolTip("Write a new boilerplate note for the library.")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Boilerplate notes to editors</b>"))
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.list_view, 1)
        left_layout.addWidget(self.new_button)

        # -- right: the note, its actions, where it is used --
        self.editor = BoilerplateEditor()
        self.status_label = QLabel()
        self.status_label.setObjectName("boilerplateStatus")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton("Save as new version")
        self.save_button.setDefault(True)
        self.discard_button = QPushButton("Discard changes")
        self.history_button = QPushButton("History…")
        self.history_button.setToolTip("Every version of this note, and what each one changed.")
        self.delete_button = QPushButton("Delete…")
        actions = QHBoxLayout()
        for button in (self.save_button, self.discard_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.editor, 1)
        top_layout.addWidget(self.status_label)
        top_layout.addLayout(actions)

        self.used_in = UsedInPanel()
        self.used_in.releaseActivated.connect(self.releaseActivated)

        self.detail_splitter = QSplitter(Qt.Orientation.Vertical)
        self.detail_splitter.setObjectName("boilerplateDetailSplitter")
        self.detail_splitter.addWidget(top)
        self.detail_splitter.addWidget(self.used_in)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 1)
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.setSizes([520, 220])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("boilerplateSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filter_edit.textChanged.connect(self._on_filter)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_note)
        self.save_button.clicked.connect(self.save_version)
        self.discard_button.clicked.connect(self.discard_changes)
        self.history_button.clicked.connect(self.open_history)
        self.delete_button.clicked.connect(self.delete_current)
        self.editor.edited.connect(self._on_edited)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self._save_if_possible)
        self.editor.text_edit.smart_quotes = core_settings.load(store).smart_quotes
        self.reload()

    # -- public ---------------------------------------------------------------
    def _store_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds:
            self.editor.text_edit.smart_quotes = core_settings.load(self._store).smart_quotes
        if kinds & {BOILERPLATE, RELEASES}:  # notes, or where they are used
            message = self._message
            self.reload()
            self._message = message
            self._update_state()

    def reload(self) -> None:
        """Read the library again; keeps the note shown, and unsaved edits."""
        self._load_list()
        if self.editor.is_dirty():
            return
        shown = self.current_key()
        keys = [item.key for item in self.model.items()]
        if shown in keys:
            self._show(shown)
        elif keys:
            first = self.proxy.index(0, 0).data(KEY_ROLE)
            self._show(first)
        else:
            self._show(None)

    def current_key(self) -> str | None:
        """The key of the saved note in the editor (None while writing a new one)."""
        item = self.editor.item
        return item.key if item else None

    def select_key(self, key: str) -> bool:
        """Show the note ``key`` (asking about unsaved edits first). False if it did not."""
        if key == self.current_key():
            return True
        if self.model.row_of(key) < 0 or not self.resolve_unsaved_changes():
            return False
        self._show(key)
        return True

    def has_unsaved_changes(self) -> bool:
        return self.editor.is_dirty()

    def resolve_unsaved_changes(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved edits; True when safe to move on."""
        if not self.editor.is_dirty():
            return True
        _key, title, _text = self.editor.values()
        name = f"“{title.strip()}”" if title.strip() else "the new note"
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"You have changed {name} but not saved it.\n\n"
            "Save the changes as a new version, discard them, or go back to the note?",
            _Button.Save | _Button.Discard | _Button.Cancel,
            _Button.Save,
        )
        if answer == _Button.Save:
            return self.save_version()
        if answer == _Button.Discard:
            self.discard_changes()
            return True
        return False

    def new_note(self) -> None:
        if not self.resolve_unsaved_changes():
            return
        self._show(None)
        self.editor.focus_first_field()

    def save_version(self) -> bool:
        """Save the note as typed as its next version. False (with the reason shown) if not."""
        problem = self._problem()
        if problem:
            self._set_message(problem, PROBLEM_STYLE)
            return False
        key, title, text = self.editor.values()
        was_new = self.editor.is_new
        before = self.editor.item.version if self.editor.item else 0

        def saved(item: Boilerplate) -> None:
            if self.editor.is_dirty() and self.editor.values() == (key, title, text):
                self.editor.load(item)  # what was typed is now that version
            self._message = (self._saved_message(item, was_new, before), DONE_STYLE)
            self.statusMessage.emit(self._message[0])
            self.libraryChanged.emit()
            if was_new:
                self._select_in_list(item.key)

        def failed(exc: BaseException) -> None:
            self._set_message(f"NOT saved: {describe_failure(exc)}", PROBLEM_STYLE)

        self.ops.mutate(
            self,
            lambda store: boilerplate.save(store, key, title, text),
            {BOILERPLATE},
            saved,
            on_failure=failed,
            report=False,
        )
        return True

    def discard_changes(self) -> None:
        self.editor.load(self.editor.item)
        self._set_message("Changes discarded.", HINT_STYLE)

    def delete_current(self) -> None:
        item = self.editor.item
        if item is None:
            return
        versions = "its only version" if item.version == 1 else f"all {item.version} versions"
        answer = QMessageBox.question(
            self,
            "Delete note",
            f"Delete “{item.title}” ({item.key}) with {versions}?\n\nThis cannot be undone.",
            _Button.Yes | _Button.No,
            _Button.No,
        )
        if answer != _Button.Yes:
            return

        def deleted(_result: object) -> None:
            if self.current_key() == item.key:
                self.editor.load(None)  # nothing left to ask about
            self._message = (f"Deleted “{item.title}”.", DONE_STYLE)
            self.statusMessage.emit(self._message[0])
            self.libraryChanged.emit()

        self.ops.mutate(
            self,
            lambda store: boilerplate.delete(store, item.key),
            {BOILERPLATE},
            deleted,
            on_failure=lambda exc: self._set_message(describe_failure(exc), PROBLEM_STYLE),
            report=False,
        )

    def history_dialog(self) -> BoilerplateHistoryDialog | None:
        key = self.current_key()
        return BoilerplateHistoryDialog(self._store, key, self) if key else None

    def open_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    # -- internals --------------------------------------------------------------
    def _load_list(self) -> None:
        self._guard = True
        try:
            self.model.set_items(boilerplate.list_all(self._store))
        finally:
            self._guard = False
        self._select_in_list(self.current_key())

    def _show(self, key: str | None) -> None:
        item: Boilerplate | None = None
        if key is not None:
            try:
                item = boilerplate.get(self._store, key)
            except UserError as exc:  # deleted meanwhile
                self._set_message(exc.message, PROBLEM_STYLE)
        self.editor.load(item)
        uses = boilerplate.usages(self._store, item.key) if item else []
        self.used_in.show_uses(item, uses)
        self._select_in_list(item.key if item else None)
        self._set_message("", HINT_STYLE)

    def _select_in_list(self, key: str | None) -> None:
        self._guard = True
        try:
            selection = self.list_view.selectionModel()
            row = self.model.row_of(key) if key else -1
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
            if index is None or not index.isValid():
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
                return
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
            self.list_view.scrollTo(index)
        finally:
            self._guard = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._guard or not current.isValid():
            return
        key = current.data(KEY_ROLE)
        if key == self.current_key():
            return
        if self.resolve_unsaved_changes():
            self._show(key)
        else:
            self._select_in_list(self.current_key())

    def _on_filter(self, text: str) -> None:
        self._guard = True
        try:
            self.proxy.setFilterFixedString(text)
        finally:
            self._guard = False
        self._select_in_list(self.current_key())

    def _save_if_possible(self) -> None:
        if self.save_button.isEnabled():
            self.save_version()

    def _on_edited(self) -> None:
        self._message = ("", HINT_STYLE)  # an old outcome no longer describes the form
        self._update_state()

    def _problem(self) -> str | None:
        problem = self.editor.problem()
        key = self.editor.values()[0]
        if problem is None and self.editor.is_new and self.model.row_of(key) >= 0:
            problem = f'There is already a note with the key "{key}"; choose another.'
        return problem

    def _update_state(self) -> None:
        dirty = self.editor.is_dirty()
        problem = self._problem()
        self.save_button.setEnabled(dirty and problem is None)
        self.save_button.setText("Save new note" if self.editor.is_new else "Save as new version")
        self.save_button.setToolTip(problem or "Keep this text as the note's next version.")
        self.discard_button.setEnabled(dirty)
        self.history_button.setEnabled(not self.editor.is_new)
        self.delete_button.setEnabled(not self.editor.is_new)
        if self._message[0]:
            self._show_line(*self._message)
        elif dirty and problem:
            self._show_line(problem, PROBLEM_STYLE)
        elif dirty:
            self._show_line("Unsaved changes — “Save as new version” keeps them.", HINT_STYLE)
        else:
            self._show_line("", HINT_STYLE)

    def _set_message(self, text: str, style: str) -> None:
        self._message = (text, style)
        self._update_state()
        if text:
            self.statusMessage.emit(text)

    def _show_line(self, text: str, style: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)

    def _saved_message(self, saved: Boilerplate, was_new: bool, before: int) -> str:
        if was_new:
            return f"Added “{saved.title}” as version 1."
        if saved.version == before:
            return f"Nothing changed since version {saved.version}."
        following = sum(1 for use in self.used_in.model.uses() if use.status in FOLLOWING)
        drafts = {0: "Drafts that use it", 1: "The draft that uses it"}.get(
            following, f"The {following} drafts that use it"
        )
        return (
            f"Saved as version {saved.version}. {drafts} will show that it has changed; "
            "approved and issued releases keep the text they took."
        )

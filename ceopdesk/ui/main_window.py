"""The main window: navigation between the pages, the menus, the status bar, window state.

It is painted first as a shell (menus, navigation, a releases list saying it is loading),
before the store's modules are loaded, and filled once the store is open (``attach``):
the person sees the window in about the time an empty PySide6 window takes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from . import dialogs
from .keys import MenuKeysWin
from .main_menus import MainMenus
from .operations import BOILERPLATE, RELEASES, SETTINGS, StoreOps
from .releases.page import ReleasesPage
from .welcome import WelcomePage
from .wheel import WheelScrollsTheForm

if TYPE_CHECKING:
    from ..core.store import Store
    from .boilerplate.view import BoilerplateView
    from .contacts.view import ContactsView

NAV_RELEASES, NAV_BOILERPLATE, NAV_CONTACTS = 0, 1, 2
CLOSE_WAIT_MS = 5000  # a busy store gets this long to take the last edit before asking


def _has_boilerplate(store: Store) -> bool:
    """Asked only of a store without releases: its answer decides the welcome page."""
    from ..core.releases import boilerplate

    return bool(boilerplate.list_all(store))


class MainWindow(QMainWindow):
    store: Store
    ops: StoreOps  # every change to the store goes through it

    def __init__(
        self,
        store: Store | None = None,
        parent: QWidget | None = None,
        *,
        store_path: Path | None = None,
    ) -> None:
        """The window on ``store``; without one, the shell for the store at ``store_path``."""
        super().__init__(parent)
        path = store.path if store is not None else store_path
        assert path is not None, "a store or the path of one"
        self.store_path = path
        self._open = False
        self._asked_row: int | None = None  # a page chosen before the store was open
        # The application's display name would be added again after the title.
        self.setWindowTitle(f"ceopdesk — {path.name}")
        self.setMinimumSize(900, 600)

        self.welcome = WelcomePage()
        self.releases = ReleasesPage()
        # Boilerplate and Contacts are built on their first visit: their libraries
        # (Markdown, phone numbers, e-mail checks) would otherwise slow every start.
        self._boilerplate: BoilerplateView | None = None
        self._contacts: ContactsView | None = None
        self.pages = QStackedWidget()
        for page in (self.releases, self.welcome):
            self.pages.addWidget(page)
        self.nav = QListWidget()
        self.nav.addItems(["Releases", "Boilerplate", "Contacts"])
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 12pt; border: none; background: #eef1f5; padding-top: 8px; }"
            "QListWidget::item { padding: 10px 14px; }"
            "QListWidget::item:selected { background: #1f3864; color: white; }"
        )
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.menus = MainMenus(self)
        self.save_line = QLabel()
        self.save_line.setObjectName("saveLine")
        self.statusBar().addPermanentWidget(self.save_line)
        self._keys = MenuKeysWin(self)
        self._wheel = WheelScrollsTheForm(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._keys)
            app.installEventFilter(self._wheel)

        self.nav.currentRowChanged.connect(self._navigate)
        self.welcome.load_sample_requested.connect(self.load_sample)
        self.welcome.start_empty_requested.connect(lambda: self._navigate(NAV_RELEASES))
        self.releases.message.connect(self.say)
        self.releases.editor_save_state.connect(self._show_save_state)
        self.releases.editor_shown.connect(self.menus.update)
        self.releases.editor_undo_state.connect(self.menus.update)

        self._restore_state()
        self._select_nav(NAV_RELEASES)
        self.menus.set_store_open(False)
        self.menus.update()
        if store is not None:
            self.attach(store)

    def attach(self, store: Store) -> None:
        """Fill the window from the open ``store`` (the shell's second half)."""
        # The listing reads with sqlite3: filling the first screen needs no SQLAlchemy.
        from ..core.releases.listing import list_releases

        self.store = store
        self.ops = StoreOps(store, self)
        self.ops.waiting.connect(self._show_waiting)
        # One read of the list on show, which also tells an empty store (for the welcome page).
        rows = list_releases(store)
        self.releases.attach(self.ops, rows)
        self._open = True
        self.menus.set_store_open(True)
        if self._asked_row is not None:
            self._navigate(self._asked_row)
        elif not rows and not _has_boilerplate(store):
            self.pages.setCurrentWidget(self.welcome)
        self.menus.update()

    def is_open(self) -> bool:
        """True once ``attach`` has filled the window from the store."""
        return self._open

    @property
    def boilerplate(self) -> BoilerplateView:
        if self._boilerplate is None:
            from .boilerplate.view import BoilerplateView

            view = BoilerplateView(self.ops)
            view.statusMessage.connect(self.say)
            view.releaseActivated.connect(self.open_release)
            self.pages.addWidget(view)
            self._boilerplate = view
        return self._boilerplate

    @property
    def contacts(self) -> ContactsView:
        if self._contacts is None:
            from .contacts.view import ContactsView

            view = ContactsView(self.ops)
            view.statusMessage.connect(self.say)
            self.pages.addWidget(view)
            self._contacts = view
        return self._contacts

    # -- navigation ---------------------------------------------------------
    def _navigate(self, row: int) -> None:
        if not self._open:  # the pages need the store: shown once it is open
            self._asked_row = row
            self._select_nav(row)
            return
        if self.pages.currentWidget() is self.releases:
            self.releases.flush()
        pages = {
            NAV_RELEASES: lambda: self.releases,
            NAV_BOILERPLATE: lambda: self.boilerplate,
            NAV_CONTACTS: lambda: self.contacts,
        }
        if row not in pages:
            return
        page = pages[row]()
        self._select_nav(row)
        self.pages.setCurrentWidget(page)
        self.menus.update()

    def _select_nav(self, row: int) -> None:
        """Mark ``row`` in the navigation without navigating again."""
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _show_save_state(self, text: str) -> None:
        self.save_line.setText(text)
        alarm = text.startswith("NOT saved")
        self.save_line.setStyleSheet("color: #a4001d; font-weight: bold;" if alarm else "")

    def _show_waiting(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)  # stays until the store is free
        else:
            self.say("The store is free again: your changes are being saved.")

    def new_release(self) -> None:
        self._navigate(NAV_RELEASES)
        self.releases.new_release()

    def open_release(self, reference: str) -> None:
        self._navigate(NAV_RELEASES)
        self.releases.open_release(reference)

    def find_on_page(self) -> None:
        """Search the page on show: releases, boilerplate notes or contacts."""
        if not self._open:
            return
        page = self.pages.currentWidget()
        if page is self._contacts and self._contacts is not None:
            self._contacts.search.setFocus()
            self._contacts.search.selectAll()
            return
        if page is self._boilerplate and self._boilerplate is not None:
            self._boilerplate.filter_edit.setFocus()
            self._boilerplate.filter_edit.selectAll()
            return
        self._navigate(NAV_RELEASES)
        self.releases.show_list()
        self.releases.list_panel.focus_search()

    def load_sample(self) -> None:
        from ..core import demo

        self.menus.sample_action.setEnabled(False)
        self.welcome.sample_button.setEnabled(False)

        def done(report: list[str]) -> None:
            self.menus.sample_action.setEnabled(True)
            self.welcome.sample_button.setEnabled(True)
            added = sum(1 for line in report if line.endswith(": added"))
            self.say(
                f"Sample library loaded: {added} item(s) added"
                if added
                else "The sample library was already loaded"
            )
            self._navigate(NAV_RELEASES)
            self.releases.show_list()

        def failed(_exc: BaseException) -> None:
            self.menus.sample_action.setEnabled(True)
            self.welcome.sample_button.setEnabled(True)

        self.ops.mutate(
            self, demo.load_sample, {RELEASES, BOILERPLATE, SETTINGS}, done, on_failure=failed
        )

    def import_releases(self) -> None:
        # Imported here: the readers load python-docx and the web page extractor.
        from .archive.import_dialog import ArchiveImportDialog

        dialog = ArchiveImportDialog(self.store, self.ops, self)
        dialog.imported.connect(self._imported)
        dialog.exec()

    def _imported(self, references: list[str]) -> None:
        self.say(f"{len(references)} release(s) imported")
        if references:  # a new store shows the welcome page until there is something to list
            self._navigate(NAV_RELEASES)
            self.releases.show_list()

    def open_settings(self) -> None:
        # Imported here: it loads python-docx (to check templates), a fifth of start-up time.
        from .settings_dialog import SettingsDialog

        SettingsDialog(self.ops, self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About ceopdesk",
            f"<b>ceopdesk {__version__}</b><br>Press releases, notes to editors "
            "and media contacts for a press office.<br><br>"
            f"Store: {self.store_path}",
        )

    # -- window state -------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # first run: large, but never larger than the screen
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width() * 9 // 10), min(820, screen.height() * 9 // 10))
        self.releases.restore_state(settings)

    def open_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        BackupsDialog(self.ops, self, before_restore=self.releases.flush).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._open:  # closed before the store was open: nothing to save
            self._remove_filters()
            event.accept()
            return
        editor = self.releases.built_editor()
        self.releases.flush()
        self.ops.wait_idle(CLOSE_WAIT_MS)
        if (
            editor is not None
            and (editor.unsaved_reason() or editor.is_dirty())
            and not dialogs.confirm(
                self,
                "Close without saving?",
                f"Your last change to “{editor.form.headline.text()}” ({editor.reference}) is "
                f"NOT saved: {editor.unsaved_reason().removeprefix('NOT saved: ') or 'the store is busy'}."
                "\n\nClose anyway and lose that change?",
                "Close and lose it",
            )
        ):
            event.ignore()
            return
        if self._boilerplate is not None and not self._boilerplate.resolve_unsaved_changes():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        self.releases.save_state(settings)
        self.ops.shutdown(1000)
        self._remove_filters()
        event.accept()

    def _remove_filters(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._keys)
            app.removeEventFilter(self._wheel)

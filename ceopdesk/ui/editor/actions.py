"""What the editor does to the release besides typing: workflow moves, the approval lock,
library notes, export. Each change goes through ``StoreOps`` after the typing queued first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from ...core import audit
from ...core.checks import Finding, check_release
from ...core.domain import Release
from ...core.releases import workflow
from ...core.releases.versions import content_of
from .. import dialogs
from ..operations import RELEASES, Operation, run_in_background
from .approval_dialog import ApprovalDialog
from .export import ask_export_path
from .submit_checks import ask_to_submit

if TYPE_CHECKING:
    from ...core.store import Store
    from .editor import ReleaseEditor


def confirmation(reference: str, headline: str, target: str, was_issued: bool) -> str | None:
    """What to ask before a move that cannot be taken back, or None when there is nothing to ask."""
    name = f"{reference} “{headline}”"
    if target == "issued":
        return (
            f"Mark {name} as issued?\n\nThis cannot be undone: an issued release is "
            "read-only for good. It can only be withdrawn later, never edited or reopened."
        )
    if target == "withdrawn":
        after = (
            ("This cannot be undone: it was issued, so once withdrawn it can never be reopened.")
            if was_issued
            else "You can reopen it as a draft later."
        )
        return f"Withdraw {name}?\n\nIt becomes read-only and marked WITHDRAWN. {after}"
    return None


class EditorActions:
    def __init__(self, editor: ReleaseEditor) -> None:
        self.editor = editor
        self.checking: Operation | None = None  # the checks before submission, while they run

    def _ready(self) -> bool:
        """Typing queued first; False (after saying why) when the last of it did not save."""
        self.editor.flush()
        reason = self.editor.unsaved_reason()
        if reason:
            dialogs.show_error(self.editor, f"{reason}. Fix that first.")
            return False
        return self.editor.stored_release() is not None

    def request_move(self, target: str) -> None:
        editor = self.editor
        release = editor.stored_release()
        if release is None or not self._ready():
            return
        user, note = None, None
        if target == "in_review":
            self._check_then_submit(release)
            return
        if target == "approved":
            dialog = ApprovalDialog(
                release.reference, release.headline, editor, workflow.approvers(editor.store)
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            user, note = dialog.approver_name(), dialog.note_text()
        self._move(release, target, user, note)

    def _check_then_submit(self, release: Release) -> None:
        """The checks run off the UI thread (the spelling dictionary may still be reading);
        their findings are asked about here, then the move is written as any other."""
        if self.checking is not None:
            return  # a second click while the first is checking
        editor, store = self.editor, self.editor.store
        form = editor.release()  # what goes for approval once the typing queued is saved
        checked = form if form is not None else release

        def found(findings: list[Finding]) -> None:
            self.checking = None
            editor.message.emit("")  # the "Checking…" line, answered
            now = editor.release()
            if editor.reference != release.reference or now is None:
                return  # another release was opened meanwhile
            if content_of(now) != content_of(checked):
                self.request_move("in_review")  # typed while it was checked: check that
                return
            reasons = ask_to_submit(editor, release.reference, findings)
            if reasons is not None:
                self._move(editor.stored_release() or release, "in_review", reasons=reasons)

        def failed(_exc: BaseException) -> None:  # reported by ui.operations already
            self.checking = None
            editor.message.emit("")

        editor.message.emit(f"Checking {release.reference} before it goes for approval…")
        self.checking = run_in_background(
            editor, lambda: check_release(store, checked), found, on_failure=failed
        )

    def _move(
        self,
        release: Release,
        target: str,
        user: str | None = None,
        note: str | None = None,
        reasons: dict[str, str] | None = None,
    ) -> None:
        editor = self.editor
        was_issued = release.status == "issued" or workflow.was_issued(
            editor.store, release.reference
        )
        question = confirmation(release.reference, editor.form.headline.text(), target, was_issued)
        if question and not dialogs.confirm(
            editor,
            workflow.TRANSITIONS.get((release.status, target), "Confirm"),
            question,
            workflow.LABELS[target] if target != "issued" else "Mark issued",
        ):
            return
        reference = release.reference

        def moved(result: Release) -> None:
            if editor.reference == reference:
                editor.show_release(result)
                editor.undo_stack.clear()
            editor.message.emit(
                f"{reference} “{result.headline}” is now {workflow.LABELS[target].lower()}"
            )

        editor.ops.mutate(
            editor,
            lambda store: workflow.set_status(store, reference, target, user, note, reasons),
            {RELEASES},
            moved,
        )

    def make_changes(self) -> None:
        """Unlock an approved release: the approval is void, as the button said."""
        editor = self.editor
        release = editor.stored_release()
        if release is None or release.status != "approved":
            return
        reference = release.reference
        by = f" by {release.approved_by}" if release.approved_by else ""

        def unlocked(result: Release) -> None:
            if editor.reference != reference:
                return
            editor.show_release(
                result,
                note=(
                    f"The approval{by} is void: {reference} is a draft again and needs "
                    "approving again before it goes out."
                ),
            )
            editor.undo_stack.clear()
            editor.form.headline.setFocus()
            editor.message.emit(f"The approval{by} of {reference} is void")

        editor.ops.mutate(
            editor,
            lambda store: workflow.set_status(
                store, reference, "draft", None, f"changes after the approval{by}"
            ),
            {RELEASES},
            unlocked,
        )

    def take_latest(self, key: str) -> None:
        editor = self.editor
        release = editor.stored_release()
        if release is None or not self._ready():
            return
        from ...core.releases import service as releases

        reference = release.reference
        editor.ops.mutate(
            editor,
            lambda store: releases.take_latest_boilerplate(store, reference, key),
            {RELEASES},
            lambda _r: editor.message.emit(f"Took the new text of “{key}”"),
        )

    def export_word(self) -> None:
        editor = self.editor
        release = editor.stored_release()
        if release is None or not self._ready():
            return
        path = ask_export_path(editor, release.reference, editor.form.headline.text())
        if path is None:
            return
        reference, user = release.reference, audit.current_user()

        def export(store: Store) -> tuple[Path, int]:
            from ...documents.exporting import export_release  # python-docx loads on first use

            return export_release(store, reference, path, user)

        def done(result: tuple[Path, int]) -> None:
            written, version = result
            editor.bar.export_button.setEnabled(True)
            editor.message.emit(f"Exported {written.name} (version {version})")

        editor.bar.export_button.setEnabled(False)
        editor.message.emit(f"Exporting {path.name}…")
        editor.ops.mutate(
            editor,
            export,
            {RELEASES},
            done,
            on_failure=lambda _e: editor.bar.export_button.setEnabled(True),
        )

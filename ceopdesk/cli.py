"""The command line (DESIGN §5). Core and documents only: never Qt.

Exit status: 0 success, 1 a user error (one sentence on stderr, no traceback),
2 bad usage. A failed command changes nothing in the store.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .core import paths
from .core.atomic import sweep_unfinished_writes
from .core.errors import UserError
from .core.failures import storage_sentence
from .lazy import lazy_module

if TYPE_CHECKING:
    from .core.store import Store

audit = lazy_module("ceopdesk.core.audit")  # SQLAlchemy: loaded by a command that writes

log = logging.getLogger("ceopdesk")


class Context:
    """What every command handler gets: the store (opened on first use) and the streams.

    A command that only reads sets ``reads_only`` in its parser's defaults: its store is
    opened without SQLite's quick_check (the app's start and every writing command run
    it), which is a third of the time of a listing on a large store.
    """

    def __init__(self, db: str | None, out: TextIO, err: TextIO, reads_only: bool = False) -> None:
        self.db_path = paths.default_db_path(db)
        # Only the default place is created: a mistyped --db folder is refused.
        self.named = bool(db or os.environ.get(paths.DB_ENV))
        self.out = out
        self.err = err
        self.reads_only = reads_only
        self._store: Store | None = None

    @property
    def user(self) -> str:
        """The name for the audit trail (loads the audit module, and with it SQLAlchemy)."""
        return audit.current_user()

    @property
    def store(self) -> Store:
        if self._store is None:
            from .core.store import Store

            # A command that only reads a store it was pointed at never makes one: a
            # mistyped file name would otherwise answer "No releases." from a new, empty store.
            self._store = Store(
                self.db_path,
                create_folder=not self.named,
                verify=not self.reads_only,
                create=not (self.named and self.reads_only),
            )
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as DESIGN §5 asks for bad usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the command group it names gets its commands.

    A group named on the command line is the only one whose commands are needed: building
    the others (and importing what their choices come from) is most of a listing's cost
    after Python's own start. The others keep their one line for `ceopdesk --help`.
    """
    from .commands import boilerplate, contacts, releases, store

    parser = _Parser(
        prog="ceopdesk",
        description="Press releases, boilerplate notes and media contacts for a press office. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the store file (default: $CEOPDESK_DB, then the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"ceopdesk {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    store.add_parser(sub)
    named = _command_word(argv)
    groups = {"release": releases, "boilerplate": boilerplate, "contacts": contacts}
    for name, module in groups.items():
        module.add_parser(sub, commands=named not in groups or named == name)
    return parser


def _command_word(argv: list[str] | None) -> str | None:
    """The command a command line names (the first word that is not an option or --db's)."""
    words = iter(sys.argv[1:] if argv is None else argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not hasattr(args, "func"):
        return _open_app(args.db)
    # A log that cannot be written (a full disk) must not print logging's own traceback.
    logging.raiseExceptions = False
    ctx = Context(args.db, out, err, reads_only=getattr(args, "reads_only", False))
    sweep_unfinished_writes()
    try:
        return int(args.func(args, ctx) or 0)
    except UserError as exc:
        print(f"ceopdesk: {exc.message}", file=err)
        return 1
    except KeyboardInterrupt:
        print("ceopdesk: interrupted; nothing was changed.", file=err)
        return 1
    except BrokenPipeError:
        return 0
    except _storage_errors() as exc:
        sentence = storage_sentence(exc, ctx.db_path)
        if sentence is None:
            return _bug(ctx, exc, err)
        print(f"ceopdesk: {sentence}", file=err)
        return 1
    except Exception as exc:  # a bug, not the user's doing: keep the details, not a traceback
        return _bug(ctx, exc, err)
    finally:
        ctx.close()


def _storage_errors() -> tuple[type[Exception], ...]:
    # SQLAlchemy's wrapper of SQLite's errors, once a command has loaded SQLAlchemy.
    wrapped = sys.modules.get("sqlalchemy.exc")
    return (OSError, sqlite3.Error) + ((wrapped.DatabaseError,) if wrapped else ())


def _bug(ctx: Context, exc: Exception, err: TextIO) -> int:
    where = _log_crash(ctx.db_path, exc)
    print(
        f"ceopdesk: something went wrong inside ceopdesk ({type(exc).__name__}); "
        f"nothing was changed. Details are in {where}.",
        file=err,
    )
    return 1


def _log_crash(db_path: Path, exc: Exception) -> Path:
    folder = paths.log_dir(db_path)
    target = folder / "ceopdesk.log"
    try:
        paths.private_folder(folder)
        handler = logging.FileHandler(target, encoding="utf-8")
        paths.make_private(target)
    except OSError:
        return Path("(no log: the folder cannot be written)")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    try:
        log.error("command failed", exc_info=exc)
        handler.flush()
        if handler.stream is None or target.stat().st_size == 0:
            return Path("(no log: it could not be written)")
    except OSError:
        return Path("(no log: it could not be written)")
    finally:
        log.removeHandler(handler)
        handler.close()
    return target


def _open_app(db: str | None) -> int:
    try:
        from .ui.app import run_app
    except ImportError as exc:  # e.g. Qt's system libraries are missing
        print(f"ceopdesk: the desktop app cannot start ({exc}).", file=sys.stderr)
        return 1
    return run_app(db)


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    entry()

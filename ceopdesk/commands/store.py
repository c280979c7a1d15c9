"""`ceopdesk demo | backup | restore | check`: the store as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazy import lazy_module

if TYPE_CHECKING:
    from ..cli import Context
    from ..core import backup, demo
    from ..core import restore as restoring
    from ..core import store as stores
else:
    # Loaded when a command first calls them: `ceopdesk --help` needs none (nor SQLAlchemy).
    backup = lazy_module("ceopdesk.core.backup")
    demo = lazy_module("ceopdesk.core.demo")
    restoring = lazy_module("ceopdesk.core.restore")
    stores = lazy_module("ceopdesk.core.store")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="load the sample library (safe to run twice)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("backup", help="write a verified copy of the store")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: a new file in the backups folder beside the store)",
    )
    p.add_argument("--list", action="store_true", help="list the automatic backups, newest first")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="replace the store with a backup (the current one is "
        "backed up first; erased people stay erased)",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="check the store's integrity")
    p.set_defaults(func=cmd_check)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    report = demo.load_sample(ctx.store, ctx.user)
    for line in report:
        print(line, file=ctx.out)
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        if args.output:
            print("ceopdesk: backup: --list and -o cannot be used together", file=ctx.err)
            return 2
        found = backup.list_backups(ctx.db_path)
        if not found:
            print(f"No backups of {ctx.db_path} yet.", file=ctx.out)
        for b in found:
            print(
                f"{b.when:%Y-%m-%d %H:%M:%S}  {_size(b.size):>9}  {b.reason:<15} {b.path}",
                file=ctx.out,
            )
        return 0
    _ = ctx.store  # opening checks the store: a damaged one is never copied as if it were good
    info = backup.make_backup(ctx.db_path, "manual", args.output)
    print(f"Backed up to {info.path} (verified).", file=ctx.out)
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    report = restoring.restore(ctx.db_path, args.file)
    print(report.sentence(), file=ctx.out)
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    try:
        store = ctx.store
    except stores.StoreDamaged as exc:
        print(f"ceopdesk: {exc.message}", file=ctx.err)
        return 1
    problems = store.integrity_problems()
    if problems:
        for p in problems:
            print(p, file=ctx.err)
        kept = backup.newest_good_backup(ctx.db_path)
        advice = (
            f"restore the backup of {kept.when_text} with `ceopdesk restore {kept.path}`"
            if kept
            else "there is no backup of it to restore"
        )
        print(f"ceopdesk: {store.path} has {len(problems)} problem(s); {advice}.", file=ctx.err)
        return 1
    print(f"{store.path}: OK (schema {store.schema_revision()}).", file=ctx.out)
    return 0


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"

"""`ceopdesk demo | backup | restore | check`: the store as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import backup, demo


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="load the sample library (safe to run twice)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("backup", help="write a consistent copy of the store")
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help="where to write it (default: the backups folder beside the store)")  # fmt: skip
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the store with a backup (the current one is "
                       "backed up first)")  # fmt: skip
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="check the store's integrity")
    p.set_defaults(func=cmd_check)


def cmd_demo(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    report = demo.load_sample(ctx.store, ctx.user)
    for line in report:
        print(line, file=ctx.out)
    return 0


def cmd_backup(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    target = backup.backup(ctx.store, args.output)
    print(f"Backed up to {target}.", file=ctx.out)
    return 0


def cmd_restore(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    safety = backup.restore(ctx.store, args.file)
    print(f"Restored from {args.file}. The store as it was is kept in {safety}.", file=ctx.out)
    return 0


def cmd_check(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    problems = ctx.store.integrity_problems()
    if problems:
        for p in problems:
            print(p, file=ctx.err)
        print(f"ceopdesk: {ctx.store.path} has {len(problems)} problem(s); restore a backup.",
              file=ctx.err)  # fmt: skip
        return 1
    print(f"{ctx.store.path}: OK (schema {ctx.store.schema_revision()}).", file=ctx.out)
    return 0

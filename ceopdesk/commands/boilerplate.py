"""`ceopdesk boilerplate ...`: import, list, show."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..lazy import lazy_module

if TYPE_CHECKING:
    from ..cli import Context
    from ..core.releases import boilerplate, interchange, listing
else:
    # On first use, not for --help.
    boilerplate = lazy_module("ceopdesk.core.releases.boilerplate")
    interchange = lazy_module("ceopdesk.core.releases.interchange")
    listing = lazy_module("ceopdesk.core.releases.listing")  # plain sqlite3: no SQLAlchemy


def add_parser(sub: argparse._SubParsersAction, commands: bool = True) -> None:
    group = sub.add_parser("boilerplate", help="work with boilerplate notes to editors")
    if not commands:  # a command of another group runs: its line in --help is enough
        return
    cmds = group.add_subparsers(title="boilerplate commands", metavar="COMMAND", required=True)

    p = cmds.add_parser("import", help="import a ceopdesk.boilerplate/1 file (all or none)")
    p.add_argument("file", type=Path, metavar="FILE.json")
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("list", help="list the boilerplate notes")
    p.add_argument("--json", action="store_true", help="print a ceopdesk.boilerplate/1 file")
    p.set_defaults(func=cmd_list, reads_only=True)

    p = cmds.add_parser("show", help="show one note's latest text")
    p.add_argument("key")
    p.set_defaults(func=cmd_show, reads_only=True)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    items = interchange.parse_boilerplate(interchange.load_json_file(args.file), str(args.file))
    for key, outcome in boilerplate.import_items(ctx.store, items, ctx.user):
        print(f"{outcome:<9}  {key}", file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    items = listing.list_boilerplate(ctx.store)
    if args.json:
        ctx.out.write(
            interchange.dumps(
                interchange.boilerplate_to_json(
                    [interchange.BoilerplateItem(b.key, b.title, b.text) for b in items]
                )
            )
        )
        return 0
    if not items:
        print("No boilerplate notes.", file=ctx.out)
    width = max((len(b.key) for b in items), default=0)
    for b in items:
        print(f"{b.key:<{width}}  v{b.version:<3}  {b.title}", file=ctx.out)
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    b = boilerplate.get(ctx.store, args.key)
    print(f"{b.title}  (version {b.version})\n", file=ctx.out)
    print(b.text.rstrip(), file=ctx.out)
    return 0

"""`ceopdesk release ...`: import, list, show, export, set-status."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.domain import STATUSES, Release
from ..core.errors import UserError
from ..core.releases import service as releases
from ..core.releases import workflow
from ..core.releases.interchange import dumps, load_json_file, parse_release, release_to_json
from ..core.store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("release", help="work with press releases")
    cmds = group.add_subparsers(title="release commands", metavar="COMMAND", required=True)

    p = cmds.add_parser("import", help="import releases from .json files (all or none)")
    p.add_argument("files", nargs="+", metavar="FILE", type=Path)
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("list", help="list releases, newest first")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--search", metavar="TEXT", help="full-text search over all release text")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("show", help="show one release")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true", help="print the ceopdesk.release/1 JSON")
    p.set_defaults(func=cmd_show)

    p = cmds.add_parser("export", help="export a Word file (DRAFT-marked unless approved)")
    p.add_argument("reference")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.docx")
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("set-status", help="move a release along the approval workflow")
    p.add_argument("reference")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--by", metavar="NAME", help="who did it (the approver, for approvals)")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_set_status)

    p = cmds.add_parser("versions", help="list the numbered versions of a release")
    p.add_argument("reference")
    p.set_defaults(func=cmd_versions)


def read_release_file(path: Path) -> Release:
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a file.")
    if suffix != ".json":
        raise UserError(
            f"{path}: ceopdesk reads releases from .json files (ceopdesk.release/1); "
            f'"{suffix or "no extension"}" is not one.'
        )
    return parse_release(load_json_file(path), str(path))


def import_files(store: Store, files: list[Path], user: str) -> list[Release]:
    """Every file is read and checked before anything is stored; then all go in together."""
    parsed = [(path, read_release_file(path)) for path in files]
    seen: dict[str, Path] = {}
    for path, release in parsed:
        if release.reference and release.reference in seen:
            raise UserError(
                f"{path}: the reference {release.reference} is also in {seen[release.reference]}."
            )
        seen[release.reference] = path
    created: list[Release] = []
    with store.session() as s:
        for path, release in parsed:
            try:
                row = releases.create_in(s, release, user)
            except UserError as exc:
                raise UserError(f"{path}: {exc.message}") from None
            s.flush()
            created.append(releases.to_domain(s, row))
    return created


def cmd_import(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    for release in import_files(ctx.store, args.files, ctx.user):
        print(release.reference, file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    rows = releases.list_releases(ctx.store, status=args.status, query=args.search)
    if args.json:
        data = [
            {"reference": r.reference, "headline": r.headline, "status": r.status,
             "release_date": r.release_date.isoformat() if r.release_date else None,
             "embargo": r.embargo.isoformat() if r.embargo else None,
             "updated": r.updated.isoformat()}
            for r in rows
        ]  # fmt: skip
        ctx.out.write(dumps(data))
        return 0
    if not rows:
        print("No releases." if not args.search else "No release matches.", file=ctx.out)
    width = max((len(r.reference) for r in rows), default=0)
    for r in rows:
        print(
            f"{r.reference:<{width}}  {workflow.LABELS[r.status]:<10}  {r.headline}", file=ctx.out
        )
    return 0


def cmd_show(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    release = releases.get(ctx.store, args.reference)
    if args.json:
        ctx.out.write(dumps(release_to_json(release)))
        return 0
    from ..core.settings import load
    from ..documents.text import render_text

    ctx.out.write(render_text(release, load(ctx.store)))
    return 0


def cmd_export(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    from ..documents.exporting import export_release

    path, version = export_release(ctx.store, args.reference, args.output, ctx.user)
    print(f"Wrote {path} (version {version}).", file=ctx.out)
    return 0


def cmd_set_status(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    release = workflow.set_status(ctx.store, args.reference, args.status,
                                  args.by or ctx.user, args.note)  # fmt: skip
    print(f"{release.reference} is now {workflow.LABELS[release.status].lower()}.", file=ctx.out)
    return 0


def cmd_versions(args: argparse.Namespace, ctx) -> int:  # type: ignore[no-untyped-def]
    for v in workflow.versions(ctx.store, args.reference):
        when = v.created.strftime("%Y-%m-%d %H:%M")
        print(f"{v.number:>3}  {when}  {workflow.LABELS[v.status]:<10}  {v.reason}  ({v.by})",
              file=ctx.out)  # fmt: skip
    return 0


__all__ = ["add_parser", "import_files"]

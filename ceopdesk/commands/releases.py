"""`ceopdesk release ...`: import, list, show, export, set-status, check."""

from __future__ import annotations

import argparse
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..core.domain import STATUS_LABELS, STATUSES
from ..core.errors import UserError
from ..documents.archive import SUFFIXES, reader_for
from ..lazy import lazy_module

if TYPE_CHECKING:
    from ..cli import Context
    from ..core import textdiff
    from ..core.releases import importing, interchange, listing, versions, workflow
    from ..core.releases import service as releases
    from ..core.textdiff import DiffRun
    from ..documents.approver.compare import Comparison
else:
    # Loaded when a command first calls them: `ceopdesk --help` needs none (nor SQLAlchemy),
    # and `release list` needs only `listing` (plain sqlite3).
    importing = lazy_module("ceopdesk.core.releases.importing")
    interchange = lazy_module("ceopdesk.core.releases.interchange")
    listing = lazy_module("ceopdesk.core.releases.listing")
    releases = lazy_module("ceopdesk.core.releases.service")
    textdiff = lazy_module("ceopdesk.core.textdiff")
    versions = lazy_module("ceopdesk.core.releases.versions")
    workflow = lazy_module("ceopdesk.core.releases.workflow")


def add_parser(sub: argparse._SubParsersAction, commands: bool = True) -> None:
    group = sub.add_parser("release", help="work with press releases")
    if not commands:  # a command of another group runs: its line in --help is enough
        return
    cmds = group.add_subparsers(title="release commands", metavar="COMMAND", required=True)

    p = cmds.add_parser(
        "import",
        help="import releases from files or folders (all or none): " + " ".join(SUFFIXES),
    )
    p.add_argument("files", nargs="+", metavar="FILE|FOLDER", type=Path)
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("list", help="list releases, newest first")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--search", metavar="TEXT", help="full-text search over all release text")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_list, reads_only=True)

    p = cmds.add_parser("show", help="show one release")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true", help="print the ceopdesk.release/1 JSON")
    p.set_defaults(func=cmd_show, reads_only=True)

    p = cmds.add_parser(
        "export",
        help="export a Word file (DRAFT-marked unless approved), "
        "or the e-mail body as .txt or .html",
    )
    p.add_argument("reference")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.docx|.txt|.html")
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("set-status", help="move a release along the approval workflow")
    p.add_argument("reference")
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--by", metavar="NAME", help="who did it (the approver, for approvals)")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--legal-reason",
        metavar="TEXT",
        help="when submitting: why the legal warnings of `release check` are overridden",
    )
    p.set_defaults(func=cmd_set_status)

    p = cmds.add_parser("check", help="house style, spelling, legal restrictions, plain sense")
    p.add_argument("reference")
    p.add_argument("--json", action="store_true", help='print {"findings": [...]}')
    p.set_defaults(func=cmd_check)

    p = cmds.add_parser("versions", help="list the content versions of a release")
    p.add_argument("reference")
    p.set_defaults(func=cmd_versions, reads_only=True)

    p = cmds.add_parser("diff", help="show word by word what changed between two versions")
    p.add_argument("reference")
    p.add_argument("a", type=int, metavar="A", help="the older version number")
    p.add_argument("b", type=int, metavar="B", help="the newer version number")
    p.set_defaults(func=cmd_diff, reads_only=True)

    p = cmds.add_parser("compare", help="compare a Word file an approver sent back; accept edits")
    p.add_argument("reference")
    p.add_argument("file", type=Path, metavar="FILE.docx")
    p.add_argument("--json", action="store_true", help="print JSON")
    take = p.add_mutually_exclusive_group()
    take.add_argument(
        "--accept",
        nargs="+",
        metavar="PART",
        help="put these changes into the draft (e.g. headline 'sections[2]')",
    )
    take.add_argument("--accept-all", action="store_true", help="put every change into the draft")
    p.add_argument(
        "--note-as",
        choices=("one-off", "library"),
        help="an edited library note becomes a one-off wording or a new library version",
    )
    p.set_defaults(func=cmd_compare)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    """All files or none: every file is read and checked before anything is stored."""
    paths = importing.expand(args.files, SUFFIXES)
    if not paths:
        raise UserError(
            f"{', '.join(map(str, args.files))}: no file ceopdesk can import "
            f"({' '.join(SUFFIXES)}) was found there."
        )
    read = reader_for(ctx.store)
    items = [read(path) for path in paths]
    stored = importing.import_all(ctx.store, items, ctx.user)
    for item, release in zip(items, stored, strict=True):
        if item.source.suffix.lower() == ".json":
            print(release.reference, file=ctx.out)
            continue
        why = f" ({item.status_reason})" if item.status_reason else ""
        print(f"{release.reference}  {release.status}{why}  from {item.source}", file=ctx.out)
        for doubt in item.unsure:
            print(f"    unsure: {doubt}", file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = listing.list_releases(ctx.store, status=args.status, query=args.search)
    if args.json:
        data = [
            {
                "reference": r.reference,
                "headline": r.headline,
                "status": r.status,
                "release_date": r.release_date.isoformat() if r.release_date else None,
                "embargo": r.embargo.isoformat() if r.embargo else None,
                "updated": r.updated.isoformat(),
            }
            for r in rows
        ]
        ctx.out.write(interchange.dumps(data))
        return 0
    if not rows:
        print("No releases." if not args.search else "No release matches.", file=ctx.out)
    width = max((len(r.reference) for r in rows), default=0)
    for r in rows:
        print(f"{r.reference:<{width}}  {STATUS_LABELS[r.status]:<10}  {r.headline}", file=ctx.out)
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    release = releases.get(ctx.store, args.reference)
    if args.json:
        ctx.out.write(interchange.dumps(interchange.release_to_json(release)))
        return 0
    from ..core.settings import load
    from ..documents.text import render_text

    version = versions.current_version(ctx.store, args.reference)
    ctx.out.write(render_text(release, load(ctx.store), version))
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from ..documents.email_body import SUFFIXES, export_email_body
    from ..documents.exporting import export_release

    if args.output.suffix.lower() in SUFFIXES:
        path = export_email_body(ctx.store, args.reference, args.output)
        print(f"Wrote {path} (the e-mail body).", file=ctx.out)
        return 0
    path, version = export_release(ctx.store, args.reference, args.output, ctx.user)
    print(f"Wrote {path} (version {version}).", file=ctx.out)
    return 0


def cmd_set_status(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.checks.submission import ALL_LEGAL

    reasons = {ALL_LEGAL: args.legal_reason} if args.legal_reason else None
    release = workflow.set_status(
        ctx.store, args.reference, args.status, args.by or ctx.user, args.note, reasons
    )
    print(f"{release.reference} is now {workflow.LABELS[release.status].lower()}.", file=ctx.out)
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.checks import check_release

    release = releases.get(ctx.store, args.reference)
    findings = check_release(ctx.store, release)
    if args.json:
        ctx.out.write(interchange.dumps({"findings": [f.as_json() for f in findings]}))
        return 0
    if not findings:
        print(f"{release.reference}: no findings.", file=ctx.out)
        return 0
    blocking = sum(f.severity == "block" for f in findings)
    print(
        f"{release.reference}: {len(findings)} finding{'s' if len(findings) != 1 else ''}"
        + (f", {blocking} blocking submission" if blocking else ""),
        file=ctx.out,
    )
    for f in findings:
        where = f'{f.part}: "{f.excerpt}"' if f.excerpt else f.part
        print(f"{f.severity:<7}  {where}\n         {f.message} [{f.rule}]", file=ctx.out)
    return 0


def cmd_versions(args: argparse.Namespace, ctx: Context) -> int:
    found = versions.list_versions(ctx.store, args.reference)
    if not found:
        print(
            f"{args.reference} has no versions yet: one is made when it is exported, "
            "submitted, approved or issued.",
            file=ctx.out,
        )
    for v in found:
        when = v.created.replace(tzinfo=v.created.tzinfo or UTC).astimezone(interchange.LONDON)
        print(
            f"{v.number:>3}  {when:%Y-%m-%d %H:%M %Z}  {v.by or '':<16}  {v.reason}", file=ctx.out
        )
    return 0


def cmd_diff(args: argparse.Namespace, ctx: Context) -> int:
    parts = versions.diff(ctx.store, args.reference, args.a, args.b)
    if not parts:
        print(f"Versions {args.a} and {args.b} of {args.reference} say the same.", file=ctx.out)
    for part in parts:
        print(f"== {part.label} ==", file=ctx.out)
        print(marked_runs(part.runs), file=ctx.out)
        print(file=ctx.out)
    return 0


def marked_runs(runs: list[DiffRun]) -> str:
    """A diff as text for a terminal: removed words in [-…-], added words in {+…+}."""
    out = []
    for run in runs:
        if run.kind == "equal":
            out.append(run.old)
            continue
        if run.old:
            out.append(f"[-{run.old}-]")
        if run.new:
            out.append(f"{{+{run.new}+}}")
    return "".join(out)


def cmd_compare(args: argparse.Namespace, ctx: Context) -> int:
    from ..documents.approver.accept import accept
    from ..documents.approver.compare import compare_file

    comparison = compare_file(ctx.store, args.reference, args.file)
    if args.json:
        ctx.out.write(interchange.dumps(comparison.to_json()))
    else:
        print_comparison(comparison, ctx.out)
    if args.accept or args.accept_all:
        parts = None if args.accept_all else args.accept
        choices = {
            c.part: args.note_as for c in comparison.changes if c.boilerplate and args.note_as
        }
        release = accept(ctx.store, comparison, parts, choices, ctx.user)
        taken = len(comparison.changes) if parts is None else len(parts)
        print(
            f"Accepted {taken} change(s); {release.reference} is now "
            f"{workflow.LABELS[release.status].lower()}.",
            file=ctx.err if args.json else ctx.out,
        )
    return 0


def print_comparison(comparison: Comparison, out: TextIO) -> None:
    version = f"version {comparison.version}" if comparison.version else "its current text"
    how = "" if comparison.matched_by == "properties" else " (matched by its reference and text)"
    print(f"Compared with {comparison.reference} {version}{how}.", file=out)
    if not comparison.changes:
        print("No changes.", file=out)
    for change in comparison.changes:
        library = f" (library note “{change.boilerplate}”)" if change.boilerplate else ""
        print(f"\n== {change.part}: {change.kind}{library} ==", file=out)
        print(
            marked_runs(
                textdiff.diff_words(
                    versions.readable(change.before), versions.readable(change.after)
                )
            ),
            file=out,
        )
        for line in change.tracked:
            print(f"   tracked: {line}", file=out)
        if change.refused:
            print(f"   cannot be accepted: {change.refused}.", file=out)
    for comment in comparison.comments:
        where = comment.part or "the document"
        print(f"\nComment on {where} by {comment.author}: {comment.text}", file=out)
        if comment.anchor:
            print(f"   on: “{comment.anchor}”", file=out)

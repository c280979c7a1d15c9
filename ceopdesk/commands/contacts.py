"""`ceopdesk contacts ...`: import, export, search, show, lists, duplicates, merge, erase,
subject-access. Core only: never Qt."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UserError
from ..lazy import lazy_module

if TYPE_CHECKING:
    from ..cli import Context
    from ..core.contacts import (
        dedupe,
        domain,
        erasures,
        exporter,
        importer,
        lists,
        normalise,
        privacy,
        query,
        service,
    )
    from ..core.contacts.domain import Contact, ImportReport
else:
    # Loaded when a command first calls them: `ceopdesk --help` needs none (nor SQLAlchemy).
    dedupe = lazy_module("ceopdesk.core.contacts.dedupe")
    domain = lazy_module("ceopdesk.core.contacts.domain")  # its choices: only when contacts runs
    erasures = lazy_module("ceopdesk.core.contacts.erasures")
    exporter = lazy_module("ceopdesk.core.contacts.exporter")
    importer = lazy_module("ceopdesk.core.contacts.importer")
    lists = lazy_module("ceopdesk.core.contacts.lists")
    normalise = lazy_module("ceopdesk.core.contacts.normalise")
    privacy = lazy_module("ceopdesk.core.contacts.privacy")
    query = lazy_module("ceopdesk.core.contacts.query")
    service = lazy_module("ceopdesk.core.contacts.service")


def add_parser(sub: argparse._SubParsersAction, commands: bool = True) -> None:
    group = sub.add_parser("contacts", help="the media and stakeholder contact list")
    if not commands:  # a command of another group runs: its line in --help is enough
        return
    cmds = group.add_subparsers(title="contacts commands", metavar="COMMAND", required=True)

    p = cmds.add_parser(
        "import", help="import a .csv (Outlook, Google, media database) or .vcf file"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--dry-run", action="store_true", help="report what would happen, change nothing"
    )
    p.add_argument(
        "--skip-damaged",
        "--skip-bad-rows",
        dest="skip_bad_rows",
        action="store_true",
        help="skip records the file is damaged in (ragged rows, broken cards) and import the rest",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="read a column as a field, e.g. 'Circulation=notes' or 'Desk=phone:desk' "
        "(FIELD empty: ignore the column)",
    )
    p.add_argument("--encoding", help="the file's text encoding (default: detected)")
    p.add_argument(
        "--kind", choices=domain.KINDS, default="journalist", help="kind for rows that give none"
    )
    p.add_argument("--source", help="where the data came from (default: 'import of FILE')")
    p.add_argument(
        "--lawful-basis", choices=domain.LAWFUL_BASES, help="lawful basis for rows that give none"
    )
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("export", help="export contacts to .csv (UTF-8, Excel-safe) or .vcf (3.0)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    _filters(p)
    p.add_argument(
        "--include-do-not-contact",
        action="store_true",
        help="include people marked do-not-contact (left out by default)",
    )
    p.add_argument(
        "--include-unchecked",
        action="store_true",
        help="include e-mails and phones kept unchecked at import (left out by default)",
    )
    p.set_defaults(func=cmd_export)

    p = cmds.add_parser("search", help="find contacts by any fragment of name, outlet, e-mail, tag")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="a JSON list of contacts with all fields")
    p.set_defaults(func=cmd_search, reads_only=True)

    p = cmds.add_parser("show", help="show one contact with all its fields")
    p.add_argument("contact", metavar="ID_OR_EMAIL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show, reads_only=True)

    p = cmds.add_parser("lists", help="list the distribution lists")
    p.set_defaults(func=cmd_lists, reads_only=True)

    p = cmds.add_parser("list-create", help="create a distribution list")
    p.add_argument("name")
    p.add_argument("--description", default="")
    p.set_defaults(func=cmd_list_create)

    for name, verb in (("list-add", "add to"), ("list-remove", "take off")):
        p = cmds.add_parser(name, help=f"{verb} a distribution list: contacts or a search/tag")
        p.add_argument("name", metavar="LIST")
        p.add_argument("contacts", nargs="*", metavar="ID_OR_EMAIL")
        p.add_argument("--tag", help="everyone with this tag")
        p.add_argument("--search", help="everyone this search finds")
        p.set_defaults(func=cmd_list_members, add=name == "list-add")

    p = cmds.add_parser("list-delete", help="delete a distribution list (not its members)")
    p.add_argument("name")
    p.set_defaults(func=cmd_list_delete)

    p = cmds.add_parser("duplicates", help="pairs of contacts that may be the same person")
    p.add_argument("--threshold", type=float, default=85.0, help="lowest score shown (0-100)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_duplicates, reads_only=True)

    p = cmds.add_parser("merge", help="merge the second contact into the first")
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    p.add_argument(
        "--take",
        action="append",
        default=[],
        choices=domain.MERGE_FIELDS,
        metavar="FIELD",
        help="take this field from OTHER (repeatable)",
    )
    p.set_defaults(func=cmd_merge)

    p = cmds.add_parser("erase", help="erase a person for good (UK GDPR right to erasure)")
    p.add_argument("contact", metavar="ID_OR_EMAIL")
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    p.set_defaults(func=cmd_erase)

    p = cmds.add_parser("subject-access", help="write everything held on a person to JSON")
    p.add_argument("contact", metavar="ID_OR_EMAIL")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")
    p.set_defaults(func=cmd_subject_access)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tag", help="only contacts with this tag")
    p.add_argument("--list", dest="list_name", metavar="NAME", help="only this distribution list")
    p.add_argument("--search", default="", metavar="QUERY", help="only contacts this search finds")
    p.add_argument("--kind", choices=domain.KINDS)


# -- handlers ------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    mapping: dict[str, str | None] = {}
    for item in args.map:
        header, sep, field = item.partition("=")
        if not sep or not header.strip():
            raise UserError(
                f"--map '{item}' should be HEADER=FIELD, e.g. 'Outlet name=organisation'."
            )
        mapping[header.strip()] = field.strip() or None
    options = domain.ImportOptions(
        dry_run=args.dry_run,
        skip_bad_rows=args.skip_bad_rows,
        mapping=mapping,
        encoding=args.encoding,
        default_kind=args.kind,
        source=args.source,
        lawful_basis=args.lawful_basis,
        user=ctx.user,
    )
    try:
        with importer.collector_paused():  # the main thread: the import owns it meanwhile
            report = importer.import_file(ctx.store, args.file, options)
    except importer.ImportRejected as exc:
        _print_report(ctx, exc.report, summary=False)
        raise
    _print_report(ctx, report)
    return 0


def _print_report(ctx: Context, report: ImportReport, summary: bool = True) -> None:
    name = Path(report.path).name
    for row in report.rows:
        who = f"#{row.contact_id} " if row.contact_id else ""
        text = f"line {row.line:>5}  {row.status:<9}  {who}{row.name}"
        if row.reason:
            text += f"  ({row.reason})"
        print(text, file=ctx.out)
        for c in row.conflicts:
            print(
                f"{'':13}conflict: {c.field} kept '{c.kept}', file has '{c.offered}'", file=ctx.out
            )
        for w in row.warnings:
            print(f"{'':13}line {row.line}: {w}", file=ctx.out)
    if report.ignored_columns:
        print(f"columns not imported: {', '.join(report.ignored_columns)}", file=ctx.out)
    if summary:
        print(f"{name} ({report.format}, {report.encoding}): {report.summary}", file=ctx.out)


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    flt = domain.ContactFilter(
        text=args.search, tag=args.tag, list_name=args.list_name, kind=args.kind
    )
    if args.list_name:
        lists.get_list(ctx.store, args.list_name)  # a list that does not exist is an error
    result = exporter.export_contacts(
        ctx.store,
        args.output,
        flt,
        include_do_not_contact=args.include_do_not_contact,
        user=ctx.user,
        include_unchecked=args.include_unchecked,
    )
    note = (
        f"; {result.left_out_do_not_contact} marked do-not-contact left out"
        if result.left_out_do_not_contact
        else ""
    )
    print(f"{result.count} contacts written to {result.path}{note}", file=ctx.out)
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    found = query.search_contacts(ctx.store, " ".join(args.query), limit=args.limit)
    if args.json:
        ctx.out.write(
            json.dumps([privacy.contact_to_json(c) for c in found], ensure_ascii=False, indent=2)
            + "\n"
        )
        return 0
    if not found:
        print("No contacts found.", file=ctx.out)
    for c in found:
        parts = [f"#{c.id}", c.name, c.organisation, c.primary_email or ""]
        parts.append(normalise.display_phone(c.phones[0].number) if c.phones else "")
        line = "  ".join(p for p in parts if p)
        if c.tags:
            line += f"  [{', '.join(c.tags)}]"
        if c.do_not_contact:
            line += "  DO NOT CONTACT"
        print(line, file=ctx.out)
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    c = service.find_contact(ctx.store, args.contact)
    data = privacy.contact_to_json(c)
    if args.json:
        ctx.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    for key, value in data.items():
        if key == "phones":
            value = ", ".join(
                f"{normalise.display_phone(p['number'])} ({p['label']})"
                if p["label"]
                else normalise.display_phone(p["number"])
                for p in value
            )
        elif key == "emails":
            value = ", ".join(
                f"{e['address']} ({e['label']})" if e["label"] else e["address"] for e in value
            )
        elif isinstance(value, list):
            value = ", ".join(value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        if value not in (None, "", False):
            print(f"{key.replace('_', ' '):<15} {value}", file=ctx.out)
    return 0


def cmd_lists(args: argparse.Namespace, ctx: Context) -> int:
    found = lists.all_lists(ctx.store)
    if not found:
        print("No distribution lists.", file=ctx.out)
    for item in found:
        print(
            f"{item.name}  ({item.member_count} contacts)  {item.description}".rstrip(),
            file=ctx.out,
        )
    return 0


def cmd_list_create(args: argparse.Namespace, ctx: Context) -> int:
    made = lists.create_list(ctx.store, args.name, args.description, user=ctx.user)
    print(f"Created the list '{made.name}'.", file=ctx.out)
    return 0


def _stored_id(ctx: Context, id_or_email: str) -> int:
    """The id of the stored contact named by an id or one of its e-mail addresses."""
    return _id_of(service.find_contact(ctx.store, id_or_email))


def _id_of(contact: Contact) -> int:
    if contact.id is None:  # only a contact not yet stored has none; find_contact reads stored ones
        raise UserError(f"{contact.name} is not in the store.")
    return contact.id


def cmd_list_members(args: argparse.Namespace, ctx: Context) -> int:
    ids = [_stored_id(ctx, ref) for ref in args.contacts]
    if args.tag or args.search:
        ids += query.contact_ids(
            ctx.store, domain.ContactFilter(text=args.search or "", tag=args.tag)
        )
    if not ids:
        raise UserError("Name the contacts (id or e-mail), or give --tag or --search.")
    if args.add:
        n = lists.add_members(ctx.store, args.name, ids, user=ctx.user)
        print(f"Added {n} contacts to '{args.name}'.", file=ctx.out)
    else:
        n = lists.remove_members(ctx.store, args.name, ids, user=ctx.user)
        print(f"Took {n} contacts off '{args.name}'.", file=ctx.out)
    return 0


def cmd_list_delete(args: argparse.Namespace, ctx: Context) -> int:
    lists.delete_list(ctx.store, args.name, user=ctx.user)
    print(f"Deleted the list '{args.name}'.", file=ctx.out)
    return 0


def cmd_duplicates(args: argparse.Namespace, ctx: Context) -> int:
    pairs = dedupe.find_duplicates(ctx.store, threshold=args.threshold)
    if args.json:
        out = [
            {
                "a": p.a.id,
                "b": p.b.id,
                "score": p.score,
                "reason": p.reason,
                "names": [p.a.name, p.b.name],
            }
            for p in pairs
        ]
        ctx.out.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not pairs:
        print("No likely duplicates.", file=ctx.out)
    for p in pairs:
        print(
            f"{p.score:5.1f}  #{p.a.id} {p.a.name} ({p.a.organisation})  ~  "
            f"#{p.b.id} {p.b.name} ({p.b.organisation})  {p.reason}",
            file=ctx.out,
        )
    return 0


def cmd_merge(args: argparse.Namespace, ctx: Context) -> int:
    keep = _stored_id(ctx, args.keep)
    other = _stored_id(ctx, args.other)
    merged = dedupe.merge(ctx.store, keep, other, {f: "other" for f in args.take}, user=ctx.user)
    print(f"Merged #{other} into #{merged.id} {merged.name}.", file=ctx.out)
    return 0


def cmd_erase(args: argparse.Namespace, ctx: Context) -> int:
    c = service.find_contact(ctx.store, args.contact)
    if not args.yes:
        raise UserError(
            f"Erasing contact #{c.id} cannot be undone; run the command again with --yes."
        )
    copies = erasures.copies_holding(ctx.store, c)
    report = privacy.erase(ctx.store, _id_of(c), user=ctx.user)
    print(
        f"Erased contact #{report.contact_id} and {report.audit_events_removed} audit events about them.",
        file=ctx.out,
    )
    if copies:
        print(erasures.copies_sentence(copies), file=ctx.out)
    return 0


def cmd_subject_access(args: argparse.Namespace, ctx: Context) -> int:
    data = privacy.write_subject_access(ctx.store, args.contact, args.output, user=ctx.user)
    print(
        f"Wrote everything held on contact #{data['contact']['id']} to {args.output} "
        f"({len(data['audit'])} audit entries).",
        file=ctx.out,
    )
    return 0

"""Contacts: the media and stakeholder list (DESIGN §3, issue 4). No Qt.

Modules, by what they hold:

- ``domain``     the dataclasses services take and return (Contact, ContactSummary, ...)
- ``service``    one contact at a time: get, find, validate, create, update, tag, do-not-contact
- ``query``      many contacts: count, windows of table rows, id lists, ranked search
- ``lists``      distribution lists
- ``importer``   .csv / .vcf import with per-row report (``preview_file``, ``import_file``)
- ``exporter``   .csv / .vcf export of a filtered selection
- ``dedupe``     near-duplicate finder and merge
- ``privacy``    erase a person; subject access export
- ``search``     the FTS5 index (the only SQLite-specific SQL)
- ``models``     tables (portable SQL); ``fields`` the CSV header catalogue

Import the module you need (``from ceopdesk.core.contacts import query``); this
package file imports nothing, so loading the models for migrations stays cheap.
"""

"""Releases and their boilerplate notes to editors (DESIGN §3, §4). No Qt.

Modules, by what they hold:

- ``service``      one release at a time: create, read, edit, list, snapshot
- ``workflow``     status changes: draft -> in review -> approved -> issued, withdrawn
- ``boilerplate``  reusable notes to editors, every edit a new immutable version
- ``interchange``  the ``ceopdesk.release/1`` and ``ceopdesk.boilerplate/1`` JSON formats
- ``importing``    many files in: read them all, then store all or none (command line)
                   or each on its own with progress and cancel (the app)
- ``corrections``  moving the parts of a release read from a past file (the import preview)
- ``search``       the FTS5 index over release text (the only SQLite-specific SQL)

Import the module you need (``from ceopdesk.core.releases import service``); this
package file imports nothing.
"""

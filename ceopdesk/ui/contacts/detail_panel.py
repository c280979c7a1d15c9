"""The side panel: everything held on the selected contact, read only."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ceopdesk.core.contacts.domain import Contact
from ceopdesk.ui.uktime import date_text, moment_text

LAWFUL_BASIS_LABELS = {
    "consent": "Consent",
    "contract": "Contract",
    "legal_obligation": "Legal obligation",
    "vital_interests": "Vital interests",
    "public_task": "Public task",
    "legitimate_interests": "Legitimate interests",
}

_STYLE = """
<style>
 h2 { margin: 0 0 2px 0; }
 .sub { color: #555; margin: 0 0 8px 0; }
 .dnc { color: #8a1111; background: #fbe0e0; border: 1px solid #8a1111; padding: 4px; }
 .k { color: #666; font-size: small; margin: 6px 0 0 0; }
 .v { margin: 0; }
 .lbl { color: #777; }
 .tag { background: #e3eefc; color: #0b3f7a; }
 .doubt { color: #7a5200; }
</style>
"""


# Kept as typed at import or entry: not checked, left out of mail merges unless asked.
_UNCHECKED = " <span class='doubt'>(unchecked)</span>"


def contact_html(c: Contact) -> str:
    """The panel's text for one contact (also handy for tests)."""
    parts = [_STYLE, f"<h2>{escape(c.name) or '(no name)'}</h2>"]
    sub = " · ".join(escape(x) for x in (c.job_title, c.organisation) if x)
    parts.append(f"<p class='sub'>{sub + ' · ' if sub else ''}{escape(c.kind.capitalize())}</p>")
    if c.do_not_contact:
        parts.append(
            "<p class='dnc'><b>Do not contact.</b> Left out of distribution "
            "exports unless they are asked for.</p>"
        )
    rows: list[tuple[str, str]] = []
    for e in c.emails:
        label = f" <span class='lbl'>({escape(e.label)})</span>" if e.label else ""
        shown = (
            f"<a href='mailto:{escape(e.address)}'>{escape(e.address)}</a>"
            if e.checked
            else (escape(e.address))
        )
        rows.append(("E-mail", shown + label + ("" if e.checked else _UNCHECKED)))
    for p in c.phones:
        label = f" <span class='lbl'>({escape(p.label)})</span>" if p.label else ""
        rows.append(("Phone", f"{escape(p.display)}{label}" + ("" if p.checked else _UNCHECKED)))
    if c.address or c.city:
        place = (
            c.address
            if c.city in c.address.split("\n")
            else "\n".join(x for x in (c.address, c.city) if x)
        )
        rows.append(("Address", escape(place).replace("\n", "<br>")))
    for network, handle in sorted(c.social.items()):
        rows.append((escape(network.capitalize()), escape(handle)))
    if c.tags:
        rows.append(
            ("Tags", ", ".join(f"<span class='tag'>&nbsp;{escape(t)}&nbsp;</span>" for t in c.tags))
        )
    if c.lists:
        rows.append(("Lists", escape(", ".join(c.lists))))
    basis = LAWFUL_BASIS_LABELS.get(c.lawful_basis or "", c.lawful_basis or "")
    rows.append(("Lawful basis", escape(basis) or "<i>not recorded</i>"))
    rows.append(("Source", escape(c.source or "") or "<i>not recorded</i>"))
    collected = date_text(c.date_collected) or (
        f"{escape(c.date_collected_text)}{_UNCHECKED}" if c.date_collected_text else ""
    )
    rows.append(("Collected", collected or "<i>not recorded</i>"))
    rows.append(("Added", moment_text(c.created)))
    rows.append(("Changed", moment_text(c.updated)))
    # Label above value: long e-mail addresses keep a whole line in a narrow panel.
    parts.append("".join(f"<p class='k'>{k}</p><p class='v'>{v}</p>" for k, v in rows))
    if c.notes:
        parts.append("<p><b>Notes</b><br>" + escape(c.notes).replace("\n", "<br>") + "</p>")
    return "".join(parts)


class ContactDetailPanel(QTextBrowser):
    """Shows one contact; empty text says what to do when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.setMinimumWidth(240)
        self.contact: Contact | None = None
        self.show_contact(None)

    def show_contact(self, contact: Contact | None, selected: int = 1) -> None:
        self.contact = contact
        if contact is not None:
            self.setHtml(contact_html(contact))
        elif selected > 1:
            self.setHtml(f"<p style='color:#666'>{selected:,} contacts selected.</p>")
        else:
            self.setHtml(
                "<p style='color:#666'>Select a contact to see everything held on "
                "them. Double-click to edit.</p>"
            )

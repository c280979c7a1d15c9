"""The contact edit dialog: the core's validation beside each field; a doubtful value is
flagged and saved as typed, only a contact with nothing that names it cannot be saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from ceopdesk.core.contacts import query, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter, Email, Phone
from ceopdesk.ui.contacts.edit_dialog import ContactEditDialog


def make_dialog(qtbot, ops, contact: Contact | None = None) -> ContactEditDialog:
    dialog = ContactEditDialog(ops, contact)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def settle(qtbot, dialog: ContactEditDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.checking, timeout=2000)


def test_a_new_contact_starts_quiet_and_cannot_be_saved_empty(qtbot, store, ops):
    dialog = make_dialog(qtbot, ops)
    assert not dialog.save_button.isEnabled()
    assert dialog.error_for("name") == ""  # no scolding before anything is typed
    dialog.save()
    assert dialog.ops.wait_idle()
    assert dialog.error_for("name") == "A contact needs a name, an e-mail or a phone."
    assert dialog.result() == 0


def test_a_bad_email_is_warned_about_and_save_still_allowed(qtbot, store, ops):
    dialog = make_dialog(qtbot, ops)
    dialog.given.setText("Zoë")
    dialog.family.setText("Ball")
    dialog.emails.value_edit(0).setText("zoe@")
    settle(qtbot, dialog)
    assert dialog.save_button.isEnabled()
    message = dialog.error_for("emails[0]")
    assert message.startswith("E-mail 'zoe@' is not valid")
    assert message.endswith("It is kept, marked unchecked.")
    dialog.phones.value_edit(0).setText("07700 900321")  # the placeholder of Settings
    settle(qtbot, dialog)
    assert dialog.error_for("phones[0]") == (
        "Phone '07700 900321' is not a number in use as far as the numbering plan knows."
        " It is kept, marked unchecked."
    )
    assert dialog.save_button.isEnabled() and dialog.summary.isHidden()

    dialog.emails.value_edit(0).setText("zoe.ball@bbc.co.uk")
    dialog.phones.value_edit(0).setText("020 7946 0018")
    dialog.emails.add_row("zoe@home.example.org", "home")
    dialog.tags.setText("crime, courts")
    dialog.lawful_basis.setCurrentIndex(dialog.lawful_basis.findData("legitimate_interests"))
    dialog.source.setText("met at the Old Bailey")
    dialog.date_collected.setDate(QDate(2026, 3, 1))
    settle(qtbot, dialog)
    assert dialog.error_for("emails[0]") == "" and dialog.save_button.isEnabled()
    dialog.save_button.click()
    assert dialog.ops.wait_idle()
    assert dialog.result() == 1 and dialog.saved is not None

    stored = service.get_contact(store, dialog.saved.id)  # type: ignore[arg-type]
    assert stored.name == "Zoë Ball"
    assert [(e.address, e.label) for e in stored.emails] == [
        ("zoe.ball@bbc.co.uk", "work"),
        ("zoe@home.example.org", "home"),
    ]
    assert stored.phones[0].number == "+442079460018"
    assert sorted(stored.tags) == ["courts", "crime"]
    assert stored.lawful_basis == "legitimate_interests"
    assert stored.date_collected == date(2026, 3, 1)
    assert query.count_contacts(store, ContactFilter(text="zoe")) == 1


def test_an_email_that_belongs_to_someone_else_is_flagged_on_its_own_row(qtbot, store, ops):
    other = service.create_contact(
        store, Contact(given_name="Tom", family_name="Wright", emails=[Email("tom@thetimes.co.uk")])
    )
    dialog = make_dialog(qtbot, ops)
    dialog.given.setText("Thomas")
    dialog.emails.value_edit(0).setText("not an address")
    dialog.emails.add_row("TOM@thetimes.co.uk")
    settle(qtbot, dialog)
    assert "not valid" in dialog.error_for("emails[0]")
    assert f"already belongs to {other.name}" in dialog.error_for("emails[1]")
    assert not dialog.save_button.isEnabled()


def test_editing_an_existing_contact_saves_the_change(qtbot, store, ops):
    saved = service.create_contact(
        store,
        Contact(
            given_name="Priya", family_name="Patel", organisation="ITV", emails=[Email("p@itv.com")]
        ),
    )
    dialog = make_dialog(qtbot, ops, saved)
    assert dialog.windowTitle() == "Edit Priya Patel"
    assert dialog.save_button.isEnabled()
    dialog.organisation.setText("ITV News")
    dialog.do_not_contact.setChecked(True)
    dialog.notes.setPlainText("Asked not to be contacted until May.")
    dialog.address.setPlainText("200 Gray's Inn Road\nLondon\nWC1X 8XZ")
    dialog.city.setText("London")
    settle(qtbot, dialog)
    dialog.save_button.click()
    assert dialog.ops.wait_idle()
    stored = service.get_contact(store, saved.id)  # type: ignore[arg-type]
    assert stored.organisation == "ITV News" and stored.do_not_contact
    assert stored.notes == "Asked not to be contacted until May."
    assert (stored.address, stored.city) == ("200 Gray's Inn Road\nLondon\nWC1X 8XZ", "London")
    assert [c.id for c in query.search_contacts(store, "london")] == [saved.id]


def test_a_date_kept_as_typed_is_shown_and_kept_until_a_date_is_picked(qtbot, store, ops):
    saved = service.create_contact(
        store, Contact(given_name="Mo", date_collected=None, date_collected_text="31/31/2024")
    )
    dialog = make_dialog(qtbot, ops, saved)
    assert "'31/31/2024' cannot be read" in dialog.error_for("date_collected")
    assert dialog.save_button.isEnabled()
    dialog.job_title.setText("Editor")
    settle(qtbot, dialog)
    dialog.save_button.click()
    assert dialog.ops.wait_idle()
    assert service.get_contact(store, saved.id).date_collected_text == "31/31/2024"  # type: ignore[arg-type]


def test_a_contact_changed_elsewhere_is_not_overwritten(qtbot, store, ops):
    saved = service.create_contact(store, Contact(given_name="Mei", family_name="Chen"))
    dialog = make_dialog(qtbot, ops, saved)
    service.update_contact(store, Contact(**{**saved.__dict__, "job_title": "Editor"}))
    dialog.job_title.setText("Reporter")
    settle(qtbot, dialog)
    dialog.save_button.click()
    assert dialog.ops.wait_idle()
    assert dialog.result() == 0
    assert "changed elsewhere" in dialog.summary.text()
    assert service.get_contact(store, saved.id).job_title == "Editor"  # type: ignore[arg-type]


def test_the_detail_panel_marks_unchecked_values_and_shows_the_address(store):
    from ceopdesk.ui.contacts.detail_panel import contact_html

    c = service.create_contact(
        store,
        Contact(
            given_name="Siân",
            emails=[Email("sian@bbc")],
            phones=[Phone("07700 900321"), Phone("020 7946 0018")],
            address="BBC Cymru Wales\nCentral Square\nCardiff CF10 1FT",
            city="Cardiff",
            date_collected=None,
            date_collected_text="31/31/2024",
        ),
    )
    html = contact_html(c)
    assert "mailto:" not in html  # an unchecked address is not offered as a link
    assert html.count("(unchecked)") == 3  # the e-mail, the 07700 number, the date
    assert "Central Square<br>Cardiff CF10 1FT<br>Cardiff" in html

"""Which CSV column holds which contact field: Outlook, Google and media-database headers.

A column maps to a :class:`Target`: a field name from :data:`FIELDS`, plus for
e-mails and phones a label ("work", "mobile") and a slot number that ties a
"Phone 2 - Value" column to its "Phone 2 - Label" column.

Users map headers ceopdesk does not know with strings like ``"email"``,
``"phone:mobile"``, ``"social:x"`` or ``"notes"`` (see :func:`parse_target`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Field names a column can be mapped to, with what the import wizard shows.
FIELDS: dict[str, str] = {
    "given_name": "First name",
    "middle_name": "Middle name (added to the first name)",
    "family_name": "Last name",
    "full_name": "Full name",
    "organisation": "Organisation / outlet",
    "job_title": "Job title",
    "kind": "Kind (journalist, stakeholder, spokesperson, internal)",
    "email": "E-mail (add :label, e.g. email:work)",
    "email_label": "Label of an e-mail column",
    "phone": "Phone (add :label, e.g. phone:mobile)",
    "phone_label": "Label of a phone column",
    "address": "Postal address (whole)",
    "street": "Street",
    "city": "City",
    "region": "County / state",
    "postcode": "Postcode",
    "country": "Country",
    "tags": "Tags / beats (separated by ; , or |)",
    "notes": "Notes (several columns are joined)",
    "social": "Social handle (add :network, e.g. social:x)",
    "social_links": "Social handles as network=handle pairs",
    "lawful_basis": "Lawful basis",
    "source": "Source",
    "date_collected": "Date collected",
    "do_not_contact": "Do not contact (yes/no)",
}


@dataclass(frozen=True)
class Target:
    field: str
    label: str = ""
    slot: int | None = None

    def __str__(self) -> str:
        return f"{self.field}:{self.label}" if self.label else self.field


_LABELLED = {"email": "e-mail", "phone": "phone", "social": "social handle"}
_PLACE_WORDS = {"work": "Business", "home": "Home", "other": "Other"}
_WORDS = {"desk": "News desk"}
_NETWORKS = {"web": "Web page", "x": "X (Twitter)", "linkedin": "LinkedIn"}


def describe(target: str | None) -> str:
    """What the wizard shows for a mapping ("phone:other" -> "Other phone")."""
    if not target:
        return "Not imported"
    field, _, label = target.partition(":")
    text = FIELDS.get(field, field)
    base = text.split(" (")[0]
    if not label:
        return base if field in _LABELLED or field.endswith("_label") else text
    if field in _LABELLED:
        if field == "social":
            return _NETWORKS.get(label, label.capitalize())
        return f"{_WORDS.get(label, label.capitalize())} {_LABELLED[field]}"
    return f"{_PLACE_WORDS.get(label, label.capitalize())} {base.lower()}"


def norm(header: str) -> str:
    """Header key: lower case, letters and digits only ("E-mail Address" -> "emailaddress")."""
    return re.sub(r"[^0-9a-z]", "", header.casefold())


def parse_target(value: str) -> Target:
    """ "phone:mobile" -> Target("phone", "mobile"). Raises ValueError for unknown fields."""
    field, _, label = value.strip().partition(":")
    field = field.strip().casefold().replace(" ", "_").replace("-", "_")
    if field not in FIELDS:
        raise ValueError(f"'{value}' is not a contact field (fields: {', '.join(FIELDS)})")
    return Target(field, label.strip().casefold())


_SOCIAL = {
    "twitter": "x",
    "twitterhandle": "x",
    "x": "x",
    "xhandle": "x",
    "linkedin": "linkedin",
    "linkedinurl": "linkedin",
    "instagram": "instagram",
    "facebook": "facebook",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "threads": "threads",
    "tiktok": "tiktok",
    "website": "web",
    "webpage": "web",
    "url": "web",
}

# Headers of media-database exports, address books and our own CSV export.
_GENERIC = {
    **{k: Target("social", v) for k, v in _SOCIAL.items()},
    "firstname": Target("given_name"),
    "forename": Target("given_name"),
    "givenname": Target("given_name"),
    "first": Target("given_name"),
    "middlename": Target("middle_name"),
    "additionalname": Target("middle_name"),
    "lastname": Target("family_name"),
    "surname": Target("family_name"),
    "familyname": Target("family_name"),
    "last": Target("family_name"),
    "name": Target("full_name"),
    "fullname": Target("full_name"),
    "displayname": Target("full_name"),
    "contactname": Target("full_name"),
    "contact": Target("full_name"),
    "journalist": Target("full_name"),
    "journalistname": Target("full_name"),
    "organisation": Target("organisation"),
    "organization": Target("organisation"),
    "organisationname": Target("organisation"),
    "organizationname": Target("organisation"),
    "company": Target("organisation"),
    "employer": Target("organisation"),
    "outlet": Target("organisation"),
    "outletname": Target("organisation"),
    "outlets": Target("organisation"),
    "mediaoutlet": Target("organisation"),
    "publication": Target("organisation"),
    "agency": Target("organisation"),
    "jobtitle": Target("job_title"),
    "title": Target("job_title"),
    "position": Target("job_title"),
    "role": Target("job_title"),
    "organizationtitle": Target("job_title"),
    "email": Target("email"),
    "emailaddress": Target("email"),
    "workemail": Target("email", "work"),
    "personalemail": Target("email", "home"),
    "homeemail": Target("email", "home"),
    "phone": Target("phone"),
    "phonenumber": Target("phone"),
    "telephone": Target("phone"),
    "tel": Target("phone"),
    "workphone": Target("phone", "work"),
    "businessphone": Target("phone", "work"),
    "directline": Target("phone", "work"),
    "direct": Target("phone", "work"),
    "landline": Target("phone", "work"),
    "newsdesk": Target("phone", "desk"),
    "mobile": Target("phone", "mobile"),
    "mobilephone": Target("phone", "mobile"),
    "mobilenumber": Target("phone", "mobile"),
    "cell": Target("phone", "mobile"),
    "homephone": Target("phone", "home"),
    "otherphone": Target("phone", "other"),
    "otheremail": Target("email", "other"),
    "tags": Target("tags"),
    "tag": Target("tags"),
    "beat": Target("tags"),
    "beats": Target("tags"),
    "topics": Target("tags"),
    "subjects": Target("tags"),
    "subject": Target("tags"),
    "categories": Target("tags"),
    "labels": Target("tags"),
    "groups": Target("tags"),
    "groupmembership": Target("tags"),
    "notes": Target("notes"),
    "note": Target("notes"),
    "comments": Target("notes"),
    "bio": Target("notes"),
    "kind": Target("kind"),
    "type": Target("kind"),
    "contacttype": Target("kind"),
    "lawfulbasis": Target("lawful_basis"),
    "legalbasis": Target("lawful_basis"),
    "source": Target("source"),
    "datecollected": Target("date_collected"),
    "datecollectedastyped": Target("date_collected"),
    "collected": Target("date_collected"),
    "donotcontact": Target("do_not_contact"),
    "dnc": Target("do_not_contact"),
    "optout": Target("do_not_contact"),
    "optedout": Target("do_not_contact"),
    "unsubscribed": Target("do_not_contact"),
    "social": Target("social_links"),
    "socialhandles": Target("social_links"),
    "address": Target("address"),
    "postaladdress": Target("address"),
    "street": Target("street"),
    "streetaddress": Target("street"),
    "address1": Target("street"),
    "address2": Target("street"),
    "city": Target("city"),
    "town": Target("city"),
    "towncity": Target("city"),
    "county": Target("region"),
    "region": Target("region"),
    "state": Target("region"),
    "postcode": Target("postcode"),
    "postalcode": Target("postcode"),
    "zip": Target("postcode"),
    "zipcode": Target("postcode"),
    "country": Target("country"),
}

# Outlook's export: "Title" is Mr/Ms, phones come in many named columns.
_OUTLOOK = {
    "firstname": Target("given_name"),
    "middlename": Target("middle_name"),
    "lastname": Target("family_name"),
    "company": Target("organisation"),
    "jobtitle": Target("job_title"),
    "emailaddress": Target("email", slot=1),
    "email2address": Target("email", slot=2),
    "email3address": Target("email", slot=3),
    "businessphone": Target("phone", "work"),
    "businessphone2": Target("phone", "work"),
    "companymainphone": Target("phone", "main"),
    "primaryphone": Target("phone"),
    "mobilephone": Target("phone", "mobile"),
    "carphone": Target("phone", "mobile"),
    "homephone": Target("phone", "home"),
    "homephone2": Target("phone", "home"),
    "otherphone": Target("phone", "other"),
    "assistantsphone": Target("phone", "other"),
    "callback": Target("phone", "other"),
    "categories": Target("tags"),
    "notes": Target("notes"),
    "webpage": Target("social", "web"),
    **{
        f"{where}{part}": Target(field, label)
        for where, label in (("business", "work"), ("home", "home"), ("other", "other"))
        for part, field in (
            ("street", "street"),
            ("street2", "street"),
            ("street3", "street"),
            ("city", "city"),
            ("state", "region"),
            ("postalcode", "postcode"),
            ("countryregion", "country"),
        )
    },
}

# Google Contacts (old and new exports): numbered multi-value columns.
_GOOGLE = {
    "firstname": Target("given_name"),
    "givenname": Target("given_name"),
    "middlename": Target("middle_name"),
    "additionalname": Target("middle_name"),
    "lastname": Target("family_name"),
    "familyname": Target("family_name"),
    "name": Target("full_name"),
    "organizationname": Target("organisation"),
    "organization1name": Target("organisation"),
    "organizationtitle": Target("job_title"),
    "organization1title": Target("job_title"),
    "notes": Target("notes"),
    "labels": Target("tags"),
    "groupmembership": Target("tags"),
}
# Columns known to hold nothing a contact list keeps; not reported as "not imported".
IGNORE = Target("ignore")
_QUIET = {
    "outlook-csv": {
        "title",
        "suffix",
        "emailtype",
        "emaildisplayname",
        "email2type",
        "email2displayname",
        "email3type",
        "email3displayname",
        "priority",
        "sensitivity",
        "private",
        "initials",
        "gender",
        "internetfreebusy",
    },
    "google-csv": {"fileas", "photo", "yominame", "namesuffix", "nameprefix", "organization1type"},
}
_GOOGLE_NUMBERED = re.compile(r"^(email|phone|website)(\d+)(value|label|type)$")
_GOOGLE_ADDRESS = re.compile(
    r"^address(\d+)(formatted|street|city|region|postalcode|country|pobox|extendedaddress|type)$"
)
_GOOGLE_ADDRESS_PARTS = {
    "formatted": "address",
    "street": "street",
    "city": "city",
    "region": "region",
    "postalcode": "postcode",
    "country": "country",
}
_GOOGLE_VALUE = re.compile(r"^(email|phone)\d+value$")
_GENERIC_NUMBERED = re.compile(r"^(e?mail|emailaddress|phone|telephone|tel)(\d+)(label|type)?$")


def detect_format(headers: list[str]) -> str:
    """ "outlook-csv", "google-csv" or "csv" from the header row."""
    keys = {norm(h) for h in headers}
    if any(_GOOGLE_VALUE.match(k) for k in keys) and (
        keys & {"labels", "groupmembership", "givenname", "firstname", "name"}
    ):
        return "google-csv"
    if {"firstname", "lastname", "emailaddress"} <= keys and keys & {
        "businessphone",
        "mobilephone",
        "company",
        "categories",
    }:
        return "outlook-csv"
    return "csv"


def recognise(header: str, fmt: str) -> Target | None:
    """The field a header holds in a given export format, or None if unknown."""
    key = norm(header)
    if key in _QUIET.get(fmt, ()):
        return IGNORE
    if fmt == "outlook-csv":
        return _OUTLOOK.get(key)
    if fmt == "google-csv":
        if key in _GOOGLE:
            return _GOOGLE[key]
        m = _GOOGLE_NUMBERED.match(key)
        if m:
            kind, slot, part = m.group(1), int(m.group(2)), m.group(3)
            if kind == "website":
                return Target("social", "web") if part == "value" else IGNORE
            return Target(kind if part == "value" else f"{kind}_label", slot=slot)
        m = _GOOGLE_ADDRESS.match(key)
        if m:
            part = _GOOGLE_ADDRESS_PARTS.get(m.group(2))
            return Target(part, slot=int(m.group(1))) if part else IGNORE
        return None
    if key in _GENERIC:
        return _GENERIC[key]
    m = _GENERIC_NUMBERED.match(key)
    if m:
        kind = "email" if "mail" in m.group(1) else "phone"
        return Target(f"{kind}_label" if m.group(3) else kind, slot=int(m.group(2)))
    return None

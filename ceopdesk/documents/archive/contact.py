"""The press office contact lines, into the contact block.

"For further information contact the CEOP Press Office on 0870 000 3434",
"Out of hours: 07700 900123", "Email: press@…", "www.ceop.police.uk": the
lead-in words are the document's scaffolding and go; name, phone,
out-of-hours phone, e-mail and web address go to their fields.
"""

from __future__ import annotations

import re

from ceopdesk.core.domain import ContactBlock

_STARTS = re.compile(
    r"^\W*(?:for\s+(?:further|more)\s+(?:information|details)|media\s+(?:enquiries|contacts?|"
    r"information)|press\s+(?:enquiries|contacts?)|contacts?\s*:|enquiries\s*:|"
    r"journalists\s+(?:should|can|may)|issued\s+by\b)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|0)\d[\d\s\-()]{8,13}\d(?!\w)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_WEB = re.compile(r"\b(?:https?://\S+|www\.[\w\-]+(?:\.[\w\-]+)+\S*)", re.IGNORECASE)
_OOH = re.compile(
    r"out[\s\-]+of[\s\-]+hours|\booh\b|evenings?|weekends?|24[\s-]*hour", re.IGNORECASE
)
_LEAD = re.compile(
    r"^\W*(?:for\s+(?:further|more)\s+(?:information|details)[^,:]*?(?:contact|call|ring|"
    r"please\s+contact)?|media\s+(?:enquiries|contacts?|information)|press\s+(?:enquiries|"
    r"contacts?)|contacts?|enquiries|issued\s+by)\s*(?:to|:|-|–|,)?\s*",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"\b(?:tel(?:ephone)?|phone|mobile|mob|t|m|e-?mail|e|web(?:site)?|w|on|at|or|"
    r"out[\s\-]+of[\s\-]+hours|ooh)\b\.?\s*[:\-–]?\s*",
    re.IGNORECASE,
)


def starts_contact(text: str) -> bool:
    return bool(_STARTS.match(text.strip()))


def is_contact_line(text: str) -> bool:
    """A short line that is a phone number, an e-mail or a web address, with a label."""
    text = text.strip()
    if len(text) > 90:
        return False
    found = _PHONE.search(text) or _EMAIL.search(text) or _WEB.fullmatch(text)
    if not found:
        return False
    rest = _LABEL.sub(" ", _PHONE.sub(" ", _EMAIL.sub(" ", _WEB.sub(" ", text))))
    return len(re.findall(r"\w+", rest)) <= 5


def parse(lines: list[str]) -> ContactBlock:
    block = ContactBlock()
    names: list[str] = []
    for raw in (part for line in lines for part in line.split("\n")):
        text = _LEAD.sub("", raw.strip(), count=1).strip() if starts_contact(raw) else raw.strip()
        if not text:
            continue
        for email in _EMAIL.findall(text):
            block.email = block.email or email
        rest = _EMAIL.sub(" ", text)
        for web in _WEB.findall(rest):
            block.web = block.web or web.rstrip(".,;)")
        rest = _WEB.sub(" ", rest)
        phones = [" ".join(p.split()) for p in _PHONE.findall(rest)]
        if phones:
            if _OOH.search(rest) and block.phone:
                block.out_of_hours = block.out_of_hours or phones[0]
            elif _OOH.search(rest) and len(phones) == 1 and block.phone is None and names:
                block.out_of_hours = phones[0]
            else:
                block.phone = block.phone or phones[0]
                if len(phones) > 1 and _OOH.search(rest):
                    block.out_of_hours = block.out_of_hours or phones[1]
        rest = _PHONE.sub(" ", rest)
        rest = _OOH.sub(" ", rest)
        rest = _LABEL.sub(" ", rest)
        name = " ".join(rest.split()).strip(" ,.;:-–()")
        name = re.sub(
            r"^(?:(?:the|please|contact|call|ring|email|e-mail)\s+)+", "", name, flags=re.I
        )
        if name and not block.name and len(name) < 60 and re.search(r"[A-Za-z]", name):
            names.append(name)
            block.name = _title_case_office(name)
    return block


def _title_case_office(name: str) -> str:
    # "the CEOP press office" as a name: keep the words as typed, the article aside.
    return name[0].upper() + name[1:] if name[:1].islower() else name

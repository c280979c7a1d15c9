"""Reading vCard files: 2.1 (quoted-printable, CHARSET, bare TYPE params), 3.0 and 4.0.

A small line-aware reader rather than vobject: the report must name the line
each card starts on, 2.1's quoted-printable soft line breaks and base64 blocks
must not break the card, and one bad card must not lose the others. (vobject
writes our vCard exports.)
"""

from __future__ import annotations

import quopri
import re
from pathlib import Path

from ..errors import UserError
from .domain import ImportOptions
from .fields import Target
from .normalise import clean_label
from .record import Record, RecordBuilder

_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", re.S)
# Google Contacts' own groups, exported as categories: not tags anyone chose.
_SYSTEM_GROUPS = {"mycontacts", "starred"}
_NOT_LABELS = {"internet", "pref", "voice", "x400", "text", "msg", "uri", "cell,voice"}


def looks_like_vcard(text: str) -> bool:
    return text.lstrip("\ufeff \r\n\t")[:11].upper() == "BEGIN:VCARD"


def read_vcards(path: Path, text: str, encoding: str, options: ImportOptions) -> list[Record]:
    """Every card in the file as a record; a broken card becomes a record with a problem."""
    name = path.name
    lines = _logical_lines(text.lstrip("\ufeff"))
    records: list[Record] = []
    card: RecordBuilder | None = None
    source = f"import of {name}"
    for line_no, raw in lines:
        if not raw.strip():
            continue
        m = _PROPERTY.match(raw)
        prop = m.group(1).upper() if m else ""
        value = m.group(3) if m else ""
        if prop == "BEGIN" and value.strip().upper() == "VCARD":
            if card is not None:
                card.problems.append("the card has no END:VCARD line")
                records.append(card.build(options, source))
            card = RecordBuilder(line_no)
            continue
        if prop == "END" and value.strip().upper() == "VCARD":
            if card is None:
                bad = RecordBuilder(line_no)
                bad.problems.append("END:VCARD without a BEGIN:VCARD before it")
                records.append(bad.build(options, source))
            else:
                records.append(card.build(options, source))
            card = None
            continue
        if card is None:
            bad = RecordBuilder(line_no)
            bad.problems.append("text outside a BEGIN:VCARD ... END:VCARD block")
            records.append(bad.build(options, source))
            continue
        if m is None:
            card.problems.append(f"line {line_no} is not a vCard property: '{raw[:40]}'")
            continue
        _take(card, prop, _params(m.group(2)), value, encoding)
    if card is not None:
        card.problems.append("the card has no END:VCARD line")
        records.append(card.build(options, source))
    if not records:
        raise UserError(f"{name} holds no vCards (no BEGIN:VCARD line).")
    return records


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfold: a line starting with a space or tab continues the one before;
    a quoted-printable value ending in '=' continues on the next line (2.1);
    base64 data lines of 2.1 (no colon) belong to the property before them."""
    out: list[tuple[int, str]] = []
    in_base64 = False
    # "\r\r\n" is one line end: iOS has written base64 photos that way.
    for i, line in enumerate(re.split(r"\r*\n|\r", text), start=1):
        if out and line[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
            continue
        if out and _is_qp(out[-1][1]) and out[-1][1].endswith("="):
            out[-1] = (out[-1][0], out[-1][1][:-1] + line)
            continue
        if in_base64 and line.strip() and ":" not in line:
            continue
        in_base64 = bool(re.search(r";(ENCODING=)?(BASE64|B)[;:]", line, re.I))
        out.append((i, line))
    return out


def _is_qp(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def _params(text: str) -> dict[str, list[str]]:
    """';TYPE=work,voice;CHARSET=UTF-8;WORK' -> {'TYPE': ['work','voice','work'], 'CHARSET': [...]}"""
    params: dict[str, list[str]] = {}
    for part in text.split(";")[1:] if text else []:
        if not part:
            continue
        key, sep, val = part.partition("=")
        if not sep:  # vCard 2.1 bare parameter: a type, or an encoding
            key, val = (
                ("ENCODING", part)
                if part.upper() in ("QUOTED-PRINTABLE", "BASE64")
                else ("TYPE", part)
            )
        values = [v.strip('"') for v in val.split(",")]
        params.setdefault(key.upper(), []).extend(values)
    return params


def _decode(value: str, params: dict[str, list[str]], file_encoding: str) -> str:
    charset = (params.get("CHARSET") or [""])[0] or None
    encodings = [e.upper() for e in params.get("ENCODING", [])]
    if "QUOTED-PRINTABLE" in encodings or "QP" in encodings:
        data = quopri.decodestring(value.encode("latin-1", "replace"))
        for enc in (charset, "utf-8", "cp1252"):
            if enc:
                try:
                    return data.decode(enc)
                except (UnicodeDecodeError, LookupError):
                    continue
    if charset and charset.lower().replace("-", "") != file_encoding.lower().replace("-", ""):
        try:
            return value.encode(file_encoding).decode(charset)
        except (UnicodeError, LookupError):
            pass
    return value


def _split(value: str, sep: str) -> list[str]:
    """Split on separators not escaped with a backslash, then unescape each part."""
    parts, buf, escaped = [], [], False
    for ch in value:
        if escaped:
            buf.append({"n": "\n", "N": "\n"}.get(ch, ch))
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _text(value: str) -> str:
    """Unescape a text value ("a\\, b" -> "a, b", "\\n" -> new line)."""
    return _split(value, "\x00")[0]


def _tel(value: str) -> str:
    """A number as typed, or from a tel: URI (RFC 3966) with its extension kept
    ("tel:+1-418-656-9254;ext=102" -> "+1-418-656-9254;ext=102")."""
    if value[:4].lower() != "tel:":
        return value
    number, *params = value[4:].split(";")
    ext = [p for p in params if p.lower().startswith("ext=")]
    return number + (";" + ext[0] if ext else "")


def _label(params: dict[str, list[str]]) -> str:
    for value in params.get("TYPE", []):
        label = clean_label(value)
        if label and value.casefold() not in _NOT_LABELS:
            return label
    return ""


def _take(
    card: RecordBuilder, prop: str, params: dict[str, list[str]], raw: str, encoding: str
) -> None:
    if any(e.upper() in ("B", "BASE64") for e in params.get("ENCODING", [])):
        return  # photos, logos, keys
    value = _decode(raw, params, encoding)
    if prop == "FN":
        card.add(Target("full_name"), _text(value))
    elif prop == "N":
        family, given, middle = (_split(value, ";") + ["", "", ""])[:3]
        card.add(Target("family_name"), family.replace(",", " "))
        card.add(Target("given_name"), given.replace(",", " "))
        card.add(Target("middle_name"), middle.replace(",", " "))
    elif prop == "ORG":
        card.add(Target("organisation"), _split(value, ";")[0])
    elif prop in ("TITLE", "ROLE"):
        card.add(Target("job_title"), _text(value))
    elif prop == "EMAIL":
        card.add(Target("email", _label(params)), _text(value))
    elif prop == "TEL":
        number = _tel(_text(value))
        if not any(ch.isdigit() for ch in number):
            # Old Outlook templates leave the field's name ("BusinessPhone") as its value.
            if number.strip():
                card.warnings.append(f"phone '{number.strip()}' holds no number; left out")
            return
        card.add(Target("phone", _label(params)), number, split=False)
    elif prop == "ADR":
        parts = [_text(p) for p in (_split(value, ";") + [""] * 7)[:7]]
        pobox, extended, street, city, region, code, country = parts
        label = _label(params)
        for field, text in (
            ("street", "\n".join(x for x in (pobox, extended, street) if x.strip())),
            ("city", city),
            ("region", region),
            ("postcode", code),
            ("country", country),
        ):
            card.add(Target(field, label), text)
    elif prop == "LABEL":  # vCard 2.1/3.0: the address written out whole
        card.add(Target("address", _label(params)), _text(value))
    elif prop == "CATEGORIES":
        for tag in _split(value, ","):
            if tag.strip().casefold() not in _SYSTEM_GROUPS:
                card.add(Target("tags"), tag, split=False)
    elif prop == "NOTE":
        card.add(Target("notes"), _text(value))
    elif prop == "URL":
        card.add(Target("social", "web"), _text(value))
    elif prop in ("X-SOCIALPROFILE", "X-TWITTER", "X-LINKEDIN"):
        network = prop[2:].lower() if prop != "X-SOCIALPROFILE" else _label(params) or "other"
        card.add(Target("social", "x" if network == "twitter" else network), value)
    elif prop.startswith("X-CEOPDESK-"):
        field = prop[len("X-CEOPDESK-") :].lower().replace("-", "_")
        if field in ("kind", "lawful_basis", "source", "date_collected", "do_not_contact"):
            card.add(Target(field), _text(value))

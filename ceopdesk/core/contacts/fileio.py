"""Reading files whose encoding nobody wrote down, and writing files atomically."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import UserError

# Encodings charset-normalizer may name for Western European text; a UK office's
# Outlook writes Windows-1252, so any of these is read as that.
_WESTERN = {
    "cp1252",
    "windows-1252",
    "latin_1",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "cp850",
    "cp437",
    "ascii",
    "utf_8",
}
_MAX_BYTES = 200 * 1024 * 1024


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The text of a file and the encoding it was read with.

    Order: the encoding asked for; a byte-order mark; strict UTF-8;
    charset-normalizer for other scripts (Cyrillic, Arabic, CJK code pages);
    Windows-1252. Raises ``UserError`` for a missing, empty or binary file.
    """
    data = read_bytes(path)
    name = path.name
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise UserError(f"'{encoding}' is not an encoding ceopdesk knows.") from None
        except UnicodeDecodeError as exc:
            raise UserError(
                f"{name} line {_line_at(data, exc.start)}: the file is not {encoding}."
            ) from None
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise UserError(f"{name} starts with a {enc} mark but is not {enc} text.") from None
            _refuse_binary(name, text, data)
            return text, enc
    _refuse_binary(name, None, data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data[:65536]).best()
    if guess is not None and guess.encoding.lower() not in _WESTERN:
        try:
            return data.decode(guess.encoding), guess.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{name} line {_line_at(data, exc.start)}: the text encoding cannot be recognised; "
            "save the file as UTF-8 and import it again."
        ) from None


def read_bytes(path: Path) -> bytes:
    name = path.name
    if not path.exists():
        raise UserError(f"{path} does not exist.")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a file.")
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise UserError(f"{name} is too large to import ({size // 1_048_576} MB).")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror}).") from None
    if not data.strip():
        raise UserError(f"{name} is empty.")
    return data


def _refuse_binary(name: str, text: str | None, data: bytes) -> None:
    """Text files hold no NUL bytes (in UTF-16 text, no NUL characters)."""
    where = text.find("\x00") if text is not None else data.find(b"\x00")
    if where >= 0:
        line = text.count("\n", 0, where) + 1 if text is not None else _line_at(data, where)
        raise UserError(f"{name} line {line}: this is not a text file (it holds binary data).")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1

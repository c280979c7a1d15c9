"""What the link box accepts."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_DOMAIN = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def usable_link(typed: str) -> str | None:
    """A link address from what was typed: https://, http:// and mailto: as they are, a bare
    domain with https://, an e-mail address with mailto:; None for anything else."""
    typed = typed.strip()
    scheme = urlsplit(typed).scheme.lower()
    if scheme in ("http", "https", "mailto") and len(typed) > len(scheme) + 1:
        return typed
    if _EMAIL.match(typed):
        return "mailto:" + typed
    if _DOMAIN.match(typed):
        return "https://" + typed
    return None

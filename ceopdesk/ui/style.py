"""Colours and small style helpers shared by the views."""

from __future__ import annotations

# Status colours: (text, background) for the status label and the list.
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "draft": ("#3d3d3d", "#e4e4e4"),
    "in_review": ("#7a4b00", "#ffe2a8"),
    "approved": ("#135c1f", "#c9efcf"),
    "issued": ("#0b3f7a", "#cfe2fb"),
    "withdrawn": ("#8a1111", "#f7d0d0"),
}

BANNER_COLOURS: dict[str, tuple[str, str]] = {
    "info": ("#0b3f7a", "#e3eefc"),
    "warning": ("#6b4200", "#fff1cc"),
    "error": ("#8a1111", "#fbe0e0"),
}


PRIMARY_BUTTON = (
    "QPushButton { background: #1f3864; color: white; font-weight: bold; padding: 5px 14px;"
    " border: 1px solid #15284a; border-radius: 4px; }"
    "QPushButton:hover { background: #2b4c85; }"
    "QPushButton:disabled { background: #9aa5b8; color: #eeeeee; }"
)


def pill(status: str) -> str:
    fg, bg = STATUS_COLOURS.get(status, ("#000000", "#eeeeee"))
    return (
        f"QLabel {{ color: {fg}; background: {bg}; border-radius: 9px; "
        f"padding: 3px 12px; font-weight: bold; }}"
    )


def banner(kind: str) -> str:
    fg, bg = BANNER_COLOURS[kind]
    return (
        f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {fg}; "
        f"border-radius: 4px; padding: 6px 10px; }}"
    )

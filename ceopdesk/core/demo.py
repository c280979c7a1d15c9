"""The sample library: a few boilerplate notes and releases to try the app on."""

from __future__ import annotations

from sqlalchemy import select

from . import boilerplate, releases
from .models import ReleaseRow
from .paths import resource
from .release_json import load_json_file, parse_boilerplate, parse_release
from .store import Store

RELEASE_FILES = ("annual-review.json", "sextortion-warning.json", "operation-result.json")


def load_sample(store: Store, user: str | None = None) -> list[str]:
    """Load the sample library; running it again adds nothing. Returns a line per item."""
    folder = resource("sample")
    items = parse_boilerplate(load_json_file(folder / "boilerplate.json"), "sample boilerplate")
    parsed = [parse_release(load_json_file(folder / f), f) for f in RELEASE_FILES]
    report: list[str] = []
    with store.session() as s:
        for item in items:
            outcome = boilerplate.save_in(s, item, user)
            report.append(f"boilerplate {item.key}: {outcome}")
        s.flush()
        for release in parsed:
            exists = s.scalar(
                select(ReleaseRow.id).where(ReleaseRow.reference == release.reference)
            )
            if exists:
                report.append(f"release {release.reference}: already there")
                continue
            releases.create_in(s, release, user)
            report.append(f"release {release.reference}: added")
    return report

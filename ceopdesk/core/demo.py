"""The sample library: a few boilerplate notes and releases to try the app on."""

from __future__ import annotations

from sqlalchemy import select

from .domain import STATUSES, Settings
from .models import ReleaseRow, Setting
from .paths import resource
from .releases import boilerplate
from .releases import service as releases
from .releases.interchange import load_json_file, parse_boilerplate, parse_release
from .settings import load_in as load_settings
from .store import Store

SAMPLE_CONTACT = {
    "contact": {
        "name": "CEOP Press Office",
        "phone": "0870 000 3434",
        "out_of_hours": "07700 900123",
        "email": "press@ceop.example",
        "web": "www.ceop.police.uk",
    }
}
RELEASE_FILES = ("annual-review.json", "sextortion-warning.json", "operation-result.json")


def load_sample(store: Store, user: str | None = None) -> list[str]:
    """Load the sample library; running it again adds nothing. Returns a line per item."""
    folder = resource("sample")
    items = parse_boilerplate(load_json_file(folder / "boilerplate.json"), "sample boilerplate")
    parsed = [parse_release(load_json_file(folder / f), f, STATUSES) for f in RELEASE_FILES]
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
        current = load_settings(s)
        if current.contact == Settings().contact:
            # A sample release with an empty contact block would teach the wrong habit.
            for key, value in SAMPLE_CONTACT.items():
                s.merge(Setting(key=key, value=value))
            report.append("settings: sample press office contact block filled in")
    return report

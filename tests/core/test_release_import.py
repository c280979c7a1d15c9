"""The core import service: all or nothing, one file at a time, and an honest status."""

import json
from pathlib import Path

import pytest

from ceopdesk.core.errors import UserError
from ceopdesk.core.releases import importing, versions
from ceopdesk.core.releases import service as releases

BASE = {"format": "ceopdesk.release/1", "headline": "Children safer after operation"}


def write(folder: Path, name: str, **fields) -> Path:
    path = folder / name
    path.write_text(json.dumps({**BASE, **fields}), encoding="utf-8")
    return path


def test_issued_is_recorded_as_imported_without_an_approver(store, tmp_path):
    item = importing.read_json(write(tmp_path, "old.json", status="issued"))
    (release,) = importing.import_all(store, [item], "importer")
    assert release.status == "issued"
    assert release.approved_by is None and release.approved_at is None
    (first,) = versions.list_versions(store, release.reference)
    assert first.status == "issued" and first.reason == "imported as issued, from old.json"


@pytest.mark.parametrize("status", ["approved", "in_review"])
def test_approved_and_in_review_are_refused_with_a_sentence(tmp_path, status):
    with pytest.raises(UserError) as caught:
        importing.read_json(write(tmp_path, "a.json", status=status))
    assert f'"{status}" cannot be imported, since approval happens in ceopdesk' in str(caught.value)
    assert "a.json, field 'status'" in str(caught.value)


def test_import_all_stores_nothing_when_one_fails(store, tmp_path):
    good = importing.read_json(write(tmp_path, "good.json"))
    bad = importing.read_json(write(tmp_path, "bad.json", notes=[{"boilerplate": "nope"}]))
    with pytest.raises(UserError, match="bad.json"):
        importing.import_all(store, [good, bad], None)
    assert releases.list_releases(store) == []


def test_import_each_keeps_the_good_files_and_reports_the_bad(store, tmp_path):
    paths = [
        write(tmp_path, "a.json"),
        write(tmp_path, "b.json", notes=[{"boilerplate": "nope"}]),
        tmp_path / "c.json",
    ]
    paths[2].write_text("{", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    read = importing.read_all(paths, importing.read_json)
    report = importing.import_each(store, read, None, progress=lambda d, t: seen.append((d, t)))
    outcomes = [(f.source.name, f.outcome) for f in report.files]
    assert outcomes == [("a.json", "imported"), ("b.json", "failed"), ("c.json", "failed")]
    assert "nope" in (report.files[1].error or "")
    assert "not valid JSON" in (report.files[2].error or "")
    assert seen[-1] == (3, 3)
    assert [r.reference for r in releases.list_releases(store)] == [report.files[0].reference]


def test_cancel_stops_before_the_next_file(store, tmp_path):
    items = importing.read_all([write(tmp_path, f"{n}.json") for n in "abc"], importing.read_json)
    done: list[int] = []
    report = importing.import_each(
        store, items, None, progress=lambda d, t: done.append(d), should_stop=lambda: len(done) >= 1
    )
    assert report.cancelled
    assert [f.outcome for f in report.files] == ["imported", "not read", "not read"]
    assert len(releases.list_releases(store)) == 1


def test_a_folder_gives_its_importable_files_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "b.json")
    write(tmp_path / "sub", "a.json")
    (tmp_path / "picture.png").write_bytes(b"x")
    (tmp_path / "~$b.json").write_text("lock")
    found = importing.expand([tmp_path], [".json"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["b.json", "sub/a.json"]
    with pytest.raises(UserError, match="is not one"):
        importing.expand([tmp_path / "picture.png"], [".json"])

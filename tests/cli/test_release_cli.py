import json
import subprocess
import sys

import pytest

RELEASE = {
    "format": "ceopdesk.release/1",
    "headline": "Children safer after national operation",
    "standfirst": "A national operation has protected children.",
    "embargo": "2026-06-21T00:01:00+01:00",
    "sections": [{"type": "text", "text": "Body.\n\n- one\n- two"}],
    "notes": [{"boilerplate": "about-ceop"}],
}


def store_dump(run) -> str:
    code, out, _ = run("release", "list", "--json")
    code2, bp, _ = run("boilerplate", "list", "--json")
    return out + bp


def test_demo_is_idempotent(run):
    code, out, err = run("demo")
    assert code == 0 and "release CEOP-2026-001: added" in out
    code, out, _ = run("demo")
    assert code == 0 and "added" not in out
    _, listing, _ = run("release", "list")
    assert listing.count("CEOP-2026-") == 3


def test_import_prints_new_references_and_round_trips(run, write_json, tmp_path):
    run("demo")
    code, out, err = run("release", "import", str(write_json("a.json", RELEASE)))
    assert (code, err) == (0, "")
    ref = out.strip()
    assert ref.startswith("CEOP-")
    _, shown, _ = run("release", "show", ref, "--json")
    again = json.loads(shown)
    again["reference"] = "CEOP-2099-001"
    code, out, _ = run("release", "import", str(write_json("b.json", again)))
    assert code == 0
    _, shown2, _ = run("release", "show", "CEOP-2099-001", "--json")
    assert {**json.loads(shown2), "reference": ref} == json.loads(shown)


def test_multi_file_import_is_all_or_nothing(run, write_json):
    run("demo")
    before = store_dump(run)
    good = write_json("good.json", RELEASE)
    bad = write_json("bad.json", {**RELEASE, "notes": [{"boilerplate": "missing-key"}]})
    code, out, err = run("release", "import", str(good), str(bad))
    assert code == 1 and out == ""
    assert err.startswith("ceopdesk: ") and "bad.json" in err and "missing-key" in err
    assert len(err.strip().splitlines()) == 1
    assert store_dump(run) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b'{"format": ', "line 1, column 12: not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (json.dumps({**RELEASE, "headlne": "x"}).encode(), "field 'headlne': unknown key"),
    ],
)
def test_bad_files_get_one_sentence_and_exit_1(run, tmp_path, content, expected):
    run("demo")
    before = store_dump(run)
    path = tmp_path / "in.json"
    path.write_bytes(content)
    code, out, err = run("release", "import", str(path))
    assert code == 1 and expected in err and "Traceback" not in err
    assert store_dump(run) == before


def test_missing_file_and_wrong_extension(run, tmp_path):
    code, _, err = run("release", "import", str(tmp_path / "nope.json"))
    assert code == 1 and "no such file" in err
    other = tmp_path / "r.pdf"
    other.write_text("x")
    code, _, err = run("release", "import", str(other))
    assert code == 1 and ".json" in err


def test_bad_usage_exits_2(run):
    assert run("release")[0] == 2
    assert run("release", "set-status", "X", "published")[0] == 2
    assert run("frobnicate")[0] == 2


def test_set_status_and_refusal(run):
    run("demo")
    code, out, _ = run("release", "set-status", "CEOP-2026-001", "in_review")
    assert code == 0 and "now in review" in out
    code, _, err = run("release", "set-status", "CEOP-2026-003", "issued")
    assert code == 1 and "only an approved release can be issued" in err
    code, _, err = run("release", "show", "CEOP-1900-001")
    assert code == 1 and 'no release with the reference "CEOP-1900-001"' in err


def test_show_text_and_list_filters(run):
    run("demo")
    code, out, _ = run("release", "show", "CEOP-2026-001")
    assert code == 0 and "ENDS" in out and "Helen Marsh" in out
    _, out, _ = run("release", "list", "--status", "approved")
    assert "CEOP-2026-002" in out and "CEOP-2026-001" not in out
    _, out, _ = run("release", "list", "--search", "blackmail")
    assert "CEOP-2026-002" in out


def test_export_writes_docx_and_records_a_version(run, tmp_path):
    run("demo")
    target = tmp_path / "r.docx"
    code, out, err = run("release", "export", "CEOP-2026-001", "-o", str(target))
    assert code == 0, err
    assert target.exists() and "version 1" in out
    _, versions, _ = run("release", "versions", "CEOP-2026-001")
    assert "exported" in versions
    code, _, err = run("release", "export", "CEOP-2026-001", "-o", str(tmp_path / "no" / "r.docx"))
    assert code == 1 and "does not exist" in err
    _, versions_after, _ = run("release", "versions", "CEOP-2026-001")
    assert versions_after == versions


def test_boilerplate_commands(run, write_json):
    path = write_json(
        "bp.json",
        {"format": "ceopdesk.boilerplate/1", "items": [{"key": "k", "title": "T", "text": "one"}]},
    )
    assert "added" in run("boilerplate", "import", str(path))[1]
    path = write_json(
        "bp.json",
        {"format": "ceopdesk.boilerplate/1", "items": [{"key": "k", "title": "T", "text": "two"}]},
    )
    assert "updated" in run("boilerplate", "import", str(path))[1]
    code, out, _ = run("boilerplate", "show", "k")
    assert code == 0 and "version 2" in out and "two" in out
    assert run("boilerplate", "show", "zz")[0] == 1


def test_check_backup_and_restore(run, tmp_path):
    run("demo")
    code, out, _ = run("check")
    assert code == 0 and "OK" in out
    backup = tmp_path / "copy.db"
    assert run("backup", "-o", str(backup))[0] == 0
    run("release", "set-status", "CEOP-2026-001", "withdrawn")
    code, out, err = run("restore", str(backup))
    assert code == 0, err
    _, listing, _ = run("release", "list", "--status", "withdrawn")
    assert "CEOP-2026-001" not in listing
    notdb = tmp_path / "x.db"
    notdb.write_text("hello")
    code, _, err = run("restore", str(notdb))
    assert code == 1 and "not a ceopdesk backup" in err


def test_console_entry_point_has_no_traceback_on_user_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "ceopdesk", "--db", str(tmp_path / "s.db"), "release", "show", "X"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    db = tmp_path / "s.db"  # a store a read-only command was pointed at, and not there
    assert result.stderr.strip() == (
        f"ceopdesk: There is no store at {db}; check the file name "
        "(`ceopdesk demo` makes a store with the sample library)."
    )


def test_broken_characters_are_named_also_inside_a_folder(run, tmp_path):
    folder = tmp_path / "past"
    folder.mkdir()
    path = folder / "r.json"
    path.write_text('{"format": "ceopdesk.release/1", "headline": "Bad \\ud800 one"}', "utf-8")
    code, _, err = run("release", "import", str(path))
    assert code == 1 and "field 'headline': has a broken character" in err
    code, _, err = run("release", "import", str(folder))
    assert code == 1 and "r.json, field 'headline': has a broken character" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("release", "import", str(empty))
    assert code == 1 and "no file ceopdesk can import" in err


def test_json_status_issued_is_imported_and_approved_refused(run, write_json):
    code, out, _ = run(
        "release", "import", str(write_json("i.json", {**RELEASE, "notes": [], "status": "issued"}))
    )
    assert code == 0
    _, versions, _ = run("release", "versions", out.strip())
    assert "imported as issued, from i.json" in versions
    code, _, err = run(
        "release",
        "import",
        str(write_json("a.json", {**RELEASE, "notes": [], "status": "approved"})),
    )
    assert code == 1 and "approval happens in ceopdesk" in err


def test_emoji_right_to_left_and_control_characters_survive_export(run, write_json, tmp_path):
    release = {
        **RELEASE,
        "notes": [],
        "headline": "Arrests 🚨 in operation عملية",
        "sections": [
            {
                "type": "quote",
                "speaker": "زينب علي",
                "role": None,
                "text": "Bell \u0007 character 👍",
            }
        ],
    }
    code, out, err = run("release", "import", str(write_json("e.json", release)))
    assert code == 0, err
    target = tmp_path / "e.docx"
    assert run("release", "export", out.strip(), "-o", str(target))[0] == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    # The Arabic name is isolated, so "said:" follows it in the English sentence.
    assert "\u2068زينب علي\u2069\u200e said:" in text and "🚨" in text and "\u0007" not in text


def test_versions_and_diff(run, tmp_path):
    run("demo")
    ref = "CEOP-2026-001"
    _, out, _ = run("release", "versions", ref)
    assert "no versions yet" in out
    run("release", "export", ref, "-o", str(tmp_path / "a.docx"))
    code, out, _ = run("release", "export", ref, "-o", str(tmp_path / "b.docx"))
    assert code == 0 and "(version 1)" in out
    # The command line has no editing command; edit through the service.
    from ceopdesk.core.releases import service as releases
    from ceopdesk.core.store import Store

    store = Store(run.db)
    release = releases.get(store, ref)
    release.headline = "Record number of children safeguarded this year"
    releases.update(store, release)
    store.close()
    run("release", "set-status", ref, "in_review", "--by", "A. Officer")
    _, out, _ = run("release", "versions", ref)
    lines = out.strip().splitlines()
    assert len(lines) == 2 and lines[0].split()[0] == "1" and lines[1].endswith("submitted")
    assert "A. Officer" in lines[1]
    code, out, _ = run("release", "diff", ref, "1", "2")
    assert code == 0 and "== Headline ==" in out and "[-in a-]{+this+} year" in out
    code, out, err = run("release", "diff", ref, "1", "9")
    assert code == 1 and "has no version 9" in err
    _, text, _ = run("release", "show", ref)
    assert text.startswith("DRAFT — NOT FOR PUBLICATION — version 2")


def test_compare_prints_the_documented_json_and_accepts_parts(run, tmp_path):
    from tests.roundtrip_edits import approver_edits

    run("demo")
    sent = tmp_path / "sent.docx"
    run("release", "export", "CEOP-2026-001", "-o", str(sent))
    edited = tmp_path / "edited.docx"
    approver_edits(sent, edited)
    code, out, err = run("release", "compare", "CEOP-2026-001", str(edited), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["reference", "version", "changes", "comments"]
    assert (data["reference"], data["version"]) == ("CEOP-2026-001", 1)
    assert [(c["part"], c["kind"]) for c in data["changes"]] == [
        ("sections[0]", "changed"),
        ("sections[1]", "changed"),
    ]
    assert all(list(c) == ["part", "kind", "before", "after"] for c in data["changes"])
    assert [list(c) for c in data["comments"]] == [["part", "anchor", "text", "author"]]
    code, out, _ = run(
        "release", "compare", "CEOP-2026-001", str(edited), "--accept", "sections[0]"
    )
    assert code == 0 and "1,[-204-]{+240+}" in out and "Accepted 1 change(s)" in out
    _, shown, _ = run("release", "show", "CEOP-2026-001", "--json")
    sections = json.loads(shown)["sections"]
    assert "1,240" in sections[0]["text"] and "safer today" in sections[1]["text"]
    code, _, err = run("release", "compare", "CEOP-2026-001", str(edited), "--accept", "headline")
    assert code == 1 and "has no change to headline" in err
    code, _, err = run("release", "compare", "CEOP-2026-001", str(tmp_path / "none.docx"))
    assert code == 1 and "none.docx: no such file." in err


def test_export_the_email_body_as_text_and_html(run, tmp_path):
    run("demo")
    code, out, err = run("release", "export", "CEOP-2026-001", "-o", str(tmp_path / "e.txt"))
    assert (code, err) == (0, "") and "the e-mail body" in out
    text = (tmp_path / "e.txt").read_bytes().decode("utf-8")
    assert text.startswith("DRAFT — NOT FOR PUBLICATION\r\n\r\nPRESS RELEASE")
    assert "\r\nENDS\r\n" in text and "\n" not in text.replace("\r\n", "")
    code, _, err = run("release", "export", "CEOP-2026-001", "-o", str(tmp_path / "e.HTML"))
    assert code == 0, err
    markup = (tmp_path / "e.HTML").read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>") and "<h1 " in markup
    # Not a Word export: no version is recorded for it.
    _, versions, _ = run("release", "versions", "CEOP-2026-001")
    assert "no versions yet" in versions
    code, _, err = run("release", "export", "CEOP-2026-001", "-o", str(tmp_path / "no" / "e.txt"))
    assert code == 1 and "does not exist" in err and "Traceback" not in err

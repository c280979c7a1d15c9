"""`release import` of a folder of past releases, then finding a figure by searching."""

import shutil
from pathlib import Path

ARCHIVE = Path(__file__).parent.parent / "fixtures" / "archive"
GOOD = [
    "word-default.docx",
    "word-styled.docx",
    "web-page.htm",
    "pasted-from-browser.txt",
    "sent-by-email.eml",
    "notes-from-a-colleague.md",
]


def test_a_folder_of_mixed_releases_goes_in_and_its_figures_are_found(run, tmp_path):
    folder = tmp_path / "past releases"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(ARCHIVE / name, folder / name)
    (folder / "logo.png").write_bytes(b"\x89PNG")  # other files in the folder are passed over
    run("demo")
    code, out, err = run("release", "import", str(folder))
    assert (code, err) == (0, "")
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert len(lines) == len(GOOD)
    assert any("issued (it was sent by e-mail on 14 January 2014)" in line for line in lines)
    assert any("draft (nothing in the file shows it was published)" in line for line in lines)
    assert "    unsure: " in out
    _, found, _ = run("release", "list", "--search", "1,145")
    assert "Parents urged to talk to children about webcams" in found
    _, found, _ = run("release", "list", "--search", "anonymising networks")
    assert "CEOP target 'anonymous' online offenders" in found


def test_one_broken_file_in_a_folder_stores_nothing(run, tmp_path):
    folder = tmp_path / "past"
    folder.mkdir()
    shutil.copy(ARCHIVE / "word-default.docx", folder / "a.docx")
    shutil.copy(ARCHIVE / "bad" / "not-word.docx", folder / "b.docx")
    code, out, err = run("release", "import", str(folder))
    assert code == 1 and out == ""
    assert "b.docx is a zip file but not a Word document" in err
    assert len(err.strip().splitlines()) == 1
    _, listing, _ = run("release", "list")
    assert listing.strip() == "No releases."


def test_the_same_file_imported_twice_is_refused(run):
    code, out, _ = run("release", "import", str(ARCHIVE / "word-styled.docx"))
    assert code == 0 and out.startswith("CEOP-2013-009  draft")
    code, _, err = run("release", "import", str(ARCHIVE / "word-styled.docx"))
    assert code == 1 and 'reference "CEOP-2013-009" already exists' in err

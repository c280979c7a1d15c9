"""Files that cannot be imported give one sentence naming the file and place; nothing changes."""

from __future__ import annotations

import pytest

from ceopdesk.core.errors import UserError


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", "empty.csv is empty."),
        ("binary.csv", "binary.csv line 3: this is not a text file (it holds binary data)."),
        (
            "unclosed_quote.csv",
            'unclosed_quote.csv line 3: a quoted field is never closed (a missing " character).',
        ),
        (
            "no_identity.csv",
            "no_identity.csv line 1: no column holds a name, e-mail or phone (the columns are: "
            "Circulation, Region); map the columns to fields and import again.",
        ),
    ],
)
def test_unreadable_files(store, load, counts, name, message):
    load("outlook.csv")
    before = counts()
    with pytest.raises(UserError) as caught:
        load(name)
    assert str(caught.value) == message
    assert counts() == before


def test_missing_file_and_folder(store, load, tmp_path, counts):
    with pytest.raises(UserError, match=r"nothere.csv does not exist\.$"):
        load(tmp_path / "nothere.csv")
    with pytest.raises(UserError, match="is a folder, not a file"):
        load(tmp_path)
    assert counts() == (0, 0)


def test_header_only_and_blank_lines(store, load, tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("Name,Email\n\n\n", "utf-8")
    assert load(path).rows == []
    path.write_text("\n\n", "utf-8")
    with pytest.raises(UserError, match="header.csv is empty"):
        load(path)


def test_undecodable_with_an_explicit_encoding(store, load, fixtures):
    with pytest.raises(UserError, match=r"^outlook.csv line 2: the file is not utf-8\.$"):
        load("outlook.csv", encoding="utf-8")
    with pytest.raises(UserError, match="'klingon' is not an encoding"):
        load("outlook.csv", encoding="klingon")


def test_other_scripts_code_pages_are_detected(store, load, tmp_path):
    path = tmp_path / "cyrillic.csv"
    text = "Имя,Фамилия,Email,Организация\n" + "".join(
        f"Анна{i},Иванова,anna{i}@example.ru,Российская газета — отдел новостей\n"
        for i in range(30)
    )
    path.write_bytes(text.encode("cp1251"))
    report = load(
        path, mapping={"Имя": "given_name", "Фамилия": "family_name", "Организация": "organisation"}
    )
    assert report.encoding.replace("-", "").replace("_", "").lower() in ("cp1251", "windows1251")
    from ceopdesk.core.contacts import service

    assert service.find_contact(store, "anna0@example.ru").name == "Анна0 Иванова"


def test_control_characters_and_huge_cells_are_cleaned(store, load, tmp_path):
    from ceopdesk.core.contacts import service

    path = tmp_path / "odd.csv"
    path.write_text('Name,Email,Notes\n"Leo\x07 White",leo@example.com,"a\x00b"\n', "utf-8")
    with pytest.raises(UserError, match="odd.csv line 2: this is not a text file"):
        load(path)
    path.write_text(
        'Name,Email,Notes\n"Leo\x07  White",leo@example.com,"' + "x" * 5000 + '"\n', "utf-8"
    )
    load(path)
    leo = service.find_contact(store, "leo@example.com")
    assert leo.name == "Leo White" and len(leo.notes) == 5000


def test_a_quoted_cell_over_the_limit_is_named_for_what_it_is(store, load, tmp_path, counts):
    """A closed quote and a very long note: the sentence gives the limit, not only a guess."""
    path = tmp_path / "long.csv"
    path.write_text(
        'Name,Email,Notes\nLeo White,leo@example.com,"' + "x" * 200_000 + '"\n', "utf-8"
    )
    with pytest.raises(UserError) as caught:
        load(path)
    assert (
        str(caught.value)
        == (
            "long.csv line 2: a field is longer than 131,072 characters (a very long note, "
            'or a missing " character)'
        )
        + "."
    )
    assert counts() == (0, 0)

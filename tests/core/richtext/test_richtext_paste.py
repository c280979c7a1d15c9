"""Pasted and imported content in real-world shapes becomes the house subset, and nothing else."""

from __future__ import annotations

from pathlib import Path

from ceopdesk.core.richtext import (
    Block,
    html_to_markdown,
    parse_markdown,
    smart_quotes,
    text_to_markdown,
    typographic_quote,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "paste"


def _read(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def _shape(markdown: str) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in parse_markdown(markdown)]


def _links(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(s.text, s.href or "") for b in blocks for s in b.spans if s.href]


def _bold(blocks: list[Block]) -> list[str]:
    return [s.text for b in blocks for s in b.spans if s.bold]


def test_word_clipboard_html() -> None:
    result = html_to_markdown(_read("word-clipboard.html"))
    blocks = parse_markdown(result.markdown)
    assert _shape(result.markdown) == [
        (
            "paragraph",
            0,
            "2012. A year in which the Centre received a record number of "
            "reports. It safeguarded and protected 790 children, a rise of 85% "
            "on the year before.",
        ),
        ("paragraph", 0, "Other key threat areas include:"),
        ("bullet", 0, "online grooming on social networking sites;"),
        ("bullet", 1, "including live-streamed abuse;"),
        ("bullet", 0, "the sharing of indecent images of children."),
        ("paragraph", 0, "The Centre's priorities for the year are:"),
        ("number", 0, "protecting children from abuse;"),
        ("number", 0, "bringing offenders to account."),
        ("bullet", 0, "A bullet typed by hand with a tab"),
        (
            "paragraph",
            0,
            "Read the full report at www.ceop.police.uk.\nPress office: 0870\u00a0000\u00a03434",
        ),
        ("paragraph", 0, "Level 1"),
        ("paragraph", 0, "Erotic posing"),
    ]
    assert _bold(blocks) == ["790 children"]
    assert _links(blocks) == [("www.ceop.police.uk", "https://www.ceop.police.uk/annual-review")]
    assert result.notes == ["One picture left out.", "One table turned into paragraphs."]
    # Nothing of Word's styling reaches the store.
    for word in ("mso", "Arial", "Calibri", "font", "color", "<", "\u00b7"):
        assert word not in result.markdown


def test_web_article() -> None:
    result = html_to_markdown(_read("web-article.html"))
    blocks = parse_markdown(result.markdown)
    assert _shape(result.markdown) == [
        ("paragraph", 0, "Record year for child protection"),
        (
            "paragraph",
            0,
            "The Child Exploitation and Online Protection Centre has today "
            "published its annual review. In the last year the Centre safeguarded "
            "790 children and helped arrest 192 suspects.",
        ),
        ("paragraph", 0, "Other key threat areas include:"),
        ("bullet", 0, "online grooming on social networking sites;"),
        ("bullet", 0, "the sharing of indecent images of children;"),
        ("bullet", 1, "including peer-to-peer networks;"),
        ("bullet", 0, "offenders travelling abroad."),
        (
            "paragraph",
            0,
            "Peter Davies, Chief Executive of CEOP, said:\n“Behind every image is a real child.”",
        ),
        ("bullet", 0, "a bullet typed into the CMS"),
        ("bullet", 0, "and another one"),
        ("paragraph", 0, "Read the full annual review on the CEOP website."),
        ("paragraph", 0, "The centre in London."),
    ]
    assert _bold(blocks) == ["Record year for child protection", "790 children", "192 suspects"]
    assert _links(blocks) == [
        (
            "full annual review",
            "https://www.ceop.police.uk/annual-review?utm_source=newsletter&utm_medium=email",
        )
    ]
    assert "tracking" not in result.markdown and "track(" not in result.markdown
    assert result.notes == ["One picture left out.", "One hidden piece of text left out."]


def test_web_article_heading_kept_where_sub_headings_are_allowed() -> None:
    result = html_to_markdown(_read("web-article.html"), headings=True)
    assert parse_markdown(result.markdown, headings=True)[0].kind == "heading"


def test_outlook_email_body() -> None:
    result = html_to_markdown(_read("outlook-email.html"))
    blocks = parse_markdown(result.markdown)
    assert _shape(result.markdown) == [
        ("paragraph", 0, "Hi all,"),
        (
            "paragraph",
            0,
            "Please find the agreed text for Thursday’s release below. "
            "The embargo is 00:01 BST, Thursday 21 June.",
        ),
        ("paragraph", 0, "The key figures are:"),
        ("bullet", 0, "427 children safeguarded"),
        ("bullet", 0, "192 suspects arrested"),
        ("paragraph", 0, "Thanks,"),
        ("paragraph", 0, "Sam"),
        ("paragraph", 0, "Sam Press"),
        ("paragraph", 0, "Press Officer | press@example.org"),
    ]
    assert _links(blocks) == [("press@example.org", "mailto:press@example.org")]
    assert result.notes == [
        "Removed 2 invisible direction marks.",
        "Removed 1 invisible control character.",
        "One table turned into paragraphs.",
    ]


def test_text_with_each_kind_of_bullet() -> None:
    result = text_to_markdown(_read("bullets.txt"))
    assert _shape(result.markdown) == [
        ("paragraph", 0, "Other key threat areas include:"),
        ("bullet", 0, "online grooming on social networking sites;"),
        ("bullet", 0, "peer-to-peer image sharing;"),
        ("bullet", 0, "live-streamed abuse;"),
        ("bullet", 0, "sextortion."),
        ("paragraph", 0, "The priorities are:"),
        ("number", 0, "protecting children;"),
        ("number", 0, "bringing offenders to account."),
        ("paragraph", 0, "And in the second year:"),
        ("number", 0, "training;"),
        ("number", 0, "prevention."),
        ("paragraph", 0, "Areas:"),
        ("number", 0, "England;"),
        ("number", 0, "Wales."),
        ("paragraph", 0, "2012. A year in which reports rose."),
    ]
    assert result.notes == []


def test_word_plain_text_clipboard() -> None:
    result = text_to_markdown(_read("word-plain.txt"))
    assert _shape(result.markdown) == [
        ("paragraph", 0, "Other key threat areas include:"),
        ("bullet", 0, "online grooming on social networking sites;"),
        ("bullet", 1, "including live-streamed abuse;"),
        ("bullet", 1, "shared through cloud storage;"),
        ("bullet", 0, "the sharing of indecent images."),
        # Word's manual line break (a vertical tab) is a line break, not nothing.
        ("paragraph", 0, "Peter Davies said:\n“Behind every image is a real child.”"),
        ("paragraph", 0, "Call 0870\u00a0000\u00a03434."),
    ]
    assert result.notes == ["Removed 2 invisible direction marks."]


def test_single_lines_are_paragraphs_and_lone_numbers_are_prose() -> None:
    assert _shape(text_to_markdown("First.\nSecond.\n2012. A year.").markdown) == [
        ("paragraph", 0, "First."),
        ("paragraph", 0, "Second."),
        ("paragraph", 0, "2012. A year."),
    ]
    assert _shape(text_to_markdown("One\ntwo\n\nthree").markdown) == [
        ("paragraph", 0, "One\ntwo"),
        ("paragraph", 0, "three"),
    ]


def test_nothing_to_paste() -> None:
    empty = html_to_markdown('<p><img src="x.png"></p>')
    assert empty.markdown == "" and empty.notes == ["One picture left out."]
    assert html_to_markdown("").markdown == ""
    assert text_to_markdown("\u200f\u202e").markdown == ""


def test_unsafe_links_keep_their_text_only() -> None:
    result = html_to_markdown('<a href="javascript:alert(1)">click</a> <a href="#top">top</a>')
    assert result.markdown == "click top"


def test_smart_quotes() -> None:
    assert smart_quotes("\"It's the 'best' year,\" he said.") == "“It’s the ‘best’ year,” he said."
    assert smart_quotes("('quoted')") == "(‘quoted’)"
    assert typographic_quote('"', "") == "“" and typographic_quote('"', "word") == "”"
    assert typographic_quote("x", "") == "x"

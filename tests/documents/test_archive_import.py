"""Past releases in from Word files, web pages, pasted text, Markdown and e-mails.

The fixtures are in tests/fixtures/archive/ (see make_fixtures.py there).
"""

from datetime import datetime
from pathlib import Path

import pytest

from ceopdesk.core.domain import QuoteSection, TextSection
from ceopdesk.core.errors import UserError
from ceopdesk.documents.archive import read_release
from ceopdesk.documents.archive.dates import LONDON, parse_embargo
from ceopdesk.documents.archive.notes import LibraryItem

ARCHIVE = Path(__file__).parent.parent / "fixtures" / "archive"
ABOUT = LibraryItem(
    "about-ceop",
    "About CEOP",
    "CEOP is dedicated to eradicating the sexual abuse of children. It is part of UK "
    "policing and tracks offenders both online and offline.",
)
FURNITURE = (
    "Skip to",
    "Home",
    "Share",
    "Print",
    "cookie",
    "Cookie",
    "©",
    "(c)",
    "Related",
    "PRESS RELEASE",
    "ENDS",
    "ends",
    "further information",
    "Privacy",
    "Dear colleague",
)


def read(name: str):
    return read_release(ARCHIVE / name, [ABOUT])


def body_text(release) -> str:
    return "\n".join(s.text for s in release.sections)


def assert_no_furniture(release) -> None:
    everything = "\n".join([release.headline, release.standfirst, body_text(release)])
    for word in FURNITURE:
        assert word not in everything, word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EMBARGOED UNTIL 00:01 HRS THURSDAY 21 JUNE 2012", "2012-06-21T00:01:00+01:00"),
        ("Embargo: 00.01 21/06/2012", "2012-06-21T00:01:00+01:00"),
        ("EMBARGOED UNTIL 00:01 BST, Thursday 21 June 2012", "2012-06-21T00:01:00+01:00"),
        ("Embargoed to 10.30am, 5 March 2013", "2013-03-05T10:30:00+00:00"),
        ("UNDER STRICT EMBARGO UNTIL 0001 HRS ON TUESDAY 12 MAY 2009", "2009-05-12T00:01:00+01:00"),
        ("EMBARGO 21.06.12 00:01", "2012-06-21T00:01:00+01:00"),
        ("Embargoed until 2pm GMT on Monday, 14th January 2013", "2013-01-14T14:00:00+00:00"),
        ("Not for publication before midnight on 20 June 2012", "2012-06-21T00:00:00+01:00"),
    ],
)
def test_embargo_spellings_are_instants_in_uk_time(text, expected):
    instant, _ = parse_embargo(text)
    assert instant == datetime.fromisoformat(expected)
    assert instant.tzinfo == LONDON


def test_word_file_on_the_default_template():
    item = read("word-default.docx")
    r = item.release
    assert r.headline == "Record number of children protected as CEOP targets hidden offenders"
    assert r.standfirst.startswith("A record 427 children were safeguarded")
    assert str(r.release_date) == "2012-06-20"
    assert r.embargo == datetime(2012, 6, 21, 0, 1, tzinfo=LONDON)
    first = r.sections[0]
    assert isinstance(first, TextSection)
    assert "**192 suspects**" in first.text and "*anonymising networks*" in first.text
    assert "- live streaming of abuse\n- self-generated indecent images" in first.text
    assert "1. protect children online\n2. pursue offenders" in first.text
    quote = r.sections[1]
    assert isinstance(quote, QuoteSection)
    assert (quote.speaker, quote.role) == ("Jim Gamble", "Chief Executive of CEOP")
    assert quote.text == (
        "These figures show what can be done when we work together.\n\n"
        "No offender is beyond our reach."
    )
    assert "[the CEOP website](https://www.ceop.police.uk/review)" in body_text(r)
    # The library note is a reference, despite the double space and curly apostrophe.
    assert r.notes[0].boilerplate == "about-ceop"
    assert (r.notes[1].title, r.notes[1].text) == (
        "The review",
        "The review covers April 2011 to March 2012.",
    )
    c = r.contact
    assert (c.name, c.phone, c.out_of_hours, c.email) == (
        "CEOP Press Office",
        "0870 000 3434",
        "07700 900123",
        "press@ceop.example",
    )
    assert (
        r.status == "draft" and item.status_reason == "nothing in the file shows it was published"
    )
    assert any("Launching the figures" in doubt for doubt in item.unsure)
    assert_no_furniture(r)


@pytest.mark.parametrize("name", ["word-styled.docx", "word-libreoffice.docx"])
def test_word_file_on_a_styled_template_and_resaved_by_an_office_suite(name):
    r = read(name).release
    assert r.headline == "Parents urged to talk to children about webcams"
    assert r.reference == "CEOP-2013-009"  # from the type line: a second import is refused
    assert r.subheadline == "New campaign launched in 300 schools"
    assert r.standfirst.startswith("Parents are being urged")  # bold in the file, plain here
    assert r.embargo == datetime(2013, 3, 5, 10, 30, tzinfo=LONDON)  # GMT in March
    assert "- new contacts the family does not know\n  - gifts from strangers" in body_text(r)
    quote = r.sections[1]
    assert isinstance(quote, QuoteSection) and quote.speaker == "Helen Marsh"
    assert quote.text == "Every parent can help.\n\nA conversation is the best protection."
    assert [n.boilerplate or n.title for n in r.notes] == ["about-ceop", "Campaign"]
    assert (r.contact.name, r.contact.phone, r.contact.web) == (
        "CEOP Press Office",
        "0870 000 3434",
        "www.ceop.police.uk",
    )
    assert_no_furniture(r)


def test_saved_web_page_leaves_its_furniture_out():
    item = read("web-page.htm")
    r = item.release
    assert r.headline == "CEOP target 'anonymous' online offenders"
    assert r.standfirst.startswith("After rescuing a record number")
    assert "**427 children**" in body_text(r)
    assert "- the use of anonymising networks\n- live streaming of abuse" in body_text(r)
    assert "1. find more hidden offenders\n2. protect more children" in body_text(r)
    speakers = [(s.speaker, s.role) for s in r.sections if isinstance(s, QuoteSection)]
    assert speakers == [
        ("Peter Davies", "Chief Executive of CEOP"),
        ("Jim Gamble", "former Chief Executive"),
    ]
    assert r.sections[2].text == "The public can help.\n\nReport anything suspicious."
    assert [n.title for n in r.notes] == ["About CEOP", "Reports"]
    assert r.contact.phone == "0870 000 3434"
    assert r.status == "issued" and "published" in item.status_reason
    assert "Other story" not in body_text(r) and "Accessibility" not in body_text(r)
    assert_no_furniture(r)


def test_text_pasted_from_a_browser_with_the_site_glued_on():
    r = read("pasted-from-browser.txt").release
    assert r.headline == "Sextortion warning as reports treble"
    assert r.standfirst.endswith("as it warned parents to watch for the signs.")
    assert r.embargo == datetime(2009, 5, 12, 0, 1, tzinfo=LONDON)
    assert "- most victims were boys aged 14 to 17" in body_text(r)
    quote = r.sections[1]
    assert isinstance(quote, QuoteSection) and quote.speaker == "Peter Davies"
    assert quote.text.split("\n\n") == [
        "We will find you.",
        "Children who report are never in trouble.",
        "Tell someone you trust.",
    ]
    assert [n.boilerplate or n.title for n in r.notes] == ["about-ceop", "Figures"]
    assert (r.contact.name, r.contact.out_of_hours) == ("CEOP Press Office", "07700 900123")
    assert_no_furniture(r)


def test_an_email_sent_to_the_media_is_issued():
    item = read("sent-by-email.eml")
    r = item.release
    assert r.headline == "Eleven men charged after online investigation"
    assert r.embargo == datetime(2014, 1, 14, 14, 0, tzinfo=LONDON)
    assert r.status == "issued" and item.status_reason == "it was sent by e-mail on 14 January 2014"
    assert isinstance(r.sections[1], QuoteSection)
    assert r.sections[1].speaker == "Detective Inspector Sam Ward"
    assert (r.contact.phone, r.contact.email) == ("0870 000 3434", "press@ceop.example")
    assert_no_furniture(r)


def test_markdown_file():
    r = read("notes-from-a-colleague.md").release
    assert r.headline == "Online safety centre marks ten years"
    assert (r.place, str(r.release_date), r.embargo) == ("London", "2016-04-24", None)
    assert "*Thinkuknow*" in body_text(r)
    quote = r.sections[1]
    assert isinstance(quote, QuoteSection)
    assert (quote.speaker, quote.role) == ("Rt Hon Jane Smith MP", "Minister for Safeguarding")
    assert r.notes[0].boilerplate == "about-ceop"


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("bad/truncated.docx", "is not a Word document that can be read"),
        ("bad/not-word.docx", "is a zip file but not a Word document"),
        ("bad/empty.txt", "is empty"),
        ("web-no-article.html", "no article was found in this web page"),
    ],
)
def test_broken_files_get_one_sentence(name, sentence):
    with pytest.raises(UserError) as caught:
        read(name)
    message = str(caught.value)
    assert sentence in message and name.split("/")[-1] in message
    assert "\n" not in message


def test_prose_that_looks_like_markup_stays_prose(tmp_path):
    path = tmp_path / "typed.txt"
    path.write_text(
        "Record year for safeguarding\n\nThe centre protected 427 children in 2012.\n\n"
        "2012. A year in which # of offenders fell and *some* figures rose.\n",
        encoding="utf-8",
    )
    r = read_release(path, []).release
    text = r.sections[0].text
    assert text.startswith("2012\\. A year") and "\\*some\\*" in text


def test_damage_inside_a_word_package_gets_one_sentence(tmp_path):
    import zipfile

    data = bytearray((ARCHIVE / "word-default.docx").read_bytes())
    with zipfile.ZipFile(ARCHIVE / "word-default.docx") as z:
        info = z.getinfo("word/document.xml")
    # The compressed body of document.xml starts after its local header (30 bytes + name).
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(40):
        data[start + info.compress_size // 2 + k] ^= 0x5A
    broken = tmp_path / "damaged.docx"
    broken.write_bytes(bytes(data))
    with pytest.raises(UserError, match="damaged.docx is a damaged Word document"):
        read_release(broken, [])
    ole = tmp_path / "locked.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(UserError, match="password-protected or an old Word"):
        read_release(ole, [])


def test_a_page_without_a_heading_takes_its_title_without_the_site_name(tmp_path):
    page = tmp_path / "old-site.html"
    page.write_text(
        "<html><head><title>Webcam blackmail warning issued to parents | CEOP Command</title>"
        '<meta property="og:site_name" content="CEOP Command"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='content'>"
        "<p>Parents are warned today about webcam blackmail, after 312 reports in a year.</p>"
        "<p>Most of the children who reported it were boys aged 14 to 17, the centre said.</p>"
        "<p>Reports can be made online at any time of the day or night, every day.</p>"
        "</div><footer>© CEOP</footer></body></html>",
        encoding="utf-8",
    )
    r = read_release(page, []).release
    assert r.headline == "Webcam blackmail warning issued to parents"
    assert r.standfirst.startswith("Parents are warned today")
    assert_no_furniture(r)

"""Build release-template.docx, the Word template the release writer fills.

Run: python resources/templates/build_template.py

Every part of the package is written here from scratch rather than starting
from python-docx's default template, which carries a thumbnail, customXml, a
'python-docx' author and ~880 kB of styles nobody uses.  The output is
byte-for-byte reproducible (fixed zip timestamps), so the committed file only
changes when this script does.

What the writer relies on (an organisation's own template needs the same):
paragraph styles named as in STYLE_NAMES below, the character style
"Hyperlink", "{organisation}" / "{press_office}" in the header and "{reference}"
in the footer (each inside one run), and numbering referenced from the
"List Bullet" and "List Number" styles.  "Note Table" is optional.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent / "release-template.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

NAVY, GREY, LIGHT, RED, LINK = "1F3864", "595959", "BFBFBF", "C00000", "0563C1"
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1418  # A4 and 2.5 cm, in twentieths of a point
TEXT_W = PAGE_W - 2 * MARGIN


def ppr(
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    border: tuple[str, int, str] | None = None,  # (side, eighths of a point, colour)
    shade: str | None = None,
    tab: int | None = None,  # a right tab stop, in twips
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,  # 240 = single spacing
    left: int | None = None,
    jc: str | None = None,
    num: int | None = None,
    contextual: bool = False,
    outline: int | None = None,  # 0 = heading level 1
) -> str:
    """A w:pPr, children in schema order (Word rejects them out of order)."""
    xml = "<w:keepNext/>" if keep_next else ""
    xml += "<w:keepLines/>" if keep_lines else ""
    if num is not None:
        xml += f'<w:numPr><w:numId w:val="{num}"/></w:numPr>'
    if border:
        side, size, color = border
        xml += f'<w:pBdr><w:{side} w:val="single" w:sz="{size}" w:space="4" w:color="{color}"/></w:pBdr>'
    if shade:
        xml += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    if tab:
        xml += f'<w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs>'
    spacing = "".join(
        f' w:{k}="{v}"'
        for k, v in (("before", before), ("after", after), ("line", line))
        if v is not None
    )
    if spacing:
        rule = ' w:lineRule="auto"' if line else ""
        xml += f"<w:spacing{spacing}{rule}/>"
    if left is not None:
        xml += f'<w:ind w:left="{left}" w:right="{left if shade else 0}"/>'
    if contextual:
        xml += "<w:contextualSpacing/>"
    if jc:
        xml += f'<w:jc w:val="{jc}"/>'
    if outline is not None:
        xml += f'<w:outlineLvl w:val="{outline}"/>'
    return f"<w:pPr>{xml}</w:pPr>" if xml else ""


def rpr(
    *,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    size: int | None = None,  # half-points
    underline: bool = False,
    font: bool = False,
) -> str:
    xml = (
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        if font
        else ""
    )
    xml += "<w:b/><w:bCs/>" if bold else ""
    xml += "<w:i/><w:iCs/>" if italic else ""
    xml += f'<w:color w:val="{color}"/>' if color else ""
    xml += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    xml += '<w:u w:val="single"/>' if underline else ""
    return f"<w:rPr>{xml}</w:rPr>" if xml else ""


def style(kind: str, sid: str, name: str, *, based: str | None = "Normal", nxt: str | None = None,
          p: str = "", r: str = "", extra: str = "", custom: bool = True,
          default: bool = False) -> str:  # fmt: skip
    attrs = f' w:type="{kind}" w:styleId="{sid}"'
    attrs += ' w:default="1"' if default else ""
    attrs += ' w:customStyle="1"' if custom else ""
    xml = f'<w:name w:val="{name}"/>'
    xml += f'<w:basedOn w:val="{based}"/>' if based else ""
    xml += f'<w:next w:val="{nxt}"/>' if nxt else ""
    xml += "<w:qFormat/>" if kind == "paragraph" else ""
    return f"<w:style{attrs}>{xml}{p}{r}{extra}</w:style>"


# (style id, name, next style id, pPr, rPr); "custom" False marks Word built-ins.
PARAGRAPH_STYLES = [
    ("ReleaseTypeLine", "Release Type Line", "Embargo",
     ppr(border=("bottom", 4, LIGHT), tab=TEXT_W, after=120), rpr(color=GREY, size=18)),
    ("Embargo", "Embargo", "Headline", ppr(before=120, after=240), rpr(bold=True, color=RED, size=20)),
    ("Headline", "Headline", "Standfirst",
     ppr(keep_next=True, before=120, after=120, line=240, outline=0),
     rpr(bold=True, color=NAVY, size=36)),
    ("Subheadline", "Subheadline", "Standfirst",
     ppr(keep_next=True, after=200, line=252), rpr(color="404040", size=26)),
    ("Standfirst", "Standfirst", "BodyText", ppr(after=240, line=288), rpr(bold=True, size=24)),
    ("BodyText", "Body Text", "BodyText", ppr(after=160, line=288), rpr(size=22)),
    ("ListBullet", "List Bullet", "ListBullet", ppr(num=1, after=100, line=288), ""),
    ("ListNumber", "List Number", "ListNumber", ppr(num=2, after=100, line=288), ""),
    ("QuoteAttribution", "Quote Attribution", "Quote",
     ppr(keep_next=True, before=80, after=80, line=288), rpr(bold=True)),
    # Next is Quote itself: Enter at the end of a quoted paragraph in Word
    # starts another quoted paragraph, as the quote may run on.
    ("Quote", "Quote", "Quote", ppr(after=160, line=288, left=397), ""),
    ("Ends", "Ends", "NotesHeading", ppr(before=240, after=360, jc="center"), rpr(bold=True)),
    ("NotesHeading", "Notes Heading", "NoteTitle",
     ppr(keep_next=True, border=("top", 4, LIGHT), before=240, after=120, outline=1),
     rpr(bold=True, color=NAVY, size=24)),
    ("NoteTitle", "Note Title", "NoteText",
     ppr(keep_next=True, before=160, after=60, outline=2), rpr(bold=True, size=21)),
    ("NoteSubheading", "Note Subheading", "NoteText",
     ppr(keep_next=True, before=100, after=40, outline=3),
     rpr(bold=True, italic=True, size=21)),
    # 10.5 pt: a step down from the body; a note's lists are the same size.
    ("NoteText", "Note Text", "NoteText", ppr(after=100, line=264), rpr(size=21)),
    ("NoteListBullet", "Note List Bullet", "NoteListBullet",
     ppr(num=1, after=80, line=264), rpr(size=21)),
    ("NoteListNumber", "Note List Number", "NoteListNumber",
     ppr(num=2, after=80, line=264), rpr(size=21)),
    ("ContactBlock", "Contact Block", "ContactBlock",
     # Kept together on one page; contextual spacing gives only the first
     # line the space above, so the lines form one shaded panel.
     ppr(keep_next=True, keep_lines=True, border=("left", 24, NAVY), shade="F2F2F2", before=360,
         after=0, line=264, left=113, contextual=True), rpr(size=20)),
    ("DraftMarking", "Draft Marking", None,
     ppr(before=60, after=0, jc="center"), rpr(bold=True, color=RED, size=20)),
]  # fmt: skip
BUILT_IN = {"BodyText", "ListBullet", "ListNumber", "Quote"}
# Each house heading sits on Word's own heading of its level, so the outline
# level is there twice over and an approver's "Heading 1" looks like a headline.
BASED_ON = {
    "ListBullet": "BodyText",
    "ListNumber": "BodyText",
    "Quote": "BodyText",
    "QuoteAttribution": "BodyText",
    "NoteListBullet": "ListBullet",
    "NoteListNumber": "ListNumber",
    "Headline": "Heading1",
    "NotesHeading": "Heading2",
    "NoteTitle": "Heading3",
    "NoteSubheading": "Heading4",
}
# Word's built-in headings in the house look: (level, size in half-points, italic).
HEADINGS = [(1, 36, False), (2, 24, False), (3, 21, False), (4, 21, True)]
STYLE_NAMES = [name for _, name, *_ in PARAGRAPH_STYLES] + ["Hyperlink"]


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault>"
        '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr>'
        # Widow and orphan control for every paragraph: Word leaves it off when
        # the template does not say, and one line of a paragraph alone at the
        # foot or head of a page reads as a mistake.
        "</w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>"
        '<w:spacing w:after="160" w:line="276" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    out = [
        style("paragraph", "Normal", "Normal", based=None, custom=False, default=True),
        style("character", "DefaultParagraphFont", "Default Paragraph Font", based=None,
              custom=False, default=True, extra="<w:uiPriority w:val=\"1\"/><w:semiHidden/>"),
        style("table", "TableNormal", "Normal Table", based=None, custom=False, default=True,
              extra='<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                    "</w:tblCellMar></w:tblPr>"),
        style("numbering", "NoList", "No List", based=None, custom=False, default=True),
        style("paragraph", "Header", "header", custom=False,
              p=ppr(tab=TEXT_W, after=0, line=240), r=rpr(size=18)),
        style("paragraph", "Footer", "footer", custom=False,
              p=ppr(tab=TEXT_W, after=0, line=240), r=rpr(color=GREY, size=16)),
        style("paragraph", "Letterhead", "Letterhead", based="Header",
              p=ppr(border=("bottom", 8, NAVY), tab=TEXT_W, after=60), r=rpr(bold=True, color=NAVY, size=28)),
        style("character", "LetterheadOffice", "Letterhead Office", based="DefaultParagraphFont",
              r='<w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="595959"/>'
                '<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'),
        style("character", "Hyperlink", "Hyperlink", based="DefaultParagraphFont", custom=False,
              r=rpr(color=LINK, underline=True)),
        style("table", "NoteTable", "Note Table", based="TableNormal",
              p='<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>',
              extra="<w:tblPr><w:tblBorders>" + "".join(
                  f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{LIGHT}"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
              + "</w:tblBorders></w:tblPr>"
              '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
              '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr></w:tblStylePr>'),
    ]  # fmt: skip
    for level, size, italic in HEADINGS:
        out.append(
            style("paragraph", f"Heading{level}", f"heading {level}", nxt="BodyText",
                  custom=False, p=ppr(keep_next=True, before=240 if level < 3 else 160,
                                      after=120 if level < 3 else 60, outline=level - 1),
                  r=rpr(bold=True, italic=italic, color=NAVY if level < 3 else None, size=size))
        )  # fmt: skip
    for sid, name, nxt, p, r in PARAGRAPH_STYLES:
        based = BASED_ON.get(sid, "Normal")
        out.append(
            style(
                "paragraph", sid, name, based=based, nxt=nxt, p=p, r=r, custom=sid not in BUILT_IN
            )
        )
    return f'{DECL}<w:styles xmlns:w="{W}">{defaults}{"".join(out)}</w:styles>'


# All nine levels Word offers, so an approver who demotes an item (Tab) keeps
# a house bullet or number; the writer itself uses the first two.
BULLET_TEXTS = ("•", "–", "▪") * 3
NUMBER_FORMATS = (("decimal", "%{n}."), ("decimal", "%{n}."), ("lowerLetter", "%{n}."),
                  ("lowerRoman", "%{n}."), ("decimal", "%{n}."), ("lowerLetter", "%{n}."),
                  ("lowerRoman", "%{n}."), ("decimal", "%{n}."), ("lowerLetter", "%{n}."))  # fmt: skip


def numbering_xml() -> str:
    """Bullets (abstractNum 0) and decimals (1), nine levels each.

    The writer adds a w:num per numbered list that points at abstractNum 1 with
    a startOverride, which is what makes every list restart at 1.
    """

    def level(ilvl: int, fmt: str, text: str) -> str:
        left = 567 * (ilvl + 1)
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="340"/></w:pPr>'
            '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr></w:lvl>'
        )

    bullets = "".join(level(i, "bullet", t) for i, t in enumerate(BULLET_TEXTS))
    decimals = "".join(
        level(i, fmt, text.format(n=i + 1)) for i, (fmt, text) in enumerate(NUMBER_FORMATS)
    )
    return (
        f'{DECL}<w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{bullets}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>{decimals}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


def run(text: str, rstyle: str | None = None) -> str:
    props = f'<w:rPr><w:rStyle w:val="{rstyle}"/></w:rPr>' if rstyle else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def field(instr: str) -> str:
    """A complex field with a cached result, which Word and LibreOffice both update."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def header_xml() -> str:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Letterhead"/></w:pPr>'
        + run("{organisation}")
        + "<w:r><w:tab/></w:r>"
        + run("{press_office}", "LetterheadOffice")
        + "</w:p>"
    )
    return f'{DECL}<w:hdr xmlns:w="{W}" xmlns:r="{R}">{body}</w:hdr>'


def footer_xml() -> str:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        + run("{reference}")
        + "<w:r><w:tab/></w:r>"
        + run("Page ")
        + field("PAGE")
        + run(" of ")
        + field("NUMPAGES")
        + "</w:p>"
    )
    return f'{DECL}<w:ftr xmlns:w="{W}" xmlns:r="{R}">{body}</w:ftr>'


def document_xml() -> str:
    """A one-page specimen of every style, for whoever designs a replacement template.

    The writer removes it: only the section properties (page size, margins,
    header and footer) carry over into a release.
    """
    sample = [(name, f"{name} specimen text.") for _, name, *_ in PARAGRAPH_STYLES]
    sids = {name: sid for sid, name, *_ in PARAGRAPH_STYLES}
    paras = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{sids[name]}"/></w:pPr>{run(text)}</w:p>'
        for name, text in sample
    )
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId10"/>'
        '<w:footerReference w:type="default" r:id="rId11"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/>'
        '<w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    return (
        f'{DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{paras}{sect}</w:body></w:document>'
    )


def settings_xml() -> str:
    return (
        f'{DECL}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-GB"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


def font_table_xml() -> str:
    return (
        f'{DECL}<w:fonts xmlns:w="{W}"><w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


def theme_xml() -> str:
    """A theme whose fonts are the house font, so nothing falls back to Office's.

    Word's own styles an approver may apply (Title, Heading 5…) and East Asian
    or complex-script text without a font of its own take the theme's fonts.
    The colours put the house navy first, where Word's colour picker shows it.
    """
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    colours = [("dk1", "000000"), ("lt1", "FFFFFF"), ("dk2", NAVY), ("lt2", "F2F2F2"),
               ("accent1", NAVY), ("accent2", RED), ("accent3", GREY), ("accent4", "2E75B6"),
               ("accent5", "BFBFBF"), ("accent6", "404040"), ("hlink", LINK),
               ("folHlink", "7030A0")]  # fmt: skip
    scheme = "".join(f'<a:{k}><a:srgbClr val="{v}"/></a:{k}>' for k, v in colours)
    fonts = '<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface="Arial"/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    formats = (
        f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst>"
    )
    return (
        f'{DECL}<a:theme xmlns:a="{a}" name="ceopdesk"><a:themeElements>'
        f'<a:clrScheme name="ceopdesk">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="ceopdesk"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="ceopdesk">{formats}</a:fmtScheme>'
        "</a:themeElements></a:theme>"
    )


def core_xml() -> str:
    # Deliberately empty: the writer sets every property of each release.
    return (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title></dc:title><dc:creator></dc:creator><cp:revision>1</cp:revision>"
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>ceopdesk</Application><DocSecurity>0</DocSecurity>'
        "</Properties>"
    )


def rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items
    )
    return f'{DECL}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def content_types() -> str:
    ooxml = "application/vnd.openxmlformats-officedocument"
    overrides = {
        "/word/document.xml": f"{ooxml}.wordprocessingml.document.main+xml",
        "/word/styles.xml": f"{ooxml}.wordprocessingml.styles+xml",
        "/word/numbering.xml": f"{ooxml}.wordprocessingml.numbering+xml",
        "/word/settings.xml": f"{ooxml}.wordprocessingml.settings+xml",
        "/word/fontTable.xml": f"{ooxml}.wordprocessingml.fontTable+xml",
        "/word/theme/theme1.xml": f"{ooxml}.theme+xml",
        "/word/header1.xml": f"{ooxml}.wordprocessingml.header+xml",
        "/word/footer1.xml": f"{ooxml}.wordprocessingml.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": f"{ooxml}.extended-properties+xml",
    }
    body = (
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    )
    return f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{body}</Types>'


def build(out: Path = OUT) -> Path:
    doc_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": rels([
            ("rId1", f"{doc_rel}/officeDocument", "word/document.xml"),
            ("rId2", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{doc_rel}/extended-properties", "docProps/app.xml"),
        ]),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": rels([
            ("rId1", f"{doc_rel}/styles", "styles.xml"),
            ("rId2", f"{doc_rel}/numbering", "numbering.xml"),
            ("rId3", f"{doc_rel}/settings", "settings.xml"),
            ("rId4", f"{doc_rel}/fontTable", "fontTable.xml"),
            ("rId5", f"{doc_rel}/theme", "theme/theme1.xml"),
            ("rId10", f"{doc_rel}/header", "header1.xml"),
            ("rId11", f"{doc_rel}/footer", "footer1.xml"),
        ]),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(),
        "word/header1.xml": header_xml(),
        "word/footer1.xml": footer_xml(),
    }  # fmt: skip
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, xml.encode("utf-8"))
    return out


if __name__ == "__main__":
    print(build())

"""trafilatura's XML (a TEI-like tree) as plain HTML for ``html_read``.

Its HTML output turns numbered lists into bullets; its XML keeps them
(``<list rend="ol">``), so the XML is read and renamed here.
"""

from __future__ import annotations

from lxml import etree

_HI = {"#b": "b", "#i": "i", "#u": "span", "#t": "span", "#sub": "sub", "#sup": "sup"}


def tei_to_html(xml: str) -> str:
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return ""
    for el in [e for e in root.iter() if e.tag in ("comments", "graphic")]:
        el.getparent().remove(el)
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        rend = el.get("rend", "")
        if tag == "list":
            el.tag = "ol" if rend == "ol" else "ul"
        elif tag == "item":
            el.tag = "li"
        elif tag == "head":
            el.tag = rend if rend in ("h1", "h2", "h3", "h4", "h5", "h6") else "h2"
        elif tag == "hi":
            el.tag = _HI.get(rend, "span")
        elif tag == "ref":
            el.tag = "a"
            if el.get("target"):
                el.set("href", el.get("target", ""))
        elif tag == "lb":
            el.tag = "br"
        elif tag == "quote":
            el.tag = "blockquote"
        elif tag == "cell":
            el.tag = "td"
        elif tag == "row":
            el.tag = "tr"
        elif tag in ("doc", "main"):
            el.tag = "div"
    return etree.tostring(root, encoding="unicode", method="html")

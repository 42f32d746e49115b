"""HTML pages → text with their paragraphs, the form every span of the parser points into.

The pages of the web editions are old hand-made HTML (FrontPage, Word "Save as web page"):
unclosed tags, ``<font>`` soup, layout tables, windows-1251 declared in a ``<meta>``. They are
parsed with lxml.html (libxml2's HTML parser), which repairs such markup the way browsers
do and decodes every entity, so this module only has to walk the tree:

- the page's ``<title>`` is the first paragraph, as in a browser's "save as text";
- a block element (``<p>``, ``<div>``, ``<h1>``, ``<li>``, a table row...) is a paragraph, and
  paragraphs are separated by one blank line; ``<br>`` is a line break inside a paragraph, and
  so is the start of a table cell (the link tables of the Russian pages come out as the
  corpus' text pages have them: "Предыдущая\nпубликация\nАлфавитный указатель...");
- inside a paragraph, runs of spaces, tabs and newlines are one space, as a browser shows
  them; a no-break space (``&nbsp;``) is kept as U+00A0, never turned into a space;
- ``<pre>`` keeps its text as it is;
- scripts, styles, comments, forms' widgets, ``<nav>`` and ``role="navigation"`` are dropped.
  The editions' own link bar ("Marx-Engels | Lenin | Stalin | Home Page") is an ordinary
  paragraph of links there, and it stays: the text pages of the corpus have it too.
"""

from __future__ import annotations

import itertools
import re

import lxml.html
from lxml import etree

MEDIA_TYPE = "text/html"

# Elements that end the paragraph before them and start a new one.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})

# Elements whose content is no text of the page.
DROPPED_TAGS = frozenset({
    "applet", "audio", "button", "canvas", "datalist", "embed", "head", "iframe", "map", "math",
    "nav", "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
    "video",
})

# How far into the raw bytes a <meta charset> or XML declaration is looked for.
DECLARATION_SCAN_BYTES = 16_384

# Tags of HTML's text elements; this many in a file without a doctype make it a page of HTML
# (one or two may be text quoting a tag).
_TEXT_TAG = re.compile(rb"</?(?:p|br|div|h[1-6]|b|i|u|em|strong|sup|sub|span|font|center|table|tr|td|a|title"
                       rb"|li|ul|ol|body|head)(?:\s[^<>]{0,300})?/?>", re.IGNORECASE)
MARKUP_TAGS = 4
_TEXT_LINE_END = re.compile(r"(?<=[^>\s])[ \t]*\r?\n")
_HTML_START = re.compile(rb"\s*(?:<!--[^>]*-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"<\?xml\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
_BOM = b"\xef\xbb\xbf"


def looks_like_html(raw: bytes) -> bool:
    """Whether the bytes start (after a BOM, blanks and comments) with a doctype or ``<html>``."""
    return _HTML_START.match(raw.removeprefix(_BOM)[:DECLARATION_SCAN_BYTES]) is not None


def has_html_markup(raw: bytes) -> bool:
    """Whether ``raw`` (a text file) holds at least ``MARKUP_TAGS`` tags of HTML's text elements
    near its start: a page saved with its markup but no doctype ("<h2>№ 41</h2>")."""
    head = raw[:DECLARATION_SCAN_BYTES]
    return sum(1 for _ in itertools.islice(_TEXT_TAG.finditer(head), MARKUP_TAGS)) >= MARKUP_TAGS


def with_line_breaks(markup: str) -> str:
    """``markup`` with a ``<br>`` at every line end after text: in a text file with tags in it,
    the lines are the author's ("Compiled by ...\n<b>No. 96</b>" are two lines, not one)."""
    return _TEXT_LINE_END.sub(lambda end: "<br>" + end[0], markup)


def declared_encoding(raw: bytes) -> str | None:
    """The encoding a page names in a ``<meta charset>``, a ``http-equiv`` content type or an
    XML declaration, as written there (it may be unknown to Python)."""
    head = raw[:DECLARATION_SCAN_BYTES]
    tags = [(tag, _XML_ENCODING) for tag in _XML_DECLARATION.findall(head)]
    tags += [(tag, _META_CHARSET) for tag in _META_TAG.findall(head)]
    for tag, attribute in tags:
        found = attribute.search(tag)
        if found:
            return found.group(1).decode("ascii")
    return None


def html_to_text(markup: str) -> str:
    """The text of a decoded HTML page: title and paragraphs separated by blank lines."""
    return read_html(markup)[0]


def read_html(markup: str) -> tuple[str, list[str]]:
    """The text of a decoded HTML page, and warnings about text the parser could not reach."""
    # Given as UTF-8 bytes with the encoding named, lxml ignores the page's own declaration
    # (the caller has decided the encoding) and accepts pages with an XML declaration.
    # huge_tree lifts libxml2's nesting limit from 256 to 2048 levels: pages of unclosed
    # <font> and <div> tags nest that deep, and text below the limit would be dropped.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except etree.ParserError:  # nothing but blanks: no document at all
        return "", []
    warnings = [f"the HTML parser stopped following its nesting: {error.message}; text inside it is missing"
                for error in parser.error_log if error.type_name == "ERR_RESOURCE_LIMIT"]
    return _extract(root), warnings


def _extract(root: etree._Element) -> str:
    paragraphs = _Paragraphs()
    title = root.find("head/title")
    if title is not None:
        paragraphs.add("".join(str(piece) for piece in title.itertext()))
        paragraphs.end()
    _walk(root, paragraphs)
    paragraphs.end()
    return "\n\n".join(paragraphs.done) + "\n" if paragraphs.done else ""


class _Paragraphs:
    """Collects text into lines and lines into paragraphs, tidying whitespace as a browser does."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.lines: list[list[str]] = [[]]
        self.preformatted = False

    def add(self, text: str | None) -> None:
        if text:
            self.lines[-1].append(text)

    def line_break(self) -> None:
        self.lines.append([])

    def new_line(self) -> None:
        """Start a new line unless the current one has no text yet."""
        if "".join(self.lines[-1]).strip(" \t\n\r\f"):
            self.line_break()

    def end(self) -> None:
        """Close the paragraph being collected, if it has any text."""
        if self.preformatted:
            text = "\n".join("".join(line) for line in self.lines).removeprefix("\n")
            text = text.rstrip("\n") if text.strip(" \t\n\r\f") else ""
        else:
            lines = [_COLLAPSIBLE.sub(" ", "".join(line)).strip(" ") for line in self.lines]
            text = "\n".join(lines).strip("\n")
        if text:
            self.done.append(text)
        self.lines = [[]]


def _walk(root: etree._Element, paragraphs: _Paragraphs) -> None:
    """Visit the tree in document order without recursion (old pages nest deeply)."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        if leaving:
            _leave(str(element.tag), paragraphs)
            paragraphs.add(element.tail)
            continue
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction that slipped through
            paragraphs.add(element.tail)
            continue
        if tag.lower() in DROPPED_TAGS or element.get("role") == "navigation":
            paragraphs.add(element.tail)
            continue
        _enter(tag, element, paragraphs)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _enter(tag: str, element: etree._Element, paragraphs: _Paragraphs) -> None:
    tag = tag.lower()
    if tag in BLOCK_TAGS:
        paragraphs.end()
    if tag == "pre":
        paragraphs.preformatted = True
    if tag == "br":
        paragraphs.line_break()
    if tag in ("td", "th"):
        paragraphs.new_line()
    paragraphs.add(element.text)


def _leave(tag: str, paragraphs: _Paragraphs) -> None:
    tag = tag.lower()
    if tag in BLOCK_TAGS:
        paragraphs.end()
    if tag == "pre":
        paragraphs.preformatted = False

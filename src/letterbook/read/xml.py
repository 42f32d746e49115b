"""Safe reading of XML sources (TEI, CMIF): no DTDs, no entities, no network, no files.

Every XML file letterbook reads goes through here. A document type declaration is
refused before parsing, because a DTD is how entity expansion bombs ("billion laughs")
and external entities (``file:///etc/passwd``) get in; lxml itself is run with
``resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False`` as a second
line of defence. Large files are streamed element by element with ``iterparse``.

Spans in XML sources: an element's span starts where its start tag is found in the
decoded text (found by a forward search from the previous element of the same kind,
so it is exact for the elements a reader walks in order) and ends after its end tag;
when the search fails the span is the start of the element's line. See ``locate``.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from letterbook.errors import SourceError
from letterbook.model import Source, Span

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_MEDIA_TYPE = "application/tei+xml"
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PROLOG_BYTES = 1 << 16


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           dtd_validation=False, remove_pis=False)


def refuse_doctype(head: bytes, path: str) -> None:
    """Refuse a document type declaration or entity declaration in the first 64 KiB."""
    prolog = head[:_PROLOG_BYTES]
    if _DOCTYPE.search(prolog) or _ENTITY.search(prolog):
        raise SourceError(path, "XML with a DOCTYPE or ENTITY declaration is refused "
                                "(entities can expand without bound or read local files)")


def decode_xml(raw: bytes, path: str) -> Source:
    """The ``Source`` of an XML file: its text decoded as the XML declaration says."""
    if not raw.strip():
        raise SourceError(path, "is empty")
    refuse_doctype(raw, path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(raw, path, "utf-16")
    stripped = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"<"):
        raise SourceError(path, "is not XML (it does not start with '<')")
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", stripped)
    return _decoded(raw, path, declared.group(1).decode("ascii") if declared else "utf-8")


def _decoded(raw: bytes, path: str, encoding: str) -> Source:
    try:
        text = raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(path, f"cannot be decoded as {encoding}: {exc}") from exc
    text = text.removeprefix("\ufeff")
    return Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), text=text,
                  media_type=XML_MEDIA_TYPE, encoding=encoding.lower())


def read_xml_source(path: Path) -> tuple[Source, bytes]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from exc
    return decode_xml(raw, str(path)), raw


def parse_tree(raw: bytes, path: str) -> etree._Element:
    """The root element of a whole XML document (for files of one letter)."""
    refuse_doctype(raw, path)
    try:
        root = etree.fromstring(raw, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise SourceError(path, f"is not well-formed XML: {_one_line(exc)}") from exc
    _refuse_entities(root, path)
    return root


def _refuse_entities(root: etree._Element, path: str) -> None:
    if root.getroottree().docinfo.internalDTD is not None:
        raise SourceError(path, "XML with a DOCTYPE declaration is refused")


def iter_elements(raw: bytes, path: str, tags: frozenset[str], root_tag: str) -> Iterator[etree._Element]:
    """Each element named in ``tags`` ("{ns}local"), in document order, memory kept bounded.

    The root must be ``root_tag``. Each yielded element is cleared once the caller is
    done with it, together with the siblings before it, so no tree of the whole file is
    ever built.
    """
    refuse_doctype(raw, path)
    events = etree.iterparse(io.BytesIO(raw), events=("start", "end"), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False, remove_pis=False)
    checked = False
    try:
        for event, element in events:
            if not checked:
                check_root(element, root_tag, path)
                checked = True
            if event == "end" and element.tag in tags:
                yield element
                _release(element)
    except etree.XMLSyntaxError as exc:
        raise SourceError(path, f"is not well-formed XML: {_one_line(exc)}") from exc
    root = events.root
    if root is not None:
        _refuse_entities(root, path)  # a DOCTYPE after a long prolog; its entities were never expanded


def _release(element: etree._Element) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def check_root(root: etree._Element, expected: str, path: str) -> None:
    if root.tag != expected:
        namespace, _, local = str(root.tag).lstrip("{").rpartition("}")
        wanted_ns, _, wanted = expected.lstrip("{").rpartition("}")
        where = f"in namespace {namespace}" if namespace else "in no namespace"
        raise SourceError(path, f"root element is <{local}> {where}; expected <{wanted}> in namespace {wanted_ns}")


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element``, whitespace runs collapsed."""
    if element is None:
        return ""
    return " ".join(all_text(element).split())


def all_text(element: etree._Element) -> str:
    """Every character of text inside ``element``, as written."""
    return "".join(str(piece) for piece in element.itertext())


def attributes(element: etree._Element) -> dict[str, str]:
    return {str(name): str(value) for name, value in element.attrib.items()}


def line_of(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


_NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 cannot hold (form feeds, NULs from OCR) as U+FFFD.

    One character for one, so that offsets into the text stay valid.
    """
    return _NOT_XML_CHAR.sub("\ufffd", text)


NSMAP: dict[Any, str] = {None: TEI_NS}  # the TEI namespace as the default namespace


class Locator:
    """Finds where elements stand in the decoded text, walking forward (see module doc)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._cursors: dict[str, int] = {}

    def element(self, local: str, sourceline: int | None) -> Span:
        """The span of the next ``<local`` start tag through its ``</local>`` end tag.

        The start tag is the first one after the previous element of the same name whose
        lines include ``sourceline`` (libxml2 may give any line of a multi-line start
        tag); without a line that fits, simply the first one.
        """
        match = self._start(local, self._cursors.get(local, 0), sourceline)
        if match is None:
            line = self.line_start(sourceline)
            return (line, line)
        start = match.start()
        close = self.text.find(f"</{local}>", start)
        self_closing = self.text.startswith("/>", self.text.find(">", start) - 1)
        end = close + len(local) + 3 if close >= 0 and not self_closing else self.text.find(">", start) + 1
        self._cursors[local] = start + 1
        return (start, max(end, start))

    def _start(self, local: str, cursor: int, sourceline: int | None) -> re.Match[str] | None:
        first = None
        for match in _start_tag(local).finditer(self.text, cursor):
            first = first or match
            if not sourceline:
                break
            tag_end = self.text.find(">", match.start())
            first_line = self.line_number(match.start())
            if first_line <= sourceline <= self.line_number(tag_end if tag_end >= 0 else match.start()):
                return match
            if first_line > sourceline:
                break
        return first

    def within(self, needle: str, span: Span) -> Span:
        """Where ``needle`` (whitespace collapsed, ``&`` and ``<`` escaped as in XML) first stands
        inside ``span``; else the span's start."""
        if needle:
            found = self.text.find(needle, span[0], span[1])
            if found >= 0:
                return (found, found + len(needle))
            words = (re.escape(escape(word)) for word in needle.split())  # as written in XML: "&amp;"
            spaced = re.compile(r"\s+".join(words))
            match = spaced.search(self.text, span[0], span[1])
            if match:
                return match.span()
        return (span[0], span[0])

    def line_number(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, sourceline: int | None) -> int:
        if not sourceline or sourceline < 1:
            return 0
        return self._line_starts[min(sourceline, len(self._line_starts)) - 1]


@cache
def _start_tag(local: str) -> re.Pattern[str]:
    return re.compile(rf"<(?:\w+:)?{re.escape(local)}[\s/>]")


def _one_line(exc: Exception) -> str:
    """libxml2's message on one line: some of its messages carry a line break ("...range\\n, line 1")."""
    return " ".join(str(exc).split()).replace(" ,", ",")

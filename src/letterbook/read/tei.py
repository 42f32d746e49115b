"""TEI P5 letter files → a ``ParseResult`` with one letter.

Reads what ``letterbook.export.tei`` writes (so a letter survives the round trip) and
the common shapes of other editions' TEI letters: ``correspDesc`` for parties, places
and dates, ``msDesc`` for archival references, the ``body`` paragraphs as the letter's
text, notes in ``back`` or inline with their anchors, names with ``@key``/``@ref`` in
the text as mentions.

Spans: the XML text is the ``Source``; the letter's ``text`` is rebuilt from the
paragraphs (joined by a blank line), so it is not a slice of the source. ``text_span``
starts where ``<body`` stands and is as long as ``text``; spans inside the text (note
anchors, mentions, an inline signature) are ``text_span[0] + offset in text``, which is
what the exporter inverts. Header values are located as in ``letterbook.read.xml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from letterbook.export.authority import normalize_uri
from letterbook.export.dating import date_from_attributes
from letterbook.model import (
    ArchivalRef,
    Collection,
    CrossRef,
    Finding,
    HistoricalDate,
    Letter,
    Mention,
    Note,
    ParseResult,
    Party,
    PartyKind,
    Severity,
    Source,
    Span,
    TextValue,
)
from letterbook.read.cmif import is_placeholder
from letterbook.read.xml import (
    TEI_NS,
    Locator,
    all_text,
    attributes,
    check_root,
    decode_xml,
    line_of,
    local_name,
    parse_tree,
    text_of,
)

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARAGRAPH_BREAK = "\n\n"
_NAME_KIND = {"persName": PartyKind.PERSON, "orgName": PartyKind.ORGANISATION}
_MENTION_KIND = {"persName": PartyKind.PERSON, "orgName": PartyKind.ORGANISATION,
                 "placeName": PartyKind.PLACE, "rs": PartyKind.UNKNOWN}
_NOT_TEXT = frozenset({"note", "postscript", "closer", "opener", "head"})


def _tei(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


def _find(element: etree._Element | None, path: str) -> etree._Element | None:
    if element is None:
        return None
    return element.find(path, namespaces={"t": TEI_NS})


def _findall(element: etree._Element | None, path: str) -> list[etree._Element]:
    if element is None:
        return []
    return list(element.findall(path, namespaces={"t": TEI_NS}))


def read_tei(path: Path) -> ParseResult:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from letterbook.errors import SourceError

        raise SourceError(str(path), f"cannot be read: {exc.strerror}") from exc
    return read_tei_bytes(raw, str(path))


def read_tei_bytes(raw: bytes, path: str = "<tei>") -> ParseResult:
    """The one letter of a TEI document (a TEI file holds one letter here)."""
    source = decode_xml(raw, path)
    root = parse_tree(raw, path)
    check_root(root, _tei("TEI"), path)
    reader = _Reader(source, Locator(source.text))
    letter = reader.letter(root)
    described = root.findall(f".//{_tei('correspDesc')}")
    if len(described) > 1:
        reader.findings.append(Finding(Severity.WARNING, "letter", f"{len(described)} correspDesc in one TEI file: "
                                       "only the first is read (a file of many letters is read as CMIF)", (0, 0)))
    collection = _collection(root)
    return ParseResult(source=source, collection=collection, letters=(letter,), findings=tuple(reader.findings))


def _collection(root: etree._Element) -> Collection:
    """The collection a letter belongs to: its ``bibl[@type="collection"]``; the slug from
    the letter's id ("bolshevik/12" → "bolshevik")."""
    publication = _find(root, "t:teiHeader/t:fileDesc/t:publicationStmt")
    slug = text_of(_find(publication, "t:idno[@type='letterbook']")).rpartition("/")[0] or None
    bibl = _find(root, "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='collection']")
    if bibl is None:
        return Collection(title=text_of(_find(publication, "t:authority")) or None, slug=slug)
    year = text_of(_find(bibl, "t:date")) or None
    return Collection(title=text_of(_find(bibl, "t:title")) or None, slug=slug,
                      compilers=tuple(text_of(e) for e in _findall(bibl, "t:editor")), year=year)


@dataclass
class _Body:
    """The letter's text rebuilt from paragraphs, with the spans marked inside it."""

    origin: int
    parts: list[str] = field(default_factory=list)
    length: int = 0
    anchors: dict[str, Span] = field(default_factory=dict)  # note id -> span
    inline_notes: list[tuple[etree._Element, Span]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    segments: dict[str, list[TextValue]] = field(default_factory=dict)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def span(self, start: int) -> Span:
        return (self.origin + start, self.origin + self.length)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Reader:
    def __init__(self, source: Source, locator: Locator) -> None:
        self.source = source
        self.locator = locator
        self.findings: list[Finding] = []

    def letter(self, root: etree._Element) -> Letter:
        header = _find(root, "t:teiHeader")
        corresp = _find(header, "t:profileDesc/t:correspDesc")
        sent = _find(corresp, "t:correspAction[@type='sent']")
        received = _find(corresp, "t:correspAction[@type='received']")
        div = _find(root, "t:text/t:body/t:div")
        div = div if div is not None else _find(root, "t:text/t:body")
        body = self._body(_find(root, "t:text/t:body"))
        notes = self._notes(root, body)
        signature = self._one(_find(div, "t:closer/t:signed")) or _first(body.segments.get("signature"))
        postscripts = [*body.segments.get("postscript", []),
                       *(v for v in (self._one(p) for p in _findall(div, "t:postscript")) if v)]
        number = text_of(_find(header, "t:fileDesc/t:publicationStmt/t:idno[@type='number']")) or (
            div.get("n") if div is not None else None)
        return Letter(
            span=(0, len(self.source.text)), text=body.text, text_span=(body.origin, body.origin + body.length),
            number=number or None, kind=_kind(div),
            heading=self._one(_find(div, "t:head")),
            senders=tuple(self._parties(sent)), recipients=tuple(self._parties(received)),
            date=self._date(_find(sent, "t:date")) or self._date(_find(received, "t:date")),
            dateline=self._date(_find(div, "t:opener/t:dateline/t:date")),
            signature=signature, postscripts=tuple(postscripts),
            archival=tuple(self._archival(m) for m in _findall(header, "t:fileDesc/t:sourceDesc/t:msDesc")),
            publications=tuple(v for v in (self._one(b) for b in _findall(
                header, "t:fileDesc/t:sourceDesc/t:listBibl[@type='publications']/t:bibl")) if v),
            notes=tuple(notes), place=self._place(sent), place_received=self._place(received),
            mentions=tuple(body.mentions), language=_language(root))

    # -- header values --

    def _located(self, element: etree._Element, text: str) -> Span:
        span = self.locator.element(local_name(element), line_of(element))
        return self.locator.within(text, span) if text else span

    def _one(self, element: etree._Element | None) -> TextValue | None:
        if element is None:
            return None
        text = text_of(element)
        return TextValue(text, self._located(element, text))

    def _parties(self, action: etree._Element | None) -> list[Party]:
        parties = []
        for child in _findall(action, "*"):
            tag = local_name(child)
            if tag not in ("persName", "orgName", "name"):
                continue
            printed, regular = _printed_and_regular(child)
            kind = _NAME_KIND.get(tag) or _name_kind(child.get("type"))
            if is_placeholder(printed) and not child.get("key"):
                kind = PartyKind.UNKNOWN
            refs = tuple(sorted({normalize_uri(u) for u in (child.get("ref") or "").split()}))
            parties.append(Party(name=printed, span=self._located(child, printed), normalized=regular,
                                 id=child.get("key"), kind=kind, implied=child.get("evidence") == "internal",
                                 refs=refs))
        return parties

    def _place(self, action: etree._Element | None) -> Party | None:
        element = _find(action, "t:placeName")
        if element is None:
            return None
        printed, regular = _printed_and_regular(element)
        refs = tuple(sorted({normalize_uri(u) for u in (element.get("ref") or "").split()}))
        return Party(name=printed, span=self._located(element, printed), normalized=regular,
                     id=element.get("key"), kind=PartyKind.PLACE, refs=refs)

    def _date(self, element: etree._Element | None) -> HistoricalDate | None:
        if element is None:
            return None
        text = text_of(element)
        span = self._located(element, text)
        read = date_from_attributes(attributes(element), text, span)
        self.findings.extend(Finding(Severity.WARNING, "date", p, span) for p in read.problems)
        if read.date is not None and read.date.edtf is None and text:
            self.findings.append(Finding(Severity.WARNING, "date", f"date only as text: {text!r}", span))
        return read.date

    def _archival(self, ms_desc: etree._Element) -> ArchivalRef:
        identifier = _find(ms_desc, "t:msIdentifier")
        archive = text_of(_find(identifier, "t:repository")) or text_of(_find(identifier, "t:institution"))
        collections = _findall(identifier, "t:collection")
        fond = _typed(collections, "fond", 0)
        opis = _typed(collections, "opis", 1)
        delo = text_of(_find(identifier, "t:idno")) or None
        folios = text_of(_find(ms_desc, ".//t:locus")) or None
        object_desc = _find(ms_desc, "t:physDesc/t:objectDesc")
        form = object_desc.get("form") if object_desc is not None else None
        printed = text_of(_find(identifier, "t:altIdentifier[@type='printed']/t:idno"))
        if not printed:
            printed = ", ".join(v for v in (archive, fond, opis, delo, folios) if v)
        return ArchivalRef(
            as_printed=printed, span=self._located(ms_desc, printed), archive=archive,
            archive_as_printed=text_of(_find(identifier, "t:msName[@type='archive_as_printed']")) or archive,
            fond=fond, opis=opis, delo=delo, folios=folios, form=form.replace("_", " ") if form else None,
            form_as_printed=text_of(_find(object_desc, "t:p")) or None)

    # -- text --

    def _body(self, body: etree._Element | None) -> _Body:
        start = self.locator.element("body", line_of(body))[0] if body is not None else len(self.source.text)
        result = _Body(origin=start)
        paragraphs = [p for p in _findall(body, ".//t:p") if not _inside(p, _NOT_TEXT)]
        for index, paragraph in enumerate(paragraphs):
            if index:
                result.add(PARAGRAPH_BREAK)
            self._inline(paragraph, result)
        return result

    def _inline(self, element: etree._Element, body: _Body) -> None:
        body.add(element.text or "")
        for child in element:
            self._child(child, body)
            body.add(child.tail or "")

    def _child(self, child: etree._Element, body: _Body) -> None:
        tag = local_name(child)
        start = body.length
        if tag == "note":
            body.inline_notes.append((child, body.span(start)))
            return
        if tag == "lb":
            body.add("\n")
            return
        self._inline(child, body)
        span = body.span(start)
        target = child.get("target", "")
        if tag in ("ref", "ptr") and target.startswith("#"):
            body.anchors.setdefault(target[1:], span)
        elif tag == "seg" and child.get("type") in ("signature", "postscript"):
            text = all_text(child)
            body.segments.setdefault(child.get("type", ""), []).append(TextValue(text, span))
        elif tag in _MENTION_KIND and (child.get("key") or child.get("ref")):
            entry = child.get("key") or normalize_uri((child.get("ref") or "").split()[0])
            body.mentions.append(Mention(span, entry, _MENTION_KIND[tag]))

    def _notes(self, root: etree._Element, body: _Body) -> list[Note]:
        notes = []
        listed = _findall(root, "t:text/t:back//t:note")
        for index, element in enumerate(listed, 1):
            anchor = body.anchors.get(element.get(XML_ID, ""))
            notes.append(self._note(element, str(index), anchor))
        for index, (element, span) in enumerate(body.inline_notes, len(listed) + 1):
            notes.append(self._note(element, str(index), span))
        return notes

    def _note(self, element: etree._Element, fallback: str, anchor: Span | None) -> Note:
        text = " ".join(_note_text(element).split())
        span = self._located(element, "")
        refs = tuple(r for r in (_cross_ref(p, span) for p in _findall(element, "t:ptr[@type='crossref']")) if r)
        archival = tuple(self._archival(m) for m in _findall(element, "t:msDesc"))
        return Note(number=element.get("n") or fallback, text=text, span=span, number_as_printed=element.get("n", ""),
                    refs=refs, anchor=anchor, archival=archival)


def _kind(div: etree._Element | None) -> str:
    """The document kind from ``div/@type`` ("certified_copy" → "certified copy")."""
    token = div.get("type") if div is not None else None
    return token.replace("_", " ") if token and token != "document" else "letter"


def _first(values: list[TextValue] | None) -> TextValue | None:
    return values[0] if values else None


def _inside(element: etree._Element, tags: frozenset[str]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if local_name(parent) in tags:
            return True
        parent = parent.getparent()
    return False


def _printed_and_regular(element: etree._Element) -> tuple[str, str | None]:
    orig = _find(element, "t:choice/t:orig")
    if orig is not None:
        return text_of(orig), text_of(_find(element, "t:choice/t:reg")) or None
    return text_of(element), None


def _name_kind(value: str | None) -> PartyKind:
    return PartyKind.PLACE if value == "place" else PartyKind.UNKNOWN


def _typed(collections: list[etree._Element], kind: str, position: int) -> str | None:
    for element in collections:
        if element.get("type") == kind:
            return text_of(element) or None
    untyped = [e for e in collections if not e.get("type")]
    return text_of(untyped[position]) or None if position < len(untyped) else None


def _note_text(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if local_name(child) not in ("ptr", "msDesc"):
            parts.append(all_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cross_ref(ptr: etree._Element, span: Span) -> CrossRef | None:
    """``…/letters/{collection}/{document}#note-{n}`` → CrossRef(document, n)."""
    target = urlsplit(ptr.get("target", ""))
    document = unquote(target.path.rstrip("/").rpartition("/")[2])
    if not document:
        return None
    note = unquote(target.fragment.removeprefix("note-")) if target.fragment else None
    return CrossRef(document, note or None, span)


def _language(root: etree._Element) -> str:
    ident = _find(root, "t:teiHeader/t:profileDesc/t:langUsage/t:language")
    if ident is not None and ident.get("ident"):
        return ident.get("ident") or "en"
    return root.get(XML_LANG) or "en"

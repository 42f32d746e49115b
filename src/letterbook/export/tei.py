"""One letter of the edition as a TEI P5 document (valid against TEI P5 2.8.0 ``tei_all``).

Layout, so that ``letterbook.read.tei`` can read it back into the same letter:

* ``teiHeader/fileDesc``: the title, ``publicationStmt`` with the letter's stable URI and
  id, ``sourceDesc`` with one ``msDesc`` per archival reference (repository = archive,
  collection = fond and opis, idno = delo, ``msContents/msItem/locus`` = folios,
  ``physDesc/objectDesc/@form`` = form), the earlier publications and the collection.
* ``profileDesc/correspDesc``: ``correspAction`` sent and received with ``persName``/
  ``orgName``/``name`` (``@ref`` = authority URIs, ``@key`` = register id, ``choice/orig``
  + ``reg`` when the printed name is not the register's form), ``placeName`` and ``date``
  (see ``export.dating``); ``correspContext`` points to the previous and next letters.
* ``text/body/div``: ``head`` (the heading), ``opener/dateline``, the letter's text as
  ``p`` elements (paragraphs split at blank lines, the text kept character for character),
  with note anchors as ``ref[@type="noteAnchor"]``, mentions as ``persName``/``placeName``/
  ``orgName``/``rs`` with ``@key`` and ``@ref``; ``closer/signed``; ``postscript``.
* ``text/back/div[@type="notes"]``: the notes, each ``note[@xml:id]`` with its cross
  references as ``ptr[@type="crossref"]`` and its archival citations as ``msDesc``.

Offsets inside the text are ``span - letter.text_span[0]``. A marked-up span that overlaps
another, crosses a paragraph break or lies outside the text is left unmarked (its
characters stay). Output is deterministic: no timestamps, fixed attribute order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from lxml import etree

from letterbook.export.authority import authority_uris, merge_uris
from letterbook.export.dating import tei_date_attributes
from letterbook.model import (
    ArchivalRef,
    Collection,
    EditionLetter,
    HistoricalDate,
    Letter,
    Mention,
    Note,
    Party,
    PartyKind,
    RegisterEntry,
)
from letterbook.read.xml import NSMAP, xml_safe
from letterbook.unique import unique

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
PARAGRAPH_BREAK = "\n\n"
_NAME_TOKEN = re.compile(r"^[^\W\d][\w.-]*$")
_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$")
NOTE_ANCHOR = "noteAnchor"

_NAME_ELEMENT = {PartyKind.PERSON: "persName", PartyKind.ORGANISATION: "orgName",
                 PartyKind.PLACE: "name", PartyKind.UNKNOWN: "name"}
_MENTION_ELEMENT = {PartyKind.PERSON: "persName", PartyKind.ORGANISATION: "orgName",
                    PartyKind.PLACE: "placeName", PartyKind.UNKNOWN: "rs"}


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        element.set(_attr_name(name), xml_safe(value))
    if text is not None:
        element.text = xml_safe(text)
    return element


def _attr_name(name: str) -> str:
    if name == "xml_id":
        return f"{{{XML_NS}}}id"
    if name == "xml_lang":
        return f"{{{XML_NS}}}lang"
    return name.rstrip("_").replace("__", "-")


def name_token(value: str) -> str | None:
    """A controlled term as an XML Name for ``@type``/``@form`` ("certified copy" → "certified_copy")."""
    token = "_".join(value.split())
    return token if _NAME_TOKEN.match(token) else None


def language_tag(language: str) -> str:
    """A BCP 47 tag for ``xml:lang``; "und" (undetermined) for anything else."""
    return language if _LANGUAGE_TAG.match(language) else "und"


def letter_url(base_url: str, letter_id: str) -> str:
    """The stable URI of a letter: ``{base_url}/letters/{collection}/{number}``."""
    return f"{base_url.rstrip('/')}/letters/{quote(letter_id, safe='/')}"


def note_xml_id(number: str, used: set[str]) -> str:
    """An NCName for a note ("note-12", "note-12a"), unique within the file."""
    return unique("note-" + (re.sub(r"[^\w.-]", "_", number) or "x"), used)


@dataclass(frozen=True, slots=True)
class _Context:
    registers: Mapping[str, RegisterEntry]
    base_url: str
    collection: str


def letter_to_tei(edition_letter: EditionLetter, *, registers: Mapping[str, RegisterEntry],
                  collection: Collection, previous_id: str | None, next_id: str | None,
                  base_url: str) -> bytes:
    """The TEI P5 document of one letter, UTF-8 encoded, with an XML declaration."""
    context = _Context(registers, base_url, edition_letter.collection)
    letter = edition_letter.letter
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    root.set(f"{{{XML_NS}}}lang", language_tag(letter.language))
    header = _sub(root, "teiHeader")
    _file_desc(header, edition_letter, collection, context)
    _profile_desc(header, edition_letter, previous_id, next_id, context)
    etree.indent(root, space="  ")
    header.tail = "\n"
    _text(root, edition_letter, context)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


# --- header --------------------------------------------------------------------------

def letter_title(letter: Letter) -> str:
    """"Letter 12: A to B, 5 December 1912" from the letter's own values."""
    kind = letter.kind.capitalize()
    number = f" {letter.number}" if letter.number else ""
    senders = ", ".join(p.normalized or p.name for p in letter.senders) or "unknown"
    recipients = ", ".join(p.normalized or p.name for p in letter.recipients) or "unknown"
    date = f", {letter.date.as_printed}" if letter.date and letter.date.as_printed else ""
    return f"{kind}{number}: {senders} to {recipients}{date}"


def _file_desc(header: etree._Element, item: EditionLetter, collection: Collection, context: _Context) -> None:
    letter = item.letter
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", letter_title(letter))
    for compiler in collection.compilers:
        _sub(title_stmt, "editor", compiler)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "authority", collection.title or "letterbook")
    _sub(publication, "idno", letter_url(context.base_url, item.id), type="URI")
    _sub(publication, "idno", item.id, type="letterbook")
    if letter.number:
        _sub(publication, "idno", letter.number, type="number")
    source_desc = _sub(file_desc, "sourceDesc")
    for ref in letter.archival:
        _ms_desc(source_desc, ref)
    if letter.publications:
        listing = _sub(source_desc, "listBibl", type="publications")
        for publication_text in letter.publications:
            _sub(listing, "bibl", publication_text.text)
    _collection_bibl(source_desc, collection)


def _collection_bibl(parent: etree._Element, collection: Collection) -> None:
    bibl = _sub(parent, "bibl", type="collection")
    _sub(bibl, "title", collection.title or "Untitled collection")
    for compiler in collection.compilers:
        _sub(bibl, "editor", compiler)
    if collection.year:
        _sub(bibl, "date", collection.year)


def _ms_desc(parent: etree._Element, ref: ArchivalRef) -> None:
    ms_desc = _sub(parent, "msDesc")
    identifier = _sub(ms_desc, "msIdentifier")
    _sub(identifier, "repository", ref.archive or ref.archive_as_printed or "unknown")
    if ref.fond:
        _sub(identifier, "collection", ref.fond, type="fond")
    if ref.opis:
        _sub(identifier, "collection", ref.opis, type="opis")
    if ref.delo:
        _sub(identifier, "idno", ref.delo, type="delo")
    printed = _sub(identifier, "altIdentifier", type="printed")
    _sub(printed, "idno", ref.as_printed)
    if ref.archive_as_printed and ref.archive_as_printed != ref.archive:
        _sub(identifier, "msName", ref.archive_as_printed, type="archive_as_printed")
    if ref.folios:
        item = _sub(_sub(ms_desc, "msContents"), "msItem")
        _sub(item, "locus", ref.folios)
        _sub(item, "p", ref.as_printed)
    if ref.form or ref.form_as_printed:
        object_desc = _sub(_sub(ms_desc, "physDesc"), "objectDesc")
        if ref.form:
            token = name_token(ref.form)
            if token:
                object_desc.set("form", token)
        _sub(object_desc, "p", ref.form_as_printed or ref.form)


def _profile_desc(header: etree._Element, item: EditionLetter, previous_id: str | None,
                  next_id: str | None, context: _Context) -> None:
    letter = item.letter
    profile = _sub(header, "profileDesc")
    corresp = _sub(profile, "correspDesc", ref=letter_url(context.base_url, item.id))
    sent = _sub(corresp, "correspAction", type="sent")
    for party in letter.senders:
        _party(sent, party, context)
    place = letter.place
    if place is not None:
        _place(sent, place, context)
    elif letter.date and letter.date.place:
        _sub(sent, "placeName", letter.date.place.text)
    if letter.date:
        _date(sent, letter.date)
    if len(sent) == 0:
        corresp.remove(sent)  # nothing stated: TEI needs no empty action (CMIF export writes placeholders)
    if letter.recipients or letter.place_received:
        received = _sub(corresp, "correspAction", type="received")
        for party in letter.recipients:
            _party(received, party, context)
        if letter.place_received is not None:
            _place(received, letter.place_received, context)
    if previous_id or next_id:
        links = _sub(corresp, "correspContext")
        if previous_id:
            _sub(links, "ref", previous_id, type="previous", target=letter_url(context.base_url, previous_id))
        if next_id:
            _sub(links, "ref", next_id, type="next", target=letter_url(context.base_url, next_id))
    if len(corresp) == 0:
        _sub(corresp, "p", "Neither correspondents nor date are stated.")
    languages = _sub(profile, "langUsage")
    _sub(languages, "language", letter.language, ident=language_tag(letter.language))
    if _uses_julian(letter):
        calendars = _sub(profile, "calendarDesc")
        julian = _sub(calendars, "calendar", xml_id="julian")
        _sub(julian, "p", "Julian calendar (Old Style); @when and the other dating attributes give "
                          "the proleptic Gregorian equivalent.")


def _uses_julian(letter: Letter) -> bool:
    dates = [letter.date, letter.dateline]
    return any(d is not None and d.calendar == "julian" for d in dates)


def party_uris(party: Party, registers: Mapping[str, RegisterEntry]) -> tuple[str, ...]:
    """The authority URIs of a party: those its source gave and those of its register entry."""
    entry = registers.get(party.id) if party.id else None
    return merge_uris(party.refs, authority_uris(entry.authority) if entry else ())


def _name_attrs(uris: Sequence[str], key: str | None) -> dict[str, str]:
    attrs = {}
    if uris:
        attrs["ref"] = " ".join(uris)
    if key:
        attrs["key"] = key
    return attrs


def _party(parent: etree._Element, party: Party, context: _Context) -> None:
    tag = _NAME_ELEMENT[party.kind]
    attrs = _name_attrs(party_uris(party, context.registers), party.id)
    if party.kind in (PartyKind.PLACE, PartyKind.UNKNOWN):
        attrs["type"] = str(party.kind)
    if party.implied:
        attrs["evidence"] = "internal"  # taken from the letter itself (signature), not its heading
    element = _sub(parent, tag, **attrs)
    _printed_and_regular(element, party.name, party.normalized)


def _printed_and_regular(element: etree._Element, printed: str, regular: str | None) -> None:
    if regular and regular != printed:
        choice = _sub(element, "choice")
        _sub(choice, "orig", printed)
        _sub(choice, "reg", regular)
    else:
        element.text = xml_safe(printed)


def _place(parent: etree._Element, place: Party, context: _Context) -> None:
    attrs = _name_attrs(party_uris(place, context.registers), place.id)
    element = _sub(parent, "placeName", **attrs)
    _printed_and_regular(element, place.name, place.normalized)


def _date(parent: etree._Element, date: HistoricalDate, tag: str = "date") -> etree._Element:
    element = _sub(parent, tag, date.as_printed)
    for name, value in tei_date_attributes(date):
        element.set(name, xml_safe(value))
    return element


# --- text ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Markup:
    start: int  # offsets in the letter's text
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]


def _text(root: etree._Element, item: EditionLetter, context: _Context) -> None:
    letter = item.letter
    text = _sub(root, "text")
    text.tail = "\n"
    body = _sub(text, "body")
    div = _sub(body, "div", type=name_token(letter.kind) or "document")
    if letter.number:
        div.set("n", xml_safe(letter.number))
    if letter.heading:
        _sub(div, "head", letter.heading.text)
    if letter.dateline:
        _date(_sub(_sub(div, "opener"), "dateline"), letter.dateline)
    note_ids = _note_ids(letter.notes)
    markup = _markups(letter, note_ids, context)
    offset = 0
    for paragraph in letter.text.split(PARAGRAPH_BREAK):
        _paragraph(div, paragraph, offset, markup)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    # a signature or postscript printed inside the text is marked there (seg); others follow it
    if letter.signature and not _inside_text(letter, letter.signature.span):
        _sub(_sub(div, "closer"), "signed", letter.signature.text)
    for postscript in letter.postscripts:
        if not _inside_text(letter, postscript.span):
            _sub(_sub(div, "postscript"), "p", postscript.text)
    if letter.notes:
        _notes(_sub(text, "back"), letter.notes, note_ids, context)
    _break_lines(text)


_BLOCK_PARENTS = frozenset(tei(tag) for tag in ("text", "body", "back", "div", "opener", "closer", "postscript"))


def _break_lines(text: etree._Element) -> None:
    """A line break after each block element: only where whitespace means nothing."""
    for element in text.iter():
        if element.tag in _BLOCK_PARENTS:
            if len(element) and not element.text:
                element.text = "\n"
            for child in element:
                child.tail = "\n"


def _inside_text(letter: Letter, span: tuple[int, int]) -> bool:
    return letter.text_span[0] <= span[0] and span[1] <= letter.text_span[1]


def _note_ids(notes: Sequence[Note]) -> list[str]:
    used: set[str] = set()
    return [note_xml_id(note.number, used) for note in notes]


def _markups(letter: Letter, note_ids: Sequence[str], context: _Context) -> list[_Markup]:
    """Every span to mark in the text, in text order, overlapping ones dropped."""
    origin = letter.text_span[0]
    candidates: list[_Markup] = []
    for note, xml_id in zip(letter.notes, note_ids, strict=True):
        if note.anchor is not None:
            candidates.append(_Markup(note.anchor[0] - origin, note.anchor[1] - origin, "ref",
                                      (("type", NOTE_ANCHOR), ("target", "#" + xml_id))))
    candidates.extend(_mention_markup(m, origin, context) for m in letter.mentions)
    if letter.signature:
        start, end = letter.signature.span
        candidates.append(_Markup(start - origin, end - origin, "seg", (("type", "signature"),)))
    for postscript in letter.postscripts:
        start, end = postscript.span
        candidates.append(_Markup(start - origin, end - origin, "seg", (("type", "postscript"),)))
    return _non_overlapping(candidates, letter.text)


def _mention_markup(mention: Mention, origin: int, context: _Context) -> _Markup:
    entry = context.registers.get(mention.entry_id)
    uris = authority_uris(entry.authority) if entry else []
    attrs = [("key", mention.entry_id)]
    if uris:
        attrs.insert(0, ("ref", " ".join(uris)))
    return _Markup(mention.span[0] - origin, mention.span[1] - origin, _MENTION_ELEMENT[mention.kind],
                   tuple(attrs))


def _non_overlapping(candidates: list[_Markup], text: str) -> list[_Markup]:
    kept: list[_Markup] = []
    last_end = 0
    for markup in sorted(candidates, key=lambda m: (m.start, -m.end, m.tag)):
        inside = 0 <= markup.start < markup.end <= len(text)
        if not inside or markup.start < last_end or PARAGRAPH_BREAK in text[markup.start:markup.end]:
            continue
        kept.append(markup)
        last_end = markup.end
    return kept


def _paragraph(div: etree._Element, paragraph: str, offset: int, markup: Sequence[_Markup]) -> None:
    p = _sub(div, "p")
    end = offset + len(paragraph)
    cursor = offset
    last: etree._Element | None = None
    for item in markup:
        if item.start < offset or item.end > end:
            continue
        _append_text(p, last, paragraph[cursor - offset:item.start - offset])
        last = _sub(p, item.tag, paragraph[item.start - offset:item.end - offset], **dict(item.attrs))
        cursor = item.end
    _append_text(p, last, paragraph[cursor - offset:])


def _append_text(p: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        p.text = (p.text or "") + xml_safe(text)
    else:
        last.tail = (last.tail or "") + xml_safe(text)


def _notes(back: etree._Element, notes: Sequence[Note], note_ids: Sequence[str], context: _Context) -> None:
    div = _sub(back, "div", type="notes")
    div.text = "\n"
    for note, xml_id in zip(notes, note_ids, strict=True):
        element = _sub(div, "note", note.text, xml_id=xml_id, n=note.number, type="editorial")
        for ref in note.refs:
            target = letter_url(context.base_url, f"{context.collection}/{ref.document}")
            if ref.note:
                target += "#note-" + quote(ref.note, safe="")
            _sub(element, "ptr", type="crossref", target=target)
        for archival in note.archival:
            _ms_desc(element, archival)

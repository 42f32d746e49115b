"""The whole edition as one CMIF 1.1 file, as correspSearch harvests it.

Valid against ``cmi-customization.rng`` and the rules of ``cmif.sch`` and of
correspSearch: both ``correspAction`` elements in every ``correspDesc`` (an unknown
party is written as the placeholder name), ``cert="low"`` as the only certainty value,
no ``<date>`` without a dating attribute, one authority URI per name (GND, then VIAF,
Wikidata, LoC for persons; GeoNames first for places), ``bibl/@xml:id`` a UUID that
starts with a letter and stays the same for the same edition.

CMIF cannot state a calendar: Julian dates are written as their Gregorian equivalents.
With ``v2_extensions`` each ``correspDesc`` gets a ``note`` with the CMIF 2 proposal's
``ref`` types: mentioned persons, places and organisations, the letter's language, and
the URL of its TEI file.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence

from lxml import etree

from letterbook.data import load
from letterbook.export.authority import PERSON_PREFERENCE, PLACE_PREFERENCE, authority_uris, preferred_uri
from letterbook.export.dating import cmif_date_attributes
from letterbook.export.tei import letter_url, party_uris, tei
from letterbook.model import Collection, EditionLetter, Party, PartyKind, RegisterEntry
from letterbook.read.xml import NSMAP, xml_safe

CMIF_VOCAB = "https://lod.academy/cmif/vocab/terms#"
DEFAULT_LICENCE = ("https://creativecommons.org/licenses/by/4.0/",
                   "This file is licensed under the terms of the Creative Commons Licence CC BY 4.0")
_MENTION_TERM = {PartyKind.PERSON: "mentionsPerson", PartyKind.PLACE: "mentionsPlace",
                 PartyKind.ORGANISATION: "mentionsOrganisation"}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tei(tag))
    for name, value in attrs.items():
        element.set("{http://www.w3.org/XML/1998/namespace}id" if name == "xml_id" else name, xml_safe(value))
    if text is not None:
        element.text = xml_safe(text)
    return element


def bibl_id(base_url: str, collection: Collection) -> str:
    """A UUID (version 5, so the same for the same edition) that is also an XML name."""
    seed = f"{base_url.rstrip('/')}/{collection.slug or collection.title or ''}"
    candidate = uuid.uuid5(uuid.NAMESPACE_URL, seed)
    while not candidate.hex[0].isalpha():  # xml:id must not start with a digit
        candidate = uuid.uuid5(candidate, seed)
    return str(candidate)


def edition_to_cmif(letters: Iterable[EditionLetter], *, registers: Mapping[str, RegisterEntry],
                    collection: Collection, base_url: str, v2_extensions: bool = False,
                    published: dt.date | None = None, bibl_type: str = "hybrid",
                    licence: tuple[str, str] = DEFAULT_LICENCE) -> bytes:
    """The CMIF document of ``letters`` (in edition order), UTF-8 with an XML declaration.

    ``published`` is the file's date (``publicationStmt/date``); it defaults to the
    collection's year, or 1970-01-01, so that output is deterministic unless a date is given.
    """
    root = etree.Element(tei("TEI"), nsmap=NSMAP)
    header = _sub(root, "teiHeader")
    source_id = bibl_id(base_url, collection)
    _file_desc(header, collection, base_url, published=published, bibl_type=bibl_type, licence=licence,
               source_id=source_id)
    profile = _sub(header, "profileDesc")
    ordered = sorted(letters, key=lambda item: (item.collection, item.position, item.id))
    for item in ordered:
        _corresp_desc(profile, item, registers, base_url, source_id=source_id, v2=v2_extensions)
    _sub(_sub(_sub(root, "text"), "body"), "p")
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _publication_date(published: dt.date | None, collection: Collection) -> str:
    if published is not None:
        return published.isoformat()
    if collection.year and collection.year.isdigit() and len(collection.year) == 4:
        return collection.year
    return "1970-01-01"


def _file_desc(header: etree._Element, collection: Collection, base_url: str, *, published: dt.date | None,
               bibl_type: str, licence: tuple[str, str], source_id: str) -> None:
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", collection.title or "letterbook edition")
    for editor in collection.compilers or ("letterbook",):
        _sub(title_stmt, "editor", editor)
    publication = _sub(file_desc, "publicationStmt")
    publisher = _sub(publication, "publisher")
    _sub(publisher, "ref", collection.title or base_url, target=base_url)
    _sub(publication, "idno", f"{base_url.rstrip('/')}/cmif.xml", type="url")
    _sub(publication, "date", when=_publication_date(published, collection))
    _sub(_sub(publication, "availability"), "licence", licence[1], target=licence[0])
    source_desc = _sub(file_desc, "sourceDesc")
    description = ", ".join(v for v in (collection.title, "; ".join(collection.compilers), collection.year) if v)
    _sub(source_desc, "bibl", description or base_url, type=bibl_type, xml_id=source_id)


def _corresp_desc(profile: etree._Element, item: EditionLetter, registers: Mapping[str, RegisterEntry],
                  base_url: str, *, source_id: str, v2: bool) -> None:
    letter = item.letter
    corresp = _sub(profile, "correspDesc", ref=letter_url(base_url, item.id), source="#" + source_id)
    if letter.number:
        corresp.set("key", xml_safe(letter.number))
    sent = _sub(corresp, "correspAction", type="sent")
    _parties(sent, letter.senders, registers)
    place = letter.place
    if place is not None and (place.name or place.refs):
        _place(sent, place, registers)
    elif letter.date and letter.date.place:
        _sub(sent, "placeName", letter.date.place.text)
    if letter.date:
        attrs = cmif_date_attributes(letter.date)
        if attrs:
            date = _sub(sent, "date", letter.date.as_printed or None)
            for name, value in attrs:
                date.set(name, xml_safe(value))
    received = _sub(corresp, "correspAction", type="received")
    _parties(received, letter.recipients, registers)
    if letter.place_received is not None and (letter.place_received.name or letter.place_received.refs):
        _place(received, letter.place_received, registers)
    if v2:
        _v2_note(corresp, item, registers, base_url)


def _parties(action: etree._Element, parties: Sequence[Party], registers: Mapping[str, RegisterEntry]) -> None:
    named = [p for p in parties if p.kind != PartyKind.UNKNOWN and (p.normalized or p.name)]
    for party in named:
        tag = "orgName" if party.kind == PartyKind.ORGANISATION else "persName"
        element = _sub(action, tag, party.normalized or party.name)
        uri = preferred_uri(party_uris(party, registers), PERSON_PREFERENCE)
        if uri:
            element.set("ref", xml_safe(uri))
    if not named:
        # correspSearch needs a name in both actions; it reads this one as "unknown"
        _sub(action, "persName", str(load("placeholders")["cmif_unknown_person"]))


def _place(action: etree._Element, place: Party, registers: Mapping[str, RegisterEntry]) -> None:
    element = _sub(action, "placeName", place.normalized or place.name)
    uri = preferred_uri(party_uris(place, registers), PLACE_PREFERENCE)
    if uri:
        element.set("ref", xml_safe(uri))


def _v2_note(corresp: etree._Element, item: EditionLetter, registers: Mapping[str, RegisterEntry],
             base_url: str) -> None:
    letter = item.letter
    note = _sub(corresp, "note")
    for kind, entry_id in sorted({(m.kind, m.entry_id) for m in letter.mentions}):
        term = _MENTION_TERM.get(kind)
        entry = registers.get(entry_id)
        if term is None or entry is None:
            continue
        preference = PLACE_PREFERENCE if kind == PartyKind.PLACE else PERSON_PREFERENCE
        uri = preferred_uri(authority_uris(entry.authority), preference)
        target = uri or f"{base_url.rstrip('/')}/register/{entry_id}"
        _sub(note, "ref", entry.preferred_name, type=CMIF_VOCAB + term, target=target)
    _sub(note, "ref", letter.language, type=CMIF_VOCAB + "hasLanguage", target=letter.language)
    _sub(note, "ref", "TEI", type=CMIF_VOCAB + "isAvailableAsTEIfile", target=letter_url(base_url, item.id) + ".xml")


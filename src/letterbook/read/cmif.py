"""CMIF files (Correspondence Metadata Interchange Format) → metadata-only letters.

A CMIF file lists the letters of an edition by their ``correspDesc``: who wrote to whom,
where and when, with authority URIs. Each becomes a ``Letter`` with empty text, its
``number`` from ``@key``, its publications from the ``bibl`` that ``@source`` points to
and the ``@ref`` URL. The file is streamed (``iterparse``), so its size is bounded only
by the disk.

Real files carry quirks that are reported as findings, never as failures: dates only as
text ("[Frühjahr 1681?]"), ``@cert`` values outside CMIF 1.1 (which allows only "low"),
``@sameAs`` and other attributes of no CMIF meaning, a day without a year
(``when="--02-03"``), a placeName with a ref but no name (then named as the same ref is
elsewhere in the file), one authority ID named differently in different letters, the same
correspondent twice in one action.

Spans: see ``letterbook.read.xml`` (exact for ``correspDesc`` elements; names and dates
are found by their text inside their letter).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from letterbook.data import load
from letterbook.export.authority import normalize_uri
from letterbook.export.dating import date_from_attributes
from letterbook.model import (
    Collection,
    Finding,
    HistoricalDate,
    Letter,
    ParseResult,
    Part,
    Party,
    PartyKind,
    Severity,
    Source,
    Span,
    TextValue,
)
from letterbook.read.xml import (
    TEI_NS,
    Locator,
    attributes,
    decode_xml,
    iter_elements,
    line_of,
    local_name,
    read_xml_source,
    text_of,
)

CMIF_CERT = "low"
_CORRESP_DESC_ATTRIBUTES = frozenset({"ref", "source", "key", "{http://www.w3.org/XML/1998/namespace}id",
                                      "type", "n"})
_PARTY_KIND = {"persName": PartyKind.PERSON, "orgName": PartyKind.ORGANISATION}


def _tei(local: str) -> str:
    return f"{{{TEI_NS}}}{local}"


_STREAMED = frozenset({_tei("correspDesc"), _tei("bibl"), _tei("titleStmt")})


def is_placeholder(name: str) -> bool:
    """Whether ``name`` stands for an unknown person ("Unbekannt", "N. N.", "Unknown")."""
    return " ".join(name.lower().split()) in set(load("placeholders")["unknown"])


@dataclass
class _State:
    """What reading one file has gathered so far."""

    locator: Locator
    title: str | None = None
    editors: list[str] = field(default_factory=list)
    bibls: dict[str, str] = field(default_factory=dict)
    letters: list[Letter] = field(default_factory=list)
    names_by_uri: dict[str, dict[str, Span]] = field(default_factory=lambda: defaultdict(dict))
    quirks: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def read_cmif(path: Path) -> ParseResult:
    """Every letter of a CMIF file, with findings for what does not follow CMIF 1.1."""
    source, raw = read_xml_source(path)
    return read_cmif_bytes(raw, source)


def read_cmif_bytes(raw: bytes, source: Source | None = None, path: str = "<cmif>") -> ParseResult:
    source = source or decode_xml(raw, path)
    state = _State(Locator(source.text))
    for element in iter_elements(raw, source.path, _STREAMED, _tei("TEI")):
        tag = local_name(element)
        if tag == "titleStmt":
            state.title = text_of(element.find(_tei("title"))) or None
            state.editors = [_editor_name(e) for e in element.iter(_tei("editor"))]
        elif tag == "bibl" and _parent_is(element, "sourceDesc"):
            xml_id = element.get("{http://www.w3.org/XML/1998/namespace}id")
            if xml_id:
                state.bibls[xml_id] = text_of(element)
        elif tag == "correspDesc":
            state.letters.append(_letter(element, state))
    # The edition's title names it; a file name such as "letters.xml" may be any edition's.
    collection = Collection(title=state.title, slug=None if state.title else Path(source.path).stem,
                            compilers=tuple(state.editors), language="und")
    findings = _file_findings(state)
    letters = tuple(_with_places_named(letter, state) for letter in state.letters)
    return ParseResult(source=source, collection=collection, letters=letters,
                       parts=tuple(_parts(letters, len(source.text))), findings=findings)


def _with_places_named(letter: Letter, state: _State) -> Letter:
    """A placeName with a ref but no name gets, as its normalized name, the name the file
    gives that ref elsewhere (the printed name stays empty): "Berlin", not a blank."""
    def named(place: Party | None) -> Party | None:
        if place is None or place.name or place.normalized:
            return place
        known = next((name for uri in place.refs for name in state.names_by_uri.get(uri, {}) if name), None)
        return replace(place, normalized=known) if known else place
    place, received = named(letter.place), named(letter.place_received)
    if place is letter.place and received is letter.place_received:
        return letter
    return replace(letter, place=place, place_received=received)


def _parts(letters: Sequence[Letter], length: int) -> list[Part]:
    """The header, the markup between letters and the end of the file, so that parts and
    letters together cover the source."""
    parts = []
    cursor = 0
    for letter in letters:
        start, end = letter.span
        if start > cursor:
            parts.append(Part("front_matter" if cursor == 0 else "remainder", (cursor, start)))
        cursor = max(cursor, end)
    if cursor < length:
        parts.append(Part("back_matter" if letters else "front_matter", (cursor, length)))
    return parts


def _parent_is(element: etree._Element, local: str) -> bool:
    parent = element.getparent()
    return parent is not None and local_name(parent) == local


def _editor_name(editor: etree._Element) -> str:
    parts = [editor.text or ""] + [child.tail or "" for child in editor if local_name(child) == "email"]
    return " ".join("".join(parts).split())


def _letter(element: etree._Element, state: _State) -> Letter:
    span = state.locator.element("correspDesc", line_of(element))
    findings: list[Finding] = []
    _check_attributes(element, span, state, findings)
    senders: list[Party] = []
    recipients: list[Party] = []
    places: dict[str, Party] = {}
    dates: dict[str, HistoricalDate] = {}
    for action in element.iter(_tei("correspAction")):
        kind = action.get("type", "")
        if kind not in ("sent", "received"):
            findings.append(Finding(Severity.WARNING, "letter", f"correspAction type {kind!r} is not sent/received",
                                    span))
            continue
        parties = _parties(action, span, state, findings)
        (senders if kind == "sent" else recipients).extend(parties)
        place = _place(action, span, state, findings)
        if place is not None:
            places[kind] = place
        date = _date(action, span, state, findings)
        if date is not None:
            dates[kind] = date
    if "sent" not in dates and "received" in dates:
        findings.append(Finding(Severity.INFO, "date", "only the date of receipt is given; read as the letter's date",
                                dates["received"].span))
    return Letter(span=span, text="", text_span=(span[0], span[0]), number=element.get("key"),
                  senders=tuple(senders), recipients=tuple(recipients),
                  date=dates.get("sent") or dates.get("received"),
                  publications=_publications(element, span, state), place=places.get("sent"),
                  place_received=places.get("received"), language="und", findings=tuple(findings))


def _check_attributes(element: etree._Element, span: Span, state: _State, findings: list[Finding]) -> None:
    for name in sorted(set(attributes(element)) - _CORRESP_DESC_ATTRIBUTES):
        state.quirks[f"correspDesc/@{name} (not CMIF 1.1; ignored)"] += 1
        findings.append(Finding(Severity.INFO, "letter", f"correspDesc/@{name} is not CMIF 1.1; ignored", span))
    for child in element.iter():
        cert = child.get("cert")
        if cert is not None and cert != CMIF_CERT:
            state.quirks[f"@cert={cert!r} (CMIF 1.1 allows only 'low')"] += 1
            findings.append(Finding(Severity.WARNING, local_name(child),
                                    f"@cert={cert!r} on <{local_name(child)}> is outside CMIF 1.1 "
                                    f"(only 'low'); read as {'uncertain' if cert != 'high' else 'certain'}", span))


def _refs(element: etree._Element) -> tuple[str, ...]:
    return tuple(sorted({normalize_uri(u) for u in (element.get("ref") or "").split()}))


def _parties(action: etree._Element, span: Span, state: _State, findings: list[Finding]) -> list[Party]:
    parties: list[Party] = []
    for child in action:
        tag = local_name(child)
        if tag not in _PARTY_KIND:
            continue
        name = text_of(child)
        refs = _refs(child)
        kind = PartyKind.UNKNOWN if is_placeholder(name) or not (name or refs) else _PARTY_KIND[tag]
        party = Party(name=name, span=state.locator.within(name, span), kind=kind, refs=refs,
                      implied=child.get("evidence") == "conjecture")
        if any(p.name == party.name and p.refs == party.refs for p in parties):
            state.quirks["the same correspondent twice in one correspAction"] += 1
            findings.append(Finding(Severity.WARNING, "senders" if action.get("type") == "sent" else "recipients",
                                    f"{name or refs} appears twice in one correspAction", party.span))
            continue
        for uri in refs:
            state.names_by_uri[uri].setdefault(name, party.span)
        parties.append(party)
    return parties


def _place(action: etree._Element, span: Span, state: _State, findings: list[Finding]) -> Party | None:
    element = action.find(_tei("placeName"))
    if element is None:
        return None
    name = text_of(element)
    refs = _refs(element)
    if not name:
        state.quirks["placeName with a ref but no name"] += 1
        findings.append(Finding(Severity.INFO, "place", f"placeName {' '.join(refs)} has no name", span))
    for uri in refs:
        state.names_by_uri[uri].setdefault(name, span)
    return Party(name=name, span=state.locator.within(name, span), kind=PartyKind.PLACE, refs=refs)


def _date(action: etree._Element, span: Span, state: _State, findings: list[Finding]) -> HistoricalDate | None:
    element = action.find(_tei("date"))
    if element is None:
        return None
    text = text_of(element)
    read = date_from_attributes(attributes(element), text, state.locator.within(text, span) if text else span)
    for problem in read.problems:
        state.quirks["dating attribute that is not a full date"] += 1
        findings.append(Finding(Severity.WARNING, "date", problem, span))
    if read.date is not None and read.date.edtf is None:
        state.quirks["date only as text"] += 1
        findings.append(Finding(Severity.WARNING, "date", f"date only as text: {text!r}", read.date.span))
    return read.date


def _publications(element: etree._Element, span: Span, state: _State) -> tuple[TextValue, ...]:
    values = []
    source = (element.get("source") or "").lstrip("#")
    if source in state.bibls:
        values.append(TextValue(state.bibls[source], span))
    if element.get("ref"):
        values.append(TextValue(element.get("ref") or "", span))
    return tuple(values)


def _file_findings(state: _State) -> tuple[Finding, ...]:
    findings = [Finding(Severity.INFO, "source", f"{count} × {quirk}", (0, 0))
                for quirk, count in sorted(state.quirks.items())]
    findings.extend(_differently_named(state.names_by_uri.items()))
    return tuple(findings)


def _differently_named(entries: Iterable[tuple[str, dict[str, Span]]]) -> list[Finding]:
    """One authority ID with several names: a duplicate person or a wrong ID."""
    findings = []
    for uri, names in sorted(entries):
        labels = sorted(n for n in names if n)
        if len(labels) > 1:
            first = min(names.values())
            shown = ", ".join(repr(n) for n in labels[:4]) + (" …" if len(labels) > 4 else "")
            findings.append(Finding(Severity.INFO, "register", f"{uri} is named {shown}", first))
    return findings

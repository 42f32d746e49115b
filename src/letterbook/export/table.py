"""The edition as flat tables (CSV), as one JSON document, as a network, as a BEACON file.

* CSV (``letters``, ``parties``, ``persons``, ``places``, ``notes``): one row per value,
  UTF-8, comma-separated, a header row, lists joined with "; ". For spreadsheets.
* JSON: the collection, every letter in the parse-output contract's shape with its
  stable id, and the registers.
* Network: GraphML, not GEXF. GraphML is read by Gephi, Cytoscape, yEd, networkx and
  igraph alike and declares its attribute types; GEXF is mostly Gephi's own. Nodes are
  correspondents (register id, else the printed name), one edge per letter from each
  sender to each recipient, with the letter's id and date.
* BEACON (https://gbv.github.io/beaconspec/beacon.html): one line per person with a
  GND, VIAF or Wikidata URI: ``authority URI|number of letters|register URL``.

All output is sorted and carries no timestamp, so it is the same for the same edition.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from letterbook.export.authority import authority_uris, parse_authority
from letterbook.export.tei import letter_url
from letterbook.model import Collection, EditionLetter, Party, PartyKind, RegisterEntry
from letterbook.output import letter_to_json
from letterbook.read.xml import xml_safe

LIST_SEPARATOR = "; "
BEACON_AUTHORITIES = ("gnd", "viaf", "wikidata")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_NSMAP: dict[Any, str] = {None: GRAPHML_NS}


def _ordered(letters: Iterable[EditionLetter]) -> list[EditionLetter]:
    return sorted(letters, key=lambda item: (item.collection, item.position, item.id))


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def _names(parties: Sequence[Party]) -> str:
    return LIST_SEPARATOR.join(p.normalized or p.name for p in parties)


def letters_csv(letters: Iterable[EditionLetter]) -> str:
    header = ("id", "collection", "position", "number", "kind", "senders", "sender_ids", "recipients",
              "recipient_ids", "date", "edtf", "earliest", "latest", "calendar", "place", "place_received",
              "archival", "language", "notes", "source_path")
    rows = []
    for item in _ordered(letters):
        letter, date = item.letter, item.letter.date
        rows.append((
            item.id, item.collection, item.position, letter.number, letter.kind, _names(letter.senders),
            LIST_SEPARATOR.join(p.id or "" for p in letter.senders), _names(letter.recipients),
            LIST_SEPARATOR.join(p.id or "" for p in letter.recipients),
            date.as_printed if date else None, date.edtf if date else None,
            date.earliest.isoformat() if date and date.earliest else None,
            date.latest.isoformat() if date and date.latest else None, date.calendar if date else None,
            letter.place.name if letter.place else None,
            letter.place_received.name if letter.place_received else None,
            LIST_SEPARATOR.join(a.as_printed for a in letter.archival), letter.language, len(letter.notes),
            item.source_path))
    return _csv(header, rows)


def parties_csv(letters: Iterable[EditionLetter]) -> str:
    header = ("letter_id", "role", "position", "name", "normalized", "register_id", "kind", "implied", "refs")
    rows = []
    for item in _ordered(letters):
        for role, parties in (("sender", item.letter.senders), ("recipient", item.letter.recipients)):
            for index, party in enumerate(parties, 1):
                rows.append((item.id, role, index, party.name, party.normalized, party.id, party.kind,
                             party.implied, LIST_SEPARATOR.join(party.refs)))
    return _csv(header, rows)


@dataclass(frozen=True, slots=True)
class _Counts:
    sent: Counter[str]
    received: Counter[str]
    mentioned: Counter[str]


def _counts(letters: Iterable[EditionLetter]) -> _Counts:
    counts = _Counts(Counter(), Counter(), Counter())
    for item in letters:
        counts.sent.update({p.id for p in item.letter.senders if p.id})
        counts.received.update({p.id for p in item.letter.recipients if p.id})
        counts.mentioned.update({m.entry_id for m in item.letter.mentions})
        places = [item.letter.place, item.letter.place_received]
        counts.mentioned.update({p.id for p in places if p is not None and p.id})
    return counts


def _authority(entry: RegisterEntry, scheme: str) -> str | None:
    for uri in authority_uris(entry.authority):
        parsed = parse_authority(uri)
        if parsed and parsed.scheme == scheme:
            return parsed.value
    return None


def persons_csv(letters: Iterable[EditionLetter], registers: Mapping[str, RegisterEntry]) -> str:
    """Persons and organisations of the registers, with their letter counts."""
    counts = _counts(letters)
    header = ("id", "kind", "preferred_name", "forms", "gnd", "viaf", "wikidata", "birth", "death",
              "letters_sent", "letters_received", "mentioned_in")
    rows = [(e.id, e.kind, e.preferred_name, LIST_SEPARATOR.join(e.forms), _authority(e, "gnd"),
             _authority(e, "viaf"), _authority(e, "wikidata"), e.birth, e.death, counts.sent[e.id],
             counts.received[e.id], counts.mentioned[e.id])
            for e in sorted(registers.values(), key=lambda e: e.id)
            if e.kind in (PartyKind.PERSON, PartyKind.ORGANISATION, PartyKind.UNKNOWN)]
    return _csv(header, rows)


def places_csv(letters: Iterable[EditionLetter], registers: Mapping[str, RegisterEntry]) -> str:
    counts = _counts(letters)
    header = ("id", "preferred_name", "forms", "geonames", "wikidata", "letters_and_mentions")
    rows = [(e.id, e.preferred_name, LIST_SEPARATOR.join(e.forms), _authority(e, "geonames"),
             _authority(e, "wikidata"), counts.mentioned[e.id])
            for e in sorted(registers.values(), key=lambda e: e.id) if e.kind == PartyKind.PLACE]
    return _csv(header, rows)


def notes_csv(letters: Iterable[EditionLetter]) -> str:
    header = ("letter_id", "number", "text", "anchor_offset", "refs")
    rows = []
    for item in _ordered(letters):
        origin = item.letter.text_span[0]
        for note in item.letter.notes:
            refs = LIST_SEPARATOR.join(f"{r.document}#{r.note}" if r.note else r.document for r in note.refs)
            rows.append((item.id, note.number, note.text, note.anchor[0] - origin if note.anchor else None, refs))
    return _csv(header, rows)


def csv_tables(letters: Iterable[EditionLetter], registers: Mapping[str, RegisterEntry]) -> dict[str, str]:
    """File name → CSV text, for ``letterbook export csv OUTDIR``."""
    items = _ordered(letters)
    return {"letters.csv": letters_csv(items), "parties.csv": parties_csv(items),
            "persons.csv": persons_csv(items, registers), "places.csv": places_csv(items, registers),
            "notes.csv": notes_csv(items)}


def register_to_json(entry: RegisterEntry) -> dict[str, Any]:
    return {"id": entry.id, "kind": str(entry.kind), "preferred_name": entry.preferred_name,
            "forms": list(entry.forms), "authority": dict(sorted(entry.authority.items())),
            "authority_uris": authority_uris(entry.authority), "birth": entry.birth, "death": entry.death,
            "note": entry.note}


def edition_to_json(letters: Iterable[EditionLetter], *, registers: Mapping[str, RegisterEntry],
                    collection: Collection, base_url: str) -> str:
    """The full edition as one JSON document (letters in the parse-output contract's shape)."""
    document = {
        "collection": {"title": collection.title, "slug": collection.slug, "compilers": list(collection.compilers),
                       "year": collection.year, "language": collection.language},
        "letters": [{"id": item.id, "url": letter_url(base_url, item.id), "collection": item.collection,
                     "position": item.position, "source_path": item.source_path, **letter_to_json(item.letter)}
                    for item in _ordered(letters)],
        "registers": [register_to_json(e) for e in sorted(registers.values(), key=lambda e: e.id)],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _node_id(party: Party) -> str:
    return party.id or "name:" + (party.normalized or party.name)


def edition_to_graphml(letters: Iterable[EditionLetter], registers: Mapping[str, RegisterEntry]) -> bytes:
    """Correspondents as nodes, letters as directed edges from sender to recipient."""
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap=_GRAPHML_NSMAP)
    for key, domain, name, kind in (("label", "node", "label", "string"), ("kind", "node", "kind", "string"),
                                    ("letter", "edge", "letter", "string"), ("date", "edge", "date", "string")):
        etree.SubElement(root, f"{{{GRAPHML_NS}}}key", id=key, attrib={"for": domain, "attr.name": name,
                                                                         "attr.type": kind})
    graph = etree.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="correspondence", edgedefault="directed")
    nodes: dict[str, tuple[str, str]] = {}
    edges = []
    for item in _ordered(letters):
        for sender in item.letter.senders:
            for recipient in item.letter.recipients:
                edges.append((_node_id(sender), _node_id(recipient), item))
        for party in (*item.letter.senders, *item.letter.recipients):
            entry = registers.get(party.id) if party.id else None
            label = entry.preferred_name if entry else party.normalized or party.name
            nodes.setdefault(_node_id(party), (label, str(party.kind)))
    for node_id, (label, kind) in sorted(nodes.items()):
        node = etree.SubElement(graph, f"{{{GRAPHML_NS}}}node", id=xml_safe(node_id))
        etree.SubElement(node, f"{{{GRAPHML_NS}}}data", key="label").text = xml_safe(label)
        etree.SubElement(node, f"{{{GRAPHML_NS}}}data", key="kind").text = kind
    for index, (source, target, item) in enumerate(edges, 1):
        edge = etree.SubElement(graph, f"{{{GRAPHML_NS}}}edge", id=f"e{index}", source=xml_safe(source),
                                target=xml_safe(target))
        etree.SubElement(edge, f"{{{GRAPHML_NS}}}data", key="letter").text = xml_safe(item.id)
        date = item.letter.date
        if date and date.edtf:
            etree.SubElement(edge, f"{{{GRAPHML_NS}}}data", key="date").text = xml_safe(date.edtf)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def edition_to_beacon(letters: Iterable[EditionLetter], *, registers: Mapping[str, RegisterEntry],
                      collection: Collection, base_url: str) -> str:
    """A BEACON link dump: every person with a GND, VIAF or Wikidata URI and how many letters."""
    counts = _counts(letters)
    lines = ["#FORMAT: BEACON", f"#NAME: {collection.title or 'letterbook edition'}",
             "#RELATION: http://www.w3.org/2000/01/rdf-schema#seeAlso",
             f"#INSTITUTION: {base_url.rstrip('/')}", ""]
    rows = []
    for entry in registers.values():
        if entry.kind != PartyKind.PERSON:
            continue
        total = counts.sent[entry.id] + counts.received[entry.id] + counts.mentioned[entry.id]
        target = f"{base_url.rstrip('/')}/register/{entry.id}"
        for uri in authority_uris(entry.authority):
            parsed = parse_authority(uri)
            if parsed and parsed.scheme in BEACON_AUTHORITIES:
                rows.append(f"{uri}|{total}|{target}")
    return "\n".join([*lines[:-1], *sorted(rows)]) + "\n"

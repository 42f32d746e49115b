"""CSV tables, JSON, the GraphML network and the BEACON file of the sample edition."""

from __future__ import annotations

import csv
import io
import json

from lxml import etree

from export_samples import BASE_URL, COLLECTION, REGISTERS, sample_letters
from letterbook.export.table import (
    GRAPHML_NS,
    csv_tables,
    edition_to_beacon,
    edition_to_graphml,
    edition_to_json,
)


def rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_tables(sample_letters(), REGISTERS)[name])))


def test_letters_table_has_one_row_per_letter_with_dates_in_both_forms() -> None:
    table = rows("letters.csv")
    assert [r["id"] for r in table] == ["bolshevik/12", "bolshevik/13", "bolshevik/14", "bolshevik/p4"]
    julian = table[0]
    assert (julian["edtf"], julian["earliest"], julian["calendar"]) == ("1912-12-06", "1912-12-19", "julian")


def test_parties_table_keeps_the_printed_and_the_register_form() -> None:
    kaganovich = [r for r in rows("parties.csv") if r["register_id"] == "person/kaganovich-l-m"]
    assert kaganovich[0]["name"] == "Кагановичу" and kaganovich[0]["normalized"] == "Л. М. Каганович"


def test_persons_table_counts_letters_sent_and_received() -> None:
    stalin = next(r for r in rows("persons.csv") if r["id"] == "person/stalin-i-v")
    assert (stalin["gnd"], stalin["wikidata"], stalin["letters_sent"]) == ("118642499", "Q855", "2")


def test_places_and_notes_tables() -> None:
    assert rows("places.csv")[0]["geonames"] == "611717"
    notes = rows("notes.csv")
    assert len(notes) == 3 and notes[0]["refs"] == "14#2" and notes[0]["anchor_offset"] == "42"


def test_json_holds_every_letter_and_the_registers() -> None:
    document = json.loads(edition_to_json(sample_letters(), registers=REGISTERS, collection=COLLECTION,
                                          base_url=BASE_URL))
    assert document["letters"][0]["id"] == "bolshevik/12"
    assert document["letters"][0]["url"] == f"{BASE_URL}/letters/bolshevik/12"
    assert {entry["id"] for entry in document["registers"]} == set(REGISTERS)


def test_network_has_a_directed_edge_per_sender_and_recipient() -> None:
    root = etree.fromstring(edition_to_graphml(sample_letters(), REGISTERS))
    edges = root.findall(f".//{{{GRAPHML_NS}}}edge")
    assert [(e.get("source"), e.get("target")) for e in edges] == [
        ("person/stalin-i-v", "person/kamenev-l-b"), ("name:G. K. Ordzhonikidze", "org/politburo"),
        ("person/stalin-i-v", "person/kaganovich-l-m")]
    assert root.find(f".//{{{GRAPHML_NS}}}graph").get("edgedefault") == "directed"  # type: ignore[union-attr]


def test_beacon_lists_persons_with_gnd_viaf_or_wikidata_and_no_places() -> None:
    text = edition_to_beacon(sample_letters(), registers=REGISTERS, collection=COLLECTION, base_url=BASE_URL)
    lines = text.splitlines()
    assert lines[0] == "#FORMAT: BEACON"
    links = [line for line in lines if not line.startswith("#") and line]
    assert "https://d-nb.info/gnd/118642499|2|https://edition.example.org/register/person/stalin-i-v" in links
    assert not any("geonames" in line or "politburo" in line for line in links)


def test_tables_are_the_same_for_the_same_edition() -> None:
    assert csv_tables(sample_letters(), REGISTERS) == csv_tables(list(reversed(sample_letters())), REGISTERS)

"""TEI P5 export: valid against tei_all (jing), deterministic, carrying what the issue names."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from export_samples import BASE_URL, COLLECTION, REGISTERS, sample_letters
from letterbook.export.tei import TEI_NS, letter_to_tei
from letterbook.export.validate import validate_tei
from letterbook.model import EditionLetter, Mention

GOLDEN = Path(__file__).parent / "data" / "golden"
REGENERATE = os.environ.get("LETTERBOOK_REGENERATE_GOLDEN") == "1"
NS = {"t": TEI_NS}


def export_all() -> dict[str, bytes]:
    letters = sample_letters()
    files = {}
    for index, item in enumerate(letters):
        previous = letters[index - 1].id if index else None
        following = letters[index + 1].id if index + 1 < len(letters) else None
        files[item.id] = letter_to_tei(item, registers=REGISTERS, collection=COLLECTION, previous_id=previous,
                                       next_id=following, base_url=BASE_URL)
    return files


def golden_name(letter_id: str) -> str:
    return "tei_" + letter_id.replace("/", "_") + ".xml"


def tree(letter_id: str) -> etree._Element:
    return etree.fromstring(export_all()[letter_id])


def test_every_sample_letter_is_valid_tei_p5_according_to_jing(tmp_path: Path) -> None:
    paths = []
    for letter_id, data in export_all().items():
        path = tmp_path / golden_name(letter_id)
        path.write_bytes(data)
        paths.append(path)
    assert validate_tei(paths) == []


def test_jing_does_report_an_invalid_tei_file(tmp_path: Path) -> None:
    broken = export_all()["bolshevik/12"].replace(b"<langUsage>", b"<langUsage><bogus/>")
    path = tmp_path / "broken.xml"
    path.write_bytes(broken)
    problems = validate_tei([path])
    assert len(problems) == 1
    assert problems[0].letter == "bolshevik/12" and "bogus" in problems[0].message


def test_julian_date_keeps_the_printed_julian_day_and_gives_the_gregorian_one() -> None:
    date = tree("bolshevik/12").find(".//t:correspAction[@type='sent']/t:date", NS)
    assert date is not None
    assert date.get("when") == "1912-12-19"
    assert date.get("when-custom") == "1912-12-06"
    assert date.get("datingMethod") == "#julian" and date.get("calendar") == "#julian"
    assert date.text == "December 6, 1912"


def test_interval_and_bounds_become_from_to_and_not_before() -> None:
    interval = tree("bolshevik/13").find(".//t:correspAction[@type='sent']/t:date", NS)
    assert interval is not None and (interval.get("from"), interval.get("to")) == ("1925-10-05", "1925-10-06")
    bound = tree("bolshevik/14").find(".//t:correspAction[@type='sent']/t:date", NS)
    assert bound is not None
    assert bound.get("notBefore") == "1932-06-13" and bound.get("notAfter") is None
    assert bound.get("cert") == "low" and bound.get("evidence") == "conjecture"


def test_parties_carry_authority_uris_and_register_keys() -> None:
    root = tree("bolshevik/12")
    sender = root.find(".//t:correspAction[@type='sent']/t:persName", NS)
    assert sender is not None and sender.get("key") == "person/stalin-i-v"
    assert "https://d-nb.info/gnd/118642499" in (sender.get("ref") or "").split()
    place = root.find(".//t:correspAction[@type='sent']/t:placeName", NS)
    assert place is not None and place.get("ref") == "http://www.geonames.org/3094802"  # from sws.geonames.org
    recipient = tree("bolshevik/13").find(".//t:correspAction[@type='received']/*", NS)
    assert recipient is not None and etree.QName(recipient).localname == "orgName"


def test_archival_reference_becomes_ms_identifier_with_fond_opis_delo_and_folios() -> None:
    ms = tree("bolshevik/12").find(".//t:sourceDesc/t:msDesc", NS)
    assert ms is not None
    assert ms.findtext("t:msIdentifier/t:repository", namespaces=NS) == "RGASPI"
    assert [c.text for c in ms.findall("t:msIdentifier/t:collection", NS)] == ["558", "2"]
    assert ms.findtext("t:msIdentifier/t:idno", namespaces=NS) == "192"
    assert ms.findtext(".//t:locus", namespaces=NS) == "1-2"
    object_desc = ms.find("t:physDesc/t:objectDesc", NS)
    assert object_desc is not None and object_desc.get("form") == "autograph"


def test_note_anchor_points_to_its_note_and_the_text_is_kept_character_for_character() -> None:
    root = tree("bolshevik/14")
    anchor = root.find(".//t:body//t:ref[@type='noteAnchor']", NS)
    assert anchor is not None and anchor.text == "¹" and anchor.get("target") == "#note-1"
    note = root.find(".//t:back//t:note[@xml:id='note-1']", {**NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert note is not None and note.text == "Письмо не найдено. См. примеч. 2 к док. № 12."
    paragraphs = ["".join(p.itertext()) for p in root.findall(".//t:body//t:p", NS)]
    assert "\n\n".join(paragraphs) == sample_letters()[2].letter.text


def test_correspondence_context_links_previous_and_next_letters() -> None:
    links = tree("bolshevik/13").findall(".//t:correspContext/t:ref", NS)
    assert [(link.get("type"), link.get("target")) for link in links] == [
        ("previous", f"{BASE_URL}/letters/bolshevik/12"), ("next", f"{BASE_URL}/letters/bolshevik/14")]


def test_mentions_are_tagged_with_their_register_key() -> None:
    root = tree("bolshevik/12")
    place = root.find(".//t:body//t:placeName", NS)
    assert place is not None and place.text == "Tiflis" and place.get("key") == "place/tiflis"


def test_export_is_deterministic_and_matches_the_golden_files() -> None:
    first, second = export_all(), export_all()
    assert first == second
    for letter_id, data in first.items():
        golden = GOLDEN / golden_name(letter_id)
        if REGENERATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(data)
        assert golden.read_bytes() == data, f"{golden} differs; LETTERBOOK_REGENERATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("bad_span", [(-5, 2), (10, 10_000)])
def test_a_span_outside_the_text_is_left_unmarked_and_the_file_stays_valid(
        bad_span: tuple[int, int], tmp_path: Path) -> None:
    item = sample_letters()[1]
    letter = item.letter
    origin = letter.text_span[0]
    broken = replace(letter, mentions=(Mention((origin + bad_span[0], origin + bad_span[1]), "org/politburo"),))
    data = letter_to_tei(EditionLetter(item.id, item.collection, 1, broken), registers=REGISTERS,
                         collection=COLLECTION, previous_id=None, next_id=None, base_url=BASE_URL)
    path = tmp_path / "one.xml"
    path.write_bytes(data)
    assert validate_tei([path]) == []
    assert b"org/politburo\">" not in data.split(b"<text>")[1]

"""CMIF export: valid against the CMIF 1.1 schema and its Schematron, following correspSearch's rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from lxml import etree

from conftest import CORPUS
from export_samples import BASE_URL, COLLECTION, REGISTERS, sample_letters
from letterbook.export.cmif import CMIF_VOCAB, bibl_id, edition_to_cmif
from letterbook.export.commands import source_from_paths
from letterbook.export.tei import TEI_NS
from letterbook.export.validate import validate_cmif

GOLDEN = Path(__file__).parent / "data" / "golden"
NS = {"t": TEI_NS}


def cmif(v2: bool = False) -> bytes:
    return edition_to_cmif(sample_letters(), registers=REGISTERS, collection=COLLECTION, base_url=BASE_URL,
                           v2_extensions=v2, published=dt.date(2026, 11, 26))


def written(tmp_path: Path, data: bytes, name: str = "cmif.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_sample_edition_is_valid_cmif_with_zero_errors_and_no_schematron_warnings(tmp_path: Path) -> None:
    assert validate_cmif(written(tmp_path, cmif())) == []


def test_cmif_2_extensions_stay_valid_cmif_1_1(tmp_path: Path) -> None:
    data = cmif(v2=True)
    assert validate_cmif(written(tmp_path, data)) == []
    refs = etree.fromstring(data).findall(".//t:correspDesc/t:note/t:ref", NS)
    types = {ref.get("type", "").removeprefix(CMIF_VOCAB) for ref in refs}
    assert types == {"mentionsPerson", "mentionsPlace", "hasLanguage", "isAvailableAsTEIfile"}


def test_every_letter_has_both_correspondence_actions_and_unknown_parties_get_a_placeholder() -> None:
    root = etree.fromstring(cmif())
    for corresp in root.findall(".//t:correspDesc", NS):
        types = [a.get("type") for a in corresp.findall("t:correspAction", NS)]
        assert types == ["sent", "received"]
    unknown = root.find(".//t:correspDesc[4]", NS)
    assert unknown is not None
    assert [p.text for p in unknown.findall(".//t:persName", NS)] == ["Unknown", "Unknown"]


def test_certainty_is_only_low_and_no_date_is_empty() -> None:
    root = etree.fromstring(cmif())
    assert {e.get("cert") for e in root.iter() if e.get("cert")} == {"low"}
    for date in root.findall(".//t:correspAction/t:date", NS):
        assert {"when", "from", "to", "notBefore", "notAfter"} & set(date.attrib)


def test_julian_date_is_written_as_its_gregorian_day() -> None:
    date = etree.fromstring(cmif()).find(".//t:correspDesc[1]//t:date", NS)
    assert date is not None and date.get("when") == "1912-12-19" and date.text == "December 6, 1912"


def test_each_name_carries_one_preferred_authority_uri() -> None:
    root = etree.fromstring(cmif())
    stalin = root.find(".//t:correspDesc[1]/t:correspAction[@type='sent']/t:persName", NS)
    assert stalin is not None and stalin.get("ref") == "https://d-nb.info/gnd/118642499"


def test_bibl_id_is_a_stable_uuid_that_is_an_xml_name() -> None:
    first = bibl_id(BASE_URL, COLLECTION)
    assert first == bibl_id(BASE_URL, COLLECTION)
    assert first[0].isalpha() and len(first) == 36


def test_output_is_deterministic_and_matches_the_golden_file() -> None:
    data = cmif(v2=True)
    assert data == cmif(v2=True)
    golden = GOLDEN / "cmif_bolshevik.xml"
    if os.environ.get("LETTERBOOK_REGENERATE_GOLDEN") == "1":
        golden.write_bytes(data)
    assert golden.read_bytes() == data, "LETTERBOOK_REGENERATE_GOLDEN=1 rewrites the golden file"


def test_the_four_real_cmif_files_reexported_validate_with_zero_errors(tmp_path: Path) -> None:
    edition = source_from_paths([CORPUS / "cmif"])
    letters = edition.letters()
    assert len(letters) == 2435 + 466 + 697 + 341
    data = edition_to_cmif(letters, registers={}, collection=COLLECTION, base_url=BASE_URL,
                           published=dt.date(2026, 1, 1))
    assert validate_cmif(written(tmp_path, data)) == []

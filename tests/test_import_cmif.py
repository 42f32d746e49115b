"""CMIF import: the official examples and four real files read, their quirks as findings."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import tracemalloc
from pathlib import Path

import pytest

from conftest import CORPUS, SHARED
from letterbook.export.validate import validate_cmif
from letterbook.model import Calendar, PartyKind
from letterbook.read.cmif import read_cmif, read_cmif_bytes

CMIF = CORPUS / "cmif"
SPENER = CMIF / "saw-leipzig_cmif-spener" / "letters.xml"
NICOLAI = CMIF / "rettinghaus_NicolaiLetters" / "NicolaiLetters.xml"
SCHNITZLER = CMIF / "arthur-schnitzler_schnitzler-cmif" / "2018_Bahr_Schnitzler.xml"
HUMBOLDT = CMIF / "correspSearch_csStorage" / "avhumboldt" / "USA.xml"
EXAMPLES = SHARED / "schemas" / "cmif"


def cmif_document(corresp: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
<editor>E</editor></titleStmt></fileDesc><profileDesc>{corresp}</profileDesc></teiHeader></TEI>""".encode()


@pytest.mark.parametrize(("path", "count"), [(SPENER, 2435), (NICOLAI, 466), (SCHNITZLER, 697), (HUMBOLDT, 341)])
def test_real_cmif_files_import_every_letter(path: Path, count: int) -> None:
    assert len(read_cmif(path).letters) == count


@pytest.mark.parametrize(("name", "cert"), [("example01_basic.xml", "medium"),
                                            ("example02_cmi-with-printed-edition.xml", "high")])
def test_official_examples_import_and_their_one_schema_error_is_a_finding(name: str, cert: str) -> None:
    result = read_cmif(EXAMPLES / name)
    assert len(result.letters) == 3
    cert_findings = [f for letter in result.letters for f in letter.findings if "@cert" in f.message]
    assert len(cert_findings) == 1 and repr(cert) in cert_findings[0].message
    schema_errors = validate_cmif(EXAMPLES / name, schematron=False)
    assert len(schema_errors) == 1 and "cert" in schema_errors[0].message


def test_spener_medium_certainty_is_reported_for_each_of_its_121_letters() -> None:
    result = read_cmif(SPENER)
    assert sum(1 for letter in result.letters for f in letter.findings if "@cert='medium'" in f.message) == 121


def test_spener_keeps_the_printed_date_text_beside_the_attributes() -> None:
    first = read_cmif(SPENER).letters[0]
    assert first.date is not None and first.date.as_printed and first.date.edtf


def test_schnitzler_same_as_is_a_finding_and_sws_geonames_uris_are_normalised() -> None:
    result = read_cmif(SCHNITZLER)
    same_as = [f for letter in result.letters for f in letter.findings if "@sameAs" in f.message]
    assert len(same_as) > 500
    place_refs = {ref for letter in result.letters if letter.place for ref in letter.place.refs}
    assert place_refs and all(ref.startswith("http://www.geonames.org/") for ref in place_refs)


def test_nicolai_year_less_day_is_a_finding_and_the_wrong_geonames_label_is_noticed() -> None:
    result = read_cmif(NICOLAI)
    month_days = [f for letter in result.letters for f in letter.findings if "without a year" in f.message]
    assert month_days
    assert any("2950159" in f.message and "Wien" in f.message for f in result.findings)
    organisations = [p for letter in result.letters for p in letter.recipients if p.kind == PartyKind.ORGANISATION]
    assert organisations


def test_humboldt_person_without_any_reference_is_kept_without_refs() -> None:
    parties = [p for letter in read_cmif(HUMBOLDT).letters for p in (*letter.senders, *letter.recipients)]
    collins = [p for p in parties if p.name == "Zaccheus Collins"]
    assert collins and collins[0].refs == ()


def test_date_only_as_text_is_kept_as_printed_with_a_finding() -> None:
    data = cmif_document('<correspDesc><correspAction type="sent"><persName>A</persName>'
                         "<date>[Frühjahr 1681?]</date></correspAction>"
                         '<correspAction type="received"><persName>Unbekannt</persName></correspAction></correspDesc>')
    letter = read_cmif_bytes(data).letters[0]
    assert letter.date is not None and letter.date.as_printed == "[Frühjahr 1681?]" and letter.date.edtf is None
    assert any("only as text" in f.message for f in letter.findings)
    assert letter.recipients[0].kind == PartyKind.UNKNOWN


def test_duplicate_person_in_one_action_is_read_once_with_a_finding() -> None:
    person = '<persName ref="http://d-nb.info/gnd/118540238">Goethe</persName>'
    data = cmif_document(f'<correspDesc><correspAction type="sent">{person}{person}</correspAction>'
                         '<correspAction type="received"><persName>B</persName></correspAction></correspDesc>')
    letter = read_cmif_bytes(data).letters[0]
    assert [p.refs for p in letter.senders] == [("https://d-nb.info/gnd/118540238",)]
    assert any("twice" in f.message for f in letter.findings)


def test_bounds_and_certainty_are_read_from_attributes() -> None:
    data = cmif_document('<correspDesc><correspAction type="sent"><persName>A</persName>'
                         '<date notBefore="1810-07-11" notAfter="1810-07-18" cert="low"/></correspAction>'
                         '<correspAction type="received"><persName>B</persName></correspAction></correspDesc>')
    date = read_cmif_bytes(data).letters[0].date
    assert date is not None
    assert (date.earliest, date.latest) == (dt.date(1810, 7, 11), dt.date(1810, 7, 18))
    assert date.qualifier == "between" and date.uncertain and date.calendar == Calendar.GREGORIAN


@pytest.mark.parametrize("path", [SPENER, NICOLAI, SCHNITZLER, HUMBOLDT])
def test_each_letter_span_is_its_own_correspdesc_and_names_are_found_in_it(path: Path) -> None:
    # Nicolai is one 273 kB line; Schnitzler's start tags run over four lines
    result = read_cmif(path)
    text = result.source.text
    for letter in result.letters:
        element = text[letter.span[0]:letter.span[1]]
        assert element.startswith("<correspDesc") and element.endswith("</correspDesc>")
        if letter.number:
            assert f'key="{letter.number}"' in element
        for party in (*letter.senders, *letter.recipients):
            if party.name and party.kind != PartyKind.UNKNOWN:
                assert " ".join(html.unescape(text[party.span[0]:party.span[1]]).split()) == party.name


def test_reading_the_largest_file_keeps_memory_bounded() -> None:
    size = SPENER.stat().st_size
    tracemalloc.start()
    read_cmif(SPENER)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # the decoded text and the letters are kept; a whole lxml tree (about 10x the file) is not
    assert peak < 12 * size


def test_parts_and_letters_together_cover_the_whole_file() -> None:
    result = read_cmif(HUMBOLDT)
    covered = sorted([*(letter.span for letter in result.letters), *(part.span for part in result.parts)])
    assert covered[0][0] == 0 and covered[-1][1] == len(result.source.text)
    assert all(first[1] == second[0] for first, second in itertools.pairwise(covered))


def test_a_place_with_a_ref_but_no_name_is_named_as_the_file_names_that_ref_elsewhere() -> None:
    unnamed = [letter.place for letter in read_cmif(NICOLAI).letters if letter.place and not letter.place.name]
    assert unnamed, "Nicolai's file has a placeName with a GeoNames ref and no text"
    berlin = [p for p in unnamed if p.refs == ("http://www.geonames.org/2950159",)]
    assert berlin and all(p.normalized == "Berlin" for p in berlin)
    document = cmif_document(
        '<correspDesc><correspAction type="sent"><persName>A</persName>'
        '<placeName ref="http://www.geonames.org/1"/></correspAction></correspDesc>')
    lonely = read_cmif_bytes(document).letters[0].place
    assert lonely is not None and lonely.name == "" and lonely.normalized is None  # nothing to name it from

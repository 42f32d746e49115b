from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from synthetic import parse_page, source_of

from conftest import CORPUS
from letterbook.cli import main
from letterbook.link.forms import case_forms, is_description
from letterbook.link.linker import build_matcher, link_letter
from letterbook.link.registers import (
    RegisterFileError,
    read_register,
    register_to_csv,
    register_to_json,
    starter_register,
)
from letterbook.model import Collection, Letter, ParseResult, Party, PartyKind, RegisterEntry
from letterbook.store import Store, ingest
from letterbook.store.ingest import source_files

STARTER = starter_register()
MATCHER = build_matcher(STARTER)
LABELS = {e.id: e.preferred_name for e in STARTER}


def entry(entry_id: str) -> RegisterEntry:
    return next(e for e in STARTER if e.id == entry_id)


def names_in(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entry_id) for m in MATCHER.find(text)]


def test_the_starter_register_has_at_least_sixty_persons_with_forms_in_both_scripts() -> None:
    assert len(STARTER) >= 60
    for person in STARTER:
        assert any(re.search("[A-Za-z]", f) for f in person.forms), person.id
        assert any(re.search("[А-Яа-я]", f) for f in person.forms), person.id


def test_authority_ids_are_wikidata_q_numbers_where_given() -> None:
    given = {e.id: e.authority["wikidata"] for e in STARTER if "wikidata" in e.authority}
    assert given["person/stalin-i-v"] == "Q855" and given["person/lenin-v-i"] == "Q1394"
    assert all(re.fullmatch(r"Q\d+", q) for q in given.values())


@pytest.mark.parametrize(("name", "cases"), [
    ("Сталин", ["Сталина", "Сталину", "Сталина", "Сталиным", "Сталине"]),
    ("Каганович", ["Кагановича", "Кагановичу", "Кагановича", "Кагановичем", "Кагановиче"]),
    ("Дзержинский", ["Дзержинского", "Дзержинскому", "Дзержинского", "Дзержинским", "Дзержинском"]),
    ("Крупская", ["Крупской", "Крупской", "Крупскую", "Крупской", "Крупской"]),
    ("Надежда Константиновна", ["Надежды Константиновны", "Надежде Константиновне", "Надежду Константиновну",
                                "Надеждой Константиновной", "Надежде Константиновне"]),
    ("И. В. Сталин", ["И. В. Сталина", "И. В. Сталину", "И. В. Сталина", "И. В. Сталиным", "И. В. Сталине"]),
])
def test_russian_case_forms_follow_the_ending_rules(name: str, cases: list[str]) -> None:
    assert case_forms(name) == cases


def test_georgian_surnames_do_not_decline() -> None:
    assert case_forms("Орджоникидзе") == [] and case_forms("Картвелишвили") == []


@pytest.mark.parametrize(("text", "entry_id"), [
    ("Письмо И.В. Сталину", "person/stalin-i-v"),
    ("Сталин И.В.", "person/stalin-i-v"),
    ("from J. V. Stalin", "person/stalin-i-v"),
    ("Tell Sergo at once", "person/ordzhonikidze-g-k"),
    ("Comrade Ordzhonisky wrote", "person/ordzhonikidze-g-k"),
    ("Seerebyakov is here", "person/serebryakov-l-p"),
    ("Здравствуй, Клим!", "person/voroshilov-k-e"),
    ("Привет Надежде Константиновне", "person/krupskaya-n-k"),
    ("говорил с Кагановичем", "person/kaganovich-l-m"),
    ("Ilyich is ill", "person/lenin-v-i"),
])
def test_names_in_the_text_link_in_every_form(text: str, entry_id: str) -> None:
    assert [i for _, i in names_in(text)] == [entry_id]


def test_a_name_inside_another_word_or_a_lower_case_word_is_no_mention() -> None:
    assert names_in("the Leninist faction") == []
    assert names_in("я буду рад") == []  # "Budu" is Mdivani, "буду" is a verb


def test_a_surname_two_people_bear_needs_initials_to_link() -> None:
    assert names_in("Kamenev and S. S. Kamenev") == [("Kamenev", "person/kamenev-l-b"),
                                                     ("S. S. Kamenev", "person/kamenev-s-s")]


def test_heading_parties_are_linked_and_unmatched_ones_become_findings() -> None:
    letter = Letter(span=(0, 10), text="", text_span=(0, 0),
                    senders=(Party("Кагановичу Л.М.", (0, 15)),), recipients=(Party("A. B. Nobody", (16, 28)),))
    linked = link_letter(letter, MATCHER, LABELS)
    assert linked.senders[0].id == "person/kaganovich-l-m"
    assert linked.senders[0].normalized == "L. M. Kaganovich"
    assert linked.recipients[0].id is None
    assert [f.message for f in linked.findings] == ["no register entry matches this name: A. B. Nobody"]


def test_a_party_the_source_gives_an_authority_id_links_by_it_whatever_its_name() -> None:
    stalin = "https://www.wikidata.org/wiki/Q855"  # the register holds Q855 for I. V. Stalin
    letter = Letter(span=(0, 10), text="", text_span=(0, 0),
                    senders=(Party("J. V. Djugashvili", (0, 17), refs=(stalin,)),),
                    recipients=(Party("Lenin", (18, 23), refs=("http://www.wikidata.org/entity/Q855",)),
                                Party("Trotsky", (24, 31), refs=("http://www.wikidata.org/entity/Q1",))))
    linked = link_letter(letter, MATCHER, LABELS)
    assert [p.id for p in (*linked.senders, *linked.recipients)] == [
        "person/stalin-i-v",  # a name no register form has
        "person/stalin-i-v",  # the ID says more than the name
        "person/trotsky-l-d"]  # an ID no entry bears: the name decides
    assert linked.senders[0].normalized == "I. V. Stalin" and linked.findings == ()


def test_places_and_people_link_to_entries_of_their_own_kind() -> None:
    kirov_town = RegisterEntry("place/kirov", PartyKind.PLACE, "Kirov", forms=("Vyatka",),
                               authority={"geonames": "548408"})
    kirov_man = RegisterEntry("person/kirov-s-m", PartyKind.PERSON, "S. M. Kirov", forms=("Kirov",))
    matcher = build_matcher([kirov_town, kirov_man])
    labels = {"place/kirov": "Kirov", "person/kirov-s-m": "S. M. Kirov"}
    letter = Letter(span=(0, 10), text="", text_span=(0, 0), senders=(Party("Kirov", (0, 5)),),
                    place=Party("Kirov", (6, 11), kind=PartyKind.PLACE),
                    place_received=Party("Вятка-2", (12, 19), kind=PartyKind.PLACE,
                                         refs=("http://sws.geonames.org/548408/",)))
    linked = link_letter(letter, matcher, labels)
    assert linked.senders[0].id == "person/kirov-s-m"  # the form both bear, read for a person
    assert linked.place is not None and linked.place.id == "place/kirov"  # and for a place
    assert linked.place_received is not None and linked.place_received.id == "place/kirov"  # by its GeoNames ID
    assert linked.place.normalized == "Kirov"


def test_a_cmif_letter_links_its_correspondents_by_their_authority_ids(store: Store, tmp_path: Path) -> None:
    cmif = tmp_path / "letters.xml"
    cmif.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>
<editor>E</editor></titleStmt></fileDesc><profileDesc><correspDesc ref="https://example.org/1">
<correspAction type="sent"><persName ref="http://www.wikidata.org/entity/Q855">Josef Wissarionowitsch Stalin</persName>
<date when="1925-10-05"/></correspAction>
<correspAction type="received"><persName ref="http://www.wikidata.org/entity/Q1394">W. I. Uljanow</persName>
</correspAction></correspDesc></profileDesc></teiHeader></TEI>""", encoding="utf-8")
    summary = ingest(store, source_files([cmif]), collection="cmif")
    [letter] = store.letters()
    assert summary.ok
    assert [p.id for p in (*letter.letter.senders, *letter.letter.recipients)] == ["person/stalin-i-v",
                                                                                 "person/lenin-v-i"]
    assert not [f.message for f in store.findings() if f.field == "register"]  # no candidates for review


def test_mentions_carry_spans_into_the_source() -> None:
    source = "HEADING\nI met Sergo today."
    letter = Letter(span=(0, len(source)), text=source[8:], text_span=(8, len(source)))
    mention = link_letter(letter, MATCHER, LABELS).mentions[0]
    assert source[mention.span[0]:mention.span[1]] == "Sergo"


def test_a_register_exported_as_csv_or_json_imports_back_to_the_same_entries(tmp_path: Path) -> None:
    entries = [entry("person/stalin-i-v"), entry("person/krupskaya-n-k")]
    for name, text in (("r.csv", register_to_csv(entries)), ("r.json", register_to_json(entries))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read_register(tmp_path / name) == entries


def test_a_bad_entry_of_a_register_file_is_refused_with_the_file_and_its_place(tmp_path: Path) -> None:
    good = {"id": "person/a", "preferred_name": "A"}
    (tmp_path / "bad.json").write_text(json.dumps([good, {"preferred_name": "X"}]), encoding="utf-8")
    with pytest.raises(RegisterFileError, match=r"bad\.json: entry 2: an entry needs an id"):
        read_register(tmp_path / "bad.json")
    (tmp_path / "bad.csv").write_text("id,preferred_name,kind\nperson/a,A,person\nx/b,B,alien\n", encoding="utf-8")
    with pytest.raises(RegisterFileError, match=r"bad\.csv: row 3: x/b: unknown kind 'alien'"):
        read_register(tmp_path / "bad.csv")
    (tmp_path / "list.json").write_text(json.dumps([["person/a", "A"]]), encoding="utf-8")
    with pytest.raises(RegisterFileError, match=r"list\.json: entry 1: an entry is an object"):
        read_register(tmp_path / "list.json")


def test_the_store_keeps_entries_and_lists_letters_of_a_person_by_role(store: Store, page_dir: Path) -> None:
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    stalin = store.entry("person/stalin-i-v")
    assert stalin.authority == {"wikidata": "Q855"} and "Сталину" in stalin.forms
    sent = store.letters_of("person/stalin-i-v", "sender")
    received = store.letters_of("person/stalin-i-v", "recipient")
    mentioned = store.letters_of("person/stalin-i-v", "mentioned")
    assert sent and received and mentioned
    assert all(any(p.id == "person/stalin-i-v" for p in e.letter.senders) for e in sent)
    assert all(any(m.entry_id == "person/stalin-i-v" for m in e.letter.mentions) for e in mentioned)


def test_heading_names_no_entry_matches_are_the_registers_candidates(store: Store, page_dir: Path) -> None:
    store.import_register([RegisterEntry("person/rykov-a-i", entry("person/rykov-a-i").kind, "A. I. Rykov")])
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    candidates = {c.name: c.letters for c in store.candidates()}
    assert "I. V. Stalin" in candidates and "A. I. Rykov" not in candidates
    store.import_register([entry("person/rykov-a-i")])
    assert store.entry("person/rykov-a-i").forms == entry("person/rykov-a-i").forms


def test_places_of_writing_and_of_receipt_no_entry_matches_are_place_candidates(store: Store) -> None:
    letter = Letter(span=(0, 30), text="", text_span=(0, 0), number="1", senders=(Party("A. B. Nobody", (0, 12)),),
                    place=Party("Sochi", (13, 18), kind=PartyKind.PLACE),
                    place_received=Party("Tiflis", (19, 25), kind=PartyKind.PLACE,
                                         refs=("https://www.geonames.org/611717",)))
    result = ParseResult(source_of("places.txt", "x" * 30), Collection(title="Test"), (letter,))
    store.store_result(result, b"x" * 30, "test")
    assert [(c.name, c.refs) for c in store.candidates(PartyKind.PLACE)] == [
        ("Sochi", ()), ("Tiflis", ("http://www.geonames.org/611717",))]
    assert [c.name for c in store.candidates()] == ["A. B. Nobody"]


def test_an_organisation_in_a_heading_is_an_organisation_candidate_not_a_person(store: Store) -> None:
    # "L. P. Serebryakov, I. V. Stalin - Politburo of the Central Committee of the RCP (b)"
    ingest(store, [CORPUS / "en" / "036.txt"], collection="corr")
    organisations = [c.name for c in store.candidates(PartyKind.ORGANISATION)]
    assert "Politburo of the Central Committee of the RCP (b)" in organisations
    assert not any("Politburo" in c.name for c in store.candidates())


def test_entries_imported_after_the_ingest_reach_the_letters_already_stored(store: Store, page_dir: Path) -> None:
    store.import_register([entry("person/lenin-v-i")])  # a register without Stalin
    ingest(store, source_files([page_dir]), collection="corr", parse=parse_page)
    assert store.letters_of("person/stalin-i-v", "sender") == []
    assert "I. V. Stalin" in {c.name for c in store.candidates()}
    store.import_register([entry("person/stalin-i-v")])
    assert store.relink() > 0
    sent = store.letters_of("person/stalin-i-v", "sender")
    assert sent and all(e.letter.senders[0].normalized == "I. V. Stalin" for e in sent)
    assert store.letters_of("person/stalin-i-v", "mentioned")
    assert "I. V. Stalin" not in {c.name for c in store.candidates()}
    assert not [f for e in sent for f in store.findings(e.id) if "I. V. Stalin" in f.message]
    assert store.relink() == 0  # nothing left to change


def test_correspondents_described_not_named_are_no_candidates_for_the_register(store: Store) -> None:
    # The Spener edition addresses 144 letters to "einen Amtsbruder": no one entry is all of them.
    ingest(store, [CORPUS / "cmif" / "saw-leipzig_cmif-spener" / "letters.xml"], collection="spener")
    candidates = {c.name: c.letters for c in store.candidates()}
    described = {c.name: c.letters for c in store.descriptions()}
    assert candidates["Philipp Jakob Spener"] > 2000
    assert described["einen Amtsbruder"] == 144 and described["eine Unbekannte"] == 2
    assert not {name for name in candidates if name.split()[0].casefold() in {"ein", "eine", "einen"}}
    register_findings = [f.message for f in store.findings() if f.field == "register"]
    assert any("Philipp Jakob Spener" in m for m in register_findings)
    assert not any("Amtsbruder" in m for m in register_findings)
    result = CliRunner().invoke(main, ["registers", "candidates", "--format", "csv",
                                       "--db", store.settings.database_url])
    assert result.exit_code == 0 and "Amtsbruder" not in result.stdout and "Philipp Jakob Spener" in result.stdout
    assert "described but not named" in result.stderr and "einen Amtsbruder (144)" in result.stderr


def test_a_description_opens_with_an_indefinite_article_and_has_no_authority_id() -> None:
    for described in ("einen Amtsbruder", "[einen Amtsbruder] im Elsaß", "a friend in Paris", "Eine Verwandte",
                      "некоему лицу"):
        assert is_description(described), described
    for named in ("A. B. Nobody", "An", "Ein", "Anna Ein", "Unbekannt", "Sergo"):
        assert not is_description(named), named
    assert not is_description("einen Amtsbruder", ("https://d-nb.info/gnd/118616099",))

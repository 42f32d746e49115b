"""TEI import and the round trip: a letter exported to TEI and read back is the same letter."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export_samples import BASE_URL, COLLECTION, REGISTERS, sample_letters
from letterbook.export.authority import PERSON_PREFERENCE, normalize_uri, preferred_uri
from letterbook.export.cmif import edition_to_cmif
from letterbook.export.dating import edtf_with_flags, expand, julian_to_gregorian
from letterbook.export.tei import letter_to_tei, party_uris
from letterbook.export.validate import validate_tei
from letterbook.model import (
    ArchivalRef,
    Calendar,
    CrossRef,
    EditionLetter,
    HistoricalDate,
    Letter,
    Mention,
    Note,
    Party,
    PartyKind,
    RegisterEntry,
    TextValue,
)
from letterbook.read.cmif import is_placeholder, read_cmif_bytes
from letterbook.read.tei import read_tei_bytes
from letterbook.read.xml import xml_safe


def round_trip(item: EditionLetter, registers: dict[str, RegisterEntry] | None = None) -> Letter:
    data = letter_to_tei(item, registers=REGISTERS if registers is None else registers, collection=COLLECTION,
                         previous_id=None, next_id=None, base_url=BASE_URL)
    result = read_tei_bytes(data, "letter.xml")
    assert len(result.letters) == 1
    return result.letters[0]


def party_essence(party: Party) -> tuple[object, ...]:
    return (party.name, party.normalized or party.name, party.id, party.kind, party.implied)


def date_essence(date: HistoricalDate | None) -> tuple[object, ...] | None:
    if date is None:
        return None
    return (date.as_printed, date.edtf, date.earliest, date.latest, date.calendar, date.inferred,
            date.approximate, date.uncertain, date.qualifier)


def essence(letter: Letter) -> dict[str, object]:
    """What must survive the round trip; spans compared relative to the text."""
    origin = letter.text_span[0]
    return {
        "number": letter.number, "kind": letter.kind, "text": letter.text, "language": letter.language,
        "heading": letter.heading.text if letter.heading else None,
        "senders": [party_essence(p) for p in letter.senders],
        "recipients": [party_essence(p) for p in letter.recipients],
        "date": date_essence(letter.date),
        "archival": [(a.archive, a.archive_as_printed, a.fond, a.opis, a.delo, a.folios, a.form, a.form_as_printed,
                      a.as_printed) for a in letter.archival],
        "publications": [p.text for p in letter.publications],
        "notes": [(n.number, n.text, [(r.document, r.note) for r in n.refs], [a.as_printed for a in n.archival],
                   (n.anchor[0] - origin, n.anchor[1] - origin) if n.anchor else None) for n in letter.notes],
        "mentions": [(m.span[0] - origin, m.span[1] - origin, m.entry_id, m.kind) for m in letter.mentions],
        "signature": letter.signature.text if letter.signature else None,
    }


def test_sample_letters_survive_the_round_trip() -> None:
    for item in sample_letters():
        original, read = item.letter, round_trip(item)
        assert essence(read) == essence(original), item.id
        for before, after in zip((*original.senders, *original.recipients), (*read.senders, *read.recipients),
                                 strict=True):
            assert {normalize_uri(u) for u in before.refs} <= set(after.refs)


def test_round_trip_keeps_the_julian_calendar_and_the_gregorian_day() -> None:
    read = round_trip(sample_letters()[0])
    assert read.date is not None and read.date.calendar == Calendar.JULIAN
    assert read.date.edtf == "1912-12-06" and read.date.earliest == dt.date(1912, 12, 19)


def test_anchors_inside_the_read_text_point_at_the_marker() -> None:
    read = round_trip(sample_letters()[2])
    anchor = read.notes[0].anchor
    assert anchor is not None
    start = anchor[0] - read.text_span[0]
    assert read.text[start:start + 1] == "¹"


def test_a_foreign_tei_letter_with_inline_notes_and_line_breaks_is_read() -> None:
    data = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>x</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><msDesc><msIdentifier><settlement>Moskva</settlement>
<repository>RGASPI</repository><collection>558</collection><collection>1</collection><idno>2</idno></msIdentifier>
</msDesc></sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type="sent">
<persName ref="http://d-nb.info/gnd/118642499/">Stalin</persName><date when="1925-12-22">22 Dec 1925</date>
</correspAction></correspDesc></profileDesc></teiHeader><text><body><div><p>Dear<lb/>friend<note n="a">See
 the <hi>draft</hi>.</note> ok</p></div></body></text></TEI>"""
    letter = read_tei_bytes(data).letters[0]
    assert letter.text == "Dear\nfriend ok"
    assert letter.senders[0].refs == ("https://d-nb.info/gnd/118642499",)
    assert (letter.archival[0].archive, letter.archival[0].fond, letter.archival[0].opis,
            letter.archival[0].delo) == ("RGASPI", "558", "1", "2")
    assert letter.notes[0].text == "See the draft." and letter.notes[0].number == "a"
    anchor = letter.notes[0].anchor
    assert anchor is not None and anchor[0] - letter.text_span[0] == len("Dear\nfriend")
    assert letter.date is not None and letter.date.edtf == "1925-12-22"


# --- the round trip as a property ----------------------------------------------------

WORD = st.text(alphabet=string.ascii_letters + "абвгдеёжзийклмнопрстуфхцчшщыьэюяАБВ" + "'-.,«»", min_size=1,
               max_size=8)
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
NAME = PHRASE.filter(lambda name: not is_placeholder(name))
URIS = st.lists(st.sampled_from(["https://d-nb.info/gnd/118642499", "http://www.wikidata.org/entity/Q855",
                                 "http://sws.geonames.org/524901/", "https://viaf.org/viaf/101787139/"]),
                max_size=2, unique=True).map(tuple)


@st.composite
def parties(draw: st.DrawFn) -> Party:
    name = draw(NAME)
    return Party(name=name, span=(0, 0), normalized=draw(st.one_of(st.none(), NAME)),
                 id=draw(st.one_of(st.none(), st.sampled_from(sorted(REGISTERS)))),
                 kind=draw(st.sampled_from(list(PartyKind))), implied=draw(st.booleans()), refs=draw(URIS))


CORES = st.one_of(
    st.integers(1000, 2050).map(str),
    st.tuples(st.integers(1000, 2050), st.integers(1, 12)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}"),
    st.dates(dt.date(1000, 1, 1), dt.date(2050, 12, 31)).map(dt.date.isoformat),
)


@st.composite
def dates(draw: st.DrawFn) -> HistoricalDate:
    calendar = draw(st.sampled_from(list(Calendar)))
    spread = julian_to_gregorian if calendar == Calendar.JULIAN else expand
    shape = draw(st.sampled_from(["single", "interval", "not before", "not after", "early"]))
    first = draw(CORES)
    uncertain, approximate = draw(st.booleans()), draw(st.booleans())
    qualifier: str | None = None
    if shape == "interval":
        second = draw(CORES.filter(lambda c: spread(c)[0] >= spread(first)[0]))
        core = f"{first}/{second}"
        qualifier = draw(st.sampled_from([None, "between"]))
        earliest, latest = spread(first)[0], spread(second)[1]
    else:
        core = first
        earliest, latest = spread(first)
        if shape == "not before":
            qualifier, latest = shape, None
        elif shape == "not after":
            qualifier, earliest = shape, None
        elif shape == "early":
            qualifier = "early"
    if calendar == Calendar.JULIAN and shape in ("single", "early") and earliest != latest:
        pass  # a Julian month or year: its Gregorian days are the bounds, as exported
    return HistoricalDate(as_printed=draw(PHRASE), span=(0, 0), edtf=edtf_with_flags(core, uncertain, approximate),
                          earliest=earliest, latest=latest, calendar=calendar, inferred=draw(st.booleans()),
                          approximate=approximate, uncertain=uncertain, qualifier=qualifier)


@st.composite
def letters(draw: st.DrawFn) -> EditionLetter:
    paragraphs = draw(st.lists(PHRASE, min_size=1, max_size=4))
    text = "\n\n".join(paragraphs)
    origin = draw(st.integers(0, 500))
    notes, mentions, offset = [], [], 0
    for index, paragraph in enumerate(paragraphs):
        end = offset + len(paragraph)
        if draw(st.booleans()):
            refs = tuple(CrossRef(str(draw(st.integers(1, 400))), draw(st.one_of(st.none(), st.just("2"))), (0, 0))
                         for _ in range(draw(st.integers(0, 2))))
            notes.append(Note(str(index + 1), draw(PHRASE), (0, 0), refs=refs,
                              anchor=(origin + end - 1, origin + end)))
        if len(paragraph) > 2 and draw(st.booleans()):
            mentions.append(Mention((origin + offset, origin + offset + 1), draw(st.sampled_from(sorted(REGISTERS))),
                                    draw(st.sampled_from(list(PartyKind)))))
        offset = end + 2
    archival = draw(st.lists(st.builds(
        lambda a, f, o, d, fol, form: ArchivalRef(f"{a}. F. {f}.", (0, 0), a, a, f, o, d, fol, form, form),
        WORD, WORD, st.one_of(st.none(), WORD), st.one_of(st.none(), WORD), st.one_of(st.none(), WORD),
        st.one_of(st.none(), st.sampled_from(["autograph", "typescript", "certified copy"]))), max_size=2))
    letter = Letter(
        span=(0, 10_000), text=text, text_span=(origin, origin + len(text)),
        number=draw(st.one_of(st.none(), st.integers(1, 999).map(str))),
        kind=draw(st.sampled_from(["letter", "telegram", "note"])),
        heading=draw(st.one_of(st.none(), PHRASE.map(lambda h: TextValue(h, (0, 0))))),
        senders=tuple(draw(st.lists(parties(), max_size=2))), recipients=tuple(draw(st.lists(parties(), max_size=2))),
        date=draw(st.one_of(st.none(), dates())), archival=tuple(archival),
        publications=tuple(TextValue(p, (0, 0)) for p in draw(st.lists(PHRASE, max_size=2))),
        notes=tuple(notes), mentions=tuple(mentions), language=draw(st.sampled_from(["en", "ru"])))
    return EditionLetter("c/1", "c", 1, letter)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters())
def test_any_letter_exported_to_tei_and_read_back_is_the_same_letter(item: EditionLetter) -> None:
    read = round_trip(item, registers={})
    assert essence(read) == essence(item.letter)
    for before, after in zip((*item.letter.senders, *item.letter.recipients), (*read.senders, *read.recipients),
                             strict=True):
        assert set(after.refs) == {normalize_uri(u) for u in before.refs}


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(st.lists(letters(), min_size=8, max_size=8))
def test_any_letter_exported_to_tei_is_valid_against_tei_all(tmp_path: Path, items: list[EditionLetter]) -> None:
    # eight letters per example, so that one JVM run of jing validates them together
    paths = []
    for index, item in enumerate(items):
        path = tmp_path / f"letter-{index}.xml"
        path.write_bytes(letter_to_tei(item, registers=REGISTERS, collection=COLLECTION, previous_id="c/0",
                                       next_id="c/2", base_url=BASE_URL))
        paths.append(path)
    assert validate_tei(paths) == []


def cmif_names(parties: tuple[Party, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """Names and the one authority URI CMIF keeps; a repeated party is read once; none is "Unknown"."""
    expected = []
    for party in parties:
        if party.kind == PartyKind.UNKNOWN:
            continue
        uri = preferred_uri(party_uris(party, REGISTERS), PERSON_PREFERENCE)
        expected.append((party.normalized or party.name, (uri,) if uri else ()))
    return list(dict.fromkeys(expected)) or [("Unknown", ())]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(letters(), min_size=1, max_size=4))
def test_an_edition_exported_to_cmif_and_read_back_has_the_same_correspondents_dates_and_ids(
        items: list[EditionLetter]) -> None:
    edition = [EditionLetter(f"c/{i}", "c", i, item.letter) for i, item in enumerate(items)]
    data = edition_to_cmif(edition, registers=REGISTERS, collection=COLLECTION, base_url=BASE_URL,
                           published=dt.date(2026, 1, 1))
    read = read_cmif_bytes(data).letters
    assert len(read) == len(edition)
    for item, back in zip(edition, read, strict=True):
        for printed, got in ((item.letter.senders, back.senders), (item.letter.recipients, back.recipients)):
            assert [(g.name, g.refs) for g in got] == cmif_names(printed)
        date = item.letter.date
        if date is None:
            assert back.date is None
        else:
            assert back.date is not None
            assert (back.date.earliest, back.date.latest) == (date.earliest, date.latest)
            assert back.date.uncertain == (not date.certain) and back.date.inferred == date.inferred


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text())
def test_any_text_exports_and_reads_back_with_only_non_xml_characters_replaced(body: str, name: str) -> None:
    letter = Letter(span=(0, len(body)), text=body, text_span=(0, len(body)),
                    senders=(Party(name or "x", (0, 0)),))
    read = round_trip(EditionLetter("c/1", "c", 1, letter), registers={})
    assert read.text == xml_safe(body)

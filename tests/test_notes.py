"""Editorial notes read from the real corpus pages and from the damaged forms they take."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from letterbook.model import Note, Severity
from letterbook.parse.note_markers import find_markers
from letterbook.parse.note_refs import cross_refs
from letterbook.parse.notes import (
    anchor_notes,
    field_codes,
    find_notes_heading,
    is_footnote_line,
    is_note_separator,
    is_notes_heading,
    note_findings,
    parse_notes,
)

SEED = CORPUS / "seed" / "000.txt"


def read(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def notes_sections(text: str) -> list[tuple[int, int, int]]:
    """(body start, notes start, notes end) of each notes section on a page.

    A section runs from its heading (or rule) to the first line that is blank but for
    a no-break space, which this web edition prints between letters, or to the end.
    """
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    sections = []
    body_start, index = 0, 0
    while (heading := find_notes_heading([line.rstrip("\n") for line in lines], index)) is not None:
        end = next((i for i in range(heading + 1, len(lines)) if lines[i].strip("\n") == "\u00a0"), len(lines))
        sections.append((starts[body_start], starts[heading], starts[end]))
        body_start = index = end
    return sections


def page_notes(text: str) -> list[list[Note]]:
    """The anchored notes of each notes section of a page, in order."""
    return [anchor_notes(parse_notes(text[start:end], start), text[body:start], body)
            for body, start, end in notes_sections(text)]


def gold_pages() -> list[Path]:
    return sorted(p for sub in ("seed", "en") for p in (CORPUS / sub).glob("*.txt"))


def gold_documents(page: Path) -> list[dict[str, object]]:
    documents: list[dict[str, object]] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["documents"]
    return documents


def gold_ref(text: str) -> tuple[str, str | None]:
    """ "note 1 to document no. 183" -> ("183", "1"), as the accuracy scorer reads it."""
    note = re.search(r"note\s+(\d+)", text, re.I)
    document = re.search(r"(?:no\.|№)\s*(\d+)", text, re.I)
    assert document
    return document.group(1), note.group(1) if note else None


# --- the real corpus ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_annotated_letter_has_as_many_notes_as_the_editors_printed(page: Path) -> None:
    printed = [d["notes_count"] for d in gold_documents(page) if d.get("notes_count")]
    assert [len(notes) for notes in page_notes(read(page))] == printed


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_cross_references_are_the_ones_the_editors_printed(page: Path) -> None:
    wanted = [{gold_ref(r) for r in d.get("cross_refs") or []} for d in gold_documents(page) if d.get("notes_count")]
    found = [{(r.document, r.note) for n in notes for r in n.refs} for notes in page_notes(read(page))]
    assert found == wanted


@pytest.mark.parametrize(("page", "count"), [("006", 1), ("007", 1), ("009", 1)])
def test_istmat_notes_follow_a_rule_of_underscores(page: str, count: int) -> None:
    assert [len(notes) for notes in page_notes(read(CORPUS / "ru" / f"{page}.txt"))] == [count]


@pytest.mark.parametrize("page", ["002", "004", "005", "012", "017"])
def test_pages_without_notes_have_no_notes_section(page: str) -> None:
    assert notes_sections(read(CORPUS / "ru" / f"{page}.txt")) == []


def test_a_date_line_of_notes_is_not_a_notes_heading() -> None:
    assert not is_notes_heading("Примечания 23–25: Там же. С. 420.")
    assert is_notes_heading("Notes:") and is_notes_heading("Примечания") and is_notes_heading(" Notes ")


def test_a_rule_opens_notes_only_when_a_note_follows_it() -> None:
    assert is_note_separator("_____________________")
    assert not is_note_separator("___") and not is_note_separator("Signature: ______")
    assert find_notes_heading(["Text.", "__________", "", "1 A note."]) == 1
    assert find_notes_heading(["Text.", "__________", "", "Signed."]) is None


def test_every_note_span_holds_its_number_and_its_text() -> None:
    text = read(SEED)
    for notes in page_notes(text):
        for note in notes:
            printed = text[note.span[0]:note.span[1]]
            assert printed.startswith(note.number_as_printed)
            assert printed.endswith(note.text[-20:])
            assert printed == printed.strip()


def test_seed_notes_carry_their_numbers_and_texts() -> None:
    first, second = page_notes(read(SEED))
    assert [n.number for n in first] == ["1", "2", "3", "4"]
    assert first[1].text == "See note 1 to document No. 209."
    assert second[0].text.startswith("We are talking about the political report of the Central Committee")
    assert second[1].text == (
        "XIV Congress of the All-Union Communist Party (Bolsheviks). Verbatim report. M.-D., 1926. S. 44.")


# --- anchors ------------------------------------------------------------------------------------


def marked_text(text: str, notes: list[Note]) -> list[str]:
    """For each note, the text up to the end of its marker (or "" when it has none)."""
    return [text[:n.anchor[1]] if n.anchor else "" for n in notes]


def assert_marked(text: str, notes: list[Note], endings: list[str]) -> None:
    assert [text[n.anchor[0]:n.anchor[1]] if n.anchor else None for n in notes] == [n.number for n in notes]
    for marked, ending in zip(marked_text(text, notes), endings, strict=True):
        assert marked.endswith(ending)


def test_seed_markers_of_both_letters_point_to_their_notes() -> None:
    text = read(SEED)
    first, second = page_notes(text)
    assert_marked(text, first, ["at faction 1", "the revolution 2", "against Trotsky3", "written by me 4"])
    assert_marked(text, second, ["the Party Congress 1", "the figures of the CSB,2"])


@pytest.mark.parametrize(("page", "endings"), [
    ("en/011", ["TO TROTSKY1"]),
    ("en/019", ["negotiations.1"]),
    ("en/025", ["Commander- in-Chief 1", "to our front 2", "parts of Denikin 3"]),
    ("en/027", ["Kharkiv 29/VII 1", "the Polish truce 2"]),
    ("en/036", ["Commander-in-Chief 1", "for Komandyuzh 2", "the Southern Front 3"]),
    ("ru/007", ["фельетонов1"]),
    ("ru/009", ["дать согласие1"]),
    ("ru/006", ["19/VIII. 32.1"]),
])
def test_markers_on_corpus_pages_point_to_their_notes(page: str, endings: list[str]) -> None:
    text = read(CORPUS / f"{page}.txt")
    (notes,) = page_notes(text)
    assert_marked(text, notes, endings)


@pytest.mark.parametrize(("page", "endings"), [
    ("en/046", ["TO LENIN 1", "mobilization 2", "Government” 3", "out-of-towners” 4", 'Committee" 5', "Sevkaokr6"]),
    ("en/039", ["of Front 1", "Council 2", "Shorin 3"]),
    ("en/012", ["Dzerzhinsky 1", "the answer 2", "Bureau 3", "operation) 4"]),
    ("en/029", ["unreliable)1"]),
    ("en/049", ["Makharadze 1"]),
])
def test_markers_whose_notes_the_page_cut_off_are_still_found(page: str, endings: list[str]) -> None:
    text = read(CORPUS / f"{page}.txt")
    markers = find_markers(text)
    assert [m.number for m in markers] == [str(i) for i in range(1, len(endings) + 1)]
    assert [text[:m.span[1]][-len(e):] for m, e in zip(markers, endings, strict=True)] == endings


@pytest.mark.parametrize("text", [
    "the wealthy had 61 percent of commodity surpluses",
    "6-8 tithes - 19",
    "On December 22, 1925 he wrote.",
    "(Povarskaya street, d[om] No. 11).",
    "1) Your statement is incorrect.\n2. The Central Committee",
    "written on October 5-6 in two copies",
    "the 8th Army and the 10th",
    "the farms of 3 groups with net balance",
    "Письмо от 26/VII получил. Из Москвы 7.IX.35 г. в 19 час. 53 мин.",
    "Надо послать туда не менее 50–60 ТБ–3.",
    "* * *",
    "written on the night of 5 to 6 October [19]25, in two copies",
])
def test_dates_amounts_labels_and_list_items_are_not_markers(text: str) -> None:
    assert find_markers(text) == []


def test_a_marker_is_a_whole_run_of_its_kind_and_a_number_word_a_whole_word() -> None:
    text = "the year 1917 was long***** and short**** Trotsky* wrote¹² someone one ."
    assert [(m.number, text[m.span[0]:m.span[1]]) for m in find_markers(text)] == [
        ("****", "****"), ("*", "*"), ("12", "¹²"), ("1", "one")]


def test_a_later_note_takes_the_first_marker_after_the_one_before() -> None:
    body = "Lost 2 guns. He came 1 , then left 2 ."
    notes = anchor_notes([Note("1", "a", (0, 1)), Note("2", "b", (2, 3))], body, 100)
    assert [body[n.anchor[0] - 100:n.anchor[1] - 100] for n in notes if n.anchor] == ["1", "2"]
    assert notes[1].anchor == (100 + body.rindex("2"), 101 + body.rindex("2"))


def test_a_note_without_a_marker_keeps_no_anchor_and_the_next_still_finds_its_own() -> None:
    notes = anchor_notes([Note("1", "a", (0, 1)), Note("2", "b", (2, 3))], "No marker here, but Sergo 2 .", 0)
    assert notes[0].anchor is None and notes[1].anchor is not None


def test_machine_translated_number_word_is_a_marker_only_at_a_sentence_end() -> None:
    body = "I will give one to Stalin. Both copies were written by me one ."
    (note,) = anchor_notes([Note("1", "a", (0, 1))], body)
    assert note.anchor == (body.rindex("one"), body.rindex("one") + 3)


def test_asterisk_footnotes_of_lenins_works_are_notes_with_their_markers() -> None:
    text = read(CORPUS / "ru" / "022.txt")
    start = text.index("* Текст")
    notes = anchor_notes(parse_notes(text[start:], start), text[:start], 0)
    assert [n.number for n in notes] == ["*", "**"]
    assert text[notes[1].span[0]:notes[1].span[1]].endswith("за эту телеграмму». Ред.")
    assert notes[0].anchor is None
    assert notes[1].anchor is not None and text[:notes[1].anchor[1]].endswith("СИМБИРСКОГО СОВЕТА**")
    assert is_footnote_line("* Текст со слов") and not is_footnote_line("* * *")


def test_numbered_notes_under_a_footnote_whose_sentence_ended_are_notes_of_their_own() -> None:
    assert [n[:2] for n in numbers("* Так в документе.\n1 См. док. № 98.\n2 См. примеч. 2 к док. № 105.")] == [
        ("*", "*"), ("1", "1"), ("2", "2")]
    # a list inside the footnote stays in it
    assert [n[0] for n in numbers("* В подлиннике перечислены:\n1. Москва;\n2. Харьков.")] == ["*"]


def test_a_page_number_alone_under_the_last_note_is_not_its_text() -> None:
    assert numbers("1 The letter has not been found.\n2 See note 3 to document No. 4.\n\n9\n") == [
        ("1", "1", "The letter has not been found."), ("2", "2", "See note 3 to document No. 4.")]


@pytest.mark.parametrize("line", ["* 2 December 1926 the plenum closed.", "** 12 июня 1920 г. Политбюро решило",
                                  "* 1920 г. Речь идет о ..."])
def test_an_asterisk_note_may_begin_with_a_date(line: str) -> None:
    assert is_footnote_line(line)
    assert not is_footnote_line("* 12") and not is_footnote_line("* 1920")


# --- damaged numbers ---------------------------------------------------------------------------


def numbers(text: str) -> list[tuple[str, str, str]]:
    return [(n.number, n.number_as_printed, n.text) for n in parse_notes(text)]


def test_a_number_glued_to_its_text_is_still_the_number() -> None:
    assert numbers("1 On the reverse side.\n2On July 29 or 30, 1920, Stalin sent.") == [
        ("1", "1", "On the reverse side."), ("2", "2", "On July 29 or 30, 1920, Stalin sent.")]


def test_a_number_set_off_by_a_stray_full_stop_is_still_the_number() -> None:
    assert numbers("Notes:\n\n1 . S.S. Kamenev.\n\n2 . A. I. Egorov.") == [
        ("1", "1 .", "S.S. Kamenev."), ("2", "2 .", "A. I. Egorov.")]


def test_machine_translated_number_words_are_note_numbers() -> None:
    assert numbers("oneAt the meeting.\n\ntwoWe know.\n\nthree The end.") == [
        ("1", "one", "At the meeting."), ("2", "two", "We know."), ("3", "three", "The end.")]


def test_a_number_word_out_of_sequence_continues_the_note_before_it() -> None:
    assert numbers("Notes:\n\n1 We are talking.\n\noneAt the meeting.\n\ntwo We know.") == [
        ("1", "1", "We are talking.\n\noneAt the meeting."), ("2", "two", "We know.")]


def test_one_of_at_the_start_of_a_paragraph_is_prose() -> None:
    assert numbers("one of them came.") == [("1", "", "one of them came.")]


def test_a_paragraph_beginning_with_a_year_continues_the_note_before_it() -> None:
    text = "1 The decision.\n\n1918 was a hard year.\n\n2 Another note."
    assert [(n.number, n.text) for n in parse_notes(text)] == [
        ("1", "The decision.\n\n1918 was a hard year."), ("2", "Another note.")]


def test_an_ordinal_or_a_fraction_at_a_paragraph_start_continues_the_note() -> None:
    text = "1 The front.\n\n2nd Army retreated.\n\n2-й полк отошел.\n\n2/3 of the men.\n\n2 The note."
    assert [n.number for n in parse_notes(text)] == ["1", "2"]
    assert parse_notes(text)[1].text == "The note."


def test_a_date_after_the_number_is_the_notes_text() -> None:
    assert numbers("1 13 июня 1932 г. CT принял предложение.") == [("1", "1", "13 июня 1932 г. CT принял предложение.")]


def test_a_note_printed_without_its_number_is_note_one_and_flagged() -> None:
    text = read(CORPUS / "en" / "019.txt")
    start = text.index("Notes:")
    (note,) = parse_notes(text[start:], start)
    assert (note.number, note.number_as_printed) == ("1", "")
    assert text[note.span[0]:note.span[1]].startswith("On May 4, 1918, Antonov-Ovseenko")
    (finding,) = note_findings([note])
    assert finding.severity is Severity.WARNING and finding.span == note.span


def test_a_heading_run_into_the_first_note_is_not_its_text() -> None:
    text = "Notes: 1 We are talking about the report.\n2 See doc. No. 45."
    notes = parse_notes(text, 3)
    assert [(n.number, n.text) for n in notes] == [("1", "We are talking about the report."), ("2", "See doc. No. 45.")]
    assert text[notes[0].span[0] - 3:notes[0].span[1] - 3] == "1 We are talking about the report."


def test_a_date_alone_is_not_a_note_number() -> None:
    assert numbers("13 июня 1932 г. CT принял предложение.") == [("1", "", "13 июня 1932 г. CT принял предложение.")]


def test_a_word_field_code_is_left_out_of_the_text_but_kept_in_the_span() -> None:
    text = read(SEED)
    start = text.index("Notes:")
    section = text[start:text.index("\u00a0\n", start)]
    note = parse_notes(section, start)[0]
    assert note.text == "See note 1 to document no. 183."
    assert text[note.span[0]:note.span[1]] == '1 TOC \\o "1-5" \\h \\z See note 1 to document no. 183.'
    (code,) = field_codes(section, start)
    assert text[code[0]:code[1]] == 'TOC \\o "1-5" \\h \\z '
    assert [f.span for f in note_findings([note], [code])] == [code]


def test_a_field_code_inside_a_note_stays_in_its_text_so_the_text_is_what_the_source_prints() -> None:
    section = '3 See note 1 to document No. 187.\n1 TOC \\o "1-5" \\h \\z See note 1 to document no. 183.'
    (note,) = parse_notes(section)  # the "1" line cannot start note 1 after note 3: it runs on
    assert note.text in section[note.span[0]:note.span[1]] and 'TOC \\o "1-5"' in note.text
    assert [f.field for f in note_findings([note], field_codes(section))] == ["notes"]


def test_footnote_lines_after_the_editors_signature_are_not_the_notes() -> None:
    notes = parse_notes("* Текст написан рукой Ленина. Ред.\n62\nВ. И. ЛЕНИН\n** Вторая сноска. Ред.")
    assert [(n.number, n.text) for n in notes] == [
        ("*", "Текст написан рукой Ленина. Ред."), ("**", "Вторая сноска. Ред.")]


def test_numbering_that_skips_a_note_is_reported() -> None:
    notes = parse_notes("1 One.\n3 Three.")
    assert [n.number for n in notes] == ["1", "3"]
    assert [f.message for f in note_findings(notes)] == ["note 3 follows note 1"]


# --- cross-references -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "refs"), [
    ("See note 1 to document no. 183.", [("183", "1")]),
    ("See doc. No. 45.", [("45", None)]),
    ("См. примеч. 2 к док. № 183.", [("183", "2")]),
    ("Ответ Сталина см. док. № 12, 14.", [("12", None), ("14", None)]),
    ("See notes 1 and 2 to document No. 12; see also document No. 7.", [("12", "1"), ("12", "2"), ("7", None)]),
    ("The reply: see No. 188.", [("188", None)]),
    ("See note 3 to doc. 45.", [("45", "3")]),
])
def test_a_note_points_to_other_documents(text: str, refs: list[tuple[str, str | None]]) -> None:
    (note,) = parse_notes(f"1 {text}", 10)
    assert [(r.document, r.note) for r in note.refs] == refs
    assert all(f"1 {text}"[r.span[0] - 10:r.span[1] - 10].strip() for r in note.refs)


@pytest.mark.parametrize("text", [
    "(Там же. Л. 38). В тот же день ПБ было принято предложение (РГАСПИ. Ф. 17. Оп. 162. Д. 13. Л. 76).",
    "By Decree No. 11 of the Council of People's Commissars.",
    "(RTSKHIDNI. F. 558. On. 1. D. 1881. L. 4).",
])
def test_archive_files_and_decrees_are_not_documents(text: str) -> None:
    (note,) = parse_notes(f"1 {text}")
    assert note.refs == ()


def test_a_reference_span_covers_its_words() -> None:
    text = "Notes:\n\n2 See note 1 to document No. 209."
    (note,) = parse_notes(text, 1000)
    (ref,) = note.refs
    assert text[ref.span[0] - 1000:ref.span[1] - 1000] == "See note 1 to document No. 209"


# --- robustness -------------------------------------------------------------------------------


# The characters notes are made of, so that random text often looks like a notes section.
NOTE_CHARACTERS = list("1 2.3\n*oneTOC\\h\"_Примечания:No№док.see,)[]¹²—-\u00a0aЯ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(NOTE_CHARACTERS), max_size=300))
def test_notes_never_raise_and_spans_stay_inside_the_text(text: str) -> None:
    notes = anchor_notes(parse_notes(text, 5), text, 5)
    for note in notes:
        assert 5 <= note.span[0] <= note.span[1] <= len(text) + 5
        assert text[note.span[0] - 5:note.span[1] - 5].startswith(note.number_as_printed)
        assert note.anchor is None or 5 <= note.anchor[0] < note.anchor[1] <= len(text) + 5
    field_codes(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_notes_never_raise_on_any_text(text: str) -> None:
    anchor_notes(parse_notes(text), text)
    find_notes_heading(text.splitlines())


@pytest.mark.parametrize("unit", [
    "1 ", "a1", "No. 1 and ", "TOC \\h ", "*", "one ", "\n1 x", "note 1, 2, ", "[1]", "1.", "_",
    "document No. 1, 2 and 3 ",
])
def test_reading_notes_takes_linear_time(unit: str) -> None:
    def seconds(repeat: int) -> float:
        """The best of three runs, so that a busy machine does not fail the test."""
        text = unit * repeat
        runs = []
        for _ in range(3):
            began = time.perf_counter()
            anchor_notes(parse_notes(text), text)
            field_codes(text)
            runs.append(time.perf_counter() - began)
        return min(runs)

    small, large = seconds(2_000), seconds(20_000)
    # Ten times the text may take ten times as long; a quadratic reader would take a hundred.
    assert large < 5.0 and large < 40 * max(small, 1e-3)


def test_superscript_markers_and_bracketed_numbers_are_read() -> None:
    notes = parse_notes("[1] The first.\n[2] The second.\n³ The third.")
    assert [(n.number, n.number_as_printed, n.text) for n in notes] == [
        ("1", "[1]", "The first."), ("2", "[2]", "The second."), ("3", "³", "The third.")]
    body = "Trotsky¹ and the area of 5 м² were named [2], then Kamenev³. [1] October [19]25"
    assert [body[n.anchor[0]:n.anchor[1]] if n.anchor else None for n in anchor_notes(notes, body)] == ["¹", "2", "³"]


def test_a_day_in_both_calendars_is_not_a_note_number() -> None:
    assert numbers("15 (28) ноября 1912 г. состоялось заседание.")[0][:2] == ("1", "")


def test_a_note_after_the_document_number_is_read_too() -> None:
    (note,) = parse_notes("1 See document No. 183, note 1.")
    assert [(r.document, r.note) for r in note.refs] == [("183", "1")]


def test_notes_whose_marker_was_not_found_are_reported_once_anchored() -> None:
    notes = anchor_notes(parse_notes("1 First.\n2 Second."), "He came 1 , then left.")
    assert [f.message for f in note_findings(notes, anchored=True)] == ["no marker for note 2 in the text"]


@pytest.mark.parametrize(("note", "refs"), [
    ("See documents No. 161 and No. 163.", [("161", None), ("163", None)]),
    ("См. док. № 108 и № 109.", [("108", None), ("109", None)]),
    ("См. док. № 115 и примеч. 3 к нему.", [("115", None), ("115", "3")]),
    ("See document No. 185 and note 2 to it.", [("185", None), ("185", "2")]),
    ("See document No. 183, note 1.", [("183", "1")]),
    ("См. док. № 108—110.", [("108", None), ("109", None), ("110", None)]),
    ("See Nos. 161-163.", [("161", None), ("162", None), ("163", None)]),
    ("См. док. № 12а.", [("12а", None)]),
    ("See document No. 7 of 1917-1920.", [("7", None)]),
    ("See note 3 to document No. 183 and note 1 to document No. 187.", [("183", "3"), ("187", "1")]),
    ("See note 3 to document No. 183, note 1 to document No. 187.", [("183", "3"), ("187", "1")]),
    ("See doc. No. 46 and note 1 to doc. No. 45", [("46", None), ("45", "1")]),
    ("See also No. 45.", [("45", None)]),
    ("See: No. 45.", [("45", None)]),
    ("See above, No. 45.", [("45", None)]),
    ("См. также № 45.", [("45", None)]),
    ("См.: № 45.", [("45", None)]),
    ("On Stalin's telegram of October 1 (No. 45).", [("45", None)]),
    ("See footnote 2 to No. 45.", [("45", "2")]),
    ("See comment 3 to document No. 12.", [("12", "3")]),
    ("Decree No. 11 of the CPC.", []),
    ("On his removal see letter 56.", [("56", None)]),
    ("See note 1 to telegram No. 123.", [("123", "1")]),
    ("(see telegram No. 126)", [("126", None)]),
    ("См. письмо № 58.", [("58", None)]),
    ("See the notes to letter 49.", [("49", None)]),
    ("См. примечания к док. № 49.", [("49", None)]),
    ("See document No. 2O3.", [("203", None)]),  # OCR's letter O for a zero
    ("Stalin's telegram No. 3251 was sent at night.", []),  # the number it was sent under
    ('Published in "Pravda" on January 18 (31), 1913 (No. 14). See documents No. 2 and No. 3.',
     [("2", None), ("3", None)]),  # "(No. 14)" after a date is the newspaper's issue
])
def test_every_document_and_note_a_cross_reference_names(note: str, refs: list[tuple[str, str | None]]) -> None:
    assert [(r.document, r.note) for r in cross_refs(note)] == refs


def test_a_note_opening_with_a_capitalised_word_that_is_also_a_unit_keeps_its_number() -> None:
    text = ("1 See note 3 to document No. 91.\n\n2 Members of the Orgburo elected after the X Congress.\n\n"
            "3 People's Commissariat of Internal Trade. People's Commissar - A. D. Tsyurupa.\n")
    assert [n.number for n in parse_notes(text)] == ["1", "2", "3"]
    assert [n.number for n in parse_notes("1 The army had 61 percent\n2 people less.\n")] == ["1"]  # an amount


def test_a_machine_translations_approx_for_a_note() -> None:
    [ref] = cross_refs("See approx. 2 to doc. No. 4.", 0)
    assert (ref.document, ref.note) == ("4", "2")

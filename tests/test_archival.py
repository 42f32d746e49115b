"""Archival citations as the editions print them, in English machine translation and in Russian."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_pages
from letterbook.model import ArchivalRef
from letterbook.parse.archival import citation_tail, find_archival, inherit_levels, is_ibid, needs_context

LEVELS = ("fond", "opis", "delo", "folios")


def only(text: str, offset: int = 0) -> ArchivalRef:
    refs = find_archival(text, offset)
    assert len(refs) == 1, refs
    return refs[0]


def levels(ref: ArchivalRef) -> tuple[str | None, ...]:
    return tuple(getattr(ref, level) for level in LEVELS)


def scored(value: str | None) -> str:
    """A level as eval/score.py compares it: no blanks, one kind of dash, no trailing stop."""
    if value is None:
        return ""
    return re.sub(r"\s+", "", value).replace("–", "-").replace("—", "-").strip(".").lower()


@pytest.mark.parametrize(
    ("text", "archive", "printed", "expected", "form"),
    [
        ("RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text.", "RGASPI", "RTSKHIDNI",
         ("558", "2", "192", "1-2"), "typescript"),
        ("RTSHIDNI; F. 558. On. 1. D. 1881. L. 2-3. Autograph.", "RGASPI", "RTSHIDNI",
         ("558", "1", "1881", "2-3"), "autograph"),
        ("RTSKHIDNI. F. 558. On. 1. D. 1892. L. 3-5 Autograph.", "RGASPI", "RTSKHIDNI",
         ("558", "1", "1892", "3-5"), "autograph"),
        ("RTsKhIDNI. F. 17. Op. 3. D. 971. Ll. 21, 95–99.", "RGASPI", "RTsKhIDNI",
         ("17", "3", "971", "21, 95–99"), None),
        ("РГАСПИ. Ф. 558. Оп. 11. Д. 85. Л. 156. Подлинник. Машинопись.", "RGASPI", "РГАСПИ",
         ("558", "11", "85", "156"), "original typescript"),
        ("РГАСПИ Ф. 558. Oп. 11. Д. 79. Л. 38. Автограф С.Чечулина.", "RGASPI", "РГАСПИ",
         ("558", "11", "79", "38"), "autograph"),
        ("РЦХИДНИ. Ф. 558. Оп. 1. Д. 2. Л. 3.", "RGASPI", "РЦХИДНИ", ("558", "1", "2", "3"), None),
        ("ЦПА ИМЛ, ф. 558, оп. 1, д. 2, л. 3 об.", "RGASPI", "ЦПА ИМЛ", ("558", "1", "2", "3 об."), None),
        ("АП РФ. Ф. 45. Оп. 1. Д. 1. Л. 2.", "APRF", "АП РФ", ("45", "1", "1", "2"), None),
        ("ГАРФ. Ф. Р-5446. Оп. 1. Д. 7. Л. 156 об.", "GARF", "ГАРФ", ("Р-5446", "1", "7", "156 об."), None),
        ("ЦХСД. Ф. 89. Оп. 4. Д. 12. Л. 5.", "RGANI", "ЦХСД", ("89", "4", "12", "5"), None),
        ("РГВА. Ф. 33987. Оп. 3. Д. 2. Л. 1. Телеграфная лента.", "RGVA", "РГВА",
         ("33987", "3", "2", "1"), "telegraph tape"),
        ("ГА РФ. Ф. 5446. Оп. 1. Ед. хр. 15. Л. 2. Подлинник.", "GARF", "ГА РФ", ("5446", "1", "15", "2"), "original"),
        ("RGAE. F. 4372. Op. 1. Item 15. L. 2. Autographs.", "RGAE", "RGAE", ("4372", "1", "15", "2"), "autograph"),
        ("АВП РФ. Ф. 04. Оп. 32. П. 205. Д. 52. Л. 1-3.", "AVPRF", "АВП РФ", ("04", "32", "52", "1-3"), None),
        ("TsA FSB RF. F. 2. Op. 3. D. 45. L. 10-11. Typewritten original.", "TsA FSB", "TsA FSB RF",
         ("2", "3", "45", "10-11"), "typescript"),
    ],
)
def test_citation_gives_archive_of_today_and_levels_as_printed(
    text: str, archive: str, printed: str, expected: tuple[str, ...], form: str | None
) -> None:
    ref = only(text)
    assert ref.archive == archive
    assert ref.archive_as_printed == printed
    assert levels(ref) == expected
    assert ref.form == form


def test_citation_span_is_in_source_coordinates() -> None:
    text = "Письмо.\nРГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4.\n"
    ref = only(text, offset=1000)
    assert ref.span == (1008, 1008 + len("РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4."))
    assert ref.as_printed == "РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4."


@pytest.mark.parametrize(
    ("text", "form", "form_as_printed"),
    [
        ("RTSKHIDNI. F. 558. On. 1. D. 5450. L. 2. Typewritten text. Signatures are autographs.",
         "signed typescript", "Typewritten text. Signatures are autographs"),
        ("RTSKHIDNI. F. 5. On. 5. D. 56. L. 1. Certified typewritten copy.",
         "certified typescript copy", "Certified typewritten copy"),
        ("РГАСПИ Ф. 558. Оп. 11. Д. 77. Л. 58. Заверенная машинописная копия.",
         "certified typescript copy", "Заверенная машинописная копия"),
        ("РГАСПИ Ф. 558. Оп. 11. Д. 77. Л. 58. Заверенная машинописная копий.",
         "certified typescript copy", "Заверенная машинописная копий"),
        ("РГАСПИ Ф. 558. Оп. 11. Д. 79. Л. 38. Автограф С.Чечулина.", "autograph", "Автограф С.Чечулина"),
        ("РГАСПИ. Ф. 558. Оп. 11. Д. 89. Л. 68. Подлинник. Машинопись.", "original typescript",
         "Подлинник. Машинопись"),
        ("РГАСПИ. Ф. 558. Оп. 11. Д. 89. Л. 68. Копия. Машинопись.", "typescript copy", "Копия. Машинопись"),
        ("РГАСПИ. Ф. 558. Оп. 11. Д. 89. Л. 68. Машинопись. Подпись — автограф.", "signed typescript",
         "Машинопись. Подпись — автограф"),
    ],
)
def test_form_of_the_document_is_a_controlled_term_beside_the_printed_words(
    text: str, form: str, form_as_printed: str
) -> None:
    ref = only(text)
    assert (ref.form, ref.form_as_printed) == (form, form_as_printed)
    assert ref.as_printed == text


def test_citation_ends_where_an_earlier_publication_begins_on_the_same_line() -> None:
    line = ("RTSKHIDNI. F. 76. Op. 2. D. 28. L. 1-8. Autograph. Political diary. 1964 - 1970. "
            "Amsterdam. 1972. S. 238-241.")
    ref = only(line, offset=50)
    assert ref.as_printed == "RTSKHIDNI. F. 76. Op. 2. D. 28. L. 1-8. Autograph."
    tail = citation_tail(line, ref, offset=50)
    assert tail is not None
    assert tail.text == "Political diary. 1964 - 1970. Amsterdam. 1972. S. 238-241."
    assert line[tail.span[0] - 50 : tail.span[1] - 50] == tail.text


def test_citation_alone_on_its_line_has_no_tail() -> None:
    text = "РГАСПИ. Ф. 558. Оп. 11. Д. 78. Л. 33.\nСледующая строка"
    assert citation_tail(text, only(text)) is None


def test_citation_in_parentheses_of_a_note_stops_before_the_bracket() -> None:
    note = ("1 13 июня 1932 г. CT принял предложение Сталина (РГАСПИ. Ф. 17. Оп. 114. Д. 302. Л. 13). "
            "See also (RTSKHIDNI. F. 558. On. 1. D. 1881. L. 4).")
    first, second = find_archival(note)
    assert first.as_printed == "РГАСПИ. Ф. 17. Оп. 114. Д. 302. Л. 13"
    assert second.as_printed == "RTSKHIDNI. F. 558. On. 1. D. 1881. L. 4"
    assert levels(second) == ("558", "1", "1881", "4")


def test_ibid_names_no_archive_and_takes_the_rest_from_the_previous_citation() -> None:
    note = "Сталин ответил 8 сентября (Там же. Л. 67). Утверждено ПБ (РГАСПИ. Ф. 17. Оп. 3. Д. 971. Л. 21, 95–99)."
    ibid, full = find_archival(note)
    assert (ibid.as_printed, ibid.archive, ibid.archive_as_printed) == ("Там же. Л. 67", "", "Там же")
    assert is_ibid(ibid) and needs_context(ibid)
    assert levels(ibid) == (None, None, None, "67")
    previous = only("РГАСПИ Ф. 558. Оп. 11. Д. 89. Л. 68. Подлинник. Машинопись.")
    resolved = inherit_levels(ibid, previous)
    assert (resolved.archive, *levels(resolved)) == ("RGASPI", "558", "11", "89", "67")
    assert not is_ibid(full)


def test_english_ibid_is_an_ibid_too() -> None:
    ref = only("(Ibid. L. 67)")
    assert is_ibid(ref) and ref.folios == "67" and ref.archive == ""


def test_citation_whose_archive_was_lost_is_kept_without_an_archive() -> None:
    ref = only("F. 5. On. 5. D. 56. L. 1.")
    assert (ref.archive, ref.archive_as_printed) == ("", "")
    assert levels(ref) == ("5", "5", "56", "1")
    assert needs_context(ref) and not is_ibid(ref)
    guessed = inherit_levels(ref, only("RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2."))
    assert levels(guessed) == ("5", "5", "56", "1")  # printed levels are never overwritten
    assert guessed.archive == "RGASPI"


def test_citation_after_a_semicolon_continues_the_one_before() -> None:
    first, second = find_archival("(РГАСПИ. Ф. 17. Оп. 3. Д. 971. Л. 23; Д. 972. Л. 1 об.–2)")
    assert first.as_printed == "РГАСПИ. Ф. 17. Оп. 3. Д. 971. Л. 23"
    assert second.as_printed == "Д. 972. Л. 1 об.–2"
    assert (second.archive, second.archive_as_printed) == ("RGASPI", "")
    assert levels(second) == ("17", "3", "972", "1 об.–2")


def test_form_may_name_whose_hand_it_is_in() -> None:
    ref = only("RGASPI. F. 558. Op. 1. D. 3. L. 4. Autograph of I. V. Stalin. Pravda. 1925.")
    assert (ref.form, ref.form_as_printed) == ("autograph", "Autograph of I. V. Stalin")
    assert only("РГАСПИ. Ф. 558. Оп. 1. Д. 3. Л. 4. Автограф Сталина.").form_as_printed == "Автограф Сталина"
    assert only("RGASPI. F. 558. Op. 1. D. 3. L. 4. Autograph Political diary.").form_as_printed == "Autograph"


def test_folio_with_a_letter_and_a_verso_is_kept_as_printed() -> None:
    assert only("РГАСПИ. Ф. 17. Оп. 3. Д. 2. Л. 38а–39об.").folios == "38а–39об."


@pytest.mark.parametrize(("citation", "expected"), [
    ("РГАСПИ. Ф. 85. Оп. 1/С. Д. 10. Л. 1-3. Автограф.", ("85", "1/С", "10", "1-3")),
    ("РГАСПИ. Ф. 85. Оп. 1 с. Д. 10. Л. 1-3. Автограф.", ("85", "1 с", "10", "1-3")),
    ("RGASPI. F. 85. Op. 1/S. D. 10. L. 1-3. Autograph.", ("85", "1/S", "10", "1-3")),
    ("РГАСПИ. Ф. 558. Оп. 1. Д. 246. Вып. IV. Л. 12. Подлинник.", ("558", "1", "246", "12")),
    ("РГАСПИ. Ф. 558. Оп. 11. Д. 739. Л. 30 и об. Автограф.", ("558", "11", "739", "30 и об.")),
    ("RGASPI. F. 558. Op. 11. D. 739. L. 30 and rev. Autograph.", ("558", "11", "739", "30 and rev.")),
])
def test_secret_opis_marks_parts_of_a_file_and_both_sides_of_a_leaf(citation: str, expected: tuple[str, ...]) -> None:
    ref = only(citation)
    assert levels(ref) == expected and ref.form is not None and ref.as_printed == citation


def test_latin_o_from_ocr_and_missing_stops_still_read() -> None:
    ref = only("РГАСПИ Ф.558 Oп.11 Д.79 Л.38")
    assert levels(ref) == ("558", "11", "79", "38")


@pytest.mark.parametrize(
    "prose",
    [
        "F. Dzerzhinsky.",
        "L. Serebryakov. D. Bedny and F. Raskolnikov wrote on. 5. X. 25.",
        "I. Stalin. 5. X. 25.",
        "Ваш Сталин. 31 августа 1918 г.",
        "See p. 5 and L. 7.",
        "F. 5.",
        "Л. 38.",
        "Д. Бедный, Л. Каменев и Ф. Дзержинский.",
        "Political diary. 1964 - 1970. Amsterdam. 1972. S. 238-241.",
        "Там же. С. 420.",
    ],
)
def test_prose_with_initials_and_numbers_is_no_citation(prose: str) -> None:
    assert find_archival(prose) == []


def test_longest_archive_name_printed_is_the_one_read() -> None:
    ref = only("ЦПА ИМЛ при ЦК КПСС, ф. 558, оп. 1, д. 2, л. 3.")
    assert (ref.archive, ref.archive_as_printed) == ("RGASPI", "ЦПА ИМЛ при ЦК КПСС")
    assert ref.as_printed == "ЦПА ИМЛ при ЦК КПСС, ф. 558, оп. 1, д. 2, л. 3."


def test_archive_name_inside_a_word_is_not_read() -> None:
    ref = only("XГАРФ. Ф. 1. Оп. 2.")
    assert (ref.archive, ref.as_printed) == ("", "Ф. 1. Оп. 2.")


def test_archive_name_alone_is_no_citation() -> None:
    assert find_archival("Документы хранятся в РГАСПИ, а копии в ГАРФ.") == []


def _gold_documents() -> list[tuple[Path, dict[str, object]]]:
    documents = []
    for page in corpus_pages():
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        documents += [(page, document) for document in gold["documents"] if document.get("archive")]
    return documents


GOLD = _gold_documents()


def test_corpus_has_annotated_citations_to_check() -> None:
    assert len(GOLD) >= 10


@pytest.mark.parametrize(("page", "document"), GOLD, ids=[f"{p.parent.name}/{p.name}" for p, _ in GOLD])
def test_every_annotated_citation_of_the_corpus_is_read_as_annotated(page: Path, document: dict[str, object]) -> None:
    want = document["archive"]
    assert isinstance(want, dict)
    refs = find_archival(page.read_text(encoding="utf-8"))
    printed = [ref for ref in refs if ref.as_printed == document["archive_citation"]]
    assert printed, [ref.as_printed for ref in refs]
    ref = printed[0]
    assert ref.archive == "RGASPI"
    assert [scored(getattr(ref, level)) for level in LEVELS] == [scored(want[level]) for level in LEVELS]
    assert ref.form_as_printed == (want["form"].rstrip(".") if want["form"] else None)


@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_citation_of_a_corpus_page_is_exactly_its_span(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for ref in find_archival(text, offset=7):
        assert text[ref.span[0] - 7 : ref.span[1] - 7] == ref.as_printed


CITATION_ALPHABET = st.sampled_from(
    [
        *"FОДЛЛфопдлDLOpnl.,;:-–() \n\t0123456789абвxyzРГАСПИ",
        *("RTSKHIDNI", "Там же", "об.", "Автограф", "Op.", "ЦПА", "ИМЛ", "Ibid", "Подлинник"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CITATION_ALPHABET, max_size=60).map("".join), st.integers(min_value=0, max_value=10**6))
def test_any_text_gives_citations_that_are_exactly_their_spans(text: str, offset: int) -> None:
    for ref in find_archival(text, offset):
        assert text[ref.span[0] - offset : ref.span[1] - offset] == ref.as_printed
        tail = citation_tail(text, ref, offset)
        assert tail is None or text[tail.span[0] - offset : tail.span[1] - offset] == tail.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    find_archival(text)


@pytest.mark.parametrize(
    "adversary",
    [
        "F. " * 7000,
        "F. 1. " * 3500,
        "L. " + "1, " * 7000,
        "Л. 1 об " * 2500,
        "L. 1" + "–1" * 10000,
        "РГАСПИ." + " " * 20000 + "Ф. 5",
        "Там же. " * 3000,
        "RGASPI. F. 1. L. 2. " + "Autograph. " * 2000,
    ],
    ids=["F", "F-1", "commas", "verso", "dashes", "blanks", "ibid", "forms"],
)
def test_twenty_thousand_characters_of_near_citations_take_under_100_ms(adversary: str) -> None:
    find_archival("RGASPI. F. 1. Op. 2. D. 3. L. 4. Autograph of I. V. Stalin.")  # compile once
    started = time.perf_counter()
    find_archival(adversary)
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(("text", "levels"), [
    ("РГАСПИ. Ф. 558. Оп. 11. Д. 779. Л. 1О8. Подлинник.", ("558", "11", "779", "108")),  # Cyrillic О
    ("RGASPI. F. 558. Op. l. D. 5l2. L. 1l. Autograph.", ("558", "1", "512", "11")),
    ("RTSKhIDNI. F. 82. Op. 2. D. 1420. L. l-3. Autograph.", ("82", "2", "1420", "1-3")),  # a folio range
    ("RTsKhlDNI, f. 558, op. l, d. 5432, 1. 1. Typewritten copy.", ("558", "1", "5432", "1")),  # "1." for "l."
    ("RTsKhIDNI, f. 76, op. 3, d. 286, 11. 7-8. Autograph.", ("76", "3", "286", "7-8")),  # "11." for "ll."
])
def test_ocr_letters_for_digits_in_a_citations_numbers_are_read_as_digits(text: str,
                                                                         levels: tuple[str, ...]) -> None:
    (ref,) = find_archival(text)
    assert (ref.fond, ref.opis, ref.delo, ref.folios) == levels
    assert ref.as_printed == text[:ref.span[1]] and ref.form is not None  # printed as it stands


def test_a_lowercase_l_is_still_the_folio_level_of_a_lowercase_citation() -> None:
    (ref,) = find_archival("RGASPI, f. 558, op. 1, d. 5, l. 3")
    assert (ref.opis, ref.delo, ref.folios) == ("1", "5", "3")


def test_the_defence_ministrys_archive_with_a_lettered_fond() -> None:
    (ref,) = find_archival("ЦАМО РФ. Ф. 48а. Оп. 3410. Д. 7. Л. 81.")
    assert (ref.archive, ref.fond, ref.opis, ref.delo, ref.folios) == ("TsAMO", "48а", "3410", "7", "81")


def test_a_second_citation_without_an_archive_is_in_the_archive_of_the_first() -> None:
    original, copy = find_archival("RGASPI. F. 80. Op. 18. D. 19. L. 3. Original. Copy: F. 80. Op. 18. D. 20. L. 9.")
    assert (original.archive, copy.archive, copy.delo) == ("RGASPI", "RGASPI", "20")
    (alone,) = find_archival("F. 80. Op. 18. D. 20. L. 9.")
    assert not alone.archive  # nothing to take it from

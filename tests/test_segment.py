"""Where documents begin, and what never begins one."""

from __future__ import annotations

import itertools

import pytest

from letterbook.model import Source
from letterbook.parse import parse_source


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_source(Source(path="test.txt", sha256="0" * 64, text=text))


NAV = "Marx-Engels |  Lenin  | Stalin |  Home Page\n\n Bolshevik leadership Correspondence. 1912-1927\n" \
      "Collection of documents 1996.\n\nCompiled by: A.V.Kvashonkin, L.P.Kosheleva.\n\n"

LETTER_194 = """No. 194

P. I. Popov to I. V. Stalin

December 22, 1925

Dear comrade! I write about the figures of the CSB, d[om] No. 11 in the text.

With communist greetings, P. Popov.

RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text.
"""


def test_number_line_starts_a_letter_and_front_matter_is_collection_metadata() -> None:
    result = parse(NAV + LETTER_194)
    (letter,) = result.letters
    assert letter.number == "194"
    assert result.collection.title == "Bolshevik leadership Correspondence. 1912-1927"
    assert result.collection.year == "1996"
    assert result.collection.compilers == ("A.V.Kvashonkin", "L.P.Kosheleva")
    assert [p.kind for p in result.parts] == ["front_matter"]


def test_page_title_above_the_navigation_bar_is_not_a_letter() -> None:
    result = parse("Stalin to Lenin and Trotsky\n\n" + NAV + LETTER_194)
    assert [letter.number for letter in result.letters] == ["194"]


def test_table_of_contents_lines_do_not_start_letters() -> None:
    contents = "No. 194\nP. I. Popov to I. V. Stalin\nNo. 195\nF. E. Dzerzhinsky to G. L. Pyatakov\n\n"
    result = parse(NAV + contents + LETTER_194)
    assert [letter.number for letter in result.letters] == ["194"]


def test_the_last_contents_line_above_a_rule_does_not_start_a_letter() -> None:
    contents = "No. 193. P. I. Popov to I. V. Stalin. December 20, 1925\n" \
               "No. 194. P. I. Popov to I. V. Stalin. December 22, 1925\n\n-------------------\n\n"
    result = parse(NAV + contents + LETTER_194)
    assert [letter.number for letter in result.letters] == ["194"]


RU_LETTER = "№ 1\nН.К. Крупская — Г.К. Орджоникидзе\n[Не ранее 10 мая 1912 г.]\n\nДорогой друг! Пишу.\n\nН. К.\n"


@pytest.mark.parametrize("heads", [
    "БОЛЬШЕВИСТСКОЕ РУКОВОДСТВО\nПЕРЕПИСКА\n1912–1927\n\nМосква\nРОССПЭН\n1996\n\n"
    "СОДЕРЖАНИЕ\n\nОт составителей .......... 5\n\n",
    "ЛУБЯНКА. СТАЛИН И ВЧК–ГПУ–ОГПУ–НКВД\nЯнварь 1922 – декабрь 1936\n177\n\n",
    "В. И. ЛЕНИН\nПИСЬМА — МАЙ 1919 г.\n285\n\n",
])
def test_a_books_title_page_and_running_heads_start_no_letter(heads: str) -> None:
    result = parse(heads + RU_LETTER)
    assert [letter.number for letter in result.letters] == ["1"]


def test_a_page_number_set_far_right_above_a_heading_is_no_document_number() -> None:
    page = "Текст предыдущей страницы.\n\n" + " " * 50 + "89\n\nТелеграмма В.И. Ленина И.В. Сталину\n" \
           "23 мая 1922 г.\n\nПрошу ответить.\n\nЛенин\n"
    (letter,) = parse(page).letters
    assert letter.number is None and [p.name for p in letter.recipients] == ["И.В. Сталину"]
    (numbered,) = parse(page.replace(" " * 50 + "89", "89")).letters
    assert numbered.number == "89"  # a bare number at the margin: the document's number (Collected Works)


def test_a_heading_whose_last_name_is_hyphenated_over_two_lines_is_one_heading() -> None:
    page = "No. l98\nF. E. Dzerzhinsky to V. V. Kuiby-\nshev\nDecember l8, 1925\n\nValerian Vladimirovich!\n\nF. D.\n"
    (letter,) = parse(page).letters
    (recipient,) = letter.recipients
    assert (recipient.name, recipient.normalized) == ("V. V. Kuiby-\nshev", "V. V. Kuibyshev")
    assert page[recipient.span[0]:recipient.span[1]] == recipient.name
    assert letter.date is not None and letter.date.edtf == "1925-12-18"  # OCR's "l8" is 18


def test_page_starting_inside_a_letter_keeps_the_tail_as_a_remainder() -> None:
    tail = "and so the matter rests.\n\nStalin.\n\nRTSKHIDNI. F. 558. Op. 1. D. 1892. L. 3-5. Autograph.\n\n"
    result = parse(NAV + tail + LETTER_194)
    assert [letter.number for letter in result.letters] == ["194"]
    remainder = [p for p in result.parts if p.kind == "remainder"]
    assert len(remainder) == 1
    start, end = remainder[0].span
    assert result.source.text[start:end].startswith("and so the matter rests.")
    assert any(f.field == "letter" and "middle of a document" in f.message for f in result.findings)


def test_parts_and_letters_cover_every_character_once() -> None:
    result = parse("Stalin to Lenin\n\n" + NAV + "tail of a letter\n\nNotes:\n\n1 A note.\n\n" + LETTER_194)
    spans = sorted([p.span for p in result.parts] + [letter.span for letter in result.letters])
    assert spans[0][0] == 0 and spans[-1][1] == len(result.source.text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_a_numbered_document_with_a_heading_no_rule_reads_is_kept_with_its_heading_as_printed() -> None:
    page = NAV + ("No. 230\n\nRecord of the conversation with the German ambassador\n\nMarch 3, 1923\n\n"
                  "The ambassador asked about the concessions.\n\n" + LETTER_194)
    unread, popov = parse(page).letters
    assert (unread.number, unread.date.edtf if unread.date else None) == ("230", "1923-03-03")
    assert unread.heading is not None and unread.heading.text == "Record of the conversation with the German ambassador"
    assert unread.senders == unread.recipients == ()
    assert any(f.field == "recipients" for f in unread.findings)  # the editor sees what was not read
    assert popov.number == "194" and popov.text.startswith("Dear comrade!")
    assert "The ambassador asked" in unread.text and "Dear comrade" not in unread.text


def test_a_number_in_the_text_above_a_date_starts_no_document() -> None:
    page = NAV + LETTER_194.replace("Dear comrade!", "See No. 11\n\nthe figures\n\nDecember 1925\n\nDear comrade!")
    assert [letter.number for letter in parse(page).letters] == ["194"]


def test_the_number_and_the_heading_on_one_line() -> None:
    page = NAV + ("No. 88 V. I. Lenin to I. V. Stalin\n\nMay 5, 1921\n\nI ask you to come.\n\nLenin\n\n"
                  "№ 89 И. В. Сталин — В. И. Ленину\n\n6 мая 1921 г.\n\nПриеду.\n\nСталин\n")
    first, second = parse(page).letters
    assert (first.number, [p.name for p in first.senders], first.date.edtf if first.date else None) == (
        "88", ["V. I. Lenin"], "1921-05-05")
    assert first.number_span is not None and page[first.number_span[0]:first.number_span[1]] == "No. 88"
    assert (second.number, [p.name for p in second.recipients]) == ("89", ["В. И. Ленину"])


def test_a_number_line_with_ocr_letters_for_digits_gives_the_number_meant_and_says_so() -> None:
    page = NAV + LETTER_194.replace("No. 194", "No. l94") \
        + "\n\n№ 2O3 И. В. Сталин — В. И. Ленину\n\n6 мая 1921 г.\n\n" \
        "Приеду.\n\nСталин\n\nNo. 12a\n\nP. I. Popov to I. V. Stalin\n\nDecember 23, 1925\n\nAgain.\n"
    first, second, third = parse(page).letters
    assert [first.number, second.number, third.number] == ["194", "203", "12a"]
    assert any(f.field == "number" and "194" in f.message for f in first.findings)
    assert not any(f.field == "number" for f in third.findings)


@pytest.mark.parametrize("line", ["Document 12", "Doc. 12", "Letter 12", "Letter No. 12", "Nº 12", "N° 12",
                                  "No. 12*", "Документ 12", "Док. 12", "TELEGRAM No. 12", "Телеграмма № 12",
                                  "· 12 ·"])
def test_number_lines_in_the_forms_of_other_editions_and_conversions(line: str) -> None:
    page = f"{line}\n\nStalin to Kaganovich\n\n12 June 1931\n\nPostpone it.\n\nJ. Stalin\n\n" \
           "Document 13\n\nKaganovich to Stalin\n\n15 June 1931\n\nAgreed.\n\nL. Kaganovich\n"
    first, second = parse(page).letters
    assert (first.number, second.number) == ("12", "13")
    assert first.signature is not None and first.signature.text == "J. Stalin"


def test_a_word_beginning_like_a_number_prefix_is_no_number_line() -> None:
    assert [letter.number for letter in parse("Letters 12\n\nStalin to Kaganovich\n\n12 June 1931\n\nNo.\n").letters] \
        == [None]


def test_a_heading_wrapped_over_two_lines_is_read_whole() -> None:
    page = ("No. 193\n\nF. E. Dzerzhinsky to I. V. Stalin,\nG. K. Ordzhonikidze\n\nOctober 7, 1925\n\n"
            "I withdraw my statement. F. Dzerzhinsky.\n\n"
            "G. K. Ordzhonikidze to F. E.\nDzerzhinsky\n\nOctober 7, 1925\n\nYou did the right thing. Sergo.\n")
    first, second = parse(page).letters
    assert [p.name for p in first.recipients] == ["I. V. Stalin", "G. K. Ordzhonikidze"]
    assert [p.name.split() for p in second.recipients] == [["F.", "E.", "Dzerzhinsky"]]
    assert [p.name for p in second.senders] == ["G. K. Ordzhonikidze"]


def test_an_unnumbered_heading_over_a_bracketed_date_no_rule_reads_still_starts_a_letter() -> None:
    page = NAV + ("Stalin Correspondences\n\nJ. V. Stalin - L. B. Kamenev\n\n[Early in the autumn of 1922]\n\n"
                  "Comrade Kamenev!\n\nI have read the draft. It will do.\n\nJ. Stalin.\n")
    (letter,) = parse(page).letters
    assert [p.name for p in letter.recipients] == ["L. B. Kamenev"]
    assert letter.date is None and letter.text.startswith("[Early in the autumn of 1922]")  # kept, not lost
    assert any(f.field == "date" for f in letter.findings)


def test_an_unnumbered_heading_over_a_bracket_closed_before_the_year() -> None:
    page = NAV + ("Stalin Correspondences\n\nJ. V. Stalin - L. B. Kamenev\n\n[Not earlier than June 2] 1922\n\n"
                  "Comrade Kamenev!\n\nI have read the draft.\n\nJ. Stalin.\n")
    (letter,) = parse(page).letters
    assert letter.date is not None and letter.date.edtf == "1922-06-02/.."


def test_a_number_over_the_authors_place_and_date_begins_a_document_without_a_heading() -> None:
    result = parse("№ 132\nИ. В. Сталин — Г. К. Орджоникидзе\n10 июня 1926 г.\nСерго! Жду ответа.\nИ. Ст.\n\n"
                   "№ 133\nТифлис, 14/VI.\nДорогой Коба!\nПриехал вчера, подробности потом.\nТвой Серго\n"
                   "РЦХИДНИ. Ф. 558. Оп. 1. Д. 2730. Л. 1–2. Автограф.\n")
    assert [letter.number for letter in result.letters] == ["132", "133"]
    second = result.letters[1]
    assert second.dateline is not None and second.dateline.as_printed == "Тифлис, 14/VI."
    assert second.signature is not None and second.signature.text == "Твой Серго"
    assert "Приехал вчера" not in result.source.text[slice(*result.letters[0].span)]


def test_a_number_over_a_date_without_a_place_is_no_document_start() -> None:
    result = parse("№ 133\n14/VI.\nПриехал вчера, подробности потом.\n")
    assert result.letters == ()


STALIN_WORKS = """ТОВАРИЩАМ ИВАНОВУ И ПЕТРОВУ
Товарищи!
Письмо ваше получил. Исключать надо не за чтение, а за работу.
С коммунистическим приветом
И. Сталин
7 февраля 1926 г.
Печатается впервые
112
И. В. СТАЛИН
ТОВ. СИДОРОВУ
Тов. Сидоров!
Вашу записку получил и прочел с интересом.
"""


def test_addressees_in_capitals_and_the_dative_over_a_salutation_begin_letters_without_numbers() -> None:
    result = parse(STALIN_WORKS)
    assert [[p.name for p in letter.recipients] for letter in result.letters] == [["ИВАНОВУ", "ПЕТРОВУ"], ["СИДОРОВУ"]]
    first = result.letters[0]
    assert first.date is not None and first.date.edtf == "1926-02-07"
    assert "Вашу записку" not in result.source.text[slice(*first.span)]


def test_the_authors_running_head_in_capitals_over_a_salutation_begins_no_letter() -> None:
    assert parse("И. В. СТАЛИН\nТоварищи!\nПисьмо ваше получил.\n").letters == ()


@pytest.mark.parametrize(("first", "second", "body"), [
    ("L. D. Trotsky to the members of the Politburo of the", "Central Committee of the RCP(b)",
     "the members of the Politburo of the\nCentral Committee of the RCP(b)"),
    ("F. E. Dzerzhinsky to the Politburo of the Central", "Committee of the RCP (b)",
     "the Politburo of the Central\nCommittee of the RCP (b)"),
])
def test_a_bodys_name_cut_at_the_end_of_a_headings_line_goes_on_below(first: str, second: str, body: str) -> None:
    result = parse(f"No. 7\n{first}\n{second}\nApril 15, 1923\nComrades! I propose to discuss it.\nL. Trotsky\n")
    (letter,) = result.letters
    assert [p.name for p in letter.recipients] == [body]
    assert letter.date is not None and letter.date.edtf == "1923-04-15"
    assert letter.dateline is None  # the editors' date is no date line of the author's


def test_a_kind_word_alone_between_the_heading_and_the_editors_date() -> None:
    result = parse("No. 5\nMolotov and Bukharin to Stalin\nTelegram\n9 August 1927\nWe agree with your proposal.\n"
                   "Molotov, Bukharin\n")
    (letter,) = result.letters
    assert letter.kind == "telegram"
    assert letter.date is not None and letter.date.edtf == "1927-08-09"
    assert letter.dateline is None and not letter.text.startswith("Telegram")

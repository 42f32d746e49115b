"""What a historian checks on real pages: the letters, their parties, dates, citations, notes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import CORPUS, REPO
from consistency import assert_result_consistent
from letterbook.model import Calendar, ParseResult, PartyKind, Source
from letterbook.parse import Conventions, parse_source
from letterbook.parse.conventions import DEFAULT
from letterbook.parse.header import parse_heading
from letterbook.pipeline import parse_file


def parse(path: Path) -> ParseResult:
    return parse_file(path)


def parse_text(page: str, conventions: Conventions = DEFAULT) -> ParseResult:
    return parse_source(Source(path="sample.txt", sha256="0" * 64, text=page), conventions)


def test_seed_page_holds_an_unnumbered_letter_and_number_194() -> None:
    result = parse(CORPUS / "seed" / "000.txt")
    first, second = result.letters
    assert first.number is None and second.number == "194"
    assert [p.name for p in first.recipients] == ["I. V. Stalin", "G. K. Ordzhonikidze"]
    assert first.date is not None and first.date.edtf == "1925-10-05/1925-10-06"
    assert second.dateline is not None and second.dateline.as_printed == "22/XII-25"
    assert second.signature is not None and second.signature.text == "With communist greetings, P. Popov."
    assert [ps.text[:2] for ps in second.postscripts] == ["PS"]


def test_seed_notes_keep_their_cross_references_and_the_field_code_is_a_finding() -> None:
    result = parse(CORPUS / "seed" / "000.txt")
    first = result.letters[0]
    assert len(first.notes) == 4
    refs = {(r.document, r.note) for note in first.notes for r in note.refs}
    assert refs == {("183", "1"), ("209", "1"), ("187", "1")}
    assert any("field code" in f.message for f in result.every_finding)


def test_archival_citation_is_normalised_to_todays_archive_and_keeps_the_printed_name() -> None:
    letter = parse(CORPUS / "seed" / "000.txt").letters[1]
    (ref,) = letter.archival
    assert (ref.archive, ref.archive_as_printed, ref.fond, ref.opis, ref.delo, ref.folios) == (
        "RGASPI", "RTSKHIDNI", "558", "2", "192", "1-2")
    assert ref.form == "typescript"


def test_publication_after_the_citation_on_the_same_line_is_an_earlier_publication() -> None:
    letter = parse(CORPUS / "seed" / "000.txt").letters[0]
    assert [p.text for p in letter.publications] == ["Political diary. 1964 - 1970. Amsterdam. 1972. S. 238-241."]


def test_citations_inside_notes_belong_to_the_notes() -> None:
    letter = parse(CORPUS / "ru" / "006.txt").letters[0]
    assert [(a.fond, a.delo) for a in letter.archival] == [("558", "79")]
    assert any(a.fond == "17" for note in letter.notes for a in note.archival)


def test_istmat_heading_with_the_date_in_the_same_line() -> None:
    (letter,) = parse(CORPUS / "ru" / "009.txt").letters
    assert [p.name for p in letter.senders] == ["Каганович", "Молотов"]
    assert [p.normalized for p in letter.recipients] == ["Сталин"]
    assert letter.date is not None and letter.date.edtf == "1935-09-07"
    assert letter.signature is not None and letter.signature.text == "Каганович. Молотов."


def test_sender_printed_nowhere_is_taken_from_the_signature_as_implied() -> None:
    (letter,) = parse(CORPUS / "ru" / "012.txt").letters
    (sender,) = letter.senders
    assert sender.implied and sender.name == "Сталин"


def test_lenin_collected_works_page_splits_at_bare_numbers_not_at_page_numbers() -> None:
    result = parse(REPO / "tests" / "data" / "inputs" / "lenin-pss-page.txt")
    assert [letter.number for letter in result.letters] == ["118", "119"]
    second = result.letters[1]
    assert second.recipients[0].kind is PartyKind.ORGANISATION
    assert second.date is not None and second.date.edtf == "1918-04-23"
    assert any("running head" in f.message for f in result.every_finding)


def test_dates_before_february_1918_are_julian_with_gregorian_bounds() -> None:
    page = "No. 3\n\nV. I. Lenin to I. V. Stalin\n\nFebruary 27 [1915]\n\nDear friend! Write more often.\n\nLenin.\n"
    (letter,) = parse_text(page).letters
    date = letter.date
    assert date is not None and date.calendar is Calendar.JULIAN and date.inferred
    assert date.edtf == "1915-02-27"  # as printed, Old Style
    assert date.earliest == date.latest == datetime.date(1915, 3, 12)  # the same day, New Style


def test_a_collection_printed_new_style_reads_early_dates_as_gregorian() -> None:
    page = "No. 3\n\nV. I. Lenin to I. V. Stalin\n\nFebruary 27 [1915]\n\nDear friend! Write more often.\n\nLenin.\n"
    (letter,) = parse_text(page, Conventions(julian_before=None)).letters
    assert letter.date is not None and letter.date.calendar is Calendar.GREGORIAN
    assert letter.date.earliest == datetime.date(1915, 2, 27)



def test_the_place_in_the_date_line_is_the_place_of_writing_not_the_address_above_it() -> None:
    page = ("Telegram from A. L. Sheinman to G. V. Chicherin, G. K. Ordzhonikidze\n\nDecember 6, 1920\n\n"
            "Moscow.\n\nNarkomindel Comrade Chicherin.\n\nBaku Comrade Ordzhonikidze.\n\n"
            "Tiflis, December 6, 1920\n\nThe attitude of the government towards us has changed.\n\n"
            "One of my employees has been arrested.\n\nI ask for instructions.\n\nThe mission waits.\n\n"
            "The trains are late.\n\nSheinman\n")
    letter, = parse_text(page).letters
    assert letter.place is not None and letter.place.name == "Tiflis"


def test_a_place_on_its_own_line_above_a_bare_date_line_is_the_place_of_writing() -> None:
    page = ("No. 7\n\nI. V. Stalin to V. I. Lenin\n\nFebruary 1, 1920\n\nSerpukhov.\n\nFebruary 1, 1920.\n\n"
            "The front is quiet.\n\nThe grain has come.\n\nThe trains are late.\n\nStalin\n")
    letter, = parse_text(page).letters
    assert letter.place is not None and letter.place.name == "Serpukhov"


def test_a_page_label_ending_in_a_colon_is_not_taken_for_the_author_above_a_heading() -> None:
    page = ("Том 17\nШрифт:\nИз телеграммы Э. Синклеру 21 ноября 1931 года\nФильм задерживается.\nПривет.\n"
            "Сталин.\n")
    letter, = parse_text(page).letters
    assert [p.name for p in letter.senders] == ["Сталин"]  # from the signature, not "Шрифт"


def test_a_letter_without_a_sender_takes_the_author_the_running_heads_name() -> None:
    page = ("116\nТЕЛЕГРАММА ПРЕДСЕДАТЕЛЮ СОВЕТА\nСообщите обстоятельства дела.\nПредседатель Совнаркома Ленин\n"
            "Написано 20 апреля 1918 г.\n62\nВ. И. ЛЕНИН\n117\nВ МАЛЫЙ СОВНАРКОМ\n21. IV. 1918 г.\n"
            "Советую настоятельно рассмотреть дело.\n")
    result = parse_text(page)
    first, second = result.letters
    assert [p.name for p in first.senders] == ["Ленин"]  # signed: the signature names him
    assert [(p.name, p.implied) for p in second.senders] == [("В. И. ЛЕНИН", True)]
    assert any("running head" in f.message for f in second.findings)


def test_running_heads_naming_two_people_imply_no_sender() -> None:
    page = ("117\nВ МАЛЫЙ СОВНАРКОМ\nСоветую рассмотреть дело.\n62\nВ. И. ЛЕНИН\n63\nИ. В. СТАЛИН\n"
            "Рассмотреть дело.\n")
    letter, = parse_text(page).letters
    assert letter.senders == ()


WORKS_PAGE = ("Том 17\nШрифт:\nИз телеграммы Э. Синклеру 21 ноября 1931 года\nФильм задерживается.\nПривет.\n"
              "Сталин.\nСталин и Каганович. Переписка. 1931–1936 гг. С. 101.\n"
              "Письмо К.Е. Ворошилову 21 ноября 1931\nПривет Климу!\nПисьмо получил. Дела с Японией сло")


def senders(page: str) -> list[list[tuple[str, bool]]]:
    return [[(p.name, p.implied) for p in letter.senders] for letter in parse_text(page).letters]


def test_an_unsigned_letter_takes_the_one_signer_of_the_pages_letters_headed_by_their_addressee() -> None:
    assert senders(WORKS_PAGE) == [[("Сталин", True)], [("Сталин", True)]]
    cut_off = parse_text(WORKS_PAGE).letters[1]
    assert any("every other letter of the page" in f.message for f in cut_off.findings)


def test_no_sender_is_implied_where_a_heading_names_one_or_the_signatures_differ() -> None:
    heading_names_one = WORKS_PAGE.replace("Письмо К.Е. Ворошилову", "Каганович — Ворошилову").replace(
        "Привет Климу!", "Привет Климу!\nПисьмо Э. Синклеру 22 ноября 1931\nПривет.")
    assert senders(heading_names_one) == [[("Сталин", True)], [("Каганович", False)], []]
    two_signers = WORKS_PAGE.replace("С. 101.\n", "С. 101.\nПисьмо Кагановичу 22 ноября 1931\nПривет.\nМолотов.\n"
                                     "Там же. С. 102.\n")
    assert senders(two_signers) == [[("Сталин", True)], [("Молотов", True)], []]
    assert senders(WORKS_PAGE.replace("Привет.\nСталин.\n", "")) == [[], []]


def test_a_signature_with_the_name_he_went_by_in_brackets_is_read() -> None:
    letter, = parse_text("No. 3\nV. I. Lenin to L. B. Kamenev\nJuly 14, 1925\nDear Lev Borisovich!\n"
                         "The trains with grain have not yet arrived.\nV. Ulyanov (Lenin)\n").letters
    assert letter.signature is not None and letter.signature.text == "V. Ulyanov (Lenin)"


def test_a_date_line_under_the_postscript_is_the_letters_date_line() -> None:
    letter, = parse_text("No. 238\nV. I. Lenin to L. M. Kaganovich\nAugust 10, 1924\nThe order must go out.\n"
                         "Lenin\nPS The answer is needed by Monday.\nAugust 10th 1924.\n").letters
    assert letter.dateline is not None and letter.dateline.as_printed == "August 10th 1924."
    assert [p.text for p in letter.postscripts] == ["PS The answer is needed by Monday."]


def test_copy_to_a_comrade_under_the_date_is_a_note_not_a_heading() -> None:
    letter, = parse_text("No. 72\nL. B. Kamenev - F. E. Dzerzhinsky\nDecember 26, 1913\nCopy to Comrade Kamenev.\n"
                         "December 26th 1913.\nDear Felix!\nPlease inform me about our plans.\n").letters
    assert letter.number == "72" and [p.name for p in letter.senders] == ["L. B. Kamenev"]


def test_a_surname_alone_on_the_last_line_of_the_page_is_the_signature_not_navigation() -> None:
    letter, = parse_text("V. I. Lenin — L. B. Kamenev\n[previously July 14, 1925]\nDear Lev Borisovich!\n"
                         "The question must be put to the Politburo before the plenum.\nLenin\n").letters
    assert letter.signature is not None and letter.signature.text == "Lenin"


def test_an_address_line_above_the_text_is_no_signature_when_the_text_is_cut_off() -> None:
    paragraph = "Линия южнее Царицына еще не восстановлена, гоню и ругаю всех, кого нужно. " * 3
    letter, = parse_text(f"Сталин И.В.\nПисьмо В.И. Ленину\n7 июля 1918 г.\nТоварищу Ленину\n"
                         f"Спешу на фронт.\n1) {paragraph}\n2) {paragraph}\n").letters
    assert letter.signature is None


@pytest.mark.parametrize(("closing", "signer"), [
    ("Привет! И. Сталин.", "И. Сталин"), ("Привет. Ваш Молотов.", "Молотов"), ("Жму руку. Ваш Серго.", "Серго"),
    ("Regards. Your V. Molotov.", "V. Molotov"), ("Firmly shake your hand. Sergo.", "Sergo"),
])
def test_a_closing_and_the_signature_on_one_line_are_the_signature(closing: str, signer: str) -> None:
    letter, = parse_text(f"No. 5\n\nV. M. Molotov to I. V. Stalin\n\nSeptember 5, 1931\n\n"
                         f"Hello, Koba! I received your letter. Things are going well.\n\n{closing}\n").letters
    assert letter.signature is not None and letter.signature.text == closing
    assert [p.name for p in letter.senders] == ["V. M. Molotov"]  # the heading's, not the signature's


def test_a_closing_alone_is_no_signature() -> None:
    for closing in ("Привет.", "Привет!", "Regards."):
        letter, = parse_text(f"No. 5\n\nV. M. Molotov to I. V. Stalin\n\nSeptember 5, 1931\n\nThings go well.\n\n"
                             f"{closing}\n").letters
        assert letter.signature is None, closing


@pytest.mark.parametrize(("line", "signer"), [
    ("Председатель ВСНХ Ф. Дзержинский", "Ф. Дзержинский"), ("Наркомвоенмор Л. Троцкий", "Л. Троцкий"),
    ("Нарком по иностранным делам Г. Чичерин", "Г. Чичерин"),
    ("People's Commissar for Foreign Affairs G. Chicherin", "G. Chicherin"),
    ("Народный комиссар по иностранным делам М. Литвинов", "М. Литвинов"),
    ("Народный комиссар внутренних дел Союза ССР Л. Берия", "Л. Берия"),
])
def test_a_signature_after_the_signers_office_is_read_with_it(line: str, signer: str) -> None:
    letter, = parse_text(f"Письмо В.В. Куйбышеву\n\n5 сентября 1924 г.\n\nТов. Куйбышеву.\n\n"
                         f"Прошу рассмотреть вопрос о металле.\n\n{line}\n").letters
    assert letter.signature is not None and letter.signature.text == line
    assert [(p.name, p.implied) for p in letter.senders] == [(signer, True)]


def test_an_address_to_a_comrade_is_no_signature() -> None:
    letter, = parse_text("Дзержинский — Куйбышеву\n\n5 сентября 1924 г.\n\nТов. Куйбышеву.\n\n"
                         "Прошу рассмотреть вопрос о металле.\n").letters
    assert letter.signature is None


def test_publication_notes_and_citation_under_a_russian_letter_without_a_notes_heading() -> None:
    letter, = parse_text("Сталин — Молотову\n\n5 сентября 1931 г.\n\nВячеслав! Получил письмо.\n\nИ. Сталин.\n\n"
                         "РГАСПИ. Ф. 558. Оп. 11. Д. 739. Л. 70. Автограф.\n\n"
                         "Опубл.: Известия ЦК КПСС. 1989. № 12. С. 185.\n\n"
                         "1 Речь идет о письме от 2 сентября.\n2 См. док. № 5.\n").letters
    assert [(a.fond, a.delo, a.folios) for a in letter.archival] == [("558", "739", "70")]
    assert [p.text for p in letter.publications] == ["Опубл.: Известия ЦК КПСС. 1989. № 12. С. 185."]
    assert [n.number for n in letter.notes] == ["1", "2"] and letter.text == "Вячеслав! Получил письмо.\n\nИ. Сталин."


def test_published_for_the_first_time_is_a_publication_line_under_the_citation() -> None:
    letter, = parse_text("Сталин — Молотову\n\n5 сентября 1931 г.\n\nВячеслав! Получил письмо.\n\nИ. Сталин.\n\n"
                         "РГАСПИ. Ф. 558. Оп. 11. Д. 739. Л. 70. Автограф.\n\nПубликуется впервые.\n").letters
    assert len(letter.archival) == 1 and [p.text for p in letter.publications] == ["Публикуется впервые."]


def test_signers_separated_by_commas_at_the_end_of_a_telegrams_last_sentence() -> None:
    letter, = parse_text("Каганович, Молотов, Орджоникидзе — Сталину\n\n5 сентября 1931 г.\n\nСочи. Тов. Сталину.\n\n"
                         "Просим разрешить выезд комиссии в Харьков на неделю1. Каганович, Молотов, Серго.\n").letters
    assert letter.signature is not None and letter.signature.text == "Каганович, Молотов, Серго."


def test_a_collected_works_title_naming_its_addressee_in_the_dative_in_e_starts_a_document() -> None:
    page = ("146\nТЕЛЕГРАММА Ф. Э. ДЗЕРЖИНСКОМУ\nПрошу принять меры.\nПредсовнаркома Ленин\nНаписано 14 мая 1918 г.\n"
            "147\nА. Д. ЦЮРУПЕ\n15. V. 1918 г.\nТов. Цюрупа! Прошу Вас.\nВаш Ленин\nНаписано 15 мая 1918 г.\n")
    telegram, letter = parse_text(page).letters
    assert (telegram.number, letter.number) == ("146", "147")
    assert [p.name for p in letter.recipients] == ["А. Д. ЦЮРУПЕ"]
    assert [p.name for p in telegram.senders] == ["Ленин"]  # past his office, "Предсовнаркома"
    assert telegram.date is not None and telegram.date.edtf == "1918-05-14"


def test_a_heading_whose_date_carries_a_note_marker_starts_a_document() -> None:
    for marker in ("1", "*"):
        letter, = parse_text(f"Сталин — Кагановичу 15 июня 1932 г.{marker}\n\nЗдравствуйте, Лазарь!\n\n"
                             "Получил.\n\nИ. Сталин.\n").letters
        assert letter.date is not None and letter.date.edtf == "1932-06-15"
        assert [p.name for p in letter.recipients] == ["Кагановичу"]


def test_english_collected_works_titles_under_bare_numbers_start_documents() -> None:
    page = ("146\nTELEGRAM TO F. E. DZERZHINSKY\nTake measures.\nChairman of the Council of People's Commissars Lenin\n"
            "Written May 14, 1918\n62\nV. I. LENIN\n147\nTO A. D. TSYURUPA\nMay 15, 1918\n"
            "Comrade Tsyurupa! I ask you.\nYours, Lenin\n")
    telegram, letter = parse_text(page).letters
    assert [(x.number, x.kind, x.date.edtf if x.date else None) for x in (telegram, letter)] == [
        ("146", "telegram", "1918-05-14"), ("147", "letter", "1918-05-15")]
    assert [p.name for p in letter.recipients] == ["A. D. TSYURUPA"]


@pytest.mark.parametrize("signature", ["Каганович, Орджоникидзе, Молотов, Ворошилов.",
                                       "G. Zinoviev. L. Kamenev. I. Stalin."])
def test_a_politburo_telegram_signed_by_four_members_or_by_initials_after_full_stops(signature: str) -> None:
    letter, = parse_text(f"No. 5\n\nG. E. Zinoviev to V. I. Lenin\n\nMay 5, 1921\n\nWe ask for consent.\n\n"
                         f"{signature}\n").letters
    assert letter.signature is not None and letter.signature.text == signature


def test_a_citation_translated_by_machine_and_notes_headed_remarks() -> None:
    letter, = parse_text("No. 5\n\nG. E. Zinoviev to V. I. Lenin\n\nMay 5, 1921\n\nWe ask for consent.\n\n"
                         "G. Zinoviev.\n\nRGASPI. F. 85. Op. 18. D. 204. L. 1-1 about. Autograph.\n\nRemarks:\n\n"
                         "1 See document No. 4.\n").letters
    assert [(a.folios, a.form) for a in letter.archival] == [("1-1 about", "autograph")]
    assert [n.number for n in letter.notes] == ["1"] and letter.publications == ()


def test_an_istmat_title_with_the_sender_in_the_genitive_starts_a_document() -> None:
    letter, = parse_text("№ 232\n\nЗаписка Г. Г. Ягоды И. В. Сталину о протоколе допроса\n\n10 марта 1934 г.\n\n"
                         "Секретно.\n\nНаправляю протокол.\n\nГ. Ягода\n").letters
    assert letter.number == "232" and [p.normalized for p in letter.senders] == ["Г. Г. Ягода"]
    assert [p.normalized for p in letter.recipients] == ["И. В. Сталин"]
    assert letter.signature is not None and letter.signature.text == "Г. Ягода"


_RUSSIAN_LETTER = "Письмо И.В. Сталину\n\n5 сентября 1931 г.\n\nПолучил Ваше письмо. Дела идут хорошо.\n\n"
_ENGLISH_TELEGRAM = "Telegram to V. I. Lenin\n\nOctober 3, 1918\n\nThe front holds. We need shells.\n\n"


@pytest.mark.parametrize(("page", "closing", "signer"), [
    (_RUSSIAN_LETTER, "Крепко жму Вашу руку. Ваш Л. Каганович.", "Л. Каганович"),
    (_RUSSIAN_LETTER, "До свидания. Крепко жму руку. Ваш Л. Каганович.", "Л. Каганович"),
    (_RUSSIAN_LETTER, "С ком. приветом Л. Каганович", "Л. Каганович"),
    (_RUSSIAN_LETTER, "Greetings to you. Sergo.", "Sergo"),
    (_RUSSIAN_LETTER, "Зам. председателя ОГПУ Г. Ягода", "Г. Ягода"),
    (_RUSSIAN_LETTER, "Deputy Chairman of the OGPU G. Yagoda.", "G. Yagoda"),
    (_RUSSIAN_LETTER, "Chairman of the Caucasian Bureau Ordzhonikidze.", "Ordzhonikidze"),
    (_ENGLISH_TELEGRAM, "With comm. greetings, I. Stalin.", "I. Stalin"),
    (_ENGLISH_TELEGRAM, "With Bolshevik greetings, Sergo.", "Sergo"),
    (_ENGLISH_TELEGRAM, "Sincerely yours, Sergo.", "Sergo"),
    (_ENGLISH_TELEGRAM, "Hello to Nadya. Sergo.", "Sergo"),
    (_ENGLISH_TELEGRAM, "Your Sergo!", "Sergo"),
    (_ENGLISH_TELEGRAM, "MEMBER OF REVVOENSOVET YUZHFRONTA STALIN.", "STALIN"),
])
def test_closings_and_offices_the_rules_do_not_list_word_by_word(page: str, closing: str, signer: str) -> None:
    letter, = parse_text(f"{page}{closing}\n").letters
    assert letter.signature is not None and letter.signature.text == closing
    assert [p.name for p in letter.senders] == [signer]


def test_the_heading_sender_run_into_the_last_sentence_is_the_signature_not_the_address_above() -> None:
    letter, = parse_text("Сталин — Кагановичу, Молотову\n\n12 сентября 1931 г.\n\n"
                         "Москва. ЦК ВКП(б). Кагановичу, Молотову.\n\n"
                         "Получил ваши предложения. Лучше оставить Осинского. Сталин.\n").letters
    assert letter.signature is not None and letter.signature.text == "Сталин."
    unsigned, = parse_text("Сталин — Кагановичу\n\n12 сентября 1931 г.\n\nКагановичу, Молотову.\n\n"
                           "Лучше оставить Осинского. Молотов.\n").letters  # not the heading's sender
    assert unsigned.signature is None


@pytest.mark.parametrize(("heading", "last_line", "signature"), [
    ("Орджоникидзе — Сталину", "Дорогой Коба! Завод идет плохо. Твой Серго.", "Твой Серго."),
    ("Voroshilov to Stalin", "Koba! The tanks are ready. I am leaving tonight. Yours, Klim.", "Yours, Klim."),
    ("Сталин — Кагановичу", "Т. Каганович! Надо форсировать вывоз хлеба. Ст.", "Ст."),
    ("Сталин — Молотову", "Вячеслав! Получил. Согласен. И. Ст.", "И. Ст."),
    ("Stalin to Molotov", "Vyacheslav! We must hurry up with grain. Greetings. St.", "Greetings. St."),
])
def test_a_closing_or_the_senders_name_cut_short_run_into_the_last_sentence_is_the_signature(
        heading: str, last_line: str, signature: str) -> None:
    letter, = parse_text(f"№ 5\n{heading}\n\n{last_line}\nРГАСПИ. Ф. 558. Оп. 11. Д. 779. Л. 30. Автограф.\n").letters
    assert letter.signature is not None and letter.signature.text == signature
    dated, = parse_text(f"№ 5\n{heading}\n\n{last_line}\nСочи. 14.VIII.31.\n").letters  # above the author's date
    assert dated.signature is not None and dated.signature.text == signature


@pytest.mark.parametrize(("heading", "line", "signature"), [
    ("Письмо Политбюро И.В. Сталину", "По поручению Политбюро В. Молотов.", "По поручению Политбюро В. Молотов."),
    ("Letter of the Politburo to J. V. Stalin", "On behalf of the Politburo V. Molotov.",
     "On behalf of the Politburo V. Molotov."),
])
def test_a_member_signing_for_a_body_is_the_signature(heading: str, line: str, signature: str) -> None:
    letter, = parse_text(f"№ 5\n{heading}\n\nТоварищ Сталин! Просим ответить.\n{line}\n").letters
    assert letter.signature is not None and letter.signature.text == signature


def test_a_one_word_request_before_the_signer_is_no_second_signer() -> None:
    letter, = parse_text("№ 5\nЗаписка Ленина Зиновьеву\n\nГригорий! Приезжай. Ленин.\n").letters
    assert letter.signature is not None and letter.signature.text == "Ленин."


@pytest.mark.parametrize(("heading", "line"), [
    ("Антонов — Ленину", "Главковерх Антонов."),  # the office run into one word
    ("Н.К. Крупская — Г.К. Орджоникидзе", "Крепко жму руку. Ваша Н."),
    ("M. I. Kalinin to I. V. Stalin", "With greeting M. Kalinin."),
])
def test_closings_with_an_initial_alone_or_a_singular_greeting_are_signatures(heading: str, line: str) -> None:
    letter, = parse_text(f"№ 5\n{heading}\n\nДорогой друг! Пишу.\n\n{line}\n").letters
    assert letter.signature is not None and letter.signature.text == line


@pytest.mark.parametrize(("opening", "kind"), [
    ("Шифром.", "cipher telegram"), ("TELEGRAM", "telegram"), ("Cipher. Moscow. CC VKP(b). To Kaganovich.",
                                                              "cipher telegram"),
    ("Телеграмма получена, ответим завтра.", "letter"),  # a sentence about a telegram
])
def test_a_mark_opening_the_text_says_what_an_untitled_document_is(opening: str, kind: str) -> None:
    letter, = parse_text(f"№ 5\nСталин — Кагановичу\n12 августа 1932 г.\n\n{opening}\nСогласен.\n\nСталин\n").letters
    assert letter.kind == kind


def test_a_title_naming_only_the_town_takes_the_addressee_from_the_address_line() -> None:
    letter, = parse_text("184\nТЕЛЕГРАММА В КАЗАНЬ\nКазань. Реввоенсовет Восточного фронта\n"
                         "Требую немедленного наступления.\nПредсовнаркома Ленин\nНаписано 23 июля 1918 г.\n").letters
    assert [p.name for p in letter.recipients] == ["Реввоенсовет Восточного фронта"]  # not "КАЗАНЬ"
    assert letter.kind == "telegram"


def test_a_signer_under_the_date_line_is_no_place_and_a_date_under_the_signature_no_note() -> None:
    lenin, = parse_text("151\nВ ПОЛИТБЮРО ЦК РКП(б)\nПредлагаю отложить.\n5/VIII.\nЛенин\n"
                        "Написано 5 августа 1919 г.\n").letters
    assert lenin.signature is not None and lenin.signature.text == "Ленин"
    stalin, = parse_text("No. 163\nStalin to Lenin\nDecember 15, 1922\n\nAgreed.\n\nI. Stalin.\n\n15.XII.22.\n\n"
                         "RTSKHIDNI. F. 17. Op. 2. D. 87. L. 3. Autograph.\n").letters
    assert stalin.dateline is not None and stalin.dateline.as_printed == "15.XII.22." and not stalin.notes


def test_a_wartime_message_is_dated_by_its_sending_or_receipt_line() -> None:
    sent, received = parse_text("No. 45\n\nPERSONAL AND SECRET FROM PREMIER J. V. STALIN TO THE PRESIDENT, MR. "
                                "F. D. ROOSEVELT\n\nYour message has been received.\n\nSent on June 11, 1943.\n\n"
                                "No. 46\n\nPERSONAL AND SECRET FROM THE PRESIDENT TO MARSHAL STALIN\n\n"
                                "I am sending you the decision.\n\nROOSEVELT\n\nReceived on June 15, 1943.\n").letters
    assert sent.date is not None and sent.date.edtf == "1943-06-11"
    assert received.date is not None and received.date.edtf == "1943-06-15"


def test_a_date_without_its_year_then_the_signature_on_one_line() -> None:
    letter, = parse_text("No. 209\nStalin to Molotov\nJune 15, 1926\n\nTrotsky is not to be touched.\n\n"
                         "15/VI. I. Stalin.\n\nRTSKHIDNI. F. 558. Op. 1. D. 5388. L. 1-5. Autograph.\n").letters
    assert letter.dateline is not None and letter.dateline.edtf == "1926-06-15"
    assert letter.signature is not None and letter.signature.text == "I. Stalin."


def test_numbered_points_of_a_letter_are_neither_publications_nor_notes() -> None:
    letter, = parse_text("№ 5\nСталин — Кагановичу\n26 августа 1931 г.\n\n1) Согласен.\n"
                         "2) Валютный план на 4-й квартал (№ 118) утвердить (в 1931 г. 140 млн. руб.).\n"
                         "3) Поездку Микояна отложить.\n\nПривет! И. Сталин.\n26.VIII.31 г.\n\n"
                         "РГАСПИ. Ф. 558. Оп. 11. Д. 739. Л. 40–47. Автограф.\n").letters
    assert not letter.publications and not letter.notes and [a.archive for a in letter.archival] == ["RGASPI"]
    assert letter.signature is not None and letter.signature.text == "Привет! И. Сталин."


def test_a_cipher_telegrams_number_its_date_and_its_signers_on_one_line() -> None:
    letter, = parse_text("№ 5\nКаганович, Молотов, Ворошилов — Сталину\n2 сентября 1933 г.\n\nШифровка.\n\n"
                         "Просим пленума.\n\n№ 52/ш. 2.IX.33 г. Каганович, Молотов, Ворошилов.\n").letters
    assert letter.dateline is not None and letter.dateline.as_printed == "2.IX.33 г."
    assert letter.signature is not None and letter.signature.text == "Каганович, Молотов, Ворошилов."


def test_the_senders_nickname_run_into_the_last_sentence_signs_only_his_letter() -> None:
    signed, unsigned = parse_text("No. 5\nOrdzhonikidze to Stalin\nMay 5, 1925\n\nKoba! It cannot wait. Sergo.\n\n"
                                  "No. 6\nStalin to Ordzhonikidze\nMay 6, 1925\n\nI agree with you. Sergo.\n").letters
    assert signed.signature is not None and signed.signature.text == "Sergo."
    assert unsigned.signature is None  # the addressee's nickname


@pytest.mark.parametrize("last_line", [
    "Т. Каганович! Надо форсировать вывоз хлеба. Мо.",  # not the sender's name
    "Т. Каганович! Надо форсировать вывоз хлеба. Твой.",  # a closing without a name
    "Koba! The tanks are ready. I am leaving tonight. Moscow.",
])
def test_no_signature_is_read_from_a_last_sentence_that_names_no_sender(last_line: str) -> None:
    letter, = parse_text(f"№ 5\nСталин — Кагановичу\n\n{last_line}\n").letters
    assert letter.signature is None


@pytest.mark.parametrize("page", [
    "Записка Л.Д. Троцкому [1921 год]\n\nЛев Давидович! Прошу прислать сведения о фронте.\n\nЛенин\n",
    "Записка Л.Д. Троцкому\n\n1921 г.\n\nЛев Давидович! Прошу прислать сведения о фронте.\n\nЛенин\n",
])
def test_a_document_dated_by_its_year_alone_starts_under_its_heading(page: str) -> None:
    letter, = parse_text(page).letters
    assert letter.date is not None and letter.date.edtf in ("1921", "1921?")
    assert [p.name for p in letter.recipients] == ["Л.Д. Троцкому"]


def test_a_postscript_above_the_citation_is_the_authors_and_a_translated_year_word_ends_a_heading() -> None:
    letter, = parse_text("No. 5\n\nL. M. Kaganovich to I. V. Stalin\n\nJuly 30, 1932\n\nWe received your letter.\n\n"
                         "Your L. Kaganovich.\n\nP.S. 15/V. We also decided to wait. L. K.\n\n"
                         "RGASPI. F. 558. Op. 11. D. 740. L. 5. Autograph.\n").letters
    assert letter.publications == () and [p.text for p in letter.postscripts] == [
        "P.S. 15/V. We also decided to wait. L. K."]
    titled, = parse_text("L. M. Kaganovich - I. V. Stalin July 30, 1932 year\n\nHello, dear comrade Stalin!\n\n"
                         "We received.\n\nYour L. Kaganovich.\n").letters
    assert titled.date is not None and titled.date.edtf == "1932-07-30"


def test_the_editors_note_of_when_a_telegram_was_sent_dates_it() -> None:
    page = "116\nТЕЛЕГРАММА Л. Д. ТРОЦКОМУ\nПрошу принять меры.\nЛенин\nТелеграмма послана 10 июля 1918 г.\n"
    letter, = parse_text(page).letters
    assert letter.date is not None and letter.date.edtf == "1918-07-10"


@pytest.mark.parametrize("undated", ["b/d", "[b/d]", "Undated", "[No date]", "[Без даты]", "Б/д"])
def test_an_unnumbered_letter_the_editors_call_undated_is_kept(undated: str) -> None:
    first, second = parse_text(f"G. K. Ordzhonikidze to I. V. Stalin\n\n{undated}\n\nDear Koba! I write about oil.\n\n"
                               "Your Sergo.\n\nI. V. Stalin to G. K. Ordzhonikidze\n\nMay 5, 1923\n\nSergo! Got it.\n\n"
                               "Stalin.\n").letters
    assert first.date is None and first.text.startswith("Dear Koba!") and first.signature is not None
    assert second.date is not None and second.date.edtf == "1923-05-05"


def test_a_place_after_the_date_under_the_signature_is_not_the_signature() -> None:
    letter, = parse_text("No. 5\n\nG. K. Ordzhonikidze to I. V. Stalin\n\nNovember 13, 1922\n\n"
                         "Dear Koba! I write about the oil.\n\nYour Sergo.\n\nNovember 13, 1922 Moscow\n").letters
    assert letter.signature is not None and letter.signature.text == "Your Sergo."


@pytest.mark.parametrize("signature", ["Твой Коба.", "Ваш И. Сталин.", "Сталин."])
def test_a_signature_under_the_authors_date_line_is_no_place(signature: str) -> None:
    letter, = parse_text(f"Сталин — Кагановичу\n\n12 сентября 1933 г.\n\nЗдравствуйте, Лазарь! Получил Ваше письмо.\n\n"
                         f"12.IX.33 г.\n\n{signature}\n").letters
    assert letter.signature is not None and letter.signature.text == signature


@pytest.mark.parametrize(("heading", "line", "signature", "dateline"), [
    ("Каганович — Сталину", "Ваш Л. Каганович. 12/IX.", "Ваш Л. Каганович.", "12/IX."),
    ("Сталин — Кагановичу", "Привет! И. Сталин. 14.IX.33 г.", "Привет! И. Сталин.", "14.IX.33 г."),
    ("Сталин — Кагановичу", "Сталин. 14.IX.33 г.", "Сталин.", "14.IX.33 г."),
    ("G. K. Ordzhonikidze to I. V. Stalin", "Your Sergo. 12/IX.", "Your Sergo.", "12/IX."),
])
def test_a_signature_and_the_authors_date_on_one_line_are_both_read(heading: str, line: str, signature: str,
                                                                     dateline: str) -> None:
    letter, = parse_text(f"{heading}\n\n12 сентября 1933 г.\n\nЗдравствуйте! Получил Ваше письмо.\n\n{line}\n").letters
    assert letter.signature is not None and letter.signature.text == signature
    assert letter.dateline is not None and letter.dateline.as_printed == dateline
    assert letter.dateline.place is None


def test_a_place_before_the_date_under_the_text_stays_the_place_of_writing() -> None:
    letter, = parse_text("Молотов — Сталину\n\n15 сентября 1921 г.\n\nПолучил. Обсудим на Политбюро.\n\n"
                         "Москва. 15.IX.21\n").letters
    assert letter.signature is None
    assert letter.dateline is not None and letter.dateline.place is not None
    assert letter.dateline.place.text == "Москва"


def test_a_yearless_date_line_under_a_collected_works_title_is_not_part_of_the_addressee() -> None:
    letter, = parse_text("216\nГ. Е. ЗИНОВЬЕВУ\n11/VII.\nТов. Зиновьев! Прошу прислать сведения.\nЛенин\n").letters
    assert [p.name for p in letter.recipients] == ["Г. Е. ЗИНОВЬЕВУ"]
    assert letter.dateline is not None and letter.dateline.as_printed.startswith("11/VII")


def test_a_place_and_date_under_the_signature_is_the_authors_date_line_not_a_publication() -> None:
    letter, = parse_text("Сталин — Кагановичу\n\n12 сентября 1933 г.\n\nЗдравствуйте, Лазарь! Получил Ваше письмо.\n\n"
                         "И. Сталин.\n\nМосква, 12 сентября 1933 г.\n").letters
    assert letter.dateline is not None and letter.dateline.as_printed == "Москва, 12 сентября 1933 г."
    assert letter.publications == ()


def test_a_collected_works_title_repeated_as_a_running_head_leaves_the_document_its_apparatus() -> None:
    page = ("302\nПИСЬМО А. Д. ЦЮРУПЕ\nТов. Цюрупа! Прошу Вас принять меры по продовольствию Москвы.\nВаш Ленин\n"
            "Написано 15 апреля 1920 г.\nВпервые напечатано в 1933 г.\n"
            "в Ленинском сборнике XXIV Печатается по рукописи\n"
            "ПИСЬМО А. Д. ЦЮРУПЕ\n197\n304\nЛ. Б. КАМЕНЕВУ\n21. IV. 1920 г.\nТов. Каменев! Я согласен.\nЛенин\n")
    letter, kamenev = parse_text(page).letters
    assert letter.date is not None and letter.date.edtf == "1920-04-15"
    assert letter.signature is not None and letter.signature.text == "Ваш Ленин"
    assert any("running head" in f.message for f in letter.findings)
    assert [p.name for p in kamenev.senders] == ["Ленин"]  # the dative title is no author of the page


def test_an_asterisk_note_beginning_with_a_date_under_the_citation_is_a_note_not_a_publication() -> None:
    letter, = parse_text("No. 202\n\nV. M. Molotov to I. V. Stalin\n\nDecember 7, 1926\n\nKoba! Received *.\n\n"
                         "Molotov.\n\nRGASPI. F. 558. Op. 1. D. 5389. L. 1. Autograph.\n\n"
                         "* 2 December 1926 the plenum of the CC closed its session; see document No. 201.\n").letters
    assert letter.publications == ()
    note, = letter.notes
    assert note.number == "*" and note.text.startswith("2 December 1926")
    assert [ref.document for ref in note.refs] == ["201"]


@pytest.mark.parametrize("notes", ["", "Notes:\n1 The plenum of the CC.\n\n"])
def test_the_next_documents_number_at_the_end_of_the_page_leaves_the_citation_and_notes_alone(notes: str) -> None:
    letter, = parse_text("No. 204\nI. V. Stalin to V. M. Molotov\nDecember 5, 1926\n\nVyacheslav! We must act 1.\n"
                         f"Stalin.\n\nRGASPI. F. 558. Op. 1. D. 5388. L. 1-2. Autograph.\n\n{notes}No. 205\n").letters
    assert [(a.archive, a.delo) for a in letter.archival] == [("RGASPI", "5388")]
    assert [n.text for n in letter.notes] == (["The plenum of the CC."] if notes else [])
    assert any("next document (205)" in f.message for f in letter.findings)


@pytest.mark.parametrize("number", ["[1]", "(1)", "1)", "1.", "1", "¹"])
def test_notes_under_the_citation_without_a_heading_in_every_printed_numbering(number: str) -> None:
    letter, = parse_text("№ 52\nН.И. БУХАРИН — И.В. СТАЛИНУ\n12 октября 1927 г.\n\nКоба! Надо кончать на съезде.1\n\n"
                         "Твой Николай\n\nРЦХИДНИ. Ф. 558. Оп. 2. Д. 45. Л. 10. Подлинник. Автограф.\n\n"
                         f"{number} См. док. № 48.\n").letters
    assert letter.signature is not None and letter.signature.text == "Твой Николай"
    assert [(a.fond, a.delo) for a in letter.archival] == [("558", "45")]
    note, = letter.notes
    assert [ref.document for ref in note.refs] == ["48"]


@pytest.mark.parametrize(("apparatus", "citation"), [
    ("РГАСПИ. Ф. 558. Оп. 2. Д. 45. Л. 10. Подлинник. Автограф карандашом.",
     "РГАСПИ. Ф. 558. Оп. 2. Д. 45. Л. 10. Подлинник. Автограф карандашом."),
    ("РГАСПИ. Ф. 558. Оп. 2. Д. 45. Л. 10. Подлинник. Машинопись.\nИмеются пометы И.В. Сталина.",
     "РГАСПИ. Ф. 558. Оп. 2. Д. 45. Л. 10. Подлинник. Машинопись.\nИмеются пометы И.В. Сталина."),
    ("RTsKhIDNI. F. 2. Op. 1. D. 6170. L. 1. Telegraph form.",
     "RTsKhIDNI. F. 2. Op. 1. D. 6170. L. 1. Telegraph form."),
])
def test_the_editors_description_of_the_document_belongs_to_its_citation(apparatus: str, citation: str) -> None:
    letter, = parse_text(f"№ 151\nГ.В. ЧИЧЕРИН — И.В. СТАЛИНУ\n17 марта 1925 г.\n\nПрошу разрешить выезд.\n\n"
                         f"Г. Чичерин\n\n{apparatus}\n").letters
    assert letter.signature is not None and letter.signature.text == "Г. Чичерин"
    assert [a.as_printed for a in letter.archival] == [citation]
    assert letter.publications == ()


def test_a_publication_after_the_citation_on_its_line_stays_a_publication() -> None:
    letter, = parse_text("№ 151\nГ.В. ЧИЧЕРИН — И.В. СТАЛИНУ\n17 марта 1925 г.\n\nПрошу.\n\nГ. Чичерин\n\n"
                         "РГАСПИ. Ф. 558. Оп. 2. Д. 32. Л. 5. Подлинник. Опубл.: Известия ЦК КПСС. 1990. № 7. С. 12.\n"
                         ).letters
    assert [p.text for p in letter.publications] == ["Опубл.: Известия ЦК КПСС. 1990. № 7. С. 12."]


@pytest.mark.parametrize(("body", "signature"), [
    ("Согласен.\n\nСталин.", "Сталин."), ("За.\n\nСталин.", "Сталин."), ("Согласен. Сталин.", "Сталин."),
    ("Agreed.\n\nStalin.", "Stalin."),
])
def test_a_vote_as_the_whole_text_is_no_signer(body: str, signature: str) -> None:
    letter, = parse_text(f"Телеграмма Л.М. Кагановичу 12 июля 1932 года\n\n{body}\n").letters
    assert letter.signature is not None and letter.signature.text == signature
    assert [p.name for p in letter.senders] == [signature.rstrip(".")]


def test_a_short_last_line_above_a_citation_that_reads_like_pages_is_no_publication() -> None:
    # "P. 205" (a folder) once made the line above read as the start of a publication: IndexError.
    letter, = parse_text("No. 190\n\nG. V. Chicherin to I. V. Stalin\n\nMay 20, 1925\n\n"
                         "The British note has been received.\n\n"
                         "AVP RF. F. 04. Op. 32. P. 205. D. 52. L. 1-3.\n").letters
    assert [(a.archive, a.delo) for a in letter.archival] == [("AVPRF", "52")]
    assert letter.publications == () and letter.text == "The British note has been received."


def test_ibid_takes_the_archive_and_levels_of_the_citation_above_it_on_the_page() -> None:
    page = ("№ 111\nЛенин — Цюрупе\n20 февраля 1922 г.\n\nПроверьте Госплан.\n\nЛенин\n\n"
            "РГАСПИ. Ф. 2. Оп. 1. Д. 22600. Л. 1. Автограф.\n\n"
            "№ 112\nЛенин — Цюрупе\n21 февраля 1922 г.\n\nПроверьте НК РКИ.\n\nЛенин\n\nТам же. Л. 3. Автограф.\n")
    _, second = parse_text(page).letters
    ref, = second.archival
    assert (ref.archive, ref.fond, ref.opis, ref.delo, ref.folios) == ("RGASPI", "2", "1", "22600", "3")
    assert ref.as_printed == "Там же. Л. 3. Автограф."
    assert any(f.field == "archival" and "Там же" in f.message for f in second.findings)


def test_ibid_with_no_citation_above_it_on_the_page_stays_as_printed_and_says_so() -> None:
    letter, = parse_text("№ 112\nЛенин — Цюрупе\n21 февраля 1922 г.\n\nПроверьте.\n\nЛенин\n\nТам же. Л. 3.\n").letters
    ref, = letter.archival
    assert (ref.archive, ref.delo, ref.folios) == ("", None, "3")
    assert any(f.field == "archival" and "not on this page" in f.message for f in letter.findings)


def test_a_body_in_words_and_initials_before_to_is_the_sender() -> None:
    letter, = parse_text("No. 132\n\nPolitburo of the CC RCP (b) to G. K. Ordzhonikidze\n\nDecember 20, 1921\n\n"
                         "The Politburo instructs you to report.\n\nSecretary of the CC V. Molotov.\n").letters
    assert [(p.name, p.kind) for p in letter.senders] == [("Politburo of the CC RCP (b)", PartyKind.ORGANISATION)]
    assert [p.name for p in letter.recipients] == ["G. K. Ordzhonikidze"]


def test_a_page_footnote_between_the_signature_and_the_citation_leaves_both_in_place() -> None:
    letter, = parse_text("No. 120\n\nV. I. Lenin to G. K. Ordzhonikidze\n\nMarch 2, 1921\n\nI ask you to reply.*\n\n"
                         "Lenin.\n\n* Underlined by Lenin.\n\n"
                         "RTsKhIDNI. F. 2. Op. 1. D. 17432. L. 1. Typewritten copy.\n").letters
    assert letter.signature is not None and letter.signature.text == "Lenin."
    assert [(a.fond, a.delo) for a in letter.archival] == [("2", "17432")]
    note, = letter.notes
    assert (note.number, note.text) == ("*", "Underlined by Lenin.")


@pytest.mark.parametrize("label", ["Attachment", "Appendix", "Приложение"])
def test_an_enclosure_label_under_the_signature_is_not_signed(label: str) -> None:
    letter, = parse_text("No. 210\n\nF. E. Dzerzhinsky to V. V. Kuibyshev\n\nMay 15, 1926\n\nI send the draft.\n\n"
                         f"F. Dzerzhinsky.\n\n{label}\n\nDraft resolution of the Politburo\n\n"
                         "1. To reduce the staff by 20%.\n\nRTsKhIDNI. F. 76. Op. 2. D. 270. L. 31-33. Autograph.\n"
                         ).letters
    assert letter.signature is not None and letter.signature.text == "F. Dzerzhinsky."


@pytest.mark.parametrize(("heading", "line", "senders"), [
    ("Сталин И.В.\n\nТелеграмма Л.М. Кагановичу", "Совместно с В.М. Молотовым", ["Сталин И.В.", "В. М. Молотов"]),
    ("И.В. Сталин — Л.М. Кагановичу", "Совместно с В.М. Молотовым и К.Е. Ворошиловым",
     ["И.В. Сталин", "В. М. Молотов", "К. Е. Ворошилов"]),
    ("I. V. Stalin to L. M. Kaganovich", "Jointly with V. M. Molotov", ["I. V. Stalin", "V. M. Molotov"]),
])
def test_a_line_naming_who_wrote_with_the_author_adds_the_co_authors(heading: str, line: str,
                                                                      senders: list[str]) -> None:
    result = parse_text(f"{heading}\n\n{line}\n\n5 сентября 1933 года\n\nСогласны с проектом.\n\nСталин, Молотов.\n")
    assert_result_consistent(result)
    letter, = result.letters
    assert [p.normalized or p.name for p in letter.senders] == senders
    assert letter.date is not None and letter.date.edtf == "1933-09-05"


@pytest.mark.parametrize(("lines", "signature"), [
    ("Member of the RVS of the Republic /Stalin/", "Member of the RVS of the Republic /Stalin/"),
    ("(signed) Gusev", "(signed) Gusev"), ("Stalin [signature]", "Stalin [signature]"),
    ("Сталин (подпись)", "Сталин (подпись)"), ("Yours truly, G. Chicherin.", "Yours truly, G. Chicherin."),
])
def test_signatures_as_typed_copies_print_them(lines: str, signature: str) -> None:
    letter, = parse_text("No. 70\n\nI. V. Stalin to S. I. Gusev\n\nOctober 3, 1919\n\nCopy.\n\n"
                         f"I order the transfer of two divisions.\n\n{lines}\n\n"
                         "RTsKhIDNI. F. 558. Op. 1. D. 1820. L. 3. Copy.\n").letters
    assert letter.signature is not None and letter.signature.text == signature


def test_a_word_of_receipt_before_the_signer_on_the_last_line_is_not_signed() -> None:
    letter, = parse_text("No. 147\n\nV. I. Lenin to L. B. Kamenev\n\nJanuary 5, 1923\n\nKamenev! Received. Lenin.\n"
                         ).letters
    assert letter.signature is not None and letter.signature.text == "Lenin."


@pytest.mark.parametrize("mark", ["[...]", "[…]", "<...>", "..."])
def test_the_editors_omission_mark_before_the_closing_of_an_extract_is_not_signed(mark: str) -> None:
    letter, = parse_text("№ 77\nГ.К. Орджоникидзе — С.М. Кирову\n12 января 1926 г.\n\n"
                         f"{mark} Надо ехать в Ленинград.\n\n{mark} Крепко обнимаю. Твой Серго.\n").letters
    assert letter.signature is not None and letter.signature.text == "Крепко обнимаю. Твой Серго."


def test_citations_labelled_original_and_copy_are_both_read() -> None:
    letter, = parse_text("No. 231\n\nG. E. Zinoviev to I. V. Stalin\n\nNovember 9, 1926\n\nI object.\n\nZinoviev.\n\n"
                         "Original: APRF. F. 3. Op. 24. D. 259. L. 5. Copy: RTsKhIDNI. F. 17. Op. 2. D. 246. L. 14.\n"
                         ).letters
    assert [(a.archive, a.fond, a.delo, a.form) for a in letter.archival] == [
        ("APRF", "3", "259", None), ("RGASPI", "17", "246", None)]


@pytest.mark.parametrize(("line", "archive", "delo"), [
    ("Печатается по подлиннику. Автограф. РГАСПИ. Ф. 2. Оп. 1. Д. 6910. Л. 1–1 об.", "RGASPI", "6910"),
    ("Печатается по копии. РГАСПИ. Ф. 2. Оп. 2. Д. 1250. Л. 1. Машинописная копия.", "RGASPI", "1250"),
    ("Printed from the original. RGASPI. F. 2. Op. 1. D. 6910. L. 1.", "RGASPI", "6910"),
])
def test_a_citation_after_what_the_edition_printed_from_on_its_line_is_read(line: str, archive: str,
                                                                            delo: str) -> None:
    letter, = parse_text(f"№ 7\nТелеграмма Ленина Троцкому\n22 августа 1918 г.\n\nБлагодарю за сведения.\n\n"
                         f"Ленин\n\n{line}\n").letters
    assert [(a.archive, a.delo) for a in letter.archival] == [(archive, delo)]


def test_a_document_sites_links_and_comment_box_after_the_document_are_not_its_text() -> None:
    letter, = parse_text("Главная » Документы » 1918 год\n\n№ 7\nТелеграмма Ленина Троцкому\n22 августа 1918 г.\n\n"
                         "Благодарю за сведения.\n\nЛенин\n\nРГАСПИ. Ф. 2. Оп. 1. Д. 6910. Л. 1.\n\n"
                         "« Предыдущий документ: Записка Ленина Склянскому\n"
                         "Следующий документ: Телеграмма Троцкого Ленину »\n\nКомментарии (0)\nДобавить комментарий\n"
                         ).letters
    assert letter.signature is not None and letter.signature.text == "Ленин"
    assert [a.archive for a in letter.archival] == ["RGASPI"] and "документ" not in letter.text


def test_a_decisions_numbered_points_under_its_protocol_line_are_its_text_not_notes() -> None:
    letter, = parse_text("Document 12\nDecision of the Politburo of the CC VKP(b) on grain procurements\n"
                         "16 March 1932\n\nExtract from Protocol No. 93 of the meeting of the Politburo of 16 March "
                         "1932.\n\n1. To oblige the CC CP(b)U to complete the plan.\n2. To send Comrade Mikoyan.*\n\n"
                         "Secretary of the CC J. Stalin\n\nAPRF. F. 3. Op. 40. D. 80. L. 58. Original.\n\n"
                         "* The loan was increased (see Document 15).\n").letters
    assert letter.number == "12" and [p.normalized for p in letter.senders] == ["Politburo of the CC VKP(b)"]
    assert letter.signature is not None and letter.signature.text == "Secretary of the CC J. Stalin"
    assert len(letter.notes) == 1 and [a.archive for a in letter.archival] == ["APRF"]


def test_numbered_notes_after_a_page_footnote_and_a_blank_line_are_notes_of_their_own() -> None:
    letter, = parse_text("No. 213\nN. I. Bukharin to I. V. Stalin\nOctober 12, 1926\n\nKoba! Prices 1 and 2.\n\n"
                         "Your Nikolai.\n\nRGASPI. F. 558. Op. 11. D. 709. L. 1. Autograph.\n\nNotes:\n\n"
                         "* The words are underlined by Stalin.\n\n1 XV Conference of the VKP (b).\n\n"
                         "2 See document No. 211.\n").letters
    assert [n.number for n in letter.notes] == ["*", "1", "2"]


def test_note_one_between_the_signature_and_the_citation_of_a_compact_page_is_a_note() -> None:
    letter, = parse_text("No. 303\nStalin to Kaganovich\nSeptember 4, 1934\nThe article is weak 1 .\nStalin.\n"
                         "1 See note 2 to document No. 296.\nRGASPI. F. 558. Op. 11. D. 85. L. 50. Copy.\n").letters
    assert [(n.number, [(r.document, r.note) for r in n.refs]) for n in letter.notes] == [("1", [("296", "2")])]
    assert letter.signature is not None and letter.signature.text == "Stalin."
    assert [a.archive for a in letter.archival] == ["RGASPI"] and "See note" not in letter.text


LENIN_INTERNET_ARCHIVE = """Lenin Internet Archive | Collected Works | Volume 44 | Letters and telegrams, 1918

V. I. Lenin

To: J. V. STALIN*

Written: 14 July 1918
First Published: 1942 in Lenin Miscellany XXXIV
Source: Lenin's Collected Works, Progress Publishers, Moscow, 1970, Volume 44, pages 118-119
Transcription/Markup: R. Cymbala

Tsaritsyn
To Stalin

Received your telegram about the oil barges.[1] Send off at once everything that is ready.

Lenin

Sent from Moscow to Tsaritsyn

* The telegram is a reply to Stalin's telegram of July 13, 1918.—Ed.

Notes

[1] Stalin reported that twelve barges were held at Astrakhan.

TELEGRAM TO G. K. ORDZHONIKIDZE

Written: 2 March 1921
First Published: 1959 in Lenin Miscellany XXXVI

Tiflis
To Ordzhonikidze

Wire reply.

Lenin
"""


def test_the_lenin_internet_archives_titles_and_labelled_lines() -> None:
    first, second = parse_text(LENIN_INTERNET_ARCHIVE).letters
    assert [p.name for p in first.recipients] == ["J. V. STALIN"] and [p.name for p in first.senders] == ["V. I. Lenin"]
    assert first.date is not None and first.date.edtf == "1918-07-14"
    assert [p.text for p in first.publications][:1] == ["1942 in Lenin Miscellany XXXIV"]
    assert first.text.startswith("Tsaritsyn") and "Cymbala" not in first.text
    assert [n.number for n in first.notes] == ["*", "1"]
    assert [p.name for p in second.recipients] == ["G. K. ORDZHONIKIDZE"] and second.kind == "telegram"
    assert second.date is not None and second.date.edtf == "1921-03-02"


COLLECTED_WORKS_EN = """432
TO A. D. TSYURUPA

Comrade Tsyurupa,

Please check the figures.

Lenin

Written on February 9, 1922
First published in 1959 Printed from the original
in Lenin Miscellany XXXVI

433
NOTE TO G. V. CHICHERIN
WITH A DRAFT DECISION FOR THE POLITBURO*

Comrade Chicherin, I propose the following decision.

Chairman of the Council of People's Commissars
V. Ulyanov (Lenin)

Dictated by telephone on February 11, 1922
First published in 1965 in the Fifth Russian Printed from the original
edition of the Collected Works, Vol. 44

* See Document No. 429.-Ed.

434
TO THE POLITBURO OF THE C.C., R.C.P.(B.)

I am against the proposal.

Lenin

Written on February 14, 1922
"""


def test_a_publication_wrapped_over_three_lines_in_two_columns_is_one() -> None:
    letter, = parse_text("24\nИ. В. СТАЛИНУ\nДорогой друг!\nПолучили оба письма.\nКрепко жму руку. Ваш Ильин\n"
                         "Написано 8 (21) декабря 1912 г.\nПослано из Кракова в Петербург\n"
                         "Впервые напечатано в 1964 г. Печатается по копии,\nв Полном собрании сочинений, "
                         "снятой департаментом полиции\n5 изд., том 48\n").letters
    assert letter.signature is not None and letter.signature.text == "Крепко жму руку. Ваш Ильин"
    assert letter.date is not None and letter.date.edtf == "1912-12-08"
    assert [p.text.splitlines()[-2:] for p in letter.publications] == [
        ["в Полном собрании сочинений, снятой департаментом полиции", "5 изд., том 48"]]


def test_a_publication_ending_in_a_bracketed_line_leaves_the_written_date_readable() -> None:
    letter, = parse_text("419\nЗАПИСКА СЕКРЕТАРЮ\nПрошу достать брошюры.\nЛенин\nНаписано 15 декабря 1922 г.\n"
                         "Впервые напечатано в 1945 г.\nв Ленинском сборнике XXXV Печатается по записи секретаря\n"
                         "(Л. А. Фотиевой)\n").letters
    assert letter.date is not None and letter.date.edtf == "1922-12-15"
    assert letter.publications and letter.publications[-1].text.splitlines()[-1] == "(Л. А. Фотиевой)"


def test_the_english_collected_works_titles_and_two_column_publication_lines() -> None:
    first, second, third = parse_text(COLLECTED_WORKS_EN).letters
    assert [p.text for p in first.publications] == [
        "First published in 1959 Printed from the original\nin Lenin Miscellany XXXVI"]
    assert first.date is not None and first.date.edtf == "1922-02-09" and "Written" not in first.text
    assert [p.name for p in second.recipients] == ["G. V. CHICHERIN"]
    assert second.date is not None and second.date.edtf == "1922-02-11"  # "Dictated by telephone on ..."
    assert [p.name for p in second.senders] == ["V. Ulyanov (Lenin)"]  # not "Commissars"
    assert [p.name for p in third.recipients] == ["THE POLITBURO OF THE C.C., R.C.P.(B.)"]


def test_a_page_footnote_goes_to_the_document_whose_heading_holds_its_marker() -> None:
    page = ("21\nВ НАРОДНЫЙ КОМИССАРИАТ\nПО ВОЕННЫМ ДЕЛАМ*\nПредлагаю сформировать отряд.\n"
            "Председатель Совета Народных Комиссаров\nВ. Ульянов (Ленин)\nНаписано 28 ноября 1917 г.\n"
            "22\nВ ПРЕЗИДИУМ ВСНХ\nПрошу рассмотреть вопрос.\nВ. Ульянов (Ленин)\nНаписано 22 января 1918 г.\n"
            "* Документ написан на бланке Совета Народных Комиссаров. Ред.\n")
    first, second = parse_text(page).letters
    assert [n.number for n in first.notes] == ["*"] and not second.notes
    assert first.notes[0].anchor is not None and page[first.notes[0].anchor[0]] == "*"
    assert [p.name for p in first.senders] == ["В. Ульянов (Ленин)"]  # not "Комиссаров"


def test_a_note_whose_marker_is_in_the_heading_is_anchored_there() -> None:
    page = "198\nПИСЬМО Г. К. ОРДЖОНИКИДЗЕ*\nДорогой Серго!\nПишу коротко.\nВаш Ленин\n* На письме пометка.\n"
    letter, = parse_text(page).letters
    (note,) = letter.notes
    assert note.anchor is not None and page[note.anchor[0]] == "*"
    assert not [f for f in letter.findings if "no marker" in f.message]


def test_the_number_a_telegram_went_out_under_after_the_date_line_is_no_publication() -> None:
    letter, = parse_text("TELEGRAM No. 123\nTrotsky to Lenin\n17 August 1918\n\nSend aircraft.\n\n"
                         "Predrevvoyensovet TROTSKY\nSviyazhsk, 17.VIII.1918. No. 1043.\n\n"
                         "RGVA. F. 33987. Op. 1. D. 25. L. 112. Typewritten copy.\n").letters
    assert letter.dateline is not None and letter.dateline.as_printed == "Sviyazhsk, 17.VIII.1918."
    assert not letter.publications


def test_notes_under_the_citation_may_begin_with_a_date() -> None:
    letter, = parse_text("№ 268\nЛ.М. Каганович — И.В. Сталину\n12 сентября 1934 г.\n\nВчера решили завезти хлеб1.\n"
                         "Привет! Л. Каганович.\n\nРГАСПИ. Ф. 558. Оп. 11. Д. 743. Л. 31–39. Автограф.\n\n"
                         "1 17 сентября 1934 г. ПБ утвердило постановление.\n2 Благонравов Г.И.\n").letters
    assert [a.archive for a in letter.archival] == ["RGASPI"]
    assert [n.text[:16] for n in letter.notes] == ["17 сентября 1934", "Благонравов Г.И."]


@pytest.mark.parametrize(("line", "signature"), [("STALIN. No. 3251.", "STALIN."), ("Сталин. № 3251.", "Сталин.")])
def test_a_telegrams_outgoing_number_after_the_signature_is_not_part_of_it(line: str, signature: str) -> None:
    letter, = parse_text("No. 80\n\nTelegram from I. V. Stalin to V. I. Lenin\n\nJune 4, 1918\n\nTSARITSYN\n\n"
                         f"GRAIN IS BEING SENT. THE LINE IS FREE.\n\n{line}\n").letters
    assert letter.signature is not None and letter.signature.text == signature


def test_a_collected_works_page_with_a_section_heading_double_dates_and_a_short_rule() -> None:
    page = ("В. И. Ленин. Полное собрание сочинений. Том 48\n\nПИСЬМА\n\n1912\n\n151\n\nИ. В. СТАЛИНУ\n\n"
            "Ранее 24 декабря 1912 г. (6 января 1913 г.)\n\nДорогой друг! Текст письма о Луче.\n\nВаш В. Ильин\n\n"
            "152\n\nЛ. Б. КАМЕНЕВУ\n\nПозднее 8 (21) февраля 1913 г.\n\nДорогой Л. Б.! Коба уехал в Питер2.\n\n"
            "Ваш Ленин\n\nВпервые напечатано в 1930 г. в Ленинском сборнике XIII\n\nПечатается по рукописи\n\n"
            "____\n\n1 См. примечание 3 к документу № 148.\n\n2 И. В. Сталин вернулся в Петербург.\n")
    first, second = parse_text(page).letters
    assert first.date is not None
    assert (first.date.edtf, first.date.latest) == ("../1912-12-24", datetime.date(1913, 1, 6))
    assert second.signature is not None and second.signature.text == "Ваш Ленин"
    assert len(second.notes) == 2
    assert all(p.name != "ПИСЬМА" for letter in (first, second) for p in letter.senders)


@pytest.mark.parametrize(("body", "signature"), [
    ("Согласен с проектом решения о хлебозаготовках. Сталин.", "Сталин."),
    ("I am sending you the material.\n\nF. D.", "F. D."),
    ("Текст большой и важный.\n\nКагановичу, Ворошилову, Орджоникидзе.", None),
    ("Текст большой и важный.\n\nЧленам Политбюро.", None),
])
def test_signatures_where_the_heading_names_no_sender(body: str, signature: str | None) -> None:
    letter, = parse_text(f"Письмо Л.М. Кагановичу 29 сентября 1930 года\n\nМосква. ЦК. Кагановичу.\n\n{body}\n").letters
    assert (letter.signature.text if letter.signature else None) == signature


def test_a_books_title_with_a_possessive_is_no_letter() -> None:
    page = "Stalin's Letters to Molotov 1925-1936\n\nLetter 27\n\n23 August 1926\n\nMolotov, ...\n\nGreetings! J. St.\n"
    letter, = parse_text(page).letters
    assert letter.number == "27" and letter.date is not None and letter.date.edtf == "1926-08-23"


def test_notes_printed_after_the_last_document_go_to_the_one_whose_text_has_the_marker() -> None:
    page = ("No. 40\n\nJ. V. Stalin to V. I. Lenin\n\nMay 19, 1919\n\nSend two reliable regiments immediately 1 .\n\n"
            "Stalin.\n\nNo. 41\n\nV. I. Lenin to J. V. Stalin\n\nMay 20, 1919\n\nRegiments will be sent 2 .\n\n"
            "Lenin\n\nNotes:\n\n1 See document No. 38.\n\n2 The 3rd Division.\n")
    result = parse_text(page)
    assert_result_consistent(result)
    first, second = result.letters
    assert [(n.number, [r.document for r in n.refs]) for n in first.notes] == [("1", ["38"])]
    assert first.notes[0].anchor is not None and page[first.notes[0].anchor[0]:].startswith("1")
    assert [n.number for n in second.notes] == ["2"]
    assert not any("no marker" in f.message for f in second.findings)


def test_a_page_footnote_the_citation_and_then_the_notes_proper_are_each_read() -> None:
    letter, = parse_text("No. 120\n\nV. I. Lenin to G. K. Ordzhonikidze\n\nMarch 2, 1921\n\nNot the Russian pattern¹. "
                         "I ask you to reply.*\n\nLenin.\n\n* Underlined by Lenin.\n\n"
                         "RTsKhIDNI. F. 2. Op. 1. D. 17432. L. 1. Typewritten copy.\n\nNotes:\n\n"
                         "¹ On February 25, 1921, Soviet power was proclaimed in Georgia.\n").letters
    assert [(a.fond, a.delo) for a in letter.archival] == [("2", "17432")]
    assert [(n.number, n.text[:10]) for n in letter.notes] == [("*", "Underlined"), ("1", "On Februar")]


def test_grachevs_lines_under_the_source_are_apparatus_not_the_letters_text() -> None:
    # Stalin's Works vols. 1-13 on Grachev's library (as ru/005): where the notes are printed,
    # then the site's word on its red page marks, then the letter.
    page = ("Сталин И.В.\n\nПисьмо В.И. Ленину\n\n7 июля 1918 г.\n\n \n\nИсточник:\n\n"
            "Сталин И.В. Cочинения. – Т. 4. – М.: ОГИЗ, 1947. С. 118–119.\n\n \n\n"
            "Примечания 23–25: Там же. С. 420.\n\n \n\n"
            "Красным шрифтом в квадратных скобках обозначается конец текста на соответствующей странице "
            "печатного оригинала указанного издания\n\n\n \n\nТоварищу Ленину\n\n \n\nСпешу на фронт.\n")
    result = parse_text(page)
    assert_result_consistent(result)
    [letter] = result.letters
    assert letter.text.startswith("Товарищу Ленину")
    assert [p.text for p in letter.publications][-1] == "Примечания 23–25: Там же. С. 420."
    assert any("red page marks" in f.message or "marks for the printed pages" in f.message for f in letter.findings)


@pytest.mark.parametrize(("closing", "signature"), [
    # a closing on its own line runs on into the name, as on one line ("With communist greetings, P. Popov.")
    ("With communist greetings\n\nA. Mikoyan.", "With communist greetings\n\nA. Mikoyan."),
    ("With communist greetings,\n\nA. Mikoyan.", "With communist greetings,\n\nA. Mikoyan."),
    ("Greetings.\n\nA. Mikoyan.", "A. Mikoyan."),  # a sentence of its own
    ("Extraordinary Commissioner of the South of Russia Ordzhonikidze.",  # an adjective before the office
     "Extraordinary Commissioner of the South of Russia Ordzhonikidze."),
    ("Чрезвычайный комиссар Орджоникидзе.", "Чрезвычайный комиссар Орджоникидзе."),
])
def test_a_signature_under_a_closing_or_with_its_office(closing: str, signature: str) -> None:
    page = ("No. 21\n\nA. I. Mikoyan - J. V. Stalin\n\nMay 12, 1924\n\nDear Koba!\n\n"
            f"The oil question is settled; the workers are satisfied.\n\n{closing}\n\n"
            "RGASPI. F. 558. Op. 11. D. 765. L. 12. Autograph.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == signature


PSS_PAGE = """Печатается по рукописи
34
ЗАПИСКА Ф. Э. ДЗЕРЖИНСКОМУ*
Т. Дзержинскому
Прошу немедленно составить список служащих банка, уклоняющихся от работы, и представить его вечером.
Ленин
Написано 11 (24) декабря 1917 г.
Печатается по рукописи
35
ТЕЛЕГРАММА В. А. АНТОНОВУ-ОВСЕЕНКО**
Харьков. Главнокомандующему Антонову
Действия против Каледина одобряю, но прошу не распылять сил по мелким станциям, а бить на Ростов.
Председатель Совнаркома В. Ульянов (Ленин)
Написано 15 (28) декабря 1917 г.
Печатается по тексту телеграфного бланка
* Записка написана на обороте доклада ВЧК. Ред.
** Телеграмма является ответом на сообщение В. А. Антонова-Овсеенко. Ред.
20
В. И. ЛЕНИН
36
ЗАПИСКА И. В. СТАЛИНУ
С ПРОЕКТОМ ПОСТАНОВЛЕНИЯ ПОЛИТБЮРО ЦК РКП(б)***
Т. Сталин!
Предлагаю провести опросом членов Политбюро следующее постановление о топливе для Петрограда.
Ленин
Написано 17 декабря 1917 г.
*** На документе пометка: «За. Ст.». Ред.
"""


def test_a_book_pages_footnotes_go_to_the_document_whose_title_carries_the_marker() -> None:
    result = parse_text(PSS_PAGE)
    assert_result_consistent(result)
    assert [letter.number for letter in result.letters] == ["34", "35", "36"]
    assert [[n.number for n in letter.notes] for letter in result.letters] == [["*"], ["**"], ["***"]]
    third = result.letters[2]  # "РКП(б)" in small letters does not end a title in capitals
    assert third.heading is not None and third.heading.text.endswith("РКП(б)***")
    assert third.text.startswith("Т. Сталин!")


def test_a_page_footnote_inside_a_letter_is_a_note_and_the_text_goes_on_under_the_running_head() -> None:
    page = ("188\nПИСЬМО А. М. ГОРЬКОМУ*\n31/X.\nДорогой Алексей Максимович!\n"
            "Получил Ваше письмо и записку Ольденбурга. Об академическом пайке распорядился, проверьте.\n"
            "* Письмо является ответом на письмо А. М. Горького от 27 октября 1919 г. Ред.\n"
            "ПИСЬМО А. М. ГОРЬКОМУ\n133\n"
            "Но и Вам советую: уезжайте из Питера хоть на месяц, поживете в Кремле, отдохнете.\nВаш Ленин\n")
    result = parse_text(page)
    assert_result_consistent(result)
    [letter] = result.letters
    assert [n.number for n in letter.notes] == ["*"]
    assert letter.text.rstrip().endswith("Ваш Ленин") and "уезжайте из Питера" in letter.text
    assert letter.signature is not None and letter.signature.text == "Ваш Ленин"


def test_a_letter_titled_in_capitals_among_the_works_and_the_work_after_it() -> None:
    # Lenin's Collected Works print letters among the works without a number; the next work
    # begins on a new page under the page number and the author's running head.
    page = ("Печатается по тексту газеты «Правда»\nПИСЬМО Д. И. КУРСКОМУ*\nТов. Курский!\n"
            "Посылаю Вам замечания на проект положения о нотариате; главный недостаток проекта в том, что он списан.\n"
            "С коммунистическим приветом Ленин\n19/V.\nНаписано 19 мая 1922 г.\nПечатается по рукописи\n"
            "* См. настоящий том, стр. 181–183. Ред.\n186\nВ. И. ЛЕНИН\nО РАБОТЕ НАРКОМАТОВ В НОВЫХ УСЛОВИЯХ\n"
            "Вопрос о работе наших наркоматов в условиях новой экономической политики ставится теперь все чаще.\n")
    result = parse_text(page)
    assert_result_consistent(result)
    [letter] = result.letters
    assert letter.number is None and [p.name for p in letter.recipients] == ["Д. И. КУРСКОМУ"]
    assert letter.date is not None and letter.date.edtf == "1922-05-19"
    assert letter.signature is not None and letter.signature.text == "С коммунистическим приветом Ленин"
    assert [n.number for n in letter.notes] == ["*"] and "наркоматов" not in letter.notes[0].text
    assert any("not a letter" in f.message for f in letter.findings)


def test_a_place_date_and_signature_on_one_line_close_a_letter() -> None:
    page = ("No. 252\n\nI. V. Stalin - A. I. Rykov\n\nSeptember 9, 1927\n\nI agree with you. The platform should "
            "not be published, and the press should explain why.\n\nSochi. 9/IX. Stalin.\n\n"
            "APRF. F. 45. Op. 1. D. 71. L. 84. Copy. Typewritten text.\n")
    [letter] = parse_text(page).letters
    assert letter.dateline is not None and letter.dateline.as_printed == "Sochi. 9/IX."
    assert letter.signature is not None and letter.signature.text == "Stalin."
    assert letter.place is not None and letter.place.name == "Sochi"


def test_who_signed_with_the_author_a_page_names_above_the_title_is_a_sender_too() -> None:
    page = ("Сталин И.В.\n\nТелеграмма В.И. Ленину\n\n16 ноября 1919 г.\n\nМосква, Кремль, Ленину\n\n"
            "Вчера конный корпус Буденного занял станцию Касторная. "
            "Прошу распорядиться о срочной отправке патронов.\n\n"
            "Сталин. Егоров.\n\nСерпухов, 16 ноября 1919 г.\n")
    [letter] = parse_text(page).letters
    assert [p.name for p in letter.senders] == ["Сталин И.В.", "Егоров"]
    alone = parse_text(page.replace("Сталин. Егоров.", "Егоров.")).letters[0]
    assert [p.name for p in alone.senders] == ["Сталин И.В."]  # a signer who is not the author: no co-signer read


def test_istmats_document_type_names_the_kind() -> None:
    page = ("Орджоникидзе — Ленину 10 (23) января 1918 г.\n\nРеквизиты\nТип документа: \nТелеграмма\n"
            "Датировка: \n1918.01.23\nИсточник: \n"
            "Большевистское руководство. Переписка. 1912–1927. Москва, 1996 Стр. 26\n"
            "\nИз Харькова. Петроград. Смольный. Совнарком. Ленину.\n\n"
            "Прибыл в Харьков сегодня утром. Положение серьезное.\n\n"
            "Чрезвычайный комиссар Орджоникидзе.\n")
    [letter] = parse_text(page).letters
    assert letter.kind == "telegram"
    assert parse_text(page.replace("Телеграмма\n", "")).letters[0].kind == "letter"


def test_dictated_by_telephone_on_its_own_line_is_not_joined_to_the_publication_below() -> None:
    page = ("560\nПИСЬМО Л. Д. ТРОЦКОМУ\nТ. Троцкий!\n"
            "Посылаю Вам письмо Кржижановского о правах Госплана, прошу прочесть.\n"
            "12/XII 1922 г. Ленин\nПродиктовано по телефону\nВпервые напечатано в 1959 г. в Ленинском сборнике XXXVI\n"
            "Печатается по машинописному экземпляру\n")
    [letter] = parse_text(page).letters
    assert [p.text for p in letter.publications] == [
        "Продиктовано по телефону", "Впервые напечатано в 1959 г. в Ленинском сборнике XXXVI",
        "Печатается по машинописному экземпляру"]


def test_a_date_line_without_its_year_takes_it_from_the_document_printed_before() -> None:
    page = ("187\nТЕЛЕГРАММА А. И. ЕГОРОВУ\nСерпухов. Реввоенсовет Южфронта. Егорову\n"
            "Сведения о продвижении Деникина к Туле крайне тревожны, примите все меры.\n"
            "Председатель Совета Обороны Ленин\nНаписано 24 октября 1919 г.\nПечатается по тексту телеграфной ленты\n"
            "188\nПИСЬМО А. М. ГОРЬКОМУ\n31/X.\nДорогой Алексей Максимович!\n"
            "Получил Ваше письмо и записку Ольденбурга. Об академическом пайке распорядился.\n")
    first, second = parse_text(page).letters
    assert first.date is not None and first.date.edtf == "1919-10-24"
    assert second.date is not None and second.date.edtf == "1919-10-31"
    assert any("printed before it" in f.message for f in second.findings)
    alone = parse_text(page[page.index("188"):]).letters[0]
    assert alone.date is None or alone.date.edtf is None  # no year anywhere on the page: none invented


def test_a_heading_with_a_salutation_under_it_and_no_date_starts_a_letter_dated_at_the_end() -> None:
    page = ("Stalin Correspondences\n\nS. M. Kirov - I. V. Stalin\n\nDear Koba!\n\n"
            "The conference is over; the opposition got eleven votes out of nine hundred.\n\nYours S. Kirov.\n\n"
            "Leningrad, 10/I-26.\n\nRTSKHIDNI. F. 558. On. 1. D. 2788. L. 1-3. Autograph.\n")
    [letter] = parse_text(page).letters
    assert [p.name for p in letter.senders] == ["S. M. Kirov"]
    assert letter.date is not None and letter.date.edtf == "1926-01-10"
    # an address line or a list of copies over a salutation starts nothing
    inside = parse_text(page.replace("Dear Koba!", "MOSCOW, KREMLIN, TO STALIN.\n\nDear Koba!")).letters
    assert len(inside) == 1


def test_signers_each_under_his_office_on_lines_of_their_own() -> None:
    page = ("No. 83\n\nA. I. Egorov, I. V. Stalin to the Commander-in-Chief S. S. Kamenev\n\nAugust 2, 1920\n\n"
            "The army cannot go on without reinforcements.\n\nKomyugozapfront\n\nEgorov.\n\n"
            "Member of the Revolutionary Military Council of the Southwestern Front\n\nStalin.\n\n"
            "Member of the Revolutionary Military Council\n\nBerzin.\n\n"
            "RTsKhIDNl. F. 558. On. l. D. 2l47. L. 1-3. Autograph.\n\nNotes:\n\n"
            "1 See doc. No. l31 and note 2 to doc. No. 133.\n")
    result = parse_text(page)
    assert_result_consistent(result)  # the cross-reference's "l31" holds 131, read as digits
    [letter] = result.letters
    assert [p.normalized or p.name for p in letter.recipients] == ["S. S. Kamenev"]
    assert letter.signature is not None and letter.signature.text.startswith("Komyugozapfront")
    assert letter.signature.text.endswith("Berzin.")
    [ref] = letter.archival  # OCR's "l" for "1" in the archive's name and its levels
    assert (ref.archive, ref.fond, ref.opis, ref.delo, ref.folios) == ("RGASPI", "558", "1", "2147", "1-3")
    assert [(r.document, r.note) for r in letter.notes[0].refs] == [("131", None), ("133", "2")]


def test_members_votes_under_the_signature_are_not_the_signature() -> None:
    page = ("393\nВ ПОЛИТБЮРО ЦК РКП(б)\nПредлагаю закупку английского угля прекратить с 1 июня.\nЛенин\n"
            "Согласен. И. Ст.\nЗа. Л. Каменев.\nПротив. Троцкий.\nНе возражаю. М. Томский.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == "Ленин"


def test_a_signers_office_cut_short_and_a_cipher_telegrams_registration_line() -> None:
    page = ("309\nТЕЛЕГРАММА Г. К. ОРДЖОНИКИДЗЕ\nПримите все меры, чтобы не дать противнику вывезти запасы.\n"
            "Пред. Совнаркома Ленин\nПред. Реввоенсовета Республики Троцкий\nНаписано 17 марта 1920 г.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text.startswith("Пред. Совнаркома Ленин")
    assert [p.name for p in letter.senders] == ["Ленин", "Троцкий"]
    cipher = ("Сталин — Молотову 16 октября 1945 г.\n\nШифротелеграмма\n\nМосква. Молотову.\n\n"
              "Ваш проект получил. Считаю его недостаточным.\n\nСталин.\n\nВх. № 8126. 16.X.45 г. 19 ч. 40 м.\n")
    [telegram] = parse_text(cipher).letters
    assert telegram.dateline is not None and telegram.dateline.as_printed == "16.X.45 г."


def test_a_right_hand_pages_title_and_date_under_the_page_number_are_a_running_head() -> None:
    page = ("488\nИ. В. СТАЛИНУ*\nТ. Сталин!\nПрошу передать членам Политбюро мою просьбу: отложить обсуждение "
            "вопроса о Госплане. Если Политбюро найдет нужным, я готов\n"
            "* На письме помета И. В. Сталина: «Членам ПБ. И. Ст.». Ред.\n281\nИ. В. СТАЛИНУ. 11 ОКТЯБРЯ 1922 г.\n"
            "до пленума представить письменные тезисы.\nЛенин\nПродиктовано по телефону 11 октября 1922 г.\n"
            "489\nЛ. М. КАРАХАНУ\nт. Карахан!\nПрошу сообщить мне, получен ли ответ из Анкары на нашу ноту.\nЛенин\n"
            "Написано 12 октября 1922 г.\n")
    result = parse_text(page)
    assert_result_consistent(result)
    assert [letter.number for letter in result.letters] == ["488", "489"]  # "т. Карахан!" is no text running on
    first = result.letters[0]
    assert first.date is not None and first.date.edtf == "1922-10-11"
    assert first.signature is not None and first.signature.text == "Ленин"
    assert [n.number for n in first.notes] == ["*"]


def test_a_telegram_titled_with_a_town_in_the_accusative_names_no_addressee_in_its_title() -> None:
    for title in ("ТЕЛЕГРАММА В ПЕНЗУ", "ТЕЛЕГРАММА В КАЗАНЬ"):
        heading = parse_heading(title)
        assert heading is not None and heading.recipients == ()  # the address line under it names whom
    heading = parse_heading("ТЕЛЕГРАММА В ВЦИК")
    assert heading is not None and [p.name for p in heading.recipients] == ["ВЦИК"]


def test_a_telegram_whose_text_opens_in_cipher_is_a_cipher_telegram() -> None:
    page = ("Сталин И.В.\n\nТелеграмма Л.М. Кагановичу\n\n12 октября 1931 года\n\nШифром.\n\n"
            "Москва. ЦК ВКП(б). Кагановичу.\n\nС проектом согласен.\n\nСталин.\n")
    [letter] = parse_text(page).letters
    assert letter.kind == "cipher telegram"
    assert parse_text(page.replace("Шифром.\n\n", "")).letters[0].kind == "telegram"


def test_a_letters_volumes_addressee_whose_name_does_not_decline_and_the_right_hand_head_between_letters() -> None:
    page = ("296\nИ. Ф. АРМАНД\nДорогой друг! Посылаю Вам статью Радека и письмо из Парижа.\n"
            "Насчет Шкловского не беспокойтесь: деньги он получит.\nВаш Ленин\n"
            "Написано не ранее 3 ноября 1916 г.\nПечатается впервые, по рукописи\n"
            "333\nА. Г. ШЛЯПНИКОВУ. НОЯБРЬ 1916 г.\n297\nА. Г. ШЛЯПНИКОВУ\nДорогой друг! Получил Ваше письмо.\n"
            "272\nВ. И. ЛЕНИН\nПишите обо всем подробно.\n")
    result = parse_text(page)
    assert_result_consistent(result)
    assert [letter.number for letter in result.letters] == ["296", "297"]
    first = result.letters[0]
    assert [p.name for p in first.recipients] == ["И. Ф. АРМАНД"]
    assert first.date is not None and first.date.edtf == "1916-11-03/.."
    assert first.signature is not None and first.signature.text == "Ваш Ленин"
    assert all(p.name != "И. Ф. АРМАНД" for letter in result.letters for p in letter.senders)  # no running head


@pytest.mark.parametrize("closing", [
    "KOMZAPFRONT TUKHACHEVSKY. MEMBER OF THE RVS UNSHLIKHT.",
    "RYKOV. KAMENEV.",  # a telegram's signers in capitals
    "С коллегиальным приветом В. Ильин",
])
def test_more_signature_lines(closing: str) -> None:
    page = ("No. 21\n\nM. N. Tukhachevsky - V. I. Lenin\n\nAugust 12, 1920\n\n"
            f"There are only two days of cartridges in the armies.\n\n{closing}\n\n"
            "RTSKHIDNI. F. 2. On. 1. D. 14620. L. 1. Telegraph tape.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == closing


def test_a_long_list_of_senders_with_initials_before_the_dash() -> None:
    heading = parse_heading("L. B. Kamenev, A. I. Rykov, V. P. Milyutin, G. E. Zinovyev, V. P. Nogin — "
                            "Central Committee of the RSDLP (b)")
    assert heading is not None and len(heading.senders) == 5
    page = ("No. 7\n\nL. B. Kamenev, A. I. Rykov, V. P. Milyutin, G. E. Zinovyev, V. P. Nogin — Central Committee "
            "of the RSDLP (b)\n\nNovember 4 (17), 1917\n\nWe resign from the Central Committee.\n")
    [letter] = parse_text(page).letters
    assert [p.name for p in letter.recipients] == ["Central Committee of the RSDLP (b)"]


def test_a_surname_the_edition_cuts_short_and_an_office_broken_over_two_lines() -> None:
    page = ("Сталин И.В.\n\nПисьмо тов. Ц-ву\n\n12 ноября 1927 г.\n\nТов. Ц-в!\n\nПисьмо Ваше получил.\n\n"
            "Член Реввоенсовета\n\nЮго-Западного фронта И. Сталин\n\nХарьков, 12 ноября 1927 г.\n")
    [letter] = parse_text(page).letters
    assert [(p.name, p.normalized) for p in letter.recipients] == [("Ц-ву", "Ц-в")]
    assert letter.signature is not None
    assert " ".join(letter.signature.text.split()) == "Член Реввоенсовета Юго-Западного фронта И. Сталин"


def test_collected_works_apparatus_in_two_columns_a_translation_footnote_and_an_endnote_on_the_title() -> None:
    page = ("312\nЗАПИСКА Н. П. ГОРБУНОВУ 219\nПрошу проверить исполнение и сообщить мне.\nПредседатель СТО Ленин\n"
            "Написано 30 января 1922 г.\nВпервые напечатано в 1965 г.\n"
            "в 53 томе Полного собрания Печатается по машинописному\n"
            "сочинений В. И. Ленина экземпляру, подписанному\nВ. И. Лениным\n"
            "313\nА. М. ГОРЬКОМУ\nДорогой друг! Это, entre nous*, чистой воды экономизм.\nВаш Ленин\n"
            "Написано осенью 1916 г.\nПечатается по рукописи\n* — между нами. Ред.\n")
    first, second = parse_text(page).letters
    assert [p.normalized for p in first.recipients] == ["Н. П. ГОРБУНОВ"]
    assert first.date is not None and first.date.edtf == "1922-01-30"
    assert first.signature is not None and first.signature.text == "Председатель СТО Ленин"
    assert first.publications[-1].text.endswith("В. И. Лениным")
    assert [n.number for n in second.notes] == ["*"]
    assert second.signature is not None and second.signature.text == "Ваш Ленин"


def test_an_office_on_its_own_line_above_the_signer_names_no_one() -> None:
    page = ("268\nТЕЛЕГРАММА Г. К. ОРДЖОНИКИДЗЕ\nПримите все меры к отправке нефти.\n"
            "Председатель Совета Труда и Обороны\nВ. Ульянов (Ленин)\nНаписано 2 апреля 1921 г.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text.startswith("Председатель Совета Труда и Обороны")
    assert [p.name for p in letter.senders] == ["В. Ульянов (Ленин)"]


def test_istmats_copy_of_a_volumes_header_under_the_metadata_is_the_same_document() -> None:
    page = ("Письмо И.В. Сталина В.М. Молотову 9 сентября 1930 г.\n\nРеквизиты\nТип документа: \nПисьмо\n"
            "Датировка: \n1930.09.09\nАрхив: \nРГАСПИ. Ф. 558. Оп. 11. Д. 769. Л. 118. Автограф.\n\n"
            "№ 74\n\nИ.В. Сталин — В.М. Молотову\n\n9 сентября 1930 г.\n\nВячеслав!\n\n"
            "Получил твое письмо. С предложениями Госплана согласен.\n\nЖму руку. И. Сталин.\n")
    [letter] = parse_text(page).letters
    assert letter.number == "74" and letter.date is not None and letter.date.edtf == "1930-09-09"
    assert [p.normalized for p in letter.senders] == ["И. В. Сталин"]
    assert letter.text.startswith("Вячеслав!") and letter.archival
    other = page.replace("И.В. Сталин — В.М. Молотову", "И.В. Сталин — Л.М. Кагановичу")
    assert len(parse_text(other).letters) == 2  # another pair of correspondents: another document


def test_an_enclosure_under_the_signature_leaves_the_signature_above_it() -> None:
    page = ("№ 412\n\nЗаписка Г.Г. Ягоды И.В. Сталину\n\n13 апреля 1933 г.\n\n"
            "Согласно Вашему указанию представляю проект постановления ПБ.\n\nЗам. председателя ОГПУ Г. Ягода\n\n"
            "Приложение\n\nПроект\n\nПОСТАНОВЛЕНИЕ ПОЛИТБЮРО ЦК ВКП(б)\n\n1. Сохранить тройки.\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == "Зам. председателя ОГПУ Г. Ягода"
    assert letter.text.endswith("1. Сохранить тройки.")  # the enclosure is part of the document's text


@pytest.mark.parametrize("page", [
    "Письмо в редакцию газеты «Правда»\n\nТоварищ редактор!\n\nПрошу напечатать это письмо.\n\nК. Сталин\n\n"
    "9 января 1913 г.\n",
    "Ответ тов. Ефремову\n\nТов. Ефремов!\n\nПисьмо Ваше получил.\n\nИ. Сталин\n\n25 июня 1930 г.\n",
    "Том 4\nТелеграмма В. И. Ленину\nЛенину.\nВчера ночью казачьи части прорвали фронт.\nСталин.\n"
    "Царицын, 3 августа 1918 г.\n",
])
def test_a_title_naming_kind_and_addressee_starts_a_letter_dated_only_at_its_end(page: str) -> None:
    [letter] = parse_text(page).letters
    assert letter.recipients and letter.signature is not None and letter.date is not None


def test_a_sites_related_links_under_the_letter_are_no_part_of_it() -> None:
    page = ("Ответ тов. Ефремову\n\nТов. Ефремов!\n\nПисьмо Ваше получил.\n\nИ. Сталин\n\n25 июня 1930 г.\n\n"
            "Читайте также\n\nПисьмо тов. Рябинину\n\nТов. Рябинин!\n\nВаше письмо получил.\n")
    result = parse_text(page)
    [letter] = result.letters
    assert letter.signature is not None and letter.signature.text == "И. Сталин"
    assert [part.kind for part in result.parts] == ["back_matter"]
    assert_result_consistent(result)


def test_a_heading_ending_in_a_newspapers_name_on_the_next_line() -> None:
    page = ('J. V. Stalin to the editorial board of the newspaper\n"Sotsial-Demokrat"\n\n[Autumn 1916]\n\n'
            "Dear comrades!\n\nI received the package with the newspapers.\n\nI. Djugashvili.\n")
    [letter] = parse_text(page).letters
    assert [p.normalized for p in letter.recipients] == ['editorial board of the newspaper "Sotsial-Demokrat"']
    assert letter.date is not None and letter.date.edtf == "1916-23"


def test_addressees_running_on_in_small_letters_stay_in_the_heading() -> None:
    page = ("No. 253\n\nTelegram from I. V. Stalin, V. M. Molotov to the Central Committees of the national "
            "Communist parties,\nregional and provincial committees of the CPSU (b)\n\nNovember 15, 1927\n\n"
            "The Central Committee draws your attention to the meetings of the opposition.\n\nStalin. Molotov.\n")
    [letter] = parse_text(page).letters
    assert letter.heading is not None and letter.heading.text.endswith("committees of the CPSU (b)")
    assert letter.date is not None and letter.date.edtf == "1927-11-15" and letter.dateline is None
    assert letter.text.startswith("The Central Committee")


def test_the_running_heads_author_signs_before_a_date_on_one_line() -> None:
    page = ("188\nВ. И. ЛЕНИН\n\n487\nА. Д. ЦЮРУПЕ\nТ. Цюрупа!\nПрошу срочно подготовить справку о запасах хлеба.\n"
            "Ленин 25/V.\nНаписано 25 мая 1921 г.\nПечатается по рукописи\n")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == "Ленин"
    assert letter.dateline is not None and letter.dateline.as_printed == "25/V."
    assert letter.place is None


def test_the_apparatus_wrapped_line_by_line_dates_and_cites_the_document() -> None:
    page = ("357\nИ. В. СТАЛИНУ\nТ. Сталин! Прошу передать членам Политбюро мое мнение о монополии внешней торговли.\n"
            "Ленин\nНаписано\n13 октября 1922 г.\nВпервые напечатано в 1942 г.\nв Ленинском сборнике XXXIV\n"
            "Печатается по рукописи\n")
    [letter] = parse_text(page).letters
    assert letter.date is not None and letter.date.edtf == "1922-10-13" and letter.dateline is None
    assert letter.text.endswith("Ленин")
    assert [" ".join(p.text.split()) for p in letter.publications] == [
        "Впервые напечатано в 1942 г. в Ленинском сборнике XXXIV", "Печатается по рукописи"]


def test_a_works_page_prints_the_letter_answered_and_the_answer_under_one_title() -> None:
    page = ("Сталин И.В.\nОтвет товарищу Н.П. Степанову\n5 марта 1938 года\n\nИсточник:\n"
            "Сталин И.В. Cочинения. – Т. 14. – М.: Издательство “Писатель”, 1997. С. 250.\n\n"
            "Письмо т. Степанова\n\nТоварищу Сталину И.В.\n\nУважаемый Иосиф Виссарионович!\n"
            "У нас в школе разгорелся спор о стахановском движении.\n"
            "Н. Степанов,\nучитель Лискинской средней школы.\n18 февраля 1938 г.\n\n"
            "Ответ т. Сталина\n\nТоварищ Степанов!\nВы правы, а т. Гладких неправ.\n"
            "С товарищеским приветом\nИ. Сталин.\n5 марта 1938 г.\n")
    result = parse_text(page)
    asked, answer = result.letters
    assert [p.normalized for p in asked.senders] == ["Степанов"]
    assert [p.normalized for p in asked.recipients] == ["И. В. Сталин"]
    assert asked.signature is not None and asked.signature.text.endswith("учитель Лискинской средней школы.")
    assert asked.date is not None and asked.date.edtf == "1938-02-18"
    assert [p.normalized for p in answer.senders] == ["Сталин"]
    assert [(p.normalized, p.implied) for p in answer.recipients] == [("Н. П. Степанов", True)]
    assert answer.date is not None and answer.date.edtf == "1938-03-05"
    assert [part.kind for part in result.parts] == ["front_matter"]  # the title over both
    assert_result_consistent(result)


def test_the_editors_note_at_a_meeting_under_the_heading_names_the_kind() -> None:
    page = ("No. 176\n\nL. B. Kamenev - J. V. Stalin\n\n[April 1923]\n\nNote at a meeting of the Politburo.\n\n"
            "Koba! I think that the theses should be accepted as a basis. Are you against?\n\nL. Kamenev.\n\n"
            "RGASPI. F. 558. Op. 1. D. 2490. L. 1. Telegraph form.\n")
    [letter] = parse_text(page).letters
    assert letter.kind == "note" and letter.archival[0].form == "telegraph form"


def test_a_page_cut_inside_the_apparatus_word_leaves_the_signature_alone() -> None:
    page = ("188\nВ. И. ЛЕНИН\n\n487\nА. Д. ЦЮРУПЕ\nТ. Цюрупа!\nПрошу срочно подготовить справку о запасах хлеба.\n"
            "Ленин\nНаписа")
    [letter] = parse_text(page).letters
    assert letter.signature is not None and letter.signature.text == "Ленин"
    assert [p.name for p in letter.senders] == ["Ленин"] and letter.text.endswith("Ленин")
    assert any("cut short" in f.message for f in letter.findings)


def test_ocr_of_the_book_running_heads_wrapped_citation_and_ocr_letters() -> None:
    page = ("No. 171\nL. D. Trotsky to I. V. Stalin\nMarch 2, 1923\nComrade Stalin,\nI have read the draft theses "
            "and I insist\n214 BOLSHEVIK LEADERSHIP. CORRESPONDENCE. 1912-1927\non their discussion 1 .\n"
            "L. Trotsky\nRTsKhlDNI. F. 558. 0p. 1. D. 2499. L. l-2. Typescript. Signature is\nan autograph.\n"
            "l See document No. 165.\n1923 215\n")
    result = parse_text(page)
    [letter] = result.letters
    assert "BOLSHEVIK LEADERSHIP" not in letter.text.split("\n")[-2]  # the head is no line of the text's end
    assert any("running head" in f.message for f in letter.findings)
    assert letter.signature is not None and letter.signature.text == "L. Trotsky"
    [ref] = letter.archival
    assert (ref.archive, ref.fond, ref.opis, ref.delo, ref.folios) == ("RGASPI", "558", "1", "2499", "1-2")
    assert ref.as_printed.endswith("an autograph.")
    assert [(n.number, n.number_as_printed) for n in letter.notes] == [("1", "l")]
    assert [r.document for r in letter.notes[0].refs] == ["165"]
    assert_result_consistent(result)


def test_a_publication_whose_pages_wrapped_and_a_sites_print_link() -> None:
    page = ("No. 56\nL. D. Trotsky - V. I. Lenin\nOctober 17, 1919\nThe enemy is at Gatchina.\nTrotsky.\n"
            "RTsKhIDNI. F. 2. Op. 1. D. 11346. L. 1. Telegraph tape.\n"
            "Published: The Trotsky Papers. 1917-1922. Vol. I. The Hague, 1964.\nP. 716.\nВерсия для печати\n")
    result = parse_text(page)
    [letter] = result.letters
    assert [" ".join(p.text.split()) for p in letter.publications] == [
        "Published: The Trotsky Papers. 1917-1922. Vol. I. The Hague, 1964. P. 716."]
    assert letter.archival and letter.text.endswith("Trotsky.")


def test_a_cipher_telegrams_receipt_line_is_not_its_date_line_and_a_note_opens_with_a_day() -> None:
    page = ("№ 212\n\nКаганович, Молотов — Сталину\n\n11 августа 1932 г.\n\nШифровка.\n\nВх. № 1123. 12.VIII.32 г.\n\n"
            "1) Хлебозаготовки идут плохо1.\n\nКаганович. Молотов.\n\n11.VIII.32 г.\n\n"
            "РГАСПИ. Ф. 558. Оп. 11. Д. 78. Л. 71. Подлинник. Машинопись.\n"
            "1 12 августа ПБ утвердило перенос сроков сдачи хлеба (см. док. № 213).\n")
    [letter] = parse_text(page).letters
    assert letter.dateline is not None and letter.dateline.as_printed == "11.VIII.32 г."
    assert letter.signature is not None and letter.signature.text == "Каганович. Молотов."
    assert letter.archival and [n.number for n in letter.notes] == ["1"]


def test_a_draft_titled_as_such_starts_a_document() -> None:
    page = ("Записка В.И. Ленину\n[Не позднее 5 мая 1922 года]\nПрошу ускорить решение.\nИ. Сталин.\n"
            "РГАСПИ. Ф. 2. Оп. 2. Д. 1201. Л. 3.\n"
            "Черновик телеграммы Г.К. Орджоникидзе\n[Между 10 и 15 июня 1922 года]\nТифлис. Орджоникидзе[у].\n"
            "Немедленно выезжай в Москву.\nРГАСПИ. Ф. 558. Оп. 1. Д. 2447. Л. 1.\n")
    first, draft = parse_text(page).letters
    assert first.signature is not None and first.signature.text == "И. Сталин."
    assert first.archival[0].delo == "1201" and draft.kind == "telegram (draft)"


def test_a_page_opening_with_a_signed_tail_and_its_source_keeps_it_as_a_remainder() -> None:
    page = ("Том 17\nШрифт:\nся на то, чтобы правые не сорвали дело с займом. Нажимай вовсю.\nПривет!\nСталин.\n"
            "Письма И.В. Сталина В.М. Молотову. 1925–1936 гг. С. 213.\n"
            "Телеграмма В.М. Молотову 13 сентября 1930 года\nМосква. ЦК ВКП(б). Молотову.\n"
            "С проектом постановления согласен.\nСталин.\n")
    result = parse_text(page)
    assert [part.kind for part in result.parts] == ["front_matter", "remainder"]
    assert any("middle of a document" in f.message for f in result.findings)
    [letter] = result.letters
    assert letter.signature is not None and letter.signature.text == "Сталин."
    assert_result_consistent(result)


def test_a_telegram_cut_off_by_the_page_has_no_signature_in_its_address() -> None:
    page = ("16\nТЕЛЕГРАММА Г. К. ОРДЖОНИКИДЗЕ\nБаку Орджоникидзе\nКопия Сталину\n"
            "Сообщите немедленно, в каком положении переговоры с дашнаками и какие сроки; Политбюро настаивает на")
    [letter] = parse_text(page).letters
    assert letter.signature is None and [p.name for p in letter.recipients] == ["Г. К. ОРДЖОНИКИДЗЕ"]
    assert "Орджоникидзе" not in [p.name for p in letter.senders]


SITE_PAGE = ("№ 12\nПисьмо И.В. Сталина В.М. Молотову\n9 сентября 1930 г.\nВячеслав!\nПолучил твое письмо.\n"
             "Жму руку. И. Сталин\n{citation}\nПримечания\n1 См. док. № 14.\n"
             "{navigation}\nНаверх\n© Международный фонд «Демократия», 2001–2024\nАдрес: 125009, Москва\n")


@pytest.mark.parametrize("navigation", ["← Документ № 11 | Оглавление | Документ № 13 →",
                                        "‹ Сталин — Молотову 8 сентября 1930 г.вверхСталин — Молотову 10 сентября ›"])
def test_a_sites_footer_under_its_copyright_line_and_links_to_the_next_pages_are_no_note(navigation: str) -> None:
    result = parse_text(SITE_PAGE.format(citation="РГАСПИ. Ф. 558. Оп. 1. Д. 5. Л. 3.", navigation=navigation))
    [letter] = result.letters
    assert [(n.number, n.text) for n in letter.notes] == [("1", "См. док. № 14.")]
    assert [(r.document, r.note) for n in letter.notes for r in n.refs] == [("14", None)]
    assert [part.kind for part in result.parts] == ["back_matter"]
    assert_result_consistent(result)


def test_a_citation_labelled_archive_on_its_own_line_is_read() -> None:
    page = SITE_PAGE.format(citation="Архив: РГАСПИ. Ф. 558. Оп. 1. Д. 5. Л. 3. Подлинник.", navigation="")
    [letter] = parse_text(page).letters
    assert [(a.archive, a.fond, a.folios) for a in letter.archival] == [("RGASPI", "558", "3")]
    assert letter.signature is not None and letter.signature.text == "Жму руку. И. Сталин"


def test_a_sites_further_reading_under_the_letter_is_no_part_of_it() -> None:
    page = ("Письмо И.В. Сталина В.М. Молотову\n9 сентября 1930 г.\nВячеслав!\nПолучил твое письмо.\nИ. Сталин\n"
            "РГАСПИ. Ф. 558. Оп. 1. Д. 5. Л. 3.\n\nДалее читайте:\n\nМолотов Вячеслав Михайлович (1890–1986).\n")
    result = parse_text(page)
    [letter] = result.letters
    assert len(letter.archival) == 1 and letter.signature is not None
    assert [part.kind for part in result.parts] == ["back_matter"]


def test_a_ciphers_routing_line_dates_it_and_its_kind_is_no_place() -> None:
    page = ("Шифротелеграмма С.М. Кирова И.В. Сталину\n14 июля 1934 г.\nШифротелеграмма.\nМосква. ЦК ВКП(б). Сталину.\n"
            "Из Ленинграда. Отправлена 14.VII.34 г. в 18 час. 20 мин.\nПрошу разрешить отпуск.\nКиров\n")
    [letter] = parse_text(page).letters
    assert letter.dateline is not None and letter.dateline.as_printed == "14.VII.34 г."
    assert letter.place is None or letter.place.name != "Шифротелеграмма"


def test_a_citation_whose_remark_wraps_at_a_hyphen_keeps_the_notes_under_it() -> None:
    page = ("No. 4\nI. V. Stalin to L. B. Kamenev\nDecember 12 (25), 1912\nDear friend! I send you the articles.1\n"
            "Vasilyev\nRTsKhIDNI, f. 558, op. 1, d. 5390, 1. 1. Autograph. Written in in-\n"
            "visible ink between the lines of a letter of innocuous content.\n"
            "1 See doc. No. 3.\n2 The articles have not been found.\n")
    [letter] = parse_text(page).letters
    assert [(a.fond, a.delo, a.folios) for a in letter.archival] == [("558", "5390", "1")]
    assert [n.number for n in letter.notes] == ["1", "2"]
    assert letter.signature is not None and letter.signature.text == "Vasilyev"
    assert "invisible" not in letter.text and "visible ink" not in letter.text


def test_a_page_opening_with_a_signature_and_the_editors_written_line_keeps_that_tail_apart() -> None:
    page = ("подписка на «Просвещение».\nЖму руку.\nВаш Ленин\nНаписано 29 сентября (12 октября) 1913 г.\n"
            "Отправлено из Поронина в Петербург\nВпервые напечатано в 1933 г.\nПечатается по рукописи\n"
            "124\nА. М. ГОРЬКОМУ\nДорогой Алексей Максимович! Письмо Ваше получил.\nВаш Ленин\n")
    result = parse_text(page)
    assert [part.kind for part in result.parts] == ["remainder"]
    assert any("middle of a document" in f.message for f in result.findings)
    assert [letter.number for letter in result.letters] == ["124"]

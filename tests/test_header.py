"""Headings: who wrote to whom, in the conventions of English and Russian editions."""

from __future__ import annotations

import pytest

from letterbook.model import PartyKind
from letterbook.parse.header import could_be_heading, nominative, parse_heading, parse_sender_line


def names(text: str) -> tuple[list[str], list[str]]:
    heading = parse_heading(text)
    assert heading is not None, text
    return [p.name for p in heading.senders], [p.name for p in heading.recipients]


def test_to_heading_with_two_recipients_separated_by_a_comma() -> None:
    assert names("F. E. Dzerzhinsky to I. V. Stalin, G. K. Ordzhonikidze") == (
        ["F. E. Dzerzhinsky"], ["I. V. Stalin", "G. K. Ordzhonikidze"])


@pytest.mark.parametrize("dash", ["-", "—", "–"])
def test_dash_heading_drops_the_closing_period(dash: str) -> None:
    assert names(f"A. M. Nazaretyan {dash} G. K. Ordzhonikidze.") == (["A. M. Nazaretyan"], ["G. K. Ordzhonikidze"])


def test_telegram_from_names_the_kind_and_both_recipients() -> None:
    heading = parse_heading("Telegram from K. E. Voroshilov to I. V. Stalin and L. D. Trotsky")
    assert heading is not None and heading.kind == "telegram"
    assert [p.name for p in heading.recipients] == ["I. V. Stalin", "L. D. Trotsky"]


def test_corporate_recipient_is_one_organisation() -> None:
    heading = parse_heading("L. P. Serebryakov, I. V. Stalin - Politburo of the Central Committee of the RCP (b)")
    assert heading is not None
    assert [p.name for p in heading.senders] == ["L. P. Serebryakov", "I. V. Stalin"]
    (body,) = heading.recipients
    assert body.kind is PartyKind.ORGANISATION and body.name.startswith("Politburo")


@pytest.mark.parametrize(("heading", "printed", "normalized"), [
    ("G. V. Chicherin to the Politburo [of the CC of the RCP(b)]", "the Politburo [of the CC of the RCP(b)]",
     "Politburo [of the CC of the RCP(b)]"),
    ("L. D. Trotsky to the members of the Politburo", "the members of the Politburo", "members of the Politburo"),
    ("Л.Д. Троцкий — в Политбюро ЦК РКП(б)", "в Политбюро ЦК РКП(б)", "Политбюро ЦК РКП(б)"),
    ("Л.Д. Троцкий — членам Политбюро ЦК РКП(б)", "членам Политбюро ЦК РКП(б)", "члены Политбюро ЦК РКП(б)"),
])
def test_a_body_addressed_as_a_whole_is_an_organisation_named_without_its_article(
        heading: str, printed: str, normalized: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and len(parsed.senders) == 1
    (body,) = parsed.recipients
    assert (body.name, body.normalized, body.kind) == (printed, normalized, PartyKind.ORGANISATION)


@pytest.mark.parametrize(("heading", "recipients"), [
    ("I. V. Stalin to V. M. Molotov and other members of the Politburo",
     ["V. M. Molotov", "other members of the Politburo"]),
    ("Сталин — Кагановичу, Молотову и другим членам ПБ", ["Кагановичу", "Молотову", "другим членам ПБ"]),
])
def test_people_and_the_rest_of_a_body_are_each_a_recipient(heading: str, recipients: list[str]) -> None:
    assert names(heading)[1] == recipients


@pytest.mark.parametrize(("heading", "kind"), [
    ("From a letter of N. I. Bukharin to I. V. Stalin", "letter (extract)"),
    ("Telegram of I. V. Stalin to V. I. Lenin", "telegram"),
    ("Note by F. E. Dzerzhinsky to I. V. Stalin", "note"),
])
def test_of_and_by_before_the_sender_after_the_kind(heading: str, kind: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind == kind and len(parsed.senders) == len(parsed.recipients) == 1


@pytest.mark.parametrize(("heading", "kind", "recipient"), [
    ("TELEGRAM TO F. E. DZERZHINSKY", "telegram", "F. E. DZERZHINSKY"),
    ("Telegram to F. E. Dzerzhinsky", "telegram", "F. E. Dzerzhinsky"),
    ("TO J. V. STALIN", "letter", "J. V. STALIN"),
    ("TO THE PEOPLE'S COMMISSARIAT OF FOOD", "letter", "THE PEOPLE'S COMMISSARIAT OF FOOD"),
])
def test_an_english_title_naming_only_its_addressee_after_to(heading: str, kind: str, recipient: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.addressed and parsed.senders == ()
    assert (parsed.kind, [p.name for p in parsed.recipients]) == (kind, [recipient])


def test_to_and_a_name_in_small_letters_is_no_title() -> None:
    assert parse_heading("To J. V. Stalin") is None  # an address line inside a letter


def test_a_title_in_capitals_joins_two_addressees_with_a_capital_and() -> None:
    assert names("ПИСЬМО Г. Е. ЗИНОВЬЕВУ И Л. Б. КАМЕНЕВУ")[1] == ["Г. Е. ЗИНОВЬЕВУ", "Л. Б. КАМЕНЕВУ"]


@pytest.mark.parametrize(("heading", "senders", "recipients"), [
    ("Записка Г.Г. Ягоды И.В. Сталину о протоколе допроса", [("Г.Г. Ягоды", "Г. Г. Ягода")],
     [("И.В. Сталину", "И. В. Сталин")]),
    ("Письмо Сталина Кагановичу", [("Сталина", "Сталин")], [("Кагановичу", "Каганович")]),
    ("Письмо Н.К. Крупской И.В. Сталину", [("Н.К. Крупской", "Н. К. Крупская")], [("И.В. Сталину", "И. В. Сталин")]),
    ("Письмо Молотова и Кагановича Сталину", [("Молотова", "Молотов"), ("Кагановича", "Каганович")],
     [("Сталину", "Сталин")]),
    # "от" and an office before the sender, an office and "г-ну" before the addressee
    ("Личное и секретное послание от Премьера И.В. Сталина Премьер-Министру г-ну У. Черчиллю",
     [("И.В. Сталина", "И. В. Сталин")], [("У. Черчиллю", "У. Черчилль")]),
    ("Послание Председателя СНК И.В. Сталина Президенту господину Ф. Рузвельту",
     [("И.В. Сталина", "И. В. Сталин")], [("Ф. Рузвельту", "Ф. Рузвельт")]),
])
def test_a_russian_title_names_its_sender_in_the_genitive_and_its_addressee_in_the_dative(
        heading: str, senders: list[tuple[str, str]], recipients: list[tuple[str, str]]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert [(p.name, p.normalized) for p in parsed.senders] == senders
    assert [(p.name, p.normalized) for p in parsed.recipients] == recipients


@pytest.mark.parametrize("heading", ["Послание У. Черчиллю", "Письмо г-ну У. Черчиллю",
                                     "Ответ господину У. Черчиллю", "Письмо Премьер-Министру У. Черчиллю"])
def test_a_message_and_an_addressee_with_his_office_or_mr(heading: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind == "letter"
    assert [(p.name, p.normalized) for p in parsed.recipients] == [("У. Черчиллю", "У. Черчилль")]


@pytest.mark.parametrize(("heading", "sender", "recipient"), [
    ("Письмо Политбюро И.В. Сталину", "Политбюро", "И.В. Сталину"),
    ("Письмо Политбюро ЦК ВКП(б) И.В. Сталину", "Политбюро ЦК ВКП(б)", "И.В. Сталину"),
    ("Письмо Секретариата ЦК Г.К. Орджоникидзе", "Секретариата ЦК", "Г.К. Орджоникидзе"),
])
def test_a_body_that_reads_the_same_in_the_genitive_sends_to_a_person_in_the_dative(
        heading: str, sender: str, recipient: str) -> None:
    assert names(heading) == ([sender], [recipient])


@pytest.mark.parametrize(("heading", "kind", "issuer", "recipients"), [
    ("Decision of the Politburo of the CC VKP(b) on grain procurements in Ukraine", "resolution",
     "Politburo of the CC VKP(b)", []),
    ('Decision of the Politburo of the CC VKP(b) "On seed assistance to Ukraine"', "resolution",
     "Politburo of the CC VKP(b)", []),
    ("Circular letter of the CC RCP(b) to all provincial party committees on the mobilisation", "circular",
     "CC RCP(b)", ["all provincial party committees"]),
    ("Extract from protocol No. 105 of the meeting of the Politburo of the CC VKP(b)", "resolution (extract)",
     "Politburo of the CC VKP(b)", []),
])
def test_a_bodys_decision_circular_or_protocol_is_issued_by_the_body(heading: str, kind: str, issuer: str,
                                                                    recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind == kind
    assert [p.normalized or p.name for p in parsed.senders] == [issuer]
    assert [p.name for p in parsed.recipients] == recipients


@pytest.mark.parametrize(("heading", "senders", "recipients"), [
    ("PERSONAL AND SECRET FROM PREMIER J. V. STALIN TO THE PRESIDENT, MR. F. D. ROOSEVELT",
     ["J. V. STALIN"], ["F. D. ROOSEVELT"]),
    ("MEMORANDUM FROM PREMIER J. V. STALIN TO THE PRESIDENT, MR. F. D. ROOSEVELT, AND THE PRIME MINISTER, "
     "MR. W. CHURCHILL", ["J. V. STALIN"], ["F. D. ROOSEVELT", "W. CHURCHILL"]),
    ("Kaganovich, Molotov, and Voroshilov to Stalin", ["Kaganovich", "Molotov", "Voroshilov"], ["Stalin"]),
])
def test_the_wartime_correspondences_titles_and_a_serial_comma(heading: str, senders: list[str],
                                                              recipients: list[str]) -> None:
    assert names(heading) == (senders, recipients)


def test_a_dash_before_to_is_no_part_of_the_sender() -> None:
    assert names("J. V. Stalin - to the Politburo of the Central Committee of the RCP (b)") == (
        ["J. V. Stalin"], ["the Politburo of the Central Committee of the RCP (b)"])


def test_two_names_with_initials_after_the_kind_are_the_sender_and_the_addressee() -> None:
    assert names("Telegram of G. K. Ordzhonikidze I. V. Stalin") == (["G. K. Ordzhonikidze"], ["I. V. Stalin"])
    assert parse_heading("Telegram of G. K. Ordzhonikidze") is None


def test_a_protocols_own_first_line_with_a_date_is_no_heading() -> None:
    assert parse_heading("Extract from Protocol No. 93 of the meeting of the Politburo of") is None


def test_a_capital_ocr_read_as_a_digit_still_makes_a_name() -> None:
    parsed = parse_heading("Записка Ленина 3иновьеву")
    assert parsed is not None
    assert [(p.name, p.normalized) for p in parsed.recipients] == [("3иновьеву", "Зиновьев")]


def test_a_latin_capital_o_read_as_zero_still_makes_a_name() -> None:
    text = "G. K. 0rdzhonikidze to I. V. Stalin"
    assert could_be_heading(text)
    parsed = parse_heading(text)
    assert parsed is not None
    assert [(p.name, p.normalized) for p in parsed.senders] == [("G. K. 0rdzhonikidze", "G. K. Ordzhonikidze")]


def test_a_dative_addressee_alone_is_no_genitive_sender() -> None:
    assert names("Письмо Л.Д. Троцкому") == ([], ["Л.Д. Троцкому"])


def test_an_english_heading_in_capitals() -> None:
    assert names("TELEGRAM FROM L. D. TROTSKY TO I. V. STALIN") == (["L. D. TROTSKY"], ["I. V. STALIN"])
    assert names("V. I. LENIN TO I. V. STALIN") == (["V. I. LENIN"], ["I. V. STALIN"])


@pytest.mark.parametrize(("heading", "recipients"), [
    ("L. D. Trotsky to I. V. Stalin (for members of the Politburo)", ["I. V. Stalin"]),
    ("I. V. Stalin to G. E. Zinoviev, L. B. Kamenev and others", ["G. E. Zinoviev", "L. B. Kamenev"]),
    ("Ciphertext of I. V. Stalin to V. M. Molotov", ["V. M. Molotov"]),
])
def test_remarks_others_and_cipher_headings(heading: str, recipients: list[str]) -> None:
    assert names(heading)[1] == recipients


@pytest.mark.parametrize(("heading", "kind", "senders", "recipients"), [
    ("Письмо Л.М. Кагановичу о хлебозаготовках", "letter", [], ["Л.М. Кагановичу"]),
    ("Телеграмма Л.М. Кагановичу по поводу сахарной свеклы", "telegram", [], ["Л.М. Кагановичу"]),
    ("ЗАПИСКА И. В. СТАЛИНУ С ПРОЕКТОМ РЕШЕНИЯ ПОЛИТБЮРО ЦК РКП(б)", "note", [], ["И. В. СТАЛИНУ"]),
    ("Шифртелеграмма С.В. Косиора И.В. Сталину", "cipher telegram", ["С.В. Косиора"], ["И.В. Сталину"]),
    ("Рапорт В.К. Блюхера К.Е. Ворошилову", "report", ["В.К. Блюхера"], ["К.Е. Ворошилову"]),
    ("Обращение Н.И. Бухарина к И.В. Сталину", "letter", ["Н.И. Бухарина"], ["И.В. Сталину"]),
    ("Докладная записка К.Е. Ворошилова в Политбюро ЦК ВКП(б)", "memorandum", ["К.Е. Ворошилова"],
     ["в Политбюро ЦК ВКП(б)"]),
    ("Постановление Политбюро ЦК ВКП(б) «О хлебозаготовках»", "resolution", ["Политбюро ЦК ВКП(б)"], []),
])
def test_russian_titles_with_a_topic_other_kinds_and_issuers(heading: str, kind: str, senders: list[str],
                                                            recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind == kind
    assert ([p.name for p in parsed.senders], [p.name for p in parsed.recipients]) == (senders, recipients)


def test_a_remark_in_brackets_after_the_recipient_is_not_part_of_the_name() -> None:
    assert names("N. I. Bukharin to I. V. Stalin (copy to V. M. Molotov)") == (["N. I. Bukharin"], ["I. V. Stalin"])
    assert names("L. P. Serebryakov - Politburo of the CC of the RCP (b)")[1] == ["Politburo of the CC of the RCP (b)"]


def test_russian_recipient_in_the_dative_gets_its_nominative_form() -> None:
    heading = parse_heading("Каганович, Молотов — Сталину")
    assert heading is not None
    (stalin,) = heading.recipients
    assert stalin.name == "Сталину" and stalin.normalized == "Сталин"


def test_kind_and_dative_recipient_without_a_sender() -> None:
    heading = parse_heading("Письмо В.И. Ленину")
    assert heading is not None and heading.kind == "letter" and heading.senders == ()
    assert heading.recipients[0].normalized == "В. И. Ленин"


def test_spans_point_at_the_printed_names() -> None:
    text = "Telegram from A. L. Sheinman to G. V. Chicherin, I. V. Stalin"
    heading = parse_heading(text, offset=100)
    assert heading is not None
    for party in (*heading.senders, *heading.recipients):
        assert text[party.span[0] - 100:party.span[1] - 100] == party.name


def test_a_heading_printed_again_elsewhere_gets_the_spans_of_each_place() -> None:
    page = "Сталин — Кагановичу\n\nТекст.\n\nСталин — Кагановичу\n"
    starts = [0, page.rindex("Сталин")]
    headings = [parse_heading("Сталин — Кагановичу", offset=start) for start in starts]
    for heading, start in zip(headings, starts, strict=True):
        assert heading is not None
        assert [page[slice(*p.span)] for p in (*heading.senders, *heading.recipients)] == ["Сталин", "Кагановичу"]
        assert heading.senders[0].span[0] == start


@pytest.mark.parametrize("line", [
    "Moscow - the Kremlin, only to Lenin.",
    "In the Politburo of the Central Committee of the RCP.",
    "6-8 tithes - 19",
    "TO TROTSKY, COPY TO LENIN 1",
    "Second. - In Erivan, the staff of the Georgian embassy was arrested",
])
def test_text_lines_are_not_headings(line: str) -> None:
    assert parse_heading(line) is None


@pytest.mark.parametrize(("dative", "expected"), [
    ("Кагановичу", "Каганович"), ("Ворошилову", "Ворошилов"), ("Троцкому", "Троцкий"),
    ("Зиновьеву", "Зиновьев"), ("Орджоникидзе", "Орджоникидзе"), ("Крупской", "Крупская"),
    ("Сталин И.В.", "И. В. Сталин"),
])
def test_nominative_of_russian_names(dative: str, expected: str) -> None:
    assert nominative(dative) == expected


def test_author_line_above_a_russian_heading() -> None:
    parties = parse_sender_line("Сталин И.В.")
    assert parties is not None and parties[0].name == "Сталин И.В."


@pytest.mark.parametrize(("heading", "name", "normalized"), [
    ("Л. Д. Троцкий — в Центральную контрольную комиссию", "в Центральную контрольную комиссию",
     "Центральная контрольная комиссия"),
    ("И. В. Сталин — в редакцию газеты «Правда»", "в редакцию газеты «Правда»", "Редакция газеты «Правда»"),
    ("И. В. Сталин — в Коллегию ОГПУ", "в Коллегию ОГПУ", "Коллегия ОГПУ"),
    ("И. В. Сталин — в Политбюро ЦК ВКП(б)", "в Политбюро ЦК ВКП(б)", "Политбюро ЦК ВКП(б)"),
    ("В РЕДАКЦИЮ «ИЗВЕСТИЙ»", "РЕДАКЦИЮ «ИЗВЕСТИЙ»", "РЕДАКЦИЯ «ИЗВЕСТИЙ»"),
    ("В МАЛЫЙ СОВНАРКОМ", "МАЛЫЙ СОВНАРКОМ", "МАЛЫЙ СОВНАРКОМ"),
])
def test_a_body_addressed_with_v_is_named_in_the_nominative(heading: str, name: str, normalized: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    body, = parsed.recipients
    assert (body.name, body.normalized, body.kind) == (name, normalized, PartyKind.ORGANISATION)


@pytest.mark.parametrize(("heading", "normalized"), [
    ("Ответ товарищам колхозникам", "товарищи колхозники"),
    ("Приветствие рабочим Путиловского завода", "рабочие Путиловского завода"),
    ("Телеграмма красноармейцам и командирам Южного фронта", "красноармейцы и командиры Южного фронта"),
])
def test_people_addressed_as_a_group_are_one_body_named_in_the_nominative(heading: str, normalized: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    group, = parsed.recipients
    assert (group.normalized, group.kind) == (normalized, PartyKind.ORGANISATION)


def test_a_group_word_alone_in_a_sentence_is_no_heading() -> None:
    assert parse_heading("Спасибо рабочим") is None


@pytest.mark.parametrize(("heading", "kind", "senders", "recipients"), [
    ("Stalin's letter to Molotov", "letter", ["Stalin"], ["Molotov"]),
    ("Lenin’s telegram to I. V. Stalin and L. D. Trotsky", "telegram", ["Lenin"], ["I. V. Stalin", "L. D. Trotsky"]),
    ("I. V. Stalin to V. I. Lenin (telegram)", "telegram", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("To the Central Committee of the RCP(b)", "letter", [], ["the Central Committee of the RCP(b)"]),
])
def test_english_headings_with_a_possessive_a_kind_in_brackets_or_to_alone(
        heading: str, kind: str, senders: list[str], recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert (parsed.kind, [p.name for p in parsed.senders], [p.name for p in parsed.recipients]) == (
        kind, senders, recipients)


def test_to_comrade_alone_is_an_address_not_a_heading() -> None:
    assert parse_heading("To Comrade Lenin") is None


@pytest.mark.parametrize(("heading", "sender", "recipient"), [
    ("Письмо И.В. Сталина Г.К. Орджоникидзе", "И. В. Сталин", "Г. К. Орджоникидзе"),
    ("Письмо Г.К. Орджоникидзе И.В. Сталину", "Г. К. Орджоникидзе", "И. В. Сталин"),
    ("Записка П.Г. Мдивани В.И. Ленину", "П. Г. Мдивани", "В. И. Ленин"),
    ("Письмо Р.С. Землячки И.В. Сталину", "Р. С. Землячка", "И. В. Сталин"),
])
def test_a_title_with_a_surname_that_never_declines_on_either_side(heading: str, sender: str, recipient: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert ([p.normalized for p in parsed.senders], [p.normalized for p in parsed.recipients]) == (
        [sender], [recipient])


def test_a_title_naming_one_person_whose_surname_never_declines_is_to_him() -> None:
    parsed = parse_heading("Письмо Г.К. Орджоникидзе")
    assert parsed is not None and parsed.senders == () and [p.name for p in parsed.recipients] == ["Г.К. Орджоникидзе"]


@pytest.mark.parametrize("heading", ["I. V. Stalin to V. M. Molotov1", "I. V. Stalin to V. M. Molotov¹",
                                     "И. В. Сталин — В. М. Молотову2"])
def test_a_note_marker_glued_to_the_last_name_is_not_part_of_it(heading: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert [p.name for p in parsed.recipients] in (["V. M. Molotov"], ["В. М. Молотову"])


@pytest.mark.parametrize(("heading", "senders", "recipients"), [
    ("I. V. Stalin to the Council of Labour and Defence", ["I. V. Stalin"], ["Council of Labour and Defence"]),
    ("Stalin to the Workers' and Peasants' Inspection", ["Stalin"], ["Workers' and Peasants' Inspection"]),
    ("Записка Ф.Э. Дзержинского в Совет Труда и Обороны", ["Ф. Э. Дзержинский"], ["Совет Труда и Обороны"]),
    ("Записка Ф.Э. Дзержинского в СТО", ["Ф. Э. Дзержинский"], ["СТО"]),
    ("Л.Д. Троцкий — в ОГПУ", ["Л.Д. Троцкий"], ["ОГПУ"]),
    ("Телеграмма в ВЦИК", [], ["ВЦИК"]),
])
def test_bodies_with_and_in_their_name_or_by_their_abbreviation(
        heading: str, senders: list[str], recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert [p.normalized or p.name for p in parsed.senders] == senders
    assert [p.normalized for p in parsed.recipients] == recipients
    assert all(p.kind is PartyKind.ORGANISATION for p in parsed.recipients)


@pytest.mark.parametrize(("heading", "sender", "recipient"), [
    ("Докладная записка Г.Г. Ягоды секретарю ЦК ВКП(б) И.В. Сталину", "Г.Г. Ягоды", "И.В. Сталину"),
    ("Л.Д. Троцкий — секретарю ЦК РКП(б) В.М. Молотову", "Л.Д. Троцкий", "В.М. Молотову"),
    ("L. D. Trotsky to the Secretary of the CC V. M. Molotov", "L. D. Trotsky", "V. M. Molotov"),
])
def test_the_person_named_after_an_office_is_the_party(heading: str, sender: str, recipient: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert ([p.name for p in parsed.senders], [p.name for p in parsed.recipients]) == ([sender], [recipient])
    assert parsed.recipients[0].kind is PartyKind.PERSON


@pytest.mark.parametrize("heading", ["Телеграмма И.В. Сталина из Царицына В.И. Ленину",
                                     "Телеграмма И.В. Сталина В.И. Ленину из Царицына"])
def test_where_a_title_says_the_document_was_sent_from_is_no_party(heading: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert ([p.normalized for p in parsed.senders], [p.normalized for p in parsed.recipients]) == (
        ["И. В. Сталин"], ["В. И. Ленин"])


@pytest.mark.parametrize(("heading", "kind", "senders", "recipients"), [
    ("Excerpt from a letter of I. V. Stalin to V. M. Molotov", "letter (extract)", ["I. V. Stalin"], ["V. M. Molotov"]),
    ("Copy of a telegram from I. V. Stalin to V. I. Lenin", "telegram", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("Draft letter from I. V. Stalin to V. I. Lenin", "letter (draft)", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("Radiogram from I. V. Stalin to V. I. Lenin", "radiogram", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("G. K. Ordzhonikidze (Sergo) to V. I. Lenin", "letter", ["G. K. Ordzhonikidze"], ["V. I. Lenin"]),
    ("I. V. Stalin to V. I. Lenin on the situation at Orel", "letter", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("I. V. Stalin to V. I. Lenin about the Southern Front", "letter", ["I. V. Stalin"], ["V. I. Lenin"]),
    ("V. I. Lenin to TT. Stalin and Kamenev", "letter", ["V. I. Lenin"], ["Stalin", "Kamenev"]),
    ("V. I. Lenin to Comrades Stalin and Kamenev", "letter", ["V. I. Lenin"], ["Stalin", "Kamenev"]),
    ("В.И. Ленин — тт. Сталину и Каменеву", "letter", ["В.И. Ленин"], ["Сталину", "Каменеву"]),
])
def test_more_english_heading_forms(heading: str, kind: str, senders: list[str], recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    assert (parsed.kind, [p.name for p in parsed.senders], [p.name for p in parsed.recipients]) == (
        kind, senders, recipients)


@pytest.mark.parametrize(("heading", "first", "second"), [
    ("Conversation by direct wire between I. V. Stalin and V. I. Lenin", "I. V. Stalin", "V. I. Lenin"),
    ("Exchange of notes between L. B. Kamenev and I. V. Stalin at a meeting of the Politburo",
     "L. B. Kamenev", "I. V. Stalin"),
    ("Разговор по прямому проводу И.В. Сталина с В.И. Лениным", "И. В. Сталин", "В. И. Ленин"),
    ("Разговор по прямому проводу между И.В. Сталиным и В.И. Лениным", "И. В. Сталин", "В. И. Ленин"),
])
def test_a_conversation_of_two_people_has_each_as_sender_and_recipient(heading: str, first: str, second: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None
    senders = [p.normalized or p.name for p in parsed.senders]
    assert senders == [first, second]
    assert [p.normalized or p.name for p in parsed.recipients] == [second, first]


@pytest.mark.parametrize(("dative", "expected"), [
    ("Г.Г. Ягоде", "Г. Г. Ягода"), ("А. Д. ЦЮРУПЕ", "А. Д. ЦЮРУПА"), ("Р.С. Землячке", "Р. С. Землячка"),
    ("Л.П. Берии", "Л. П. Берия"), ("Г.К. Орджоникидзе", "Г. К. Орджоникидзе"), ("П.Г. Мдивани", "П. Г. Мдивани"),
    ("В. А. Антонову-Овсеенко", "В. А. Антонов-Овсеенко"), ("В. Д. Бонч-Бруевичу", "В. Д. Бонч-Бруевич"),
])
def test_the_dative_of_a_surname_in_a_or_iya_gives_its_nominative(dative: str, expected: str) -> None:
    assert nominative(dative) == expected


@pytest.mark.parametrize(("heading", "recipients"), [
    ("Л.Д. Троцкий — Н.И. Бухарину, копия И.В. Сталину", ["Н.И. Бухарину"]),
    ("L. D. Trotsky to N. I. Bukharin, copy to I. V. Stalin", ["N. I. Bukharin"]),
    ("Л.Д. Троцкий — членам ЦК и ЦКК РКП(б)", ["членам ЦК и ЦКК РКП(б)"]),
    ("Сталин — в Политбюро и Оргбюро ЦК", ["в Политбюро", "Оргбюро ЦК"]),
])
def test_copies_are_no_addressees_and_the_members_of_two_bodies_are_one(heading: str, recipients: list[str]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and [p.name for p in parsed.recipients] == recipients


def test_where_a_telegram_went_before_its_addressees_is_no_addressee() -> None:
    parsed = parse_heading("ТЕЛЕГРАММА В ЦАРИЦЫН И. В. СТАЛИНУ И С. К. МИНИНУ")
    assert parsed is not None and [p.name for p in parsed.recipients] == ["И. В. СТАЛИНУ", "С. К. МИНИНУ"]


@pytest.mark.parametrize(("heading", "normalized"), [
    ("ТЕЛЕГРАММА ОМСКОМУ ГУБПРОДКОМУ", "ОМСКИЙ ГУБПРОДКОМ"),  # a committee's short name is a noun in -ком
    ("Телеграмма Уральскому обкому", "Уральский обком"),
    ("ТЕЛЕГРАММА СОВНАРКОМУ УКРАИНЫ", "СОВНАРКОМ УКРАИНЫ"),
    ("Письмо Демьяну Бедному", "Демьян Бедный"),  # an adjective as a surname
    ("Письмо Л. Н. Толстому", "Л. Н. Толстой"),
    ("ПИСЬМО М. ГОРЬКОМУ", "М. ГОРЬКИЙ"),
])
def test_the_nominative_of_committees_and_of_adjectives_as_surnames(heading: str, normalized: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and [p.normalized for p in parsed.recipients] == [normalized]


def test_an_addressee_named_in_full_with_his_patronymic() -> None:
    parsed = parse_heading("Ответ товарищу Сорокину Петру Ильичу")
    assert parsed is not None and [(p.name, p.normalized) for p in parsed.recipients] == [
        ("Сорокину Петру Ильичу", "Сорокин Петр Ильич")]


def test_a_foreign_name_of_two_words_after_an_initial() -> None:
    parsed = parse_heading("Телеграмма И. Броз Тито")
    assert parsed is not None and [p.name for p in parsed.recipients] == ["И. Броз Тито"]


@pytest.mark.parametrize(("heading", "senders", "recipients"), [
    ("ЗАПИСКА Ф.Э. ДЗЕРЖИНСКОГО И.В. СТАЛИНУ О ПОЛОЖЕНИИ НА СЕВЕРНОМ КАВКАЗЕ",
     [("Ф.Э. ДЗЕРЖИНСКОГО", "Ф. Э. Дзержинский")], [("И.В. СТАЛИНУ", "И. В. Сталин")]),
    ("ПИСЬМО И. В. СТАЛИНА В. М. МОЛОТОВУ", [("И. В. СТАЛИНА", "И. В. Сталин")], [("В. М. МОЛОТОВУ", "В. М. Молотов")]),
])
def test_a_title_in_capitals_names_the_sender_in_the_genitive(heading: str, senders: list[tuple[str, str]],
                                                             recipients: list[tuple[str, str]]) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind_as_printed is not None
    assert [(p.name, p.normalized) for p in parsed.senders] == senders
    assert [(p.name, p.normalized) for p in parsed.recipients] == recipients


def test_a_body_a_translation_prints_in_small_letters_after_the() -> None:
    parsed = parse_heading('J. V. Stalin to the editorial board of the newspaper "Sotsial-Demokrat"')
    assert parsed is not None and [(p.normalized, p.kind) for p in parsed.recipients] == [
        ('editorial board of the newspaper "Sotsial-Demokrat"', PartyKind.ORGANISATION)]


@pytest.mark.parametrize(("heading", "sender"), [("Письмо т. Степанова", "Степанов"), ("Ответ т. Сталина", "Сталин"),
                                                 ("Письмо Г.Е. Зиновьева", "Г. Е. Зиновьев")])
def test_a_title_naming_only_the_writer_in_the_genitive(heading: str, sender: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and [p.normalized for p in parsed.senders] == [sender] and not parsed.recipients


@pytest.mark.parametrize(("heading", "kind", "recipient"), [
    ("Stalin I.V. - in the Politburo of the TsK RKP (b)", "letter", "Politburo of the TsK RKP (b)"),  # "— в Политбюро"
    ("Encryption of G.K. Ordzhonikidze to I.V. Stalin", "cipher telegram", "I.V. Stalin"),  # "Шифровка"
])
def test_a_machine_translations_words_for_to_a_body_and_for_a_cipher(heading: str, kind: str, recipient: str) -> None:
    parsed = parse_heading(heading)
    assert parsed is not None and parsed.kind == kind
    assert [p.normalized or p.name for p in parsed.recipients] == [recipient]
    assert parse_heading("Stalin - in Moscow") is None  # a town, not a body


def test_addressees_joined_by_and_to() -> None:
    assert names("F. E. Dzerzhinsky to A. I. Rykov and to the members of the Politburo") == (
        ["F. E. Dzerzhinsky"], ["A. I. Rykov", "the members of the Politburo"])


def test_a_ciphered_telegram_from_one_to_another() -> None:
    parsed = parse_heading("Ciphered telegram from G. K. Ordzhonikidze to I. V. Stalin")
    assert parsed is not None and parsed.kind == "cipher telegram"
    assert ([p.name for p in parsed.senders], [p.name for p in parsed.recipients]) == (
        ["G. K. Ordzhonikidze"], ["I. V. Stalin"])

"""Synthetic pages of letters in the conventions of the real corpus, with what a reader should find.

The benchmark needs tens of megabytes of pages like the seed page, and the fuzz tests
need pages whose right answer is known; the real corpus is a few dozen kilobytes.
This module writes such pages from templates that mix the conventions of
``../shared/corpus``: the web edition's front matter, "No. N" lines, headings
("X to Y", "X - Y", "Telegram from X to Y and Z", "Каганович, Молотов — Сталину"),
editorial dates ("October 5-6, 1925", "[December 1912]", "July 31 [1920]"), the
authors' date lines ("22/XII-25", "Kharkiv 31/7."), signatures, archival citations
with their translation slips, notes and cross-references. The texts are invented
sentences; the names are the real correspondents'.

Everything is deterministic: page ``i`` of seed ``s`` is always the same page, on any
machine, so a benchmark figure or a failing fuzz example can be reproduced.

    python bench/synth.py OUTDIR --mb 50 [--seed 0] [--annotations]

writes ``OUTDIR/000000.txt`` ... until the pages weigh ``--mb`` megabytes (UTF-8);
with ``--annotations`` also ``000000.json`` in the format of the corpus annotations,
so that a small synthetic collection can be scored with ``../shared/eval/score.py``.
From Python, ``synthetic_pairs(seed, count)`` yields ``(page_text, expected)`` pairs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Expected = dict[str, Any]

# --- the people and the furniture of the pages --------------------------------------------


@dataclass(frozen=True)
class Person:
    """A correspondent as the English web edition prints him, and as Russian pages do."""

    initials: str  # "I. V."
    surname: str  # "Stalin"
    signatures: tuple[str, ...]  # how he signs: "Stalin.", "J. Stalin."
    salutations: tuple[str, ...]  # how he is addressed: "Dear Sergo!"
    ru_surname: str = ""  # "Сталин"
    ru_dative: str = ""  # "Сталину"
    ru_initials: str = ""  # "И.В."

    @property
    def name(self) -> str:
        return f"{self.initials} {self.surname}"

    @property
    def ru_normalized(self) -> str:
        return f"{self.ru_initials.replace('.', '. ').strip()} {self.ru_surname}"


PEOPLE: tuple[Person, ...] = (
    Person("I. V.", "Stalin", ("Stalin.", "J. Stalin.", "I. Stalin."), ("Comrade Stalin!", "Koba!", "T. Stalin."),
           "Сталин", "Сталину", "И.В."),
    Person("V. I.", "Lenin", ("Lenin", "V. Ulyanov (Lenin)"), ("Vladimir Ilyich!", "Dear Ilyich!")),
    Person("L. D.", "Trotsky", ("Trotsky.", "L. Trotsky."), ("Lev Davidovich!", "Comrade Trotsky!")),
    Person("F. E.", "Dzerzhinsky", ("F. Dzerzhinsky.", "Dzerzhinsky."), ("Dear Felix!", "Comrade Dzerzhinsky!")),
    Person("G. K.", "Ordzhonikidze", ("Sergo.", "Yours, Sergo."), ("Dear Sergo!", "Sergo!"),
           "Орджоникидзе", "Орджоникидзе", "Г.К."),
    Person("K. E.", "Voroshilov", ("VOROSHILOV", "K. Voroshilov."), ("Dear Klim!", "Klim!"),
           "Ворошилов", "Ворошилову", "К.Е."),
    Person("V. M.", "Molotov", ("V. Molotov.", "Molotov."), ("Vyacheslav!", "Comrade Molotov!"),
           "Молотов", "Молотову", "В.М."),
    Person("L. M.", "Kaganovich", ("L. Kaganovich.", "Kaganovich."), ("Lazar!", "Comrade Kaganovich!"),
           "Каганович", "Кагановичу", "Л.М."),
    Person("N. I.", "Bukharin", ("N. Bukharin.", "Bukharin."), ("Dear Nikolai!", "Comrade Bukharin!")),
    Person("A. I.", "Rykov", ("A. Rykov.", "Rykov."), ("Alexei Ivanovich!", "Comrade Rykov!")),
    Person("L. B.", "Kamenev", ("L. Kamenev.", "Kamenev."), ("Dear Lev Borisovich!",)),
    Person("G. E.", "Zinoviev", ("G. Zinoviev.", "Zinoviev."), ("Comrade Zinoviev!",)),
    Person("A. I.", "Mikoyan", ("A. Mikoyan.", "Anastas."), ("Dear Anastas!",),
           "Микоян", "Микояну", "А.И."),
    Person("S. M.", "Kirov", ("S. Kirov.", "Kirov."), ("Dear Mironych!",), "Киров", "Кирову", "С.М."),
    Person("S. M.", "Budyonny", ("S. Budyonny.", "BUDYONNY"), ("Dear Semyon Mikhailovich!",)),
    Person("G. V.", "Chicherin", ("Chicherin.", "CHICHERIN"), ("Georgy Vasilyevich!",)),
    Person("M. I.", "Kalinin", ("M. Kalinin.",), ("Mikhail Ivanovich!",), "Калинин", "Калинину", "М.И."),
    Person("A. M.", "Nazaretyan", ("Yours, Amayak.", "A. Nazaretyan."), ("Dear Amayak!",)),
)
RU_PEOPLE: tuple[Person, ...] = tuple(p for p in PEOPLE if p.ru_surname)
BODIES = ("Politburo of the Central Committee of the RCP (b)", "Central Committee of the RCP (b)",
          "Revolutionary Military Council of the Republic", "Council of People's Commissars")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
PLACES = ("Kharkiv", "Tiflis", "Baku", "Tsaritsyn", "Rostov", "Serpukhov", "Sochi", "Moscow")

NAV_BAR = "Marx-Engels |  Lenin  | Stalin |  Home Page"
COLLECTION = " Bolshevik leadership Correspondence. 1912-1927\nCollection of documents 1996."
COMPILERS = "Compiled by: A.V.Kvashonkin, L.P.Kosheleva, L.A.Rogovaya, O.V.Khlevnyuk."
SECTIONS = ("Stalin Correspondences", "Section I 1912 - 1921", "Section II 1922 - 1927", "")

# (archive as printed, separator after it, opis abbreviation, expected archive key)
ARCHIVE_STYLES = (("RTSKHIDNI", ".", "Op."), ("RTSKHIDNI", ".", "On."), ("RTSHIDNI", ";", "On."))
FORMS = ("Autograph", "Typewritten text", "Certified typewritten copy",
         "Typewritten text. Signatures are autographs", "Copy")
RU_FORMS = ("Автограф", "Подлинник. Машинопись", "Заверенная машинописная копия", "Копия")
ADDRESS_LINES = ("Copy.", "SECRET.", "Urgently.", "MOSCOW, KREMLIN, TO STALIN.", "Owls. Secret.",
                 "Copy to Comrade Kamenev.")
CLOSINGS = ("With communist greetings, ", "With greetings, ", "Yours, ", "")

SENTENCES = (
    "The commission met yesterday and again came to nothing, because the figures of the departments do not agree.",
    "I ask that the question be put to the Politburo before the plenum, otherwise it will be too late.",
    "The trains with grain have not yet arrived, and the workers of the southern plants are waiting for bread.",
    "We all here think that the request of the front should be respected without delay.",
    "The Supreme Economic Council cannot accept the reduction proposed by the Commissariat of Finance.",
    "Nothing has changed with Ilyich yet; the doctors allow him to read the papers.",
    "The position of the army is difficult, the horses are exhausted and there is no fodder.",
    "Please inform me about our plans in connection with the negotiations.",
    "I consider it necessary to provide you with some data on two issues.",
    "The said order must be sent out immediately in a categorical form.",
    "If the plan is cut again, the works will stand idle by spring.",
    "Koba is working a great deal, sleeps little and scolds everyone.",
    "I moved into the new apartment (Povarskaya street, d[om] No. 11), the rooms are large and cold.",
    "The report of the CSB on the harvest has still not been sent to me.",
    "Let us talk it over on Thursday before the session of the Council of Labour and Defence.",
    "The enemy is moving forward and took two stations, but the line of the railway is held.",
    "I will not take part in the quarrel, and I will carry out all the work entrusted to me.",
    "The draft of the resolution is acceptable in general, but the fourth point must be dropped.",
    "Send the family by the beginning of July, and if they want to stay there, until the autumn.",
    "The losses are heavy, and the reinforcements promised last week have not come.",
    "We propose to shorten the second point by half and to send the text to the members tomorrow.",
    "The price cannot be raised now, whatever the provincial committees write.",
    "One interesting report: the planned attack did not take place.",
    "The comrades of the Transcaucasian committee ask for an answer on the oil question.",
    "Order No. 7 of the front has been read to all the divisions.",
    "I read your letter twice; you are right about the workers and wrong about the committee.",
)
RU_SENTENCES = (
    "Проект постановления получил, по существу возражений нет.",
    "Пункт третий считаю лишним, его надо снять.",
    "Остальное принять и опубликовать в «Правде» без изменений.",
    "С ответом Наркомфину не торопитесь.",
    "Нажимай на Наркомторг, пусть не ждут октября.",
    "С хлебозаготовками дело идет лучше, чем в прошлом году, но успокаиваться нельзя.",
    "Предлагаем перенести пленум в связи с уборкой.",
    "Проект повестки дня посылаем почтой.",
    "Насчет кадров для Госплана – согласен, надо обновить.",
    "Если не согласны, поступайте по своему усмотрению.",
    "Дела с Японией сложные, серьезные.",
    "Шесть бомбовозов для Дальвоста – пустяк, надо послать туда не менее пятидесяти.",
    "Прошу сообщить о решении ПБ шифром.",
    "Постановление о заводе № 2 надо отложить до осени.",
)
RU_NOTE_TEXTS = (
    "Отправлена шифром из Сочи {d} {month} в {h} час. {mi} мин. (Там же. Л. {leaf}).",
    "Сталин ответил согласием {d} {month} шифром из Сочи (Там же. Л. {leaf}).",
    "Постановление было принято ПБ опросом {d} {month} (РГАСПИ. Ф. 17. Оп. 162. Д. {leaf}. Л. 76).",
)
NOTE_TEXTS = (
    "The note has not been found.",
    "We are talking about the political report of the Central Committee at the congress.",
    "The question was considered by the Politburo at its next meeting.",
    "The cavalry of the First Cavalry Army.",
    "At the beginning of the letter there is a note: \u201ccopy to Comrade Sergo\u201d.",
)


# --- one page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntheticPage:
    """A generated page: its text and what a careful reader finds in it (corpus format)."""

    name: str
    language: str
    text: str
    expected: Expected = field(default_factory=dict)


@dataclass(frozen=True)
class Day:
    year: int
    month: int  # 1-12
    day: int

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def synthetic_page(seed: int, index: int, ru_share: float = 0.25) -> SyntheticPage:
    """Page ``index`` of the collection ``seed``; the same arguments give the same page."""
    rng = random.Random(f"letterbook-synth:{seed}:{index}")
    name = f"{index:06d}"
    if rng.random() < ru_share:
        text, documents = (_istmat_page if rng.random() < 0.6 else _grachev_page)(rng)
        language = "ru"
    else:
        text, documents = _web_edition_page(rng)
        language = "en"
    expected: Expected = {"url": f"synthetic:{seed}/{name}", "truncated": False, "documents": documents}
    return SyntheticPage(name=name, language=language, text=text, expected=expected)


def synthetic_pages(seed: int = 0, count: int | None = None, ru_share: float = 0.25) -> Iterator[SyntheticPage]:
    """Pages 0, 1, 2 ... of collection ``seed`` (endless when ``count`` is None)."""
    index = 0
    while count is None or index < count:
        yield synthetic_page(seed, index, ru_share)
        index += 1


def synthetic_pairs(seed: int = 0, count: int | None = None, ru_share: float = 0.25) -> Iterator[tuple[str, Expected]]:
    """``(page_text, expected)`` pairs, ``expected`` in the format of the corpus annotations."""
    for page in synthetic_pages(seed, count, ru_share):
        yield page.text, page.expected


# --- English pages of the web edition --------------------------------------------------------


def _web_edition_page(rng: random.Random) -> tuple[str, list[Expected]]:
    compact = rng.random() < 0.25  # some pages of the edition have no blank lines at all
    blocks = _front_matter(rng)
    documents: list[Expected] = []
    number = rng.randint(1, 240)
    for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 4))):
        numbered = rng.random() < 0.7
        letter_blocks, expected = _english_letter(rng, str(number) if numbered else None)
        blocks.extend(letter_blocks)
        if not compact:
            blocks.append("\u00a0")  # the edition separates documents with a no-break-space line
        documents.append(expected)
        number += rng.randint(1, 3)
    separator = "\n" if compact else "\n\n"
    return separator.join(blocks).rstrip() + "\n", documents


def _front_matter(rng: random.Random) -> list[str]:
    title = rng.choice(("Bolshevik Leaders correspondence", "to Stalin from Voroshilov", "From  Stalin to Lenin"))
    blocks = [title, NAV_BAR, COLLECTION, COMPILERS]
    section = rng.choice(SECTIONS)
    if section:
        blocks.append(section)
    return blocks


def _english_letter(rng: random.Random, number: str | None) -> tuple[list[str], Expected]:
    senders = _pick_people(rng, rng.choice((1, 1, 1, 2)))
    recipients = _pick_recipients(rng, senders)
    heading, kind = _english_heading(rng, senders, recipients)
    day = _random_day(rng, 1912, 1927)
    date_printed, edtf = _english_editorial_date(rng, day)
    note_count = rng.choice((0, 0, 1, 2, 3, 4))
    blocks = [f"No. {number}"] if number else []
    blocks += [heading, date_printed]
    if rng.random() < 0.35:
        blocks.append(rng.choice(ADDRESS_LINES))
    dateline = _english_dateline(rng, day) if edtf and "?" not in edtf and "/" not in edtf else None
    dateline_at_end = dateline is not None and dateline.endswith(f" {day.year}.") and rng.random() < 0.5
    if dateline and not dateline_at_end:
        blocks.append(dateline)
    if kind == "letter":
        blocks.append(rng.choice(recipients[0].salutations) if isinstance(recipients[0], Person) else "Comrades!")
    blocks += _paragraphs(rng, SENTENCES, note_count, rng.choice((1, 2, 3, 4, 6, 8, 12)))
    signature_lines = _english_signature(rng, senders, kind)
    blocks += signature_lines
    signature = "\n".join(signature_lines)
    if rng.random() < 0.15:
        blocks.append("PS The answer is needed by Monday. Is it possible?")
    if dateline and dateline_at_end:
        blocks.append(dateline)
    archive, citation = _english_citation(rng)
    if citation:
        blocks.append(citation)
    notes, cross_refs = _english_notes(rng, note_count)
    blocks += notes
    expected: Expected = {
        "number": number,
        "senders": [p.name for p in senders],
        "recipients": [r.name if isinstance(r, Person) else r for r in recipients],
        "date_printed": date_printed,
        "date_edtf": edtf,
        "dateline_original": dateline,
        "archive_citation": citation,
        "archive": archive,
        "publication": None,
        "signature": signature,
        "notes_count": note_count,
        "cross_refs": cross_refs,
    }
    return blocks, expected


def _pick_people(rng: random.Random, count: int, pool: tuple[Person, ...] = PEOPLE) -> list[Person]:
    return rng.sample(pool, count)


def _pick_recipients(rng: random.Random, senders: list[Person]) -> list[Person | str]:
    if rng.random() < 0.1:
        return [rng.choice(BODIES)]
    others = [p for p in PEOPLE if p not in senders]
    return list(rng.sample(others, rng.choice((1, 1, 1, 2, 3))))


def _english_heading(rng: random.Random, senders: list[Person], recipients: list[Person | str]) -> tuple[str, str]:
    names = [r.name if isinstance(r, Person) else r for r in recipients]
    sender_list = ", ".join(p.name for p in senders)
    if rng.random() < 0.3 and len(senders) == 1:
        joined = ", ".join(names) if len(names) > 2 else " and ".join(names)
        return f"Telegram from {sender_list} to {joined}", "telegram"
    style = rng.choice((" to ", " - ", " — "))
    return f"{sender_list}{style}{', '.join(names)}", "letter"


def _random_day(rng: random.Random, first_year: int, last_year: int) -> Day:
    return Day(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 27))


def _english_editorial_date(rng: random.Random, day: Day) -> tuple[str, str | None]:
    month = MONTHS[day.month - 1]
    roll = rng.random()
    if roll < 0.55:
        return f"{month} {day.day}, {day.year}", day.iso
    if roll < 0.7:
        following = Day(day.year, day.month, day.day + 1)
        return f"{month} {day.day}-{day.day + 1}, {day.year}", f"{day.iso}/{following.iso}"
    if roll < 0.82:
        return f"[{month} {day.year}]", f"{day.year:04d}-{day.month:02d}?"
    if roll < 0.95:
        return f"{month} {day.day} [{day.year}]", day.iso
    return f"[previously {month} {day.day}, {day.year}]", None


def _english_dateline(rng: random.Random, day: Day) -> str | None:
    roll = rng.random()
    if roll < 0.45:
        return None
    yy = f"{day.year % 100:02d}"
    forms = (
        f"{day.day}/{ROMAN[day.month - 1]}-{yy}",
        f"{rng.choice(PLACES)} {day.day}/{day.month}.",
        f"{rng.choice(PLACES)}, {MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{MONTHS[day.month - 1]} {day.day}{_ordinal_suffix(day.day)} {day.year}.",
    )
    return rng.choice(forms)


def _ordinal_suffix(day: int) -> str:
    if 10 < day % 100 < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _english_signature(rng: random.Random, senders: list[Person], kind: str) -> list[str]:
    """The signature's lines: one per signer, the first perhaps with a closing formula."""
    if len(senders) > 1:
        return [next(s for s in p.signatures if not s.startswith("Yours")) for p in senders]
    signature = rng.choice(senders[0].signatures)
    if kind == "letter" and not signature.startswith("Yours") and rng.random() < 0.3:
        return [rng.choice(CLOSINGS) + signature]
    return [signature]


def _english_citation(rng: random.Random) -> tuple[Expected | None, str | None]:
    if rng.random() < 0.25:
        return None, None
    archive, separator, opis_abbreviation = rng.choice(ARCHIVE_STYLES)
    fond, opis, delo = str(rng.choice((558, 76, 85, 74, 5, 2, 17))), str(rng.randint(1, 11)), str(rng.randint(1, 5500))
    first_leaf = rng.randint(1, 200)
    folios = str(first_leaf) if rng.random() < 0.5 else f"{first_leaf}-{first_leaf + rng.randint(1, 7)}"
    form = rng.choice(FORMS)
    folio_end = "." if rng.random() < 0.9 else ""  # "L. 3-5 Autograph." happens
    citation = (f"{archive}{separator} F. {fond}. {opis_abbreviation} {opis}. D. {delo}. L. {folios}{folio_end} "
                f"{form}.")
    expected = {"archive": "RTSKHIDNI", "fond": fond, "opis": opis, "delo": delo, "folios": folios, "form": form}
    return expected, citation


def _english_notes(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    if count == 0:
        return [], []
    lines, cross_refs = ["Notes:"], []
    for number in range(1, count + 1):
        if rng.random() < 0.4:
            ref = f"note {rng.randint(1, 5)} to document No. {rng.randint(1, 240)}"
            cross_refs.append(ref)
            lines.append(f"{number} See {ref}.")
        else:
            lines.append(f"{number} {rng.choice(NOTE_TEXTS)}")
    return lines, cross_refs


def _paragraphs(rng: random.Random, pool: tuple[str, ...], markers: int, count: int) -> list[str]:
    """Paragraphs of invented sentences, with ``markers`` note markers spread over them."""
    sentences = [rng.choice(pool) for _ in range(max(count * rng.randint(2, 8), markers))]
    for number, position in enumerate(sorted(rng.sample(range(len(sentences)), markers)), 1):
        sentences[position] = _with_marker(rng, sentences[position], number)
    per_paragraph = max(1, len(sentences) // count)
    return [" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]


def _with_marker(rng: random.Random, sentence: str, number: int) -> str:
    body = sentence[:-1]
    forms = (f"{body} {number} .", f"{body}{number}.", f"{body}.{number} .", f"{body} {number}.")
    return rng.choice(forms)


# --- Russian pages ---------------------------------------------------------------------------


def _russian_date(rng: random.Random, day: Day) -> str:
    suffix = rng.choice(("г.", "года"))
    return f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year} {suffix}"


def _russian_citation(rng: random.Random, dotted: bool) -> tuple[Expected, str]:
    opis, delo, leaf = str(rng.choice((1, 11))), str(rng.randint(70, 5400)), str(rng.randint(1, 180))
    form = rng.choice(RU_FORMS)
    archive = "РГАСПИ." if dotted else "РГАСПИ"
    citation = f"{archive} Ф. 558. Оп. {opis}. Д. {delo}. Л. {leaf}. {form}."
    return {"archive": "РГАСПИ", "fond": "558", "opis": opis, "delo": delo, "folios": leaf, "form": form}, citation


def _russian_parties(senders: list[Person], recipient: Person) -> Expected:
    return {
        "senders": [p.ru_surname for p in senders],
        "senders_nominative": [p.ru_surname for p in senders],
        "senders_normalized": [p.ru_normalized for p in senders],
        "sender_implied": False,
        "recipients": [recipient.ru_dative],
        "recipients_nominative": [recipient.ru_surname],
        "recipients_normalized": [recipient.ru_normalized],
    }


def _istmat_page(rng: random.Random) -> tuple[str, list[Expected]]:
    stalin = RU_PEOPLE[0]
    if rng.random() < 0.5:
        senders, recipient = [stalin], rng.choice(RU_PEOPLE[1:])
    else:
        senders, recipient = _pick_people(rng, rng.choice((1, 1, 2)), RU_PEOPLE[1:]), stalin
    day = _random_day(rng, 1931, 1936)
    date_printed = f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year} г."
    heading = f"{', '.join(p.ru_surname for p in senders)} — {recipient.ru_dative} {date_printed}"
    archive, citation = _russian_citation(rng, dotted=False)
    page = rng.randint(1, 700)
    lines = [heading, "", "Реквизиты", "Тип документа: ", "Государство: ", "Датировка: ",
             f"{day.year}.{day.month:02d}.{day.day:02d}", "Источник: ",
             f"Сталин и Каганович. Переписка. 1931–1936 гг. Москва: (РОССПЭН), 2001 Стр. {page}",
             "Архив: ", citation, ""]
    if rng.random() < 0.5:
        lines += ["Шифровка.", "", f"Сочи. Тов. {recipient.ru_dative}.", ""]
    else:
        lines += [f"{recipient.ru_dative}.", ""]
    note_count = rng.choice((0, 1, 1, 2))
    lines += [p + "\n" for p in _paragraphs(rng, RU_SENTENCES, note_count, rng.randint(1, 3))]
    signature = " ".join(f"{p.ru_surname}." for p in senders)
    dateline = rng.choice((f"{day.day}/{ROMAN[day.month - 1]}. {day.year % 100:02d}.",
                           f"{day.day}/{ROMAN[day.month - 1]} — {day.year % 100:02d} г."))
    lines += [signature, "", f"№{rng.randint(1, 200)}", "", dateline, ""]
    if note_count:
        lines.append("_" * rng.randint(19, 29))
        lines += [f"\n{n} " + rng.choice(RU_NOTE_TEXTS).format(
            d=day.day, month=RU_MONTHS_GENITIVE[day.month - 1], h=rng.randint(0, 23), mi=rng.randint(10, 59),
            leaf=rng.randint(1, 99)) for n in range(1, note_count + 1)]
    expected: Expected = {
        "number": None, "heading": heading, **_russian_parties(senders, recipient),
        "date_printed": date_printed, "date_edtf": day.iso, "dateline_original": dateline,
        "archive_citation": citation, "archive": archive,
        "publication": lines[8], "signature": signature, "notes_count": note_count, "cross_refs": [],
    }
    return "\n".join(lines).rstrip() + "\n", [expected]


GRACHEV_NAVIGATION = ("Библиотека Михаила Грачева\n\n \n\nПредыдущая\nпубликация\nАлфавитный указатель\n"
                      "сочинений И.В. Сталина\n\n \n\nОглавление тома 17\nсочинений И.В. Сталина\nСледующая\n"
                      "публикация")


def _grachev_page(rng: random.Random) -> tuple[str, list[Expected]]:
    stalin = RU_PEOPLE[0]
    recipient = rng.choice(RU_PEOPLE[1:])
    day = _random_day(rng, 1918, 1936)
    date_printed = _russian_date(rng, day)
    kind = rng.choice(("Письмо", "Письмо", "Телеграмма", "Записка"))
    title = f"{kind} {recipient.ru_initials} {recipient.ru_dative}"
    archive, citation = _russian_citation(rng, dotted=True)
    dateline = f"{day.day}/{ROMAN[day.month - 1]}-{day.year % 100:02d} г." if rng.random() < 0.5 else None
    blocks = [GRACHEV_NAVIGATION, "Сталин И.В.", title, date_printed, " ", "Источник:",
              "Сталин И.В. Cочинения. – Т. 17. – Тверь: Научно-издательская",
              f"компания “Северная корона”, 2004. С. {rng.randint(1, 700)}.", " "]
    blocks += _paragraphs(rng, RU_SENTENCES, 0, rng.randint(1, 4))
    signature = rng.choice(("И. Сталин.", "Ваш Сталин.", "Сталин."))
    blocks += ["Привет!", signature] if rng.random() < 0.5 else [signature]
    if dateline:
        blocks += [" ", dateline]
    blocks += [" ", f"Большевистское руководство. Переписка. 1912–1927. С. {rng.randint(1, 400)}.", citation]
    expected: Expected = {
        "number": None, "heading": f"Сталин И.В.\n{title}\n{date_printed}",
        "senders": ["Сталин И.В."], "senders_nominative": ["Сталин И.В."],
        "senders_normalized": [stalin.ru_normalized], "sender_implied": False,
        "recipients": [f"{recipient.ru_initials} {recipient.ru_dative}"],
        "recipients_nominative": [recipient.ru_normalized], "recipients_normalized": [recipient.ru_normalized],
        "date_printed": date_printed, "date_edtf": day.iso, "dateline_original": dateline,
        "archive_citation": citation, "archive": archive, "publication": blocks[-2],
        "signature": signature, "notes_count": 0, "cross_refs": [],
    }
    return "\n\n".join(blocks) + "\n", [expected]


# --- writing a collection --------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    pages: int
    bytes: int


def write_collection(outdir: Path, megabytes: float, seed: int = 0, annotations: bool = False,
                     ru_share: float = 0.25) -> Written:
    """Write pages into ``outdir`` until they weigh ``megabytes`` (10**6 bytes) in UTF-8."""
    outdir.mkdir(parents=True, exist_ok=True)
    target, written, pages = int(megabytes * 1_000_000), 0, 0
    for page in synthetic_pages(seed, None, ru_share):
        if written >= target:
            break
        raw = page.text.encode("utf-8")
        (outdir / f"{page.name}.txt").write_bytes(raw)
        if annotations:
            (outdir / f"{page.name}.json").write_text(json.dumps(page.expected, ensure_ascii=False, indent=1),
                                                      encoding="utf-8")
        written += len(raw)
        pages += 1
    return Written(pages=pages, bytes=written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of pages to write (default 50)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ru-share", type=float, default=0.25, help="share of Russian pages (default 0.25)")
    parser.add_argument("--annotations", action="store_true", help="also write NNNNNN.json expected annotations")
    args = parser.parse_args(argv)
    done = write_collection(args.outdir, args.mb, args.seed, args.annotations, args.ru_share)
    print(f"wrote {done.pages} pages, {done.bytes / 1e6:.1f} MB to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

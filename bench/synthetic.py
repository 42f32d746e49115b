"""A deterministic synthetic collection of seed-style pages (English and Russian), and its reader.

``pages(count, seed)`` yields (name, text) for pages of 1-5 numbered documents each: a
heading "P. I. Popov to I. V. Stalin" / "Сталин — Кагановичу", a printed date, 1-5 KB of
text naming people of the starter register (in Russian case forms too), a signature, an
archival reference and notes citing other documents. ``parse_page`` reads exactly this
format into ``ParseResult`` values with true spans, so the store can be benchmarked and
tested with realistic letters whatever state the real parser is in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Iterator

from letterbook.model import (
    ArchivalRef,
    Collection,
    CrossRef,
    HistoricalDate,
    Letter,
    Note,
    ParseResult,
    Party,
    Source,
    TextValue,
)

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
             "октября", "ноября", "декабря"]
# (English heading form, Russian nominative, Russian dative, name in running text)
PEOPLE = [("I. V. Stalin", "Сталин И.В.", "Сталину И.В.", "Stalin", "Сталина"),
          ("G. K. Ordzhonikidze", "Орджоникидзе Г.К.", "Орджоникидзе Г.К.", "Sergo", "Серго"),
          ("L. M. Kaganovich", "Каганович Л.М.", "Кагановичу Л.М.", "Kaganovich", "Кагановичем"),
          ("K. E. Voroshilov", "Ворошилов К.Е.", "Ворошилову К.Е.", "Klim", "Ворошилову"),
          ("V. M. Molotov", "Молотов В.М.", "Молотову В.М.", "Molotov", "Молотова"),
          ("L. B. Kamenev", "Каменев Л.Б.", "Каменеву Л.Б.", "Kamenev", "Каменевым"),
          ("G. E. Zinoviev", "Зиновьев Г.Е.", "Зиновьеву Г.Е.", "Zinoviev", "Зиновьева"),
          ("F. E. Dzerzhinsky", "Дзержинский Ф.Э.", "Дзержинскому Ф.Э.", "Dzerzhinsky", "Дзержинского"),
          ("N. I. Bukharin", "Бухарин Н.И.", "Бухарину Н.И.", "Bukharin", "Бухариным"),
          ("P. I. Popov", "Попов П.И.", "Попову П.И.", "Popov", "Попова"),
          ("A. I. Rykov", "Рыков А.И.", "Рыкову А.И.", "Rykov", "Рыкова")]
_EN_TEXT = ("the party plenum decision question letter telegram comrades work factory grain plan "
            "commission report meeting politburo committee peasants workers army front railway "
            "letters decided insist propose agree delay urgent answer cannot must should regarding")
EN_WORDS = _EN_TEXT.split()
_RU_TEXT = ("партия пленум решение вопрос письмо письма телеграмма товарищи работа завод хлеб план "
            "комиссия доклад заседание политбюро комитет крестьяне рабочие армия фронт дорога "
            "решили настаиваю предлагаю согласен срочно ответ нельзя надо насчет")
RU_WORDS = _RU_TEXT.split()
HEADING = re.compile(r"^(?:No\.|№) (\d+)$", re.MULTILINE)
EN_DATE = re.compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4})$")
RU_DATE = re.compile(r"^(\d{1,2}) ([а-я]+) (\d{4}) г\.$")
ARCHIVE = re.compile(r"^(RTSKHIDNI|РГАСПИ)\. [FФ]\. (\d+)\. (?:Op|Оп)\. (\d+)\. [DД]\. (\d+)\. [LЛ]\. (\d+)\. (.+)$")
NOTE = re.compile(r"^(\d+) (?:See note|См\. примеч\.) (\d+) (?:to document No\.|к документу №) (\d+)\.$")


def _sentence(rng: random.Random, words: list[str], names: list[str]) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(8, 18))]
    if rng.random() < 0.3:
        picked.insert(rng.randrange(len(picked)), rng.choice(names))
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def _document(rng: random.Random, number: int, russian: bool, total: int) -> str:
    sender, recipient = rng.sample(PEOPLE, 2)
    day = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(365 * 16))
    words, names = (RU_WORDS, [p[4] for p in PEOPLE]) if russian else (EN_WORDS, [p[3] for p in PEOPLE])
    size = rng.randint(1000, 5000)
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < size:
        paragraphs.append(" ".join(_sentence(rng, words, names) for _ in range(rng.randint(2, 6))))
    fond, delo, folio = rng.choice([558, 85, 74, 81]), rng.randint(1, 900), rng.randint(1, 60)
    cited = rng.randint(1, total)
    if russian:
        head = [f"№ {number}", f"{sender[1]} — {recipient[2]}", f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} г."]
        tail = [f"Ваш {sender[1].split()[0]}.",
                f"РГАСПИ. Ф. {fond}. Оп. 1. Д. {delo}. Л. {folio}. Подлинник. Автограф.",
                f"1 См. примеч. 1 к документу № {cited}."]
    else:
        head = [f"No. {number}", f"{sender[0]} to {recipient[0]}", f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"]
        tail = [f"Greetings, {sender[3]}.", f"RTSKHIDNI. F. {fond}. Op. 2. D. {delo}. L. {folio}. Typewritten text.",
                f"1 See note 1 to document No. {cited}."]
    return "\n\n".join([*head, *paragraphs, *tail])


def pages(count: int, seed: int = 1, letters_per_page: tuple[int, int] = (1, 5)) -> Iterator[tuple[str, str]]:
    """``count`` pages as (file name, text); the same arguments give the same pages."""
    rng = random.Random(seed)
    number = 0
    total = count * sum(letters_per_page) // 2
    for page in range(count):
        russian = page % 3 == 2
        front = ("Большевистское руководство. Переписка. 1912-1927\n\n" if russian
                 else "Bolshevik leadership Correspondence. 1912-1927\nCollection of documents 1996.\n\n")
        documents = []
        for _ in range(rng.randint(*letters_per_page)):
            number += 1
            documents.append(_document(rng, number, russian, total))
        yield f"{page:07d}.txt", front + "\n\n".join(documents) + "\n"


def source_of(name: str, text: str) -> Source:
    return Source(path=name, sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)


def _date(line: str, start: int) -> HistoricalDate | None:
    if match := EN_DATE.match(line):
        month, day, year = EN_MONTHS.index(match[1]) + 1, int(match[2]), int(match[3])
    elif match := RU_DATE.match(line):
        day, month, year = int(match[1]), RU_MONTHS.index(match[2]) + 1, int(match[3])
    else:
        return None
    date = dt.date(year, month, day)
    return HistoricalDate(line, (start, start + len(line)), date.isoformat(), date, date)


def _party(name: str, start: int) -> Party:
    return Party(name=name, span=(start, start + len(name)))


def _letter(text: str, start: int, end: int) -> Letter:
    lines = []  # (line, absolute start)
    position = start
    for line in text[start:end].split("\n"):
        if line.strip():
            lines.append((line, position))
        position += len(line) + 1
    (number_line, number_at), (head, head_at), (date_line, date_at) = lines[:3]
    russian = number_line.startswith("№")
    sender, recipient = head.split(" — " if russian else " to ", 1)
    recipient_at = head_at + len(sender) + (3 if russian else 4)
    body = [(line, at) for line, at in lines[3:] if not ARCHIVE.match(line) and not NOTE.match(line)]
    signature = body.pop()
    archival = [ArchivalRef(line, (at, at + len(line)), "RGASPI", m[1], m[2], m[3], m[4], m[5],
                            "autograph" if russian else "typescript", m[6])
                for line, at in lines if (m := ARCHIVE.match(line))]
    notes = [Note(m[1], line, (at, at + len(line)), m[1], refs=(CrossRef(m[3], m[2], (at, at + len(line))),))
             for line, at in lines if (m := NOTE.match(line))]
    text_start, text_end = body[0][1], body[-1][1] + len(body[-1][0])
    return Letter(span=(start, end), text=text[text_start:text_end], text_span=(text_start, text_end),
                  number=HEADING.match(number_line)[1] if HEADING.match(number_line) else None,  # type: ignore[index]
                  number_span=(number_at, number_at + len(number_line)),
                  heading=TextValue(head, (head_at, head_at + len(head))),
                  senders=(_party(sender, head_at),), recipients=(_party(recipient, recipient_at),),
                  date=_date(date_line, date_at),
                  signature=TextValue(signature[0], (signature[1], signature[1] + len(signature[0]))),
                  archival=tuple(archival), notes=tuple(notes), language="ru" if russian else "en")


def parse_page(source: Source) -> ParseResult:
    """The letters of one synthetic page (see the module docstring); nothing else is read."""
    starts = [m.start() for m in HEADING.finditer(source.text)]
    bounds = zip(starts, [*starts[1:], len(source.text)], strict=True)
    letters = tuple(_letter(source.text, s, e) for s, e in bounds)
    title = source.text.split("\n", 1)[0]
    return ParseResult(source=source, collection=Collection(title=title), letters=letters)

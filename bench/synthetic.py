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
import itertools
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
# Words follow Zipf's law, as in real text (the r-th commonest word is r times rarer than the
# commonest): function words in nearly every letter, the correspondence's own words at the
# ranks of moderately common words ("letter" in about half the letters of its language,
# "urgent" in one of ten), then a long tail of rare words. A flat 30-word vocabulary put
# every word into every letter of its language, so that every query was the slowest possible.
VOCABULARY = 20_000
_EN_FUNCTION = ("the of and to in that is for it with on as be by not this we you i are have from at was "
                "all will but our they which he his there or an has been would if them no so me my your")
_EN_DOMAIN = ("letter comrades party question work plan decision report committee telegram politburo "
              "meeting commission factory grain workers peasants army front railway plenum letters "
              "decided answer propose agree insist delay must should cannot regarding urgent")
_RU_FUNCTION = ("и в не на что с по к я о это все как но за из от у бы так же мы вы до то он его для "
                "вас нас мне меня уже если только когда нет был была еще или их ни")
_RU_DOMAIN = ("письмо товарищи партия вопрос работа план решение доклад комитет телеграмма политбюро "
              "заседание комиссия завод хлеб рабочие крестьяне армия фронт дорога пленум письма решили "
              "ответ предлагаю согласен настаиваю надо нельзя насчет срочно")
_EN_SYLLABLES = "ka ro mi te lu sa ven dor pi gal ne tu bar sol fi mun der co ral gis"
_RU_SYLLABLES = "ка ро ми те лу са вен дор пи гал не ту бар сол фи мун дер ко рал гис"


def _vocabulary(function: str, domain: str, syllables: str) -> tuple[list[str], list[float]]:
    """The words by rank, and the cumulative Zipf weights ``random.choices`` wants."""
    real = function.split() + domain.split()
    invented = (w for w in map(_invented, itertools.count(), itertools.repeat(syllables)) if w not in real)
    words = function.split()
    for rank, word in enumerate(domain.split()):  # from rank 60 on, one domain word every twelve ranks
        words.extend(itertools.islice(invented, 60 + 12 * rank - len(words)))
        words.append(word)
    words.extend(itertools.islice(invented, VOCABULARY - len(words)))
    return words, list(itertools.accumulate(1 / rank for rank in range(1, len(words) + 1)))


def _invented(index: int, syllables: str) -> str:
    """Word ``index`` of the rare tail: two to four syllables, the same on every machine."""
    parts = syllables.split()
    digits = [parts[index % len(parts)], parts[index // len(parts) % len(parts)]]
    index //= len(parts) ** 2
    while index:
        digits.append(parts[index % len(parts)])
        index //= len(parts)
    return "".join(digits)


EN_WORDS, _EN_WEIGHTS = _vocabulary(_EN_FUNCTION, _EN_DOMAIN, _EN_SYLLABLES)
RU_WORDS, _RU_WEIGHTS = _vocabulary(_RU_FUNCTION, _RU_DOMAIN, _RU_SYLLABLES)
MENTION_SHARE = 0.1  # sentences naming someone: about three people per letter, as in the corpus's letters
HEADING = re.compile(r"^(?:No\.|№) (\d+)$", re.MULTILINE)
EN_DATE = re.compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4})$")
RU_DATE = re.compile(r"^(\d{1,2}) ([а-я]+) (\d{4}) г\.$")
ARCHIVE = re.compile(r"^(RTSKHIDNI|РГАСПИ)\. [FФ]\. (\d+)\. (?:Op|Оп)\. (\d+)\. [DД]\. (\d+)\. [LЛ]\. (\d+)\. (.+)$")
NOTES_HEADING = re.compile(r"^(?:Notes|Примечания):$")  # as the seed page prints it above the notes
NOTE = re.compile(r"^(\d+) (?:See note|См\. примеч\.) (\d+) (?:to document No\.|к документу №) (\d+)\.$")


def _sentence(rng: random.Random, russian: bool, names: list[str]) -> str:
    words, weights = (RU_WORDS, _RU_WEIGHTS) if russian else (EN_WORDS, _EN_WEIGHTS)
    picked = rng.choices(words, cum_weights=weights, k=rng.randint(8, 18))
    if rng.random() < MENTION_SHARE:
        picked.insert(rng.randrange(len(picked)), rng.choice(names))
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def _document(rng: random.Random, number: int, russian: bool, total: int) -> str:
    sender, recipient = rng.sample(PEOPLE, 2)
    day = dt.date(1920, 1, 1) + dt.timedelta(days=rng.randrange(365 * 16))
    names = [p[4] for p in PEOPLE] if russian else [p[3] for p in PEOPLE]
    size = rng.randint(1000, 5000)
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < size:
        paragraphs.append(" ".join(_sentence(rng, russian, names) for _ in range(rng.randint(2, 6))))
    fond, delo, folio = rng.choice([558, 85, 74, 81]), rng.randint(1, 900), rng.randint(1, 60)
    cited = rng.randint(1, total)
    if russian:
        head = [f"№ {number}", f"{sender[1]} — {recipient[2]}", f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} г."]
        tail = [f"Ваш {sender[1].split()[0]}.",
                f"РГАСПИ. Ф. {fond}. Оп. 1. Д. {delo}. Л. {folio}. Подлинник. Автограф.",
                "Примечания:", f"1 См. примеч. 1 к документу № {cited}."]
    else:
        head = [f"No. {number}", f"{sender[0]} to {recipient[0]}", f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"]
        tail = [f"Greetings, {sender[3]}.", f"RTSKHIDNI. F. {fond}. Op. 2. D. {delo}. L. {folio}. Typewritten text.",
                "Notes:", f"1 See note 1 to document No. {cited}."]
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
    body = [(line, at) for line, at in lines[3:]
            if not ARCHIVE.match(line) and not NOTES_HEADING.match(line) and not NOTE.match(line)]
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

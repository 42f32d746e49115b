"""Where documents begin: number lines, headings and the editors' date under them.

A document starts at a number line ("No. 194", "№ 277", or a bare "116" above a title)
followed by a heading or a date, or at a correspondent heading followed by a date.
A "No." inside a text, a table-of-contents entry, a running head, a page number or a
page title above the navigation bar never starts one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from letterbook.data import load
from letterbook.model import HistoricalDate, Party, PartyKind
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.parse.frontmatter import is_navigation
from letterbook.parse.header import (
    Heading,
    could_be_heading,
    is_capitals,
    kind_named,
    looks_dative,
    parse_co_author_line,
    parse_heading,
    parse_sender_line,
)
from letterbook.parse.text import Line, normalize_spaces

# A number line ("Document No. 194.") is no longer.
MAX_NUMBER_LINE = 40
_NUMBER_LINE_STARTS = frozenset("NnDdДд№Ll")  # "No.", "Nr.", "Document", "Док.", "№", "Letter": a quick test first
LONGEST_UNDATED = 20  # characters of "[не датировано]", "[without date]"
# A heading the rules cannot read, between a number line and a date, is no longer.
MAX_UNREAD_HEADING = 300
# An author's name on a line of its own above the heading ("Сталин И.В.") is no longer.
MAX_AUTHOR_LINE = 60
# A date printed at the end of a heading ends with its year ("... 13 июня 1932 г.", "[1920]"),
# perhaps with a note marker after it ("... 1932 г.1", "... 1932 г.*").
_ENDS_WITH_YEAR = re.compile(r"(?:\d{4}|\])\s?(?:г\.|гг\.|года|год|г|years?)?\.?(?:\d{1,2}|\*{1,3})?$")
# A year with its word on a line of its own is the editors' date ("1921 г.", "1925 год").
_YEAR_WITH_WORD = re.compile(r"\d{4}\s?(?:г\.?|года?|year)\.?")
_WORD = re.compile(r"[^\W\d_]{3,}")
# A collected-works page's running head: its author in capitals ("В. И. ЛЕНИН"), beside the page number.
AUTHOR_HEAD = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ-]{2,}")
# A line in capitals, but for the small "б" of the party's name ("... ЦК РКП(б)*", "ВКП(б)").
_CAPS_CONTINUATION = re.compile(r"(?:[^a-zа-яё]|(?<=\()б(?=\))){3,}")
# A heading line that runs on to the next one: it ends with a comma, "and", "to", a dash or an
# initial ("G. K. Ordzhonikidze to F. E." / "Dzerzhinsky").
# A body's name cut at the end of a heading's line: "... members of the Politburo of the" /
# "Central Committee of the RCP(b)", "... of the Central" / "Committee".
_BODY_CUT = r"(?:of|the|Central|Executive|Revolutionary|Military|ЦК)"
_CUT_BODY = re.compile(r"\s" + _BODY_CUT + "$")
RUN_ON_TAIL = 15  # characters at the end of a line where "and", "to" or an initial is looked for
_RUNS_ON = re.compile(r"(?:,|\s(?:and|и|to|—|–|-)|\s[A-ZА-ЯЁ][a-zа-яё]?\.|\s" + _BODY_CUT + ")$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class LetterStart:
    """The header block of one document: lines ``first`` to ``last`` (indices into lines)."""

    first: int
    last: int
    number: str | None = None
    number_line: Line | None = None
    heading: Heading | None = None
    heading_text: tuple[int, int] | None = None  # span of the heading in the source
    senders: tuple[Party, ...] = ()  # from a line of its own above the heading
    date: HistoricalDate | None = None
    # Lines (first, last) under a metadata block that print the header again (istmat's copies of
    # a volume: "№ 74" / the title / the date): part of the header, not of the text.
    repeated: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class _Page:
    """The page being segmented: its text, lines, the indices of non-blank lines, conventions."""

    text: str
    lines: Sequence[Line]
    nonblank: list[int]
    conventions: Conventions


@cache
def _number_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("headings")
    return re.compile(data["number_line"], re.IGNORECASE), re.compile(data["bare_number_line"])


@cache
def _ocr_digits() -> dict[int, str]:
    return str.maketrans(load("headings")["ocr_digits"])


def _number(match: re.Match[str]) -> str:
    """The number a number line gives, with OCR's letters for digits read as the digits
    ("No. l94" → "194"); another letter after the digits ("12a", "12б") is part of the number."""
    number = match["number"]
    suffix = number[-1].isalpha() and ord(number[-1]) not in _ocr_digits()
    digits = len(number) - 1 if suffix else len(number)
    return number[:digits].translate(_ocr_digits()) + number[digits:]


def number_of(text: str) -> str | None:
    """The document number of a number line ("No. 194" → "194"), else None."""
    if len(text) > MAX_NUMBER_LINE:
        return None
    match = _number_patterns()[0].fullmatch(normalize_spaces(text))
    return _number(match) if match else None


def bare_number_of(text: str) -> str | None:
    if len(text) > 4:
        return None
    match = _number_patterns()[1].fullmatch(text)
    if match is None or (len(text) == 4 and YEARS[0] <= int(text) <= YEARS[1]):
        return None  # "1996" under "Москва / РОССПЭН": the year of a title page
    return match.group("number")


YEARS = (1800, 2099)  # a bare number in this range is a year, never a document's number
# A number set this far right on its line is a page number ("                    89").
PAGE_NUMBER_INDENT = 20


def editorial_date(line: Line, conventions: Conventions = DEFAULT) -> HistoricalDate | None:
    """The editors' date when ``line`` is nothing but one ("October 5-6, 1925", "[December 1912]")."""
    if len(line.text) > 80 or not (_WORD.search(line.text) or line.text.startswith("[")
                                   or _YEAR_WITH_WORD.fullmatch(line.text)):
        return None
    return conventions.date(line.text, line.start)


def find_starts(text: str, lines: Sequence[Line], conventions: Conventions = DEFAULT) -> list[LetterStart]:
    """Every document start on the page ``text``, split into ``lines``, in order."""
    nonblank = [i for i, line in enumerate(lines) if not line.blank]
    position = {line_index: k for k, line_index in enumerate(nonblank)}
    page = _Page(text, lines, nonblank, conventions)
    starts: list[LetterStart] = []
    k = 0
    while k < len(nonblank):
        start = _start_at(page, k)
        if start is None:
            k += 1
            continue
        starts.append(start)
        k = position[start.last] + 1
    starts = _with_repeated_headers(page, starts, position)
    return _without_contents_entries(starts, position, lambda k: k < len(nonblank) and
                                     _RULE.fullmatch(lines[nonblank[k]].text) is not None)


# How far under a heading its metadata block may reach before the header printed again.
LONGEST_METADATA_BLOCK = 40  # non-blank lines


def _with_repeated_headers(page: _Page, starts: list[LetterStart], position: dict[int, int]) -> list[LetterStart]:
    """Starts with a header printed again under the page title's metadata block taken as one:
    istmat copies a volume's document ("№ 74" / "Письмо И.В. Сталина В.М. Молотову" / "9
    сентября 1930 г.") under its own title ("Письмо И.В. Сталина В.М. Молотову 9 сентября 1930
    г.") and "Реквизиты": one document, numbered by the copy."""
    merged: list[LetterStart] = []
    i = 0
    while i < len(starts):
        start = starts[i]
        again = starts[i + 1] if i + 1 < len(starts) else None
        if again is not None and _repeats(page, start, again, position):
            start = _with_repeat(start, again)
            i += 1
        merged.append(start)
        i += 1
    return merged


def _repeats(page: _Page, start: LetterStart, again: LetterStart, position: dict[int, int]) -> bool:
    after = position[start.last] + 1
    if not (_metadata_follows(page, after) and position[again.first] - after <= LONGEST_METADATA_BLOCK):
        return False
    if start.heading_text is None or again.heading_text is None:
        return False
    return (_same_title(page.text[slice(*again.heading_text)], page.text[slice(*start.heading_text)])
            or (start.heading is not None and again.heading is not None
                and _same_parties(start.heading, again.heading)))


# Letters of a surname that its case forms share ("Сталин", "Сталина", "Сталину").
SURNAME_STEM = 4


def _surname_stem(name: str) -> str:
    words = name.split()
    return words[-1].casefold()[:SURNAME_STEM] if words else ""


def _same_parties(title: Heading, again: Heading) -> bool:
    """The same senders and addressees, however the two headings put them ("Письмо И.В. Сталина
    В.М. Молотову" and "И.В. Сталин — В.М. Молотову"): their surnames' stems agree."""
    def stems(parties: tuple[Party, ...]) -> list[str]:
        return sorted(_surname_stem(p.normalized or p.name) for p in parties)
    return (bool(title.senders) and bool(title.recipients) and stems(title.senders) == stems(again.senders)
            and stems(title.recipients) == stems(again.recipients))


def _same_title(again: str, title: str) -> bool:
    """Whether a header printed again is the title's (in capitals, without the title's date)."""
    def letters(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())
    again_letters, title_letters = letters(again), letters(title)
    return bool(again_letters) and (title_letters.startswith(again_letters) or again_letters.startswith(title_letters))


def _with_repeat(start: LetterStart, again: LetterStart) -> LetterStart:
    use_again = start.heading is None or not (start.heading.senders or start.heading.recipients)
    heading, heading_text = (again.heading, again.heading_text) if use_again else (start.heading, start.heading_text)
    return LetterStart(first=start.first, last=start.last, number=start.number or again.number,
                       number_line=start.number_line or again.number_line, heading=heading,
                       heading_text=heading_text, senders=start.senders or again.senders,
                       date=start.date or again.date, repeated=(again.first, again.last))


def _start_at(page: _Page, k: int) -> LetterStart | None:
    lines, nonblank = page.lines, page.nonblank
    line = lines[nonblank[k]]
    number = number_of(line.text)
    if number is not None:
        header = _header_at(page, k + 1, need_date=False)
        if header is not None:
            return _with_number(header, nonblank[k], number, line)
        date = _date_at(page, k + 1)
        if date is not None:
            return LetterStart(first=nonblank[k], last=nonblank[k + 1], number=number, number_line=line, date=date)
        return _with_unread_heading(page, k, number, line) or _over_placed_dateline(page, k, number, line)
    bare = bare_number_of(line.text)
    if bare is not None and line.start - (page.text.rfind("\n", 0, line.start) + 1) < PAGE_NUMBER_INDENT:
        head = lines[nonblank[k + 1]].text if k + 1 < len(nonblank) else ""
        if AUTHOR_HEAD.fullmatch(head) and not looks_dative(head):
            if not _salutation_follows(page, k + 2) or _header_at(page, k + 2, need_date=True) is not None:
                return None  # a page number and the author's running head ("186" / "В. И. ЛЕНИН"), perhaps over a title
            # "296" / "И. Ф. АРМАНД" / "Дорогой друг!": an addressee whose name does not decline
            header = _header_at(page, k + 1, need_date=False)
        else:
            header = _header_at(page, k + 1, need_date=False, titled=True)
        if header is None or _text_runs_on(page, header.last):
            return None  # a page number and the right-hand page's title, the text going on under them
        return _with_number(header, nonblank[k], bare, line)
    header = _header_at(page, k, need_date=True)
    under_page_number = k > 0 and bare_number_of(lines[nonblank[k - 1]].text) is not None
    if header is not None and under_page_number and _text_runs_on(page, header.last):
        return None  # the right-hand page's title and date ("И. В. СТАЛИНУ. 11 ОКТЯБРЯ 1922 г."), text under it
    return header or _number_and_heading(page, k)


def _number_and_heading(page: _Page, k: int) -> LetterStart | None:
    """ "No. 88 V. I. Lenin to I. V. Stalin", "№ 193 Ф. Э. Дзержинский — И. В. Сталину": the number
    and the heading on one line, the editors' date at its end or on the next line."""
    line = page.lines[page.nonblank[k]]
    number = _number_patterns()[0].match(line.text) if line.text[:1] in _NUMBER_LINE_STARTS else None
    if number is None or not line.text[number.end():number.end() + 1].isspace():
        return None
    at = len(line.text) - len(line.text[number.end():].lstrip())
    rest = Line(line.index, line.start + at, line.end, line.text[at:])
    if not could_be_heading(rest.text):
        return None
    found = _heading_with_date(page, page.text[rest.start:rest.end], rest, k)
    if found is None:
        return None
    heading, span, date, last = found
    if date is None and (date := _date_at(page, k + 1)) is not None:
        last = k + 1
    if date is None:
        return None
    number_line = Line(line.index, line.start, line.start + number.end(), line.text[:number.end()])
    return LetterStart(first=page.nonblank[k], last=page.nonblank[last], number=_number(number),
                       number_line=number_line, heading=heading, heading_text=span, date=date)


def _with_unread_heading(page: _Page, k: int, number: str, line: Line) -> LetterStart | None:
    """A number line, a line the heading rules cannot read, and the editors' date: a document
    all the same, whose heading is kept as printed (its correspondents become findings)."""
    if k + 2 >= len(page.nonblank):
        return None
    heading = page.lines[page.nonblank[k + 1]]
    if len(heading.text) > MAX_UNREAD_HEADING or is_navigation(heading.text):
        return None
    date = _date_at(page, k + 2)
    if date is None:
        return None
    return LetterStart(first=page.nonblank[k], last=page.nonblank[k + 2], number=number, number_line=line,
                       heading_text=heading.span, date=date)


def _over_placed_dateline(page: _Page, k: int, number: str, line: Line) -> LetterStart | None:
    """ "№ 133" / "Тифлис, 14/VI." / "Дорогой Коба!": a number over the author's own place and
    date, with no heading between them: a document whose correspondents the text must tell."""
    if k + 1 >= len(page.nonblank):
        return None
    below = page.lines[page.nonblank[k + 1]]
    if not below.text[:1].isupper() or _DIGIT.search(below.text) is None or number_of(below.text) is not None:
        return None  # a place begins with a capital, a date holds a digit; "No. 2" is the next document
    dateline = page.conventions.dateline(below.text, below.start, None)
    if dateline is None or dateline.place is None:
        return None
    return LetterStart(first=page.nonblank[k], last=page.nonblank[k], number=number, number_line=line)


def _with_number(header: LetterStart, first: int, number: str, line: Line) -> LetterStart:
    return LetterStart(first=first, last=header.last, number=number, number_line=line, heading=header.heading,
                       heading_text=header.heading_text, senders=header.senders, date=header.date)


def _header_at(page: _Page, k: int, *, need_date: bool, titled: bool = False) -> LetterStart | None:
    """A heading (with an optional author line above it) starting at ``nonblank[k]``."""
    lines, nonblank = page.lines, page.nonblank
    if k >= len(nonblank):
        return None
    senders: tuple[Party, ...] = ()
    first = k
    found = _heading_lines(page, k)
    if found is None and k + 1 < len(nonblank) and len(lines[nonblank[k]].text) <= MAX_AUTHOR_LINE and \
            could_be_heading(lines[nonblank[k + 1]].text):
        author = parse_sender_line(lines[nonblank[k]].text, lines[nonblank[k]].start)
        found = _heading_lines(page, k + 1) if author else None
        if found is not None and not found[0].senders and author:
            senders = author
        else:
            found = None
    if found is None:
        return None
    heading, span, inline_date, last = found
    if titled and not _is_title(heading):
        return None
    if last + 1 < len(nonblank) and is_navigation(lines[nonblank[last + 1]].text):
        return None  # a page title above the navigation bar
    if inline_date is None and last + 1 < len(nonblank) and (
            co_authors := parse_co_author_line(lines[nonblank[last + 1]].text, lines[nonblank[last + 1]].start)):
        last += 1  # "Совместно с В.М. Молотовым": he signed with the author
        if heading.senders:
            heading = replace(heading, senders=(*heading.senders, *co_authors))
        else:
            senders = (*senders, *co_authors)
    date = inline_date
    if date is None and heading.kind_as_printed is None and (kind := _kind_line(page, last + 1)) is not None \
            and (date := _date_at(page, last + 2)) is not None:
        heading, last = replace(heading, kind=kind), last + 2  # "Molotov and Bukharin to Stalin" / "Telegram" / date
    if date is None:
        date = _date_at(page, last + 1) or _written_at(page, last + 1)
        if date is not None:
            last += 1
    if date is None and _undated_follows(page, last + 1):
        last += 1  # "b/d", "[Без даты]": the editors' word that there is no date
    elif need_date and date is None and not (_metadata_follows(page, last + 1) or
                                             _unread_editorial_date_follows(page, last + 1) or
                                             (_salutation_follows(page, last + 1) and _named_in_full(heading)) or
                                             _titled_with_kind(page, last, heading) or
                                             _titled_in_capitals(page, first, last, heading) or
                                             _addressed_in_capitals(page, first, last, heading)):
        return None
    return LetterStart(first=nonblank[first], last=nonblank[last], heading=heading, heading_text=span,
                       senders=senders, date=date)


def _kind_line(page: _Page, k: int) -> str | None:
    """The kind a line printing only a kind word names ("Telegram", "Шифровка."), else None."""
    if k >= len(page.nonblank):
        return None
    word = page.lines[page.nonblank[k]].text.rstrip(".")
    kind = kind_named(word) if len(word) <= MAX_KIND_WORD else word
    return kind if kind != word else None


MAX_KIND_WORD = 40


def _heading_lines(page: _Page, k: int) -> tuple[Heading, tuple[int, int], HistoricalDate | None, int] | None:
    """A heading at ``nonblank[k]``, joined with a capitals continuation line when there is one."""
    lines, nonblank = page.lines, page.nonblank
    line = lines[nonblank[k]]
    if not could_be_heading(line.text) or is_navigation(line.text):
        return None
    source_end, last = line.end, k
    if line.text.upper() == line.text and k + 1 < len(nonblank):
        following = lines[nonblank[k + 1]]
        if (_CAPS_CONTINUATION.fullmatch(following.text) and any(ch.isalpha() for ch in following.text)
                and not following.text[:1].isdigit()):  # "11/VII." under "Г. Е. ЗИНОВЬЕВУ" is a date
            source_end, last = following.end, k + 1
    elif (k + 1 < len(nonblank) and nonblank[k + 1] == nonblank[k] + 1 and _HYPHENATED.search(line.text)
          and (joined := _hyphenated_heading(page, line, lines[nonblank[k + 1]])) is not None):
        return joined[0], joined[1], None, k + 1  # "F. E. Dzerzhinsky to V. V. Kuiby-" / "shev"
    elif (k + 1 < len(nonblank) and nonblank[k + 1] == nonblank[k] + 1
          and _RUNS_ON.search(line.text, max(0, len(line.text) - RUN_ON_TAIL))):
        following = lines[nonblank[k + 1]]  # "F. E. Dzerzhinsky to I. V. Stalin," / "G. K. Ordzhonikidze"
        if (len(following.text) <= MAX_AUTHOR_LINE and following.text[:1].isupper()
                and not _DIGIT.search(following.text)):
            if _CUT_BODY.search(line.text) is not None:  # the body's name goes on, or the line was all
                return (_heading_with_date(page, page.text[line.start:following.end], line, k + 1)
                        or _heading_with_date(page, line.text, line, k))
            source_end, last = following.end, k + 1
        elif (line.text.endswith(",") and following.text[:1].islower() and len(following.text) <= MAX_AUTHOR_LINE
              and not _DIGIT.search(following.text)):
            return _with_addressees_running_on(page, line, following, k + 1)
    elif (k + 1 < len(nonblank) and nonblank[k + 1] == nonblank[k] + 1
          and _QUOTED_NAME.fullmatch(lines[nonblank[k + 1]].text)):
        following = lines[nonblank[k + 1]]  # "J. V. Stalin to the editorial board of the newspaper" / '"Pravda"'
        quoted = _heading_with_date(page, page.text[line.start:following.end], line, k + 1)
        if quoted is not None:
            return quoted
    return _heading_with_date(page, page.text[line.start:source_end], line, last)


def _with_addressees_running_on(page: _Page, line: Line, following: Line, last: int
                                ) -> tuple[Heading, tuple[int, int], HistoricalDate | None, int] | None:
    """"... to the Central Committees of the national Communist parties," / "regional and
    provincial committees of the CPSU (b)": the addressees run on in small letters. The heading
    holds both lines; when no rule reads the two as one, its parties are those of the first."""
    joined = _heading_with_date(page, page.text[line.start:following.end], line, last)
    if joined is not None:
        return joined
    first = _heading_with_date(page, line.text, line, last)
    return (first[0], (line.start, following.end), None, last) if first is not None else None


# A newspaper's or a body's name in quotation marks on a line of its own, under the heading it ends.
_QUOTED_NAME = re.compile(r"[\"“«„][^\"”»\n]{1,60}[\"”»]\.?")


# A word broken at the end of a line by OCR's or the typesetter's hyphen: "Kuiby-", "Орджоникид-".
_HYPHENATED = re.compile(r"[^\W\d_]{2}-$")


def _hyphenated_heading(page: _Page, line: Line, following: Line) -> tuple[Heading, tuple[int, int]] | None:
    """A heading whose last word runs on, hyphenated, to the next line ("... V. V. Kuiby-" /
    "shev"): read as one word; a name across the break keeps its printed span, and its
    ``normalized`` form is the word made whole."""
    if not following.text[:1].islower() or len(following.text) > MAX_AUTHOR_LINE:
        return None
    cut = len(line.text) - 1  # where the next line's text begins in the joined heading
    heading = parse_heading(line.text[:-1] + following.text)
    if heading is None:
        return None
    gap = following.start - (line.start + cut)  # the hyphen, the line break, any blanks

    def placed(party: Party) -> Party:
        a, b = party.span
        start, end = line.start + a + (gap if a > cut else 0), line.start + b + (gap if b > cut else 0)
        whole = party.normalized or party.name if a < cut < b else party.normalized
        return replace(party, name=page.text[start:end], span=(start, end), normalized=whole)

    moved = replace(heading, senders=tuple(map(placed, heading.senders)),
                    recipients=tuple(map(placed, heading.recipients)))
    return moved, (line.start, following.end)


def _heading_with_date(page: _Page, text: str, line: Line, last: int
                       ) -> tuple[Heading, tuple[int, int], HistoricalDate | None, int] | None:
    """Parse a heading, cutting off a date printed at its end ("Каганович — Сталину 13 июня 1932 г.").

    ``text`` is the source from the start of ``line`` to the end of the heading's last line.
    """
    date = None
    if _ENDS_WITH_YEAR.search(text):  # "... 13 июня 1932 г.", and else a year alone: "... [1921 год]"
        date = page.conventions.find_date(text, line.start) or page.conventions.find_date(text, line.start,
                                                                                          year_only=True)
    heading_end = len(text)
    if date is not None and len(text) - (date.span[1] - line.start) <= 2 and date.span[0] > line.start:
        heading_end = date.span[0] - line.start
    else:
        date = None
    heading = parse_heading(text[:heading_end].rstrip(), line.start)
    if heading is None:
        return None
    return heading, (line.start, line.start + len(text[:heading_end].rstrip())), date, last


def _undated_follows(page: _Page, k: int) -> bool:
    """The editors' "b/d", "[Undated]", "[Без даты]" on the line under the heading."""
    if k >= len(page.nonblank) or len(text := page.lines[page.nonblank[k]].text) > LONGEST_UNDATED:
        return False
    return " ".join(text.strip("[]().").lower().split()) in _undated_words()


@cache
def _undated_words() -> frozenset[str]:
    return frozenset(w.strip("[]().") for w in load("headings")["undated"])


# A line the editors bracketed that holds a year: their date, in words no rule reads ("[Early in
# the autumn of 1918]"). The heading above it still starts a document; the line stays in its text.
_BRACKETED_WITH_YEAR = re.compile(r"\[[^\[\]]{0,70}\b1[6-9]\d\d\b[^\[\]]{0,20}\][.\s]*")


def _unread_editorial_date_follows(page: _Page, k: int) -> bool:
    return k < len(page.nonblank) and _BRACKETED_WITH_YEAR.fullmatch(page.lines[page.nonblank[k]].text) is not None


# A salutation: a short line ending in "!" ("Dear Koba!", "Тов. Курский!", "Comrade Stalin!"), or
# opening the first paragraph with a word of address ("Дорогой друг! Посылаю Вам ...").
_SALUTATION = re.compile(r"[A-ZА-ЯЁ][^!.?\n]{1,50}!")
_SALUTATION_OPENING = re.compile(r"(?:Дорог|Уважаем|Милы|Мила|Тов\.|Т\.|Товарищ|Dear|Comrade)[^!.?\n]{0,45}!(?:\s|$)")


def opens_with_salutation(text: str) -> bool:
    """Whether a line is a salutation or opens with one ("Дорогой друг! Посылаю Вам ...")."""
    return _SALUTATION.fullmatch(text) is not None or _SALUTATION_OPENING.match(text) is not None


def _is_salutation(text: str) -> bool:
    """A line that is a salutation ("Дорогой Коба!") or opens with one ("Тов. Ермаков! Вашу записку ...")."""
    return _SALUTATION.fullmatch(text) is not None or opens_with_salutation(text)


def _salutation_follows(page: _Page, k: int) -> bool:
    """A salutation under a heading that has no date of its own (the date is in the author's
    date line at the end), perhaps below an address line or two: the heading starts a letter."""
    for j in range(k, min(k + 3, len(page.nonblank))):
        text = page.lines[page.nonblank[j]].text
        if _SALUTATION.fullmatch(text) or (j == k and _is_salutation(text)):
            return True
        if len(text) > MAX_ADDRESS_LINE:
            return False
    return False


MAX_ADDRESS_LINE = 80


_INITIAL = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁ][a-zа-яё]?\.")


def _named_in_full(heading: Heading) -> bool:
    """Senders and addressees each printed with initials ("S. M. Kirov - I. V. Stalin"), as the
    editors head a document; not an address line ("MOSCOW, KREMLIN, TO STALIN.") or a list of
    copies ("Copies: to Comrades Zinoviev, Kamenev")."""
    parties = (*heading.senders, *heading.recipients)
    return bool(heading.senders) and bool(heading.recipients) and all(_INITIAL.search(p.name) for p in parties)


def _titled_with_kind(page: _Page, last: int, heading: Heading) -> bool:
    """A title naming the document's kind and its addressee ("Письмо в редакцию газеты «Правда»",
    "Телеграмма В. И. Ленину", "Ответ тов. Ефремову") or its writer ("Письмо т. Степанова"), as
    Stalin's Works print them with the date at the end, above a salutation or the address
    written again ("Ленину."): a document starts."""
    if heading.kind_as_printed is None or not (heading.recipients or heading.senders):
        return False  # "Письмо т. Степанова" / "Товарищу Сталину И.В." / "Уважаемый Иосиф Виссарионович!"
    return _salutation_follows(page, last + 1) or (bool(heading.recipients) and
                                                   _address_follows(page, last + 1, heading))


MAX_ADDRESS = 40  # characters: "Ленину.", "Москва, Кремль, Ленину."


def _address_follows(page: _Page, k: int, heading: Heading) -> bool:
    """The addressee written again on the line under the title ("Телеграмма В. И. Ленину" / "Ленину.")."""
    if k >= len(page.nonblank) or len(text := page.lines[page.nonblank[k]].text) > MAX_ADDRESS:
        return False
    stems = [stem for p in heading.recipients if len(stem := _surname_stem(p.name)) == SURNAME_STEM]
    return text.endswith(".") and any(stem in text.casefold() for stem in stems)


def _text_runs_on(page: _Page, last: int) -> bool:
    """Whether the line under line ``last`` goes on with a sentence begun above (a small letter;
    not "т. Карахан!", a salutation with the abbreviated "товарищ")."""
    following = next((i for i in page.nonblank if i > last), None)
    if following is None:
        return False
    text = page.lines[following].text
    return text[:1].islower() and _ABBREVIATED_WORD.match(text) is None


_ABBREVIATED_WORD = re.compile(r"[^\W\d_]{1,4}\.\s")


def _titled_in_capitals(page: _Page, first: int, last: int, heading: Heading) -> bool:
    """A document's title in capitals naming its kind and addressee ("ПИСЬМО Д. И. КУРСКОМУ*"),
    as Lenin's Collected Works print the letters among the works, with no number above and the
    date in the apparatus below: a document starts here. Not a running head, which stands
    beside a page number ("ПИСЬМО А. М. ГОРЬКОМУ" / "133")."""
    nonblank = page.nonblank
    beside = [nonblank[k] for k in (first - 1, last + 1) if 0 <= k < len(nonblank)]
    return (heading.kind_as_printed is not None and _is_title(heading) and bool(heading.recipients)
            and all(is_capitals(page.lines[i].text) for i in range(nonblank[first], nonblank[last] + 1)
                    if not page.lines[i].blank)
            and not any(bare_number_of(page.lines[i].text) for i in beside))


def _addressed_in_capitals(page: _Page, first: int, last: int, heading: Heading) -> bool:
    """ "ТОВАРИЩАМ РАКИТИНУ И ШМЕЛЕВУ" / "Товарищи!": addressees in capitals and the dative right
    above a salutation, as Stalin's Works head his letters, with no number and the date at the
    end: a document starts. A running head names the author in the nominative ("И. В. СТАЛИН")."""
    nonblank = page.nonblank
    return (not heading.senders and bool(heading.recipients)
            and all(looks_dative(p.name) for p in heading.recipients)
            and all(is_capitals(page.lines[i].text) for i in range(nonblank[first], nonblank[last] + 1)
                    if not page.lines[i].blank)
            and last + 1 < len(nonblank) and _is_salutation(page.lines[nonblank[last + 1]].text))


def _metadata_follows(page: _Page, k: int) -> bool:
    """A label/value block ("Реквизиты") under the heading: it carries the date."""
    return k < len(page.nonblank) and page.lines[page.nonblank[k]].text in load("headings")["metadata"]["block_titles"]


def _written_at(page: _Page, k: int) -> HistoricalDate | None:
    """The date of a "Written: 14 July 1918" line (the Lenin Internet Archive's), else None."""
    if k >= len(page.nonblank):
        return None
    line = page.lines[page.nonblank[k]]
    label = next((w for w in load("headings")["metadata"]["written_labels"] if line.text.startswith(w)), None)
    if label is None:
        return None
    value = line.text[len(label):].lstrip()
    return page.conventions.date(value, line.end - len(value))


def _date_at(page: _Page, k: int) -> HistoricalDate | None:
    if k >= len(page.nonblank):
        return None
    return editorial_date(page.lines[page.nonblank[k]], page.conventions)


def _is_title(heading: Heading) -> bool:
    """Whether a heading under a bare number is a document title, not a running head.

    A title names a kind, a body, or an addressee in the dative ("Г. Е. ЗИНОВЬЕВУ") or after
    "to" ("TO J. V. STALIN"); a running head names the author in the nominative ("В. И. ЛЕНИН").
    """
    return heading.kind_as_printed is not None or heading.addressed or any(
        p.kind is PartyKind.ORGANISATION or looks_dative(p.name) for p in heading.recipients)


# A rule of dashes, underscores, asterisks or equals signs between parts of a page.
_RULE = re.compile(r"[-_*=—–]{3,}")


def _without_contents_entries(starts: list[LetterStart], position: dict[int, int],
                              is_rule: Callable[[int], bool]) -> list[LetterStart]:
    """Drop starts followed at once (or after a rule alone) by the next start: lines of a
    table of contents."""
    kept: list[LetterStart] = []
    for i, start in enumerate(starts):
        following = starts[i + 1].first if i + 1 < len(starts) else None
        after = position[start.last] + 1
        while following is not None and is_rule(after):
            after += 1
        if following is not None and position[following] == after:
            continue
        kept.append(start)
    return kept

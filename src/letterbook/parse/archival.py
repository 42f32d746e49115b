"""Archival citations: "RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text.".

Public API (pure, never raises, linear time):

- ``find_archival(text, offset)``: every citation inside ``text``, in order, each with
  its span in source coordinates (``offset`` is where ``text`` starts in the source).
- ``citation_tail(text, ref, offset)``: what follows a citation on its line (an earlier
  publication is often printed there: "... L. 1-8. Autograph. Political diary. 1972.").
- ``is_ibid(ref)``, ``needs_context(ref)``, ``inherit_levels(ref, previous)``: for
  citations that do not name their archive (see below).

A citation is a run of levels in their printed order (fond, opis, delo, folios), each an
abbreviation and a number, optionally led by an archive's name and followed by the form
of the document ("Autograph.", "Подлинник. Машинопись."). To tell it from prose ("F.
Dzerzhinsky", "L. Serebryakov") it needs an archive's name, an "ibid", or two levels.

Citations without an archive's name come in three kinds, all with ``archive == ""``:

- "Там же. Л. 38" / "Ibid. L. 67": ``archive_as_printed`` is the "ibid" word as printed
  and ``is_ibid(ref)`` is true; the caller resolves it against the previous citation with
  ``inherit_levels``.
- "F. 5. On. 5. D. 56. L. 1." in a copy that lost the archive's name:
  ``archive_as_printed == ""``. The caller may take the archive from the collection's
  other citations with ``inherit_levels`` and should say so in a finding: it is a guess.
- a continuation after a semicolon, "РГАСПИ. Ф. 17. ... Л. 23; Д. 972. Л. 5": this module
  resolves it itself from the citation it continues (``archive`` set, ``archive_as_printed``
  empty, the levels above the first printed one taken from the previous citation).

Archive names, level abbreviations (and their translation slips) and the controlled
terms for the physical form live in ``parse/data/archival.toml``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from letterbook.data import load
from letterbook.model import ArchivalRef, TextValue
from letterbook.parse.phrases import (
    NOT_AFTER_LETTER,
    NOT_BEFORE_LETTER,
    alternation,
    phrase_body,
    reversed_alternatives,
)
from letterbook.parse.text import with_ocr_digits

LEVELS = ("fond", "opis", "delo", "folios")

# Between an archive's name and the first level, and between two levels: a stop, a comma
# or a semicolon and a few blanks ("RTSHIDNI; F. 558", "РГАСПИ Ф. 558", "ф. 17, оп. 3").
_GAP = re.compile(r"[.,;:]{0,2}\s{0,4}")
_MAX_GAP = 6
# Between the folios and the form, and between two forms, on the same line.
_FORM_GAP = re.compile(r"[.,;]?[ \t\xa0]{0,4}")
# Between a citation and the next one it continues: "Л. 23; Д. 972. Л. 5".
_CONTINUATION_GAP = re.compile(r"[ \t\xa0]?;[ \t\xa0]{0,4}")

# A level is one short word, maybe a stop, a few blanks and a number ("Оп. 11", "Ф. Р-5446"),
# or a label of two words ("Ед. хр. 15", "Storage unit 3"). Looking for that shape first is
# several times faster than trying every abbreviation of every level at every position of the
# text. The shape consumes up to the digit, so the two-word labels are spelled out: a looser
# second word would swallow "РФ. Ф. 5446".
_LEVEL_SHAPE = re.compile(r"(?<![^\W\d_])(?:(?i:ед\.\s?хр\.|storage\sunit)\s{0,3}\d"
                          r"|[^\W\d_]{1,12}\.?\s{0,3}(?:[РRPрrp][-–]?)?\d"
                          r"|0p\.\s{0,3}\d)")  # OCR's zero for the "O" of "Op."

_NUMBER = r"\d+(?:/?(?i:[a-zа-яё])(?![^\W\d_]))?"  # "558", "1а", "1/с", "1/С" (a secret opis)
_FOND = r"(?:(?i:[РRP])[-–]?)?" + _NUMBER  # "Р-5446": fonds of the Soviet state archives
_OPIS = _NUMBER + r"(?:[ \t\xa0](?i:[сcs])(?=\.))?"  # also "Оп. 1 с." (spaced)
# A part of a file between the file and the folios ("Д. 246. Вып. IV. Л. 12"): kept in the
# citation as printed, passed over between the two levels.
_FILE_PART = re.compile(r"[.,]?\s{0,3}(?i:вып\.|issue)\s{0,3}(?:[IVXLCivxlc]+|\d+)\.?\s{0,3}")
# The folder between the inventory and the file in the foreign-policy archive ("АВП РФ. Ф. 04.
# Оп. 32. П. 205. Д. 52"): kept in the citation as printed, passed over like a part of a file.
_FOLDER = re.compile(r"[.,]?\s{0,3}(?i:п\.|папка|p\.|folder)\s{0,3}\d+[а-яa-z]?\.?\s{0,3}")


@dataclasses.dataclass(frozen=True, slots=True)
class _Level:
    """One printed level of a citation: "Op. 2" is ("opis", "2")."""

    name: str
    value: str
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class _Lead:
    """What precedes the first level: an archive's name or an "ibid"."""

    start: int
    printed: str
    archive: str  # "" for an ibid


def _table(key: str) -> Any:
    return load("archival")[key]


@cache
def _archive_names() -> dict[str, str]:
    """Every printed name (case-folded, look-alikes folded to Latin) to today's name."""
    archives: dict[str, dict[str, list[str]]] = _table("archives")
    return {_fold(name): today.replace("_", " ") for today, entry in archives.items() for name in entry["names"]}


def archive_today(name: str) -> str:
    """Today's name of the archive printed as ``name`` ("РЦХИДНИ", "RTsKhIDNI" → "RGASPI"), else ``name``."""
    return _archive_names().get(_fold(name), name)


def _fold(name: str) -> str:
    homoglyphs: dict[str, str] = load("homoglyphs")
    folded = "".join(homoglyphs.get(char, char) for char in name)
    return " ".join(folded.casefold().split())


@cache
def _lead_before_re() -> re.Pattern[str]:
    """An archive's name or an "ibid" and a gap, read backwards from the first level.

    It is matched on the reversed text at the start of each run of levels: one step per
    run, where a search over the whole text would try every name at every position.
    """
    archive_names = [name for entry in _table("archives").values() for name in entry["names"]]
    names = f"(?P<archive>{reversed_alternatives(archive_names)})|(?P<ibid>{reversed_alternatives(_ibid_names())})"
    # Most levels follow a number or nothing: the look-ahead for a letter rejects them at once.
    return re.compile(r"\s{0,4}[.,;:]{0,2}(?=[^\W\d_])(?i:" + names + ")" + NOT_BEFORE_LETTER)


def _ibid_names() -> list[str]:
    names: list[str] = _table("ibid")["names"]
    return names


def _abbreviation(forms: list[str]) -> str:
    """A level's abbreviations; a form without a full stop may still be printed with one."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    patterns = [phrase_body(form) + ("" if form.endswith(".") else r"\.?") for form in ordered]
    return "(?i:" + "|".join(patterns) + ")"


@cache
def _folios_pattern() -> str:
    verso: list[str] = _table("folios")["verso"]
    both_sides = r"(?:[ \t\xa0](?i:и|and))?"  # "Л. 30 и об.": the leaf and its back
    leaf = rf"{_NUMBER}(?:{both_sides}[ \t\xa0]?(?i:{alternation(verso)}))?"  # "156 об.", "38а"
    pages = rf"{leaf}(?:[ \t\xa0]?[-–—][ \t\xa0]?{leaf})?"  # "1-8", "95–99"
    return rf"{pages}(?:,[ \t\xa0]?{pages})*"  # "21, 95–99"


@cache
def _level_re() -> re.Pattern[str]:
    fields: dict[str, list[str]] = _table("fields")
    values = {"fond": _FOND, "opis": _OPIS, "delo": _NUMBER, "folios": _folios_pattern()}
    branches = [
        rf"{_abbreviation(fields[level])}\s{{0,3}}(?P<{level}>{values[level]}){NOT_BEFORE_LETTER}" for level in LEVELS
    ]
    return re.compile(NOT_AFTER_LETTER + "(?:" + "|".join(branches) + ")")


@cache
def _forms() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every form phrase (group ``f{i}`` for phrase i) and their terms."""
    # Longest first, so that "Typewritten text" is not read as "Typewritten" and a stray " text".
    phrases = sorted(_table("form")["phrases"], key=lambda pair: -len(pair[0]))
    # "Copy:" is the label of the next citation ("... L. 5. Copy: RTsKhIDNI ..."), not a form.
    branches = [f"(?P<f{index}>{phrase_body(phrase)})(?![ \t\xa0]*:)" for index, (phrase, _) in enumerate(phrases)]
    return re.compile(NOT_AFTER_LETTER + "(?i:" + "|".join(branches) + ")"), tuple(term for _, term in phrases)


@cache
def _attribution_re() -> re.Pattern[str]:
    """Whose hand a form is in: "Автограф С.Чечулина", "Autograph of I. V. Stalin"."""
    form: dict[str, list[str]] = _table("form")
    initials = r"(?:[A-ZА-ЯЁ]\.[ \t\xa0]?){1,2}"
    surname = r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"
    genitive = r"[A-ZА-ЯЁ][a-zа-яё]+(?:" + "|".join(form["genitive_endings"]) + ")"
    by = "(?:" + "|".join(re.escape(word) for word in form["attribution_words"]) + r")[ \t\xa0]+"
    name = f"(?:{initials}{surname}|{surname}[ \t\xa0]{initials}|{genitive}{NOT_BEFORE_LETTER})"
    return re.compile(rf"[ \t\xa0]+(?:{by})?{name}")


# A lone "l" after a level is OCR's "1" ("Op. l.", a translation's "On. l.", the folios "L. l-3.");
# each branch begins with the character it needs.
_LONE_L_LEVEL = re.compile(r"l(?=[.,])(?<=[OoОо][pпn]\.\sl)|l(?=[.,])(?<=[DdДдFfФф]\.\sl)"
                           r"|l(?=[.,\-–—])(?<=[LlЛл]\.\sl)")
# The other way round, OCR's "1." and "11." for the folios' "l." and "ll." after a file's number
# ("d. 286, 11. 7-8.", "d. 2512, 1. 1."): English editions abbreviate in Latin letters only.
_FOLIO_WORD_AS_DIGITS = re.compile(r"(?<=[Dd]\.)(\s?\d+[a-z]?[,.]\s?)(11|1)(?=\.\s?\d)")


def _with_folio_words(text: str) -> str:
    """``text`` with OCR's digits for the folios' abbreviation read as the letters; the same length."""
    return _FOLIO_WORD_AS_DIGITS.sub(lambda found: found[1] + "l" * len(found[2]), text)


def find_archival(text: str, offset: int = 0) -> list[ArchivalRef]:
    """Every archival citation in ``text``, in order, spans in source coordinates. OCR's letters
    for digits inside a number ("Л. 1О8", "D. 5l2", "Op. l.") are read as the digits they stand
    for; the citation keeps what is printed."""
    printed, text = text, _with_folio_words(with_ocr_digits(text, _LONE_L_LEVEL))
    backwards = text[::-1]
    refs: list[ArchivalRef] = []
    previous_end = -1
    for run in _runs(text):
        lead = _lead(backwards, run[0].start)
        continues = lead is None and bool(refs) and _continues(text, previous_end, run[0].start)
        if lead is None and not continues and not _enough_levels(run):
            continue
        ref = _citation(text, run, lead, offset)
        if printed is not text:
            ref = _as_printed(ref, printed, offset)
        if continues or (lead is None and not ref.archive and refs):
            ref = inherit_levels(ref, refs[-1])  # also "... Copy: F. 80. Op. 18. ...": the same archive
        refs.append(ref)
        previous_end = ref.span[1] - offset
    return refs


def _runs(text: str) -> Iterator[list[_Level]]:
    """Levels printed one after the other, each deeper than the one before."""
    run: list[_Level] = []
    for match in _level_matches(text):
        name = match.lastgroup or ""
        level = _Level(name, match.group(name), match.start(), match.end())
        if run and not _follows(text, run[-1], level):
            yield run
            run = []
        run.append(level)
    if run:
        yield run


def _level_matches(text: str) -> Iterator[re.Match[str]]:
    """The levels of ``text``, as ``finditer`` would give them, tried only where one may start."""
    level_re = _level_re()
    done = 0
    for shape in _LEVEL_SHAPE.finditer(text):
        match = level_re.match(text, shape.start()) if shape.start() >= done else None
        if match:
            done = match.end()
            yield match


def _follows(text: str, before: _Level, level: _Level) -> bool:
    gap = level.start - before.end
    if not LEVELS.index(level.name) > LEVELS.index(before.name):
        return False
    if gap <= _MAX_GAP and _GAP.fullmatch(text, before.end, level.start) is not None:
        return True
    if before.name == "opis" and level.name == "delo":
        return _FOLDER.fullmatch(text, before.end, level.start) is not None
    return before.name == "delo" and _FILE_PART.fullmatch(text, before.end, level.start) is not None


def _lead(backwards: str, start: int) -> _Lead | None:
    """The archive's name or "ibid" printed just before ``start``, if any."""
    match = _lead_before_re().match(backwards, len(backwards) - start)
    if match is None:
        return None
    lead_start = len(backwards) - match.end()
    if match.group("archive"):
        printed = match.group("archive")[::-1]
        return _Lead(lead_start, printed, _archive_names().get(_fold(printed), printed))
    return _Lead(lead_start, match.group("ibid")[::-1], "")


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A run right after a citation, past a semicolon, continues it: "Л. 23; Д. 972. Л. 5"."""
    if previous_end < 0 or start - previous_end > _MAX_GAP:
        return False
    return _CONTINUATION_GAP.fullmatch(text, previous_end, start) is not None


def _enough_levels(run: list[_Level]) -> bool:
    """Without a name before them, two levels make a citation ("D. 56. L. 1"), one does not ("L. 5")."""
    return len(run) >= 2


def _citation(text: str, run: list[_Level], lead: _Lead | None, offset: int) -> ArchivalRef:
    levels = {level.name: level.value for level in run}
    form_span, term = _form(text, run[-1].end)
    end = form_span[1] if form_span else run[-1].end
    if text[end : end + 1] == ".":
        end += 1
    start = lead.start if lead else run[0].start
    return ArchivalRef(
        as_printed=text[start:end],
        span=(offset + start, offset + end),
        archive=lead.archive if lead else "",
        archive_as_printed=lead.printed if lead else "",
        fond=levels.get("fond"),
        opis=levels.get("opis"),
        delo=levels.get("delo"),
        folios=levels.get("folios"),
        form=term,
        form_as_printed=text[form_span[0] : form_span[1]] if form_span else None,
    )


def _as_printed(ref: ArchivalRef, printed: str, offset: int) -> ArchivalRef:
    """``ref`` read from OCR-repaired digits, with what the source prints as its printed parts."""
    start, end = ref.span[0] - offset, ref.span[1] - offset
    form = ref.form_as_printed
    if form is not None:
        form_start = start + ref.as_printed.rindex(form)
        form = printed[form_start:form_start + len(form)]
    return dataclasses.replace(ref, as_printed=printed[start:end], form_as_printed=form)


def _form(text: str, pos: int) -> tuple[tuple[int, int] | None, str | None]:
    """The forms printed after the folios, as one span, and their combined term."""
    forms_re, terms = _forms()
    combine: dict[str, str] = _table("form")["combine"]
    start: int | None = None
    end = pos
    term: str | None = None
    while True:
        gap = _FORM_GAP.match(text, end)
        match = forms_re.match(text, gap.end()) if gap else None
        if match is None:
            break
        start = match.start() if start is None else start
        found = terms[int((match.lastgroup or "f0")[1:])]
        term = found if term is None else combine.get(f"{term}+{found}", term)
        attribution = _attribution_re().match(text, match.end())
        end = attribution.end() if attribution else match.end()
    return ((start, end) if start is not None else None), term


def citation_tail(text: str, ref: ArchivalRef, offset: int = 0) -> TextValue | None:
    """What is printed after ``ref`` on the same line, if anything: often a publication."""
    end = ref.span[1] - offset
    if not 0 <= end <= len(text):
        return None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    start = end
    while start < line_end and (text[start].isspace() or text[start] in ".,;:)]"):
        start += 1
    stop = line_end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if start >= stop:
        return None
    return TextValue(text[start:stop], (offset + start, offset + stop))


def is_ibid(ref: ArchivalRef) -> bool:
    """The citation names no archive but refers to the previous one ("Там же", "Ibid.")."""
    return not ref.archive and _fold(ref.archive_as_printed) in {_fold(name) for name in _ibid_names()}


def needs_context(ref: ArchivalRef) -> bool:
    """The archive is not printed: an "ibid", or a copy that lost the archive's name."""
    return not ref.archive


def inherit_levels(ref: ArchivalRef, previous: ArchivalRef) -> ArchivalRef:
    """``ref`` with the archive and the levels above its first printed level taken from ``previous``.

    "Там же. Л. 67" after "РГАСПИ. Ф. 558. Оп. 11. Д. 89. Л. 68" is Ф. 558, Оп. 11, Д. 89,
    Л. 67 of RGASPI; "Д. 972. Л. 5" keeps the fond and opis. The printed values stay as
    printed; ``as_printed`` and ``archive_as_printed`` are not changed.
    """
    printed = [level for level in LEVELS if getattr(ref, level) is not None]
    first = LEVELS.index(printed[0]) if printed else len(LEVELS)
    inherited = {level: getattr(previous, level) for level in LEVELS[:first]}
    return dataclasses.replace(ref, archive=ref.archive or previous.archive, **inherited)

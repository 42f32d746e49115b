"""The author's own parts of a document's text: date line, place, signature, postscripts.

The signature is looked for from the end of the text upwards, past the author's date line,
the place of writing and anything written after signing; the date line near the start or
the end of the text. Closing formulas and signers' titles are data (``headings.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from letterbook.data import load
from letterbook.model import HistoricalDate, Party, PartyKind, TextValue
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.parse.header import (
    is_organisation,
    is_person_name,
    kind_named,
    looks_dative,
    marker_words,
    surname_endings,
)
from letterbook.parse.text import Line, strip_span

_NAME_TOKEN = r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){0,3}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?"
# Signers closing the last sentence: "... согласие1. Каганович. Молотов.", "... неделю. Каганович, Молотов, Серго."
MAX_SIGNERS = 6  # a Politburo telegram is signed by up to five or six members
_INLINE_SIGNER = re.compile(rf"(?<=[.!?])\s({_NAME_TOKEN}\.?)$")
_INLINE_SIGNATURE = re.compile(rf"(?<=[.!?])((?:\s{_NAME_TOKEN}\.){{1,{MAX_SIGNERS}}}"
                               rf"|\s{_NAME_TOKEN}(?:(?:,|\sи|\sand)\s{_NAME_TOKEN}){{1,{MAX_SIGNERS - 1}}}\.)$")
_MARKER_TAIL = re.compile(r"(?:\s?\d{1,2}\s?\.?|\s?\*+)$")
# How a typed copy prints the signature it copies: "/Stalin/", "Stalin [signature]", "Сталин
# (подпись)"; "(signed) Gusev" and "п.п." are closing formulas (``headings.toml``).
_TYPED_COPY = re.compile(r"/([^/]{2,60})/|\s?[\[(](?:signature|signed|подпись|подп\.)[\])]", re.IGNORECASE)
# The number a telegram was sent under, after its signature: "STALIN. No. 3251.", "Сталин. № 3251".
_OUTGOING_NUMBER = re.compile(r"\s+(?:No\.?|№|N)\s?\d{2,6}\.?$")
# The editors' mark of an omission before the closing of an extract: "[...] Твой Серго."
_OMISSION = re.compile(r"(?:\[(?:\.{3}|…)\]|<(?:\.{3}|…)>|\.{3}|…)\s*")
_MARKER_AFTER_STOP = re.compile(r"(?<=[.!?])\s?(?:\d{1,2}|\*+)$")  # "... reply.*", "... вопрос.1"
# Between signers: a comma, "and", or a full stop after a surname ("Каганович. Молотов",
# "G. Zinoviev. L. Kamenev").
_SIGNER_SEPARATORS = re.compile(r",\s|\s(?:and|и)\s"
                                r"|(?<=[a-zа-яё][a-zа-яё])\.\s(?=[A-ZА-ЯЁ](?:[a-zа-яё]{2,}|[a-zа-яё]?\.))"
                                r"|(?<=[A-ZА-ЯЁ]{3})\.\s(?=[A-ZА-ЯЁ]{3})")  # a telegram's "RYKOV. KAMENEV."
_DIGIT = re.compile(r"\d")
MAX_SIGNED_DATELINE = 80  # "Крепко жму руку. Ваш Л. Каганович. 12 сентября 1931 г.": longer is a paragraph
# Where a signature may end and a date begin on one line: after a full stop or "!" and spaces.
_SIGNATURE_CUT = re.compile(r"(?<=[.!])\s+(?=[\d\[(IVX]|[A-ZА-ЯЁ][a-zа-яё]+\s\d)")
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3}[A-ZА-ЯЁ]")
# A signer named after the office he signs in ("Председатель ВСНХ Ф. Дзержинский",
# "People's Commissar for Foreign Affairs G. Chicherin"): initials and a surname end the line.
_NAME_AFTER_TITLE = re.compile(r"\s((?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3}[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)$")
# ... or a surname alone, also in capitals ("MEMBER OF REVVOENSOVET YUZHFRONTA STALIN").
_SURNAME_AFTER_TITLE = re.compile(r"\s([A-ZА-ЯЁ](?:[a-zа-яё]{2,}|[A-ZА-ЯЁ]{2,})(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)$")
# Short sentences that close a letter before the name on the same line ("До свидания. Крепко
# жму руку. Ваш Л. Каганович."): at most three, of at most CLOSING_WORDS words each.
_CLOSING_SENTENCES = re.compile(r"((?:[A-ZА-ЯЁ][^.!?]{0,60}(?<!\s[A-ZА-ЯЁ])[.!]\s+){1,3})(?=\S)")
CLOSING_WORDS = 6
_SENTENCE_END = re.compile(r"(?<=[.!])\s+")
# "Тов. Куйбышеву.", "Сочи. Тов. Сталину.", "Comrade Stalin": an address; no one signs as a comrade.
_ADDRESS = re.compile(r"(?<![^\W\d_])(?:тов\.|товарищу?\b|comrade\b|com\.)", re.IGNORECASE)
_ALIAS = re.compile(r"(.+?)\s\(([^()]+)\)")
# A line this long is a paragraph of the text: no signature stands above one (the lines under a
# signature are a date line, a place, a receipt; the apparatus and notes are gone by then).
PARAGRAPH = 150
_PLACE_CHAR = r"(?:[^\W\d_]|[\[\]'’-])"
_PLACE = re.compile(rf"[A-ZА-ЯЁ]{_PLACE_CHAR}*(?:\s(?:{_PLACE_CHAR}|\.)+){{0,3}}\.?")


@dataclass(frozen=True, slots=True)
class BodyParts:
    dateline: HistoricalDate | None = None
    place: TextValue | None = None
    signature: TextValue | None = None
    signers: tuple[Party, ...] = ()
    postscripts: tuple[TextValue, ...] = ()


@cache
def _data() -> dict[str, Any]:
    return load("headings")


def read_body(text: str, lines: Sequence[Line], context: HistoricalDate | None,
              conventions: Conventions = DEFAULT, senders: Sequence[str] = ()) -> BodyParts:
    """Date line, place, signature and postscripts among the non-blank ``lines`` of a text;
    ``senders`` are the names the heading gives, a signature run into the last sentence may be one."""
    lines = [line for line in lines if not line.blank]
    ps_at = next((i for i, line in enumerate(lines) if is_postscript(line.text)), len(lines))
    enclosure_at = next((i for i, line in enumerate(lines[:ps_at]) if i and _enclosure_label().fullmatch(line.text)),
                        ps_at)
    main, ps_lines = lines[:enclosure_at], lines[ps_at:]
    dateline, dateline_at = _find_dateline(main, context, conventions, senders)
    if dateline is None and len(ps_lines) > 1:  # dated under the postscript ("PS ..." / "August 10th 1924.")
        dateline = _dateline_of(ps_lines[-1], context, conventions)
        if dateline is not None:
            ps_lines = ps_lines[:-1]
    postscripts = (_span_value(text, ps_lines[0].start, ps_lines[-1].end),) if ps_lines else ()
    # A place printed in the date line itself ("Tiflis, December 6, 1920") is the author's
    # own; a line beside it is then an address ("Baku Comrade Ordzhonikidze."), not the place.
    place = None
    if dateline_at is not None and dateline is not None and dateline.place is None:
        place = _place_of_writing(main, dateline_at)
    signature, signers = _find_signature(text, main, dateline, dateline_at, senders)
    return BodyParts(dateline=dateline, place=place, signature=signature, signers=signers,
                     postscripts=postscripts)


@cache
def _enclosure_label() -> re.Pattern[str]:
    """"Приложение", "Приложение 2.", "Enclosure No. 1": an enclosure begins under the signature."""
    labels = "|".join(map(re.escape, _data()["enclosures"]["labels"]))
    return re.compile(rf"(?:{labels})(?:\s+(?:№|No\.)?\s*(?:\d+|[IVX]+))?\.?")


def is_postscript(text: str) -> bool:
    return _postscript_start().match(text) is not None


@cache
def _postscript_start() -> re.Pattern[str]:
    """"PS", "P.S.", "Постскриптум" ... followed by a space, a stop, a colon or nothing."""
    starts = "|".join(map(re.escape, _data()["postscripts"]["starts"]))
    return re.compile(rf"(?:{starts})(?=[ .:]|$)")


def _find_dateline(lines: Sequence[Line], context: HistoricalDate | None,
                   conventions: Conventions, senders: Sequence[str] = ()) -> tuple[HistoricalDate | None, int | None]:
    """The author's date line: first among the opening lines, else last among the closing ones,
    where it may follow the signature on the same line ("Ваш Л. Каганович. 12/IX.")."""
    look = int(_data()["datelines"]["look_lines"])
    opening = range(min(look, len(lines)))
    closing = [i for i in range(len(lines) - 1, max(len(lines) - look, 0) - 1, -1) if i not in opening]
    received: tuple[HistoricalDate, int] | None = None
    for i in [*opening, *closing]:
        line = lines[i]
        date = _dateline_of(line, context, conventions)
        closing_line = i > 0 and i >= len(lines) - look
        if closing_line and (signed := _signed_dateline(line, date, context, conventions, senders)) is not None:
            return signed, i
        if date is not None and received is None and i in opening and _RECEIVED.match(line.text):
            received = date, i  # "Вх. № 1123. 12.VIII.32 г.": when it came; the author's date may close the text
        elif date is not None:
            return date, i
    return received or (None, None)


# A cipher telegram's registration on arrival: its date is when it came, not when it was written.
_RECEIVED = re.compile(r"Вх\.\s")


def _signed_dateline(line: Line, date: HistoricalDate | None, context: HistoricalDate | None,
                     conventions: Conventions, senders: Sequence[str]) -> HistoricalDate | None:
    """The date after a signature on one line ("Ваш Л. Каганович. 12/IX.", "Your Sergo. 12/IX."),
    also where the date line's reader took the signature for a place of writing."""
    if len(line.text) > MAX_SIGNED_DATELINE or (date is not None and date.place is None):
        return None
    if date is not None and date.place is not None and is_a_sender(date.place.text, senders):
        after = date.place.span[1] - line.start  # "Ленин 25/V.": the sender's name, not a place
        rest = Line(line.index, line.start + after + 1, line.end, line.text[after + 1:])
        signed = _dateline_of(rest, context, conventions) if line.text[after:after + 1].isspace() else None
        if signed is not None and signed.place is None:
            return signed
    for cut in _SIGNATURE_CUT.finditer(line.text):
        if _DIGIT.search(line.text, cut.end()) is None or not _plainly_signed(line.text[:cut.start()], senders):
            continue
        rest = Line(line.index, line.start + cut.end(), line.end, line.text[cut.end():])
        found = _dateline_of(rest, context, conventions)
        if found is not None and found.place is None:
            return found
    return None


def _plainly_signed(text: str, senders: Sequence[str]) -> bool:
    """A signature that cannot be a place: a closing formula, initials, or a sender's surname
    ("Ваш Л. Каганович.", "I. Stalin.", "Сталин." under "Сталин — Кагановичу"), never "Москва."."""
    names = _signature_names(text.strip())
    if not names:
        return False
    return (_starts_with_formula(text) or is_a_sender(names[-1], senders)
            or all(_INITIALS.match(name) for name in names) or len(names) > 1)


def _dateline_of(line: Line, context: HistoricalDate | None, conventions: Conventions) -> HistoricalDate | None:
    if len(line.text) > 120 or _DIGIT.search(line.text) is None:
        return None  # every date line has a number in it
    date = conventions.dateline(line.text, line.start, context)
    if date is None:
        return None
    settings = _data()["datelines"]
    share = (date.span[1] - date.span[0]) / max(len(line.text), 1)
    if share >= float(settings["min_share"]) or line.text.startswith(tuple(settings["dispatch_prefixes"])):
        return date
    # "15/VI. I. Stalin.", "Sochi. 9/IX. Stalin.": the date (and the place), then who signed
    signer = line.text[date.span[1] - line.start:].strip(" .,")
    return date if date.span[0] == line.start and _signature_names(signer) is not None else None


def _place_of_writing(lines: Sequence[Line], at: int) -> TextValue | None:
    """A line naming only a place: above a date line that opens the text ("Stanitsa Bagaevskaya
    R[ostov] Don." / "February 1, 1920."), below one that closes it ("November 12th day 1919" /
    "Serpukhov."). Above a closing date line stands the signature, never the place."""
    opening = at < len(lines) - 1 - at
    neighbour = at - 1 if opening else at + 1
    if not 0 <= neighbour < len(lines):
        return None
    line = lines[neighbour]
    if _is_place_line(line.text) and not line.text.endswith(("!", ":", ",")):
        return TextValue(line.text.rstrip("."), (line.start, line.start + len(line.text.rstrip("."))))
    return None


def _find_signature(text: str, lines: Sequence[Line], dateline: HistoricalDate | None, dateline_at: int | None,
                    senders: Sequence[str] = ()) -> tuple[TextValue | None, tuple[Party, ...]]:
    """The signature block, looked for upwards from the end of the text."""
    votes = len(lines)
    while votes > 1 and _is_vote(lines[votes - 1].text):
        votes -= 1  # "Ленин" / "Согласен. И. Ст." / "За. Л. Каменев.": the members' votes under it
    if votes < len(lines) and _signature_names(lines[votes - 1].text) is not None:
        lines = lines[:votes]
    skipped = 0
    for i in range(len(lines) - 1, max(len(lines) - 8, 0) - 1, -1):
        line = lines[i]
        if i == dateline_at:
            after = _after_date(text, line, dateline) or _before_date(text, line, dateline)
            if after is not None and not (i > 0 and _signature_names(lines[i - 1].text)):
                return after  # "13/VI — 32 г. Каганович."; under "Your Sergo." the word is a place
            skipped += 1
            continue
        if dateline_at is not None and i == dateline_at + 1 and _is_place_line(line.text) \
                and not _starts_with_formula(line.text) and not is_a_sender(line.text, senders) \
                and not _is_known_signer(line.text):
            skipped += 1
            continue  # the place of writing under the date line ("Serpukhov."), not "Твой Коба." or the sender
        if _signature_names(line.text) is not None:
            first = _extend_upwards(lines, i)
            return _signature(text, lines[first].start, line.end)
        if i > 0 and _signed_with_occupation(lines[i - 1].text, line.text):
            return _signature(text, lines[i - 1].start, line.end)  # "Н. Степанов," / "учитель ... школы."
        if i > 0 and _office_over_two_lines(lines[i - 1].text, line.text):
            return _signature(text, lines[i - 1].start, line.end)
        if i == len(lines) - 1 - skipped and (inline := _inline_signature(text, line, senders)) is not None:
            return inline
        if len(line.text) > PARAGRAPH or (i == len(lines) - 1 and _cut_off(line.text)):
            break  # running text below: what stands above it is inside the letter ("Товарищу Ленину")
        skipped += 1
        if skipped > 4 or i == 0:
            break
    return None, ()


def _cut_off(text: str) -> bool:
    """A last line of text that breaks off inside its sentence ("... Политбюро настаивает на"): the
    page ends before the signature, so the lines above it are no signature ("Баку Орджоникидзе")."""
    return len(text) > CUT_LINE and text[-1:].isalpha()


CUT_LINE = 80  # characters: a longer last line ending in a letter was cut in its sentence


def _signed_with_occupation(name: str, occupation: str) -> bool:
    """A citizen's name and, after a comma, what he does on the next line ("Н. Степанов," /
    "учитель Лискинской средней школы.")."""
    return (name.endswith(",") and occupation[:1].islower() and len(occupation) <= MAX_OCCUPATION
            and _DIGIT.search(occupation) is None and _signature_names(name[:-1]) is not None)


MAX_OCCUPATION = 80


def _after_date(text: str, line: Line, date: HistoricalDate | None
                ) -> tuple[TextValue | None, tuple[Party, ...]] | None:
    """A signature after the author's date on the same line ("13/VI — 32 г. Каганович.")."""
    if date is None or date.span[1] >= line.end:
        return None
    start, end = strip_span(text, date.span[1], line.end)
    while start < end and text[start] in ".,; ":  # "15/VI. I. Stalin.": the date's own full stop
        start += 1
    if start < end and _signature_names(text[start:end]) is not None:
        return _signature(text, start, end)
    return None


def _before_date(text: str, line: Line, date: HistoricalDate | None
                 ) -> tuple[TextValue | None, tuple[Party, ...]] | None:
    """A signature before the author's date on the same line ("Ваш Л. Каганович. 12/IX.")."""
    if date is None or date.span[0] <= line.start:
        return None
    start, end = strip_span(text, line.start, date.span[0])
    if start < end and _signature_names(text[start:end]) is not None:
        return _signature(text, start, end)
    return None


def _extend_upwards(lines: Sequence[Line], i: int) -> int:
    """More signers on the lines above, and one title line above them all."""
    first = i
    while first > 0 and i - first < 3 and _signature_names(lines[first - 1].text) is not None:
        first -= 1
    if first > 0 and _is_title_line(lines[first - 1].text):
        first -= 1
        # more signers above, each under his own office ("Komyugozapfront" / "Egorov." /
        # "Member of the Revolutionary Military Council ..." / "Stalin." / ...)
        while (first > 1 and i - first < MAX_SIGNATURE_LINES and _signature_names(lines[first - 1].text) is not None
               and _is_office_above_a_signer(lines[first - 2].text)):
            first -= 2
    if first > 0 and _starts_with_formula(lines[first - 1].text) and not lines[first - 1].text.endswith((".", "!")):
        first -= 1  # "With communist greetings" / "L. Kaganovich.": the closing runs on into the name
    return first


MAX_SIGNATURE_LINES = 8


def _is_office_alone(line: str) -> bool:
    return _title_start().match(line.lower()) is not None and _name_after_title(line.rstrip(".")) is None


def _office_over_two_lines(above: str, line: str) -> bool:
    """An office broken over two lines before the name ("Член Реввоенсовета" / "Юго-Западного
    фронта И. Сталин")."""
    return _is_title_line(above) and _name_after_title(f"{above} {line}") is not None


def _is_office_above_a_signer(text: str) -> bool:
    """A signer's office on its own line: as a title line, or one word ("Komyugozapfront")."""
    one_word = len(text) >= 6 and text.isalpha() and text[:1].isupper() and not text.isupper()
    return _is_title_line(text) or one_word


def _inline_signature(text: str, line: Line, senders: Sequence[str] = ()
                      ) -> tuple[TextValue | None, tuple[Party, ...]] | None:
    """Names closing the last paragraph: "... Просим дать согласие1. HP 63. Каганович. Молотов.",
    the one sender the heading names: "Сталин — Кагановичу" / "... оставить Осинского. Сталин.",
    or the signer of a vote ("Согласен. Сталин.")."""
    found = _inline_signers(line.text) or _lone_signer(line.text, senders)
    cut = (found.start(1), found.end(1)) if found is not None else _closing_run_in(line.text, senders)
    if cut is None:
        return None
    start, end = strip_span(text, line.start + cut[0], line.start + cut[1])
    return _signature(text, start, end)


def _closing_run_in(line: str, senders: Sequence[str]) -> tuple[int, int] | None:
    """A closing and a name run into the last paragraph ("... Завод идет плохо. Твой Серго.",
    "... tonight. Yours, Klim."), or the heading's sender's name cut short ("... хлеба. Ст.")."""
    starts = [m.end() for m in _SENTENCE_END.finditer(line)][-_RUN_IN_SENTENCES:]
    for start in starts:  # the longest tail first: "Привет! Ваш Сталин.", "И. Ст."
        tail = line[start:]
        if len(tail) <= _RUN_IN_LENGTH and (_abbreviates_a_sender(tail, senders) or (
                _starts_with_formula(tail) and _signature_names(tail) is not None)):
            return start, len(line)
    return None


_RUN_IN_SENTENCES = 3
_RUN_IN_LENGTH = 60
# A surname cut short after initials: "Ст.", "И. Ст.", "St."
_ABBREVIATED_NAME = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){0,2}([A-ZА-ЯЁ][a-zа-яё]{1,3})\.")


def _abbreviates_a_sender(name: str, senders: Sequence[str]) -> bool:
    """Whether ``name`` ("Ст.", "И. Ст.") is the surname of one of the heading's ``senders`` cut short."""
    match = _ABBREVIATED_NAME.fullmatch(name.strip())
    if match is None:
        return False
    cut = match[1].casefold()
    return any(s.split()[-1].casefold().startswith(cut) for s in senders if s.split())


def _inline_signers(line: str) -> re.Match[str] | None:
    match = _INLINE_SIGNATURE.search(line)
    if match is None:
        return None
    names = [n.strip(" .") for n in _SIGNER_SEPARATORS.split(match.group(1).strip()) if n.strip(" .")]
    return match if len(names) >= 2 and all(is_person_name(n) and _is_signer(n) and not _IMPERATIVE.fullmatch(n)
                                            for n in names) else None


# A one-word sentence that asks ("Приезжай.", "Телеграфируй.", "Сообщите."), not a signer beside another.
_IMPERATIVE = re.compile(r"[А-ЯЁ][а-яё]+(?:[аяую]й|[иь]те)")


def _is_vote(line: str) -> bool:
    """A member's vote written on the document: "Согласен. И. Ст.", "Против. Троцкий2."."""
    vote, dot, name = line.partition(". ")
    return bool(dot) and vote.strip(" !").lower() in _not_signers() and _signature_names(name) is not None


def _lone_signer(line: str, senders: Sequence[str]) -> re.Match[str] | None:
    """One name after the last sentence of ``line`` that signs it: the heading's sender
    ("Сталин — Кагановичу" / "... оставить Осинского. Сталин."), the signer of a vote ("Согласен.
    Сталин."), or, where the heading names no sender, a surname ("... о хлебозаготовках. Сталин.")."""
    match = _INLINE_SIGNER.search(line)
    if match is None:
        return None
    if is_a_sender(match[1], senders):
        return match
    if not _is_signer(match[1]):
        return None
    vote = line[:match.start()].strip(" .!").lower()
    surname = match[1].rstrip(".").split()[-1].lower()
    return match if vote in _not_signers() or (not senders and surname.endswith(surname_endings())) else None


def is_a_sender(name: str, senders: Sequence[str]) -> bool:
    """Whether ``name`` ("Сталин.", "И. Сталин", "Sergo.") is the surname or the nickname of one of
    the heading's ``senders``."""
    words = name.rstrip(".").split()
    surnames = {_surname(s) for s in senders if s.split()}
    if not words:
        return False
    if words[-1].casefold() in surnames:
        return True
    owners = load("names")["nicknames"].get(words[-1], ()) if len(words) == 1 else ()
    return any(s[:_SAME_SURNAME] == owner.casefold()[:_SAME_SURNAME] for owner in owners for s in surnames)


def _surname(name: str) -> str:
    """The longest word of a name: "Stalin" of "I. V. Stalin", "Сталин" of "Сталин И.В."."""
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    return max(words, key=len).casefold() if words else name.casefold()


_SAME_SURNAME = 5  # first letters: "Ordzhonikidze", "Ordzhonisky" (a translation's variant) are one man


def _is_known_signer(line: str) -> bool:
    """Whether ``line`` is one of the names of ``names.toml``'s nicknames list, alone ("Ленин",
    "Sergo."): under a date line it signs, it names no place of writing."""
    word = line.strip().rstrip(".")
    return word in _known_signers()


@cache
def _known_signers() -> frozenset[str]:
    nicknames: dict[str, list[str]] = load("names")["nicknames"]
    return frozenset(nicknames) | frozenset(owner for owners in nicknames.values() for owner in owners)


def _signature(text: str, start: int, end: int) -> tuple[TextValue, tuple[Party, ...]]:
    if omitted := _OMISSION.match(text, start, end):  # "[...] Привет! Сталин.": the editors' cut, not signed
        start = omitted.end()
    if number := _OUTGOING_NUMBER.search(text, start, end):  # "STALIN. No. 3251.": the telegram's number
        end = number.start()
    value = TextValue(text[start:end], (start, end))
    return value, _signers(text, start, end)


def _signers(text: str, start: int, end: int) -> tuple[Party, ...]:
    """The persons named in a signature (past closing formulas and titles), each with its span."""
    parties = []
    for line in text[start:end].splitlines(keepends=True):
        if _is_office_alone(line.strip()):
            continue  # "Председатель Совета Труда и Обороны" above "В. Ульянов (Ленин)": no one's name
        names = _signature_names(line.strip()) or []
        cursor = 0
        for name in names:
            at = line.find(name, cursor)
            if at < 0:
                continue
            cursor = at + len(name)
            parties.append(Party(name=name, span=(start + at, start + cursor), kind=PartyKind.PERSON, implied=True))
        start += len(line)
    return tuple(parties)


def is_signature_line(line: str) -> bool:
    """Whether ``line`` is nothing but a signature ("F. Dzerzhinsky.", "Ваш Сталин.")."""
    return _signature_names(line) is not None


def _signature_names(line: str) -> list[str] | None:
    """The names a signature line consists of, or None when the line is something else."""
    if len(line) > 90 or line.endswith(("?", ":", ",")) or (line.endswith("!") and not _starts_with_formula(line)):
        return None  # "Привет!" is a greeting; "Your Sergo!" a signature
    if line[:1] in "[<.…" and (omitted := _OMISSION.match(line)):
        line = line[omitted.end():]
    printed = _MARKER_TAIL.sub("", _OUTGOING_NUMBER.sub("", line))
    if "/" in printed or "[" in printed or "(" in printed:
        printed = _TYPED_COPY.sub(r"\1", printed)
    printed = printed.strip().rstrip(".!")
    core = _strip_prefix(_strip_prefix(printed, "formulas"), "formulas")  # "Привет. Ваш Молотов", "Regards. Your ..."
    after_title = _name_after_title(core)  # "Зам. председателя ОГПУ Г. Ягода"
    if after_title is not None:
        return [after_title]
    untitled = _strip_prefix(core, "titles")
    if not untitled or _is_closing(untitled) or _ADDRESS.search(untitled):
        return None
    if core != printed and _ONE_INITIAL.fullmatch(untitled):
        return [untitled]  # "Ваша Н.", "Your N.": a closing and the writer's initial
    names = [n.strip() for n in _SIGNER_SEPARATORS.split(untitled) if n.strip()]
    # "KOMZAPFRONT TUKHACHEVSKY. MEMBER OF THE RVS UNSHLIKHT.": each signer after his office
    names = [n if _is_signer(n) else (_name_after_title(n) or n) for n in names]
    if names and len(names) <= MAX_SIGNERS and all(_is_signer(n) for n in names):
        # "Кагановичу, Молотову.": whom the letter is addressed to, not who signed it
        return None if any(looks_dative(n) for n in names) else names  # "Кагановичу, Ворошилову, Орджоникидзе."
    closing = _CLOSING_SENTENCES.match(printed)  # "Крепко жму Вашу руку. Ваш Л. Каганович", "Greetings to you. Sergo"
    if closing is not None and all(_is_closing_sentence(s) for s in _SENTENCE_END.split(closing[1].strip())):
        return _signature_names(printed[closing.end():])
    return None


def _starts_with_formula(line: str) -> bool:
    return _strip_prefix(line, "formulas") != line


def _is_closing_sentence(sentence: str) -> bool:
    """A short sentence of a closing formula ("Крепко жму Вашу руку.", "До свидания.")."""
    words = [w.strip(".,!").lower() for w in sentence.split()]
    return len(words) <= CLOSING_WORDS and (_is_closing(sentence) or any(w in _closing_words() for w in words))


@cache
def _closing_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["closings"]["closing_words"])


def _name_after_title(line: str) -> str | None:
    """The name at the end of a line that begins with an office ("Наркомвоенмор Л. Троцкий",
    "Chairman of the Caucasian Bureau Ordzhonikidze")."""
    if _title_start().match(line.lower()) is None:
        return None
    match = _NAME_AFTER_TITLE.search(line) or _SURNAME_AFTER_TITLE.search(line)
    if match is None or len(line) > 90 or is_organisation(match[1]) or match.start() == 0:
        return None
    if line[:match.start()].endswith(("'s", "’s")) or _is_title_word(line.rstrip(".")):
        return None  # "Chairman of the Council of People's Commissars", "Председатель Совета Народных Комиссаров"
    if line[:match.start()].rstrip().endswith((" и", " and", " of")):
        return None  # "Председатель Совета Труда и Обороны": the body's last word, not a name
    return match[1]


@cache
def _title_start() -> re.Pattern[str]:
    """An office at the start of a line, also run into a longer word ("Наркомвоенмор")."""
    return re.compile("|".join(re.escape(t) for t in _longest_first("titles") if len(t) >= 4))


def _is_signer(name: str) -> bool:
    name = name.rstrip(".")
    if alias := _ALIAS.fullmatch(name):  # "V. Ulyanov (Lenin)": a name and the name he went by
        return _is_signer(alias[1]) and _is_signer(alias[2])
    if _INITIALS_ONLY.fullmatch(name + "."):  # "F. D.", "И. Ст."; not "P. S."
        return name.replace(" ", "").lower() not in _NOT_INITIALS
    return ((is_person_name(name) or (name.isupper() and name.isalpha() and len(name) > 2))
            and not _is_closing(name) and name.lower() not in _not_signers() and not is_organisation(name))


# A signer who signs with an initial after a closing ("Ваша Н."), or with initials alone ("F. D.",
# "В. И."); "P. S." and "N. B." are no one's.
_ONE_INITIAL = re.compile(r"[A-ZА-ЯЁ]")
_INITIALS_ONLY = re.compile(r"(?:[A-ZА-ЯЁ]\.\s?){2,3}")
_NOT_INITIALS = frozenset({"p.s", "n.b", "п.с", "p.p.s", "т.е", "т.к"})


@cache
def _not_signers() -> frozenset[str]:
    """Votes and answers that make a whole text ("Согласен.", "Agreed."), labels ("Copy."): never a signer."""
    words = [*_data()["closings"]["not_signers"], *_data()["enclosures"]["labels"]]
    return frozenset(word.lower() for word in words) | marker_words()


def _strip_prefix(text: str, key: str) -> str:
    """``text`` without a closing formula or title (``key``) it begins with."""
    match = _prefix_pattern(key).match(text.lower())
    return text[match.end():].lstrip(" ,.!") if match else text


@cache
def _prefix_pattern(key: str) -> re.Pattern[str]:
    """The closing formulas or titles, longest first, each followed by a space, a comma, a full
    stop or an exclamation mark ("Привет! И. Сталин"), or nothing."""
    return re.compile(rf"(?:{'|'.join(map(re.escape, _longest_first(key)))})(?=[ ,.!]|$)")


@cache
def _longest_first(key: str) -> tuple[str, ...]:
    return tuple(sorted((p.lower() for p in _data()["closings"][key]), key=len, reverse=True))


def _is_closing(text: str) -> bool:
    return text.strip(" .,!").lower() in _longest_first("formulas")


def _is_title_word(text: str) -> bool:
    return any(text.lower() == t.lower() or t.lower().startswith(text.lower() + " ")
               for t in _data()["closings"]["titles"])


def _is_title_line(text: str) -> bool:
    """A signer's position above the names ("Members of the Central Committee and the ...");
    never a sentence, also one with a note marker after its full stop ("I ask you to reply.*")."""
    text = _MARKER_AFTER_STOP.sub("", text)
    return (len(text) <= 110 and text[:1].isupper() and not text.endswith((".", "!", "?", ":", ","))
            and not any(ch.isdigit() for ch in text) and len(text.split()) >= 2
            and not _starts_with_formula(text) and not _is_closing_sentence(text))  # "With communist greetings"


def _is_place_line(text: str) -> bool:
    """A line naming only a place ("Serpukhov."), not a marker such as "Copy." or "Urgently."."""
    word = text.rstrip(".")
    return (len(text) <= 60 and len(text.split()) <= 4 and _PLACE.fullmatch(text) is not None
            and word.lower() not in marker_words() and kind_named(word) == word)  # "Шифротелеграмма."


def _span_value(text: str, start: int, end: int) -> TextValue:
    start, end = strip_span(text, start, end)
    return TextValue(text[start:end], (start, end))

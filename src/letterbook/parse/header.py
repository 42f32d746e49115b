"""Document headings: who wrote to whom, and what kind of document it is.

Conventions that occur: "F. E. Dzerzhinsky to I. V. Stalin, G. K. Ordzhonikidze",
"A. M. Nazaretyan - G. K. Ordzhonikidze.", "Telegram from K. E. Voroshilov to I. V. Stalin
and L. D. Trotsky", "L. P. Serebryakov, I. V. Stalin - Politburo of the Central Committee
of the RCP (b)", "Каганович, Молотов — Сталину 7 сентября 1935 г.", "Письмо В.И. Ленину",
"ТЕЛЕГРАММА ПРЕДСЕДАТЕЛЮ СИМБИРСКОГО СОВЕТА", "В МАЛЫЙ СОВНАРКОМ". Russian recipients
stand in the dative; their nominative form goes to ``Party.normalized``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from letterbook.data import load
from letterbook.model import Party, PartyKind, Span
from letterbook.parse.date_words import lexicon
from letterbook.parse.text import is_mostly_cyrillic

_UP = "A-ZА-ЯЁ"
_LOW = "a-zа-яёß'’"
_INITIAL = rf"[{_UP}][{_LOW}]?\.\s?"
# OCR reads a capital З or О as the digit 3 or 0 ("3иновьеву", "0рджоникидзе", "0rdzhonikidze"): a
# capital before small letters.
_OCR_CAPITAL = "30"
_OCR_FIRST = rf"[{_OCR_CAPITAL}](?=[а-яё]{{2}})|0(?=[a-z]{{2}})"
_SURNAME = rf"(?:[{_UP}]|{_OCR_FIRST})(?:[{_LOW}]+|[{_UP}]+)(?:-[{_UP}][{_LOW}{_UP}]+)?"
_OCR_DIGIT_CAPITAL = re.compile(rf"(?<![^\W\d_])(?:{_OCR_FIRST})")
_CUT_SHORT = re.compile(rf"[{_UP}][-—–][а-яё]{{1,3}}")
# A Russian patronymic in any case: "Ильичу", "Константиновне", "Виссарионовичу".
_PATRONYMIC = rf"[{_UP}][а-яё]+(?:ич|вн)[а-яё]{{0,3}}"
_PERSON = re.compile(
    rf"(?:(?:Comrade|Com\.|T\.|Тов\.|тов\.)\s)?"
    rf"(?:(?:{_INITIAL}){{1,3}}{_SURNAME}|{_SURNAME}(?:\s(?:{_INITIAL}){{1,3}})?|{_SURNAME}\s{_SURNAME}"
    rf"|{_SURNAME}\s{_SURNAME}\s{_PATRONYMIC}"  # "Сорокину Петру Ильичу"
    rf"|{_CUT_SHORT.pattern}"  # a surname the edition cuts short: "Ц-ву", "Д-ву"
    rf"|(?:{_INITIAL}){{1,2}}[{_UP}][{_LOW}]+\s[{_UP}][{_LOW}]+[аеиоуы])"  # a foreign name of two words: "И. Броз Тито"
)
# A note marker after a name: "Lenin *", "Lenin 1", an endnote of the Collected Works ("СОВДЕПАМ
# 219"), "Lenin (1)", or glued to a name's small letters ("Lenin1", from a superscript a web page lost).
_MARKERS = re.compile(r"(?:\s?\*+|\s\d{1,3}|(?<=[a-zа-яё])\d{1,2}|\s?\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})$")
_TRAILING = ".,;:!"
# Words that stand among correspondents' names in a heading.
_NAME_LINKS = frozenset({"from", "and", "и", "от"})
# Words that begin a phrase, never a correspondent's name ("In the Politburo ...").
_NOT_A_NAME_START = frozenset({"in", "on", "at", "to", "with", "by", "for", "from", "of", "the", "and",
                               "на", "по", "с", "со", "к", "о", "об", "для", "из", "от"})


@dataclass(frozen=True, slots=True)
class Heading:
    """A parsed heading: kind and correspondents, each party with its span."""

    kind: str
    kind_as_printed: str | None
    senders: tuple[Party, ...]
    recipients: tuple[Party, ...]
    addressed: bool = False  # names its addressee after "to" ("TO J. V. STALIN"): a title, not a running head


@cache
def _heading_data() -> dict[str, Any]:
    return load("headings")


@cache
def _kinds() -> list[tuple[str, str]]:
    kinds: dict[str, str] = _heading_data()["kinds"]
    return sorted(((k, str(v)) for k, v in kinds.items()), key=lambda kv: -len(kv[0]))


def kind_named(word: str) -> str:
    """The kind a printed kind word stands for ("Телеграмма" → "telegram"), else ``word`` as given."""
    wanted = " ".join(word.casefold().split())
    return next((kind for printed, kind in _kinds() if printed == wanted), word)


@cache
def _org_words(as_printed: bool = False) -> re.Pattern[str]:
    """The words that make a name a body's; ``as_printed``: only in the case they are listed in."""
    orgs = _heading_data()["organisations"]
    words = sorted((re.escape(w) for w in orgs["words"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", 0 if as_printed else re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> Span:
    """Narrow ``[start, end)`` of ``text`` past blanks, trailing punctuation and note markers."""
    while start < end and text[start].isspace():
        start += 1
    while True:
        while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
            if text[end - 1] == "." and _ends_with_initial(text, start, end - 1):
                break
            end -= 1
        marker = _MARKERS.search(text, start, end)
        if marker is None or marker.start() == start:
            return (start, end)
        end = marker.start()


def _ends_with_initial(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with an initial, so a following period belongs to it."""
    return end - start >= 2 and text[end - 1].isupper() and (text[end - 2] in ". " or end - 2 == start - 1)


def _ocr_digits_as_capitals(name: str) -> str:
    """ "3иновьеву" → "Зиновьеву", "0rdzhonikidze" → "Ordzhonikidze": the capital OCR read as a digit."""
    if not any(digit in name for digit in _OCR_CAPITAL):
        return name
    return _OCR_DIGIT_CAPITAL.sub(lambda m: _CAPITAL_FOR_DIGIT[m[0], name[m.end()] < "\u0400"], name)


# The capital each digit stands for, before Latin small letters (True) or Cyrillic ones.
_CAPITAL_FOR_DIGIT = {("3", False): "З", ("0", False): "О", ("0", True): "O"}


def is_person_name(name: str) -> bool:
    # "Stalin's Letters" (a book's title) is no one's name
    return _PERSON.fullmatch(name) is not None and "'s " not in name and "’s " not in name


MAX_ABBREVIATION = 5  # letters of "ОГПУ", "ВСНХ", "НКРКИ"; "РЕДАКЦИЮ" in a title in capitals is a word
# A body's abbreviation in capitals, perhaps with its party's "(б)": "СТО", "ВСНХ", "НКИД", "ЦКК РКП(б)".
_ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,}(?:\([а-яa-z]\))?(?:\s|$)")


# A comma between dotted abbreviations inside one body's name: "THE C.C., R.C.P.(B.)".
_ABBREVIATIONS_COMMA = re.compile(r"(?<=[A-Z]\.),\s(?=(?:[A-Z]\.){2})")


def is_organisation(name: str) -> bool:
    """A body such as "Politburo of the Central Committee of the RCP (b)", also addressed as a
    whole ("the members of the Politburo", "в Политбюро", "другим членам ПБ")."""
    if len(name) > 160 or ", " in _ABBREVIATIONS_COMMA.sub(" ", name):
        return False
    opener = _org_openers().match(name)
    if opener is not None:  # "the Politburo", "THE PEOPLE'S COMMISSARIAT", "членам фракции"; not "the staff"
        return (_org_words(as_printed=True).search(name, opener.end()) is not None
                or any(word[0][0].isupper() for word in _org_words().finditer(name, opener.end()))
                or _ABBREVIATION.match(name, opener.end()) is not None)  # "в СТО", "в ВСНХ", "в НКИД"
    if not name[:1].isupper():
        return False
    first = name.split(maxsplit=1)[0].lower()
    return first not in _NOT_A_NAME_START and _org_words().search(name) is not None


@cache
def _org_openers() -> re.Pattern[str]:
    openers = sorted((re.escape(w) for w in _heading_data()["organisations"]["openers"]), key=len, reverse=True)
    return re.compile(r"(?P<opener>" + "|".join(openers) + r")\s+", re.IGNORECASE)


def _body_name(name: str) -> str | None:
    """The normalised name of a body addressed as a whole: "the Politburo" → "Politburo",
    "членам Политбюро" → "члены Политбюро"; None when no opener stands before it."""
    opener = _org_openers().match(name)
    if opener is None:
        return None
    orgs = _heading_data()["organisations"]
    word = opener["opener"].lower()
    body = name[opener.end():]
    if word in orgs["accusative_openers"]:
        body = _nominative_body(body.split(), orgs)
    return " ".join(f"{orgs['openers'][word]} {body}".split())


def _nominative_body(words: list[str], orgs: dict[str, Any]) -> str:
    """ "Центральную контрольную комиссию" → "Центральная контрольная комиссия", "редакцию
    газеты «Правда»" → "Редакция газеты «Правда»": the adjectives and the head noun of a body
    addressed in the accusative, in the nominative; what follows the noun stays as printed."""
    changed = list(words)
    for i, word in enumerate(words):
        if word.isupper() and len(word) <= MAX_ABBREVIATION:
            break  # "в ОГПУ", "в ЦКК": an abbreviation, the same in every case
        adjective = _ending_replaced(word, orgs["accusative_adjective"])
        if adjective is not None:
            changed[i] = adjective
            continue
        changed[i] = _ending_replaced(word, orgs["accusative_noun"]) or word
        break
    first = changed[0] if changed else ""
    return " ".join([first[:1].upper() + first[1:], *changed[1:]]) if first else ""


# "рабочим и работницам Путиловского завода имени Кирова": longer is a sentence, not an addressee.
MAX_GROUP_WORDS = 8


def _party(text: str, start: int, end: int, offset: int, dative: bool) -> Party | None:
    start, end = _trim(text, start, end)
    name = text[start:end]
    if not name:
        return None
    flat = " ".join(name.split())
    if flat.rstrip(".").lower() in marker_words():  # "Copy to Comrade Kamenev." is a note, not a heading
        return None
    if (person := _person_after_office(text, start, end) or _name_before_alias(text, start, end)) is not None:
        a, b = person
        return _party(text, a, b, offset, dative)
    if is_organisation(flat):
        kind = PartyKind.ORGANISATION
    elif is_person_name(flat):
        kind = PartyKind.PERSON
    elif dative and (group := _group_name(flat)) is not None:
        return Party(name=name, span=(offset + start, offset + end), normalized=group, kind=PartyKind.ORGANISATION)
    else:
        return None
    letters = _ocr_digits_as_capitals(flat)
    normalized = ((kind is PartyKind.ORGANISATION and _body_name(flat)) or (nominative(letters) if dative else None)
                  or (letters if letters != flat else None))
    return Party(name=name, span=(offset + start, offset + end), normalized=normalized, kind=kind)


def _name_before_alias(text: str, start: int, end: int) -> Span | None:
    """The name before the name he went by ("G. K. Ordzhonikidze (Sergo)" → "G. K. Ordzhonikidze")."""
    if not text[start:end].rstrip().endswith(")"):
        return None
    alias = _ALIAS_AFTER_NAME.fullmatch(text, start, end)
    return alias.span(1) if alias is not None and is_person_name(alias[1]) else None


_ALIAS_AFTER_NAME = re.compile(r"\s*(.+?)\s\((?:[A-ZА-ЯЁ][a-zа-яё]+)\)\s*")


@cache
def _plural_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _names_data()["plural_address"])


@cache
def _plural_address() -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in _names_data()["plural_address"]), key=len, reverse=True)
    return re.compile(rf"\s*(?:{'|'.join(words)})\s+", re.IGNORECASE)


def _person_after_office(text: str, start: int, end: int) -> Span | None:
    """Where the person named after an office ends the party ("секретарю ЦК ВКП(б) И.В. Сталину"
    → "И.В. Сталину"), else None."""
    first = text[start:end].split(None, 1)
    if not first or first[0].lower() not in _office_first_words() or _office_start().match(text, start, end) is None:
        return None
    person = _NAME_AT_END.search(text, start, end)
    return person.span(1) if person is not None and person.start(1) > start else None


@cache
def _office_first_words() -> frozenset[str]:
    return frozenset(o.split()[0].lower() for o in _names_data()["offices_before_a_name"])


@cache
def _office_start() -> re.Pattern[str]:
    offices = sorted((re.escape(o) for o in _names_data()["offices_before_a_name"]), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(offices)})\s", re.IGNORECASE)


# Initials and a surname closing a party, after an office: "... И.В. Сталину", "... V. M. Molotov".
_NAME_AT_END = re.compile(r"\s((?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,3}[A-ZА-ЯЁ](?:[a-zа-яё]+|[A-ZА-ЯЁ]+)"
                          r"(?:-[A-ZА-ЯЁ](?:[a-zа-яё]+|[A-ZА-ЯЁ]+))?)$")  # also in capitals: "PREMIER J. V. STALIN"


def _group_name(name: str) -> str | None:
    """People addressed as a group, in the nominative ("товарищам колхозникам" → "товарищи
    колхозники", "рабочим Путиловского завода" → "рабочие Путиловского завода"), else None."""
    groups = _heading_data()["organisations"]["groups"]
    words = name.split()
    if len(words) > MAX_GROUP_WORDS or words[0].lower() not in groups:
        return None
    leading = 0  # the group words, also joined by "и" ("красноармейцам и командирам Южного фронта")
    while leading < len(words) and (words[leading].lower() in groups or (
            words[leading] == "и" and leading + 1 < len(words) and words[leading + 1].lower() in groups)):
        leading += 1
    return " ".join([groups.get(w.lower(), w) for w in words[:leading]] + words[leading:])


def _split_parties(text: str, start: int, end: int, offset: int, dative: bool) -> tuple[Party, ...] | None:
    """Correspondents on one side of a heading, split at commas and "and" where names allow."""
    first = text[start:end].split(None, 1)
    plural = _plural_address().match(text, start, end) if first and first[0].lower() in _plural_words() else None
    if plural is not None and _PARTY_SEPARATORS.search(text, plural.end(), end):
        people = _split_parties(text, plural.end(), end, offset, dative)  # "TT. Stalin and Kamenev"
        if people and all(p.kind is PartyKind.PERSON for p in people):
            return people
    whole = _party(text, start, end, offset, dative)
    pieces = _split_points(text, start, end)
    if whole is not None and whole.kind is PartyKind.ORGANISATION and _AND_IN_A_BODY.search(text, start, end):
        return (whole,)  # "the Council of Labour and Defence", "Совет Труда и Обороны": one body
    if len(pieces) > 1:
        parties = [_party(text, a, b, offset, dative) for a, b in pieces]
        if all(p is not None and p.kind is PartyKind.PERSON for p in parties):
            return tuple(p for p in parties if p is not None)
        # Several bodies, or people and a body addressed as a whole ("Molotov and other members
        # of the Politburo"): one party each, not one body named after all of them.
        collective = any(p is not None and p.kind is PartyKind.ORGANISATION and _org_openers().match(p.name)
                         for p in parties)
        if whole is not None and _members_of_all(whole, parties):
            return (whole,)  # "членам ЦК и ЦКК РКП(б)": the members of both, one addressee
        if (whole is None or collective) and all(p is not None for p in parties):
            return tuple(p for p in parties if p is not None)
    return (whole,) if whole is not None else None


# "and" inside a body's name: between two capitalised words after "of" ("Council of Labour and
# Defence", "of Workers' and Peasants' Inspection"), or two capitalised genitives ("Совет Труда и
# Обороны"), the last word ending the name.
_AND_IN_A_BODY = re.compile(r"(?:\bof\s(?:the\s)?[A-Z][\w'’]*\sand\s[A-Z][\w'’]*(?:\s[A-Z][\w'’]*)?"
                            r"|\b[А-ЯЁ][а-яё]+[аыяи]\sи\s[А-ЯЁ][а-яё]+[аыяи])$")


def _members_of_all(whole: Party, parties: Sequence[Party | None]) -> bool:
    """ "членам ЦК и ЦКК", "members of the CC and the CCC": the members of several bodies, one addressee."""
    if whole.kind is not PartyKind.ORGANISATION or any(p is None for p in parties):
        return False
    opener = _org_openers().match(whole.name)
    members = opener is not None and bool(_heading_data()["organisations"]["openers"][opener["opener"].lower()])
    return members and not any(_org_openers().match(p.name) for p in parties[1:] if p is not None)


# "Г. Е. ЗИНОВЬЕВУ И Л. Б. КАМЕНЕВУ" too, and "A. I. Rykov and to the members of ..."; never the
# comma of "THE PRESIDENT, MR. F. D. ROOSEVELT"
_PARTY_SEPARATORS = re.compile(r",\s(?:(?i:and|и)\s)?(?!(?i:mr|mrs)\.\s)|\s(?i:and|и)\s(?:to\s)?")


def _split_points(text: str, start: int, end: int) -> list[Span]:
    pieces: list[Span] = []
    cursor = start
    for match in _PARTY_SEPARATORS.finditer(text, start, end):
        pieces.append((cursor, match.start()))
        cursor = match.end()
    pieces.append((cursor, end))
    return pieces


def _kind_prefix(text: str) -> tuple[str, str, int] | None:
    """The kind of document a heading starts with: (term, as printed, length)."""
    lowered = text.lower()
    first = _FIRST_WORD.match(lowered)
    for printed, term in _kinds_by_first_word().get(first[0] if first else "", ()):
        if lowered.startswith(printed) and (len(text) == len(printed) or not text[len(printed)].isalnum()):
            return term, text[: len(printed)], len(printed)
    return None


_FIRST_WORD = re.compile(r"[^\W\d_]+")


@cache
def _kinds_by_first_word() -> dict[str, tuple[tuple[str, str], ...]]:
    """The kinds, longest first, under their first word: a heading is looked up by its own."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for printed, term in _kinds():
        first = _FIRST_WORD.match(printed)
        grouped.setdefault(first[0] if first else "", []).append((printed, term))
    return {word: tuple(kinds) for word, kinds in grouped.items()}


@cache
def _between_word() -> re.Pattern[str]:
    """A word between correspondents ("X to Y", "X — Y"). Factored around its spaces, the
    pattern lets ``re`` skip to the next space; the plain alternation took five times longer."""
    return re.compile(r" (?:to|—|–|-|--) ", re.IGNORECASE)


@cache
def _first_word() -> re.Pattern[str]:
    """A kind ("Telegram", "Докладная записка") or an addressee word ("To") that begins a heading."""
    first = [re.escape(k) for k, _ in _kinds()] + [re.escape(p.strip()) for p in _names_data()["addressee_prefixes"]]
    return re.compile(rf"(?:{'|'.join(first)})\b", re.IGNORECASE)


def is_capitals(text: str) -> bool:
    """A short line printed in capitals, allowing the small letters of "РКП(б)" and "ВКП(б)"."""
    if len(text) > 150:
        return False
    if text.isupper():
        return True
    words = text.split(None, 1)
    if not words or not words[0].isupper():
        return False  # a title in capitals begins with a word in capitals
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return upper > 0 and lower <= 0.15 * (upper + lower)


MAX_WORDS_BEFORE_TO = 20  # six senders with two initials each ("L. B. Kamenev, A. I. Rykov, ... — ...")


def could_be_heading(text: str) -> bool:
    """A quick test that rules out most lines of text before ``parse_heading`` reads them.

    A heading is in capitals, or begins with a kind or an addressee word, or has a word
    between correspondents with nothing but capitalised names (and "from", "and") before it.
    """
    if len(text) > 300:
        return False
    if is_capitals(text):
        return True
    if _first_word().match(text) or (("'s " in text or "’s " in text) and _POSSESSIVE.fullmatch(text)):
        return True
    match = _between_word().search(text)
    if match is None:
        return False
    if match.start() == 0:
        return True
    before = text[:match.start()].replace(",", " ").split()
    if len(before) > MAX_WORDS_BEFORE_TO:
        return False
    # capitalised names ("F. E. Dzerzhinsky and G. K. Ordzhonikidze", "... (Sergo)"), or a body
    # ("Politburo of the CC RCP (b)")
    return all(word[0].isupper() or word.lower() in _NAME_LINKS or word[:2].lstrip("(").isupper()
               or _OCR_DIGIT_CAPITAL.match(word) for word in before) or (before[0][0].isupper() and is_organisation(
        text[:match.start()]))


def parse_heading(text: str, offset: int = 0) -> Heading | None:
    """A heading line (or lines) naming correspondents, or None when ``text`` is not one.

    ``text`` holds only the heading (without any date printed after it); ``offset`` is
    where it starts in the source.
    """
    heading = _heading_at_start(text)
    return _moved(heading, offset) if heading is not None and offset else heading


# Headings repeat: a correspondence prints "Сталин — Кагановичу" above hundreds of letters.
# Each heading is read once, at offset 0, and its parties then moved to where it stands.
HEADINGS_REMEMBERED = 4096


@lru_cache(maxsize=HEADINGS_REMEMBERED)
def _heading_at_start(text: str) -> Heading | None:
    if not text or len(text) > 300 or text.endswith(("?", "!")):
        return None
    kind, kind_printed, cursor = "letter", None, 0
    prefix = _kind_prefix(text)
    if prefix is not None:
        kind, kind_printed, cursor = prefix
    rest = text[cursor:]
    lead = len(rest) - len(rest.lstrip())
    cursor += lead
    return (_between_two(text, cursor, kind, kind_printed) or _issued_by(text, cursor, kind, kind_printed)
            or _from_to(text, cursor, kind, kind_printed) or _to_only(text, cursor, kind, kind_printed)
            or _possessive(text) or _two_names(text, cursor, kind, kind_printed))


# "Telegram of G. K. Ordzhonikidze I. V. Stalin": a machine translation lost the "to" between
# two names with initials; the first sent, the second received.
_INITIALED = rf"(?:{_INITIAL}){{1,3}}{_SURNAME}"
_TWO_NAMES = re.compile(rf"(?:of|from)\s+(?P<a>{_INITIALED})\s+(?P<b>{_INITIALED})")


def _two_names(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    found = _TWO_NAMES.fullmatch(text, cursor) if kind_printed is not None else None
    if found is None:
        return None
    sender, recipient = _party(text, *found.span("a"), 0, False), _party(text, *found.span("b"), 0, False)
    if sender is None or recipient is None:
        return None
    return Heading(kind, kind_printed, (sender,), (recipient,))


# Between an issued kind and its issuer: "of", also "No. 105 of the meeting of" (a protocol).
_ISSUER_LEAD = re.compile(r"(?:No\.\s?\d{1,4}\s+)?of\s+(?:the\s+(?:meeting|session|sitting)\s+of\s+)?",
                          re.IGNORECASE)


def _issued_by(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    """A body's decision, circular or protocol, and whom it went to: "Decision of the Politburo
    of the CC VKP(b) on grain procurements", "Circular letter of the CC RCP(b) to all provincial
    party committees", "Extract from protocol No. 105 of the meeting of the Politburo ..."."""
    if kind_printed is None or kind not in _names_data()["issued_kinds"] or is_mostly_cyrillic(text):
        return None
    lead = _ISSUER_LEAD.match(text, cursor)
    if lead is None:
        return None
    quoted = _QUOTE.search(text, lead.end())  # 'Decision of the Politburo "On seed assistance"'
    topic = min(_topic_start(text, lead.end()), quoted.start() if quoted else len(text))
    to = text.lower().find(" to ", lead.end(), topic)
    issuers = _split_parties(text, lead.end(), to if to > 0 else topic, 0, dative=False)
    if not issuers or any(p.kind is not PartyKind.ORGANISATION or p.name.rsplit(maxsplit=1)[-1].lower() in
                          _NOT_A_NAME_START for p in issuers):
        return None  # "... of the meeting of the Politburo of 16 March 1932": a name cut off
    recipients = (_addressees(text, to + 4, dative=False, titled=True) or _all_of_a_kind(text, to + 4, topic)
                   if to > 0 else None)
    return Heading(kind, kind_printed, issuers, recipients or ())


_QUOTE = re.compile(r"\s[\"“«]")
_ALL_OF_A_KIND = re.compile(r"all\s+[a-z]", re.IGNORECASE)


def _all_of_a_kind(text: str, start: int, end: int) -> tuple[Party, ...] | None:
    """ "all provincial party committees": the bodies a circular went to, as one addressee."""
    if not _ALL_OF_A_KIND.match(text, start):
        return None
    a, b = _trim(text, start, end)
    return (Party(name=text[a:b], span=(a, b), normalized=None, kind=PartyKind.ORGANISATION),)


_BETWEEN_TWO = re.compile(r"(?:between|между)\s+(?P<a>.+?)\s+(?:and|и)\s+(?P<b>.+?)\s*$", re.IGNORECASE)
_WITH_OTHER = re.compile(r"(?P<a>.+?)\s+(?:с|со)\s+(?P<b>.+?)\s*$")


def _between_two(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    """A conversation or exchange of two people: "Conversation by direct wire between I. V. Stalin
    and V. I. Lenin", "Разговор по прямому проводу И.В. Сталина с В.И. Лениным": each wrote to the other."""
    if kind not in _DIALOGUES:
        return None
    found = _BETWEEN_TWO.match(text, cursor) or (_WITH_OTHER.match(text, cursor) if is_mostly_cyrillic(text) else None)
    if found is None:
        return None
    second_end = min(_topic_start(text, found.start("b")), found.end("b"))  # "... and I. V. Stalin at a meeting"
    first, second = _party(text, *found.span("a"), 0, False), _party(text, found.start("b"), second_end, 0, False)
    if first is None or second is None or PartyKind.PERSON not in (first.kind, second.kind):
        return None
    if is_mostly_cyrillic(text):  # "И.В. Сталина с В.И. Лениным", "между И.В. Сталиным и В.И. Лениным"
        first_case = _from_genitive if found.re is _WITH_OTHER else _from_instrumental
        first = replace(first, normalized=first_case(first.name) or first.normalized)
        second = replace(second, normalized=_from_instrumental(second.name) or second.normalized)
    return Heading(kind, kind_printed, (first, second), (second, first))


_DIALOGUES = frozenset({"conversation by direct wire", "exchange of notes", "exchange of telegrams"})


_POSSESSIVE = re.compile(r"(?P<sender>[A-Z][^'’]{1,60}?)['’]s\s+(?P<kind>[a-z].+)")


def _possessive(text: str) -> Heading | None:
    """ "Stalin's letter to Molotov", "Lenin's telegram to I. V. Stalin": the sender, then the kind."""
    match = _POSSESSIVE.fullmatch(text)
    named = _kind_prefix(match["kind"]) if match else None
    if match is None or named is None:
        return None
    senders = _split_parties(text, match.start("sender"), match.end("sender"), 0, dative=False)
    after = match.start("kind") + named[2]
    if not senders or not text[after:].lower().startswith(" to "):
        return None
    recipients = _split_parties(text, after + 4, _before_others(text), 0, dative=False)
    return Heading(named[0], text[match.start("kind"):after], senders, recipients) if recipients else None


def _moved(heading: Heading, offset: int) -> Heading:
    def move(parties: tuple[Party, ...]) -> tuple[Party, ...]:
        return tuple(replace(p, span=(p.span[0] + offset, p.span[1] + offset)) for p in parties)
    return replace(heading, senders=move(heading.senders), recipients=move(heading.recipients))


def _from_to(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    """"X to Y", "from X to Y", "X - Y", "X — Y"."""
    if text[cursor:].lower().startswith(("from ", "of ", "by ", "от ")):  # "Telegram of X to Y", "Note by X to Y"
        cursor += text[cursor:].index(" ") + 1
    lowered = text.lower()  # "V. I. LENIN TO I. V. STALIN"; offsets hold only if lowering kept the length
    lowered = lowered if len(lowered) == len(text) else text
    # "X - to the Y", "X - in the Politburo" (a translation's "— в Политбюро")
    for word in (" - to ", " — to ", " – to ", " - in ", " — in ", " – in ", " to ", " — ", " – ", " - ", " -- "):
        at = lowered.find(word, cursor)
        if at <= cursor:
            continue
        cyrillic = is_mostly_cyrillic(text)
        senders = _split_parties(text, cursor, at, 0, dative=False)
        end = _before_others(text)  # "..., L. B. Kamenev and others"
        if copy := _COPY_TO.search(text, at + len(word), end):  # "..., копия И.В. Сталину": sent a copy
            end = copy.start()
        aside = _trailing_aside(text, end)  # "(copy to V. M. Molotov)", "(for members of the Politburo)"
        recipients = (aside is not None and _split_parties(text, at + len(word), aside, 0, dative=cyrillic)) or \
            _split_parties(text, at + len(word), end, 0, dative=cyrillic)
        if not recipients or any(p.kind is not PartyKind.PERSON for p in recipients):  # "... on the situation"
            recipients = _addressees(text, at + len(word), dative=cyrillic, titled=True, end=end)
        if word.endswith(" in ") and any(p.kind is not PartyKind.ORGANISATION for p in recipients or ()):
            continue  # "— в Политбюро" is to a body; "X - in Moscow" names a town
        if senders and recipients:
            if kind_printed is None and aside is not None and (named := _kind_prefix(text[aside + 2:end - 1])):
                kind, kind_printed = named[0], named[1]  # "I. V. Stalin to V. I. Lenin (telegram)"
            return Heading(kind, kind_printed, senders, recipients)
    return None


def _trailing_aside(text: str, end: int) -> int | None:
    """Where a remark in brackets at the end of a heading begins ("... (copy to V. M. Molotov)");
    never "(b)" of "RCP (b)", which is part of the name."""
    if not text[:end].endswith(")"):
        return None
    at = text.rfind(" (", 0, end)
    return at if at > 0 and ")" not in text[at:end - 1] and end - at > MIN_ASIDE else None


# Who got a copy, printed after the addressees without brackets: ", копия И.В. Сталину",
# ", copy to I. V. Stalin". Like a bracketed "(copy to ...)", not an addressee.
_COPY_TO = re.compile(r",\s*(?:копия|копии|copy to|copies to|cc:?)\s", re.IGNORECASE)
MIN_ASIDE = 6  # characters of " (...)": "(b)" is shorter
_OTHERS = re.compile(r"\s+(?:and|и)\s+(?:others|other|другим|другие|др\.)\.?$", re.IGNORECASE)


def _before_others(text: str) -> int:
    """Where "and others" ends the heading ("... L. B. Kamenev and others"), else its end."""
    found = _OTHERS.search(text)
    return found.start() if found else len(text)


def _to_only(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    """"Письмо В.И. Ленину", "ТЕЛЕГРАММА ПРЕДСЕДАТЕЛЮ ...", "В МАЛЫЙ СОВНАРКОМ": no sender printed."""
    if not is_mostly_cyrillic(text):
        return _to_only_english(text, cursor, kind, kind_printed)
    if destination := _DESTINATION.match(text, cursor):  # "ТЕЛЕГРАММА В ЦАРИЦЫН И. В. СТАЛИНУ И С. К. МИНИНУ"
        cursor = destination.end()
    start, accusative = cursor, False
    for key in ("accusative_prefixes", "addressee_prefixes"):
        if (prefix := _prefix(text, key, cursor)) is not None:
            start, accusative = cursor + len(prefix), key == "accusative_prefixes"
            break
    if kind_printed is None and start == cursor and not is_capitals(text):
        return None  # only a title in capitals may name its addressee alone ("Г. Е. ЗИНОВЬЕВУ")
    if kind_printed is not None and start == cursor and kind in _names_data()["issued_kinds"]:
        issuers = _split_parties(text, start, _topic_start(text, start), 0, dative=False)  # "Постановление ПБ ..."
        return Heading(kind, kind_printed, issuers, ()) if issuers else None
    if kind_printed is not None and start == cursor and (
            from_to := _genitive_sender(text, start) or _genitive_sender_in_capitals(text, start)):
        return Heading(kind, kind_printed, *from_to)
    if kind_printed is not None and not accusative and (sender := _genitive_sender_alone(text, start)):
        return Heading(kind, kind_printed, (sender,), ())
    recipients = _addressees(text, start, dative=not accusative, titled=kind_printed is not None)
    if recipients is None and accusative:  # "Письмо в редакцию газеты «Правда»": a body after "в"
        recipients = _addressees(text, cursor, dative=False, titled=kind_printed is not None)
    if recipients and accusative and kind_printed is not None and _a_town(recipients):
        # "ТЕЛЕГРАММА В КАЗАНЬ": the town it went to, not whom; the address under the title says that
        return Heading(kind, kind_printed, (), ())
    if recipients and accusative:  # "В Малый Совнарком": to a body, named in its own nominative
        orgs = _heading_data()["organisations"]
        recipients = tuple(replace(p, kind=PartyKind.ORGANISATION, normalized=_nominative_body(p.name.split(), orgs))
                           for p in recipients)
    if not recipients:
        recipients = _uppercase_addressee(text, start)
    if not recipients:
        return None
    return Heading(kind, kind_printed, (), recipients)


def _prefix(text: str, key: str, at: int = 0) -> str | None:
    """The word of ``names.toml``'s list ``key`` that ``text`` begins with at ``at``, in any case."""
    rest = text[at:].upper()
    return next((p for p in _names_data()[key] if rest.startswith(p.upper())), None)


def _a_town(parties: tuple[Party, ...]) -> bool:
    """One word after "в" that names no body: a town ("КАЗАНЬ", "Царицын"), not "ВЦИК" or "СТО"
    (an abbreviation in capitals is a body)."""
    name = parties[0].name.strip()
    # a body's abbreviation has one vowel at most ("ВЦИК", "СТО"); a town has more ("ПЕНЗУ", "ТУЛУ")
    vowelled = _heading_data()["organisations"]["vowelled_abbreviations"]
    abbreviation = name.isupper() and len(name) <= MAX_ABBREVIATION and (
        sum(ch in "АЕЁИОУЫЭЮЯ" for ch in name) <= 1 or name in vowelled)
    return len(parties) == 1 and " " not in name and not abbreviation and not is_organisation(name)


# Where a telegram went, before the people it went to: "В ЦАРИЦЫН И. В. СТАЛИНУ", "в Харьков В. А. ...".
_DESTINATION = re.compile(r"[Вв]\s+[А-ЯЁ][А-ЯЁа-яё-]+\s+(?=(?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ])")
_RUSSIAN_NAME = re.compile(r"(?:[А-ЯЁ]\.\s?){0,3}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_GENITIVE_JOIN = re.compile(r",\s|\sи\s")


def _genitive_sender(text: str, start: int) -> tuple[tuple[Party, ...], tuple[Party, ...]] | None:
    """ "Записка Г.Г. Ягоды И.В. Сталину о протоколе допроса", "Письмо Сталина Кагановичу": the
    sender in the genitive, then the addressees in the dative, then perhaps what it is about."""
    senders: list[Party] = []
    opener = _genitive_opener().match(text, start)  # "от Премьера И.В. Сталина ...", or nothing
    after = opener.end() if opener else start
    while (sender := _RUSSIAN_NAME.match(text, after)) and not is_organisation(sender[0]) and (
            nominative_name := _indeclinable_with_initials(sender[0]) or _from_genitive(sender[0])):
        senders.append(Party(name=sender[0], span=sender.span(), normalized=nominative_name, kind=PartyKind.PERSON))
        after = sender.end()
        joined = _GENITIVE_JOIN.match(text, after)  # "Письмо Молотова и Кагановича Сталину"
        if joined is None or not _RUSSIAN_NAME.match(text, joined.end()):
            break
        after = joined.end()
    if not senders and (body := _body_before_addressee(text, start)) is not None:
        senders, after = [body], body.span[1]  # "Письмо Политбюро И.В. Сталину"
    if not senders or not text[after:after + 1].isspace():
        return None
    if place := _FROM_PLACE.match(text, after):  # "Телеграмма И.В. Сталина из Царицына В.И. Ленину"
        after = place.end()
    to = _TO_PREPOSITION.match(text, after)  # "Обращение Н.И. Бухарина к И.В. Сталину"
    first = to.end() if to else after + 1
    recipients = _split_parties(text, first, _topic_start(text, first), 0, dative=True)
    # addressees in the dative, or a body ("Записка Л.М. Кагановича в ПБ ЦК ВКП(б)", "... членам Политбюро")
    addressed = all(p.kind is PartyKind.ORGANISATION or looks_dative(p.name) or _indeclinable_with_initials(p.name)
                    for p in recipients or ())
    if not recipients or not addressed:
        return None
    return tuple(senders), recipients


# A name with initials in a title printed in capitals ("Ф.Э. ДЗЕРЖИНСКОГО"): initials, then the surname.
_CAPITALS_NAME = re.compile(r"(?:[А-ЯЁ]\.\s?){1,3}(?P<surname>[А-ЯЁ])[А-ЯЁ]+(?:-[А-ЯЁ]+)?(?![А-ЯЁа-яё])")


def _genitive_sender_in_capitals(text: str, start: int) -> tuple[tuple[Party, ...], tuple[Party, ...]] | None:
    """ "ЗАПИСКА Ф.Э. ДЗЕРЖИНСКОГО И.В. СТАЛИНУ О ПОЛОЖЕНИИ ...": read in small letters, with the
    names with initials capitalised; the parties keep the capitals as printed. Persons only: a
    body's abbreviation would not survive the small letters."""
    if not is_capitals(text) or len(lowered := text.lower()) != len(text):
        return None
    small = list(lowered)
    for name in _CAPITALS_NAME.finditer(text, start):
        small[name.start():name.end("surname")] = text[name.start():name.end("surname")]
    from_to = _genitive_sender("".join(small), start)
    if from_to is None or any(p.kind is not PartyKind.PERSON for parties in from_to for p in parties):
        return None
    senders, recipients = (tuple(replace(p, name=text[p.span[0]:p.span[1]]) for p in parties) for parties in from_to)
    return senders, recipients


def _genitive_sender_alone(text: str, start: int) -> Party | None:
    """ "Письмо т. Степанова", "Ответ т. Сталина": the writer alone, in the genitive (the Works
    print a citizen's letter and Stalin's answer under such titles)."""
    name = _RUSSIAN_NAME.fullmatch(text, start, len(text.rstrip(". ")))
    if name is None or is_organisation(name[0]) or looks_dative(name[0]):
        return None
    nominative_name = _from_genitive(name[0])
    return (Party(name=name[0], span=name.span(), normalized=nominative_name, kind=PartyKind.PERSON)
            if nominative_name and nominative_name != name[0] else None)


@cache
def _genitive_opener() -> re.Pattern[str]:
    """ "от", an office, both or neither, before a sender in the genitive (matches at any start)."""
    offices = sorted((re.escape(o) for o in _names_data()["genitive_offices"]), key=len, reverse=True)
    return re.compile(rf"(?:от\s+)?(?:(?:{'|'.join(offices)})\s+)?")


def _body_before_addressee(text: str, start: int) -> Party | None:
    """A body whose name reads the same in the genitive, before a person in the dative: "Политбюро"
    and "ЦК ВКП(б)" of "Письмо Политбюро ЦК ВКП(б) И.В. Сталину"."""
    for name in _RUSSIAN_NAME.finditer(text, start + 1):
        if text[name.start() - 1].isspace() and (looks_dative(name[0]) or _indeclinable_with_initials(name[0])):
            body = _party(text, start, name.start(), 0, dative=False)
            return body if body is not None and body.kind is PartyKind.ORGANISATION else None
    return None


def _indeclinable_with_initials(name: str) -> str | None:
    """A name whose surname reads the same in every case ("Г.К. Орджоникидзе", "П.Г. Мдивани"),
    with initials (so that "Политбюро" is no person), spaced as a register writes it; else None."""
    if len(name.replace(".", ". ").split()) < 2:
        return None  # a surname alone
    distinct = tuple(e for e in _names_data()["indeclinable_endings"] if len(e) > 1)  # not "Землячки"
    return _with_surname(name, lambda surname: surname if surname.lower().endswith(distinct)
                         and not looks_dative(surname) else None)



_TO_PREPOSITION = re.compile(r"\s(?:к|ко)\s")
_FROM_PLACE = re.compile(r"\sиз\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?=\s)")  # where it was sent from
_ABOUT = re.compile(r"\s(?:о|об|обо|about|regarding|concerning)\s", re.IGNORECASE)  # a topic no body's name holds


def _addressees(text: str, start: int, *, dative: bool, titled: bool, end: int | None = None
                ) -> tuple[Party, ...] | None:
    """The addressees of a title, without what it says the document is about ("Письмо Л.М.
    Кагановичу о хлебозаготовках", "ЗАПИСКА И. В. СТАЛИНУ С ПРОЕКТОМ РЕШЕНИЯ ...", "... to V. I.
    Lenin on the situation at Orel"): cut at the topic when what stands before it is people,
    or the topic is "о ..."/"about ..."; else read whole (up to ``end``)."""
    end = len(text) if end is None else end
    whole = _split_parties(text, start, end, 0, dative=dative)
    topic = min(_topic_start(text, start), end)
    if not titled or topic == end:
        return whole
    cut = _split_parties(text, start, topic, 0, dative=dative)
    if cut and (whole is None or all(p.kind is PartyKind.PERSON for p in cut) or _ABOUT.match(text, topic)):
        return cut
    return whole


def _topic_start(text: str, start: int) -> int:
    """Where what a title says the document is about begins ("... о хлебозаготовках", "«О ...»"), else the end."""
    topic = _topic_re().search(text, start)
    quote = text.find("«", start)
    ends = [at for at in (topic.start() if topic else -1, quote) if at > start]
    return min(ends) if ends else len(text)


def _from_genitive(name: str) -> str | None:
    """The nominative of a name whose surname stands in the genitive ("Г.Г. Ягоды" → "Г. Г. Ягода"), else None."""
    return _with_surname(name, lambda surname: _ending_replaced(surname, _names_data()["genitive_to_nominative"]))


def _with_surname(name: str, nominative_of: Callable[[str], str | None]) -> str | None:
    """``name`` with its surname put in the nominative by ``nominative_of`` and its initials
    spaced as a register writes them ("Г.Г. Ягоды" → "Г. Г. Ягода"); None where that gives None."""
    *initials, surname = name.replace(".", ". ").split()
    found = nominative_of(surname)
    return " ".join([*initials, found]) if found else None


@cache
def _topic_re() -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in _names_data()["topic_words"]), key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(words) + r")\s", re.IGNORECASE)  # also "С ПРОЕКТОМ ..." in capitals


def _to_only_english(text: str, cursor: int, kind: str, kind_printed: str | None) -> Heading | None:
    """"Telegram to F. E. Dzerzhinsky", "LETTER TO G. Y. ZINOVIEV", "TO J. V. STALIN" (English
    collected works): the addressee after "to"; without a kind, only in a title in capitals."""
    lowered = text[cursor:].lower()
    if not lowered.startswith(("to ", "to: ")):
        return None
    labelled = lowered.startswith("to:")  # "To: J. V. STALIN" (the Lenin Internet Archive)
    start = cursor + (4 if labelled else 3)
    recipients = _addressees(text, start, dative=False, titled=True)
    if not recipients:
        return None
    # Without a kind, only a title in capitals ("TO J. V. STALIN", "To: J. V. STALIN") or one
    # naming a body ("To the Central Committee of the RCP(b)"): "To J. V. Stalin" in small
    # letters is an address line.
    if kind_printed is None and not (is_capitals(text) or (labelled and is_capitals(text[start:]))) and not all(
            p.kind is PartyKind.ORGANISATION for p in recipients):
        return None
    return Heading(kind, kind_printed, (), recipients, addressed=True)


# The first word of an addressee in the dative: "ПРЕДСЕДАТЕЛЮ", "ВЯТСКОМУ", "ЧЛЕНАМ", "ГРУППЕ";
# not a nominative in -ие/-ое/-ые ("СОДЕРЖАНИЕ", "БОЛЬШЕВИСТСКОЕ").
_DATIVE_WORD = re.compile(r"(?:[УЮ]|[АЯ]М|[ОЕ]Й|(?<![ИОЫ])Е|И)$", re.IGNORECASE)


def _uppercase_addressee(text: str, start: int) -> tuple[Party, ...] | None:
    """An addressee printed in capitals ("ПРЕДСЕДАТЕЛЮ СИМБИРСКОГО СОВЕТА"): taken as one body."""
    a, b = _trim(text, start, len(text))
    name = text[a:b]
    if not name or not is_capitals(name) or not _DATIVE_WORD.search(name.split(maxsplit=1)[0]):
        return None  # "ЛУБЯНКА. СТАЛИН И ВЧК", "ПИСЬМА — МАЙ 1919 г.", "СОДЕРЖАНИЕ": a book's heads, no addressee
    return (Party(name=name, span=(a, b), normalized=nominative(" ".join(name.split())),
                  kind=PartyKind.ORGANISATION),)


# The place a telegram went to, opening its address line: "Казань. ", "Tiflis ", "Симбирск ".
_ADDRESS_PLACE = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?\.?\s+")


def parse_address_line(text: str, offset: int = 0) -> tuple[Party, ...] | None:
    """Whom a telegram's address line names after the place it went to, for a title that
    names only the place ("ТЕЛЕГРАММА В КАЗАНЬ" / "Казань. Реввоенсовет Восточного фронта",
    "Царицын. Сталину"): one addressee in the dative or one body, else None."""
    place = _ADDRESS_PLACE.match(text)
    if place is None or len(text) > MAX_ADDRESS_LINE:
        return None
    parties = _split_parties(text, place.end(), len(text), offset, dative=is_mostly_cyrillic(text))
    if not parties or len(parties) != 1:
        return None
    party = parties[0]
    addressed = party.kind is PartyKind.ORGANISATION or looks_dative(party.name) or not is_mostly_cyrillic(text)
    return parties if addressed else None


MAX_ADDRESS_LINE = 100


def parse_addressee_line(text: str, offset: int = 0) -> tuple[Party, ...] | None:
    """The addressee a citizen's letter names on its first line ("Товарищу Сталину И.В."): a word
    of address, then one person in the dative; else None."""
    if len(text) > MAX_ADDRESS_LINE:
        return None
    if (prefix := _prefix(text, "addressee_prefixes")) is None:
        return None
    parties = _split_parties(text, len(prefix), len(text), offset, dative=True)
    if not parties or len(parties) != 1 or parties[0].kind is not PartyKind.PERSON:
        return None
    return parties if any(looks_dative(word) for word in parties[0].name.split()) else None


def parse_sender_line(text: str, offset: int = 0) -> tuple[Party, ...] | None:
    """A line that names only the author, above a "Письмо X" heading ("Сталин И.В.")."""
    if len(text) > 80 or text.endswith(":"):  # a label of the page ("Шрифт:", "Источник:"), not a name
        return None
    if text.endswith(("!", "?")):  # the greeting of the letter above ("Привет Климу!"), not a name
        return None
    parties = _split_parties(text, 0, len(text), offset, dative=False)
    if parties and all(p.kind is PartyKind.PERSON for p in parties):
        return parties
    return None


def parse_co_author_line(text: str, offset: int = 0) -> tuple[Party, ...] | None:
    """ "Совместно с В.М. Молотовым", "Jointly with V. M. Molotov": the co-authors a line under a
    title names, each in the nominative, or None when the line is something else."""
    opener = _co_author_opener().match(text)
    if opener is None or len(text) > MAX_CO_AUTHOR_LINE:
        return None
    parties = _split_parties(text, opener.end(), len(text), offset, dative=False)
    if not parties or any(p.kind is not PartyKind.PERSON for p in parties):
        return None
    return tuple(replace(p, normalized=_from_instrumental(p.name)) for p in parties)


MAX_CO_AUTHOR_LINE = 120


@cache
def _co_author_opener() -> re.Pattern[str]:
    openers = sorted((re.escape(o) for o in _names_data()["co_author_openers"]), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(openers)})\s+", re.IGNORECASE)


def _from_instrumental(name: str) -> str | None:
    """ "В.М. Молотовым" → "В. М. Молотов", "Л.М. Кагановичем" → "Л. М. Каганович"; None for a
    name not in Russian (it is printed in the nominative)."""
    if not is_mostly_cyrillic(name):
        return None
    indeclinable = tuple(_names_data()["indeclinable_endings"])
    return _with_surname(name, lambda surname: surname if surname.lower().endswith(indeclinable)
                         else _ending_replaced(surname, _names_data()["instrumental_to_nominative"]) or surname)


_UPPER = re.compile("[A-ZА-ЯЁ]")
_LOWER = re.compile("[a-zа-яё]")


def marker_words() -> frozenset[str]:
    """Words printed on their own above or in a text ("Copy", "Urgent", "Шифром"): never a
    party, never a place (the date lexicon's list)."""
    return lexicon().not_places


@cache
def _names_data() -> dict[str, Any]:
    return load("names")


@cache
def surname_endings() -> tuple[str, ...]:
    """The endings that make a word look like a surname ("-ов", "-ин", "-ich", "-dze")."""
    return tuple(_names_data()["surname_endings"])


def nominative(name: str) -> str:
    """The nominative form of a Russian name printed in the dative ("В.И. Ленину" → "В. И. Ленин")."""
    words = name.split()
    changed = [w if _is_initial(w) else _nominative_word(w) for w in words]
    return _initials_first(changed)


@lru_cache(maxsize=4096)
def looks_dative(name: str) -> bool:
    """Whether the surname of ``name`` stands in the dative: one the nominative rules change
    ("ЗИНОВЬЕВУ"), or one in -е that is not of the never-declining kinds ("ЦЮРУПЕ", from
    Цюрупа; not "Орджоникидзе")."""
    surname = name.rsplit(maxsplit=1)[-1] if name.strip() else ""
    if not is_mostly_cyrillic(surname):
        return False
    lower = surname.lower()
    never_declining = [e for e in _names_data()["indeclinable_endings"] if e != "е"]
    return _nominative_word(surname) != surname or (lower.endswith("е") and len(lower) > 3
                                                    and not lower.endswith(("ие", "ое", "ые"))  # "СОДЕРЖАНИЕ"
                                                    and not any(lower.endswith(e) for e in never_declining))


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(rf"(?:[{_UP}][{_LOW}]?\.)+", word))


def _nominative_word(word: str) -> str:
    if _CUT_SHORT.fullmatch(word):  # "Ц-ву" → "Ц-в": a surname the edition cuts short, in the dative
        return word[:-1] if word.endswith("у") else word
    if "-" in word.strip("-"):  # "Антонову-Овсеенко", "Бонч-Бруевичу": each part in its own case
        return "-".join(_nominative_word(part) for part in word.split("-"))
    data = _names_data()
    lower = word.lower()
    if not is_mostly_cyrillic(word):
        return word
    if any(lower.endswith(e) for e in data["indeclinable_endings"]):
        # "Ягоде", "Цюрупе", "Берии": the dative of a surname in -а or -ия, unless it never declines
        never = tuple(e for e in data["indeclinable_endings"] if e not in ("е", "и"))
        return word if lower.endswith(never) else _ending_replaced(word, data["feminine_dative"]) or word
    if lower.endswith("у") and lower[:-1].endswith(tuple(data["committees"])):
        return word[:-1]  # "ГУБПРОДКОМУ" → "ГУБПРОДКОМ"
    return _ending_replaced(word, data["dative_to_nominative"]) or word


def _ending_replaced(word: str, rules: list[list[str]]) -> str | None:
    """``word`` with the first of the [ending, replacement] ``rules`` that fits it applied, else None."""
    lower = word.lower()
    for ending, replacement in rules:
        # a stem of three letters at least, two before a long ending ("Омскому" → "Омский")
        if lower.endswith(ending) and len(lower) > len(ending) + (1 if len(ending) >= 4 else 2):
            return word[: len(word) - len(ending)] + (replacement.upper() if word.isupper() else replacement)
    return None


def _initials_first(words: list[str]) -> str:
    """ "Сталин И.В." and "И.В. Сталин" both become "И. В. Сталин"."""
    initials = [w for w in words if _is_initial(w)]
    others = [w for w in words if not _is_initial(w)]
    letters = [part + "." for w in initials for part in w.split(".") if part]
    return " ".join(letters + others)

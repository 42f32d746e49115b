"""One document, from its header block to its last note, read into a ``Letter``.

Order on the page: header (number, heading, editors' date), sometimes a label/value
block or a "Source:" block, the text (with the author's date line, signature and
postscripts), the apparatus (archival citation, earlier publications, "Написано ..."),
and the notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import Any

from letterbook.data import load
from letterbook.model import (
    ArchivalRef,
    Finding,
    HistoricalDate,
    Letter,
    Note,
    Party,
    PartyKind,
    Severity,
    Span,
    TextValue,
)
from letterbook.parse.archival import citation_tail, find_archival
from letterbook.parse.body import is_a_sender, is_postscript, is_signature_line, read_body
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.parse.dates import find_date, is_outgoing_number, parse_dateline
from letterbook.parse.frontmatter import is_navigation
from letterbook.parse.header import (
    Heading,
    is_capitals,
    kind_named,
    looks_dative,
    parse_address_line,
    parse_addressee_line,
    parse_heading,
    parse_sender_line,
)
from letterbook.parse.notes import (
    anchor_notes,
    field_codes,
    is_footnote_line,
    is_note_separator,
    is_notes_heading,
    note_findings,
    parse_notes,
    starts_a_note,
)
from letterbook.parse.publications import is_page_reference, is_publication
from letterbook.parse.segment import AUTHOR_HEAD, LetterStart, bare_number_of, number_of, opens_with_salutation
from letterbook.parse.text import Line, strip_span

# A line longer than this is text, not an archival citation with a publication after it.
MAX_CITATION_LINE = 400


# The author's name in capitals at the top of a printed page ("В. И. ЛЕНИН").
MAX_TITLE_HEAD = 80  # characters: a document's title repeated at the top of a page is short


@dataclass
class _Apparatus:
    """What the editors printed around a text, collected while reading a letter."""

    conventions: Conventions
    archival: list[ArchivalRef] = field(default_factory=list)
    publications: list[TextValue] = field(default_factory=list)
    date: HistoricalDate | None = None  # "Написано 20 апреля 1918 г.", "Датировка: 1932.08.19"
    findings: list[Finding] = field(default_factory=list)
    kind: str | None = None  # "Тип документа: Телеграмма": the kind the metadata names
    page_breaks: list[int] = field(default_factory=list)  # line indices of dropped page numbers and running heads


MAX_DATELINE = 80  # characters: "Москва, 12 сентября 1933 г." is a date line; a longer line is not
# "1 Речь идет о ...", "2 See document No. 7.": a note's number, a space, a capital.
_NOTE_NUMBER_STARTS = frozenset("0123456789[(¹²³⁴⁵⁶⁷⁸⁹")  # "1 ...", "[1] ...", "(1) ...", "¹ ..."
# A quick test first: a number, then a capital, a quotation mark or a day ("1 17 сентября 1934 г. ПБ ...").
_NOTE_SHAPE = re.compile(r"[\[(]?[\d¹²³⁴⁵⁶⁷⁸⁹]{1,3}[\])]?\.?\s*(?:[A-ZА-ЯЁ«\"“(\[]|\d{1,2}\s[^\W\d_])")


@cache
def _data() -> dict[str, Any]:
    return load("headings")


def read_letter(text: str, lines: Sequence[Line], start: LetterStart, span: Span, *, language: str,
                conventions: Conventions = DEFAULT, date_before: HistoricalDate | None = None,
                page_author: tuple[Party, ...] = ()) -> Letter:
    """The letter whose header is ``start`` and whose lines are ``lines`` (blank ones included);
    ``page_author`` is whom the page's running heads name, who signs what names no sender."""
    apparatus = _Apparatus(conventions)
    repeated = start.repeated or (-1, -1)
    body = [line for line in lines if line.index > start.last and not repeated[0] <= line.index <= repeated[1]]
    body = _skip_running_heads(body, apparatus)
    body = _without_a_following_work(body, apparatus)
    body = _read_label_blocks(text, body, apparatus)
    body = _without_next_number(body, apparatus)
    body, page_footnotes = _without_page_footnotes(body, apparatus.page_breaks)
    body, notes_lines = _split_notes(body)
    notes_blocks = [*page_footnotes, *_notes_around_citation(text, notes_lines, apparatus)]
    body = _read_apparatus_tail(text, _without_apparatus_cut_short(body, apparatus), apparatus)
    nonblank = [line for line in body if not line.blank]
    text_span = strip_span(text, nonblank[0].start, nonblank[-1].end) if nonblank else (span[1], span[1])
    heading = start.heading
    senders = (heading.senders if heading else ()) or start.senders
    # With no date of its own printed, the date of the document before it (editions print them in
    # order) tells the year of a date line without one ("31/X." under "ПИСЬМО А. М. ГОРЬКОМУ").
    context = start.date or apparatus.date
    parts = read_body(text, nonblank, context or date_before, conventions,
                      senders=[p.normalized or p.name for p in senders or page_author])
    if context is None and date_before is not None and parts.dateline is not None and parts.dateline.inferred:
        apparatus.findings.append(Finding(Severity.INFO, "dateline", "the year of the date line is taken from "
                                          "the date of the document printed before it", parts.dateline.span))
    notes = [note for block in notes_blocks
             for note in _read_notes(text, block, text_span, start.heading_text, apparatus)]
    if not senders and parts.signers:
        senders = parts.signers[-1:] if len(parts.signers) == 1 else parts.signers
    elif start.senders and not (heading and heading.senders) and len(parts.signers) > 1:
        senders = (*senders, *_co_signers(senders, parts.signers))
    date = start.date or apparatus.date or _from_dateline(parts.dateline, apparatus)
    if start.number_line is not None and start.number is not None and start.number not in start.number_line.text:
        apparatus.findings.append(Finding(Severity.INFO, "number", f"the number is read as {start.number}: the "
                                          "page prints letters for digits (OCR)", start.number_line.span))
    letter = Letter(
        span=span,
        text=text[text_span[0]:text_span[1]],
        text_span=text_span,
        number=start.number,
        number_span=start.number_line.span if start.number_line else None,
        kind=_kind(heading, nonblank, apparatus.kind),
        kind_as_printed=heading.kind_as_printed if heading else None,
        heading=TextValue(text[start.heading_text[0]:start.heading_text[1]], start.heading_text)
        if start.heading_text else None,
        senders=senders,
        recipients=(heading.recipients or _addressed_in_text(heading, nonblank)) if heading else (),
        date=date,
        dateline=parts.dateline,
        place=_place(parts.place, parts.dateline),
        signature=parts.signature,
        postscripts=parts.postscripts,
        archival=tuple(apparatus.archival),
        publications=tuple(apparatus.publications),
        notes=tuple(notes),
        language=language,
    )
    return _with_findings(letter, apparatus.findings)


def _co_signers(authors: Sequence[Party], signers: Sequence[Party]) -> tuple[Party, ...]:
    """Who signed with the author a page names above the title ("Сталин И.В." over a telegram
    signed "Сталин. Егоров."): the other signers, where one of the signers is that author."""
    names = [p.normalized or p.name for p in authors]
    if not any(is_a_sender(s.name, names) for s in signers):
        return ()
    return tuple(s for s in signers if not is_a_sender(s.name, names))


def _addressed_in_text(heading: Heading, text_lines: list[Line]) -> tuple[Party, ...]:
    """For a title that names only where a telegram went ("ТЕЛЕГРАММА В КАЗАНЬ"), the addressee
    its address line names ("Казань. Реввоенсовет Восточного фронта"); for one that names only
    the writer ("Письмо т. Степанова"), the addressee of its first line ("Товарищу Сталину И.В.")."""
    if heading.kind_as_printed is None or not text_lines:
        return ()
    if heading.senders:  # "Письмо т. Степанова" / "Товарищу Сталину И.В."
        return parse_addressee_line(text_lines[0].text, text_lines[0].start) or ()
    return parse_address_line(text_lines[0].text, text_lines[0].start) or ()


def _kind(heading: Heading | None, text_lines: list[Line], metadata_kind: str | None = None) -> str:
    """The heading's kind; where it prints none, a mark opening the text ("Шифром.", "TELEGRAM",
    "Cipher. Moscow. ...") may say the letter is a telegram, else the site's metadata
    ("Тип документа: Телеграмма"). A telegram so titled whose text opens "Шифром." is a cipher telegram."""
    printed = heading.kind if heading is not None and heading.kind_as_printed is not None else None
    if printed is not None and printed != "telegram":
        return printed
    mark = _kind_mark(text_lines)
    if mark is not None and (printed is None or mark == "cipher telegram"):
        return mark
    return printed or metadata_kind or (heading.kind if heading is not None else "letter")


def _kind_mark(text_lines: list[Line]) -> str | None:
    marks: dict[str, str] = _data()["kind_marks"]
    for line in text_lines[:KIND_MARK_LINES]:
        mark = line.text.split(".", 1)[0].strip(" ,:!").lower()  # "Cipher. Moscow. ..." → "cipher"
        if mark in marks:
            return marks[mark]
    return None


KIND_MARK_LINES = 3  # the address lines may stand above the mark


def _place(place: TextValue | None, dateline: HistoricalDate | None) -> Party | None:
    value = place or (dateline.place if dateline else None)
    return Party(name=value.text, span=value.span, kind=PartyKind.PLACE) if value else None


def _from_dateline(dateline: HistoricalDate | None, apparatus: _Apparatus) -> HistoricalDate | None:
    if dateline is None:
        return None
    apparatus.findings.append(Finding(Severity.INFO, "date", "no editorial date printed; the date is taken "
                                      "from the author's date line", dateline.span))
    return dateline


def running_head_author(lines: Sequence[Line]) -> tuple[Party, ...]:
    """The author a collected-works page names in its running heads ("62" / "В. И. ЛЕНИН"),
    as an implied party, or () when its running heads name no one (or several people)."""
    nonblank = [line for line in lines if not line.blank]
    sections = frozenset(_data()["collection_sections"])
    heads = {head.text: head for k, (first, second) in enumerate(pairwise(nonblank))
             if (head := _running_head(first, second)) is not None and not looks_dative(head.text)
             and head.text.lower() not in sections
             and not (k + 2 < len(nonblank) and opens_with_salutation(nonblank[k + 2].text))}  # "296" / "И. Ф. АРМАНД"
    authors = [parties for head in heads.values() if (parties := parse_sender_line(head.text, head.start))]
    if len(authors) != 1 or len(authors[0]) != 1:
        return ()
    return (replace(authors[0][0], implied=True),)


def _running_head(first: Line, second: Line) -> Line | None:
    """The running head of a page number printed with it, either above or below: the author
    ("В. И. ЛЕНИН") or, on the right-hand pages, the title of the document ("ПИСЬМО А. Д. ЦЮРУПЕ")."""
    for number, head in ((first, second), (second, first)):
        if bare_number_of(number.text) and (AUTHOR_HEAD.fullmatch(head.text) or _is_title_head(head.text)):
            return head
    return None


def _is_title_head(text: str) -> bool:
    """The title of the document on a right-hand page, perhaps with its date ("ПИСЬМО А. Д.
    ЦЮРУПЕ", "И. В. СТАЛИНУ. 11 ОКТЯБРЯ 1922 г.", the letters volumes)."""
    if not is_capitals(text) or len(text) > MAX_TITLE_HEAD:
        return False
    if parse_heading(text) is not None:
        return True
    date = find_date(text)
    title = text[:date.span[0]].rstrip(" .") if date is not None else ""
    return bool(title) and date is not None and date.span[1] >= len(text.rstrip(" .")) - 2 \
        and parse_heading(title) is not None


def _skip_running_heads(lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """Drop page numbers with a running head ("62" / "В. И. ЛЕНИН") printed inside a document."""
    nonblank = [i for i, line in enumerate(lines) if not line.blank]
    dropped: set[int] = set()
    for a, b in pairwise(nonblank):
        first, second = lines[a], lines[b]
        if a in dropped or b in dropped:
            continue
        if _running_head(first, second) is not None:
            dropped.update({a, b})
            apparatus.page_breaks.append(first.index)
            apparatus.findings.append(Finding(Severity.INFO, "text", "page number and running head "
                                              "of the printed edition", (first.start, second.end)))
    for i in nonblank:
        if i not in dropped and is_one_line_running_head(lines[i].text):
            dropped.add(i)  # "214 BOLSHEVIK LEADERSHIP. CORRESPONDENCE. 1912-1927", "1923 215"
            apparatus.page_breaks.append(lines[i].index)
            apparatus.findings.append(Finding(Severity.INFO, "text", "page number and running head "
                                              "of the printed edition", lines[i].span))
    return [line for i, line in enumerate(lines) if i not in dropped]


# A book's running head on one line with its page number, as OCR or a PDF's text gives it: the
# number and the head in capitals ("214 BOLSHEVIK LEADERSHIP. CORRESPONDENCE. 1912-1927"), or
# the head and the number, or the year of the documents and the number ("1923 215").
# A page number has two digits at least: a single one after a title is a note's marker ("TO
# TROTSKY, COPY TO LENIN 1").
_ONE_LINE_HEAD = re.compile(r"\d{2,4}\s+(?P<after>[^\W\d_][^a-zа-яё№]{9,})"
                            r"|(?P<before>[^\W\d_][^a-zа-яё№]{9,}?)\s+\d{2,4}"
                            r"|(?P<year>1[89]\d\d)\s+\d{2,4}|\d{2,4}\s+(?P<year_after>1[89]\d\d)")


def is_one_line_running_head(text: str) -> bool:
    """"214 BOLSHEVIK LEADERSHIP. CORRESPONDENCE. 1912-1927", "1923 215": a page's running head."""
    if len(text) > MAX_ONE_LINE_HEAD or not (text[:1].isdigit() or text[-1:].isdigit()):
        return False  # a cheap test first: the page number stands first or last
    if (head := _ONE_LINE_HEAD.fullmatch(text)) is None:
        return False
    words = (head["after"] or head["before"] or "").split()
    return bool(head["year"] or head["year_after"]) or len([w for w in words if w[:1].isalpha()]) >= 2


MAX_ONE_LINE_HEAD = 80


def _without_a_following_work(lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """The lines before a work that is no letter, where a volume of collected works prints one
    after the letter on a new page ("186" / "В. И. ЛЕНИН" / "О РАБОТЕ НАРКОМАТОВ В НОВЫХ
    УСЛОВИЯХ" / its text): a title in capitals that names no document kind or addressee, right
    under a page's running head, above running text. The work stays in the letter's span, with
    a finding; it is not read as the letter's text or notes."""
    for page_break in apparatus.page_breaks:
        after = [i for i, line in enumerate(lines) if line.index > page_break and not line.blank]
        if len(after) < 2 or not any(not line.blank for line in lines[:after[0]]):
            continue
        title, following = lines[after[0]], lines[after[1]]
        if (is_capitals(title.text) and len(title.text.split()) >= 2 and parse_heading(title.text) is None
                and len(following.text) > MAX_DATELINE and not is_capitals(following.text)):
            apparatus.findings.append(Finding(Severity.WARNING, "text", f"a work that is not a letter begins here "
                                              f"({title.text!r}); its text is not read", (title.start, lines[-1].end)))
            return lines[:after[0]]
    return lines


def _read_label_blocks(text: str, lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """Label/value blocks above the text: "Реквизиты ... Архив: ..." and "Источник: ..."."""
    nonblank = [line for line in lines if not line.blank]
    if not nonblank:
        return lines
    labels = _data()["metadata"]
    consumed_until = -1
    if nonblank[0].text in labels["block_titles"]:
        consumed_until = _read_metadata(text, nonblank, apparatus)
    rest = [line for line in nonblank if line.index > consumed_until]
    if rest and rest[0].text in labels["source_labels"]:
        consumed_until = _read_source_block(text, rest, apparatus)
    consumed_until = max(consumed_until, _read_labelled_lines(text, rest, apparatus))
    return [line for line in lines if line.index > consumed_until]


@cache
def _labelled_line() -> re.Pattern[str]:
    labels = _data()["metadata"]
    every = sorted((*labels["written_labels"], *labels["published_labels"], *labels["other_labels"]),
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(label) for label in every))


def _read_labelled_lines(text: str, lines: list[Line], apparatus: _Apparatus) -> int:
    """The Lenin Internet Archive's "Label: value" lines above the text ("First Published: 1942
    in Lenin Miscellany XXXIV", "Source: ...", and "Written: ..." when the heading did not take
    it as its date): the index of the last, or -1. A first publication is a publication."""
    last = -1
    for line in lines:
        found = _labelled_line().match(line.text)
        if found is None:
            break
        if found[0] in _data()["metadata"]["published_labels"]:
            value = line.text[found.end():].lstrip()
            apparatus.publications.append(TextValue(value, (line.end - len(value), line.end)))
        last = line.index
    return last


def _read_metadata(text: str, lines: list[Line], apparatus: _Apparatus) -> int:
    """istmat.org's block: a title line, then "Label:" lines each followed by its value."""
    labels = _data()["metadata"]
    last = lines[0].index
    current: str | None = None
    for line in lines[1:]:
        if line.text.endswith(":") and len(line.text) <= 40:
            current, last = line.text, line.index
            continue
        if current is None:
            break
        if current in labels["date_labels"]:
            apparatus.date = apparatus.conventions.date(line.text, line.start)
        elif current in labels["type_labels"] and kind_named(line.text) != line.text:
            apparatus.kind = kind_named(line.text)
        elif current in labels["source_labels"]:
            apparatus.publications.append(TextValue(line.text, line.span))
        elif current in labels["archive_labels"]:
            apparatus.archival.extend(find_archival(line.text, line.start))
        current, last = None, line.index
    return last


def _read_source_block(text: str, lines: list[Line], apparatus: _Apparatus) -> int:
    """ "Источник:" and the edition it names, possibly over two lines."""
    last = lines[0].index
    values = lines[1:3]
    if not values:
        return last
    end_line = values[0]
    if not values[0].text.endswith(".") and len(values) > 1:
        end_line = values[1]
    start, end = values[0].start, end_line.end
    apparatus.publications.append(TextValue(text[start:end], (start, end)))
    last = end_line.index
    labels = _data()["metadata"]
    for line in [line for line in lines if line.index > end_line.index]:
        if _source_notes_line().match(line.text):
            apparatus.publications.append(TextValue(line.text, line.span))
        elif line.text.startswith(tuple(labels["source_remarks"])):
            apparatus.findings.append(Finding(Severity.INFO, "text", "the site's explanation of its marks for "
                                              "the printed pages, not the document's text", line.span))
        else:
            break
        last = line.index
    return last


@cache
def _source_notes_line() -> re.Pattern[str]:
    return re.compile("|".join(_data()["metadata"]["source_notes"]))


def _without_next_number(lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """The lines without the number of the next document, where the page ends right after it
    ("... Автограф." / "No. 205"): it is neither this document's citation nor its notes."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if not lines[i].blank), None)
    if last is None or (number := number_of(lines[last].text)) is None:
        return lines
    apparatus.findings.append(Finding(Severity.INFO, "text", f"the page ends with the number of the next "
                                      f"document ({number}), none of whose text is on it", lines[last].span))
    return lines[:last]


def _notes_around_citation(text: str, lines: list[Line], apparatus: _Apparatus) -> list[list[Line]]:
    """The blocks of notes in ``lines``: usually one; two where a page's footnote stands between
    the text and the citation ("* Underlined by Lenin." / "RTsKhIDNI. ..." / "Notes:" / "1 ..."),
    whose citation (and publications) are read into ``apparatus`` here."""
    first = next((line for line in lines if not line.blank), None)
    note_one = (first is not None and first.text[:1] == "1" and not first.text[1:2].isdigit()
                and starts_a_note(first.text))
    if first is None or not (is_footnote_line(first.text) or note_one):
        return [lines]
    cite = next((i for i, line in enumerate(lines) if archival_line(line)), None)
    if cite is None:
        return [lines]
    proper = next((i for i in range(cite, len(lines)) if is_notes_heading(lines[i].text)
                   or _rule_above_notes(lines, i)), len(lines))
    return [_read_apparatus_tail(text, lines[:proper], apparatus), lines[proper:]]


def _without_page_footnotes(lines: list[Line], page_breaks: list[int]) -> tuple[list[Line], list[list[Line]]]:
    """The lines without the footnotes printed at the foot of a page inside the letter ("* Письмо
    является ответом ..." above the running head of the next page, and the text going on
    under it), and those footnotes, one block for each page. The text keeps its one span,
    so the footnote stays inside it, as the running head does; the note is read as well."""
    footnotes: list[list[Line]] = []
    kept = lines
    for page_break in page_breaks:
        above = [i for i, line in enumerate(kept) if line.index < page_break]
        if not above:
            continue
        below = next((line for line in kept[above[-1] + 1:] if not line.blank), None)
        if below is None or is_footnote_line(below.text) or is_notes_heading(below.text) or archival_line(below):
            continue  # the notes go on, or the letter ends, on the next page
        first = next((i for i in above if is_footnote_line(kept[i].text) and i > 0), None)
        if first is None or not any(not line.blank for line in kept[:first]):
            continue
        footnotes.append(kept[first:above[-1] + 1])
        kept = kept[:first] + kept[above[-1] + 1:]
    return kept, footnotes


def _split_notes(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The text part and the notes part of a document's lines."""
    previous: Line | None = None
    earlier: Line | None = None  # the line above ``previous``
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if previous is not None and (is_notes_heading(line.text) or _rule_above_notes(lines, i) or
                                     is_footnote_line(line.text) or _notes_after_citation(line, previous, earlier)
                                     or _note_above_citation(lines, i, previous)):
            return lines[:i], lines[i:]
        previous, earlier = line, previous
    return lines, []


def _rule_above_notes(lines: list[Line], i: int) -> bool:
    """A rule of underscores ("____") with a note under it: where the notes begin."""
    if not is_note_separator(lines[i].text):
        return False
    following = next((line for line in lines[i + 1:] if not line.blank), None)
    return following is not None and (following.text[:1] in _NOTE_NUMBER_STARTS or is_footnote_line(following.text))


def _note_above_citation(lines: list[Line], i: int, previous: Line) -> bool:
    """Note 1 printed between the signature and the citation on a compact page ("Stalin." /
    "1 See note 2 to document No. 296." / "RGASPI. F. 558 ...")."""
    line = lines[i]
    if line.text[:1] != "1" or line.text[1:2].isdigit() or _NOTE_SHAPE.match(line.text) is None:
        return False  # note 1 only: "15.XII.22." under the signature is the date
    following = next((later for later in lines[i + 1:] if not later.blank), None)
    return (following is not None and bool(archival_line(following)) and is_signature_line(previous.text)
            and starts_a_note(line.text))


def _notes_after_citation(line: Line, previous: Line, earlier: Line | None) -> bool:
    """Numbered notes printed without a heading right under the archival citation (also one
    wrapped: "... Signature is" / "an autograph.") or an earlier publication ("РГАСПИ. Ф. 558 ...
    Автограф." / "1 Речь идет о ...", OCR's "l See document No. 117.")."""
    shaped = (line.text[:1] in _NOTE_NUMBER_STARTS and _NOTE_SHAPE.match(line.text) is not None) or \
        line.text[:1] == "l"  # OCR's "l" for note 1
    numbered = shaped and starts_a_note(line.text)
    wrapped = earlier is not None and _runs_on_from_above(previous.text, earlier.text) and bool(archival_line(earlier))
    return numbered and (bool(archival_line(previous)) or is_publication(previous.text) or wrapped)



def _read_apparatus_tail(text: str, lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """Archival citation, earlier publications and "Написано ..." below the text."""
    nonblank = [i for i, line in enumerate(lines) if not line.blank]
    cut = len(lines)
    publications: list[TextValue] = []
    archival: list[ArchivalRef] = []
    following: Line | None = None
    remark_end: int | None = None  # of the editors' remarks on the document under its citation
    read_from = len(nonblank)  # lines from here down were read with a continuation under them
    for k in range(len(nonblank) - 1, -1, -1):
        i = nonblank[k]
        line = lines[i]
        if is_navigation(line.text):
            continue  # a library's links after the document
        if k >= read_from:
            cut, following = i, line
            continue
        refs = archival_line(line)
        if refs:
            tail = citation_tail(text, refs[-1])
            if tail and is_publication(tail.text):
                publications.insert(0, tail)
            elif tail or remark_end is not None:  # "Автограф карандашом.", "Телеграфный бланк."
                refs[-1] = _described(text, refs[-1], remark_end or (tail.span[1] if tail else refs[-1].span[1]))
            remark_end = None
            archival[:0] = refs
        elif (_is_remark(line.text) or _runs_on_from_above(line.text, lines[nonblank[k - 1]].text if k else "")) \
                and k > 0 and archival_line(lines[nonblank[k - 1]]):
            remark_end = remark_end or line.end  # "Имеются пометы И.В. Сталина." under the citation
        elif (written := _written_date(line, apparatus.conventions)) is not None:
            apparatus.date = apparatus.date or written
        elif k > 0 and _is_written_label(lines[nonblank[k - 1]].text) and (
                wrapped := apparatus.conventions.date(line.text, line.start)) is not None:
            apparatus.date = apparatus.date or wrapped  # "Продиктовано по телефону" / "13 октября 1922 г."
        elif is_postscript(line.text) or _is_dated_to_the_day(line, apparatus.conventions):
            break  # "P.S. 15/V. ...", "Москва, 12 сентября 1933 г." under the signature are the author's
        elif is_publication(line.text) or line.text.rstrip(".") in _data()["apparatus"]["dictated"]:
            _prepend_publication(text, publications, line, following)
        elif _is_written_label(line.text) and following is not None and cut == nonblank[k + 1]:
            pass  # "Написано" above the date just read
        elif (top := _publication_wrapped_below(lines, nonblank, k)) is not None:
            # "First published in 1959 Printed from the original" / "in Lenin Miscellany XXXVI":
            # two columns of the Collected Works run together, the lines below continuing the first
            first = lines[nonblank[top]]
            publications.insert(0, TextValue(text[first.start:line.end], (first.start, line.end)))
            read_from = top
        elif (following is not None and publications and publications[0].span[0] == following.start
              and _continues_publication(line, following)):  # the publication below begins on this line
            _extend_upwards_to(text, publications, line)
        else:
            break
        cut, following = i, line
    apparatus.archival.extend(archival)
    apparatus.publications.extend(publications)
    return lines[:cut]


def _without_apparatus_cut_short(lines: list[Line], apparatus: _Apparatus) -> list[Line]:
    """``lines`` without a last line that is the apparatus's first word cut short by the page's end."""
    nonblank = [line for line in lines if not line.blank]
    if not nonblank or not _apparatus_cut_short(last := nonblank[-1]):
        return lines
    apparatus.findings.append(Finding(Severity.INFO, "text", f"the page ends in the apparatus cut short "
                                      f"({last.text!r})", last.span))
    return [line for line in lines if line.index < last.index]


MIN_CUT_WORD = 3  # letters of an apparatus word cut short ("Нап") before it can be told from a name


def _apparatus_cut_short(line: Line) -> bool:
    """The last line of a page cut at a fixed length inside the apparatus's first word ("Написа")."""
    return len(line.text) >= MIN_CUT_WORD and any(word.startswith(line.text) and word != line.text
                                                  for word in _data()["apparatus"]["openers"])


def _prepend_publication(text: str, publications: list[TextValue], line: Line, following: Line | None) -> None:
    """Put the publication on ``line`` before the others, with its pages when they wrapped to
    the line below ("... The Hague, 1964." / "P. 716.")."""
    if following is not None and publications and publications[0].span[0] == following.start \
            and is_page_reference(following.text):
        _extend_upwards_to(text, publications, line)
    else:
        publications.insert(0, TextValue(line.text, line.span))


def _extend_upwards_to(text: str, publications: list[TextValue], line: Line) -> None:
    """The first of ``publications`` begun on ``line`` instead."""
    end = publications[0].span[1]
    publications[0] = TextValue(text[line.start:end], (line.start, end))


def _runs_on_from_above(text: str, above: str) -> bool:
    """A short line in small letters, or one whose first word the line above broke with a hyphen:
    the end of the citation above it, wrapped ("... Signature is" / "an autograph.", "... Written
    in in-" / "visible ink between the lines of a letter of innocuous content.")."""
    return text[:1].islower() and (len(text) <= MAX_WRAPPED_END or above.endswith("-"))


MAX_WRAPPED_END = 60


def _is_written_label(text: str) -> bool:
    """ "Написано", "Продиктовано по телефону" alone: the date is on the next line."""
    return text.rstrip(".:") in _data()["apparatus"]["written_alone"]


def _described(text: str, ref: ArchivalRef, end: int) -> ArchivalRef:
    """``ref`` with the editors' description of the document that follows it up to ``end``
    ("... Подлинник. Автограф карандашом.", "... Машинопись." / "Имеются пометы И.В. Сталина.")."""
    return replace(ref, as_printed=text[ref.span[0]:end], span=(ref.span[0], end))


@cache
def _remark_start() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(r) for r in _data()["apparatus"]["remarks"]), re.IGNORECASE)


def _is_remark(line: str) -> bool:
    """An editors' remark on the physical document ("Имеются пометы ...", "On the document ...")."""
    return len(line) <= MAX_CITATION_LINE and _remark_start().match(line) is not None


def archival_line(line: Line) -> list[ArchivalRef]:
    """The citations of a line that begins with one (it closes a document), else none."""
    if len(line.text) > MAX_CITATION_LINE:
        return []
    refs = find_archival(line.text, line.start)
    # "Original: APRF. F. 3 ... Copy: RTsKhIDNI. ...", "Печатается по подлиннику. Автограф. РГАСПИ. ..."
    label = _citation_label().match(line.text) or _printed_from().match(line.text)
    lead = label.end() if label else 0
    return refs if refs and refs[0].span[0] - line.start <= lead + 2 else []


@cache
def _citation_label() -> re.Pattern[str]:
    labels = sorted((re.escape(w) for w in _data()["apparatus"]["citation_labels"]), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(labels)})\s*", re.IGNORECASE)


@cache
def _printed_from() -> re.Pattern[str]:
    """What the edition printed the document from, and perhaps its form, before the citation."""
    phrases = sorted((re.escape(w) for w in _data()["apparatus"]["printed_from"]), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(phrases)})\s[^.]{{1,40}}\.(?:\s*[^\W\d_][^.]{{0,30}}\.)?\s*", re.IGNORECASE)


def _is_dated_to_the_day(line: Line, conventions: Conventions) -> bool:
    """An author's date line to the day ("Москва, 12 сентября 1933 г."), never a publication's
    place and year ("М., 1926")."""
    if len(line.text) > MAX_DATELINE or not any(ch.isdigit() for ch in line.text):
        return False
    date = conventions.dateline(line.text, line.start, None)
    whole_line = date is not None and date.span[0] == line.start and (
        date.span[1] == line.end or is_outgoing_number(line.text[date.span[1] - line.start:]))  # "... No. 1043."
    return whole_line and date is not None and date.earliest is not None and date.earliest == date.latest


def _written_date(line: Line, conventions: Conventions) -> HistoricalDate | None:
    """The date of "Написано 20 апреля 1918 г.", the editors' dating under a text."""
    return conventions.find_date(line.text, line.start) if _written().match(line.text) else None


@cache
def _written() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in _data()["apparatus"]["written"]))


def _publication_wrapped_below(lines: list[Line], nonblank: list[int], k: int) -> int | None:
    """Where a publication begins whose last words wrapped onto short lines down to
    ``nonblank[k]``, each beginning in small letters, a bracket or a digit ("in Lenin Miscellany
    XXXVI", "в Полном собрании сочинений, ..." / "5 изд., том 48", "(Л. А. Фотиевой)"): the index
    in ``nonblank`` of its first line, else None."""
    for top in range(k - 1, max(k - 1 - CONTINUATION_LINES, -1), -1):
        first, below = lines[nonblank[top]], lines[nonblank[top + 1]].text
        continues = (below[:1].islower() or below[:1] == "("  # "(Л. А. Фотиевой)"
                     or (below[:1].isdigit() and _EDITION_WORD.search(below) is not None)
                     or first.text.count("«") > first.text.count("»")  # "в журнале «Пролетарская" / "Революция» № 1"
                     or _RUNS_ON_TO_A_NAME.search(first.text) is not None)  # "..., подписанному" / "В. И. Лениным"
        if not continues or len(below) > CONTINUATION_LINE:
            return None
        if is_publication(first.text) and not archival_line(first):
            return top
    return None


CONTINUATION_LINE = 80
CONTINUATION_LINES = 3
# The second column's "Печатается по машинописному экземпляру, подписанному" goes on with whose
# hand it is ("В. И. Лениным") on the next line.
_RUNS_ON_TO_A_NAME = re.compile(r"(?:подписанн|правленн|написанн)\w*\s*$")
# A line of a publication that begins with a digit names the edition or volume ("5 изд., том 48").
_EDITION_WORD = re.compile(r"(?<![^\W\d_])(?:изд|том|т\.|ed\.|edition|vol)", re.IGNORECASE)


def _continues_publication(line: Line, following: Line) -> bool:
    """A short line whose text runs on into the publication printed below it."""
    if len(line.text) > 60 or line.text.endswith(("!", "?")) or is_signature_line(line.text):
        return False
    return parse_dateline(line.text, line.start) is None and is_publication(f"{line.text} {following.text}")


def anchored_in_heading(notes: list[Note], text: str, heading_span: Span | None) -> list[Note]:
    """``notes`` with those that have no marker in the text anchored at their marker in the
    heading, where it holds one ("ПИСЬМО Г. К. ОРДЖОНИКИДЗЕ*")."""
    unanchored = [note for note in notes if note.anchor is None]
    if heading_span is None or not unanchored:
        return notes
    start, end = heading_span
    in_heading = {note.span: note for note in anchor_notes(unanchored, text[start:end], start)}
    return [in_heading.get(note.span, note) if note.anchor is None else note for note in notes]


def _read_notes(text: str, lines: list[Line], text_span: Span, heading_span: Span | None,
                apparatus: _Apparatus) -> list[Note]:
    nonblank = [line for line in lines if not line.blank]
    if not nonblank:
        return []
    first = nonblank[0]
    if is_notes_heading(first.text) or is_note_separator(first.text):
        nonblank = nonblank[1:]
    if not nonblank:
        return []
    start, end = nonblank[0].start, nonblank[-1].end
    notes = anchor_notes(parse_notes(text[start:end], start), text[text_span[0]:text_span[1]], text_span[0])
    notes = anchored_in_heading(notes, text, heading_span)
    codes = field_codes(text[start:end], start)
    apparatus.findings.extend(note_findings(notes, codes, anchored=True))
    return notes


def _with_findings(letter: Letter, extra: list[Finding]) -> Letter:
    findings = list(extra)
    where = letter.heading.span if letter.heading else letter.text_span
    if letter.dateline is not None and letter.dateline.qualifier and "read as" in letter.dateline.qualifier:
        findings.append(Finding(Severity.INFO, "dateline", f"the author's date line: {letter.dateline.qualifier} "
                                "(a machine translation turns Roman numerals into digits)", letter.dateline.span))
    if letter.date is None:
        findings.append(Finding(Severity.WARNING, "date", "no date found for this document", where))
    if not letter.recipients:
        findings.append(Finding(Severity.WARNING, "recipients", "no recipient found in the heading", where))
    if not letter.senders:
        findings.append(Finding(Severity.WARNING, "senders", "no sender found in the heading or signature", where))
    return replace(letter, findings=tuple(findings))

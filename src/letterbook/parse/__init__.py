"""From a ``Source`` to letters: segment the page, then read each letter's parts.

Every character of the source ends up in exactly one place: the front matter, a
letter's span, the back matter (navigation after the last letter), or a remainder
(the tail of a letter that began on an earlier page) with a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from letterbook.data import load
from letterbook.model import ArchivalRef, Finding, Letter, Note, ParseResult, Part, Party, Severity, Source, Span
from letterbook.parse.archival import inherit_levels, is_ibid
from letterbook.parse.body import is_signature_line
from letterbook.parse.conventions import DEFAULT, Conventions
from letterbook.parse.frontmatter import collection_from, is_front_matter_line, is_navigation, related_links_at
from letterbook.parse.letter import anchored_in_heading, archival_line, read_letter, running_head_author
from letterbook.parse.note_markers import anchor_notes
from letterbook.parse.notes import is_note_separator, is_notes_heading, unanchored
from letterbook.parse.publications import is_publication
from letterbook.parse.segment import LetterStart, find_starts
from letterbook.parse.text import Line, is_mostly_cyrillic, split_lines

# Enough characters to tell Russian from English, few enough to cost nothing.
LANGUAGE_SAMPLE = 1000

# Pages cut off at a fixed length end in a fragment of a word ("Оглавление т"): after
# navigation lines, a last line this short is taken as navigation too.
TRUNCATED_FRAGMENT = 30


def parse_source(source: Source, conventions: Conventions = DEFAULT) -> ParseResult:
    """Every letter of ``source``; parts and letters together cover every character."""
    text = source.text
    lines = split_lines(text)
    starts = find_starts(text, lines, conventions)
    language = language_of(text)
    letters_begin = lines[starts[0].first].start if starts else len(text)
    related = _related_links_at(text, lines, starts)
    if related is not None:
        starts = [start for start in starts if start.first < related.index]
    back_begin = min(_back_matter_start(lines, starts, len(text)), related.start if related else len(text))
    findings: list[Finding] = []
    # The author the running heads name signs the letters headed by their addressee alone ("Ленин 25/V.").
    author = running_head_author(lines) if any(not (start.senders or (start.heading and start.heading.senders))
                                               for start in starts) else ()
    letters = _read_letters(text, lines, starts, back_begin, conventions, author=author)
    if (titled := _under_the_pages_title(letters)) is not None:
        letters, letters_begin = titled, titled[0].span[0]
    parts = _leading_parts(text, lines, letters_begin, findings)
    letters = _with_running_head_author(letters, author)
    letters = _with_the_pages_signer(letters)
    letters = _with_ibid_resolved(letters)
    letters = _with_page_end_notes_by_marker(letters, text)
    if back_begin < len(text) and starts:
        parts.append(Part("back_matter", (back_begin, len(text))))
    front = [line for line in lines if line.end <= letters_begin]
    return ParseResult(source=source, collection=collection_from(front, language), letters=tuple(letters),
                       parts=tuple(parts), findings=tuple(findings))


def _under_the_pages_title(letters: list[Letter]) -> list[Letter] | None:
    """The letters under a page's title that is no letter of its own, or None when the page has
    none. Stalin's Works print "Ответ товарищу Н.П. Степанову" / "5 марта 1938 года" over the
    letter answered ("Письмо т. Степанова") and the answer ("Ответ т. Сталина"): the title holds
    no text, and the document of its kind under it is addressed to whom the title names."""
    if len(letters) < 2:
        return None
    title, rest = letters[0], letters[1:]
    if title.text.strip() or title.kind_as_printed is None:
        return None
    kind = title.kind_as_printed.casefold()
    answer = next((i for i, letter in enumerate(rest) if (letter.kind_as_printed or "").casefold() == kind
                   and not letter.recipients), None)
    if answer is None or not title.recipients:
        return None
    addressed = rest[answer]
    finding = Finding(Severity.INFO, "recipients", "addressee implied by the page's title "
                      f"{title.heading.text if title.heading else ''!r}", title.span)
    rest[answer] = replace(addressed, recipients=tuple(replace(p, implied=True) for p in title.recipients),
                           findings=(*(f for f in addressed.findings if f.field != "recipients"), finding))
    return rest


def _with_running_head_author(letters: list[Letter], author: tuple[Party, ...]) -> list[Letter]:
    """Letters that name no sender get the author of the collected works the page's running
    heads name ("В. И. ЛЕНИН"), as an implied sender, with a finding that says so."""
    if not author:
        return letters
    finding = Finding(Severity.INFO, "senders", f"sender implied by the running head {author[0].name!r}",
                      author[0].span)
    return [letter if letter.senders else replace(letter, senders=author, findings=(*letter.findings, finding))
            for letter in letters]


def _with_page_end_notes_by_marker(letters: list[Letter], text: str) -> list[Letter]:
    """Notes printed together after the last document of a page (a book's page, a site that
    gathers them at the end) belong to the document whose text holds their marker: a note of
    the last document with no marker in its text moves to the nearest document above that has
    the marker and no note of that number. A page's footnotes ("*", "**") may stand under any
    document of a book's page (the next page begins with another document), so a footnote with
    no marker in its own document moves the same way from any document. Its span stays where it
    is printed, after the document it now belongs to; a finding says so."""
    result = list(letters)
    for j in range(len(result) - 1, 0, -1):
        result = _notes_moved_up(result, j, text)
    return result


def _notes_moved_up(letters: list[Letter], j: int, text: str) -> list[Letter]:
    """``letters`` with the unanchored notes of letter ``j`` (see above) moved to the letters above."""
    movable = [n for n in letters[j].notes if n.anchor is None and (j == len(letters) - 1 or _is_footnote_mark(n))]
    moved: dict[int, list[Note]] = {}
    for note in movable:
        for k in range(j - 1, -1, -1):
            earlier = letters[k]
            if any(own.number == note.number for own in (*earlier.notes, *moved.get(k, ()))):
                continue
            start, end = earlier.text_span
            in_text, = anchor_notes([note], text[start:end], start)
            anchored = in_text if in_text.anchor is not None else _marked_in_heading(earlier, note, text)
            if anchored is not None:
                moved.setdefault(k, []).append(anchored)
                break
    if not moved:
        return letters
    gone = {note.span for notes in moved.values() for note in notes}
    source = letters[j]
    kept = tuple(note for note in source.notes if note.span not in gone)
    stale = {unanchored(note) for note in source.notes if note.span in gone}
    findings = tuple(f for f in source.findings if f not in stale)
    result = list(letters)
    result[j] = replace(source, notes=kept, findings=findings)
    for k, notes in moved.items():
        found = [Finding(Severity.INFO, "notes", f"note {note.number} is printed after a later document of the "
                         "page; its marker is in this one", note.span) for note in notes]
        result[k] = replace(letters[k], notes=(*letters[k].notes, *notes),
                            findings=(*letters[k].findings, *found))
    return result


def _is_footnote_mark(note: Note) -> bool:
    return note.number != "" and set(note.number) <= set("*†‡")


def _marked_in_heading(letter: Letter, note: Note, text: str) -> Note | None:
    """``note`` anchored at its marker in ``letter``'s heading ("ПО ВОЕННЫМ ДЕЛАМ*"), else None."""
    anchored, = anchored_in_heading([note], text, letter.heading.span if letter.heading else None)
    return anchored if anchored.anchor is not None else None


def _with_ibid_resolved(letters: list[Letter]) -> list[Letter]:
    """ "Ibid. L. 3.", "Там же. Л. 9": the archive and the levels not printed, taken from the
    citation printed last above it on the page, with a finding naming it. An "ibid" with no
    citation above it on the page (it points to an earlier page) stays as printed, with a finding."""
    previous: ArchivalRef | None = None
    resolved = []
    for letter in letters:
        refs, findings = [], list(letter.findings)
        for printed in letter.archival:
            ref = printed
            if is_ibid(printed) and previous is not None:
                ref = inherit_levels(printed, previous)
                findings.append(Finding(Severity.INFO, "archival", f"{ref.archive_as_printed!r} read as the "
                                        f"citation above it: {previous.as_printed!r}", ref.span))
            elif is_ibid(printed):
                findings.append(Finding(Severity.WARNING, "archival", f"{ref.archive_as_printed!r} refers to a "
                                        "citation that is not on this page", ref.span))
            refs.append(ref)
            previous = ref if ref.archive else previous
        changed = len(findings) != len(letter.findings)
        resolved.append(replace(letter, archival=tuple(refs), findings=tuple(findings)) if changed else letter)
    return resolved


def _with_the_pages_signer(letters: list[Letter]) -> list[Letter]:
    """On a page whose letters are all headed by their addressee alone ("Письмо К.Е. Ворошилову",
    as in an author's collected works), a letter signed by no one (often one cut off before its
    end) gets the one person who signs all the others, as an implied sender with a finding.

    Nothing is implied when a heading names a sender (a correspondence of several people), when
    the signatures differ, or when no letter of the page is signed.
    """
    if not letters or any(not letter.recipients or any(not p.implied for p in letter.senders)
                          for letter in letters):
        return letters
    signed = [letter.senders for letter in letters if letter.senders]
    names = {" ".join(p.name.split()).casefold() for senders in signed for p in senders}
    if not signed or len(signed) == len(letters) or len(names) != 1 or any(len(s) != 1 for s in signed):
        return letters
    signer = signed[0][0]
    finding = Finding(Severity.INFO, "senders", f"sender implied: every other letter of the page headed by its "
                      f"addressee alone is signed {signer.name!r}", signer.span)
    return [letter if letter.senders else replace(letter, senders=(signer,), findings=(*letter.findings, finding))
            for letter in letters]


def language_of(text: str) -> str:
    """ "ru" when most letters are Cyrillic, else "en"."""
    sample = text[:LANGUAGE_SAMPLE]
    return "ru" if is_mostly_cyrillic(sample) else "en"


def _read_letters(text: str, lines: Sequence[Line], starts: list[LetterStart], end: int,
                  conventions: Conventions, *, author: tuple[Party, ...]) -> list[Letter]:
    letters: list[Letter] = []
    for i, start in enumerate(starts):
        begin = lines[start.first].start
        following = starts[i + 1].first if i + 1 < len(starts) else len(lines)
        stop = lines[following].start if following < len(lines) else end
        block = [line for line in lines[start.first:following] if line.end <= stop]
        language = language_of(text[begin:stop])
        date_before = letters[-1].date if letters else None
        letters.append(read_letter(text, block, start, (begin, stop), language=language, conventions=conventions,
                                   date_before=date_before, page_author=author))
    return letters


def _related_links_at(text: str, lines: Sequence[Line], starts: list[LetterStart]) -> Line | None:
    """The line under the letters where a site's links to other pages begin ("Читайте также")."""
    after = starts[0].last if starts else len(lines) - 1
    at = related_links_at(text, lines[after].end) if after + 1 < len(lines) else None
    return next(line for line in lines[after + 1:] if line.start <= at < line.end + 1) if at is not None else None


_DIGIT = re.compile(r"\d")
_COPYRIGHT = re.compile(r"(?:©|\(c\)\s|Copyright\s)")


def _back_matter_start(lines: Sequence[Line], starts: list[LetterStart], end: int) -> int:
    """Where navigation after the last letter begins (``end`` when there is none)."""
    begin = end
    after = starts[-1].last if starts else -1
    candidates = [line for line in lines if line.index > after and not line.blank]
    # Under the site's copyright line everything is its footer ("Адрес: ...", "Тел. ...").
    footer = next((k for k, line in enumerate(candidates) if _COPYRIGHT.match(line.text)), None)
    if footer is not None:
        begin, candidates = candidates[footer].start, candidates[:footer]
    for position, line in enumerate(reversed(candidates)):
        after_navigation = len(candidates) > 1 and is_navigation(candidates[-2].text)
        last_fragment = position == 0 and len(line.text) <= TRUNCATED_FRAGMENT and after_navigation
        if position == 0 and not after_navigation and is_signature_line(line.text):
            break  # "Lenin" under the text is its signature; in a navigation bar it has company
        if not (is_navigation(line.text) or last_fragment):
            break
        begin = line.start
    return begin


def _leading_parts(text: str, lines: Sequence[Line], end: int, findings: list[Finding]) -> list[Part]:
    """Front matter before the first letter, and the tail of an earlier letter when the page has one."""
    if end == 0:
        return []
    leading = [line for line in lines if not line.blank and line.end <= end]
    tail_at = next((i for i, line in enumerate(leading) if _ends_a_letter(line, leading[i - 1] if i else None)),
                   None)
    if tail_at is None:
        return [Part("front_matter", (0, end))]
    first_text = next((i for i, line in enumerate(leading[: tail_at + 1]) if not is_front_matter_line(line.text)),
                      tail_at)
    begin = leading[first_text].start
    remainder: Span = (begin, end)
    findings.append(Finding(Severity.WARNING, "letter", "the page begins in the middle of a document; its "
                            "tail is kept as a remainder, not read as a letter", remainder))
    parts = [Part("front_matter", (0, begin))] if begin > 0 else []
    return [*parts, Part("remainder", remainder)]


def _ends_a_letter(line: Line, previous: Line | None) -> bool:
    """A line that only closes a document: an archival citation, the notes heading, the editors'
    "Написано <date>" under a signature, or a publication under a signature or under "Написано
    ..." ("Сталин." / "Письма И.В. Сталина В.М. Молотову. 1925–1936 гг. С. 213.")."""
    if is_notes_heading(line.text) or is_note_separator(line.text) or archival_line(line):
        return True
    if previous is None:
        return False
    signed = is_signature_line(previous.text)
    if signed and line.text.startswith(_written_labels()) and _DIGIT.search(line.text):
        return True  # "Ваш Ленин" / "Написано 29 сентября (12 октября) 1913 г."
    return (signed or previous.text.startswith(_written_labels())) and is_publication(line.text)


@cache
def _written_labels() -> tuple[str, ...]:
    """ "Написано", "Продиктовано", ...: the editors' line on when a document was written."""
    return tuple(load("headings")["apparatus"]["written_alone"])


__all__ = ["Conventions", "language_of", "parse_source"]

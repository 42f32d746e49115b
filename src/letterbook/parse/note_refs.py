"""What a note's text holds besides prose: cross-references and leaked Word field codes.

- ``cross_refs(text, offset)``: the note's pointers to other documents of the
  collection: "See note 1 to document No. 183" -> ``CrossRef("183", "1")``, "See doc.
  No. 45", "См. примеч. 2 к док. № 183", "см. док. № 12, 14"; references to archive
  files ("Там же. Л. 38") or to decrees ("Decree No. 11") are not documents.
- ``field_codes(text, offset)``: spans of Microsoft Word field codes left in the page
  ('TOC \\o "1-5" \\h \\z '): not part of what the editors wrote, so a note's text
  leaves out the codes that lead it while its span keeps them; a code inside the text stays
  in it, so the text is always what the source prints, and a finding names every code.

Words live in ``parse/data/notes.toml``. Pure, never raises, linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from letterbook.data import load
from letterbook.model import CrossRef, Span
from letterbook.parse.text import with_ocr_digits


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that "Nos." wins over "No"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _word(words: Iterable[str]) -> str:
    """Literal words that must not start or end inside another word ("doc." ends in ".")."""
    return rf"(?<!\w)(?:{_alternation(words)})(?![^\W\d_])"


# A document's number: "183", "12а" (a document the editors inserted between 12 and 13); OCR's
# letters for digits ("2O3", "l31") are read as digits before the references are looked for.
_DOCUMENT_NUMBER = r"\d{1,4}(?:[a-zа-я](?![^\W\d_]))?"
_RANGE = re.compile(r"(\d{1,4})\s*[-–—]\s*(\d{1,4})")
LONGEST_RANGE = 20  # "Nos. 161-163" names each document; a longer "range" is something else
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_LIST_PARTS = re.compile(r"\s*(?:,|\band\b|\bи\b)\s*", re.IGNORECASE)
_NUMBER_WITH_LETTER = re.compile(r"\d+[a-zа-я]?", re.IGNORECASE)  # "1917-1920" is a span of years, not of documents


@cache
def _crossref_pattern() -> re.Pattern[str]:
    data = load("notes")["crossrefs"]
    sign = rf"(?-i:{_alternation(data['number_signs'])})"
    joiner = rf"\s*(?:{_alternation(data['list_joiners'])})\s*(?:{sign}\s*)?"  # "No. 161 and No. 163"
    number_list = rf"\d{{1,4}}(?:{joiner}\d{{1,4}})*"
    documents = rf"{_DOCUMENT_NUMBER}(?:(?:{joiner}|\s*[-–—]\s*){_DOCUMENT_NUMBER})*"  # also "108—110"
    note = rf"{_word(data['note_words'])}\s*(?P<notes>{number_list})\s+{_word(data['note_joiners'])}\s*"
    # "document No. 183", "doc. 45", or a bare "No. 183" (kept only after "see" or a note).
    document = (rf"(?:(?P<docword>{_word(data['document_words'])})\s*(?:{sign})?"
                rf"|{_word(data['kind_words'])}\s*(?:{sign})?|(?<!\w){sign})")
    see = rf"(?P<see>{_word(data['see_words'])}\s*)?"
    # "See document No. 183, note 1": the note after the document; "... and note 2 to it": that too.
    also = rf"(?P<also>\s+(?:{_alternation(data['and_words'])})\s+)"
    to_it = rf"(?:\s*(?:{_alternation(data['to_it'])})(?![^\W\d_]))"
    # ... but not "note 1 to document No. 187", the next reference: (?!...) leaves that to it.
    next_reference = rf"(?!\s*{_word(data['note_joiners'])}\s*(?:{_word(data['document_words'])}|{sign}))"
    note_after = (rf"(?:(?:{also}|\s*,?\s*){_word(data['note_words'])}\s*(?P<notes_after>{number_list})"
                  rf"{next_reference}{to_it}?)?")
    return re.compile(
        rf"{see}(?:{note})?{document}\s*(?P<docs>{documents})(?!\d){note_after}",
        re.IGNORECASE,
    )


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _documents(printed: str) -> list[str]:
    """The documents a list names: "161 and No. 163", "114, 116 и 119", "108—110", "12а"."""
    found: list[str] = []
    for part in _LIST_PARTS.split(printed):
        span = _RANGE.search(part)
        if span and _YEAR.fullmatch(span[1]):
            found.append(span[1])  # "document No. 1917-1920": years after the number, not documents
        elif span and 0 < int(span[2]) - int(span[1]) <= LONGEST_RANGE:
            found.extend(str(n) for n in range(int(span[1]), int(span[2]) + 1))
        else:
            found.extend(_NUMBER_WITH_LETTER.findall(part))
    return found


def cross_refs(text: str, offset: int = 0) -> list[CrossRef]:
    """Every reference to another document in ``text``, each with the span of its words."""
    refs: list[CrossRef] = []
    text = with_ocr_digits(text)  # "See doc. No. l31": the same length, so the spans hold
    for match in _crossref_pattern().finditer(text):
        # A bare "No. 183" is a document only when the editors wrote "see" before it, or
        # put it in brackets after what they name ("Stalin's telegram of October 1 (No. 45)").
        if not (match.group("docword") or match.group("see") or match.group("notes") or _bracketed(text, match)):
            continue
        span = (offset + match.start(), offset + match.end())
        printed = (match.group("notes") or "") + " " + (match.group("notes_after") or "")
        notes: list[str | None] = list(_numbers(printed)) or [None]
        if match.group("also"):  # "document No. 115 and note 3 to it": the document, and its note
            notes.insert(0, None)
        for document in _documents(match.group("docs")):
            refs.extend(CrossRef(document=document, note=note, span=span) for note in notes)
    return refs


def _bracketed(text: str, match: re.Match[str]) -> bool:
    """ "Stalin's telegram of October 1 (No. 45)"; not a newspaper's issue after its date
    ("published in "Pravda" on January 18 (31), 1913 (No. 14)")."""
    if text[match.start() - 1:match.start()] != "(" or text[match.end():match.end() + 1] != ")":
        return False
    return _YEAR_BEFORE.search(text, max(0, match.start() - YEAR_LOOKBACK), match.start() - 1) is None


_YEAR_BEFORE = re.compile(r"(?:1[89]\d\d|20\d\d)(?:\s?(?:г\.|гг\.))?,?\s*$")
YEAR_LOOKBACK = 12


@cache
def _field_code_pattern() -> re.Pattern[str]:
    data = load("notes")["field_codes"]
    argument = rf'(?:\\[A-Za-z*@#!]+|"[^"\n]*"|_(?:Toc|Ref)\d+|(?:{_alternation(data["bare_arguments"])})\b)'
    return re.compile(rf"\b(?:{_alternation(data['keywords'])})\b(?:[ \t]+{argument})+[ \t]*")


def field_codes(text: str, offset: int = 0) -> list[Span]:
    """Spans of Word field codes ('TOC \\o "1-5" \\h \\z ') in ``text``, trailing blanks included."""
    return [(offset + m.start(), offset + m.end()) for m in _field_code_pattern().finditer(text)]


def without_leading_field_codes(text: str) -> str:
    """``text`` as the editors wrote it: the field codes that lead it cut off, where Word leaves
    them ('1 TOC \\o "1-5" \\h \\z See note ...'). A code inside the text stays (a finding names
    it), so that the text is still what the source prints between its ends."""
    text = text.lstrip()
    while (code := _field_code_pattern().match(text)) is not None:
        text = text[code.end():].lstrip()
    return text

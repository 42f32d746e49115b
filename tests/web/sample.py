"""A small edition built from model values, with real spans into a real source text.

Used by the web tests as the reader's data: six letters in English and Russian, an inferred
month, a Julian day, notes with markers and cross-references, and one letter whose text,
notes and names are script and HTML injection payloads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from letterbook.model import (
    ArchivalRef,
    Calendar,
    Collection,
    CrossRef,
    EditionLetter,
    HistoricalDate,
    Letter,
    Mention,
    Note,
    Party,
    PartyKind,
    RegisterEntry,
    Span,
    TextValue,
)
from letterbook.web.memory import MemoryEdition

PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
COLLECTION = "bolsheviks"
SOURCE_PATH = "samples/letters.txt"


@dataclass
class SourceText:
    """A source written piece by piece, handing back the span of each piece."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> Span:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return (start, self.length)

    def line(self, text: str) -> Span:
        span = self.add(text)
        self.add("\n")
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def person(entry_id: str, name: str, **kwargs: object) -> RegisterEntry:
    return RegisterEntry(entry_id, PartyKind.PERSON, name, **kwargs)  # type: ignore[arg-type]


ENTRIES = [
    person("person/stalin-i-v", "Stalin, I. V.", forms=("Stalin", "Сталин", "Koba"), authority={"wikidata": "Q855"},
           birth="1878-12-18", death="1953-03-05"),
    person("person/dzerzhinsky-f-e", "Dzerzhinsky, F. E."),
    person("person/lenin-v-i", "Lenin, V. I.", forms=("Lenin", "Ленин"), authority={"viaf": "64005485"}),
    person("person/kaganovich-l-m", "Kaganovich, L. M.", forms=("Каганович",)),
    person("person/evil", PAYLOAD + " Evil", authority={"wikidata": "javascript:alert(3)", "bogus": "x"}),
    RegisterEntry("place/moscow", PartyKind.PLACE, "Moscow"),
    RegisterEntry("organisation/politburo", PartyKind.ORGANISATION, "Politburo"),
]


@dataclass(frozen=True)
class Spec:
    number: str
    senders: tuple[tuple[str, str], ...]  # (printed name, entry id)
    recipients: tuple[tuple[str, str], ...]
    date: str
    edtf: str
    earliest: dt.date
    latest: dt.date
    body: list[str]  # text pieces; a piece "^N" is the marker of note N
    notes: tuple[tuple[str, str, tuple[tuple[str, str | None, str], ...]], ...] = ()  # number, text, refs
    calendar: Calendar = Calendar.GREGORIAN
    inferred: bool = False
    language: str = "en"
    kind: str = "letter"
    archive: str = "RTSKHIDNI. F. 558. Op. 2. D. 31. L. 4-5. Autograph."
    mention: tuple[str, str] | None = None  # (word in the body, entry id)
    place: tuple[str, str] | None = None  # (place of writing as printed under the date, entry id)


SPECS = [
    Spec("194", (("I. V. Stalin", "person/stalin-i-v"),), (("F. E. Dzerzhinsky", "person/dzerzhinsky-f-e"),),
         "[December 1912]", "1912-12", dt.date(1912, 12, 1), dt.date(1912, 12, 31),
         ["Dear Felix! The comrades in Baku ask for money again", "^1", ". Write to Lenin soon."],
         (("1", "The Baku committee, see the report of 1912.", ()),), inferred=True,
         mention=("Lenin", "person/lenin-v-i")),
    Spec("120", (("V. I. Lenin", "person/lenin-v-i"),), (("I. V. Stalin", "person/stalin-i-v"),),
         "February 5, 1917", "1917-02-05", dt.date(1917, 2, 18), dt.date(1917, 2, 18),
         ["Koba, the grain question cannot wait. Send the figures."], calendar=Calendar.JULIAN),
    Spec("201", (("F. E. Dzerzhinsky", "person/dzerzhinsky-f-e"),), (("I. V. Stalin", "person/stalin-i-v"),),
         "October 5-6, 1925", "1925-10-05/1925-10-06", dt.date(1925, 10, 5), dt.date(1925, 10, 6),
         ["Comrade Stalin! I am sending you the figures on the metal plan", "^1",
          ". The question must go to the Politburo", "^2", "."],
         (("1", "See note 1 to document No. 194.", (("194", "1", "note 1 to document No. 194"),)),
          ("2", "The question was not put to the Politburo.", ()))),
    Spec("202", (("I. V. Stalin", "person/stalin-i-v"),), (("F. E. Dzerzhinsky", "person/dzerzhinsky-f-e"),),
         "December 22, 1925", "1925-12-22", dt.date(1925, 12, 22), dt.date(1925, 12, 22),
         ["Felix, the metal plan is approved. The grain purchases go on."], place=("Moscow", "place/moscow")),
    Spec("301", (("Л. М. Каганович", "person/kaganovich-l-m"),), (("И. В. Сталину", "person/stalin-i-v"),),
         "12 августа 1931 г.", "1931-08-12", dt.date(1931, 8, 12), dt.date(1931, 8, 12),
         ["Здравствуйте, дорогой товарищ Сталин! Письма о хлебозаготовках получил."], language="ru",
         archive="РГАСПИ. Ф. 558. Оп. 11. Д. 739. Л. 1-3. Подлинник."),
    Spec("666", ((PAYLOAD + " Evil", "person/evil"),), (("I. V. Stalin", "person/stalin-i-v"),),
         "March 3, 1926", "1926-03-03", dt.date(1926, 3, 3), dt.date(1926, 3, 3),
         ["Injected ", PAYLOAD, " body with a mole", "^1", " inside."],
         (("1", "Note " + PAYLOAD + " with <b>bold</b> and a link to document No. 120.",
           (("120", None, "document No. 120"),)),), kind="telegram"),
]


def write_letter(source: SourceText, spec: Spec, position: int) -> EditionLetter:
    start = source.length
    number_span = source.line(f"No. {spec.number}")
    heading_start = source.length
    senders = tuple(Party(name, source.add(name), id=entry) for name, entry in spec.senders)
    source.add(" - ")
    recipients = tuple(Party(name, source.add(name), id=entry) for name, entry in spec.recipients)
    source.add("\n")
    heading = TextValue(source.text[heading_start:source.length - 1], (heading_start, source.length - 1))
    date = HistoricalDate(spec.date, source.line(spec.date), spec.edtf, spec.earliest, spec.latest,
                          calendar=spec.calendar, inferred=spec.inferred)
    place = Party(spec.place[0], source.line(spec.place[0]), id=spec.place[1], kind=PartyKind.PLACE) \
        if spec.place else None
    text_start = source.length
    anchors: dict[str, Span] = {}
    for piece in spec.body:
        if piece.startswith("^"):
            anchors[piece[1:]] = source.add(piece[1:])
        else:
            source.add(piece)
    text_span = (text_start, source.length)
    text = source.text[text_start:source.length]
    source.add("\n")
    archival = ArchivalRef(spec.archive, source.line(spec.archive), "RGASPI", spec.archive.split(".")[0],
                           fond="558", opis="2", delo="31", folios="4-5", form="autograph")
    source.line("Notes:")
    notes = []
    for number, note_text, refs in spec.notes:
        note_start = source.length
        source.add(f"{number} ")
        text_at = source.length
        source.line(note_text)
        crossrefs = tuple(CrossRef(document, note, (text_at + note_text.index(printed),
                                                    text_at + note_text.index(printed) + len(printed)))
                          for document, note, printed in refs)
        notes.append(Note(number, note_text, (note_start, text_at + len(note_text)), number, crossrefs,
                          anchors.get(number)))
    mentions = ()
    if spec.mention:
        word, entry = spec.mention
        at = text_start + text.index(word)
        mentions = (Mention((at, at + len(word)), entry),)
    letter = Letter(span=(start, source.length), text=text, text_span=text_span, number=spec.number,
                    number_span=number_span, kind=spec.kind, heading=heading, senders=senders,
                    recipients=recipients, date=date, place=place, archival=(archival,), notes=tuple(notes),
                    mentions=mentions, language=spec.language)
    return EditionLetter(f"{COLLECTION}/{spec.number}", COLLECTION, position, letter, SOURCE_PATH)


COLLECTION_INFO = Collection(title="Bolshevik leadership. Correspondence 1912–1927", slug=COLLECTION,
                             compilers=("A. V. Kvashonkin", "O. V. Khlevnyuk"), year="1996")


def sample_letters() -> tuple[str, list[EditionLetter]]:
    """The sample source's text and its letters."""
    source = SourceText()
    letters = [write_letter(source, spec, position) for position, spec in enumerate(SPECS)]
    return source.text, letters


def sample_edition() -> MemoryEdition:
    text, letters = sample_letters()
    return MemoryEdition(letters, ENTRIES, {COLLECTION: COLLECTION_INFO}, {SOURCE_PATH: text})

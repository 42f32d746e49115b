"""Letters built with the domain model for the export and import tests.

They cover what the formats must carry: a Julian date, an interval, bounds, an
organisation as recipient, an unknown party, notes with anchors and cross references,
mentions, Cyrillic text, archival references.
"""

from __future__ import annotations

import datetime as dt

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
    TextValue,
)

BASE_URL = "https://edition.example.org"

COLLECTION = Collection(title="Bolshevik leadership. Correspondence 1912–1927", slug="bolshevik",
                        compilers=("A. V. Kvashonkin", "O. V. Khlevniuk"), year="1996", language="en")

# Kamenev's and the Politburo's Wikidata numbers stand for the format only: they are not
# checked identifications (the shipped register, link/data/persons.toml, holds only those).
REGISTERS = {
    "person/stalin-i-v": RegisterEntry("person/stalin-i-v", PartyKind.PERSON, "I. V. Stalin",
                                       authority={"wikidata": "Q855", "gnd": "118642499", "viaf": "101787139"}),
    "person/kamenev-l-b": RegisterEntry("person/kamenev-l-b", PartyKind.PERSON, "L. B. Kamenev",
                                        authority={"wikidata": "Q193364"}),
    "person/kaganovich-l-m": RegisterEntry("person/kaganovich-l-m", PartyKind.PERSON, "Л. М. Каганович",
                                           authority={"gnd": "118720074"}),
    "org/politburo": RegisterEntry("org/politburo", PartyKind.ORGANISATION, "Politburo of the CC RCP(b)",
                                   authority={"wikidata": "Q207952"}),
    "place/tiflis": RegisterEntry("place/tiflis", PartyKind.PLACE, "Tiflis",
                                  authority={"geonames": "611717"}),
}


def _julian_letter() -> EditionLetter:
    text = "Dear Lev Borisovich,\n\nI send you the draft¹ and the Tiflis resolution.\n\nYours, Stalin"
    origin = 100
    marker = text.index("¹")
    tiflis = text.index("Tiflis")
    lev = text.index("Lev Borisovich")
    signature = text.index("Stalin", tiflis)
    letter = Letter(
        span=(0, 400), text=text, text_span=(origin, origin + len(text)), number="12",
        kind="letter", heading=TextValue("No. 12. I. V. Stalin to L. B. Kamenev", (0, 40)),
        senders=(Party("I. V. Stalin", (10, 22), normalized="I. V. Stalin", id="person/stalin-i-v"),),
        recipients=(Party("L. B. Kamenev", (26, 39), normalized="L. B. Kamenev", id="person/kamenev-l-b"),),
        date=HistoricalDate("December 6, 1912", (41, 57), "1912-12-06", dt.date(1912, 12, 19),
                            dt.date(1912, 12, 19), calendar=Calendar.JULIAN,
                            place=TextValue("Krakow", (60, 66))),
        signature=TextValue("Stalin", (origin + signature, origin + signature + 6)),
        archival=(ArchivalRef("RTsKhIDNI. F. 558. Op. 2. D. 192. L. 1-2. Autograph.", (300, 352), "RGASPI",
                              "RTsKhIDNI", "558", "2", "192", "1-2", "autograph", "Autograph"),),
        publications=(TextValue("Izvestiia TsK KPSS. 1989. No. 11. P. 190.", (353, 395)),),
        notes=(Note("1", "The draft of the Central Committee's letter; see document No. 14.", (360, 399),
                    refs=(CrossRef("14", "2", (380, 395)),), anchor=(origin + marker, origin + marker + 1),
                    archival=(ArchivalRef("RGASPI. F. 17. Op. 3. D. 12. L. 5.", (385, 399), "RGASPI", "RGASPI", "17",
                                          "3", "12", "5"),)),),
        mentions=(Mention((origin + lev, origin + lev + 14), "person/kamenev-l-b"),
                  Mention((origin + tiflis, origin + tiflis + 6), "place/tiflis", PartyKind.PLACE)),
        place=Party("Krakow", (60, 66), kind=PartyKind.PLACE, refs=("http://sws.geonames.org/3094802/",)),
    )
    return EditionLetter("bolshevik/12", "bolshevik", 1, letter, "vol1.txt")


def _interval_letter() -> EditionLetter:
    text = "To the Politburo.\n\nThe telegram of 5 October was received."
    letter = Letter(
        span=(400, 600), text=text, text_span=(450, 450 + len(text)), number="13", kind="telegram",
        senders=(Party("Ordzhonikidze", (410, 423), normalized="G. K. Ordzhonikidze"),),
        recipients=(Party("Politburo of the CC RCP(b)", (427, 440), id="org/politburo",
                          kind=PartyKind.ORGANISATION),),
        date=HistoricalDate("October 5-6, 1925", (441, 449), "1925-10-05/1925-10-06",
                            dt.date(1925, 10, 5), dt.date(1925, 10, 6)),
        archival=(ArchivalRef("RGASPI. F. 85. Op. 24. D. 150. L. 3.", (560, 590), "RGASPI", "RGASPI",
                              "85", "24", "150", "3", "typescript", "Typewritten text."),),
    )
    return EditionLetter("bolshevik/13", "bolshevik", 2, letter)


def _bounded_cyrillic_letter() -> EditionLetter:
    text = "Лазарь Моисеевич!\n\nПолучил Ваше письмо¹. Привет.\n\nКоба"
    marker = text.index("¹")
    letter = Letter(
        span=(600, 800), text=text, text_span=(650, 650 + len(text)), number="14", kind="letter",
        language="ru",
        senders=(Party("Коба", (610, 614), normalized="I. V. Stalin", id="person/stalin-i-v", implied=True),),
        recipients=(Party("Кагановичу", (620, 630), normalized="Л. М. Каганович", id="person/kaganovich-l-m"),),
        date=HistoricalDate("[не ранее 13 июня 1932 г.?]", (631, 649), "1932-06-13?", dt.date(1932, 6, 13), None,
                            inferred=True, uncertain=True, qualifier="not before"),
        notes=(Note("1", "Письмо не найдено. См. примеч. 2 к док. № 12.", (760, 799),
                    refs=(CrossRef("12", None, (780, 795)),), anchor=(650 + marker, 650 + marker + 1)),
               Note("2", "Помета: «Архив».", (800, 820))),
    )
    return EditionLetter("bolshevik/14", "bolshevik", 3, letter)


def _unknown_party_letter() -> EditionLetter:
    text = "Comrades, the money has arrived."
    letter = Letter(
        span=(900, 1000), text=text, text_span=(950, 950 + len(text)), number=None, kind="note",
        senders=(Party("unknown", (910, 917), kind=PartyKind.UNKNOWN),),
        date=HistoricalDate("Between 1920 and 1921", (920, 940), "1920~/1921~", dt.date(1920, 1, 1),
                            dt.date(1921, 12, 31), qualifier="between", approximate=True),
    )
    return EditionLetter("bolshevik/p4", "bolshevik", 4, letter)


def sample_letters() -> list[EditionLetter]:
    return [_julian_letter(), _interval_letter(), _bounded_cyrillic_letter(), _unknown_party_letter()]

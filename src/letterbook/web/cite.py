"""How to cite one letter of the edition: a readable string, CSL-JSON and BibTeX.

Pure functions of the letter, its collection's title and the letter's URL, so the page,
the API and any export give the same citation.
"""

from __future__ import annotations

import re
from typing import Any

from letterbook.model import ArchivalRef, EditionLetter, Party
from letterbook.web.dates import readable_date

BIBTEX_SPECIAL = re.compile(r"([\\{}%$#_&~^])")


def names(parties: tuple[Party, ...]) -> str:
    return ", ".join(p.normalized or p.name for p in parties) or "Unknown"


def cipher(ref: ArchivalRef) -> str:
    """"RGASPI, f. 558, op. 2, d. 31, l. 4-5": the archive and its levels, as archivists write them."""
    levels = [("f.", ref.fond), ("op.", ref.opis), ("d.", ref.delo), ("l.", ref.folios)]
    return ", ".join([ref.archive or ref.archive_as_printed, *(f"{label} {value}" for label, value in levels if value)])


def title(item: EditionLetter) -> str:
    letter = item.letter
    return f"{names(letter.senders)} to {names(letter.recipients)}, {readable_date(letter.date)}"


def readable(item: EditionLetter, collection_title: str | None, url: str) -> str:
    """"F. E. Dzerzhinsky to I. V. Stalin, 5–6 October 1925. In: <collection>, No. 201. RGASPI, f. 558, ... URL"."""
    letter = item.letter
    parts = [title(item) + "."]
    where = collection_title or item.collection
    parts.append(f"In: {where}, No. {letter.number}." if letter.number else f"In: {where}.")
    parts += [cipher(ref) + "." for ref in letter.archival]
    parts.append(url)
    return " ".join(parts)


def csl_json(item: EditionLetter, collection_title: str | None, url: str) -> dict[str, Any]:
    """A CSL-JSON item (type "personal_communication"), as Zotero and citeproc read it."""
    letter = item.letter
    data: dict[str, Any] = {
        "id": item.id,
        "type": "personal_communication",
        "title": title(item),
        "author": [{"literal": p.normalized or p.name} for p in letter.senders],
        "recipient": [{"literal": p.normalized or p.name} for p in letter.recipients],
        "container-title": collection_title or item.collection,
        "URL": url,
        "language": letter.language,
    }
    if letter.number:
        data["number"] = letter.number
    if letter.date and letter.date.earliest:
        day = letter.date.earliest
        data["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
        if letter.date.edtf:
            data["issued"]["raw"] = letter.date.edtf
    if letter.archival:
        data["archive"] = letter.archival[0].archive
        data["archive_location"] = cipher(letter.archival[0])
    return data


def bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex_key(item: EditionLetter) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", item.id).strip("-") or "letter"


def bibtex(item: EditionLetter, collection_title: str | None, url: str) -> str:
    """A ``@misc`` entry; every value escaped, so a brace in a name cannot break the entry."""
    letter = item.letter
    fields = [
        ("author", " and ".join("{" + bibtex_escape(p.normalized or p.name) + "}" for p in letter.senders)),
        ("title", bibtex_escape(title(item))),
        ("howpublished", bibtex_escape(collection_title or item.collection)),
        ("number", bibtex_escape(letter.number or "")),
        ("year", str(letter.date.earliest.year) if letter.date and letter.date.earliest else ""),
        ("note", bibtex_escape("; ".join(cipher(ref) for ref in letter.archival))),
        ("url", bibtex_escape(url)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{bibtex_key(item)},\n{body}\n}}"

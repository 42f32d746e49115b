"""Bytes → text: find the encoding of a file and decode it, or say clearly why not.

Evidence, strongest first:

1. the encoding the user forces (``--encoding``);
2. a byte-order mark (UTF-8, UTF-16, UTF-32); a UTF-8 BOM is not part of the text;
3. bytes that are valid UTF-8 beyond ASCII: other code pages practically never are, and a
   page re-saved as UTF-8 often keeps its old ``charset=windows-1251`` declaration;
4. an encoding the file declares (HTML ``<meta charset>``, an XML declaration), unless it is
   cp1251 or KOI8-R and the other of the two reads far better;
5. a guess: charset-normalizer's, except that a score of Russian letter frequencies decides
   among the single-byte Cyrillic code pages, which charset-normalizer confuses on the short
   texts of one letter (cp1251 read as KOI8-R and the other way round).
"""

from __future__ import annotations

import codecs
import itertools
import math
import re
from dataclasses import dataclass
from functools import cache

from letterbook import data
from letterbook.errors import SourceError

# The Cyrillic code pages a Russian text of this kind comes in; the score picks among them.
CYRILLIC_CODE_PAGES = ("cp1251", "koi8-r")

# How much of a long text the guess looks at: enough for the statistics, quick on 50 MB.
SAMPLE_CHARS = 200_000

# Measured on the lines of the Russian corpus: read with the right code page a text scores
# -1.3 to -1.65 (the mean log10 frequency of Russian letters is -1.3), with the wrong one -1.6
# to -2.7. The best reading must reach the floor to be taken as Russian at all.
RUSSIAN_FLOOR = -1.8

# Each Cyrillic word with a lowercase letter before an uppercase one ("пИСЬМО": what cp1251
# read as KOI8-R looks like) costs this much, as a share of all Cyrillic words.
CASE_FLIP_WEIGHT = 1.0

# A reading is Cyrillic when at most this share of its Cyrillic words also hold Latin letters:
# Latin-1 French read as cp1251 gives "cafй", half Latin, half Cyrillic.
MIXED_WORD_SHARE = 0.2

# How much better (in ``russian_score``) the other Cyrillic code page must read before a page's
# own declaration of cp1251 or KOI8-R is overruled: the wrong one reads about 0.5 worse.
DECLARATION_DOUBT = 0.3

# charset-normalizer's "chaos" (share of odd characters) within which two readings tie.
CHAOS_TIE = 0.001

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the codec that gives it from the raw bytes, and what a reviewer should know."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def canonical_name(name: str) -> str | None:
    """Python's own name for an encoding ("windows-1251" → "cp1251"), or None when unknown."""
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def bom_encoding(raw: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``raw`` names, if there is one."""
    return next((name for bom, name in _BOMS if raw.startswith(bom)), None)


def decode(path: str, raw: bytes, *, forced: str | None = None, declared: str | None = None) -> Decoded:
    """Decode ``raw`` by the evidence in the module docstring; ``SourceError`` when it cannot be."""
    if forced is not None:
        return _decode_forced(path, raw, forced)
    bom = bom_encoding(raw)
    if bom is not None:
        return Decoded(_strict(path, raw, bom), bom)
    if _is_utf8(raw) and not raw.isascii():
        return Decoded(raw.decode("utf-8"), "utf-8", _declaration_overruled(declared))
    if declared is not None:
        return _decode_declared(path, raw, declared)
    if raw.isascii():
        return Decoded(raw.decode("ascii"), "utf-8")
    guessed = guess_encoding(path, raw)
    return Decoded(raw.decode(guessed), guessed)


def guess_encoding(path: str, raw: bytes) -> str:
    """The likeliest encoding of bytes that are not UTF-8: see the module docstring, step 5."""
    guessed = _charset_normalizer_guess(raw)
    candidates = dict.fromkeys(name for name in (*CYRILLIC_CODE_PAGES, guessed) if name)
    readings = {name: raw.decode(name) for name in candidates if _decodes(raw, name)}
    scores = {name: russian_score(text) for name, text in readings.items() if looks_cyrillic(text)}
    if scores:
        likeliest = max(scores, key=lambda name: scores[name])
        if scores[likeliest] >= RUSSIAN_FLOOR:
            return likeliest
    if guessed is not None and guessed in readings:
        return guessed
    raise SourceError(path, "has an encoding that cannot be told (not UTF-8, cp1251 or KOI8-R); "
                            "give it with --encoding")


def _charset_normalizer_guess(raw: bytes) -> str | None:
    """charset-normalizer's likeliest encoding; among readings it finds equally good (short
    texts often tie: cp1250, cp1252 and cp1257 read "München" alike), the Western Windows
    code page cp1252, in which the English pages of the editions were saved."""
    import charset_normalizer  # here: 0.04 s to import, and UTF-8 files never need it

    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least_chaos + CHAOS_TIE]
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return canonical_name(tied[0].encoding)


def looks_cyrillic(text: str) -> bool:
    """Whether ``text`` has Cyrillic words that are not Cyrillic letters inside Latin words."""
    words = [word for word in _WORD.findall(text[:SAMPLE_CHARS]) if _CYRILLIC.search(word)]
    mixed = sum(1 for word in words if _LATIN.search(word))
    return bool(words) and mixed <= MIXED_WORD_SHARE * len(words)


def russian_score(text: str) -> float:
    """How Russian ``text`` reads: mean log10 letter frequency, less the share of case-flipped words.

    Higher is likelier. Only the first ``SAMPLE_CHARS`` characters are looked at.
    """
    sample = text[:SAMPLE_CHARS]
    frequencies, unlisted = _letter_frequencies()
    letters = [char.lower() for char in sample if _CYRILLIC.match(char) and char.isalpha()]
    if not letters:
        return -math.inf
    mean_log = sum(math.log10(frequencies.get(letter, unlisted)) for letter in letters) / len(letters)
    words = [word for word in _WORD.findall(sample) if _CYRILLIC.search(word)]
    flipped = sum(1 for word in words if _has_case_flip(word))
    return mean_log - CASE_FLIP_WEIGHT * flipped / len(words)


def _has_case_flip(word: str) -> bool:
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


@cache
def _letter_frequencies() -> tuple[dict[str, float], float]:
    """Russian letter frequencies as fractions, and the fraction for an unlisted Cyrillic letter."""
    table = data.load("letter_frequencies")
    return {letter: share / 100 for letter, share in table["russian"].items()}, table["unlisted"] / 100


def _decode_declared(path: str, raw: bytes, declared: str) -> Decoded:
    name = canonical_name(declared)
    if name is not None and name.startswith(("utf-16", "utf-32")):
        name = "utf-8"  # as browsers do: a page that can declare itself in ASCII is not UTF-16
    if name is not None and _decodes(raw, name):
        other = _better_cyrillic_code_page(raw, name)
        if other is None:
            return Decoded(raw.decode(name), name)
        return Decoded(raw.decode(other), other, (f"declares the encoding {declared!r} but reads as {other}",))
    note = f"declares the encoding {declared!r}, which {'does not fit its bytes' if name else 'is unknown'}"
    guessed = guess_encoding(path, raw)
    return Decoded(raw.decode(guessed), guessed, (f"{note}; read as {guessed}",))


def _better_cyrillic_code_page(raw: bytes, declared: str) -> str | None:
    """The other Cyrillic code page, when a page declaring one reads far better in it (old
    Russian web servers recoded pages to KOI8-R and left the windows-1251 declaration)."""
    if declared not in CYRILLIC_CODE_PAGES or raw.isascii():
        return None
    as_declared = russian_score(raw.decode(declared))
    for other in CYRILLIC_CODE_PAGES:
        if other != declared and _decodes(raw, other):
            text = raw.decode(other)
            if looks_cyrillic(text) and russian_score(text) > as_declared + DECLARATION_DOUBT:
                return other
    return None


def _decode_forced(path: str, raw: bytes, forced: str) -> Decoded:
    name = canonical_name(forced)
    if name is None:
        raise SourceError(path, f"cannot be decoded: unknown encoding {forced!r}")
    if name == "utf-8" and raw.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return Decoded(_strict(path, raw, name), name)


def _strict(path: str, raw: bytes, name: str) -> str:
    try:
        return raw.decode(name)
    except UnicodeDecodeError as exc:
        byte = raw[exc.start] if exc.start < len(raw) else 0
        raise SourceError(
            path, f"cannot be decoded as {name}: {exc.reason} (byte 0x{byte:02x} at byte {exc.start})"
        ) from exc
    except LookupError as exc:  # a codec that is no text encoding, such as "base64"
        raise SourceError(path, f"cannot be decoded: {exc}") from exc


def _decodes(raw: bytes, name: str) -> bool:
    try:
        raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _is_utf8(raw: bytes) -> bool:
    return _decodes(raw, "utf-8")


def _declaration_overruled(declared: str | None) -> tuple[str, ...]:
    if declared is None or canonical_name(declared) in ("utf-8", None):
        return ()
    return (f"declares the encoding {declared!r} but its bytes are UTF-8; read as UTF-8",)

"""Mojibake: UTF-8 text that was once decoded with a single-byte code page and saved again.

"Сталин" in UTF-8, read as cp1251, is "РЎС‚Р°Р»РёРЅ"; read as Latin-1 or cp1252 it is
"Ð¡Ñ‚Ð°Ð»Ð¸Ð½". Pages of the web editions come like this when an editor re-saved them. The
repair is ftfy's (https://ftfy.readthedocs.io): it finds such sequences line by line, undoes the
wrong decoding and leaves text that is not mojibake alone, real Russian included. Every other
fix of ftfy is switched off, because the text must keep every other character as the file has
it: no-break spaces, curly quotes, line ends, control characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-*" codecs named in CHARMAP_ENCODINGS
from ftfy.chardata import CHARMAP_ENCODINGS

# Only the encoding repair; everything that would "tidy" the text is off.
_ONLY_ENCODING = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


@dataclass(frozen=True, slots=True)
class Repair:
    """What a repair changed: how many lines, and the first of them before and after."""

    lines: int
    example_before: str
    example_after: str

    def describe(self) -> str:
        noun = "line" if self.lines == 1 else "lines"
        return (f"repaired mojibake (UTF-8 once read as a single-byte code page) on {self.lines} {noun}, "
                f"e.g. {self.example_before!r} → {self.example_after!r}")


def repair_mojibake(text: str) -> tuple[str, Repair | None]:
    """``text`` with its mojibake undone, and what was changed (None when nothing was)."""
    # ftfy is slow on long texts (about 80 µs a line): only the lines that could hold mojibake
    # are given to it.
    pairs = _mojibake_pairs()
    lines = text.splitlines(keepends=True)
    fixed = "".join(ftfy.fix_text(line, _ONLY_ENCODING) if pairs.search(line) else line for line in lines)
    if fixed == text:
        return text, None
    return fixed, _describe(text, fixed)


@cache
def _mojibake_pairs() -> re.Pattern[str]:
    """Two characters that a UTF-8 lead byte and a continuation byte become when read with one
    of the code pages ftfy undoes ("Р°", "Ð°"): every piece of mojibake holds such a pair."""
    alternatives = []
    for encoding in CHARMAP_ENCODINGS:
        leads = bytes(range(0xC2, 0xF5)).decode(encoding)
        continuations = bytes(range(0x80, 0xC0)).decode(encoding)
        alternatives.append(f"[{re.escape(leads)}][{re.escape(continuations)}]")
    return re.compile("|".join(alternatives))


def _describe(before: str, after: str) -> Repair:
    pairs = [(old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=False) if old != new]
    if not pairs:  # the repair changed the line structure itself; show the start of the text
        return Repair(1, before[:40], after[:40])
    old, new = pairs[0]
    return Repair(len(pairs), _excerpt(old, new)[0], _excerpt(old, new)[1])


def _excerpt(old: str, new: str, width: int = 40) -> tuple[str, str]:
    """The two lines from the first character where they differ, ``width`` characters each."""
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), 0)
    start = max(0, start - 10)
    return old[start:start + width], new[start:start + width]

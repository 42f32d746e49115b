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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ftfy

# The code pages whose mojibake ftfy undoes (its ``chardata.CHARMAP_ENCODINGS``; a test keeps
# the two lists equal). They are named here so that ftfy, slow to import (0.14 s), is imported
# only when a text holds what could be mojibake.
MOJIBAKE_CODE_PAGES = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257",
                       "iso-8859-2", "macroman", "cp437")


@cache
def _only_encoding() -> ftfy.TextFixerConfig:
    """ftfy's settings for the encoding repair alone; everything that would "tidy" is off."""
    import ftfy

    return ftfy.TextFixerConfig(
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
    # ftfy takes about 60 µs a line: only lines that hold what mojibake is made of go to it.
    if _mojibake_suspects().search(text) is None:  # most pages: one quick pass, no line by line
        return text, None
    pairs = _mojibake_pairs()
    lines = text.splitlines(keepends=True)
    fixed = "".join(_fix_line(line) if pairs.search(line) else line for line in lines)
    if fixed == text:
        return text, None
    return fixed, _describe(text, fixed)


@cache
def _mojibake_suspects() -> re.Pattern[str]:
    """Any lead character followed by any continuation character: every text that holds a
    pair of ``_mojibake_pairs`` matches this one simple class pair, three times faster."""
    lead = "".join(_pooled(first, last)[1:-1] for first, last in _LEAD_BYTES)
    return re.compile(f"[{lead}]{_pooled(*_FOLLOW_BYTES)}")


@cache
def _mojibake_pairs() -> re.Pattern[str]:
    """What a UTF-8 sequence (a lead byte and one, two or three continuation bytes) becomes when
    read with one of the code pages ftfy undoes ("Р°", "вЂ”", "Ã©"): all mojibake holds one.

    The code pages' characters are pooled into one class per byte kind: three alternatives
    run fast (a class per alternative per character), and a line that matches only by mixing
    code pages costs no more than a look by ftfy, which then leaves it alone.
    """
    follow = _pooled(*_FOLLOW_BYTES)
    two, three, four = (_pooled(first, last) for first, last in _LEAD_BYTES)
    return re.compile(f"{two}{follow}|{three}{follow}{{2}}|{four}{follow}{{3}}")


_LEAD_BYTES = ((0xC2, 0xDF), (0xE0, 0xEF), (0xF0, 0xF4))  # lead bytes of 2-, 3- and 4-byte UTF-8 sequences
_FOLLOW_BYTES = (0x80, 0xBF)  # continuation bytes


def _pooled(first: int, last: int) -> str:
    """A character class of what bytes ``first``..``last`` become in any of the code pages."""
    chars = {char for encoding in MOJIBAKE_CODE_PAGES
             for char in sloppy_decode(bytes(range(first, last + 1)), encoding)}
    return "[" + re.escape("".join(sorted(chars))) + "]"


def sloppy_decode(raw: bytes, encoding: str) -> str:
    """Decode byte by byte, a byte the code page leaves undefined as the same code point, as
    Windows and ftfy's "sloppy" codecs do."""
    return "".join(bytes([byte]).decode(encoding, errors="ignore") or chr(byte) for byte in raw)


def _fix_line(line: str) -> str:
    """The line repaired by ftfy; first its own quick test, which its repair would begin with
    too, since Russian lines often hold pairs ("всё", "а»") and the repair itself is slow."""
    import ftfy
    from ftfy.badness import is_bad

    return ftfy.fix_text(line, _only_encoding()) if is_bad(line) else line


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

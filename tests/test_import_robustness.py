"""The XML readers never fail on any input except with a clear SourceError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from letterbook.errors import SourceError
from letterbook.read.cmif import read_cmif_bytes
from letterbook.read.tei import read_tei_bytes

GOLDEN = Path(__file__).parent / "data" / "golden"
TEI_FILE = (GOLDEN / "tei_bolshevik_12.xml").read_bytes()
CMIF_FILE = (GOLDEN / "cmif_bolshevik.xml").read_bytes()


def read_or_refuse(data: bytes) -> None:
    for reader in (read_tei_bytes, read_cmif_bytes):
        try:
            reader(data)
        except SourceError as exc:
            assert str(exc).strip() and "\n" not in str(exc).strip()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_with_a_source_error(data: bytes) -> None:
    read_or_refuse(data)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([TEI_FILE, CMIF_FILE]), st.integers(0, 6000), st.integers(0, 400), st.binary(max_size=20))
@example(TEI_FILE, 1, 0, b"\x00")  # libxml2's message for it held a line break
def test_damaged_exports_are_read_or_refused_with_a_source_error(original: bytes, start: int, length: int,
                                                                 insert: bytes) -> None:
    start = min(start, len(original))
    read_or_refuse(original[:start] + insert + original[start + length:])


def test_attribute_only_damage_still_reads_the_letter() -> None:
    damaged = TEI_FILE.replace(b'when="1912-12-19"', b'when="19th of Dec"')
    result = read_tei_bytes(damaged)
    assert result.letters[0].date is not None
    assert any("not a date" in f.message for f in result.findings)

"""Hostile or wrong XML is refused with a clear message; nothing is read through XML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from letterbook.errors import SourceError
from letterbook.model import ParseResult
from letterbook.read.cmif import read_cmif
from letterbook.read.tei import read_tei, read_tei_bytes

Reader = Callable[[Path], ParseResult]

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>&lol4;</p></body></text></TEI>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>&xxe;</p></body></text></TEI>"""

UNDECLARED_ENTITY = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>"""
WRONG_NAMESPACE = b"""<TEI xmlns="http://example.org/not-tei"><teiHeader/></TEI>"""
NO_NAMESPACE = b"""<TEI><teiHeader/></TEI>"""


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "input.xml"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_entity_expansion_bomb_is_refused(tmp_path: Path, reader: Reader) -> None:
    with pytest.raises(SourceError, match="DOCTYPE"):
        reader(write(tmp_path, BILLION_LAUGHS))


@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_external_entity_is_refused_and_the_file_is_not_read(tmp_path: Path, reader: Reader) -> None:
    with pytest.raises(SourceError, match="DOCTYPE") as caught:
        reader(write(tmp_path, EXTERNAL_ENTITY))
    assert "root:" not in str(caught.value)


def test_entity_reference_without_declaration_is_not_well_formed(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not well-formed"):
        read_tei(write(tmp_path, UNDECLARED_ENTITY))


@pytest.mark.parametrize("data", [WRONG_NAMESPACE, NO_NAMESPACE])
@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_wrong_namespace_names_the_expected_one(tmp_path: Path, data: bytes, reader: Reader) -> None:
    with pytest.raises(SourceError, match=r"expected <TEI> in namespace http://www.tei-c.org/ns/1.0"):
        reader(write(tmp_path, data))


@pytest.mark.parametrize("data", [b"Dear comrade, this is plain text.", b"%PDF-1.4 \x00\x01", b"  \n"])
@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_non_xml_is_refused_clearly(tmp_path: Path, data: bytes, reader: Reader) -> None:
    with pytest.raises(SourceError, match=r"is not XML|is empty|cannot be decoded"):
        reader(write(tmp_path, data))


@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_truncated_xml_is_not_well_formed(tmp_path: Path, reader: Reader) -> None:
    with pytest.raises(SourceError, match="not well-formed"):
        reader(write(tmp_path, b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'))


@pytest.mark.parametrize("reader", [read_tei, read_cmif])
def test_doctype_after_a_long_prolog_is_still_refused(tmp_path: Path, reader: Reader) -> None:
    padded = b"<?xml version='1.0'?><!--" + b"x" * 70_000 + b"-->" + BILLION_LAUGHS.split(b"?>", 1)[1]
    with pytest.raises(SourceError, match="DOCTYPE"):
        reader(write(tmp_path, padded))


def test_utf16_tei_letter_is_read() -> None:
    golden = Path(__file__).parent / "data" / "golden" / "tei_bolshevik_14.xml"
    text = golden.read_text(encoding="utf-8").replace("encoding='UTF-8'", "encoding='UTF-16'")
    result = read_tei_bytes(text.encode("utf-16"), "utf16.xml")
    assert result.letters[0].recipients[0].name == "Кагановичу"

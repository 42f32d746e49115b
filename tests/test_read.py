"""Reading files into a ``Source``: encodings, HTML pages, mojibake, bad input, folders, the CLI.

The input files are in tests/data/read/ (made by make_files.py there, which says how).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, corpus_pages
from letterbook.errors import SourceError
from letterbook.model import Severity
from letterbook.read import iter_source_paths, read_source, read_source_with_findings
from letterbook.read.html import declared_encoding, html_to_text
from letterbook.read.mojibake import MOJIBAKE_CODE_PAGES, sloppy_decode

DATA = Path(__file__).resolve().parent / "data" / "read"
LETTER = (DATA / "letter_utf8.txt").read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def error_of(path: Path, encoding: str | None = None, **options: int) -> str:
    with pytest.raises(SourceError) as caught:
        read_source(path, encoding, **options)
    assert caught.value.path == str(path)
    return caught.value.reason


# --- plain text and its encodings ---------------------------------------------------------

def test_utf8_text_is_the_file_decoded_with_the_checksum_of_its_bytes() -> None:
    source = read_source(DATA / "letter_utf8.txt")
    raw = (DATA / "letter_utf8.txt").read_bytes()
    assert source.text == raw.decode("utf-8")
    assert source.sha256 == hashlib.sha256(raw).hexdigest()
    assert (source.encoding, source.media_type) == ("utf-8", "text/plain")


def test_a_utf8_byte_order_mark_is_not_part_of_the_text() -> None:
    source = read_source(DATA / "letter_utf8_bom.txt")
    assert source.text == LETTER
    assert not source.text.startswith("\ufeff")
    assert source.encoding == "utf-8-sig"


@pytest.mark.parametrize(("name", "encoding"), [("letter_cp1251.txt", "cp1251"), ("letter_koi8r.txt", "koi8-r")])
def test_russian_code_pages_are_detected(name: str, encoding: str) -> None:
    source = read_source(DATA / name)
    assert source.text == LETTER
    assert source.encoding == encoding


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("phrase", [
    "Дорогой Владимир Ильич!",
    "Крепко жму руку. Ваш Сталин.",
    "Серго!",
    "Ваш Коба",
    "Письмо В.И. Ленину",
    "РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4.",
    "МОСКВА, КРЕМЛЬ, ЦИК СТАЛИНУ.",
])
def test_short_russian_texts_are_not_taken_for_the_other_code_page(tmp_path: Path, phrase: str, encoding: str) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(phrase.encode(encoding))
    source = read_source(path)
    assert (source.text, source.encoding) == (phrase, encoding)


def test_western_text_is_not_taken_for_cyrillic() -> None:
    source = read_source(DATA / "letter_latin.txt")
    assert "München" in source.text and "chère amie — à Zürich" in source.text
    assert source.encoding == "cp1252"


def test_utf16_with_a_byte_order_mark_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le"))
    assert read_source(path).text == LETTER


def test_text_keeps_every_character_of_the_file() -> None:
    raw = (DATA / "letter_odd.txt").read_bytes()
    source, findings = read_source_with_findings(DATA / "letter_odd.txt")
    assert source.text == raw.decode("utf-8")
    assert "Письмо\xa0В.И.\xa0Ленину\n\n\n\n31 августа 1918 года   \n" in source.text
    assert "Ильич!<br>\r\n\xa0\n" in source.text
    assert findings == []


def test_a_forced_encoding_is_used_instead_of_detection() -> None:
    source = read_source(DATA / "letter_cp1251.txt", "windows-1251")
    assert (source.text, source.encoding) == (LETTER, "cp1251")
    assert read_source(DATA / "letter_koi8r.txt", "KOI8-R").text == LETTER


def test_a_forced_utf8_still_drops_the_byte_order_mark() -> None:
    assert read_source(DATA / "letter_utf8_bom.txt", "utf-8").text == LETTER


def test_an_unknown_encoding_name_is_a_clear_error() -> None:
    assert error_of(DATA / "letter_utf8.txt", "klingon") == "cannot be decoded: unknown encoding 'klingon'"


def test_bytes_the_forced_encoding_cannot_decode_are_named_with_their_offset() -> None:
    raw = (DATA / "letter_cp1251.txt").read_bytes()
    first_non_ascii = next(i for i, byte in enumerate(raw) if byte >= 0x80)
    reason = error_of(DATA / "letter_cp1251.txt", "utf-8")
    assert reason.startswith("cannot be decoded as utf-8: invalid")
    assert reason.endswith(f"(byte 0x{raw[first_non_ascii]:02x} at byte {first_non_ascii})")


# --- HTML pages -------------------------------------------------------------------------------

def test_an_english_page_reads_as_title_link_bar_and_paragraphs() -> None:
    source = read_source(DATA / "page_en.htm")
    assert (source.media_type, source.encoding) == ("text/html", "cp1252")
    assert paragraphs(source.text) == [
        "to Ordzhonikidze from Nazaretyan",
        "Marx-Engels |\xa0 Lenin\xa0 | Stalin |\xa0 Home Page",
        "\xa0Bolshevik leadership Correspondence. 1912-1927\nCollection of documents 1996.",
        "Compiled by: A.V.Kvashonkin, L.P.Kosheleva, L.A.Rogovaya, O.V.Khlevnyuk.",
        "\xa0",
        "No. 158",
        "A. M. Nazaretyan — G. K. Ordzhonikidze",
        "June 20, 1922",
        "Dear Sergo!",
        "This week was quieter than the last, and I can at last write to you at length. The work in the "
        "Secretariat goes on as before1; Koba sends his regards.",
        "Yours, Amayak",
        "RTSKHIDNI. F. 85. Op. 24. D. 150. L. 3-4. Autograph.",
        "Notes:",
        "1 See note 2 to document No. 157.",
        "Marx-Engels |\xa0 Lenin\xa0 | Stalin |\xa0 Home Page",
    ]


def test_a_page_reads_like_the_text_pages_of_the_corpus_made_from_such_pages() -> None:
    # The corpus' text pages are extracts of the same site with no-break spaces saved as spaces:
    # the head of the page must come out as the same paragraphs.
    corpus = paragraphs((CORPUS / "en" / "011.txt").read_text(encoding="utf-8"))
    ours = paragraphs(read_source(DATA / "page_en.htm").text.replace("\xa0", " "))
    assert ours[1:4] == corpus[1:4]


def test_a_windows_1251_page_is_decoded_by_its_meta_declaration() -> None:
    source = read_source(DATA / "page_ru.htm")
    assert source.encoding == "cp1251"
    assert paragraphs(source.text) == [
        "Сталин — Кагановичу 2 июля 1932 г.",
        "Библиотека Михаила Грачева",
        "\xa0",
        "Предыдущая\nпубликация\nАлфавитный указатель\nсочинений И.В. Сталина",
        "\xa0",
        "Оглавление тома 17\nсочинений И.В. Сталина\nСледующая\nпубликация",
        "Сталин — Кагановичу",
        "2 июля 1932 г.",
        "Здравствуйте, Лазарь!",
        "Письмо получил. С решением о хлебозаготовках согласен\xa0— нужно только ускорить отгрузку.",
        "Привет! И.\xa0Сталин",
        "РГАСПИ. Ф. 81. Оп. 3. Д. 99. Л. 1. Автограф.",
    ]


def test_a_russian_page_reads_like_the_russian_text_pages_of_the_corpus() -> None:
    # The Russian text pages start at the library's name (no title) and keep link tables as lines.
    corpus = paragraphs((CORPUS / "ru" / "002.txt").read_text(encoding="utf-8"))
    ours = paragraphs(read_source(DATA / "page_ru.htm").text.replace("\xa0", " "))
    assert ours[1:6] == corpus[0:5]


def test_scripts_styles_comments_and_navigation_are_dropped_and_entities_decoded() -> None:
    text = read_source(DATA / "page_utf8.html").text
    assert paragraphs(text) == [
        "Letters & telegrams",
        "Telegram from K.\xa0E.\xa0Voroshilov",
        "ARZAMAS, MILITARY REVIEW COUNCIL OF THE REPUBLIC.\nMOSCOW, KREMLIN, CEC TO STALIN.",
        "A literal tag as printed: <br> and “quotes” — kept.",
        "F.  5.\nOp. 5.",
        "first item",
        "second item",
    ]


def test_an_html_page_saved_as_txt_is_recognised_by_its_first_bytes() -> None:
    source = read_source(DATA / "page_saved_as.txt")
    assert source.media_type == "text/html"
    assert source.text == read_source(DATA / "page_utf8.html").text


def test_a_text_file_with_html_tags_is_read_as_html_keeping_its_lines(tmp_path: Path) -> None:
    page = tmp_path / "041.txt"
    page.write_text("Compiled by: A. V. Kvashonkin.\n&nbsp;\n<b>No. 96</b>\n<p>M. V. Frunze to I. V. Stalin</p>\n"
                    "<p>Dear Comrade Stalin!</p>\n<p>The gangs have gone<sup>1</sup>.</p>\n", encoding="utf-8")
    source, findings = read_source_with_findings(page)
    assert source.media_type == "text/html" and "<p>" not in source.text and "&nbsp;" not in source.text
    assert "Kvashonkin.\n" in source.text and "\nNo. 96\n" in source.text  # the author's lines stay lines
    assert [f.message for f in findings] == ["read as HTML: the text holds HTML markup"]


def test_a_text_quoting_a_tag_or_two_stays_text(tmp_path: Path) -> None:
    page = tmp_path / "quote.txt"
    page.write_text("No. 5\n\nThe page printed <b> and </b> around the name.\n", encoding="utf-8")
    source = read_source(page)
    assert source.media_type == "text/plain" and "<b>" in source.text


@pytest.mark.parametrize(("head", "declared"), [
    (b'<meta charset="windows-1251">', "windows-1251"),
    (b"<META CHARSET=koi8-r>", "koi8-r"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=Windows-1251">', "Windows-1251"),
    (b'<?xml version="1.0" encoding="KOI8-R"?>', "KOI8-R"),
    (b'<meta name="keywords" content="letters, encoding=none">', None),
    (b"<title>charset=cp1251</title>", None),
])
def test_the_declared_encoding_is_read_from_meta_or_xml_declaration(head: bytes, declared: str | None) -> None:
    assert declared_encoding(b"<html><head>" + head + b"</head><body></body></html>") == declared


def test_a_utf8_page_that_still_declares_windows_1251_is_read_as_utf8_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "resaved.htm"
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
    path.write_bytes((page + "<body><p>Дорогой Серго!</p></body></html>").encode("utf-8"))
    source, findings = read_source_with_findings(path)
    assert (source.text, source.encoding) == ("Дорогой Серго!\n", "utf-8")
    assert [(f.severity, f.field) for f in findings] == [(Severity.INFO, "source")]
    assert "windows-1251" in findings[0].message


def test_a_page_with_a_wrong_declaration_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "wrong.html"
    path.write_bytes(b'<html><head><meta charset="utf-8"></head><body><p>' + LETTER.encode("koi8-r") + b"</p></html>")
    source, findings = read_source_with_findings(path)
    assert source.encoding == "koi8-r" and "Дорогой Серго!" in source.text
    assert "declares the encoding 'utf-8', which does not fit its bytes; read as koi8-r" in findings[0].message


def test_a_koi8r_page_that_declares_windows_1251_is_read_as_koi8r_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "recoded.htm"
    page = (DATA / "page_ru.htm").read_bytes().decode("cp1251").replace("—", "-")  # KOI8-R has no dash
    path.write_bytes(page.encode("koi8-r"))
    source, findings = read_source_with_findings(path)
    assert source.encoding == "koi8-r"
    assert source.text == read_source(DATA / "page_ru.htm").text.replace("—", "-")
    assert [f.message for f in findings] == ["declares the encoding 'windows-1251' but reads as koi8-r"]


def test_a_page_declaring_utf16_in_ascii_markup_is_not_read_as_utf16(tmp_path: Path) -> None:
    path = tmp_path / "utf16.html"
    path.write_bytes(b'<html><head><meta charset="utf-16"></head><body><p>Dear Sergo!</p></body></html>')
    assert read_source(path).text == "Dear Sergo!\n"


def test_a_page_with_only_markup_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title> </title><script>x()</script></head><body><p> </p></body></html>")
    assert error_of(path) == "has no text, only markup"


def test_text_nested_deeper_than_the_parser_follows_is_reported_missing(tmp_path: Path) -> None:
    path = tmp_path / "deep.htm"
    path.write_text("<html><body>" + "<div>x" * 3000 + "</body></html>")
    source, findings = read_source_with_findings(path)
    assert 1000 < source.text.count("x") < 3000
    assert [(f.severity, f.field) for f in findings] == [(Severity.WARNING, "source")]
    assert "text inside it is missing" in findings[0].message


def test_an_xml_file_is_decoded_by_its_declaration_and_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "letters.xml"
    xml = '<?xml version="1.0" encoding="KOI8-R"?>\n<TEI><p>Дорогой Серго!</p></TEI>\n'
    path.write_bytes(xml.encode("koi8-r"))
    source = read_source(path)
    assert (source.text, source.encoding, source.media_type) == (xml, "koi8-r", "application/xml")


# --- mojibake ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["mojibake_cp1251.txt", "mojibake_cp1252.txt"])
def test_mojibake_is_repaired_and_the_caller_told(name: str) -> None:
    source, findings = read_source_with_findings(DATA / name)
    assert source.text == "Письмо И.В. Сталина\n\nДорогой Владимир Ильич!\n\nThe English part stays as it is.\n"
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.severity, finding.field, finding.span) == (Severity.WARNING, "source", (0, len(source.text)))
    assert "mojibake" in finding.message and "on 2 lines" in finding.message
    assert read_source(DATA / name).text == source.text


def test_russian_that_only_looks_like_mojibake_is_left_alone(tmp_path: Path) -> None:
    # "сё", "а»", "е№" are what UTF-8 read as cp1251 also looks like: the lines go to ftfy, which must keep them.
    path = tmp_path / "yo.txt"
    path.write_text("Всё её: «Правда» №\xa05, Р. С. Ф. С. Р., §\xa03; Сё-то — ±1°\n", encoding="utf-8")
    source, findings = read_source_with_findings(path)
    assert (source.text, findings) == (path.read_text(encoding="utf-8"), [])


def test_the_code_pages_checked_for_mojibake_read_bytes_as_ftfy_does() -> None:
    import ftfy.bad_codecs  # registers ftfy's "sloppy-windows-*" codecs
    from ftfy.chardata import CHARMAP_ENCODINGS

    every_byte = bytes(range(0x80, 0x100))  # the bytes of UTF-8 sequences
    assert ftfy.bad_codecs.search_function("sloppy-windows-1251") is not None
    ours = [sloppy_decode(every_byte, name) for name in MOJIBAKE_CODE_PAGES]
    assert len(ours) == len(set(ours)) == 10
    assert ours == [every_byte.decode(name) for name in CHARMAP_ENCODINGS]


@pytest.mark.parametrize("page", corpus_pages(), ids=lambda page: f"{page.parent.name}/{page.name}")
def test_corpus_pages_are_read_unchanged_without_findings(page: Path) -> None:
    source, findings = read_source_with_findings(page)
    assert source.text == page.read_text(encoding="utf-8")
    assert findings == []


# --- bad input -----------------------------------------------------------------------------

def test_a_missing_file_does_not_exist(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.txt") == "does not exist"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    assert error_of(tmp_path) == "is a folder, not a file"


def test_a_named_pipe_is_refused_without_waiting_for_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert error_of(tmp_path / "pipe.txt") == "is not a regular file (a pipe, socket or device)"


def test_a_path_through_a_file_cannot_be_read(tmp_path: Path) -> None:
    assert error_of(DATA / "letter_utf8.txt" / "inside.txt") == "cannot be read: Not a directory"


def test_an_empty_file_is_empty() -> None:
    assert error_of(DATA / "empty.txt") == "is empty"


def test_a_file_of_blanks_holds_only_whitespace() -> None:
    assert error_of(DATA / "blank.txt") == "holds only whitespace"


def test_a_file_with_nul_bytes_looks_binary() -> None:
    assert error_of(DATA / "picture.txt") == "looks binary (NUL bytes at byte 8)"


def test_a_file_of_control_bytes_looks_binary() -> None:
    assert error_of(DATA / "controls.txt") == "looks binary (80% control bytes in its first 200 bytes)"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as big:
        big.truncate(80_000_000)  # sparse: 80 MB of NUL bytes, never read
    assert error_of(path) == "is 80 MB, more than the 50 MB limit"
    size = (DATA / "letter_utf8.txt").stat().st_size
    assert error_of(DATA / "letter_utf8.txt", max_bytes=100) == f"is {size} bytes, more than the 100 bytes limit"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_source_or_a_source_error(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("any.txt", "any.html"):
            path = Path(folder) / name
            path.write_bytes(raw)
            try:
                source = read_source(path)
            except SourceError:
                continue
            assert source.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#abpdivrtleshmxy\n\xa0Ж")), max_size=300))
def test_any_markup_gives_text_without_raising(markup: str) -> None:
    assert isinstance(html_to_text("<html><body>" + markup), str)


# --- folders -------------------------------------------------------------------------------

def test_folders_give_their_source_files_sorted_leaving_out_the_rest(tmp_path: Path) -> None:
    for name in ("b/02.htm", "b/01.txt", "b/01.json", "b/sub/03.html", "b/sub/04.XML", "b/notes.md",
                 "b/.hidden.txt", "b/.git/objects.txt", "b/LICENSE.txt", "b/Licence.html", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    given = [tmp_path / "c.txt", tmp_path / "b", tmp_path / "b" / "01.txt", tmp_path / "missing.txt"]
    found = [path.relative_to(tmp_path).as_posix() for path in iter_source_paths(given)]
    assert found == ["c.txt", "b/01.txt", "b/02.htm", "b/sub/03.html", "b/sub/04.XML", "missing.txt"]


# --- the command line ----------------------------------------------------------------------

def parse(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "letterbook", "parse", *map(str, args)],
                          check=False, capture_output=True, text=True)


@pytest.mark.parametrize(("bad", "reason"), [
    ("empty.txt", "is empty"),
    ("picture.txt", "looks binary (NUL bytes at byte 8)"),
    ("blank.txt", "holds only whitespace"),
])
def test_a_bad_file_is_one_error_line_and_the_good_page_is_still_parsed(bad: str, reason: str) -> None:
    good = CORPUS / "en" / "011.txt"
    done = parse(DATA / bad, good, "--format", "json")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"letterbook: error: {DATA / bad}: {reason}"]
    assert json.loads(done.stdout.splitlines()[0])["source"]["path"] == str(good)


def test_an_unknown_encoding_on_the_command_line_is_one_error_line_per_file() -> None:
    done = parse(DATA / "letter_utf8.txt", "--encoding", "klingon")
    assert done.returncode == 1
    reason = "cannot be decoded: unknown encoding 'klingon'"
    assert done.stderr == f"letterbook: error: {DATA / 'letter_utf8.txt'}: {reason}\n"


def test_the_command_line_reads_a_windows_1251_page_as_html() -> None:
    done = parse(DATA / "page_ru.htm", "--format", "json")
    assert done.returncode == 0, done.stderr
    source = json.loads(done.stdout)["source"]
    assert (source["media_type"], source["encoding"]) == ("text/html", "cp1251")
    assert source["chars"] == len(read_source(DATA / "page_ru.htm").text)

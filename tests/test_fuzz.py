"""Property tests: on any text the parser returns in time, never raises, and loses nothing.

Inputs: random unicode, a soup of the conventions' own tokens, truncations of the real
corpus pages and the samples at random points, their lines shuffled and dropped,
synthetic pages of ``bench/synth.py``, and long repetitions that would expose a
regular expression slower than linear. Every result must pass
``assert_result_consistent`` (every character covered exactly once, every span true).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, corpus_pages
from consistency import assert_result_consistent
from letterbook.errors import LetterbookError, SourceError
from letterbook.model import ParseResult, Source
from letterbook.parse import parse_source
from letterbook.read import read_source
from synth_pages import synth

SECONDS_PER_INPUT = 2.0
FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


def decoded(path: Path) -> str:
    """A page's text as the reader gives it; the raw text decoded by hand where the reader refuses it."""
    try:
        return read_source(path).text
    except LetterbookError:  # the cp1251 sample, while the reader reads only UTF-8
        return path.read_bytes().decode("cp1251", errors="replace")


PAGES: dict[str, str] = {
    f"{path.parent.name}/{path.name}": decoded(path)
    for path in [*corpus_pages(), *sorted((REPO / "samples").glob("*.txt")), *sorted((REPO / "samples").glob("*.htm"))]
}
page_names = st.sampled_from(sorted(PAGES))

# Pieces of the conventions, so that random text often looks like the start of something.
TOKENS = (
    "No. ", "No. 194", "Number 3", "№ 277", "№", "194", "1", "2", "one", "oneAt", "2We", " ", "  ", "\n", "\n\n",
    "\r\n", "\t", "\u00a0", "[", "]", "(", ")", "*", "**", ".", ",", "-", " - ", " — ", "—", "/", "?",
    "December ", "October 5-6, 1925", "[December 1912]", "July 31 [1920]", "[not earlier than ", "[late ",
    "22/XII-25", "Kharkiv 31/7.", "16/11 21", "11.VIII. 27.", "31 августа 1918 года", "1928 г. 9 апр.",
    "Telegram from ", " to ", " and ", "I. V. Stalin", "V. I. Lenin", "G. K. Ordzhonikidze", "Сталин", "Кагановичу",
    "Каганович, Молотов — Сталину", "Politburo of the Central Committee of the RCP (b)", "Письмо В.М. Молотову",
    "RTSKHIDNI. F. 558. Op. 2. D. 192. L. 1-2. Typewritten text.", "RTSHIDNI; F. 5. On. 5. D. 56. L. 1",
    "РГАСПИ. Ф. 558. Оп. 11. Д. 85. Л. 156. Подлинник. Машинопись.", "Autograph.", "Notes:", "Примечания",
    "See note 1 to document No. 183.", "TOC \\o \"1-5\" \\h \\z", "Реквизиты", "Датировка: ", "___________",
    "Marx-Engels |  Lenin  | Stalin |  Home Page", "Compiled by:", "Stalin Correspondences", "Dear Sergo!",
    "Stalin.", "With communist greetings, P. Popov.", "PS ", "<p>", "</p>", "&nbsp;", "62\nВ. И. ЛЕНИН\n",
)
convention_soup = st.lists(st.sampled_from(TOKENS), max_size=400).map("".join)


def parse_in_time(text: str) -> ParseResult:
    """Parse ``text`` as a source, within the time bound, and check every invariant of the result."""
    source = Source(path="fuzz", sha256="0" * 64, text=text)
    started = time.process_time()  # CPU time: other work on a busy machine is not counted
    result = parse_source(source)
    elapsed = time.process_time() - started
    assert elapsed < SECONDS_PER_INPUT, f"parsing {len(text)} characters took {elapsed:.2f} s"
    assert result.source.text == text
    assert_result_consistent(result)
    return result


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_corpus_and_sample_page_is_covered_exactly_once(name: str) -> None:
    parse_in_time(PAGES[name])


@FUZZ
@given(st.text(max_size=3000))
def test_random_unicode_text_is_parsed_in_time_and_loses_nothing(text: str) -> None:
    parse_in_time(text)


@FUZZ
@given(convention_soup)
def test_random_mixtures_of_the_conventions_are_parsed_in_time_and_lose_nothing(text: str) -> None:
    parse_in_time(text)


@FUZZ
@given(st.data())
def test_a_page_cut_at_any_point_is_parsed_in_time_and_loses_nothing(data: st.DataObject) -> None:
    text = PAGES[data.draw(page_names, label="page")]
    start = data.draw(st.integers(0, len(text)), label="start")
    end = data.draw(st.integers(start, len(text)), label="end")
    parse_in_time(text[start:end])


@FUZZ
@given(st.data())
def test_a_page_with_lines_shuffled_and_dropped_is_parsed_in_time_and_loses_nothing(data: st.DataObject) -> None:
    lines = PAGES[data.draw(page_names, label="page")].splitlines(keepends=True)
    if data.draw(st.booleans(), label="shuffle"):
        lines = data.draw(st.permutations(lines), label="order")
    kept = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)), label="kept")
    parse_in_time("".join(line for line, keep in zip(lines, kept, strict=True) if keep))


@settings(deadline=None, max_examples=60)
@given(st.integers(0, 10**6), st.floats(0.0, 1.0))
def test_synthetic_pages_whole_and_cut_are_parsed_in_time_and_lose_nothing(index: int, cut: float) -> None:
    text = synth().synthetic_page(11, index).text
    parse_in_time(text)
    parse_in_time(text[: int(len(text) * cut)])


REPETITIONS = {
    "number lines": "No. 1\n" * 20_000,
    "number words": "No. " * 30_000,
    "digits": "1" * 100_000,
    "periods": "." * 100_000,
    "spaces then a letter": " " * 100_000 + "x",
    "blank lines": "\n" * 100_000,
    "brackets": "[" * 50_000,
    "initials": "I. V. " * 20_000,
    "citation fields": "F. 558. Op. 2. D. 192. L. " * 5_000,
    "heading dashes": "A - B - " * 20_000,
    "date words": "December " * 15_000,
    "roman numerals": "XII/" * 25_000,
    "note numbers": "1 " * 50_000,
    "russian words": "Сталину " * 15_000,
    "one long line": "word " * 40_000,
}


@pytest.mark.parametrize("name", sorted(REPETITIONS))
def test_long_repetitions_are_parsed_in_linear_time(name: str) -> None:
    """A regular expression that backtracks shows itself on long runs of the same pieces."""
    parse_in_time(REPETITIONS[name])


@settings(deadline=None, max_examples=100)
@given(st.binary(max_size=4000))
def test_any_bytes_are_read_or_refused_with_a_source_error_and_then_parsed(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.txt"
        path.write_bytes(raw)
        try:
            source = read_source(path)
        except SourceError as exc:
            assert str(path) in str(exc)  # the one-line error names the file
            return
    parse_in_time(source.text)

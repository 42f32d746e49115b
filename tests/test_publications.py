"""Earlier publications printed beside the archival citation."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letterbook.parse.archival import citation_tail, find_archival
from letterbook.parse.publications import is_publication


@pytest.mark.parametrize(
    "line",
    [
        "Political diary. 1964 - 1970. Amsterdam. 1972. S. 238-241.",
        "Большевистское руководство. Переписка. 1912–1927. С. 46.",
        "Сталин и Каганович. Переписка. 1931–1936 гг. С. 222.",
        "Сталин и Каганович. Переписка. 1931–1936 гг. Москва: (РОССПЭН), 2001 Стр. 288",
        "Впервые напечатано 19 января 1928 г. в газете «Пролетарский Путь» (Ульяновск) № 16",
        "Путь» (Ульяновск) № 16 Печатается по рукописи",
        "Печатается по рукописи",
        "2 XIV Congress of the All-Union Communist Party (Bolsheviks). Verbatim report. M.-D., 1926. S. 44.",
        "Сталин И.В. Cочинения. – Т. 4. – М.: ОГИЗ; Государственное издательство политической литературы, 1947.",
        "Pravda. 1925. No. 5.",
        "First published in 1946.",
    ],
)
def test_line_citing_a_book_or_periodical_is_a_publication(line: str) -> None:
    assert is_publication(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "31 августа 1918 года",
        "October 5-6, 1925",
        "Написано 20 апреля 1918 г.",
        "F. Dzerzhinsky.",
        "Ваш Сталин.",
        "Крепко жму руку.",
        "РГАСПИ. Ф. 558. Оп. 1. Д. 5411. Л. 4.",
        "RTSKHIDNI. F. 76. Op. 2. D. 28. L. 1-8. Autograph. Political diary. 1972. S. 238-241.",
        "On the typewritten copy, preserved in the file, there is a note (RTSKHIDNI. F. 558. On. 1. D. 1881. L. 4).",
        "t. Sent to Lenin in 1920.",
        "In 1925 the works were finished. " * 20,
    ],
)
def test_dates_signatures_citations_and_prose_are_no_publication(line: str) -> None:
    assert not is_publication(line)


def test_publication_after_a_citation_is_found_through_the_tail() -> None:
    line = "RTSKHIDNI. F. 76. Op. 2. D. 28. L. 1-8. Autograph. Political diary. 1964 - 1970. Amsterdam. 1972. S. 238."
    tail = citation_tail(line, find_archival(line)[0])
    assert tail is not None and is_publication(tail.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_judged_without_raising(text: str) -> None:
    assert is_publication(text) in {True, False}


def test_long_line_of_page_cues_is_judged_quickly() -> None:
    is_publication("С. 1")
    started = time.perf_counter()
    is_publication("С. С. С. " * 2000)
    is_publication("Печатается " * 2000)
    assert time.perf_counter() - started < 0.1

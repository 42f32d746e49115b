"""The consistency checker itself: it accepts a true result and names each kind of broken one."""

from __future__ import annotations

import dataclasses
import re

import pytest

from consistency import assert_result_consistent
from letterbook.model import Collection, Letter, ParseResult, Part, Party, Source, Span, TextValue

PAGE = "Stalin Correspondences\n\nNo. 194\n\nP. I. Popov to I. V. Stalin\n\nDear comrade!\n\nP. Popov.\n"


def span_of(piece: str, after: int = 0) -> Span:
    start = PAGE.index(piece, after)
    return (start, start + len(piece))


def a_true_result() -> ParseResult:
    letter_start = PAGE.index("No. 194")
    body = span_of("Dear comrade!")
    letter = Letter(
        span=(letter_start, len(PAGE)),
        text=PAGE[body[0]:body[1]],
        text_span=body,
        number="194",
        number_span=span_of("No. 194"),
        heading=TextValue("P. I. Popov to I. V. Stalin", span_of("P. I. Popov to I. V. Stalin")),
        senders=(Party("P. I. Popov", span_of("P. I. Popov")),),
        recipients=(Party("I. V. Stalin", span_of("I. V. Stalin")),),
        signature=TextValue("P. Popov.", span_of("P. Popov.")),
    )
    return ParseResult(source=Source(path="test", sha256="0" * 64, text=PAGE), collection=Collection(),
                       letters=(letter,), parts=(Part("front_matter", (0, letter_start)),))


def with_letter(result: ParseResult, **changes: object) -> ParseResult:
    return dataclasses.replace(result, letters=(dataclasses.replace(result.letters[0], **changes),))


def test_a_true_result_passes() -> None:
    assert_result_consistent(a_true_result())


def test_a_character_left_out_is_reported_as_a_gap() -> None:
    result = a_true_result()
    result = dataclasses.replace(result, parts=(Part("front_matter", (0, result.letters[0].span[0] - 1)),))
    with pytest.raises(AssertionError, match="gap"):
        assert_result_consistent(result)


def test_a_character_claimed_twice_is_reported_as_an_overlap() -> None:
    result = a_true_result()
    result = dataclasses.replace(result, parts=(Part("front_matter", (0, result.letters[0].span[0] + 1)),))
    with pytest.raises(AssertionError, match="overlap"):
        assert_result_consistent(result)


def test_a_letter_that_stops_before_the_end_leaves_a_gap_at_the_end() -> None:
    result = a_true_result()
    with pytest.raises(AssertionError, match="gap at the end"):
        assert_result_consistent(with_letter(result, span=(result.letters[0].span[0], len(PAGE) - 1)))


def test_a_name_that_is_not_the_printed_text_at_its_span_is_reported() -> None:
    result = a_true_result()
    wrong = (Party("I. V. Stalin", span_of("P. I. Popov")),)
    with pytest.raises(AssertionError, match=re.escape("recipient 'I. V. Stalin'")):
        assert_result_consistent(with_letter(result, recipients=wrong))


def test_a_signature_outside_its_letter_is_reported() -> None:
    result = a_true_result()
    outside = TextValue("Stalin", span_of("Stalin"))
    with pytest.raises(AssertionError, match="outside the letter"):
        assert_result_consistent(with_letter(result, signature=outside))


def test_an_implied_sender_need_not_be_printed_where_it_points() -> None:
    result = a_true_result()
    implied = (Party("И. В. Сталин", (0, 0), implied=True),)
    assert_result_consistent(with_letter(result, senders=implied))


def test_a_span_beyond_the_text_is_reported() -> None:
    result = a_true_result()
    with pytest.raises(AssertionError, match="is not a pair"):
        assert_result_consistent(with_letter(result, text_span=(0, len(PAGE) + 5)))


def test_an_unknown_kind_of_part_is_reported() -> None:
    result = dataclasses.replace(a_true_result(), parts=(Part("preface", (0, PAGE.index("No. 194"))),))
    with pytest.raises(AssertionError, match="unknown kind"):
        assert_result_consistent(result)

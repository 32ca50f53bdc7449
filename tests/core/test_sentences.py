"""Sentence splitting that respects quotes, abbreviations and initials."""

from tui.core.sentences import split, split_spans


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    assert split("A win for Mr. Putin, he said. The U.S. Army agreed. J. Smith came at 10 a.m. on Friday.") == [
        "A win for Mr. Putin, he said.", "The U.S. Army agreed.", "J. Smith came at 10 a.m. on Friday."]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert split("Kiev should accept it “immediately.” Next one.") == ["Kiev should accept it “immediately.”", "Next one."]


def test_quote_followed_by_attribution_in_lower_case_is_one_sentence() -> None:
    assert split("“We are ready,” he said. Then more.") == ["“We are ready,” he said.", "Then more."]


def test_paragraphs_always_split_and_spans_point_into_the_text() -> None:
    text = "First line.\nSecond one. Third"
    spans = split_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["First line.", "Second one.", "Third"]


def test_decimal_numbers_and_domains_are_not_boundaries() -> None:
    assert split("It cost 4.5 billion at Gazeta.ru today.") == ["It cost 4.5 billion at Gazeta.ru today."]

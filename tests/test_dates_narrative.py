"""A day or month without its year in a passage about an earlier year (summitry.dates.narrative).

Every sentence here is composed for the test. The rule is HeidelTime's reference time for
narratives, kept narrow: news that cites the past must keep its own year for today's dates.
"""

from __future__ import annotations

from datetime import date

import pytest

from summitry.dates import find_dates

PUBLISHED = date(2025, 9, 20)


def values(text: str, language: str, published: date = PUBLISHED) -> dict[str, str]:
    return {d.text: d.value.value for d in find_dates(text, language, published)}


@pytest.mark.parametrize("language, text, span, value", [
    # the eve of a dated episode two years back, in the next paragraph
    ("uk", "Два роки тому, 8 вересня 2023 року, у Бішкеку пройшов форум.\n\n"
           "Для міністрів це була важлива подія. Ще 7 вересня вони провели консультації.",
     "7 вересня", "2023-09-07"),
    # a story told forward from its explicit date
    ("ru", "Ровно год назад, 10 сентября 2024 года, в Астане открылся форум. "
           "А 12 сентября стороны подписали итоговое заявление.",
     "12 сентября", "2024-09-12"),
    ("en", "On 2 September 2022 the ministers arrived in Tashkent. On 4 September they signed the plan.",
     "On 4 September", "2022-09-04"),
    # a month alone takes the passage's year too
    ("ru", "Соглашение подписали 28 августа 2023 года в Бишкеке, а в сентябре оно вступило в силу.",
     "в сентябре", "2023-09"),
])
def test_a_yearless_date_in_a_retrospective_passage_takes_its_year(language: str, text: str, span: str,
                                                                   value: str) -> None:
    assert values(text, language)[span] == value


def test_a_date_so_anchored_anchors_the_next() -> None:
    text = "Саміт відбувся 16 вересня 2022 року. Напередодні саміту, 15 вересня, лідери зустрілися, а 17 вересня роз'їхалися."
    found = values(text, "uk")
    assert (found["15 вересня"], found["17 вересня"]) == ("2022-09-15", "2022-09-17")


@pytest.mark.parametrize("language, text, span, value", [
    # a bare year is a period the text cites, not a time it narrates
    ("ru", "В 2023 году товарооборот вырос на треть. 15 сентября министры встретились в Астане.",
     "15 сентября", "2025-09-15"),
    # something anchored to publication stands between: today's news again
    ("ru", "Саммит прошел 16 сентября 2022 года. Сегодня, как и вчера, 18 сентября, делегации работали.",
     "18 сентября", "2025-09-18"),
    # weeks before its reference: this year's news, not that year's past
    ("ru", "Договор подписан 4 октября 2022 года. 12 сентября министры обсудили его выполнение.",
     "12 сентября", "2025-09-12"),
    # an explicit date of the publication's own year changes nothing
    ("en", "The forum opened on 10 September 2025. On 12 September the ministers met.",
     "On 12 September", "2025-09-12"),
    # a reference two paragraphs back is out of reach
    ("ru", "Саммит прошел 16 сентября 2022 года.\n\nТорговля растет.\n\n15 сентября министры встретились.",
     "15 сентября", "2025-09-15"),
])
def test_news_keeps_the_publication_year(language: str, text: str, span: str, value: str) -> None:
    assert values(text, language)[span] == value


def test_without_a_publication_date_nothing_moves() -> None:
    found = {d.text: d.value.value for d in find_dates("Саммит прошел 16 сентября 2022 года. 15 сентября.", "ru", None)}
    assert found == {"16 сентября 2022 года": "2022-09-16"}

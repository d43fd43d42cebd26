"""Days counted back from publication ("two days earlier", "днем раньше", "день тому") and a
Chinese day written alone ("28日"), which is that day of the month nearest publication.

Every sentence here is composed for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from summitry.dates import find_dates

P = date(2025, 6, 17)


@pytest.mark.parametrize("language, sentence, span, value", [
    ("ru", "Днем раньше министры провели переговоры.", "Днем раньше", "2025-06-16"),
    ("ru", "Министры встретились день назад.", "день назад", "2025-06-16"),
    ("ru", "Двумя днями ранее прошел форум.", "Двумя днями ранее", "2025-06-15"),
    ("ru", "В предыдущий день делегации работали в Астане.", "В предыдущий день", "2025-06-16"),
    ("uk", "Попереднього дня лідери провели переговори.", "Попереднього дня", "2025-06-16"),
    ("uk", "Два дні тому міністри зустрілися.", "Два дні тому", "2025-06-15"),
    ("uk", "Міністри зустрілися день тому.", "день тому", "2025-06-16"),
    ("en", "Two days earlier, the ministers met in Astana.", "Two days earlier", "2025-06-15"),
    ("en", "The ministers met a day ago.", "a day ago", "2025-06-16"),
    ("kk", "Екі күн бұрын министрлер кездесті.", "Екі күн бұрын", "2025-06-15"),
    ("zh", "前一日，双方举行会谈。", "前一日", "2025-06-16"),
])
def test_days_back_from_publication(language: str, sentence: str, span: str, value: str) -> None:
    (expr,) = find_dates(sentence, language, P)
    assert (expr.text, expr.value.value, expr.value.precision) == (span, value, "day")


@pytest.mark.parametrize("published, sentence, value", [
    (date(2025, 6, 17), "外长会议15日在阿斯塔纳举行。", "2025-06-15"),  # this month, two days back
    (date(2025, 6, 3), "能源部长会议28日在北京举行。", "2025-05-28"),  # the 28th before the 3rd: last month
    (date(2025, 6, 30), "双方将于2日举行会谈。", "2025-07-02"),  # the 2nd after the 30th: next month
    (date(2025, 6, 17), "论坛20日开幕。", "2025-06-20"),  # three days ahead, not a month back
])
def test_a_chinese_day_alone_is_of_the_month_nearest_publication(published: date, sentence: str, value: str) -> None:
    (expr,) = find_dates(sentence, "zh", published)
    assert (expr.value.value, expr.value.precision) == (value, "day")


def test_a_day_the_publication_month_lacks_is_of_the_nearest_month_that_has_it() -> None:
    (expr,) = find_dates("会议31日举行。", "zh", date(2025, 2, 10))
    assert expr.value.value == "2025-01-31"

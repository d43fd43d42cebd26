"""Date expressions: the grammar in rules/*dates.yaml, resolved against the publication date."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.dates import RULES_DIR, _expand, find_dates, grammar_for
from summitry.doc import DateExpr
from summitry.errors import KnowledgeBaseError

P = date(2025, 6, 17)  # a Tuesday
SEEDS = Path("/work/shared/seeds")

# language, sentence, published, the expression as written, value, precision, end value
CASES: list[tuple[str, str, date, str, str, str, str | None]] = [
    # --- Russian: relative days and weekdays
    ("ru", "Сегодня в Астане открылся саммит.", P, "Сегодня", "2025-06-17", "day", None),
    ("ru", "Об этом вчера сообщил МИД.", P, "вчера", "2025-06-16", "day", None),
    ("ru", "Делегация прибудет завтра.", P, "завтра", "2025-06-18", "day", None),
    ("ru", "Позавчера стороны провели консультации.", P, "Позавчера", "2025-06-15", "day", None),
    ("ru", "Переговоры пройдут послезавтра.", P, "послезавтра", "2025-06-19", "day", None),
    # the bare adverb "накануне" is the day before publication ("накануне саммита" is no date)
    ("ru", "Накануне министры провели переговоры в Астане.", P, "Накануне", "2025-06-16", "day", None),
    ("ru", "Как сообщалось накануне, министры встретились.", P, "накануне", "2025-06-16", "day", None),
    ("uk", "Напередодні міністри провели переговори в Астані.", P, "Напередодні", "2025-06-16", "day", None),
    ("en", "The day before, the ministers held talks in Astana.", P, "The day before", "2025-06-16", "day", None),
    ("en", "The ministers held talks in Astana the day before.", P, "the day before", "2025-06-16", "day", None),
    ("ru", "В Алматы в субботу состоялась встреча.", date(2025, 4, 27), "в субботу", "2025-04-26", "day", None),
    ("ru", "В субботу состоялась встреча.", date(2025, 4, 26), "В субботу", "2025-04-26", "day", None),
    ("ru", "Во вторник глава МИД провел брифинг.", P, "Во вторник", "2025-06-17", "day", None),
    ("ru", "Договор подписан в понедельник.", P, "в понедельник", "2025-06-16", "day", None),
    ("ru", "В минувшую пятницу прошли консультации.", P, "В минувшую пятницу", "2025-06-13", "day", None),
    ("ru", "Встреча намечена на следующий понедельник.", P, "на следующий понедельник", "2025-06-23", "day", None),
    ("ru", "Итоги подвели в воскресенье.", P, "в воскресенье", "2025-06-15", "day", None),
    # --- Russian: relative periods
    ("ru", "Товарооборот в текущем году вырос.", P, "в текущем году", "2025", "year", None),
    ("ru", "План текущего года выполнен.", P, "текущего года", "2025", "year", None),
    ("ru", "В этом году саммит пройдет в Астане.", P, "В этом году", "2025", "year", None),
    ("ru", "В прошлом году объем торговли достиг рекорда.", P, "В прошлом году", "2024", "year", None),
    ("ru", "Итоги прошлого года впечатляют.", P, "прошлого года", "2024", "year", None),
    ("ru", "В следующем году встреча пройдет в Китае.", P, "В следующем году", "2026", "year", None),
    ("ru", "В будущем году планируется форум.", P, "В будущем году", "2026", "year", None),
    ("ru", "Планы следующего года согласованы.", P, "следующего года", "2026", "year", None),
    ("ru", "В этом месяце подпишут соглашение.", P, "В этом месяце", "2025-06", "month", None),
    ("ru", "В прошлом месяце прошел форум.", P, "В прошлом месяце", "2025-05", "month", None),
    # --- Russian: years and year ranges
    ("ru", "Встреча пройдет в 2026 году в Китае.", P, "в 2026 году", "2026", "year", None),
    ("ru", "Он предложил объявить 2026 год Годом образования.", P, "2026 год", "2026", "year", None),
    ("ru", "Программа развития до 2026 г., стратегия и план.", P, "до 2026 г.", "2026", "year", None),
    ("ru", "Стратегия на 2022-2026 гг., укреплять сотрудничество.", P, "на 2022-2026 гг.", "2022", "year", "2026"),
    ("ru", "План действий на 2026–2030 годы утвержден.", P, "на 2026–2030 годы", "2026", "year", "2030"),
    ("ru", "Объявлены 2023-2027 годы пятилетием действий.", P, "2023-2027 годы", "2023", "year", "2027"),
    ("ru", "Десятилетие действий 2018-2028 годов продолжится.", P, "2018-2028 годов", "2018", "year", "2028"),
    ("ru", "Стратегия до 2030 года принята.", P, "до 2030 года", "2030", "year", None),
    ("ru", "Товарооборот удвоится к 2030 году.", P, "к 2030 году", "2030", "year", None),
    ("ru", "Участие в Саммите ШОС 2025 года и торжествах.", P, "2025 года", "2025", "year", None),
    ("ru", "Алматы — культурная столица, а 2024 год – Годом экологии.", P, "2024 год", "2024", "year", None),
    ("ru", "Программа рассчитана с 2026 по 2030 год.", P, "с 2026 по 2030 год", "2026", "year", "2030"),
    ("ru", "Проект на 2025–26 гг. одобрен.", P, "на 2025–26 гг.", "2025", "year", "2026"),
    # --- Russian: months
    ("ru", "Саммит ШОС в июле 2024 года прошел успешно.", date(2023, 11, 8), "в июле 2024 года", "2024-07", "month", None),
    ("ru", "Встреча, прошедшей в декабре 2024 года в Чэнду.", P, "в декабре 2024 года", "2024-12", "month", None),
    ("ru", "Форум прошел в декабре прошлого года.", P, "в декабре прошлого года", "2024-12", "month", None),
    ("ru", "Обмен пройдет в мае и в июне текущего года.", date(2025, 4, 27), "в мае и в июне текущего года", "2025-05", "month", "2025-06"),
    ("ru", "Обмен пройдет в мае и июне текущего года.", date(2025, 4, 27), "в мае и июне текущего года", "2025-05", "month", "2025-06"),
    ("ru", "Учения пройдут в мае-июне 2026 года.", P, "в мае-июне 2026 года", "2026-05", "month", "2026-06"),
    ("ru", "Об этом стало известно в мае.", P, "в мае", "2025-05", "month", None),
    ("ru", "Переговоры пройдут в декабре 2024 года.", P, "в декабре 2024 года", "2024-12", "month", None),
    # --- Russian: days
    ("ru", "Тяньцзинь. 31 августа. KAZAKHSTAN TODAY.", date(2025, 9, 1), "31 августа", "2025-08-31", "day", None),
    ("ru", "26 апреля 2025 года в г. Алматы состоялась встреча.", P, "26 апреля 2025 года", "2025-04-26", "day", None),
    ("ru", "Форум, состоявшийся 4-5 апреля 2025 года в Самарканде.", P, "4-5 апреля 2025 года", "2025-04-04", "day", "2025-04-05"),
    ("ru", "Конференция 29-31 мая 2025 года в г. Душанбе.", P, "29-31 мая 2025 года", "2025-05-29", "day", "2025-05-31"),
    ("ru", "Сессия в Самарканде 30 октября - 13 ноября 2025 года.", P, "30 октября - 13 ноября 2025 года", "2025-10-30", "day", "2025-11-13"),
    ("ru", "Указ подписан 17.06.2025 в Астане.", P, "17.06.2025", "2025-06-17", "day", None),
    ("ru", "Дата публикации 2025-06-17, источник Акорда.", P, "2025-06-17", "2025-06-17", "day", None),
    ("ru", "Выставка пройдет с 4 по 5 апреля.", P, "с 4 по 5 апреля", "2025-04-04", "day", "2025-04-05"),
    ("ru", "Встреча состоялась 31 августа прошлого года.", P, "31 августа прошлого года", "2024-08-31", "day", None),
    ("ru", "Саммит запланирован на 1-го июля.", P, "на 1-го июля", "2025-07-01", "day", None),
    ("ru", "Визит состоялся 20 декабря.", P, "20 декабря", "2024-12-20", "day", None),
    ("ru", "Каникулы 30 декабря - 5 января 2025 года.", P, "30 декабря - 5 января 2025 года", "2024-12-30", "day", "2025-01-05"),
    # --- Ukrainian
    ("uk", "Саміт, що завершився сьогодні в Сіані.", date(2023, 5, 19), "сьогодні", "2023-05-19", "day", None),
    ("uk", "Про це вчора повідомило МЗС.", P, "вчора", "2025-06-16", "day", None),
    ("uk", "Делегація прибуде завтра.", P, "завтра", "2025-06-18", "day", None),
    ("uk", "Наступний саміт відбудеться у 2025 році.", date(2023, 5, 19), "у 2025 році", "2025", "year", None),
    ("uk", "18-19 травня в Сіані проходив саміт.", date(2023, 5, 19), "18-19 травня", "2023-05-18", "day", "2023-05-19"),
    ("uk", "У травні 2023 року відбувся саміт.", P, "У травні 2023 року", "2023-05", "month", None),
    ("uk", "Зустріч відбулася в суботу.", P, "в суботу", "2025-06-14", "day", None),
    ("uk", "Зустріч відбулася у суботу.", P, "у суботу", "2025-06-14", "day", None),
    ("uk", "Угоду підписали у п’ятницю.", P, "у п’ятницю", "2025-06-13", "day", None),
    ("uk", "Товарообіг поточного року зріс.", P, "поточного року", "2025", "year", None),
    ("uk", "Цього року форум пройде в Астані.", P, "Цього року", "2025", "year", None),
    ("uk", "Минулого року обсяг торгівлі зріс.", P, "Минулого року", "2024", "year", None),
    ("uk", "Наступного року зустріч пройде в Китаї.", P, "Наступного року", "2026", "year", None),
    ("uk", "Торік обсяг торгівлі зріс.", P, "Торік", "2024", "year", None),
    ("uk", "Форум відбудеться у наступному році.", P, "у наступному році", "2026", "year", None),
    ("uk", "У грудні минулого року пройшов форум.", P, "У грудні минулого року", "2024-12", "month", None),
    ("uk", "Програма на 2026–2030 роки схвалена.", P, "на 2026–2030 роки", "2026", "year", "2030"),
    ("uk", "Стратегія до 2030 року ухвалена.", P, "до 2030 року", "2030", "year", None),
    ("uk", "Візит відбувся 26 квітня 2025 року.", P, "26 квітня 2025 року", "2025-04-26", "day", None),
    ("uk", "Зустріч пройде у березні.", P, "у березні", "2025-03", "month", None),
    # --- English
    ("en", "Xi met Tokayev on Saturday in Astana.", P, "on Saturday", "2025-06-14", "day", None),
    ("en", "The summit opened today in Astana.", P, "today", "2025-06-17", "day", None),
    ("en", "The ministry said yesterday that talks went well.", P, "yesterday", "2025-06-16", "day", None),
    ("en", "Talks resume tomorrow.", P, "tomorrow", "2025-06-18", "day", None),
    ("en", "Trade grew this year.", P, "this year", "2025", "year", None),
    ("en", "Trade grew last year.", P, "last year", "2024", "year", None),
    ("en", "The forum will be held next year.", P, "next year", "2026", "year", None),
    ("en", "The deal will be signed this month.", P, "this month", "2025-06", "month", None),
    ("en", "The next summit will be held in 2027 in China.", P, "in 2027", "2027", "year", None),
    ("en", "Trade should double by 2030.", P, "by 2030", "2030", "year", None),
    ("en", "The summit was held on June 17, 2025 in Astana.", P, "on June 17, 2025", "2025-06-17", "day", None),
    ("en", "The summit was held 17 June 2025 in Astana.", P, "17 June 2025", "2025-06-17", "day", None),
    ("en", "Leaders met on 18-19 May in Xi'an.", date(2023, 5, 19), "on 18-19 May", "2023-05-18", "day", "2023-05-19"),
    ("en", "The SCO summit in July 2024 was a success.", P, "in July 2024", "2024-07", "month", None),
    ("en", "Talks were held in May and the results published.", P, "in May", "2025-05", "month", None),
    ("en", "The plan covers 2026-2030 across the region.", P, "2026-2030", "2026", "year", "2030"),
    ("en", "The plan runs from 2026 to 2030 across the region.", P, "from 2026 to 2030", "2026", "year", "2030"),
    ("en", "Ministers met last Friday in Beijing.", P, "last Friday", "2025-06-13", "day", None),
    # --- Kazakh
    ("kk", "Бүгін Астанада саммит өтті.", P, "Бүгін", "2025-06-17", "day", None),
    ("kk", "Кеше келіссөздер болды.", P, "Кеше", "2025-06-16", "day", None),
    ("kk", "Делегация ертең келеді.", P, "ертең", "2025-06-18", "day", None),
    ("kk", "Келесі кездесу 2026 жылы Қытайда өтеді.", P, "2026 жылы", "2026", "year", None),
    ("kk", "2025 жылғы 17 маусымда Астанада саммит өтті.", P, "2025 жылғы 17 маусымда", "2025-06-17", "day", None),
    ("kk", "2026-2030 жылдарға арналған бағдарлама.", P, "2026-2030 жылдарға", "2026", "year", "2030"),
    ("kk", "Тауар айналымы 2030 жылға дейін екі есе өседі.", P, "2030 жылға дейін", "2030", "year", None),
    ("kk", "Биыл тауар айналымы өсті.", P, "Биыл", "2025", "year", None),
    ("kk", "Былтыр тауар айналымы өсті.", P, "Былтыр", "2024", "year", None),
    ("kk", "Сенбіде кездесу болды.", P, "Сенбіде", "2025-06-14", "day", None),
    ("kk", "Форум маусым айында өтеді.", P, "маусым айында", "2025-06", "month", None),
    ("kk", "Келіссөздер 17-18 маусым аралығында.", P, "17-18 маусым", "2025-06-17", "day", "2025-06-18"),
    ("kk", "Өткен жылы тауар айналымы өсті.", P, "Өткен жылы", "2024", "year", None),
    # --- Chinese
    ("zh", "2025年6月17日，中国—中亚峰会在阿斯塔纳举行。", P, "2025年6月17日", "2025-06-17", "day", None),
    ("zh", "习近平今天抵达阿斯塔纳。", P, "今天", "2025-06-17", "day", None),
    ("zh", "双方商定2027年在中国举行下届峰会。", P, "2027年", "2027", "year", None),
    # "a day earlier" and its kin: the day before publication
    ("en", "A day earlier, the capital hosted the forum.", P, "A day earlier", "2025-06-16", "day", None),
    ("ru", "Днем ранее министры провели переговоры.", P, "Днем ранее", "2025-06-16", "day", None),
    ("uk", "Днем раніше міністри провели переговори.", P, "Днем раніше", "2025-06-16", "day", None),
    ("kk", "Бір күн бұрын министрлер кездесті.", P, "Бір күн бұрын", "2025-06-16", "day", None),
    ("kk", "Кездесу тамыз айының соңында өтеді.", P, "тамыз айының соңында", "2025-08", "month", None),
    # a day alone is a day of the publication's month
    ("zh", "外长会议15日在阿斯塔纳举行。", P, "15日", "2025-06-15", "day", None),
]


@pytest.mark.parametrize(
    "language, sentence, published, span, value, precision, end_value",
    CASES,
    ids=[f"{c[0]}-{c[3]}" for c in CASES],
)
def test_case(language: str, sentence: str, published: date, span: str, value: str,
              precision: str, end_value: str | None) -> None:
    found = find_dates(sentence, language, published)
    assert [d.text for d in found] == [span]
    expr = found[0]
    assert expr.start == sentence.index(span) and expr.end == expr.start + len(span)
    assert (expr.value.value, expr.value.precision) == (value, precision)
    assert (expr.end_value.value if expr.end_value else None) == end_value


def test_enough_cases_in_every_language() -> None:
    assert len(CASES) >= 60
    for language in ("ru", "uk", "en", "kk"):
        assert sum(1 for c in CASES if c[0] == language) >= 8


# durations, deadlines, seasons, weeks and parts of periods: what commitments are due by.
# A duration resolves to its END (the deadline) at its unit's precision; a season to its
# year; a week to its Monday's month. P is Tuesday 2025-06-17; N a Friday in November.
N = date(2025, 11, 7)
F = date(2025, 2, 13)
# language, sentence, published, the expression as written, value, precision, kind
PERIOD_CASES: list[tuple[str, str, date, str, str, str, str]] = [
    # --- Russian
    ("ru", "Подрядчик обязан сдать мост в течение шести лет.", P, "в течение шести лет", "2031", "year", "duration"),
    ("ru", "В ближайшие три года банк выделит кредиты.", P, "В ближайшие три года", "2028", "year", "duration"),
    ("ru", "Завод построят в течение ближайших двух лет.", P, "в течение ближайших двух лет", "2027", "year", "duration"),
    ("ru", "Сеть охватит регион в течение 5 лет.", P, "в течение 5 лет", "2030", "year", "duration"),
    ("ru", "Линию запустят в течение шести месяцев.", P, "в течение шести месяцев", "2025-12", "month", "duration"),
    ("ru", "Фонд вложит средства в следующие пять лет.", P, "в следующие пять лет", "2030", "year", "duration"),
    ("ru", "Стороны обязались до конца марта утвердить план.", F, "до конца марта", "2025-03", "month", "deadline"),
    ("ru", "Проект утвердят до конца марта.", P, "до конца марта", "2026-03", "month", "deadline"),
    ("ru", "Терминал заработает к концу 2026 года.", P, "к концу 2026 года", "2026", "year", "deadline"),
    ("ru", "Соглашение ратифицируют до конца года.", P, "до конца года", "2025", "year", "deadline"),
    ("ru", "Тарифы снизят до конца следующего года.", P, "до конца следующего года", "2026", "year", "deadline"),
    ("ru", "Пункт пропуска откроют до конца месяца.", P, "до конца месяца", "2025-06", "month", "deadline"),
    ("ru", "Делегация приезжала прошлой осенью.", F, "прошлой осенью", "2024", "year", "season"),
    ("ru", "Переговоры прошли минувшей осенью в Бишкеке.", N, "минувшей осенью", "2024", "year", "season"),
    ("ru", "Форум пройдет весной в Душанбе.", N, "весной", "2026", "year", "season"),
    ("ru", "Учения состоялись весной.", date(2025, 7, 1), "весной", "2025", "year", "season"),
    ("ru", "Выставку откроют летом 2026 года.", P, "летом 2026 года", "2026", "year", "season"),
    ("ru", "Министры встретятся осенью прошлого года.", P, "осенью прошлого года", "2024", "year", "season"),
    ("ru", "Консультации назначены на следующей неделе.", P, "на следующей неделе", "2025-06", "month", "point"),
    ("ru", "Договор подпишут на этой неделе.", date(2025, 7, 1), "на этой неделе", "2025-06", "month", "point"),
    ("ru", "Пленум созовут в начале мая.", P, "в начале мая", "2025-05", "month", "point"),
    ("ru", "Дорогу сдадут в конце 2025 года.", P, "в конце 2025 года", "2025", "year", "point"),
    ("ru", "Встреча намечена в середине июля.", P, "в середине июля", "2025-07", "month", "point"),
    ("ru", "Рост ожидается во второй половине года.", P, "во второй половине года", "2025", "year", "point"),
    # --- Ukrainian
    ("uk", "Компанія побудує склад протягом наступних трьох років.", N, "протягом наступних трьох років", "2028", "year", "duration"),
    ("uk", "Уряд виділить гранти протягом найближчих двох років.", P, "протягом найближчих двох років", "2027", "year", "duration"),
    ("uk", "Впродовж п’яти років обсяг зросте вдвічі.", P, "Впродовж п’яти років", "2030", "year", "duration"),
    ("uk", "Міністерство ухвалить порядок до кінця року.", P, "до кінця року", "2025", "year", "deadline"),
    ("uk", "Кордон відкриють до кінця березня.", F, "до кінця березня", "2025-03", "month", "deadline"),
    ("uk", "Трасу збудують до кінця 2027 року.", P, "до кінця 2027 року", "2027", "year", "deadline"),
    ("uk", "Конференція відбудеться навесні у Варшаві.", N, "навесні", "2026", "year", "season"),
    ("uk", "Торік восени сторони підписали меморандум.", P, "Торік восени", "2024", "year", "season"),
    ("uk", "Минулої осені делегація відвідала Алмати.", F, "Минулої осені", "2024", "year", "season"),
    ("uk", "Нараду призначено наступного тижня.", P, "наступного тижня", "2025-06", "month", "point"),
    ("uk", "Рішення ухвалять на початку травня.", P, "на початку травня", "2025-05", "month", "point"),
    ("uk", "Звіт оприлюднять наприкінці року.", P, "наприкінці року", "2025", "year", "point"),
    # --- English
    ("en", "The firm will build the plant within three years.", P, "within three years", "2028", "year", "duration"),
    ("en", "Investment will total $5 billion over the next five years.", P, "over the next five years", "2030", "year", "duration"),
    ("en", "Tariffs will fall in the next 12 months.", P, "in the next 12 months", "2026-06", "month", "duration"),
    ("en", "The line will open by the end of 2026.", P, "by the end of 2026", "2026", "year", "deadline"),
    ("en", "The rules take effect by the end of the year.", P, "by the end of the year", "2025", "year", "deadline"),
    ("en", "The bridge is due by end-2027.", P, "by end-2027", "2027", "year", "deadline"),
    ("en", "Ministers want a draft by the end of March.", F, "by the end of March", "2025-03", "month", "deadline"),
    ("en", "Talks resume in the autumn in Geneva.", date(2024, 7, 4), "in the autumn", "2024", "year", "season"),
    ("en", "A forum will be held in the spring.", N, "in the spring", "2026", "year", "season"),
    ("en", "The envoys met last autumn.", F, "last autumn", "2024", "year", "season"),
    ("en", "The company plans an offering in the spring of 2027.", P, "in the spring of 2027", "2027", "year", "season"),
    ("en", "Negotiators meet again next week.", P, "next week", "2025-06", "month", "point"),
    ("en", "The summit may be held early next year.", P, "early next year", "2026", "year", "point"),
    ("en", "Output should recover by mid-2026.", P, "by mid-2026", "2026", "year", "point"),
    ("en", "Exports rose in the first half of 2025.", P, "in the first half of 2025", "2025", "year", "point"),
    ("en", "A deal is expected later this year.", P, "later this year", "2025", "year", "point"),
    ("en", "The minister resigned earlier this month.", P, "earlier this month", "2025-06", "month", "point"),
    # --- Kazakh
    ("kk", "Алдағы үш жылда зауыт салынады.", P, "Алдағы үш жылда", "2028", "year", "duration"),
    ("kk", "Жол бес жыл ішінде салынады.", P, "бес жыл ішінде", "2030", "year", "duration"),
    ("kk", "Көпір жыл соңына дейін ашылады.", P, "жыл соңына дейін", "2025", "year", "deadline"),
    ("kk", "Терминал 2026 жылдың соңына дейін іске қосылады.", P, "2026 жылдың соңына дейін", "2026", "year", "deadline"),
    ("kk", "Форум биыл қазан айында Алматыда өтеді.", P, "биыл қазан айында", "2025-10", "month", "point"),
    ("kk", "Көрме келесі жылы наурызда ашылады.", P, "келесі жылы наурызда", "2026-03", "month", "point"),
    ("kk", "Министрлер күзде кездеседі.", P, "күзде", "2025", "year", "season"),
    ("kk", "Өткен күзде келісім жасалды.", F, "Өткен күзде", "2024", "year", "season"),
    ("kk", "Келіссөздер келесі аптада өтеді.", P, "келесі аптада", "2025-06", "month", "point"),
    # --- Chinese
    ("zh", "中方将在未来三年为地区国家提供奖学金。", P, "未来三年", "2028", "year", "duration"),
    ("zh", "该项目将于年底前建成。", P, "年底前", "2025", "year", "deadline"),
    ("zh", "双方商定明年春天举行会谈。", P, "明年春天", "2026", "year", "season"),
    ("zh", "部长们将于下周会晤。", P, "下周", "2025-06", "month", "point"),
]


@pytest.mark.parametrize(
    "language, sentence, published, span, value, precision, kind",
    PERIOD_CASES,
    ids=[f"{c[0]}-{c[3]}" for c in PERIOD_CASES],
)
def test_period_case(language: str, sentence: str, published: date, span: str, value: str,
                     precision: str, kind: str) -> None:
    found = find_dates(sentence, language, published)
    assert [d.text for d in found] == [span]
    expr = found[0]
    assert expr.start == sentence.index(span) and expr.end == expr.start + len(span)
    assert (expr.value.value, expr.value.precision, expr.kind) == (value, precision, kind)
    assert expr.relative or any(ch.isdigit() for ch in span)
    if kind == "duration":  # the end of the period, kept as a range's end too
        assert expr.end_value == expr.value


def test_enough_period_cases() -> None:
    assert len(PERIOD_CASES) >= 40
    for language in ("ru", "uk", "en", "kk", "zh"):
        assert sum(1 for c in PERIOD_CASES if c[0] == language) >= 4
    assert {c[6] for c in PERIOD_CASES} == {"duration", "deadline", "season", "point"}


@pytest.mark.parametrize("published, expected", [
    (date(2025, 1, 20), "2025"),   # a winter in progress: its January
    (date(2025, 6, 17), "2025"),   # the coming winter starts in December
    (date(2025, 12, 5), "2025"),
])
def test_a_bare_winter_takes_the_year_of_its_month_nearest_publication(published: date, expected: str) -> None:
    (expr,) = find_dates("Переговоры пройдут зимой.", "ru", published)
    assert (expr.value.value, expr.kind) == (expected, "season")


def test_season_modifiers() -> None:
    pub = date(2025, 10, 10)  # autumn in progress
    values = {d.text: d.value.value for d in find_dates(
        "прошлой осенью; этой осенью; следующей осенью; ближайшей осенью; этой весной", "ru", pub)}
    assert values == {"прошлой осенью": "2024", "этой осенью": "2025", "следующей осенью": "2026",
                      "ближайшей осенью": "2025", "этой весной": "2025"}


def test_kind_is_in_json_only_when_not_a_point() -> None:
    exprs = find_dates("в 2026 году и в течение трех лет", "ru", P)
    assert [d.to_json().get("kind") for d in exprs] == [None, "duration"]
    assert exprs[1].to_json()["end_value"] == "2028"


def test_periods_need_the_publication_date() -> None:
    found = find_dates("в течение трех лет, до конца года, весной, на следующей неделе, до конца 2026 года", "ru", None)
    assert [(d.text, d.kind) for d in found] == [("до конца 2026 года", "deadline")]


NON_DATES = [
    ("ru", "Подписано более 20 документов."),
    ("ru", "Число пользователей составило 670 млн человек."),
    ("ru", "Торжества по случаю 80-летия Победы."),
    ("ru", "Проведение 43-й сессии Генеральной конференции ЮНЕСКО."),
    ("ru", "Резолюция 77-й сессии Генеральной Ассамблеи ООН."),
    ("ru", "Глобальный горный саммит \"Бишкек+25\"."),
    ("ru", "Инициатива \"10-летие укрепления мира\"."),
    ("ru", "Погибших 40, более 1000 пострадали."),
    ("ru", "Закупили 2025 тонн зерна."),
    ("ru", "Лоян – древняя столица 13 династий."),
    ("ru", "За более чем 20 лет успешного функционирования."),
    ("ru", "За прошедший год сделано многое."),
    ("ru", "Это важно в среде экспертов и для окружающей среды."),
    ("ru", "В 1990-х годах и в 2000-е годы."),
    ("ru", "Международный год сохранения ледников-2025."),
    ("ru", "Первая, 5-я и 6-я встречи министров."),
    ("uk", "Підписано понад 20 документів."),
    ("en", "More than 20 documents were signed; 2000 people came."),
    ("en", "The parties may sign a deal; prices march upward."),
    ("en", "The 2025 SCO summit was held."),
    ("kk", "20 құжатқа қол қойылды."),
    # durations in the past, seasons that are names, "fall" the verb, numbers of things
    ("ru", "За шесть лет формат доказал свою пользу."),
    ("ru", "В течение последних трех лет торговля росла."),
    ("ru", "События Арабской весны изменили регион."),
    ("ru", "Компания выпустила три модели и пять серий."),
    ("ru", "Это конец истории."),
    ("uk", "Протягом останніх трьох років обсяг зріс."),
    ("en", "Trade doubled over the past five years."),
    ("en", "The Arab Spring changed the region."),
    ("en", "Prices may fall sharply; one of three plans failed."),
    ("en", "At the end of the talks the sides spoke."),
    ("kk", "Соңғы бес жыл ішінде сауда өсті."),
    ("kk", "Хат жаз және оны жібер."),
    ("zh", "双方庆祝建交三十周年。"),
]


@pytest.mark.parametrize("language, sentence", NON_DATES)
def test_non_dates_give_nothing(language: str, sentence: str) -> None:
    assert find_dates(sentence, language, P) == []


def test_without_published_relative_expressions_are_skipped() -> None:
    text = "Сегодня, в субботу, 31 августа и в 2026 году; 26 апреля 2025 года; в мае текущего года."
    found = find_dates(text, "ru", None)
    assert [(d.text, d.value.value) for d in found] == [
        ("в 2026 году", "2026"),
        ("26 апреля 2025 года", "2025-04-26"),
    ]
    assert not any(d.relative for d in found)


def test_relative_flag() -> None:
    found = {d.text: d.relative for d in find_dates("31 августа 2025 года и 31 августа", "ru", P)}
    assert found == {"31 августа 2025 года": False, "31 августа": True}


def test_day_without_year_far_ahead_is_last_year() -> None:
    (expr,) = find_dates("Визит состоялся 31 августа.", "ru", date(2025, 3, 1))
    assert expr.value.value == "2024-08-31"
    (expr,) = find_dates("Визит состоится 31 августа.", "ru", date(2025, 7, 1))
    assert expr.value.value == "2025-08-31"


def test_impossible_dates_are_not_days() -> None:
    assert [d.value.precision for d in find_dates("31 февраля", "ru", P)] == []


def test_unknown_language_keeps_numeric_dates() -> None:
    assert [d.text for d in find_dates("le 17.06.2025, 2026-2030", "fr", P)] == ["17.06.2025", "2026-2030"]


@pytest.mark.parametrize("language", sorted(p.name for p in RULES_DIR.iterdir() if (p / "dates.yaml").is_file()))
def test_grammar_compiles(language: str) -> None:
    grammar = grammar_for(language)
    assert grammar.rules and grammar.language == language


def test_unknown_macro_is_a_knowledge_base_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="NOPE"):
        _expand("{NOPE}", {}, "test rule")


# ---------------------------------------------------------------- properties

PIECES = sorted({c[3] for c in CASES}) + [
    "саммит", "стороны", "20", "670 млн", "80-летия", "Бишкек+25", "в", "и", "2025", "-", "года",
    "мая", "субботу", "13", "г.", "(", ")", "«", "»", "1.", "2В",
]
SEPARATORS = st.sampled_from([" ", ", ", ". ", "-", "–", "\n", "", " - "])


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
    out = parts[0]
    for part in parts[1:]:
        out += draw(SEPARATORS) + part
    return out


def _check_invariants(text: str, found: list[DateExpr]) -> None:
    last_end = 0
    for expr in found:
        assert expr.text == text[expr.start:expr.end]
        assert expr.start >= last_end, "overlapping or unsorted"
        assert expr.end > expr.start
        last_end = expr.end
        if expr.end_value is not None:
            assert expr.end_value.as_date() >= expr.value.as_date()


@settings(max_examples=300, deadline=None)
@given(texts(), st.sampled_from(["ru", "uk", "en", "kk", "zh"]), st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2040, 12, 31))))
def test_offsets_are_exact_and_disjoint(text: str, language: str, published: date | None) -> None:
    _check_invariants(text, find_dates(text, language, published))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["ru", "uk", "en", "kk", "zh"]))
def test_any_text_is_safe(text: str, language: str) -> None:
    _check_invariants(text, find_dates(text, language, P))


# ---------------------------------------------------------------- real seeds


def _seed(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return matches[0].read_text(encoding="utf-8")


SEED_EXPECTATIONS = [
    ("000", "ru", date(2025, 6, 17), "на 2026-2030 годы", "2026", "2030"),
    ("000", "ru", date(2025, 6, 17), "2026 год", "2026", None),
    ("001", "ru", date(2025, 9, 1), "31 августа", "2025-08-31", None),
    ("001", "ru", date(2025, 9, 1), "2025 года", "2025", None),
    ("002", "uk", date(2023, 5, 19), "у 2025 році", "2025", None),
    ("002", "uk", date(2023, 5, 19), "18-19 травня", "2023-05-18", "2023-05-19"),
    ("002", "uk", date(2023, 5, 19), "сьогодні", "2023-05-19", None),
    ("003", "ru", date(2025, 4, 27), "в субботу", "2025-04-26", None),
    ("003", "ru", date(2025, 4, 27), "в мае и в июне текущего года", "2025-05", "2025-06"),
    ("003", "ru", date(2025, 4, 27), "4-5 апреля 2025 года", "2025-04-04", "2025-04-05"),
    ("003", "ru", date(2025, 4, 27), "в 2027 году", "2027", None),
    ("003", "ru", date(2025, 4, 27), "30 октября - 13 ноября 2025 года", "2025-10-30", "2025-11-13"),
    ("003", "ru", date(2025, 4, 27), "2023-2027 годы", "2023", "2027"),
    ("003", "ru", date(2025, 4, 27), "в декабре 2024 года", "2024-12", None),
    ("004", "ru", date(2023, 11, 8), "в июле 2024 года", "2024-07", None),
    ("004", "ru", date(2023, 11, 8), "2024 год", "2024", None),
]


@pytest.mark.parametrize("prefix, language, published, span, value, end_value", SEED_EXPECTATIONS)
def test_seed_expression(prefix: str, language: str, published: date, span: str, value: str,
                         end_value: str | None) -> None:
    text = _seed(prefix)
    found = find_dates(text, language, published)
    _check_invariants(text, found)
    matching = [d for d in found if d.text == span]
    assert matching, f"{span!r} not found; found {[d.text for d in found]}"
    for expr in matching:
        assert expr.value.value == value
        assert (expr.end_value.value if expr.end_value else None) == end_value


def test_seed_numbers_that_are_not_dates() -> None:
    text = _seed("003")
    found = {d.text for d in find_dates(text, "ru", date(2025, 4, 27))}
    for number in ("43", "77", "25", "670", "13", "1000", "10"):
        assert not any(t.strip() == number or t.startswith(number + "-") for t in found)
    assert not any("ледников" in t for t in found)


def test_timing_on_the_long_seed() -> None:
    text = _seed("003")
    find_dates(text, "ru", date(2025, 4, 27))  # the grammar compiles once
    long_text = (text * (30_000 // len(text) + 1))[:30_000]
    start = time.perf_counter()
    found = find_dates(long_text, "ru", date(2025, 4, 27))
    elapsed = time.perf_counter() - start
    print(f"\nfind_dates on {len(long_text)} characters: {elapsed * 1000:.1f} ms, {len(found)} dates")
    assert elapsed < 0.5


EVES = [
    ("ru", "Накануне саммита министры провели переговоры."),
    ("ru", "Накануне предстоящего визита стороны обсудили повестку."),
    ("ru", "Накануне встречи министров эксперты провели консультации."),
    ("uk", "Напередодні саміту міністри провели переговори."),
    ("en", "On the eve of the summit, the ministers held talks."),
    ("en", "The day before the summit, the ministers held talks."),
]


@pytest.mark.parametrize("language,text", EVES)
def test_the_eve_of_an_event_is_not_a_date(language: str, text: str) -> None:
    assert find_dates(text, language, P) == []

"""The events stage: triggers per type (ru, uk), past versus future, slots, KB history, dedupe.

Every sentence here is composed for the test; none is taken from the seed texts. The
last test pins the events F1 on the dev gold so that a regression fails.
"""

from __future__ import annotations

from datetime import date

import pytest

from summitry.doc import Doc, Event
from summitry.pipeline import Pipeline


_PIPELINES: dict[str, Pipeline] = {}


def events_of(text: str, language: str, published: date = date(2025, 3, 12)) -> list[Event]:
    """The events of a text, through every stage up to and including events."""
    if language not in _PIPELINES:
        pipeline = Pipeline.for_language(language)
        pipeline.stages = [s for s in pipeline.stages if s.name != "commitments"]
        _PIPELINES[language] = pipeline
    doc = _PIPELINES[language](Doc(text, language=language, published=published))
    return doc.events


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, f"expected one {kind}, got {events}"
    return found[0]


# --- one trigger per type -------------------------------------------------------------
TYPES = [
    ("ru", "Касым-Жомарт Токаев провел переговоры с Си Цзиньпином в Астане.", "meeting"),
    ("ru", "Министры иностранных дел двух стран встретились в Ташкенте.", "meeting"),
    ("ru", "Вчера состоялась встреча Шавката Мирзиёева и Си Цзиньпина.", "meeting"),
    ("ru", "Касым-Жомарт Токаев провел телефонный разговор с Шавкатом Мирзиёевым.", "phone_call"),
    ("ru", "Шавкат Мирзиёев прибыл в Астану с государственным визитом.", "visit"),
    ("ru", "Президент посетил Пекин в прошлом месяце.", "visit"),
    ("ru", "Стороны подписали соглашение о сотрудничестве в сфере транспорта.", "signing"),
    ("ru", "В Ташкенте прошел международный инвестиционный форум.", "forum"),
    ("ru", "В Алматы состоялось открытие нового логистического центра.", "launch"),
    ("ru", "Компании запустили новый грузовой маршрут из Китая в Казахстан.", "launch"),
    ("ru", "Президент Казахстана принял участие в саммите ШОС.", "summit"),
    ("uk", "Касим-Жомарт Токаєв зустрівся з Сі Цзіньпіном у Пекіні.", "meeting"),
    ("uk", "У Пекіні відбулися переговори міністрів закордонних справ.", "meeting"),
    ("uk", "Лідери провели телефонну розмову.", "phone_call"),
    ("uk", "Президент Узбекистану відвідав Астану.", "visit"),
    ("uk", "Сторони підписали угоду про співпрацю в галузі енергетики.", "signing"),
    ("uk", "У Самарканді відбувся міжнародний форум.", "forum"),
    ("uk", "У Сіані пройшов саміт, що завершився вчора.", "summit"),
]


@pytest.mark.parametrize("language,text,kind", TYPES)
def test_event_type(language: str, text: str, kind: str) -> None:
    event = only(events_of(text, language), kind)
    assert event.plover == {"signing": "AGREE", "launch": "COOPERATE"}.get(kind, "CONSULT")
    assert event.evidence and event.evidence[0].start == 0


# --- past versus future: planned events are commitments, not events ---------------------
FUTURE = [
    ("ru", "Следующая встреча министров состоится в 2026 году в Китае."),
    ("ru", "Договор будет подписан по итогам саммита."),
    ("ru", "Стороны обсудили перечень документов, планируемых к подписанию."),
    ("ru", "В преддверии предстоящего визита президента стороны обсудили повестку."),
    ("ru", "Президент планирует посетить Китай в сентябре."),
    ("ru", "Стороны выразили готовность провести встречу в Астане."),
    ("ru", "Встреча так и не состоялась."),
    ("ru", "Стороны приветствовали скорейшее открытие нового центра в Ташкенте."),
    ("ru", "Лидеры проведут переговоры в Пекине."),
    ("uk", "Наступний саміт відбудеться у Казахстані у 2027 році."),
    ("uk", "Угоду буде підписано найближчим часом."),
    ("uk", "Саміти проходитимуть кожні два роки."),
    ("uk", "Президент планує відвідати Китай."),
]


@pytest.mark.parametrize("language,text", FUTURE)
def test_future_is_not_an_event(language: str, text: str) -> None:
    assert events_of(text, language) == []


# --- slots ------------------------------------------------------------------------------
def test_date_place_participants_from_the_clause() -> None:
    text = (
        "3 июля 2024 года в Астане Президент Казахстана Касым-Жомарт Токаев провел "
        "переговоры с Председателем КНР Си Цзиньпином."
    )
    event = only(events_of(text, "ru", date(2024, 7, 4)), "meeting")
    assert event.date is not None and (event.date.value, event.date.precision) == ("2024-07-03", "day")
    assert event.place == "place:astana"
    assert {"person:kassym-jomart-tokayev", "person:xi-jinping", "country:KAZ", "country:CHN"} <= set(
        event.participants
    )


def test_excluded_state_is_not_a_participant() -> None:
    text = "В Ташкенте прошла встреча лидеров Китая и Узбекистана без России."
    event = only(events_of(text, "ru"), "meeting")
    assert "country:RUS" not in event.participants


def test_undated_event_takes_publication_year() -> None:
    event = only(events_of("Стороны подписали меморандум о сотрудничестве.", "ru"), "signing")
    assert event.date is not None and (event.date.value, event.date.precision) == ("2025", "year")


def test_dateline_gives_date_and_place() -> None:
    text = "Ташкент, 10 марта /Агентство/ -- Министры провели переговоры по вопросам торговли."
    event = only(events_of(text, "ru"), "meeting")
    assert event.date is not None and event.date.value == "2025-03-10"
    assert event.place == "place:tashkent"


COUNTS = [
    ("ru", "Стороны подписали пять документов о сотрудничестве в области энергетики и образования.", 5, ["energy", "education"]),
    ("ru", "По итогам переговоров было подписано более 15 соглашений.", 15, []),
    ("ru", "Было объявлено о подписании свыше 30 документов в сфере торговли.", 30, ["trade"]),
    ("uk", "Сторони підписали понад 12 документів про співпрацю в галузі транспорту.", 12, ["transport"]),
    ("uk", "Було підписано три угоди.", 3, []),
]


@pytest.mark.parametrize("language,text,count,topics", COUNTS)
def test_signing_counts_and_topics(language: str, text: str, count: int, topics: list[str]) -> None:
    event = only(events_of(text, language), "signing")
    assert event.documents and event.documents[0].count == count
    assert [t for t in event.documents[0].topics if t in topics] == topics


def test_signing_title_in_quotes() -> None:
    text = "Лидеры подписали «Договор о вечной дружбе и сотрудничестве»."
    event = only(events_of(text, "ru"), "signing")
    assert event.documents[0].title == "Договор о вечной дружбе и сотрудничестве"


def test_signing_shares_the_setting_of_its_meeting() -> None:
    text = (
        "12 марта в Пекине Си Цзиньпин провел встречу с Касым-Жомартом Токаевым. "
        "По итогам встречи было объявлено о подписании 10 документов."
    )
    events = events_of(text, "ru")
    signing = only(events, "signing")
    assert signing.date is not None and signing.date.value == "2025-03-12"
    assert signing.place == "place:beijing"
    assert {"person:xi-jinping", "person:kassym-jomart-tokayev"} <= set(signing.participants)


# --- ordinal + the knowledge base's history ----------------------------------------------
HISTORY = [
    ("ru", "Президент принял участие во втором саммите «Китай – Центральная Азия».", date(2025, 6, 20), "2nd China–Central Asia Summit", "place:astana"),
    ("uk", "Учора пройшов перший саміт «Китай – Центральна Азія».", date(2023, 5, 20), "1st China–Central Asia Summit", "place:xian"),
    ("ru", "Министры обсудили итоги 5-й встречи министров иностранных дел формата «Китай – Центральная Азия», прошедшей в Китае.", date(2025, 1, 10), "5th China–Central Asia Foreign Ministers' Meeting", "place:chengdu"),
]


@pytest.mark.parametrize("language,text,published,title,place", HISTORY)
def test_ordinal_finds_the_meeting_in_the_kb(kb, language: str, text: str, published: date, title: str, place: str) -> None:
    events = events_of(text, language, published)
    assert len(events) == 1
    event = events[0]
    assert event.title == title and event.place == place
    assert event.format == "format:china-central-asia"


def test_format_meeting_without_names_has_the_members(kb) -> None:
    text = "Стороны напомнили об итогах 5-й встречи министров иностранных дел формата «Китай – Центральная Азия», прошедшей в декабре 2024 года."
    event = only(events_of(text, "ru"), "meeting")
    assert set(event.participants) == set(kb["format:china-central-asia"].members)
    assert event.date is not None and event.date.value == "2024-12"


# --- one event reported twice is one record --------------------------------------------
def test_lead_and_body_are_one_event() -> None:
    text = (
        "В Астане в пятницу состоялась встреча министров иностранных дел. "
        "Министры обсудили вопросы торговли. "
        "7 марта 2025 года в Астане состоялась встреча министров иностранных дел. "
        "Во встрече приняли участие Мурат Нуртлеу и Ван И."
    )
    event = only(events_of(text, "ru"), "meeting")
    assert len(event.evidence) == 3
    assert {"person:murat-nurtleu", "person:wang-yi"} <= set(event.participants)
    assert event.date is not None and event.date.value == "2025-03-07"


def test_two_different_meetings_stay_apart() -> None:
    text = (
        "В мае 2024 года в Астане состоялась 4-я встреча министров транспорта. "
        "В марте 2025 года в Пекине состоялась 5-я встреча министров транспорта."
    )
    assert len([e for e in events_of(text, "ru") if e.type == "meeting"]) == 2


def test_past_event_at_reports_evidence() -> None:
    from summitry.stages.events import past_event_at

    pipeline = Pipeline.for_language("ru")
    pipeline.stages = [s for s in pipeline.stages if s.name != "commitments"]
    text = "Стороны подписали соглашение. Следующая встреча состоится в 2026 году."
    doc = pipeline(Doc(text, language="ru", published=date(2025, 3, 12)))
    assert past_event_at(doc, 0, 10) is not None
    assert past_event_at(doc, text.index("Следующая"), len(text)) is None


# --- accuracy floor on the dev gold ------------------------------------------------------

# The dev-gold floors for events live in tests/test_accuracy.py with the other layers.


# --- setting, headline, validity period, hosting, anaphora ------------------------------
def test_talks_during_a_visit_take_its_date_and_place() -> None:
    text = (
        "Президент Узбекистана 10 марта прибыл в Пекин с государственным визитом. "
        "Шавкат Мирзиёев провел переговоры с Си Цзиньпином. "
        "Стороны подписали пакет соглашений."
    )
    events = events_of(text, "ru")
    meeting, signing = only(events, "meeting"), only(events, "signing")
    for event in (meeting, signing):
        assert event.date is not None and event.date.value == "2025-03-10"
        assert event.place == "place:beijing"


def test_signing_in_the_next_sentences_shares_its_summit() -> None:
    text = (
        "У середу в Душанбе відбувся саміт. Сторони обговорили питання торгівлі. "
        "Також лідери підписали угоду про транспорт."
    )
    events = events_of(text, "uk")
    summit, signing = only(events, "summit"), only(events, "signing")
    assert summit.date is not None and summit.date.precision == "day"
    assert signing.date == summit.date and signing.place == "place:dushanbe"


def test_relative_clause_dates_its_head_noun() -> None:
    text = "The forum was opened during the president's state visit to China, which began on Monday."
    visit = only(events_of(text, "en", date(2025, 3, 12)), "visit")
    assert visit.date is not None and visit.date.value == "2025-03-10"


@pytest.mark.parametrize("language, text", [
    ("en", "President Mirziyoyev, who arrived in Beijing on Monday, held talks with Xi Jinping on Tuesday."),
    ("ru", "Шавкат Мирзиёев, который прибыл в Пекин в понедельник, провел во вторник переговоры с Си Цзиньпином."),
])
def test_an_aside_before_the_trigger_dates_something_else(language: str, text: str) -> None:
    meeting = only(events_of(text, language, date(2025, 3, 12)), "meeting")
    assert meeting.date is not None and meeting.date.value == "2025-03-11"


PERIODS = [
    ("ru", "12 марта министры подписали Программу сотрудничества на 2026–2028 годы.", "на 2026–2028 годы"),
    ("ru", "12 марта министры утвердили и подписали Концепцию развития туризма до 2040 года.", "до 2040 года"),
    ("uk", "12 березня міністри підписали Стратегію розвитку співпраці до 2035 року.", "до 2035 року"),
    ("en", "On 12 March the ministers signed a transport strategy until 2040.", "until 2040"),
]


@pytest.mark.parametrize("language,text,period", PERIODS)
def test_validity_period_is_not_the_signing_date(language: str, text: str, period: str) -> None:
    signing = only(events_of(text, language), "signing")
    assert signing.date is not None and signing.date.value == "2025-03-12"
    assert signing.documents and signing.documents[0].title and signing.documents[0].title.endswith(period)


def test_headline_is_not_an_event_of_its_own() -> None:
    text = (
        "Министры подписали соглашение о транзите\n\n"
        "В понедельник в Ташкенте министры транспорта подписали соглашение о транзите грузов."
    )
    signing = only(events_of(text, "ru"), "signing")
    assert signing.date is not None and signing.date.value == "2025-03-10"
    assert len(signing.evidence) == 2


HOSTING = [
    ("ru", "Вчера Касым-Жомарт Токаев принял в Акорде делегацию Китая.", "meeting"),
    ("ru", "Токаев принимает в Акорде своего китайского коллегу Ли Цяна.", "meeting"),
    ("uk", "Учора Шавкат Мірзійоєв прийняв у Ташкенті лідерів трьох держав на саміті.", "summit"),
    ("en", "Tokayev hosted the leaders of four states at a summit in Astana on Monday.", "summit"),
]


@pytest.mark.parametrize("language,text,kind", HOSTING)
def test_hosting_is_a_meeting_or_the_event_hosted(language: str, text: str, kind: str) -> None:
    only(events_of(text, language), kind)


def test_adopting_a_document_is_not_hosting() -> None:
    events = events_of("Министры приняли декларацию, которую подписали президенты.", "ru")
    assert all(e.type != "meeting" for e in events)


LAUNCHES = [
    ("ru", "В субботу в Бишкеке прошла церемония закладки первого камня нового завода."),
    ("ru", "В Алматы состоялась церемония начала строительства логистического центра."),
    ("uk", "У Ташкенті відбувся старт будівництва нової дороги."),
    ("en", "A groundbreaking ceremony was held in Almaty on Friday."),
]


@pytest.mark.parametrize("language,text", LAUNCHES)
def test_launch_nouns(language: str, text: str) -> None:
    only(events_of(text, language), "launch")


def test_last_years_summit_is_a_past_event_of_that_year() -> None:
    text = "Министры вспомнили решения, принятые на прошлогоднем саммите в Астане."
    summit = only(events_of(text, "ru"), "summit")
    assert summit.date is not None and (summit.date.value, summit.date.precision) == ("2024", "year")


def test_participation_anaphora_joins_the_summit() -> None:
    text = (
        "В понедельник в Астане состоялся саммит глав государств. "
        "В нем приняли участие Шавкат Мирзиёев и Садыр Жапаров. "
        "Заседание открыл Касым-Жомарт Токаев. "
        "Китай представлял министр иностранных дел Ван И."
    )
    events = events_of(text, "ru")
    assert [e.type for e in events] == ["summit"]
    people = {"person:shavkat-mirziyoyev", "person:sadyr-japarov", "person:kassym-jomart-tokayev", "person:wang-yi"}
    assert people <= set(events[0].participants)


def test_arrivals_for_a_meeting_are_attendance() -> None:
    text = (
        "Во вторник в Ташкенте состоялось заседание министров иностранных дел. "
        "В Ташкент прибыли министр иностранных дел России Сергей Лавров и глава МИД Китая Ван И."
    )
    events = events_of(text, "ru")
    assert [e.type for e in events] == ["meeting"]
    assert {"person:sergey-lavrov", "person:wang-yi"} <= set(events[0].participants)


def test_collective_subject_signs_for_those_who_met() -> None:
    text = (
        "В понедельник в Астане состоялся саммит. В нем приняли участие Шавкат Мирзиёев и Садыр Жапаров. "
        "По итогам саммита главы государств подписали декларацию."
    )
    signing = only(events_of(text, "ru"), "signing")
    assert {"person:shavkat-mirziyoyev", "person:sadyr-japarov"} <= set(signing.participants)


def test_on_the_eve_is_not_a_future_cue() -> None:
    text = "Накануне саммита, в четверг, в Бишкеке министры подписали соглашение."
    only(events_of(text, "ru"), "signing")


# --- summits: leaders of a multilateral format, however the text names their meeting ----
SUMMIT_LEVEL = [
    ("ru", "В Минске состоялось заседание Совета глав правительств СНГ.", "summit"),
    ("ru", "Премьер-министр принял участие в заседании Совета глав правительств государств – членов ШОС.", "summit"),
    ("ru", "В Астане прошла встреча глав правительств государств – членов ШОС.", "summit"),
    ("ru", "Совет глав правительств СНГ провел заседание в Минске.", "summit"),
    ("ru", "В Астане прошла встреча глав правительств Казахстана и Узбекистана.", "meeting"),
    ("ru", "Совет министров иностранных дел провел заседание.", "meeting"),
    ("uk", "У Бішкеку відбулося засідання Ради глав урядів ШОС.", "summit"),
    ("uk", "Прем'єр-міністр взяв участь у засіданні Ради глав урядів держав – членів ШОС.", "summit"),
    ("en", "A meeting of the SCO Council of Heads of State was held in Tianjin.", "summit"),
    ("en", "The meeting of heads of government of the SCO took place in Bishkek.", "summit"),
    ("en", "The CIS heads of state meeting took place in Dushanbe.", "summit"),
    ("en", "The SCO Council of Heads of Government held its meeting in Moscow.", "summit"),
    ("kk", "Астанада ШЫҰ Мемлекет басшылары кеңесінің отырысы өтті.", "summit"),
    ("kk", "Бішкекте ШЫҰ Үкімет басшылары кеңесінің отырысы өтті.", "summit"),
]


@pytest.mark.parametrize("language,text,kind", SUMMIT_LEVEL)
def test_leaders_of_a_multilateral_format_meet_at_a_summit(language: str, text: str, kind: str) -> None:
    assert [e.type for e in events_of(text, language)] == [kind]


# --- signings: every party that signs ---------------------------------------------------
SIGNERS = [
    ("ru", "Казахстанская и китайская стороны подписали соглашение о транзите.", {"country:KAZ", "country:CHN"}),
    ("ru", "Соглашение подписано между Министерством энергетики Казахстана и компанией CNPC.",
     {"country:KAZ", "organization:cnpc"}),
    ("ru", "Состоялась церемония подписания соглашения между КТЖ и China Railway.",
     {"organization:kazakhstan-temir-zholy", "organization:china-railway"}),
    ("en", "The Kazakh and Chinese sides signed an agreement on transit.", {"country:KAZ", "country:CHN"}),
    ("en", "An agreement was signed by the Ministry of Energy of Kazakhstan and CNPC.",
     {"country:KAZ", "organization:cnpc"}),
    ("en", "The Ministry of Energy of Kazakhstan signed an agreement with CNPC.", {"country:KAZ", "organization:cnpc"}),
    ("uk", "Казахстанська та китайська сторони підписали угоду.", {"country:KAZ", "country:CHN"}),
]


@pytest.mark.parametrize("language,text,parties", SIGNERS)
def test_signing_participants_are_all_its_signers(language: str, text: str, parties: set[str]) -> None:
    assert set(only(events_of(text, language), "signing").participants) == parties


def test_topic_of_a_signed_document_is_not_a_signer() -> None:
    event = only(events_of("Стороны подписали соглашение о создании Регионального центра ООН.", "ru"), "signing")
    assert not any(p.startswith("organization:") for p in event.participants)


# --- gatherings under way now: present events, dated to publication ---------------------
UNDER_WAY = [
    ("ru", "Очередное заседание Совета министров иностранных дел ШОС проходит в Тяньцзине.", "meeting"),
    ("ru", "В Ташкенте проходит очередной саммит.", "summit"),
    ("ru", "В Астане продолжается работа форума.", "forum"),
    ("uk", "У Тяньцзіні триває саміт ШОС.", "summit"),
    ("uk", "Чергове засідання Ради міністрів закордонних справ ШОС проходить у Тяньцзіні.", "meeting"),
    ("en", "The SCO summit is under way in Tianjin.", "summit"),
    ("en", "The Astana International Forum is taking place in Astana.", "forum"),
    ("kk", "Астанада халықаралық форум өтіп жатыр.", "forum"),
]


@pytest.mark.parametrize("language,text,kind", UNDER_WAY)
def test_gathering_under_way_is_a_present_event(language: str, text: str, kind: str) -> None:
    from summitry import extract

    doc = extract(text, language=language, published="2025-03-12")
    event = only(doc.events, kind)
    assert event.date is not None and (event.date.value, event.date.precision) == ("2025-03-12", "day")
    assert [c for c in doc.commitments if c.kind == "scheduled_event"] == []


NOT_UNDER_WAY = [
    ("ru", "Очередной саммит ШОС пройдет в Бишкеке в 2026 году."),
    ("ru", "Саммиты проходят ежегодно."),
    ("uk", "Сторони домовилися провести наступний саміт у 2026 році."),
    ("uk", "Наступний саміт відбудеться в Бішкеку."),
]


@pytest.mark.parametrize("language,text", NOT_UNDER_WAY)
def test_planned_or_habitual_gathering_is_no_event(language: str, text: str) -> None:
    assert events_of(text, language) == []


def test_next_day_report_is_an_event_not_a_plan() -> None:
    from summitry import extract

    doc = extract("На следующий день состоялась встреча министров.", language="ru", published="2025-03-12")
    assert [e.type for e in doc.events] == ["meeting"] and doc.commitments == []


# --- generalization: cases that held-out texts showed missing ---------------------------
GENERAL = [
    # a long subject before "took place"; "hosted by" names the host, not a meeting of its own
    ("en", "The third summit between the European Union and the five Central Asian states took place "
           "in Astana on Monday, hosted by President Kassym-Jomart Tokayev.", ["summit"]),
    # an agreement entering into force is a launch
    ("en", "The agreement between Uzbekistan and China on visa exemption entered into force on Monday.", ["launch"]),
    ("ru", "Соглашение между Узбекистаном и Китаем о взаимном безвизовом режиме вступило в силу в понедельник.", ["launch"]),
    # appraisal of a past event's outcome is no report of it
    ("ru", "Министр высоко оценил итоги прошедшего саммита в Астане.", []),
    ("en", "The minister praised the results of the summit held in Astana.", []),
    # a gathering whose long dependents name defence ministers, with a relative clause
    ("uk", "Нарада міністрів оборони держав – членів ШОС, яка проходила 12 березня в Астані, "
           "завершилася без спільної заяви.", ["meeting"]),
    # being somewhere on a visit is a visit
    ("ru", "Министр иностранных дел Китая Ван И, находящийся в Казахстане с официальным визитом, "
           "встретился с Мураром Нуртлеу.", ["meeting", "visit"]),
]


@pytest.mark.parametrize("language,text,kinds", GENERAL)
def test_general_event_cues(language: str, text: str, kinds: list[str]) -> None:
    assert sorted(e.type for e in events_of(text, language)) == kinds


def test_a_war_against_a_state_does_not_make_it_a_participant() -> None:
    text = "Засідання міністрів відбулося в Астані на тлі війни Росії проти України."
    event = only(events_of(text, "uk"), "meeting")
    assert "country:UKR" not in event.participants


def test_opening_and_attendance_join_the_summit_reported_before() -> None:
    text = (
        "Второй саммит «Центральная Азия – Китай» состоялся в четверг в Астане. "
        "Встречу открыл президент Казахстана Касым-Жомарт Токаев, председательствующий в формате в этом году."
    )
    events = events_of(text, "ru")
    assert [e.type for e in events] == ["summit"]
    assert "person:kassym-jomart-tokayev" in events[0].participants


def test_a_re_mention_naming_one_side_is_the_same_meeting() -> None:
    text = (
        "В Астане 10 марта состоялось заседание межправительственного комитета Казахстана и Китая. "
        "С казахстанской стороны заседание провел Олжас Бектенов."
    )
    event = only(events_of(text, "ru"), "meeting")
    assert event.date is not None and event.date.value == "2025-03-10"


def test_bilateral_talks_on_the_sidelines_are_an_event_of_their_own() -> None:
    text = (
        "Нарада міністрів закордонних справ ШОС відбулася 10 березня в Астані. "
        "Того ж дня на полях наради Ван І провів переговори з Сергієм Лавровим."
    )
    assert len([e for e in events_of(text, "uk") if e.type == "meeting"]) == 2


def test_passive_signing_at_a_summit_is_by_all_who_took_part() -> None:
    text = (
        "Саммит ШОС прошел 10 марта в Астане. "
        "В саммите приняли участие Касым-Жомарт Токаев, Си Цзиньпин и Шавкат Мирзиёев. "
        "По итогам саммита было подписано совместное коммюнике."
    )
    signing = only(events_of(text, "ru"), "signing")
    assert {"person:xi-jinping", "person:shavkat-mirziyoyev"} <= set(signing.participants)


def test_ceremony_after_a_signing_names_its_signers() -> None:
    text = (
        "Компанії «Казмунайгаз» і CNPC у середу в Астані підписали пакет документів. "
        "Церемонія відбулася за участі президента Казахстану Касима-Жомарта Токаєва."
    )
    signing = only(events_of(text, "uk"), "signing")
    assert "person:kassym-jomart-tokayev" in signing.participants


def test_eve_is_the_day_before_the_story_event() -> None:
    text = (
        "В Бишкеке 13 марта состоялось заседание межправкомитета Кыргызстана и Китая. "
        "Накануне делегацию КНР принял председатель Кабинета министров Акылбек Жапаров."
    )
    dates = sorted(e.date.value for e in events_of(text, "ru", published=date(2025, 3, 14)) if e.date)
    assert dates == ["2025-03-12", "2025-03-13"]


def test_a_place_the_document_is_about_is_not_the_signing_place() -> None:
    text = "По итогам встречи в Бишкеке подписано соглашение о модернизации пункта пропуска «Торугарт»."
    signing = only(events_of(text, "ru"), "signing")
    assert signing.place == "place:bishkek"


def test_chinese_dateline_is_not_the_events_date() -> None:
    text = "新华社北京3月12日电 中国－中亚外长会晤10日在阿斯塔纳举行。"
    event = only(events_of(text, "zh"), "meeting")
    assert event.place == "place:astana"


def test_headline_place_fills_the_body_event() -> None:
    text = "Саммит ШОС прошел в Астане\n\nСегодня в столице состоялся саммит ШОС."
    event = only(events_of(text, "ru"), "summit")
    assert event.place == "place:astana"


def test_dateline_with_the_state_between_place_and_date() -> None:
    text = "ASTANA, Kazakhstan, March 12 (Trend) - On Tuesday, Wang Yi held talks with Murat Nurtleu."
    event = only(events_of(text, "en"), "meeting")
    assert event.place == "place:astana"


def test_body_represented_by_delegates_takes_part() -> None:
    text = (
        "The SCO summit took place in Astana on Tuesday. "
        "The European Union was represented by Ursula von der Leyen."
    )
    event = only(events_of(text, "en"), "summit")
    assert {"organization:european-union", "person:ursula-von-der-leyen"} <= set(event.participants)


def test_a_visits_people_are_the_visitors_not_the_host() -> None:
    text = ("Президент Кыргызстана Садыр Жапаров, находящийся в Китае с государственным визитом, "
            "сегодня провел в Пекине переговоры с председателем КНР Си Цзиньпином.")
    events = events_of(text, "ru", date(2025, 11, 19))
    visit = only(events, "visit")
    assert "person:sadyr-japarov" in visit.participants
    assert "person:xi-jinping" not in visit.participants
    assert "country:CHN" in visit.participants
    assert "person:xi-jinping" in only(events, "meeting").participants


def test_witnessing_a_signing_is_a_signing_with_its_count() -> None:
    text = "On Monday the two presidents witnessed the signing of seven documents in Astana."
    signing = only(events_of(text, "en", date(2025, 3, 12)), "signing")
    assert [d.count for d in signing.documents] == [7]


@pytest.mark.parametrize("language, text, kind, states", [
    ("ru", "Вчера в Ташкенте прошел узбекско-китайский инвестиционный форум.", "forum", {"country:UZB", "country:CHN"}),
    ("uk", "Учора відбулися китайсько-казахстанські переговори.", "meeting", {"country:CHN", "country:KAZ"}),
    ("en", "The Kazakh-Chinese business forum was held in Almaty on Monday.", "forum", {"country:KAZ", "country:CHN"}),
])
def test_a_compound_adjective_of_states_names_the_events_parties(language: str, text: str, kind: str,
                                                                  states: set[str]) -> None:
    event = only(events_of(text, language), kind)
    assert {p for p in event.participants if p.startswith("country:")} == states


def test_a_single_state_adjective_on_the_event_is_not_a_party() -> None:
    event = only(events_of("Вчера в Ташкенте прошел китайский инвестиционный форум.", "ru"), "forum")
    assert "country:CHN" not in event.participants


def test_a_phone_call_takes_no_place_from_the_dateline() -> None:
    text = "Астана, 5 марта. Касым-Жомарт Токаев сегодня провел телефонный разговор с Си Цзиньпином."
    call = only(events_of(text, "ru", date(2025, 3, 5)), "phone_call")
    assert call.place is None and call.date is not None and call.date.value == "2025-03-05"


def test_a_venue_places_the_event_in_its_city() -> None:
    text = "Сегодня Си Цзиньпин провел переговоры с Шавкатом Мирзиёевым в Доме народных собраний."
    meeting = only(events_of(text, "ru", date(2025, 3, 12)), "meeting")
    assert meeting.place == "place:beijing"


@pytest.mark.parametrize("language, text", [
    ("ru", "В четверг в Бишкеке состоялась сессия Совета коллективной безопасности ОДКБ."),
    ("uk", "У четвер у Бішкеку відбулася сесія Ради колективної безпеки ОДКБ."),
])
def test_a_session_of_the_cstos_council_of_leaders_is_a_summit(language: str, text: str) -> None:
    summit = only(events_of(text, language, date(2025, 11, 28)), "summit")
    assert summit.date is not None and summit.date.value == "2025-11-27"


def test_an_event_its_own_clause_dates_after_publication_is_a_plan() -> None:
    text = "Киргизстан, який нині головує в ШОС, прийме саміт організації влітку 2026 року."
    assert events_of(text, "uk", date(2025, 11, 28)) == []


# --- generalization: slots, settings and places (sentences composed for these tests) ---------
def test_a_state_before_a_relative_pronoun_holds_the_event() -> None:
    text = "Председательство перешло к Казахстану, который в июле 2024 года провел саммит в Астане."
    summit = only(events_of(text, "ru", date(2025, 9, 16)), "summit")
    assert "country:KAZ" in summit.participants


def test_a_person_before_a_relative_pronoun_still_wins() -> None:
    text = "Касым-Жомарт Токаев, который вчера провел переговоры с Си Цзиньпином, вернулся в Астану."
    meeting = only(events_of(text, "ru"), "meeting")
    assert "person:kassym-jomart-tokayev" in meeting.participants


def test_a_setting_link_names_its_event_by_its_noun() -> None:
    text = (
        "3 марта в Астане состоялось заседание Совета глав государств ШОС. "
        "Накануне заседания, 2 марта, Си Цзиньпин встретился с Владимиром Путиным. "
        "По итогам заседания лидеры подписали декларацию."
    )
    signing = only(events_of(text, "ru", date(2025, 3, 4)), "signing")
    assert signing.date is not None and signing.date.value == "2025-03-03"


def test_a_participial_aside_keeps_its_own_clause() -> None:
    text = ("Президент Узбекистана Шавкат Мирзиёев, находящийся в Казахстане с государственным визитом, "
            "сегодня провел переговоры с Касым-Жомартом Токаевым в Астане.")
    events = events_of(text, "ru", date(2025, 3, 12))
    visit, meeting = only(events, "visit"), only(events, "meeting")
    assert meeting.date is not None and meeting.date.value == "2025-03-12"
    assert visit.date is not None and visit.date.precision == "month"  # the text does not say when it began


def test_a_visit_is_paid_to_the_host_state() -> None:
    visit = only(events_of("Шавкат Мирзиёев прибыл в Пекин с государственным визитом.", "ru"), "visit")
    assert {"person:shavkat-mirziyoyev", "country:UZB", "country:CHN"} <= set(visit.participants)


def test_a_signing_its_clause_dates_months_before_the_meeting_keeps_its_own_parties() -> None:
    text = (
        "В понедельник в Бишкеке прошла встреча министров иностранных дел Кыргызстана, Таджикистана и Китая. "
        "Министры назвали договор о границе между Кыргызстаном и Таджикистаном, подписанный в марте, "
        "важным шагом."
    )
    signing = only(events_of(text, "ru", date(2025, 7, 15)), "signing")
    assert set(signing.participants) == {"country:KGZ", "country:TJK"}
    assert signing.date is not None and signing.date.value == "2025-03"


def test_an_undated_signing_after_a_meeting_is_still_held_in_it() -> None:
    text = (
        "В понедельник в Бишкеке прошла встреча министров иностранных дел Кыргызстана и Китая. "
        "По итогам встречи подписано соглашение о транзите."
    )
    signing = only(events_of(text, "ru", date(2025, 7, 15)), "signing")
    assert {"country:KGZ", "country:CHN"} <= set(signing.participants)
    assert signing.date is not None and signing.date.value == "2025-07-14"


@pytest.mark.parametrize("text, place", [
    # the lake is what the talks were near: the dateline names the town
    ("CHOLPON-ATA, August 3 - The foreign ministers of Kazakhstan and Kyrgyzstan met on the shores "
     "of Lake Issyk-Kul on Saturday.", "place:cholpon-ata"),
    # with no dateline the lake is all the text says
    ("The foreign ministers of Kazakhstan and Kyrgyzstan met on the shores of Lake Issyk-Kul on Saturday.",
     "place:issyk-kul"),
    # a dateline in another state is where the story was filed, not where they met
    ("ALMATY, August 3 - The foreign ministers of Kazakhstan and Kyrgyzstan met on the shores "
     "of Lake Issyk-Kul on Saturday.", "place:issyk-kul"),
])
def test_an_event_near_a_lake_is_placed_in_the_datelines_town(text: str, place: str) -> None:
    meeting = only(events_of(text, "en", date(2025, 8, 3)), "meeting")
    assert meeting.place == place


def test_who_welcomes_the_participants_takes_part_but_signs_nothing() -> None:
    text = (
        "Вчера в Астане прошла встреча министров энергетики Казахстана и Китая. "
        "Приветствуя участников, премьер-министр Олжас Бектенов отметил рост торговли с Россией. "
        "По итогам встречи министры подписали меморандум."
    )
    events = events_of(text, "ru", date(2025, 3, 12))
    meeting, signing = only(events, "meeting"), only(events, "signing")
    assert "person:olzhas-bektenov" in meeting.participants
    assert "country:RUS" not in meeting.participants  # named in the sentence, not its subject
    assert "person:olzhas-bektenov" not in signing.participants


@pytest.mark.parametrize("language, text", [
    ("ru", "Вчера в Бишкеке прошла встреча глав МИД Казахстана и Кыргызстана. "
           "Делегации возглавили Мурат Нуртлеу и Жээнбек Кулубаев."),
    ("uk", "Учора в Бішкеку відбулася зустріч міністрів закордонних справ Казахстану та Киргизстану. "
           "Делегації очолили Мурат Нуртлеу і Жээнбек Кулубаєв."),
])
def test_heads_of_delegations_take_part(language: str, text: str) -> None:
    meeting = only(events_of(text, language), "meeting")
    assert {"person:murat-nurtleu", "person:zheenbek-kulubaev"} <= set(meeting.participants)


def test_a_coreference_joins_the_meeting_its_people_took_part_in() -> None:
    text = (
        "Today President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi at Akorda. "
        "On Monday, the foreign ministers of Kazakhstan and China held talks in Astana. "
        "During the meeting at Akorda, Tokayev praised the growth of trade."
    )
    meetings = [e for e in events_of(text, "en", date(2025, 3, 12)) if e.type == "meeting"]
    talks = next(m for m in meetings if m.date is not None and m.date.value == "2025-03-10")
    assert "person:kassym-jomart-tokayev" not in talks.participants


def test_a_subject_pronoun_is_the_one_person_named_before() -> None:
    text = ("Для Владимира Путина это была первая поездка в регион. "
            "Накануне саммита он встретился в Астане с Си Цзиньпином.")
    meeting = only(events_of(text, "ru"), "meeting")
    assert {"person:vladimir-putin", "person:xi-jinping"} <= set(meeting.participants)


def test_a_subject_pronoun_with_two_people_before_stays_unresolved() -> None:
    text = ("Об этом не раз говорили Касым-Жомарт Токаев и Владимир Путин. "
            "Накануне саммита он встретился в Астане с Си Цзиньпином.")
    meetings = [e for e in events_of(text, "ru") if e.type == "meeting"]
    assert meetings and not {"person:vladimir-putin", "person:kassym-jomart-tokayev"} & set(meetings[0].participants)


@pytest.mark.parametrize("language, text, day", [
    ("ru", "В среду, 5 марта, в Астане прошел саммит ШОС. Днем ранее министры иностранных дел провели встречу.",
     "2025-03-04"),
    ("en", "The SCO summit was held in Astana on Wednesday, March 5. Two days earlier, the foreign ministers met.",
     "2025-03-03"),
])
def test_days_back_count_from_the_story_event(language: str, text: str, day: str) -> None:
    meeting = only(events_of(text, language, date(2025, 3, 7)), "meeting")
    assert meeting.date is not None and meeting.date.value == day


@pytest.mark.parametrize("language, text, party", [
    ("ru", "Вчера в Ташкенте подписаны соглашения с китайскими компаниями.", "country:CHN"),
    ("uk", "Учора в Ташкенті підписано угоди з китайськими компаніями.", "country:CHN"),
    ("en", "On Monday Uzbekistan signed deals with Chinese companies.", "country:CHN"),
])
def test_the_state_of_the_companies_signed_with_is_a_party(language: str, text: str, party: str) -> None:
    assert party in only(events_of(text, language), "signing").participants


def test_the_state_of_goods_a_document_is_about_is_no_party() -> None:
    signing = only(events_of("Вчера в Ташкенте подписано соглашение о поставках китайских товаров.", "ru"), "signing")
    assert "country:CHN" not in signing.participants

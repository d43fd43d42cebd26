"""Commitments: one table of composed sentences per rule, in Russian and Ukrainian, and a
floor on the dev gold.

The sentences are written for these tests (none is taken from the seed texts); each
states what a reader would code: kind, count, actors, due date, sector.
"""

from __future__ import annotations

import pytest


PUBLISHED = "2025-04-27"


def commitments(text: str, language: str, published: str = PUBLISHED):
    from summitry import extract

    return extract(text, published=published, language=language).commitments


def kinds(text: str, language: str) -> list[str]:
    return [c.kind for c in commitments(text, language)]


# --- kinds of cue ----------------------------------------------------------------------
KIND_CASES = [
    # pledges: intent, readiness, promise, commitment, interest, future tense
    ("ru", "Казахстан намерен расширять поставки зерна в Китай.", ["pledge"]),
    ("ru", "Узбекистан готов увеличить транзит грузов через свою территорию.", ["pledge"]),
    ("ru", "Стороны выразили готовность развивать сотрудничество в области медицины.", ["pledge"]),
    ("ru", "Стороны подтвердили приверженность укреплению региональной безопасности.", ["pledge"]),
    ("ru", "Стороны заинтересованы в расширении сотрудничества в сфере туризма.", ["pledge"]),
    ("ru", "Стороны продолжат совместную работу по развитию транспортных коридоров.", ["pledge"]),
    ("ru", "Стороны будут совместно реализовывать программы обмена студентами.", ["pledge"]),
    ("uk", "Китай обіцяє збільшити кількість стипендій для студентів з Казахстану.", ["pledge"]),
    ("uk", "Сторони координуватимуть зусилля у сфері енергетики.", ["pledge"]),
    ("uk", "Сторони висловлюють готовність розвивати співпрацю в галузі охорони здоров'я.", ["pledge"]),
    # proposals: a verb of proposing, a proposal named with its author
    ("ru", "Казахстан предложил создать совместный фонд поддержки малого бизнеса.", ["proposal"]),
    ("ru", "Стороны поддерживают предложенную инициативу Кыргызстана «Год горных регионов».", ["proposal"]),
    ("ru", "Стороны отметили важность инициированных Узбекистаном переговоров по созданию водного центра.", ["proposal"]),
    ("uk", "Казахстан запропонував провести спільні навчання рятувальників.", ["proposal"]),
    # scheduled events: the next meeting, an agreed or welcomed upcoming event
    ("ru", "Следующая встреча министров состоится в 2026 году в Китае.", ["scheduled_event"]),
    ("ru", "Стороны договорились о проведении очередного форума в 2026 году.", ["scheduled_event"]),
    ("ru", "Стороны приветствуют проведение в 2027 году в Кыргызстане международной конференции по водным ресурсам.", ["scheduled_event"]),
    ("ru", "Стороны готовы принять участие в торговом форуме в июне текущего года.", ["scheduled_event"]),
    ("uk", "Наступний саміт відбудеться у Киргизстані у 2027 році.", ["scheduled_event"]),
    ("uk", "Сторони домовилися про проведення наступної зустрічі у 2026 році.", ["scheduled_event"]),
]


@pytest.mark.parametrize("language, text, expected", KIND_CASES)
def test_kind(language, text, expected):
    assert kinds(text, language) == expected


# --- not commitments: welcome, praise, support, note, past --------------------------------
NOT_CASES = [
    ("ru", "Президент высоко оценил инициативу Китая о создании нового фонда."),
    ("ru", "Стороны поддерживают усилия Китая по развитию торговли."),
    ("ru", "Стороны отметили важную роль секретариата в развитии связей."),
    ("ru", "Стороны приветствовали успешное проведение форума, состоявшегося в марте 2024 года."),
    ("ru", "Стороны приветствуют создание нового центра в Душанбе."),
    ("ru", "Министры обсудили вопросы торговли и подписали три соглашения."),
    ("ru", "Стороны считают, что эти меры будут способствовать росту торговли."),
    ("uk", "Сторони високо оцінили результати співпраці в галузі енергетики."),
    ("uk", "Сторони вітають успішне проведення форуму, що відбувся минулого року."),
    ("uk", "Міністри обговорили питання торгівлі."),
]


@pytest.mark.parametrize("language, text", NOT_CASES)
def test_not_a_commitment(language, text):
    assert kinds(text, language) == []


# --- one commitment per verb ----------------------------------------------------------------
SPLIT_CASES = [
    ("ru", "Стороны выразили готовность расширять торговлю, развивать транспортные коридоры и "
           "укреплять сотрудничество в сфере образования.", 3),
    ("uk", "Сторони висловлюють готовність розширювати торгівлю, розвивати транспортні коридори та "
           "зміцнювати співпрацю в галузі освіти.", 3),
    # one verb with a list of objects stays one
    ("ru", "Казахстан намерен продолжать борьбу с терроризмом, экстремизмом и наркотрафиком.", 1),
    # two bare infinitives sharing an object stay one
    ("ru", "Стороны готовы обсудить и принять меры по упрощению визового режима.", 1),
    # a gapped second object of a proposal ("..., а 2027 год – Годом ...") is its own proposal
    ("ru", "Поддержано наше предложение объявить Астану культурной столицей, а 2027 год – Годом туризма.", 2),
]


@pytest.mark.parametrize("language, text, count", SPLIT_CASES)
def test_split(language, text, count):
    found = commitments(text, language)
    assert len(found) == count
    spans = [(c.evidence[0].start, c.evidence[0].end) for c in found]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "evidence spans overlap"


def test_each_infinitive_has_its_own_clause():
    text = ("Стороны выразили готовность расширять торговлю, развивать транспортные коридоры и "
            "укреплять сотрудничество в сфере образования.")
    found = commitments(text, "ru")
    assert [c.action.split()[0] for c in found[1:]] == ["развивать", "укреплять"]
    assert [c.sector for c in found] == ["trade", "transport", "education"]


# --- actors ---------------------------------------------------------------------------------
COMMUNIQUE = (
    "Главы МИД Казахстана, Китая и Узбекистана /далее -- стороны/ одобрили после "
    "переговоров в Ташкенте общее заявление. "
    "Стороны намерены расширять сотрудничество в области энергетики. "
    "Государства Центральной Азии готовы развивать транзитные перевозки."
)


def test_parties_are_the_adopters():
    found = commitments(COMMUNIQUE, "ru")
    assert set(found[0].actors) == {"country:KAZ", "country:CHN", "country:UZB"}


def test_central_asian_states_among_the_parties():
    found = commitments(COMMUNIQUE, "ru")
    assert set(found[1].actors) == {"country:KAZ", "country:UZB"}


ACTOR_CASES = [
    ("ru", "Казахстанская сторона готова углублять сотрудничество с Китаем.", {"country:KAZ"}),
    ("ru", "Касым-Жомарт Токаев предложил создать совместный центр.", {"country:KAZ"}),
    ("uk", "Китай обіцяє збільшити кількість стипендій.", {"country:CHN"}),
    ("ru", "Стороны приветствуют проведение в 2026 году в Казахстане международной конференции по климату.",
     {"country:KAZ"}),
]


@pytest.mark.parametrize("language, text, actors", ACTOR_CASES)
def test_actors(language, text, actors):
    assert set(commitments(text, language)[0].actors) == actors


MEETING_RU = "Президенты Казахстана и Китая провели переговоры в Астане. "
MEETING_UK = "Президенти Казахстану та Китаю провели переговори в Астані. "


@pytest.mark.parametrize("language, text", [
    ("ru", MEETING_RU + "Профильные министерства будут ежегодно обмениваться данными о грузах."),
    ("uk", MEETING_UK + "Профільні міністерства обмінюватимуться даними про вантажі."),
    ("ru", MEETING_RU + "Было условлено, что пограничные ведомства двух стран проведут совместные учения."),
])
def test_the_parties_bodies_and_an_impersonal_agreement_commit_the_parties(language, text):
    found = commitments(text, language)
    assert len(found) == 1
    assert set(found[0].actors) == {"country:KAZ", "country:CHN"}


def test_a_body_in_the_genitive_is_not_the_parties():
    text = MEETING_RU + "Глава узбекского ведомства предложил провести конференцию."
    assert commitments(text, "ru")[0].actors == ["country:UZB"]


@pytest.mark.parametrize("language, text", [
    ("ru", "Таджикская сторона выступила с идеей подготовить программу модернизации пунктов пропуска."),
    ("uk", "Таджицька сторона виступила з ідеєю підготувати програму модернізації пунктів пропуску."),
])
def test_coming_forward_with_an_idea_is_a_proposal(language, text):
    found = commitments(text, language)
    assert [c.kind for c in found] == ["proposal"] and found[0].actors == ["country:TJK"]


def test_actor_of_a_sentence_without_subject_is_the_one_before():
    text = "Казахстан выступает за мир в регионе. Страна намерена продолжать борьбу с терроризмом."
    assert commitments(text, "ru")[0].actors == ["country:KAZ"]


# --- due dates ------------------------------------------------------------------------------
DUE_CASES = [
    ("ru", "Следующая встреча министров состоится в 2026 году в Китае.", ("2026", "year")),
    ("ru", "Стороны готовы принять участие в торговом форуме в июне и в июле текущего года.", ("2025-06", "month")),
    ("ru", "Стороны намерены разработать стратегию сотрудничества на 2026-2030 годы.", None),
    ("ru", "Стороны продолжат работу по развитию торговли.", None),
    ("uk", "Наступний саміт пройде в Казахстані у 2027 році.", ("2027", "year")),
]


@pytest.mark.parametrize("language, text, due", DUE_CASES)
def test_due(language, text, due):
    found = commitments(text, language)[0]
    assert (None if found.due is None else (found.due.value, found.due.precision)) == due


# --- sectors --------------------------------------------------------------------------------
SECTOR_CASES = [
    ("ru", "Стороны намерены совместно бороться с терроризмом и наркотрафиком.", "security"),
    ("ru", "Стороны готовы увеличить объемы взаимной торговли.", "trade"),
    ("ru", "Стороны намерены развивать сотрудничество в сфере сельского хозяйства.", "agriculture"),
    ("ru", "Стороны продолжат тесное взаимодействие.", "diplomacy"),
    ("uk", "Сторони готові розвивати співпрацю у сфері охорони здоров'я.", "health"),
    ("uk", "Сторони готові спрощувати візові процедури для туристів.", "tourism"),
]


@pytest.mark.parametrize("language, text, sector", SECTOR_CASES)
def test_sector(language, text, sector):
    assert commitments(text, language)[0].sector == sector


# --- the lexicons ---------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["ru", "uk", "en", "kk"])
def test_lexicon_loads(language):
    from summitry.commitments.lexicon import lexicon
    from summitry.commitments.sectors import SECTORS, sector_lexicon

    sectors = sector_lexicon(language)
    assert sectors is not None
    assert {e.sector for e in sectors.single.values()} - {"_generic"} <= set(SECTORS)
    if language in ("ru", "uk"):
        assert lexicon(language) is not None


def test_a_language_without_a_lexicon_gives_none():
    assert commitments("这是一个测试。", "zh") == []

# The dev-gold floors for commitments live in tests/test_accuracy.py with the other layers.


# --- subjects: capitals, fronted adverbials, reported clauses, no guessing -----------------
SUBJECT_CASES = [
    # a capital as the subject stands for its state; a fronted date or duration is no subject
    ("ru", "Министр заявил, что в ближайшие два года Узбекистан построит три логистических центра.",
     "pledge", {"country:UZB"}, "2027"),
    ("uk", "Прем'єр заявив, що цього року Астана виділить кошти на нові гранти для студентів.",
     "pledge", {"country:KAZ"}, "2025"),
    ("ru", "Представитель МИД сообщил, что до конца года Ташкент откроет торговый дом в Китае.",
     "pledge", {"country:UZB"}, "2025"),
    # "который": the state named before it
    ("ru", "Председательство в организации перешло к Казахстану, который примет следующий саммит в 2026 году.",
     "scheduled_event", {"country:KAZ"}, "2026"),
    # Ukrainian infinitives that pymorphy3-uk leaves untagged
    ("uk", "Президент Киргизстану запропонував щороку проводити спільні навчання рятувальників.",
     "proposal", {"country:KGZ"}, None),
    ("uk", "Туркменістан запропонував запустити новий поромний маршрут.", "proposal", {"country:TKM"}, None),
    # a pronoun or "страна" refers to the subject of the sentence before
    ("ru", "Токаев пригласил Мирзиёева посетить Казахстан в следующем году. Он также предложил создать фонд.",
     "proposal", {"country:KAZ"}, None),
    # a cue with an adjective inside it
    ("ru", "Узбекистан поставил приоритетной задачей увеличить экспорт.", "pledge", {"country:UZB"}, None),
]


@pytest.mark.parametrize("language, text, kind, actors, due", SUBJECT_CASES)
def test_subjects(language, text, kind, actors, due):
    found = commitments(text, language, published="2025-03-01")[-1]
    assert (found.kind, set(found.actors), found.due.value if found.due else None) == (kind, actors, due)


GUESS_CASES = [
    # an inanimate subject is no actor, and none is taken from the sentence before
    ("ru", "Казахстан и Китай подписали соглашение. По словам министра, новая дорога свяжет два города и "
           "сократит время в пути."),
    # "Нагадаємо" (let us recall) is a discourse marker, not a pledge
    ("uk", "Нагадаємо, що торік Киргизстан приєднався до форуму."),
]


@pytest.mark.parametrize("language, text", GUESS_CASES)
def test_no_actor_is_guessed(language, text):
    assert commitments(text, language) == []


CALL = ("Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом Узбекистана "
        "Шавкатом Мирзиёевым. ")


def test_parties_of_a_bilateral_call_are_its_two_states():
    found = commitments(CALL + "Стороны намерены расширять поставки зерна в Россию и Афганистан.", "ru")
    assert set(found[0].actors) == {"country:KAZ", "country:UZB"}


def test_what_leaders_agreed_on_is_their_pledge():
    found = commitments(CALL + "Главы государств условились, что совместная комиссия до конца года "
                               "подготовит план развития торговли.", "ru", published="2025-03-01")
    assert [(c.kind, set(c.actors), c.due.value) for c in found] == [
        ("pledge", {"country:KAZ", "country:UZB"}, "2025")]


INVITATION_CASES = [
    ("ru", CALL + "Узбекский лидер пригласил коллегу принять участие в инвестиционном форуме, который пройдет в июне.",
     {"country:UZB", "country:KAZ"}, "2025-06"),
    ("uk", "Президент Туркменістану прийняв запрошення відвідати Китай наступного року.",
     {"country:TKM", "country:CHN"}, "2026"),
]


@pytest.mark.parametrize("language, text, actors, due", INVITATION_CASES)
def test_invitations_schedule_a_visit(language, text, actors, due):
    found = commitments(text, language, published="2025-03-01")
    assert [(c.kind, set(c.actors), c.due.value) for c in found] == [("scheduled_event", actors, due)]


def test_agreeing_to_declare_a_year_schedules_it():
    found = commitments("Сторони домовилися оголосити 2026 рік Роком туризму.", "uk")
    assert [c.kind for c in found] == ["scheduled_event"]


# --- reported speech: the subject of the reported clause commits --------------------------
REPORTED_CASES = [
    ("ru", "Президент Казахстана Касым-Жомарт Токаев сообщил, что Китай построит новый завод в Алматы.",
     {"country:CHN"}),
    ("ru", "Министр иностранных дел Казахстана заявил, что Секретариат ШОС подготовит доклад к 2026 году.",
     {"organization:sco-secretariat"}),
    ("ru", "Токаев сообщил, что мы построим новую дорогу.", {"country:KAZ"}),
    ("ru", "Мирзиёев подчеркнул, что наша страна откроет новый университет.", {"country:UZB"}),
    ("ru", "Компания CNPC построит газопровод до 2027 года.", {"organization:cnpc"}),
    ("uk", "Токаєв повідомив, що Китай збудує новий завод в Алмати.", {"country:CHN"}),
    ("uk", "Мірзійоєв заявив, що Секретаріат ШОС підготує доповідь.", {"organization:sco-secretariat"}),
    ("uk", "Токаєв зазначив, що ми збудуємо нову дорогу.", {"country:KAZ"}),
    ("en", "Tokayev said that the SCO Secretariat will prepare a report by 2026.", {"organization:sco-secretariat"}),
    ("en", "The minister said CNPC will build a gas pipeline by 2027.", {"organization:cnpc"}),
]


@pytest.mark.parametrize("language, text, actors", REPORTED_CASES)
def test_reported_clause_subject_commits(language, text, actors):
    found = commitments(text, language, published="2025-03-01")
    assert [set(c.actors) for c in found] == [actors]


def test_the_day_before_is_a_date_not_an_upcoming_event():
    assert commitments("Накануне министры провели переговоры в Астане.", "ru") == []


# --- hosts, visits and meetings ahead ------------------------------------------------------
@pytest.mark.parametrize("language, text, actors", [
    ("ru", "Следующий саммит примет Узбекистан.", {"country:UZB"}),
    ("uk", "Наступний саміт прийматиме Таджикистан у 2027 році.", {"country:TJK"}),
    ("ru", "В 2027 году Туркменистан примет форум.", {"country:TKM"}),
])
def test_hosting_an_event_ahead_is_scheduled_by_the_host(language, text, actors):
    found = commitments(text, language)
    assert [c.kind for c in found] == ["scheduled_event"]
    assert set(found[0].actors) == actors


@pytest.mark.parametrize("language, text, actors", [
    ("ru", "Мирзиёев посетит Пекин в сентябре.", {"country:UZB", "country:CHN"}),
    ("ru", "Токаев встретится с Си Цзиньпином на полях форума.", {"country:KAZ", "country:CHN"}),
    ("uk", "Токаєв відвідає Пекін у вересні.", {"country:KAZ", "country:CHN"}),
    ("en", "Tokayev is expected to visit Beijing in September.", {"country:KAZ", "country:CHN"}),
])
def test_a_visit_or_meeting_ahead_is_scheduled_by_both_sides(language, text, actors):
    found = commitments(text, language)
    assert [c.kind for c in found] == ["scheduled_event"]
    assert set(found[0].actors) == actors


def test_a_trip_and_what_happens_there_are_one_plan():
    text = "Садыр Жапаров отправится в Урумчи, где примет участие в открытии делового форума."
    found = commitments(text, "ru")
    assert len(found) == 1 and found[0].action.endswith("делового форума")


@pytest.mark.parametrize("language, text, due", [
    # published 2025-04-27 (a Sunday): "в четверг" ahead is 1 May, "в марте" ahead is March 2026
    ("ru", "В четверг Мирзиёев посетит Астану.", ("2025-05-01", "day")),
    ("ru", "Мирзиёев посетит Пекин в марте.", ("2026-03", "month")),
    ("ru", "Мирзиёев посетит Пекин в марте 2027 года.", ("2027-03", "month")),
])
def test_an_open_weekday_or_month_of_a_plan_is_the_next_one(language, text, due):
    found = commitments(text, language)[0]
    assert (found.due.value, found.due.precision) == due


@pytest.mark.parametrize("language, text", [
    ("ru", "Президент не исключил, что в следующем году посетит регион."),
    ("uk", "Президент не виключив, що наступного року відвідає регіон."),
])
def test_a_hedged_future_is_not_a_commitment(language, text):
    assert commitments(text, language) == []


def test_an_event_decided_impersonally_is_scheduled_by_the_parties():
    text = MEETING_RU + "Следующую встречу решено провести в 2026 году в Туркменистане."
    found = commitments(text, "ru")
    assert [c.kind for c in found] == ["scheduled_event"]
    assert set(found[0].actors) == {"country:KAZ", "country:CHN"}


def test_the_eve_of_an_event_told_in_the_past_is_not_a_plan():
    text = "Накануне саммита, в среду, Путин прибыл в Душанбе с государственным визитом."
    assert commitments(text, "ru") == []


@pytest.mark.parametrize("language, text", [
    ("ru", "Саммит ШОС прошел в Самарканде. Как заявил представитель узбекского МИД, страна намерена "
           "расширять транзит через свою территорию."),
    ("uk", "Саміт ШОС відбувся в Самарканді. Як заявив речник узбецького МЗС, країна має намір "
           "розширювати транзит через свою територію."),
])
def test_a_generic_state_noun_is_the_state_named_before_it_never_an_organization(language, text):
    assert commitments(text, language)[0].actors == ["country:UZB"]

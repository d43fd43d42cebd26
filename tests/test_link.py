"""Entity linking on sentences written for these tests: any case, any script, offices, adjectives."""

from __future__ import annotations

import pytest

import summitry


def names(doc):
    return {(e.type, e.name) for e in doc.entities.values()}


def mentions_of(doc, name):
    return [m.text for e in doc.entities.values() if e.name == name for m in e.mentions]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # Russian, inflected
        ("Переговоры прошли с Касым-Жомартом Токаевым в Астане.", "ru", ("person", "Kassym-Jomart Tokayev")),
        ("Делегация прибыла в Астану.", "ru", ("place", "Astana")),
        ("Министр посетил Кыргызстан и Таджикистан.", "ru", ("country", "Tajikistan")),
        ("Встреча прошла в рамках Шанхайской организации сотрудничества.", "ru", ("organization", "Shanghai Cooperation Organisation")),
        ("Саммит ШОС пройдет в Бишкеке.", "ru", ("organization", "Shanghai Cooperation Organisation")),
        ("Поезд отправился из Сианя в Алматы.", "ru", ("place", "Xi'an")),
        ("Лидеры обсудили развитие формата «Китай — Центральная Азия».", "ru", ("format", "China–Central Asia")),
        # Ukrainian
        ("Токаєв зустрівся з президентом Узбекистану.", "uk", ("person", "Kassym-Jomart Tokayev")),
        ("Саміт пройшов у Сіані.", "uk", ("place", "Xi'an")),
        ("Сі Цзіньпін виступив на саміті.", "uk", ("person", "Xi Jinping")),
        ("Делегація прибула до Москви.", "uk", ("place", "Moscow")),
        # English, Kazakh, Chinese
        ("Tokayev met Mirziyoyev in Tashkent.", "en", ("person", "Shavkat Mirziyoyev")),
        ("The SCO summit opened in Astana.", "en", ("organization", "Shanghai Cooperation Organisation")),
        ("Қасым-Жомарт Тоқаев Астанада мәлімдеме жасады.", "kk", ("person", "Kassym-Jomart Tokayev")),
        ("习近平同托卡耶夫举行会谈。", "zh", ("person", "Kassym-Jomart Tokayev")),
        ("习近平同托卡耶夫举行会谈。", "zh", ("person", "Xi Jinping")),
    ],
)
def test_names_link_in_any_case_and_script(text, language, expected):
    doc = summitry.extract(text, language=language, published="2025-06-17")
    assert expected in names(doc)


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Казахстанская сторона выразила готовность к сотрудничеству.", "ru", "Kazakhstan"),
        ("Китайско-казахстанские отношения развиваются.", "ru", "China"),
        ("Китайско-казахстанские отношения развиваются.", "ru", "Kazakhstan"),
        ("Китайська сторона підтримала ініціативу.", "uk", "China"),
        ("Российский министр прибыл с визитом.", "ru", "Russia"),
        ("Стороны выступили за ооноцентричный миропорядок.", "ru", "United Nations"),
    ],
)
def test_adjectives_and_compounds_resolve_to_the_state(text, language, expected):
    doc = summitry.extract(text, language=language, published="2025-06-17")
    assert expected in {e.name for e in doc.entities.values()}


def test_a_word_that_only_starts_like_an_acronym_is_no_mention():
    doc = summitry.extract("Стороны обсудили развитие возобновляемых источников энергии.", language="ru")
    assert "World Health Organization" not in {e.name for e in doc.entities.values()}


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Председатель КНР выступил на открытии форума.", "2025-06-17", "Xi Jinping"),
        ("Президент Казахстана провел совещание.", "2025-06-17", "Kassym-Jomart Tokayev"),
        ("Президент Казахстана провел совещание.", "2017-05-10", "Nursultan Nazarbayev"),
        ("Министр иностранных дел России прибыл в Душанбе.", "2024-03-01", "Sergey Lavrov"),
        ("Президент Узбекистану взяв участь у саміті.", "2023-05-19", "Shavkat Mirziyoyev"),
    ],
)
def test_an_office_and_the_date_give_the_person(text, published, expected):
    language = "uk" if "Узбекистану" in text else "ru"
    doc = summitry.extract(text, language=language, published=published)
    assert expected in {e.name for e in doc.entities.values()}


def test_a_bare_office_refers_to_the_head_of_state_the_text_is_about():
    text = (
        "Касым-Жомарт Токаев прибыл в Пекин. Он встретился с председателем КНР Си Цзиньпином. "
        "Касым-Жомарт Токаев отметил рост торговли. Глава государства пригласил коллегу в Астану."
    )
    doc = summitry.extract(text, language="ru", published="2025-06-17")
    title = [m for m in doc.mentions if m.text == "Глава государства"]
    assert title and title[0].entity_id == "person:kassym-jomart-tokayev"


def test_a_surname_after_the_full_name_is_the_same_person():
    text = "Министр Жээнбек Кулубаев прибыл в Пекин. Кулубаев провел переговоры."
    doc = summitry.extract(text, language="ru", published="2025-04-26")
    assert mentions_of(doc, "Zheenbek Kulubaev") == ["Жээнбек Кулубаев", "Кулубаев"]


def test_a_name_outside_the_knowledge_base_is_kept_in_the_nominative():
    text = "Стороны поддержали кандидатуру Ивана Петровича Сидоренко на пост директора. Сидоренко поблагодарил стороны."
    doc = summitry.extract(text, language="ru", published="2025-04-26")
    people = [e for e in doc.entities.values() if e.type == "person"]
    assert [(p.name, p.known) for p in people] == [("Иван Петрович Сидоренко", False)]
    assert len(people[0].mentions) == 2


def test_generic_capitalised_phrases_are_not_organizations():
    text = "Министры приняли Информационное коммюнике. Стороны обсудили Национальную программу развития."
    doc = summitry.extract(text, language="ru", published="2025-04-26")
    assert not [e for e in doc.entities.values() if not e.known]


def test_mentions_point_into_the_text():
    text = "В Алматы в субботу состоялась встреча министров иностранных дел Казахстана и Китая."
    doc = summitry.extract(text, language="ru", published="2025-04-27")
    assert doc.mentions
    for mention in doc.mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("language, text", [
    ("uk", "У засіданні взяли участь лідери Росії, Білорусі та Казахстану."),
    ("ru", "В заседании приняли участие лидеры России, Белоруссии и Казахстана."),
])
def test_a_title_in_the_plural_is_several_people_not_the_office_holder(language, text):
    doc = summitry.extract(text, published="2025-11-28", language=language)
    assert not [m for m in doc.mentions if m.via == "office"]


def test_a_title_in_the_singular_is_the_office_holder():
    doc = summitry.extract("У засіданні взяв участь лідер Росії.", published="2025-11-28", language="uk")
    assert [m.entity_id for m in doc.mentions if m.via == "office"] == ["person:vladimir-putin"]

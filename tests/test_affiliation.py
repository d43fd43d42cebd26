"""The state of people the knowledge base lacks, from their titles (summitry.affiliation)."""

from __future__ import annotations

import pytest

import summitry
from summitry.affiliation import person_states
from summitry.kb import KnowledgeBase


def states(text: str, published: str = "2025-05-20") -> dict[str, str]:
    doc = summitry.extract(text, published=published)
    found = person_states(doc, KnowledgeBase.default())
    return {doc.entities[k].name: v for k, v in found.items()}


@pytest.mark.parametrize(
    "text, name, state",
    [
        ("В Астане министр энергетики Казахстана Ерболат Сарсенбаев встретился с делегацией.",
         "Ерболат Сарсенбаев", "country:KAZ"),
        ("Переговоры провел узбекский министр транспорта Ильхом Турсунов.",
         "Ильхом Турсунов", "country:UZB"),
        ("Ильхом Турсунов, министр транспорта Узбекистана, открыл заседание в Пекине.",
         "Ильхом Турсунов", "country:UZB"),
    ],
)
def test_a_state_in_the_title_or_apposition(text, name, state):
    assert states(text).get(name) == state


def test_an_unqualified_government_title_takes_the_datelines_state():
    text = "Ташкент, 16 апреля. Форум открыл вице-премьер Ильхом Турсунов."
    assert states(text) == {"Ильхом Турсунов": "country:UZB"}


def test_no_title_and_no_state_gives_nothing():
    text = "Ташкент, 16 апреля. На форуме выступил бизнесмен Ильхом Турсунов."
    assert states(text) == {}


def test_a_state_before_a_comma_belongs_to_someone_else():
    text = ("В переговорах участвовали министр иностранных дел Казахстана Мурат Нуртлеу, "
            "а также эксперт Ильхом Турсунов.")
    assert "Ильхом Турсунов" not in states(text)


def test_a_prepositional_phrase_after_the_name_is_not_an_apposition():
    text = ("Бишкек, 14 ноября. Заседание провел бизнесмен Ильхом Турсунов, с китайской – "
            "вице-премьер Дин Сюэсян.")
    assert states(text).get("Ильхом Турсунов") != "country:CHN"

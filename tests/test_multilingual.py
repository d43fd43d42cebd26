"""English and Kazakh: events and commitments from composed sentences and two short news texts.

Every sentence here is written for these tests. English and Kazakh have no morphological
analyzer, so these cases pin the word-order reading of summitry.commitments.plain and
the past-form triggers of rules/en/events.yaml and rules/kk/events.yaml.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2025-06-17"
# a lead sentence that names the format, so that "the parties" / "Тараптар" are its members
EN_LEAD = "Leaders of the China–Central Asia format gathered in Astana. "
KK_LEAD = "Қытай – Орталық Азия форматының басшылары Астанада жиналды. "
FORMAT = ["country:CHN", "country:KAZ", "country:KGZ", "country:TJK", "country:TKM", "country:UZB"]


def extract(text: str, language: str):
    from summitry import extract as run

    return run(text, published=PUBLISHED, language=language)


def kinds(text: str, language: str) -> list[str]:
    return [c.kind for c in extract(text, language).commitments]


# --- commitments: kinds ------------------------------------------------------------------
EN_KINDS = [
    ("Kazakhstan intends to expand grain exports to China.", ["pledge"]),
    ("Uzbekistan plans to build a new logistics hub near Tashkent.", ["pledge"]),
    ("China is ready to increase imports of agricultural products from the region.", ["pledge"]),
    ("China will continue to provide government scholarships to students from the region.", ["pledge"]),
    ("Kyrgyzstan promised to simplify customs procedures for transit cargo.", ["pledge"]),
    ("Tajikistan pledged to expand hydropower cooperation with China.", ["pledge"]),
    ("Turkmenistan has committed to increase gas supplies to China.", ["pledge"]),
    ("Xi Jinping said China will open a new consulate in Almaty.", ["pledge"]),
    ("Kazakhstan and Uzbekistan agreed to launch a joint industrial zone.", ["pledge"]),
    ("The parties agreed to hold the next summit in China in 2027.", ["scheduled_event"]),
    ("The next China–Central Asia summit will be held in China in 2027.", ["scheduled_event"]),
    ("In 2026, Uzbekistan will host the SCO summit.", ["scheduled_event"]),
    ("The ministerial meeting is scheduled for October.", ["scheduled_event"]),
    ("The upcoming forum will take place in Bishkek.", ["scheduled_event"]),
    ("Tokayev proposed to declare 2026 the Year of Education.", ["proposal"]),
    ("Mirziyoyev suggested creating a regional water council.", ["proposal"]),
    ("Kazakhstan put forward an initiative to establish a transport center.", ["proposal"]),
    ("Xi Jinping said China is ready to deepen energy cooperation, and Tokayev promised to open new trade routes.",
     ["pledge", "pledge"]),
]

EN_NOT_COMMITMENTS = [
    "The leaders welcomed the launch of the new railway.",
    "The parties praised the results of the summit.",
    "The sides noted the importance of water cooperation.",
    "The leaders welcomed China's readiness to expand imports.",
    "Tokayev supported the proposal of Uzbekistan.",
    "Kazakhstan will not join the initiative.",
    "The new railway will connect Kazakhstan and China.",
    "The summit was held in Astana last week.",
    "A road that will link the two capitals is under construction.",
]

KK_KINDS = [
    ("Қазақстан Қытайға астық экспортын арттыруға ниетті.", ["pledge"]),
    ("Өзбекстан Ташкент маңында логистикалық орталық салуды жоспарлап отыр.", ["pledge"]),
    ("Қазақстан энергетика саласында ынтымақтастықты дамытуға дайын.", ["pledge"]),
    ("Қытай келесі жылы стипендия беруді жалғастырады.", ["pledge"]),
    ("Қырғызстан кеден рәсімдерін жеңілдетуге уәде берді.", ["pledge"]),
    ("Қазақстан Қытаймен транзит әлеуетін арттырмақ.", ["pledge"]),
    ("Тараптар келесі жылы бірлескен жаттығулар өткізетін болады.", ["pledge"]),
    ("Тараптар келесі саммитті 2027 жылы Қытайда өткізуге келісті.", ["scheduled_event"]),
    ("Келесі саммит 2027 жылы Қытайда өтеді.", ["scheduled_event"]),
    ("Өзбекстан 2026 жылы ШЫҰ саммитін өткізеді.", ["scheduled_event"]),
    ("Мемлекет басшылары келесі кездесуді Ташкентте өткізу туралы уағдаласты.", ["scheduled_event"]),
    ("Тоқаев 2026 жылды Білім беру жылы деп жариялауды ұсынды.", ["proposal"]),
    ("Мирзиёев Ташкентте бизнес форумын өткізуді ұсынды.", ["proposal"]),
]

KK_NOT_COMMITMENTS = [
    "Тараптар Қытайдың бастамасын құптады.",
    "Тараптар энергетика саласындағы ынтымақтастықтың маңызын атап өтті.",
    "Тараптар су ресурстары мәселесін талқылады.",
    "Жаңа теміржол Қазақстан мен Қытайды байланыстырады.",
    "Президенттер он бес құжатқа қол қойды.",
    "Тоқаев Си Цзиньпинмен кездесті.",
]


@pytest.mark.parametrize("text, expected", EN_KINDS)
def test_english_commitment_kinds(text: str, expected: list[str]) -> None:
    assert kinds(text, "en") == expected


@pytest.mark.parametrize("text", EN_NOT_COMMITMENTS)
def test_english_not_commitments(text: str) -> None:
    assert kinds(text, "en") == []


@pytest.mark.parametrize("text, expected", KK_KINDS)
def test_kazakh_commitment_kinds(text: str, expected: list[str]) -> None:
    assert kinds(text, "kk") == expected


@pytest.mark.parametrize("text", KK_NOT_COMMITMENTS)
def test_kazakh_not_commitments(text: str) -> None:
    assert kinds(text, "kk") == []


# --- commitments: actors and due dates -----------------------------------------------------
ACTOR_CASES = [
    ("en", "Kazakhstan intends to expand trade with China by 2030.", ["country:KAZ"]),
    ("en", "Xi Jinping said China will open a new consulate in Almaty.", ["country:CHN"]),
    ("en", "President Tokayev told reporters that Kazakhstan is ready to host the forum.", ["country:KAZ"]),
    ("en", EN_LEAD + "The parties will hold joint anti-drug operations regularly.", FORMAT),
    ("en", EN_LEAD + "The sides agreed to expand cooperation in transport.", FORMAT),
    ("kk", "Қазақстан 2030 жылға дейін сауданы екі есе арттыруға ниетті.", ["country:KAZ"]),
    ("kk", "Си Цзиньпин Қытай Орталық Азия елдерімен сауданы кеңейтуге дайын екенін атап өтті.", ["country:CHN"]),
    ("kk", KK_LEAD + "Тараптар 2030 жылға дейін өзара сауда көлемін арттыруға келісті.", FORMAT),
    # reported "would", a capital for its state, "stood ready"
    ("en", "Mirziyoyev said Tashkent would build two new logistics centres near the border.", ["country:UZB"]),
    ("en", "The Kazakh side stood ready to expand grain exports to China.", ["country:KAZ"]),
    # a relative clause about a document: its subject stands for the signers
    ("en", "Uzbekistan and China signed a memorandum under which the two sides will open a joint laboratory.",
     ["country:UZB", "country:CHN"]),
    # invitations: the inviter and the invited
    ("en", "Tokayev invited Xi Jinping to pay a state visit to Kazakhstan next year.", ["country:KAZ", "country:CHN"]),
    ("kk", "Қасым-Жомарт Тоқаев Садыр Жапаровты келесі жылы Қазақстанға ресми сапармен келуге шақырды.",
     ["country:KAZ", "country:KGZ"]),
    # a proposal named by a noun, with its state in the genitive
    ("kk", "Тараптар Қырғызстан тарапының су ресурстары жөніндегі бірлескен орталық құру туралы ұсынысын қолдады.",
     ["country:KGZ"]),
]


@pytest.mark.parametrize("language, text, actors", ACTOR_CASES)
def test_actors(language: str, text: str, actors: list[str]) -> None:
    found = extract(text, language).commitments
    assert found, text
    assert sorted(found[-1].actors) == sorted(actors)


DUE_CASES = [
    ("en", "China will continue to provide scholarships to students from the region next year.", "2026"),
    ("en", "Kazakhstan plans to open a trade house in Xi'an in 2026.", "2026"),
    ("en", "Kazakhstan intends to double trade with China by 2030.", "2030"),
    ("en", "In 2026, Uzbekistan will host the SCO summit.", "2026"),
    ("en", "China is ready to modernize the border crossing.", None),
    ("kk", "Өзбекстан 2026 жылы ШЫҰ саммитін өткізеді.", "2026"),
    ("kk", "Қазақстан 2030 жылға дейін сауданы екі есе арттыруға ниетті.", "2030"),
    ("kk", "Қытай келесі жылы стипендия беруді жалғастырады.", "2026"),
]


@pytest.mark.parametrize("language, text, due", DUE_CASES)
def test_due(language: str, text: str, due: str | None) -> None:
    found = extract(text, language).commitments
    assert len(found) == 1, text
    assert (found[0].due.value if found[0].due else None) == due


def test_english_action_is_the_clause() -> None:
    found = extract("China will continue to provide government scholarships, Xi said.", "en").commitments
    assert [c.action for c in found] == ["will continue to provide government scholarships"]


# --- events ---------------------------------------------------------------------------------
EN_EVENTS = [
    ("The China–Central Asia Summit was held in Astana on June 17.", "summit"),
    ("Tokayev took part in the SCO summit in Tianjin.", "summit"),
    ("Xi Jinping met with Kassym-Jomart Tokayev in Astana on Monday.", "meeting"),
    ("Xi Jinping held talks with Shavkat Mirziyoyev in Astana.", "meeting"),
    ("Tokayev held a phone conversation with Xi Jinping.", "phone_call"),
    ("Tokayev and Putin had a phone call on Tuesday.", "phone_call"),
    ("Xi Jinping paid a state visit to Kazakhstan.", "visit"),
    ("The two presidents signed 12 documents.", "signing"),
    ("Kazakhstan and China launched a new logistics terminal in Xi'an.", "launch"),
    ("The Astana International Forum took place on May 29.", "forum"),
]

KK_EVENTS = [
    ("Астанада Қытай – Орталық Азия саммиті өтті.", "summit"),
    ("Тоқаев Тяньцзиньде ШЫҰ саммитіне қатысты.", "summit"),
    ("Тоқаев Си Цзиньпинмен кездесті.", "meeting"),
    ("Қазақстан мен Қытай арасындағы келіссөздер өтті.", "meeting"),
    ("Тоқаев пен Мирзиёев телефон арқылы сөйлесті.", "phone_call"),
    ("Тоқаев Пекинге мемлекеттік сапармен келді.", "visit"),
    ("Екі ел басшыларының қатысуымен он екі келісімге қол қойылды.", "signing"),
    ("Ақтауда жаңа логистикалық орталық іске қосылды.", "launch"),
    ("Астанада халықаралық инвестициялық форум өтті.", "forum"),
]


@pytest.mark.parametrize("text, kind", EN_EVENTS)
def test_english_events(text: str, kind: str) -> None:
    assert [e.type for e in extract(text, "en").events] == [kind]


@pytest.mark.parametrize("text, kind", KK_EVENTS)
def test_kazakh_events(text: str, kind: str) -> None:
    assert [e.type for e in extract(text, "kk").events] == [kind]


@pytest.mark.parametrize("language, text", [
    ("en", "The next summit will be held in China in 2027."),
    ("en", "The leaders will sign a treaty on the sidelines of the forum."),
    ("kk", "Келесі саммит 2027 жылы Қытайда өтеді."),
])
def test_planned_events_are_not_events(language: str, text: str) -> None:
    assert extract(text, language).events == []


def test_english_event_slots() -> None:
    event = extract("Xi Jinping met with Kassym-Jomart Tokayev in Astana on Monday.", "en").events[0]
    assert event.date is not None and event.date.value == "2025-06-16"
    assert event.place == "place:astana"
    assert {"person:xi-jinping", "person:kassym-jomart-tokayev"} <= set(event.participants)


# --- two short news texts ---------------------------------------------------------------------
EN_NEWS = (
    "ASTANA, June 17 – The second China–Central Asia Summit was held in Astana on Tuesday. "
    "Chinese President Xi Jinping and Kazakh President Kassym-Jomart Tokayev held talks before the "
    "plenary session. Following the talks, the two leaders signed 15 documents on trade, energy and "
    "transport. The parties agreed to hold the third summit in China in 2027. Xi said China will "
    "continue to provide government scholarships to students from the region. Tokayev proposed to "
    "declare 2026 the Year of Education and Science. Uzbekistan intends to open a trade house in "
    "Xi'an next year. The leaders welcomed the launch of a new container route and praised the "
    "work of the secretariat."
)

KK_NEWS = (
    "Астанада Қытай – Орталық Азия саммиті өтті. Қазақстан Президенті Қасым-Жомарт Тоқаев Қытай "
    "Төрағасы Си Цзиньпинмен кездесті. Келіссөздер қорытындысы бойынша он бес құжатқа қол қойылды. "
    "Тараптар келесі саммитті 2027 жылы Қытайда өткізуге келісті. Қытай келесі жылы өңір "
    "студенттеріне стипендия беруді жалғастырады. Тоқаев 2026 жылды Білім беру жылы деп жариялауды "
    "ұсынды. Өзбекстан Сиань қаласында сауда үйін ашуды жоспарлап отыр. Тараптар жаңа контейнер "
    "бағытының іске қосылуын құптады. Тараптар су ресурстарын ұтымды пайдалану мәселесін де талқылады, "
    "сондай-ақ хатшылықтың жұмысын жоғары бағалады. Саммит достық жағдайда өтті."
)


def test_news_texts_are_of_the_asked_size() -> None:
    assert 600 <= len(EN_NEWS) <= 1000
    assert 600 <= len(KK_NEWS) <= 1000


def test_english_news() -> None:
    doc = extract(EN_NEWS, "en")
    types = [e.type for e in doc.events]
    assert "summit" in types and "meeting" in types and "signing" in types
    summit = next(e for e in doc.events if e.type == "summit")
    assert summit.place == "place:astana" and summit.date is not None and summit.date.value == "2025-06-17"
    signing = next(e for e in doc.events if e.type == "signing")
    assert signing.documents and signing.documents[0].count == 15
    found = {(c.kind, tuple(c.actors), c.due.value if c.due else None) for c in doc.commitments}
    assert ("scheduled_event", tuple(FORMAT), "2027") in found
    assert ("pledge", ("country:CHN",), None) in found
    assert ("proposal", ("country:KAZ",), None) in found
    assert ("pledge", ("country:UZB",), "2026") in found
    assert len(doc.commitments) == 4  # welcoming and praising are not commitments


def test_kazakh_news() -> None:
    doc = extract(KK_NEWS, "kk")
    types = [e.type for e in doc.events]
    assert "summit" in types and "meeting" in types and "signing" in types
    found = {(c.kind, tuple(c.actors), c.due.value if c.due else None) for c in doc.commitments}
    assert ("scheduled_event", tuple(FORMAT), "2027") in found
    assert ("pledge", ("country:CHN",), "2026") in found
    # "2026 жылды ... жариялауды ұсынды": the year declared is read as the due date here
    assert ("proposal", ("country:KAZ",)) in {(kind, actors) for kind, actors, _ in found}
    assert ("pledge", ("country:UZB",), None) in found
    assert len(doc.commitments) == 4  # welcoming, discussing and praising are not commitments


# --- one commitment per coordinated verb; what is not a commitment -------------------------------
@pytest.mark.parametrize("text, count", [
    ("Kyrgyzstan is ready to deepen cooperation in agriculture and expand tourism exchanges.", 2),
    ("Xi said Beijing would import more Kazakh grain and encourage Chinese firms to invest in the region.", 2),
    ("Officials said the new bridge would shorten the route.", 0),  # an inanimate subject
    ("Xi said China would be happy to see more visitors.", 0),  # "would be": no action
])
def test_english_coordinated_and_reported(text: str, count: int) -> None:
    assert len(extract(text, "en").commitments) == count


def test_kazakh_bare_event_noun_continues_the_event_before() -> None:
    text = ("Президенттер Орталық Азия мемлекеттері басшыларының кезекті кездесуіне дайындықты талқылады. "
            "Кездесу Бішкекте өтеді.")
    found = extract(text, "kk").commitments
    assert [c.kind for c in found] == ["scheduled_event"] and len(found[0].evidence) == 2

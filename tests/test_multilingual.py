"""English, Kazakh and Chinese: events and commitments from composed sentences and short news texts.

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
    # the opening name is the subject, not a demonym later in the clause; a source named
    # before a comma ("… айтуынша,") is not the subject
    ("kk", "Президенттің айтуынша, Өзбекстан қытайлық компаниялар үшін жаңа аймақтар ашуды жалғастырады.",
     ["country:UZB"]),
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


# --- Chinese: jieba words read by word order (summitry.commitments.plain.ChineseFinder) --------
ZH_LEAD = "中国－中亚峰会在阿斯塔纳举行。"  # names the format, so that "双方"/"各方" are its members

ZH_EVENTS = [
    ("中国－中亚峰会在阿斯塔纳举行。", "summit"),
    ("托卡耶夫出席上合组织峰会。", "summit"),
    ("习近平昨天在阿斯塔纳同托卡耶夫举行会谈。", "meeting"),
    ("习近平会见了托卡耶夫。", "meeting"),
    ("中国－中亚外长会晤在阿拉木图举行。", "meeting"),
    ("习近平同米尔济约耶夫通电话。", "phone_call"),
    ("习近平对哈萨克斯坦进行国事访问。", "visit"),
    ("托卡耶夫已经抵达北京。", "visit"),
    ("两国元首签署了15份合作文件。", "signing"),
    ("中哈物流基地正式启动。", "launch"),
    ("阿斯塔纳国际论坛在阿斯塔纳举办。", "forum"),
]


@pytest.mark.parametrize("text, kind", ZH_EVENTS)
def test_chinese_events(text: str, kind: str) -> None:
    assert [e.type for e in extract(text, "zh").events] == [kind]


@pytest.mark.parametrize("text", [
    "下一届峰会将于2027年在中国举行。",
    "双方同意于2026年在中国举行下一届峰会。",
    "托卡耶夫邀请习近平明年对哈萨克斯坦进行国事访问。",
    "双方将签署合作协议。",
    "中方支持哈方举办峰会。",
    "吉方不会参加论坛。",
])
def test_chinese_planned_or_denied_events_are_not_events(text: str) -> None:
    assert extract(text, "zh").events == []


def test_chinese_event_slots() -> None:
    event = extract("习近平昨天在阿斯塔纳同托卡耶夫举行会谈。", "zh").events[0]
    assert event.date is not None and event.date.value == "2025-06-16"
    assert event.place == "place:astana"
    assert {"person:xi-jinping", "person:kassym-jomart-tokayev"} <= set(event.participants)


ZH_KINDS = [
    ("中方将继续向中亚国家学生提供政府奖学金。", ["pledge"]),
    ("哈方愿同中方深化能源合作。", ["pledge"]),  # jieba: "哈方愿" is one word
    ("哈方愿意扩大对华农产品出口。", ["pledge"]),
    ("双方一致同意加强安全合作。", ["pledge"]),
    ("各方致力于维护地区和平与稳定。", ["pledge"]),
    ("中方准备扩大进口哈萨克斯坦小麦。", ["pledge"]),
    ("乌兹别克斯坦计划明年在西安开设贸易之家。", ["pledge"]),
    ("中方承诺年底前完成项目。", ["pledge"]),
    ("中方拟于年底前开通新航线。", ["pledge"]),
    ("中方和哈方将共同建设物流中心。", ["pledge"]),
    ("习近平表示，中方愿同哈方一道推进共建“一带一路”。", ["pledge"]),
    ("习近平宣布中方将于年底前开通新航线。", ["pledge"]),
    ("托卡耶夫提议将2026年定为教育年。", ["proposal"]),
    ("习近平建议双方加强人文交流。", ["proposal"]),
    ("中方倡议成立中国－中亚减贫合作中心。", ["proposal"]),
    ("双方同意于2026年在中国举行下一届峰会。", ["scheduled_event"]),
    ("中方决定明年在西安举办论坛。", ["scheduled_event"]),
    ("哈方同意明年参加博览会。", ["scheduled_event"]),
    ("下一届峰会将于2027年在中国举行。", ["scheduled_event"]),
    ("双方商定，下一届外长会晤将于2026年在比什凯克举行。", ["scheduled_event"]),
    ("托卡耶夫邀请习近平明年对哈萨克斯坦进行国事访问。", ["scheduled_event"]),
]

ZH_NOT_COMMITMENTS = [
    "哈方欢迎中方倡议。",
    "双方高度评价两国关系。",
    "中方支持哈方举办峰会。",
    "双方注意到地区形势的变化。",
    "各方赞赏秘书处的工作。",
    "双方签署了合作文件。",
    "吉方不会参加论坛。",
]


@pytest.mark.parametrize("text, expected", ZH_KINDS)
def test_chinese_commitment_kinds(text: str, expected: list[str]) -> None:
    assert kinds(text, "zh") == expected


@pytest.mark.parametrize("text", ZH_NOT_COMMITMENTS)
def test_chinese_not_commitments(text: str) -> None:
    assert kinds(text, "zh") == []


@pytest.mark.parametrize("text, actors", [
    ("中方将继续向中亚国家学生提供政府奖学金。", ["country:CHN"]),
    ("哈方愿同中方深化能源合作。", ["country:KAZ"]),
    ("习近平宣布中方将于年底前开通新航线。", ["country:CHN"]),
    ("托卡耶夫提议将2026年定为教育年。", ["country:KAZ"]),
    ("中方和哈方将共同建设物流中心。", ["country:CHN", "country:KAZ"]),
    ("托卡耶夫邀请习近平明年对哈萨克斯坦进行国事访问。", ["country:KAZ", "country:CHN"]),
    (ZH_LEAD + "双方一致同意加强安全合作。", FORMAT),
    (ZH_LEAD + "各方致力于维护地区和平与稳定。", FORMAT),
])
def test_chinese_actors(text: str, actors: list[str]) -> None:
    found = extract(text, "zh").commitments
    assert found, text
    assert sorted(found[-1].actors) == sorted(actors)


@pytest.mark.parametrize("text, due", [
    ("中方决定明年在西安举办论坛。", "2026"),
    ("乌兹别克斯坦计划明年在西安开设贸易之家。", "2026"),
    ("双方同意于2026年在中国举行下一届峰会。", "2026"),
    ("中方承诺年底前完成项目。", "2025"),
    ("中方准备扩大进口哈萨克斯坦小麦。", None),
])
def test_chinese_due(text: str, due: str | None) -> None:
    found = extract(text, "zh").commitments
    assert len(found) == 1, text
    assert (found[0].due.value if found[0].due else None) == due


def test_chinese_coordinated_predicates_are_commitments_of_their_own() -> None:
    found = extract("中方将继续扩大进口哈萨克斯坦农产品，并积极支持两国企业开展合作。", "zh").commitments
    assert [c.action for c in found] == ["将继续扩大进口哈萨克斯坦农产品", "积极支持两国企业开展合作"]
    assert all(c.actors == ["country:CHN"] for c in found)


def test_chinese_announcer_is_the_actor_of_a_dated_clause_without_subject() -> None:
    found = extract("中方宣布，未来三年将为中亚国家培训1000名技术人员。", "zh").commitments
    assert [c.actors for c in found] == [["country:CHN"]]


def test_chinese_a_named_thing_after_the_announcement_is_not_the_announcers_pledge() -> None:
    assert extract("塔方代表表示，该项目将大幅提升两国互联互通水平。", "zh").commitments == []


def test_chinese_action_runs_from_the_cue_to_the_clause_end() -> None:
    found = extract("习近平表示，中方将继续向中亚国家学生提供政府奖学金。", "zh").commitments
    assert [c.action for c in found] == ["将继续向中亚国家学生提供政府奖学金"]


ZH_NEWS = (
    "新华社阿斯塔纳6月17日电 第二届中国－中亚峰会今天在阿斯塔纳举行。国家主席习近平同哈萨克斯坦总统托卡耶夫"
    "在峰会前举行会谈。会谈后，两国元首共同签署了15份合作文件，涵盖贸易、能源和交通等领域。"
    "习近平昨天还同乌兹别克斯坦总统米尔济约耶夫通电话。各方一致同意于2027年在中国举行第三届峰会。"
    "习近平表示，中方将继续向中亚国家学生提供政府奖学金。托卡耶夫提议将2026年定为中国－中亚教育和科学年。"
    "乌兹别克斯坦计划明年在西安开设贸易之家。哈方愿同中方深化能源合作。"
    "托卡耶夫邀请习近平明年对哈萨克斯坦进行国事访问。各方欢迎新集装箱班列线路开通，"
    "高度评价秘书处的工作，并注意到地区形势的变化。中方支持中亚国家维护地区稳定。"
    "双方商定，下一届外长会晤将于2026年在比什凯克举行。"
    "中方准备扩大进口哈萨克斯坦小麦和其他优质农产品。中方承诺年底前完成中吉乌铁路项目的前期工作。"
    "塔吉克斯坦总统拉赫蒙出席了峰会期间举行的中国－中亚实业家委员会会议。会议在友好气氛中结束。"
)


def test_chinese_news() -> None:
    assert 400 <= len(ZH_NEWS) <= 700
    doc = extract(ZH_NEWS, "zh")
    types = [e.type for e in doc.events]
    assert {"summit", "meeting", "signing", "phone_call"} <= set(types)
    summit = next(e for e in doc.events if e.type == "summit")
    assert summit.place == "place:astana" and summit.date is not None and summit.date.value == "2025-06-17"
    signing = next(e for e in doc.events if e.type == "signing")
    assert signing.documents and signing.documents[0].count == 15
    call = next(e for e in doc.events if e.type == "phone_call")
    assert call.date is not None and call.date.value == "2025-06-16"
    assert "person:shavkat-mirziyoyev" in call.participants
    found = {(c.kind, tuple(sorted(c.actors)), c.due.value if c.due else None) for c in doc.commitments}
    assert ("scheduled_event", tuple(sorted(FORMAT)), "2027") in found
    assert ("scheduled_event", tuple(sorted(FORMAT)), "2026") in found  # the next foreign ministers' meeting
    assert ("scheduled_event", ("country:CHN", "country:KAZ"), "2026") in found  # the invitation
    assert ("pledge", ("country:CHN",), None) in found
    assert ("pledge", ("country:CHN",), "2025") in found
    assert ("pledge", ("country:UZB",), "2026") in found
    assert ("pledge", ("country:KAZ",), None) in found
    assert ("proposal", ("country:KAZ",)) in {(kind, actors) for kind, actors, _ in found}
    # welcoming, praising, noting and supporting are not commitments
    assert len(doc.commitments) == 9
    assert not any(c.action.startswith(("欢迎", "高度评价", "注意到", "支持")) for c in doc.commitments)


@pytest.mark.parametrize("text, name", [
    ("The talks were attended by Kazakh Trade Minister Arman Shakkaliyev.", "Arman Shakkaliyev"),
    ("Uzbek Energy Minister Jurabek Mirzamakhmudov opened the plant.", "Jurabek Mirzamakhmudov"),
])
def test_english_names_after_a_title_are_people_even_outside_the_knowledge_base(text: str, name: str) -> None:
    people = {e.name: e.known for e in extract(text, "en").entities.values() if e.type == "person"}
    assert people == {name: False}


def test_english_capitalised_words_without_a_title_are_not_people() -> None:
    doc = extract("The Trans-Caspian Route carried more Containers this Year.", "en")
    assert [e for e in doc.entities.values() if e.type == "person"] == []


def test_kazakh_a_reported_future_is_a_commitment() -> None:
    found = extract("Қытай тарабы алдағы үш жылда студенттерге 2000 стипендия бөлетінін мәлімдеді.", "kk").commitments
    assert [(c.kind, c.actors) for c in found] == [("pledge", ["country:CHN"])]


def test_kazakh_a_reported_position_is_not_a_commitment() -> None:
    assert extract("Тоқаев Қазақстанның бейбітшілікті қолдайтынын атап өтті.", "kk").commitments == []


def test_chinese_a_proposal_whose_content_follows_a_comma() -> None:
    found = extract("乌兹别克斯坦交通部有关负责人提议，在塔什干建设一座物流中心。", "zh").commitments
    assert [(c.kind, c.actors) for c in found] == [("proposal", ["country:UZB"])]

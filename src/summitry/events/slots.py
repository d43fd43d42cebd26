"""The slots a trigger's own clause fills: date, place, participants, format, ordinal, kind, documents.

The clause is the stretch of the sentence around the trigger up to a boundary: a
semicolon, a bracket, a spaced dash, or a comma that opens a new clause (a participle,
a gerund, a finite verb, a relative pronoun or a conjunction). Only what the clause
itself says is read here; what the text leaves out is filled later (summitry.events.fill).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summitry.doc import DateExpr, DateValue, Doc, Mention, SignedDocuments
from summitry.events.lexicon import EventLexicon
from summitry.events.parties import CLAUSE_POS as _CLAUSE_POS
from summitry.events.parties import PERIOD_REACH, Parties
from summitry.events.parties import RELATIVES as _RELATIVES
from summitry.events.triggers import LEADER_KINDS, Chain, Trigger, is_plural, noun_chain, sentence_tokens
from summitry.kb import KnowledgeBase

_HARD = re.compile(r"[;()\[\]]|\s[-–—]{1,2}\s|--|/")
_OPENERS = {
    "который", "что", "чтобы", "где", "когда", "а", "но", "однако", "передавать", "сообщать",
    "що", "який", "котрий", "де", "коли", "але", "проте", "передавати", "повідомляти",
    "which", "who", "where", "when", "while", "but", "that", "reports", "said",
}
_ASIDE_OPENERS = {"который", "котрий", "який", "which", "who", "whom", "whose"}
_EN_PREPOSITIONS = {"under", "by", "in", "through", "with", "for", "during", "after", "at", "on", "from", "of"}
_PREPOSITIONS = re.compile(r"^(?:в|во|на|с|со|к|у|із|з|за|до|по|from|in|on|at|since|by)\s", re.I)
_QUOTED_TITLE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?[«\"“]([^»\"”]{3,200})[»\"”]")
ZH_LOCATIVE_REACH = 16  # characters between "在" and the place it governs
ASIDE_CHARS = 40  # a bracketed gloss no longer than this is part of its clause


def _aside(text: str, left: int, right: int) -> bool:
    """True where the bracket between `left` and `right` opens or closes a short gloss with no
    clause in it: "(CNPC)", "(премьер-министров)", not "(которое завершилось вчера, ...)"."""
    gap = text[left:right]
    if "(" in gap:
        close = text.find(")", right)
        inner = text[right:close] if close >= 0 else ""
    elif ")" in gap:
        open_ = text.rfind("(", 0, left)
        inner = text[open_ + 1 : left] if open_ >= 0 else ""
    else:
        return False
    return 0 < len(inner) <= ASIDE_CHARS and not re.search(r"[,;:.!?()]", inner)
VICINITY_REACH = 3  # words between a vicinity noun ("берег", "shores") and the place it names


@dataclass
class Slots:
    """What one trigger's clause says about its event."""

    trigger: Trigger
    span: tuple[int, int]  # sentence span (evidence)
    clause: tuple[int, int]  # character span of the clause
    date: DateExpr | None = None
    place: str | None = None
    format: str | None = None
    ordinal: int | None = None
    kind: str | None = None
    participants: list[str] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)
    documents: list[SignedDocuments] = field(default_factory=list)
    linked: bool = False  # a setting link ("по итогам встречи") ties it to an earlier event
    link_noun: frozenset[str] = frozenset()  # the keys of the event noun after that link ("встречи")
    noun_keys: frozenset[str] = frozenset()  # the keys of the trigger's own event noun
    collective: bool = False  # done by those who met: "лидеры подписали", "the sides signed"
    eve: bool = False  # its date is "накануне", "the day before": the eve of the story's event
    within: bool = False  # held on the sidelines of another event: "на полях саммита провели встречу"
    near: bool = False  # its place is what it was near ("на берегу Иссык-Куля"), not the town

    @property
    def identity(self) -> bool:
        """True where the clause names anything that tells this event from another."""
        return any(x is not None for x in (self.date, self.place, self.ordinal))


class SlotReader(Parties):
    """Reads the slots of triggers in one Doc."""

    def __init__(self, doc: Doc, lexicon: EventLexicon, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.lex = lexicon
        self.kb = kb
        self.starts = [t.start for t in doc.tokens]
        self.formats = [m for m in doc.mentions if m.type == "format"]

    # --- clause -------------------------------------------------------------------
    def _opens_clause(self, k: int) -> bool:
        tokens = self.doc.tokens
        token = tokens[k]
        return token.pos in _CLAUSE_POS or not token.keys.isdisjoint(_OPENERS) or self._relative_after_preposition(k)

    def _relative_after_preposition(self, k: int) -> bool:
        """A relative clause opened by a preposition: "under which", "в рамках которого", "за яким"."""
        tokens = self.doc.tokens
        token = tokens[k]
        if token.pos == "PREP" or token.text.lower() in _EN_PREPOSITIONS:
            return any(not tokens[j].keys.isdisjoint(_RELATIVES) for j in range(k + 1, min(len(tokens), k + 3)))
        return False

    def _boundary(self, k: int, sentence_start: int) -> bool:
        """True where a clause boundary lies between tokens k-1 and k."""
        doc, tokens = self.doc, self.doc.tokens
        left, right = tokens[k - 1].end, tokens[k].start
        gap = doc.text[left:right]
        if _aside(doc.text, left, right):
            gap = re.sub(r"[()]", " ", gap)  # "(CNPC)", "(Народної ради)": a name's gloss, not a clause
        if not (_HARD.search(gap) or ("," in gap and self._opens_clause(k)) or self._relative_after_preposition(k)):
            return False
        if any(m.start < left and right < m.end for m in self.doc.mentions):
            return False  # inside a name: «Китай - Центральна Азія»
        head = doc.text[sentence_start:left]
        inside_quotes = head.count("«") > head.count("»") or head.count('"') % 2 == 1
        return not inside_quotes

    def clause(self, trigger: Trigger) -> tuple[int, int]:
        """Token range [a, b) of the trigger's clause."""
        sentence = self.doc.sentences[trigger.sentence]
        lo, hi = sentence_tokens(self.doc, sentence, self.starts)
        a = trigger.first
        while a > lo and not self._boundary(a, sentence.start):
            a -= 1
        for k in range(a, trigger.first):
            # "新华社杜尚别5月12日电 …": the dateline's agency, place and date are not the event's
            word = self.doc.tokens[k].text
            if word in self.lex.dateline_markers and (word.startswith("日") or (k > 0 and self.doc.tokens[k - 1].text.endswith("日"))):
                a = k + 1
        b = trigger.last + 1
        aside = self._aside_opener(a)
        while b < hi and not self._boundary(b, sentence.start):
            if aside and "," in self.doc.text[self.doc.tokens[b - 1].end : self.doc.tokens[b].start]:
                break  # "X, находящийся с визитом в Китае, сегодня провел переговоры": the aside ends
            b += 1
        return a, b

    def _aside_opener(self, a: int) -> bool:
        """True where the clause at token `a` is a participial or relative aside opened by a
        comma ("…, находящийся в Китае с визитом, …", "…, who arrived on Tuesday, …")."""
        tokens = self.doc.tokens
        if a == 0 or "," not in self.doc.text[tokens[a - 1].end : tokens[a].start]:
            return False
        return tokens[a].pos in ("PRTF", "GRND") or not tokens[a].keys.isdisjoint(_ASIDE_OPENERS)

    def _near(self, mention: Mention) -> bool:
        """True where the place is only what the event was near ("на берегу Иссык-Куля", "on the
        shores of Lake X", "в окрестностях Y"): a lake, a coast or an area, not the town it was in."""
        k = self._token_at(mention.start)
        if k is None:
            return False
        return bool(self.lex.vicinity.find(self.doc.tokens, max(0, k - VICINITY_REACH), k))

    def _place_mention(self, start: int, end: int, anchor: int) -> Mention | None:
        """The clause's place: one after a locative preposition first, nearest the trigger."""
        found = []
        for m in self.doc.mentions:
            if m.type != "place" or not (start <= m.start < end):
                continue
            if any(f.start <= m.start < f.end for f in self.formats):
                continue
            head = self.doc.text[max(0, m.start - 6) : m.start].lower()
            locative = bool(re.search(r"(?:^|\s)(?:в|во|у|на|из|із|з|in|at)\s+(?:г\.\s*|м\.\s*|городе\s+|місті\s+)?$", head))
            if self.lex.language == "zh":
                locative = self._zh_locative(m.start, start)
            locative = locative or self._near(m)  # "met on the shores of Lake X": where they met
            if not locative and m.start > anchor:
                continue  # "соглашение о модернизации пункта пропуска «Торугарт»": what it is about
            found.append((not locative, abs(m.start - anchor), m))
        if not found:
            return None
        return min(found, key=lambda f: (f[0], f[1]))[2]

    def _zh_locative(self, at: int, start: int) -> bool:
        """Chinese: a place after "在" with no clause break between ("在…首府霍罗格举行")."""
        head = self.doc.text[max(start, at - ZH_LOCATIVE_REACH) : at]
        cut = max(head.rfind(c) for c in "，,。；;、")
        return "在" in head[cut + 1 :]

    def _city_of(self, mention: Mention) -> str:
        """A venue gives its city: the knowledge base's `city` ("Дом народных собраний":
        Beijing), else the city it is named after ("Дом приемов правительства Тяньцзиня")."""
        entry = self.kb.get(mention.entity_id)
        if entry is not None and entry.city:
            return entry.city
        k = self._token_at(mention.start)
        while k is not None and k < len(self.doc.tokens) and self.doc.tokens[k].start < mention.end:
            for key in self.doc.tokens[k].keys:
                for entry in self.kb.find(key):
                    if entry.type == "place" and entry.id != mention.entity_id:
                        return entry.id
            k += 1
        return mention.entity_id

    # --- slots --------------------------------------------------------------------
    def read(self, trigger: Trigger) -> Slots:
        doc, tokens = self.doc, self.doc.tokens
        sentence = doc.sentences[trigger.sentence]
        a, b = self.clause(trigger)
        lo, hi = sentence_tokens(doc, sentence, self.starts)
        if trigger.extras.get("subject_only"):
            b = self._main_verb(trigger.last + 1, hi)  # "Приветствуя участников, X отметил, что ...": X
        elif trigger.via == "participation":
            b = hi  # "Во встрече приняли участие A, B и C": the whole list
        start, end = tokens[a].start, tokens[b - 1].end
        slots = Slots(trigger, (sentence.start, sentence.end), (start, end))
        anchor = tokens[trigger.noun if trigger.noun is not None else trigger.first].start
        slots.date = self._date(start, end, anchor)
        years_back = trigger.extras.get("years_back")
        if slots.date is None and isinstance(years_back, int) and doc.published is not None:
            # "прошлогодний саммит": the adjective dates it
            word = tokens[trigger.first]
            year = DateValue(str(doc.published.year - years_back), "year")
            slots.date = DateExpr(word.start, word.end, word.text, year, relative=True)
        slots.eve = slots.date is not None and slots.date.text.strip().lower() in self.lex.eves
        where = self._place_mention(start, end, anchor)
        if where is not None:
            slots.place, slots.near = self._city_of(where), self._near(where)
        slots.format = self._format(trigger, start, end)
        chain = None
        if trigger.noun is not None:
            slots.ordinal = self._ordinal(trigger.noun, lo)
            chain = noun_chain(doc, self.lex, trigger.noun, lo, hi)
            if chain.kind is None and trigger.verb is not None and a <= trigger.verb < trigger.noun:
                chain = self._subject_chain(chain, a, trigger.verb)
            slots.kind = chain.kind
        links = self.lex.setting_links.find(tokens, lo, b)
        slots.linked = bool(links)
        if links:
            slots.link_noun = self._noun_after(links[0][0][-1] + 1, b)
        if trigger.noun is not None:
            slots.noun_keys = tokens[trigger.noun].keys
        slots.within = self._within(trigger, lo, b)
        self._participants(slots, trigger, a, start, end)
        represents = trigger.extras.get("represents")
        if isinstance(represents, str) and represents not in slots.participants:
            slots.participants.append(represents)  # "The EU was represented by ...": the EU takes part
        if trigger.type == "meeting" and chain is not None and self._summit_level(slots, chain):
            trigger.type = "summit"
        if trigger.type == "signing":
            slots.documents = self._documents(trigger, b)
        if trigger.type in ("signing", "launch") and trigger.verb is not None:
            slots.collective = self._collective(a, trigger.verb)
        return slots

    def _main_verb(self, k: int, hi: int) -> int:
        """The first finite verb from token `k` (the end of a subject after a gerund); where
        the language has no tags, the end of the first person named from there; else `hi`."""
        tokens = self.doc.tokens
        for j in range(k, hi):
            if tokens[j].pos == "VERB":
                return j
        if any(t.pos for t in tokens[k:hi]):
            return hi
        person = next((m for m in self.doc.mentions if m.type == "person" and tokens[k].start <= m.start < tokens[hi - 1].end), None)
        end = self._token_at(person.end) if person is not None else None
        return min(hi, end) if end is not None else hi

    def _noun_after(self, k: int, hi: int) -> frozenset[str]:
        """The keys of an event noun right after a setting link ("по итогам заседания"), if any."""
        tokens = self.doc.tokens
        for j in range(k, min(hi, k + 2)):
            if self.lex.nouns.at(tokens, j, hi) or self.lex.generic_nouns.at(tokens, j, hi):
                return tokens[j].keys
        return frozenset()

    def _within(self, trigger: Trigger, lo: int, hi: int) -> bool:
        """True where the clause sets the trigger on the sidelines of another event noun
        ("на полях наради ... провів переговори", "on the sidelines of the summit, X met Y")."""
        tokens = self.doc.tokens
        for words, _ in self.lex.sidelines.find(tokens, lo, hi):
            k = words[-1] + 1
            for j in range(k, min(hi, k + 3)):
                if j != trigger.noun and self.lex.nouns.at(tokens, j, hi):
                    return True
        return False

    def _subject_chain(self, chain: Chain, a: int, verb: int) -> Chain:
        """Who meets, said by the subject of the verb: "Совет глав правительств ШОС провел заседание"."""
        tokens = self.doc.tokens
        subject = Chain(chain.first, chain.last, council=chain.council, body=chain.body)
        lo, hi = tokens[a].start, tokens[verb].start
        subject.body = subject.body or any(
            m.type in ("format", "organization") and lo <= m.start < hi for m in self.doc.mentions
        )
        for j in range(a, verb):
            hit = self.lex.kinds.at(tokens, j, verb)
            if hit is not None and subject.kind is None:
                subject.kind = hit[1].value
            if not tokens[j].keys.isdisjoint(self.lex.councils):
                subject.council = True
        return subject

    def _summit_level(self, slots: Slots, chain: Chain) -> bool:
        """True where a meeting is one of heads of state or government of a multilateral format.

        "заседание Совета глав правительств ШОС", "meeting of heads of government of the CIS",
        "Үкімет басшылары кеңесінің отырысы": a summit (record.md). Leaders of two states
        meeting stay a meeting.
        """
        if chain.kind not in LEADER_KINDS:
            return False
        states = {p for p in slots.participants if p.startswith("country:")}
        return chain.multilateral or slots.format is not None or len(states) >= 3

    def _collective(self, a: int, verb: int) -> bool:
        """True where the verb's subject is the plural of those who met ("главы делегаций")."""
        tokens = self.doc.tokens
        for words, _ in self.lex.collective.find(tokens, a, verb):
            if is_plural(tokens[words[0]], self.doc.language or self.lex.language):
                return True
        return False

    def _date(self, start: int, end: int, anchor: int) -> DateExpr | None:
        asides = self._asides(start, end, anchor)
        found = []
        for expr in self.doc.dates:
            if not (start <= expr.start < end) or self._attribute_date(expr) or self.period_of(expr) is not None:
                continue
            if any(a <= expr.start < b for a, b in asides):
                continue  # "X, who arrived on Tuesday, held talks on Wednesday": the aside's own date
            found.append(expr)
        return min(found, key=lambda d: abs(d.start - anchor)) if found else None

    def _asides(self, start: int, end: int, anchor: int) -> list[tuple[int, int]]:
        """Character spans of the relative and participial asides between commas in a clause
        ("…, who arrived in Beijing on Tuesday, …", "…, прибывший накануне в Пекин, …") before
        the trigger: what they date is another happening. One after the trigger's noun
        ("форума, состоявшегося 4-5 апреля") dates the trigger itself."""
        tokens, text = self.doc.tokens, self.doc.text
        out: list[tuple[int, int]] = []
        k = self._token_at(start)
        if k is None:
            return out
        opened: int | None = None
        while k < len(tokens) and tokens[k].start < end:
            token = tokens[k]
            comma = k > 0 and "," in text[tokens[k - 1].end : token.start]
            if comma and opened is not None:
                a = tokens[opened].start
                if token.start <= anchor:  # an aside after the trigger's noun describes it
                    out.append((a, token.start))
                opened = None
            if comma and (token.pos in ("PRTF", "GRND") or not token.keys.isdisjoint(_ASIDE_OPENERS)):
                opened = k
            k += 1
        return out

    def _attribute_date(self, expr: DateExpr) -> bool:
        """A date that names an edition ("Саммит ШОС 2025 года"), not when the clause happened."""
        if _PREPOSITIONS.match(expr.text) or expr.relative:
            return False  # "峰会今天举行", "заседание 13 ноября": when, not which edition
        edge = len(self.doc.text[: expr.start].rstrip())
        for m in self.doc.mentions:
            if m.type in ("organization", "format") and m.end == edge:
                return True
        k = self._token_at(expr.start)
        if k:
            previous = k - 1
            if self.doc.tokens[previous].end == edge and self.lex.nouns.at(self.doc.tokens, previous, previous + 1):
                return True
        return False

    def period_of(self, expr: DateExpr) -> int | None:
        """The token of the document noun whose period of validity `expr` is, if it is one.

        "Стратегия развития ШОС до 2035 года", "Дорожная карта на 2025–2027 годы", "a
        roadmap for 2026-2030": the years say how long the document runs, not when it was
        signed. A period is a range or a date after a period preposition (до, на, until,
        for), with only the document's own words between it and its noun.
        """
        k = self._token_at(expr.start)
        if k is None:
            return None
        tokens = self.doc.tokens
        first = tokens[k]
        if first.keys.isdisjoint(self.lex.period_prepositions) and expr.end_value is None:
            return None
        for j in range(k - 1, max(-1, k - 1 - PERIOD_REACH), -1):
            gap = self.doc.text[tokens[j].end : tokens[j + 1].start]
            if re.search(r"[,;:.!?()]", gap) or tokens[j].pos in _CLAUSE_POS:
                return None
            if self.lex.period_nouns.at(tokens, j, k) or self.lex.document_nouns.at(tokens, j, k):
                return j
        return None

    def _format(self, trigger: Trigger, start: int, end: int) -> str | None:
        inside = [m for m in self.formats if start <= m.start < end]
        if inside:
            return inside[0].entity_id
        if trigger.noun is None:
            return None
        noun_end = self.doc.tokens[trigger.noun].end
        for m in self.doc.mentions:
            if m.type == "organization" and 0 <= m.start - noun_end <= 40 and m.end <= end:
                entry = self.kb.get(m.entity_id)
                if entry is not None and entry.meetings:
                    return m.entity_id
        return None

    def _ordinal(self, noun: int, lo: int) -> int | None:
        tokens = self.doc.tokens
        for k in range(noun - 1, max(lo, noun - 6) - 1, -1):
            token = tokens[k]
            if token.text.isdigit() and k + 1 < noun:
                suffix = tokens[k + 1].text.lower()
                gap = self.doc.text[token.end : tokens[k + 1].start]
                if gap.strip() in ("-", "‑", "–") and suffix in self.lex.ordinal_suffixes:
                    return int(token.text)
            hit = self.lex.ordinals.at(tokens, k, noun)
            if hit is not None:
                return int(hit[1].value)
        return None

    def _token_at(self, offset: int) -> int | None:
        from bisect import bisect_left

        k = bisect_left(self.starts, offset)
        return k if k < len(self.starts) else None

    def _documents(self, trigger: Trigger, b: int) -> list[SignedDocuments]:
        doc, tokens, lex = self.doc, self.doc.tokens, self.lex
        after = trigger.last + 1
        count = None
        first_doc = None
        for k in range(after, min(b, after + 8)):
            if lex.document_nouns.at(tokens, k, k + 1):
                first_doc = k
                break
        if first_doc is not None:
            for k in range(first_doc - 1, max(after, first_doc - 4) - 1, -1):
                if tokens[k].text.isdigit():
                    count = int(tokens[k].text)
                    break
                hit = lex.cardinals.at(tokens, k, first_doc)
                if hit is not None:
                    count = int(hit[1].value)
                    break
        title = None
        sentence = doc.sentences[trigger.sentence]
        quoted = _QUOTED_TITLE.match(doc.text[tokens[trigger.last].end : sentence.end])
        if quoted:
            title = quoted.group(1).strip()
        else:
            for expr in doc.dates:
                noun = self.period_of(expr) if tokens[after].start <= expr.start < tokens[b - 1].end else None
                if noun is not None:
                    # the period is part of the document's name: "Стратегию развития ШОС до 2035 года"
                    title = doc.text[tokens[noun].start : expr.end]
                    break
        topics: list[str] = []
        for _, entry in lex.topics.find(tokens, first_doc or after, b):
            if entry.value not in topics:
                topics.append(entry.value)
        if title is None and count is None and not topics:
            return []
        return [SignedDocuments(title=title, count=count, topics=topics)]

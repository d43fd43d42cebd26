"""Event triggers in a sentence, and whether each reports a PAST (or present) event.

A trigger is one of:
- an event noun bound to a nearby "happen" verb ("состоялась встреча", "форума,
  состоявшегося", "принял участие в саммите", "саміту, що завершився");
- a verb that is an event by itself ("встретился", "подписали", "прибывшим");
- a report verb with the noun of a signing or launch as its object ("было объявлено о
  подписании ... а также о презентации", "приветствуем запуск");
- an event noun with a relative date adjective ("сегодняшний саммит"), a past adjective
  ("прошлогодний саммит", "last year's summit") or after a link in time ("в ходе визита"):
  a coreference (`coref`) to an event seen before, or a past event of its own;
- a hosting verb with people as its object ("принял в Акорде делегацию", "прийняв лідерів
  на саміті"): a meeting, or the event whose noun follows;
- a participation, chairing or representing verb with no event noun ("В ней приняли
  участие ...", "Головував на ньому ...", "Индию представлял ...", "Делегации возглавили
  ...") or who addresses those gathered ("Приветствуя участников, X отметил"): an anaphoric
  report (type '') of the event reported just before, resolved by summitry.events.build.merge.
The verb's tense decides past versus future (pymorphy tags for ru/uk; English and Kazakh
lexicons list past forms only), and cue words before the trigger ("предстоящий",
"будет", "не") veto it: a planned event is a commitment, not an event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Any

from summitry.doc import Doc, Mention, Sentence, Token
from summitry.events.lexicon import Entry, EventLexicon, Matcher
from summitry.morph import analyzer

WINDOW = 8  # tokens between a happen verb and its noun
CUE_WINDOW = 5  # tokens before a trigger where a future cue vetoes it
HOST_REACH = 8  # tokens after a hosting verb where its guests are named ("принял в Белом доме своего коллегу X")
HOST_WINDOW = 12  # tokens after a hosting verb where the event it hosted is named
SUBJECT_REACH = 16  # tokens between an event noun heading a long subject and its happen verb
ONGOING_WINDOW = 4  # tokens between "продолжается", "is under way" and the event under way
_VERBAL = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}
ZH_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")  # Chinese clause punctuation (not "、", a list comma)
ZH_SUBJECT_PREFIX = "方"  # jieba joins "双方同意", "哈方愿": a party word and the verb after it


def zh_keys(token: Token) -> frozenset[str]:
    """A Chinese token's keys with the verb that jieba glued to a party word ("双方同意": 同意)."""
    word = token.text
    if len(word) >= 3 and word[1] == ZH_SUBJECT_PREFIX:
        return token.keys | {word[:2], word[2:]}
    return token.keys


@dataclass
class Trigger:
    """One event trigger: its type, the token indices it spans, and what kind it is."""

    type: str
    sentence: int
    first: int  # first token index of the trigger (verb or noun)
    last: int  # last token index
    noun: int | None = None  # token index of the event noun, where there is one
    verb: int | None = None  # token index of the verb, where there is one
    via: str = "happen"  # happen | verb | report | coref | participation
    offset_days: int | None = None  # coref: the date adjective's offset from publication
    extras: dict[str, object] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Trigger({self.type} via {self.via} @{self.first}-{self.last})"


def tense(token: Token, language: str) -> str:
    """past | present | future | infinitive | conditional-free guess for a verb token."""
    morph = analyzer(language)
    if morph is None:
        return "past"
    forms = set()
    for parse in morph.parse(token.text.lower())[:6]:
        tag = parse.tag
        if tag.POS not in _VERBAL:
            continue
        if tag.POS == "INFN" or "infn" in str(tag):  # pymorphy3-uk tags infinitives VERB,infn
            forms.add("infinitive")
        elif "past" in tag or "Impe" in tag:
            forms.add("past")
        elif "pres" in tag:
            forms.add("present")
        elif "futr" in tag:
            forms.add("future")
        elif "impr" in tag:
            forms.add("imperative")
    # biaspectual verbs ("приветствуем") read as both present and future: present wins
    for form in ("past", "present", "future", "infinitive", "imperative"):
        if form in forms:
            return form
    return "past"  # adjectivised participles ("прошедший", "состоявшийся")


def is_plural(token: Token, language: str) -> bool:
    """True where a noun token can be plural (pymorphy for ru/uk; a plural ending otherwise)."""
    morph = analyzer(language)
    word = token.text.lower()
    if morph is None:
        return bool(re.search(r"(?:s|лар|лер|дар|дер|тар|тер)$", word))
    return any("plur" in p.tag for p in morph.parse(word)[:6] if p.tag.POS == "NOUN")


_CHAIN_GAP = re.compile(r"[\s\-‑–—«»\"“”'’]*")
CHAIN_REACH = 12  # tokens of an event noun's dependents: "засідання Ради глав урядів держав – членів ШОС"
LEADER_KINDS = ("summit", "heads_of_government")  # kinds whose gatherings of a multilateral format are summits


@dataclass
class Chain:
    """Who meets, as the words around an event noun say: "заседание Совета глав правительств ШОС".

    `kind` is the mechanism (heads of state, foreign ministers ...), `council` is true where a
    council of a format stands in between ("Совета", "Ради", "Council of", "кеңесінің"), and
    `body` where a format or an organization is named in the chain ("... ШОС", "of the CIS").
    """

    first: int
    last: int
    kind: str | None = None
    council: bool = False
    body: bool = False

    @property
    def multilateral(self) -> bool:
        return self.council or self.body


def noun_chain(doc: Doc, lexicon: EventLexicon, noun: int, lo: int, hi: int) -> Chain:
    """The dependents of the event noun at token `noun`: on its right (its genitives), and, where
    none names a kind, on its left ("SCO Council of Heads of State meeting", "Мемлекет басшылары
    кеңесінің отырысы"). Only kind phrases, council nouns, link words and names of formats or
    organizations belong to the chain; anything else ends it.
    """
    tokens = doc.tokens
    bodies = [m for m in doc.mentions if m.type in ("format", "organization")]
    chain = Chain(noun, noun)

    def body_at(k: int) -> int | None:
        """The last token of a format or organization name starting at or covering token k."""
        for m in bodies:
            if m.start <= tokens[k].start < m.end:
                j = k
                while j + 1 < len(tokens) and tokens[j + 1].start < m.end:
                    j += 1
                return j
        return None

    def joined(left: int, right: int) -> bool:
        return bool(_CHAIN_GAP.fullmatch(doc.text[tokens[left].end : tokens[right].start]))

    def named(into: Chain, first: int, last: int) -> None:
        """A body's name may say who meets: "Совета глав правительств ШОС" (an organization)."""
        into.body = True
        for j in range(first, last + 1):
            hit = lexicon.kinds.at(tokens, j, last + 1)
            if hit is not None and into.kind is None:
                into.kind = hit[1].value
            if not tokens[j].keys.isdisjoint(lexicon.councils):
                into.council = True

    k = noun + 1
    while k < min(hi, noun + 1 + CHAIN_REACH) and joined(k - 1, k):
        hit = lexicon.kinds.at(tokens, k, hi)
        end = body_at(k)
        if hit is not None:
            chain.kind = chain.kind or hit[1].value
            k = hit[0][-1]
        elif end is not None:
            named(chain, k, end)
            k = end
        elif not tokens[k].keys.isdisjoint(lexicon.councils):
            chain.council = True
        elif tokens[k].keys.isdisjoint(lexicon.kind_links):
            break
        else:
            k += 1  # a link word ("of", "государств"): part of the chain only before more of it
            continue
        chain.last = k
        k += 1
    if chain.kind is not None:
        return chain
    left = Chain(noun, chain.last, council=chain.council, body=chain.body)
    k = noun - 1
    while k >= max(lo, noun - CHAIN_REACH) and joined(k, k + 1):
        hit = next(
            (h for j in range(k, max(lo, k - 4) - 1, -1) if (h := lexicon.kinds.at(tokens, j, k + 1)) and h[0][-1] == k),
            None,
        )
        end = body_at(k)
        if hit is not None:
            left.kind = left.kind or hit[1].value
            k = hit[0][0]
        elif end is not None:
            last = k
            while k > 0 and body_at(k - 1) == end:
                k -= 1
            named(left, k, last)
        elif not tokens[k].keys.isdisjoint(lexicon.councils):
            left.council = True
        elif tokens[k].keys.isdisjoint(lexicon.kind_links):
            break
        left.first = k
        k -= 1
    return left if left.kind is not None else chain


def sentence_tokens(doc: Doc, sentence: Sentence, starts: list[int] | None = None) -> tuple[int, int]:
    """The token index range [lo, hi) of a sentence."""
    starts = starts if starts is not None else [t.start for t in doc.tokens]
    return bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)


class TriggerFinder:
    """Finds the triggers of one sentence with a language's lexicon."""

    def __init__(self, doc: Doc, lexicon: EventLexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.language = doc.language or lexicon.language
        self.starts = [t.start for t in doc.tokens]
        self.chains: dict[int, Chain] = {}
        self._hi = len(doc.tokens)  # the end of the sentence being read

    def vetoed(self, first: int, verb: int | None, lo: int) -> bool:
        """True where cues make the trigger a plan, a negation or a conditional."""
        tokens = self.doc.tokens
        if self.language == "zh":
            return self._zh_planned(first, verb, lo)
        if verb is not None:
            form = tense(tokens[verb], self.language)
            if form in ("future", "infinitive", "imperative"):
                return True
            for k in range(max(lo, verb - 3), verb):
                keys = tokens[k].keys
                if not keys.isdisjoint(self.lex.conditional):
                    return True
                if not keys.isdisjoint(self.lex.future_auxiliaries) and tense(
                    tokens[k], self.language
                ) in ("future", "infinitive"):
                    return True
            if verb > lo and not tokens[verb - 1].keys.isdisjoint(self.lex.negations):
                return True
            if form == "present" and self._habitual(lo):
                return True  # "саммиты проходят ежегодно": a habit, not a report
        start = max(lo, first - CUE_WINDOW)
        if self.lex.soft_future_cues.find(tokens, start, first + 1):
            # "очередной саммит пройдет" is a plan; "очередной саммит проходит" is under way
            if verb is None or tense(tokens[verb], self.language) not in ("past", "present"):
                return True
        if self.lex.appraisal.find(tokens, start, first + 1):
            return True  # "высоко оценил итоги прошедшего саммита": an appraisal, not a report
        return bool(self.lex.future_cues.find(tokens, start, first + 1))

    def _habitual(self, lo: int) -> bool:
        """True where the sentence from token `lo` says how often something is done ("ежегодно")."""
        return bool(self.lex.habitual.find(self.doc.tokens, lo, self._hi))

    def _zh_planned(self, first: int, verb: int | None, lo: int) -> bool:
        """Chinese verbs have no tense: a trigger is a plan where a future or planning word
        ("将于", "同意", "邀请") stands before it in its clause, or an upcoming word ("下一届",
        "明年") anywhere in it; a done marker ("了" after the verb, "已经" before it) keeps it past."""
        tokens, text = self.doc.tokens, self.doc.text
        at = verb if verb is not None else first
        raw = self.lex.raw
        past = frozenset(str(w) for w in raw.get("past_markers") or ())
        if at > lo and not zh_keys(tokens[at - 1]).isdisjoint(self.lex.negations | self.lex.conditional):
            return True
        if at + 1 < len(tokens) and tokens[at + 1].text in past and tokens[at + 1].start == tokens[at].end:
            return False  # "签署了"
        if any(tokens[k].text in past for k in range(max(lo, at - 2), at)):
            return False  # "已经抵达"
        start = first
        while start > lo and not ZH_CLAUSE.search(text[tokens[start - 1].end : tokens[start].start]):
            start -= 1
        end = at + 1
        while end < len(tokens) and not ZH_CLAUSE.search(text[tokens[end - 1].end : tokens[end].start]):
            end += 1
        before = [replace(t, keys=zh_keys(t)) for t in tokens[start : at + 1]]
        if self.lex.future_cues.find(before):
            return True
        upcoming = frozenset(str(w) for w in raw.get("upcoming") or ())
        return any(t.text in upcoming for t in tokens[at + 1 : end])

    def _bind_noun(
        self, nouns: list[tuple[int, str]], at: int, lo: int, hi: int, window: int = WINDOW
    ) -> tuple[int, str] | None:
        """The event noun nearest to a verb at token `at`, within `window` tokens."""
        best = None
        for index, kind in nouns:
            chain = self.chains.get(index)
            # a verb after the noun's dependents binds across them: "A meeting of the SCO
            # Council of Heads of State was held"
            distance = at - chain.last if chain is not None and chain.last < at else abs(index - at)
            if distance > window:
                continue
            # a noun after the verb (its object or subject) wins a tie
            key = (distance, 0 if index > at else 1)
            if best is None or key < best[0]:
                best = (key, (index, kind))
        return best[1] if best else None

    def _subject_noun(self, nouns: list[tuple[int, str]], verb: int, lo: int) -> tuple[int, str] | None:
        """The event noun heading a long subject of a happen verb: "The first summit between the
        European Union and the five Central Asian states took place": no clause break, verb or
        other event noun stands between them."""
        tokens, text = self.doc.tokens, self.doc.text
        typed = dict(n for n in nouns if n[1])
        for k in range(verb - 1, max(lo, verb - SUBJECT_REACH) - 1, -1):
            if re.search(r"[,;:()\[\]]|\s[-–—]\s", text[tokens[k].end : tokens[k + 1].start]):
                return None
            if k in typed:
                return (k, typed[k])
            if tokens[k].pos in _VERBAL or any(i == k for i, _ in nouns):
                return None
        return None

    def _generic_nouns(self, lo: int, hi: int, nouns: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Nouns that name some event without its type ("мероприятие", "ceremony"), typed ''.

        One followed closely by a typed event noun is that noun's head ("церемония
        подписания", "церемония начала строительства") and is left to it.
        """
        typed = {index for index, _ in nouns}
        inside = {k for words, _ in self.lex.nouns.find(self.doc.tokens, lo, hi) for k in range(words[0], words[-1] + 1)}
        out = []
        for words, _ in self.lex.generic_nouns.find(self.doc.tokens, lo, hi):
            k = words[-1]
            if k in inside or any(k < t <= k + 2 for t in typed):
                continue  # "groundbreaking ceremony" is a typed noun of its own
            out.append((words[0], ""))
        return out

    def _next_to_country(self, first: int, last: int) -> Mention | None:
        """The state (or body: "The EU was represented by") named right before or after the
        words [first, last], a passive auxiliary allowed between."""
        tokens = self.doc.tokens
        before = tokens[first].start
        after = tokens[last].end
        for m in self.doc.mentions:
            if m.type not in ("country", "organization", "format"):
                continue
            gap = self.doc.text[m.end : before] if m.end <= before else self.doc.text[after : m.start]
            if m.type == "country" and (0 <= before - m.end <= 2 or 0 <= m.start - after <= 2):
                return m
            if m.end <= before and re.fullmatch(r"\s+(?:(?:was|were|is|are|has been|have been)\s+)?", gap):
                return m
        return None

    def _hosts_guests(self, last: int, hi: int) -> bool:
        """True where a hosting verb's object is people: a person's name or "лидеров", "делегацию"."""
        tokens = self.doc.tokens
        people = {m.start for m in self.doc.mentions if m.type == "person"}
        if self.lex.raw.get("verb_final"):
            # Kazakh puts the object before the verb: "Қытай министрін қабылдады"
            ahead = range(last - 1, max(-1, last - 1 - HOST_REACH), -1)
            return any(self.lex.guests.at(tokens, k, last) for k in ahead)
        if last + 1 < hi and not tokens[last + 1].keys.isdisjoint(self.lex.agent_markers):
            return False  # "hosted by President X": a passive, X is the host
        for k in range(last + 1, min(hi, last + 1 + HOST_REACH)):
            if re.search(r"[,;:.!?]", self.doc.text[tokens[k - 1].end : tokens[k].start]) or tokens[k].pos in _VERBAL:
                return False  # "приняли декларацию, которую подписали президенты": not its guests
            if tokens[k].start in people or self.lex.guests.at(tokens, k, hi):
                return True
        return False

    def _setting_before(self, noun: int, lo: int) -> int | None:
        """The first token of a link in time ("в ходе", "during") right before an event noun."""
        for k in range(noun - 1, max(lo, noun - 4) - 1, -1):
            hit = self.lex.during.at(self.doc.tokens, k, noun)
            if hit is not None and hit[0][-1] >= noun - 2:
                return k
        return None

    def _future_sentence(self, lo: int, hi: int) -> bool:
        """True where a sentence's verbs speak of the future ("В ходе визита будут подписаны")."""
        for token in self.doc.tokens[lo:hi]:
            if not token.keys.isdisjoint(self.lex.future_auxiliaries):
                if analyzer(self.language) is None or tense(token, self.language) in ("future", "infinitive"):
                    return True
            elif token.pos in _VERBAL and tense(token, self.language) in ("future", "infinitive", "imperative"):
                return True
        return False

    def _past_noun(self, noun: int, lo: int, hi: int) -> bool:
        lex = self.lex
        return any(self._adjective_before(m, noun, lo, hi) is not None for m in (lex.year_adjectives, lex.past_adjectives))

    def _adjective_before(self, matcher: Matcher[Any], noun: int, lo: int, hi: int) -> tuple[list[int], Entry[Any]] | None:
        """A lexicon adjective ending right before an event noun: "прошлогодний", "last year's"."""
        for k in (noun - 1, noun - 2):
            if k < lo:
                break
            hit = matcher.at(self.doc.tokens, k, noun)
            if hit is not None and hit[0][-1] == noun - 1:
                return hit
        return None

    def find(self, number: int, sentence: Sentence) -> list[Trigger]:
        doc, lex = self.doc, self.lex
        tokens = doc.tokens
        lo, hi = sentence_tokens(doc, sentence, self.starts)
        if lo >= hi:
            return []
        nouns: list[tuple[int, str]] = []
        for words, entry in lex.nouns.find(tokens, lo, hi):
            nouns.append((words[0], entry.value))
        nouns = sorted(nouns + self._generic_nouns(lo, hi, nouns))
        self.chains = {index: noun_chain(doc, lex, index, lo, hi) for index, kind in nouns if kind}
        self._hi = hi
        triggers: list[Trigger] = []
        used_nouns: set[int] = set()
        verb_tokens: set[int] = set()

        def attend(words: list[int], bound: tuple[int, str] | None, via: str, anaphoric: bool = True) -> None:
            """A happen, chairing or hosting verb bound to its noun; joins a trigger on that noun."""
            verb = words[0]
            verb_tokens.update(words)
            if bound is None:
                # "В ней приняли участие ...", "Головував на ньому ...": the event is named before
                if via == "participation" and anaphoric and not self.vetoed(verb, verb, lo):
                    triggers.append(Trigger("", number, verb, words[-1], None, verb, via, extras={"anaphoric": True}))
                return
            index, kind = bound
            first, last = min(verb, index), max(words[-1], index)
            joined = next((t for t in triggers if t.noun == index), None)
            if joined is not None:
                # "пройшов саміт, що завершився вчора": one event, the trigger grows
                joined.first, joined.last = min(joined.first, first), max(joined.last, last)
                return
            if self.vetoed(first, verb, lo):
                used_nouns.add(index)
                return
            triggers.append(Trigger(kind, number, first, last, index, verb, via))
            used_nouns.add(index)

        for words, _ in lex.happen.find(tokens, lo, hi):
            if words[0] in verb_tokens:
                continue
            bound = self._bind_noun([n for n in nouns if n[0] not in words], words[0], lo, hi)
            via = "participation" if lex.participation.at(tokens, words[0], hi) else "happen"
            if bound is None and via == "happen":
                bound = self._subject_noun(nouns, words[0], lo)
            if bound is None and via != "participation":
                continue
            attend(words, bound, via)
        for words, _ in lex.ongoing.find(tokens, lo, hi):
            # "В Ташкенте продолжается визит", "the summit is under way": an event under way now
            if words[0] in verb_tokens or self._habitual(lo):
                continue
            free = [n for n in nouns if n[1] and n[0] not in words and n[0] not in used_nouns]
            bound = self._bind_noun(free, words[0], lo, hi, ONGOING_WINDOW)
            if bound is None:
                continue
            count = len(triggers)
            attend(words, bound, "happen")
            for trigger in triggers[count:]:
                trigger.extras["ongoing"] = True
        for words, _ in lex.chairing.find(tokens, lo, hi):
            if words[0] in verb_tokens:
                continue
            bound = self._bind_noun([n for n in nouns if n[0] not in words], words[0], lo, hi)
            attend(words, bound, "participation")
        for words, _ in lex.opening.find(tokens, lo, hi):
            # "Заседание открыл Президент": who opens a gathering takes part in it
            if words[0] in verb_tokens:
                continue
            bound = self._bind_noun([n for n in nouns if n[0] not in words], words[0], lo, hi)
            if bound is not None:
                attend(words, bound, "participation")
        for words, _ in lex.addressing.find(tokens, lo, hi):
            # "Приветствуя участников, глава правительства X отметил ...": who addresses those
            # gathered takes part in the event just reported (the subject, not the whole sentence)
            if words[0] in verb_tokens:
                continue
            count = len(triggers)
            attend(words, None, "participation")
            for trigger in triggers[count:]:
                trigger.extras["subject_only"] = True
        for words, _ in lex.representing.find(tokens, lo, hi):
            # "Индию представлял министр ...": a delegate at the event just reported
            body = self._next_to_country(words[0], words[-1]) if words[0] not in verb_tokens else None
            if body is not None:
                count = len(triggers)
                attend(words, None, "participation")
                for trigger in triggers[count:]:
                    trigger.extras["represents"] = body.entity_id
        for words, _ in lex.hosting.find(tokens, lo, hi):
            # "принял у себя лидеров", "прийняв ... лідерів ... на саміті": a meeting, or the
            # event whose noun is near
            if words[0] in verb_tokens or not self._hosts_guests(words[-1], hi):
                continue
            hosted = [n for n in nouns if n[1] and n[0] not in used_nouns and n[0] > words[-1]]
            bound = self._bind_noun(hosted, words[0], lo, hi, HOST_WINDOW)
            if bound is None:
                verb_tokens.update(words)
                if not self.vetoed(words[0], words[0], lo):
                    triggers.append(Trigger("meeting", number, words[0], words[-1], None, words[0], "verb"))
                continue
            attend(words, bound, "happen")
        for words, entry in lex.verbs.find(tokens, lo, hi):
            verb = words[0]
            if verb in verb_tokens or (self.language == "zh" and verb in used_nouns):
                continue  # zh: "会晤" is noun and verb; a noun already bound is no trigger of its own
            verb_tokens.update(words)
            if self.vetoed(verb, verb, lo):
                continue
            kind = entry.value
            bound = self._bind_noun([n for n in nouns if n[1] == kind and n[0] not in used_nouns], verb, lo, hi)
            if bound is not None:
                used_nouns.add(bound[0])
            trigger = Trigger(kind, number, verb, words[-1], None, verb, "verb")
            if lex.arrival.at(tokens, verb, hi) and bound is None:
                trigger.extras["arrival"] = True  # "приехали": a visit, or attendance of a meeting
            triggers.append(trigger)
        for words, _ in lex.report.find(tokens, lo, hi):
            verb = words[0]
            if self.vetoed(verb, verb, lo):
                continue
            for index, kind in nouns:
                if kind not in lex.reported_types or index in used_nouns or index <= words[-1]:
                    continue
                direct = index - words[-1] <= 2
                governed = index > lo and not tokens[index - 1].keys.isdisjoint(lex.report_prepositions)
                if not (direct or governed):
                    continue
                if self.vetoed(index, None, max(lo, words[-1] + 1)):
                    continue
                used_nouns.add(index)
                triggers.append(Trigger(kind, number, verb, index, index, verb, "report"))
        for index, kind in nouns:
            if index in used_nouns or index <= lo or not kind:
                continue
            hit = lex.date_adjectives.at(tokens, index - 1, hi)
            if hit is not None:
                triggers.append(Trigger(kind, number, index - 1, index, index, None, "coref", hit[1].value))
                continue
            # "прошлогодний саммит", "на минулорічному саміті", "last year's summit": a past
            # event named in a noun phrase
            if self._past_noun(index, lo, hi):
                triggers.append(Trigger(kind, number, index - 1, index, index, None, "coref"))
                continue
            # "договоренности, достигнутые в ходе визита": an event named as the setting of
            # something done; the report of an event seen before, or one of its own
            link = self._setting_before(index, lo)
            if link is not None and not self._future_sentence(lo, hi) and not self.vetoed(link, None, lo):
                triggers.append(Trigger(kind, number, link, index, index, None, "coref"))
        if any(not t.extras.get("anaphoric") for t in triggers):
            # a sentence with an event of its own: "чья страна председательствовала в ШОС" in it
            # is not a report of the event before
            triggers = [t for t in triggers if not t.extras.get("anaphoric")]
        for trigger in triggers:
            if trigger.extras.get("ongoing"):
                trigger.extras["tense"] = "present"
            elif trigger.verb is not None:
                trigger.extras["tense"] = tense(tokens[trigger.verb], self.language)
            if trigger.noun is not None and trigger.noun > lo:
                year = self._adjective_before(lex.year_adjectives, trigger.noun, lo, hi)
                if year is not None or self._adjective_before(lex.past_adjectives, trigger.noun, lo, hi) is not None:
                    trigger.extras["past"] = True
                if year is not None:
                    trigger.extras["years_back"] = -int(year[1].value)
        return sorted(triggers, key=lambda t: t.first)

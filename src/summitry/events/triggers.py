"""Event triggers in a sentence, and whether each reports a PAST (or present) event.

A trigger is one of:
- an event noun bound to a nearby "happen" verb ("состоялась встреча", "форума,
  состоявшегося", "принял участие в саммите", "саміту, що завершився");
- a verb that is an event by itself ("встретился", "подписали", "прибывшим");
- a report verb with the noun of a signing or launch as its object ("было объявлено о
  подписании ... а также о презентации", "приветствуем запуск");
- an event noun with a relative date adjective ("сегодняшний саммит"): it dates an event
  and is kept as a coreference (`coref`).
The verb's tense decides past versus future (pymorphy tags for ru/uk; English and Kazakh
lexicons list past forms only), and cue words before the trigger ("предстоящий",
"будет", "не") veto it: a planned event is a commitment, not an event.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from summitry.doc import Doc, Sentence, Token
from summitry.events.lexicon import EventLexicon
from summitry.morph import analyzer

WINDOW = 8  # tokens between a happen verb and its noun
CUE_WINDOW = 5  # tokens before a trigger where a future cue vetoes it
_VERBAL = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}


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
        if tag.POS == "INFN":
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

    def vetoed(self, first: int, verb: int | None, lo: int) -> bool:
        """True where cues make the trigger a plan, a negation or a conditional."""
        tokens = self.doc.tokens
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
        start = max(lo, first - CUE_WINDOW)
        return bool(self.lex.future_cues.find(tokens, start, first + 1))

    def _bind_noun(self, nouns: list[tuple[int, str]], at: int, lo: int, hi: int) -> tuple[int, str] | None:
        """The event noun nearest to a verb at token `at`, within WINDOW tokens."""
        best = None
        for index, kind in nouns:
            distance = abs(index - at)
            if distance > WINDOW:
                continue
            # a noun after the verb (its object or subject) wins a tie
            key = (distance, 0 if index > at else 1)
            if best is None or key < best[0]:
                best = (key, (index, kind))
        return best[1] if best else None

    def find(self, number: int, sentence: Sentence) -> list[Trigger]:
        doc, lex = self.doc, self.lex
        tokens = doc.tokens
        lo, hi = sentence_tokens(doc, sentence, self.starts)
        if lo >= hi:
            return []
        nouns: list[tuple[int, str]] = []
        for words, entry in lex.nouns.find(tokens, lo, hi):
            nouns.append((words[0], entry.value))
        triggers: list[Trigger] = []
        used_nouns: set[int] = set()
        verb_tokens: set[int] = set()
        for words, _ in lex.happen.find(tokens, lo, hi):
            verb = words[0]
            if verb in verb_tokens:
                continue
            bound = self._bind_noun([n for n in nouns if n[0] not in words], verb, lo, hi)
            if bound is None:
                continue
            index, kind = bound
            verb_tokens.update(words)
            first, last = min(verb, index), max(words[-1], index)
            joined = next((t for t in triggers if t.noun == index), None)
            if joined is not None:
                # "пройшов саміт, що завершився вчора": one event, the trigger grows
                joined.first, joined.last = min(joined.first, first), max(joined.last, last)
                continue
            if self.vetoed(first, verb, lo):
                used_nouns.add(index)
                continue
            via = "participation" if lex.participation.at(tokens, verb, hi) else "happen"
            triggers.append(Trigger(kind, number, first, last, index, verb, via))
            used_nouns.add(index)
        for words, entry in lex.verbs.find(tokens, lo, hi):
            verb = words[0]
            if verb in verb_tokens:
                continue
            verb_tokens.update(words)
            if self.vetoed(verb, verb, lo):
                continue
            kind = entry.value
            bound = self._bind_noun([n for n in nouns if n[1] == kind and n[0] not in used_nouns], verb, lo, hi)
            if bound is not None:
                used_nouns.add(bound[0])
            triggers.append(Trigger(kind, number, verb, words[-1], None, verb, "verb"))
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
            if index in used_nouns or index <= lo:
                continue
            hit = lex.date_adjectives.at(tokens, index - 1, hi)
            if hit is not None:
                triggers.append(Trigger(kind, number, index - 1, index, index, None, "coref", hit[1].value))
        for trigger in triggers:
            if trigger.verb is not None:
                trigger.extras["tense"] = tense(tokens[trigger.verb], self.language)
        return sorted(triggers, key=lambda t: t.first)

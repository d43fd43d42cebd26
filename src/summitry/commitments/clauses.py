"""Clauses of a sentence: where the clause of a cue or a predicate begins and ends, and the
small token predicates the commitment finder reads them by.

`Clauses` holds one Doc's tokens with its lexicon, actors and timing; `Parties` and `Finder`
build on it. A `Draft` is a commitment found in a clause before it is settled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summitry.commitments import grammar as g
from summitry.commitments.actors import Actors
from summitry.commitments.lexicon import Lexicon
from summitry.commitments.timing import Timing
from summitry.doc import Doc, Sentence, Token
from summitry.kb import KnowledgeBase
from summitry.kb.matcher import PhraseIndex

LIST_MARKERS = ("-", "—", "–", "•", "*", "·")
PREPOSITIONS = frozenset({"о", "об", "по", "про", "щодо", "on", "to", "for"})
QUOTES = "«\"“„"


@dataclass
class Draft:
    """A commitment before its actors, due date and sector are settled."""

    kind: str
    start: int  # first token of the evidence
    end: int  # token after the evidence
    sentence: Sentence
    first: int  # first token of the sentence
    head: int  # the cue's token: its subject is the actor
    actors: list[str] | None = None
    role: str = "subject"  # subject | parties | host | sentence
    notes: set[str] = field(default_factory=set)


class Clauses:
    """The tokens of one Doc read as clauses, with the Doc's lexicon, actors and timing."""

    actor_type: type[Actors] = Actors

    def __init__(self, doc: Doc, lex: Lexicon, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.lex = lex
        self.language = doc.language or "ru"
        self.tokens = doc.tokens
        self.actors = self.actor_type(doc, lex, kb)
        self.timing = Timing(doc, lex)

    # --- tokens -------------------------------------------------------------------
    def _has(self, name: str, i: int) -> bool:
        return self.lex.has(name, self.tokens[i].keys)

    def _event_noun(self, i: int) -> bool:
        token = self.tokens[i]
        if g.pos(token) not in ("NOUN", ""):
            return False
        events = self.lex.words.get("event_nouns", frozenset())
        return any(key.endswith(event) for key in token.keys for event in events if len(key) >= len(event))

    def _event_within(self, start: int, end: int) -> int | None:
        for k in range(start, end):
            if k > start and g.comma(self.doc, self.tokens[k - 1], self.tokens[k]):
                return None
            if self._event_noun(k):
                return k
        return None

    def _action_noun(self, i: int, last: int, reach: int = 4) -> bool:
        endings = self.lex.action_noun_endings
        for k in range(i, min(i + reach, last)):
            token = self.tokens[k]
            if g.pos(token) == "NOUN":
                return any(token.lemma.endswith(e) for e in endings)
        return False

    def _sep(self, k: int) -> bool:
        """A comma before token k, or k is a coordinating conjunction."""
        return g.comma(self.doc, self.tokens[k - 1], self.tokens[k]) or self.tokens[k].text.lower() in g.COORD

    def _occurrence(self, i: int) -> bool:
        hits = self.lex.cues.matches_at(self.tokens, i, self.doc.text)
        if any(("scheduled", "occurrence") == p.value for _, p in hits):
            return True
        nxt = i + 1
        if self.tokens[i].lemma in ("быть", "бути") and nxt < len(self.tokens):
            hits = self.lex.cues.matches_at(self.tokens, nxt, self.doc.text)
            return any(("scheduled", "occurrence") == p.value for _, p in hits)
        return False

    def _signing(self, i: int) -> bool:
        words = {self.tokens[i].lemma}
        if i + 1 < len(self.tokens):
            words.add(self.tokens[i + 1].lemma)
        return bool(words & {"подписать", "підписати", "sign"})

    # --- clauses ------------------------------------------------------------------
    def clause_end(self, start: int, last: int, stops: set[int], *, phrase: bool = False) -> int:
        """The token after the clause that starts at `start`; `phrase` ends a noun phrase at a comma."""
        tokens = self.tokens
        for k in range(start + 1, last):
            if g.hard_break(self.doc, tokens[k - 1], tokens[k]):
                return k
            comma = g.comma(self.doc, tokens[k - 1], tokens[k])
            if phrase and comma:
                return k
            if not self._sep(k):
                continue
            nxt = k + 1 if tokens[k].text.lower() in g.COORD else k
            if nxt < last and (
                g.opens_predicate(tokens, nxt, last, self.language)
                or (comma and (self._has("relative", nxt) or g.pos(tokens[nxt]) == "GRND"))
                or nxt in stops
            ):
                return k
        return last

    def infinitive_segments(self, start: int, inf: int, last: int, stops: set[int]) -> list[tuple[int, int, int]]:
        """(start, end, infinitive) per coordinated infinitive after a cue."""
        tokens = self.tokens
        segments: list[tuple[int, int, int]] = []
        seg_start, seg_inf = start, inf
        k = inf + 1
        while k < last and g.is_infinitive(tokens[k]) and not self._sep(k):
            k += 1  # "продолжить укреплять": one chain
        previous = k - 1
        end = last
        while k < last:
            if g.hard_break(self.doc, tokens[k - 1], tokens[k]):
                end = k
                break
            if self._sep(k):
                nxt = k + 1 if tokens[k].text.lower() in g.COORD else k
                if nxt < last and tokens[nxt].text.lower() in g.COORD:
                    nxt += 1
                found = g.infinitive_at(tokens, nxt, last, language=self.language) if nxt < last else None
                if found is not None and k - previous > 1:
                    segments.append((seg_start, k, seg_inf))
                    seg_start, seg_inf = nxt, found
                    k = previous = found
                    k += 1
                    continue
                comma = g.comma(self.doc, tokens[k - 1], tokens[k])
                if nxt < last and (
                    g.opens_predicate(tokens, nxt, last, self.language)
                    or (comma and (self._has("relative", nxt) or g.pos(tokens[nxt]) == "GRND"))
                    or nxt in stops
                ):
                    end = k
                    break
            k += 1
        segments.append((seg_start, end, seg_inf))
        return segments

    def _clause_start(self, k: int, first: int) -> int:
        """The first token of the clause that holds token k (after a comma or a break)."""
        while k > first and not g.comma(self.doc, self.tokens[k - 1], self.tokens[k]) and not g.hard_break(
            self.doc, self.tokens[k - 1], self.tokens[k]
        ):
            k -= 1
        return k

    def _sentence_last(self, draft: Draft) -> int:
        k = draft.end
        while k < len(self.tokens) and self.tokens[k].start < draft.sentence.end:
            k += 1
        return k

    def _previous_sentence_tokens(self, draft: Draft) -> list[Token]:
        position = self.doc.sentences.index(draft.sentence)
        if position == 0:
            return []
        previous = self.doc.sentences[position - 1]
        return [t for t in self.tokens if previous.start <= t.start < previous.end]

    # --- contexts -----------------------------------------------------------------
    def _governed_by(self, index: PhraseIndex[str], first: int, i: int) -> bool:
        """Whether a phrase of `index` occurs in the clause before token i."""
        j = i
        while j > first and not g.hard_break(self.doc, self.tokens[j - 1], self.tokens[j]):
            j -= 1
        return bool(index.find(self.tokens[j:i], self.doc.text))

    def _welcomed(self, sentence: Sentence, first: int, i: int) -> bool:
        if self.lex.welcome.find(self.tokens[first:i], self.doc.text):
            return True
        if not sentence.text.lstrip().startswith(LIST_MARKERS):
            return False
        position = self.doc.sentences.index(sentence)
        for back in range(position - 1, max(position - 30, -1), -1):
            previous = self.doc.sentences[back]
            if previous.text.lstrip().startswith(LIST_MARKERS):
                continue
            if not previous.text.rstrip().endswith(":"):
                return False
            tokens = [t for t in self.tokens if previous.start <= t.start < previous.end]
            return bool(self.lex.welcome.find(tokens, self.doc.text))
        return False

    def _past(self, start: int, end: int) -> bool:
        for k in range(start, end):
            if self._has("past_markers", k):
                return True
        return self.timing.has_past_date(self.tokens[start].start, self.tokens[end - 1].end)

    def _complement(self, k: int, last: int) -> bool:
        """An action after a proposal word: an infinitive, "о/по + verbal noun", a quoted name."""
        tokens = self.tokens
        for j in range(k, min(k + 4, last)):
            if any(q in g.gap(self.doc, tokens[j - 1], tokens[j]) for q in QUOTES):
                return True
            if g.is_infinitive(tokens[j]):
                return True
            if tokens[j].text.lower() in PREPOSITIONS:
                return self._action_noun(j + 1, last, reach=3)
            if g.pos(tokens[j]) in ("NOUN",) and j > k:
                return False
        return False

    def _adverbial(self, k: int, start: int) -> bool:
        """A noun of a fronted adverbial, not a subject: inside a date ("в ближайшие три года",
        "this year") or a prepositional phrase ("до конца года")."""
        token = self.tokens[k]
        if any(d.start <= token.start and token.end <= d.end for d in self.doc.dates):
            return True
        for j in range(k - 1, start - 1, -1):
            kind = g.pos(self.tokens[j])
            if kind == "PREP":
                return True
            if kind not in ("ADJF", "NUMR", "NOUN", "PRCL", "ADVB") or self._has("complementizers", j):
                return False
        return False

    def _complementizer(self, k: int, first: int) -> bool:
        """"заявил, что ...", "оголосив, що ...": "что" after a verb opens what is reported, not
        a relative clause; the reported clause keeps its own subject."""
        if k <= first or not self._has("complementizers", k):
            return False
        return g.pos(self.tokens[k - 1]) in ("VERB", "GRND", "PRTS")

    def _takes_place(self, event: int, end: int) -> bool:
        """Whether an event noun (nominative) is the subject of a verb of taking place."""
        if not g.any_parse(self.tokens[event], self.language, "nomn"):
            return False
        return any(self._occurrence(k) for k in range(event + 1, end) if g.is_finite(self.tokens[k]))

    def _participation(self, inf: int, end: int) -> bool:
        """Whether an infinitive of taking part / holding ("принять участие") governs an event noun."""
        if not self._has("participation", inf):
            return False
        return any(self._event_noun(k) for k in range(inf + 1, end))

    def _declares_year(self, inf: int, end: int) -> bool:
        """"договорились объявить 2026 год Годом ...": a year named with a time is scheduled."""
        if not self._has("declaring", inf):
            return False
        span = (self.tokens[inf].end, self.tokens[end - 1].end)
        return any(span[0] <= d.start < span[1] for d in self.doc.dates)

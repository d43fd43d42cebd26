"""The word-order reading shared by the English, Kazakh and Chinese commitment finders.

The Russian and Ukrainian finder reads pymorphy tags (tense, infinitives, cases). Languages
without a morphological analyzer read the same lexicon sections (rules/<lang>/commitments.yaml)
by word order and word endings instead: `PlainActors` finds subjects, `PlainFinder` looks up
cues and dates a whole clause. The readers themselves live in `english`, `kazakh`, `chinese`.
"""

from __future__ import annotations

from bisect import bisect_left

from summitry.commitments import grammar as g
from summitry.commitments.actors import Actors
from summitry.commitments.finder import Draft, Finder
from summitry.commitments.lexicon import Cue
from summitry.doc import Commitment, Sentence, Token


class PlainActors(Actors):
    """Actors read by word order: a name after a preposition (en) or with a case ending (kk) is no subject."""

    def names_parties(self, token: Token) -> bool:
        # the exact form: "Тараптармен" (with the parties) does not stand for them
        return token.text.lower() in self.lexicon.words.get("parties", frozenset())

    def _nominative_at(self, offset: int) -> bool:
        tokens = self.doc.tokens
        i = bisect_left(self._token_starts, offset)
        if i >= len(tokens):
            return False
        if self.doc.language == "en":
            return i == 0 or not self.lexicon.has("oblique", tokens[i - 1].keys)
        # the case ending sits on the last word of the name or group that starts here
        ends = [m.end for m in self.mentions_in(offset, offset + 120) if m.start == offset]
        ends += [g_end for g_start, g_end, _ in self.groups if g_start == offset]
        last = tokens[max([i] + [bisect_left(self._token_starts, end) - 1 for end in ends])]
        return not kk_oblique(last.text.lower(), self.lexicon.affixes.get("oblique", ()))

    def clause_start(self, index: int, first: int) -> int:
        """The first token of the clause that holds token `index` (after a comma or a reporting word)."""
        tokens = self.doc.tokens
        j = index
        while j > first and not g.comma(self.doc, tokens[j - 1], tokens[j]) and not g.hard_break(
            self.doc, tokens[j - 1], tokens[j]
        ):
            if self.doc.language == "en" and self.lexicon.has("complementizers", tokens[j - 1].keys):
                break
            j -= 1
        return j

    def subject(self, sentence: Sentence, index: int, first: int) -> list[str]:
        """The actors named as subject in the cue's clause, else in the sentence before the cue
        (a pronoun "he", "they" or a sentence linked to the one before: the actors of that one)."""
        tokens = self.doc.tokens
        lo = self.clause_start(index, first)
        end = tokens[index].start
        local = self._region_actors(tokens[lo].start, end, nominative=True) if lo < index else []
        if local:
            return local
        antecedent = self.antecedent(lo, first) if lo < index else []
        if antecedent:
            return antecedent
        opening = self._region_actors(sentence.start, end, nominative=True)
        if opening:
            return opening
        return self.before(sentence, anaphor=self.refers_back(lo, index))


def kk_oblique(word: str, endings: tuple[str, ...]) -> bool:
    """Whether a Kazakh name carries a case ending ("Қытаймен", "Астанада"); "-стан" is part of a name."""
    if word.endswith("стан"):
        return False
    return any(word.endswith(e) and len(word) - len(e) >= 3 for e in endings)


class PlainFinder(Finder):
    """What the English and Kazakh readers share: cue lookup and the due date of the whole clause."""

    actor_type = PlainActors
    actors: PlainActors

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._clause_of: dict[int, int] = {}  # id(draft) -> first token of its clause

    def _low(self, i: int) -> str:
        return self.tokens[i].text.lower()

    def _matches(self, first: int, last: int) -> dict[int, tuple[int, set[Cue]]]:
        found = self.lex.cues.find(self.tokens[first:last], self.doc.text)
        return {first + i: (first + e, {p.value for p in phrases}) for i, e, phrases in found}

    def _break(self, k: int) -> bool:
        return g.comma(self.doc, self.tokens[k - 1], self.tokens[k]) or g.hard_break(
            self.doc, self.tokens[k - 1], self.tokens[k]
        )

    def _event_in(self, start: int, end: int) -> int | None:
        return next((k for k in range(start, end) if self._event_noun(k)), None)

    def _in_name(self, k: int) -> bool:
        token = self.tokens[k]
        return bool(self.actors.mentions_in(token.start, token.end)) or any(
            d.start <= token.start and token.end <= d.end for d in self.doc.dates
        ) or any(
            m.start <= token.start and token.end <= m.end for m in self.doc.mentions
        )

    def remember(self, draft: Draft, clause: int) -> Draft:
        self._clause_of[id(draft)] = clause
        return draft

    def settle(self, draft: Draft) -> Commitment:
        """As `Finder.settle`; a date earlier in the clause ("In 2026, China will ...") is the due date too."""
        item = super().settle(draft)
        clause = self._clause_of.get(id(draft))
        if item.due is None and clause is not None and clause < draft.start:
            item.due = self.timing.due(self.tokens[clause].start, item.evidence[0].end, draft.first)
        return item

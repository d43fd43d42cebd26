"""The subject of a clause, and what a subject that refers back stands for.

Mixed into `Actors` (summitry/commitments/actors.py): a subject is read in the clause
before the predicate, else right after it ("Следующий саммит примет Казахстан"), else in
the sentence's opening; a pronoun, a generic "страна" or "этот механизм" takes the actors
of a sentence before, and a sentence linked to the one before ("Для этого ...") too.
"""

from __future__ import annotations

from bisect import bisect_left

from summitry.commitments.grammar import COORD, any_parse, comma, hard_break, is_finite
from summitry.commitments.lexicon import Lexicon
from summitry.doc import Doc, Sentence


class Subjects:
    """The subject-reading half of `Actors`, which supplies the mentions, states and regions
    these methods read (`mentions_in`, `state_of`, `_region_actors`, ...)."""

    doc: Doc
    lexicon: Lexicon
    _token_starts: list[int]

    def subject(self, sentence: Sentence, index: int, first: int) -> list[str]:
        """The actors of the clause whose predicate starts at token `index`.

        The nearest stretch after a comma comes first ("..., Токаев предложил"; "...,
        который примет": the name before "который"), then the sentence's opening up to its
        first verb; a subject that refers back, or a sentence linked to the one before,
        takes the actors of that sentence. Otherwise none: no actor is guessed.
        """
        tokens = self.doc.tokens
        j = index
        while j > first and not comma(self.doc, tokens[j - 1], tokens[j]) and not hard_break(
            self.doc, tokens[j - 1], tokens[j]
        ):
            j -= 1
        if j < index:
            local = self._region_actors(tokens[j].start, tokens[index].start, nominative=True)
            if local:
                return local
            antecedent = self.antecedent(j, first)
            if antecedent:
                return antecedent
            referent = self.refers_back(j, index)
            if referent is not None:
                return self._state_referent(sentence, j, index) or self.before(
                    sentence, anaphor=referent, states_only=self._state_anaphor(j, index))
        k = first
        while k < index and not is_finite(tokens[k]):
            k += 1
        inverted = self._after_predicate(sentence, index, first)
        if inverted:
            return inverted
        opening = self._region_actors(sentence.start, tokens[k].start if k < len(tokens) else sentence.end)
        if opening:
            return opening
        referent = self.refers_back(first, k) if k > first else None
        if referent is not None:
            return self.before(sentence, anaphor=referent, states_only=self._state_anaphor(first, k))
        return self.before(sentence)

    def _after_predicate(self, sentence: Sentence, index: int, first: int) -> list[str]:
        """"Следующий саммит примет Казахстан": a state named in the nominative right after
        the predicate is its subject where no state or person stands before it."""
        tokens = self.doc.tokens
        while index < len(tokens) and tokens[index].start < sentence.end and not is_finite(tokens[index]):
            if index > first and (comma(self.doc, tokens[index - 1], tokens[index])
                                  or hard_break(self.doc, tokens[index - 1], tokens[index])):
                return []
            index += 1  # "Следующий саммит примет ...": from the cue to its verb
        if index >= len(tokens) or tokens[index].start >= sentence.end:
            return []
        before = [m for m in self.mentions_in(sentence.start, tokens[index].start)
                  if m.type in ("country", "person") and self._nominative_at(m.start)]
        if before or self._parties_word(sentence.start, tokens[index].start) is not None:
            return []
        stop = index + 1
        while stop < min(index + 5, len(tokens)) and tokens[stop].start < sentence.end and not comma(
                self.doc, tokens[stop - 1], tokens[stop]) and not hard_break(self.doc, tokens[stop - 1], tokens[stop]):
            stop += 1
        if stop == index + 1:
            return []
        end = tokens[stop - 1].end
        found = [m for m in self.mentions_in(tokens[index + 1].start, end)
                 if m.type in ("country", "person") and self._nominative_at(m.start)
                 and not self._after_preposition(m.start)]
        states = [s for s in (self.state_of(m.entity_id) for m in found) if s]
        return list(dict.fromkeys(states))

    def antecedent(self, j: int, first: int) -> list[str]:
        """"Китаю, который примет ...": the actor named right before a relative pronoun at j."""
        tokens = self.doc.tokens
        if j <= first or not self.lexicon.has("relative", tokens[j].keys):
            return []
        if (tokens[j].feats or {}).get("tags") and not any_parse(tokens[j], self.doc.language or "ru", "nomn"):
            return []  # "которому", "якому": not the subject of its clause
        before = tokens[j - 1]
        for mention in self.mentions_in(before.start, before.end + 1):
            state = self.state_of(mention.entity_id)
            if state:
                return [state]
        for mention in reversed(self.mentions_in(tokens[max(first, j - 6)].start, before.end)):
            if mention.end == before.end:
                state = self.state_of(mention.entity_id)
                return [state] if state else ([mention.entity_id] if mention.type == "organization" else [])
        return []

    def refers_back(self, start: int, end: int) -> str | None:
        """What the subject stretch [start, end) of tokens refers back with: "" for a personal
        pronoun or a generic "страна"/"country", the noun's lemma for "этот механизм"/"this
        mechanism"; None where it names its subject itself."""
        tokens = self.doc.tokens
        language = self.doc.language or "ru"
        for k in range(start, end):
            token = tokens[k]
            # the case of the best parse ("Он", not "его"); a language without one lists its
            # nominative forms only ("he", not "him")
            best = (token.feats or {}).get("tags", "").split(",")
            nominative = "nomn" in best if best != [""] else True
            if self.lexicon.has("pronouns", token.keys) and nominative:
                return ""
            if self.lexicon.has("anaphoric_subjects", token.keys) and (
                best == [""] or any_parse(token, language, "nomn")
            ):
                return ""
            if self.lexicon.has("linking", token.keys):
                for j in range(k + 1, min(k + 4, end)):
                    if str(tokens[j].pos or "") in ("NOUN", "") and tokens[j].text[:1].isalpha():
                        return tokens[j].lemma
        return None

    def linked(self, sentence: Sentence) -> bool:
        """A sentence that opens by linking to the one before ("Для этого", "При этом", "И")."""
        tokens = self.doc.tokens
        k = bisect_left(self._token_starts, sentence.start)
        opening = []
        while k < len(tokens) and tokens[k].start < sentence.end and not is_finite(tokens[k]):
            opening.append(tokens[k])
            k += 1
        if not opening:
            return False
        if opening[0].text.lower() in COORD:
            return True
        return any(self.lexicon.has("linking", t.keys) for t in opening[:3])

    def _state_anaphor(self, start: int, end: int) -> bool:
        """Whether the subject stretch is a generic noun for a state ("страна", "країна")."""
        return any(self.lexicon.has("anaphoric_subjects", t.keys) for t in self.doc.tokens[start:end])

    def _state_referent(self, sentence: Sentence, j: int, index: int) -> list[str]:
        """"Как заявил представитель узбекского МИД, страна намерена ...": a generic state noun
        after a clause of the same sentence refers to the last state that clause names."""
        if not self._state_anaphor(j, index) or j == 0:
            return []
        for mention in reversed(self.mentions_in(sentence.start, self.doc.tokens[j].start)):
            state = self.state_of(mention.entity_id)
            if state and state.startswith("country:"):
                return [state]
        return []

    def before(self, sentence: Sentence, *, anaphor: str | None = None, states_only: bool = False) -> list[str]:
        """Actors of a sentence before, where the subject refers back or the sentence is linked
        to the one before; else none. A pronoun takes the nearer of the two sentences before
        that names actors; "этот механизм" the nearest of three that names a "механизм"."""
        if anaphor is None and not self.linked(sentence):
            return []
        position = self.doc.sentences.index(sentence)
        reach = (1,) if anaphor is None else (1, 2) if not anaphor else (1, 2, 3)
        for back in reach:
            if position - back < 0:
                break
            previous = self.doc.sentences[position - back]
            if anaphor:
                k = bisect_left(self._token_starts, previous.start)
                words = self.doc.tokens[k:bisect_left(self._token_starts, previous.end)]
                if not any(anaphor in t.keys for t in words):
                    continue
            found = self._opening_actors(previous) or self._region_actors(previous.start, previous.end)
            if states_only:  # "страна" stands for a state, never for an organization
                found = [f for f in found if f.startswith("country:")] or [
                    s for s in self._region_actors(previous.start, previous.end) if s.startswith("country:")]
                if not found:
                    continue
            if found or anaphor:
                return found
        return []

    def _opening_actors(self, sentence: Sentence) -> list[str]:
        """The actors a sentence opens with, up to its first verb: its subject ("Токаев
        пригласил Мирзиёева ... . Он также предложил": Tokayev's state)."""
        tokens = self.doc.tokens
        k = bisect_left(self._token_starts, sentence.start)
        while k < len(tokens) and tokens[k].start < sentence.end and not is_finite(tokens[k]):
            k += 1
        if k >= len(tokens) or tokens[k].start >= sentence.end:
            return []
        return self._region_actors(sentence.start, tokens[k].start)

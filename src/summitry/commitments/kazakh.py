"""Kazakh commitments: a cue or the verb's ending closes its clause ("... өткізуге келісті").

The evidence is the clause up to the cue; the subject opens it. Actors, due dates and
sectors are then settled as in `Finder`.
"""

from __future__ import annotations

from summitry.commitments import grammar as g
from summitry.commitments.finder import Draft
from summitry.commitments.lexicon import Cue
from summitry.commitments.word_order import PlainFinder
from summitry.doc import Sentence

GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")  # Kazakh genitive endings
KK_CUE_TAIL = 3  # words after a Kazakh cue that may still close its clause ("екенін атап өтті")


class KazakhFinder(PlainFinder):
    """Kazakh: the cue or the verb's ending closes the clause; the subject opens it."""

    def _event_noun(self, i: int) -> bool:
        """An event noun under any ending: "саммитін", "кездесуге", "сапарымен"."""
        word = self._low(i)
        return any(word.startswith(event) for event in self.lex.words.get("event_nouns", ()) if len(event) >= 4)

    def _ends(self, k: int, name: str) -> bool:
        word = self._low(k)
        return any(word.endswith(a) for a in self.lex.affixes.get(name, ()))

    def _future(self, k: int) -> bool:
        """A future predicate ending at word k: "жалғастырады", "өткізетін болады", "арттырмақ"."""
        tail = f"{self._low(k - 1)} {self._low(k)}" if k > 0 else self._low(k)
        endings = self.lex.affixes.get("future", ())
        if any(tail.endswith(a) for a in endings if " " in a):
            return True
        return any(tail.endswith(a) for a in endings if " " not in a) and not self._ends(k, "not_future")

    def _hosting(self, start: int, end: int) -> bool:
        begins = self.lex.affixes.get("hosting", ())
        holds = any(self._low(k).startswith(begins) for k in range(start, end)) if begins else False
        return holds and self._event_in(start, end) is not None

    def clauses(self, first: int, last: int) -> list[tuple[int, int]]:
        """Comma-separated stretches, each ending at a predicate; a list item joins the clause after it."""
        out: list[tuple[int, int]] = []
        lo = first
        for k in range(first + 1, last + 1):
            if k < last and not self._break(k):
                continue
            if k == last or g.hard_break(self.doc, self.tokens[k - 1], self.tokens[k]) or self._ends(
                    k - 1, "predicate") or self._has("according", k - 1):
                out.append((lo, k))
                lo = k
        return out

    def _subject_opens(self, lo: int, hi: int) -> bool:
        """The clause opens (after dates and linking adverbs) with an actor, a title or the parties."""
        for k in range(lo, hi):
            if self._has("clause_adverbs", k) or any(
                d.start <= self.tokens[k].start and self.tokens[k].end <= d.end for d in self.doc.dates
            ):
                continue
            if self.actors.names_parties(self.tokens[k]) or self._has("subject_words", k):
                return True
            at = self.tokens[k].start
            named = any(m.start == at for m in self.actors.mentions_in(at, at + 120))
            return named and self.actors._nominative_at(at)
        return False

    def _opening(self, lo: int, hi: int) -> int:
        while lo < hi - 1 and self._has("clause_adverbs", lo):
            lo += 1
        return lo

    def sentence_drafts(self, sentence: Sentence, first: int, last: int) -> list[Draft]:
        matches = self._matches(first, last)
        drafts: list[Draft] = []
        for lo, hi in self.clauses(first, last):
            draft = self._clause_draft(sentence, first, lo, hi, matches)
            if draft is not None:
                drafts.append(self.remember(draft, lo))
        return drafts

    def _clause_draft(self, sentence: Sentence, first: int, lo: int, hi: int,
                      matches: dict[int, tuple[int, set[Cue]]]) -> Draft | None:
        start = self._opening(lo, hi)
        if any(self._has("negations", k) for k in range(max(lo, hi - 2), hi)):
            return None
        closing = [(i, e, cues) for i, (e, cues) in matches.items()
                   if lo <= i and e <= hi and e >= hi - KK_CUE_TAIL
                   and cues - {("scheduled", "upcoming"), ("scheduled", "participation")}]
        if closing:
            i, e, cues = max(closing, key=lambda c: (c[1], c[1] - c[0]))
            if ("proposal", "nominal") in cues:
                return self._nominal_proposal(sentence, first, start, hi, i, e)
            reported = e < hi and self._has("complementizers", e)
            if e < hi and not reported and any(self._has("statements", k) for k in range(e, hi)):
                return None
            return self._from_kazakh_cue(sentence, first, start, hi, i, cues)
        head = hi - 1
        reported = self._reported_future(lo, hi)
        if reported is not None:
            head = reported  # "… бөлетінін мәлімдеді": what is reported is a future act
        elif self._has("statements", head) or (head > lo and self._has("statements", head - 1)):
            return None
        if reported is not None or self._future(head):
            if self._event_in(start, head) is not None and not self._subject_opens(start, head):
                return None  # a future of something other than an actor: not a commitment
            if not self._subject_opens(start, head):
                return None
            kind = "scheduled_event" if self._hosting(start, hi) else "pledge"
            return Draft(kind, start, hi, sentence, first, head, actors=self._opening_names(start, head))
        for k in range(start, hi - 1):
            if self._has("upcoming", k) and self._event_in(k + 1, min(k + 4, hi)) is not None:
                return Draft("scheduled_event", k, hi, sentence, first, k, role="sentence")
        return None

    def _reported_future(self, lo: int, hi: int) -> int | None:
        """The future participle a clause-final reporting verb governs ("бөлетінін мәлімдеді",
        "қатысатынын растады"), or None."""
        for width in (2, 1):  # "мәлім етті", "атап өтті" are two words
            k = hi - width
            if k - 1 < lo or not self.lex.words.get("reporting"):
                continue
            phrase = " ".join(self._low(j) for j in range(k, hi))
            if phrase in self.lex.words["reporting"] and self._ends(k - 1, "reported_future"):
                participle = self._low(k - 1)
                stems = [w[:-3] for w in self.lex.words.get("statements", ()) if len(w) >= 7]
                if any(participle.startswith(stem) for stem in stems):
                    return None  # "… қолдайтынын атап өтті": a position reported, not an act
                return k - 1
        return None

    def _opening_names(self, start: int, head: int) -> list[str] | None:
        """The states named at the opening of a clause, its subject: "Қазақстан қытайлық
        инвесторлар үшін ... жалғастырады" is Kazakhstan's, whatever the clause names later.
        None where the clause does not open with a name (the subject is then settled as usual)."""
        def named(j: int) -> bool:  # a name, not a demonym ("қытайлық инвесторлар")
            t = self.tokens[j]
            return any(m.start <= t.start and t.end <= m.end and m.via != "adjective" for m in self.doc.mentions)

        k = start
        while k < head and (named(k) or self._low(k) in ("мен", "бен", "пен", "және")):
            k += 1
        if k == start or not named(start):
            return None
        found = self.actors._region_actors(self.tokens[start].start, self.tokens[k - 1].end, nominative=True)
        return found or None

    def _nominal_proposal(self, sentence: Sentence, first: int, start: int, hi: int, i: int,
                          e: int) -> Draft | None:
        """"... жеткізу туралы Өзбекстан тарапының ұсынысын қолдады": the proposal of the state
        named in the genitive before the noun, unless it is only praised."""
        if i == start or any(self._has("acclaim", k) for k in range(e, hi)):
            return None
        for k in range(i - 1, start - 1, -1):  # the nearest genitive: "Өзбекстан тарапының", "Қазақстанның"
            if not self._low(k).endswith(GENITIVE):
                continue
            at = self.tokens[k - 1] if self._low(k).startswith("тарап") and k > start else self.tokens[k]
            actors = [s for s in (self.actors.state_of(m.entity_id) for m in self.actors.mentions_in(
                at.start - 80, at.end) if m.end == at.end) if s]
            if actors:
                return Draft("proposal", start, e, sentence, first, i, actors=actors[:1])
        return None

    def _from_kazakh_cue(self, sentence: Sentence, first: int, start: int, hi: int, i: int,
                         cues: set[Cue]) -> Draft | None:
        if ("scheduled", "agreed") in cues:
            return Draft("scheduled_event", start, hi, sentence, first, i)
        if ("scheduled", "invitation") in cues:
            if i == start or not any(self._has("participation", k) or self._event_noun(k) for k in range(start, i)):
                return None
            return Draft("scheduled_event", start, hi, sentence, first, i, role="invitation")
        if ("scheduled", "occurrence") in cues:
            if self._event_in(start, i) is None:
                return None
            return Draft("scheduled_event", start, hi, sentence, first, i, role="parties")
        if ("proposal", "verb") in cues:
            if i == start:
                return None  # nothing proposed
            return Draft("proposal", start, hi, sentence, first, i)
        if cues & {("pledge", "infinitive"), ("pledge", "action_noun")}:
            if i == start:
                return None
            kind = "scheduled_event" if self._hosting(start, i) else "pledge"
            return Draft(kind, start, hi, sentence, first, i)
        return None

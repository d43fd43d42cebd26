"""English commitments: a cue stands before its action ("China will continue to provide ...").

The evidence runs from the cue to the end of its clause; the subject before the cue must be
an actor. Actors, due dates and sectors are then settled as in `Finder`.
"""

from __future__ import annotations

from summitry.commitments import grammar as g
from summitry.commitments.finder import Draft
from summitry.commitments.lexicon import Cue
from summitry.commitments.word_order import PlainFinder
from summitry.doc import Sentence

ARTICLES = frozenset({"the", "a", "an"})
SUBJECT_REACH = 8  # words between a clause opening and an English cue that may be its subject


class EnglishFinder(PlainFinder):
    """English: cues before their action; the subject before the cue must be an actor."""

    def clause_end(self, start: int, last: int, stops: set[int], *, phrase: bool = False) -> int:
        for k in range(start + 1, last):
            if g.hard_break(self.doc, self.tokens[k - 1], self.tokens[k]):
                return k
            comma = g.comma(self.doc, self.tokens[k - 1], self.tokens[k])
            if phrase and comma:
                return k
            if comma and self._has("clause_openers", k):
                return k
            if self._low(k) in ("while", "whereas"):
                return k
            if (comma or self._low(k) == "and") and self._new_clause(k, last, stops):
                return k
        return last

    def _new_clause(self, k: int, last: int, stops: set[int]) -> bool:
        """A subject (or none) then a cue or a reporting verb: ", and Kazakhstan will", ", Xi said"."""
        j = k + 1 if self._low(k) == "and" else k
        if j < last and self._low(j) == "and":
            j += 1
        for m in range(j, min(j + 6, last)):
            if m in stops or self._has("complementizers", m):
                return True
            named = self._in_name(m) or self.tokens[m].text[:1].isupper()  # "Xi said": a name the KB lacks
            if not (named or self._has("subject_words", m) or self._has("parties", m)):
                return False
        return False

    def _date_lead(self, lo: int, first: int) -> int:
        """The opening of a clause led by a date alone: "In 2026, Uzbekistan will ..." gives "In"."""
        k = lo
        while k > first and not g.hard_break(self.doc, self.tokens[k - 1], self.tokens[k]):
            k -= 1
            if g.comma(self.doc, self.tokens[k - 1], self.tokens[k]) if k > first else True:
                break
        dated = all(self._in_name(j) or self._has("oblique", j) for j in range(k, lo))
        return k if dated and k < lo else lo

    def remember(self, draft: Draft, clause: int) -> Draft:
        return super().remember(draft, min(clause, getattr(self, "_lead", clause)))

    def _negated(self, i: int, e: int, last: int) -> bool:
        before = i > 0 and self._has("negations", i - 1)
        after = e < last and self._has("negations", e)
        return before or after

    def _statement_governs(self, lo: int, i: int) -> bool:
        """A praise or statement verb before the cue with no "that" between: "welcomed China's readiness to"."""
        for k in range(i - 1, lo - 1, -1):
            if self._low(k) == "that":
                return False
            if self._has("statements", k) or self.lex.praise.find(self.tokens[k:k + 1], self.doc.text):
                return True
        return False

    def _relative_that(self, k: int, first: int) -> bool:
        """"a road that will link": "that" right after a noun, not after a reporting verb."""
        if self._low(k) != "that" or k == first:
            return False
        return not (self._has("complementizers", k - 1) or self._has("statements", k - 1))

    def _subject_is_actor(self, lo: int, i: int) -> bool:
        """Every word between the clause opening and the cue belongs to a name, a date or a subject."""
        if i - lo > SUBJECT_REACH:
            return False
        return all(
            self._in_name(k) or self._has("subject_words", k) or self._has("parties", k) for k in range(lo, i)
        )

    def _after_adverbs(self, e: int, last: int) -> int:
        while e < last and self._has("adverbs", e):
            e += 1
        return e

    def _occurrence_at(self, j: int, last: int) -> bool:
        return any(p.value == ("scheduled", "occurrence") for _, p in self.lex.cues.matches_at(self.tokens, j, self.doc.text)) if j < last else False

    def sentence_drafts(self, sentence: Sentence, first: int, last: int) -> list[Draft]:
        matches = self._matches(first, last)
        stops = {i for i, (_, cues) in matches.items() if cues - {("scheduled", "upcoming"), ("scheduled", "participation")}}
        drafts: list[Draft] = []
        covered = first
        for i in range(first, last):
            if i < covered:
                continue
            made: Draft | None = None
            if i in matches:
                e, cues = matches[i]
                made = self._from_english_cue(sentence, first, last, i, e, cues, stops)
            elif self._event_noun(i):
                made = self._from_dated_event(sentence, first, last, i, stops)
            if made is not None:
                split = self._coordinated(made, last) if made.kind == "pledge" else [made]
                drafts += split
                covered = made.end
        return drafts

    def _coordinated(self, draft: Draft, last: int) -> list[Draft]:
        """"would import X and encourage Y", "ready to deepen X and expand Y": one per verb."""
        out: list[Draft] = []
        start = draft.start
        verb = next((k for k in range(draft.head + 1, draft.end) if self._has("verbs", k)), None)
        if verb is None:
            return [draft]
        clause = self._clause_of.get(id(draft), draft.start)
        k = verb + 2
        while k < draft.end - 1:
            nxt = k + 1
            while nxt < draft.end and self._low(nxt) in ("to", "also", "further", "then"):
                nxt += 1
            if self._low(k) == "and" and nxt < draft.end and self._has("verbs", nxt) and not self._in_name(nxt):
                part = Draft(draft.kind, start, k, draft.sentence, draft.first, draft.head, role=draft.role)
                out.append(self.remember(part, clause))
                start, k = nxt, nxt + 2
                continue
            k += 1
        if not out:
            return [draft]
        out.append(self.remember(Draft(draft.kind, start, draft.end, draft.sentence, draft.first, draft.head,
                                       role=draft.role), clause))
        return out

    def _reported(self, lo: int, first: int) -> bool:
        """A clause reported after "said", "told", "that": where "would" is a future."""
        return lo > first and self._has("complementizers", lo - 1)

    def _relative_subject(self, lo: int, i: int) -> int | None:
        """"an agreement under which the two companies will": the token after "which" where a
        relative clause about a document opens between the clause opening and the cue."""
        for r in range(i - 1, lo, -1):
            if self._low(r) == "whereby" or (self._has("relative", r) and self._has("oblique", r - 1)):
                return r + 1
        return None

    def _from_english_cue(self, sentence: Sentence, first: int, last: int, i: int, e: int,
                          cues: set[Cue], stops: set[int]) -> Draft | None:
        if self._negated(i, e, last):
            return None
        lo = self.actors.clause_start(i, first)
        self._lead = self._date_lead(lo, first)
        if ("scheduled", "upcoming") in cues:
            if i > first and self._has("anaphoric", i - 1):
                return None
            event = self._event_in(e, min(e + 5, last))
            if event is None or self._has("past_markers", e):
                return None
            end = self.clause_end(event, last, stops)
            occurs = any(self._occurrence_at(j, end) for j in range(event + 1, min(event + 5, end)))
            return self.remember(Draft("scheduled_event", i, end, sentence, first, i,
                                       role="parties" if occurs else "sentence"), lo)
        governed = self._statement_governs(lo, i)
        relative = i > first and (self._has("relative", i - 1) or self._relative_that(i - 1, first))
        if governed or relative:
            return None
        if ("pledge", "reported") in cues and (not self._reported(lo, first) or (
                e < last and self._low(e) in ("be", "have") and not self._occurrence_at(e, last))):
            return None  # "would" outside reported speech, or "would be wrong": not a pledge
        opens = self._relative_subject(lo, i)
        if opens is not None:
            # the relative clause's own subject commits; "the two companies", "the sides" stand
            # for the subject of the clause that names the document (its signers)
            if not self._subject_is_actor(opens, i):
                return None
            draft = Draft("pledge", i, self.clause_end(i, last, stops), sentence, first, i)
            own = self.actors._region_actors(self.tokens[opens].start, self.tokens[i].start, nominative=True)
            draft.actors = own or self.actors._region_actors(self.tokens[lo].start, self.tokens[opens - 1].start,
                                                             nominative=True) or None
            return self.remember(draft, opens) if draft.actors else None
        if ("scheduled", "invitation") in cues:
            end = self.clause_end(i, last, stops)
            if not any(self._has("participation", k) or self._event_noun(k) for k in range(e, end)):
                return None
            return self.remember(Draft("scheduled_event", i, end, sentence, first, i, role="invitation"), lo)
        if ("scheduled", "agreed") in cues:
            return self.remember(Draft("scheduled_event", i, self.clause_end(i, last, stops), sentence, first, i), lo)
        if ("proposal", "verb") in cues:
            if e >= last or self._break(e) and not self._low(e) == "by":
                return None
            draft = Draft("proposal", i, self.clause_end(i, last, stops), sentence, first, i)
            if self._low(e) == "by" or (i > first and self._in_name(i - 1) and not self._subject_is_actor(lo, i)):
                return None if self._low(e) != "by" else self._proposed_by(draft, e, last)
            return self.remember(draft, lo)
        if ("scheduled", "occurrence") in cues:
            event = self._event_in(lo, i)
            if event is None:
                return None
            start = event - 1 if event > lo and self._has("upcoming", event - 1) else event
            return self.remember(Draft("scheduled_event", start, self.clause_end(i, last, stops), sentence, first,
                                       i, role="parties"), lo)
        if cues & {("pledge", "future"), ("pledge", "reported"), ("pledge", "infinitive"), ("pledge", "action_noun")}:
            verb = self._after_adverbs(e, last)
            end = self.clause_end(i, last, stops)
            if not self._subject_is_actor(lo, i):
                event = self._event_in(lo, i)
                if event is not None and self._occurrence_at(verb, last):
                    return self.remember(Draft("scheduled_event", event, end, sentence, first, i, role="parties"), lo)
                return None
            if verb >= last:
                return None
            kind = "pledge"
            if self._has("participation", verb) and self._event_in(verb + 1, end) is not None:
                kind = "scheduled_event"
            elif self._has("encounters", verb):
                # "is scheduled to meet Premier Li", "will visit Beijing": held by the subject
                # and the side it meets or goes to
                end = self.through_place_relative(end, last)
                return self.remember(Draft("scheduled_event", i, end, sentence, first, i, role="invitation"), lo)
            return self.remember(Draft(kind, i, end, sentence, first, i), lo)
        return None

    def _proposed_by(self, draft: Draft, by: int, last: int) -> Draft | None:
        """"the initiative proposed by Kazakhstan": the actor stands after "by"."""
        found = self._proposal_actor(by, draft.first, participle=True)
        if not found or not found[0]:
            return None
        draft.actors = found[0]
        return draft

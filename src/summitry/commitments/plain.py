"""Commitments in languages without a morphological analyzer: English and Kazakh.

The Russian and Ukrainian finder reads pymorphy tags (tense, infinitives, cases). Here the
same lexicon sections (rules/<lang>/commitments.yaml) are read by word order and word
endings instead. An English cue stands before its action ("China will continue to
provide ..."), so the evidence runs from the cue to the end of its clause; a Kazakh cue
closes its clause ("... өткізуге келісті"), so the evidence is the clause up to the cue.
Actors, due dates and sectors are then settled as in `Finder`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from summitry.commitments import grammar as g
from summitry.commitments.actors import Actors
from summitry.commitments.finder import Draft, Finder
from summitry.commitments.lexicon import Cue
from summitry.doc import Commitment, Sentence, Token

ARTICLES = frozenset({"the", "a", "an"})
SUBJECT_REACH = 8  # words between a clause opening and an English cue that may be its subject
GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")  # Kazakh genitive endings
KK_CUE_TAIL = 3  # words after a Kazakh cue that may still close its clause ("екенін атап өтті")


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
            return self.remember(Draft(kind, i, end, sentence, first, i), lo)
        return None

    def _proposed_by(self, draft: Draft, by: int, last: int) -> Draft | None:
        """"the initiative proposed by Kazakhstan": the actor stands after "by"."""
        found = self._proposal_actor(by, draft.first, participle=True)
        if not found or not found[0]:
            return None
        draft.actors = found[0]
        return draft


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
            if k == last or g.hard_break(self.doc, self.tokens[k - 1], self.tokens[k]) or self._ends(k - 1, "predicate"):
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
        if self._has("statements", head) or (head > lo and self._has("statements", head - 1)):
            return None
        if self._future(head):
            if self._event_in(start, head) is not None and not self._subject_opens(start, head):
                return None  # a future of something other than an actor: not a commitment
            if not self._subject_opens(start, head):
                return None
            kind = "scheduled_event" if self._hosting(start, hi) else "pledge"
            return Draft(kind, start, hi, sentence, first, head)
        for k in range(start, hi - 1):
            if self._has("upcoming", k) and self._event_in(k + 1, min(k + 4, hi)) is not None:
                return Draft("scheduled_event", k, hi, sentence, first, k, role="sentence")
        return None

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


ZH_CLAUSE = re.compile(r"[，,；;：:。！？!?\n]")  # Chinese clause punctuation ("、" only lists)


def zh_fused(token: Token) -> int:
    """Characters of a party word that jieba glued to the verb after it ("双方同意", "哈方愿"): 2, else 0."""
    word = token.text
    return 2 if len(word) >= 3 and word[1] == "方" else 0


def zh_keys(token: Token) -> Token:
    """The token with the verb of a glued party word as a key of its own ("双方同意": 同意)."""
    n = zh_fused(token)
    return replace(token, keys=token.keys | {token.text[:n], token.text[n:]}) if n else token


class ChineseActors(PlainActors):
    """Chinese: a name after a preposition ("向", "在") is no subject; "双方", "各方" are the parties."""

    def names_parties(self, token: Token) -> bool:
        words = self.lexicon.words.get("parties", frozenset())
        return token.text in words or (zh_fused(token) > 0 and token.text[:2] in words)

    def _nominative_at(self, offset: int) -> bool:
        i = bisect_left(self._token_starts, offset)
        if i < len(self.doc.tokens) and self.doc.tokens[i].start > offset:
            i -= 1  # a name inside a jieba word ("同托卡耶夫"): the word holds it
        return i <= 0 or self.doc.tokens[i].start < offset or not self.lexicon.has("oblique", self.doc.tokens[i - 1].keys)

    def clause_start(self, index: int, first: int) -> int:
        tokens = self.doc.tokens
        j = index
        while j > first and not ZH_CLAUSE.search(self.doc.text[tokens[j - 1].end : tokens[j].start]):
            if self.lexicon.has("complementizers", tokens[j - 1].keys):
                break
            j -= 1
        return j


class ChineseFinder(PlainFinder):
    """Chinese: the cue before its action, as in English; clauses end at Chinese punctuation.

    jieba glues a party word to the verb after it ("双方同意", "哈方愿"): such a word is read
    as the party and the cue (`zh_keys`)."""

    actor_type = ChineseActors
    actors: ChineseActors

    def _break(self, k: int) -> bool:
        return bool(ZH_CLAUSE.search(self.doc.text[self.tokens[k - 1].end : self.tokens[k].start]))

    def _matches(self, first: int, last: int) -> dict[int, tuple[int, set[Cue]]]:
        found = self.lex.cues.find([zh_keys(t) for t in self.tokens[first:last]], self.doc.text)
        return {first + i: (first + e, {p.value for p in phrases}) for i, e, phrases in found}

    def clauses(self, first: int, last: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        lo = first
        for k in range(first + 1, last + 1):
            if k == last or self._break(k):
                out.append((lo, k))
                lo = k
        return out

    def sentence_drafts(self, sentence: Sentence, first: int, last: int) -> list[Draft]:
        matches = self._matches(first, last)
        parts = self.clauses(first, last)
        drafts: list[Draft] = []
        n = 0
        while n < len(parts):
            lo, hi = parts[n]
            n += 1
            for i in sorted(k for k in matches if lo <= k < hi):
                e, cues = matches[i]
                reach = hi
                if e >= hi and n < len(parts) and cues - {("proposal", "verb")}:
                    reach = parts[n][1]  # "双方一致同意，…": what was agreed is the next clause
                draft = self._from_chinese_cue(sentence, first, lo, reach, i, e, cues)
                if draft is not None:
                    drafts.append(self.remember(draft, lo))
                    if reach > hi:
                        n += 1
                    break
        return drafts

    def _any(self, name: str, start: int, end: int) -> bool:
        return any(self._has(name, k) for k in range(start, end))

    def _subject(self, sentence: Sentence, first: int, lo: int, i: int) -> list[str]:
        """The actors named between the clause opening (or a reporting word) and the cue; a glued
        party word ("哈方愿") names them itself; a pronoun takes those of the sentence before."""
        s = self.actors.clause_start(i, lo)
        end = self.tokens[i].start + zh_fused(self.tokens[i])
        start = self.tokens[s].start
        found = self.actors._region_actors(start, end, nominative=True) if start < end else []
        if not found and s < i and self.actors.refers_back(s, i) is not None:
            found = self.actors.before(sentence, anaphor="")
        return found

    def _names_parties_before(self, lo: int, i: int) -> bool:
        """"双方", "各方" (or "双方同意") as the subject: the parties commit, known or not."""
        s = self.actors.clause_start(i, lo)
        return any(self.actors.names_parties(self.tokens[k]) for k in range(s, i + 1))

    def _from_chinese_cue(self, sentence: Sentence, first: int, lo: int, hi: int, i: int, e: int,
                          cues: set[Cue]) -> Draft | None:
        if i > lo and self._has("negations", i - 1):
            return None
        if self._any("statements", self.actors.clause_start(i, lo), i) or self.lex.praise.find(
                self.tokens[max(lo, i - 3):i], self.doc.text):
            return None  # "欢迎中方倡议", "支持哈方提议": a position, not a commitment
        event_after = self._event_in(e, hi)
        holding = self._any("participation", e, hi) and event_after is not None
        if ("scheduled", "invitation") in cues:
            if not (self._any("participation", e, hi) or event_after is not None):
                return None
            return Draft("scheduled_event", i, hi, sentence, first, i, role="invitation")
        if ("proposal", "verb") in cues:
            if e >= hi or (i > lo and self._low(i - 1) == "的") or self._low(e) in ("下", "的"):
                return None  # "中方的倡议", "在…倡议下": the noun, not the verb
            actors = self._subject(sentence, first, lo, i)
            if not actors and not self._names_parties_before(lo, i):
                return None
            return Draft("proposal", i, hi, sentence, first, i, actors=actors)
        if e >= hi or not cues & {("pledge", "future"), ("pledge", "infinitive"), ("pledge", "action_noun")}:
            return None  # "签署", "举行" alone: a verb of taking place needs "将" before it
        actors = self._subject(sentence, first, lo, i)
        if not actors and not self._names_parties_before(lo, i):
            # "下一届峰会将于2027年在中国举行": an event as the subject takes place
            opening = self.actors.clause_start(i, lo)
            event = self._event_in(opening, i)
            occurs = any(("scheduled", "occurrence") in c for _, (_, c) in self._matches(e, hi).items())
            if event is None or not occurs:
                return None
            return Draft("scheduled_event", opening, hi, sentence, first, i, role="parties")
        kind = "scheduled_event" if holding else "pledge"
        return Draft(kind, i, hi, sentence, first, i, actors=actors)


FINDERS: dict[str, type[Finder]] = {"en": EnglishFinder, "kk": KazakhFinder, "zh": ChineseFinder}

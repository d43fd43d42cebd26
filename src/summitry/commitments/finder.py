"""Find commitments in a Doc: cues from the lexicon, clauses from the grammar.

Each sentence is read for cues (rules/<lang>/commitments.yaml) and for future-tense
predicates. A cue that governs infinitives gives one commitment per coordinated
infinitive; every other cue gives one commitment for its clause. The evidence span is
the clause, from the cue to the end of its verb phrase; a cue inside an earlier
commitment's clause is part of it.
"""

from __future__ import annotations

from dataclasses import replace

from summitry.commitments import grammar as g
from summitry.commitments.clauses import LIST_MARKERS, PREPOSITIONS, QUOTES, Draft  # noqa: F401  (importable here as before)
from summitry.commitments.lexicon import Cue, lexicon
from summitry.commitments.parties import Parties
from summitry.doc import Commitment, Doc, Sentence, Token
from summitry.kb import KnowledgeBase

PLAIN_LANGUAGES = ("en", "kk", "zh")  # no morphological analyzer: read by word order and endings
VERB_CUES = {("pledge", "infinitive"), ("pledge", "action_noun"), ("pledge", "present"),
             ("proposal", "verb"), ("scheduled", "agreed")}


class Finder(Parties):
    """Commitments of one Doc."""

    # --- sentences ------------------------------------------------------------------
    def sentence_drafts(self, sentence: Sentence, first: int, last: int) -> list[Draft]:
        tokens = self.tokens
        matches: dict[int, tuple[int, set[Cue]]] = {}
        for i, e, phrases in self.lex.cues.find(tokens[first:last], self.doc.text):
            matches[first + i] = (first + e, {p.value for p in phrases})
        for i, (e, cues) in self._loose_matches(first, last).items():
            if not any(a <= i < b for a, (b, _) in matches.items()):
                matches[i] = (e, cues)
        stops = {i for i, (_, cues) in matches.items() if cues & VERB_CUES}
        drafts: list[Draft] = []
        covered = -1  # tokens before this index belong to an earlier commitment

        def add(draft: Draft) -> None:
            nonlocal covered
            drafts.append(draft)
            covered = max(covered, draft.end)

        for i in range(first, last):
            if i < covered:
                continue
            token = tokens[i]
            if i in matches:
                e, cues = matches[i]
                made = self._from_cue(sentence, first, last, i, e, cues, stops)
                for draft in made:
                    add(draft)
                if made:
                    continue
            if g.is_future(token, self.language):
                future = self._from_future(sentence, first, last, i, stops)
                if future:
                    add(future)
                    continue
            if self._event_noun(i):
                dated = self._from_dated_event(sentence, first, last, i, stops)
                if dated:
                    add(dated)
        return drafts

    def _loose_matches(self, first: int, last: int) -> dict[int, tuple[int, set[Cue]]]:
        """Cues of several words with adjectives between them: "преследовать (главную) цель",
        "выразить (твердую) готовность", "внести (конкретное) предложение"."""
        tokens = self.tokens
        kept = [k for k in range(first, last) if g.pos(tokens[k]) != "ADJF"]
        if len(kept) == last - first or not kept:
            return {}
        pieces: list[str] = []
        copies: list[Token] = []
        offset = 0
        for n, k in enumerate(kept):
            if n:
                previous = kept[n - 1]
                if k == previous + 1:
                    gap = g.gap(self.doc, tokens[previous], tokens[k])
                else:  # adjectives dropped: a plain gap only where nothing but spaces was there
                    between = self.doc.text[tokens[previous].end : tokens[k].start]
                    gap = " " if all(g.pos(tokens[j]) == "ADJF" for j in range(previous + 1, k)) and not any(
                        c in between for c in ",;:()–—-\n") else ","
                pieces.append(gap)
                offset += len(gap)
            copies.append(replace(tokens[k], start=offset, end=offset + len(tokens[k].text)))
            pieces.append(tokens[k].text)
            offset += len(tokens[k].text)
        text = "".join(pieces)
        out: dict[int, tuple[int, set[Cue]]] = {}
        for i, e, phrases in self.lex.cues.find(copies, text):
            if e - i >= 2 and kept[e - 1] - kept[i] > e - 1 - i:  # several words, an adjective between
                out[kept[i]] = (kept[e - 1] + 1, {p.value for p in phrases})
        return out

    def _from_cue(self, sentence: Sentence, first: int, last: int, i: int, e: int,
                  cues: set[Cue], stops: set[int]) -> list[Draft]:
        tokens = self.tokens
        token = tokens[i]
        # "намерены", "заинтересованы" are short participles that work as verbal cues
        participle = g.pos(token) in ("PRTF", "PRTS") and not cues & {("pledge", "infinitive"), ("pledge", "action_noun")}
        if ("scheduled", "agreed") in cues:
            end = self.clause_end(i, last, stops)
            if self._impersonal_agreement(i):
                # "встречу решено провести ...", "вирішено провести": decided by the parties
                return [Draft("scheduled_event", i, end, sentence, first, i, actors=list(self.actors.parties) or None)]
            return [Draft("scheduled_event", i, end, sentence, first, i)]
        if ("scheduled", "invitation") in cues and g.pos(token) in ("VERB", "GRND"):
            invitation = self._invitation(sentence, first, last, i, e, stops)
            if invitation is not None:
                return [invitation]
        if ("proposal", "participle") in cues and participle:
            if self._governed_by(self.lex.praise, first, i):
                return []
            found = self._proposal_actor(i, first, participle=True)
            if not found or not found[0]:
                return []
            end = self.clause_end(i, last, stops, phrase=True)
            return self._with_gapping(Draft("proposal", i, end, sentence, first, i, actors=found[0]), last)
        if ("proposal", "nominal") in cues and g.pos(token) == "NOUN":
            if self._governed_by(self.lex.praise, first, i):
                return []
            found = self._proposal_actor(i, first, participle=False)
            if not found or not self._complement(found[1], last):
                return []
            end = self.clause_end(i, last, stops, phrase=True)
            actors = found[0] or None
            # "наше предложение": the speaker proposes, named or not
            draft = Draft("proposal", i, end, sentence, first, i, actors=actors, notes={"speaker"})
            return self._with_gapping(draft, last)
        if not participle and (("pledge", "infinitive") in cues or ("proposal", "verb") in cues):
            kind = "proposal" if ("proposal", "verb") in cues else "pledge"
            j = e
            inf = None
            while j < min(e + 8, last):
                if j > e and (g.comma(self.doc, tokens[j - 1], tokens[j]) or g.hard_break(self.doc, tokens[j - 1], tokens[j])):
                    break
                if g.is_infinitive(tokens[j]):
                    inf = j
                    break
                if g.is_finite(tokens[j]):
                    break
                j += 1
            if inf is not None:
                drafts = []
                for start, end, head_inf in self.infinitive_segments(i, inf, last, stops):
                    draft = Draft(kind, start, end, sentence, first, i)
                    if kind == "pledge" and (self._participation(head_inf, end) or self._declares_year(head_inf, end)):
                        draft.kind = "scheduled_event"
                    drafts.append(draft)
                return drafts if kind == "pledge" else self._with_gapping(drafts[0], last) + drafts[1:]
        if ("pledge", "action_noun") in cues and (not participle or g.pos(token) == "PRTS"):
            k = e
            if k < last and tokens[k].text.lower() in PREPOSITIONS | {"к", "в", "у", "до"}:
                k += 1
            if self._action_noun(k, last):
                end = self.clause_end(i, last, stops)
                return [Draft("pledge", i, end, sentence, first, i)]
        if ("pledge", "present") in cues and g.is_finite(token) and g.tense(token) in ("pres", "futr"):
            end = self.clause_end(i, last, stops)
            return [Draft("pledge", i, end, sentence, first, i)]
        if ("scheduled", "occurrence") in cues and g.is_future(token, self.language):
            return []  # read below as a future predicate
        if ("scheduled", "upcoming") in cues:
            if i > first and self._has("anaphoric", i - 1):
                return []
            event = self._event_within(e, min(e + 4, last))
            if event is not None:
                end = self.clause_end(i, last, stops)
                if self._under_way(first, i, event, end):
                    return []  # "очередное заседание проходит": reported as under way, an event
                # "следующая встреча пройдет ...": the event itself is the subject
                role = "parties" if self._takes_place(event, end) else "upcoming"
                return [Draft("scheduled_event", i, end, sentence, first, i, role=role)]
        if ("scheduled", "purpose") in cues and not self._dated(i):
            event = self._event_within(e, min(e + 4, last))
            if event is not None:
                end = self.clause_end(i, last, stops)
                past = any(g.is_finite(tokens[k]) and g.tense(tokens[k]) == "past" for k in range(e, end))
                if past and not self.timing.future_date_after(tokens[i].start, tokens[end - 1].end):
                    return []  # "Накануне саммита Путин прибыл ...": told after the fact
                return [Draft("scheduled_event", i, end, sentence, first, i, role="sentence")]
        if ("scheduled", "holding") in cues and g.pos(token) == "NOUN" and self._welcomed(sentence, first, i):
            end = self.clause_end(i, last, stops)
            start = i - 1 if i > first and self._has("soon", i - 1) else i
            if self._past(max(first, i - 2), end):
                return []
            soon = start < i
            if soon or self._event_within(i + 1, min(i + 9, end)) is not None:
                return [Draft("scheduled_event", start, end, sentence, first, i, role="host")]
        return []

    def _dated(self, i: int) -> bool:
        """Whether token i is inside a date expression: "Накануне министры провели ..." is the
        day before (summitry.dates), not "накануне саммита", the eve of an event ahead."""
        start = self.tokens[i].start
        return any(d.start <= start < d.end for d in self.doc.dates)

    def _under_way(self, first: int, i: int, event: int, end: int) -> bool:
        """Whether the clause around token i reports its event as happening or done: the event
        noun is the subject of a verb of taking place in the present or past ("В Ташкенте
        проходит очередное заседание", "на следующий день состоялась встреча")."""
        tokens = self.tokens
        if not g.any_parse(tokens[event], self.language, "nomn"):
            return False
        j = i
        while j > first and not self._sep(j) and not g.hard_break(self.doc, tokens[j - 1], tokens[j]):
            j -= 1
        # the best parse decides: Ukrainian "проходить" (is held) also parses as a perfective future
        verbs = [k for k in range(j, end) if g.pos(tokens[k]) == "VERB" and self._occurrence(k)]
        return bool(verbs) and all(g.tense(tokens[k]) == "past" or self._present(k) for k in verbs)

    def _present(self, k: int) -> bool:
        """A present form, by its best parse, or a Ukrainian "-ть" form ranked an infinitive
        ("проходить") that has a present parse."""
        token = self.tokens[k]
        if g.tense(token) == "pres":
            return True
        return g.is_infinitive(token) and g.any_parse(token, self.language, "VERB", "pres")

    def _invitation(self, sentence: Sentence, first: int, last: int, i: int, e: int,
                    stops: set[int]) -> Draft | None:
        """"пригласил коллегу посетить ...", "принял приглашение посетить ...": a visit or an
        event ahead, held by the inviter and the invited."""
        end = self.clause_end(i, last, stops)
        visit = any(self._has("participation", k) or self._event_noun(k) for k in range(e, end))
        if not visit or self._past(i, end):
            return None
        end = self._through_relative(end, last)
        return Draft("scheduled_event", i, end, sentence, first, i, role="invitation")

    def through_place_relative(self, end: int, last: int) -> int:
        """"отправится в Урумчи, где примет участие в форуме": the plan goes on in a relative
        clause of place after the destination."""
        tokens = self.tokens
        if end + 1 < last and self._has("place_relatives", end) and g.comma(self.doc, tokens[end - 1], tokens[end]):
            return self.clause_end(end + 1, last, set())
        return end

    def _through_relative(self, end: int, last: int) -> int:
        """"... форуме, который пройдет в июне": a relative clause saying when the event takes place."""
        tokens = self.tokens
        if end + 1 < last and self._has("relative", end) and g.comma(self.doc, tokens[end - 1], tokens[end]):
            if any(self._occurrence(k) for k in range(end + 1, min(end + 4, last))):
                return self.clause_end(end + 1, last, set())
        return end

    def _with_gapping(self, draft: Draft, last: int) -> list[Draft]:
        """"объявить X столицей, а 2024 год – Годом экологии": the elided verb's second object."""
        tokens = self.tokens
        k = draft.end
        if k + 1 < last and tokens[k].text.lower() in ("а", "and") and g.comma(self.doc, tokens[k - 1], tokens[k]):
            for j in range(k + 1, min(k + 6, last)):
                if "–" in g.gap(self.doc, tokens[j - 1], tokens[j]) or "—" in g.gap(self.doc, tokens[j - 1], tokens[j]):
                    end = self.clause_end(j, last, set(), phrase=True)
                    second = Draft(draft.kind, k, end, draft.sentence, draft.first, draft.head,
                                   actors=draft.actors, role=draft.role, notes=set(draft.notes))
                    return [draft, second]
        return [draft]

    def _from_future(self, sentence: Sentence, first: int, last: int, i: int, stops: set[int]) -> Draft | None:
        """A future predicate: a scheduled event when an event takes place, else a pledge by an actor."""
        tokens = self.tokens
        j = i
        while j > first and not self._sep(j) and not g.hard_break(self.doc, tokens[j - 1], tokens[j]):
            j -= 1
        if self._has("statements", i):
            return None
        if any(self._has("hedges", k) for k in range(first, i)):
            return None  # "не исключил, что посетит ...": a possibility
        local = range(j, i)
        occurrence = self._occurrence(i)
        if occurrence and self._present(i):
            return None  # Ukrainian "проходить" (is being held) also parses as a future: under way
        relative = False
        k = i - 1
        while k >= first and not g.is_finite(tokens[k]):
            if self._has("relative", k):
                relative = not self._complementizer(k, first)
                break
            k -= 1
        if not relative and k > first and self._has("complementizers", k) and self._has("agreement", k - 1):
            # "Главы государств условились, что комиссия рассмотрит ...": what they agreed on
            # is their pledge, whoever carries it out
            end = self.clause_end(i, last, stops)
            # "было условлено, что ...": agreed by nobody named, so by the parties
            agreed_by = self.actors.subject(sentence, k - 1, first) or list(self.actors.parties)
            return Draft("pledge", k - 1, end, sentence, first, k - 1, actors=agreed_by)
        if relative:
            if occurrence and self._signing(i):
                end = self.clause_end(i, last, stops)
                return Draft("scheduled_event", i, end, sentence, first, i, role="parties", notes={"signing"})
            return None
        nouns = [k for k in local if g.is_nominative_noun(tokens[k], self.language) and not self._adverbial(k, j)]
        events = [k for k in nouns if self._event_noun(k)]
        if events:
            start = events[0]
            while start > j and g.pos(tokens[start - 1]) in ("ADJF", "NUMR", "PRCL") and not self._sep(start):
                start -= 1
            end = self.clause_end(i, last, stops)
            return Draft("scheduled_event", start, end, sentence, first, i, role="parties")
        if occurrence and self._signing(i):
            end = self.clause_end(i, last, stops)
            return Draft("scheduled_event", i, end, sentence, first, i, role="parties", notes={"signing"})
        end = self.clause_end(i, last, stops)
        if self._participation(i, end) and not self.timing.has_past_date(tokens[i].start, tokens[end - 1].end, looking_ahead=True):
            # "Казахстан примет саммит", "стороны проведут встречу": holding an event ahead
            return Draft("scheduled_event", i, end, sentence, first, i, role="upcoming")
        if self._has("encounters", i) and not self.timing.has_past_date(tokens[i].start, tokens[end - 1].end, looking_ahead=True):
            # "Жапаров посетит Пекин", "встретится с Си Цзиньпином": a visit or meeting ahead,
            # held by the subject and the side it goes to
            end = self.through_place_relative(end, last)
            return Draft("scheduled_event", i, end, sentence, first, i, role="invitation")
        actor_tokens = {k for k in nouns if self._is_actor_token(k)}
        # "профильные министерства будут ...": the parties' bodies, first in the clause
        bodies = bool(nouns) and self._has("bodies", nouns[0]) and g.is_plural_nominative(tokens[nouns[0]], self.language) \
            and all(g.pos(tokens[k]) in ("ADJF", "PRTF", "NUMR", "ADVB") for k in range(j, nouns[0]) if not self._sep(k))
        if bodies:
            actor_tokens |= {nouns[0]}
        if set(nouns) - actor_tokens:
            return None
        if tokens[i].lemma in ("быть", "бути") and not (i + 1 < last and g.infinitive_at(tokens, i + 1, last)):
            return None
        speaker = [k for k in local if self._has("first_person", k)]
        # "заявил, что мы проведем ...", "наша страна откроет ...": the speaker's state commits
        actors = self.actors.latest_state(tokens[j].start) if speaker else self.actors.subject(sentence, i, first)
        parties = bodies or any(self._has("parties", k) and g.is_plural_nominative(tokens[k], self.language)
                                for k in range(first, i))
        if not actors and not parties:
            return None
        if bodies and not speaker:
            return Draft("pledge", i, end, sentence, first, i, actors=list(self.actors.parties))
        return Draft("pledge", i, end, sentence, first, i, actors=actors if speaker else None)

    def _from_dated_event(self, sentence: Sentence, first: int, last: int, i: int, stops: set[int]) -> Draft | None:
        """An event noun followed by a date after publication: "Саммит ШОС в июле 2024 года"."""
        if not self.timing.future_date_after(self.tokens[i].end, self.tokens[min(i + 6, last - 1)].end):
            return None
        end = self.clause_end(i, last, stops)
        if any(self._impersonal_agreement(k) for k in range(i + 1, end)):
            # "Следующую встречу решено провести в 2026 году в Туркменистане": the parties
            # decided it; the country named is the venue
            return Draft("scheduled_event", i, end, sentence, first, i, actors=list(self.actors.parties) or None)
        return Draft("scheduled_event", i, end, sentence, first, i, role="sentence")

    def _impersonal_agreement(self, k: int) -> bool:
        """"решено", "договорено", "вирішено": agreed, with no one named as agreeing."""
        token = self.tokens[k]
        return self._has("agreement", k) and (g.pos(token) == "PRTS" or "Impe" in g.tags(token))

    def run(self) -> list[Commitment]:
        out: list[Commitment] = []
        tokens = self.tokens
        i = 0
        for sentence in self.doc.sentences:
            while i < len(tokens) and tokens[i].start < sentence.start:
                i += 1
            first = i
            while i < len(tokens) and tokens[i].start < sentence.end:
                i += 1
            if first < i:
                scheduled = [c for c in out if c.kind == "scheduled_event"]
                for draft in self.sentence_drafts(sentence, first, i):
                    item = self.settle(draft)
                    if scheduled and self._continues(draft, item, scheduled[-1]):
                        continue
                    # a pledge or proposal with no actor and no "the parties": nobody commits
                    # (a scheduled event stands without one)
                    if item.actors or item.kind == "scheduled_event" or "speaker" in draft.notes or self._names_parties(draft):
                        out.append(item)
        self.timing.inherit(out)
        return out


def find(doc: Doc, kb: KnowledgeBase | None = None) -> list[Commitment]:
    """The commitments of a Doc in a language with a lexicon; [] for the others."""
    lex = lexicon(doc.language or "")
    if lex is None or not doc.tokens:
        return []
    if lex.language in PLAIN_LANGUAGES:
        from summitry.commitments.plain import FINDERS  # they build on Finder

        return FINDERS[lex.language](doc, lex, kb or KnowledgeBase.default()).run()
    return Finder(doc, lex, kb or KnowledgeBase.default()).run()


"""Find commitments in a Doc: cues from the lexicon, clauses from the grammar.

Each sentence is read for cues (rules/<lang>/commitments.yaml) and for future-tense
predicates. A cue that governs infinitives gives one commitment per coordinated
infinitive; every other cue gives one commitment for its clause. The evidence span is
the clause, from the cue to the end of its verb phrase; a cue inside an earlier
commitment's clause is part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from summitry.commitments import grammar as g
from summitry.commitments.actors import Actors
from summitry.commitments.lexicon import Cue, Lexicon, lexicon
from summitry.commitments.sectors import classify
from summitry.commitments.timing import Timing
from summitry.doc import Commitment, Doc, Sentence, Span, Token
from summitry.kb import KnowledgeBase
from summitry.kb.matcher import PhraseIndex

PLAIN_LANGUAGES = ("en", "kk")  # no morphological analyzer: read by word order and endings
LIST_MARKERS = ("-", "—", "–", "•", "*", "·")
PREPOSITIONS = frozenset({"о", "об", "по", "про", "щодо", "on", "to", "for"})
QUOTES = "«\"“„"
VERB_CUES = {("pledge", "infinitive"), ("pledge", "action_noun"), ("pledge", "present"),
             ("proposal", "verb"), ("scheduled", "agreed")}


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


class Finder:
    """Commitments of one Doc."""

    actor_type: type[Actors] = Actors

    def __init__(self, doc: Doc, lex: Lexicon, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.lex = lex
        self.language = doc.language or "ru"
        self.tokens = doc.tokens
        self.actors = self.actor_type(doc, lex, kb)
        self.timing = Timing(doc, lex)

    # --- small predicates -----------------------------------------------------------
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

    # --- clauses --------------------------------------------------------------------
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

    # --- contexts -------------------------------------------------------------------
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

    def _proposal_actor(self, i: int, first: int, participle: bool) -> tuple[list[str], int] | None:
        """The actor beside a proposal word and the token after it."""
        tokens = self.tokens
        for k in range(i + 1, min(i + 4, len(tokens))):
            if k > i + 1 and g.comma(self.doc, tokens[k - 1], tokens[k]):
                break
            for mention in self.actors.mentions_in(tokens[k].start, tokens[k].end + 40):
                if mention.start != tokens[k].start:
                    continue
                state = self.actors.state_of(mention.entity_id)
                actor = state or (mention.entity_id if mention.type == "organization" else None)
                if actor:
                    after = k + 1
                    while after < len(tokens) and tokens[after].end <= mention.end:
                        after += 1
                    return [actor], after
        if not participle and i > first:
            previous = tokens[i - 1]
            for mention in self.actors.mentions_in(previous.start, previous.end):
                state = self.actors.state_of(mention.entity_id)
                if state:
                    return [state], i + 1
            if previous.lemma in ("наш", "мой", "our", "my"):
                return self.actors.latest_state(previous.start), i + 1
        return None

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
                # "следующая встреча пройдет ...": the event itself is the subject
                role = "parties" if self._takes_place(event, end) else "upcoming"
                return [Draft("scheduled_event", i, end, sentence, first, i, role=role)]
        if ("scheduled", "purpose") in cues:
            event = self._event_within(e, min(e + 4, last))
            if event is not None:
                end = self.clause_end(i, last, stops)
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

    def _through_relative(self, end: int, last: int) -> int:
        """"... форуме, который пройдет в июне": a relative clause saying when the event takes place."""
        tokens = self.tokens
        if end + 1 < last and self._has("relative", end) and g.comma(self.doc, tokens[end - 1], tokens[end]):
            if any(self._occurrence(k) for k in range(end + 1, min(end + 4, last))):
                return self.clause_end(end + 1, last, set())
        return end

    def _invited(self, draft: Draft, inviter: list[str], start: int, end: int) -> list[str]:
        """The other side of an invitation: the states of the persons and states named in it,
        else, in a bilateral text, the party that is not the inviter."""
        named = [s for s in self.actors.states_in(start, end) if s not in inviter]
        for mention in self.actors.mentions_in(start, end):  # "посетить Пекин": China's
            country = self.actors.place_country(mention.entity_id) if mention.type == "place" else None
            if country and country not in inviter and country not in named:
                named.append(country)
        if named:
            return named
        parties = self.actors.parties
        others = [p for p in parties if p not in inviter]
        return others if len(parties) == 2 and len(others) == 1 else []

    def _declares_year(self, inf: int, end: int) -> bool:
        """"договорились объявить 2026 год Годом ...": a year named with a time is scheduled."""
        if not self._has("declaring", inf):
            return False
        span = (self.tokens[inf].end, self.tokens[end - 1].end)
        return any(span[0] <= d.start < span[1] for d in self.doc.dates)

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
        local = range(j, i)
        occurrence = self._occurrence(i)
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
            return Draft("pledge", k - 1, end, sentence, first, k - 1)
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
        actor_tokens = {k for k in nouns if self._is_actor_token(k)}
        if set(nouns) - actor_tokens:
            return None
        if tokens[i].lemma in ("быть", "бути") and not (i + 1 < last and g.infinitive_at(tokens, i + 1, last)):
            return None
        actors = self.actors.subject(sentence, i, first)
        parties = any(self._has("parties", k) and g.is_plural_nominative(tokens[k], self.language)
                      for k in range(first, i))
        if not actors and not parties:
            return None
        end = self.clause_end(i, last, stops)
        return Draft("pledge", i, end, sentence, first, i)

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

    def _is_actor_token(self, k: int) -> bool:
        token = self.tokens[k]
        # "Страна выделит": a generic noun for a state named before; a pronoun ("Она
        # затронет ...") may stand for anything, so a future alone does not take it
        if self._has("parties", k) or self._has("anaphoric_subjects", k):
            return True
        return bool(self.actors.mentions_in(token.start, token.end))

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

    def _from_dated_event(self, sentence: Sentence, first: int, last: int, i: int, stops: set[int]) -> Draft | None:
        """An event noun followed by a date after publication: "Саммит ШОС в июле 2024 года"."""
        if not self.timing.future_date_after(self.tokens[i].end, self.tokens[min(i + 6, last - 1)].end):
            return None
        end = self.clause_end(i, last, stops)
        return Draft("scheduled_event", i, end, sentence, first, i, role="sentence")

    # --- settling -------------------------------------------------------------------
    def settle(self, draft: Draft) -> Commitment:
        tokens = self.tokens
        start, end = tokens[draft.start].start, tokens[draft.end - 1].end
        actors = draft.actors
        if actors is None:
            if draft.role == "parties":
                actors = self._event_parties(start, end, draft)
            elif draft.role == "host":
                actors = self._host_actors(start, end)
            elif draft.role == "sentence":
                actors = self.actors.in_sentence(draft.sentence) or list(self.actors.parties)
            elif draft.role == "invitation":
                inviter = self.actors.subject(draft.sentence, draft.head, draft.first)
                actors = inviter + self._invited(draft, inviter, start, end)
            elif draft.role == "upcoming":  # "Китай примет следующий саммит"; without a subject, the parties
                actors = self.actors.subject(draft.sentence, draft.head, draft.first) or self._event_parties(
                    start, end, draft)
            else:
                actors = self.actors.subject(draft.sentence, draft.head, draft.first)
        due = self.timing.due(start, end, draft.first)
        if due is None:  # a fronted date of the clause: "в ближайшие три года Китай подготовит"
            lo = self._clause_start(min(draft.start, draft.head), draft.first)
            if lo < draft.start:
                due = self.timing.due(tokens[lo].start, end, draft.first)
        if due is None and "signing" in draft.notes:
            due = self.timing.event_day(start, end)
        sentence_tokens = tokens[draft.first : self._sentence_last(draft)]
        before = self._previous_sentence_tokens(draft) if self._topic_anaphora(draft) else []
        sector = classify(tokens[draft.start : draft.end], before, sentence_tokens, language=self.language)
        return Commitment(
            kind=draft.kind,
            actors=actors,
            action=self.doc.text[start:end],
            sector=sector,
            evidence=[Span(start, end)],
            due=due,
            place=self.actors.place(start, end),
        )

    def _event_parties(self, start: int, end: int, draft: Draft) -> list[str]:
        """Who holds a scheduled event: the members of the format it names (in its clause,
        else, for a bare "Встреча пройдет ...", in the sentence before), else the parties."""
        formats = [m for m in self.actors.mentions_in(start, end) if m.type == "format"]
        if not formats and draft.start == draft.first and self._event_noun(draft.start):
            position = self.doc.sentences.index(draft.sentence)
            if position > 0:
                previous = self.doc.sentences[position - 1]
                formats = [m for m in self.actors.mentions_in(previous.start, previous.end) if m.type == "format"]
        for mention in formats:
            members = self.actors.members(mention.entity_id)
            if members:
                return members
        return list(self.actors.parties)

    def _clause_start(self, k: int, first: int) -> int:
        """The first token of the clause that holds token k (after a comma or a break)."""
        while k > first and not g.comma(self.doc, self.tokens[k - 1], self.tokens[k]) and not g.hard_break(
            self.doc, self.tokens[k - 1], self.tokens[k]
        ):
            k -= 1
        return k

    def _host_actors(self, start: int, end: int) -> list[str]:
        names_format = any(m.type == "format" for m in self.actors.mentions_in(start, end)) or any(
            t.lemma in ("формат", "format") for t in self.tokens if start <= t.start < end
        )
        if names_format:
            return list(self.actors.parties)
        return self.actors.host(start, end) or list(self.actors.parties)

    def _sentence_last(self, draft: Draft) -> int:
        k = draft.end
        while k < len(self.tokens) and self.tokens[k].start < draft.sentence.end:
            k += 1
        return k

    def _topic_anaphora(self, draft: Draft) -> bool:
        return bool(self.lex.topic_anaphora.find(self.tokens[draft.start : draft.end], self.doc.text))

    def _previous_sentence_tokens(self, draft: Draft) -> list[Token]:
        position = self.doc.sentences.index(draft.sentence)
        if position == 0:
            return []
        previous = self.doc.sentences[position - 1]
        return [t for t in self.tokens if previous.start <= t.start < previous.end]

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

    def _continues(self, draft: Draft, item: Commitment, earlier: Commitment) -> bool:
        """"... готовились к очередной встрече. Встреча пройдет в ноябре в Ташкенте.": a sentence
        that opens with the bare event noun goes on about the event scheduled in the sentence
        before; it joins that commitment (its evidence, date, place and actors) instead of
        making a second one."""
        if item.kind != "scheduled_event" or draft.start != draft.first or not self._event_noun(draft.start):
            return False
        position = self.doc.sentences.index(draft.sentence)
        if position == 0:
            return False
        previous = self.doc.sentences[position - 1]
        if not previous.start <= earlier.evidence[0].start < previous.end:
            return False
        earlier.evidence = earlier.evidence + item.evidence
        earlier.due = item.due or earlier.due
        earlier.place = item.place or earlier.place
        earlier.actors = item.actors or earlier.actors
        return True

    def _names_parties(self, draft: Draft) -> bool:
        """Whether the draft's sentence, up to its end, has a word for the parties ("Стороны")."""
        return any(self.actors.names_parties(t) for t in self.tokens[draft.first : draft.end])


def find(doc: Doc, kb: KnowledgeBase | None = None) -> list[Commitment]:
    """The commitments of a Doc in a language with a lexicon; [] for the others."""
    lex = lexicon(doc.language or "")
    if lex is None or not doc.tokens:
        return []
    if lex.language in PLAIN_LANGUAGES:
        from summitry.commitments.plain import FINDERS  # they build on Finder

        return FINDERS[lex.language](doc, lex, kb or KnowledgeBase.default()).run()
    return Finder(doc, lex, kb or KnowledgeBase.default()).run()


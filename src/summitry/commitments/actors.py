"""Who commits: the subject of a cue, the parties that adopted the text, a host state.

"The parties" (Стороны / Сторони) are the states that adopted the text: those named in
the "(hereinafter — the Parties)" sentence of a communiqué, else the members of the
format the document is about, else the states it mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from datetime import date

from summitry.commitments.grammar import any_parse, comma, hard_break, is_finite, is_plural_nominative
from summitry.commitments.lexicon import Lexicon
from summitry.doc import Doc, Mention, Sentence, Token
from summitry.kb import KnowledgeBase

LOCATIVE = frozenset({"в", "во", "у", "в.", "г.", "in", "at"})
STATE_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "deputy_head_of_government")


class Actors:
    """Actor resolution over one Doc."""

    def __init__(self, doc: Doc, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.kb = kb
        self.day = doc.published or date.today()
        self._starts = [m.start for m in doc.mentions]
        self._token_starts = [t.start for t in doc.tokens]
        self.groups = [
            (doc.tokens[i].start, doc.tokens[e - 1].end, phrases[0].value)
            for i, e, phrases in lexicon.groups.find(doc.tokens, doc.text)
        ]
        self.parties = self._parties()

    # --- ids -------------------------------------------------------------------------
    def state_of(self, entity_id: str) -> str | None:
        """A country id for a country, or a person's state through their offices."""
        if entity_id.startswith("country:"):
            return entity_id
        entry = self.kb.get(entity_id)
        if entry is None or not entry.offices:
            return None
        held = [o for o in entry.offices if o.country and o.held_on(self.day)]
        ranked = sorted(held, key=lambda o: STATE_OFFICES.index(o.office) if o.office in STATE_OFFICES else 9)
        if ranked:
            return ranked[0].country
        with_country = [o for o in entry.offices if o.country]
        return with_country[-1].country if with_country else None

    def place_country(self, place_id: str) -> str | None:
        """The state a place lies in, where the knowledge base says so."""
        entry = self.kb.get(place_id)
        country = getattr(entry, "country", None) if entry else None
        if isinstance(country, str):
            return country
        if entry is not None:
            states = [m for m in entry.members if m.startswith("country:")]
            if len(states) == 1:
                return states[0]
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.doc.mentions) and self.doc.mentions[i].start < end:
            if self.doc.mentions[i].end <= end:
                out.append(self.doc.mentions[i])
            i += 1
        return out

    def states_in(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for mention in self.mentions_in(start, end):
            state = self.state_of(mention.entity_id)
            if state and state not in out:
                out.append(state)
        return out

    # --- the parties -------------------------------------------------------------------
    def _parties(self) -> list[str]:
        doc = self.doc
        if self.lexicon.hereinafter is not None:
            match = self.lexicon.hereinafter.search(doc.text)
            if match:
                sentence = doc.sentence_at(match.start())
                if sentence is not None:
                    states = self.states_in(sentence.start, match.start())
                    if len(states) >= 2:
                        return states
        formats = Counter(
            m.entity_id for m in doc.mentions if m.type == "format" and self.kb.get(m.entity_id)
        )
        for format_id, _ in formats.most_common():
            members = [m for m in self.kb[format_id].members if m.startswith("country:")]
            if members:
                return members
        return self.states_in(0, len(doc.text))

    def group_members(self, members: list[str]) -> list[str]:
        """A named group of states, narrowed to the parties where they include it."""
        among = [m for m in members if m in self.parties]
        return among if len(among) >= 2 else list(members)

    # --- the subject of a cue -----------------------------------------------------------
    def latest_state(self, before: int) -> list[str]:
        """The state named last before an offset ("наше предложение": the speaker's)."""
        for mention in reversed(self.mentions_in(0, before)):
            state = self.state_of(mention.entity_id)
            if state:
                return [state]
        return []

    def names_parties(self, token: Token) -> bool:
        """Whether a word stands for the parties ("Стороны" in the plural nominative)."""
        return self.lexicon.has("parties", token.keys) and is_plural_nominative(token, self.doc.language or "ru")

    def _nominative_at(self, offset: int) -> bool:
        i = bisect_left(self._token_starts, offset)
        if i >= len(self.doc.tokens):
            return False
        token = self.doc.tokens[i]
        return any_parse(token, self.doc.language or "ru", "nomn")

    def _region_actors(self, start: int, end: int, *, nominative: bool = False) -> list[str]:
        """Actors named between two offsets: states, persons' states, parties, groups.

        With `nominative`, only names that can be a subject count ("Китаем" does not)."""
        found: list[str] = []
        organizations: list[str] = []
        for g_start, g_end, members in self.groups:
            if start <= g_start and g_end <= end and (not nominative or self._nominative_at(g_start)):
                found += self.group_members(members)
        for mention in self.mentions_in(start, end):
            if nominative and not self._nominative_at(mention.start):
                continue
            state = self.state_of(mention.entity_id)
            if state:
                found.append(state)
            elif mention.type == "organization":
                organizations.append(mention.entity_id)
        first = bisect_left(self._token_starts, start)
        for token in self.doc.tokens[first:]:
            if token.start >= end:
                break
            if self.names_parties(token):
                found += self.parties
        if not found:
            found = organizations
        return list(dict.fromkeys(found))

    def subject(self, sentence: Sentence, index: int, first: int) -> list[str]:
        """The actors of the clause whose predicate starts at token `index`.

        The nearest stretch after a comma comes first ("..., Токаев предложил"), then the
        sentence's opening up to its first verb, then the sentences before it.
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
        k = first
        while k < index and not is_finite(tokens[k]):
            k += 1
        opening = self._region_actors(sentence.start, tokens[k].start if k < len(tokens) else sentence.end)
        if opening:
            return opening
        return self.before(sentence)

    def before(self, sentence: Sentence) -> list[str]:
        """Actors of the two sentences before, the nearest first, else the parties."""
        position = self.doc.sentences.index(sentence)
        for back in (1, 2):
            if position - back < 0:
                break
            previous = self.doc.sentences[position - back]
            found = self._region_actors(previous.start, previous.end)
            if found:
                return found
        return list(self.parties)

    def in_sentence(self, sentence: Sentence) -> list[str]:
        return self._region_actors(sentence.start, sentence.end)

    def host(self, start: int, end: int) -> list[str]:
        """The host of an event named in a span: its organizations and its state."""
        out: list[str] = []
        for mention in self.mentions_in(start, end):
            if mention.type == "organization":
                out.append(mention.entity_id)
            elif mention.type == "country" and self._located(mention.start):
                out.append(mention.entity_id)
            elif mention.type == "place":
                country = self.place_country(mention.entity_id)
                if country:
                    out.append(country)
        return list(dict.fromkeys(out))

    def _located(self, offset: int) -> bool:
        """Whether a locative preposition ("в Казахстане", "у Китаї", "in China") precedes."""
        i = bisect_left(self._token_starts, offset)
        return i > 0 and self.doc.tokens[i - 1].text.lower() in LOCATIVE

    def place(self, start: int, end: int) -> str | None:
        """The first place (else country) named in a span."""
        mentions = self.mentions_in(start, end)
        for wanted in ("place", "country"):
            for mention in mentions:
                if mention.type == wanted and mention.via != "adjective":
                    return mention.entity_id
        return None

"""Who commits: the subject of a cue, the parties that adopted the text, a host state.

"The parties" (Стороны / Сторони) are the states that adopted the text: those named in
the "(hereinafter — the Parties)" sentence of a communiqué, else those of the event the
document reports (the members of its format, else the states taking part: the two of a
bilateral call), else the members of the format it names, else the two states of a
bilateral text. Never every state a text happens to mention.

A clause without a subject of its own takes no actor from context, with two exceptions
that the text itself marks: a subject that refers back (a pronoun, "страна", "этот
механизм") and a sentence linked to the one before ("Для этого ...").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from datetime import date

from summitry.affiliation import person_states, state_of
from summitry.commitments.grammar import any_parse, comma, hard_break, is_finite, is_plural_nominative
from summitry.commitments.lexicon import Lexicon
from summitry.commitments.subjects import Subjects
from summitry.doc import Doc, Mention, Sentence, Token
from summitry.kb import KnowledgeBase

LOCATIVE = frozenset({"в", "во", "у", "в.", "г.", "in", "at"})


class Actors(Subjects):
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
        self.affiliations = person_states(doc, kb)
        self.parties = self._parties()

    # --- ids -------------------------------------------------------------------------
    def state_of(self, entity_id: str) -> str | None:
        """A country id for a country, or a person's state through their offices (or, for a
        person the knowledge base lacks, their title); None for places and bodies."""
        entry = self.kb.get(entity_id)
        if entry is not None and entry.type != "person" and not entity_id.startswith("country:"):
            return None
        return state_of(self.kb, entity_id, self.day, self.affiliations)

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
        reported = self._event_parties()
        if reported:
            return reported
        formats = Counter(
            m.entity_id for m in doc.mentions if m.type == "format" and self.kb.get(m.entity_id)
        )
        for format_id, _ in formats.most_common():
            members = self.members(format_id)
            if members:
                return members
        mentioned = self.states_in(0, len(doc.text))
        return mentioned if len(mentioned) == 2 else []

    def members(self, format_id: str) -> list[str]:
        """The member states of a format or organization, where the knowledge base lists them."""
        entry = self.kb.get(format_id)
        return [m for m in entry.members if m.startswith("country:")] if entry else []

    def _event_parties(self) -> list[str]:
        """The states of the first event the document reports with two or more of them."""
        for event in sorted(self.doc.events, key=lambda e: e.evidence[0].start if e.evidence else 0):
            if event.format:
                members = self.members(event.format)
                if members:
                    return members
            states: list[str] = []
            for participant in event.participants:
                state = self.state_of(participant)
                if state and state not in states:
                    states.append(state)
            if len(states) >= 2:
                return states
        return []

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
        if str(token.pos) == "LATN":
            return True  # a Latin name ("CNPC") has no case: it may be the subject
        return any_parse(token, self.doc.language or "ru", "nomn")

    def _region_actors(self, start: int, end: int, *, nominative: bool = False) -> list[str]:
        """Actors named between two offsets: states, persons' states, parties, groups.

        With `nominative`, only names that can be a subject count ("Китаем" does not). A
        word for the parties ("Стороны", "Лидеры") gives the parties, unless its own phrase
        names the states ("Лидеры Китая и Казахстана")."""
        party = self._parties_word(start, end)
        if party is not None:
            phrase = self._phrase_end(party, end)
            named = self._region_actors(self.doc.tokens[party].end, phrase) if phrase > self.doc.tokens[party].end else []
            return named or list(self.parties)
        found: list[str] = []
        organizations: list[str] = []
        capitals: list[str] = []
        for g_start, g_end, members in self.groups:
            if start <= g_start and g_end <= end and (not nominative or self._nominative_at(g_start)):
                found += self.group_members(members)
        mentions = self.mentions_in(start, end)
        for mention in mentions:
            if any(o is not mention and o.start <= mention.start and mention.end <= o.end and o.end - o.start > mention.end - mention.start
                   for o in mentions):
                continue  # "ШОС" inside "Секретаріат ШОС": the body named, not its organization
            if nominative and not self._nominative_at(mention.start):
                continue
            if self._plural_office(mention):
                continue  # "Главы государств": the leaders together, not the one the office gives
            state = self.state_of(mention.entity_id)
            if state is None and nominative and mention.type == "place" and not self._after_preposition(mention.start):
                country = self.place_country(mention.entity_id)
                if country:
                    capitals.append(country)
            if state:
                found.append(state)
            elif mention.type == "organization":
                organizations.append(mention.entity_id)
        if not found:  # "Пекин выделит", "Beijing would": a city as the subject stands for its state
            found = capitals
        if not found:
            found = organizations
        return list(dict.fromkeys(found))

    def _parties_word(self, start: int, end: int) -> int | None:
        """The index of the first word for the parties between two offsets."""
        first = bisect_left(self._token_starts, start)
        for k in range(first, len(self.doc.tokens)):
            if self.doc.tokens[k].start >= end:
                break
            if self.names_parties(self.doc.tokens[k]):
                return k
        return None

    def _phrase_end(self, k: int, end: int) -> int:
        """The offset where the noun phrase of token k ends: a comma, a break or a verb."""
        tokens = self.doc.tokens
        if not (tokens[k].feats or {}).get("tags") and not (k + 1 < len(tokens) and tokens[k + 1].text.lower() == "of"):
            return tokens[k].end  # no morphology: only "the leaders of X and Y" names its states after it
        for j in range(k + 1, len(tokens)):
            if tokens[j].start >= end:
                break
            if comma(self.doc, tokens[j - 1], tokens[j]) or hard_break(self.doc, tokens[j - 1], tokens[j]):
                return tokens[j - 1].end
            if is_finite(tokens[j]) or (tokens[j].feats or {}).get("tags", "").startswith(("GRND", "INFN")):
                return tokens[j - 1].end
        return end

    def _plural_office(self, mention: Mention) -> bool:
        """An office named in the plural ("Главы государств", "Лидеры"), linked to one holder."""
        if mention.via != "office":
            return False
        first = bisect_left(self._token_starts, mention.start)
        for token in self.doc.tokens[first:]:
            if token.start >= mention.end:
                break
            if "plur" in (token.feats or {}).get("tags", "").split(","):
                return True
        return False

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

    def _after_preposition(self, offset: int) -> bool:
        i = bisect_left(self._token_starts, offset)
        if i == 0:
            return False
        previous = self.doc.tokens[i - 1]
        return previous.text.lower() in LOCATIVE or str(previous.pos or "") == "PREP" or self.lexicon.has(
            "oblique", previous.keys)

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

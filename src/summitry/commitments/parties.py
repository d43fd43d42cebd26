"""Who commits: the actor beside a cue, the subject, "the parties" of an event, its host, the
inviter and the invited; and settling a draft into a Commitment with its due date and sector.
"""

from __future__ import annotations

from summitry.commitments import grammar as g
from summitry.commitments.clauses import Clauses, Draft
from summitry.commitments.sectors import classify
from summitry.doc import Commitment, Span


class Parties(Clauses):
    """The actors of a Doc's drafts, and the drafts settled into commitments."""

    # --- actors beside a cue ------------------------------------------------------
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

    def _is_actor_token(self, k: int) -> bool:
        token = self.tokens[k]
        # "Страна выделит": a generic noun for a state named before; a pronoun ("Она
        # затронет ...") may stand for anything, so a future alone does not take it
        if self._has("parties", k) or self._has("anaphoric_subjects", k) or self._has("first_person", k):
            return True
        # a word of a longer name is one too ("Секретариат ШОС"), and so is the head noun of a
        # body named right after it ("компания CNPC", "корпорация «Росатом»")
        if any(m.start <= token.start and token.end <= m.end for m in self.doc.mentions):
            return True
        if k + 1 < len(self.tokens) and self.doc.text[token.end : self.tokens[k + 1].start].strip(" «\"“") == "":
            after = self.tokens[k + 1].start
            return any(m.type == "organization" and m.start <= after < m.end for m in self.doc.mentions)
        return False

    # --- settling -----------------------------------------------------------------
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

    def _host_actors(self, start: int, end: int) -> list[str]:
        names_format = any(m.type == "format" for m in self.actors.mentions_in(start, end)) or any(
            t.lemma in ("формат", "format") for t in self.tokens if start <= t.start < end
        )
        if names_format:
            return list(self.actors.parties)
        return self.actors.host(start, end) or list(self.actors.parties)

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

    def _topic_anaphora(self, draft: Draft) -> bool:
        return bool(self.lex.topic_anaphora.find(self.tokens[draft.start : draft.end], self.doc.text))

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

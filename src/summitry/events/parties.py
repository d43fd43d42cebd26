"""Who took part in an event, read from its trigger's clause (mixed into `SlotReader`).

People and states named in the clause; for a signing or launch, the bodies that do it and those
it is done between or with; the antecedent of a participle or relative pronoun; the subject a
pronoun stands for; states named by a compound adjective on the event noun or on the parties'
noun ("казахстанская и китайская стороны"); heads of delegation and speakers addressing those
gathered.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summitry.doc import Doc, Mention
from summitry.events.lexicon import EventLexicon
from summitry.events.triggers import Trigger

if TYPE_CHECKING:
    from summitry.events.slots import Slots

PERSON_TYPES = ("person", "country")
PRONOUN_REACH = 2  # words between a subject pronoun and its verb ("он вчера встретился")
ASIDE_WORDS = 10  # a participial aside between a subject and its verb is no longer than this
COMPOUND_REACH = 4  # words from a compound adjective of states to the event noun it qualifies
PERIOD_REACH = 6  # words between a document noun and its period of validity
CLAUSE_POS = {"PRTF", "GRND", "VERB"}
RELATIVES = {"который", "котрий", "який", "which", "whom", "whose"}


class Parties:
    """The participant-reading half of `SlotReader`."""

    doc: Doc
    lex: EventLexicon

    def _participants(self, slots: Slots, trigger: Trigger, a: int, start: int, end: int) -> None:
        doc, tokens = self.doc, self.doc.tokens
        chosen = [m for m in doc.mentions if m.type in PERSON_TYPES and start <= m.start < end]
        if trigger.type in ("signing", "launch"):
            # "KTZ and China Railway signed": bodies and companies that do it take part, and so
            # do those it is signed between or with ("подписано между X и Y", "signed by X and Y")
            verb_start = tokens[trigger.verb].start if trigger.verb is not None else start
            chosen += [
                m
                for m in doc.mentions
                if m.type == "organization" and start <= m.start < end and (m.start < verb_start or self._partner(m, a))
            ]
            chosen.sort(key=lambda m: m.start)
        if trigger.verb is not None and tokens[trigger.verb].pos == "PRTF" and trigger.verb == a:
            # "... с президентом X, прибывшим в Китай": the participle's antecedent
            before = [m for m in doc.mentions if m.type == "person" and start - 4 <= m.end <= start]
            chosen = before[-1:] + chosen
            if trigger.type == "signing":
                # "договор о границе между X и Y, подписанный в марте": the document's parties
                chosen = self._document_parties(a) + chosen
        elif trigger.verb is not None and not any(m.type == "person" and m.start < tokens[trigger.verb].start for m in chosen):
            # "X, який прийняв делегацію": the relative's antecedent; "X, находящийся с визитом,
            # встретился с Y": the subject before a participial aside
            subject = self._subject_before(a)
            if subject is None:
                subject = self._pronoun_subject(trigger.verb, a)
            if subject is not None:
                chosen = [subject] + chosen
        for m in chosen:
            if any(f.start <= m.start < f.end for f in self.formats):
                continue
            k = self._token_at(m.start)
            if k is not None and self.lex.exclusions.find(tokens, max(0, k - 2), k):
                continue
            if m.via == "adjective" and not (
                self._party_adjective(m) or self._compound_of(m, trigger) or self._partner_adjective(m, trigger, a)
            ):
                continue
            if m.entity_id not in slots.participants:
                slots.participants.append(m.entity_id)
            if m.type == "person":
                slots.people.append(m)

    def _pronoun_subject(self, verb: int, a: int) -> Mention | None:
        """The person a subject pronoun right before the verb stands for ("Напередодні саміту
        він зустрівся з X"): the one person named before it in its sentence, else in the
        sentence before; none where two people could be meant."""
        doc, tokens = self.doc, self.doc.tokens
        pronoun = next(
            (k for k in range(verb - 1, max(a, verb - PRONOUN_REACH) - 1, -1) if tokens[k].text.lower() in self.lex.pronouns),
            None,
        )
        if pronoun is None:
            return None
        here = doc.sentence_at(tokens[pronoun].start)
        spans = [(here.start if here else 0, tokens[pronoun].start)]
        number = doc.sentences.index(here) if here is not None else 0
        if number > 0:
            before = doc.sentences[number - 1]
            spans.append((before.start, before.end))
        for lo, hi in spans:
            people = [m for m in doc.mentions if m.type == "person" and lo <= m.start < hi]
            if len({m.entity_id for m in people}) == 1:
                return people[-1]
            if people:
                return None
        return None

    def _document_parties(self, a: int) -> list[Mention]:
        """The states or bodies a document noun right before a signing participle at token `a`
        is between or with ("соглашение между X и Y, подписанное ..."): its parties."""
        tokens = self.doc.tokens
        for d in range(a - 1, max(0, a - 1 - PERIOD_REACH * 2), -1):
            if self.lex.document_nouns.at(tokens, d, d + 1):
                break
            if tokens[d].pos in CLAUSE_POS:
                return []
        else:
            return []
        lo, hi = tokens[d].end, tokens[a].start
        return [
            m
            for m in self.doc.mentions
            if m.type in ("country", "organization") and m.via != "adjective" and lo <= m.start < hi and self._partner(m, d)
        ]

    def _subject_before(self, a: int) -> Mention | None:
        """The person named right before a clause that a relative pronoun opens, or before a
        participial or relative aside that ends right before the clause. A relative pronoun
        may stand for a state too: "перейшло до Індії, яка провела саміт" (India held it)."""
        doc, tokens = self.doc, self.doc.tokens
        if a == 0 or "," not in doc.text[tokens[a - 1].end : tokens[a].start]:
            return None
        opener = a
        relative = not tokens[a].keys.isdisjoint(RELATIVES)
        aside = tokens[a].pos in ("PRTF", "GRND") or relative or not tokens[a].keys.isdisjoint({"who"})
        if relative:
            edge = tokens[a - 1].end
            states = [m for m in doc.mentions if m.type == "country" and m.via != "adjective" and edge - 1 <= m.end <= edge]
            if states:
                return states[-1]
        if not aside:
            # walk back over the aside to its opening comma
            j = a - 1
            while j > 0 and "," not in doc.text[tokens[j - 1].end : tokens[j].start]:
                j -= 1
            if j == 0 or a - j > ASIDE_WORDS:
                return None
            if not (tokens[j].pos in ("PRTF", "GRND") or not tokens[j].keys.isdisjoint(RELATIVES | {"who"})):
                return None
            opener = j
        edge = tokens[opener - 1].end
        before = [m for m in doc.mentions if m.type == "person" and edge - 1 <= m.end <= edge]
        return before[-1] if before else None

    def _compound_of(self, mention: Mention, trigger: Trigger) -> bool:
        """A state in a compound adjective of two or more states right before the trigger's
        noun: "узбекско-китайский (инвестиционный) форум", "китайсько-казахстанські переговори",
        "the Kazakh-Chinese business forum" — the states are its parties."""
        noun = trigger.noun
        k = self._token_at(mention.start)
        if noun is None or k is None or not 0 <= noun - k <= COMPOUND_REACH:
            return False
        tokens = self.doc.tokens
        while k > 0 and self.doc.text[tokens[k - 1].end : tokens[k].start] in ("-", "‑", "–"):
            k -= 1  # back to the compound's first part: "узбекско-[китайский]"
        stretch = (tokens[k].start, tokens[noun].start)
        states = {m.entity_id for m in self.doc.mentions
                  if m.via == "adjective" and m.type == "country" and stretch[0] <= m.start < stretch[1]}
        if len(states) < 2:
            return False
        # nothing but adjectives (and the compound's own parts) between it and the noun
        gap = self.doc.text[stretch[0] : stretch[1]]
        return not re.search(r"[,;:.!?()«»\"]", gap)

    def _party_adjective(self, mention: Mention) -> bool:
        """A country adjective before a party noun, alone or coordinated: "казахстанская и
        китайская стороны", "the Kazakh and Chinese sides"."""
        tokens = self.doc.tokens
        adjectives = {m.start: m for m in self.doc.mentions if m.via == "adjective"}
        k = self._token_at(mention.end + 1)
        while k is not None and k + 1 < len(tokens) and not tokens[k].keys.isdisjoint(self.lex.coordinators):
            following = adjectives.get(tokens[k + 1].start)
            if following is None:
                break
            k = self._token_at(following.end + 1)
        return k is not None and bool(self.lex.party_nouns.at(tokens, k, k + 1))

    def _partner_adjective(self, mention: Mention, trigger: Trigger, a: int) -> bool:
        """A state's adjective on the companies a signing is with: "подписаны соглашения с
        китайскими компаниями", "signed deals with Chinese firms" (the state is a party)."""
        if trigger.type not in ("signing", "launch"):
            return False
        k = self._token_at(mention.end + 1)
        tokens = self.doc.tokens
        if k is None or not self.lex.company_nouns.at(tokens, k, k + 1):
            return False
        return self._partner(mention, a)

    def _partner(self, mention: Mention, a: int) -> bool:
        """True where a body named after the verb is one it is signed between or with.

        "между КТЖ и компанией China Railway", "signed by KTZ and China Railway": a partner
        preposition governs it, with no topic preposition, verb or document noun in between.
        """
        tokens, lex = self.doc.tokens, self.lex
        k = self._token_at(mention.start)
        if k is None:
            return False
        for j in range(k - 1, max(a, k - 8) - 1, -1):
            token = tokens[j]
            if not token.keys.isdisjoint(lex.signing_partners):
                return True
            if (
                not token.keys.isdisjoint(lex.topic_prepositions)
                or token.pos in CLAUSE_POS
                or lex.document_nouns.at(tokens, j, j + 1)
            ):
                return False
        return False

"""Chinese commitments: jieba words read by word order, the cue before its action as in English.

Clauses end at Chinese punctuation; a party word jieba glued to its verb ("双方同意") is read
as both the party and the cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from summitry.commitments.finder import Draft
from summitry.commitments.lexicon import Cue
from summitry.commitments.word_order import PlainActors, PlainFinder
from summitry.doc import Sentence, Token

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
                if e >= hi and n < len(parts):
                    reach = parts[n][1]  # "双方一致同意，…", "…提议，在…建设": what was agreed or proposed is the next clause
                draft = self._from_chinese_cue(sentence, first, lo, reach, i, e, cues)
                if draft is not None:
                    drafts.append(self.remember(draft, lo))
                    if reach > hi:
                        n += 1
                    # "…将共同推动…，并定期交流…": a coordinated predicate is a pledge of its own
                    while draft.kind == "pledge" and n < len(parts) and self._has("coordinators", parts[n][0]):
                        c_lo, c_hi = parts[n]
                        if c_hi - c_lo < 2:
                            break
                        second = Draft("pledge", c_lo + 1, c_hi, sentence, first, c_lo + 1, actors=draft.actors)
                        drafts.append(self.remember(second, c_lo))
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
        dated = all(any(d.start <= self.tokens[k].start < d.end for d in self.doc.dates) for k in range(s, i))
        if not found and dated and s > first and self._has("complementizers", s - 1):
            # "中方还宣布，未来三年将…": the one who announced it, before the reporting word
            opening = self.actors.clause_start(s - 1, first)
            if opening < s - 1:
                found = self.actors._region_actors(self.tokens[opening].start, self.tokens[s - 1].start, nominative=True)
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

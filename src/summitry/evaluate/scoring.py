"""Scoring system records against a gold set, layer by layer (shared/spec/evaluation.md).

The scorer reads records in the shape of shared/spec/record.md and never imports the
pipeline: whatever produced the records, the same figures come out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from summitry.evaluate.gold import GoldDoc, GoldEvent, GoldSet
from summitry.evaluate.matching import (
    Span,
    date_compatible,
    date_equal,
    greedy,
    jaccard,
    jaccard_at_least_half,
    overlap,
    show_date,
    spans_of,
    system_date,
)
from summitry.evaluate.report import Explanation, LayerScore, Report
from summitry.evaluate.text import QuoteIndex, normalize_name, sentence_around

class DocContext:
    """A gold document with its system record: names, ids and quote offsets resolved once."""

    def __init__(self, doc: GoldDoc, record: Mapping[str, Any] | None,
                 names: Mapping[str, str]) -> None:
        self.doc = doc
        self.record = record
        document = (record or {}).get("document") or {}
        text = document.get("text") if isinstance(document, Mapping) else None
        self.text: str | None = text if isinstance(text, str) else None
        self._index = QuoteIndex(self.text) if self.text is not None else None
        self._located: dict[str, Span | None] = {}
        # System ids → names: the record's own entities first, then the names given.
        self.id_names = dict(names)
        for entity in self._list("entities"):
            if isinstance(entity.get("id"), str) and isinstance(entity.get("name"), str):
                self.id_names[entity["id"]] = entity["name"]
        # Any gold name or alias → the gold entity's name, so aliases compare equal.
        self.canon: dict[str, str] = {}
        for gold_entity in doc.entities:
            canonical = normalize_name(gold_entity.name)
            self.canon.setdefault(canonical, canonical)
        for gold_entity in doc.entities:
            for alias in gold_entity.aliases:
                self.canon.setdefault(normalize_name(alias), normalize_name(gold_entity.name))

    def _list(self, key: str) -> list[Mapping[str, Any]]:
        items = (self.record or {}).get(key) or []
        return [item for item in items if isinstance(item, Mapping)]

    @property
    def entities(self) -> list[Mapping[str, Any]]:
        return self._list("entities")

    @property
    def events(self) -> list[Mapping[str, Any]]:
        return self._list("events")

    @property
    def commitments(self) -> list[Mapping[str, Any]]:
        return self._list("commitments")

    def key(self, name: str) -> str:
        """The comparable form of a name: normalized, aliases folded to the gold name."""
        normalized = normalize_name(name)
        return self.canon.get(normalized, normalized)

    def name_of(self, entity_id: Any) -> str:
        """A system id's name; an id nobody names stays itself (and matches nothing)."""
        return self.id_names.get(entity_id, str(entity_id))

    def names_of(self, ids: Any) -> list[str]:
        return [self.name_of(i) for i in ids or [] if i is not None]

    def locate(self, quote: str) -> Span | None:
        if self._index is None:
            return None
        if quote not in self._located:
            self._located[quote] = self._index.locate(quote)
        return self._located[quote]

    def sentence(self, span: Span | None, fallback: str = "") -> str:
        if span is None or self.text is None:
            return fallback
        return sentence_around(self.text, span[0], span[1])

    def missing_reason(self) -> str | None:
        if self.record is None:
            return "no system record for this document"
        if self.text is None:
            return "the system record has no document.text"
        return None


def score_entities(ctx: DocContext, out: list[Explanation]) -> LayerScore:
    """Sets of (type, name) per document; a system alias of a gold entity is that entity."""
    score = LayerScore("entities")
    gold_keys: dict[tuple[str, str], int] = {}
    for i, gold_entity in enumerate(ctx.doc.entities):
        for name in [gold_entity.name, *gold_entity.aliases]:
            gold_keys.setdefault((gold_entity.type, normalize_name(name)), i)
    found: set[int] = set()
    extra: dict[tuple[str, str], Mapping[str, Any]] = {}
    for entity in ctx.entities:
        if not entity.get("mentions") or not isinstance(entity.get("name"), str):
            continue
        key = (str(entity.get("type")), normalize_name(entity["name"]))
        if key in gold_keys:
            found.add(gold_keys[key])
        else:
            extra.setdefault(key, entity)
    score.tp, score.fp = len(found), len(extra)
    score.fn = len(ctx.doc.entities) - len(found)
    reason = ctx.missing_reason()
    for i, gold_entity in enumerate(ctx.doc.entities):
        if i not in found:
            out.append(Explanation("entities", "miss", ctx.doc.source,
                                   f"{gold_entity.type} {gold_entity.name}", reason))
    for entity in extra.values():
        surfaces = sorted({m.get("text", "") for m in entity["mentions"] if isinstance(m, Mapping)})
        shown = ", ".join(f"«{s}»" for s in surfaces[:3] if s)
        out.append(Explanation("entities", "false positive", ctx.doc.source,
                               f"{entity.get('type')} {entity['name']}"
                               + (f" (mentions {shown})" if shown else "")))
    return score


def _describe_event(kind: str, date: str, place: str | None, names: list[str],
                    sentence: str) -> str:
    at = f" at {place}" if place else ""
    return f"{kind} {date}{at}; participants: {', '.join(names) or 'none'} — «{sentence}»"


def _set_differences(what: str, gold: set[str], system: set[str]) -> list[str]:
    """What a matched pair's name sets disagree on, in normalized names."""
    out = []
    if gold - system:
        out.append(f"{what} missed: {', '.join(sorted(gold - system))}")
    if system - gold:
        out.append(f"{what} extra: {', '.join(sorted(system - gold))}")
    return out


def _event_miss_reason(ctx: DocContext, gold: GoldEvent, gold_keys: set[str]) -> str | None:
    """Why no system event matched: the closest one of the same type and what differs."""
    reason = ctx.missing_reason()
    if reason:
        return reason
    same_type = [e for e in ctx.events if e.get("type") == gold.type]
    if not same_type:
        return f"no system {gold.type} event"
    best, best_j = None, -1.0
    for event in same_type:
        j = jaccard(gold_keys, {ctx.key(n) for n in ctx.names_of(event.get("participants"))})
        j += 1.0 if date_compatible(gold.date, system_date(event.get("date"))) else 0.0
        if j > best_j:
            best, best_j = event, j
    assert best is not None
    problems = []
    sys_date = system_date(best.get("date"))
    if not date_compatible(gold.date, sys_date):
        problems.append(f"date {show_date(sys_date)} incompatible")
    keys = {ctx.key(n) for n in ctx.names_of(best.get("participants"))}
    if not jaccard_at_least_half(gold_keys, keys):
        problems.append(f"participants Jaccard {jaccard(gold_keys, keys):.2f}")
    detail = "; ".join(problems) or f"dated {show_date(sys_date)}, taken by a better match"
    return f"closest system {gold.type}: {detail}"


def score_events(ctx: DocContext, out: list[Explanation]) -> LayerScore:
    score = LayerScore("events")
    gold = ctx.doc.events
    gold_spans = [ctx.locate(g.quote) for g in gold]
    gold_keys = [{ctx.key(p) for p in g.participants} for g in gold]
    system = ctx.events
    sys_keys = [{ctx.key(n) for n in ctx.names_of(e.get("participants"))} for e in system]
    sys_dates = [system_date(e.get("date")) for e in system]
    sys_spans = [spans_of(e.get("evidence")) for e in system]
    candidates = []
    for g, event in enumerate(gold):
        for s, sys_event in enumerate(system):
            if sys_event.get("type") != event.type:
                continue
            if not date_compatible(event.date, sys_dates[s]):
                continue
            if not jaccard_at_least_half(gold_keys[g], sys_keys[s]):
                continue
            value = jaccard(gold_keys[g], sys_keys[s])
            value += 0.5 if overlap(sys_spans[s], gold_spans[g]) else 0.0
            value += 0.1 if date_equal(event.date, sys_dates[s]) else 0.0
            candidates.append((value, g, s))
    pairs = greedy(candidates)
    participants = score.overlap["participant_f1"]
    for g, s in pairs:
        event, sys_event = gold[g], system[s]
        date_ok = date_equal(event.date, sys_dates[s])
        place = sys_event.get("place")
        sys_place = ctx.key(ctx.name_of(place)) if place else None
        gold_place = ctx.key(event.place) if event.place else None
        score.agree["date_exact"] += date_ok
        score.agree["place_accuracy"] += sys_place == gold_place
        participants[0] += len(gold_keys[g] & sys_keys[s])
        participants[1] += len(sys_keys[s] - gold_keys[g])
        participants[2] += len(gold_keys[g] - sys_keys[s])
        differences = []
        if not date_ok:
            differences.append(f"date {show_date(sys_dates[s])} for {event.date or 'none'}")
        if sys_place != gold_place:
            differences.append(f"place {ctx.name_of(place) if place else 'none'} for {event.place or 'none'}")
        differences += _set_differences("participants", gold_keys[g], sys_keys[s])
        if differences:
            text = _describe_event(event.type, event.date or "no date", event.place,
                                   event.participants, ctx.sentence(gold_spans[g], event.quote))
            out.append(Explanation("events", "mismatch", ctx.doc.source, text, "; ".join(differences)))
    score.matched = score.tp = len(pairs)
    score.fn = len(gold) - len(pairs)
    score.fp = len(system) - len(pairs)
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    for g, event in enumerate(gold):
        if g not in matched_gold:
            text = _describe_event(event.type, event.date or "no date", event.place,
                                   event.participants, ctx.sentence(gold_spans[g], event.quote))
            out.append(Explanation("events", "miss", ctx.doc.source, text,
                                   _event_miss_reason(ctx, event, gold_keys[g])))
    for s, sys_event in enumerate(system):
        if s not in matched_system:
            place = sys_event.get("place")
            span = sys_spans[s][0] if sys_spans[s] else None
            text = _describe_event(str(sys_event.get("type")), show_date(sys_dates[s]),
                                   ctx.name_of(place) if place else None,
                                   ctx.names_of(sys_event.get("participants")),
                                   ctx.sentence(span, "no evidence"))
            out.append(Explanation("events", "false positive", ctx.doc.source, text))
    return score


def score_commitments(ctx: DocContext, out: list[Explanation]) -> LayerScore:
    score = LayerScore("commitments")
    gold = ctx.doc.commitments
    gold_spans = [ctx.locate(c.quote) for c in gold]
    system = ctx.commitments
    sys_spans = [spans_of(c.get("evidence")) for c in system]
    candidates = [
        (float(shared), g, s)
        for g in range(len(gold))
        for s in range(len(system))
        if (shared := overlap(sys_spans[s], gold_spans[g])) > 0
    ]
    pairs = greedy(candidates)
    actors = score.overlap["actor_f1"]
    for g, s in pairs:
        commitment, sys_commitment = gold[g], system[s]
        kind = sys_commitment.get("kind")
        due = system_date(sys_commitment.get("due"))
        score.agree["kind_accuracy"] += kind == commitment.kind
        score.agree["due_accuracy"] += date_equal(commitment.due, due)
        gold_keys = {ctx.key(a) for a in commitment.actors}
        sys_keys = {ctx.key(n) for n in ctx.names_of(sys_commitment.get("actors"))}
        actors[0] += len(gold_keys & sys_keys)
        actors[1] += len(sys_keys - gold_keys)
        actors[2] += len(gold_keys - sys_keys)
        differences = []
        if kind != commitment.kind:
            differences.append(f"kind {kind} for {commitment.kind}")
        if not date_equal(commitment.due, due):
            differences.append(f"due {show_date(due) if due else 'none'} for {commitment.due or 'none'}")
        differences += _set_differences("actors", gold_keys, sys_keys)
        if differences:
            text = (f"{commitment.kind} by {', '.join(commitment.actors)}, "
                    f"due {commitment.due or 'none'}: «{commitment.quote}»")
            out.append(Explanation("commitments", "mismatch", ctx.doc.source, text, "; ".join(differences)))
    score.matched = score.tp = len(pairs)
    score.fn = len(gold) - len(pairs)
    score.fp = len(system) - len(pairs)
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    for g, commitment in enumerate(gold):
        if g not in matched_gold:
            reason = ctx.missing_reason() or (
                "quote not found" if gold_spans[g] is None
                else "no system commitment overlaps the quote")
            text = (f"{commitment.kind} by {', '.join(commitment.actors)}, "
                    f"due {commitment.due or 'none'}: «{commitment.quote}»")
            out.append(Explanation("commitments", "miss", ctx.doc.source, text, reason))
    for s, sys_commitment in enumerate(system):
        if s not in matched_system:
            action = sys_commitment.get("action")
            if not isinstance(action, str) or not action:
                span = sys_spans[s][0] if sys_spans[s] else None
                action = ctx.sentence(span, "no evidence")
            text = (f"{sys_commitment.get('kind')} by {', '.join(ctx.names_of(sys_commitment.get('actors')))}, "
                    f"due {show_date(system_date(sys_commitment.get('due')))}: «{action}»")
            out.append(Explanation("commitments", "false positive", ctx.doc.source, text))
    return score


def _link_ends(link: Any) -> tuple[str, list[Span], list[tuple[str, list[Span]]]] | None:
    """(commitment source, its spans, [(fulfilling source, spans)]) of a system link."""
    if not isinstance(link, Mapping) or not isinstance(link.get("commitment"), Mapping):
        return None
    commitment = link["commitment"]
    fulfilled = link.get("fulfilled_by") or []
    if isinstance(fulfilled, Mapping):
        fulfilled = [fulfilled]
    ends = [
        (Path(str(f.get("source", ""))).name, spans_of(f.get("evidence")))
        for f in fulfilled if isinstance(f, Mapping)
    ]
    return Path(str(commitment.get("source", ""))).name, spans_of(commitment.get("evidence")), ends


def score_links(gold: GoldSet, contexts: dict[str, DocContext], links: list[Any] | None,
                out: list[Explanation]) -> dict[str, LayerScore]:
    """Links scored per language of the commitment's document; keys are languages."""
    assert gold.links is not None
    languages = {d.source: d.language for d in gold.docs}
    scores: dict[str, LayerScore] = {}
    system = [_link_ends(link) for link in links or []]

    def locate(source: str, quote: str) -> Span | None:
        ctx = contexts.get(source)
        return ctx.locate(quote) if ctx else None

    gold_spans = [(locate(g.commitment_source, g.commitment_quote),
                   locate(g.fulfilled_source, g.fulfilled_quote)) for g in gold.links]
    candidates = []
    for g, link in enumerate(gold.links):
        c_span, f_span = gold_spans[g]
        for s, ends in enumerate(system):
            if ends is None or ends[0] != link.commitment_source:
                continue
            c_shared = overlap(ends[1], c_span)
            f_shared = max((overlap(spans, f_span) for source, spans in ends[2]
                            if source == link.fulfilled_source), default=0)
            if c_shared and f_shared:
                candidates.append((float(c_shared + f_shared), g, s))
    pairs = greedy(candidates)
    matched_gold = {g for g, _ in pairs}
    matched_system = {s for _, s in pairs}
    for g, link in enumerate(gold.links):
        score = scores.setdefault(languages[link.commitment_source], LayerScore("links"))
        if g in matched_gold:
            score.tp += 1
            continue
        score.fn += 1
        missing = [f"{src} quote not found" for src, span in
                   ((link.commitment_source, gold_spans[g][0]), (link.fulfilled_source, gold_spans[g][1]))
                   if span is None]
        text = f"«{link.commitment_quote}» → {link.fulfilled_source}: «{link.fulfilled_quote}»"
        out.append(Explanation("links", "miss", link.commitment_source, text,
                               "; ".join(missing) or "no system link joins these spans"))
    for s, ends in enumerate(system):
        if s in matched_system:
            continue
        source = ends[0] if ends else "<malformed link>"
        ctx = contexts.get(source)
        record = ctx.record if ctx else None
        language = languages.get(source) or str(((record or {}).get("document") or {}).get("language") or "unknown")
        scores.setdefault(language, LayerScore("links")).fp += 1
        said = ctx.sentence(ends[1][0], "no evidence") if ctx and ends and ends[1] else "no evidence"
        targets = ", ".join(sorted({src for src, _ in ends[2]})) if ends else "nothing"
        out.append(Explanation("links", "false positive", source, f"«{said}» → {targets}"))
    return scores


def evaluate(gold: GoldSet, records: Mapping[str, Mapping[str, Any]],
             links: list[dict[str, Any]] | None = None, *,
             names: Mapping[str, str] | None = None) -> Report:
    """Score system records (keyed by text file name) and links against a gold set.

    A gold document with no record counts all its items as misses; records for texts
    with no gold file are not scored. `names` names ids missing from a record's own
    entities (e.g. a participant state the text never mentions by name).
    """
    by_name = {Path(key).name: record for key, record in records.items()}
    layer_names = ["entities", "events", "commitments"]
    if gold.links is not None:
        layer_names.append("links")

    def fresh() -> dict[str, LayerScore]:
        return {name: LayerScore(name) for name in layer_names}

    layers = fresh()
    by_language: dict[str, dict[str, LayerScore]] = {}
    explanations: list[Explanation] = []
    contexts: dict[str, DocContext] = {}
    for doc in gold.docs:
        ctx = DocContext(doc, by_name.get(doc.source), names or {})
        contexts[doc.source] = ctx
        language = by_language.setdefault(doc.language, fresh())
        for scorer in (score_entities, score_events, score_commitments):
            score = scorer(ctx, explanations)
            layers[score.layer].add(score)
            language[score.layer].add(score)
    if gold.links is not None:
        for language_code, score in score_links(gold, contexts, links, explanations).items():
            layers["links"].add(score)
            by_language.setdefault(language_code, fresh())["links"].add(score)
    return Report(layers=layers, by_language=by_language, explanations=explanations)

"""The actor network as GraphML: actors who took part in the same events, edges weighted.

A node per actor that took part in a merged event (name, type, Wikidata id, number of
events); an undirected edge per pair of actors that shared an event, its `weight` the
number of events they shared. Opens in Gephi, yEd, networkx, igraph.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, TextIO
from xml.sax.saxutils import quoteattr

if TYPE_CHECKING:
    from summitry.store import Store
    from summitry.store.views import Actor

KEYS = [("name", "node", "string"), ("type", "node", "string"), ("wikidata", "node", "string"),
        ("events", "node", "int"), ("weight", "edge", "int")]


def _data(key: str, value: object) -> str:
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<data key="{key}">{text}</data>'


def write_graphml(store: Store, out: TextIO) -> int:
    """Write the co-participation graph; the number of edges written."""
    actors: dict[str, Actor] = {}
    events: Counter[str] = Counter()
    weights: Counter[tuple[str, str]] = Counter()
    for event in store.events():
        ids = sorted({a.id for a in event.participants})
        for actor in event.participants:
            actors[actor.id] = actor
        events.update(ids)
        weights.update(combinations(ids, 2))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for name, domain, kind in KEYS:
        out.write(f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="actors" edgedefault="undirected">\n')
    for actor_id in sorted(actors):
        actor = actors[actor_id]
        data = [_data("name", actor.name), _data("type", actor.type)]
        if actor.wikidata:
            data.append(_data("wikidata", actor.wikidata))
        data.append(_data("events", events[actor_id]))
        out.write(f"    <node id={quoteattr(actor_id)}>{''.join(data)}</node>\n")
    for number, ((a, b), weight) in enumerate(sorted(weights.items())):
        out.write(f'    <edge id="e{number}" source={quoteattr(a)} target={quoteattr(b)}>'
                  f"{_data('weight', weight)}</edge>\n")
    out.write("  </graph>\n</graphml>\n")
    return len(weights)

"""Events: triggers (lexicons as data), their clause slots, and the merge and fill that make records."""

from summitry.events.build import Draft, Filler, dateline, fold_arrivals, headlines, merge, to_event
from summitry.events.lexicon import EventLexicon, load_lexicon
from summitry.events.slots import SlotReader, Slots
from summitry.events.triggers import Trigger, TriggerFinder, tense

__all__ = [
    "Draft",
    "EventLexicon",
    "Filler",
    "SlotReader",
    "Slots",
    "Trigger",
    "TriggerFinder",
    "dateline",
    "fold_arrivals",
    "headlines",
    "load_lexicon",
    "merge",
    "tense",
    "to_event",
]

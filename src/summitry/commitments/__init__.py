"""Commitments: scheduled events, proposals and pledges found by lexicon cues.

`find(doc)` returns the commitments of a Doc that has sentences, tokens, mentions and
dates. The cue lexicons are data (rules/<lang>/commitments.yaml, rules/sectors.yaml).
"""

from summitry.commitments.finder import find

__all__ = ["find"]

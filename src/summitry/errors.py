"""One documented exception tree: every error names the input and says what was wrong.

    SummitryError
    ├── InputError        a text, file, URL or manifest line that cannot be read
    ├── GoldError         a gold file that lacks a scored field or has one of the wrong shape
    ├── KnowledgeBaseError  a knowledge-base or lexicon data file that is malformed
    ├── PipelineError     stages declared in an order that cannot work
    └── StoreError        a store that cannot be opened, or a query naming what it does not hold
"""

from __future__ import annotations


class SummitryError(Exception):
    """Base of every error summitry raises on purpose."""


class InputError(SummitryError):
    """An input that cannot be read; `source` names it (path, URL or manifest key)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class GoldError(SummitryError):
    """A gold file that does not follow shared/spec/evaluation.md."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class KnowledgeBaseError(SummitryError):
    """A malformed data file under summitry/kb/data or summitry/rules."""


class PipelineError(SummitryError):
    """A pipeline whose stages need something no earlier stage assigns."""


class StoreError(SummitryError):
    """A store that cannot be opened, or a query naming something the store does not hold."""

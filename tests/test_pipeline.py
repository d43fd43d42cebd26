"""The stage registry checks its order when a pipeline is built."""

from __future__ import annotations

import pytest

from summitry.doc import Doc
from summitry.errors import PipelineError
from summitry.pipeline import Pipeline, Stage


def test_a_stage_that_needs_what_nothing_assigns_is_refused():
    needs = Stage("needs", lambda d: None, ("mentions",), ())
    with pytest.raises(PipelineError, match="needs mentions"):
        Pipeline([needs])


def test_order_is_checked_not_just_presence():
    first = Stage("adds", lambda d: None, (), ("mentions",))
    second = Stage("needs", lambda d: None, ("mentions",), ())
    Pipeline([first, second])
    with pytest.raises(PipelineError):
        Pipeline([second, first])


def test_full_pipeline_builds_for_every_language():
    for language in (None, "ru", "uk", "kk", "en", "zh"):
        pipeline = Pipeline.for_language(language)
        names = [s.name for s in pipeline.stages]
        assert names.index("segment") < names.index("link") < names.index("events")


def test_stages_record_what_ran():
    doc = Pipeline.for_language("en")(Doc("Astana hosted the summit.", published=None))
    assert "link" in doc.done and "ner" not in doc.done  # NER serves ru and uk only

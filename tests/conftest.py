"""Shared fixtures: paths to ../shared and the heavy models loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "dev"


def need_shared() -> None:
    if not GOLD.is_dir() or not SEEDS.is_dir():
        pytest.skip("../shared (seeds and dev gold) is not beside the project")


@pytest.fixture(scope="session")
def kb():
    from summitry.kb import KnowledgeBase

    return KnowledgeBase.default()

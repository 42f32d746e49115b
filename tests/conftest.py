"""Shared fixtures: the real corpus pages from ../shared, read as a user's files are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_pages() -> list[Path]:
    """Every annotated page of the shared corpus (seed, en, ru)."""
    return sorted(p for sub in ("seed", "en", "ru") for p in (CORPUS / sub).glob("*.txt"))


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED

"""The stored edition as the exports read it: letters in order, the registers, collections."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from letterbook.model import Collection, EditionLetter, RegisterEntry
from letterbook.store.store import Store


class StoredEdition:
    """``EditionSource`` over a ``Store``: what ``letterbook export`` writes without ``--from``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._collections = store.collection_records()

    def letters(self) -> Iterator[EditionLetter]:
        return self._store.letters()

    def register_entries(self) -> Mapping[str, RegisterEntry]:
        return {entry.id: entry for entry in self._store.register_entries()}

    def collection(self, slug: str) -> Collection:
        return self._collections.get(slug) or Collection(slug=slug)

"""Letters of other editions come in beside the pages: CMIF files and TEI letter files."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS
from letterbook.export.tei import letter_to_tei
from letterbook.model import Collection
from letterbook.store import Store, ingest
from letterbook.store.ingest import source_files

NICOLAI = CORPUS / "cmif" / "rettinghaus_NicolaiLetters" / "NicolaiLetters.xml"


def test_a_cmif_file_is_ingested_with_its_authority_ids(store: Store) -> None:
    summary = ingest(store, [NICOLAI], collection="nicolai")
    assert summary.ok and summary.letters == 466
    letters = list(store.letters("nicolai"))
    assert len(letters) == 466
    refs = {ref for item in letters for party in item.letter.senders for ref in party.refs}
    assert any("d-nb.info/gnd" in ref for ref in refs)


def test_a_cmif_file_without_collection_given_is_the_collection_its_title_names(store: Store) -> None:
    spener = CORPUS / "cmif" / "saw-leipzig_cmif-spener" / "letters.xml"  # any edition's file may be "letters.xml"
    assert ingest(store, [spener]).ok
    assert [c.slug for c in store.collections()] == ["philipp-jakob-spener-briefwechsel"]
    assert store.get_letter("philipp-jakob-spener-briefwechsel/1").letter.senders[0].name == "Philipp Jakob Spener"


def test_a_tei_letter_file_is_ingested_and_a_folder_mixes_pages_and_tei(store: Store, tmp_path: Path) -> None:
    ingest(store, [CORPUS / "seed" / "000.txt"], collection="seed")
    popov = next(item for item in list(store.letters("seed")) if item.letter.number == "194")
    (tmp_path / "tei").mkdir()
    tei = tmp_path / "tei" / "194.xml"
    tei.write_bytes(letter_to_tei(popov, registers={}, collection=Collection(slug="seed"), previous_id=None,
                                  next_id=None, base_url="https://example.org"))
    summary = ingest(store, source_files([tmp_path / "tei"]), collection="from-tei")
    assert summary.ok and summary.letters == 1
    (again,) = store.letters("from-tei")
    assert [p.name for p in again.letter.senders] == ["P. I. Popov"]
    assert again.letter.date is not None and again.letter.date.edtf == "1925-12-22"

"""The store's commands, run as a user runs them: a real process, a real SQLite file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from synthetic import parse_page

from conftest import CORPUS
from letterbook.cli import main
from letterbook.settings import Settings
from letterbook.store import Store, commands, ingest
from letterbook.store.ingest import source_files


def letterbook(*args: str, db: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LETTERBOOK_DATABASE_URL": db}
    return subprocess.run([sys.executable, "-m", "letterbook", *args], check=False, capture_output=True,
                          text=True, env=env, cwd=cwd)


def test_ingest_stores_the_corpus_reports_bad_files_and_is_idempotent(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    (tmp_path / "broken.txt").write_bytes(b"")
    first = letterbook("ingest", str(CORPUS / "seed"), str(CORPUS / "ru"), str(tmp_path / "broken.txt"),
                       db=db, cwd=tmp_path)
    assert first.returncode == 1
    assert "broken.txt: is empty" in first.stdout and "failures: 1" in first.stdout
    pages = len(list((CORPUS / "seed").glob("*.txt"))) + len(list((CORPUS / "ru").glob("*.txt")))
    assert f"sources: {pages} ({pages} new" in first.stdout
    again = letterbook("ingest", str(CORPUS / "seed"), str(CORPUS / "ru"), db=db, cwd=tmp_path)
    assert again.returncode == 0 and f"sources: {pages} (0 new, 0 updated, {pages} unchanged)" in again.stdout
    russian = [json.loads(letterbook("search", "письмо", "--lang", lang, "--json", db=db, cwd=tmp_path).stdout)
               for lang in ("ru", "Russian", "русский")]
    assert russian[0]["total"] > 0 and russian[0] == russian[1] == russian[2]
    text = letterbook("search", "письмо", "--lang", "Russian", db=db, cwd=tmp_path).stdout
    assert f"language: Russian [ru] ({russian[0]['total']})" in text.splitlines()


def test_ingest_progress_shows_letters_so_far_and_their_rate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "PROGRESS_SECONDS", 0.0)  # a new label for every source
    result = CliRunner().invoke(main, ["ingest", str(CORPUS / "seed"), "--db", f"sqlite:///{tmp_path / 'e.db'}"])
    assert result.exit_code == 0, result.output
    progress = [(int(n), int(rate.replace(",", ""))) for n, rate in
                re.findall(r"ingesting \((\d+) letters, ([\d,]+)/s\)", result.stderr)]
    assert progress and progress[-1][0] > 0 and all(rate > 0 for n, rate in progress if n > 0)


def test_search_correct_and_check_links_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "0000001.txt").write_text(
        "No. 1\n\nI. V. Stalin to G. K. Ordzhonikidze\n\nMarch 3, 1922\n\nThe letters about grain are urgent.\n\n"
        "Greetings, Stalin.\n\nRTSKHIDNI. F. 558. Op. 2. D. 5. L. 1. Typewritten text.\n\n"
        "1 See note 1 to document No. 7.\n", encoding="utf-8")
    store = Store(Settings(database_url=db))
    store.upgrade()
    ingest(store, source_files([pages]), collection="corr", parse=parse_page)
    store.close()

    found = letterbook("search", "letter", "--between", "Ordzhonikidze", "Stalin", "--from", "1920", "--to",
                       "1926", "--json", db=db, cwd=tmp_path)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["total"] == 1 and result["hits"][0]["id"] == "corr/1"
    assert "<mark>letters</mark>" in result["hits"][0]["snippet"]["marked"]
    assert result["facets"]["sender"] == [{"value": "I. V. Stalin", "count": 1}]

    told = letterbook("search", "--between", "Sergo", "Nobody Known", db=db, cwd=tmp_path).stdout
    assert told.splitlines()[:2] == ["names read as: Sergo = G. K. Ordzhonikidze (person/ordzhonikidze-g-k); "
                                     "Nobody Known (no register entry: as printed)", "0 letter(s)"]

    bad = letterbook("search", '"unclosed', db=db, cwd=tmp_path)
    assert bad.returncode == 1 and "unbalanced quote" in bad.stderr and "Traceback" not in bad.stderr

    fixed = letterbook("correct", "corr/1", "date", "1922-03", "--by", "ed", "--why", "the day is a misprint",
                       db=db, cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    shown = letterbook("show", "corr/1", db=db, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert ("No. 1 letter: I. V. Stalin (person/stalin-i-v) → G. K. Ordzhonikidze (person/ordzhonikidze-g-k)"
            in shown.stdout)
    assert "date: 1922-03 (gregorian) (corrected)" in shown.stdout
    assert "correction of date: '1922-03-03' → '1922-03' by ed" in shown.stdout
    assert "archive: RGASPI, f. 558, op. 2, d. 5, l. 1, typescript (as printed: RTSKHIDNI." in shown.stdout
    assert re.search(r"note 1: .*document No\. 7\.\n    → document 7: not in the edition", shown.stdout)
    record = json.loads(letterbook("show", "corr/1", "--json", db=db, cwd=tmp_path).stdout)
    assert record["corrections"][0]["source_value"] == "1922-03-03" and record["letter"]["date"]["edtf"] == "1922-03"
    assert record["cross_references"] == [{"letter_id": "corr/1", "note": "1", "document": "7", "target_note": "1",
                                           "target_letter_id": None}]
    missing = letterbook("show", "corr/99", db=db, cwd=tmp_path)
    assert missing.returncode == 1 and "no letter 'corr/99'" in missing.stderr and "Traceback" not in missing.stderr
    dated = json.loads(letterbook("search", "--from", "1922-03", "--to", "1922-03", "--dates", "certainly",
                                  "--json", db=db, cwd=tmp_path).stdout)
    assert dated["total"] == 1

    links = letterbook("links", db=db, cwd=tmp_path)
    assert links.returncode == 1 and "corr/1 note 1: document 7 is not in the edition" in links.stdout


def test_an_empty_result_says_which_filters_no_letter_matches_and_what_to_ask_instead(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    assert letterbook("ingest", str(CORPUS / "seed"), db=db, cwd=tmp_path).returncode == 0  # Dzerzhinsky to both

    between = letterbook("search", "--between", "Stalin", "Sergo", "--from", "1920", "--to", "1926", db=db,
                         cwd=tmp_path).stdout.splitlines()
    assert between[1] == "0 letter(s)"
    assert between[2].startswith("No letter went from one to the other, but 1 letter(s) have both among their "
                                 "correspondents") and "--correspondent Stalin --correspondent Sergo" in between[2]

    both = json.loads(letterbook("search", "--correspondent", "Stalin", "--correspondent", "Sergo", "--json",
                                 db=db, cwd=tmp_path).stdout)
    assert [hit["label"] for hit in both["hits"]] == [
        "F. E. Dzerzhinsky → I. V. Stalin, G. K. Ordzhonikidze, October 5-6, 1925"]
    assert json.loads(letterbook("search", "--correspondent", "Stalin", "--correspondent", "Lenin", "--json",
                                 db=db, cwd=tmp_path).stdout)["total"] == 0
    assert "have both" not in letterbook("search", "--between", "Stalin", "Lenin", db=db, cwd=tmp_path).stdout

    typo = letterbook("search", "--kind", "memo", "--year", "1925", "--lang", "xx", db=db, cwd=tmp_path).stdout
    assert typo.splitlines()[-1] == "No letter of the edition matches --kind memo, --lang xx (even alone)."


def test_registers_export_and_import_round_trip(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    assert letterbook("registers", "import", db=db, cwd=tmp_path).returncode == 0
    exported = letterbook("registers", "export", "--format", "json", db=db, cwd=tmp_path)
    entries = json.loads(exported.stdout)
    assert len(entries) >= 60
    (tmp_path / "register.json").write_text(json.dumps(entries[:2]), encoding="utf-8")
    other = f"sqlite:///{tmp_path / 'other.db'}"
    imported = letterbook("registers", "import", str(tmp_path / "register.json"), db=other, cwd=tmp_path)
    assert imported.stdout.strip() == "2 register entries imported"
    again = letterbook("registers", "export", "--format", "json", db=other, cwd=tmp_path)
    assert json.loads(again.stdout) == entries[:2]


def test_candidates_from_a_cmif_edition_become_entries_that_link_by_their_gnd_ids(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    bahr_schnitzler = CORPUS / "cmif" / "arthur-schnitzler_schnitzler-cmif" / "2018_Bahr_Schnitzler.xml"
    assert letterbook("ingest", str(bahr_schnitzler), db=db, cwd=tmp_path).returncode == 0
    listed = letterbook("registers", "candidates", db=db, cwd=tmp_path).stdout.splitlines()
    assert listed[0] == "575\tSchnitzler, Arthur\thttps://d-nb.info/gnd/118609807"
    drafts = letterbook("registers", "candidates", "--format", "csv", db=db, cwd=tmp_path).stdout
    (tmp_path / "drafts.csv").write_text(drafts, encoding="utf-8")
    first = drafts.splitlines()[1]
    assert first.startswith("person/schnitzler-arthur,person,\"Schnitzler, Arthur\",,,,118609807,")
    imported = letterbook("registers", "import", str(tmp_path / "drafts.csv"), db=db, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert letterbook("registers", "candidates", db=db, cwd=tmp_path).stdout == ""  # every name now has its entry
    places = letterbook("registers", "candidates", "--kind", "place", "--format", "json", db=db, cwd=tmp_path).stdout
    vienna = next(e for e in json.loads(places) if e["geonames"] == "2761369")  # printed "Wien" and "[Wien]"
    assert (vienna["id"], vienna["kind"], vienna["preferred_name"], vienna["forms"]) == (
        "place/wien", "place", "Wien", ["[Wien]", "[Berlin]"])  # the file gives one "[Berlin]" Vienna's ID
    assert "check it before importing" in vienna["note"]
    (tmp_path / "places.json").write_text(places, encoding="utf-8")
    assert letterbook("registers", "import", str(tmp_path / "places.json"), db=db, cwd=tmp_path).returncode == 0
    store = Store(Settings(database_url=db, index_dir=str(tmp_path / "edition.db.index")))
    assert len(store.letters_of("person/schnitzler-arthur", "sender")) == sent_by(bahr_schnitzler, "persName",
                                                                                  "/gnd/118609807")
    assert len(store.letters_of("place/wien", "place")) == sent_by(bahr_schnitzler, "placeName", "/2761369/")
    store.close()


def sent_by(cmif: Path, element: str, ref: str) -> int:
    """How many letters of ``cmif`` name, on their sender's line, a person or place whose @ref holds ``ref``."""
    tree = etree.parse(str(cmif))
    return len(tree.xpath(f"//tei:correspAction[@type='sent']/tei:{element}[contains(@ref, '{ref}')]",
                          namespaces={"tei": "http://www.tei-c.org/ns/1.0"}))


def test_a_database_behind_the_migrations_is_refused_with_advice(tmp_path: Path) -> None:
    done = letterbook("search", "x", db=f"sqlite:///{tmp_path / 'new.db'}", cwd=tmp_path)
    assert done.returncode == 1 and "letterbook db upgrade" in done.stderr


def test_a_database_that_cannot_be_reached_is_named_in_one_line_without_its_password(tmp_path: Path) -> None:
    refused = "postgresql://editor:secret@127.0.0.1:1/edition"  # nothing listens on port 1
    for args in (("search", "x"), ("ingest", str(CORPUS / "seed")), ("show", "c/1")):
        done = letterbook(*args, db=refused, cwd=tmp_path)
        assert done.returncode == 1 and "Traceback" not in done.stderr, args
        assert "cannot reach the database postgresql+psycopg://editor:***@127.0.0.1:1/edition" in done.stderr
        assert "secret" not in done.stderr and "Connection refused" in done.stderr
    nowhere = letterbook("ingest", str(CORPUS / "seed"), db=f"sqlite:///{tmp_path / 'no' / 'such' / 'x.db'}",
                         cwd=tmp_path)
    assert nowhere.returncode == 1 and "unable to open database file" in nowhere.stderr

"""The export and check commands end to end, on the real CMIF files and on exported TEI."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import CORPUS, REPO, SHARED
from letterbook.cli import main
from letterbook.export.commands import tei_file_name

NICOLAI = CORPUS / "cmif" / "rettinghaus_NicolaiLetters" / "NicolaiLetters.xml"
HUMBOLDT = CORPUS / "cmif" / "correspSearch_csStorage" / "avhumboldt" / "USA.xml"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_export_tei_writes_one_valid_file_per_letter_and_check_passes(tmp_path: Path) -> None:
    code, out, _ = invoke("export", "tei", str(tmp_path / "tei"), "--from", str(HUMBOLDT))
    assert code == 0, out
    files = sorted((tmp_path / "tei").rglob("*.xml"))
    assert len(files) == 341
    code, out, err = invoke("check", str(tmp_path / "tei"))
    assert code == 0, out
    assert "0 error(s)" in err


def test_check_reports_an_invalid_tei_file_by_its_letter(tmp_path: Path) -> None:
    invoke("export", "tei", str(tmp_path / "tei"), "--from", str(NICOLAI), "--base-url", "https://n.example")
    first = sorted((tmp_path / "tei").rglob("*.xml"))[0]
    first.write_bytes(first.read_bytes().replace(b"<langUsage>", b"<langUsage><oops/>"))
    code, out, _ = invoke("check", str(tmp_path / "tei"))
    assert code == 1
    assert out.count("error:") == 1 and "(letter the-correspondence-of-otto-nicolai/" in out and "oops" in out


def test_check_reports_the_official_examples_known_error_by_letter() -> None:
    code, out, _ = invoke("check", str(SHARED / "schemas" / "cmif" / "example01_basic.xml"))
    assert code == 1
    lines = [line for line in out.splitlines() if "error:" in line]
    assert len(lines) == 1
    assert "(letter http://www.weber-gesamtausgabe.de/A044980)" in lines[0] and "cert" in lines[0]


def test_export_cmif_of_imported_files_is_valid_and_dated_reproducibly(tmp_path: Path) -> None:
    target = tmp_path / "cmif.xml"
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": "1767225600"})
    result = runner.invoke(main, ["export", "cmif", str(target), "--v2", "--from", str(NICOLAI)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(target)).getroot()
    date = root.find(".//{http://www.tei-c.org/ns/1.0}publicationStmt/{http://www.tei-c.org/ns/1.0}date")
    assert date is not None and date.get("when") == "2026-01-01"
    code, _, err = invoke("check", str(target))
    assert code == 0 and "0 error(s), 0 warning(s)" in err


def test_export_csv_json_network_and_beacon_from_files(tmp_path: Path) -> None:
    assert invoke("export", "csv", str(tmp_path / "csv"), "--from", str(NICOLAI))[0] == 0
    with (tmp_path / "csv" / "letters.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 466 and rows[0]["senders"] == "Otto Nicolai"
    assert invoke("export", "json", str(tmp_path / "e.json"), "--from", str(NICOLAI))[0] == 0
    assert len(json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["letters"]) == 466
    assert invoke("export", "network", str(tmp_path / "n.graphml"), "--from", str(NICOLAI))[0] == 0
    edges = etree.parse(str(tmp_path / "n.graphml")).findall(".//{http://graphml.graphdrawing.org/xmlns}edge")
    assert len(edges) >= 400
    assert invoke("export", "beacon", str(tmp_path / "b.txt"), "--from", str(NICOLAI))[0] == 0
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("#FORMAT: BEACON\n")


def test_export_without_from_reads_the_edition_store(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'edition.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(REPO / "samples"), "--collection", "sample", "--db", db]).exit_code == 0
    result = runner.invoke(main, ["export", "tei", str(tmp_path / "tei"), "--db", db])
    assert result.exit_code == 0, result.output
    files = sorted((tmp_path / "tei" / "sample").glob("*.xml"))
    assert len(files) == 15
    assert runner.invoke(main, ["check", str(tmp_path / "tei")]).exit_code == 0


def test_export_from_a_missing_store_is_one_line_naming_the_database(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'none.db'}"
    result = CliRunner().invoke(main, ["export", "csv", str(tmp_path / "out"), "--db", db])
    assert result.exit_code == 1 and "none.db" in result.output and "db upgrade" in result.output


def test_export_from_a_hostile_file_fails_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    b'<TEI xmlns="http://www.tei-c.org/ns/1.0">&e;</TEI>')
    code, _, err = invoke("export", "json", str(tmp_path / "out.json"), "--from", str(bad))
    assert code == 1 and "DOCTYPE" in err and len(err.strip().splitlines()) == 1


def test_tei_file_names_cannot_leave_the_output_folder() -> None:
    assert tei_file_name("bolshevik/12") == "bolshevik/12.xml"
    assert tei_file_name("../../etc/passwd") == "%2E%2E/%2E%2E/etc/passwd.xml"
    assert tei_file_name("c/a b?") == "c/a%20b%3F.xml"


def test_check_refuses_a_file_with_a_doctype_without_handing_it_to_jing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                    b'<TEI xmlns="http://www.tei-c.org/ns/1.0">&e;</TEI>')
    code, out, _ = invoke("check", str(bad))
    assert code == 1 and "DOCTYPE" in out and "root:" not in out


def test_exported_tei_files_read_back_as_one_collection_with_the_same_ids(tmp_path: Path) -> None:
    invoke("export", "tei", str(tmp_path / "tei"), "--from", str(HUMBOLDT))
    code, _, _ = invoke("export", "csv", str(tmp_path / "csv"), "--from", str(tmp_path / "tei"))
    assert code == 0
    with (tmp_path / "csv" / "letters.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 341
    [folder] = (tmp_path / "tei").iterdir()  # the collection as ingest names it: by the title the file prints
    assert folder.name == "alexander-v-humboldt-und-die-usa"
    assert {row["collection"] for row in rows} == {folder.name}
    assert {row["id"] for row in rows} == {f"{folder.name}/{unquote(p.stem)}" for p in folder.glob("*.xml")}


def test_exports_of_the_parsed_corpus_pages_validate_with_zero_errors(tmp_path: Path) -> None:
    pages = [arg for sub in ("seed", "en", "ru") for arg in ("--from", str(CORPUS / sub))]
    runner = CliRunner()
    assert runner.invoke(main, ["export", "tei", str(tmp_path / "tei"), *pages]).exit_code == 0
    assert len(list((tmp_path / "tei").rglob("*.xml"))) == 25  # every letter the parser finds on the pages
    assert runner.invoke(main, ["export", "cmif", str(tmp_path / "edition.xml"), *pages]).exit_code == 0
    for target in (tmp_path / "tei", tmp_path / "edition.xml"):
        result = runner.invoke(main, ["check", str(target)])
        assert result.exit_code == 0 and "0 error(s)" in result.output, result.output


def test_an_export_from_files_is_the_export_from_a_store_of_them(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Same collections, letter ids, register links and headers; only parties of a CMIF or TEI
    file that no register entry knows differ: from files they get entries derived from their
    authority IDs, in a store they wait as candidates for the editors (`registers candidates`)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pages = [str(CORPUS / sub) for sub in ("seed", "en", "ru")]
    for name, sources, kinds in (("pages", pages, ("cmif", "tei", "json", "network", "csv", "beacon")),
                                 ("pages and CMIF", [*pages, str(HUMBOLDT)], ("cmif",))):
        (tmp_path / name).mkdir()
        db = f"sqlite:///{tmp_path / name / 'edition.db'}"
        assert invoke("ingest", *sources, "--db", db)[0] == 0
        files = [arg for source in sources for arg in ("--from", source)]
        for kind in kinds:
            assert invoke("export", kind, str(tmp_path / name / "store" / kind), "--db", db)[0] == 0
            assert invoke("export", kind, str(tmp_path / name / "files" / kind), *files)[0] == 0
        assert _contents(tmp_path / name / "store") == _contents(tmp_path / name / "files"), name
    assert "<editor>O.V.Khlevnyuk</editor>" in (tmp_path / "pages" / "store" / "cmif").read_text(encoding="utf-8")
    cmif = (tmp_path / "pages and CMIF" / "store" / "cmif").read_text(encoding="utf-8")
    assert cmif.count("<correspDesc") == 25 + 341
    assert "/letters/bolshevik-leadership-correspondence-1912-1927/194\"" in cmif
    assert "/letters/alexander-v-humboldt-und-die-usa/1\"" in cmif


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_export_creates_its_folders_and_names_a_file_it_cannot_write(tmp_path: Path) -> None:
    code, out, _ = invoke("export", "cmif", str(tmp_path / "new" / "folder" / "e.xml"), "--from", str(NICOLAI))
    assert code == 0 and (tmp_path / "new" / "folder" / "e.xml").is_file(), out
    (tmp_path / "a-file").write_text("x")
    code, _, err = invoke("export", "json", str(tmp_path / "a-file" / "e.json"), "--from", str(NICOLAI))
    assert code == 1 and err.strip().endswith("cannot be written: File exists") and "a-file" in err
    assert (tmp_path / "a-file").read_text() == "x"

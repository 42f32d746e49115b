"""The synthetic page generator ``bench/synth.py`` for tests (``bench/`` is a folder of scripts, not a package)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType

from conftest import REPO


@cache
def synth() -> ModuleType:
    """``bench/synth.py`` as a module: ``synth().synthetic_page(seed, index)`` and friends."""
    name = "letterbook_bench_synth"
    spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module

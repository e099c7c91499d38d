from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"

# The day the lexicon tests' sentences are published on.
LEXICON_DAY = date(2021, 3, 5)

Coded = tuple[str, list[str], list[str], str]


def coded(text: str, **options: object) -> list[Coded]:
    """Code, source codes, target codes and modality of each event of `text`."""
    import parley  # imported here so that conftest loads without the pipeline

    events = parley.code(text, published=LEXICON_DAY, **options)
    return [
        (e.code, [a.code for a in e.source], [a.code for a in e.target], e.modality) for e in events
    ]


def codes_with_actors(text: str, **options: object) -> list[tuple[str, list[str], list[str]]]:
    return [e[:3] for e in coded(text, **options)]


def parley_command() -> list[str]:
    """The installed `parley` console script of this environment."""
    script = Path(sys.executable).parent / "parley"
    if script.exists():
        return [str(script)]
    found = shutil.which("parley")
    assert found, "the parley console script is not installed (pip install -e .)"
    return [found]


def run_parley(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [*parley_command(), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.fixture
def seed() -> Path:
    if not (SEED / "gold.jsonl").exists():
        pytest.skip(f"the founding document is not at {SEED} (../shared beside the clone)")
    return SEED

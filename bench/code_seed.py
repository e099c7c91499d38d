"""How long `parley code` takes on one document, cold and warm, against bare spaCy.

    python bench/code_seed.py [FILE]

Cold: a new `parley code FILE` process, start to exit (model and knowledge base loaded).
Warm: `parley.code_many` on the same document again in one process.
Baseline: spaCy's pipeline alone on the same text in the same process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "seed" / "lavrov-2020-11-24.txt"


def cold_runs(path: Path, runs: int = 3) -> list[float]:
    script = Path(sys.executable).parent / "parley"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(script), "code", str(path), "-f", "jsonl"], check=True, capture_output=True
        )
        times.append(time.perf_counter() - start)
    return times


def warm_runs(path: Path, runs: int = 20) -> tuple[list[float], list[float]]:
    from parley import nlp
    from parley.pipeline import code_many
    from parley.read import read_paths

    document = next(iter(read_paths([path])))
    list(code_many([document]))  # load everything once
    pipeline = nlp.load()
    parley_times, spacy_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        pipeline(document.text)
        spacy_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        list(code_many([document]))
        parley_times.append(time.perf_counter() - start)
    return parley_times, spacy_times


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    cold = cold_runs(path)
    warm, bare = warm_runs(path)
    print(f"document: {path.name}")
    print(
        f"cold `parley code` process: median {statistics.median(cold):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in cold)})"
    )
    print(f"warm parley.code_many: median {statistics.median(warm) * 1000:.1f} ms")
    print(f"bare spaCy pipeline on the same text: median {statistics.median(bare) * 1000:.1f} ms")
    print(f"warm parley / bare spaCy: {statistics.median(warm) / statistics.median(bare):.2f}")


if __name__ == "__main__":
    main()

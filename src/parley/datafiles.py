"""Reading Parley's knowledge files (TSV and YAML) with errors that name file and line."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import yaml

from parley.errors import DataFileError


def data_path(name: str) -> Path:
    """The path of a file shipped in parley/data."""
    return Path(str(resources.files("parley") / "data" / name))


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row; the header must name `columns` in order."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        while header is not None and header and header[0].startswith("#"):
            header = next(reader, None)
        if header is None or tuple(header[: len(columns)]) != columns:
            expected = "<TAB>".join(columns)
            raise DataFileError(str(path), [f"1: expected the header {expected}"])
        for number, row in enumerate(reader, start=2):
            if not row or row[0].startswith("#"):
                continue
            if len(row) < len(columns):
                row = row + [""] * (len(columns) - len(row))
            yield number, {c: v.strip() for c, v in zip(columns, row[: len(columns)], strict=True)}


def split_list(value: str) -> list[str]:
    """A `; `-separated cell as a list, empty items dropped."""
    return [v.strip() for v in value.split(";") if v.strip()]


def read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise DataFileError(str(path), [f"{line}: not valid YAML: {exc}"]) from exc

"""The CAMEO table: name, Goldstein score, quad class and PLOVER type of every code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from parley.datafiles import data_path, read_tsv
from parley.errors import DataFileError

COLUMNS = ("code", "name", "goldstein", "root", "quad_class", "plover_event", "plover_mode")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover: str
    plover_mode: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    path = data_path("cameo.tsv")
    table: dict[str, CameoCode] = {}
    problems: list[str] = []
    for line, row in read_tsv(path, COLUMNS):
        try:
            table[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                root=row["root"],
                quad_class=int(row["quad_class"]),
                plover=row["plover_event"],
                plover_mode=row["plover_mode"],
            )
        except ValueError as exc:
            problems.append(f"{line}: code {row['code']!r}: {exc}")
    if problems:
        raise DataFileError(str(path), problems)
    return table


def lookup(code: str) -> CameoCode:
    """The entry for a code; raises KeyError naming the code when it is not CAMEO."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a CAMEO code in cameo.tsv") from None

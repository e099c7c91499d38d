"""A benchmark corpus of any size, from the team's own sentence templates.

    python bench/corpus.py OUT_DIR [COUNT]

Each document is a short wire report: a dateline, a meeting, a statement, a pledge or an
attack, with states, places and dates drawn in turn, so that no two texts are the same
and the mix of events resembles the news Parley reads. Used by bench/ingest.py and
bench/throughput.py; any real corpus directory can be used instead.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

STATES = [
    ("Kenya", "Kenyan", "NAIROBI"),
    ("Uganda", "Ugandan", "KAMPALA"),
    ("Ethiopia", "Ethiopian", "ADDIS ABABA"),
    ("Sudan", "Sudanese", "KHARTOUM"),
    ("Qatar", "Qatari", "DOHA"),
    ("Turkey", "Turkish", "ANKARA"),
    ("Russia", "Russian", "MOSCOW"),
    ("China", "Chinese", "BEIJING"),
    ("India", "Indian", "NEW DELHI"),
    ("Pakistan", "Pakistani", "ISLAMABAD"),
    ("Brazil", "Brazilian", "BRASILIA"),
    ("Germany", "German", "BERLIN"),
    ("Nigeria", "Nigerian", "ABUJA"),
    ("Colombia", "Colombian", "BOGOTA"),
    ("Indonesia", "Indonesian", "JAKARTA"),
]

SENTENCES = [
    "{a} and {b} held talks in {city} on {weekday} on trade and border security.",
    "The foreign ministers of {a} and {b} signed an agreement on energy cooperation.",
    "{a} condemned the attack on a police post near the border with {b}.",
    "{A} officials said {b} had shelled villages in the north overnight.",
    "{a} will provide humanitarian assistance to {b} after the floods.",
    "The president of {a} called on {b} to release the detained journalists.",
    "{a} expelled two {B} diplomats on {weekday}, accusing them of espionage.",
    "Gunmen killed {n} people in an attack on a market in {city} on {weekday}.",
    "{a} welcomed the ceasefire agreed by the parties in {b}.",
    "Thousands of protesters marched in {city} to demand the resignation of the government.",
    "{a} and {b} agreed to resume direct flights and to reopen their embassies.",
    "{a} rejected the proposal by {b} for a joint commission on the dam.",
    "{A} troops were deployed along the border with {b} on {weekday}.",
    "The Secretary-General urged {a} and {b} to settle their dispute through dialogue.",
    "{a} imposed sanctions on {b} over its nuclear programme.",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def document(n: int, rng: random.Random) -> str:
    """Document number `n`: a title, a date and four to six sentences of our own."""
    first, second = rng.sample(STATES, 2)
    published = date(2015, 1, 1) + timedelta(days=n % 3000)
    fill = {
        "a": first[0],
        "A": first[1],
        "b": second[0],
        "B": second[1],
        "city": first[2].title(),
        "weekday": rng.choice(WEEKDAYS),
        "n": rng.randint(3, 40),
    }
    lines = [s.format(**fill) for s in rng.sample(SENTENCES, rng.randint(4, 6))]
    body = "\n\n".join(lines)
    return (
        f"Title: Report {n}\nDate: {published.isoformat()}\n\n"
        f"{first[2]}, {published:%b} {published.day} (Bench Wire) - {body}\n\n(report {n})\n"
    )


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = folder / f"report{n:06d}.txt"
        path.write_text(document(n, rng), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    print(f"{len(write_corpus(out, count))} documents written to {out}")

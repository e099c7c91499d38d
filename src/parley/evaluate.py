"""Scoring against a gold file, as shared/spec/gold-format.md defines it.

A found event matches a gold event of its document when their root codes are equal and
they share a source entity and a target entity (or both have no target), either way
round for symmetric events. Each gold event matches at most one found event; the
matching is maximal, preferring pairs that also agree on code, date and the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from parley.errors import InputError
from parley.model import Event
from parley.pipeline import code_many
from parley.read import from_record, read_paths
from parley.when import parse_date_argument


@dataclass(frozen=True)
class GoldEvent:
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    symmetric: bool
    date: str | None
    location: str | None
    modality: str
    essential: bool
    evidence: str

    @staticmethod
    def from_json(raw: dict[str, Any]) -> GoldEvent:
        return GoldEvent(
            code=str(raw["code"]),
            source=tuple(raw.get("source") or ()),
            target=tuple(raw.get("target") or ()),
            symmetric=bool(raw.get("symmetric", False)),
            date=raw.get("date"),
            location=raw.get("location"),
            modality=raw.get("modality", "asserted"),
            essential=bool(raw.get("essential", True)),
            evidence=raw.get("evidence", ""),
        )


@dataclass
class DocumentScore:
    id: str
    found: list[Event]
    gold: list[GoldEvent]
    pairs: list[tuple[Event, GoldEvent]] = field(default_factory=list)
    error: str | None = None

    def missed(self) -> list[GoldEvent]:
        matched = {id(g) for _, g in self.pairs}
        return [g for g in self.gold if id(g) not in matched]

    def spurious(self) -> list[Event]:
        matched = {e.id for e, _ in self.pairs}
        return [e for e in self.found if e.id not in matched]


def _entities(codes: tuple[str, ...]) -> set[str]:
    return {c.split("/")[0] for c in codes}


def _found_entities(actors: tuple) -> set[str]:
    return {a.entity for a in actors if a.entity}


def _sides_match(found_source: set[str], found_target: set[str], gold: GoldEvent) -> bool:
    gold_source, gold_target = _entities(gold.source), _entities(gold.target)
    if not found_source & gold_source:
        return False
    if not gold_target and not found_target:
        return True
    return bool(found_target & gold_target)


def matches(event: Event, gold: GoldEvent) -> bool:
    if event.code[:2] != gold.code[:2]:
        return False
    source, target = _found_entities(event.source), _found_entities(event.target)
    if _sides_match(source, target, gold):
        return True
    return (gold.symmetric or event.symmetric) and _sides_match(target, source, gold)


def same_code(event: Event, gold: GoldEvent) -> bool:
    return event.code == gold.code if len(gold.code) > 2 else event.root == gold.code


def same_date(event: Event, gold: GoldEvent) -> bool:
    if gold.date is None:
        return event.date is None
    return event.date is not None and event.date.start.isoformat()[: len(gold.date)] == gold.date


def same_location(event: Event, gold: GoldEvent) -> bool:
    if gold.location is None:
        return event.place is None
    if event.place is None:
        return False
    names = {event.place.name.casefold(), event.place.text.casefold()}
    wanted = gold.location.casefold()
    return wanted in names or any(n and (n in wanted or wanted in n) for n in names)


def same_sectors(event: Event, gold: GoldEvent) -> bool:
    """Every actor both sides name, where the gold gives a sector, has that sector: the
    sector share measures sectors, not whether every actor of a list was found."""
    found: dict[str, set[str]] = {}
    for actor in event.source + event.target:
        found.setdefault(actor.entity, set()).add(actor.sector)
    for code in gold.source + gold.target:
        entity, _, sector = code.partition("/")
        if sector and entity in found and sector not in found[entity]:
            return False
    return True


def _agreement(event: Event, gold: GoldEvent) -> int:
    """How well a candidate pair agrees: quoting the same sentence first, then essential
    gold events, then each field that matches."""
    checks = (same_code, same_date, same_location, same_sectors)
    quoted = bool(gold.evidence) and " ".join(gold.evidence.split()) in " ".join(event.text.split())
    fields = sum(check(event, gold) for check in checks) + (event.modality == gold.modality)
    return 20 * quoted + 10 * gold.essential + fields


def match_document(found: list[Event], gold: list[GoldEvent]) -> list[tuple[Event, GoldEvent]]:
    """A maximum matching of found to gold events (Kuhn's augmenting paths), each found
    event trying the gold events it agrees with most first."""
    options = {
        i: sorted(
            (j for j, g in enumerate(gold) if matches(e, g)),
            key=lambda j, e=e: -_agreement(e, gold[j]),
        )
        for i, e in enumerate(found)
    }
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(options, key=lambda i: len(options[i])):
        assign(i, set())
    return [(found[i], gold[j]) for j, i in sorted(owner.items())]


def _share(pairs: list[tuple[Event, GoldEvent]], check: Any) -> float | None:
    return round(sum(check(e, g) for e, g in pairs) / len(pairs), 4) if pairs else None


def load_gold(path: Path) -> list[tuple[dict[str, Any], list[GoldEvent]]]:
    """Each gold document with its events; a malformed line is an InputError naming it."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            events = [GoldEvent.from_json(e) for e in raw.get("events", [])]
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{path}:{number}: not a gold document ({exc})") from None
        out.append((raw, events))
    return out


def _read_gold_document(raw: dict[str, Any], base: Path) -> Any:
    doc_id = str(raw.get("id") or raw.get("path"))
    if "text" in raw:
        document = from_record({"text": raw["text"], "id": doc_id}, default_id=doc_id)
    else:
        item = next(read_paths([base / str(raw.get("path"))]))
        if isinstance(item, InputError):
            raise item
        document = replace(item, id=doc_id)
    if document.published is None and raw.get("published"):
        document = replace(document, published=parse_date_argument(str(raw["published"])))
    return document


def evaluate(path: str | Path) -> dict[str, Any]:
    """Code every document of a gold file and score the result; one JSON-ready report."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such gold file")
    gold_docs = load_gold(path)
    scores: list[DocumentScore] = []
    readable = []
    for raw, gold in gold_docs:
        doc_id = str(raw.get("id") or raw.get("path"))
        try:
            readable.append((_read_gold_document(raw, path.parent), gold))
        except InputError as exc:
            scores.append(DocumentScore(doc_id, [], gold, error=str(exc)))
    documents = [d for d, _ in readable]
    for coded, (_, gold) in zip(code_many(documents), readable, strict=True):
        score = DocumentScore(coded.document.id, list(coded.events), gold)
        score.pairs = match_document(score.found, gold)
        scores.append(score)
    return _report(scores)


def _report(scores: list[DocumentScore]) -> dict[str, Any]:
    pairs = [p for s in scores for p in s.pairs]
    found = sum(len(s.found) for s in scores)
    essential = sum(1 for s in scores for g in s.gold if g.essential)
    matched_essential = sum(1 for _, g in pairs if g.essential)
    precision = len(pairs) / found if found else 0.0
    recall = matched_essential / essential if essential else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    located = [(e, g) for e, g in pairs if g.location]
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "found": found,
        "matched": len(pairs),
        "essential": essential,
        "matched_essential": matched_essential,
        "code_full": _share(pairs, same_code),
        "sector": _share(pairs, same_sectors),
        "date": _share(pairs, same_date),
        "location": _share(located, same_location),
        "modality": _share(pairs, lambda e, g: e.modality == g.modality),
        "by_root": _by_root(scores),
        "documents": [_document_report(s) for s in scores],
    }


def _by_root(scores: list[DocumentScore]) -> dict[str, dict[str, float | int | None]]:
    """Per CAMEO root: found, matched, essential gold and recall, precision, F1."""
    table: dict[str, dict[str, int]] = {}

    def row(root: str) -> dict[str, int]:
        return table.setdefault(
            root, {"found": 0, "matched": 0, "essential": 0, "matched_essential": 0}
        )

    for score in scores:
        for event in score.found:
            row(event.root)["found"] += 1
        for gold in score.gold:
            row(gold.code[:2])["essential"] += gold.essential
        for event, gold in score.pairs:
            row(event.root)["matched"] += 1
            row(gold.code[:2])["matched_essential"] += gold.essential
    out: dict[str, dict[str, float | int | None]] = {}
    for root, counts in sorted(table.items()):
        precision = counts["matched"] / counts["found"] if counts["found"] else None
        recall = counts["matched_essential"] / counts["essential"] if counts["essential"] else None
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        out[root] = {**counts, "precision": precision, "recall": recall, "f1": f1}
    return out


def _describe(event: Event) -> dict[str, Any]:
    return {
        "code": event.code,
        "source": [a.code or a.text for a in event.source],
        "target": [a.code or a.text for a in event.target],
        "date": event.date.iso() if event.date else None,
        "location": event.place.name if event.place else None,
        "modality": event.modality,
        "rule": event.rule,
        "sentence": event.text,
    }


def _document_report(score: DocumentScore) -> dict[str, Any]:
    return {
        "id": score.id,
        "error": score.error,
        "found": len(score.found),
        "matched": len(score.pairs),
        "missed": [
            {
                "code": g.code,
                "source": list(g.source),
                "target": list(g.target),
                "essential": g.essential,
                "evidence": g.evidence,
            }
            for g in score.missed()
        ],
        "spurious": [_describe(e) for e in score.spurious()],
        "wrong": [
            {
                "gold": {
                    "code": g.code,
                    "date": g.date,
                    "location": g.location,
                    "modality": g.modality,
                },
                "found": _describe(e),
            }
            for e, g in score.pairs
            if not (
                same_date(e, g)
                and e.modality == g.modality
                and (not g.location or same_location(e, g))
            )
        ],
    }

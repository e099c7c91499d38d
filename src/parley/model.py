"""The records passed from stage to stage: plain, frozen, typed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "intended", "appeal", "hypothetical", "negated"]
MODALITIES: tuple[str, ...] = ("asserted", "intended", "appeal", "hypothetical", "negated")


@dataclass(frozen=True)
class Document:
    """One input document, its text cleaned of page clutter, with what we know of it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    speaker: str | None = None
    url: str | None = None
    path: str | None = None
    dateline: str | None = None  # the place a report is filed from: "NAIROBI, Dec 31 (Reuters) -"


@dataclass(frozen=True)
class Actor:
    """An identity as in shared/spec/actors.md; `entity` is empty when unresolved."""

    entity: str
    sector: str = ""
    country: str = ""
    name: str = ""
    text: str = ""

    @property
    def cameo(self) -> str:
        """The CAMEO-style code derived from entity and sector (RUSGOV, TALIBANREB)."""
        return f"{self.entity}{self.sector}".replace("_", "")

    @property
    def code(self) -> str:
        """`ENTITY` or `ENTITY/SECTOR`, the form used in gold files and filters."""
        return f"{self.entity}/{self.sector}" if self.sector else self.entity

    def to_dict(self) -> dict[str, str]:
        return {**asdict(self), "cameo": self.cameo if self.entity else ""}


@dataclass(frozen=True)
class Mention:
    """A span of a sentence that names or points to one or more actors."""

    start: int  # token index in the annotated doc
    end: int
    text: str
    actors: tuple[Actor, ...]
    kind: str  # name, adjective, capital, pronoun, group, anaphor


@dataclass(frozen=True)
class TimeSpan:
    """When something happened: an interval and how precisely the text says it."""

    start: date
    end: date
    precision: Precision
    text: str = ""

    def iso(self) -> str:
        """The start cut to the precision: 2020, 2020-02, 2020-02-29."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def to_dict(self) -> dict[str, str]:
        end = TimeSpan(self.end, self.end, self.precision).iso()
        return {"start": self.iso(), "end": end, "precision": self.precision}


@dataclass(frozen=True)
class Place:
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str = ""
    admin1: str = ""
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.geonames_id,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
        }


@dataclass(frozen=True)
class Participant:
    role: str  # host, party, mediator, observer, initiator, guarantor
    actor: Actor


@dataclass(frozen=True)
class Event:
    """One coded event, with the sentence and rule it came from."""

    id: str
    doc_id: str
    sentence: int
    start_char: int
    end_char: int
    text: str  # the sentence, so output shows its work
    code: str
    root: str
    name: str
    plover: str
    goldstein: float
    quad_class: int
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    symmetric: bool
    date: TimeSpan | None
    place: Place | None
    modality: str
    rule: str
    confidence: float = 1.0
    trigger: str = ""
    participants: tuple[Participant, ...] = field(default_factory=tuple)
    format: dict[str, Any] | None = None
    pledge: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of an event (DESIGN.md, Records)."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "text": self.text,
            "code": self.code,
            "root": self.root,
            "name": self.name,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "symmetric": self.symmetric,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "modality": self.modality,
            "format": self.format,
            "participants": [
                {"role": p.role, "actor": p.actor.to_dict()} for p in self.participants
            ],
            "pledge": self.pledge,
            "rule": self.rule,
            "trigger": self.trigger,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class NamedSpan:
    """Where a sentence names an actor, by character offsets in the document's text."""

    start_char: int
    end_char: int
    text: str
    kind: str
    actors: tuple[Actor, ...]


@dataclass(frozen=True)
class Sentence:
    """A sentence of a coded document, with the actors it names: what the store keeps so
    that events can be checked against their source and found by their words."""

    number: int
    start_char: int
    end_char: int
    text: str
    mentions: tuple[NamedSpan, ...] = ()


@dataclass(frozen=True)
class CodedDocument:
    """A document, the events found in it and its sentences."""

    document: Document
    events: tuple[Event, ...]
    sentences: tuple[Sentence, ...] = ()

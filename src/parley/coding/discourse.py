"""The records the document-level passes share: what a document is (its setting) and
what it has told so far (its discourse)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from parley.actors.kb import ActorKB
from parley.coding.rules import RuleSet
from parley.model import Actor, Document, Event, Mention, Place, TimeSpan


@dataclass
class Discourse:
    """What the document has told so far, that later sentences lean on: "the two sides"
    are the last parties, "he" the last to act alone, "the attack" the violence already
    reported, "they denied it" answers the last accusers."""

    parties: tuple[Actor, ...] = ()  # the last two-sided event's
    last_source: tuple[Actor, ...] = ()  # who acted last: "he", "they" in the next sentence
    last_actors: tuple[Actor, ...] = ()  # who did the last event: "condemned this act"
    violence_seen: bool = False  # "the attack" after the first is the same attack
    last_violent: tuple[Actor, ...] = ()  # who did it
    belligerents: tuple[Actor, ...] = ()  # the last two sides seen fighting or in a truce
    captors: tuple[Actor, ...] = ()  # who last arrested or abducted people
    doers: dict[str, tuple[Actor, ...]] = field(default_factory=dict)  # root -> who last did it
    accusers: dict[str, tuple[Actor, ...]] = field(default_factory=dict)  # accused -> who
    violence_country: str = ""  # where the last violence happened
    told: TimeSpan | None = None  # the date the narrative last gave an event
    venue: Event | None = None  # the last meeting with a place: its parties speak there
    occasion: Event | None = None  # the last meeting or call the text dates: ditto, then
    before: Span | None = None  # the sentence before, where a pledge's condition may be


@dataclass(frozen=True)
class Setting:
    """What holds for a whole document: its voice, the state it reports from or about,
    where it was filed from, and the tables every pass reads."""

    document: Document
    kb: ActorKB
    rules: RuleSet
    mentions: dict[int, Mention]
    speaker: tuple[Actor, ...]
    prefer: frozenset[str]  # the countries the text names: they win ambiguous places
    home: str = ""  # the state unnamed police, crowds and gunmen belong to
    own: str = ""  # the state whose voice the document is
    filed_from: Place | None = None  # the dateline's place
    # whose statements the dateline places (None: everyone's, at an institution's seat)
    dateline_voices: frozenset[str] | None = frozenset()
    dateline_named: bool = False  # the text itself names the dateline's city

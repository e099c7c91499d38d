"""Pledges: an intended event of roots 03 and 05-08 is a promise, with its giver,
recipient, areas, condition and the date it was made (data/pledges.yaml). The store links
a later asserted event of the same giver and recipient, in a pledged area, to the pledge
as its fulfilment."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span

from parley.datafiles import data_path, read_yaml
from parley.model import Event


@dataclass(frozen=True)
class PledgeRules:
    areas: dict[str, tuple[str, ...]]
    condition_words: frozenset[str]
    fulfilling_roots: tuple[str, ...]
    pledge_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def pledge_rules() -> PledgeRules:
    raw = read_yaml(data_path("pledges.yaml"))
    return PledgeRules(
        {str(k): tuple(str(w).lower() for w in v) for k, v in raw["areas"].items()},
        frozenset(raw["condition_words"]),
        tuple(str(r) for r in raw["fulfilling_roots"]),
        tuple(str(c) for c in raw["pledge_codes"]),
    )


def areas_of(text: str) -> list[str]:
    """The areas a sentence names ("combating terrorism and drug-related crime")."""
    words = text.lower()
    return [area for area, pattern in _area_patterns().items() if pattern.search(words)]


@lru_cache(maxsize=1)
def _area_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per area, made once: any of its cues as a whole word or phrase."""
    return {
        area: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])")
        for area, cues in pledge_rules().areas.items()
    }


def condition_of(sentence: Span | None) -> str | None:
    """ "Upon the successful completion of the negotiating process", "if the ceasefire
    holds": the phrase a condition word opens, if the sentence has one."""
    if sentence is None:
        return None
    words = pledge_rules().condition_words
    for token in sentence:
        if token.lower_ not in words:
            continue
        phrase = token if token.dep_ in ("prep", "agent") else token.head
        if token.dep_ == "mark" or token.dep_ in ("prep", "agent"):
            tokens = sorted(phrase.subtree, key=lambda t: t.i)
            return sentence.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")
    return None


def pledge_of(event: Event, sentence: Span, before: Span | None) -> dict[str, Any] | None:
    """The pledge an intended event makes; its condition is stated in its sentence or,
    when the sentence states none, in the one before it."""
    rules = pledge_rules()
    if event.modality != "intended" or not event.code.startswith(rules.pledge_codes):
        return None
    return {
        "giver": [a.code for a in event.source if a.entity],
        "recipient": [a.code for a in event.target if a.entity],
        "areas": areas_of(sentence.text),
        "condition": condition_of(sentence) or condition_of(before),
        "made": event.date.iso() if event.date else None,
        "fulfilled_by": [],  # the store fills it with the ids of later events
    }

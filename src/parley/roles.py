"""Who took part in an event, and as what: host, party, mediator, observer, initiator,
guarantor (data/roles.yaml).

The sides of a symmetric event are its parties. A meeting held in a state that is not a
party is hosted by it ("in the Russian capital ... the Taliban and the High Peace Council
engaged in talks": Russia hosts). Other roles come from phrases of the event's sentence:
a role noun with an "of"/"from" phrase ("in the presence of observers from a dozen
regional countries and the United States", "at the initiative of the Afghan Diaspora"),
or a participle with a "by" agent ("brokered by Egypt"). Groups no actor resolves keep
their text, as unresolved actors always do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from parley.coding.arguments import Context, conjuncts, np_actors
from parley.coding.engine import Coded
from parley.coding.matching import QUANTITY_NOUNS
from parley.datafiles import data_path, read_yaml
from parley.model import Actor, Event, Participant


@dataclass(frozen=True)
class RoleRules:
    hosted_codes: tuple[str, ...]
    role_nouns: dict[str, str]
    role_verbs: dict[str, str]


@lru_cache(maxsize=1)
def role_rules() -> RoleRules:
    raw = read_yaml(data_path("roles.yaml"))
    return RoleRules(
        tuple(str(c) for c in raw["hosted_codes"]),
        {str(k): str(v) for k, v in raw["role_nouns"].items()},
        {str(k): str(v) for k, v in raw["role_verbs"].items()},
    )


def participants(coded: Coded, event: Event, ctx: Context) -> tuple[Participant, ...]:
    """Everyone the event's clause names with a role; empty for an event with only a
    source and a target and nobody else."""
    rules = role_rules()
    found: list[Participant] = []
    if event.symmetric:
        found += [Participant("party", a) for a in event.source + event.target]
    found += _phrase_roles(coded, ctx, rules)
    host = _host(event, ctx, rules, found)
    if host is not None:
        found.insert(0, Participant("host", host))
    if not any(p.role != "party" for p in found):
        return ()  # two sides and nothing more: the source and target say it all
    return tuple(_distinct(found))


def _host(event: Event, ctx: Context, rules: RoleRules, found: list) -> Actor | None:
    if not event.code.startswith(rules.hosted_codes) or event.place is None:
        return None
    country = event.place.country
    taking_part = {p.actor.entity for p in found} | {a.entity for a in event.source}
    if not country or country not in ctx.state_entities or country in taking_part:
        return None
    name = ctx.kb.countries[country].name
    return Actor(country, "GOV", country, name, event.place.text or event.place.name)


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    """Any role word, to leave at once the many sentences that have none."""
    words = [*role_rules().role_nouns, *role_rules().role_verbs]
    return re.compile(r"\b(?:" + "|".join(re.escape(w[:5]) for w in words) + ")", re.I)


def _phrase_roles(coded: Coded, ctx: Context, rules: RoleRules) -> list[Participant]:
    if not _cue().search(coded.anchor.sent.text):
        return []
    tokens = {t.i: t for t in [*coded.scope, *coded.trigger.subtree, *coded.anchor.subtree]}
    found: list[Participant] = []
    for token in sorted(tokens.values(), key=lambda t: t.i):
        role = rules.role_nouns.get(token.lower_) or rules.role_nouns.get(token.lemma_.lower())
        if role and token.pos_ == "NOUN":
            named = _named_by(token, ("of", "from"), ctx)
            if all(not a.entity for a in named):
                # "in the presence of observers from X": the parser often hangs "from X"
                # on the clause's verb
                later = [a for a in _named_by(coded.anchor, ("from",), ctx, after=token.i)]
                named = later or named
            found += [Participant(role, a) for a in named]
        role = rules.role_verbs.get(token.lemma_.lower())
        if role and token.tag_ == "VBN":
            found += [Participant(role, a) for a in _named_by(token, ("by",), ctx)]
    return found


def _named_by(
    token: Token, preps: tuple[str, ...], ctx: Context, *, after: int = -1
) -> list[Actor]:
    """The actors of the phrases after `preps`, through "observers from ..." chains;
    a noun phrase that names no actor is kept by its text ("a dozen regional countries"),
    and one that a modifier resolves keeps its whole text ("the Afghan Diaspora in
    Russia" is AFG)."""
    actors: list[Actor] = []
    for prep in token.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in preps or prep.i < after:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for head in conjuncts(pobj):
                actors += _one_named(head, ctx)
    return actors


def _as_state(actor: Actor, ctx: Context) -> Actor:
    """A state named as a whole takes part through its government."""
    if actor.entity in ctx.state_entities and not actor.sector:
        return replace(actor, sector="GOV")
    return actor


def _one_named(head: Token, ctx: Context) -> list[Actor]:
    return [_as_state(a, ctx) for a in _named_here(head, ctx)]


def _named_here(head: Token, ctx: Context) -> list[Actor]:
    counted = [c for p in head.children if p.lower_ == "of" for c in p.children]
    if head.lemma_.lower() in QUANTITY_NOUNS and counted:
        # "a dozen of regional countries and the United States": the countries, counted,
        # and the United States
        first, *others = conjuncts(counted[0])
        found = [a for a in np_actors(first, ctx) if a.entity] or [
            Actor("", "", "", "", _text(head))
        ]
        return found + [a for other in others for a in _one_named(other, ctx)]
    named = [a for a in np_actors(head, ctx) if a.entity]
    if named and head.i not in ctx.mentions and len(named) == 1:
        return [replace(named[0], text=_text(head))]
    if named:
        return named
    if head.lemma_.lower() in role_rules().role_nouns:  # "observers from X"
        return _named_by(head, ("of", "from"), ctx)
    if head.pos_ in ("NOUN", "PROPN"):
        return [Actor("", "", "", "", _text(head))]
    return []


def _text(head: Token) -> str:
    tokens = [t for t in head.subtree if t.dep_ not in ("cc", "conj", "punct", "relcl", "acl")]
    keep = [t for t in tokens if not any(a.dep_ == "conj" for a in t.ancestors if a.i > head.i)]
    return head.doc[min(t.i for t in keep) : max(t.i for t in keep) + 1].text


def _distinct(found: list[Participant]) -> list[Participant]:
    seen: set[tuple[str, str]] = set()
    out = []
    for participant in found:
        key = (participant.role, participant.actor.code or participant.actor.text)
        if key not in seen:
            seen.add(key)
            out.append(participant)
    return out

"""The document-level passes that decide what a sentence's candidate events are.

The sentence coder (`engine.py`) finds candidates one sentence at a time; these passes
settle each candidate against the document: its date when the narrative carries one
over, the country of its unnamed actors, the other side of a fight, its place (a host's
capital, the last meeting's venue, the dateline); then, over a sentence's events, whose
reaction is to what, one act of violence per attacker, default targets and violent
repression. They share the document's `Setting` and its `Discourse` so far.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from parley.actors.kb import ActorKB
from parley.coding.discourse import Discourse, Setting
from parley.coding.engine import UNNAMED_ROOTS, Coded, SentenceCoder
from parley.coding.rules import RuleSet
from parley.model import Actor, Document, Event, Place
from parley.ontology import lookup
from parley.where import capital_place, default_gazetteer, phrase_place, place_rules


def settle(
    coded: Coded,
    event: Event,
    setting: Setting,
    discourse: Discourse,
    coder: SentenceCoder,
    here: str,
) -> Event:
    """One candidate event settled against the document: its date, its unnamed actors'
    country, the other side of a fight and its place. `here` is the country of the
    sentence's own place."""
    if discourse.told is not None and continues(coded, event):
        event = replace(event, date=discourse.told)
    elif discourse.occasion is not None and said_during(coded, event, discourse.occasion, setting):
        event = replace(event, date=discourse.occasion.date)
    if event.code.startswith("04") and event.date is not None and event.date.text:
        discourse.occasion = event
    country = scope_country(coded, event, setting)
    if event.place is not None and not event.place.country and country:
        # "the village of Ngoshe Sama in Borno state": a small place, in Nigeria
        event = replace(event, place=replace(event.place, country=country))
    if event.root in VIOLENT_ROOTS:
        # violence with no place of its own happened where the last violence did
        country = country or discourse.violence_country
        discourse.violence_country = country or discourse.violence_country
    # "sympathies to the victims" after an attack: the people where the violence was
    victims = discourse.violence_country if any(a.sector == "CVL" for a in event.target) else ""
    event = localised(event, country or here or victims or setting.home, own=setting.own)
    if event.root in ARMED_ROOTS:
        event = fought(event, coder)
    return placed(event, setting, discourse)


def placed(event: Event, setting: Setting, discourse: Discourse) -> Event:
    """An event with no place of its own: a host's capital, else the venue of the last
    meeting its source took part in, else the dateline's place when it was made there."""
    if event.place is None:
        event = replace(event, place=hosted(event, setting.kb))
    venue = discourse.venue
    if event.place is None and venue is not None and at_venue(event, venue):
        event = replace(event, place=venue.place)
    filed_from = setting.filed_from
    made_there = filed_from is not None and there(
        event, filed_from, setting.dateline_voices, named=setting.dateline_named
    )
    if event.place is None and made_there:
        event = replace(event, place=filed_from)
    discourse.venue = meeting(event) or discourse.venue
    return met_where(event, setting.kb)


def met_where(event: Event, kb: ActorKB) -> Event:
    """ "X met Y in Istanbul": a meeting its sentence places in neither party's state is a
    meeting at a third location. (In one party's state coders keep the meeting a meeting
    unless the text speaks of a visit, which visit rules code.)"""
    codes = place_rules().meeting_places
    place = event.place
    if event.code != codes["meeting"] or place is None or not place.country:
        return event
    if place.text and place.text not in event.text:
        return event  # placed by the dateline or a venue before: the text does not say
    states = [
        {a.entity or a.country for a in side} & kb.countries.keys()
        for side in (event.source, event.target)
    ]
    if not all(states) or place.country in states[0] | states[1]:
        return event
    return replace(event, **cameo_fields(codes["third"]))


def sentence_passes(events: list[Event], setting: Setting, notes: list[str]) -> list[Event]:
    """A sentence's events decided together: reactions take the doers of what they react
    to, one act of violence per attacker, default targets and repression; an event that
    still has no target where its code needs one is dropped, with a note why."""
    rules = setting.rules
    events = one_violent_act(reported_targets(events, rules.reporting_ids))
    events = shared_counterpart(events, setting)
    events = [repression(home_target(e, setting.home, rules), rules) for e in events]
    kept = []
    for event in events:
        if not event.target and event.root not in rules.markers.target_optional:
            notes.append(f"{event.rule} on '{event.trigger}': no target resolved")
        else:
            kept.append(event)
    return kept


VIOLENT_ROOTS = frozenset({"15", "17", "18", "19", "20"})


STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})


ARMED_ROOTS = frozenset({"18", "19", "20"})


def scope_country(coded: Coded, event: Event, setting: Setting) -> str:
    """The country where a violent event happened: its place, else a place named in its
    own clause ("bombed the town of Gori", "fired rockets at Stepanakert")."""
    if event.place is not None and event.place.country:
        return event.place.country
    if event.root not in VIOLENT_ROOTS:
        return ""
    gazetteer = default_gazetteer()
    for token in coded.scope:
        if token.pos_ == "PROPN" and token.i not in setting.mentions:
            place = phrase_place(token, setting.mentions, setting.kb, gazetteer, setting.prefer)
            if place is not None and place.country:
                return place.country
    return ""


def said_during(coded: Coded, event: Event, occasion: Event, setting: Setting) -> bool:
    """ "Wang Yi on Friday held a phone conversation with Bonne. Wang said China is
    willing ...": what a party to a dated call or meeting is reported to have said, with
    no date of its own, was said then."""
    undated = event.date is None or not event.date.text
    said = not event.code.startswith(place_rules().located_codes)
    parties = {a.entity for a in occasion.source + occasion.target if a.entity}
    root = coded.anchor.sent.root
    reporting = setting.rules.markers.reporting_verbs
    reported = root.tag_ == "VBD" and root.lemma_.lower() in reporting
    return undated and said and reported and bool(parties & {a.entity for a in event.source})


def continues(coded: Coded, event: Event) -> bool:
    """An event the text gives no date, told in the past tense right after a dated one,
    happened then too ("Rebels attacked the town on Sunday. They burned the market.")."""
    undated = event.date is None or not event.date.text
    # statements and appeals are made when the text is published, whatever it narrates
    happens = event.code.startswith(place_rules().located_codes)
    return undated and happens and _past(coded.anchor)


def _past(verb: Token) -> bool:
    """ "burned", "were assaulted": a simple past, active or passive."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children
    )


def dateline_place(document: Document, prefer: frozenset[str]) -> Place | None:
    if not document.dateline:
        return None
    city = place_rules().dateline_places.get(document.dateline.lower(), document.dateline)
    return default_gazetteer().city(city, prefer=prefer)


def hosted(event: Event, kb: ActorKB) -> Place | None:
    """A state hosting with no place named hosts at home: its capital."""
    if not event.code.startswith(place_rules().hosted_codes):
        return None
    host = next((a.entity for a in event.source if a.entity in kb.countries), "")
    return capital_place(kb, default_gazetteer(), host, "") if host else None


def dateline_voices(document: Document, speaker: tuple[Actor, ...]) -> frozenset[str] | None:
    """Whose statements a dateline places: the document's voice and the dateline's state;
    everyone's, at an institution's seat ("UNITED NATIONS - Russia vetoed ...")."""
    if document.dateline and document.dateline.lower() in place_rules().institution_datelines:
        return None
    return frozenset(a.entity for a in speaker if a.entity)


def there(
    event: Event, filed_from: Place, voices: frozenset[str] | None, *, named: bool = True
) -> bool:
    """Whether an event with no place of its own happened where the report was filed
    from: a statement by the document's voice or by the dateline's state ("BEIJING -
    China firmly opposes"), or an act of that state's or against it ("WASHINGTON - US
    warplanes struck targets in Yemen" did not happen in Washington; "MOSCOW - Lavrov
    spoke by phone with Kerry" happened nowhere)."""
    rules = place_rules()
    if event.code.startswith(rules.placeless_codes):
        return False
    if not event.code.startswith(rules.located_codes):
        sources = {a.entity for a in event.source} | {a.country for a in event.source}
        seated = {org for org, city in rules.seats.items() if city == filed_from.name}
        # a wire report (no voice of its own) was filed where what it quotes was said,
        # when its text is about that city ("VIENNA - ... talks in Vienna"); London's
        # words reported from Moscow were not said in Moscow
        if voices is None or (not voices and named):
            return True
        return bool(sources & (voices | seated | {filed_from.country}))
    if event.code.startswith(rules.struck_codes):
        actors = event.target
    else:
        actors = event.source + event.target
    states = {a.entity for a in actors} | {a.country for a in actors}
    if event.code.startswith("04") and not voices and len(states - {""}) > 1:
        # "GENEVA (AP) - delegates of four countries": talks of states filed from a
        # city of none of them were held there
        return True
    return filed_from.country in states


def meeting(event: Event) -> Event | None:
    """A meeting that names its place: its parties' words that follow were said there."""
    rules = place_rules()
    if event.place is None or not event.code.startswith(rules.venue_codes):
        return None
    return event


def at_venue(event: Event, venue: Event) -> bool:
    """ "X met Y in New York City. X highlighted ...": what a party to the last meeting
    says or agrees is said there; violence and other meetings have places of their own."""
    rules = place_rules()
    if event.code.startswith(rules.located_codes) or event.code.startswith(rules.placeless_codes):
        return False
    parties = {a.entity for a in venue.source + venue.target if a.entity}
    return bool(parties & {a.entity for a in event.source})


def own_report(event: Event, accusing: frozenset[str]) -> bool:
    """A state reporting what its own army or police did ("the defence ministry said air
    force jets bombed the camps") is not accusing them."""
    if event.rule not in accusing:
        return False
    sides = {(a.entity, a.sector in STATE_FORCES) for a in event.source if a.entity}
    return bool(sides) and all((a.entity, a.sector in STATE_FORCES) in sides for a in event.target)


def fought(event: Event, coder: SentenceCoder) -> Event:
    """An attack with no target is on the other side of the last fight; one that has a
    target is the last fight."""
    if not event.target:
        return replace(event, target=coder.opponents(event.source))
    if len({a.entity for a in event.source + event.target if a.entity}) > 1:
        coder.ctx.discourse.belligerents = event.source + event.target
    return event


def own_state(speaker: tuple[Actor, ...], kb: ActorKB) -> str:
    return next((a.entity for a in speaker if a.entity in kb.countries), "")


def localised(event: Event, country: str, *, own: str = "") -> Event:
    """Unnamed actors ("gunmen", "police", "civilians") belong to the state where the
    event happened; so do the victims of violence that names none (actors.md). "The
    Government" in a state's own statement is that state's."""

    def place(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        out = []
        for a in actors:
            state = (own if a.sector == "GOV" and own else country) if not a.entity else ""
            out.append(Actor(state, a.sector, state, a.name, a.text) if state and a.sector else a)
        return tuple(out)

    if not country and not own:
        return event  # nothing to place: the engine already kept sources out of targets

    source = place(event.source)
    # once placed, an actor does not act on itself ("the Prime Minister welcomed" Britain)
    acting = {(a.entity, a.sector) for a in source}
    target = tuple(a for a in place(event.target) if (a.entity, a.sector) not in acting)
    own_forces = event.root in ARMED_ROOTS and any(
        a.entity == country and a.sector in STATE_FORCES for a in source
    )
    if country and not target and event.root in VIOLENT_ROOTS - {"15"} and not own_forces:
        # an unaimed attack hits the people where it happened; a state's own forces
        # firing at home with no one named are testing or training, not attacking
        target = (Actor(country, "CVL", country, "", ""),)
    return replace(event, source=source, target=target)


def home_target(event: Event, home: str, rules: RuleSet) -> Event:
    """A protest, a defiance or aid with no named target: the home state (home_target)."""
    defaults = rules.markers.home_target
    key = next((k for k in (event.code[:3], event.root) if k in defaults), None)
    if event.target or not home or key is None:
        return event
    if home in {a.entity for a in event.source} and not defaults[key]:
        return event
    return replace(event, target=(Actor(home, defaults[key], home, "", ""),))


def repression(event: Event, rules: RuleSet) -> Event:
    """A state's forces using violence on its own people: violent repression."""
    spec = rules.markers.repression
    if not spec or event.root not in spec["roots"]:
        return event
    forces = {a.entity for a in event.source if a.sector in spec["by"]}
    # only people the text names: the victims assumed for an unaimed attack do not count
    people = {a.entity for a in event.target if a.sector in spec["against"] and a.text}
    if not forces & people:
        return event
    return replace(event, **cameo_fields(str(spec["code"])))


def cameo_fields(code: str) -> dict[str, Any]:
    """An event's fields that the CAMEO table gives for its code."""
    entry = lookup(code)
    return {
        "code": entry.code,
        "root": entry.root,
        "name": entry.name,
        "plover": entry.plover,
        "goldstein": entry.goldstein,
        "quad_class": entry.quad_class,
    }


def one_violent_act(events: list[Event]) -> list[Event]:
    """ "fired rockets at the city, killing four": one act of violence per attacker and
    sentence, as its first verb codes it."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for event in events:
        if event.root in UNNAMED_ROOTS:
            key = entities(event.source)
            if key in seen:
                continue
            seen.add(key)
        out.append(event)
    return out


def reported_targets(events: list[Event], reporting: frozenset[str]) -> list[Event]:
    """A condemnation or welcome (a rule in `reporting`) with no target takes the doer of
    the event it reports in the same sentence ("condemns the attack in Kabul")."""
    out = []
    for event in events:
        if not event.target and event.rule in reporting:
            own = {a.entity for a in event.source}
            doers = [
                a
                for other in events
                if other is not event and other.rule not in reporting
                for a in other.source
                if a.entity and a.entity not in own
            ]
            if doers:
                event = replace(event, target=tuple(dict.fromkeys(doers)))
        out.append(event)
    return out


def shared_counterpart(events: list[Event], setting: Setting) -> list[Event]:
    """ "The UK has sanctioned the Iranian Prosecutor General, summoned the Chargé
    d'Affaires and recalled its Ambassador": acts one source lists in one sentence, in one
    modality, are done to one counterpart, so an act on envoys (`counterpart_codes`)
    naming none takes the state of the one that does."""
    markers, states = setting.rules.markers, setting.kb.countries
    out = []
    for event in events:
        own = {a.entity for a in event.source if a.entity}
        if own and not event.target and event.code.startswith(markers.counterpart_codes):
            others = [
                a
                for other in events
                if other is not event and other.modality == event.modality
                if {s.entity for s in other.source} == own
                for a in other.target
                if a.entity and a.entity not in own
            ]
            sector = markers.sector_for(event.code)
            target = [
                Actor(a.entity, sector, a.country, a.name, a.text) if a.entity in states else a
                for a in others
            ]
            event = replace(event, target=tuple(dict.fromkeys(target)))
        out.append(event)
    return out


def entities(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(sorted(a.entity for a in actors))

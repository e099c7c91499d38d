"""The stages in order: annotate, find actors, code events, attach dates and places.

`code_many` streams documents through spaCy in batches; `code` is its one-text case.
The CLI, the store, the evaluation and the server call these two and nothing deeper.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from parley import nlp as nlp_module
from parley.actors.kb import ActorKB, default_kb
from parley.actors.resolve import find_mentions, mention_index, resolve_speaker
from parley.coding.arguments import Context, titled_people
from parley.coding.engine import UNNAMED_ROOTS, Coded, SentenceCoder
from parley.coding.rules import RuleSet, default_rules
from parley.formats import named_format
from parley.model import (
    Actor,
    CodedDocument,
    Document,
    Event,
    Mention,
    NamedSpan,
    Place,
    Sentence,
    TimeSpan,
)
from parley.ontology import lookup
from parley.pledges import pledge_of
from parley.roles import participants
from parley.when import find_dates
from parley.where import capital_place, default_gazetteer, event_place, phrase_place, place_rules


def code_many(
    documents: Iterable[Document],
    *,
    kb: ActorKB | None = None,
    rules: RuleSet | None = None,
    batch_size: int = 16,
) -> Iterator[CodedDocument]:
    """Code each document, in order, annotating them in batches."""
    kb = kb or default_kb()
    rules = rules or default_rules()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp_module.annotate(pairs, batch_size=batch_size):
        sentences: list[Sentence] = []
        events = tuple(_code_doc(doc, document, kb, rules, sentences))
        yield CodedDocument(document, events, tuple(sentences))


def code(
    text: str,
    *,
    published: date | None = None,
    speaker: str | None = None,
    doc_id: str = "text",
) -> list[Event]:
    """The events of one text (read like a file: title, date line and clutter handled)."""
    from parley.read import from_text

    document = from_text(text, doc_id=doc_id, published=published)
    if speaker is not None:
        document = replace(document, speaker=speaker)
    return list(next(code_many([document])).events)


def _speaker(document: Document, kb: ActorKB, on: date | None) -> tuple[Actor, ...]:
    """The document's voice: its named speaker, else its publisher, else the official
    site it comes from."""
    nlp = nlp_module.load()
    for text in (document.speaker, document.publisher):
        if actors := resolve_speaker(text, kb=kb, nlp=nlp, on=on):
            return actors
    publisher = kb.publisher(document.url)
    return (publisher,) if publisher is not None else ()


@dataclass
class SentenceResult:
    """One sentence as the stages saw it: what `parley explain` prints."""

    number: int
    sentence: Span
    mentions: list[Mention]
    dates: list[tuple[set[int], TimeSpan]]
    events: list[Event]
    notes: list[str]


def code_sentences(
    doc: Doc, document: Document, *, kb: ActorKB, rules: RuleSet
) -> Iterator[SentenceResult]:
    """Each sentence of an annotated document with its actors, dates, events and the
    coder's notes on predicates it matched but could not make an event of."""
    on = document.published
    nlp = nlp_module.load()
    speaker = _speaker(document, kb, on)
    mentions = find_mentions(doc, kb=kb, nlp=nlp, on=on, speaker=speaker)
    index = mention_index(mentions)
    ctx = Context(
        kb=kb,
        mentions=index,
        state_entities=frozenset(kb.countries),
        speaker=speaker,
        salient=_salient(mentions, speaker),
    )
    prefer = {a.country for m in mentions for a in m.actors if a.country}
    home = _home_country(document, ctx, prefer)
    ctx.home = home
    ctx.people = titled_people(doc, ctx)
    coder = SentenceCoder(rules, ctx)
    own = _own_state(speaker, kb)
    reporting, accusing = rules.reporting_ids, rules.accusing_ids
    last_violence = ""  # the country of the last violence reported
    filed_from = _dateline_place(document, prefer)
    voices = _dateline_voices(document, speaker)
    told: TimeSpan | None = None  # the date the narrative last gave an event
    venue: Event | None = None  # the last meeting with a place: what its parties say there
    before: Span | None = None  # the sentence before, where a pledge's condition may be
    for number, sentence in enumerate(doc.sents):
        dates = _sentence_dates(sentence, on)
        events = []
        found = [
            (coded, _event(coded, document, number, sentence, dates, index, kb, prefer))
            for coded in coder.code(sentence)
        ]
        link = named_format(sentence, ctx, on)
        # the sentence's own place: "gathered outside the base in Niamey to demand ..."
        here = next((e.place.country for _, e in found if e.place and e.place.country), "")
        for coded, event in found:
            if told is not None and _continues(coded, event):
                event = replace(event, date=told)
            country = _scope_country(coded, event, index, kb, prefer)
            if event.place is not None and not event.place.country and country:
                # "the village of Ngoshe Sama in Borno state": a small place, in Nigeria
                event = replace(event, place=replace(event.place, country=country))
            if event.root in VIOLENT_ROOTS:
                # violence with no place of its own happened where the last violence did
                country = country or last_violence
                last_violence = country or last_violence
            event = _localised(event, country or here or home, own=own)
            if event.root in ARMED_ROOTS:
                event = _fought(event, coder)
            if event.place is None:
                event = replace(event, place=_hosted(event, kb))
            if event.place is None and venue is not None and _at_venue(event, venue):
                event = replace(event, place=venue.place)
            if event.place is None and filed_from is not None and _there(event, filed_from, voices):
                event = replace(event, place=filed_from)
            venue = _meeting(event) or venue
            if _own_report(event, accusing):
                continue
            event = replace(
                event,
                participants=participants(coded, event, ctx),
                format=link,
                pledge=pledge_of(event, sentence, before),
            )
            if any(a.entity for a in event.source + event.target):
                events.append(event)
            else:
                coder.notes.append(f"{coded.rule.id} on '{coded.trigger.text}': no actor resolved")
        events = _one_violent_act(_reported_targets(events, reporting))
        events = [_repression(_home_target(e, home, rules), rules) for e in events]
        for event in [e for e in events if not e.target]:
            if event.root not in rules.markers.target_optional:
                events.remove(event)
                coder.notes.append(f"{event.rule} on '{event.trigger}': no target resolved")
        told = next((e.date for e in events if e.date and e.date.text), None)
        before = sentence
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        yield SentenceResult(number, sentence, inside, dates, events, list(coder.notes))


def _code_doc(
    doc: Doc, document: Document, kb: ActorKB, rules: RuleSet, sentences: list[Sentence]
) -> Iterator[Event]:
    """The document's events, once each; its sentences are added to `sentences`."""
    seen: set[tuple] = set()
    for result in code_sentences(doc, document, kb=kb, rules=rules):
        sentences.append(_sentence(result, doc))
        for event in result.events:
            # one act restated in several sentences is one event (CONVENTIONS.md)
            key = (
                event.code[:3],
                _entities(event.source),
                _entities(event.target),
                event.date.iso() if event.date else None,
            )
            if key not in seen:
                seen.add(key)
                yield event


def _sentence(result: SentenceResult, doc: Doc) -> Sentence:
    span = result.sentence
    named = tuple(
        NamedSpan(
            doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.text, m.kind, m.actors
        )
        for m in result.mentions
    )
    return Sentence(result.number, span.start_char, span.end_char, span.text, named)


def _salient(mentions: list[Mention], speaker: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The document's most named actors other than its voice, most named first: who
    "both sides" are when the text has not yet shown two sides at once."""
    voice = {a.entity for a in speaker}
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in mentions:
        if mention.kind == "pronoun":
            continue
        for actor in mention.actors:
            if actor.entity and actor.entity not in voice:
                counts[actor.entity] += 1
                first.setdefault(actor.entity, actor)
    return tuple(first[entity] for entity, _ in counts.most_common(3))


def _home_country(document: Document, ctx: Context, prefer: set[str]) -> str:
    """The state a document reports from or about: its dateline's, else the state it
    names most (its own voice aside). Unnamed police, crowds and gunmen belong to it."""
    states = [a.entity for a in ctx.salient if a.entity in ctx.state_entities]
    if document.dateline:
        place = default_gazetteer().city(document.dateline, prefer=prefer)
        # "NEW YORK - The Secretary-General condemns the attack in Kabul": a dateline
        # the text never names again is where the report was written, not its subject
        if place is not None and (place.country in prefer or not states):
            return place.country
    return states[0] if states else ""


VIOLENT_ROOTS = frozenset({"15", "17", "18", "19", "20"})


STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})


ARMED_ROOTS = frozenset({"18", "19", "20"})


def _scope_country(
    coded: Coded, event: Event, index: dict[int, Mention], kb: ActorKB, prefer: set[str]
) -> str:
    """The country where a violent event happened: its place, else a place named in its
    own clause ("bombed the town of Gori", "fired rockets at Stepanakert")."""
    if event.place is not None and event.place.country:
        return event.place.country
    if event.root not in VIOLENT_ROOTS:
        return ""
    gazetteer = default_gazetteer()
    for token in coded.scope:
        if token.pos_ == "PROPN" and token.i not in index:
            place = phrase_place(token, index, kb, gazetteer, prefer)
            if place is not None and place.country:
                return place.country
    return ""


def _continues(coded: Coded, event: Event) -> bool:
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


def _dateline_place(document: Document, prefer: set[str]) -> Place | None:
    if not document.dateline:
        return None
    city = place_rules().dateline_places.get(document.dateline.lower(), document.dateline)
    return default_gazetteer().city(city, prefer=prefer)


def _hosted(event: Event, kb: ActorKB) -> Place | None:
    """A state hosting with no place named hosts at home: its capital."""
    if not event.code.startswith(place_rules().hosted_codes):
        return None
    host = next((a.entity for a in event.source if a.entity in kb.countries), "")
    return capital_place(kb, default_gazetteer(), host, "") if host else None


def _dateline_voices(document: Document, speaker: tuple[Actor, ...]) -> frozenset[str] | None:
    """Whose statements a dateline places: the document's voice and the dateline's state;
    everyone's, at an institution's seat ("UNITED NATIONS - Russia vetoed ...")."""
    if document.dateline and document.dateline.lower() in place_rules().dateline_places:
        return None
    return frozenset(a.entity for a in speaker if a.entity)


def _there(event: Event, filed_from: Place, voices: frozenset[str] | None) -> bool:
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
        return voices is None or bool(sources & (voices | {filed_from.country}))
    if event.code.startswith(rules.struck_codes):
        actors = event.target
    else:
        actors = event.source + event.target
    return filed_from.country in {a.entity for a in actors} | {a.country for a in actors}


def _meeting(event: Event) -> Event | None:
    """A meeting that names its place: its parties' words that follow were said there."""
    rules = place_rules()
    if event.place is None or not event.code.startswith(rules.venue_codes):
        return None
    return event


def _at_venue(event: Event, venue: Event) -> bool:
    """ "X met Y in New York City. X highlighted ...": what a party to the last meeting
    says or agrees is said there; violence and other meetings have places of their own."""
    rules = place_rules()
    if event.code.startswith(rules.located_codes) or event.code.startswith(rules.placeless_codes):
        return False
    parties = {a.entity for a in venue.source + venue.target if a.entity}
    return bool(parties & {a.entity for a in event.source})


def _own_report(event: Event, accusing: frozenset[str]) -> bool:
    """A state reporting what its own army or police did ("the defence ministry said air
    force jets bombed the camps") is not accusing them."""
    if event.rule not in accusing:
        return False
    sides = {(a.entity, a.sector in STATE_FORCES) for a in event.source if a.entity}
    return bool(sides) and all((a.entity, a.sector in STATE_FORCES) in sides for a in event.target)


def _fought(event: Event, coder: SentenceCoder) -> Event:
    """An attack with no target is on the other side of the last fight; one that has a
    target is the last fight."""
    if not event.target:
        return replace(event, target=coder.opponents(event.source))
    if len({a.entity for a in event.source + event.target if a.entity}) > 1:
        coder.ctx.belligerents = event.source + event.target
    return event


def _own_state(speaker: tuple[Actor, ...], kb: ActorKB) -> str:
    return next((a.entity for a in speaker if a.entity in kb.countries), "")


def _localised(event: Event, country: str, *, own: str = "") -> Event:
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


def _home_target(event: Event, home: str, rules: RuleSet) -> Event:
    """A protest, a defiance or aid with no named target: the home state (home_target)."""
    defaults = rules.markers.home_target
    key = next((k for k in (event.code[:3], event.root) if k in defaults), None)
    if event.target or not home or key is None:
        return event
    if home in {a.entity for a in event.source} and not defaults[key]:
        return event
    return replace(event, target=(Actor(home, defaults[key], home, "", ""),))


def _repression(event: Event, rules: RuleSet) -> Event:
    """A state's forces using violence on its own people: violent repression."""
    spec = rules.markers.repression
    if not spec or event.root not in spec["roots"]:
        return event
    forces = {a.entity for a in event.source if a.sector in spec["by"]}
    # only people the text names: the victims assumed for an unaimed attack do not count
    people = {a.entity for a in event.target if a.sector in spec["against"] and a.text}
    if not forces & people:
        return event
    return replace(event, **_cameo_fields(str(spec["code"])))


def _cameo_fields(code: str) -> dict[str, Any]:
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


def _one_violent_act(events: list[Event]) -> list[Event]:
    """ "fired rockets at the city, killing four": one act of violence per attacker and
    sentence, as its first verb codes it."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for event in events:
        if event.root in UNNAMED_ROOTS:
            key = _entities(event.source)
            if key in seen:
                continue
            seen.add(key)
        out.append(event)
    return out


def _reported_targets(events: list[Event], reporting: frozenset[str]) -> list[Event]:
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


def _entities(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(sorted(a.entity for a in actors))


def _sentence_dates(sentence: Span, on: date | None) -> list[tuple[set[int], TimeSpan]]:
    """Each date expression of the sentence with the token indices it covers."""
    if on is None:
        on = date.today()
    found = []
    for item in find_dates(sentence.text, anchor=on):
        span = sentence.char_span(item.start, item.end, alignment_mode="expand")
        if span is not None:
            found.append(({t.i for t in span}, item.span))
    return found


def _event_date(
    coded: Coded, dates: list[tuple[set[int], TimeSpan]], published: date | None
) -> TimeSpan | None:
    """The date expression nearest the predicate in its own clause, else the first one of
    the sentence outside the predicate's phrase, else the publication date."""
    order = {t.i: n for n, t in enumerate(coded.scope)}
    own = [
        (min(order[i] for i in tokens & order.keys()), span)
        for tokens, span in dates
        if tokens & order.keys()
    ]
    if own:
        return min(own, key=lambda pair: pair[0])[1]
    below = {t.i for t in coded.trigger.subtree}  # left out of the scope on purpose
    outside = [span for tokens, span in dates if not tokens & below]
    if outside:
        return outside[0]
    return TimeSpan(published, published, "day", "") if published else None


def _event(
    coded: Coded,
    document: Document,
    number: int,
    sentence: Span,
    dates: list[tuple[set[int], TimeSpan]],
    index: dict,
    kb: ActorKB,
    prefer: set[str],
) -> Event:
    start = sentence.start_char
    key = f"{document.id}|{number}|{coded.trigger.i}|{coded.rule.id}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        doc_id=document.id,
        sentence=number,
        start_char=start,
        end_char=sentence.end_char,
        text=sentence.text.strip(),
        **_cameo_fields(coded.code),
        source=tuple(coded.source),
        target=tuple(coded.target),
        symmetric=coded.symmetric,
        date=_event_date(coded, dates, document.published),
        place=event_place(
            coded.trigger,
            coded.anchor,
            code=coded.code,
            scope=coded.scope,
            mentions=index,
            kb=kb,
            prefer=prefer,
        ),
        modality=coded.modality,
        rule=coded.rule.id,
        trigger=coded.trigger.text,
    )

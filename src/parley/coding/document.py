"""A document's sentences coded in order: its voice and actors found, each sentence's
candidates built by the sentence coder and decided by the document-level passes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span

from parley import nlp as nlp_module
from parley.actors.kb import ActorKB
from parley.actors.resolve import find_mentions, mention_index, resolve_speaker
from parley.coding.arguments import Context, titled_offices, titled_people
from parley.coding.discourse import Discourse, Setting
from parley.coding.engine import SentenceCoder
from parley.coding.events import candidate_event, sentence_dates
from parley.coding.passes import (
    dateline_place,
    dateline_voices,
    own_report,
    own_state,
    sentence_passes,
    settle,
)
from parley.coding.rules import RuleSet
from parley.formats import named_format
from parley.model import Actor, Document, Event, Mention, TimeSpan
from parley.pledges import pledge_of
from parley.roles import participants
from parley.where import default_gazetteer


def voice(document: Document, kb: ActorKB, on: date | None) -> tuple[Actor, ...]:
    """The document's voice: its named speaker, else its publisher, else the official
    site it comes from."""
    nlp = nlp_module.load()
    for text in (document.speaker, document.publisher):
        if actors := resolve_speaker(text, kb=kb, nlp=nlp, on=on):
            return actors
    publisher = kb.publisher(document.url)
    return (publisher,) if publisher is not None else ()


@dataclass
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
    speaker = voice(document, kb, on)
    mentions = find_mentions(doc, kb=kb, nlp=nlp_module.load(), on=on, speaker=speaker)
    index = mention_index(mentions)
    discourse = Discourse()
    ctx = Context(
        kb=kb,
        mentions=index,
        state_entities=frozenset(kb.countries),
        speaker=speaker,
        salient=_salient(mentions, speaker),
        discourse=discourse,
    )
    prefer = frozenset(a.country for m in mentions for a in m.actors if a.country)
    ctx.home = _home_country(document, ctx, prefer)
    ctx.people = titled_people(doc, ctx)
    ctx.offices = titled_offices(doc, ctx)
    setting = Setting(
        document=document,
        kb=kb,
        rules=rules,
        mentions=index,
        speaker=speaker,
        prefer=prefer,
        home=ctx.home,
        own=own_state(speaker, kb),
        filed_from=dateline_place(document, prefer),
        dateline_voices=dateline_voices(document, speaker),
        dateline_named=_names_dateline(document),
    )
    coder = SentenceCoder(rules, ctx)
    documents = rules.markers.dated_documents
    for number, sentence in enumerate(doc.sents):
        dates = sentence_dates(sentence, on)
        found = [
            (
                coded,
                candidate_event(
                    coded, document, number, sentence, dates, index, kb, prefer, documents
                ),
            )
            for coded in coder.code(sentence)
        ]
        events = _decided(found, sentence, setting, discourse, coder, ctx)
        events = sentence_passes(events, setting, coder.notes)
        discourse.told = next((e.date for e in events if e.date and e.date.text), None)
        discourse.before = sentence
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        yield SentenceResult(number, sentence, inside, dates, events, list(coder.notes))


def _decided(
    found: list,
    sentence: Span,
    setting: Setting,
    discourse: Discourse,
    coder: SentenceCoder,
    ctx: Context,
) -> list[Event]:
    """The sentence's candidates settled one by one; those naming no actor dropped."""
    link = named_format(sentence, ctx, setting.document.published)
    # the sentence's own place: "gathered outside the base in Niamey to demand ..."
    here = next((e.place.country for _, e in found if e.place and e.place.country), "")
    events = []
    for coded, candidate in found:
        event = settle(coded, candidate, setting, discourse, coder, here)
        if own_report(event, setting.rules.accusing_ids):
            continue
        event = replace(
            event,
            participants=participants(coded, event, ctx),
            format=link,
            pledge=pledge_of(event, sentence, discourse.before),
        )
        if any(a.entity for a in event.source + event.target):
            events.append(event)
        else:
            coder.notes.append(f"{coded.rule.id} on '{coded.trigger.text}': no actor resolved")
    return events


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


def _home_country(document: Document, ctx: Context, prefer: frozenset[str]) -> str:
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


def _names_dateline(document: Document) -> bool:
    """Whether the text itself names the city its dateline gives."""
    return bool(document.dateline) and document.dateline.lower() in document.text.lower()

"""A coded candidate as an Event record: its CAMEO fields, its date (the date expression
nearest its predicate, else the publication date) and the place its clause names."""

from __future__ import annotations

import hashlib
from datetime import date

from spacy.tokens import Span

from parley.actors.kb import ActorKB
from parley.coding.engine import Coded
from parley.coding.passes import cameo_fields
from parley.model import Document, Event, Place, TimeSpan
from parley.when import find_dates
from parley.where import event_place


def sentence_dates(sentence: Span, on: date | None) -> list[tuple[set[int], TimeSpan]]:
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
    coded: Coded,
    dates: list[tuple[set[int], TimeSpan]],
    published: date | None,
    documents: frozenset[str] = frozenset(),
) -> TimeSpan | None:
    """The date expression nearest the predicate in its own clause, else the first one of
    the sentence outside the predicate's phrase, else the publication date."""
    dates = [(t, span) for t, span in dates if not _names_another_text(coded, t, documents)]
    order = {t.i: n for n, t in enumerate(coded.scope)}
    own = [
        (min(order[i] for i in tokens & order.keys()), span)
        for tokens, span in dates
        if tokens & order.keys()
    ]
    below = {t.i for t in coded.trigger.subtree}  # left out of the scope on purpose
    outside = [span for tokens, span in dates if not tokens & below]
    if coded.modality == "intended" and published is not None:
        # "agreed Friday to hold talks on June 14": an intention dates from when it was
        # expressed; the day it names is the plan's
        own = [(n, span) for n, span in own if span.start <= published]
        outside = [span for span in outside if span.start <= published]
    if own:
        return min(own, key=lambda pair: pair[0])[1]
    if outside:
        return outside[0]
    return TimeSpan(published, published, "day", "") if published else None


def _names_another_text(coded: Coded, tokens: set[int], documents: frozenset[str]) -> bool:
    """ "the Vienna Convention ... of April 18, 1961": a date that names a text other than
    the event's own trigger dates that text, not the event."""
    doc = coded.trigger.doc
    for i in tokens:
        word = doc[i]
        if word.dep_ != "pobj" or word.head.lower_ != "of":
            continue
        # up through the name: "Convention on Diplomatic Relations of April 18, 1961"
        named = word.head.head
        for _ in range(4):
            if named.i == coded.trigger.i or named.pos_ not in ("NOUN", "PROPN", "ADP"):
                break
            if named.lemma_.lower() in documents or named.lower_ in documents:
                return True
            named = named.head
    return False


def candidate_event(
    coded: Coded,
    document: Document,
    number: int,
    sentence: Span,
    dates: list[tuple[set[int], TimeSpan]],
    index: dict,
    kb: ActorKB,
    prefer: frozenset[str],
    documents: frozenset[str] = frozenset(),
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
        **cameo_fields(coded.code),
        source=tuple(coded.source),
        target=tuple(coded.target),
        symmetric=coded.symmetric,
        date=_event_date(coded, dates, document.published, documents),
        place=_place(coded, index, kb, prefer),
        modality=coded.modality,
        rule=coded.rule.id,
        trigger=coded.trigger.text,
    )


def _place(coded: Coded, index: dict, kb: ActorKB, prefer: frozenset[str]) -> Place | None:
    """Where its clause places the event. An intention happens where it is expressed,
    so "will meet in Moscow next week" names the planned venue, not the event's place
    (annotation conventions); the document's passes place it where it was said."""
    if coded.modality == "intended":
        return None
    return event_place(
        coded.trigger,
        coded.anchor,
        code=coded.code,
        scope=coded.scope,
        mentions=index,
        kb=kb,
        prefer=prefer,
    )

"""`parley explain`: each sentence with its actors, dates, events and the rules behind
them, and for a sentence that looks like an interaction but gave no event, why."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from parley import nlp as nlp_module
from parley.actors.kb import default_kb
from parley.coding.document import SentenceResult, code_sentences
from parley.coding.rules import default_rules
from parley.model import Document, Event

INTERACTION_POS = frozenset({"VERB"})


def explain(document: Document) -> Iterator[str]:
    """Lines of text describing how each sentence of `document` was coded."""
    doc = nlp_module.load()(document.text)
    speaker = document.speaker or document.publisher or document.url or "none"
    yield f"document {document.id}: published {document.published or 'unknown'}, voice {speaker}"
    for result in code_sentences(doc, document, kb=default_kb(), rules=default_rules()):
        yield from _sentence(result)


def _actor_text(codes: list[str]) -> str:
    return ", ".join(codes) or "-"


def _event_line(event: Event) -> str:
    source = _actor_text([a.code or f"“{a.text}”" for a in event.source])
    target = _actor_text([a.code or f"“{a.text}”" for a in event.target])
    when = event.date.iso() if event.date else "undated"
    where = f" at {event.place.name}" if event.place else ""
    return (
        f"  event {event.code} {event.name}: {source} -> {target}, {when}{where}, "
        f"{event.modality}  [rule {event.rule} on '{event.trigger}']"
    )


def _sentence(result: SentenceResult) -> Iterator[str]:
    yield ""
    yield f"[{result.number}] {' '.join(result.sentence.text.split())}"
    for mention in result.mentions:
        codes = ", ".join(a.code or "?" for a in mention.actors)
        yield f"  actor '{mention.text}' -> {codes} ({mention.kind})"
    for _, span in result.dates:
        yield f"  date '{span.text}' -> {span.iso()} ({span.precision})"
    for event in result.events:
        yield _event_line(event)
    for note in result.notes:
        yield f"  not coded: {note}"
    if not result.events and not result.notes and _looks_like_interaction(result):
        verbs = [t.lemma_ for t in result.sentence if t.pos_ in INTERACTION_POS]
        yield (
            f"  not coded: {len(result.mentions)} actors but no rule for its predicates "
            f"({', '.join(verbs) or 'no verb'})"
        )


def _looks_like_interaction(result: SentenceResult) -> bool:
    entities = {a.entity for m in result.mentions for a in m.actors if a.entity}
    has_verb = any(t.pos_ in INTERACTION_POS for t in result.sentence)
    return bool(entities) and has_verb and (len(entities) > 1 or _has_object(result.sentence))


def _has_object(sentence: Span) -> bool:
    return any(t.dep_ in ("dobj", "pobj") for t in sentence)

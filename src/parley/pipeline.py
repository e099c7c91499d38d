"""The stages in order: read, annotate, find actors, code and decide events, attach
dates and places (coding/document.py runs the last three sentence by sentence).

`code_many` streams documents through spaCy in batches; `code` is its one-text case.
The CLI, the store, the evaluation and the server call these two and nothing deeper.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from parley import nlp as nlp_module
from parley.actors.kb import ActorKB, default_kb
from parley.coding.document import SentenceResult, code_sentences
from parley.coding.passes import entities
from parley.coding.rules import RuleSet, default_rules
from parley.model import CodedDocument, Document, Event, NamedSpan, Sentence


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
                entities(event.source),
                entities(event.target),
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

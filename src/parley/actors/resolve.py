"""Find the spans of an annotated text that name actors, and resolve them.

Names come from the knowledge base through two phrase matchers: acronyms match by exact
spelling ("US" but never "us"), everything else case-insensitively. "We", "us" and "our"
resolve to the document's speaker.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from parley.actors.kb import ActorKB, Entry, normalise
from parley.model import Actor, Mention

# "I urge" in a minister's statement is the minister, as "we" is their government.
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my"})
# When one alias names several things, the most specific wins.
KIND_ORDER = ("person", "org", "collective", "metonym", "country", "capital", "adjective")
# "North and South Korea", "East or West Germany": the first conjunct shares the name's head.
ELIDING = frozenset({"and", "or", "&"})
# Letters of an abbreviation written with dots: "u.s.", "u.k."
DOTTED_LETTER = re.compile(r"\b[a-z]\.(?:[a-z]\.)+")


class ActorMatcher:
    def __init__(self, kb: ActorKB, nlp: Language) -> None:
        self.kb = kb
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for alias, _entries in kb.alias_items():
            if not alias:
                continue
            patterns = [nlp.make_doc(alias)]
            if alias == alias.casefold():
                # "u.s. agency ..." splits where "U.S. Agency ..." keeps "U.S." whole
                dotted = DOTTED_LETTER.sub(lambda m: m.group(0).upper(), alias)
                # "st. vincent" splits "st" from its dot where "St. Vincent" keeps "St."
                for variant in {dotted, alias.title()} - {alias}:
                    patterns.append(nlp.make_doc(variant))
                self.folded.add(alias, patterns)
            else:
                self.exact.add(alias, patterns)
        self.make_doc = nlp.make_doc

    def spans(self, doc: Doc) -> list[tuple[Span, str]]:
        """Each longest name in `doc` with the alias it matched."""
        vocab = doc.vocab.strings
        found = [
            Span(doc, s, e, label=vocab[key]) for key, s, e in [*self.exact(doc), *self.folded(doc)]
        ]
        return [(s, s.label_) for s in filter_spans(found) if _is_name_use(s)]


def _is_name_use(span: Span) -> bool:
    """Reject lower-case common words that happen to spell an alias ("is" for IS)."""
    text = span.text
    return not (len(span) == 1 and text.islower() and span[0].pos_ not in ("PROPN", "ADJ"))


@lru_cache(maxsize=4)
def matcher_for(kb: ActorKB, nlp: Language) -> ActorMatcher:
    return ActorMatcher(kb, nlp)


def best_entry(entries: set[Entry], kb: ActorKB | None = None, on: date | None = None) -> Entry:
    """The entry an alias stands for: by kind, then, among people who share a name
    ("Santos"), the one in office on the date."""

    def out_of_office(entry: Entry) -> bool:
        if kb is None or on is None or entry.kind != "person":
            return False
        return not kb.office(entry.key, on=on).held_on(on)

    return min(entries, key=lambda e: (KIND_ORDER.index(e.kind), out_of_office(e), e.key))


def find_mentions(
    doc: Doc,
    *,
    kb: ActorKB,
    nlp: Language,
    on: date | None,
    speaker: tuple[Actor, ...] = (),
) -> list[Mention]:
    """Every actor mention in `doc`, in text order."""
    mentions = []
    for span, alias in matcher_for(kb, nlp).spans(doc):
        entry = best_entry(kb.aliases[alias], kb, on)
        if entry.kind == "person" and _another_given_name(span, entry.key, kb):
            continue
        actors = kb.actors(entry, on=on, text=span.text)
        if entry.kind == "person" and _titled(span, kb):
            actors = tuple(_in_office(a, entry.key, kb, on) for a in actors)
        mentions.append(Mention(span.start, span.end, span.text, actors, entry.kind))
    mentions.extend(_elided_mentions(doc, mentions, kb=kb, on=on))
    mentions.extend(_surname_mentions(doc, mentions, kb=kb, on=on))
    if speaker:
        for token in doc:
            if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":
                voiced = tuple(
                    Actor(a.entity, a.sector, a.country, a.name, token.text) for a in speaker
                )
                mentions.append(Mention(token.i, token.i + 1, token.text, voiced, "pronoun"))
    return sorted(mentions, key=lambda m: m.start)


def _another_given_name(span: Span, person: str, kb: ActorKB) -> bool:
    """ "John Harper" is not Stephen Harper: a surname alias after a given name that
    cannot be the known person's own. Initials are passed over ("Michael R. Pompeo"), a
    given name of the same first letter is taken for a variant ("Sergei", "Mike"), and
    a title keeps the alias ("Prime Minister Harper")."""
    if len(span) != 1:
        return False
    i = span.start - 1
    while i >= 0 and _initial(span.doc[i]):
        i -= 1
    if i < 0:
        return False
    before = span.doc[i]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or _is_title(before, kb):
        return False
    if before.ent_type_ != "PERSON" and before.dep_ != "compound":
        return False
    return _first_letter(before.text) != _first_letter(person)


def _first_letter(name: str) -> str:
    return unicodedata.normalize("NFKD", name)[:1].casefold()


def _initial(token) -> bool:  # noqa: ANN001 - a spaCy Token
    text = token.text
    return len(text) <= 2 and text[:1].isupper() and text.endswith(".")


def _elided_mentions(
    doc: Doc, mentions: list[Mention], *, kb: ActorKB, on: date | None
) -> list[Mention]:
    """ "North and South Korea", "North and South Korean officials": a word coordinated
    before a name of two or more words shares that name's head, when the two together
    are a name the knowledge base knows."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for mention in mentions:
        if mention.end - mention.start < 2 or mention.start < 2:
            continue
        word, joiner = doc[mention.start - 2], doc[mention.start - 1]
        if joiner.lower_ not in ELIDING or word.i in covered or not word.text[:1].isupper():
            continue
        if word.lower_ == doc[mention.start].lower_:
            continue  # "the President and President Erdogan": two people, nothing elided
        rest = doc[mention.start + 1 : mention.end].text
        entries = kb.aliases.get(normalise(f"{word.text} {rest}"))
        if entries:
            entry = best_entry(entries, kb, on)
            actors = kb.actors(entry, on=on, text=word.text)
            out.append(Mention(word.i, word.i + 1, word.text, actors, entry.kind))
    return out


def _surname_mentions(
    doc: Doc, mentions: list[Mention], *, kb: ActorKB, on: date | None
) -> list[Mention]:
    """Bare surnames the aliases leave out ("Kerry", "Mr Lavrov"): the person named in
    full earlier in the text, else after a title ("Secretary Kerry") the one person of
    that surname in office on the document's date."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    named: dict[str, Actor] = {}
    out = []
    people = {m.start: m for m in mentions if m.kind == "person"}
    # only proper nouns and the starts of named people matter: no Token for every word
    proper = {t.i for t in proper_nouns(doc)}
    for token in (doc[i] for i in sorted(proper | people.keys())):
        if token.i in people:
            named[people[token.i].text.split()[-1].casefold()] = people[token.i].actors[0]
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.ent_type_ in ("DATE", "TIME"):  # "in May" is not Theresa May
            continue
        key = token.lower_
        actor = named.get(key)
        if actor is None and token.i > 0 and _is_title(doc[token.i - 1], kb):
            person = kb.in_office(key, on=on)
            if person is not None:
                actor = kb.actor(Entry("person", person), on=on, text=token.text)
        if actor is not None:
            out.append(Mention(token.i, token.i + 1, token.text, (actor,), "person"))
    return out


def proper_nouns(doc: Doc) -> list[Token]:
    """The proper nouns of a document, without making a Token of every word."""
    return [doc[int(i)] for i in numpy.flatnonzero(doc.to_array("POS") == PROPN)]


def _titled(span: Span, kb: ActorKB) -> bool:
    """ "President Trump", "Prime Minister Sheikh Hasina": the text gives the office."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return _is_title(span[0], kb) or (before is not None and _is_title(before, kb))


def _in_office(actor: Actor, person: str, kb: ActorKB, on: date | None) -> Actor:
    """A person the text names by office acts in it, whatever the date says: a report of
    "President Trump called" after his term tells of when he was president."""
    sector = kb.office(person, on=on).sector
    return Actor(actor.entity, sector, actor.country, actor.name, actor.text)


def _is_title(token, kb: ActorKB) -> bool:  # noqa: ANN001 - a spaCy Token
    group = kb.groups.get(token.lower_.rstrip(".")) or kb.groups.get(token.lemma_.lower())
    return group is not None and group.kind in ("title", "honorific")


def resolve_speaker(
    text: str | None, *, kb: ActorKB, nlp: Language, on: date | None
) -> tuple[Actor, ...]:
    """The actor a byline or title names ("Sergey Lavrov", "the Russian Foreign Ministry").

    A person wins over a state named beside them; a state adjective with an office word
    ("the Russian Foreign Ministry") is that state's government.
    """
    if not text:
        return ()
    doc = nlp.make_doc(text)
    spans = matcher_for(kb, nlp).spans(doc)
    if not spans:
        return ()
    entry = min(
        (best_entry(kb.aliases[alias], kb, on) for _, alias in spans),
        key=lambda e: KIND_ORDER.index(e.kind),
    )
    actor = kb.actors(entry, on=on, text=text)[0]
    if entry.kind in ("country", "adjective", "capital", "metonym"):
        actor = Actor(actor.entity, "GOV", actor.country, actor.name, text)
    return (actor,)


def mention_index(mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention covering it."""
    return {i: m for m in mentions for i in range(m.start, m.end)}


__all__ = [
    "ActorMatcher",
    "find_mentions",
    "mention_index",
    "normalise",
    "proper_nouns",
    "resolve_speaker",
]

"""How much of a corpus's prose the lexicon covers, without gold: the predicates that
link two resolved actors, and which of them no rule codes and no list marks as not an
event (`data/nonevents.yaml`). The unknown ones, most frequent first, are where the
lexicon should grow."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from parley import nlp as nlp_module
from parley.actors.kb import default_kb
from parley.coding.document import SentenceResult, code_sentences
from parley.coding.matching import match_rules
from parley.coding.rules import RuleSet, default_rules
from parley.datafiles import data_path, read_yaml
from parley.errors import DataFileError
from parley.model import Document

SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
# The parts of a predicate that name who it is done to; clauses below it are their own.
OBJECTS = frozenset({"dobj", "dative", "prep", "pobj", "attr", "oprd"})
CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})


@dataclass
class Coverage:
    """Predicates linking two actors, by what the coder makes of them."""

    coded: Counter[str] = field(default_factory=Counter)
    not_events: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    @property
    def candidates(self) -> int:
        return sum(self.coded.values()) + sum(self.not_events.values()) + self.unknown.total()

    @property
    def unknown_share(self) -> float:
        return self.unknown.total() / self.candidates if self.candidates else 0.0


@lru_cache(maxsize=1)
def non_events() -> frozenset[str]:
    path = data_path("nonevents.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise DataFileError(str(path), ["1: expected lists of lemmas under group names"])
    return frozenset(str(lemma) for lemmas in raw.values() for lemma in lemmas)


def coverage(documents: Iterable[Document]) -> Coverage:
    """Code each document and sort the predicates that link two actors."""
    kb, rules = default_kb(), default_rules()
    report = Coverage()
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp_module.annotate(pairs):
        for result in code_sentences(doc, document, kb=kb, rules=rules):
            _count(result, rules, report)
    return report


def _count(result: SentenceResult, rules: RuleSet, report: Coverage) -> None:
    owner = {i: m for m in result.mentions for i in range(m.start, m.end)}
    triggers = {e.trigger for e in result.events}
    for verb in (t for t in result.sentence if t.pos_ == "VERB"):
        if not _links_two_actors(verb, owner):
            continue
        lemma = verb.lemma_.lower()
        if _coded(verb, rules, triggers):
            report.coded[lemma] += 1
        elif lemma in non_events():
            report.not_events[lemma] += 1
        else:
            report.unknown[lemma] += 1
            report.examples.setdefault(lemma, " ".join(result.sentence.text.split())[:160])


def _coded(verb: Token, rules: RuleSet, triggers: set[str]) -> bool:
    """A rule knows the verb, or a noun it carries ("held talks", "voiced concern")."""
    if match_rules(verb, rules) or verb.text in triggers:
        return True
    if verb.dep_ in ("acl", "relcl") and match_rules(verb.head, rules):
        return True  # "the agreement signed by Sudan and Chad"
    return any(match_rules(c, rules) for c in verb.children if c.dep_ in ("dobj", "prep"))


def _links_two_actors(verb: Token, owner: dict) -> bool:
    """Whether the verb's subject names an actor and its objects name another."""
    subject = _entities(verb, SUBJECTS, owner)
    objects = _entities(verb, OBJECTS, owner)
    return bool(subject) and bool(objects - subject)


def _entities(verb: Token, deps: frozenset[str], owner: dict) -> set[str]:
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        for token in _phrase(child):
            mention = owner.get(token.i)
            if mention is not None:
                found.update(a.entity for a in mention.actors if a.entity)
    return found


def _phrase(token: Token) -> list[Token]:
    """A phrase without the clauses inside it."""
    out, queue = [], [token]
    while queue:
        current = queue.pop()
        out.append(current)
        queue.extend(c for c in current.children if c.dep_ not in CLAUSES)
    return out


def lines(report: Coverage, top: int = 40) -> list[str]:
    """The report as text: the shares, then the unknown predicates by frequency."""
    total = report.candidates
    out = [
        f"predicates linking two actors: {total}",
        f"coded by a rule: {sum(report.coded.values())}",
        f"not events (nonevents.yaml): {sum(report.not_events.values())}",
        f"unknown: {report.unknown.total()} ({report.unknown_share:.1%})",
    ]
    for lemma, n in report.unknown.most_common(top):
        out.append(f"{n:5d}  {lemma:<16} {report.examples[lemma]}")
    return out


__all__ = ["Coverage", "coverage", "lines", "non_events"]

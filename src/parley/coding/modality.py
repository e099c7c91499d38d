"""Modality from the parse: negated, intended, appeal, hypothetical or asserted.

The markers (data/modality.yaml) are looked for on the predicate and on the words that
govern it through complements ("are committed to promoting", "will be prepared to
provide"); a new clause ("said that ...") ends the search, so a report keeps its own voice.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.coding.rules import Markers

REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})


CHAIN_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "dobj", "pobj", "attr", "acl", "oprd"})


def governing_chain(token: Token, *, stop: frozenset[int] = frozenset()) -> list[Token]:
    """The predicate and the words above it while they are its complements, up to (not
    including) a word in `stop`: another event's predicate keeps its own modality."""
    chain = [token]
    current = token
    while current.dep_ in CHAIN_DEPS and current.head.i != current.i:
        current = current.head
        if current.i in stop:
            break
        chain.append(current)
    return chain


def _words(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def disposes(word: Token, markers: Markers) -> bool:
    """Whether a word states a readiness ("ready", "committed", "open"): "is open for
    cooperation", where the parser hangs "for" on "is", not "open"."""
    return bool(_words(word) & (markers.intent_governors | markers.intent_adjectives))


def modality_of(
    token: Token, markers: Markers, *, own: str | None = None, stop: frozenset[int] = frozenset()
) -> str:
    """The modality of the event whose predicate (or support verb) is `token`."""
    chain = governing_chain(token, stop=stop)
    for word in chain:
        if any(
            c.dep_ == "neg" or c.lower_ in markers.negation_dependents
            for c in word.children
            if c.dep_ in ("neg", "det", "advmod")
        ):
            return "negated"
        if word.i != token.i and _words(word) & markers.negation_governors:
            return "negated"
    if own:
        return own
    for word in chain:
        if word.i != token.i and _words(word) & markers.appeal_governors:
            return "appeal"
    for word in chain:
        aux = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
        if aux & markers.intent_auxiliaries:
            return "intended"
        governs = word.i != token.i and (
            _words(word) & markers.intent_governors
            or (word.pos_ == "ADJ" and _words(word) & markers.intent_adjectives)
            or any(disposes(c, markers) for c in word.children if c.dep_ == "acomp")
        )
        if governs and not _binds_another(word, chain):
            return "intended"
        if "would" in aux and _reported(chain[-1], markers):
            return "intended"  # "said it would release him": the future of a report
        if aux & markers.hypothetical_auxiliaries:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in markers.hypothetical_marks for c in word.children):
            return "hypothetical"
        if word.i != token.i and _words(word) & markers.hypothetical_governors:
            return "hypothetical"
    return "asserted"


def _binds_another(governor: Token, chain: list[Token]) -> bool:
    """ "a declaration that commits both armies to a ceasefire": a governor with an object
    of its own binds that object, it is not its subject's intention; the ceasefire is
    declared."""
    inside = {t.i for t in chain}
    return any(
        c.dep_ == "dobj" and c.i not in inside and c.lower_ not in REFLEXIVES
        for c in governor.children
    )


def _reported(top: Token, markers: Markers) -> bool:
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in markers.reporting_verbs


def intended_code(code: str, markers: Markers) -> str:
    """The 03x code of an intended event: the most specific entry of intent_codes."""
    for key in (code, code[:3], code[:2]):
        if key in markers.intent_codes:
            return markers.intent_codes[key]
    return code


def done_by_deciding(token: Token, code: str, markers: Markers) -> bool:
    """ "has decided to establish diplomatic relations": a decision that does what it
    decides, for the codes where deciding is doing (recognition), and not a future one."""
    if code not in markers.decided_acts:
        return False
    chain = governing_chain(token)
    if any(
        {c.lower_ for c in w.children if c.dep_ == "aux"} & markers.intent_auxiliaries
        for w in chain
    ):
        return False
    return any(w.i != token.i and _words(w) & markers.decision_governors for w in chain)

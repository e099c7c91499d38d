"""Matching pattern rules on the dependency parse: which word is a predicate of which
rule, and the parse relations the engine reads its arguments from."""

from __future__ import annotations

from spacy.tokens import Token

from parley.coding.rules import Rule, RuleSet

CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis"})


CLAUSE_OWNING_ROOTS = frozenset({"02", "10", "13"})


ASKED_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl"})


HOST_PREPS = frozenset({"in", "at"})


DEFINITE = frozenset({"the", "this", "these", "those", "that", "such"})


STATIVE_VERBS = frozenset({"be", "remain", "seem", "appear", "become", "stay"})


QUANTITY_NOUNS = frozenset(
    {
        "hour",
        "day",
        "week",
        "month",
        "year",
        "round",
        "series",
        "number",
        "lot",
        "couple",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "wave",
        "spate",
    }
)


# Nouns that carry another noun's act to its verb: "sent messages of condolence",
# "conveyed words of support", "delivered a letter of protest".
CARRIER_NOUNS = frozenset(
    {"message", "letter", "note", "expression", "word", "gesture", "statement", "declaration"}
)
CARRIER_VERBS = frozenset(
    {"send", "deliver", "convey", "hand", "address", "transmit", "extend", "pass", "dispatch"}
)


def asks(rule: Rule) -> bool:
    """An appeal, a demand or a threat: whom it addresses may be the subject of the
    clause it asks for or threatens."""
    return rule.modality == "appeal" or rule.code[:2] in CLAUSE_OWNING_ROOTS


def owns_clause(rule: Rule) -> bool:
    """What an appeal, demand or threat asks for, or a denial denies, is not an event."""
    return asks(rule) or rule.code == "016"


def is_definite_reference(noun: Token) -> bool:
    """ "the attack", "these killings", or a bare plural ("attacks on peacekeepers are
    war crimes"): not a new event once violence has been reported."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if not dets:
        return noun.tag_ in ("NNS", "NNPS")
    return any(c.lower_ in DEFINITE for c in dets)


def is_stative(clause: Token) -> bool:
    """A clause that describes a state: a copula or a verb like "remain", "seem"."""
    return clause.lemma_.lower() in STATIVE_VERBS or any(
        c.dep_ in ("acomp", "attr") for c in clause.children
    )


def asked_clauses(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ASKED_DEPS | {"xcomp"}]


def predicate_kind(token: Token) -> str | None:
    if token.pos_ == "VERB" and token.dep_ == "pobj" and token.tag_ == "VB":
        return "noun"  # "open to dialogue": a preposition's object is a noun, whatever its tag
    if token.pos_ == "VERB":
        if token.tag_ == "VBN" and token.dep_ in ("acomp", "amod"):
            return "adjective"
        return "verb"
    if token.pos_ == "AUX" and token.dep_ in ("ROOT", "ccomp", "conj"):
        return "verb"  # a copula as main verb: "our thoughts are with the victims"
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if (
        token.pos_ == "ADJ" and token.dep_ != "amod"
    ):  # "concerned about", not "the parties concerned"
        return "adjective"
    return None


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ in ("prep", "prt", "agent", "dative") and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ in ("pobj", "pcomp")
    ]


def direct_object(token: Token) -> Token | None:
    """The object; of a participle, the noun it describes ("talks brokered by Egypt")."""
    objs = children(token, {"dobj", "attr"})
    if not objs and is_participle(token):
        return token.head
    return objs[0] if objs else None


def is_participle(token: Token) -> bool:
    return token.dep_ == "acl" and token.tag_ == "VBN"


def verbless_act(noun: Token) -> bool:
    """ "My congratulations to the people of Chile", "Our deepest condolences to the
    families": a sentence that is only an owned noun makes the act its verb would."""
    return (
        noun.dep_ == "ROOT"
        and noun.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "poss" for c in noun.children)
    )


def rule_applies(rule: Rule, token: Token, ruleset: RuleSet) -> bool:
    verbs = rule.verbs_with or ruleset.markers.support_verbs
    verb = support_verb(token, verbs) if rule.kind == "noun" else None
    if rule.verbs_with and verb is None and not verbless_act(token):
        return False
    obj = direct_object(token) if rule.objects else None
    if rule.preps and not (
        prep_objects(token, rule.preps)
        or (obj is not None and prep_objects(obj, rule.preps))
        or (verb is not None and prep_objects(verb, rule.preps))
        or marked_clauses(token, rule.preps)
    ):
        return False
    if rule.particles and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ in rule.particles for c in token.children
    ):
        return False
    if rule.requires_clause and not asked_clauses(token):
        return False
    if rule.judges and judged(token) is None:
        return False
    if rule.formula and not opens_sentence(token):
        return False
    if rule.subjects and not any(
        {c.lemma_.lower(), c.lower_} & rule.subjects for c in _subject_words(token)
    ):
        return False
    return not rule.objects or object_fits(token, rule.objects)


def opens_sentence(verb: Token) -> bool:
    """ "Done at Kingstown, this 14th day of February": a subjectless main verb that
    opens its sentence, as the closing line of a treaty or communiqué does."""
    if verb.dep_ != "ROOT":
        return False
    doc, i = verb.doc, verb.sent.start
    while i < verb.i and doc[i].is_punct:
        i += 1
    if i != verb.i:
        return False
    signatory = any(c.dep_ == "agent" or c.lower_ == "by" for c in verb.children)
    return not signatory and not _subject_words(verb)


def _subject_words(token: Token) -> list[Token]:
    """The subject of a verb, or of the verb it is coordinated with ("defied the curfew
    and marched")."""
    while True:
        found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or token.dep_ != "conj" or token.head.i == token.i:
            return found
        token = token.head


def counted(noun: Token) -> Token:
    """What a quantity counts: "reservists" in "thousands of reservists"."""
    if noun.lower_ in QUANTITY_NOUNS or noun.lemma_.lower() in QUANTITY_NOUNS:
        for pobj in prep_objects(noun, frozenset({"of"})):
            return pobj
    return noun


def object_fits(token: Token, objects: frozenset[str]) -> bool:
    """The direct object has one of the lemmas, or is an actor ("@actor") or an amount of
    money ("#money") when the rule says so."""
    # in the passive the object is the subject: "the ambassador was summoned"
    obj = direct_object(token) or next(iter(children(token, {"nsubjpass"})), None)
    if obj is None:
        return False
    obj = counted(obj)
    if {obj.lemma_.lower(), obj.lower_} & objects:
        return True
    if "#money" in objects and (
        obj.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in obj.subtree)
    ):
        return True
    return "@actor" in objects and (
        obj.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
        or obj.pos_ == "PROPN"
        or obj.lower_ in ("it", "them")
    )


def marked_clauses(token: Token, marks: frozenset[str]) -> list[Token]:
    """Clauses hanging from `token` introduced by one of `marks` ("for X to release")."""
    return [
        clause
        for clause in asked_clauses(token)
        if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    ]


def match_rules(token: Token, ruleset: RuleSet) -> list[Rule]:
    """The rules whose predicate is `token`, most specific first."""
    words = (token.lemma_.lower(), token.lower_)
    if words[0] not in ruleset.lemmas and words[1] not in ruleset.lemmas:
        return []  # most words are no rule's predicate: say so before parsing anything
    kind = predicate_kind(token)
    if kind is None:
        return []
    # "is seriously concerned by the reports": a passive participle is also the adjective
    kinds = [kind, "adjective"] if kind == "verb" and _passive_participle(token) else [kind]
    found: list[Rule] = []
    seen: set[int] = set()  # by identity: comparing rules field by field is slow
    for lemma in dict.fromkeys(words):
        for rule in (r for k in kinds for r in ruleset.candidates(k, lemma)):
            if id(rule) not in seen and rule_applies(rule, token, ruleset):
                seen.add(id(rule))
                found.append(rule)
    return found


def _passive_participle(token: Token) -> bool:
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through prepositions ("engaged ... in
    talks"); None when the noun hangs from another noun first."""
    current, hops = noun, 0
    while current.dep_ in ("dobj", "pobj", "nsubjpass", "prep", "attr") and hops < 5:
        current = current.head
        hops += 1
        if current.pos_ in ("VERB", "AUX"):
            return current
        # "held three hours of talks" passes through "hours"; "the end of talks" stops
        if (
            current.pos_ in ("NOUN", "PROPN")
            and current.lemma_.lower() not in QUANTITY_NOUNS | CARRIER_NOUNS
            and current.dep_ != "pobj"
        ):
            return None
    return None


def carried(noun: Token) -> bool:
    """Whether a noun's act comes inside a carrier noun: "a letter of protest"."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in CARRIER_NOUNS
    )


def support_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The light verb that carries a noun event: "held talks", "talks held in Doha"."""
    verb = governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in verbs:
        return verb
    if verb is not None and verb.lemma_.lower() in CARRIER_VERBS and carried(noun):
        return verb
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in verbs:
            return child
    return None


def host_noun(noun: Token) -> Token | None:
    """The people a noun event is attributed to by a preposition: "negotiators in
    session", "the delegations at the talks"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in HOST_PREPS and prep.head.pos_ in ("NOUN", "PROPN"):
        return prep.head
    return None


def clause_scope(token: Token, *, skip: frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of a predicate's own clause, nearest first: its subtree without nested
    clauses, without coordinated verbs (each its own clause: "fired rockets at Ganja and
    accused Yerevan") and without the phrases in `skip`."""
    out: list[Token] = []
    queue = [token]
    while queue:
        current = queue.pop(0)
        out.append(current)
        queue.extend(
            c
            for c in current.children
            if c.dep_ not in CLAUSE_DEPS
            and c.i not in skip
            and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        )
    return out


MAGNITUDES = {"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000}


def count(noun: Token) -> int:
    """How many a noun phrase counts: its largest number ("more than 1,000 members",
    "three peacekeepers", "hundreds of people"); 0 when it gives none."""
    best = 0
    for token in noun.subtree:
        if token.lower_ in MAGNITUDES:
            best = max(best, MAGNITUDES[token.lower_])
        elif token.like_num:
            best = max(best, _number(token.text))
    return best


NUMBER_WORDS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}


def _number(text: str) -> int:
    """Digits, or a round word; small number words count as less than any threshold."""
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    return NUMBER_WORDS.get(text.lower(), 0)


def judged(word: Token) -> tuple[Token, Token | None] | None:
    """What a verdict word is said of, and the verb of whoever says it: "said the
    measures were unjustified" (measures, said), "called the measures a provocation"
    and "described the drills as pressure" (measures or drills, the verb); None when the
    word is not predicated of anything ("an illegal crossing")."""
    if word.dep_ == "oprd" or (word.dep_ == "pobj" and word.head.lower_ == "as"):
        verb = word.head if word.dep_ == "oprd" else word.head.head
        thing = direct_object(verb) if verb.dep_ != "dobj" else None
        return (thing, verb) if thing is not None and thing.i != word.i else None
    holder = word.head if word.dep_ in ("acomp", "attr") else word
    things = children(holder, {"nsubj", "nsubjpass"})
    if not things or things[0].lower_ in ("it", "this", "that", "there"):
        return None  # "it is unacceptable that ...": not a verdict on a named thing
    said = holder.head if holder.dep_ in ("ccomp", "conj", "parataxis") else None
    return things[0], said

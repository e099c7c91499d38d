"""Match pattern rules on the parse of a sentence and build coded events from them.

A rule names a predicate word; the engine finds its arguments the same way for every
rule: the subject (or the agent of a passive) is the source; the object, the object of
the rule's preposition or the parties of an object event are the target; a noun event
("talks between A and B", "engaged in talks") takes its parties from "between", from
its modifiers and from the subject of its support verb. Modality and the 03x coding
of intentions are applied here too, once for every rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from parley.coding.arguments import Context, phrase_actors, subtree_actors
from parley.coding.modality import CHAIN_DEPS, intended_code, modality_of
from parley.coding.rules import Rule, RuleSet
from parley.model import Actor

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CONTROL_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "advcl", "conj", "ccomp", "oprd"})
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis"})
CLAUSE_OWNING_ROOTS = frozenset({"02", "10", "13"})
ASKED_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl"})
RECIPIENT_PREPS = frozenset({"to", "for", "with", "against"})
PARTY_PREPS = frozenset({"between", "among", "with"})
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
THIRD_PERSON = frozenset({"it", "they", "he", "she"})
UNNAMED_ROOTS = frozenset({"18", "19", "20"})
NOUN_TARGET_PREPS = frozenset(
    {"on", "against", "of", "to", "with", "toward", "towards", "into", "for", "over", "about"}
)


@dataclass
class Coded:
    """An event as the coder sees it, before dates and places are attached."""

    rule: Rule
    code: str
    trigger: Token
    anchor: Token  # the verb whose clause the event lives in (support verb for nouns)
    source: list[Actor]
    target: list[Actor]
    modality: str
    symmetric: bool
    scope: list[Token] = field(default_factory=list)


def _asks(rule: Rule) -> bool:
    """An appeal, a demand or a threat: whom it addresses may be the subject of the
    clause it asks for or threatens."""
    return rule.modality == "appeal" or rule.code[:2] in CLAUSE_OWNING_ROOTS


def _owns_clause(rule: Rule) -> bool:
    """What an appeal, demand or threat asks for, or a denial denies, is not an event."""
    return _asks(rule) or rule.code == "016"


def _actor_phrase(token: Token, ctx: Context) -> bool:
    return any(a.entity for a in phrase_actors(token, ctx)) or bool(subtree_actors(token, ctx))


def _is_definite_reference(noun: Token) -> bool:
    """ "the attack", "these killings", or a bare plural ("attacks on peacekeepers are
    war crimes"): not a new event once violence has been reported."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if not dets:
        return noun.tag_ in ("NNS", "NNPS")
    return any(c.lower_ in DEFINITE for c in dets)


def _is_stative(clause: Token) -> bool:
    """A clause that describes a state: a copula or a verb like "remain", "seem"."""
    return clause.lemma_.lower() in STATIVE_VERBS or any(
        c.dep_ in ("acomp", "attr") for c in clause.children
    )


def _asked_clauses(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ASKED_DEPS | {"xcomp"}]


def _kind(token: Token) -> str | None:
    if token.pos_ == "VERB":
        if token.tag_ == "VBN" and token.dep_ in ("acomp", "amod"):
            return "adjective"
        return "verb"
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if (
        token.pos_ == "ADJ" and token.dep_ != "amod"
    ):  # "concerned about", not "the parties concerned"
        return "adjective"
    return None


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        pobj
        for prep in token.children
        if prep.dep_ in ("prep", "prt", "agent", "dative") and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ in ("pobj", "pcomp")
    ]


def _direct_object(token: Token) -> Token | None:
    objs = _children(token, {"dobj", "attr"})
    return objs[0] if objs else None


def _rule_applies(rule: Rule, token: Token, ruleset: RuleSet) -> bool:
    verbs = rule.verbs_with or ruleset.markers.support_verbs
    verb = support_verb(token, verbs) if rule.kind == "noun" else None
    if rule.verbs_with and verb is None:
        return False
    if rule.preps and not (
        _prep_objects(token, rule.preps)
        or (verb is not None and _prep_objects(verb, rule.preps))
        or _marked_clauses(token, rule.preps)
    ):
        return False
    if rule.particles and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ in rule.particles for c in token.children
    ):
        return False
    if rule.requires_clause and not _asked_clauses(token):
        return False
    if rule.subjects and not any(
        {c.lemma_.lower(), c.lower_} & rule.subjects
        for c in token.children
        if c.dep_ in ("nsubj", "nsubjpass")
    ):
        return False
    return not rule.objects or _object_fits(token, rule.objects)


def _object_fits(token: Token, objects: frozenset[str]) -> bool:
    """The direct object has one of the lemmas, or is an actor ("@actor") or an amount of
    money ("#money") when the rule says so."""
    obj = _direct_object(token)
    if obj is None:
        return False
    if {obj.lemma_.lower(), obj.lower_} & objects:
        return True
    if "#money" in objects and (
        obj.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in obj.subtree)
    ):
        return True
    return "@actor" in objects and (
        obj.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or obj.lower_ in ("it", "them")
    )


def _marked_clauses(token: Token, marks: frozenset[str]) -> list[Token]:
    """Clauses hanging from `token` introduced by one of `marks` ("for X to release")."""
    return [
        clause
        for clause in _asked_clauses(token)
        if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    ]


def match_rules(token: Token, ruleset: RuleSet) -> list[Rule]:
    """The rules whose predicate is `token`, most specific first."""
    kind = _kind(token)
    if kind is None:
        return []
    found: list[Rule] = []
    for lemma in dict.fromkeys((token.lemma_.lower(), token.lower_)):
        found.extend(
            r
            for r in ruleset.candidates(kind, lemma)
            if r not in found and _rule_applies(r, token, ruleset)
        )
    return found


def match_rule(token: Token, ruleset: RuleSet) -> Rule | None:
    """The most specific event rule whose predicate is `token`, if any."""
    return next((r for r in match_rules(token, ruleset) if not r.reporting), None)


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
            and current.lemma_.lower() not in QUANTITY_NOUNS
            and current.dep_ != "pobj"
        ):
            return None
    return None


def support_verb(noun: Token, verbs: frozenset[str]) -> Token | None:
    """The light verb that carries a noun event: "held talks", "talks held in Doha"."""
    verb = governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in verbs:
        return verb
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in verbs:
            return child
    return None


def _host_noun(noun: Token) -> Token | None:
    """The people a noun event is attributed to by a preposition: "negotiators in
    session", "the delegations at the talks"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in HOST_PREPS and prep.head.pos_ in ("NOUN", "PROPN"):
        return prep.head
    return None


def subjects(verb: Token, ctx: Context) -> list[Actor]:
    """Who does what `verb` says: its subject, else the subject of the verb controlling it."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            break
        # Above the verb, a passive subject controls it too: "X is committed to promoting".
        deps = SUBJECT_DEPS if current.i == verb.i else SUBJECT_DEPS | {"nsubjpass"}
        subj = _children(current, deps)
        if subj:
            actors: list[Actor] = []
            for s in subj:
                actors.extend(a for a in phrase_actors(s, ctx) if a not in actors)
            if not actors and all(s.lower_ in THIRD_PERSON for s in subj):
                earlier = list(ctx.last_source) if subj[0].lower_ != "it" else []
                return _reporter(current, ctx) or earlier
            return actors
        if current.dep_ == "acl" and any(c.lower_ == "to" for c in current.children):
            # "expressed readiness to release": through the noun to the verb it hangs from
            current = governing_verb(current.head)
            continue
        if current.dep_ not in CONTROL_DEPS and current.dep_ != "pobj":
            break
        current = current.head if current.head.i != current.i else None
    return []


def _reporter(verb: Token, ctx: Context) -> list[Actor]:
    """ "Japan said it welcomed ...": a pronoun subject of a reported clause is the one
    who reports it."""
    current = verb
    while current.dep_ in ("ccomp", "conj", "advcl") and current.head.i != current.i:
        current = current.head
        if current.i != verb.i and _children(current, SUBJECT_DEPS):
            return subjects(current, ctx)
    return []


def _passive_agent(verb: Token, ctx: Context) -> list[Actor] | None:
    """The "by" agent of a passive verb or participle ("the statement signed by ...")."""
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
    if not participle and not _children(verb, {"nsubjpass"}):
        return None
    return [a for p in _prep_objects(verb, frozenset({"by"})) for a in phrase_actors(p, ctx)]


def as_government(actors: list[Actor], ctx: Context, sector: str = "GOV") -> list[Actor]:
    """A state named as a whole acts through its government, or through `sector`
    (shared/spec/actors.md)."""
    return [
        Actor(a.entity, sector, a.country, a.name, a.text)
        if a.entity in ctx.state_entities and not a.sector
        else a
        for a in actors
    ]


def _without(actors: list[Actor], excluded: list[Actor]) -> list[Actor]:
    entities = {a.entity for a in excluded if a.entity}
    return [a for a in actors if not a.entity or a.entity not in entities]


def _distinct(actors: list[Actor]) -> list[Actor]:
    """One actor per identity, in order of first mention."""
    seen: set[str] = set()
    out = []
    for actor in actors:
        key = actor.code or actor.text
        if key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _resolved_first(actors: list[Actor]) -> list[Actor]:
    """Unresolved actors count only when nothing in the slot resolved."""
    resolved = [a for a in actors if a.entity]
    return resolved or actors


class SentenceCoder:
    """Codes the events of one sentence; knows the rules and the document so far."""

    def __init__(self, ruleset: RuleSet, ctx: Context) -> None:
        self.rules = ruleset
        self.ctx = ctx
        self.support = ruleset.markers.support_verbs
        self.predicates: frozenset[int] = frozenset()
        self.notes: list[str] = []  # why matched predicates gave no event, for `explain`

    def code(self, sentence: Span) -> list[Coded]:
        found = {t.i: rules for t in sentence if (rules := match_rules(t, self.rules))}
        matches = {
            i: rule
            for i, rules in found.items()
            if (rule := next((r for r in rules if not r.reporting), None))
        }
        self.predicates = frozenset(matches)
        self.notes = []
        events: list[Coded] = []
        for i, rule in matches.items():
            token = sentence.doc[i]
            if self._absorbed(token, matches):
                self.notes.append(f"{rule.id} on '{token.text}': part of another event's phrase")
                continue
            noted = len(self.notes)
            event = self._build(token, rule, matches)
            if event is None:
                if len(self.notes) == noted:
                    self.notes.append(f"{rule.id} on '{token.text}': {self._missing(token, rule)}")
            else:
                events.append(event)
                if event.code[:2] in UNNAMED_ROOTS:
                    self.ctx.violence_seen = True
                    # unnamed attackers too: they are placed with the event that names them
                    self.ctx.last_violent = tuple(a for a in event.source if a.entity or a.sector)
                named = tuple(a for a in event.source if a.entity)
                if named and not event.symmetric:  # "he" is the last one who acted alone
                    self.ctx.last_source = named
                actors = event.source + (event.target if event.symmetric else [])
                if any(a.entity for a in actors):
                    self.ctx.last_actors = tuple(a for a in actors if a.entity)
                if event.symmetric and len({a.entity for a in event.source + event.target}) > 1:
                    self.ctx.parties = tuple(event.source + event.target)
        reporting = [
            (sentence.doc[i], r) for i, rules in found.items() for r in rules if r.reporting
        ]
        for verb, rule in reporting:
            if rule.accuses_reported:
                events.extend(self._accusations(verb, rule, events))
        for verb, rule in reporting:
            if rule.fallback and not events:
                events.extend(self._statement(verb, rule))
        return events

    def _missing(self, token: Token, rule: Rule) -> str:
        if rule.symmetric and rule.kind == "noun":
            return "fewer than two parties resolved"
        return "no source actor resolved (subject missing or not a known actor)"

    def _accusations(self, verb: Token, rule: Rule, events: list[Coded]) -> list[Coded]:
        """ "X said that Y attacked Z": X accuses Y, beside the attack as reported."""
        said = {t.i for c in _children(verb, {"ccomp", "parataxis"}) for t in c.subtree}
        accuser = subjects(verb, self.ctx)
        out = []
        for event in events:
            if event.trigger.i not in said or event.code[:2] not in rule.accuses_reported:
                continue
            if {a.entity for a in accuser} & {a.entity for a in event.source}:
                continue
            if all(not a.entity and a.sector == "UAF" for a in event.source):
                continue  # no one named to accuse
            coded = self._finish(
                rule, verb, verb, accuser, list(event.source), False, clause_scope(verb)
            )
            if coded is not None:
                out.append(coded)
        return out

    def _statement(self, verb: Token, rule: Rule) -> list[Coded]:
        """A plain statement about another actor, when nothing more specific was said.

        Only a statement of how things are ("said the situation in Syria remained
        serious") qualifies: a reported action that no rule coded is not turned into a
        vague 010."""
        said = _children(verb, {"ccomp"})
        if said and not all(_is_stative(clause) for clause in said):
            return []
        source = subjects(verb, self.ctx)
        about = [
            a
            for c in _children(verb, {"ccomp", "parataxis", "dobj"})
            for a in subtree_actors(c, self.ctx) + phrase_actors(c, self.ctx)
        ]
        target = _without([a for a in about if a.entity], source)
        if not any(a.entity for a in source) or not target:
            return []
        coded = self._finish(rule, verb, verb, source, target[:1], False, clause_scope(verb))
        return [coded] if coded is not None else []

    def _absorbed(self, token: Token, matches: dict[int, Rule]) -> bool:
        """An event inside the phrase of another matched predicate belongs to it, unless
        that predicate reports it as a fact ("welcomed the agreement"). Appeals and
        demands also own the clause they ask for ("demanded that Kyiv stop the shelling")."""
        crossed = False
        current = token
        while current.head.i != current.i and current.dep_ in CHAIN_DEPS | ASKED_DEPS:
            crossed = crossed or current.dep_ in ASKED_DEPS
            current = current.head
            rule = matches.get(current.i)
            if rule is not None:
                if rule.reports_object:
                    return False
                return not crossed or _owns_clause(rule)
        return False

    def _build(self, token: Token, rule: Rule, matches: dict[int, Rule]) -> Coded | None:
        if rule.kind == "noun":
            return self._noun_event(token, rule)
        if rule.kind == "adjective":
            return self._adjective_event(token, rule)
        return self._verb_event(token, rule, matches)

    def _finish(
        self,
        rule: Rule,
        trigger: Token,
        anchor: Token,
        source: list[Actor],
        target: list[Actor],
        symmetric: bool,
        scope: list[Token],
    ) -> Coded | None:
        sector = self.rules.markers.sector_for(rule.code)
        source = _resolved_first(as_government(source, self.ctx, sector))
        # a state named as a whole acts as a whole as target too ("sanctions on Iran")
        target = _resolved_first(_without(as_government(target, self.ctx, sector), source))
        source, target = _distinct(source), _distinct(target)
        if not source or not any(a.entity or a.sector for a in source + target):
            return None
        stop = self.predicates - {trigger.i, anchor.i}
        modality = modality_of(anchor, self.rules.markers, own=rule.modality, stop=stop)
        code = self._refined(rule, trigger)
        if modality == "intended":
            code = intended_code(code, self.rules.markers)
        return Coded(rule, code, trigger, anchor, source, target, modality, symmetric, scope)

    def _refined(self, rule: Rule, trigger: Token) -> str:
        """A more specific code when the predicate's whole phrase says which ("call upon
        the parties to end the war" is an appeal to settle, 027)."""
        phrase = list(trigger.subtree)
        words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
        obj = _direct_object(trigger)
        modifiers = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("amod", "compound")}
        if obj is not None:
            modifiers |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")}
        for refinement in rule.refine:
            if refinement.modifiers and modifiers & set(refinement.modifiers):
                return refinement.code
            if any(all(w in words for w in item) for item in refinement.any):
                return refinement.code
        return rule.code

    def _verb_event(self, verb: Token, rule: Rule, matches: dict[int, Rule]) -> Coded | None:
        agent = _passive_agent(verb, self.ctx)
        if agent is not None:
            source = agent
            target = []
            for patient in _children(verb, {"nsubjpass"}):
                if patient.i in matches and matches[patient.i].kind == "noun":
                    target += self._event_actors(patient, matches[patient.i])
                else:
                    target += phrase_actors(patient, self.ctx)
        else:
            source = subjects(verb, self.ctx)
            target = self._verb_target(verb, rule, matches)
        if not source and rule.code[:2] in UNNAMED_ROOTS and _children(verb, {"nsubjpass"}):
            # "was shot dead at his home": by unidentified attackers
            source = [Actor("", "UAF", "", "", "unidentified attackers")]
        scope = clause_scope(verb, skip=self._reported_now(verb, matches))
        if rule.symmetric:
            # "A and B met": the first named meets the others, whatever the object says
            entities = list(dict.fromkeys(a.entity for a in source if a.entity))
            if len(entities) > 1:
                target = [a for a in source if a.entity != entities[0]]
                source = [a for a in source if a.entity == entities[0]]
            if not {a.entity for a in target if a.entity} - {a.entity for a in source}:
                self.notes.append(f"{rule.id} on '{verb.text}': fewer than two parties resolved")
                return None
        return self._finish(rule, verb, verb, source, target, rule.symmetric, scope)

    def _reported_now(self, verb: Token, matches: dict[int, Rule]) -> frozenset[int]:
        """Object events of a present-tense report: their dates are theirs, not the
        report's ("welcomes the agreement signed in May" happens today)."""
        if verb.tag_ not in ("VBZ", "VBP"):
            return frozenset()
        return frozenset(
            c.i
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass") and c.i in matches and matches[c.i].kind == "noun"
        )

    def _verb_target(self, verb: Token, rule: Rule, matches: dict[int, Rule]) -> list[Actor]:
        if rule.preps:
            named = [a for p in _prep_objects(verb, rule.preps) for a in phrase_actors(p, self.ctx)]
            return named or (self._asked_of(verb) if _asks(rule) else [])
        obj = _direct_object(verb)
        if obj is not None and obj.i in matches and matches[obj.i].kind == "noun":
            # "praised the talks": the talks' parties, or those of the talks last reported
            return self._event_actors(obj, matches[obj.i])
        if obj is not None and rule.reports_object and not _actor_phrase(obj, self.ctx):
            # "condemned this act", "welcomed the step": whoever did the last event
            return list(self.ctx.last_actors)
        takes_actor = not rule.objects or "@actor" in rule.objects
        direct = phrase_actors(obj, self.ctx) if obj is not None and takes_actor else []
        if direct:
            return direct
        recipients = _prep_objects(verb, RECIPIENT_PREPS)
        if obj is not None:
            recipients += _prep_objects(obj, RECIPIENT_PREPS)
        named = [a for p in recipients for a in phrase_actors(p, self.ctx)]
        if named:
            return named
        if _asks(rule) and (asked := self._asked_of(verb)):
            return asked
        return subtree_actors(obj, self.ctx) if obj is not None else []

    def _asked_of(self, verb: Token) -> list[Actor]:
        """Who an appeal or demand asks: the subject of the clause it asks for
        ("demanded that Kyiv stop", "called for Myanmar to release")."""
        return [
            a
            for clause in _asked_clauses(verb)
            for subject in _children(clause, SUBJECT_DEPS | {"nsubjpass"})
            for a in phrase_actors(subject, self.ctx)
        ]

    def _event_actors(self, noun: Token, rule: Rule) -> list[Actor]:
        """Who an object event involves ("condemned the attack on X by Y", "praised the
        talks"): its parties, else those of the two-sided event last reported; "the
        strike" after violence was reported is that violence's doer."""
        if rule.symmetric:
            return self._parties(noun, rule.verbs_with) or list(self.ctx.parties)
        source, target = self._noun_sides(
            noun, support_verb(noun, rule.verbs_with or self.support), rule
        )
        named = [a for a in source + target if a.entity]
        earlier = (
            rule.code[:2] in UNNAMED_ROOTS
            and self.ctx.violence_seen
            and _is_definite_reference(noun)
        )
        return named or (list(self.ctx.last_violent) if earlier else [])

    def _parties(self, noun: Token, verbs: frozenset[str] = frozenset()) -> list[Actor]:
        """Everyone a noun event names: between/among/with, its modifiers, its support
        verb's subject (or agent: "was signed by Sudan and Chad")."""
        parties: list[Actor] = []

        def add(actors: list[Actor]) -> None:
            parties.extend(a for a in actors if a not in parties)

        verb = support_verb(noun, verbs or self.support)
        if verb is not None:
            add(_passive_agent(verb, self.ctx) or subjects(verb, self.ctx))
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self.ctx.mentions.get(child.i)
                if mention is not None:
                    add(list(mention.actors))
        add([a for p in _prep_objects(noun, PARTY_PREPS) for a in phrase_actors(p, self.ctx)])
        for pobj in _prep_objects(noun, frozenset({"between", "among"})):
            # the parser often loses the coordination inside "between A and B": take
            # every actor named in the phrase
            add(subtree_actors(pobj, self.ctx))
        host = _host_noun(noun)
        if host is not None:
            add(phrase_actors(host, self.ctx))
        if verb is not None:
            add(
                [
                    a
                    for p in _prep_objects(verb, frozenset({"with"}))
                    for a in phrase_actors(p, self.ctx)
                ]
            )
        return parties

    def _noun_event(self, noun: Token, rule: Rule) -> Coded | None:
        verb = support_verb(noun, rule.verbs_with or self.support)
        anchor = verb if verb is not None else _host_noun(noun) or noun
        scope = clause_scope(noun) + (
            [verb] + _children(verb, {"prep", "npadvmod"}) if verb else []
        )
        if not rule.symmetric:
            source, target = self._noun_sides(noun, verb, rule)
            if not source and rule.code[:2] in UNNAMED_ROOTS:
                if self.ctx.violence_seen and _is_definite_reference(noun):
                    # "the killings", "these attacks": the violence already reported
                    self.notes.append(
                        f"{rule.id} on '{noun.text}': refers to violence already coded"
                    )
                    return None
                # "an attack in Kabul": unidentified attackers, placed by where the attack was
                source = [Actor("", "UAF", "", "", "unidentified attackers")]
            if not source:
                return None
            return self._finish(rule, noun, anchor, source, target, False, scope)
        parties = _resolved_first(self._parties(noun, rule.verbs_with))
        entities = list(dict.fromkeys(a.entity for a in parties if a.entity))
        if len(entities) < 2:
            return None
        first = [a for a in parties if a.entity == entities[0]]
        rest = [a for a in parties if a.entity != entities[0]]
        return self._finish(rule, noun, anchor, first, rest, True, scope)

    def _noun_sides(
        self, noun: Token, verb: Token | None, rule: Rule
    ) -> tuple[list[Actor], list[Actor]]:
        """Who did a one-sided noun event to whom: "Russia's condemnation of the attack",
        "the EU imposed sanctions on Iran", "an Israeli air strike on Gaza"."""
        source: list[Actor] = []
        if verb is not None:
            source = _passive_agent(verb, self.ctx) or subjects(verb, self.ctx)
        source = source or [
            a for p in _prep_objects(noun, frozenset({"by"})) for a in phrase_actors(p, self.ctx)
        ]
        for child in noun.children:
            if not source and child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self.ctx.mentions.get(child.i)
                if mention is not None:
                    source = list(mention.actors)
        preps = rule.preps or NOUN_TARGET_PREPS
        holders = [noun] + ([verb] if verb is not None else [])
        target = [
            a for h in holders for p in _prep_objects(h, preps) for a in phrase_actors(p, self.ctx)
        ]
        if not target and verb is not None and rule.verbs_with:
            target = [
                a for p in _prep_objects(verb, RECIPIENT_PREPS) for a in phrase_actors(p, self.ctx)
            ]
        if _asks(rule):
            # "there is an urgent need for X to agree": the document's voice asks X
            target = target or self._asked_of(noun)
            source = source or list(self.ctx.speaker)
        return source, target

    def _adjective_event(self, adjective: Token, rule: Rule) -> Coded | None:
        passive = [
            a for s in _children(adjective, {"nsubjpass"}) for a in phrase_actors(s, self.ctx)
        ]
        source = passive or subjects(adjective, self.ctx) or subjects(adjective.head, self.ctx)
        target: list[Actor] = []
        for prep in _children(adjective, {"prep"}):
            target = subtree_actors(prep, self.ctx)
            if target:
                break
        scope = clause_scope(adjective.head if adjective.dep_ == "acomp" else adjective)
        return self._finish(rule, adjective, adjective.head, source, target[:1], False, scope)


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

"""Match pattern rules on the parse of a sentence and build coded events from them.

A rule names a predicate word; the engine finds its arguments the same way for every
rule: the subject (or the agent of a passive) is the source; the object, the object of
the rule's preposition or the parties of an object event are the target; a noun event
("talks between A and B", "engaged in talks") takes its parties from "between", from
its modifiers and from the subject of its support verb. Modality and the 03x coding
of intentions are applied here too, once for every rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from parley.coding.arguments import (
    LEADING,
    Context,
    group_noun,
    np_actors,
    phrase_actors,
    side,
    subtree_actors,
)
from parley.coding.matching import (
    ASKED_DEPS,
    asked_clauses,
    asks,
    carried,
    children,
    clause_scope,
    count,
    direct_object,
    governing_verb,
    host_noun,
    is_definite_reference,
    is_participle,
    is_stative,
    judged,
    match_rules,
    owns_clause,
    prep_objects,
    support_verb,
)
from parley.coding.modality import (
    CHAIN_DEPS,
    disposes,
    done_by_deciding,
    intended_code,
    modality_of,
)
from parley.coding.rules import Rule, RuleSet
from parley.model import Actor, Mention

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


CONTROL_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "advcl", "conj", "ccomp", "oprd"})


RECIPIENT_PREPS = frozenset({"to", "for", "with", "against"})


PARTY_PREPS = frozenset({"between", "among", "with"})


OCCASION_PREPS = frozenset({"after", "before", "during", "following", "at", "on"})


THIRD_PERSON = frozenset({"it", "they", "he", "she"})


UNNAMED_ROOTS = frozenset({"18", "19", "20"})


CLAIM_CODE = "015"  # claim responsibility


UNNAMED_ATTACKERS = Actor("", "UAF", "", "", "unidentified attackers")


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


def _actor_phrase(token: Token, ctx: Context) -> bool:
    return any(a.entity for a in phrase_actors(token, ctx)) or bool(subtree_actors(token, ctx))


def subjects(verb: Token, ctx: Context) -> list[Actor]:
    """Who does what `verb` says: its subject, else the subject of the verb controlling it."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            break
        # Above the verb, a passive subject controls it too: "X is committed to promoting".
        deps = SUBJECT_DEPS if current.i == verb.i else SUBJECT_DEPS | {"nsubjpass"}
        subj = children(current, deps) or _misparsed_subject(current, ctx)
        if subj:
            actors: list[Actor] = []
            for s in subj:
                actors.extend(a for a in phrase_actors(s, ctx) if a not in actors)
            if not actors and all(s.lower_ in THIRD_PERSON for s in subj):
                if subj[0].lower_ in PERSONAL and (person := _last_person(subj[0], ctx)):
                    return _reporter(current, ctx) or person  # "he" is a person named before
                earlier = (
                    list(ctx.discourse.last_source or ctx.speaker) if subj[0].lower_ != "it" else []
                )
                return _reporter(current, ctx) or earlier
            if not actors and all(s.lower_ in ("i", "we") for s in subj):
                # a quotation: '"I condemn it," the Secretary-General said'
                return _reporter(current, ctx)
            return actors
        if current.dep_ in ("acl", "relcl") and any(c.lower_ == "to" for c in current.children):
            # "expressed readiness to release", "was the first to recognise": through the
            # noun to the verb it hangs from
            current = governing_verb(current.head)
            continue
        # "has sanctioned X, summoned Y and recalled Z": the parser leaves a listed verb
        # as an unlabelled dependent of the first, whose subject it shares
        listed = current.dep_ == "dep" and current.pos_ == current.head.pos_ == "VERB"
        if current.dep_ not in CONTROL_DEPS and current.dep_ != "pobj" and not listed:
            break
        current = current.head if current.head.i != current.i else None
    return []


# Visits, whose target is the state their destination is in.
VISIT_CODES = ("042", "043")
# Who an act is done to, after its verb or object: "sanctions on Greece", "retaliate
# against Britain".
ACTED_ON_PREPS = frozenset({"on", "against", "to", "at", "with", "upon"})
# What an appeal asks for: "called for a ceasefire", "his call on the parties to".
APPEAL_PREPS = frozenset({"for", "on", "upon"})
# What the parser makes of an unknown acronym before its verb: "USAID is providing" is
# parsed as an adverb.
MISPARSED_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep", "nmod"})


def _misparsed_subject(verb: Token, ctx: Context) -> list[Token]:
    """A known actor's name left of a verb without a subject, parsed as its modifier."""
    if children(verb, SUBJECT_DEPS | {"nsubjpass", "expl"}):
        return []
    return [
        c
        for c in verb.lefts
        if c.dep_ in MISPARSED_SUBJECT_DEPS and c.text[:1].isupper() and c.i in ctx.mentions
    ][:1]


PERSONAL = frozenset({"he", "she"})


def _last_person(pronoun: Token, ctx: Context) -> list[Actor]:
    """ "Stoltenberg said ... He urged Russia to": the person named last before "he" (not
    whichever state acted last); one named as a subject before one named in passing
    ("Ban Ki-moon ... safeguards for President Zelaya ... He calls on")."""
    candidates = list(_people_before(pronoun, ctx))
    subject = next((actors for token, actors in candidates if _in_subject(token)), None)
    return subject or (candidates[0][1] if candidates else [])


def _people_before(pronoun: Token, ctx: Context) -> Iterator[tuple[Token, list[Actor]]]:
    """The persons and offices named before a pronoun, nearest first."""
    doc = pronoun.doc
    sentence = pronoun.sent.start
    near = doc[sentence - 1].sent.start if sentence > 0 else 0  # this sentence or the last
    seen: set[int] = set()
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 200), -1):
        mention = ctx.mentions.get(i)
        if mention is not None and id(mention) not in seen:
            seen.add(id(mention))
            if mention.kind == "person" or (i >= near and _names_office(mention, ctx)):
                # "the Secretary-General is concerned. He urges"
                yield doc[mention.end - 1], list(mention.actors)
            continue
        group = group_noun(doc[i], ctx.kb) if mention is None else None
        office = group is not None and group.kind == "title" and doc[i].tag_ == "NN"
        # "Kenya's foreign minister said ... He urged": the office holder
        if office and (named := [a for a in np_actors(doc[i], ctx) if a.entity]):
            yield doc[i], named


def _in_subject(token: Token) -> bool:
    while token.dep_ in ("compound", "appos", "amod", "poss", "nmod", "flat", "conj"):
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _names_office(mention: Mention, ctx: Context) -> bool:
    """An organisation named by its office-holder's title: "the Secretary-General"."""
    words = mention.text.split()
    group = ctx.kb.groups.get(words[-1].casefold()) if words else None
    return group is not None and group.kind == "title"


def _reporter(verb: Token, ctx: Context) -> list[Actor]:
    """ "Japan said it welcomed ...": a pronoun subject of a reported clause is the one
    who reports it."""
    current = verb
    while current.dep_ in ("ccomp", "conj", "advcl", "parataxis") and current.head.i != current.i:
        current = current.head
        if current.i != verb.i and children(current, SUBJECT_DEPS):
            return subjects(current, ctx)
    return []


def prep_actors(token: Token, preps: frozenset[str], ctx: Context) -> list[Actor]:
    """The actors named as objects of `token`'s prepositions in `preps`."""
    return [a for p in prep_objects(token, preps) for a in phrase_actors(p, ctx)]


HYPHENS = frozenset({"-", "–", "—", "/"})


def _hyphened(modifier: Token) -> list[Token]:
    """ "Israeli-Palestinian talks", "the US-Russia talks": the parser hangs the first of
    a hyphened pair on the second; both name a party."""
    words = [modifier]
    if any(c.dep_ == "punct" and c.text in HYPHENS for c in modifier.children):
        words += [
            c for c in modifier.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
        ]
    return sorted(words, key=lambda w: w.i)


def _passive_agent(
    verb: Token, ctx: Context, agent_preps: frozenset[str] = frozenset()
) -> list[Actor] | None:
    """The "by" agent of a passive verb or participle ("the statement signed by ..."),
    else the object of a preposition that names who acts for this predicate ("was
    summoned to the Foreign Ministry")."""
    if not is_participle(verb) and not children(verb, {"nsubjpass"}):
        return None
    return prep_actors(verb, frozenset({"by"}), ctx) or prep_actors(verb, agent_preps, ctx)


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
    sides = {side(a) for a in excluded if a.entity}
    return [a for a in actors if not a.entity or side(a) not in sides]


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


def _names_a_pair(token: Token, ctx: Context) -> bool:
    """ "both armies", "the two sides", "the parties": a phrase that points back to two."""
    group = group_noun(token, ctx.kb)
    pair = any(c.lower_ in ("both", "two") for c in token.children)
    return group is not None and (pair or group.kind == "anaphor")


def _names_where(noun: Token) -> bool:
    """Whether a noun's phrase names a place or a proper name ("the attack in Kabul",
    "the Paktika bombing"), something to place an unclaimed act by."""
    return any(
        t.i != noun.i and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_ENTS) for t in noun.subtree
    )


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _passive_agent_words(verb: Token) -> list[Token]:
    return [p for agent in children(verb, {"agent"}) for p in children(agent, {"pobj"})]


def _subject_words(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb that controls it ("they agreed to meet")."""
    current = verb
    for _ in range(6):
        found = children(current, SUBJECT_DEPS | {"nsubjpass"})
        if found or current.dep_ not in CONTROL_DEPS or current.head.i == current.i:
            return found
        current = current.head
    return []


PLURAL_PRONOUNS = frozenset({"they", "their", "them", "both", "two"})


def _plural(token: Token) -> bool:
    """ "they", "their", "the two", "the ministers", "the Secretary and the Minister"."""
    if token.lower_ in PLURAL_PRONOUNS or token.tag_ in ("NNS", "NNPS"):
        return True
    return any(c.dep_ == "conj" for c in token.children)


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
        self.matches: dict[int, Rule] = {}  # the sentence's matched predicates
        self.notes: list[str] = []  # why matched predicates gave no event, for `explain`

    def code(self, sentence: Span) -> list[Coded]:
        found = {t.i: rules for t in sentence if (rules := match_rules(t, self.rules))}
        matches = {
            i: rule
            for i, rules in found.items()
            if (rule := next((r for r in rules if not r.reporting), None))
        }
        self.predicates = frozenset(matches)
        self.matches = matches
        self.notes = []
        events: list[Coded] = []
        # a predicate that made no event owns no phrase: "spoke by telephone with X" is
        # the telephone call's when "spoke" alone has no parties
        owners = dict(matches)
        # "Statement by the Spokesman on the attack in Kabul": a line with no verb is a
        # headline, whose violence noun is told (with its parties) by the text below it
        headline = not any(t.pos_ in ("VERB", "AUX") for t in sentence)
        for i, rule in matches.items():
            token = sentence.doc[i]
            if headline and rule.code[:2] in UNNAMED_ROOTS:
                owners.pop(i)
                self.notes.append(f"{rule.id} on '{token.text}': a headline's noun, no attack")
                continue
            if self._absorbed(token, owners):
                self.notes.append(f"{rule.id} on '{token.text}': part of another event's phrase")
                continue
            noted = len(self.notes)
            event = self._build(token, rule, matches)
            if event is None:
                owners.pop(i)
                if len(self.notes) == noted:
                    self.notes.append(f"{rule.id} on '{token.text}': {self._missing(token, rule)}")
            else:
                events.append(event)
                if event.code[:2] in UNNAMED_ROOTS:
                    self.ctx.discourse.violence_seen = True
                    # unnamed attackers too: they are placed with the event that names them
                    doers = tuple(a for a in event.source if a.entity or a.sector)
                    if any(a.entity for a in doers) or not self.ctx.discourse.last_violent:
                        # "unidentified attackers" do not hide those named before
                        self.ctx.discourse.last_violent = doers
                if event.code.startswith(tuple(self.rules.markers.captors.get("taking", ()))):
                    self.ctx.discourse.captors = tuple(
                        a for a in event.source if a.entity or a.sector
                    )
                self._remember_accusers(event)
                named = tuple(a for a in event.source if a.entity)
                if named and not event.symmetric:  # "he" is the last one who acted alone
                    self.ctx.discourse.last_source = named
                    self.ctx.discourse.doers[event.code[:2]] = named
                actors = event.source + (event.target if event.symmetric else [])
                if any(a.entity for a in actors):
                    self.ctx.discourse.last_actors = tuple(a for a in actors if a.entity)
                if event.symmetric and len({a.entity for a in event.source + event.target}) > 1:
                    self.ctx.discourse.parties = tuple(event.source + event.target)
                    if event.code[:2] in UNNAMED_ROOTS or event.code.startswith("087"):
                        self.ctx.discourse.belligerents = self.ctx.discourse.parties
        events = [self._obligation(e) or e for e in events]
        reporting = [
            (sentence.doc[i], r) for i, rules in found.items() for r in rules if r.reporting
        ]
        for verb, rule in reporting:
            if rule.accuses_reported:
                accusations = self._accusations(verb, rule, events)
                for accusation in accusations:
                    self._remember_accusers(accusation)
                events.extend(accusations)
        for verb, rule in reporting:
            if rule.fallback and not events:
                events.extend(self._statement(verb, rule))
        if not events:
            self._remember_subject(sentence)
        return events

    def _obligation(self, event: Coded) -> Coded | None:
        """ "Britain said Hezbollah must cease its attacks on Israel": what one party says
        another must do is a demand of it (10x, refined as a demand verb's clause is), not
        the act itself."""
        anchor, markers = event.anchor, self.rules.markers
        obliging = markers.obligation_auxiliaries
        if not any(c.dep_ == "aux" and c.lower_ in obliging for c in anchor.children):
            return None
        demand = self.rules.by_id.get(markers.obligation_rule)
        # who says it: "Britain said", "the government has been clear that", "believes"
        holder = anchor.head if anchor.dep_ == "ccomp" else None
        if holder is not None and holder.pos_ == "ADJ" and holder.dep_ == "acomp":
            holder = holder.head
        source = subjects(holder, self.ctx) if holder is not None else []
        own = {a.entity for a in source}
        obliged = [a for a in event.source if a.entity and a.entity not in own]
        if demand is None or not source or not obliged:
            return None
        sector = markers.sector_for(demand.code)
        return Coded(
            demand,
            self._refined(demand, anchor),
            event.trigger,
            holder,
            as_government(source, self.ctx, sector),
            as_government(obliged, self.ctx, sector),
            "appeal",
            False,
            event.scope,
        )

    def _remember_accusers(self, event: Coded) -> None:
        """Who accused whom: a later denial answers them."""
        if event.code[:2] != "11":
            return
        for accused in event.target:
            self.ctx.discourse.accusers[accused.entity] = tuple(a for a in event.source if a.entity)

    def _remember_subject(self, sentence: Span) -> None:
        """ "The United States has placed restrictions on our media ... We condemn these
        actions": with no event coded, the sentence's subject is who acted last."""
        if sentence.root.lemma_.lower() in self.rules.markers.reporting_verbs:
            return  # who says something has not acted
        named = [
            a
            for subject in children(sentence.root, SUBJECT_DEPS)
            for a in phrase_actors(subject, self.ctx)
            if a.entity and a.entity not in {s.entity for s in self.ctx.speaker}
        ]
        if named:
            self.ctx.discourse.last_actors = tuple(named)

    def _missing(self, token: Token, rule: Rule) -> str:
        if rule.symmetric and rule.kind == "noun":
            return "fewer than two parties resolved"
        return "no source actor resolved (subject missing or not a known actor)"

    def _accusations(self, verb: Token, rule: Rule, events: list[Coded]) -> list[Coded]:
        """ "X said that Y attacked Z": X accuses Y, beside the attack as reported."""
        said = {t.i for c in children(verb, {"ccomp", "parataxis"}) for t in c.subtree}
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
        said = children(verb, {"ccomp"})
        if not said or not all(is_stative(clause) for clause in said):
            return []
        source = subjects(verb, self.ctx)
        about = [
            a
            for c in children(verb, {"ccomp", "parataxis", "dobj"})
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
            # "called the Prime Minister to offer his condolences": a clause its object is
            # to carry out is crossed as a clause of its own is
            controlled = current.dep_ == "xcomp" and bool(children(current.head, {"dobj"}))
            crossed = crossed or current.dep_ in ASKED_DEPS or controlled
            current = current.head
            rule = matches.get(current.i)
            if rule is not None:
                if rule.reports_object:
                    # "did not welcome the talks" still reports talks; "refused to host
                    # the talks" does not: there are talks only if they were hosted
                    markers, own = self.rules.markers, rule.modality
                    return (
                        rule.makes_object and modality_of(current, markers, own=own) != "asserted"
                    )
                return not crossed or owns_clause(rule)
        return False

    def _build(self, token: Token, rule: Rule, matches: dict[int, Rule]) -> Coded | None:
        if rule.judges:
            return self._verdict(token, rule, matches)
        if rule.kind == "noun":
            event = self._noun_event(token, rule)
        elif rule.kind == "adjective":
            event = self._adjective_event(token, rule)
        else:
            event = self._verb_event(token, rule, matches)
        if event is not None and rule.clause_accuses:
            event = self._clause_accused(event, rule.clause_accuses)
        return event

    def _clause_accused(self, event: Coded, code: str) -> Coded:
        """ "expressed concern that Iran's activities undermine the talks": a worry about
        what an actor does accuses that actor; a worry about how things are stays one."""
        clauses = [
            c
            for word in (event.trigger, event.anchor)
            for c in word.children
            if c.dep_ in ("acl", "ccomp")
            and any(m.lower_ == "that" for m in c.children)
            # "fears that Iran could build a bomb" is a worry, not yet an accusation
            and not any(m.dep_ == "aux" and m.tag_ == "MD" for m in c.children)
        ]
        own = {a.entity for a in event.source}
        accused = [
            a
            for clause in clauses
            for subject in children(clause, {"nsubj"})
            for a in phrase_actors(subject, self.ctx)
            if a.entity and a.entity not in own
        ]
        if not accused:
            return event
        sector = self.rules.markers.sector_for(code)
        target = _distinct(as_government(accused, self.ctx, sector))
        return replace(event, code=code, target=target, symmetric=False)

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
        if not target:
            target = self._beneficiaries(rule, trigger, anchor, source)
        if rule.code == "016" and not target:
            # a denial answers whoever accused the denier
            target = [a for s in source for a in self.ctx.discourse.accusers.get(s.entity, ())]
        source = _resolved_first(as_government(source, self.ctx, sector))
        # a state named as a whole acts as a whole as target too ("sanctions on Iran")
        target = _resolved_first(_without(as_government(target, self.ctx, sector), source))
        source, target = _distinct(source), _distinct(target)
        if not source or not any(a.entity or a.sector for a in source + target):
            return None
        if not target and rule.code.startswith(self.rules.markers.mutual_codes):
            # "Colombia's government and the ELN declared a bilateral ceasefire": each
            # side of a coordinated subject acts toward the other
            sides = list(dict.fromkeys(side(a) for a in source if a.entity or a.sector))
            if len(sides) > 1:
                target = [a for a in source if side(a) != sides[0]]
                source = [a for a in source if side(a) == sides[0]]
                symmetric = True
        stop = self.predicates - {trigger.i, anchor.i}
        modality = modality_of(anchor, self.rules.markers, own=rule.modality, stop=stop)
        if rule.only_intended and modality != "intended":
            return None
        code = self._refined(rule, trigger)
        irregular = self.rules.markers.irregular_sectors
        forces = {"GOV", "MIL", "COP"}
        if all(a.sector in irregular for a in source) and not {a.sector for a in target} & forces:
            # "the attack claimed by the Taliban": unconventional violence, not an army's
            code = self.rules.markers.unnamed_attack.get(code, code)
        if modality == "intended" and done_by_deciding(anchor, code, self.rules.markers):
            modality = "asserted"
        if modality == "intended":
            code = intended_code(code, self.rules.markers)
        captors = self.rules.markers.captors
        if not target and code.startswith(tuple(captors.get("releasing", ()))):
            # "called for the release of all those detained": by whoever detained them
            target = [
                a for a in self.ctx.discourse.captors if side(a) not in {side(s) for s in source}
            ]
        if not target and modality == "appeal":
            asked = self._appealed(trigger, code, source)
            target = as_government(asked, self.ctx, self.rules.markers.sector_for(code))
        return Coded(rule, code, trigger, anchor, source, target, modality, symmetric, scope)

    def _appealed(self, trigger: Token, code: str, source: list[Actor]) -> list[Actor]:
        """Whom an appeal that names no addressee asks: the parties of what it asks for
        ("called for a ceasefire between Armenia and Azerbaijan"), else, for a ceasefire,
        the sides last seen fighting."""
        sides = {side(s) for s in source}
        asked = [
            a
            for thing in prep_objects(trigger, APPEAL_PREPS)
            for a in [*phrase_actors(thing, self.ctx), *subtree_actors(thing, self.ctx)]
            if side(a) not in sides
        ]
        if asked:
            return _distinct(asked)
        if code.startswith(self.rules.markers.asked_belligerents):
            return [a for a in self.ctx.discourse.belligerents if side(a) not in sides]
        return []

    def _beneficiaries(
        self, rule: Rule, trigger: Token, anchor: Token, source: list[Actor]
    ) -> list[Actor]:
        """Aid that names no recipient goes to whom its purpose clause helps: "is providing
        $100,000 to help communities affected by the earthquake in Peru" is aid to the
        people of Peru."""
        helping = self.rules.markers.beneficiaries
        if not rule.code.startswith(helping.codes):
            return []
        holders = [trigger, anchor, *[c for c in trigger.children if c.dep_ in ("dobj", "pobj")]]
        clauses = [
            c
            for h in holders
            for c in h.children
            if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in helping.verbs
        ]
        sources = {a.entity for a in source}
        sector = helping.sector
        found = [a for c in clauses[:1] for a in subtree_actors(c, self.ctx, skip=frozenset())]
        return [
            a if a.sector or a.entity not in self.ctx.state_entities else replace(a, sector=sector)
            for a in found
            if a.entity not in sources
        ]

    def opponents(self, source: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """An attack that names no target, by one side of the two last reported as
        fighting or in a ceasefire, is on the other side."""
        entities = {a.entity for a in source if a.entity}
        parties = self.ctx.discourse.belligerents
        if not entities or not entities & {a.entity for a in parties}:
            return ()
        return tuple(a for a in parties if a.entity not in entities)

    def _office_holder(self, patient: Token | None) -> bool:
        """A person named with an office: "President Jovenel Moise", "Mr Rabin"."""
        if patient is None or patient.pos_ != "PROPN":
            return False
        mention = self.ctx.mentions.get(patient.i)
        person = patient.ent_type_ == "PERSON" or (mention is not None and mention.kind == "person")
        officials = {"GOV", "MIL", "COP", "JUD", "OPP", "LEG"}
        return person and any(a.sector in officials for a in phrase_actors(patient, self.ctx))

    def _refined(self, rule: Rule, trigger: Token) -> str:
        """A more specific code when the predicate's whole phrase says which ("call upon
        the parties to end the war" is an appeal to settle, 027)."""
        if not rule.refine:
            return rule.code
        phrase = list(trigger.subtree)
        words = {t.lemma_.lower() for t in phrase} | {t.lower_ for t in phrase}
        obj = direct_object(trigger)
        modifiers = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("amod", "compound")}
        if obj is not None:
            modifiers |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")}
        for refinement in rule.refine:
            if refinement.office_holder:
                if self._office_holder(obj or next(iter(children(trigger, {"nsubjpass"})), None)):
                    return refinement.code
                continue
            if refinement.at_least and obj is not None:
                if count(obj) >= refinement.at_least:
                    return refinement.code
                continue
            if refinement.modifiers and modifiers & set(refinement.modifiers):
                return refinement.code
            if refinement.said_in(words):
                return refinement.code
        return rule.code

    def _verb_event(self, verb: Token, rule: Rule, matches: dict[int, Rule]) -> Coded | None:
        if rule.code[:2] in UNNAMED_ROOTS and self._disaster_did(verb):
            self.notes.append(f"{rule.id} on '{verb.text}': a natural disaster, not violence")
            return None
        agent = _passive_agent(verb, self.ctx, rule.agent_preps)
        if rule.formula:
            # the closing line of a communiqué: signed by the parties of what it settles
            source, target = list(self.ctx.discourse.parties or self.ctx.salient[:2]), []
        elif agent is not None:
            source = agent
            target = []
            patients = children(verb, {"nsubjpass"}) or ([verb.head] if is_participle(verb) else [])
            for patient in patients:
                if patient.i in matches and matches[patient.i].kind == "noun":
                    target += self._event_actors(patient, matches[patient.i])
                elif rule.reports_object and not _actor_phrase(patient, self.ctx):
                    target += self._last_doers(patient)  # "the move was condemned by X"
                else:
                    target += phrase_actors(patient, self.ctx)
        else:
            source = subjects(verb, self.ctx)
            target = self._verb_target(verb, rule, matches)
        if not source and rule.code[:2] in UNNAMED_ROOTS and children(verb, {"nsubjpass"}):
            # "was shot dead at his home": by unidentified attackers
            source = [UNNAMED_ATTACKERS]
        scope = clause_scope(verb, skip=self._reported_now(verb, rule, matches))
        if rule.symmetric:
            if self._recalls_parties(_subject_words(verb), source + target):
                # "The two also discussed"
                source, target = list(self.ctx.discourse.parties), []
            # "A and B met": the first named meets the others, whatever the object says
            sides = list(dict.fromkeys(side(a) for a in source if a.entity))
            if len(sides) > 1:
                target = [a for a in source if side(a) != sides[0]]
                source = [a for a in source if side(a) == sides[0]]
            if not {side(a) for a in target if a.entity} - {side(a) for a in source}:
                self.notes.append(f"{rule.id} on '{verb.text}': fewer than two parties resolved")
                return None
        return self._finish(rule, verb, verb, source, target, rule.symmetric, scope)

    def _disaster_did(self, verb: Token) -> bool:
        """ "the earthquake killed 400 people", "the cyclone hit Beira, killing 12": the
        killer is a disaster. So is it for a participle the parser hung on the main verb
        when the nearest thing named before it is a disaster that a clause describes
        ("... the earthquake that struck on 16 April, killing 400 people")."""
        disasters = self.rules.markers.disasters

        def disaster(word: Token) -> bool:
            return word.lemma_.lower() in disasters or word.lower_ in disasters

        for word in _subject_words(verb) + _passive_agent_words(verb):
            if word.lower_ in ("that", "which") and word.head.dep_ == "relcl":
                word = word.head.head
            if disaster(word):
                return True
        own = children(verb, SUBJECT_DEPS | {"nsubjpass"})
        if own or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
            return False
        for token in reversed(verb.doc[verb.sent.start : verb.i]):
            if token.i in self.ctx.mentions:
                return False  # an actor is named nearer than any disaster
            if disaster(token) and any(c.dep_ in ("relcl", "acl") for c in token.children):
                return True
        return False

    def _reported_now(self, verb: Token, rule: Rule, matches: dict[int, Rule]) -> frozenset[int]:
        """Object events of a present-tense report, or of any reaction: their dates are
        theirs, not the report's ("welcomes the agreement signed in May" happens today;
        "condemned the attack in Dagestan on 23 June" was said when the text says it)."""
        if verb.tag_ not in ("VBZ", "VBP") and not rule.reports_object:
            return frozenset()
        objects = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass") and c.i in matches and matches[c.i].kind == "noun"
        ]
        # "condemned the attack in Lima on 27 February": the parser hangs the date after
        # the object on the verb, but it is the attack's
        after = [
            c
            for c in verb.children
            if c.dep_ in ("prep", "npadvmod") and objects and c.i > objects[0].i
            if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        ]
        # "welcomed the last February agreement" in a retrospective was said back then
        present = verb.tag_ in ("VBZ", "VBP")
        return frozenset(c.i for c in (objects if present else []) + after)

    def _done_by(self, thing: Token) -> list[Actor]:
        """The agent of a participle on a thing: "the steps taken by Kenya"."""
        for clause in thing.children:
            if is_participle(clause) and (agent := _passive_agent(clause, self.ctx)):
                return agent
        return []

    def _last_doers(self, thing: Token) -> list[Actor]:
        """Who did what a reaction is to: "the strikes" after violence, its doers;
        anything else, whoever did the last event."""
        violent = self.ctx.discourse.violence_seen and self.ctx.discourse.last_violent
        if violent and self.rules.names_violence(thing.lower_):
            return list(self.ctx.discourse.last_violent)
        return list(self.ctx.discourse.last_actors)

    def _verb_target(self, verb: Token, rule: Rule, matches: dict[int, Rule]) -> list[Actor]:
        if rule.topic_object:  # "discussed the situation in Syria with Lavrov"
            return prep_actors(verb, frozenset({"with"}), self.ctx)
        if rule.preps:
            obj = direct_object(verb)
            holders = [verb] if obj is None or not rule.objects else [verb, obj]
            named = [a for h in holders for a in prep_actors(h, rule.preps, self.ctx)]
            if not named and rule.reports_object:
                # "looking into the strike": into what its doers did
                things = prep_objects(verb, rule.preps)
                named = self._last_doers(things[0]) if things else []
            if not named and rule.code.startswith(VISIT_CODES):
                # "send a delegation to the Winter Olympics in South Korea": the state visited
                goals = [g for h in holders for g in prep_objects(h, rule.preps)]
                named = [a for g in goals[:1] for a in subtree_actors(g, self.ctx)][:1]
            return named or (self._asked_of(verb) if asks(rule) else [])
        obj = direct_object(verb)
        if obj is not None and obj.i in matches and matches[obj.i].kind == "noun":
            # "praised the talks": the talks' parties, or those of the talks last reported
            return self._event_actors(obj, matches[obj.i])
        if obj is not None and rule.reports_object and not _actor_phrase(obj, self.ctx):
            # "condemned the actions undertaken by armed militants": by whom the clause says;
            # "condemned this act", "welcomed the step": whoever did the last event
            return self._done_by(obj) or self._last_doers(obj)
        # "called the Prime Minister": an office holder the rule asks for is the party
        group = group_noun(obj, self.ctx.kb) if obj is not None else None
        office = group is not None and group.kind == "title"
        takes_actor = not rule.objects or "@actor" in rule.objects or office
        direct = phrase_actors(obj, self.ctx) if obj is not None and takes_actor else []
        if direct:
            return direct
        holders = [verb] if obj is None else [verb, obj]
        named = [a for h in holders for a in prep_actors(h, RECIPIENT_PREPS, self.ctx)]
        if named:
            return named
        if asks(rule) and (asked := self._asked_of(verb)):
            return asked
        inside = subtree_actors(obj, self.ctx) if obj is not None else []
        rejected = rule.code[:2] == "12" and rule.objects
        if not inside and obj is not None and rejected and is_definite_reference(obj):
            # "rejected the resolution": the one who made it, the last to act
            return list(self.ctx.discourse.last_actors)
        return inside

    def _asked_of(self, verb: Token) -> list[Actor]:
        """Who an appeal or demand asks: the subject of the clause it asks for
        ("demanded that Kyiv stop", "called for Myanmar to release")."""
        asked = []
        for clause in asked_clauses(verb):
            subjects_ = children(clause, SUBJECT_DEPS | {"nsubjpass"})
            asked += [a for s in subjects_ for a in phrase_actors(s, self.ctx)]
            if not subjects_ and clause.dep_ == "xcomp" and direct_object(verb) is None:
                # "threatened to impose sanctions on Greece", "vowed to retaliate against
                # Britain": the one the threatened act is done to ("urged all States to
                # cooperate with Russia" asks all States)
                asked += self._acted_on(clause)
        return asked

    def _acted_on(self, clause: Token) -> list[Actor]:
        """Who a clause's act is done to: its object, else its on/against/to/at object."""
        obj = direct_object(clause)
        if obj is not None:
            named = phrase_actors(obj, self.ctx) + prep_actors(obj, ACTED_ON_PREPS, self.ctx)
            if any(a.entity for a in named):
                return named
        return prep_actors(clause, ACTED_ON_PREPS, self.ctx)

    def _event_actors(self, noun: Token, rule: Rule) -> list[Actor]:
        """Who an object event involves ("condemned the attack on X by Y", "praised the
        talks"): its parties, else those of the two-sided event last reported; "the
        strike" after violence was reported is that violence's doer."""
        if rule.symmetric:
            return self._parties(noun, rule.verbs_with) or list(
                self.ctx.discourse.parties or self.ctx.salient[:2]
            )
        source, target = self._noun_sides(
            noun, support_verb(noun, rule.verbs_with or self.support), rule
        )
        # a reaction is to whoever did it: the doers, else whoever it was done to
        doers = [a for a in source if a.entity or a.sector]
        definite = is_definite_reference(noun)
        violence = rule.code[:2] in UNNAMED_ROOTS
        if not doers and definite and violence and self.ctx.discourse.violence_seen:
            # "condemns these attacks on civilians": those who were reported doing them
            doers = list(self.ctx.discourse.last_violent)
        if not doers and definite:
            # "condemn the detention of Mr. X" after "Russia's detention of X": Russia's
            doers = list(self.ctx.discourse.doers.get(rule.code[:2], ()))
        named = doers or [a for a in target if a.entity or a.sector]
        if named:
            return named
        if violence and not self.ctx.discourse.violence_seen:
            # "condemned the attack on the border post": whoever carried it out, unnamed
            return [UNNAMED_ATTACKERS]
        if violence or not definite:
            return []
        return list(
            self.ctx.discourse.last_actors
        )  # "criticised the arrest": whoever did the last event

    def _parties(self, noun: Token, verbs: frozenset[str] = frozenset()) -> list[Actor]:
        """Everyone a noun event names: between/among/with, its modifiers, its support
        verb's subject (or agent: "was signed by Sudan and Chad")."""
        parties: list[Actor] = []

        def add(actors: list[Actor]) -> None:
            parties.extend(a for a in actors if a not in parties)

        verb = support_verb(noun, verbs or self.support)
        if verb is not None:
            add(_passive_agent(verb, self.ctx) or subjects(verb, self.ctx))
        else:
            add(self._committed_pair(noun))
            add(self._disposed_party(noun))
            add(self._occasion_party(noun))
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for word in _hyphened(child):
                    mention = self.ctx.mentions.get(word.i)
                    if mention is not None:
                        add(list(mention.actors))
        add(prep_actors(noun, PARTY_PREPS, self.ctx))
        for pobj in prep_objects(noun, frozenset({"between", "among"})):
            # the parser often loses the coordination inside "between A and B": take
            # every actor named in the phrase
            add(subtree_actors(pobj, self.ctx, skip=frozenset({"relcl", "prep", "acl"})))
        host = host_noun(noun)
        if host is not None:
            add(phrase_actors(host, self.ctx))
        if verb is not None:
            add(prep_actors(verb, frozenset({"with"}), self.ctx))
        return parties

    def _recalls_parties(self, words: list[Token], resolved: list[Actor]) -> bool:
        """Whether a two-sided event whose own words name fewer than two sides is between
        the parties of the last one: its parties are named in the plural ("they", "the
        two", "the ministers", "their meeting", "the Secretary and the Foreign Minister")
        and those it does name are among them."""
        last = {side(a) for a in self.ctx.discourse.parties if a.entity}
        named = {side(a) for a in resolved if a.entity}
        if len(last) < 2 or len(named) > 1 or not named <= last:
            return False
        return any(_plural(w) for w in words)

    def _party_words(self, noun: Token, verb: Token | None) -> list[Token]:
        """The words that name a noun event's parties: its possessor ("their talks") and
        its support verb's subject ("the two sides held talks")."""
        words = [c for c in noun.children if c.dep_ == "poss"]
        if verb is not None:
            words += _subject_words(verb)
        return words

    def _occasion_party(self, noun: Token) -> list[Actor]:
        """ "Zarif spoke after a meeting with Kerry", "during his talks with Lavrov, the
        minister said": who acts around a meeting with someone took part in it."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in OCCASION_PREPS or prep.head.pos_ != "VERB":
            return []
        if not prep_objects(noun, frozenset({"with"})):
            return []
        return subjects(prep.head, self.ctx)

    def _committed_pair(self, noun: Token) -> list[Actor]:
        """ "commits both armies to a ceasefire", "brought the two sides to talks": the
        pair named as the object of the verb the noun hangs from, or its subject when
        they commit themselves."""
        if noun.dep_ != "pobj":
            return []
        verb = noun.head.head
        obj = direct_object(verb)
        if obj is not None and obj.lower_ in ("themselves", "each other"):
            return subjects(verb, self.ctx)  # "committed themselves to a ceasefire"
        if obj is None or obj.i == noun.i or not _names_a_pair(obj, self.ctx):
            return []
        return phrase_actors(obj, self.ctx)

    def _disposed_party(self, noun: Token) -> list[Actor]:
        """ "Iran remains open to talks with the EU", "is committed to cooperation with",
        "is open for cooperation with" (the parser hangs "for" on "is"): the one whose
        readiness the sentence states is a party."""
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return []
        markers = self.rules.markers
        holder = noun.head.head
        if holder.pos_ == "ADJ" and holder.dep_ in ("acomp", "oprd") and disposes(holder, markers):
            holder = holder.head
        elif not (
            disposes(holder, markers)
            or any(c.dep_ == "acomp" and disposes(c, markers) for c in holder.children)
        ):
            return []
        if holder.pos_ not in ("VERB", "AUX"):
            return []
        found = children(holder, {"nsubj", "nsubjpass"})
        return [a for subject in found for a in phrase_actors(subject, self.ctx)]

    def _noun_event(self, noun: Token, rule: Rule) -> Coded | None:
        verb = support_verb(noun, rule.verbs_with or self.support)
        anchor = verb if verb is not None else host_noun(noun) or noun
        scope = clause_scope(noun) + ([verb] + children(verb, {"prep", "npadvmod"}) if verb else [])
        if not rule.symmetric:
            source, target = self._noun_sides(noun, verb, rule)
            if not source and rule.code[:2] in UNNAMED_ROOTS:
                if self.ctx.discourse.violence_seen and is_definite_reference(noun):
                    # "the killings", "these attacks": the violence already reported
                    self.notes.append(
                        f"{rule.id} on '{noun.text}': refers to violence already coded"
                    )
                    return None
                if not target and not _names_where(noun) and not self._reported(noun):
                    # "the path of aggression", "attack and smear China" in a title: no
                    # one named and nowhere, so no attack to code
                    self.notes.append(f"{rule.id} on '{noun.text}': no one and nowhere named")
                    return None
                # "an attack in Kabul": unidentified attackers, placed by where the attack was
                source = [UNNAMED_ATTACKERS]
            if not source:
                return None
            return self._finish(rule, noun, anchor, source, target, False, scope)
        parties = _resolved_first(self._parties(noun, rule.verbs_with))
        if self._recalls_parties(self._party_words(noun, verb), parties):
            # "their meeting", "the ministers held talks"
            parties = list(self.ctx.discourse.parties)
        # unnamed parties count by their sector: "clashes between protesters and police"
        # are two sides, placed in the state where they clashed
        sides = list(dict.fromkeys(side(a) for a in parties if a.entity or a.sector))
        if len(sides) < 2:
            return None
        first = [a for a in parties if side(a) == sides[0]]
        rest = [a for a in parties if side(a) != sides[0]]
        return self._finish(rule, noun, anchor, first, rest, True, scope)

    def _noun_sides(
        self, noun: Token, verb: Token | None, rule: Rule
    ) -> tuple[list[Actor], list[Actor]]:
        """Who did a one-sided noun event to whom: "Russia's condemnation of the attack",
        "the EU imposed sanctions on Iran", "an Israeli air strike on Gaza"."""
        source: list[Actor] = []
        if verb is not None:
            source = _passive_agent(verb, self.ctx) or subjects(verb, self.ctx)
        source = source or prep_actors(noun, frozenset({"by"}), self.ctx)
        if not source and rule.code.startswith(
            tuple(self.rules.markers.captors.get("releasing", ()))
        ):
            source = self._holders(noun)
        if not source and rule.code[:2] in UNNAMED_ROOTS:
            source = self._claimants(noun)
        for child in noun.children:
            if not source and child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self.ctx.mentions.get(child.i)
                if mention is not None:
                    source = list(mention.actors)
                elif child.dep_ == "amod" and child.lemma_.lower() in LEADING:
                    source = [a for a in np_actors(child, self.ctx) if a.entity]
        preps = rule.preps or NOUN_TARGET_PREPS
        holders = [noun] + ([verb] if verb is not None else [])
        if carried(noun):
            holders.append(noun.head.head)  # "a letter of protest to Iran"
        target = [a for h in holders for a in prep_actors(h, preps, self.ctx)]
        if "of" in preps:
            # "the sympathies of all Americans to the victims": whose act it is, not at whom
            own = {a.entity for a in source if a.entity}
            of_own = [a for a in prep_actors(noun, frozenset({"of"}), self.ctx) if a.entity in own]
            target = [a for a in target if a not in of_own]
        if not target and verb is not None and (rule.verbs_with or carried(noun)):
            target = prep_actors(verb, RECIPIENT_PREPS, self.ctx)
        purpose = verb is not None and verb.dep_ in ("advcl", "xcomp")
        if not target and purpose and rule.verbs_with:
            # "called the Prime Minister to offer his condolences": to whom he called
            target = [a for o in children(verb.head, {"dobj"}) for a in phrase_actors(o, self.ctx)]
        if asks(rule):
            # "there is an urgent need for X to agree": the document's voice asks X
            target = target or self._asked_of(noun)
            source = source or list(self.ctx.speaker)
        return source, target

    def _holders(self, release: Token) -> list[Actor]:
        """ "the release of the journalist held by the Taliban", "of the hostages who had
        been kidnapped by Hamas": who held the released releases them."""
        holding = set(self.rules.markers.captors.get("holding", ()))
        for released in prep_objects(release, frozenset({"of"})):
            for word in released.subtree:
                held = word.dep_ in ("acl", "relcl") and word.lemma_.lower() in holding
                found = prep_actors(word, frozenset({"by"}), self.ctx) if held else []
                if found:
                    return found
        return []

    def _reported(self, noun: Token) -> bool:
        """Whether a reaction reports the noun's event as a fact ("condemns the attack
        today"): then it happened, named or not."""
        rule = self.matches.get(noun.head.i)
        return rule is not None and rule.reports_object and noun.dep_ in ("dobj", "nsubjpass")

    def _claimants(self, violence: Token) -> list[Actor]:
        """ "the attack in Kabul, which was claimed by the Taliban": whoever claims an act
        of violence (a clause a responsibility rule knows) did it."""
        # the parser may hang ", claimed by X" on the verb the attack is the object of
        beside = [c for c in violence.head.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
        for clause in [*violence.subtree, *beside]:
            if clause.dep_ not in ("relcl", "acl", "advcl") or clause.pos_ != "VERB":
                continue
            lemma = clause.lemma_.lower()
            if any(r.code == CLAIM_CODE for r in self.rules.candidates("verb", lemma)):
                return prep_actors(clause, frozenset({"by"}), self.ctx)
        return []

    def _verdict(self, word: Token, rule: Rule, matches: dict[int, Rule]) -> Coded | None:
        """A verdict on a thing is on those who did it: "Moscow called the British
        measures a provocation" is Moscow on Britain; "said the measures were unjustified"
        on whoever took the measures last reported."""
        thing, verb = judged(word) or (None, None)
        if thing is None:
            return None
        source = subjects(verb, self.ctx) if verb is not None else list(self.ctx.speaker)
        if thing.i in matches and matches[thing.i].kind == "noun":
            target = self._event_actors(thing, matches[thing.i])  # "the detention is illegal"
        else:
            target = phrase_actors(thing, self.ctx) or subtree_actors(thing, self.ctx)
        if not target and is_definite_reference(thing):
            target = list(self.ctx.discourse.last_actors)
        anchor = verb if verb is not None else word.head
        return self._finish(rule, word, anchor, source, target, False, clause_scope(anchor))

    def _adjective_event(self, adjective: Token, rule: Rule) -> Coded | None:
        passive = [
            a for s in children(adjective, {"nsubjpass"}) for a in phrase_actors(s, self.ctx)
        ]
        source = passive or subjects(adjective, self.ctx) or subjects(adjective.head, self.ctx)
        target: list[Actor] = []
        for prep in children(adjective, {"prep", "agent"}):
            target = subtree_actors(prep, self.ctx)[:1]
            if target:
                break
        for clause in children(adjective, {"ccomp"}) if not target else []:
            # "confident that the parties will implement it": about those the clause names
            target = [a for s in children(clause, SUBJECT_DEPS) for a in phrase_actors(s, self.ctx)]
        scope = clause_scope(adjective.head if adjective.dep_ == "acomp" else adjective)
        return self._finish(rule, adjective, adjective.head, source, target, False, scope)

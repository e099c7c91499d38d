"""From a noun phrase in the parse to the actors it stands for.

"delegations of the Taliban and the High Peace Council of Afghanistan" is two actors:
a `member` noun (delegations) takes its actor from its "of" phrase, a `sector` noun
(Council) takes its entity from a modifier and gives its sector, and coordination
makes a list. Relative clauses and appositions never contribute actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.actors.kb import ActorKB, GroupNoun
from parley.actors.resolve import proper_nouns
from parley.coding.discourse import Discourse
from parley.model import Actor, Mention

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
OF_PREPS = frozenset({"of", "from"})
# Governments known by their seat ("the authorities in Kabul"); an embassy in a capital
# is not that state's.
SEATED = frozenset({"government", "authority", "authorities", "regime", "administration", "junta"})
STOP_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "punct", "cc", "prep"})
OBJECT_PRONOUNS = frozenset({"it", "them"})
POSSESSIVES = frozenset({"its", "their", "his", "her"})


@dataclass
class Context:
    """What argument resolution knows beyond the token: mentions, the knowledge base, the
    document's voice and what the document has told so far (`discourse`)."""

    kb: ActorKB
    mentions: dict[int, Mention]
    state_entities: frozenset[str] = field(default_factory=frozenset)
    speaker: tuple[Actor, ...] = ()
    salient: tuple[Actor, ...] = ()  # the document's most named actors, besides its voice
    home: str = ""  # the state the document reports from or about
    people: dict[str, Actor] = field(default_factory=dict)  # surname -> office holder
    # (token, office, holder) for each name given with its office: "Secretary Pompeo"
    offices: list[tuple[int, str, Actor]] = field(default_factory=list)
    discourse: Discourse = field(default_factory=Discourse)


STATE_APPARATUS = frozenset({"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def side(actor: Actor) -> tuple[str, str]:
    """Who an actor is for telling sides apart: a state's government and its rebels are
    two sides ("the Sudanese government and the SPLM"); its ministries, army and police
    are one."""
    return (actor.entity, "STATE" if actor.sector in STATE_APPARATUS else actor.sector)


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("A, B and C", "A as well as B")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def phrase_actors(token: Token, ctx: Context) -> list[Actor]:
    """The actors of a noun phrase and of every phrase coordinated with it."""
    actors: list[Actor] = []
    for head in conjuncts(token):
        for actor in np_actors(head, ctx):
            if all(a.code != actor.code or not a.entity for a in actors):
                actors.append(actor)
    return actors


def np_actors(head: Token, ctx: Context) -> list[Actor]:
    mention = ctx.mentions.get(head.i)
    if mention is not None:
        if elided := _elided_conjuncts(head, mention, ctx):
            return elided + list(mention.actors)
        if mention.kind == "adjective" and head.tag_ in ("NNS", "NNPS"):
            # a people named by its demonym: "Palestinians", "Afghans" are civilians
            return [Actor(a.entity, "CVL", a.country, a.name, a.text) for a in mention.actors]
        return list(mention.actors)
    group = group_noun(head, ctx.kb)
    if group is not None and group.kind == "anaphor" and _is_definite(head):
        return list(ctx.discourse.parties or ctx.salient[:2])
    if group is not None and _is_pair(head) and (ctx.discourse.parties or ctx.salient):
        return list(ctx.discourse.parties or ctx.salient[:2])  # "the two ministers", "both sides"
    if head.lower_ in OBJECT_PRONOUNS and head.dep_ in ("dobj", "pobj"):
        return _antecedent(head, ctx)
    if head.pos_ == "PROPN" and head.text in ctx.people:
        return [ctx.people[head.text]]  # "Joseph" after "interim Prime Minister Claude Joseph"
    inner = _modifier_actors(head, ctx)
    if group is None:
        title = _title_of_name(head, ctx)
        if title is None:
            return inner or _appositive_office(head, ctx)
        if not inner and ctx.home:
            # "President Juan Manuel Santos", a name the knowledge base lacks
            return [Actor(ctx.home, title.sector, ctx.home, "", _np_text(head))]
        return [_with_sector(a, title.sector, ctx) for a in inner]  # "Haitian President X"

    if group.kind == "member":
        # "the council members", "the Taliban delegation": of the body the modifier names
        return inner or _of_named_body(head, ctx)
    if group.kind == "aide":
        served = [a for p in prep_children(head, AIDE_PREPS) for a in phrase_actors(p, ctx)]
        return [_with_sector(a, group.sector, ctx) for a in inner or served]
    if group.kind == "organisation":
        # "the group's fighters", "the bloc said": the organisation last named
        return inner or (_last_organisation(head, ctx) if _is_definite_ref(head) else [])
    bare_title = group.kind == "title" and not inner and _is_bare_definite(head, group)
    if bare_title and head.tag_ == "NNS":
        # "the ministers", "the leaders" after a meeting: its parties
        return list(ctx.discourse.parties or ctx.speaker)
    if bare_title:
        # "the Secretary", "the Ministry": the document's voice, else the last holder
        # named with that office, else the one who acted last
        return list(
            ctx.speaker
            or _office_holder(head, group, ctx)
            or _named_with_head(head, ctx)
            or ctx.discourse.last_source
        )
    if group.kind == "capital":
        return [_with_sector(a, "GOV", ctx) for a in inner if a.entity in ctx.state_entities]
    sector = _modifier_sector(head, ctx) or group.sector
    if not inner and _is_generic(head, group):
        # "all States", "foreign governments": nobody's in particular, not the home state's
        return [Actor("", "", "", "", _np_text(head))]
    if not inner and ctx.home and _successor(head, group):
        # "I look forward to working with the new government": of the state reported on
        return [Actor(ctx.home, sector, ctx.home, "", _np_text(head))]
    if not inner:
        return [Actor("", sector, "", "", _np_text(head))]
    return [_with_sector(a, sector, ctx) for a in inner]


def _of_named_body(head: Token, ctx: Context) -> list[Actor]:
    """ "the council members" after "the Security Council": a group noun before the head
    stands for the body it was named in."""
    for child in head.children:
        if child.dep_ == "compound" and child.i < head.i and group_noun(child, ctx.kb):
            return [a for a in np_actors(child, ctx) if a.entity]
    return []


def _elided_conjuncts(head: Token, mention: Mention, ctx: Context) -> list[Actor]:
    """ "North and South Korea" parses as "Korea" with "North" coordinated before it as a
    modifier: the modifier is a name of its own."""
    found: list[Actor] = []
    for child in head.children:
        if child.dep_ in ("nmod", "compound") and child.i < mention.start:
            other = ctx.mentions.get(child.i)
            if other is not None and any(c.dep_ == "cc" for c in child.children):
                found.extend(a for a in other.actors if a not in found)
    return found


AIDE_PREPS = frozenset({"to", "for", "of"})
# "a US-led airstrike", "the Saudi-led coalition": the leader's; "Russian-backed
# separatists" are not Russia's own, so "backed" is not here.
LEADING = frozenset({"lead", "led", "command", "commanded", "run"})


def prep_children(head: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of `head`'s prepositions in `preps` ("adviser [to] the President")."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _appositive_office(head: Token, ctx: Context) -> list[Actor]:
    """A name the knowledge base lacks, with its office in apposition: "Emmanuel Bonne,
    diplomatic counselor to French President Emmanuel Macron" serves France."""
    if head.pos_ != "PROPN" or head.ent_type_ not in ("PERSON", ""):
        return []
    for child in head.children:
        if child.dep_ == "appos" and group_noun(child, ctx.kb) is not None:
            return [a for a in np_actors(child, ctx) if a.entity]
    return []


def _modifier_sector(head: Token, ctx: Context) -> str:
    """A sector word before the group noun wins: "opposition supporters" are OPP, "army
    engineers" MIL, "police officers" COP."""
    for child in head.children:
        if child.dep_ in ("compound", "amod") and child.i < head.i:
            group = ctx.kb.groups.get(child.lower_) or ctx.kb.groups.get(child.lemma_.lower())
            if group is not None and group.kind == "sector" and group.sector:
                return group.sector
    return ""


def titled_people(doc: Doc, ctx: Context) -> dict[str, Actor]:
    """People the knowledge base lacks, known from the document by their office:
    "interim Prime Minister Claude Joseph" makes a later "Joseph" that office's holder."""
    people: dict[str, Actor] = {}
    for token in proper_nouns(doc):
        if token.i in ctx.mentions or _title_of_name(token, ctx) is None:
            continue
        named = [a for a in np_actors(token, ctx) if a.entity]
        if len(named) == 1:
            people.setdefault(token.text, named[0])
    return people


def titled_offices(doc: Doc, ctx: Context) -> list[tuple[int, str, Actor]]:
    """Each name given with its office ("Secretary Michael R. Pompeo"), for a later "the
    Secretary" in a text whose voice is unknown."""
    offices: list[tuple[int, str, Actor]] = []
    for token in proper_nouns(doc):
        title = _title_of_name(token, ctx)
        mention = ctx.mentions.get(token.i)
        if title is None or (mention is not None and mention.kind != "person"):
            continue
        if token.i > 0 and token.nbor(-1).text == "-":  # "Secretary-General" is an office
            continue
        actors = mention.actors if mention is not None else np_actors(token, ctx)
        named = [a for a in actors if a.entity]
        if len(named) == 1:
            offices.append((token.i, title.lemma, named[0]))
    return offices


def _office_holder(head: Token, group: GroupNoun, ctx: Context) -> list[Actor]:
    """The holder of `group`'s office named last before `head`: "the minister" is the
    last "Foreign Minister X", where "the Prime Minister" is only a prime minister."""

    def same(office: str) -> bool:
        return office == group.lemma or (
            " " not in group.lemma and office.endswith(f" {group.lemma}")
        )

    before = [actor for i, office, actor in ctx.offices if i < head.i and same(office)]
    return before[-1:]


def _named_with_head(head: Token, ctx: Context) -> list[Actor]:
    """ "the Council" after "the UN Security Council", "the Ministry" after "the Russian
    Foreign Ministry": the last body whose name ends in the same noun."""
    seen = set()
    for i in range(head.i - 1, -1, -1):
        mention = ctx.mentions.get(i)
        if mention is None or id(mention) in seen:
            continue
        seen.add(id(mention))
        last = mention.text.split()[-1].casefold() if mention.text.split() else ""
        if last in (head.lower_, head.lemma_.lower()):
            return [a for a in mention.actors if a.entity]
    return []


def _title_of_name(head: Token, ctx: Context) -> GroupNoun | None:
    """The office before an unknown name: "President" in "President Juan Manuel Santos"."""
    if head.pos_ != "PROPN":
        return None
    for child in head.children:
        if child.dep_ in ("compound", "nmod"):
            group = group_noun(child, ctx.kb)
            if group is not None and group.kind == "title":
                return group
    return None


def _antecedent(pronoun: Token, ctx: Context) -> list[Actor]:
    """ "Germany has recognised it": the nearest actor named before the pronoun, other
    than the subject of its own clause."""
    verb = pronoun.head if pronoun.dep_ == "dobj" else pronoun.head.head
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for i in range(pronoun.i - 1, max(pronoun.sent.start - 1, pronoun.i - 60), -1):
        mention = ctx.mentions.get(i)
        if mention is not None and i not in subject and mention.kind != "pronoun":
            return list(mention.actors)
    return []


def _last_organisation(head: Token, ctx: Context) -> list[Actor]:
    for i in range(head.i - 1, -1, -1):
        mention = ctx.mentions.get(i)
        if mention is not None:
            named = [a for a in mention.actors if a.entity not in ctx.state_entities]
            if named and mention.kind != "pronoun":
                return named
    return []


def _is_definite_ref(head: Token) -> bool:
    """ "the group", "this alliance": no adjective or name of its own."""
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    own = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")]
    return bool(dets) and dets[0] in ("the", "this", "that") and not own


def _possessor(pronoun: Token, ctx: Context) -> list[Actor]:
    """ "Moscow said its forces struck ...": the nearest actor named before "its";
    "the group said its fighters ...": the group it stands for."""
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 60), -1):
        mention = ctx.mentions.get(i)
        if mention is not None and mention.kind != "pronoun":
            return list(mention.actors)
        group = group_noun(pronoun.doc[i], ctx.kb) if mention is None else None
        if group is not None and group.kind == "organisation":
            named = [a for a in np_actors(pronoun.doc[i], ctx) if a.entity]
            if named:
                return named
    return []


def group_noun(head: Token, kb: ActorKB) -> GroupNoun | None:
    """The group noun a phrase ends in: two words first ("Defense Ministry", "air force")."""
    before = head.doc[head.i - 1] if head.i > head.sent.start else None
    keys = [head.lower_, head.lemma_.lower(), *_singulars(head)]
    if before is not None and before.dep_ in ("compound", "amod"):
        keys = [f"{before.lower_} {head.lower_}", f"{before.lower_} {head.lemma_.lower()}", *keys]
    return next((kb.groups[k] for k in keys if k in kb.groups), None)


def _singulars(head: Token) -> list[str]:
    """ "Protesters" opening a sentence after a headline is tagged a proper noun, which
    the lemmatiser leaves plural: the singulars English spelling allows."""
    word = head.lower_
    if head.pos_ != "PROPN" or not word.endswith("s"):
        return []
    return [word[:-1], word[:-2], word[:-3] + "y"]


def _is_definite(head: Token) -> bool:
    return any(c.lower_ in ("both", "the", "two", "all") for c in head.children)


def _is_pair(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("both", "two") for c in head.children)


GENERIC_MODIFIERS = frozenset(
    {"other", "foreign", "international", "neighbouring", "neighboring", "regional", "world"}
)


def _is_generic(head: Token, group: GroupNoun) -> bool:
    """ "foreign governments", "all States": states in general, not the home state;
    "all armed groups" in a report on one country are still that country's."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    words = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "predet")}
    return bool(words & GENERIC_MODIFIERS) or ("all" in words and group.sector == "GOV")


# "the new government", "the incoming administration": the one an election or a
# transition in the state reported on brings.
SUCCESSOR_MODIFIERS = frozenset(
    {"new", "incoming", "elected", "newly-elected", "next", "future", "transitional", "interim"}
)


def _successor(head: Token, group: GroupNoun) -> bool:
    words = {c.lower_ for c in head.children if c.dep_ in ("amod", "det")}
    return (
        group.sector == "GOV"
        and head.tag_ == "NN"
        and "the" in words
        and bool(words & SUCCESSOR_MODIFIERS)
    )


def _is_bare_definite(head: Token, group: GroupNoun | None = None) -> bool:
    """ "the Secretary" and nothing else: no name, no "of" phrase, no adjective (others
    may be coordinated with it: "the President and President Karzai"); the first word of
    a two-word title is part of it ("the Prime Minister")."""

    def own_word(c: Token) -> bool:
        return group is not None and c.dep_ == "compound" and group.lemma.startswith(c.lower_ + " ")

    return all(
        c.dep_ in ("cc", "conj")
        or (c.dep_ in ("det", "punct") and c.lower_ in ("the", ","))
        or own_word(c)
        for c in head.children
    )


def _modifier_actors(head: Token, ctx: Context) -> list[Actor]:
    """Actors named in the phrase's modifiers: "Afghan politicians", "Council of Afghanistan".
    A possessor owns the phrase: "North Korea's U.N. ambassador" is North Korea's."""
    found: list[Actor] = []
    for child in head.children:
        mention = ctx.mentions.get(child.i)
        if child.dep_ == "poss" and mention is not None:
            return _named_group(head, ctx) or list(mention.actors)
    modifiers = [m for c in head.children if c.dep_ in MODIFIER_DEPS for m in conjuncts(c)]
    others = [c for c in head.children if c.dep_ not in MODIFIER_DEPS]
    for child in modifiers + others:  # "Kenyan and Ugandan officials": both
        if child.dep_ in MODIFIER_DEPS or child in modifiers:
            mention = ctx.mentions.get(child.i)
            if mention is not None:
                found.extend(mention.actors)
            elif child.dep_ in ("compound", "nmod"):
                # "the Russian Defense Ministry", "US Deputy Secretary of State John Sullivan"
                found.extend(_modifier_actors(child, ctx))
            elif child.dep_ == "amod" and child.lemma_.lower() in LEADING:
                found.extend(_modifier_actors(child, ctx))  # "a US-led airstrike"
            elif child.dep_ == "poss" and child.lower_ in POSSESSIVES:
                found.extend(_possessor(child, ctx))  # "its forces": whose they are
            elif child.dep_ == "poss":  # "the group's fighters"
                found.extend(a for a in np_actors(child, ctx) if a.entity)
        elif child.dep_ == "prep" and child.lower_ == "in" and _civilians(head, ctx):
            # "the victims in Algeria", "civilians in Gaza": the people of the state named
            for pobj in children_of(child, "pobj"):
                mention = ctx.mentions.get(pobj.i)
                if mention is not None and mention.kind in ("country", "capital"):
                    found.extend(mention.actors)
        elif child.dep_ == "prep" and child.lower_ == "in" and head.lemma_.lower() in SEATED:
            # "the government in Khartoum": the state whose capital it sits in
            for pobj in children_of(child, "pobj"):
                mention = ctx.mentions.get(pobj.i)
                if mention is not None and mention.kind == "capital":
                    found.extend(mention.actors)
        elif child.dep_ == "prep" and child.lower_ in OF_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(phrase_actors(pobj, ctx))
    return found


def _named_group(head: Token, ctx: Context) -> list[Actor]:
    """ "Lebanon's Hezbollah movement", "Nigeria's Boko Haram group": the organisation the
    noun names is the actor, not the state before it ("North Korea's U.N. ambassador" is
    an envoy of North Korea: no organisation noun)."""
    group = group_noun(head, ctx.kb)
    if group is None or group.kind != "organisation":
        return []
    named = [ctx.mentions.get(c.i) for c in head.children if c.dep_ == "compound"]
    return [a for m in named if m is not None and m.kind == "org" for a in m.actors]


def _civilians(head: Token, ctx: Context) -> bool:
    group = group_noun(head, ctx.kb)
    return group is not None and group.sector == "CVL"


def children_of(token: Token, dep: str) -> list[Token]:
    return [c for c in token.children if c.dep_ == dep]


def _with_sector(actor: Actor, sector: str, ctx: Context) -> Actor:
    """A state's actor takes the noun's sector; an organisation keeps its own."""
    if actor.entity in ctx.state_entities or not actor.entity:
        return Actor(actor.entity, sector, actor.country, actor.name, actor.text)
    return actor


def _np_text(head: Token) -> str:
    tokens = [t for t in head.subtree if t.dep_ not in STOP_DEPS or t.i == head.i]
    left = min(t.i for t in tokens)
    return head.doc[left : head.i + 1].text


def subtree_actors(
    token: Token, ctx: Context, *, skip: frozenset[str] = frozenset({"relcl"})
) -> list[Actor]:
    """Actors anywhere below `token`, nearest first, not entering clauses in `skip`."""
    found: list[Actor] = []
    queue = [token]
    while queue:
        current = queue.pop(0)
        for actor in np_actors(current, ctx) if current.i != token.i else []:
            if actor.entity and all(actor.entity != f.entity for f in found):
                found.append(actor)
        queue.extend(c for c in current.children if c.dep_ not in skip)
    return found

"""Pattern rules and modality markers, loaded from data/patterns/*.yaml and modality.yaml.

Every rule is checked when loaded; all problems of a file are reported together, each
as `path:line: rule 'id': what is wrong`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from parley.datafiles import data_path, read_yaml
from parley.errors import DataFileError
from parley.model import MODALITIES
from parley.ontology import cameo_table

KINDS = ("verbs", "nouns", "adjectives")
KEYS = {
    "id",
    "code",
    "verbs",
    "nouns",
    "adjectives",
    "preps",
    "objects",
    "symmetric",
    "formula",
    "clause_accuses",
    "agent_preps",
    "reports_object",
    "modality",
    "refine",
    "verbs_with",
    "particles",
    "accuses_reported",
    "fallback",
    "requires_clause",
    "subjects",
    "topic_object",
    "judges",
    "makes_object",
    "only_intended",
}


@dataclass(frozen=True)
class Refinement:
    code: str
    any: tuple[tuple[str, ...], ...] = ()  # each item: words that must all occur
    modifiers: tuple[str, ...] = ()  # modifiers of the object or predicate word
    at_least: int = 0  # the object counts at least this many ("killed more than 1,000")
    office_holder: bool = False  # the one it is done to is a named official ("the president")
    _singles: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    _phrases: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        # one set operation per refinement instead of a loop over its words (a hot path)
        object.__setattr__(self, "_singles", frozenset(i[0] for i in self.any if len(i) == 1))
        object.__setattr__(self, "_phrases", tuple(frozenset(i) for i in self.any if len(i) > 1))

    def said_in(self, words: set[str]) -> bool:
        """Whether one of the `any` items occurs among `words` (all its words, for a phrase)."""
        return not self._singles.isdisjoint(words) or any(p <= words for p in self._phrases)


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    kind: str  # verb, noun, adjective
    lemmas: frozenset[str]
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    verbs_with: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    accuses_reported: frozenset[str] = frozenset()  # roots of reported events that accuse
    fallback: bool = False  # only when the sentence has no other event
    requires_clause: bool = False  # "called on X to ...", not a courtesy call on X
    subjects: frozenset[str] = frozenset()  # the subject's head must be one of these
    topic_object: bool = False  # the object is what is talked about, never a party
    judges: bool = False  # a verdict on a thing: "called the measures a provocation"
    makes_object: bool = False  # its object event happens only if it does ("host talks")
    only_intended: bool = False  # coded only as an intention ("look forward to working with")
    symmetric: bool = False
    agent_preps: frozenset[str] = frozenset()  # "was summoned to the ministry": who acts
    clause_accuses: str = ""  # "concern that Iran is expanding ...": this code against Iran
    formula: bool = False  # a closing formula naming no parties: "Done at Kingstown, ..."
    reports_object: bool = False
    modality: str | None = None
    refine: tuple[Refinement, ...] = ()
    source_file: str = ""
    line: int = 0

    @property
    def reporting(self) -> bool:
        """A rule that codes what a statement says about other events, after them."""
        return self.fallback or bool(self.accuses_reported)

    @property
    def specificity(self) -> int:
        return (
            bool(self.preps)
            + 2 * bool(self.objects)
            + bool(self.verbs_with)
            + 2 * bool(self.particles)
            + 2 * bool(self.subjects)
        )


@dataclass(frozen=True)
class Beneficiaries:
    """Aid that names no recipient: its codes, the verbs of a purpose clause that name who
    it helps, and the sector a state named there is given."""

    codes: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()
    sector: str = ""


@dataclass(frozen=True)
class Markers:
    negation_dependents: frozenset[str]
    negation_governors: frozenset[str]
    intent_auxiliaries: frozenset[str]
    intent_governors: frozenset[str]
    appeal_governors: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_governors: frozenset[str]
    intent_codes: dict[str, str]
    support_verbs: frozenset[str]
    state_sector: dict[str, str]
    target_optional: frozenset[str]
    home_target: dict[str, str]
    repression: dict[str, object]
    reporting_verbs: frozenset[str]
    captors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unnamed_attack: dict[str, str] = field(default_factory=dict)
    irregular_sectors: frozenset[str] = frozenset()
    mutual_codes: tuple[str, ...] = ()
    beneficiaries: Beneficiaries = field(default_factory=Beneficiaries)
    asked_belligerents: tuple[str, ...] = ()
    disasters: frozenset[str] = frozenset()
    # "has decided to recognise": a decision that is itself the act, by code
    decided_acts: frozenset[str] = frozenset()
    dated_documents: frozenset[str] = frozenset()  # "the Convention of April 18, 1961"
    intent_adjectives: frozenset[str] = frozenset()  # "open to talks", never "opened talks"
    counterpart_codes: tuple[str, ...] = ()  # acts on envoys that share a listed target
    obligation_auxiliaries: frozenset[str] = frozenset()  # "must": a demand of the subject
    obligation_rule: str = ""  # the demand rule such a clause is coded by
    decision_governors: frozenset[str] = frozenset()

    def sector_for(self, code: str) -> str:
        """The sector of a state acting as a whole in an event with this code."""
        for key in (code[:3], code[:2], "default"):
            if key in self.state_sector:
                return self.state_sector[key]
        return "GOV"


@dataclass
class RuleSet:
    rules: list[Rule]
    markers: Markers
    by_lemma: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)
    lemmas: frozenset[str] = frozenset()  # every predicate word of every rule
    by_id: dict[str, Rule] = field(default_factory=dict)
    reporting_ids: frozenset[str] = frozenset()  # rules whose object is an event too
    accusing_ids: frozenset[str] = frozenset()  # rules that accuse what a report says

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for rule in self.rules:
            for lemma in rule.lemmas:
                index[(rule.kind, lemma)].append(rule)
        for candidates in index.values():
            candidates.sort(key=lambda r: -r.specificity)
        self.by_lemma = dict(index)
        self.lemmas = frozenset(lemma for _, lemma in index)
        self.by_id = {r.id: r for r in self.rules}
        self.reporting_ids = frozenset(r.id for r in self.rules if r.reports_object)
        self.accusing_ids = frozenset(r.id for r in self.rules if r.accuses_reported)

    def candidates(self, kind: str, lemma: str) -> list[Rule]:
        return self.by_lemma.get((kind, lemma), [])

    def names_violence(self, noun: str) -> bool:
        """Whether some rule of roots 18-20 has `noun` as its word ("the strikes")."""
        return any(r.code[:2] in ("18", "19", "20") for r in self.candidates("noun", noun))


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _words(value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


def _parse_rule(raw: dict, path: Path, problems: list[str]) -> Rule | None:
    line = raw.pop("__line__", 0)
    rule_id = raw.get("id")
    where = f"{line}: rule {rule_id!r}"
    if not rule_id:
        problems.append(f"{line}: rule without an id")
        return None
    unknown = set(raw) - KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(KEYS)}")
    code = str(raw.get("code", ""))
    if code not in cameo_table():
        problems.append(f"{where}: {code!r} is not a CAMEO code in cameo.tsv")
    for key in (
        "verbs",
        "nouns",
        "adjectives",
        "preps",
        "objects",
        "verbs_with",
        "particles",
        "subjects",
    ):
        words = raw.get(key) or []
        if any(not isinstance(w, str) for w in (words if isinstance(words, list) else [words])):
            problems.append(
                f"{where}: {key}: every word must be a string; quote YAML words "
                "such as 'on', 'off', 'yes', 'no'"
            )
    kinds = [k for k in KINDS if raw.get(k)]
    if len(kinds) != 1:
        problems.append(f"{where}: give exactly one of verbs, nouns, adjectives")
        return None
    modality = raw.get("modality")
    if modality is not None and modality not in MODALITIES:
        problems.append(f"{where}: unknown modality {modality!r}; use one of {MODALITIES}")
    refine = []
    for item in raw.get("refine") or []:
        item.pop("__line__", None)
        if str(item.get("code")) not in cameo_table():
            problems.append(f"{where}: refine code {item.get('code')!r} is not a CAMEO code")
            continue
        refine.append(
            Refinement(
                code=str(item["code"]),
                any=tuple(tuple(str(w).lower().split()) for w in item.get("any") or []),
                modifiers=tuple(str(w).lower() for w in item.get("modifiers") or []),
                at_least=int(item.get("at_least") or 0),
                office_holder=bool(item.get("office_holder", False)),
            )
        )
    return Rule(
        id=str(rule_id),
        code=code,
        kind=kinds[0][:-1],
        lemmas=_words(raw[kinds[0]]),
        preps=_words(raw.get("preps")),
        objects=_words(raw.get("objects")),
        verbs_with=_words(raw.get("verbs_with")),
        particles=_words(raw.get("particles")),
        accuses_reported=frozenset(str(r) for r in raw.get("accuses_reported") or ()),
        fallback=bool(raw.get("fallback", False)),
        requires_clause=bool(raw.get("requires_clause", False)),
        subjects=_words(raw.get("subjects")),
        topic_object=bool(raw.get("topic_object", False)),
        judges=bool(raw.get("judges", False)),
        makes_object=bool(raw.get("makes_object", False)),
        only_intended=bool(raw.get("only_intended", False)),
        symmetric=bool(raw.get("symmetric", False)),
        formula=bool(raw.get("formula", False)),
        clause_accuses=str(raw.get("clause_accuses") or ""),
        agent_preps=_words(raw.get("agent_preps")),
        reports_object=bool(raw.get("reports_object", False)),
        modality=modality,
        refine=tuple(refine),
        source_file=path.name,
        line=line,
    )


def load_rule_file(path: Path) -> list[Rule]:
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), [f"0: not valid YAML: {exc}"]) from exc
    if not isinstance(raw, list):
        raise DataFileError(str(path), ["1: expected a list of rules"])
    problems: list[str] = []
    rules = [r for item in raw if (r := _parse_rule(item, path, problems)) is not None]
    if problems:
        raise DataFileError(str(path), problems)
    return rules


def load_markers(path: Path) -> Markers:
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(str(path), ["1: expected a mapping"])
    try:
        return Markers(
            negation_dependents=_words(raw["negation"]["dependents"]),
            negation_governors=_words(raw["negation"]["governors"]),
            intent_auxiliaries=_words(raw["intent"]["auxiliaries"]),
            intent_governors=_words(raw["intent"]["governors"]),
            appeal_governors=_words(raw["appeal"]["governors"]),
            hypothetical_auxiliaries=_words(raw["hypothetical"]["auxiliaries"]),
            hypothetical_marks=_words(raw["hypothetical"]["marks"]),
            hypothetical_governors=_words(raw["hypothetical"]["governors"]),
            intent_codes={str(k): str(v) for k, v in raw["intent_codes"].items()},
            support_verbs=_words(raw["support_verbs"]),
            state_sector={str(k): str(v) for k, v in (raw.get("state_sector") or {}).items()},
            target_optional=frozenset(str(r) for r in raw.get("target_optional") or ()),
            home_target={str(k): str(v or "") for k, v in (raw.get("home_target") or {}).items()},
            repression=dict(raw.get("repression") or {}),
            unnamed_attack={str(k): str(v) for k, v in (raw.get("unnamed_attack") or {}).items()},
            irregular_sectors=frozenset(str(v) for v in raw.get("irregular_sectors") or ()),
            mutual_codes=tuple(str(c) for c in raw.get("mutual_codes") or ()),
            disasters=_words(raw.get("disasters")),
            counterpart_codes=tuple(str(c) for c in raw.get("counterpart_codes") or ()),
            obligation_auxiliaries=_words((raw.get("obligation") or {}).get("auxiliaries")),
            obligation_rule=str((raw.get("obligation") or {}).get("rule") or ""),
            intent_adjectives=_words(raw["intent"].get("adjectives")),
            dated_documents=_words(raw.get("dated_documents")),
            decided_acts=frozenset(str(c) for c in (raw.get("decided") or {}).get("acts") or ()),
            decision_governors=_words((raw.get("decided") or {}).get("governors")),
            asked_belligerents=tuple(str(c) for c in raw.get("asked_belligerents") or ()),
            beneficiaries=_beneficiaries(raw.get("beneficiaries") or {}),
            captors={
                str(k): tuple(str(c) for c in v or ())
                for k, v in (raw.get("captors") or {}).items()
            },
            reporting_verbs=_words(raw.get("reporting_verbs")),
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(str(path), [f"0: missing section {exc}"]) from exc


def _beneficiaries(raw: dict) -> Beneficiaries:
    return Beneficiaries(
        codes=tuple(str(c) for c in raw.get("codes") or ()),
        verbs=_words(raw.get("verbs")),
        sector=str(raw.get("sector") or ""),
    )


def load_rules(extra: Iterable[Path] = ()) -> RuleSet:
    """The package's rules plus any rule files a user adds; rule ids must be unique."""
    files = sorted(data_path("patterns").glob("*.yaml")) + list(extra)
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for path in files:
        for rule in load_rule_file(path):
            if rule.id in seen:
                first = seen[rule.id]
                raise DataFileError(
                    str(path),
                    [
                        f"{rule.line}: rule {rule.id!r}: id already used at "
                        f"{first.source_file}:{first.line}"
                    ],
                )
            seen[rule.id] = rule
            rules.append(rule)
    return RuleSet(rules, load_markers(data_path("modality.yaml")))


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return load_rules()

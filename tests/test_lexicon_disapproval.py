"""The lexicon of CAMEO roots 10-14 (demand, disapprove, reject, threaten, protest), on
sentences written for these tests: each family of wordings (verbs, phrasal verbs, nouns,
adjectives, light-verb constructions, passives and nominalisations) codes its code, with
the right source and target."""

from __future__ import annotations

from datetime import date

import pytest

import parley

from conftest import LEXICON_DAY, coded, codes_with_actors

DAY = LEXICON_DAY


# 10 Demand ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1053 release of persons
        (
            "Israel demanded that Hamas free the hostages.",
            ("1053", ["ISR/GOV"], ["HAMAS/REB"]),
        ),
        (
            "Canada demanded the release of its two citizens from China.",
            ("1053", ["CAN/GOV"], ["CHN/GOV"]),
        ),
        # 1056 de-escalation: demands to stop attacks, to withdraw
        (
            "Ukraine demanded that Russia stop shelling the nuclear plant.",
            ("1056", ["UKR/GOV"], ["RUS/GOV"]),
        ),
        (
            "The Security Council demanded an end to the Houthi attacks on shipping.",
            ("1056", ["UN"], ["HOUTHIS/REB"]),
        ),
        (
            "Britain insisted that Russia withdraw its troops from Ukraine.",
            ("1056", ["GBR/GOV"], ["RUS/GOV"]),
        ),
        (
            "Russia insisted on the withdrawal of NATO forces.",
            ("1056", ["RUS/GOV"], ["NATO"]),
        ),
        # the demand as a noun: with its support verb, or with the clause it asks for
        (
            "North Korea's demand that the United States withdraw its troops was rejected.",
            ("1056", ["PRK/GOV"], ["USA/GOV"]),
        ),
        (
            "Poland restated its demand for war reparations from Germany.",
            ("100", ["POL/GOV"], ["DEU/GOV"]),
        ),
        # 105 yielding: apologies, compensation
        (
            "China demanded an apology from Japan.",
            ("105", ["CHN/GOV"], ["JPN/GOV"]),
        ),
    ],
)
def test_lexicon_demand(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


def test_lexicon_demand_is_an_appeal() -> None:
    assert ("1056", ["GBR/GOV"], ["RUS/GOV"], "appeal") in coded(
        "Britain insisted that Russia withdraw its troops from Ukraine."
    )


# 11 Disapprove -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 110 opposition, objection, regret over another's act
        (
            "China firmly opposes Japan's decision to expand the base.",
            ("110", ["CHN/GOV"], ["JPN/GOV"]),
        ),
        (
            "Turkey strongly opposed the Swedish bid for NATO membership.",
            ("110", ["TUR/GOV"], ["SWE/GOV"]),
        ),
        (
            "China voiced strong opposition to the Japanese decision.",
            ("110", ["CHN/GOV"], ["JPN/GOV"]),
        ),
        (
            "Russia's opposition to NATO enlargement is well known.",
            ("110", ["RUS/GOV"], ["NATO"]),
        ),
        (
            "Germany stands firmly against the Russian plan.",
            ("110", ["DEU/GOV"], ["RUS/GOV"]),
        ),
        (
            "Hungary is firmly opposed to the Ukrainian accession.",
            ("110", ["HUN/GOV"], ["UKR/GOV"]),
        ),
        (
            "India objected to the Chinese map.",
            ("110", ["IND/GOV"], ["CHN/GOV"]),
        ),
        (
            "Japan expressed regret over North Korea's missile launch.",
            ("110", ["JPN/GOV"], ["PRK/GOV"]),
        ),
        (
            "Japan regretted China's decision to expel the journalists.",
            ("110", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        (
            "Japan said the Chinese decision was regrettable.",
            ("110", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        (
            "Japan said the Chinese move was unhelpful.",
            ("110", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        (
            "Germany called the Russian decision a mistake.",
            ("110", ["DEU/GOV"], ["RUS/GOV"]),
        ),
        (
            "Iran complained about British interference in its affairs.",
            ("110", ["IRN/GOV"], ["GBR/GOV"]),
        ),
        # 111 criticism and condemnation: verbs, phrasal verbs, nouns
        (
            "The United States blasted China's crackdown in Hong Kong.",
            ("111", ["USA/GOV"], ["CHN/GOV"]),
        ),
        (
            "Britain reprimanded the Iranian ambassador.",
            ("111", ["GBR/GOV"], ["IRN/GOV"]),
        ),
        (
            "France assailed the Malian junta.",
            ("111", ["FRA/GOV"], ["MLI/GOV"]),
        ),
        (
            "Turkey hit out at Sweden over the Koran burning.",
            ("111", ["TUR/GOV"], ["SWE/GOV"]),
        ),
        (
            "The Turkish minister lashed out at the European Union.",
            ("111", ["TUR/GOV"], ["EU"]),
        ),
        (
            "The EU took aim at China's trade practices.",
            ("111", ["EU"], ["CHN/GOV"]),
        ),
        (
            "Russia's criticism of NATO intensified.",
            ("111", ["RUS/GOV"], ["NATO"]),
        ),
        (
            "The EU's condemnation of the Russian attack came quickly.",
            ("111", ["EU"], ["RUS/GOV"]),
        ),
        (
            "Iran launched a tirade against Israel.",
            ("111", ["IRN/GOV"], ["ISR/GOV"]),
        ),
        (
            "The Iranian strikes were condemned by Britain.",
            ("111", ["GBR/GOV"], ["IRN/GOV"]),
        ),
        # 112 accusations
        (
            "Washington pointed the finger at Tehran.",
            ("112", ["USA/GOV"], ["IRN/GOV"]),
        ),
        (
            "Britain held Russia responsible for the attack.",
            ("1123", ["GBR/GOV"], ["RUS/GOV"]),
        ),
        (
            "Britain said Russia was responsible for the poisoning.",
            ("112", ["GBR/GOV"], ["RUS/GOV"]),
        ),
        # 113 rallying others against the target
        (
            "The United States rallied support against Russia at the UN.",
            ("113", ["USA/GOV"], ["RUS/GOV"]),
        ),
        (
            "Israel lobbied against the Iran nuclear deal.",
            ("113", ["ISR/GOV"], ["IRN/GOV"]),
        ),
        # 114 official complaints: representations, protests, démarches, summonses
        (
            "Russia has lodged stern representations with the United States over the sanctions.",
            ("114", ["RUS/GOV"], ["USA/GOV"]),
        ),
        (
            "India made representations to Pakistan about the detentions.",
            ("114", ["IND/GOV"], ["PAK/GOV"]),
        ),
        (
            "China delivered a protest to the Philippines over the collision.",
            ("114", ["CHN/GOV"], ["PHL/GOV"]),
        ),
        (
            "Japan lodged a strong protest with China.",
            ("114", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        (
            "Britain's protest to Iran over the executions was rejected.",
            ("114", ["GBR/GOV"], ["IRN/GOV"]),
        ),
        (
            "China protested the American decision.",
            ("114", ["CHN/GOV"], ["USA/GOV"]),
        ),
        (
            "Iran complained to the UN about British interference.",
            ("114", ["IRN/GOV"], ["UN"]),
        ),
        (
            "China's representations to Japan were firm.",
            ("114", ["CHN/GOV"], ["JPN/GOV"]),
        ),
        (
            "Iran summoned the British charge d'affaires.",
            ("114", ["IRN/GOV"], ["GBR/GOV"]),
        ),
        # the passive names who summons by where the envoy is summoned to
        (
            "The Swedish ambassador was summoned to the Turkish Foreign Ministry on Friday.",
            ("114", ["TUR/GOV"], ["SWE/GOV"]),
        ),
        (
            "The Danish envoy was summoned by Iran.",
            ("114", ["IRN/GOV"], ["DNK/GOV"]),
        ),
    ],
)
def test_lexicon_disapprove(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway has today sanctioned the Syrian defence minister, summoned the charge "
        "d'affaires and recalled its ambassador.",
        "Norway sanctioned three Syrian generals and expelled the ambassador.",
    ],
)
def test_lexicon_acts_listed_together_share_their_counterpart(text: str) -> None:
    events = codes_with_actors(text)
    unnamed = [e for e in events if e[0] != "163"]
    assert unnamed and all(e[1:] == (["NOR/GOV"], ["SYR/GOV"]) for e in unnamed), events


def test_lexicon_an_appeal_does_not_share_the_counterpart_of_an_act() -> None:
    events = coded("Norway sanctioned the Syrian defence minister and urged restraint.")
    assert all(not (code.startswith("02") and target) for code, _, target, _ in events)


@pytest.mark.parametrize(
    "text",
    [
        "Canada expressed concern that Venezuela's security forces are detaining journalists.",
        "Canada is concerned that Venezuela has expelled the observers.",
        "Canada is alarmed that Venezuela is jailing opposition leaders.",
        "Canada voiced its concern that the Venezuelan government ignores the court.",
    ],
)
def test_lexicon_a_worry_about_what_an_actor_does_accuses_it(text: str) -> None:
    accusations = [e for e in codes_with_actors(text) if e[0] == "112"]
    assert [(e[1], [a.split("/")[0] for a in e[2]]) for e in accusations] == [
        (["CAN/GOV"], ["VEN"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Canada is concerned that its exports to Venezuela are falling.",
        "Canada expressed concern that the situation in Venezuela may deteriorate.",
        "Canada fears that Venezuela could default on its debt.",
    ],
)
def test_lexicon_a_worry_about_how_things_are_or_may_be_is_pessimism(text: str) -> None:
    codes = [e[0] for e in codes_with_actors(text)]
    assert "012" in codes and "112" not in codes


# 12 Reject ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran dismissed the American proposal for direct talks.",
            ("125", ["IRN/GOV"], ["USA/GOV"]),
        ),
        (
            "Hamas snubbed the Egyptian invitation to talks in Cairo.",
            ("125", ["HAMAS/REB"], ["EGY/GOV"]),
        ),
        (
            "Iran refused Washington's request for talks.",
            ("125", ["IRN/GOV"], ["USA/GOV"]),
        ),
        # phrasal verbs
        (
            "Hamas turned down the Egyptian ceasefire proposal.",
            ("1246", ["HAMAS/REB"], ["EGY/GOV"]),
        ),
        (
            "Israel brushed aside calls by the United Nations for a ceasefire.",
            ("1246", ["ISR/GOV"], ["UN"]),
        ),
        (
            "Russia shot down the French peace plan.",
            ("127", ["RUS/GOV"], ["FRA/GOV"]),
        ),
        (
            "Serbia balked at the European Union's proposal.",
            ("120", ["SRB/GOV"], ["EU"]),
        ),
        # refusing to yield
        (
            "The Kenyan government resisted pressure from the IMF to raise taxes.",
            ("124", ["KEN/GOV"], ["IMF"]),
        ),
        # the rejection as a noun
        (
            "Iran's rejection of the American offer angered Washington.",
            ("120", ["IRN/GOV"], ["USA/GOV"]),
        ),
        # 128 defiance
        (
            "Israel ignored the ruling of the International Court of Justice.",
            ("128", ["ISR/GOV"], ["ICJ/JUD"]),
        ),
        (
            "Dozens of opposition lawmakers ignored the curfew in Colombo.",
            ("128", ["LKA/OPP"], ["LKA/GOV"]),
        ),
        # 129 vetoes and votes against a resolution
        (
            "The American resolution was vetoed by Russia.",
            ("129", ["RUS/GOV"], ["USA/GOV"]),
        ),
        (
            "Hamas's refusal of the Egyptian offer surprised Cairo.",
            ("120", ["HAMAS/REB"], ["EGY/GOV"]),
        ),
        (
            "Russia vetoed the resolution on Syria.",
            ("129", ["RUS/GOV"], ["SYR/GOV"]),
        ),
        (
            "China voted against the American resolution.",
            ("129", ["CHN/GOV"], ["USA/GOV"]),
        ),
        (
            "Russia voted down the British draft.",
            ("129", ["RUS/GOV"], ["GBR/GOV"]),
        ),
    ],
)
def test_lexicon_reject(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 13 Threaten -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia vowed retaliation against Britain.",
            ("130", ["RUS/GOV"], ["GBR/GOV"]),
        ),
        (
            "China vowed a decisive response against Japan.",
            ("130", ["CHN/GOV"], ["JPN/GOV"]),
        ),
        (
            "The United States warned of severe consequences for Russia.",
            ("130", ["USA/GOV"], ["RUS/GOV"]),
        ),
        (
            "Iran warned Israel of serious consequences.",
            ("130", ["IRN/GOV"], ["ISR/GOV"]),
        ),
        (
            "South Korea issued a stern warning to North Korea.",
            ("130", ["KOR/GOV"], ["PRK/GOV"]),
        ),
        (
            "Russia warned that British diplomats would be expelled.",
            ("1313", ["RUS/GOV"], ["GBR/GOV"]),
        ),
        # 131 non-force: countermeasures held in reserve
        (
            "China reserves the right to take countermeasures against Japan.",
            ("131", ["CHN/GOV"], ["JPN/GOV"]),
        ),
        # 1312 sanctions
        (
            "Turkey threatened sanctions against Greece.",
            ("1312", ["TUR/GOV"], ["GRC/GOV"]),
        ),
        (
            "Greece was threatened by Turkey with sanctions.",
            ("1312", ["TUR/GOV"], ["GRC/GOV"]),
        ),
        (
            "Turkey threatened Greece with sanctions.",
            ("1312", ["TUR/GOV"], ["GRC/GOV"]),
        ),
        # 138 force
        (
            "Russia reserves the right to respond to NATO with military means.",
            ("138", ["RUS/GOV"], ["NATO"]),
        ),
        (
            "The Houthis threatened more attacks on American warships.",
            ("1384", ["HOUTHIS/REB"], ["USA/MIL"]),
        ),
        # 139 ultimatum
        (
            "The United States issued an ultimatum to the Taliban.",
            ("139", ["USA/GOV"], ["TALIBAN/REB"]),
        ),
        (
            "Russia's ultimatum to Ukraine expired on Friday.",
            ("139", ["RUS/GOV"], ["UKR/GOV"]),
        ),
        (
            "Turkey served an ultimatum on the PKK.",
            ("139", ["TUR/GOV"], ["PKK/REB"]),
        ),
    ],
)
def test_lexicon_threaten(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


def test_lexicon_reserved_right_answers_the_last_actor() -> None:
    text = (
        "The United States expelled two Chinese diplomats on Monday.\n\n"
        "China reserves the right to respond."
    )
    assert ("130", ["CHN/GOV"], ["USA/GOV"]) in codes_with_actors(text)


# 14 Protest --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Students staged a sit-in outside the ministry in Nairobi.",
            ("141", ["KEN/EDU"], ["KEN/GOV"]),
        ),
        (
            "Students held sit-ins at three universities in Kenya.",
            ("141", ["KEN/EDU"], ["KEN/GOV"]),
        ),
        (
            "Thousands of Kenyan protesters chanted slogans against the government.",
            ("141", ["KEN/OPP"], ["KEN/GOV"]),
        ),
        (
            "Kenyan farmers marched through Nairobi against the new tax.",
            ("1412", ["KEN/AGR"], ["KEN/GOV"]),
        ),
        (
            "Protesters rampaged through Nairobi.",
            ("145", ["KEN/OPP"], ["KEN/GOV"]),
        ),
        # 143 strikes, walkouts and boycotts
        (
            "Opposition lawmakers walked out in protest in Nairobi.",
            ("143", ["KEN/OPP"], ["KEN/GOV"]),
        ),
        (
            "Kenyan workers downed tools over unpaid wages.",
            ("143", ["KEN/LAB"], ["KEN/GOV"]),
        ),
        (
            "Opposition lawmakers boycotted the Kenyan parliament.",
            ("143", ["KEN/OPP"], ["KEN/LEG"]),
        ),
        (
            "Thousands of Kenyan workers went on strike against the new tax.",
            ("1432", ["KEN/LAB"], ["KEN/GOV"]),
        ),
    ],
)
def test_lexicon_protest(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


def test_lexicon_oppose_and_condemn_share_the_object() -> None:
    text = (
        "The United States expelled two Chinese diplomats on Monday.\n\n"
        "China said: we firmly oppose and strongly condemn these actions."
    )
    assert ("111", ["CHN/GOV"], ["USA/GOV"]) in codes_with_actors(text)


def test_lexicon_walking_out_of_talks_halts_them() -> None:
    text = "The Iranian delegation walked out of the talks with the United States."
    assert ("164", ["IRN/GOV"], ["USA/GOV"]) in codes_with_actors(text)


# Words of these families used for something else -------------------------------------


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("The Syrian opposition met in Geneva.", {"11"}),
        ("Chinese demand for Australian coal rose sharply.", {"10"}),
        ("The blast killed five people in Kabul.", {"11"}),
        ("The ministry responsible for trade said exports rose.", {"11"}),
        ("Moscow insisted that its troops were not in Ukraine.", {"10"}),
        ("The president dismissed the defence minister.", {"12"}),
        ("Iran dismissed the accusations as baseless.", {"12"}),
        ("Japan expressed regret for its wartime conduct.", {"11"}),
        ("The World Health Organization issued a warning about the new variant.", {"13"}),
    ],
)
def test_lexicon_disapproval_other_senses_are_not_events(text: str, roots: set[str]) -> None:
    assert not {e[0][:2] for e in coded(text)} & roots


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey threatened to impose sanctions on Greece.", ("1312", ["TUR/GOV"], ["GRC/GOV"])),
        ("Pakistan threatened to expel Indian diplomats.", ("1313", ["PAK/GOV"], ["IND/GOV"])),
    ],
)
def test_a_threat_is_aimed_at_whom_the_threatened_act_is_done_to(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    found = [
        (e.code, [a.code for a in e.source], [a.code for a in e.target])
        for e in parley.code(text, published=date(2020, 3, 1))
    ]
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway said Chile's army must stop its attacks on the villages.",
            ("1056", ["NOR/GOV"], ["CHL/MIL"]),
        ),
        (
            "Norway insisted that Chile must withdraw its troops from the border.",
            ("1056", ["NOR/GOV"], ["CHL/GOV"]),
        ),
        (
            "Norway said Colombia's ELN movement must cease its attacks on the army.",
            ("1056", ["NOR/GOV"], ["ELN/REB"]),
        ),
        (
            "Norway has been clear that Chile's army must stop its attacks on the villages.",
            ("1056", ["NOR/GOV"], ["CHL/MIL"]),
        ),
        (
            "Norway believes Chile's army must halt its attacks on the villages.",
            ("1056", ["NOR/GOV"], ["CHL/MIL"]),
        ),
    ],
)
def test_lexicon_what_one_says_another_must_do_is_a_demand(text: str, expected: tuple) -> None:
    found = codes_with_actors(text)
    assert expected in found
    assert not any(code.startswith(("18", "19", "08")) for code, *_ in found)


def test_lexicon_what_one_says_it_must_do_itself_is_no_demand() -> None:
    found = codes_with_actors("Norway said it must defend its ships against Chile.")
    assert all(not code.startswith("10") for code, *_ in found)

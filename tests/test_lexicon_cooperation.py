"""The lexicon of CAMEO roots 01-05 (statements, appeals, intentions, consultation and
diplomatic cooperation), on sentences written for these tests: each family of wordings
codes its code, with the right source and target."""

from __future__ import annotations

import pytest

import parley

from conftest import LEXICON_DAY, coded, codes_with_actors

DAY = LEXICON_DAY


# 01 Make public statement ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 010 an explicit comment on something
        (
            "The Japanese foreign ministry commented on the Chinese proposal.",
            ("010", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        # 011 declining comment
        (
            "Egypt declined comment on the Israeli request.",
            ("011", ["EGY/GOV"], ["ISR/GOV"]),
        ),
        # 012 worry, fear, doubt, concern that ...
        (
            "Japan is deeply worried about the situation in Myanmar.",
            ("012", ["JPN/GOV"], ["MMR/GOV"]),
        ),
        (
            "The European Union is concerned that the fighting in Sudan will spread.",
            ("012", ["EU"], []),
        ),
        (
            "Germany voiced fears about the Russian troop build-up.",
            ("012", ["DEU/GOV"], ["RUS/GOV"]),
        ),
        (
            "Germany expressed doubts about the Iranian plan.",
            ("012", ["DEU/GOV"], ["IRN/GOV"]),
        ),
        ("Russia fears that the conflict will spread.", ("012", ["RUS/GOV"], [])),
        # 013 optimism, hope, talks judged productive
        (
            "Kenya is optimistic about the talks between Sudan and South Sudan.",
            ("013", ["KEN/GOV"], ["SDN/GOV"]),
        ),
        (
            "Japan said the talks with China were constructive.",
            ("013", ["JPN/GOV"], ["CHN/GOV"]),
        ),
        (
            "Lavrov said the talks with Kerry had been productive.",
            ("013", ["RUS/GOV"], []),
        ),
        # 014 weighing an option
        (
            "The European Union is considering new sanctions against Belarus.",
            ("014", ["EU"], ["BLR/GOV"]),
        ),
        ("Turkey is studying the Russian offer.", ("014", ["TUR/GOV"], ["RUS/GOV"])),
        # 015 claiming an attack, admitting what one did
        (
            "Al-Shabaab claimed the attack on the Kenyan base.",
            ("015", ["AL_SHABAAB/REB"], ["KEN/GOV"]),
        ),
        (
            "Kenya admitted that its troops had crossed into Somalia.",
            ("015", ["KEN/GOV"], []),
        ),
        # 016 denying, dismissing accusations
        (
            "Russia denied any involvement in the poisoning.",
            ("016", ["RUS/GOV"], []),
        ),
        (
            "Iran dismissed the accusations by Israel.",
            ("016", ["IRN/GOV"], ["ISR/GOV"]),
        ),
        # 017 symbolic acts
        (
            "President Biden laid a wreath at the memorial in Kyiv.",
            ("017", ["USA/GOV"], []),
        ),
        (
            "The Japanese prime minister attended the funeral of the Indian president.",
            ("017", ["JPN/GOV"], ["IND/GOV"]),
        ),
        (
            "The Kenyan government declared three days of national mourning.",
            ("017", ["KEN/GOV"], []),
        ),
        (
            "Japan's prime minister visited the Yasukuni shrine.",
            ("017", ["JPN/GOV"], []),
        ),
        # 018 condolences, sympathy, mourning
        (
            "Canada expressed condolences to the families of the Turkish victims.",
            ("018", ["CAN/GOV"], ["TUR/CVL"]),
        ),
        (
            "Japan extended its deepest sympathies to the people of Nepal.",
            ("018", ["JPN/GOV"], ["NPL/CVL"]),
        ),
        (
            "The members of the Security Council mourned the Nigerian victims.",
            ("018", ["UN"], ["NGA/CVL"]),
        ),
        # 019 accord
        (
            "Russia and China share the same position on Syria.",
            ("019", ["RUS/GOV"], ["CHN/GOV"]),
        ),
        (
            "India and Japan reached a consensus on maritime security.",
            ("019", ["IND/GOV"], ["JPN/GOV"]),
        ),
        (
            "Indonesia and Malaysia found common ground on the border.",
            ("019", ["IDN/GOV"], ["MYS/GOV"]),
        ),
        (
            "Russia concurred with China on the Korean issue.",
            ("019", ["RUS/GOV"], ["CHN/GOV"]),
        ),
    ],
)
def test_lexicon_statement_families(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


def test_lexicon_hearts_going_out_is_an_empathetic_comment_by_the_speaker() -> None:
    events = coded(
        "Our hearts go out to the Israeli families who lost loved ones.", speaker="Antony Blinken"
    )
    assert ("018", ["USA/GOV"], ["ISR/CVL"], "asserted") in events


def test_lexicon_solidarity_is_support_not_condolence() -> None:
    events = coded("France expressed solidarity with the people of Lebanon.")
    assert events == [("051", ["FRA/GOV"], ["LBN/CVL"], "asserted")]


def test_lexicon_agreeing_on_the_need_for_a_ceasefire_is_accord() -> None:
    events = coded("The United States and Britain agreed on the need for a ceasefire in Gaza.")
    assert events == [("019", ["USA/GOV"], ["GBR/GOV"], "asserted")]


def test_lexicon_agreeing_on_a_ceasefire_is_intent_to_de_escalate() -> None:
    events = coded("Sudan and South Sudan agreed on a ceasefire.")
    assert events == [("0356", ["SDN/GOV"], ["SSD/GOV"], "asserted")]


def test_lexicon_sharing_views_on_a_topic_is_consultation_not_accord() -> None:
    events = codes_with_actors(
        "The foreign ministers of India and China shared their views on the border situation."
    )
    assert events == [("040", ["IND/GOV"], ["CHN/GOV"])]


@pytest.mark.parametrize(
    "text",
    [
        "Norway expressed optimism about the outcome of the talks between Colombia and the ELN.",
        "Norway is optimistic about the talks between Colombia and the ELN.",
        "Norway voiced confidence about the talks between Colombia and the ELN.",
    ],
)
def test_lexicon_optimism_about_talks_reports_the_talks(text: str) -> None:
    found = codes_with_actors(text)
    assert any(e[:2] == ("013", ["NOR/GOV"]) for e in found)
    assert ("046", ["COL/GOV"], ["ELN/REB"]) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norway is seriously concerned by continuing reports from Myanmar of arrests.",
            ("012", ["NOR/GOV"], ["MMR/GOV"]),
        ),
        ("Norway was alarmed by the Burmese army's offensive.", ("012", ["NOR/GOV"], ["MMR/MIL"])),
        ("Norway is disturbed by reports from Myanmar.", ("012", ["NOR/GOV"], ["MMR/GOV"])),
    ],
)
def test_lexicon_a_passive_feeling_is_the_feeling(text: str, expected: tuple) -> None:
    assert expected in codes_with_actors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Norway said its thoughts were with the families of the victims in Chile.",
        "Norway said its thoughts and prayers are with the people in Chile.",
        "Norway said its hearts remain with the victims in Chile.",
    ],
)
def test_lexicon_thoughts_being_with_the_victims_is_sympathy(text: str) -> None:
    assert ("018", ["NOR/GOV"], ["CHL/CVL"]) in codes_with_actors(text)


def test_lexicon_being_with_someone_is_no_sympathy() -> None:
    events = codes_with_actors("Norway's delegation was with the Chilean minister in Oslo.")
    assert all(code != "018" for code, *_ in events)


def test_lexicon_casting_doubt_is_no_pessimistic_comment() -> None:
    events = coded("Ukraine said the missile strike cast doubt on the grain deal with Russia.")
    assert all(e[0] != "012" for e in events)


# 02 Appeal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United Nations urged Ethiopia to allow humanitarian access to Tigray.",
            ("0255", ["UN"], ["ETH/GOV"]),
        ),
        (
            "France called on Russia to release the French journalist.",
            ("0253", ["FRA/GOV"], ["RUS/GOV"]),
        ),
        (
            "India pressed Pakistan to free the detained fishermen.",
            ("0253", ["IND/GOV"], ["PAK/GOV"]),
        ),
        (
            "The African Union urged Sudan and the RSF to cease hostilities immediately.",
            ("0256", ["AU"], ["SDN/GOV", "RSF/PRM"]),
        ),
        (
            "The Secretary-General urged Russia to halt its offensive against Ukraine.",
            ("0256", ["UN"], ["RUS/GOV"]),
        ),
        (
            "The Secretary-General urged Russia to cease its military action immediately.",
            ("0256", ["UN"], ["RUS/GOV"]),
        ),
        (
            "Germany called on Armenia and Azerbaijan to avoid any escalation.",
            ("0256", ["DEU/GOV"], ["ARM/GOV", "AZE/GOV"]),
        ),
        (
            "The EU called on Israel to abandon its settlement plans.",
            ("0242", ["EU"], ["ISR/GOV"]),
        ),
        (
            "China called on Japan and South Korea to stop interfering in its internal affairs.",
            ("0242", ["CHN/GOV"], ["JPN/GOV", "KOR/GOV"]),
        ),
        (
            "Norway urged Colombia and the ELN to return to the negotiating table.",
            ("026", ["NOR/GOV"], ["COL/GOV", "ELN/REB"]),
        ),
        (
            "Kenya encouraged Sudan and South Sudan to resolve their differences through dialogue.",
            ("027", ["KEN/GOV"], ["SDN/GOV", "SSD/GOV"]),
        ),
        (
            "The United Nations appealed to Ethiopia and Eritrea to accept mediation by the "
            "African Union.",
            ("028", ["UN"], ["ETH/GOV", "ERI/GOV"]),
        ),
        (
            "Ukraine requested military assistance from NATO.",
            ("0232", ["UKR/GOV"], ["NATO"]),
        ),
        (
            "The Malian opposition called on President Keita to step down.",
            ("0241", ["MLI/OPP"], ["MLI/GOV"]),
        ),
    ],
)
def test_lexicon_appeal_families(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    events = coded(text)
    assert (*expected, "appeal") in events


def test_lexicon_asking_an_ambassador_to_go_home_is_no_appeal() -> None:
    events = coded("Kenya has asked the ambassador of Somalia to return to Mogadishu.")
    assert all(not e[0].startswith("02") for e in events)


# 03 Express intent to cooperate ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an intended consultation or cooperation becomes its 03x code
        (
            "China is willing to maintain close communication with France.",
            ("036", ["CHN/GOV"], ["FRA/GOV"]),
        ),
        (
            "Kenya stands ready to support the people of South Sudan.",
            ("032", ["KEN/GOV"], ["SSD/CVL"]),
        ),
        # intended cooperation is 030, as real coders code it; intended support is 032
        (
            "Russia is ready to work closely with Turkey.",
            ("030", ["RUS/GOV"], ["TUR/GOV"]),
        ),
        (
            "China is willing to make joint efforts with the United States.",
            ("030", ["CHN/GOV"], ["USA/GOV"]),
        ),
        (
            "China and Russia agreed to strengthen cooperation.",
            ("030", ["CHN/GOV"], ["RUS/GOV"]),
        ),
        # pledges of aid
        (
            "Japan pledged $10 million in humanitarian aid to Nepal.",
            ("0333", ["JPN/GOV"], ["NPL/GOV"]),
        ),
        (
            "The United States promised military assistance to Ukraine.",
            ("0332", ["USA/GOV"], ["UKR/GOV"]),
        ),
        # 036 meeting to come: invitations, delegations, agreed talks, planned visits
        (
            "North Korea decided to send a delegation to South Korea.",
            ("036", ["PRK/GOV"], ["KOR/GOV"]),
        ),
        ("China invited President Putin to visit Beijing.", ("036", ["CHN/GOV"], ["RUS/GOV"])),
        (
            "Indonesia extended an invitation to the Sri Lankan president.",
            ("036", ["IDN/GOV"], ["LKA/GOV"]),
        ),
        ("Russia accepted the invitation from China.", ("036", ["RUS/GOV"], ["CHN/GOV"])),
        ("The two Koreas agreed to hold military talks.", ("036", ["KOR/GOV"], ["PRK/GOV"])),
        (
            "Iran and the United States are ready to resume negotiations.",
            ("036", ["IRN/GOV"], ["USA/GOV"]),
        ),
        # 037 settling their own dispute
        (
            "Turkey and Greece pledged to resolve their differences through dialogue.",
            ("037", ["TUR/GOV"], ["GRC/GOV"]),
        ),
        # 038 / 039 mediation accepted or offered
        ("Sudan accepted Ethiopian mediation.", ("038", ["SDN/GOV"], ["ETH/GOV"])),
        (
            "Qatar offered to mediate between the United States and the Taliban.",
            ("039", ["QAT/GOV"], ["USA/GOV", "TALIBAN/REB"]),
        ),
        (
            "Egypt offered its good offices to Israel and Hamas.",
            ("039", ["EGY/GOV"], ["ISR/GOV", "HAMAS/REB"]),
        ),
    ],
)
def test_lexicon_intention_families(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    events = coded(text)
    assert (*expected, "intended") in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a disposition to talk or cooperate is an intention to
        (
            "Ankara is open for constructive cooperation with Athens.",
            ("030", ["TUR/GOV"], ["GRC/GOV"]),
        ),
        (
            "Vietnam is committed to closer cooperation with India.",
            ("030", ["VNM/GOV"], ["IND/GOV"]),
        ),
        ("Chile remains open to dialogue with Bolivia.", ("036", ["CHL/GOV"], ["BOL/GOV"])),
        ("Chile is ready for talks with Bolivia.", ("036", ["CHL/GOV"], ["BOL/GOV"])),
        ("Chile is interested in negotiations with Bolivia.", ("036", ["CHL/GOV"], ["BOL/GOV"])),
    ],
)
def test_lexicon_being_open_to_talks_is_an_intention(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert (*expected, "intended") in coded(text)


def test_lexicon_cooperation_that_happens_is_no_intention() -> None:
    events = coded("Vietnam's cooperation with India has grown.")
    assert all(code != "030" for code, *_ in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile sent a delegation to the Winter Games in Bolivia.",
            ("042", ["CHL/GOV"], ["BOL/GOV"], "asserted"),
        ),
        (
            "Chile decided to send a delegation to the summit in Bolivia next month.",
            ("036", ["CHL/GOV"], ["BOL/GOV"], "intended"),
        ),
    ],
)
def test_lexicon_a_visit_to_an_occasion_visits_its_state(text: str, expected: tuple) -> None:
    assert expected in coded(text)


def test_lexicon_a_planned_visit_is_an_intention_to_visit() -> None:
    events = codes_with_actors("Lavrov's planned visit to Damascus was discussed.")
    assert events == [("036", ["RUS/GOV"], ["SYR/GOV"])]


# 04 Consult -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 041 by telephone or video
        (
            "Wang Yi held a phone conversation with Antony Blinken.",
            ("041", ["CHN/GOV"], ["USA/GOV"]),
        ),
        (
            "Wang Yi held telephone talks with Sergey Lavrov.",
            ("041", ["CHN/GOV"], ["RUS/GOV"]),
        ),
        (
            "Narendra Modi spoke by telephone with Vladimir Putin.",
            ("041", ["IND/GOV"], ["RUS/GOV"]),
        ),
        (
            "Emmanuel Macron received a call from Olaf Scholz.",
            ("041", ["FRA/GOV"], ["DEU/GOV"]),
        ),
        ("Lavrov held a videoconference with Wang Yi.", ("041", ["RUS/GOV"], ["CHN/GOV"])),
        # 040 meeting, consulting, exchanging views
        ("Sergey Lavrov met with Wang Yi in Beijing.", ("040", ["RUS/GOV"], ["CHN/GOV"])),
        (
            "Japan consulted with South Korea on the missile launch.",
            ("040", ["JPN/GOV"], ["KOR/GOV"]),
        ),
        (
            "The foreign ministers of India and China exchanged views on the border.",
            ("040", ["IND/GOV"], ["CHN/GOV"]),
        ),
        # 042 visiting
        ("Antony Blinken visited Kyiv on Thursday.", ("042", ["USA/GOV"], ["UKR/GOV"])),
        (
            "Sergey Lavrov arrived in Beijing on a two-day visit.",
            ("042", ["RUS/GOV"], ["CHN/GOV"]),
        ),
        ("Narendra Modi left for Moscow on Monday.", ("042", ["IND/GOV"], ["RUS/GOV"])),
        (
            "The Chinese president paid a state visit to France.",
            ("042", ["CHN/GOV"], ["FRA/GOV"]),
        ),
        # 043 hosting, receiving, greeting
        ("Kenya hosted the Sudanese president.", ("043", ["KEN/GOV"], ["SDN/GOV"])),
        (
            "Vladimir Putin received the Turkish president in the Kremlin.",
            ("043", ["RUS/GOV"], ["TUR/GOV"]),
        ),
        (
            "The Kenyan president greeted the Ethiopian prime minister at the airport.",
            ("043", ["KEN/GOV"], ["ETH/GOV"]),
        ),
        # 044 on the sidelines
        (
            "Joe Biden met Xi Jinping on the sidelines of the G20 summit in Bali.",
            ("044", ["USA/GOV"], ["CHN/GOV"]),
        ),
        # 045 mediating
        (
            "Egypt mediated between Israel and Hamas.",
            ("045", ["EGY/GOV"], ["ISR/GOV", "HAMAS/REB"]),
        ),
        (
            "Qatar acted as a mediator between the United States and the Taliban.",
            ("045", ["QAT/GOV"], ["USA/GOV", "TALIBAN/REB"]),
        ),
        # 046 talks, discussions, negotiating, dialogue
        ("India and Pakistan held talks in Islamabad.", ("046", ["IND/GOV"], ["PAK/GOV"])),
        (
            "Armenia and Azerbaijan held discussions on the peace treaty.",
            ("046", ["ARM/GOV"], ["AZE/GOV"]),
        ),
        (
            "The government of Colombia negotiated with the ELN.",
            ("046", ["COL/GOV"], ["ELN/REB"]),
        ),
        (
            "The two Koreas engaged in dialogue for the first time in two years.",
            ("046", ["KOR/GOV"], ["PRK/GOV"]),
        ),
    ],
)
def test_lexicon_consultation_families(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert (*expected, "asserted") in coded(text)


# 05 Engage in diplomatic cooperation ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 050 relations and cooperation strengthened, working in partnership
        (
            "India and Japan strengthened bilateral relations.",
            ("050", ["IND/GOV"], ["JPN/GOV"]),
        ),
        ("Greece and Turkey restored diplomatic ties.", ("050", ["GRC/GOV"], ["TUR/GOV"])),
        (
            "Kenya works in close partnership with Uganda.",
            ("050", ["KEN/GOV"], ["UGA/GOV"]),
        ),
        # 051 praise, support, solidarity, tribute, gratitude
        (
            "Japan praised Indonesia for its efforts in Myanmar.",
            ("051", ["JPN/GOV"], ["IDN/GOV"]),
        ),
        ("The United States supports Ukraine.", ("051", ["USA/GOV"], ["UKR/GOV"])),
        (
            "The United Nations stands in solidarity with the people of Haiti.",
            ("051", ["UN"], ["HTI/CVL"]),
        ),
        ("Britain stands with the people of Ukraine.", ("051", ["GBR/GOV"], ["UKR/CVL"])),
        (
            "Canada paid tribute to the peacekeepers of Ghana.",
            ("051", ["CAN/GOV"], ["GHA/MIL"]),
        ),
        (
            "The EU expressed its gratitude to Jordan for hosting refugees.",
            ("051", ["EU"], ["JOR/GOV"]),
        ),
        (
            "The Secretary-General acknowledged the contributions of Ghana to peacekeeping.",
            ("051", ["UN"], ["GHA/GOV"]),
        ),
        (
            "Canada extended its congratulations to President Ruto of Kenya.",
            ("051", ["CAN/GOV"], ["KEN/GOV"]),
        ),
        ("Tanzania expressed satisfaction with Kenya.", ("051", ["TZA/GOV"], ["KEN/GOV"])),
        # 052 defending verbally
        ("China defended the decision of Russia.", ("052", ["CHN/GOV"], ["RUS/GOV"])),
        # 053 rallying support
        (
            "China rallied support for Pakistan at the United Nations.",
            ("053", ["CHN/GOV"], ["PAK/GOV"]),
        ),
        # 054 recognition, diplomatic relations
        ("Germany recognised South Sudan.", ("054", ["DEU/GOV"], ["SSD/GOV"])),
        (
            "Estonia and Micronesia established diplomatic relations in 2006.",
            ("054", ["EST/GOV"], ["FSM/GOV"]),
        ),
        # 055 apologising
        ("Japan apologized to South Korea.", ("055", ["JPN/GOV"], ["KOR/GOV"])),
        ("Japan offered an apology to China.", ("055", ["JPN/GOV"], ["CHN/GOV"])),
        # 056 forgiving
        ("The Rwandan president forgave Uganda.", ("056", ["RWA/GOV"], ["UGA/GOV"])),
        # 057 signing and ratifying
        (
            "Ethiopia and Eritrea signed a peace agreement in Algiers.",
            ("057", ["ETH/GOV"], ["ERI/GOV"]),
        ),
        ("Russia ratified the treaty with China.", ("057", ["RUS/GOV"], ["CHN/GOV"])),
        (
            "Armenia and Azerbaijan signed a joint declaration in Moscow.",
            ("057", ["ARM/GOV"], ["AZE/GOV"]),
        ),
    ],
)
def test_lexicon_diplomatic_cooperation_families(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert (*expected, "asserted") in coded(text)


def test_lexicon_recognising_each_other_is_mutual() -> None:
    events = coded("The United States and China have agreed to recognize each other.")
    assert ("032", ["USA/GOV"], ["CHN/GOV"], "intended") in events


def test_lexicon_exchanging_ambassadors_is_recognition() -> None:
    events = coded("The United States and China exchanged ambassadors.")
    assert ("054", ["USA/GOV"], ["CHN/GOV"], "asserted") in events


@pytest.mark.parametrize(
    "text",
    [
        "Georgia has decided to establish diplomatic relations with Bhutan.",
        "The Government of Georgia has decided to extend recognition to Bhutan.",
        "Georgia and Bhutan resolved to establish diplomatic relations.",
    ],
)
def test_lexicon_deciding_to_recognise_is_recognising(text: str) -> None:
    assert ("054", ["GEO/GOV"], ["BTN/GOV"], "asserted") in coded(text)


def test_lexicon_a_decision_still_to_come_is_no_recognition() -> None:
    events = coded("Georgia will decide next year to establish diplomatic relations with Bhutan.")
    assert all(code != "054" for code, *_ in events)


@pytest.mark.parametrize(
    ("closing", "place"),
    [
        ("Done at Thimphu, this 3rd day of May 2019, in two originals.", "Thimphu"),
        ("Done in Tbilisi on 3 May 2019 in the English language.", "Tbilisi"),
        ("Signed in Thimphu on 3 May 2019.", "Thimphu"),
    ],
)
def test_lexicon_the_closing_line_of_a_communique_is_its_signing(closing: str, place: str) -> None:
    text = (
        "The Government of Georgia and the Government of the Kingdom of Bhutan have "
        f"decided to establish diplomatic relations at the level of ambassadors.\n\n{closing}"
    )
    signed = [e for e in parley.code(text, published=LEXICON_DAY) if e.code == "057"]
    assert len(signed) == 1
    assert {a.code for a in signed[0].source + signed[0].target} == {"GEO/GOV", "BTN/GOV"}
    assert signed[0].place is not None and signed[0].place.name == place
    assert signed[0].date is not None and signed[0].date.start.isoformat() == "2019-05-03"


def test_lexicon_a_signature_block_is_no_second_signing() -> None:
    text = (
        "Georgia and Bhutan have decided to establish diplomatic relations.\n\n"
        "Done at Thimphu, this 3rd day of May 2019.\n\nSigned by: Tenzin Dorji"
    )
    assert [e.code for e in parley.code(text, published=LEXICON_DAY)].count("057") == 1


def test_lexicon_a_sentence_opening_with_done_is_no_signing() -> None:
    events = coded("Done right, the reform would help Georgia and Bhutan trade more.")
    assert all(code != "057" for code, *_ in events)


# 030 Working with another party, as an intention ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway is ready to cooperate with Sweden on border control.", "030"),
        ("Canada stands ready to partner with Ghana in the fight against malaria.", "030"),
        ("France is committed to working with Mali on the transition.", "030"),
        ("Chile looks forward to working with Peru on the new fisheries plan.", "030"),
        ("Japan will collaborate with India on vaccine research.", "030"),
    ],
)
def test_intent_to_work_with_a_party_is_030(text: str, expected: str) -> None:
    codes = [e.code for e in parley.code(text, published=DAY)]
    assert expected in codes, codes


def test_working_with_a_party_in_the_past_is_an_aside() -> None:
    events = parley.code("Norway worked with Sweden on the draft text.", published=DAY)
    assert "030" not in [e.code for e in events], events


# Acts in a sentence without a verb, and the government an election brings -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My congratulations to the people of Chile on a peaceful election.", "051"),
        ("Our deepest condolences to the people of Peru.", "018"),
        ("My thanks to Sweden for its generous support.", "051"),
    ],
)
def test_a_sentence_that_is_only_an_owned_act_noun_is_that_act(text: str, expected: str) -> None:
    events = parley.code(text, published=DAY, speaker="Norwegian Foreign Minister")
    assert [(e.code, [a.code for a in e.source]) for e in events] == [(expected, ["NOR/GOV"])]


def test_the_new_government_is_the_government_of_the_state_reported_on() -> None:
    text = (
        "I congratulate the people of Chile on the peaceful conduct of the elections. "
        "I look forward to working with the incoming government."
    )
    events = parley.code(text, published=DAY, speaker="Norwegian Foreign Minister")
    assert ("030", ["CHL/GOV"]) in [(e.code, [a.code for a in e.target]) for e in events]

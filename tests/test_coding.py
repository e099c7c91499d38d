"""The coder on sentences written for these tests, through the real spaCy pipeline."""

from __future__ import annotations

from datetime import date

import pytest

import parley
from parley.coding.rules import load_rule_file
from parley.errors import DataFileError

DAY = date(2021, 3, 5)


def coded(text: str, **options: object) -> list[tuple[str, list[str], list[str], str]]:
    events = parley.code(text, published=DAY, **options)
    return [
        (e.code, [a.code for a in e.source], [a.code for a in e.target], e.modality) for e in events
    ]


def test_coding_welcome_reports_the_agreement_as_its_own_event() -> None:
    events = parley.code(
        "Kenya welcomed the agreement between Ethiopia and Eritrea signed in Asmara in July 2018.",
        published=DAY,
    )
    by_code = {e.code: e for e in events}
    assert set(by_code) == {"051", "057"}
    assert [a.code for a in by_code["051"].source] == ["KEN/GOV"]
    assert {a.entity for a in by_code["051"].target} == {"ETH", "ERI"}
    agreement = by_code["057"]
    assert agreement.symmetric
    assert {a.entity for a in agreement.source + agreement.target} == {"ETH", "ERI"}
    assert agreement.date is not None and agreement.date.iso() == "2018-07"
    assert agreement.place is not None and agreement.place.name == "Asmara"


def test_coding_passive_voice_takes_the_agent_as_source() -> None:
    events = coded("The talks between Ethiopia and Eritrea were praised by Kenya.")
    assert ("051", ["KEN/GOV"], ["ETH/GOV", "ERI/GOV"], "asserted") in events


def test_coding_coordinated_subjects_become_a_list() -> None:
    events = coded("Russia, China and Pakistan welcomed the deal between Armenia and Azerbaijan.")
    welcome = next(e for e in events if e[0] == "051")
    assert welcome[1] == ["RUS/GOV", "CHN/GOV", "PAK/GOV"]


def test_coding_we_is_the_speaker() -> None:
    events = coded("We welcome the talks between Sudan and South Sudan.", speaker="Sergey Lavrov")
    assert events[0][:2] == ("051", ["RUS/GOV"])


def test_coding_we_without_a_speaker_gives_no_actor() -> None:
    assert all(e[0] != "051" for e in coded("We welcome the talks between Sudan and Chad."))


def test_coding_intention_is_coded_as_intent_to_provide_aid() -> None:
    assert coded("Japan will provide humanitarian assistance to Nepal.") == [
        ("0333", ["JPN/GOV"], ["NPL/GOV"], "intended")
    ]


def test_coding_committed_to_promoting_talks_is_intent_to_mediate() -> None:
    events = coded("Norway is committed to promoting talks between Colombia and the ELN.")
    assert ("039", ["NOR/GOV"], ["COL/GOV", "ELN/REB"], "intended") in events
    assert all(e[0] != "046" for e in events), "promoted talks are not talks that happened"


def test_coding_appeal_to_end_a_war_is_an_appeal_to_settle() -> None:
    text = (
        "Delegations of Armenia and Azerbaijan held talks in Geneva.\n\n"
        "We call upon both parties to end the war."
    )
    events = coded(text, speaker="Sergey Lavrov")
    assert ("027", ["RUS/GOV"], ["ARM/GOV", "AZE/GOV"], "appeal") in events


def test_coding_refusal_is_negated() -> None:
    assert coded("Egypt refused to host the talks between Israel and Hamas.") == [
        ("043", ["EGY/GOV"], ["ISR/GOV", "HAMAS/REB"], "negated")
    ]


def test_coding_negated_report_keeps_the_reported_event_asserted() -> None:
    events = coded("Kenya did not welcome the deal between Ethiopia and Eritrea.")
    assert ("051", ["KEN/GOV"], ["ETH/GOV", "ERI/GOV"], "negated") in events
    assert any(e[0] == "057" and e[3] == "asserted" for e in events)


def test_coding_phone_call_is_041_and_meeting_is_040() -> None:
    assert coded("Sergey Lavrov spoke by telephone with Wang Yi.")[0][:3] == (
        "041",
        ["RUS/GOV"],
        ["CHN/GOV"],
    )
    events = parley.code(
        "Antony Blinken and Hakan Fidan met in Ankara.", published=date(2023, 10, 6)
    )
    assert [(e.code, e.place.name if e.place else None) for e in events] == [("040", "Ankara")]


def test_coding_sentence_without_interaction_yields_nothing() -> None:
    assert coded("The weather in Geneva was cold and the conference hall was full.") == []


def test_coding_present_tense_welcome_is_dated_today_and_its_object_then() -> None:
    events = parley.code(
        "Turkey welcomes the agreement between Armenia and Azerbaijan signed in November 2020.",
        published=DAY,
    )
    dates = {e.code: e.date.iso() for e in events if e.date}
    assert dates == {"051": "2021-03-05", "057": "2020-11"}


def test_coding_events_carry_rule_plover_goldstein_and_sentence() -> None:
    event = parley.code("Japan will provide humanitarian assistance to Nepal.", published=DAY)[0]
    assert event.rule == "aid.provide"
    assert (event.plover, event.goldstein, event.quad_class) == ("AGREE", 5.2, 1)
    assert event.text == "Japan will provide humanitarian assistance to Nepal."


def test_coding_rule_file_errors_name_file_line_and_rule(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "- id: ok.rule\n  code: '051'\n  verbs: [hail]\n"
        "- id: bad.rule\n  code: '999'\n  verbs: [shout]\n  modality: maybe\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_rule_file(path)
    message = str(caught.value)
    assert f"{path}:4: rule 'bad.rule': '999' is not a CAMEO code" in message
    assert "unknown modality 'maybe'" in message


def test_coding_said_about_another_actor_is_010_only_when_nothing_else() -> None:
    assert coded("Japan said the situation in Syria remained serious.") == [
        ("010", ["JPN/GOV"], ["SYR/GOV"], "asserted")
    ]
    assert coded("Kenya said it was a sunny day in Nairobi.") == []
    events = coded("Japan said it welcomed the talks between Sudan and Chad.")
    assert [e[0] for e in events] == ["051", "046"] or [e[0] for e in events] == ["046", "051"]


def test_coding_official_site_is_the_voice_of_we() -> None:
    text = (
        "URL: https://www.mofa.go.jp/press/release.html\n\n"
        "We welcome the talks between Sudan and Chad.\n"
    )
    events = parley.code(text, published=DAY)
    assert [(e.code, [a.code for a in e.source]) for e in events if e.code == "051"] == [
        ("051", ["JPN/GOV"])
    ]


def test_coding_the_ministry_is_the_documents_speaker() -> None:
    events = coded(
        "The Ministry welcomes the talks between Sudan and Chad.",
        speaker="Ministry of Foreign Affairs of Kenya",
    )
    assert ("051", ["KEN/GOV"], ["SDN/GOV", "TCD/GOV"], "asserted") in events


def test_coding_reported_attack_gives_the_attack_and_an_accusation() -> None:
    events = coded("Ukraine's foreign ministry said Russian missiles had struck the port of Odesa.")
    codes = {e[0]: e for e in events}
    assert codes["194"][1] == ["RUS/MIL"] and codes["194"][2][0].startswith("UKR")
    assert codes["112"][1:3] == (["UKR/GOV"], ["RUS/MIL"])


def test_coding_police_violence_against_protesters_is_repression() -> None:
    events = coded("In Nairobi, police shot dead three protesters on Monday.")
    assert [e[:3] for e in events] == [("175", ["KEN/COP"], ["KEN/OPP"])]


def test_coding_a_later_the_attack_is_not_a_second_attack() -> None:
    text = (
        "Gunmen attacked a hotel in Kabul on Monday.\n\nThe Secretary-General condemned the attack."
    )
    events = parley.code(text, published=DAY)
    assert [e.code[:2] for e in events].count("18") + [e.code[:2] for e in events].count("19") == 1
    condemnation = next(e for e in events if e.code == "111")
    assert [a.code for a in condemnation.target] == ["AFG/UAF"]


def test_coding_an_interaction_without_a_target_is_not_coded() -> None:
    assert coded("Kenya welcomed the decision.") == []


def test_coding_a_protest_with_no_named_target_is_against_the_home_government() -> None:
    events = coded("NAIROBI, March 3 (Parley Wire) - Thousands of protesters marched in Nairobi.")
    assert [e[:3] for e in events] == [("141", ["KEN/OPP"], ["KEN/GOV"])]


def test_coding_every_three_digit_cameo_code_has_a_rule() -> None:
    from parley.coding.rules import default_rules
    from parley.ontology import cameo_table

    ruleset = default_rules()
    coded_by_rules = {r.code for r in ruleset.rules} | {
        f.code for r in ruleset.rules for f in r.refine
    }
    three_digit = {c for c in cameo_table() if len(c) == 3}
    missing = {c for c in three_digit if not any(k.startswith(c) for k in coded_by_rules)}
    assert missing == set()


def test_coding_missiles_fired_by_a_state_at_home_hit_no_assumed_victims() -> None:
    assert coded("North Korea's army fired two ballistic missiles from Pyongyang on Monday.") == []


def test_coding_an_attack_naming_no_target_is_on_the_other_side_of_the_fight() -> None:
    text = (
        "Armenian forces shelled the Azerbaijani town of Tartar on Sunday.\n\n"
        "Hours later, Azerbaijani troops launched an assault in the south."
    )
    events = coded(text)
    assault = [e for e in events if e[1] == ["AZE/MIL"]]
    assert assault and assault[0][0].startswith("19") and assault[0][2][0].startswith("ARM")


def test_coding_condemning_these_attacks_targets_their_doers_not_their_victims() -> None:
    text = (
        "Rebel fighters of the M23 killed twelve villagers near Goma on Friday.\n\n"
        "The European Union condemns these attacks against civilians."
    )
    condemnation = next(e for e in coded(text) if e[0] == "111")
    assert condemnation[2] == ["M23/REB"]


@pytest.mark.parametrize(
    ("victims", "code"), [("more than 1,000 villagers", "202"), ("four villagers", "190")]
)
def test_coding_killing_hundreds_or_more_is_mass_killing(victims: str, code: str) -> None:
    events = coded(f"Militiamen of the Rapid Support Forces killed {victims} in Darfur.")
    assert [e[0] for e in events] == [code]


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing called the Japanese measures a grave provocation.",
        "Beijing described the Japanese exercises as blackmail.",
        "Japan imposed export controls on China.\n\nBeijing said the measures were illegal.",
    ],
)
def test_coding_a_verdict_on_what_a_state_did_criticises_that_state(sentence: str) -> None:
    events = coded(sentence)
    assert ("111", ["CHN/GOV"], ["JPN/GOV"]) in [e[:3] for e in events]


def test_coding_a_verdict_word_as_a_plain_modifier_is_no_event() -> None:
    assert coded("Beijing reported an illegal crossing on its border with Vietnam.") == []


def test_coding_an_appeal_to_foreign_governments_is_not_to_the_home_state() -> None:
    text = "KATHMANDU, May 2 (Parley Wire) - Nepal appealed to foreign governments for aid."
    (appeal,) = parley.code(text, published=DAY)
    assert appeal.root == "02" and [a.code for a in appeal.source] == ["NPL/GOV"]
    assert [(a.entity, a.text) for a in appeal.target] == [("", "foreign governments")]


def test_coding_a_possessor_owns_the_envoy_whatever_post_he_holds() -> None:
    events = coded("Iran's U.N. envoy Ali Rezaei criticised Israel on Monday.")
    assert [e[:3] for e in events] == [("111", ["IRN/GOV"], ["ISR/GOV"])]


def test_coding_both_armies_committed_to_a_ceasefire_are_its_parties() -> None:
    text = "Eritrea and Ethiopia signed a declaration that commits both armies to a ceasefire."
    ceasefire = next(e for e in coded(text) if e[0].startswith(("087", "035")))
    assert sorted(ceasefire[1] + ceasefire[2]) == ["ERI/GOV", "ETH/GOV"]


def test_coding_condemning_these_actions_targets_who_last_acted() -> None:
    text = (
        "Over the past year, Canada has placed one restriction after another on our media.\n\n"
        "We strongly condemn these actions."
    )
    events = coded(text, speaker="Ministry of Foreign Affairs of the People's Republic of China")
    assert ("111", ["CHN/GOV"], ["CAN/GOV"]) in [e[:3] for e in events]


def test_coding_a_governor_unknown_to_the_knowledge_base_governs_the_home_state() -> None:
    text = "LAGOS, Oct 21 (Parley Wire) - Governor Ade Bello imposed a curfew on the city."
    assert [e[:2] for e in coded(text)] == [("1723", ["NGA/GOV"])]


def test_coding_the_group_and_its_fighters_are_the_organisation_last_named() -> None:
    text = (
        "Al-Shabaab fighters attacked a police station in Mogadishu on Monday.\n\n"
        "The group said its fighters had also attacked an army convoy near Baidoa."
    )
    sources = {a for e in coded(text) for a in e[1]}
    assert sources == {"AL_SHABAAB/REB"}


def test_coding_condemning_the_strikes_targets_their_doers() -> None:
    text = (
        "French warplanes struck rebel bases in northern Mali on Friday.\n\n"
        "The African Union called on Mali to protect civilians.\n\n"
        "Algeria condemned the strikes."
    )
    condemnation = next(e for e in coded(text) if e[0] == "111")
    assert condemnation[2] == ["FRA/MIL"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serbia called up thousands of reservists.", ("154", ["SRB/MIL"], [])),
        ("Norway will open an embassy in Juba.", ("032", ["NOR/GOV"], ["SSD/GOV"])),
        (
            "Syrian rockets hit the Turkish town of Akcakale.\n\nAnkara looks into the strike.",
            ("090", ["TUR/GOV"], ["SYR/MIL"]),
        ),
    ],
)
def test_coding_objects_counted_placed_or_looked_into(text: str, expected: tuple) -> None:
    assert expected in [e[:3] for e in coded(text)]


def test_coding_a_named_official_shot_dead_is_assassinated() -> None:
    text = "Gunmen shot dead Bolivian Interior Minister Ramon Quispe in La Paz on Monday."
    assert [e[:3] for e in coded(text)] == [("186", ["BOL/UAF"], ["BOL/GOV"])]


def test_coding_a_surname_is_the_office_holder_the_document_introduced() -> None:
    text = (
        "LA PAZ, March 5 (Parley Wire) - Gunmen attacked a police station, interim President "
        "Ana Quispe said.\n\nQuispe imposed a curfew on the capital."
    )
    assert ("1723", ["BOL/GOV"]) in [e[:2] for e in coded(text)]


def test_coding_a_government_and_its_own_rebels_are_two_sides_of_an_agreement() -> None:
    text = "The Sri Lankan government and the LTTE signed a ceasefire agreement in Oslo."
    (event,) = coded(text)
    assert event[0] == "0871" and sorted(event[1] + event[2]) == ["LKA/GOV", "LKA/REB"]


def test_coding_a_call_for_release_naming_no_one_is_addressed_to_the_captors() -> None:
    text = (
        "Belarusian police detained dozens of opposition activists in Minsk on Sunday.\n\n"
        "The European Union called for the immediate release of all those detained."
    )
    appeal = next(e for e in coded(text) if e[0].startswith("02"))
    assert appeal[1:3] == (["EU"], ["BLR/COP"])


def test_coding_confidence_that_the_parties_will_comply_is_about_the_parties() -> None:
    text = (
        "Ethiopia and Eritrea signed a peace agreement in Algiers.\n\n"
        "Kenya is confident that both parties will implement the agreement."
    )
    optimism = next(e for e in coded(text) if e[0] == "013")
    assert sorted(optimism[2]) == ["ERI/GOV", "ETH/GOV"]


def test_coding_talks_brokered_by_a_third_state_are_mediated_by_it() -> None:
    text = "Sudan and South Sudan held talks.\n\nThe talks, brokered by Ethiopia, ended on Friday."
    assert ("045", ["ETH/GOV"]) in [e[:2] for e in coded(text)]


def test_coding_a_declaration_committing_both_sides_to_a_ceasefire_declares_it() -> None:
    text = "Eritrea and Ethiopia signed a declaration that commits both armies to a ceasefire."
    assert ("0871", "asserted") in [(e[0], e[3]) for e in coded(text)]


def test_coding_committing_oneself_to_a_ceasefire_is_an_intention() -> None:
    text = "Eritrea and Ethiopia committed themselves to a ceasefire."
    assert [e[0][:3] for e in coded(text)] == ["035"]


def test_coding_a_state_reporting_its_own_forces_accuses_no_one_of_its_own() -> None:
    text = "Nigeria's defence ministry said air force jets had bombed Boko Haram camps."
    events = coded(text)
    assert ("195", ["NGA/MIL"], ["BOKO_HARAM/REB"]) in [e[:3] for e in events]
    assert not [e for e in events if e[0] == "112"]


def test_coding_the_government_in_a_capital_is_that_states_and_the_first_to_act_acts() -> None:
    text = "The government in Khartoum was the first to recognise South Sudan."
    assert [e[:3] for e in coded(text)] == [("054", ["SDN/GOV"], ["SSD/GOV"])]


def test_coding_a_denial_answers_an_accusation_made_in_reported_speech() -> None:
    text = (
        "Georgia's foreign ministry said Russian aircraft had bombed the town of Gori.\n\n"
        "Moscow denied targeting civilians."
    )
    denial = next(e for e in coded(text) if e[0] == "016")
    assert denial[2] == ["GEO/GOV"]

"""The lexicon of CAMEO roots 06-08 and 15-20 (material cooperation, aid, yielding, force
posture, reduced relations, coercion, assault, fighting and mass violence), on sentences
written for these tests: each family of wordings codes its code, with the right source and
target."""

from __future__ import annotations

import pytest

from conftest import LEXICON_DAY, Coded, coded, codes_with_actors

DAY = LEXICON_DAY


# 06 Engage in material cooperation -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 060 cooperation
        (
            "Russia and Belarus cooperated closely on border security.",
            ("060", ["RUS/GOV"], ["BLR/GOV"]),
        ),
        (
            "Russia and Belarus collaborated on border security.",
            ("060", ["RUS/GOV"], ["BLR/GOV"]),
        ),
        # 061 economic cooperation: trade, investment, commodity supplies
        (
            "China resumed imports of Australian coal.",
            ("061", ["CHN/GOV"], ["AUS/GOV"]),
        ),
        (
            "Japan invested $2 billion in Indian infrastructure.",
            ("061", ["JPN/GOV"], ["IND/GOV"]),
        ),
        (
            "Germany and France launched a joint venture to build batteries.",
            ("061", ["DEU/GOV"], ["FRA/GOV"]),
        ),
        (
            "Russia supplied gas to Serbia at a discount.",
            ("061", ["RUS/GOV"], ["SRB/GOV"]),
        ),
        (
            "Turkey and Iran expanded bilateral trade last year.",
            ("061", ["TUR/GOV"], ["IRN/GOV"]),
        ),
        # 062 military cooperation: joint drills and patrols, arms sales
        (
            "Greece and Egypt held joint naval drills in the Mediterranean.",
            ("062", ["GRC/GOV"], ["EGY/GOV"]),
        ),
        (
            "Israel sold drones to Azerbaijan.",
            ("062", ["ISR/GOV"], ["AZE/GOV"]),
        ),
        (
            "India and France conducted joint patrols in the Indian Ocean.",
            ("062", ["IND/GOV"], ["FRA/GOV"]),
        ),
        # 063 judicial cooperation: extraditions, suspects handed over
        (
            "Spain extradited a Colombian drug lord to the United States.",
            ("063", ["ESP/GOV"], ["USA/GOV"]),
        ),
        (
            "Pakistan handed over three suspects to Afghanistan.",
            ("063", ["PAK/GOV"], ["AFG/GOV"]),
        ),
        (
            "Kenya transferred the suspect to the International Criminal Court.",
            ("063", ["KEN/GOV"], ["ICC/JUD"]),
        ),
        # 064 shared intelligence, information, briefings
        (
            "Britain shared intelligence with France about the attack.",
            ("064", ["GBR/GOV"], ["FRA/GOV"]),
        ),
        (
            "Germany passed information to Poland on the smuggling network.",
            ("064", ["DEU/GOV"], ["POL/GOV"]),
        ),
        (
            "The United States briefed Japan on the North Korean missile launch.",
            ("064", ["USA/GOV"], ["JPN/GOV"]),
        ),
        (
            "American and Japanese scientists had been exchanging seismic data.",
            ("064", ["USA/GOV"], ["JPN/GOV"]),
        ),
    ],
)
def test_lexicon_material_cooperation(
    text: str, expected: tuple[str, list[str], list[str]]
) -> None:
    assert expected in codes_with_actors(text)


# 07 Provide aid --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 071 economic aid: loans, deposits, debt relief, money
        (
            "The World Bank approved a $500 million loan to Pakistan.",
            ("071", ["WB"], ["PAK/GOV"]),
        ),
        (
            "Saudi Arabia deposited $3 billion in the central bank of Pakistan.",
            ("071", ["SAU/GOV"], ["PAK/GOV"]),
        ),
        (
            "France wrote off Mali's debt.",
            ("071", ["FRA/GOV"], ["MLI/GOV"]),
        ),
        (
            "The European Union provided financial assistance to Moldova.",
            ("071", ["EU"], ["MDA/GOV"]),
        ),
        (
            "Qatar donated $50 million to Lebanon.",
            ("071", ["QAT/GOV"], ["LBN/GOV"]),
        ),
        # 072 military aid: weapons, arming, training
        (
            "The United States delivered Javelin missiles to Ukraine.",
            ("072", ["USA/GOV"], ["UKR/GOV"]),
        ),
        (
            "Iran armed the Houthis.",
            ("072", ["IRN/GOV"], ["HOUTHIS/REB"]),
        ),
        (
            "The United States trained Ukrainian troops in Germany.",
            ("072", ["USA/GOV"], ["UKR/GOV"]),
        ),
        (
            "Germany sent air defence systems to Ukraine.",
            ("072", ["DEU/GOV"], ["UKR/GOV"]),
        ),
        (
            "The United States trained Ukrainian pilots.",
            ("072", ["USA/GOV"], ["UKR/GOV"]),
        ),
        # 073 humanitarian aid: relief, rescue, evacuation, shelter
        (
            "Turkey delivered humanitarian aid to Syria.",
            ("073", ["TUR/GOV"], ["SYR/GOV"]),
        ),
        (
            "The UAE airlifted food and medicine to Sudan.",
            ("073", ["ARE/GOV"], ["SDN/GOV"]),
        ),
        (
            "China sent a rescue team to Turkey.",
            ("073", ["CHN/GOV"], ["TUR/GOV"]),
        ),
        (
            "Egypt evacuated wounded Palestinians from Gaza.",
            ("073", ["EGY/GOV"], ["PSE/CVL"]),
        ),
        (
            "Turkey shelters three million Syrian refugees.",
            ("073", ["TUR/GOV"], ["SYR/GOV"]),
        ),
        # 074 peacekeepers and their mandates
        (
            "Rwanda deployed peacekeepers to the Central African Republic.",
            ("074", ["RWA/GOV"], ["CAF/GOV"]),
        ),
        (
            "The Security Council extended the mandate of the peacekeeping mission in Mali.",
            ("074", ["UN"], ["MLI/GOV"]),
        ),
        (
            "France deployed peacekeepers to Mali.",
            ("074", ["FRA/GOV"], ["MLI/GOV"]),
        ),
        # 075 asylum
        (
            "Germany granted political asylum to the Russian journalist.",
            ("075", ["DEU/GOV"], ["RUS/JRN"]),
        ),
    ],
)
def test_lexicon_aid(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid announced is aid promised: 033x, intended
        (
            "Japan announced $40 million in humanitarian aid for the people of Yemen.",
            ("0333", ["JPN/GOV"], ["YEM/CVL"], "intended"),
        ),
        (
            "Britain announced a further 10 million pounds for Syria.",
            ("0331", ["GBR/GOV"], ["SYR/GOV"], "intended"),
        ),
        (
            "The European Union unveiled a new package of military assistance for Ukraine.",
            ("0332", ["EU"], ["UKR/GOV"], "intended"),
        ),
        (
            "The United States announced additional assistance to Sudan.",
            ("033", ["USA/GOV"], ["SDN/GOV"], "intended"),
        ),
        # aid being given is given, whatever the sum
        (
            "Canada is providing $5 million to Haiti for emergency relief.",
            ("073", ["CAN/GOV"], ["HTI/GOV"], "asserted"),
        ),
    ],
)
def test_lexicon_aid_announced_is_intended(text: str, expected: Coded) -> None:
    assert expected in coded(text)


# 08 Yield --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Norway welcomed the release of the journalist held by the Taliban.",
        "Norway welcomed the release of the aid workers who had been kidnapped by the Taliban.",
        "Norway welcomed the release of the engineers abducted by the Taliban.",
    ],
)
def test_lexicon_who_held_the_released_releases_them(text: str) -> None:
    found = codes_with_actors(text)
    assert ("051", ["NOR/GOV"], ["TALIBAN/REB"]) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 080 compensation
        (
            "Japan paid compensation to the families of the victims.",
            ("080", ["JPN/GOV"], ["JPN/CVL"]),
        ),
        # 0841 people released, exchanged
        (
            "Iran released the British tanker crew.",
            ("0841", ["IRN/GOV"], ["GBR/GOV"]),
        ),
        (
            "Hamas freed two Israeli hostages.",
            ("0841", ["HAMAS/REB"], ["ISR/GOV"]),
        ),
        (
            "Russia and Ukraine exchanged prisoners.",
            ("0841", ["RUS/GOV"], ["UKR/GOV"]),
        ),
        (
            "Iran completed the release of the British sailors.",
            ("0841", ["IRN/GOV"], ["GBR/GOV"]),
        ),
        (
            "Russia announced the release of two American citizens.",
            ("0841", ["RUS/GOV"], ["USA/GOV"]),
        ),
        # 0842 property returned
        (
            "Iran released the seized British tanker.",
            ("0842", ["IRN/GOV"], ["GBR/GOV"]),
        ),
        # 085 sanctions eased, assets unfrozen, waivers
        (
            "The United States lifted sanctions on Sudan.",
            ("085", ["USA/GOV"], ["SDN/GOV"]),
        ),
        (
            "The EU eased its sanctions on Venezuela.",
            ("085", ["EU"], ["VEN/GOV"]),
        ),
        (
            "Washington unfroze Afghan central bank assets.",
            ("085", ["USA/GOV"], ["AFG/GOV"]),
        ),
        (
            "Washington granted a sanctions waiver to Venezuela.",
            ("085", ["USA/GOV"], ["VEN/GOV"]),
        ),
        # 0861 peacekeepers admitted
        (
            "Sudan accepted the deployment of UN peacekeepers.",
            ("0861", ["SDN/GOV"], ["UN"]),
        ),
        # 0863 humanitarian access, crossings opened for aid
        (
            "Israel opened the Kerem Shalom crossing for aid trucks bound for Palestinians.",
            ("0863", ["ISR/GOV"], ["PSE/CVL"]),
        ),
        (
            "Israel opened the Kerem Shalom crossing for aid trucks bound for Palestinians.",
            ("0863", ["ISR/GOV"], ["PSE/CVL"]),
        ),
        # 0871 truce declared or observed
        (
            "Hamas declared a ceasefire with Israel.",
            ("0871", ["HAMAS/REB"], ["ISR/GOV"]),
        ),
        (
            "Azerbaijan and Armenia observed the truce.",
            ("0871", ["AZE/GOV"], ["ARM/GOV"]),
        ),
        # 087 offensive halted
        (
            "Russia halted its offensive against Ukraine.",
            ("087", ["RUS/GOV"], ["UKR/GOV"]),
        ),
        # 0873 weapons handed over
        (
            "The FARC handed over its weapons to the United Nations.",
            ("0873", ["FARC/REB"], ["UN"]),
        ),
        # 0874 retreat, surrender, positions abandoned
        (
            "The Taliban fighters surrendered to Afghan forces.",
            ("0874", ["TALIBAN/REB"], ["AFG/MIL"]),
        ),
        (
            "Russian forces abandoned their positions near Ukrainian troops.",
            ("0874", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        (
            "Russian troops withdrew from Ukrainian positions.",
            ("0874", ["RUS/MIL"], ["UKR/GOV"]),
        ),
        # 0872 blockade eased
        (
            "Israel eased its blockade on Palestinians in Gaza.",
            ("0872", ["ISR/GOV"], ["PSE/CVL"]),
        ),
        # 0832 policy reversed
        (
            "Argentina scrapped the pension decree opposed by Argentine unions.",
            ("0832", ["ARG/GOV"], ["ARG/LAB"]),
        ),
        # 0813 curfew lifted
        (
            "Israel lifted the curfew on Palestinians in Hebron.",
            ("0813", ["ISR/GOV"], ["PSE/CVL"]),
        ),
    ],
)
def test_lexicon_yield(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 15 Exhibit force posture ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 154 troops massed, built up, reinforced, moved
        (
            "Russia massed troops near the Ukrainian border.",
            ("154", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        (
            "Russia's build-up of troops near Ukraine worried NATO.",
            ("154", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        (
            "NATO reinforced its eastern flank against Russia.",
            ("154", ["NATO"], ["RUS/MIL"]),
        ),
        (
            "Pakistan was moving additional troops towards the Indian border.",
            ("154", ["PAK/MIL"], ["IND/MIL"]),
        ),
        (
            "Armenia mobilized its reservists against Azerbaijan.",
            ("154", ["ARM/MIL"], ["AZE/MIL"]),
        ),
        (
            "Russia boosted its military presence near Ukraine.",
            ("154", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        # 152 military alert
        (
            "North Korea put its army on high alert.",
            ("152", ["PRK/MIL"], []),
        ),
        (
            "Taiwanese forces went on high alert.",
            ("152", ["TWN/MIL"], []),
        ),
        # 153 police deployed
        (
            "France deployed 45,000 police officers to Paris against the protesters.",
            ("153", ["FRA/MIL"], ["FRA/OPP"]),
        ),
        # 150 drills, tests, launches, warplanes and warships shown
        (
            "China held live-fire drills near Taiwan.",
            ("150", ["CHN/MIL"], ["TWN/MIL"]),
        ),
        (
            "Iran tested a new ballistic missile.",
            ("150", ["IRN/MIL"], []),
        ),
        (
            "North Korea launched an intercontinental ballistic missile.",
            ("150", ["PRK/MIL"], []),
        ),
        (
            "The U.S. warships sailed through the Taiwan Strait.",
            ("150", ["USA/MIL"], ["TWN/MIL"]),
        ),
        (
            "Chinese warplanes flew near Taiwan.",
            ("150", ["CHN/MIL"], ["TWN/MIL"]),
        ),
    ],
)
def test_lexicon_force_posture(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 16 Reduce relations ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 161 diplomatic ties cut, envoys expelled or recalled
        (
            "Bahrain severed diplomatic ties with Iran.",
            ("161", ["BHR/GOV"], ["IRN/GOV"]),
        ),
        (
            "Canada expelled two Indian diplomats.",
            ("161", ["CAN/GOV"], ["IND/GOV"]),
        ),
        (
            "The Russian Foreign Ministry announced the expulsion of American diplomats.",
            ("161", ["RUS/GOV"], ["USA/GOV"]),
        ),
        (
            "Germany recalled its ambassador from Turkey.",
            ("161", ["DEU/GOV"], ["TUR/GOV"]),
        ),
        (
            "Niger ordered the French ambassador to leave.",
            ("161", ["NER/GOV"], ["FRA/GOV"]),
        ),
        # 162 aid suspended
        (
            "The United States suspended aid to Ethiopia.",
            ("162", ["USA/GOV"], ["ETH/GOV"]),
        ),
        # 1622 military aid frozen
        (
            "Washington froze military assistance to Egypt.",
            ("1622", ["USA/GOV"], ["EGY/GOV"]),
        ),
        # 1621 economic aid suspended
        (
            "The IMF suspended disbursements to Mozambique.",
            ("1621", ["IMF"], ["MOZ/GOV"]),
        ),
        # 163 sanctions, tariffs, restrictive measures, trade bans
        (
            "The EU imposed sanctions on Belarus.",
            ("163", ["EU"], ["BLR/GOV"]),
        ),
        (
            "The United States slapped tariffs on Chinese steel.",
            ("163", ["USA/GOV"], ["CHN/GOV"]),
        ),
        (
            "The EU adopted restrictive measures against Russia.",
            ("163", ["EU"], ["RUS/GOV"]),
        ),
        (
            "Russia banned imports of Moldovan wine.",
            ("163", ["RUS/GOV"], ["MDA/GOV"]),
        ),
        (
            "The United States blacklisted three Iranian companies.",
            ("163", ["USA/GOV"], ["IRN/BUS"]),
        ),
        # 164 talks halted, abandoned, collapsed
        (
            "Iran walked out of the talks with the United States.",
            ("164", ["IRN/GOV"], ["USA/GOV"]),
        ),
        (
            "Russia pulled out of the negotiations with Ukraine.",
            ("164", ["RUS/GOV"], ["UKR/GOV"]),
        ),
        (
            "The talks between Serbia and Kosovo broke down.",
            ("164", ["SRB/GOV"], ["XKX/GOV"]),
        ),
        (
            "Israel recalled its negotiators from Qatar.",
            ("164", ["ISR/GOV"], ["QAT/GOV"]),
        ),
        (
            "India suspended talks with Pakistan.",
            ("164", ["IND/GOV"], ["PAK/GOV"]),
        ),
        # 165 mediation halted
        (
            "Qatar suspended its mediation between Israel and Hamas.",
            ("165", ["QAT/GOV"], ["ISR/GOV", "HAMAS/REB"]),
        ),
        # 1661 peacekeepers expelled
        (
            "Mali expelled the UN peacekeepers.",
            ("1661", ["MLI/GOV"], ["UN"]),
        ),
        # 1662 observers withdrawn
        (
            "Russia withdrew its observers from the OSCE mission.",
            ("1662", ["RUS/GOV"], ["OSCE"]),
        ),
        # 1663 aid agencies ordered out
        (
            "Sudan ordered the UN aid agencies to leave.",
            ("1663", ["SDN/GOV"], ["UN"]),
        ),
    ],
)
def test_lexicon_reduce_relations(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 17 Coerce -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 173 arrests, round-ups, sentences
        (
            "Russian police detained hundreds of protesters in Moscow.",
            ("173", ["RUS/COP"], ["RUS/OPP"]),
        ),
        (
            "Turkey rounded up dozens of Kurdish activists.",
            ("173", ["TUR/GOV"], ["TUR/OPP"]),
        ),
        (
            "Ecuadorian police took away former Vice-President Jorge Glas.",
            ("173", ["ECU/COP"], ["ECU/CVL"]),
        ),
        (
            "An Iranian court imposed a ten-year sentence on the British-Iranian aid worker.",
            ("173", ["IRN/JUD"], ["IRN/CVL"]),
        ),
        (
            "A Moscow court handed down a long prison sentence to the Russian opposition leader.",
            ("173", ["RUS/JUD"], ["RUS/OPP"]),
        ),
        # 174 deportations and expulsions of individuals
        (
            "Russia deported two Ukrainian citizens.",
            ("174", ["RUS/GOV"], ["UKR/GOV"]),
        ),
        (
            "China expelled three American journalists.",
            ("174", ["CHN/GOV"], ["USA/JRN"]),
        ),
        # 1721 media and internet restricted
        (
            "The Indian government shut down the internet in Kashmir.",
            ("1721", ["IND/GOV"], ["IND/CVL"]),
        ),
        (
            "Sri Lankan authorities blocked access to Facebook and Twitter.",
            ("1721", ["LKA/GOV"], ["LKA/CVL"]),
        ),
        # 1722 parties and candidates banned
        (
            "Thailand banned the opposition party.",
            ("1722", ["THA/GOV"], ["THA/OPP"]),
        ),
        (
            "The Thai election commission disqualified the opposition leader.",
            ("1722", ["THA/GOV"], ["THA/OPP"]),
        ),
        (
            "The Nicaraguan government dissolved the opposition party.",
            ("1722", ["NIC/GOV"], ["NIC/CVL"]),
        ),
        # 1723 curfew
        (
            "Sri Lanka imposed a curfew in Colombo.",
            ("1723", ["LKA/GOV"], ["LKA/CVL"]),
        ),
        # 1724 state of emergency
        (
            "Myanmar's military declared a state of emergency.",
            ("1724", ["MMR/MIL"], ["MMR/CVL"]),
        ),
        # 175 violent repression of protests
        (
            "Iranian police fired tear gas at protesters.",
            ("175", ["IRN/COP"], ["IRN/CVL"]),
        ),
        (
            "Riot police dispersed the demonstrators in Minsk.",
            ("175", ["BLR/COP"], ["BLR/CVL"]),
        ),
        (
            "Sudanese forces cracked down on protesters in Khartoum.",
            ("175", ["SDN/MIL"], ["SDN/OPP"]),
        ),
        (
            "Syrian security forces tortured the detained Syrian activists.",
            ("175", ["SYR/MIL"], ["SYR/OPP"]),
        ),
        # 1711 property confiscated
        (
            "Venezuela confiscated the American oil company's assets.",
            ("1711", ["VEN/GOV"], ["USA/BUS"]),
        ),
        # 1712 property destroyed
        (
            "Israeli forces demolished Palestinian homes in the West Bank.",
            ("1712", ["ISR/MIL"], ["PSE/GOV"]),
        ),
    ],
)
def test_lexicon_coerce(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 18 Assault ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 181 hostage-taking, seizure of ships
        (
            "Hamas took Israeli civilians hostage.",
            ("181", ["HAMAS/REB"], ["ISR/CVL"]),
        ),
        (
            "Houthi rebels seized a British-flagged ship in the Red Sea.",
            ("181", ["HOUTHIS/REB"], ["GBR/MIL"]),
        ),
        # 182 beatings
        (
            "Hamas gunmen beat two Israeli soldiers.",
            ("182", ["HAMAS/REB"], ["ISR/MIL"]),
        ),
        # 1822 torture
        (
            "Russian soldiers tortured Ukrainian prisoners.",
            ("1822", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        # 1831 suicide bombing
        (
            "A suicide bomber blew himself up at a market in Kabul.",
            ("1831", ["AFG/UAF"], ["AFG/CVL"]),
        ),
        # 183 bombs detonated
        (
            "Al-Shabaab detonated explosives at the hotel in Mogadishu.",
            ("183", ["AL_SHABAAB/REB"], ["SOM/CVL"]),
        ),
        # 186 assassination
        (
            "Israel assassinated the Hamas leader in Tehran.",
            ("186", ["ISR/MIL"], ["HAMAS/REB"]),
        ),
        (
            "Gunmen killed President Ahmed Khan of Pakistan.",
            ("186", ["PAK/UAF"], ["PAK/GOV"]),
        ),
        # 184 human shields
        (
            "Hamas used civilians as human shields in Gaza.",
            ("184", ["HAMAS/REB"], ["PSE/CVL"]),
        ),
        # 180 knife attacks
        (
            "Islamic State militants stabbed two French policemen.",
            ("180", ["ISIS/REB"], ["FRA/MIL"]),
        ),
        # 1832 car bombing
        (
            "Al-Shabaab fighters detonated a car bomb at a checkpoint in Mogadishu.",
            ("1832", ["AL_SHABAAB/REB"], ["SOM/CVL"]),
        ),
        # 1823 killed by beating
        (
            "Russian guards beat a Ukrainian prisoner to death.",
            ("1823", ["RUS/MIL"], ["UKR/MIL"]),
        ),
    ],
)
def test_lexicon_assault(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 19 Fight --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 190 attacks, fighting, clashes, aircraft downed
        (
            "Russia attacked Ukraine.",
            ("190", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        (
            "Ethiopian troops fought Eritrean forces.",
            ("190", ["ETH/MIL"], ["ERI/MIL"]),
        ),
        (
            "Azerbaijani and Armenian forces clashed on the border.",
            ("190", ["AZE/MIL"], ["ARM/MIL"]),
        ),
        (
            "Ukraine downed a Russian helicopter.",
            ("190", ["UKR/MIL"], ["RUS/MIL"]),
        ),
        # 193 exchange of fire
        (
            "Afghan troops exchanged fire with Taliban militants near the checkpoint.",
            ("193", ["AFG/MIL"], ["TALIBAN/REB"]),
        ),
        # 195 air strikes and bombing
        (
            "Israeli warplanes struck targets in Gaza.",
            ("195", ["ISR/MIL"], ["PSE/CVL"]),
        ),
        (
            "NATO resumed full-scale bombing of Yugoslavia.",
            ("195", ["NATO"], ["SRB/MIL"]),
        ),
        # 194 rocket fire
        (
            "Hezbollah fired rockets at Israel.",
            ("194", ["HEZBOLLAH/REB"], ["ISR/MIL"]),
        ),
        # 192 invasion and capture of territory
        (
            "Russian troops captured the town of Bakhmut from Ukraine.",
            ("192", ["RUS/MIL"], ["UKR/CVL"]),
        ),
        (
            "Russia invaded Ukraine.",
            ("192", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        # 191 sieges and blockades
        (
            "Israel imposed a blockade on Gaza.",
            ("191", ["ISR/GOV"], ["PSE/CVL"]),
        ),
        (
            "Russian forces besieged Ukrainian troops in Mariupol.",
            ("191", ["RUS/MIL"], ["UKR/MIL"]),
        ),
        (
            "Russian forces encircled the Ukrainian city of Mariupol.",
            ("191", ["RUS/MIL"], ["UKR/GOV"]),
        ),
        (
            "Russian forces cut off the supply routes to Ukrainian troops in Bakhmut.",
            ("191", ["RUS/MIL"], ["UKR/MIL"]),
        ),
    ],
)
def test_lexicon_fight(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# 20 Use unconventional mass violence -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 202 mass killing
        (
            "The RSF killed more than 1,000 Sudanese civilians in Darfur.",
            ("202", ["RSF/PRM"], ["SDN/CVL"]),
        ),
        # 203 ethnic cleansing
        (
            "Myanmar's army carried out ethnic cleansing of Rohingya villagers.",
            ("203", ["MMR/MIL"], ["MMR/CVL"]),
        ),
        # 2041 chemical weapons
        (
            "Syria used chemical weapons against civilians in Douma.",
            ("2041", ["SYR/MIL"], ["SYR/CVL"]),
        ),
        # 201 mass expulsion
        (
            "Serbian forces expelled thousands of ethnic Albanians from Kosovo.",
            ("201", ["SRB/MIL"], ["ALB/CVL"]),
        ),
        # 2042 nuclear weapons
        (
            "The United States dropped an atomic bomb on Hiroshima.",
            ("2042", ["USA/MIL"], ["JPN/CVL"]),
        ),
    ],
)
def test_lexicon_mass_violence(text: str, expected: tuple[str, list[str], list[str]]) -> None:
    assert expected in codes_with_actors(text)


# Modality: intended, negated --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # roots 06-08 said as an intention become their 03x code
        (
            "The United States will deliver Javelin missiles to Ukraine.",
            ("0332", ["USA/GOV"], ["UKR/GOV"], "intended"),
        ),
        (
            "Rwanda will deploy peacekeepers to the Central African Republic.",
            ("0334", ["RWA/GOV"], ["CAF/GOV"], "intended"),
        ),
        (
            "Hamas agreed to release two Israeli hostages.",
            ("0353", ["HAMAS/REB"], ["ISR/GOV"], "intended"),
        ),
        (
            "The EU is ready to ease its sanctions on Venezuela.",
            ("0354", ["EU"], ["VEN/GOV"], "intended"),
        ),
        (
            "Iran did not release the British tanker crew.",
            ("0841", ["IRN/GOV"], ["GBR/GOV"], "negated"),
        ),
    ],
)
def test_lexicon_material_modality(text: str, expected: Coded) -> None:
    assert expected in coded(text)


# Words of these families used for something else -------------------------------------


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("Pakistan beat India in the cricket final.", {"18", "19"}),
        ("Japan released its annual defence white paper on China.", {"08"}),
        ("The ministry released a statement on the situation in Sudan.", {"08"}),
        ("The two countries must fight terrorism together.", {"19"}),
        ("The president briefed reporters on his visit to Kenya.", {"06"}),
        ("The talks between India and Pakistan ended late on Monday.", {"16"}),
        ("Many people were displaced by the earthquake in Turkey.", {"20"}),
        ("Germany fought hard for a compromise with France on the budget.", {"19"}),
        ("Russia's army entered politics in 1958.", {"19"}),
    ],
)
def test_lexicon_material_other_senses_are_not_events(text: str, roots: set[str]) -> None:
    assert not {e[0][:2] for e in coded(text)} & roots


def test_lexicon_ethnic_cleansing_as_a_label_is_no_new_event() -> None:
    text = (
        "The RSF killed more than 1,000 Sudanese civilians in Darfur.\n\n"
        "These atrocities are part of a wider campaign of ethnic cleansing."
    )
    assert [e[0] for e in coded(text)] == ["202"]


def test_lexicon_the_release_of_aid_workers_frees_people_not_aid() -> None:
    found = codes_with_actors("The Taliban announced the release of two Swedish aid workers.")
    assert [e[0] for e in found if e[0].startswith(("07", "08"))] == ["0841"]

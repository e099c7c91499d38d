"""Whom an appeal asks when it names no addressee, as readers take it: the parties of
what it asks for, else, for a ceasefire, the sides last seen fighting. Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import parley

DAY = date(2020, 10, 5)


def appeals(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [
        (e.code, [a.code for a in e.source], [a.code for a in e.target])
        for e in parley.code(text, published=DAY)
        if e.modality == "appeal"
    ]


def test_an_appeal_for_a_ceasefire_between_two_states_asks_both() -> None:
    for text in (
        "The Secretary-General called for an immediate ceasefire between Armenia and Azerbaijan.",
        "The Secretary-General renewed his call for a ceasefire between Armenia and Azerbaijan.",
        "The Secretary-General urged an end to the fighting between Armenia and Azerbaijan.",
    ):
        assert ("0256", ["UN"], ["ARM/GOV", "AZE/GOV"]) in appeals(text), text


def test_a_call_for_a_ceasefire_naming_no_one_asks_the_sides_last_fighting() -> None:
    text = (
        "Ethiopian troops and Eritrean forces clashed near Badme on Sunday. "
        "The Secretary-General reiterates his call for an immediate ceasefire."
    )
    found = appeals(text)
    assert any(
        code == "0256" and {t.split("/")[0] for t in target} == {"ETH", "ERI"}
        for code, _, target in found
    ), found

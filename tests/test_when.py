"""Temporal expressions resolved against the document date, as an analyst reads them.

Each row: expression, document date, expected (start, end, precision). The document is a
past-tense report published on that date. Conventions for the ambiguous cases:

- A weekday ("on Tuesday", "late on Sunday") is the latest one up to the document date,
  the document's own day included; "last Tuesday" is the latest one strictly before it.
- A week runs Monday to Sunday: "last week" is the week before the document's week, and
  "N weeks ago" is the week holding the day N weeks back.
- "over/at the weekend" is the latest Saturday-Sunday begun by the document date (its own
  weekend on a Saturday or Sunday); "last weekend" is the weekend of the week before.
  A weekend or a range of days has precision "day", from its first day to its last.
- A day and month without a year is this year's, unless that falls more than a month
  after the document (then last year's; a date up to a month ahead is an announced one).
- A month without a year ("late March", "from March to May") is the latest one up to the
  document's month; "last February" is strictly before it, so last year's in February.
- "early", "mid", "late", "the end of" keep the whole month or year.
- "last night" is the day before the document; "overnight" is the night just ended and
  dated to the document's day, as in the gold set (tests/gold, dev-b-13).
- "the day before" and "two days later" count from the last day named earlier in the
  text, else from the document date.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.when import find_dates, parse_date_argument, resolve

TUE = date(2020, 11, 24)  # a Tuesday
THU = date(2020, 11, 26)  # a Thursday
SAT = date(2020, 11, 21)  # a Saturday
NEW_YEAR = date(2021, 1, 1)  # a Friday
SUN = date(2021, 1, 3)  # the first Sunday of 2021
MON = date(2021, 1, 4)  # a Monday
LEAP_DAY = date(2020, 2, 29)  # a Saturday
AFTER_LEAP = date(2020, 3, 1)  # a Sunday
LEAP_MON = date(2020, 3, 2)  # a Monday
LEAP_2024 = date(2024, 3, 1)  # a Friday, the day after 29 February 2024


def row(expr, anchor, start, end, precision, marks=()):
    return pytest.param(
        expr, anchor, start, end, precision, marks=marks, id=f"{expr}@{anchor.isoformat()}"
    )


TABLE = [
    # absolute days
    row("24 November 2020", TUE, "2020-11-24", "2020-11-24", "day"),
    row("November 24, 2020", THU, "2020-11-24", "2020-11-24", "day"),
    row("November 24th, 2020", THU, "2020-11-24", "2020-11-24", "day"),
    row("the 24th of November 2020", THU, "2020-11-24", "2020-11-24", "day"),
    row("Nov. 24", THU, "2020-11-24", "2020-11-24", "day"),
    row("Nov. 24", date(2021, 1, 10), "2020-11-24", "2020-11-24", "day"),
    row("2020-11-24", date(2021, 3, 1), "2020-11-24", "2020-11-24", "day"),
    row("24.11.2020", date(2021, 3, 1), "2020-11-24", "2020-11-24", "day"),
    row("11/24/2020", date(2021, 3, 1), "2020-11-24", "2020-11-24", "day"),
    row("on 3 March", TUE, "2020-03-03", "2020-03-03", "day"),
    row("on 3 March", NEW_YEAR, "2020-03-03", "2020-03-03", "day"),
    row("on 3 March", date(2021, 2, 20), "2021-03-03", "2021-03-03", "day"),
    row("March 3rd", date(2020, 3, 3), "2020-03-03", "2020-03-03", "day"),
    row("March 3rd", date(2019, 11, 5), "2019-03-03", "2019-03-03", "day"),
    row("the 3rd of March", date(2020, 6, 15), "2020-03-03", "2020-03-03", "day"),
    row("the 3rd of March", NEW_YEAR, "2020-03-03", "2020-03-03", "day"),
    row("on 29 February", date(2021, 3, 10), "2020-02-29", "2020-02-29", "day"),
    row("24 November 2020", NEW_YEAR, "2020-11-24", "2020-11-24", "day"),
    row("Nov. 24", date(2020, 12, 20), "2020-11-24", "2020-11-24", "day"),
    row("2024-02-29", LEAP_2024, "2024-02-29", "2024-02-29", "day"),
    row("Sept. 11, 2001", date(2021, 9, 11), "2001-09-11", "2001-09-11", "day"),
    row("Sept. 11, 2001", date(2001, 9, 12), "2001-09-11", "2001-09-11", "day"),
    row("Tuesday, 24 November", THU, "2020-11-24", "2020-11-24", "day"),
    # wire datelines: the day of the dispatch
    row("NAIROBI, Dec 31 (Reuters) -", NEW_YEAR, "2020-12-31", "2020-12-31", "day"),
    row("KABUL, Feb 29 (Reuters) -", LEAP_DAY, "2020-02-29", "2020-02-29", "day"),
    row("GENEVA, March 1 (Reuters) -", date(2021, 3, 1), "2021-03-01", "2021-03-01", "day"),
    row("December 28", date(2021, 1, 5), "2020-12-28", "2020-12-28", "day"),
    row(
        "Tuesday, November 24, 2020",
        date(2020, 12, 3),
        "2020-11-24",
        "2020-11-24",
        "day",
    ),
    # months
    row("November 2018", TUE, "2018-11-01", "2018-11-30", "month"),
    row("in November 2018", TUE, "2018-11-01", "2018-11-30", "month"),
    row("early March 2019", TUE, "2019-03-01", "2019-03-31", "month"),
    row("Nov 2020", TUE, "2020-11-01", "2020-11-30", "month"),
    row("late March", date(2020, 4, 2), "2020-03-01", "2020-03-31", "month"),
    row("late March", LEAP_MON, "2020-03-01", "2020-03-31", "month"),
    row("late March", NEW_YEAR, "2020-03-01", "2020-03-31", "month"),
    row("in March and May 2019", TUE, "2019-03-01", "2019-03-31", "month"),
    row(
        "at the end of March",
        TUE,
        "2020-03-01",
        "2020-03-31",
        "month",
    ),
    # years
    row("in 2018", TUE, "2018-01-01", "2018-12-31", "year"),
    row("in 2018", NEW_YEAR, "2018-01-01", "2018-12-31", "year"),
    row("early 2020", LEAP_MON, "2020-01-01", "2020-12-31", "year"),
    row("early 2020", NEW_YEAR, "2020-01-01", "2020-12-31", "year"),
    row("mid-2019", NEW_YEAR, "2019-01-01", "2019-12-31", "year"),
    row("since 2015", TUE, "2015-01-01", "2015-12-31", "year"),
    row("late 2019", TUE, "2019-01-01", "2019-12-31", "year"),
    row("by the end of 2020", TUE, "2020-01-01", "2020-12-31", "year"),
    row(
        "mid-2019",
        TUE,
        "2019-01-01",
        "2019-12-31",
        "year",
    ),
    # ranges
    row("2018–2019", TUE, "2018-01-01", "2019-12-31", "year"),
    row("2018-19", TUE, "2018-01-01", "2019-12-31", "year"),
    row("in 2018–2019", TUE, "2018-01-01", "2019-12-31", "year"),
    row("2018-2019", NEW_YEAR, "2018-01-01", "2019-12-31", "year"),
    row("from 2018 to 2019", LEAP_DAY, "2018-01-01", "2019-12-31", "year"),
    row("the 2014-2016 war", TUE, "2014-01-01", "2016-12-31", "year"),
    row("from 2016 to 2018", TUE, "2016-01-01", "2018-12-31", "year"),
    row("between 2016 and 2018", TUE, "2016-01-01", "2018-12-31", "year"),
    row("from March to May", TUE, "2020-03-01", "2020-05-31", "month"),
    row("from March to May", date(2021, 2, 10), "2020-03-01", "2020-05-31", "month"),
    row("March–May 2019", TUE, "2019-03-01", "2019-05-31", "month"),
    row("from March to May", date(2020, 5, 15), "2020-03-01", "2020-05-31", "month"),
    row("from March to May", date(2020, 4, 15), "2019-03-01", "2019-05-31", "month"),
    row("between March and May 2019", TUE, "2019-03-01", "2019-05-31", "month"),
    row("between March and May 2019", date(2019, 4, 10), "2019-03-01", "2019-05-31", "month"),
    row("from December 2019 to February 2020", TUE, "2019-12-01", "2020-02-29", "month"),
    row("from 12 to 14 March", NEW_YEAR, "2020-03-12", "2020-03-14", "day"),
    row("from 12 to 14 March", date(2020, 3, 20), "2020-03-12", "2020-03-14", "day"),
    row("12-14 March 2021", date(2021, 3, 20), "2021-03-12", "2021-03-14", "day"),
    row("12–14 March 2021", TUE, "2021-03-12", "2021-03-14", "day"),
    row("between 12 and 14 March", date(2021, 3, 20), "2021-03-12", "2021-03-14", "day"),
    row("from 28 February to 1 March", NEW_YEAR, "2020-02-28", "2020-03-01", "day"),
    row("December 28 to January 3", date(2021, 1, 5), "2020-12-28", "2021-01-03", "day"),
    row("March 30 to April 2, 2019", TUE, "2019-03-30", "2019-04-02", "day"),
    # named days
    row("yesterday", TUE, "2020-11-23", "2020-11-23", "day"),
    row("yesterday", date(2021, 1, 1), "2020-12-31", "2020-12-31", "day"),
    row("today", TUE, "2020-11-24", "2020-11-24", "day"),
    row("tomorrow", TUE, "2020-11-25", "2020-11-25", "day"),
    row("this morning", TUE, "2020-11-24", "2020-11-24", "day"),
    row("last night", TUE, "2020-11-23", "2020-11-23", "day"),
    row("yesterday", AFTER_LEAP, "2020-02-29", "2020-02-29", "day"),
    row("yesterday", LEAP_2024, "2024-02-29", "2024-02-29", "day"),
    row("today", LEAP_DAY, "2020-02-29", "2020-02-29", "day"),
    row("today", NEW_YEAR, "2021-01-01", "2021-01-01", "day"),
    row("this morning", NEW_YEAR, "2021-01-01", "2021-01-01", "day"),
    row("last night", NEW_YEAR, "2020-12-31", "2020-12-31", "day"),
    row("last night", AFTER_LEAP, "2020-02-29", "2020-02-29", "day"),
    row("overnight", NEW_YEAR, "2021-01-01", "2021-01-01", "day"),
    row("clashes overnight in Kabul", AFTER_LEAP, "2020-03-01", "2020-03-01", "day"),
    row("the day before", NEW_YEAR, "2020-12-31", "2020-12-31", "day"),
    row("the day before", AFTER_LEAP, "2020-02-29", "2020-02-29", "day"),
    row("the day before yesterday", LEAP_MON, "2020-02-29", "2020-02-29", "day"),
    # weekdays
    row("on Tuesday", TUE, "2020-11-24", "2020-11-24", "day"),
    row("on Tuesday", THU, "2020-11-24", "2020-11-24", "day"),
    row("on Monday", TUE, "2020-11-23", "2020-11-23", "day"),
    row("on Friday", THU, "2020-11-20", "2020-11-20", "day"),
    row("on Tuesday", NEW_YEAR, "2020-12-29", "2020-12-29", "day"),
    row("on Tuesday", SUN, "2020-12-29", "2020-12-29", "day"),
    row("on Friday", NEW_YEAR, "2021-01-01", "2021-01-01", "day"),
    row("on Saturday", LEAP_MON, "2020-02-29", "2020-02-29", "day"),
    row("last Tuesday", TUE, "2020-11-17", "2020-11-17", "day"),
    row("last Tuesday", NEW_YEAR, "2020-12-29", "2020-12-29", "day"),
    row("last Tuesday", date(2020, 1, 1), "2019-12-31", "2019-12-31", "day"),
    row("last Friday", NEW_YEAR, "2020-12-25", "2020-12-25", "day"),
    row("late on Sunday", MON, "2021-01-03", "2021-01-03", "day"),
    row("late on Sunday", SUN, "2021-01-03", "2021-01-03", "day"),
    row("late on Sunday", NEW_YEAR, "2020-12-27", "2020-12-27", "day"),
    row("early on Monday", MON, "2021-01-04", "2021-01-04", "day"),
    row("early on Monday", AFTER_LEAP, "2020-02-24", "2020-02-24", "day"),
    row("overnight Sunday", MON, "2021-01-03", "2021-01-03", "day"),
    row("last Sunday", TUE, "2020-11-22", "2020-11-22", "day"),
    row("next Friday", TUE, "2020-11-27", "2020-11-27", "day"),
    row(
        "this Friday",
        TUE,
        "2020-11-27",
        "2020-11-27",
        "day",
    ),
    # weeks
    row("last week", TUE, "2020-11-16", "2020-11-22", "week"),
    row("last week", date(2021, 1, 3), "2020-12-21", "2020-12-27", "week"),
    row("this week", TUE, "2020-11-23", "2020-11-29", "week"),
    row("next week", TUE, "2020-11-30", "2020-12-06", "week"),
    row("last week", LEAP_MON, "2020-02-24", "2020-03-01", "week"),
    row("last week", NEW_YEAR, "2020-12-21", "2020-12-27", "week"),
    row("this week", SUN, "2020-12-28", "2021-01-03", "week"),
    row("this week", LEAP_DAY, "2020-02-24", "2020-03-01", "week"),
    row("earlier this week", THU, "2020-11-23", "2020-11-29", "week"),
    # weekends
    row("over the weekend", LEAP_MON, "2020-02-29", "2020-03-01", "day"),
    row("over the weekend", TUE, "2020-11-21", "2020-11-22", "day"),
    row("over the weekend", NEW_YEAR, "2020-12-26", "2020-12-27", "day"),
    row("over the weekend", SUN, "2021-01-02", "2021-01-03", "day"),
    row("over the weekend", SAT, "2020-11-21", "2020-11-22", "day"),
    row("at the weekend", MON, "2021-01-02", "2021-01-03", "day"),
    row("at the weekend", THU, "2020-11-21", "2020-11-22", "day"),
    row("last weekend", SUN, "2020-12-26", "2020-12-27", "day"),
    row("last weekend", MON, "2021-01-02", "2021-01-03", "day"),
    row("this weekend", TUE, "2020-11-28", "2020-11-29", "day"),
    # months, relative
    row("last month", TUE, "2020-10-01", "2020-10-31", "month"),
    row("last month", date(2021, 1, 15), "2020-12-01", "2020-12-31", "month"),
    row("earlier this month", TUE, "2020-11-01", "2020-11-30", "month"),
    row("next month", TUE, "2020-12-01", "2020-12-31", "month"),
    row("next month", date(2020, 12, 15), "2021-01-01", "2021-01-31", "month"),
    row("next month", date(2020, 1, 31), "2020-02-01", "2020-02-29", "month"),
    row("next month", NEW_YEAR, "2021-02-01", "2021-02-28", "month"),
    row("last month", LEAP_2024, "2024-02-01", "2024-02-29", "month"),
    row("last month", date(2020, 3, 31), "2020-02-01", "2020-02-29", "month"),
    row("earlier this month", date(2024, 2, 29), "2024-02-01", "2024-02-29", "month"),
    row("earlier this month", MON, "2021-01-01", "2021-01-31", "month"),
    row("later this month", date(2020, 2, 10), "2020-02-01", "2020-02-29", "month"),
    row("later this month", TUE, "2020-11-01", "2020-11-30", "month"),
    row("this month", date(2024, 2, 15), "2024-02-01", "2024-02-29", "month"),
    row("this month", NEW_YEAR, "2021-01-01", "2021-01-31", "month"),
    # years, relative
    row("last year", TUE, "2019-01-01", "2019-12-31", "year"),
    row("this year", TUE, "2020-01-01", "2020-12-31", "year"),
    row("earlier this year", TUE, "2020-01-01", "2020-12-31", "year"),
    row("next year", TUE, "2021-01-01", "2021-12-31", "year"),
    row("next year", date(2020, 12, 31), "2021-01-01", "2021-12-31", "year"),
    row("next year", NEW_YEAR, "2022-01-01", "2022-12-31", "year"),
    # ago
    row("two days ago", TUE, "2020-11-22", "2020-11-22", "day"),
    row("two days ago", date(2021, 3, 1), "2021-02-27", "2021-02-27", "day"),
    row("10 days ago", TUE, "2020-11-14", "2020-11-14", "day"),
    row("3 weeks ago", TUE, "2020-11-02", "2020-11-08", "week"),
    row("six months ago", TUE, "2020-05-01", "2020-05-31", "month"),
    row("a year ago", TUE, "2019-01-01", "2019-12-31", "year"),
    row("two days ago", AFTER_LEAP, "2020-02-28", "2020-02-28", "day"),
    row("two days ago", NEW_YEAR, "2020-12-30", "2020-12-30", "day"),
    row("a week ago", TUE, "2020-11-16", "2020-11-22", "week"),
    row("a week ago", MON, "2020-12-28", "2021-01-03", "week"),
    row("three months ago", date(2021, 1, 31), "2020-10-01", "2020-10-31", "month"),
    row("three months ago", date(2020, 5, 31), "2020-02-01", "2020-02-29", "month"),
    # named months, relative
    row("last February", TUE, "2020-02-01", "2020-02-29", "month"),
    row("last February", date(2021, 1, 15), "2020-02-01", "2020-02-29", "month"),
    row("last February", date(2021, 2, 10), "2020-02-01", "2020-02-29", "month"),
    row("last November", TUE, "2019-11-01", "2019-11-30", "month"),
    row("last February", date(2024, 2, 29), "2023-02-01", "2023-02-28", "month"),
    row("last February", date(2021, 3, 1), "2021-02-01", "2021-02-28", "month"),
    row("September this year", TUE, "2020-09-01", "2020-09-30", "month"),
    row("September this year", NEW_YEAR, "2021-09-01", "2021-09-30", "month"),
    row("September this year", date(2020, 9, 15), "2020-09-01", "2020-09-30", "month"),
    row("September last year", TUE, "2019-09-01", "2019-09-30", "month"),
    row("September last year", NEW_YEAR, "2020-09-01", "2020-09-30", "month"),
    row("September last year", LEAP_DAY, "2019-09-01", "2019-09-30", "month"),
    row("next March", TUE, "2021-03-01", "2021-03-31", "month"),
    row("in May", TUE, "2020-05-01", "2020-05-31", "month"),
    row("in May", date(2021, 3, 1), "2020-05-01", "2020-05-31", "month"),
    row("in December", TUE, "2019-12-01", "2019-12-31", "month"),
    row("since January", TUE, "2020-01-01", "2020-01-31", "month"),
]


@pytest.mark.parametrize(("expr", "anchor", "start", "end", "precision"), TABLE)
def test_resolve(expr, anchor, start, end, precision):
    span = resolve(expr, anchor=anchor)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)
    found = find_dates(expr, anchor=anchor)
    assert found and found[0].span == span


def test_find_dates_two_expressions_in_order():
    text = "Kenya and Ethiopia met on Monday, their first talks since 2015."
    found = find_dates(text, anchor=TUE)
    assert [text[f.start : f.end] for f in found] == ["on Monday", "since 2015"]
    assert [(f.span.start, f.span.precision) for f in found] == [
        (date(2020, 11, 23), "day"),
        (date(2015, 1, 1), "year"),
    ]


def test_find_dates_offsets_exclude_leading_space():
    text = "Kenya and Ethiopia met on Monday and agreed to meet again next week."
    found = find_dates(text, anchor=TUE)
    assert [text[f.start : f.end] for f in found] == ["on Monday", "next week"]


def test_find_dates_modal_may_is_not_a_month():
    assert find_dates("Kenya said this may help the talks with Sudan.", anchor=TUE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of protesters march through Nairobi.",
        "The officials may meet again, a spokesman said.",
        "The African Union sent a force of 2000 troops.",
        "Some 2,000 troops were deployed to the border.",
        "Between 1800 and 2000 people fled the fighting.",
        "The army imposed a 24-hour curfew.",
        "Police imposed an overnight curfew.",
        "The curfew runs until 1800 GMT.",
        "Rebels attacked the day before the vote.",
    ],
)
def test_find_dates_ignores_words_and_numbers_that_are_not_dates(text):
    assert find_dates(text, anchor=TUE) == []


def test_find_dates_counts_the_day_before_from_the_day_named():
    text = "Police said on Tuesday that protesters had gathered the day before."
    found = find_dates(text, anchor=THU)
    assert [(text[f.start : f.end], f.span.start) for f in found] == [
        ("on Tuesday", date(2020, 11, 24)),
        ("the day before", date(2020, 11, 23)),
    ]


def test_find_dates_counts_days_later_from_a_full_date():
    text = "Talks ended on 3 March 2019; two days later, fighting resumed."
    found = find_dates(text, anchor=TUE)
    assert [f.span.start for f in found] == [date(2019, 3, 3), date(2019, 3, 5)]


def test_find_dates_listed_days_share_the_month():
    text = "Delegates met on 12 and 14 March 2021."
    found = find_dates(text, anchor=TUE)
    assert [(f.span.start, f.span.precision) for f in found] == [
        (date(2021, 3, 12), "day"),
        (date(2021, 3, 14), "day"),
    ]
    assert text[found[-1].start : found[-1].end] == "14 March 2021"


def test_parse_date_argument_rejects_non_date():
    with pytest.raises(ValueError) as info:
        parse_date_argument("not a date")
    assert "'not a date'" in str(info.value)


def test_parse_date_argument_names_the_value():
    with pytest.raises(ValueError) as info:
        parse_date_argument("sometime soon-ish")
    assert "sometime soon-ish" in str(info.value)


def test_parse_date_argument_rejects_invalid_iso():
    with pytest.raises(ValueError):
        parse_date_argument("2020-13-01")

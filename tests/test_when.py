"""Temporal expressions resolved against the document date, as an analyst reads them.

Each row: expression, document date, expected (start, end, precision). The document is a
past-tense report published on that date.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.when import find_dates, parse_date_argument, resolve

TUE = date(2020, 11, 24)  # a Tuesday
THU = date(2020, 11, 26)  # a Thursday


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
    row(
        "at the end of March",
        TUE,
        "2020-03-01",
        "2020-03-31",
        "month",
    ),
    # years
    row("in 2018", TUE, "2018-01-01", "2018-12-31", "year"),
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
    row("from 2016 to 2018", TUE, "2016-01-01", "2018-12-31", "year"),
    row("between 2016 and 2018", TUE, "2016-01-01", "2018-12-31", "year"),
    row("from March to May", TUE, "2020-03-01", "2020-05-31", "month"),
    row("from March to May", date(2021, 2, 10), "2020-03-01", "2020-05-31", "month"),
    row("March–May 2019", TUE, "2019-03-01", "2019-05-31", "month"),
    # named days
    row("yesterday", TUE, "2020-11-23", "2020-11-23", "day"),
    row("yesterday", date(2021, 1, 1), "2020-12-31", "2020-12-31", "day"),
    row("today", TUE, "2020-11-24", "2020-11-24", "day"),
    row("tomorrow", TUE, "2020-11-25", "2020-11-25", "day"),
    row("this morning", TUE, "2020-11-24", "2020-11-24", "day"),
    row("last night", TUE, "2020-11-23", "2020-11-23", "day"),
    # weekdays
    row("on Tuesday", TUE, "2020-11-24", "2020-11-24", "day"),
    row("on Tuesday", THU, "2020-11-24", "2020-11-24", "day"),
    row("on Monday", TUE, "2020-11-23", "2020-11-23", "day"),
    row("on Friday", THU, "2020-11-20", "2020-11-20", "day"),
    row("last Tuesday", TUE, "2020-11-17", "2020-11-17", "day"),
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
    # months, relative
    row("last month", TUE, "2020-10-01", "2020-10-31", "month"),
    row("last month", date(2021, 1, 15), "2020-12-01", "2020-12-31", "month"),
    row("earlier this month", TUE, "2020-11-01", "2020-11-30", "month"),
    row("next month", TUE, "2020-12-01", "2020-12-31", "month"),
    row("next month", date(2020, 12, 15), "2021-01-01", "2021-01-31", "month"),
    # years, relative
    row("last year", TUE, "2019-01-01", "2019-12-31", "year"),
    row("this year", TUE, "2020-01-01", "2020-12-31", "year"),
    row("earlier this year", TUE, "2020-01-01", "2020-12-31", "year"),
    row("next year", TUE, "2021-01-01", "2021-12-31", "year"),
    # ago
    row("two days ago", TUE, "2020-11-22", "2020-11-22", "day"),
    row("two days ago", date(2021, 3, 1), "2021-02-27", "2021-02-27", "day"),
    row("10 days ago", TUE, "2020-11-14", "2020-11-14", "day"),
    row("3 weeks ago", TUE, "2020-11-02", "2020-11-08", "week"),
    row("six months ago", TUE, "2020-05-01", "2020-05-31", "month"),
    row("a year ago", TUE, "2019-01-01", "2019-12-31", "year"),
    # named months, relative
    row("last February", TUE, "2020-02-01", "2020-02-29", "month"),
    row("last February", date(2021, 1, 15), "2020-02-01", "2020-02-29", "month"),
    row("last February", date(2021, 2, 10), "2020-02-01", "2020-02-29", "month"),
    row("last November", TUE, "2019-11-01", "2019-11-30", "month"),
    row("September this year", TUE, "2020-09-01", "2020-09-30", "month"),
    row("September last year", TUE, "2019-09-01", "2019-09-30", "month"),
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

"""Temporal expressions: find them in text and resolve them against the document date.

`find_dates` returns every expression in a text with its resolved `TimeSpan`. Each rule
is one regular expression and one small resolver; they run longest-first so that
"24 November 2020" is never also read as "November 2020". dateparser handles the
absolute forms no rule here knows; it returns nothing for "last February" or
"September this year", which is why those are rules.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from parley.model import Precision, TimeSpan

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    )
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
# "Tuesday, 24 November 2020": the weekday adds nothing to a full date.
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# Months that are also common words: only a capitalised "May" or "March" is a month.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    span: TimeSpan


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _span(start: date, end: date, precision: Precision, text: str) -> TimeSpan:
    return TimeSpan(start, end, precision, text)


def _day(d: date, text: str) -> TimeSpan:
    return _span(d, d, "day", text)


def _month(year: int, month: int, text: str) -> TimeSpan:
    return _span(*month_span(year, month), "month", text)


def _year(year: int, text: str) -> TimeSpan:
    return _span(date(year, 1, 1), date(year, 12, 31), "year", text)


def _week_of(d: date, text: str) -> TimeSpan:
    monday = d - timedelta(days=d.weekday())
    return _span(monday, monday + timedelta(days=6), "week", text)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts a day-and-month without a year closest before the anchor."""
    candidate = _safe_date(anchor.year, month, day) or date(anchor.year, month, 28)
    return anchor.year - 1 if candidate > anchor + timedelta(days=31) else anchor.year


def _last_month_named(month: int, anchor: date) -> int:
    """The year of the most recent such month strictly before the anchor's month."""
    return anchor.year if month < anchor.month else anchor.year - 1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower(), 1)


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


Resolver = Callable[[re.Match[str], date, str], TimeSpan | None]


def _iso(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    d = _safe_date(int(m["year"]), int(m["m"]), int(m["day"]))
    return _day(d, text) if d else None


def _dotted(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    d = _safe_date(int(m["year"]), int(m["m"]), int(m["day"]))
    return _day(d, text) if d else None


def _slashed(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if first > 12 else (first, second)
    d = _safe_date(int(m["year"]), month, day)
    return _day(d, text) if d else None


def _day_month_year(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    d = _safe_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    return _day(d, text) if d else None


def _day_month(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    d = _safe_date(_nearest_year(month, day, anchor), month, day)
    return _day(d, text) if d else None


def _month_range(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    first, last = MONTHS[m["month"].lower()], MONTHS[m["month2"].lower()]
    year = int(m["year"]) if m["year"] else _last_month_named(last, anchor)
    if last == anchor.month and not m["year"]:
        year = anchor.year
    start_year = year if first <= last else year - 1
    return _span(month_span(start_year, first)[0], month_span(year, last)[1], "month", text)


def _month_year(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    return _month(int(m["year"]), MONTHS[m["month"].lower()], text)


def _relative_month(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    month, which = MONTHS[m["month"].lower()], m["which"].lower()
    if which in ("last", "past"):
        year = _last_month_named(month, anchor)
    elif which in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    return _month(year, month, text)


def _month_of_year(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    offset = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1}
    return _month(anchor.year + offset[m["which"].lower()], MONTHS[m["month"].lower()], text)


def _bare_month(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    month = MONTHS[m["month"].lower()]
    year = anchor.year if month <= anchor.month else anchor.year - 1
    return _month(year, month, text)


def _year_range(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    first = int(m["year"])
    second = m["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last < first:
        return None
    return _span(date(first, 1, 1), date(last, 12, 31), "year", text)


def _year_only(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    return _year(int(m["year"]), text)


def _named_day(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    word = m["word"].lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return _day(anchor + timedelta(days=offset), text)


def _weekday(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    target = WEEKDAYS[m["weekday"].lower()]
    which = (m["which"] or "").lower()
    if which in ("next", "coming"):
        ahead = (target - anchor.weekday()) % 7 or 7
        return _day(anchor + timedelta(days=ahead), text)
    if which == "this":  # the day of the anchor's own week
        return _day(anchor + timedelta(days=target - anchor.weekday()), text)
    back = (anchor.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return _day(anchor - timedelta(days=back), text)


def _relative_unit(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit == "week":
        return _week_of(anchor + timedelta(weeks=step), text)
    if unit == "month":
        d = _shift_months(anchor, step)
        return _month(d.year, d.month, text)
    return _year(anchor.year + step, text)


def _ago(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    n, unit = _number(m["n"]), m["unit"].lower().rstrip("s")
    if unit == "day":
        return _day(anchor - timedelta(days=n), text)
    if unit == "week":
        return _week_of(anchor - timedelta(weeks=n), text)
    if unit == "month":
        d = _shift_months(anchor, -n)
        return _month(d.year, d.month, text)
    return _year(anchor.year - n, text)


_NUMWORD = r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
_PART = r"(?:(?:early|mid|late|the end of|the beginning of|the middle of)[\s-]+)?"

RULES: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver)
    for pattern, resolver in (
        (rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", _iso),
        (rf"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR}\b", _dotted),
        (rf"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b", _slashed),
        (rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", _day_month_year),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _day_month_year),
        (
            rf"\b(?:from\s+|between\s+)?{_MONTH}(?:\s+\d{{4}})?{_DASH.replace('to|', 'to|and|')}"
            rf"{_MONTH2}(?:,?\s+{_YEAR})?\b",
            _month_range,
        ),
        (rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?!\w)", _day_month),
        (rf"\b{_MONTH}\s+{_DAY}(?!\w|\s*,?\s*\d{{4}})", _day_month),
        (rf"\b{_PART}{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b", _month_year),
        (rf"\b(?P<which>last|this|next|past|coming)\s+{_MONTH}(?!\w)", _relative_month),
        (
            rf"\b{_MONTH}\s+(?:of\s+)?(?P<which>this|current|last|past|previous|next)\s+year\b",
            _month_of_year,
        ),
        (
            rf"\b(?:in|since|until|by|from|during|early|mid|late|the end of|the beginning of"
            rf"|the middle of)[\s-]+{_MONTH}(?!\w)",
            _bare_month,
        ),
        (
            rf"\b(?:between\s+|from\s+)?{_YEAR}\s*(?:-|–|—|to|and|until|through)\s*"
            r"(?P<year2>1[89]\d\d|20\d\d|\d\d)\b",
            _year_range,
        ),
        (
            r"\b(?:in|since|until|by|during|of|for|early|mid|late|year|the end of"
            rf"|the beginning of)[\s-]+{_YEAR}\b(?!-\d)",
            _year_only,
        ),
        (
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night"
            r"|this (?:morning|afternoon|evening))\b",
            _named_day,
        ),
        (
            r"\b(?:(?:late|early)\s+)?(?:on\s+)?(?:(?P<which>last|next|this|coming)\s+)?"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            _weekday,
        ),
        (
            r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next|past|previous|coming|current)\s+"
            r"(?P<unit>week|month|year)\b",
            _relative_unit,
        ),
        (rf"\b{_NUMWORD}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago),
    )
)


def find_dates(text: str, *, anchor: date) -> list[Found]:
    """Every temporal expression in `text`, resolved against `anchor`, in text order."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for pattern, resolver in RULES:
        for m in pattern.finditer(text):
            start, end = m.span()
            month = m.groupdict().get("month")
            if month and month.lower() in AMBIGUOUS_MONTHS and month.islower():
                continue
            if any(start < e and s < end for s, e in taken):
                continue
            span = resolver(m, anchor, m.group(0).strip())
            if span is not None:
                taken.append((start, end))
                found.append(Found(start, end, span))
    return sorted(found, key=lambda f: f.start)


def resolve(expression: str, *, anchor: date) -> TimeSpan | None:
    """The one date an expression means, or None; dateparser for forms without a rule."""
    found = find_dates(expression, anchor=anchor)
    if found:
        return found[0].span
    return _dateparser(expression, anchor)


def _dateparser(expression: str, anchor: date) -> TimeSpan | None:
    from datetime import datetime

    import dateparser  # imported late: it costs ~0.3 s and most texts never need it

    data = dateparser.date.DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(anchor, datetime.min.time()),
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": False,
        },
    ).get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return _year(d.year, expression)
    if period == "month":
        return _month(d.year, d.month, expression)
    if period == "week":
        return _week_of(d, expression)
    return _day(d, expression)


def parse_date_argument(value: str) -> date:
    """A date the user typed (`--published`, `--since`): ISO or anything `resolve` reads."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD") from None
    span = resolve(value, anchor=date.today()) if value.strip() else None
    if span is None:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD")
    return span.start

"""Temporal expressions: find them in text and resolve them against the document date.

`find_dates` returns every expression in a text with its resolved `TimeSpan`. Each rule
is one regular expression and one small resolver; they run longest-first so that
"24 November 2020" is never also read as "November 2020". dateparser handles the
absolute forms no rule here knows; it returns nothing for "last February" or
"September this year", which is why those are rules.

The reader is an analyst with a past-tense report: a weekday or a month without "next"
is the latest one up to the document date, a week runs Monday to Sunday, and "early",
"mid" or "late" keep the whole month or year. "The day before" or "two days later" count
from the last day the text named before them (the document date if none).
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

# The full stop belongs to an abbreviation ("Nov. 24"), not to a sentence ending "in March."
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:(?<=\b\w{3})\.|(?<=\bsept)\.)?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_LIST_AND = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_ANY_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_YEAR1 = _YEAR.replace("?P<year>", "?P<year1>")
# "Tuesday, 24 November 2020": the weekday adds nothing to a full date.
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
# Months that are also common words: only a capitalised "May" or "March" is a month.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"
# A range opens with "from" or "between"; only "between" may close it with "and", since
# "in March and May" names two months, not the three from March to May.
_RANGE_FROM = r"(?:from\s+|(?P<between>between\s+))?"
_RANGE_TO = rf"(?(between)\s+and\s+|{_DASH})"
# A four-digit number that tells the time ("until 1800 GMT") is not a year, nor one that
# counts: after "of", "for", "by" or in a range, a year is followed by punctuation, a name
# or a function word, a count by the lower-case noun or adjective it counts ("of 2000
# troops", "between 1800 and 2000 armed men").
_CLOCK = re.compile(r"\s*(?:gmt|utc|hrs?|hours|local time)\b", re.IGNORECASE)
_FUNCTION_WORDS = (
    "the|a|an|and|or|nor|but|so|yet|when|while|as|if|than|that|which|who|where|in|on|at|to"
    "|from|with|without|after|before|until|since|during|by|of|for|about|amid|among|against"
    "|over|under|into|through|across|despite|because|was|were|is|are|had|has|have|be|been"
    "|will|would|could|should|might|must|did|do|does|not|it|its|they|their|he|his|she|her"
    "|we|our|this|these|those|there|then|also|only|alone"
)
_COUNTED = re.compile(rf"\s+(?!(?:{_FUNCTION_WORDS})\b)[a-z]+\b")  # case-sensitive
_COUNTING_WORDS = frozenset({"of", "for", "by"})


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
    """The year that puts a day-and-month without a year closest before the anchor (or at
    most a month after it: a meeting announced ahead); for 29 February, the last leap year."""
    candidate = _safe_date(anchor.year, month, day) or date(anchor.year, month, 28)
    year = anchor.year - 1 if candidate > anchor + timedelta(days=31) else anchor.year
    while _safe_date(year, month, day) is None and year > anchor.year - 4:
        year -= 1
    return year


def _last_month_named(month: int, anchor: date) -> int:
    """The year of the most recent such month strictly before the anchor's month."""
    return anchor.year if month < anchor.month else anchor.year - 1


def _latest_month_year(month: int, anchor: date) -> int:
    """The year of the most recent such month, the anchor's own month included."""
    return anchor.year if month <= anchor.month else anchor.year - 1


def _not_a_year(m: re.Match[str], counting: bool) -> bool:
    """A time of day after the number, or (when `counting`) a noun it counts."""
    rest = m.string[m.end() :]
    return bool(_CLOCK.match(rest) or (counting and _COUNTED.match(rest)))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower(), 1)


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


Resolver = Callable[[re.Match[str], date, str], TimeSpan | None]
Rules = tuple[tuple[re.Pattern[str], Resolver], ...]


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


def _day_range(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    """A span of days ("12-14 March 2021", "March 30 to April 2"); either day may lack its
    month. Without a year the last day is placed as a lone day would be, and a range from
    December to January starts the year before."""
    first = MONTHS[(m["month"] or m["month2"]).lower()]
    last = MONTHS[(m["month2"] or m["month"]).lower()]
    day, day2 = int(m["day"]), int(m["day2"])
    year = int(m["year"]) if m["year"] else _nearest_year(last, day2, anchor)
    start = _safe_date(year - (first > last), first, day)
    end = _safe_date(year, last, day2)
    if start is None or end is None or start >= end:
        return None
    return _span(start, end, "day", text)


def _listed_day(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    """A day in a list ("12 and 14 March") takes the month and year named after the last."""
    return (_day_month_year if m["year"] else _day_month)(m, anchor, text)


def _month_range(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    """A span of months ("from March to May"): without years, the latest such stretch that
    has ended by the anchor's month."""
    first, last = MONTHS[m["month"].lower()], MONTHS[m["month2"].lower()]
    if m["year"]:
        year = int(m["year"])
    elif m["year1"]:
        year = int(m["year1"]) + (first > last)
    else:
        year = _latest_month_year(last, anchor)
    start_year = int(m["year1"]) if m["year1"] else year - (first > last)
    if start_year > year or (start_year == year and first > last):
        return None
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
    return _month(_latest_month_year(month, anchor), month, text)


def _year_range(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    first = int(m["year"])
    second = m["year2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    # "between 1800 and 2000 people" counts; "the 2014-2016 war" dates.
    if last < first or _not_a_year(m, counting=not m["dash"]):
        return None
    return _span(date(first, 1, 1), date(last, 12, 31), "year", text)


def _year_only(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    if _not_a_year(m, counting=m["prep"].lower() in _COUNTING_WORDS):
        return None
    return _year(int(m["year"]), text)


# "Last night" is the evening before the report; "overnight" is the night just ended, its
# small hours on the report's own day (as the team's gold set dates it).
_DAY_OFFSETS = {
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _named_day(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    offset = _DAY_OFFSETS.get(re.sub(r"\s+", " ", m["word"].lower()), 0)
    return _day(anchor + timedelta(days=offset), text)


def _weekend(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    """Saturday to Sunday: for "this", "last" or "next" the weekend of the anchor's week or
    of the one before or after; otherwise the latest weekend begun by the anchor."""
    step = {"this": 0, "last": -1, "next": 1}.get((m["which"] or "").lower())
    if step is None:
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    else:
        saturday = _week_of(anchor, text).start + timedelta(days=5, weeks=step)
    return _span(saturday, saturday + timedelta(days=1), "day", text)


def _days_from(m: re.Match[str], anchor: date, text: str) -> TimeSpan | None:
    """A day counted from another ("the day before", "two days later"); `anchor` is here
    the last day the text named before the expression."""
    back = (m["dir"] or m["adj"]).lower() in ("earlier", "before", "previous")
    n = _number(m["n"]) if m["n"] else 1
    return _day(anchor + timedelta(days=-n if back else n), text)


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
# "before" and "after" end a clause when they are adverbs ("had met the day before."); a
# following noun phrase ("the day before the vote") names an event we cannot date.
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|but|when|while|as|in|at)\b)"
# "overnight" is an adverb at a clause end or before a preposition ("clashes overnight in
# Kabul"); before a noun it is an adjective ("an overnight curfew") and no date.
_OVERNIGHT = (
    r"(?<!\ban )(?<!\ba )overnight(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|into|near|from|across"
    r"|along|around|outside|inside|and|but|as|when|while|after|before|to|with)\b)"
)


def _compiled(rules: tuple[tuple[str, Resolver], ...]) -> Rules:
    return tuple((re.compile(pattern, re.IGNORECASE), resolver) for pattern, resolver in rules)


RULES = _compiled(
    (
        (rf"\b{_YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", _iso),
        (rf"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.{_YEAR}\b", _dotted),
        (rf"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/{_YEAR}\b", _slashed),
        (
            rf"\b{_RANGE_FROM}(?:the\s+)?{_DAY}(?:\s+(?:of\s+)?{_MONTH})?{_RANGE_TO}"
            rf"(?:the\s+)?{_DAY2}(?:\s+of)?\s+{_MONTH2}(?:,?\s+{_YEAR})?(?!\w)",
            _day_range,
        ),
        (
            rf"\b{_RANGE_FROM}{_MONTH}\s+{_DAY}{_RANGE_TO}(?:{_MONTH2}\s+)?{_DAY2}(?!\w)"
            rf"(?:,?\s+{_YEAR}\b)?",
            _day_range,
        ),
        # "the 14th of February 2002", "this 14th day of February 2002" (a treaty's date)
        (
            rf"\b{_WEEKDAY}(?:(?:the|this)\s+)?{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b",
            _day_month_year,
        ),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", _day_month_year),
        (
            rf"\b{_RANGE_FROM}{_MONTH}(?:\s+{_YEAR1})?{_RANGE_TO}{_MONTH2}(?:,?\s+{_YEAR})?\b",
            _month_range,
        ),
        # "March and May 2019", "March, April and May 2019": a listed month takes the year
        # named after the last one.
        (rf"\b{_MONTH}(?=(?:{_LIST_AND}{_ANY_MONTH})+(?:\s+of)?,?\s+{_YEAR}\b)", _month_year),
        (
            rf"\b{_DAY}(?=(?:{_LIST_AND}{_ANY_DAY})+(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?(?!\w))",
            _listed_day,
        ),
        (
            rf"\b{_WEEKDAY}(?:(?:the|this)\s+)?{_DAY}(?:\s+day)?(?:\s+of)?\s+{_MONTH}(?!\w)",
            _day_month,
        ),
        (rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}(?!\w|\s*,?\s*\d{{4}})", _day_month),
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
            rf"\b{_RANGE_FROM}(?<![\d,.]){_YEAR}"
            r"(?(between)\s+and\s+|\s*(?:(?P<dash>-|–|—)|to|until|through)\s*)"
            r"(?P<year2>1[89]\d\d|20\d\d|\d\d)\b",
            _year_range,
        ),
        (
            r"\b(?P<prep>in|since|until|by|during|of|for|early|mid|late|year|the end of"
            rf"|the beginning of)[\s-]+{_YEAR}\b(?!-\d)",
            _year_only,
        ),
        (
            r"\b(?:(?:late|early|overnight)\s+)?(?:on\s+)?(?:(?P<which>last|next|this|coming)\s+)?"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            _weekday,
        ),
        (
            r"\b(?P<word>yesterday|today|tomorrow|tonight|last night|the day before yesterday"
            rf"|the day after tomorrow|this (?:morning|afternoon|evening)|{_OVERNIGHT})\b",
            _named_day,
        ),
        (
            r"\b(?:(?:over|at|during|on|throughout)\s+the(?:\s+past)?"
            r"|(?P<which>last|this|next|past))\s+weekend\b",
            _weekend,
        ),
        (
            r"\b(?:(?:earlier|later)\s+)?(?P<which>last|this|next|past|previous|coming|current)\s+"
            r"(?P<unit>week|month|year)\b",
            _relative_unit,
        ),
        (rf"\b{_NUMWORD}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago),
    )
)
# Resolved after RULES, against the last day found before them in the text.
CHAINED = _compiled(
    (
        (
            rf"\b(?:the\s+(?P<adj>previous|next|following)\s+day|(?:the|{_NUMWORD})\s+days?\s+"
            rf"(?P<dir>earlier|later|(?:before|after){_CLAUSE_END}))",
            _days_from,
        ),
    )
)


# A digit or a word that every temporal expression of RULES and CHAINED contains.
TEMPORAL = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|"
    r"sun|yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|overnight|"
    r"week|month|year|day|ago|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|mid|early|late)",
    re.IGNORECASE,
)


def find_dates(text: str, *, anchor: date) -> list[Found]:
    """Every temporal expression in `text`, resolved against `anchor`, in text order."""
    if not TEMPORAL.search(text):
        return []  # most sentences name no time: not worth the full scan
    found: list[Found] = []
    _scan(text, RULES, found, lambda at: anchor)
    _scan(text, CHAINED, found, lambda at: _day_named_before(found, at) or anchor)
    return sorted(found, key=lambda f: f.start)


def _scan(
    text: str,
    rules: Rules,
    found: list[Found],
    anchor_at: Callable[[int], date],
) -> None:
    """Add to `found` each match of `rules` that overlaps nothing found before it."""
    for pattern, resolver in rules:
        for m in pattern.finditer(text):
            start, end = m.span()
            if _lowercase_month(m) or any(start < f.end and f.start < end for f in found):
                continue
            span = resolver(m, anchor_at(start), m.group(0).strip())
            if span is not None:
                found.append(Found(start, end, span))


def _lowercase_month(m: re.Match[str]) -> bool:
    """Only a capitalised May or March is a month: not "this may help", "protesters march"."""
    names = [m.groupdict().get("month"), m.groupdict().get("month2")]
    return any(n and n.lower() in AMBIGUOUS_MONTHS and n.islower() for n in names)


def _day_named_before(found: list[Found], at: int) -> date | None:
    """The last day of the nearest day-precision expression ending before offset `at`."""
    days = [f for f in found if f.end <= at and f.span.precision == "day"]
    return max(days, key=lambda f: f.end).span.end if days else None


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


def parse_date_argument(value: str, *, end: bool = False) -> date:
    """A date the user typed (`--published`, `--since`): ISO or anything `resolve` reads;
    with `end`, the last day of what was written ("--until 2023" is 2023-12-31)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD") from None
    span = resolve(value, anchor=date.today()) if value.strip() else None
    if span is None:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD")
    return span.end if end else span.start

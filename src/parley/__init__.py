"""Parley: political event data from diplomatic statements and international news.

import parley
events = parley.code(text, published=date(2020, 11, 24))
with parley.open("parley.db") as store:
    store.events(actor="RUS", code="05")
"""

from __future__ import annotations

from parley.errors import DataFileError, InputError, ModelNotFound, ParleyError, StoreError
from parley.model import Actor, CodedDocument, Document, Event, Mention, Place, TimeSpan
from parley.pipeline import code, code_many
from parley.store import Store
from parley.store import open_store as open

__all__ = [
    "Actor",
    "CodedDocument",
    "DataFileError",
    "Document",
    "Event",
    "InputError",
    "Mention",
    "ModelNotFound",
    "ParleyError",
    "Place",
    "Store",
    "StoreError",
    "TimeSpan",
    "code",
    "code_many",
    "open",
]

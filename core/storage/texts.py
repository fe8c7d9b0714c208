"""The erasable text table: free text lives here, events hold its id and a salted hash.

Erasing a text deletes its row (body and salt); the event that referred to it keeps its
hash, so the log still verifies, and without the salt the hash reveals nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from uuid import UUID, uuid4

import sqlalchemy as sa

from samverkan.domain.base import TextRef
from samverkan.storage.tables import texts

# Texts written in the current unit of work (a web request): a write's answer shows the
# texts it has just stored without reading them back. Outside such a scope, nothing is kept.
_written: ContextVar[dict[UUID, str] | None] = ContextVar("texts_written", default=None)


def remember_written() -> None:
    """From now on in this context, texts it writes are read back from memory."""
    _written.set({})


def forget_written() -> None:
    _written.set(None)


@contextmanager
def remembering_written() -> Iterator[None]:
    """Within this scope, texts this context writes are read back from memory."""
    remember_written()
    try:
        yield
    finally:
        forget_written()


def text_hash(salt: bytes, text: str) -> str:
    return hashlib.sha256(salt + text.encode("utf-8")).hexdigest()


class TextStore:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def put(self, text: str) -> TextRef:
        return self.put_many([text])[0]

    def put_many(self, bodies: Iterable[str]) -> list[TextRef]:
        rows: list[dict[str, object]] = []
        refs: list[TextRef] = []
        stored: dict[UUID, str] = {}
        for body in bodies:
            salt = secrets.token_bytes(16)
            ref = TextRef(uuid4(), text_hash(salt, body))
            rows.append({"id": str(ref.id), "salt": salt, "body": body})
            refs.append(ref)
            stored[ref.id] = body
        if rows:
            with self.engine.begin() as connection:
                connection.execute(texts.insert(), rows)
            written = _written.get()
            if written is not None:
                written.update(stored)
        return refs

    def get(self, ref: TextRef | UUID) -> str | None:
        """The text, or None when it was erased."""
        text_id = ref.id if isinstance(ref, TextRef) else ref
        return self.get_many([text_id]).get(text_id)

    def get_many(self, text_ids: Iterable[UUID]) -> dict[UUID, str]:
        wanted = list(text_ids)
        written = _written.get() or {}
        found = {text_id: written[text_id] for text_id in wanted if text_id in written}
        keys = [str(text_id) for text_id in wanted if text_id not in found]
        if not keys:
            return found
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(texts.c.id, texts.c.body).where(texts.c.id.in_(keys))
            ).all()
        return found | {UUID(row.id): row.body for row in rows}

    def matches(self, ref: TextRef) -> bool:
        """Whether the stored text still has the hash the event recorded."""
        return self.hash_of(ref.id) == ref.sha256

    def hash_of(self, text_id: UUID) -> str | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                sa.select(texts.c.salt, texts.c.body).where(texts.c.id == str(text_id))
            ).first()
        return None if row is None else text_hash(row.salt, row.body)

    def erase(self, text_id: UUID) -> None:
        (_written.get() or {}).pop(text_id, None)
        with self.engine.begin() as connection:
            connection.execute(texts.delete().where(texts.c.id == str(text_id)))

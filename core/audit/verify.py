"""Check the whole store against the audit tree, the signed checkpoints and a partner's.

One pass, in position order, over the stored events (leaves recomputed from the
stored bytes), the sequenced leaves and the stored nodes. It runs in bulk, in aligned
runs of CHUNK leaves read many rows at a time and compared as lists (memory: one run,
plus a node per run); at the first difference a second pass, position by position in
O(log n) memory (locate_difference.py), locates and names it:

- the store must hold, in order, exactly the sequenced events; the first position
  where it does not is named with what happened there (changed, missing, reordered,
  inserted);
- every stored node must be the hash the sequenced leaves give;
- every stored checkpoint must carry a valid signature by a key of this log, match
  the store's root at its size, and be consistent with the next one;
- a checkpoint a partner kept (a signed note) must be signed by this log and match
  the store's root at its size.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .checkpoints import Checkpoint, all_checkpoints, checkpoint_signature_valid, known_log_keys
from .locate_difference import Heads, Progress, walk_positions
from .merkle import EMPTY_ROOT, Node, consistency_proof, parent_level, root, verify_consistency
from .note import NoteError, parse_checkpoint_text, parse_note, verify_ed25519
from .sequencer import AuditedApp
from .sqlstore import SqlNodeStore, tree_size
from .streams import AuditRows, StoredHashes
from .tables import ensure_audit_tables
from .verify_report import Problem, Report

CHUNK_LEVEL = 14
CHUNK = 1 << CHUNK_LEVEL
"""The bulk check takes the leaves in aligned runs of this many (its memory per run)."""


@dataclass(frozen=True)
class KeptCheckpoint:
    """A checkpoint note a partner kept, parsed (its signatures checked in `verify_store`)."""

    note: str
    size: int
    root_hash: bytes
    key_ids: frozenset[str]

    @classmethod
    def parse(cls, note: str) -> KeptCheckpoint:
        text, signatures = parse_note(note)
        parsed = parse_checkpoint_text(text)
        ids = frozenset(s.key_id.hex() for s in signatures)
        return cls(note, parsed.size, parsed.root_hash, ids)


def verify_store(
    app: AuditedApp, kept: str | None = None, progress: Progress | None = None
) -> Report:
    """Verify everything; `kept` is a partner's checkpoint note; `progress(n)` per event."""
    ensure_audit_tables(app.sql)
    with app.sql.connect() as connection:
        size = tree_size(connection)
    report = Report(size=size)
    checkpoints = all_checkpoints(app)
    report.checkpoints = len(checkpoints)
    keys = known_log_keys(app)
    for checkpoint in checkpoints:
        if not checkpoint_signature_valid(checkpoint, keys):
            report.problems.append(
                Problem(None, "signature", f"checkpoint {checkpoint.size} has a bad signature")
            )
        if checkpoint.size > size:
            report.problems.append(
                Problem(
                    size,
                    "missing",
                    f"checkpoint {checkpoint.size} covers more events than the tree holds ({size})",
                )
            )
    partner = _partner(kept, checkpoints, keys, report)
    _walk(app, size, checkpoints, partner, report, progress)
    _check_chain(app, size, checkpoints, report)
    return report


def _partner(
    kept: str | None,
    checkpoints: list[Checkpoint],
    keys: dict[str, tuple[str, bytes]],
    report: Report,
) -> KeptCheckpoint | None:
    if kept is None:
        return None
    try:
        partner = KeptCheckpoint.parse(kept)
    except NoteError as error:
        report.problems.append(Problem(None, "partner", f"unreadable checkpoint note: {error}"))
        return None
    text, signatures = parse_note(kept)
    signed = [
        verify_ed25519(keys[k][1], s.signature, text.encode())
        for s in signatures
        if (k := s.key_id.hex()) in keys and keys[k][0] == s.name
    ]
    if not signed or not all(signed):
        report.problems.append(
            Problem(None, "partner", "the kept checkpoint is not validly signed by this log's key")
        )
    for checkpoint in checkpoints:
        if checkpoint.size == partner.size and checkpoint.root_hash != partner.root_hash:
            report.problems.append(
                Problem(
                    None,
                    "partner",
                    f"the log signed two different roots for size {partner.size}",
                )
            )
    if partner.size > report.size:
        report.problems.append(
            Problem(
                report.size,
                "missing",
                f"the kept checkpoint covers {partner.size} events; the tree holds {report.size}",
            )
        )
    return partner


def _walk(
    app: AuditedApp,
    size: int,
    checkpoints: list[Checkpoint],
    partner: KeptCheckpoint | None,
    report: Report,
    progress: Progress | None,
) -> None:
    """Compare store, leaves and nodes; check roots at signed sizes.

    In bulk first; only when that finds a difference, again position by position to
    locate and name it.
    """
    heads: Heads = {}
    for c in checkpoints:
        heads.setdefault(c.size, []).append(("checkpoint", c.root_hash, f"{c.timestamp}"))
    if partner is not None:
        heads.setdefault(partner.size, []).append(("partner", partner.root_hash, "kept"))
    for kind, root_hash, _when in heads.get(0, []):
        if root_hash != EMPTY_ROOT:
            report.problems.append(Problem(0, kind, "the empty tree has another root"))
    counted = _Counted(progress)
    stored = _bulk_walk(app, size, heads, counted)
    if stored is not None:
        report.stored = stored
        return
    walk_positions(app, size, heads, report, counted.beyond())


class _Counted:
    """Passes progress on, counting it, so a second pass reports only what is new."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.done = progress, 0

    def __call__(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(n)

    def beyond(self) -> Progress | None:
        """Progress for a second pass over the same events: silent up to what was done."""
        if self.progress is None:
            return None
        progress, seen, done = self.progress, 0, self.done

        def forward(n: int) -> None:
            nonlocal seen
            seen += n
            if seen > done:
                progress(min(n, seen - done))

        return forward


def _bulk_walk(app: AuditedApp, size: int, heads: Heads, progress: Progress) -> int | None:
    """The number of stored events if the first `size` are, in order, exactly the
    sequenced ones, every stored node is the hash they give and every root at a signed
    size matches; None at the first difference.

    The leaves are taken in aligned runs of CHUNK: each run's stored events (hashed from
    their rows), sequenced leaves and its nodes up to CHUNK_LEVEL are read a level at a
    time, recomputed level by level and compared as lists; the runs' top nodes then give
    the levels above.
    """
    events = StoredHashes(app)
    signed = sorted(p for p in heads if 0 < p <= size)
    tops: list[bytes] = []
    with app.sql.connect() as connection:
        rows = AuditRows(connection)
        for start in range(0, size, CHUNK):
            end = min(start + CHUNK, size)
            sequenced = rows.leaf_hashes(start, end)
            if sequenced is None or events.next(end - start) != sequenced:
                return None
            levels = [sequenced]
            for _ in range(CHUNK_LEVEL):
                if len(levels[-1]) < 2:
                    break
                levels.append(parent_level(levels[-1]))
            for level, expected in enumerate(levels):
                first = start >> level
                if rows.node_hashes(level, first, first + len(expected)) != expected:
                    return None
            if len(levels) > CHUNK_LEVEL:
                tops.append(levels[CHUNK_LEVEL][0])
            tree = _Recomputed(tops, levels, start)
            for signed_size in (p for p in signed if start < p <= end):
                if any(h[1] != root(signed_size, tree) for h in heads[signed_size]):
                    return None
            progress(end - start)
        level, upper = CHUNK_LEVEL, tops
        while len(upper) > 1:
            level, upper = level + 1, parent_level(upper)
            if rows.node_hashes(level, 0, len(upper)) != upper:
                return None
    return size + events.count_rest()


class _Recomputed:
    """The nodes recomputed so far, as a read-only merkle.NodeStore: the current run's
    levels, and above CHUNK_LEVEL the complete runs' top nodes."""

    def __init__(self, tops: list[bytes], levels: list[list[bytes]], start: int) -> None:
        self.tops, self.levels, self.start = tops, levels, start

    def get(self, level: int, index: int) -> bytes:
        if level < CHUNK_LEVEL:
            return self.levels[level][index - (self.start >> level)]
        span = 1 << (level - CHUNK_LEVEL)
        hashes = self.tops[index * span : (index + 1) * span]
        while len(hashes) > 1:
            hashes = parent_level(hashes)
        return hashes[0]

    def put(self, nodes: list[Node]) -> None:
        raise TypeError("recomputed nodes are read-only")


def _check_chain(app: AuditedApp, size: int, checkpoints: list[Checkpoint], report: Report) -> None:
    """Each checkpoint's consistency proof to the next, from the stored tree, verifies."""
    usable = [c for c in checkpoints if 0 < c.size <= size]
    if len(usable) < 2:
        return
    with app.sql.connect() as connection:
        store = SqlNodeStore(connection)
        for older, newer in itertools.pairwise(usable):
            try:
                proof = consistency_proof(older.size, newer.size, store)
            except KeyError:
                ok = False
            else:
                ok = verify_consistency(
                    older.size, newer.size, older.root_hash, newer.root_hash, proof
                )
            if not ok:
                report.problems.append(
                    Problem(
                        None,
                        "checkpoint",
                        f"checkpoint {newer.size} is not consistent with checkpoint {older.size}",
                    )
                )

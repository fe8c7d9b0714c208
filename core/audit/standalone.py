"""`samverkan-verify BUNDLE`: check an exported store or a partnership bundle offline.

Needs only the standard library and `cryptography` (it imports the stdlib-only leaf,
Merkle and note modules beside it, never the service), so a partner can run it on
its own machine against a bundle and the log's public key.

A whole-store export (JSON lines, written by `samverkan export`) is checked line by
line in O(log n) memory: every line in canonical form, every event's leaf rebuilt
and folded into the tree, the root at every checkpoint's size equal to the signed
root, every signature valid. A partnership bundle (one JSON object, from
`GET /partnerships/{id}/bundle`) is checked by its inclusion and consistency proofs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .compact import CompactRange
from .leaf import LeafError, decode_leaf, encode_leaf
from .merkle import leaf_hash
from .note import (
    NoteError,
    b64,
    b64decode_strict,
    checkpoint_text,
    key_id,
    parse_checkpoint_text,
    parse_note,
    parse_verifier_key,
    verifier_key,
    verify_ed25519,
)
from .verify_proofs import verify_consistency, verify_inclusion

EXPORT_TYPE = "samverkan-export"
PARTNERSHIP_TYPE = "samverkan-partnership-bundle"
FORMAT_VERSION = 1

HEADER_FIELDS = {"type", "version", "origin", "size", "root_hash", "public_keys"}
KEY_FIELDS = {"name", "key_id", "public_key"}
CHECKPOINT_FIELDS = {"type", "size", "root_hash", "timestamp", "origin", "key_id", "signature"}
COSIGNATURE_FIELDS = {"organisation_id", "name", "key_id", "public_key", "signature", "recorded_at"}
EVENT_FIELDS = {"type", "position", "originator_id", "originator_version", "topic", "state"}
BUNDLE_FIELDS = {
    "type", "version", "partnership_id", "checkpoint", "checkpoints", "consistency",
    "public_keys", "events", "pending",
}  # fmt: skip
PROVED_EVENT_FIELDS = {
    "position", "originator_id", "version", "type", "leaf", "leaf_index", "tree_size",
    "audit_path",
}  # fmt: skip


class BundleError(Exception):
    """The bundle does not verify; the message says where and why."""


@dataclass
class Outcome:
    kind: str
    size: int = 0
    root_hash: bytes = b""
    events: int = 0
    checkpoints: int = 0
    key_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = "store export" if self.kind == EXPORT_TYPE else "partnership bundle"
        lines = [
            f"OK: {what} verified: {self.events} events, {self.checkpoints} signed checkpoints, "
            f"tree size {self.size}, root {b64(self.root_hash)}",
            f"signed by key(s) {', '.join(self.key_ids)}: compare with the key you trust",
        ]
        return "\n".join(lines + self.notes)


def canonical(obj: Any) -> str:
    """The one serialisation an export line may have (so no byte can change unnoticed)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


Keys = dict[str, tuple[str, bytes]]


def read_keys(entries: Any, where: str) -> Keys:
    """key_id -> (name, public key), each key ID checked against its name and key."""
    if not isinstance(entries, list) or not entries:
        raise BundleError(f"{where}: public_keys must be a non-empty list")
    keys: Keys = {}
    for entry in entries:
        _fields(entry, KEY_FIELDS | ({"verifier_key"} if "verifier_key" in entry else set()), where)
        raw = _b64(entry["public_key"], f"{where}: public key")
        if len(raw) != 32 or key_id(entry["name"], raw).hex() != entry["key_id"]:
            raise BundleError(f"{where}: key {entry['key_id']} does not match its name and key")
        if "verifier_key" in entry and entry["verifier_key"] != verifier_key(entry["name"], raw):
            raise BundleError(f"{where}: verifier key of {entry['key_id']} does not match")
        keys[entry["key_id"]] = (entry["name"], raw)
    return keys


def check_checkpoint(entry: Any, keys: Keys, where: str) -> tuple[int, bytes, str]:
    """Check the log's signature on a checkpoint; return (size, root, signed text)."""
    expected = CHECKPOINT_FIELDS - ({"type"} if "type" not in entry else set())
    _fields(entry, expected | ({"cosignatures"} if "cosignatures" in entry else set()), where)
    if entry["key_id"] not in keys or keys[entry["key_id"]][0] != entry["origin"]:
        raise BundleError(f"{where}: signed by unknown key {entry['key_id']}")
    size, root_hash = _int(entry["size"], where), _b64(entry["root_hash"], f"{where}: root")
    try:
        text = checkpoint_text(entry["origin"], size, root_hash, entry["timestamp"])
    except NoteError as error:
        raise BundleError(f"{where}: {error}") from None
    public_key = keys[entry["key_id"]][1]
    if not verify_ed25519(public_key, _b64(entry["signature"], where), text.encode()):
        raise BundleError(f"{where}: the log's signature does not verify")
    for cosignature in entry.get("cosignatures", []):
        _fields(cosignature, COSIGNATURE_FIELDS, f"{where}: cosignature")
        witness = _b64(cosignature["public_key"], where)
        if key_id(cosignature["name"], witness).hex() != cosignature["key_id"] or not (
            verify_ed25519(witness, _b64(cosignature["signature"], where), text.encode())
        ):
            raise BundleError(f"{where}: cosignature of {cosignature['organisation_id']} is bad")
    return size, root_hash, text


# Whole-store export


def verify_export(
    lines: Iterable[bytes], trusted: tuple[str, bytes] | None = None, kept: str | None = None
) -> Outcome:
    """Check an export line by line (see the module docstring)."""
    stream = _json_lines(lines)
    first = next(stream, None)
    if first is None:
        raise BundleError("line 1: empty bundle")
    header = first[1]
    _fields(header, HEADER_FIELDS, "line 1")
    if header["type"] != EXPORT_TYPE or header["version"] != FORMAT_VERSION:
        raise BundleError("line 1: not a samverkan-export version 1")
    keys = read_keys(header["public_keys"], "line 1")
    outcome = Outcome(EXPORT_TYPE, key_ids=sorted(keys))
    heads: dict[int, bytes] = {}
    tree, last_checkpoint = CompactRange(), None
    kept_head = _kept(kept, keys, trusted)
    for number, entry in stream:
        where = f"line {number}"
        if entry.get("type") == "checkpoint":
            if tree.size:
                raise BundleError(f"{where}: checkpoints come before the events")
            size, root_hash, _ = check_checkpoint(entry, keys, where)
            if heads and size <= max(heads):
                raise BundleError(f"{where}: checkpoint sizes must increase")
            heads[size] = root_hash
            last_checkpoint = entry
            continue
        _fields(entry, EVENT_FIELDS, where)
        if entry["type"] != "event" or entry["position"] != tree.size:
            raise BundleError(f"{where}: expected the event at position {tree.size}")
        try:
            leaf = encode_leaf(
                entry["originator_id"],
                _int(entry["originator_version"], where),
                entry["topic"],
                _b64(entry["state"], f"{where}: state"),
            )
        except (LeafError, AttributeError) as error:
            raise BundleError(f"{where}: {error}") from None
        tree.append(leaf_hash(leaf))
        _check_head(tree, heads, kept_head, where)
    if 0 in heads or (kept_head and kept_head[0] == 0):
        _check_head(CompactRange(), heads, kept_head, "the empty tree")
    if last_checkpoint is None or max(heads) != tree.size:
        raise BundleError(f"positions after the last signed checkpoint: size is {tree.size}")
    if header["size"] != tree.size or _b64(header["root_hash"], "line 1") != tree.root():
        raise BundleError("line 1: the header's size and root are not those of the events")
    if header["origin"] != last_checkpoint["origin"]:
        raise BundleError("line 1: the header's origin is not the checkpoints' origin")
    if trusted is not None and keys.get(last_checkpoint["key_id"]) != trusted:
        raise BundleError("the latest checkpoint is not signed by the key you trust")
    if kept_head is not None and kept_head[0] > tree.size:
        raise BundleError(f"your checkpoint has {kept_head[0]} events; the bundle {tree.size}")
    outcome.size, outcome.root_hash, outcome.events = tree.size, tree.root(), tree.size
    outcome.checkpoints = len(heads)
    if kept_head is not None:
        outcome.notes.append(f"consistent with your checkpoint of size {kept_head[0]}")
    return outcome


def _check_head(
    tree: CompactRange, heads: dict[int, bytes], kept: tuple[int, bytes] | None, where: str
) -> None:
    if tree.size in heads and heads[tree.size] != tree.root():
        raise BundleError(
            f"{where}: the events up to here do not have checkpoint {tree.size}'s root"
        )
    if kept is not None and kept[0] == tree.size and kept[1] != tree.root():
        raise BundleError(f"{where}: the events up to here do not have your checkpoint's root")


def _kept(
    note: str | None, keys: Keys, trusted: tuple[str, bytes] | None
) -> tuple[int, bytes] | None:
    """(size, root) of a checkpoint note the partner kept, if signed by a log key."""
    if note is None:
        return None
    try:
        text, signatures = parse_note(note)
        parsed = parse_checkpoint_text(text)
    except NoteError as error:
        raise BundleError(f"your checkpoint: {error}") from None
    known = dict(keys)
    if trusted is not None:
        known[key_id(*trusted).hex()] = trusted
    if not any(
        (k := s.key_id.hex()) in known
        and known[k][0] == s.name
        and verify_ed25519(known[k][1], s.signature, text.encode())
        for s in signatures
    ):
        raise BundleError("your checkpoint is not signed by the log's key")
    return parsed.size, parsed.root_hash


def _json_lines(lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8")
            if not text.endswith("\n"):
                raise ValueError("the line does not end with a newline")
            entry = json.loads(text)
        except (UnicodeDecodeError, ValueError) as error:
            raise BundleError(f"line {number}: not a JSON line: {error}") from None
        if canonical(entry) + "\n" != text:
            raise BundleError(f"line {number}: not in canonical form")
        yield number, entry


# Partnership bundle


def verify_partnership(bundle: Any, trusted: tuple[str, bytes] | None = None) -> Outcome:
    """Check a partnership bundle's signatures, consistency and inclusion proofs."""
    _fields(bundle, BUNDLE_FIELDS, "bundle")
    if bundle["type"] != PARTNERSHIP_TYPE or bundle["version"] != FORMAT_VERSION:
        raise BundleError("not a samverkan-partnership-bundle version 1")
    keys = read_keys(bundle["public_keys"], "public_keys")
    history = [
        check_checkpoint(c, keys, f"checkpoint {i}")
        for i, c in enumerate(_list(bundle, "checkpoints"))
    ]
    if not history or bundle["checkpoints"][-1] != bundle["checkpoint"]:
        raise BundleError("the bundle's checkpoint is not the last of its checkpoints")
    if trusted is not None and keys.get(bundle["checkpoint"]["key_id"]) != trusted:
        raise BundleError("the checkpoint is not signed by the key you trust")
    proofs = {(p.get("first"), p.get("second")): p for p in _list(bundle, "consistency")}
    chain = [(size, root) for size, root, _ in history]
    for (first, first_root), (second, second_root) in itertools.pairwise(chain):
        if first >= second:
            raise BundleError("checkpoint sizes must increase")
        if first == 0:
            continue
        proof = proofs.pop((first, second), None)
        if proof is None:
            raise BundleError(f"no consistency proof from size {first} to {second}")
        _fields(proof, {"first", "second", "proof"}, "consistency proof")
        nodes = [_b64(x, "consistency proof") for x in _list(proof, "proof")]
        if not verify_consistency(first, second, first_root, second_root, nodes):
            raise BundleError(f"checkpoint {second} is not consistent with checkpoint {first}")
    if proofs:
        raise BundleError("the bundle holds consistency proofs it does not use")
    size, root_hash = chain[-1]
    last = -1
    for event in _list(bundle, "events"):
        where = f"event at position {event.get('position')}"
        _fields(event, PROVED_EVENT_FIELDS, where)
        position = _int(event["position"], where)
        if position <= last or event["leaf_index"] != position or event["tree_size"] != size:
            raise BundleError(f"{where}: out of order, or not proved against the checkpoint")
        last = position
        leaf = _b64(event["leaf"], where)
        try:
            fields = decode_leaf(leaf)
        except LeafError as error:
            raise BundleError(f"{where}: {error}") from None
        if (fields.originator_id, fields.originator_version, fields.topic) != (
            event["originator_id"],
            event["version"],
            event["type"],
        ):
            raise BundleError(f"{where}: the leaf does not hold the event it names")
        path = [_b64(x, where) for x in _list(event, "audit_path")]
        if not verify_inclusion(leaf_hash(leaf), position, size, path, root_hash):
            raise BundleError(f"{where}: the inclusion proof does not verify")
    if _int(bundle["pending"], "pending") < 0:
        raise BundleError("pending must not be negative")
    outcome = Outcome(PARTNERSHIP_TYPE, size, root_hash, len(bundle["events"]), len(history))
    outcome.key_ids = sorted(keys)
    if bundle["pending"]:
        outcome.notes.append(f"{bundle['pending']} later events are in no signed checkpoint yet")
    return outcome


# Helpers


def _fields(entry: Any, names: set[str], where: str) -> None:
    if not isinstance(entry, dict) or set(entry) != names:
        raise BundleError(f"{where}: expected exactly the fields {sorted(names)}")
    for name, value in entry.items():
        if name in {"name", "origin", "key_id", "timestamp", "originator_id", "topic"} and not (
            isinstance(value, str)
        ):
            raise BundleError(f"{where}: {name} must be a string")


def _b64(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise BundleError(f"{where}: expected base64 text")
    try:
        return b64decode_strict(value, where)
    except NoteError as error:
        raise BundleError(str(error)) from None


def _int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BundleError(f"{where}: expected a non-negative integer")
    return value


def _list(entry: dict[str, Any], name: str) -> list[Any]:
    value = entry[name]
    if not isinstance(value, list):
        raise BundleError(f"{name} must be a list")
    return value


def verify_file(path: str, trusted: tuple[str, bytes] | None, kept: str | None) -> Outcome:
    """Check a bundle file of either kind."""
    with open(path, "rb") as file:
        first = file.readline()
        try:
            head = json.loads(first)
        except ValueError:
            head = None
        file.seek(0)
        if isinstance(head, dict) and head.get("type") == EXPORT_TYPE:
            return verify_export(file, trusted, kept)
        try:
            bundle = json.loads(file.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise BundleError(f"not a bundle: {error}") from None
    if kept is not None:
        raise BundleError("--checkpoint applies to whole-store exports only")
    return verify_partnership(bundle, trusted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="samverkan-verify", description="Check a Samverkan bundle offline."
    )
    parser.add_argument("bundle", help="a `samverkan export` file or a partnership bundle")
    parser.add_argument(
        "--key", help="the log's verifier key you trust (name+keyid+base64, /audit/public-key)"
    )
    parser.add_argument("--checkpoint", help="a checkpoint note you kept (export bundles only)")
    args = parser.parse_args(argv)
    try:
        trusted = parse_verifier_key(args.key) if args.key else None
        kept = None
        if args.checkpoint:
            with open(args.checkpoint, encoding="utf-8") as file:
                kept = file.read()
        outcome = verify_file(args.bundle, trusted, kept)
    except (BundleError, NoteError, OSError) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    print(outcome.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What `verify_store` finds: each problem with its position, and the report of a run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    position: int | None
    kind: str
    detail: str

    def __str__(self) -> str:
        where = f"position {self.position}" if self.position is not None else "log"
        return f"{where}: {self.kind}: {self.detail}"


@dataclass
class Report:
    size: int = 0
    stored: int = 0
    checkpoints: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def pending(self) -> int:
        """Stored events after the last sequenced one (not yet in the tree)."""
        return max(self.stored - self.size, 0)

    def first(self) -> Problem | None:
        """The problem at the lowest position (problems without one come last)."""
        ranked = sorted(self.problems, key=lambda p: (p.position is None, p.position or 0))
        return ranked[0] if ranked else None

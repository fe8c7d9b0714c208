"""What a view really does, read from its code: the helpers and errors it can reach.

The OpenAPI pass (web/api/openapi.py) documents a route's error responses and the headers
it reads and sets from these facts rather than from a hand-kept list: a view that reaches
``expected_version`` reads ``If-Match``; one that can raise ``Forbidden`` answers 403. The
walk follows the global names (and attributes of global modules and classes) that a
function's code uses, into the project's own modules only. It sees no further than names:
a command run through ``service().sign_off`` is not followed, so the rules in openapi.py
add what every write can answer (409, 412...), and tests/api/test_openapi_truth.py checks
the result against what the routes answer.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from werkzeug.exceptions import HTTPException

from samverkan.errors import SamverkanError

OWN_MODULES = ("samverkan.",)


def own(value: Any) -> bool:
    module = getattr(value, "__module__", None) or ""
    return module.startswith(OWN_MODULES)


def codes(code: types.CodeType) -> Iterator[types.CodeType]:
    """A code object and those nested in it (comprehensions, inner functions)."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from codes(const)


def referenced(function: types.FunctionType) -> set[Any]:
    """The objects a function's code names: globals, and attributes of global modules and
    classes (``conventions.expected_version``, ``Viewer.require_role``)."""
    names = {name for code in codes(function.__code__) for name in code.co_names}
    found: list[Any] = [
        function.__globals__[name] for name in names if name in function.__globals__
    ]
    for cell in function.__closure__ or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # an empty cell
            continue
    for holder in [value for value in found if isinstance(value, (types.ModuleType, type))]:
        for name in names:
            attribute = inspect.getattr_static(holder, name, None)
            if isinstance(attribute, (staticmethod, classmethod)):
                attribute = attribute.__func__
            if attribute is not None:
                found.append(attribute)
    return {value for value in found if _hashable(value)}


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


@cache
def reachable(function: Callable[..., Any]) -> frozenset[Any]:
    """Everything ``function`` can reach through the project's own functions."""
    seen: set[Any] = set()
    todo: list[Any] = [inspect.unwrap(function)]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, types.FunctionType) and (own(current) or current is function):
            todo.extend(referenced(current) - seen)
    return frozenset(seen)


@dataclass(frozen=True)
class Facts:
    """What one view can do, as far as its code shows."""

    reached: frozenset[Any]

    def reaches(self, target: Any) -> bool:
        return target in self.reached

    def statuses(self) -> set[int]:
        """The statuses of the errors it can raise (the project's and werkzeug's)."""
        found = set()
        for value in self.reached:
            if not isinstance(value, type):
                continue
            if issubclass(value, SamverkanError) and value is not SamverkanError:
                found.add(value.status)
            elif issubclass(value, HTTPException) and value.code:
                found.add(value.code)
        return found


def facts_of(view: Callable[..., Any]) -> Facts:
    return Facts(reachable(inspect.unwrap(view)))

"""What pages inside a partnership share: the signed-in user, access, the as-of time.

``partnership_page(pid)`` loads the partnership as it is (read model) or as it was (rebuilt
from its events with ``as_of``), clipped to what a former member may still see: in two steps,
``viewing`` (access and time, no partnership yet) and ``load_page``. Its ``template_vars()``
feed ``partnership_nav.html`` and the as-of banner of ``layout.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar
from uuid import UUID

from flask import redirect, request, url_for
from flask_babel import gettext as _

from samverkan.application.accounts import User
from samverkan.application.viewer import CONTRIBUTE, MANAGE, SIGN, Viewer
from samverkan.domain.partnership import Partnership
from samverkan.errors import NotFound, SamverkanError
from samverkan.readmodels.current_state import load_current
from samverkan.readmodels.memberships import Membership, memberships_of
from samverkan.web.auth import current_user, service
from samverkan.web.ui.fragments import remembered
from samverkan.web.ui.pages import parse_as_of

F = TypeVar("F", bound=Callable[..., Any])


def page_user() -> User:
    """The signed-in user (pages wrapped in ``signed_in_page`` always have one)."""
    user = current_user()
    assert user is not None
    return user


def signed_in_page(view: F) -> F:
    """Send a visitor who is not signed in to the sign-in page, and back here afterwards."""

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            target = request.full_path if request.query_string else request.path
            return redirect(url_for("ui.sign_in", next=target))
        return view(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def may(access: Viewer, partnership_id: UUID, action: str) -> bool:
    try:
        access.require(partnership_id, action)
    except SamverkanError:
        return False
    return True


@dataclass
class PartnershipPage:
    user: User
    access: Viewer
    partnership: Partnership
    as_of: datetime | None  # None: the present
    as_of_error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> UUID:
        return self.partnership.id

    def may(self, action: str) -> bool:
        return self.as_of is None and may(self.access, self.partnership.id, action)

    def template_vars(self) -> dict[str, Any]:
        exit_args: dict[str, Any] = {k: v for k, v in request.args.items() if k != "as_of"}
        return {
            "partnership": self.partnership,
            "as_of": self.as_of,
            "as_of_error": self.as_of_error,
            "as_of_exit_url": url_for(
                request.endpoint or "ui.home", **(request.view_args or {}), **exit_args
            ),
            "may_manage": self.may(MANAGE),
            "may_contribute": self.may(CONTRIBUTE),
            "may_sign": self.may(SIGN),
            **self.extra,
        }


@dataclass(frozen=True)
class Viewing:
    """Who looks at a partnership, and at which time (before the partnership is loaded)."""

    user: User
    access: Viewer
    as_of: datetime | None  # None: the present
    as_of_error: str | None
    limit: datetime | None  # a former member's: when its organisation left

    def level(self, partnership_id: UUID) -> tuple[str, str | None, datetime | None]:
        """What decides what the viewer may see and do there: the user's role, and its
        organisation's role in the partnership and when it left."""
        membership = self.access.memberships.get(partnership_id)
        if membership is None:
            return (self.user.role, None, None)
        return (self.user.role, membership.role, membership.left_at)


def memberships(organisation_id: UUID) -> dict[UUID, Membership]:
    """The organisation's memberships (kept until the read models move on)."""
    kept = remembered(
        ("memberships", organisation_id),
        lambda: memberships_of(service().sql, organisation_id),
    )
    return dict(kept)


def viewing(partnership_id: UUID, as_of_text: str | None = None) -> Viewing:
    """The user's access and the time asked for; 404 when the user may not see it."""
    user = page_user()
    access = Viewer(user, memberships(user.organisation_id))
    limit = access.read_limit(partnership_id)
    if as_of_text is None:
        as_of_text = request.args.get("as_of")
    error = None
    try:
        as_of = parse_as_of(as_of_text)
    except ValueError:
        as_of, error = None, _("Enter a date, or a date and a time.")
    if limit is not None and (as_of is None or as_of > limit):
        as_of = limit  # a former member sees the partnership as it was when it left
    return Viewing(user, access, as_of, error, limit)


def load_page(partnership_id: UUID, seen: Viewing) -> PartnershipPage:
    """The partnership as it is (read model) or as it was (rebuilt from its events)."""
    as_of, error, limit = seen.as_of, seen.as_of_error, seen.limit
    if as_of is None:
        found = load_current(service().sql, Partnership, partnership_id)
        partnership = found if found is not None else service().get(Partnership, partnership_id)
    else:
        try:
            partnership = service().get(Partnership, partnership_id, as_of=as_of)
        except NotFound:
            if not error:
                error = _("The partnership did not exist yet at that time.")
            partnership = service().get(Partnership, partnership_id)
            as_of = limit
            if as_of is not None:
                partnership = service().get(Partnership, partnership_id, as_of=as_of)
    return PartnershipPage(seen.user, seen.access, partnership, as_of, error)


def partnership_page(partnership_id: UUID, as_of_text: str | None = None) -> PartnershipPage:
    """Load the partnership for a page; 404 when the user may not see it."""
    return load_page(partnership_id, viewing(partnership_id, as_of_text))

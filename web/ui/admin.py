"""Administration pages: organisations and units, users and roles, API tokens, plugins.

Administrators only (403 otherwise); every person manages their own tokens under
"My account". A new token is shown once, on the page that made it, and never stored.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from samverkan.application.accounts import User
from samverkan.application.sessions import end_sessions_of
from samverkan.application.viewer import Viewer
from samverkan.domain.access import ROLES
from samverkan.domain.organisation import Organisation
from samverkan.domain.vocabulary import ORGANISATION_KINDS, UNIT_TYPES
from samverkan.errors import NotFound, SamverkanError
from samverkan.readmodels.current_state import load_current, load_many, states
from samverkan.storage.tables import users
from samverkan.web.auth import current_session_id, service
from samverkan.web.plugins import listing, plugins_of, projections_of
from samverkan.web.ui.accounts import end_this_session
from samverkan.web.ui.blueprint import bp
from samverkan.web.ui.context import page_user, signed_in_page
from samverkan.web.ui.forms import Field, core_errors, handle_form
from samverkan.web.ui.labels import options
from samverkan.web.ui.pages import organisation_names


def require_admin() -> User:
    user = page_user()
    Viewer.of(service().sql, user).require_role()  # administrators only
    return user


def organisations() -> list[Organisation]:
    with service().sql.connect() as connection:
        ids = [
            UUID(row.id)
            for row in connection.execute(
                sa.select(states.c.id).where(states.c.kind == "organisation")
            )
        ]
    return sorted(load_many(service().sql, Organisation, ids), key=lambda o: o.name.lower())


def organisation_choices() -> list[tuple[str, str]]:
    return [(str(o.id), o.name) for o in organisations()]


def organisation(organisation_id: UUID) -> Organisation:
    found = load_current(service().sql, Organisation, organisation_id)
    return found if found is not None else service().get(Organisation, organisation_id)


def people() -> list[dict[str, Any]]:
    with service().sql.connect() as connection:
        rows = connection.execute(
            sa.select(
                users.c.id, users.c.name, users.c.email, users.c.organisation_id, users.c.role
            )
            .where(users.c.erased_at.is_(None))
            .order_by(users.c.name, users.c.email)
        ).all()
    return [row._asdict() for row in rows]


@bp.get("/admin")
@signed_in_page
def admin() -> Any:
    require_admin()
    return render_template("admin.html")


@bp.get("/admin/organisations")
@signed_in_page
def admin_organisations() -> Any:
    require_admin()
    return render_template("admin_organisations.html", organisations=organisations())


@bp.route("/admin/organisations/new", methods=["GET", "POST"])
@signed_in_page
def admin_register_organisation() -> Any:
    user = require_admin()
    fields = [
        Field("name", _l("Name")),
        Field("kind", _l("Kind"), "select", options=lambda: options(ORGANISATION_KINDS)),
        Field("country", _l("Country"), hint=_l("Two letters, such as SE or NO.")),
    ]

    def save(values: dict[str, Any]) -> str:
        created = service().register_organisation(
            user.actor, values["name"], values["kind"], values["country"].upper()
        )
        return url_for("ui.admin_organisation", organisation_id=created.id)

    return handle_form(
        fields=fields,
        title=_("Register an organisation"),
        submit=_("Register the organisation"),
        save=save,
        done_message=_("The organisation is registered."),
        template="admin_form.html",
        cancel_url=url_for("ui.admin_organisations"),
    )


@bp.get("/admin/organisations/<uuid:organisation_id>")
@signed_in_page
def admin_organisation(organisation_id: UUID) -> Any:
    require_admin()
    return render_template("admin_organisation.html", organisation=organisation(organisation_id))


def _version_arg() -> int | None:
    try:
        return int(request.args.get("version", ""))
    except ValueError:
        return None


@bp.route("/admin/organisations/<uuid:organisation_id>/rename", methods=["GET", "POST"])
@signed_in_page
def admin_rename_organisation(organisation_id: UUID) -> Any:
    user = require_admin()
    current = organisation(organisation_id)
    version = _version_arg()
    back = url_for("ui.admin_organisation", organisation_id=organisation_id)

    def save(values: dict[str, Any]) -> str:
        service().rename_organisation(
            user.actor,
            organisation_id,
            values["name"],
            expected_version=version if version is not None else current.version,
        )
        return back

    return handle_form(
        fields=[Field("name", _l("New name"))],
        title=_("Rename %(name)s", name=current.name),
        submit=_("Rename"),
        save=save,
        done_message=_("The organisation is renamed."),
        template="admin_form.html",
        initial={"name": current.name},
        cancel_url=back,
    )


@bp.route("/admin/organisations/<uuid:organisation_id>/units/new", methods=["GET", "POST"])
@signed_in_page
def admin_add_unit(organisation_id: UUID) -> Any:
    user = require_admin()
    current = organisation(organisation_id)
    version = _version_arg()
    back = url_for("ui.admin_organisation", organisation_id=organisation_id)

    def save(values: dict[str, Any]) -> str:
        service().add_unit(
            user.actor,
            organisation_id,
            values["name"],
            values["unit_type"],
            expected_version=version if version is not None else current.version,
        )
        return back

    return handle_form(
        fields=[
            Field("name", _l("Name of the unit")),
            Field("unit_type", _l("Type of unit"), "select", options=lambda: options(UNIT_TYPES)),
        ],
        title=_("Add a unit to %(name)s", name=current.name),
        submit=_("Add the unit"),
        save=save,
        done_message=_("The unit is added."),
        template="admin_form.html",
        cancel_url=back,
    )


@bp.get("/admin/users")
@signed_in_page
def admin_users() -> Any:
    require_admin()
    listed = people()
    names = organisation_names([row["organisation_id"] for row in listed])
    return render_template("admin_users.html", people=listed, names=names)


@bp.route("/admin/users/new", methods=["GET", "POST"])
@signed_in_page
def admin_create_user() -> Any:
    user = require_admin()
    fields = [
        Field("name", _l("Name")),
        Field("email", _l("E-mail address"), "email"),
        Field("organisation_id", _l("Organisation"), "select", options=organisation_choices),
        Field("role", _l("Role"), "select", options=lambda: options(ROLES)),
        Field(
            "password",
            _l("Password"),
            "password",
            required=False,
            hint=_l("At least 10 characters. Leave empty to set it later."),
        ),
    ]

    def save(values: dict[str, Any]) -> str:
        service().create_user(
            user.actor,
            values["email"],
            values["name"],
            UUID(values["organisation_id"]),
            values["role"],
            password=values["password"] or None,
        )
        return url_for("ui.admin_users")

    return handle_form(
        fields=fields,
        title=_("Create a user"),
        submit=_("Create the user"),
        save=save,
        done_message=_("The user is created."),
        template="admin_form.html",
        cancel_url=url_for("ui.admin_users"),
    )


def person(user_id: UUID) -> User:
    return service().get_user(user_id)


@bp.route("/admin/users/<uuid:user_id>/role", methods=["GET", "POST"])
@signed_in_page
def admin_change_role(user_id: UUID) -> Any:
    user = require_admin()
    target = person(user_id)

    def save(values: dict[str, Any]) -> str:
        service().change_role(
            user.actor, user_id, values["role"], keep_session=current_session_id()
        )
        return url_for("ui.admin_users")

    return handle_form(
        fields=[Field("role", _l("Role"), "select", options=lambda: options(ROLES))],
        title=_("Change the role of %(name)s", name=target.name),
        submit=_("Change the role"),
        save=save,
        done_message=_("The role is changed."),
        template="admin_form.html",
        initial={"role": target.role},
        cancel_url=url_for("ui.admin_users"),
    )


def tokens_page(
    target: User,
    *,
    own: bool,
    errors: dict[str, str] | None = None,
    new_token: str | None = None,
    status: int = 200,
) -> Any:
    listed = service().list_tokens(target.id)
    listed.sort(key=lambda token: token["revoked_at"] is not None)
    return (
        render_template(
            "account.html" if own else "admin_tokens.html",
            person=target,
            tokens=listed,
            errors=errors or {},
            new_token=new_token,
            values={"label": request.form.get("label", "")} if errors else {},
            own=own,
        ),
        status,
    )


def make_token(target: User, own: bool) -> Any:
    actor = page_user().actor
    label = request.form.get("label", "").strip()
    if not label:
        return tokens_page(
            target, own=own, errors={"label": _("This field is required.")}, status=422
        )
    if len(label) > 200:
        return tokens_page(
            target, own=own, errors={"label": _("Use at most 200 characters.")}, status=422
        )
    try:
        _id, token = service().issue_token(target.id, label, actor=actor)
    except SamverkanError as error:
        return tokens_page(target, own=own, errors=core_errors(error, []), status=error.status)
    return tokens_page(target, own=own, new_token=token, status=201)


def revoke(target: User, token_id: str, own: bool, back: str) -> Any:
    try:
        service().revoke_token(target.id, UUID(token_id), actor=page_user().actor)
    except (ValueError, NotFound):
        return tokens_page(
            target,
            own=own,
            errors={"form": _("There is no such active token.")},
            status=404,
        )
    flash(_("The token is revoked. Programs using it can no longer sign in."), "success")
    return redirect(back)


@bp.route("/admin/users/<uuid:user_id>/tokens", methods=["GET", "POST"])
@signed_in_page
def admin_tokens(user_id: UUID) -> Any:
    require_admin()
    target = person(user_id)
    if request.method == "POST":
        return make_token(target, own=False)
    return tokens_page(target, own=False)


@bp.post("/admin/users/<uuid:user_id>/tokens/revoke")
@signed_in_page
def admin_revoke_token(user_id: UUID) -> Any:
    require_admin()
    target = person(user_id)
    back = url_for("ui.admin_tokens", user_id=user_id)
    return revoke(target, request.form.get("token_id", ""), False, back)


@bp.route("/account", methods=["GET", "POST"])
@signed_in_page
def account() -> Any:
    """The signed-in person's details and their own API tokens."""
    user = page_user()
    if request.method == "POST":
        return make_token(user, own=True)
    return tokens_page(user, own=True)


@bp.post("/account/tokens/revoke")
@signed_in_page
def account_revoke_token() -> Any:
    user = page_user()
    return revoke(user, request.form.get("token_id", ""), True, url_for("ui.account"))


@bp.post("/account/sign-out-everywhere")
@signed_in_page
def account_sign_out_everywhere() -> Any:
    """End every session of the signed-in person, this one too (API tokens stay)."""
    user = page_user()
    with service().sql.begin() as connection:
        end_sessions_of(connection, user.id)
    end_this_session()
    flash(_("You are signed out everywhere."), "info")
    return redirect(url_for("ui.sign_in"))


@bp.get("/admin/plugins")
@signed_in_page
def admin_plugins() -> Any:
    require_admin()
    found = listing(plugins_of(current_app), projections_of(current_app))
    return render_template("admin_plugins.html", **found)

"""Forms as small specs: fields, checks with translated messages beside the fields, and the
core's errors (InvalidInput, NotFound, RuleViolation) mapped onto the form — never a 500.

``handle_form(...)`` renders ``form_page.html`` (or any template taking the same variables)
on GET and on errors, and redirects after a successful write (post/redirect/get).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _

from samverkan.errors import InvalidInput, NotFound, SamverkanError

Options = Callable[[], Sequence[tuple[str, str]]]


@dataclass(frozen=True)
class Field:
    name: str
    label: Any  # a lazy translated string
    kind: str = "text"  # text, textarea, lines, date, amount, select, checkboxes, email
    required: bool = True
    options: Options | None = None
    hint: Any = None
    multiple: bool = False


class FormInvalid(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_values(fields: Sequence[Field]) -> tuple[dict[str, Any], dict[str, str]]:
    """The submitted values, converted; errors per field in the page's language."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        if field.kind == "checkboxes" or field.multiple:
            chosen = [v for v in request.form.getlist(field.name) if v]
            allowed = {value for value, _label in field.options()} if field.options else None
            if allowed is not None and any(v not in allowed for v in chosen):
                errors[field.name] = _("Choose among the listed options.")
            elif field.required and not chosen:
                errors[field.name] = _("Choose at least one.")
            values[field.name] = chosen
            continue
        raw = request.form.get(field.name, "").strip()
        if not raw:
            if field.required:
                errors[field.name] = _("This field is required.")
            values[field.name] = [] if field.kind == "lines" else None
            continue
        if field.kind == "date":
            try:
                values[field.name] = date.fromisoformat(raw)
            except ValueError:
                errors[field.name] = _("Enter a date as YYYY-MM-DD.")
        elif field.kind == "amount":
            try:
                amount = Decimal(raw.replace(" ", "").replace(",", "."))
                if not amount.is_finite():
                    raise InvalidOperation
                values[field.name] = str(amount)
            except InvalidOperation:
                errors[field.name] = _("Enter an amount, such as 125000 or 1250.50.")
        elif field.kind == "select":
            allowed = {value for value, _label in field.options()} if field.options else set()
            if raw not in allowed:
                errors[field.name] = _("Choose among the listed options.")
            values[field.name] = raw
        elif field.kind == "lines":
            values[field.name] = [line.strip() for line in raw.splitlines() if line.strip()]
        else:
            values[field.name] = raw
    return values, errors


def core_errors(error: SamverkanError, fields: Sequence[Field]) -> dict[str, str]:
    """The core's error as messages beside the fields it names, else for the whole form."""
    names = {field.name for field in fields}
    found: dict[str, str] = {}
    for name, messages in (error.errors or {}).items():
        key = name.split(".")[0].split("[")[0]
        text = _("Not accepted: %(reason)s", reason="; ".join(messages))
        found[key if key in names else "form"] = text
    if not found:
        if error.slug == "last-admin":
            found["form"] = _(
                "This is the last administrator. Make another user an administrator first."
            )
        elif isinstance(error, InvalidInput):
            found["form"] = _("Not accepted: %(reason)s", reason=error.detail)
        elif isinstance(error, NotFound):
            found["form"] = _(
                "Something this form refers to does not exist: %(reason)s", reason=error.detail
            )
        else:
            found["form"] = _("This is not possible right now: %(reason)s", reason=error.detail)
    return found


def handle_form(
    *,
    fields: Sequence[Field],
    title: Any,
    submit: Any,
    save: Callable[[dict[str, Any]], str],
    done_message: Any,
    template: str = "form_page.html",
    initial: dict[str, Any] | None = None,
    cancel_url: str | None = None,
    **context: Any,
) -> Any:
    """GET: the empty form. POST: check, call ``save(values)`` (returns where to go next)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = dict(initial or {})
    status = 200
    if request.method == "POST":
        values, errors = read_values(fields)
        if not errors:
            try:
                target = save(values)
            except SamverkanError as error:
                errors = core_errors(error, fields)
                status = error.status if error.status in (404, 409, 412, 422) else 422
            else:
                flash(str(done_message), "success")
                return redirect(target)
        else:
            status = 422
    return (
        render_template(
            template,
            fields=fields,
            values=values,
            errors=errors,
            form_title=title,
            submit_label=submit,
            cancel_url=cancel_url,
            **context,
        ),
        status,
    )

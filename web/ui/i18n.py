"""Languages: Swedish, Norwegian bokmål and English through Flask-Babel.

The locale is the one the user chose (kept in the session), else the browser's best match,
else Swedish. Plugins' ``register_translations`` messages are merged into the catalogs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from babel import support
from flask import Flask, current_app, request, session
from flask_babel import Babel, Domain, _get_current_context, get_locale

from samverkan.web.plugins import plugins_of

LOCALES = ("sv", "nb", "en")
LANGUAGE_NAMES = {"sv": "Svenska", "nb": "Norsk bokmål", "en": "English"}
DEFAULT_LOCALE = "sv"
TRANSLATIONS = Path(__file__).parent / "translations"
# Browsers say "no" or "nn" for Norwegian too: bokmål is our written Norwegian.
ALIASES = {"no": "nb", "nb": "nb", "nn": "nb", "sv": "sv", "en": "en"}


def select_locale() -> str:
    chosen = session.get("locale")
    if chosen in LOCALES:
        return str(chosen)
    best_quality = 0.0
    best = None
    for value, quality in request.accept_languages:
        locale = ALIASES.get(value.lower().replace("_", "-").split("-")[0])
        if locale is not None and quality > best_quality:
            best, best_quality = locale, quality
    return best or DEFAULT_LOCALE


def plugin_messages(app: Flask) -> dict[str, dict[str, str]]:
    """Every plugin's messages per locale, gathered once per app."""
    cached: dict[str, dict[str, str]] | None = app.extensions.get("samverkan.ui_translations")
    if cached is None:
        cached = {}
        plugins = plugins_of(app)
        found = plugins.call("register_translations", service=app.extensions["samverkan"])
        for _plugin, catalog in found:
            if isinstance(catalog, Mapping):
                for locale, messages in catalog.items():
                    cached.setdefault(str(locale), {}).update(
                        {str(k): str(v) for k, v in dict(messages).items()}
                    )
        app.extensions["samverkan.ui_translations"] = cached
    return cached


class MergingDomain(Domain):  # type: ignore[misc]
    """The app's catalogs plus the plugins' messages (the app's own win on a clash)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.merged: list[Any] = []  # the cached catalogs already given the plugins' words

    def get_translations(self) -> Any:
        # Looked up once per request: kept where flask-babel's refresh() and force_locale()
        # clear it when the locale changes.
        context = _get_current_context()
        found = getattr(context, "babel_translations", None)
        if found is not None:
            return found
        translations = super().get_translations()
        if isinstance(translations, support.Translations) and translations not in self.merged:
            extra = plugin_messages(current_app).get(str(get_locale()), {})
            catalog = translations._catalog
            for msgid, text in extra.items():
                if text and not catalog.get(msgid):
                    catalog[msgid] = text
            self.merged.append(translations)
        if context is not None:
            context.babel_translations = translations
        return translations


class SamverkanBabel(Babel):  # type: ignore[misc]
    @cached_property
    def domain_instance(self) -> Domain:
        return MergingDomain(translation_directories=[str(TRANSLATIONS)])


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    # Times show in Swedish/Norwegian local time (the same offset in both countries).
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Europe/Stockholm")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    compile_catalogs()
    babel = SamverkanBabel(app, locale_selector=select_locale)
    domain = babel.domain_instance
    # The pages' words straight from the request's catalog (flask-babel's own callables
    # look the domain and the catalog up again for every word).
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: domain.get_translations().ugettext(s),
        ngettext=lambda s, p, n: domain.get_translations().ungettext(s, p, n),
        pgettext=lambda c, s: domain.get_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: domain.get_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )

    @app.context_processor
    def language_vars() -> dict[str, Any]:
        return {
            "current_locale": str(get_locale()),
            "language_names": LANGUAGE_NAMES,
        }


def compile_catalogs(folder: Path = TRANSLATIONS) -> None:
    """Compile each messages.po whose .mo is missing or older (`make install` does it too;
    this keeps a fresh checkout and the tests working). Written atomically: workers race."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in folder.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        partial = mo.with_name(f".messages.{os.getpid()}.mo")
        try:
            with partial.open("wb") as target:
                write_mo(target, catalog)
            os.replace(partial, mo)
        except OSError:  # a read-only install: the build step compiled them
            partial.unlink(missing_ok=True)

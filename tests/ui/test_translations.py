"""Every visible string of the pages is translated into Swedish and Norwegian bokmål;
the language follows the browser and can be switched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask import Flask

from samverkan import MenuLink, hookimpl
from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app
from tests.api.callers import OPERATOR
from tests.ui.conftest import Team
from tests.ui.pages import text, user_with_password, visitor

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "web" / "ui" / "translations"
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def extracted_messages() -> set[str]:
    """What `pybabel extract -F babel.cfg` finds in the code and templates right now."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.update([message] if isinstance(message, str) else [m for m in message if m])
    return found


def test_extraction_finds_the_pages_messages() -> None:
    messages = extracted_messages()
    assert "My partnerships" in messages  # a template
    assert "Decision signed off" in messages  # a lazy_gettext in code
    assert "The e-mail address or the password is wrong." in messages  # gettext in code


@pytest.mark.parametrize("locale", ["sv", "nb"])
def test_every_message_is_translated(locale: str) -> None:
    """English needs no entry: an empty one shows the message itself."""
    with (TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source, locale=locale)
    untranslated, fuzzy, placeholders = [], [], []
    for msgid in sorted(extracted_messages()):
        message = catalog.get(msgid)
        if message is None or not message.string:
            untranslated.append(msgid)
        elif message.fuzzy:
            fuzzy.append(msgid)
        elif sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(message.string)):
            placeholders.append(msgid)
    assert not untranslated, f"untranslated in {locale} (run pybabel update): {untranslated}"
    assert not fuzzy, f"fuzzy in {locale}: {fuzzy}"
    assert not placeholders, f"placeholders differ in {locale}: {placeholders}"


def test_the_browser_language_is_used(flask_app: Flask) -> None:
    assert "Logga in" in text(visitor(flask_app, "sv-SE,sv;q=0.9").get("/sign-in"))
    assert "Logg inn" in text(visitor(flask_app, "nb-NO,nb;q=0.9,en;q=0.5").get("/sign-in"))
    assert "Logg inn" in text(visitor(flask_app, "no").get("/sign-in"))
    assert "Sign in" in text(visitor(flask_app, "en-GB").get("/sign-in"))
    assert "Logga in" in text(visitor(flask_app, "de").get("/sign-in"))  # Swedish by default
    assert 'lang="nb"' in visitor(flask_app, "nb").get("/sign-in").get_data(as_text=True)


def test_the_language_switch_is_kept_in_the_session(flask_app: Flask, team: Team) -> None:
    person = visitor(flask_app, "en")
    response = person.submit("/language", {"locale": "nb", "next": "/sign-in"}, "/sign-in")
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"
    assert "Logg inn" in text(person.get("/sign-in"))
    person.sign_in("anna@region.example")
    page = text(person.get(f"/partnerships/{team.partnership_id}"))
    assert "Vis slik det var den …" in page and "Innovasjonspartnerskap" in page
    person.submit("/language", {"locale": "sv", "next": "/"}, "/")
    assert "Visa som den var den …" in text(person.get(f"/partnerships/{team.partnership_id}"))


class TranslatedPlugin:
    """A plugin with a menu link and its own Swedish and Norwegian words for it."""

    @hookimpl
    def menu_links(self, service: object, actor: object) -> list[MenuLink]:
        return [MenuLink("/sign-in", "Risk ledger")]

    @hookimpl
    def register_translations(self, service: object) -> dict[str, dict[str, str]]:
        return {"sv": {"Risk ledger": "Riskreskontra"}, "nb": {"Risk ledger": "Risikoregnskap"}}


def test_plugins_translations_are_merged(store_config: StoreConfig) -> None:
    app = create_app(
        {
            "STORE": store_config,
            "TESTING": True,
            "EXTRA_PLUGINS": [("translated", TranslatedPlugin())],
        }
    )
    try:
        service = app.extensions["samverkan"]
        region = service.register_organisation(OPERATOR, "Region", "region", "SE").id
        user_with_password(service, region, "member", "p@region.example")
        for language, word in (
            ("sv", "Riskreskontra"),
            ("nb", "Risikoregnskap"),
            ("en", "Risk ledger"),
        ):
            person = visitor(app, language)
            person.sign_in("p@region.example")
            assert word in text(person.get("/")), language
    finally:
        app.extensions["samverkan"].close()

"""The browsable API reference is served from the OpenAPI document, without the network."""

from flask import Flask


def test_the_reference_lists_every_route_and_loads_nothing_from_elsewhere(flask_app: Flask) -> None:
    client = flask_app.test_client()
    spec = client.get("/api/v1/openapi.json").json
    page = client.get("/docs/api", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for path, operations in spec["paths"].items():
        for method in operations:
            if method in ("get", "post", "delete"):
                assert f"{method.upper()} {path}" in html
    assert "http://" not in html.replace("http://localhost", "") and "https://" not in html
    assert "<script" not in html


def test_the_reference_shows_ids_shared_parameters_and_error_responses(flask_app: Flask) -> None:
    html = flask_app.test_client().get("/docs/api").get_data(as_text=True)
    assert "<code>signOffDecision</code>" in html
    assert "<code>If-Match</code> (header)" in html
    assert "<code>Idempotency-Key</code> (header)" in html
    assert "No token, or one that is invalid or revoked <code>WWW-Authenticate</code>" in html

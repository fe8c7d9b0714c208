"""A body over 1 MiB is 413 problem+json, whether it says its length or comes in chunks.

Served over real HTTP (werkzeug's server in a thread), so chunked transfer encoding is
decoded as a client's program would send it, with no Content-Length.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.api.callers import Caller
from tests.e2e.server import serving

MIB = 1024 * 1024
CHUNK = b'{"name": "' + b"x" * (64 * 1024)


@pytest.fixture
def base(flask_app: object) -> Iterator[str]:
    with serving(flask_app) as url:  # type: ignore[arg-type]
        yield url


def send(base: str, token: str, chunks: list[bytes], chunked: bool) -> http.client.HTTPResponse:
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if chunked:
        connection.request(
            "POST", "/api/v1/organisations", iter(chunks), headers, encode_chunked=True
        )
    else:
        connection.request("POST", "/api/v1/organisations", b"".join(chunks), headers)
    return connection.getresponse()


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_body_over_one_mib_is_413(base: str, admin: Caller, chunked: bool) -> None:
    chunks = [CHUNK] + [b"x" * (64 * 1024)] * (MIB // (64 * 1024)) + [b'"}']
    response = send(base, admin.token, chunks, chunked)
    body = json.loads(response.read())
    assert response.status == 413, body
    assert response.getheader("Content-Type") == "application/problem+json"
    assert body["type"] == "urn:samverkan:problem:body-too-large"


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_body_within_the_limit_is_read(base: str, admin: Caller, chunked: bool) -> None:
    body = json.dumps({"name": "Region Kronoberg", "kind": "region", "country": "SE"}).encode()
    response = send(base, admin.token, [body[:10], body[10:]], chunked)
    assert response.status == 201, response.read()

"""HTTP clients on keep-alive connections (stdlib only), and load spread over threads."""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """One connection; bearer token for the API, or a session cookie for the pages."""

    def __init__(self, host: str, port: int, token: str | None = None, timeout: float = 60):
        self.host, self.port, self.token, self.timeout = host, port, token, timeout
        self.cookie: str | None = None
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        form: dict[str, str] | None = None,
    ) -> tuple[int, bytes, http.client.HTTPResponse]:
        sent = dict(headers or {})
        data: bytes | None = None
        if self.token and path.startswith("/api/"):
            sent["Authorization"] = f"Bearer {self.token}"
        if self.cookie:
            sent["Cookie"] = self.cookie
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=data, headers=sent)
                response = self.connection.getresponse()
                payload = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # gunicorn closed an idle keep-alive connection: reconnect, and repeat a read.
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt or method != "GET":  # a write may have been recorded: no retry
                    raise
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, payload, response

    def json(self, method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        status, payload, _ = self.request(method, path, body, **kwargs)
        return status, json.loads(payload) if payload else None

    def sign_in(self, email: str, password: str) -> None:
        """Sign in through the page, as a person does (CSRF token, session cookie)."""
        _, page, _ = self.request("GET", "/sign-in")
        match = CSRF.search(page.decode())
        form = {"email": email, "password": password}
        if match:
            form["csrf_token"] = match.group(1)
        status, _, _ = self.request("POST", "/sign-in", form=form)
        if status not in (302, 303):
            raise RuntimeError(f"sign-in answered {status}")

    def close(self) -> None:
        self.connection.close()


@dataclass
class Load:
    """What a load run saw: completed requests, their latencies, the unexpected answers."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def median(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[len(ordered) // 2] if ordered else 0.0


Step = Callable[[Client, int], tuple[int, bool]]


def run_load(
    make_client: Callable[[int], Client],
    step: Step,
    clients: int,
    seconds: float,
    max_requests: int | None = None,
) -> Load:
    """``clients`` threads each call ``step(client, n)`` until ``seconds`` pass; a step
    returns (status, ok). Bounded in time and, with ``max_requests``, in count."""
    load = Load()
    counter = iter(range(max_requests or 10**9))
    counter_lock = threading.Lock()

    made = [make_client(index) for index in range(clients)]  # sign-ins before the clock
    start = time.perf_counter()
    deadline = start + seconds

    def work(index: int) -> None:
        client = made[index]
        try:
            while time.perf_counter() < deadline:
                with counter_lock:
                    n = next(counter, None)
                if n is None:
                    return
                began = time.perf_counter()
                try:
                    status, ok = step(client, n)
                except Exception as error:  # a dropped connection is an error, counted
                    status, ok = 0, False
                    message = f"{type(error).__name__}: {error}"
                else:
                    message = f"status {status}"
                elapsed = time.perf_counter() - began
                with load.lock:
                    if ok:
                        load.latencies.append(elapsed)
                    else:
                        load.errors.append(message)
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - start
    return load

"""P2 (page latency against store size), P5 (pages per second ÷ a bare Flask route) and
the web process's peak memory, all over gunicorn on 127.0.0.1."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

from samverkan.storage.stores import StoreConfig

from .client import Client, run_load
from .generator import ADMIN_EMAIL, ADMIN_PASSWORD
from .server import peak_rss_kib, serving

LATENCY_REQUESTS = 100
WARM_UP = 30  # every gunicorn worker renders the page once before the clock starts
PAGE_CLIENTS = 16
PAGES = ("partnership_page", "decision_register")


def page_paths(partnership_id: UUID) -> dict[str, str]:
    return {
        "partnership_page": f"/partnerships/{partnership_id}",
        "decision_register": f"/partnerships/{partnership_id}/decision-register",
    }


def median_latency(client: Client, path: str, requests: int) -> float:
    """Median of ``requests`` sequential GETs (after the warm-up requests)."""
    for _ in range(WARM_UP):
        status, _, _ = client.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
    times = []
    for _ in range(requests):
        began = time.perf_counter()
        status, _, _ = client.request("GET", path)
        times.append(time.perf_counter() - began)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
    times.sort()
    return times[len(times) // 2]


def signed_in(host: str, port: int) -> Client:
    client = Client(host, port)
    client.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    return client


def pages_per_second(host: str, port: int, path: str, seconds: float, sign_in: bool) -> float:
    def make(_index: int) -> Client:
        return signed_in(host, port) if sign_in else Client(host, port)

    def step(client: Client, _n: int) -> tuple[int, bool]:
        status, _, _ = client.request("GET", path)
        return status, status == 200

    load = run_load(make, step, PAGE_CLIENTS, seconds)
    if load.errors:
        raise RuntimeError(f"GET {path}: {len(load.errors)} errors, first {load.errors[0]}")
    return load.rate


def measure_pages(
    config: StoreConfig, partnership_id: UUID, seconds: float, with_throughput: bool
) -> dict[str, Any]:
    """Median latencies of both pages; with ``with_throughput`` also P5's two rates.
    The web workers' peak memory is read last, after all the load."""
    result: dict[str, Any] = {}
    paths = page_paths(partnership_id)
    with serving(config) as server:
        client = signed_in(server.host, server.port)
        for name, path in paths.items():
            result[f"{name}_median_s"] = median_latency(client, path, LATENCY_REQUESTS)
        client.close()
        if with_throughput:
            result["page_per_s"] = pages_per_second(
                server.host, server.port, paths["partnership_page"], seconds, sign_in=True
            )
        result["web_peak_rss_kib"] = max(peak_rss_kib(pid) for pid in server.worker_pids())
    if with_throughput:
        with serving(config, app="benchmarks.bare_flask:app") as bare:
            result["bare_flask_per_s"] = pages_per_second(
                bare.host, bare.port, paths["partnership_page"], seconds, sign_in=False
            )
    return result

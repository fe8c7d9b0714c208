"""What operators need: /healthz, /readyz, Prometheus /metrics, request ids, JSON logs."""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Flask, Response, g, has_request_context, jsonify, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from pythonjsonlogger.json import JsonFormatter

from samverkan.audit.sqlstore import tree_size
from samverkan.plugin_manager import REQUIRED_PLUGINS, Plugins
from samverkan.projections.runner import Projections

READY_MAX_LAG = 1000  # events a projection may be behind the log and still be ready

REQUESTS = Counter(
    "samverkan_http_requests_total", "HTTP requests", ["method", "endpoint", "status"]
)
LATENCY = Histogram(
    "samverkan_http_request_duration_seconds", "HTTP request latency", ["method", "endpoint"]
)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def configure_json_logging(level: int = logging.INFO) -> None:
    """One JSON object per log line, each with the request id of the request it belongs to."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
    )
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


class StoreCollector(Collector):
    """Read at scrape time: events recorded, audit tree size, each projection's lag."""

    def __init__(self, projections: Projections) -> None:
        self.projections = projections

    def collect(self) -> Iterator[GaugeMetricFamily]:
        head = self.projections.head()
        yield GaugeMetricFamily("samverkan_events_recorded", "Events in the log", value=head)
        with self.projections.engine.connect() as connection:
            size = tree_size(connection)
        yield GaugeMetricFamily("samverkan_audit_tree_size", "Sequenced audit leaves", value=size)
        lag = GaugeMetricFamily(
            "samverkan_projection_lag_events", "Events not yet applied", labels=["projection"]
        )
        for status in self.projections.status():
            lag.add_metric([status.name], status.pending)
        yield lag


def init_app(app: Flask) -> None:
    projections: Projections = app.extensions["samverkan.projections"]
    plugins: Plugins = app.extensions["samverkan.plugins"]
    service = app.extensions["samverkan"]
    if not app.testing:
        configure_json_logging()

    @app.before_request
    def start_request() -> None:
        g.request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def finish_request(response: Response) -> Response:
        response.headers["X-Request-Id"] = g.get("request_id", "")
        endpoint = request.url_rule.rule if request.url_rule else "unmatched"
        LATENCY.labels(request.method, endpoint).observe(time.perf_counter() - g.get("started", 0))
        REQUESTS.labels(request.method, endpoint, str(response.status_code)).inc()
        return response

    @app.get("/healthz")
    def healthz() -> Any:
        """The process is up."""
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> Any:
        """The store answers and every projection is close to the log's head (else 503).

        Plugins that have failed (in any process on the store) are named in
        ``failing_plugins`` with status ``degraded`` and 200: the instance still serves, so
        it stays in the load balancer. A failed projection of a required plugin (the core
        reads it) is 503; an optional plugin's failed projection is ``degraded``."""
        try:
            head = service.recorder.max_notification_id() or 0
            behind = {s.name: s.pending for s in projections.status() if s.pending > READY_MAX_LAG}
            statuses = [s for s in projections.status() if s.error]
            failed = {s.name: s.error for s in statuses}
            needed = [s.name for s in statuses if s.plugin in REQUIRED_PLUGINS]
            failing = plugins.failing()
        except Exception as error:
            return jsonify(status="unavailable", error=f"{type(error).__name__}: {error}"), 503
        ready = not behind and not needed
        status = "behind" if not ready else "degraded" if failing else "ok"
        body: dict[str, Any] = {"status": status, "head": head, "behind": behind}
        if failed:
            body["failed"] = failed
        if failing:
            body["failing_plugins"] = failing
        return jsonify(body), 200 if ready else 503

    @app.get("/metrics")
    def metrics() -> Response:
        registry = CollectorRegistry()
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        else:
            registry.register(REQUESTS)
            registry.register(LATENCY)
        registry.register(StoreCollector(projections))
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)

"""gunicorn settings for `samverkan serve` (production serving)."""

import multiprocessing
import os

bind = os.environ.get("SAMVERKAN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("SAMVERKAN_WORKERS", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("SAMVERKAN_THREADS", 4))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
accesslog = "-"
access_log_format = (
    '{"remote":"%(h)s","request":"%(r)s","status":%(s)s,"bytes":%(B)s,'
    '"duration_us":%(D)s,"request_id":"%({x-request-id}i)s"}'
)
errorlog = "-"
wsgi_app = "samverkan.web:create_app()"
# gunicorn 27's control socket lives at one path per user: several services (or the
# scale-out test's three app processes) on one host would take it from each other.
control_socket_disable = True


def child_exit(server: object, worker: object) -> None:
    """Let Prometheus forget the counts of a worker that is gone."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]

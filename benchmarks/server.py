"""gunicorn started the way operators start it (`samverkan serve`), on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from samverkan.storage.stores import StoreConfig

from .stores import environment

BIN = Path(sys.executable).parent
CONFIG = Path(__file__).resolve().parent.parent / "config" / "gunicorn.conf.py"
START_TIMEOUT = 60.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    host: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def worker_pids(self) -> list[int]:
        return children(self.process.pid)


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (gunicorn's workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("PPid:") and int(line.split()[1]) == pid:
                found.append(int(entry.name))
    return found


def peak_rss_kib(pid: int) -> int:
    """The high-water mark of a live process's resident memory (VmHWM), KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def wait_until_up(host: str, port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        connection = http.client.HTTPConnection(host, port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.1)
    raise TimeoutError(f"gunicorn on {host}:{port} did not answer in {START_TIMEOUT}s")


@contextmanager
def serving(
    config: StoreConfig,
    *,
    host: str = "127.0.0.1",
    app: str | None = None,
    extra_env: dict[str, str] | None = None,
    workers: int | None = None,
    log: Path | None = None,
) -> Iterator[Server]:
    """`samverkan serve --bind host:port` (or, with ``app``, the same gunicorn config
    serving another WSGI app), stopped on exit."""
    if not host.startswith("127."):
        raise ValueError("benchmarks and stress tests serve on loopback only")
    port = free_port(host)
    env = environment(config) | (extra_env or {})
    env["SAMVERKAN_BIND"] = f"{host}:{port}"
    if workers:
        env["SAMVERKAN_WORKERS"] = str(workers)
    if app is None:
        command = [str(BIN / "samverkan"), "serve", "--bind", f"{host}:{port}"]
        if workers:
            command += ["--workers", str(workers)]
    else:
        command = [str(BIN / "gunicorn"), "--config", str(CONFIG), app]
    if log is None:  # kept so that a server that died can say why
        log = Path(tempfile.mkdtemp(prefix="samverkan-gunicorn-")) / "gunicorn.log"
    output = open(log, "ab")  # noqa: SIM115
    process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
    try:
        try:
            wait_until_up(host, port, process)
        except RuntimeError as exited:
            # `samverkan serve` can lose a race creating its tables with another process
            # (core/application/service/base.py: create_all); start it once more, and say so.
            print(f"warning: {exited} at start (see {log}); starting again", file=sys.stderr)
            process = subprocess.Popen(command, env=env, stdout=output, stderr=output)
            wait_until_up(host, port, process)
        yield Server(process, host, port)
    except Exception as error:
        if isinstance(error, ConnectionRefusedError):  # the master may be on its way out
            with suppress(subprocess.TimeoutExpired):
                process.wait(5)
        if process.poll() is not None:
            raise ServerDied(f"gunicorn exited ({process.returncode}); see {log}") from error
        raise
    finally:
        stop(process)
        output.close()


class ServerDied(RuntimeError):
    """gunicorn's master exited while it was being used."""


def stop(process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def projection_worker(config: StoreConfig, log: Path | None = None) -> Iterator[int]:
    """A `samverkan projections run` process; yields its pid."""
    output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [str(BIN / "samverkan"), "projections", "run", "--poll-interval", "0.05"],
        env=environment(config),
        stdout=output,
        stderr=output,
    )
    try:
        yield process.pid
    finally:
        stop(process)
        if log:
            output.close()  # type: ignore[union-attr]


def run_cli(config: StoreConfig, *args: str, timeout: float = 3600) -> str:
    """Run `samverkan ARGS` on the store; its standard output (fails loudly)."""
    result = subprocess.run(
        [str(BIN / "samverkan"), *args],
        env=environment(config),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"samverkan {' '.join(args)}: {result.stderr.decode()[-2000:]}")
    return result.stdout.decode()


def assert_loopback(host: str) -> None:
    if not host.startswith("127."):
        raise ValueError(f"{host} is not a loopback address")


os.environ.setdefault("SAMVERKAN_SECRET_KEY", "benchmarks-" + "0" * 32)

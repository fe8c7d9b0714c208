"""The wheel alone serves: built, installed (not editable) into a fresh venv, run elsewhere."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("samverkan-*.whl")
    return built


def test_the_wheel_holds_one_package_and_everything_to_serve(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"samverkan"}
    for needed in (
        "samverkan/config/gunicorn.conf.py",
        "samverkan/web/ui/templates/layout.html",
        "samverkan/web/ui/static/",
        "samverkan/web/ui/translations/sv/LC_MESSAGES/messages.mo",
        "samverkan/web/ui/translations/nb/LC_MESSAGES/messages.mo",
        "samverkan/storage/migrations/script.py.mako",
        "samverkan/storage/migrations/versions/0001_texts_users_tokens.py",
        "samverkan/plugins/ledger/templates/",
    ):
        assert any(name.startswith(needed) for name in names), needed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})) as reply:
        return reply.status, reply.read().decode()


def test_the_installed_wheel_serves_the_demo_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "--quiet",
            "-c",
            str(ROOT / "requirements.lock"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SAMVERKAN_WORKERS": "1",
        "SAMVERKAN_SECURE_COOKIES": "n",
    }
    samverkan = str(venv / "bin" / "samverkan")

    def run(*args: str) -> str:
        done = subprocess.run(
            [samverkan, "--data-dir", "data", *args],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("init")
    assert "617 events" in run("demo", "--if-empty")
    token = run("create-admin", "ops@example.org").strip()
    port = free_port()
    server = subprocess.Popen(
        [samverkan, "--data-dir", "data", "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=elsewhere,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert get(f"{base}/healthz")[0] == 200
                break
            except OSError:
                assert server.poll() is None, "samverkan serve exited"
                assert time.monotonic() < deadline, "samverkan serve did not answer"
                time.sleep(0.3)
        status, page = get(f"{base}/sign-in", {"Accept-Language": "sv"})
        assert status == 200 and "Logga in" in page  # templates and compiled catalogs
        status, body = get(f"{base}/api/v1/partnerships", {"Authorization": f"Bearer {token}"})
        assert status == 200 and len(json.loads(body)["items"]) == 5
        site = next(venv.glob("lib/python*/site-packages"))
        assert (site / "samverkan" / "web" / "__init__.py").is_file()
        assert not list(site.glob("__editable__*")), "installed as files, not as a link"
    finally:
        server.terminate()
        server.wait(30)

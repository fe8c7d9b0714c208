"""The bare Flask route P5 compares the partnership page with (served by the same gunicorn)."""

from flask import Flask

app = Flask(__name__)


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/partnerships/<uuid:partnership_id>")
def partnership(partnership_id: object) -> str:
    return f"<!doctype html><title>{partnership_id}</title><h1>{partnership_id}</h1>"

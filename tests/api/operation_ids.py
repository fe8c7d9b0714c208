"""Write tests/api/operation_ids.txt from the OpenAPI document (after an intended change)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from samverkan.storage.stores import StoreConfig
from samverkan.web import create_app

METHODS = ("get", "post", "put", "patch", "delete")


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        settings = {"STORE": StoreConfig(data_dir=Path(directory)), "TESTING": True}
        app = create_app({**settings, "SECRET_KEY": "x", "DISABLE_PLUGINS": "example"})
        try:
            document = app.test_client().get("/api/v1/openapi.json").json
        finally:
            app.extensions["samverkan"].close()
    lines = sorted(
        f"{operation['operationId']} {method.upper()} {path}"
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    )
    Path(__file__).with_name("operation_ids.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

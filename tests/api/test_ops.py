"""Operations endpoints: health, readiness, Prometheus metrics, request ids."""

from flask import Flask

from tests.api.callers import Caller


def test_health_and_readiness(flask_app: Flask) -> None:
    client = flask_app.test_client()
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json["status"] == "ok"


def test_readiness_fails_while_a_projection_is_behind(flask_app: Flask, admin: Caller) -> None:
    import samverkan.web.ops

    admin.post(
        "/api/v1/organisations",
        json={"name": "Region Gävleborg", "kind": "region", "country": "SE"},
    )
    projections = flask_app.extensions["samverkan.projections"]
    service = flask_app.extensions["samverkan"]
    for i in range(3):  # recorded behind the web process's back, as another process would
        service.register_organisation(admin_actor(admin), f"Kommun {i}", "municipality", "SE")
    original = samverkan.web.ops.READY_MAX_LAG
    samverkan.web.ops.READY_MAX_LAG = 2
    try:
        behind = flask_app.test_client().get("/readyz")
        assert behind.status_code == 503 and "current_state" in behind.json["behind"]
        projections.catch_up()
        assert flask_app.test_client().get("/readyz").status_code == 200
    finally:
        samverkan.web.ops.READY_MAX_LAG = original


def admin_actor(admin: Caller):
    from samverkan.domain.base import Actor

    return Actor(admin.user_id, admin.organisation_id)


def test_metrics_count_requests_and_lag(flask_app: Flask, admin: Caller) -> None:
    admin.get("/api/v1/organisations")
    flask_app.extensions["samverkan.projections"].catch_up()  # the fixtures wrote directly
    text = flask_app.test_client().get("/metrics").get_data(as_text=True)
    assert (
        'samverkan_http_requests_total{endpoint="/api/v1/organisations",method="GET",status="200"}'
        in text
    )
    assert "samverkan_events_recorded" in text
    assert 'samverkan_projection_lag_events{projection="current_state"} 0.0' in text


def test_every_response_carries_a_request_id(flask_app: Flask) -> None:
    client = flask_app.test_client()
    assert len(client.get("/healthz").headers["X-Request-Id"]) == 32
    echoed = client.get("/healthz", headers={"X-Request-Id": "abc123"})
    assert echoed.headers["X-Request-Id"] == "abc123"

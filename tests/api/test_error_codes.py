"""One meaning per error code, on the command line and in the API."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from sujet import errors as E
from sujet.api.errors import API_CODES, INTERNAL
from sujet.store import Store


def _all(cls: type[E.SujetError]) -> list[type[E.SujetError]]:
    return [cls, *(sub for child in cls.__subclasses__() for sub in _all(child))]


def test_each_code_has_one_class_and_the_api_codes_are_its_own() -> None:
    classes = _all(E.SujetError)
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
    assert not set(API_CODES) & set(codes) - {E.NotFound.code}
    assert E.SujetError.code == INTERNAL
    assert E.ModelError.code == "E500"


def test_an_unexpected_failure_is_e000_and_a_missing_model_e500(
    store: Store, make_client: Callable[..., TestClient]
) -> None:
    client = make_client(store)
    app = client.app

    def broken() -> None:
        raise RuntimeError("boom")

    def no_model() -> None:
        raise E.ModelError("pair model not found: x.json")

    app.add_api_route("/api/v1/_broken", broken)  # type: ignore[attr-defined]
    app.add_api_route("/api/v1/_no_model", no_model)  # type: ignore[attr-defined]
    failed = TestClient(app, raise_server_exceptions=False).get("/api/v1/_broken")
    assert failed.status_code == 500
    assert failed.json() == {"error": {"code": "E000", "message": "internal error"}}
    missing = client.get("/api/v1/_no_model")
    assert missing.status_code == 503
    assert missing.json()["error"]["code"] == "E500"

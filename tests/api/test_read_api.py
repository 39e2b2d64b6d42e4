"""Read endpoints of the REST API on a seeded store (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_reports_store_schema_and_counts(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["schema_version"] >= 1
    assert body["counts"]["articles"] == 6
    assert body["counts"]["events"] == 3
    assert body["counts"]["storylines"] == 1
    assert body["counts"]["entities"] == 4
    assert body["writes_enabled"] is True
    assert "@" not in body["store"] and "/" not in body["store"]


def test_articles_paginate_with_total(client: TestClient) -> None:
    first = client.get("/api/v1/articles", params={"limit": 2}).json()
    second = client.get("/api/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 6
    assert len(first["items"]) == len(second["items"]) == 2
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    dates = [a["date"] for a in first["items"]]
    assert dates == sorted(dates, reverse=True)


def test_article_filters(client: TestClient) -> None:
    def ids(**params: object) -> set[str]:
        body = client.get("/api/v1/articles", params=params).json()
        assert body["total"] == len(body["items"])
        return {a["id"] for a in body["items"]}

    assert ids(language="de") == {"de1", "dup1"}
    assert ids(language="de", include_duplicates=False) == {"de1"}
    assert ids(date_from="2025-01-01", date_to="2025-06-30") == {"en1", "evil"}
    assert ids(entity="p-mazur") == {"ru1", "de1", "ru2"}
    assert ids(event="ev-2024") == {"ru1", "de1"}
    assert ids(source="belta.by") == {"de1"}  # the site
    assert ids(source="news.example/ru") == {"ru1", "ru2"}  # part of the source


def test_limit_is_capped_and_errors_are_json(client: TestClient) -> None:
    r = client.get("/api/v1/articles", params={"limit": 201})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "E422"
    assert "limit" in r.json()["error"]["message"]
    r = client.get("/api/v1/articles", params={"date_from": "30.08.2024"})
    assert r.status_code == 422
    missing = client.get("/api/v1/articles/nope")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"code": "E404", "message": "no article with id nope"}}
    assert client.get("/api/v1/no-such-route").json()["error"]["code"] == "E404"


def test_article_detail_has_mentions_and_persons_panel(client: TestClient) -> None:
    body = client.get("/api/v1/articles/ru1").json()
    assert body["text"].startswith("ТОМСК, 30 авг")
    surfaces = [m["surface"] for m in body["mentions"]]
    assert "Александром Пархомчиком" in surfaces
    for m in body["mentions"]:
        assert body["text"][m["start"]:m["end"]] == m["surface"]
    panel = {p["name"]: p for p in body["persons"]}
    assert set(panel) == {"Владимир Мазур", "Александр Пархомчик"}
    # The person's last position, and apart from it the one this article states.
    parkh = panel["Александр Пархомчик"]
    assert parkh["last_position"]["title"] == "вице-премьер"
    assert parkh["position_here"]["title"] == "министр промышленности"
    assert panel["Владимир Мазур"]["mentions"] == 3
    assert panel["Владимир Мазур"]["mentions_here"] == 1
    assert {f["kind"] for f in body["facts"]} == {"agreement", "figure"}


def test_events_newest_first_with_filters(client: TestClient) -> None:
    body = client.get("/api/v1/events").json()
    assert [e["id"] for e in body["items"]] == ["ev-2025", "ev-evil", "ev-2024"]
    assert body["total"] == 3
    assert body["items"][2]["reports"] == 2
    de = client.get("/api/v1/events", params={"language": "de"}).json()
    assert [e["id"] for e in de["items"]] == ["ev-2024"] and de["total"] == 1
    page = client.get("/api/v1/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [e["id"] for e in page["items"]] == ["ev-evil"]
    old = client.get("/api/v1/events", params={"date_to": "2024-12-31"}).json()
    assert [e["id"] for e in old["items"]] == ["ev-2024"]


def test_event_detail(client: TestClient) -> None:
    body = client.get("/api/v1/events/ev-2024").json()
    assert {a["id"] for a in body["articles"]} == {"ru1", "de1"}
    assert {e["id"] for e in body["entities"]} == {"p-mazur", "p-parkh", "l-tomsk"}
    assert body["members"][0]["why"] == ["same people: Мазур, Пархомчик"]
    assert client.get("/api/v1/events/none").status_code == 404


def test_storylines(client: TestClient) -> None:
    body = client.get("/api/v1/storylines").json()
    assert body["total"] == 1 and body["items"][0]["event_ids"] == ["ev-2024", "ev-2025"]
    detail = client.get("/api/v1/storylines/st-1").json()
    assert [e["id"] for e in detail["events"]] == ["ev-2024", "ev-2025"]
    assert client.get("/api/v1/storylines/none").status_code == 404


def test_entities_list_and_type_filter(client: TestClient) -> None:
    people = client.get("/api/v1/entities", params={"type": "PER"}).json()
    assert people["total"] == 3
    assert {e["type"] for e in people["items"]} == {"PER"}
    places = client.get("/api/v1/entities", params={"type": "LOC"}).json()
    assert [e["id"] for e in places["items"]] == ["l-tomsk"]
    by_name = client.get("/api/v1/entities", params={"name": "Masur"}).json()
    assert [e["id"] for e in by_name["items"]] == ["p-mazur"]
    assert client.get("/api/v1/entities", params={"type": "XYZ"}).status_code == 422
    one = client.get("/api/v1/entities/p-parkh").json()
    assert one["last_position"]["title"] == "вице-премьер"


def test_dossier(client: TestClient) -> None:
    d = client.get("/api/v1/entities/p-parkh/dossier").json()
    assert d["variants_by_script"]["Cyrillic"][0] == "Александр Пархомчик"
    assert d["variants_by_script"]["Latin"] == ["Alexander Parchomtschik"]
    assert [p["title"] for p in d["positions"]] == ["министр промышленности", "вице-премьер"]
    assert d["mentions_over_time"] == [{"period": "2024-08", "count": 2},
                                       {"period": "2025-09", "count": 1}]
    co = {c["entity_id"]: c["articles"] for c in d["co_mentioned"]}
    assert co["p-mazur"] == 3 and co["l-tomsk"] == 1
    assert d["articles"]["total"] == 3
    assert {a["id"] for a in d["articles"]["items"]} == {"ru1", "de1", "ru2"}
    assert client.get("/api/v1/entities/none/dossier").status_code == 404


def test_search_expands_names_across_scripts(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "Мазур"}).json()
    assert "Wladimir Masur" in body["expanded_terms"]
    ids = {h["article"]["id"] for h in body["items"]}
    assert {"ru1", "de1", "ru2"} <= ids  # the German article only through the variant
    assert body["total"] >= 3
    de_hit = next(h for h in body["items"] if h["article"]["id"] == "de1")
    assert "«" in de_hit["snippet"]
    only_de = client.get("/api/v1/search", params={"q": "Мазур", "language": "de"}).json()
    assert {h["article"]["id"] for h in only_de["items"]} <= {"de1", "dup1"}
    assert client.get("/api/v1/search", params={"q": ""}).status_code == 422


def test_search_pagination(client: TestClient) -> None:
    full = client.get("/api/v1/search", params={"q": "Мазур"}).json()
    assert full["total_is_lower_bound"] is False and full["total"] == len(full["items"])
    page = client.get("/api/v1/search", params={"q": "Мазур", "limit": 1, "offset": 1}).json()
    assert [h["article"]["id"] for h in page["items"]] == [full["items"][1]["article"]["id"]]
    assert page["total_is_lower_bound"] is True and 2 < page["total"] <= full["total"]
    last = client.get("/api/v1/search", params={"q": "Мазур", "limit": 1,
                                                "offset": full["total"] - 1}).json()
    assert last["total"] == full["total"] and last["total_is_lower_bound"] is False


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/v1/articles" in spec["paths"] and "/api/v1/ingest" in spec["paths"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/docs.js" in page.text
    assert "cdn" not in page.text.lower() and "swagger" not in page.text.lower()
    assert client.get("/redoc").status_code == 404

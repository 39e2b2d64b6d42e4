"""Quotes on the article and event pages and in the dossier (HTML and JSON), escaped."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sujet.model import Quote
from sujet.store import Store


def test_quotes_on_pages_and_in_the_dossier(seeded: Store, client: TestClient) -> None:
    seeded.replace_quotes(
        "ru1",
        [
            Quote("ru1", "Сотрудничество <b>будет</b> расти", 0, 10, "Владимир Мазур", "p-mazur",
                  "direct", "сказал"),
        ],
    )
    article = client.get("/articles/ru1").text
    assert "Сотрудничество &lt;b&gt;будет&lt;/b&gt; расти" in article
    assert 'href="/entities/p-mazur"' in article
    assert "Сотрудничество &lt;b&gt;" in client.get("/events/ev-2024").text
    entity = client.get("/entities/p-mazur").text
    assert "What Владимир Мазур said" in entity and "Сотрудничество" in entity
    dossier = client.get("/api/v1/entities/p-mazur/dossier").json()
    assert [(q["speaker"], q["kind"]) for q in dossier["quotes"]] == [("Владимир Мазур", "direct")]
    assert "No quotes found." in client.get("/articles/de1").text

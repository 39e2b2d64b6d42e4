"""One service layer: `sujet … --json` prints what the API returns for the same record, and the
dossier is assembled once (sujet.services)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sujet.cli import app as cli_app
from sujet.services.dossier import build_dossier, find_entity
from sujet.store import Store


def cli_json(store_url: str, *args: str) -> Any:
    out = CliRunner().invoke(cli_app, [*args, "--json", "--db", store_url])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    ("args", "path", "key"),
    [
        (["show", "ru1"], "/api/v1/articles/ru1", None),
        (["event", "ev-2024"], "/api/v1/events/ev-2024", None),
        (["storyline", "st-1"], "/api/v1/storylines/st-1", None),
        (["entity", "p-parkh"], "/api/v1/entities/p-parkh/dossier", None),
        (["articles"], "/api/v1/articles", "items"),
        (["events"], "/api/v1/events", "items"),
        (["storylines"], "/api/v1/storylines", "items"),
        (["entities"], "/api/v1/entities", "items"),
        (["search", "Мазур"], "/api/v1/search?q=Мазур", "items"),
        (["top", "--from", "2024-08-01", "--to", "2024-09-30"],
         "/api/v1/top?date_from=2024-08-01&date_to=2024-09-30", "items"),
        (["rising", "--from", "2025-09-01", "--to", "2025-09-30"],
         "/api/v1/rising?date_from=2025-09-01&date_to=2025-09-30", "items"),
    ],
)
def test_the_cli_json_is_the_api_response(
    seeded: Store, store_url: str, make_client: Callable[..., TestClient], args: list[str],
    path: str, key: str | None,
) -> None:
    api = make_client(seeded).get(path)
    assert api.status_code == 200, api.text
    expected = api.json() if key is None else api.json()[key]
    assert expected, "the seeded store answers every query"
    assert cli_json(store_url, *args) == expected


def test_the_dossier_of_a_person(seeded: Store) -> None:
    parkh = find_entity(seeded, "Пархомчик")
    assert parkh.id == "p-parkh"
    assert find_entity(seeded, "Alexander Parchomtschik").id == "p-parkh"  # a variant
    dossier = build_dossier(seeded, parkh.id, limit=2)
    assert dossier.entity.name == "Александр Пархомчик"
    assert [p.title for p in dossier.positions] == ["министр промышленности", "вице-премьер"]
    assert dossier.entity.last_position is not None
    assert dossier.entity.last_position.title == "вице-премьер"
    assert dossier.variants_by_script == {
        "Cyrillic": ["Александр Пархомчик", "Александром Пархомчиком"],
        "Latin": ["Alexander Parchomtschik"]}
    assert {c.entity_id for c in dossier.co_mentioned} >= {"p-mazur"}
    assert dossier.articles.total == 3 and len(dossier.articles.items) == 2
    assert [c.period for c in dossier.mentions_over_time] == ["2024-08", "2025-09"]


def test_the_cli_export_columns_are_public_article_fields() -> None:
    from sujet.api.schemas import ArticlePublic
    from sujet.cli.articles import EXPORT_FIELDS

    assert set(EXPORT_FIELDS) == set(ArticlePublic.model_fields) - {"mentions", "persons", "facts"}

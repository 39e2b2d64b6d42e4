"""The entity resolver reads its candidates from the store's name keys, chunk by chunk: the same
entities as one in-memory pass over the same articles, and no more entities in memory than a
chunk's candidates, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from shared_paths import shared_path
from sqlalchemy import delete, func, select, update

from sujet.config import Settings
from sujet.entities.analyze import ArticleEntities, LocalEntity
from sujet.entities.entity_source import StoreEntities
from sujet.entities.gazetteer import fold
from sujet.entities.name_keys import entity_keys, keys_of_names
from sujet.entities.resolve import EntityResolver, resolve
from sujet.model import Article, Entity, stable_id
from sujet.pipeline.enrich import EntityEnricher, prepare_entities
from sujet.pipeline.ingest import FAILED, run_ingest
from sujet.store import SCHEMA_VERSION, Store, open_store
from sujet.store.repositories.entities import entity_name_keys
from sujet.store.schema import meta
from sujet.store.sql_store import SqlStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
CHUNK = 3  # articles per enrichment call
CALLS_PER_RUN = 2  # a new enricher (as a new process) after this many calls

Analysed = list[tuple[ArticleEntities, Article]]


def _seeds() -> list[Article]:
    folder = shared_path("seeds")
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    return [Article(id=f"seed-{n}", source=rec["file"], language=rec["language"],
                    text=(folder / rec["file"]).read_text("utf-8"), title=rec.get("title"),
                    date=rec.get("date"), content_hash=f"seed-{n}")
            for n, rec in enumerate(gold["articles"])]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Analysed:
    """The project's corpus (as extracted by an ingest) and the sample pages, analysed, in the
    order the resolver takes them (oldest first)."""
    db = tmp_path_factory.mktemp("extracted") / "corpus.sqlite"
    settings = Settings(db=f"sqlite:///{db}")
    with open_store(settings.db) as store:
        run_ingest([str(CORPUS)], store, settings, enrichers=[])
        articles = [a for a in store.iter_articles() if not a.duplicate_of]
    out: Analysed = []
    for article in [*articles, *_seeds()]:
        analysis = prepare_entities(article)
        assert analysis is not None
        out.append((analysis, article))
    out.sort(key=lambda x: (x[1].date or x[0].date or "9999", x[0].article_id))
    assert len(out) >= 20
    return out


def _fresh(analysed: Analysed) -> Analysed:
    return [(copy.deepcopy(x), a) for x, a in analysed]


def _chunks(items: Analysed) -> list[Analysed]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]


def _table(entities: Iterable[Entity]) -> list[tuple[Any, ...]]:
    """Everything the resolver keeps of an entity, comparable."""
    return sorted(
        (e.id, e.type, e.name, e.mentions, tuple(e.variants), e.first_seen, e.last_seen,
         tuple((p.title, p.date, p.article_id, p.organisation, p.language) for p in e.positions),
         json.dumps(e.metadata, sort_keys=True, ensure_ascii=False))
        for e in entities
    )


def _stored_entities(store: Store) -> list[Entity]:
    return list(store.iter_entities())


def _enrich_in_chunks(store: Store, items: Analysed) -> None:
    """Enrich ``items`` chunk by chunk, a new enricher every few calls; after each call the
    resolver holds no entity."""
    store.add_articles([a for _, a in items])
    settings = Settings(db="sqlite://")
    enricher = EntityEnricher(settings)
    for n, chunk in enumerate(_chunks(items)):
        if n and n % CALLS_PER_RUN == 0:
            enricher = EntityEnricher(settings)
        counts = enricher([a for _, a in chunk], store, {a.id: x for x, a in chunk})
        assert not counts[FAILED]
        assert enricher._resolver is not None and enricher._resolver.entities == {}


def test_chunked_store_lookups_give_the_entities_of_one_pass(store: Store,
                                                             analysed: Analysed) -> None:
    whole = _fresh(analysed)
    expected = resolve([x for x, _ in whole], {a.id: a for _, a in whole})
    assert sum(1 for e in expected if e.type == "PER" and len(e.metadata["articles"]) > 1)
    _enrich_in_chunks(store, _fresh(analysed))
    assert _table(_stored_entities(store)) == _table(expected)
    # every stored mention points at the entity the single pass gave it
    for analysis, article in whole:
        stored = [(m.start, m.end, m.entity_id) for m in store.mentions_of_article(article.id)]
        assert stored == [(m.start, m.end, m.entity_id) for m in analysis.mentions]


def test_name_keys_follow_the_stored_entities(store: Store, analysed: Analysed) -> None:
    _enrich_in_chunks(store, _fresh(analysed))
    entities = _stored_entities(store)
    assert isinstance(store, SqlStore)
    with store.backend.engine.connect() as conn:
        rows = {(k, i) for k, i in conn.execute(select(entity_name_keys))}
    assert rows == {(k, e.id) for e in entities for k in entity_keys(e)}
    gone = entities[0]
    store.delete_entities([gone.id])
    assert not store.has_entity(gone.id)
    assert store.has_entity(entities[1].id)
    found = store.entity_ids_for_keys(sorted(entity_keys(gone)))
    assert all(gone.id not in ids for ids in found.values())


def test_resolver_holds_only_the_chunks_candidates(store: Store, analysed: Analysed) -> None:
    items = _fresh(analysed)
    first, rest = items[:len(items) // 2], items[len(items) // 2:]
    _enrich_in_chunks(store, first)
    # many stored entities no name of the next chunk looks up
    store.upsert_entities([Entity(f"filler-{i}", "PER", f"Ortwin{i} Quellenbaum{i}",
                                  variants=[f"O. Quellenbaum{i}"]) for i in range(300)])
    stored = store.count_entities()
    chunk = rest[:CHUNK]
    store.add_articles([a for _, a in chunk])
    keys: set[str] = set()
    for analysis, _ in chunk:
        for local in analysis.entities:
            keys |= keys_of_names(local.type, [*filter(None, local.variants), local.name])
    candidates = set().union(*store.entity_ids_for_keys(sorted(keys)).values())
    resolver = EntityResolver(source=StoreEntities(store))
    report = resolver.add_many(chunk)
    assert resolver.entities
    assert set(resolver.entities) <= candidates | set(report.created)
    assert len(resolver.entities) < stored - 300
    resolver.release()
    assert resolver.entities == {}


def test_a_namesake_takes_the_first_free_suffix(store: Store) -> None:
    """Ids of namesakes kept apart do not depend on what the resolver holds: the first suffix
    no stored or held entity has."""
    name = "Иван Петров"
    store.upsert_entities([Entity(stable_id("PER", fold(name)), "PER", name),
                           Entity(stable_id("PER", fold(name), "2"), "PER", name)])
    resolver = EntityResolver(source=StoreEntities(store))
    assert resolver._create(LocalEntity("PER", name)) == stable_id("PER", fold(name), "3")
    assert resolver._create(LocalEntity("PER", name)) == stable_id("PER", fold(name), "4")
    resolver.release()
    assert resolver._create(LocalEntity("PER", name)) == stable_id("PER", fold(name), "3")


def test_version_10_store_gets_the_name_keys(store_url: str) -> None:
    people = [Entity("p1", "PER", "Владимир Мазур", ["Wladimir Masur", "Мазур"]),
              Entity("o1", "ORG", "Иннопром", ["INNOPROM"])]
    with open_store(store_url) as store:
        assert isinstance(store, SqlStore)
        store.upsert_entities(people)
        with store.backend.engine.begin() as conn:  # as a store written before migration 11
            conn.execute(delete(entity_name_keys))
            conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="10"))
        assert store.entity_ids_for_keys(sorted(entity_keys(people[0]))) == {}
    with open_store(store_url) as upgraded:
        assert isinstance(upgraded, SqlStore)
        assert upgraded.schema_version() == SCHEMA_VERSION
        with upgraded.backend.engine.connect() as conn:
            rows = {(k, i) for k, i in conn.execute(select(entity_name_keys))}
            assert conn.execute(select(func.count()).select_from(entity_name_keys)).scalar() \
                == len(rows)
        assert rows == {(k, e.id) for e in people for k in entity_keys(e)}
        found = upgraded.entity_ids_for_keys(sorted(entity_keys(people[0])))
        assert found and all(ids == {"p1"} for ids in found.values())

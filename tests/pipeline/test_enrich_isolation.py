"""One bad article never stops enrichment: it is isolated, reported, marked, and left for
``sujet enrich``; every other article of its chunk is enriched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sujet.config import Settings
from sujet.errors import EnrichmentFailed, ModelError
from sujet.model import Article, Entity
from sujet.pipeline.enrich import EntityEnricher
from sujet.pipeline.ingest import (
    ENRICH_FAILED,
    FAILED,
    ArticleFailure,
    IngestReport,
    finish_enrichment,
    run_enrichers,
    run_ingest,
    stage_of,
)
from sujet.store import open_store
from sujet.store.base import IngestRecord, Store

E700 = EnrichmentFailed.code


class Tagger:
    """A stateful enricher that raises whenever its chunk holds one of the ``bad`` articles.

    Like a real enricher it changes its state before it finds the bad article, and relies on
    ``reset`` to forget what a failed call did.
    """

    stage = "tags"

    def __init__(self, bad: set[str], error: Exception | None = None) -> None:
        self.bad = bad
        self.error = error
        self.tagged: list[str] = []  # ids enriched by calls that went through
        self.pending: list[str] = []
        self.calls = 0
        self.resets = 0

    def reset(self) -> None:
        self.resets += 1
        self.pending = []

    def __call__(self, articles: list[Article], store: Store) -> dict[str, Any]:
        self.calls += 1
        for a in articles:
            self.pending.append(a.id)
            if a.id in self.bad or a.source in self.bad:
                raise self.error or ValueError(f"cannot tag {a.id}")
        self.tagged += self.pending
        self.pending = []
        for a in articles:
            a.metadata["tag"] = a.id.upper()
        return {"tagged": len(articles)}


def _articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"a{i}",
            source=f"/news/a{i}.html",
            text=f"Article number {i} about the regional budget.",
            language="en",
            content_hash=f"h{i}",
            metadata={"enriched": False},
        )
        for i in range(n)
    ]


@pytest.fixture()
def store(tmp_path: Path):
    with open_store(f"sqlite:///{tmp_path / 'enrich.sqlite'}") as s:
        yield s


def _stored(store: Store, n: int) -> list[Article]:
    arts = _articles(n)
    store.add_articles(arts)
    return arts


def _meta(store: Store, article_id: str) -> dict[str, Any]:
    art = store.get_article(article_id)
    assert art is not None
    return art.metadata


def test_one_bad_article_is_isolated_and_reported(store: Store) -> None:
    arts = _stored(store, 7)
    tagger = Tagger({"a4"})
    report = IngestReport()
    run_enrichers(arts, store, [tagger], report)
    assert sorted(tagger.tagged) == [f"a{i}" for i in range(7) if i != 4]
    assert report.enrich["tagged"] == 6  # counters of failed calls do not count
    assert report.enrich["tags_failed"] == 1
    assert tagger.resets >= 1
    data = report.as_dict()
    assert data["rejects"] == [
        {
            "stage": "tags",
            "source": "/news/a4.html",
            "code": E700,
            "reason": "ValueError: cannot tag a4",
        }
    ]
    assert data["dropped"] == {f"{E700} enrichment failed on this article": 1}
    for a in arts:
        meta = _meta(store, a.id)
        if a.id == "a4":
            assert meta["enriched"] == ENRICH_FAILED
            assert meta["enrich_errors"] == [
                {"stage": "tags", "code": E700, "reason": "ValueError: cannot tag a4"}
            ]
            assert "tag" not in meta
        else:
            assert meta["enriched"] is True
            assert meta["tag"] == a.id.upper()
            assert "enrich_errors" not in meta


def test_several_bad_articles_and_a_plain_function(store: Store) -> None:
    arts = _stored(store, 9)
    seen: list[str] = []

    def flaky(articles: list[Article], _store: Store) -> dict[str, Any]:
        if any(a.id in ("a0", "a5", "a8") for a in articles):
            raise RuntimeError("flaky")
        seen.extend(a.id for a in articles)
        return {"flaky_done": len(articles)}

    report = IngestReport()
    run_enrichers(arts, store, [flaky], report)
    assert stage_of(flaky) == "flaky"
    assert sorted(seen) == ["a1", "a2", "a3", "a4", "a6", "a7"]
    assert report.enrich == {"flaky_failed": 3, "flaky_done": 6}
    assert sorted((r.stage, r.source, r.code) for r in report.rejects) == [
        ("flaky", f"/news/a{i}.html", E700) for i in (0, 5, 8)
    ]
    marks = {a.id: _meta(store, a.id)["enriched"] for a in arts}
    assert [i for i, m in marks.items() if m is not True] == ["a0", "a5", "a8"]


def test_a_sujet_error_keeps_its_code_and_later_enrichers_still_run(store: Store) -> None:
    arts = _stored(store, 4)
    first = Tagger({"a2"}, ModelError("tagger model missing"))
    second = Tagger(set())
    second.stage = "second"
    report = IngestReport()
    run_enrichers(arts, store, [first, second], report)
    assert [(r.stage, r.code, r.reason) for r in report.rejects] == [
        ("tags", "E500", "tagger model missing")
    ]
    assert sorted(second.tagged) == ["a0", "a1", "a2", "a3"]
    assert report.enrich["second_failed"] == 0
    assert _meta(store, "a2")["enrich_errors"] == [
        {"stage": "tags", "code": "E500", "reason": "tagger model missing"}
    ]


def test_failures_an_enricher_hands_back(store: Store) -> None:
    arts = _stored(store, 3)

    def picky(articles: list[Article], _store: Store) -> dict[str, Any]:
        failed = [ArticleFailure(a.id, E700, "no text to read") for a in articles if a.id == "a1"]
        return {"picky_done": len(articles) - len(failed), FAILED: failed}

    report = IngestReport()
    run_enrichers(arts, store, [picky], report)
    assert report.enrich == {"picky_failed": 1, "picky_done": 2}
    assert [(r.stage, r.source, r.code, r.reason) for r in report.rejects] == [
        ("picky", "/news/a1.html", E700, "no text to read")
    ]
    assert _meta(store, "a1")["enriched"] == ENRICH_FAILED


def test_failed_articles_wait_for_enrich_all(store: Store) -> None:
    arts = _stored(store, 5)
    settings = Settings()
    run_enrichers(arts, store, [Tagger({"a3"})], IngestReport())
    assert _meta(store, "a3")["enriched"] == ENRICH_FAILED
    # what an ingest does after an interrupted run: a failed article is not tried again
    for a in arts[:2]:
        a.metadata["enriched"] = False
    store.update_articles(arts[:2])
    again = Tagger(set())
    assert finish_enrichment(store, settings, [again], IngestReport()) == 2
    assert sorted(again.tagged) == ["a0", "a1"]
    # `sujet enrich --all` tries it again; a clean run clears the recorded failure
    fixed = Tagger(set())
    report = IngestReport()
    assert finish_enrichment(store, settings, [fixed], report, redo_all=True) == 5
    assert "a3" in fixed.tagged and not report.rejects
    meta = _meta(store, "a3")
    assert meta["enriched"] is True and "enrich_errors" not in meta


PARAGRAPHS = [
    "The regional government presented a new programme on Monday to support small firms, "
    "with cheap loans and advice for owners who want to grow their business.",
    "According to the administration, more than two hundred firms will be supported over the "
    "next three years, most of them in farming and in the crafts.",
]


def _write_pages(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n\n".join(p.replace("regional", f"regional (no. {i})") for p in PARAGRAPHS)
        (folder / f"p{i:02d}.txt").write_text(f"Programme no. {i}\n\n{body}\n", encoding="utf-8")


def test_ingest_goes_on_past_an_article_an_enricher_fails_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    _write_pages(corpus, 6)
    bad = str(corpus / "p03.txt")
    settings = Settings(db=f"sqlite:///{tmp_path / 'db.sqlite'}")
    tagger = Tagger({bad})
    with open_store(settings.db) as store:
        report = run_ingest([str(corpus)], store, settings, enrichers=[tagger])
        assert report.added == 6
        assert report.enrich["tagged"] == 5 and report.enrich["tags_failed"] == 1
        rejects = report.as_dict()["rejects"]
        assert len(rejects) == 1
        assert rejects[0]["stage"] == "tags" and rejects[0]["source"] == bad
        assert rejects[0]["code"] == E700 and rejects[0]["reason"].startswith(
            "ValueError: cannot tag"
        )
        marks = {a.source: a.metadata["enriched"] for a in store.iter_articles()}
        assert marks.pop(bad) == ENRICH_FAILED
        assert set(marks.values()) == {True}
        # A later ingest, even one that resumes an interrupted run, does not retry the bad
        # article (nor anything else: all the rest is enriched).
        store.record_run(IngestRecord("interrupted", "9999-01-01T00:00:00", inputs=["x"]))
        calls = tagger.calls
        second = run_ingest([str(corpus)], store, settings, enrichers=[tagger])
        assert second.enrich["resumed_articles"] == 0
        assert second.added == 0 and not second.rejects and tagger.calls == calls


def test_entity_enricher_survives_a_merge_within_one_article(tmp_path: Path) -> None:
    """A known person carries the other's name as a variant (an earlier merge): the article
    naming both merges them while its first person's id is already handed out."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "n1.txt").write_text(
        "Встреча в Томске\n\n"
        "Губернатор Иван Петров встретился с министром Сергеем Сидоровым в Томске. "
        "Петров и Сидоров подписали соглашение о строительстве новой школы и больницы.\n",
        encoding="utf-8",
    )
    settings = Settings(db=f"sqlite:///{tmp_path / 'db.sqlite'}")
    petrov = Entity("per-petrov", "PER", "Иван Петров", ["Иван Петров", "Сергей Сидоров"], 1)
    sidorov = Entity("per-sidorov", "PER", "Сергей Сидоров", ["Сергей Сидоров"], 5)
    with open_store(settings.db) as store:
        store.upsert_entities([petrov, sidorov])
        report = run_ingest([str(corpus)], store, settings, enrichers=[EntityEnricher(settings)])
        assert report.added == 1
        assert report.rejects == [] and report.enrich["entities_failed"] == 0
        assert report.enrich["entities_merged"] == 1
        assert store.get_entity("per-petrov") is None
        (article,) = list(store.iter_articles())
        assert article.metadata["enriched"] is True
        ids = {m.entity_id for m in store.mentions_of_article(article.id) if m.type == "PER"}
        assert ids == {"per-sidorov"}
        survivor = store.get_entity("per-sidorov")
        assert survivor is not None and survivor.mentions == 1 + 5 + 4

"""Events in incremental use: batches in any order, new reports months later, ids that hold."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from sujet.config import Settings
from sujet.model import Article
from sujet.pipeline.ingest import run_ingest
from sujet.store import open_store
from sujet.store.base import Store

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")


def _item(article: Article) -> str:
    path, _, record = article.source.partition("#")
    rel = Path(path).resolve().relative_to(CORPUS.resolve()).as_posix()
    return f"{rel}#{record}" if record else rel


def _partition(store: Store, key: str) -> set[frozenset[str]]:
    groups: dict[str | None, set[str]] = defaultdict(set)
    for a in store.iter_articles():
        groups[getattr(a, key)].add(_item(a))
    return {frozenset(g) for k, g in groups.items() if k is not None}


def _ingest(tmp: Path, batches: list[list[Path]]) -> Store:
    settings = Settings(db=f"sqlite:///{tmp / 'store.sqlite'}")
    store = open_store(settings.db)
    for batch in batches:
        run_ingest([str(p) for p in batch], store, settings)
    return store


@pytest.fixture(scope="module")
def one_batch(tmp_path_factory: pytest.TempPathFactory):
    store = _ingest(tmp_path_factory.mktemp("one"), [_files()])
    yield store
    store.close()


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_three_batches_in_any_order_give_the_same_events(
        order: tuple[int, int, int], one_batch: Store,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    files = _files()
    thirds = [files[k::3] for k in range(3)]
    store = _ingest(tmp_path_factory.mktemp("three"), [thirds[k] for k in order])
    try:
        assert _partition(store, "event_id") == _partition(one_batch, "event_id")
        assert _partition(store, "storyline_id") == _partition(one_batch, "storyline_id")
    finally:
        store.close()


# New reports on the corpus's topics, months after it: the same region, the same partners,
# other happenings. One is dated only by its year.
_LATER = [
    ("2025-09-04", "ru", "Омская область и Беларусь обсудили поставки удобрений",
     "ОМСК, 4 сен – Омск-Пресс. Делегация Омской области обсудила в Минске поставки калийных "
     "удобрений на 2026 год. Стороны договорились о графике отгрузок по железной дороге."),
    ("2025-09-05", "de", "Omsk und Belarus sprechen über Düngerlieferungen",
     "MINSK, 5. September (BelNachrichten) - Eine Delegation des Gebiets Omsk hat in Minsk über "
     "Lieferungen von Kalidünger für 2026 gesprochen. Vereinbart wurde ein Zeitplan."),
    ("2025-10-15", "ru", "В Омске открылся сервисный центр белорусской техники",
     "ОМСК, 15 окт – Омск-Пресс. В Омске открылся сервисный центр белорусской "
     "сельхозтехники, предусмотренный дорожной картой сотрудничества на 2025–2027 годы."),
    ("2025-10-16", "en", "Belarusian machinery service centre opens in Omsk",
     "OMSK, Oct 16 (Siberia Wire) - A service centre for Belarusian farm machinery opened in "
     "Omsk, as foreseen by the cooperation roadmap for 2025-2027."),
    ("2025-11-20", "ru", "Омские механизаторы прошли обучение в Беларуси",
     "ОМСК, 20 ноя – Омск-Пресс. Первая группа омских механизаторов завершила обучение по "
     "совместной программе Омской области и Беларуси."),
    ("2025-12-28", "de", "Handel zwischen Omsk und Belarus wächst weiter",
     "MINSK, 28. Dezember (BelNachrichten) - Der Warenumsatz zwischen Belarus und dem Gebiet "
     "Omsk ist in den ersten elf Monaten 2025 um 14 Prozent gestiegen."),
    ("2025", "ru", "Итоги года: сотрудничество Омской области и Беларуси",
     "Омская область и Беларусь в 2025 году подписали дорожную карту, открыли сервисный центр "
     "белорусской техники и обучили механизаторов; товарооборот вырос."),
]


def _later_feed(folder: Path) -> Path:
    path = folder / "later.jsonl"
    path.write_text("".join(json.dumps({"title": t, "text": x, "date": d, "lang": lang},
                                       ensure_ascii=False) + "\n"
                            for d, lang, t, x in _LATER), encoding="utf-8")
    return path


def test_new_reports_months_later_get_bounded_events_and_old_ids_hold(
        tmp_path: Path) -> None:
    settings = Settings(db=f"sqlite:///{tmp_path / 'store.sqlite'}")
    window = settings.stories.event_window_days
    with open_store(settings.db) as store:
        run_ingest([str(CORPUS)], store, settings)
        events_before = {e.id for e in store.list_events(limit=1000)}
        lines_before = {s.id for s in store.list_storylines(limit=1000)}
        run_ingest([str(_later_feed(tmp_path))], store, settings)
        # every event id and storyline id seen before still leads somewhere
        assert all(store.resolve_event_id(e) is not None for e in events_before)
        assert all(store.resolve_storyline_id(s) is not None for s in lines_before)
        articles = {a.id: a for a in store.iter_articles()}
        for event in store.list_events(limit=1000):
            days = [date.fromisoformat(articles[m.article_id].date or "")
                    for m in event.members
                    if len(articles[m.article_id].date or "") == 10]
            if days:
                assert (max(days) - min(days)).days <= window, event.title
            years = {(articles[m.article_id].date or "")[:4] for m in event.members}
            assert len(years - {""}) <= 1, (event.title, years)  # never 2024 with 2025
        year_only = next(a for a in articles.values() if a.date == "2025")
        found = store.get_event(year_only.event_id or "")
        assert found is not None
        why = " ".join(next(m.why for m in found.members if m.article_id == year_only.id))
        assert "same day" not in why

from __future__ import annotations

from sujet.entities.analyze import analyze_entities
from sujet.entities.dossier import search_terms
from sujet.entities.resolve import EntityResolver
from sujet.model import Article, stable_id


def _art(aid: str, text: str, lang: str, date: str) -> Article:
    return Article(id=aid, source=aid, text=text, language=lang, date=date)


ARTICLES = [
    _art(
        "a1",
        "Министр промышленности Беларуси Петр Пархомчик посетил Екатеринбург. Пархомчик встретился с Денисом Мантуровым.",
        "ru",
        "2023-07-10",
    ),
    _art(
        "a2",
        "Заместитель премьер-министра Беларуси Петр Пархомчик открыл выставку в Екатеринбурге.",
        "ru",
        "2024-07-08",
    ),
    _art(
        "a3",
        "Губернатор Томской области Владимир Мазур провел встречу. Владимира Мазура поддержал Сергей Масляк.",
        "ru",
        "2024-08-30",
    ),
    _art(
        "a4",
        "Am 30. August trafen sich der Minister Sergej Masljak und der Gouverneur Wladimir Masur in Tomsk.",
        "de",
        "2024-08-30",
    ),
]


def _resolve(arts: list[Article], resolver: EntityResolver | None = None):
    resolver = resolver or EntityResolver()
    analyses = {a.id: analyze_entities(a) for a in arts}
    report = resolver.add_many((analyses[a.id], a) for a in arts)
    return resolver, analyses, report


def _by_variant(resolver: EntityResolver, name: str):
    return next(e for e in resolver.entities.values() if name in e.variants)


def test_cross_script_merge_and_positions_over_time(de_recognizer) -> None:
    resolver, analyses, _report = _resolve(ARTICLES)
    mazur = _by_variant(resolver, "Владимир Мазур")
    assert "Wladimir Masur" in mazur.variants
    assert mazur.mentions == 3
    assert _by_variant(resolver, "Sergej Masljak") is _by_variant(resolver, "Сергей Масляк")
    park = _by_variant(resolver, "Петр Пархомчик")
    assert [p.date for p in park.positions] == ["2023-07-10", "2024-07-08"]
    assert park.positions[0].title.startswith("министр промышленности")
    assert park.last_position is not None and park.last_position.title.startswith(
        "заместитель премьер-министра"
    )
    assert park.first_seen == "2023-07-10" and park.last_seen == "2024-07-08"
    assert park.id == stable_id("PER", "петр пархомчик")
    # every mention carries its entity id
    assert all(m.entity_id for a in analyses.values() for m in a.mentions)


def test_incremental_update_reports_changes(de_recognizer) -> None:
    resolver, _analyses, first = _resolve(ARTICLES[:3])
    mazur = _by_variant(resolver, "Владимир Мазур")
    before = mazur.mentions
    existing = list(resolver.entities.values())
    again, _b, report = _resolve(ARTICLES[3:], EntityResolver(existing))
    assert mazur.id in report.updated
    assert again.entities[mazur.id].mentions > before
    assert not set(report.created) & set(first.created)


def test_namesakes_with_different_surnames_stay_apart() -> None:
    arts = [
        _art("b1", "Президент России Владимир Путин провел совещание.", "ru", "2024-01-01"),
        _art("b2", "Губернатор Владимир Мазур провел совещание.", "ru", "2024-01-02"),
    ]
    resolver, _a, _r = _resolve(arts)
    assert _by_variant(resolver, "Владимир Путин").id != _by_variant(resolver, "Владимир Мазур").id


def test_resolved_person_and_search_terms(de_recognizer) -> None:
    resolver, _analyses, _report = _resolve(ARTICLES)
    park = _by_variant(resolver, "Петр Пархомчик")
    assert park.type == "PER" and park.name == "Петр Пархомчик"
    assert [p.date for p in sorted(park.positions, key=lambda p: p.date or "")] == [
        "2023-07-10", "2024-07-08"]
    terms = search_terms("Мазур", resolver.entities.values())
    assert "Мазура" in terms and "Masur" in terms


def test_analyze_never_fails_on_odd_articles() -> None:
    for art in (
        Article(id="e1", source="e", text="", language="ru"),
        Article(id="e2", source="e", text="Prezydent Andrzej Duda odwiedził Kijów.", language="pl"),
        Article(
            id="e3", source="e", text="Exports rose 30% in 2024, said John Smith.", language=None
        ),
        Article(id="e4", source="e", text="((( ))) 123 ---", language="de"),
    ):
        res = analyze_entities(art)
        assert res.article_id == art.id
        assert all(art.text[m.start : m.end] == m.surface for m in res.mentions)

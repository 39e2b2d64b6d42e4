"""An article that shows two known entities to be one: ids handed out earlier in that same
article must follow the merge (co-mentions, mention ids, the report)."""

from __future__ import annotations

from sujet.entities.analyze import ArticleEntities, LocalEntity
from sujet.entities.resolve import EntityResolver
from sujet.model import Article, Entity, Mention


def _known() -> list[Entity]:
    # "Alpha Holding" is the smaller entity: a merge with "Beta Group" keeps the latter's id.
    alpha = Entity("org-alpha", "ORG", "Alpha Holding", variants=["Alpha Holding"], mentions=1)
    beta = Entity("org-beta", "ORG", "Beta Group", variants=["Beta Group"], mentions=5)
    return [alpha, beta]


def _article() -> tuple[ArticleEntities, Article]:
    """First an entity that matches only Alpha, then one that is known as both names."""
    text = "Alpha Holding said on Monday that Beta Group, formerly Alpha Holding, will grow."
    spans = [("Alpha Holding", 0), ("Beta Group", 34), ("Alpha Holding", 55)]
    mentions = [
        Mention("n1", start, start + len(surface), "ORG", surface, surface)
        for surface, start in spans
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    first = LocalEntity("ORG", "Alpha Holding", ["Alpha Holding"], [0])
    second = LocalEntity("ORG", "Beta Group", ["Beta Group", "Alpha Holding"], [1, 2])
    analysis = ArticleEntities("n1", "en", "2024-05-02", mentions, [first, second])
    article = Article(id="n1", source="n1.html", text=text, language="en", date="2024-05-02")
    return analysis, article


def test_id_merged_away_by_a_later_entity_of_the_same_article() -> None:
    resolver = EntityResolver(_known())
    analysis, article = _article()
    report = resolver.add(analysis, article)
    assert report.merged == {"org-alpha": "org-beta"}
    assert set(resolver.entities) == {"org-beta"}
    # every id the article hands out exists after the article is added
    assert {m.entity_id for m in analysis.mentions} == {"org-beta"}
    assert set(report.created) | set(report.updated) <= set(resolver.entities)
    assert report.updated == ["org-beta"]
    beta = resolver.entities["org-beta"]
    assert beta.mentions == 1 + 5 + 3
    # both local entities are now one entity: it is not its own co-mention
    assert "org-alpha" not in beta.metadata.get("co_mentions", {})
    assert "org-beta" not in beta.metadata.get("co_mentions", {})


def test_merge_within_an_article_through_add_many() -> None:
    resolver = EntityResolver(_known())
    analysis, article = _article()
    report = resolver.add_many([(analysis, article)])
    assert report.merged == {"org-alpha": "org-beta"}
    assert report.updated == ["org-beta"] and report.created == []
    assert resolver.resolve_id("org-alpha") == "org-beta"


def test_co_mentions_of_a_later_article_point_at_surviving_ids() -> None:
    resolver = EntityResolver(_known())
    analysis, article = _article()
    resolver.add(analysis, article)
    gamma = LocalEntity("ORG", "Gamma Bank", ["Gamma Bank"], [0])
    alpha = LocalEntity("ORG", "Alpha Holding", ["Alpha Holding"], [1])
    text = "Gamma Bank lends to Alpha Holding."
    later = ArticleEntities(
        "n2",
        "en",
        "2024-05-03",
        [
            Mention("n2", 0, 10, "ORG", "Gamma Bank", "Gamma Bank"),
            Mention("n2", 20, 33, "ORG", "Alpha Holding", "Alpha Holding"),
        ],
        [gamma, alpha],
    )
    assert text[20:33] == "Alpha Holding"
    resolver.add(later, Article(id="n2", source="n2.html", text=text, language="en"))
    ids = {m.entity_id for m in later.mentions}
    assert "org-beta" in ids and "org-alpha" not in ids
    co = resolver.entities["org-beta"].metadata["co_mentions"]
    assert set(co) <= set(resolver.entities)

from __future__ import annotations

from stories_synthetic import lead_scorer, make

from sujet.config import StorySettings
from sujet.stories.cluster import EventClusterer
from sujet.stories.storylines import build_storylines


def test_meetings_a_year_apart_with_the_same_people_form_one_storyline():
    settings = StorySettings(event_window_days=7, storyline_window_days=730)
    people = {"masur": 3, "masli": 2, "tomsk": 3, "belar": 3}
    reprs = [
        make("m2024", [1, 0.2, 0, 0], "2024-08-30", names=people),
        make("m2024de", [1, 0.25, 0, 0], "2024-08-30", lang="de", names=people),
        make("m2025", [1, 0.35, 0, 0], "2025-09-10", names=people),
        make("fair", [1, 0.3, 0.1, 0], "2024-07-10", names={"novos": 3, "parho": 2, "belar": 2, "inopr": 2}),
        make("fair2", [1, 0.3, 0.15, 0], "2025-07-09", names={"parho": 2, "belar": 1, "inopr": 2}),
        make("other", [0, 0, 0, 1], "2024-08-30", names={"valen": 2}),
    ]
    c = EventClusterer(settings, scorer=lead_scorer(threshold=0.99))
    c.add(reprs)
    # threshold 0.99: only near-identical leads link, so the five articles are four events
    events = c.events
    assert len(events) == 5
    lines = build_storylines(events, reprs, settings)
    by_article = {m.article_id: e.storyline_id for e in events for m in e.members}
    assert by_article["m2024"] == by_article["m2024de"] == by_article["m2025"] is not None
    assert by_article["fair"] == by_article["fair2"] is not None
    assert by_article["fair"] != by_article["m2024"]
    assert by_article["other"] is None
    assert len(lines) == 2
    assert all(len(s.event_ids) >= 2 and s.date_from is not None and s.date_to is not None
               and s.date_from <= s.date_to for s in lines)


def test_storyline_window_limits_links():
    settings = StorySettings(event_window_days=7, storyline_window_days=30)
    names = {"masur": 3, "tomsk": 2}
    reprs = [make("a", [1, 0, 0], "2024-01-01", names=names),
             make("b", [1, 0.1, 0], "2024-06-01", names=names),
             make("z", [0, 0, 1], "2024-01-01", names={"zzzzz": 1})]
    c = EventClusterer(settings, scorer=lead_scorer(threshold=0.99))
    c.add(reprs)
    assert build_storylines(c.events, reprs, settings) == []


def test_shared_countries_never_link_storylines_but_shared_regions_do():
    from dataclasses import replace

    settings = StorySettings(event_window_days=7, storyline_window_days=730)
    names = {"p1": "Vladimir Sokolov", "by": "Belarus", "ru": "Россия", "om": "Omsk Region"}

    def with_entities(aid: str, vec: list[float], date: str, ids: list[str]):
        return replace(make(aid, vec, date), entity_keys=frozenset(ids),
                       entity_names={k: names.get(k, k) for k in ids})

    filler = [with_entities(f"f{i}", [0.9, 0.1 * i, 0.3], f"2024-0{i + 1}-15", [f"x{i}"])
              for i in range(4)]
    # a minister's chip deal and, a year later, a farm deal: one person and two countries shared
    apart = [with_entities("chips", [1, 0.2, 0], "2024-07-09", ["p1", "by", "ru", "c1"]),
             with_entities("farm", [1, 0.3, 0], "2025-06-17", ["p1", "by", "ru", "c2"])]
    c = EventClusterer(settings, scorer=lead_scorer(threshold=0.99))
    c.add(filler + apart)
    assert build_storylines(c.events, filler + apart, settings) == []
    # the same two reports sharing the person and a region are one storyline
    joined = [with_entities("chips", [1, 0.2, 0], "2024-07-09", ["p1", "by", "om", "c1"]),
              with_entities("farm", [1, 0.3, 0], "2025-06-17", ["p1", "by", "om", "c2"])]
    c = EventClusterer(settings, scorer=lead_scorer(threshold=0.99))
    c.add(filler + joined)
    lines = build_storylines(c.events, filler + joined, settings)
    assert [sorted(m.article_id for e in c.events if e.id in s.event_ids for m in e.members)
            for s in lines] == [["chips", "farm"]]

from __future__ import annotations

from stories_synthetic import lead_scorer, make

from sujet.config import StorySettings
from sujet.model import Fact
from sujet.stories.cluster import EventClusterer


def _event(preferred: str, facts=None):
    reprs = [
        make("ru", [1, 0.02, 0], "2024-08-30", lang="ru", names={"masur": 2, "tomsk": 1}),
        make("ru2", [1, 0.03, 0], "2024-08-30", lang="ru", names={"masur": 1}),
        make("de", [1, 0.01, 0], "2024-08-31", lang="de", names={"masur": 1, "tomsk": 2}),
        make("en", [1, 0, 0.02], "2024-09-01", lang="en"),
    ]
    settings = StorySettings(event_window_days=7, preferred_language=preferred)
    c = EventClusterer(settings, scorer=lead_scorer(), facts=facts)
    c.add(reprs)
    assert len(c.events) == 1
    return c.events[0]


def test_headline_in_the_preferred_language_else_the_most_common():
    assert _event("de").title == "title de"
    assert _event("fr").title in {"title ru", "title ru2"}  # ru is the most common language


def test_event_record_fields():
    facts = {"ru": [Fact("ru", "figure", "1,5 млрд рублей"), Fact("ru", "agreement", "соглашение")],
             "de": [Fact("de", "figure", "1,5 Mrd Rubel")]}
    e = _event("en", facts)
    assert e.languages == ["ru", "de", "en"]
    assert (e.date_from, e.date_to) == ("2024-08-30", "2024-09-01")
    assert set(e.summary) == {"ru", "de", "en"} and e.summary["de"] == "lead de."
    assert e.metadata["figures"] == ["1,5 млрд рублей", "1,5 Mrd Rubel"]
    assert e.metadata["agreements"] == ["соглашение"]
    assert e.metadata["key_names"][:2] == ["Masur", "Tomsk"]
    assert [m.article_id for m in e.members][0] in {"ru", "ru2"}

"""The CLI and Python API search finds a name written in the other script."""

from __future__ import annotations

from pathlib import Path

import sujet

FEED = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "feeds" / "siberia-wire.rss"


def test_cyrillic_query_finds_latin_only_articles(tmp_path: Path) -> None:
    with sujet.open(f"sqlite:///{tmp_path / 'store.sqlite'}") as s:
        s.ingest([str(FEED)])  # English reports only: no Cyrillic form of any name is stored
        latin = {h.article.id for h in s.search("Leshchenko")}
        cyrillic = {h.article.id for h in s.search("Лещенко")}
        assert latin and cyrillic == latin
        assert not s.search("Лещенковский")  # no loose prefix match

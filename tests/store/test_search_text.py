"""Stems, query building and snippets, without a database."""

from __future__ import annotations

from sujet.store.search_terms import build_terms
from sujet.store.snippets import make_snippet
from sujet.store.sqlite_backend import fts_query, fts_string
from sujet.store.stemming import fold, index_stems, query_stems, words


def test_words_drop_stress_marks_and_syntax() -> None:
    assert words('Мазу́ра "NEAR(x)" a-b') == ["мазура", "near", "x", "a", "b"]


def test_fold_matches_fts_diacritics_folding() -> None:
    assert fold("Coopération") == "cooperation"
    assert fold("ЁЛКА") == "елка"


def test_index_and_query_stems_meet_across_inflection() -> None:
    indexed = index_stems("Встреча", "с Владимиром Мазуром", "ru").split()
    assert query_stems("мазур", ["ru"]) & set(indexed)
    assert query_stems("zusammenarbeit", ["de"]) & set(
        index_stems(None, "Zusammenarbeiten", "de").split())
    # Cyrillic words in an article of unknown language still get the Russian stemmer.
    assert query_stems("мазура", [None]) & set(index_stems(None, "Мазуром", None).split())


def test_build_terms_dedupes_and_bounds() -> None:
    terms = build_terms("Мазур мазур", ["Мазур", "MAZUR", "", "Wladimir Masur"], ["ru"])
    assert [[t.word for t in alt] for alt in terms.alternatives] == [
        ["мазур"], ["mazur"], ["wladimir", "masur"]]
    assert not build_terms("!!! ...", [], ["ru"])
    assert len(build_terms(" ".join(f"w{i}" for i in range(100)), [], []).alternatives[0]) == 32


def test_fts_query_quotes_every_term() -> None:
    assert fts_string('a"b') == '"a""b"'
    query = fts_query(build_terms("NEAR Мазур", ["Masur"], ["ru"]))
    assert query.startswith('(({title text} : "near"')
    assert 'search_stems : "мазур"' in query
    assert ") OR ((" in query


def test_snippet_marks_inflected_matches() -> None:
    terms = build_terms("Мазур", [], ["ru"])
    snippet = make_snippet("Губернатор «Томской» области встретился с Мазуром.", "ru", terms)
    assert snippet == "Губернатор “Томской” области встретился с «Мазуром»."


def test_snippet_without_match_starts_at_the_beginning() -> None:
    terms = build_terms("absent", [], ["en"])
    text = " ".join(f"w{i}" for i in range(100))
    snippet = make_snippet(text, "en", terms, width=10)
    assert snippet == "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 …"


def test_alternatives_implied_by_others_are_left_out_but_highlighted() -> None:
    terms = build_terms("Мазур", ["Владимир Мазур", "Masur", "Wladimir Masur", "Masur 292"],
                        ["ru", "de"])
    assert [[t.word for t in alt] for alt in terms.alternatives] == [["мазур"], ["masur"]]
    assert sorted(" ".join(t.word for t in alt) for alt in terms.implied) == [
        "masur 292", "wladimir masur", "владимир мазур"]
    assert {"владимир", "wladimir"} <= terms.folded_words()
    assert fts_query(terms).count(" OR (") == 1  # two alternatives
    snippet = make_snippet("Губернатор Владимир Мазур приехал.", "ru", terms)
    assert "«Владимир» «Мазур»" in snippet
    # A query word set that is a superset of an extra term's is implied by it, not lost.
    longer = build_terms("Владимир Мазур", ["Мазур"], ["ru"])
    assert [[t.word for t in alt] for alt in longer.alternatives] == [["мазур"]]
    assert "владимир" in longer.folded_words()

from __future__ import annotations

import math

import pytest

from sujet.entities.positions import PToken
from sujet.entities.positions_pairs import (
    Candidate,
    PairModel,
    Phrase,
    add_priors,
    decode,
    load_model,
    sentence_ids,
)
from sujet.entities.span import Span
from sujet.trees import Tree


def _tok(text: str, start: int, pos: str = "NOUN") -> PToken:
    return PToken(text, start, start + len(text), text.lower(), pos)


def test_sentence_ids_break_at_full_stop_before_capital_and_at_newlines() -> None:
    text = "Иван пришёл. Он ушёл т. е. вчера\nДалее"
    toks = [
        _tok("Иван", 0),
        _tok("пришёл", 5),
        _tok(".", 11, "PUNCT"),
        _tok("Он", 13),
        _tok("ушёл", 16),
        _tok("т", 21),
        _tok(".", 22, "PUNCT"),
        _tok("е", 24),
        _tok(".", 25, "PUNCT"),
        _tok("вчера", 27),
        _tok("Далее", 33),
    ]
    assert sentence_ids(text, toks) == [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2]


def test_tree_model_sums_leaves_over_the_baseline() -> None:
    # one stump on feature "rule": 0 -> -2, 1 -> +3
    stump = Tree.of_columns([0, -1, -1], [0.5, 0.0, 0.0], [1, 0, 0], [2, 0, 0], [0.0, -2.0, 3.0])
    model = PairModel(["rule"], -0.5, [stump, stump], {}, 0.5, 0.9)
    assert model.probability({"rule": 1.0}) == pytest.approx(1 / (1 + math.exp(-5.5)))
    assert model.probability({"rule": 0.0}) == pytest.approx(1 / (1 + math.exp(4.5)))


def test_priors_are_smoothed_shares_of_gold_phrases() -> None:
    f: dict[str, float] = {"head:министр": 1.0, "last_head:министр": 1.0}
    add_priors(f, {"head:министр": (7, 7)})
    assert f["prior_head"] == pytest.approx((7 + 3 * 0.4) / 10)
    assert f["prior_last_head"] == pytest.approx(0.4)  # unseen key: the base rate
    assert f["seen_head"] == pytest.approx(math.log1p(7))


def test_decode_keeps_the_best_person_and_strong_seconds() -> None:
    a, b, c = (Span(s, s + 4, "PER", "Иван") for s in (0, 10, 20))
    p1, p2 = Phrase(5, 5, 6), Phrase(30, 30, 31)
    cands = [Candidate(p1, a), Candidate(p1, b), Candidate(p1, c), Candidate(p2, a)]
    assert decode(cands, [0.6, 0.95, 0.2, 0.3], 0.4, 0.9) == [1]
    assert decode(cands, [0.92, 0.95, 0.2, 0.3], 0.4, 0.9) == [0, 1]
    assert decode(cands, [0.1, 0.2, 0.3, 0.45], 0.4, 0.9) == [3]


def test_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None
    assert model.trees and model.features
    assert 0.0 < model.threshold <= model.second_threshold


def test_candidates_reach_a_person_named_in_the_previous_sentence(ru_recognizer) -> None:
    from sujet.entities.positions import ru_tokens
    from sujet.entities.positions_pairs import candidates

    text = (
        "Владимир Путин прибыл в Минск в пятницу. "
        "Президент России провёл переговоры с белорусскими коллегами."
    )
    parsed = ru_recognizer.parse(text)
    persons = [s for s in parsed.spans if s.type == "PER"]
    cands = candidates(text, ru_tokens(parsed.tokens), persons, "ru")
    back = [c for c in cands if c.person.text == "Владимир Путин"]
    assert back and back[0].features["sd:-1"] == 1.0
    assert back[0].features["phrase_subject"] == 1.0
    assert back[0].features["no_per_in_phrase_sent"] == 1.0
    assert not any(c.person.text == "Минск" for c in cands)

from __future__ import annotations

import numpy as np
from stories_synthetic import make

from sujet.stories.features import ANY_LANGUAGE, FeatureContext, feature_matrix
from sujet.stories.training import grouped_folds, language_centres, text_groups


def test_pairs_that_share_a_text_are_one_group():
    pairs = [(0, 1), (2, 3), (1, 4), (5, 6), (4, 7)]
    groups = text_groups(pairs)
    assert groups[0] == groups[2] == groups[4]
    assert len({groups[0], groups[1], groups[3]}) == 3


def test_grouped_folds_never_split_a_group():
    rng = np.random.default_rng(0)
    groups = rng.integers(0, 40, size=300)
    for seed in (1, 2):
        fold = grouped_folds(groups, 5, seed)
        for g in np.unique(groups):
            assert len(set(fold[groups == g])) == 1
        assert set(fold) == set(range(5))


def _with_deep(aid: str, lang: str, vec: list[float]):
    r = make(aid, lang=lang)
    r.vec_deep = np.asarray(vec, dtype=np.float32)
    return r


def test_language_centres_and_the_fallback_for_rare_languages():
    reprs = [_with_deep(f"de{i}", "de", [1.0, 0.0, 0.1 * i]) for i in range(25)]
    reprs += [_with_deep("fr0", "fr", [0.0, 1.0, 0.0])]
    centres = language_centres(reprs, list(range(len(reprs))))
    assert set(centres) == {ANY_LANGUAGE, "de"}  # one French text: no centre of its own
    assert np.allclose(centres["de"], [1.0, 0.0, 1.2])
    ctx = FeatureContext(centres=centres)
    assert ctx.centre("fr") is centres[ANY_LANGUAGE]


def test_centring_removes_what_two_texts_share_by_language():
    # two German texts that differ only in their own direction, beside the German mean
    a = _with_deep("a", "de", [1.0, 0.2, 0.0])
    b = _with_deep("b", "de", [1.0, -0.2, 0.0])
    raw = feature_matrix([a, b], [(0, 1)], ["e5_lead"])[0, 0]
    centred = feature_matrix([a, b], [(0, 1)], ["e5_lead"],
                             FeatureContext(centres={"de": np.array([1.0, 0.0, 0.0])}))[0, 0]
    assert raw > 0.9 and centred < -0.9

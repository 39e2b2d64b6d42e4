"""IDF-weighted stem overlap and the regression-tree pair model."""

from __future__ import annotations

import numpy as np
import pytest

from sujet.stories.pair_idf import BITS, IdfTable, bucket, default_table, idf_weighted
from sujet.stories.pairmodel import PairModel, Tree
from sujet.stories.represent import stem_cosine


def test_bucket_is_stable_and_in_range():
    assert bucket("masur") == bucket("masur")
    assert 0 <= bucket("parhom") < (1 << BITS)


def test_rare_stems_weigh_more_than_common_ones():
    docs = [{"said": 1.0, "masur": 1.0}] + [{"said": 1.0, "other": 1.0}] * 9
    table = IdfTable.fit(docs)
    assert table.n_docs == 10
    assert table.idf("masur") > table.idf("other") > table.idf("said")
    assert table.idf("never") > table.idf("masur")  # unseen: the largest weight


def test_weighted_overlap_favours_shared_rare_stems():
    docs = [{"said": 1.0}] * 20 + [{"masur": 1.0}]
    table = IdfTable.fit(docs)
    a = {"said": 0.6, "masur": 0.8}
    shares_rare = {"masur": 1.0}
    shares_common = {"said": 1.0}
    plain_gap = stem_cosine(a, shares_rare) - stem_cosine(a, shares_common)
    wa = idf_weighted(a, table)
    weighted_gap = (stem_cosine(wa, idf_weighted(shares_rare, table))
                    - stem_cosine(wa, idf_weighted(shares_common, table)))
    assert weighted_gap > plain_gap
    assert sum(v * v for v in wa.values()) == pytest.approx(1.0)


def test_table_round_trips(tmp_path):
    table = IdfTable.fit([{"a": 1.0, "b": 1.0}, {"a": 1.0}])
    path = tmp_path / "idf.npz"
    table.save(path)
    back = IdfTable.load(path)
    assert back.n_docs == 2 and back.idf("b") == pytest.approx(table.idf("b"))


def test_shipped_table_is_present():
    table = default_table()
    assert table is not None and table.n_docs > 1000


def test_regression_trees_are_clipped_into_unit_range():
    stump = Tree(np.array([0, -1, -1]), np.array([0.5, 0.0, 0.0]), np.array([1, 0, 0]),
                 np.array([2, 0, 0]), np.array([0.0, -0.8, 0.9]))
    m = PairModel(kind="regression_trees", features=["x"], threshold=0.5, intercept=0.3,
                  trees=[stump])
    p = m.probability(np.array([[0.1], [0.9]]))
    assert p.tolist() == [0.0, 1.0]
    back = PairModel.from_json(m.to_json())
    assert back.kind == "regression_trees"
    assert np.allclose(back.log_odds(np.array([[0.1], [0.9]])), [-0.5, 1.2])


def test_shipped_models_use_the_idf_feature():
    from sujet.stories.features import FEATURES
    from sujet.stories.pairmodel import load_pair_model, model_path

    for full in (False, True):
        m = load_pair_model(model_path(full))
        assert m.features == list(FEATURES)
        used = {int(f) for t in m.trees for f in t.feature if f >= 0}
        assert FEATURES.index("stems_idf") in used

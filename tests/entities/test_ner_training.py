"""The German tagger's training recipe: legal sample, weights, folds grouped by document."""

from __future__ import annotations

from sujet.entities.ner.training import (
    LEGAL_SET,
    TrainingOptions,
    fold_of,
    legal_sample,
    training_docs,
)


def _doc(set_name: str, rid: str, text: str, spans: list[tuple[int, int, str]]) -> dict:
    return {"set": set_name, "id": rid, "text": text, "spans": spans}


def test_legal_sample_cuts_sentences_and_keeps_their_spans() -> None:
    text = "Das BVerfG entschied.\nDie Klage wurde abgewiesen.\nK. klagte in Berlin.\n"
    at = text.index("Berlin")
    doc = _doc(LEGAL_SET, "x", text, [(4, 10, "ORG"), (at, at + 6, "LOC")])
    sample = legal_sample([doc], 2, seed=1)
    assert len(sample) == 2
    for piece in sample:
        assert "\n" not in piece["text"]
        assert all(piece["text"][s:e] in ("BVerfG", "Berlin") for s, e, _t in piece["spans"])
    # four in five sampled sentences hold an entity at most: here one with, one without
    assert sorted(bool(piece["spans"]) for piece in sample) == [False, True]


def test_training_docs_sample_legal_text_and_weight_dev_documents() -> None:
    docs = [
        _doc("germeval", "g1", "Angela Merkel sprach.", [(0, 13, "PER")]),
        _doc("smartdata-de", "s1", "Die Bahn streikt.", [(4, 8, "ORG")]),
        _doc(LEGAL_SET, "l1", "Der BGH entschied.\nEr wies ab.\n", [(4, 7, "ORG")]),
    ]
    out = training_docs(docs, TrainingOptions(ler_sentences=1, dev_repeat=2))
    sets = [d["set"] for d in out]
    assert sets.count("germeval") == 2
    assert sets.count("smartdata-de") == 1
    assert sets.count(LEGAL_SET) == 1
    assert not training_docs(docs, TrainingOptions(ler_sentences=0)).count(docs[2])


def test_folds_never_split_a_document_and_skip_training_only_sets() -> None:
    docs = [_doc("germeval", f"g{i}", "x", []) for i in range(9)]
    docs += [_doc("smartdata-de", "s", "x", [])]
    folds = fold_of(docs, 3, seed=13)
    assert set(folds) == {f"g{i}" for i in range(9)}
    assert sorted(folds.values()) == [0, 0, 0, 1, 1, 1, 2, 2, 2]

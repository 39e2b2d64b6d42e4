from __future__ import annotations

import gzip
from pathlib import Path

from sujet.entities.ner.clusters import load_clusters, word_clusters
from sujet.entities.ner.crf import known_names, read_known_names, write_known_names
from sujet.entities.ner.crf_features import known_name_features, sentence_features
from sujet.entities.ner.ru_rules import postprocess
from sujet.entities.span import Span


def test_known_names_vote_and_surname() -> None:
    text = "Angela Merkel traf Siemens. Siemens wuchs. Paris ist schön."
    spans = [(0, 13, "PER"), (19, 26, "ORG"), (28, 35, "LOC"), (43, 48, "LOC")]
    names = known_names([(text, spans), (text, [(28, 35, "ORG")])])
    assert names[("angela", "merkel")] == "PER"
    assert names[("merkel",)] == "PER"  # a person's last name alone, at half weight
    assert names[("siemens",)] == "ORG"  # two votes ORG, one LOC
    assert names[("paris",)] == "LOC"


def test_known_names_roundtrip(tmp_path: Path) -> None:
    names = {("angela", "merkel"): "PER", ("paris",): "LOC"}
    path = tmp_path / "known.tsv.gz"
    write_known_names(names, path)
    assert read_known_names(path) == names
    assert read_known_names(tmp_path / "missing.tsv.gz") == {}


def test_known_name_marks_longest_match_at_capitals() -> None:
    known = {("deutsche", "bank"): "ORG", ("deutsche",): "LOC", ("bank",): "ORG"}
    words = ["Die", "Deutsche", "Bank", "und", "die", "bank", "."]
    marks = known_name_features(words, known)
    assert marks[1] == ["tg_B-ORG"] and marks[2] == ["tg_I-ORG"]
    assert marks[5] == []  # lower-case words do not start a known name
    assert known_name_features(words, None) == [[] for _ in words]


def test_sentence_features_carry_marks_to_neighbours() -> None:
    words = ["Gestern", "kam", "Merkel", "an"]
    feats = sentence_features(words, "de", frozenset(), {("merkel",): "PER"})
    assert "tg_B-PER" in feats[2]
    assert "1:tg_B-PER" in feats[1] and "-1:tg_B-PER" in feats[3]
    assert "cap_bos" in feats[0] and "cap_in" in feats[2]
    assert "tg_B-PER" not in sentence_features(words, "de")[2]


def test_word_clusters_file_and_case_fallback(tmp_path: Path) -> None:
    path = tmp_path / "clusters.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("Berlin\t3\t17\t101\nhaus\t5\t40\t7\n")
    clusters = load_clusters(path)
    assert word_clusters("Berlin", clusters) == ("3", "17", "101")
    assert word_clusters("Haus", clusters) == ("5", "40", "7")  # sentence-initial capital
    assert word_clusters("Unbekannt", clusters) == ()
    assert load_clusters(tmp_path / "none.tsv.gz") == {}


def test_shipped_clusters_group_similar_names() -> None:
    clusters = load_clusters()
    if not clusters:
        return
    assert word_clusters("Hamburg", clusters)[0] == word_clusters("München", clusters)[0]


def _spans(text: str, raw: list[tuple[str, str]]) -> list[Span]:
    out = []
    for surface, typ in raw:
        s = text.index(surface)
        out.append(Span(s, s + len(surface), typ, surface))  # type: ignore[arg-type]
    return out


def test_ru_rules_line_break_and_generic_head() -> None:
    text = "Космонавты вернулись на Землю\n\nВсе отметили. Концерн «Майкрософт» представил план."
    got = postprocess(text, _spans(text, [("Землю\n\nВсе", "LOC"), ("Концерн «Майкрософт", "ORG")]))
    assert [(s.type, s.text) for s in got] == [("LOC", "Землю"), ("ORG", "Майкрософт")]


def test_ru_rules_person_lists_and_initials() -> None:
    text = "Сёмин (Овечкин, Фёдоров) забил. Д.Медведев снял с должности В. Иванова."
    got = postprocess(text, _spans(text, [("Овечкин, Фёдоров", "PER"), ("Иванова", "PER")]))
    assert {(s.type, s.text) for s in got} == {
        ("PER", "Овечкин"),
        ("PER", "Фёдоров"),
        ("PER", "Д.Медведев"),
        ("PER", "В. Иванова"),
    }

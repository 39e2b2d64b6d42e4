from __future__ import annotations

from sujet.dedup import NearDuplicateIndex, content_hash, normalise, signature
from sujet.dedup.fingerprint import from_bytes, jaccard_estimate, to_bytes

BODY = (
    "Die Delegation des Gebietes Tomsk traf sich am Freitag in Minsk mit Vertretern der "
    "belarussischen Industrie. Besprochen wurden gemeinsame Projekte im Maschinenbau, in der "
    "Mikroelektronik und in der Landwirtschaft. Der Gouverneur betonte, dass der Handel im "
    "ersten Halbjahr um ein Drittel gewachsen sei. Beide Seiten vereinbarten, im Herbst eine "
    "Arbeitsgruppe für Hochtechnologie einzurichten und Hochschulen stärker einzubinden. "
    "Im nächsten Jahr soll eine gemeinsame Ausstellung in Tomsk stattfinden."
)


def sig(text: str):
    return signature(text, num_perm=128, shingle_words=5)


def test_normalise_ignores_layout_case_and_punctuation() -> None:
    assert normalise("Ёлка,  ЁЛКА!\n\nёлка") == "елка елка елка"
    assert content_hash("A  b.\nC") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_signature_round_trips_through_bytes() -> None:
    s = sig(BODY)
    assert s.dtype.name == "uint32" and len(s) == 128
    assert (from_bytes(to_bytes(s)) == s).all()


def test_one_changed_sentence_is_a_near_duplicate_and_another_text_is_not() -> None:
    rewrite = BODY.replace(
        "Der Gouverneur betonte, dass der Handel im ersten Halbjahr um ein Drittel gewachsen sei.",
        "Der Handel wuchs laut dem Gouverneur im ersten Halbjahr deutlich.",
    )
    other = (
        "In Nowosibirsk unterzeichneten zwei Universitäten ein Abkommen über gemeinsame "
        "Studiengänge. Studierende sollen ab dem nächsten Semester zwischen den Hochschulen "
        "wechseln können, Lehrkräfte werden ausgetauscht, und ein gemeinsames Labor für "
        "Werkstoffe wird eingerichtet. Die Rektoren sprachen von einem wichtigen Schritt."
    )
    j_rewrite = jaccard_estimate(sig(BODY), sig(rewrite))
    j_other = jaccard_estimate(sig(BODY), sig(other))
    assert 0.6 <= j_rewrite < 1.0
    assert j_other < 0.1
    index = NearDuplicateIndex(num_perm=128, threshold=0.6)
    index.add("orig", sig(BODY))
    hit = index.query(sig(rewrite))
    assert hit is not None and hit[0] == "orig"
    assert index.query(sig(other)) is None


def test_index_returns_the_earliest_of_several_matches() -> None:
    index = NearDuplicateIndex(num_perm=128, threshold=0.6)
    index.add("first", sig(BODY))
    index.add("second", sig(BODY + " Ende."))
    hit = index.query(sig(BODY))
    assert hit is not None and hit[0] == "first"
    assert len(index) == 2

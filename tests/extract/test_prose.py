"""What counts as article prose when deciding that a page has no article (E107)."""

from __future__ import annotations

from sujet.extract.document import LONG_PARAGRAPH_WORDS, prose_chars

RUNNING = " ".join(["die Delegation besprach Lieferungen und Zeitpläne"] * 14)


def test_a_long_paragraph_with_one_sentence_end_is_prose():
    text = f"{RUNNING}. Weitere Gespräche folgen im Herbst in Minsk und Omsk"
    assert len(text.split()) >= LONG_PARAGRAPH_WORDS
    assert prose_chars(text) == len(text)


def test_a_sentence_end_without_its_space_still_ends_a_sentence():
    text = 'Команда отправилась на выездную серию.В предстоящих матчах она сыграет дважды.'
    assert prose_chars(text) == len(text)
    assert prose_chars("Der Wert stieg um 1.5 Prozent und 2.7 Prozent auf jetzt") == 0


def test_terminators_of_other_scripts():
    text = "सरकार ने मिशन को मंजूरी दी। काम जारी है। इसरो प्रमुख ने बताया।"
    assert prose_chars(text) == len(text)


def test_headline_lists_and_short_lines_are_not_prose():
    lists = "\n\n".join(["Omsk und Belarus unterzeichnen Fahrplan", "- 08.07.2025 Neue Halle",
                         "Wetter am Wochenende", "Fußballergebnisse"])
    assert prose_chars(lists) == 0
    assert prose_chars(" ".join(["Schlagzeile ohne Satzende"] * 40)) == 0

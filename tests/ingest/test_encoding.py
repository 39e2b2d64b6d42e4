"""Charset detection on Russian and German texts, short and long, with right, wrong or no declarations."""

from __future__ import annotations

import codecs

import pytest

from sujet.errors import BinaryInput
from sujet.ingest.encoding import decode, detect_encoding, looks_binary, mojibake_score

RU_LONG = (
    "Губернатор Томской области Владимир Мазур провёл встречу с делегацией Республики Беларусь. "
    "Стороны обсудили сотрудничество в сфере промышленности, образования и науки, а также "
    "подписали соглашение \"О партнёрстве\". Объём товарооборота вырос на 15 процентов. "
) * 4
RU_SHORT = "Новости Томска"
RU_HEADLINE = "Щука съела ёжика"
DE_LONG = (
    "Der Minister für Naturressourcen und Umweltschutz traf sich am Donnerstag in Minsk mit der "
    "Delegation. Die Größe des Handelsvolumens wuchs um 15 Prozent, heißt es in der Erklärung. "
    "Über Zölle wurde nicht gesprochen. „Wir sind zufrieden“, sagte er. "
) * 4
DE_SHORT = "Größe"
DE_HEADLINE = "Öl für Bürger"

RU_TEXTS = [RU_LONG, RU_SHORT, RU_HEADLINE]
DE_TEXTS = [DE_LONG, DE_SHORT, DE_HEADLINE]


def _page(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("text", RU_TEXTS)
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8"])
@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1", "windows-1252"])
def test_russian_page_decodes_whatever_the_declaration(
    text: str, encoding: str, declared: str | None
) -> None:
    decoded, _ = decode(_page(text, declared).encode(encoding))
    assert text in decoded


@pytest.mark.parametrize("text", [RU_LONG, RU_SHORT])
@pytest.mark.parametrize(("actual", "declared"), [("cp1251", "koi8-r"), ("koi8-r", "windows-1251")])
def test_swapped_cyrillic_declaration_loses_to_detection(text: str, actual: str, declared: str) -> None:
    decoded, used = decode(_page(text, declared).encode(actual))
    assert text in decoded
    assert codecs.lookup(used).name == codecs.lookup(actual).name


@pytest.mark.parametrize("text", DE_TEXTS)
@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1", "koi8-r", "windows-1251"])
def test_german_page_decodes_whatever_the_declaration(
    text: str, encoding: str, declared: str | None
) -> None:
    if encoding == "latin-1":
        text = text.replace("„", '"').replace("“", '"')  # not in latin-1
    decoded, _ = decode(_page(text, declared).encode(encoding))
    assert text in decoded


@pytest.mark.parametrize("text", [RU_LONG, RU_SHORT, DE_LONG, DE_HEADLINE])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_unicode_with_bom(text: str, encoding: str) -> None:
    decoded, _ = decode(_page(text, None).encode(encoding))
    assert text in decoded
    assert not decoded.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_from_its_nul_pattern(encoding: str) -> None:
    decoded, used = decode(_page(DE_LONG, None).encode(encoding))
    assert used == encoding
    assert DE_LONG in decoded


def test_plain_text_without_markup_is_detected() -> None:
    assert decode(RU_LONG.encode("cp1251"))[0] == RU_LONG
    assert decode(RU_LONG.encode("koi8-r"))[1] == "koi8-r"
    assert decode(DE_LONG.encode("cp1252"))[1] == "cp1252"


def test_http_charset_is_weighed_not_obeyed() -> None:
    data = RU_LONG.encode("cp1251")
    assert decode(data, declared="cp1251")[1] == "cp1251"
    assert decode(data, declared="iso-8859-1")[0] == RU_LONG  # wrong header loses
    assert decode(DE_LONG.encode("utf-8"), declared="iso-8859-1")[1] == "utf-8"


def test_declared_charset_wins_a_tie() -> None:
    # Pure ASCII with one euro sign: cp1252 and cp1251 both read it; the declaration decides.
    data = _page("Preis: 5 \u20ac", "windows-1252").encode("cp1252")
    assert decode(data)[0].count("\u20ac") == 1


def test_utf8_cut_mid_character_is_still_utf8() -> None:
    data = RU_LONG.encode("utf-8")[:-1]
    text, used = decode(data)
    assert used == "utf-8"
    assert text.startswith(RU_LONG[:100])


def test_detect_encoding_of_ascii_is_utf8() -> None:
    assert detect_encoding(b"<html><body>plain</body></html>") == "utf-8"


def test_mojibake_score_ranks_right_decoding_first() -> None:
    for text, right, wrong in [
        (RU_LONG, "cp1251", "cp1252"),
        (RU_LONG, "koi8-r", "cp1251"),
        (DE_LONG, "cp1252", "cp1251"),
        (RU_SHORT, "cp1251", "koi8-r"),
    ]:
        data = text.encode(right)
        assert mojibake_score(data.decode(right)) < mojibake_score(data.decode(wrong, "replace"))
    assert mojibake_score("ascii only") == 0.0


def test_binary_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    assert looks_binary(png)
    assert looks_binary(b"abc\x00\x01\x02" * 50)
    assert not looks_binary(RU_LONG.encode("utf-16"))
    assert not looks_binary(("ascii " * 40).encode("utf-16-le"))
    assert not looks_binary(RU_LONG.encode("koi8-r"))
    with pytest.raises(BinaryInput) as err:
        decode(png, source="x.png")
    assert err.value.code == "E102"


def test_str_passes_through() -> None:
    assert decode("Привет") == ("Привет", "str")

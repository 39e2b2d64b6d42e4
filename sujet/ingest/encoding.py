"""Turn raw bytes into text: byte-order mark, UTF-8, declared charset, then scored candidates.

Order of trust:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 with non-ASCII bytes: multi-byte UTF-8 sequences practically never occur by
   accident in single-byte text, so this beats any declared charset (pages that declare
   ``iso-8859-1`` but are UTF-8 are common);
3. the declared charsets (HTTP header, ``<meta>``, XML declaration), unless they fail to decode
   or their decoding looks like mojibake while another candidate reads clean;
4. the best-scoring of the single-byte code pages of the project's languages (cp1251, koi8-r,
   cp1252), scored by :func:`mojibake_score`;
5. charset-normalizer for anything those cannot read cleanly (Greek, CJK, ...).

Russian cp1251 and koi8-r are told apart by letter statistics: each read as the other swaps case
(``пРИВЕТ``) and turns frequent letters into rare ones, which a count of rare letters and case
flips catches even in a headline.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from charset_normalizer import from_bytes

from sujet.errors import BinaryInput, DecodeFailed

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_DECLARATION_WINDOW = 32 * 1024  # <meta charset> sometimes sits after long inline scripts
_SCORE_WINDOW = 128 * 1024  # scoring the head is enough: a page has one encoding
_META_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)

# Labels whose WHATWG meaning is a superset code page: browsers read "iso-8859-1" as cp1252.
_SUPERSETS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
# Single-byte code pages tried when nothing usable is declared, in tie-breaking order.
_SINGLE_BYTE = ("cp1252", "cp1251", "koi8-r")

# Typographic marks that are legitimate in ru/de/en news in any encoding.
_LEGIT_MARKS = frozenset("\u00a0«»–—‘’‚“”„…€№•°§©®·±½¼¾²³\u2009\u202f\u200b\u2116")
# Russian letter frequencies in running text, per mille (Sharoff's national corpus counts).
_RU_FREQ = {
    "о": 109.7, "е": 84.5, "а": 80.1, "и": 73.5, "н": 67.0, "т": 62.6, "с": 54.7, "р": 47.3,
    "в": 45.4, "л": 44.0, "к": 34.9, "м": 32.1, "д": 29.8, "п": 28.1, "у": 26.2, "я": 20.1,
    "ы": 19.0, "ь": 17.4, "г": 17.0, "з": 16.5, "б": 15.9, "ч": 14.4, "й": 12.1, "х": 9.7,
    "ж": 9.4, "ш": 7.3, "ю": 6.4, "ц": 4.8, "щ": 3.6, "э": 3.2, "ф": 2.6, "ъ": 0.4, "ё": 0.4,
}
# Penalty per letter, 0 for letters of 3% and more, rising with rarity to 1 for the rarest: a
# wrong single-byte decoding of Russian turns frequent letters into rare ones.
_LETTER_PENALTY = {
    c: min(1.0, max(0.0, (math.log(30.0) - math.log(f)) / (math.log(30.0) - math.log(0.4))))
    for c, f in _RU_FREQ.items()
}
_WORD_RE = re.compile(r"[^\W\d_]+")
_UTF16_SAMPLE = 4096
# How much cleaner (in mojibake_score) a candidate must read to overrule a declared charset;
# set so that a swapped cp1251/koi8-r declaration loses on a 15-letter headline.
_DECLARED_MARGIN = 0.05


def _lookup(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def declared_charsets(data: bytes) -> list[str]:
    """Charsets declared inside the document (``<meta>``, XML declaration), canonical names."""
    head = data[:_DECLARATION_WINDOW]
    found: list[str] = []
    for regex in (_XML_RE, _META_RE):
        m = regex.search(head)
        if m:
            name = _lookup(m.group(1).decode("ascii", "ignore"))
            if name and name not in found:
                found.append(name)
    return found


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is NUL, as in mostly-ASCII UTF-16."""
    sample = head[: _UTF16_SAMPLE - (_UTF16_SAMPLE % 2)]
    if len(sample) < 8 or len(sample) % 2:
        sample = sample[: len(sample) - (len(sample) % 2)]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_BINARY_MAGIC = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip (callers decompress known .gz files before asking)
    b"BZh",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",  # ico
    b"wOFF",
    b"wOF2",
    b"SQLite format 3\x00",
)


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: a binary file signature, NUL or control bytes."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return _utf16_without_bom(head) is None
    control = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)  # ESC: ISO-2022
    return control / len(head) > 0.05


def mojibake_score(text: str) -> float:
    """How wrong a decoding looks: share of suspicious characters among the non-ASCII ones.

    0.0 reads clean; above about 0.3 the text is almost surely decoded with the wrong charset.
    Suspicious: C1 controls, replacement and private-use characters, box drawing; letters of
    words that mix Latin and Cyrillic (``Grцяe``); accented Latin letters in words made mostly
    of them (``Ïðèâåò``); rare Russian letters and lower-to-upper case flips inside words.
    """
    sample = text[:_SCORE_WINDOW]
    non_ascii = 0
    bad = 0.0
    for ch in sample:
        o = ord(ch)
        if o < 128 or ch in _LEGIT_MARKS:
            continue
        non_ascii += 1
        if _is_garbage(ch):
            bad += 1
    if not non_ascii:
        return 0.0
    ext_in_words = 0
    letters_in_ext_words = 0
    for word in _WORD_RE.findall(sample):
        if word.isascii():
            continue
        has_cyr = any("\u0400" <= c <= "\u04ff" for c in word)
        latin_ext = sum(1 for c in word if "\u00c0" <= c <= "\u024f")
        has_ascii = any(c.isascii() for c in word)
        if has_cyr and (latin_ext or has_ascii):
            bad += sum(1 for c in word if not c.isascii())
            continue
        if latin_ext:
            ext_in_words += latin_ext
            letters_in_ext_words += len(word)
            continue
        if has_cyr:
            bad += _cyrillic_word_penalty(word)
    # German or French words carry one or two accented letters; cp1251 Russian read as cp1252
    # is made of nothing else.
    if letters_in_ext_words and ext_in_words / letters_in_ext_words > 0.6:
        bad += ext_in_words
    return min(1.0, bad / non_ascii)


def _is_garbage(ch: str) -> bool:
    """C1 controls, replacement, private-use, unassigned and box-drawing characters."""
    o = ord(ch)
    if 0x80 <= o <= 0x9F or o == 0xFFFD or 0x2500 <= o <= 0x259F:
        return True
    return unicodedata.category(ch) in ("Co", "Cc", "Cn")


def _cyrillic_word_penalty(word: str) -> float:
    penalty = 0.0
    previous_lower = False
    for c in word:
        penalty += _LETTER_PENALTY.get(c.lower(), 0.5)  # 0.5: Ukrainian, Serbian, ... letters
        if c.isupper() and previous_lower:
            penalty += 1.5  # "пРИВЕТ": cp1251 and koi8-r read as each other swap case
        previous_lower = c.islower()
    return penalty


def _utf8_state(data: bytes) -> str | None:
    """'ascii', 'valid' (incl. a multi-byte character cut at the end), 'mostly' or None."""
    if data.isascii():
        return "ascii"
    try:
        data.decode("utf-8")
        return "valid"
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(data) - 3:
            return "valid"
    text = data[:_SCORE_WINDOW].decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 127) - broken
    # A stray byte or two in a long UTF-8 page (a cut, a pasted cp1252 quote) is still UTF-8.
    if multibyte >= 20 and broken <= max(2, multibyte // 200):
        return "mostly"
    return None


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data[:_SCORE_WINDOW].decode(encoding)
    except UnicodeDecodeError as err:
        # A window cut through a multi-byte character is not a decoding failure.
        if err.start >= _SCORE_WINDOW - 4 and len(data) > _SCORE_WINDOW:
            return data[: err.start].decode(encoding, errors="ignore")
        return None
    except LookupError:
        return None


def detect_encoding(data: bytes, *, declared: str | None = None) -> str:
    """The charset to decode ``data`` with; ``declared`` is an outside hint (HTTP header)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\x00" in data[:_UTF16_SAMPLE]:
        utf16 = _utf16_without_bom(data[:_UTF16_SAMPLE])
        if utf16:
            return utf16
    utf8 = _utf8_state(data)
    hints = [h for h in ([_lookup(declared)] if declared else []) if h]
    hints += [h for h in declared_charsets(data) if h not in hints]
    if utf8 == "ascii":
        seven_bit = [h for h in hints if h.startswith(("iso2022", "utf-7", "hz"))]
        return seven_bit[0] if seven_bit else "utf-8"
    if utf8 == "valid" or (utf8 == "mostly" and (not hints or "utf-8" in hints)):
        return "utf-8"
    scored: list[tuple[float, int, str]] = []
    for rank, name in enumerate(dict.fromkeys([*hints, *_SINGLE_BYTE])):
        if name in ("utf-8", "utf-8-sig"):
            continue  # already known not to be valid UTF-8
        text = _decodes(data, name)
        if text is not None:
            scored.append((mojibake_score(text), rank, name))
    if utf8 == "mostly":
        scored.append((0.05, len(scored), "utf-8"))
    best_score, _, best = min(scored) if scored else (1.0, 0, "utf-8")
    for score, _, name in scored:
        # A declared charset keeps its word unless another reads clearly cleaner.
        if name in hints and score <= best_score + _DECLARED_MARGIN and score < 0.3:
            return name
    if best_score > 0.3:
        guess = _normalizer_guess(data)
        if guess:
            text = _decodes(data, guess)
            if text is not None and mojibake_score(text) + 0.1 < best_score:
                return guess
    return best


def _normalizer_guess(data: bytes) -> str | None:
    match = from_bytes(data[:_SCORE_WINDOW]).best()
    if match is None:
        return None
    name = _lookup(match.encoding)
    # UTF-16/32 without a BOM was ruled out above (no NUL pattern): a guess of it is noise.
    if name is None or name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return None
    return name


def decode(
    data: bytes | str, *, source: str | None = None, declared: str | None = None
) -> tuple[str, str]:
    """(text, encoding) for raw content; raises BinaryInput / DecodeFailed.

    ``declared`` is a charset from outside the document (an HTTP ``Content-Type`` header); it is
    weighed like a ``<meta>`` declaration, not obeyed blindly.
    """
    if isinstance(data, str):
        return data, "str"
    if looks_binary(data):
        raise BinaryInput(source=source)
    enc = detect_encoding(data, declared=declared)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        text = data.decode(enc, errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 50):
            raise DecodeFailed(f"undecodable bytes (tried {enc})", source=source) from None
    except LookupError as err:  # pragma: no cover - names come from codecs.lookup
        raise DecodeFailed(f"unknown charset {enc}", source=source) from err
    return text.lstrip("\ufeff"), enc

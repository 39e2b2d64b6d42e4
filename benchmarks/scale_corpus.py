"""Real material for the scale generator, read at run time from the shared evaluation data.

Nothing here is copied into the project: sentences, titles, names, positions and site names are
read from the data folder (``--data``, default ``/work/shared/data``) each run.

- **Sentences with name slots** (ru, de): the NER documents (dev and training sets). Each gold
  PER/LOC/ORG span inside a sentence becomes a typed slot, so a generated article names its
  entities at exact character spans, in real sentence contexts.
- **Sentences** (en): the English article texts of the extraction, topic and event-pair sets;
  a capitalised word sequence inside a sentence becomes a slot (its type taken from the names
  read above when known, else from its shape).
- **Titles**: titles of the topic, pair and extraction sets, by language; short first sentences
  where a language has few.
- **Names**: the gold spans of every NER set, by type (the entity names of the store).
- **Positions**: the position strings of the roles set (a person's position history).
- **Sites**: the host names of the extraction sets' URLs.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path("/work/shared/data")
LANGS = ("ru", "de", "en")
TYPES = ("PER", "ORG", "LOC")
# Where a sentence ends: end punctuation, then space, then an upper-case letter or a quote.
_SENT_END = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[\"«„“A-ZÄÖÜА-ЯЁ0-9])")
_CAPS = re.compile(r"(?<=\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}")
MIN_SENT, MAX_SENT = 25, 400


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    slots: tuple[tuple[int, int, str], ...]  # (start, end, type) of the names in ``text``


@dataclass(slots=True)
class Material:
    sentences: dict[str, list[Sentence]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    positions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sites: list[str] = field(default_factory=list)

    def summary(self) -> str:
        sent = ", ".join(f"{k} {len(v)}" for k, v in sorted(self.sentences.items()))
        names = ", ".join(f"{k} {len(v)}" for k, v in sorted(self.names.items()))
        titles = ", ".join(f"{k} {len(v)}" for k, v in sorted(self.titles.items()))
        return (f"sentences: {sent}; titles: {titles}; names: {names}; "
                f"sites: {len(self.sites)}")


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, lines first, then end punctuation."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in _SENT_END.finditer(line):
            spans.append((start, pos + m.start() + len(m.group(0).rstrip())))
            start = pos + m.end()
        spans.append((start, pos + len(line)))
        pos += len(line) + 1
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if MIN_SENT <= e - s <= MAX_SENT:
            out.append((s, e))
    return out


def _ner_sets(data: Path) -> list[Path]:
    dev = sorted(p for p in (data / "ner").glob("*") if p.is_dir())
    # Court decisions (ler-de) are not news: left out.
    train = sorted(p for p in (data / "train" / "ner").glob("*")
                   if p.is_dir() and not p.name.startswith("ler"))
    return dev + train


def _read_ner(material: Material, data: Path) -> None:
    seen: set[tuple[str, str]] = set()
    for folder in _ner_sets(data):
        for rec in _jsonl(folder / "gold.jsonl"):
            lang = rec.get("lang")
            doc = folder / "docs" / f"{rec['id']}.txt"
            if lang not in LANGS or not doc.is_file():
                continue
            text = doc.read_text(encoding="utf-8")
            spans = rec.get("spans", [])
            for span in spans:
                key = (span["type"], span["text"])
                if span["type"] in TYPES and key not in seen and 2 <= len(span["text"]) <= 60:
                    seen.add(key)
                    material.names[span["type"]].append(span["text"])
            for s, e in split_sentences(text):
                slots = tuple((sp["start"] - s, sp["end"] - s, sp["type"]) for sp in spans
                              if s <= sp["start"] and sp["end"] <= e and sp["type"] in TYPES)
                material.sentences[lang].append(Sentence(text[s:e], slots))


def _english_texts(data: Path) -> list[tuple[str, str]]:
    """(title, text) of the English articles of the extraction, topic and pair sets."""
    out: list[tuple[str, str]] = []
    for rec in _jsonl(data / "extraction" / "aeb" / "gold.jsonl"):
        if rec.get("text") and rec.get("lang", "en") == "en":
            out.append(("", rec["text"]))
    for rec in _jsonl(data / "topics" / "tg" / "gold.jsonl"):
        if rec.get("lang") == "en":
            out.append((rec.get("title", ""), rec.get("text", "")))
    for name in ("tg", "semeval"):
        for rec in _jsonl(data / "pairs" / name / "pairs.jsonl"):
            for i in ("1", "2"):
                if rec.get(f"lang{i}") == "en":
                    out.append((rec.get(f"title{i}", ""), rec.get(f"text{i}", "")))
    return out


def _read_english(material: Material, data: Path) -> None:
    known = {name: typ for typ in TYPES for name in material.names[typ]}
    for title, text in _english_texts(data):
        if title:
            material.titles["en"].append(title)
        for s, e in split_sentences(text):
            sent = text[s:e]
            slots = []
            for m in _CAPS.finditer(sent):
                typ = known.get(m.group(0)) or TYPES[len(m.group(0).split()) % 3]
                slots.append((m.start(), m.end(), typ))
            material.sentences["en"].append(Sentence(sent, tuple(slots)))


def _read_titles(material: Material, data: Path) -> None:
    for rec in _jsonl(data / "topics" / "tg" / "gold.jsonl"):
        if rec.get("lang") in ("ru",) and rec.get("title"):
            material.titles["ru"].append(rec["title"])
    for rec in _jsonl(data / "pairs" / "semeval" / "pairs.jsonl"):
        for i in ("1", "2"):
            lang, text = rec.get(f"lang{i}"), rec.get(f"text{i}", "")
            first = text.split("\n", 1)[0].strip()
            if lang in ("de", "ru") and 15 <= len(first) <= 160:
                material.titles[lang].append(first)
    for name in ("trafilatura", "dates"):
        for rec in _jsonl(data / "extraction" / name / "gold.jsonl"):
            if rec.get("lang") in LANGS and rec.get("title"):
                material.titles[rec["lang"]].append(rec["title"])
    # Languages with few titles also take short sentences of their own (headline-like).
    for lang in LANGS:
        if len(material.titles[lang]) < 2000:
            material.titles[lang].extend(
                s.text.rstrip(".") for s in material.sentences[lang] if len(s.text) <= 110)


def _read_positions(material: Material, data: Path) -> None:
    for folder in sorted((data / "roles").glob("*")):
        for rec in _jsonl(folder / "gold.jsonl"):
            lang = rec.get("lang")
            for role in rec.get("roles", []):
                if lang in LANGS and role.get("position"):
                    material.positions[lang].append(role["position"])


def _read_sites(material: Material, data: Path) -> None:
    hosts: set[str] = set()
    for folder in sorted((data / "extraction").glob("*")):
        for rec in _jsonl(folder / "gold.jsonl"):
            host = urlsplit(rec.get("url") or "").hostname
            if host:
                hosts.add(host.removeprefix("www."))
    material.sites = sorted(hosts)


def load_material(data: Path = DATA) -> Material:
    """Everything the generator recombines, read from ``data``."""
    material = Material()
    _read_ner(material, data)
    _read_english(material, data)
    _read_titles(material, data)
    _read_positions(material, data)
    _read_sites(material, data)
    for lang in LANGS:
        if not material.sentences[lang] or not material.titles[lang]:
            raise SystemExit(f"no {lang} sentences or titles under {data}")
    for lang in LANGS:
        material.positions.setdefault(lang, [])
        if not material.positions[lang]:
            material.positions[lang] = material.positions.get("ru", []) or ["director"]
    return material

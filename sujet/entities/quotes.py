"""Who said what: direct and reported speech attributed to a resolved person or organisation.

Speech is found sentence by sentence from cues of the article's language (the ``quotes`` of its
profile in :mod:`sujet.lang`: speech verbs, the conjunction of reported speech, "according to"
phrases, pronouns):

- direct speech: a quotation («…», „…“, "…", “…”) next to a speech verb and its speaker
  ("«…», – сказал Андрей Голованов", "„…“, sagte Lindner", "X said: "…"");
- reported speech after the speaker ("X сообщил, что …", "X sagte, der Umsatz …", "X said the
  programme …"), before the speaker ("…, сообщил Евгений Мартынов", "…, NIPI rector Marina
  Kovaleva said", "…, wie Minister X mitteilte") and after "по словам X" / "laut X" /
  "according to X".

The speaker is the person (else the organisation) named where the cue says; a position phrase
("томский губернатор") names the person of the article who holds that position, a pronoun the
person last named before. Speech without a named speaker is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sujet.entities.analyze import ArticleEntities
from sujet.entities.gazetteer import fold
from sujet.entities.tokenize import sentences
from sujet.lang import QuoteCues, generation, profile
from sujet.lang import letters as lang_letters
from sujet.model import Mention, Quote

_QUOTE_MARKS = (("«", "»"), ("„", "“"), ("“", "”"), ('"', '"'), ("‚", "‘"))
MIN_QUOTE_WORDS = 3


def cues(lang: str) -> QuoteCues | None:
    """The speech cues of the profile of ``lang`` (None: quotes are not looked for)."""
    return profile(lang).quotes


@lru_cache(maxsize=4)
def _dateline_re(generation: int) -> re.Pattern[str]:
    """A capitalised dateline opening a sentence ("МОСКВА, 30 августа (ТАСС) - ")."""
    upper = "A-Z" + lang_letters()[0]
    return re.compile(rf"[{upper}][{upper} .-]+,[^\n]{{0,40}}?[-–—]\s+")


@lru_cache(maxsize=16)
def _verb_re(c: QuoteCues) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(v) for v in c.verbs), key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alts})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=16)
def _according_re(c: QuoteCues) -> re.Pattern[str]:
    alts = "|".join(re.escape(a) for a in c.according)
    return re.compile(rf"(?<!\w)({alts})(?!\w)", re.IGNORECASE)


def _quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation's inner text, marks excluded."""
    out: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_MARKS:
        pos = 0
        while True:
            a = text.find(opening, pos)
            if a < 0:
                break
            b = text.find(closing, a + 1)
            if b < 0:
                break
            inner = text[a + 1 : b]
            if (
                "\n" not in inner
                and len(inner.split()) >= MIN_QUOTE_WORDS
                and not any(s <= a + 1 < e for s, e in out)
            ):
                out.append((a + 1, b))
            pos = b + 1
    return sorted(out)


@dataclass(slots=True)
class _Context:
    text: str
    cues: QuoteCues
    article: ArticleEntities
    mentions: list[tuple[int, Mention]]  # (index, mention) of the text field, in text order


def _speaker_in(ctx: _Context, a: int, b: int, *, first: bool = True) -> Mention | None:
    """The person (else organisation) named in text[a:b]; the first one, or the last."""
    inside = [m for _i, m in ctx.mentions if a <= m.start and m.end <= b]
    for typ in ("PER", "ORG"):
        found = [m for m in inside if m.type == typ]
        if found:
            return found[0] if first else found[-1]
    return _surname_in(ctx, a, b)


def _surname_in(ctx: _Context, a: int, b: int) -> Mention | None:
    """A capitalised word in text[a:b] that is the surname of a person named in the article
    (the tagger may miss a bare surname: "sagte Lindner")."""
    persons = {fold(m.normal.split()[-1]): m for _i, m in ctx.mentions if m.type == "PER"}
    for w in re.finditer(r"\w+", ctx.text[a:b]):
        if w.group()[:1].isupper() and fold(w.group()) in persons:
            return persons[fold(w.group())]
    return None


def _speaker_by_phrase(ctx: _Context, a: int, b: int) -> Mention | None:
    """A position phrase ("томский губернатор", "der Minister") or a pronoun in text[a:b]: the
    person of the article who holds that position, or the person last named before ``a``."""
    words = [fold(w) for w in re.findall(r"\w+", ctx.text[a:b])]
    if not words:
        return None
    c = ctx.cues
    persons = [m for _i, m in ctx.mentions if m.type == "PER"]
    if words[0] in c.pronouns:
        before = [m for m in persons if m.end <= a]
        return before[-1] if before else None
    # the phrase must start with the position: "томский губернатор", "der Minister"
    stems = {w[:5] for w in words[:2] if len(w) >= 5}
    for p in ctx.article.positions:
        head = fold(p.title.split()[0]) if p.title.split() else ""
        if head and head[:5] in stems:
            named = [m for m in persons if m.normal == p.person or m.surface == p.person]
            named = named or [
                ctx.article.mentions[i]
                for e in ctx.article.entities
                if e.name == p.person
                for i in e.mentions[:1]
            ]
            if named:
                return named[0]
    return None


def _quote(
    ctx: _Context, start: int, end: int, speaker: Mention, kind: str, cue: str
) -> Quote | None:
    while start < end and ctx.text[start] in " ,:–—-\n":
        start += 1
    while end > start and ctx.text[end - 1] in " ,.:;–—-\n":
        end -= 1
    dateline = _dateline_re(generation()).match(ctx.text, start, end)
    if dateline is not None:  # "OMSK, Feb 14 (Siberia Wire) - Trade …": the dateline is no speech
        start = dateline.end()
    body = ctx.text[start:end]
    if len(body.split()) < MIN_QUOTE_WORDS:
        return None
    return Quote(
        ctx.article.article_id,
        body,
        start,
        end,
        speaker.normal,
        speaker.entity_id,
        "direct" if kind == "direct" else "indirect",
        cue.lower(),
    )


def _direct(ctx: _Context, spans: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    verbs = _verb_re(ctx.cues)
    for a, b in spans:
        # after: «…», – сказал X  /  „…“, sagte X  /  "…," X said
        after = ctx.text[b + 1 : b + 160]
        m = re.match(r"[\s,.]*[-–—]?\s*", after)
        rest_at = b + 1 + (m.end() if m else 0)
        sentence_end = _sentence_end(ctx.text, rest_at)
        v = verbs.search(ctx.text, rest_at, sentence_end)
        if v is not None and v.start() - rest_at <= 60:
            speaker = (
                _speaker_in(ctx, v.end(), sentence_end)
                if v.start() - rest_at < 3
                else _speaker_in(ctx, rest_at, v.start(), first=False)
            )
            speaker = speaker or _speaker_by_phrase(ctx, v.end(), sentence_end)
            if speaker is None and v.start() - rest_at >= 3:
                speaker = _speaker_by_phrase(ctx, rest_at, v.start())
            if speaker is not None:
                if (q := _quote(ctx, a, b, speaker, "direct", v.group())) is not None:
                    out.append(q)
                continue
        # before: X сказал: «…»  /  X said: "…"
        start = _sentence_start(ctx.text, a - 1)
        before = ctx.text[start : a - 1]
        colon = before.rstrip().endswith(":")
        vb = list(verbs.finditer(ctx.text, start, a - 1))
        if colon and vb:
            speaker = _speaker_in(ctx, start, vb[-1].start(), first=False) or _speaker_in(
                ctx, vb[-1].end(), a - 1
            )
            if speaker is not None and (q := _quote(ctx, a, b, speaker, "direct", vb[-1].group())):
                out.append(q)
    return out


def _sentence_end(text: str, at: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)|\n").search(text, at)
    return m.end() if m else len(text)


def _sentence_start(text: str, at: int) -> int:
    cut = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("! ", 0, at))
    return cut + 1 if cut >= 0 else 0


def _indirect(ctx: _Context, s: int, e: int, taken: list[tuple[int, int]]) -> list[Quote]:
    """Reported speech in the sentence text[s:e] (quotations already taken are skipped)."""
    if any(a < e and s < b for a, b in taken):
        return []
    c = ctx.cues
    sent = ctx.text[s:e]
    out: list[Quote] = []
    acc = _according_re(ctx.cues).search(sent)
    if acc is not None:
        a = s + acc.end()
        comma = sent.find(",", acc.end())
        if fold(acc.group()) == "zufolge":  # "X zufolge …": the speaker stands before
            speaker = _speaker_in(ctx, s, s + acc.start(), first=False)
            body = (s + acc.end(), e)
        else:
            stop = s + comma if comma >= 0 else min(e, a + 60)
            speaker = _speaker_in(ctx, a, stop)
            body = (stop + 1, e) if comma >= 0 else (stop, e)
        if speaker is not None and (q := _quote(ctx, *body, speaker, "indirect", acc.group())):
            return [q]
    for v in _verb_re(ctx.cues).finditer(sent):
        vs, ve = s + v.start(), s + v.end()
        tail = ctx.text[ve:e]
        # "X сообщил, что …" / "X sagte, dass …" / "X sagte, der …" / "X said (that) …"
        speaker = _speaker_in(ctx, s, vs, first=False)
        if speaker is None and fold(ctx.text[s:vs].strip()) in c.pronouns:
            speaker = _speaker_by_phrase(ctx, s, vs)  # "Он напомнил, что …"
            end_of_speaker = vs
        else:
            end_of_speaker = speaker.end if speaker is not None else vs
        if speaker is not None and _next_to(ctx.text[end_of_speaker:vs]):
            # the verb's own words before the clause: "сообщил журналистам, что …"
            lead = re.match(r"(?:\s+\w+){0,2}?\s*,\s*", tail)
            lead_end = lead.end() if lead is not None else len(tail) - len(tail.lstrip())
            conj = re.match(r"(\w+)\s+", tail[lead_end:])
            skip = ve + lead_end
            if conj is not None and fold(conj.group(1)) in c.that:
                skip += conj.end()
            if (lead is not None or ctx.cues.bare_speaker) and (
                q := _quote(ctx, skip, e, speaker, "indirect", v.group())
            ) is not None:
                out.append(q)
                break
        # "…, сообщил X." / "…, NIPI rector X said." / "…, wie X mitteilte."
        comma = ctx.text.rfind(",", s, vs)
        if comma > s:
            between = ctx.text[comma + 1 : vs]
            speaker = _speaker_in(ctx, ve, e) if not between.strip() else None
            speaker = speaker or _speaker_in(ctx, comma + 1, vs, first=False)
            if speaker is None and not between.strip():
                speaker = _speaker_by_phrase(ctx, ve, e)
            if speaker is not None and (q := _quote(ctx, s, comma, speaker, "indirect", v.group())):
                out.append(q)
                break
    return out


def _anaphoric(ctx: _Context, s: int, e: int, previous: tuple[int, int]) -> Quote | None:
    """ "Das teilte X am Dienstag mit." after a sentence: that sentence is what X said."""
    c = ctx.cues
    sent = fold(ctx.text[s:e])
    opener = next((a for a in c.anaphora if sent.startswith(a + " ")), None)
    if opener is None:
        return None
    words = sent[len(opener) :].split()
    verb = next((w for w in words[:2] if w in c.anaphora_verbs), None)
    speaker = _speaker_in(ctx, s, e) if verb is not None else None
    if verb is None or speaker is None:
        return None
    return _quote(ctx, previous[0], previous[1], speaker, "indirect", verb)


def _next_to(between: str) -> bool:
    """Nothing, or an apposition between commas, stands between the speaker and the verb
    ("Андрей Голованов, вице-премьер омского правительства, рассказал")."""
    gap = between.strip()
    return gap in ("", ",") or (gap.startswith(",") and gap.endswith(",") and gap.count(",") == 2)


def find_quotes(text: str, analysis: ArticleEntities, field: str = "text") -> list[Quote]:
    """Quotes of one field of an analysed article whose mentions carry their entity ids."""
    found_cues = cues(analysis.language or "")
    if found_cues is None or not text:
        return []
    ctx = _Context(
        text,
        found_cues,
        analysis,
        sorted(
            ((i, m) for i, m in enumerate(analysis.mentions) if m.field == field),
            key=lambda x: x[1].start,
        ),
    )
    spans = _quotations(text)
    out = _direct(ctx, spans)
    taken = [(q.start, q.end) for q in out]
    previous: tuple[int, int] | None = None
    for s, e in sentences(text):
        found = _anaphoric(ctx, s, e, previous) if previous else None
        out.extend([found] if found is not None else _indirect(ctx, s, e, taken))
        previous = (s, e)
    seen: set[tuple[int, int]] = set()
    unique: list[Quote] = []
    for q in sorted(out, key=lambda q: q.start):
        if (q.start, q.end) not in seen:
            seen.add((q.start, q.end))
            unique.append(q)
    return unique


def quotes_of(analysis: ArticleEntities, text: str) -> list[Quote]:
    """The quotes of an article's text (the field the stored mentions and quotes refer to)."""
    return find_quotes(text, analysis, "text")


__all__ = ["QuoteCues", "cues", "find_quotes", "quotes_of"]

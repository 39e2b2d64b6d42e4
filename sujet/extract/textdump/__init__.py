"""Plain-text dump cleaner: find the article in the visible text of a page, from text alone.

A dump is what select-all + copy gives: menus, teasers, credits, widgets and footers around the
article, often with the headline or the whole body repeated. The cleaner scores each line by its
shape (length, sentence punctuation, paragraph setting, lexicon hits as a secondary signal),
takes the contiguous region of highest text value (textdump.score), drops the furniture left
inside it and finds the headline just before it. A line classifier (textdump.model) then takes
the final decision per line from the rule selection and the lines' shape, blocks and neighbours,
so that a lead cut off by a widget or a list inside the article can come back; its probabilities
pick the article region once more, and a line outside it needs more confidence. Each paragraph
is kept once. The publication date is read from the dump's byline or date lines (textdump.dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sujet.extract.textdump.dates import page_date
from sujet.extract.textdump.features import line_features
from sujet.extract.textdump.lines import Line, normalize_line, split_lines, word_count
from sujet.extract.textdump.model import LineModel, default_model
from sujet.extract.textdump.score import extend_region, is_flagged, is_text_like, main_region
from sujet.extract.textdump.title import find_title
from sujet.extract.types import Extracted

_KEY_RE = re.compile(r"\W+", re.UNICODE)

MAX_HEADING_WORDS = 20  # a subheading inside the article is short and set as its own block
LIST_RUN = 3
STOP_AFTER_SHARE = 0.6  # calibrated on the textdump dev sets (grid 0.3, 0.6, 1.0)
EXTENSION_BOOST = 1.5  # calibrated on the textdump dev sets (grid 1, 1.5, 2, 3)
GLUED_TITLE_LOOKAHEAD = 3  # the headline is glued only to one of the first paragraphs
MIN_GLUED_REST_WORDS = 8  # shorter remainders are subheadings that start like the headline
# a page date scoring lower sits far from headline and body start with no cue: usually a date the
# article mentions (checked on textdump/trafilatura dated pages, grid -2..2)
MIN_DATE_SCORE = 0.0
# region of the line classifier and the threshold outside it: 5-fold CV of the whole cleaner on
# the textdump dev sets over centre 0.2/0.3/0.4 x inside 0.4/0.45/0.5 x outside 0.6/0.7/0.8;
# a plateau around (0.3, 0.45-0.5, 0.7): trafilatura snippet F1 0.891 -> 0.892, aeb 0.916 -> 0.924
PROB_REGION_CENTER = 0.3
OUTSIDE_THRESHOLD = 0.7
# rule-kept lines inside that region: CV-neutral (grid 0.25-0.5; at 0.35 trafilatura -0.002, aeb
# +0.001), and it keeps an article's closing paragraph that the position-in-region feature
# (trained on pages whose regions end in author boxes) would drop
RULE_KEPT_THRESHOLD = 0.35


def _key(text: str) -> str:
    return _KEY_RE.sub(" ", text.lower()).strip()


def _mark_site_lines(lines: list[Line], site_lines: frozenset[str] | None) -> set[int]:
    if not site_lines:
        return set()
    known = {normalize_line(s) for s in site_lines}
    marked = set()
    for line in lines:
        if line.text in known:
            line.furniture = True
            marked.add(line.index)
    return marked


def _short_runs(lines: list[Line], start: int, end: int) -> set[int]:
    """Indexes of lines inside runs of consecutive short list items (menus, tag lists)."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(start, end + 1):
        line = lines[i] if i < end else None
        if line is not None and not is_text_like(line) and line.words <= 12 and not (
            line.blank_before and line.blank_after
        ):
            run.append(i)
            continue
        if len(run) >= LIST_RUN:
            out.update(run)
        run = []
    return out


def _is_heading(lines: list[Line], i: int, end: int) -> bool:
    """A short block line followed by article text: a subheading of the article."""
    line = lines[i]
    if line.words > MAX_HEADING_WORDS or not line.blank_before:
        return False
    nxt = lines[i + 1] if i + 1 < end else None
    return nxt is not None and is_text_like(nxt)


def _headline_shaped(line: Line) -> bool:
    return line.sentences == 0 and line.words <= MAX_HEADING_WORDS + 5 and line.blank_after


def _cut_at_section_stop(lines: list[Line], start: int, end: int) -> int:
    """End the region at a comments / related-stories header that is followed by less text
    than precedes it (the same header in the middle of an article is an inline widget)."""
    values = [max(0.0, ln.score) for ln in lines[start:end]]
    total = sum(values)
    before = 0.0
    for i in range(start, end):
        if lines[i].section_stop and 0 < total - before < STOP_AFTER_SHARE * before:
            return i
        before += values[i - start]
    return end


def _body_lines(lines: list[Line], start: int, end: int) -> list[Line]:
    runs = _short_runs(lines, start, end)
    kept: list[Line] = []
    for i in range(start, end):
        line = lines[i]
        if is_flagged(line) or i in runs:
            continue
        if is_text_like(line) or _is_heading(lines, i, end) or (
            line.words >= 8 and line.is_paragraph
        ):
            kept.append(line)
    return kept


def _dedupe(paragraphs: list[str], title: str | None) -> list[str]:
    """Each paragraph once; the headline neither repeated nor glued to a paragraph's start."""
    tkey = _key(title) if title else ""
    seen: set[str] = set()
    out: list[str] = []
    for n, p in enumerate(paragraphs):
        if title and n < GLUED_TITLE_LOOKAHEAD and p.lower().startswith(title.lower()):
            rest = p[len(title):].lstrip(" :.-–—|")
            if word_count(rest) >= MIN_GLUED_REST_WORDS:
                p = rest
        k = _key(p)
        if not k or k == tkey or k in seen:
            continue
        seen.add(k)
        out.append(p)
    return out


@dataclass(slots=True)
class Selection:
    """What the rules select in a dump: the region, the headline line and the body lines."""

    start: int
    end: int
    title_index: int | None
    kept: list[int]  # indexes of the body lines, in order


def rule_selection(lines: list[Line], url: str | None = None) -> Selection:
    """The region, headline and body lines that the shape rules select (features of the model)."""
    start, end = main_region(lines)
    if start >= end:
        # no text-like line at all: keep the longest non-furniture lines rather than nothing
        kept = [ln.index for ln in lines if ln.words >= 8 and not is_flagged(ln)]
        return Selection(0, 0, None, kept)
    start, end = extend_region(lines, start, end, EXTENSION_BOOST)
    end = _cut_at_section_stop(lines, start, end)
    if _headline_shaped(lines[start]) and start + 1 < end and is_text_like(lines[start + 1]):
        start += 1  # a headline that ends with a closing quote passed for text
    ti = find_title(lines, start, url)
    return Selection(start, end, ti, [ln.index for ln in _body_lines(lines, start, end)])


def _best_run(values: list[float]) -> tuple[int, int]:
    """(start, end), end exclusive, of the contiguous run with the largest positive sum."""
    best, span, total, start = 0.0, (0, 0), 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            total, start = v, i
        else:
            total += v
        if total > best:
            best, span = total, (start, i + 1)
    return span


def decide_lines(probs: list[float], threshold: float,
                 rule_kept: frozenset[int] | set[int] = frozenset()) -> list[int]:
    """Indexes of the lines the classifier keeps as body.

    The classifier's probabilities choose the article region again (the run with the largest
    sum of ``p - PROB_REGION_CENTER``): inside it a line is kept from ``threshold`` on (from
    RULE_KEPT_THRESHOLD on when the rules keep it too), outside it only from OUTSIDE_THRESHOLD
    on (an isolated confident line far from the article is usually an author box or a call to
    subscribe).
    """
    start, end = _best_run([p - PROB_REGION_CENTER for p in probs])

    def bar(i: int) -> float:
        if not start <= i < end:
            return max(threshold, OUTSIDE_THRESHOLD)
        return min(threshold, RULE_KEPT_THRESHOLD) if i in rule_kept else threshold

    return [i for i, p in enumerate(probs) if p >= bar(i)]


def clean_text_dump(text: str, *, url: str | None = None,
                    site_lines: frozenset[str] | None = None,
                    model: LineModel | None = None, use_model: bool = True) -> Extracted:
    """The article body and headline of a plain-text dump of a page.

    ``site_lines`` are lines that other pages of the same site share (SiteBoilerplate): they
    are dropped wherever they occur. The line classifier (``model``, by default the bundled
    one) decides which lines are body, from the rule selection and the lines' shape;
    ``use_model=False`` keeps the rule selection alone.
    """
    lines = split_lines(text)
    if not lines:
        return Extracted(text="")
    site = _mark_site_lines(lines, site_lines)
    sel = rule_selection(lines, url)
    kept = sel.kept
    if use_model:
        model = model or default_model()
        if model is not None:
            probs = model.predict(line_features(lines, sel.start, sel.end, set(kept), text))
            kept = [i for i in decide_lines(probs, model.threshold, set(kept))
                    if i != sel.title_index and i not in site]
    title = lines[sel.title_index].text if sel.title_index is not None else None
    body = _dedupe([lines[i].text for i in kept], title)
    out = Extracted(text="\n\n".join(body), title=title)
    anchors = [i for i in (sel.title_index, sel.start) if i is not None]
    found = page_date(lines, anchors, url, out.text)
    if found is not None and found.score > MIN_DATE_SCORE:
        out.date, out.date_precision, out.date_source = found.iso, "day", "page"
    return out

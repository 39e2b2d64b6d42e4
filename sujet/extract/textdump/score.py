"""Score the lines of a text dump and select the article's main region.

A line's value is positive for text-like lines (long, sentence-shaped, set as a paragraph) and
negative for page furniture (short menu items, teasers, credits, relative times). The article is
the contiguous run of lines with the largest total value (the maximum-subarray idea of Finn et
al.'s Body Text Extraction, applied to lines of plain text instead of HTML tokens).
"""

from __future__ import annotations

from sujet.extract.textdump.lines import Line

# Constants below were calibrated on the textdump dev sets (aeb, trafilatura) by comparing body
# F1 over a small grid of values; each was kept at the value where both sets stopped improving.
SHORT_LINE_PENALTY = 3.0  # value of a furniture line (a menu item counts like a "tag" in BTE)
FLAGGED_PENALTY = 6.0  # furniture, credit, teaser or relative-time lines
MIN_TEXT_WORDS = 5  # a sentence-shaped paragraph shorter than this is not text evidence


def is_flagged(line: Line) -> bool:
    """Lines that the lexicons or their shape mark as page furniture whatever their length."""
    return (
        line.furniture or line.relative_time or line.credit or line.truncated or line.numeric
        or line.link_like
    )


def is_text_like(line: Line) -> bool:
    """Sentence-shaped lines that read like article text."""
    if is_flagged(line):
        return False
    if line.words >= 25 and line.sentences >= 1:
        return True
    if line.words >= 12 and (line.terminal or line.sentences >= 2):
        return True
    return line.words >= MIN_TEXT_WORDS and line.terminal and line.is_paragraph


def line_value(line: Line) -> float:
    """Contribution of one line to a region's total (words for text, a penalty for furniture)."""
    if is_text_like(line):
        return float(min(line.words, 120))
    if is_flagged(line):
        return -FLAGGED_PENALTY - 0.3 * line.words
    if line.words >= 12 and line.is_paragraph:
        # long but not sentence-shaped (a headline, a caption): weak evidence either way
        return 0.0
    return -SHORT_LINE_PENALTY - 0.3 * line.words


def _best_extension(values: list[float], indexes: range, boost: float) -> int | None:
    """The farthest index in ``indexes`` (walking away from the region) where the running sum,
    with text values multiplied by ``boost``, is largest and positive; None if none is."""
    total, best, best_i = 0.0, 0.0, None
    for i in indexes:
        v = values[i]
        total += v * boost if v > 0 else v
        if total > best:
            best, best_i = total, i
    return best_i


def extend_region(lines: list[Line], start: int, end: int,
                  boost: float = 2.0) -> tuple[int, int]:
    """Grow the main region over neighbouring text separated from it by a little furniture
    (an image credit, a share bar, an inline teaser): text there weighs ``boost`` times more
    than it did in the first selection."""
    values = [line.score for line in lines]
    while True:
        left = _best_extension(values, range(start - 1, -1, -1), boost)
        right = _best_extension(values, range(end, len(lines)), boost)
        if left is None and right is None:
            return start, end
        if left is not None:
            start = left
        if right is not None:
            end = right + 1


def main_region(lines: list[Line]) -> tuple[int, int]:
    """(start, end) indexes, end exclusive, of the run of lines with the largest total value."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        v = line_value(line)
        line.score = v
        if total <= 0:
            total, start = v, i
        else:
            total += v
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span

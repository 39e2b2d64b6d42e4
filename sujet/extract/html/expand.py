"""Recover article parts that sit in sibling containers of the one an extractor chose.

Some sites split one article into several blocks with the same markup (ads or embeds between
them); extractors that score single containers keep the first block and lose the rest. When most
extracted paragraphs live in containers of one tag and class, other containers of that tag and
class close to them in the tree (two levels up or nearer) hold the rest of the article.
"""

from __future__ import annotations

from collections import Counter

import lxml.html

from sujet.extract.html.merge import paragraph_index, text_key

# Containers whose lowest common ancestor with a matched container is more than this many levels
# up are not the same article (body > chunk > paragraph container is two levels). Dev figures
# (aeb F1 / trafilatura snippet F1): 1 level 0.968 / 0.917, 2 levels 0.974 / 0.916,
# 3 levels 0.973 / 0.915, 4 levels 0.973 / 0.914; without expansion 0.968 / 0.917.
MAX_ANCESTOR_DISTANCE = 2
# Fewer matched paragraphs than this say too little about which container holds the article.
MIN_MATCHED = 2
# A recovered paragraph shorter than this many characters is more often a caption or a button.
MIN_PARAGRAPH_CHARS = 30

Signature = tuple[str, str]


def _signature(el: lxml.html.HtmlElement) -> Signature:
    return str(el.tag), " ".join((el.get("class") or "").split())


def _ancestors(el: lxml.html.HtmlElement, depth: int) -> list[lxml.html.HtmlElement]:
    out: list[lxml.html.HtmlElement] = []
    cur = el.getparent()
    while cur is not None and len(out) < depth:
        out.append(cur)
        cur = cur.getparent()
    return out


def _near(a: lxml.html.HtmlElement, b: lxml.html.HtmlElement) -> bool:
    up_a = [a, *_ancestors(a, MAX_ANCESTOR_DISTANCE)]
    up_b = {id(x) for x in [b, *_ancestors(b, MAX_ANCESTOR_DISTANCE)]}
    return any(id(x) in up_b for x in up_a)


def _paragraph_text(el: lxml.html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def expand_siblings(
    tree: lxml.html.HtmlElement,
    paragraphs: list[str],
    by_key: dict[str, lxml.html.HtmlElement] | None = None,
) -> list[str]:
    """``paragraphs`` with the paragraphs of sibling article containers inserted in page order;
    ``by_key``: the page's html.merge.paragraph_index, when the caller has it already."""
    if by_key is None:
        by_key = paragraph_index(tree)
    matched = [(i, by_key.get(text_key(par))) for i, par in enumerate(paragraphs)]
    hits = [(i, el) for i, el in matched if el is not None and el.getparent() is not None]
    if len(hits) < MIN_MATCHED:
        return paragraphs
    sigs = Counter(_signature(el.getparent()) for _, el in hits)
    (tag, cls), count = sigs.most_common(1)[0]
    if not cls or count < max(MIN_MATCHED, len(hits) // 2):
        return paragraphs
    # lxml element proxies keep their identity only while referenced: hold them in lists.
    matched_containers: list[lxml.html.HtmlElement] = []
    last_paragraph: list[int] = []
    for i, el in hits:
        parent = el.getparent()
        if _signature(parent) != (tag, cls):
            continue
        for k, c in enumerate(matched_containers):
            if c is parent:
                last_paragraph[k] = max(last_paragraph[k], i)
                break
        else:
            matched_containers.append(parent)
            last_paragraph.append(i)
    known = {text_key(p) for p in paragraphs}
    insert_after: dict[int, list[str]] = {}
    last_index = -1
    for container in tree.iter(tag):
        if _signature(container) != (tag, cls):
            continue
        owned = [k for k, c in enumerate(matched_containers) if c is container]
        if owned:
            last_index = max(last_index, last_paragraph[owned[0]])
            continue
        if not any(_near(container, m) for m in matched_containers):
            continue
        for p in container.iter("p"):
            text = _paragraph_text(p)
            key = text_key(text)
            if len(text) >= MIN_PARAGRAPH_CHARS and key not in known:
                known.add(key)
                insert_after.setdefault(last_index, []).append(text)
    if not insert_after:
        return paragraphs
    out = list(insert_after.get(-1, []))
    for i, par in enumerate(paragraphs):
        out.append(par)
        out.extend(insert_after.get(i, []))
    return out

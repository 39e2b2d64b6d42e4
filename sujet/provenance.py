"""What the server shows of where an article came from, without the server's own paths.

An article's ``source`` is where the copy was read: a URL, ``paste:…`` / ``upload:NAME`` for
what was sent through the API, or a file path on the server (an input folder, a temporary upload
folder). The API, the exports and the web UI show the file name of a path, never its folders; a
file unpacked from an upload is shown as that upload (``upload:NAME``).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from sujet.extract.site import host_of
from sujet.model import Article

UPLOAD_FOLDER_PREFIX = "sujet-upload-"  # temporary folders of uploaded containers
_SENT_PREFIXES = ("paste:", "upload:")
_WEB_SCHEMES = ("http://", "https://")
# Metadata keys whose values are server paths.
_PATH_KEYS = frozenset({"path"})


def public_source(source: str | None) -> str:
    """``source`` as anyone may see it: URLs and API labels as they are, a path by its file
    name (with its member suffix, ``crawl.warc#3``)."""
    if not source:
        return ""
    if source.startswith(_WEB_SCHEMES) or source.startswith(_SENT_PREFIXES):
        return source
    path, sep, member = source.partition("#")
    pure = PurePath(path.removeprefix("file://"))
    name = pure.name or path
    if any(part.startswith(UPLOAD_FOLDER_PREFIX) for part in pure.parts[:-1]):
        return f"upload:{name}{sep}{member}"
    return f"{name}{sep}{member}"


def source_label(article: Article) -> str:
    """The name a reader knows the article's publisher by: agency, site, the URL's host; else
    what is known of how it came ("pasted text", "uploaded file") or its file name."""
    named = article.agency or article.site or host_of(article.url)
    if named:
        return named
    shown = public_source(article.source)
    if shown.startswith("paste:"):
        return "pasted text"
    if shown.startswith("upload:"):
        return "uploaded file"
    return shown


def public_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in metadata.items() if k not in _PATH_KEYS}


def public_article_dict(article: Article) -> dict[str, Any]:
    """``Article.to_dict`` for exports: the source by its public form, no server paths."""
    data = article.to_dict()
    data["source"] = public_source(article.source)
    if isinstance(data.get("metadata"), dict):
        data["metadata"] = public_metadata(data["metadata"])
    return data


def public_inputs(inputs: list[str]) -> list[str]:
    """An ingest run's inputs (paths, URLs) in their public form."""
    return [public_source(i) for i in inputs]

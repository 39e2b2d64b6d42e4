"""Write tests/data/bad/: small inputs that each go wrong in one way, and what to expect of each.

Run from the repository root: ``python scripts/make_bad_inputs.py``. The output is deterministic
(fixed gzip mtimes, fixed WARC record ids and dates), so re-running it changes nothing.
Large inputs (a 50 MB page) are not kept here; tests make them in a temporary folder.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "bad"

RU = (
    "Губернатор Томской области Владимир Мазур провёл встречу с делегацией Республики "
    "Беларусь. Стороны обсудили сотрудничество в сфере промышленности и образования."
)
DE = (
    "Der Minister für Naturressourcen und Umweltschutz traf sich in Minsk mit der Delegation. "
    "Über die Größe des Handelsvolumens wurde ausführlich gesprochen."
)


def _html(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>Test</title></head><body><p>{body}</p></body></html>"


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as fh:
        fh.write(data)
    return buf.getvalue()


def _warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(3):
        body = _html(f"Seite {i}. {DE}", "utf-8").encode("utf-8")
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"http://example.org/{i}",
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={
                "WARC-Date": f"2024-08-30T10:00:0{i}Z",
                "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{i}>",
            },
        )
        writer.write_record(record)
    return buf.getvalue()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>x</title><description>&lol9;</description></item></channel></rss>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><link>http://example.org/x</link><description>&xxe;</description></item>
</channel></rss>
"""

MALFORMED_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Nachrichten</title>
<item><title>Erste</title><link>http://example.org/1</link><description>Text</descr></item>
</channel></rss>
"""

# name -> (content, expectation); "code" is the ReadFailure code (None: read fine), "pages" the
# number of Pages, and "contains" a string the decoded page must contain.
FILES: dict[str, tuple[bytes, dict[str, object]]] = {
    "empty.html": (b"", {"code": "E101", "pages": 0}),
    "whitespace.txt": (b" \n\t\r\n  \n", {"code": "E101", "pages": 0}),
    "binary.html": (
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        {"code": "E102", "pages": 0},
    ),
    "nul_bytes.txt": (b"abc\x00\x01\x02\x03" * 64, {"code": "E102", "pages": 0}),
    "truncated.html.gz": (
        _gzip(_html(DE * 20, "utf-8").encode("utf-8"))[:-200],
        {"code": "E105", "pages": 0},
    ),
    "not_gzip.txt.gz": (b"this was never compressed\n", {"code": "E105", "pages": 0}),
    "truncated.warc.gz": (_warc(gz=True)[:-300], {"code": "E105", "pages": 2}),
    "truncated.warc": (_warc(gz=False)[:-300], {"code": "E105", "pages": 2}),
    "malformed.rss": (MALFORMED_RSS.encode("utf-8"), {"code": "E105", "pages": 0}),
    "billion_laughs.xml": (BILLION_LAUGHS.encode("ascii"), {"code": "E106", "pages": 0}),
    "xxe.rss": (XXE.encode("ascii"), {"code": "E106", "pages": 0}),
    "broken_lines.jsonl": (
        (json.dumps({"text": RU}, ensure_ascii=False) + "\n{not json\n").encode("utf-8"),
        {"code": "E105", "pages": 1},
    ),
    "cp1251_declared_utf8.html": (
        _html(RU, "utf-8").encode("cp1251"),
        {"code": None, "pages": 1, "contains": "Губернатор Томской области"},
    ),
    "koi8r_no_charset.html": (
        _html(RU, None).encode("koi8-r"),
        {"code": None, "pages": 1, "contains": "Владимир Мазур провёл"},
    ),
    "utf8_declared_latin1.html": (
        _html(DE, "iso-8859-1").encode("utf-8"),
        {"code": None, "pages": 1, "contains": "Über die Größe"},
    ),
    "cp1252_declared_koi8r.html": (
        _html(DE, "koi8-r").encode("cp1252"),
        {"code": None, "pages": 1, "contains": "für Naturressourcen"},
    ),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (content, expectation) in FILES.items():
        (OUT / name).write_bytes(content)
        expected[name] = expectation
    # hidden, so that a walk of the folder reads only the inputs
    (OUT / ".expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

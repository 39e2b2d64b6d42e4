"""Ids of merged events and storylines keep answering: the API, the pages and the feed links of
an id merged into another redirect (308) to the survivor; unknown ids still answer 404."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from sujet.model import Event, Storyline
from sujet.store import Store

BASE = "http://testserver"


def merge_events(store: Store, merged: str, into: str) -> None:
    """What the clustering does when ``merged`` joins ``into``: the alias, then the delete."""
    store.add_event_aliases({merged: into})
    store.delete_events([merged])


@pytest.fixture
def merged(seeded: Store) -> Store:
    """ev-2025 merged into ev-2024; storyline st-0 merged into st-1."""
    merge_events(seeded, "ev-2025", "ev-2024")
    seeded.upsert_storylines([Storyline(id="st-0", title="Old line", event_ids=["ev-2024"])])
    seeded.add_storyline_aliases({"st-0": "st-1"})
    seeded.delete_storylines(["st-0"])
    return seeded


def test_api_event_alias_redirects_to_the_survivor(merged: Store, client: TestClient) -> None:
    r = client.get("/api/v1/events/ev-2025", params={"lang": "de", "x": "a b"},
                   follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/api/v1/events/ev-2024?lang=de&x=a+b"
    followed = client.get("/api/v1/events/ev-2025")
    assert followed.status_code == 200
    assert followed.json()["id"] == "ev-2024"
    assert [a["id"] for a in followed.json()["articles"]] == ["ru1", "de1"]
    live = client.get("/api/v1/events/ev-2024", follow_redirects=False)
    assert live.status_code == 200 and live.json()["id"] == "ev-2024"


def test_api_storyline_alias_redirects_to_the_survivor(merged: Store,
                                                       client: TestClient) -> None:
    r = client.get("/api/v1/storylines/st-0", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/api/v1/storylines/st-1"
    followed = client.get("/api/v1/storylines/st-0")
    assert followed.status_code == 200 and followed.json()["id"] == "st-1"


def test_a_chain_redirects_in_one_step(merged: Store, client: TestClient) -> None:
    merge_events(merged, "ev-2024", "ev-evil")  # ev-2025 -> ev-2024 -> ev-evil
    r = client.get("/api/v1/events/ev-2025", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/api/v1/events/ev-evil"


def test_unknown_ids_still_answer_404(merged: Store, client: TestClient) -> None:
    for path, message in (("/api/v1/events/none", "no event with id none"),
                          ("/api/v1/storylines/none", "no storyline with id none")):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 404
        assert r.json() == {"error": {"code": "E404", "message": message}}
    for path in ("/events/none", "/storylines/none"):
        page = client.get(path, follow_redirects=False)
        assert page.status_code == 404 and "E404" in page.text


def test_an_event_deleted_without_merge_is_gone(seeded: Store, client: TestClient) -> None:
    seeded.delete_events(["ev-evil"])
    assert client.get("/api/v1/events/ev-evil", follow_redirects=False).status_code == 404


def test_web_pages_of_an_alias_redirect(merged: Store, client: TestClient) -> None:
    r = client.get("/events/ev-2025", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/events/ev-2024"
    page = client.get("/events/ev-2025")
    assert page.status_code == 200 and "Tomsk and Belarus agree to cooperate" in page.text
    r = client.get("/storylines/st-0", params={"page": "2"}, follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/storylines/st-1?page=2"
    page = client.get("/storylines/st-0")
    assert page.status_code == 200 and "Tomsk–Belarus cooperation" in page.text


def test_old_feed_items_stay_resolvable(seeded: Store, client: TestClient) -> None:
    def items() -> dict[str, str]:
        root = ET.fromstring(client.get("/api/v1/feeds/events.rss").content)
        return {i.findtext("guid", ""): i.findtext("link", "")
                for i in root.findall("./channel/item")}

    before = items()
    assert set(before) == {"ev-2024", "ev-2025", "ev-evil"}
    merge_events(seeded, "ev-2025", "ev-2024")
    after = items()
    # The surviving event keeps its item: same GUID, same link.
    assert set(after) == {"ev-2024", "ev-evil"}
    assert after["ev-2024"] == before["ev-2024"]
    # The merged-away item's link leads to the survivor's page.
    old = urlsplit(before["ev-2025"]).path
    assert old == "/events/ev-2025"
    r = client.get(old, follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == after["ev-2024"]
    assert client.get(old).status_code == 200
    atom = ET.fromstring(client.get("/api/v1/feeds/events.atom").content)
    ids = [e.findtext("{http://www.w3.org/2005/Atom}id") for e in
           atom.findall("{http://www.w3.org/2005/Atom}entry")]
    assert "urn:sujet:ev-2024" in ids and "urn:sujet:ev-2025" not in ids


def test_odd_ids_redirect_with_escaped_locations(seeded: Store, client: TestClient) -> None:
    seeded.upsert_events([Event(id="ev 2024?é", title="Odd id")])
    seeded.add_event_aliases({"old id#1": "ev 2024?é"})
    r = client.get("/api/v1/events/old%20id%231", follow_redirects=False)
    assert r.status_code == 308
    assert r.headers["location"] == f"{BASE}/api/v1/events/ev%202024%3F%C3%A9"
    assert client.get("/api/v1/events/old%20id%231").json()["title"] == "Odd id"

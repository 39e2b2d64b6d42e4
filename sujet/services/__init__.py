"""The queries the command line, the REST API and the web pages share.

Each takes the store (and its arguments) and returns the API's public schemas
(:mod:`sujet.api.schemas`): the API returns them as they are, the web pages render them, and
`sujet … --json` prints them, so that each view is assembled in one place.

- :mod:`sujet.services.articles` — lists, one article with its persons panel, an extracted page;
- :mod:`sujet.services.events` — lists, one event's composite view and detail;
- :mod:`sujet.services.storylines` — lists, one storyline with its events;
- :mod:`sujet.services.dossier` — an entity found by name or id, and its dossier;
- :mod:`sujet.services.search` — full-text search with name expansion;
- :mod:`sujet.services.entity_cache` — entity lookups shared within a request.
"""

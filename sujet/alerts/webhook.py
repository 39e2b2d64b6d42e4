"""Webhook delivery: one JSON POST per alert, signed with HMAC-SHA256 of a configured secret.

The ``X-Sujet-Signature`` header carries ``sha256=`` and the hex digest of the body under the
secret, so the receiver can check the alert came from this Sujet and was not altered.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import urllib.error
import urllib.request
from typing import Any

from sujet.errors import DeliveryFailed

SIGNATURE_HEADER = "X-Sujet-Signature"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(url: str, payload: dict[str, Any], secret: str | None, timeout_s: float) -> None:
    """POST the payload once; DeliveryFailed (E800) with the reason when it is not taken."""
    if not secret:
        raise DeliveryFailed("no webhook secret configured (alerts.webhook_secret)")
    if not url.startswith(("http://", "https://")):
        raise DeliveryFailed(f"webhook URL {url!r} is not http(s)")
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "Sujet alerts",
        SIGNATURE_HEADER: signature(secret, body),
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as err:
        raise DeliveryFailed(f"HTTP {err.code} from {url}") from err
    except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise DeliveryFailed(f"{url}: {reason}") from err
    if not 200 <= status < 300:
        raise DeliveryFailed(f"HTTP {status} from {url}")

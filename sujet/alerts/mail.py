"""E-mail delivery through the configured SMTP server (smtplib)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from sujet.alerts.model import Alert, Watchlist
from sujet.config import AlertSettings
from sujet.errors import DeliveryFailed


def message(watchlist: Watchlist, alert: Alert, sender: str, link: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = watchlist.email or ""
    msg["Subject"] = " ".join(f"[Sujet: {watchlist.name}] {alert.title}".split())[:200]
    msg["X-Sujet-Alert"] = str(alert.id)
    lines = [alert.title, "", f"Date: {alert.date or 'unknown'}", f"Link: {link}",
             "", f"Watchlist: {watchlist.name} ({watchlist.kind}: {watchlist.target})"]
    msg.set_content("\n".join(lines))
    return msg


def send(watchlist: Watchlist, alert: Alert, settings: AlertSettings, link: str) -> None:
    """Send the alert once; DeliveryFailed (E800) with the reason when the server refuses it."""
    if not settings.smtp_host:
        raise DeliveryFailed("no SMTP server configured (alerts.smtp_host)")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                          timeout=settings.timeout_s) as smtp:
            smtp.send_message(message(watchlist, alert, settings.smtp_from, link))
    except (smtplib.SMTPException, OSError, ValueError) as err:
        raise DeliveryFailed(f"SMTP {settings.smtp_host}:{settings.smtp_port}: "
                             f"{' '.join(str(err).split())}") from err

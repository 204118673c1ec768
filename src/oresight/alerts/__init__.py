"""Alerting: rules decide, the outbox remembers, channels deliver.

``rules`` (pure: an announcement and a rule → a match with its reasons), ``outbox`` (alerts in the
database with idempotency keys, retries, backoff and dead letters), ``channels`` (webhook, email,
apprise, server-sent events, Atom), ``render`` (text and HTML of alerts and digests).
"""

from oresight.alerts.model import PHASES, Alert, Digest, Message, Phase

__all__ = ["PHASES", "Alert", "Digest", "Message", "Phase"]

"""E-mail channel: one multipart message (text and HTML alternatives) per alert or digest, over SMTP.

Options (``kind = "email"``): ``host`` (required), ``port`` (default 25), ``from`` (required),
``to`` (required: an address, a comma-separated string or a list), ``username`` and ``password``
(optional, together), ``tls`` (``"none"``, ``"starttls"`` or ``"tls"``; default ``"none"``),
``timeout`` (seconds, default 20).

The ``Message-ID`` is derived from the message key, so a retried message carries the same id, and the
key itself travels in ``X-Oresight-Key``. Outcome: refused recipients or any 5xx answer are
permanent; a connection failure, a timeout or a 4xx answer (greylisting, a full queue) is retried.
A message refused for some recipients and accepted for others is reported as a permanent failure
(retrying would send it twice to those who got it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import formataddr, formatdate, getaddresses
from typing import Any

import aiosmtplib

from oresight._http import HttpClient
from oresight.alerts.channels.base import Channel, DeliveryError, register, require
from oresight.alerts.model import Message
from oresight.alerts.render import message_html, message_text, message_title, one_line
from oresight.exceptions import BadInput

TLS_MODES = ("none", "starttls", "tls")
DEFAULT_PORT = 25
DEFAULT_TIMEOUT = 20.0
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+$")


def message_id(key: str, domain: str) -> str:
    """A Message-ID that is the same for every attempt of the message with ``key``."""
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}.oresight@{domain}>"


def _one_line_error(text: object, limit: int = 200) -> str:
    line = one_line(text.decode(errors="replace") if isinstance(text, bytes) else text)
    return line if len(line) <= limit else line[: limit - 1] + "…"


@register
class EmailChannel(Channel):
    kind = "email"

    def __init__(self, name: str, options: Mapping[str, Any], client: HttpClient) -> None:
        super().__init__(name, options, client)
        host = require(options, "host", name)
        if not isinstance(host, str) or not re.fullmatch(r"[A-Za-z0-9.\-:\[\]]+", host):
            raise BadInput(f"channel {name!r}: option 'host' must be a host name or address")
        self.host = host
        port = options.get("port", DEFAULT_PORT)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise BadInput(f"channel {name!r}: option 'port' must be a port number (1-65535)")
        self.port = port
        self.sender_header, self.sender = self._addresses(require(options, "from", name), "from", single=True)[0]
        to = self._addresses(require(options, "to", name), "to", single=False)
        self.recipients_header = [header for header, _ in to]
        self.recipients = [address for _, address in to]
        username, password = options.get("username"), options.get("password")
        if (username is None) != (password is None):
            raise BadInput(f"channel {name!r}: options 'username' and 'password' go together")
        if username is not None and not (isinstance(username, str) and username and isinstance(password, str)):
            raise BadInput(f"channel {name!r}: options 'username' and 'password' must be strings")
        self.username: str | None = username
        self.password: str | None = password
        tls = options.get("tls", "none")
        if tls not in TLS_MODES:
            raise BadInput(f"channel {name!r}: option 'tls' must be one of {', '.join(TLS_MODES)}")
        self.tls: str = tls
        timeout = options.get("timeout", DEFAULT_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 600:
            raise BadInput(f"channel {name!r}: option 'timeout' must be a number of seconds in (0, 600]")
        self.timeout = float(timeout)

    def _addresses(self, value: Any, option: str, *, single: bool) -> list[tuple[str, str]]:
        """``(header form, bare address)`` pairs of an option holding one or more addresses."""
        items: Sequence[Any] = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
        if not items or not all(isinstance(i, str) for i in items):
            raise BadInput(f"channel {self.name!r}: option {option!r} must be an address or a list of addresses")
        if any(re.search(r"[\r\n\x00]", i) for i in items):
            raise BadInput(f"channel {self.name!r}: option {option!r} must not contain line breaks")
        pairs = getaddresses(list(items))
        if not pairs or any(not _ADDRESS.match(addr) for _, addr in pairs):
            bad = next((addr or "(empty)" for _, addr in pairs if not _ADDRESS.match(addr)), "(empty)")
            raise BadInput(f"channel {self.name!r}: option {option!r}: {bad!r} is not an e-mail address")
        if single and len(pairs) != 1:
            raise BadInput(f"channel {self.name!r}: option {option!r} must be exactly one address")
        return [(formataddr((display, addr)), addr) for display, addr in pairs]

    def build(self, message: Message) -> EmailMessage:
        """The e-mail for ``message``: Subject = the title, text and HTML alternatives."""
        mail = EmailMessage()
        mail["Subject"] = message_title(message)
        mail["From"] = self.sender_header
        mail["To"] = ", ".join(self.recipients_header)
        mail["Date"] = formatdate(usegmt=True)
        mail["Message-ID"] = message_id(message.key, self.sender.rsplit("@", 1)[1])
        mail["X-Oresight-Key"] = one_line(message.key)
        mail["Auto-Submitted"] = "auto-generated"
        mail.set_content(message_text(message))
        mail.add_alternative(message_html(message), subtype="html")
        return mail

    async def send(self, message: Message) -> None:
        mail = self.build(message)
        where = f"{self.host}:{self.port}"
        try:
            errors, _ = await aiosmtplib.send(
                mail, sender=self.sender, recipients=self.recipients, hostname=self.host, port=self.port,
                username=self.username, password=self.password, use_tls=self.tls == "tls",
                start_tls=self.tls == "starttls", timeout=self.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            refused = "; ".join(f"{r.recipient} ({r.code} {_one_line_error(r.message, 80)})" for r in exc.recipients)
            temporary = all(400 <= r.code < 500 for r in exc.recipients)
            raise DeliveryError(f"email {self.name}: {where} refused every recipient: {refused}",
                                permanent=not temporary) from None
        except aiosmtplib.SMTPResponseException as exc:
            raise DeliveryError(f"email {self.name}: SMTP {exc.code} from {where}: {_one_line_error(exc.message)}",
                                permanent=exc.code >= 500) from None
        except aiosmtplib.SMTPNotSupported as exc:
            raise DeliveryError(f"email {self.name}: {where}: {_one_line_error(exc)}", permanent=True) from None
        except aiosmtplib.SMTPTimeoutError:
            raise DeliveryError(f"email {self.name}: no answer from {where} within {self.timeout:g} s") from None
        except (aiosmtplib.SMTPException, OSError) as exc:
            detail = _one_line_error(exc) or type(exc).__name__
            raise DeliveryError(f"email {self.name}: cannot reach {where} ({detail})") from None
        if errors:
            refused = "; ".join(f"{addr} ({r.code} {_one_line_error(r.message, 80)})" for addr, r in errors.items())
            raise DeliveryError(f"email {self.name}: sent to {len(self.recipients) - len(errors)} of "
                                f"{len(self.recipients)} recipients; {where} refused {refused}", permanent=True)

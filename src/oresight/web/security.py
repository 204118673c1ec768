"""Browser-facing security of the web app: response headers (a strict Content-Security-Policy) and CSRF
protection of the dashboard's forms.

Headers (every response, by :class:`SecurityHeaders`, a pure ASGI middleware so streams pass through):
``Content-Security-Policy`` (:data:`CSP`: scripts, styles, images and connections from this origin only,
no inline script or style, no plugins, no framing, forms post only here), ``X-Content-Type-Options:
nosniff``, ``Referrer-Policy: same-origin`` and ``X-Frame-Options: DENY`` (for browsers without
``frame-ancestors``).

CSRF (:class:`Csrf`): a signed double-submit token. A page with a form sets the cookie ``oresight_csrf``
(a random nonce; HttpOnly, SameSite=Strict) and puts HMAC-SHA256(install secret, nonce) in the form's
hidden ``csrf_token`` field. A POST is accepted only when the field matches the signature of the cookie's
nonce, and when the browser does not say the request is cross-site (``Sec-Fetch-Site``, ``Origin``). A
forged form lacks the signature (the secret never leaves the server), and a cookie planted by a
neighbouring site cannot be signed. The install secret is ``$ORESIGHT_SECRET``, else a random key kept in
a file (:func:`secret_path`), created on first use with mode 0600.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from oresight.store import Store

log = logging.getLogger("oresight.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}

SECRET_ENV = "ORESIGHT_SECRET"
SECRET_FILE_ENV = "ORESIGHT_SECRET_FILE"
SECRET_NAME = "oresight.secret"
COOKIE = "oresight_csrf"
FIELD = "csrf_token"
_NONCE = re.compile(r"[A-Za-z0-9_-]{32,64}")
REFUSED = "CSRF check failed: reload the page and submit the form again"


class SecurityHeaders:
    """ASGI middleware: the security headers on every HTTP response (a header the app set itself wins)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def secret_path(store: Store | None = None) -> Path:
    """Where the install secret is kept: ``$ORESIGHT_SECRET_FILE``, else beside the SQLite database file,
    else ``var/oresight.secret`` (relative to the working directory, like the default database)."""
    explicit = os.environ.get(SECRET_FILE_ENV, "").strip()
    if explicit:
        return Path(explicit)
    if store is not None and store.backend == "sqlite":
        from sqlalchemy import make_url

        database = make_url(store.url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            return Path(database).parent / SECRET_NAME
    return Path("var") / SECRET_NAME


def install_secret(path: Path) -> bytes:
    """The per-install secret: ``$ORESIGHT_SECRET``, else the key in ``path`` (created with mode 0600 on
    first use). If the file cannot be written, a key for this process only (forms open in a browser across
    a restart then need a reload), with a warning."""
    env = os.environ.get(SECRET_ENV, "")
    if env.strip():
        return env.strip().encode()
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # written whole under a private name, then linked into place: another process starting at the
            # same moment either wins the link or reads the complete key
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "w") as f:
                    f.write(secrets.token_hex(32) + "\n")
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                tmp.unlink(missing_ok=True)
        key = path.read_text("ascii").strip()
        if len(key) < 32:
            raise OSError(f"{path}: the key is shorter than 32 characters")
        return key.encode()
    except (OSError, UnicodeDecodeError) as e:
        log.warning("no install secret file (%s): CSRF tokens last until this process stops", e)
        return secrets.token_bytes(32)


class Csrf:
    """Signed double-submit CSRF tokens (see the module docstring)."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def sign(self, nonce: str) -> str:
        return hmac.new(self._secret, b"oresight-csrf:" + nonce.encode(), hashlib.sha256).hexdigest()

    def issue(self, request: Request) -> tuple[str, str | None]:
        """The form token for this browser, and the new nonce to set as its cookie (None: it has one)."""
        nonce = request.cookies.get(COOKIE, "")
        if _NONCE.fullmatch(nonce):
            return self.sign(nonce), None
        nonce = secrets.token_urlsafe(32)
        return self.sign(nonce), nonce

    @staticmethod
    def set_cookie(response: Response, nonce: str, request: Request) -> None:
        response.set_cookie(COOKIE, nonce, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")

    async def check(self, request: Request) -> Response | None:
        """None when the POST carries a valid token; else the 403 response to send (one line of text)."""
        if request.headers.get("sec-fetch-site", "").lower() == "cross-site":
            return PlainTextResponse(REFUSED + " (cross-site request)\n", status_code=403)
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
            return PlainTextResponse(REFUSED + " (the request comes from another site)\n", status_code=403)
        try:
            form = await request.form(max_files=0, max_fields=20)
        except Exception:  # an unreadable body is refused like a missing token
            return PlainTextResponse(REFUSED + " (unreadable form)\n", status_code=403)
        token = form.get(FIELD)
        nonce = request.cookies.get(COOKIE, "")
        if (not isinstance(token, str) or not _NONCE.fullmatch(nonce)
                or not hmac.compare_digest(self.sign(nonce).encode(), token.encode())):
            return PlainTextResponse(REFUSED + "\n", status_code=403)
        return None

"""Real mail servers on loopback for tests: aiosmtpd (SMTP) and a stand-in GOV.UK Notify API.

Ports come from this engineer's ranges (SMTP 25710-25719, Notify 8715-8719); each server takes
the first free one, so parallel test workers do not collide.
"""

from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

SMTP_PORTS = range(25710, 25720)
NOTIFY_PORTS = range(8715, 8720)
REFUSED = "refused@example.org"


def free_port(ports: range) -> int:
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports}")


@dataclass
class Inbox:
    messages: list[dict[str, Any]] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address == REFUSED:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            {"to": list(envelope.rcpt_tos), "data": envelope.content.decode("utf-8", "replace")}
        )
        return "250 Message accepted for delivery"


def smtp_start() -> tuple[Controller, Inbox, int]:
    inbox = Inbox()
    port = free_port(SMTP_PORTS)
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox, port


@dataclass
class NotifyStandIn:
    """Answers POST /v2/notifications/email as Notify does; 400 for a refused address,
    500 while ``failing`` is set."""

    requests: list[dict[str, Any]] = field(default_factory=list)
    failing: bool = False


def notify_start() -> tuple[ThreadingHTTPServer, NotifyStandIn, int]:
    state = NotifyStandIn()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(
                {"path": self.path, "auth": self.headers.get("Authorization", ""), "json": body}
            )
            if state.failing:
                self._answer(500, {"errors": [{"error": "Exception", "message": "down"}]})
            elif body.get("email_address") == REFUSED:
                self._answer(400, {"errors": [{"error": "ValidationError", "message": "bad"}]})
            else:
                self._answer(
                    201, {"id": f"notify-{len(state.requests)}", "reference": body.get("reference")}
                )

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    port = free_port(NOTIFY_PORTS)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, state, port

"""Serve a folder on a free loopback port: for the browser check and the picture scripts.

Nothing here listens beyond 127.0.0.1, and nothing logs requests to the terminal.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, without a request log on the terminal."""

    def log_message(self, format: str, *args: Any) -> None:
        """The caller's own output keeps the terminal."""


class KeptHandler(QuietHandler):
    """Static files the browser may keep for an hour: for a check, during which they do not
    change, so that a browser loads the scripts and styles every page shares only once."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a connection early is normal here, not worth a traceback."""


@contextmanager
def serve_folder(root: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at a free port; yields the base URL (ending in ``/``)."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()

"""Serve a built site on 127.0.0.1, and wait for a served page: for browser tests and benchmark/benchmark.py."""
import contextlib
import functools
import gzip
import socket
import threading
import time
import urllib.request
from pathlib import Path
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class _QuietHandler(SimpleHTTPRequestHandler):
    compress = False  # as a static host does (GitHub Pages): text gzipped when asked, cached ten minutes
    COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().do_GET()  # redirects to the address with a slash
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if not (self.compress and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                and kind.startswith(self.COMPRESSED_TYPES)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        # As GitHub Pages does, a missing address gets the site's own 404.html.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _CompressingHandler(_QuietHandler):
    compress = True


@contextlib.contextmanager
def serve(directory, port: int = 0, compress: bool = False):
    """Serve a folder on 127.0.0.1 (on a free port unless one is given); yields its URL.

    compress: gzip text and send cache headers, as a static host such as GitHub Pages does.
    """
    handler = functools.partial(_CompressingHandler if compress else _QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fetch_text(url: str) -> str:
    """A page's text, or "" while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    """Whether predicate() came true within the time (checked often, so waits are measured closely)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False

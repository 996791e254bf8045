"""`mkdocs serve` picks up an edited record in one rebuild, without a restart or a rebuild loop."""
import os
import subprocess
import sys
import time

from sitebuild import FIXTURES, make_site
from webserver import fetch_text, free_port, wait_for


def test_edited_record_shows_after_exactly_one_rebuild(tmp_path):
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=site, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/es/strategies/first-best/"
        assert wait_for(lambda: "Encargar un sistema completo" in fetch_text(url), 60), log.read_text()
        record = site / "content" / "es" / "strategies" / "first-best.yml"
        record.write_text(record.read_text(encoding="utf-8").replace(
            "Encargar un sistema completo", "Encargar un sistema integral"), encoding="utf-8")
        assert wait_for(lambda: "Encargar un sistema integral" in fetch_text(url), 60), log.read_text()
        time.sleep(5)  # a rebuild loop would show up as more rebuilds in this time
        text = log.read_text()
        assert text.count("Detected file changes") == 1, text
        assert server.poll() is None, text
    finally:
        server.terminate()
        server.wait(timeout=20)

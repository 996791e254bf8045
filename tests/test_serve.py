"""`mkdocs serve` picks up an edited record in one rebuild, without a restart or a rebuild loop."""
import contextlib
import json
import os
import subprocess
import sys
import time

from sitebuild import FIXTURES, make_site
from webserver import fetch_text, free_port, wait_for


@contextlib.contextmanager
def serving(tmp_path, *flags):
    """`mkdocs serve` of the good fixture: (project folder, its address, its log file)."""
    site = make_site(tmp_path / "project", FIXTURES / "good" / "content")
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *flags, "-a", f"127.0.0.1:{port}"],
                                  cwd=site, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        yield site, f"http://127.0.0.1:{port}", log, server
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_edited_record_shows_after_exactly_one_rebuild(tmp_path):
    with serving(tmp_path) as (site, base, log, server):
        url = f"{base}/es/strategies/first-best/"
        assert wait_for(lambda: "Encargar un sistema completo" in fetch_text(url), 60), log.read_text()
        record = site / "content" / "es" / "strategies" / "first-best.yml"
        record.write_text(record.read_text(encoding="utf-8").replace(
            "Encargar un sistema completo", "Encargar un sistema integral"), encoding="utf-8")
        assert wait_for(lambda: "Encargar un sistema integral" in fetch_text(url), 60), log.read_text()
        time.sleep(5)  # a rebuild loop would show up as more rebuilds in this time
        text = log.read_text()
        assert text.count("Detected file changes") == 1, text
        assert server.poll() is None, text


def test_the_editing_server_rebuilds_only_what_changed_and_keeps_search_and_links_current(tmp_path):
    """./scripts/serve.sh (mkdocs serve --dirty --no-strict): an edit shows on the record's page, its
    collection's page and the search index, which still holds every other page; a content error stops the
    rebuild with its message (MkDocs holds the pages until it is fixed), and the fixed record shows."""
    with serving(tmp_path, "--dirty", "--no-strict") as (site, base, log, _):
        page = f"{base}/es/strategies/first-best/"
        assert wait_for(lambda: "Encargar un sistema completo" in fetch_text(page), 90), log.read_text()
        entries_before = len(json.loads(fetch_text(f"{base}/es/search/search_index.json"))["docs"])
        record = site / "content" / "es" / "strategies" / "first-best.yml"
        good = record.read_text(encoding="utf-8")
        record.write_text(good.replace("Encargar un sistema completo", "Encargar un sistema integral"),
                          encoding="utf-8")
        assert wait_for(lambda: "Encargar un sistema integral" in fetch_text(page), 60), log.read_text()
        assert "Encargar un sistema integral" in fetch_text(f"{base}/es/strategies/")  # its collection's page
        index = json.loads(fetch_text(f"{base}/es/search/search_index.json"))
        assert any("Encargar un sistema integral" in doc["title"] for doc in index["docs"])
        assert len(index["docs"]) == entries_before, "every other page is still found"
        assert not any("Encargar un sistema completo" in doc["title"] for doc in index["docs"])
        record.write_text(good.replace("title: ", "title: [broken", 1), encoding="utf-8")
        assert wait_for(lambda: "malformed YAML" in log.read_text(), 60), log.read_text()
        assert "content/es/strategies/first-best.yml:2:" in log.read_text()
        assert "Traceback" not in log.read_text()
        record.write_text(good.replace("Encargar un sistema completo", "Encargar un sistema nuevo"), encoding="utf-8")
        assert wait_for(lambda: "Encargar un sistema nuevo" in fetch_text(page), 60), log.read_text()

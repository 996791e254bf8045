#!/usr/bin/env python3
"""Run the `mkdocs` command line, timing the project's hooks inside it: used by scripts/benchmark.py.

    python scripts/hook_timer.py build -q      # as `mkdocs build -q`; prints nothing more

When HOOK_TIME_FILE names a file, the seconds spent in the hooks' event handlers (hooks/*.py,
every language's build) are written to it. Measured inside the build itself, this share is not
disturbed by the machine being faster or slower from one build to the next.
"""
from __future__ import annotations

import atexit
import os
import sys
import time

from mkdocs import plugins
from mkdocs.__main__ import cli

seconds = 0.0  # in the hooks' handlers, so far


def timed_run_event(self, name, item=None, **kwargs):
    """MkDocs' own run_event (mkdocs/plugins.py), with the time of each hook's handler added up."""
    global seconds
    for method in self.events[name]:
        origin = self._current_plugin = self._event_origins.get(method, "<unknown>")
        started = time.perf_counter()
        result = method(item, **kwargs) if item is not None else method(**kwargs)
        if origin.startswith("hooks/"):
            seconds += time.perf_counter() - started
        if result is not None:
            item = result
    self._current_plugin = None
    return item


@atexit.register
def write_seconds():
    if os.environ.get("HOOK_TIME_FILE"):
        with open(os.environ["HOOK_TIME_FILE"], "w", encoding="utf-8") as out:
            out.write(f"{seconds:.6f}\n")


if __name__ == "__main__":
    plugins.PluginCollection.run_event = timed_run_event
    sys.argv[0] = "mkdocs"
    cli()

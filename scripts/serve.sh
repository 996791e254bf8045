#!/usr/bin/env bash
# Set up and serve the site at http://127.0.0.1:8000/ (Spanish at /es/) for editing: a saved record shows in
# a few seconds, because only the pages whose text changed are built again (MkDocs' --dirty). Content errors
# still stop the rebuild with their message. `./scripts/serve.sh --full` rebuilds every page on each change,
# as the published build does, with its strict checks of links.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-}" = "--full" ]; then
  shift
  exec .venv/bin/mkdocs serve "$@"
fi
exec .venv/bin/mkdocs serve --dirty --no-strict "$@"

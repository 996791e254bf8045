#!/usr/bin/env bash
# Set up and serve the site at http://127.0.0.1:8000/ (Spanish at /es/); edits to content/ show after one rebuild.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve "$@"

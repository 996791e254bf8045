#!/usr/bin/env bash
# Set up and run every test: unit, bad-content fixtures, full build, serve and real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Set up everything the site needs: a Python virtual environment in .venv with the pinned packages.
# With --test, also what the tests need: the test packages, Debian's Chromium and the checkers' tools.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Please install as root: $*" >&2; exit 1
  fi
}

apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=... to choose another)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi

requirements=requirements.txt
if [ "${1:-}" = "--test" ]; then
  requirements=requirements-test.txt
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
  [ -f /usr/share/hunspell/en_US.dic ] || missing+=(hunspell-en-us)
  [ -f /usr/share/hunspell/es_MX.dic ] || missing+=(hunspell-es)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  # axe-core, the Nu HTML Checker and Lighthouse, pinned in package.json and package-lock.json
  npm ci --no-audit --no-fund --loglevel=error
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"

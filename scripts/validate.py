#!/usr/bin/env python3
"""Check every content record without building the site.

Prints one line per problem: file:line:column: [lang] id: message
Exit status 0 when the content is valid, 1 otherwise.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from validation import ContentError, load_content  # noqa: E402


def main() -> int:
    content_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content"
    try:
        content = load_content(content_dir, root=content_dir.resolve().parent)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{content.count()} records valid in each language.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

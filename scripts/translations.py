#!/usr/bin/env python3
"""What translators must update, and marking a translation as up to date.

  python scripts/translations.py                 list translations that are outdated or missing a stamp
  python scripts/translations.py stamp ID [ID…]  after updating content/es/…/ID.yml: record that it
                                                 translates the current English text
  python scripts/translations.py stamp --all     the same for every translation (use with care)

Exit status of the listing: 0 when every translation is up to date, 1 otherwise.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import translations  # noqa: E402
from validation import ContentError, load_content  # noqa: E402
from schema import DEFAULT_LANGUAGE, STAMP_FIELD  # noqa: E402

STAMP_LINE = re.compile(rf"^{STAMP_FIELD}:.*\n?", re.MULTILINE)


def listing(content) -> int:
    pending = 0
    for lang in translations.translated_languages():
        grouped = translations.statuses(content, lang)
        for status in (translations.OUTDATED, translations.MISSING):
            for record in grouped[status]:
                english = content.get(DEFAULT_LANGUAGE, record.id).path
                reason = f"the English text changed ({english})" if status == translations.OUTDATED \
                    else "no 'translates' stamp yet"
                print(f"{record.path}: {status}: {reason}")
                pending += 1
        print(f"[{lang}] {len(grouped[translations.UP_TO_DATE])} up to date, "
              f"{len(grouped[translations.OUTDATED])} outdated, {len(grouped[translations.MISSING])} missing")
    return 1 if pending else 0


def stamp(content, root: Path, ids: list[str]) -> int:
    for lang in translations.translated_languages():
        for record_id in ids:
            record = content.get(lang, record_id)
            if record is None:
                print(f"no record '{record_id}'", file=sys.stderr)
                return 2
            path = root / record.path
            text = STAMP_LINE.sub("", path.read_text(encoding="utf-8"))
            value = translations.fingerprint(content.get(DEFAULT_LANGUAGE, record_id))
            # quoted: a fingerprint of digits alone would read as a number
            path.write_text(f"{STAMP_FIELD}: '{value}'\n{text}", encoding="utf-8")
            print(f"{record.path}: translates {value}")
    return 0


def main(argv: list[str]) -> int:
    content_dir = ROOT / "content"
    if argv[:1] == ["--content"]:
        content_dir, argv = Path(argv[1]), argv[2:]
    try:
        content = load_content(content_dir, root=content_dir.resolve().parent)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    if not argv:
        return listing(content)
    if argv[0] == "stamp" and argv[1:]:
        ids = list(content.records[DEFAULT_LANGUAGE]) if argv[1:] == ["--all"] else argv[1:]
        return stamp(content, content_dir.resolve().parent, ids)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

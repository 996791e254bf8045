"""The words the generated pages use around the records, in each language (hooks/labels.yml)."""
from __future__ import annotations

from pathlib import Path

import yaml

LABELS = Path(__file__).parent / "labels.yml"


def load_labels(path: Path = LABELS) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # safe; libyaml's where there

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The hooks import each other by module name, as MkDocs loads them.
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

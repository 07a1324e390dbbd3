"""Per-field Cohen's kappa between the corpus's two readers.

.venv/bin/python scripts/corpus_agreement.py [evals/data/corpus/statements.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from goldenthread.evaluation.corpus import CORPUS_PATH, agreement, corpus_load


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_PATH
    items = corpus_load(path)
    print(f"Reader agreement on {len(items)} statements ({path.name})")
    print(f"  {'field':<15}{'kappa':>7}{'n':>6}")
    for field, (kappa, n) in agreement(items).items():
        print(f"  {field:<15}{kappa:>7.3f}{n:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

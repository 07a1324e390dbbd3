"""Rewrite the counted parts of the rubric corpus README from the corpus file itself.

    .venv/bin/python scripts/corpus_readme.py [evals/data/corpus/statements.jsonl]

Three parts of ``evals/data/corpus/README.md`` are figures about the file, so they are written by
this script rather than by hand: the "Counts (this file)" list, the reader-agreement table and the
"Sources" list. Everything else in the README (the method) is prose and is left as it is. Run it
after ``scripts/corpus_split.py`` whenever statements are added.
"""

from __future__ import annotations

import sys
from pathlib import Path

from goldenthread.evaluation.corpus import CORPUS_PATH
from goldenthread.evaluation.corpus_readme import readme_rewrite


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS_PATH
    readme = path.parent / "README.md"
    readme.write_text(readme_rewrite(path), encoding="utf-8")
    print(f"{readme}: counts, agreement and sources rewritten from the corpus file")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Assign train/dev/test splits in the rubric corpus by website, deterministically.

    .venv/bin/python scripts/corpus_split.py [evals/data/corpus/statements.jsonl] [--seed S]
    .venv/bin/python scripts/corpus_split.py --reassign      # start again from nothing
    .venv/bin/python scripts/corpus_split.py --new-to test   # new websites: a fresh test set
    .venv/bin/python scripts/corpus_split.py --retire-test --new-to test  # old test -> dev

Every statement from one website (host without "www.") goes to the same split. A website that
already has a split keeps it (so adding statements never moves a test website into training,
or a trained-on website into test); new websites are taken in seeded-hash order and each goes
to the split furthest below its share (60/20/20 of statements). ``--retire-test`` first moves
every website already in ``test`` to ``dev``: a test split whose figures have been printed for
many models is a dev split from then on (docs/adr/0053). The file is rewritten in place with
``split`` set; the counts are printed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from goldenthread.evaluation.corpus import CORPUS_PATH, SPLIT_SEED, splits_assign, website


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=CORPUS_PATH)
    parser.add_argument("--seed", default=SPLIT_SEED)
    parser.add_argument(
        "--reassign", action="store_true", help="ignore the splits already in the file"
    )
    parser.add_argument(
        "--new-to",
        choices=("train", "dev", "test"),
        help="put every website not yet in the file in this split (default: by share)",
    )
    parser.add_argument(
        "--retire-test",
        action="store_true",
        help="move every website already in test to dev (before new websites are assigned)",
    )
    args = parser.parse_args()
    lines = [line for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    kept: dict[str, str] = {}
    if not args.reassign:
        for record in records:
            if record.get("split"):
                site = website(str(record["source"]))
                if kept.setdefault(site, record["split"]) != record["split"]:
                    raise SystemExit(f"{record['id']}: website {site} is in two splits")
    if args.retire_test:
        kept = {site: "dev" if split == "test" else split for site, split in kept.items()}
    assigned = splits_assign(
        [str(r["source"]) for r in records], seed=args.seed, kept=kept, new_to=args.new_to
    )
    for record in records:
        record["split"] = assigned[website(str(record["source"]))]
    args.path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    statements = Counter(r["split"] for r in records)
    sites = Counter(assigned.values())
    for split in ("train", "dev", "test"):
        print(f"{split:<6}{statements[split]:>6} statements{sites[split]:>5} websites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

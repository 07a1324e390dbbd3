"""``goldenthread eval``: measure the quality engine and theme linking against labelled sets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 2
MSG_THEMES_MISSING = (
    "The theme evaluation is not installed (goldenthread.evaluation.themes is missing), "
    "so 'eval themes' cannot run."
)
MSG_DATA_WITH_ALL = (
    "--data names one labelled set: use it with 'eval quality', 'eval themes' or 'eval rubric'."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="?",
        choices=("quality", "themes", "rubric", "all"),
        default="all",
        help="what to evaluate (default: all)",
    )
    parser.add_argument(
        "--data", type=Path, help="a labelled JSONL file in the same format as evals/data/<set>/"
    )


def run(args: argparse.Namespace) -> int:
    if args.target == "all" and args.data is not None:
        print(MSG_DATA_WITH_ALL, file=sys.stderr)
        return EXIT_ERROR
    if args.target in {"quality", "all"}:
        from goldenthread.evaluation.quality import EvaluationDataError
        from goldenthread.evaluation.quality import main as quality_main

        try:
            quality_main(args.data, sys.stdout)
        except EvaluationDataError as error:
            print(error, file=sys.stderr)
            return EXIT_ERROR
    if args.target in {"themes", "all"}:
        try:
            from goldenthread.evaluation import themes
        except ImportError:
            print(MSG_THEMES_MISSING, file=sys.stderr)
            return EXIT_ERROR
        if args.target == "all":
            print(file=sys.stdout)
        themes.main(args.data, sys.stdout)
    if args.target in {"rubric", "all"}:
        from goldenthread.evaluation import rubric

        if args.target == "all":
            print(file=sys.stdout)
        rubric.main(args.data if args.target == "rubric" else None, sys.stdout)
    return EXIT_OK

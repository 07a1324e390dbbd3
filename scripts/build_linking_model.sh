#!/usr/bin/env bash
# Rebuild the theme-linking model (static embedding + classifier) in a separate build venv.
#   scripts/build_linking_model.sh            # distil + train
#   scripts/build_linking_model.sh --step train
# The venv (.venv-build/, git-ignored) holds torch; the product never needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${BUILD_VENV:-.venv-build}"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null || PY=python3
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
fi
# torch first, pinned exactly (CPU wheel); then the rest, checking torch is left alone.
"$VENV/bin/pip" install --quiet torch==2.13.0
"$VENV/bin/pip" install --quiet -r scripts/requirements-build-model.txt
"$VENV/bin/python" -c "import torch, sys; v = torch.__version__; print('torch', v); sys.exit(0 if v.startswith('2.13.0') else 1)"
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 "$VENV/bin/python" scripts/build_linking_model.py "$@"

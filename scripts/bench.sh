#!/usr/bin/env bash
# Kept for muscle memory: the benchmark is scripts/bench.py (see docs/benchmark.md).
# bench.sh [SIZE_MB ...] runs it on those corpus sizes with the already built release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${*:-10 100}"
exec python3 scripts/bench.py --sizes "$sizes"

#!/usr/bin/env bash
# Checks that a speed-up changed nothing: imports a generated corpus and the seeds with BIN and
# compares the id-free dump and the scorer's figures with a baseline made by the same script.
#   scripts/dev/same-kb.sh baseline [BIN]   # once, from the commit before the change
#   scripts/dev/same-kb.sh check [BIN]      # after it: prints DUMP SAME / SCORE SAME or the diff
set -euo pipefail
mode=${1:?baseline or check}
bin=${2:-.build/release/gazette}
work=${GAZETTE_CHECK_DIR:-/tmp/gazette-check}
here=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
[ -d "$work/corpus" ] || python3 "$here/scripts/make_corpus.py" "$work/corpus" 2 >/dev/null
rm -f "$work/kb.db"* "$work/seeds.db"*
"$bin" import --db "$work/kb.db" "$work/corpus" --jobs 1 >/dev/null 2>&1
"$bin" import --db "$work/seeds.db" "$here/seeds/documents" >/dev/null 2>&1
python3 "$here/scripts/dev/kb_dump.py" "$work/kb.db" > "$work/dump.$mode.txt"
python3 "$here/../shared/tools/score.py" "$work/seeds.db" "$here/../shared/gold" --verbose > "$work/score.$mode.txt" 2>&1 || true
if [ "$mode" = check ]; then
  cmp -s "$work/dump.baseline.txt" "$work/dump.check.txt" && echo "DUMP SAME" || { echo "DUMP DIFFERS"; diff "$work/dump.baseline.txt" "$work/dump.check.txt" | head -20; }
  cmp -s "$work/score.baseline.txt" "$work/score.check.txt" && echo "SCORE SAME" || { echo "SCORE DIFFERS"; diff "$work/score.baseline.txt" "$work/score.check.txt" | head -20; }
else
  echo "baseline: $(wc -l < "$work/dump.baseline.txt") dump lines, $(grep -c . "$work/score.baseline.txt") score lines"
fi

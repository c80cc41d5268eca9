#!/usr/bin/env bash
# The benchmark: a release build imports a generated corpus of SIZE_MB into a fresh database
# and prints words/s, documents/s, peak RSS and database size. A benchmark, never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-10}
corpus=bench/corpus/${size}mb
db=bench/corpus/bench-${size}mb.db
[ -d "$corpus" ] || python3 scripts/make_corpus.py "$corpus" "$size"
docs=$(find "$corpus" -name '*.txt' | wc -l)
for jobs in 1 2; do
rm -f "$db" "$db-wal" "$db-shm"
log=$(mktemp)
echo "== import of ${size} MB with --jobs $jobs"
/usr/bin/time -v .build/release/gazette import --quiet --jobs "$jobs" --db "$db" "$corpus" 2> "$log" | tee "$log.out"
rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$log")
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
words=$(.build/release/gazette sql --db "$db" --format csv "SELECT sum(word_count) FROM document" | tail -1 | tr -d '\r')
size_db=$(du -k "$db" | cut -f1)
python3 - "$words" "$docs" "$secs" "$rss" "$size_db" "$size" "$jobs" <<'PY'
import sys, json, os, time
words, docs, wall, rss_kb, db_kb, mb, jobs = sys.argv[1:]
parts = [float(x) for x in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
row = {"corpus_mb": float(mb), "jobs": int(jobs), "documents": int(docs), "words": int(words or 0), "seconds": round(secs, 2),
       "words_per_s": round(int(words or 0) / secs), "docs_per_s": round(int(docs) / secs, 1),
       "peak_rss_mb": round(int(rss_kb) / 1024, 1), "db_mb": round(int(db_kb) / 1024, 1)}
print("\n".join(f"{k:>12}: {v}" for k, v in row.items()))
os.makedirs("bench/results", exist_ok=True)
with open(f"bench/results/{time.strftime('%Y%m%d-%H%M%S')}-{mb}mb-jobs{jobs}.json", "w") as f:
    json.dump(row, f, indent=1)
PY
rm -f "$log" "$log.out"
done

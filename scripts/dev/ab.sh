#!/usr/bin/env bash
# Times two gazette binaries on one corpus, alternating A and B so the VM's drift hits both alike.
#   scripts/dev/ab.sh BIN_A BIN_B CORPUS_DIR JOBS ROUNDS
# Prints wall, user and system seconds per run and the mean of each; CPU seconds drift less than wall.
set -euo pipefail
a=$1 b=$2 corpus=$3 jobs=$4 rounds=$5
db=$(mktemp -d)/ab.db
run() {
  rm -f "$db"*
  /usr/bin/time -f "%e %U %S" -o "$db.time" "$1" import --db "$db" "$corpus" --jobs "$jobs" >/dev/null 2>&1
  cat "$db.time"
}
for i in $(seq "$rounds"); do
  echo "A $(run "$a")"; echo "B $(run "$b")"
done | tee /dev/stderr | awk '{w[$1]+=$2; u[$1]+=$3; s[$1]+=$4; n[$1]++}
  END {for (k in n) printf "%s mean wall %.2f user %.2f sys %.2f cpu %.2f\n", k, w[k]/n[k], u[k]/n[k], s[k]/n[k], (u[k]+s[k])/n[k]}' | sort

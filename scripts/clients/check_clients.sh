#!/usr/bin/env bash
# Real clients read a Gazette database: Datasette (from PyPI, in a cached venv) serves the seeds'
# database on loopback and answers the canned headline question; Python's sqlite3 module reads
# every public view; the sqlite3 shell runs docs/example-queries.sql statement by statement.
#
# usage: scripts/clients/check_clients.sh [path/to/gazette]   (default: .build/debug/gazette)
# Fails loudly when Datasette cannot be installed. Every wait is bounded; the server is killed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GAZETTE=${1:-$ROOT/.build/debug/gazette}
VENV=$ROOT/.build-venv/clients
DATASETTE_VERSION=0.65.5

[ -x "$GAZETTE" ] || { echo "check_clients: no gazette binary at $GAZETTE; run swift build first" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "check_clients: the sqlite3 shell is missing; run make deps" >&2; exit 1; }

if ! "$VENV/bin/datasette" --version 2>/dev/null | grep -q "version $DATASETTE_VERSION"; then
    echo "check_clients: installing datasette $DATASETTE_VERSION into $VENV …"
    rm -rf "$VENV"
    timeout 120 python3 -m venv "$VENV"
    timeout 600 "$VENV/bin/pip" install --quiet --disable-pip-version-check "datasette==$DATASETTE_VERSION"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/gazette.db
timeout 300 "$GAZETTE" import --db "$DB" --quiet "$ROOT/seeds/documents" >/dev/null
timeout 60 "$GAZETTE" datasette --db "$DB" --output "$WORK/metadata.json" >/dev/null

timeout 180 "$VENV/bin/python" "$ROOT/scripts/clients/check_clients.py" \
    --db "$DB" --metadata "$WORK/metadata.json" --datasette "$VENV/bin/datasette" \
    --queries "$ROOT/docs/example-queries.sql"

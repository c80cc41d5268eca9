"""Checks that real clients read a Gazette database: Datasette's JSON API, Python's sqlite3
module and the sqlite3 shell. Run by check_clients.sh, which builds the database and the venv."""

import argparse
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

# The public interface of shared/knowledge-model.md: view → columns it must have.
PUBLIC_VIEWS = {
    "documents": ["name", "title", "published", "dateline", "source", "language", "sha256"],
    "entity_summary": ["name", "type", "subtype", "country", "country_source", "region", "aliases", "documents",
                       "mentions", "latitude", "longitude"],
    "facts": ["fact_id", "subject", "predicate", "object", "attributes", "confidence", "document", "sentence",
              "start", "end", "rule"],
    "timeline": ["event_id", "event_type", "date_start", "date_end", "date_precision", "place", "participants",
                 "document", "sentence", "start", "end", "rule"],
    "joint_ventures": ["firm", "firm_country", "firm_region", "place", "place_country", "document", "sentence"],
    "queries": ["name", "title", "description", "sql", "parameters"],
    "schema_doc": ["object", "column_name", "description", "vocabulary"],
    "meta": ["key", "value"],
}
JSON_ARRAYS = {"entity_summary": ["aliases", "documents"], "timeline": ["participants"]}
EUROPEAN_JV = {("Clariant", "Panjin"), ("Dynasol", "Panjin"), ("Leoni", "Panjin")}


def fail(message):
    print(f"check_clients: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check_python_sqlite3(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        for view, required in PUBLIC_VIEWS.items():
            cursor = connection.execute(f'SELECT * FROM "{view}"')  # view names are our constants
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            missing = [c for c in required if c not in columns]
            if missing:
                fail(f"python sqlite3: {view} lacks columns {missing}")
            if not rows:
                fail(f"python sqlite3: {view} is empty on the seeds' database")
            for column in JSON_ARRAYS.get(view, []):
                index = columns.index(column)
                for row in rows:
                    if not isinstance(json.loads(row[index]), list):
                        fail(f"python sqlite3: {view}.{column} is not a JSON array: {row[index]!r}")
        pairs = set(connection.execute(
            "SELECT DISTINCT firm, place FROM joint_ventures WHERE firm_region = 'Europe'").fetchall())
        if not EUROPEAN_JV <= pairs:
            fail(f"python sqlite3: European joint ventures {sorted(pairs)} lack {sorted(EUROPEAN_JV - pairs)}")
    finally:
        connection.close()
    print(f"python sqlite3 {sqlite3.sqlite_version}: read {len(PUBLIC_VIEWS)} public views")


def statements(path):
    """The statements of an SQL file: each ends with ';' at the end of a line; comments dropped."""
    out, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith("--") or not line.strip():
                continue
            current.append(line.rstrip("\n"))
            if line.rstrip().endswith(";"):
                out.append("\n".join(current))
                current = []
    if current:
        fail(f"{path}: a statement does not end with ';'")
    return out


def check_sqlite3_shell(db, queries):
    found = statements(queries)
    if len(found) < 5:
        fail(f"{queries}: expected the README's example queries, found {len(found)}")
    for sql in found:
        result = subprocess.run(["sqlite3", "-readonly", "-bail", "-json", db, sql],
                                capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            fail(f"sqlite3 shell: exit {result.returncode} on\n{sql}\n{result.stderr}")
        rows = json.loads(result.stdout or "[]")
        if not rows:
            fail(f"sqlite3 shell: no rows from\n{sql}")
    version = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True, timeout=10).stdout.split()[0]
    print(f"sqlite3 shell {version}: ran {len(found)} example queries")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def check_datasette(datasette, db, metadata):
    port = free_port()
    server = subprocess.Popen(
        [datasette, "serve", db, "--metadata", metadata, "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                fail(f"datasette exited with {server.returncode}: {server.stdout.read() if server.stdout else ''}")
            try:
                version = get_json(f"{base}/-/versions.json", timeout=2)["datasette"]["version"]
                break
            except OSError:
                if time.monotonic() > deadline:
                    fail(f"datasette did not answer on {base} within 30 s")
                time.sleep(0.3)
        name = "gazette"
        rows = get_json(f"{base}/{name}/joint_ventures_by_region.json?region=Europe&_shape=array")
        pairs = {(row["firm"], row["place"]) for row in rows}
        if not EUROPEAN_JV <= pairs:
            fail(f"datasette canned query: {sorted(pairs)} lack {sorted(EUROPEAN_JV - pairs)}")
        if any(not isinstance(json.loads(row["documents"]), list) for row in rows):
            fail("datasette canned query: documents is not a JSON array")
        served = get_json(f"{base}/-/metadata.json")
        queries = served["databases"][name]["queries"]
        if "joint_ventures_by_region" not in queries or "facets" not in served["databases"][name]["tables"]["facts"]:
            fail("datasette does not serve the generated metadata (canned queries, facets)")
        facets = get_json(f"{base}/{name}/facts.json?_facet=predicate&_size=0")
        if not facets.get("facet_results"):
            fail("datasette: no facet results on facts.predicate")
        print(f"datasette {version}: canned query joint_ventures_by_region returned {len(rows)} rows on 127.0.0.1:{port}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--metadata", required=True)
    parser.add_argument("--datasette", required=True)
    parser.add_argument("--queries", required=True)
    args = parser.parse_args()
    check_python_sqlite3(args.db)
    check_sqlite3_shell(args.db, args.queries)
    check_datasette(args.datasette, args.db, args.metadata)
    print("check_clients: OK")


if __name__ == "__main__":
    main()

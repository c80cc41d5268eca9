#!/usr/bin/env python3
"""Prints a gazette database's knowledge base without row ids, sorted, so two imports compare with diff.

A change meant to be a pure speed-up must leave this dump identical (scripts/dev/same-kb.sh).
Usage: kb_dump.py DB > dump.txt
"""
import sqlite3
import sys

QUERIES = {
    "documents": "SELECT * FROM documents",
    "document": "SELECT source_key, name, title, published, dateline, source, url, language, sha256, word_count FROM document",
    "sentences": "SELECT d.source_key, s.position, s.start, s.\"end\" FROM sentence s JOIN document d ON d.id = s.document_id",
    "entities": "SELECT key, name, type, subtype, country, country_source, region, reference, latitude, longitude FROM entity",
    "aliases": "SELECT e.key, d.source_key, a.alias FROM entity_alias a JOIN entity e ON e.id = a.entity_id JOIN document d ON d.id = a.document_id",
    # Before migration 0009 the counts are entity_alias's rows per (entity, alias): the same dump.
    "alias_counts": ("SELECT e.key, c.alias, c.documents FROM entity_alias_count c JOIN entity e ON e.id = c.entity_id",
                     "SELECT e.key, a.alias, count(*) AS documents FROM entity_alias a JOIN entity e ON e.id = a.entity_id GROUP BY a.entity_id, a.alias"),
    "entity_summary": "SELECT * FROM entity_summary",
    "entity_stats": "SELECT e.key, s.mentions, s.documents FROM entity_stats s JOIN entity e ON e.id = s.entity_id",
    "mentions": "SELECT e.key, d.source_key, m.start, m.\"end\", m.text, m.rule FROM mention m JOIN entity e ON e.id = m.entity_id JOIN document d ON d.id = m.document_id",
    "facts": "SELECT * FROM facts",
    "timeline": "SELECT * FROM timeline",
    "joint_ventures": "SELECT * FROM joint_ventures",
    "fts": "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'joint'",
}

def main() -> None:
    db = sqlite3.connect(sys.argv[1])
    for name, sql in QUERIES.items():
        if isinstance(sql, tuple):
            has = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'entity_alias_count'").fetchone()
            sql = sql[0] if has else sql[1]
        cursor = db.execute(sql)
        columns = [c[0] for c in cursor.description]
        # Ids differ between equal knowledge bases written in another order; drop them.
        keep = [i for i, c in enumerate(columns) if c != "id" and not c.endswith("_id") and c != "imported_at"]
        rows = sorted(repr(tuple(row[i] for i in keep)) for row in cursor)
        print(f"## {name} ({len(rows)} rows) {[columns[i] for i in keep]}")
        for row in rows:
            print(row)

if __name__ == "__main__":
    main()

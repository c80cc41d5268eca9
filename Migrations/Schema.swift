import Foundation

/// The schema's migrations, in order: each `Migrations/NNNN_subject.sql` file, embedded in the
/// binary at build time. The file name (without `.sql`) is the migration's identifier.
public enum Schema {
    /// `(identifier, sql)` for every migration, sorted by identifier.
    ///
    /// SwiftPM names an embedded file's bytes after the file, with the first character of a
    /// leading digit run dropped (`0001_x.sql` → `_001_x_sql`). A new migration adds a line here;
    /// `SchemaTests` fails when a file in `Migrations/` is missing from this list.
    public static let migrations: [(identifier: String, sql: String)] = {
        let all: [(String, [UInt8])] = [
            ("0001_base_tables", PackageResources._001_base_tables_sql),
            ("0002_public_views", PackageResources._002_public_views_sql),
            ("0003_queries_and_docs", PackageResources._003_queries_and_docs_sql),
            ("0004_import_speed", PackageResources._004_import_speed_sql),
            ("0005_query_speed", PackageResources._005_query_speed_sql),
            ("0006_entity_stats", PackageResources._006_entity_stats_sql),
            ("0007_profile_pages", PackageResources._007_profile_pages_sql),
            ("0008_alias_order", PackageResources._008_alias_order_sql),
            ("0009_alias_counts", PackageResources._009_alias_counts_sql),
            ("0010_sentence_bytes", PackageResources._010_sentence_bytes_sql),
        ]
        return all.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }.sorted { $0.0 < $1.0 }
    }()
}

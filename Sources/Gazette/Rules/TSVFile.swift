import Foundation

/// A tab-separated rules or reference file: `#` lines are comments, blank lines are skipped, and
/// every other line is a row of fields. Rows keep their line numbers for error messages.
public struct TSVFile: Sendable {
    /// One data row and the line it came from (1-based).
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]

        /// The field at `index`, or "" when the row is shorter.
        public subscript(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
    }

    public var path: String
    public var rows: [Row]

    /// Reads a file; every row must have at least `minimumColumns` fields.
    ///
    /// - Throws: ``GazetteError/badRuleFile(path:line:reason:)`` naming the file and line.
    public init(contentsOf url: URL, minimumColumns: Int = 1) throws(GazetteError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .badRuleFile(path: url.path, line: 0, reason: "cannot read rules file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .badRuleFile(path: url.path, line: 0, reason: "not valid UTF-8")
        }
        try self.init(text: text, path: url.path, minimumColumns: minimumColumns)
    }

    /// Parses text already in memory (tests, embedded rules).
    public init(text: String, path: String, minimumColumns: Int = 1) throws(GazetteError) {
        self.path = path
        var rows: [Row] = []
        var lineNumber = 0
        // Byte-level: reference files hold tens of thousands of rows and load at every start.
        for line in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.first == 0x23 { continue }
            let fields = trimmed.split(separator: 0x09, omittingEmptySubsequences: false).map { field -> String in
                var f = field
                while f.first == 0x20 { f = f.dropFirst() }
                while f.last == 0x20 { f = f.dropLast() }
                return String(decoding: f, as: UTF8.self)
            }
            guard fields.count >= minimumColumns else {
                throw .badRuleFile(path: path, line: lineNumber,
                                   reason: "expected at least \(minimumColumns) tab-separated columns, found \(fields.count)")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        self.rows = rows
    }

    /// Reads `<directory>/<language>/<file>`, or an empty table when the language has no such file.
    public static func optional(_ directory: URL, _ language: Language, _ file: String,
                                minimumColumns: Int = 1) throws(GazetteError) -> TSVFile {
        let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            return try TSVFile(text: "", path: url.path)
        }
        return try TSVFile(contentsOf: url, minimumColumns: minimumColumns)
    }
}

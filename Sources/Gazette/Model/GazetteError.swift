/// An error a user can act on: each message names the file or value and says what is wrong.
public enum GazetteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A path given on the command line does not exist.
    case missingPath(String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A file holds no text after normalization.
    case emptyDocument(String)
    /// A file looks binary (NUL bytes or control characters).
    case binaryFile(String)
    /// A file is not valid in the expected text encoding.
    case invalidEncoding(path: String, encoding: String, byteOffset: Int)
    /// A JSONL line is not a JSON object with a `text` field.
    case malformedJSONLine(path: String, line: Int, reason: String)
    /// A rules or reference file has a bad row.
    case badRuleFile(path: String, line: Int, reason: String)
    /// A database could not be opened or used.
    case database(path: String, reason: String)
    /// The database was written by a newer Gazette.
    case newerSchema(path: String, unknownMigrations: [String])
    /// An unsupported option value.
    case invalidArgument(String)
    /// A query pattern that does not parse; `column` (1-based) and `length` mark the offending token.
    case invalidPattern(pattern: String, column: Int, length: Int, reason: String)
    /// No entity has this name or alias; `suggestions` are close names.
    case unknownEntity(name: String, suggestions: [String])
    /// Several entities have this name or alias; `candidates` describe each with its key.
    case ambiguousEntity(name: String, candidates: [String])

    public var description: String {
        switch self {
        case .missingPath(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .emptyDocument(let path):
            return "\(path): the document is empty (no text after removing markup and boilerplate)"
        case .binaryFile(let path):
            return "\(path): looks like a binary file, not text; only .txt, .html and .jsonl are imported"
        case .invalidEncoding(let path, let encoding, let offset):
            return "\(path): not valid \(encoding) (first bad byte at offset \(offset)); "
                + "if it is an old scraped page, pass --encoding windows-1252"
        case .malformedJSONLine(let path, let line, let reason):
            return "\(path):\(line): malformed JSONL line: \(reason)"
        case .badRuleFile(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .database(let path, let reason):
            return "\(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "\(path): written by a newer version of Gazette (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade gazette to use it, it is left unchanged"
        case .invalidArgument(let message):
            return message
        case .invalidPattern(let pattern, let column, let length, let reason):
            return PatternSyntax.errorMessage(pattern: pattern, column: column, length: length, reason: reason)
        case .unknownEntity(let name, let suggestions):
            return "no entity named '\(name)'"
                + (suggestions.isEmpty ? "; list them with `gazette entities`"
                                       : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?")
        case .ambiguousEntity(let name, let candidates):
            return "'\(name)' names \(candidates.count) entities; pass the key of one instead:\n"
                + candidates.map { "  " + $0 }.joined(separator: "\n")
        }
    }
}

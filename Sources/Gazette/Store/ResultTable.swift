/// Rows of a query, with their column names, independent of SQLite: what every listing command
/// returns and every output format prints.
public struct ResultTable: Sendable, Equatable {
    /// One cell.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        public var description: String {
            switch self {
            case .null: return ""
            case .integer(let v): return String(v)
            case .real(let v): return String(v)
            case .text(let v): return v
            }
        }
    }

    public var columns: [String]
    public var rows: [[Value]]
    /// Columns whose text holds JSON (arrays or objects), printed as JSON rather than as strings.
    public var jsonColumns: Set<String>
    /// More rows matched than the limit the table was read with: `rows` are the first ones.
    public var truncated: Bool

    public init(columns: [String], rows: [[Value]], jsonColumns: Set<String> = [], truncated: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.jsonColumns = jsonColumns
        self.truncated = truncated
    }

    /// Keeps the first `limit` rows; when there were more, marks the table ``truncated``.
    public mutating func cut(to limit: Int) {
        guard rows.count > limit else { return }
        rows.removeLast(rows.count - limit)
        truncated = true
    }

    /// The values of one column.
    public func column(_ name: String) -> [Value] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}

import Foundation

extension ResultTable {
    /// Each row as `column: value` lines, rows separated by a blank line: the readable form of a
    /// few wide rows (an entity's summary, a fact's explanation).
    ///
    /// For example:
    ///
    /// ```
    /// name:     Sören Link
    /// type:     person
    /// ```
    public func recordText() -> String {
        let width = columns.map(\.count).max() ?? 0
        return rows.map { row in
            zip(columns, row).map { column, value in
                column + ":" + String(repeating: " ", count: width - column.count + 1)
                    + value.description.replacingOccurrences(of: "\n", with: " ")
            }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }
}

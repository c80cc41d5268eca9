import Foundation
import Gazette

/// Renders a ``ResultTable`` as an aligned table, CSV (RFC 4180), a JSON array or JSON lines.
struct RowWriter {
    var format: OutputFormat
    /// Table cells longer than this are cut with "…" so rows stay readable; other formats never cut.
    var maximumCellWidth = 72

    init(_ format: OutputFormat) {
        self.format = format
    }

    func render(_ table: ResultTable) -> String {
        switch format {
        case .table: return renderTable(table)
        case .csv: return renderCSV(table)
        case .json: return "[" + table.rows.map { "\n  " + object(table, $0) }.joined(separator: ",") + (table.rows.isEmpty ? "]\n" : "\n]\n")
        case .jsonl: return table.rows.map { object(table, $0) + "\n" }.joined()
        }
    }

    /// Prints through `print`, the same buffered stream as every other line a command prints.
    func write(_ table: ResultTable) {
        print(render(table), terminator: "")
    }

    func renderTable(_ table: ResultTable) -> String {
        let cells = table.rows.map { $0.map { cut(oneLine($0.description)) } }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, v in
                i == values.count - 1 ? v : v + String(repeating: " ", count: widths[i] - v.count)
            }.joined(separator: "  ") + "\n"
        }
        var out = line(table.columns)
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in cells { out += line(row) }
        if table.rows.isEmpty { out += "(no rows)\n" }
        return out
    }

    func renderCSV(_ table: ResultTable) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = table.columns.map(field).joined(separator: ",") + "\r\n"
        for row in table.rows { out += row.map { field($0.description) }.joined(separator: ",") + "\r\n" }
        return out
    }

    func object(_ table: ResultTable, _ row: [ResultTable.Value]) -> String {
        var parts: [String] = []
        for (i, column) in table.columns.enumerated() {
            parts.append(RowWriter.jsonString(column) + ": " + jsonValue(row[i], raw: table.jsonColumns.contains(column)))
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    func jsonValue(_ value: ResultTable.Value, raw: Bool) -> String {
        switch value {
        case .null: return "null"
        case .integer(let v): return String(v)
        case .real(let v): return v.isFinite ? String(v) : "null"
        case .text(let v):
            // JSON columns (aliases, participants …) are embedded as JSON, not as strings.
            if raw, let data = v.data(using: .utf8), (try? JSONSerialization.jsonObject(with: data)) != nil { return v }
            return RowWriter.jsonString(v)
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ")
    }

    func cut(_ s: String) -> String {
        s.count > maximumCellWidth ? String(s.prefix(maximumCellWidth - 1)) + "…" : s
    }
}

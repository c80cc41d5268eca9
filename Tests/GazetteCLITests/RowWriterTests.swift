import Foundation
import Testing
import Gazette
@testable import GazetteCLI

@Suite struct RowWriterTests {
    /// Cells that exercise quoting and escaping: commas, quotes, line breaks, non-ASCII, control
    /// characters, NULL, numbers and a JSON column.
    static let table = ResultTable(
        columns: ["name", "mentions", "confidence", "aliases", "note"],
        rows: [
            [.text("BMW Brilliance Automotive Co., Ltd."), .integer(12), .real(0.95), .text("[\"BMW Brilliance\",\"华晨宝马\"]"),
             .text("He said \"yes\"\nthen left")],
            [.text("Sören Link"), .integer(1), .null, .text("[]"), .text("tab\there\u{01}\\")],
        ],
        jsonColumns: ["aliases"])

    @Test func csv() {
        let csv = RowWriter(.csv).render(Self.table)
        #expect(csv == "name,mentions,confidence,aliases,note\r\n"
            + "\"BMW Brilliance Automotive Co., Ltd.\",12,0.95,\"[\"\"BMW Brilliance\"\",\"\"华晨宝马\"\"]\",\"He said \"\"yes\"\"\nthen left\"\r\n"
            + "Sören Link,1,,[],tab\there\u{01}\\\r\n")
    }

    @Test func json() throws {
        let json = RowWriter(.json).render(Self.table)
        #expect(json == """
            [
              {"name": "BMW Brilliance Automotive Co., Ltd.", "mentions": 12, "confidence": 0.95, "aliases": ["BMW Brilliance","华晨宝马"], "note": "He said \\"yes\\"\\nthen left"},
              {"name": "Sören Link", "mentions": 1, "confidence": null, "aliases": [], "note": "tab\\there\\u0001\\\\"}
            ]

            """)
        // It parses back to the same values, the JSON column as an array.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 2)
        #expect(parsed[0]["aliases"] as? [String] == ["BMW Brilliance", "华晨宝马"])
        #expect(parsed[0]["note"] as? String == "He said \"yes\"\nthen left")
        #expect(parsed[1]["note"] as? String == "tab\there\u{01}\\")
        #expect(parsed[1]["confidence"] is NSNull)
    }

    @Test func jsonLines() throws {
        let jsonl = RowWriter(.jsonl).render(Self.table)
        let lines = jsonl.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1] == #"{"name": "Sören Link", "mentions": 1, "confidence": null, "aliases": [], "note": "tab\there\u0001\\"}"#)
        for line in lines.dropLast() {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func jsonColumnThatIsNotJSONIsAString() {
        let table = ResultTable(columns: ["aliases"], rows: [[.text("Panjin, Liaoning")]], jsonColumns: ["aliases"])
        #expect(RowWriter(.jsonl).render(table) == "{\"aliases\": \"Panjin, Liaoning\"}\n")
        // A column not declared JSON is a string even when its text is JSON.
        let plain = ResultTable(columns: ["attributes"], rows: [[.text("{\"role\":\"mayor\"}")]])
        #expect(RowWriter(.jsonl).render(plain) == "{\"attributes\": \"{\\\"role\\\":\\\"mayor\\\"}\"}\n")
    }

    @Test func table() {
        let table = ResultTable(columns: ["name", "type", "mentions"],
                                rows: [[.text("Panjin"), .text("place"), .integer(42)],
                                       [.text("Sino-German Industrial\nCity Alliance"), .null, .integer(3)]])
        #expect(RowWriter(.table).render(table) == """
            name                                  type   mentions
            ------------------------------------  -----  --------
            Panjin                                place  42
            Sino-German Industrial City Alliance         3

            """)
    }

    @Test func tableCutsLongCells() {
        var writer = RowWriter(.table)
        writer.maximumCellWidth = 10
        let rendered = writer.render(ResultTable(columns: ["sentence"], rows: [[.text("Panjin became the first city")]]))
        #expect(rendered == "sentence\n----------\nPanjin be…\n")
        // CSV never cuts.
        #expect(RowWriter(.csv).render(ResultTable(columns: ["s"], rows: [[.text("Panjin became the first city")]]))
            == "s\r\nPanjin became the first city\r\n")
    }

    @Test func emptyResults() {
        let empty = ResultTable(columns: ["name", "title"], rows: [])
        #expect(RowWriter(.table).render(empty) == "name  title\n----  -----\n(no rows)\n")
        #expect(RowWriter(.csv).render(empty) == "name,title\r\n")
        #expect(RowWriter(.json).render(empty) == "[]\n")
        #expect(RowWriter(.jsonl).render(empty) == "")
    }
}

import GRDB
import Testing
@testable import Gazette

/// ``BoundInsert`` binds text from a buffer it reuses after every run (``BoundTexts``): each run
/// must store the texts bound for it, never bytes left from an earlier run or another row,
/// whether a text fits the buffer or is too long for it and goes through SQLite's own copy.
@Suite struct BoundTextsTests {
    /// Mention texts and rules as the writer binds them, English and German, with an empty one.
    static let texts = ["Shenyang", "BMW Brilliance Automotive", "rule:org-suffix", "Tiefland Maschinenbau GmbH",
                        "", "Dalian", "Oberbürgermeister", "joint venture", "Anshan Iron & Steel", "ñ",
                        "Harbin Electric", "person:title-cue", "Zürcher Kantonalbank", "Changchun", "FAW-Volkswagen", "x"]

    /// A document's text longer than the buffer, with non-ASCII letters at both ends.
    static let longText = "Ö" + String(repeating: "The joint venture in Tieling opened a plant. ", count: 900) + "ß"

    static func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b TEXT)") }
        return queue
    }

    static func stored(_ queue: DatabaseQueue) throws -> [[String]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT a, b FROM t ORDER BY id").map { [$0["a"], $0["b"]] }
        }
    }

    @Test func multiRowStatementsStoreEachRunsTexts() throws {
        let queue = try BoundTextsTests.table()
        let pairs = stride(from: 0, to: BoundTextsTests.texts.count, by: 2).map {
            [BoundTextsTests.texts[$0], BoundTextsTests.texts[$0 + 1]]
        }
        try queue.write { db in
            let two = try BoundInsert(db, sql: "INSERT INTO t(a, b) VALUES (?, ?), (?, ?)")
            for n in stride(from: 0, to: pairs.count, by: 2) {
                two.bind(row: 0, columns: 2, pairs[n][0], pairs[n][1])
                two.bind(row: 1, columns: 2, pairs[n + 1][0], pairs[n + 1][1])
                try two.step()
            }
        }
        #expect(try BoundTextsTests.stored(queue) == pairs)
    }

    @Test func textLongerThanTheBufferBesideShortOnes() throws {
        #expect(BoundTextsTests.longText.utf8.count > BoundTexts.capacity)
        let queue = try BoundTextsTests.table()
        let rows = [["Shenyang", BoundTextsTests.longText], [BoundTextsTests.longText, "Dalian"], ["Anshan", "Harbin"]]
        try queue.write { db in
            let insert = try BoundInsert(db, sql: "INSERT INTO t(a, b) VALUES (?, ?)")
            for row in rows { try insert.run(row[0], row[1]) }
        }
        #expect(try BoundTextsTests.stored(queue) == rows)
    }

    @Test func buffersFillAndEmpty() {
        let texts = BoundTexts()
        let word = Array("Tieling".utf8)
        var copies = 0
        word.withUnsafeBufferPointer { bytes in
            while texts.copy(of: bytes) != nil { copies += 1 }
        }
        #expect(copies == BoundTexts.capacity / word.count)
        texts.removeAll()
        word.withUnsafeBufferPointer { bytes in
            let copy = texts.copy(of: bytes)
            #expect(copy.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: bytes.count), as: UTF8.self) } == "Tieling")
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import Gazette

/// A first import finds an event reported again in ``LoadedEvents``; every other import asks SQL
/// (``WriterStatements/sameEventSQL``). The two must pick the same event with the same dates,
/// before and after dates are made more precise.
@Suite struct LoadedEventsTests {
    static let dates = ["2020", "2020-05", "2020-05-12", "2020-05-13", "2020-06", "2020-06-01", "2021", "2021-01-01", "2019-12"]

    @Test func findsTheEventTheSQLFinds() throws {
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE event (id INTEGER PRIMARY KEY, type TEXT NOT NULL, date_start TEXT, date_end TEXT, place_id INTEGER);
                CREATE INDEX event_identity ON event(type, place_id, date_start);
                """)
        }
        var loaded = LoadedEvents()
        var generator = SystemRandomNumberGenerator()
        let types = ["visit", "agreement"], places: [Int64?] = [nil, 1, 2]
        var compared = 0, found = 0
        for id in Int64(1)...300 {
            let type = types.randomElement(using: &generator) ?? "visit"
            let place = places.randomElement(using: &generator) ?? nil
            let start = Self.dates.randomElement(using: &generator)
            let end = Bool.random(using: &generator) ? "2022" : nil
            try db.write { db in
                try db.execute(sql: "INSERT INTO event(id, type, date_start, date_end, place_id) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, type, start, end, place])
            }
            loaded.add(id: id, type: type, placeID: place, dateStart: start, dateEnd: end)
            // A report of every type, place and date against what is stored so far.
            for queryType in types {
                for queryPlace in places {
                    for date in Self.dates {
                        let candidates = DocumentWriter.equalDates(agreeingWith: date)
                        let sql = try db.read { db in
                            try Row.fetchOne(db, sql: WriterStatements.sameEventSQL, arguments: [
                                queryType, queryPlace, candidates[0], candidates[1], candidates[2], date])
                        }
                        let mine = loaded.agreeing(type: queryType, placeID: queryPlace, start: date, candidates: candidates)
                        let expected: Int64? = sql?[0]
                        #expect(mine?.id == expected, "\(queryType) \(String(describing: queryPlace)) \(date)")
                        if let mine, let sql {
                            #expect(mine.dateStart == sql[1] as String?)
                            #expect(mine.dateEnd == sql[2] as String?)
                            found += 1
                        }
                        compared += 1
                    }
                }
            }
            // Now and then a report makes a stored date more precise.
            if id % 7 == 0, let stored = start, stored.count < 10 {
                let precise = stored.count == 4 ? stored + "-03" : stored + "-09"
                try db.write { db in
                    try db.execute(sql: "UPDATE event SET date_start = ?, date_end = NULL WHERE id = ?", arguments: [precise, id])
                }
                loaded.setDates(id: id, dateStart: precise, dateEnd: nil)
            }
        }
        #expect(compared > 10_000)
        #expect(found > 1_000)
    }

    /// Past its limit a first import stops keeping events in memory: it builds `event_identity`
    /// there and then and finds the later events through SQL. The knowledge base is the same.
    @Test func pastTheLimitEventsAreFoundThroughSQL() throws {
        let texts = (0..<6).map { n in
            """
            Delegation report \(n)

            SHENYANG, China, June \(n + 2), 2021 -- In May 2021, a delegation from Duisburg visited Shenyang. \
            On May \(n + 10), 2021, Mayor Sören Link met the governor of Liaoning in Shenyang.
            """
        }
        let pipeline = TestSupport.makePipeline()
        let documents = try texts.enumerated().map { n, text in
            try pipeline.extract(SourceDocument(sourceKey: "/reports/\(n).txt", name: "\(n).txt", path: "/reports/\(n).txt",
                                                format: .text, text: text))
        }
        var dumps: [[String]] = []
        for limit in [1_000, 2] {
            let (store, directory) = try TestSupport.makeStore()
            defer { TestSupport.removeTemporary(directory) }
            try store.importTransaction { writer in
                writer.loadedEventsLimit = limit
                for document in documents { _ = try writer.write(document) }
                // Under the limit the events are still in memory at the end; past it, not.
                #expect((writer.loadedEvents != nil) == (limit == 1_000))
            }
            dumps.append(try TestSupport.strings(store, """
                SELECT e.type || ' ' || coalesce(e.date_start, '') || ' x' || (SELECT count(*) FROM event_evidence v WHERE v.event_id = e.id)
                FROM event e ORDER BY 1
                """))
            #expect(try TestSupport.integer(store, "SELECT count(*) FROM sqlite_master WHERE name = 'event_identity'") == 1)
        }
        #expect(dumps[0].count >= 2)
        #expect(dumps[0] == dumps[1])
    }
}

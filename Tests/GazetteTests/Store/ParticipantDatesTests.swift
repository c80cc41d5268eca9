import Foundation
import GRDB
import Testing
@testable import Gazette

/// `event_participant.date_start` repeats its event's date (migration 0007), so that `show` takes
/// an entity's first events from an index range: it must follow the event when a later report of
/// the same event makes its date more precise, in either import order.
@Suite struct ParticipantDatesTests {
    static let vague = """
        Duisburg delegation in Shenyang

        SHENYANG, China, June 2, 2021 -- In May 2021, a delegation from Duisburg visited Shenyang to discuss logistics cooperation.
        """
    static let precise = """
        Mayor visits Shenyang

        SHENYANG, China, June 9, 2021 -- On May 12, 2021, a delegation from Duisburg visited Shenyang to discuss logistics cooperation.
        """

    /// Participant rows whose date differs from their event's.
    static func stale(_ store: Store) throws -> Int {
        try TestSupport.integer(store, """
            SELECT count(*) FROM event_participant JOIN event ON event.id = event_participant.event_id
            WHERE event_participant.date_start IS NOT event.date_start
            """)
    }

    @Test(arguments: [[vague, precise], [precise, vague]])
    func participantDatesFollowTheEvent(texts: [String]) throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let importer = Importer(pipeline: TestSupport.makePipeline(), jobs: 1)
        for (n, text) in texts.enumerated() {
            let file = try TestSupport.write(text, to: "report\(n).txt", in: directory)
            _ = try importer.run(paths: [file.path], into: store)
            #expect(try Self.stale(store) == 0)
        }
        // One visit, reported twice, dated by the more precise report.
        #expect(try TestSupport.strings(store, "SELECT date_start FROM event WHERE type = 'visit'") == ["2021-05-12"])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM event_participant") >= 2)
        let profile = try store.profile(name: "Duisburg", limit: 20)
        #expect(profile.events.column("date_start") == [.text("2021-05-12"), .text("2021-05-12")])
    }

    /// The same two reports in one first import: the writer finds the event again in memory
    /// (``LoadedEvents``), not through SQL, and must update it the same way.
    @Test(arguments: [[vague, precise], [precise, vague]])
    func participantDatesFollowTheEventWithinOneImport(texts: [String]) throws {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let files = try texts.enumerated().map { n, text in try TestSupport.write(text, to: "report\(n).txt", in: directory).path }
        _ = try Importer(pipeline: TestSupport.makePipeline(), jobs: 1).run(paths: files, into: store)
        #expect(try Self.stale(store) == 0)
        #expect(try TestSupport.strings(store, "SELECT date_start FROM event WHERE type = 'visit'") == ["2021-05-12"])
        #expect(try TestSupport.integer(store, "SELECT count(*) FROM event_evidence") == 2)
    }
}

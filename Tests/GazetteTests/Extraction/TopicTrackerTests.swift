import Foundation
import Testing
@testable import Gazette

/// The topic tracker, which rules mentions out by their keys' lengths before looking them up
/// (``TopicTracker/lengthBits(_:)``), finds the city a plain count by key finds: the document's
/// most-named city (the first of equals), and after each sentence the most-named so far, on the
/// seed articles and the test texts. The tracker finds a mention's city by its entity's position
/// (``Mention/entityIndex``), checked against the key: with the positions resolution gives, with
/// none (a document read from JSON) and with wrong ones, it finds the same.
@Suite struct TopicTrackerTests {
    enum Positions: CaseIterable { case resolved, none, shifted }

    /// `mentions` with their positions as `positions` says.
    static func positioned(_ mentions: [Mention], entities: Int, _ positions: Positions) -> [Mention] {
        mentions.map { mention in
            var mention = mention
            switch positions {
            case .resolved: break
            case .none: mention.entityIndex = -1
            case .shifted: mention.entityIndex = entities == 0 ? -1 : (mention.entityIndex + 1) % entities
            }
            return mention
        }
    }

    static func documents() throws -> [ExtractedDocument] {
        try TestSupport.corpusFiles().map(TestSupport.extract)
    }

    /// The most-named key of `keys` so far, counted plainly: another key takes over only with more mentions.
    static func mostNamed(_ mentions: [Mention], _ keys: Set<String>, counts: inout [String: Int], main: inout String?) {
        for m in mentions {
            guard let key = m.entityKey, keys.contains(key) else { continue }
            counts[key, default: 0] += 1
            if main == nil || counts[key, default: 0] > counts[main ?? "", default: 0] { main = key }
        }
    }

    @Test(arguments: Positions.allCases)
    func trackerFindsThePlainCountsCity(positions: Positions) throws {
        var checked = 0
        for var doc in try Self.documents() {
            if positions == .resolved { #expect(doc.mentions.allSatisfy { $0.entityKey == nil || $0.entityIndex >= 0 }) }
            doc.mentions = Self.positioned(doc.mentions, entities: doc.entities.count, positions)
            let byKey = ResolvedMentions(mentions: doc.mentions, entities: doc.entities).byKey
            let cities = Set(doc.entities.filter { $0.subtype == "city" }.map(\.key))
            let placeCities = Set(doc.entities.filter { $0.type == .place && $0.subtype == "city" }.map(\.key))
            // The document's: most mentions, the first named of equals.
            var counts: [String: Int] = [:]
            var firstNamed: [String: Int] = [:]
            for (k, m) in doc.mentions.enumerated() {
                guard let key = m.entityKey, cities.contains(key) else { continue }
                counts[key, default: 0] += 1
                if firstNamed[key] == nil { firstNamed[key] = k }
            }
            let main = counts.keys.min { a, b in
                counts[a, default: 0] != counts[b, default: 0] ? counts[a, default: 0] > counts[b, default: 0]
                    : firstNamed[a, default: 0] < firstNamed[b, default: 0]
            }
            #expect(TopicTracker.mainPlace(doc.mentions, byKey) == main, "\(doc.path)")
            var tracker = TopicTracker()
            var sentenceCounts: [String: Int] = [:]
            var sentenceMain: String?
            for position in doc.sentences.indices {
                let mentions = doc.mentions.filter { $0.sentence == position }.sorted { $0.firstToken < $1.firstToken }
                tracker.update(with: mentions, entities: byKey)
                Self.mostNamed(mentions, placeCities, counts: &sentenceCounts, main: &sentenceMain)
                #expect(tracker.main == sentenceMain, "\(doc.path) sentence \(position)")
                if sentenceMain != nil { checked += 1 }
            }
        }
        #expect(checked > 100)
    }
}

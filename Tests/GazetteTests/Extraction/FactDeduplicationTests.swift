import Foundation
import Testing
@testable import Gazette

/// The relation extractor's deduplication, which finds repeats in a table of fact positions
/// probed by the sentence and the keys' lengths (``RelationExtractor/deduplicated(_:)``), keeps
/// the facts a set of whole identities keeps, on the facts of the seed articles and the test
/// texts with repeats made of them: the same fact again, a symmetric one turned round, another
/// sentence, another predicate or role.
@Suite struct FactDeduplicationTests {
    /// The identity a fact is one of: its fields, a symmetric predicate's keys in sorted order.
    struct Identity: Hashable {
        var subject: String
        var predicate: RelationPredicate
        var object: String
        var attributes: [String: String]
        var sentence: Int
    }

    /// One fact per identity, the first, as a plain `Set` finds them.
    static func plainDeduplicated(_ facts: [Fact]) -> [Fact] {
        var seen = Set<Identity>()
        return facts.filter { fact in
            let (a, b) = fact.predicate.isSymmetric && fact.object < fact.subject ? (fact.object, fact.subject) : (fact.subject, fact.object)
            return seen.insert(Identity(subject: a, predicate: fact.predicate, object: b, attributes: fact.attributes,
                                        sentence: fact.sentence)).inserted
        }
    }

    /// `facts` with repeats and near repeats mixed in.
    static func withRepeats(_ facts: [Fact]) -> [Fact] {
        var out = facts
        for fact in facts.reversed() {
            out.append(fact)
            var turned = fact
            (turned.subject, turned.object) = (fact.object, fact.subject)
            turned.rule = "turned"
            out.append(turned)
            var later = fact
            later.sentence += 1
            out.append(later)
            var role = fact
            role.attributes = ["role": "mayor"]
            out.append(role)
            var other = fact
            other.predicate = fact.predicate == .cooperatesWith ? .locatedIn : .cooperatesWith
            out.append(other)
        }
        return out
    }

    @Test func keepsWhatASetOfIdentitiesKeeps() throws {
        let extractor = RelationExtractor(rules: [:])
        var checked = 0
        for url in TestSupport.corpusFiles() {
            let facts = try TestSupport.extract(url).facts
            guard !facts.isEmpty else { continue }
            #expect(extractor.deduplicated(facts) == facts, "\(url.lastPathComponent)")
            let mixed = Self.withRepeats(facts)
            let kept = extractor.deduplicated(mixed)
            #expect(kept == Self.plainDeduplicated(mixed), "\(url.lastPathComponent)")
            #expect(kept.count < mixed.count)
            checked += facts.count
        }
        #expect(checked > 50)
    }
}

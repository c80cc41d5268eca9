import Foundation
import Testing
@testable import Gazette

/// An entity's row gathers what every document says of it, whatever the order of the documents
/// and however they are grouped into transactions: a country stated in a later document of the
/// same import is kept (the writer once skipped entities it had already written in a transaction).
@Suite struct EntityMergeTests {
    static let plain = "Changchun welcomed investors. Kolmex Automotive opened a plant in the city on 3 May 2023."
    static let stated = "Polish companies such as Kolmex Automotive and Vistral Logistics have opened plants in Changchun."

    /// Imports the two paragraphs as `1.txt` and `2.txt` in that order, in one import or one
    /// transaction per document, and returns Kolmex Automotive's country and its source.
    static func country(first: String, second: String, batch: Int?) throws -> [String] {
        let (store, directory) = try TestSupport.makeStore()
        defer { TestSupport.removeTemporary(directory) }
        let documents = try TestSupport.makeTemporaryDirectory()
        defer { TestSupport.removeTemporary(documents) }
        _ = try TestSupport.write(first, to: "1.txt", in: documents)
        _ = try TestSupport.write(second, to: "2.txt", in: documents)
        _ = try Importer(pipeline: TestSupport.makePipeline()).run(paths: [documents.path], into: store, batch: batch)
        return try store.rows(sql: "SELECT country, country_source FROM entity WHERE name = 'Kolmex Automotive'")
            .rows.flatMap { $0.map(\.description) }
    }

    @Test(arguments: [nil, 1] as [Int?])
    func statedCountryIsKeptWhateverTheOrder(batch: Int?) throws {
        #expect(try Self.country(first: Self.plain, second: Self.stated, batch: batch) == ["Poland", "text"])
        #expect(try Self.country(first: Self.stated, second: Self.plain, batch: batch) == ["Poland", "text"])
    }

    /// The writer's rule for "would this change the row" is the upsert's own.
    @Test func mergeFollowsTheUpsertRules() {
        let row = EntityRow(name: "Kolmex", subtype: nil, countrySource: "rule", region: "Europe",
                            admin1: nil, reference: nil)
        var entity = ResolvedEntity(key: "organization:kolmex", name: "Kolmex Automotive", type: .organization, subtype: "company")
        #expect(row.merged(with: entity) == EntityRow(name: "Kolmex", subtype: "company", countrySource: "rule",
                                                      region: "Europe", admin1: nil, reference: nil))
        #expect(row.merged(with: entity).merged(with: entity) == row.merged(with: entity))
        entity.country = "Poland"
        entity.countrySource = .text
        entity.region = "Europe"
        entity.name = "KOLMEX"   // upper case sorts first, byte by byte
        let merged = row.merged(with: entity)
        #expect(merged.countryRank == 3 && merged.name == "KOLMEX" && merged != row)
        #expect(merged.merged(with: entity) == merged)
        // With a reference, the name stays.
        let known = EntityRow(name: "Kolmex", subtype: nil, countrySource: nil, region: nil, admin1: nil,
                              reference: "org:Kolmex")
        #expect(known.merged(with: entity).name == "Kolmex")
    }

    /// Names compare byte by byte as SQLite's `BINARY` collation does: the in-place comparison
    /// agrees with the standard library's on names of the genre (accents, CJK, prefixes, case,
    /// long names stored out of line and short ones stored inline).
    @Test func namesCompareByTheirBytes() {
        let names = ["Kolmex", "KOLMEX", "Kolmex Automotive", "Kolmex Automotive GmbH & Co. KG", "", "K",
                     "Škoda Auto", "Skoda Auto", "Müller", "Mueller", "Müller Maschinenbau", "长春", "長春",
                     "Changchun FAW-Volkswagen", "Changchun", "Düsseldorf", "Dalian", "Ölwerke Ost", "éclair",
                     "Zürich Versicherung", "zurich", "Z", "ZF Friedrichshafen", "BASF", "BASF-YPC", "a\u{0}b", "a"]
        for a in names {
            for b in names {
                #expect(EntityRow.bytesPrecede(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
            }
        }
    }
}

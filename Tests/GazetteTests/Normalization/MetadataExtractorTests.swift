import Foundation
import Testing
@testable import Gazette

/// The `meta` block of `shared/gold/<seed>.json`, copied verbatim.
struct SeedMeta: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String?
    var published: String?
    var dateline: String?
    var source: String?
    var language: Language

    var testDescription: String { file }

    static let gold: [SeedMeta] = [
        SeedMeta(file: "000_edaaab7c5554935a.txt", title: nil, published: "2017-11-17", dateline: "Panjin",
                 source: "PR Newswire", language: .en),
        SeedMeta(file: "001_f7df938e76acd8fa.txt",
                 title: "IUC Project Team Visit to Panjin – First mission in times of COVID19",
                 published: "2020", dateline: nil, source: nil, language: .en),
        SeedMeta(file: "002_15f7d2b57b140e94.txt", title: nil, published: "2019-11-04", dateline: "Shanghai",
                 source: "PR Newswire", language: .en),
        SeedMeta(file: "003_72008c147d53139e.txt",
                 title: "Liaoning treibt die internationale Zusammenarbeit umfassend voran, um die umfassende Revitalisierung der Region zu fördern",
                 published: "2023-10-26", dateline: "Shenyang", source: nil, language: .de),
        SeedMeta(file: "004_363898289640733e.txt",
                 title: "Advanced opening-up highlights Shenyang’s role as global cooperation hub",
                 published: "2023-05-19", dateline: "Beijing", source: "PR Newswire", language: .en),
    ]
}

@Suite struct MetadataExtractorTests {
    @Test(arguments: SeedMeta.gold)
    func seedMetadataMatchesGold(_ gold: SeedMeta) throws {
        let doc = try TestSupport.extract(TestSupport.seedDirectory.appendingPathComponent(gold.file))
        let meta = doc.metadata
        #expect(meta.name == gold.file)
        #expect(meta.title == gold.title)
        #expect(meta.dateline == gold.dateline)
        #expect(meta.source == gold.source)
        #expect(meta.language == gold.language)
        #expect(meta.sha256 == SHA256.hex(doc.text.utf8))
        // Seed 001 has no dateline: its year is the latest one its text names ("in 2020").
        #expect(meta.published == gold.published)
    }

    @Test func englishPressReleaseDateline() throws {
        let doc = try TestSupport.extract(try TestSupport.fixture("en_dalian_press_release.txt"))
        #expect(doc.metadata.title == "Dalian strengthens chemical cooperation with European partners")
        #expect(doc.metadata.dateline == "Dalian")
        #expect(doc.metadata.published == "2021-03-03")
        #expect(doc.metadata.source == "PR Newswire")
        #expect(doc.metadata.language == .en)
    }

    @Test func germanPressReleaseDateline() throws {
        let doc = try TestSupport.extract(try TestSupport.fixture("de_changchun_pressemitteilung.txt"))
        #expect(doc.metadata.title == "Changchun vertieft die Zusammenarbeit mit deutschen Zulieferern")
        #expect(doc.metadata.dateline == "Changchun")
        #expect(doc.metadata.published == "2022-03-12")
        #expect(doc.metadata.source == nil)
        #expect(doc.metadata.language == .de)
    }

    @Test func datelineShapes() throws {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        let cases: [(String, String?, String?)] = [
            ("DALIAN, China, March 3, 2021 /PRNewswire/ -- Dalian signed an agreement.", "Dalian", "2021-03-03"),
            ("CHANGCHUN, China, 12. März 2022 — Changchun baut aus.", "Changchun", "2022-03-12"),
            ("BEIJING, March 3 (Xinhua) -- China and Germany agreed.", "Beijing", nil),
            ("HONG KONG, Jan. 5, 2020 /PRNewswire/ -- A new fund.", "Hong Kong", "2020-01-05"),
            (" date 2019-11-04 SHANGHAI, Nov. 4, 2019 /PRNewswire/ -- On October 31, a conference.", "Shanghai", "2019-11-04"),
        ]
        for (line, city, date) in cases {
            let found = try #require(extractor.dateline(of: line), "no dateline in \(line)")
            #expect(found.city == city, "\(line)")
            #expect(found.date?.iso == date, "\(line)")
        }
    }

    /// Near misses: a capitalised head before a dash that is no dateline.
    @Test func headlinesWithDashesAreNotDatelines() {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        for line in [
            "IUC Project Team Visit to Panjin – First mission in times of COVID19",
            "BMW – a partner for Shenyang",
            "EU - China summit postponed",
        ] {
            #expect(extractor.dateline(of: line)?.city == nil, "\(line)")
        }
    }

    @Test func titleIsAShortFirstLineThatIsNoSentence() {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        #expect(extractor.title(of: "Panjin joins the alliance\n\nPanjin became a member.") == "Panjin joins the alliance")
        // Near misses: a first line that ends a sentence, a dateline, or a two-word line.
        #expect(extractor.title(of: "Panjin joined the alliance in October.\nMore text.") == nil)
        #expect(extractor.title(of: "PANJIN, China, Nov. 17, 2017 /PRNewswire/ -- Panjin grows\nMore.") == nil)
        #expect(extractor.title(of: "Skip links\nMore text here.") == nil)
    }

    @Test func sourceFromWireMarker() {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        #expect(extractor.source(of: "BEIJING, March 3 (Xinhua) -- China and Germany agreed.") == "Xinhua")
        #expect(extractor.source(of: "SHANGHAI, Nov. 4, 2019 /PRNewswire/ -- On October 31.") == "PR Newswire")
        #expect(extractor.source(of: "Die Stadt Shenyang baut ihre Zusammenarbeit aus.") == nil)
    }

    /// The byte-level pre-test lets through every line with a dash word or a `date` stamp (the
    /// lines the parse reads), and the body starts after the first dash of each kind.
    @Test func datelinePreTestAndBodyStart() {
        let extractor = MetadataExtractor(rules: TestSupport.normalizationRules)
        for line in ["TIANJIN, China, May 3, 2021 -- Tianjin opened", "Nantes, 4. März 2022 — Die Stadt",
                     "HARBIN, June 2 – Harbin", "ULM - Ulm", "KIEL --- Kiel", "date 2019-11-04 no dash here",
                     "DATE 2019-11-04"] {
            #expect(MetadataExtractor.mayBeDateline(line[...]), "\(line)")
        }
        for line in ["Panjin joined the alliance in October.", "A well-known hyphen-ated line, a-b", "dates 2019-11-04 and so on",
                     "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen --"] {
            #expect(!MetadataExtractor.mayBeDateline(line[...]), "\(line)")
        }
        #expect(MetadataExtractor.firstDash(in: "SHENYANG, China, Oct. 26, 2023 -- Text") == 31)
        #expect(MetadataExtractor.firstDash(in: "Bochum, 4. März 2022 — Die") == 21)
        #expect(MetadataExtractor.firstDash(in: "a-b –c") == 4)
        #expect(MetadataExtractor.firstDash(in: "no dash-here") == nil)
        let dateline = extractor.dateline(of: "Neue Halle in Bochum\nBOCHUM, 4. März 2022 — Die Stadt Bochum baut.")
        #expect(dateline?.city == "Bochum")
        #expect(dateline?.bodyStart == 21 + 22)
    }
}

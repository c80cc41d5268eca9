import Testing
@testable import Gazette

/// Events on sentences of the genre, English and German, and sentences that must yield none.
@Suite struct EventExtractorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var published: String
        var expected: [String]
        var testDescription: String { String(text.prefix(60)) }
    }

    static let positives: [Case] = [
        Case(text: "Wuhan hosted guests. The 2022 Wuhan Auto Show took place from 23 to 26 September.", published: "2022-10-01",
             expected: ["exhibition 2022-09-23..2022-09-26 Wuhan"]),
        Case(text: "On June 12, Mayor Zhang Hong visited Hamburg.", published: "2023-06-20", expected: ["visit 2023-06-12 Hamburg"]),
        Case(text: "Die Delegation reiste Anfang Juni nach Osnabrück, Köln und Mailand.", published: "2023-06-20",
             expected: ["visit 2023-06 Osnabrück", "visit 2023-06 Cologne", "visit 2023-06 Milan"]),
        Case(text: "Harbin welcomed the fair. In 2018, Harbin joined the China-Russia Local Cooperation Council.", published: "2021-05-01",
             expected: ["membership 2018 Harbin"]),
        Case(text: "Tianjin grows. The new Gestamp plant was opened on 28 August in Tianjin.", published: "2022-09-10",
             expected: ["launch 2022-08-28 Tianjin"]),
        Case(text: "Vom 4. bis 6. Mai fand in Hefei die Messe für Elektromobilität statt.", published: "2023-05-20",
             expected: ["exhibition 2023-05-04..2023-05-06 Hefei"]),
    ]

    @Test(arguments: positives)
    func finds(_ c: Case) throws {
        let events = Extracting.events(try Extracting.run(c.text, published: c.published))
        for event in c.expected {
            #expect(events.contains(event), "missing “\(event)” in \(events.sorted())")
        }
    }

    /// A date with no event, a planned event, a trigger that is a verb of another sense.
    @Test(arguments: [
        "In March 2022 the city's exports rose 7.7 percent.",
        "The mayor will visit Hamburg in June.",
        "Die Delegation soll im Mai nach Köln reisen.",
        "The company plans to open a plant in Dalian next year.",
    ])
    func noEvent(_ text: String) throws {
        let events = Extracting.events(try Extracting.run(text, published: "2022-01-15"))
        #expect(events.isEmpty, "unexpected \(events.sorted())")
    }

    /// "At this event" takes the date and place of the conference, not of the visit.
    @Test func refersBackToTheVenue() throws {
        let doc = try Extracting.run("""
            On October 31, the Logistics Forum was held in Chengdu. During the event, Mr. Piotr Nowak visited Chongqing. \
            At this event, the Lodz Service Center was officially launched.
            """, published: "2023-11-02")
        let events = Extracting.events(doc)
        #expect(events.contains("meeting 2023-10-31 Chengdu"))
        #expect(events.contains("visit 2023-10-31 Chongqing"))
        #expect(events.contains("launch 2023-10-31 Chengdu"))
    }

    /// Where the visitors come from is not where the event happens: the `origin`, `delegation` and
    /// `location` words of events.tsv, in both languages.
    @Test(arguments: [
        ("On 14 May 2023, a delegation of the Gdansk city government visited Shenyang.", "visit 2023-05-14 Shenyang", "Gdansk"),
        ("Am 14. Mai 2023 besuchte eine Delegation aus Graz die Stadt Dalian.", "visit 2023-05-14 Dalian", "Graz"),
        // No "in" before the place: the first place that is not an origin ("from", "aus … und").
        ("On 3 March 2022, investors from Lyon and Turin attended a Changchun forum.", "meeting 2022-03-03 Changchun", "Lyon"),
        ("Am 14. Mai 2023 nahmen Gäste aus Graz und Linz an einem Forum der Stadt Dalian teil.", "meeting 2023-05-14 Dalian", "Linz"),
    ])
    func originIsNotThePlace(text: String, event: String, origin: String) throws {
        let events = Extracting.events(try Extracting.run(text, published: "2023-06-01"))
        #expect(events.contains(event), "missing “\(event)” in \(events.sorted())")
        #expect(!events.contains { $0.hasSuffix(" " + origin) }, "\(origin) taken as the place: \(events.sorted())")
    }

    @Test func placeWordsComeFromTheRuleFiles() throws {
        let german = try #require(TestSupport.ruleSet.events[.de])
        #expect(german.origins == ["aus", "von"] && german.destinations == ["nach"])
        #expect(german.listJoiners == ["und", "sowie"] && german.delegations.contains("delegationen"))
        let english = try #require(TestSupport.ruleSet.events[.en])
        #expect(english.locations == ["in", "at"] && english.clauseStarts.contains("which"))
    }

    /// The merge's date tests by parts (``EventExtractor/agree(_:_:)``, ``EventExtractor/isoLength(_:)``)
    /// answer what the ISO strings answer, for every pair of dates found in the test texts and for
    /// dates whose ISO form is not of fixed width.
    @Test func mergeDateTestsMatchTheISOStrings() throws {
        var dates: Set<PartialDate> = [
            PartialDate(year: 999), PartialDate(year: 10_000), PartialDate(year: 20_190), PartialDate(year: 2019, day: 5),
            PartialDate(year: 2019, month: 100), PartialDate(year: 2019, month: 10, day: 100), PartialDate(year: -5, month: 1),
            PartialDate(year: 2019, month: 1), PartialDate(year: 2019, month: 10), PartialDate(year: 2019, month: 10, day: 3),
        ]
        for language in [Language.en, .de] {
            let normalizer = TemporalNormalizer(rules: try DateRules(directory: TestSupport.rulesDirectory, language: language))
            for text in TestSupport.corpusTexts() {
                for date in normalizer.dates(in: text, reference: PartialDate(year: 2019, month: 11, day: 4)) {
                    dates.insert(date.dateStart)
                    if let end = date.dateEnd { dates.insert(end) }
                }
            }
        }
        #expect(dates.count > 60)
        let all: [PartialDate?] = [nil] + dates.sorted().map { Optional($0) }
        for a in all {
            #expect(EventExtractor.isoLength(a) == (a?.iso.count ?? 0), "\(String(describing: a))")
            for b in all {
                let expected = a.flatMap { x in b.map { y in x.iso.hasPrefix(y.iso) || y.iso.hasPrefix(x.iso) } } ?? false
                #expect(EventExtractor.agree(a, b) == expected, "\(String(describing: a)) \(String(describing: b))")
            }
        }
    }
}

import Testing
@testable import Gazette

/// Relationship patterns on sentences of the genre (most written for these tests, not from the
/// seeds), per predicate and language, and sentences that must yield nothing.
@Suite struct RelationExtractorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]
        var testDescription: String { String(text.prefix(60)) }
    }

    static let positives: [Case] = [
        Case(text: "Dalian is a port city. European companies including Schaeffler, Wärtsilä and Solvay have established joint ventures there.",
             expected: ["Schaeffler has_joint_venture_in Dalian", "Wärtsilä has_joint_venture_in Dalian", "Solvay has_joint_venture_in Dalian"]),
        Case(text: "In 2020, Wisła Cargo Sp. z o.o. and Sichuan Rongou Supply Chain established a joint venture in Chengdu.",
             expected: ["Wisła Cargo Sp. z o.o. joint_venture_with Sichuan Rongou Supply Chain",
                        "Wisła Cargo Sp. z o.o. has_joint_venture_in Chengdu", "Sichuan Rongou Supply Chain has_joint_venture_in Chengdu"]),
        Case(text: "Valeo's joint venture with Hubei Xinyuan Battery Technology in Wuhan supplies carmakers.",
             expected: ["Valeo joint_venture_with Hubei Xinyuan Battery Technology", "Valeo has_joint_venture_in Wuhan"]),
        Case(text: "Die Hartl Umwelttechnik GmbH betreibt seit 2015 ein Gemeinschaftsunternehmen mit der Jinan Quancheng Environmental Group in Jinan.",
             expected: ["Hartl Umwelttechnik GmbH joint_venture_with Jinan Quancheng Environmental Group",
                        "Hartl Umwelttechnik GmbH has_joint_venture_in Jinan"]),
        Case(text: "Changchun is growing. The city is in talks with Continental and Bosch about new plants.",
             expected: ["Changchun in_talks_with Continental", "Changchun in_talks_with Robert Bosch"]),
        Case(text: "Ms. Anna Berg, president of Volvo Cars, opened the plant.",
             expected: ["Anna Berg holds_position Volvo Cars"]),
        Case(text: "Harbin, capital of Heilongjiang province, hosts the fair.", expected: ["Harbin part_of Heilongjiang"]),
        Case(text: "Wuhan has 27 international partners. Of its eight friendship cities, Nagoya and Busan are in Asia.",
             expected: ["Wuhan friendship_city_of Nagoya", "Wuhan friendship_city_of Busan"]),
        Case(text: "Gotion High-Tech, a battery maker headquartered in Hefei, unveiled its L600 Astroinno cell.",
             expected: ["Gotion High-Tech headquartered_in Hefei", "Gotion High-Tech produces L600 Astroinno"]),
        Case(text: "Qingdao is a port. Qingdao became the first city in Shandong to join the Sino-German Industrial City Alliance.",
             expected: ["Qingdao member_of Sino-German Industrial City Alliance"]),
        Case(text: "Die Stadt Dalian in der Provinz Liaoning wächst.", expected: ["Dalian part_of Liaoning"]),
        Case(text: "Dies ist ein Kooperationsprojekt zwischen China und Saudi-Arabien.", expected: ["China cooperates_with Saudi Arabia"]),
    ]

    @Test(arguments: positives)
    func finds(_ c: Case) throws {
        let facts = Extracting.facts(try Extracting.run(c.text))
        for fact in c.expected {
            #expect(facts.contains(fact), "missing “\(fact)” in \(facts.sorted())")
        }
    }

    /// Planned, negotiated or denied ventures are never joint ventures.
    @Test(arguments: [
        "Harbin is large. Kone is negotiating a joint venture with Longjiang Heavy Machinery there.",
        "Michelin will establish a joint venture with Tianjin Haitai Rubber, pending approval.",
        "Die Ostermann GmbH aus Hagen plant ein Joint Venture mit der Suzhou Jinhe Metal Products Co., Ltd. in Taicang.",
        "The Dalian Municipal Government and Air Liquide signed a memorandum of understanding on a joint venture, which has not yet been established.",
        "Caterpillar has not set up a joint venture in Harbin.",
    ])
    func noJointVenture(_ text: String) throws {
        let facts = Extracting.facts(try Extracting.run(text))
        #expect(!facts.contains { $0.contains("joint_venture") }, "unexpected \(facts.sorted())")
    }

    /// "there" with no place before it refers to nothing.
    @Test func thereWithoutAPlace() throws {
        let facts = Extracting.facts(try Extracting.run("Leoni Group and Clariant have established joint ventures there."))
        #expect(!facts.contains { $0.contains("has_joint_venture_in") }, "unexpected \(facts.sorted())")
    }

    /// A non-European firm's venture is a joint venture, but not a European one.
    @Test func nonEuropeanFirm() throws {
        let doc = try Extracting.run("Dalian is a port city. Japan's Mitsui Chemicals also operates a joint venture there.")
        #expect(Extracting.facts(doc).contains("Mitsui Chemicals has_joint_venture_in Dalian"))
        #expect(Extracting.entity(doc, "Mitsui Chemicals")?.region == "Asia")
    }

    /// Every fact names its rule and lies inside its sentence.
    @Test func provenance() throws {
        let doc = try Extracting.run("Shenyang, capital of Liaoning province, is in talks with BASF.")
        #expect(!doc.facts.isEmpty)
        for fact in doc.facts {
            #expect(fact.rule.contains(".tsv#") || fact.rule.contains("/structure#"))
            let sentence = doc.sentences[fact.sentence]
            #expect(sentence.start <= fact.matchStart && fact.matchEnd <= sentence.end)
        }
    }

    /// An enumeration's items may carry an origin ("from Poland") or an owner ("Austria's"), which
    /// name no party; the match runs from the first name to the anaphor.
    @Test func enumerationWithOriginsAndOwners() throws {
        let text = "Panjin is a port city. European enterprises including Wrobex from Poland, Austria's Plansee and Dynasol "
            + "have established joint ventures there."
        let doc = try Extracting.run(text)
        let facts = Extracting.facts(doc)
        for firm in ["Wrobex", "Plansee", "Dynasol"] {
            #expect(facts.contains("\(firm) has_joint_venture_in Panjin"), "\(facts.sorted())")
        }
        #expect(!facts.contains { $0.hasPrefix("Poland ") || $0.hasPrefix("Austria ") }, "\(facts.sorted())")
        // The text is ASCII: its UTF-16 offsets are its scalar offsets.
        let start = try #require(text.range(of: "Wrobex")).lowerBound.utf16Offset(in: text)
        let end = try #require(text.range(of: "there")).upperBound.utf16Offset(in: text)
        for fact in doc.facts where fact.predicate == .hasJointVentureIn {
            #expect(fact.matchStart == start && fact.matchEnd == end)
        }
    }

    /// "Shenyang's Hunnan district" is the district, part of the city that owns it; so is "the
    /// city's Xinglongtai district", of the city the text is about.
    @Test func ownedDistricts() throws {
        let facts = Extracting.facts(try Extracting.run(
            "Panjin is a port city. The city's Xinglongtai district hosts a chemical park. Shenyang's Hunnan district is home to BMW Brilliance."))
        #expect(facts.contains("Xinglongtai district part_of Panjin"), "\(facts.sorted())")
        #expect(facts.contains("Hunnan district part_of Shenyang"), "\(facts.sorted())")
    }

    /// A gap does not run over ";": the venture is Clariant's, not Leoni's (over a comma, it is).
    @Test func gapStopsAtSemicolon() throws {
        let stopped = Extracting.facts(try Extracting.run("Leoni grew quickly; Clariant established a joint venture in Panjin."))
        #expect(stopped.contains("Clariant has_joint_venture_in Panjin"), "\(stopped.sorted())")
        #expect(!stopped.contains("Leoni has_joint_venture_in Panjin"), "\(stopped.sorted())")
        let comma = Extracting.facts(try Extracting.run("Leoni grew quickly, and Clariant established a joint venture in Panjin."))
        #expect(comma.contains("Leoni has_joint_venture_in Panjin"), "\(comma.sorted())")
    }

    /// The topic is the city named most so far, the first of equals; the main place, the city the
    /// whole text names most.
    @Test func topicTracker() {
        var entities: WordMap<ResolvedEntity> = [:]
        for (key, subtype) in [("a", "city"), ("b", "city"), ("c", "country")] {
            entities[key] = ResolvedEntity(key: key, name: key, type: .place, subtype: subtype)
        }
        func mention(_ key: String) -> Mention {
            Mention(sentence: 0, start: 0, end: 1, text: key, type: .place, rule: "test", entityKey: key)
        }
        var topic = TopicTracker()
        topic.update(with: [mention("c")], entities: entities)
        #expect(topic.main == nil)
        topic.update(with: [mention("a"), mention("b")], entities: entities)
        #expect(topic.main == "a")
        topic.update(with: [mention("b")], entities: entities)
        #expect(topic.main == "b")
        topic.update(with: [mention("a")], entities: entities)
        #expect(topic.main == "b")
        #expect(TopicTracker.mainPlace([mention("b"), mention("a"), mention("a"), mention("b"), mention("c")], entities) == "b")
        #expect(TopicTracker.mainPlace([mention("a"), mention("b"), mention("b")], entities) == "b")
        #expect(TopicTracker.mainPlace([mention("c")], entities) == nil)
    }
}

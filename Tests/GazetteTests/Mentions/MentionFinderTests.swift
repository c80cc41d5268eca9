import Testing
@testable import Gazette

/// Mention finding and resolution on real sentences of the genre, English and German: each rule
/// family on a sentence it must match, and sentences that must yield no entity.
@Suite struct MentionFinderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var surface: String
        var type: EntityType
        var name: String
        var country: String?
        var testDescription: String { "\(surface) in “\(text.prefix(40))…”" }
    }

    static let cases: [Case] = [
        // Cue names, English.
        Case(text: "Panjin Vocational and Technical College has partnered with a German institution.",
             surface: "Panjin Vocational and Technical College", type: .organization, name: "Panjin Vocational and Technical College", country: "China"),
        Case(text: "The Harbin Institute of Technology signed the agreement.", surface: "Harbin Institute of Technology",
             type: .organization, name: "Harbin Institute of Technology", country: "China"),
        Case(text: "Goods leave from the Dalian Port every day.", surface: "Dalian Port", type: .facility, name: "Dalian Port", country: "China"),
        Case(text: "Investors favour the Tianjin Free Trade Zone.", surface: "Tianjin Free Trade Zone", type: .zone,
             name: "Tianjin Free Trade Zone", country: "China"),
        // Reference lookups, exonyms and genitives.
        Case(text: "Die Delegation reiste weiter nach Wladiwostok.", surface: "Wladiwostok", type: .place, name: "Vladivostok", country: "Russia"),
        Case(text: "Die Messe in Mailand war gut besucht.", surface: "Mailand", type: .place, name: "Milan", country: "Italy"),
        Case(text: "Die Zusammenarbeit Russlands mit China wächst.", surface: "Russlands", type: .place, name: "Russia", country: nil),
        Case(text: "Die Stadt Shenyang in der Provinz Liaoning wächst.", surface: "Provinz Liaoning", type: .place, name: "Liaoning", country: "China"),
        Case(text: "The chemical group BASF employs 3,000 people in Nanjing.", surface: "BASF", type: .organization, name: "BASF", country: "Germany"),
        // Shapes: titles, upper-case surnames, legal forms, products.
        Case(text: "The forum was opened by Mr. Zhang Wei, who thanked the guests.", surface: "Mr. Zhang Wei", type: .person, name: "Zhang Wei", country: nil),
        Case(text: "Speakers included WANG Lei and Anna Berg.", surface: "WANG Lei", type: .person, name: "Wang Lei", country: nil),
        Case(text: "The Kessler Fördertechnik GmbH opened an office in Hefei.", surface: "Kessler Fördertechnik GmbH",
             type: .organization, name: "Kessler Fördertechnik GmbH", country: "Germany"),
        Case(text: "The firm presented its HX 300 excavator in Shanghai.", surface: "HX 300", type: .product, name: "HX 300", country: nil),
        // Country stated by the text.
        Case(text: "Swedish toolmaker Sandvik expanded its plant in Harbin.", surface: "Sandvik", type: .organization, name: "Sandvik", country: "Sweden"),
        Case(text: "Austria's Plansee opened a new office in Chengdu.", surface: "Plansee", type: .organization, name: "Plansee", country: "Austria"),
    ]

    @Test(arguments: cases)
    func findsAndTypes(_ c: Case) throws {
        let doc = try Extracting.run(c.text)
        let mention = try #require(doc.mentions.first { $0.text == c.surface }, "no mention “\(c.surface)”; found \(doc.mentions.map(\.text))")
        let entity = try #require(doc.entities.first { $0.key == mention.entityKey })
        #expect(entity.type == c.type)
        #expect(entity.name == c.name)
        if let country = c.country { #expect(entity.country == country) }
    }

    /// Sentence-initial words, months, weekdays, adjectives and German nouns are not entities.
    @Test(arguments: [
        "In February, 11 local enterprises went abroad.",
        "Situated on the coast, the city grew quickly.",
        "Compared to other members, the city is small.",
        "Die Delegierten besuchten auch wichtige Unternehmen und Regionen.",
        "Ziel ist es, die Zusammenarbeit zu vertiefen.",
        "On Monday, German and Chinese officials met again.",
        "Government data show a surge of 375.1 percent year-on-year.",
    ])
    func noEntity(_ text: String) throws {
        let doc = try Extracting.run(text)
        #expect(doc.entities.filter { $0.type != .place }.isEmpty, "unexpected \(doc.entities.map(\.name))")
    }

    /// Two documents naming the same firm differently produce one entity.
    @Test func sameFirmOneEntityAcrossDocuments() throws {
        let a = try Extracting.run("The automaker BMW-Brilliance expanded in Shenyang.")
        let b = try Extracting.run("BMW Brilliance is the largest employer in Tiexi district.")
        let keyA = try #require(a.mentions.first { $0.text == "BMW-Brilliance" }?.entityKey)
        let keyB = try #require(b.mentions.first { $0.text == "BMW Brilliance" }?.entityKey)
        #expect(keyA == keyB)
    }

    /// An acronym defined in brackets and a short form join the full name.
    @Test func acronymsAndShortForms() throws {
        let doc = try Extracting.run("""
            The Dalian Institute of Chemical Physics (DICP) hosted the forum. DICP works with Leoni Group. Leoni supplies cables.
            """)
        let full = try #require(doc.mentions.first { $0.text == "Dalian Institute of Chemical Physics" }?.entityKey)
        #expect(doc.mentions.filter { $0.text == "DICP" }.allSatisfy { $0.entityKey == full })
        let leoni = try #require(doc.mentions.first { $0.text == "Leoni Group" }?.entityKey)
        #expect(doc.mentions.first { $0.text == "Leoni" }?.entityKey == leoni)
    }

    /// "Mayor Link" after "Sören Link" is the same person.
    @Test func surnameJoinsThePerson() throws {
        let doc = try Extracting.run("Mr. Sören Link, mayor of Duisburg, visited Wuhan. Mayor Link praised the project.")
        let persons = doc.entities.filter { $0.type == .person }
        #expect(persons.map(\.name) == ["Sören Link"])
    }

    /// An unknown firm keeps its country empty rather than a guess.
    @Test func unknownFirmHasNoCountry() throws {
        let doc = try Extracting.run("The logistics firm Quandor Systems opened a depot in Dalian.")
        let firm = try #require(Extracting.entity(doc, "Quandor Systems"))
        #expect(firm.country == nil)
    }

    /// The complement connectives ("of", "für") are rule data (`name-words.tsv`), each one also a
    /// connective, and "and" is none: "Harbin Institute of Technology" stays one name (above),
    /// "Siemens and BASF" two.
    @Test func complementConnectivesAreData() throws {
        let english = try #require(TestSupport.ruleSet.mentions[.en])
        let german = try #require(TestSupport.ruleSet.mentions[.de])
        #expect(Set(english.complementConnectives) == ["of", "for", "the", "de", "on"])
        #expect(Set(german.complementConnectives) == ["der", "fur", "of", "des"])
        for rules in [english, german] {
            #expect(rules.connectives.isSuperset(of: rules.complementConnectives))
            #expect(!rules.complementConnectives.contains("and") && rules.connectives.contains("and"))
        }
        let doc = try Extracting.run("Siemens and BASF opened plants in Harbin.")
        #expect(Set(doc.mentions.map(\.text)).isSuperset(of: ["Siemens", "BASF"]))
    }
}

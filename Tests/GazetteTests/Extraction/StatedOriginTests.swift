import Testing
@testable import Gazette

/// Countries and regions a sentence states for organizations, through the `origin`, `group-noun`,
/// `list-intro` and `list-join` words of `name-words.tsv` (paragraphs of the genre written for
/// these tests: other firms, other cities).
@Suite struct StatedOriginTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        /// Surface form → expected country ("" for none stated), or region after "region:".
        var expected: [String: String]
        var testDescription: String { String(text.prefix(60)) }
    }

    static let cases: [Case] = [
        Case(text: "Changchun is an industrial city. Polish companies such as Kolmex Automotive and Vistral Logistics have opened plants there.",
             expected: ["Kolmex Automotive": "Poland", "Vistral Logistics": "Poland"]),
        Case(text: "Wuxi welcomed investors. European enterprises including Halvorsen Marine, Brenntag and Orlen Synthos set up joint ventures in the city.",
             expected: ["Halvorsen Marine": "region:Europe", "Orlen Synthos": "region:Europe"]),
        Case(text: "Die Trelmo Antriebstechnik GmbH aus Graz baut ein Werk in Shenyang.",
             expected: ["Trelmo Antriebstechnik GmbH": "Austria"]),
        Case(text: "In Hefei sind österreichische Unternehmen wie Kessler GmbH, Lindtal GmbH sowie Norvik GmbH aktiv.",
             expected: ["Kessler GmbH": "Austria", "Lindtal GmbH": "Austria", "Norvik GmbH": "Austria"]),
    ]

    @Test(arguments: cases)
    func statedOrigin(_ c: Case) throws {
        let doc = try Extracting.run(c.text)
        for (surface, wanted) in c.expected {
            let entity = try #require(Extracting.entity(doc, surface), "no entity for \(surface): \(doc.entities.map(\.name))")
            if wanted.hasPrefix("region:") {
                #expect(entity.region == String(wanted.dropFirst(7)), "\(surface): \(String(describing: entity.region))")
            } else {
                #expect(entity.country == wanted, "\(surface): \(String(describing: entity.country))")
            }
        }
    }

    /// Without an origin word or a group noun, nothing is stated.
    @Test func noOriginWithoutTheWords() throws {
        let doc = try Extracting.run("Changchun is an industrial city. Kolmex Automotive and Vistral Logistics have opened plants there.")
        #expect(Extracting.entity(doc, "Kolmex Automotive")?.countrySource != .text)
    }

    @Test func wordsComeFromTheRuleFiles() throws {
        let rules = try #require(TestSupport.ruleSet.mentions[.de])
        #expect(rules.origins == ["aus"])
        #expect(rules.groupNouns.isSuperset(of: ["unternehmen", "firmen"]))
        #expect(rules.listJoiners == ["und", "sowie"])
        let english = try #require(TestSupport.ruleSet.mentions[.en])
        #expect(english.listIntroducers.isSuperset(of: ["including", "such", "as"]) && english.origins == ["from"])
        #expect(english.functionWords.isSuperset(of: ["has", "and", "which"]) && !english.functionWords.contains("ist"))
        #expect(rules.functionWords.isSuperset(of: ["ist", "und"]) && rules.former == ["ehemaliger", "ehemalige"])
    }
}

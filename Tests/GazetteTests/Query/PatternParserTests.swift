import Testing
@testable import Gazette

/// `PatternParser`: the pattern grammar, and errors that point at the offending token.
@Suite struct PatternParserTests {
    @Test func parsesTypesFiltersPredicateAndWithin() throws {
        let pattern = try Pattern(parsing: "organization[region=Europe, country = United Kingdom] has_joint_venture_in place[subtype=city] within Liaoning Province")
        #expect(pattern.subject == Pattern.Node(type: .organization, filters: [
            .init(name: "region", value: "Europe"), .init(name: "country", value: "United Kingdom"),
        ]))
        #expect(pattern.predicate == .hasJointVentureIn)
        #expect(pattern.object == Pattern.Node(type: .place, filters: [.init(name: "subtype", value: "city")]))
        #expect(pattern.within == "Liaoning Province")
    }

    @Test func anyTypeQuotedValuesAndPredicateAttributes() throws {
        let pattern = try Pattern(parsing: #"entity[name="Leoni, ""Group"""] holds_position[role=mayor] * within 'Panjin'"#)
        #expect(pattern.subject == Pattern.Node(type: nil, filters: [.init(name: "name", value: #"Leoni, "Group""#)]))
        #expect(pattern.predicateFilters == [.init(name: "role", value: "mayor")])
        #expect(pattern.object.type == nil)
        #expect(pattern.within == "Panjin")
    }

    @Test(arguments: [
        ("organization in_talks_wit place", 14, 12, "unknown predicate 'in_talks_wit'"),
        ("firm in_talks_with place", 1, 4, "unknown type 'firm' for the subject"),
        ("organization in_talks_with town", 28, 4, "unknown type 'town' for the object"),
        ("organization[colour=red] in_talks_with place", 14, 6,
         "unknown attribute 'colour'; types take name, subtype, country, region, country_source"),
        ("organization[region Europe] in_talks_with place", 21, 1, "expected '=' after 'region'"),
        ("organization[region=] in_talks_with place", 21, 1, "'region=' needs a value"),
        ("organization[region=Europe in_talks_with place", 13, 1, "'[' is never closed; add ']'"),
        ("organization in_talks_with place near Panjin", 34, 4,
         "unexpected 'near' after the object; only 'within PLACE' may follow"),
        ("organization in_talks_with place within", 34, 6, "'within' needs a place name, e.g. within Liaoning"),
        ("organization in_talks_with", 27, 1, "expected an entity type for the object, found the end of the pattern"),
        ("   ", 1, 1, "empty pattern; expected an entity type"),
        ("person holds_position[rank=1] place", 23, 4, "unknown attribute 'rank'; predicates take role, amount"),
    ])
    func errorsPointAtTheToken(pattern: String, column: Int, length: Int, reason: String) {
        #expect(throws: GazetteError.invalidPattern(pattern: pattern, column: column, length: length, reason: reason)) {
            _ = try Pattern(parsing: pattern)
        }
    }

    @Test func errorTextHasCaretLineAndVocabulary() {
        let error = GazetteError.invalidPattern(pattern: "organization in_talks_wit place", column: 14, length: 12,
                                                reason: "unknown predicate 'in_talks_wit'")
        let lines = error.description.components(separatedBy: "\n")
        #expect(Array(lines.prefix(3)) == [
            "invalid pattern at column 14: unknown predicate 'in_talks_wit'",
            "  organization in_talks_wit place",
            "               ^^^^^^^^^^^^",
        ])
        #expect(lines.contains("Types: organization, person, place, zone, facility, program, product, entity"))
        #expect(lines.contains { $0.hasPrefix("Predicates: located_in, part_of, ") && $0.contains("in_talks_with") })
        #expect(lines.contains("Attributes: name, subtype, country, region, country_source on types; role, amount on predicates"))
    }
}

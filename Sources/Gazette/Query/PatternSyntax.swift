import Foundation

/// The vocabulary of query patterns, and the error text that lists it.
///
/// ```
/// TYPE[attr=value,…] PREDICATE[attr=value,…] TYPE[attr=value,…] [within PLACE]
/// ```
public enum PatternSyntax {
    /// The one-line grammar.
    public static let grammar = "TYPE[attr=value,...] PREDICATE[attr=value,...] TYPE[attr=value,...] [within PLACE]"

    /// The word that matches entities of any type.
    public static let anyType = "entity"

    /// Entity types, plus `entity` for any type.
    public static var types: [String] { EntityType.allCases.map(\.rawValue) + [anyType] }

    /// Relationship predicates.
    public static var predicates: [String] { RelationPredicate.allCases.map(\.rawValue) }

    /// Attributes an entity node can be filtered on, and the `entity` column each compares.
    public static let entityAttributes: [(name: String, column: String)] = [
        ("name", "name"), ("subtype", "subtype"), ("country", "country"), ("region", "region"),
        ("country_source", "country_source"),
    ]

    /// Attributes of a relationship (`holds_position[role=mayor]`) and their JSON paths.
    public static let predicateAttributes: [(name: String, path: String)] = [("role", "$.role"), ("amount", "$.amount")]

    /// The full message of ``GazetteError/invalidPattern(pattern:column:length:reason:)``: the
    /// reason, the pattern with a caret line under the offending token, and the vocabulary.
    public static func errorMessage(pattern: String, column: Int, length: Int, reason: String) -> String {
        let shown = pattern.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\0", with: "\u{2400}")
        let pad = String(repeating: " ", count: max(0, column - 1))
        let carets = String(repeating: "^", count: max(1, length))
        return """
            invalid pattern at column \(column): \(reason)
              \(shown)
              \(pad)\(carets)
            Syntax: \(grammar)
            Types: \(types.joined(separator: ", "))
            Predicates: \(predicates.joined(separator: ", "))
            Attributes: \(entityAttributes.map(\.name).joined(separator: ", ")) on types; \
            \(predicateAttributes.map(\.name).joined(separator: ", ")) on predicates
            Example: organization[region=Europe] has_joint_venture_in place[subtype=city] within Liaoning
            """
    }
}

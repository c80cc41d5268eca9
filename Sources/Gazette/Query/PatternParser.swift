import Foundation

/// Reads the pattern syntax of ``PatternSyntax`` into a ``Pattern``, keeping each token's column
/// so that an error can point at it.
struct PatternParser {
    /// A word or a punctuation mark, with its 1-based column and length in characters.
    struct Token: Equatable {
        enum Kind: Equatable { case word, open, close, comma, equals, other }
        var kind: Kind
        var text: String
        var column: Int
        var length: Int { max(1, text.count) }
    }

    let text: String
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parse() throws(GazetteError) -> Pattern {
        skipSpaces()
        guard position < characters.count else {
            throw fail(column: 1, length: 1, "empty pattern; expected an entity type")
        }
        let subject = try node(role: "subject")
        let predicateToken = try word(expecting: "a predicate after the subject")
        guard let predicate = RelationPredicate(rawValue: predicateToken.text.lowercased()) else {
            throw fail(predicateToken, "unknown predicate '\(predicateToken.text)'")
        }
        let predicateFilters = try filters(allowed: PatternSyntax.predicateAttributes.map(\.name), owner: "predicates")
        let object = try node(role: "object")
        var within: String?
        skipSpaces()
        if position < characters.count {
            let next = try word(expecting: "'within PLACE' or the end of the pattern")
            guard next.text.lowercased() == "within" else {
                throw fail(next, "unexpected '\(next.text)' after the object; only 'within PLACE' may follow")
            }
            within = try rest(after: next)
        }
        return Pattern(subject: subject, predicate: predicate, predicateFilters: predicateFilters,
                       object: object, within: within)
    }

    // MARK: - Grammar

    mutating func node(role: String) throws(GazetteError) -> Pattern.Node {
        let token = try word(expecting: "an entity type for the \(role)")
        let name = token.text.lowercased()
        var type: EntityType?
        if name != PatternSyntax.anyType && name != "*" {
            guard let known = EntityType(rawValue: name) else {
                throw fail(token, "unknown type '\(token.text)' for the \(role)")
            }
            type = known
        }
        return Pattern.Node(type: type, filters: try filters(allowed: PatternSyntax.entityAttributes.map(\.name), owner: "types"))
    }

    /// `[name=value, …]` directly after a type or predicate, or nothing.
    mutating func filters(allowed: [String], owner: String) throws(GazetteError) -> [Pattern.Filter] {
        let before = position
        skipSpaces()
        guard position < characters.count, characters[position] == "[" else {
            position = before
            return []
        }
        let open = position
        position += 1
        var out: [Pattern.Filter] = []
        while true {
            skipSpaces()
            let name = try word(expecting: "an attribute name")
            guard allowed.contains(name.text.lowercased()) else {
                throw fail(name, "unknown attribute '\(name.text)'; \(owner) take \(allowed.joined(separator: ", "))")
            }
            skipSpaces()
            guard position < characters.count, characters[position] == "=" else {
                throw fail(column: position + 1, length: 1, "expected '=' after '\(name.text)'")
            }
            position += 1
            let value = try attributeValue(after: name)
            out.append(Pattern.Filter(name: name.text.lowercased(), value: value))
            skipSpaces()
            guard position < characters.count else {
                throw fail(column: open + 1, length: 1, "'[' is never closed; add ']'")
            }
            if characters[position] == "," { position += 1; continue }
            if characters[position] == "]" { position += 1; return out }
            throw fail(column: position + 1, length: 1, "expected ',' or ']'")
        }
    }

    /// A quoted string, or everything up to the next `,` or `]` (spaces inside kept, ends trimmed).
    mutating func attributeValue(after name: Token) throws(GazetteError) -> String {
        skipSpaces()
        let start = position
        if position < characters.count, characters[position] == "\"" || characters[position] == "'" {
            return try quoted()
        }
        while position < characters.count, characters[position] != ",", characters[position] != "]" {
            position += 1
        }
        let value = String(characters[start..<position]).trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            throw fail(column: start + 1, length: 1, "'\(name.text)=' needs a value")
        }
        return value
    }

    /// The place after `within`: a quoted string or the rest of the pattern.
    mutating func rest(after within: Token) throws(GazetteError) -> String {
        skipSpaces()
        guard position < characters.count else {
            throw fail(within, "'within' needs a place name, e.g. within Liaoning")
        }
        if characters[position] == "\"" || characters[position] == "'" {
            let value = try quoted()
            skipSpaces()
            if position < characters.count {
                throw fail(column: position + 1, length: characters.count - position, "unexpected text after the place name")
            }
            return value
        }
        let value = String(characters[position...]).trimmingCharacters(in: .whitespaces)
        position = characters.count
        return value
    }

    mutating func quoted() throws(GazetteError) -> String {
        let quote = characters[position]
        let start = position
        position += 1
        var value = ""
        while position < characters.count {
            if characters[position] == quote {
                // A doubled quote stands for one, as in SQL.
                if position + 1 < characters.count, characters[position + 1] == quote {
                    value.append(quote)
                    position += 2
                    continue
                }
                position += 1
                return value
            }
            value.append(characters[position])
            position += 1
        }
        throw fail(column: start + 1, length: 1, "the quote is never closed")
    }

    // MARK: - Tokens

    /// A word: letters, digits, `_`, `-`, `*`, `.`.
    mutating func word(expecting what: String) throws(GazetteError) -> Token {
        skipSpaces()
        let start = position
        while position < characters.count, PatternParser.isWordCharacter(characters[position]) {
            position += 1
        }
        guard position > start else {
            if start >= characters.count {
                throw fail(column: characters.count + 1, length: 1, "expected \(what), found the end of the pattern")
            }
            throw fail(column: start + 1, length: 1, "expected \(what), found '\(characters[start])'")
        }
        return Token(kind: .word, text: String(characters[start..<position]), column: start + 1)
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "-" || c == "*" || c == "."
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    func fail(_ token: Token, _ reason: String) -> GazetteError {
        fail(column: token.column, length: token.length, reason)
    }

    func fail(column: Int, length: Int, _ reason: String) -> GazetteError {
        .invalidPattern(pattern: text, column: column, length: length, reason: reason)
    }
}

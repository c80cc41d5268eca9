import Foundation

/// One relation rule of `seeds/rules/<lang>/relations.tsv`: a pattern over a sentence's tokens
/// and mentions, the predicate it states, and the rule's measured precision.
///
/// The pattern is a space-separated list of elements:
///
/// | element | matches |
/// |---|---|
/// | `S:organization` | one mention of a type (`place.city` names a subtype) as subject |
/// | `S*:organization` | an enumeration: "Leoni Group, Clariant and Dynasol" |
/// | `O:place|topic` | the object; `topic` also takes "there", "the city" … (see `anaphora.tsv`) |
/// | `R:role` | a role phrase ("former vice minister of commerce"), kept as attribute `role` |
/// | `in_talks|negotiating` | one of the words or phrases (`_` joins the words of a phrase) |
/// | `?the` | an optional word |
/// | `*4` | up to four tokens of anything (but a sentence end) |
/// | `^` | the start of the sentence |
///
/// For example `S*:organization *4 established|set_up *3 joint_venture|joint_ventures ?in O:place|topic`.
public struct RelationPattern: Sendable {
    public enum Element: Sendable {
        case slot(role: SlotRole, types: SlotTypes, list: Bool)
        case words(Phrases, optional: Bool)
        case gap(Int)
        case start
        case roleSlot
    }

    /// The alternatives of a word element (folded phrases), in the order listed, and grouped by
    /// first word: the matcher tries only those whose first word is the token it stands at.
    public struct Phrases: Sendable {
        /// Every alternative, in the order the rule lists them.
        public let all: [[String]]
        /// The same alternatives by first word, each group in the order listed.
        let byFirstWord: WordMap<[[String]]>

        init(_ all: [[String]]) {
            self.all = all
            var byFirstWord: WordMap<[[String]]> = [:]
            for phrase in all { if let first = phrase.first { byFirstWord[first, default: []].append(phrase) } }
            self.byFirstWord = byFirstWord
        }
    }

    public enum SlotRole: Sendable { case subject, object }

    /// Which mentions a slot accepts.
    public struct SlotTypes: Sendable {
        public var types: Set<EntityType> = [] {
            didSet { typeMask = types.reduce(0) { $0 | 1 << $1.ordinal } }
        }
        /// `type.subtype` names, e.g. `place.city`.
        public var subtypes: WordSet = [] {
            didSet {
                subtypesByType = Array(repeating: [], count: EntityType.allCases.count)
                subtypedMask = 0
                for name in subtypes {
                    guard let dot = name.firstIndex(of: "."), let type = EntityType(rawValue: String(name[..<dot])) else { continue }
                    subtypesByType[type.ordinal].insert(String(name[name.index(after: dot)...]))
                    subtypedMask |= 1 << type.ordinal
                }
            }
        }
        public var topic = false
        /// `types` and `subtypes` as the matcher asks them, once per mention tried: a bit per type,
        /// and the subtypes by type (a `Set<EntityType>` hashes the type's name, and the subtype
        /// test built a "type.subtype" string every time).
        private(set) var typeMask: UInt16 = 0
        private(set) var subtypesByType: [WordSet] = []
        /// A bit per type with a subtype in ``subtypes``: a mention of another type is not looked up.
        private(set) var subtypedMask: UInt16 = 0

        func accepts(_ m: Mention) -> Bool {
            accepts(m.type, m.subtype)
        }

        /// ``accepts(_:)`` from the two fields it reads, so that a caller holding mentions in an
        /// array need not copy one out.
        func accepts(_ type: EntityType, _ subtype: String?) -> Bool {
            let ordinal = type.ordinal
            if typeMask & 1 << ordinal != 0 { return true }
            if let subtype, subtypedMask & 1 << ordinal != 0, subtypesByType[ordinal].contains(subtype) { return true }
            return false
        }
    }

    public var id: String
    public var predicate: RelationPredicate?
    /// `containment`: `part_of` between places, `located_in` otherwise or towards a region.
    public var containment: Bool
    public var elements: [Element] {
        didSet { program = RelationProgram(elements) }
    }
    /// ``elements`` as the matcher runs them, made again whenever they change (without subtype
    /// numbers: ``number(_:)`` gives them).
    private(set) var program = RelationProgram([])
    public var precision: Double
    /// Words that, anywhere in the matched span, stop the rule: plans, negation, memoranda.
    public var blockers: WordSet
    public var rule: String
    /// A word of every alternative of one required word element (``anchors(of:common:)``): a
    /// sentence without one of them cannot match, and is skipped without trying.
    public var anchors: WordSet?

    /// Parses one row: `id`, `predicate`, `pattern`, `precision`, `blockers` (a `blockers.tsv` set
    /// name). `commonWords` (the language's stop words) steer the choice of ``anchors``.
    init(row: TSVFile.Row, path: String, language: Language, blockerSets: [String: WordSet],
         commonWords: WordSet = []) throws(GazetteError) {
        id = row[0]
        rule = "\(language.rawValue)/relations.tsv#\(row[0])"
        if row[1] == "containment" {
            predicate = nil
            containment = true
        } else {
            guard let p = RelationPredicate(rawValue: row[1]) else {
                throw .badRuleFile(path: path, line: row.line, reason: "unknown predicate '\(row[1])'")
            }
            predicate = p
            containment = false
        }
        guard let p = Double(row[3]), (0...1).contains(p) else {
            throw .badRuleFile(path: path, line: row.line, reason: "precision must be a number from 0 to 1, not '\(row[3])'")
        }
        precision = p
        var blockers: WordSet = []
        for name in row[4].split(separator: "|") where !name.isEmpty {
            guard let set = blockerSets[String(name)] else {
                throw .badRuleFile(path: path, line: row.line, reason: "unknown blocker set '\(name)'; define it in blockers.tsv")
            }
            blockers.formUnion(set)
        }
        self.blockers = blockers
        elements = []
        var subjects = 0, objects = 0
        for item in row[2].split(separator: " ") {
            let text = String(item)
            if text == "^" {
                elements.append(.start)
            } else if text.hasPrefix("*"), let n = Int(text.dropFirst()) {
                elements.append(.gap(n))
            } else if text == "R:role" {
                elements.append(.roleSlot)
            } else if let colon = text.firstIndex(of: ":"), ["S", "S*", "O", "O*"].contains(String(text[..<colon])) {
                let head = String(text[..<colon])
                var types = SlotTypes()
                for name in text[text.index(after: colon)...].split(separator: "|") {
                    if name == "topic" { types.topic = true; continue }
                    if name.contains(".") {
                        types.subtypes.insert(String(name))
                    } else if let type = EntityType(rawValue: String(name)) {
                        types.types.insert(type)
                    } else {
                        throw .badRuleFile(path: path, line: row.line, reason: "unknown entity type '\(name)' in slot \(text)")
                    }
                }
                let role: SlotRole = head.hasPrefix("S") ? .subject : .object
                if role == .subject { subjects += 1 } else { objects += 1 }
                elements.append(.slot(role: role, types: types, list: head.hasSuffix("*")))
            } else {
                let optional = text.hasPrefix("?")
                let body = optional ? String(text.dropFirst()) : text
                let alternatives = body.split(separator: "|", omittingEmptySubsequences: false).map { alt in
                    alt.split(separator: "_").map { Folding.key(String($0)) }
                }
                guard !alternatives.contains(where: \.isEmpty) else {
                    throw .badRuleFile(path: path, line: row.line, reason: "empty word alternative in '\(text)'")
                }
                elements.append(.words(Phrases(alternatives), optional: optional))
            }
        }
        program = RelationProgram(elements)
        anchors = RelationPattern.anchors(of: elements, common: commonWords)
        guard subjects == 1, objects == 1 else {
            throw .badRuleFile(path: path, line: row.line, reason: "a pattern needs exactly one subject (S) and one object (O) slot")
        }
    }
}

extension RelationPattern {
    /// Makes the program again with the language's subtype numbers (``RelationProgram/subtypeNumbers``).
    mutating func number(_ subtypeNumbers: SubtypeNumbers) {
        program = RelationProgram(elements, subtypeNumbers: subtypeNumbers)
    }

    /// The words a sentence must have one of for `elements` to match: one word of each alternative
    /// of one required word element. Every word of an alternative is a token of any match of it, so
    /// any word and any required element would do; the rarest are the ones worth choosing. A word
    /// is common when `common` (stop words) has it or it has no letter (",", "("). An alternative's
    /// anchor is its longest uncommon word, else its first word; the element with the fewest common
    /// anchors wins, then the one whose shortest uncommon anchor is longest, then the first.
    /// (Anchored on the first word of its first required element, "talks-with" was tried in every
    /// sentence with "in", from "in_talks", and "capital-of" in every sentence with a comma.)
    static func anchors(of elements: [Element], common: WordSet) -> WordSet? {
        func isCommon(_ word: String) -> Bool {
            common.contains(word) || !word.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
        var best: (common: Int, shortest: Int, words: [String])?
        for element in elements {
            guard case .words(let alternatives, false) = element else { continue }
            let words = alternatives.all.compactMap { phrase in
                phrase.filter { !isCommon($0) }.max { $0.utf8.count < $1.utf8.count } ?? phrase.first
            }
            let commonCount = words.filter(isCommon).count
            let shortest = words.map { isCommon($0) ? 0 : $0.utf8.count }.min() ?? 0
            if let chosen = best, (chosen.common, -chosen.shortest) <= (commonCount, -shortest) { continue }
            best = (commonCount, shortest, words)
        }
        return best.map { WordSet($0.words) }
    }
}

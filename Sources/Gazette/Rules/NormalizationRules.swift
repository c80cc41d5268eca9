import Foundation

/// The data the normalization and sentence stages need, loaded once from `seeds/rules/<lang>/`:
/// boilerplate lines, stop words for language detection, wire names, abbreviations and months.
public struct NormalizationRules: Sendable {
    /// A boilerplate line to drop, as a folded key.
    public struct Boilerplate: Sendable, Hashable {
        public var key: String
        public var prefix: Bool
    }

    public var boilerplate: [Boilerplate]
    public var stopwords: [Language: WordSet]
    /// `(marker, source)` pairs found in datelines and credit lines.
    public var sources: [(marker: String, source: String)]
    /// Folded abbreviation (without its final period) → whether it can end a sentence.
    public var abbreviations: [Language: [String: Bool]]
    /// Words after which a `final` abbreviation does not end a sentence ("Co. KG"), per language.
    public var nameContinuations: [Language: WordSet]
    /// Digits of a number that make "N." an ordinal, per language (0: never).
    public var ordinalPeriodDigits: [Language: Int]
    /// Folded month form → month number, per language.
    public var months: [Language: [String: Int]]

    /// Loads every language's files from a rules folder such as `seeds/rules`.
    public init(directory: URL) throws(GazetteError) {
        var boilerplate: [Boilerplate] = []
        var stopwords: [Language: WordSet] = [:]
        var sources: [(String, String)] = []
        var abbreviations: [Language: [String: Bool]] = [:]
        var continuations: [Language: WordSet] = [:]
        var ordinal: [Language: Int] = [:]
        var months: [Language: [String: Int]] = [:]
        for language in Language.allCases {
            for row in try TSVFile.optional(directory, language, "boilerplate.tsv", minimumColumns: 3).rows {
                boilerplate.append(Boilerplate(key: NormalizationRules.lineKey(row[1]), prefix: row[2] == "prefix"))
            }
            stopwords[language] = WordSet(try TSVFile.optional(directory, language, "stopwords.tsv").rows.map { Folding.key($0[0]) })
            for row in try TSVFile.optional(directory, language, "sources.tsv", minimumColumns: 3).rows {
                sources.append((row[1], row[2]))
            }
            var abbr: [String: Bool] = [:]
            for row in try TSVFile.optional(directory, language, "abbreviations.tsv", minimumColumns: 2).rows {
                if row[1] == "continuation" {
                    continuations[language, default: []].insert(Folding.key(row[0]))
                } else {
                    abbr[Folding.key(row[0]).replacingOccurrences(of: " ", with: "")] = row[1] == "final"
                }
            }
            abbreviations[language] = abbr
            for row in try TSVFile.optional(directory, language, "sentences.tsv", minimumColumns: 2).rows
            where row[0] == "ordinal-period" {
                ordinal[language] = Int(row[1]) ?? 0
            }
            let monthsFile = try TSVFile.optional(directory, language, "months.tsv", minimumColumns: 2)
            var table: [String: Int] = [:]
            for row in monthsFile.rows {
                guard let month = Int(row[1]), (1...12).contains(month) else {
                    throw .badRuleFile(path: monthsFile.path, line: row.line, reason: "month must be a number from 1 to 12")
                }
                table[Folding.key(row[0])] = month
            }
            months[language] = table
        }
        self.boilerplate = boilerplate
        self.stopwords = stopwords
        self.sources = sources
        self.abbreviations = abbreviations
        self.nameContinuations = continuations
        self.ordinalPeriodDigits = ordinal
        self.months = months
    }

    /// The key a line is compared under: folded, surrounding punctuation and spaces removed.
    static func lineKey(_ line: some StringProtocol) -> String {
        // `trimmingCharacters(in: CharacterSet.alphanumerics.inverted)` without Foundation's pass
        // over the whole line (60,000 instructions for a sentence that ends in a period).
        Folding.key(line).trimmingScalars { scalar in
            scalar.isASCII ? !ScalarClass.isASCIIAlphanumeric(UInt8(scalar.value)) : !alphanumerics.contains(scalar)
        }
    }

    /// What `lineKey` keeps at the ends: letters, marks and digits.
    static let alphanumerics = CharacterSet.alphanumerics

    /// The month a word names in any language ("Oktober", "Nov"), or nil.
    public func month(_ word: some StringProtocol) -> Int? {
        let key = Folding.key(word)
        for language in Language.allCases {
            if let m = months[language]?[key] { return m }
        }
        return nil
    }
}

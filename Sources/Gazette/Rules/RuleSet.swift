import Foundation

/// Every rule and reference table the pipeline uses, loaded once from a rules folder
/// (`seeds/rules`, one sub-folder per language) and a reference folder (`seeds/reference`).
///
/// Loading is the only I/O the extraction stages depend on; afterwards a `RuleSet` is an
/// immutable, `Sendable` value shared by all documents and threads.
public struct RuleSet: Sendable {
    public var rulesDirectory: URL
    public var referenceDirectory: URL?
    public var normalization: NormalizationRules
    public var reference: ReferenceData
    public var mentions: [Language: MentionRules]
    /// Adjectives that state a region ("European", "europäischen"), per language, with their
    /// inflected forms.
    public var regionAdjectives: [Language: WordMap<String>]
    /// Month names and date patterns, per language.
    public var dates: [Language: DateRules]
    /// Relation patterns and cues, per language.
    public var relations: [Language: RelationRules]
    /// Event triggers, per language.
    public var events: [Language: EventRules]

    /// - Throws: ``GazetteError/badRuleFile(path:line:reason:)`` naming the first bad file and line.
    public init(rulesDirectory: URL, referenceDirectory: URL? = nil) throws(GazetteError) {
        self.rulesDirectory = rulesDirectory
        self.referenceDirectory = referenceDirectory
        normalization = try NormalizationRules(directory: rulesDirectory)
        reference = try referenceDirectory.map { url throws(GazetteError) in try ReferenceData(directory: url) } ?? ReferenceData()
        reference.functionWords = normalization.stopwords
        var mentions: [Language: MentionRules] = [:]
        var regionAdjectives: [Language: WordMap<String>] = [:]
        var dates: [Language: DateRules] = [:]
        var relations: [Language: RelationRules] = [:]
        var events: [Language: EventRules] = [:]
        for language in Language.allCases {
            do {
                dates[language] = try DateRules(directory: rulesDirectory, language: language)
            } catch let error as DateRulesError {
                throw .badRuleFile(path: error.file, line: error.line, reason: error.message)
            } catch {
                throw .badRuleFile(path: rulesDirectory.path, line: 0, reason: "\(error)")
            }
            let mentionRules = try MentionRules(directory: rulesDirectory, language: language)
            mentions[language] = mentionRules
            relations[language] = try RelationRules(directory: rulesDirectory, language: language, roles: mentionRules.roles)
            events[language] = try EventRules(directory: rulesDirectory, language: language)
            var table: WordMap<String> = [:]
            for row in try TSVFile.optional(rulesDirectory, language, "region-adjectives.tsv", minimumColumns: 3).rows {
                table[Folding.key(row[1])] = row[2]
            }
            regionAdjectives[language] = table
        }
        // Adjectives are read in any language's text ("deutsche Firmen" quoted in English), so every
        // table takes every language's endings, in the order the languages list them.
        var endings: [String] = []
        for language in Language.allCases {
            for ending in mentions[language]?.adjectiveEndings ?? [] where !endings.contains(ending) { endings.append(ending) }
        }
        reference.inflectAdjectives(endings)
        var ordinals: [String] = []
        for language in Language.allCases {
            for suffix in mentions[language]?.ordinalSuffixes ?? [] where !ordinals.contains(suffix) { ordinals.append(suffix) }
        }
        for language in Language.allCases { mentions[language]?.ordinalSuffixes = ordinals }
        for language in Language.allCases { regionAdjectives[language]?.addInflections(endings) }
        self.mentions = mentions
        self.regionAdjectives = regionAdjectives
        self.dates = dates
        self.relations = relations
        self.events = events
    }
}

import Foundation

/// The word sets the relation matcher reads around its slots, from `relation-words.tsv`: what
/// joins an enumeration, what may stand before or after an enumerated name, what narrows a role,
/// what may follow a party to a relation. Each language's file holds its own words.
public struct RelationWords: Sendable {
    /// Join an enumeration's names, besides commas ("and", "und", "sowie").
    public var listJoiners: WordSet = []
    /// May stand before an enumerated name ("the", "der").
    public var articles: WordSet = []
    /// After a name, say where it comes from ("from", "aus"); a list skips "from Poland".
    public var origins: WordSet = []
    /// May precede a role phrase ("former", "ehemaliger").
    public var former: WordSet = []
    /// Narrow a role with a lower-case word ("of", "für").
    public var roleLinks: WordSet = []
    /// Lower-case words that may follow a party to a relation: auxiliaries, prepositions, conjunctions.
    public var clauseWords: WordSet = []
    /// Pair the two cities after them in a sentence cue ("between", "zwischen").
    public var between: WordSet = []
    /// Inside an organization's name, "X of Y" makes X part of Y, past an article.
    public var nameOf: WordSet = []
    public var nameArticles: WordSet = []
    /// A joiner and the word after it that end an enumeration rather than join its next name
    /// ("A, B and other firms": "and other").
    public var listEnds: [(joiner: String, next: String)] = []

    public init() {}

    public init(directory: URL, language: Language) throws(GazetteError) {
        let file = try TSVFile.optional(directory, language, "relation-words.tsv", minimumColumns: 2)
        for row in file.rows {
            let word = Folding.key(row[1])
            switch row[0] {
            case "list-join": listJoiners.insert(word)
            case "article": articles.insert(word)
            case "origin": origins.insert(word)
            case "former": former.insert(word)
            case "role-link": roleLinks.insert(word)
            case "clause": clauseWords.insert(word)
            case "between": between.insert(word)
            case "name-of": nameOf.insert(word)
            case "name-article": nameArticles.insert(word)
            case "list-end":
                let words = row[1].split(separator: " ").map { Folding.key(String($0)) }
                guard words.count == 2 else {
                    throw .badRuleFile(path: file.path, line: row.line, reason: "a list-end is two words: a joiner and the word after it")
                }
                listEnds.append((words[0], words[1]))
            default:
                throw .badRuleFile(path: file.path, line: row.line, reason: "unknown set '\(row[0])'; use list-join, list-end, "
                                   + "article, origin, former, role-link, clause, between, name-of or name-article")
            }
        }
    }
}

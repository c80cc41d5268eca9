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

    /// - Throws: ``GazetteError/badRuleFile(path:line:reason:)`` naming the first bad file and line.
    public init(rulesDirectory: URL, referenceDirectory: URL? = nil) throws(GazetteError) {
        self.rulesDirectory = rulesDirectory
        self.referenceDirectory = referenceDirectory
        normalization = try NormalizationRules(directory: rulesDirectory)
    }
}

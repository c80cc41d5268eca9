import Foundation

/// The rules and reference data Gazette ships with: `seeds/rules/<lang>/*.tsv` and
/// `seeds/reference/*.tsv`, copied next to the binary as a resource bundle.
public enum Seeds {
    /// The folder holding one sub-folder of rule files per language.
    public static var rulesDirectory: URL? { Bundle.module.url(forResource: "rules", withExtension: nil) }
    /// The folder holding the reference-data files.
    public static var referenceDirectory: URL? { Bundle.module.url(forResource: "reference", withExtension: nil) }
}

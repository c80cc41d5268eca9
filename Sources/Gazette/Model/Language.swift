/// A document language Gazette has rules for.
///
/// The raw value is the ISO 639-1 code stored in `documents.language` and used as the
/// folder name under `seeds/rules/` (`seeds/rules/en/`, `seeds/rules/de/`).
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case en
    case de
}

/// One word, number or punctuation mark of a sentence, with its document offsets.
public struct Token: Sendable, Hashable {
    /// What a token looks like, for the rules that read token shapes.
    public enum Shape: UInt8, Sendable, Hashable {
        /// "Panjin", "Sino-German", "NeuViz": starts with a capital.
        case capitalized
        /// "BMW", "CONG", "GIZ": two or more letters, all capitals.
        case upper
        /// "the", "joint", "hat".
        case lower
        /// "2017", "128", "83,7", "4.0".
        case number
        /// ",", "(", "—", "'s".
        case punctuation
    }

    public var text: String
    /// Case- and accent-folded text, the lexicon key.
    public var key: String
    public var start: Int
    public var end: Int
    public var shape: Shape

    public var isWord: Bool { shape != .punctuation && shape != .number }
    /// Starts with a capital letter (capitalized or all-capitals).
    public var isCapitalized: Bool { shape == .capitalized || shape == .upper }
}

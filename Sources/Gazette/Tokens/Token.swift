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
    public let key: String
    /// ``WordIndex``'s hash of ``key``, made once with the token: the rules look each token up in
    /// many word sets and tables (``WordSet/contains(_:)-(Token)``, ``WordMap``'s token
    /// subscript), and hashing the key again for each was a twentieth of the extraction's work.
    public let keyHash: UInt32
    /// Whether ``key`` is ASCII letters and digits only, and so its own `Folding.nameKey`: the
    /// mention finder takes most name keys from here, where a pass over each key's bytes (and a
    /// cache of the keys made) cost 300 instructions a token looked up (70,000 on 2 MB).
    let keyIsAlphanumeric: Bool
    public var start: Int
    public var end: Int
    public var shape: Shape

    public init(text: String, key: String, start: Int, end: Int, shape: Shape) {
        self.text = text
        self.key = key
        keyHash = WordIndex.hash(key)
        keyIsAlphanumeric = Token.isAlphanumeric(key)
        self.start = start
        self.end = end
        self.shape = shape
    }

    /// A token whose key's ``WordIndex/hash(_:)``, and whether it is alphanumeric, the caller
    /// found as it read the key's bytes.
    init(text: String, key: String, keyHash: UInt32, keyIsAlphanumeric: Bool, start: Int, end: Int, shape: Shape) {
        self.text = text
        self.key = key
        self.keyHash = keyHash
        self.keyIsAlphanumeric = keyIsAlphanumeric
        self.start = start
        self.end = end
        self.shape = shape
    }

    /// Whether `key` is one or more ASCII lower-case letters and digits (a key has no capitals).
    static func isAlphanumeric(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    // A `switch`, not `shape == .a || shape == .b`: with the comparisons the optimizer called
    // these getters as functions and, for each call, copied the whole token out of its array
    // (retaining both strings) and destroyed it after: two million copies in a 2 MB import, 5 %
    // of the extraction's instructions.
    @inline(__always)
    public var isWord: Bool {
        switch shape {
        case .punctuation, .number: false
        case .capitalized, .upper, .lower: true
        }
    }

    /// Starts with a capital letter (capitalized or all-capitals).
    @inline(__always)
    public var isCapitalized: Bool {
        switch shape {
        case .capitalized, .upper: true
        case .lower, .number, .punctuation: false
        }
    }
}

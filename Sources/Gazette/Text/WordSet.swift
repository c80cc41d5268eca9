/// A set of words for the rule lookups of the extraction stages' hot loops: `Set<String>`'s
/// interface, ``WordIndex``'s cheap hash. Words are rule data, filled while the rules load and
/// then only read; iteration gives them in insertion order.
///
/// For example:
///
/// ```swift
/// let months: WordSet = ["january", "february"]
/// months.contains("january")   // true
/// ```
public struct WordSet: Sendable, Equatable, ExpressibleByArrayLiteral, Sequence {
    private var index = WordIndex()

    public init() {}

    public init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { insert(word) }
    }

    public init(arrayLiteral words: String...) {
        self.init(words)
    }

    public var count: Int { index.count }
    public var isEmpty: Bool { index.count == 0 }

    public func makeIterator() -> IndexingIterator<[String]> { index.words.makeIterator() }

    public func contains(_ word: String) -> Bool {
        index.number(of: word) != nil
    }

    /// Whether a token's key is here, by the hash the token carries.
    public func contains(_ token: Token) -> Bool {
        index.number(of: token.key, hash: token.keyHash) != nil
    }

    /// Whether the word whose UTF-8 bytes are `utf8` is here, without making a `String`.
    public func contains(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        index.number(ofUTF8: utf8, hash: WordIndex.hash(bytes: utf8)) != nil
    }

    /// ``contains(utf8:)`` with the bytes' ``WordIndex/hash(bytes:)`` already made, for a caller
    /// asking several sets about one word.
    func contains(utf8: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Bool {
        index.number(ofUTF8: utf8, hash: hash) != nil
    }

    /// ``contains(_:)-(String)`` with the word's ``WordIndex/hash(_:)`` already made.
    func contains(_ word: String, hash: UInt32) -> Bool {
        index.number(of: word, hash: hash) != nil
    }

    public func contains(_ word: Substring) -> Bool {
        contains(String(word))
    }

    /// Calls `body` with the ``WordIndex/hash(_:)`` of every word, without hashing any again.
    func forEachHash(_ body: (UInt32) -> Void) {
        index.forEachHash(body)
    }

    /// Adds `word`; false when it was there already.
    @discardableResult
    public mutating func insert(_ word: String) -> Bool {
        index.insert(word).inserted
    }

    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == String {
        for word in other { insert(word) }
    }

    public func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
        var out = self
        out.formUnion(other)
        return out
    }

    /// True when every word of `other` is here.
    public func isSuperset<S: Sequence>(of other: S) -> Bool where S.Element == String {
        other.allSatisfy(contains)
    }

    /// Same words, whatever their order.
    public static func == (lhs: WordSet, rhs: WordSet) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy(rhs.contains)
    }
}

/// A dictionary keyed by words for the rule and lexicon lookups of the extraction stages' hot
/// loops: the parts of `[String: Value]`'s interface the rules use, ``WordIndex``'s cheap hash.
/// Iteration gives the entries in the order their keys were first inserted.
///
/// For example:
///
/// ```swift
/// var directions: WordMap<String> = [:]
/// directions["northeast"] = "Northeast"
/// directions["northeast"]   // "Northeast"
/// ```
public struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral, Sequence {
    private var index = WordIndex()
    private var storage: [Value] = []

    public init() {}

    /// Room for `capacity` keys without growing.
    init(minimumCapacity capacity: Int) {
        index = WordIndex(minimumCapacity: capacity)
        storage.reserveCapacity(capacity)
    }

    /// The map `insertIfAbsent(key(k), values[k])` makes for each position `k` of `values` in
    /// order. When the keys are distinct, its storage is `values` itself, shared rather than
    /// copied: ``ResolvedMentions/byKey`` copied every entity of a document into its map (its
    /// strings retained, and released with the map).
    init(sharing values: [Value], keyedBy key: (Int) -> String) {
        index = WordIndex(minimumCapacity: values.count)
        for k in values.indices where !index.insert(key(k)).inserted {
            // A repeated key: value by value, the first of equal keys kept.
            index = WordIndex(minimumCapacity: values.count)
            storage.reserveCapacity(values.count)
            for k in values.indices { insertIfAbsent(key(k), values[k]) }
            return
        }
        storage = values
    }

    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    public var count: Int { index.count }
    public var isEmpty: Bool { index.count == 0 }
    public var keys: [String] { index.words }
    public var values: [Value] { storage }

    public func makeIterator() -> Zip2Sequence<[String], [Value]>.Iterator {
        zip(index.words, storage).makeIterator()
    }

    public subscript(key: String) -> Value? {
        get { index.number(of: key).map { storage[$0] } }
        set {
            // Rule tables only grow: a nil assignment to an absent key is a no-op, to a present
            // one is not supported (nothing removes rules once loaded).
            guard let newValue else {
                precondition(index.number(of: key) == nil, "WordMap does not remove keys")
                return
            }
            let (number, inserted) = index.insert(key)
            if inserted { storage.append(newValue) } else { storage[number] = newValue }
        }
    }

    /// Gives `key` the value `value` unless it has one: one hash and one copy of the value
    /// (`if !map.contains(key) { map[key] = value }` hashed twice and copied the value into the
    /// setter's optional and again into the map).
    mutating func insertIfAbsent(_ key: String, _ value: consuming Value) {
        let (_, inserted) = index.insert(key)
        if inserted { storage.append(value) }
    }

    /// Calls `body` with the ``WordIndex/hash(_:)`` of every key, without hashing any again.
    func forEachKeyHash(_ body: (UInt32) -> Void) {
        index.forEachHash(body)
    }

    /// The position of `key` among ``keys`` (and of its value among ``values``), trying `hint`
    /// first: a position known from elsewhere, such as a mention's ``Mention/entityIndex`` in a
    /// map of the document's entities. When the key there is `key` (the same string, so compared
    /// at once), nothing is hashed; otherwise the key is looked up as usual.
    @inline(__always)
    func position(of key: String, hint: Int) -> Int? {
        let words = index.words
        if words.indices.contains(hint), words[hint] == key { return hint }
        return index.number(of: key)
    }

    /// Whether `key` has a value, without copying it.
    public func contains(_ key: String) -> Bool {
        index.number(of: key) != nil
    }

    /// Whether a token's key has a value, by the hash the token carries and without copying the
    /// value (`map[token] != nil` copies it, retaining what it holds).
    public func contains(_ token: Token) -> Bool {
        index.number(of: token.key, hash: token.keyHash) != nil
    }

    /// What `body` makes of the value for `key`, read in place; nil when the key is absent.
    /// `map[key]?.field` copies the whole value to read one field: for a ``ResolvedEntity``,
    /// eight strings and an array retained and released per look-up.
    @inline(__always)
    public func read<Result>(_ key: String, _ body: (Value) -> Result) -> Result? {
        guard let number = index.number(of: key) else { return nil }
        return body(storage[number])
    }

    /// ``read(_:_:)`` with the key's ``WordIndex/hash(_:)`` already made, for a caller asking
    /// several maps about one key.
    @inline(__always)
    func read<Result>(_ key: String, hash: UInt32, _ body: (Value) -> Result) -> Result? {
        guard let number = index.number(of: key, hash: hash) else { return nil }
        return body(storage[number])
    }

    /// Adds each key followed by each ending ("deutsch" + "en"), with the key's value, where that
    /// form is not a key already. Endings are tried in the order given, so the map answers as
    /// stripping the first ending that leaves a key would, with one lookup instead of one per ending.
    public mutating func addInflections(_ endings: [String]) {
        let stems = Array(self)
        for ending in endings where !ending.isEmpty {
            for (stem, value) in stems where self[stem + ending] == nil { self[stem + ending] = value }
        }
    }

    /// The value for a token's key, found by the hash the token carries.
    public subscript(token: Token) -> Value? {
        index.number(of: token.key, hash: token.keyHash).map { storage[$0] }
    }

    public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let (number, inserted) = index.insert(key)
            if inserted { storage.append(defaultValue()) }
            yield &storage[number]
        }
    }
}
